package coder

import (
	"strings"

	"github.com/eventwire/eventwire/internal/cameo"
	"github.com/eventwire/eventwire/internal/dict"
	"github.com/eventwire/eventwire/internal/event"
)

// accusationSynset names the synset of the words that make a statement
// about an actor an accusation (CAMEO 112), and disparagingSynset those
// that make it a criticism (111): their one-word members, and those of the
// synsets they name, are collected when the coder is built. A dictionary
// set without them (PETRARCH's, TABARI's) keeps its statements as they are
// coded.
const (
	accusationSynset  = "&accusation"
	disparagingSynset = "&disparaging"
)

// synsetWords flattens the one-word members of synset name and of the
// synsets it names (lemmas, lower-case); nil when the set has none.
func (c *Coder) synsetWords(name string) map[string]bool {
	if c.set.Synset(name) == nil {
		return nil
	}
	words := map[string]bool{}
	eachSynsetMember(c.set, name, func(p dict.Phrase) {
		if len(p) == 1 {
			words[strings.ToLower(p[0].Text)] = true
		}
	})
	return words
}

// eachSynsetMember calls f with every member phrase of synset name that does
// not begin with a synset, descending into the synsets that members begin
// with, each synset once.
func eachSynsetMember(set *dict.Set, name string, f func(dict.Phrase)) {
	seen := map[string]bool{}
	var walk func(name string)
	walk = func(name string) {
		if seen[name] {
			return
		}
		seen[name] = true
		syn := set.Synset(name)
		if syn == nil {
			return
		}
		for _, m := range syn.Members {
			switch {
			case len(m) == 0:
			case m[0].Synset:
				walk(m[0].Text)
			default:
				f(m)
			}
		}
	}
	walk(name)
}

// speechContent gives a plain statement (010) the code of what it says when
// what it says about its target is an accusation or a criticism: the target
// is the subject of the statement's content clause, and that clause holds a
// word of blame or wrongdoing (the accusation synset: 112) or of disparaging
// judgement (the disparaging synset: 111). CAMEO codes the content of a
// statement, not the verb "said": "Gates said that both Syria and Iran were
// responsible for providing weapons to Hezbollah" (USAGOV → SYR 112); "the
// ministry claimed that the rebels were behind the massacre" (112); "Blair
// said Iran was making a big mistake", "China said the U.S. move was
// illegal" (111). The event's rule names the mechanism after the
// statement's own entry.
func (c *Coder) speechContent(sc *Scratch, evs []event.Event) {
	if c.accuse == nil && c.disparage == nil {
		return
	}
	recoded := false
	for i := range evs {
		e := &evs[i]
		// a plain statement, or concern voiced about what the target does
		// ("expressed concern that the Islamists are harboring al-Qaida
		// terrorists", "voiced concern that Russia was violating the
		// treaty")
		if e.Code != "010" && e.Code != "012" || e.TargetSpan.First < 1 || e.VerbSpan.First < 1 {
			continue
		}
		v, t := e.VerbSpan.First-1, e.TargetSpan.First-1
		clause := sc.contentClause(v, t)
		if clause < 0 {
			continue
		}
		cue, code, what := -1, "", ""
		for _, cues := range [2]struct {
			words      map[string]bool
			code, what string
			predicate  bool // the cue must be the clause's predicate or its object
		}{{c.accuse, "112", "accusation", false}, {c.disparage, "111", "criticism", true}} {
			for k := range sc.s.Words {
				in := k == clause || sc.inSubtree(k, clause)
				if cues.predicate {
					// a judgement is what the clause says of its subject
					// ("the sanctions were illegal", "Iran is making a big
					// miscalculation"), not a word further down ("planes
					// were spotted at the time of the missile attack")
					in = k == clause || sc.head(k) == clause && (sc.rel(k) == "obj" || sc.rel(k) == "xcomp")
				}
				if in && (k < e.TargetSpan.First-1 || k > e.TargetSpan.Last-1) &&
					(cues.words[sc.lemma[k]] || cues.words[sc.low[k]]) && !sc.negated(sc.clauseOf(k)) {
					cue, code, what = k, cues.code, cues.what
					break
				}
			}
			if cue >= 0 {
				break
			}
		}
		if cue < 0 {
			continue
		}
		e.Code = code
		if sc.docOn && e.SourceSpan.First > 0 {
			// the accuser a later "the accusation" refers to (discourse.go)
			if !recoded {
				sc.accused = sc.accused[:0] // one accusation per sentence: its targets together
				recoded = true
			}
			if len(e.Target) >= 3 {
				sc.accused = append(sc.accused, e.Target[:3])
			}
			sc.accusers = append(sc.accusers[:0], actorRef{code: e.Source, head: e.SourceSpan.First - 1,
				first: e.SourceSpan.First - 1, last: e.SourceSpan.Last - 1, actor: -1, agent: -1, mod: -1})
		}
		if event.Complete(e) == nil {
			e.Rule += " content:" + what
		}
		if sc.tr != nil {
			sc.trace("  statement → %s: %q says of %s that it %s (%q)", what, sc.low[v], e.Target, sc.low[clause], sc.low[cue])
		}
	}
}

