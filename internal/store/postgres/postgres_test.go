package postgres

import (
	"context"
	"errors"
	"fmt"
	"io"
	mrand "math/rand/v2"
	"os"
	"sort"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"

	"github.com/eventwire/eventwire/internal/dedup"
	"github.com/eventwire/eventwire/internal/event"
	"github.com/eventwire/eventwire/internal/gkg"
	"github.com/eventwire/eventwire/internal/shareddata"
	"github.com/eventwire/eventwire/internal/store"
	"github.com/eventwire/eventwire/internal/store/postgres/pgtest"
)

// testServer is the PostgreSQL server the tests use, from
// $EVENTWIRE_TEST_POSTGRES; tests skip when it is unset.
func testServer(t testing.TB) string {
	t.Helper()
	dsn := os.Getenv("EVENTWIRE_TEST_POSTGRES")
	if dsn == "" {
		shareddata.Skip(t, "EVENTWIRE_TEST_POSTGRES is not set: no PostgreSQL server to test against (.ci/postgres.sh starts one)")
	}
	return dsn
}

// freshDatabase creates a database on the test server for this test.
func freshDatabase(t testing.TB) string {
	t.Helper()
	return pgtest.FreshDatabase(t, testServer(t))
}

// openTemp opens a store in a fresh database.
func openTemp(t testing.TB) *DB {
	t.Helper()
	db, err := Open(context.Background(), freshDatabase(t))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	return db
}

// ev is a coded event in sentence n.
func ev(n int, src, tgt, code, date, place string) event.Event {
	e := event.Event{Sentence: n, Source: src, Target: tgt, Code: code, Base: code[:min(3, len(code))], Root: code[:2],
		QuadClass: 3, Goldstein: -2, Date: date, Rule: "test.ewd:1",
		SourceSpan: event.Span{First: 1, Last: 1, Text: strings.ToLower(src) + " officials"},
		TargetSpan: event.Span{First: 3, Last: 3, Text: strings.ToLower(tgt)}}
	if place != "" {
		e.ActionGeo = &event.Geo{Type: 4, FullName: place + " city", FeatureID: place, CountryISO: "X" + place[:2], CountryFIPS: place[:2]}
	}
	return e
}

// art is an analysed article whose sentences end at each full stop.
func art(url, source, text string, evs ...event.Event) store.Article {
	h, n := dedup.SimHash(text)
	var sents []store.Sentence
	start := 0
	for i := 0; i < len(text); i++ {
		if text[i] == '.' {
			sents = append(sents, store.Sentence{Start: start, End: i + 1})
			start = i + 2
		}
	}
	return store.Article{ID: dedup.ArticleID(url, text), CanonicalURL: dedup.CanonicalURL(url), URL: url, Source: source,
		Text: text, SimHash: h, Words: n, Sentences: sents, Events: evs, Analyzed: true, Origin: "test"}
}

const textA = "China accused the United States of interference on Tuesday. A spokesman said China would take firm countermeasures to protect its sovereignty and security against the sanctions. The sanctions freeze the assets of officials."

func TestMigrationsAndReopen(t *testing.T) {
	dsn := freshDatabase(t)
	ctx := context.Background()
	db, err := Open(ctx, dsn)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := db.Write(ctx, &store.Batch{Articles: []store.Article{art("https://a.example/1", "", textA, ev(1, "CHN", "USA", "112", "2024-06-11", ""))}}, store.WriteOptions{}); err != nil {
		t.Fatal(err)
	}
	var v int
	if err := db.pool.QueryRow(ctx, `SELECT version FROM schema_version`).Scan(&v); err != nil || v != SchemaVersion {
		t.Errorf("schema version %d (%v), want %d", v, err, SchemaVersion)
	}
	db.Close()
	// Several processes opening a new database at once: one migrates.
	var wg sync.WaitGroup
	errs := make([]error, 4)
	for i := range errs {
		wg.Go(func() {
			db, err := Open(ctx, dsn)
			if err == nil {
				db.Close()
			}
			errs[i] = err
		})
	}
	wg.Wait()
	for _, err := range errs {
		if err != nil {
			t.Error(err)
		}
	}
	db, err = Open(ctx, dsn)
	if err != nil {
		t.Fatal(err)
	}
	if s, err := db.Stats(ctx); err != nil || s.Articles != 1 || s.Events != 1 {
		t.Errorf("after reopen: %+v %v", s, err)
	}
	if _, err := db.pool.Exec(ctx, `UPDATE schema_version SET version = $1`, SchemaVersion+1); err != nil {
		t.Fatal(err)
	}
	db.Close()
	if _, err := Open(ctx, dsn); err == nil || !strings.Contains(err.Error(), "newer") {
		t.Errorf("newer schema: %v", err)
	}
}

