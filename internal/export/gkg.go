package export

import (
	"context"
	"errors"
	"fmt"
	"io"
	"sort"
	"time"

	"github.com/eventwire/eventwire/internal/gkg"
	"github.com/eventwire/eventwire/internal/store"
)

// writeGKG writes one GKG 2.1 row per stored article that has knowledge,
// oldest first (by publication date, then id). The date range selects
// articles by publication date (GKG's DATE), not by event date; the other
// conditions of the filter select, as store.ArticleReader.Articles does,
// articles that reported a matching event (Theme: articles with that
// theme). Articles stored without knowledge are skipped.
func writeGKG(ctx context.Context, q store.Querier, w io.Writer, opt Options) (Summary, error) {
	var sum Summary
	ar, ok := q.(store.ArticleReader)
	if !ok {
		return sum, ErrNoKnowledge
	}
	from, to, err := dayRange(opt.Filter)
	if err != nil {
		return sum, err
	}
	f := opt.Filter
	f.From, f.To, f.Limit = "", "", 0
	list, err := ar.Articles(ctx, f)
	if err != nil {
		return sum, fmt.Errorf("listing articles: %w", err)
	}
	keep := list[:0]
	for _, a := range list {
		if a.Published.IsZero() && (!from.IsZero() || !to.IsZero()) {
			continue // no publication date: outside any range
		}
		if !from.IsZero() && a.Published.Before(from) || !to.IsZero() && !a.Published.Before(to) {
			continue
		}
		keep = append(keep, a)
	}
	sort.SliceStable(keep, func(i, j int) bool {
		if !keep[i].Published.Equal(keep[j].Published) {
			return keep[i].Published.Before(keep[j].Published)
		}
		return keep[i].ID < keep[j].ID
	})
	gw, err := gkg.NewWriter(w, gkg.FormatGKG)
	if err != nil {
		return sum, err
	}
	for _, a := range keep {
		if opt.Filter.Limit > 0 && sum.Records == opt.Filter.Limit {
			break
		}
		view, err := ar.Article(ctx, a.ID)
		if errors.Is(err, store.ErrNotFound) {
			continue // removed since the listing
		}
		if err != nil {
			return sum, fmt.Errorf("reading article %s: %w", a.ID, err)
		}
		if view.Knowledge == nil {
			continue
		}
		if err := gw.Write(view.Knowledge); err != nil {
			return sum, fmt.Errorf("writing gkg row of article %s: %w", a.ID, err)
		}
		sum.Records++
	}
	if err := gw.Flush(); err != nil {
		return sum, fmt.Errorf("writing gkg rows: %w", err)
	}
	return sum, nil
}

// dayRange parses the filter's From and To into [from, to+1 day); zero
// times when unset.
func dayRange(f store.Filter) (from, to time.Time, err error) {
	if f.From != "" {
		if from, err = time.Parse("2006-01-02", f.From); err != nil {
			return from, to, fmt.Errorf("from date %q is not YYYY-MM-DD", f.From)
		}
	}
	if f.To != "" {
		if to, err = time.Parse("2006-01-02", f.To); err != nil {
			return from, to, fmt.Errorf("to date %q is not YYYY-MM-DD", f.To)
		}
		to = to.AddDate(0, 0, 1)
	}
	return from, to, nil
}
