package udeval

import (
	"strings"
	"testing"
	"unicode"

	"github.com/eventwire/eventwire/internal/nlp"
)

// byFields is a second, crude tokenization: one sentence per line, one
// token per space-separated field, and a multiword token of two words for
// every field of four or more bytes ending in "s" (its last byte split off).
func byFields(text string) []nlp.Sentence {
	var out []nlp.Sentence
	for _, line := range strings.Split(text, "\n") {
		var s nlp.Sentence
		for _, f := range strings.FieldsFunc(line, func(r rune) bool { return unicode.IsSpace(r) || unicode.Is(unicode.Zs, r) }) {
			id := len(s.Words) + 1
			if len(f) >= 4 && f[len(f)-1] == 's' {
				s.MultiWords = append(s.MultiWords, nlp.MultiWord{First: id, Last: id + 1, Form: f})
				s.Words = append(s.Words, nlp.Word{ID: id, Form: f[:len(f)-1], Head: 0},
					nlp.Word{ID: id + 1, Form: "s", Head: id})
				continue
			}
			s.Words = append(s.Words, nlp.Word{ID: id, Form: f, Head: max(0, id-1)})
		}
		if len(s.Words) > 0 {
			out = append(out, s)
		}
	}
	return out
}

// FuzzRaw aligns two tokenizations of the same text: the alignment must not
// fail or panic, scores stay within [0, 1], and a tokenization scored
// against itself is perfect.
func FuzzRaw(f *testing.F) {
	for _, s := range []string{"I don't know.\nYes", "aaaas bbbs\ncs dddd", "x y z", "Thats\n\nits ok s s"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		a := byFields(text)
		b := byFields(strings.ReplaceAll(text, "\n", " "))
		r, err := Raw(a, b)
		if err != nil {
			t.Fatalf("Raw on the same text: %v", err)
		}
		for _, sc := range []Score{r.Tokens, r.Sentences, r.Words, r.UPOS, r.UAS, r.LAS} {
			if f := sc.F1(); f < 0 || f > 1 || sc.Correct > sc.Gold || sc.Correct > sc.System {
				t.Fatalf("score out of range: %+v", sc)
			}
		}
		self, err := Raw(a, a)
		if err != nil {
			t.Fatal(err)
		}
		if len(a) > 0 && (self.Tokens.F1() != 1 || self.Words.F1() != 1 || self.LAS.F1() != 1 || self.Sentences.F1() != 1) {
			t.Fatalf("self scores not perfect: %+v", self)
		}
	})
}
