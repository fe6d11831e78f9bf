package event

import (
	"bufio"
	"fmt"
	"io"
	"net/url"
	"strconv"
	"strings"
	"time"

	"github.com/eventwire/eventwire/internal/cameo"
)

// NumEventColumns and NumMentionColumns are the widths of GDELT 2.0 Events
// and Mentions rows.
const (
	NumEventColumns   = 61
	NumMentionColumns = 16
)

// EventRow is one row of a GDELT 2.0 Events file. Date fields are kept as
// written (digits, or "" when absent).
type EventRow struct {
	GlobalEventID  uint64
	Day            string // SQLDATE, YYYYMMDD
	MonthYear      string // YYYYMM
	Year           string // YYYY
	FractionDate   string // YYYY.FFFF
	Actor1, Actor2 ActorColumns
	IsRootEvent    bool
	EventCode      string
	EventBaseCode  string
	EventRootCode  string
	QuadClass      int
	GoldsteinScale float64
	NumMentions    int
	NumSources     int
	NumArticles    int
	AvgTone        *float64 // nil when empty
	Actor1Geo      *GeoColumns
	Actor2Geo      *GeoColumns
	ActionGeo      *GeoColumns
	DateAdded      string // YYYYMMDDHHMMSS
	SourceURL      string
}

// ActorColumns are the ten columns describing one actor of an Events row.
type ActorColumns struct {
	Code, Name, CountryCode, KnownGroupCode, EthnicCode string
	Religion1Code, Religion2Code                        string
	Type1Code, Type2Code, Type3Code                     string
}

// GeoColumns are the eight columns of one geography block of an Events
// row; a nil *GeoColumns is a block of empty columns.
type GeoColumns struct {
	Type        int
	FullName    string
	CountryCode string // FIPS 10-4
	ADM1Code    string
	ADM2Code    string
	Lat, Long   float64
	FeatureID   string
}

// MentionRow is one row of a GDELT 2.0 Mentions file. Optional numbers are
// pointers, nil when the column is empty.
type MentionRow struct {
	GlobalEventID             uint64
	EventTimeDate             string // YYYYMMDDHHMMSS
	MentionTimeDate           string // YYYYMMDDHHMMSS
	MentionType               int    // 1 WEB ... 6 NONTEXTUALSOURCE
	MentionSourceName         string
	MentionIdentifier         string
	SentenceID                int
	Actor1CharOffset          int // -1 when none
	Actor2CharOffset          int
	ActionCharOffset          int
	InRawText                 bool
	Confidence                *int
	MentionDocLen             *int
	MentionDocTone            *float64
	MentionDocTranslationInfo string
	Extras                    string
}

const gdeltTime = "20060102150405"

// NewEventRow converts an event to its GDELT 2.0 Events row; added is the
// DATEADDED time. Column numbers below are 0-based, as in
// ../shared/gdelt/columns.md and docs/formats.md; eventwire fills them so:
//
//   - 0 GLOBALEVENTID: GlobalEventID(e), a 63-bit hash of document, sentence,
//     actors, code and verb span.
//   - 1–4 SQLDATE, MonthYear, Year, FractionDate: from Date (YYYY-MM-DD);
//     FractionDate is YYYY + ((MONTH-1)*30+DAY)/365 to four decimals, the
//     approximation GDELT's files show (1 January 1979 is 1979.0027; the
//     codebook's text says MONTH*30, which would put late December in the
//     next year). Empty when Date is empty.
//   - 5–14 and 15–24, Actor1 from Source and Actor2 from Target: the code;
//     the name, which is the upper-cased text of the source (target) span;
//     and the country, known group, ethnic, first two religion and first
//     three type codes from cameo.ParseActorCode. When the code cannot be
//     split (a code outside the CAMEO tables) only the code and name are
//     filled.
//   - 25 IsRootEvent: 1 when the event is in the first sentence of the
//     document (eventwire has no paragraphs), else 0.
//   - 26–30 EventCode, EventBaseCode, EventRootCode, QuadClass,
//     GoldsteinScale: from the CAMEO table (Complete). An unknown code is an
//     error.
//   - 31–33 NumMentions, NumSources, NumArticles: 1, since a row stands for
//     one mention in one document.
//   - 34 AvgTone: empty; eventwire does not measure tone.
//   - 35–42, 43–50, 51–58 Actor1Geo, Actor2Geo, ActionGeo: from Actor1Geo,
//     Actor2Geo and ActionGeo; ADM2Code is empty (not resolved); all eight
//     columns are empty when the Geo is nil.
//   - 59 DATEADDED: the time the caller's clock gives, in UTC, as
//     YYYYMMDDHHMMSS.
//   - 60 SOURCEURL: URL, or the document id when the event has no URL.
//
// Tabs and line breaks inside text fields are written as spaces.
func NewEventRow(e *Event, added time.Time) (EventRow, error) {
	c, ok := cameo.Lookup(e.Code)
	if !ok {
		return EventRow{}, fmt.Errorf("converting event to GDELT: unknown CAMEO event code %q", e.Code)
	}
	r := EventRow{
		GlobalEventID:  GlobalEventID(e),
		Actor1:         actorColumns(e.Source, e.SourceSpan.Text),
		Actor2:         actorColumns(e.Target, e.TargetSpan.Text),
		IsRootEvent:    e.Sentence == 1,
		EventCode:      c.Code,
		EventBaseCode:  c.Base,
		EventRootCode:  c.Root,
		QuadClass:      int(c.QuadClass),
		GoldsteinScale: c.Goldstein,
		NumMentions:    1,
		NumSources:     1,
		NumArticles:    1,
		Actor1Geo:      geoColumns(e.Actor1Geo),
		Actor2Geo:      geoColumns(e.Actor2Geo),
		ActionGeo:      geoColumns(e.ActionGeo),
		DateAdded:      added.UTC().Format(gdeltTime),
		SourceURL:      source(e),
	}
	if e.Date != "" {
		y, m, d, ok := parseDate(e.Date)
		if !ok {
			return EventRow{}, fmt.Errorf("converting event to GDELT: date %q is not YYYY-MM-DD", e.Date)
		}
		r.Day = e.Date[:4] + e.Date[5:7] + e.Date[8:] // parseDate checked the layout
		r.MonthYear = r.Day[:6]
		r.Year = r.Day[:4]
		r.FractionDate = strconv.FormatFloat(float64(y)+float64((m-1)*30+d)/365, 'f', 4, 64)
	}
	return r, nil
}

