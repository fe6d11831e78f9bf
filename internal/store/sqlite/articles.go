package sqlite

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/eventwire/eventwire/internal/knowledge"
	"github.com/eventwire/eventwire/internal/store"
)

// recentExpr is the key of the article listing, as indexed by
// articles_recent: the publication time, else the ingest time, in RFC 3339.
const recentExpr = `coalesce(a.published, strftime('%Y-%m-%dT%H:%M:%SZ', a.ingested, 'unixepoch'))`

func parseDate(s sql.NullString) time.Time {
	if !s.Valid {
		return time.Time{}
	}
	t, err := time.Parse(time.RFC3339, s.String)
	if err != nil {
		return time.Time{}
	}
	return t
}

// Article returns the article with this id, or the article a copy with
// this id was stored as (see store.ArticleReader).
func (s *DB) Article(ctx context.Context, id string) (*store.ArticleView, error) {
	// One snapshot for the article's rows: a deferred transaction on one
	// connection (the driver begins its own transactions IMMEDIATE,
	// which would wait for writers).
	tx, err := s.db.Conn(ctx)
	if err != nil {
		return nil, fmt.Errorf("reading article %s: %w", id, err)
	}
	defer tx.Close()
	if _, err := tx.ExecContext(ctx, "BEGIN DEFERRED"); err != nil {
		return nil, fmt.Errorf("reading article %s: %w", id, err)
	}
	defer tx.ExecContext(context.WithoutCancel(ctx), "ROLLBACK")
	var v store.ArticleView
	var title, url, source, published sql.NullString
	var know []byte
	var ingested int64
	row := tx.QueryRowContext(ctx, `SELECT a.id, a.title, a.url, a.source, a.published, a.ingested, a.text, a.knowledge
		FROM articles a WHERE a.id = coalesce((SELECT article_id FROM copies WHERE id = ?1), ?1)`, id)
	if err := row.Scan(&v.ID, &title, &url, &source, &published, &ingested, &v.Text, &know); err != nil {
		if errors.Is(err, sql.ErrNoRows) {
			return nil, fmt.Errorf("article %s: %w", id, store.ErrNotFound)
		}
		return nil, fmt.Errorf("reading article %s: %w", id, err)
	}
	v.Title, v.URL, v.Source = title.String, url.String, source.String
	v.Published, v.Ingested = parseDate(published), time.Unix(ingested, 0).UTC()
	if know != nil {
		v.Knowledge = new(knowledge.Record)
		if err := decodeKnowledge(know, v.Knowledge); err != nil {
			return nil, fmt.Errorf("reading knowledge of article %s: %w", v.ID, err)
		}
	}

	rows, err := tx.QueryContext(ctx, `SELECT start, end FROM sentences WHERE article_id = ? ORDER BY n`, v.ID)
	if err != nil {
		return nil, fmt.Errorf("reading sentences of article %s: %w", v.ID, err)
	}
	for rows.Next() {
		var sn store.Sentence
		if err := rows.Scan(&sn.Start, &sn.End); err != nil {
			rows.Close()
			return nil, fmt.Errorf("reading sentences of article %s: %w", v.ID, err)
		}
		v.Sentences = append(v.Sentences, sn)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("reading sentences of article %s: %w", v.ID, err)
	}

	rows, err = tx.QueryContext(ctx, `SELECT e.id, m.data, m.confidence, e.num_mentions, e.num_sources, e.num_articles, e.is_root, e.first_seen,
		e.event_confidence FROM mentions m JOIN events e ON e.id = m.event_id LEFT JOIN sentences s ON s.id = m.sentence_id
		WHERE m.article_id = ? AND m.of_mention IS NULL ORDER BY coalesce(s.n, 0), m.id`, v.ID)
	if err != nil {
		return nil, fmt.Errorf("reading events of article %s: %w", v.ID, err)
	}
	for rows.Next() {
		var ae store.ArticleEvent
		var data []byte
		var seen int64
		var conf sql.NullFloat64
		if err := rows.Scan(&ae.ID, &data, &ae.Confidence, &ae.NumMentions, &ae.NumSources, &ae.NumArticles, &ae.IsRoot, &seen, &conf); err != nil {
			rows.Close()
			return nil, fmt.Errorf("reading events of article %s: %w", v.ID, err)
		}
		if err := json.Unmarshal(data, &ae.Event); err != nil {
			rows.Close()
			return nil, fmt.Errorf("reading event %d of article %s: %w", ae.ID, v.ID, err)
		}
		ae.FirstSeen = time.Unix(seen, 0).UTC()
		ae.EventConfidence = conf.Float64
		v.Events = append(v.Events, ae)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("reading events of article %s: %w", v.ID, err)
	}

	rows, err = tx.QueryContext(ctx, `SELECT id, url, source, published, origin, seen FROM copies
		WHERE article_id = ?1 ORDER BY id != ?1, rowid`, v.ID)
	if err != nil {
		return nil, fmt.Errorf("reading copies of article %s: %w", v.ID, err)
	}
	defer rows.Close()
	for rows.Next() {
		var c store.Copy
		var url, source, published, origin sql.NullString
		var seen int64
		if err := rows.Scan(&c.ID, &url, &source, &published, &origin, &seen); err != nil {
			return nil, fmt.Errorf("reading copies of article %s: %w", v.ID, err)
		}
		c.URL, c.Source, c.Origin = url.String, source.String, origin.String
		c.Published, c.Seen = parseDate(published), time.Unix(seen, 0).UTC()
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
	w, args, err := where(ev, -1)
	if err != nil {
		return nil, fmt.Errorf("listing articles: %w", err)
	}
	var conds []string
	if w != "" {
		conds = append(conds, `EXISTS (SELECT 1 FROM mentions m JOIN events e ON e.id = m.event_id`+
			andWhere(w, "m.article_id = a.id")+`)`)
	}
	if theme != "" {
		conds = append(conds, `a.id IN (SELECT article_id FROM article_themes WHERE theme = ?)`)
		args = append(args, strings.ToUpper(theme))
	}
	rows, err := s.db.QueryContext(ctx, `SELECT a.id, a.title, a.url, a.source, a.published,
		(SELECT count(DISTINCT event_id) FROM mentions WHERE article_id = a.id)
		FROM articles a`+joinConds(conds)+` ORDER BY `+recentExpr+` DESC, a.id DESC`+limit(f.Limit, 0), args...)
	if err != nil {
		return nil, fmt.Errorf("listing articles: %w", err)
	}
	defer rows.Close()
	var out []store.ArticleSummary
	for rows.Next() {
		var as store.ArticleSummary
		var title, url, source, published sql.NullString
		if err := rows.Scan(&as.ID, &title, &url, &source, &published, &as.Events); err != nil {
			return nil, fmt.Errorf("listing articles: %w", err)
		}
		as.Title, as.URL, as.Source, as.Published = title.String, url.String, source.String, parseDate(published)
		out = append(out, as)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("listing articles: %w", err)
	}
	return out, nil
}
