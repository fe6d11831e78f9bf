package postgres

import (
	"context"
	"fmt"
	mrand "math/rand/v2"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/eventwire/eventwire/internal/event"
	"github.com/eventwire/eventwire/internal/store"
	"github.com/eventwire/eventwire/internal/store/sqlite"
)

// randomCorpus returns batches of articles that exercise every
// de-duplication path at once: re-ingested documents, copies of one text
// under other URLs, lightly edited copies, copies published too far apart,
// short texts matched by id only, unanalysed documents, several articles in
// one batch that are copies of each other, and events from a small key
// space on nearby days at unknown or known places.
func randomCorpus(seed uint64) []*store.Batch {
	r := mrand.New(mrand.NewPCG(seed, 99))
	base := time.Date(2024, 5, 1, 0, 0, 0, 0, time.UTC)
	places := []string{"", "", "2988507", "379252"}
	actors := []string{"USA", "CHN", "SDN", "SDNMIL"}
	events := func(n int) []event.Event {
		var evs []event.Event
		for range n {
			code := []string{"040", "112", "195"}[r.IntN(3)]
			e := ev(1+r.IntN(4), actors[r.IntN(len(actors))], actors[r.IntN(len(actors))], code,
				base.AddDate(0, 0, r.IntN(9)).Format("2006-01-02"), "")
			if p := places[r.IntN(len(places))]; p != "" {
				e.ActionGeo = &event.Geo{Type: 4, FullName: "City " + p + ", Region, Country", FeatureID: p, CountryISO: "X" + p[:2],
					CountryFIPS: p[:2], Lat: 1, Lon: 2}
			}
			evs = append(evs, e)
		}
		return evs
	}
	var docs []store.Article
	var texts []string
	for i := range 120 {
		var a store.Article
		switch k := r.IntN(10); {
		case k < 4 || len(docs) == 0: // a new text
			text := randomText(int(seed)*1000 + i)
			texts = append(texts, text)
			a = art(fmt.Sprintf("https://n%d.example/%d", r.IntN(5), i), "", text, events(r.IntN(4))...)
		case k < 5: // the same document again
			a = docs[r.IntN(len(docs))]
		case k < 7: // a stored text under another URL, maybe edited
			text := texts[r.IntN(len(texts))]
			if r.IntN(2) == 0 {
				w := strings.Fields(text)
				w[r.IntN(len(w))] = "edited"
				text = strings.Join(w, " ")
			}
			a = art(fmt.Sprintf("https://c%d.example/%d", r.IntN(5), i), fmt.Sprintf("paper%d", r.IntN(3)), text, events(r.IntN(3))...)
		case k < 8: // a short text: by id only
			a = art(fmt.Sprintf("https://s.example/%d", r.IntN(40)), "", fmt.Sprintf("Short note %d.", r.IntN(40)), events(1)...)
		case k < 9: // known to be a copy before analysis
			a = art(fmt.Sprintf("https://u.example/%d", i), "", texts[r.IntN(len(texts))])
			a.Analyzed = false
		default: // a new text with many events
			text := randomText(int(seed)*1000 + 500 + i)
			texts = append(texts, text)
			a = art(fmt.Sprintf("https://m.example/%d", i), "wire", text, events(6)...)
		}
		if r.IntN(3) > 0 {
			a.Published = base.AddDate(0, 0, r.IntN(20)).Add(time.Duration(r.IntN(86400)) * time.Second)
		}
		docs = append(docs, a)
	}
	var batches []*store.Batch
	for i := 0; i < len(docs); {
		n := 1 + r.IntN(12)
		b := &store.Batch{Run: store.Run{ID: fmt.Sprint("run", seed), Started: base}, Articles: docs[i:min(i+n, len(docs))]}
		if r.IntN(4) == 0 {
			b.Skips = []store.Skip{{Origin: fmt.Sprintf("bad%d.txt", r.IntN(5)), Reason: "not UTF-8", Message: "byte 3"}}
		}
		batches = append(batches, b)
		i += n
	}
	return batches
}

