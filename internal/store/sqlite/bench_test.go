package sqlite

import (
	"context"
	"database/sql"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/eventwire/eventwire/internal/dedup"
	"github.com/eventwire/eventwire/internal/event"
	"github.com/eventwire/eventwire/internal/store"
	"github.com/eventwire/eventwire/internal/store/storetest"
)

// benchEvents is the size of the generated store the query benchmarks use.
const benchEvents = 1_000_000

// benchPerArticle is the number of events of each generated article.
const benchPerArticle = 4

var (
	benchOnce sync.Once
	benchDB   *DB
	benchErr  error
	benchDir  string
)

// generatedStore builds, once per test binary, a store of benchEvents
// generated events (200 actor codes, 60 event codes, 1,095 days, 500 places
// in 50 countries), one mention each, reported four by four by 250,000
// articles, each with a tone and three of 100 themes (theme T00 in about
// half of the articles, T99 in one in a hundred; T63 to T99 beyond the
// bits of events.themes), in a temporary directory; or,
// when $EVENTWIRE_BENCH_DB is set, in that file, generated when it does
// not exist and kept for the next run. Rows go straight into the tables:
// the benchmark measures queries, not ingest.
func generatedStore(b *testing.B) *DB {
	benchOnce.Do(func() {
		ctx := context.Background()
		if keep := os.Getenv("EVENTWIRE_BENCH_DB"); keep != "" {
			_, err := os.Stat(keep)
			if benchDB, benchErr = Open(ctx, keep); benchErr == nil && err != nil {
				benchErr = generate(ctx, benchDB)
			}
			return
		}
		benchDir, benchErr = os.MkdirTemp("", "eventwire-bench")
		if benchErr != nil {
			return
		}
		benchDB, benchErr = Open(ctx, filepath.Join(benchDir, "bench.db"))
		if benchErr != nil {
			return
		}
		benchErr = generate(ctx, benchDB)
	})
	if benchErr != nil {
		b.Fatal(benchErr)
	}
	return benchDB
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
	tx, err := db.db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	prep := func(q string) *sql.Stmt {
		if err != nil {
			return nil
		}
		var st *sql.Stmt
		st, err = tx.PrepareContext(ctx, q)
		return st
	}
	insPlace := prep(`INSERT INTO places(id, name, short, country, lat, lon) VALUES (?,?,?,?,?,?)`)
	insArticle := prep(`INSERT INTO articles(id, url, title, source, published, text, simhash, words, ingested, tone, knowledge)
		VALUES (?,?,?,?,?,'',0,0,0,?,'{}')`)
	insCopy := prep(`INSERT INTO copies(id, article_id, url, source, seen) VALUES (?,?,?,?,0)`)
	insTheme := prep(`INSERT OR IGNORE INTO article_themes(theme, article_id, n) VALUES (?,?,1)`)
	insBit := prep(`INSERT INTO theme_bits(theme, bit) VALUES (?,?)`)
	insEventTheme := prep(`INSERT OR IGNORE INTO event_themes(theme, event_id) VALUES (?,?)`)
	insEvent := prep(`INSERT INTO events(id, source, target, base, code, quad, goldstein, day, place, place_name,
		country, country_fips, source_name, target_name, first_seen, is_root, num_mentions, num_sources, num_articles, tone, first_mention, themes)
		VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)`)
	insMention := prep(`INSERT INTO mentions(id, event_id, article_id, copy_id, source_name, confidence, seen, data) VALUES (?,?,?,?,?,100,0,?)`)
	if err != nil {
		return err
	}
	for p := 0; p < 500; p++ {
		if _, err := insPlace.ExecContext(ctx, fmt.Sprint(p), fmt.Sprintf("place %d, region %d, country %d", p, p%37, p%50),
			fmt.Sprintf("place %d", p), countries[p%50], float64(p%180)-90, float64(p%360)-180); err != nil {
			return err
		}
	}
	// Themes T00 to T62 get a bit of events.themes, the others are listed
	// in event_themes, as Write does once 63 themes are known.
	for i := 0; i < maxThemeBits; i++ {
		if _, err := insBit.ExecContext(ctx, fmt.Sprintf("T%02d", i), i); err != nil {
			return err
		}
	}
	var aid string
	var tone float64
	var bits int64
	var other []string
	for i := 0; i < benchEvents; i++ {
		day := 19000 + r.IntN(1095)
		if i%benchPerArticle == 0 {
			aid = fmt.Sprintf("a%023d", i/benchPerArticle)
			tone = float64(r.IntN(151)-100) / 10
			src := fmt.Sprintf("outlet%d", r.IntN(300))
			url := "https://" + src + ".example/" + aid
			pub := time.Unix(int64(day)*86400+int64(r.IntN(86400)), 0).UTC().Format(time.RFC3339)
			if _, err := insArticle.ExecContext(ctx, aid, url, "title "+aid, src, pub, tone); err != nil {
				return err
			}
			if _, err := insCopy.ExecContext(ctx, aid, aid, url, src); err != nil {
				return err
			}
			bits, other = 0, other[:0]
			for k := 0; k < 3; k++ {
				u := r.Float64()
				th := int(100 * u * u * u)
				if _, err := insTheme.ExecContext(ctx, fmt.Sprintf("T%02d", th), aid); err != nil {
					return err
				}
				if th < maxThemeBits {
					bits |= 1 << th
				} else {
					other = append(other, fmt.Sprintf("T%02d", th))
				}
			}
		}
		src, tgt := actors[r.IntN(len(actors))], actors[r.IntN(len(actors))]
		code := codes[r.IntN(len(codes))]
		place := r.IntN(500)
		c := countries[place%50]
		n := 1 + r.IntN(5)
		id := int64(i + 1)
		date := time.Unix(int64(day)*86400, 0).UTC().Format("2006-01-02")
		data := `{"doc_id":"` + aid + `","sentence":1,"text":"A generated sentence.","source":"` + src + `","target":"` + tgt +
			`","code":"` + code + `","date":"` + date + `","action_geo":{"type":4,"full_name":"place ` + fmt.Sprint(place) + `","feature_id":"` + fmt.Sprint(place) + `"}}`
		if _, err := insEvent.ExecContext(ctx, id, src, tgt, code, code, 1+r.IntN(4), float64(r.IntN(201)-100)/10, day,
			fmt.Sprint(place), fmt.Sprintf("place %d, region %d, country %d", place, place%37, place%50), c, c[:2], "name "+src, "name "+tgt,
			0, r.IntN(2), n, n, n, tone, id, bits); err != nil {
			return err
		}
		for _, th := range other {
			if _, err := insEventTheme.ExecContext(ctx, th, id); err != nil {
				return err
			}
		}
		if _, err := insMention.ExecContext(ctx, id, id, aid, aid, "outlet", data); err != nil {
			return err
		}
	}
	// The rollups as migrations 5, 7 and 10 build them from stored events.
	if _, err := tx.ExecContext(ctx, `INSERT INTO event_rollup(day, country, events, mentions, goldstein, gm, tone_n, tone)
		SELECT day, country, count(*), sum(num_mentions), sum(goldstein), sum(goldstein * num_mentions), count(tone), coalesce(sum(tone), 0)
		FROM events GROUP BY day, country`); err != nil {
		return err
	}
	if _, err := tx.ExecContext(ctx, `INSERT INTO place_totals(place, events, mentions, goldstein)
		SELECT place, count(*), sum(num_mentions), sum(goldstein) FROM events WHERE place != '' GROUP BY place`); err != nil {
		return err
	}
	if _, err := tx.ExecContext(ctx, `INSERT INTO dyad_totals(source, target, events, mentions, goldstein)
		SELECT source, target, count(*), sum(num_mentions), sum(goldstein) FROM events GROUP BY source, target`); err != nil {
		return err
	}
	// The month rollups as migration 10 builds them.
	if _, err := tx.ExecContext(ctx, `INSERT INTO place_months(month, place, events, mentions, goldstein)
		SELECT `+monthOfDay+`, place, count(*), sum(num_mentions), sum(goldstein) FROM events WHERE place != '' GROUP BY 1, 2`); err != nil {
		return err
	}
	if err := fillDyadDays(ctx, tx); err != nil {
		return err
	}
	if err := tx.Commit(); err != nil {
		return err
	}
	_, err = db.db.ExecContext(ctx, "ANALYZE")
	return err
}

