package geo

import (
	"reflect"
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
