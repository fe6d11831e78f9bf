package postgres

import (
	"context"
	"fmt"
	"math/rand/v2"
	"os"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/eventwire/eventwire/internal/event"
	"github.com/eventwire/eventwire/internal/store"
)

// benchEvents is the size of the generated store the query benchmarks use.
const benchEvents = 1_000_000

// benchPerArticle is the number of events of each generated article.
const benchPerArticle = 4

var (
	benchOnce sync.Once
	benchDB   *DB
	benchErr  error
	benchDrop func()
)

// generatedStore builds, once per test binary, a store in a fresh database
// with the data of the SQLite store's Query1M benchmark, drawn from the
// same random sequence: benchEvents events (200 actor codes, 60 event
// codes, 1,095 days, 500 places in 50 countries), one mention each,
// reported four by four by 250,000 articles, each with a tone and three of
// 100 themes. Rows are copied straight into the tables: the benchmark
// measures queries, not ingest. When $EVENTWIRE_BENCH_POSTGRES names a
// database, the store is kept there (generated when it holds no events) for
// the next run.
func generatedStore(b *testing.B) *DB {
	benchOnce.Do(func() {
		ctx := context.Background()
		if keep := os.Getenv("EVENTWIRE_BENCH_POSTGRES"); keep != "" {
			if benchDB, benchErr = Open(ctx, keep); benchErr != nil {
				return
			}
			var n int64
			if benchErr = benchDB.pool.QueryRow(ctx, `SELECT count(*) FROM events`).Scan(&n); benchErr == nil && n == 0 {
				benchErr = generate(ctx, benchDB)
			}
			return
		}
		dsn, drop, err := createDatabase(testServer(b))
		if err != nil {
			benchErr = err
			return
		}
		benchDrop = drop
		if benchDB, benchErr = Open(ctx, dsn); benchErr != nil {
			return
		}
		start := time.Now()
		benchErr = generate(ctx, benchDB)
		fmt.Fprintf(os.Stderr, "generated %d events in %v\n", benchEvents, time.Since(start).Round(time.Second))
	})
	if benchErr != nil {
		b.Fatal(benchErr)
	}
	return benchDB
}

func TestMain(m *testing.M) {
	code := m.Run()
	if benchDB != nil {
		benchDB.Close()
	}
	if benchDrop != nil {
		benchDrop()
	}
	os.Exit(code)
}

