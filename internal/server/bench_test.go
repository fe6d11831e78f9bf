package server

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"math/rand/v2"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/eventwire/eventwire/internal/cameo"
	"github.com/eventwire/eventwire/internal/dedup"
	"github.com/eventwire/eventwire/internal/event"
	"github.com/eventwire/eventwire/internal/gkg"
	"github.com/eventwire/eventwire/internal/shareddata"
	"github.com/eventwire/eventwire/internal/store"
	"github.com/eventwire/eventwire/internal/store/postgres"
	"github.com/eventwire/eventwire/internal/store/sqlite"
)

// The generated benchmark store. benchGenVersion names the generator: a
// change to genStore must change it, so that a cached store built by an
// older generator is not reused.
const (
	benchGenVersion = 1
	benchEvents     = 1_000_000
	benchPerArticle = 4
)

var (
	benchOnce sync.Once
	benchDB   store.Store
	benchErr  error
	// benchSize is the number of generated events in the benchmark store.
	benchSize = benchEvents
)

// benchPostgres is the PostgreSQL database the benchmarks use instead of
// the SQLite file, from $EVENTWIRE_SERVE_BENCH_PG (a postgres:// URL of an
// existing database); the generated events are written into it when it
// holds none. $EVENTWIRE_SERVE_BENCH_EVENTS sets how many (default
// benchEvents) for a database built that way.
func benchPostgres() string { return os.Getenv("EVENTWIRE_SERVE_BENCH_PG") }

// benchPostgresStore opens the PostgreSQL benchmark store, writing the
// generated events into it first when it has none.
func benchPostgresStore(ctx context.Context, b *testing.B, dsn string) (store.Store, error) {
	db, err := postgres.Open(ctx, dsn)
	if err != nil {
		return nil, err
	}
	st, err := db.Stats(ctx)
	if err != nil {
		db.Close()
		return nil, err
	}
	if st.Events > 0 {
		benchSize = int(st.Events)
		return db, nil
	}
	n := benchEvents
	if v := os.Getenv("EVENTWIRE_SERVE_BENCH_EVENTS"); v != "" {
		if _, err := fmt.Sscan(v, &n); err != nil || n <= 0 {
			db.Close()
			return nil, fmt.Errorf("EVENTWIRE_SERVE_BENCH_EVENTS %q: want a count of events", v)
		}
	}
	start := time.Now()
	if err := genStore(ctx, db, n); err != nil {
		db.Close()
		return nil, err
	}
	benchSize = n
	b.Logf("built the %d-event PostgreSQL store in %s", n, time.Since(start).Round(time.Second))
	return db, nil
}

// benchStorePath is where the generated store is cached between runs:
// $EVENTWIRE_SERVE_BENCH_DB, else a file under os.TempDir named by the
// generator version and size.
func benchStorePath() string {
	if p := os.Getenv("EVENTWIRE_SERVE_BENCH_DB"); p != "" {
		return p
	}
	return filepath.Join(os.TempDir(), fmt.Sprintf("eventwire-serve-bench-v%d-%d.db", benchGenVersion, benchEvents))
}

// benchStore opens the cached generated store, building it first (through
// store.Writer, as ingest writes, so mentions, sentences, the full-text
// index and article knowledge are all there) when it is missing. A build
// interrupted midway leaves no file: it is written under a temporary name
// and renamed when complete.
func benchStore(b *testing.B) store.Store {
	benchOnce.Do(func() {
		ctx := context.Background()
		if dsn := benchPostgres(); dsn != "" {
			benchDB, benchErr = benchPostgresStore(ctx, b, dsn)
			return
		}
		path := benchStorePath()
		if _, err := os.Stat(path); err != nil {
			tmp := path + ".building"
			os.Remove(tmp)
			os.Remove(tmp + "-wal")
			os.Remove(tmp + "-shm")
			start := time.Now()
			db, err := sqlite.Open(ctx, tmp)
			if err != nil {
				benchErr = err
				return
			}
			if err := genStore(ctx, db, benchEvents); err != nil {
				db.Close()
				benchErr = err
				return
			}
			if err := db.Close(); err != nil {
				benchErr = err
				return
			}
			if benchErr = os.Rename(tmp, path); benchErr != nil {
				return
			}
			b.Logf("built the %d-event store %s in %s", benchEvents, path, time.Since(start).Round(time.Second))
		}
		benchDB, benchErr = sqlite.Open(ctx, path)
	})
	if benchErr != nil {
		b.Fatal(benchErr)
	}
	return benchDB
}

