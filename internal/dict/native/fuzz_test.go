package native

import (
	"bytes"
	"errors"
	"strings"
	"testing"
)

// FuzzRead reads arbitrary input: it must not panic, every problem must
// name the file and a line of the input, and whatever was read must write
// out as a file that reads back without problems into the same entries.
func FuzzRead(f *testing.F) {
	f.Add("@actors\nFrance | French = FRA\nBarack Obama\n    | Obama\n    = USAGOV 2009-01-20..2017-01-20\n")
	f.Add("@verbs\naccuse: 112 neg=111\n    obj=$T obl:of=&crime = 112\nhold: -\n    obj=meeting(nmod:with=$T) = 043\n")
	f.Add("@agents\nsenate | senates = ~LEG\n@discards\nmonths later\nworld cup = story\n@issues\nschool = SCHOOLS\n!a head start\n")
	f.Fuzz(func(t *testing.T, in string) {
		s, err := Read(strings.NewReader(in), "f")
		var probs Problems
		if err != nil && !errors.As(err, &probs) {
			return // a line longer than the scanner buffer
		}
		lines := strings.Count(in, "\n") + 1
		for _, p := range probs {
			if p.File != "f" || p.Line < 1 || p.Line > lines || p.Msg == "" {
				t.Fatalf("bad problem %+v", p)
			}
		}
		var out bytes.Buffer
		if err := Write(&out, s); err != nil {
			t.Fatalf("writing what was read: %v", err)
		}
		s2, err := Read(bytes.NewReader(out.Bytes()), "g")
		if err != nil {
			t.Fatalf("reading what was written: %v\n%s", err, out.Bytes())
		}
		if a, b := s.Stats(), s2.Stats(); a != b {
			t.Fatalf("round trip changed the counts: %+v → %+v\n%s", a, b, out.Bytes())
		}
		s.Build()
	})
}
