package coder

import (
	"strings"

	"github.com/eventwire/eventwire/internal/dict"
)

// Robustness to parse errors a careful reader sees through. Each rule looks
// at an actor name that the tagger or parser put in a place a name cannot
// hold, and reads the sentence as if the name had been parsed as a noun
// phrase.

// misparsedName reports whether word k is an actor name tagged as a verb,
// an auxiliary, an adverb, a preposition or a pronoun ("Fornost/VERB",
// "Frodo/AUX", "Fornost/ADV", "Arnor/ADP"): an actor phrase covers it and
// the verb dictionary has no entry for it.
func (c *Coder) misparsedName(sc *Scratch, k int) bool {
	if k < 0 || sc.actorAt[k] < 0 {
		return false
	}
	switch sc.s.Words[k].UPOS {
	case "VERB", "AUX", "ADV", "ADP", "SCONJ":
	case "PRON":
		// "Zimbabwe/PRON", not a personal pronoun that happens to spell
		// an actor's name ("us")
		if pronounForm(sc.low[k]) {
			return false
		}
	default:
		return false
	}
	return len(c.set.VerbsFor(sc.low[k])) == 0 && len(c.set.VerbsFor(sc.lemma[k])) == 0
}

// nounVerb reports whether word v, tagged as a noun, is the verb of a
// clause that the parser read as one noun phrase ("Ethiopia departs/NOUN
// from Libya", "Ethiopia act/NOUN on a resolution"): v is the root, the
// word before it is an actor name attached to it as a compound, v has no
// determiner, possessor or adjective, and the verb dictionary knows its
// form. The name is then its subject (misparsedSubject).
func (c *Coder) nounVerb(sc *Scratch, v int) bool {
	w := &sc.s.Words[v]
	if w.UPOS != "NOUN" || w.Deprel != "root" || v == 0 || sc.actorAt[v] >= 0 || sc.agentAt[v] >= 0 {
		return false
	}
	k := v - 1
	if sc.head(k) != v || sc.s.Words[k].Deprel != "compound" || sc.actorAt[k] < 0 {
		return false
	}
	for _, j := range sc.children(v) {
		switch sc.s.Words[j].Deprel {
		case "det", "nmod:poss", "amod", "nummod":
			return false
		}
	}
	return len(c.set.VerbsFor(sc.low[v])) > 0
}

// misparsedSubject appends the subject of verb v hidden by a misparsed
// name, if v has one:
//   - a name before v attached to it as an adverb, auxiliary or unknown
//     dependent ("Fornost/ADV welcomed ...": Fornost);
//   - a name that the parser made the head of v's clause, with v as its
//     conjunct or parataxis ("Mordor, Rohan, Fornost/VERB and Bree
//     welcomed": the name, the subjects the parser gave it and their
//     appositions are members of v's subject list, before v's own subject;
//     "Pyongyang/VERB on Thursday fired": Pyongyang).
//
// own is the number of subjects already found for v.
func (c *Coder) misparsedSubject(sc *Scratch, v int, out []actorRef, own int) []actorRef {
	if own == 0 && c.nounVerb(sc, v) {
		if r, ok := c.nounCode(sc, v-1); ok {
			return c.appendSplit(out, r)
		}
	}
	if own == 0 {
		for _, k := range sc.children(v) {
			if k > v {
				break
			}
			switch sc.s.Words[k].Deprel {
			case "advmod", "aux", "dep", "discourse":
			default:
				continue
			}
			if c.misparsedName(sc, k) {
				if r, ok := c.nounCode(sc, k); ok {
					return c.appendSplit(out, r)
				}
			}
		}
	}
	h := sc.head(v)
	if h < 0 || h > v || !c.misparsedName(sc, h) {
		return out
	}
	// a list reads on through "and" only; a clause set beside the name
	// ("Pyongyang on Thursday fired") has no subject of its own
	if r := sc.rel(v); r != "conj" && (r != "parataxis" || own > 0) {
		return out
	}
	// the name's own subjects and their appositions, then the name: they
	// come before v's own subject, which out already holds
	n := len(out)
	for _, k := range sc.children(h) {
		if k > h || sc.s.Words[k].Deprel != "nsubj" {
			continue
		}
		out = c.resolveNP(sc, k, out, 0)
		for _, a := range sc.children(k) {
			if sc.s.Words[a].Deprel == "appos" && !refersTo(out[n:], a) {
				out = c.resolveNP(sc, a, out, 0)
			}
		}
	}
	if r, ok := c.nounCode(sc, h); ok && !refersTo(out[n:], h) {
		out = c.appendSplit(out, r)
	}
	// word order: v's own subjects after the members before them
	rotate(out[n-own:], own)
	return out
}

// rotate moves the first k elements of refs to its end, in place.
func rotate(refs []actorRef, k int) {
	if k <= 0 || k >= len(refs) {
		return
	}
	reverse(refs[:k])
	reverse(refs[k:])
	reverse(refs)
}

func reverse(refs []actorRef) {
	for i, j := 0, len(refs)-1; i < j; i, j = i+1, j-1 {
		refs[i], refs[j] = refs[j], refs[i]
	}
}

// refersTo reports whether one of refs is the phrase headed by word h.
func refersTo(refs []actorRef, h int) bool {
	for i := range refs {
		if refs[i].head == h {
			return true
		}
	}
	return false
}

// pronounForm reports whether w is a personal, possessive, relative or
// demonstrative pronoun.
func pronounForm(w string) bool {
	switch w {
	case "i", "me", "my", "mine", "you", "your", "yours", "he", "him", "his", "she", "her", "hers", "it", "its",
		"we", "us", "our", "ours", "they", "them", "their", "theirs", "who", "whom", "whose", "which", "that",
		"this", "these", "those", "what", "one", "itself", "themselves", "himself", "herself":
		return true
	}
	return false
}

// modifierMember reports whether word k, a conjunct of the noun phrase head
// h, is a country misattached to h that belongs with h's country modifier:
// in "lawmakers in Fornost and Gondor" parsed with Gondor as a member of
// "lawmakers", Gondor is a second country of the lawmakers. It holds for a
// bare actor name (no role noun) that follows h's post-nominal
// in/of/from/for modifier with only a conjunction or punctuation between,
// when h is a role noun.
func (c *Coder) modifierMember(sc *Scratch, h, k int) bool {
	if k <= h || sc.actorAt[k] < 0 || sc.agentAt[k] >= 0 || sc.agentAt[h] < 0 || sc.actorAt[h] >= 0 {
		return false
	}
	for _, j := range sc.children(k) {
		if modifierRel(sc.s.Words[j].Deprel) && sc.agentAt[j] >= 0 {
			return false
		}
	}
	mod := sc.countryModifier(h)
	if mod < 0 || mod > k || sc.actorAt[mod] < 0 {
		return false
	}
	for j := mod + 1; j < k; j++ {
		if sc.inSubtree(j, mod) {
			continue
		}
		if d := sc.s.Words[j].Deprel; d != "cc" && d != "punct" {
			return false
		}
	}
	return true
}

// countryModifier returns the first post-nominal in/of/from/for modifier of
// the noun h (nmod or obl), -1 if none.
func (sc *Scratch) countryModifier(h int) int {
	for _, j := range sc.children(h) {
		if j < h || sc.rel(j) != "nmod" && sc.rel(j) != "obl" {
			continue
		}
		switch sc.caseOf(j) {
		case "in", "of", "from", "for":
			return j
		}
	}
	return -1
}

// modifierMembers appends, for the phrase r headed by h, the countries
// that modifierMember moves from h's conjuncts to its country modifier,
// each combined with r's role noun.
func (c *Coder) modifierMembers(sc *Scratch, h int, r actorRef, out []actorRef) []actorRef {
	if r.agent < 0 || r.mod < 0 || r.mod < h {
		return out
	}
	for _, k := range sc.children(h) {
		if sc.s.Words[k].Deprel != "conj" || !c.modifierMember(sc, h, k) {
			continue
		}
		code := c.actorCode(sc, sc.actors[sc.actorAt[k]].entry)
		if code == "" || code == dict.NullCode {
			continue
		}
		r2 := r
		r2.actor, r2.mod = sc.actors[sc.actorAt[k]].entry, k
		r2.code = c.set.Agents[r.agent].Combine(code)
		out = append(out, r2)
	}
	return out
}

// repair rewrites, on a copy of the words (the caller's sentence is left
// alone), parse errors that would hide who did what: each step of
// repairSteps in turn, at every word (docs/coder.md, step 3).
func (c *Coder) repair(sc *Scratch) {
	for _, step := range repairSteps {
		for i := range sc.s.Words {
			if step(c, sc, i) {
				sc.index()
			}
		}
	}
}

// beginRepair traces a repair about to be made (format and args as
// Scratch.trace, after "repair: ") and gives the scratch its own copy of
// the words to rewrite. Repairs are rare, so the arguments' boxing is paid
// only when one applies.
func (sc *Scratch) beginRepair(format string, args ...any) {
	if sc.tr != nil {
		sc.trace("repair: "+format, args...)
	}
	sc.ownWords()
}

// repairSteps are the tree repairs in the order repair applies them, each
// to every word in turn: it reports whether it rewrote the tree at word i
// (on sc's own copy of the words, see Scratch.ownWords).
var repairSteps = [...]func(c *Coder, sc *Scratch, i int) bool{
	(*Coder).repairVerbAfterTime,
	(*Coder).repairCompoundOnVerb,
	(*Coder).repairTrailingAttribution,
	(*Coder).repairTimeBeforeVerb,
	(*Coder).repairSubordinatorAsPreposition,
	(*Coder).repairSubjectInFrontedClause,
	(*Coder).repairPlaceAsSecondSubject,
	(*Coder).repairCaseOnPossessor,
	(*Coder).repairBareOblique,
	(*Coder).repairQuotedPredicate,
	(*Coder).repairHyphenParticiple,
	(*Coder).repairVerbAfterRelative,
	(*Coder).repairVerbAsAdjective,
	(*Coder).repairClauseAsRelative,
	(*Coder).repairPerfectAsVerb,
	(*Coder).repairTwoSubjects,
	(*Coder).repairSplitSubject,
	(*Coder).repairTitleAsOblique,
	(*Coder).repairFiniteConjOfNoun,
	(*Coder).repairRelativeAsRoot,
	(*Coder).repairSubjectConjunct,
	(*Coder).repairConjunctAsCompound,
	(*Coder).repairNameSplitFromNoun,
	(*Coder).repairSaidClauseAsObject,
	(*Coder).repairSaidClauseAsConjunct,
	(*Coder).repairAgentWithoutBy,
	(*Coder).repairCountryBeforeSubject,
	(*Coder).repairFrontedObliqueSubject,
	(*Coder).repairSmallClauseSubject,
	(*Coder).repairInfinitiveAsNoun,
	(*Coder).repairPossessorAsArgument,
	(*Coder).repairAdjectiveOverName,
	(*Coder).repairStrandedCountry,
	(*Coder).repairCountryRootOverVerb,
	(*Coder).repairStrandedAdjective,
}

