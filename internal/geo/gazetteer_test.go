package geo

import "testing"

// The embedded gazetteer has the size and shape the generator gives it.
func TestDefaultShape(t *testing.T) {
	g := mustDefault(t)
	if n := len(g.Places); n < 130000 {
		t.Errorf("%d places, want the ~135,000 of cities1000", n)
	}
	if n := len(g.Countries); n < 240 {
		t.Errorf("%d countries, want about 246", n)
	}
	states := 0
	for _, d := range g.Divisions {
		if g.Countries[d.Country].ISO2 == "US" {
			states++
		}
	}
	if states != 51 {
		t.Errorf("%d US states and DC, want 51", states)
	}
	for _, iso := range []string{"FR", "US", "GE", "TN", "LY", "LB"} {
		c, ok := g.Country(iso)
		if !ok || c.Capital < 0 || g.Places[c.Capital].Feature != "PPLC" {
			t.Errorf("%s: no capital", iso)
		}
	}
	p, ok := g.PlaceByID(2988507)
	if !ok || p.Name != "Paris" {
		t.Errorf("PlaceByID(2988507) = %+v, %v", p, ok)
	}
}
