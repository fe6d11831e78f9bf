// Command gen builds internal/cameo/tables_gen.go from the CAMEO lookup
// files in the shared data folder (cameo/*) and the country code facts in
// countrycodes.tsv next to this file.
//
// Usage, from the module root:
//
//	go run ./internal/cameo/gen -shared ../shared
//
// Paths default to locations relative to the module root, found by walking
// up from the working directory to go.mod, so the command also works from
// go generate in internal/cameo. The output is deterministic: running it
// twice on the same inputs gives the same file.
package main

import (
	"bufio"
	"bytes"
	"flag"
	"fmt"
	"go/format"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"

	"github.com/eventwire/eventwire/internal/shareddata"
)

func main() {
	if err := run(os.Args[1:], os.Stderr); err != nil {
		fmt.Fprintln(os.Stderr, "cameo/gen:", err)
		os.Exit(1)
	}
}

func run(args []string, stderr io.Writer) error {
	root, err := shareddata.ModuleRoot()
	if err != nil {
		return err
	}
	fs := flag.NewFlagSet("gen", flag.ContinueOnError)
	fs.SetOutput(stderr)
	shared := fs.String("shared", filepath.Join(root, "..", "shared"), "shared data folder (holding cameo/)")
	codes := fs.String("countrycodes", filepath.Join(root, "internal", "cameo", "gen", "countrycodes.tsv"), "ISO alpha-2 and FIPS facts")
	out := fs.String("out", filepath.Join(root, "internal", "cameo", "tables_gen.go"), "output Go file")
	if err := fs.Parse(args); err != nil {
		return err
	}
	src, warnings, err := build(*shared, *codes)
	if err != nil {
		return err
	}
	for _, w := range warnings {
		fmt.Fprintln(stderr, "cameo/gen: note:", w)
	}
	if err := os.WriteFile(*out, src, 0o644); err != nil {
		return fmt.Errorf("writing tables: %w", err)
	}
	return nil
}

// eventCode is one row of the generated event code table.
type eventCode struct {
	code, name         string
	goldstein          float64
	goldsteinInherited bool
	category, mode     string
	context            string
}

// actor is one row of the generated actor table.
type actor struct {
	code, name, kind string
}

// country is one row of the generated country table.
type country struct {
	code, name       string
	region           bool
	iso3, iso2, fips string
}

// tables is everything the generator reads.
type tables struct {
	events    []eventCode
	countries []country
	actors    []actor
}

// build reads the inputs and returns the formatted Go source, with notes on
// repairs and skipped records for the person running the generator.
func build(shared, countryCodes string) ([]byte, []string, error) {
	var t tables
	var notes []string
	dir := filepath.Join(shared, "cameo")
	if _, err := os.Stat(dir); err != nil {
		return nil, nil, fmt.Errorf("reading shared CAMEO folder: %w", err)
	}
	events, n, err := readEventCodes(filepath.Join(dir, "CAMEO.eventcodes.txt"), filepath.Join(dir, "CAMEO.goldsteinscale.txt"))
	if err != nil {
		return nil, nil, err
	}
	notes = append(notes, n...)
	n, err = addPlover(events, filepath.Join(dir, "CAMEO2PLOVER-2021.txt"))
	if err != nil {
		return nil, nil, err
	}
	notes = append(notes, n...)
	t.events = events

	t.countries, err = readCountries(filepath.Join(dir, "CAMEO.country.tsv"), countryCodes)
	if err != nil {
		return nil, nil, err
	}
	for _, c := range t.countries {
		kind := "KindCountry"
		if c.region {
			kind = "KindRegion"
		}
		t.actors = append(t.actors, actor{c.code, c.name, kind})
	}
	for _, v := range []struct{ file, kind string }{
		{"CAMEO.type.txt", "KindType"},
		{"CAMEO.knowngroup.txt", "KindKnownGroup"},
		{"CAMEO.religion.txt", "KindReligion"},
		{"CAMEO.ethnic.txt", "KindEthnic"},
	} {
		as, n, err := readVocabulary(filepath.Join(dir, v.file), v.kind)
		if err != nil {
			return nil, nil, err
		}
		notes = append(notes, n...)
		t.actors = append(t.actors, as...)
	}
	sort.Slice(t.actors, func(i, j int) bool {
		a, b := strings.ToUpper(t.actors[i].code), strings.ToUpper(t.actors[j].code)
		if a != b {
			return a < b
		}
		if ki, kj := kindOrder[t.actors[i].kind], kindOrder[t.actors[j].kind]; ki != kj {
			return ki < kj
		}
		return t.actors[i].code < t.actors[j].code
	})
	src, err := t.render()
	return src, notes, err
}