// dump lists what a store holds, in its own order but without its ids.
func dump(t *testing.T, st store.Store) string {
	t.Helper()
	ctx := context.Background()
	var sb strings.Builder
	s, err := st.Stats(ctx)
	if err != nil {
		t.Fatal(err)
	}
	fmt.Fprintf(&sb, "%+v\n", s)
	ids := map[int64]int{}
	err = st.Events(ctx, store.Filter{}, func(e *store.StoredEvent) error {
		ids[e.ID] = len(ids)
		place := ""
		if g := e.Event.ActionGeo; g != nil {
			place = g.FeatureID
		}
		fmt.Fprintf(&sb, "event %d: %s %s>%s %s %s m%d s%d a%d root=%v\n", ids[e.ID], e.Event.DocID, e.Event.Source, e.Event.Target,
			e.Event.Code, e.Event.Date+" "+place, e.NumMentions, e.NumSources, e.NumArticles, e.IsRoot)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	err = st.Mentions(ctx, store.Filter{}, func(m *store.StoredMention) error {
		fmt.Fprintf(&sb, "mention of %d: %s %s %s conf=%d copy=%v\n", ids[m.EventID], m.Event.DocID, m.Event.URL, m.SourceName, m.Confidence, m.Copy)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	tab, err := st.Query(ctx, store.Query{Aggregate: "places"})
	if err != nil {
		t.Fatal(err)
	}
	fmt.Fprintf(&sb, "places %v\n", tab.Rows)
	as, err := st.Articles(ctx, store.Filter{})
	if err != nil {
		t.Fatal(err)
	}
	for _, a := range as {
		v, err := st.Article(ctx, a.ID)
		if err != nil {
			t.Fatal(err)
		}
		fmt.Fprintf(&sb, "article %s %s events=%d copies:", a.ID, a.URL, a.Events)
		for _, c := range v.Copies {
			fmt.Fprintf(&sb, " %s", c.ID)
		}
		sb.WriteByte('\n')
	}
	return sb.String()
}

// TestSameAsSQLite writes random batches through the SQLite store and this
// one and checks that every Write reports the same outcomes and that the
// two stores end up holding the same.
func TestSameAsSQLite(t *testing.T) {
	testServer(t)
	ctx := context.Background()
	for seed := uint64(1); seed <= 3; seed++ {
		t.Run(fmt.Sprint("seed", seed), func(t *testing.T) {
			lite, err := sqlite.Open(ctx, filepath.Join(t.TempDir(), "ew.db"))
			if err != nil {
				t.Fatal(err)
			}
			defer lite.Close()
			pg := openTemp(t)
			opts := []store.WriteOptions{{}, {NearDays: 3, EventWindow: 1}, {NearDistance: 3}}
			for i, b := range randomCorpus(seed) {
				opt := opts[int(seed)%len(opts)]
				opt.Now = time.Date(2024, 5, 10, 12, 0, 0, 0, time.UTC)
				want, err := lite.Write(ctx, b, opt)
				if err != nil {
					t.Fatal(err)
				}
				got, err := pg.Write(ctx, b, opt)
				if err != nil {
					t.Fatal(err)
				}
				if fmt.Sprint(got) != fmt.Sprint(want) {
					t.Fatalf("batch %d: PostgreSQL %+v, SQLite %+v", i, got, want)
				}
			}
			if got, want := dump(t, pg), dump(t, lite); got != want {
				gl, wl := strings.Split(got, "\n"), strings.Split(want, "\n")
				for i := range min(len(gl), len(wl)) {
					if gl[i] != wl[i] {
						t.Fatalf("stores differ at line %d:\nPostgreSQL %s\nSQLite     %s", i+1, gl[i], wl[i])
					}
				}
				t.Fatalf("stores differ: %d lines, SQLite %d", len(gl), len(wl))
			}
		})
	}
}
