package server

import (
	"encoding/csv"
	"fmt"
	"math"
	"net/http"
	"strconv"

	"github.com/eventwire/eventwire/internal/cameo"
	"github.com/eventwire/eventwire/internal/event"
	"github.com/eventwire/eventwire/internal/store"
)

// Event is an event as the API returns it: the stored event with its
// first mention's evidence.
type Event struct {
	ID          int64   `json:"id"`
	Date        string  `json:"date"`
	Source      string  `json:"source"`
	SourceName  string  `json:"source_name"`
	Target      string  `json:"target"`
	TargetName  string  `json:"target_name"`
	Code        string  `json:"code"`
	CodeName    string  `json:"code_name"`
	Root        string  `json:"root"`
	Quad        int     `json:"quad"`
	Goldstein   float64 `json:"goldstein"`
	NumMentions int     `json:"num_mentions"`
	NumSources  int     `json:"num_sources"`
	NumArticles int     `json:"num_articles"`
	IsRoot      bool    `json:"is_root"`
	Place       *Place  `json:"place"`
	ArticleID   string  `json:"article_id"`
	URL         string  `json:"url"`
	Sentence    string  `json:"sentence"`
	Historical  bool    `json:"historical"`
	// EventConfidence is the stored event's coded confidence (0–1, see
	// store.StoredEvent.EventConfidence); absent when unknown. Not the
	// GDELT confidence of a mention (eventMention.Confidence).
	EventConfidence float64 `json:"event_confidence,omitempty"`
}

// Place is an event's action place.
type Place struct {
	Name    string  `json:"name"`
	Country string  `json:"country"`
	Lat     float64 `json:"lat"`
	Lon     float64 `json:"lon"`
}

// newEvent returns the API form of e (id 0 for an event not stored).
func newEvent(id int64, e *event.Event) Event {
	out := Event{
		ID: id, Date: e.Date, Source: e.Source, SourceName: actorName(e.Source, e.SourceSpan.Text),
		Target: e.Target, TargetName: actorName(e.Target, e.TargetSpan.Text),
		Code: e.Code, CodeName: codeName(e.Code), Root: e.Root, Quad: e.QuadClass, Goldstein: e.Goldstein,
		ArticleID: e.DocID, URL: e.URL, Sentence: e.Text, Historical: e.Historical,
	}
	if g := e.ActionGeo; g != nil {
		out.Place = &Place{Name: g.FullName, Country: g.CountryISO, Lat: g.Lat, Lon: g.Lon}
	}
	return out
}

func fromStored(se *store.StoredEvent) Event {
	out := newEvent(se.ID, &se.Event)
	out.NumMentions, out.NumSources, out.NumArticles, out.IsRoot = se.NumMentions, se.NumSources, se.NumArticles, se.IsRoot
	out.EventConfidence = se.EventConfidence
	return out
}

// actorName is the phrase that names an actor in the sentence, else the
// name of its country code.
func actorName(code, span string) string {
	if span != "" || len(code) < 3 {
		return span
	}
	if c, ok := cameo.LookupCountry(code[:3]); ok {
		return c.Name
	}
	return ""
}

func codeName(code string) string {
	if c, ok := cameo.Lookup(code); ok {
		return c.Name
	}
	return ""
}

var eventsSpec = paramSpec{filter: true, defLimit: 50, maxLimit: 1000, cursor: true, sort: true, format: true}

// events serves GET /api/events: a page of events in the requested order,
// and the cursor of the next page; format=csv writes all matching events
// (up to MaxCSVRows) as CSV.
func (s *Server) events(w http.ResponseWriter, r *http.Request) error {
	p, err := parseParams(r.URL.Query(), eventsSpec)
	if err != nil {
		return err
	}
	if p.Format == "csv" {
		return s.eventsCSV(w, r, p)
	}
	f := p.Filter
	f.Limit = p.Limit + 1 // one more tells whether a next page exists
	f.After = p.Cursor
	f.Sort = p.Sort
	out := make([]Event, 0, p.Limit)
	err = s.opt.Store.Events(r.Context(), f, func(se *store.StoredEvent) error {
		out = append(out, fromStored(se))
		return nil
	})
	if err != nil {
		return fmt.Errorf("listing events: %w", err)
	}
	var next *string
	if len(out) > p.Limit {
		out = out[:p.Limit]
		c := encodeCursor(out[len(out)-1].ID, p.Sort)
		next = &c
	}
	return writeJSON(w, http.StatusOK, map[string]any{"events": out, "next_cursor": next})
}

// csvColumns are the columns of format=csv.
var csvColumns = []string{"id", "date", "source", "source_name", "target", "target_name", "code", "code_name", "root", "quad",
	"goldstein", "num_mentions", "num_sources", "num_articles", "is_root", "place", "country", "lat", "lon",
	"article_id", "url", "sentence", "historical"}

