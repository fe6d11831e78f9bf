package geo

import (
	"errors"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/eventwire/eventwire/internal/cameo"
	"github.com/eventwire/eventwire/internal/shareddata"
)

func TestResolveArticle(t *testing.T) {
	g := mustDefault(t)
	type want struct {
		typ      int
		feature  string // FeatureID
		fips     string
		adm1     string
		method   string
		nilGeo   bool
		latRound int // integer part of the latitude
	}
	for _, tc := range []struct {
		name  string
		ms    []Mention
		hints Hints
		want  []want
	}{
		{"paris alone is the French capital", []Mention{{Text: "Paris"}}, Hints{},
			[]want{{typ: 4, feature: "2988507", fips: "FR", adm1: "FR", method: "name", latRound: 48}}},
		{"paris texas", []Mention{{Text: "Paris, Texas"}}, Hints{},
			[]want{{typ: 3, feature: "4717560", fips: "US", adm1: "USTX", method: "name", latRound: 33}}},
		{"paris with a state in the sentence", []Mention{{Text: "Paris", Sentence: "A tornado hit Paris, Texas, on Tuesday."}}, Hints{},
			[]want{{typ: 3, feature: "4717560", fips: "US", adm1: "USTX", method: "name", latRound: 33}}},
		{"georgia next to tbilisi", []Mention{{Text: "Georgia"}, {Text: "Tbilisi"}}, Hints{},
			[]want{{typ: 1, feature: "GG", fips: "GG", adm1: "GG", method: "name", latRound: 42}, {typ: 4, feature: "611717", fips: "GG", method: "name", latRound: 41}}},
		{"georgia next to atlanta", []Mention{{Text: "Georgia"}, {Text: "Atlanta"}}, Hints{},
			[]want{{typ: 2, feature: "USGA", fips: "US", adm1: "USGA", method: "name", latRound: 32}, {typ: 3, feature: "4180439", fips: "US", adm1: "USGA", method: "name", latRound: 33}}},
		{"jabra is djerba", []Mention{{Text: "Jabra, Tunisia"}}, Hints{},
			[]want{{typ: 4, feature: "2470384", fips: "TS", method: "fuzzy", latRound: 33}}},
		{"djerba by its alias", []Mention{{Text: "Djerba"}}, Hints{},
			[]want{{typ: 4, feature: "2470384", fips: "TS", method: "alias", latRound: 33}}},
		{"no fuzzy match without a country", []Mention{{Text: "Jabra"}}, Hints{},
			[]want{{nilGeo: true}}},
		{"unknown place in a stated country falls back to the country", []Mention{{Text: "Qwxzyville, Tunisia"}}, Hints{},
			[]want{{typ: 1, feature: "TS", fips: "TS", adm1: "TS", method: "qualifier", latRound: 34}}},
		{"not a place", []Mention{{Text: "Narnia"}}, Hints{}, []want{{nilGeo: true}}},
		{"adjectives are not places", []Mention{{Text: "French"}}, Hints{}, []want{{nilGeo: true}}},
		{"empty", []Mention{{Text: ""}}, Hints{}, []want{{nilGeo: true}}},
		{"tripoli alone is libya", []Mention{{Text: "Tripoli"}}, Hints{},
			[]want{{typ: 4, feature: "2210247", fips: "LY", method: "name", latRound: 32}}},
		{"tripoli with a lebanese actor", []Mention{{Text: "Tripoli"}}, Hints{Countries: []string{"LBN"}},
			[]want{{typ: 4, feature: "266826", fips: "LE", method: "name", latRound: 34}}},
		{"tripoli with lebanon in the sentence", []Mention{{Text: "Tripoli", Sentence: "Clashes erupted in Tripoli, Lebanon's second city."}}, Hints{},
			[]want{{typ: 4, feature: "266826", fips: "LE", method: "name", latRound: 34}}},
		{"kiev is kyiv", []Mention{{Text: "Kiev"}}, Hints{},
			[]want{{typ: 4, feature: "703448", fips: "UP", method: "alias", latRound: 50}}},
		{"arabic article dropped", []Mention{{Text: "Fallujah"}}, Hints{},
			[]want{{typ: 4, feature: "99454", fips: "IZ", method: "alias", latRound: 33}}},
		{"gaza strip has its own fips code", []Mention{{Text: "Gaza"}}, Hints{},
			[]want{{typ: 4, feature: "281133", fips: "GZ", adm1: "GZ", method: "name", latRound: 31}}},
		{"postal qualifier", []Mention{{Text: "Portland, ME"}}, Hints{},
			[]want{{typ: 3, feature: "4975802", fips: "US", adm1: "USME", method: "name", latRound: 43}}},
		{"new york is the city", []Mention{{Text: "New York"}}, Hints{},
			[]want{{typ: 3, feature: "5128581", fips: "US", adm1: "USNY", method: "alias", latRound: 40}}},
		{"washington state", []Mention{{Text: "Washington", Sentence: "Fires spread across Washington state."}}, Hints{},
			[]want{{typ: 2, feature: "USWA", fips: "US", adm1: "USWA", method: "name", latRound: 47}}},
		{"washington is the capital", []Mention{{Text: "Washington", Sentence: "Officials in Washington said."}}, Hints{},
			[]want{{typ: 3, feature: "4140963", fips: "US", adm1: "USDC", method: "alias", latRound: 38}}},
		{"mass is not massachusetts", []Mention{{Text: "Rome", Sentence: "The pope celebrated Mass in Rome."}}, Hints{},
			[]want{{typ: 4, feature: "3169070", fips: "IT", method: "name", latRound: 41}}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := g.ResolveArticle(tc.ms, tc.hints)
			if len(got) != len(tc.want) {
				t.Fatalf("got %d results, want %d", len(got), len(tc.want))
			}
			for i, w := range tc.want {
				r := got[i]
				if w.nilGeo {
					if r.Geo != nil {
						t.Errorf("%q: got %+v, want nothing", tc.ms[i].Text, *r.Geo)
					}
					continue
				}
				if r.Geo == nil {
					t.Fatalf("%q: got nothing, want %s", tc.ms[i].Text, w.feature)
				}
				gg := r.Geo
				if gg.Type != w.typ || gg.FeatureID != w.feature || gg.CountryFIPS != w.fips || r.Method != w.method ||
					(w.adm1 != "" && gg.ADM1 != w.adm1) || int(gg.Lat) != w.latRound {
					t.Errorf("%q: got %+v (method %s), want %+v", tc.ms[i].Text, *gg, r.Method, w)
				}
			}
		})
	}
}

