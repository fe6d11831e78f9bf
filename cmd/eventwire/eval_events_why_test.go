package main

import (
	"encoding/json"
	"fmt"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/eventwire/eventwire/internal/coder"
	"github.com/eventwire/eventwire/internal/event"
)

// steps builds a trace from messages as the coder writes them (indented
// steps are under the verb or noun before them); a message starting with
// "sentence discarded" or "story discarded" is a discard step.
func steps(msgs ...string) *coder.Trace {
	tr := &coder.Trace{}
	for _, m := range msgs {
		k := coder.StepNoEvent
		switch t := strings.TrimSpace(m); {
		case strings.HasPrefix(t, "sentence discarded"), strings.HasPrefix(t, "story discarded"):
			k = coder.StepDiscard
		case strings.HasPrefix(t, "verb "), strings.HasPrefix(t, "noun "):
			k = coder.StepVerb
		case strings.HasPrefix(t, "event "):
			k = coder.StepEvent
		case strings.HasPrefix(t, "actor "):
			k = coder.StepActor
		}
		tr.Steps = append(tr.Steps, coder.Step{Kind: k, Msg: m})
	}
	return tr
}

// words marks 1-based word ids as the quote's, in a sentence of n words.
func words(n int, ids ...int) []bool {
	in := make([]bool, n+1)
	for _, i := range ids {
		in[i] = true
	}
	return in
}

func at(word int, src, code, tgt string) event.Event {
	return event.Event{Source: src, Code: code, Target: tgt, VerbSpan: event.Span{First: word, Last: word}}
}

func TestClassifyMiss(t *testing.T) {
	const (
		attacked = `verb "attacked" at word 3: class attack (builtin/verbs.ewd:10)`
		said     = `verb "said" at word 8: class say (builtin/verbs.ewd:31)`
	)
	for _, tc := range []struct {
		name     string
		gold     string
		quote    []bool
		evs      []event.Event
		tr       *coder.Trace
		defaults map[string]string
		want     whyNot
	}{
		{"no verb at all", "190", words(9, 1, 2, 3), nil,
			steps(`actor "arnor" at words 1-1: ARN (actors.ewd:1)`), nil, whyNot{whyNoVerb, ""}},
		{"a verb outside the quote", "190", words(9, 1, 2), nil,
			steps(attacked, "  no event: no target actor"), nil, whyNot{whyNoVerb, ""}},
		{"sentence discarded", "190", words(9, 1, 2, 3), nil,
			steps("sentence discarded by discards.ewd:4"), nil, whyNot{whyOther, "sentence discarded by discards.ewd:4"}},
		{"no source", "190", words(9, 2, 3, 4), nil,
			steps(attacked, "  pattern builtin/verbs.ewd:11 matches (score 2): 193", "  no event: no source actor"), nil,
			whyNot{whyNoSource, `verb "attacked" at word 3: no source actor`}},
		{"no target", "190", words(9, 3), nil,
			steps(attacked, `pronoun "it" at word 1 → ARN`, "  no event: no target actor"), nil,
			whyNot{whyNoTarget, `verb "attacked" at word 3: no target actor`}},
		{"noun event without a source", "046", words(5, 1, 2), nil,
			steps(`noun "talks" at word 2: noun event talks(n) (builtin/verbs.ewd:2963)`, "  no event: noun event without a source"), nil,
			whyNot{whyNoSource, `noun "talks" at word 2: noun event without a source`}},
		{"noun event without a target", "046", words(5, 2), nil,
			steps(`noun "talks" at word 2: noun event talks(n) (builtin/verbs.ewd:2963)`, "  no event: noun event without a target"), nil,
			whyNot{whyNoTarget, `noun "talks" at word 2: noun event without a target`}},
		{"null code", "073", words(9, 1, 2, 3), nil,
			steps(`verb "send" at word 3: class send (builtin/verbs.ewd:1420)`, "  no event: null code (builtin/verbs.ewd:1420)"), nil,
			whyNot{whyNullCode, `verb "send" at word 3: null code (builtin/verbs.ewd:1420)`}},
		{"modality", "190", words(9, 3), nil,
			steps(attacked, "  no event: a condition (if) (not an act that happened)"), nil,
			whyNot{whyModality, `verb "attacked" at word 3: a condition (if) (not an act that happened)`}},
		{"same actor", "190", words(9, 3), nil,
			steps(attacked, "  no event: source and target are the same actor"), nil,
			whyNot{whySameActor, `verb "attacked" at word 3: source and target are the same actor`}},
		{"negated is other", "190", words(9, 3), nil,
			steps(attacked, "  no event: negated verb (policy drop)"), nil,
			whyNot{whyOther, `verb "attacked" at word 3: negated verb (policy drop)`}},
		{"coded with another root", "112", words(9, 3), []event.Event{at(3, "USAGOV", "012", "SOMUAF")},
			steps(attacked, "  pattern builtin/verbs.ewd:75 matches (score 2): 012", "  event USAGOV → SOMUAF 012 (builtin/verbs.ewd:75)"), nil,
			whyNot{whyOtherRoot, `verb "attacked" at word 3: coded USAGOV 012 SOMUAF`}},
		{"coded with other actors", "190", words(9, 3), []event.Event{at(3, "---COP", "190", "")},
			steps(attacked, "  event ---COP → --- 190 (builtin/verbs.ewd:10)"), nil,
			whyNot{whyOtherActors, `verb "attacked" at word 3: coded ---COP 190 ---`}},
		{"the verb of the gold's root before the statement", "190", words(9, 3, 8),
			[]event.Event{at(8, "RUSGOV", "010", "UKR")},
			steps(attacked, "  pattern builtin/verbs.ewd:12 matches (score 1): 190", "  no event: no target actor",
				said, "  event RUSGOV → UKR 010 (builtin/verbs.ewd:31)"), nil,
			whyNot{whyNoTarget, `verb "attacked" at word 3: no target actor`}},
		{"without a code of the gold's root, the first reason", "084", words(9, 3, 8), nil,
			steps(attacked, "  no event: null code (builtin/verbs.ewd:10)",
				`verb "released" at word 8: class release (builtin/verbs.ewd:1790)`, "  no event: no source actor"), nil,
			whyNot{whyNullCode, `verb "attacked" at word 3: null code (builtin/verbs.ewd:10)`}},
		{"the class's default code picks the verb", "084", words(9, 3, 8), nil,
			steps(attacked, "  no event: null code (builtin/verbs.ewd:10)",
				`verb "released" at word 8: class release (builtin/verbs.ewd:1790)`, "  no event: no source actor"),
			map[string]string{"builtin/verbs.ewd:1790": "0841"},
			whyNot{whyNoSource, `verb "released" at word 8: no source actor`}},
		{"a later word of the verb phrase", "190", words(9, 4), nil,
			steps(attacked, "  no event: no source actor", `verb "on" at word 4: coded with the verb before it`), nil,
			whyNot{whyNoSource, `verb "attacked" at word 3: no source actor`}},
		{"coded, then dropped", "190", words(9, 3), nil,
			steps(attacked, "  event ARN → GON 190 (builtin/verbs.ewd:10)",
				"  dropped ARN → GON 190: a purpose clause nested in the event of \"sent\""), nil,
			whyNot{whyOther, `verb "attacked" at word 3: dropped ARN → GON 190: a purpose clause nested in the event of "sent"`}},
		{"coded, then changed", "190", words(9, 3), nil,
			steps(attacked, "  event ARN → GON 190 (builtin/verbs.ewd:10)"), nil,
			whyNot{whyOther, `verb "attacked" at word 3: coded ARN → GON 190, then changed or dropped`}},
	} {
		got := classifyMiss(tc.gold, tc.quote, tc.evs, tc.tr, tc.defaults)
		if got != tc.want {
			t.Errorf("%s: got %+v\nwant %+v", tc.name, got, tc.want)
		}
	}
}

