package timex

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// accuracyFloor is the share of dates.tsv cases (each split) that must be
// resolved exactly.
const accuracyFloor = 0.95

// TestDateAccuracy resolves every case of testdata/dates.tsv on words from
// SplitWords (forms only: the language pipeline is not wired in yet) and
// fails when a split falls below the floor.
func TestDateAccuracy(t *testing.T) {
	fh, err := os.Open(filepath.Join("testdata", "dates.tsv"))
	if err != nil {
		t.Fatal(err)
	}
	defer fh.Close()
	cases, err := ReadCases(fh, "dates.tsv")
	if err != nil {
		t.Fatal(err)
	}
	if len(cases) < 150 {
		t.Errorf("dates.tsv has %d cases, want at least 150", len(cases))
	}
	outcomes, scores := Evaluate(cases, SplitWords)
	for _, o := range outcomes {
		if !o.Correct {
			t.Logf("%s dates.tsv:%d: %q in %q: %s", o.Case.Split, o.Case.Line, o.Case.Expr, o.Case.Sentence, o.Problem)
		}
	}
	for _, s := range scores {
		t.Logf("%-4s %d/%d = %.1f%% (exact span %d)", s.Split, s.Correct, s.Cases, 100*s.Acc, s.Exact)
		if s.Acc < accuracyFloor {
			t.Errorf("%s: accuracy %.3f below the floor %.2f", s.Split, s.Acc, accuracyFloor)
		}
	}
}

func TestReadCasesErrors(t *testing.T) {
	tests := []struct{ in, want string }{
		{"dev\t2022-11-20\tIt rained today.\ttoday\t2022-11-20\t2022-11-20\tday\n", "want 8 tab-separated fields"},
		{"dev\t2022-13-20\tIt rained today.\ttoday\t2022-11-20\t2022-11-20\tday\t0\n", "x:1: article:"},
		{"dev\t2022-11-20\tIt rained today.\tyesterday\t2022-11-20\t2022-11-20\tday\t0\n", "expression:"},
		{"# c\ndev\t2022-11-20\tIt rained today.\ttoday\t2022-11-20\t2022-11-19\tday\t0\n", "x:2: to:"},
		{"dev\t2022-11-20\tIt rained today.\ttoday\t2022-11-20\t2022-11-20\thour\t0\n", "granularity:"},
		{"dev\t2022-11-20\tIt rained today.\ttoday\t2022-11-20\t2022-11-20\tday\tyes\n", "historical:"},
		{"dev\t2022-11-20\tIt rained.\t-\t-\t-\tday\t-\n", "field 7"},
	}
	for _, tt := range tests {
		_, err := ReadCases(strings.NewReader(tt.in), "x")
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("ReadCases(%q) error = %v, want containing %q", tt.in, err, tt.want)
		}
	}
}

// FuzzReadCases checks that the test-set reader never panics and that what
// it accepts is consistent.
func FuzzReadCases(f *testing.F) {
	f.Add("dev\t2022-11-20\tIt rained today.\ttoday\t2022-11-20\t2022-11-20\tday\t0\n")
	f.Add("test\t2022-11-20\tNothing here.\t-\t-\t-\t-\t-\n# comment\n")
	f.Fuzz(func(t *testing.T, in string) {
		cases, err := ReadCases(strings.NewReader(in), "fuzz")
		if err != nil {
			return
		}
		for _, c := range cases {
			if !c.None && (c.To.Before(c.From) || !strings.Contains(c.Sentence, c.Expr)) {
				t.Fatalf("accepted inconsistent case %+v", c)
			}
		}
	})
}
