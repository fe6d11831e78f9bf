package depparse

import "github.com/eventwire/eventwire/internal/nlp"

// Feature templates follow Zhang and Nivre (2011), adapted to the arc-hybrid
// system: words (lower-cased, digits folded), XPOS, UPOS and lemmas of s0, s1,
// s2, b0, b1, b2; the leftmost and rightmost children of s0 and s1 and the
// leftmost children of b0 (b0 has no right children in arc-hybrid) with their
// labels; valencies; the s0–b0 and s1–s0 distances; and the label sets of s0
// and b0. Every feature is a 64-bit hash of its template number and atoms, so
// no vocabulary is needed and extraction allocates nothing.

// atoms are the per-word hashes a sentence contributes to features. Index 0
// is the root; words are 1..n.
type atoms struct {
	w, p, u, lem, suf []uint64
}

const (
	hashNone = 0x6a09e667f3bcc908 // absent position
	hashRoot = 0xbb67ae8584caa73b // the artificial root
)

// hashString is FNV-1a over s.
func hashString(s string) uint64 {
	h := uint64(14695981039346656037)
	for i := 0; i < len(s); i++ {
		h ^= uint64(s[i])
		h *= 1099511628211
	}
	return h
}

// hashWord is FNV-1a over s with ASCII letters lower-cased and digits folded
// to '9', so "Iraq"/"iraq" and "1990"/"2003" share features, and with the
// typographic quotes and dashes of news text spelt as the treebank's ASCII
// ones (‘ ’ as ', “ ” as ", – — as --), so "don’t" and "don't" do too.
func hashWord(s string) uint64 {
	h := uint64(14695981039346656037)
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c >= 'A' && c <= 'Z':
			c += 'a' - 'A'
		case c >= '0' && c <= '9':
			c = '9'
		case c == 0xE2 && i+2 < len(s) && s[i+1] == 0x80:
			// U+2013..U+201D: – — ‘ ’ “ ”
			switch s[i+2] {
			case 0x98, 0x99:
				c, i = '\'', i+2
			case 0x9C, 0x9D:
				c, i = '"', i+2
			case 0x93, 0x94:
				h ^= '-'
				h *= 1099511628211
				c, i = '-', i+2
			}
		}
		h ^= uint64(c)
		h *= 1099511628211
	}
	return h
}

// hashSuffix hashes the last three bytes of the lower-cased word.
func hashSuffix(s string) uint64 {
	if len(s) > 3 {
		s = s[len(s)-3:]
	}
	return hashWord(s) ^ 0x3c6ef372fe94f82b
}

// fill computes the atoms of the words of s, reusing a's slices.
func (a *atoms) fill(s *nlp.Sentence) {
	m := len(s.Words) + 1
	a.w = growUint64(a.w, m)
	a.p = growUint64(a.p, m)
	a.u = growUint64(a.u, m)
	a.lem = growUint64(a.lem, m)
	a.suf = growUint64(a.suf, m)
	a.w[0], a.p[0], a.u[0], a.lem[0], a.suf[0] = hashRoot, hashRoot, hashRoot, hashRoot, hashRoot
	for i := range s.Words {
		wd := &s.Words[i]
		a.w[i+1] = hashWord(wd.Form)
		a.p[i+1] = hashString(wd.XPOS)
		a.u[i+1] = hashString(wd.UPOS)
		a.lem[i+1] = hashWord(wd.Lemma)
		a.suf[i+1] = hashSuffix(wd.Form)
	}
}

func pick(v []uint64, x int32) uint64 {
	if x < 0 {
		return hashNone
	}
	return v[x]
}

// mix combines a template number and up to three atoms into a feature hash.
func mix(t, a, b, c uint64) uint64 {
	h := (t + 1) * 0x9e3779b97f4a7c15
	h ^= a
	h *= 0xff51afd7ed558ccd
	h ^= h >> 31
	h ^= b
	h *= 0xc4ceb9fe1a85ec53
	h ^= h >> 29
	h ^= c
	h *= 0x94d049bb133111eb
	h ^= h >> 32
	if h == 0 { // 0 marks an empty slot in the model's table
		h = 1
	}
	return h
}

