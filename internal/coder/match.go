// Matching a verb's dictionary patterns against the words around it.

package coder

import (
	"strings"

	"github.com/eventwire/eventwire/internal/dict"
)

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
