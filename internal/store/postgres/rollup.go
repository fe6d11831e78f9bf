package postgres

import (
	"context"
	"fmt"
	"math"
	"strings"

	"github.com/eventwire/eventwire/internal/store"
	"github.com/eventwire/eventwire/internal/store/sqlfilter"
)

// rollupQuery answers the aggregation q from the rollups kept by every
// write (schema migration 5, writeplan.Rollups) when it can: ok is false
// when q needs the events.
func (s *DB) rollupQuery(ctx context.Context, q store.Query) (t *store.Table, ok bool, err error) {
	if s.noRollup || q.Aggregate == "" {
		return nil, false, nil
	}
	if r, ok := sqlfilter.Months(q.Filter); ok {
		switch q.Aggregate {
		case "dyads":
			sqlText, args := dyadTop(r, limit(q.Limit, 10))
			t, err := s.table(ctx, []string{"source", "target", "events", "mentions", "avg_goldstein"}, sqlText, args)
			return t, true, err
		case "places":
			sums, args := monthSums(r, "place_months", []string{"place"}, " AND e.place != ''", limit(q.Limit, 10))
			t, err := s.table(ctx, []string{"place", "name", "country", "lat", "lon", "events", "mentions", "avg_goldstein"},
				`SELECT t.place, coalesce(p.name, ''), coalesce(p.country, ''), p.lat, p.lon, t.n, t.m, `+round3("t.g/t.n")+`
				FROM (`+sums+`) t LEFT JOIN places p ON p.id = t.place ORDER BY t.n DESC, t.place`, args)
			return t, true, err
		}
	}
	if q.Aggregate == "countries" && q.Quad != 0 {
		// Countries of a quad class, by dates and country only.
		qq := q
		qq.Quad = 0
		w, ok := sqlfilter.Rollup(dialect{}, qq)
		if !ok {
			return nil, false, nil
		}
		t, err = s.table(ctx, []string{"country", "events", "mentions", "avg_goldstein"},
			`SELECT r.country, sum(r.events)::int8 AS n, sum(r.mentions)::int8, `+round3("sum(r.goldstein)/sum(r.events)")+` FROM quad_rollup r`+
				w.And("r.country != '' AND r.quad = "+w.Arg(q.Quad))+` GROUP BY r.country HAVING sum(r.events) > 0 ORDER BY n DESC, r.country`+
				limit(q.Limit, 0), w.Args())
		return t, true, err
	}
	w, ok := sqlfilter.Rollup(dialect{}, q)
	if !ok {
		return nil, false, nil
	}
	switch q.Aggregate {
	case "day", "week", "month":
		t, err = s.countBy(ctx, q, `SELECT r.day, sum(r.events)::int8, sum(r.mentions)::int8, sum(r.goldstein), sum(r.tone_n)::int8, sum(r.tone)
			FROM event_rollup r`+w.String()+` GROUP BY r.day HAVING sum(r.events) > 0 ORDER BY r.day`, w.Args())
	case "goldstein":
		t, err = s.table(ctx, []string{"events", "mentions", "avg_goldstein", "mention_weighted_goldstein"},
			`SELECT coalesce(sum(r.events), 0)::int8, coalesce(sum(r.mentions), 0)::int8, `+
				round3("coalesce(sum(r.goldstein)/nullif(sum(r.events), 0), 0)")+`, `+
				round3("coalesce(sum(r.gm)/nullif(sum(r.mentions), 0), 0)")+` FROM event_rollup r`+w.String(), w.Args())
	case "dyads":
		t, err = s.table(ctx, []string{"source", "target", "events", "mentions", "avg_goldstein"},
			`SELECT source, target, events, mentions, `+round3("goldstein/events")+` FROM dyad_totals`+w.And("events > 0")+`
			ORDER BY events DESC, source, target`+limit(q.Limit, 10), w.Args())
	case "places":
		t, err = s.table(ctx, []string{"place", "name", "country", "lat", "lon", "events", "mentions", "avg_goldstein"},
			`SELECT t.place, coalesce(p.name, ''), coalesce(p.country, ''), p.lat, p.lon, t.events, t.mentions, `+round3("t.goldstein/t.events")+`
			FROM (SELECT * FROM place_totals WHERE events > 0 ORDER BY events DESC, place`+limit(q.Limit, 10)+`) t
			LEFT JOIN places p ON p.id = t.place ORDER BY t.events DESC, t.place`, nil)
	case "countries":
		t, err = s.table(ctx, []string{"country", "events", "mentions", "avg_goldstein"},
			`SELECT r.country, sum(r.events)::int8 AS n, sum(r.mentions)::int8, `+round3("sum(r.goldstein)/sum(r.events)")+` FROM event_rollup r`+
				w.And("r.country != ''")+` GROUP BY r.country HAVING sum(r.events) > 0 ORDER BY n DESC, r.country`+limit(q.Limit, 0), w.Args())
	default:
		return nil, false, nil
	}
	return t, true, err
}

