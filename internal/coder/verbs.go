package coder

import (
	"strings"

	"github.com/eventwire/eventwire/internal/dict"
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
		sc.endSentence()
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
		out = append(out[:start], onceEach(out[start:])...) // content.go
	}
	// confidence.go: the evidence as reported speech and content left it
	rescore(out[start:])
	c.endDiscourse(sc, out[start:]) // discourse.go
	if len(sc.pairNext) == 2 {
		sc.pair = append(sc.pair[:0], sc.pairNext...)
	}
	sc.pairNext = sc.pairNext[:0]
	sc.endSentence()
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

// verbPhraseAt matches a multi-word verb around word v (its verb word):
// the words before the verb word must precede v, those after follow it
// (a particle may be separated by the object). It returns the number of
// words matched (0 for no match) and the last one.
func (sc *Scratch) verbPhraseAt(f *dict.VerbForm, v int) (int, int) {
	k := v
	for j := f.Head - 1; j >= 0; j-- {
		k--
		if k < 0 || !sc.wordIs(f.Phrase[j].Text, k) {
			return 0, v
		}
	}
	last := v
	k = v
	for j := f.Head + 1; j < len(f.Phrase); j++ {
		found := false
		for kk := k + 1; kk < len(sc.low) && kk <= k+3; kk++ {
			if sc.wordIs(f.Phrase[j].Text, kk) {
				k, found = kk, true
				break
			}
		}
		if !found {
			return 0, v
		}
		last = k
	}
	return len(f.Phrase), last
}

func (sc *Scratch) wordIs(text string, i int) bool { return sc.low[i] == text || sc.lemma[i] == text }

// inSubtree reports whether word i is in the subtree of word r.
func (sc *Scratch) inSubtree(i, r int) bool {
	for d := 0; i >= 0 && d < len(sc.low); d++ {
		if i == r {
			return true
		}
		i = sc.head(i)
	}
	return false
}

// matchPattern matches the linear pattern p around verb v: the elements
// after the verb against the words after it in its subtree, in order with
// gaps; the elements before it against the preceding words of the sentence.
func (sc *Scratch) matchPattern(c *Coder, p *dict.Pattern, v, last int, m *match) (int, bool) {
	if len(p.Slots) > 0 {
		return sc.matchSlots(c, p, v, m) // slots.go
	}
	if len(p.Before) == 0 && len(p.After) == 0 {
		return 0, false
	}
	score := 0
	sc.verb = v
	// after: walk forward
	pos := last + 1
	okAfter := sc.matchSeq(c, p.After, &pos, v, true, m, &score, false)
	if !okAfter {
		return 0, false
	}
	m.extent = pos - (last + 1)
	// before: walk backward from v-1, elements in reverse
	pos = v - 1
	saved, savedScore := *m, score
	if !sc.matchBack(c, p.Before, &pos, m, &score) {
		// PETRARCH-2 reads a passive as its active: the words before the
		// verb are those of its "by" agent ("the building was demolished by
		// a protestor" matches "PROTESTOR *"; "the convoy was attacked by
		// gunmen" "GUNMEN *")
		*m, score = saved, savedScore
		first, end := sc.byAgent(c, v)
		if first < 0 {
			return 0, false
		}
		pos = end
		if !sc.matchBack(c, p.Before, &pos, m, &score) || pos+1 < first {
			return 0, false
		}
		m.extent += end - pos
		return score, true
	}
	m.extent += v - 1 - pos
	return score, true
}

// matchSeq matches elements forward from *pos; with sub it stays inside
// the subtree of v. adj requires the first element at *pos exactly.
func (sc *Scratch) matchSeq(c *Coder, elems []dict.Elem, pos *int, v int, sub bool, m *match, score *int, adj bool) bool {
	for ei := 0; ei < len(elems); ei++ {
		e := &elems[ei]
		if e.Kind == dict.ElemSkip {
			// '^': skip the next noun phrase
			for k := *pos; k < len(sc.low); k++ {
				if nominal(&sc.s.Words[k]) {
					// up to the phrase's head, not its attachments ("the
					// parliament | of Gondor")
					h := sc.npHead(k)
					if h < k || h-k > 6 {
						h = k
					}
					*pos = h + 1
					break
				}
			}
			adj = false
			continue
		}
		if e.Kind == dict.ElemNP || e.Kind == dict.ElemPP {
			if !sc.matchGroup(c, e, pos, v, sub, m, score, adj) {
				return false
			}
			// a noun phrase group ends at the head of a noun phrase
			if e.Kind == dict.ElemNP && *pos > 0 && sc.npHead(*pos-1) != *pos-1 {
				return false
			}
			adj = e.Next
			continue
		}
		found := false
		for k := *pos; k < len(sc.low); k++ {
			if sub && (!sc.inSubtree(k, v) || !c.opt.Petrarch1 && sc.inOwnClause(k, v)) {
				if adj {
					break
				}
				continue
			}
			if n := sc.elemAt(c, e, k, m); n > 0 {
				*pos = k + n
				found = true
				*score += 1
				if e.Kind == dict.ElemWord {
					*score += n // longer synset members are more specific
				}
				break
			}
			if adj {
				break
			}
		}
		if !found {
			return false
		}
		adj = e.Next
	}
	return true
}

// matchGroup matches the words of a {noun phrase} group next to each other,
// those of a (prepositional phrase) group in order with gaps.
func (sc *Scratch) matchGroup(c *Coder, e *dict.Elem, pos *int, v int, sub bool, m *match, score *int, adj bool) bool {
	if e.Kind == dict.ElemPP {
		return sc.matchSeq(c, e.Sub, pos, v, sub, m, score, adj)
	}
	// the words of the group in order, with only modifiers of the same
	// noun phrase between them ("new global economic relations" matches
	// {NEW &TIETYPES RELATIONS}; "death and injury total" does not match
	// {DEATH TOTAL})
	start := -1
	for i := range e.Sub {
		before := *pos
		if !sc.matchSeq(c, e.Sub[i:i+1], pos, v, sub, m, score, adj) {
			return false
		}
		if i == 0 {
			start = *pos - 1
			for start > before && sc.low[start] == "" {
				start--
			}
		}
	}
	end := *pos - 1
	if start < 0 || end < start {
		return true
	}
	for k := start; k < end; k++ {
		if !sc.inSubtree(k, end) {
			return false
		}
	}
	return true
}

