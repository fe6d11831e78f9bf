package main

import (
	"context"
	"fmt"
	"io"

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
	return err
}
