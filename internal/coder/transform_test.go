package coder

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/eventwire/eventwire/internal/dict/petrarch"
)

// TestNestedEvents codes the sentences of testdata/transform/cases.txt
// with the transformations of testdata/transform/verbs.txt, and checks that
// the same sentences coded without them keep their two events.
func TestNestedEvents(t *testing.T) {
	set, err := petrarch.LoadFiles(filepath.Join("testdata", "dict", "actors.txt"), filepath.Join("testdata", "dict", "agents.txt"),
		filepath.Join("testdata", "transform", "verbs.txt"), filepath.Join("testdata", "transform", "discards.txt"))
	if err != nil {
		t.Fatal(err)
	}
	if len(set.Transforms) != 7 {
		t.Fatalf("%d transformations read, want 7", len(set.Transforms))
	}
	c, err := New(set, Options{Negation: NegationTransform, Literal: true})
	if err != nil {
		t.Fatal(err)
	}
	if len(c.transforms) != 7 {
		t.Fatalf("%d transformations resolved to verb classes, want 7", len(c.transforms))
	}
	cases := readCases(t, filepath.Join("testdata", "transform", "cases.txt"))
	if len(cases) < 6 {
		t.Fatalf("only %d cases read", len(cases))
	}
	for _, tc := range cases {
		evs := c.CodeDocument(c.NewScratch(), Doc{ID: "t"}, &tc.doc, nil)
		var got []string
		for i := range evs {
			got = append(got, describe(&evs[i]))
		}
		if strings.Join(got, "\n") != strings.Join(tc.expect, "\n") {
			_, tr := c.Explain(Doc{}, &tc.doc.Sentences[0])
			t.Errorf("testdata/transform/cases.txt:%d %s:\ngot:\n%s\nwant:\n%s\ntrace:\n%s", tc.line, tc.name,
				strings.Join(got, "\n"), strings.Join(tc.expect, "\n"), tr)
		}
	}
	// without transformations the outer and inner events stay apart
	plain := *set
	plain.Transforms = nil
	c2, err := New(&plain, Options{Negation: NegationTransform, Literal: true})
	if err != nil {
		t.Fatal(err)
	}
	evs := c2.CodeDocument(c2.NewScratch(), Doc{ID: "t"}, &cases[0].doc, nil)
	for _, e := range evs {
		if e.Code == "015" {
			t.Errorf("without transformations: %s %s %s", e.Source, e.Target, e.Code)
		}
	}
	if len(evs) == 0 {
		t.Error("without transformations the claimed attack is not coded")
	}
}
