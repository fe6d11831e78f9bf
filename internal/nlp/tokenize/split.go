package tokenize

import (
	"unicode"
	"unicode/utf8"
)

// Feature templates of the sentence-boundary classifier. A feature is the
// FNV-1a hash of its template byte and its parts, so computing one allocates
// nothing.
const (
	fBias = iota + 1
	fW0
	fW1
	fWm1
	fS0
	fS1
	fSm1
	fS0S1
	fW0S1
	fS0W1
	fGap
	fGapS0S1
	fLen
	fLenS1
	fW0W1
	fLast0First1
	fSm1S0S1
	fOpenQuote
	fOpenQuoteS0
	fS1S2
	fW2
	fWm1W0
	fParaLeft
)

const (
	fnvOffset = 14695981039346656037
	fnvPrime  = 1099511628211
)

func hashByte(h uint64, c byte) uint64 { return (h ^ uint64(c)) * fnvPrime }

// hashLower mixes the ASCII-lower-cased s, at most 24 bytes, into h.
func hashLower(h uint64, s string) uint64 {
	if len(s) > 24 {
		s = s[:24]
	}
	for k := 0; k < len(s); k++ {
		c := s[k]
		if c >= 'A' && c <= 'Z' {
			c |= 0x20
		}
		h = hashByte(h, c)
	}
	return hashByte(h, 0xff)
}

func hashStr(h uint64, s []byte) uint64 {
	for k := 0; k < len(s); k++ {
		h = hashByte(h, s[k])
	}
	return hashByte(h, 0xff)
}

// shape summarizes a token in at most four classes with repeats collapsed:
// X upper letter, x lower letter, d digit, and punctuation as itself
// (Unicode quotes folded to " and ', dashes to -), o for other symbols.
func shape(s string, buf *[4]byte) []byte {
	n := 0
	var last byte
	for k := 0; k < len(s) && n < len(buf); {
		r, sz := runeAt(s, k)
		k += sz
		var c byte
		switch {
		case r >= 'A' && r <= 'Z':
			c = 'X'
		case r >= 'a' && r <= 'z':
			c = 'x'
		case r >= '0' && r <= '9':
			c = 'd'
		case r < utf8.RuneSelf:
			c = byte(r)
		case r == '“' || r == '”' || r == '„' || r == '«' || r == '»':
			c = '"'
		case r == '‘' || r == '’':
			c = '\''
		case r == '—' || r == '–':
			c = '-'
		case r == '…':
			c = '.'
		case unicode.IsUpper(r):
			c = 'X'
		case unicode.IsLetter(r):
			c = 'x'
		default:
			c = 'o'
		}
		if c == last {
			continue
		}
		buf[n] = c
		n++
		last = c
	}
	return buf[:n]
}

// gapKind classifies the text between two tokens: 0 none, 1 spaces, 2 one
// line break, 3 a blank line (two or more line breaks).
func gapKind(g string) byte {
	if g == "" {
		return 0
	}
	nl := 0
	for k := 0; k < len(g); k++ {
		if g[k] == '\n' {
			nl++
		}
	}
	switch {
	case nl >= 2:
		return 3
	case nl == 1:
		return 2
	}
	return 1
}

func lenBucket(n int) byte {
	switch {
	case n <= 3:
		return byte(n)
	case n <= 6:
		return 4
	case n <= 10:
		return 5
	case n <= 20:
		return 6
	case n <= 40:
		return 7
	}
	return 8
}

var (
	startShape = []byte("<s>")
	endShape   = []byte("</s>")
)

