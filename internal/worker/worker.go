// Package worker codes documents pulled from the work queue (internal/queue)
// into a store: pull → analyse → write a batch in one store transaction →
// acknowledge each delivery after the commit. Each document goes through
// the same stage as in a single-process ingest (internal/intake: article,
// analysis, knowledge, write, re-analysis of unknown copies), so N workers
// fill the store a load.Run over the same input would.
//
// Failures are of three kinds. A message that is not a job is given up at
// once (dead letter). A document whose analysis panics, or whose article the
// store rejects while it accepts others, is handed back with a growing delay
// and given up after the queue's MaxDeliver deliveries. A store that fails
// as a whole (down, restarting) is retried with back-off while the worker
// holds its deliveries; nothing is handed back for it. Because store writes
// are idempotent, a delivery redelivered after a crash between commit and
// acknowledgement adds nothing.
package worker

import (
	"context"
	"errors"
	"fmt"
	"io"
	"runtime"
	"slices"
	"sync"
	"sync/atomic"
	"time"

	"github.com/eventwire/eventwire/internal/document"
	"github.com/eventwire/eventwire/internal/gkg"
	"github.com/eventwire/eventwire/internal/intake"
	"github.com/eventwire/eventwire/internal/queue"
	"github.com/eventwire/eventwire/internal/store"
	"github.com/eventwire/eventwire/internal/workpool"
)

// Source is the work queue as a worker sees it; *queue.Queue implements
// it. Fetch returns at most n deliveries within wait (none is not an
// error); Status reads the queue's counts.
type Source interface {
	Fetch(ctx context.Context, n int, wait time.Duration) ([]*queue.Delivery, error)
	Status(ctx context.Context) (queue.Status, error)
}

// Options configure a worker.
type Options struct {
	Workers   int // analysis goroutines (0: all cores)
	BatchSize int // articles per transaction (0: 64)
	Write     store.WriteOptions
	Run       store.Run
	// Knowledge, when set, extracts each analysed article's knowledge
	// (see intake.Stage.Knowledge).
	Knowledge *gkg.Extractor
	// Wait is how long a fetch waits for messages before the worker
	// commits what it holds (0: 1s).
	Wait time.Duration
	// Drain makes Run return once the queue has nothing waiting or in
	// flight; otherwise it runs until ctx ends.
	Drain bool
	// Progress, when set, is called after each commit with the counts so
	// far, from the committing goroutine.
	Progress func(Summary)
	// Log receives one line per document handed back or given up and per
	// store failure (nil: discard).
	Log io.Writer
}

// Summary counts what a worker did.
type Summary struct {
	Received  int // deliveries taken
	New       int // articles stored
	Duplicate int // copies of stored articles
	Already   int // documents stored before (a redelivery, a re-publish)
	Events    int // new events
	Mentions  int // new mentions
	Batches   int // transactions committed
	Retried   int // deliveries handed back after a failure
	Dead      int // deliveries given up (dead letters)
	// StoreRetries counts writes repeated because the store failed as a
	// whole.
	StoreRetries int
	// StoreTime is the time spent in committed store writes (their
	// articles per StoreTime is the store's write rate).
	StoreTime time.Duration
	// LatencyP50 and LatencyP95: from publication (the stream's timestamp)
	// to the acknowledgement after commit, over the last 8,192 documents.
	LatencyP50, LatencyP95 time.Duration
	Elapsed                time.Duration
}

// String is the one-line summary of a worker.
func (s Summary) String() string {
	rate := float64(s.New+s.Duplicate+s.Already) / max(s.Elapsed.Seconds(), 1e-9)
	return fmt.Sprintf("%d received: %d new, %d duplicate, %d already stored, %d retried, %d dead; %d new events, %d new mentions; %d batches, %d store retries; latency p50 %s p95 %s; %.1f articles/s; %.1fs",
		s.Received, s.New, s.Duplicate, s.Already, s.Retried, s.Dead, s.Events, s.Mentions, s.Batches, s.StoreRetries,
		s.LatencyP50.Round(time.Millisecond), s.LatencyP95.Round(time.Millisecond), rate, s.Elapsed.Seconds())
}

