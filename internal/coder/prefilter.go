package coder

import (
	"sort"

	"github.com/eventwire/eventwire/internal/dict"
)

// Pattern prefilter. A linear pattern (dict.Pattern Before and After) can
// match only if each of its plain words (dict.ElemWord that is neither a
// synset nor a prefix), at any depth of its groups, is the form or the lemma
// of some word of the sentence: matchSeq and matchBack fail on the first
// element that elemAt finds nowhere, and elemAt matches a plain word with
// wordIs. A synset element likewise needs one of its members, each of which
// starts with a word (or a synset that does): the pattern needs one of the
// synset's first words, which the index marks as a word of its own. So
// bestMatch skips, without walking the sentence, every pattern
// one of whose words the sentence lacks; the patterns it still tries, and
// their order, are those that could match, so the chosen pattern is the
// same. With the large PETRARCH verb dictionaries (CAMEO.2.0: up to 159
// patterns a verb class) most patterns name a word the sentence does not
// have, and the matching cost no longer grows with the number of patterns.

// patternIndex holds the plain words each linear pattern needs.
type patternIndex struct {
	// ids numbers the plain words of all patterns and the synsets they
	// name (by their '&' name, which no sentence word has)
	ids map[string]int32
	// implies[id] lists the synset ids that the word id starts a member of
	implies [][]int32
	// first[v] is the position in need of verb v's first pattern; pattern
	// p of verb v needs need[start[first[v]+p]:start[first[v]+p+1]]
	first []int32
	start []int32
	need  []int32
	set   *dict.Set
	// synsets maps every synset name to its definition (dict.Set.Synset)
	// and id, for synsetAt
	synsets map[string]synsetRef
	// off turns the filtering off (every pattern and synset position is
	// tried), for the tests that compare the events with and without it
	off bool
}

// synsetRef is a synset and its id in patternIndex.ids.
type synsetRef struct {
	syn *dict.Synset
	id  int32
}

func newPatternIndex(set *dict.Set) *patternIndex {
	px := &patternIndex{ids: map[string]int32{}, first: make([]int32, len(set.Verbs)+1), set: set}
	n := 0
	for i := range set.Verbs {
		px.first[i] = int32(n)
		n += len(set.Verbs[i].Patterns)
	}
	px.first[len(set.Verbs)] = int32(n)
	px.start = make([]int32, 0, n+1)
	for i := range set.Verbs {
		for pi := range set.Verbs[i].Patterns {
			p := &set.Verbs[i].Patterns[pi]
			px.start = append(px.start, int32(len(px.need)))
			if len(p.Slots) > 0 {
				continue // dependency patterns: matchSlots
			}
			from := len(px.need)
			px.addWords(p.Before, from)
			px.addWords(p.After, from)
		}
	}
	px.start = append(px.start, int32(len(px.need)))
	px.synsets = make(map[string]synsetRef, len(set.Synsets))
	for i := range set.Synsets {
		name := set.Synsets[i].Name
		if id, ok := px.synsetID(name); ok {
			px.synsets[name] = synsetRef{syn: set.Synset(name), id: id}
		}
	}
	return px
}

// addWords appends the ids of the plain words of elems not yet listed
// since position from.
func (px *patternIndex) addWords(elems []dict.Elem, from int) {
	for i := range elems {
		e := &elems[i]
		switch e.Kind {
		case dict.ElemNP, dict.ElemPP:
			px.addWords(e.Sub, from)
		case dict.ElemWord:
			if e.Word.Prefix || e.Word.Text == "" {
				continue
			}
			var id int32
			if e.Word.Synset {
				var ok bool
				if id, ok = px.synsetID(e.Word.Text); !ok {
					continue
				}
			} else {
				id = px.id(e.Word.Text)
			}
			dup := false
			for _, d := range px.need[from:] {
				if d == id {
					dup = true
					break
				}
			}
			if !dup {
				px.need = append(px.need, id)
			}
		}
	}
}

