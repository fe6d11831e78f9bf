package cameo

import (
	"fmt"
	"iter"
	"sort"
	"strings"
)

// ActorKind says which CAMEO actor vocabulary a three-letter code belongs to.
type ActorKind uint8

// The CAMEO actor vocabularies.
const (
	KindCountry    ActorKind = iota + 1 // ISO 3166 country or territory, or a GDELT addition such as WSB
	KindRegion                          // CAMEO region such as AFR, MEA, WST
	KindType                            // type or role such as GOV, MIL, IGO, NGO
	KindKnownGroup                      // named organisation such as UNO, ALQ, HMS
	KindReligion                        // religion such as MOS, CHR, SUN
	KindEthnic                          // ethnic group; lower-case codes such as kur
)

var kindNames = [...]string{
	KindCountry:    "country",
	KindRegion:     "region",
	KindType:       "type",
	KindKnownGroup: "group",
	KindReligion:   "religion",
	KindEthnic:     "ethnic",
}

// String returns "country", "region", "type", "group", "religion" or
// "ethnic".
func (k ActorKind) String() string {
	if int(k) < len(kindNames) && kindNames[k] != "" {
		return kindNames[k]
	}
	return "invalid"
}

// Actor is one code of an actor vocabulary.
type Actor struct {
	Code string
	Name string
	Kind ActorKind
}

// Country is a CAMEO country or region code with its names in the other
// coding schemes. ISO3, ISO2 and FIPS are empty when the scheme has no code
// for it (regions have none; FIPS 10-4 has none for the Åland Islands or
// Palestine as a whole). ISO3 differs from Code where CAMEO keeps an old or
// nonstandard code: TMP (ISO TLS), ROM (ROU), MTN (MNE), IMY (IMN).
type Country struct {
	Code   string // CAMEO code, e.g. "ROM"
	Name   string
	Region bool   // a CAMEO region (AFR, MEA, ...) rather than a country
	ISO3   string // ISO 3166-1 alpha-3, e.g. "ROU"
	ISO2   string // ISO 3166-1 alpha-2, e.g. "RO"
	FIPS   string // FIPS 10-4, e.g. "RO"; GDELT's geography columns use these
}

// LookupCountry returns the country or region with the CAMEO code.
func LookupCountry(code string) (Country, bool) {
	i := sort.Search(len(countries), func(i int) bool { return countries[i].Code >= code })
	if i < len(countries) && countries[i].Code == code {
		return countries[i], true
	}
	return Country{}, false
}

// Countries yields the countries and regions in code order.
func Countries() iter.Seq[Country] {
	return func(yield func(Country) bool) {
		for _, c := range countries {
			if !yield(c) {
				return
			}
		}
	}
}

var byISO3, byISO2, byFIPS = countryIndexes()

func countryIndexes() (iso3, iso2, fips map[string]int) {
	iso3, iso2, fips = map[string]int{}, map[string]int{}, map[string]int{}
	for i, c := range countries {
		if c.ISO3 != "" {
			iso3[c.ISO3] = i
		}
		if c.ISO2 != "" {
			iso2[c.ISO2] = i
		}
		if c.FIPS != "" {
			fips[c.FIPS] = i
		}
	}
	return iso3, iso2, fips
}

// CountryByISO3 returns the country with the ISO 3166-1 alpha-3 code, e.g.
// "ROU" gives the CAMEO country ROM.
func CountryByISO3(iso3 string) (Country, bool) { return countryAt(byISO3, iso3) }

// CountryByISO2 returns the country with the ISO 3166-1 alpha-2 code.
func CountryByISO2(iso2 string) (Country, bool) { return countryAt(byISO2, iso2) }

// CountryByFIPS returns the country with the FIPS 10-4 code, e.g. "UK" gives
// GBR.
func CountryByFIPS(fips string) (Country, bool) { return countryAt(byFIPS, fips) }

func countryAt(m map[string]int, key string) (Country, bool) {
	if i, ok := m[key]; ok {
		return countries[i], true
	}
	return Country{}, false
}

