package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"time"

	"github.com/eventwire/eventwire/internal/analyze"
	"github.com/eventwire/eventwire/internal/dedup"
	"github.com/eventwire/eventwire/internal/gkg"
	"github.com/eventwire/eventwire/internal/intake"
	"github.com/eventwire/eventwire/internal/store"
)

// stageFlags are the analysis and write flags of the commands that take
// documents to stored articles through internal/intake (ingest, worker),
// declared once so that both commands analyse and de-duplicate alike.
type stageFlags struct {
	dicts                  *multiFlag
	date                   *string
	workers, batch         *int
	near, nearDays, window *int
	noGeo                  *bool
}

func addStageFlags(fs *flag.FlagSet) *stageFlags {
	f := &stageFlags{}
	f.dicts = dictFlag(fs)
	f.date = dateFlag(fs)
	f.workers = workersFlag(fs, "analysed")
	f.batch = fs.Int("batch", 64, "articles per transaction")
	f.near = fs.Int("near-distance", 0, "SimHash Hamming distance of near-duplicate texts, at most 7 (0: default 7; -1: exact duplicates only)")
	f.nearDays = fs.Int("near-days", 0, "days apart two near-duplicate texts may be published (0: default 7)")
	f.window = fs.Int("event-window", 0, "days two reports of one event may be apart (0: default 3)")
	f.noGeo = noGeoFlag(fs)
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
	an, set, err := newAnalysis(*f.dicts, analyze.Options{NoGeo: *f.noGeo, DefaultDate: docDate}, stderr)
	if err != nil {
		return nil, nil, err
	}
	know, err := newKnowledge(set, *f.noGeo)
	if err != nil {
		return nil, nil, err
	}
	return func() intake.Analyze { return an.NewWorker().Analyze }, know, nil
}

// open opens the store dsn names (openStore) and loads the analysis the
// flags name (analysis): what a command that writes documents through
// internal/intake needs. The caller closes the store; on an error nothing
// is left open.
func (f *stageFlags) open(ctx context.Context, dsn string, docDate time.Time, stderr io.Writer) (store.Store, func() intake.Analyze, *gkg.Extractor, error) {
	st, err := openStore(ctx, dsn)
	if err != nil {
		return nil, nil, nil, err
	}
	newAnalyzer, know, err := f.analysis(docDate, stderr)
	if err != nil {
		st.Close()
		return nil, nil, nil, err
	}
	return st, newAnalyzer, know, nil
}
