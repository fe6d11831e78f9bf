package gkg

import (
	"strings"
	"testing"
)

func TestParseTenths(t *testing.T) {
	tests := []struct {
		in   string
		want int
		ok   bool
	}{
		{"-1.5", -15, true}, {"2", 20, true}, {"0.3", 3, true}, {"-0.4", -4, true}, {"4.0", 40, true},
		{"", 0, false}, {"-", 0, false}, {"1.", 0, false}, {".5", 0, false}, {"1.25", 0, false},
		{"x", 0, false}, {"1e1", 0, false}, {"123", 0, false}, {"--1", 0, false}, {"+1", 0, false},
	}
	for _, tc := range tests {
		got, ok := parseTenths(tc.in)
		if got != tc.want || ok != tc.ok {
			t.Errorf("parseTenths(%q) = %d, %v; want %d, %v", tc.in, got, ok, tc.want, tc.ok)
		}
	}
}

func TestLoadLexicon(t *testing.T) {
	l, err := loadLexicon([]byte("# comment\ngood\t1.9\nfed up\t-1.8\nmeh\t0.4\nbad\t-0.5\nthree word phrase\t2.0\n"), "t.tsv")
	if err != nil {
		t.Fatal(err)
	}
	if l.words["good"] != 19 || l.words["bad"] != -5 || l.phrases["fed up"] != -18 || !l.firsts["fed"] {
		t.Errorf("got words %v phrases %v", l.words, l.phrases)
	}
	if _, ok := l.words["meh"]; ok {
		t.Error("a valence of 0.4 should be neutral")
	}
	if len(l.phrases) != 1 {
		t.Errorf("longer phrases should be skipped: %v", l.phrases)
	}
	for _, tc := range []struct{ data, want string }{
		{"good\n", "t.tsv:1: want word<TAB>valence"},
		{"good\t1\n\tbad\t-1\n", "t.tsv:2: want word<TAB>valence"},
		{"# c\nbad\t-4.5\n", "t.tsv:2: valence"},
		{"bad\tx\n", "t.tsv:1: valence"},
		{"# only a comment\n", "t.tsv: no entries"},
	} {
		_, err := loadLexicon([]byte(tc.data), "t.tsv")
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%q: got error %v, want %q", tc.data, err, tc.want)
		}
	}
}

// TestEmbeddedLexicon checks the generated vader.tsv as loaded: thousands
// of words, a few known valences, no neutral word.
func TestEmbeddedLexicon(t *testing.T) {
	l, err := loadLexicon(vaderData, "vader.tsv")
	if err != nil {
		t.Fatal(err)
	}
	if len(l.words) < 5000 {
		t.Errorf("only %d words", len(l.words))
	}
	for w, want := range map[string]int8{"kill": -37, "terrorism": -36, "agreement": 22, "loyal": 21} {
		if got := l.words[w]; got != want {
			t.Errorf("%s: got %d, want %d", w, got, want)
		}
	}
	for w, v := range l.words {
		if v > -minValence && v < minValence {
			t.Errorf("neutral word %q (%d) loaded", w, v)
		}
	}
}

func TestLoadOrgs(t *testing.T) {
	m, err := loadOrgs([]byte("# comment\nlockheed martin\tMNCUSA\nsave the children\tNGO\n"), "o.tsv")
	if err != nil {
		t.Fatal(err)
	}
	if m["lockheed martin"] != "MNCUSA" || m["save the children"] != "NGO" || len(m) != 2 {
		t.Errorf("got %v", m)
	}
	for _, tc := range []struct{ data, want string }{
		{"lockheed martin\n", "o.tsv:1: want name<TAB>code"},
		{"# c\nexxon\tMNC\n\tNGO\n", "o.tsv:3: want name<TAB>code"},
		{"exxon\t\n", "o.tsv:1: want name<TAB>code"},
		{"exxon  mobil\tMNC\n", "o.tsv:1: want name<TAB>code"},
		{"exxon\tMNC\tUSA\n", "o.tsv:1: want name<TAB>code"},
		{"# only a comment\n", "o.tsv: no organisations"},
	} {
		_, err := loadOrgs([]byte(tc.data), "o.tsv")
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%q: got error %v, want %q", tc.data, err, tc.want)
		}
	}
}

// TestEmbeddedOrgs checks the generated orgs.tsv as loaded: thousands of
// names, a few known ones, no person of the sources.
func TestEmbeddedOrgs(t *testing.T) {
	m, err := loadOrgs(orgsData, "orgs.tsv")
	if err != nil {
		t.Fatal(err)
	}
	if len(m) < 5000 {
		t.Errorf("only %d names", len(m))
	}
	for n, want := range map[string]string{"lockheed martin": "MNCUSA", "exxon": "MNCUSA", "doctors without borders": "NGOHLHMSF"} {
		if got := m[n]; got != want {
			t.Errorf("%s: got %q, want %q", n, got, want)
		}
	}
	for _, n := range []string{"earl slack", "tom failla", "kofi annan", "ban ki-moon"} {
		if c, ok := m[n]; ok {
			t.Errorf("person %q in the table (%s)", n, c)
		}
	}
}