// matchBack matches elements backward (last element nearest the verb).
func (sc *Scratch) matchBack(c *Coder, elems []dict.Elem, pos *int, m *match, score *int) bool {
	for ei := len(elems) - 1; ei >= 0; ei-- {
		e := &elems[ei]
		if e.Kind == dict.ElemSkip {
			continue
		}
		adj := e.Next // joined to the element after it (or the verb)
		if e.Kind == dict.ElemNP || e.Kind == dict.ElemPP {
			p0 := *pos
			if !sc.matchBack(c, e.Sub, pos, m, score) {
				return false
			}
			// before the verb, a (PREP ...) group is a prepositional phrase:
			// "(TO) *" does not match the "to" of "to accord"
			if e.Kind == dict.ElemPP && len(e.Sub) > 0 && e.Sub[0].Kind == dict.ElemWord && !sc.preposition(*pos+1) {
				return false
			}
			if e.Kind == dict.ElemNP && len(e.Sub) > 1 {
				// as in matchGroup: only modifiers of the phrase between
				start, end := *pos+1, -1
				last := &e.Sub[len(e.Sub)-1]
				for k := p0; k >= start && end < 0; k-- {
					var tmp match
					if sc.elemAt(c, last, k, &tmp) > 0 {
						end = k
					}
				}
				for k := start; k < end; k++ {
					if !sc.inSubtree(k, end) {
						return false
					}
				}
			}
			continue
		}
		found := false
		for k := *pos; k >= 0; k-- {
			if !c.opt.Petrarch1 && e.Kind == dict.ElemWord && sc.head(k) == sc.verb && sc.ownFunctionWord(k) {
				// PETRARCH-2 matches the words before the verb in the
				// phrases around it, not the verb's own adverbs
				if adj {
					break
				}
				continue
			}
			if n := sc.elemAt(c, e, k, m); n > 0 {
				*pos = k - 1
				found = true
				*score += 1
				if e.Kind == dict.ElemWord {
					*score++
				}
				break
			}
			if j := sc.phraseEndingAt(c, e, k); j >= 0 {
				// a phrase of several words that ends at k ("wo n't"
				// before "ever" in "&NEGATVAUXVRB_EVER")
				sc.elemAt(c, e, j, m)
				*pos = j - 1
				found = true
				*score += 2
				break
			}
			if adj {
				break
			}
		}
		if !found {
			return false
		}
	}
	return true
}

// phraseEndingAt returns the first word of a match of the word or synset
// element e that spans several words and ends at word k, -1 if none.
func (sc *Scratch) phraseEndingAt(c *Coder, e *dict.Elem, k int) int {
	if e.Kind != dict.ElemWord {
		return -1
	}
	var tmp match
	for j := k - 1; j >= 0 && j >= k-3; j-- {
		if n := sc.elemAt(c, e, j, &tmp); n > 0 && j+n-1 == k {
			return j
		}
	}
	return -1
}

// elemAt matches one element at word k and returns the words it covers.
func (sc *Scratch) elemAt(c *Coder, e *dict.Elem, k int, m *match) int {
	switch e.Kind {
	case dict.ElemWord:
		if e.Word.Synset {
			syn := c.patterns.synsetAt(sc, e.Word.Text, k) // prefilter.go
			if syn == nil {
				return 0 // undefined, or no member starts with word k
			}
			for _, p := range syn.Members {
				if n := sc.synPhraseAt(c, p, k, 0); n > 0 {
					for j := k; j < k+n; j++ {
						if isNegWord(sc.low[j]) || isNegWord(sc.lemma[j]) {
							m.negWord = true // the pattern spells out the negation
						}
					}
					return n
				}
			}
			return 0
		}
		if sc.wordIs(e.Word.Text, k) || e.Word.Prefix && strings.HasPrefix(sc.low[k], e.Word.Text) {
			if isNegWord(e.Word.Text) {
				m.negWord = true
			}
			if k > sc.verb && sc.s.Words[k].UPOS == "VERB" {
				m.verbWord = k // "agreed to help": the pattern codes both verbs
			}
			return 1
		}
		return 0
	case dict.ElemSource, dict.ElemTarget, dict.ElemBoth:
		if sc.actorAt[k] < 0 && sc.agentAt[k] < 0 && !(sc.s.Words[k].UPOS == "PRON") {
			return 0
		}
		h := sc.npHead(k)
		switch e.Kind {
		case dict.ElemSource:
			m.src = h
		case dict.ElemTarget:
			m.tgt = h
		default:
			m.src, m.both = h, true
		}
		return 1
	}
	return 0
}

// synPhraseAt matches a synset member phrase (which may name synsets) at k.
func (sc *Scratch) synPhraseAt(c *Coder, p dict.Phrase, k, depth int) int {
	i := k
	for _, w := range p {
		if i >= len(sc.low) {
			return 0
		}
		if w.Synset {
			syn := c.patterns.synsetAt(sc, w.Text, i) // prefilter.go
			if syn == nil || depth > 4 {
				return 0
			}
			n := 0
			for _, mp := range syn.Members {
				if n = sc.synPhraseAt(c, mp, i, depth+1); n > 0 {
					break
				}
			}
			if n == 0 {
				return 0
			}
			i += n
			continue
		}
		if !sc.wordIs(w.Text, i) {
			return 0
		}
		i++
	}
	return i - k
}

// npHead climbs from a word inside a noun phrase to its head, and from a
// coordinated member to the first conjunct (which resolves to them all).
func (sc *Scratch) npHead(k int) int {
	for d := 0; d < 8; d++ {
		h := sc.head(k)
		if h < 0 {
			return k
		}
		rel := sc.s.Words[k].Deprel
		if !modifierRel(rel) && !(rel == "conj" && nominal(&sc.s.Words[h])) {
			return k
		}
		k = h
	}
	return k
}

// ownerHead is npHead stopping at a possessor of a thing or act, which
// names an actor of its own: the owner of what the phrase is about
// ("demanded the president's resignation", "condemned Russia's annexation
// of Crimea"). The possessor of an actor word is part of that actor
// ("Gondor's government").
func (sc *Scratch) ownerHead(k int) int {
	for d := 0; d < 8; d++ {
		h := sc.head(k)
		if h < 0 {
			return k
		}
		rel := sc.s.Words[k].Deprel
		if rel == "nmod:poss" && sc.actorAt[h] < 0 && sc.agentAt[h] < 0 ||
			!modifierRel(rel) && !(rel == "conj" && nominal(&sc.s.Words[h])) {
			return k
		}
		k = h
	}
	return k
}

// counterparts gives a target named as the source's counterpart the
// source's role: "the French foreign minister met his Algerian
// counterpart" (FRAGOV → DZAGOV), "Putin spoke with his Turkish
// counterparts" (RUSGOV → TURGOV). Only a bare country is completed.
func counterparts(sc *Scratch) {
	if len(sc.srcs) == 0 || len(sc.srcs[0].code) < 6 {
		return
	}
	role := sc.srcs[0].code[3:6]
	for i := range sc.tgts {
		t := &sc.tgts[i]
		if t.head < 0 || len(t.code) != 3 || t.code == dict.NullCode {
			continue
		}
		if l := sc.lemma[t.head]; l == "counterpart" || l == "counterparts" {
			t.code += role
		}
	}
}

func isNegWord(w string) bool {
	switch w {
	case "not", "n't", "never", "no", "neither", "nor":
		return true
	}
	return false
}

// negated reports whether verb v is negated ("not", "never", "n't").
func (sc *Scratch) negated(v int) bool {
	for _, k := range sc.children(v) {
		d := sc.s.Words[k].Deprel
		if (d == "advmod" || d == "neg" || d == "aux") && isNegWord(sc.low[k]) {
			return true
		}
	}
	return false
}

