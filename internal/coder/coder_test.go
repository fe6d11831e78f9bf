package coder

import (
	"bufio"
	"errors"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/eventwire/eventwire/internal/dict"
	"github.com/eventwire/eventwire/internal/dict/petrarch"
	"github.com/eventwire/eventwire/internal/event"
	"github.com/eventwire/eventwire/internal/nlp"
)

var update = flag.Bool("update", false, "rewrite the golden files")

// testCase is one block of testdata/cases.txt.
type testCase struct {
	name      string
	line      int
	date      dict.Date
	negation  NegationPolicy
	petrarch1 bool     // "style: petrarch1"
	expect    []string // "SRC TGT CODE [flags]" in canonical form
	doc       nlp.Document
}

// readCases parses the case file; word lines "ID FORM LEMMA UPOS HEAD
// DEPREL" become CoNLL-U read by the nlp reader (so UD v1 labels are
// converted as in real input).
func readCases(t testing.TB, path string) []testCase {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var cases []testCase
	var cur *testCase
	var conllu strings.Builder
	endSentence := func(n int) {
		if cur == nil || conllu.Len() == 0 {
			return
		}
		s, err := nlp.NewConlluReader(strings.NewReader(conllu.String()+"\n"), path).Next()
		if err != nil {
			t.Fatalf("%s:%d: %v", path, n, err)
		}
		cur.doc.Sentences = append(cur.doc.Sentences, *s)
		conllu.Reset()
	}
	sc := bufio.NewScanner(f)
	n := 0
	for sc.Scan() {
		n++
		line := strings.TrimSpace(sc.Text())
		switch {
		case line == "" || strings.HasPrefix(line, "#"):
		case strings.HasPrefix(line, "=== "):
			endSentence(n)
			cases = append(cases, testCase{name: line[4:], line: n})
			cur = &cases[len(cases)-1]
		case cur == nil:
			t.Fatalf("%s:%d: line before the first case", path, n)
		case line == "--":
			endSentence(n)
		case strings.HasPrefix(line, "date:"):
			v, err := strconv.Atoi(strings.ReplaceAll(strings.TrimSpace(line[5:]), "-", ""))
			if err != nil {
				t.Fatalf("%s:%d: bad date", path, n)
			}
			cur.date = dict.Date(v)
		case strings.HasPrefix(line, "style:"):
			switch strings.TrimSpace(line[6:]) {
			case "petrarch1":
				cur.petrarch1 = true
			case "petrarch2":
			default:
				t.Fatalf("%s:%d: bad style", path, n)
			}
		case strings.HasPrefix(line, "negation:"):
			switch strings.TrimSpace(line[9:]) {
			case "drop":
				cur.negation = NegationDrop
			case "transform":
				cur.negation = NegationTransform
			case "keep":
				cur.negation = NegationKeep
			default:
				t.Fatalf("%s:%d: bad negation", path, n)
			}
		case strings.HasPrefix(line, "expect:"):
			if e := strings.TrimSpace(line[7:]); e != "none" {
				cur.expect = append(cur.expect, canonical(strings.Fields(e)))
			}
		default:
			f := strings.Fields(line)
			if len(f) != 6 && len(f) != 7 {
				t.Fatalf("%s:%d: want ID FORM LEMMA UPOS HEAD DEPREL [FEATS]", path, n)
			}
			feats := "_"
			if len(f) == 7 {
				feats = f[6]
			}
			fmt.Fprintf(&conllu, "%s\t%s\t%s\t%s\t_\t%s\t%s\t%s\t_\t_\n", f[0], f[1], f[2], f[3], feats, f[4], f[5])
		}
	}
	endSentence(n)
	return cases
}

// canonical orders the flags of an expectation: triple, sentence, negated, reported.
func canonical(f []string) string {
	if len(f) < 3 {
		return strings.Join(f, " ")
	}
	out := f[:3:3]
	sentence, flags := "sentence=1", []string{}
	for _, x := range f[3:] {
		if strings.HasPrefix(x, "sentence=") {
			sentence = x
		} else {
			flags = append(flags, x)
		}
	}
	out = append(out, sentence)
	for _, want := range []string{"negated", "reported="} {
		for _, x := range flags {
			if strings.HasPrefix(x, want) {
				out = append(out, x)
			}
		}
	}
	return strings.Join(out, " ")
}

