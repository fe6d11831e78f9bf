package confli

import (
	"strings"
	"testing"

	"github.com/eventwire/eventwire/internal/coder"
	"github.com/eventwire/eventwire/internal/dict/builtin"
	"github.com/eventwire/eventwire/internal/event"
	"github.com/eventwire/eventwire/internal/nlp/pipeline"
	"github.com/eventwire/eventwire/internal/shareddata"
)

func TestReadClass(t *testing.T) {
	for _, tc := range []struct {
		in, err string
		n       int
	}{
		{"A said B.\t0\nC attacked D.\t4\n", "", 2},
		{"no tab\n", "x:1: want sentence<TAB>class", 0},
		{"A.\t7\n", `x:1: class "7": want 0-4`, 0},
		{"\n\nA.\t2\n", "", 1},
	} {
		got, err := ReadClass(strings.NewReader(tc.in), "x")
		if tc.err != "" {
			if err == nil || err.Error() != tc.err {
				t.Errorf("%q: err %v, want %s", tc.in, err, tc.err)
			}
			continue
		}
		if err != nil || len(got) != tc.n {
			t.Errorf("%q: got %d, %v", tc.in, len(got), err)
		}
	}
}

func TestReadNER(t *testing.T) {
	got, err := ReadNER(strings.NewReader("Russia B-S\nattacked O\nUkraine B-T\n\nA O\n"), "x")
	if err != nil || len(got) != 2 || got[0].Tags[2] != "B-T" || got[1].Line != 5 {
		t.Fatalf("got %+v, %v", got, err)
	}
	if _, err := ReadNER(strings.NewReader("Russia X-S\n"), "x"); err == nil || !strings.Contains(err.Error(), "x:1:") {
		t.Errorf("bad tag: err %v", err)
	}
}

func TestEvaluateSpans(t *testing.T) {
	text := "Russia attacked Ukraine ."
	s := []Sentence{{Text: text, Class: 4, Tokens: strings.Fields(text), Tags: []string{"B-S", "O", "B-T", "O"}}}
	res := Evaluate(s, func(string) []event.Event {
		return []event.Event{{Code: "190", SourceSpan: event.Span{Start: 0, End: 6}, TargetSpan: event.Span{Start: 0, End: 23}}}
	})
	if res.ClassAccuracy != 1 || res.SourceF1 != 1 || res.TargetF1 >= 1 || res.TargetF1 <= 0 {
		t.Errorf("got %+v", res)
	}
}

// TestAccuracyFloor codes the ConfliBERT sentences with the built-in
// dictionaries and the evaluation's options (Options) and holds the
// figures of all sentences and of the held-out half (the odd-numbered
// sentences, not looked at while writing rules and patterns) above floors
// just below the measured ones (see docs/dictionaries.md).
func TestAccuracyFloor(t *testing.T) {
	if testing.Short() {
		t.Skip("parses 1,348 sentences")
	}
	dir := shareddata.Dir(t, "confli")
	sents, err := Load(dir)
	if err != nil {
		t.Fatal(err)
	}
	set, err := builtin.Set()
	if err != nil {
		t.Fatal(err)
	}
	c, err := coder.New(set, Options())
	if err != nil {
		t.Fatal(err)
	}
	p, err := pipeline.Default()
	if err != nil {
		t.Fatal(err)
	}
	code := TextCoder(c, p.NewWorker())
	for _, part := range []struct {
		name                            string
		coverage, class, source, target float64
	}{
		{"all", floorCoverage, floorClass, floorSource, floorTarget},
		{"odd", floorHeldCoverage, floorHeldClass, floorHeldSource, floorHeldTarget},
	} {
		ps, err := Part(sents, part.name)
		if err != nil {
			t.Fatal(err)
		}
		res := Evaluate(ps, code)
		t.Logf("%s: %+v", part.name, res)
		for _, f := range []struct {
			name       string
			got, floor float64
		}{
			{"coverage", res.Coverage, part.coverage},
			{"class accuracy", res.ClassAccuracy, part.class},
			{"source F1", res.SourceF1, part.source},
			{"target F1", res.TargetF1, part.target},
		} {
			if f.got < f.floor {
				t.Errorf("%s sentences: %s %.3f below the floor %.3f", part.name, f.name, f.got, f.floor)
			}
		}
	}
}

// Floors just below the measured figures, with a margin for retrained
// tagger and parser models. All sentences: coverage 0.846, class accuracy
// 0.816, source F1 0.864, target F1 0.595; held out (odd): 0.826, 0.819,
// 0.875, 0.580. Coverage fell from 0.868 (odd 0.850) when statements
// about a topic stopped being events between speaker and topic
// (content.go addressee): these sentences label such statements, the
// annotation guide (docs/annotation.md) does not.
const (
	floorCoverage = 0.83
	floorClass    = 0.78
	floorSource   = 0.84
	floorTarget   = 0.57

	floorHeldCoverage = 0.81
	floorHeldClass    = 0.78
	floorHeldSource   = 0.84
	floorHeldTarget   = 0.54
)

func TestPartAndGold(t *testing.T) {
	sents := []Sentence{{Text: "a"}, {Text: "b"}, {Text: "c"}}
	for _, tc := range []struct {
		part, want, err string
	}{
		{"all", "abc", ""}, {"", "abc", ""}, {"even", "ac", ""}, {"odd", "b", ""}, {"half", "", `part "half": want all, even or odd`},
	} {
		got, err := Part(sents, tc.part)
		if tc.err != "" {
			if err == nil || err.Error() != tc.err {
				t.Errorf("part %q: err %v, want %s", tc.part, err, tc.err)
			}
			continue
		}
		var b strings.Builder
		for _, s := range got {
			b.WriteString(s.Text)
		}
		if err != nil || b.String() != tc.want {
			t.Errorf("part %q: got %q, %v; want %q", tc.part, b.String(), err, tc.want)
		}
	}
	s := Sentence{Tokens: strings.Fields("Russia and Iran attacked the rebels and Kurds"),
		Tags: []string{"B-S", "O", "B-S", "O", "B-T", "I-T", "O", "I-T"}}
	for _, tc := range []struct{ role, want string }{
		{"S", "Russia | Iran"}, {"T", "the rebels | Kurds"}, {"R", ""},
	} {
		if got := s.Gold(tc.role); got != tc.want {
			t.Errorf("Gold(%s) = %q, want %q", tc.role, got, tc.want)
		}
	}
}