// plainStatements drops the statements (010) that are no event between
// their two actors: a statement whose target is only the subject of what is
// said ("Officials said the target of the strike was a vehicle", "residents
// say Israeli planes were spotted": the speaker does nothing to the actor it
// mentions; an accusation was recoded by speechContent before), and a
// statement to or by a news outlet, which is how a report reached the press,
// not an act ("told Reuters", "state television said"). It returns evs
// without them.
func (c *Coder) plainStatements(sc *Scratch, evs []event.Event) []event.Event {
	out := evs[:0]
	for _, e := range evs {
		if e.Code == "010" && e.VerbSpan.First > 0 {
			v := e.VerbSpan.First - 1
			switch {
			case e.TargetSpan.First > 0 && sc.contentClause(v, e.TargetSpan.First-1) >= 0:
				if sc.tr != nil {
					sc.trace("  dropped %s → %s 010: the target is only what the statement is about", e.Source, e.Target)
				}
				continue
			case e.TargetSpan.First > 0 && !sc.addressee(v, e.TargetSpan.First-1, e.TargetSpan.Last-1):
				if sc.tr != nil {
					sc.trace("  dropped %s → %s 010: the target is a topic, not whom the statement is made to", e.Source, e.Target)
				}
				continue
			case cameo.HasRole(e.Source, "MED") || cameo.HasRole(e.Target, "MED"):
				if sc.tr != nil {
					sc.trace("  dropped %s → %s 010: a news outlet carries the statement (attribution)", e.Source, e.Target)
				}
				continue
			}
		}
		out = append(out, e)
	}
	return out
}

// generalIntents drops the general intent (030) of a verb of commitment
// whose own complement codes a more telling intent or threat of the same
// source (roots 03 and 13): "Israel's prime minister vowed to continue the
// offensive in Gaza" is the threat of force (138), not also a promise to
// cooperate; "the rebels pledged to keep up their attacks on the capital"
// the same. It returns evs without them.
func (c *Coder) generalIntents(sc *Scratch, evs []event.Event) []event.Event {
	out := evs[:0]
next:
	for _, e := range evs {
		if e.Code == "030" && e.VerbSpan.First > 0 {
			v := e.VerbSpan.First - 1
			for _, o := range evs {
				w := o.VerbSpan.First - 1
				if w >= 0 && w != v && o.Source == e.Source && (strings.HasPrefix(o.Code, "03") && o.Code != "030" || strings.HasPrefix(o.Code, "13")) &&
					sc.inSubtree(w, v) && !sc.inClauseBelow(w, v) {
					if sc.tr != nil {
						sc.trace("  dropped %s → %s 030: its complement codes the intent (%s)", e.Source, e.Target, o.Code)
					}
					continue next
				}
			}
		}
		out = append(out, e)
	}
	return out
}

// addressee reports whether the phrase of words first..last is whom
// statement verb v is made to: its object or indirect object ("told
// Germany", "informed the council"), or a "to"/"with" phrase ("said to
// reporters", "spoke with Putin"), or a member of a list that is. A
// statement's other actors are its topic ("said of Hezbollah's
// capabilities", "commented on the Iranian proposal"), no event between
// speaker and topic.
func (sc *Scratch) addressee(v, first, last int) bool {
	for k := first; k <= last && k < len(sc.s.Words); k++ {
		h := sc.npHead(k)
		for d := 0; d < 4 && h >= 0 && sc.rel(h) == "conj"; d++ {
			h = sc.head(h)
		}
		if h < 0 || sc.head(h) != v {
			continue
		}
		switch sc.rel(h) {
		case "obj", "iobj":
			return true
		case "obl", "nmod":
			if c := sc.caseOf(h); c == "to" || c == "with" {
				return true
			}
		}
	}
	return false
}

// contentClause returns the clause (0-based word) said by speech word v
// whose subject holds word t: the path from t climbs through a subject
// relation to a clause that is a complement of v, directly or through the
// statement noun v names ("issued a statement claiming that ..."). -1 when
// t is not the subject of what v says.
func (sc *Scratch) contentClause(v, t int) int {
	subject := false
	for k, d := t, 0; k >= 0 && d < 12; d++ {
		h := sc.head(k)
		if h < 0 {
			return -1
		}
		rel := sc.rel(k)
		if strings.HasPrefix(rel, "nsubj") {
			subject = true
			if h == v {
				return -1 // the speaker itself
			}
		}
		if subject && (rel == "ccomp" || rel == "xcomp" || rel == "parataxis" || sc.thatClause(k)) {
			// k is a clause; it is said by v when it hangs from v or from a
			// word of v's own phrase (the statement noun and its participle)
			for a, n := h, 0; a >= 0 && n < 4; n++ {
				if a == v {
					return k
				}
				a = sc.head(a)
			}
			return -1
		}
		k = h
	}
	return -1
}

// thatClause reports whether word k heads a "that" clause the parser hung
// as a modifier: the content of a noun ("concern/acl that Russia was
// violating the treaty") or of the verb ("voiced concern that/advcl ...").
func (sc *Scratch) thatClause(k int) bool {
	if r := sc.rel(k); r != "acl" && r != "advcl" {
		return false
	}
	for _, j := range sc.children(k) {
		if sc.rel(j) == "mark" && sc.low[j] == "that" {
			return true
		}
	}
	return false
}

