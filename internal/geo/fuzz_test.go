package geo

import (
	"strings"
	"testing"
)

func FuzzLoad(f *testing.F) {
	f.Add("C\tFR\tFRA\tFR\tFrance\t46\t2\t1\tFrench Republic\tFrench\nA\tFR\t11\t-\tIle-de-France\t48.7\t2.5\t-\nP\t1\tParis\tFR\t11\tPPLC\t2138551\t48.85341\t2.3488\nN\t1\tLutetia\n")
	f.Add("# comment\nC\tUS\tUSA\tUS\tUnited States\t39.8\t-98.6\t-\tUSA;U.S.\tAmerican\nA\tUS\tGA\tUSGA\tGeorgia\t32.7\t-83.4\tGa.\n")
	f.Add("P\t\t\t\t\t\t\t\t\n")
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

func FuzzResolve(f *testing.F) {
	f.Add("Paris", "They met in Paris, Texas.", "FR")
	f.Add("Jabra, Tunisia", "held on the island of Jabra, Tunisia, shows", "")
	f.Add("Georgia", "Georgia's parliament met in Tbilisi.", "GEO")
	f.Add(", ,", "", "")
	f.Add("Alexandria, Va.", "in Alexandria, Va., a judge", "USA")
	f.Fuzz(func(t *testing.T, text, sentence, country string) {
		g := mustDefault(t)
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
		g := mustDefault(t)
		for _, m := range g.Spot(s) {
			if m.Start < 0 || m.End > len(s) || m.Start >= m.End || s[m.Start:m.End] != m.Text {
				t.Errorf("Spot(%q): bad span %d:%d for %q", s, m.Start, m.End, m.Text)
			}
		}
	})
}
