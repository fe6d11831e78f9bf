package tag

import (
	"unicode"
	"unicode/utf8"
)

// Features are 32-bit hashes of a template number and the hashed strings or
// tags it combines. Word strings are hashed once per token (tokenInfo); the
// feature of a template is a cheap mix of those hashes, so extracting the
// features of a token allocates nothing.

const (
	fnvOffset = 14695981039346656037
	fnvPrime  = 1099511628211
)

// hashBytes is FNV-1a of b, salted.
func hashBytes(salt uint64, b []byte) uint64 {
	h := uint64(fnvOffset) ^ salt*0x9E3779B97F4A7C15
	for _, c := range b {
		h ^= uint64(c)
		h *= fnvPrime
	}
	return h
}

// hashString is hashBytes for a string.
func hashString(salt uint64, s string) uint64 {
	h := uint64(fnvOffset) ^ salt*0x9E3779B97F4A7C15
	for i := 0; i < len(s); i++ {
		h ^= uint64(s[i])
		h *= fnvPrime
	}
	return h
}

// mix folds a template number and two values into a feature key; the key is
// never 0, which marks an empty slot in the weight table.
func mix(t, a, b uint64) uint32 {
	x := t*0x165667B19E3779F9 ^ a*0x9E3779B97F4A7C15 ^ (b+0x632BE59BD9B4E019)*0xC2B2AE3D27D4EB4F
	x ^= x >> 33
	x *= 0xff51afd7ed558ccd
	x ^= x >> 33
	x *= 0xc4ceb9fe1a85ec53
	x ^= x >> 33
	k := uint32(x)
	if k == 0 {
		k = 1
	}
	return k
}

// Salts of the per-token string hashes.
const (
	saltLower = iota + 1
	saltForm
	saltSuffix
	saltPrefix
	saltShape
)

// Token flag bits (tokenInfo.flags).
const (
	flagDigit = 1 << iota
	flagHyphen
	flagUpper     // some upper-case letter
	flagInitUpper // first letter upper case
	flagAllUpper  // at least two letters, all upper case
	flagPunct     // no letter and no digit
	flagFirst     // first word of the sentence
	flagLong      // more than 12 bytes
	flagAllDigit  // digits and number punctuation only
	flagURL       // looks like a URL or e-mail address
)

// tokenInfo holds the hashes of one word's strings used by the templates.
type tokenInfo struct {
	lower, form uint64
	suf         [4]uint64 // suffixes of the lower-case form, 1..4 runes
	pre         [3]uint64 // prefixes, 1..3 runes
	shape       uint64
	flags       uint64
	amb         uint64 // ambiguity class + 1 from the tag dictionary, 0 unknown
	caseClass   uint8  // see caseOf
	length      uint8  // length in runes, at most 15
}

// Padding tokens before the first and after the last word.
var (
	padStart = padToken(1)
	padEnd   = padToken(2)
)

func padToken(n uint64) tokenInfo {
	var t tokenInfo
	h := 0xABCDEF1234567 * n
	t.lower, t.form, t.shape, t.flags, t.amb = h, h, h, h, h
	for i := range t.suf {
		t.suf[i] = h
	}
	for i := range t.pre {
		t.pre[i] = h
	}
	return t
}

// appendLower appends the lower-case form of s to buf.
func appendLower(buf []byte, s string) []byte {
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			}
			buf = append(buf, c)
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		i += n
		if r == utf8.RuneError && n == 1 {
			buf = append(buf, s[i-1])
			continue
		}
		buf = utf8.AppendRune(buf, unicode.ToLower(r))
	}
	return buf
}

// hasTypographic reports whether b holds a character of U+2013..U+201D (the
// dashes and curly quotes of news text), which all start with E2 80.
func hasTypographic(b []byte) bool {
	for i := 0; i+2 < len(b); i++ {
		if b[i] == 0xE2 && b[i+1] == 0x80 && b[i+2] >= 0x93 && b[i+2] <= 0x9D {
			return true
		}
	}
	return false
}