// repairVerbAfterTime repairs a verb read as the participle of a noun
// coordinated with a time expression ("condemned ... on Thursday and
// promised/amod aid/conj to the villages"): a time expression is not
// coordinated with a thing, so "and" joins the clauses; the participle
// becomes a verb coordinated with the clause's verb, the noun its object,
// and the verb's obliques after the noun its own.
func (c *Coder) repairVerbAfterTime(sc *Scratch, p int) bool {
	n, v, ok := sc.verbAfterTime(p)
	if !ok {
		return false
	}
	sc.beginRepair("%q at word %d is a verb coordinated with %q", sc.low[p], p+1, sc.low[v])
	ws := sc.s.Words
	for _, k := range sc.children(v) {
		if k > n && (sc.rel(k) == "obl" || sc.rel(k) == "nmod") && !strings.HasSuffix(ws[k].Deprel, "tmod") {
			ws[k].Head = p + 1
		}
	}
	ws[p].Head, ws[p].Deprel = v+1, "conj"
	ws[p-1].Head = p + 1
	ws[n].Head, ws[n].Deprel = p+1, "obj"
	return true
}

// repairTimeBeforeVerb repairs a verb read as the modifier of its object
// when a time phrase stands between the subject and the verb ("Russian
// police/root on Saturday/nmod detained/amod dozens of supporters",
// "Egyptian authorities on Monday arrested/amod three journalists"): the
// verb heads the clause, the noun before the time phrase is its subject,
// the time phrase and the noun after the verb are its own.
func (c *Coder) repairTimeBeforeVerb(sc *Scratch, v int) bool {
	r, t, n, ok := sc.timeBeforeVerb(v)
	if !ok {
		return false
	}
	sc.beginRepair("%q at word %d is the verb of %q, after the time %q", sc.low[v], v+1, sc.low[r], sc.low[t])
	ws := sc.s.Words
	for _, k := range sc.children(r) {
		if k > v && k != n {
			ws[k].Head = v + 1 // what follows the verb: punctuation, obliques
		}
	}
	ws[v].Head, ws[v].Deprel = ws[r].Head, ws[r].Deprel
	ws[r].Head, ws[r].Deprel = v+1, "nsubj"
	ws[t].Head, ws[t].Deprel = v+1, "obl"
	ws[n].Head, ws[n].Deprel = v+1, "obj"
	return true
}

// timeBeforeVerb reports whether word v, a past form read as the adjectival
// modifier of the noun n after it, follows a time phrase headed by t (a
// weekday, a month, "yesterday") that hangs from the noun r before it, n
// hanging from r too (see repairTimeBeforeVerb).
func (sc *Scratch) timeBeforeVerb(v int) (r, t, n int, ok bool) {
	ws := sc.s.Words
	if v < 2 || ws[v].Deprel != "amod" || ws[v].UPOS != "VERB" || ws[v].XPOS != "VBD" && ws[v].XPOS != "VBN" {
		return 0, 0, 0, false
	}
	t, n = v-1, sc.head(v)
	if n <= v || ws[n].UPOS != "NOUN" && ws[n].UPOS != "PROPN" || !sc.timeWord(t) {
		return 0, 0, 0, false
	}
	r = sc.head(t)
	if r < 0 || r >= t || ws[r].UPOS != "NOUN" && ws[r].UPOS != "PROPN" || sc.head(n) != r {
		return 0, 0, 0, false
	}
	if sc.actorAt[r] < 0 && sc.agentAt[r] < 0 {
		return 0, 0, 0, false // only a named actor acts: "the report on Monday revised figures"
	}
	return r, t, n, true
}

// repairSubordinatorAsPreposition repairs a clause whose conjunction was read as a preposition of
// its subject ("killed on Monday after/case the Islamic State/nmod
// attacked/advcl an army camp", "before/case Russian troops/obl
// shelled the city"): the noun is the clause's subject, the conjunction
// its marker.
func (c *Coder) repairSubordinatorAsPreposition(sc *Scratch, v int) bool {
	s, m, ok := sc.subordinatorAsPreposition(v)
	if !ok {
		return false
	}
	sc.beginRepair("%q at word %d is the subject of %q, %q its conjunction", sc.low[s], s+1, sc.low[v], sc.low[m])
	ws := sc.s.Words
	ws[s].Head, ws[s].Deprel = v+1, "nsubj"
	ws[m].Head, ws[m].Deprel = v+1, "mark"
	return true
}

// subordinatorAsPreposition reports whether finite verb v, without a
// subject, follows right after a noun phrase headed by s that hangs
// elsewhere with a case m that can introduce a clause (after, before,
// since, until), s naming an actor (see
// repairSubordinatorAsPreposition).
func (sc *Scratch) subordinatorAsPreposition(v int) (s, m int, ok bool) {
	ws := sc.s.Words
	if v < 2 || ws[v].UPOS != "VERB" || sc.hasSubject(v) {
		return 0, 0, false
	}
	switch ws[v].XPOS {
	case "VBD", "VBZ", "VBP":
	case "VBN":
		// a past form the tagger took for a participle, active with an
		// object and no auxiliary ("after Russia attacked/VBN an army camp")
		if !sc.hasObject(v) || sc.hasAux(v) {
			return 0, 0, false
		}
	default:
		return 0, 0, false
	}
	s = sc.npHead(v - 1)
	if s < 0 || s >= v || sc.head(s) == v || sc.inSubtree(v, s) || ws[s].UPOS != "NOUN" && ws[s].UPOS != "PROPN" {
		return 0, 0, false
	}
	if sc.actorAt[s] < 0 && sc.agentAt[s] < 0 {
		return 0, 0, false
	}
	m = -1
	for _, k := range sc.children(s) {
		if ws[k].Deprel == "case" {
			m = k
		}
	}
	if m < 0 {
		return 0, 0, false
	}
	switch sc.low[m] {
	case "after", "before", "since", "until":
		return s, m, true
	}
	return 0, 0, false
}

// repairSubjectInFrontedClause repairs the subject read as part of a fronted clause closed by a comma
// ("Speaking to reporters in Ankara/nmod, Turkish Foreign Minister/appos
// Mevlut Cavusoglu accused Greece", "After meeting the president, the
// opposition leader/conj rejected the offer"): the phrase between the
// comma and the subjectless verb is its subject.
func (c *Coder) repairSubjectInFrontedClause(sc *Scratch, v int) bool {
	s, ok := sc.subjectInFrontedClause(v)
	if !ok {
		return false
	}
	sc.beginRepair("%q at word %d is the subject of %q", sc.low[s], s+1, sc.low[v])
	ws := sc.s.Words
	g := sc.head(s)
	for k := s + 1; k < v; k++ {
		if sc.head(k) == g {
			ws[k].Head, ws[k].Deprel = s+1, "appos" // the name after its title
		}
	}
	ws[s].Head, ws[s].Deprel = v+1, "nsubj"
	return true
}

// subjectInFrontedClause reports whether finite verb v, without a subject,
// follows a comma and a noun phrase headed by s that hangs inside a clause
// before the comma that modifies v (see repairSubjectInFrontedClause).
func (sc *Scratch) subjectInFrontedClause(v int) (s int, ok bool) {
	ws := sc.s.Words
	if v < 3 || ws[v].UPOS != "VERB" || sc.hasSubject(v) || ws[v].XPOS != "VBD" && ws[v].XPOS != "VBZ" && ws[v].XPOS != "VBP" {
		return 0, false
	}
	p := -1 // the last comma before v
	for k := v - 1; k > 0; k-- {
		if sc.low[k] == "," {
			p = k
			break
		}
	}
	if p < 1 || p >= v-1 {
		return 0, false
	}
	// the phrase's head: the first word of p+1..v-1 whose head is outside
	// it; the others hanging outside must hang from the same word (a title
	// and its name both made appositions: "Minister/appos Mevlut/flat")
	s, g := -1, -1
	for k := p + 1; k < v; k++ {
		if h := sc.head(k); h <= p || h >= v {
			if s < 0 {
				s, g = k, h
			} else if h != g {
				return 0, false
			}
		}
	}
	if s < 0 || ws[s].UPOS != "NOUN" && ws[s].UPOS != "PROPN" || sc.actorAt[s] < 0 && sc.agentAt[s] < 0 && !sc.titleBetween(p, s) {
		return 0, false
	}
	// it hangs inside a clause before the comma that modifies v
	for _, c := range sc.children(v) {
		if c < p && (sc.rel(c) == "advcl" || sc.rel(c) == "obl") && sc.inSubtree(s, c) {
			return s, true
		}
	}
	return 0, false
}

// titleBetween reports whether a word of an agent or actor stands between word p
// and the head s of a name ("Turkish Foreign Minister Mevlut Cavusoglu").
func (sc *Scratch) titleBetween(p, s int) bool {
	for k := p + 1; k < s; k++ {
		if sc.actorAt[k] >= 0 || sc.agentAt[k] >= 0 {
			return true
		}
	}
	return false
}

// repairPlaceAsSecondSubject repairs the phrase of place of the subject read as a second subject, its
// preposition a marker ("Police/nsubj:pass in/mark Los Angeles/nsubj have
// launched", "Officials/nsubj in/mark Kabul/nsubj said"): the phrase
// modifies the subject, which is the verb's only one.
func (c *Coder) repairPlaceAsSecondSubject(sc *Scratch, v int) bool {
	a, b, p, ok := sc.placeAsSecondSubject(v)
	if !ok {
		return false
	}
	sc.beginRepair("%q at word %d modifies the subject %q", sc.low[b], b+1, sc.low[a])
	ws := sc.s.Words
	ws[b].Head, ws[b].Deprel = a+1, "nmod"
	ws[p].Head, ws[p].Deprel = b+1, "case"
	if ws[a].Deprel == "nsubj:pass" && !sc.passiveAux(v) {
		ws[a].Deprel = "nsubj"
	}
	return true
}

// placeAsSecondSubject reports whether verb v has two nominal subjects a <
// b with nothing between them but a preposition p (in, at, from, of) hung
// on v or b (see repairPlaceAsSecondSubject).
func (sc *Scratch) placeAsSecondSubject(v int) (a, b, p int, ok bool) {
	ws := sc.s.Words
	a, b = -1, -1
	for _, k := range sc.children(v) {
		if strings.HasPrefix(ws[k].Deprel, "nsubj") && (ws[k].UPOS == "NOUN" || ws[k].UPOS == "PROPN") {
			if a < 0 {
				a = k
			} else if b < 0 {
				b = k
			}
		}
	}
	if a < 0 || b < 0 || b > v {
		return 0, 0, 0, false
	}
	p = a + 1 // right after the subject's head
	if p >= b || ws[p].UPOS != "ADP" || (sc.head(p) != v && sc.head(p) != b) || !sc.inSubtree(b-1, b) && b-1 != p {
		return 0, 0, 0, false
	}
	switch sc.low[p] {
	case "in", "at", "from", "of":
		return a, b, p, true
	}
	return 0, 0, 0, false
}

// passiveAux reports whether verb v has a passive auxiliary.
func (sc *Scratch) passiveAux(v int) bool { return sc.hasChild(v, "aux:pass") }

// repairCaseOnPossessor repairs a preposition hung on the possessor of the
// noun it governs ("called for/case Aung San Suu Kyi's/nmod:poss release",
// "protested against/case the government's/nmod:poss decision"): a
// possessor takes no preposition of its own, the phrase's head does
func (c *Coder) repairCaseOnPossessor(sc *Scratch, k int) bool {
	ws := sc.s.Words
	if ws[k].Deprel != "case" || ws[k].UPOS != "ADP" || sc.low[k] == "of" {
		return false
	}
	p := sc.head(k)
	if p <= k || ws[p].Deprel != "nmod:poss" || !sc.childIs(p, "case", "'s") && !sc.childIs(p, "case", "'") {
		return false
	}
	h := sc.head(p)
	if h <= p || sc.hasChild(h, "case") {
		return false
	}
	sc.beginRepair("%q at word %d governs %q, the possessor's head", sc.low[k], k+1, sc.low[h])
	ws = sc.s.Words
	ws[k].Head = h + 1
	return true
}

