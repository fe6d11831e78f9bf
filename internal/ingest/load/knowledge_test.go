package load

import (
	"context"
	"os"
	"path/filepath"
	"slices"
	"testing"

	"github.com/eventwire/eventwire/internal/analyze"
	"github.com/eventwire/eventwire/internal/dict/builtin"
	"github.com/eventwire/eventwire/internal/geo"
	"github.com/eventwire/eventwire/internal/gkg"
	"github.com/eventwire/eventwire/internal/ingest"
	"github.com/eventwire/eventwire/internal/shareddata"
	"github.com/eventwire/eventwire/internal/store"
	"github.com/eventwire/eventwire/internal/store/sqlite"
)

// TestKnowledgeStored ingests sample articles with the real analyzer and
// knowledge extractor (two workers) and reads the knowledge back: each
// article's record is the one the extractor gives for it alone, its themes
// select its events, and its events carry its tone.
func TestKnowledgeStored(t *testing.T) {
	if testing.Short() {
		t.Skip("loads the language models")
	}
	dir := t.TempDir()
	names := []string{"002-protest-tbilisi.txt", "003-sudan-clashes.txt", "004-sanctions.txt", "009-niger-coup.txt"}
	for _, n := range names {
		data, err := os.ReadFile(filepath.Join(shareddata.Root(t), "examples", "corpus", n))
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, n), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
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
	x, err := gkg.New(gkg.Options{Gazetteer: gaz, Dict: set})
	if err != nil {
		t.Fatal(err)
	}
	db, err := sqlite.Open(context.Background(), filepath.Join(t.TempDir(), "ew.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	sum, err := Run(context.Background(), db, func() Analyze { return an.NewWorker().Analyze }, []string{dir},
		Options{Workers: 2, BatchSize: 2, Knowledge: x, Run: store.Run{ID: "k"}})
	if err != nil || sum.New != len(names) || sum.Events == 0 {
		t.Fatalf("ingest: %s %v", sum, err)
	}
	ctx := context.Background()
	as, err := db.Articles(ctx, store.Filter{})
	if err != nil || len(as) != len(names) {
		t.Fatalf("articles %+v %v", as, err)
	}
	themed := 0
	for _, a := range as {
		v, err := db.Article(ctx, a.ID)
		if err != nil {
			t.Fatal(err)
		}
		if v.Knowledge == nil || v.Knowledge.Tone.WordCount == 0 || len(v.Knowledge.Entities) == 0 {
			t.Errorf("%s: knowledge %+v", v.URL, v.Knowledge)
			continue
		}
		// The stored record is what the extractor gives the article on
		// its own.
		w := an.NewWorker()
		doc := docOf(v)
		r := w.Analyze(doc)
		rec := x.Extract(nil, gkg.Article{DocID: v.ID, URL: v.URL, Source: v.Source, Title: v.Title, Date: v.Published, Doc: &r.Parsed, Events: r.Events})
		if rec.Tone != v.Knowledge.Tone || len(rec.Themes) != len(v.Knowledge.Themes) || len(rec.Entities) != len(v.Knowledge.Entities) {
			t.Errorf("%s: stored knowledge differs from a fresh extraction: tone %+v / %+v, %d / %d themes", v.URL, v.Knowledge.Tone, rec.Tone,
				len(v.Knowledge.Themes), len(rec.Themes))
		}
		for _, ev := range v.Events {
			if ev.NumArticles != 1 {
				continue // first reported by another article, whose tone it carries
			}
			tab, err := db.Query(ctx, store.Query{Filter: store.Filter{ID: ev.ID}})
			if err != nil || len(tab.Rows) != 1 || tab.Rows[0][slices.Index(tab.Columns, "tone")] != v.Knowledge.Tone.Tone {
				t.Errorf("%s: event %d tone %v, want %v (%v)", v.URL, ev.ID, tab, v.Knowledge.Tone.Tone, err)
			}
		}
		if len(v.Knowledge.Themes) == 0 || len(v.Events) == 0 {
			continue
		}
		themed++
		th := v.Knowledge.Themes[0].Theme
		found := map[int64]bool{}
		if err := db.Events(ctx, store.Filter{Theme: th}, func(e *store.StoredEvent) error { found[e.ID] = true; return nil }); err != nil {
			t.Fatal(err)
		}
		for _, ev := range v.Events {
			if !found[ev.ID] {
				t.Errorf("%s: event %d not found by its article's theme %s", v.URL, ev.ID, th)
			}
		}
	}
	if themed == 0 {
		t.Error("no article with themes and events")
	}
}

func docOf(v *store.ArticleView) ingest.Document {
	return ingest.Document{ID: v.ID, Text: v.Text, Title: v.Title, URL: v.URL, Source: v.Source, Date: v.Published}
}
