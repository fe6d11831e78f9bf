// Package sqlfilter turns a store.Filter into the WHERE and ORDER BY
// clauses over events e of both SQL stores (internal/store/sqlite and
// internal/store/postgres): one builder of the conditions, their checks and
// their order, with what differs between the engines (placeholders, the
// actor code and name tests, place names without regard to case, full-text
// search) behind a small Dialect.
package sqlfilter

import (
	"fmt"
	"strings"

	"github.com/eventwire/eventwire/internal/dedup"
	"github.com/eventwire/eventwire/internal/store"
)

// Dialect is what an engine writes its own way.
type Dialect interface {
	// Placeholder is the placeholder of the n-th argument (1-based).
	Placeholder(n int) string
	// Reuse reports whether a placeholder can stand for its argument
	// more than once ($1 can, ? cannot).
	Reuse() bool
	// ActorCode is the condition that the source or the target code of e
	// is in [lo, hi) (a code prefix); walk asks that the events of the
	// prefix be tested row by row rather than listed (see Hints).
	ActorCode(w *Where, lo, hi string, walk bool) string
	// ActorName is the condition that the source or the target name of e
	// matches the LIKE pattern pat (with \ escapes), without regard to
	// case.
	ActorName(w *Where, pat string) string
	// Place is the condition that the place of e has the name (in full,
	// or before its first comma) or the feature id place, without regard
	// to case.
	Place(w *Where, place string) string
	// Text is the condition that a sentence of a mention of e matches the
	// full-text query text.
	Text(w *Where, text string) (string, error)
}

// Hints steer a SQLite plan (see the sqlite store's listHints); PostgreSQL
// gives none.
type Hints struct {
	// WalkCode tests a code prefix on each row instead of reading the
	// code index.
	WalkCode bool
	// WalkActor tests an actor code on each row instead of listing the
	// actor's events.
	WalkActor bool
}

// Where is a WHERE clause being built: its conditions, joined by AND, and
// its arguments in placeholder order.
type Where struct {
	d     Dialect
	conds []string
	args  []any
}

// New returns an empty clause of dialect d.
func New(d Dialect) *Where { return &Where{d: d} }

// Arg adds an argument and returns its placeholder.
func (w *Where) Arg(v any) string {
	w.args = append(w.args, v)
	return w.d.Placeholder(len(w.args))
}

// ArgN returns the placeholders of n uses of one argument: one placeholder
// n times where the dialect reuses them, else n arguments.
func (w *Where) ArgN(v any, n int) []string {
	out := make([]string, n)
	for i := range out {
		if i > 0 && w.d.Reuse() {
			out[i] = out[0]
			continue
		}
		out[i] = w.Arg(v)
	}
	return out
}

// Add appends arguments a dialect numbered itself (from Next).
func (w *Where) Add(args ...any) { w.args = append(w.args, args...) }

// Next is the number of the next argument's placeholder.
func (w *Where) Next() int { return len(w.args) + 1 }

// Args returns the arguments.
func (w *Where) Args() []any { return w.args }

// Empty reports whether the clause has no condition.
func (w *Where) Empty() bool { return len(w.conds) == 0 }

// String is the clause, " WHERE ..." or "" when there is no condition.
func (w *Where) String() string {
	if len(w.conds) == 0 {
		return ""
	}
	return " WHERE " + strings.Join(w.conds, " AND ")
}

// And returns the clause with one more condition (w is unchanged).
func (w *Where) And(cond string) string {
	if len(w.conds) == 0 {
		return " WHERE " + cond
	}
	return w.String() + " AND " + cond
}