// LookupActor returns the code of the given vocabulary. Ethnic codes are
// lower case ("kur"); all others upper case.
func LookupActor(kind ActorKind, code string) (Actor, bool) {
	key := strings.ToUpper(code)
	i := sort.Search(len(actors), func(i int) bool { return actorLess(actors[i], key, kind) })
	for ; i < len(actors) && actors[i].Kind == kind && strings.ToUpper(actors[i].Code) == key; i++ {
		if actors[i].Code == code {
			return actors[i], true
		}
	}
	return Actor{}, false
}

// actorLess reports whether a sorts at or after (key, kind), the table order
// being upper-cased code, then kind.
func actorLess(a Actor, key string, kind ActorKind) bool {
	ak := strings.ToUpper(a.Code)
	if ak != key {
		return ak >= key
	}
	return a.Kind >= kind
}

// Actors yields every actor code of every vocabulary, ordered by code
// (ignoring case) and then by kind.
func Actors() iter.Seq[Actor] { return ActorsWithPrefix("") }

// ActorsWithPrefix yields, in the order of Actors, the actor codes starting
// with prefix, ignoring case: "US" gives USA and the ethnic code "usb"...
func ActorsWithPrefix(prefix string) iter.Seq[Actor] {
	p := strings.ToUpper(prefix)
	return func(yield func(Actor) bool) {
		i := sort.Search(len(actors), func(i int) bool { return strings.ToUpper(actors[i].Code) >= p })
		for ; i < len(actors) && strings.HasPrefix(strings.ToUpper(actors[i].Code), p); i++ {
			if !yield(actors[i]) {
				return
			}
		}
	}
}

// ActorCode is a composite CAMEO actor code split into its parts. GDELT's
// actor columns are these parts: CountryCode, KnownGroupCode, EthnicCode,
// Religion1Code and Religion2Code, Type1Code to Type3Code.
type ActorCode struct {
	Code       string   // the code as parsed, e.g. "PSEREBHMS"
	Country    string   // country or region code, "" when none
	KnownGroup string   // e.g. "HMS"
	Ethnic     string   // lower case, e.g. "kur"
	Religions  []string // in order of appearance
	Types      []string // types and roles in order of appearance, e.g. ["REB"]
}

// Organisation reports whether the code names an organisation rather than
// a state or a people: an IGO, NGO or multinational, a known group
// ("PSEHMS"), or a rebel, insurgent, separatist ("Liberation Tigers of Tamil
// Eelam"), unaligned armed, party, business or media type.
func (a ActorCode) Organisation() bool {
	if a.KnownGroup != "" {
		return true
	}
	switch a.Country {
	case "IGO", "NGO", "MNC":
		return true
	}
	for _, t := range a.Types {
		switch t {
		case "IGO", "NGO", "MNC", "REB", "INS", "SEP", "PTY", "BUS", "MED", "UAF":
			return true
		}
	}
	return false
}

// ActorCodeError reports a composite actor code that cannot be split.
type ActorCodeError struct {
	Code   string // the whole code
	Chunk  string // the offending three-letter chunk, "" for a bad length
	Offset int    // byte offset of Chunk in Code
	Reason string
}

func (e *ActorCodeError) Error() string {
	if e.Chunk == "" {
		return fmt.Sprintf("actor code %q: %s", e.Code, e.Reason)
	}
	return fmt.Sprintf("actor code %q: chunk %q at offset %d: %s", e.Code, e.Chunk, e.Offset, e.Reason)
}

// chunkKinds records, for an upper-cased three-letter code, the vocabularies
// it belongs to (a bit per ActorKind) and its ethnic code.
type chunkKinds struct {
	kinds  uint8
	ethnic string
}

func (c chunkKinds) has(k ActorKind) bool { return c.kinds&(1<<k) != 0 }

var chunkIndex = buildChunkIndex()

