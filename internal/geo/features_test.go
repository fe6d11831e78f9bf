package geo

import (
	"reflect"
	"strings"
	"testing"
)

// TestFeaturesAndDistricts: physical features and regions are spotted and
// resolved by their names (after "the" too); a second-order division only
// after a locative word, before a designator or by a name with its own
// designator; and words that are also towns or districts ("Bath",
// "Reading", "Mobile") are not places when they are words.
func TestFeaturesAndDistricts(t *testing.T) {
	g := mustDefault(t)
	for _, tc := range []struct {
		sentence string
		want     []string // mention → FeatureID of its resolution
	}{
		// seas and straits, rivers, regions (sentences written for this test)
		{"Tankers slowed in the Strait of Hormuz after the seizure.", []string{"Strait of Hormuz=STRT.strait-of-hormuz"}},
		{"Two cargo ships were struck in the Red Sea on Friday.", []string{"Red Sea=SEA.red-sea"}},
		{"Fighting spread across Darfur and into Kordofan.", []string{"Darfur=RGN.darfur", "Kordofan=RGN.kordofan"}},
		{"Militants crossed the Euphrates near the border.", []string{"Euphrates=STM.euphrates"}},
		{"Voters in the New Territories queued for hours.", []string{"New Territories=RGN.new-territories"}},
		// second-order divisions: with a designator, or after a locative
		{"Troops moved into the Swat district overnight.", []string{"Swat=PK.03.1164211"}},
		{"A curfew was imposed in Swat after the blast.", []string{"Swat=PK.03.1164211"}},
		{"Flooding closed roads across Mobile County.", []string{"Mobile County=US.AL.097"}},
		// a district's name alone, as a word or a surname, is no place
		{"Swat teams stormed the building.", nil},
		{"Knox said the vote would be close.", nil},
		{"Fans paid tribute to Cher, and devotees of Krishna sang in the square.", nil},
		{"Police sealed off the district of Swat.", []string{"Swat=PK.03.1164211"}},
		// town names used as words (issue 16: no geocoding there)
		{"Reading the statement aloud, the minister paused. Mobile networks were cut for hours. Bath towels and blankets were handed out to the families.", nil},
		{"Mobile phone footage showed the convoy. Reading between the lines, diplomats saw a retreat.", nil},
	} {
		var got []string
		var ms []Mention
		for _, f := range g.Spot(tc.sentence) {
			ms = append(ms, f.Mention)
		}
		for i, r := range g.ResolveArticle(ms, Hints{}) {
			id := "none"
			if r.Geo != nil {
				id = r.Geo.FeatureID
			}
			got = append(got, ms[i].Text+"="+id)
		}
		if !reflect.DeepEqual(got, tc.want) {
			t.Errorf("%q: got %q, want %q", tc.sentence, got, tc.want)
		}
	}
}

// TestFeatureGeo: a feature's location carries its country (none for one
// of several countries) and key, a district's its division.
func TestFeatureGeo(t *testing.T) {
	g := mustDefault(t)
	for _, tc := range []struct{ mention, sentence, iso, name string }{
		// waters and regions of several countries, or disputed, have none
		{"Strait of Hormuz", "Tankers slowed in the Strait of Hormuz.", "", "Strait of Hormuz"},
		{"South China Sea", "Coast guard ships collided in the South China Sea.", "", "South China Sea"},
		{"Bekaa Valley", "Shelling was reported in the Bekaa Valley.", "LBN", "Bekaa Valley, Lebanon"},
		{"Swat", "Troops moved into the Swat district.", "PAK", "Swat, Khyber Pakhtunkhwa, Pakistan"},
		// a district named for its city in another spelling is the city's alias
		{"Warszawa", "The delegation flew on from Warszawa.", "POL", "Warsaw, Poland"},
		{"Torino", "Fans gathered in Torino.", "ITA", "Turin, Piedmont, Italy"},
	} {
		r := g.Resolve(Mention{Text: tc.mention, Sentence: tc.sentence}, Hints{})
		if r.Geo == nil || r.Geo.CountryISO != tc.iso || r.Geo.FullName != tc.name || r.Geo.FeatureID == "" || r.Geo.Lat == 0 {
			t.Errorf("%s: got %+v, want %s in %s", tc.mention, r.Geo, tc.name, tc.iso)
		}
	}
	n := 0
	for _, p := range g.Places {
		if p.ID == 0 && (p.Key == "" || !strings.Contains(p.Key, ".")) {
			t.Errorf("feature %q has no key", p.Name)
		}
		if p.IsFeature() {
			n++
		}
	}
	if n < 150 {
		t.Errorf("%d features, want the ~180 of features.tsv", n)
	}
	if _, ok := g.PlaceByID(2988507); !ok {
		t.Error("PlaceByID(Paris) fails with features loaded")
	}
}