// clauseOf returns the clause head (0-based) that word k belongs to: the
// nearest ancestor-or-self that is a verb or a predicate.
func (sc *Scratch) clauseOf(k int) int {
	for d := 0; k >= 0 && d < 12; d++ {
		switch sc.s.Words[k].UPOS {
		case "VERB", "ADJ", "AUX":
			return k
		}
		h := sc.head(k)
		if h < 0 {
			return k
		}
		k = h
	}
	return k
}

// impliedTarget appends the target an act names by convention when the
// sentence names none: a protest is against the protesters' own government
// ("Thousands of Armenians protested in Yerevan" → ARMCVL → ARMGOV 141;
// "Hundreds of demonstrators marched through the capital": ---CVL →
// ---GOV, whose country the story may give), and a curfew, a state of
// emergency or restrictions imposed with no one named fall on the imposer's
// own population ("The government imposed a curfew" → ---GOV → ---CVL;
// "Nigeria declared a state of emergency" → NGA → NGACVL), prisoners freed
// are the source's own people, and a rejection by non-state actors is of
// their government's act. The target has
// no words of its own (an empty span).
func (c *Coder) impliedTarget(sc *Scratch, v int, code string, named bool, out []actorRef) []actorRef {
	if len(sc.srcs) == 0 || len(code) < 3 {
		return out
	}
	var role string
	switch {
	case code[:2] == "14":
		// the people protest their government; a state "protesting" a
		// decision is another act ("Greece and Cyprus protested the
		// decision"), left to its patterns; a people named by a plural
		// demonym are civilians, not their state ("Thousands of Serbians
		// protested in Belgrade": SRBCVL → SRBGOV)
		sc.demonymPeople(sc.srcs)
		for _, s := range sc.srcs {
			if stateActor(s.code) {
				return out
			}
		}
		role = "GOV"
	case code[:2] == "12" || code[:2] == "10":
		// a rejection or demand by non-state actors about a public act no
		// one is named for is addressed to their own government ("the
		// opposition leader rejected the election results", "protesters
		// demanded the withdrawal of the extradition bill"); a state
		// rejecting something leaves the proposer to be named, and private
		// things are no one's ("shunned medical treatment")
		for _, s := range sc.srcs {
			if stateActor(s.code) {
				return out
			}
		}
		if !sc.publicObject(v) {
			return out
		}
		role = "GOV"
	case strings.HasPrefix(code, "172"):
		role = "CVL"
	case ForceOnThing(code) && !named && c.thingObject(sc, v):
		// force on a thing falls on the people of the place where it is
		// ("Ukrainian drones attacked a power plant in Kursk", "gunmen
		// torched a market"): whose, internal/analyze finds from the
		// event's place or the story
		if sc.tr != nil {
			sc.trace("  implied target ---CVL (force on a thing, %s)", code)
		}
		return append(out, actorRef{code: dict.NullCode + "CVL", head: -1, first: -1, last: -1, actor: -1, agent: -1, mod: -1})
	case (violentCode(code) || strings.HasPrefix(code, "17")) && sc.peopleObject(v) && (sc.actorSubject(v) || c.passive(sc, v) && sc.actorAgent(v)):
		// victims named only as "people" are civilians of the place
		// ("gunmen killed five people in an attack on a village", "the
		// strike killed at least 20 people", "33 people had been killed by
		// police"); whose, internal/analyze finds from the event's place or
		// the story
		if sc.tr != nil {
			sc.trace("  implied target ---CVL (people as victims, %s)", code)
		}
		return append(out, actorRef{code: dict.NullCode + "CVL", head: -1, first: -1, last: -1, actor: -1, agent: -1, mod: -1})
	case code == "0841" && sc.ownPrisoners(v):
		// prisoners freed from its own jails are the source's own people
		// unless named: "Venezuela's government freed dozens of political
		// prisoners", "Myanmar released 5,000 prisoners"; hostages are
		// someone else's
		role = "CVL"
	default:
		return out
	}
	country := dict.NullCode
	if s := sc.srcs[0].code; len(s) >= 3 {
		if _, ok := cameo.LookupCountry(s[:3]); ok {
			country = s[:3] // not a religion or an organisation ("MOSOPP", "IGOUNO")
		}
	}
	if sc.tr != nil {
		sc.trace("  implied target %s (the convention of %s)", country+role, code)
	}
	return append(out, actorRef{code: country + role, head: -1, first: -1, last: -1, actor: -1, agent: -1, mod: -1})
}

// stateActor reports whether an actor code is a state acting: a bare
// country, or a country's government, legislature, judiciary, armed forces
// or police.
func stateActor(code string) bool {
	if len(code) == 3 {
		return code != dict.NullCode
	}
	if len(code) < 6 {
		return false
	}
	switch code[3:6] {
	case "GOV", "LEG", "JUD", "MIL", "COP", "SPY":
		return true
	}
	return false
}