func distBucket(d int32) uint64 {
	switch {
	case d <= 0:
		return 0
	case d <= 4:
		return uint64(d)
	case d <= 6:
		return 5
	case d <= 10:
		return 6
	default:
		return 7
	}
}

func lab(st *state, x int32) uint64 {
	if x < 0 {
		return 0
	}
	return uint64(st.label[x]) + 1
}

func valency(v []uint8, x int32) uint64 {
	if x < 0 {
		return 255
	}
	return uint64(v[x])
}

func labset(v []uint64, x int32) uint64 {
	if x < 0 {
		return 1 << 63
	}
	return v[x]
}

func child(v []int32, x int32) int32 {
	if x < 0 {
		return -1
	}
	return v[x]
}

// maxFeatures bounds the number of features extract produces.
const maxFeatures = 160

// extract appends the features of configuration st to out[:0].
func extract(st *state, a *atoms, out []uint64) []uint64 {
	out = out[:0]
	s0, s1, s2 := st.s(0), st.s(1), st.s(2)
	b0, b1, b2 := st.buf(0), st.buf(1), st.buf(2)
	s0l, s0l2 := child(st.lc1, s0), child(st.lc2, s0)
	s0r, s0r2 := child(st.rc1, s0), child(st.rc2, s0)
	s1l, s1r, s1r2 := child(st.lc1, s1), child(st.rc1, s1), child(st.rc2, s1)
	b0l, b0l2 := child(st.lc1, b0), child(st.lc2, b0)

	s0w, s0p, s0u := pick(a.w, s0), pick(a.p, s0), pick(a.u, s0)
	s1w, s1p, s1u := pick(a.w, s1), pick(a.p, s1), pick(a.u, s1)
	s2w, s2p := pick(a.w, s2), pick(a.p, s2)
	b0w, b0p, b0u := pick(a.w, b0), pick(a.p, b0), pick(a.u, b0)
	b1w, b1p := pick(a.w, b1), pick(a.p, b1)
	b2w, b2p := pick(a.w, b2), pick(a.p, b2)
	s0m, b0m, s1m := pick(a.lem, s0), pick(a.lem, b0), pick(a.lem, s1)

	var d, d2 uint64
	if s0 > 0 && b0 > 0 {
		d = distBucket(b0 - s0)
	}
	if s1 > 0 && s0 > 0 {
		d2 = distBucket(s0 - s1)
	}
	s0vl, s0vr := valency(st.nl, s0), valency(st.nr, s0)
	s1vl, s1vr := valency(st.nl, s1), valency(st.nr, s1)
	b0vl := valency(st.nl, b0)
	s0sl, s0sr := labset(st.lset, s0), labset(st.rset, s0)
	b0sl := labset(st.lset, b0)
	s1sr := labset(st.rset, s1)

	t := uint64(0)
	f := func(a, b, c uint64) {
		out = append(out, mix(t, a, b, c))
		t++
	}
	// Unigrams.
	f(s0w, 0, 0)
	f(s0p, 0, 0)
	f(s0w, s0p, 0)
	f(s0u, 0, 0)
	f(s0m, 0, 0)
	f(b0w, 0, 0)
	f(b0p, 0, 0)
	f(b0w, b0p, 0)
	f(b0u, 0, 0)
	f(b0m, 0, 0)
	f(pick(a.suf, b0), 0, 0)
	f(pick(a.suf, s0), 0, 0)
	f(b1w, 0, 0)
	f(b1p, 0, 0)
	f(b1w, b1p, 0)
	f(b2w, 0, 0)
	f(b2p, 0, 0)
	f(b2w, b2p, 0)
	f(s1w, 0, 0)
	f(s1p, 0, 0)
	f(s1w, s1p, 0)
	f(s1m, 0, 0)
	f(s2w, 0, 0)
	f(s2p, 0, 0)
	f(s2w, s2p, 0)
	// Pairs.
	f(s0w*31+s0p, b0w, b0p)
	f(s0w, s0p, b0w)
	f(s0w, b0w, b0p)
	f(s0w, s0p, b0p)
	f(s0p, b0w, b0p)
	f(s0w, b0w, 0)
	f(s0p, b0p, 0)
	f(b0p, b1p, 0)
	f(s0m, b0m, 0)
	f(s0u, b0u, 0)
	f(s1w*31+s1p, s0w, s0p)
	f(s1w, s1p, s0p)
	f(s1p, s0w, s0p)
	f(s1w, s0w, 0)
	f(s1p, s0p, 0)
	f(s1m, s0m, 0)
	f(s1p, b0p, 0)
	f(s1w, b0w, 0)
	f(s1u, s0u, b0u)
	// Triples of tags.
	f(b0p, b1p, b2p)
	f(s0p, b0p, b1p)
	f(s1p, s0p, b0p)
	f(s2p, s1p, s0p)
	f(s0p, pick(a.p, s0l), b0p)
	f(s0p, pick(a.p, s0r), b0p)
	f(s0p, b0p, pick(a.p, b0l))
	f(s1p, pick(a.p, s1r), s0p)
	f(s1p, pick(a.p, s1l), s0p)
	f(s0w, b0p, b1p)
	f(s0p, b0w, b1p)
	f(s1p, s0p, b0w)
	f(s1p, s0w, b0p)
	// Distance.
	f(s0w, d, 0)
	f(s0p, d, 0)
	f(b0w, d, 0)
	f(b0p, d, 0)
	f(s0w, b0w, d)
	f(s0p, b0p, d)
	f(s1p, s0p, d2)
	f(s1w, s0w, d2)
	// Valency.
	f(s0w, s0vr, 0)
	f(s0p, s0vr, 0)
	f(s0w, s0vl, 0)
	f(s0p, s0vl, 0)
	f(b0w, b0vl, 0)
	f(b0p, b0vl, 0)
	f(s1p, s1vr, 0)
	f(s1p, s1vl, 0)
	// Children.
	f(pick(a.w, s0l), 0, 0)
	f(pick(a.p, s0l), 0, 0)
	f(lab(st, s0l), 0, 0)
	f(pick(a.w, s0r), 0, 0)
	f(pick(a.p, s0r), 0, 0)
	f(lab(st, s0r), 0, 0)
	f(pick(a.w, b0l), 0, 0)
	f(pick(a.p, b0l), 0, 0)
	f(lab(st, b0l), 0, 0)
	f(pick(a.w, s1l), pick(a.p, s1l), 0)
	f(lab(st, s1l), 0, 0)
	f(pick(a.w, s1r), pick(a.p, s1r), 0)
	f(lab(st, s1r), 0, 0)
	f(s0p, lab(st, s0l), lab(st, s0r))
	f(b0p, lab(st, b0l), 0)
	f(s1p, lab(st, s1r), s0p)
	// Second-order children.
	f(pick(a.w, s0l2), 0, 0)
	f(pick(a.p, s0l2), 0, 0)
	f(lab(st, s0l2), 0, 0)
	f(pick(a.w, s0r2), 0, 0)
	f(pick(a.p, s0r2), 0, 0)
	f(lab(st, s0r2), 0, 0)
	f(pick(a.w, b0l2), 0, 0)
	f(pick(a.p, b0l2), 0, 0)
	f(lab(st, b0l2), 0, 0)
	f(s0p, pick(a.p, s0l), pick(a.p, s0l2))
	f(s0p, pick(a.p, s0r), pick(a.p, s0r2))
	f(b0p, pick(a.p, b0l), pick(a.p, b0l2))
	f(s1p, pick(a.p, s1r), pick(a.p, s1r2))
	// Label sets.
	f(s0w, s0sr, 0)
	f(s0p, s0sr, 0)
	f(s0w, s0sl, 0)
	f(s0p, s0sl, 0)
	f(b0w, b0sl, 0)
	f(b0p, b0sl, 0)
	f(s1p, s1sr, 0)
	// Words, suffixes, lemmas and universal tags, which keep working when a
	// predicted XPOS is wrong.
	b1u := pick(a.u, b1)
	f(b0w, b1w, 0)
	f(s0w, b1w, 0)
	f(pick(a.suf, s1), 0, 0)
	f(pick(a.suf, b1), 0, 0)
	f(pick(a.suf, s0), pick(a.suf, b0), 0)
	f(s0m, b0p, 0)
	f(s0p, b0m, 0)
	f(s0u, b0u, d)
	f(s1u, s0u, d2)
	f(s0u, b0u, b1u)
	f(b0u, b1u, pick(a.u, b2))
	f(s0u, pick(a.u, s0l), b0u)
	f(s0u, pick(a.u, s0r), b0u)
	f(s1u, pick(a.u, s1r), s0u)
	return out
}

