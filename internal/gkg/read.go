package gkg

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"

	"github.com/eventwire/eventwire/internal/event"
)

// columnNames are the GKG 2.1 column names, for error messages.
var columnNames = [Columns]string{"GKGRECORDID", "DATE", "SourceCollectionIdentifier", "SourceCommonName",
	"DocumentIdentifier", "Counts", "V2Counts", "Themes", "V2Themes", "Locations", "V2Locations", "Persons",
	"V2Persons", "Organizations", "V2Organizations", "V2Tone", "Dates", "GCAM", "SharingImage", "RelatedImages",
	"SocialImageEmbeds", "SocialVideoEmbeds", "Quotations", "AllNames", "Amounts", "TranslationInfo", "Extras"}

// FieldError is a malformed field of a GKG row.
type FieldError struct {
	Column int // 0-based
	Err    error
}

func (e *FieldError) Error() string {
	return fmt.Sprintf("column %d (%s): %v", e.Column+1, columnNames[e.Column], e.Err)
}

func (e *FieldError) Unwrap() error { return e.Err }

// ParseRow reads one GKG 2.1 row into a Record: the metadata, the V2 forms
// of counts, themes, locations, persons and organisations, tone, dates,
// quotations, all names, amounts and the page title. It reads rows written
// by Row and GDELT's own; the text of theme and location mentions and
// eventwire's extra fields (entities, sentence tones) are not in a row.
func ParseRow(line string) (Record, error) {
	line = strings.TrimRight(line, "\r\n")
	var r Record
	if strings.ContainsAny(line, "\r\n") {
		return r, errors.New("gkg row: line break inside the row")
	}
	cols := strings.Split(line, "\t")
	if len(cols) != Columns {
		return r, fmt.Errorf("gkg row: %d columns, want %d", len(cols), Columns)
	}
	fail := func(c int, err error) (Record, error) { return Record{}, &FieldError{Column: c, Err: err} }
	r.ID, r.Date, r.SourceName, r.DocumentID = cols[0], cols[1], cols[3], cols[4]
	if cols[2] != "" {
		n, err := strconv.Atoi(cols[2])
		if err != nil {
			return fail(2, err)
		}
		r.SourceCollection = n
	}
	for _, b := range blocks(cols[6], ";") {
		f := strings.Split(b, "#")
		if len(f) != 11 {
			return fail(6, fmt.Errorf("count %q: %d fields, want 11", b, len(f)))
		}
		n, err := strconv.ParseInt(f[1], 10, 64)
		if err != nil {
			return fail(6, fmt.Errorf("count number: %w", err))
		}
		g, err := parseGeo(f[3:10], false)
		if err != nil {
			return fail(6, err)
		}
		off, err := strconv.Atoi(f[10])
		if err != nil {
			return fail(6, fmt.Errorf("count offset: %w", err))
		}
		r.Counts = append(r.Counts, Count{Type: f[0], Number: n, Object: f[2], Geo: g, Offset: off})
	}
	for _, b := range blocks(cols[8], ";") {
		th, off, err := nameOffset(b)
		if err != nil {
			return fail(8, err)
		}
		r.Themes = append(r.Themes, Theme{Theme: th, Offset: off})
	}
	for _, b := range blocks(cols[10], ";") {
		f := strings.Split(b, "#")
		if len(f) != 9 {
			return fail(10, fmt.Errorf("location %q: %d fields, want 9", b, len(f)))
		}
		g, err := parseGeo(f[:8], true)
		if err != nil {
			return fail(10, err)
		}
		off, err := strconv.Atoi(f[8])
		if err != nil {
			return fail(10, fmt.Errorf("location offset: %w", err))
		}
		if g == nil {
			return fail(10, errors.New("location without a type"))
		}
		r.Locations = append(r.Locations, Location{Geo: *g, Offset: off})
	}
	var err error
	if r.Persons, err = parseNames(cols[12]); err != nil {
		return fail(12, err)
	}
	if r.Organizations, err = parseNames(cols[14]); err != nil {
		return fail(14, err)
	}
	if r.AllNames, err = parseNames(cols[23]); err != nil {
		return fail(23, err)
	}
	if cols[15] != "" {
		f := strings.Split(cols[15], ",")
		if len(f) != 7 {
			return fail(15, fmt.Errorf("%d figures, want 7", len(f)))
		}
		var v [6]float64
		for i := range v {
			if v[i], err = parseFloat(f[i], 64); err != nil {
				return fail(15, err)
			}
		}
		wc, err := strconv.Atoi(f[6])
		if err != nil {
			return fail(15, err)
		}
		r.Tone = Tone{Tone: v[0], Positive: v[1], Negative: v[2], Polarity: v[3], Activity: v[4], SelfGroup: v[5], WordCount: wc}
	}
	for _, b := range blocks(cols[16], ";") {
		f := strings.Split(b, "#")
		if len(f) != 5 {
			f = strings.Split(b, ",") // the codebook's form
		}
		if len(f) != 5 {
			return fail(16, fmt.Errorf("date %q: want 5 fields", b))
		}
		var v [5]int
		for i := range v {
			if v[i], err = strconv.Atoi(f[i]); err != nil {
				return fail(16, err)
			}
		}
		r.Dates = append(r.Dates, DateMention{Resolution: v[0], Month: v[1], Day: v[2], Year: v[3], Offset: v[4]})
	}
	for _, b := range blocks(cols[22], "#") {
		f := strings.SplitN(b, "|", 4)
		if len(f) != 4 {
			return fail(22, fmt.Errorf("quotation %q: want offset|length|verb|quote", b))
		}
		off, err1 := strconv.Atoi(f[0])
		n, err2 := strconv.Atoi(f[1])
		if err := errors.Join(err1, err2); err != nil {
			return fail(22, err)
		}
		r.Quotations = append(r.Quotations, Quotation{Offset: off, Length: n, Verb: f[2], Quote: f[3]})
	}
	for _, b := range blocks(cols[24], ";") {
		i, j := strings.IndexByte(b, ','), strings.LastIndexByte(b, ',')
		if i < 0 || i == j {
			return fail(24, fmt.Errorf("amount %q: want value,object,offset", b))
		}
		v, err1 := parseFloat(b[:i], 64)
		off, err2 := strconv.Atoi(b[j+1:])
		if err := errors.Join(err1, err2); err != nil {
			return fail(24, err)
		}
		r.Amounts = append(r.Amounts, Amount{Value: v, Object: b[i+1 : j], Offset: off})
	}
	if t, ok := strings.CutPrefix(cols[26], "<PAGE_TITLE>"); ok {
		if t, ok = strings.CutSuffix(t, "</PAGE_TITLE>"); ok {
			r.Title = xmlUnescaper.Replace(t)
		}
	}
	return r, nil
}