// impliedSource replaces the source of an agentless passive act of state
// coercion with the state organ that does such acts by convention: people
// "were arrested" or "have been detained" by the police (173), "were
// deported" by the government (174), "were dispersed" by the police (175)
// ("Three journalists were arrested in Tehran" → IRNCOP → IRNMED 173;
// "Opposition leaders have been detained" → ---COP → ---OPP, whose country
// the story may give). The country is that of the place named (what
// subjects found in the oblique), else of the target, else of the state
// official who tells of it ("the Chinese spokesman acknowledges monks were
// detained"). The source has no
// words of its own (an empty span).
//
// An undergoer (a pattern that makes the active subject the target) of
// legal action is in the hands of the courts: people who "stand trial",
// "face charges" or "are undergoing trial" are charged by the judiciary
// ("Two Australian parents are undergoing trial for manslaughter" → ---JUD
// → AUSCVL 173, "the former president will stand trial" → ---JUD → ---GOV).
func (c *Coder) impliedSource(sc *Scratch, v int, code string, undergoer bool) {
	if c.opt.Literal || !undergoer && !c.passive(sc, v) || len(sc.tgts) == 0 {
		return
	}
	var role string
	switch {
	case undergoer && strings.HasPrefix(code, "173"):
		role = "JUD"
	case undergoer:
		return
	case strings.HasPrefix(code, "173"), strings.HasPrefix(code, "175"):
		role = "COP"
	case strings.HasPrefix(code, "174"):
		role = "GOV"
	default:
		return
	}
	for _, k := range sc.children(v) {
		if sc.agentDep(k) {
			return // an agent is named
		}
	}
	country := dict.NullCode
	for _, refs := range [][]actorRef{sc.srcs, sc.tgts} {
		if len(refs) > 0 && len(refs[0].code) >= 3 {
			if _, ok := cameo.LookupCountry(refs[0].code[:3]); ok {
				country = refs[0].code[:3]
				break
			}
		}
	}
	if country == dict.NullCode {
		// the place where it was done: "five protesters were arrested in
		// Tehran" (IRNCOP)
		for _, k := range sc.children(v) {
			if sc.rel(k) != "obl" {
				continue
			}
			if n := c.resolveNP(sc, k, sc.np[:0], 0); len(n) > 0 && c.placeOnly(sc, n) {
				country = n[0].code[:3]
			}
			sc.np = sc.np[:0]
			if country != dict.NullCode {
				break
			}
		}
	}
	if h := sc.head(v); country == dict.NullCode && h >= 0 && sc.s.Words[v].Deprel == "ccomp" && (c.isSpeech(sc, h) || admitVerb(sc.lemma[h])) {
		// the state whose official tells of it: "the Chinese spokesman
		// acknowledges monks were detained" (CHNCOP), "a Kenyan
		// government spokesman said protesters had been dispersed"
		sc.np = c.subjects(sc, h, sc.np[:0], 0)
		for _, a := range sc.np {
			if len(a.code) > 3 && countryCode(a.code[:3]) && canHold(a.code) {
				country = a.code[:3]
				break
			}
		}
		sc.np = sc.np[:0]
	}
	if sc.tr != nil {
		sc.trace("  implied source %s (the convention of %s)", country+role, code)
	}
	sc.srcs = append(sc.srcs[:0], actorRef{code: country + role, head: -1, first: -1, last: -1, actor: -1, agent: -1, mod: -1})
}

// crowdSource gives a protest (14x) whose subject is only a number of
// people the civilians of the place, which the agents leave out as too
// general a word: "Tens of thousands of people marched in Paris against
// the pension reform", "Hundreds demonstrated outside parliament in
// Nairobi" (---CVL; internal/analyze finds the country from the event's
// place or the story).
func (c *Coder) crowdSource(sc *Scratch, v int, code string) {
	if c.opt.Literal || len(sc.srcs) > 0 || !strings.HasPrefix(code, "14") || c.passive(sc, v) {
		return
	}
	k := -1
	for _, j := range sc.children(v) {
		if sc.s.Words[j].Deprel == "nsubj" {
			k = j
			break
		}
	}
	for n := 0; k >= 0 && n < 3; n++ {
		q := sc.quantified(k)
		if q < 0 {
			break
		}
		k = q // "tens of thousands of people"
	}
	if k < 0 {
		return
	}
	switch sc.lemma[k] {
	case "people", "person", "persons", "thousand", "thousands", "hundred", "hundreds", "dozens", "million", "millions":
	default:
		return
	}
	if sc.tr != nil {
		sc.trace("  implied source ---CVL (a crowd protesting, %s)", code)
	}
	sc.srcs = append(sc.srcs, actorRef{code: dict.NullCode + "CVL", head: k, first: k, last: k, actor: -1, agent: -1, mod: -1})
}

// impliedAttacker gives a bombing whose bomber the sentence does not name
// the unknown insurgents that such attacks are by convention ("a car bomb
// exploded near a market in Kirkuk, killing ten" → ---INS → ---CVL; "a
// suicide bombing on a shrine in Tehran"), and the people of the place as
// its target when only the place's country is named ("a bomb exploded in
// the southern Russian city of Stavropol" → ---INS → RUSCVL). The story may
// give the insurgents' country (internal/analyze). Neither side has words
// of its own.
func (c *Coder) impliedAttacker(sc *Scratch, code string) {
	if c.opt.Literal || len(sc.srcs) > 0 || !strings.HasPrefix(code, "18") {
		return
	}
	if sc.tr != nil {
		sc.trace("  implied source ---INS (an unnamed bomber, %s)", code)
	}
	sc.srcs = append(sc.srcs, actorRef{code: dict.NullCode + "INS", head: -1, first: -1, last: -1, actor: -1, agent: -1, mod: -1})
	if len(sc.tgts) == 0 {
		sc.tgts = append(sc.tgts, actorRef{code: dict.NullCode + "CVL", head: -1, first: -1, last: -1, actor: -1, agent: -1, mod: -1})
		return
	}
	for i := range sc.tgts {
		if t := &sc.tgts[i]; len(t.code) == 3 && t.code != dict.NullCode {
			t.code += "CVL"
		}
	}
}