func describe(e *event.Event) string {
	f := []string{e.Source, e.Target, e.Code, "sentence=" + strconv.Itoa(e.Sentence)}
	if e.Negated {
		f = append(f, "negated")
	}
	if e.Reported {
		f = append(f, "reported="+e.Attribution)
	}
	return strings.Join(f, " ")
}

func testDict(t testing.TB) *dict.Set {
	t.Helper()
	set, err := petrarch.LoadFiles(filepath.Join("testdata", "dict"))
	if err != nil {
		t.Fatal(err)
	}
	return set
}

func TestConstructions(t *testing.T) {
	set := testDict(t)
	cases := readCases(t, filepath.Join("testdata", "cases.txt"))
	if len(cases) < 15 {
		t.Fatalf("only %d cases read", len(cases))
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			c, err := New(set, Options{Negation: tc.negation, Petrarch1: tc.petrarch1})
			if err != nil {
				t.Fatal(err)
			}
			sc := c.NewScratch()
			evs := c.CodeDocument(sc, Doc{ID: "t", Date: tc.date}, &tc.doc, nil)
			var got []string
			for i := range evs {
				got = append(got, describe(&evs[i]))
			}
			if strings.Join(got, "\n") != strings.Join(tc.expect, "\n") {
				_, tr := c.Explain(Doc{Date: tc.date}, &tc.doc.Sentences[len(tc.doc.Sentences)-1])
				t.Errorf("testdata/cases.txt:%d:\ngot:\n%s\nwant:\n%s\ntrace:\n%s", tc.line,
					strings.Join(got, "\n"), strings.Join(tc.expect, "\n"), tr)
			}
		})
	}
}

// TestEventsGolden checks every field of the events of the cases (spans,
// rules, texts, the dictionary version) against testdata/cases.golden.jsonl.
func TestEventsGolden(t *testing.T) {
	set := testDict(t)
	var b strings.Builder
	w := event.NewJSONLWriter(&b)
	for _, tc := range readCases(t, filepath.Join("testdata", "cases.txt")) {
		c, err := New(set, Options{Negation: tc.negation, Petrarch1: tc.petrarch1})
		if err != nil {
			t.Fatal(err)
		}
		for _, e := range c.CodeDocument(c.NewScratch(), Doc{ID: tc.name, Date: tc.date}, &tc.doc, nil) {
			if err := w.Write(&e); err != nil {
				t.Fatal(err)
			}
		}
	}
	if err := w.Flush(); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join("testdata", "cases.golden.jsonl")
	if *update {
		if err := os.WriteFile(path, []byte(b.String()), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update)", err)
	}
	if got := b.String(); got != string(want) {
		gl, wl := strings.Split(got, "\n"), strings.Split(string(want), "\n")
		for i := 0; i < len(gl) || i < len(wl); i++ {
			var g, w string
			if i < len(gl) {
				g = gl[i]
			}
			if i < len(wl) {
				w = wl[i]
			}
			if g != w {
				t.Errorf("%s:%d differs (run go test -update and review the diff):\ngot:  %s\nwant: %s", path, i+1, g, w)
				break
			}
		}
	}
}

