package document

import (
	"errors"
	"strings"
	"testing"
)

func TestWriteSkipped(t *testing.T) {
	tests := []struct {
		skipped map[string]int
		want    string
	}{
		{nil, ", 0 skipped"},
		{map[string]int{}, ", 0 skipped"},
		{map[string]int{"language": 2}, ", 2 skipped (language 2)"},
		{map[string]int{"not UTF-8": 1, "bad header": 3, "language": 2}, ", 6 skipped (bad header 3, language 2, not UTF-8 1)"},
	}
	for _, tc := range tests {
		var b strings.Builder
		WriteSkipped(&b, tc.skipped)
		if b.String() != tc.want {
			t.Errorf("%v: %q, want %q", tc.skipped, b.String(), tc.want)
		}
	}
}

func TestSkipString(t *testing.T) {
	s := Skip{Origin: "feed.jsonl:3", Reason: "bad JSON line", Err: errors.New("unexpected end of JSON input")}
	if got, want := s.String(), "feed.jsonl:3: bad JSON line: unexpected end of JSON input"; got != want {
		t.Errorf("%q, want %q", got, want)
	}
}