// Filter returns the conditions over events e of f. themeBit is the bit of
// events.themes of f.Theme, -1 when it has none. Errors name the field.
func Filter(d Dialect, f store.Filter, themeBit int, h Hints) (*Where, error) {
	w := New(d)
	if f.Actor != "" {
		if store.IsActorCode(f.Actor) {
			w.conds = append(w.conds, d.ActorCode(w, f.Actor, store.PrefixEnd(f.Actor), h.WalkActor))
		} else {
			pat := "%" + strings.NewReplacer(`\`, `\\`, "%", `\%`, "_", `\_`).Replace(f.Actor) + "%"
			w.conds = append(w.conds, d.ActorName(w, pat))
		}
	}
	if f.Code != "" {
		for i := 0; i < len(f.Code); i++ {
			if f.Code[i] < '0' || f.Code[i] > '9' {
				return nil, fmt.Errorf("code %q: want digits", f.Code)
			}
		}
		// A unary + keeps SQLite from reading the code index.
		col := "e.code"
		if h.WalkCode {
			col = "+e.code"
		}
		w.conds = append(w.conds, col+" >= "+w.Arg(f.Code)+" AND "+col+" < "+w.Arg(store.PrefixEnd(f.Code)))
	}
	if f.Quad != 0 {
		if f.Quad < 1 || f.Quad > 4 {
			return nil, fmt.Errorf("quad class %d: want 1 to 4", f.Quad)
		}
		w.conds = append(w.conds, "e.quad = "+w.Arg(f.Quad))
	}
	if f.From != "" {
		day, ok := dedup.Day(f.From)
		if !ok {
			return nil, fmt.Errorf("from date %q: want YYYY-MM-DD", f.From)
		}
		w.conds = append(w.conds, "e.day >= "+w.Arg(day))
	}
	if f.To != "" {
		day, ok := dedup.Day(f.To)
		if !ok {
			return nil, fmt.Errorf("to date %q: want YYYY-MM-DD", f.To)
		}
		w.conds = append(w.conds, "e.day <= "+w.Arg(day))
	}
	if f.Country != "" {
		c := strings.ToUpper(f.Country)
		if len(c) == 2 {
			w.conds = append(w.conds, "e.country_fips = "+w.Arg(c))
		} else {
			w.conds = append(w.conds, "e.country = "+w.Arg(c))
		}
	}
	if f.Place != "" {
		w.conds = append(w.conds, d.Place(w, f.Place))
	}
	if f.Theme != "" {
		// A test on a column of the covering indexes for a theme with a
		// bit, the list of its events for the others.
		if themeBit >= 0 {
			w.conds = append(w.conds, "e.themes & "+w.Arg(int64(1)<<themeBit)+" != 0")
		} else {
			w.conds = append(w.conds, "e.id IN (SELECT event_id FROM event_themes WHERE theme = "+w.Arg(strings.ToUpper(f.Theme))+")")
		}
	}
	if f.Text != "" {
		cond, err := d.Text(w, f.Text)
		if err != nil {
			return nil, err
		}
		w.conds = append(w.conds, cond)
	}
	if f.MinConfidence != 0 {
		if err := store.CheckMinConfidence(f.MinConfidence); err != nil {
			return nil, err
		}
		// NULL (unknown confidence) never passes the test.
		w.conds = append(w.conds, "e.event_confidence >= "+w.Arg(f.MinConfidence))
	}
	if f.ID != 0 {
		w.conds = append(w.conds, "e.id = "+w.Arg(f.ID))
	}
	return w, nil
}

// sortKeys are the event columns of the sort orders.
var sortKeys = map[string]string{"date": "day", "goldstein": "goldstein", "mentions": "num_mentions"}

// List returns the conditions of f with its cursor f.After, and the ORDER
// BY clause, that list the events of f in the order of f.Sort, ties broken
// by id in the same direction.
func List(d Dialect, f store.Filter, themeBit int, h Hints) (*Where, string, error) {
	w, err := Filter(d, f, themeBit, h)
	if err != nil {
		return nil, "", err
	}
	key, desc := f.Sort, false
	if strings.HasPrefix(key, "-") {
		key, desc = key[1:], true
	}
	col, ok := sortKeys[key]
	if f.Sort != "" && !ok {
		return nil, "", fmt.Errorf("sort %q: want one of %s", f.Sort, strings.Join(store.Sorts, ", "))
	}
	cmp, dir := ">", ""
	if desc {
		cmp, dir = "<", " DESC"
	}
	order := " ORDER BY e.id" + dir
	if ok {
		order = " ORDER BY e." + col + dir + ", e.id" + dir
	}
	if f.After < 0 {
		return nil, "", fmt.Errorf("cursor %d: want an event id", f.After)
	}
	if f.After > 0 {
		if ok {
			a := w.ArgN(f.After, 2)
			w.conds = append(w.conds, "(e."+col+", e.id) "+cmp+" ((SELECT "+col+" FROM events WHERE id = "+a[0]+"), "+a[1]+")")
		} else {
			w.conds = append(w.conds, "e.id "+cmp+" "+w.Arg(f.After))
		}
	}
	return w, order, nil
}