func (s *Server) eventsCSV(w http.ResponseWriter, r *http.Request, p Params) error {
	f := p.Filter
	f.Limit = s.opt.MaxCSVRows
	f.Sort = p.Sort
	f.After = p.Cursor
	w.Header().Set("Content-Type", "text/csv; charset=utf-8")
	w.Header().Set("Content-Disposition", `attachment; filename="events.csv"`)
	cw := csv.NewWriter(w)
	cw.Write(csvColumns)
	rec := make([]string, len(csvColumns))
	ff := func(x float64) string { return strconv.FormatFloat(x, 'f', -1, 64) }
	err := s.opt.Store.Events(r.Context(), f, func(se *store.StoredEvent) error {
		e := fromStored(se)
		var place, country, lat, lon string
		if e.Place != nil {
			place, country, lat, lon = e.Place.Name, e.Place.Country, ff(e.Place.Lat), ff(e.Place.Lon)
		}
		rec = append(rec[:0], strconv.FormatInt(e.ID, 10), e.Date, e.Source, e.SourceName, e.Target, e.TargetName,
			e.Code, e.CodeName, e.Root, strconv.Itoa(e.Quad), ff(e.Goldstein), strconv.Itoa(e.NumMentions),
			strconv.Itoa(e.NumSources), strconv.Itoa(e.NumArticles), strconv.FormatBool(e.IsRoot), place, country, lat, lon,
			e.ArticleID, e.URL, e.Sentence, strconv.FormatBool(e.Historical))
		return cw.Write(rec)
	})
	cw.Flush()
	if err != nil {
		// The header is sent: the best the server can do is end the body
		// early and log.
		s.log.Printf("serve: writing events CSV: %v", err)
	}
	return nil
}

// eventMention is one report of an event.
type eventMention struct {
	ArticleID  string `json:"article_id"`
	URL        string `json:"url"`
	SourceName string `json:"source_name"`
	Sentence   string `json:"sentence"`
	Confidence int    `json:"confidence"`
	Copy       bool   `json:"copy"`
}

// maxMentions caps the mentions listed with one event.
const maxMentions = 1000

// event serves GET /api/events/{id}: one event with its mentions.
func (s *Server) event(w http.ResponseWriter, r *http.Request) error {
	if _, err := parseParams(r.URL.Query(), paramSpec{}); err != nil {
		return err
	}
	idText := r.PathValue("id")
	id, err := strconv.ParseInt(idText, 10, 64)
	if err != nil || id < 1 {
		return paramErr("id", "want a positive event id, not %q", clip(idText))
	}
	var ev *Event
	err = s.opt.Store.Events(r.Context(), store.Filter{ID: id, Limit: 1}, func(se *store.StoredEvent) error {
		if se.ID == id {
			e := fromStored(se)
			ev = &e
		}
		return nil
	})
	if err != nil {
		return fmt.Errorf("reading event %d: %w", id, err)
	}
	if ev == nil {
		return &httpError{status: http.StatusNotFound, param: "id", msg: fmt.Sprintf("no event %d", id)}
	}
	mentions := []eventMention{}
	err = s.opt.Store.Mentions(r.Context(), store.Filter{ID: id, Limit: maxMentions}, func(m *store.StoredMention) error {
		mentions = append(mentions, eventMention{ArticleID: m.Event.DocID, URL: m.Event.URL, SourceName: m.SourceName,
			Sentence: m.Event.Text, Confidence: m.Confidence, Copy: m.Copy})
		return nil
	})
	if err != nil {
		return fmt.Errorf("reading mentions of event %d: %w", id, err)
	}
	return writeJSON(w, http.StatusOK, struct {
		Event
		Mentions []eventMention `json:"mentions"`
	}{*ev, mentions})
}

// table indexes a store table's columns by name.
type table struct {
	*store.Table
	col map[string]int
}

func newTable(t *store.Table) table {
	c := make(map[string]int, len(t.Columns))
	for i, n := range t.Columns {
		c[n] = i
	}
	return table{t, c}
}

func (t table) str(row []any, col string) string {
	if i, ok := t.col[col]; ok {
		switch v := row[i].(type) {
		case string:
			return v
		case int64:
			return strconv.FormatInt(v, 10)
		case float64:
			return strconv.FormatFloat(v, 'f', -1, 64)
		}
	}
	return ""
}

func (t table) int(row []any, col string) int64 {
	if i, ok := t.col[col]; ok {
		switch v := row[i].(type) {
		case int64:
			return v
		case float64:
			return int64(v)
		case string:
			n, _ := strconv.ParseInt(v, 10, 64)
			return n
		}
	}
	return 0
}

// num returns a column as a float (the store rounds averages); a missing
// or empty value is NaN.
func (t table) num(row []any, col string) float64 {
	if i, ok := t.col[col]; ok {
		switch v := row[i].(type) {
		case int64:
			return float64(v)
		case float64:
			return v
		case string:
			if x, err := strconv.ParseFloat(v, 64); err == nil {
				return x
			}
		}
	}
	return math.NaN()
}

// optNum is a number that is null in JSON when unknown (NaN).
type optNum float64