// oneActTold keeps the first of the events of one sentence that tell one
// act of force or coercion (roots 14–20) through two verbs of one clause:
// the same source and target, a root of them alike, and the later verb a
// conjunct, an open complement or a participle of the earlier, up a chain
// of those ("militants stormed the village and started attacking
// residents", "troops opened fire on the protesters, beating dozens"). A
// verb in a clause of time or condition ("a day after protesters clashed
// with police") tells another act. It returns evs without the others.
func (c *Coder) oneActTold(sc *Scratch, evs []event.Event) []event.Event {
	out := evs[:0]
next:
	for _, e := range evs {
		if len(e.Code) >= 2 && (e.Code[0] == '1' && e.Code[1] >= '4' || e.Code[0] == '2') {
			for _, k := range out {
				if k.Source == e.Source && k.Target == e.Target && k.Code[:2] == e.Code[:2] &&
					sc.sameClauseChain(k.VerbSpan.First-1, e.VerbSpan.First-1) {
					if sc.tr != nil {
						sc.trace("  dropped %s → %s %s: the act of %s told again", e.Source, e.Target, e.Code, k.Code)
					}
					continue next
				}
			}
		}
		out = append(out, e)
	}
	return out
}

// sameClauseChain reports whether verb b hangs on verb a (a < b) through
// conjuncts, open complements and participles with no subordinator.
func (sc *Scratch) sameClauseChain(a, b int) bool {
	if a < 0 || b <= a || b >= len(sc.s.Words) {
		return false
	}
	for k, d := b, 0; k >= 0 && d < 8; k, d = sc.head(k), d+1 {
		if k == a {
			return d > 0
		}
		switch sc.rel(k) {
		case "conj", "xcomp":
		case "advcl":
			if sc.hasChild(k, "mark") {
				return false
			}
		default:
			return false
		}
	}
	return false
}

// onceEach keeps the first of the events of one sentence that code the same
// action on the same phrase twice, through two verbs or a verb and a noun
// ("police fired tear gas to disperse the crowd": one 175), in place. The
// members of a list stay events of their own ("the Senate ..., the National
// Assembly": FRALEG twice). Across sentences internal/analyze merges
// repeats.
func onceEach(evs []event.Event) []event.Event {
	out := evs[:0]
next:
	for _, e := range evs {
		for _, k := range out {
			if k.Source == e.Source && k.Target == e.Target && k.Code == e.Code && k.Negated == e.Negated &&
				k.TargetSpan.First == e.TargetSpan.First && k.TargetSpan.Last == e.TargetSpan.Last {
				continue next
			}
		}
		out = append(out, e)
	}
	return out
}

// publicObjects are the acts of a state that others accept or reject.
var publicObjects = map[string]bool{
	"result": true, "results": true, "outcome": true, "election": true, "vote": true, "referendum": true,
	"plan": true, "proposal": true, "offer": true, "deal": true, "agreement": true, "accord": true,
	"ceasefire": true, "truce": true, "law": true, "bill": true, "decision": true, "ruling": true,
	"verdict": true, "constitution": true, "decree": true, "budget": true, "appointment": true,
	"resolution": true, "policy": true, "reform": true, "reforms": true, "measures": true,
}

// publicObject reports whether verb v's object is a public act
// (publicObjects): "rejected the election results", "rejected the plan".
func (sc *Scratch) publicObject(v int) bool {
	for _, k := range sc.children(v) {
		d := sc.s.Words[k].Deprel
		if d != "obj" && d != "nsubj:pass" {
			continue
		}
		if publicObjects[sc.lemma[k]] || publicObjects[sc.low[k]] {
			return true
		}
		if undoingNouns[sc.lemma[k]] {
			// "demanded the withdrawal of the extradition bill", "called
			// for the repeal of the law": the public act undone
			for _, j := range sc.children(k) {
				if sc.caseOf(j) == "of" && (publicObjects[sc.lemma[j]] || publicObjects[sc.low[j]]) {
					return true
				}
			}
		}
	}
	return false
}

// undoingNouns name the undoing of a public act.
var undoingNouns = map[string]bool{
	"withdrawal": true, "repeal": true, "cancellation": true, "reversal": true, "suspension": true,
	"annulment": true, "revocation": true, "scrapping": true, "abolition": true, "rejection": true,
}

