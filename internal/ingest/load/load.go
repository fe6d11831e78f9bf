// Package load ingests documents into a store: it walks the inputs
// (ingest.Walk) and drives each document through the one stage from a
// document to a stored article (internal/intake) in a worker pool: the
// store is asked whether it knows the document before its analysis, and the
// articles are written in input order in batches, each batch one
// transaction. Bad input is reported and skipped; it never stops a run.
package load

import (
	"context"
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/eventwire/eventwire/internal/document"
	"github.com/eventwire/eventwire/internal/gkg"
	"github.com/eventwire/eventwire/internal/ingest"
	"github.com/eventwire/eventwire/internal/intake"
	"github.com/eventwire/eventwire/internal/store"
	"github.com/eventwire/eventwire/internal/workpool"
)

// Analyze analyses one document (see intake.Analyze).
type Analyze = intake.Analyze

// Options configure a run.
type Options struct {
	Workers   int // analysis goroutines (0: all cores)
	BatchSize int // articles per transaction (0: 64)
	Write     store.WriteOptions
	Run       store.Run
	// Knowledge, when set, extracts each analysed article's knowledge
	// (entities, places, themes, tone...) after its analysis, in the same
	// worker (see intake.Stage.Knowledge), for the store to keep.
	Knowledge *gkg.Extractor
	// Walk reads the inputs (nil: ingest.Walk); a command passes its
	// configured ingest.Walker's Walk.
	Walk func(paths []string, visit func(doc ingest.Document, origin string) error, skipped func(ingest.Skip)) error
	// Progress, when set, is called after each batch with the counts so far.
	Progress func(Summary)
	// Log receives one line per skipped input (nil: discard).
	Log io.Writer
}

// Summary counts what a run did.
type Summary struct {
	Read      int            // documents read
	New       int            // articles stored
	Duplicate int            // copies of stored articles
	Already   int            // documents stored by an earlier run
	Skipped   map[string]int // inputs skipped, by reason
	Replaced  int            // documents read with invalid UTF-8 bytes replaced (ingest.RepairUTF8)
	Events    int            // new events
	Mentions  int            // new mentions
	Elapsed   time.Duration
}

// String is the one-line summary printed at the end of an ingest.
func (s Summary) String() string {
	var b strings.Builder
	fmt.Fprintf(&b, "%d articles read: %d new, %d duplicate, %d already stored", s.Read, s.New, s.Duplicate, s.Already)
	document.WriteSkipped(&b, s.Skipped)
	if s.Replaced > 0 {
		fmt.Fprintf(&b, ", %d with invalid UTF-8 replaced", s.Replaced)
	}
	fmt.Fprintf(&b, "; %d new events, %d new mentions", s.Events, s.Mentions)
	if s.Elapsed > 0 {
		fmt.Fprintf(&b, "; %.1fs", s.Elapsed.Seconds())
	}
	return b.String()
}

// item is one document on its way to the store.
type item struct {
	doc     ingest.Document
	article store.Article
	analyze bool
	skip    *ingest.Skip
	dropped bool // read but not started when ctx ended: left for the next run
}