func source(e *Event) string {
	if e.URL != "" {
		return e.URL
	}
	return e.DocID
}

func actorColumns(code, text string) ActorColumns {
	a := ActorColumns{Code: code, Name: strings.ToUpper(text)}
	if code == "" {
		return a
	}
	p, err := cameo.ParseActorCode(code)
	if err != nil {
		return a
	}
	a.CountryCode, a.KnownGroupCode, a.EthnicCode = p.Country, p.KnownGroup, p.Ethnic
	a.Religion1Code, a.Religion2Code = nth(p.Religions, 0), nth(p.Religions, 1)
	a.Type1Code, a.Type2Code, a.Type3Code = nth(p.Types, 0), nth(p.Types, 1), nth(p.Types, 2)
	return a
}

func nth(s []string, i int) string {
	if i < len(s) {
		return s[i]
	}
	return ""
}

func geoColumns(g *Geo) *GeoColumns {
	if g == nil {
		return nil
	}
	return &GeoColumns{
		Type:        g.Type,
		FullName:    g.FullName,
		CountryCode: g.CountryFIPS,
		ADM1Code:    g.ADM1,
		Lat:         g.Lat,
		Long:        g.Lon,
		FeatureID:   g.FeatureID,
	}
}

// NewMentionRow converts an event to its GDELT 2.0 Mentions row; added is
// the DATEADDED time of the event and of the mention. eventwire fills the
// columns (0-based) so:
//
//   - 0 GLOBALEVENTID as in NewEventRow; 1 EventTimeDate and 2 MentionTimeDate both
//     DATEADDED.
//   - 3 MentionType: 1 (WEB) when the event has a URL, 2 (CITATIONONLY)
//     otherwise; 4 MentionSourceName: the URL's host without "www.", or the
//     document id; 5 MentionIdentifier: URL or document id.
//   - 6 SentenceID: Sentence. 7–9 Actor1CharOffset, Actor2CharOffset,
//     ActionCharOffset: the start offsets of the source, target and verb
//     spans (-1 when there is no span); they are byte offsets, equal to
//     GDELT's character offsets for ASCII text.
//   - 10 InRawText: 1 when the source and verb (and the target, if any) are
//     phrases of the sentence, 0 when an actor was supplied from elsewhere.
//   - 11 Confidence, 12 MentionDocLen, 13 MentionDocTone: empty, not known
//     from an event; 14 MentionDocTranslationInfo, 15 Extras: empty.
func NewMentionRow(e *Event, added time.Time) MentionRow {
	t := added.UTC().Format(gdeltTime)
	m := MentionRow{
		GlobalEventID:     GlobalEventID(e),
		EventTimeDate:     t,
		MentionTimeDate:   t,
		MentionType:       2,
		MentionSourceName: e.DocID,
		MentionIdentifier: source(e),
		SentenceID:        e.Sentence,
		Actor1CharOffset:  spanStart(e.SourceSpan),
		Actor2CharOffset:  spanStart(e.TargetSpan),
		ActionCharOffset:  spanStart(e.VerbSpan),
		InRawText:         e.SourceSpan.First > 0 && e.VerbSpan.First > 0 && (e.Target == "" || e.TargetSpan.First > 0),
	}
	if e.URL != "" {
		m.MentionType = 1
		m.MentionSourceName = e.URL
		if u, err := url.Parse(e.URL); err == nil && u.Hostname() != "" {
			m.MentionSourceName = strings.TrimPrefix(u.Hostname(), "www.")
		}
	}
	return m
}