// destination replaces targets that are the source's own forces or
// people (or forces of no country), sent somewhere, with the place they
// are sent to: "Kenya deployed 1,000 police officers to Haiti" (KEN → HTI,
// not KENCOP), "Germany will send 14 tanks to Ukraine" (DEU → UKR, not its
// own tanks). Only a "to",
// "into" or "toward(s)" phrase of the verb naming an actor of another
// country does.
func (c *Coder) destination(sc *Scratch, v int) {
	if len(sc.srcs) == 0 || len(sc.tgts) == 0 || len(sc.srcs[0].code) < 3 {
		return
	}
	own := sc.srcs[0].code[:3]
	if own == dict.NullCode {
		return
	}
	for _, t := range sc.tgts {
		if len(t.code) < 3 || t.code[:3] != own && t.code[:3] != dict.NullCode {
			return
		}
	}
	// the phrase hangs from the verb or, misparsed, from its object
	// ("deployed 1,000 police officers to Haiti" with "to Haiti" under
	// "officers")
	try := func(k int) bool {
		if r := sc.rel(k); r != "obl" && r != "nmod" {
			return false
		}
		switch sc.caseOf(k) {
		case "to", "into", "toward", "towards":
		default:
			return false
		}
		n := c.resolveNP(sc, k, sc.np[:0], 0)
		if len(n) > 0 && len(n[0].code) >= 3 && n[0].code[:3] != own && n[0].code[:3] != dict.NullCode {
			if sc.tr != nil {
				sc.trace("  destination %s replaces the source's own %s", n[0].code, sc.tgts[0].code)
			}
			sc.tgts = append(sc.tgts[:0], n...)
			sc.np = n[:0]
			return true
		}
		sc.np = n[:0]
		return false
	}
	for _, k := range sc.children(v) {
		if try(k) {
			return
		}
		if sc.rel(k) == "obj" {
			for _, j := range sc.children(k) {
				if try(j) {
					return
				}
			}
		}
	}
}

// armedSides reports whether every actor of refs is an armed force (armed
// forces, police, rebels, insurgents, militias): their clash is fighting
// (190), not a violent protest (145): "Indian and Chinese troops clashed on
// the border", "rebels clashed with government forces".
func armedSides(refs []actorRef) bool {
	for _, r := range refs {
		armed := false
		for _, role := range [...]string{"MIL", "COP", "REB", "INS", "UAF", "SEP", "RAD", "PKO"} {
			if cameo.HasRole(r.code, role) {
				armed = true
				break
			}
		}
		if !armed {
			return false
		}
	}
	return len(refs) > 0
}

// irregularOnCivilians reports whether an attack coded as conventional
// force (190, or small arms 193) is one of armed groups outside the state on
// civilians, which CAMEO and the annotation guide code as unconventional
// violence (180): "Boko Haram militants stormed a village and killed 45
// people", "gunmen opened fire on worshippers at a mosque". Forces of a state,
// and fighting between armed sides, stay conventional force.
func irregularOnCivilians(code string, srcs, tgts []actorRef) bool {
	if code != "190" && code != "193" || len(srcs) == 0 || len(tgts) == 0 {
		return false
	}
	for _, r := range srcs {
		if !irregularForce(r.code) {
			return false
		}
	}
	for _, r := range tgts {
		if !civilians(r.code) {
			return false
		}
	}
	return true
}

// irregularForce reports whether actor code is an armed group outside a
// state's forces: rebels, insurgents, separatists, militias, radicals, or
// a named armed group.
func irregularForce(code string) bool {
	if cameo.HasRole(code, "MIL") || cameo.HasRole(code, "COP") || cameo.HasRole(code, "GOV") || cameo.HasRole(code, "PKO") {
		return false
	}
	for _, role := range [...]string{"REB", "INS", "UAF", "SEP", "RAD"} {
		if cameo.HasRole(code, role) {
			return true
		}
	}
	return nonStateGroup(code) && !civilians(code)
}

// civilians reports whether actor code names people outside the state and
// armed groups: civilians, refugees, students, workers, believers.
func civilians(code string) bool {
	for _, role := range [...]string{"MIL", "COP", "GOV", "PKO", "REB", "INS", "UAF", "SEP", "RAD", "SPY", "JUD", "LEG"} {
		if cameo.HasRole(code, role) {
			return false
		}
	}
	for _, role := range [...]string{"CVL", "REF", "EDU", "HLH", "MED", "BUS", "LAB", "AGR", "MOS", "CHR", "BUD", "JEW", "HIN"} {
		if cameo.HasRole(code, role) {
			return true
		}
	}
	return false
}

// stateSides reports whether every actor of refs is a state or its
// government: a state's protest is an official complaint (CAMEO 114), not
// a demonstration (14), which civilians and groups hold: "The Chinese
// embassy in Manila protested the Philippine navy's actions", "Japan
// protested the incursion by Chinese coast guard ships".
func (sc *Scratch) stateSides(refs []actorRef) bool {
	for _, r := range refs {
		if len(r.code) < 3 {
			return false
		}
		if _, ok := cameo.LookupCountry(r.code[:3]); !ok {
			return false
		}
		switch {
		case len(r.code) == 6 && (cameo.HasRole(r.code, "GOV") || cameo.HasRole(r.code, "ELI")):
		case len(r.code) == 3:
			// the country named, not its people ("Armenians", "Palestinian
			// prisoners" code as the bare country too)
			if r.head < 0 || sc.s.Words[r.head].UPOS != "PROPN" || sc.s.Words[r.head].Feat("Number") == "Plur" || sc.actorAt[r.head] < 0 {
				return false
			}
		default:
			return false
		}
	}
	return len(refs) > 0
}

// ownPrisoners reports whether verb v's object (or what it quantifies) is
// people held in jail: prisoners, detainees, inmates, dissidents.
func (sc *Scratch) ownPrisoners(v int) bool {
	for _, k := range sc.children(v) {
		if sc.s.Words[k].Deprel != "obj" {
			continue
		}
		if q := sc.quantified(k); q >= 0 {
			k = q
		}
		switch sc.lemma[k] {
		case "prisoner", "detainee", "inmate", "dissident", "activist":
			return true
		}
	}
	return false
}