// ceaseHeads are verbs whose complement is an action that stops or is kept
// from happening: "stop fighting", "ceased attacking", "urged both sides to
// halt fighting".
var ceaseHeads = map[string]bool{"stop": true, "cease": true, "halt": true, "quit": true, "end": true, "refrain": true}

// ceased reports whether verb v is the complement of a verb of stopping
// ("stop fighting", "cease attacking"): its action is ending, not done,
// and it is treated as negated.
func (sc *Scratch) ceased(v int) bool {
	h := sc.head(v)
	if h < 0 || !ceaseHeads[strings.ToLower(sc.s.Words[h].Lemma)] {
		return false
	}
	switch sc.s.Words[v].Deprel {
	case "xcomp", "ccomp":
		return true
	case "obj", "advcl":
		// a gerund object ("stopped fighting") or "refrain from attacking"
		return sc.s.Words[v].XPOS == "VBG" || sc.s.Words[v].Feat("VerbForm") == "Ger"
	}
	return false
}

// dropVerbEvents removes from out, from index first on, the events whose
// verb is word h.
func dropVerbEvents(out []event.Event, first, h int) []event.Event {
	kept := out[:first]
	for _, e := range out[first:] {
		if e.VerbSpan.First != h+1 {
			kept = append(kept, e)
		}
	}
	return kept
}

// statementNouns are what someone says in writing or aloud, whose
// possessor is its author.
var statementNouns = map[string]bool{
	"statement": true, "communique": true, "communiqué": true, "letter": true, "message": true,
	"speech": true, "remarks": true, "declaration": true, "note": true,
}

// agentDep reports whether dependent k is the "by" agent of a passive
// ("was attacked by Arnor").
func (sc *Scratch) agentDep(k int) bool {
	d := sc.s.Words[k].Deprel
	return d == "obl:agent" || d == "nmod:agent" || (d == "obl" || d == "nmod") && sc.caseOf(k) == "by"
}

// predicateAdj reports whether word v, an adjective or past participle,
// is predicated of its subject with a copula or a passive auxiliary ("was
// critical of", "is disappointed with"), as a predicate adjective of the
// verb dictionary ("critical(a)") needs.
func (sc *Scratch) predicateAdj(v int) bool {
	w := &sc.s.Words[v]
	if w.UPOS != "ADJ" && w.XPOS != "VBN" {
		return false
	}
	for _, k := range sc.children(v) {
		if d := sc.s.Words[k].Deprel; d == "cop" || d == "aux:pass" {
			return true
		}
	}
	return false
}

// passive reports whether verb v is in the passive voice.
func (sc *Scratch) passive(v int) bool {
	for _, k := range sc.children(v) {
		switch sc.s.Words[k].Deprel {
		case "nsubj:pass", "aux:pass", "csubj:pass":
			return true
		}
	}
	return false
}

// subjects resolves the source actors of verb v: its subject (or the "by"
// agent of a passive), else the controller of an xcomp, the subject of the
// verb it is coordinated with, or the noun a relative clause modifies.
func (c *Coder) subjects(sc *Scratch, v int, out []actorRef, depth int) []actorRef {
	if depth > 6 {
		return out
	}
	if out, ok := c.conclusionOf(sc, v, out); ok { // discourse.go
		return out
	}
	pass := c.passive(sc, v)
	for _, k := range sc.children(v) {
		d := sc.s.Words[k].Deprel
		if pass {
			if sc.agentDep(k) {
				return c.resolveNP(sc, k, out, 0)
			}
			continue
		}
		if d == "nsubj" || d == "nsubj:pass" {
			w := &sc.s.Words[k]
			if w.UPOS == "PRON" && (sc.low[k] == "who" || sc.low[k] == "which" || sc.low[k] == "that") {
				if h := sc.head(v); h >= 0 && strings.HasPrefix(sc.s.Words[v].Deprel, "acl") {
					return c.resolveNP(sc, h, out, 0)
				}
			}
			if statementNouns[sc.lemma[k]] && !c.opt.Literal {
				// "Cornyn's statement added", "the ministry's statement
				// condemned": whose statement speaks
				for _, p := range sc.children(k) {
					if sc.s.Words[p].Deprel == "nmod:poss" {
						if n := c.resolveNP(sc, p, out, 0); len(n) > len(out) {
							return n
						}
					}
				}
			}
			if n := c.resolveNP(sc, k, out, 0); len(n) > len(out) {
				return c.misparsedSubject(sc, v, n, len(n)-len(out)) // misparse.go
			}
			// "Resumption of ties between Arnor and Gondor may spur ...":
			// the actors inside a subject that names none itself
			return c.firstActorIn(sc, k, out)
		}
	}
	if pass && sc.docOn && c.isSpeech(sc, v) {
		// "it was noted at the meeting that ...": the host of the
		// gathering speaks (discourse.go)
		for _, k := range sc.children(v) {
			if sc.rel(k) == "obl" && sc.caseOf(k) == "at" && gatheringNoun(sc.lemma[k]) {
				if n := c.resolveNP(sc, k, out, 0); len(n) > len(out) {
					return n
				}
			}
		}
	}
	if pass {
		// no "by" agent: an actor in an oblique ("was shot in Osgiliath"),
		// never the source of the report ("according to the Red Cross,
		// twenty people have been killed")
		for _, k := range sc.children(v) {
			if (sc.rel(k) == "obl" || sc.rel(k) == "nmod") && !attributionCase(sc.caseOf(k)) {
				if n := c.resolveNP(sc, k, out, 0); len(n) > len(out) {
					return n
				}
				if n := c.firstActorIn(sc, k, out); len(n) > len(out) {
					return n
				}
			}
		}
		return out
	}
	if n := c.misparsedSubject(sc, v, out, 0); len(n) > len(out) {
		return n
	}
	h := sc.head(v)
	if h < 0 {
		return out
	}
	switch sc.rel(v) {
	case "xcomp":
		// raising from a passive ("Gollum was seen to break into")
		for _, k := range sc.children(h) {
			if sc.s.Words[k].Deprel == "nsubj:pass" {
				return c.resolveNP(sc, k, out, 0)
			}
		}
		// object control ("urged Gondor to attack") else subject control
		for _, k := range sc.children(h) {
			if d := sc.s.Words[k].Deprel; d == "obj" || d == "iobj" {
				if n := len(c.resolveNP(sc, k, out, 0)); n > len(out) {
					return c.resolveNP(sc, k, out, 0)
				}
			}
		}
		return c.subjects(sc, h, out, depth+1)
	case "conj":
		return c.subjects(sc, h, out, depth+1)
	case "advcl":
		// a purpose clause ("signed an accord to supply Gondor") shares
		// the subject; a temporal one ("after leaving Eriador") is
		// background, not an event of its own
		if sc.infinitive(v) {
			return c.subjects(sc, h, out, depth+1)
		}
		if !c.opt.Literal && sc.resultParticiple(v, h) && (sc.verbEvt[h] < 0 || !violentCode(sc.act)) {
			// the result is the act's own when the act coded nothing
			// itself (its object was a thing: "attacked a checkpoint,
			// killing five soldiers"); else a violent result is the same
			// action told twice ("fired missiles at Hamas activists,
			// killing a bystander": one event). Any other participle
			// is a second act of the same subject: "visited Kenya,
			// urging the government to hold elections", "marched
			// through Cairo, demanding Mubarak's resignation"
			return c.subjects(sc, h, out, depth+1)
		}
	case "acl":
		// a participle modifying a noun acts for it ("a woman believed
		// linked to Al-Qaeda"); an infinitive ("urged Eriador to respond")
		// is what someone else wants of it, not its own act. In the
		// PETRARCH-2 reading a past participle is passive, its noun what
		// is acted on, never the source: "two Brazilian men sought in the
		// slaying of two American missionaries", "victims killed by the
		// crash"
		if !sc.infinitive(v) && !(c.opt.Literal && !c.opt.Petrarch1 && sc.pastParticiple(v)) {
			return c.resolveNP(sc, h, out, 0)
		}
	}
	return out
}

