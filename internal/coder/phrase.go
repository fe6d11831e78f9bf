package coder

import (
	"github.com/eventwire/eventwire/internal/dict"
	"github.com/eventwire/eventwire/internal/event"
)

// Argument phrases. An event's source and target spans are the words of
// the actor phrase that was coded ("Iraqi troops", "Syrian army") unless
// Options.PhraseSpans asks for the whole noun phrase of the verb's
// argument that holds them ("the last ISIS group bastion in the country").
// With Options.AllowMonad, an argument that names no actor is still the
// event's source or target phrase, coded NullCode: "the protesters" in
// "Arnor police arrested the protesters" (an agent noun heading it gives
// its agent code, "---CVL", through the ordinary actor rules).

// unknownRef is the reference for an argument phrase headed by word h
// that names no actor.
func (c *Coder) unknownRef(sc *Scratch, h int) actorRef {
	f, l := c.phraseRange(sc, h, -1, false, false)
	return actorRef{code: dict.NullCode, head: h, first: f, last: l, actor: -1, agent: -1, mod: -1}
}

// targetPhrase returns the head of the phrase that is the target of verb
// (or noun event) v when no actor was found in it: the object, the
// passive subject, the indirect object, else the first oblique that is
// not a time, an agent or a possessor; -1 for none.
func (c *Coder) targetPhrase(sc *Scratch, v, depth int) int {
	pass := c.passive(sc, v)
	expl := pass && c.expletiveSpeech(sc, v)
	kids := sc.children(v)
	obj := -1
	for _, k := range kids {
		if d := sc.s.Words[k].Deprel; d == "obj" || pass && d == "nsubj:pass" && !expl {
			if sc.phraseHead(k) {
				obj = k
				break
			}
		}
	}
	if obj >= 0 && !c.eventNoun(sc, obj) {
		return obj
	}
	if obj >= 0 {
		// the act or thing the pattern names is not the target; whom it
		// is given to, aimed at or shared with is ("issued an ultimatum
		// to her colleagues", "lifted the ban on ZTE")
		if k := sc.recipient(obj); k >= 0 {
			return k
		}
		if k := sc.recipient(v); k >= 0 {
			return k
		}
		return obj
	}
	for _, k := range kids {
		if sc.s.Words[k].Deprel == "iobj" && sc.phraseHead(k) {
			return k
		}
	}
	for _, k := range kids {
		d := sc.s.Words[k].Deprel
		if r := sc.rel(k); r != "obl" && r != "nmod" || d == "obl:tmod" || d == "nmod:tmod" || d == "nmod:poss" ||
			d == "obl:agent" || sc.caseOf(k) == "by" || sc.caseOf(k) == "" {
			continue
		}
		if sc.phraseHead(k) && !sc.timeNoun(k) && !c.eventNoun(sc, k) {
			return k
		}
	}
	// the target of a complement: "is considering sending aid to Kenya",
	// "said it is skeptical about the scheme"
	for _, k := range kids {
		if d := sc.s.Words[k].Deprel; (d == "xcomp" || d == "ccomp") && depth < 2 {
			if t := c.targetPhrase(sc, k, depth+1); t >= 0 {
				return t
			}
		}
	}
	return -1
}

// sourcePhrase returns the head of the subject phrase of verb v when no
// actor was found in it (the "by" agent of a passive), -1 for none.
func (c *Coder) sourcePhrase(sc *Scratch, v int) int {
	pass := c.passive(sc, v)
	for _, k := range sc.children(v) {
		d := sc.s.Words[k].Deprel
		if pass && (d == "obl:agent" || d == "nmod:agent" || (sc.rel(k) == "obl" || sc.rel(k) == "nmod") && sc.caseOf(k) == "by") ||
			!pass && d == "nsubj" {
			if sc.phraseHead(k) && !(sc.s.Words[k].UPOS == "PRON" && relativePronoun(sc.low[k])) {
				return k
			}
		}
	}
	return -1
}

func relativePronoun(w string) bool {
	switch w {
	case "who", "which", "that", "whom", "what":
		return true
	}
	return false
}

// phraseHead reports whether word k can head an argument phrase: a noun,
// name, pronoun or number.
func (sc *Scratch) phraseHead(k int) bool {
	switch sc.s.Words[k].UPOS {
	case "NOUN", "PROPN", "PRON", "NUM":
		return true
	}
	return false
}

