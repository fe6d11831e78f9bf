package postgres

import (
	"context"
	"fmt"
	"math/rand/v2"
	"sync"
	"testing"
	"time"

	"github.com/eventwire/eventwire/internal/event"
	"github.com/eventwire/eventwire/internal/gkg"
	"github.com/eventwire/eventwire/internal/store"
	"github.com/eventwire/eventwire/internal/store/sqlfilter"
)

// undoMigration5 takes a store back to schema version 4 (before the
// rollups); the tests that go further back add their own steps.
var undoMigration5 = []string{`DROP TABLE event_rollup`, `DROP TABLE quad_rollup`, `DROP TABLE place_totals`, `DROP TABLE dyad_totals`, `DROP TABLE place_months`,
	`DROP TABLE dyad_series`, `DROP INDEX events_source`, `DROP INDEX events_country_mentions`}

// randomSpanBatches returns random articles over days days from first in
// six batches: copies of stored articles, reports that merge into stored
// events, events at no place given one by a later report, tones.
func randomSpanBatches(first time.Time, days int) []*store.Batch {
	r := rand.New(rand.NewPCG(11, 12))
	actors := []string{"USA", "RUS", "SDNMIL", "SDNREB", "FRA"}
	codes := []string{"036", "112", "141", "173", "195"}
	places := []string{"", "", "611717", "2988507", "379252"}
	var stored []store.Article
	var batches []*store.Batch
	for batch := range 6 {
		var arts []store.Article
		for i := range 15 {
			if len(stored) > 0 && r.IntN(5) == 0 { // a copy of a stored article
				src := stored[r.IntN(len(stored))]
				cp := art(fmt.Sprintf("https://copy%d-%d.example/x", batch, i), "", src.Text)
				cp.Published = src.Published
				arts = append(arts, cp)
				continue
			}
			text := fmt.Sprintf("Report %d of batch %d. Officials said that forces moved near the border on the day of the talks.", i, batch)
			var evs []event.Event
			for range 1 + r.IntN(3) {
				e := ev(1+r.IntN(2), actors[r.IntN(len(actors))], actors[r.IntN(len(actors))],
					codes[r.IntN(len(codes))], first.AddDate(0, 0, r.IntN(days)).Format("2006-01-02"), places[r.IntN(len(places))])
				e.QuadClass = 1 + r.IntN(4)
				if len(stored) > 0 && r.IntN(3) == 0 {
					// Another report of a stored event, at its place, at
					// none, or at one it may not have had.
					if o := stored[r.IntN(len(stored))]; len(o.Events) > 0 {
						e = o.Events[r.IntN(len(o.Events))]
						if p := places[r.IntN(len(places))]; p != "" {
							e.ActionGeo = ev(1, "X", "Y", "010", "2024-01-01", p).ActionGeo
						} else if r.IntN(2) == 0 {
							e.ActionGeo = nil
						}
					}
				}
				evs = append(evs, e)
			}
			a := art(fmt.Sprintf("https://r.example/%d/%d", batch, i), "", text, evs...)
			a.Published = first.AddDate(0, 0, r.IntN(days))
			if r.IntN(3) > 0 {
				a.Knowledge = &gkg.Record{Tone: gkg.Tone{Tone: float64(r.IntN(100)-50) / 10}}
			}
			arts = append(arts, a)
			stored = append(stored, a)
		}
		batches = append(batches, &store.Batch{Articles: arts})
	}
	return batches
}

// randomSpanStore writes randomSpanBatches into a fresh store, one batch
// after the other.
func randomSpanStore(t *testing.T, first time.Time, days int) *DB {
	t.Helper()
	db := openTemp(t)
	for _, b := range randomSpanBatches(first, days) {
		if _, err := db.Write(context.Background(), b, store.WriteOptions{NearDistance: -1}); err != nil {
			t.Fatal(err)
		}
	}
	return db
}

// TestRollupsMatchEvents compares every aggregation the rollups answer
// (series, Goldstein figures and countries by dates and country; top
// places and dyads over all dates, of an actor, and over random,
// month-aligned and open date ranges) and every aggregation of an actor
// code read from the actor indexes with the same from the events alone,
// on random data over five months; as written, after a write that fails
// midway, and as the migration builds the rollups from the events.
func TestRollupsMatchEvents(t *testing.T) {
	first := time.Date(2024, 1, 20, 0, 0, 0, 0, time.UTC)
	db := randomSpanStore(t, first, 140)
	ctx := context.Background()
	var n int
	if err := db.pool.QueryRow(ctx, `SELECT count(*) FROM events WHERE num_mentions > 1`).Scan(&n); err != nil || n == 0 {
		t.Fatalf("%d events with several mentions (%v): the test exercises little", n, err)
	}
	if err := db.pool.QueryRow(ctx, `SELECT count(*) FROM mentions m JOIN events e ON e.id = m.event_id
		WHERE m.data IS NOT NULL AND e.place != '' AND m.data->'action_geo' IS NULL`).Scan(&n); err != nil || n == 0 {
		t.Fatalf("%d reports at no place of events with one (%v): no event learned its place", n, err)
	}
	check := func(stage string) {
		t.Helper()
		checkRollups(t, db, first, stage)
	}
	check("written")
	// A batch that fails after its first article (an event with no
	// valid date) stores nothing, rollups included.
	bad := ev(1, "USA", "RUS", "036", "2024-13-45", "611717")
	if _, err := db.Write(ctx, &store.Batch{Articles: []store.Article{
		art("https://f.example/1", "", "A good report of talks between officials of both sides.", ev(1, "USA", "RUS", "036", "2024-02-03", "611717")),
		art("https://f.example/2", "", "A report with a date no calendar has.", bad)}}, store.WriteOptions{}); err == nil {
		t.Fatal("a batch with a bad event date was written")
	}
	check("after a failed write")
	for _, q := range append(undoMigration5, `UPDATE schema_version SET version = 4`) {
		if _, err := db.pool.Exec(ctx, q); err != nil {
			t.Fatalf("%s: %v", q, err)
		}
	}
	if err := migrate(ctx, db.pool); err != nil {
		t.Fatal(err)
	}
	check("migrated")
}