// features appends the feature hashes of the gap after toks[i], given that
// the current sentence has n tokens so far (including toks[i]), that left
// tokens follow it in its paragraph, and whether a double quote is open in
// the sentence.
func features(text string, toks []token, i, n, left int, quoteOpen bool, fs []uint64) []uint64 {
	var b0, b1, bm [4]byte
	w0 := text[toks[i].start:toks[i].end]
	s0 := shape(w0, &b0)
	w1, s1 := "</s>", endShape
	var gap byte = 3
	if i+1 < len(toks) {
		w1 = text[toks[i+1].start:toks[i+1].end]
		s1 = shape(w1, &b1)
		gap = gapKind(text[toks[i].end:toks[i+1].start])
	}
	wm1, sm1 := "<s>", startShape
	if n > 1 && i > 0 {
		wm1 = text[toks[i-1].start:toks[i-1].end]
		sm1 = shape(wm1, &bm)
	}
	h := func(t byte) uint64 { return hashByte(fnvOffset, t) }
	fs = append(fs,
		h(fBias),
		hashLower(h(fW0), w0),
		hashLower(h(fW1), w1),
		hashLower(h(fWm1), wm1),
		hashStr(h(fS0), s0),
		hashStr(h(fS1), s1),
		hashStr(h(fSm1), sm1),
		hashStr(hashStr(h(fS0S1), s0), s1),
		hashStr(hashLower(h(fW0S1), w0), s1),
		hashLower(hashStr(h(fS0W1), s0), w1),
		hashByte(h(fGap), gap),
		hashStr(hashStr(hashByte(h(fGapS0S1), gap), s0), s1),
		hashByte(h(fLen), lenBucket(n)),
		hashStr(hashByte(h(fLenS1), lenBucket(n)), s1),
		hashLower(hashLower(h(fW0W1), w0), w1),
		hashByte(hashByte(h(fLast0First1), w0[len(w0)-1]), w1[0]),
		hashStr(hashStr(hashStr(h(fSm1S0S1), sm1), s0), s1),
	)
	s2, w2 := endShape, "</s>"
	var b2 [4]byte
	if i+2 < len(toks) {
		w2 = text[toks[i+2].start:toks[i+2].end]
		s2 = shape(w2, &b2)
	}
	fs = append(fs,
		hashStr(hashStr(h(fS1S2), s1), s2),
		hashLower(h(fW2), w2),
		hashLower(hashLower(h(fWm1W0), wm1), w0),
		hashByte(h(fParaLeft), lenBucket(left)),
		hashStr(hashByte(h(fParaLeft), lenBucket(left)), s0),
	)
	if quoteOpen {
		fs = append(fs, h(fOpenQuote), hashStr(h(fOpenQuoteS0), s0))
	}
	return fs
}

// isQuote reports whether the token is a double quote character.
func isQuote(s string) bool {
	return s == "\"" || s == "“" || s == "”" || s == "''" || s == "``"
}

// boundaries decides for each token whether a sentence ends after it; the
// last token always ends one. The result is scratch owned by t.
func (t *Tokenizer) boundaries(text string, toks []token) []bool {
	if cap(t.ends) < len(toks) {
		t.ends = make([]bool, len(toks))
	}
	ends := t.ends[:len(toks)]
	clear(ends)
	ends[len(toks)-1] = true
	t.left = paragraphLeft(text, toks, t.left[:0])
	n := 0
	quote := false
	for i := 0; i+1 < len(toks); i++ {
		n++
		if isQuote(text[toks[i].start:toks[i].end]) {
			quote = !quote
		}
		if gapKind(text[toks[i].end:toks[i+1].start]) == 3 {
			ends[i] = true
		} else if t.model != nil {
			t.feats = features(text, toks, i, n, t.left[i], quote, t.feats[:0])
			ends[i] = t.model.score(t.feats) > 0
		} else {
			ends[i] = ruleBoundary(text, toks, i)
		}
		if ends[i] {
			n = 0
			quote = false
		}
	}
	return ends
}

// ruleBoundary is the fallback boundary rule used without a model: a
// sentence ends after final punctuation (and any closing quotes or brackets)
// when the next token starts with an upper-case letter, a digit, or an
// opening quote or bracket.
func ruleBoundary(text string, toks []token, i int) bool {
	closing := func(k int) bool {
		w := text[toks[k].start:toks[k].end]
		return (w == ")" || w == "]" || w == "\"" || w == "”" || w == "'" || w == "’" || w == "''") &&
			k > 0 && toks[k-1].end == toks[k].start
	}
	if closing(i + 1) {
		return false // the sentence ends after the closing quote or bracket
	}
	k := i
	for k >= 0 && closing(k) {
		k--
	}
	if k < 0 {
		return false
	}
	w := text[toks[k].start:toks[k].end]
	last := w[len(w)-1]
	if !(last == '.' || last == '!' || last == '?' || w == "…") {
		return false
	}
	if len(w) > 1 && last == '.' && w[0] != '.' && w != "etc." {
		return false // abbreviation
	}
	nx := text[toks[i+1].start:toks[i+1].end]
	r, _ := utf8.DecodeRuneInString(nx)
	return unicode.IsUpper(r) || unicode.IsDigit(r) || r == '"' || r == '“' || r == '(' || r == '[' || r == '\''
}

// paragraphLeft appends to left, for each token, how many tokens follow it
// before the next blank line or the end of the text.
func paragraphLeft(text string, toks []token, left []int) []int {
	if cap(left) < len(toks) {
		left = make([]int, len(toks))
	}
	left = left[:len(toks)]
	c := 0
	for i := len(toks) - 1; i >= 0; i-- {
		if i+1 < len(toks) && gapKind(text[toks[i].end:toks[i+1].start]) == 3 {
			c = 0
		}
		left[i] = c
		c++
	}
	return left
}
