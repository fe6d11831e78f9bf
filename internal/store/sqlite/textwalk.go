package sqlite

import (
	"context"
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/eventwire/eventwire/internal/store"
)

// A page of events in id order matching words that are each in a large
// share of the sentences is found faster by walking the events in id
// order and testing each one's sentences against the full-text index than
// by matching the words first: the match alone lists a large share of all
// sentences, and each must be mapped to its events. The walk stops at a
// bound (about walkFactor pages' worth of events by the words' estimated
// share); when the page is not full by then, the events after the bound
// are found the plain way, so the page is the same either way.
const (
	// walkFactor is how many times the events a page needs by the
	// estimate the walk reads before it gives up.
	walkFactor = 4
	// maxWalk bounds the events one walk reads.
	maxWalk = 20_000
)

// simpleTerms returns the words of a full-text query of the server's form
// (quoted words separated by spaces) when each is one token of ASCII
// letters and digits, lower-cased as the index holds them; ok is false for
// any other query (operators, prefixes, phrases of several words).
func simpleTerms(q string) (terms []string, ok bool) {
	for _, f := range strings.Fields(q) {
		if len(f) < 3 || f[0] != '"' || f[len(f)-1] != '"' {
			return nil, false
		}
		w := f[1 : len(f)-1]
		for i := 0; i < len(w); i++ {
			c := w[i]
			if !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9') {
				return nil, false
			}
		}
		terms = append(terms, strings.ToLower(w))
	}
	return terms, len(terms) > 0
}

// walkBound returns how many events after f.After a walk of a page of f
// reads, 0 when the page is better found the plain way: f lists a page in
// id order with a full-text query of simple words whose estimated share of
// the sentences (the product of each word's, from the index's vocabulary)
// makes a page come within maxWalk events.
func (s *DB) walkBound(ctx context.Context, f store.Filter) (int64, error) {
	if f.Text == "" || f.Limit <= 0 || f.Sort != "" || s.noRollup {
		return 0, nil
	}
	terms, ok := simpleTerms(f.Text)
	if !ok {
		return 0, nil
	}
	var sentences int64
	if err := s.db.QueryRowContext(ctx, `SELECT coalesce(max(rowid), 0) FROM sentences`).Scan(&sentences); err != nil {
		return 0, fmt.Errorf("estimating the search's share: %w", err)
	}
	if sentences == 0 {
		return 0, nil
	}
	share := 1.0
	for _, t := range terms {
		var docs int64
		err := s.db.QueryRowContext(ctx, `SELECT coalesce((SELECT doc FROM sentences_vocab WHERE term = ?), 0)`, t).Scan(&docs)
		if err != nil {
			return 0, fmt.Errorf("estimating the search's share: %w", err)
		}
		share *= float64(docs) / float64(sentences)
	}
	if share <= 0 {
		return 0, nil
	}
	n := walkFactor * float64(f.Limit) / share
	if n > maxWalk {
		return 0, nil
	}
	return int64(n) + 1, nil
}

// Sentence runs of a walk: sentence ids at most maxRunGap apart are
// matched with one full-text query restricted to their range; a walk
// whose sentences need more than maxRuns queries is left to the plain way.
const (
	maxRunGap = 4096
	maxRuns   = 32
)

// walkText returns the ids of the first events of f (at most f.Limit) with
// an id in (f.After, f.After+bound], in id order; f's other conditions hold
// too. It reads the sentences of those events' mentions and matches the
// words against the full-text index over their ranges only (a range of
// sentence ids is a cheap restriction of a full-text query, where the
// whole match would list a large share of all sentences). ok is false when
// the sentences are too scattered for that (see maxRuns).
func (s *DB) walkText(ctx context.Context, f store.Filter, bit int, bound int64) (ids []int64, ok bool, err error) {
	rows, err := s.db.QueryContext(ctx, `SELECT event_id, sentence_id FROM mentions
		WHERE event_id > ? AND event_id <= ? AND sentence_id IS NOT NULL`, f.After, f.After+bound)
	if err != nil {
		return nil, false, err
	}
	type pair struct{ event, sentence int64 }
	var pairs []pair
	for rows.Next() {
		var p pair
		if err := rows.Scan(&p.event, &p.sentence); err != nil {
			rows.Close()
			return nil, false, err
		}
		pairs = append(pairs, p)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, false, err
	}
	sents := make([]int64, len(pairs))
	for i, p := range pairs {
		sents[i] = p.sentence
	}
	slices.Sort(sents)
	var runs [][2]int64
	for _, id := range sents {
		if n := len(runs); n > 0 && id-runs[n-1][1] <= maxRunGap {
			runs[n-1][1] = id
			continue
		}
		if len(runs) == maxRuns {
			return nil, false, nil
		}
		runs = append(runs, [2]int64{id, id})
	}
	matched := map[int64]bool{}
	for _, r := range runs {
		rows, err := s.db.QueryContext(ctx, `SELECT rowid FROM sentences_fts WHERE sentences_fts MATCH ? AND rowid BETWEEN ? AND ?`,
			f.Text, r[0], r[1])
		if err != nil {
			return nil, false, err
		}
		for rows.Next() {
			var id int64
			if err := rows.Scan(&id); err != nil {
				rows.Close()
				return nil, false, err
			}
			matched[id] = true
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return nil, false, err
		}
	}
	for _, p := range pairs {
		if matched[p.sentence] {
			ids = append(ids, p.event)
		}
	}
	slices.Sort(ids)
	ids = slices.Compact(ids)
	// The other conditions, on the matching events.
	g := f
	g.Text, g.Limit, g.After = "", 0, 0
	if g == (store.Filter{}) {
		return ids[:min(len(ids), f.Limit)], true, nil
	}
	w, args, err := where(g, bit)
	if err != nil {
		return nil, false, err
	}
	out, err := s.appendIDs(ctx, nil, `SELECT e.id FROM events e`+andWhere(w, "e.id IN ("+idList(ids)+")")+
		` ORDER BY e.id`+limit(f.Limit, 0), args)
	return out, err == nil, err
}

// idList is ids as a SQL list.
func idList(ids []int64) string {
	var b strings.Builder
	for i, id := range ids {
		if i > 0 {
			b.WriteByte(',')
		}
		b.WriteString(strconv.FormatInt(id, 10))
	}
	return b.String()
}

// appendIDs appends the ids a query lists to ids.
func (s *DB) appendIDs(ctx context.Context, ids []int64, q string, args []any) ([]int64, error) {
	rows, err := s.db.QueryContext(ctx, q, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			return nil, err
		}
		ids = append(ids, id)
	}
	return ids, rows.Err()
}
