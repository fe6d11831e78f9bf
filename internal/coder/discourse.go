package coder

// Document-level actor resolution (CodeDocument only). A document keeps a
// few discourse entities from sentence to sentence:
//
//   - the host of a gathering: the source of a verb whose object is a
//     gathering noun ("Arnor held a meeting") is the referent of a later
//     definite "the meeting", of "the participants of the meeting" / "the
//     meeting's participants", and the implicit agent of a passive speech
//     verb said "at the meeting" ("it was noted at the meeting that ...");
//   - agent countries: an agent-only phrase ("the NGO representatives",
//     ---NGO) takes the country of the most recent actor of the document
//     with the same agent ("Non-Governmental Organizations of Gondor" →
//     GONNGO);
//   - the author of a statement: a statement noun with "on behalf of X"
//     ("a statement was accepted on behalf of X") makes a later definite
//     "the statement" stand for X;
//   - quotations: a quotation opened inside the clause of a speech verb has
//     that verb's subject as speaker; inside it first-person plural
//     pronouns (we, us, our) are the speaker and second-person pronouns
//     (you, your) the targets of the quotation's most recent event, also
//     across sentences until the quotation closes. A quotation that opens a
//     sentence with no speech verb of its own is the words of who made a
//     statement in the sentence before;
//   - acts: the latest acts of the document with their doers (a ring of
//     maxDeeds), so that a later definite noun naming an act stands for
//     its doer: a nominalisation of the act's verb ("Burma extended her
//     house arrest ... called the extension unlawful", "Russia expelled
//     the diplomats ... condemned the expulsion"), a noun event of the
//     dictionary for the latest act of its root ("imposed sanctions ...
//     rejected the sanctions"), a general act noun for the latest act
//     ("the Security Council authorised a force ... the government
//     welcomed the decision", "Iran seized the tanker ... the move"), and
//     "the remarks", "the claim" for the latest speaker;
//   - the attack: the doers of the story's first violent act, whom a later
//     "the attack" or "the attackers" names.
//
// Entities found in a sentence serve the sentences after it. CodeSentence
// (sentence-level coding, as the PETRARCH validation uses) keeps none.

import (
	"strings"

	"github.com/eventwire/eventwire/internal/cameo"
	"github.com/eventwire/eventwire/internal/dict"
	"github.com/eventwire/eventwire/internal/event"
)

// gatheringNoun reports whether lemma l names a gathering that an actor
// holds.
func gatheringNoun(l string) bool {
	switch l {
	case "meeting", "conference", "summit", "session", "forum", "congress", "rally", "gathering",
		"assembly", "symposium", "roundtable", "seminar", "convention":
		return true
	}
	return false
}

// participantNoun reports whether lemma l names those taking part in a
// gathering.
func participantNoun(l string) bool {
	switch l {
	case "participant", "participants", "attendee", "attendees", "delegate", "delegates", "organizer", "organiser", "organizers", "organisers":
		return true
	}
	return false
}

// statementNoun reports whether lemma l names what an actor says or
// issues, in writing or aloud: its possessor speaks ("Cornyn's statement
// added"), a participle of it is said by whoever issued it ("issued a
// statement claiming ...", "released a report accusing ..."), and a later
// definite "the statement" is its author's.
func statementNoun(l string) bool {
	switch l {
	case "statement", "declaration", "communique", "communiqué", "appeal", "letter", "address", "message", "petition",
		"speech", "remarks", "note", "report":
		return true
	}
	return false
}

// quoteMark classifies word i as a quotation mark: 1 opens a quotation, 2
// closes one, 3 is a straight mark whose side the spacing does not tell,
// 0 is no mark. A straight mark written against the word before it closes
// ("cooperation\""), one written against the word after it opens.
func (sc *Scratch) quoteMark(i int) int {
	switch sc.s.Words[i].Form {
	case "“", "``", "«":
		return 1
	case "”", "''", "»":
		return 2
	case `"`:
	default:
		return 0
	}
	w := &sc.s.Words[i]
	if i > 0 && w.Start >= 0 && sc.s.Words[i-1].End == w.Start {
		return 2
	}
	if i+1 < len(sc.s.Words) && w.End >= 0 && sc.s.Words[i+1].Start == w.End {
		return 1
	}
	return 3
}

