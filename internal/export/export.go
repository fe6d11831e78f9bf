// Package export writes what a store holds in the interchange formats
// other tools read: GDELT 2.0 Events and Mentions rows, eventwire JSON
// Lines, PLOVER JSON Lines (one record per event with a PLOVER category),
// GKG 2.1 rows of the stored articles' knowledge, and Parquet files of the
// events with a typed schema. Every format takes the store's event filter,
// so a date range (Filter.From, Filter.To) applies to all of them.
//
// Export streams: events are read from the store one at a time and written
// as they come (Parquet buffers one row group), so a store of any size is
// exported in bounded memory. docs/formats.md documents each format.
package export

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
	"slices"
	"strings"
	"time"

	"github.com/eventwire/eventwire/internal/event"
	"github.com/eventwire/eventwire/internal/store"
)

// Format names Write accepts.
const (
	GDELTEvents   = "gdelt-events"
	GDELTMentions = "gdelt-mentions"
	GKG           = "gkg"
	PLOVER        = "plover"
	JSONL         = "jsonl"
	Parquet       = "parquet"
)

// Formats lists the format names, in the order the command's help gives them.
var Formats = []string{GDELTEvents, GDELTMentions, GKG, PLOVER, JSONL, Parquet}

// Options configure Write.
type Options struct {
	Format string
	Filter store.Filter
	// Clock gives the GDELT DATEADDED time of the rows (default time.Now;
	// pass a fixed time for reproducible output).
	Clock func() time.Time
	// RowGroup is the number of events per Parquet row group (default
	// DefaultRowGroup). It bounds the memory a Parquet export holds.
	RowGroup int
}

// DefaultRowGroup is the default number of events per Parquet row group.
const DefaultRowGroup = 50000

// Summary counts what Write wrote.
type Summary struct {
	Records int // events, mentions or articles written
	// Dropped counts events PLOVER has no category for (the CAMEO 01 and 02
	// families, which PLOVER drops); only the plover format drops any.
	Dropped int
}

// ErrNoKnowledge is returned for the gkg format when the store does not
// keep the articles' knowledge.
var ErrNoKnowledge = errors.New("the store does not keep article knowledge")

// Write writes what the store q holds and opt.Filter selects, in
// opt.Format, to w. Parquet output is a complete file; the other formats
// are lines of text. w is written through a buffer that Write flushes.
func Write(ctx context.Context, q store.Querier, w io.Writer, opt Options) (Summary, error) {
	if !slices.Contains(Formats, opt.Format) {
		return Summary{}, fmt.Errorf("export format %q: want one of %s", opt.Format, strings.Join(Formats, ", "))
	}
	if opt.Clock == nil {
		opt.Clock = time.Now
	}
	if opt.RowGroup <= 0 {
		opt.RowGroup = DefaultRowGroup
	}
	if opt.Format == Parquet {
		return writeParquet(ctx, q, w, opt)
	}
	bw := bufio.NewWriterSize(w, 64<<10)
	var sum Summary
	var err error
	switch opt.Format {
	case GDELTEvents:
		sum, err = writeGDELTEvents(ctx, q, bw, opt)
	case GDELTMentions:
		sum, err = writeGDELTMentions(ctx, q, bw, opt)
	case JSONL:
		sum, err = writeJSONL(ctx, q, bw, opt)
	case PLOVER:
		sum, err = writePLOVER(ctx, q, bw, opt)
	case GKG:
		sum, err = writeGKG(ctx, q, bw, opt)
	}
	if err != nil {
		return sum, err
	}
	if err := bw.Flush(); err != nil {
		return sum, fmt.Errorf("writing export: %w", err)
	}
	return sum, nil
}

// EventRow is the GDELT Events row of a stored event: the event's columns
// with the store's id as GLOBALEVENTID and its mention counts, root flag
// and first-seen time.
func EventRow(se *store.StoredEvent) (event.EventRow, error) {
	row, err := event.NewEventRow(&se.Event, se.FirstSeen)
	if err != nil {
		return row, fmt.Errorf("event %d: %w", se.ID, err)
	}
	row.GlobalEventID = uint64(se.ID)
	row.IsRootEvent = se.IsRoot
	row.NumMentions, row.NumSources, row.NumArticles = se.NumMentions, se.NumSources, se.NumArticles
	return row, nil
}

func writeGDELTEvents(ctx context.Context, q store.Querier, w io.Writer, opt Options) (Summary, error) {
	var sum Summary
	ew := event.NewEventsWriter(w, opt.Clock)
	err := q.Events(ctx, opt.Filter, func(se *store.StoredEvent) error {
		row, err := EventRow(se)
		if err != nil {
			return err
		}
		sum.Records++
		return ew.WriteRow(&row)
	})
	if err != nil {
		return sum, fmt.Errorf("exporting events: %w", err)
	}
	return sum, ew.Flush()
}

func writeGDELTMentions(ctx context.Context, q store.Querier, w io.Writer, opt Options) (Summary, error) {
	var sum Summary
	mw := event.NewMentionsWriter(w, opt.Clock)
	err := q.Mentions(ctx, opt.Filter, func(m *store.StoredMention) error {
		row := event.NewMentionRow(&m.Event, m.Seen)
		row.GlobalEventID = uint64(m.EventID)
		if m.SourceName != "" {
			row.MentionSourceName = m.SourceName
		}
		c := m.Confidence
		row.Confidence = &c
		sum.Records++
		return mw.WriteRow(&row)
	})
	if err != nil {
		return sum, fmt.Errorf("exporting mentions: %w", err)
	}
	return sum, mw.Flush()
}

func writeJSONL(ctx context.Context, q store.Querier, w io.Writer, opt Options) (Summary, error) {
	var sum Summary
	jw := event.NewJSONLWriter(w)
	err := q.Events(ctx, opt.Filter, func(se *store.StoredEvent) error {
		sum.Records++
		return jw.Write(&se.Event)
	})
	if err != nil {
		return sum, fmt.Errorf("exporting events: %w", err)
	}
	return sum, jw.Flush()
}
