// Coding one sentence: the best dictionary pattern of each verb.

package coder

import (
	"strings"

	"github.com/eventwire/eventwire/internal/event"
	"github.com/eventwire/eventwire/internal/nlp"
)

// match is the verb pattern chosen for a verb.
type match struct {
	verb    int // Set.Verbs index
	form    int
	pattern int // index in the verb's patterns, -1 for the default
	src     int // word matched by '$' or '%', -1
	tgt     int // word matched by '+', -1
	both    bool
	negWord bool // the pattern itself spells out a negation
	// verbWord is a later verb that the pattern spells out ("* TO HELP"),
	// coded by this pattern rather than on its own; -1 none
	verbWord int
	score    int
	last     int // last word of the verb phrase (multi-word verbs)
	// extent is how many words around the verb a linear pattern's match
	// spans, the verb's own words excluded
	extent int
}

func (c *Coder) codeSentence(sc *Scratch, doc Doc, index int, s *nlp.Sentence, out []event.Event) []event.Event {
	if len(s.Words) == 0 {
		return out
	}
	sc.prepare(s)
	if !c.opt.Literal {
		sc.capitalUS()
	}
	sc.date = doc.Date
	if c.discarded(sc, false) {
		if sc.tr != nil {
			sc.trace("sentence discarded by %s", sc.discardRule)
		}
		sc.curAnte = sc.curAnte[:0]
		c.endSentence(sc)
		return out
	}
	c.findMentions(sc)
	c.repair(sc) // misparse.go
	c.antecedents(sc)
	c.scanQuotes(sc) // discourse.go
	start := len(out)
	for v := range sc.s.Words {
		w := &sc.s.Words[v]
		if w.UPOS != "VERB" && !(w.UPOS == "AUX" && w.Deprel != "aux" && w.Deprel != "aux:pass" && w.Deprel != "cop") &&
			!strings.HasPrefix(w.XPOS, "VB") && !c.nounVerb(sc, v) && !sc.predicateAdj(v) {
			continue
		}
		if w.Deprel == "aux" || w.Deprel == "aux:pass" || w.Deprel == "cop" {
			continue
		}
		if sc.consumed[v] {
			if sc.tr != nil {
				sc.trace("verb %q at word %d: coded with the verb before it", sc.low[v], v+1)
			}
			continue
		}
		m, ok := c.bestMatch(sc, v)
		if !ok {
			continue
		}
		if m.verbWord >= 0 {
			sc.consumed[m.verbWord] = true
		}
		out = c.emit(sc, doc, index, v, m, out)
	}
	out = c.codeNouns(sc, doc, index, out) // slots.go
	// the dictionary's transformations of nested events (transform.go)
	out = append(out[:start], c.nestedEvents(sc, doc, out[start:])...)
	out = append(out[:start], c.purposeClauses(sc, out[start:])...)
	out = append(out[:start], c.reported(sc, out[start:])...)
	c.speechContent(sc, out[start:]) // content.go
	if !c.opt.Literal {              // PETRARCH keeps every statement
		out = append(out[:start], c.plainStatements(sc, out[start:])...)
		out = append(out[:start], c.generalIntents(sc, out[start:])...)
		out = append(out[:start], onceEach(out[start:])...) // content.go
		out = append(out[:start], c.oneActTold(sc, out[start:])...)
	}
	// confidence.go: the evidence as reported speech and content left it
	rescore(out[start:])
	c.endDiscourse(sc, out[start:]) // discourse.go
	if len(sc.pairNext) == 2 {
		sc.pair = append(sc.pair[:0], sc.pairNext...)
	}
	sc.pairNext = sc.pairNext[:0]
	c.endSentence(sc)
	return out
}

// bestMatch finds the verb class of word v and its best pattern.
func (c *Coder) bestMatch(sc *Scratch, v int) (match, bool) {
	set := c.set
	best := match{verb: -1, pattern: -1, src: -1, tgt: -1, score: -1, verbWord: -1}
	formLen := 0
	try := func(key string) {
		for _, r := range set.VerbsFor(key) {
			f := &set.Verbs[r.Verb].Forms[r.Form]
			if f.Noun {
				continue // noun events: codeNouns in slots.go
			}
			if f.Adj != (sc.s.Words[v].UPOS == "ADJ") && (!f.Adj || !sc.predicateAdj(v)) {
				continue // an adjective takes predicate adjectives only, and they need a copula or passive auxiliary
			}
			l, last := 1, v
			if f.Phrase != nil {
				l, last = sc.verbPhraseAt(f, v)
				if l == 0 {
					continue
				}
			}
			if l > formLen {
				formLen = l
				best.verb, best.form, best.last = r.Verb, r.Form, last
			}
		}
	}
	// the written form first ("left" may be its own class), then the lemma
	try(sc.low[v])
	if best.verb < 0 && sc.low[v] != sc.lemma[v] && (!misspelled(sc.low[v], sc.lemma[v]) || c.lemmaOnly(sc.lemma[v])) {
		try(sc.lemma[v])
	}
	if best.verb < 0 {
		c.stemLookup(sc.low[v], try) // slots.go: "aided" when the tagger kept the form
	}
	if best.verb < 0 {
		best.verb, best.form, best.last = c.phraseFromFirstWord(sc, v) // misparse.go
	}
	if best.verb < 0 {
		return best, false
	}
	vb := &set.Verbs[best.verb]
	if sc.tr != nil {
		sc.trace("verb %q at word %d: class %s (%s)", sc.low[v], v+1, vb.Name, vb.Forms[best.form].Origin)
	}
	sc.adjPred[v] = vb.Forms[best.form].Adj
	c.patterns.sentenceWords(sc)
	for pi := range vb.Patterns {
		if !c.patterns.mayMatch(sc, best.verb, pi) {
			continue // it names a word the sentence lacks (prefilter.go)
		}
		p := &vb.Patterns[pi]
		m := match{src: -1, tgt: -1, verbWord: -1}
		score, ok := sc.matchPattern(c, p, v, best.last, &m)
		if !ok {
			continue
		}
		if sc.tr != nil {
			sc.trace("  pattern %s matches (score %d): %s", p.Origin, score, p.Code)
		}
		// of two patterns as good, the one matched nearer the verb: its
		// object before a later adjunct, as PETRARCH-2 matches the verb's
		// phrases in order ("launched many attacks during its campaign" is
		// "* ATTACKS", not "* CAMPAIGN"; "fired at a crowd, killing at
		// least eight" is "* AT" on "at a crowd")
		if score > best.score || score == best.score && m.extent < best.extent {
			best.score, best.pattern, best.extent = score, pi, m.extent
			best.src, best.tgt, best.both, best.negWord, best.verbWord = m.src, m.tgt, m.both, m.negWord, m.verbWord
		}
	}
	return best, true
}