// benchVocab is what generated events are made of: 50 real countries
// (with ISO numeric codes), 200 actor codes, 60 real CAMEO event codes, 500
// places, 100 themes, 1,095 days from 2022-01-01.
type benchVocab struct {
	countries []cameo.Country
	actors    []string
	codes     []string
	places    []event.Geo
	themes    []string
	words     []string
}

// benchCountries are the 50 countries of generated events.
const benchCountries = `USA CHN RUS FRA GBR DEU IND PAK AFG IRN IRQ SYR ISR TUR EGY LBY SDN SSD ETH SOM KEN NGA MLI COD ZAF
	UKR POL BLR GEO ARM AZE KAZ JPN KOR PRK TWN PHL IDN MMR THA VNM AUS BRA ARG COL VEN MEX CUB CAN YEM`

func newBenchVocab() benchVocab {
	var v benchVocab
	for _, iso := range strings.Fields(benchCountries) {
		c, ok := cameo.CountryByISO3(iso)
		if !ok || c.FIPS == "" || isoNumeric[iso] == "" {
			panic("bench vocabulary: country " + iso)
		}
		v.countries = append(v.countries, c)
	}
	roles := []string{"", "GOV", "MIL", "REB", "COP", "OPP"}
	for i := range 200 {
		v.actors = append(v.actors, v.countries[i%50].Code+roles[i%len(roles)])
	}
	var all []string
	for c := range cameo.EventCodes() {
		if len(c.Code) == 3 {
			all = append(all, c.Code)
		}
	}
	for i := range 60 {
		v.codes = append(v.codes, all[i*len(all)/60])
	}
	r := rand.New(rand.NewPCG(11, 12))
	for i := range 500 {
		c := v.countries[i%50]
		v.places = append(v.places, event.Geo{Type: 4, FullName: fmt.Sprintf("Town%03d, Province, %s", i, c.Name),
			CountryISO: c.ISO3, CountryFIPS: c.FIPS, Lat: -60 + 120*r.Float64(), Lon: -180 + 360*r.Float64(),
			FeatureID: fmt.Sprint(100000 + i)})
	}
	for i := range 100 {
		v.themes = append(v.themes, fmt.Sprintf("THEME%02d", i))
	}
	v.words = strings.Fields(`army talks border treaty minister president police court sanctions protest capital
		city north south river bridge election vote parliament leader envoy aid food water fuel market bank trade deal
		ceasefire troops rebels village region province harbour airport summit visit statement report officials week`)
	return v
}

// genStore writes n generated events into db, benchPerArticle per
// article, 500 articles per transaction.
func genStore(ctx context.Context, db store.Writer, n int) error {
	v := newBenchVocab()
	r := rand.New(rand.NewPCG(1, 2))
	day0 := time.Date(2022, 1, 1, 0, 0, 0, 0, time.UTC)
	now := time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC)
	batch := &store.Batch{Run: store.Run{ID: "bench", Started: now}}
	var sb strings.Builder
	for a := 0; a*benchPerArticle < n; a++ {
		published := day0.AddDate(0, 0, r.IntN(1095))
		sb.Reset()
		evs := make([]event.Event, 0, benchPerArticle)
		var sents []store.Sentence
		for k := 0; k < benchPerArticle; k++ {
			src, tgt := v.actors[r.IntN(len(v.actors))], v.actors[r.IntN(len(v.actors))]
			code := v.codes[r.IntN(len(v.codes))]
			g := v.places[r.IntN(len(v.places))]
			start := sb.Len()
			srcName := "Officials of " + src
			sb.WriteString(srcName)
			vs := sb.Len() + 1
			sb.WriteString(" acted against ")
			ts := sb.Len()
			tgtName := "people of " + tgt
			sb.WriteString(tgtName)
			fmt.Fprintf(&sb, " in %s", strings.SplitN(g.FullName, ",", 2)[0])
			for range 6 + r.IntN(8) {
				sb.WriteByte(' ')
				sb.WriteString(v.words[r.IntN(len(v.words))])
			}
			fmt.Fprintf(&sb, " report %d.", a*benchPerArticle+k)
			end := sb.Len()
			sb.WriteByte(' ')
			sents = append(sents, store.Sentence{Start: start, End: end})
			e := event.Event{Sentence: k + 1, Source: src, Target: tgt, Code: code,
				Date:       published.AddDate(0, 0, -r.IntN(3)).Format("2006-01-02"),
				SourceSpan: event.Span{Start: start, End: start + len(srcName), First: 1, Last: 3, Text: srcName},
				VerbSpan:   event.Span{Start: vs, End: vs + 5, First: 4, Last: 4},
				TargetSpan: event.Span{Start: ts, End: ts + len(tgtName), First: 6, Last: 8, Text: tgtName},
				Rule:       "bench.ewd:1", ActionGeo: &g}
			if err := event.Complete(&e); err != nil {
				return err
			}
			evs = append(evs, e)
		}
		text := strings.TrimSpace(sb.String())
		url := fmt.Sprintf("https://bench%d.example/%d", a%40, a)
		id := dedup.ArticleID(url, text)
		for k := range evs {
			evs[k].DocID, evs[k].URL = id, url
			evs[k].Text = text[sents[k].Start:sents[k].End]
		}
		h, words := dedup.SimHash(text)
		kn := &gkg.Record{Tone: gkg.Tone{Tone: float64(r.IntN(201)-100) / 10}}
		for range 3 {
			th := v.themes[min(int(r.ExpFloat64()*12), len(v.themes)-1)]
			kn.Themes = append(kn.Themes, gkg.Theme{Theme: th})
		}
		batch.Articles = append(batch.Articles, store.Article{ID: id, URL: url, CanonicalURL: dedup.CanonicalURL(url),
			Title: fmt.Sprintf("Report %d", a), Source: fmt.Sprintf("bench%d.example", a%40), Published: published,
			Text: text, SimHash: h, Words: words, Origin: "bench", Sentences: sents, Events: evs, Analyzed: true, Knowledge: kn})
		if len(batch.Articles) == 500 || (a+1)*benchPerArticle >= n {
			if _, err := db.Write(ctx, batch, store.WriteOptions{NearDistance: -1, Now: now}); err != nil {
				return fmt.Errorf("writing generated articles: %w", err)
			}
			batch.Articles = batch.Articles[:0]
		}
	}
	return nil
}

