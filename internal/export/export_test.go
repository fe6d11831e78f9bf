package export

import (
	"bytes"
	"context"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/eventwire/eventwire/internal/dedup"
	"github.com/eventwire/eventwire/internal/event"
	"github.com/eventwire/eventwire/internal/store"
	"github.com/eventwire/eventwire/internal/store/sqlite"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/")

// clock is the fixed DATEADDED and ingest time of the tests.
var clock = time.Date(2024, 4, 12, 8, 30, 0, 0, time.UTC)

// span returns the span of phrase in the text (first occurrence), with
// word ids first..last.
func span(text, phrase string, first, last int) event.Span {
	i := strings.Index(text, phrase)
	if i < 0 {
		panic("test fixture: " + phrase + " not in text")
	}
	return event.Span{Start: i, End: i + len(phrase), First: first, Last: last, Text: phrase}
}

// coded returns a completed event of sentence n of a text.
func coded(t *testing.T, text string, n int, sentence, src, srcText, tgt, tgtText, code, verb, date string, g *event.Geo) event.Event {
	t.Helper()
	e := event.Event{Sentence: n, Text: sentence, Source: src, Target: tgt, Code: code, Date: date,
		Rule: "builtin/verbs.ewd:" + code, DictVersion: "d1c7v3r5",
		SourceSpan: span(text, srcText, 1, 1), VerbSpan: span(text, verb, 2, 2), ActionGeo: g}
	if tgtText != "" {
		e.TargetSpan = span(text, tgtText, 3, 4)
	} else {
		e.TargetSpan = event.Span{Start: -1, End: -1}
	}
	if err := event.Complete(&e); err != nil {
		t.Fatal(err)
	}
	return e
}

func article(url, source, published, text string, evs ...event.Event) store.Article {
	h, n := dedup.SimHash(text)
	var sents []store.Sentence
	start := 0
	for i := 0; i < len(text); i++ {
		if text[i] == '.' {
			sents = append(sents, store.Sentence{Start: start, End: i + 1})
			start = i + 2
		}
	}
	p, _ := time.Parse("2006-01-02", published)
	a := store.Article{ID: dedup.ArticleID(url, text), CanonicalURL: dedup.CanonicalURL(url), URL: url, Source: source,
		Published: p, Text: text, SimHash: h, Words: n, Sentences: sents, Analyzed: true, Origin: "export_test"}
	for _, e := range evs {
		e.DocID, e.URL = a.ID, url
		a.Events = append(a.Events, e)
	}
	return a
}

const (
	textA = "China accused the United States of interference in Beijing on Friday. The foreign ministry urged Washington to stop arms sales to the island."
	textB = "Thousands of protesters demonstrated against the government in Tbilisi on Tuesday. Police fired tear gas at the crowd."
	textC = "Fighters of the Rapid Support Forces attacked army positions in Khartoum. Residents fled the fighting."
)

var (
	beijing = &event.Geo{Type: 4, FullName: "Beijing, Beijing, China", CountryISO: "CHN", CountryFIPS: "CH", ADM1: "CH22", Lat: 39.9075, Lon: 116.39723, FeatureID: "1816670"}
	tbilisi = &event.Geo{Type: 4, FullName: "Tbilisi, Tbilisi, Georgia", CountryISO: "GEO", CountryFIPS: "GG", ADM1: "GG51", Lat: 41.69411, Lon: 44.83368, FeatureID: "611717"}
	sudan   = &event.Geo{Type: 1, FullName: "Sudan", CountryISO: "SDN", CountryFIPS: "SU", ADM1: "SU", Lat: 15, Lon: 30, FeatureID: "SU"}
)

// fixture is a store of three articles and a re-published copy of the
// first, with events in March and April 2024 and one of the 02 family; the
// first and third articles have knowledge.
func fixture(t *testing.T) *sqlite.DB {
	t.Helper()
	db, err := sqlite.Open(context.Background(), filepath.Join(t.TempDir(), "ew.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	sA1, sA2 := textA[:strings.Index(textA, ".")+1], textA[strings.Index(textA, ".")+2:]
	a := article("https://news.example/2024/03/01/china-accuses", "News Example", "2024-03-01", textA,
		coded(t, textA, 1, sA1, "CHN", "China", "USA", "the United States", "112", "accused", "2024-03-01", beijing),
		coded(t, textA, 2, sA2, "CHNGOV", "The foreign ministry", "USA", "Washington", "0211", "urged", "2024-03-01", nil))
	sB1 := textB[:strings.Index(textB, ".")+1]
	b := article("https://wire.example/tbilisi-protest", "Wire Example", "2024-03-05", textB,
		coded(t, textB, 1, sB1, "GEOCVL", "Thousands of protesters", "GEOGOV", "the government", "141", "demonstrated", "2024-03-05", tbilisi))
	sC1 := textC[:strings.Index(textC, ".")+1]
	c := article("https://daily.example/khartoum", "Daily Example", "2024-04-10", textC,
		coded(t, textC, 1, sC1, "SDNREB", "Fighters of the Rapid Support Forces", "SDNMIL", "army positions", "190", "attacked", "2024-04-10", sudan))
	a.Knowledge = knowledge("20240301000000-1", "20240301000000", "news.example", a.URL, "ACCUSE")
	c.Knowledge = knowledge("20240410000000-2", "20240410000000", "daily.example", c.URL, "ARMEDCONFLICT")
	// The first report re-published elsewhere: another mention of its events.
	cp := article("https://mirror.example/copy-of-china", "Mirror Example", "2024-03-02", textA)
	for _, arts := range [][]store.Article{{a, b}, {c, cp}} {
		if _, err := db.Write(context.Background(), &store.Batch{Run: store.Run{ID: "t", Started: clock}, Articles: arts}, store.WriteOptions{Now: clock}); err != nil {
			t.Fatal(err)
		}
	}
	return db
}

// golden compares got with testdata/name, or rewrites it with -update.
func golden(t *testing.T, name string, got []byte) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		if err := os.MkdirAll("testdata", 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s differs from the golden file (go test ./internal/export -update to accept):\n got: %s\nwant: %s", name, got, want)
	}
}

func TestTextFormatsGolden(t *testing.T) {
	db := fixture(t)
	all := store.Filter{}
	march := store.Filter{From: "2024-03-02", To: "2024-03-31"}
	tests := []struct {
		format  string
		filter  store.Filter
		golden  string
		records int
		dropped int
	}{
		{GDELTEvents, all, "events.gdelt", 4, 0},
		{GDELTEvents, march, "events-march.gdelt", 1, 0},
		{GDELTMentions, all, "mentions.gdelt", 6, 0},
		{GDELTMentions, march, "mentions-march.gdelt", 1, 0},
		{JSONL, all, "events.jsonl", 4, 0},
		{JSONL, march, "events-march.jsonl", 1, 0},
		{PLOVER, all, "events.plover.jsonl", 3, 1},
		{PLOVER, store.Filter{From: "2024-04-01", To: "2024-04-30"}, "events-april.plover.jsonl", 1, 0},
	}
	for _, tt := range tests {
		t.Run(tt.golden, func(t *testing.T) {
			var buf bytes.Buffer
			sum, err := Write(context.Background(), db, &buf, Options{Format: tt.format, Filter: tt.filter, Clock: func() time.Time { return clock }})
			if err != nil {
				t.Fatal(err)
			}
			if sum.Records != tt.records || sum.Dropped != tt.dropped {
				t.Errorf("summary %+v, want %d records, %d dropped", sum, tt.records, tt.dropped)
			}
			if n := bytes.Count(buf.Bytes(), []byte("\n")); n != tt.records {
				t.Errorf("%d lines for %d records", n, tt.records)
			}
			golden(t, tt.golden, buf.Bytes())
		})
	}
}

func TestUnknownFormat(t *testing.T) {
	if _, err := Write(context.Background(), fixture(t), &bytes.Buffer{}, Options{Format: "csv"}); err == nil || !strings.Contains(err.Error(), "csv") {
		t.Errorf("unknown format: %v", err)
	}
}
