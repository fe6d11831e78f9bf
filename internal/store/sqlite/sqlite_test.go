package sqlite

import (
	"context"
	"fmt"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/eventwire/eventwire/internal/dedup"
	"github.com/eventwire/eventwire/internal/event"
	"github.com/eventwire/eventwire/internal/store"
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

// ev is a coded event in sentence n of a text of sentences.
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
const textB = "Thousands of protesters gathered outside the parliament in Tbilisi on Wednesday. Police used water cannon and tear gas to disperse the crowd after some demonstrators threw stones at the building."

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

func TestWriteIsIdempotent(t *testing.T) {
	db := openTemp(t)
	batch := []store.Article{
		art("https://a.example/1", "", textA, ev(1, "CHN", "USA", "112", "2024-06-11", ""), ev(2, "CHN", "USA", "163", "2024-06-11", "")),
		art("", "wire", textB, ev(1, "CVL", "GEOLEG", "141", "2024-03-08", "611717")),
	}
	res := write(t, db, batch...)
	if res.New != 2 || res.Events != 3 || res.Mentions != 3 {
		t.Fatalf("first write: %+v", res)
	}
	before := stats(t, db)
	res = write(t, db, batch...)
	if res.New != 0 || res.Already != 2 || res.Events != 0 || res.Mentions != 0 {
		t.Errorf("second write: %+v", res)
	}
	after := stats(t, db)
	after.Runs, before.Runs = 0, 0
	if fmt.Sprint(before) != fmt.Sprint(after) {
		t.Errorf("re-ingest changed the store: %+v -> %+v", before, after)
	}
	if before.Articles != 2 || before.Events != 3 || before.Mentions != 3 || before.Sentences != 5 {
		t.Errorf("stats %+v", before)
	}
}

func TestCopiesAreMentions(t *testing.T) {
	db := openTemp(t)
	orig := art("https://a.example/1", "", textA, ev(1, "CHN", "USA", "112", "2024-06-11", ""))
	write(t, db, orig)
	// The same page under a tracking URL is the same article.
	same := orig
	same.URL = "https://www.a.example/1/?utm_source=feed"
	same.ID = dedup.ArticleID(same.URL, same.Text)
	if res := write(t, db, same); res.Already != 1 {
		t.Errorf("tracking URL: %+v", res)
	}
	// Re-published text elsewhere, lightly edited: a copy, another mention.
	edited := art("https://b.example/x", "", strings.Replace(textA, "would take", "will take", 1))
	res := write(t, db, edited)
	if res.Duplicate != 1 || res.Mentions != 1 || res.Events != 0 {
		t.Errorf("edited copy: %+v", res)
	}
	if res := write(t, db, edited); res.Already != 1 {
		t.Errorf("copy again: %+v", res)
	}
	var got []store.StoredEvent
	db.Events(context.Background(), store.Filter{}, func(e *store.StoredEvent) error { got = append(got, *e); return nil })
	if len(got) != 1 || got[0].NumMentions != 2 || got[0].NumArticles != 2 || got[0].NumSources != 2 || !got[0].IsRoot {
		t.Errorf("events %+v", got)
	}
	var ms []store.StoredMention
	db.Mentions(context.Background(), store.Filter{}, func(m *store.StoredMention) error { ms = append(ms, *m); return nil })
	if len(ms) != 2 || !ms[1].Copy || ms[1].Event.URL != "https://b.example/x" || ms[0].Event.Code != "112" || ms[1].Event.Code != "112" {
		t.Errorf("mentions %+v", ms)
	}
	if s := stats(t, db); s.Articles != 1 || s.Copies != 2 || s.Sources != 2 {
		t.Errorf("stats %+v", s)
	}
}

func TestEventsMergeAcrossArticles(t *testing.T) {
	db := openTemp(t)
	write(t, db,
		art("https://a.example/1", "", "Report one about an air strike in the capital.", ev(1, "SDNMIL", "SDNREB", "195", "2024-04-22", "KH1")),
		art("https://b.example/1", "", "Report two, a different text, on the same strike.", ev(3, "SDNMIL", "SDNREB", "195", "2024-04-23", "")),
		art("https://c.example/1", "", "Report three: a strike the same day in another city.", ev(1, "SDNMIL", "SDNREB", "195", "2024-04-22", "OM2")),
		art("https://d.example/1", "", "Report four: a strike two weeks later.", ev(1, "SDNMIL", "SDNREB", "195", "2024-05-06", "KH1")),
	)
	var got []string
	db.Events(context.Background(), store.Filter{}, func(e *store.StoredEvent) error {
		got = append(got, fmt.Sprintf("%s %s m%d a%d root=%v", e.Event.Date, geoID(e.Event.ActionGeo), e.NumMentions, e.NumArticles, e.IsRoot))
		return nil
	})
	want := "2024-04-22 KH1 m2 a2 root=true|2024-04-22 OM2 m1 a1 root=true|2024-05-06 KH1 m1 a1 root=true"
	if strings.Join(got, "|") != want {
		t.Errorf("events\n%s\nwant\n%s", strings.Join(got, "|"), want)
	}
}

func geoID(g *event.Geo) string {
	if g == nil {
		return "-"
	}
	return g.FeatureID
}

func TestQuery(t *testing.T) {
	db := openTemp(t)
	write(t, db,
		art("https://a.example/1", "", textA, ev(1, "CHN", "USA", "112", "2024-06-11", ""), ev(2, "CHNGOV", "USA", "163", "2024-06-12", "")),
		art("https://a.example/2", "", textB, ev(1, "CVL", "GEOLEG", "141", "2024-03-08", "611717"), ev(2, "COP", "CVL", "173", "2024-03-08", "611717")),
	)
	tests := []struct {
		q    store.Query
		want string
	}{
		{store.Query{Filter: store.Filter{Actor: "CHN"}}, "112 163"},
		{store.Query{Filter: store.Filter{Actor: "USA"}}, "112 163"},
		{store.Query{Filter: store.Filter{Actor: "CHNGOV"}}, "163"},
		{store.Query{Filter: store.Filter{Actor: "cvl"}}, "141 173"}, // by name
		{store.Query{Filter: store.Filter{Code: "1"}}, "141 173 112 163"},
		{store.Query{Filter: store.Filter{Code: "16"}}, "163"},
		{store.Query{Filter: store.Filter{Quad: 3, From: "2024-06-12"}}, "163"},
		{store.Query{Filter: store.Filter{To: "2024-03-08"}}, "141 173"},
		{store.Query{Filter: store.Filter{Country: "61"}}, "141 173"},
		{store.Query{Filter: store.Filter{Text: "countermeasures"}}, "163"},
		{store.Query{Filter: store.Filter{Text: "tbilisi OR sanctions"}}, "141 163"},
		{store.Query{Filter: store.Filter{Limit: 1}}, "141"},
	}
	for _, tt := range tests {
		tab, err := db.Query(context.Background(), tt.q)
		if err != nil {
			t.Errorf("%+v: %v", tt.q, err)
			continue
		}
		var codes []string
		for _, r := range tab.Rows {
			codes = append(codes, r[4].(string))
		}
		if got := strings.Join(codes, " "); got != tt.want {
			t.Errorf("%+v: codes %q, want %q", tt.q.Filter, got, tt.want)
		}
	}
	aggs := []struct {
		agg, want string
	}{
		{"day", "[2024-03-08 2 2 -2] [2024-06-11 1 1 -2] [2024-06-12 1 1 -2]"},
		{"week", "[2024-03-04 2 2 -2] [2024-06-10 2 2 -2]"},
		{"month", "[2024-03 2 2 -2] [2024-06 2 2 -2]"},
		{"goldstein", "[4 4 -2 -2]"},
		{"dyads", "[CHN USA 1 1 -2] [CHNGOV USA 1 1 -2] [COP CVL 1 1 -2] [CVL GEOLEG 1 1 -2]"},
		{"places", "[611717 611717 city X61 2 2 -2]"},
	}
	for _, a := range aggs {
		tab, err := db.Query(context.Background(), store.Query{Aggregate: a.agg})
		if err != nil {
			t.Errorf("%s: %v", a.agg, err)
			continue
		}
		var rows []string
		for _, r := range tab.Rows {
			rows = append(rows, fmt.Sprint(r))
		}
		if got := strings.Join(rows, " "); got != a.want {
			t.Errorf("%s: %s, want %s", a.agg, got, a.want)
		}
	}
	for _, bad := range []store.Query{{Aggregate: "year"}, {Filter: store.Filter{Code: "1x"}}, {Filter: store.Filter{From: "June"}}, {Filter: store.Filter{Quad: 5}}} {
		if _, err := db.Query(context.Background(), bad); err == nil {
			t.Errorf("%+v: no error", bad)
		}
	}
}

func TestMigrationsAndReopen(t *testing.T) {
	path := filepath.Join(t.TempDir(), "ew.db")
	db, err := Open(context.Background(), path)
	if err != nil {
		t.Fatal(err)
	}
	write(t, db, art("https://a.example/1", "", textA, ev(1, "CHN", "USA", "112", "2024-06-11", "")))
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

func TestBadArticleRollsBackBatch(t *testing.T) {
	db := openTemp(t)
	good := art("https://a.example/1", "", textA, ev(1, "CHN", "USA", "112", "2024-06-11", ""))
	bad := art("https://a.example/2", "", textB, ev(1, "CVL", "GEOLEG", "141", "not a date", ""))
	if _, err := db.Write(context.Background(), &store.Batch{Articles: []store.Article{good, bad}}, store.WriteOptions{}); err == nil {
		t.Fatal("bad date: no error")
	}
	if s := stats(t, db); s.Articles != 0 || s.Events != 0 {
		t.Errorf("failed batch left %+v", s)
	}
}

// TestConcurrentWriters runs writers and readers at once (run with -race).
func TestConcurrentWriters(t *testing.T) {
	db := openTemp(t)
	var wg sync.WaitGroup
	for w := 0; w < 4; w++ {
		wg.Add(1)
		go func(w int) {
			defer wg.Done()
			for i := 0; i < 10; i++ {
				text := fmt.Sprintf("Writer %d article %d reports that officials met in the capital on day %d to discuss a treaty and trade.", w, i, i*7+w)
				a := art(fmt.Sprintf("https://w%d.example/%d", w, i), "", text, ev(1, fmt.Sprintf("A%02d", w), "USA", "040", "2024-01-01", ""))
				if _, err := db.Write(context.Background(), &store.Batch{Run: store.Run{ID: "c"}, Articles: []store.Article{a}}, store.WriteOptions{NearDistance: -1}); err != nil {
					t.Error(err)
				}
				if _, err := db.Stats(context.Background()); err != nil {
					t.Error(err)
				}
			}
		}(w)
	}
	wg.Wait()
	if s := stats(t, db); s.Articles != 40 || s.Events != 4 || s.Mentions != 40 {
		t.Errorf("stats %+v", s)
	}
}

func TestNearDuplicatesWithinDays(t *testing.T) {
	db := openTemp(t)
	day := time.Date(2024, 6, 11, 0, 0, 0, 0, time.UTC)
	orig := art("https://a.example/1", "", textA)
	orig.Published = day
	write(t, db, orig)
	tests := []struct {
		url     string
		days    int
		outcome string
	}{
		{"https://b.example/1", 7, "duplicate"},
		{"https://c.example/1", -6, "duplicate"},
		{"https://d.example/1", 8, "new"}, // outside the 7 days: not looked up
	}
	for _, tt := range tests {
		a := art(tt.url, "", strings.Replace(textA, "would take", "will take", 1))
		a.Published = day.AddDate(0, 0, tt.days)
		res := write(t, db, a)
		if len(res.Outcome) != 1 || res.Outcome[0] != tt.outcome {
			t.Errorf("copy %d days later: %v, want %s", tt.days, res.Outcome, tt.outcome)
		}
	}
}