// airBombing reports whether a bombing (183) is by armed forces or a
// state, which bomb from the air: "Saudi-led coalition aircraft bombed
// Houthi positions", "Russian jets bombed Aleppo" (195, not the
// non-military bombing 183 of a bomber), and so does a government ("the
// Syrian regime bombed rebel-held areas").
func airBombing(code string, refs []actorRef) bool {
	if code != "183" || len(refs) == 0 {
		return false
	}
	for _, r := range refs {
		if !cameo.HasRole(r.code, "MIL") && !cameo.HasRole(r.code, "GOV") && !(len(r.code) == 3 && r.code != dict.NullCode) {
			return false
		}
	}
	return true
}

// demonymPeople makes the actors of refs named by a plural demonym ("Serbians",
// "three Palestinians") their country's civilians: people, not their
// state (a bare country code).
func (sc *Scratch) demonymPeople(refs []actorRef) {
	for i := range refs {
		r := &refs[i]
		if len(r.code) != 3 || r.code == dict.NullCode || r.head < 0 || sc.s.Words[r.head].UPOS != "PROPN" {
			continue
		}
		// plural, or counted: "Hundreds of Pakistanis/NNP protested"
		if h := sc.head(r.head); sc.s.Words[r.head].Feat("Number") == "Plur" || h >= 0 && sc.quantified(h) == r.head {
			r.code += "CVL"
		}
	}
}

// namesVictims reports whether the object of participle k names an actor
// or an agent ("killing five soldiers", "wounding two policemen").
func (sc *Scratch) namesVictims(k int) bool {
	for _, j := range sc.children(k) {
		if sc.rel(j) != "obj" {
			continue
		}
		if q := sc.quantified(j); q >= 0 {
			j = q
		}
		for i := range sc.s.Words {
			if (sc.actorAt[i] >= 0 || sc.agentAt[i] >= 0) && (i == j || sc.inSubtree(i, j)) {
				return true
			}
		}
	}
	return false
}

// thingObject reports whether verb v has an object (or passive subject)
// that is a thing force falls on: a common noun that no actor or agent
// covers, and neither a word the verb patterns name (a weapon, "rocket",
// "missile") nor an act ("operation", "attack"; a pattern naming the
// object, impliedTarget's named, is left out too): "attacked a power plant",
// "torched a market", not "launched a rocket" or "carried out an
// operation".
func (c *Coder) thingObject(sc *Scratch, v int) bool {
	pass := sc.passive(v)
	for _, k := range sc.children(v) {
		if sc.rel(k) == "advcl" && sc.presentParticiple(k) && sc.namesVictims(k) {
			// its result names the victims: "attacked a checkpoint,
			// killing five soldiers" (not "stormed a hotel in the capital,
			// killing at least 15 people": the place's people)
			return false
		}
	}
	for _, k := range sc.children(v) {
		if d := sc.s.Words[k].Deprel; d == "obj" || pass && d == "nsubj:pass" {
			if sc.s.Words[k].UPOS != "NOUN" || sc.actorAt[k] >= 0 || sc.agentAt[k] >= 0 || sc.quantified(k) >= 0 ||
				c.patternWords[sc.lemma[k]] || c.patternWords[sc.low[k]] {
				return false
			}
			_, event := c.nounMatch(sc, k)
			return !event
		}
	}
	return false
}

// ownForcesOnly reports whether every target of an event of force posture
// (root 15), intent (root 03) or threat (root 13) is the source country's
// own security forces, or security forces of no country: such acts are
// aimed at others ("North Korea vowed to strengthen its nuclear forces",
// "Kenya mobilised its army", "the army chief warned that security forces
// are ready to fight back": no target).
func ownForcesOnly(code string, srcs, tgts []actorRef) bool {
	if len(tgts) == 0 || len(srcs) == 0 || len(code) < 2 || code[:2] != "15" && code[:2] != "03" && code[:2] != "13" || len(srcs[0].code) < 3 {
		return false
	}
	own := srcs[0].code[:3]
	for _, t := range tgts {
		if t.code[:min(3, len(t.code))] != own && !strings.HasPrefix(t.code, dict.NullCode) || !securityRole(t.code) {
			return false
		}
	}
	return true
}

// facedBy appends the actors that the forces of verb v face: the first
// actor in an oblique of v, of its open complement ("pledged to send
// tanks to Ukraine") or in a modifier of its object, that is not security
// forces of the source's country own or of no country.
func (c *Coder) facedBy(sc *Scratch, v int, own string, out []actorRef) []actorRef {
	base := len(out)
	try := func(k int) bool {
		if r := sc.rel(k); r != "obl" && r != "nmod" || sc.caseOf(k) == "" || attributionCase(sc.caseOf(k)) {
			return false
		}
		n := c.firstActorIn(sc, k, out[:base], false)
		for i := base; i < len(n); i++ {
			if r := n[i]; !securityRole(r.code) || len(r.code) >= 3 && r.code[:3] != own && r.code[:3] != dict.NullCode {
				n[base] = r
				out = n[:base+1]
				return true
			}
		}
		return false
	}
	for _, k := range sc.children(v) {
		if try(k) {
			return out
		}
		switch sc.rel(k) {
		case "obj", "xcomp":
			for _, j := range sc.children(k) {
				if try(j) {
					return out
				}
			}
		}
	}
	return out[:base]
}