func generate(ctx context.Context, db *DB) error {
	r := rand.New(rand.NewPCG(1, 2))
	countries := make([]string, 50)
	for i := range countries {
		countries[i] = fmt.Sprintf("%c%c%c", 'A'+i/26, 'A'+i%26, 'X')
	}
	roles := []string{"", "GOV", "MIL", "REB", "COP", "OPP"}
	actors := make([]string, 200)
	for i := range actors {
		actors[i] = countries[i%50] + roles[i%len(roles)]
	}
	codes := make([]string, 60)
	for i := range codes {
		codes[i] = fmt.Sprintf("%02d%d", 1+i%20, i/20)
	}
	var places, arts, copies, themes, events, mentions [][]any
	for p := 0; p < 500; p++ {
		places = append(places, []any{fmt.Sprint(p), fmt.Sprintf("place %d, region %d, country %d", p, p%37, p%50),
			fmt.Sprintf("place %d", p), countries[p%50], float64(p%180) - 90, float64(p%360) - 180})
	}
	epoch := time.Unix(0, 0).UTC()
	var aid string
	var tone float64
	for i := 0; i < benchEvents; i++ {
		day := 19000 + r.IntN(1095)
		if i%benchPerArticle == 0 {
			aid = fmt.Sprintf("a%023d", i/benchPerArticle)
			tone = float64(r.IntN(151)-100) / 10
			src := fmt.Sprintf("outlet%d", r.IntN(300))
			url := "https://" + src + ".example/" + aid
			pub := time.Unix(int64(day)*86400+int64(r.IntN(86400)), 0).UTC()
			arts = append(arts, []any{aid, url, "title " + aid, src, pub, []byte{}, int64(0), int32(0), epoch, tone, "{}"})
			copies = append(copies, []any{aid, aid, url, src, epoch})
			seen := map[string]bool{}
			for k := 0; k < 3; k++ {
				u := r.Float64()
				th := fmt.Sprintf("T%02d", int(100*u*u*u))
				if !seen[th] {
					seen[th] = true
					themes = append(themes, []any{th, aid, int32(1)})
				}
			}
		}
		src, tgt := actors[r.IntN(len(actors))], actors[r.IntN(len(actors))]
		code := codes[r.IntN(len(codes))]
		place := r.IntN(500)
		c := countries[place%50]
		n := int32(1 + r.IntN(5))
		id := int64(i + 1)
		quad := int32(1 + r.IntN(4))
		goldstein := float64(r.IntN(201)-100) / 10
		root := r.IntN(2) == 1
		date := time.Unix(int64(day)*86400, 0).UTC().Format("2006-01-02")
		data := `{"doc_id":"` + aid + `","sentence":1,"text":"A generated sentence.","source":"` + src + `","target":"` + tgt +
			`","code":"` + code + `","date":"` + date + `","action_geo":{"type":4,"full_name":"place ` + fmt.Sprint(place) + `","feature_id":"` + fmt.Sprint(place) + `"}}`
		events = append(events, []any{id, src, tgt, code, code, quad, goldstein, int32(day), fmt.Sprint(place),
			fmt.Sprintf("place %d, region %d, country %d", place, place%37, place%50), c, c[:2], "name " + src, "name " + tgt,
			epoch, root, n, n, n, tone, id})
		mentions = append(mentions, []any{id, id, aid, aid, "outlet", int32(100), epoch, data})
	}
	conn, err := db.pool.Acquire(ctx)
	if err != nil {
		return err
	}
	defer conn.Release()
	copyIn := func(table string, cols []string, rows [][]any) error {
		if _, err := conn.CopyFrom(ctx, pgx.Identifier{table}, cols, pgx.CopyFromRows(rows)); err != nil {
			return fmt.Errorf("copying %s: %w", table, err)
		}
		return nil
	}
	// Explicit ids go into identity columns through OVERRIDING SYSTEM
	// VALUE, which COPY lacks: make them BY DEFAULT for the load.
	for _, t := range []string{"events", "mentions"} {
		if _, err := conn.Exec(ctx, `ALTER TABLE `+t+` ALTER COLUMN id SET GENERATED BY DEFAULT`); err != nil {
			return err
		}
	}
	if err := copyIn("places", []string{"id", "name", "short", "country", "lat", "lon"}, places); err != nil {
		return err
	}
	if err := copyIn("articles", []string{"id", "url", "title", "source", "published", "text", "simhash", "words", "ingested", "tone", "knowledge"}, arts); err != nil {
		return err
	}
	if err := copyIn("copies", []string{"id", "article_id", "url", "source", "seen"}, copies); err != nil {
		return err
	}
	if err := copyIn("article_themes", []string{"theme", "article_id", "n"}, themes); err != nil {
		return err
	}
	if err := copyIn("events", []string{"id", "source", "target", "base", "code", "quad", "goldstein", "day", "place", "place_name",
		"country", "country_fips", "source_name", "target_name", "first_seen", "is_root", "num_mentions", "num_sources", "num_articles",
		"tone", "first_mention"}, events); err != nil {
		return err
	}
	if err := copyIn("mentions", []string{"id", "event_id", "article_id", "copy_id", "source_name", "confidence", "seen", "data"}, mentions); err != nil {
		return err
	}
	for _, t := range []string{"events", "mentions"} {
		if _, err := conn.Exec(ctx, `ALTER TABLE `+t+` ALTER COLUMN id SET GENERATED ALWAYS`); err != nil {
			return err
		}
		if _, err := conn.Exec(ctx, `SELECT setval(pg_get_serial_sequence('`+t+`', 'id'), (SELECT max(id) FROM `+t+`))`); err != nil {
			return err
		}
	}
	// Each event gets its article's themes, as Write gives them.
	if _, err := conn.Exec(ctx, `INSERT INTO event_themes(theme, event_id)
		SELECT DISTINCT t.theme, m.event_id FROM article_themes t JOIN mentions m ON m.article_id = t.article_id`); err != nil {
		return err
	}
	if _, err := conn.Exec(ctx, themeBitsBackfill); err != nil {
		return err
	}
	_, err = conn.Exec(ctx, "VACUUM ANALYZE")
	return err
}

// createDatabase creates a database with a random name on server and
// returns its DSN and a function dropping it.
func createDatabase(server string) (string, func(), error) {
	ctx := context.Background()
	name := fmt.Sprintf("eventwire_bench_%d", time.Now().UnixNano())
	admin, err := pgx.Connect(ctx, server)
	if err != nil {
		return "", nil, err
	}
	defer admin.Close(ctx)
	if _, err := admin.Exec(ctx, "CREATE DATABASE "+name); err != nil {
		return "", nil, err
	}
	cfg, err := pgx.ParseConfig(server)
	if err != nil {
		return "", nil, err
	}
	dsn := fmt.Sprintf("postgres://%s@%s:%d/%s?sslmode=disable", cfg.User, cfg.Host, cfg.Port, name)
	drop := func() {
		admin, err := pgx.Connect(ctx, server)
		if err != nil {
			return
		}
		defer admin.Close(ctx)
		admin.Exec(ctx, "DROP DATABASE IF EXISTS "+name+" WITH (FORCE)")
	}
	return dsn, drop, nil
}

