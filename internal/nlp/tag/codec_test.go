package tag

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"encoding/binary"
	"strings"
	"testing"
	"unsafe"

	"github.com/eventwire/eventwire/internal/nlp"
)

// tinyTreebank is a hand-made training set for tests that must run without
// the shared treebank.
func tinyTreebank() []*nlp.Sentence {
	rows := []string{
		"The/DET/DT/the/Definite=Def|PronType=Art dogs/NOUN/NNS/dog/Number=Plur barked/VERB/VBD/bark/Mood=Ind|Tense=Past|VerbForm=Fin ./PUNCT/./.",
		"A/DET/DT/a/Definite=Ind|PronType=Art cat/NOUN/NN/cat/Number=Sing sleeps/VERB/VBZ/sleep/Mood=Ind|Number=Sing|Person=3|Tense=Pres|VerbForm=Fin ./PUNCT/./.",
		"Paris/PROPN/NNP/Paris/Number=Sing was/AUX/VBD/be/Mood=Ind|Number=Sing|Person=3|Tense=Past|VerbForm=Fin quiet/ADJ/JJ/quiet/Degree=Pos ./PUNCT/./.",
		"They/PRON/PRP/they/Case=Nom|Number=Plur|Person=3|PronType=Prs studied/VERB/VBD/study/Mood=Ind|Tense=Past|VerbForm=Fin the/DET/DT/the/Definite=Def|PronType=Art cities/NOUN/NNS/city/Number=Plur",
	}
	var out []*nlp.Sentence
	for _, r := range rows {
		s := &nlp.Sentence{}
		for i, tok := range strings.Fields(r) {
			f := strings.Split(tok, "/")
			w := nlp.Word{ID: i + 1, Form: f[0], UPOS: f[1], XPOS: f[2], Lemma: f[3], Start: -1, End: -1}
			if len(f) > 4 {
				w.Feats = f[4]
			}
			s.Words = append(s.Words, w)
		}
		out = append(out, s)
	}
	return out
}

func tinyModelBytes(t testing.TB) []byte {
	return trainBytes(t, tinyTreebank(), 2)
}

// seedModelBytes is a model of two sentences, small enough for the fuzzers
// to mutate and minimise quickly.
func seedModelBytes(t testing.TB) []byte {
	return trainBytes(t, tinyTreebank()[1:3], 1)
}