// securityRole reports whether an actor code has a security role (MIL, COP, SPY, PKO).
func securityRole(code string) bool { return len(code) >= 6 && securityAgent(code[3:6]) }

// securityAgent reports whether a three-letter role is a security force's;
// a country's own peacekeepers are its forces ("reinforcing Russian
// peacekeepers").
func securityAgent(role string) bool {
	switch role {
	case "MIL", "COP", "SPY", "PKO":
		return true
	}
	return false
}

// peopleObject reports whether the object (or passive subject) of verb v
// is "people" or "persons", which the agents leave out as too general
// (internal/dict/builtin agents.ewd) but which, as the victims of force,
// are civilians.
func (sc *Scratch) peopleObject(v int) bool {
	pass := sc.passive(v)
	for _, k := range sc.children(v) {
		if d := sc.s.Words[k].Deprel; (d == "obj" || pass && d == "nsubj:pass") && sc.peopleNoun(k) {
			return true
		}
	}
	return false
}

// peopleNoun reports whether noun phrase k is "people" or "persons", also
// counted ("hundreds of people").
func (sc *Scratch) peopleNoun(k int) bool {
	if q := sc.quantified(k); q >= 0 {
		k = q
	}
	switch sc.lemma[k] {
	case "people", "person", "persons":
		return true
	}
	return false
}

// actorAgent reports whether the "by" agent of passive verb v names an
// actor or an agent itself ("killed by police").
func (sc *Scratch) actorAgent(v int) bool {
	for _, k := range sc.children(v) {
		if sc.agentDep(k) {
			return sc.actorAt[k] >= 0 || sc.agentAt[k] >= 0
		}
	}
	return false
}

// actorSubject reports whether the subject of verb v names an actor or an
// agent itself ("gunmen killed", "Israeli troops killed"), not a thing with
// an actor inside it ("a suicide bombing in a Baghdad market killed").
func (sc *Scratch) actorSubject(v int) bool {
	for _, k := range sc.children(v) {
		if sc.s.Words[k].Deprel == "nsubj" {
			return sc.actorAt[k] >= 0 || sc.agentAt[k] >= 0
		}
	}
	return false
}

// answeredAct reports whether word v, a noun event, is the act another
// answers: "in retaliation for a Hamas suicide bombing", "in response to
// the attack on the embassy", "to avenge the killing of its commander".
// Such acts happened before the article's events (event.Historical).
func (sc *Scratch) answeredAct(v int) bool {
	if sc.s.Words[v].UPOS != "NOUN" {
		return false
	}
	h := sc.head(v)
	if h < 0 {
		return false
	}
	if r := sc.rel(v); (r == "nmod" || r == "obl") && (sc.caseIs(v, "for") || sc.caseIs(v, "to")) {
		switch sc.lemma[h] {
		case "retaliation", "response", "revenge", "reprisal", "reply", "answer":
			return true
		}
	}
	return sc.rel(v) == "obj" && (sc.lemma[h] == "avenge" || sc.lemma[h] == "revenge")
}

// describedAct reports whether verb v is the perfect of a relative clause
// that describes its noun ("the army chief of staff, who has backed Mr.
// Gbagbo, announced a curfew", "Sudan, which has long supported the
// rebels, denied the charge"): what the actor has done before, told as
// background (event.Historical).
func (sc *Scratch) describedAct(v int) bool {
	return sc.s.Words[v].Deprel == "acl:relcl" && sc.childIs(v, "aux", "have")
}

// deniesAct reports whether verb v (a denial) has an act as its
// complement ("denied shelling the plant", "denied that it armed
// Hezbollah") rather than an object noun.
func (sc *Scratch) deniesAct(v int) bool {
	for _, k := range sc.children(v) {
		switch sc.rel(k) {
		case "xcomp", "ccomp":
			return true
		case "obj":
			return sc.s.Words[k].UPOS == "VERB" // "denied arming/obj Hezbollah"
		}
	}
	return false
}

// accuserAnswered replaces the targets of a denial of an act ("Moscow
// denied shelling the plant", "Syria denied arming Hezbollah") by the
// country the document's latest accusation was made against with that
// accusation's accusers of another country, whom the denial answers
// ("Ukraine accused Russia of shelling the plant": RUS → UKR 016); without
// one the denied act's own target stays ("Iran denied sending weapons to
// the Taliban").
func (c *Coder) accuserAnswered(sc *Scratch, v int, code string) {
	if c.opt.Literal || !strings.HasPrefix(code, "016") || len(sc.accusers) == 0 || len(sc.srcs) == 0 ||
		len(sc.srcs[0].code) < 3 || !sc.deniesAct(v) {
		return
	}
	own := sc.srcs[0].code[:3]
	accused := false
	for _, a := range sc.accused {
		accused = accused || a == own
	}
	if !accused {
		return // the denial answers an accusation of someone else, or none
	}
	n := len(sc.tgts)
	for _, a := range sc.accusers {
		if len(a.code) >= 3 && a.code[:3] != own {
			a.head, a.first, a.last = -1, -1, -1
			sc.tgts = append(sc.tgts, a)
		}
	}
	if len(sc.tgts) == n {
		return
	}
	sc.tgts = append(sc.tgts[:0], sc.tgts[n:]...)
	if sc.tr != nil {
		sc.trace("  target %s: the accuser the denial answers", sc.tgts[0].code)
	}
}
