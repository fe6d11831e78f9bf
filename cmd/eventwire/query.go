package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/eventwire/eventwire/internal/store"
)

func init() {
	register(command{name: "query", summary: "filter and aggregate the events of the store", run: runQuery})
}

// filterFlags adds the event filter flags to fs.
func filterFlags(fs interface {
	String(name, value, usage string) *string
	Int(name string, value int, usage string) *int
	Float64(name string, value float64, usage string) *float64
}, f *store.Filter) func() {
	actor := fs.String("actor", "", "actor code or country code prefix (USA, USAGOV), or a word of an actor's name")
	code := fs.String("code", "", "CAMEO event code prefix (19, 190)")
	quad := fs.Int("quad", 0, "quad class: 1 verbal cooperation, 2 material cooperation, 3 verbal conflict, 4 material conflict")
	from := fs.String("from", "", "first event date YYYY-MM-DD")
	to := fs.String("to", "", "last event date YYYY-MM-DD")
	country := fs.String("country", "", "country of the action place, ISO alpha-3 or FIPS")
	place := fs.String("place", "", "action place: its name (Paris), full name (\"Paris, Ile-de-France, France\") or GeoNames id")
	theme := fs.String("theme", "", "GKG theme of the events' articles (ARMEDCONFLICT, PROTEST...)")
	text := fs.String("text", "", "full-text search over the events' sentences (SQLite FTS5 syntax)")
	minConf := fs.Float64("min-confidence", 0, "only events whose coded confidence (0-1, the highest of their reports') is at least this; "+
		"events of unknown confidence never match (0: no condition; not the GDELT mention confidence)")
	limit := fs.Int("limit", 0, "at most this many rows (0: all; top dyads and places default to 10)")
	return func() {
		*f = store.Filter{Actor: *actor, Code: *code, Quad: *quad, From: *from, To: *to, Country: *country, Place: *place,
			Theme: strings.ToUpper(*theme), Text: *text, MinConfidence: *minConf, Limit: *limit}
	}
}

func runQuery(args []string, stdout, stderr io.Writer) error {
	fs := newFlags("query", "", stderr)
	db := dbFlag(fs)
	var q store.Query
	setFilter := filterFlags(fs, &q.Filter)
	countBy := fs.String("count-by", "", "count events by day, week or month (with average Goldstein scale and article tone)")
	agg := fs.String("aggregate", "", "goldstein (average Goldstein scale), dyads (top source-target pairs), places (top action places) or countries (events per action country)")
	sortBy := fs.String("sort", "date", "order of listed events: id, date, goldstein or mentions, descending with a leading -")
	after := fs.Int64("after", 0, "list the events after the event with this id in the --sort order (a cursor: the last id of the previous page)")
	format := fs.String("format", "table", "output: table, csv or json")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	setFilter()
	q.After = *after
	switch {
	case *sortBy == "id":
	case slices.Contains(store.Sorts, *sortBy):
		q.Sort = *sortBy
	default:
		return fmt.Errorf("%w: --sort: want id, %s, not %q", errUsage, strings.Join(store.Sorts, ", "), *sortBy)
	}
	if !slices.Contains(store.TableFormats, *format) {
		return fmt.Errorf("%w: --format: want %s, not %q", errUsage, strings.Join(store.TableFormats, ", "), *format)
	}
	switch {
	case *countBy != "" && *agg != "":
		return fmt.Errorf("%w: --count-by and --aggregate exclude each other", errUsage)
	case *countBy != "":
		if *countBy != "day" && *countBy != "week" && *countBy != "month" {
			return fmt.Errorf("%w: --count-by: want day, week or month, not %q", errUsage, *countBy)
		}
		q.Aggregate = *countBy
	case *agg != "":
		if *agg != "goldstein" && *agg != "dyads" && *agg != "places" && *agg != "countries" {
			return fmt.Errorf("%w: --aggregate: want goldstein, dyads, places or countries, not %q", errUsage, *agg)
		}
		q.Aggregate = *agg
	}
	ctx := context.Background()
	st, err := openExistingStore(ctx, *db)
	if err != nil {
		return err
	}
	defer st.Close()
	t, err := st.Query(ctx, q)
	var te *store.TextQueryError
	if errors.As(err, &te) {
		return fmt.Errorf("%w: --text: %v", errUsage, te)
	}
	if err != nil {
		return err
	}
	return store.WriteTable(stdout, t, *format)
}
