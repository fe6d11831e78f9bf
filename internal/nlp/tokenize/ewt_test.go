package tokenize

import (
	"path/filepath"
	"testing"

	"github.com/eventwire/eventwire/internal/nlp/udeval"
	"github.com/eventwire/eventwire/internal/shareddata"
)

// TestEWTDevFloor checks tokenization and sentence splitting of the raw EWT
// dev text, scored as the CoNLL 2018 shared task does, against floors a
// little under the current figures (tokens 99.5, sentences 89.8, words 99.1).
func TestEWTDevFloor(t *testing.T) {
	shared := shareddata.Dir(t)
	path := filepath.Join(shared, "ud", "en_ewt", "en_ewt-ud-dev.conllu")
	gold, err := udeval.ReadFile(path)
	if err != nil {
		shareddata.Skip(t, "EWT dev set not readable: %v", err)
	}
	text, _ := udeval.RawText(gold)
	r, err := udeval.Raw(gold, New().Tokenize(text))
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("EWT dev: tokens F1 %.2f, sentences F1 %.2f, words F1 %.2f",
		100*r.Tokens.F1(), 100*r.Sentences.F1(), 100*r.Words.F1())
	for _, c := range []struct {
		what       string
		got, floor float64
	}{
		{"tokens", r.Tokens.F1(), 0.99}, {"sentences", r.Sentences.F1(), 0.87}, {"words", r.Words.F1(), 0.985},
	} {
		if c.got < c.floor {
			t.Errorf("%s F1 %.2f below the floor %.2f", c.what, 100*c.got, 100*c.floor)
		}
	}
}

// TestModelLoads checks that the embedded sentence model decodes, so the
// rule fallback is never used silently.
func TestModelLoads(t *testing.T) {
	if err := ModelError(); err != nil {
		t.Fatal(err)
	}
	if defaultModel().n == 0 {
		t.Fatal("embedded sentence model has no weights")
	}
}

func TestDecodeModelErrors(t *testing.T) {
	for _, b := range [][]byte{nil, []byte("junk"), []byte(modelMagic + "\x02\x00\x00\x00short")} {
		if _, err := decodeModel(b); err == nil {
			t.Errorf("decodeModel(%q): no error", b)
		}
	}
	m, err := decodeModel(encodeModel(map[uint64]float32{7: 1.5, 3: -2, 0: 0.25}))
	if err != nil || m.weight(7) != 1.5 || m.weight(3) != -2 || m.weight(0) != 0.25 || m.weight(11) != 0 || m.n != 3 {
		t.Errorf("round trip: %v %v", m, err)
	}
}

// TestModelTable checks the weight table against a map: many keys, keys set
// twice (the later weight wins), key 0, absent keys.
func TestModelTable(t *testing.T) {
	want := map[uint64]float32{}
	m := newModel(3000)
	x := uint64(88172645463325252)
	for i := 0; i < 3000; i++ {
		x ^= x << 13
		x ^= x >> 7
		x ^= x << 17
		k := x % 5000 // repeats
		if i%500 == 0 {
			k = 0
		}
		w := float32(i) / 7
		want[k] = w
		m.set(k, w)
	}
	if m.n != len(want) {
		t.Errorf("%d weights, want %d", m.n, len(want))
	}
	for k := uint64(0); k < 6000; k++ {
		if got := m.weight(k); got != want[k] {
			t.Fatalf("weight(%d) = %v, want %v", k, got, want[k])
		}
	}
}
