package server

import (
	"context"
	"encoding/csv"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/eventwire/eventwire/internal/analyze"
	"github.com/eventwire/eventwire/internal/dedup"
	"github.com/eventwire/eventwire/internal/dict"
	"github.com/eventwire/eventwire/internal/dict/builtin"
	"github.com/eventwire/eventwire/internal/event"
	"github.com/eventwire/eventwire/internal/geo"
	"github.com/eventwire/eventwire/internal/gkg"
	"github.com/eventwire/eventwire/internal/ingest/load"
	"github.com/eventwire/eventwire/internal/shareddata"
	"github.com/eventwire/eventwire/internal/store"
	"github.com/eventwire/eventwire/internal/store/sqlite"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/")

var (
	fixtureOnce sync.Once
	fixtureDB   *sqlite.DB
	fixtureSet  *dict.Set
	fixtureErr  error
	fixtureDir  string
)

// corpusStore returns a store built, once per test binary, by ingesting
// examples/corpus with the built-in dictionaries, and that set.
func corpusStore(t testing.TB) (*sqlite.DB, *dict.Set) {
	if testing.Short() {
		t.Skip("loads the language models and ingests the sample corpus")
	}
	root := shareddata.Root(t)
	fixtureOnce.Do(func() {
		ctx := context.Background()
		if fixtureDir, fixtureErr = os.MkdirTemp("", "eventwire-server-test"); fixtureErr != nil {
			return
		}
		if fixtureDB, fixtureErr = sqlite.Open(ctx, filepath.Join(fixtureDir, "corpus.db")); fixtureErr != nil {
			return
		}
		if fixtureSet, fixtureErr = builtin.Set(); fixtureErr != nil {
			return
		}
		var an *analyze.Analyzer
		if an, fixtureErr = analyze.New(fixtureSet, analyze.Options{}); fixtureErr != nil {
			return
		}
		var g *geo.Gazetteer
		if g, fixtureErr = geo.Default(); fixtureErr != nil {
			return
		}
		var x *gkg.Extractor
		if x, fixtureErr = gkg.New(gkg.Options{Gazetteer: g, Dict: fixtureSet}); fixtureErr != nil {
			return
		}
		now := time.Date(2024, 6, 1, 0, 0, 0, 0, time.UTC)
		_, fixtureErr = load.Run(ctx, fixtureDB, func() load.Analyze { return an.NewWorker().Analyze },
			[]string{filepath.Join(root, "examples", "corpus")},
			load.Options{Workers: 1, Run: store.Run{ID: "test", Started: now}, Write: store.WriteOptions{Now: now}, Knowledge: x})
	})
	if fixtureErr != nil {
		t.Fatal(fixtureErr)
	}
	return fixtureDB, fixtureSet
}

func TestMain(m *testing.M) {
	code := m.Run()
	if fixtureDB != nil {
		fixtureDB.Close()
	}
	if fixtureDir != "" {
		os.RemoveAll(fixtureDir)
	}
	os.Exit(code)
}

func newTestServer(t testing.TB, opt Options) *Server {
	db, set := corpusStore(t)
	if opt.Store == nil {
		opt.Store = db
	}
	if opt.Dict == nil {
		opt.Dict = set
	}
	opt.Version = "test"
	s, err := New(opt)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// do serves one request and returns the status and decoded JSON body (nil
// when the body is not JSON).
func do(t testing.TB, h http.Handler, method, target, body string, header ...string) (int, map[string]any, *httptest.ResponseRecorder) {
	t.Helper()
	var r *http.Request
	if body != "" || method == http.MethodPost {
		r = httptest.NewRequest(method, target, strings.NewReader(body))
		r.Header.Set("Content-Type", "application/json")
	} else {
		r = httptest.NewRequest(method, target, nil)
	}
	for i := 0; i+1 < len(header); i += 2 {
		r.Header.Set(header[i], header[i+1])
	}
	w := httptest.NewRecorder()
	h.ServeHTTP(w, r)
	var m map[string]any
	if strings.HasPrefix(w.Header().Get("Content-Type"), "application/json") {
		if err := json.Unmarshal(w.Body.Bytes(), &m); err != nil {
			t.Fatalf("%s %s: response is not JSON: %v\n%s", method, target, err, w.Body)
		}
	}
	return w.Code, m, w
}

// TestBadParameters checks that each bad parameter is a 400 naming it.
func TestBadParameters(t *testing.T) {
	s := newTestServer(t, Options{})
	cases := []struct {
		target, param string
	}{
		{"/api/events?quad=5", "quad"},
		{"/api/events?quad=x", "quad"},
		{"/api/events?code=1a", "code"},
		{"/api/events?code=12345", "code"},
		{"/api/events?from=2024-13-01", "from"},
		{"/api/events?from=yesterday", "from"},
		{"/api/events?from=2024-02-01&to=2024-01-01", "to"},
		{"/api/events?country=F1", "country"},
		{"/api/events?country=FRAN", "country"},
		{"/api/events?limit=0", "limit"},
		{"/api/events?limit=1001", "limit"},
		{"/api/events?limit=ten", "limit"},
		{"/api/events?sort=name", "sort"},
		{"/api/events?cursor=!!", "cursor"},
		{"/api/events?cursor=" + encodeCursor(3, "date") + "&sort=-date", "cursor"},
		{"/api/events?format=xml", "format"},
		{"/api/events?actr=USA", "actr"},
		{"/api/events?quad=1&quad=2", "quad"},
		{"/api/events?theme=ARMED-CONFLICT", "theme"},
		{"/api/events?min_confidence=high", "min_confidence"},
		{"/api/events?min_confidence=1.5", "min_confidence"},
		{"/api/events?min_confidence=0", "min_confidence"},
		{"/api/events?min_confidence=-0.2", "min_confidence"},
		{"/api/events?min_confidence=NaN", "min_confidence"},
		{"/api/series?interval=week&min_confidence=2", "min_confidence"},
		{"/api/events?q=%22%22", "q"},
		{"/api/events?actor=" + strings.Repeat("A", 65), "actor"},
		{"/api/events?actor=%01", "actor"},
		{"/api/events/abc", "id"},
		{"/api/events/0", "id"},
		{"/api/events/1?limit=3", "limit"},
		{"/api/series?interval=year", "interval"},
		{"/api/series?limit=3", "limit"},
		{"/api/dyads?limit=201", "limit"},
		{"/api/places?limit=-1", "limit"},
		{"/api/countries?sort=date", "sort"},
		{"/api/articles?limit=1001", "limit"},
		{"/api/health?verbose=1", "verbose"},
		// A pair the query string cannot carry is refused, never dropped
		// (which would answer with every event).
		{"/api/events?actor=%zzRUS", "actor"},
		{"/api/events?actor=RUS;code=19", "actor"},
		{"/api/events?code=19&actor=RUS%2", "actor"},
		{"/api/events?code=19;", "code"},
		{"/api/series?interval=week&theme=%G0", "theme"},
		{"/api/articles?q=cease%", "q"},
		{"/api/events/1?%zz=1", "%zz"},
	}
	for _, tc := range cases {
		t.Run(tc.target, func(t *testing.T) {
			code, body, _ := do(t, s, "GET", tc.target, "")
			if code != http.StatusBadRequest {
				t.Fatalf("status %d, want 400: %v", code, body)
			}
			if body["param"] != tc.param {
				t.Errorf("param %v, want %q: %v", body["param"], tc.param, body["error"])
			}
			if msg, _ := body["error"].(string); !strings.Contains(msg, tc.param) {
				t.Errorf("error %q does not name %q", msg, tc.param)
			}
		})
	}
}

func TestNotFound(t *testing.T) {
	s := newTestServer(t, Options{})
	for _, target := range []string{"/api/events/999999999", "/api/articles/no-such-article", "/api/nothing"} {
		code, body, _ := do(t, s, "GET", target, "")
		if code != http.StatusNotFound || body["error"] == nil {
			t.Errorf("%s: %d %v, want 404 with an error", target, code, body)
		}
	}
	if code, _, _ := do(t, s, "POST", "/api/events", `{}`); code != http.StatusMethodNotAllowed {
		t.Errorf("POST /api/events: %d, want 405", code)
	}
}

func TestHealth(t *testing.T) {
	s := newTestServer(t, Options{})
	db, _ := corpusStore(t)
	st, err := db.Stats(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	code, body, w := do(t, s, "GET", "/api/health", "")
	if code != 200 || body["status"] != "ok" || body["version"] != "test" ||
		body["events"] != float64(st.Events) || body["articles"] != float64(st.Articles) {
		t.Errorf("health: %d %v (store %+v)", code, body, st)
	}
	if st.Events < 20 || st.Articles < 15 {
		t.Errorf("the sample corpus store holds only %d events and %d articles", st.Events, st.Articles)
	}
	for h, v := range securityHeaders {
		if got := w.Header().Get(h); got != v {
			t.Errorf("header %s = %q, want %q", h, got, v)
		}
	}
	if csp := w.Header().Get("Content-Security-Policy"); strings.Contains(csp, "http") || !strings.Contains(csp, "frame-ancestors 'none'") {
		t.Errorf("CSP %q names other origins or allows framing", csp)
	}
}

// allEvents lists every event through the API, page by page.
func allEvents(t *testing.T, s http.Handler, query string, limit int) []map[string]any {
	t.Helper()
	var out []map[string]any
	cursor := ""
	for page := 0; ; page++ {
		if page > 1000 {
			t.Fatal("pagination does not end")
		}
		v, _ := url.ParseQuery(query)
		v.Set("limit", itoa(limit))
		if cursor != "" {
			v.Set("cursor", cursor)
		}
		code, body, _ := do(t, s, "GET", "/api/events?"+v.Encode(), "")
		if code != 200 {
			t.Fatalf("events %s: %d %v", v.Encode(), code, body)
		}
		evs, _ := body["events"].([]any)
		if len(evs) > limit {
			t.Fatalf("page of %d events with limit %d", len(evs), limit)
		}
		for _, e := range evs {
			out = append(out, e.(map[string]any))
		}
		next, _ := body["next_cursor"].(string)
		if next == "" {
			if body["next_cursor"] != nil {
				t.Fatalf("next_cursor %v", body["next_cursor"])
			}
			return out
		}
		cursor = next
	}
}

func itoa(n int) string { return strconv.Itoa(n) }

func TestEventsPagination(t *testing.T) {
	s := newTestServer(t, Options{})
	db, _ := corpusStore(t)
	st, _ := db.Stats(context.Background())
	for _, sort := range []string{"", "date", "-date", "goldstein", "-goldstein", "mentions", "-mentions"} {
		t.Run("sort="+sort, func(t *testing.T) {
			q := ""
			if sort != "" {
				q = "sort=" + sort
			}
			evs := allEvents(t, s, q, 7)
			if int64(len(evs)) != st.Events {
				t.Fatalf("%d events through pages of 7, store holds %d", len(evs), st.Events)
			}
			seen := map[float64]bool{}
			for i, e := range evs {
				id := e["id"].(float64)
				if seen[id] {
					t.Fatalf("event %v listed twice", id)
				}
				seen[id] = true
				if i == 0 {
					continue
				}
				p := evs[i-1]
				key, desc := strings.TrimPrefix(sort, "-"), strings.HasPrefix(sort, "-")
				field := map[string]string{"": "id", "date": "date", "goldstein": "goldstein", "mentions": "num_mentions"}[key]
				if c := compare(p[field], e[field]); (c > 0 && !desc) || (c < 0 && desc) {
					t.Fatalf("events %v and %v out of %q order: %v, %v", p["id"], id, sort, p[field], e[field])
				}
			}
		})
	}
}

func compare(a, b any) int {
	switch x := a.(type) {
	case float64:
		y := b.(float64)
		switch {
		case x < y:
			return -1
		case x > y:
			return 1
		}
	case string:
		return strings.Compare(x, b.(string))
	}
	return 0
}

func TestEventsFilters(t *testing.T) {
	s := newTestServer(t, Options{})
	all := allEvents(t, s, "", 1000)
	count := func(pred func(e map[string]any) bool) int {
		n := 0
		for _, e := range all {
			if pred(e) {
				n++
			}
		}
		return n
	}
	// Pick filter values from the data, so the test follows the corpus.
	first := all[0]
	code := first["code"].(string)[:2]
	src := first["source"].(string)
	var country, placeName string
	for _, e := range all {
		if p, ok := e["place"].(map[string]any); ok && p["country"] != "" {
			country, placeName = p["country"].(string), p["name"].(string)
			break
		}
	}
	if country == "" {
		t.Fatal("no event of the sample corpus has a place")
	}
	cases := []struct {
		query string
		want  int
	}{
		{"code=" + code, count(func(e map[string]any) bool { return strings.HasPrefix(e["code"].(string), code) })},
		{"quad=4", count(func(e map[string]any) bool { return e["quad"] == 4.0 })},
		{"quad=1", count(func(e map[string]any) bool { return e["quad"] == 1.0 })},
		{"actor=" + src, count(func(e map[string]any) bool {
			return strings.HasPrefix(e["source"].(string), src) || strings.HasPrefix(e["target"].(string), src)
		})},
		{"from=2023-01-01&to=2023-12-31", count(func(e map[string]any) bool {
			d := e["date"].(string)
			return d >= "2023-01-01" && d <= "2023-12-31"
		})},
		{"country=" + strings.ToLower(country), count(func(e map[string]any) bool {
			p, ok := e["place"].(map[string]any)
			return ok && p["country"] == country
		})},
		{"place=" + url.QueryEscape(placeName), count(func(e map[string]any) bool {
			p, ok := e["place"].(map[string]any)
			return ok && p["name"] == placeName
		})},
	}
	for _, tc := range cases {
		t.Run(tc.query, func(t *testing.T) {
			got := allEvents(t, s, tc.query, 1000)
			if len(got) != tc.want || tc.want == 0 {
				t.Errorf("%d events, want %d (>0)", len(got), tc.want)
			}
		})
	}
	// Full-text search: a word of the first event's sentence finds it.
	word := ""
	for _, w := range strings.Fields(first["sentence"].(string)) {
		if w = strings.Trim(w, `.,;:"'()`); len(w) > 5 {
			word = w
			break
		}
	}
	found := false
	for _, e := range allEvents(t, s, "q="+url.QueryEscape(word), 1000) {
		found = found || e["id"] == first["id"]
	}
	if !found {
		t.Errorf("q=%s does not find event %v (%q)", word, first["id"], first["sentence"])
	}
	// FTS5 syntax in q is plain text, not an error.
	if code, body, _ := do(t, s, "GET", "/api/events?q="+url.QueryEscape(`NEAR( "x AND`), ""); code != 200 {
		t.Errorf("q with FTS5 syntax: %d %v", code, body)
	}
}

func TestEventByID(t *testing.T) {
	s := newTestServer(t, Options{})
	all := allEvents(t, s, "sort=-mentions", 1)
	e := all[0]
	code, body, _ := do(t, s, "GET", "/api/events/"+itoa(int(e["id"].(float64))), "")
	if code != 200 {
		t.Fatalf("%d %v", code, body)
	}
	for k, v := range e {
		if k == "place" {
			continue
		}
		if body[k] != v {
			t.Errorf("%s = %v, listed as %v", k, body[k], v)
		}
	}
	ms, _ := body["mentions"].([]any)
	if len(ms) != int(e["num_mentions"].(float64)) || len(ms) == 0 {
		t.Errorf("%d mentions, event counts %v", len(ms), e["num_mentions"])
	}
	for _, m := range ms {
		mm := m.(map[string]any)
		if mm["article_id"] == "" || mm["sentence"] == "" {
			t.Errorf("mention without article or sentence: %v", mm)
		}
	}
}

func TestEventsCSV(t *testing.T) {
	s := newTestServer(t, Options{})
	all := allEvents(t, s, "quad=4", 1000)
	code, _, w := do(t, s, "GET", "/api/events?quad=4&format=csv", "")
	if code != 200 || !strings.HasPrefix(w.Header().Get("Content-Type"), "text/csv") {
		t.Fatalf("%d %s", code, w.Header().Get("Content-Type"))
	}
	recs, err := csv.NewReader(w.Body).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if strings.Join(recs[0], ",") != strings.Join(csvColumns, ",") {
		t.Errorf("header %q", recs[0])
	}
	if len(recs)-1 != len(all) || len(all) == 0 {
		t.Fatalf("%d CSV records, %d events", len(recs)-1, len(all))
	}
	for i, r := range recs[1:] {
		if r[0] != strconv.Itoa(int(all[i]["id"].(float64))) || r[9] != "4" || r[21] != all[i]["sentence"] {
			t.Errorf("CSV record %d: %q, event %v", i+1, r[:10], all[i])
		}
	}
}

func TestAggregations(t *testing.T) {
	s := newTestServer(t, Options{})
	all := allEvents(t, s, "", 1000)
	for _, iv := range []string{"day", "week", "month"} {
		code, body, _ := do(t, s, "GET", "/api/series?interval="+iv, "")
		if code != 200 || body["interval"] != iv {
			t.Fatalf("series %s: %d %v", iv, code, body)
		}
		total := 0.0
		prev := ""
		for _, p := range body["points"].([]any) {
			pt := p.(map[string]any)
			total += pt["count"].(float64)
			d := pt["date"].(string)
			if _, err := time.Parse("2006-01-02", d); err != nil || d <= prev {
				t.Errorf("series %s: date %q after %q", iv, d, prev)
			}
			prev = d
			if iv == "month" && !strings.HasSuffix(d, "-01") {
				t.Errorf("month dated %s", d)
			}
		}
		if int(total) != len(all) {
			t.Errorf("series %s counts %v events, store has %d", iv, total, len(all))
		}
	}
	code, body, _ := do(t, s, "GET", "/api/dyads?limit=3", "")
	if ds, _ := body["dyads"].([]any); code != 200 || len(ds) == 0 || len(ds) > 3 {
		t.Errorf("dyads: %d %v", code, body)
	}
	code, body, _ = do(t, s, "GET", "/api/places", "")
	ps, _ := body["places"].([]any)
	if code != 200 || len(ps) == 0 {
		t.Fatalf("places: %d %v", code, body)
	}
	for _, p := range ps {
		pm := p.(map[string]any)
		if pm["name"] == "" || pm["count"].(float64) < 1 || pm["lat"] == nil {
			t.Errorf("place %v", pm)
		}
	}
	code, body, _ = do(t, s, "GET", "/api/countries", "")
	cs, _ := body["countries"].([]any)
	if code != 200 || len(cs) == 0 {
		t.Fatalf("countries: %d %v", code, body)
	}
	withPlace := 0
	for _, e := range all {
		if p, ok := e["place"].(map[string]any); ok && p["country"] != "" {
			withPlace++
		}
	}
	n := 0.0
	for _, c := range cs {
		cm := c.(map[string]any)
		n += cm["count"].(float64)
		if len(cm["numeric"].(string)) != 3 || cm["name"] == "" {
			t.Errorf("country without ISO numeric code or name: %v", cm)
		}
	}
	if int(n) != withPlace {
		t.Errorf("countries count %v events, %d events have a place", n, withPlace)
	}
}

func TestArticles(t *testing.T) {
	s := newTestServer(t, Options{})
	code, body, _ := do(t, s, "GET", "/api/articles?limit=100", "")
	list, _ := body["articles"].([]any)
	if code != 200 || len(list) < 15 {
		t.Fatalf("articles: %d %v", code, body)
	}
	prev := "9999"
	var withEvents map[string]any
	for _, a := range list {
		am := a.(map[string]any)
		if p := am["published"].(string); p > prev {
			t.Errorf("article %v published %s listed after %s", am["id"], p, prev)
		} else if p != "" {
			prev = p
		}
		if withEvents == nil && am["events"].(float64) > 0 {
			withEvents = am
		}
	}
	if withEvents == nil {
		t.Fatal("no article with events")
	}
	code, body, _ = do(t, s, "GET", "/api/articles/"+url.PathEscape(withEvents["id"].(string)), "")
	if code != 200 {
		t.Fatalf("article: %d %v", code, body)
	}
	art := body["article"].(map[string]any)
	text := art["text"].(string)
	evs := body["events"].([]any)
	if len(evs) != int(withEvents["events"].(float64)) && len(evs) < int(withEvents["events"].(float64)) {
		t.Errorf("%d events, listing says %v", len(evs), withEvents["events"])
	}
	sents := body["sentences"].([]any)
	for _, e := range evs {
		em := e.(map[string]any)
		si := int(em["sentence_index"].(float64))
		if si < 1 || si > len(sents) {
			t.Fatalf("sentence_index %d of %d sentences", si, len(sents))
		}
		sr := sents[si-1].(map[string]any)
		sStart, sEnd := int(sr["start"].(float64)), int(sr["end"].(float64))
		if em["rule"] == "" {
			t.Errorf("event %v without rule", em["id"])
		}
		spans := em["spans"].(map[string]any)
		if spans["verb"] == nil {
			t.Errorf("event %v without verb span", em["id"])
		}
		for _, k := range []string{"source", "target", "verb"} {
			sp, ok := spans[k].(map[string]any)
			if !ok {
				continue
			}
			a, b := int(sp["start"].(float64)), int(sp["end"].(float64))
			if a < sStart || b > sEnd || a >= b {
				t.Errorf("event %v %s span %d:%d outside its sentence %d:%d", em["id"], k, a, b, sStart, sEnd)
			}
			_ = text[a:b]
		}
	}
	kn, _ := body["knowledge"].(map[string]any)
	if kn == nil || kn["tone"] == nil {
		t.Fatalf("article without knowledge: %v", body["knowledge"])
	}
	// The theme filter finds the article's events by one of its themes.
	themes, _ := kn["themes"].([]any)
	if len(themes) == 0 {
		t.Fatalf("article %v without themes", art["id"])
	}
	theme := themes[0].(map[string]any)["theme"].(string)
	ids := map[any]bool{}
	for _, e := range allEvents(t, s, "theme="+theme, 1000) {
		ids[e["id"]] = true
	}
	for _, e := range evs {
		if id := e.(map[string]any)["id"]; !ids[id] {
			t.Errorf("theme=%s does not list event %v of an article with that theme", theme, id)
		}
	}
	// An event filter lists only articles reporting a matching event.
	code, body, _ = do(t, s, "GET", "/api/articles?quad=4", "")
	if code != 200 {
		t.Fatalf("articles?quad=4: %d %v", code, body)
	}
	for _, a := range body["articles"].([]any) {
		if a.(map[string]any)["events"].(float64) < 1 {
			t.Errorf("article without events listed for quad=4: %v", a)
		}
	}
}

func TestMetrics(t *testing.T) {
	s := newTestServer(t, Options{})
	do(t, s, "GET", "/api/health", "")
	do(t, s, "GET", "/api/events?quad=9", "")
	_, _, w := do(t, s, "GET", "/metrics", "")
	out := w.Body.String()
	for _, want := range []string{
		`eventwire_http_requests_total{route="GET /api/health",status="200"} 1`,
		`eventwire_http_requests_total{route="GET /api/events",status="400"} 1`,
		`eventwire_http_request_duration_seconds_bucket{route="GET /api/health",le="+Inf"} 1`,
		`eventwire_http_request_duration_seconds_count{route="GET /api/events"} 1`,
		"# TYPE eventwire_http_request_duration_seconds histogram",
		"eventwire_store_events ",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("metrics lack %q:\n%s", want, out)
		}
	}
	if ct := w.Header().Get("Content-Type"); !strings.HasPrefix(ct, "text/plain; version=0.0.4") {
		t.Errorf("content type %q", ct)
	}
}

func TestUI(t *testing.T) {
	s := newTestServer(t, Options{UI: os.DirFS("ui/dist")})
	code, _, w := do(t, s, "GET", "/", "")
	if code != 200 || !strings.Contains(w.Body.String(), "<html") {
		t.Errorf("GET /: %d %.200s", code, w.Body)
	}
	for _, p := range []string{"/no-such-asset.js", "/assets/"} {
		if code, _, _ := do(t, s, "GET", p, ""); code != 404 {
			t.Errorf("GET %s: %d, want 404", p, code)
		}
	}
}

func TestOpenAPIServed(t *testing.T) {
	s := newTestServer(t, Options{})
	code, body, _ := do(t, s, "GET", "/api/openapi.json", "")
	if code != 200 || body["openapi"] == nil {
		t.Errorf("%d %v", code, body["openapi"])
	}
}

func readAll(t testing.TB, r io.Reader) string {
	b, err := io.ReadAll(r)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// tempStore opens an empty SQLite store in a test directory.
func tempStore(t testing.TB) *sqlite.DB {
	db, err := sqlite.Open(context.Background(), filepath.Join(t.TempDir(), "ew.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	return db
}

// TestLoopbackHosts checks the DNS-rebinding guard of a loopback server.
func TestLoopbackHosts(t *testing.T) {
	s, err := New(Options{Store: handStore(t), LoopbackHosts: true})
	if err != nil {
		t.Fatal(err)
	}
	for host, want := range map[string]int{
		"127.0.0.1:8080": 200, "localhost:8080": 200, "LOCALHOST": 200, "[::1]:8080": 200, "127.3.4.5": 200,
		"evil.example:8080": 403, "evil.example": 403, "10.0.0.1:8080": 403, "": 403, "[::ffff:127.0.0.1]:80": 200,
	} {
		r := httptest.NewRequest("GET", "/api/health", nil)
		r.Host = host
		w := httptest.NewRecorder()
		s.ServeHTTP(w, r)
		if w.Code != want {
			t.Errorf("Host %q: %d, want %d", host, w.Code, want)
		}
	}
}

// TestMinConfidence checks the min_confidence filter of the event
// endpoints and the event_confidence of listed events: an event of unknown
// confidence is never listed by it, and has no event_confidence.
func TestMinConfidence(t *testing.T) {
	st := tempStore(t)
	mk := func(src, tgt, code string, conf float64) event.Event {
		e := event.Event{Sentence: 1, Source: src, Target: tgt, Code: code, Date: "2024-03-04", Rule: "t.ewd:1", Confidence: conf}
		event.Complete(&e)
		return e
	}
	var arts []store.Article
	for i, e := range []event.Event{mk("SDNMIL", "SDNREB", "190", 0.9), mk("USA", "CHN", "112", 0.4), mk("FRA", "DEU", "057", 0)} {
		text := fmt.Sprintf("Report %d of one event.", i)
		url := fmt.Sprintf("https://news.example/%d", i)
		id := dedup.ArticleID(url, text)
		e.DocID, e.URL, e.Text = id, url, text
		arts = append(arts, store.Article{ID: id, URL: url, Text: text, Sentences: []store.Sentence{{Start: 0, End: len(text)}},
			Events: []event.Event{e}, Analyzed: true, Origin: "t"})
	}
	if _, err := st.Write(context.Background(), &store.Batch{Articles: arts}, store.WriteOptions{NearDistance: -1}); err != nil {
		t.Fatal(err)
	}
	s, err := New(Options{Store: st})
	if err != nil {
		t.Fatal(err)
	}
	list := func(target string) string {
		t.Helper()
		code, body, _ := do(t, s, "GET", target, "")
		if code != 200 {
			t.Fatalf("%s: %d %v", target, code, body)
		}
		var out []string
		for _, x := range body["events"].([]any) {
			ev := x.(map[string]any)
			out = append(out, fmt.Sprintf("%s:%v", ev["code"], ev["event_confidence"]))
		}
		return strings.Join(out, " ")
	}
	for _, tc := range []struct{ target, want string }{
		{"/api/events", "190:0.9 112:0.4 057:<nil>"},
		{"/api/events?min_confidence=0.4", "190:0.9 112:0.4"},
		{"/api/events?min_confidence=0.5", "190:0.9"},
		{"/api/events?min_confidence=1", ""},
	} {
		if got := list(tc.target); got != tc.want {
			t.Errorf("%s: %s, want %s", tc.target, got, tc.want)
		}
	}
	_, body, _ := do(t, s, "GET", "/api/series?interval=day&min_confidence=0.3", "")
	if got := fmt.Sprint(body["points"]); got != "[map[count:2 date:2024-03-04 goldstein:-6 tone:<nil>]]" {
		t.Errorf("series of confident events: %v", body)
	}
}
