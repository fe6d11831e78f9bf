package analyze

import (
	"testing"
	"time"

	"github.com/eventwire/eventwire/internal/dict/builtin"
	"github.com/eventwire/eventwire/internal/ingest"
)

// TestRelativeEventDates codes sentences with relative and duration
// expressions end to end and checks the events' dates (issue 13: "will
// exchange ambassadors for the first time in 23 years" in an article of
// 2024-05-10 was dated 2047-01-01). The phrase-level cases are in
// internal/timex/testdata/relative.tsv.
func TestRelativeEventDates(t *testing.T) {
	if testing.Short() {
		t.Skip("loads the models")
	}
	set, err := builtin.Set()
	if err != nil {
		t.Fatal(err)
	}
	a, err := New(set, Options{NoGeo: true})
	if err != nil {
		t.Fatal(err)
	}
	w := a.NewWorker()
	article := time.Date(2024, 5, 10, 0, 0, 0, 0, time.UTC)
	tests := []struct {
		text       string
		date       string // of every event
		historical bool
	}{
		{"Iran and Egypt will exchange ambassadors for the first time in 23 years.", "2024-05-10", false},
		{"Iran and Egypt exchanged ambassadors for the first time in 23 years.", "2024-05-10", false},
		{"Iran attacked Iraq 23 years ago.", "2001-01-01", true},
		{"Egypt will meet Iran in two weeks.", "2024-05-20", false},
	}
	for _, tt := range tests {
		t.Run(tt.text, func(t *testing.T) {
			r := w.Analyze(ingest.Document{ID: "d", Text: tt.text, Date: article})
			if len(r.Events) == 0 {
				t.Fatal("no event coded")
			}
			for _, e := range r.Events {
				if e.Date != tt.date || e.Historical != tt.historical {
					t.Errorf("%s %s %s: date %s historical %v, want %s %v", e.Source, e.Code, e.Target, e.Date, e.Historical, tt.date, tt.historical)
				}
			}
		})
	}
}
