package geo

import (
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

func TestSpot(t *testing.T) {
	g := mustDefault(t)
	for _, tc := range []struct {
		sentence string
		want     []string
	}{
		{"They attacked the Embassy of Azerbaijan in Paris, as well as representatives of the Azerbaijani diaspora.",
			[]string{"Azerbaijan", "Paris"}},
		{"The summit was held on the island of Jabra, Tunisia, last year.", []string{"Jabra, Tunisia"}},
		{"A tornado hit Paris, Texas, on Tuesday.", []string{"Paris, Texas"}},
		{"A federal judge in Alexandria, Va., sentenced him.", []string{"Alexandria, Va."}},
		{"George Washington led the army.", nil},
		{"Michael Jordan and Chad Smith spoke.", nil},
		{"Georgia's ruling party met envoys from the United States and Brussels.", []string{"Georgia", "United States", "Brussels"}},
		{"French and Georgian officials met.", nil},
		{"Nice weather is expected across the region.", nil},
		{"Officials in the U.S. and New Delhi disagreed.", []string{"U.S.", "New Delhi"}},
		{"", nil},
		{"Exports hit a record in March, officials in Perth said.", []string{"Perth"}},
		{"Clashes between Arab and Kurdish protesters in Kirkuk left four dead.", []string{"Kirkuk"}},
		{"Others have settled in Heredia and Alajuela.", []string{"Heredia", "Alajuela"}},
		{"Displaced families fled to Deir al-Balah.", []string{"Deir al-Balah"}},
		{"Wildfires killed dozens around Vina del Mar.", []string{"Vina del Mar"}},
		{"The information was given to APA by the NGO Agency.", nil},
		{"Tourists flocked to the Alhambra in Granada.", []string{"Granada"}},
		{"Floods hit Florida's Gulf Coast.", []string{"Florida"}},
		{"London and Brussels announced similar measures.", []string{"London", "Brussels"}},
		// a weekday or month before a comma qualifies nothing (not Munday, Texas)
		{"On Monday, U.S. officials said the talks would resume.", []string{"U.S."}},
		{"In March, Iraq asked for more time.", []string{"Iraq"}},
	} {
		var got []string
		for _, f := range g.Spot(tc.sentence) {
			if tc.sentence[f.Start:f.End] != f.Text {
				t.Errorf("Spot(%q): span %d:%d is %q, text %q", tc.sentence, f.Start, f.End, tc.sentence[f.Start:f.End], f.Text)
			}
			got = append(got, f.Text)
		}
		if !reflect.DeepEqual(got, tc.want) {
			t.Errorf("Spot(%q) = %q, want %q", tc.sentence, got, tc.want)
		}
	}
}

// spotRecallFloor is the share of the test set's place mentions that Spot
// must find in their sentences (a "Place, Region" span counts for both).
const spotRecallFloor = 0.95

func TestSpotRecall(t *testing.T) {
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
	found, total := 0, 0
	spotted := map[string]map[string]bool{}
	for _, c := range cases {
		s, m := c.Mention.Sentence, c.Mention.Text
		if c.Want == "none" || !hasWords(s, m) {
			continue
		}
		if spotted[s] == nil {
			spotted[s] = map[string]bool{}
			for _, f := range g.Spot(s) {
				spotted[s][f.Text] = true
				head, quals, _ := strings.Cut(f.Text, ", ")
				spotted[s][head] = true
				spotted[s][quals] = true
			}
		}
		total++
		if spotted[s][m] {
			found++
		} else {
			t.Logf("geocode.tsv:%d: %q not found in %q", c.Line, m, s)
		}
	}
	recall := float64(found) / float64(total)
	t.Logf("spot recall %d/%d = %.1f%%", found, total, 100*recall)
	if recall < spotRecallFloor {
		t.Errorf("spot recall %.1f%% below the %.0f%% floor", 100*recall, 100*spotRecallFloor)
	}
}
