package geo

import (
	"os"
	"path/filepath"
	"testing"
)

// accuracyFloor is the required share of correctly resolved mentions in
// testdata/geocode.tsv, on each split.
const accuracyFloor = 0.95

func TestGeocodeAccuracy(t *testing.T) {
	g := mustDefault(t)
	f, err := os.Open(filepath.Join("testdata", "geocode.tsv"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	cases, err := ReadCases(f, "geocode.tsv")
	if err != nil {
		t.Fatal(err)
	}
	if len(cases) < 200 {
		t.Fatalf("test set has %d mentions, want at least 200", len(cases))
	}
	ev := g.Evaluate(cases)
	for _, o := range ev.Outcomes {
		if !o.OK {
			t.Logf("%s:%d %q: got %s (%s, %s), want %s (%s)", "geocode.tsv", o.Line, o.Mention.Text, o.Got, o.GotName, o.Method, o.Want, o.Note)
		}
	}
	for _, s := range ev.Splits() {
		a := ev.BySplit[s]
		t.Logf("%s: %d/%d = %.1f%%", s, a.Correct, a.Total, 100*a.Ratio())
		if a.Ratio() < accuracyFloor {
			t.Errorf("%s accuracy %.1f%% below the %.0f%% floor", s, 100*a.Ratio(), 100*accuracyFloor)
		}
	}
}

func mustDefault(tb testing.TB) *Gazetteer {
	tb.Helper()
	g, err := Default()
	if err != nil {
		tb.Fatal(err)
	}
	return g
}