// item is one delivery on its way to the store, or a flush marker.
type item struct {
	d       *queue.Delivery
	article store.Article
	doc     document.Document
	analyze bool
	err     error // the document failed: hand it back
	bad     bool  // the message is not a job: give it up
	flush   bool  // commit what is held (the queue went quiet)
}

// latencyWindow is how many latencies the percentiles are taken over.
const latencyWindow = 8192

type worker struct {
	ctx context.Context
	// wctx outlives ctx: the documents under way when ctx ends are
	// committed with it (one attempt) before Run returns.
	wctx  context.Context
	q     Source
	st    store.Store
	opt   Options
	stage *intake.Stage
	sum   Summary
	start time.Time
	lat   []time.Duration // ring of the last latencies
	latN  int
	mu    sync.Mutex // guards held
	held  map[*queue.Delivery]bool
	// extendEvery is how often held deliveries are extended while the
	// store is waited for.
	extendEvery time.Duration
	// received and storeRetries are counted from the fetching goroutine
	// too.
	received, storeRetries atomic.Int64
}

// Run pulls documents from q and stores them in st until ctx ends or, with
// opt.Drain, the queue is empty. newAnalyzer is called once per analysis
// goroutine. It returns the counts with the error that stopped it (a
// queue failure, or ctx's end unless draining finished first). When ctx
// ends it pulls no more, commits the documents already being analysed and
// hands back at once those pulled but not started.
func Run(ctx context.Context, q Source, st store.Store, newAnalyzer func() intake.Analyze, opt Options) (Summary, error) {
	if opt.BatchSize <= 0 {
		opt.BatchSize = 64
	}
	if opt.Workers <= 0 {
		opt.Workers = runtime.NumCPU()
	}
	if opt.Wait <= 0 {
		opt.Wait = time.Second
	}
	if opt.Log == nil {
		opt.Log = io.Discard
	}
	// Both the fetching and the committing goroutine log.
	opt.Log = &lockedWriter{w: opt.Log}
	w := &worker{ctx: ctx, wctx: context.WithoutCancel(ctx), q: q, st: st, opt: opt, start: time.Now(), held: map[*queue.Delivery]bool{}}
	w.stage = &intake.Stage{Store: st, Options: opt.Write, Knowledge: opt.Knowledge, NewAnalyze: newAnalyzer}
	w.extendEvery = queue.Defaults.AckWait / 3
	if qq, ok := q.(*queue.Queue); ok {
		w.extendEvery = qq.Config().AckWait / 3
	}
	var fetchErr error
	var buf []*queue.Delivery
	quiet := false // the last fetch returned nothing
	short := false // the last fetch returned less than a batch: commit once it is handed out
	next := func() (item, bool) {
		for {
			if ctx.Err() != nil {
				return item{}, false
			}
			if len(buf) > 0 {
				d := buf[0]
				buf = buf[1:]
				return w.prepare(d), true
			}
			if short {
				// The queue had no more for now: commit what is held
				// rather than wait for a full batch.
				short = false
				return item{flush: true}, true
			}
			if quiet && opt.Drain {
				s, err := q.Status(ctx)
				if err == nil && s.Waiting == 0 && s.InFlight == 0 {
					return item{}, false
				}
			}
			ds, err := q.Fetch(ctx, opt.BatchSize, opt.Wait)
			if err != nil {
				if ctx.Err() != nil {
					return item{}, false
				}
				if errors.Is(err, queue.ErrClosed) {
					fetchErr = err
					return item{}, false
				}
				// The servers are unreachable or electing a leader: keep
				// what is held and try again.
				fmt.Fprintf(opt.Log, "%v; pulling again in 1s\n", err)
				select {
				case <-ctx.Done():
				case <-time.After(time.Second):
				}
				continue
			}
			w.hold(ds...)
			buf = ds
			short = len(ds) > 0 && len(ds) < opt.BatchSize
			if len(ds) == 0 {
				quiet = true
				return item{flush: true}, true
			}
			quiet = false
		}
	}
	newWorker := func() func(item) item {
		z := w.stage.NewAnalyzer()
		return func(it item) item {
			if it.analyze && it.err == nil {
				it.err = z.Analyze(&it.article, it.doc)
			}
			return it
		}
	}
	var batch []item
	emit := func(it item) error {
		switch {
		case it.flush:
		case it.bad || it.err != nil:
			w.fail(it)
		default:
			batch = append(batch, it)
		}
		if len(batch) > 0 && (it.flush || len(batch) >= opt.BatchSize) {
			err := w.commit(batch)
			batch = batch[:0]
			if err != nil {
				return err
			}
			if opt.Progress != nil {
				opt.Progress(w.summary())
			}
		}
		return nil
	}
	err := workpool.Ordered(opt.Workers, next, newWorker, emit)
	if err == nil && len(batch) > 0 {
		err = w.commit(batch)
	}
	// Deliveries still held (fetched but not committed when ctx ended) are
	// handed back at once for another worker.
	w.mu.Lock()
	for d := range w.held {
		d.Release()
	}
	w.mu.Unlock()
	if err == nil {
		err = fetchErr
	}
	if err == nil && !opt.Drain {
		err = ctx.Err()
	}
	return w.summary(), err
}

