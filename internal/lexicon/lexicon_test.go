package lexicon

import (
	"bytes"
	"os"
	"strings"
	"testing"
	"testing/fstest"
)

func mustWordNet(t testing.TB) *Lexicon {
	t.Helper()
	l, err := WordNet()
	if err != nil {
		t.Fatal(err)
	}
	return l
}

func TestTags(t *testing.T) {
	l := mustWordNet(t)
	for _, c := range []struct {
		form string
		want Tags
	}{
		{"withdrew", VBD | VBN},       // verb.exc
		{"fled", VBD | VBN},           // verb.exc
		{"withdraw", VB | VBP},        // verb lemma only
		{"accusing", VBG | JJ},        // -ing of accuse
		{"accused", NN | VBD | VBN},   // a noun lemma ("the accused") and -ed of accuse
		{"rigged", JJ | VBD | VBN},    // "rigged" is also an adjective lemma
		{"criteria", NNS},             // noun.exc
		{"boss", NN | VB | VBP | JJ},  // no "bos" plural: -ss keeps its s
		{"bosses", NNS | VBZ},         // -es of boss
		{"worse", NN | JJ | JJR | RB}, // adj.exc ("worse bad") and lemmas
		{"hottest", JJS},              // adj.exc ("hottest hot")
		{"bigger", JJ | JJR},          // adj.exc
		{"happier", JJR},              // -er of happy? no: adj.exc lists it
		{"nicer", JJR},                // -er→e of nice
		{"quickly", RB},
		{"hunger", NN | VB | VBP}, // adj.exc "hunger hunger": not the comparative of "hung"
		{"longest", JJS | RB},     // -est of long; also an adverb
		{"eventwire", 0},
		{"", 0},
	} {
		if got := l.Tags([]byte(c.form)); got != c.want {
			t.Errorf("Tags(%q) = %q, want %q", c.form, got, c.want)
		}
	}
}

func TestIrregular(t *testing.T) {
	l := mustWordNet(t)
	for _, c := range []struct {
		form  string
		pos   POS
		lemma string
	}{
		{"withdrew", Verb, "withdraw"},
		{"withdrawn", Verb, "withdraw"},
		{"fled", Verb, "flee"},
		{"went", Verb, "go"},
		{"criteria", Noun, "criterion"},
		{"worse", Adj, "bad"},
		{"withdrew", Noun, ""},
		{"walked", Verb, ""}, // regular: no exception
	} {
		got, ok := l.Irregular([]byte(c.form), c.pos)
		if got != c.lemma || ok != (c.lemma != "") {
			t.Errorf("Irregular(%q, %d) = %q, %v, want %q", c.form, c.pos, got, ok, c.lemma)
		}
	}
}

func TestTagsAllocatesNothing(t *testing.T) {
	l := mustWordNet(t)
	forms := [][]byte{[]byte("withdrew"), []byte("accusing"), []byte("bosses"), []byte(strings.Repeat("x", 80) + "ed")}
	n := testing.AllocsPerRun(100, func() {
		for _, f := range forms {
			l.Tags(f)
			l.Irregular(f, Verb)
		}
	})
	if n != 0 {
		t.Errorf("Tags and Irregular: %.1f allocations per run, want 0", n)
	}
}

func TestTagOfString(t *testing.T) {
	for i, n := range tagNames {
		if TagOf(n) != 1<<i || Tags(1<<i).String() != n {
			t.Errorf("tag %s: TagOf %d, String %q", n, TagOf(n), Tags(1<<i).String())
		}
	}
	if TagOf("NNP") != 0 {
		t.Error("TagOf(NNP) is not 0")
	}
	if s := (VBD | VBN).String(); s != "VBD VBN" {
		t.Errorf("String = %q", s)
	}
}

// miniWordNet is a WordNet database of a few words, in the files' formats.
var miniWordNet = fstest.MapFS{
	"index.noun": {Data: []byte("  1 This software and database is being provided\n" +
		"axis n 2 1 @ 2 0 1 2\nbus n 1 1 @ 1 0 3\nice_cream n 1 0 1 0 4\nwalk n 1 0 1 0 5\n")},
	"index.verb": {Data: []byte("flee v 1 0 1 0 6\nwalk v 1 0 1 0 7\nbus v 1 0 1 0 8\n")},
	"index.adj":  {Data: []byte("good a 1 0 1 0 9\n")},
	"index.adv":  {Data: []byte("well r 1 0 1 0 10\n")},
	"noun.exc":   {Data: []byte("axes axis axe\n")},
	"verb.exc":   {Data: []byte("fled flee\nbussed bus\nice_skated ice_skate\n")},
	"adj.exc":    {Data: []byte("better good well\n")},
	"adv.exc":    {Data: []byte("better well\n")},
}

