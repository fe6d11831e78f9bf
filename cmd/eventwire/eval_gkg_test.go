package main

import (
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"

	"github.com/eventwire/eventwire/internal/gkg"
)

// TestEvalGKG scores two articles written for this test against a gold
// written for them: every gold name, quotation and count is found.
func TestEvalGKG(t *testing.T) {
	dir := filepath.Join("testdata", "evalgkg")
	code, out, errOut := runCLI(t, "eval", "gkg", "--json", "--gold", filepath.Join(dir, "gold.jsonl"), filepath.Join(dir, "docs.jsonl"))
	if code != 0 {
		t.Fatalf("eval gkg = %d, stderr %q", code, errOut)
	}
	var rep struct {
		Results map[string]gkg.Score `json:"results"`
	}
	if err := json.Unmarshal([]byte(out), &rep); err != nil {
		t.Fatalf("eval gkg --json: %v: %q", err, out)
	}
	all := rep.Results["all"]
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
	code, out, _ = runCLI(t, "eval", "gkg", "--list", "--gold", filepath.Join(dir, "gold.jsonl"), filepath.Join(dir, "docs.jsonl"))
	if code != 0 || !strings.Contains(out, "== k1") || !strings.Contains(out, "persons P/R") {
		t.Errorf("eval gkg --list = %d: %q", code, out)
	}
}

func TestEvalGKGUsage(t *testing.T) {
	for _, tc := range []struct {
		args []string
		code int
		msg  string
	}{
		{[]string{"eval", "gkg"}, 2, "want --gold GOLD"},
		{[]string{"eval", "gkg", "--gold", "g.jsonl", "--part", "half", "d.jsonl"}, 2, "--part: want tune, check or all"},
		{[]string{"eval", "gkg", "--gold", "no/such/gold.jsonl", "d.jsonl"}, 1, "opening gold"},
	} {
		code, _, errOut := runCLI(t, tc.args...)
		if code != tc.code || !strings.Contains(errOut, tc.msg) {
			t.Errorf("eventwire %v = %d, stderr %q; want %d, %q", tc.args, code, errOut, tc.code, tc.msg)
		}
	}
}
