package analyze

import (
	"testing"

	"github.com/eventwire/eventwire/internal/event"
)

func TestPastViolence(t *testing.T) {
	past := event.Event{Sentence: 7, Source: "FRAMIL", Target: "DZA", Code: "190", Date: "1830-01-01", Historical: true}
	recent := event.Event{Sentence: 7, Source: "FRAMIL", Target: "DZA", Code: "190", Date: "2022-11-30"}
	tests := []struct {
		name    string
		earlier []event.Event
		e       event.Event
		want    int
	}{
		{"same violence named again", []event.Event{past}, event.Event{Sentence: 10, Source: "FRA", Target: "DZA", Code: "202"}, 0},
		{"not historical before", []event.Event{recent}, event.Event{Sentence: 10, Source: "FRA", Target: "DZA", Code: "202"}, -1},
		{"other target", []event.Event{past}, event.Event{Sentence: 10, Source: "FRA", Target: "MAR", Code: "202"}, -1},
		{"not violence", []event.Event{past}, event.Event{Sentence: 10, Source: "FRA", Target: "DZA", Code: "111"}, -1},
		{"unknown source", []event.Event{{Sentence: 7, Source: "---MIL", Target: "DZA", Code: "190", Historical: true}},
			event.Event{Sentence: 10, Source: "---MIL", Target: "DZA", Code: "190"}, -1},
		{"same sentence", []event.Event{past}, event.Event{Sentence: 7, Source: "FRA", Target: "DZA", Code: "202"}, -1},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := pastViolence(tc.earlier, &tc.e); got != tc.want {
				t.Errorf("pastViolence = %d, want %d", got, tc.want)
			}
		})
	}
}