// appendASCIIPunct appends b to buf with the typographic quotes and dashes
// spelt as the treebank's ASCII ones: ‘ ’ as ', “ ” as ", – — as --. The
// word features of "don’t" and “ are then those of "don't" and ".
func appendASCIIPunct(buf, b []byte) []byte {
	for i := 0; i < len(b); i++ {
		if b[i] == 0xE2 && i+2 < len(b) && b[i+1] == 0x80 {
			switch b[i+2] {
			case 0x98, 0x99:
				buf = append(buf, '\'')
				i += 2
				continue
			case 0x9C, 0x9D:
				buf = append(buf, '"')
				i += 2
				continue
			case 0x93, 0x94:
				buf = append(buf, '-', '-')
				i += 2
				continue
			}
		}
		buf = append(buf, b[i])
	}
	return buf
}

// Case classes of a form, used by the lemma rules.
const (
	caseLower = iota // no upper-case letter
	caseTitle        // first letter upper, not all upper
	caseUpper        // two or more letters, all upper case
	caseMixed        // upper case after a lower-case first letter
	numCases
)

// caseOf returns the case class of s.
func caseOf(s string) uint8 {
	letters, upper := 0, 0
	firstUpper, sawFirst := false, false
	for _, r := range s {
		if !unicode.IsLetter(r) {
			continue
		}
		letters++
		u := unicode.IsUpper(r)
		if u {
			upper++
		}
		if !sawFirst {
			sawFirst, firstUpper = true, u
		}
	}
	switch {
	case upper == 0:
		return caseLower
	case letters >= 2 && upper == letters:
		return caseUpper
	case firstUpper:
		return caseTitle
	}
	return caseMixed
}

// fillToken computes t's hashes for the word form with lower-case form low.
// amb is the ambiguity class + 1 (0 when the word is not in the dictionary).
func fillToken(t *tokenInfo, form string, low []byte, amb uint64, first bool) {
	t.lower = hashBytes(saltLower, low)
	t.form = hashString(saltForm, form)
	t.amb = amb
	// suffixes and prefixes in runes
	end := len(low)
	for k := 0; k < len(t.suf); k++ {
		if end > 0 {
			_, n := utf8.DecodeLastRune(low[:end])
			end -= n
		}
		t.suf[k] = hashBytes(saltSuffix+uint64(k)*8, low[end:])
	}
	start := 0
	for k := 0; k < len(t.pre); k++ {
		if start < len(low) {
			_, n := utf8.DecodeRune(low[start:])
			start += n
		}
		t.pre[k] = hashBytes(saltPrefix+uint64(k)*8, low[:start])
	}
	// shape: X upper, x lower, d digit, other bytes as they are; runs of
	// one class collapse to one symbol.
	h := hashBytes(saltShape, nil)
	var last byte
	var flags uint64
	letters, upper, digits, other := 0, 0, 0, 0
	for i, r := range form {
		var c byte
		switch {
		case r >= '0' && r <= '9':
			c = 'd'
			digits++
		case unicode.IsUpper(r):
			c = 'X'
			letters++
			upper++
			if i == 0 {
				flags |= flagInitUpper
			}
		case unicode.IsLetter(r):
			c = 'x'
			letters++
		case r < utf8.RuneSelf:
			c = byte(r)
			other++
			if r == '-' {
				flags |= flagHyphen
			}
			if r == '@' || r == '/' && len(form) > 6 {
				flags |= flagURL
			}
		default:
			c = 'o'
			other++
		}
		if c != last {
			h ^= uint64(c)
			h *= fnvPrime
			last = c
		}
	}
	t.shape = h
	if digits > 0 {
		flags |= flagDigit
		if letters == 0 {
			flags |= flagAllDigit
		}
	}
	if upper > 0 {
		flags |= flagUpper
		if letters >= 2 && upper == letters {
			flags |= flagAllUpper
		}
	}
	if letters == 0 && digits == 0 {
		flags |= flagPunct
	}
	if first {
		flags |= flagFirst
	}
	if len(form) > 12 {
		flags |= flagLong
	}
	if len(form) > 4 && (form[:4] == "http" || form[:4] == "www.") {
		flags |= flagURL
	}
	t.flags = flags + 1
	t.caseClass = caseOf(form)
	t.length = uint8(min(utf8.RuneCountInString(form), 15))
}