// blocks splits a column into its non-empty blocks.
func blocks(col, sep string) []string {
	if col == "" {
		return nil
	}
	out := strings.Split(col, sep)
	n := 0
	for _, b := range out {
		if b != "" {
			out[n] = b
			n++
		}
	}
	return out[:n]
}

// nameOffset splits "Name,offset" at its last comma.
func nameOffset(b string) (string, int, error) {
	i := strings.LastIndexByte(b, ',')
	if i < 0 {
		return "", 0, fmt.Errorf("%q: want name,offset", b)
	}
	off, err := strconv.Atoi(b[i+1:])
	if err != nil {
		return "", 0, fmt.Errorf("%q: offset: %w", b, err)
	}
	return b[:i], off, nil
}

func parseNames(col string) ([]Name, error) {
	var out []Name
	for _, b := range blocks(col, ";") {
		n, off, err := nameOffset(b)
		if err != nil {
			return nil, err
		}
		out = append(out, Name{Name: n, Offset: off})
	}
	return out, nil
}

// parseGeo reads Type#FullName#CountryCode#ADM1[#ADM2]#Lat#Long#FeatureID;
// a type of 0 is no place (nil).
func parseGeo(f []string, adm2 bool) (*event.Geo, error) {
	typ, err := strconv.Atoi(f[0])
	if err != nil {
		return nil, fmt.Errorf("place type: %w", err)
	}
	if typ == 0 {
		return nil, nil
	}
	g := &event.Geo{Type: typ, FullName: f[1], CountryFIPS: f[2], ADM1: f[3]}
	i := 4
	if adm2 {
		i = 5
	}
	if g.Lat, err = parseFloat(f[i], 64); err != nil {
		return nil, fmt.Errorf("latitude: %w", err)
	}
	if g.Lon, err = parseFloat(f[i+1], 64); err != nil {
		return nil, fmt.Errorf("longitude: %w", err)
	}
	g.FeatureID = f[i+2]
	return g, nil
}

// Reader reads GKG 2.1 rows, one per line.
type Reader struct {
	sc   *bufio.Scanner
	name string
	line int
}

// NewReader returns a Reader of r; name is used in error messages.
func NewReader(r io.Reader, name string) *Reader {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64<<10), 64<<20)
	return &Reader{sc: sc, name: name}
}

// Next returns the next record, io.EOF at the end; a malformed row gives an
// error naming file:line and the column.
func (rd *Reader) Next() (Record, error) {
	for rd.sc.Scan() {
		rd.line++
		if strings.TrimSpace(rd.sc.Text()) == "" {
			continue
		}
		r, err := ParseRow(rd.sc.Text())
		if err != nil {
			return Record{}, fmt.Errorf("%s:%d: %w", rd.name, rd.line, err)
		}
		return r, nil
	}
	if err := rd.sc.Err(); err != nil {
		return Record{}, fmt.Errorf("reading %s: %w", rd.name, err)
	}
	return Record{}, io.EOF
}

// parseFloat is strconv.ParseFloat rejecting NaN and infinities.
func parseFloat(s string, bits int) (float64, error) {
	f, err := strconv.ParseFloat(s, bits)
	if err == nil && (math.IsNaN(f) || math.IsInf(f, 0)) {
		err = fmt.Errorf("%q: not a finite number", s)
	}
	return f, err
}
