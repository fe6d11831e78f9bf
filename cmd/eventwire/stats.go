package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"sort"

	"github.com/eventwire/eventwire/internal/queue"
	"github.com/eventwire/eventwire/internal/store"
)

func init() {
	register(command{name: "stats", summary: "count what the event store holds", run: runStats})
}

func runStats(args []string, stdout, stderr io.Writer) error {
	fs := newFlags("stats", "", stderr)
	db := dbFlag(fs)
	asJSON := fs.Bool("json", false, "print JSON")
	qf := addQueueFlags(fs, true) // with --queue, the work queue's progress and lag too
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	ctx := context.Background()
	var qs *queue.Status
	if *qf.url != "" {
		q, err := queue.Open(ctx, qf.config(*qf.url, "eventwire stats"))
		if err != nil {
			return err
		}
		defer q.Close()
		s, err := q.Status(ctx)
		if err != nil {
			return err
		}
		qs = &s
	}
	st, err := openExistingStore(ctx, *db)
	if err != nil {
		return err
	}
	defer st.Close()
	s, err := st.Stats(ctx)
	if err != nil {
		return err
	}
	if *asJSON {
		b, err := json.MarshalIndent(struct {
			store.Stats
			Queue *queue.Status `json:"queue,omitempty"`
		}{s, qs}, "", "  ")
		if err != nil {
			return fmt.Errorf("encoding stats: %w", err)
		}
		_, err = fmt.Fprintf(stdout, "%s\n", b)
		return err
	}
	fmt.Fprintf(stdout, "articles   %d (%d copies)\n", s.Articles, s.Copies)
	fmt.Fprintf(stdout, "sentences  %d\n", s.Sentences)
	fmt.Fprintf(stdout, "events     %d", s.Events)
	if s.First != "" {
		fmt.Fprintf(stdout, " (%s to %s)", s.First, s.Last)
	}
	fmt.Fprintln(stdout)
	fmt.Fprintf(stdout, "mentions   %d\n", s.Mentions)
	fmt.Fprintf(stdout, "sources    %d\n", s.Sources)
	fmt.Fprintf(stdout, "runs       %d\n", s.Runs)
	reasons := make([]string, 0, len(s.Skipped))
	for r := range s.Skipped {
		reasons = append(reasons, r)
	}
	sort.Strings(reasons)
	for _, r := range reasons {
		fmt.Fprintf(stdout, "skipped    %d %s\n", s.Skipped[r], r)
	}
	if qs != nil {
		fmt.Fprintf(stdout, "queue      %d waiting, %d in flight (%d redelivered), %d done, %d dead\n",
			qs.Waiting, qs.InFlight, qs.Redelivered, qs.Done, qs.Dead)
	}
	return nil
}