// TestEvalEventsWhy scores the articles of testdata/evalwhy (written for
// the test) with --why: each gold event not coded is counted under the
// reason its note names, per half, and listed with it; a miss of another
// pattern is not traced; without --why the report has no "why".
func TestEvalEventsWhy(t *testing.T) {
	gold := filepath.Join("testdata", "evalwhy", "gold.jsonl")
	docs := filepath.Join("testdata", "evalwhy", "docs.jsonl")
	want := map[string]map[string]int{
		"tune":  {whyNoSource: 1},
		"check": {whyNoVerb: 1, whyNullCode: 1, whyNoTarget: 1},
		"all":   {whyNoVerb: 1, whyNoSource: 1, whyNullCode: 1, whyNoTarget: 1},
	}
	for _, tc := range []struct {
		name string
		args []string
		why  map[string]map[string]int // nil: no "why" object
	}{
		{"why", []string{"--why"}, want},
		{"why, one worker", []string{"--why", "--workers", "1"}, want},
		{"why, tune", []string{"--why", "--part", "tune"}, map[string]map[string]int{"tune": want["tune"], "all": want["tune"]}},
		{"without why", nil, nil},
	} {
		args := append([]string{"eval", "events", "--json", "--gold", gold}, tc.args...)
		code, out, errOut := runCLI(t, append(args, docs)...)
		if code != 0 {
			t.Fatalf("%s: eval events = %d, stderr %q", tc.name, code, errOut)
		}
		var rep map[string]json.RawMessage
		if err := json.Unmarshal([]byte(out), &rep); err != nil {
			t.Fatalf("%s: %v: %q", tc.name, err, out)
		}
		var why map[string]map[string]int
		if raw, ok := rep["why"]; ok {
			if err := json.Unmarshal(raw, &why); err != nil {
				t.Fatalf("%s: why: %v", tc.name, err)
			}
		}
		if !reflect.DeepEqual(why, tc.why) {
			t.Errorf("%s: why %v, want %v", tc.name, why, tc.why)
		}
	}

	code, out, errOut := runCLI(t, "eval", "events", "--why", "--list", "--gold", gold, docs)
	if code != 0 {
		t.Fatalf("eval events --why --list = %d, stderr %q", code, errOut)
	}
	for _, line := range []string{
		"missed ARMGOV 046 AZEGOV [missed: not coded]\t\"The talks in Vienna\"\twhy: no source actor (noun \"talks\" at word 2: noun event without a source)\n",
		"missed AZEGOV 138 ARM [missed: not coded]\t\"his army would retaliate\"\twhy: no target actor (verb \"retaliate\" at word 9: no target actor)\n",
		"missed BGDCVL 073 BGD [missed: not coded]\t\"a relief worker in Sylhet\"\twhy: no dictionary verb or noun event\n",
		"missed KENJUD 173 KENOPP [missed: other actors]\t\"A court in Nairobi jailed two opposition activists\"\n",
		fmt.Sprintf("%-38s %6d %6d %6d\n", whyNoTarget, 0, 1, 1),
		fmt.Sprintf("%-38s %6d %6d %6d\n", "total", 1, 3, 4),
	} {
		if !strings.Contains(out, line) {
			t.Errorf("eval events --why --list lacks %q:\n%s", line, out)
		}
	}
}
