package main

import (
	"encoding/json"
	"strings"
	"testing"
)

func TestEvalDates(t *testing.T) {
	const set = "../../internal/timex/testdata/dates.tsv"
	code, out, errOut := runCLI(t, "eval", "dates", set)
	if code != 0 || !strings.Contains(out, "all ") || !strings.Contains(out, "test ") {
		t.Fatalf("eval dates: status %d, stdout %q, stderr %q", code, out, errOut)
	}
	code, out, errOut = runCLI(t, "eval", "dates", "--json", set)
	var res struct {
		Scores []struct {
			Split   string  `json:"split"`
			Cases   int     `json:"cases"`
			Correct int     `json:"correct"`
			Acc     float64 `json:"accuracy"`
		} `json:"scores"`
	}
	if code != 0 || json.Unmarshal([]byte(out), &res) != nil || len(res.Scores) == 0 || res.Scores[0].Cases < 150 {
		t.Fatalf("eval dates --json: status %d, stdout %q, stderr %q", code, out, errOut)
	}
	if code, out, errOut := runCLI(t, "eval", "dates", "--parse", set); code != 0 || !strings.Contains(out, "all ") {
		t.Errorf("eval dates --parse: status %d, stdout %q, stderr %q", code, out, errOut)
	}
	if code, _, _ := runCLI(t, "eval", "dates"); code != 2 {
		t.Errorf("eval dates without a file: status %d, want 2", code)
	}
	if code, _, errOut := runCLI(t, "eval", "dates", "no/such/file.tsv"); code != 1 || !strings.Contains(errOut, "opening test set") {
		t.Errorf("eval dates on a missing file: status %d, stderr %q", code, errOut)
	}
}
