package pipeline

import (
	"path/filepath"
	"testing"

	"github.com/eventwire/eventwire/internal/nlp"
	"github.com/eventwire/eventwire/internal/nlp/udeval"
	"github.com/eventwire/eventwire/internal/shareddata"
)

// TestCaseRobustness annotates the gold words of the UD English EWT test set
// as they are, lower-cased and in capitals (copies built here with
// nlp.Recase), and checks that LAS drops by at most the given points: news
// comes as lower-cased event sets and all-caps headlines and datelines.
func TestCaseRobustness(t *testing.T) {
	if testing.Short() {
		t.Skip("parses the EWT test set three times")
	}
	path := filepath.Join(shareddata.Dir(t, "ud", "en_ewt"), "en_ewt-ud-test.conllu")
	gold, err := udeval.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	p, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	w := p.NewWorker()
	las := func(c nlp.Casing) float64 {
		g := make([]nlp.Sentence, len(gold))
		sys := make([]nlp.Sentence, len(gold))
		for i := range gold {
			g[i] = nlp.Recase(&gold[i], c)
			sys[i] = nlp.Sentence{ID: g[i].ID, Text: g[i].Text, Words: make([]nlp.Word, len(g[i].Words))}
			for k, wd := range g[i].Words {
				sys[i].Words[k] = nlp.Word{ID: wd.ID, Form: wd.Form, Start: -1, End: -1}
			}
			w.Annotate(&sys[i])
		}
		r, err := udeval.Gold(g, sys)
		if err != nil {
			t.Fatalf("%v: %v", c, err)
		}
		return 100 * r.LAS.Accuracy()
	}
	cased := las(nlp.AsIs)
	for _, tc := range []struct {
		c       nlp.Casing
		maxDrop float64 // LAS points below the cased text
	}{
		{nlp.Lower, 3},
		{nlp.Upper, 3},
	} {
		got := las(tc.c)
		t.Logf("EWT test LAS: cased %.2f, %v %.2f (drop %.2f)", cased, tc.c, got, cased-got)
		if cased-got > tc.maxDrop {
			t.Errorf("EWT test LAS %v %.2f, cased %.2f: drop %.2f, want at most %.1f", tc.c, got, cased, cased-got, tc.maxDrop)
		}
	}
}
