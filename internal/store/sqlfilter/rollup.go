package sqlfilter

import (
	"strings"

	"github.com/eventwire/eventwire/internal/dedup"
	"github.com/eventwire/eventwire/internal/store"
)

// Rollup returns the conditions over a rollup table when the aggregation q
// can be answered from the rollups kept by every write
// (internal/store/writeplan): a series, the Goldstein figures or the
// countries filtered on dates and the ISO country only (event_rollup r:
// r.day, r.country), or unfiltered top places or dyads, or the top dyads
// of an actor code (place_totals, dyad_totals: source, target).
func Rollup(d Dialect, q store.Query) (*Where, bool) {
	f := q.Filter
	w := New(d)
	switch q.Aggregate {
	case "day", "week", "month", "goldstein", "countries":
	case "dyads", "places":
		// Totals over all dates: no condition at all, or for dyads an
		// actor code (prefix) as source or target.
		f.Limit, f.Sort, f.After = 0, "", 0
		if q.Aggregate == "dyads" && store.IsActorCode(f.Actor) {
			a := f.Actor
			f.Actor = ""
			end := store.PrefixEnd(a)
			c := "(source >= " + w.Arg(a) + " AND source < " + w.Arg(end)
			c += " OR target >= " + w.Arg(a) + " AND target < " + w.Arg(end) + ")"
			w.conds = append(w.conds, c)
			return w, f == store.Filter{}
		}
		return w, f == store.Filter{}
	default:
		return nil, false
	}
	if f.ID != 0 || f.Actor != "" || f.Code != "" || f.Quad != 0 || f.Place != "" || f.Theme != "" || f.Text != "" || f.MinConfidence != 0 ||
		(f.Country != "" && len(f.Country) != 3) {
		return nil, false
	}
	for _, dt := range []struct{ date, op string }{{f.From, ">="}, {f.To, "<="}} {
		if dt.date == "" {
			continue
		}
		day, ok := dedup.Day(dt.date)
		if !ok {
			return nil, false // Filter reports it
		}
		w.conds = append(w.conds, "r.day "+dt.op+" "+w.Arg(day))
	}
	if f.Country != "" {
		w.conds = append(w.conds, "r.country = "+w.Arg(strings.ToUpper(f.Country)))
	}
	return w, true
}

// MonthRange is a date range cut for the month rollups: the whole months
// Lo to Hi (none when Lo > Hi), and the days at either end outside them
// (Edges, each a first and last day).
type MonthRange struct {
	Lo, Hi int64
	Edges  [][2]int64
	// From, To are the range's first and last days (MinDay, MaxDay when
	// open).
	From, To int64
}

// Bounds of an open range, in days and months.
const (
	MinDay   = -1 << 40
	MaxDay   = 1 << 40
	minMonth = -1 << 40
	maxMonth = 1 << 40
)

// Months cuts the date range of f for the month rollups; ok is false
// unless f sets a date and no other condition (Limit aside).
func Months(f store.Filter) (MonthRange, bool) {
	from, to := f.From, f.To
	f.From, f.To, f.Limit, f.Sort, f.After = "", "", 0, "", 0
	if f != (store.Filter{}) || from == "" && to == "" {
		return MonthRange{}, false
	}
	lo, hi := int64(MinDay), int64(MaxDay)
	r := MonthRange{Lo: minMonth, Hi: maxMonth}
	if from != "" {
		day, ok := dedup.Day(from)
		if !ok {
			return MonthRange{}, false // Filter reports it
		}
		d := int64(day)
		lo = d
		if r.Lo = store.MonthOfDay(d); store.MonthStart(r.Lo) != d {
			r.Lo++
		}
	}
	if to != "" {
		day, ok := dedup.Day(to)
		if !ok {
			return MonthRange{}, false
		}
		d := int64(day)
		hi = d
		if r.Hi = store.MonthOfDay(d); store.MonthStart(r.Hi+1)-1 != d {
			r.Hi--
		}
	}
	r.From, r.To = lo, hi
	if lo > hi {
		return r, true // empty: no month, no day
	}
	if r.Lo > r.Hi {
		r.Edges = [][2]int64{{lo, hi}}
		return r, true
	}
	if from != "" && lo < store.MonthStart(r.Lo) {
		r.Edges = append(r.Edges, [2]int64{lo, store.MonthStart(r.Lo) - 1})
	}
	if to != "" && hi >= store.MonthStart(r.Hi+1) {
		r.Edges = append(r.Edges, [2]int64{store.MonthStart(r.Hi + 1), hi})
	}
	return r, true
}