// Run ingests the documents of paths into st. newAnalyzer is called once
// per worker. It returns the counts so far with the first error that stops
// the run (a store failure or ctx's cancellation); bad input does not.
// When ctx ends, Run stops taking documents, analyses and commits those
// already under way (the writes do not end with ctx) and returns the counts
// with ctx's cause.
func Run(ctx context.Context, st store.Store, newAnalyzer func() Analyze, paths []string, opt Options) (Summary, error) {
	start := time.Now()
	sum := Summary{Skipped: map[string]int{}}
	if opt.BatchSize <= 0 {
		opt.BatchSize = 64
	}
	if opt.Log == nil {
		opt.Log = io.Discard
	}
	stage := &intake.Stage{Store: st, Options: opt.Write, Knowledge: opt.Knowledge, NewAnalyze: newAnalyzer}
	items := make(chan item, 16)
	walkErr := make(chan error, 1)
	rctx, cancel := context.WithCancel(ctx)
	defer cancel()
	// wctx outlives ctx: what is read is committed when ctx ends.
	wctx := context.WithoutCancel(ctx)
	go func() {
		defer close(items)
		send := func(it item) error {
			select {
			case items <- it:
				return nil
			case <-rctx.Done():
				return rctx.Err()
			}
		}
		walk := opt.Walk
		if walk == nil {
			walk = ingest.Walk
		}
		err := walk(paths, func(doc ingest.Document, origin string) error {
			a := intake.Article(doc, origin)
			if err := rctx.Err(); err != nil {
				return err
			}
			// The lookup does not end with ctx: with a lookup under
			// way when ctx ended, the commit of the documents under
			// way was seen to fail with "context canceled" on SQLite
			// (once in a few SIGTERMs of a 3,000-article ingest).
			need, err := stage.NeedsAnalysis(wctx, &a)
			if err != nil {
				return err
			}
			return send(item{doc: doc, article: a, analyze: need})
		}, func(s ingest.Skip) {
			s2 := s
			send(item{skip: &s2})
		})
		walkErr <- err
	}()
	next := func() (item, bool) { it, ok := <-items; return it, ok }
	newWorker := func() func(item) item {
		z := stage.NewAnalyzer()
		return func(it item) item {
			if it.analyze && ctx.Err() != nil {
				// Stopping: the documents whose analysis has begun are
				// finished and committed, those still waiting are not
				// (a re-run reads them again).
				it.dropped = true
				return it
			}
			if it.analyze {
				if err := z.Analyze(&it.article, it.doc); err != nil {
					// A panic of the analysis stops the run, as it did
					// before the stage turned it into an error.
					panic(fmt.Sprintf("document %s: %v", it.article.Origin, err))
				}
			}
			return it
		}
	}
	batch := &store.Batch{Run: opt.Run}
	flush := func() error {
		if len(batch.Articles) == 0 && len(batch.Skips) == 0 {
			return nil
		}
		res, err := stage.Write(wctx, batch)
		if err != nil {
			return err
		}
		sum.New += res.New
		sum.Duplicate += res.Duplicate
		sum.Already += res.Already
		sum.Events += res.Events
		sum.Mentions += res.Mentions
		batch.Articles = batch.Articles[:0]
		batch.Skips = batch.Skips[:0]
		if opt.Progress != nil {
			sum.Elapsed = time.Since(start)
			opt.Progress(sum)
		}
		return nil
	}
	emit := func(it item) error {
		if it.dropped {
			return nil
		}
		if it.skip != nil {
			sum.Skipped[it.skip.Reason]++
			fmt.Fprintf(opt.Log, "skipped %s\n", it.skip)
			batch.Skips = append(batch.Skips, store.Skip{Origin: it.skip.Origin, Reason: it.skip.Reason, Message: it.skip.Err.Error()})
		} else {
			sum.Read++
			if it.doc.Replaced > 0 {
				sum.Replaced++
				fmt.Fprintf(opt.Log, "%s: %d invalid UTF-8 bytes replaced with U+FFFD\n", it.article.Origin, it.doc.Replaced)
			}
			batch.Articles = append(batch.Articles, it.article)
		}
		if len(batch.Articles) >= opt.BatchSize || len(batch.Skips) >= 4*opt.BatchSize {
			return flush()
		}
		return nil
	}
	err := workpool.Ordered(opt.Workers, next, newWorker, emit)
	if err == nil {
		err = flush()
	}
	if err != nil {
		cancel()
		for range items { // let the walker finish
		}
		<-walkErr
		sum.Elapsed = time.Since(start)
		return sum, fmt.Errorf("ingesting: %w", err)
	}
	err = <-walkErr
	sum.Elapsed = time.Since(start)
	if ctx.Err() != nil {
		return sum, fmt.Errorf("ingesting: %w", context.Cause(ctx))
	}
	if err != nil {
		return sum, fmt.Errorf("ingesting: %w", err)
	}
	return sum, nil
}