func TestExplain(t *testing.T) {
	set := testDict(t)
	c, err := New(set, Options{})
	if err != nil {
		t.Fatal(err)
	}
	cases := readCases(t, filepath.Join("testdata", "cases.txt"))
	evs, tr := c.Explain(Doc{}, &cases[0].doc.Sentences[0])
	if len(evs) != 1 {
		t.Fatalf("got %d events", len(evs))
	}
	s := tr.String()
	for _, want := range []string{`actor "arnor"`, `verb "attacked"`, "event ARN → GON 190", "verbs.txt:3"} {
		if !strings.Contains(s, want) {
			t.Errorf("trace lacks %q:\n%s", want, s)
		}
	}
	kinds := map[StepKind]int{}
	for _, st := range tr.Steps {
		kinds[st.Kind]++
	}
	if kinds[StepActor] != 2 || kinds[StepVerb] != 1 || kinds[StepEvent] != 1 {
		t.Errorf("step kinds %v", kinds)
	}
	// a sentence without a target explains why
	_, tr = c.Explain(Doc{}, &nlp.Sentence{Words: []nlp.Word{
		{ID: 1, Form: "Arnor", Lemma: "Arnor", UPOS: "PROPN", Head: 2, Deprel: "nsubj", Start: -1, End: -1},
		{ID: 2, Form: "attacked", Lemma: "attack", UPOS: "VERB", Head: 0, Deprel: "root", Start: -1, End: -1},
	}})
	if last := tr.Steps[len(tr.Steps)-1]; last.Kind != StepNoEvent || !strings.Contains(last.Msg, "no target") {
		t.Errorf("last step %+v", last)
	}
}

func TestEventFields(t *testing.T) {
	set := testDict(t)
	c, _ := New(set, Options{})
	text := "Arnor police attacked Gondor."
	s := nlp.Sentence{Text: text, Words: []nlp.Word{
		{ID: 1, Form: "Arnor", Lemma: "Arnor", UPOS: "PROPN", Head: 2, Deprel: "compound", Start: 0, End: 5},
		{ID: 2, Form: "police", Lemma: "police", UPOS: "NOUN", Head: 3, Deprel: "nsubj", Start: 6, End: 12},
		{ID: 3, Form: "attacked", Lemma: "attack", UPOS: "VERB", Head: 0, Deprel: "root", Start: 13, End: 21},
		{ID: 4, Form: "Gondor", Lemma: "Gondor", UPOS: "PROPN", Head: 3, Deprel: "obj", Start: 22, End: 28},
	}}
	evs := c.CodeSentence(c.NewScratch(), Doc{ID: "d1", Date: 20200101, Text: text}, 3, &s, nil)
	if len(evs) != 1 {
		t.Fatalf("got %d events", len(evs))
	}
	e := evs[0]
	want := event.Event{DocID: "d1", Sentence: 3, Text: text, Source: "ARNCOP", Target: "GON", Code: "190",
		Date: "2020-01-01", Rule: "verbs.txt:3", DictVersion: set.Version, Confidence: e.Confidence, // TestRescore
		// the verb's default code, two actors named, four words
		Evidence:   event.Evidence{Layer: LayerDefault, Dict: "verbs.txt", Source: SideName, Target: SideName, Words: 4},
		SourceSpan: event.Span{Start: 0, End: 12, First: 1, Last: 2, Text: "Arnor police"},
		TargetSpan: event.Span{Start: 22, End: 28, First: 4, Last: 4, Text: "Gondor"},
		VerbSpan:   event.Span{Start: 13, End: 21, First: 3, Last: 3, Text: "attacked"}}
	want.Root, want.Base, want.QuadClass, want.Goldstein, want.Plover = e.Root, e.Base, e.QuadClass, e.Goldstein, e.Plover
	if fmt.Sprint(e) != fmt.Sprint(want) {
		t.Errorf("event\n%+v\nwant\n%+v", e, want)
	}
	if e.Root != "19" || e.QuadClass != 4 {
		t.Errorf("CAMEO fields not completed: root %q quad %d", e.Root, e.QuadClass)
	}
}

func TestNewRejectsBadOptions(t *testing.T) {
	set := testDict(t)
	if _, err := New(set, Options{Negation: 9}); err == nil {
		t.Error("bad negation policy accepted")
	}
	if _, err := New(nil, Options{}); err == nil {
		t.Error("nil set accepted")
	}
}

func TestNegatedCode(t *testing.T) {
	tests := []struct{ in, want string }{
		{"111", "050"}, {"190", "057"}, {"036", "120"}, {"0", ""}, {"", ""}, {"215", ""},
	}
	for _, tt := range tests {
		if got := NegatedCode(tt.in); got != tt.want {
			t.Errorf("NegatedCode(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

var _ = errors.New
