package main

import (
	"encoding/json"
	"strings"
	"testing"
)

func TestEvalGeo(t *testing.T) {
	const set = "../../internal/geo/testdata/geocode.tsv"
	code, out, errOut := runCLI(t, "eval", "geo", set)
	if code != 0 || !strings.Contains(out, "fresh") || !strings.Contains(out, "all ") {
		t.Fatalf("eval geo = %d, stdout %q, stderr %q", code, out, errOut)
	}
	code, out, errOut = runCLI(t, "eval", "geo", "--json", set)
	var res struct {
		All struct {
			Correct, Total int
			Accuracy       float64
		}
	}
	if code != 0 || json.Unmarshal([]byte(out), &res) != nil || res.All.Total < 200 || res.All.Accuracy < 0.95 {
		t.Fatalf("eval geo --json = %d, %+v, stdout %q, stderr %q", code, res, out, errOut)
	}
	checkCLIErrors(t, []cliCase{
		{[]string{"eval", "geo"}, 2, "want one test set file"},
		{[]string{"eval", "geo", "no/such/file.tsv"}, 1, "opening test set"},
	})
}