// definite reports whether noun h has a definite or demonstrative
// determiner, or a possessor.
func (sc *Scratch) definite(h int) bool {
	for _, k := range sc.children(h) {
		switch sc.s.Words[k].Deprel {
		case "det":
			switch sc.low[k] {
			case "the", "this", "that", "these", "those":
				return true
			}
		case "nmod:poss":
			return true
		}
	}
	return false
}

// discourseNP appends the discourse entity a noun phrase headed by h that
// names no actor refers to: the host of "the meeting" or of its
// participants, the author of "the statement".
func (c *Coder) discourseNP(sc *Scratch, h int, out []actorRef) []actorRef {
	if sc.docOn && len(sc.pair) == 2 && sc.actorAt[h] < 0 && sc.twoOf(h) {
		// "Pashinyan met Aliyev ... the two leaders agreed", "sent
		// supplies to Turkey and Syria ... aid to both countries"
		for _, a := range sc.pair {
			a.head, a.first, a.last, a.ante = h, h, h, 0
			out = append(out, a)
		}
		if sc.tr != nil {
			sc.trace("pronoun %q at word %d → %s, %s (the two parties before)", sc.low[h], h+1, sc.pair[0].code, sc.pair[1].code)
		}
		return out
	}
	if !sc.docOn || sc.actorAt[h] >= 0 || sc.agentAt[h] >= 0 {
		return out
	}
	l := sc.lemma[h]
	var ents []actorRef
	switch {
	case len(sc.hosts) > 0 && l == sc.hostNoun && sc.definite(h):
		ents = sc.hosts
	case len(sc.hosts) > 0 && participantNoun(l):
		for _, k := range sc.children(h) {
			d := sc.s.Words[k].Deprel
			if sc.lemma[k] == sc.hostNoun && (d == "nmod:poss" || sc.rel(k) == "nmod" && sc.caseOf(k) == "of") {
				ents = sc.hosts
			}
		}
	case len(sc.authors) > 0 && l == sc.authorNoun && sc.definite(h):
		ents = sc.authors
	case len(sc.attackers) > 0 && attackNoun(l) && sc.definite(h) && !sc.namesActor(h):
		// "Iran launched drones at Israel. The Group of Seven condemned
		// the attack": the attack is its perpetrator's
		ents = sc.attackers
	case len(sc.attackers) > 0 && perpetratorNoun(l) && !sc.namesActor(h):
		// "Al Shabaab militants stormed a hotel ... Security forces killed
		// all five attackers": those who did the story's violent act
		ents = sc.attackers
	case len(sc.accusers) > 0 && accusationNoun(l) && sc.definite(h) && !sc.namesActor(h):
		// "Ukraine accused Russia of shelling the plant. Moscow denied the
		// accusation": the accusation is its accuser's
		ents = sc.accusers
	case sc.deedN > 0 && sc.s.Words[h].UPOS == "NOUN" && sc.definite(h) && !sc.namesActor(h) && !cooperationCode(sc.act):
		// (an act a party works on is no party to it: "Morsi helped
		// negotiate that agreement", "signed the deal")
		if d := sc.deedNamed(l, c.nounEventRoot(l)); d != nil {
			ents = d.refs
			if sc.tr != nil {
				sc.trace("noun %q at word %d names the act %q of an earlier sentence", sc.low[h], h+1, d.verb)
			}
		}
	}
	for _, a := range ents {
		a.head, a.first, a.last, a.ante = h, h, h, 0
		out = append(out, a)
		if sc.tr != nil {
			sc.trace("pronoun %q at word %d → %s (document entity)", sc.low[h], h+1, a.code)
		}
	}
	return out
}

