// Package load ingests documents into a store: it walks the inputs
// (ingest.Walk), recognises documents the store already holds before
// analysing them, analyses the rest in a worker pool, extracts their
// article knowledge (internal/gkg) when given an extractor, and writes them
// in batches, each batch one transaction (store.Writer). Bad input is
// reported and skipped; it never stops a run.
package load

import (
	"context"
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/eventwire/eventwire/internal/analyze"
	"github.com/eventwire/eventwire/internal/dedup"
	"github.com/eventwire/eventwire/internal/gkg"
	"github.com/eventwire/eventwire/internal/ingest"
	"github.com/eventwire/eventwire/internal/nlp"
	"github.com/eventwire/eventwire/internal/store"
	"github.com/eventwire/eventwire/internal/workpool"
)

// Analyze analyses one document. A NewAnalyzer function returns one for
// each worker goroutine; it need not be safe for concurrent use.
type Analyze func(ingest.Document) analyze.Result

// Options configure a run.
type Options struct {
	Workers   int // analysis goroutines (0: all cores)
	BatchSize int // articles per transaction (0: 64)
	Write     store.WriteOptions
	Run       store.Run
	// Knowledge, when set, extracts each analysed article's knowledge
	// (entities, places, themes, tone...) after its analysis, in the same
	// worker (each worker has its own gkg.Scratch), for the store to keep.
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
	Events    int            // new events
	Mentions  int            // new mentions
	Elapsed   time.Duration
}

// String is the one-line summary printed at the end of an ingest.
func (s Summary) String() string {
	var b strings.Builder
	fmt.Fprintf(&b, "%d articles read: %d new, %d duplicate, %d already stored", s.Read, s.New, s.Duplicate, s.Already)
	ingest.WriteSkipped(&b, s.Skipped)
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
			a := article(doc, origin)
			seen, existing, err := st.Seen(rctx, a.ID, a.SimHash, a.Words, a.Published, opt.Write)
			if err != nil {
				return err
			}
			it := item{doc: doc, article: a, analyze: !seen && existing == ""}
			return send(it)
		}, func(s ingest.Skip) {
			s2 := s
			send(item{skip: &s2})
		})
		walkErr <- err
	}()
	next := func() (item, bool) { it, ok := <-items; return it, ok }
	newWorker := func() func(item) item {
		an := newAnalyzer()
		var sc *gkg.Scratch
		if opt.Knowledge != nil {
			sc = opt.Knowledge.NewScratch()
		}
		return func(it item) item {
			if it.analyze {
				r := an(it.doc)
				fill(&it.article, r)
				AddKnowledge(&it.article, r, opt.Knowledge, sc)
			}
			return it
		}
	}
	// spare analyses documents that were taken for duplicates but were not.
	var spare Analyze
	var spareScratch *gkg.Scratch
	batch := &store.Batch{Run: opt.Run}
	flush := func() error {
		if len(batch.Articles) == 0 && len(batch.Skips) == 0 {
			return nil
		}
		res, err := st.Write(wctx, batch, opt.Write)
		if err != nil {
			return err
		}
		if res.Unknown > 0 {
			if spare == nil {
				spare = newAnalyzer()
				if opt.Knowledge != nil {
					spareScratch = opt.Knowledge.NewScratch()
				}
			}
			var again []store.Article
			for i, o := range res.Outcome {
				if o == "unknown" {
					a := batch.Articles[i]
					r := spare(ingest.Document{ID: a.ID, Text: a.Text, Title: a.Title, URL: a.URL, Source: a.Source, Date: a.Published})
					fill(&a, r)
					AddKnowledge(&a, r, opt.Knowledge, spareScratch)
					again = append(again, a)
				}
			}
			res2, err := st.Write(wctx, &store.Batch{Run: opt.Run, Articles: again}, opt.Write)
			if err != nil {
				return err
			}
			res.New += res2.New
			res.Duplicate += res2.Duplicate
			res.Already += res2.Already
			res.Events += res2.Events
			res.Mentions += res2.Mentions
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
		if it.skip != nil {
			sum.Skipped[it.skip.Reason]++
			fmt.Fprintf(opt.Log, "skipped %s\n", it.skip)
			batch.Skips = append(batch.Skips, store.Skip{Origin: it.skip.Origin, Reason: it.skip.Reason, Message: it.skip.Err.Error()})
		} else {
			sum.Read++
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

// article returns the store record of doc, before analysis.
func article(doc ingest.Document, origin string) store.Article {
	h, words := dedup.SimHash(doc.Text)
	return store.Article{
		ID:           dedup.ArticleID(doc.URL, doc.Text),
		CanonicalURL: dedup.CanonicalURL(doc.URL),
		URL:          doc.URL,
		Title:        doc.Title,
		Source:       doc.Source,
		Published:    doc.Date,
		Text:         doc.Text,
		SimHash:      h,
		Words:        words,
		Origin:       origin,
	}
}

// fill adds the analysis of a document to its article: sentence ranges and
// events, whose document id becomes the article id.
func fill(a *store.Article, r analyze.Result) {
	a.Analyzed = true
	a.Sentences = sentenceRanges(a.Text, r.Parsed.Sentences)
	a.Events = r.Events
	for i := range a.Events {
		a.Events[i].DocID = a.ID
	}
}

// AddKnowledge sets a.Knowledge to the knowledge x extracts from the
// analysis r of a's document, with the scratch buffers sc of the calling
// goroutine, as Run does when Options.Knowledge is set. Call it after
// filling a with r. A nil x does nothing.
func AddKnowledge(a *store.Article, r analyze.Result, x *gkg.Extractor, sc *gkg.Scratch) {
	if x == nil {
		return
	}
	date := a.Published
	if date.IsZero() {
		date = r.Date
	}
	rec := x.Extract(sc, gkg.Article{DocID: a.ID, URL: a.URL, Source: a.Source, Title: a.Title, Date: date,
		Doc: &r.Parsed, Events: a.Events})
	a.Knowledge = &rec
}

// sentenceRanges returns the byte range of each sentence, finding the
// sentence text after the previous one when the parser left no offsets.
func sentenceRanges(text string, ss []nlp.Sentence) []store.Sentence {
	out := make([]store.Sentence, len(ss))
	pos := 0
	for i, s := range ss {
		if s.Start >= 0 && s.End >= s.Start && s.End <= len(text) {
			out[i] = store.Sentence{Start: s.Start, End: s.End}
			pos = s.End
			continue
		}
		if j := strings.Index(text[pos:], s.Text); s.Text != "" && j >= 0 {
			out[i] = store.Sentence{Start: pos + j, End: pos + j + len(s.Text)}
			pos += j + len(s.Text)
			continue
		}
		out[i] = store.Sentence{Start: pos, End: pos}
	}
	return out
}