// climbs reports whether the phrase of word k (attached to its head by
// d) is part of its head's phrase for an argument span: a name, an
// apposition, a modifier, a possessor ("NATO's decision"), or a
// prepositional modifier of a noun that is not itself an event ("the
// ambassador to Bahrain", but "an assault on | the bastion").
func (c *Coder) climbs(sc *Scratch, k, p int, conj bool) bool {
	d := sc.s.Words[k].Deprel
	switch {
	case modifierRel(d), d == "appos", d == "flat:foreign":
		return true
	case d == "conj":
		return conj
	case d == "nmod":
		if sc.actorAt[p] >= 0 || sc.agentAt[p] >= 0 {
			return true // "the government of Brazil", "the ambassador to Bahrain"
		}
		// "positions in the city", "a request from the Times"; not what
		// a thing or an act is given to, aimed at or done with ("$1
		// billion to Indonesia", "strikes on the troops")
		return sc.placePrep(k) && !c.eventNoun(sc, p)
	}
	return false
}

// placePrep reports whether the preposition of word k makes it part of the
// noun phrase it modifies: "of", or a place ("in", "at", "from", "near").
func (sc *Scratch) placePrep(k int) bool {
	switch sc.caseOf(k) {
	case "of", "in", "at", "from", "near", "inside", "across", "within", "outside":
		return true
	}
	return false
}

// eventNoun reports whether noun p names an event or a thing of the verb
// dictionary (a noun event, a verb, a word of a synset: "attack",
// "ceasefire", "support", "forces").
func (c *Coder) eventNoun(sc *Scratch, p int) bool {
	if len(c.set.VerbsFor(sc.lemma[p])) > 0 || len(c.set.VerbsFor(sc.low[p])) > 0 ||
		c.patternWords[sc.lemma[p]] || c.patternWords[sc.low[p]] {
		return true
	}
	// a noun made from a verb: "bombardment", "occupation", "acceptance"
	l := sc.lemma[p]
	for _, suf := range [...]string{"ment", "tion", "sion", "ance", "ence", "ing", "ade"} {
		if len(l) > len(suf)+3 && l[len(l)-len(suf):] == suf {
			return true
		}
	}
	return false
}

// timeNoun reports whether word k names a span of time ("in two days").
func (sc *Scratch) timeNoun(k int) bool {
	if sc.timeWord(k) {
		return true
	}
	switch sc.lemma[k] {
	case "day", "week", "month", "year", "hour", "minute", "time", "night", "morning", "evening", "afternoon",
		"decade", "century", "weekend", "period", "moment", "date":
		return true
	}
	return false
}

// phraseRange returns the first and last words of the noun phrase around
// word h. Without full, the phrase is h with its determiners, adjectives,
// compounds, numbers and possessors; with full, it is the noun phrase that
// holds h (climbing what climbs says, below verb v) with all its words but
// times and clauses, and its preposition. Punctuation at either end is left
// out, but for a closing bracket.
func (c *Coder) phraseRange(sc *Scratch, h, v int, full, conj bool) (int, int) {
	top := h
	if full {
		for d := 0; d < 12; d++ {
			p := sc.head(top)
			if p < 0 || p == v || !nominal(&sc.s.Words[p]) || !c.climbs(sc, top, p, conj) {
				break
			}
			top = p
		}
	}
	first, last := top, top
	for i := range sc.s.Words {
		if (i < first || i > last) && sc.under(i, top, full, conj) {
			first, last = min(first, i), max(last, i)
		}
	}
	if full && v >= first && v <= last {
		return c.phraseRange(sc, h, v, false, false)
	}
	for first < last && sc.s.Words[first].UPOS == "PUNCT" {
		first++
	}
	for last > first && sc.s.Words[last].UPOS == "PUNCT" && !(sc.low[last] == ")" && sc.opens(first, last)) {
		last--
	}
	return first, last
}

// opens reports whether an opening bracket lies in words first..last.
func (sc *Scratch) opens(first, last int) bool {
	for i := first; i < last; i++ {
		if sc.low[i] == "(" {
			return true
		}
	}
	return false
}