// targets resolves the target actors of verb v: the object (or the
// passive subject) or the first actor inside it ("welcomed a resumption of
// ties with Osgiliath"), the indirect object, obliques, the targets of an
// open complement, then the first actor of a clausal complement.
func (c *Coder) targets(sc *Scratch, v int, out []actorRef, depth int) []actorRef {
	if depth > 4 {
		return out
	}
	before := len(out)
	pass := c.passive(sc, v)
	kids := sc.children(v)
	phrase := func(k int) bool {
		out = c.resolveNP(sc, k, out, 0)
		if len(out) == before {
			out = c.firstActorIn(sc, k, out)
		}
		return len(out) > before
	}
	// an oblique of a meeting verb that names a place says where it
	// happens ("met in Washington"), not with whom; a place inside the
	// object is kept
	oblique := func(k int) bool {
		out = c.resolveNP(sc, k, out, 0)
		if len(out) > before && sc.wherePlace(k, out[before:]) {
			out = out[:before]
		}
		if len(out) == before {
			out = c.firstTargetIn(sc, k, out)
		}
		return len(out) > before
	}
	expletive := pass && c.expletiveSpeech(sc, v) // "it was said that ..." (discourse.go)
	for _, k := range kids {
		if d := sc.s.Words[k].Deprel; d == "obj" || (pass && d == "nsubj:pass" && !expletive) {
			if d == "obj" && sc.titleOfSubject(v, k) {
				continue
			}
			if phrase(k) {
				return out
			}
		}
	}
	for _, k := range kids {
		if sc.s.Words[k].Deprel == "iobj" && phrase(k) {
			return out
		}
	}
	for _, k := range kids {
		if r := sc.rel(k); r == "obl" || r == "nmod" {
			if pass && sc.caseOf(k) == "by" || sc.s.Words[k].Deprel == "obl:tmod" || sc.s.Words[k].Deprel == "nmod:tmod" {
				continue
			}
			if attributionCase(sc.caseOf(k)) || frameCase(sc.caseOf(k)) {
				// attribution is where a report comes from, not whom it is
				// about: "According to the information given to APA, it
				// was noted that ...", "according to state media"
				continue
			}
			if sc.caseOf(k) == "" && sc.titleOfSubject(v, k) {
				continue // "Kenyan opposition leader Raila Odinga rejected ..."
			}
			if sc.caseOf(k) == "at" && gatheringNoun(sc.lemma[k]) {
				// where it was said or done, not to whom: "it was noted at
				// the meeting that ...", "spoke at the summit"
				continue
			}
			if oblique(k) {
				return out
			}
		}
	}
	for _, k := range kids {
		if sc.s.Words[k].Deprel == "xcomp" || sc.s.Words[k].Deprel == "advcl" && sc.infinitive(k) {
			if out = c.targets(sc, k, out, depth+1); len(out) > before {
				return out
			}
		}
	}
	// a clausal complement: its first actor ("believes Dagolath can cope",
	// "said an embargo against Mordor would not work")
	for _, k := range kids {
		if sc.s.Words[k].Deprel == "ccomp" {
			if out = c.firstActorIn(sc, k, out); len(out) > before {
				return out
			}
		}
	}
	// a misparsed name: an actor phrase attached as a clause of the verb
	// ("contribute a million dollars to Gondor" with Gondor as a verb)
	for _, k := range kids {
		if k > v && sc.actorAt[k] >= 0 && sc.rel(k) == "advcl" {
			if out = c.resolveNP(sc, k, out, 0); len(out) > before {
				return out
			}
		}
	}
	return out
}

// firstActorIn appends the actors of the first coded noun phrase in the
// subtree of word r, in sentence order.
func (c *Coder) firstActorIn(sc *Scratch, r int, out []actorRef) []actorRef {
	for i := range sc.s.Words {
		if sc.actorAt[i] < 0 && sc.agentAt[i] < 0 || !sc.inSubtree(i, r) || sc.inClauseBelow(i, r) {
			continue
		}
		h := sc.ownerHead(i)
		if n := c.resolveNP(sc, h, out, 0); len(n) > len(out) {
			return n
		}
	}
	return out
}

// firstTargetIn is firstActorIn for the target in an oblique: the venue of
// a meeting (wherePlace) and the agent of a participle (participleAgent)
// are passed over.
func (c *Coder) firstTargetIn(sc *Scratch, r int, out []actorRef) []actorRef {
	for i := range sc.s.Words {
		if sc.actorAt[i] < 0 && sc.agentAt[i] < 0 || !sc.inSubtree(i, r) || sc.inClauseBelow(i, r) {
			continue
		}
		h := sc.ownerHead(i)
		if sc.participleAgent(h) {
			continue
		}
		if n := c.resolveNP(sc, h, out, 0); len(n) > len(out) {
			if !sc.wherePlace(h, n[len(out):]) {
				return n
			}
		}
	}
	return out
}

// participleAgent reports whether the noun phrase headed by word h is the
// "by" agent of a participle modifying a noun ("under a truce agreement
// mediated by Qatar"): the participle's actor, not a target of the verb
// above it.
func (sc *Scratch) participleAgent(h int) bool {
	if d := sc.s.Words[h].Deprel; d != "obl:agent" && d != "nmod:agent" && sc.caseOf(h) != "by" {
		return false
	}
	p := sc.head(h)
	return p >= 0 && sc.s.Words[p].Deprel == "acl" && sc.s.Words[p].UPOS == "VERB"
}

// wherePlace reports whether the noun phrase headed by word h, coded as
// refs, names the venue of a meeting rather than a party to it (sc.venue:
// the act is a consultation, venueCode): it is introduced by a locative preposition
// (in, at, near, inside, within) and every actor it names is a bare
// country code (a country or one of its cities), without a role ("will
// meet in Washington", "met in Johannesburg", but not "met the Senate" or
// "met officials in the Kremlin's guard").
func (sc *Scratch) wherePlace(h int, refs []actorRef) bool {
	if !sc.venue {
		return false
	}
	for _, r := range refs {
		// the phrase's preposition, or the name's own when the parser
		// compounded it with a time ("in/case Washington/compound next
		// month/obl")
		if !locative(sc.caseOf(h)) && !locative(sc.caseOf(r.head)) && (r.mod < 0 || !locative(sc.caseOf(r.mod))) ||
			r.actor < 0 || r.agent >= 0 || !countryCode(r.code) {
			return false
		}
	}
	return len(refs) > 0
}

