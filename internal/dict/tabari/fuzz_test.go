package tabari

import (
	"strings"
	"testing"
)

// The fuzz targets check that no input panics and that every reported
// problem names the file and a line inside the input.

func checkProblems(t *testing.T, in string, err error) {
	t.Helper()
	if err == nil {
		return
	}
	if _, ok := err.(Problems); !ok {
		t.Fatalf("error is not a list of problems: %v", err)
	}
	lines := strings.Count(in, "\n") + 1
	for _, l := range strings.Split(err.Error(), "\n") {
		if !strings.HasPrefix(l, "f:") {
			t.Fatalf("problem without file name: %q", l)
		}
		var n int
		for _, c := range l[2:] {
			if c < '0' || c > '9' {
				break
			}
			n = n*10 + int(c-'0')
		}
		if n < 1 || n > lines {
			t.Fatalf("problem line %d outside 1..%d: %q", n, lines, l)
		}
	}
}

func FuzzActors(f *testing.F) {
	f.Add("ARNOR  [ARN]\nGOLLUM\n+SMEAGOL\n\t[HOB < 950601]\n\t[HOBGOV 950601 - 990815]\n")
	f.Add("<NOUN>\nBEES ;x\n</NOUN>\nTHE_SHIRE [FRO/BIL/SAM]\n~~FINISH\n")
	f.Fuzz(func(t *testing.T, in string) {
		_, err := ReadActors(strings.NewReader(in), "f")
		checkProblems(t, in, err)
		_, err = ReadAgents(strings.NewReader(in), "f")
		checkProblems(t, in, err)
	})
}

func FuzzVerbs(f *testing.F) {
	f.Add("<SYNSETS>\n&TIE\n+MILITARY\n</SYNSETS>\nMEET [031:032]\n{ MET_ MEETS }\n- * &TIE TALKS [031]\n")
	f.Add("<TIME>\nTOMORROW [+1]\n- * AND A WEEK [+8]\n</TIME>\nSHOULD [101]\n- SUGGESTED_+ * DEMAND_{ GENEVA_ | X }_C [161]\n")
	f.Fuzz(func(t *testing.T, in string) {
		s, err := ReadVerbs(strings.NewReader(in), "f")
		checkProblems(t, in, err)
		if s != nil {
			s.Build()
		}
	})
}
