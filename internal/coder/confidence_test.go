package coder

import (
	"math"
	"path/filepath"
	"testing"

	"github.com/eventwire/eventwire/internal/event"
)

// TestConfWeightsMatchFeatures: the generated weights were fitted on the
// features the coder computes now (rerun eventwire eval calibrate --write
// internal/coder/confweights.go after changing Features).
func TestConfWeightsMatchFeatures(t *testing.T) {
	if len(confFeatures) != NumFeatures || len(confModel.Weights) != NumFeatures {
		t.Fatalf("confweights.go has %d names and %d weights, the coder %d features: rerun eval calibrate --write",
			len(confFeatures), len(confModel.Weights), NumFeatures)
	}
	for i, n := range Features {
		if confFeatures[i] != n {
			t.Errorf("feature %d: confweights.go %q, the coder %q: rerun eval calibrate --write", i, confFeatures[i], n)
		}
	}
}

func feature(f [NumFeatures]float64, name string) float64 {
	for i, n := range Features {
		if n == name {
			return f[i]
		}
	}
	panic("no feature " + name)
}

func TestEventFeatures(t *testing.T) {
	named := event.Evidence{Layer: LayerPattern, Dict: "builtin/verbs.ewd", Source: SideName, Target: SideName, Words: 50}
	tests := []struct {
		name string
		e    event.Event
		want map[string]float64 // the features named; every other is 0
	}{
		{"a pattern's code, two named actors of two countries",
			event.Event{Source: "USAGOV", Target: "RUS", Code: "190", QuadClass: 4, Evidence: named},
			map[string]float64{"pattern": 1, "material_conflict": 1, "length": 2}},
		{"a statement reported twice over, its target unknown and a pronoun",
			event.Event{Source: "FRA", Target: "---", Code: "010", QuadClass: 1, Reported: true,
				Evidence: event.Evidence{Layer: LayerPhrase, Source: SidePronoun, Target: SidePhrase, Depth: 2, Words: 200}},
			map[string]float64{"phrase": 1, "statement": 1, "source_pronoun": 1, "target_phrase": 1, "unknown": 1,
				"reported": 1, "nested": 1, "length": 4}},
		{"no target is not an unknown side; a depth without Reported is not reported",
			event.Event{Source: "FRA", Target: "---", Code: "043", QuadClass: 1,
				Evidence: event.Evidence{Source: SideAgentOf, Target: SideNone, Depth: 1}},
			map[string]float64{"target_none": 1}},
		{"both countries inferred, one country, an implied target, a foreign dictionary",
			event.Event{Source: "NGACOP", Target: "NGACVL", Code: "173", QuadClass: 4, Inferred: "source,target", Negated: true,
				Rule:     "verbs.txt:3 content:accusation",
				Evidence: event.Evidence{Dict: "CAMEO.2.0.txt", Source: SideAgent, Target: SideImplied, Repaired: true, Siblings: 5}},
			map[string]float64{"material_conflict": 1, "inferred": 2, "negated": 1, "content": 1, "foreign_dict": 1,
				"source_agent": 1, "target_implied": 1, "repaired": 1, "siblings": 3, "domestic": 1}},
		{"a noun's event in an adverbial clause",
			event.Event{Source: "ISR", Target: "LBN", Code: "190", QuadClass: 4, Evidence: event.Evidence{Source: SideName, Target: SideName, Noun: true, Clause: ClauseAdverbial}},
			map[string]float64{"material_conflict": 1, "noun": 1, "clause_adverbial": 1}},
		{"distances between the verb and its sides",
			event.Event{Source: "ISR", Target: "PSE", Code: "0874", QuadClass: 2, Evidence: event.Evidence{Source: SideDocument, Target: SideName},
				SourceSpan: event.Span{First: 1, Last: 2}, VerbSpan: event.Span{First: 8, Last: 9}, TargetSpan: event.Span{First: 40, Last: 41}},
			map[string]float64{"material_coop": 1, "source_document": 1, "source_distance": 0.5, "target_distance": 2}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			f := EventFeatures(&tc.e)
			for i, n := range Features {
				if f[i] != tc.want[n] {
					t.Errorf("%s = %g, want %g", n, f[i], tc.want[n])
				}
			}
		})
	}
}