// under reports whether word i belongs to the phrase headed by top: with
// full every word of its subtree but times and clauses (its preposition
// too), else only through modifiers inside the noun phrase.
func (sc *Scratch) under(i, top int, full, conj bool) bool {
	for d := 0; i >= 0 && d < len(sc.low); d++ {
		p := sc.head(i)
		rel := sc.s.Words[i].Deprel
		if full && (sc.rel(i) == "nmod" || sc.rel(i) == "obl") && rel != "nmod:poss" && sc.timeNoun(i) {
			return false // "on Sunday", "five months after"
		}
		if p == top {
			if !full {
				return modifierRel(rel)
			}
			if rel == "nmod" && !sc.placePrep(i) {
				return false
			}
			switch rel {
			case "conj", "cc":
				return conj
			case "case", "acl", "acl:relcl", "advcl", "parataxis", "dep", "obl", "nsubj", "obj", "ccomp", "xcomp", "mark", "cop", "aux":
				return false
			}
			return true
		}
		if p < 0 {
			return false
		}
		i = p
	}
	return false
}

// argSpan is the span of actor a as an argument of verb v: its words, or
// with Options.PhraseSpans the noun phrase that holds them.
func (c *Coder) argSpan(sc *Scratch, doc Doc, a actorRef, v int, conj bool) event.Span {
	if !c.opt.PhraseSpans || a.head < 0 || a.head >= len(sc.s.Words) {
		return sc.span(doc, a.first, a.last)
	}
	if h := a.ante - 1; h >= 0 && h < len(sc.s.Words) {
		// "Russia said it had expelled diplomats": annotators mark the
		// pronoun's antecedent in the sentence
		f, l := c.phraseRange(sc, h, v, true, false)
		return sc.span(doc, f, l)
	}
	if a.agent < 0 && a.mod >= 0 && sc.rel(a.mod) == "nmod" && c.eventNoun(sc, a.head) {
		// "its blockade of the U.K.": the actor of the modifier, not the
		// act it names
		f, l := c.phraseRange(sc, a.mod, v, true, conj)
		return sc.span(doc, f, l)
	}
	f, l := c.phraseRange(sc, a.head, v, true, conj)
	return sc.span(doc, min(f, a.first), max(l, a.last))
}

// unknown reports whether a is an argument phrase that names no actor.
func unknown(a actorRef) bool { return a.actor < 0 && a.agent < 0 && a.code == dict.NullCode }

// recipient returns the first prepositional phrase of word h that names
// whom an act is aimed at, given to or shared with ("to", "with", "on",
// "against", "into", "toward"), -1 for none.
func (sc *Scratch) recipient(h int) int {
	for _, k := range sc.children(h) {
		if r := sc.rel(k); (r == "obl" || r == "nmod") && sc.phraseHead(k) && !sc.timeNoun(k) {
			if recipientCase(sc.caseOf(k)) {
				return k
			}
		}
	}
	return -1
}

// recipientCase reports whether preposition p introduces whom an act is
// aimed at, given to or shared with.
func recipientCase(p string) bool {
	switch p {
	case "to", "with", "on", "against", "into", "toward", "towards", "upon":
		return true
	}
	return false
}

// sameWords reports whether span sp (1-based word ids) is the phrase of
// actor a or lies inside the same phrase.
func sameWords(sp event.Span, a actorRef) bool {
	return sp.First <= a.head+1 && a.head+1 <= sp.Last || sp.First == 0
}

// intentCode returns the CAMEO "express intent" code (03) of a cooperative
// act (roots 04-08): meeting and negotiating → 036, diplomatic cooperation
// → 032, material cooperation → 031x, aid → 033x, yielding → 034x/035x; the
// threat of force (138) for force (roots 18-20); "" for other codes.
func intentCode(code string) string {
	switch code {
	case "061", "062", "063", "064":
		return "031" + code[2:]
	case "071", "072", "073", "074":
		return "033" + code[2:]
	case "0831", "0832", "0833", "0834":
		return "034" + code[3:]
	case "083":
		return "034"
	case "082":
		return "0352"
	case "084", "0841", "0842":
		return "0353"
	case "085":
		return "0354"
	case "086", "0861", "0862", "0863":
		return "0355"
	case "087", "0871", "0872", "0873", "0874":
		return "0356"
	}
	if len(code) < 2 {
		return ""
	}
	switch code[:2] {
	case "04":
		return "036"
	case "05":
		return "032"
	case "06":
		return "031"
	case "07":
		return "033"
	case "08":
		if code[:3] == "081" {
			return "0351"
		}
		return "035"
	case "18", "19", "20":
		// force said to be coming is a threat of it: "Israel would
		// continue its offensive in Gaza", "we will strike back"
		return "138"
	}
	return ""
}

