package postgres

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/eventwire/eventwire/internal/store"
	"github.com/eventwire/eventwire/internal/store/sqlfilter"
)

// filterSQL is a WHERE clause over events e with numbered parameters.
type filterSQL = sqlfilter.Where

// where returns the conditions (over events e) and arguments of f. Code
// columns have collation "C" (see schema.go), so a code prefix is a byte
// range and a range scan of an index, whatever the database's collation.
//
// themeBit is the bit of events.themes of f.Theme, -1 when it has none
// (see DB.themeBit).
func where(f store.Filter, themeBit int) (*filterSQL, error) {
	return sqlfilter.Filter(dialect{}, f, themeBit, sqlfilter.Hints{})
}

// listWhere returns the conditions of f, with the cursor f.After, and the
// ORDER BY clause that list the events of f in the order of f.Sort.
func listWhere(f store.Filter, themeBit int) (*filterSQL, string, error) {
	return sqlfilter.List(dialect{}, f, themeBit, sqlfilter.Hints{})
}

// dialect is PostgreSQL's SQL for the filter builder
// (internal/store/sqlfilter).
type dialect struct{}

func (dialect) Placeholder(n int) string { return "$" + strconv.Itoa(n) }
func (dialect) Reuse() bool              { return true }

// ActorCode: two index range scans joined by a bitmap OR.
func (dialect) ActorCode(w *sqlfilter.Where, lo, hi string, _ bool) string {
	l, h := w.Arg(lo), w.Arg(hi)
	return `(e.source >= ` + l + ` AND e.source < ` + h + ` OR e.target >= ` + l + ` AND e.target < ` + h + `)`
}

func (dialect) ActorName(w *sqlfilter.Where, pat string) string {
	p := w.Arg(pat)
	return "(e.source_name ILIKE " + p + " OR e.target_name ILIKE " + p + ")"
}

func (dialect) Place(w *sqlfilter.Where, place string) string {
	pl := w.Arg(place)
	return `e.place IN (SELECT id FROM places WHERE lower(name) = lower(` + pl + `)
			UNION SELECT id FROM places WHERE lower(short) = lower(` + pl + `) UNION SELECT ` + pl + `::text)`
}

// Text matches the tsvector of the sentences (see textQuery).
func (dialect) Text(w *sqlfilter.Where, text string) (string, error) {
	tq, targs, err := textQuery(text, w.Next())
	if err != nil {
		return "", err
	}
	w.Add(targs...)
	return `e.id IN (SELECT m.event_id FROM mentions m WHERE m.sentence_id IN
			(SELECT id FROM sentences WHERE tsv @@ (` + tq + `)))`, nil
}

// themeBit returns the bit of events.themes of theme, or -1 when it has
// none. A theme gets its bit before any event is stored with it, or never
// (see plan.assignBits), so bits are cached once read; a theme without one
// is looked up again, and until it has one every event with it is listed
// in event_themes anyway.
func (s *DB) themeBit(ctx context.Context, theme string) (int, error) {
	if theme == "" {
		return -1, nil
	}
	theme = strings.ToUpper(theme)
	if b, ok := s.bits.Load(theme); ok {
		return b.(int), nil
	}
	var bit int32
	err := s.pool.QueryRow(ctx, `SELECT bit FROM theme_bits WHERE theme = $1`, theme).Scan(&bit)
	if errors.Is(err, pgx.ErrNoRows) {
		return -1, nil
	}
	if err != nil {
		return -1, fmt.Errorf("reading theme bit: %w", err)
	}
	s.bits.Store(theme, int(bit))
	return int(bit), nil
}

func limit(n, def int) string {
	if n <= 0 {
		n = def
	}
	if n <= 0 {
		return ""
	}
	return fmt.Sprintf(" LIMIT %d", n)
}

const dayExpr = "to_char(date '1970-01-01' + e.day, 'YYYY-MM-DD')"

// round3 rounds a double precision expression to 3 decimals.
func round3(x string) string { return "round((" + x + ")::numeric, 3)::float8" }