// kindOrder is the order of the ActorKind constants in package cameo.
var kindOrder = map[string]int{"KindCountry": 1, "KindRegion": 2, "KindType": 3, "KindKnownGroup": 4, "KindReligion": 5, "KindEthnic": 6}

// line is one non-empty line of an input file.
type line struct {
	file string
	n    int
	text string
}

func (l line) errorf(format string, args ...any) error {
	return fmt.Errorf("%s:%d: %s", l.file, l.n, fmt.Sprintf(format, args...))
}

// readLines returns the non-empty lines of a file without line ends.
func readLines(path string) ([]line, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("reading %s: %w", filepath.Base(path), err)
	}
	defer f.Close()
	var lines []line
	sc := bufio.NewScanner(f)
	n := 0
	for sc.Scan() {
		n++
		s := strings.TrimRight(sc.Text(), "\r")
		if strings.TrimSpace(s) == "" {
			continue
		}
		lines = append(lines, line{filepath.Base(path), n, s})
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("reading %s: %w", filepath.Base(path), err)
	}
	return lines, nil
}

// readTable reads a tab-separated file whose first line is the given header
// and returns its rows, each with exactly len(header) fields.
func readTable(path string, header ...string) ([]line, [][]string, error) {
	lines, err := readLines(path)
	if err != nil {
		return nil, nil, err
	}
	for len(lines) > 0 && strings.HasPrefix(lines[0].text, "#") {
		lines = lines[1:]
	}
	if len(lines) == 0 || lines[0].text != strings.Join(header, "\t") {
		return nil, nil, fmt.Errorf("%s:1: header is not %q", filepath.Base(path), strings.Join(header, "\t"))
	}
	lines = lines[1:]
	kept := lines[:0]
	for _, l := range lines {
		if !strings.HasPrefix(l.text, "#") {
			kept = append(kept, l)
		}
	}
	lines = kept
	rows := make([][]string, len(lines))
	for i, l := range lines {
		f := strings.Split(l.text, "\t")
		if len(f) != len(header) {
			return nil, nil, l.errorf("%d fields, want %d", len(f), len(header))
		}
		for j := range f {
			f[j] = strings.Join(strings.Fields(f[j]), " ")
		}
		rows[i] = f
	}
	return lines, rows, nil
}

func isDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return s != ""
}

// nameFixes repairs event names damaged in CAMEO.eventcodes.txt: the key is
// the code and the damaged name, so a fix stops applying (and the generator
// fails) when the source changes.
var nameFixes = map[[2]string]string{
	{"044", "Meet at a \u00d2hird\u00d3location"}: "Meet at a \u201cthird\u201d location",
}