func spanStart(s Span) int {
	if s.First == 0 || s.Start < 0 {
		return -1
	}
	return s.Start
}

// Event returns the event fields a GDELT Events row carries: URL (from
// SOURCEURL), Date, Source, Target and their span texts (the actor names),
// Code, Root, Base, QuadClass, Goldstein, Plover (from the CAMEO table) and
// the three Geo blocks. Geo.CountryISO is looked up from the FIPS code.
func (r *EventRow) Event() Event {
	e := Event{
		URL:        r.SourceURL,
		Source:     r.Actor1.Code,
		Target:     r.Actor2.Code,
		Code:       r.EventCode,
		Root:       r.EventRootCode,
		Base:       r.EventBaseCode,
		QuadClass:  r.QuadClass,
		Goldstein:  r.GoldsteinScale,
		SourceSpan: Span{Start: -1, End: -1, Text: r.Actor1.Name},
		TargetSpan: Span{Start: -1, End: -1, Text: r.Actor2.Name},
		VerbSpan:   Span{Start: -1, End: -1},
		Actor1Geo:  r.Actor1Geo.geo(),
		Actor2Geo:  r.Actor2Geo.geo(),
		ActionGeo:  r.ActionGeo.geo(),
	}
	if c, ok := cameo.Lookup(r.EventCode); ok {
		e.Plover = c.Plover.Category
	}
	if len(r.Day) == 8 {
		e.Date = r.Day[:4] + "-" + r.Day[4:6] + "-" + r.Day[6:]
	}
	return e
}

func (g *GeoColumns) geo() *Geo {
	if g == nil {
		return nil
	}
	out := &Geo{Type: g.Type, FullName: g.FullName, CountryFIPS: g.CountryCode, ADM1: g.ADM1Code, Lat: g.Lat, Lon: g.Long, FeatureID: g.FeatureID}
	if c, ok := cameo.CountryByFIPS(g.CountryCode); ok {
		out.CountryISO = c.ISO3
	}
	return out
}

// EventsWriter writes GDELT 2.0 Events rows. It buffers; call Flush when
// done. It is not safe for concurrent use.
type EventsWriter struct {
	w     *bufio.Writer
	clock func() time.Time
	buf   []byte
}

// NewEventsWriter returns a writer of Events rows to w; clock gives the
// DATEADDED time of each event written with Write.
func NewEventsWriter(w io.Writer, clock func() time.Time) *EventsWriter {
	return &EventsWriter{w: bufio.NewWriter(w), clock: clock}
}

// Write converts the event with NewEventRow and writes its row.
func (w *EventsWriter) Write(e *Event) error {
	r, err := NewEventRow(e, w.clock())
	if err != nil {
		return err
	}
	return w.WriteRow(&r)
}

// WriteRow writes one row.
func (w *EventsWriter) WriteRow(r *EventRow) error {
	b := w.buf[:0]
	b = strconv.AppendUint(b, r.GlobalEventID, 10)
	b = appendFields(b, r.Day, r.MonthYear, r.Year, r.FractionDate)
	b = appendActor(b, &r.Actor1)
	b = appendActor(b, &r.Actor2)
	b = append(b, '\t')
	b = appendBool(b, r.IsRootEvent)
	b = appendFields(b, r.EventCode, r.EventBaseCode, r.EventRootCode)
	b = append(b, '\t')
	b = strconv.AppendInt(b, int64(r.QuadClass), 10)
	b = append(b, '\t')
	b = strconv.AppendFloat(b, r.GoldsteinScale, 'f', -1, 64)
	for _, n := range []int{r.NumMentions, r.NumSources, r.NumArticles} {
		b = append(b, '\t')
		b = strconv.AppendInt(b, int64(n), 10)
	}
	b = append(b, '\t')
	b = appendOptFloat(b, r.AvgTone)
	b = appendGeo(b, r.Actor1Geo)
	b = appendGeo(b, r.Actor2Geo)
	b = appendGeo(b, r.ActionGeo)
	b = appendFields(b, r.DateAdded, r.SourceURL)
	b = append(b, '\n')
	w.buf = b
	if _, err := w.w.Write(b); err != nil {
		return fmt.Errorf("writing GDELT event: %w", err)
	}
	return nil
}