// Query answers q as a table (see store.Querier). Values are string, int64
// or float64, as from the SQLite store.
func (s *DB) Query(ctx context.Context, q store.Query) (*store.Table, error) {
	bit, err := s.themeBit(ctx, q.Theme)
	if err != nil {
		return nil, fmt.Errorf("query: %w", err)
	}
	if t, ok, err := s.rollupQuery(ctx, q); ok || err != nil {
		return t, err
	}
	w, err := where(q.Filter, bit)
	if err != nil {
		return nil, fmt.Errorf("query: %w", err)
	}
	// src is what aggregations read: the events, or for an actor code
	// the events of either side read from the covering actor indexes.
	src := "events e"
	if q.Aggregate != "" && store.IsActorCode(q.Actor) && !s.noRollup {
		if src, w, err = actorEvents(q.Filter, bit); err != nil {
			return nil, fmt.Errorf("query: %w", err)
		}
	}
	var sqlText string
	var cols []string
	switch q.Aggregate {
	case "":
		lw, order, err := listWhere(q.Filter, bit)
		if err != nil {
			return nil, fmt.Errorf("query: %w", err)
		}
		w = lw
		cols = []string{"id", "date", "source", "target", "code", "quad", "goldstein", "place", "country", "mentions", "sources", "articles", "root", "source_name", "target_name", "tone", "event_confidence"}
		sqlText = `SELECT e.id, ` + dayExpr + `, e.source, e.target, e.code, e.quad::int8, e.goldstein, e.place_name, e.country,
			e.num_mentions::int8, e.num_sources::int8, e.num_articles::int8, e.is_root::int::int8, e.source_name, e.target_name, e.tone,
			e.event_confidence FROM events e` + w.String() + order + limit(q.Limit, 0)
	case "day", "week", "month":
		return s.countBy(ctx, q, `SELECT e.day, count(*), sum(e.num_mentions)::int8, sum(e.goldstein), count(e.tone),
			coalesce(sum(e.tone), 0) FROM `+src+w.String()+` GROUP BY e.day ORDER BY e.day`, w.Args())
	case "goldstein":
		cols = []string{"events", "mentions", "avg_goldstein", "mention_weighted_goldstein"}
		sqlText = `SELECT count(*), coalesce(sum(e.num_mentions), 0)::int8, ` + round3("coalesce(avg(e.goldstein), 0)") + `, ` +
			round3("coalesce(sum(e.goldstein*e.num_mentions)/nullif(sum(e.num_mentions), 0), 0)") + ` FROM ` + src + w.String()
	case "dyads":
		cols = []string{"source", "target", "events", "mentions", "avg_goldstein"}
		sqlText = `SELECT e.source, e.target, count(*) AS n, sum(e.num_mentions)::int8, ` + round3("avg(e.goldstein)") +
			` FROM ` + src + w.String() + ` GROUP BY e.source, e.target ORDER BY n DESC, e.source, e.target` + limit(q.Limit, 10)
	case "places":
		// Aggregate over covering index columns only, then name the top
		// places.
		cols = []string{"place", "name", "country", "lat", "lon", "events", "mentions", "avg_goldstein"}
		sqlText = `SELECT t.place, coalesce(p.name, ''), coalesce(p.country, ''), p.lat, p.lon, t.n, t.m, t.g FROM
			(SELECT e.place AS place, count(*) AS n, sum(e.num_mentions)::int8 AS m, ` + round3("avg(e.goldstein)") + ` AS g
			FROM ` + src + w.And("e.place != ''") + ` GROUP BY e.place ORDER BY n DESC, e.place` + limit(q.Limit, 10) + `) t
			LEFT JOIN places p ON p.id = t.place ORDER BY t.n DESC, t.place`
	case "countries":
		cols = []string{"country", "events", "mentions", "avg_goldstein"}
		sqlText = `SELECT e.country, count(*) AS n, sum(e.num_mentions)::int8, ` + round3("avg(e.goldstein)") + ` FROM ` + src +
			w.And("e.country != ''") + ` GROUP BY e.country ORDER BY n DESC, e.country` + limit(q.Limit, 0)
	default:
		return nil, fmt.Errorf("query: aggregation %q: want one of %s", q.Aggregate, strings.Join(store.Aggregations, ", "))
	}
	return s.table(ctx, cols, sqlText, w.Args())
}

// cell converts a value read from PostgreSQL to the types store.Table
// holds.
func cell(v any) any {
	switch x := v.(type) {
	case nil:
		return ""
	case string, int64, float64:
		return x
	case int32:
		return int64(x)
	case int16:
		return int64(x)
	case float32:
		return float64(x)
	case bool:
		if x {
			return int64(1)
		}
		return int64(0)
	case []byte:
		return string(x)
	}
	return fmt.Sprint(v)
}

// countBy runs sqlText, which counts events by day (day, events, mentions,
// Goldstein sum, events with a tone, tone sum), and folds the days into
// weeks (starting on Monday) or months.
func (s *DB) countBy(ctx context.Context, q store.Query, sqlText string, args []any) (*store.Table, error) {
	rows, err := s.pool.Query(ctx, sqlText, args...)
	if err != nil {
		return nil, fmt.Errorf("query: %w", err)
	}
	defer rows.Close()
	ser := store.NewSeries(q.Aggregate)
	for rows.Next() {
		var day, dn, dm, dnt int64
		var dg, dt float64
		if err := rows.Scan(&day, &dn, &dm, &dg, &dnt, &dt); err != nil {
			return nil, fmt.Errorf("query: %w", err)
		}
		ser.Add(day, dn, dm, dg, dnt, dt)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("query: %w", err)
	}
	return ser.Table(q.Limit), nil
}

