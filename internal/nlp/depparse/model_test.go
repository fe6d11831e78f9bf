package depparse

import (
	"bytes"
	"compress/gzip"
	"encoding/binary"
	"flag"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"unsafe"

	"github.com/eventwire/eventwire/internal/nlp"
)

var update = flag.Bool("update", false, "rewrite the fuzz seed model in testdata")

// tiny is a hand-made treebank: form/UPOS/XPOS/head/label per word.
var tiny = []string{
	"The/DET/DT/2/det cat/NOUN/NN/3/nsubj sat/VERB/VBD/0/root on/ADP/IN/6/case the/DET/DT/6/det mat/NOUN/NN/3/obl ./PUNCT/./3/punct",
	"Rebels/NOUN/NNS/2/nsubj attacked/VERB/VBD/0/root the/DET/DT/4/det town/NOUN/NN/2/obj ./PUNCT/./2/punct",
	"The/DET/DT/2/det minister/NOUN/NN/3/nsubj said/VERB/VBD/0/root talks/NOUN/NNS/5/nsubj failed/VERB/VBD/3/ccomp ./PUNCT/./3/punct",
	"Police/NOUN/NNS/2/nsubj arrested/VERB/VBD/0/root two/NUM/CD/4/nummod men/NOUN/NNS/2/obj in/ADP/IN/6/case Paris/PROPN/NNP/2/obl ./PUNCT/./2/punct",
	"Iran/PROPN/NNP/2/nsubj rejected/VERB/VBD/0/root the/DET/DT/4/det offer/NOUN/NN/2/obj and/CCONJ/CC/6/cc recalled/VERB/VBD/2/conj its/PRON/PRP$/8/nmod:poss envoy/NOUN/NN/6/obj ./PUNCT/./2/punct",
}

func tinyTreebank(t testing.TB) []*nlp.Sentence {
	var out []*nlp.Sentence
	for i, line := range tiny {
		s := &nlp.Sentence{ID: fmt.Sprint("tiny-", i+1)}
		for j, tok := range strings.Fields(line) {
			f := strings.Split(tok, "/")
			if len(f) != 5 {
				t.Fatalf("tiny %d: bad token %q", i, tok)
			}
			var h int
			fmt.Sscan(f[3], &h)
			s.Words = append(s.Words, nlp.Word{ID: j + 1, Form: f[0], Lemma: strings.ToLower(f[0]), UPOS: f[1], XPOS: f[2], Head: h, Deprel: f[4]})
		}
		out = append(out, s)
	}
	return out
}

func trainTiny(t testing.TB) *Model {
	m, err := Train(tinyTreebank(t), TrainOptions{Epochs: 10, TagNoise: 0.1})
	if err != nil {
		t.Fatal(err)
	}
	return m
}

