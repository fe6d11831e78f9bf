package main

import (
	"context"
	"fmt"
	"io"

	"github.com/eventwire/eventwire/internal/ingest"
	"github.com/eventwire/eventwire/internal/queue"
)

// publishSources is ingest --queue: it publishes the documents of paths to
// the work queue at url instead of coding them, and prints the summary.
// Workers (eventwire worker) code and store them. cfg names the streams
// (queue.Config{} for the defaults); walk reads the sources (nil: files
// only; ingest passes its walker's Walk for URLs and feeds); log lists
// skipped inputs (nil: discard).
func publishSources(ctx context.Context, url string, cfg queue.Config, walk queue.WalkFunc, paths []string, stdout, log io.Writer) error {
	cfg.URL = url
	if cfg.Name == "" {
		cfg.Name = "eventwire ingest"
	}
	q, err := queue.Open(ctx, cfg)
	if err != nil {
		return err
	}
	defer q.Close()
	sum, err := queue.PublishWalk(ctx, q, walk, paths, log)
	fmt.Fprintln(stdout, sum)
	if err == nil && ctx.Err() == nil {
		err = unreadableError(sum.Skipped)
	}
	return err
}

// unreadableError is the run's error when skipped (counts by reason) has
// input skipped as unreadable (ingest.Unreadable): the run stored or
// published what it could read, and exits non-zero so that a script
// notices what it did not get. nil otherwise.
func unreadableError(skipped map[string]int) error {
	n := 0
	for reason, c := range skipped {
		if ingest.Unreadable(reason) {
			n += c
		}
	}
	switch n {
	case 0:
		return nil
	case 1:
		return fmt.Errorf("1 input skipped as unreadable (see the skipped lines); the rest was read")
	}
	return fmt.Errorf("%d inputs skipped as unreadable (see the skipped lines); the rest was read", n)
}