// checkRollups compares every aggregation the rollups answer and every
// aggregation of an actor code read from the actor indexes with the same
// from the events alone, on a randomSpanBatches store from first.
func checkRollups(t *testing.T, db *DB, first time.Time, stage string) {
	t.Helper()
	ctx := context.Background()
	r := rand.New(rand.NewPCG(5, 8))
	day := func(n int) string { return first.AddDate(0, 0, n).Format("2006-01-02") }
	var queries []store.Query
	for _, agg := range []string{"day", "week", "month", "goldstein", "countries"} {
		for _, f := range []store.Filter{{}, {From: "2024-03-02"}, {From: "2024-03-02", To: "2024-03-04"}, {Country: "X61"},
			{Country: "x29", To: "2024-03-03"}} {
			queries = append(queries, store.Query{Aggregate: agg, Filter: f})
		}
	}
	for _, f := range []store.Filter{{Quad: 3}, {Quad: 3, From: "2024-03-02"}, {Quad: 3, From: "2024-02-02", To: "2024-04-04", Country: "X61"},
		{Quad: 1, To: "2024-03-03"}} {
		queries = append(queries, store.Query{Aggregate: "countries", Filter: f})
	}
	for _, f := range []store.Filter{{}, {Limit: 2}, {Actor: "SDN"}, {Actor: "USA", Limit: 3}} {
		queries = append(queries, store.Query{Aggregate: "dyads", Filter: f})
	}
	queries = append(queries, store.Query{Aggregate: "places"}, store.Query{Aggregate: "places", Filter: store.Filter{Limit: 1}})
	ranges := [][2]string{{"2024-02-01", "2024-03-31"}, {"2024-02-01", ""}, {"", "2024-04-30"}, {"2024-02-02", "2024-02-28"},
		{"2024-03-01", "2024-03-31"}, {"2024-01-01", "2024-12-31"}, {"2024-04-10", "2024-03-10"}, {"2024-02-29", "2024-03-01"}}
	for range 30 {
		a, b := r.IntN(150)-5, r.IntN(150)-5
		ranges = append(ranges, [2]string{day(min(a, b)), day(max(a, b))})
	}
	for _, rg := range ranges {
		for _, q := range []store.Query{{Aggregate: "places"}, {Aggregate: "dyads"}, {Aggregate: "dyads", Filter: store.Filter{Limit: 100}},
			{Aggregate: "places", Filter: store.Filter{Limit: 1}}} {
			q.From, q.To = rg[0], rg[1]
			if _, ok := sqlfilter.Months(q.Filter); !ok {
				t.Fatalf("%+v: not answered by the month rollups", q)
			}
			queries = append(queries, q)
		}
	}
	for _, agg := range []string{"day", "week", "month", "goldstein", "dyads", "places", "countries"} {
		for _, f := range []store.Filter{{Actor: "SDN"}, {Actor: "USA", Code: "1"}, {Actor: "SDNMIL", From: "2024-02-10", To: "2024-04-01"},
			{Actor: "S", Quad: 3}, {Actor: "FRA", Country: "X61"}, {Actor: "R", Country: "61"}, {Actor: "NOBODY"}, {Actor: "USA", Limit: 2}} {
			queries = append(queries, store.Query{Aggregate: agg, Filter: f})
		}
	}
	rows := 0
	for _, q := range queries {
		db.noRollup = false
		a, err := db.Query(ctx, q)
		if err != nil {
			t.Fatalf("%s: %+v: %v", stage, q, err)
		}
		db.noRollup = true
		b, err := db.Query(ctx, q)
		if err != nil {
			t.Fatalf("%s: %+v: %v", stage, q, err)
		}
		if fmt.Sprint(a) != fmt.Sprint(b) {
			t.Errorf("%s: %s %+v:\nrollups %v\nevents  %v", stage, q.Aggregate, q.Filter, a, b)
		}
		rows += len(a.Rows)
	}
	if rows < 300 {
		t.Errorf("%s: %d rows in all: the test exercises little", stage, rows)
	}
}

// TestRollupsConcurrentWriters writes the random batches from three
// writers at once, each with its own connection pool (as worker processes
// would), and compares the rollups with the events after.
func TestRollupsConcurrentWriters(t *testing.T) {
	first := time.Date(2024, 1, 20, 0, 0, 0, 0, time.UTC)
	dsn := freshDatabase(t)
	ctx := context.Background()
	dbs := make([]*DB, 3)
	for i := range dbs {
		db, err := Open(ctx, dsn)
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { db.Close() })
		dbs[i] = db
	}
	batches := randomSpanBatches(first, 140)
	errs := make(chan error, len(batches))
	var wg sync.WaitGroup
	for i, db := range dbs {
		wg.Go(func() {
			for j := i; j < len(batches); j += len(dbs) {
				_, err := db.Write(ctx, batches[j], store.WriteOptions{NearDistance: -1})
				errs <- err
			}
		})
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		if err != nil {
			t.Fatal(err)
		}
	}
	checkRollups(t, dbs[0], first, "concurrent")
}
