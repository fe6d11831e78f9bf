package sqlite

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/eventwire/eventwire/internal/store"
	"github.com/eventwire/eventwire/internal/store/sqlfilter"
)

// themeBit returns the bit of theme in events.themes, or -1 when it has
// none (it is listed in event_themes, or unknown) or theme is "".
func (s *DB) themeBit(ctx context.Context, theme string) (int, error) {
	if theme == "" {
		return -1, nil
	}
	var bit int
	err := s.db.QueryRowContext(ctx, `SELECT bit FROM theme_bits WHERE theme = ?`, strings.ToUpper(theme)).Scan(&bit)
	if errors.Is(err, sql.ErrNoRows) {
		return -1, nil
	}
	if err != nil {
		return -1, fmt.Errorf("reading theme bits: %w", err)
	}
	return bit, nil
}

// planHints steer the query planner where it cannot know better: the
// selectivity of a prefix range is unknown to it.
type planHints struct {
	// walkCode tests the code prefix on each row instead of reading the
	// code index: a page of a common code prefix (a root code) in another
	// order than the code's is found after a few rows of that order's
	// index, while the code index would read, and sort, every event of
	// the prefix.
	walkCode bool
	// walkActor likewise tests the actor's event ids on each entry of the
	// sort order's index instead of reading and sorting every event of a
	// common actor.
	walkActor bool
}

// where returns the WHERE clause (over events e) and arguments of f;
// themeBit is the bit of f.Theme (see DB.themeBit).
func where(f store.Filter, themeBit int) (string, []any, error) {
	return whereHinted(f, themeBit, planHints{})
}

// whereHinted is where with plan hints.
func whereHinted(f store.Filter, themeBit int, h planHints) (string, []any, error) {
	w, err := sqlfilter.Filter(dialect{}, f, themeBit, sqlfilter.Hints{WalkCode: h.walkCode, WalkActor: h.walkActor})
	if err != nil {
		return "", nil, err
	}
	return w.String(), w.Args(), nil
}

func joinConds(conds []string) string {
	if len(conds) == 0 {
		return ""
	}
	return " WHERE " + strings.Join(conds, " AND ")
}

// listWhere returns the WHERE clause, ORDER BY clause and arguments that
// list the events of f in the order of f.Sort after the event f.After.
func listWhere(f store.Filter, themeBit int, h planHints) (string, string, []any, error) {
	w, order, err := sqlfilter.List(dialect{}, f, themeBit, sqlfilter.Hints{WalkCode: h.walkCode, WalkActor: h.walkActor})
	if err != nil {
		return "", "", nil, err
	}
	return w.String(), order, w.Args(), nil
}

// dialect is SQLite's SQL for the filter builder (internal/store/sqlfilter).
type dialect struct{}

func (dialect) Placeholder(int) string { return "?" }
func (dialect) Reuse() bool            { return false }

// ActorCode lists the events of the code prefix from the source and target
// indexes; with walk, the unary + keeps the planner from driving the query
// by the id list: the list becomes a set each row is tested on.
func (dialect) ActorCode(w *sqlfilter.Where, lo, hi string, walk bool) string {
	plus := ""
	if walk {
		plus = "+"
	}
	a, b, c, d := w.Arg(lo), w.Arg(hi), w.Arg(lo), w.Arg(hi)
	return plus + `e.id IN (SELECT id FROM events WHERE source >= ` + a + ` AND source < ` + b + `
				UNION ALL SELECT id FROM events WHERE target >= ` + c + ` AND target < ` + d + `)`
}

// ActorName: LIKE is without regard to ASCII case in SQLite.
func (dialect) ActorName(w *sqlfilter.Where, pat string) string {
	p := w.ArgN(pat, 2)
	return "(e.source_name LIKE " + p[0] + " ESCAPE '\\' OR e.target_name LIKE " + p[1] + " ESCAPE '\\')"
}

