package server

import (
	"fmt"
	"net/http"
	"time"
	"unicode/utf8"

	"github.com/eventwire/eventwire/internal/gkg"
	"github.com/eventwire/eventwire/internal/store"
)

// articleReader returns the store's article reader, or a 501 error when
// the store cannot read whole articles.
func (s *Server) articleReader() (store.ArticleReader, error) {
	ar, ok := s.opt.Store.(store.ArticleReader)
	if !ok {
		return nil, errStatus(http.StatusNotImplemented, "this store does not serve whole articles")
	}
	return ar, nil
}

// articleJSON is the article of GET /api/articles/{id}.
type articleJSON struct {
	ID        string `json:"id"`
	Title     string `json:"title"`
	URL       string `json:"url"`
	Source    string `json:"source"`
	Published string `json:"published"` // YYYY-MM-DD, "" when unknown
	Text      string `json:"text"`
}

func day(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.UTC().Format("2006-01-02")
}

// article serves GET /api/articles/{id}: the article, its sentences' byte
// ranges, its events with spans and rule, and its knowledge.
func (s *Server) article(w http.ResponseWriter, r *http.Request) error {
	if _, err := parseParams(r.URL.Query(), paramSpec{}); err != nil {
		return err
	}
	id := r.PathValue("id")
	if id == "" || len(id) > 256 || !utf8.ValidString(id) || !printable(id) {
		return paramErr("id", "want an article id")
	}
	ar, err := s.articleReader()
	if err != nil {
		return err
	}
	a, err := ar.Article(r.Context(), id)
	if err != nil {
		return fmt.Errorf("reading article %q: %w", id, err)
	}
	sents := make([]ByteSpan, len(a.Sentences))
	for i, st := range a.Sentences {
		sents[i] = ByteSpan{st.Start, st.End}
	}
	evs := make([]SpannedEvent, 0, len(a.Events))
	for i := range a.Events {
		ae := &a.Events[i]
		se := newSpannedEvent(ae.ID, &ae.Event, len(a.Text))
		se.NumMentions, se.NumSources, se.NumArticles, se.IsRoot = ae.NumMentions, ae.NumSources, ae.NumArticles, ae.IsRoot
		evs = append(evs, se)
	}
	var knowledge *gkg.Record
	if a.Knowledge != nil {
		knowledge = a.Knowledge
	}
	return writeJSON(w, http.StatusOK, map[string]any{
		"article":   articleJSON{ID: a.ID, Title: a.Title, URL: a.URL, Source: a.Source, Published: day(a.Published), Text: a.Text},
		"sentences": sents,
		"events":    evs,
		"knowledge": knowledge,
	})
}

// articleLine is one article of GET /api/articles.
type articleLine struct {
	ID        string `json:"id"`
	Title     string `json:"title"`
	URL       string `json:"url"`
	Source    string `json:"source"`
	Published string `json:"published"`
	Events    int    `json:"events"`
}

// articles serves GET /api/articles: the most recent articles matching
// the filters.
func (s *Server) articles(w http.ResponseWriter, r *http.Request) error {
	p, err := parseParams(r.URL.Query(), paramSpec{filter: true, defLimit: 50, maxLimit: 1000})
	if err != nil {
		return err
	}
	ar, err := s.articleReader()
	if err != nil {
		return err
	}
	f := p.Filter
	f.Limit = p.Limit
	list, err := ar.Articles(r.Context(), f)
	if err != nil {
		return fmt.Errorf("listing articles: %w", err)
	}
	out := make([]articleLine, len(list))
	for i, a := range list {
		out[i] = articleLine{ID: a.ID, Title: a.Title, URL: a.URL, Source: a.Source, Published: day(a.Published), Events: a.Events}
	}
	return writeJSON(w, http.StatusOK, map[string]any{"articles": out})
}
