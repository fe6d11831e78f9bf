package pipeline

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/eventwire/eventwire/internal/nlp/udeval"
	"github.com/eventwire/eventwire/internal/shareddata"
)

// BenchmarkProcessEWTTest runs the whole pipeline (tokenize, tag, parse) over
// the raw text of the UD English EWT test set on one goroutine and reports
// words per second; run with -cpu=1 for the one-core figure:
//
//	go test -run '^$' -bench ProcessEWTTest -benchmem -cpu=1 ./internal/nlp/pipeline
//
// With -cpu=1 the words/cpu-s metric is the one-core throughput even when
// other processes share the machine.
func BenchmarkProcessEWTTest(b *testing.B) {
	path := filepath.Join(shareddata.Dir(b, "ud", "en_ewt"), "en_ewt-ud-test.conllu")
	gold, err := udeval.ReadFile(path)
	if err != nil {
		b.Fatal(err)
	}
	text, _ := udeval.RawText(gold)
	docs := strings.Split(text, "\n\n") // paragraphs, as a news feed would hand them over
	p, err := Default()
	if err != nil {
		b.Fatal(err)
	}
	w := p.NewWorker()
	words := 0
	for _, d := range docs {
		for _, s := range w.Process(d) {
			words += len(s.Words)
		}
	}
	b.ResetTimer()
	cpu0 := cpuSeconds()
	for i := 0; i < b.N; i++ {
		for _, d := range docs {
			w.Process(d)
		}
	}
	cpu := cpuSeconds() - cpu0
	b.ReportMetric(float64(words*b.N)/b.Elapsed().Seconds(), "words/s")
	if cpu > 0 {
		// CPU time of the whole process (GC included): on a loaded machine
		// wall-clock words/s understates what one core does.
		b.ReportMetric(float64(words*b.N)/cpu, "words/cpu-s")
	}
	b.ReportMetric(float64(words), "words/op")
}
