package main

import (
	"flag"
	"fmt"
	"io"
	"time"

	"github.com/eventwire/eventwire/internal/analyze"
	"github.com/eventwire/eventwire/internal/coder"
	"github.com/eventwire/eventwire/internal/dedup"
	"github.com/eventwire/eventwire/internal/gkg"
	"github.com/eventwire/eventwire/internal/intake"
	"github.com/eventwire/eventwire/internal/store"
)

// stageFlags are the analysis and write flags of the commands that take
// documents to stored articles through internal/intake (ingest, worker),
// declared once so that both commands analyse and de-duplicate alike.
type stageFlags struct {
	dicts                  multiFlag
	date                   *string
	workers, batch         *int
	near, nearDays, window *int
	noGeo                  *bool
}

func addStageFlags(fs *flag.FlagSet) *stageFlags {
	f := &stageFlags{}
	fs.Var(&f.dicts, "dict", "dictionary file or directory (repeatable; default: the built-in dictionaries)")
	f.date = fs.String("date", "", "article date YYYY-MM-DD for documents without one (default: today)")
	f.workers = fs.Int("workers", 0, "documents analysed in parallel (default: all cores)")
	f.batch = fs.Int("batch", 64, "articles per transaction")
	f.near = fs.Int("near-distance", 0, "SimHash Hamming distance of near-duplicate texts, at most 7 (0: default 7; -1: exact duplicates only)")
	f.nearDays = fs.Int("near-days", 0, "days apart two near-duplicate texts may be published (0: default 7)")
	f.window = fs.Int("event-window", 0, "days two reports of one event may be apart (0: default 3)")
	f.noGeo = fs.Bool("no-geo", false, "do not resolve places")
	return f
}

// check reports a usage error in the flags' values and returns the
// --date value (zero when not given).
func (f *stageFlags) check() (time.Time, error) {
	if *f.near > dedup.MaxBandDistance {
		return time.Time{}, fmt.Errorf("%w: --near-distance: at most %d, not %d", errUsage, dedup.MaxBandDistance, *f.near)
	}
	return parseDateFlag("date", *f.date)
}

// writeOptions are the de-duplication options the flags give.
func (f *stageFlags) writeOptions() store.WriteOptions {
	return store.WriteOptions{NearDistance: *f.near, NearDays: *f.nearDays, EventWindow: *f.window}
}

// analysis loads the dictionaries, the analyzer and the knowledge
// extractor the flags name: the per-goroutine analysis and the extractor
// of intake.Stage. docDate is check's result.
func (f *stageFlags) analysis(docDate time.Time, stderr io.Writer) (func() intake.Analyze, *gkg.Extractor, error) {
	set, err := openDicts(f.dicts, stderr)
	if err != nil {
		return nil, nil, err
	}
	an, err := analyze.New(set, analyze.Options{Coder: coder.Options{}, NoGeo: *f.noGeo, DefaultDate: docDate})
	if err != nil {
		return nil, nil, err
	}
	know, err := newKnowledge(set, *f.noGeo)
	if err != nil {
		return nil, nil, err
	}
	return func() intake.Analyze { return an.NewWorker().Analyze }, know, nil
}