// readEventCodes reads the event names and Goldstein values.
func readEventCodes(namesPath, goldsteinPath string) ([]eventCode, []string, error) {
	var notes []string
	lines, rows, err := readTable(namesPath, "CAMEOEVENTCODE", "EVENTDESCRIPTION")
	if err != nil {
		return nil, nil, err
	}
	byCode := map[string]*eventCode{}
	var order []string
	recovered := map[string]float64{}
	add := func(l line, code, name string) error {
		if !isDigits(code) || len(code) < 2 || len(code) > 4 {
			return l.errorf("code %q is not 2 to 4 digits", code)
		}
		if name == "" {
			return l.errorf("code %s has no name", code)
		}
		if _, dup := byCode[code]; dup {
			return l.errorf("duplicate code %s", code)
		}
		byCode[code] = &eventCode{code: code, name: name}
		order = append(order, code)
		return nil
	}
	for i, r := range rows {
		code, name := r[0], r[1]
		if fixed, ok := nameFixes[[2]string{code, name}]; ok {
			name = fixed
		}
		// A fused record: "<name><code>:[<goldstein>] <name>".
		if j := strings.Index(name, ":["); j > 0 {
			k := j
			for k > 0 && isDigits(name[k-1:k]) {
				k--
			}
			end := strings.IndexByte(name[j:], ']')
			if k == j || end < 0 {
				return nil, nil, lines[i].errorf("code %s: name %q holds a malformed record", code, name)
			}
			code2, g, name2 := name[k:j], name[j+2:j+end], strings.TrimSpace(name[j+end+1:])
			gv, err := strconv.ParseFloat(g, 64)
			if err != nil {
				return nil, nil, lines[i].errorf("code %s: fused record %s: Goldstein %q: %v", code, code2, g, err)
			}
			name = strings.TrimSpace(name[:k])
			if err := add(lines[i], code, name); err != nil {
				return nil, nil, err
			}
			if err := add(lines[i], code2, name2); err != nil {
				return nil, nil, err
			}
			recovered[code2] = gv
			notes = append(notes, fmt.Sprintf("%s:%d: split fused record: restored %s %q (Goldstein %v)", lines[i].file, lines[i].n, code2, name2, gv))
			continue
		}
		if err := add(lines[i], code, name); err != nil {
			return nil, nil, err
		}
	}
	for k := range nameFixes {
		if c := byCode[k[0]]; c != nil && c.name != nameFixes[k] {
			return nil, nil, fmt.Errorf("%s: name fix for %s no longer matches the source; review nameFixes", filepath.Base(namesPath), k[0])
		}
	}

	glines, grows, err := readTable(goldsteinPath, "CAMEOEVENTCODE", "GOLDSTEINSCALE")
	if err != nil {
		return nil, nil, err
	}
	have := map[string]bool{}
	for i, r := range grows {
		c := byCode[r[0]]
		if c == nil {
			return nil, nil, glines[i].errorf("code %s is not in %s", r[0], filepath.Base(namesPath))
		}
		v, err := strconv.ParseFloat(r[1], 64)
		if err != nil || v < -10 || v > 10 {
			return nil, nil, glines[i].errorf("code %s: Goldstein value %q is not a number in [-10, 10]", r[0], r[1])
		}
		if have[r[0]] {
			return nil, nil, glines[i].errorf("duplicate code %s", r[0])
		}
		have[r[0]] = true
		c.goldstein = v
	}
	for code, v := range recovered {
		if !have[code] {
			byCode[code].goldstein = v
			have[code] = true
		}
	}
	sort.Strings(order)
	events := make([]eventCode, 0, len(order))
	for _, code := range order {
		c := byCode[code]
		if code[:2] < "01" || code[:2] > "20" {
			return nil, nil, fmt.Errorf("%s: code %s has no CAMEO root 01-20", filepath.Base(namesPath), code)
		}
		if len(code) > 2 && byCode[code[:2]] == nil {
			return nil, nil, fmt.Errorf("%s: code %s has no root %s", filepath.Base(namesPath), code, code[:2])
		}
		if !have[code] {
			// Inherit from the base code, else the root.
			parent := code[:2]
			if len(code) == 4 && have[code[:3]] {
				parent = code[:3]
			}
			if !have[parent] {
				return nil, nil, fmt.Errorf("%s: code %s has no Goldstein value and neither has %s", filepath.Base(goldsteinPath), code, parent)
			}
			c.goldstein = byCode[parent].goldstein
			c.goldsteinInherited = true
			notes = append(notes, fmt.Sprintf("code %s inherits Goldstein %v from %s", code, c.goldstein, parent))
		}
		events = append(events, *c)
	}
	return events, notes, nil
}

// addPlover reads the CAMEO to PLOVER table. Its lines are
//
//	CODE: CATEGORY, MODE, CONTEXT # comment
//
// where MODE and CONTEXT may be blank and CONTEXT may list several contexts
// separated by ";". A line "NN: CATEGORY" without commas is a section
// heading and maps nothing. A root code takes the mapping of its NN0 code.
func addPlover(events []eventCode, path string) ([]string, error) {
	lines, err := readLines(path)
	if err != nil {
		return nil, err
	}
	index := map[string]int{}
	for i, e := range events {
		index[e.code] = i
	}
	var notes []string
	seen := map[string]eventCode{}
	for _, l := range lines {
		s := l.text
		if h := strings.IndexByte(s, '#'); h >= 0 {
			s = s[:h]
		}
		s = strings.TrimSpace(s)
		if s == "" || strings.Trim(s, "~") == "" {
			continue
		}
		colon := strings.IndexByte(s, ':')
		if colon < 0 {
			return nil, l.errorf("no \"CODE:\" prefix")
		}
		code := strings.TrimSpace(s[:colon])
		if !isDigits(code) || len(code) < 2 || len(code) > 4 {
			return nil, l.errorf("code %q is not 2 to 4 digits", code)
		}
		fields := strings.Split(s[colon+1:], ",")
		if len(fields) == 1 {
			if len(code) != 2 {
				return nil, l.errorf("code %s: mapping without mode and context fields", code)
			}
			continue // section heading
		}
		if len(fields) != 3 {
			return nil, l.errorf("code %s: %d comma-separated fields, want 3 (category, mode, context)", code, len(fields))
		}
		var m eventCode
		m.category = strings.TrimSpace(fields[0])
		m.mode = strings.TrimSpace(fields[1])
		var ctx []string
		for _, c := range strings.Split(fields[2], ";") {
			if c = strings.TrimSpace(c); c != "" {
				ctx = append(ctx, c)
			}
		}
		m.context = strings.Join(ctx, ";")
		if m.category == "" || strings.ToUpper(m.category) != m.category {
			return nil, l.errorf("code %s: category %q is not an upper-case name", code, m.category)
		}
		if prev, dup := seen[code]; dup {
			if prev.category != m.category || prev.mode != m.mode || prev.context != m.context {
				return nil, l.errorf("code %s mapped twice, differently", code)
			}
			continue
		}
		seen[code] = m
		i, ok := index[code]
		if !ok {
			notes = append(notes, fmt.Sprintf("%s:%d: PLOVER maps %s, which is not a CAMEO code in the table; skipped", l.file, l.n, code))
			continue
		}
		events[i].category, events[i].mode, events[i].context = m.category, m.mode, m.context
	}
	for i, e := range events {
		if len(e.code) != 2 {
			continue
		}
		if m, ok := seen[e.code+"0"]; ok {
			events[i].category, events[i].mode, events[i].context = m.category, m.mode, m.context
		}
	}
	return notes, nil
}

