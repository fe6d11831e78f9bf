package goldeval

import (
	"math"
	"strings"
	"testing"

	"github.com/eventwire/eventwire/internal/event"
)

func TestParseActor(t *testing.T) {
	for _, c := range []struct {
		code string
		want Actor
	}{
		{"USA", Actor{"USA", ""}},
		{"USAGOV", Actor{"USA", "gov"}},
		{"SDNREBMIL", Actor{"SDN", "arm"}},
		{"NGACOP", Actor{"NGA", "sec"}},
		{"IGOUNO", Actor{"IGOUNO", ""}},
		{"IGOUNOPKO", Actor{"IGOUNO", "sec"}},
		{"NGOHLH", Actor{"NGO", "soc"}},
		{"---INS", Actor{"", "arm"}},
		{"---", Actor{"", ""}},
		{"", Actor{"", ""}},
		{"AFGCVL", Actor{"AFG", "soc"}},
	} {
		if got := ParseActor(c.code); got != c.want {
			t.Errorf("ParseActor(%q) = %+v, want %+v", c.code, got, c.want)
		}
	}
}

func TestMatches(t *testing.T) {
	for _, c := range []struct {
		gold, produced string
		want           bool
	}{
		{"USA", "USAMIL", true},       // a gold country matches any of its roles
		{"USAGOV", "USA", true},       // a state acting is its government
		{"USAMIL", "USA", true},       // or its forces
		{"USACVL", "USA", false},      // but not its civilians
		{"USAREB", "USA", false},      // nor armed groups fighting it
		{"USAGOV", "USALEG", true},    // same family
		{"USAGOV", "USAMIL", false},   // other family
		{"---INS", "---", true},       // unknown only where gold is unknown
		{"AFGINS", "---INS", false},   // a produced unknown country never matches a known one
		{"---", "AFG", false},         // nor a known country an unknown one
		{"IGOUNO", "IGOUNOPKO", true}, // organisations compare on six letters
		{"IGOUNO", "IGOEUREEC", false},
	} {
		if got := matches(ParseActor(c.gold), ParseActor(c.produced)); got != c.want {
			t.Errorf("matches(%s, %s) = %v, want %v", c.gold, c.produced, got, c.want)
		}
	}
}

func ev(src, code, tgt string) event.Event {
	return event.Event{Source: src, Target: tgt, Code: code, Date: "2020-01-02"}
}

func background(e event.Event) event.Event {
	e.Historical = true
	return e
}

func TestScore(t *testing.T) {
	gold := Doc{ID: "d", Events: []Event{
		{Source: "USAMIL", Target: "AFGCVL", Code: "195", Quote: "q"},
		{Source: "NGO", Target: "USAMIL", Code: "111", Quote: "q"},
		{Source: "ARMGOV", Target: "AZEGOV", Code: "057", Quote: "q"},
		{Source: "RUSGOV", Target: "UKRGOV", Code: "112", Quote: "q"},
		{Source: "FRAGOV", Target: "DEUGOV", Code: "010", Quote: "q", Optional: true},
		{Source: "CHNGOV", Target: "TWN", Code: "138", Quote: "q", Date: "2019"},
	}}
	produced := []event.Event{
		ev("USAMIL", "190", "AFGCVL"),          // matches 195 by root
		ev("USAMIL", "195", "AFGCVL"),          // the same attack again: a repeat
		ev("AZEGOV", "057", "ARMGOV"),          // reciprocal: either direction
		ev("ARMGOV", "057", "AZEGOV"),          // and its other direction: neither right nor wrong
		ev("AZEGOV", "057", "ARMGOV"),          // but the same direction twice is a repeat
		ev("UKRGOV", "112", "RUSGOV"),          // reversed
		ev("FRAGOV", "010", "DEUGOV"),          // optional: neither right nor wrong
		ev("USAMED", "010", "AFGGOV"),          // an outlet
		ev("NGO", "120", "USAMIL"),             // the gold's actors, another root
		ev("---INS", "180", "PAKCVL"),          // unknown actor
		ev("CHNGOV", "138", "TWNGOV"),          // matched, wrong date
		ev("BRAGOV", "010", "ARGGOV"),          // a statement nobody coded
		ev("BRAGOV", "080", "ARGGOV"),          // spurious
		ev("GBRGOV", "195", "AFGCVL"),          // gold's root and target, wrong source
		background(ev("ISR", "186", "PSEHMS")), // an earlier killing recalled: not scored
	}
	r := Score(gold, produced, "2020-01-02")
	if r.Background != 1 || r.Produced != len(produced)-1 {
		t.Errorf("background %d, produced %d: want 1 and %d", r.Background, r.Produced, len(produced)-1)
	}
	if len(r.Matches) != 3 || len(r.Optional) != 1 || len(r.Reverse) != 1 {
		t.Fatalf("matches %d optional %d reverse %d, want 3, 1 and 1: %+v", len(r.Matches), len(r.Optional), len(r.Reverse), r)
	}
	patterns := map[string]int{}
	for _, w := range r.Wrong {
		patterns[w.Pattern]++
	}
	want := map[string]int{Repeat: 2, Reversed: 1, Outlet: 1, WrongRoot: 1, UnknownActor: 1, Statement: 1, Spurious: 1, WrongActors: 1}
	for k, v := range want {
		if patterns[k] != v {
			t.Errorf("pattern %q: %d, want %d (all %v)", k, patterns[k], v, patterns)
		}
	}
	if len(r.Missed) != 2 {
		t.Fatalf("missed %+v, want the NGO criticism and the Russian accusation", r.Missed)
	}
	for _, m := range r.Missed {
		switch m.Gold.Code {
		case "111":
			if m.Pattern != MissedRoot {
				t.Errorf("111 missed as %q, want %q", m.Pattern, MissedRoot)
			}
		case "112":
			if m.Pattern != MissedActors {
				t.Errorf("112 missed as %q, want %q", m.Pattern, MissedActors)
			}
		}
	}
	// right events at confidence 0.8, wrong ones at 0.2
	for i := range r.Matches {
		r.Matches[i].Produced.Confidence = 0.8
	}
	for i := range r.Wrong {
		r.Wrong[i].Produced.Confidence = 0.2
	}
	s := Sum([]DocResult{r})
	if math.Abs(s.Brier-0.04) > 1e-9 || s.PrecisionAt50 != 1 || s.ScoredAt50 != 3 || s.ScoredAt80 != 3 {
		t.Errorf("Brier %.4f, P@0.5 %.3f of %d, %d at 0.8; want 0.04, 1 of 3, 3", s.Brier, s.PrecisionAt50, s.ScoredAt50, s.ScoredAt80)
	}
	if s.Gold != 5 || s.Matched != 3 || s.Wrong != 9 || s.Produced != 14 || s.ReverseMatch != 1 {
		t.Errorf("sum %+v", s)
	}
	if s.Precision != 3.0/12 || s.Recall != 3.0/5 {
		t.Errorf("P %.3f R %.3f, want %.3f %.3f", s.Precision, s.Recall, 3.0/12, 3.0/5)
	}
	if s.DateRight != 2.0/3 { // the 2019 threat was coded on the article date
		t.Errorf("date right %.3f, want 0.667", s.DateRight)
	}
}

