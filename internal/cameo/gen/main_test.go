package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/eventwire/eventwire/internal/shareddata"
)

// TestTablesUpToDate regenerates the tables and compares them with the
// committed internal/cameo/tables_gen.go.
func TestTablesUpToDate(t *testing.T) {
	root, err := shareddata.ModuleRoot()
	if err != nil {
		t.Fatal(err)
	}
	shared := filepath.Join(root, "..", "shared")
	if _, err := os.Stat(filepath.Join(shared, "cameo")); err != nil {
		shareddata.Skip(t, "shared data folder %s is absent: no generator test", shared)
	}
	got, notes, err := build(shared, "countrycodes.tsv")
	if err != nil {
		t.Fatal(err)
	}
	want, err := os.ReadFile(filepath.Join(root, "internal", "cameo", "tables_gen.go"))
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("tables_gen.go is stale: run go run ./internal/cameo/gen -shared ../shared")
	}
	joined := strings.Join(notes, "\n")
	for _, w := range []string{`restored 106 "Demand withdrawal"`, "PLOVER maps 1213"} {
		if !strings.Contains(joined, w) {
			t.Errorf("notes lack %q:\n%s", w, joined)
		}
	}
}

// TestBadInput checks that malformed input files give errors naming the file
// and line.
func TestBadInput(t *testing.T) {
	valid := map[string]string{
		"CAMEO.eventcodes.txt":     "CAMEOEVENTCODE\tEVENTDESCRIPTION\n01\tMAKE STATEMENT\n010\tMake statement\n",
		"CAMEO.goldsteinscale.txt": "CAMEOEVENTCODE\tGOLDSTEINSCALE\n01\t1.5\n",
		"CAMEO2PLOVER-2021.txt":    "# comment\n01: X\n010: SAY, , \n",
		"CAMEO.country.tsv":        "CODE\tLABEL\tKIND\nFRA\tFrance\tiso3166-alpha3\nAFR\tAfrica\tregion\n",
		"CAMEO.type.txt":           "CODE\tLABEL\nGOV\tGovernment\n",
		"CAMEO.knowngroup.txt":     "CODE\tLABEL\nUNO\tUnited Nations\n",
		"CAMEO.religion.txt":       "CODE\tLABEL\nCHR\tChristian\n",
		"CAMEO.ethnic.txt":         "CODE\tLABEL\nkur\tKurd\n",
	}
	const codes = "CAMEO\tISO3\tISO2\tFIPS\tNAME\nFRA\tFRA\tFR\tFR\t\n"
	tests := []struct {
		file, content, codes, want string
	}{
		{"", "", codes, ""},
		{"CAMEO.eventcodes.txt", "CAMEOEVENTCODE\tEVENTDESCRIPTION\n01\tMAKE STATEMENT\n0x1\tBad\n", codes, `CAMEO.eventcodes.txt:3: code "0x1" is not 2 to 4 digits`},
		{"CAMEO.eventcodes.txt", "CODE\tNAME\n", codes, "CAMEO.eventcodes.txt:1: header"},
		{"CAMEO.eventcodes.txt", "CAMEOEVENTCODE\tEVENTDESCRIPTION\n01\tA\tB\n", codes, "CAMEO.eventcodes.txt:2: 3 fields, want 2"},
		{"CAMEO.goldsteinscale.txt", "CAMEOEVENTCODE\tGOLDSTEINSCALE\n01\t0.0\n010\tx\n", codes, `CAMEO.goldsteinscale.txt:3: code 010: Goldstein value "x"`},
		{"CAMEO.goldsteinscale.txt", "CAMEOEVENTCODE\tGOLDSTEINSCALE\n01\t0.0\n02\t1\n", codes, "CAMEO.goldsteinscale.txt:3: code 02 is not in"},
		{"CAMEO2PLOVER-2021.txt", "010: SAY, x\n", codes, "CAMEO2PLOVER-2021.txt:1: code 010: 2 comma-separated fields"},
		{"CAMEO2PLOVER-2021.txt", "010: SAY, , \n010: ASK, , \n", codes, "CAMEO2PLOVER-2021.txt:2: code 010 mapped twice"},
		{"CAMEO2PLOVER-2021.txt", "010 SAY\n", codes, `CAMEO2PLOVER-2021.txt:1: no "CODE:" prefix`},
		{"CAMEO.country.tsv", "CODE\tLABEL\tKIND\nDEU\tGermany\tiso3166-alpha3\n", codes, "CAMEO.country.tsv:2: country DEU has no row in countrycodes.tsv"},
		{"", "", codes + "DEU\tDEU\tFR\tGM\t\n", "countrycodes.tsv:3: DEU: ISO2 FR is also the code of FRA"},
		{"", "", codes + "DEU\tDEU\tDE\tG\t\n", `countrycodes.tsv:3: DEU: FIPS "G" is not 2 capital letters`},
		{"", "", codes + "TWN\tTWN\tTW\tTW\t\n", "countrycodes.tsv: TWN is not in CAMEO.country.tsv and has no name"},
		{"CAMEO.ethnic.txt", "CODE\tLABEL\nKur\tKurd\n", codes, `CAMEO.ethnic.txt:2: code "Kur" is not three letters`},
	}
	for _, tt := range tests {
		dir := t.TempDir()
		if err := os.Mkdir(filepath.Join(dir, "cameo"), 0o755); err != nil {
			t.Fatal(err)
		}
		for name, content := range valid {
			if name == tt.file {
				content = tt.content
			}
			if err := os.WriteFile(filepath.Join(dir, "cameo", name), []byte(content), 0o644); err != nil {
				t.Fatal(err)
			}
		}
		codesPath := filepath.Join(dir, "countrycodes.tsv")
		if err := os.WriteFile(codesPath, []byte(tt.codes), 0o644); err != nil {
			t.Fatal(err)
		}
		src, notes, err := build(dir, codesPath)
		switch {
		case tt.want == "" && err != nil:
			t.Errorf("valid input: %v", err)
		case tt.want == "":
			// 010 has no Goldstein value and inherits that of its root.
			if !bytes.Contains(src, []byte(`{Code: "010", Name: "Make statement", Level: LevelBase, Root: "01", Base: "010", QuadClass: 1, Goldstein: 1.5, GoldsteinInherited: true, Plover: Plover{"SAY", "", ""}}`)) {
				t.Errorf("valid input: generated source lacks the inherited Goldstein row:\n%s", src)
			}
			if len(notes) != 1 || !strings.Contains(notes[0], "code 010 inherits Goldstein 1.5 from 01") {
				t.Errorf("valid input: notes %q", notes)
			}
		case tt.want != "" && (err == nil || !strings.Contains(err.Error(), tt.want)):
			t.Errorf("%s: error %v, want %q", tt.file, err, tt.want)
		}
	}
}
