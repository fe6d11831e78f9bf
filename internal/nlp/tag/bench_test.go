package tag

import (
	"bytes"
	"strings"
	"testing"
	"time"

	"github.com/eventwire/eventwire/internal/nlp"
	"github.com/eventwire/eventwire/internal/shareddata"
)

// benchSentences returns the EWT dev sentences with their tags cleared, or
// a few plain sentences without the treebank.
func benchSentences(b testing.TB) []*nlp.Sentence {
	var sents []*nlp.Sentence
	if _, ok := shareddata.Find("ud", "en_ewt"); ok {
		for _, s := range readEWT(b, "dev") {
			c := sentence()
			for _, w := range s.Words {
				c.Words = append(c.Words, nlp.Word{ID: w.ID, Form: w.Form, Start: -1, End: -1})
			}
			sents = append(sents, c)
		}
		return sents
	}
	for _, text := range []string{
		"The United Nations said on Tuesday that 40 people were killed in clashes near the border .",
		"Protesters gathered outside parliament in Tbilisi , demanding the resignation of the government .",
		"The court sentenced the former minister to five years in prison for corruption .",
	} {
		sents = append(sents, sentence(strings.Fields(text)...))
	}
	return sents
}

// BenchmarkTag tags sentences with the embedded model and reports words per
// second and the model's size in memory.
func BenchmarkTag(b *testing.B) {
	m := embeddedModel(b)
	sents := benchSentences(b)
	words := 0
	for _, s := range sents {
		words += len(s.Words)
	}
	tg := m.NewTagger()
	b.ReportAllocs()
	b.ResetTimer()
	start, cpu := time.Now(), cpuTime()
	for i := 0; i < b.N; i++ {
		for _, s := range sents {
			tg.Tag(s)
		}
	}
	b.ReportMetric(float64(words*b.N)/time.Since(start).Seconds(), "words/s")
	if c := cpuTime() - cpu; c > 0 {
		// throughput per CPU second, steadier than words/s on a busy machine
		b.ReportMetric(float64(words*b.N)/c.Seconds(), "words/cpu-s")
	}
	b.ReportMetric(float64(m.MemSize())/1e6, "model-MB")
}

// BenchmarkLoad loads the embedded model as Default does (tables in place)
// and as Load reads a file (copied, checksummed and checked).
func BenchmarkLoad(b *testing.B) {
	b.Run("embedded", func(b *testing.B) {
		b.ReportAllocs()
		for i := 0; i < b.N; i++ {
			if _, err := loadString(embedded); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("file", func(b *testing.B) {
		b.ReportAllocs()
		for i := 0; i < b.N; i++ {
			if _, err := Load(bytes.NewReader([]byte(embedded))); err != nil {
				b.Fatal(err)
			}
		}
	})
}