// benchQueries are the explorer's typical requests: the first page of the
// event table (unfiltered, by actor, by code and quad class, by country
// and date range, by theme, by words; sorted by date or mentions), the
// timeline (by day, week and month; all events, an actor, an actor and a
// code, a country), the map (countries, places in a date range) and top
// dyads. Each request draws its actor, country, code, theme and dates at
// random, so that the store's aggregation cache seldom answers: the
// figures are those of queries the store has not seen.
var benchQueries = []struct {
	name   string
	target func(v *benchVocab, r *rand.Rand) string
}{
	{"events-first-page", func(v *benchVocab, r *rand.Rand) string { return "/api/events?limit=50" }},
	{"events-by-date", func(v *benchVocab, r *rand.Rand) string { return "/api/events?sort=-date&limit=50" }},
	{"events-actor", func(v *benchVocab, r *rand.Rand) string {
		return "/api/events?sort=-date&limit=50&actor=" + v.actors[r.IntN(len(v.actors))]
	}},
	{"events-code-quad", func(v *benchVocab, r *rand.Rand) string {
		root := 1 + r.IntN(20)
		return fmt.Sprintf("/api/events?code=%02d&quad=%d&limit=50", root, quadOf(root))
	}},
	{"events-country-range", func(v *benchVocab, r *rand.Rand) string {
		return "/api/events?sort=-mentions&limit=50&country=" + v.country(r) + v.dates(r)
	}},
	{"events-theme", func(v *benchVocab, r *rand.Rand) string {
		return "/api/events?limit=50&theme=" + v.themes[r.IntN(20)]
	}},
	{"events-text-rare", func(v *benchVocab, r *rand.Rand) string {
		// A word of one sentence (each ends with its report number): the
		// usual search, for a name or a rare term.
		return fmt.Sprintf("/api/events?limit=50&q=%d", r.IntN(benchSize))
	}},
	{"events-text-common", func(v *benchVocab, r *rand.Rand) string {
		// Two of the 48 filler words, each in about a quarter of the
		// sentences: the worst case of this generator.
		return "/api/events?limit=50&q=" + v.words[r.IntN(len(v.words))] + "+" + v.words[r.IntN(len(v.words))]
	}},
	{"series-month-all", func(v *benchVocab, r *rand.Rand) string { return "/api/series?interval=month" + v.dates(r) }},
	{"series-week-all", func(v *benchVocab, r *rand.Rand) string { return "/api/series?interval=week" + v.dates(r) }},
	{"series-day-actor", func(v *benchVocab, r *rand.Rand) string {
		return "/api/series?interval=day&actor=" + v.actors[r.IntN(len(v.actors))] + v.dates(r)
	}},
	{"series-week-country-actor-code", func(v *benchVocab, r *rand.Rand) string {
		return fmt.Sprintf("/api/series?interval=week&actor=%s&code=%02d", v.country(r), 1+r.IntN(20))
	}},
	{"series-month-country", func(v *benchVocab, r *rand.Rand) string {
		return "/api/series?interval=month&country=" + v.country(r) + v.dates(r)
	}},
	{"countries-range", func(v *benchVocab, r *rand.Rand) string { return "/api/countries?" + v.dates(r)[1:] }},
	{"countries-quad-range", func(v *benchVocab, r *rand.Rand) string {
		return fmt.Sprintf("/api/countries?quad=%d%s", 1+r.IntN(4), v.dates(r))
	}},
	{"places-range", func(v *benchVocab, r *rand.Rand) string { return "/api/places?limit=500" + v.dates(r) }},
	{"dyads-range", func(v *benchVocab, r *rand.Rand) string { return "/api/dyads?" + v.dates(r)[1:] }},
	{"dyads-actor", func(v *benchVocab, r *rand.Rand) string {
		return "/api/dyads?actor=" + v.actors[r.IntN(len(v.actors))]
	}},
}

