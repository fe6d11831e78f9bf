package gkg

import (
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/eventwire/eventwire/internal/nlp"
	"github.com/eventwire/eventwire/internal/shareddata"
)

// TestProperNounCoverage measures the name finder on the gold trees of the
// UD English EWT dev set: recall is the share of PROPN words inside a found
// name, precision the share of words of found names that are proper nouns
// (UPOS PROPN or XPOS NNP/NNPS: EWT tags some name words by their own part
// of speech, "International/ADJ/NNP") or the connectors and titles of a
// name. Floors sit a little under the measured figures.
func TestProperNounCoverage(t *testing.T) {
	path := filepath.Join(shareddata.Dir(t), "ud", "en_ewt", "en_ewt-ud-dev.conllu")
	f, err := os.Open(path)
	if err != nil {
		shareddata.Skip(t, "EWT dev set: %v", err)
	}
	defer f.Close()
	x, err := New(Options{})
	if err != nil {
		t.Fatal(err)
	}
	sc := x.NewScratch()
	rd := nlp.NewConlluReader(f, path)
	var propn, covered, inNames, propnInNames int
	for {
		s, err := rd.Next()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			t.Fatal(err)
		}
		d := nlp.Document{Sentences: []nlp.Sentence{*s}}
		var r Record
		x.entities(sc, &d, nil, &r)
		in := make([]bool, len(s.Words))
		for _, e := range r.Entities {
			for i := range s.Words {
				if s.Words[i].ID >= e.First && s.Words[i].ID <= e.Last {
					in[i] = true
				}
			}
		}
		for i, w := range s.Words {
			if w.UPOS == "PROPN" {
				propn++
				if in[i] {
					covered++
				}
			}
			if in[i] {
				inNames++
				if w.UPOS == "PROPN" || w.XPOS == "NNP" || w.XPOS == "NNPS" || w.UPOS == "ADP" || w.UPOS == "DET" || titles[strings.ToLower(w.Form)] {
					propnInNames++
				}
			}
		}
	}
	recall := float64(covered) / float64(propn)
	precision := float64(propnInNames) / float64(inNames)
	t.Logf("EWT dev: %d PROPN words, recall %.3f, precision %.3f (%d words in names)", propn, recall, precision, inNames)
	if recall < 0.82 || precision < 0.81 {
		t.Errorf("recall %.3f (floor 0.82), precision %.3f (floor 0.81)", recall, precision)
	}
}