func (dialect) Place(w *sqlfilter.Where, place string) string {
	p := w.ArgN(place, 3)
	return `e.place IN (SELECT id FROM places WHERE name = ` + p[0] + ` COLLATE NOCASE
			UNION SELECT id FROM places WHERE short = ` + p[1] + ` COLLATE NOCASE UNION SELECT ` + p[2] + `)`
}

// Text matches the FTS5 index of the sentences.
func (dialect) Text(w *sqlfilter.Where, text string) (string, error) {
	return `e.id IN (SELECT m.event_id FROM mentions m WHERE m.sentence_id IN
			(SELECT rowid FROM sentences_fts WHERE sentences_fts MATCH ` + w.Arg(text) + `))`, nil
}

// listHints returns the plan hints of a listing of f. Only a page (a
// limit) can stop early, so only a page is hinted: a code prefix of one
// or two digits (a root code, each a large share of the events) is tested
// row by row; so is a code actor with many events (estimated from the
// dyad totals as a source: a page needs about limit×events/actor's events
// index entries of the sort order, against the actor's events in rows
// read and sorted, several times the cost of an index entry each).
func (s *DB) listHints(ctx context.Context, f store.Filter) (planHints, error) {
	if s.hints != nil {
		return *s.hints, nil
	}
	var h planHints
	if f.Limit <= 0 {
		return h, nil
	}
	h.walkCode = f.Code != "" && len(f.Code) <= 2
	if store.IsActorCode(f.Actor) {
		var n, total int64
		err := s.db.QueryRowContext(ctx, `SELECT coalesce((SELECT sum(events) FROM dyad_totals WHERE source >= ? AND source < ?), 0),
			coalesce((SELECT max(id) FROM events), 0)`, f.Actor, store.PrefixEnd(f.Actor)).Scan(&n, &total)
		if err != nil {
			return h, fmt.Errorf("estimating the actor's events: %w", err)
		}
		h.walkActor = 8*n*n > int64(f.Limit)*total
	}
	return h, nil
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

const dayExpr = "date(e.day*86400, 'unixepoch')"

// andWhere adds cond to the WHERE clause w.
func andWhere(w, cond string) string {
	if w == "" {
		return " WHERE " + cond
	}
	return w + " AND " + cond
}

// aggCache keeps the tables of recent aggregations, valid while the store
// holds the same events and mentions: every write that can change an
// aggregation adds a mention, and rows are never deleted, so the highest
// event and mention ids identify what an aggregation saw, whichever
// process wrote.
type aggCache struct {
	mu      sync.Mutex
	version [2]int64
	tables  map[store.Query]*store.Table
}

// maxCachedTables bounds the aggregation cache; it is emptied when full.
const maxCachedTables = 128

// storeVersion returns the highest event and mention ids.
func (s *DB) storeVersion(ctx context.Context) ([2]int64, error) {
	var v [2]int64
	err := s.db.QueryRowContext(ctx, `SELECT coalesce((SELECT max(id) FROM events), 0), coalesce((SELECT max(id) FROM mentions), 0)`).Scan(&v[0], &v[1])
	return v, err
}

func copyTable(t *store.Table) *store.Table {
	c := &store.Table{Columns: slices.Clone(t.Columns), Rows: make([][]any, len(t.Rows))}
	for i, r := range t.Rows {
		c.Rows[i] = slices.Clone(r)
	}
	return c
}

// Query answers q as a table (see store.Querier). Aggregations are
// answered from a cache while the store is unchanged. A full-text query
// FTS5 cannot read is a *store.TextQueryError.
func (s *DB) Query(ctx context.Context, q store.Query) (*store.Table, error) {
	t, err := s.queryCached(ctx, q)
	return t, textQueryError(q.Text, err)
}

func (s *DB) queryCached(ctx context.Context, q store.Query) (*store.Table, error) {
	if q.Aggregate == "" {
		return s.query(ctx, q)
	}
	q.Sort, q.After = "", 0 // ignored by aggregations
	v, err := s.storeVersion(ctx)
	if err != nil {
		return nil, fmt.Errorf("query: %w", err)
	}
	s.cache.mu.Lock()
	if s.cache.version != v {
		s.cache.version, s.cache.tables = v, nil
	}
	t, ok := s.cache.tables[q]
	s.cache.mu.Unlock()
	if ok {
		return copyTable(t), nil
	}
	t, err = s.query(ctx, q)
	if err != nil {
		return nil, err
	}
	s.cache.mu.Lock()
	if s.cache.version == v {
		if s.cache.tables == nil || len(s.cache.tables) >= maxCachedTables {
			s.cache.tables = map[store.Query]*store.Table{}
		}
		s.cache.tables[q] = copyTable(t)
	}
	s.cache.mu.Unlock()
	return t, nil
}

// rollupWhere returns the WHERE clause over the rollup tables and its
// arguments when the aggregation q can be answered from them
// (sqlfilter.Rollup).
func rollupWhere(q store.Query) (string, []any, bool) {
	w, ok := sqlfilter.Rollup(dialect{}, q)
	if !ok {
		return "", nil, false
	}
	return w.String(), w.Args(), true
}

// sums returns a query of key columns, n, m and g (events, mentions,
// Goldstein sums) over the date range r: the whole months from the month
// rollup table, the days at either end from the events through index
// (which begins with the keys, then the day: read in the keys' order, a
// skip-scan needs no sort to group), summed by key, most events first.
func sums(r sqlfilter.MonthRange, table, index string, keys []string, cond string, lim string) (string, []any) {
	var parts []string
	var args []any
	k := strings.Join(keys, ", ")
	if r.Lo <= r.Hi {
		parts = append(parts, `SELECT `+k+`, events AS n, mentions AS m, goldstein AS g FROM `+table+` WHERE month BETWEEN ? AND ?`)
		args = append(args, r.Lo, r.Hi)
	}
	ek := "e." + strings.Join(keys, ", e.")
	for _, d := range r.Edges {
		parts = append(parts, `SELECT `+ek+`, count(*) AS n, sum(e.num_mentions) AS m, sum(e.goldstein) AS g FROM events e INDEXED BY `+index+`
			WHERE e.day BETWEEN ? AND ?`+cond+` GROUP BY `+ek)
		args = append(args, d[0], d[1])
	}
	if len(parts) == 0 {
		parts = append(parts, `SELECT `+k+`, 0 AS n, 0 AS m, 0.0 AS g FROM `+table+` WHERE 0`)
	}
	return `SELECT ` + k + `, sum(n) AS n, sum(m) AS m, sum(g) AS g FROM (` + strings.Join(parts, " UNION ALL ") + `)
		GROUP BY ` + k + ` HAVING n > 0 ORDER BY n DESC, ` + k + lim, args
}

// query answers q as a table.
func (s *DB) query(ctx context.Context, q store.Query) (*store.Table, error) {
	if r, ok := sqlfilter.Months(q.Filter); ok && !s.noRollup {
		switch q.Aggregate {
		case "dyads":
			// Each dyad's days in the range from its series: the top
			// dyads by events (each series summed once: the sum is not
			// repeated in a WHERE clause), then the mentions and
			// Goldstein of those.
			lo, hi := r.From, r.To
			return s.table(ctx, []string{"source", "target", "events", "mentions", "avg_goldstein"},
				`SELECT t.source, t.target, t.n, ew_dyad_days(d.days, ?, ?, 1), round(ew_dyad_days(d.days, ?, ?, 2)/t.n, 3)
				FROM (SELECT source, target, ew_dyad_days(days, ?, ?, 0) AS n FROM dyad_days ORDER BY n DESC, source, target`+limit(q.Limit, 10)+`) t
				JOIN dyad_days d ON d.source = t.source AND d.target = t.target WHERE t.n > 0 ORDER BY t.n DESC, t.source, t.target`,
				[]any{lo, hi, lo, hi, lo, hi})
		case "places":
			sums, args := sums(r, "place_months", "events_place", []string{"place"}, " AND e.place != ''", limit(q.Limit, 10))
			return s.table(ctx, []string{"place", "name", "country", "lat", "lon", "events", "mentions", "avg_goldstein"},
				`SELECT t.place, coalesce(p.name, ''), coalesce(p.country, ''), p.lat, p.lon, t.n, t.m, round(t.g/t.n, 3)
				FROM (`+sums+`) t LEFT JOIN places p ON p.id = t.place ORDER BY t.n DESC, t.place`, args)
		}
	}
	if rw, rargs, ok := rollupWhere(q); ok && !s.noRollup {
		switch q.Aggregate {
		case "day", "week", "month":
			return s.countBy(ctx, q, `SELECT r.day, sum(r.events) AS n, sum(r.mentions), sum(r.goldstein), sum(r.tone_n), sum(r.tone)
				FROM event_rollup r`+rw+` GROUP BY r.day HAVING n > 0 ORDER BY r.day`, rargs)
		case "goldstein":
			return s.table(ctx, []string{"events", "mentions", "avg_goldstein", "mention_weighted_goldstein"},
				`SELECT coalesce(sum(r.events), 0), coalesce(sum(r.mentions), 0), round(coalesce(sum(r.goldstein)/nullif(sum(r.events), 0), 0), 3),
				round(coalesce(sum(r.gm)/nullif(sum(r.mentions), 0), 0), 3) FROM event_rollup r`+rw, rargs)
		case "dyads":
			return s.table(ctx, []string{"source", "target", "events", "mentions", "avg_goldstein"},
				`SELECT source, target, events, mentions, round(goldstein/events, 3) FROM dyad_totals`+andWhere(rw, "events > 0")+`
				ORDER BY events DESC, source, target`+limit(q.Limit, 10), rargs)
		case "places":
			return s.table(ctx, []string{"place", "name", "country", "lat", "lon", "events", "mentions", "avg_goldstein"},
				`SELECT t.place, coalesce(p.name, ''), coalesce(p.country, ''), p.lat, p.lon, t.events, t.mentions, round(t.goldstein/t.events, 3)
				FROM (SELECT * FROM place_totals WHERE events > 0 ORDER BY events DESC, place`+limit(q.Limit, 10)+`) t
				LEFT JOIN places p ON p.id = t.place ORDER BY t.events DESC, t.place`, nil)
		case "countries":
			return s.table(ctx, []string{"country", "events", "mentions", "avg_goldstein"},
				`SELECT r.country, sum(r.events) AS n, sum(r.mentions), round(sum(r.goldstein)/sum(r.events), 3) FROM event_rollup r`+
					andWhere(rw, "r.country != ''")+` GROUP BY r.country HAVING n > 0 ORDER BY n DESC, r.country`+limit(q.Limit, 0), rargs)
		}
	}
	bit, err := s.themeBit(ctx, q.Theme)
	if err != nil {
		return nil, fmt.Errorf("query: %w", err)
	}
	w, args, err := where(q.Filter, bit)
	if err != nil {
		return nil, fmt.Errorf("query: %w", err)
	}
	// src is what aggregations read: the events, or for an actor code
	// the events of either side read from the covering actor indexes.
	src := "events e"
	if q.Aggregate != "" && store.IsActorCode(q.Actor) && !s.noRollup {
		if src, args, err = actorEvents(q.Filter, bit); err != nil {
			return nil, fmt.Errorf("query: %w", err)
		}
		w = ""
	}
	var sqlText string
	var cols []string
	switch q.Aggregate {
	case "":
		h, err := s.listHints(ctx, q.Filter)
		if err != nil {
			return nil, fmt.Errorf("query: %w", err)
		}
		lw, order, largs, err := listWhere(q.Filter, bit, h)
		if err != nil {
			return nil, fmt.Errorf("query: %w", err)
		}
		args = largs
		cols = []string{"id", "date", "source", "target", "code", "quad", "goldstein", "place", "country", "mentions", "sources", "articles", "root", "source_name", "target_name", "tone", "event_confidence"}
		sqlText = `SELECT e.id, ` + dayExpr + `, e.source, e.target, e.code, e.quad, e.goldstein, e.place_name, e.country,
			e.num_mentions, e.num_sources, e.num_articles, e.is_root, e.source_name, e.target_name, e.tone, e.event_confidence FROM events e` + lw +
			order + limit(q.Limit, 0)
	case "day", "week", "month":
		return s.countBy(ctx, q, `SELECT e.day, count(*), sum(e.num_mentions), sum(e.goldstein), count(e.tone), coalesce(sum(e.tone), 0)
			FROM `+src+w+` GROUP BY e.day ORDER BY e.day`, args)
	case "goldstein":
		cols = []string{"events", "mentions", "avg_goldstein", "mention_weighted_goldstein"}
		sqlText = `SELECT count(*), coalesce(sum(e.num_mentions), 0), round(coalesce(avg(e.goldstein), 0), 3),
			round(coalesce(sum(e.goldstein*e.num_mentions)/nullif(sum(e.num_mentions), 0), 0), 3) FROM ` + src + w
	case "dyads":
		cols = []string{"source", "target", "events", "mentions", "avg_goldstein"}
		// Without an indexed condition but dates, a scan of the covering
		// dyad index beats a range of the day index and a table read per
		// event, which the planner would choose.
		from := src
		if f := q.Filter; f.ID == 0 && f.Actor == "" && f.Code == "" && f.Country == "" && f.Place == "" && f.Text == "" {
			from = "events e INDEXED BY events_key"
		}
		sqlText = `SELECT e.source, e.target, count(*) AS n, sum(e.num_mentions), round(avg(e.goldstein), 3) FROM ` + from + w +
			` GROUP BY e.source, e.target ORDER BY n DESC, e.source, e.target` + limit(q.Limit, 10)
	case "places":
		// Aggregate over covering index columns only, then name the top
		// places: reading names in the aggregate costs a table read per row.
		cols = []string{"place", "name", "country", "lat", "lon", "events", "mentions", "avg_goldstein"}
		// As for countries, with the covering place index.
		from := src
		if f := q.Filter; f.ID == 0 && f.Actor == "" && f.Code == "" && f.Country == "" && f.Quad == 0 && f.Text == "" {
			from = "events e INDEXED BY events_place"
		}
		sqlText = `SELECT t.place, coalesce(p.name, ''), coalesce(p.country, ''), p.lat, p.lon, t.n, t.m, t.g FROM
			(SELECT e.place AS place, count(*) AS n, sum(e.num_mentions) AS m, round(avg(e.goldstein), 3) AS g FROM ` + from +
			andWhere(w, "e.place != ''") + ` GROUP BY e.place ORDER BY n DESC, e.place` + limit(q.Limit, 10) + `) t
			LEFT JOIN places p ON p.id = t.place ORDER BY t.n DESC, t.place`
	case "countries":
		cols = []string{"country", "events", "mentions", "avg_goldstein"}
		// Scanning the covering country index in the groups' order beats
		// sorting a date range of the day index, which the planner would
		// choose.
		from := src
		if f := q.Filter; f.ID == 0 && f.Actor == "" && f.Code == "" && f.Place == "" && f.Text == "" {
			from = "events e INDEXED BY events_country"
		}
		sqlText = `SELECT e.country, count(*) AS n, sum(e.num_mentions), round(avg(e.goldstein), 3) FROM ` + from +
			andWhere(w, "e.country != ''") + ` GROUP BY e.country ORDER BY n DESC, e.country` + limit(q.Limit, 0)
	default:
		return nil, fmt.Errorf("query: aggregation %q: want one of %s", q.Aggregate, strings.Join(store.Aggregations, ", "))
	}
	return s.table(ctx, cols, sqlText, args)
}

// actorEvents returns a subquery (as events e) of the events of f, whose
// Actor is a code prefix, and its arguments: those whose source has the
// prefix, read from the source index, and those whose target has it but
// not their source, from the target index. Both indexes cover every
// column aggregations read and every condition but a theme without a bit
// and a word search (tests of the event id), so an actor's aggregation
// reads its index entries only, instead of a table row per event.
func actorEvents(f store.Filter, bit int) (string, []any, error) {
	lo, hi := f.Actor, store.PrefixEnd(f.Actor)
	f.Actor = ""
	w, wargs, err := where(f, bit)
	if err != nil {
		return "", nil, err
	}
	const cols = "e.day, e.source, e.target, e.goldstein, e.num_mentions, e.tone, e.place, e.country"
	args := append(append(slices.Clone(wargs), lo, hi), wargs...)
	args = append(args, lo, hi, lo, hi)
	return `(SELECT ` + cols + ` FROM events e INDEXED BY events_source` + andWhere(w, "e.source >= ? AND e.source < ?") + `
		UNION ALL SELECT ` + cols + ` FROM events e INDEXED BY events_target` +
		andWhere(w, "e.target >= ? AND e.target < ? AND NOT (e.source >= ? AND e.source < ?)") + `) e`, args, nil
}

// table runs a query whose columns are cols into a table.
func (s *DB) table(ctx context.Context, cols []string, sqlText string, args []any) (*store.Table, error) {
	rows, err := s.db.QueryContext(ctx, sqlText, args...)
	if err != nil {
		return nil, fmt.Errorf("query: %w", err)
	}
	defer rows.Close()
	t := &store.Table{Columns: cols}
	for rows.Next() {
		vals := make([]any, len(cols))
		ptrs := make([]any, len(cols))
		for i := range vals {
			ptrs[i] = &vals[i]
		}
		if err := rows.Scan(ptrs...); err != nil {
			return nil, fmt.Errorf("query: %w", err)
		}
		for i, v := range vals {
			switch x := v.(type) {
			case []byte:
				vals[i] = string(x)
			case nil:
				vals[i] = ""
			case int64, float64, string:
			default:
				vals[i] = fmt.Sprint(x)
			}
		}
		t.Rows = append(t.Rows, vals)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("query: %w", err)
	}
	return t, nil
}

// countBy runs sqlText, which counts events by day (day, events, mentions,
// Goldstein sum, events with a tone, tone sum), and folds the days into
// weeks (starting on Monday) or months.
func (s *DB) countBy(ctx context.Context, q store.Query, sqlText string, args []any) (*store.Table, error) {
	rows, err := s.db.QueryContext(ctx, sqlText, args...)
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

// Events calls fn for each event matching f (see store.Querier). A
// full-text query FTS5 cannot read is a *store.TextQueryError.
func (s *DB) Events(ctx context.Context, f store.Filter, fn func(*store.StoredEvent) error) error {
	return textQueryError(f.Text, s.events(ctx, f, fn))
}

func (s *DB) events(ctx context.Context, f store.Filter, fn func(*store.StoredEvent) error) error {
	bit, err := s.themeBit(ctx, f.Theme)
	if err != nil {
		return fmt.Errorf("reading events: %w", err)
	}
	h, err := s.listHints(ctx, f)
	if err != nil {
		return fmt.Errorf("reading events: %w", err)
	}
	w, order, args, err := listWhere(f, bit, h)
	if err != nil {
		return fmt.Errorf("reading events: %w", err)
	}
	bound, err := s.walkBound(ctx, f)
	if err != nil {
		return fmt.Errorf("reading events: %w", err)
	}
	var ids []int64
	walked := false
	if bound > 0 {
		if ids, walked, err = s.walkText(ctx, f, bit, bound); err != nil {
			return fmt.Errorf("reading events: %w", err)
		}
	}
	switch {
	case walked:
		// Common words: the events after the cursor were walked (see
		// walkText); the rest of the page, if any, is after the bound.
		if len(ids) < f.Limit {
			g := f
			g.After, g.Limit = f.After+bound, f.Limit-len(ids)
			gw, gorder, gargs, err := listWhere(g, bit, h)
			if err != nil {
				return fmt.Errorf("reading events: %w", err)
			}
			if ids, err = s.appendIDs(ctx, ids, `SELECT e.id FROM events e`+gw+gorder+limit(g.Limit, 0), gargs); err != nil {
				return fmt.Errorf("reading events: %w", err)
			}
		}
		w, args = " WHERE e.id IN ("+idList(ids)+")", nil
	case f.Limit > 0:
		// Choose the page on the events alone, then read the first
		// mentions of its events only.
		w = " WHERE e.id IN (SELECT e.id FROM events e" + w + order + limit(f.Limit, 0) + ")"
	}
	rows, err := s.db.QueryContext(ctx, `SELECT e.id, m.data, e.num_mentions, e.num_sources, e.num_articles, e.is_root, e.first_seen,
		e.event_confidence FROM events e JOIN mentions m ON m.id = e.first_mention`+w+order, args...)
	if err != nil {
		return fmt.Errorf("reading events: %w", err)
	}
	defer rows.Close()
	var se store.StoredEvent
	for rows.Next() {
		var data []byte
		var seen int64
		var conf sql.NullFloat64
		se = store.StoredEvent{}
		if err := rows.Scan(&se.ID, &data, &se.NumMentions, &se.NumSources, &se.NumArticles, &se.IsRoot, &seen, &conf); err != nil {
			return fmt.Errorf("reading events: %w", err)
		}
		if err := json.Unmarshal(data, &se.Event); err != nil {
			return fmt.Errorf("reading event %d: %w", se.ID, err)
		}
		se.FirstSeen = time.Unix(seen, 0).UTC()
		se.EventConfidence = conf.Float64
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
	h, err := s.listHints(ctx, f)
	if err != nil {
		return fmt.Errorf("reading mentions: %w", err)
	}
	w, _, args, err := listWhere(f, bit, h)
	if err != nil {
		return fmt.Errorf("reading mentions: %w", err)
	}
	rows, err := s.db.QueryContext(ctx, `SELECT m.event_id, coalesce(m.data, o.data), m.source_name, m.confidence, m.seen,
		m.of_mention IS NOT NULL, c.url, c.id
		FROM events e JOIN mentions m ON m.event_id = e.id LEFT JOIN mentions o ON o.id = m.of_mention
		JOIN copies c ON c.id = m.copy_id`+w+` ORDER BY m.event_id, m.id`+limit(f.Limit, 0), args...)
	if err != nil {
		return fmt.Errorf("reading mentions: %w", err)
	}
	defer rows.Close()
	var sm store.StoredMention
	for rows.Next() {
		var data []byte
		var src, curl sql.NullString
		var seen int64
		var copyID string
		sm = store.StoredMention{}
		if err := rows.Scan(&sm.EventID, &data, &src, &sm.Confidence, &seen, &sm.Copy, &curl, &copyID); err != nil {
			return fmt.Errorf("reading mentions: %w", err)
		}
		if err := json.Unmarshal(data, &sm.Event); err != nil {
			return fmt.Errorf("reading a mention of event %d: %w", sm.EventID, err)
		}
		sm.SourceName = src.String
		sm.Seen = time.Unix(seen, 0).UTC()
		if sm.Copy {
			sm.Event.URL = curl.String
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
	var first, last sql.NullInt64
	err := s.db.QueryRowContext(ctx, `SELECT
		(SELECT count(*) FROM articles), (SELECT count(*) FROM copies), (SELECT count(*) FROM sentences),
		(SELECT count(*) FROM events), (SELECT count(*) FROM mentions),
		(SELECT count(DISTINCT source) FROM copies), (SELECT count(*) FROM runs),
		(SELECT min(day) FROM events), (SELECT max(day) FROM events)`).Scan(
		&st.Articles, &st.Copies, &st.Sentences, &st.Events, &st.Mentions, &st.Sources, &st.Runs, &first, &last)
	if err != nil {
		return st, fmt.Errorf("counting: %w", err)
	}
	if first.Valid {
		st.First = time.Unix(first.Int64*86400, 0).UTC().Format("2006-01-02")
		st.Last = time.Unix(last.Int64*86400, 0).UTC().Format("2006-01-02")
	}
	st.Skipped = map[string]int64{}
	rows, err := s.db.QueryContext(ctx, `SELECT reason, count(*) FROM skips GROUP BY reason`)
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