// resultParticiple reports whether advcl v of verb h is a participle that
// tells what the act of h did, after it and with no conjunction of its own
// ("attacked a checkpoint, killing five soldiers", "shelled the town,
// wounding dozens"): it has the subject of h. A participle with "after",
// "while", "before" is a time, not a result.
func (sc *Scratch) resultParticiple(v, h int) bool {
	if v < h || sc.s.Words[v].XPOS != "VBG" && sc.s.Words[v].Feat("VerbForm") != "Ger" {
		return false
	}
	for _, k := range sc.children(v) {
		if d := sc.s.Words[k].Deprel; d == "mark" || strings.HasPrefix(d, "nsubj") {
			return false
		}
	}
	return true
}

// attributionCase reports whether a preposition introduces the source of
// a report ("according to", "citing"): provenance, never an actor of the
// event.
func attributionCase(c string) bool {
	return c == "according" || c == "according to" || c == "citing"
}

// titleOfSubject reports whether object k of verb v is the title of v's
// subject misparsed: a noun phrase before the verb that ends right before
// the subject's name ("Venezuelan opposition leader Juan Guaido met ...",
// "Prime Minister Nawaz Sharif visited ..." with the title as the object).
func (sc *Scratch) titleOfSubject(v, k int) bool {
	if k > v {
		return false
	}
	for i := k + 1; i < len(sc.s.Words); i++ {
		if sc.inSubtree(i, k) {
			return false // k's phrase goes on after k
		}
		if i >= v {
			break
		}
	}
	for _, j := range sc.children(v) {
		if strings.HasPrefix(sc.s.Words[j].Deprel, "nsubj") && j > k && j < v {
			for i := k + 1; i < j; i++ {
				if !sc.inSubtree(i, j) {
					return false
				}
			}
			return true
		}
	}
	return false
}

// meansCode returns the code of the attack noun that is the subject (or
// the "by" agent of a passive) of verb v when it is a kind of force more
// specific than 190 (airstrike 195, shelling 194, bombing 183), "" for
// none.
func (c *Coder) meansCode(sc *Scratch, v int) string {
	pass := c.passive(sc, v)
	for _, k := range sc.children(v) {
		d := sc.s.Words[k].Deprel
		if !(d == "nsubj" && !pass || pass && (d == "obl:agent" || sc.caseOf(k) == "by")) || sc.s.Words[k].UPOS != "NOUN" {
			continue
		}
		m, ok := c.nounMatch(sc, k)
		if !ok {
			continue
		}
		if code := c.matchCode(m); code != "190" && violentCode(code) {
			return code
		}
	}
	return ""
}

// objectWords reports whether pattern p names its object by a word class
// ("obj=missile|rocket"): the object is what the act uses or makes, not a
// thing it falls on.
func objectWords(p *dict.Pattern) bool {
	for i := range p.Slots {
		if sl := &p.Slots[i]; sl.Rel == "obj" && len(sl.Words) > 0 {
			return true
		}
	}
	return false
}

// subjectThing reports whether pattern p names its subject by a word
// class ("nsubj=&explosive"): the subject is a thing, not an actor.
func subjectThing(p *dict.Pattern) bool {
	for i := range p.Slots {
		if sl := &p.Slots[i]; sl.Rel == "nsubj" && len(sl.Words) > 0 {
			return true
		}
	}
	return false
}

// frameCase reports whether preposition c opens a time frame of a clause,
// which says when it happened, not to whom ("before" is also a place:
// "disarmed before Colombian officials"): "After talks with Putin, Macron
// said ...", "Following a meeting with Barak, Gates said ...", "during
// his visit to China".
func frameCase(c string) bool {
	switch c {
	case "after", "following", "during", "since", "ahead", "prior", "amid":
		return true
	}
	return false
}

// mutualCode reports whether an act done by a list of actors with no
// target is done by them to each other: meetings, agreements, ties and
// cooperation, truces and fighting (CAMEO roots 03–06, 087 and 19: "Gondor and
// Osgiliath renewed ties", "Arnor and Rohan clashed"); statements, appeals,
// demands, protests and the like are done together ("Germany and France
// confirmed that the talks would continue", "Greece and Cyprus protested
// the decision": no event between them).
func mutualCode(code string) bool {
	if len(code) < 2 {
		return false
	}
	switch code[:2] {
	case "03", "04", "05", "06", "19":
		return true
	}
	// a truce or de-escalation agreed by two sides is between them: "the
	// army and the rebels agreed to a ceasefire", "both sides declared a truce"
	return strings.HasPrefix(code, "087")
}

func locative(prep string) bool {
	switch prep {
	case "in", "at", "near", "inside", "within":
		return true
	}
	return false
}

// countryCode reports whether code is a bare three-letter code.
func countryCode(code string) bool {
	if len(code) != 3 {
		return false
	}
	for i := 0; i < 3; i++ {
		if code[i] < 'A' || code[i] > 'Z' {
			return false
		}
	}
	return code != "IGO" && code != "NGO" && code != "MNC"
}

