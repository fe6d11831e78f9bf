package writeplan

import (
	"fmt"
	"testing"
)

func TestRollups(t *testing.T) {
	at := func(day int64, place string, n int64) EventState {
		return EventState{Day: day, Country: "SDN", Place: place, Source: "SDNMIL", Target: "SDNREB", Mentions: n, Goldstein: -10}
	}
	withTone := func(st EventState) EventState { st.Tone, st.HasTone = 2.5, true; return st }
	const jan31, feb1 = 19753, 19754 // 2024-01-31, 2024-02-01 (days since 1970)
	// All tables carry the same sums (the ones without a Goldstein ×
	// mentions or tone column ignore them); places only with a place.
	tests := []struct {
		name          string
		before, after map[int64]EventState
		want          string
	}{
		{"a new event", nil, map[int64]EventState{1: withTone(at(jan31, "379252", 2))},
			"days [{{19753 SDN} {1 2 1 -10 -20 2.5}}] places [{379252 {1 2 1 -10 -20 2.5}}] placeMonths [{{24288 379252} {1 2 1 -10 -20 2.5}}] " +
				"dyads [{{SDNMIL SDNREB} {1 2 1 -10 -20 2.5}}] dyadDays [{{{SDNMIL SDNREB} 19753} {1 2 1 -10 -20 2.5}}] dyadMonths [{{{SDNMIL SDNREB} 24288} {1 2 1 -10 -20 2.5}}]"},
		{"a new event not yet counted", map[int64]EventState{1: at(jan31, "", 0)}, map[int64]EventState{1: at(jan31, "", 1)},
			"days [{{19753 SDN} {1 1 0 -10 -10 0}}] places [] placeMonths [] dyads [{{SDNMIL SDNREB} {1 1 0 -10 -10 0}}] " +
				"dyadDays [{{{SDNMIL SDNREB} 19753} {1 1 0 -10 -10 0}}] dyadMonths [{{{SDNMIL SDNREB} 24288} {1 1 0 -10 -10 0}}]"},
		{"one more mention", map[int64]EventState{1: withTone(at(feb1, "379252", 2))}, map[int64]EventState{1: withTone(at(feb1, "379252", 3))},
			"days [{{19754 SDN} {0 1 0 0 -10 0}}] places [{379252 {0 1 0 0 -10 0}}] placeMonths [{{24289 379252} {0 1 0 0 -10 0}}] " +
				"dyads [{{SDNMIL SDNREB} {0 1 0 0 -10 0}}] dyadDays [{{{SDNMIL SDNREB} 19754} {0 1 0 0 -10 0}}] dyadMonths [{{{SDNMIL SDNREB} 24289} {0 1 0 0 -10 0}}]"},
		// It leaves the rows of no place with its one mention and joins
		// those of its place with two.
		{"learns its place", map[int64]EventState{1: at(feb1, "", 1)}, map[int64]EventState{1: at(feb1, "379252", 2)},
			"days [{{19754 SDN} {0 1 0 0 -10 0}}] places [{379252 {1 2 0 -10 -20 0}}] placeMonths [{{24289 379252} {1 2 0 -10 -20 0}}] " +
				"dyads [{{SDNMIL SDNREB} {0 1 0 0 -10 0}}] dyadDays [{{{SDNMIL SDNREB} 19754} {0 1 0 0 -10 0}}] dyadMonths [{{{SDNMIL SDNREB} 24289} {0 1 0 0 -10 0}}]"},
		{"two events of one day", map[int64]EventState{1: at(jan31, "", 1)},
			map[int64]EventState{1: at(jan31, "", 2), 2: at(jan31, "", 1)},
			"days [{{19753 SDN} {1 2 0 -10 -20 0}}] places [] placeMonths [] dyads [{{SDNMIL SDNREB} {1 2 0 -10 -20 0}}] " +
				"dyadDays [{{{SDNMIL SDNREB} 19753} {1 2 0 -10 -20 0}}] dyadMonths [{{{SDNMIL SDNREB} 24288} {1 2 0 -10 -20 0}}]"},
		{"no change", map[int64]EventState{1: at(jan31, "379252", 2)}, map[int64]EventState{1: at(jan31, "379252", 2)},
			"days [] places [] placeMonths [] dyads [] dyadDays [] dyadMonths []"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			ch := Rollups(tc.before, tc.after)
			got := fmt.Sprintf("days %v places %v placeMonths %v dyads %v dyadDays %v dyadMonths %v",
				ch.Days, ch.Places, ch.PlaceMonths, ch.Dyads, ch.DyadDays, ch.DyadMonths)
			if got != tc.want {
				t.Errorf("got\n%s\nwant\n%s", got, tc.want)
			}
		})
	}
}
