package analyze

import "testing"

func TestFindDateline(t *testing.T) {
	for _, tc := range []struct {
		text, place, rest string // rest: the text after the dateline, "" for none
	}{
		{"NEPAL — Nepalese opposition groups have taken to the streets.", "Nepal", "Nepalese opposition groups have taken to the streets."},
		{"Monday, March 5, 2007\n\nTaipei, Taiwan — The Taipei City Lantern Festival was off to a bright start.", "Taipei, Taiwan", "The Taipei City Lantern Festival was off to a bright start."},
		{"KABUL, Afghanistan (AP) -- Gunmen attacked a checkpoint.", "Kabul, Afghanistan", "Gunmen attacked a checkpoint."},
		{"WASHINGTON, Nov. 3 (Reuters) - The Senate voted.", "Washington, Nov. 3", "The Senate voted."},
		{"NEW DELHI — India said on Monday.", "New Delhi", "India said on Monday."},
		// not datelines: a sentence with a dash, a lower-case start, a long head
		{"The army — which had fought for years — retreated.", "", ""},
		{"police said — without evidence — that the rebels fled.", "", ""},
		{"Troops fired. Rebels — many of them young — fled.", "", ""},
		{"The president of the republic and his ministers met today in the capital - they agreed.", "", ""},
		{"", "", ""},
	} {
		start, end, place := findDateline(tc.text)
		if place != tc.place {
			t.Errorf("%q: place %q, want %q", tc.text, place, tc.place)
			continue
		}
		if tc.rest != "" && tc.text[end:] != tc.rest {
			t.Errorf("%q: rest %q, want %q", tc.text, tc.text[end:], tc.rest)
		}
		if b := blankDateline(tc.text, start, end); len(b) != len(tc.text) {
			t.Errorf("%q: blanking changed the length", tc.text)
		}
	}
}
