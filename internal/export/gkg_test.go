package export

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/eventwire/eventwire/internal/gkg"
	"github.com/eventwire/eventwire/internal/store"
)

// articleStore adds stored articles to a Querier, as a store with article
// knowledge does.
type articleStore struct {
	store.Querier
	arts []store.ArticleView
}

func (s *articleStore) Article(_ context.Context, id string) (*store.ArticleView, error) {
	for i := range s.arts {
		if s.arts[i].ID == id {
			return &s.arts[i], nil
		}
	}
	return nil, fmt.Errorf("article %s: %w", id, store.ErrNotFound)
}

// Articles lists all articles, most recent first, as the interface says.
func (s *articleStore) Articles(_ context.Context, f store.Filter) ([]store.ArticleSummary, error) {
	var out []store.ArticleSummary
	for i := len(s.arts) - 1; i >= 0; i-- {
		a := s.arts[i]
		if f.Theme != "" && (a.Knowledge == nil || !hasTheme(a.Knowledge, f.Theme)) {
			continue
		}
		out = append(out, store.ArticleSummary{ID: a.ID, Title: a.Title, URL: a.URL, Source: a.Source, Published: a.Published})
	}
	return out, nil
}

func hasTheme(r *gkg.Record, theme string) bool {
	for _, t := range r.Themes {
		if t.Theme == theme {
			return true
		}
	}
	return false
}

func knowledge(id, date, source, url string, themes ...string) *gkg.Record {
	r := &gkg.Record{ID: id, Date: date, SourceCollection: 1, SourceName: source, DocumentID: url,
		Tone:      gkg.Tone{Tone: -2.5, Positive: 1.25, Negative: 3.75, Polarity: 5, Activity: 20, WordCount: 80},
		Locations: []gkg.Location{{Geo: *tbilisi, Text: "Tbilisi", Offset: 62}},
		Persons:   []gkg.Name{{Name: "Irakli Kobakhidze", Offset: 90}},
		Counts:    []gkg.Count{{Type: "PROTEST", Number: 5000, Object: "protesters", Geo: tbilisi, Offset: 0}},
	}
	for i, th := range themes {
		r.Themes = append(r.Themes, gkg.Theme{Theme: th, Offset: 10 * i})
	}
	return r
}

func day(s string) time.Time {
	t, err := time.Parse("2006-01-02", s)
	if err != nil {
		panic(err)
	}
	return t
}

func TestGKG(t *testing.T) {
	st := &articleStore{Querier: fixture(t), arts: []store.ArticleView{
		{ID: "a1", URL: "https://wire.example/1", Source: "Wire Example", Published: day("2024-03-01"),
			Knowledge: knowledge("20240301000000-1", "20240301000000", "wire.example", "https://wire.example/1", "PROTEST", "GENERAL_GOVERNMENT")},
		{ID: "a2", URL: "https://wire.example/2", Source: "Wire Example", Published: day("2024-03-20")}, // no knowledge stored
		{ID: "a3", URL: "https://daily.example/3", Source: "Daily Example", Published: day("2024-04-10"),
			Knowledge: knowledge("20240410000000-3", "20240410000000", "daily.example", "https://daily.example/3", "ARMEDCONFLICT")},
		{ID: "a4", URL: "https://daily.example/4", Source: "Daily Example", Published: day("2024-03-05"),
			Knowledge: knowledge("20240305000000-4", "20240305000000", "daily.example", "https://daily.example/4", "PROTEST")},
		{ID: "a5", URL: "https://daily.example/5", Source: "Daily Example",
			Knowledge: knowledge("20240412083000-5", "20240412083000", "daily.example", "https://daily.example/5")}, // no date
	}}
	tests := []struct {
		name   string
		filter store.Filter
		ids    []string // GKGRECORDIDs in order
	}{
		{"all", store.Filter{}, []string{"20240412083000-5", "20240301000000-1", "20240305000000-4", "20240410000000-3"}},
		{"march", store.Filter{From: "2024-03-01", To: "2024-03-31"}, []string{"20240301000000-1", "20240305000000-4"}},
		{"from april", store.Filter{From: "2024-04-01"}, []string{"20240410000000-3"}},
		{"to march 4", store.Filter{To: "2024-03-04"}, []string{"20240301000000-1"}},
		{"theme", store.Filter{Theme: "PROTEST"}, []string{"20240301000000-1", "20240305000000-4"}},
		{"limit", store.Filter{Limit: 2}, []string{"20240412083000-5", "20240301000000-1"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var buf bytes.Buffer
			sum, err := Write(context.Background(), st, &buf, Options{Format: GKG, Filter: tt.filter})
			if err != nil {
				t.Fatal(err)
			}
			var ids []string
			for _, line := range strings.Split(strings.TrimSuffix(buf.String(), "\n"), "\n") {
				if line == "" {
					continue
				}
				cols := strings.Split(line, "\t")
				if len(cols) != gkg.Columns {
					t.Fatalf("row of %d columns: %q", len(cols), line)
				}
				ids = append(ids, cols[0])
			}
			if fmt.Sprint(ids) != fmt.Sprint(tt.ids) || sum.Records != len(tt.ids) {
				t.Errorf("records %v (%d), want %v", ids, sum.Records, tt.ids)
			}
			if tt.name == "march" {
				golden(t, "march.gkg", buf.Bytes())
			}
		})
	}
	if _, err := Write(context.Background(), st, &bytes.Buffer{}, Options{Format: GKG, Filter: store.Filter{From: "March"}}); err == nil {
		t.Error("a bad --from date was accepted")
	}
}

// eventsOnly is a store that keeps no articles.
type eventsOnly struct{ store.Querier }

func TestGKGWithoutKnowledge(t *testing.T) {
	_, err := Write(context.Background(), eventsOnly{fixture(t)}, &bytes.Buffer{}, Options{Format: GKG})
	if !errors.Is(err, ErrNoKnowledge) {
		t.Errorf("error %v, want ErrNoKnowledge", err)
	}
}

// TestGKGFromStore exports the knowledge the SQLite store keeps.
func TestGKGFromStore(t *testing.T) {
	db := fixture(t)
	for _, tt := range []struct {
		filter store.Filter
		ids    string
	}{
		{store.Filter{}, "[20240301000000-1 20240410000000-2]"},
		{store.Filter{From: "2024-04-01", To: "2024-04-30"}, "[20240410000000-2]"},
		{store.Filter{Theme: "ACCUSE"}, "[20240301000000-1]"},
	} {
		var buf bytes.Buffer
		if _, err := Write(context.Background(), db, &buf, Options{Format: GKG, Filter: tt.filter}); err != nil {
			t.Fatal(err)
		}
		var ids []string
		for _, line := range strings.Split(strings.TrimSpace(buf.String()), "\n") {
			if line != "" {
				ids = append(ids, strings.SplitN(line, "\t", 2)[0])
			}
		}
		if fmt.Sprint(ids) != tt.ids {
			t.Errorf("%+v: records %v, want %s", tt.filter, ids, tt.ids)
		}
	}
}
