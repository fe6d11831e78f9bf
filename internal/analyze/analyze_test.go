package analyze

import (
	"path/filepath"
	"testing"
	"time"

	"github.com/eventwire/eventwire/internal/dict/builtin"
	"github.com/eventwire/eventwire/internal/dict/dictfile"
	"github.com/eventwire/eventwire/internal/ingest"
	"github.com/eventwire/eventwire/internal/shareddata"
)

// TestAnalyzeDatesAndPlaces codes a small document end to end with the
// PETRARCH validation dictionaries and checks the event fields that this
// stage adds: dates, the historical flag and places.
func TestAnalyzeDatesAndPlaces(t *testing.T) {
	d := filepath.Join(shareddata.Dir(t), "petrarch", "dictionaries")
	set, err := dictfile.Paths(filepath.Join(d, "PETR.Validate.actors.txt"), filepath.Join(d, "PETR.Validate.agents.txt"),
		filepath.Join(d, "PETR.Validate.verbs.txt"))
	if err != nil {
		t.Fatal(err)
	}
	a, err := New(set, Options{})
	if err != nil {
		t.Fatal(err)
	}
	doc := ingest.Document{ID: "d1", Date: time.Date(1995, 1, 10, 0, 0, 0, 0, time.UTC),
		Text: "Israel criticized Egypt in Cairo on Saturday. In 1967, Israel attacked Egypt."}
	r := a.NewWorker().Analyze(doc)
	if len(r.Parsed.Sentences) != 2 {
		t.Fatalf("%d sentences", len(r.Parsed.Sentences))
	}
	got := map[int]bool{}
	for _, e := range r.Events {
		t.Logf("%d %s %s %s %s historical=%v geo=%+v", e.Sentence, e.Source, e.Code, e.Target, e.Date, e.Historical, e.ActionGeo)
		switch e.Sentence {
		case 1:
			got[1] = true
			if e.Date != "1995-01-07" || e.Historical {
				t.Errorf("sentence 1: date %s historical %v, want 1995-01-07 and not historical", e.Date, e.Historical)
			}
			if e.ActionGeo == nil || e.ActionGeo.CountryISO != "EGY" {
				t.Errorf("sentence 1: action geo %+v, want Cairo, Egypt", e.ActionGeo)
			}
		case 2:
			got[2] = true
			if e.Date != "1967-01-01" || !e.Historical {
				t.Errorf("sentence 2: date %s historical %v, want 1967-01-01 and historical", e.Date, e.Historical)
			}
			if e.Actor1Geo == nil || e.Actor1Geo.CountryISO != "ISR" {
				t.Errorf("sentence 2: actor1 geo %+v, want Israel", e.Actor1Geo)
			}
		}
	}
	if !got[1] || !got[2] {
		t.Errorf("events in sentences %v, want both", got)
	}
}

// TestDatelineAndStoryCountry codes wire copy with the built-in
// dictionaries: the dateline is no actor, its place and the story's places
// give role-only actors their country, and the event says so.
func TestDatelineAndStoryCountry(t *testing.T) {
	w := builtinWorker(t)
	for _, tc := range []struct {
		text, want, inferred, dateline string
	}{
		{"KABUL, Afghanistan (AP) -- Police arrested five militants on Sunday.", "AFGCOP 173 AFGREB", "source,target", "Kabul, Afghanistan"},
		{"HARARE -- Police detained opposition leaders on Saturday. Zimbabwe's government defended the arrests.", "ZWECOP 173 ZWEOPP", "source,target", "Harare"},
	} {
		r := w.Analyze(ingest.Document{ID: "d", Date: time.Date(2020, 1, 5, 0, 0, 0, 0, time.UTC), Text: tc.text})
		if r.Dateline != tc.dateline {
			t.Errorf("%q: dateline %q, want %q", tc.text, r.Dateline, tc.dateline)
		}
		if len(r.Events) == 0 {
			t.Errorf("%q: no events, want %s", tc.text, tc.want)
			continue
		}
		e := r.Events[0]
		if got := e.Source + " " + e.Code + " " + e.Target; got != tc.want || e.Inferred != tc.inferred {
			t.Errorf("%q: %s (inferred %q), want %s (%q)", tc.text, got, e.Inferred, tc.want, tc.inferred)
		}
		for _, e := range r.Events {
			if e.SourceSpan.Start >= 0 && e.SourceSpan.Start < len(tc.text) && tc.text[e.SourceSpan.Start:e.SourceSpan.End] != e.SourceSpan.Text {
				t.Errorf("%q: source span %+v does not point at its text", tc.text, e.SourceSpan)
			}
		}
	}
}

// builtinWorker is a worker of an analyzer with the built-in dictionaries
// and the default options.
func builtinWorker(t testing.TB) *Worker {
	t.Helper()
	set, err := builtin.Set()
	if err != nil {
		t.Fatal(err)
	}
	a, err := New(set, Options{})
	if err != nil {
		t.Fatal(err)
	}
	return a.NewWorker()
}