// quotedPronoun appends the referents of a first-person or second-person
// pronoun h inside a quotation; ok is false when h is no such
// pronoun or the quotation has no speaker.
func (c *Coder) quotedPronoun(sc *Scratch, h int, out []actorRef) ([]actorRef, bool) {
	if !sc.docOn || h >= len(sc.inQuote) || !sc.inQuote[h] {
		return out, false
	}
	var ents []actorRef
	switch sc.low[h] {
	case "we", "us", "our", "ours", "i", "me", "my", "mine":
		// the speaker, for a person or on behalf of an organisation: "I am
		// deeply disappointed with the Administration's decision"
		ents = sc.speakers
	case "you", "your", "yours":
		ents = sc.addressees
	default:
		return out, false
	}
	if len(ents) == 0 {
		return out, false
	}
	for _, a := range ents {
		a.head, a.first, a.last, a.ante = h, h, h, 0
		out = append(out, a)
		if sc.tr != nil {
			sc.trace("pronoun %q at word %d → %s (quotation)", sc.low[h], h+1, a.code)
		}
	}
	return out, true
}

// scanQuotes marks the words of the sentence inside a quotation, opening
// one with the subject of the speech verb whose clause contains the mark
// as its speaker, or continuing one left open by the previous sentence.
func (c *Coder) scanQuotes(sc *Scratch) {
	sc.inQuote = growBool(sc.inQuote, len(sc.s.Words))
	if !sc.docOn {
		return
	}
	for i := range sc.s.Words {
		q := sc.quoteMark(i)
		if q == 0 {
			sc.inQuote[i] = sc.quoteOpen
			continue
		}
		if q == 2 || q == 3 && sc.quoteOpen {
			sc.inQuote[i] = sc.quoteOpen
			sc.quoteOpen = false
			continue
		}
		sc.quoteOpen = true
		sc.speakers = sc.speakers[:0]
		sc.addressees = sc.addressees[:0]
		// the speech verb whose clause holds the opening mark
		found := false
		for k, d := sc.head(i), 0; k >= 0 && d < 8; k, d = sc.head(k), d+1 {
			if c.isSpeech(sc, k) {
				sc.dnp = c.subjects(sc, k, sc.dnp[:0], 0)
				sc.speakers = append(sc.speakers, sc.dnp...)
				found = true
				break
			}
		}
		if !found && i == 0 && !c.hasSpeech(sc) {
			// a quotation standing as its own sentence continues the
			// statement of the sentence before: "Cornyn issued a statement.
			// “Like many Texans, I am disappointed with NASA's decision”";
			// "The ministry said on Sunday it would respond. “We will not
			// accept these sanctions”"
			sc.speakers = append(sc.speakers, sc.stated...)
		}
	}
}

// hasSpeech reports whether the sentence has a speech verb, or a verb
// issuing a statement noun ("issued a statement").
func (c *Coder) hasSpeech(sc *Scratch) bool {
	for v := range sc.s.Words {
		if c.statesAt(sc, v) {
			return true
		}
	}
	return false
}

// statesAt reports whether word v is a verb of public statement, or a verb
// whose object is a statement noun ("issued a statement", "released a
// communique").
func (c *Coder) statesAt(sc *Scratch, v int) bool {
	w := &sc.s.Words[v]
	if w.UPOS != "VERB" {
		return false
	}
	if c.isSpeech(sc, v) {
		return true
	}
	for _, k := range sc.children(v) {
		if sc.s.Words[k].Deprel == "obj" && statementNoun(sc.lemma[k]) {
			return true
		}
	}
	return false
}

