package postgres

import (
	"context"
	"fmt"
	"strconv"
	"strings"

	"github.com/jackc/pgx/v5"

	"github.com/eventwire/eventwire/internal/store/sqlfilter"
	"github.com/eventwire/eventwire/internal/store/writeplan"
)

// dyad_series holds, per dyad, its events, mentions and Goldstein sum by
// month as cumulative arrays: element i is the sum over the months
// first_month to first_month+i. The whole months lo..hi of a date range
// are then two subscripts per dyad (cum(hi) − cum(lo−1)), one narrow row
// per dyad, instead of a row per dyad and month: with many evenly used
// dyads (the benchmark's 22,500) a month-keyed table has about as many
// rows per month as events, and summing a year of it cost 0.3–0.8 s.
// SQLite keeps a packed day series instead (store/sqlite/dyaddays.go).

// series is one dyad's row of dyad_series.
type series struct {
	first            int64 // month of element 0; none when empty
	events, mentions []int64
	goldstein        []float64
}

// add adds d to the month m and so to every cumulative sum from m on,
// extending the series to cover m.
func (s *series) add(m int64, d writeplan.Sums) {
	if len(s.events) == 0 {
		s.first = m
		s.events, s.mentions, s.goldstein = []int64{0}, []int64{0}, []float64{0}
	}
	if m < s.first {
		// Months before the first hold nothing: zeros.
		k := int(s.first - m)
		s.events = append(make([]int64, k), s.events...)
		s.mentions = append(make([]int64, k), s.mentions...)
		s.goldstein = append(make([]float64, k), s.goldstein...)
		s.first = m
	}
	for last := s.first + int64(len(s.events)) - 1; last < m; last++ {
		// Months after the last add nothing: the last sums again.
		s.events = append(s.events, s.events[len(s.events)-1])
		s.mentions = append(s.mentions, s.mentions[len(s.mentions)-1])
		s.goldstein = append(s.goldstein, s.goldstein[len(s.goldstein)-1])
	}
	for i := int(m - s.first); i < len(s.events); i++ {
		s.events[i] += d.Events
		s.mentions[i] += d.Mentions
		s.goldstein[i] += d.Goldstein
	}
}

// arrayLiteral writes xs as a PostgreSQL array literal.
func arrayLiteral[T int64 | float64](xs []T) string {
	var b strings.Builder
	b.WriteByte('{')
	for i, x := range xs {
		if i > 0 {
			b.WriteByte(',')
		}
		switch v := any(x).(type) {
		case int64:
			b.WriteString(strconv.FormatInt(v, 10))
		case float64:
			b.WriteString(strconv.FormatFloat(v, 'g', -1, 64))
		}
	}
	b.WriteByte('}')
	return b.String()
}

// addDyadSeries adds the changes of the dyads' months (sorted by dyad,
// then month) to their series: the rows are created when missing, locked
// in key order and read, changed here, and written back, all in the
// write's transaction.
func (w *writer) addDyadSeries(ctx context.Context, months []writeplan.Rollup[writeplan.DyadDay]) error {
	if len(months) == 0 {
		return nil
	}
	var srcs, tgts []string
	for i, r := range months {
		if i == 0 || r.Key.Dyad != months[i-1].Key.Dyad {
			srcs, tgts = append(srcs, r.Key.Source), append(tgts, r.Key.Target)
		}
	}
	all := map[writeplan.Dyad]*series{}
	var q pgx.Batch
	q.Queue(`INSERT INTO dyad_series(source, target, first_month, events, mentions, goldstein)
		SELECT s, t, 0, '{}', '{}', '{}' FROM unnest($1::text[], $2::text[]) AS u(s, t) ORDER BY s, t ON CONFLICT DO NOTHING`, srcs, tgts)
	q.Queue(`SELECT d.source, d.target, d.first_month, d.events, d.mentions, d.goldstein FROM dyad_series d
		JOIN unnest($1::text[], $2::text[]) AS u(s, t) ON d.source = u.s AND d.target = u.t
		ORDER BY d.source, d.target FOR UPDATE OF d`, srcs, tgts).Query(func(rows pgx.Rows) error {
		for rows.Next() {
			var k writeplan.Dyad
			var first int32
			s := &series{}
			if err := rows.Scan(&k.Source, &k.Target, &first, &s.events, &s.mentions, &s.goldstein); err != nil {
				return fmt.Errorf("reading dyad series: %w", err)
			}
			s.first = int64(first)
			all[k] = s
		}
		return rows.Err()
	})
	if err := w.tx.SendBatch(ctx, &q).Close(); err != nil {
		return fmt.Errorf("reading dyad series: %w", err)
	}
	for _, r := range months {
		s := all[r.Key.Dyad]
		if s == nil {
			return fmt.Errorf("dyad series %s-%s: not read", r.Key.Source, r.Key.Target)
		}
		s.add(r.Key.Day, r.Sums)
	}
	n := len(srcs)
	firsts := make([]int32, n)
	evs, mens, golds := make([]string, n), make([]string, n), make([]string, n)
	for i := range srcs {
		s := all[writeplan.Dyad{Source: srcs[i], Target: tgts[i]}]
		firsts[i], evs[i], mens[i], golds[i] = int32(s.first), arrayLiteral(s.events), arrayLiteral(s.mentions), arrayLiteral(s.goldstein)
	}
	if _, err := w.tx.Exec(ctx, `UPDATE dyad_series d SET first_month = u.f, events = u.e::bigint[], mentions = u.m::bigint[],
		goldstein = u.g::float8[] FROM unnest($1::text[], $2::text[], $3::int[], $4::text[], $5::text[], $6::text[]) AS u(s, t, f, e, m, g)
		WHERE d.source = u.s AND d.target = u.t`, srcs, tgts, firsts, evs, mens, golds); err != nil {
		return fmt.Errorf("writing dyad series: %w", err)
	}
	return nil
}

