package tag

import (
	"fmt"
	"slices"
	"testing"
	"time"

	"github.com/eventwire/eventwire/internal/nlp"
	"github.com/eventwire/eventwire/internal/nlp/hugepage"
)

// inPlaceAndHuge returns a tagger on the embedded model's tables in place
// and one on their huge-page copy.
func inPlaceAndHuge(t testing.TB) (inPlace, huge *Tagger) {
	m := embeddedModel(t)
	if m.huge == nil {
		t.Fatal("the embedded model has no huge-page promotion")
	}
	h := m.hugeModel()
	if h == m || h.huge != nil || &h.tagW.slots[0] == &m.tagW.slots[0] || &h.featW.entries[0] == &m.featW.entries[0] {
		t.Fatal("the huge-page model is not a copy")
	}
	return m.NewTagger(), h.NewTagger()
}

// TestHugePagesSameTags tags the EWT dev set (or the benchmark's plain
// sentences) on the tables in place and on their huge-page copy (the
// taggers of a long run move to it after hugepage.After sentences): tags,
// features and lemmas must be the same.
func TestHugePagesSameTags(t *testing.T) {
	sents := benchSentences(t)
	p, h := inPlaceAndHuge(t)
	for i, s := range sents {
		a := nlp.Sentence{Words: slices.Clone(s.Words)}
		b := nlp.Sentence{Words: slices.Clone(s.Words)}
		p.Tag(&a)
		h.Tag(&b)
		if !slices.Equal(a.Words, b.Words) {
			t.Fatalf("sentence %d: tags differ on the huge-page copy", i+1)
		}
	}
	if len(sents) > hugepage.After && p.m != h.m {
		t.Errorf("the in-place tagger did not move to the huge-page copy after %d sentences", p.tagged)
	}
}

// BenchmarkTagHugePages tags the EWT dev set alternately on the tables in
// place and on their huge-page copy and reports each one's words per CPU
// second: interleaved, both see the same load of a shared machine.
func BenchmarkTagHugePages(b *testing.B) {
	sents := benchSentences(b)
	p, h := inPlaceAndHuge(b)
	words := 0
	for _, s := range sents {
		words += len(s.Words)
	}
	var cpu [2]time.Duration
	for i := 0; i < b.N; i++ {
		for k, q := range []*Tagger{p, h} {
			c0 := cpuTime()
			for _, s := range sents {
				q.tagged = 0 // the in-place tagger stays in place
				q.Tag(s)
			}
			cpu[k] += cpuTime() - c0
		}
	}
	if cpu[0] > 0 && cpu[1] > 0 {
		b.ReportMetric(float64(words*b.N)/cpu[0].Seconds(), "in-place-words/cpu-s")
		b.ReportMetric(float64(words*b.N)/cpu[1].Seconds(), "huge-words/cpu-s")
	}
}

// TestHugePagesConcurrent has taggers of several goroutines move to the
// huge-page copy at the same time (run with -race) and checks their tags.
func TestHugePagesConcurrent(t *testing.T) {
	m := embeddedModel(t)
	words := sentence("Rebels", "attacked", "the", "town", "on", "Monday", ".").Words
	want := nlp.Sentence{Words: slices.Clone(words)}
	m.NewTagger().Tag(&want)
	done := make(chan error, 4)
	for range 4 {
		go func() {
			tg := m.NewTagger()
			for i := 0; i <= hugepage.After; i++ {
				s := nlp.Sentence{Words: slices.Clone(words)}
				tg.Tag(&s)
				if !slices.Equal(s.Words, want.Words) {
					done <- fmt.Errorf("sentence %d: tags differ", i+1)
					return
				}
			}
			if tg.m.huge != nil {
				done <- fmt.Errorf("the tagger did not move to the huge-page copy")
				return
			}
			done <- nil
		}()
	}
	for range 4 {
		if err := <-done; err != nil {
			t.Error(err)
		}
	}
}