// noteStated records who made a statement in the sentence outside
// quotations: the subjects of its last such verb (scanQuotes gives them to
// a quotation that opens the next sentence).
func (c *Coder) noteStated(sc *Scratch) {
	sc.stated = sc.stated[:0]
	for v := len(sc.s.Words) - 1; v >= 0; v-- {
		if v < len(sc.inQuote) && sc.inQuote[v] || !c.statesAt(sc, v) {
			continue
		}
		sc.dnp = c.subjects(sc, v, sc.dnp[:0], 0)
		if len(sc.dnp) > 0 {
			sc.stated = append(sc.stated, sc.dnp...)
			return
		}
	}
}

// endDiscourse records the entities of the coded sentence for the sentences
// after it; evs are the sentence's events.
func (c *Coder) endDiscourse(sc *Scratch, evs []event.Event) {
	if !sc.docOn {
		return
	}
	c.noteStated(sc)
	c.noteDeeds(sc, evs)
	// the targets of the last verb with events inside a quotation are who
	// "you" is
	last := -1
	for i := len(evs) - 1; i >= 0; i-- {
		v := evs[i].VerbSpan.First - 1
		if v >= 0 && v < len(sc.inQuote) && sc.inQuote[v] && evs[i].Target != dict.NullCode {
			last = v
			break
		}
	}
	if last >= 0 {
		sc.addressees = sc.addressees[:0]
		for i := range evs {
			if evs[i].VerbSpan.First-1 == last && evs[i].Target != dict.NullCode {
				sc.addressees = append(sc.addressees, actorRef{code: evs[i].Target, actor: -1, agent: -1, mod: -1})
			}
		}
	}
	// agent countries: of a country or organisation ("NGOs of Gondor", "the
	// court" after "the International Criminal Court"), not of a named
	// armed group whose fighters are its forces ("the Rapid Support
	// Forces" is no country whose army a later "the army" is)
	for _, a := range sc.curAnte {
		if a.actor >= 0 && a.agent >= 0 && !nonStateGroup(c.actorCode(sc, a.actor)) {
			sc.setAgentCountry(a)
		}
	}
	for v := range sc.s.Words {
		w := &sc.s.Words[v]
		switch {
		case (w.UPOS == "VERB" || w.UPOS == "AUX") && w.Deprel != "aux" && w.Deprel != "cop":
			// "Arnor held a meeting": the host of the gathering
			for _, k := range sc.children(v) {
				if sc.s.Words[k].Deprel == "obj" && gatheringNoun(sc.lemma[k]) {
					sc.dnp = c.subjects(sc, v, sc.dnp[:0], 0)
					if len(sc.dnp) > 0 {
						sc.hosts = append(sc.hosts[:0], sc.dnp...)
						sc.hostNoun = sc.lemma[k]
					}
				}
			}
		case sc.lemma[v] == "behalf" && sc.caseOf(v) == "on":
			// "a statement was accepted on behalf of X": X is the author
			noun := -1
			if h := sc.head(v); h >= 0 {
				if statementNoun(sc.lemma[h]) {
					noun = h
				}
				for _, k := range sc.children(h) {
					if d := sc.rel(k); (d == "nsubj" || d == "obj") && statementNoun(sc.lemma[k]) {
						noun = k
					}
				}
			}
			if noun < 0 {
				continue
			}
			for _, k := range sc.children(v) {
				if sc.rel(k) == "nmod" && sc.caseOf(k) == "of" {
					sc.dnp = c.resolveNP(sc, k, sc.dnp[:0], 0)
					if len(sc.dnp) > 0 {
						sc.authors = append(sc.authors[:0], sc.dnp...)
						sc.authorNoun = sc.lemma[noun]
					}
				}
			}
		}
	}
}

// maxDeeds is how many of the latest acts of a document are kept.
const maxDeeds = 8

// deed is an act of an earlier sentence of the document: its verb's lemma,
// whether it is a speech verb, and its doers.
type deed struct {
	verb   string
	code   string // the code of its first event, "" for a decision coded nothing
	speech bool
	refs   []actorRef
}