// repairQuotedPredicate repairs a quoted adjective after the object read
// as a modifier of a noun before it ("called the sentence of the Supreme
// Court/nmod "dangerous"/amod", "labelled the vote "illegitimate""): an
// adjective in quotation marks after its noun is what the verb calls the
// object
func (c *Coder) repairQuotedPredicate(sc *Scratch, k int) bool {
	ws := sc.s.Words
	if ws[k].Deprel != "amod" && ws[k].Deprel != "nmod" || ws[k].UPOS != "ADJ" && (ws[k].UPOS != "NOUN" || sc.hasChild(k, "case") || sc.hasChild(k, "det")) {
		return false // (a bare quoted word tagged a noun: "illegitimate"/nmod)
	}
	h := sc.head(k)
	if h < 0 || h > k || k == 0 || k+1 >= len(ws) || sc.quoteMark(k-1) == 0 || sc.quoteMark(k+1) == 0 {
		return false
	}
	v := h
	for d := 0; v >= 0 && !sc.verbal(v) && d < len(ws); d++ {
		v = sc.head(v)
	}
	if v < 0 || v > h || sc.hasChild(v, "xcomp") {
		return false
	}
	sc.beginRepair("%q at word %d, in quotation marks after its noun, is what %q calls its object", sc.low[k], k+1, sc.low[v])
	ws = sc.s.Words
	ws[k].Head, ws[k].Deprel = v+1, "xcomp"
	return true
}

// repairCompoundOnVerb repairs a subject noun read as a compound modifier of
// the verb after it ("Kenyan police/compound fired/ccomp tear gas",
// "Israeli troops/compound shot"): a compound joins nominals, so a noun
// before a verb with no subject is its subject
func (c *Coder) repairCompoundOnVerb(sc *Scratch, k int) bool {
	ws := sc.s.Words
	if ws[k].Deprel != "compound" || ws[k].UPOS != "NOUN" && ws[k].UPOS != "PROPN" {
		return false
	}
	v := sc.head(k)
	if v <= k || ws[v].UPOS != "VERB" || sc.hasSubject(v) {
		return false
	}
	for i := k + 1; i < v; i++ {
		if !sc.inSubtree(i, k) && ws[i].UPOS != "ADV" {
			return false
		}
	}
	sc.beginRepair("%q at word %d is the subject of %q", sc.low[k], k+1, sc.low[v])
	ws = sc.s.Words
	ws[k].Deprel = "nsubj"
	return true
}

// repairTrailingAttribution repairs a closing attribution (", witnesses
// said") whose subject the parser coordinated with the object of the clause
// before it ("killing at least three people/nsubj, witnesses/conj said",
// "wounding 12 others, police said"): the last conjunct, after the comma,
// speaks; the first is the object of the verb before the comma that has
// none
func (c *Coder) repairTrailingAttribution(sc *Scratch, v int) bool {
	ws := sc.s.Words
	if ws[v].UPOS != "VERB" || !c.isSpeech(sc, v) {
		return false
	}
	s := -1
	for _, k := range sc.children(v) {
		if ws[k].Deprel == "nsubj" && k < v {
			s = k
		}
	}
	if s < 0 {
		return false
	}
	y := -1
	for _, k := range sc.children(s) {
		if ws[k].Deprel == "conj" && k == v-1 && k > 0 && sc.low[k-1] == "," && !sc.hasChild(k, "cc") {
			y = k
		}
	}
	if y < 0 {
		return false
	}
	w := -1 // the verb before the subject that has no object
	for i := s - 1; i >= 0; i-- {
		if ws[i].UPOS == "VERB" {
			w = i
			break
		}
	}
	if w < 0 || sc.hasChild(w, "obj") || sc.head(w) < 0 || !sc.inSubtree(w, v) && sc.head(w) != v {
		return false
	}
	sc.beginRepair("%q at word %d speaks, %q at word %d is the object of %q", sc.low[y], y+1, sc.low[s], s+1, sc.low[w])
	ws = sc.s.Words
	ws[y].Head, ws[y].Deprel = v+1, "nsubj"
	ws[s].Head, ws[s].Deprel = w+1, "obj"
	for _, k := range sc.children(y) {
		if ws[k].Deprel == "punct" && k < y {
			ws[k].Head = y + 1
		}
	}
	return true
}

// repairBareOblique repairs a verb's object read as an oblique without a preposition, a country
// adjective before it hung on the verb ("received Palestinian/xcomp
// President Mahmoud/obl Abbas", "met/root Iranian/advmod Foreign Minister
// Abbas/obl Araghchi"): the noun is the object, the adjective modifies it.
func (c *Coder) repairBareOblique(sc *Scratch, k int) bool {
	v, a, ok := sc.bareOblique(k)
	if !ok {
		return false
	}
	sc.beginRepair("%q at word %d is the object of %q", sc.low[k], k+1, sc.low[v])
	ws := sc.s.Words
	ws[k].Head, ws[k].Deprel = v+1, "obj"
	if a >= 0 {
		ws[a].Head, ws[a].Deprel = k+1, "amod"
	}
	return true
}

// bareOblique reports whether name or noun k hangs on verb v as an oblique
// with no preposition (and no time: those are obl:tmod, obl:unmarked) while
// v has no object; a is a country adjective between them hung on v, -1
// for none (see repairBareOblique).
func (sc *Scratch) bareOblique(k int) (v, a int, ok bool) {
	ws := sc.s.Words
	if ws[k].Deprel != "obl" || ws[k].UPOS != "PROPN" && ws[k].UPOS != "NOUN" || sc.timeWord(k) {
		return 0, 0, false
	}
	a = -1
	v = sc.head(k)
	if v >= 0 && v < k && ws[v].UPOS == "ADJ" && sc.actorAt[v] >= 0 {
		a, v = v, sc.head(v) // the name hung on the adjective
	}
	if v < 0 || v > k || ws[v].UPOS != "VERB" || sc.hasObject(v) || sc.passive(v) {
		return 0, 0, false
	}
	for _, j := range sc.children(k) {
		if d := ws[j].Deprel; d == "case" || d == "mark" {
			return 0, 0, false
		}
	}
	for _, j := range sc.children(v) {
		if a < 0 && j > v && j < k && ws[j].UPOS == "ADJ" && sc.actorAt[j] >= 0 {
			a = j
		}
	}
	return v, a, true
}

// repairHyphenParticiple repairs the participle of a hyphenated modifier read as a verb with the noun
// it modifies as its object ("Saudi - led/advcl coalition warplanes/obj
// bombed a market", "U.S. - backed/root forces/obj captured the town"):
// the participle modifies the noun, which is the subject of the verb the
// participle hung on.
func (c *Coder) repairHyphenParticiple(sc *Scratch, l int) bool {
	n, ok := sc.hyphenParticiple(l)
	if !ok {
		return false
	}
	sc.beginRepair("%q at word %d modifies %q", sc.low[l], l+1, sc.low[n])
	ws := sc.s.Words
	if c, subj := sc.conjAfterModified(l, n); c >= 0 {
		// "Saudi - led/root coalition/obj air strikes/nsubj killed/conj 14
		// civilians": the noun modifies the subject of the verb read as a
		// conjunct, which heads the clause
		ws[c].Head, ws[c].Deprel = ws[l].Head, ws[l].Deprel
		for _, k := range sc.children(l) {
			if k != n && k != c && k > n {
				ws[k].Head = c + 1
			}
		}
		ws[n].Head, ws[n].Deprel = subj+1, "compound"
	} else if v := sc.head(l); v > n && ws[v].UPOS == "VERB" && !sc.hasSubject(v) {
		ws[n].Head, ws[n].Deprel = v+1, "nsubj"
	} else {
		ws[n].Head, ws[n].Deprel = ws[l].Head, ws[l].Deprel
	}
	ws[l].Head, ws[l].Deprel = n+1, "amod"
	return true
}

// conjAfterModified returns a verb coordinated with participle l after
// its noun n whose subject begins right after n's phrase (the noun
// modifies that subject), and that subject; -1 for none.
func (sc *Scratch) conjAfterModified(l, n int) (c, subj int) {
	for _, k := range sc.children(l) {
		if sc.s.Words[k].Deprel != "conj" || k < n || !sc.verbal(k) {
			continue
		}
		for _, j := range sc.children(k) {
			if sc.s.Words[j].Deprel != "nsubj" || j <= n || j > n+3 {
				continue
			}
			for i := n + 1; i < j; i++ {
				if sc.head(i) != j || sc.s.Words[i].Deprel != "compound" && sc.s.Words[i].Deprel != "amod" {
					return -1, -1
				}
			}
			return k, j
		}
	}
	return -1, -1
}

// hyphenParticiple reports whether word l is a participle of backing or
// leading ("led", "backed", "funded") right after a hyphen, with its noun
// n parsed as its object (see repairHyphenParticiple).
func (sc *Scratch) hyphenParticiple(l int) (n int, ok bool) {
	ws := sc.s.Words
	if l < 2 || ws[l].UPOS != "VERB" || sc.low[l-1] != "-" || ws[l].Deprel == "amod" {
		return 0, false
	}
	switch sc.low[l] {
	case "led", "backed", "funded", "sponsored", "supported", "armed", "allied", "run", "owned", "controlled", "held", "based", "linked", "aligned", "dominated", "brokered", "drafted":
	default:
		return 0, false
	}
	for _, k := range sc.children(l) {
		if ws[k].Deprel == "obj" && k > l && k <= l+3 && (ws[k].UPOS == "NOUN" || ws[k].UPOS == "PROPN") {
			return k, true
		}
	}
	return 0, false
}

// repairVerbAfterRelative repairs the clause's verb read as the modifier of its object after a relative
// clause of the subject closed by a comma ("The Syrian army/root, which
// recaptured Aleppo last year, shelled/amod rebel positions/obl"): the
// verb heads the clause, the noun the relative clause describes is its
// subject, the noun after it its object.
func (c *Coder) repairVerbAfterRelative(sc *Scratch, v int) bool {
	r, n, ok := sc.verbAfterRelative(v)
	if !ok {
		return false
	}
	sc.beginRepair("%q at word %d is the verb of %q", sc.low[v], v+1, sc.low[r])
	ws := sc.s.Words
	for _, k := range sc.children(r) {
		if k > v {
			ws[k].Head = v + 1 // the final punctuation
		}
	}
	ws[v].Head, ws[v].Deprel = ws[r].Head, ws[r].Deprel
	ws[r].Head, ws[r].Deprel = v+1, "nsubj"
	if n >= 0 {
		ws[n].Head, ws[n].Deprel = v+1, "obj"
	}
	ws[v-1].Head = v + 1 // the comma
	return true
}

