package timex

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
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

// TestRelativeDates resolves testdata/relative.tsv, relative and duration
// expressions ("for the first time in 23 years", "in 30 years", "23 years
// ago"): each must resolve as written or, where the file says "-", not at
// all (issue 13).
func TestRelativeDates(t *testing.T) {
	fh, err := os.Open(filepath.Join("testdata", "relative.tsv"))
	if err != nil {
		t.Fatal(err)
	}
	defer fh.Close()
	cases, err := ReadCases(fh, "relative.tsv")
	if err != nil {
		t.Fatal(err)
	}
	outcomes, _ := Evaluate(cases, SplitWords)
	for _, o := range outcomes {
		if !o.Correct {
			t.Errorf("relative.tsv:%d: %q in %q: %s", o.Case.Line, o.Case.Expr, o.Case.Sentence, o.Problem)
		}
	}
}

// FuzzRankedSpan: "in N units" after "for the first time" (or a
// superlative) is a span that ends at the article date, whatever else the
// sentence says — never a date N units on (issue 13).
func FuzzRankedSpan(f *testing.F) {
	f.Add("Iran and Egypt will exchange ambassadors", "first time", uint16(23), uint8(0))
	f.Add("The two navies will hold their", "largest joint exercise", uint16(30), uint8(1))
	f.Add("It will be the", "worst drought", uint16(2), uint8(2))
	units := []string{"years", "decades", "months", "weeks", "days"}
	article := time.Date(2024, 5, 10, 0, 0, 0, 0, time.UTC)
	var fd Finder
	f.Fuzz(func(t *testing.T, before, cue string, n uint16, unit uint8) {
		if n == 0 || n > 5000 || !rankCue(cue) {
			return
		}
		phrase := fmt.Sprintf("in %d %s", n, units[int(unit)%len(units)])
		text := before + " for the " + cue + " " + phrase + "."
		for _, e := range fd.Find(SplitWords(text), article, nil) {
			if strings.HasSuffix(e.Text, phrase) && e.To.After(article) {
				t.Fatalf("%q: %q resolved to %s..%s, after the article date", text, e.Text, day(e.From), day(e.To))
			}
		}
	})
}

// rankCue reports whether cue is at most four words of ASCII letters, one
// of them "first", "largest" or "worst".
func rankCue(cue string) bool {
	words := strings.Fields(cue)
	if len(words) > 4 || strings.Join(words, " ") != cue {
		return false
	}
	found := false
	for _, w := range words {
		for _, c := range w {
			if c < 'a' || c > 'z' {
				return false
			}
		}
		found = found || w == "first" || w == "largest" || w == "worst"
	}
	return found
}