func buildChunkIndex() map[string]chunkKinds {
	m := make(map[string]chunkKinds, len(actors))
	for _, a := range actors {
		key := strings.ToUpper(a.Code)
		c := m[key]
		c.kinds |= 1 << a.Kind
		if a.Kind == KindEthnic && (c.ethnic == "" || a.Code == key) {
			c.ethnic = a.Code // prefer the upper-case spelling for an upper-case chunk
		}
		m[key] = c
	}
	return m
}

// ParseActorCode splits a composite CAMEO actor code into three-letter
// chunks and assigns each to a vocabulary. A chunk that several vocabularies
// share is read, in this order of preference, as:
//
//  1. the country or region, if none has been seen yet ("PSE" in "PSEREBHMS");
//  2. the known group, if none has been seen yet ("UNO" in "IGOUNO");
//  3. a religion ("SHN" in "USASHN": the country is already USA);
//  4. a type or role;
//  5. the ethnic group, if none has been seen yet.
//
// A lower-case chunk can only be an ethnic group (most ethnic codes are lower
// case; ARB, KUR and PAL are listed in upper case). The country need not come
// first: "MNCUSA" is a multinational corporation of the USA, "IGOEUREEC" the
// European Union as an IGO of Europe. An error of type *ActorCodeError names
// the first chunk that fits no vocabulary or repeats a single-valued part.
func ParseActorCode(code string) (ActorCode, error) {
	ac := ActorCode{Code: code}
	if code == "" {
		return ac, &ActorCodeError{Code: code, Reason: "empty code"}
	}
	if len(code)%3 != 0 {
		return ac, &ActorCodeError{Code: code, Reason: fmt.Sprintf("length %d is not a multiple of 3", len(code))}
	}
	for off := 0; off < len(code); off += 3 {
		chunk := code[off : off+3]
		fail := func(reason string) (ActorCode, error) {
			return ActorCode{Code: code}, &ActorCodeError{Code: code, Chunk: chunk, Offset: off, Reason: reason}
		}
		switch letterCase(chunk) {
		case 'a':
			if _, ok := LookupActor(KindEthnic, chunk); !ok {
				return fail("unknown ethnic code")
			}
			if ac.Ethnic != "" {
				return fail("second ethnic code (first is " + ac.Ethnic + ")")
			}
			ac.Ethnic = chunk
			continue
		case 'A':
		default:
			return fail("not three letters of one case")
		}
		k, ok := chunkIndex[chunk]
		switch {
		case !ok:
			return fail("unknown code")
		case ac.Country == "" && (k.has(KindCountry) || k.has(KindRegion)):
			ac.Country = chunk
		case ac.KnownGroup == "" && k.has(KindKnownGroup):
			ac.KnownGroup = chunk
		case k.has(KindReligion):
			ac.Religions = append(ac.Religions, chunk)
		case k.has(KindType):
			ac.Types = append(ac.Types, chunk)
		case ac.Ethnic == "" && k.ethnic != "":
			ac.Ethnic = k.ethnic
		case k.has(KindCountry) || k.has(KindRegion):
			return fail("second country or region (first is " + ac.Country + ")")
		case k.has(KindKnownGroup):
			return fail("second known group (first is " + ac.KnownGroup + ")")
		default:
			return fail("second ethnic code (first is " + ac.Ethnic + ")")
		}
	}
	return ac, nil
}

// letterCase returns 'A' when s is all ASCII upper-case letters, 'a' when all
// lower-case, and 0 otherwise.
func letterCase(s string) byte {
	upper, lower := true, true
	for i := 0; i < len(s); i++ {
		c := s[i]
		upper = upper && 'A' <= c && c <= 'Z'
		lower = lower && 'a' <= c && c <= 'z'
	}
	switch {
	case upper:
		return 'A'
	case lower:
		return 'a'
	}
	return 0
}

// HasRole reports whether a composite actor code carries the three-letter
// role (or type) role after its first chunk: HasRole("RUSMED", "MED"),
// HasRole("---MED", "MED"). It does not parse the code; chunks are read
// three letters at a time.
func HasRole(code, role string) bool {
	for i := 3; i+3 <= len(code); i += 3 {
		if code[i:i+3] == role {
			return true
		}
	}
	return false
}