// inClauseBelow reports whether word i lies in a relative or adverbial
// clause below r (actors there belong to another event).
func (sc *Scratch) inClauseBelow(i, r int) bool {
	for d := 0; i >= 0 && i != r && d < len(sc.low); d++ {
		switch sc.s.Words[i].Deprel {
		case "acl:relcl", "advcl", "parataxis", "appos":
			return true
		}
		i = sc.head(i)
	}
	return false
}

// infinitive reports whether verb k is a to-infinitive ("to wage war").
func (sc *Scratch) infinitive(k int) bool {
	for _, j := range sc.children(k) {
		if sc.s.Words[j].Deprel == "mark" && sc.low[j] == "to" {
			return true
		}
	}
	return false
}

// text returns the sentence text, rebuilt from the word forms (once per
// sentence) when the input had none.
func (sc *Scratch) text() string {
	if sc.s.Text != "" {
		return sc.s.Text
	}
	if sc.rebuilt == "" {
		var b strings.Builder
		for i := range sc.s.Words {
			if i > 0 {
				b.WriteByte(' ')
			}
			b.WriteString(sc.s.Words[i].Form)
		}
		sc.rebuilt = b.String()
	}
	return sc.rebuilt
}

// misspelled reports whether form looks like a regular inflection of lemma
// that the dictionaries do not know ("departes" for "depart"): the form
// starts with the lemma but is none of its regular forms. Such a word is
// not coded through its lemma; irregular forms ("broke" for "break") are.
func misspelled(form, lemma string) bool {
	if !strings.HasPrefix(form, lemma) && !(len(lemma) > 1 && strings.HasPrefix(form, lemma[:len(lemma)-1])) {
		return false
	}
	n := len(lemma)
	last := lemma[n-1]
	stem := lemma
	if last == 'e' {
		stem = lemma[:n-1]
	}
	if form == lemma+"es" {
		switch last {
		case 's', 'x', 'z', 'o', 'h':
			return false
		}
		return true
	}
	switch form {
	case lemma + "s", lemma + "ed", lemma + "d", stem + "ing", lemma + "ing",
		lemma[:n-1] + "ies", lemma[:n-1] + "ied", lemma + string(last) + "ed", lemma + string(last) + "ing":
		return false
	}
	return true
}

// preposition reports whether word k is a preposition (a case marker or an
// adposition), not an infinitive marker or a conjunction.
func (sc *Scratch) preposition(k int) bool {
	if k < 0 || k >= len(sc.s.Words) {
		return false
	}
	w := &sc.s.Words[k]
	return w.Deprel == "case" || w.UPOS == "ADP" && w.Deprel != "mark"
}

// ownFunctionWord reports whether word k, a dependent of the verb, is one of
// its adverbs, auxiliaries or coordinators ("recently", "will", "neither"),
// which PETRARCH-2 does not match in the words before the verb; negation
// words are matched.
func (sc *Scratch) ownFunctionWord(k int) bool {
	switch sc.s.Words[k].Deprel {
	case "advmod", "cc", "cc:preconj", "aux", "aux:pass":
		return !isNegWord(sc.low[k]) || sc.s.Words[k].Deprel == "cc"
	}
	return false
}

// pastParticiple reports whether verb v is a past participle with no
// auxiliary ("killed", "sought" modifying a noun) that says what is done to
// its noun: not one that raises a complement about the noun ("a woman
// believed linked to Al-Qaeda" is the woman's link).
func (sc *Scratch) pastParticiple(v int) bool {
	w := &sc.s.Words[v]
	if sc.passive(v) || !(w.XPOS == "VBN" || w.Feat("VerbForm") == "Part" && w.Feat("Tense") == "Past") {
		return false
	}
	for _, k := range sc.children(v) {
		if sc.rel(k) == "xcomp" {
			return false
		}
	}
	return true
}
