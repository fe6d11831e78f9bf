package nlp

import (
	"math"
	"testing"
)

func TestRecase(t *testing.T) {
	s := Sentence{ID: "s1", Text: "Obama didn't go to Paris.", Start: -1, End: -1,
		Words: []Word{
			{ID: 1, Form: "Obama", Lemma: "Obama", UPOS: "PROPN", Head: 4, Deprel: "nsubj"},
			{ID: 2, Form: "did", Lemma: "do"}, {ID: 3, Form: "n't", Lemma: "not"},
			{ID: 4, Form: "go", Lemma: "go"}, {ID: 5, Form: "to"}, {ID: 6, Form: "Paris"}, {ID: 7, Form: "."},
		},
		MultiWords: []MultiWord{{First: 2, Last: 3, Form: "didn't"}},
		Comments:   []string{"newdoc"},
	}
	for _, tc := range []struct {
		c     Casing
		text  string
		forms []string
		mw    string
	}{
		{AsIs, "Obama didn't go to Paris.", []string{"Obama", "did", "n't", "go", "to", "Paris", "."}, "didn't"},
		{Lower, "obama didn't go to paris.", []string{"obama", "did", "n't", "go", "to", "paris", "."}, "didn't"},
		{Upper, "OBAMA DIDN'T GO TO PARIS.", []string{"OBAMA", "DID", "N'T", "GO", "TO", "PARIS", "."}, "DIDN'T"},
	} {
		r := Recase(&s, tc.c)
		if r.Text != tc.text || r.MultiWords[0].Form != tc.mw {
			t.Errorf("%v: text %q, multiword %q; want %q, %q", tc.c, r.Text, r.MultiWords[0].Form, tc.text, tc.mw)
		}
		for k, w := range r.Words {
			if w.Form != tc.forms[k] {
				t.Errorf("%v: word %d form %q, want %q", tc.c, k+1, w.Form, tc.forms[k])
			}
		}
		if r.Words[0].Lemma != "Obama" || r.Words[0].Head != 4 || r.Words[0].Deprel != "nsubj" {
			t.Errorf("%v: annotations changed: %+v", tc.c, r.Words[0])
		}
		r.Words[0].Form, r.MultiWords[0].Form, r.Comments[0] = "x", "x", "x"
		if s.Words[0].Form != "Obama" || s.MultiWords[0].Form != "didn't" || s.Comments[0] != "newdoc" {
			t.Fatalf("%v: the copy shares its words with the original", tc.c)
		}
	}
}

func TestAugmentCase(t *testing.T) {
	const n = 20000
	sents := make([]*Sentence, n)
	for k := range sents {
		sents[k] = &Sentence{Text: "Ab", Words: []Word{{ID: 1, Form: "Ab"}}}
	}
	out := AugmentCase(sents, 0.1, 0.05)
	lower, upper := 0, 0
	for k, s := range out[n:] {
		switch s.Words[0].Form {
		case "ab":
			lower++
		case "AB":
			upper++
		default:
			t.Fatalf("copy %d has form %q", k, s.Words[0].Form)
		}
	}
	if math.Abs(float64(lower)/n-0.1) > 0.01 || math.Abs(float64(upper)/n-0.05) > 0.01 {
		t.Errorf("%d lower-cased and %d upper-cased copies of %d, want about 10%% and 5%%", lower, upper, n)
	}
	again := AugmentCase(sents, 0.1, 0.05)
	if len(again) != len(out) {
		t.Fatalf("second run: %d sentences, first %d", len(again), len(out))
	}
	for k := range out {
		if again[k].Words[0].Form != out[k].Words[0].Form {
			t.Fatalf("second run differs at sentence %d", k)
		}
	}
	if got := AugmentCase(sents, 0, 0); len(got) != n {
		t.Errorf("no share: %d sentences, want %d", len(got), n)
	}
}