// BenchmarkQuery1M times queries, event pages and article reads over a
// million events. Aggregations that the rollup answers are also timed
// from the events ("-scan").
func BenchmarkQuery1M(b *testing.B) {
	db := generatedStore(b)
	ctx := context.Background()
	// Aggregations bypass the cache (see "cached" for a hit).
	query := func(q store.Query) func() (int, error) {
		return func() (int, error) {
			t, err := db.query(ctx, q)
			if err != nil {
				return 0, err
			}
			return len(t.Rows), nil
		}
	}
	// scan answers q from the events even where the rollup could.
	scan := func(q store.Query) func() (int, error) {
		return func() (int, error) {
			db.noRollup = true
			defer func() { db.noRollup = false }()
			t, err := db.query(ctx, q)
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
		{"count-by-day-all-scan", scan(store.Query{Aggregate: "day"})},
		{"count-by-week-all", query(store.Query{Aggregate: "week"})},
		{"count-by-month-all", query(store.Query{Aggregate: "month"})},
		{"count-by-month-all-scan", scan(store.Query{Aggregate: "month"})},
		{"count-by-month-year", query(store.Query{Filter: store.Filter{From: "2022-01-01", To: "2022-12-31"}, Aggregate: "month"})},
		{"count-by-month-year-scan", scan(store.Query{Filter: store.Filter{From: "2022-01-01", To: "2022-12-31"}, Aggregate: "month"})},
		{"count-by-day-country", query(store.Query{Filter: store.Filter{Country: "ACX"}, Aggregate: "day"})},
		{"count-by-day-quad", query(store.Query{Filter: store.Filter{Quad: 4}, Aggregate: "day"})},
		{"top-dyads-all", query(store.Query{Aggregate: "dyads"})},
		{"top-dyads-all-scan", scan(store.Query{Aggregate: "dyads"})},
		{"top-dyads-year", query(store.Query{Filter: store.Filter{From: "2022-01-01", To: "2022-12-31"}, Aggregate: "dyads"})},
		{"top-places-all", query(store.Query{Aggregate: "places", Filter: store.Filter{Limit: 500}})},
		{"top-places-all-scan", scan(store.Query{Aggregate: "places", Filter: store.Filter{Limit: 500}})},
		{"top-places-year", query(store.Query{Filter: store.Filter{From: "2022-01-01", To: "2022-12-31"}, Aggregate: "places"})},
		{"top-places-range", query(store.Query{Filter: store.Filter{From: "2022-02-10", To: "2022-11-20", Limit: 500}, Aggregate: "places"})},
		{"top-places-range-scan", scan(store.Query{Filter: store.Filter{From: "2022-02-10", To: "2022-11-20", Limit: 500}, Aggregate: "places"})},
		{"top-dyads-range", query(store.Query{Filter: store.Filter{From: "2022-02-10", To: "2022-11-20", Limit: 20}, Aggregate: "dyads"})},
		{"top-dyads-range-scan", scan(store.Query{Filter: store.Filter{From: "2022-02-10", To: "2022-11-20", Limit: 20}, Aggregate: "dyads"})},
		{"country-actors-code-count-by-week", query(store.Query{Filter: store.Filter{Actor: "ABX", Code: "05"}, Aggregate: "week"})},
		{"country-actors-code-count-by-week-scan", scan(store.Query{Filter: store.Filter{Actor: "ABX", Code: "05"}, Aggregate: "week"})},
		{"actor-dates-count-by-day", query(store.Query{Filter: store.Filter{Actor: "ABXGOV", From: "2022-03-15", To: "2022-12-10"}, Aggregate: "day"})},
		{"actor-dates-count-by-day-scan", scan(store.Query{Filter: store.Filter{Actor: "ABXGOV", From: "2022-03-15", To: "2022-12-10"}, Aggregate: "day"})},
		{"countries-all", query(store.Query{Aggregate: "countries"})},
		{"countries-all-scan", scan(store.Query{Aggregate: "countries"})},
		{"countries-year", query(store.Query{Filter: store.Filter{From: "2022-01-01", To: "2022-12-31"}, Aggregate: "countries"})},
		{"countries-quad", query(store.Query{Filter: store.Filter{Quad: 4}, Aggregate: "countries"})},
		{"goldstein-all", query(store.Query{Aggregate: "goldstein"})},
		{"goldstein-all-scan", scan(store.Query{Aggregate: "goldstein"})},
		{"cached-count-by-day-all-hit", func() (int, error) {
			t, err := db.Query(ctx, store.Query{Aggregate: "day"})
			if err != nil {
				return 0, err
			}
			return len(t.Rows), nil
		}},
		{"theme-common-count-by-month", query(store.Query{Filter: store.Filter{Theme: "T00"}, Aggregate: "month"})},
		{"theme-rare-count-by-month", query(store.Query{Filter: store.Filter{Theme: "T99"}, Aggregate: "month"})},
		{"theme-common-countries", query(store.Query{Filter: store.Filter{Theme: "T00"}, Aggregate: "countries"})},
		{"theme-rare-actor-list", query(store.Query{Filter: store.Filter{Theme: "T99", Actor: "ABX", Limit: 50}})},
		{"theme-bit-rare-count-by-month", query(store.Query{Filter: store.Filter{Theme: "T50"}, Aggregate: "month"})},
		{"theme-common-dyads", query(store.Query{Filter: store.Filter{Theme: "T00"}, Aggregate: "dyads"})},
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
		{"events-page-theme-bit-rare-date-desc", events(store.Filter{Theme: "T50", Limit: 50, Sort: "-date"})},
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
	}
	for _, bb := range benchmarks {
		b.Run(bb.name, func(b *testing.B) {
			b.ReportAllocs()
			if strings.HasSuffix(bb.name, "-hit") {
				if _, err := bb.run(); err != nil { // fills the cache, untimed
					b.Fatal(err)
				}
			}
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

func TestMain(m *testing.M) {
	code := m.Run()
	if benchDB != nil {
		benchDB.Close()
		os.RemoveAll(benchDir)
	}
	os.Exit(code)
}

// BenchmarkWrite times the store alone: batches of 64 distinct articles
// with four events each (no analysis), into one growing store.
func BenchmarkWrite(b *testing.B) {
	db := openTemp(b)
	r := rand.New(rand.NewPCG(3, 4))
	words := strings.Fields(storetest.TextA + " " + storetest.TextB)
	actors := []string{"USA", "CHN", "RUS", "SDN", "SDNMIL", "GEO", "ARM", "AZE"}
	b.ReportAllocs()
	n := 0
	for b.Loop() {
		batch := &store.Batch{Run: store.Run{ID: "bench"}}
		for i := 0; i < 64; i++ {
			var sb strings.Builder
			for k := 0; k < 80; k++ {
				sb.WriteString(words[r.IntN(len(words))])
				if k%16 == 15 {
					sb.WriteString(". ")
				} else {
					sb.WriteByte(' ')
				}
			}
			var evs []event.Event
			for k := 0; k < 4; k++ {
				evs = append(evs, storetest.Event(1+k, actors[r.IntN(len(actors))], actors[r.IntN(len(actors))], "190",
					fmt.Sprintf("2024-%02d-%02d", 1+r.IntN(12), 1+r.IntN(28)), ""))
			}
			batch.Articles = append(batch.Articles, storetest.Article(fmt.Sprintf("https://bench.example/%d", n), "", sb.String(), evs...))
			n++
		}
		if _, err := db.Write(context.Background(), batch, store.WriteOptions{}); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(n)/b.Elapsed().Seconds(), "articles/s")
}

// BenchmarkSeenNearDuplicate times the near-duplicate lookup of one new
// text against the SimHash bands of 100,000 stored articles published
// 100 a day over 1,000 days (random hashes, inserted directly).
func BenchmarkSeenNearDuplicate(b *testing.B) {
	db := openTemp(b)
	ctx := context.Background()
	r := rand.New(rand.NewPCG(5, 6))
	conn, err := db.db.Conn(ctx)
	if err != nil {
		b.Fatal(err)
	}
	defer conn.Close()
	if _, err := conn.ExecContext(ctx, "PRAGMA foreign_keys = OFF"); err != nil { // bands without article rows
		b.Fatal(err)
	}
	tx, err := conn.BeginTx(ctx, nil)
	if err != nil {
		b.Fatal(err)
	}
	stmt, err := tx.PrepareContext(ctx, `INSERT INTO simhash_bands(key, day, article_id, simhash) VALUES (?,?,?,?)`)
	if err != nil {
		b.Fatal(err)
	}
	for i := 0; i < 100_000; i++ {
		h := r.Uint64()
		for _, k := range dedup.BandKeys(h) {
			if _, err := stmt.ExecContext(ctx, k, 19000+i/100, fmt.Sprintf("t%023d", i), int64(h)); err != nil {
				b.Fatal(err)
			}
		}
	}
	stmt.Close()
	if err := tx.Commit(); err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		if _, _, err := db.Seen(ctx, "new", r.Uint64(), 100, time.Unix(19500*86400, 0), store.WriteOptions{}); err != nil {
			b.Fatal(err)
		}
	}
}