// emit builds the events of verb v with match m.
func (c *Coder) emit(sc *Scratch, doc Doc, index, v int, m match, out []event.Event) []event.Event {
	set := c.set
	vb := &set.Verbs[m.verb]
	form := &vb.Forms[m.form]
	code, rev, rule := vb.Code, vb.Reverse, form.Origin
	if form.Code != "" {
		code, rev, rule = form.Code, form.Reverse, form.Origin
	}
	if m.pattern >= 0 {
		p := &vb.Patterns[m.pattern]
		code, rev, rule = p.Code, p.Reverse, p.Origin
	}
	if !c.opt.Literal && code == "190" {
		// the means named as the subject says how: "an Israeli airstrike
		// killed a Hezbollah commander" (195), "shelling killed three
		// civilians" (194)
		if nc := c.meansCode(sc, v); nc != "" {
			code = nc
		}
	}
	if code == dict.NullCode && rev == "" && !c.negApplies(sc, v, m) { // slots.go: "- neg=120"
		if sc.tr != nil {
			sc.trace("  no event: null code (%s)", rule)
		}
		return out
	}
	neg := (sc.negated(v) || sc.ceased(v)) && !m.negWord
	if why := sc.unrealized(v); why != "" && !c.opt.Literal {
		if sc.tr != nil {
			sc.trace("  no event: %s (not an act that happened)", why)
		}
		return out
	}
	if nc, ok := c.negCode(m); neg && ok { // native neg=CODE (slots.go)
		if nc == dict.NullCode {
			if sc.tr != nil {
				sc.trace("  no event: negated verb, neg=- (%s)", rule)
			}
			return out
		}
		code, rev, neg = nc, "", false
	}
	if neg {
		switch c.opt.Negation {
		case NegationDrop:
			if sc.tr != nil {
				sc.trace("  no event: negated verb (policy drop)")
			}
			return out
		case NegationTransform:
			code, rev = NegatedCode(code), ""
			if code == "" {
				if sc.tr != nil {
					sc.trace("  no event: negated verb has no opposite code")
				}
				return out
			}
		}
	}
	act := code // the act itself, before an intent or demand rewrites it
	sc.act = act
	if ic := intentCode(code); ic != "" && !neg && !c.opt.Literal && c.intent(sc, v) {
		// "is willing to withdraw its troops", "said they will release
		// the hostages": the intent to act, not the act (phrase.go)
		if sc.tr != nil {
			sc.trace("  intent: %s becomes %s", code, ic)
		}
		code, rev = ic, ""
		if h := commitmentHead(sc, v); h >= 0 && sc.verbEvt[h] >= 0 {
			// the promise or threat is this intent, told once: "vowed
			// to retaliate" is a threat of force (138), not a promise
			// (030) and a threat
			out = dropVerbEvents(out, sc.verbEvt[h], h)
			sc.verbEvt[h] = -1
		}
	}
	// sources
	sc.srcs = sc.srcs[:0]
	sc.tgts = sc.tgts[:0]
	demanded := false
	if dc := demandCode(code); dc != "" && !neg && !c.opt.Literal {
		// "Russia says Israel must end attacks on Syria": the speaker
		// demands the act of the clause's subject (phrase.go)
		if h := c.demandedBy(sc, v); h >= 0 {
			if sc.tgts = c.subjects(sc, v, sc.tgts, 0); len(sc.tgts) > 0 {
				if sc.srcs = c.subjects(sc, h, sc.srcs, 0); len(sc.srcs) > 0 {
					if sc.tr != nil {
						sc.trace("  demand: %s of the clause becomes %s by the speaker of %q", code, dc, sc.low[h])
					}
					code, rev, demanded = dc, "", true
					m.both, m.src, m.tgt = false, -1, -1
				} else {
					sc.tgts = sc.tgts[:0]
				}
			}
		}
	}
	if !demanded && m.both && m.src > v {
		// '%' after the verb ("agrees with %"): with a subject of its
		// own, the subject acts on each member of the compound
		if sc.srcs = c.subjects(sc, v, sc.srcs, 0); len(sc.srcs) > 0 {
			m.tgt, m.both = m.src, false
		}
	}
	switch {
	case len(sc.srcs) > 0: // the subject of a '%' after the verb, or a demand's speaker
	case m.src >= 0:
		sc.srcs = c.resolveNP(sc, m.src, sc.srcs, 0)
	default:
		sc.srcs = c.subjects(sc, v, sc.srcs, 0)
	}
	switch {
	case demanded:
	case m.both:
		// '%': a compound actor acting on itself, each member on the others
		sc.tgts = append(sc.tgts, sc.srcs...)
	case m.tgt >= 0:
		sc.tgts = c.resolveNP(sc, m.tgt, sc.tgts, 0)
		if !c.opt.Literal && len(sc.tgts) > 0 && locative(sc.caseOf(m.tgt)) && c.passive(sc, v) {
			// a pattern's place stands for the victims only when the
			// passive subject names none: "two Ukrainian soldiers were
			// killed by Russian shelling in Kherson" (UKRMIL, not UKR);
			// "five people were killed in Kherson" (UKR)
			for _, k := range sc.children(v) {
				if sc.s.Words[k].Deprel == "nsubj:pass" && !attributionCase(sc.caseOf(k)) {
					if n := c.resolveNP(sc, k, sc.np[:0], 0); len(n) > 0 {
						sc.tgts = append(sc.tgts[:0], n...)
					}
					sc.np = sc.np[:0]
				}
			}
		}
	default:
		// a meeting's or consultation's place is its venue (verbs.go
		// wherePlace); PETRARCH's reading (Options.Literal) takes it as
		// the target ("arrived in Gondor": GON)
		sc.venue = !c.opt.Literal && venueCode(act)
		sc.tgts = c.targets(sc, v, sc.tgts, 0)
		sc.venue = false
	}
	if !demanded && !m.both && m.src < 0 {
		undergoer := m.tgt >= 0 && strings.HasPrefix(sc.s.Words[m.tgt].Deprel, "nsubj") && !c.passive(sc, v)
		c.impliedSource(sc, v, code, undergoer) // content.go
	}
	counterparts(sc)
	if !c.opt.Literal && violentCode(code) {
		// the victims of force named by a demonym are civilians: "Israeli
		// troops killed three Palestinians" (PSECVL)
		sc.demonymPeople(sc.tgts) // content.go
		if sc.peopleObject(v) {
			// "people" killed in a place are its civilians, not its
			// state: "gunmen killed five people in a village in
			// northern Nigeria" (NGACVL)
			for i := range sc.tgts {
				if t := &sc.tgts[i]; len(t.code) == 3 && t.code != dict.NullCode {
					t.code += "CVL"
				}
			}
		}
	}
	if !c.opt.Literal && !m.both && m.tgt < 0 {
		c.destination(sc, v) // content.go
	}
	c.accuserAnswered(sc, v, code) // content.go
	if !c.opt.Literal && ownForcesOnly(code, sc.srcs, sc.tgts) {
		// force posture and intents aim at others, never at the source's
		// own forces: "vowed to strengthen the country's nuclear forces",
		// "mobilised its army" (content.go); whom they face is named in a
		// phrase of the verb or of the forces ("deployed troops to the
		// border with Ukraine", "put its troops on alert against Taiwan")
		own := sc.tgts[0].code
		sc.tgts = c.facedBy(sc, v, sc.srcs[0].code[:3], sc.tgts[:0])
		if sc.tr != nil {
			sc.trace("  own forces %s are no target; faced: %d", own, len(sc.tgts))
		}
	}
	if strings.HasPrefix(code, "01") && len(sc.srcs) > 0 && !m.both {
		// "Iranian Foreign Minister X said Iran had informed ...": a
		// statement about the speaker's own country is not addressed to it
		// (with AllowMonad its phrase stays the target, unknown)
		sc.tgts = dropOwnCountry(sc.srcs, sc.tgts, c.opt.AllowMonad)
	}
	if c.opt.AllowMonad && !m.both {
		// a side without an actor keeps its argument phrase (phrase.go)
		known := len(sc.srcs) > 0 || len(sc.tgts) > 0
		if len(sc.srcs) == 0 && (known || c.opt.AllowUnknown) {
			if k := c.sourcePhrase(sc, v); k >= 0 {
				sc.srcs = append(sc.srcs, c.unknownRef(sc, k))
			}
		}
		// (a list of sources without a target acts on each other, below)
		if len(sc.tgts) == 0 && len(sc.srcs) == 1 {
			if k := c.targetPhrase(sc, v, 0); k >= 0 {
				sc.tgts = append(sc.tgts, c.unknownRef(sc, k))
			}
		}
	}
	if form.Noun || m.pattern >= 0 && subjectThing(&vb.Patterns[m.pattern]) {
		// only a device exploding or a bombing noun implies an unnamed
		// bomber, not a verb alone ("balloons blown up with helium")
		c.impliedAttacker(sc, code) // content.go
	}
	if len(sc.srcs) == 0 {
		if sc.tr != nil {
			sc.trace("  no event: no source actor")
		}
		return out
	}
	if !c.opt.Literal && code == "145" && armedSides(sc.srcs) {
		code = "190" // content.go
	}
	if !c.opt.Literal && airBombing(code, sc.srcs) {
		code = "195" // content.go
	}
	mutual := m.both // each member's span is its own, not the list's
	if len(sc.tgts) == 0 && len(sc.srcs) > 1 && !mediation(act) && (c.opt.Literal || mutualCode(code)) {
		// "Gondor and Osgiliath renewed ties": the members act on each
		// other; mediators ("Saudi Arabia and the United States mediated
		// the talks") mediate between others, never between themselves,
		// and joint speakers or protesters act together, not on each
		// other (mutualCode)
		sc.tgts = append(sc.tgts, sc.srcs...)
		mutual = true
	}
	if len(sc.tgts) == 0 && !c.opt.Literal {
		named := m.pattern >= 0 && objectWords(&vb.Patterns[m.pattern])
		sc.tgts = c.impliedTarget(sc, v, code, named, sc.tgts) // content.go
	}
	if len(sc.tgts) == 0 && !c.opt.AllowMonad {
		if sc.tr != nil {
			sc.trace("  no event: no target actor")
		}
		return out
	}
	n := 0
	first := len(out)
	add := func(s, t actorRef, code string, hasT bool) {
		if n >= c.opt.MaxCompound {
			return
		}
		if hasT && s.code == t.code && !(unknown(s) && unknown(t)) {
			return
		}

		for i := first; i < len(out); i++ {
			// the same triple once, but separate phrases of a list each
			// their own ("the Senate of the French Republic, the National
			// Assembly": FRALEG twice)
			if out[i].Source == s.code && (!hasT || out[i].Target == t.code && sameWords(out[i].TargetSpan, t)) && out[i].Code == code {
				return
			}
		}
		n++
		e := event.Event{
			DocID: doc.ID, URL: doc.URL, Sentence: index, Text: sc.text(),
			Source: s.code, Code: code, Negated: neg,
			SourceSpan: c.argSpan(sc, doc, s, v, false),
			VerbSpan:   sc.span(doc, v, m.last),
			Rule:       rule.String(), DictVersion: set.Version,
		}
		if hasT {
			e.Target, e.TargetSpan = t.code, c.argSpan(sc, doc, t, v, !mutual)
		} else {
			e.Target, e.TargetSpan = dict.NullCode, event.Span{Start: -1, End: -1}
		}
		if doc.Date != 0 {
			e.Date = formatDate(doc.Date)
		}
		// root, quad class, Goldstein, PLOVER; codes outside CAMEO (the
		// validation dictionaries use some) leave them empty
		_ = event.Complete(&e)
		e.Historical = !c.opt.Literal && sc.answeredAct(v)
		e.Confidence = c.evidence(sc, &e, m, s, t, hasT, rule)
		out = append(out, e)
		if sc.tr != nil {
			sc.trace("  event %s → %s %s (%s)", e.Source, e.Target, e.Code, e.Rule)
		}
	}
	for _, s := range sc.srcs {
		if len(sc.tgts) == 0 {
			if code != dict.NullCode {
				add(s, actorRef{}, code, false)
			}
			continue
		}
		for _, t := range sc.tgts {
			if code != dict.NullCode {
				add(s, t, code, true)
			}
			if rev != "" && rev != dict.NullCode {
				add(t, s, rev, true)
			}
		}
	}
	if len(out) > first && sc.docOn && len(sc.pairNext) == 0 {
		// the pair a later "the two leaders", "both countries" refers to
		// (discourse.go): the two targets, else the source and the target
		sc.pairNext = knownPair(sc.pairNext, sc.tgts, sc.tgts)
		if len(sc.pairNext) != 2 {
			sc.pairNext = knownPair(sc.pairNext[:0], sc.srcs, sc.tgts)
		}
		if len(sc.pairNext) != 2 {
			sc.pairNext = sc.pairNext[:0]
		}
	}
	if len(out) > first && sc.docOn && strings.HasPrefix(code, "11") {
		// the accuser a later "the accusation" refers to (discourse.go)
		sc.accusers = sc.accusers[:0]
		for _, s := range sc.srcs {
			if !unknown(s) {
				sc.accusers = append(sc.accusers, s)
			}
		}
		sc.accused = sc.accused[:0]
		for _, t := range sc.tgts {
			if len(t.code) >= 3 {
				sc.accused = append(sc.accused, t.code[:3])
			}
		}
	}
	if len(out) > first && sc.docOn && violentCode(code) {
		// the perpetrator a later "the attack" refers to (discourse.go)
		sc.attackers = sc.attackers[:0]
		for _, s := range sc.srcs {
			if !unknown(s) {
				sc.attackers = append(sc.attackers, s)
			}
		}
	}
	if len(out) > first {
		sc.verbEvt[v] = first
	} else {
		if sc.tr != nil {
			sc.trace("  no event: source and target are the same actor")
		}
	}
	return out
}

