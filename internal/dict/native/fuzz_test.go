package native

import (
	"strings"
	"testing"
)

func FuzzParse(f *testing.F) {
	f.Add("@actors\nFrance | French = FRA\nBarack Obama\n    | Obama\n    = USAGOV 2009-01-20..2017-01-20\n")
	f.Add("@verbs\naccuse: 112 neg=111\n    obj=$T obl:of=&crime = 112\nhold: -\n    obj=meeting(nmod:with=$T) = 043\n")
	f.Add("@agents\nsenate | senates = ~LEG\n@discards\nmonths later\nworld cup = story\n@issues\nschool = SCHOOLS\n!a head start\n")
	f.Fuzz(func(t *testing.T, in string) {
		_, probs, err := parse(strings.NewReader(in), "f")
		if err != nil {
			return // a line longer than the scanner buffer
		}
		lines := strings.Count(in, "\n") + 1
		for _, p := range probs {
			if p.File != "f" || p.Line < 1 || p.Line > lines || p.Msg == "" {
				t.Fatalf("bad problem %+v", p)
			}
		}
	})
}