func (n optNum) MarshalJSON() ([]byte, error) {
	if math.IsNaN(float64(n)) || math.IsInf(float64(n), 0) {
		return []byte("null"), nil
	}
	return strconv.AppendFloat(nil, float64(n), 'f', -1, 64), nil
}

func (s *Server) query(r *http.Request, f store.Filter, agg string) (table, error) {
	t, err := s.opt.Store.Query(r.Context(), store.Query{Filter: f, Aggregate: agg})
	if err != nil {
		return table{}, fmt.Errorf("querying %s: %w", agg, err)
	}
	return newTable(t), nil
}

type seriesPoint struct {
	Date      string `json:"date"`
	Count     int64  `json:"count"`
	Goldstein optNum `json:"goldstein"`
	Tone      optNum `json:"tone"`
}

// series serves GET /api/series: counts, average Goldstein and average
// tone per day, week (starting Monday) or month (dated its first day).
func (s *Server) series(w http.ResponseWriter, r *http.Request) error {
	p, err := parseParams(r.URL.Query(), paramSpec{filter: true, interval: true})
	if err != nil {
		return err
	}
	t, err := s.query(r, p.Filter, p.Interval)
	if err != nil {
		return err
	}
	pts := make([]seriesPoint, 0, len(t.Rows))
	for _, row := range t.Rows {
		d := t.str(row, p.Interval)
		if len(d) == 7 { // month: YYYY-MM
			d += "-01"
		}
		pts = append(pts, seriesPoint{Date: d, Count: t.int(row, "events"), Goldstein: optNum(t.num(row, "avg_goldstein")),
			Tone: optNum(t.num(row, "avg_tone"))})
	}
	return writeJSON(w, http.StatusOK, map[string]any{"interval": p.Interval, "points": pts})
}

type dyad struct {
	Source    string  `json:"source"`
	Target    string  `json:"target"`
	Count     int64   `json:"count"`
	Goldstein float64 `json:"goldstein"`
}

// dyads serves GET /api/dyads: the source–target pairs with most events.
func (s *Server) dyads(w http.ResponseWriter, r *http.Request) error {
	p, err := parseParams(r.URL.Query(), paramSpec{filter: true, defLimit: 20, maxLimit: 200})
	if err != nil {
		return err
	}
	f := p.Filter
	f.Limit = p.Limit
	t, err := s.query(r, f, "dyads")
	if err != nil {
		return err
	}
	out := make([]dyad, 0, len(t.Rows))
	for _, row := range t.Rows {
		out = append(out, dyad{Source: t.str(row, "source"), Target: t.str(row, "target"), Count: t.int(row, "events"),
			Goldstein: t.num(row, "avg_goldstein")})
	}
	return writeJSON(w, http.StatusOK, map[string]any{"dyads": out})
}

type placeCount struct {
	Name      string  `json:"name"`
	Country   string  `json:"country"`
	Lat       optNum  `json:"lat"`
	Lon       optNum  `json:"lon"`
	Count     int64   `json:"count"`
	Goldstein float64 `json:"goldstein"`
}

// places serves GET /api/places: the action places with most events.
func (s *Server) places(w http.ResponseWriter, r *http.Request) error {
	p, err := parseParams(r.URL.Query(), paramSpec{filter: true, defLimit: 500, maxLimit: 5000})
	if err != nil {
		return err
	}
	f := p.Filter
	f.Limit = p.Limit
	t, err := s.query(r, f, "places")
	if err != nil {
		return err
	}
	out := make([]placeCount, 0, len(t.Rows))
	for _, row := range t.Rows {
		out = append(out, placeCount{Name: t.str(row, "name"), Country: t.str(row, "country"),
			Lat: optNum(t.num(row, "lat")), Lon: optNum(t.num(row, "lon")), Count: t.int(row, "events"),
			Goldstein: t.num(row, "avg_goldstein")})
	}
	return writeJSON(w, http.StatusOK, map[string]any{"places": out})
}

type countryCount struct {
	ISO3      string  `json:"iso3"`
	Numeric   string  `json:"numeric"`
	Name      string  `json:"name"`
	Count     int64   `json:"count"`
	Goldstein float64 `json:"goldstein"`
}

// countries serves GET /api/countries: events per action country, with
// the ISO numeric code world maps key their shapes by.
func (s *Server) countries(w http.ResponseWriter, r *http.Request) error {
	p, err := parseParams(r.URL.Query(), paramSpec{filter: true})
	if err != nil {
		return err
	}
	t, err := s.query(r, p.Filter, "countries")
	if err != nil {
		return err
	}
	out := make([]countryCount, 0, len(t.Rows))
	for _, row := range t.Rows {
		iso := t.str(row, "country")
		if iso == "" {
			continue
		}
		c := countryCount{ISO3: iso, Numeric: isoNumeric[iso], Count: t.int(row, "events"), Goldstein: t.num(row, "avg_goldstein")}
		if k, ok := cameo.CountryByISO3(iso); ok {
			c.Name = k.Name
		}
		out = append(out, c)
	}
	return writeJSON(w, http.StatusOK, map[string]any{"countries": out})
}
