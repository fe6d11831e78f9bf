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

// spotFloor is the required accuracy of the whole chain (Spot, then
// ResolveArticle) on the test set.
const spotFloor = 0.90

func TestGeocodeSpottedAccuracy(t *testing.T) {
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
	ev := g.EvaluateSpotted(cases)
	for _, o := range ev.Outcomes {
		if !o.OK {
			t.Logf("geocode.tsv:%d [%s] %q: got %s (%s), want %s (%s)", o.Line, o.Split, o.Mention.Text, o.Got, o.GotName, o.Want, o.Note)
		}
	}
	t.Logf("spot+resolve: %d/%d = %.1f%%", ev.All.Correct, ev.All.Total, 100*ev.All.Ratio())
	if ev.All.Total < 350 || ev.All.Ratio() < spotFloor {
		t.Errorf("spot+resolve accuracy %d/%d below the %.0f%% floor", ev.All.Correct, ev.All.Total, 100*spotFloor)
	}
}