// TestRescore: the confidence follows the evidence when a later stage
// changes it (analyze gives a role the story's country), by the weights.
func TestRescore(t *testing.T) {
	e := event.Event{Source: "---COP", Target: "---CVL", Code: "173", QuadClass: 4,
		Evidence: event.Evidence{Layer: LayerPattern, Source: SideAgent, Target: SideAgent, Words: 20}}
	Rescore(&e)
	before := e.Confidence
	z := confModel.Intercept
	f := EventFeatures(&e)
	for i, w := range confModel.Weights {
		z += w * f[i]
	}
	if want := math.Round(1000/(1+math.Exp(-z))) / 1000; before != want || before <= 0 || before >= 1 {
		t.Fatalf("confidence %g, want σ(%g) = %g", before, z, want)
	}
	e.Source, e.Target, e.Inferred = "NGACOP", "NGACVL", "source,target"
	Rescore(&e)
	dz := 2*confModel.Weights[18] - confModel.Weights[17] + confModel.Weights[27] // inferred twice, no unknown side, domestic
	if want := math.Round(1000/(1+math.Exp(-(z+dz)))) / 1000; e.Confidence != want {
		t.Errorf("after inference %g, want %g", e.Confidence, want)
	}
}

// TestEvidenceOfCases: what the coder records of how it found the sides,
// the attribution depth and the repairs, on the construction cases.
func TestEvidenceOfCases(t *testing.T) {
	set := testDict(t)
	want := map[string]struct {
		source, target uint8
		depth          uint8
		reported       bool
		repaired       bool
		clause         uint8
	}{
		"simple transitive":                           {SideName, SideName, 0, false, false, ClauseMain},
		"pronoun resolved in the sentence":            {SidePronoun, SideName, 1, true, false, ClauseComplement},
		"pronoun resolved from the previous sentence": {SidePronoun, SideName, 0, false, false, ClauseMain},
		"reported speech":                             {SideName, SideName, 1, true, false, ClauseComplement},
		"agent attached to a country":                 {SideName, SideName, 0, false, false, ClauseMain},
		"repair: a verb read as an adjective of the object after it, the noun before it made the root": {SideName, SideName, 0, false, true, ClauseMain},
	}
	seen := 0
	for _, tc := range readCases(t, filepath.Join("testdata", "cases.txt")) {
		w, ok := want[tc.name]
		if !ok {
			continue
		}
		seen++
		c, err := New(set, Options{Negation: tc.negation, Petrarch1: tc.petrarch1})
		if err != nil {
			t.Fatal(err)
		}
		evs := c.CodeDocument(c.NewScratch(), Doc{ID: tc.name, Date: tc.date}, &tc.doc, nil)
		if len(evs) == 0 {
			t.Errorf("%s: no event", tc.name)
			continue
		}
		e := evs[len(evs)-1]
		ev := e.Evidence
		if ev.Source != w.source || ev.Target != w.target || ev.Depth != w.depth || e.Reported != w.reported || ev.Repaired != w.repaired ||
			ev.Clause != w.clause || ev.Noun {
			t.Errorf("%s: sides %d %d, depth %d, reported %v, repaired %v, clause %d, noun %v; want %d %d, %d, %v, %v, %d, false", tc.name,
				ev.Source, ev.Target, ev.Depth, e.Reported, ev.Repaired, ev.Clause, ev.Noun, w.source, w.target, w.depth, w.reported, w.repaired, w.clause)
		}
		if ev.Dict != "verbs.txt" || ev.Words == 0 || e.Confidence != Score(&e) {
			t.Errorf("%s: dict %q, %d words, confidence %g (score %g)", tc.name, ev.Dict, ev.Words, e.Confidence, Score(&e))
		}
	}
	if seen != len(want) {
		t.Errorf("found %d of the %d cases named", seen, len(want))
	}
}

func TestConfidenceTerms(t *testing.T) {
	e := event.Event{Source: "---", Target: "GBR", Code: "190", QuadClass: 4,
		Evidence: event.Evidence{Source: SidePhrase, Target: SideName, Clause: ClauseAdverbial}}
	terms := ConfidenceTerms(&e)
	z := confModel.Intercept
	names := map[string]bool{}
	for i, tm := range terms {
		if i > 0 && math.Abs(tm.Contribution) > math.Abs(terms[i-1].Contribution) {
			t.Errorf("term %d (%s %.3f) larger than the one before it", i, tm.Feature, tm.Contribution)
		}
		z += tm.Contribution
		names[tm.Feature] = true
	}
	for _, n := range []string{"material_conflict", "source_phrase", "unknown", "clause_adverbial"} {
		if !names[n] {
			t.Errorf("no term %s in %+v", n, terms)
		}
	}
	if got := math.Round(1000/(1+math.Exp(-z))) / 1000; got != Score(&e) {
		t.Errorf("the terms add up to %g, the score is %g", got, Score(&e))
	}
}