// verbAfterRelative reports whether word v, a past form read as the
// adjectival modifier of the noun n after it, follows a comma that closes
// a relative clause of the noun r, n hanging inside that clause; or v, a
// finite verb without a subject, hangs on that relative clause's verb as
// a clause of its own (n -1; see repairVerbAfterRelative).
func (sc *Scratch) verbAfterRelative(v int) (r, n int, ok bool) {
	ws := sc.s.Words
	if v < 3 || ws[v].UPOS != "VERB" || sc.low[v-1] != "," {
		return 0, 0, false
	}
	if d := ws[v].Deprel; (d == "advcl" || d == "conj" || d == "parataxis") && !sc.hasSubject(v) &&
		(ws[v].XPOS == "VBD" || ws[v].XPOS == "VBZ" || ws[v].XPOS == "VBN" && sc.hasObject(v) && !sc.hasAux(v)) {
		// the verb hung on the relative clause's verb as a clause of
		// its own ("Nigerian troops/root, who arrived/acl:relcl in the
		// town, attacked/advcl Boko Haram fighters")
		c := sc.head(v)
		if c >= 0 && c < v && ws[c].Deprel == "acl:relcl" {
			if r = sc.head(c); r >= 0 && r < c && ws[r].Deprel == "root" && (sc.actorAt[r] >= 0 || sc.agentAt[r] >= 0) {
				return r, -1, true
			}
		}
		return 0, 0, false
	}
	if ws[v].Deprel != "amod" || ws[v].XPOS != "VBD" && ws[v].XPOS != "VBN" {
		return 0, 0, false
	}
	n = sc.head(v)
	if n <= v || ws[n].UPOS != "NOUN" && ws[n].UPOS != "PROPN" {
		return 0, 0, false
	}
	for c := sc.head(n); c >= 0 && c < v; c = sc.head(c) {
		if ws[c].Deprel == "acl:relcl" {
			r = sc.head(c)
			if r >= 0 && r < c && (ws[r].UPOS == "NOUN" || ws[r].UPOS == "PROPN") && (sc.actorAt[r] >= 0 || sc.agentAt[r] >= 0) {
				return r, n, true
			}
			return 0, 0, false
		}
	}
	return 0, 0, false
}

// repairVerbAsAdjective repairs a verb read as an adjective of the object that follows it, the
// noun before it made the clause's head or a modifier ("Armenian
// police/root detained/amod dozens/obj of demonstrators", "The
// U.S./compound lifted/amod sanctions/root"): the verb heads the
// clause, the noun before it is its subject and the one after its
// object
func (c *Coder) repairVerbAsAdjective(sc *Scratch, v int) bool {
	r, n, ok := sc.verbAsAdjective(v, !c.opt.Literal)
	if !ok {
		r, n, ok = c.pastAsAdjective(sc, v)
	}
	if !ok {
		return false
	}
	t := -1
	if sc.timeWord(r) {
		// a time is no subject: the subject stands before its phrase
		// ("The European Union/root on Friday/compound extended/amod
		// sanctions")
		if t, r = r, sc.subjectBeforeTime(r); r < 0 {
			return false
		}
	}
	sc.beginRepair("%q at word %d is the verb of %q", sc.low[v], v+1, sc.low[r])
	ws := sc.s.Words
	if ws[v].UPOS == "ADJ" {
		ws[v].UPOS, ws[v].XPOS = "VERB", "VBD" // pastAsAdjective
		sc.lemma[v] = c.pastLemma(sc.low[v])
	}
	if t >= 0 {
		ws[t].Head, ws[t].Deprel = v+1, "obl"
	}
	if t < 0 && (ws[r].Head == n+1 || ws[r].Head == v+1) {
		// "The U.S. lifted sanctions": the verb takes the noun's place
		ws[v].Head, ws[v].Deprel = ws[n].Head, ws[n].Deprel
		ws[n].Head, ws[n].Deprel = v+1, "obj"
	} else {
		// "Arnor police attacked Gondor": the verb takes the subject's
		ws[v].Head, ws[v].Deprel = ws[r].Head, ws[r].Deprel
		ws[n].Head, ws[n].Deprel = v+1, "obj"
		for _, k := range sc.children(r) {
			if k > v && k != n && (sc.rel(k) == "obl" || sc.rel(k) == "nmod" || ws[k].Deprel == "punct") {
				ws[k].Head = v + 1
			}
		}
	}
	ws[r].Head, ws[r].Deprel = v+1, "nsubj"
	return true
}

// subjectBeforeTime returns the noun that names an actor right before the
// phrase of time word t ("The European Union on Friday"), -1 for none.
func (sc *Scratch) subjectBeforeTime(t int) int {
	first := t
	for _, k := range sc.children(t) {
		if k < first {
			first = k // "on"
		}
	}
	if first >= 1 && sc.s.Words[first-1].UPOS == "ADP" {
		first-- // "on" hung elsewhere
	}
	if first < 1 {
		return -1
	}
	r := sc.npHead(first - 1)
	if r < 0 || r >= first || sc.s.Words[r].UPOS != "NOUN" && sc.s.Words[r].UPOS != "PROPN" || sc.actorAt[r] < 0 && sc.agentAt[r] < 0 {
		return -1
	}
	return r
}

// repairClauseAsRelative repairs a clause read as a noun phrase with a reduced relative: the root is
// a noun and the sentence's only verb modifies it right after it
// ("Egyptian protesters/root marched/acl through Cairo", "Hundreds
// of Kenyan students/root gathered/acl outside parliament"): the verb
// heads the clause, the noun phrase is its subject
func (c *Coder) repairClauseAsRelative(sc *Scratch, v int) bool {
	r, ok := sc.clauseAsRelative(v)
	if !ok {
		return false
	}
	sc.beginRepair("%q at word %d is the verb of %q", sc.low[v], v+1, sc.low[r])
	ws := sc.s.Words
	for _, k := range sc.children(r) {
		if k > v {
			ws[k].Head = v + 1
		}
	}
	ws[v].Head, ws[v].Deprel = 0, "root"
	ws[r].Head, ws[r].Deprel = v+1, "nsubj"
	return true
}

// repairPerfectAsVerb repairs the perfect's "have" read as the main verb, its participle attached
// below it ("the United States have/root both/obj criticised/acl
// Malaysia", "Iran has/root also condemned/amod ..."): the
// participle heads the clause, "have" is its auxiliary and the words
// between modify it
func (c *Coder) repairPerfectAsVerb(sc *Scratch, h int) bool {
	v, ok := sc.perfectAsVerb(h)
	if !ok {
		return false
	}
	sc.beginRepair("%q at word %d is the auxiliary of %q", sc.low[h], h+1, sc.low[v])
	ws := sc.s.Words
	for _, k := range sc.children(h) {
		if k != v && !sc.inSubtree(v, k) {
			ws[k].Head = v + 1
		}
	}
	// the words on the path from h down to v hang from v: a noun
	// after it is its object ("criticised/amod Malaysia/obj")
	sc.path = sc.path[:0]
	for p := sc.head(v); p >= 0 && p != h && len(sc.path) < len(ws); p = sc.head(p) {
		sc.path = append(sc.path, p)
	}
	for _, p := range sc.path {
		ws[p].Head = v + 1
		if p > v && (ws[p].UPOS == "NOUN" || ws[p].UPOS == "PROPN" || ws[p].UPOS == "PRON") {
			ws[p].Deprel = "obj"
		}
	}
	for i := h + 1; i < v; i++ {
		ws[i].Head, ws[i].Deprel = v+1, "advmod"
	}
	ws[v].Head, ws[v].Deprel = ws[h].Head, ws[h].Deprel
	ws[h].Head, ws[h].Deprel, ws[h].UPOS = v+1, "aux", "AUX"
	return true
}

// repairTwoSubjects repairs two subjects of one verb joined by "and" ("the United
// Nations/nsubj and the United States/nsubj criticised"): one
// coordinated subject
func (c *Coder) repairTwoSubjects(sc *Scratch, v int) bool {
	a, b, cc, ok := sc.twoSubjects(v)
	if !ok {
		return false
	}
	sc.beginRepair("%q at word %d is coordinated with %q", sc.low[b], b+1, sc.low[a])
	ws := sc.s.Words
	ws[b].Head, ws[b].Deprel = a+1, "conj"
	ws[cc].Head = b + 1
	return true
}

// repairSplitSubject repairs a noun compound read as two subjects of one
// verb, side by side with no conjunction ("Russia's defence/nsubj
// ministry/nsubj said", "the Kenyan interior/nsubj ministry/nsubj
// announced"): the first noun modifies the second, which takes its
// modifiers
func (c *Coder) repairSplitSubject(sc *Scratch, v int) bool {
	ws := sc.s.Words
	if !sc.verbal(v) {
		return false
	}
	a, b := -1, -1
	for _, k := range sc.children(v) {
		if ws[k].Deprel != "nsubj" {
			continue
		}
		if a < 0 {
			a = k
		} else if b < 0 {
			b = k
		}
	}
	if a < 0 || b != a+1 || b > v || ws[a].UPOS != "NOUN" || ws[b].UPOS != "NOUN" && ws[b].UPOS != "PROPN" {
		return false
	}
	sc.beginRepair("%q at word %d modifies %q, one subject", sc.low[a], a+1, sc.low[b])
	ws = sc.s.Words
	for _, k := range sc.children(a) {
		ws[k].Head = b + 1
	}
	ws[a].Head, ws[a].Deprel = b+1, "compound"
	return true
}

// repairTitleAsOblique repairs a subject phrase read as a bare oblique
// with the name in apposition to it read as the subject ("A Taliban
// spokesman/obl, Qari Yousef Ahmadi/nsubj, denied", "The army's chief/obl,
// General Ali Ahmed/nsubj, said"): the phrase is the subject, the name its
// apposition
func (c *Coder) repairTitleAsOblique(sc *Scratch, k int) bool {
	ws := sc.s.Words
	if ws[k].Deprel != "obl" || ws[k].UPOS != "NOUN" || sc.hasChild(k, "case") || sc.timeWord(k) {
		return false
	}
	v := sc.head(k)
	if v <= k || !sc.verbal(v) {
		return false
	}
	s := -1
	for _, j := range sc.children(v) {
		if ws[j].Deprel == "nsubj" && j > k && j < v && ws[j].UPOS == "PROPN" {
			s = j
		}
	}
	if s < 0 || k+1 >= len(ws) || sc.low[k+1] != "," && !(sc.low[s-1] == "," && sc.inSubtree(s-1, k)) {
		return false
	}
	for i := k + 1; i < s; i++ {
		if !sc.inSubtree(i, k) && sc.low[i] != "," {
			return false
		}
	}
	sc.beginRepair("%q at word %d is the subject of %q, %q its apposition", sc.low[k], k+1, sc.low[v], sc.low[s])
	ws = sc.s.Words
	ws[k].Deprel = "nsubj"
	ws[s].Head, ws[s].Deprel = k+1, "appos"
	return true
}

// repairFiniteConjOfNoun repairs a finite verb read as a conjunct of a
// noun ("accused the United States of backing a coup attempt/obj and
// expelled/conj three diplomats", "condemned the attack on the
// embassy/nmod and recalled/conj its ambassador"): a finite verb joins the
// nearest finite verb above it, whose subject it shares
func (c *Coder) repairFiniteConjOfNoun(sc *Scratch, v int) bool {
	ws := sc.s.Words
	if ws[v].Deprel != "conj" || ws[v].UPOS != "VERB" || ws[v].XPOS != "VBD" && ws[v].XPOS != "VBZ" || sc.hasSubject(v) {
		return false
	}
	h := sc.head(v)
	if h < 0 || ws[h].UPOS != "NOUN" && ws[h].UPOS != "PROPN" {
		return false
	}
	f := sc.head(h)
	for d := 0; f >= 0 && d < len(ws); d++ {
		if sc.verbal(f) && (ws[f].XPOS == "VBD" || ws[f].XPOS == "VBZ" || ws[f].XPOS == "VBP") {
			break
		}
		f = sc.head(f)
	}
	if f < 0 || f > v {
		return false
	}
	sc.beginRepair("%q at word %d is coordinated with %q, not with the noun %q", sc.low[v], v+1, sc.low[f], sc.low[h])
	ws = sc.s.Words
	ws[v].Head = f + 1
	return true
}