// BenchmarkQuery1M times the queries, event pages and article reads of
// the SQLite store's Query1M benchmark over a million events.
func BenchmarkQuery1M(b *testing.B) {
	db := generatedStore(b)
	ctx := context.Background()
	query := func(q store.Query) func() (int, error) {
		return func() (int, error) {
			t, err := db.Query(ctx, q)
			if err != nil {
				return 0, err
			}
			return len(t.Rows), nil
		}
	}
	events := func(f store.Filter) func() (int, error) {
		return func() (int, error) {
			n := 0
			err := db.Events(ctx, f, func(*store.StoredEvent) error { n++; return nil })
			return n, err
		}
	}
	articles := func(f store.Filter) func() (int, error) {
		return func() (int, error) {
			as, err := db.Articles(ctx, f)
			return len(as), err
		}
	}
	benchmarks := []struct {
		name string
		run  func() (int, error)
	}{
		{"actor-country", query(store.Query{Filter: store.Filter{Actor: "ABX", Limit: 100}})},
		{"actor-code-dates-count-by-month", query(store.Query{Filter: store.Filter{Actor: "ABXGOV", From: "2022-01-01", To: "2022-06-30"}, Aggregate: "month"})},
		{"code-quad-country", query(store.Query{Filter: store.Filter{Code: "19", Quad: 4, Country: "ACX"}, Aggregate: "goldstein"})},
		{"count-by-day-all", query(store.Query{Aggregate: "day"})},
		{"count-by-week-all", query(store.Query{Aggregate: "week"})},
		{"count-by-month-all", query(store.Query{Aggregate: "month"})},
		{"count-by-month-year", query(store.Query{Filter: store.Filter{From: "2022-01-01", To: "2022-12-31"}, Aggregate: "month"})},
		{"top-dyads-all", query(store.Query{Aggregate: "dyads"})},
		{"top-dyads-year", query(store.Query{Filter: store.Filter{From: "2022-01-01", To: "2022-12-31"}, Aggregate: "dyads"})},
		{"top-places-all", query(store.Query{Aggregate: "places", Filter: store.Filter{Limit: 500}})},
		{"top-places-year", query(store.Query{Filter: store.Filter{From: "2022-01-01", To: "2022-12-31"}, Aggregate: "places"})},
		{"countries-all", query(store.Query{Aggregate: "countries"})},
		{"countries-year", query(store.Query{Filter: store.Filter{From: "2022-01-01", To: "2022-12-31"}, Aggregate: "countries"})},
		{"countries-quad", query(store.Query{Filter: store.Filter{Quad: 4}, Aggregate: "countries"})},
		{"goldstein-all", query(store.Query{Aggregate: "goldstein"})},
		{"theme-common-count-by-month", query(store.Query{Filter: store.Filter{Theme: "T00"}, Aggregate: "month"})},
		{"theme-rare-count-by-month", query(store.Query{Filter: store.Filter{Theme: "T99"}, Aggregate: "month"})},
		{"theme-common-countries", query(store.Query{Filter: store.Filter{Theme: "T00"}, Aggregate: "countries"})},
		{"theme-rare-actor-list", query(store.Query{Filter: store.Filter{Theme: "T99", Actor: "ABX", Limit: 50}})},
		{"place-count-by-month", query(store.Query{Filter: store.Filter{Place: "place 7"}, Aggregate: "month"})},
		{"place-full-name-dyads", query(store.Query{Filter: store.Filter{Place: "place 7, region 7, country 7"}, Aggregate: "dyads"})},
		{"events-page-id", events(store.Filter{Limit: 50})},
		{"events-page-id-after", events(store.Filter{Limit: 50, After: 500_000})},
		{"events-page-date-desc", events(store.Filter{Limit: 50, Sort: "-date"})},
		{"events-page-date-desc-after", events(store.Filter{Limit: 50, Sort: "-date", After: 500_000})},
		{"events-page-goldstein-desc", events(store.Filter{Limit: 50, Sort: "-goldstein"})},
		{"events-page-mentions-desc-after", events(store.Filter{Limit: 50, Sort: "-mentions", After: 500_000})},
		{"events-page-actor-date-desc", events(store.Filter{Actor: "ABXGOV", Limit: 50, Sort: "-date"})},
		{"events-page-theme-common-date-desc", events(store.Filter{Theme: "T00", Limit: 50, Sort: "-date"})},
		{"events-page-theme-rare-date-desc", events(store.Filter{Theme: "T99", Limit: 50, Sort: "-date"})},
		{"events-page-place-date-desc", events(store.Filter{Place: "place 7", Limit: 50, Sort: "-date"})},
		{"events-page-country-quad-goldstein", events(store.Filter{Country: "ACX", Quad: 4, Limit: 50, Sort: "goldstein"})},
		{"articles-recent", articles(store.Filter{Limit: 50})},
		{"articles-recent-actor", articles(store.Filter{Actor: "ABXGOV", Limit: 50})},
		{"articles-recent-theme-rare", articles(store.Filter{Theme: "T99", Limit: 50})},
		{"articles-recent-code-quad", articles(store.Filter{Code: "190", Quad: 4, Limit: 50})},
		{"article", func() (int, error) {
			v, err := db.Article(ctx, fmt.Sprintf("a%023d", 123_456))
			if err != nil {
				return 0, err
			}
			return len(v.Events), nil
		}},
		{"stats", func() (int, error) {
			s, err := db.Stats(ctx)
			return int(s.Events), err
		}},
	}
	for _, bb := range benchmarks {
		b.Run(bb.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				n, err := bb.run()
				if err != nil {
					b.Fatal(err)
				}
				if n == 0 {
					b.Fatal("no rows")
				}
			}
		})
	}
}