func save(t testing.TB, m *Model) []byte {
	var buf bytes.Buffer
	if err := m.Save(&buf); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func TestTrainTinyLearnsItsData(t *testing.T) {
	gold := tinyTreebank(t)
	m := trainTiny(t)
	sc := Evaluate(m, gold)
	if sc.LAS() != 100 {
		t.Errorf("LAS on the training sentences = %.1f, want 100", sc.LAS())
	}
}

func TestSaveLoadRoundTrip(t *testing.T) {
	m := trainTiny(t)
	data := save(t, m)
	m2, err := Load(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(save(t, m2), data) {
		t.Error("saving a loaded model gives different bytes")
	}
	p1, p2 := m.NewParser(), m2.NewParser()
	for _, g := range tinyTreebank(t) {
		a, b := *g, *g
		a.Words = append([]nlp.Word(nil), g.Words...)
		b.Words = append([]nlp.Word(nil), g.Words...)
		for i := range a.Words {
			a.Words[i].Head, a.Words[i].Deprel = -1, ""
			b.Words[i].Head, b.Words[i].Deprel = -1, ""
		}
		p1.Parse(&a)
		p2.Parse(&b)
		for i := range a.Words {
			if a.Words[i].Head != b.Words[i].Head || a.Words[i].Deprel != b.Words[i].Deprel {
				t.Errorf("%s word %d: %d/%s before saving, %d/%s after", g.ID, i+1,
					a.Words[i].Head, a.Words[i].Deprel, b.Words[i].Head, b.Words[i].Deprel)
			}
		}
	}
	if m2.Features() != m.Features() || m2.Weights() != m.Weights() {
		t.Errorf("loaded %d features %d weights, saved %d %d", m2.Features(), m2.Weights(), m.Features(), m.Weights())
	}
}

func TestLoadRejectsDamagedInput(t *testing.T) {
	data := save(t, trainTiny(t))
	cases := map[string][]byte{
		"empty":         nil,
		"bad header":    append([]byte("eventwire-tagger-v1\n"), data[len(magic):]...),
		"header only":   []byte(magic),
		"not gzip":      append([]byte(magic), "hello world, this is not a compressed stream"...),
		"trailing gzip": append(append([]byte(nil), data...), data[len(magic):]...),
	}
	for _, cut := range []int{len(magic) + 5, len(data) / 3, len(data) / 2, len(data) - 9, len(data) - 1} {
		cases[fmt.Sprint("truncated at ", cut)] = data[:cut]
	}
	for _, at := range []int{len(magic) + 12, len(data) / 2, len(data) - 6} {
		c := append([]byte(nil), data...)
		c[at] ^= 0x5a
		cases[fmt.Sprint("flipped byte ", at)] = c
	}
	for name, in := range cases {
		t.Run(name, func(t *testing.T) {
			m, err := Load(bytes.NewReader(in))
			if name == "trailing gzip" {
				// gzip readers accept concatenated members; the second member
				// makes the payload longer than the model, which must fail.
				if err == nil {
					t.Errorf("Load accepted a model followed by another: %d features", m.Features())
				}
				return
			}
			if err == nil {
				t.Fatalf("Load accepted damaged input")
			}
			if !strings.Contains(err.Error(), "parser model") {
				t.Errorf("error %q does not say what was being read", err)
			}
		})
	}
}

func TestTrainRejectsUnusableInput(t *testing.T) {
	if _, err := Train(nil, TrainOptions{Epochs: 1}); err == nil {
		t.Error("Train accepted no sentences")
	}
	s := tinyTreebank(t)[0]
	for i := range s.Words {
		s.Words[i].Deprel = "dep" // no root label at all
	}
	if _, err := Train([]*nlp.Sentence{s}, TrainOptions{Epochs: 1}); err == nil {
		t.Error("Train accepted a treebank without root labels")
	}
}

func TestParseEdgeCases(t *testing.T) {
	m := trainTiny(t)
	p := m.NewParser()
	var empty nlp.Sentence
	p.Parse(&empty)
	for _, forms := range [][]string{{"Hello"}, {"", "\x00", "ÿ"}, strings.Fields(strings.Repeat("word ", 300))} {
		s := &nlp.Sentence{}
		for i, f := range forms {
			s.Words = append(s.Words, nlp.Word{ID: i + 1, Form: f})
		}
		p.Parse(s)
		roots := 0
		head := make([]int32, len(s.Words)+1)
		for i, w := range s.Words {
			if w.Head < 0 || w.Head > len(s.Words) || w.Head == i+1 || w.Deprel == "" {
				t.Fatalf("%d words: word %d has head %d label %q", len(forms), i+1, w.Head, w.Deprel)
			}
			if w.Head == 0 {
				roots++
				if w.Deprel != "root" {
					t.Errorf("root word labelled %q", w.Deprel)
				}
			}
			head[i+1] = int32(w.Head)
		}
		if roots != 1 || !acyclic(head) {
			t.Errorf("%d words: not a single-rooted tree: %v", len(forms), head)
		}
	}
}

// TestFuzzSeedModel keeps the fuzz seed (a real, tiny model) in step with
// the format; run with -update to rewrite it.
func TestFuzzSeedModel(t *testing.T) {
	data := save(t, trainTiny(t))
	path := filepath.Join("testdata", "fuzz", "FuzzLoad", "tiny-model")
	enc := fmt.Sprintf("go test fuzz v1\n[]byte(%q)\n", data)
	if *update {
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(enc), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	got, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -run TestFuzzSeedModel -update)", err)
	}
	if string(got) != enc {
		t.Errorf("%s is stale: run go test -run TestFuzzSeedModel -update", path)
	}
}

func FuzzLoad(f *testing.F) {
	f.Add([]byte(magic))
	f.Fuzz(func(t *testing.T, data []byte) {
		m, err := Load(bytes.NewReader(data))
		if err != nil {
			if m != nil {
				t.Error("Load returned a model with an error")
			}
			return
		}
		// A model that loads must parse without trouble.
		s := &nlp.Sentence{Words: []nlp.Word{{ID: 1, Form: "Rebels", UPOS: "NOUN", XPOS: "NNS"}, {ID: 2, Form: "attacked", UPOS: "VERB", XPOS: "VBD"}}}
		m.NewParser().Parse(s)
	})
}

// TestConcurrentParsers parses with several parsers sharing one model (run
// with -race) and checks they agree with a single parser.
func TestConcurrentParsers(t *testing.T) {
	m := trainTiny(t)
	want := map[string]string{}
	p := m.NewParser()
	for _, s := range tinyTreebank(t) {
		p.Parse(s)
		want[s.ID] = fmt.Sprint(s.Words)
	}
	var wg sync.WaitGroup
	errs := make(chan string, 4)
	for g := 0; g < 4; g++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			p := m.NewParser()
			for r := 0; r < 20; r++ {
				for _, s := range tinyTreebank(t) {
					p.Parse(s)
					if got := fmt.Sprint(s.Words); got != want[s.ID] {
						errs <- s.ID
						return
					}
				}
			}
		}()
	}
	wg.Wait()
	close(errs)
	for id := range errs {
		t.Errorf("%s parsed differently in a goroutine", id)
	}
}

