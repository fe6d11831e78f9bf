package depparse

import "testing"

// TestHashWordFolds checks which spellings share word features: case,
// digits and the typographic quotes and dashes of news text fold, other
// differences do not.
func TestHashWordFolds(t *testing.T) {
	for _, tc := range []struct {
		a, b string
		same bool
	}{
		{"Iraq", "IRAQ", true},
		{"1990", "2003", true},
		{"don’t", "don't", true},
		{"“", `"`, true},
		{"”", `"`, true},
		{"‘", "'", true},
		{"—", "--", true},
		{"–", "--", true},
		{"—", "-", false},
		{"“", "'", false},
		{"Iraq", "Iran", false},
		{"\xe2\x80", "\xe2\x80", true}, // a cut sequence hashes as bytes
	} {
		if got := hashWord(tc.a) == hashWord(tc.b); got != tc.same {
			t.Errorf("hashWord(%q) == hashWord(%q) is %v, want %v", tc.a, tc.b, got, tc.same)
		}
	}
}
