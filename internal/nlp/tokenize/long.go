package tokenize

import "strings"

// Sentence-length policy. Text without sentence-final punctuation (run-on
// text, a scraped list, an attacker's input) would otherwise make one
// sentence of a whole document, and every later stage (parsing, coding, the
// sentence text stored with each event) grows with the sentence: a run-on
// megabyte would cost quadratic time and memory. So a sentence the model
// leaves longer than MaxSentenceTokens tokens or MaxSentenceBytes bytes is
// cut into pieces that fit, at the best boundary each window offers:
//
//  1. before a capitalised word that usually starts a sentence ("The",
//     "He", "Police"... after a lower-case word: a missing full stop),
//  2. after a semicolon or colon,
//  3. after a comma followed by a conjunction (", and", ", but", ", while"),
//  4. after any comma, or before a bare conjunction ("and", "but"...),
//  5. else where the window ends (a hard cut).
//
// A cut of kind 1 is taken as soon as the piece has minPieceTokens tokens
// (in the last piece too, once a sentence is over the limits); the others at
// the latest place in the window. Each piece cut records why
// in Sentence.Comments ("split = ..."), which CoNLL-U output shows. No
// sentence of the UD English treebanks (at most 159 words) or of the sample
// corpus comes near the limits, so normal text is tokenized as before.
const (
	// MaxSentenceTokens is the most tokens a sentence has.
	MaxSentenceTokens = 120
	// MaxSentenceBytes is the most bytes a sentence of several tokens
	// spans (one token longer than this stays one sentence).
	MaxSentenceBytes = 2000
	// minPieceTokens is the fewest tokens of a piece cut from a long
	// sentence, except the last.
	minPieceTokens = 5
)

// Cut kinds, in order of preference; cutNone marks a boundary the model or
// a blank line decided.
const (
	cutNone byte = iota
	cutHard
	cutComma
	cutConjunction
	cutClause
	cutStart
)

var cutReason = [...]string{
	cutHard:        "split = long sentence: cut where the length limit falls",
	cutComma:       "split = long sentence: cut at a comma or before a conjunction",
	cutConjunction: "split = long sentence: cut at a comma before a conjunction",
	cutClause:      "split = long sentence: cut at a semicolon or colon",
	cutStart:       "split = long sentence: cut before a capitalised sentence opener",
}

// limitLong cuts the sentences of ends (one flag per token: a sentence ends
// after it) that exceed the length limits, recording the kind of each cut
// it makes in cuts (one byte per token, cutNone where it made none). It is
// linear in the number of tokens: each token is looked at a bounded number
// of times (a window is at most MaxSentenceTokens tokens, and each cut
// moves on by at least minPieceTokens).
func limitLong(text string, toks []token, ends []bool, cuts []byte) []byte {
	if cap(cuts) < len(toks) {
		cuts = make([]byte, len(toks))
	}
	cuts = cuts[:len(toks)]
	clear(cuts)
	first := 0
	for i := range toks {
		if !ends[i] {
			continue
		}
		if tooLong(toks, first, i) {
			cutSentence(text, toks[:i+1], first, ends, cuts)
		}
		first = i + 1
	}
	return cuts
}

// tooLong reports whether toks[first..last] break a length limit.
func tooLong(toks []token, first, last int) bool {
	return last-first+1 > MaxSentenceTokens || last > first && toks[last].end-toks[first].start > MaxSentenceBytes
}

// cutSentence cuts the over-long sentence of toks[first:] (its last token
// ends a sentence) into pieces within the limits.
func cutSentence(text string, toks []token, first int, ends []bool, cuts []byte) {
	last := len(toks) - 1
	s := first // first token of the current piece
	for tooLong(toks, s, last) {
		best, bestKind := -1, cutNone
		k := s
		for ; k < last; k++ {
			if k-s+1 > MaxSentenceTokens || (k > s && toks[k].end-toks[s].start > MaxSentenceBytes) {
				break // token k does not fit in the piece
			}
			if k-s+1 < minPieceTokens {
				continue
			}
			kind := cutKind(text, toks, k)
			if kind == cutStart {
				best, bestKind = k, kind
				break
			}
			if kind != cutNone && kind >= bestKind {
				best, bestKind = k, kind
			}
		}
		if best < 0 {
			// no boundary in the window: cut before the token that does
			// not fit (after at least one token)
			best, bestKind = max(k-1, s), cutHard
		}
		ends[best] = true
		cuts[best] = bestKind
		s = best + 1
	}
	// The rest fits; in run-on text it still holds several sentences.
	for k := s; k < last; k++ {
		if k-s+1 >= minPieceTokens && cutKind(text, toks, k) == cutStart {
			ends[k] = true
			cuts[k] = cutStart
			s = k + 1
		}
	}
}

// cutKind says how good a place to cut the gap after toks[k] is (toks[k+1]
// exists).
func cutKind(text string, toks []token, k int) byte {
	w0 := text[toks[k].start:toks[k].end]
	w1 := text[toks[k+1].start:toks[k+1].end]
	switch w0 {
	case ";", ":":
		return cutClause
	case ",":
		if isConjunction(w1) {
			return cutConjunction
		}
		return cutComma
	}
	if isConjunction(w1) {
		return cutComma
	}
	if c := w0[len(w0)-1]; c >= 'a' && c <= 'z' && isOpener(w1) {
		return cutStart
	}
	return cutNone
}

// isConjunction reports whether w (any case) joins two clauses.
func isConjunction(w string) bool {
	if len(w) < 2 || len(w) > 7 {
		return false
	}
	for _, c := range [...]string{"and", "but", "or", "while", "whereas", "yet", "so"} {
		if strings.EqualFold(w, c) {
			return true
		}
	}
	return false
}

// isOpener reports whether w, capitalised, is a word that usually starts a
// sentence: a determiner, pronoun or connective; not a name, which may
// stand anywhere.
func isOpener(w string) bool {
	if w == "" || w[0] < 'A' || w[0] > 'Z' || len(w) > 12 {
		return false
	}
	for k := 1; k < len(w); k++ {
		if w[k] < 'a' || w[k] > 'z' {
			return false // "US", "McCain": not a capitalised function word
		}
	}
	switch w {
	case "The", "A", "An", "This", "That", "These", "Those", "He", "She", "It", "They", "We", "I", "You",
		"His", "Her", "Its", "Their", "Our", "There", "But", "And", "However", "Meanwhile", "Police",
		"Officials", "Witnesses", "Residents", "Protesters", "Troops", "Soldiers", "Security", "In", "On",
		"At", "After", "Before", "Earlier", "Later", "Last", "When", "As", "According":
		return true
	}
	return false
}
