package server

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/eventwire/eventwire/internal/dedup"
	"github.com/eventwire/eventwire/internal/event"
	"github.com/eventwire/eventwire/internal/store"
)

// handStore returns a store holding three hand-written articles and their
// events (no language models): responses over it change only when the
// API or the store's semantics change, not when the coder improves.
func handStore(t *testing.T) store.Store {
	st := tempStore(t)
	texts := []struct{ url, date, text string }{
		{"https://news.example/a", "2024-03-04", "Sudan's army attacked rebels in Khartoum. The United Nations urged restraint."},
		{"https://wire.example/b", "2024-03-12", "France and Germany signed a trade agreement in Paris on Tuesday."},
		{"https://daily.example/c", "2024-04-02", "Police arrested protesters in Tbilisi. Georgia's government accused the opposition of unrest."},
	}
	span := func(text, phrase string, first int) event.Span {
		i := strings.Index(text, phrase)
		if i < 0 {
			t.Fatalf("%q not in %q", phrase, text)
		}
		return event.Span{Start: i, End: i + len(phrase), First: first, Last: first + len(strings.Fields(phrase)) - 1, Text: phrase}
	}
	geo := func(name, iso, fips string, lat, lon float64) *event.Geo {
		return &event.Geo{Type: 4, FullName: name, CountryISO: iso, CountryFIPS: fips, Lat: lat, Lon: lon, FeatureID: name}
	}
	mk := func(i, sent int, src, srcPhrase, tgt, tgtPhrase, code, verb string, g *event.Geo) event.Event {
		tx := texts[i].text
		e := event.Event{Sentence: sent, Source: src, Target: tgt, Code: code, Date: texts[i].date, URL: texts[i].url,
			SourceSpan: span(tx, srcPhrase, 1), VerbSpan: span(tx, verb, 3), Rule: "hand.ewd:" + code, ActionGeo: g}
		if tgtPhrase != "" {
			e.TargetSpan = span(tx, tgtPhrase, 4)
		}
		event.Complete(&e)
		e.Text = strings.SplitAfter(tx, ". ")[sent-1]
		return e
	}
	khartoum := geo("Khartoum, Khartoum, Sudan", "SDN", "SU", 15.5518, 32.5324)
	paris := geo("Paris, Ile-de-France, France", "FRA", "FR", 48.8534, 2.3488)
	tbilisi := geo("Tbilisi, Tbilisi, Georgia", "GEO", "GG", 41.6941, 44.8337)
	evs := [][]event.Event{
		{mk(0, 1, "SDNMIL", "Sudan's army", "SDNREB", "rebels", "190", "attacked", khartoum),
			mk(0, 2, "IGOUNO", "The United Nations", "", "", "0241", "urged", nil)},
		{mk(1, 1, "FRA", "France", "DEU", "Germany", "057", "signed", paris)},
		{mk(2, 1, "GEOCOP", "Police", "GEOOPP", "protesters", "173", "arrested", tbilisi),
			mk(2, 2, "GEOGOV", "Georgia's government", "GEOOPP", "the opposition", "112", "accused", tbilisi)},
	}
	b := &store.Batch{Run: store.Run{ID: "golden", Started: time.Date(2024, 5, 1, 0, 0, 0, 0, time.UTC)}}
	for i, tx := range texts {
		d, _ := time.Parse("2006-01-02", tx.date)
		h, words := dedup.SimHash(tx.text)
		a := store.Article{ID: dedup.ArticleID(tx.url, tx.text), URL: tx.url, CanonicalURL: dedup.CanonicalURL(tx.url),
			Title: "Article " + string(rune('A'+i)), Published: d, Text: tx.text, SimHash: h, Words: words, Origin: "golden",
			Analyzed: true, Events: evs[i]}
		for _, part := range strings.SplitAfter(tx.text, ". ") {
			start := strings.Index(tx.text, part)
			a.Sentences = append(a.Sentences, store.Sentence{Start: start, End: start + len(strings.TrimRight(part, " "))})
		}
		for k := range a.Events {
			a.Events[k].DocID = a.ID
		}
		b.Articles = append(b.Articles, a)
	}
	if _, err := st.Write(context.Background(), b, store.WriteOptions{Now: time.Date(2024, 5, 1, 0, 0, 0, 0, time.UTC)}); err != nil {
		t.Fatal(err)
	}
	return st
}

// TestGolden compares responses over the hand-written store with
// testdata/golden/*.json; go test -update rewrites them.
func TestGolden(t *testing.T) {
	st := handStore(t)
	s, err := New(Options{Store: st, Version: "golden"})
	if err != nil {
		t.Fatal(err)
	}
	_, body, _ := do(t, s, "GET", "/api/events?q=signed", "")
	artID := body["events"].([]any)[0].(map[string]any)["article_id"].(string)
	cases := []struct{ name, target string }{
		{"events", "/api/events?sort=-date"},
		{"events-quad", "/api/events?quad=4&limit=1"},
		{"series-week", "/api/series?interval=week"},
		{"countries", "/api/countries"},
		{"places", "/api/places"},
		{"dyads", "/api/dyads"},
		{"article", "/api/articles/" + artID},
		{"articles", "/api/articles"},
		{"health", "/api/health"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			code, _, w := do(t, s, "GET", tc.target, "")
			if code != 200 {
				t.Fatalf("%d %s", code, w.Body)
			}
			var out bytes.Buffer
			if err := json.Indent(&out, w.Body.Bytes(), "", "  "); err != nil {
				t.Fatal(err)
			}
			path := filepath.Join("testdata", "golden", tc.name+".json")
			if *update {
				os.MkdirAll(filepath.Dir(path), 0o755)
				if err := os.WriteFile(path, out.Bytes(), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(path)
			if err != nil {
				t.Fatalf("%v (run go test -update to create it)", err)
			}
			if !bytes.Equal(out.Bytes(), want) {
				t.Errorf("%s differs from %s (go test -update rewrites it):\n%s", tc.target, path, out.Bytes())
			}
		})
	}
}