// intent reports whether verb v states an intent rather than an act: the
// complement of "willing", "ready", "prepared" ("is willing to withdraw"),
// or a future ("will", "would", "shall": "said they will release").
func (c *Coder) intent(sc *Scratch, v int) bool {
	if h := sc.head(v); h >= 0 && sc.s.Words[h].UPOS == "ADJ" && sc.infinitive(v) {
		switch sc.lemma[h] {
		case "willing", "ready", "prepared", "eager", "keen", "poised", "determined", "set":
			return true
		}
	}
	for _, k := range sc.children(v) {
		if sc.s.Words[k].Deprel == "aux" {
			switch sc.low[k] {
			case "will", "would", "shall", "'ll", "wo":
				return true
			}
		}
	}
	if commitmentHead(sc, v) >= 0 {
		return true
	}
	if sc.s.Words[v].UPOS == "NOUN" && sc.s.Words[v].Deprel == "obj" {
		// a noun event is as future as the verb it is the object of:
		// "would continue its offensive", "will launch an attack"
		if h := sc.head(v); h >= 0 && sc.verbal(h) {
			return c.intent(sc, h)
		}
	}
	return false
}

// commitmentHead returns the verb of commitment or threat whose open
// complement verb v is ("vowed to retaliate against Israel", "threatened
// to strike back", "pledged to send troops"), -1 for none: the act is
// what is promised or threatened, an intent.
func commitmentHead(sc *Scratch, v int) int {
	h := sc.head(v)
	if h < 0 || sc.rel(v) != "xcomp" || !sc.infinitive(v) || !sc.verbal(h) {
		return -1
	}
	switch sc.lemma[h] {
	case "vow", "pledge", "promise", "threaten", "swear", "undertake", "commit":
		return h
	}
	return -1
}

// demandCode returns the CAMEO demand code (10) for a cooperative act
// (roots 04-09) that someone says another must do: meeting → 108,
// diplomatic cooperation → 102, material cooperation → 101x, aid → 103x,
// yielding → 104x/105x, ceasefire → 107, withdrawal → 106, investigation
// → 101; "" for other codes.
func demandCode(code string) string {
	switch code {
	case "061", "062", "063", "064":
		return "101" + code[2:]
	case "071", "072", "073", "074":
		return "103" + code[2:]
	case "0831", "0832", "0833", "0834":
		return "104" + code[3:]
	case "083":
		return "104"
	case "082":
		return "1052"
	case "084", "0841", "0842":
		return "1053"
	case "085":
		return "1054"
	case "086", "0861", "0862", "0863":
		return "1055"
	case "0871":
		return "107"
	case "0874":
		return "106"
	case "087", "0872", "0873":
		return "1056"
	}
	if len(code) < 3 {
		return ""
	}
	switch code[:2] {
	case "04":
		return "108"
	case "05":
		return "102"
	case "06":
		return "100"
	case "07":
		return "103"
	case "08":
		if code[:3] == "081" {
			return "1051"
		}
		return "100"
	case "09":
		return "101"
	}
	return ""
}

// demandedBy returns the speech verb whose speaker demands the act of verb
// v ("Russia says Israel must end attacks on Syria": v "end" under "says"
// with "must"), -1 when v is no such act.
func (c *Coder) demandedBy(sc *Scratch, v int) int {
	must := false
	for _, k := range sc.children(v) {
		if sc.s.Words[k].Deprel == "aux" && (sc.low[k] == "must" || sc.low[k] == "should") {
			must = true
		}
	}
	if !must {
		return -1
	}
	if r := sc.rel(v); r != "ccomp" && r != "parataxis" {
		return -1
	}
	if h := sc.head(v); h >= 0 && c.isSpeech(sc, h) {
		return h
	}
	return -1
}
