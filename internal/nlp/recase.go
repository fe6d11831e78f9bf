package nlp

import "strings"

// Casing is a change of the letter case of a whole sentence, as news text
// shows it: lower-cased event sets, all-caps headlines and datelines.
type Casing uint8

// Casings of Recase.
const (
	AsIs  Casing = iota // unchanged
	Lower               // every letter lower case
	Upper               // every letter upper case
)

// String names the casing.
func (c Casing) String() string {
	switch c {
	case Lower:
		return "lower"
	case Upper:
		return "upper"
	}
	return "as is"
}

// Recase returns a copy of s whose text, word forms and multiword token
// forms are in casing c; annotations (lemmas, tags, tree) are kept, so the
// copy is a gold sentence for text in that casing. The copy shares nothing
// mutable with s.
func Recase(s *Sentence, c Casing) Sentence {
	f := func(x string) string { return x }
	switch c {
	case Lower:
		f = strings.ToLower
	case Upper:
		f = strings.ToUpper
	}
	out := *s
	out.Text = f(s.Text)
	out.Words = make([]Word, len(s.Words))
	for k, w := range s.Words {
		w.Form = f(w.Form)
		out.Words[k] = w
	}
	if s.MultiWords != nil {
		out.MultiWords = make([]MultiWord, len(s.MultiWords))
		for k, m := range s.MultiWords {
			m.Form = f(m.Form)
			out.MultiWords[k] = m
		}
	}
	out.Comments = append([]string(nil), s.Comments...)
	return out
}

// CasingOf returns the casing a training set augmented for case robustness
// gives to the copy of its k-th sentence: Lower for a share lower of the
// sentences, Upper for a share upper, AsIs (no copy) for the rest. The choice
// is a fixed hash of k, so the same set always gets the same copies.
func CasingOf(k int, lower, upper float64) Casing {
	x := uint64(k)*0x9E3779B97F4A7C15 + 0x632BE59BD9B4E019
	x ^= x >> 31
	x *= 0xBF58476D1CE4E5B9
	x ^= x >> 29
	u := float64(x>>11) / (1 << 53)
	switch {
	case u < lower:
		return Lower
	case u < lower+upper:
		return Upper
	}
	return AsIs
}

// AugmentCase returns sents followed by case-changed copies of a
// deterministic share lower of them lower-cased and a share upper of them in
// capitals (see CasingOf).
func AugmentCase(sents []*Sentence, lower, upper float64) []*Sentence {
	out := append([]*Sentence(nil), sents...)
	for k, s := range sents {
		if c := CasingOf(k, lower, upper); c != AsIs {
			r := Recase(s, c)
			out = append(out, &r)
		}
	}
	return out
}