// reported marks the events of verbs inside the complement clause of a
// speech verb as reported speech of the speech verb's subject, and drops
// the speech verb's own event toward an actor of that clause ("X said Y
// attacked Z" codes Y → Z, reported by X, not X → Y). It returns evs
// without the dropped events.
func (c *Coder) reported(sc *Scratch, evs []event.Event) []event.Event {
	for i := range evs {
		v := evs[i].VerbSpan.First - 1
		for k, d := v, 0; k >= 0 && d < 8; d++ {
			h := sc.head(k)
			if h < 0 {
				break
			}
			rel := sc.rel(k)
			if rel == "ccomp" || rel == "parataxis" || rel == "xcomp" && d > 0 {
				if c.isSpeech(sc, h) {
					evs[i].Reported = true
					evs[i].Evidence.Depth = c.attributionDepth(sc, v)
					sc.srcs = c.subjects(sc, h, sc.srcs[:0], 0)
					if len(sc.srcs) > 0 {
						evs[i].Attribution = sc.srcs[0].code
					}
					if strings.HasPrefix(evs[i].Code, "10") && evs[i].Source == evs[i].Attribution {
						// the speaker's own demand ("X says Y must ..."), not
						// an event it reports
						evs[i].Reported, evs[i].Attribution = false, ""
					}
					sc.speaker[h] = k + 1 // the clause (1-based) whose events are reported
					break
				}
			}
			k = h
		}
	}
	out := evs[:0]
	for _, e := range evs {
		v := e.VerbSpan.First - 1
		if cl := sc.speaker[v]; cl > 0 && e.TargetSpan.First > 0 && sc.inSubtree(e.TargetSpan.First-1, cl-1) {
			if sc.tr != nil {
				sc.trace("  dropped %s → %s %s: the clause said is coded itself", e.Source, e.Target, e.Code)
			}
			continue
		}
		out = append(out, e)
	}
	return out
}