func TestRead(t *testing.T) {
	good := `# comment
{"doc":"a","events":[{"source":"USA","target":"IRN","code":"112","quote":"accused Iran"}]}

{"doc":"b","events":[]}
`
	docs, err := Read(strings.NewReader(good), "g.jsonl")
	if err != nil || len(docs) != 2 || docs[0].Line != 2 || docs[1].Line != 4 {
		t.Fatalf("Read: %v %+v", err, docs)
	}
	if err := CheckQuotes(docs, map[string]string{"a": "The US accused Iran.", "b": ""}); err != nil {
		t.Errorf("CheckQuotes: %v", err)
	}
	if err := CheckQuotes(docs, map[string]string{"a": "The US blamed Iran.", "b": ""}); err == nil || !strings.Contains(err.Error(), "g.jsonl:2: events[0].quote") {
		t.Errorf("CheckQuotes on a missing quote: %v", err)
	}
	for _, c := range []struct{ in, want string }{
		{`{"doc":"a","events":[{"source":"USA","target":"IRN","code":"999","quote":"q"}]}`, "g.jsonl:1: events[0].code"},
		{`{"doc":"a","events":[{"source":"","target":"IRN","code":"112","quote":"q"}]}`, "events[0].source: missing"},
		{`{"doc":"a","events":[{"source":"US","target":"IRN","code":"112","quote":"q"}]}`, "events[0].source"},
		{`{"doc":"a","events":[{"source":"USA","target":"IRN","code":"112"}]}`, "events[0].quote: missing"},
		{`{"doc":"","events":[]}`, "doc: missing"},
		{`{"doc":"a","events":[]}` + "\n" + `{"doc":"a","events":[]}`, "g.jsonl:2: doc: \"a\" already annotated on line 1"},
		{`{"doc":"a","evnts":[]}`, "unknown field"},
		{`{"doc":"a"`, "g.jsonl:1: gold record"},
	} {
		_, err := Read(strings.NewReader(c.in), "g.jsonl")
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("Read(%s): %v, want an error with %q", c.in, err, c.want)
		}
	}
}

func TestHalf(t *testing.T) {
	tune := 0
	for i := range 200 {
		if Half(strings.Repeat("x", i%7)+string(rune('a'+i%26))+string(rune('0'+i/26))) == "tune" {
			tune++
		}
	}
	if tune < 70 || tune > 130 {
		t.Errorf("%d of 200 ids in the tuning half; the hash should split about evenly", tune)
	}
	if Half("wn001") != Half("wn001") {
		t.Error("Half is not deterministic")
	}
}

func TestQuoteSpan(t *testing.T) {
	const text = "Troops crossed the border. Troops crossed the border again."
	for _, tc := range []struct {
		quote      string
		start, end int
		ok         bool
	}{
		{"Troops crossed the border", 0, 25, true}, // the first of two
		{"border again", 46, 58, true},
		{"crossed the river", -1, -1, false},
	} {
		start, end, ok := QuoteSpan(text, tc.quote)
		if start != tc.start || end != tc.end || ok != tc.ok {
			t.Errorf("QuoteSpan(%q) = %d, %d, %v; want %d, %d, %v", tc.quote, start, end, ok, tc.start, tc.end, tc.ok)
		}
		if ok && text[start:end] != tc.quote {
			t.Errorf("QuoteSpan(%q) cuts %q", tc.quote, text[start:end])
		}
	}
}
