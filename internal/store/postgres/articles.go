package postgres

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/eventwire/eventwire/internal/knowledge"
	"github.com/eventwire/eventwire/internal/store"
)

func timeOrZero(t *time.Time) time.Time {
	if t == nil {
		return time.Time{}
	}
	return t.UTC().Truncate(time.Second)
}

func str(s *string) string {
	if s == nil {
		return ""
	}
	return *s
}

// Article returns the article with this id, or the article a copy with
// this id was stored as (see store.ArticleReader). It reads in one
// REPEATABLE READ transaction, so the parts agree while writers go on.
func (s *DB) Article(ctx context.Context, id string) (*store.ArticleView, error) {
	tx, err := s.pool.BeginTx(ctx, pgx.TxOptions{IsoLevel: pgx.RepeatableRead, AccessMode: pgx.ReadOnly})
	if err != nil {
		return nil, fmt.Errorf("reading article %s: %w", id, err)
	}
	defer tx.Rollback(ctx)
	var v store.ArticleView
	var title, url, source *string
	var published *time.Time
	var text, know []byte
	err = tx.QueryRow(ctx, `SELECT a.id, a.title, a.url, a.source, a.published, a.ingested, a.text, a.knowledge::text
		FROM articles a WHERE a.id = coalesce((SELECT article_id FROM copies WHERE id = $1), $1)`, id).Scan(
		&v.ID, &title, &url, &source, &published, &v.Ingested, &text, &know)
	if err != nil {
		if errors.Is(err, pgx.ErrNoRows) {
			return nil, fmt.Errorf("article %s: %w", id, store.ErrNotFound)
		}
		return nil, fmt.Errorf("reading article %s: %w", id, err)
	}
	v.Title, v.URL, v.Source, v.Text = str(title), str(url), str(source), string(text)
	v.Published, v.Ingested = timeOrZero(published), v.Ingested.UTC().Truncate(time.Second)
	if know != nil {
		v.Knowledge = new(knowledge.Record)
		if err := json.Unmarshal(know, v.Knowledge); err != nil {
			return nil, fmt.Errorf("reading knowledge of article %s: %w", v.ID, err)
		}
	}

	rows, err := tx.Query(ctx, `SELECT start_byte, end_byte FROM sentences WHERE article_id = $1 ORDER BY n`, v.ID)
	if err != nil {
		return nil, fmt.Errorf("reading sentences of article %s: %w", v.ID, err)
	}
	for rows.Next() {
		var start, end int32
		if err := rows.Scan(&start, &end); err != nil {
			rows.Close()
			return nil, fmt.Errorf("reading sentences of article %s: %w", v.ID, err)
		}
		v.Sentences = append(v.Sentences, store.Sentence{Start: int(start), End: int(end)})
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("reading sentences of article %s: %w", v.ID, err)
	}

	rows, err = tx.Query(ctx, `SELECT e.id, m.data::text, m.confidence, e.num_mentions, e.num_sources, e.num_articles, e.is_root, e.first_seen,
		e.event_confidence FROM mentions m JOIN events e ON e.id = m.event_id LEFT JOIN sentences s ON s.id = m.sentence_id
		WHERE m.article_id = $1 AND m.of_mention IS NULL ORDER BY coalesce(s.n, 0), m.id`, v.ID)
	if err != nil {
		return nil, fmt.Errorf("reading events of article %s: %w", v.ID, err)
	}
	for rows.Next() {
		var ae store.ArticleEvent
		var data []byte
		var conf, nm, ns, na int32
		var evConf *float64
		if err := rows.Scan(&ae.ID, &data, &conf, &nm, &ns, &na, &ae.IsRoot, &ae.FirstSeen, &evConf); err != nil {
			rows.Close()
			return nil, fmt.Errorf("reading events of article %s: %w", v.ID, err)
		}
		if err := json.Unmarshal(data, &ae.Event); err != nil {
			rows.Close()
			return nil, fmt.Errorf("reading event %d of article %s: %w", ae.ID, v.ID, err)
		}
		ae.Confidence, ae.NumMentions, ae.NumSources, ae.NumArticles = int(conf), int(nm), int(ns), int(na)
		ae.FirstSeen = ae.FirstSeen.UTC().Truncate(time.Second)
		if evConf != nil {
			ae.EventConfidence = *evConf
		}
		v.Events = append(v.Events, ae)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("reading events of article %s: %w", v.ID, err)
	}

	rows, err = tx.Query(ctx, `SELECT id, url, source, published, origin, seen FROM copies
		WHERE article_id = $1 ORDER BY id != $1, seq`, v.ID)
	if err != nil {
		return nil, fmt.Errorf("reading copies of article %s: %w", v.ID, err)
	}
	defer rows.Close()
	for rows.Next() {
		var c store.Copy
		var url, source, origin *string
		var published *time.Time
		if err := rows.Scan(&c.ID, &url, &source, &published, &origin, &c.Seen); err != nil {
			return nil, fmt.Errorf("reading copies of article %s: %w", v.ID, err)
		}
		c.URL, c.Source, c.Origin = str(url), str(source), str(origin)
		c.Published, c.Seen = timeOrZero(published), c.Seen.UTC().Truncate(time.Second)
		v.Copies = append(v.Copies, c)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("reading copies of article %s: %w", v.ID, err)
	}
	return &v, nil
}

// Articles lists the most recent articles matching f (see
// store.ArticleReader).
func (s *DB) Articles(ctx context.Context, f store.Filter) ([]store.ArticleSummary, error) {
	theme := f.Theme
	ev := f
	ev.Theme, ev.Limit, ev.Sort, ev.After = "", 0, "", 0
	w, err := where(ev, -1)
	if err != nil {
		return nil, fmt.Errorf("listing articles: %w", err)
	}
	var conds []string
	if !w.Empty() {
		conds = append(conds, `EXISTS (SELECT 1 FROM mentions m JOIN events e ON e.id = m.event_id`+w.And("m.article_id = a.id")+`)`)
	}
	if theme != "" {
		conds = append(conds, `a.id IN (SELECT article_id FROM article_themes WHERE theme = `+w.Arg(strings.ToUpper(theme))+`)`)
	}
	cond := ""
	if len(conds) > 0 {
		cond = " WHERE " + strings.Join(conds, " AND ")
	}
	rows, err := s.pool.Query(ctx, `SELECT a.id, a.title, a.url, a.source, a.published,
		(SELECT count(DISTINCT event_id) FROM mentions WHERE article_id = a.id)
		FROM articles a`+cond+` ORDER BY coalesce(a.published, a.ingested) DESC, a.id DESC`+limit(f.Limit, 0), w.Args()...)
	if err != nil {
		return nil, fmt.Errorf("listing articles: %w", err)
	}
	defer rows.Close()
	var out []store.ArticleSummary
	for rows.Next() {
		var as store.ArticleSummary
		var title, url, source *string
		var published *time.Time
		var n int64
		if err := rows.Scan(&as.ID, &title, &url, &source, &published, &n); err != nil {
			return nil, fmt.Errorf("listing articles: %w", err)
		}
		as.Title, as.URL, as.Source, as.Published, as.Events = str(title), str(url), str(source), timeOrZero(published), int(n)
		out = append(out, as)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("listing articles: %w", err)
	}
	return out, nil
}