// isSpeech reports whether word h is a verb of public statement.
func (c *Coder) isSpeech(sc *Scratch, h int) bool {
	try := func(key string) bool {
		for _, r := range c.set.VerbsFor(key) {
			if c.speech[r.Verb] {
				return true
			}
		}
		return false
	}
	return try(sc.lemma[h]) || try(sc.low[h])
}

// span locates words first..last (0-based).
func (sc *Scratch) span(doc Doc, first, last int) event.Span {
	if first < 0 || last < first || last >= len(sc.s.Words) {
		return event.Span{Start: -1, End: -1}
	}
	a, b := &sc.s.Words[first], &sc.s.Words[last]
	sp := event.Span{Start: a.Start, End: b.End, First: a.ID, Last: b.ID}
	switch {
	case a.Start >= 0 && b.End <= len(doc.Text) && a.Start <= b.End && doc.Text != "":
		sp.Text = doc.Text[a.Start:b.End]
	case a.Start >= 0 && b.End <= len(sc.s.Text) && a.Start <= b.End:
		sp.Text = sc.s.Text[a.Start:b.End]
	default:
		if first == last {
			sp.Text = a.Form
		} else {
			var bld strings.Builder
			for i := first; i <= last; i++ {
				if i > first {
					bld.WriteByte(' ')
				}
				bld.WriteString(sc.s.Words[i].Form)
			}
			sp.Text = bld.String()
		}
	}
	return sp
}

func formatDate(d dict.Date) string {
	v := int(d)
	b := []byte("0000-00-00")
	y, mo, da := v/10000, v/100%100, v%100
	for i := 3; i >= 0; i-- {
		b[i] = byte('0' + y%10)
		y /= 10
	}
	b[5], b[6] = byte('0'+mo/10), byte('0'+mo%10)
	b[8], b[9] = byte('0'+da/10), byte('0'+da%10)
	return string(b)
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

// byAgent returns the first and last words of the "by" agent phrase of
// passive verb v in the PETRARCH-2 reading (Options.Literal without
// Petrarch1), -1, -1 for none.
func (sc *Scratch) byAgent(c *Coder, v int) (int, int) {
	if !c.opt.Literal || c.opt.Petrarch1 || !c.passive(sc, v) {
		return -1, -1
	}
	for _, k := range sc.children(v) {
		if sc.agentDep(k) {
			first, last := k, k
			for i := range sc.low {
				if sc.inSubtree(i, k) {
					first, last = min(first, i), max(last, i)
				}
			}
			return first, last
		}
	}
	return -1, -1
}

// passive reports whether verb v is coded as a passive: its subject is the
// target and a "by" phrase the source. PETRARCH-1 (Options.Petrarch1) left
// passives without a "by" agent to its dictionary patterns, so in that
// style such a verb is coded as active.
func (c *Coder) passive(sc *Scratch, v int) bool {
	if !sc.passive(v) || sc.adjPred[v] {
		return false // a predicate adjective's subject acts: "was disappointed with"
	}
	if !c.opt.Petrarch1 {
		return true
	}
	for _, k := range sc.children(v) {
		if sc.agentDep(k) {
			return true
		}
	}
	return false
}

// inOwnClause reports whether word k lies in a clause below verb v that
// has a subject of its own ("said he has deep satisfaction"), or in a
// participle or relative clause below it: the verb's patterns do not reach
// into it.
func (sc *Scratch) inOwnClause(k, v int) bool {
	for d := 0; k >= 0 && k != v && d < len(sc.low); d++ {
		switch sc.rel(k) {
		case "advcl", "acl", "acl:relcl", "conj":
			// a participle or relative clause is no phrase of the verb
			// either, subject or not: "bombarded a part of Aleppo,
			// killing at least eight people" has no "* AT"; "people,
			// state media reported" no "* REPORT"; nor is a verb
			// coordinated with it ("give a speech ... and meet with
			// dissidents from military-ruled Myanmar" has no "*
			// &MILITARY"); an infinitive is the verb's complement ("vowed
			// to wage war on X")
			if sc.s.Words[k].UPOS == "VERB" && !sc.infinitive(k) {
				return true
			}
		}
		switch sc.rel(k) {
		case "ccomp", "advcl", "parataxis", "acl":
			for _, j := range sc.children(k) {
				if r := sc.rel(j); r == "nsubj" || r == "csubj" {
					return true
				}
			}
		}
		k = sc.head(k)
	}
	return false
}

// venueCode reports whether code is a meeting (consult 040, by telephone
// 041, at a third location 044, negotiations 046: "peace talks in
// Havana"), also when stated as an intent: acts held
// somewhere, whose place is their venue rather than a party (a visit, a
// mediation, an agreement or aid "in Syria" is to or about Syria).
func venueCode(code string) bool {
	switch code {
	case "040", "041", "044", "046":
		return true
	}
	// a protest's place is where it is held, not whom it is against
	// ("protested in Yerevan", "rallied at the parliament in Tbilisi")
	return strings.HasPrefix(code, "14")
}

// dropOwnCountry removes from tgts, in place, the bare countries of which
// every source in srcs is a part (IRN for IRNGOV); with keep it codes them
// unknown instead, keeping their phrase.
func dropOwnCountry(srcs, tgts []actorRef, keep bool) []actorRef {
	out := tgts[:0]
	for _, t := range tgts {
		own := countryCode(t.code)
		for _, s := range srcs {
			if len(s.code) <= 3 || s.code[:3] != t.code {
				own = false
			}
		}
		if own && keep {
			t.code = dict.NullCode
		}
		if !own || keep {
			out = append(out, t)
		}
	}
	return out
}

// mediation reports whether code is CAMEO's mediate (045) or the intent to
// mediate (039).
func mediation(code string) bool { return code == "045" || code == "039" }

// violentCode reports whether code is of CAMEO's roots 18 (assault), 19
// (fight) or 20 (mass violence).
// ForceOnThing reports whether an act of code is force that can fall on a
// thing, whose people are then its target: assault, fighting, mass violence
// (roots 18-20) and seizing or destroying property (171x). The coder gives
// such acts on a thing an implied ---CVL target (impliedTarget);
// internal/analyze gives it the country of the act's place.
func ForceOnThing(code string) bool { return violentCode(code) || strings.HasPrefix(code, "171") }

func violentCode(code string) bool {
	return len(code) >= 2 && (code[0] == '1' && (code[1] == '8' || code[1] == '9') || code[0] == '2' && code[1] == '0')
}

// knownPair appends to out the actors of a and then b with a known code,
// each code once; more than two make no pair (the caller checks).
func knownPair(out, a, b []actorRef) []actorRef {
	for _, list := range [2][]actorRef{a, b} {
		for _, r := range list {
			if unknown(r) {
				continue
			}
			dup := false
			for _, o := range out {
				dup = dup || o.code == r.code
			}
			if !dup {
				out = append(out, r)
			}
		}
	}
	return out
}