// noteDeeds records the acts of the sentence whose doers are known: the
// verbs with events (their sources) and the verbs of decision (their
// subjects), for a later "the decision", "the extension" (discourseNP).
func (c *Coder) noteDeeds(sc *Scratch, evs []event.Event) {
	for v := range sc.s.Words {
		w := &sc.s.Words[v]
		if w.UPOS != "VERB" && (v >= len(sc.verbEvt) || sc.verbEvt[v] < 0) || w.Deprel == "aux" || w.Deprel == "cop" {
			continue // (a noun event's word has events too: "imposed sanctions")
		}
		// gathered apart: the ring's next slot still holds its oldest act
		refs, code := sc.deedRefs[:0], ""
		for i := range evs {
			if evs[i].VerbSpan.First-1 == v && evs[i].Source != dict.NullCode && !evs[i].Historical {
				refs = appendCode(refs, evs[i].Source)
				if code == "" {
					code = evs[i].Code
				}
			}
		}
		speech := c.isSpeech(sc, v)
		if len(refs) == 0 && (decisionVerb(sc.lemma[v]) || speech) {
			// a decision, or a speaker whose words coded no event of their
			// own ("forces say they killed 20 insurgents ... the Taliban
			// denied the claim")
			sc.dnp = c.subjects(sc, v, sc.dnp[:0], 0)
			for _, a := range sc.dnp {
				if !unknown(a) {
					refs = appendCode(refs, a.code)
				}
			}
		}
		sc.deedRefs = refs[:0]
		if len(refs) == 0 {
			continue
		}
		d := &sc.deeds[sc.deedN%maxDeeds]
		d.refs = append(d.refs[:0], refs...)
		d.verb, d.code, d.speech = sc.lemma[v], code, speech
		sc.deedN++
	}
}

// appendCode appends an actor of code to refs once.
func appendCode(refs []actorRef, code string) []actorRef {
	for _, r := range refs {
		if r.code == code {
			return refs
		}
	}
	return append(refs, actorRef{code: code, actor: -1, agent: -1, mod: -1})
}

// deedNamed returns the latest act of the document that noun lemma l
// names, nil for none: the act of the verb l nominalises ("extension",
// "expulsion"), else for a noun event of the dictionary (root its code's
// root, "" for none) the latest act of that root, else for a general act
// noun ("the decision", "the move") the latest act it can name
// (deed.enacts), and for "the remarks", "the claim" the latest speech.
func (sc *Scratch) deedNamed(l, root string) *deed {
	n := sc.deedN
	if n > maxDeeds {
		n = maxDeeds
	}
	for i := 1; i <= n; i++ {
		if d := &sc.deeds[(sc.deedN-i)%maxDeeds]; nominalises(l, d.verb) {
			return d
		}
	}
	for i := 1; i <= n && root != ""; i++ {
		// a noun event of the dictionary names the latest act of its
		// root: "The United States imposed sanctions on three Venezuelan
		// officials ... Caracas rejected the sanctions" (16), "the
		// protests" after "thousands marched" (14)
		if d := &sc.deeds[(sc.deedN-i)%maxDeeds]; strings.HasPrefix(d.code, root) {
			return d
		}
	}
	act, remark := actNoun(l), remarkNoun(l)
	for i := 1; i <= n && (act || remark); i++ {
		if d := &sc.deeds[(sc.deedN-i)%maxDeeds]; act && d.enacts() || remark && d.speech {
			return d
		}
	}
	return nil
}

