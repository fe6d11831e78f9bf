package coder

import (
	"path/filepath"
	"testing"

	"github.com/eventwire/eventwire/internal/nlp"
)

// FuzzCode codes arbitrary dependency trees — heads out of range, cycles,
// any labels — built from the fuzzer's bytes: the coder must neither panic
// nor loop.
func FuzzCode(f *testing.F) {
	f.Add([]byte{0, 2, 1, 1, 0, 0, 2, 2, 2})
	f.Add([]byte{3, 3, 3, 1, 1, 1, 2, 2, 2, 4, 0, 5})
	set := testDict(f)
	c, err := New(set, Options{Negation: NegationTransform, AllowMonad: true, NullActors: true})
	if err != nil {
		f.Fatal(err)
	}
	// argument phrases and their spans (phrase.go) walk the tree too
	phr, err := New(set, Options{AllowMonad: true, AllowUnknown: true, PhraseSpans: true})
	if err != nil {
		f.Fatal(err)
	}
	cases := readCases(f, filepath.Join("testdata", "cases.txt"))
	var vocab []nlp.Word
	for _, tc := range cases {
		for _, s := range tc.doc.Sentences {
			vocab = append(vocab, s.Words...)
		}
	}
	labels := []string{"nsubj", "obj", "obl", "nmod", "conj", "appos", "compound", "amod", "nmod:poss", "xcomp",
		"ccomp", "advcl", "acl:relcl", "nsubj:pass", "aux:pass", "case", "advmod", "root", "flat", "mark", "parataxis"}
	f.Fuzz(func(t *testing.T, b []byte) {
		n := len(b) / 3
		if n == 0 || n > 40 {
			return
		}
		s := nlp.Sentence{Words: make([]nlp.Word, n)}
		for i := 0; i < n; i++ {
			w := vocab[int(b[3*i])%len(vocab)]
			w.ID = i + 1
			w.Head = int(b[3*i+1]) % (n + 2) // may be out of range or form cycles
			w.Deprel = labels[int(b[3*i+2])%len(labels)]
			w.Start, w.End = -1, -1
			s.Words[i] = w
		}
		doc := nlp.Document{Sentences: []nlp.Sentence{s, s}}
		sc := c.NewScratch()
		_ = c.CodeDocument(sc, Doc{ID: "f", Date: 19950101}, &doc, nil)
		_, _ = c.Explain(Doc{}, &s)
		_ = phr.CodeDocument(phr.NewScratch(), Doc{ID: "f"}, &doc, nil)
	})
}