// Events calls fn for each event matching f (see store.Querier).
func (s *DB) Events(ctx context.Context, f store.Filter, fn func(*store.StoredEvent) error) error {
	bit, err := s.themeBit(ctx, f.Theme)
	if err != nil {
		return fmt.Errorf("reading events: %w", err)
	}
	w, order, err := listWhere(f, bit)
	if err != nil {
		return fmt.Errorf("reading events: %w", err)
	}
	rows, err := s.pool.Query(ctx, `SELECT e.id, m.data::text, e.num_mentions, e.num_sources, e.num_articles, e.is_root, e.first_seen,
		e.event_confidence FROM events e JOIN mentions m ON m.id = e.first_mention`+w.String()+order+limit(f.Limit, 0), w.Args()...)
	if err != nil {
		return fmt.Errorf("reading events: %w", err)
	}
	defer rows.Close()
	var se store.StoredEvent
	var data []byte
	for rows.Next() {
		var nm, ns, na int32
		var conf *float64
		se = store.StoredEvent{}
		if err := rows.Scan(&se.ID, &data, &nm, &ns, &na, &se.IsRoot, &se.FirstSeen, &conf); err != nil {
			return fmt.Errorf("reading events: %w", err)
		}
		if conf != nil {
			se.EventConfidence = *conf
		}
		se.NumMentions, se.NumSources, se.NumArticles = int(nm), int(ns), int(na)
		if err := json.Unmarshal(data, &se.Event); err != nil {
			return fmt.Errorf("reading event %d: %w", se.ID, err)
		}
		se.FirstSeen = se.FirstSeen.UTC().Truncate(time.Second)
		if err := fn(&se); err != nil {
			return err
		}
	}
	if err := rows.Err(); err != nil {
		return fmt.Errorf("reading events: %w", err)
	}
	return nil
}

// Mentions calls fn for each mention of an event matching f (see
// store.Querier).
func (s *DB) Mentions(ctx context.Context, f store.Filter, fn func(*store.StoredMention) error) error {
	f.Sort = ""
	bit, err := s.themeBit(ctx, f.Theme)
	if err != nil {
		return fmt.Errorf("reading mentions: %w", err)
	}
	w, _, err := listWhere(f, bit)
	if err != nil {
		return fmt.Errorf("reading mentions: %w", err)
	}
	rows, err := s.pool.Query(ctx, `SELECT m.event_id, coalesce(m.data, o.data)::text, m.source_name, m.confidence, m.seen,
		m.of_mention IS NOT NULL, c.url, c.id
		FROM events e JOIN mentions m ON m.event_id = e.id LEFT JOIN mentions o ON o.id = m.of_mention
		JOIN copies c ON c.id = m.copy_id`+w.String()+` ORDER BY m.event_id, m.id`+limit(f.Limit, 0), w.Args()...)
	if err != nil {
		return fmt.Errorf("reading mentions: %w", err)
	}
	defer rows.Close()
	var sm store.StoredMention
	var data []byte
	for rows.Next() {
		var src, curl *string
		var conf int32
		var copyID string
		sm = store.StoredMention{}
		if err := rows.Scan(&sm.EventID, &data, &src, &conf, &sm.Seen, &sm.Copy, &curl, &copyID); err != nil {
			return fmt.Errorf("reading mentions: %w", err)
		}
		if err := json.Unmarshal(data, &sm.Event); err != nil {
			return fmt.Errorf("reading a mention of event %d: %w", sm.EventID, err)
		}
		sm.Confidence = int(conf)
		if src != nil {
			sm.SourceName = *src
		}
		sm.Seen = sm.Seen.UTC().Truncate(time.Second)
		if sm.Copy {
			sm.Event.URL = ""
			if curl != nil {
				sm.Event.URL = *curl
			}
			sm.Event.DocID = copyID
		}
		if err := fn(&sm); err != nil {
			return err
		}
	}
	if err := rows.Err(); err != nil {
		return fmt.Errorf("reading mentions: %w", err)
	}
	return nil
}

// Stats counts what the store holds.
func (s *DB) Stats(ctx context.Context) (store.Stats, error) {
	var st store.Stats
	var first, last *int32
	err := s.pool.QueryRow(ctx, `SELECT
		(SELECT count(*) FROM articles), (SELECT count(*) FROM copies), (SELECT count(*) FROM sentences),
		(SELECT count(*) FROM events), (SELECT count(*) FROM mentions),
		(SELECT count(DISTINCT source) FROM copies), (SELECT count(*) FROM runs),
		(SELECT min(day) FROM events), (SELECT max(day) FROM events)`).Scan(
		&st.Articles, &st.Copies, &st.Sentences, &st.Events, &st.Mentions, &st.Sources, &st.Runs, &first, &last)
	if err != nil {
		return st, fmt.Errorf("counting: %w", err)
	}
	if first != nil && last != nil {
		st.First = time.Unix(int64(*first)*86400, 0).UTC().Format("2006-01-02")
		st.Last = time.Unix(int64(*last)*86400, 0).UTC().Format("2006-01-02")
	}
	st.Skipped = map[string]int64{}
	rows, err := s.pool.Query(ctx, `SELECT reason, count(*) FROM skips GROUP BY reason`)
	if err != nil {
		return st, fmt.Errorf("counting skipped inputs: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var r string
		var n int64
		if err := rows.Scan(&r, &n); err != nil {
			return st, fmt.Errorf("counting skipped inputs: %w", err)
		}
		st.Skipped[r] = n
	}
	return st, rows.Err()
}