func TestBuildTable(t *testing.T) {
	b, _, err := BuildTable(miniWordNet)
	if err != nil {
		t.Fatal(err)
	}
	b2, _, _ := BuildTable(miniWordNet)
	if !bytes.Equal(b, b2) {
		t.Error("two builds differ")
	}
	l, err := Decode(bytes.NewReader(b))
	if err != nil {
		t.Fatal(err)
	}
	if n, f := l.Len(); n != 6 || f != 4 {
		t.Errorf("Len = %d lemmas, %d forms; want 6, 4 (no collocations)", n, f)
	}
	for _, c := range []struct {
		form string
		want Tags
	}{
		{"walks", NNS | VBZ},
		{"walked", VBD | VBN},
		{"walking", VBG},
		{"buses", NNS | VBZ},
		{"bussed", VBD | VBN},
		{"axes", NNS},
		{"fled", VBD | VBN},
		{"better", JJR | RBR},
		{"ice_cream", 0},
	} {
		if got := l.Tags([]byte(c.form)); got != c.want {
			t.Errorf("Tags(%q) = %q, want %q", c.form, got, c.want)
		}
	}
	if lem, _ := l.Irregular([]byte("axes"), Noun); lem != "axis" {
		t.Errorf("Irregular(axes) = %q, want the first listed lemma, axis", lem)
	}
}

func TestBuildTableErrors(t *testing.T) {
	bad := fstest.MapFS{}
	for k, v := range miniWordNet {
		bad[k] = v
	}
	bad["index.verb"] = &fstest.MapFile{Data: []byte("flee n 1 0\n")}
	if _, _, err := BuildTable(bad); err == nil || !strings.Contains(err.Error(), "index.verb line 1") {
		t.Errorf("wrong part of speech: error %v", err)
	}
	delete(bad, "adv.exc")
	bad["index.verb"] = miniWordNet["index.verb"]
	if _, _, err := BuildTable(bad); err == nil {
		t.Error("missing adv.exc: no error")
	}
}

func TestParseTableErrors(t *testing.T) {
	for _, c := range []struct{ text, want string }{
		{"", "empty"},
		{"wordnet 2\n", "line 1: header"},
		{tableHeader + "\nwalk\n", "line 2"},
		{tableHeader + "\nwalk\tq\n" + excHeader + "\n", "line 2: part of speech"},
		{tableHeader + "\nwalk\tnv\n", "no " + excHeader},
		{tableHeader + "\n" + excHeader + "\nfled\tv\n", "line 3"},
		{tableHeader + "\n" + excHeader + "\nfled\tx\tflee\n", "line 3"},
	} {
		_, err := parseTable(c.text)
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("parseTable(%q): error %v, want one naming %q", c.text, err, c.want)
		}
	}
}

// TestEmbeddedIsRebuilt checks that wordnet.gz is what the generator makes
// from the installed WordNet (Debian wordnet-base).
func TestEmbeddedIsRebuilt(t *testing.T) {
	const dir = "/usr/share/wordnet"
	if _, err := os.Stat(dir + "/index.noun"); err != nil {
		t.Skipf("WordNet 3.0 not installed in %s (apt-get install wordnet-base): %v", dir, err)
	}
	b, _, err := BuildTable(os.DirFS(dir))
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(b, embedded) {
		t.Error("wordnet.gz differs from a rebuild: go generate ./internal/lexicon")
	}
}

func FuzzParseTable(f *testing.F) {
	f.Add(tableHeader + "\nwalk\tnv\n" + excHeader + "\nfled\tv\tflee\n")
	f.Fuzz(func(t *testing.T, s string) {
		l, err := parseTable(s)
		if err != nil {
			return
		}
		for _, w := range strings.Fields(s) {
			l.Tags([]byte(w))
		}
	})
}

func BenchmarkTags(b *testing.B) {
	l := mustWordNet(b)
	forms := [][]byte{[]byte("withdrew"), []byte("accusing"), []byte("government"), []byte("rigging"), []byte("obama")}
	b.ReportAllocs()
	for b.Loop() {
		for _, f := range forms {
			l.Tags(f)
		}
	}
}
