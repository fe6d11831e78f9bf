package export

import (
	"context"
	"fmt"
	"io"
	"path/filepath"
	"testing"
	"time"

	"github.com/eventwire/eventwire/internal/event"
	"github.com/eventwire/eventwire/internal/store"
	"github.com/eventwire/eventwire/internal/store/sqlite"
)

// BenchmarkExport exports a store of 10,000 generated mentions (1,000
// articles of ten events, a place on every other one; 3,670 events once
// reports of the same event are merged) in each format; ns/op is one
// whole export.
func BenchmarkExport(b *testing.B) {
	db, err := sqlite.Open(context.Background(), filepath.Join(b.TempDir(), "ew.db"))
	if err != nil {
		b.Fatal(err)
	}
	defer db.Close()
	codes := []string{"112", "141", "190", "0211", "043", "173"}
	const articles, perArticle = 1000, 10
	for batch := 0; batch < articles/100; batch++ {
		var arts []store.Article
		for i := batch * 100; i < (batch+1)*100; i++ {
			text := fmt.Sprintf("Report %d. ", i)
			var evs []event.Event
			for j := range perArticle {
				s := fmt.Sprintf("Country %d accused country %d of breaking the accord number %d in the capital. ", j, i, i*perArticle+j)
				start := len(text)
				text += s
				e := event.Event{Sentence: j + 2, Text: s, Source: []string{"CHN", "USAGOV", "RUSMIL", "SDNREB"}[j%4],
					Target: []string{"USA", "FRAGOV", "UKRMIL"}[i%3], Code: codes[(i+j)%len(codes)],
					Date:       time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC).AddDate(0, 0, i%365).Format("2006-01-02"),
					SourceSpan: event.Span{Start: start, End: start + 7, First: 1, Last: 2, Text: "Country"},
					VerbSpan:   event.Span{Start: start + 10, End: start + 18, First: 3, Last: 3, Text: "accused"}, Rule: "bench:1"}
				if j%2 == 0 {
					e.ActionGeo = tbilisi
				}
				if err := event.Complete(&e); err != nil {
					b.Fatal(err)
				}
				evs = append(evs, e)
			}
			arts = append(arts, article(fmt.Sprintf("https://bench.example/%d", i), "Bench", "2024-06-01", text, evs...))
		}
		if _, err := db.Write(context.Background(), &store.Batch{Run: store.Run{ID: "b"}, Articles: arts}, store.WriteOptions{NearDistance: -1}); err != nil {
			b.Fatal(err)
		}
	}
	st, err := db.Stats(context.Background())
	if err != nil {
		b.Fatal(err)
	}
	for _, format := range []string{GDELTEvents, GDELTMentions, JSONL, PLOVER, Parquet} {
		b.Run(format, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				sum, err := Write(context.Background(), db, io.Discard, Options{Format: format, Clock: func() time.Time { return clock }})
				if err != nil {
					b.Fatal(err)
				}
				want := st.Events
				if format == GDELTMentions {
					want = st.Mentions
				}
				if int64(sum.Records+sum.Dropped) != want {
					b.Fatalf("%+v, want %d records", sum, want)
				}
			}
		})
	}
}
