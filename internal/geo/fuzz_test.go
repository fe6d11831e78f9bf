package geo

import (
	"strings"
	"sync"
	"testing"
)

func FuzzLoad(f *testing.F) {
	f.Add("C\tFR\tFRA\tFR\tFrance\t46\t2\t1\tFrench Republic\tFrench\nA\tFR\t11\t-\tIle-de-France\t48.7\t2.5\t-\nP\t1\tParis\tFR\t11\tPPLC\t2138551\t48.85341\t2.3488\nN\t1\tLutetia\n")
	f.Add("# comment\nC\tUS\tUSA\tUS\tUnited States\t39.8\t-98.6\t-\tUSA;U.S.\tAmerican\nA\tUS\tGA\tUSGA\tGeorgia\t32.7\t-83.4\tGa.\n")
	f.Add("P\t\t\t\t\t\t\t\t\n")
	f.Add("C\tIR\tIRN\tIR\tIran\t32\t53\t-\t-\tIranian\nF\tPK.03.1\tSwat\tIR\t03\tADM2\t60000\t35\t72\t-\nF\tSTRT.hormuz\tStrait of Hormuz\t-\t-\tSTRT\t0\t26.6\t56.4\tHormuz Strait\n")
	f.Fuzz(func(t *testing.T, text string) {
		g, err := Load(text, "fuzz")
		if err != nil {
			return
		}
		// A loaded gazetteer resolves without panicking.
		for _, c := range g.Countries {
			g.Resolve(Mention{Text: c.Name}, Hints{Countries: []string{c.ISO2}})
		}
		for _, p := range g.Places {
			if p.Country < 0 {
				g.Resolve(Mention{Text: p.Name}, Hints{})
				continue
			}
			g.Resolve(Mention{Text: p.Name + ", " + g.Countries[p.Country].Name}, Hints{})
		}
	})
}

func FuzzReadCases(f *testing.F) {
	f.Add("a\ttune\tParis\t2988507\tFR:Paris\tThey met in Paris.\n")
	f.Add("# c\nb\ttest\tGeorgia\tcountry:GE\tx\ty\nb\ttest\tTexas\tadm1:US.TX\tx\ty\n")
	f.Add("a\ttune\tNarnia\tnone\tx\ty\n\n")
	f.Fuzz(func(t *testing.T, text string) {
		cases, err := ReadCases(strings.NewReader(text), "fuzz")
		if err != nil {
			return
		}
		for _, c := range cases {
			if checkWant(c.Want) != nil || c.Article == "" {
				t.Errorf("accepted a bad case %+v", c)
			}
		}
	})
}

// fixture is a small gazetteer for fuzzing the resolver and the spotter
// quickly; it has the ambiguities of the real one (a country and a US state
// named Georgia, Paris in two countries, aliases, abbreviations).
const fixture = `C	FR	FRA	FR	France	46	2	2988507	French Republic	French
C	GE	GEO	GG	Georgia	42	43.5	611717	-	Georgian
C	TN	TUN	TS	Tunisia	34	9	-	-	Tunisian
C	US	USA	US	United States	39.83	-98.58	-	US;U.S.;America	American
A	US	GA	USGA	Georgia	32.7	-83.4	Ga.
A	US	TX	USTX	Texas	31.5	-99.3	Tex.
A	US	VA	USVA	Virginia	37.5	-78.9	Va.
P	611717	Tbilisi	GE	51	PPLC	1049498	41.69411	44.83368
P	2470384	Houmt El Souk	TN	28	PPL	62583	33.87576	10.85745
P	2988507	Paris	FR	11	PPLC	2138551	48.85341	2.3488
P	4180439	Atlanta	US	GA	PPLA	463878	33.749	-84.38798
P	4219762	Rome	US	GA	PPLA2	36323	34.25704	-85.16467
P	4717560	Paris	US	TX	PPLA2	24782	33.66094	-95.55551
P	4744091	Alexandria	US	VA	PPLA2	153511	38.80484	-77.04692
N	2470384	Djerba
N	2470384	Jerba
`

var fixtureOnce = sync.OnceValues(func() (*Gazetteer, error) { return Load(fixture, "fixture") })

func fixtureGazetteer(tb testing.TB) *Gazetteer {
	g, err := fixtureOnce()
	if err != nil {
		tb.Fatal(err)
	}
	return g
}

func FuzzResolve(f *testing.F) {
	f.Add("Paris", "They met in Paris, Texas.", "FR")
	f.Add("Jabra, Tunisia", "held on the island of Jabra, Tunisia, shows", "")
	f.Add("Georgia", "Georgia's parliament met in Tbilisi.", "GEO")
	f.Add(", ,", "", "")
	f.Add("Alexandria, Va.", "in Alexandria, Va., a judge", "USA")
	f.Fuzz(func(t *testing.T, text, sentence, country string) {
		g := fixtureGazetteer(t)
		ms := []Mention{{Text: text, Sentence: sentence}, {Text: sentence, Sentence: text}}
		for _, r := range g.ResolveArticle(ms, Hints{Countries: []string{country}}) {
			if r.Geo != nil && (r.Geo.Lat == 0 && r.Geo.Lon == 0 || r.Geo.FullName == "") {
				t.Errorf("%q: incomplete result %+v", text, *r.Geo)
			}
		}
	})
}

func FuzzSpot(f *testing.F) {
	f.Add("They attacked the Embassy of Azerbaijan in Paris, as well as others.")
	f.Add("held on the island of Jabra, Tunisia, shows that U.S. and D.C., officials")
	f.Add("Alexandria, Va., and Washington, D.C.")
	f.Add("\xff, A, B.")
	f.Fuzz(func(t *testing.T, s string) {
		g := fixtureGazetteer(t)
		for _, m := range g.Spot(s) {
			if m.Start < 0 || m.End > len(s) || m.Start >= m.End || s[m.Start:m.End] != m.Text {
				t.Errorf("Spot(%q): bad span %d:%d for %q", s, m.Start, m.End, m.Text)
			}
		}
	})
}

// The fixture resolves like the real gazetteer on its ambiguous names.
func TestFixtureResolves(t *testing.T) {
	g := fixtureGazetteer(t)
	for _, tc := range []struct {
		ms   []Mention
		want []string
	}{
		{[]Mention{{Text: "Georgia"}, {Text: "Tbilisi"}}, []string{"GG", "611717"}},
		{[]Mention{{Text: "Georgia"}, {Text: "Atlanta"}}, []string{"USGA", "4180439"}},
		{[]Mention{{Text: "Jabra, Tunisia"}}, []string{"2470384"}},
		{[]Mention{{Text: "Paris", Sentence: "A tornado hit Paris, Texas."}}, []string{"4717560"}},
		{[]Mention{{Text: "Rome", Sentence: "near Rome, Ga., a school"}}, []string{"4219762"}},
	} {
		for i, r := range g.ResolveArticle(tc.ms, Hints{}) {
			if r.Geo == nil || r.Geo.FeatureID != tc.want[i] {
				t.Errorf("%q: got %+v, want %s", tc.ms[i].Text, r.Geo, tc.want[i])
			}
		}
	}
}