// dyadTop returns the query of the top dyads over the date range r
// (source, target, events, mentions, avg_goldstein): first the events of
// every dyad, the whole months from the dyads' cumulative series, the days
// at either end from the events (an index-only scan of the day index,
// which covers the dyad), and the top ones by events; then the mentions
// and Goldstein of those only, from their series and their events at the
// ends (the source index).
func dyadTop(r sqlfilter.MonthRange, lim string) (string, []any) {
	var args []any
	arg := func(v any) string {
		args = append(args, v)
		return fmt.Sprintf("$%d", len(args))
	}
	var parts []string
	// diff is the sum of col over the whole months (as s), 0 without.
	diff := func(col string) string { return "0" }
	if r.Lo <= r.Hi {
		// Months of an open range are bounded well inside int4, so that
		// the subscript arithmetic does not overflow.
		const bound = 1 << 24
		hi, before := arg(max(min(r.Hi, bound), -bound)), arg(max(min(r.Lo-1, bound), -bound))
		// cum(x) is the element of month x, the last one after the
		// series, none (NULL: 0) before it.
		cum := func(col, x string) string {
			return `coalesce(s.` + col + `[least(` + x + `, s.first_month + cardinality(s.` + col + `) - 1) - s.first_month + 1], 0)`
		}
		diff = func(col string) string { return cum(col, hi) + ` - ` + cum(col, before) }
		parts = append(parts, `SELECT s.source, s.target, `+diff("events")+` AS n FROM dyad_series s`)
	}
	var edges []string
	for _, d := range r.Edges {
		// One branch per end: each an index-only scan of a day range (an
		// OR of both would read the table).
		c := `e.day BETWEEN ` + arg(clamp32(d[0])) + ` AND ` + arg(clamp32(d[1]))
		edges = append(edges, c)
		parts = append(parts, `SELECT e.source, e.target, 1 AS n FROM events e WHERE `+c)
	}
	edge := "false"
	if len(edges) > 0 {
		edge = "(" + strings.Join(edges, " OR ") + ")"
	}
	if len(parts) == 0 {
		parts = append(parts, `SELECT source, target, 0::int8 AS n FROM dyad_series WHERE false`)
	}
	ends := func(col string) string {
		return `coalesce((SELECT sum(e.` + col + `) FROM events e WHERE e.source = t.source AND e.target = t.target AND ` + edge + `), 0)`
	}
	return `SELECT t.source, t.target, t.n, (` + diff("mentions") + ` + ` + ends("num_mentions") + `)::int8,
		` + round3("("+diff("goldstein")+" + "+ends("goldstein")+") / t.n") + ` FROM
		(SELECT source, target, sum(n)::int8 AS n FROM (` + strings.Join(parts, " UNION ALL ") + `) x
			GROUP BY source, target HAVING sum(n) > 0 ORDER BY n DESC, source, target` + lim + `) t
		LEFT JOIN dyad_series s ON s.source = t.source AND s.target = t.target
		ORDER BY t.n DESC, t.source, t.target`, args
}
