package ingest

import (
	"strings"
	"testing"
	"unicode/utf8"
)

func TestRepairUTF8(t *testing.T) {
	long := strings.Repeat("The army attacked rebels in Khartoum. ", 30) // 1,140 bytes
	cases := []struct {
		name string
		in   string
		want string // "" with ok false: refused
		n    int
	}{
		{"valid", "Café in Zürich", "Café in Zürich", 0},
		{"one stray byte", "Talks resumed \x93today\x94 in Doha.", "Talks resumed \uFFFDtoday\uFFFD in Doha.", 2},
		{"truncated character", "Talks in Zürich \xc3", "Talks in Zürich \uFFFD", 1},
		{"a few in a long text", long[:500] + "\xff\xfe" + long[500:], long[:500] + "\uFFFD" + long[500:], 2},
		{"only invalid bytes", "\xff\xfe", "", 2},
		{"mostly invalid", "\xff\xfe\xfdx", "", 3},
		{"latin-1 text", strings.Repeat("caf\xe9 ", 20), "", 20},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			out, n, ok := RepairUTF8([]byte(tc.in))
			if n != tc.n {
				t.Errorf("%d bytes counted, want %d", n, tc.n)
			}
			if tc.want == "" {
				if ok || string(out) != tc.in {
					t.Errorf("accepted (%q), want refused and unchanged", out)
				}
				return
			}
			if !ok || string(out) != tc.want {
				t.Errorf("got %q, %v; want %q", out, ok, tc.want)
			}
		})
	}
}

// FuzzRepairUTF8: the output is valid UTF-8 when accepted, unchanged when
// refused, and the count is zero exactly for valid input.
func FuzzRepairUTF8(f *testing.F) {
	for _, s := range []string{"Café", "Talks \x93today\x94", "\xff\xfe", "Zürich \xc3", ""} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		in := string(data)
		out, n, ok := RepairUTF8(data)
		if (n == 0) != utf8.ValidString(in) {
			t.Fatalf("%q: %d invalid bytes counted, valid %v", in, n, utf8.ValidString(in))
		}
		if ok && !utf8.Valid(out) {
			t.Fatalf("%q: accepted as %q, not valid UTF-8", in, out)
		}
		if !ok && string(out) != in {
			t.Fatalf("%q: refused but changed", in)
		}
		if ok && n == 0 && string(out) != in {
			t.Fatalf("%q: valid input changed to %q", in, out)
		}
	})
}