func trainBytes(t testing.TB, sents []*nlp.Sentence, epochs int) []byte {
	m, err := Train(sents, TrainOptions{Epochs: epochs, Epochs2: epochs, FeatsEpochs: epochs})
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := m.Save(&buf); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func TestTinyModelRoundTrip(t *testing.T) {
	data := tinyModelBytes(t)
	m, err := Load(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	sc := Evaluate(m, tinyTreebank())
	if sc.Words != 16 || sc.UPOS < 14 || sc.Lemma < 14 {
		t.Errorf("tiny model on its training data: %s", sc)
	}
	var again bytes.Buffer
	if err := m.Save(&again); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(data, again.Bytes()) {
		t.Error("Save(Load(model)) differs from the model")
	}
}

// gzipBody returns a version 5 model file with the given decompressed body.
func gzipBody(body []byte) []byte {
	var buf bytes.Buffer
	buf.WriteString(magic5)
	zw := gzip.NewWriter(&buf)
	zw.Write(body)
	zw.Close()
	return buf.Bytes()
}

// varints encodes values as a model body.
func varints(vs ...uint64) []byte {
	var b []byte
	for _, v := range vs {
		b = binary.AppendUvarint(b, v)
	}
	return b
}

func TestLoadErrors(t *testing.T) {
	good := tinyModelBytes(t)
	tests := []struct {
		name string
		data []byte
		want string
	}{
		{"empty", nil, "bad magic"},
		{"other file", []byte("PK\x03\x04 not a model at all"), "bad magic"},
		{"magic only", []byte(magic5), "decompressing"},
		{"not gzip", append([]byte(magic5), "hello world, this is text"...), "decompressing"},
		{"empty body", gzipBody(nil), "unexpected EOF"},
		{"too many classes", gzipBody(varints(1 << 20)), "classes"},
		{"no feats", gzipBody(varints(0, 0)), "no UFeats values"},
		{"trailing data", gzipBody(append(bodyOf(t, good), 0)), "after the end marker"},
		{"v6 magic only", []byte(magic), "body length"},
		{"v6 long body", append([]byte(magic), 0xff, 0xff, 0, 0, 1), "body of 65535 bytes"},
		{"v6 trailing data", append(append([]byte(nil), good...), 0), "data after the end marker"},
	}
	// a candidate index beyond the UFeats values
	body := varints(1, 1)
	body = append(body, 'A')
	body = append(body, varints(1)...)
	body = append(body, 'B')
	body = append(body, varints(1, 0)...) // one UFeats value ""
	body = append(body, varints(1, 7)...) // class 0: one candidate, 7
	tests = append(tests, struct {
		name string
		data []byte
		want string
	}{"bad candidate", gzipBody(body), "UFeats candidate 7 out of range"})
	for _, tc := range tests {
		_, err := Load(bytes.NewReader(tc.data))
		if err == nil {
			t.Errorf("%s: no error", tc.name)
			continue
		}
		if !strings.Contains(err.Error(), tc.want) || !strings.HasPrefix(err.Error(), "reading tag model: ") {
			t.Errorf("%s: error %q, want one mentioning %q", tc.name, err, tc.want)
		}
	}
	// every truncation of a good model is an error
	for n := 0; n < len(good); n += 1 + n/50 {
		if _, err := Load(bytes.NewReader(good[:n])); err == nil {
			t.Errorf("model truncated to %d of %d bytes loaded without error", n, len(good))
		}
	}
	// corrupt bytes after the body length and the gzip header (10 bytes, with a time stamp and
	// OS byte that need not be checked): an error, never a panic. The last
	// 13 bytes (an empty final deflate block, which a flipped bit can turn
	// into another empty block, and the trailer) are only required not to
	// panic.
	for i := len(magic) + 4 + 10; i < len(good); i += 7 {
		bad := append([]byte(nil), good...)
		bad[i] ^= 0x5a
		if _, err := Load(bytes.NewReader(bad)); err == nil && i < len(good)-13 {
			t.Errorf("model with byte %d of %d corrupted loaded without error", i, len(good))
		}
	}
}

// bodyOf returns the decompressed body of the version 5 file of a model
// file (the perceptrons inside).
func bodyOf(t testing.TB, data []byte) []byte {
	m, err := Load(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	e := &encoder{w: bufio.NewWriter(&buf)}
	m.encodeBody(e, 5)
	if e.err == nil {
		e.err = e.w.Flush()
	}
	if e.err != nil {
		t.Fatal(e.err)
	}
	return buf.Bytes()
}

// FuzzLoad loads arbitrary files: an error or a model, never a panic, and a
// model that loads also tags.
func FuzzLoad(f *testing.F) {
	good := seedModelBytes(f)
	f.Add(good)
	f.Add(good[:len(good)/2])
	f.Add([]byte(magic))
	f.Fuzz(func(t *testing.T, data []byte) {
		m, err := Load(bytes.NewReader(data))
		if err != nil {
			return
		}
		m.NewTagger().Tag(sentence("The", "dogs", "barked"))
	})
}

// FuzzLoadBody decodes arbitrary decompressed model bodies, which reach the
// decoder past the gzip checksum.
func FuzzLoadBody(f *testing.F) {
	body := bodyOf(f, seedModelBytes(f))
	f.Add(body)
	f.Add(body[:len(body)/3])
	f.Add(varints(1, 1))
	f.Fuzz(func(t *testing.T, body []byte) {
		m, err := decodeBody(bufio.NewReader(bytes.NewReader(body)), 5)
		if err != nil {
			return
		}
		m.NewTagger().Tag(sentence("The", "Cats", "studied", "x"))
	})
}

// TestEmbeddedModel checks the embedded model as Load checks a file (the
// checksum and every table entry), which loadString skips, and that
// Default uses its tables in place.
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
	for _, ws := range []*weights{m.tagW1, m.tagW, m.featW} {
		if p := uintptr(unsafe.Pointer(&ws.slots[0])); p < lo || p >= hi {
			t.Errorf("a table of the embedded model was copied (slots at %#x, model at %#x-%#x)", p, lo, hi)
		}
	}
}
