package coder

import (
	"fmt"
	"path/filepath"
	"testing"

	"github.com/eventwire/eventwire/internal/event"
)

// TestExplainSentences codes every case of testdata/cases.txt both ways
// and holds the events ExplainSentences gives each sentence asked for to
// those CodeDocument gives it, whether every sentence is asked for or only
// the last one (its pronouns then resolve from sentences coded untraced).
func TestExplainSentences(t *testing.T) {
	set := testDict(t)
	c, err := New(set, Options{})
	if err != nil {
		t.Fatal(err)
	}
	multi := 0 // cases whose last sentence needs the ones before
	for _, tc := range readCases(t, filepath.Join("testdata", "cases.txt")) {
		n := len(tc.doc.Sentences)
		if n == 0 {
			continue
		}
		doc := Doc{ID: tc.name, Date: tc.date}
		whole := c.CodeDocument(c.NewScratch(), doc, &tc.doc, nil)
		bySentence := make([][]event.Event, n+1)
		for _, e := range whole {
			bySentence[e.Sentence] = append(bySentence[e.Sentence], e)
		}
		if alone := c.CodeSentence(c.NewScratch(), doc, n, &tc.doc.Sentences[n-1], nil); fmt.Sprint(alone) != fmt.Sprint(bySentence[n]) {
			multi++ // the last sentence codes otherwise without the ones before
		}
		all := make([]int, n)
		for i := range all {
			all[i] = i
		}
		for _, want := range [][]int{all, {n - 1}, {-1, n - 1, n}} {
			got := c.ExplainSentences(doc, &tc.doc, want)
			if len(got) == 0 || got[len(got)-1].Index != n-1 {
				t.Errorf("%s (line %d) asking %v: %d sentences explained", tc.name, tc.line, want, len(got))
				continue
			}
			for _, x := range got {
				if g, w := fmt.Sprint(x.Events), fmt.Sprint(bySentence[x.Index+1]); g != w {
					t.Errorf("%s (line %d) sentence %d asking %v:\nexplained %s\ncoded     %s", tc.name, tc.line, x.Index, want, g, w)
				}
				if x.Trace == nil || len(x.Trace.Steps) == 0 && len(x.Events) > 0 {
					t.Errorf("%s (line %d) sentence %d: no trace", tc.name, tc.line, x.Index)
				}
			}
		}
	}
	if multi == 0 {
		t.Error("no case whose last sentence codes otherwise alone: the document context is not tested")
	}
}