// Tagger feature templates.
const (
	tBias = iota + 1
	tLower
	tForm
	tSuf1
	tSuf2
	tSuf3
	tSuf4
	tPre1
	tPre2
	tPre3
	tShape
	tFlags
	tAmb
	tPrevLower
	tPrev2Lower
	tNextLower
	tNext2Lower
	tPrevTag
	tPrevTags
	tPrevTagLower
	tPrevSuf3
	tNextSuf3
	tNextAmb
	tNext2Amb
	tPrevTagNextAmb
	tLowerNextLower
	tPrevLowerLower
	tAmbNextAmb
	tLowerNextAmb
	tPrevShape
	tNextShape
	tPrev2Tag
	tPrevAmbAmb
	tPrevTagSuf3
	tNextFlags
	tAmbCaps
	tPrevNextLower
	tSuf3Caps
	tSuf1Caps
	tPre2Suf2
	tLenCaps
)

// capsBits are the flags that tell proper nouns from common nouns.
const capsBits = flagInitUpper | flagAllUpper | flagFirst

// tokAt returns the token at i, or padding outside the sentence.
func tokAt(toks []tokenInfo, i int) *tokenInfo {
	if i < 0 {
		return &padStart
	}
	if i >= len(toks) {
		return &padEnd
	}
	return &toks[i]
}

// tagAt returns the tag class + 1 at i (0 before the sentence).
func tagAt(cls []int, i int) uint64 {
	if i < 0 {
		return 0
	}
	return uint64(cls[i]) + 1
}

// tagFeatures appends the tagger features of word i to out; cls holds the
// predicted classes of the words before i.
func tagFeatures(out []uint32, toks []tokenInfo, cls []int, i int) []uint32 {
	w := &toks[i]
	p, p2 := tokAt(toks, i-1), tokAt(toks, i-2)
	n, n2 := tokAt(toks, i+1), tokAt(toks, i+2)
	t1, t2 := tagAt(cls, i-1), tagAt(cls, i-2)
	out = append(out,
		mix(tBias, 0, 0),
		mix(tLower, w.lower, 0),
		mix(tForm, w.form, 0),
		mix(tSuf1, w.suf[0], 0),
		mix(tSuf2, w.suf[1], 0),
		mix(tSuf3, w.suf[2], 0),
		mix(tSuf4, w.suf[3], 0),
		mix(tPre1, w.pre[0], 0),
		mix(tPre2, w.pre[1], 0),
		mix(tPre3, w.pre[2], 0),
		mix(tShape, w.shape, 0),
		mix(tFlags, w.flags, 0),
		mix(tAmb, w.amb, 0),
		mix(tPrevLower, p.lower, 0),
		mix(tPrev2Lower, p2.lower, 0),
		mix(tNextLower, n.lower, 0),
		mix(tNext2Lower, n2.lower, 0),
		mix(tPrevTag, t1, 0),
		mix(tPrevTags, t1, t2),
		mix(tPrevTagLower, t1, w.lower),
		mix(tPrevSuf3, p.suf[2], 0),
		mix(tNextSuf3, n.suf[2], 0),
		mix(tNextAmb, n.amb, 0),
		mix(tNext2Amb, n2.amb, 0),
		mix(tPrevTagNextAmb, t1, n.amb),
		mix(tLowerNextLower, w.lower, n.lower),
		mix(tPrevLowerLower, p.lower, w.lower),
		mix(tAmbNextAmb, w.amb, n.amb),
		mix(tLowerNextAmb, w.lower, n.amb),
		mix(tPrevShape, p.shape, w.shape),
		mix(tNextShape, n.shape, w.shape),
		mix(tPrev2Tag, t2, 0),
		mix(tPrevAmbAmb, p.amb, w.amb),
		mix(tPrevTagSuf3, t1, w.suf[2]),
		mix(tNextFlags, n.flags, w.flags),
		mix(tAmbCaps, w.amb, (w.flags-1)&capsBits),
		mix(tPrevNextLower, p.lower, n.lower),
		mix(tSuf3Caps, w.suf[2], (w.flags-1)&capsBits),
		mix(tSuf1Caps, w.suf[0], (w.flags-1)&capsBits),
		mix(tPre2Suf2, w.pre[1], w.suf[1]),
		mix(tLenCaps, uint64(w.length), (w.flags-1)&capsBits),
	)
	return out
}