// monthSums returns a query of key columns, n, m and g (events, mentions,
// Goldstein sums) over the date range r: the whole months from the month
// rollup table, the days at either end from the events (an index-only
// scan of the day index, which covers the keys), summed by key, most
// events first.
func monthSums(r sqlfilter.MonthRange, table string, keys []string, cond string, lim string) (string, []any) {
	var parts []string
	var args []any
	arg := func(v any) string {
		args = append(args, v)
		return fmt.Sprintf("$%d", len(args))
	}
	k := strings.Join(keys, ", ")
	if r.Lo <= r.Hi {
		parts = append(parts, `SELECT `+k+`, events AS n, mentions AS m, goldstein AS g FROM `+table+
			` WHERE month BETWEEN `+arg(clamp32(r.Lo))+` AND `+arg(clamp32(r.Hi)))
	}
	ek := "e." + strings.Join(keys, ", e.")
	for _, d := range r.Edges {
		parts = append(parts, `SELECT `+ek+`, count(*) AS n, sum(e.num_mentions)::int8 AS m, sum(e.goldstein) AS g FROM events e
			WHERE e.day BETWEEN `+arg(clamp32(d[0]))+` AND `+arg(clamp32(d[1]))+cond+` GROUP BY `+ek)
	}
	if len(parts) == 0 {
		parts = append(parts, `SELECT `+k+`, 0::int8 AS n, 0::int8 AS m, 0::float8 AS g FROM `+table+` WHERE false`)
	}
	return `SELECT ` + k + `, sum(n)::int8 AS n, sum(m)::int8 AS m, sum(g) AS g FROM (` + strings.Join(parts, " UNION ALL ") + `) x
		GROUP BY ` + k + ` HAVING sum(n) > 0 ORDER BY n DESC, ` + k + lim, args
}

// clamp32 is x within the range of an integer column (an open range's
// bound is far outside it).
func clamp32(x int64) int64 { return max(min(x, math.MaxInt32), math.MinInt32) }

// actorEvents returns a subquery (as events e) of the events of f, whose
// Actor is a code prefix, and its arguments (in a clause without
// condition): those whose source has the prefix, read from the covering
// source index, and those whose target has it but not their source, from
// the covering target index, each an index-only scan where the
// visibility map allows.
func actorEvents(f store.Filter, bit int) (string, *filterSQL, error) {
	lo, hi := f.Actor, store.PrefixEnd(f.Actor)
	f.Actor = ""
	w, err := where(f, bit)
	if err != nil {
		return "", nil, err
	}
	l, h := w.Arg(lo), w.Arg(hi)
	const cols = "e.day, e.source, e.target, e.goldstein, e.num_mentions, e.tone, e.place, e.country"
	src := `(SELECT ` + cols + ` FROM events e` + w.And("e.source >= "+l+" AND e.source < "+h) + `
		UNION ALL SELECT ` + cols + ` FROM events e` +
		w.And("e.target >= "+l+" AND e.target < "+h+" AND NOT (e.source >= "+l+" AND e.source < "+h+")") + `) e`
	out := sqlfilter.New(dialect{})
	out.Add(w.Args()...)
	return src, out, nil
}

// table runs a query whose columns are cols into a table.
func (s *DB) table(ctx context.Context, cols []string, sqlText string, args []any) (*store.Table, error) {
	rows, err := s.pool.Query(ctx, sqlText, args...)
	if err != nil {
		return nil, fmt.Errorf("query: %w", err)
	}
	defer rows.Close()
	t := &store.Table{Columns: cols}
	for rows.Next() {
		vals, err := rows.Values()
		if err != nil {
			return nil, fmt.Errorf("query: %w", err)
		}
		for i, v := range vals {
			vals[i] = cell(v)
		}
		t.Rows = append(t.Rows, vals)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("query: %w", err)
	}
	return t, nil
}
