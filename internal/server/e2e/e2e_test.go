package e2e

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/log"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"

	"github.com/eventwire/eventwire/internal/analyze"
	"github.com/eventwire/eventwire/internal/dict/builtin"
	"github.com/eventwire/eventwire/internal/geo"
	"github.com/eventwire/eventwire/internal/gkg"
	"github.com/eventwire/eventwire/internal/ingest/load"
	"github.com/eventwire/eventwire/internal/server"
	"github.com/eventwire/eventwire/internal/server/ui"
	"github.com/eventwire/eventwire/internal/shareddata"
	"github.com/eventwire/eventwire/internal/store"
	"github.com/eventwire/eventwire/internal/store/sqlite"
)

// site is a running server and a browser tab on it.
type site struct {
	base string // http://127.0.0.1:port
	tab  context.Context
	shot string // screenshot directory

	mu     sync.Mutex
	errors []string // JavaScript exceptions and console/log errors
}

func chromiumPath() string {
	if p := os.Getenv("EVENTWIRE_CHROMIUM"); p != "" {
		return p
	}
	return "/usr/bin/chromium"
}

// start builds the corpus store, starts the server on a loopback port and
// opens a headless Chromium tab.
func start(t *testing.T) *site {
	t.Helper()
	if testing.Short() {
		t.Skip("browser tests: load the language models and start Chromium")
	}
	chrome := chromiumPath()
	if _, err := os.Stat(chrome); err != nil {
		shareddata.Skip(t, "browser tests need Chromium at %s (Debian package chromium; or set EVENTWIRE_CHROMIUM): %v", chrome, err)
	}
	root := shareddata.Root(t)
	ctx := context.Background()

	db, err := sqlite.Open(ctx, filepath.Join(t.TempDir(), "corpus.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	set, err := builtin.Set()
	if err != nil {
		t.Fatal(err)
	}
	an, err := analyze.New(set, analyze.Options{})
	if err != nil {
		t.Fatal(err)
	}
	gaz, err := geo.Default()
	if err != nil {
		t.Fatal(err)
	}
	// The article page shows each article's knowledge: extract it.
	know, err := gkg.New(gkg.Options{Gazetteer: gaz, Dict: set})
	if err != nil {
		t.Fatal(err)
	}
	now := time.Date(2024, 6, 1, 0, 0, 0, 0, time.UTC)
	if _, err := load.Run(ctx, db, func() load.Analyze { return an.NewWorker().Analyze },
		[]string{filepath.Join(root, "examples", "corpus")},
		load.Options{Workers: 1, Knowledge: know, Run: store.Run{ID: "e2e", Started: now}, Write: store.WriteOptions{Now: now}}); err != nil {
		t.Fatalf("ingesting examples/corpus: %v", err)
	}
	// One hostile article: no source, no date and a javascript: address,
	// which the article page must show as text, never as a link.
	hostile := filepath.Join(t.TempDir(), "hostile.jsonl")
	if err := os.WriteFile(hostile, []byte(`{"id":"hostile","title":"Hostile address","text":"A quiet day in the capital, with nothing to report.","url":"`+hostileURL+`"}`+"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := load.Run(ctx, db, func() load.Analyze { return an.NewWorker().Analyze }, []string{hostile},
		load.Options{Workers: 1, Knowledge: know, Run: store.Run{ID: "e2e-hostile", Started: now}, Write: store.WriteOptions{Now: now}}); err != nil {
		t.Fatalf("ingesting %s: %v", hostile, err)
	}

	srv, err := server.New(server.Options{Store: db, Dict: set, Version: "e2e", UI: ui.FS()})
	if err != nil {
		t.Fatal(err)
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	hs := &http.Server{Handler: srv, ReadHeaderTimeout: 5 * time.Second}
	go hs.Serve(ln)
	t.Cleanup(func() { hs.Close() })

	shots := os.Getenv("EVENTWIRE_SCREENSHOTS")
	if shots == "" {
		shots = t.TempDir()
	} else if err := os.MkdirAll(shots, 0o755); err != nil {
		t.Fatal(err)
	}

	opts := []chromedp.ExecAllocatorOption{
		chromedp.ExecPath(chrome),
		chromedp.Flag("headless", true),
		chromedp.NoSandbox,
		chromedp.DisableGPU,
		chromedp.Flag("disable-quic", true),
		chromedp.NoFirstRun,
		chromedp.NoDefaultBrowserCheck,
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("disable-extensions", true),
		chromedp.Flag("disable-dev-shm-usage", true),
		chromedp.Flag("hide-scrollbars", true),
		chromedp.Flag("mute-audio", true),
		chromedp.UserDataDir(t.TempDir()),
		chromedp.WindowSize(1400, 1000),
	}
	actx, cancelAlloc := chromedp.NewExecAllocator(ctx, opts...)
	tab, cancelTab := chromedp.NewContext(actx)
	t.Cleanup(func() { cancelTab(); cancelAlloc() })

	s := &site{base: "http://" + ln.Addr().String(), tab: tab, shot: shots}
	// Starting the browser is the first action on the tab (without a time
	// limit: that would stop the browser).
	if err := chromedp.Do(tab); err != nil {
		t.Fatalf("starting %s: %v", chrome, err)
	}
	err = chromedp.Listen(tab, func(ev any) {
		var msg string
		switch ev := ev.(type) {
		case *runtime.EventExceptionThrown:
			msg = "exception: " + ev.ExceptionDetails.Text
			if ex := ev.ExceptionDetails.Exception; ex != nil {
				msg += " " + ex.Description
			}
		case *runtime.EventConsoleAPICalled:
			if ev.Type == runtime.ConsoleAPICalledTypeError {
				var parts []string
				for _, a := range ev.Args {
					parts = append(parts, string(a.Value)+a.Description)
				}
				msg = "console.error: " + strings.Join(parts, " ")
			}
		case *log.EventEntryAdded:
			if ev.Entry.Level == log.EntryLevelError {
				msg = fmt.Sprintf("log %s: %s %s", ev.Entry.Source, ev.Entry.Text, ev.Entry.URL)
			}
		}
		if msg != "" {
			s.mu.Lock()
			s.errors = append(s.errors, msg)
			s.mu.Unlock()
		}
	})
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// run runs browser steps with a time limit, failing the test on error.
func (s *site) run(t *testing.T, what string, steps ...chromedp.Action[chromedp.Void]) {
	t.Helper()
	value(t, s, what, chromedp.Steps(steps...))
}

// value runs a browser action with a time limit and returns its value,
// failing the test on error.
func value[T any](t *testing.T, s *site, what string, a chromedp.Action[T]) T {
	t.Helper()
	ctx, cancel := context.WithTimeout(s.tab, 20*time.Second)
	defer cancel()
	v, err := chromedp.Run(ctx, a)
	if err != nil {
		t.Fatalf("%s: %v", what, err)
	}
	return v
}

// poll waits until the JavaScript expression is truthy.
func (s *site) poll(t *testing.T, what, expr string) {
	t.Helper()
	value(t, s, "waiting for "+what, chromedp.Poll[chromedp.Void](expr, chromedp.WithPollingTimeout(15*time.Second)))
}

// open navigates to a route and waits until the page shows its data.
func (s *site) open(t *testing.T, route string) {
	t.Helper()
	// A navigation that changes only the hash keeps the document: clear
	// the mark of the page shown so far.
	s.unready(t)
	s.run(t, "opening "+route, chromedp.Navigate(s.base+"/"+route))
	s.waitReady(t, route)
}

// unready clears the page's ready mark before an action that renders a
// new route, so that waiting for it cannot see the previous page's mark.
func (s *site) unready(t *testing.T) {
	t.Helper()
	var ok bool
	evalTo(t, s, `(() => { const a = document.getElementById('app'); if (a) delete a.dataset.ready; return true })()`, &ok)
}

// waitReady waits until the page of the current hash has rendered its data,
// and fails if it rendered an error.
func (s *site) waitReady(t *testing.T, what string) {
	t.Helper()
	state := value(t, s, "waiting for "+what, chromedp.Poll[string](`(() => { const a = document.getElementById('app'); return a && a.dataset.ready ? a.dataset.ready : false })()`, chromedp.WithPollingTimeout(15*time.Second)))
	if state != "ok" {
		msg := value(t, s, "reading the error", chromedp.Text(chromedp.CSS(".error")))
		t.Fatalf("%s: the page shows an error: %s", what, msg)
	}
}

// evalTo evaluates a JavaScript expression into v.
func evalTo[T any](t *testing.T, s *site, expr string, v *T) {
	t.Helper()
	*v = value(t, s, "evaluating "+expr, chromedp.Evaluate[T](expr))
}

// screenshot saves the viewport as NAME.png.
func (s *site) screenshot(t *testing.T, name string) {
	t.Helper()
	s.run(t, "settling", chromedp.Sleep(700*time.Millisecond))
	png := value(t, s, "screenshot "+name, chromedp.CaptureScreenshot())
	if err := os.WriteFile(filepath.Join(s.shot, name+".png"), png, 0o644); err != nil {
		t.Fatal(err)
	}
}

// noErrors fails the test if the page logged errors (exceptions, failed
// loads, CSP violations).
func (s *site) noErrors(t *testing.T) {
	t.Helper()
	s.mu.Lock()
	defer s.mu.Unlock()
	for _, e := range s.errors {
		t.Errorf("browser: %s", e)
	}
	s.errors = nil
}

// get decodes a JSON API response.
func (s *site) get(t *testing.T, path string, v any) {
	t.Helper()
	res, err := http.Get(s.base + path)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	if res.StatusCode != 200 {
		b, _ := io.ReadAll(res.Body)
		t.Fatalf("GET %s: %d %s", path, res.StatusCode, b)
	}
	if err := json.NewDecoder(res.Body).Decode(v); err != nil {
		t.Fatalf("GET %s: %v", path, err)
	}
}

func (s *site) post(t *testing.T, path string, body, v any) {
	t.Helper()
	b, _ := json.Marshal(body)
	res, err := http.Post(s.base+path, "application/json", strings.NewReader(string(b)))
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	if res.StatusCode != 200 {
		msg, _ := io.ReadAll(res.Body)
		t.Fatalf("POST %s: %d %s", path, res.StatusCode, msg)
	}
	if err := json.NewDecoder(res.Body).Decode(v); err != nil {
		t.Fatalf("POST %s: %v", path, err)
	}
}

type apiEvent struct {
	ID        int64   `json:"id"`
	Source    string  `json:"source"`
	Target    string  `json:"target"`
	Code      string  `json:"code"`
	Goldstein float64 `json:"goldstein"`
	ArticleID string  `json:"article_id"`
	Spans     *struct {
		Source, Target, Verb *struct{ Start, End int }
	} `json:"spans"`
	Rule string `json:"rule"`
}

type eventPage struct {
	Events     []apiEvent `json:"events"`
	NextCursor *string    `json:"next_cursor"`
}

func ids(evs []apiEvent) []int64 {
	out := make([]int64, len(evs))
	for i, e := range evs {
		out[i] = e.ID
	}
	return out
}

// TestInterface walks through every page of the interface in one browser.
func TestInterface(t *testing.T) {
	s := start(t)
	t.Run("explore", s.testExplore)
	t.Run("timeline", s.testTimeline)
	t.Run("map", s.testMap)
	t.Run("article", s.testArticle)
	t.Run("hostile article", s.testHostileArticle)
	t.Run("code", s.testCode)
}

// hostileURL is the address of the hostile article start stores.
const hostileURL = "javascript:alert(document.domain)"

// testHostileArticle: an article address that is not http(s) is shown as
// text, and a byline without source or date has no separator in front.
func (s *site) testHostileArticle(t *testing.T) {
	var arts struct {
		Articles []struct {
			ID  string `json:"id"`
			URL string `json:"url"`
		} `json:"articles"`
	}
	s.get(t, "/api/articles?limit=1000", &arts)
	id := ""
	for _, a := range arts.Articles {
		if a.URL == hostileURL {
			id = a.ID
		}
	}
	if id == "" {
		t.Fatalf("the API lists no article with the address %s", hostileURL)
	}
	s.open(t, "#/article/"+url.PathEscape(id))
	var got struct {
		Links  []string `json:"links"`
		Byline string   `json:"byline"`
	}
	evalTo(t, s, `({links: [...document.querySelectorAll('a[href]')].map(a => a.getAttribute('href')).filter(h => !h.startsWith('#')), byline: document.querySelector('.byline').textContent})`, &got)
	for _, l := range got.Links {
		if !strings.HasPrefix(l, "http://") && !strings.HasPrefix(l, "https://") {
			t.Errorf("link to %q on the page of an article with a hostile address", l)
		}
	}
	if got.Byline != hostileURL {
		t.Errorf("byline %q, want the address as text alone (no source, no date, no separator)", got.Byline)
	}
}

// rowIDs are the event ids of the explorer's table rows.
const rowIDs = `[...document.querySelectorAll('#events tbody tr[data-id]')].map(r => Number(r.dataset.id))`

func (s *site) testExplore(t *testing.T) {
	var all eventPage
	s.get(t, "/api/events?sort=-date&limit=50", &all)
	if len(all.Events) == 0 {
		t.Fatal("the corpus store has no events")
	}
	s.open(t, "#/explore")
	var got []int64
	evalTo(t, s, rowIDs, &got)
	if fmt.Sprint(got) != fmt.Sprint(ids(all.Events)) {
		t.Errorf("explorer rows %v, API %v", got, ids(all.Events))
	}
	s.screenshot(t, "explore")

	// The recent articles under the table are the API's.
	var arts struct {
		Articles []struct{ ID string } `json:"articles"`
	}
	s.get(t, "/api/articles?limit=20", &arts)
	var artLinks []string
	evalTo(t, s, `[...document.querySelectorAll('#articles a')].map(a => decodeURIComponent(a.getAttribute('href').replace('#/article/', '')))`, &artLinks)
	var wantArts []string
	for _, a := range arts.Articles {
		wantArts = append(wantArts, a.ID)
	}
	if len(wantArts) == 0 || fmt.Sprint(artLinks) != fmt.Sprint(wantArts) {
		t.Errorf("recent articles %v, API %v", artLinks, wantArts)
	}

	// A bad parameter shows the API's error, naming the parameter.
	s.noErrors(t)
	s.unready(t)
	s.run(t, "opening a bad filter", chromedp.Navigate(s.base+"/#/explore?quad=9"))
	state := value(t, s, "waiting for the error", chromedp.Poll[string](`document.getElementById('app').dataset.ready || false`, chromedp.WithPollingTimeout(15*time.Second)))
	msg := value(t, s, "reading the error", chromedp.Text(chromedp.CSS(".error")))
	if state != "error" || !strings.HasPrefix(msg, "quad: ") || strings.Contains(msg, "quad: quad:") {
		t.Errorf("quad=9: page state %q, message %q", state, msg)
	}
	s.mu.Lock()
	s.errors = nil // the browser logs the failed request (HTTP 400)
	s.mu.Unlock()
	s.open(t, "#/explore")

	// Apply a filter through the form: the table shows the API's rows for it.
	var want eventPage
	s.get(t, "/api/events?actor=RUS&sort=-date&limit=50", &want)
	if len(want.Events) == 0 || len(want.Events) == len(all.Events) {
		t.Fatalf("filter actor=RUS selects %d of %d events: not a useful test", len(want.Events), len(all.Events))
	}
	s.unready(t)
	s.run(t, "filtering by actor", chromedp.SetValue(chromedp.CSS("#f-actor"), "RUS"), chromedp.Click(chromedp.CSS("#apply")))
	s.poll(t, "waiting for the filtered table", `location.hash.includes('actor=RUS') && document.getElementById('app').dataset.ready === 'ok'`)
	evalTo(t, s, rowIDs, &got)
	if fmt.Sprint(got) != fmt.Sprint(ids(want.Events)) {
		t.Errorf("filtered rows %v, API %v", got, ids(want.Events))
	}
	// The CSV link asks the API for the same rows.
	var csvHref string
	evalTo(t, s, `document.getElementById('csv').getAttribute('href')`, &csvHref)
	u, err := url.Parse(csvHref)
	if err != nil || u.Path != "/api/events" || u.Query().Get("format") != "csv" || u.Query().Get("actor") != "RUS" {
		t.Errorf("CSV link %q", csvHref)
	} else {
		res, err := http.Get(s.base + csvHref)
		if err != nil {
			t.Fatal(err)
		}
		b, _ := io.ReadAll(res.Body)
		res.Body.Close()
		if rows := strings.Count(strings.TrimSpace(string(b)), "\n"); res.StatusCode != 200 || rows != len(want.Events) {
			t.Errorf("CSV: %d, %d rows for %d events", res.StatusCode, rows, len(want.Events))
		}
	}

	// Sort by Goldstein, descending: the header link re-queries the API.
	s.get(t, "/api/events?actor=RUS&sort=-goldstein&limit=50", &want)
	s.unready(t)
	s.run(t, "sorting", chromedp.Click(chromedp.CSS(`th[data-sort="goldstein"] a`)))
	s.poll(t, "waiting for the sorted table", `location.hash.includes('sort=-goldstein') && document.getElementById('app').dataset.ready === 'ok'`)
	evalTo(t, s, rowIDs, &got)
	if fmt.Sprint(got) != fmt.Sprint(ids(want.Events)) {
		t.Errorf("sorted rows %v, API %v", got, ids(want.Events))
	}
	s.noErrors(t)
}

// chartDrawn reports whether the element holds an ECharts canvas with
// at least min painted (non-white, non-transparent) pixels.
func chartDrawn(sel string, min int) string {
	return fmt.Sprintf(`(() => {
  const c = document.querySelector(%q);
  if (!c) return false;
  const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
  let n = 0;
  for (let i = 0; i < d.length; i += 4) if (d[i+3] > 0 && (d[i] < 235 || d[i+1] < 235 || d[i+2] < 235)) n++;
  return n >= %d;
})()`, sel+" canvas", min)
}

func (s *site) testTimeline(t *testing.T) {
	var series struct {
		Points []struct {
			Date  string `json:"date"`
			Count int    `json:"count"`
		} `json:"points"`
	}
	s.get(t, "/api/series?actor=RUS&interval=month", &series)
	total := 0
	for _, p := range series.Points {
		total += p.Count
	}
	if total == 0 {
		t.Fatal("no RUS events in the series")
	}
	s.open(t, "#/timeline?actor=RUS&interval=month")
	var got struct{ Points, Total int }
	evalTo(t, s, `(() => { const e = document.getElementById('series-summary'); return {Points: +e.dataset.points, Total: +e.dataset.total} })()`, &got)
	if got.Points != len(series.Points) || got.Total != total {
		t.Errorf("timeline shows %d points, %d events; API %d, %d", got.Points, got.Total, len(series.Points), total)
	}
	s.poll(t, "waiting for the chart", chartDrawn("#timeline-chart", 2000))
	s.screenshot(t, "timeline")

	// A dyad: the events between ARM and AZE in either direction.
	want := 0
	var cursor string
	for {
		var page eventPage
		s.get(t, "/api/events?actor=ARM&limit=200"+cursor, &page)
		for _, e := range page.Events {
			if (strings.HasPrefix(e.Source, "ARM") && strings.HasPrefix(e.Target, "AZE")) || (strings.HasPrefix(e.Source, "AZE") && strings.HasPrefix(e.Target, "ARM")) {
				want++
			}
		}
		if page.NextCursor == nil {
			break
		}
		cursor = "&cursor=" + url.QueryEscape(*page.NextCursor)
	}
	if want == 0 {
		t.Fatal("no ARM–AZE events in the corpus")
	}
	s.open(t, "#/timeline?dyad_a=ARM&dyad_b=AZE&interval=month")
	evalTo(t, s, `(() => { const e = document.getElementById('series-summary'); return {Points: +e.dataset.points, Total: +e.dataset.total} })()`, &got)
	if got.Total != want {
		t.Errorf("dyad timeline counts %d events, the API lists %d", got.Total, want)
	}
	s.poll(t, "waiting for the dyad chart", chartDrawn("#timeline-chart", 1000))
	s.noErrors(t)
}

func (s *site) testMap(t *testing.T) {
	var countries struct {
		Countries []struct{ Numeric string } `json:"countries"`
	}
	var places struct {
		Places []struct{ Name string } `json:"places"`
	}
	s.get(t, "/api/countries", &countries)
	s.get(t, "/api/places?limit=500", &places)
	if len(countries.Countries) == 0 || len(places.Places) == 0 {
		t.Fatalf("API: %d countries, %d places", len(countries.Countries), len(places.Places))
	}
	s.open(t, "#/map")
	var got struct{ Countries, Places, Shaded int }
	evalTo(t, s, `(() => { const e = document.getElementById('map-summary'); return {Countries: +e.dataset.countries, Places: +e.dataset.places, Shaded: +e.dataset.shaded} })()`, &got)
	if got.Countries != len(countries.Countries) || got.Places != len(places.Places) {
		t.Errorf("map shows %d countries and %d places; API %d and %d", got.Countries, got.Places, len(countries.Countries), len(places.Places))
	}
	// Every country with a numeric code on the 1:110m map is shaded; a few
	// small states (e.g. Singapore) are not on it.
	if got.Shaded < len(countries.Countries)*3/4 {
		t.Errorf("%d of %d countries matched a shape by ISO numeric id", got.Shaded, len(countries.Countries))
	}
	s.poll(t, "waiting for the map", chartDrawn("#map-chart", 20000))
	s.screenshot(t, "map")

	// Shading by Goldstein redraws the same countries.
	s.open(t, "#/map?metric=goldstein")
	s.poll(t, "waiting for the Goldstein map", chartDrawn("#map-chart", 20000))
	s.noErrors(t)
}

// spanTexts returns, for each event key and role, the text of the marks
// that carry the key: what a reader sees highlighted.
const spanTexts = `(() => {
  const out = {};
  for (const role of ['source', 'target', 'verb']) {
    for (const m of document.querySelectorAll('#doc-text mark.span-' + role)) {
      for (const k of m.dataset[role].split(' ')) {
        out[k] ??= {};
        out[k][role] = (out[k][role] ?? '') + m.textContent;
      }
    }
  }
  return out;
})()`

// eventKeys names the events as the page does in its data attributes: the
// store id, with ".2", ".3"... on later entries of the same event; the
// 1-based position for a coded text's events (id 0).
func eventKeys(evs []apiEvent) []string {
	keys := make([]string, len(evs))
	seen := map[int64]int{}
	for i, e := range evs {
		switch {
		case e.ID == 0:
			keys[i] = fmt.Sprint(i + 1)
		case seen[e.ID] == 0:
			keys[i] = fmt.Sprint(e.ID)
		default:
			keys[i] = fmt.Sprintf("%d.%d", e.ID, seen[e.ID]+1)
		}
		seen[e.ID]++
	}
	return keys
}

// wantSpans computes the highlighted texts from the byte offsets in Go.
func wantSpans(t *testing.T, text string, evs []apiEvent) map[string]map[string]string {
	want := map[string]map[string]string{}
	keys := eventKeys(evs)
	n := 0
	for i, e := range evs {
		if e.Spans == nil {
			continue
		}
		for role, sp := range map[string]*struct{ Start, End int }{"source": e.Spans.Source, "target": e.Spans.Target, "verb": e.Spans.Verb} {
			if sp == nil || sp.Start < 0 || sp.End <= sp.Start {
				continue
			}
			if sp.End > len(text) {
				t.Fatalf("event %d: %s span %d:%d past the text (%d bytes)", e.ID, role, sp.Start, sp.End, len(text))
			}
			k := keys[i]
			if want[k] == nil {
				want[k] = map[string]string{}
			}
			want[k][role] = text[sp.Start:sp.End]
			n++
		}
	}
	if n == 0 {
		t.Fatal("no event has a span")
	}
	return want
}

func (s *site) testArticle(t *testing.T) {
	// The article of the most reported event.
	var page eventPage
	s.get(t, "/api/events?sort=-mentions&limit=1", &page)
	if len(page.Events) == 0 {
		t.Fatal("no events")
	}
	id := page.Events[0].ArticleID
	var art struct {
		Article   struct{ Title, Text string }
		Events    []apiEvent
		Knowledge *struct {
			Entities []struct{ Text, Canonical string }
			Themes   []struct{ Theme string }
			Tone     *struct {
				WordCount int `json:"word_count"`
			}
		}
	}
	s.get(t, "/api/articles/"+url.PathEscape(id), &art)
	want := wantSpans(t, art.Article.Text, art.Events)

	// Open it from the explorer, as a reader would.
	s.open(t, "#/explore?sort=-mentions")
	s.unready(t)
	s.run(t, "opening the article", chromedp.Click(chromedp.CSS(`#events tbody tr[data-id] a.sentence`)))
	s.poll(t, "waiting for the article", `location.hash.startsWith('#/article/') && document.getElementById('app').dataset.ready === 'ok'`)
	var title string
	title = value(t, s, "title", chromedp.Text(chromedp.CSS("#article-title")))
	if title != art.Article.Title {
		t.Errorf("title %q, want %q", title, art.Article.Title)
	}
	var got map[string]map[string]string
	evalTo(t, s, spanTexts, &got)
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("highlighted spans\n got %v\nwant %v", got, want)
	}
	// Each event shows the rule that fired.
	var rules []string
	evalTo(t, s, `[...document.querySelectorAll('#article-events code.rule')].map(e => e.textContent)`, &rules)
	var wantRules []string
	for _, e := range art.Events {
		if e.Rule != "" {
			wantRules = append(wantRules, e.Rule)
		}
	}
	if fmt.Sprint(rules) != fmt.Sprint(wantRules) {
		t.Errorf("rules %v, want %v", rules, wantRules)
	}
	// Clicking an event focuses its spans.
	key := eventKeys(art.Events)[0]
	var on []string
	s.run(t, "focusing an event", chromedp.Click(chromedp.CSS(fmt.Sprintf(`li[data-event="%s"]`, key))))
	evalTo(t, s, `[...document.querySelectorAll('#doc-text mark.on')].map(m => m.textContent)`, &on)
	if len(on) == 0 {
		t.Errorf("clicking event %s marks none of its spans", key)
	}
	// The knowledge panel lists the article's entities and themes and its tone.
	if art.Knowledge == nil || art.Knowledge.Tone == nil || len(art.Knowledge.Entities) == 0 {
		t.Fatalf("the API returns no knowledge for article %s", id)
	}
	var panel struct {
		Entities []string
		Themes   []string
		Tone     string
	}
	evalTo(t, s, `({Entities: [...document.querySelectorAll('#entities .entity')].map(e => e.textContent),
		Themes: [...document.querySelectorAll('#themes .tag')].map(e => e.textContent.replace(/ ×\d+$/, '')),
		Tone: document.getElementById('tone')?.textContent ?? ''})`, &panel)
	shown := map[string]bool{}
	for _, e := range panel.Entities {
		shown[e] = true
	}
	for _, e := range art.Knowledge.Entities {
		name := e.Canonical
		if name == "" {
			name = e.Text
		}
		if !shown[name] {
			t.Errorf("entity %q not in the knowledge panel %q", name, panel.Entities)
		}
	}
	themes := map[string]bool{}
	for _, th := range art.Knowledge.Themes {
		themes[th.Theme] = true
	}
	if len(panel.Themes) != len(themes) {
		t.Errorf("themes shown %q, the article has %d distinct", panel.Themes, len(themes))
	}
	if want := fmt.Sprintf("%d words", art.Knowledge.Tone.WordCount); !strings.Contains(panel.Tone, want) {
		t.Errorf("tone %q lacks %q", panel.Tone, want)
	}
	s.run(t, "unfocusing", chromedp.Click(chromedp.CSS(fmt.Sprintf(`li[data-event="%s"]`, key))))
	s.screenshot(t, "article")
	s.noErrors(t)
}

// codeText has multi-byte characters (an emoji outside the BMP, a curly
// quote, letters with diacritics) before its spans, so byte offsets, UTF-16
// indexes and code points all differ.
const codeText = "🌍 Türkiye’s President Recep Tayyip Erdoğan accused Greece of provocations on Monday. " +
	"Armenia accused Azerbaijan of blocking the Lachin corridor, while Baku rejected the accusation."

func (s *site) testCode(t *testing.T) {
	var res struct {
		Events    []apiEvent
		Sentences []struct {
			Tokens []struct{ ID, Head int }
		}
		Explain string
	}
	s.post(t, "/api/code", map[string]string{"text": codeText, "date": "2024-03-04"}, &res)
	if len(res.Events) == 0 {
		t.Fatal("the API codes no event from the test text")
	}
	want := wantSpans(t, codeText, res.Events)

	s.open(t, "#/code")
	s.run(t, "coding a text",
		chromedp.SetValue(chromedp.CSS("#code-text"), codeText),
		chromedp.SetValue(chromedp.CSS("#code-date"), "2024-03-04"),
		chromedp.Click(chromedp.CSS("#code-submit")))
	state := value(t, s, "waiting for the coding", chromedp.Poll[string](`document.getElementById('code-result').dataset.ready || false`, chromedp.WithPollingTimeout(15*time.Second)))
	if state != "ok" {
		var msg string
		msg = value(t, s, "error", chromedp.Text(chromedp.CSS("#code-result")))
		t.Fatalf("coding failed in the page: %s", msg)
	}
	var n int
	evalTo(t, s, `document.querySelectorAll('#code-events li.event').length`, &n)
	if n != len(res.Events) {
		t.Errorf("%d events shown, the API codes %d", n, len(res.Events))
	}
	var got map[string]map[string]string
	evalTo(t, s, spanTexts, &got)
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("highlighted spans\n got %v\nwant %v", got, want)
	}
	// One tree per sentence, one arc per word (the root's included).
	var trees []struct{ Arcs, Words int }
	evalTo(t, s, `[...document.querySelectorAll('#trees svg.deptree')].map(g => ({Arcs: g.querySelectorAll('path.arc').length, Words: g.querySelectorAll('text.form').length}))`, &trees)
	if len(trees) != len(res.Sentences) {
		t.Fatalf("%d trees for %d sentences", len(trees), len(res.Sentences))
	}
	for i, tr := range trees {
		if w := len(res.Sentences[i].Tokens); tr.Words != w || tr.Arcs != w {
			t.Errorf("sentence %d: tree with %d words and %d arcs, want %d of each", i+1, tr.Words, tr.Arcs, w)
		}
	}
	var explain string
	explain = value(t, s, "explanation", chromedp.Text(chromedp.CSS("#explain")))
	if strings.TrimSpace(explain) == "" || strings.TrimSpace(explain) != strings.TrimSpace(res.Explain) {
		t.Errorf("explanation shown %q, API %q", trunc(explain), trunc(res.Explain))
	}
	s.screenshot(t, "code")
	s.noErrors(t)
}

func trunc(s string) string {
	if len(s) > 200 {
		return s[:200] + "…"
	}
	return s
}