// holders replaces the targets of an appeal or demand for release (0253,
// 1053) that are the persons held by who holds them, as CAMEO codes it:
// the doers of the document's latest detention or abduction ("Zimbabwean
// police arrested opposition leader Morgan Tsvangirai ... The United
// States called for his release" → ZWECOP), else the government of the
// persons' own country
// ("called for the release of Aung San Suu Kyi" → MMRGOV). A target that
// can hold anyone itself (a state, its forces, an armed group: "urged
// Russia to release the sailors") stays.
func (c *Coder) holders(sc *Scratch, tgts []actorRef) []actorRef {
	for _, t := range tgts {
		if canHold(t.code) {
			return tgts
		}
	}
	if sc.docOn {
		n := min(sc.deedN, maxDeeds)
		for i := 1; i <= n; i++ {
			d := &sc.deeds[(sc.deedN-i)%maxDeeds]
			if !strings.HasPrefix(d.code, "173") && !strings.HasPrefix(d.code, "181") {
				continue
			}
			// the persons' phrase, or none when they were named only
			// before ("called for his release")
			span := actorRef{head: -1, first: -1, last: -1}
			if len(tgts) > 0 {
				span = tgts[0]
			}
			tgts = tgts[:0]
			for _, a := range d.refs {
				a.head, a.first, a.last, a.ante = span.head, span.first, span.last, 0
				tgts = append(tgts, a)
			}
			if sc.tr != nil {
				sc.trace("  the persons to release are held by the doers of %q, an earlier detention", d.verb)
			}
			return tgts
		}
	}
	for i := range tgts {
		if t := &tgts[i]; len(t.code) > 3 && countryCode(t.code[:3]) {
			t.code = t.code[:3] + "GOV"
		}
	}
	return tgts
}

// canHold reports whether actor code names who can hold persons: a state
// or its government, forces, courts or police, or an armed group.
func canHold(code string) bool {
	if len(code) == 3 {
		return !unknownCode(code)
	}
	for _, r := range [...]string{"GOV", "MIL", "COP", "JUD", "SPY", "REB", "INS", "SEP", "UAF", "RAD"} {
		if cameo.HasRole(code, r) {
			return true
		}
	}
	return false
}

// nounEventRoot returns the two-digit root of the code the dictionary
// gives lemma l as a noun event ("sanctions": 16), "" when it is none or
// has no code of its own.
func (c *Coder) nounEventRoot(l string) string {
	for _, r := range c.set.VerbsFor(l) {
		vb := &c.set.Verbs[r.Verb]
		if !vb.Forms[r.Form].Noun {
			continue
		}
		code := vb.Code
		if f := vb.Forms[r.Form].Code; f != "" {
			code = f
		}
		if len(code) < 2 || code == dict.NullCode || code[0] < '0' || code[0] > '9' {
			return ""
		}
		return code[:2]
	}
	return ""
}

// cooperationCode reports whether code is an act of cooperation (roots 03,
// 04, 06–08), whose object is what is worked on.
func cooperationCode(code string) bool {
	if len(code) < 2 {
		return false
	}
	switch code[:2] {
	case "03", "04", "06", "07", "08":
		return true
	}
	return false
}

// enacts reports whether the act is one a general act noun ("the
// decision", "the move") can name: a decision, coded or not, or an act
// done rather than said — a commitment (03), material cooperation or
// conflict (06–09, 14–20) — not words of praise, appeal or criticism
// ("Zelenskyy thanked the leaders" is no decision a later "Russia
// criticized the decision" names).
func (d *deed) enacts() bool {
	if decisionVerb(d.verb) {
		return true
	}
	if d.speech || len(d.code) < 2 {
		return false
	}
	switch d.code[:2] {
	case "03", "06", "07", "08", "09", "14", "15", "16", "17", "18", "19", "20":
		return true
	}
	return false
}

// decisionVerb reports whether lemma l decides or enacts a measure
// whose doer a later "the decision" names, coded or not ("the Security
// Council authorised sending peacekeepers", "the junta extended the
// curfew").
func decisionVerb(l string) bool {
	switch l {
	case "decide", "agree", "vote", "approve", "authorize", "authorise", "adopt", "pass", "rule", "order", "announce",
		"impose", "extend", "suspend", "ban", "lift", "expel", "sentence", "cancel", "postpone", "endorse",
		"declare", "withdraw", "freeze", "halt", "close", "recall", "dissolve":
		return true
	}
	return false
}

