package geo

import (
	"math"
	"math/rand"
	"strconv"
	"testing"

	"github.com/eventwire/eventwire/internal/geo/norm"
)

// TestParseCoord checks the coordinate parser against strconv.ParseFloat,
// bit for bit, on hand-picked and random decimals.
func TestParseCoord(t *testing.T) {
	cases := []string{"0", "-0", "0.0", "90", "-90", "180.000000", "-33.8688", "51.50853", "1e3", "0x10", "+5", ".5", "5.",
		"-", "", ".", "1.2.3", "123456789012345678", "0.1234567890123456789012345", "nan", "inf", "12a", "1_000"}
	r := rand.New(rand.NewSource(1))
	for i := 0; i < 20000; i++ {
		cases = append(cases, strconv.FormatFloat(r.Float64()*360-180, 'f', r.Intn(12), 64))
	}
	for _, s := range cases {
		want, werr := strconv.ParseFloat(s, 64)
		got, err := parseCoord(s)
		if (err != nil) != (werr != nil) || math.Float64bits(got) != math.Float64bits(want) {
			t.Errorf("parseCoord(%q) = %v, %v; ParseFloat gives %v, %v", s, got, err, want, werr)
		}
	}
}

// TestKeyArena checks that names folded in the arena are norm.Fold's keys.
func TestKeyArena(t *testing.T) {
	var a keyArena
	for _, s := range []string{"", "baghdad", "Baghdad", "Mek'ele", "Montréal", "São Paulo", "Washington, D.C.", "...",
		"Ḩalab", "Āl Fallūjah", "ⱥⱥ", "Ⱥ Ⱥ", "東京", "a  b"} {
		if got, want := a.fold(s), norm.Fold(s); got != want {
			t.Errorf("fold(%q) = %q, want %q", s, got, want)
		}
	}
}
