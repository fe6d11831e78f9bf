package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/eventwire/eventwire/internal/gkg"
	"github.com/eventwire/eventwire/internal/shareddata"
)

// TestEvalGKG scores two articles written for this test against a gold
// written for them: every gold name, quotation and count is found.
func TestEvalGKG(t *testing.T) {
	dir := filepath.Join("testdata", "evalgkg")
	results, out := evalGKGResults(t, "--gold", filepath.Join(dir, "gold.jsonl"), filepath.Join(dir, "docs.jsonl"))
	all := results["all"]
	if all.Docs != 2 {
		t.Fatalf("docs %d, want 2", all.Docs)
	}
	for _, c := range []struct {
		name string
		got  float64
	}{
		{"persons recall", all.Persons.Recall}, {"organizations recall", all.Organizations.Recall},
		{"locations recall", all.Locations.Recall}, {"speaker right", all.Quotations.Accuracy},
		{"counts found", all.Counts.FoundRate}, {"counts right", all.Counts.RightRate},
	} {
		if c.got != 1 {
			t.Errorf("%s = %.2f, want 1 (%s)", c.name, c.got, out)
		}
	}
	code, out, _ := runCLI(t, "eval", "gkg", "--list", "--gold", filepath.Join(dir, "gold.jsonl"), filepath.Join(dir, "docs.jsonl"))
	if code != 0 || !strings.Contains(out, "== k1") || !strings.Contains(out, "persons P/R") {
		t.Errorf("eval gkg --list = %d: %q", code, out)
	}
}

func TestEvalGKGUsage(t *testing.T) {
	checkCLIErrors(t, []cliCase{
		{[]string{"eval", "gkg"}, 2, "want --gold GOLD"},
		{[]string{"eval", "gkg", "--gold", "g.jsonl", "--part", "half", "d.jsonl"}, 2, "--part: want tune, check or all"},
		{[]string{"eval", "gkg", "--gold", "no/such/gold.jsonl", "d.jsonl"}, 1, "opening gold"},
	})
}

// TestEvalGKGRealNews scores the knowledge of the real-news articles
// against the reader's gold (eval/gold/knowledge.jsonl, written from the
// text alone) and holds each half above floors just below the figures
// measured when issue 16's mechanisms were committed (docs/gkg.md), so that
// a change that loses names, places, speakers or counts on real news fails.
func TestEvalGKGRealNews(t *testing.T) {
	if testing.Short() {
		t.Skip("analyzes 33 articles")
	}
	gold := filepath.Join("..", "..", "eval", "gold", "knowledge.jsonl")
	if _, err := os.Stat(gold); err != nil {
		t.Fatalf("the knowledge gold is part of the repository: %v", err)
	}
	news := shareddata.Dir(t, "realnews")
	results, _ := evalGKGResults(t, "--gold", gold,
		filepath.Join(news, "gum-news.jsonl"), filepath.Join(news, "wikinews.jsonl"), filepath.Join("..", "..", "eval", "realnews", "extra.jsonl"))
	for _, f := range []struct {
		part                                            string
		docs                                            int
		persR, orgR, placeR, placeP, spkAc, persP, orgP float64
	}{
		// measured after issue 16's organisation-table step on the 33 annotated articles
		// (docs/gkg.md): tune persons P/R 1.00/0.99, orgs P/R 0.95/0.93, places R 0.91 P 0.97,
		// speakers 0.86; check persons P/R 0.85/0.83, orgs P/R 0.78/0.70, places R 0.81 P 0.90,
		// speakers 0.78. The tune places floor went from 0.93 to 0.87 with the gold of
		// wx023-wx035 (0.91 with and without the step's code), not with a change of code; the
		// check organisations floors rose with the step (0.58 -> 0.66 recall, 0.71 -> 0.74
		// precision), and check persons precision (0.79 -> 0.81).
		// After issue 16's unannotated-articles step (docs/gkg.md): tune persons 1.00/0.99,
		// orgs 0.95/0.99, places R 0.99 P 0.98, speakers 0.86; check persons 0.89/0.89, orgs
		// 0.79/0.73, places R 0.85 P 0.89, speakers 0.78. Floors raised a little below them.
		{"tune", 17, 0.94, 0.95, 0.95, 0.95, 0.81, 0.95, 0.90},
		{"check", 16, 0.85, 0.70, 0.84, 0.86, 0.72, 0.86, 0.76},
	} {
		r, ok := results[f.part]
		if !ok || r.Docs != f.docs {
			t.Errorf("%s: %d documents, want %d", f.part, r.Docs, f.docs)
			continue
		}
		t.Logf("%s: persons R %.2f, orgs R %.2f, places P %.2f R %.2f, speakers %.2f", f.part, r.Persons.Recall,
			r.Organizations.Recall, r.Locations.Precision, r.Locations.Recall, r.Quotations.Accuracy)
		if r.Persons.Recall < f.persR || r.Organizations.Recall < f.orgR || r.Locations.Recall < f.placeR ||
			r.Locations.Precision < f.placeP || r.Quotations.Accuracy < f.spkAc {
			t.Errorf("%s: persons R %.2f, orgs R %.2f, places P %.2f R %.2f, speakers %.2f; floors %.2f %.2f %.2f %.2f %.2f",
				f.part, r.Persons.Recall, r.Organizations.Recall, r.Locations.Precision, r.Locations.Recall, r.Quotations.Accuracy,
				f.persR, f.orgR, f.placeP, f.placeR, f.spkAc)
		}
		if r.Persons.Precision < f.persP || r.Organizations.Precision < f.orgP {
			t.Errorf("%s: persons P %.2f, orgs P %.2f; floors %.2f %.2f", f.part, r.Persons.Precision, r.Organizations.Precision,
				f.persP, f.orgP)
		}
	}
}

// evalGKGResults runs "eval gkg --json" with args (--gold GOLD DOCS...),
// which must succeed, and returns its figures per half and its output.
func evalGKGResults(t *testing.T, args ...string) (map[string]gkg.Score, string) {
	t.Helper()
	code, out, errOut := runCLI(t, append([]string{"eval", "gkg", "--json"}, args...)...)
	if code != 0 {
		t.Fatalf("eval gkg = %d, stderr %q", code, errOut)
	}
	var rep struct {
		Results map[string]gkg.Score `json:"results"`
	}
	if err := json.Unmarshal([]byte(out), &rep); err != nil {
		t.Fatalf("eval gkg --json: %v: %q", err, out)
	}
	return rep.Results, out
}
