package norm

import "testing"

func TestFold(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"Paris", "paris"},
		{"paris", "paris"},
		{"Montréal", "montreal"},
		{"MONTREAL", "montreal"},
		{"Mek'ele", "mekele"},
		{"Washington, D.C.", "washington dc"},
		{"  San   José ", "san jose"},
		{"Al Qaţīf", "al qatif"},
		{"Ürümqi", "urumqi"},
		{"Baden-Württemberg", "baden wurttemberg"},
		{"São Tomé", "sao tome"},
		{"Ḩalab", "halab"},
		{"Łódź", "lodz"},
		{"Москва", "москва"},
		{"", ""},
		{" ", ""},
		{"a b", "a b"},
		{"a  b", "a b"},
	} {
		if got := Fold(tc.in); got != tc.want {
			t.Errorf("Fold(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestAppendFoldNoAlloc(t *testing.T) {
	buf := make([]byte, 0, 64)
	n := testing.AllocsPerRun(100, func() { buf = AppendFold(buf[:0], "Montréal, Québec") })
	if n != 0 {
		t.Errorf("AppendFold allocates %v times per call, want 0", n)
	}
}

func FuzzFold(f *testing.F) {
	f.Add("Montréal")
	f.Add("Washington, D.C.")
	f.Add("\xff\xfe")
	f.Fuzz(func(t *testing.T, s string) {
		k := Fold(s)
		if Fold(k) != k {
			t.Errorf("Fold is not idempotent on %q: %q then %q", s, k, Fold(k))
		}
		if len(k) > 0 && (k[0] == ' ' || k[len(k)-1] == ' ') {
			t.Errorf("Fold(%q) = %q has an edge space", s, k)
		}
	})
}