// repairRelativeAsRoot repairs a sentence whose subject's relative clause
// was read as the main clause and the main verb as its conjunct ("Norway/vocative,
// which brokered/root a 2002 ceasefire, urged/conj the government ...",
// "The army, which recaptured the town last year, shelled rebel
// positions"): the later verb heads the sentence with the noun as its
// subject, which the relative clause modifies
func (c *Coder) repairRelativeAsRoot(sc *Scratch, r int) bool {
	ws := sc.s.Words
	if ws[r].Deprel != "root" || !sc.verbal(r) {
		return false
	}
	rel, n, v := -1, -1, -1
	for _, k := range sc.children(r) {
		switch d := ws[k].Deprel; {
		case strings.HasPrefix(d, "nsubj") && (sc.low[k] == "which" || sc.low[k] == "who") && k < r:
			rel = k
		case (d == "vocative" || d == "dislocated" || d == "nsubj" || d == "obl") && k < r && (ws[k].UPOS == "PROPN" || ws[k].UPOS == "NOUN"):
			n = k
		case d == "conj" && k > r && sc.verbal(k) && !sc.hasSubject(k) && v < 0:
			v = k
		}
	}
	if rel < 0 || n < 0 || v < 0 || n > rel || n+2 < rel && sc.low[rel-1] != "," {
		return false
	}
	sc.beginRepair("%q at word %d heads the sentence, %q its subject with the relative clause %q", sc.low[v], v+1, sc.low[n], sc.low[r])
	ws = sc.s.Words
	for _, k := range sc.children(r) {
		if k > v || k == n {
			ws[k].Head = v + 1
		}
	}
	ws[v].Head, ws[v].Deprel = 0, "root"
	ws[n].Head, ws[n].Deprel = v+1, "nsubj"
	ws[r].Head, ws[r].Deprel = n+1, "acl:relcl"
	return true
}

// repairSubjectConjunct repairs coordinated subjects read as a noun coordinated with a clause, or
// modified by it ("Both the United Nations/root and the United
// States/nsubj have criticized/conj Malaysia", "The Yemeni
// government/root and the Houthi rebels/nsubj agreed/acl:relcl to a
// ceasefire"): the verb heads the sentence, the two nouns are its
// coordinated subject
func (c *Coder) repairSubjectConjunct(sc *Scratch, v int) bool {
	n, subj, cc, ok := sc.subjectConjunct(v)
	if !ok {
		return false
	}
	sc.beginRepair("%q at word %d and %q at word %d are the subjects of %q", sc.low[n], n+1, sc.low[subj], subj+1, sc.low[v])
	ws := sc.s.Words
	for _, k := range sc.children(n) {
		if k > v {
			ws[k].Head = v + 1
		}
	}
	ws[v].Head, ws[v].Deprel = 0, "root"
	ws[n].Head, ws[n].Deprel = v+1, "nsubj"
	ws[subj].Head, ws[subj].Deprel = n+1, "conj"
	ws[cc].Head = subj + 1
	return true
}

// repairConjunctAsCompound repairs a noun phrase with its own
// determiner read as a compound modifier of the next conjunct's head ("The
// army/compound and M23/conj rebels each blame the other", "the police/compound
// and Hamas/conj gunmen exchanged fire"): a determiner begins a phrase, so
// the first noun is a conjunct of its own and the second conjunct's head is
// the head that modifier noun modifies
func (c *Coder) repairConjunctAsCompound(sc *Scratch, x int) bool {
	ws := sc.s.Words
	if ws[x].Deprel != "compound" || ws[x].UPOS != "NOUN" && ws[x].UPOS != "PROPN" || !sc.childIs(x, "det", "the") {
		return false
	}
	h := sc.head(x)
	if h <= x {
		return false
	}
	y := sc.childBetween(x, "conj", x, h)
	if y < 0 {
		return false
	}
	cc := sc.childBetween(y, "cc", x, y)
	if cc < 0 {
		return false
	}
	sc.beginRepair("%q at word %d is a conjunct of its own, %q at word %d modifies %q", sc.low[x], x+1, sc.low[y], y+1, sc.low[h])
	ws = sc.s.Words
	ws[x].Head, ws[x].Deprel = ws[h].Head, ws[h].Deprel
	ws[h].Head, ws[h].Deprel = x+1, "conj"
	ws[y].Head, ws[y].Deprel = h+1, "compound"
	ws[cc].Head = h + 1
	return true
}

// repairNameSplitFromNoun repairs a name and the noun it modifies read as
// two conjuncts, the noun without a conjunction of its own ("the police and
// Hamas/conj gunmen/conj", "the army and Taliban/conj fighters/conj"): the
// name modifies the noun, which is the conjunct
func (c *Coder) repairNameSplitFromNoun(sc *Scratch, z int) bool {
	ws := sc.s.Words
	y := z - 1
	if y < 1 || ws[z].Deprel != "conj" || ws[y].Deprel != "conj" || ws[y].Head != ws[z].Head ||
		ws[y].UPOS != "PROPN" || ws[z].UPOS != "NOUN" {
		return false
	}
	cc := sc.childBetween(y, "cc", -1, y)
	for _, k := range sc.children(z) {
		if ws[k].Deprel == "cc" || ws[k].Deprel == "punct" {
			return false
		}
	}
	if cc < 0 {
		return false
	}
	sc.beginRepair("%q at word %d modifies %q, the conjunct", sc.low[y], y+1, sc.low[z])
	ws = sc.s.Words
	ws[y].Head, ws[y].Deprel = z+1, "compound"
	ws[cc].Head = z + 1
	for _, k := range sc.children(y) {
		if k != cc && ws[k].Deprel != "flat" && ws[k].Deprel != "compound" {
			ws[k].Head = z + 1
		}
	}
	return true
}

// repairSaidClauseAsObject repairs a said clause read as the speech verb's object with a participle
// ("the military said its troops/obj shot/acl dead a Palestinian",
// "police said gunmen/obj killed/acl five villagers"): the clause is
// what is said, the noun its subject
func (c *Coder) repairSaidClauseAsObject(sc *Scratch, v int) bool {
	k, ok := c.saidClauseAsObject(sc, v)
	if !ok {
		return false
	}
	sc.beginRepair("%q at word %d is the verb of the clause said, %q its subject", sc.low[v], v+1, sc.low[k])
	ws := sc.s.Words
	ws[v].Head, ws[v].Deprel = ws[k].Head, "ccomp"
	ws[k].Head, ws[k].Deprel = v+1, "nsubj"
	return true
}

// repairSaidClauseAsConjunct repairs a said clause read as the speech verb's object and a verb coordinated with
// the speech verb, though no conjunction joins them ("the spokesman acknowledges an unspecified number of
// monks/obj were detained/conj", "police said dozens of protesters/obj had been arrested/conj"): the clause is
// what is said, the noun its subject
func (c *Coder) repairSaidClauseAsConjunct(sc *Scratch, v int) bool {
	ws := sc.s.Words
	if ws[v].Deprel != "conj" && ws[v].Deprel != "ccomp" || ws[v].UPOS != "VERB" {
		return false // (or the clause said without its subject: "said its forces/obj had struck/ccomp")
	}
	h := sc.head(v)
	if h < 0 || h > v || !sc.verbal(h) || !c.isSpeech(sc, h) && !admitVerb(sc.lemma[h]) || sc.lemma[h] == "tell" || sc.lemma[h] == "inform" {
		return false
	}
	aux, pass := false, false
	for _, j := range sc.children(v) {
		switch d := ws[j].Deprel; {
		case strings.HasPrefix(d, "nsubj"), d == "cc", d == "mark", j < v && d == "punct":
			return false
		case d == "aux:pass":
			aux, pass = true, true
		case d == "aux" && j < v:
			aux = true
		}
	}
	if !aux {
		return false
	}
	k := -1
	for _, j := range sc.children(h) {
		if ws[j].Deprel == "obj" && j < v {
			k = j
		}
	}
	if k < 0 {
		return false
	}
	for i := k + 1; i < v; i++ {
		if !sc.inSubtree(i, k) && !sc.inSubtree(i, v) {
			return false
		}
	}
	sc.beginRepair("%q at word %d is the verb of the clause said, %q its subject", sc.low[v], v+1, sc.low[k])
	ws = sc.s.Words
	ws[v].Deprel = "ccomp"
	ws[k].Head, ws[k].Deprel = v+1, "nsubj"
	if pass {
		ws[k].Deprel = "nsubj:pass"
	}
	return true
}

// admitVerb reports whether lemma l admits or confirms what its clause
// says ("acknowledged that ...", "confirmed ...").
func admitVerb(l string) bool {
	switch l {
	case "acknowledge", "admit", "confirm", "concede":
		return true
	}
	return false
}

// repairAgentWithoutBy repairs an agent without "by" in an active clause: it is the verb's object
// ("police arrested former president Jeanine/obl:agent Anez", "the army
// killed Hamas commander X/obl:agent"): a "by" agent needs the word
func (c *Coder) repairAgentWithoutBy(sc *Scratch, k int) bool {
	if !sc.agentWithoutBy(k) {
		return false
	}
	sc.beginRepair("%q at word %d is the object of %q", sc.low[k], k+1, sc.low[sc.head(k)])
	sc.s.Words[k].Deprel = "obj"
	return true
}

// repairCountryBeforeSubject repairs a country name before a titled name, both made subjects of the verb
// ("U.S./nsubj Senator John/nsubj Cornyn criticized", "Iran/nsubj
// Foreign Minister Javad/nsubj Zarif said"): the country modifies the
// name
func (c *Coder) repairCountryBeforeSubject(sc *Scratch, v int) bool {
	a, b, ok := sc.countryBeforeSubject(v)
	if !ok {
		return false
	}
	sc.beginRepair("%q at word %d modifies %q", sc.low[a], a+1, sc.low[b])
	sc.s.Words[a].Head, sc.s.Words[a].Deprel = b+1, "compound"
	return true
}

// repairFrontedObliqueSubject repairs a subject with a preposition, a fronted oblique ("In Zimbabwe/nsubj:pass,
// opposition leader/list Arthur Mutambara, and his party's candidate
// have been detained", "In Venezuela/nsubj:pass, opposition
// leader/list Juan Guaido, and his chief of staff have been
// detained"): the phrase after its comma is the subject, the
// preposition's phrase an oblique
func (c *Coder) repairFrontedObliqueSubject(sc *Scratch, k int) bool {
	n, ok := sc.frontedObliqueSubject(k)
	if !ok {
		return false
	}
	sc.beginRepair("%q at word %d is an oblique; %q is the subject", sc.low[k], k+1, sc.low[n])
	ws := sc.s.Words
	for _, j := range sc.children(k) {
		if j > n && (ws[j].Deprel == "conj" || ws[j].Deprel == "list" || ws[j].Deprel == "appos") {
			ws[j].Head = n + 1
			if ws[j].Deprel == "list" {
				ws[j].Deprel = "conj"
			}
		}
	}
	ws[n].Head, ws[n].Deprel = ws[k].Head, ws[k].Deprel
	ws[k].Deprel = "obl"
	return true
}

