package gkg

import "testing"

// TestUnannotatedCounts: numbers written with a hyphen (a spelled
// compound, a multiplier after digits) count whole.
func TestUnannotatedCounts(t *testing.T) {
	tests := []struct {
		text, typ string
		want      int64
	}{
		{"A bomb exploded on a bus, killing at least twenty-three people.", "KILL", 23},
		{"Police arrested forty-one protesters outside the ministry.", "ARREST", 41},
		{"Authorities detained about 13-hundred Tibetans in Kathmandu.", "ARREST", 1300},
		{"Officials say 20-thousand people were killed in the fighting.", "KILL", 20000},
		{"The raids killed two-and-a-half thousand people in a year.", "KILL", 2500},
	}
	for _, tt := range tests {
		t.Run(tt.text, func(t *testing.T) {
			r := extractArticle(t, tt.text, "")
			var got int64
			for _, c := range r.Counts {
				if c.Type == tt.typ {
					got = c.Number
				}
			}
			if got != tt.want {
				t.Errorf("%s count %d, want %d (%+v)", tt.typ, got, tt.want, r.Counts)
			}
		})
	}
}