// labelTemplateBase keeps label feature hashes apart from transition ones.
const labelTemplateBase = 1000

// extractLabel appends to out[:0] the features for labelling the arc h → d
// that the transition just decided on (before it is applied): the two words,
// their direction and distance, the dependents d already has (in
// arc-hybrid a word has all its dependents when it is attached) and the
// nearest dependents h has so far, and the words around d.
func extractLabel(st *state, a *atoms, h, d int32, out []uint64) []uint64 {
	out = out[:0]
	hw, hp, hu, hm := pick(a.w, h), pick(a.p, h), pick(a.u, h), pick(a.lem, h)
	dw, dp, du, dm := pick(a.w, d), pick(a.p, d), pick(a.u, d), pick(a.lem, d)
	var dir uint64 = 1
	if d > h {
		dir = 2
	}
	dist := distBucket(max(h, d) - min(h, d))
	if h == 0 {
		dist = 0
	}
	prev, next := d-1, d+1
	if prev < 1 {
		prev = -1
	}
	if next > st.n {
		next = -1
	}
	dl, dl2, dr, dr2 := child(st.lc1, d), child(st.lc2, d), child(st.rc1, d), child(st.rc2, d)
	var hn int32 // h's nearest dependent on d's side, so far
	if d < h {
		hn = child(st.lc1, h)
	} else {
		hn = child(st.rc1, h)
	}
	t := uint64(labelTemplateBase)
	f := func(a, b, c uint64) {
		out = append(out, mix(t, a, b, c))
		t++
	}
	f(dir, 0, 0)
	f(dw, dir, 0)
	f(dp, dir, 0)
	f(du, dir, 0)
	f(dm, dir, 0)
	f(pick(a.suf, d), dir, 0)
	f(hw, dir, 0)
	f(hp, dir, 0)
	f(hu, dir, 0)
	f(hm, dir, 0)
	f(hp, dp, dir)
	f(hu, du, dir)
	f(hw, dp, dir)
	f(hp, dw, dir)
	f(hw, dw, dir)
	f(hm, dm, dir)
	f(hp*31+dp, dist, dir)
	f(du, dist, dir)
	f(dw, hp, dist)
	f(dp, pick(a.p, prev), dir)
	f(dp, pick(a.p, next), dir)
	f(hp, dp, pick(a.p, next))
	f(hp, dp, pick(a.p, prev))
	f(pick(a.w, prev), dp, dir)
	f(pick(a.w, next), dp, dir)
	f(dp, lab(st, dl), dir)
	f(dp, lab(st, dr), dir)
	f(dp, lab(st, dl), lab(st, dr))
	f(dw, lab(st, dl), 0)
	f(du, labset(st.lset, d), dir)
	f(du, labset(st.rset, d), dir)
	f(dp, pick(a.w, dl), dir)
	f(dp, pick(a.p, dl), pick(a.p, dl2))
	f(dp, pick(a.w, dr), dir)
	f(dp, pick(a.p, dr), pick(a.p, dr2))
	f(hp, lab(st, hn), dir)
	f(hu, labset(st.lset, h), labset(st.rset, h))
	f(hp, dp, lab(st, hn))
	f(hw, lab(st, hn), dir)
	f(hp, valency(st.nl, h), valency(st.nr, h))
	f(dp, valency(st.nl, d), valency(st.nr, d))
	return out
}