// BenchmarkWrite times Write alone with 1, 2 and 4 concurrent writers,
// each with its own connection pool as worker processes would have:
// batches of 64 distinct articles of 80 words with four events each (no
// analysis), into one growing store per writer count. An op is one batch.
// With keys=shared the events are those of the SQLite store's Write
// benchmark (8 actors, one code: writers nearly always report the same
// events and wait for each other's de-duplication locks); with keys=wide
// they are drawn from 200 actors and 60 codes, so concurrent batches
// rarely share an event key.
func BenchmarkWrite(b *testing.B) {
	shared := []string{"USA", "CHN", "RUS", "SDN", "SDNMIL", "GEO", "ARM", "AZE"}
	var wide []string
	for i := 0; i < 200; i++ {
		wide = append(wide, fmt.Sprintf("%c%c%c", 'A'+i/26%26, 'A'+i%26, 'A'+i/7%26))
	}
	for _, keys := range []string{"shared", "wide"} {
		for _, writers := range []int{1, 2, 4} {
			b.Run(fmt.Sprintf("keys=%s/writers=%d", keys, writers), func(b *testing.B) {
				actors, codes := shared, []string{"190"}
				if keys == "wide" {
					actors = wide
					codes = nil
					for i := range 60 {
						codes = append(codes, fmt.Sprintf("%02d%d", 1+i%20, i/20))
					}
				}
				benchmarkWrite(b, writers, actors, codes)
			})
		}
	}
}

func benchmarkWrite(b *testing.B, writers int, actors, codes []string) {
	dsn := freshDatabase(b)
	ctx := context.Background()
	dbs := make([]*DB, writers)
	for w := range dbs {
		db, err := Open(ctx, dsn)
		if err != nil {
			b.Fatal(err)
		}
		defer db.Close()
		dbs[w] = db
	}
	words := strings.Fields(textA + " Thousands of protesters gathered outside the parliament in Tbilisi on Wednesday. Police used water cannon and tear gas to disperse the crowd after some demonstrators threw stones at the building.")
	batches := make([]*store.Batch, b.N)
	r := rand.New(rand.NewPCG(3, 4))
	for k := range batches {
		batch := &store.Batch{Run: store.Run{ID: "bench"}}
		for i := 0; i < 64; i++ {
			var sb strings.Builder
			for j := 0; j < 80; j++ {
				sb.WriteString(words[r.IntN(len(words))])
				if j%16 == 15 {
					sb.WriteString(". ")
				} else {
					sb.WriteByte(' ')
				}
			}
			var evs []event.Event
			for j := 0; j < 4; j++ {
				evs = append(evs, ev(1+j, actors[r.IntN(len(actors))], actors[r.IntN(len(actors))], codes[r.IntN(len(codes))],
					fmt.Sprintf("2024-%02d-%02d", 1+r.IntN(12), 1+r.IntN(28)), ""))
			}
			batch.Articles = append(batch.Articles, art(fmt.Sprintf("https://bench.example/%d/%d", k, i), "", sb.String(), evs...))
		}
		batches[k] = batch
	}
	var next, events atomic.Int64
	b.ReportAllocs()
	b.ResetTimer()
	var wg sync.WaitGroup
	for w := range writers {
		wg.Go(func() {
			for {
				k := next.Add(1) - 1
				if k >= int64(len(batches)) {
					return
				}
				res, err := dbs[w].Write(ctx, batches[k], store.WriteOptions{})
				if err != nil {
					b.Error(err)
					return
				}
				events.Add(int64(res.Events))
			}
		})
	}
	wg.Wait()
	b.StopTimer()
	b.ReportMetric(float64(64*b.N)/b.Elapsed().Seconds(), "articles/s")
	b.ReportMetric(float64(4*64*b.N)/b.Elapsed().Seconds(), "coded-events/s")
	b.ReportMetric(float64(events.Load())/b.Elapsed().Seconds(), "new-events/s")
}
