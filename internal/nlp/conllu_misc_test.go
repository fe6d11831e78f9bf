package nlp

import (
	"strconv"
	"strings"
	"testing"
)

// splitRangeSplit is splitRange as written with strings.Split and Join: the
// reference for the version that walks the items in place.
func splitRangeSplit(misc string) (string, int, int) {
	misc = under(misc)
	if misc == "" {
		return "", -1, -1
	}
	start, end := -1, -1
	var kept []string
	for _, item := range strings.Split(misc, "|") {
		if strings.HasPrefix(item, rangeKey) {
			v := item[len(rangeKey):]
			if k := strings.IndexByte(v, ':'); k > 0 {
				a, err1 := strconv.Atoi(v[:k])
				b, err2 := strconv.Atoi(v[k+1:])
				if err1 == nil && err2 == nil && a >= 0 && b >= a {
					start, end = a, b
					continue
				}
			}
		}
		kept = append(kept, item)
	}
	return strings.Join(kept, "|"), start, end
}

func TestSplitRange(t *testing.T) {
	tests := []struct {
		misc, want string
		start, end int
	}{
		{"_", "", -1, -1},
		{"", "", -1, -1},
		{"TokenRange=3:7", "", 3, 7},
		{"SpaceAfter=No|TokenRange=3:7", "SpaceAfter=No", 3, 7},
		{"TokenRange=3:7|SpaceAfter=No", "SpaceAfter=No", 3, 7},
		{"A=1|TokenRange=3:7|B=2", "A=1|B=2", 3, 7},
		{"A=1|B=2", "A=1|B=2", -1, -1},
		{"TokenRange=7:3|A", "TokenRange=7:3|A", -1, -1},
		{"TokenRange=:3", "TokenRange=:3", -1, -1},
		{"|TokenRange=1:2|", "|", 1, 2},
		{"||TokenRange=1:2", "|", 1, 2},
		{"A|TokenRange=1:2||TokenRange=4:5|B", "A||B", 4, 5},
		{"TokenRange=1:2|TokenRange=x|TokenRange=4:5", "TokenRange=x", 4, 5},
	}
	for _, tt := range tests {
		got, s, e := splitRange(tt.misc)
		if got != tt.want || s != tt.start || e != tt.end {
			t.Errorf("splitRange(%q) = %q, %d, %d; want %q, %d, %d", tt.misc, got, s, e, tt.want, tt.start, tt.end)
		}
		if rg, rs, re := splitRangeSplit(tt.misc); got != rg || s != rs || e != re {
			t.Errorf("splitRange(%q) = %q, %d, %d; the reference %q, %d, %d", tt.misc, got, s, e, rg, rs, re)
		}
	}
}

// FuzzSplitRange compares splitRange with the reference on any MISC value.
func FuzzSplitRange(f *testing.F) {
	for _, s := range []string{"SpaceAfter=No|TokenRange=3:7", "A|TokenRange=1:2||TokenRange=4:5|B", "|", "TokenRange=0:0|"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, misc string) {
		got, s, e := splitRange(misc)
		if rg, rs, re := splitRangeSplit(misc); got != rg || s != rs || e != re {
			t.Errorf("splitRange(%q) = %q, %d, %d; the reference %q, %d, %d", misc, got, s, e, rg, rs, re)
		}
	})
}
