package builtin

import (
	"io"
	"testing"

	"github.com/eventwire/eventwire/internal/coder"
	"github.com/eventwire/eventwire/internal/nlp"
)

// FuzzBuiltinCode codes arbitrary dependency trees — heads out of range,
// cycles, any labels — over words the built-in verb patterns name, so that
// slot matching, noun events and the explanation writer meet every shape:
// nothing may panic or loop.
func FuzzBuiltinCode(f *testing.F) {
	f.Add([]byte{0, 2, 0, 1, 0, 17, 2, 2, 1})
	f.Add([]byte{5, 2, 0, 6, 0, 17, 7, 2, 1, 8, 3, 4, 9, 4, 5})
	set, err := Set()
	if err != nil {
		f.Fatal(err)
	}
	c, err := coder.New(set, coder.Options{AllowMonad: true, AllowUnknown: true, PhraseSpans: true})
	if err != nil {
		f.Fatal(err)
	}
	vocab := []nlp.Word{
		{Form: "Russia", Lemma: "Russia", UPOS: "PROPN"}, {Form: "attacked", Lemma: "attack", UPOS: "VERB"},
		{Form: "Ukraine", Lemma: "Ukraine", UPOS: "PROPN"}, {Form: "French", Lemma: "French", UPOS: "ADJ"},
		{Form: "anti-Azerbaijan", Lemma: "anti-Azerbaijan", UPOS: "ADJ"}, {Form: "resolution", Lemma: "resolution", UPOS: "NOUN"},
		{Form: "adopted", Lemma: "adopt", UPOS: "VERB"}, {Form: "by", Lemma: "by", UPOS: "ADP"},
		{Form: "Senate", Lemma: "Senate", UPOS: "PROPN"}, {Form: "urged", Lemma: "urge", UPOS: "VERB"},
		{Form: "to", Lemma: "to", UPOS: "PART"}, {Form: "release", Lemma: "release", UPOS: "VERB"},
		{Form: "prisoners", Lemma: "prisoners", UPOS: "NOUN"}, {Form: "attacks", Lemma: "attack", UPOS: "NOUN"},
		{Form: "on", Lemma: "on", UPOS: "ADP"}, {Form: "not", Lemma: "not", UPOS: "PART"},
		{Form: "held", Lemma: "hold", UPOS: "VERB"}, {Form: "talks", Lemma: "talk", UPOS: "NOUN"},
		{Form: "with", Lemma: "with", UPOS: "ADP"}, {Form: "back", Lemma: "back", UPOS: "ADV"},
		{Form: "shelled", Lemma: "shelled", UPOS: "VERB"}, {Form: "we", Lemma: "we", UPOS: "PRON"},
	}
	labels := []string{"nsubj", "obj", "iobj", "obl", "nmod", "conj", "compound", "amod", "nmod:poss", "xcomp",
		"ccomp", "advcl", "acl", "acl:relcl", "nsubj:pass", "aux:pass", "case", "root", "mark", "obl:agent",
		"compound:prt", "advmod", "obl:tmod"}
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
		_ = c.CodeDocument(c.NewScratch(), coder.Doc{ID: "f", Date: 20221130}, &doc, nil)
		evs, tr := c.Explain(coder.Doc{}, &s)
		if err := coder.WriteExplanation(io.Discard, &s, evs, tr); err != nil {
			t.Fatal(err)
		}
	})
}

// BenchmarkCodeExamples measures pipeline + coding of the example
// sentences with the built-in dictionaries (per sentence).
func BenchmarkCodeExamples(b *testing.B) {
	c, w := newCoder(b)
	sc := c.NewScratch()
	exs := readExamples(b)
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		e := exs[i%len(exs)]
		_ = codeText(b, c, w, sc, e.text)
	}
}

// BenchmarkCodeParsed measures coding alone (sentences parsed beforehand).
func BenchmarkCodeParsed(b *testing.B) {
	c, w := newCoder(b)
	sc := c.NewScratch()
	var docs []nlp.Document
	for _, e := range readExamples(b) {
		docs = append(docs, nlp.Document{Text: e.text, Sentences: w.Process(e.text)})
	}
	b.ReportAllocs()
	b.ResetTimer()
	var out []int
	for i := 0; i < b.N; i++ {
		d := &docs[i%len(docs)]
		sc.Reset()
		evs := c.CodeDocument(sc, coder.Doc{Text: d.Text}, d, nil)
		out = append(out[:0], len(evs))
	}
}