// quadOf is the quad class of a CAMEO root code.
func quadOf(root int) int {
	switch {
	case root <= 5:
		return 1
	case root <= 9:
		return 2
	case root <= 14:
		return 3
	}
	return 4
}

// country draws a country of the vocabulary.
func (v *benchVocab) country(r *rand.Rand) string { return v.countries[r.IntN(len(v.countries))].ISO3 }

// dates draws a date range of one to twelve months within the three
// generated years, as "&from=…&to=…".
func (v *benchVocab) dates(r *rand.Rand) string {
	from := time.Date(2022, 1, 1, 0, 0, 0, 0, time.UTC).AddDate(0, 0, r.IntN(1000))
	to := from.AddDate(0, 1+r.IntN(12), 0)
	return "&from=" + from.Format("2006-01-02") + "&to=" + to.Format("2006-01-02")
}

// BenchmarkServe1M times the explorer's typical requests through the whole
// handler (parameters, store, JSON) on a store of a million events, and
// reports the median and 95th percentile latency of each.
func BenchmarkServe1M(b *testing.B) {
	db := benchStore(b)
	s, err := New(Options{Store: db, Version: "bench", RequestTimeout: time.Minute, CacheTTL: -1})
	if err != nil {
		b.Fatal(err)
	}
	v := newBenchVocab()
	for _, q := range benchQueries {
		b.Run(q.name, func(b *testing.B) {
			b.ReportAllocs()
			var lat []time.Duration
			rnd := rand.New(rand.NewPCG(3, uint64(len(q.name))))
			for b.Loop() {
				target := q.target(&v, rnd)
				start := time.Now()
				r := httptest.NewRequest("GET", target, nil)
				w := httptest.NewRecorder()
				s.ServeHTTP(w, r)
				lat = append(lat, time.Since(start))
				if w.Code != 200 {
					b.Fatalf("%s: %d %s", target, w.Code, w.Body)
				}
				if w.Body.Len() < 40 {
					b.Fatalf("%s: empty answer %s", target, w.Body)
				}
			}
			slices.Sort(lat)
			b.ReportMetric(pct(lat, 50).Seconds()*1000, "p50-ms")
			b.ReportMetric(pct(lat, 95).Seconds()*1000, "p95-ms")
		})
	}
}

func pct(sorted []time.Duration, p int) time.Duration {
	if len(sorted) == 0 {
		return 0
	}
	i := (len(sorted)*p + 99) / 100
	return sorted[min(max(i-1, 0), len(sorted)-1)]
}

// loadClients and loadRequests bound the load test.
const (
	loadClients  = 200
	loadRequests = 20_000
)