// repairSmallClauseSubject repairs the subject of a small clause ("called [the talks constructive]",
// "declared [the vote void]") is the verb's object, as UD attaches it:
// the judgement's xcomp keeps its predicate, the verb gets the thing
// judged
func (c *Coder) repairSmallClauseSubject(sc *Scratch, x int) bool {
	k := sc.smallClauseSubject(x)
	if k < 0 {
		return false
	}
	sc.beginRepair("%q at word %d is the object of %q", sc.low[k], k+1, sc.low[sc.head(x)])
	ws := sc.s.Words
	ws[k].Head, ws[k].Deprel = ws[x].Head, "obj"
	return true
}

// repairInfinitiveAsNoun repairs an infinitive read as a noun compounded with its object after "to"
// ("decided to/case ease/compound restrictions/obl"): "to" marks the
// verb, the noun is its object
func (c *Coder) repairInfinitiveAsNoun(sc *Scratch, t int) bool {
	x, n, v, ok := c.infinitiveAsNoun(sc, t)
	if !ok {
		return false
	}
	sc.beginRepair("%q at word %d is an infinitive with object %q", sc.low[x], x+1, sc.low[n])
	ws := sc.s.Words
	ws[x].UPOS, ws[x].Head, ws[x].Deprel = "VERB", v+1, "xcomp"
	ws[t].UPOS, ws[t].Head, ws[t].Deprel = "PART", x+1, "mark"
	ws[n].Head, ws[n].Deprel = x+1, "obj"
	return true
}

// repairPossessorAsArgument repairs a possessor made a second subject or object of the verb ("China/nsubj
// ’s health ministry/nsubj sent"), or hung on the verb ("Turkey/nmod:poss
// 's foreign ministry/nsubj summoned"): it is the possessor of the phrase
// after it
func (c *Coder) repairPossessorAsArgument(sc *Scratch, p int) bool {
	n, ok := sc.possessorAsArgument(p)
	if !ok {
		return false
	}
	sc.beginRepair("%q at word %d is the possessor of %q", sc.low[p], p+1, sc.low[n])
	ws := sc.s.Words
	ws[p].Head, ws[p].Deprel = n+1, "nmod:poss"
	return true
}

// repairAdjectiveOverName repairs a country adjective made the head of the name it modifies
// ("detained Nigerien/obj President Mohamed Bazoum/flat"): the name
// heads the phrase
func (c *Coder) repairAdjectiveOverName(sc *Scratch, a int) bool {
	n, ok := c.adjectiveOverName(sc, a)
	if !ok {
		return false
	}
	sc.beginRepair("%q at word %d modifies %q", sc.low[a], a+1, sc.low[n])
	ws := sc.s.Words
	for _, k := range sc.children(a) {
		if k != n {
			ws[k].Head = n + 1
		}
	}
	ws[n].Head, ws[n].Deprel = ws[a].Head, ws[a].Deprel
	ws[a].Head, ws[a].Deprel = n+1, "amod"
	return true
}

// repairStrandedCountry repairs a country adjective opening the subject attached to the verb
// ("Afghan/advcl President Ashraf Ghani announced"): it modifies the
// subject's noun phrase that follows it
func (c *Coder) repairStrandedCountry(sc *Scratch, a int) bool {
	n, ok := sc.strandedCountry(a)
	if !ok {
		return false
	}
	sc.beginRepair("%q at word %d modifies %q", sc.low[a], a+1, sc.low[n])
	ws := sc.s.Words
	ws[a].Head, ws[a].Deprel = n+1, "amod"
	return true
}

// repairCountryRootOverVerb repairs a country adjective opening the subject made the sentence's root,
// the verb hanging from it ("Syrian/root Prime Minister X denied/advcl
// arming Hezbollah"): the verb heads the sentence, the adjective
// modifies the subject
func (c *Coder) repairCountryRootOverVerb(sc *Scratch, a int) bool {
	v, n, ok := sc.countryRootOverVerb(a)
	if !ok {
		return false
	}
	sc.beginRepair("%q at word %d modifies %q; %q heads the sentence", sc.low[a], a+1, sc.low[n], sc.low[v])
	ws := sc.s.Words
	for _, k := range sc.children(a) {
		if k != v {
			ws[k].Head = v + 1
		}
	}
	ws[v].Head, ws[v].Deprel = 0, "root"
	ws[a].Head, ws[a].Deprel = n+1, "amod"
	return true
}

// repairStrandedAdjective repairs an adjective read as the head of its noun's prepositional phrase:
// the noun takes the preposition and the adjectives (each coordinated
// one modifies the noun too)
func (c *Coder) repairStrandedAdjective(sc *Scratch, a int) bool {
	n, ok := sc.strandedAdjective(a)
	if !ok {
		return false
	}
	sc.beginRepair("%q at word %d modifies %q", sc.low[a], a+1, sc.low[n])
	ws := sc.s.Words
	for _, k := range sc.children(a) {
		ws[k].Head = n + 1
		if sc.rel(k) == "conj" {
			ws[k].Deprel = "amod"
		}
	}
	ws[n].Deprel = ws[a].Deprel
	ws[a].Head, ws[a].Deprel = n+1, "amod"
	return true
}

// verbAsAdjective reports whether word v, a verb's past form, is attached
// as a modifier (amod) to a noun n after it while a noun r before it can
// only be its subject: n is the object of r ("Arnor police/root
// attacked/amod Gondor/obj"; with conj, also its apposition or a conjunct
// without a conjunction: "Armenian police/root detained/amod
// dozens/conj"), or r, a name or noun, hangs from v itself
// or from n right before v ("The U.S./compound lifted/amod
// sanctions/root"; tagged a participle, v needs r without a determiner of
// its own: not "the Kremlin-backed rebels").
func (sc *Scratch) verbAsAdjective(v int, conj bool) (r, n int, ok bool) {
	ws := sc.s.Words
	if ws[v].Deprel != "amod" || ws[v].UPOS != "VERB" && ws[v].XPOS != "VBD" && ws[v].XPOS != "VBN" {
		return 0, 0, false
	}
	if ws[v].XPOS != "VBD" && ws[v].XPOS != "VBN" && !strings.HasSuffix(sc.low[v], "ed") {
		return 0, 0, false
	}
	n = sc.head(v)
	if n <= v || ws[n].UPOS != "NOUN" && ws[n].UPOS != "PROPN" {
		return 0, 0, false
	}
	nounAt := func(k int) bool { return k >= 0 && k < v && (ws[k].UPOS == "NOUN" || ws[k].UPOS == "PROPN") }
	if r = sc.head(n); (ws[n].Deprel == "obj" || conj && (ws[n].Deprel == "appos" || ws[n].Deprel == "conj" && !sc.hasCC(n))) && nounAt(r) {
		// "Armenian police/root detained/amod dozens/conj of
		// demonstrators": a conjunct without a conjunction is no list
		return r, n, true
	}
	// the name or noun right before the verb, hanging from it or from n
	if r = v - 1; nounAt(r) && (ws[r].Deprel == "compound" || ws[r].Deprel == "nsubj") && (sc.head(r) == v || sc.head(r) == n) &&
		(ws[v].XPOS == "VBD" || !sc.hasDet(r) || sc.onlyVerb(v) || sc.clauseWithoutCopula(r, n)) {
		return r, n, true
	}
	return 0, 0, false
}

// clauseWithoutCopula reports whether noun n has noun r as its subject
// and no copula: a clause whose verb the parser took for a modifier of
// its object ("The Biden administration/nsubj lifted/ADJ
// sanctions/root", "The Kenyan government/nsubj deployed/amod
// troops/root to quell protests").
func (sc *Scratch) clauseWithoutCopula(r, n int) bool {
	if sc.s.Words[r].Deprel != "nsubj" || sc.head(r) != n {
		return false
	}
	for _, k := range sc.children(n) {
		if sc.s.Words[k].Deprel == "cop" {
			return false
		}
	}
	return true
}

// perfectAsVerb reports whether word h, a form of "have" that is not an
// auxiliary, is followed, after nothing but adverbs and "both", by a past
// participle v inside h's own subtree: the perfect misread as "have" with
// an object.
func (sc *Scratch) perfectAsVerb(h int) (v int, ok bool) {
	ws := sc.s.Words
	if sc.lemma[h] != "have" || strings.HasPrefix(ws[h].Deprel, "aux") {
		return 0, false
	}
	for v = h + 1; v < len(ws) && v <= h+3; v++ {
		switch {
		case ws[v].UPOS == "ADV" || sc.low[v] == "both" || sc.low[v] == "all":
			continue
		case ws[v].UPOS == "VERB" && (ws[v].XPOS == "VBN" || ws[v].XPOS == "VBD") && sc.head(v) != h && sc.inSubtree(v, h):
			return v, true
		}
		break
	}
	return 0, false
}

// twoSubjects reports whether verb v has two nominal subjects a < b joined
// by the conjunction "and" (cc, attached to v or to b, between them).
func (sc *Scratch) twoSubjects(v int) (a, b, cc int, ok bool) {
	ws := sc.s.Words
	a, b, cc = -1, -1, -1
	for _, k := range sc.children(v) {
		switch d := ws[k].Deprel; {
		case d == "nsubj" && a < 0:
			a = k
		case d == "nsubj" && b < 0:
			b = k
		case d == "cc" && sc.low[k] == "and" && a >= 0 && b < 0:
			cc = k
		}
	}
	if b >= 0 && cc < 0 {
		for _, k := range sc.children(b) { // UD v2 attaches "and" to the conjunct after it
			if ws[k].Deprel == "cc" && sc.low[k] == "and" && k > a {
				cc = k
			}
		}
	}
	if b < 0 || cc < 0 || cc > b || b > v {
		return 0, 0, 0, false
	}
	return a, b, cc, true
}

// subjectConjunct reports whether verb v is read as a conjunct (or a
// relative clause) of the root noun n while its own subject subj, between
// them, follows the coordinating conjunction cc: n and subj are one
// coordinated subject.
func (sc *Scratch) subjectConjunct(v int) (n, subj, cc int, ok bool) {
	ws := sc.s.Words
	if ws[v].Deprel != "conj" && ws[v].Deprel != "acl:relcl" || ws[v].UPOS != "VERB" {
		return 0, 0, 0, false
	}
	n = sc.head(v)
	if n < 0 || n > v || ws[n].Head != 0 || ws[n].UPOS != "NOUN" && ws[n].UPOS != "PROPN" {
		return 0, 0, 0, false
	}
	subj, cc = -1, -1
	for _, k := range sc.children(v) {
		switch ws[k].Deprel {
		case "nsubj":
			if k > n && k < v {
				subj = k
			}
		case "cc":
			if k > n && cc < 0 {
				cc = k
			}
		}
	}
	if subj >= 0 && cc < 0 {
		for _, k := range sc.children(subj) { // "and" on the second subject ("the Houthi rebels/nsubj agreed/acl:relcl")
			if ws[k].Deprel == "cc" && k > n && k < subj {
				cc = k
			}
		}
	}
	if subj < 0 || cc < 0 || cc > subj || sc.low[cc] != "and" {
		return 0, 0, 0, false
	}
	for i := n + 1; i < cc; i++ {
		if ws[i].UPOS == "VERB" || ws[i].UPOS == "AUX" {
			return 0, 0, 0, false
		}
	}
	return n, subj, cc, true
}