// lockedWriter serialises writes to w.
type lockedWriter struct {
	mu sync.Mutex
	w  io.Writer
}

func (l *lockedWriter) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.w.Write(p)
}

func (w *worker) hold(ds ...*queue.Delivery) {
	w.mu.Lock()
	for _, d := range ds {
		w.held[d] = true
	}
	w.mu.Unlock()
}

func (w *worker) release(d *queue.Delivery) {
	w.mu.Lock()
	delete(w.held, d)
	w.mu.Unlock()
}

// prepare decodes a delivery and asks the store whether its document is
// known, as load.Run does before analysis.
func (w *worker) prepare(d *queue.Delivery) item {
	w.received.Add(1)
	j, err := queue.DecodeJob(d.Data)
	if err != nil {
		return item{d: d, err: err, bad: true}
	}
	it := item{d: d, doc: j.Document(), article: intake.Article(j.Document(), j.Origin)}
	if it.article.ID != j.ID {
		return item{d: d, err: fmt.Errorf("job %s: id is not the article id %s of its text and URL", j.ID, it.article.ID), bad: true}
	}
	w.storeRetry("looking up the article", func() error {
		var err error
		it.analyze, err = w.stage.NeedsAnalysis(w.wctx, &it.article) // not ended with ctx: see load.Run
		return err
	})
	return it
}

// fail hands a failed delivery back, or gives it up.
func (w *worker) fail(it item) {
	w.release(it.d)
	var dead bool
	var err error
	if it.bad {
		dead, err = true, it.d.Dead(w.ctx, it.err)
	} else {
		dead, err = it.d.Retry(w.ctx, it.err)
	}
	if err != nil {
		fmt.Fprintf(w.opt.Log, "message %d: %v\n", it.d.Seq, err)
	}
	if dead {
		w.sum.Dead++
		fmt.Fprintf(w.opt.Log, "message %d given up after %d deliveries: %v\n", it.d.Seq, it.d.Delivered, it.err)
	} else {
		w.sum.Retried++
		fmt.Fprintf(w.opt.Log, "message %d handed back (delivery %d): %v\n", it.d.Seq, it.d.Delivered, it.err)
	}
}

// commit writes items in one transaction and acknowledges them. When the
// write fails, it tells a store failure (the store does not answer a
// lookup either: wait and write again) from a rejected document (the store
// answers: write the items one by one and hand back those that fail
// alone). It returns an error only when ctx ends.
func (w *worker) commit(items []item) error {
	for attempt := 0; ; attempt++ {
		t0 := time.Now()
		res, err := w.write(items)
		if err == nil {
			w.sum.StoreTime += time.Since(t0)
			w.done(items, res)
			return nil
		}
		if w.ctx.Err() != nil {
			return w.ctx.Err()
		}
		if !w.storeAnswers() {
			w.storeRetries.Add(1)
			fmt.Fprintf(w.opt.Log, "store failed (%v); writing %d articles again\n", err, len(items))
			if err := w.pause(attempt); err != nil {
				return err
			}
			continue
		}
		if len(items) == 1 {
			w.fail(item{d: items[0].d, err: fmt.Errorf("storing: %w", err)})
			return nil
		}
		for i := range items {
			if err := w.commit(items[i : i+1]); err != nil {
				return err
			}
		}
		return nil
	}
}

