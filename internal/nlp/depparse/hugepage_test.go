package depparse

import (
	"fmt"
	"runtime"
	"slices"
	"testing"
	"time"

	"github.com/eventwire/eventwire/internal/nlp"
	"github.com/eventwire/eventwire/internal/nlp/hugepage"
)

// inPlaceAndHuge returns a parser on the embedded model's tables in place
// and one on their huge-page copy.
func inPlaceAndHuge(t testing.TB) (inPlace, huge *Parser) {
	m, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	if m.huge == nil {
		t.Fatal("the embedded model has no huge-page promotion")
	}
	h := m.hugeModel()
	if h == m || h.huge != nil || &h.trans[0] == &m.trans[0] {
		t.Fatal("the huge-page model is not a copy")
	}
	return m.NewParser(), h.NewParser()
}

// TestHugePagesSameParses parses the EWT dev set on the tables in place and
// on their huge-page copy (the parsers of a long run move to it after
// hugepage.After sentences): heads and labels must be the same.
func TestHugePagesSameParses(t *testing.T) {
	dev := readEWT(t, "dev")
	p, h := inPlaceAndHuge(t)
	for i, s := range dev {
		a := nlp.Sentence{Words: slices.Clone(s.Words)}
		b := nlp.Sentence{Words: slices.Clone(s.Words)}
		p.Parse(&a)
		h.Parse(&b)
		if !slices.Equal(a.Words, b.Words) {
			t.Fatalf("sentence %d: parses differ on the huge-page copy", i+1)
		}
	}
	if len(dev) > hugepage.After && p.m != h.m {
		t.Errorf("the in-place parser did not move to the huge-page copy after %d sentences", p.parsed)
	}
}

// BenchmarkParseHugePages parses the EWT dev set alternately on the tables
// in place and on their huge-page copy, in one thread, and reports each
// one's words per second of thread CPU time: interleaved, both see the
// same load of a shared machine.
func BenchmarkParseHugePages(b *testing.B) {
	dev := readEWT(b, "dev")
	p, h := inPlaceAndHuge(b)
	sents := make([]nlp.Sentence, len(dev))
	words := 0
	for i, s := range dev {
		sents[i].Words = slices.Clone(s.Words)
		words += len(s.Words)
	}
	runtime.LockOSThread()
	defer runtime.UnlockOSThread()
	var cpu [2]time.Duration
	for i := 0; i < b.N; i++ {
		for k, q := range []*Parser{p, h} {
			c0 := threadCPU()
			for j := range sents {
				q.parsed = 0 // the in-place parser stays in place
				q.Parse(&sents[j])
			}
			cpu[k] += threadCPU() - c0
		}
	}
	if cpu[0] > 0 && cpu[1] > 0 {
		b.ReportMetric(float64(words*b.N)/cpu[0].Seconds(), "in-place-words/CPU-s")
		b.ReportMetric(float64(words*b.N)/cpu[1].Seconds(), "huge-words/CPU-s")
	}
}

// TestHugePagesConcurrent has parsers of several goroutines move to the
// huge-page copy at the same time (run with -race) and checks their parses.
func TestHugePagesConcurrent(t *testing.T) {
	m, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	words := []nlp.Word{
		{ID: 1, Form: "Rebels", Lemma: "rebel", UPOS: "NOUN", XPOS: "NNS"},
		{ID: 2, Form: "attacked", Lemma: "attack", UPOS: "VERB", XPOS: "VBD"},
		{ID: 3, Form: "the", Lemma: "the", UPOS: "DET", XPOS: "DT"},
		{ID: 4, Form: "town", Lemma: "town", UPOS: "NOUN", XPOS: "NN"},
		{ID: 5, Form: ".", Lemma: ".", UPOS: "PUNCT", XPOS: "."},
	}
	want := nlp.Sentence{Words: slices.Clone(words)}
	m.NewParser().Parse(&want)
	done := make(chan error, 4)
	for range 4 {
		go func() {
			p := m.NewParser()
			for i := 0; i <= hugepage.After; i++ {
				s := nlp.Sentence{Words: slices.Clone(words)}
				p.Parse(&s)
				if !slices.Equal(s.Words, want.Words) {
					done <- fmt.Errorf("sentence %d: parse differs", i+1)
					return
				}
			}
			if p.m.huge != nil {
				done <- fmt.Errorf("the parser did not move to the huge-page copy")
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
