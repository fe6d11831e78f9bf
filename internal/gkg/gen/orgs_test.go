package main

import (
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/eventwire/eventwire/internal/dict/petrarch"
)

// actorsText is a PETRARCH actor dictionary written for this test: a
// company with a person (its spokesman) listed under its code, an office
// holder with a dated code, an NGO whose name opens with a given name, a
// role title, a name with a possessive, a name with "The", a cue word
// alone, a country (no organisation), an armed group with synonyms, a
// person named by a kunya, one with a title, a group with "Lord's", a
// leader under his group's code and two groups with Arabic names, one with
// an organisation word ("Ansar al-Islam"), one written as a person's is
// ("Shurafa al-Urdun", left to the dictionaries).
const actorsText = `# test actors
LOCKHEED_MARTIN_	[MNCUSA]
EARL_SLACK_	[MNCUSA]# spokesman
R._BERZOK_	[MNCUSA]
KOFI_ANNAN_
+SECRETARY-GENERAL_KOFI_ANNAN
	[IGOUNO 970101-061231]
HELEN_KELLER_INTERNATIONAL_	[NGOHLH]
CHIEF_EXECUTIVE_OF_MCC_	[MNCUSA]
AFRO_ASIAN_PEOPLE'S_SOLIDARITY_ORGANIZATION_	[NGOHRI]
THE_WORLD_FOOD_PROGRAMME_	[IGOUNO]
ORGANIZATION_	[MEAREB]
FRANCE_	[FRA]
ADEN_ISLAMIC_ARMY_	[YEMREB]
+ISLAMIC_ARMY_OF_ADEN_
ABU_SARTAJ_	[IMGMUSALQ]
SHEIKH_NASRALLAH_	[LBNREB]
LORD'S_RESISTANCE_ARMY_	[UGAREB]
AYMAN_AL-ZAWAHIRI_	[IMGMUSALQ]
ANSAR_AL-ISLAM_	[IRQREB]
SHURAFA_AL-URDUN_	[JORREB]
`

func TestOrgNames(t *testing.T) {
	set, err := petrarch.ReadActors(strings.NewReader(actorsText), "test.txt")
	if err != nil {
		t.Fatal(err)
	}
	given := map[string]bool{"earl": true, "helen": true, "kofi": true}
	got := map[string]string{}
	for _, e := range orgNames(set, given) {
		got[e.name] = e.code
	}
	want := map[string]string{
		"lockheed martin":                             "MNCUSA",
		"helen keller international":                  "NGOHLH",
		"afro asian people's solidarity organization": "NGOHRI",
		"world food programme":                        "IGOUNO",
		"aden islamic army":                           "YEMREB",
		"islamic army of aden":                        "YEMREB",
		"lord's resistance army":                      "UGAREB",
		"ansar al-islam":                              "IRQREB",
	}
	for n, c := range want {
		if got[n] != c {
			t.Errorf("%q: code %q, want %q", n, got[n], c)
		}
	}
	for _, n := range []string{"earl slack", "r. berzok", "kofi annan", "secretary-general kofi annan",
		"chief executive of mcc", "organization", "france", "abu sartaj", "sheikh nasrallah",
		"ayman al-zawahiri", "shurafa al-urdun"} {
		if c, ok := got[n]; ok {
			t.Errorf("kept %q (%s), a person, office, cue word or country", n, c)
		}
	}
	if len(got) != len(want) {
		t.Errorf("got %d names, want %d: %v", len(got), len(want), got)
	}
}

func TestUniqueOrgs(t *testing.T) {
	got := uniqueOrgs([]orgEntry{{"b", "NGO"}, {"a", "IGO"}, {"b", "MNC"}})
	if len(got) != 2 || got[0] != (orgEntry{"a", "IGO"}) || got[1] != (orgEntry{"b", "NGO"}) {
		t.Errorf("got %v", got)
	}
}

// TestBuildOrgs builds the table from a directory holding the two source
// files (the test's dictionary written twice, under their names) and
// checks its lines; a missing source is an error naming it.
func TestBuildOrgs(t *testing.T) {
	dir, out := t.TempDir(), t.TempDir()
	var big strings.Builder
	big.WriteString(actorsText)
	for i := 0; i < 1000; i++ { // the table wants 1,000 names at least
		big.WriteString("ACME_" + strings.Repeat("X", i%7+1) + "_" + strconv.Itoa(i) + "_INC_\t[MNCUSA]\n")
	}
	for _, n := range orgSources {
		if err := os.WriteFile(filepath.Join(dir, n), []byte(big.String()), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if err := buildOrgs(dir, out, []byte("Earl\nHelen\nKofi\n")); err != nil {
		t.Fatal(err)
	}
	b, err := os.ReadFile(filepath.Join(out, "orgs.tsv"))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(b), "\nlockheed martin\tMNCUSA\n") || strings.Contains(string(b), "earl slack") {
		t.Errorf("orgs.tsv:\n%.500s", b)
	}
	if err := buildOrgs(t.TempDir(), out, nil); err == nil || !strings.Contains(err.Error(), orgSources[0]) {
		t.Errorf("missing source: error %v", err)
	}
}
