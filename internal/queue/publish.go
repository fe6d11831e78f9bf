package queue

import (
	"context"
	"fmt"
	"io"
	"strings"
	"sync"
	"time"

	"errors"
	"github.com/eventwire/eventwire/internal/dedup"
	"github.com/eventwire/eventwire/internal/document"
)

// PublishSummary counts what a publish run did.
type PublishSummary struct {
	Read      int            // documents read
	Published int            // new messages on the queue
	Duplicate int            // dropped by the duplicate window (published before)
	Failed    int            // not acknowledged by the servers
	Skipped   map[string]int // inputs skipped, by reason
	Elapsed   time.Duration
}

// String is the one-line summary printed at the end of a publish run.
func (s PublishSummary) String() string {
	var b strings.Builder
	fmt.Fprintf(&b, "%d articles read: %d queued, %d already queued", s.Read, s.Published, s.Duplicate)
	if s.Failed > 0 {
		fmt.Fprintf(&b, ", %d failed", s.Failed)
	}
	document.WriteSkipped(&b, s.Skipped)
	if s.Elapsed > 0 {
		fmt.Fprintf(&b, "; %.1fs", s.Elapsed.Seconds())
	}
	return b.String()
}

// JobOf returns the job of a document read from origin: its id is the
// article id the store will give it (dedup.ArticleID), so a document
// published twice is one message within the duplicate window, and one
// article in the store in any case.
func JobOf(doc document.Document, origin string) Job {
	return Job{ID: dedup.ArticleID(doc.URL, doc.Text), Origin: origin, DocID: doc.ID, Text: doc.Text,
		Title: doc.Title, URL: doc.URL, Source: doc.Source, Date: doc.Date}
}

// Document returns the document of a job, as the reader gave it.
func (j Job) Document() document.Document {
	return document.Document{ID: j.DocID, Text: j.Text, Title: j.Title, URL: j.URL, Source: j.Source, Date: j.Date}
}

// WalkFunc reads the documents of paths, as ingest.Walk and
// (*ingest.Walker).Walk do; the queue takes it from its caller so that it
// depends on no reader.
type WalkFunc func(paths []string, visit func(doc document.Document, origin string) error, skipped func(document.Skip)) error

// PublishWalk reads the documents of paths with walk (ingest.Walk reads
// files, directories, gzip and JSON Lines; an ingest.Walker's Walk also
// fetches URLs and feeds) and publishes one job per document. Skipped
// inputs are counted and listed on log (nil: discard); they are not queued.
// It returns when the servers acknowledged every message, with the first
// error that stopped the run.
func PublishWalk(ctx context.Context, q *Queue, walk WalkFunc, paths []string, log io.Writer) (PublishSummary, error) {
	if walk == nil {
		return PublishSummary{}, errors.New("publishing: no walk function to read the inputs")
	}
	start := time.Now()
	if log == nil {
		log = io.Discard
	}
	sum := PublishSummary{Skipped: map[string]int{}}
	var mu sync.Mutex
	var firstErr error
	done := func(p Published, err error) {
		mu.Lock()
		defer mu.Unlock()
		switch {
		case err != nil:
			sum.Failed++
			if firstErr == nil {
				firstErr = err
			}
		case p.Duplicate:
			sum.Duplicate++
		default:
			sum.Published++
		}
	}
	walkErr := walk(paths, func(doc document.Document, origin string) error {
		if err := ctx.Err(); err != nil {
			return err
		}
		mu.Lock()
		sum.Read++
		mu.Unlock()
		return q.PublishAsync(JobOf(doc, origin), done)
	}, func(s document.Skip) {
		mu.Lock()
		sum.Skipped[s.Reason]++
		mu.Unlock()
		fmt.Fprintf(log, "skipped %s\n", s)
	})
	flushErr := q.Flush(ctx)
	// The outcome callbacks run on their own goroutines after the futures
	// resolve; wait until each one has been counted.
	for {
		mu.Lock()
		n := sum.Published + sum.Duplicate + sum.Failed
		read := sum.Read
		mu.Unlock()
		if n >= read || ctx.Err() != nil || flushErr != nil || walkErr != nil {
			break
		}
		time.Sleep(time.Millisecond)
	}
	mu.Lock()
	defer mu.Unlock()
	sum.Elapsed = time.Since(start)
	switch {
	case walkErr != nil:
		return sum, fmt.Errorf("publishing: %w", walkErr)
	case flushErr != nil:
		return sum, fmt.Errorf("publishing: %w", flushErr)
	case firstErr != nil:
		return sum, fmt.Errorf("publishing: %d of %d messages failed, the first: %w", sum.Failed, sum.Read, firstErr)
	}
	return sum, nil
}
