package event

import (
	"bufio"
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"
)

// eventColumns names the 61 columns of a GDELT 2.0 Events row.
var eventColumns = func() []string {
	actor := []string{"Code", "Name", "CountryCode", "KnownGroupCode", "EthnicCode", "Religion1Code", "Religion2Code", "Type1Code", "Type2Code", "Type3Code"}
	geo := []string{"Type", "FullName", "CountryCode", "ADM1Code", "ADM2Code", "Lat", "Long", "FeatureID"}
	c := []string{"GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "FractionDate"}
	for _, p := range []string{"Actor1", "Actor2"} {
		for _, a := range actor {
			c = append(c, p+a)
		}
	}
	c = append(c, "IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass", "GoldsteinScale",
		"NumMentions", "NumSources", "NumArticles", "AvgTone")
	for _, p := range []string{"Actor1Geo_", "Actor2Geo_", "ActionGeo_"} {
		for _, g := range geo {
			c = append(c, p+g)
		}
	}
	return append(c, "DATEADDED", "SOURCEURL")
}()

// mentionColumns names the 16 columns of a GDELT 2.0 Mentions row.
var mentionColumns = []string{"GLOBALEVENTID", "EventTimeDate", "MentionTimeDate", "MentionType",
	"MentionSourceName", "MentionIdentifier", "SentenceID", "Actor1CharOffset", "Actor2CharOffset",
	"ActionCharOffset", "InRawText", "Confidence", "MentionDocLen", "MentionDocTone",
	"MentionDocTranslationInfo", "Extras"}

// tsvReader splits a GDELT file into rows of a fixed number of columns.
type tsvReader struct {
	r      *bufio.Reader
	name   string
	line   int
	names  []string
	fields []string
}

// next returns the fields of the next non-empty line, or io.EOF.
func (t *tsvReader) next() ([]string, error) {
	for {
		raw, err := readLine(t.r)
		if err == io.EOF && len(raw) == 0 {
			return nil, io.EOF
		}
		t.line++
		if err != nil && err != io.EOF {
			return nil, fmt.Errorf("%s:%d: %w", t.name, t.line, err)
		}
		if len(raw) == 0 {
			continue
		}
		if i := strings.IndexByte(string(raw), '\r'); i >= 0 {
			return nil, fmt.Errorf("%s:%d: carriage return inside the line at byte %d", t.name, t.line, i+1)
		}
		t.fields = t.fields[:0]
		s := string(raw)
		for {
			i := strings.IndexByte(s, '\t')
			if i < 0 {
				t.fields = append(t.fields, s)
				break
			}
			t.fields = append(t.fields, s[:i])
			s = s[i+1:]
		}
		if len(t.fields) != len(t.names) {
			return nil, fmt.Errorf("%s:%d: %d columns, want %d", t.name, t.line, len(t.fields), len(t.names))
		}
		return t.fields, nil
	}
}

// columnError names the line and column of a bad field.
func (t *tsvReader) columnError(col int, value, problem string) error {
	if len(value) > 40 {
		value = value[:40] + "..."
	}
	return fmt.Errorf("%s:%d: column %d (%s): %q %s", t.name, t.line, col+1, t.names[col], value, problem)
}

// fieldParser parses the fields of one row, keeping the first error.
type fieldParser struct {
	t   *tsvReader
	f   []string
	err error
}

func (p *fieldParser) fail(col int, problem string) {
	if p.err == nil {
		p.err = p.t.columnError(col, p.f[col], problem)
	}
}

func (p *fieldParser) id(col int) uint64 {
	v, err := strconv.ParseUint(p.f[col], 10, 63)
	if err != nil {
		p.fail(col, "is not an id (a non-negative 63-bit integer)")
	}
	return v
}

func (p *fieldParser) int(col, min, max int) int {
	v, err := strconv.Atoi(p.f[col])
	if err != nil || v < min || v > max {
		p.fail(col, fmt.Sprintf("is not an integer in [%d, %d]", min, max))
	}
	return v
}

func (p *fieldParser) optInt(col, min, max int) *int {
	if p.f[col] == "" {
		return nil
	}
	v := p.int(col, min, max)
	return &v
}

func (p *fieldParser) float(col int, min, max float64) float64 {
	v, err := strconv.ParseFloat(p.f[col], 64)
	if err != nil || math.IsNaN(v) || v < min || v > max {
		p.fail(col, fmt.Sprintf("is not a number in [%g, %g]", min, max))
	}
	return v
}

func (p *fieldParser) optFloat(col int, min, max float64) *float64 {
	if p.f[col] == "" {
		return nil
	}
	v := p.float(col, min, max)
	return &v
}

func (p *fieldParser) bool(col int) bool {
	switch p.f[col] {
	case "0":
		return false
	case "1":
		return true
	}
	p.fail(col, "is not 0 or 1")
	return false
}

// digits checks a field of n ASCII digits, or empty when optional.
func (p *fieldParser) digits(col, n int, optional bool) string {
	s := p.f[col]
	if s == "" && optional {
		return s
	}
	if _, ok := atoi(s); !ok || len(s) != n {
		p.fail(col, fmt.Sprintf("is not %d digits", n))
	}
	return s
}

// code checks a CAMEO event code field: 2 to 4 digits.
func (p *fieldParser) code(col int) string {
	s := p.f[col]
	if _, ok := atoi(s); !ok || len(s) < 2 || len(s) > 4 {
		p.fail(col, "is not a CAMEO event code of 2 to 4 digits")
	}
	return s
}

func (p *fieldParser) geo(col int) *GeoColumns {
	empty := true
	for _, s := range p.f[col+1 : col+8] {
		empty = empty && s == ""
	}
	if empty && (p.f[col] == "" || p.f[col] == "0") {
		return nil
	}
	return &GeoColumns{
		Type:        p.int(col, 0, 5),
		FullName:    p.f[col+1],
		CountryCode: p.f[col+2],
		ADM1Code:    p.f[col+3],
		ADM2Code:    p.f[col+4],
		Lat:         p.float(col+5, -90, 90),
		Long:        p.float(col+6, -180, 180),
		FeatureID:   p.f[col+7],
	}
}

func actorFields(f []string) ActorColumns {
	return ActorColumns{f[0], f[1], f[2], f[3], f[4], f[5], f[6], f[7], f[8], f[9]}
}

// EventsReader reads GDELT 2.0 Events files (61 tab-separated columns).
// A row with the wrong number of columns or a malformed field is an error
// naming the input, line, column (1-based) and column name. It is not safe
// for concurrent use.
type EventsReader struct{ t tsvReader }

// NewEventsReader returns a reader of Events rows from r; name (a file name)
// prefixes error messages.
func NewEventsReader(r io.Reader, name string) *EventsReader {
	return &EventsReader{tsvReader{r: bufio.NewReaderSize(r, 64<<10), name: name, names: eventColumns}}
}

// Next returns the next row, or io.EOF after the last one.
func (r *EventsReader) Next() (EventRow, error) {
	f, err := r.t.next()
	if err != nil {
		return EventRow{}, err
	}
	p := fieldParser{t: &r.t, f: f}
	row := EventRow{
		GlobalEventID:  p.id(0),
		Day:            p.digits(1, 8, true),
		MonthYear:      p.digits(2, 6, true),
		Year:           p.digits(3, 4, true),
		FractionDate:   f[4],
		Actor1:         actorFields(f[5:15]),
		Actor2:         actorFields(f[15:25]),
		IsRootEvent:    p.bool(25),
		EventCode:      p.code(26),
		EventBaseCode:  p.code(27),
		EventRootCode:  p.code(28),
		QuadClass:      p.int(29, 1, 4),
		GoldsteinScale: p.float(30, -10, 10),
		NumMentions:    p.int(31, 0, math.MaxInt32),
		NumSources:     p.int(32, 0, math.MaxInt32),
		NumArticles:    p.int(33, 0, math.MaxInt32),
		AvgTone:        p.optFloat(34, -100, 100),
		Actor1Geo:      p.geo(35),
		Actor2Geo:      p.geo(43),
		ActionGeo:      p.geo(51),
		DateAdded:      p.digits(59, 14, false),
		SourceURL:      f[60],
	}
	if f[4] != "" {
		p.float(4, 0, 10000)
	}
	if p.err != nil {
		return EventRow{}, p.err
	}
	return row, nil
}

// MentionsReader reads GDELT 2.0 Mentions files (16 tab-separated columns),
// with errors like those of EventsReader. It is not safe for concurrent use.
type MentionsReader struct{ t tsvReader }

// NewMentionsReader returns a reader of Mentions rows from r; name (a file
// name) prefixes error messages.
func NewMentionsReader(r io.Reader, name string) *MentionsReader {
	return &MentionsReader{tsvReader{r: bufio.NewReaderSize(r, 64<<10), name: name, names: mentionColumns}}
}

// Next returns the next row, or io.EOF after the last one.
func (r *MentionsReader) Next() (MentionRow, error) {
	f, err := r.t.next()
	if err != nil {
		return MentionRow{}, err
	}
	p := fieldParser{t: &r.t, f: f}
	row := MentionRow{
		GlobalEventID:             p.id(0),
		EventTimeDate:             p.digits(1, 14, false),
		MentionTimeDate:           p.digits(2, 14, false),
		MentionType:               p.int(3, 1, 6),
		MentionSourceName:         f[4],
		MentionIdentifier:         f[5],
		SentenceID:                p.int(6, 0, math.MaxInt32),
		Actor1CharOffset:          p.int(7, -1, math.MaxInt32),
		Actor2CharOffset:          p.int(8, -1, math.MaxInt32),
		ActionCharOffset:          p.int(9, -1, math.MaxInt32),
		InRawText:                 p.bool(10),
		Confidence:                p.optInt(11, 0, 100),
		MentionDocLen:             p.optInt(12, 0, math.MaxInt32),
		MentionDocTone:            p.optFloat(13, -100, 100),
		MentionDocTranslationInfo: f[14],
		Extras:                    f[15],
	}
	if p.err != nil {
		return MentionRow{}, p.err
	}
	return row, nil
}