// readCountries merges CAMEO.country.tsv with the authored country codes.
func readCountries(path, codesPath string) ([]country, error) {
	lines, rows, err := readTable(path, "CODE", "LABEL", "KIND")
	if err != nil {
		return nil, err
	}
	clines, crows, err := readTable(codesPath, "CAMEO", "ISO3", "ISO2", "FIPS", "NAME")
	if err != nil {
		return nil, err
	}
	facts := map[string][]string{}
	used := map[string]bool{}
	var order []string
	unique := map[string]string{}
	for i, r := range crows {
		l := clines[i]
		if !isUpper(r[0], 3) {
			return nil, l.errorf("CAMEO code %q is not three capital letters", r[0])
		}
		if facts[r[0]] != nil {
			return nil, l.errorf("duplicate CAMEO code %s", r[0])
		}
		for j, w := range []int{3, 2, 2} {
			v := r[j+1]
			if v == "-" {
				r[j+1] = ""
				continue
			}
			if !isUpper(v, w) {
				return nil, l.errorf("%s: %s %q is not %d capital letters", r[0], []string{"ISO3", "ISO2", "FIPS"}[j], v, w)
			}
			key := []string{"ISO3", "ISO2", "FIPS"}[j] + " " + v
			if prev, dup := unique[key]; dup {
				return nil, l.errorf("%s: %s is also the code of %s", r[0], key, prev)
			}
			unique[key] = r[0]
		}
		facts[r[0]] = r
		order = append(order, r[0])
	}
	var out []country
	for i, r := range rows {
		l := lines[i]
		if !isUpper(r[0], 3) {
			return nil, l.errorf("code %q is not three capital letters", r[0])
		}
		c := country{code: r[0], name: r[1]}
		switch {
		case strings.HasPrefix(r[2], "region"):
			c.region = true
		case strings.HasPrefix(r[2], "iso3166"):
			f := facts[c.code]
			if f == nil {
				return nil, l.errorf("country %s has no row in %s", c.code, filepath.Base(codesPath))
			}
			c.iso3, c.iso2, c.fips = f[1], f[2], f[3]
			if f[4] != "" {
				c.name = f[4]
			}
			used[c.code] = true
		default:
			return nil, l.errorf("code %s: unknown kind %q", r[0], r[2])
		}
		if used[c.code] && c.region {
			return nil, l.errorf("region %s has ISO facts", c.code)
		}
		out = append(out, c)
	}
	for _, code := range order {
		if used[code] {
			continue
		}
		f := facts[code]
		if f[4] == "" {
			return nil, fmt.Errorf("%s: %s is not in %s and has no name", filepath.Base(codesPath), code, filepath.Base(path))
		}
		out = append(out, country{code: code, name: f[4], iso3: f[1], iso2: f[2], fips: f[3]})
	}
	sort.Slice(out, func(i, j int) bool { return out[i].code < out[j].code })
	for i := 1; i < len(out); i++ {
		if out[i].code == out[i-1].code {
			return nil, fmt.Errorf("%s: duplicate code %s", filepath.Base(path), out[i].code)
		}
	}
	return out, nil
}