// id returns the id of word w, numbering it if new.
func (px *patternIndex) id(w string) int32 {
	id, ok := px.ids[w]
	if !ok {
		id = int32(len(px.ids))
		px.ids[w] = id
		px.implies = append(px.implies, nil)
	}
	return id
}

// synsetID returns the id of the synset named name, numbering it and
// linking the first words of its members to it if new; false when a
// member can match with no word of its own (it never does: synPhraseAt
// needs one) or the synset is undefined (elemAt then matches nothing, and
// the pattern is tried as before).
func (px *patternIndex) synsetID(name string) (int32, bool) {
	if id, ok := px.ids[name]; ok {
		return id, true
	}
	if px.set.Synset(name) == nil {
		return 0, false
	}
	first := map[string]bool{}
	eachSynsetMember(px.set, name, func(m dict.Phrase) { first[m[0].Text] = true })
	id := px.id(name)
	words := make([]string, 0, len(first))
	for w := range first {
		words = append(words, w)
	}
	sort.Strings(words) // a deterministic numbering
	for _, w := range words {
		wid := px.id(w)
		px.implies[wid] = append(px.implies[wid], id)
	}
	return id, true
}

// sentenceWords marks in sc the pattern words the sentence has (as a form
// or a lemma), once per sentence: prepare and capitalUS clear sc.wordsMarked.
func (px *patternIndex) sentenceWords(sc *Scratch) {
	if sc.wordsMarked {
		return
	}
	sc.wordsMarked = true
	if len(sc.wordMark) < len(px.ids) {
		sc.wordMark = make([]uint32, len(px.ids))
		sc.wordStamp = 0
	}
	sc.wordStamp++
	if sc.wordStamp == 0 { // wrapped: old marks could pass for new ones
		clear(sc.wordMark)
		sc.wordStamp = 1
	}
	sc.wordLow = growInt32(sc.wordLow, len(sc.low))
	sc.wordLemma = growInt32(sc.wordLemma, len(sc.low))
	for i := range sc.low {
		sc.wordLow[i] = px.mark(sc, sc.low[i])
		sc.wordLemma[i] = sc.wordLow[i]
		if sc.lemma[i] != sc.low[i] {
			sc.wordLemma[i] = px.mark(sc, sc.lemma[i])
		}
	}
}

// mark marks word w and the synsets whose members it starts, and returns
// its id (-1 when no pattern or synset member has it).
func (px *patternIndex) mark(sc *Scratch, w string) int32 {
	id, ok := px.ids[w]
	if !ok {
		return -1
	}
	sc.wordMark[id] = sc.wordStamp
	for _, s := range px.implies[id] {
		sc.wordMark[s] = sc.wordStamp
	}
	return id
}

// synsetAt returns the synset named name (as dict.Set.Synset does) when a
// member of it can start at word k, else nil: a member matches only from a
// word that is its first word, or that starts a member of the synset it
// starts with (synPhraseAt), and implies lists the synsets each word can
// start. So elemAt and synPhraseAt try the members only where one can match.
func (px *patternIndex) synsetAt(sc *Scratch, name string, k int) *dict.Synset {
	ref, ok := px.synsets[name]
	if !ok || px.off {
		return ref.syn
	}
	px.sentenceWords(sc)
	if px.starts(sc.wordLow[k], ref.id) || sc.wordLemma[k] != sc.wordLow[k] && px.starts(sc.wordLemma[k], ref.id) {
		return ref.syn
	}
	return nil
}

// starts reports whether the word id starts a member of the synset id syn.
func (px *patternIndex) starts(id, syn int32) bool {
	if id < 0 {
		return false
	}
	for _, s := range px.implies[id] {
		if s == syn {
			return true
		}
	}
	return false
}

// mayMatch reports whether pattern pi of verb v can match the sentence
// marked by sentenceWords: false when it needs a word the sentence lacks.
func (px *patternIndex) mayMatch(sc *Scratch, v, pi int) bool {
	if px.off {
		return true
	}
	k := px.first[v] + int32(pi)
	for _, id := range px.need[px.start[k]:px.start[k+1]] {
		if sc.wordMark[id] != sc.wordStamp {
			return false
		}
	}
	return true
}