// Feature-model templates (UFeats given the predicted tag classes).
const (
	fBias = iota + 100
	fLower
	fSuf1
	fSuf2
	fSuf3
	fTag
	fTagLower
	fPrevTag
	fPrevTags
	fNextTag
	fNextTags
	fPrevLower
	fPrev2Lower
	fPrev3Lower
	fNextLower
	fFlags
	fSubject
	fSubjectTag
	fPrevTagLower
	fPrev3Tags
)

// featsFeatures appends the UFeats features of word i to out; cls holds the
// tag classes of all words and nominal marks the classes that can be a
// subject (pronouns, nouns, proper nouns).
func featsFeatures(out []uint32, toks []tokenInfo, cls []int, nominal []bool, i int) []uint32 {
	w := &toks[i]
	p, p2, p3 := tokAt(toks, i-1), tokAt(toks, i-2), tokAt(toks, i-3)
	n := tokAt(toks, i+1)
	c := uint64(cls[i]) + 1
	t1, t2, t3 := tagAt(cls, i-1), tagAt(cls, i-2), tagAt(cls, i-3)
	var n1, n2 uint64
	if i+1 < len(cls) {
		n1 = uint64(cls[i+1]) + 1
	}
	if i+2 < len(cls) {
		n2 = uint64(cls[i+2]) + 1
	}
	// the nearest nominal to the left, within six words
	var subj, subjTag uint64
	for j := i - 1; j >= 0 && j >= i-6; j-- {
		if nominal[cls[j]] {
			subj, subjTag = toks[j].lower, uint64(cls[j])+1
			break
		}
	}
	out = append(out,
		mix(fBias, 0, 0),
		mix(fLower, w.lower, 0),
		mix(fSuf1, w.suf[0], 0),
		mix(fSuf2, w.suf[1], 0),
		mix(fSuf3, w.suf[2], 0),
		mix(fTag, c, 0),
		mix(fTagLower, c, w.lower),
		mix(fPrevTag, t1, c),
		mix(fPrevTags, t1, t2),
		mix(fNextTag, n1, c),
		mix(fNextTags, n1, n2),
		mix(fPrevLower, p.lower, 0),
		mix(fPrev2Lower, p2.lower, 0),
		mix(fPrev3Lower, p3.lower, 0),
		mix(fNextLower, n.lower, 0),
		mix(fFlags, w.flags, 0),
		mix(fSubject, subj, c),
		mix(fSubjectTag, subjTag, c),
		mix(fPrevTagLower, t1, w.lower),
		mix(fPrev3Tags, t3*131+t2, t1),
	)
	return out
}

// Second-pass templates: the first (right-to-left) pass's tags.
const (
	tR0 = iota + 60
	tR1
	tR2
	tR1R2
	tPrevTagR1
	tR0Lower
	tR1Lower
	tPrevTagR0
)

// tagFeatures2 appends the second-pass features of word i: those of
// tagFeatures and the first-pass classes r of the word and its right
// neighbours.
func tagFeatures2(out []uint32, toks []tokenInfo, cls, r []int, i int) []uint32 {
	out = tagFeatures(out, toks, cls, i)
	w := &toks[i]
	r0 := uint64(r[i]) + 1
	var r1, r2 uint64
	if i+1 < len(r) {
		r1 = uint64(r[i+1]) + 1
	}
	if i+2 < len(r) {
		r2 = uint64(r[i+2]) + 1
	}
	t1 := tagAt(cls, i-1)
	return append(out,
		mix(tR0, r0, 0),
		mix(tR1, r1, 0),
		mix(tR2, r2, 0),
		mix(tR1R2, r1, r2),
		mix(tPrevTagR1, t1, r1),
		mix(tR0Lower, r0, w.lower),
		mix(tR1Lower, r1, w.lower),
		mix(tPrevTagR0, t1, r0),
	)
}