func TestIsDSN(t *testing.T) {
	for _, tt := range []struct {
		dsn  string
		want bool
	}{
		{"postgres://u@h/db", true},
		{"postgresql://h/db?sslmode=disable", true},
		{"/var/lib/eventwire.db", false},
		{"postgres.db", false},
		{"", false},
	} {
		if got := IsDSN(tt.dsn); got != tt.want {
			t.Errorf("IsDSN(%q) = %v", tt.dsn, got)
		}
	}
}

func TestTransient(t *testing.T) {
	tests := []struct {
		err  error
		want bool
	}{
		{&pgconn.PgError{Code: "40001"}, true},
		{&pgconn.PgError{Code: "40P01"}, true},
		{&pgconn.PgError{Code: "57P01"}, true},
		{&pgconn.PgError{Code: "08006"}, true},
		{fmt.Errorf("writing event: %w", &pgconn.PgError{Code: "57P03"}), true},
		{&pgconn.PgError{Code: "23505"}, false}, // unique violation: a bug, not a transient failure
		{&pgconn.PgError{Code: "22P02"}, false},
		{io.ErrUnexpectedEOF, true},
		{context.Canceled, false},
		{fmt.Errorf("x: %w", context.DeadlineExceeded), false},
		{errors.New("event in sentence 1: date \"x\" is not YYYY-MM-DD"), false},
	}
	for _, tt := range tests {
		if got := transient(tt.err); got != tt.want {
			t.Errorf("transient(%v) = %v, want %v", tt.err, got, tt.want)
		}
	}
}

// TestWriteRetriesConnectionLoss kills the Write's server connection
// mid-transaction and checks that the retried Write stores the batch once.
// Then, with a single attempt allowed, the failure is reported as ErrRetry
// and nothing partial is stored.
func TestWriteRetriesConnectionLoss(t *testing.T) {
	db := openTemp(t)
	ctx := context.Background()
	admin, err := pgx.Connect(ctx, testServer(t))
	if err != nil {
		t.Fatal(err)
	}
	defer admin.Close(ctx)
	var dbName string
	if err := db.pool.QueryRow(ctx, `SELECT current_database()`).Scan(&dbName); err != nil {
		t.Fatal(err)
	}
	// killer terminates the backends of the store that hold the
	// de-duplication advisory locks, i.e. writers mid-transaction, once.
	killer := func() int {
		var n int
		for range 200 {
			err := admin.QueryRow(ctx, `SELECT count(pg_terminate_backend(l.pid)) FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid
				WHERE l.locktype = 'advisory' AND a.datname = $1 AND l.granted`, dbName).Scan(&n)
			if err != nil {
				t.Error(err)
				return 0
			}
			if n > 0 {
				return n
			}
			time.Sleep(time.Millisecond)
		}
		return 0
	}
	batch := func(k int) *store.Batch {
		b := &store.Batch{Run: store.Run{ID: fmt.Sprint("r", k)}}
		for i := range 200 {
			b.Articles = append(b.Articles, art(fmt.Sprintf("https://k%d.example/%d", k, i), "",
				fmt.Sprintf("Batch %d article %d: officials met in the capital to discuss a treaty on trade and security.", k, i),
				ev(1, fmt.Sprintf("A%03d", i), "USA", "040", "2024-01-01", "")))
		}
		return b
	}
	done := make(chan int)
	go func() { done <- killer() }()
	res, err := db.Write(ctx, batch(1), store.WriteOptions{NearDistance: -1})
	if killed := <-done; killed == 0 {
		t.Skip("the write finished before its connection could be terminated")
	}
	if err != nil {
		t.Fatalf("write after a lost connection: %v", err)
	}
	if res.New != 200 || res.Events != 200 {
		t.Errorf("write after a lost connection: %+v", res)
	}
	db.Retry = Retry{Attempts: 1}
	go func() { done <- killer() }()
	_, err = db.Write(ctx, batch(2), store.WriteOptions{NearDistance: -1})
	if killed := <-done; killed > 0 && !errors.Is(err, ErrRetry) {
		t.Errorf("one attempt, connection lost: got %v, want an ErrRetry", err)
	}
	s, err := db.Stats(ctx)
	if err != nil {
		t.Fatal(err)
	}
	// The second batch reports the first's events again (same keys).
	if s.Articles != 200 && s.Articles != 400 || s.Events != 200 || s.Mentions != s.Articles || s.Copies != s.Articles {
		t.Errorf("stats after lost connections: %+v (want one or two whole batches)", s)
	}
}

