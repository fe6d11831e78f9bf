package main

import (
	"slices"
	"strings"
	"testing"

	"github.com/eventwire/eventwire/internal/geo"
)

// TestVariants: the rules keep spelling variants of a gazetteer city and
// leave out other languages' names, short, lower-case or non-Latin forms,
// small cities, and names of countries or of other large cities.
func TestVariants(t *testing.T) {
	g, err := geo.Default()
	if err != nil {
		t.Fatal(err)
	}
	recs := []record{
		{id: 3176219, name: "Genoa", population: 580097,
			alternates: []string{"Genova", "Zena", "Genua", "genova", "Генуя", "Gen", "Georgia", "Genoa"}},
		{id: 2988507, name: "Paris", population: 2138551, alternates: []string{"Parigi", "Pariz", "Parizh"}},
		{id: 1, name: "Pariz", population: 200000}, // another large city of that name
		{id: 3165524, name: "Turin", population: 870456, alternates: []string{"Turijn"}},
	}
	var got []string
	for _, v := range variants(g, recs, 100000) {
		got = append(got, v.key)
	}
	// not "zena" (another name), "pariz" (a large city's own name), "gen"
	// (short), "georgia" (a country), the lower-case or Cyrillic forms
	want := []string{"genova", "genua", "parigi", "parizh", "turijn"}
	if !slices.Equal(got, want) {
		t.Errorf("variants %q, want %q", got, want)
	}
	if got := variants(g, recs, 1000000); len(got) != 2 || got[0].id != 2988507 {
		t.Errorf("variants of cities over 1,000,000: %v, want Paris's two", got)
	}
}

func TestParse(t *testing.T) {
	line := "3176219\tGenoa\tGenoa\tGenova,Zena\t44.4\t8.9\tP\tPPLA\tIT\t\t08\tGE\t010025\t\t580097\t19\t17\tEurope/Rome\t2022-08-14\n"
	recs, err := parse([]byte(line), "c.txt")
	if err != nil || len(recs) != 1 || recs[0].population != 580097 || !slices.Equal(recs[0].alternates, []string{"Genova", "Zena"}) {
		t.Fatalf("parse = %+v, %v", recs, err)
	}
	if _, err := parse([]byte("x\tGenoa\n"), "c.txt"); err == nil || !strings.Contains(err.Error(), "c.txt:1") {
		t.Errorf("short line: error %v, want c.txt:1", err)
	}
}