// actNoun reports whether lemma l names an act without naming its kind,
// referring back to the latest act ("welcomed the decision", "condemned
// the move"), or a seizure of power or a crackdown told before as its acts
// ("soldiers detained the president ... the AU condemned the coup").
func actNoun(l string) bool {
	switch l {
	case "decision", "move", "step", "measure", "action", "ruling", "verdict", "resolution", "coup", "takeover", "putsch", "crackdown":
		return true
	}
	return false
}

// remarkNoun reports whether lemma l names what was just said ("rejected
// the remarks", "welcomed the comments", "denied the claim").
func remarkNoun(l string) bool {
	switch l {
	case "remark", "remarks", "comment", "comments", "claim", "claims", "allegation", "allegations", "assertion", "assertions":
		return true
	}
	return false
}

// nominalises reports whether noun lemma n is a nominalisation of verb
// lemma v: the same word ("arrest", "ban", "release"), or v (less a final
// "e") with -al, -ment, -ion, -ation, -ure, -ing ("withdrawal",
// "deployment", "execution", "condemnation", "seizure", "killing"), -d(e)
// → -sion ("decision", "extension", "invasion"), -ain → -ention
// ("detention"), -el → -ulsion ("expulsion"), -y → -ial, -ation
// ("denial", "occupation").
func nominalises(n, v string) bool {
	if len(v) < 3 || n == "" {
		return false
	}
	if n == v {
		return true
	}
	stem := strings.TrimSuffix(v, "e")
	for _, suf := range [...]string{"al", "ment", "ion", "ation", "ure", "ing"} {
		if joins(n, v, suf) || joins(n, stem, suf) {
			return true
		}
	}
	if d := strings.TrimSuffix(stem, "d"); len(d) < len(stem) && joins(n, d, "sion") {
		return true
	}
	if strings.HasSuffix(v, "el") && joins(n, v[:len(v)-2], "ulsion") {
		return true // expel → expulsion, repel → repulsion
	}
	if strings.HasSuffix(v, "ain") && joins(n, v[:len(v)-3], "ention") {
		return true
	}
	if y := strings.TrimSuffix(v, "y"); len(y) < len(v) && (joins(n, y, "ial") || joins(n, y, "ation")) {
		return true
	}
	return false
}

// joins reports whether s is a followed by b.
func joins(s, a, b string) bool {
	return len(s) == len(a)+len(b) && strings.HasPrefix(s, a) && strings.HasSuffix(s, b)
}

// setAgentCountry remembers a as the latest actor with its agent.
func (sc *Scratch) setAgentCountry(a actorRef) {
	for i := range sc.agentCountry {
		if sc.agentCountry[i].agent == a.agent {
			sc.agentCountry[i] = a
			return
		}
	}
	sc.agentCountry = append(sc.agentCountry, a)
}

// agentCountryOf returns the latest actor of the document with agent
// entry ag.
func (sc *Scratch) agentCountryOf(ag int) (actorRef, bool) {
	if !sc.docOn {
		return actorRef{}, false
	}
	for _, a := range sc.agentCountry {
		if a.agent == ag {
			return a, true
		}
	}
	return actorRef{}, false
}

// expletiveSpeech reports whether verb h is a passive speech verb with an
// expletive subject ("it was noted that ..."): in a document its implicit
// agent (the host of a gathering it was said at) fills a pattern's
// nsubj=$S slot.
func (c *Coder) expletiveSpeech(sc *Scratch, h int) bool {
	if !sc.docOn || !sc.passive(h) || !c.isSpeech(sc, h) {
		return false
	}
	for _, k := range sc.children(h) {
		if sc.s.Words[k].Deprel == "nsubj:pass" && sc.low[k] == "it" {
			return true
		}
	}
	return false
}