// TestEmbeddedModel checks the embedded model as Load checks a file (the
// checksum and the tables), which Default skips, and that Default uses its
// tables in place.
func TestEmbeddedModel(t *testing.T) {
	if _, err := load(aligned([]byte(embedded)), true); err != nil {
		t.Fatalf("embedded model: %v", err)
	}
	m, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	if !littleEndian {
		t.Skip("big-endian machine: the tables are decoded, not used in place")
	}
	lo := uintptr(unsafe.Pointer(unsafe.StringData(embedded)))
	hi := lo + uintptr(len(embedded))
	if p := uintptr(unsafe.Pointer(&m.trans[0])); p < lo || p >= hi {
		t.Errorf("the tables of the embedded model were copied (at %#x, model at %#x-%#x)", p, lo, hi)
	}
}

// TestLoadVersion1 loads a model in the previous format, which Save no
// longer writes, and checks it parses as the model saved again does.
func TestLoadVersion1(t *testing.T) {
	m := trainTiny(t)
	var v1 bytes.Buffer
	v1.WriteString(magic1)
	zw := gzip.NewWriter(&v1)
	var p []byte
	p = binary.AppendUvarint(p, uint64(len(m.labels)))
	for _, l := range m.labels {
		p = binary.AppendUvarint(p, uint64(len(l)))
		p = append(p, l...)
	}
	p = binary.LittleEndian.AppendUint32(p, math.Float32bits(m.scale))
	p = binary.AppendUvarint(p, 1)
	p = binary.AppendUvarint(p, 42) // key
	p = binary.AppendUvarint(p, 2)  // weights
	p = append(p, 0)
	p = binary.AppendVarint(p, 7)
	p = append(p, 3)
	p = binary.AppendVarint(p, -5)
	zw.Write(p)
	zw.Close()
	got, err := Load(&v1)
	if err != nil {
		t.Fatal(err)
	}
	if got.Features() != 1 || got.Weights() != 2 || len(got.Labels()) != len(m.labels) {
		t.Errorf("version 1 model: %d features, %d weights, %d labels", got.Features(), got.Weights(), len(got.Labels()))
	}
	// stored key 42
	if j := got.findTrans(41 << (64 - keyBits)); j < 0 || got.trans[j].w != [nOps]int16{7, 0, 0} {
		t.Errorf("version 1 model: transition weights of key 42 not found")
	}
	again, err := Load(bytes.NewReader(save(t, got)))
	if err != nil || again.Features() != 1 || again.Weights() != 2 {
		t.Fatalf("version 1 model saved again: %v", err)
	}
}