// write stores the articles of items through the stage: one transaction,
// then the analysis and write of those that were taken for duplicates
// before analysis but were not.
func (w *worker) write(items []item) (store.WriteResult, error) {
	b := &store.Batch{Run: w.opt.Run, Articles: make([]store.Article, len(items))}
	for i, it := range items {
		b.Articles[i] = it.article
	}
	res, err := w.stage.Write(w.wctx, b)
	return res.WriteResult, err
}

// done acknowledges the committed items and counts them.
func (w *worker) done(items []item, res store.WriteResult) {
	now := time.Now()
	for _, it := range items {
		w.release(it.d)
		if err := it.d.Ack(); err != nil {
			// The document is stored; its next delivery will find it.
			fmt.Fprintf(w.opt.Log, "message %d: %v\n", it.d.Seq, err)
		}
		if !it.d.Stored.IsZero() {
			if len(w.lat) < latencyWindow {
				w.lat = append(w.lat, now.Sub(it.d.Stored))
			} else {
				w.lat[w.latN%latencyWindow] = now.Sub(it.d.Stored)
			}
			w.latN++
		}
	}
	w.sum.Batches++
	w.sum.New += res.New
	w.sum.Duplicate += res.Duplicate
	w.sum.Already += res.Already
	w.sum.Events += res.Events
	w.sum.Mentions += res.Mentions
}

// storeAnswers reports whether the store answers a lookup.
func (w *worker) storeAnswers() bool {
	_, _, err := w.st.Seen(w.ctx, "", 0, 0, time.Time{}, w.opt.Write)
	return err == nil
}

// storeRetry calls f until it succeeds or ctx ends, pausing with back-off
// while the store fails.
func (w *worker) storeRetry(what string, f func() error) {
	for attempt := 0; ; attempt++ {
		err := f()
		if err == nil || w.ctx.Err() != nil {
			return
		}
		w.storeRetries.Add(1)
		fmt.Fprintf(w.opt.Log, "store failed %s (%v); trying again\n", what, err)
		if w.pause(attempt) != nil {
			return
		}
	}
}

// pause waits before the next store attempt (100ms doubling to 5s) and
// keeps the deliveries the worker holds from being redelivered meanwhile,
// extending them at least every third of the queue's ack wait.
func (w *worker) pause(attempt int) error {
	wait := min(100*time.Millisecond<<min(attempt, 6), 5*time.Second)
	for wait > 0 {
		w.mu.Lock()
		for d := range w.held {
			d.InProgress()
		}
		w.mu.Unlock()
		step := min(wait, w.extendEvery)
		select {
		case <-w.ctx.Done():
			return w.ctx.Err()
		case <-time.After(step):
		}
		wait -= step
	}
	return nil
}

func (w *worker) summary() Summary {
	s := w.sum
	s.Received = int(w.received.Load())
	s.StoreRetries = int(w.storeRetries.Load())
	s.Elapsed = time.Since(w.start)
	if len(w.lat) > 0 {
		l := slices.Clone(w.lat)
		slices.Sort(l)
		s.LatencyP50 = l[len(l)*50/100]
		s.LatencyP95 = l[min(len(l)*95/100, len(l)-1)]
	}
	return s
}

// Percentiles returns the p50 and p95 of ds (zero for none); the
// integration test and benchmarks use it to combine workers.
func Percentiles(ds []time.Duration) (p50, p95 time.Duration) {
	if len(ds) == 0 {
		return 0, 0
	}
	l := slices.Clone(ds)
	slices.Sort(l)
	return l[len(l)*50/100], l[min(len(l)*95/100, len(l)-1)]
}
