package analyze

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/eventwire/eventwire/internal/event"
	"github.com/eventwire/eventwire/internal/ingest"
)

func span(e event.Event, first int) event.Event {
	e.TargetSpan = event.Span{First: first, Last: first + 2}
	return e
}

func TestMergeRepeats(t *testing.T) {
	ev := func(sent int, src, code, tgt, date string, conf float64) event.Event {
		return event.Event{Sentence: sent, Source: src, Code: code, Target: tgt, Date: date, Confidence: conf}
	}
	show := func(evs []event.Event) string {
		var s string
		for _, e := range evs {
			s += fmt.Sprintf("%d:%s-%s-%s@%s %.1f %v; ", e.Sentence, e.Source, e.Code, e.Target, e.Date, e.Confidence, e.Repeats)
		}
		return s
	}
	for _, tc := range []struct {
		name string
		in   []event.Event
		want string
	}{
		{"one event", []event.Event{ev(1, "ISRMIL", "195", "PSEHMS", "2003-08-24", 0.5)},
			"1:ISRMIL-195-PSEHMS@2003-08-24 0.5 []; "},
		{"told again later: kept once, with the later sentences and the best confidence",
			[]event.Event{ev(1, "ISRMIL", "195", "PSEHMS", "2003-08-24", 0.5), ev(2, "USA", "111", "ISR", "2003-08-24", 0.4),
				ev(7, "ISRMIL", "195", "PSEHMS", "2003-08-24", 0.7), ev(9, "ISRMIL", "195", "PSEHMS", "2003-08-24", 0.2)},
			"1:ISRMIL-195-PSEHMS@2003-08-24 0.7 [7 9]; 2:USA-111-ISR@2003-08-24 0.4 []; "},
		{"another date is another event", []event.Event{ev(1, "ISR", "186", "PSEHMS", "2003-08-24", 0.5), ev(5, "ISR", "186", "PSEHMS", "2003-08-21", 0.5)},
			"1:ISR-186-PSEHMS@2003-08-24 0.5 []; 5:ISR-186-PSEHMS@2003-08-21 0.5 []; "},
		{"another root or direction is another event", []event.Event{ev(1, "ISR", "190", "PSE", "2024-01-01", 0.5), ev(2, "ISR", "111", "PSE", "2024-01-01", 0.5), ev(3, "PSE", "190", "ISR", "2024-01-01", 0.5)},
			"1:ISR-190-PSE@2024-01-01 0.5 []; 2:ISR-111-PSE@2024-01-01 0.5 []; 3:PSE-190-ISR@2024-01-01 0.5 []; "},
		{"force retold with another code of its root: one act", []event.Event{ev(1, "RUSUAF", "190", "RUSMIL", "2003-08-07", 0.4), ev(3, "RUSUAF", "193", "RUSMIL", "2003-08-07", 0.5)},
			"1:RUSUAF-190-RUSMIL@2003-08-07 0.5 [3]; "},
		{"an undated retelling is the dated act", []event.Event{ev(1, "RUSUAF", "190", "RUSMIL", "2003-08-07", 0.4), ev(3, "RUSUAF", "193", "RUSMIL", "2003-08-08", 0.5)},
			"1:RUSUAF-190-RUSMIL@2003-08-07 0.5 [3]; "},
		{"a dated retelling dates the undated act", []event.Event{ev(1, "RUSUAF", "190", "RUSMIL", "2003-08-08", 0.4), ev(3, "RUSUAF", "193", "RUSMIL", "2003-08-07", 0.5)},
			"1:RUSUAF-190-RUSMIL@2003-08-07 0.5 [3]; "},
		{"other codes of a root of words stay apart", []event.Event{ev(1, "USA", "111", "RUS", "2024-01-01", 0.5), ev(2, "USA", "112", "RUS", "2024-01-01", 0.5)},
			"1:USA-111-RUS@2024-01-01 0.5 []; 2:USA-112-RUS@2024-01-01 0.5 []; "},
		{"twice in one sentence on one phrase: once, no repeat sentence", []event.Event{ev(4, "RUS", "111", "UKR", "2024-01-01", 0.5), ev(4, "RUS", "111", "UKR", "2024-01-01", 0.5)},
			"4:RUS-111-UKR@2024-01-01 0.5 []; "},
		{"members of a list in one sentence stay apart", []event.Event{span(ev(2, "AZENGO", "112", "FRALEG", "2022-11-30", 0.5), 10), span(ev(2, "AZENGO", "112", "FRALEG", "2022-11-30", 0.5), 20)},
			"2:AZENGO-112-FRALEG@2022-11-30 0.5 []; 2:AZENGO-112-FRALEG@2022-11-30 0.5 []; "},
	} {
		if got := show(mergeRepeats(tc.in, "2003-08-08")); got != tc.want {
			t.Errorf("%s:\n got %s\nwant %s", tc.name, got, tc.want)
		}
	}
}

// TestPlaceTarget: force on a thing falls on the people of the place named
// under its verb (placeTarget), and a thing with no place named stays of
// unknown country.
func TestPlaceTarget(t *testing.T) {
	w := builtinWorker(t)
	for _, tc := range []struct{ text, want string }{
		{"Ukrainian drones attacked a power plant in Kursk.", "UKR 190 RUSCVL target"},
		{"Gunmen torched a market.", "---UAF 1712 ---CVL "},
	} {
		r := w.Analyze(ingest.Document{ID: "p", Text: tc.text, Date: time.Date(2024, 5, 10, 0, 0, 0, 0, time.UTC)})
		var got []string
		for _, e := range r.Events {
			got = append(got, e.Source+" "+e.Code+" "+e.Target+" "+e.Inferred)
		}
		if len(got) != 1 || got[0] != tc.want {
			t.Errorf("%q: got %q, want %q", tc.text, got, tc.want)
		}
	}
}

// TestNoSelfDyadAfterInference: a side given the story's country that makes
// an actor act on itself drops the event (dropSelfDyads); the other events
// of the story stay.
func TestNoSelfDyadAfterInference(t *testing.T) {
	w := builtinWorker(t)
	for _, tc := range []struct{ text, want string }{
		{"Iranian police arrested dozens of protesters in Tehran. The interior minister warned that the authorities would deal firmly with rioters.",
			"IRNCOP 173 IRNCVL"},
		// (the protest's target is no longer the victim of the killing: coder roles.go judging)
		{"Thousands of Iranians rallied in Tehran to protest against the killing of a young woman in custody. Iranian police arrested dozens of protesters.",
			"IRNCVL 141 IRNGOV; IRNCOP 173 IRNCVL"},
	} {
		r := w.Analyze(ingest.Document{ID: "s", Text: tc.text, Date: time.Date(2022, 9, 23, 0, 0, 0, 0, time.UTC)})
		var got []string
		for _, e := range r.Events {
			if e.Source == e.Target {
				t.Errorf("%q: self dyad %s %s %s", tc.text, e.Source, e.Code, e.Target)
			}
			got = append(got, e.Source+" "+e.Code+" "+e.Target)
		}
		if strings.Join(got, "; ") != tc.want {
			t.Errorf("%q: got %q, want %q", tc.text, got, tc.want)
		}
	}
}