// BenchmarkServeLoad runs a bounded load test on loopback: 200 concurrent
// clients send 20,000 requests in all to a real HTTP server over the
// million-event store, and it reports throughput, p50/p99 latency and
// errors, failing on any error. The requests are the explorer's views as
// users open them: the typical queries with one fixed draw of their
// parameters, as when many people look at the same dashboard, so that
// after the first computation the server's response cache (and the
// store's aggregation cache) answer them within their TTL; the latency of
// queries nobody asked before is BenchmarkServe1M's. With
// $EVENTWIRE_LOAD_FRESH=N, one request in N draws new parameters instead.
// Each iteration is one whole load test; run it with -benchtime=1x.
func BenchmarkServeLoad(b *testing.B) {
	db := benchStore(b)
	s, err := New(Options{Store: db, Version: "bench"})
	if err != nil {
		b.Fatal(err)
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		b.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- s.Serve(ctx, ln) }()
	defer func() {
		cancel()
		if err := <-done; err != nil {
			b.Error(err)
		}
	}()
	base := "http://" + ln.Addr().String()
	v := newBenchVocab()
	var fresh int64
	if v := os.Getenv("EVENTWIRE_LOAD_FRESH"); v != "" {
		if _, err := fmt.Sscan(v, &fresh); err != nil || fresh < 1 {
			b.Fatalf("EVENTWIRE_LOAD_FRESH=%q: want a positive integer", v)
		}
	}
	views := make([]string, len(benchQueries))
	fixed := rand.New(rand.NewPCG(9, 9))
	for i, q := range benchQueries {
		views[i] = q.target(&v, fixed)
	}
	client := &http.Client{Transport: &http.Transport{MaxIdleConnsPerHost: loadClients, MaxConnsPerHost: loadClients},
		Timeout: time.Minute}
	for b.Loop() {
		var next, errs atomic.Int64
		lat := make([][]time.Duration, loadClients)
		var firstErr atomic.Value
		start := time.Now()
		var wg sync.WaitGroup
		for c := range loadClients {
			wg.Add(1)
			go func() {
				defer wg.Done()
				rnd := rand.New(rand.NewPCG(5, uint64(c)))
				for {
					i := next.Add(1) - 1
					if i >= loadRequests {
						return
					}
					k := int(i) % len(benchQueries)
					target := views[k]
					if fresh > 0 && i%fresh == fresh-1 {
						target = benchQueries[k].target(&v, rnd)
					}
					t0 := time.Now()
					resp, err := client.Get(base + target)
					if err == nil {
						_, err = io.Copy(io.Discard, resp.Body)
						resp.Body.Close()
						if err == nil && resp.StatusCode != 200 {
							err = fmt.Errorf("%s: status %d", target, resp.StatusCode)
						}
					}
					lat[c] = append(lat[c], time.Since(t0))
					if err != nil {
						errs.Add(1)
						firstErr.CompareAndSwap(nil, err)
					}
				}
			}()
		}
		wg.Wait()
		elapsed := time.Since(start)
		var all []time.Duration
		for _, l := range lat {
			all = append(all, l...)
		}
		slices.Sort(all)
		b.ReportMetric(float64(loadRequests)/elapsed.Seconds(), "req/s")
		b.ReportMetric(pct(all, 50).Seconds()*1000, "p50-ms")
		b.ReportMetric(pct(all, 99).Seconds()*1000, "p99-ms")
		b.ReportMetric(float64(errs.Load()), "errors")
		if n := errs.Load(); n > 0 {
			b.Fatalf("%d of %d requests failed; first: %v", n, loadRequests, firstErr.Load())
		}
	}
}

// TestGenStore checks the generator on a small store: events, mentions,
// themes and tone arrive through the store as the benchmarks expect.
func TestGenStore(t *testing.T) {
	st := tempStore(t)
	if err := genStore(context.Background(), st, 400); err != nil {
		t.Fatal(err)
	}
	s, err := New(Options{Store: st})
	if err != nil {
		t.Fatal(err)
	}
	_, body, _ := do(t, s, "GET", "/api/health", "")
	if body["events"].(float64) < 390 || body["articles"] != 100.0 {
		t.Errorf("generated store: %v", body)
	}
	v := newBenchVocab()
	r := rand.New(rand.NewPCG(1, 1))
	for _, q := range benchQueries {
		target := q.target(&v, r)
		code, body, _ := do(t, s, "GET", target, "")
		if code != 200 {
			t.Errorf("%s: %d %v", target, code, body)
		}
		if q.name == "series-month-all" {
			for _, p := range body["points"].([]any) {
				if p.(map[string]any)["tone"] == nil {
					t.Errorf("series point without tone: %v", p)
				}
			}
		}
	}
}

// BenchmarkCode times POST /api/code on a sample article (parse, code,
// explain, JSON), the language models loaded once.
func BenchmarkCode(b *testing.B) {
	s := newTestServer(b, Options{})
	data, err := os.ReadFile(filepath.Join(shareddata.Root(b), "examples", "corpus", "003-sudan-clashes.txt"))
	if err != nil {
		b.Fatal(err)
	}
	text := string(data)
	if i := strings.Index(text, "\n\n"); i >= 0 { // drop the header block
		text = text[i+2:]
	}
	body, _ := json.Marshal(map[string]string{"text": text, "date": "2023-04-22"})
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	for b.Loop() {
		r := httptest.NewRequest("POST", "/api/code", bytes.NewReader(body))
		r.Header.Set("Content-Type", "application/json")
		w := httptest.NewRecorder()
		s.ServeHTTP(w, r)
		if w.Code != 200 {
			b.Fatalf("%d %s", w.Code, w.Body)
		}
	}
}
