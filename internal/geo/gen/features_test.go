package main

import (
	"strings"
	"testing"
)

// TestDecodeDistricts: a division's centre is the mean of its places, its
// population the sum of theirs (a name counted once), and divisions with
// no place are dropped.
func TestDecodeDistricts(t *testing.T) {
	admin2 := []byte(`[{"code":"PK.03.1164211","name":"Swat"},{"code":"PK.03.9","name":"Empty"}]`)
	places := []byte(`[{"name":"Mingora","lat":"34.7","lng":"72.3","country":"PK","admin1":"03","admin2":"1164211"},
		{"name":"Kalam","lat":"35.5","lng":"72.5","country":"PK","admin1":"03","admin2":"1164211"},
		{"name":"Kalam","lat":"35.5","lng":"72.5","country":"PK","admin1":"03","admin2":"1164211"},
		{"name":"Elsewhere","lat":"1","lng":"1","country":"PK","admin1":"03","admin2":""}]`)
	cities := []city{{id: 1, name: "Mingora", country: "PK", admin: "03", population: 330000},
		{id: 2, name: "Kalam", country: "PK", admin: "03", population: 10000}}
	ds, err := decodeDistricts(admin2, places, cities)
	if err != nil {
		t.Fatal(err)
	}
	if len(ds) != 1 || ds[0].name != "Swat" || ds[0].pop != 340000 || ds[0].places != 3 || ds[0].iso2 != "PK" || ds[0].admin1 != "03" {
		t.Fatalf("districts %+v, want Swat of 340,000 people in 3 place records", ds)
	}
	if _, err := decodeDistricts([]byte(`[{"code":"PK","name":"X"}]`), []byte(`[]`), nil); err == nil || !strings.Contains(err.Error(), "entry 1") {
		t.Errorf("bad code: got %v, want an error naming entry 1", err)
	}
	if _, err := decodeDistricts(admin2, []byte(`[{"name":"A","lat":"x","lng":"1","country":"PK","admin1":"03","admin2":"1164211"}]`), nil); err == nil ||
		!strings.Contains(err.Error(), "coordinates") {
		t.Errorf("bad coordinates: got %v", err)
	}
}

// TestBuildFeatures: districts of enough people whose name no city,
// division or country of their country has are listed, those named for
// their city in another spelling become its alias; features are checked,
// keyed and sorted.
func TestBuildFeatures(t *testing.T) {
	cities := []city{{id: 1, name: "Mingora", country: "PK", admin: "03", population: 330000, lat: 3477000, lon: 7236000}}
	countries := [][]string{{"PK", "PAK", "PK", "Pakistan", "30", "70", "-", "Pakistani", "c:1"}}
	adm := [][]string{{"PK", "@Mingora", "-", "Khyber Pakhtunkhwa", "34", "72", "KP", "a:1"}}
	ds := []district{
		{code: "PK.03.1", name: "Swat", iso2: "PK", admin1: "03", pop: 340000, lat: 35, lon: 72.4},
		{code: "PK.03.2", name: "Mingora", iso2: "PK", admin1: "03", pop: 340000, lat: 35, lon: 72.4},   // a city's name
		{code: "PK.03.3", name: "Tiny", iso2: "PK", admin1: "03", pop: 4000, lat: 35, lon: 72.4},        // too few people
		{code: "PK.03.4", name: "Mingawa", iso2: "PK", admin1: "03", pop: 900000, lat: 34.8, lon: 72.3}, // Mingora by another name
	}
	feats := [][]string{{"Tora Bora", "MTS", "PK", "34.1", "70.2", "-", "f:2"}, {"Indus", "STM", "-", "28", "69", "Indus River", "f:1"}}
	out, _, err := buildFeatures(cities, countries, adm, ds, feats)
	if err != nil {
		t.Fatal(err)
	}
	want := "N\t1\tMingawa\n" +
		"F\tPK.03.1\tSwat\tPK\t03\tADM2\t340000\t35\t72.4\t-\n" +
		"F\tMTS.tora-bora\tTora Bora\tPK\t-\tMTS\t0\t34.1\t70.2\t-\n" +
		"F\tSTM.indus\tIndus\t-\t-\tSTM\t0\t28\t69\tIndus River\n"
	if string(out) != want {
		t.Errorf("got\n%s\nwant\n%s", out, want)
	}
	for _, tc := range []struct {
		row  []string
		want string
	}{
		{[]string{"Bakery", "SHOP", "PK", "1", "1", "f:3"}, "f:3: feature code"},
		{[]string{"Nile", "STM", "EG", "1", "1", "f:4"}, "f:4: unknown country"},
		{[]string{"Indus", "STM", "PK", "91", "1", "f:5"}, "f:5: bad coordinates"},
	} {
		if _, _, err := buildFeatures(cities, countries, adm, nil, [][]string{tc.row}); err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%v: got %v, want an error with %q", tc.row, err, tc.want)
		}
	}
}