func isUpper(s string, n int) bool {
	if len(s) != n {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < 'A' || s[i] > 'Z' {
			return false
		}
	}
	return true
}

// readVocabulary reads a CODE/LABEL file. A code listed twice keeps one name
// when the names agree or one extends the other, and both otherwise.
func readVocabulary(path, kind string) ([]actor, []string, error) {
	lines, rows, err := readTable(path, "CODE", "LABEL")
	if err != nil {
		return nil, nil, err
	}
	var notes []string
	byCode := map[string]int{}
	var out []actor
	for i, r := range rows {
		code, name := r[0], r[1]
		ok := isUpper(code, 3)
		if kind == "KindEthnic" {
			// Mostly lower case ("kur"), a few upper case ("KUR").
			ok = isUpper(strings.ToUpper(code), 3) && (strings.ToLower(code) == code || strings.ToUpper(code) == code)
		}
		if !ok {
			return nil, nil, lines[i].errorf("code %q is not three letters of the expected case", code)
		}
		if name == "" {
			return nil, nil, lines[i].errorf("code %s has no name", code)
		}
		j, dup := byCode[code]
		if !dup {
			byCode[code] = len(out)
			out = append(out, actor{code, name, kind})
			continue
		}
		prev := out[j].name
		switch {
		case prev == name || strings.HasPrefix(name, prev):
		case strings.HasPrefix(prev, name):
			out[j].name = name
		default:
			out[j].name = prev + " / " + name
			notes = append(notes, fmt.Sprintf("%s:%d: %s listed twice; names joined: %q", lines[i].file, lines[i].n, code, out[j].name))
		}
	}
	return out, notes, nil
}

// render writes the tables as Go source.
func (t *tables) render() ([]byte, error) {
	var b bytes.Buffer
	b.WriteString("// Code generated by go run ./internal/cameo/gen; DO NOT EDIT.\n")
	b.WriteString("// Sources: shared cameo/CAMEO.eventcodes.txt, CAMEO.goldsteinscale.txt,\n")
	b.WriteString("// CAMEO2PLOVER-2021.txt, CAMEO.country.tsv, CAMEO.type.txt, CAMEO.knowngroup.txt,\n")
	b.WriteString("// CAMEO.religion.txt, CAMEO.ethnic.txt; internal/cameo/gen/countrycodes.tsv.\n\n")
	b.WriteString("package cameo\n\n")
	fmt.Fprintf(&b, "// eventCodes holds the %d event codes in code order.\n", len(t.events))
	b.WriteString("var eventCodes = []EventCode{\n")
	for _, e := range t.events {
		root, base := e.code[:2], e.code
		if len(base) == 4 {
			base = base[:3]
		}
		r, _ := strconv.Atoi(root)
		quad := 4
		switch {
		case r <= 5:
			quad = 1
		case r <= 9:
			quad = 2
		case r <= 14:
			quad = 3
		}
		level := map[int]string{2: "LevelRoot", 3: "LevelBase", 4: "LevelSub"}[len(e.code)]
		fmt.Fprintf(&b, "{Code: %q, Name: %q, Level: %s, Root: %q, Base: %q, QuadClass: %d, Goldstein: %s",
			e.code, e.name, level, root, base, quad, strconv.FormatFloat(e.goldstein, 'f', -1, 64))
		if e.goldsteinInherited {
			b.WriteString(", GoldsteinInherited: true")
		}
		if e.category != "" {
			fmt.Fprintf(&b, ", Plover: Plover{%q, %q, %q}", e.category, e.mode, e.context)
		}
		b.WriteString("},\n")
	}
	b.WriteString("}\n\n")
	fmt.Fprintf(&b, "// countries holds the %d country and region codes in code order.\n", len(t.countries))
	b.WriteString("var countries = []Country{\n")
	for _, c := range t.countries {
		fmt.Fprintf(&b, "{%q, %q, %v, %q, %q, %q},\n", c.code, c.name, c.region, c.iso3, c.iso2, c.fips)
	}
	b.WriteString("}\n\n")
	fmt.Fprintf(&b, "// actors holds the %d codes of all actor vocabularies, ordered by\n// upper-cased code, then kind.\n", len(t.actors))
	b.WriteString("var actors = []Actor{\n")
	for _, a := range t.actors {
		fmt.Fprintf(&b, "{%q, %q, %s},\n", a.code, a.name, a.kind)
	}
	b.WriteString("}\n")
	src, err := format.Source(b.Bytes())
	if err != nil {
		return nil, fmt.Errorf("formatting tables: %w", err)
	}
	return src, nil
}