// content is what a store holds, independent of the order writers stored
// it in: counts, and each event's key and mention counts.
func content(t *testing.T, db *DB) string {
	t.Helper()
	ctx := context.Background()
	s, err := db.Stats(ctx)
	if err != nil {
		t.Fatal(err)
	}
	s.Runs = 0
	var evs []string
	err = db.Events(ctx, store.Filter{}, func(e *store.StoredEvent) error {
		place := ""
		if e.Event.ActionGeo != nil {
			place = e.Event.ActionGeo.FeatureID
		}
		evs = append(evs, fmt.Sprintf("%s>%s %s %s %s m%d s%d a%d", e.Event.Source, e.Event.Target, e.Event.Code, e.Event.Date, place,
			e.NumMentions, e.NumSources, e.NumArticles))
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	sort.Strings(evs)
	var ms []string
	err = db.Mentions(ctx, store.Filter{}, func(m *store.StoredMention) error {
		ms = append(ms, fmt.Sprintf("%d %s %v", m.Confidence, m.Event.Code, m.Copy))
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	sort.Strings(ms)
	return fmt.Sprintf("%+v\nevents:\n%s\nmentions:\n%s", s, strings.Join(evs, "\n"), strings.Join(ms, "\n"))
}

// randomText is a text of 40 words drawn from a small vocabulary by seed:
// texts of two seeds are far apart by SimHash.
func randomText(seed int) string {
	words := strings.Fields("the minister said police army talks protest capital city market strike ceasefire aid border troops " +
		"rebels government opposition court election vote sanctions trade treaty summit envoy refugees camp water")
	r := mrand.New(mrand.NewPCG(uint64(seed), 7))
	var sb strings.Builder
	for k := range 40 {
		sb.WriteString(words[r.IntN(len(words))])
		if k%10 == 9 {
			sb.WriteString(". ")
		} else {
			sb.WriteByte(' ')
		}
	}
	return strings.TrimSpace(sb.String())
}

// overlapping returns the batches of writer w of n: each writer stores
// articles shared with the others (the same documents, and copies of one
// text under other URLs) and its own articles reporting events the others
// also report, in its own order.
func overlapping(w, n int) []*store.Batch {
	var arts []store.Article
	for i := range 24 {
		// Shared documents (short: matched by id only): every writer
		// stores each of them.
		arts = append(arts, art(fmt.Sprintf("https://shared.example/%d", i), "", fmt.Sprintf("Shared report %d on talks.", i),
			ev(1, "FRA", "DEU", "040", "2024-02-01", "2988507"), ev(1, "DEU", "FRA", "036", "2024-02-02", "")))
		// A copy of one text under a URL of this writer: near duplicates
		// of one another, exactly one of them becomes the article.
		arts = append(arts, art(fmt.Sprintf("https://w%d.example/copy/%d", w, i), fmt.Sprintf("paper%d", w), randomText(i),
			ev(1, "GOV", "OPP", "112", "2024-03-05", "")))
		// Writer's own article reporting an event the others report too.
		arts = append(arts, art(fmt.Sprintf("https://w%d.example/own/%d", w, i), fmt.Sprintf("paper%d", w),
			fmt.Sprintf("Writer %d story %d: a strike hit Khartoum.", w, i),
			ev(1, "SDNMIL", "CVL", "195", "2024-04-22", "379252")))
	}
	// Each writer its own order, in batches of 8.
	for i := range arts {
		j := (i*7 + w*13) % len(arts)
		arts[i], arts[j] = arts[j], arts[i]
	}
	var bs []*store.Batch
	for i := 0; i < len(arts); i += 8 {
		bs = append(bs, &store.Batch{Run: store.Run{ID: "concurrent", Started: time.Unix(0, 0)}, Articles: arts[i:min(i+8, len(arts))]})
	}
	return bs
}

// TestConcurrentWritersAgreeWithOne writes overlapping batches from
// several goroutines at once (each with its own connections, as worker
// processes would) and checks the store holds what one writer storing the
// same batches one after the other makes.
func TestConcurrentWritersAgreeWithOne(t *testing.T) {
	const writers = 4
	ctx := context.Background()
	serial := openTemp(t)
	for w := range writers {
		for _, b := range overlapping(w, writers) {
			if _, err := serial.Write(ctx, b, store.WriteOptions{}); err != nil {
				t.Fatal(err)
			}
		}
	}
	want := content(t, serial)

	dsn := freshDatabase(t)
	stores := make([]*DB, writers)
	for w := range stores {
		db, err := Open(ctx, dsn)
		if err != nil {
			t.Fatal(err)
		}
		defer db.Close()
		stores[w] = db
	}
	var wg sync.WaitGroup
	results := make([]store.WriteResult, writers)
	for w := range writers {
		wg.Go(func() {
			for _, b := range overlapping(w, writers) {
				res, err := stores[w].Write(ctx, b, store.WriteOptions{})
				if err != nil {
					t.Error(err)
					return
				}
				results[w].New += res.New
				results[w].Duplicate += res.Duplicate
				results[w].Already += res.Already
				results[w].Events += res.Events
				results[w].Mentions += res.Mentions
			}
		})
	}
	wg.Wait()
	got := content(t, stores[0])
	if got != want {
		t.Errorf("concurrent writers:\n%s\none writer:\n%s", got, want)
	}
	var sum store.WriteResult
	for _, r := range results {
		sum.New, sum.Duplicate, sum.Already, sum.Events, sum.Mentions = sum.New+r.New, sum.Duplicate+r.Duplicate,
			sum.Already+r.Already, sum.Events+r.Events, sum.Mentions+r.Mentions
	}
	s, err := stores[0].Stats(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if int64(sum.New) != s.Articles || int64(sum.New+sum.Duplicate) != s.Copies || int64(sum.Events) != s.Events ||
		int64(sum.Mentions) != s.Mentions || sum.New+sum.Duplicate+sum.Already != writers*72 {
		t.Errorf("writers' results %+v do not add up to the store's %+v", sum, s)
	}
	// The run's counts are the sums of its batches'.
	var rn, rd, ra, re, rm int
	if err := stores[0].pool.QueryRow(ctx, `SELECT new, duplicate, already, events, mentions FROM runs WHERE id = 'concurrent'`).Scan(
		&rn, &rd, &ra, &re, &rm); err != nil {
		t.Fatal(err)
	}
	if rn != sum.New || rd != sum.Duplicate || ra != sum.Already || re != sum.Events || rm != sum.Mentions {
		t.Errorf("run counts %d %d %d %d %d, want %+v", rn, rd, ra, re, rm, sum)
	}
}

// TestSimultaneousCopiesAndReports starts two writers at the same moment,
// again and again, each storing a copy of one text (under its own URL) and
// its own report of one event: every time, the text must be one article
// with two copies, and each event one event with two mentions.
func TestSimultaneousCopiesAndReports(t *testing.T) {
	const rounds = 25
	dsn := freshDatabase(t)
	ctx := context.Background()
	var dbs [2]*DB
	for w := range dbs {
		db, err := Open(ctx, dsn)
		if err != nil {
			t.Fatal(err)
		}
		defer db.Close()
		dbs[w] = db
	}
	for k := range rounds {
		src, tgt := fmt.Sprintf("X%02d", k), fmt.Sprintf("Y%02d", k)
		text := randomText(10_000 + k)
		start := make(chan struct{})
		var wg sync.WaitGroup
		for w := range dbs {
			wg.Go(func() {
				b := &store.Batch{Articles: []store.Article{
					art(fmt.Sprintf("https://p%d.example/copy/%d", w, k), fmt.Sprintf("paper%d", w), text, ev(1, src, tgt, "112", "2024-06-01", "")),
					art(fmt.Sprintf("https://p%d.example/report/%d", w, k), fmt.Sprintf("paper%d", w), fmt.Sprintf("Paper %d: strike %d.", w, k),
						ev(1, tgt, src, "195", "2024-06-02", "379252")),
				}}
				<-start
				if _, err := dbs[w].Write(ctx, b, store.WriteOptions{}); err != nil {
					t.Error(err)
				}
			})
		}
		close(start)
		wg.Wait()
	}
	s, err := dbs[0].Stats(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if s.Articles != 3*rounds || s.Copies != 4*rounds || s.Events != 2*rounds || s.Mentions != 4*rounds {
		t.Errorf("stats %+v, want %d articles, %d copies, %d events, %d mentions", s, 3*rounds, 4*rounds, 2*rounds, 4*rounds)
	}
	err = dbs[0].Events(ctx, store.Filter{}, func(e *store.StoredEvent) error {
		if e.NumMentions != 2 || e.NumSources != 2 || e.NumArticles != 2 {
			t.Errorf("event %d %s>%s %s: m%d s%d a%d, want 2 each", e.ID, e.Event.Source, e.Event.Target, e.Event.Code,
				e.NumMentions, e.NumSources, e.NumArticles)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

// TestThemeBits stores more themes than events.themes has bits and checks
// the theme filter on themes with and without a bit, including a theme
// that a later article brings to a stored event.
func TestThemeBits(t *testing.T) {
	db := openTemp(t)
	ctx := context.Background()
	withThemes := func(a store.Article, themes ...string) store.Article {
		k := &gkg.Record{}
		for _, th := range themes {
			k.Themes = append(k.Themes, gkg.Theme{Theme: th})
		}
		a.Knowledge = k
		return a
	}
	var arts []store.Article
	for i := range 70 {
		arts = append(arts, withThemes(art(fmt.Sprintf("https://t.example/%d", i), "", fmt.Sprintf("Theme story %d.", i),
			ev(1, fmt.Sprintf("T%02d", i), "USA", "040", "2024-01-01", "")), fmt.Sprintf("THEME_%02d", i), "COMMON"))
	}
	if _, err := db.Write(ctx, &store.Batch{Articles: arts}, store.WriteOptions{}); err != nil {
		t.Fatal(err)
	}
	// A later report of event T05>USA brings THEME_69 (no bit) and
	// THEME_06 (a bit) to it.
	later := withThemes(art("https://t.example/later", "", "Later story.", ev(1, "T05", "USA", "040", "2024-01-02", "")), "THEME_69", "THEME_06")
	if _, err := db.Write(ctx, &store.Batch{Articles: []store.Article{later}}, store.WriteOptions{}); err != nil {
		t.Fatal(err)
	}
	var bits int
	if err := db.pool.QueryRow(ctx, `SELECT count(*) FROM theme_bits`).Scan(&bits); err != nil || bits != maxThemeBits {
		t.Errorf("%d themes have bits (%v), want %d", bits, err, maxThemeBits)
	}
	for _, tt := range []struct{ theme, want string }{
		{"THEME_00", "T00"},
		{"theme_05", "T05"},
		{"THEME_06", "T05 T06"},
		{"THEME_68", "T68"},
		{"THEME_69", "T05 T69"},
		{"NONE", ""},
	} {
		tab, err := db.Query(ctx, store.Query{Filter: store.Filter{Theme: tt.theme}})
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, r := range tab.Rows {
			got = append(got, r[2].(string))
		}
		if g := strings.Join(got, " "); g != tt.want {
			t.Errorf("theme %s: %q, want %q", tt.theme, g, tt.want)
		}
	}
	tab, err := db.Query(ctx, store.Query{Filter: store.Filter{Theme: "COMMON"}, Aggregate: "goldstein"})
	if err != nil {
		t.Fatal(err)
	}
	if n := tab.Rows[0][0].(int64); n != 70 {
		t.Errorf("theme COMMON: %d events, want 70", n)
	}
}

// TestMigrateEventConfidence opens a store as schema version 3 left it
// (no event confidence column) holding events whose mentions' JSON carries
// a coded confidence and one whose does not: the migration gives the first
// the highest of its mentions' and leaves the other unknown, which no
// confidence filter matches.
func TestMigrateEventConfidence(t *testing.T) {
	dsn := freshDatabase(t)
	ctx := context.Background()
	db, err := Open(ctx, dsn)
	if err != nil {
		t.Fatal(err)
	}
	strike := func(c float64) event.Event {
		e := ev(1, "SDNMIL", "SDNREB", "195", "2024-04-22", "379252")
		e.Confidence = c
		return e
	}
	if _, err := db.Write(ctx, &store.Batch{Articles: []store.Article{
		art("https://a.example/1", "", "Report one about an air strike in the capital.", strike(0.7)),
		art("https://b.example/1", "", "Report two, a different text on the same strike.", strike(0.3)),
		art("https://c.example/3", "", textA, ev(1, "AZE", "FRA", "036", "2024-06-11", "2988507"))}}, store.WriteOptions{}); err != nil {
		t.Fatal(err)
	}
	for _, s := range append(undoMigration5, `ALTER TABLE events DROP COLUMN event_confidence`, `UPDATE schema_version SET version = 3`) {
		if _, err := db.pool.Exec(ctx, s); err != nil {
			t.Fatalf("%s: %v", s, err)
		}
	}
	db.Close()
	if db, err = Open(ctx, dsn); err != nil {
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
	if err != nil || fmt.Sprint(tab.Rows) != "[[X37 1 2 -2]]" {
		t.Errorf("countries of known confidence after migration: %v %v", tab, err)
	}
}