// saidClauseAsObject reports whether word v, a verb's past form attached as a modifier (acl) of the object k of a speech verb, right
// after k's phrase and without a subject of its own, is the verb of the
// clause said.
func (c *Coder) saidClauseAsObject(sc *Scratch, v int) (k int, ok bool) {
	ws := sc.s.Words
	if ws[v].Deprel != "acl" || ws[v].UPOS != "VERB" || ws[v].XPOS != "VBD" && ws[v].XPOS != "VBN" {
		return 0, false
	}
	k = sc.head(v)
	if k < 0 || k > v || ws[k].Deprel != "obj" || ws[k].UPOS != "NOUN" && ws[k].UPOS != "PROPN" && ws[k].UPOS != "PRON" {
		return 0, false
	}
	h := sc.head(k)
	if h < 0 || !sc.verbal(h) || !c.isSpeech(sc, h) || sc.lemma[h] == "tell" || sc.lemma[h] == "inform" {
		return 0, false
	}
	for i := k + 1; i < v; i++ {
		if !sc.inSubtree(i, k) {
			return 0, false
		}
	}
	for _, j := range sc.children(v) {
		if d := ws[j].Deprel; strings.HasPrefix(d, "nsubj") || strings.HasPrefix(d, "aux") || d == "mark" || sc.agentDep(j) {
			return 0, false
		}
	}
	return k, true
}

// agentWithoutBy reports whether word k is attached as the "by" agent of
// an active verb with no object while no "by" introduces it.
func (sc *Scratch) agentWithoutBy(k int) bool {
	ws := sc.s.Words
	if ws[k].Deprel != "obl:agent" && ws[k].Deprel != "nmod:agent" || sc.caseOf(k) == "by" {
		return false
	}
	v := sc.head(k)
	if v < 0 || ws[v].UPOS != "VERB" || sc.passive(v) || k < v {
		return false
	}
	for _, j := range sc.children(v) {
		if ws[j].Deprel == "obj" {
			return false
		}
	}
	return true
}

// countryBeforeSubject reports whether verb v has two subjects a < b
// where a, a one-word actor name, ends right before the first word of b's
// phrase: a country read as a subject of its own.
func (sc *Scratch) countryBeforeSubject(v int) (a, b int, ok bool) {
	ws := sc.s.Words
	a, b = -1, -1
	for _, k := range sc.children(v) {
		if ws[k].Deprel == "nsubj" {
			if a < 0 {
				a = k
			} else if b < 0 {
				b = k
			}
		}
	}
	if b < 0 || a > b || sc.actorAt[a] < 0 || len(sc.children(a)) > 0 || ws[a].UPOS != "PROPN" {
		return 0, 0, false
	}
	first := b
	for i := a + 1; i < b; i++ {
		if sc.inSubtree(i, b) {
			first = i
			break
		}
	}
	return a, b, first == a+1
}

// frontedObliqueSubject reports whether word k, attached as a subject, has
// a preposition of its own and a noun phrase after a comma attached to it
// (list, apposition or conjunct) that names an actor or role: n, the real
// subject.
func (sc *Scratch) frontedObliqueSubject(k int) (n int, ok bool) {
	ws := sc.s.Words
	if !strings.HasPrefix(ws[k].Deprel, "nsubj") || sc.caseOf(k) == "" || sc.caseOf(k) == "'s" || sc.caseOf(k) == "’s" {
		return 0, false
	}
	comma := false
	for i := k + 1; i < len(ws) && sc.inSubtree(i, k); i++ {
		if ws[i].Form == "," {
			comma = true
			continue
		}
		if comma && sc.head(i) == k && (ws[i].Deprel == "list" || ws[i].Deprel == "appos" || ws[i].Deprel == "conj") &&
			(ws[i].UPOS == "NOUN" || ws[i].UPOS == "PROPN") && (sc.agentAt[i] >= 0 || sc.actorAt[i] >= 0 || sc.hasAgentOrActor(i)) {
			return i, true
		}
	}
	return 0, false
}

// hasAgentOrActor reports whether a child of word i names an actor or role.
func (sc *Scratch) hasAgentOrActor(i int) bool {
	for _, j := range sc.children(i) {
		if sc.agentAt[j] >= 0 || sc.actorAt[j] >= 0 {
			return true
		}
	}
	return false
}

// smallClauseSubject returns the subject of word x, a nominal or
// adjectival open complement (xcomp) of a verb without an object, -1 if x
// is none or has none.
func (sc *Scratch) smallClauseSubject(x int) int {
	ws := sc.s.Words
	if ws[x].Deprel != "xcomp" || ws[x].UPOS != "ADJ" && ws[x].UPOS != "NOUN" {
		return -1
	}
	h := sc.head(x)
	if h < 0 || ws[h].UPOS != "VERB" {
		return -1
	}
	for _, k := range sc.children(h) {
		if ws[k].Deprel == "obj" {
			return -1
		}
	}
	subj := -1
	for _, k := range sc.children(x) {
		switch d := ws[k].Deprel; {
		case d == "nsubj" && k > h && k < x:
			subj = k
		case d == "cop" || strings.HasPrefix(d, "aux") || d == "mark":
			return -1
		}
	}
	return subj
}

// clauseAsRelative reports whether word v, a verb's past form, is a
// reduced relative (acl) of a noun in the sentence's root noun phrase r,
// following that noun's phrase directly, while no word of the sentence is
// a verb heading a clause of its own: a sentence that ends without a main
// verb is a clause the parser read as one noun phrase. A real reduced
// relative comes with the sentence's own verb ("the soldiers killed in
// the attack were buried") and is left alone.
func (sc *Scratch) clauseAsRelative(v int) (r int, ok bool) {
	ws := sc.s.Words
	if ws[v].Deprel != "acl" || ws[v].UPOS != "VERB" || ws[v].XPOS != "VBD" && ws[v].XPOS != "VBN" {
		return 0, false
	}
	n := sc.head(v)
	if n < 0 || n > v || ws[n].UPOS != "NOUN" && ws[n].UPOS != "PROPN" {
		return 0, false
	}
	r = n
	for d := 0; ws[r].Head != 0; d++ {
		if r = sc.head(r); d >= len(ws) || r < 0 || ws[r].UPOS != "NOUN" && ws[r].UPOS != "PROPN" && ws[r].UPOS != "NUM" && ws[r].UPOS != "PRON" {
			return 0, false // (a tree read from untrusted input may loop)
		}
	}
	if r > n {
		return 0, false
	}
	for i := n + 1; i < v; i++ {
		if !sc.inSubtree(i, n) || ws[i].UPOS == "VERB" || ws[i].UPOS == "AUX" {
			return 0, false
		}
	}
	for _, k := range sc.children(v) {
		switch d := ws[k].Deprel; {
		case strings.HasPrefix(d, "nsubj"), strings.HasPrefix(d, "aux"), d == "mark", d == "cop":
			return 0, false
		case sc.agentDep(k):
			return 0, false // "the missiles fired by the army": a passive participle
		}
	}
	for _, k := range sc.children(r) {
		if ws[k].Deprel == "cop" {
			return 0, false // "Germany has been the largest donor": the root is a predicate
		}
	}
	for i := range ws {
		if i != v && (ws[i].UPOS == "VERB" || ws[i].UPOS == "AUX") && (ws[i].Deprel == "root" || ws[i].Deprel == "parataxis") {
			return 0, false
		}
		if i < v && ws[i].UPOS == "VERB" {
			return 0, false // a verb before v may head the clause v modifies
		}
	}
	return r, true
}

// hasCC reports whether word k has a coordinating conjunction of its own.
func (sc *Scratch) hasCC(k int) bool { return sc.hasChild(k, "cc") }

// onlyVerb reports whether word v is the sentence's only verb ("The United
// Nations investigated/amod Russia/root": a clause without another verb,
// unlike "the Kremlin backed rebels attacked").
func (sc *Scratch) onlyVerb(v int) bool {
	for i := range sc.s.Words {
		if i != v && (sc.s.Words[i].UPOS == "VERB" || sc.s.Words[i].UPOS == "AUX") {
			return false
		}
	}
	return true
}

// pastAsAdjective reports, like verbAsAdjective, whether word v, tagged
// an adjective, is the verb of a short clause the parser read as one noun
// phrase: a past form of the verb dictionary ("Egypt eased/ADJ
// restrictions on the press", "Britain cut/ADJ humanitarian aid to
// Afghanistan") right after a name or noun that hangs from the noun after
// v, as a compound without a determiner or as its subject, in a sentence
// with no verb.
func (c *Coder) pastAsAdjective(sc *Scratch, v int) (r, n int, ok bool) {
	ws := sc.s.Words
	if ws[v].UPOS != "ADJ" || ws[v].Deprel != "amod" || v == 0 {
		return 0, 0, false
	}
	n, r = sc.head(v), v-1
	if n <= v || ws[n].UPOS != "NOUN" && ws[n].UPOS != "PROPN" || sc.head(r) != n || ws[r].UPOS != "PROPN" && ws[r].UPOS != "NOUN" {
		return 0, 0, false
	}
	switch ws[r].Deprel {
	case "compound":
		if sc.hasDet(r) {
			return 0, 0, false
		}
	case "nsubj":
		if !sc.clauseWithoutCopula(r, n) {
			return 0, 0, false
		}
	default:
		return 0, 0, false
	}
	if !sc.onlyVerb(v) {
		return 0, 0, false
	}
	if !strings.HasSuffix(sc.low[v], "ed") && !c.verbForm(sc.low[v]) {
		return 0, 0, false
	}
	return r, n, c.pastLemma(sc.low[v]) != ""
}

// pastLemma returns the verb of the dictionary whose past form l is ("cut",
// "eased" → "ease", "lifted" → "lift", "committed" → "commit"), "" for none.
func (c *Coder) pastLemma(l string) string {
	stem := strings.TrimSuffix(l, "ed")
	for _, w := range [...]string{l, strings.TrimSuffix(l, "d"), stem} {
		if w != "" && c.verbForm(w) {
			return w
		}
	}
	if len(stem) >= 2 && stem[len(stem)-1] == stem[len(stem)-2] && c.verbForm(stem[:len(stem)-1]) {
		return stem[:len(stem)-1] // "committed", "banned"
	}
	return ""
}

// verbForm reports whether the verb dictionary has a verb (not a noun or
// adjective entry) written w.
func (c *Coder) verbForm(w string) bool {
	for _, r := range c.set.VerbsFor(w) {
		if f := &c.set.Verbs[r.Verb].Forms[r.Form]; !f.Noun && !f.Adj {
			return true
		}
	}
	return false
}

// infinitiveAsNoun reports whether word t is "to" read as the preposition
// of a noun n whose compound x, right after "to", is a verb of the
// dictionary in its base form ("decided to ease restrictions" parsed as
// "to [ease restrictions]"); v is the verb the phrase hangs from. Words
// the verb patterns name as things ("trade", "aid") are left alone.
func (c *Coder) infinitiveAsNoun(sc *Scratch, t int) (x, n, v int, ok bool) {
	ws := sc.s.Words
	if sc.low[t] != "to" || ws[t].Deprel != "case" || t+2 >= len(ws) {
		return 0, 0, 0, false
	}
	x, n = t+1, sc.head(t)
	if n != t+2 || ws[x].Deprel != "compound" || sc.head(x) != n || ws[x].UPOS != "NOUN" || sc.low[x] != sc.lemma[x] ||
		c.patternWords[sc.low[x]] || sc.rel(n) != "obl" {
		return 0, 0, 0, false
	}
	if v = sc.head(n); v < 0 || ws[v].UPOS != "VERB" {
		return 0, 0, 0, false
	}
	verb := false
	for _, r := range c.set.VerbsFor(sc.low[x]) {
		if f := &c.set.Verbs[r.Verb].Forms[r.Form]; !f.Noun && !f.Adj {
			verb = true
		}
	}
	return x, n, v, verb
}

