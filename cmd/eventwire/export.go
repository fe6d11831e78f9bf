package main

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"time"

	"github.com/eventwire/eventwire/internal/event"
	"github.com/eventwire/eventwire/internal/store"
)

func init() {
	register(command{name: "export", summary: "write the store's events as GDELT Events, GDELT Mentions or JSON Lines", run: runExport})
}

func runExport(args []string, stdout, stderr io.Writer) error {
	fs := newFlags("export", "", stderr)
	db := dbFlag(fs)
	format := fs.String("format", "jsonl", "gdelt-events (one row per event, with mention counts), gdelt-mentions (one row per mention) or jsonl (one record per event: its first mention)")
	var f store.Filter
	setFilter := filterFlags(fs, &f)
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	setFilter()
	switch *format {
	case "gdelt-events", "gdelt-mentions", "jsonl":
	default:
		return fmt.Errorf("%w: --format: want gdelt-events, gdelt-mentions or jsonl, not %q", errUsage, *format)
	}
	ctx := context.Background()
	st, err := openStore(ctx, *db)
	if err != nil {
		return err
	}
	defer st.Close()
	bw := bufio.NewWriterSize(stdout, 64<<10)
	if err := export(ctx, st, *format, f, bw); err != nil {
		return err
	}
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("writing export: %w", err)
	}
	return nil
}

// export writes the events matching f in format.
func export(ctx context.Context, st store.Querier, format string, f store.Filter, w io.Writer) error {
	switch format {
	case "gdelt-events":
		ew := event.NewEventsWriter(w, time.Now)
		err := st.Events(ctx, f, func(se *store.StoredEvent) error {
			row, err := event.NewEventRow(&se.Event, se.FirstSeen)
			if err != nil {
				return fmt.Errorf("event %d: %w", se.ID, err)
			}
			row.GlobalEventID = uint64(se.ID)
			row.IsRootEvent = se.IsRoot
			row.NumMentions, row.NumSources, row.NumArticles = se.NumMentions, se.NumSources, se.NumArticles
			return ew.WriteRow(&row)
		})
		if err != nil {
			return err
		}
		return flushEvents(ew)
	case "gdelt-mentions":
		mw := event.NewMentionsWriter(w, time.Now)
		err := st.Mentions(ctx, f, func(m *store.StoredMention) error {
			row := event.NewMentionRow(&m.Event, m.Seen)
			row.GlobalEventID = uint64(m.EventID)
			if m.SourceName != "" {
				row.MentionSourceName = m.SourceName
			}
			c := m.Confidence
			row.Confidence = &c
			return mw.WriteRow(&row)
		})
		if err != nil {
			return err
		}
		return flushEvents(mw)
	}
	jw := event.NewJSONLWriter(w)
	err := st.Events(ctx, f, func(se *store.StoredEvent) error { return jw.Write(&se.Event) })
	if err != nil {
		return err
	}
	return flushEvents(jw)
}
