package gkg

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/eventwire/eventwire/internal/analyze"
	"github.com/eventwire/eventwire/internal/ingest"
	"github.com/eventwire/eventwire/internal/shareddata"
)

// benchDocuments returns the seed article and the GigaWord sample
// sentences grouped into articles by their story id.
func benchDocuments(b *testing.B) []ingest.Document {
	docs := []ingest.Document{readSeed(b)}
	data, err := os.ReadFile(filepath.Join(shareddata.Dir(b), "petrarch", "text", "GigaWord.sample.PETR_parsed.xml"))
	if err != nil {
		shareddata.Skip(b, "GigaWord sample: %v", err)
	}
	byStory := map[string]int{}
	for _, chunk := range strings.Split(string(data), "<Sentence ")[1:] {
		_, rest, ok := strings.Cut(chunk, `id="`)
		if !ok {
			continue
		}
		id, rest, _ := strings.Cut(rest, `"`)
		_, rest, ok = strings.Cut(rest, "<Text>")
		text, _, ok2 := strings.Cut(rest, "</Text>")
		if !ok || !ok2 {
			continue
		}
		story, _, _ := strings.Cut(id, "_")
		text = strings.Join(strings.Fields(text), " ")
		i, seen := byStory[story]
		if !seen {
			i = len(docs)
			byStory[story] = i
			docs = append(docs, ingest.Document{ID: story, Date: testDate})
		}
		docs[i].Text += text + "\n\n"
	}
	return docs
}

func benchWords(rs []analyze.Result) int {
	n := 0
	for _, r := range rs {
		for _, s := range r.Parsed.Sentences {
			n += len(s.Words)
		}
	}
	return n
}

// BenchmarkCode is `eventwire code` per document: pipeline, coder, dates
// and places.
func BenchmarkCode(b *testing.B) {
	docs := benchDocuments(b)
	an, _ := setup(b)
	w := an.NewWorker()
	b.ResetTimer()
	for b.Loop() {
		for _, d := range docs {
			w.Analyze(d)
		}
	}
}

// BenchmarkCodeGKG is BenchmarkCode followed by knowledge extraction. The
// metric gkg-% is the time spent in Extract as a percentage of the time
// spent in Analyze, measured document by document so that a shared
// machine's changing load affects both alike.
func BenchmarkCodeGKG(b *testing.B) {
	docs := benchDocuments(b)
	an, x := setup(b)
	w := an.NewWorker()
	sc := x.NewScratch()
	var code, know time.Duration
	b.ResetTimer()
	for b.Loop() {
		for _, d := range docs {
			t0 := time.Now()
			res := w.Analyze(d)
			t1 := time.Now()
			x.Extract(sc, Article{DocID: d.ID, Date: d.Date, Doc: &res.Parsed, Events: res.Events})
			code += t1.Sub(t0)
			know += time.Since(t1)
		}
	}
	b.ReportMetric(100*know.Seconds()/code.Seconds(), "gkg-%")
}

// BenchmarkExtract is knowledge extraction alone on analyzed documents.
func BenchmarkExtract(b *testing.B) {
	docs := benchDocuments(b)
	an, x := setup(b)
	w := an.NewWorker()
	var rs []analyze.Result
	for _, d := range docs {
		rs = append(rs, w.Analyze(d))
	}
	sc := x.NewScratch()
	b.ResetTimer()
	for b.Loop() {
		for _, r := range rs {
			x.Extract(sc, Article{DocID: r.Doc.ID, Date: r.Doc.Date, Doc: &r.Parsed, Events: r.Events})
		}
	}
	b.ReportMetric(float64(benchWords(rs))*float64(b.N)/b.Elapsed().Seconds(), "words/s")
}
