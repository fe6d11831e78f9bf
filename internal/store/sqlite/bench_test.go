package sqlite

import (
	"context"
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

var (
	benchOnce sync.Once
	benchDB   *DB
	benchErr  error
	benchDir  string
)

// generatedStore builds, once per test binary, a store of benchEvents
// generated events (200 actor codes, 60 event codes, 1,095 days, 500 places
// in 50 countries) in a temporary directory. Rows go straight into the
// events table: the benchmark measures queries, not ingest.
func generatedStore(b *testing.B) *DB {
	benchOnce.Do(func() {
		benchDir, benchErr = os.MkdirTemp("", "eventwire-bench")
		if benchErr != nil {
			return
		}
		ctx := context.Background()
		benchDB, benchErr = Open(ctx, filepath.Join(benchDir, "bench.db"))
		if benchErr != nil {
			return
		}
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
		tx, err := benchDB.db.BeginTx(ctx, nil)
		if err != nil {
			benchErr = err
			return
		}
		stmt, err := tx.PrepareContext(ctx, `INSERT INTO events(source, target, base, code, quad, goldstein, day, place, place_name,
			country, country_fips, source_name, target_name, first_seen, is_root, num_mentions, num_sources, num_articles)
			VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)`)
		if err != nil {
			benchErr = err
			return
		}
		for i := 0; i < benchEvents; i++ {
			src, tgt := actors[r.IntN(len(actors))], actors[r.IntN(len(actors))]
			code := codes[r.IntN(len(codes))]
			place := r.IntN(500)
			c := countries[place%50]
			n := 1 + r.IntN(5)
			if _, err := stmt.ExecContext(ctx, src, tgt, code, code, 1+r.IntN(4), float64(r.IntN(201)-100)/10, 19000+r.IntN(1095),
				fmt.Sprint(place), fmt.Sprintf("place %d", place), c, c[:2], "name "+src, "name "+tgt, 0, r.IntN(2), n, n, n); err != nil {
				benchErr = err
				return
			}
		}
		stmt.Close()
		if benchErr = tx.Commit(); benchErr != nil {
			return
		}
		_, benchErr = benchDB.db.ExecContext(ctx, "ANALYZE")
	})
	if benchErr != nil {
		b.Fatal(benchErr)
	}
	return benchDB
}

// BenchmarkQuery1M times queries over a million events.
func BenchmarkQuery1M(b *testing.B) {
	db := generatedStore(b)
	queries := []struct {
		name string
		q    store.Query
	}{
		{"actor-country", store.Query{Filter: store.Filter{Actor: "ABX", Limit: 100}}},
		{"actor-code-dates-count-by-month", store.Query{Filter: store.Filter{Actor: "ABXGOV", From: "2022-01-01", To: "2022-06-30"}, Aggregate: "month"}},
		{"code-quad-country", store.Query{Filter: store.Filter{Code: "19", Quad: 4, Country: "ACX"}, Aggregate: "goldstein"}},
		{"count-by-week-all", store.Query{Aggregate: "week"}},
		{"count-by-month-all", store.Query{Aggregate: "month"}},
		{"top-dyads-all", store.Query{Aggregate: "dyads"}},
		{"top-places-year", store.Query{Filter: store.Filter{From: "2022-01-01", To: "2022-12-31"}, Aggregate: "places"}},
		{"goldstein-all", store.Query{Aggregate: "goldstein"}},
	}
	for _, q := range queries {
		b.Run(q.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				t, err := db.Query(context.Background(), q.q)
				if err != nil {
					b.Fatal(err)
				}
				if len(t.Rows) == 0 {
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