// possessorAsArgument reports whether word p, marked possessive ("'s"),
// is attached to its head with the same relation as the phrase that
// follows it (two subjects or objects of one verb); n is that phrase's
// head.
func (sc *Scratch) possessorAsArgument(p int) (n int, ok bool) {
	ws := sc.s.Words
	d := ws[p].Deprel
	// also a possessor hung on the verb itself, which possesses nothing:
	// "Turkey/nmod:poss 's foreign ministry/nsubj summoned/root"
	onVerb := d == "nmod:poss" && sc.head(p) >= 0 && ws[sc.head(p)].UPOS == "VERB"
	if d != "nsubj" && d != "obj" && d != "nsubj:pass" && !onVerb {
		return 0, false
	}
	last := -1
	for _, k := range sc.children(p) {
		if ws[k].Deprel == "case" && (sc.low[k] == "'s" || sc.low[k] == "’s" || sc.low[k] == "'" || sc.low[k] == "’") {
			last = k
		}
	}
	if last < 0 {
		return 0, false
	}
	h := sc.head(p)
	if h < 0 {
		return 0, false
	}
	for _, k := range sc.children(h) {
		if k > last && (ws[k].Deprel == d || onVerb && (ws[k].Deprel == "nsubj" || ws[k].Deprel == "nsubj:pass" || ws[k].Deprel == "obj")) {
			// the words between the mark and n belong to n's phrase
			for j := last + 1; j < k; j++ {
				if !sc.inSubtree(j, k) {
					return 0, false
				}
			}
			return k, true
		}
	}
	return 0, false
}

// adjectiveOverName reports whether word a, an adjective naming an actor
// ("Nigerien", also tagged as a name), heads a noun phrase argument while a
// proper name after it hangs from it as a flat name or compound: n is that
// name, the phrase's real head.
func (c *Coder) adjectiveOverName(sc *Scratch, a int) (n int, ok bool) {
	ws := sc.s.Words
	if ws[a].UPOS != "ADJ" && ws[a].UPOS != "PROPN" || sc.actorAt[a] < 0 {
		return 0, false
	}
	switch ws[a].Deprel {
	case "obj", "iobj", "nsubj", "nsubj:pass", "obl", "nmod", "appos":
	default:
		return 0, false
	}
	for _, k := range sc.children(a) {
		if d := ws[k].Deprel; k > a && ws[k].UPOS == "PROPN" && (d == "flat" || d == "flat:name" || d == "compound") && !sc.coordinatedBetween(a, k) {
			// tagged a name itself, the adjective must name a country and
			// the name another actor ("Nigerien/PROPN ... Bazoum", not "UN
			// Secretary General Antonio Guterres")
			if ws[a].UPOS == "ADJ" || sc.actorAt[k] >= 0 && sc.actorAt[k] != sc.actorAt[a] &&
				countryCode(c.actorCode(sc, sc.actors[sc.actorAt[a]].entry)) {
				return k, true
			}
		}
	}
	return 0, false
}

// coordinatedBetween reports whether a coordinating conjunction lies
// between words a and b: "Japan and South Korea" with Korea attached to
// Japan is a coordination the parser got wrong, not one name.
func (sc *Scratch) coordinatedBetween(a, b int) bool {
	for i := a + 1; i < b; i++ {
		if sc.s.Words[i].UPOS == "CCONJ" {
			return true
		}
	}
	return false
}

// strandedCountry reports whether word a, an adjective naming an actor
// ("Afghan"), is attached to a verb although the words after it are that
// verb's subject; n is the head of the subject's phrase it then modifies.
func (sc *Scratch) strandedCountry(a int) (n int, ok bool) {
	ws := sc.s.Words
	if ws[a].UPOS != "ADJ" || sc.actorAt[a] < 0 || a+1 >= len(ws) || len(sc.children(a)) > 0 {
		return 0, false
	}
	v := sc.head(a)
	if v < 0 || ws[v].UPOS != "VERB" && ws[v].UPOS != "AUX" || v < a {
		return 0, false
	}
	switch ws[a].Deprel {
	case "advcl", "advmod", "obl", "dep", "amod", "parataxis", "discourse", "vocative", "ccomp", "xcomp", "csubj":
	default:
		return 0, false
	}
	for _, k := range sc.children(v) {
		if d := ws[k].Deprel; (d == "nsubj" || d == "nsubj:pass") && k > a && sc.inSubtree(a+1, k) {
			return sc.npHead(a + 1), true
		}
	}
	return 0, false
}

// countryRootOverVerb reports whether word a, an adjective naming an
// actor, is the sentence's root with a verb v below it whose subject's
// phrase begins right after a; n is the head of that phrase.
func (sc *Scratch) countryRootOverVerb(a int) (v, n int, ok bool) {
	ws := sc.s.Words
	if ws[a].UPOS != "ADJ" || sc.actorAt[a] < 0 || ws[a].Head != 0 || a+1 >= len(ws) {
		return 0, 0, false
	}
	for _, k := range sc.children(a) {
		if ws[k].UPOS != "VERB" || k < a {
			continue
		}
		for _, j := range sc.children(k) {
			if strings.HasPrefix(ws[j].Deprel, "nsubj") && j > a && sc.inSubtree(a+1, j) {
				return k, sc.npHead(a + 1), true
			}
		}
	}
	return 0, 0, false
}

// strandedAdjective reports whether word a is an adjective the parser made
// the head of a prepositional phrase whose noun follows it, attached to
// the same head without a preposition of its own ("full of/case
// incomprehensible/obl and inhuman actions/obl"); n is that noun.
func (sc *Scratch) strandedAdjective(a int) (n int, ok bool) {
	ws := sc.s.Words
	if ws[a].UPOS != "ADJ" || sc.rel(a) != "obl" && sc.rel(a) != "nmod" || sc.caseOf(a) == "" {
		return 0, false
	}
	h := sc.head(a)
	last := a // the last word of a's phrase, its coordinated adjectives included
	for _, k := range sc.children(a) {
		if k > last {
			last = k
		}
	}
	n = last + 1
	if h < 0 || n >= len(ws) || ws[n].UPOS != "NOUN" || sc.head(n) != h || sc.rel(n) != sc.rel(a) || sc.caseOf(n) != "" {
		return 0, false
	}
	for _, k := range sc.children(a) {
		if sc.rel(k) == "conj" && ws[k].UPOS != "ADJ" {
			return 0, false
		}
	}
	return n, true
}

// verbAfterTime reports whether word p is a verb tagged as the adjectival
// modifier of the noun n after it, n coordinated by "and" right before p
// with a time expression attached to verb v (see repair).
func (sc *Scratch) verbAfterTime(p int) (n, v int, ok bool) {
	ws := sc.s.Words
	if ws[p].UPOS != "VERB" || ws[p].Deprel != "amod" || p == 0 {
		return 0, 0, false
	}
	n = sc.head(p)
	if n != p+1 || ws[n].Deprel != "conj" || ws[p-1].Deprel != "cc" {
		return 0, 0, false
	}
	m := sc.head(n)
	if c := sc.head(p - 1); c != n && c != m { // UD v2 and v1 attachments of "and"
		return 0, 0, false
	}
	if m < 0 || m >= p-1 || !sc.timeWord(m) {
		return 0, 0, false
	}
	v = sc.head(m)
	if v < 0 || v > m || ws[v].UPOS != "VERB" {
		return 0, 0, false
	}
	return n, v, true
}

// timeWord reports whether word k heads a time expression: a temporal
// modifier, a weekday, a month, "today", "yesterday".
func (sc *Scratch) timeWord(k int) bool {
	if strings.HasSuffix(sc.s.Words[k].Deprel, "tmod") {
		return true
	}
	switch sc.low[k] {
	case "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
		"january", "february", "march", "april", "may", "june", "july", "august", "september",
		"october", "november", "december", "today", "yesterday", "tonight", "weekend":
		return true
	}
	return false
}

// ownWords makes sc.s a copy of the sentence that repairs may change.
func (sc *Scratch) ownWords() {
	if sc.s == &sc.sent {
		return
	}
	sc.words = append(sc.words[:0], sc.s.Words...)
	sc.sent = *sc.s
	sc.sent.Words = sc.words
	sc.s = &sc.sent
}

// nameAsCase returns the actor mention of a name that the parser made the
// preposition of a modifier of the noun h ("the evil Arnor/ADP awful
// Gondor" with Arnor as the case of Gondor under "evil"), or of h itself
// ("Arnor/ADP former officials"): a name is no preposition, so it names
// h's phrase. -1 if there is none.
func (c *Coder) nameAsCase(sc *Scratch, h int) int {
	for _, k := range sc.children(h) {
		// "Arnor/ADP former officials": the name before h is its own
		if k < h && sc.s.Words[k].Deprel == "case" && c.misparsedName(sc, k) {
			return int(sc.actorAt[k])
		}
		if k < h || sc.rel(k) != "nmod" && sc.rel(k) != "obl" {
			continue
		}
		for _, j := range sc.children(k) {
			if j == h+1 && sc.s.Words[j].Deprel == "case" && c.misparsedName(sc, j) {
				return int(sc.actorAt[j])
			}
		}
	}
	return -1
}

// phraseFromFirstWord finds a multi-word verb whose first word is the verb
// v and whose verb word, right after it, the tagger did not take for a verb
// ("wire/VERB tap/NOUN" for WIRE_+TAP): the phrase is one verb wherever the
// tagger put the verb. It returns the verb, its form and the last word of
// the phrase, or -1.
func (c *Coder) phraseFromFirstWord(sc *Scratch, v int) (verb, form, last int) {
	k := v + 1
	if k >= len(sc.low) || sc.s.Words[k].UPOS == "VERB" || sc.s.Words[k].UPOS == "AUX" {
		return -1, -1, v
	}
	for pass := 0; pass < 2; pass++ {
		key := sc.low[k]
		if pass == 1 {
			if sc.lemma[k] == key {
				break
			}
			key = sc.lemma[k]
		}
		for _, r := range c.set.VerbsFor(key) {
			f := &c.set.Verbs[r.Verb].Forms[r.Form]
			if f.Noun || f.Phrase == nil || f.Head != 1 {
				continue
			}
			if l, end := sc.verbPhraseAt(f, k); l > 0 {
				return r.Verb, r.Form, end
			}
		}
	}
	return -1, -1, v
}

// hasDet reports whether word k has a determiner of its own.
func (sc *Scratch) hasDet(k int) bool { return sc.hasChild(k, "det") }

// hasObject reports whether verb v has a direct object.
func (sc *Scratch) hasObject(v int) bool { return sc.hasChild(v, "obj") }

// hasChild reports whether word k has a dependent with relation rel.
// childBetween returns the last child of word k with relation rel that
// lies strictly between words lo and hi, -1 for none.
func (sc *Scratch) childBetween(k int, rel string, lo, hi int) int {
	found := -1
	for _, j := range sc.children(k) {
		if sc.s.Words[j].Deprel == rel && j > lo && j < hi {
			found = j
		}
	}
	return found
}

func (sc *Scratch) hasChild(k int, rel string) bool {
	for _, j := range sc.children(k) {
		if sc.s.Words[j].Deprel == rel {
			return true
		}
	}
	return false
}

// hasAux reports whether verb v has an auxiliary (aux, aux:pass, cop).
func (sc *Scratch) hasAux(v int) bool {
	for _, k := range sc.children(v) {
		if d := sc.s.Words[k].Deprel; strings.HasPrefix(d, "aux") || d == "cop" {
			return true
		}
	}
	return false
}
