package timex

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/eventwire/eventwire/internal/nlp"
	"github.com/eventwire/eventwire/internal/shareddata"
)

// benchSentences returns the gold-tagged sentences of en_ewt dev when the
// shared data is present, else the test set sentences split by SplitWords.
func benchSentences(b *testing.B) []*nlp.Sentence {
	var out []*nlp.Sentence
	if dir, ok := shareddata.Find("ud", "en_ewt"); ok {
		for _, s := range readConllu(b, filepath.Join(dir, "en_ewt-ud-dev.conllu"), nil) {
			out = append(out, s)
		}
		return out
	}
	fh, err := os.Open(filepath.Join("testdata", "dates.tsv"))
	if err != nil {
		b.Fatal(err)
	}
	defer fh.Close()
	cases, err := ReadCases(fh, "dates.tsv")
	if err != nil {
		b.Fatal(err)
	}
	for _, c := range cases {
		out = append(out, SplitWords(c.Sentence))
	}
	return out
}

// BenchmarkFind measures the finder per sentence (en_ewt dev, gold tags and
// trees); report sentences/s with -benchmem.
func BenchmarkFind(b *testing.B) {
	sents := benchSentences(b)
	art := mustDay(b, "2022-11-20")
	var f Finder
	var exprs []Expr
	words := 0
	for _, s := range sents {
		words += len(s.Words)
	}
	b.ReportAllocs()
	b.ResetTimer()
	n := 0
	for b.Loop() {
		exprs = f.Find(sents[n%len(sents)], art, exprs[:0])
		n++
	}
	b.ReportMetric(float64(n)/b.Elapsed().Seconds(), "sentences/s")
}

// BenchmarkEventTime measures dating and the hypothetical check for every
// verb of a sentence.
func BenchmarkEventTime(b *testing.B) {
	sents := benchSentences(b)
	art := mustDay(b, "2022-11-20")
	var f Finder
	var exprs []Expr
	b.ReportAllocs()
	b.ResetTimer()
	n := 0
	for b.Loop() {
		s := sents[n%len(sents)]
		exprs = f.Find(s, art, exprs[:0])
		for i := range s.Words {
			if s.Words[i].UPOS == "VERB" {
				_ = EventTime(s, s.Words[i].ID, exprs, art)
				_ = Hypothetical(s, s.Words[i].ID)
			}
		}
		n++
	}
	b.ReportMetric(float64(n)/b.Elapsed().Seconds(), "sentences/s")
}