// Flush writes buffered rows to the underlying writer.
func (w *EventsWriter) Flush() error {
	if err := w.w.Flush(); err != nil {
		return fmt.Errorf("writing GDELT events: %w", err)
	}
	return nil
}

// MentionsWriter writes GDELT 2.0 Mentions rows. It buffers; call Flush
// when done. It is not safe for concurrent use.
type MentionsWriter struct {
	w     *bufio.Writer
	clock func() time.Time
	buf   []byte
}

// NewMentionsWriter returns a writer of Mentions rows to w; clock gives the
// DATEADDED time of each event written with Write.
func NewMentionsWriter(w io.Writer, clock func() time.Time) *MentionsWriter {
	return &MentionsWriter{w: bufio.NewWriter(w), clock: clock}
}

// Write converts the event with NewMentionRow and writes its row.
func (w *MentionsWriter) Write(e *Event) error {
	r := NewMentionRow(e, w.clock())
	return w.WriteRow(&r)
}

// WriteRow writes one row.
func (w *MentionsWriter) WriteRow(r *MentionRow) error {
	b := w.buf[:0]
	b = strconv.AppendUint(b, r.GlobalEventID, 10)
	b = appendFields(b, r.EventTimeDate, r.MentionTimeDate)
	b = append(b, '\t')
	b = strconv.AppendInt(b, int64(r.MentionType), 10)
	b = appendFields(b, r.MentionSourceName, r.MentionIdentifier)
	for _, n := range []int{r.SentenceID, r.Actor1CharOffset, r.Actor2CharOffset, r.ActionCharOffset} {
		b = append(b, '\t')
		b = strconv.AppendInt(b, int64(n), 10)
	}
	b = append(b, '\t')
	b = appendBool(b, r.InRawText)
	for _, n := range []*int{r.Confidence, r.MentionDocLen} {
		b = append(b, '\t')
		if n != nil {
			b = strconv.AppendInt(b, int64(*n), 10)
		}
	}
	b = append(b, '\t')
	b = appendOptFloat(b, r.MentionDocTone)
	b = appendFields(b, r.MentionDocTranslationInfo, r.Extras)
	b = append(b, '\n')
	w.buf = b
	if _, err := w.w.Write(b); err != nil {
		return fmt.Errorf("writing GDELT mention: %w", err)
	}
	return nil
}

// Flush writes buffered rows to the underlying writer.
func (w *MentionsWriter) Flush() error {
	if err := w.w.Flush(); err != nil {
		return fmt.Errorf("writing GDELT mentions: %w", err)
	}
	return nil
}

// appendFields appends each field preceded by a tab, with tabs and line
// breaks inside it replaced by spaces.
func appendFields(b []byte, fields ...string) []byte {
	for _, f := range fields {
		b = append(b, '\t')
		for i := 0; i < len(f); i++ {
			c := f[i]
			if c == '\t' || c == '\n' || c == '\r' {
				c = ' '
			}
			b = append(b, c)
		}
	}
	return b
}

func appendActor(b []byte, a *ActorColumns) []byte {
	return appendFields(b, a.Code, a.Name, a.CountryCode, a.KnownGroupCode, a.EthnicCode,
		a.Religion1Code, a.Religion2Code, a.Type1Code, a.Type2Code, a.Type3Code)
}

func appendGeo(b []byte, g *GeoColumns) []byte {
	if g == nil {
		return append(b, "\t\t\t\t\t\t\t\t"...)
	}
	b = append(b, '\t')
	b = strconv.AppendInt(b, int64(g.Type), 10)
	b = appendFields(b, g.FullName, g.CountryCode, g.ADM1Code, g.ADM2Code)
	b = append(b, '\t')
	b = strconv.AppendFloat(b, g.Lat, 'f', -1, 64)
	b = append(b, '\t')
	b = strconv.AppendFloat(b, g.Long, 'f', -1, 64)
	return appendFields(b, g.FeatureID)
}

func appendBool(b []byte, v bool) []byte {
	if v {
		return append(b, '1')
	}
	return append(b, '0')
}

func appendOptFloat(b []byte, f *float64) []byte {
	if f == nil {
		return b
	}
	return strconv.AppendFloat(b, *f, 'f', -1, 64)
}
