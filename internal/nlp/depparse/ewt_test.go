package depparse

import (
	"bytes"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"testing"

	"github.com/eventwire/eventwire/internal/nlp"
	"github.com/eventwire/eventwire/internal/nlp/tag"
	"github.com/eventwire/eventwire/internal/shareddata"
)

func readEWT(t testing.TB, part string) []*nlp.Sentence {
	sents, err := ReadTreebank(filepath.Join(shareddata.Dir(t, "ud", "en_ewt"), "en_ewt-ud-"+part+".conllu"))
	if err != nil {
		t.Fatal(err)
	}
	return sents
}

// TestDevAccuracy holds the accuracy floors of the embedded model on the EWT
// dev set with gold tokenization, with the shipped tagger's tags (as the
// pipeline runs) and with the treebank's gold tags.
func TestDevAccuracy(t *testing.T) {
	gold := readEWT(t, "dev")
	m, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	tm, err := tag.Default()
	if err != nil {
		t.Fatal(err)
	}
	tg := tm.NewTagger()
	predicted := make([]*nlp.Sentence, len(gold))
	for i, g := range gold {
		s := *g
		s.Words = slices.Clone(g.Words)
		tg.Tag(&s)
		predicted[i] = &s
	}
	for _, tc := range []struct {
		name     string
		sents    []*nlp.Sentence
		uas, las float64
	}{
		{"tagger's tags", predicted, 84, 80.5},
		{"gold tags", gold, 87, 85},
	} {
		p := m.NewParser()
		var sc Score
		var cp nlp.Sentence
		for i, s := range tc.sents {
			cp.Words = append(cp.Words[:0], s.Words...)
			p.Parse(&cp)
			sc.Add(gold[i], &cp)
		}
		t.Logf("dev, %s: %d words, UAS %.2f, LAS %.2f, LAS (universal labels) %.2f", tc.name, sc.Words, sc.UAS(), sc.LAS(), sc.ULAS())
		if sc.Words != 25147 {
			t.Errorf("dev has %d words, want 25,147", sc.Words)
		}
		if sc.UAS() < tc.uas || sc.LAS() < tc.las {
			t.Errorf("dev, %s: UAS %.2f LAS %.2f below the floor %.1f / %.1f", tc.name, sc.UAS(), sc.LAS(), tc.uas, tc.las)
		}
	}
}

// TestTrainingIsDeterministic trains twice on a slice of EWT and compares
// the saved models byte for byte.
func TestTrainingIsDeterministic(t *testing.T) {
	train := readEWT(t, "train")[:300]
	opt := TrainOptions{Epochs: 2, TagNoise: 0.05}
	var out [2][]byte
	for i := range out {
		m, err := Train(train, opt)
		if err != nil {
			t.Fatal(err)
		}
		out[i] = save(t, m)
	}
	if !bytes.Equal(out[0], out[1]) {
		t.Error("two training runs gave different models")
	}
	m, err := Train(train, TrainOptions{Epochs: 2, TagNoise: 0.05, Seed: 7})
	if err != nil {
		t.Fatal(err)
	}
	if bytes.Equal(save(t, m), out[0]) {
		t.Error("a different seed gave the same model: the seed is not used")
	}
}

func TestDefaultIsShared(t *testing.T) {
	m1, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	m2, _ := Default()
	if m1 != m2 {
		t.Error("Default decoded the model twice")
	}
	if len(m1.Labels()) < 30 {
		t.Errorf("embedded model has %d labels", len(m1.Labels()))
	}
}

// BenchmarkParse parses the EWT dev set (treebank tags) with the embedded
// model and reports words per second of wall time and of the thread's CPU
// time (the latter is what a shared machine does not disturb); allocs/op
// must be 0.
func BenchmarkParse(b *testing.B) {
	dev := readEWT(b, "dev")
	m, err := Default()
	if err != nil {
		b.Fatal(err)
	}
	p := m.NewParser()
	words := 0
	sents := make([]nlp.Sentence, len(dev))
	for i, s := range dev {
		sents[i].Words = append([]nlp.Word(nil), s.Words...)
		words += len(s.Words)
	}
	for i := range sents { // warm the scratch buffers up
		p.Parse(&sents[i])
	}
	runtime.LockOSThread()
	defer runtime.UnlockOSThread()
	b.ReportAllocs()
	b.ResetTimer()
	cpu0 := threadCPU()
	for i := 0; i < b.N; i++ {
		p.Parse(&sents[i%len(sents)])
	}
	cpu := threadCPU() - cpu0
	b.StopTimer()
	perSent := float64(words) / float64(len(sents))
	b.ReportMetric(perSent*float64(b.N)/b.Elapsed().Seconds(), "words/s")
	if cpu > 0 {
		b.ReportMetric(perSent*float64(b.N)/cpu.Seconds(), "words/CPU-s")
	}
}

// BenchmarkLoad decodes the embedded model and reports its size in memory.
func BenchmarkLoad(b *testing.B) {
	var m *Model
	for i := 0; i < b.N; i++ {
		var err error
		if m, err = Load(strings.NewReader(embedded)); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(m.MemSize())/(1<<20), "model-MB")
}
