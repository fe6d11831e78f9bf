package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"math/rand/v2"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/eventwire/eventwire/internal/event"
	"github.com/eventwire/eventwire/internal/gkg"
	"github.com/eventwire/eventwire/internal/store"
	"github.com/eventwire/eventwire/internal/store/sqlfilter"
	"github.com/eventwire/eventwire/internal/store/storetest"
)

func openTemp(t testing.TB) *DB {
	t.Helper()
	db, err := Open(context.Background(), filepath.Join(t.TempDir(), "sub", "ew.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	return db
}

// TestConformance runs the store conformance suite on SQLite.
func TestConformance(t *testing.T) {
	storetest.Run(t, func(t *testing.T) store.Store { return openTemp(t) })
}

func write(t *testing.T, db *DB, arts ...store.Article) store.WriteResult {
	t.Helper()
	res, err := db.Write(context.Background(), &store.Batch{Run: store.Run{ID: "r1", Started: time.Unix(0, 0)}, Articles: arts}, store.WriteOptions{})
	if err != nil {
		t.Fatal(err)
	}
	return res
}

func stats(t *testing.T, db *DB) store.Stats {
	t.Helper()
	s, err := db.Stats(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func TestMigrationsAndReopen(t *testing.T) {
	path := filepath.Join(t.TempDir(), "ew.db")
	db, err := Open(context.Background(), path)
	if err != nil {
		t.Fatal(err)
	}
	write(t, db, storetest.Article("https://a.example/1", "", storetest.TextA, storetest.Event(1, "CHN", "USA", "112", "2024-06-11", "")))
	var v int
	db.db.QueryRow("PRAGMA user_version").Scan(&v)
	var mode string
	db.db.QueryRow("PRAGMA journal_mode").Scan(&mode)
	db.Close()
	if v != SchemaVersion || mode != "wal" {
		t.Errorf("user_version %d journal_mode %s, want %d wal", v, mode, SchemaVersion)
	}
	db, err = Open(context.Background(), path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if s := stats(t, db); s.Articles != 1 || s.Events != 1 {
		t.Errorf("after reopen: %+v", s)
	}
	db.db.Exec(fmt.Sprintf("PRAGMA user_version = %d", SchemaVersion+1))
	db.Close()
	if _, err := Open(context.Background(), path); err == nil || !strings.Contains(err.Error(), "newer") {
		t.Errorf("newer schema: %v", err)
	}
}

// TestMigrateFromVersion1 opens a store as the first schema version left
// it (an article, an event at a place recorded only in its mention's
// JSON), migrated to version 2 and given a theme there, and checks that
// the store migrated to the current version answers the place and theme
// filters, top places with coordinates, and the article.
func TestMigrateFromVersion1(t *testing.T) {
	path := filepath.Join(t.TempDir(), "v1.db")
	raw, err := sql.Open("sqlite", "file:"+path)
	if err != nil {
		t.Fatal(err)
	}
	a := storetest.Article("https://b.example/2", "Wire", storetest.TextB, storetest.Event(1, "CVL", "GEOLEG", "141", "2024-03-08", "611717"))
	data := `{"doc_id":"` + a.ID + `","sentence":1,"text":"Thousands of protesters gathered.","source":"CVL","target":"GEOLEG","code":"141",` +
		`"root":"14","base":"141","quad_class":3,"goldstein":-6.5,"date":"2024-03-08","source_span":{"start":0,"end":9,"first":1,"last":1},` +
		`"target_span":{"start":-1,"end":-1,"first":0,"last":0},"verb_span":{"start":-1,"end":-1,"first":0,"last":0},"rule":"t:1",` +
		`"action_geo":{"type":4,"full_name":"Tbilisi, Tbilisi, Georgia","country_iso":"GEO","country_fips":"GG","lat":41.69411,"lon":44.83368,"feature_id":"611717"}}`
	stmts := []string{
		migrations[0],
		// Version 1's data.
		`INSERT INTO articles(id, url, title, source, published, text, simhash, words, ingested) VALUES
			('` + a.ID + `', 'https://b.example/2', 'Protest', 'Wire', '2024-03-08T00:00:00Z', '` + a.Text + `', 1, 30, 1700000000)`,
		`INSERT INTO copies(id, article_id, url, source, origin, run_id, seen) VALUES ('` + a.ID + `', '` + a.ID + `', 'https://b.example/2', 'Wire', 'x.txt', 'r', 1700000000)`,
		`INSERT INTO sentences(article_id, n, start, end) VALUES ('` + a.ID + `', 1, 0, 81), ('` + a.ID + `', 2, 82, 195)`,
		`INSERT INTO events(source, target, base, code, quad, goldstein, day, place, place_name, country, country_fips, source_name, target_name,
			first_seen, is_root, num_mentions, num_sources, num_articles, first_mention) VALUES
			('CVL', 'GEOLEG', '141', '141', 3, -6.5, 19790, '611717', 'Tbilisi, Tbilisi, Georgia', 'GEO', 'GG', 'protesters', '', 1700000000, 1, 1, 1, 1, 1)`,
		`INSERT INTO mentions(event_id, article_id, copy_id, sentence_id, source_name, confidence, seen, data) VALUES
			(1, '` + a.ID + `', '` + a.ID + `', 1, 'Wire', 100, 1700000000, '` + data + `')`,
		// Version 2, with a theme of the article's knowledge.
		migrations[1],
		`UPDATE articles SET tone = -4, knowledge = '{"themes":[{"theme":"PROTEST","offset":0,"text":"protesters"}],"tone":{"tone":-4}}'`,
		`INSERT INTO article_themes(theme, article_id, n) VALUES ('PROTEST', '` + a.ID + `', 1)`,
		`PRAGMA user_version = 2`,
	}
	for _, s := range stmts {
		if _, err := raw.Exec(s); err != nil {
			t.Fatalf("%s: %v", s, err)
		}
	}
	raw.Close()
	db, err := Open(context.Background(), path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	ctx := context.Background()
	tab, err := db.Query(ctx, store.Query{Aggregate: "places", Filter: store.Filter{Place: "tbilisi"}})
	if err != nil {
		t.Fatal(err)
	}
	if got := fmt.Sprint(tab.Rows); got != "[[611717 Tbilisi, Tbilisi, Georgia GEO 41.69411 44.83368 1 1 -6.5]]" {
		t.Errorf("places after migration: %s", got)
	}
	tab, err = db.Query(ctx, store.Query{Aggregate: "day"})
	if err != nil {
		t.Fatal(err)
	}
	if got := fmt.Sprint(tab.Rows); got != "[[2024-03-08 1 1 -6.5 ]]" {
		t.Errorf("series after migration: %s", got)
	}
	var got []string
	if err := db.Events(ctx, store.Filter{Theme: "PROTEST"}, func(e *store.StoredEvent) error { got = append(got, e.Event.Code); return nil }); err != nil || fmt.Sprint(got) != "[141]" {
		t.Errorf("theme after migration: %v %v", got, err)
	}
	v, err := db.Article(ctx, a.ID)
	if err != nil {
		t.Fatal(err)
	}
	if v.Knowledge == nil || v.Knowledge.Tone.Tone != -4 || len(v.Events) != 1 || v.Events[0].Event.ActionGeo == nil || len(v.Sentences) != 2 || len(v.Copies) != 1 || v.Title != "Protest" {
		t.Errorf("article after migration: %+v", v)
	}
	// The migrated store takes new articles with knowledge.
	b := storetest.Article("https://a.example/1", "", storetest.TextA, storetest.Event(1, "CHN", "USA", "112", "2024-06-11", "611717"))
	if res := write(t, db, b); res.New != 1 || res.Events != 1 {
		t.Errorf("write after migration: %+v", res)
	}
	if s := stats(t, db); s.Articles != 2 || s.Events != 2 || s.Mentions != 2 {
		t.Errorf("stats after migration: %+v", s)
	}
}

// TestThemesBeyondBits stores articles with more themes than events.themes
// has bits: the theme filter finds the events of each.
func TestThemesBeyondBits(t *testing.T) {
	db := openTemp(t)
	const n = maxThemeBits + 10
	var arts []store.Article
	for i := 0; i < n; i++ {
		text := fmt.Sprintf("Report %d: officials of country %d met envoys in the capital to discuss trade and a border treaty.", i, i)
		a := storetest.Article(fmt.Sprintf("https://t.example/%d", i), "", text, storetest.Event(1, fmt.Sprintf("C%02d", i), "USA", "040", "2024-01-01", ""))
		a.Knowledge = &gkg.Record{Themes: []gkg.Theme{{Theme: fmt.Sprintf("THEME%02d", i)}, {Theme: "COMMON"}, {Theme: fmt.Sprintf("THEME%02d", i)}}}
		arts = append(arts, a)
	}
	res, err := db.Write(context.Background(), &store.Batch{Articles: arts}, store.WriteOptions{NearDistance: -1})
	if err != nil || res.New != n || res.Events != n {
		t.Fatalf("write: %+v %v", res, err)
	}
	for _, i := range []int{0, 1, maxThemeBits - 2, maxThemeBits - 1, maxThemeBits, n - 1} {
		var got []string
		f := store.Filter{Theme: fmt.Sprintf("THEME%02d", i)}
		if err := db.Events(context.Background(), f, func(e *store.StoredEvent) error { got = append(got, e.Event.Source); return nil }); err != nil {
			t.Fatal(err)
		}
		if want := fmt.Sprintf("[C%02d]", i); fmt.Sprint(got) != want {
			t.Errorf("theme %s: %v, want %s", f.Theme, got, want)
		}
		tab, err := db.Query(context.Background(), store.Query{Filter: f, Aggregate: "day"})
		if err != nil || fmt.Sprint(tab.Rows) != "[[2024-01-01 1 1 1 0]]" {
			t.Errorf("theme %s series: %v %v", f.Theme, tab, err)
		}
	}
	tab, err := db.Query(context.Background(), store.Query{Filter: store.Filter{Theme: "COMMON"}, Aggregate: "goldstein"})
	if err != nil || fmt.Sprint(tab.Rows) != fmt.Sprintf("[[%d %d 1 1]]", n, n) {
		t.Errorf("common theme: %v %v", tab, err)
	}
	var bits int
	db.db.QueryRow(`SELECT count(*) FROM theme_bits`).Scan(&bits)
	if bits != maxThemeBits {
		t.Errorf("%d theme bits, want %d", bits, maxThemeBits)
	}
}

// TestFullTextSyntax checks SQLite's FTS5 query syntax, which the
// conformance suite leaves to each implementation.
func TestFullTextSyntax(t *testing.T) {
	db := openTemp(t)
	write(t, db,
		storetest.Article("https://a.example/1", "", storetest.TextA, storetest.Event(1, "CHN", "USA", "112", "2024-06-11", ""), storetest.Event(2, "CHNGOV", "USA", "163", "2024-06-12", "")),
		storetest.Article("https://a.example/2", "", storetest.TextB, storetest.Event(1, "CVL", "GEOLEG", "141", "2024-03-08", ""), storetest.Event(2, "COP", "CVL", "173", "2024-03-08", "")),
	)
	for _, tt := range []struct{ text, want string }{
		{"tbilisi OR sanctions", "163 141"},
		{"countermeasures", "163"},
		{"sanction*", "163"},
		{`"tear gas"`, "173"},
		{"police NOT gas", ""},
		{"NEAR(tear disperse, 5)", "173"},
	} {
		var got []string
		if err := db.Events(context.Background(), store.Filter{Text: tt.text}, func(e *store.StoredEvent) error {
			got = append(got, e.Event.Code)
			return nil
		}); err != nil {
			t.Errorf("%s: %v", tt.text, err)
			continue
		}
		if strings.Join(got, " ") != tt.want {
			t.Errorf("%s: %v, want %s", tt.text, got, tt.want)
		}
	}
	// A query FTS5 cannot read is a *store.TextQueryError saying what is
	// wrong in the query's terms, by Events and Query alike, never
	// SQLite's "SQL logic error".
	for _, tt := range []struct{ text, want string }{
		{`"unbalanced`, `a phrase opened with " is not closed`},
		{`tear OR`, "ends too early"},
		{`AND tear`, "AND needs a term on each side"},
		{`(tear gas`, `a "(" is not closed`},
		{`tear gas)`, `a ")" closes no "("`},
		{`col:tear`, `"col" reads as a column filter`},
		{`tear -gas`, `"gas" reads as a column filter`},
		{`*`, "a lone *"},
		{`tear.gas`, `unexpected "."`},
	} {
		check := func(how string, err error) {
			var te *store.TextQueryError
			if !errors.As(err, &te) || te.Query != tt.text || !strings.Contains(err.Error(), tt.want) || strings.Contains(err.Error(), "SQL") {
				t.Errorf("%s %q: %v, want a *store.TextQueryError with %q", how, tt.text, err, tt.want)
			}
		}
		check("Events", db.Events(context.Background(), store.Filter{Text: tt.text}, func(*store.StoredEvent) error { return nil }))
		_, err := db.Query(context.Background(), store.Query{Filter: store.Filter{Text: tt.text}})
		check("Query", err)
		_, err = db.Query(context.Background(), store.Query{Filter: store.Filter{Text: tt.text}, Aggregate: "dyads"})
		check("Query dyads", err)
	}
}

// TestAggregationCacheSeesWrites checks that cached aggregations follow
// writes, by this handle and by another one on the same file (another
// process), and that a caller changing a returned table changes no later
// answer.
func TestAggregationCacheSeesWrites(t *testing.T) {
	path := filepath.Join(t.TempDir(), "ew.db")
	ctx := context.Background()
	db, err := Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	other, err := Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer other.Close()
	countries := func() string {
		t.Helper()
		tab, err := db.Query(ctx, store.Query{Aggregate: "countries"})
		if err != nil {
			t.Fatal(err)
		}
		return fmt.Sprint(tab.Rows)
	}
	write(t, db, storetest.Article("https://a.example/1", "", storetest.TextB, storetest.Event(1, "CVL", "GEOLEG", "141", "2024-03-08", "611717")))
	if got := countries(); got != "[[GEO 1 1 -6.5]]" {
		t.Fatalf("first: %s", got)
	}
	tab, _ := db.Query(ctx, store.Query{Aggregate: "countries"})
	tab.Rows[0][0] = "changed"
	if got := countries(); got != "[[GEO 1 1 -6.5]]" {
		t.Errorf("after changing a returned table: %s", got)
	}
	write(t, other, storetest.Article("https://c.example/3", "", storetest.TextC, storetest.Event(1, "AZE", "FRA", "036", "2024-06-11", "2988507")))
	if got := countries(); got != "[[FRA 1 1 4] [GEO 1 1 -6.5]]" {
		t.Errorf("after another handle's write: %s", got)
	}
	// A copy adds a mention of a stored event: its counts change.
	cp := storetest.Article("https://d.example/copy", "", storetest.TextB)
	write(t, db, cp)
	if got := countries(); got != "[[FRA 1 1 4] [GEO 1 2 -6.5]]" {
		t.Errorf("after a copy: %s", got)
	}
}

// TestReadsDuringWrite reads an article and aggregations while another
// connection holds the write lock: readers do not wait for writers (WAL).
func TestReadsDuringWrite(t *testing.T) {
	db := openTemp(t)
	a := storetest.Article("https://a.example/1", "", storetest.TextB, storetest.Event(1, "CVL", "GEOLEG", "141", "2024-03-08", "611717"))
	write(t, db, a)
	ctx := context.Background()
	w, err := db.db.BeginTx(ctx, nil) // BEGIN IMMEDIATE: holds the write lock
	if err != nil {
		t.Fatal(err)
	}
	defer w.Rollback()
	if _, err := w.ExecContext(ctx, `UPDATE runs SET updated = updated + 1`); err != nil {
		t.Fatal(err)
	}
	// A reader that waited for the lock would fail with the writer's
	// lock still held (busy timeout, or this deadline).
	rctx, cancel := context.WithTimeout(ctx, 10*time.Second)
	defer cancel()
	if v, err := db.Article(rctx, a.ID); err != nil || len(v.Events) != 1 {
		t.Errorf("article during a write: %v %v", v, err)
	}
	if _, err := db.Articles(rctx, store.Filter{Limit: 10}); err != nil {
		t.Errorf("articles during a write: %v", err)
	}
	if _, err := db.Query(rctx, store.Query{Aggregate: "countries"}); err != nil {
		t.Errorf("countries during a write: %v", err)
	}
}

// TestRollupMatchesEvents writes random articles (events merging across
// articles, places learnt from later reports, copies) in several batches
// and checks that every aggregation the rollups answer equals the same
// aggregation computed from the events.
// randomStore writes 90 articles (some copies of others) of random events
// among a few actors, codes, places and days.
func randomStore(t *testing.T) *DB {
	t.Helper()
	return randomStoreSpan(t, time.Date(2024, 3, 1, 0, 0, 0, 0, time.UTC), 6)
}

// randomStoreSpan is randomStore with event and publication dates drawn
// from the days days from first.
func randomStoreSpan(t *testing.T, first time.Time, days int) *DB {
	t.Helper()
	db := openTemp(t)
	ctx := context.Background()
	r := rand.New(rand.NewPCG(11, 12))
	actors := []string{"USA", "RUS", "SDNMIL", "SDNREB", "FRA"}
	codes := []string{"036", "112", "141", "173", "195"}
	places := []string{"", "", "611717", "2988507", "379252"}
	var stored []store.Article
	for batch := 0; batch < 6; batch++ {
		var arts []store.Article
		for i := 0; i < 15; i++ {
			if len(stored) > 0 && r.IntN(5) == 0 { // a copy of a stored article
				src := stored[r.IntN(len(stored))]
				cp := storetest.Article(fmt.Sprintf("https://copy%d-%d.example/x", batch, i), "", src.Text)
				cp.Published = src.Published
				arts = append(arts, cp)
				continue
			}
			text := fmt.Sprintf("Report %d of batch %d. Officials said that forces moved near the border on the day of the talks.", i, batch)
			var evs []event.Event
			for k := 0; k < 1+r.IntN(3); k++ {
				evs = append(evs, storetest.Event(1+r.IntN(2), actors[r.IntN(len(actors))], actors[r.IntN(len(actors))],
					codes[r.IntN(len(codes))], first.AddDate(0, 0, r.IntN(days)).Format("2006-01-02"), places[r.IntN(len(places))]))
			}
			a := storetest.Article(fmt.Sprintf("https://r.example/%d/%d", batch, i), "", text, evs...)
			a.Published = first.AddDate(0, 0, r.IntN(days))
			if r.IntN(3) > 0 {
				a.Knowledge = &gkg.Record{Tone: gkg.Tone{Tone: float64(r.IntN(100)-50) / 10}}
			}
			arts = append(arts, a)
			stored = append(stored, a)
		}
		if _, err := db.Write(ctx, &store.Batch{Articles: arts}, store.WriteOptions{NearDistance: -1}); err != nil {
			t.Fatal(err)
		}
	}
	return db
}

func TestRollupMatchesEvents(t *testing.T) {
	db := randomStore(t)
	ctx := context.Background()
	var n int
	db.db.QueryRow(`SELECT count(*) FROM events WHERE num_mentions > 1`).Scan(&n)
	if n == 0 {
		t.Fatal("no event with several mentions: the test exercises nothing")
	}
	for _, agg := range []string{"day", "week", "month", "goldstein", "countries"} {
		for _, f := range []store.Filter{{}, {From: "2024-03-02"}, {From: "2024-03-02", To: "2024-03-04"}, {Country: "GEO"}, {Country: "fra", To: "2024-03-03"}} {
			q := store.Query{Aggregate: agg, Filter: f}
			if _, _, ok := rollupWhere(q); !ok {
				t.Fatalf("%+v: not answered by the rollup", q)
			}
			db.noRollup = false
			a, err := db.query(ctx, q)
			if err != nil {
				t.Fatal(err)
			}
			db.noRollup = true
			b, err := db.query(ctx, q)
			if err != nil {
				t.Fatal(err)
			}
			if fmt.Sprint(a) != fmt.Sprint(b) {
				t.Errorf("%s %+v:\nrollup %v\nevents %v", agg, f, a, b)
			}
		}
	}
	for _, q := range []store.Query{{Aggregate: "dyads"}, {Aggregate: "dyads", Filter: store.Filter{Limit: 100}},
		{Aggregate: "dyads", Filter: store.Filter{Actor: "SDN"}}, {Aggregate: "dyads", Filter: store.Filter{Actor: "USA", Limit: 3}},
		{Aggregate: "dyads", Filter: store.Filter{Actor: "FRA", Limit: 100}},
		{Aggregate: "places"}, {Aggregate: "places", Filter: store.Filter{Limit: 2}}} {
		if _, _, ok := rollupWhere(q); !ok {
			t.Fatalf("%+v: not answered by the totals", q)
		}
		db.noRollup = false
		a, err := db.query(ctx, q)
		if err != nil {
			t.Fatal(err)
		}
		db.noRollup = true
		b, err := db.query(ctx, q)
		if err != nil {
			t.Fatal(err)
		}
		if fmt.Sprint(a) != fmt.Sprint(b) || len(a.Rows) == 0 {
			t.Errorf("%s %+v:\ntotals %v\nevents %v", q.Aggregate, q.Filter, a, b)
		}
	}
	for _, f := range []store.Filter{{From: "2024-03-02"}, {Actor: "SDN", Code: "1"}, {Actor: "Sudan"}} {
		if _, _, ok := rollupWhere(store.Query{Aggregate: "dyads", Filter: f}); ok {
			t.Errorf("dyads of %+v answered by the totals", f)
		}
	}
}

// TestPlanHintsKeepResults lists pages of events, and of mentions, under
// every combination of plan hints: the hints change plans, never answers.
func TestPlanHintsKeepResults(t *testing.T) {
	db := randomStore(t)
	ctx := context.Background()
	filters := []store.Filter{
		{Actor: "SDN", Limit: 7},
		{Actor: "SDN", Limit: 7, Sort: "-date"},
		{Actor: "USA", Limit: 5, Sort: "mentions", After: 9},
		{Actor: "FRA", Limit: 4, Sort: "-goldstein", From: "2024-03-02"},
		{Code: "1", Limit: 6},
		{Code: "14", Quad: 3, Limit: 3, Sort: "-date"},
		{Code: "11", Actor: "RUS", Limit: 50, After: 4},
		{Code: "03", Quad: 1, Limit: 2, Sort: "date", After: 20},
	}
	list := func(f store.Filter, h *planHints) string {
		db.hints = h
		defer func() { db.hints = nil }()
		var b strings.Builder
		if err := db.Events(ctx, f, func(se *store.StoredEvent) error {
			fmt.Fprintf(&b, "%d:%s ", se.ID, se.Event.Code)
			return nil
		}); err != nil {
			t.Fatal(err)
		}
		b.WriteString("| ")
		if err := db.Mentions(ctx, f, func(sm *store.StoredMention) error {
			fmt.Fprintf(&b, "%d ", sm.EventID)
			return nil
		}); err != nil {
			t.Fatal(err)
		}
		tb, err := db.query(ctx, store.Query{Filter: f})
		if err != nil {
			t.Fatal(err)
		}
		fmt.Fprint(&b, "| ", tb.Rows)
		return b.String()
	}
	for _, f := range filters {
		want := list(f, &planHints{})
		if strings.HasPrefix(want, "| ") {
			t.Fatalf("%+v: no event: the test exercises nothing", f)
		}
		for _, h := range []planHints{{walkCode: true}, {walkActor: true}, {walkCode: true, walkActor: true}} {
			if got := list(f, &h); got != want {
				t.Errorf("%+v with %+v:\n got %s\nwant %s", f, h, got, want)
			}
		}
	}
}

// TestWordSearchPlan checks that a word search maps sentences to events
// through the covering sentence index of mentions (no mention row reads).
func TestWordSearchPlan(t *testing.T) {
	db := randomStore(t)
	w, args, err := where(store.Filter{Text: "border"}, -1)
	if err != nil {
		t.Fatal(err)
	}
	rows, err := db.db.Query("EXPLAIN QUERY PLAN SELECT e.id FROM events e"+w+" ORDER BY e.id LIMIT 50", args...)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	var plan []string
	for rows.Next() {
		var id, parent, unused int
		var detail string
		if err := rows.Scan(&id, &parent, &unused, &detail); err != nil {
			t.Fatal(err)
		}
		plan = append(plan, detail)
	}
	if err := rows.Err(); err != nil {
		t.Fatal(err)
	}
	if p := strings.Join(plan, "; "); !strings.Contains(p, "COVERING INDEX mentions_sentence") {
		t.Errorf("word search plan %q: want the covering index mentions_sentence", p)
	}
}

// TestPlannerStatistics checks that a store with events gives the planner
// statistics on the events table once closed and reopened.
func TestPlannerStatistics(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "ew.db")
	db, err := Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	var arts []store.Article
	for i := range 20 {
		arts = append(arts, storetest.Article(fmt.Sprintf("https://s.example/%d", i), "", fmt.Sprintf("Report %d. Forces moved near the border.", i),
			storetest.Event(1, "USA", "RUS", "112", "2024-03-02", "")))
	}
	write(t, db, arts...)
	if err := db.Close(); err != nil {
		t.Fatal(err)
	}
	db, err = Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	var n int
	if err := db.db.QueryRow(`SELECT count(*) FROM sqlite_stat1 WHERE tbl = 'events'`).Scan(&n); err != nil || n == 0 {
		t.Errorf("statistics of events: %d rows (%v), want some", n, err)
	}
}

// TestMigrateEventConfidence opens a store as schema version 8 left it
// (no event confidence column) holding events whose mentions' JSON carries
// a coded confidence and one whose does not: the migration gives the first
// the highest of its mentions' and leaves the other unknown, which no
// confidence filter matches.
func TestMigrateEventConfidence(t *testing.T) {
	path := filepath.Join(t.TempDir(), "v8.db")
	ctx := context.Background()
	db, err := Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	strike := func(c float64) event.Event {
		e := storetest.Event(1, "SDNMIL", "SDNREB", "195", "2024-04-22", "379252")
		e.Confidence = c
		return e
	}
	write(t, db,
		storetest.Article("https://a.example/1", "", "Report one about an air strike in the capital.", strike(0.7)),
		storetest.Article("https://b.example/1", "", "Report two, a different text on the same strike.", strike(0.3)),
		storetest.Article("https://c.example/3", "", storetest.TextC, storetest.Event(1, "AZE", "FRA", "036", "2024-06-11", "2988507")))
	// Back to version 8: undo migrations 9 and on.
	for _, s := range []string{`ALTER TABLE events DROP COLUMN event_confidence`, `DROP TABLE place_months`, `DROP TABLE dyad_days`,
		`DROP INDEX events_source`, `DROP TABLE sentences_vocab`, `PRAGMA user_version = 8`} {
		if _, err := db.db.Exec(s); err != nil {
			t.Fatalf("%s: %v", s, err)
		}
	}
	db.Close()
	if db, err = Open(ctx, path); err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	var got []string
	err = db.Events(ctx, store.Filter{}, func(e *store.StoredEvent) error {
		got = append(got, fmt.Sprintf("%s:%g", e.Event.Code, e.EventConfidence))
		return nil
	})
	if err != nil || strings.Join(got, " ") != "195:0.7 036:0" {
		t.Errorf("events after migration: %v %v, want 195:0.7 036:0", got, err)
	}
	tab, err := db.Query(ctx, store.Query{Aggregate: "countries", Filter: store.Filter{MinConfidence: 0.01}})
	if err != nil || fmt.Sprint(tab.Rows) != "[[SDN 1 2 -10]]" {
		t.Errorf("countries of known confidence after migration: %v %v", tab, err)
	}
}

// TestMonthRollupsMatchEvents compares top places and dyads over date
// ranges answered from the month rollups and the events at the ends with
// the same answers from the events alone, on random data over five months
// (copies, merged reports, events given a place by a later report), for
// random ranges, ranges on month boundaries and open ranges; then the
// same after the migration builds the rollups from the stored events.
func TestMonthRollupsMatchEvents(t *testing.T) {
	first := time.Date(2024, 1, 20, 0, 0, 0, 0, time.UTC)
	db := randomStoreSpan(t, first, 140)
	ctx := context.Background()
	r := rand.New(rand.NewPCG(5, 8))
	day := func(n int) string { return first.AddDate(0, 0, n).Format("2006-01-02") }
	ranges := [][2]string{{"2024-02-01", "2024-03-31"}, {"2024-02-01", ""}, {"", "2024-04-30"}, {"2024-02-02", "2024-02-28"},
		{"2024-03-01", "2024-03-31"}, {"2024-01-01", "2024-12-31"}, {"2024-04-10", "2024-03-10"}, {"2024-02-29", "2024-03-01"}}
	for range 40 {
		a, b := r.IntN(150)-5, r.IntN(150)-5
		ranges = append(ranges, [2]string{day(min(a, b)), day(max(a, b))})
	}
	check := func(stage string) {
		t.Helper()
		n := 0
		for _, rg := range ranges {
			for _, q := range []store.Query{{Aggregate: "places"}, {Aggregate: "dyads"}, {Aggregate: "dyads", Filter: store.Filter{Limit: 100}},
				{Aggregate: "places", Filter: store.Filter{Limit: 1}}} {
				q.From, q.To = rg[0], rg[1]
				if _, ok := sqlfilter.Months(q.Filter); !ok {
					t.Fatalf("%+v: not answered by the month rollups", q)
				}
				db.noRollup = false
				a, err := db.query(ctx, q)
				if err != nil {
					t.Fatal(err)
				}
				db.noRollup = true
				b, err := db.query(ctx, q)
				if err != nil {
					t.Fatal(err)
				}
				if fmt.Sprint(a) != fmt.Sprint(b) {
					t.Errorf("%s: %s %s to %s limit %d:\nmonths %v\nevents %v", stage, q.Aggregate, rg[0], rg[1], q.Limit, a, b)
				}
				n += len(a.Rows)
			}
		}
		if n < 100 {
			t.Errorf("%s: %d rows in all: the test exercises little", stage, n)
		}
	}
	check("written")
	for _, f := range []store.Filter{{}, {From: "2024-02-01", Quad: 1}, {To: "2024-02-01", Actor: "SDN"}, {From: "2024-02-01", Country: "FRA"}} {
		if _, ok := sqlfilter.Months(f); ok {
			t.Errorf("%+v answered by the month rollups", f)
		}
	}
	// The migration builds the same rollups from the stored events.
	for _, q := range []string{`DROP TABLE place_months`, `DROP TABLE dyad_days`, `DROP INDEX events_source`, `DROP TABLE sentences_vocab`,
		`PRAGMA user_version = 9`} {
		if _, err := db.db.Exec(q); err != nil {
			t.Fatalf("%s: %v", q, err)
		}
	}
	if err := migrate(ctx, db.db); err != nil {
		t.Fatal(err)
	}
	check("migrated")
}

// TestActorAggregationsMatchEvents compares aggregations of an actor code
// read from the source and target indexes with the same from the events
// table, with every other condition.
func TestActorAggregationsMatchEvents(t *testing.T) {
	db := randomStoreSpan(t, time.Date(2024, 1, 20, 0, 0, 0, 0, time.UTC), 140)
	ctx := context.Background()
	filters := []store.Filter{{Actor: "SDN"}, {Actor: "USA", Code: "1"}, {Actor: "SDNMIL", From: "2024-02-10", To: "2024-04-01"},
		{Actor: "S", Quad: 4}, {Actor: "FRA", Country: "GEO"}, {Actor: "R", Country: "FR"}, {Actor: "RUS", Place: "Paris"},
		{Actor: "SDN", Text: `"border"`}, {Actor: "NOBODY"}, {Actor: "USA", Limit: 2}}
	n := 0
	for _, agg := range []string{"day", "week", "month", "goldstein", "dyads", "places", "countries"} {
		for _, f := range filters {
			q := store.Query{Aggregate: agg, Filter: f}
			db.noRollup = false
			a, err := db.query(ctx, q)
			if err != nil {
				t.Fatalf("%s %+v: %v", agg, f, err)
			}
			db.noRollup = true
			b, err := db.query(ctx, q)
			if err != nil {
				t.Fatal(err)
			}
			if fmt.Sprint(a) != fmt.Sprint(b) {
				t.Errorf("%s %+v:\nactor indexes %v\nevents %v", agg, f, a, b)
			}
			n += len(a.Rows)
		}
	}
	if n < 100 {
		t.Errorf("%d rows in all: the test exercises little", n)
	}
}

// TestWordWalkKeepsPages lists pages of events matching common words,
// walked in id order (walkText) and found the plain way: the same pages,
// whether the walk fills them or stops at its bound and leaves the rest to
// the plain way.
func TestWordWalkKeepsPages(t *testing.T) {
	db := randomStoreSpan(t, time.Date(2024, 1, 20, 0, 0, 0, 0, time.UTC), 140)
	ctx := context.Background()
	ids := func(f store.Filter) string {
		t.Helper()
		var out []string
		if err := db.Events(ctx, f, func(e *store.StoredEvent) error { out = append(out, fmt.Sprint(e.ID)); return nil }); err != nil {
			t.Fatalf("%+v: %v", f, err)
		}
		return strings.Join(out, " ")
	}
	walked := 0
	for _, text := range []string{`"border" "talks"`, `"officials"`, `"Officials" "BORDER"`, `"report" "batch"`} {
		for _, f := range []store.Filter{{Limit: 1}, {Limit: 5}, {Limit: 7, After: 30}, {Limit: 50}, {Limit: 3, Actor: "SDN"},
			{Limit: 4, Actor: "FRA", Quad: 4}, {Limit: 2, After: 150}, {Limit: 10, Code: "19"}} {
			f.Text = text
			b, err := db.walkBound(ctx, f)
			if err != nil || b == 0 {
				t.Fatalf("%+v: no walk (%v)", f, err)
			}
			if _, ok, err := db.walkText(ctx, f, -1, b); err != nil || !ok {
				t.Fatalf("%+v: walk refused (%v)", f, err)
			}
			walked++
			walkedIDs := ids(f)
			db.noRollup = true
			plain := ids(f)
			db.noRollup = false
			if walkedIDs != plain || plain == "" && f.After == 0 {
				t.Errorf("%+v:\nwalked %s\nplain  %s", f, walkedIDs, plain)
			}
		}
	}
	for _, f := range []store.Filter{{Text: `"border"`}, {Text: `"bord"*`, Limit: 5}, {Text: `"border" OR "talks"`, Limit: 5},
		{Text: `"border"`, Limit: 5, Sort: "-date"}, {Text: `"nowhere"`, Limit: 5}} {
		if b, err := db.walkBound(ctx, f); err != nil || b != 0 {
			t.Errorf("%+v: walk bound %d (%v), want none", f, b, err)
		}
	}
}

// FuzzSimpleTerms checks that the reader of full-text queries for the word
// walk accepts only quoted single words of ASCII letters and digits, and
// gives them lower-cased.
func FuzzSimpleTerms(f *testing.F) {
	f.Add(`"army" "talks"`)
	f.Fuzz(func(t *testing.T, q string) {
		terms, ok := simpleTerms(q)
		if !ok {
			return
		}
		if len(terms) == 0 || len(terms) != len(strings.Fields(q)) {
			t.Fatalf("%q: terms %q", q, terms)
		}
		for _, w := range terms {
			if w == "" {
				t.Fatalf("%q: empty term", q)
			}
			for i := 0; i < len(w); i++ {
				if c := w[i]; !(c >= 'a' && c <= 'z' || c >= '0' && c <= '9') {
					t.Fatalf("%q: term %q", q, w)
				}
			}
		}
	})
}