// Every resolved place carries real coordinates and complete codes.
func TestResolvedGeoComplete(t *testing.T) {
	g := mustDefault(t)
	for _, text := range []string{"Paris", "Georgia", "Texas", "Victoria", "Santiago", "Hyderabad", "Alexandria", "San Jose",
		"Tunisia", "Punjab", "Ontario", "Lagos", "Moscow", "Springfield", "Kingston", "West Bank", "Aland Islands"} {
		r := g.Resolve(Mention{Text: text}, Hints{})
		if r.Geo == nil {
			t.Errorf("%q: not resolved", text)
			continue
		}
		gg := r.Geo
		if gg.Lat == 0 && gg.Lon == 0 || gg.FullName == "" || len(gg.CountryISO) != 3 || gg.FeatureID == "" || gg.Type < 1 || gg.Type > 5 {
			t.Errorf("%q: incomplete %+v", text, *gg)
		}
	}
}

// The authored country table agrees with the CAMEO package's ISO and FIPS
// tables, written independently.
func TestCountriesAgreeWithCAMEO(t *testing.T) {
	g := mustDefault(t)
	checked := 0
	for _, c := range g.Countries {
		cc, ok := cameo.CountryByISO2(c.ISO2)
		if !ok {
			continue
		}
		checked++
		if cc.ISO3 != c.ISO3 {
			t.Errorf("%s: ISO3 %s, cameo has %s", c.ISO2, c.ISO3, cc.ISO3)
		}
		if cc.FIPS != c.FIPS && !(c.ISO2 == "PS" && cc.FIPS == "") {
			t.Errorf("%s: FIPS %q, cameo has %q", c.ISO2, c.FIPS, cc.FIPS)
		}
	}
	if checked < 200 {
		t.Errorf("only %d countries checked against cameo", checked)
	}
}

func TestLoadErrors(t *testing.T) {
	for _, tc := range []struct{ name, text, want string }{
		{"bad kind", "X\t1\n", "g:1: kind"},
		{"short country", "C\tFR\tFRA\n", "g:1: country"},
		{"bad latitude", "C\tFR\tFRA\tFR\tFrance\t95\t2\t-\t-\t-\n", "g:1: lat/lon"},
		{"unknown country", "# c\nP\t1\tParis\tFR\t11\tPPLC\t10\t48\t2\n", "g:2: country"},
		{"bad population", "C\tFR\tFRA\tFR\tFrance\t46\t2\t-\t-\t-\nP\t1\tParis\tFR\t11\tPPLC\tmany\t48\t2\n", "g:2: population"},
		{"ids out of order", "C\tFR\tFRA\tFR\tFrance\t46\t2\t-\t-\t-\nP\t2\tA\tFR\t11\tPPL\t1\t48\t2\nP\t1\tB\tFR\t11\tPPL\t1\t48\t2\n", "g:3: id"},
		{"alias of unknown place", "N\t7\tSomewhere\n", "g:1: id"},
		{"capital not a place", "C\tFR\tFRA\tFR\tFrance\t46\t2\t99\t-\t-\n", "capital"},
		{"short feature", "C\tFR\tFRA\tFR\tFrance\t46\t2\t-\t-\t-\nF\tSEA.x\tX\tFR\n", "g:2: feature"},
		{"feature of unknown country", "F\tSEA.x\tX\tZZ\t-\tSEA\t0\t1\t1\t-\n", "g:1: country"},
		{"feature with bad population", "C\tFR\tFRA\tFR\tFrance\t46\t2\t-\t-\t-\nF\tSEA.x\tX\tFR\t-\tSEA\t-1\t1\t1\t-\n", "g:2: population"},
		{"district without a country", "F\tX.1\tX\t-\t-\tADM2\t1\t1\t1\t-\n", "g:1: country"},
		{"place after a feature", "C\tFR\tFRA\tFR\tFrance\t46\t2\t-\t-\t-\nF\tSEA.x\tX\tFR\t-\tSEA\t0\t1\t1\t-\nP\t1\tA\tFR\t11\tPPL\t1\t48\t2\n", "g:3: kind"},
	} {
		_, err := Load(tc.text, "g")
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%s: got error %v, want one containing %q", tc.name, err, tc.want)
		}
	}
}

