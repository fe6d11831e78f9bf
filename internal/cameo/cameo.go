// Package cameo is the CAMEO ontology as compiled-in tables: the event codes
// with their names, levels, QuadClass, Goldstein values and PLOVER
// equivalents, and the actor vocabulary (countries and regions with their ISO
// and FIPS codes, type and role codes, known groups, religions and ethnic
// groups), with a parser for composite actor codes such as "FRALEG".
//
// The tables live in tables_gen.go, generated from the CAMEO lookup files in
// the shared data folder by
//
//	go run ./internal/cameo/gen -shared ../shared
//
// (or go generate ./internal/cameo). All functions are safe for concurrent
// use: the tables are read-only after package initialisation.
//
// Facts and repairs the generator applies to its sources:
//   - Goldstein values come from CAMEO.goldsteinscale.txt. A code missing
//     there inherits the value of its base code, or else of its root; the
//     EventCode says so in GoldsteinInherited. With the current files every
//     listed code has its own value.
//   - CAMEO.eventcodes.txt lists 310 codes, but one of its lines carries two
//     records fused together ("1056 Demand de-escalation of military
//     engagement106:[-5.0] Demand withdrawal"); the generator splits it and
//     restores 106 "Demand withdrawal" with Goldstein -5.0 from that record,
//     so the table has 311 codes: 20 roots, 147 three-digit and 144
//     four-digit codes. 106 is used by the PETRARCH verb dictionaries.
//   - QuadClass follows GDELT: roots 01–05 verbal cooperation (1), 06–09
//     material cooperation (2), 10–14 verbal conflict (3), 15–20 material
//     conflict (4).
//   - PLOVER category, mode and context come from CAMEO2PLOVER-2021.txt. Its
//     "NN: CATEGORY" lines are section headings, not mappings (08 has two);
//     a root code takes the mapping of its "NN0" code. Codes absent from the
//     PLOVER table (the 01 and 02 families) have an empty Plover. The
//     mapping is by code: the PLOVER table follows CAMEO 1.1b3, whose names
//     for 101 and 105–108 differ from those in GDELT's event code file
//     (GDELT's 106 is "Demand withdrawal", PLOVER's 106 "Demand meeting,
//     negotiation"), so the PLOVER fields of those five codes describe the
//     1.1b3 meaning.
//   - ISO 3166 alpha-2 and FIPS 10-4 codes are not in the shared files; they
//     come from gen/countrycodes.tsv, written for this project, which also
//     corrects a few names (Colombia, Côte d'Ivoire, Réunion) and adds
//     country codes that GDELT or the PETRARCH dictionaries use but the CAMEO
//     manual's table lacks (TWN, SSD, KSV, USR, DDR, SCG, WSB, GZS, BAG).
package cameo

//go:generate go run ./gen

import (
	"iter"
	"sort"
	"strings"
)

// Level is the depth of an event code in the CAMEO hierarchy, which is also
// the number of its digits.
type Level uint8

// The three levels of CAMEO event codes.
const (
	LevelRoot Level = 2 // two digits, "14"
	LevelBase Level = 3 // three digits, "141"
	LevelSub  Level = 4 // four digits, "1411"
)

// String returns "root", "base" or "sub".
func (l Level) String() string {
	switch l {
	case LevelRoot:
		return "root"
	case LevelBase:
		return "base"
	case LevelSub:
		return "sub"
	}
	return "invalid"
}

// QuadClass is GDELT's four-way grouping of CAMEO roots.
type QuadClass uint8

// The GDELT QuadClass values.
const (
	VerbalCooperation   QuadClass = 1 // roots 01–05
	MaterialCooperation QuadClass = 2 // roots 06–09
	VerbalConflict      QuadClass = 3 // roots 10–14
	MaterialConflict    QuadClass = 4 // roots 15–20
)

// String returns the GDELT name of the class, e.g. "verbal cooperation".
func (q QuadClass) String() string {
	switch q {
	case VerbalCooperation:
		return "verbal cooperation"
	case MaterialCooperation:
		return "material cooperation"
	case VerbalConflict:
		return "verbal conflict"
	case MaterialConflict:
		return "material conflict"
	}
	return "invalid"
}

// Plover is the PLOVER equivalent of a CAMEO code. Any field may be empty.
type Plover struct {
	Category string // e.g. "ACCUSE"
	Mode     string // e.g. "allege"
	Context  string // one or more contexts separated by ";", e.g. "crime;corruption"
}

// Contexts splits Context into its parts; nil when there is none.
func (p Plover) Contexts() []string {
	if p.Context == "" {
		return nil
	}
	return strings.Split(p.Context, ";")
}

// EventCode is one CAMEO event code and its facts.
type EventCode struct {
	Code      string // "112"
	Name      string // "Accuse"; roots are upper case as in the CAMEO files
	Level     Level
	Root      string // two-digit root, "11"
	Base      string // three-digit base code; the code itself for a root or base code
	QuadClass QuadClass
	Goldstein float64
	// GoldsteinInherited is set when the Goldstein file has no value for the
	// code and Goldstein is that of its base code or root.
	GoldsteinInherited bool
	Plover             Plover
}

// Lookup returns the facts for an event code such as "0211".
func Lookup(code string) (EventCode, bool) {
	i := sort.Search(len(eventCodes), func(i int) bool { return eventCodes[i].Code >= code })
	if i < len(eventCodes) && eventCodes[i].Code == code {
		return eventCodes[i], true
	}
	return EventCode{}, false
}

// EventCodes yields all event codes in code order, which is the order of the
// CAMEO hierarchy: "01", "010", "011", ..., "0211", ..., "20", "200", ...
func EventCodes() iter.Seq[EventCode] {
	return EventCodesWithPrefix("")
}

// EventCodesWithPrefix yields, in code order, the event codes that start with
// prefix: "11" gives 11, 110, 111, 112, 1121, ... An empty prefix gives all.
func EventCodesWithPrefix(prefix string) iter.Seq[EventCode] {
	return func(yield func(EventCode) bool) {
		i := sort.Search(len(eventCodes), func(i int) bool { return eventCodes[i].Code >= prefix })
		for ; i < len(eventCodes) && strings.HasPrefix(eventCodes[i].Code, prefix); i++ {
			if !yield(eventCodes[i]) {
				return
			}
		}
	}
}

// NumEventCodes is the number of event codes in the table.
func NumEventCodes() int { return len(eventCodes) }