// evidenceVerb reports whether lemma l presents a conclusion ("the facts
// show that ...").
func evidenceVerb(l string) bool {
	switch l {
	case "show", "prove", "reveal", "indicate", "illustrate", "testify":
		return true
	}
	return false
}

// conclusionOf appends the source of an evidence verb v whose subject
// names no actor ("The facts show that ...", "The revelation of the plan
// shows that ..."), in a document that reports a gathering: the
// conclusion is the gathering's, its host speaks. The host was named in
// another sentence, so the source has no words here (an empty span).
func (c *Coder) conclusionOf(sc *Scratch, v int, out []actorRef) ([]actorRef, bool) {
	if !sc.docOn || len(sc.hosts) == 0 || !evidenceVerb(sc.lemma[v]) {
		return out, false
	}
	for _, k := range sc.children(v) {
		if sc.rel(k) == "nsubj" {
			if sc.s.Words[k].UPOS == "PRON" {
				return out, false
			}
			if _, ok := c.nounCode(sc, k); ok {
				return out, false
			}
		}
	}
	for _, a := range sc.hosts {
		a.head, a.first, a.last, a.ante = -1, -1, -1, 0
		out = append(out, a)
		if sc.tr != nil {
			sc.trace("pronoun the conclusion of %q at word %d → %s (the host of the %s, document entity)", sc.low[v], v+1, a.code, sc.hostNoun)
		}
	}
	return out, true
}

// attackNoun reports whether lemma l names a violent act that a definite
// noun phrase ("the attack") can refer back to.
func attackNoun(l string) bool {
	switch l {
	case "attack", "assault", "offensive", "raid", "incursion", "invasion", "bombing", "shelling", "strike", "strikes", "airstrike", "airstrikes", "ambush",
		"abduction", "kidnapping", "killing", "killings", "massacre", "shooting", "assassination", "hijacking", "violence":
		return true
	}
	return false
}

// perpetratorNoun reports whether lemma l names those who did a violent
// act, referring back to its doers ("the attackers", "all five
// assailants", "the kidnappers").
func perpetratorNoun(l string) bool {
	switch l {
	case "attacker", "attackers", "assailant", "assailants", "perpetrator", "perpetrators", "bomber", "bombers",
		"kidnapper", "kidnappers", "abductor", "abductors", "hijacker", "hijackers", "raider", "raiders":
		return true
	}
	return false
}

// accusationNoun reports whether lemma l names an accusation or a
// criticism that a later sentence answers ("denied the accusation",
// "rejected the claims", "dismissed the allegations").
func accusationNoun(l string) bool {
	switch l {
	case "accusation", "allegation", "charge", "claim", "criticism", "accusations", "allegations", "charges", "claims":
		return true
	}
	return false
}

// namesActor reports whether a word of the phrase headed by h (outside
// its clauses) is part of an actor or agent mention.
func (sc *Scratch) namesActor(h int) bool {
	for i := range sc.s.Words {
		if (sc.actorAt[i] >= 0 || sc.agentAt[i] >= 0) && sc.inSubtree(i, h) && !sc.inClauseBelow(i, h) {
			return true
		}
	}
	return false
}

// twoOf reports whether the plural noun h is counted as a pair: "the two
// leaders", "both countries" (and no actor inside it names others).
func (sc *Scratch) twoOf(h int) bool {
	if sc.s.Words[h].UPOS != "NOUN" || sc.s.Words[h].Feat("Number") != "Plur" {
		return false
	}
	two := false
	for _, k := range sc.children(h) {
		switch {
		case sc.low[k] == "two" && sc.s.Words[k].Deprel == "nummod", sc.low[k] == "both" && sc.rel(k) == "det":
			two = true
		case sc.actorAt[k] >= 0 || sc.s.Words[k].Deprel == "nmod":
			return false
		}
	}
	return two
}
