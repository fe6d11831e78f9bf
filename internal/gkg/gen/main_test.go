package main

import (
	"slices"
	"strings"
	"testing"
)

func TestParseVader(t *testing.T) {
	var txt []byte
	txt = append(txt, "$:\t-1.5\t0.80623\t[-1, -1]\n:-d\t2.3\t0.5\t[2, 3]\ncan't stand\t-2.0\t0.63\t[-2]\n"...)
	txt = append(txt, "fed up\t-1.8\t1.2\t[-2]\nwow\t2.75\t1\t[3]\nfav\t2.4\t1\t[2]\nFav\t2.0\t1\t[2]\nmeh\t0.04\t1\t[0]\nX-RATED\t-0.5\t1\t[0]\n"...)
	for i := 0; i < 1000; i++ {
		txt = append(txt, 'w', byte('a'+i%26), byte('a'+i/26%26), byte('a'+i/676))
		txt = append(txt, "\t1.1\t0.3\t[1, 1]\n"...)
	}
	got, err := parseVader(txt)
	if err != nil {
		t.Fatal(err)
	}
	want := []entry{{"can't stand", -20}, {"fed up", -18}, {"wow", 28}, {"x-rated", -5}, {"waaa", 11}, {"fav", 20}}
	for _, w := range want {
		if !slices.Contains(got, w) {
			t.Errorf("missing %+v", w)
		}
	}
	for _, e := range got {
		if e.word == "$:" || e.word == ":-d" || e.word == "meh" || e == (entry{"fav", 24}) {
			t.Errorf("kept %+v", e)
		}
	}
	if !slices.IsSortedFunc(got, func(a, b entry) int { return strings.Compare(a.word, b.word) }) {
		t.Error("not sorted")
	}
	for _, tc := range []struct{ name, txt string }{
		{"out of range", "bad\t4.5\t0\t[]\n"},
		{"no valence", "bad\n"},
		{"not a number", "bad\tx\t0\t[]\n"},
		{"too few", "good\t1.0\t0\t[]\n"},
	} {
		if _, err := parseVader([]byte(tc.txt)); err == nil {
			t.Errorf("%s: want an error", tc.name)
		} else if tc.name != "too few" && !strings.Contains(err.Error(), "vader_lexicon.txt:1") {
			t.Errorf("%s: error %q does not name the line", tc.name, err)
		}
	}
}

func TestLexiconWord(t *testing.T) {
	for _, tc := range []struct {
		s    string
		want bool
	}{
		{"good", true}, {"can't stand", true}, {"x-rated", true}, {"b4", true},
		{"<3", false}, {":d", false}, {"fed  up", false}, {" up", false}, {"up ", false}, {"123", false},
	} {
		if got := lexiconWord(tc.s); got != tc.want {
			t.Errorf("lexiconWord(%q) = %v, want %v", tc.s, got, tc.want)
		}
	}
}

func TestParseNames(t *testing.T) {
	got := uniqueSorted(parseNames([]byte("Aaron\nAL\nJo-Ann\nZOE\nBéa\nAaron\n")))
	if want := []string{"Aaron", "Zoe"}; !slices.Equal(got, want) {
		t.Errorf("got %v, want %v", got, want)
	}
}
