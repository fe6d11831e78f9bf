package dict

import (
	"errors"
	"fmt"
	"strings"
	"testing"
)

func TestProblemString(t *testing.T) {
	tests := []struct {
		p    Problem
		want string
	}{
		{Problem{File: "a.ewd", Line: 3, Msg: "bad code"}, "a.ewd:3: bad code"},
		{Problem{File: "a.txt", Line: 7, Msg: "code 999 is not CAMEO", Warning: true}, "a.txt:7: warning: code 999 is not CAMEO"},
		{Problem{File: "dir/x.bin", Msg: "format unknown"}, "dir/x.bin: format unknown"},
	}
	for _, tc := range tests {
		if got := tc.p.String(); got != tc.want {
			t.Errorf("String: %q, want %q", got, tc.want)
		}
		if got := (&tc.p).Error(); got != tc.want {
			t.Errorf("Error: %q, want %q", got, tc.want)
		}
	}
}

func TestProblems(t *testing.T) {
	if err := Problems(nil).Err(); err != nil {
		t.Errorf("no problems: %v, want nil", err)
	}
	var ps Problems
	for i := range 1003 {
		ps = append(ps, &Problem{File: "v.txt", Line: i + 1, Msg: "bad"})
	}
	err := fmt.Errorf("reading: %w", ps.Err())
	lines := strings.Split(err.Error(), "\n")
	if len(lines) != 1001 || lines[0] != "reading: v.txt:1: bad" || lines[1000] != "(and 3 more)" {
		t.Errorf("%d lines, first %q, last %q", len(lines), lines[0], lines[len(lines)-1])
	}
	var got Problems
	if !errors.As(err, &got) || len(got) != 1003 {
		t.Errorf("errors.As Problems: %d", len(got))
	}
	var one *Problem
	if !errors.As(err, &one) || one.Line != 1 {
		t.Errorf("errors.As *Problem: %v", one)
	}
}