func TestReadCasesErrors(t *testing.T) {
	for _, tc := range []struct{ name, text, want string }{
		{"fields", "a\ttune\tParis\n", "t:1: 3 fields"},
		{"split", "a\tTune\tParis\t1\tx\ts\n", "t:1: split"},
		{"want", "# c\na\ttune\tParis\tparis\tx\ts\n", "t:2: want"},
		{"country", "a\ttune\tParis\tcountry:FRA\tx\ts\n", "t:1: want"},
		{"mention", "a\ttune\t \t1\tx\ts\n", "t:1: mention"},
	} {
		_, err := ReadCases(strings.NewReader(tc.text), "t")
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%s: got error %v, want one containing %q", tc.name, err, tc.want)
		}
	}
}

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

// TestSeedGolden spots and resolves the places of the seed article and
// compares them with testdata/seed.golden.
func TestSeedGolden(t *testing.T) {
	dir, err := sharedDir()
	if err != nil {
		shareddata.Skip(t, "%v", err)
	}
	matches, _ := filepath.Glob(filepath.Join(dir, "seed", "*.txt"))
	if len(matches) == 0 {
		shareddata.Skip(t, "no seed article in %s/seed", dir)
	}
	text, err := os.ReadFile(matches[0])
	if err != nil {
		t.Fatal(err)
	}
	g := mustDefault(t)
	var ms []Mention
	for _, para := range strings.Split(string(text), "\n") {
		for _, f := range g.Spot(para) {
			ms = append(ms, f.Mention)
		}
	}
	var b strings.Builder
	for i, r := range g.ResolveArticle(ms, Hints{}) {
		if r.Geo == nil {
			b.WriteString(ms[i].Text + "\t-\n")
			continue
		}
		gg := r.Geo
		b.WriteString(strings.Join([]string{ms[i].Text, r.Method, itoa(gg.Type), gg.FullName, gg.CountryISO, gg.CountryFIPS, gg.ADM1,
			ftoa(gg.Lat), ftoa(gg.Lon), gg.FeatureID}, "\t") + "\n")
	}
	golden := filepath.Join("testdata", "seed.golden")
	if *update {
		if err := os.WriteFile(golden, []byte(b.String()), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	if b.String() != string(want) {
		t.Errorf("seed places differ from %s (run go test -update after checking):\ngot:\n%s\nwant:\n%s", golden, b.String(), want)
	}
}

// sharedDir finds ../shared next to the module root.
func sharedDir() (string, error) {
	dir, err := os.Getwd()
	if err != nil {
		return "", err
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			shared := filepath.Join(dir, "..", "shared")
			if _, err := os.Stat(shared); err != nil {
				return "", errors.New("shared data folder ../shared (next to the repository) is absent")
			}
			return shared, nil
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "", errors.New("module root not found")
		}
		dir = parent
	}
}

func TestCountryGeo(t *testing.T) {
	g := mustDefault(t)
	for _, tc := range []struct{ code, fips, iso3 string }{
		{"FRA", "FR", "FRA"}, {"dz", "AG", "DZA"}, {"AZE", "AJ", "AZE"}, {"GB", "UK", "GBR"}, {"TUN", "TS", "TUN"}, {"ROM", "RO", "ROU"},
	} {
		gg, ok := g.CountryGeo(tc.code)
		if !ok || gg.Type != 1 || gg.CountryFIPS != tc.fips || gg.CountryISO != tc.iso3 || gg.FeatureID != tc.fips {
			t.Errorf("CountryGeo(%q) = %+v, %v", tc.code, gg, ok)
		}
	}
	for _, code := range []string{"XYZ", "AFR", ""} {
		if gg, ok := g.CountryGeo(code); ok {
			t.Errorf("CountryGeo(%q) = %+v, want none", code, gg)
		}
	}
}
