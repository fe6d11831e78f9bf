package main

import (
	"context"
	"flag"
	"fmt"
	"math"
	"os"
	"runtime/pprof"
	"strconv"
	"time"

	"github.com/eventwire/eventwire/internal/ingest"
	"github.com/eventwire/eventwire/internal/nlp/pipeline"
	"github.com/eventwire/eventwire/internal/store"
	"github.com/eventwire/eventwire/internal/store/open"
)

// parseDateFlag reads the YYYY-MM-DD value of flag name; "" is the zero
// time.
func parseDateFlag(name, value string) (time.Time, error) {
	if value == "" {
		return time.Time{}, nil
	}
	t, err := time.Parse(ingest.DateLayout, value)
	if err != nil {
		return time.Time{}, fmt.Errorf("%w: --%s: want YYYY-MM-DD, not %q", errUsage, name, value)
	}
	return t, nil
}

// startCPUProfile starts writing a CPU profile to path (nothing when path
// is empty); the returned function stops it and closes the file.
func startCPUProfile(path string) (stop func(), err error) {
	if path == "" {
		return func() {}, nil
	}
	f, err := os.Create(path)
	if err != nil {
		return nil, fmt.Errorf("creating CPU profile: %w", err)
	}
	if err := pprof.StartCPUProfile(f); err != nil {
		f.Close()
		return nil, fmt.Errorf("starting CPU profile: %w", err)
	}
	return func() { pprof.StopCPUProfile(); f.Close() }, nil
}

// openExistingStore opens the store --db names for a command that only
// reads it (stats, query, export, serve): a missing SQLite file is an
// error ("no store at typo.db; ingest creates one"), not a new empty store.
func openExistingStore(ctx context.Context, dsn string) (store.Store, error) {
	return open.Existing(ctx, dsn)
}

// numberRange is the accepted range of a numeric or duration flag.
type numberRange struct{ min, max float64 }

// flagRanges holds the range of each numeric and duration flag whose
// allowed values are not simply "zero or more" (the rule for every other
// one): parseFlags checks every numeric flag of every command against it,
// so that --limit -5 or --batch 0 is a usage error, not a silent default.
var flagRanges = map[string]numberRange{
	"batch":          {1, math.Inf(1)},
	"fetchers":       {1, math.Inf(1)},
	"max-page-bytes": {1, math.Inf(1)},
	"timeout":        {float64(time.Millisecond), math.Inf(1)},
	"code-timeout":   {float64(time.Millisecond), math.Inf(1)},
	"ack-wait":       {float64(time.Second), math.Inf(1)},
	"wait":           {float64(time.Millisecond), math.Inf(1)},
	"max-coding":     {1, math.Inf(1)},
	"max-deliver":    {1, math.Inf(1)},
	"replicas":       {1, 5},
	"row-group":      {1, math.Inf(1)},
	"articles":       {1, math.Inf(1)},
	"days":           {1, math.Inf(1)},
	"near-distance":  {-1, 7},
	"quad":           {0, 4},
	"min-confidence": {0, 1},
	"republished":    {0, 1},
	"edited":         {0, 1},
}

// checkNumberFlags checks the value of every numeric and duration flag of
// fs, given or default, against flagRanges (zero or more by default).
func checkNumberFlags(fs *flag.FlagSet) error {
	var bad error
	fs.VisitAll(func(f *flag.Flag) {
		if bad != nil {
			return
		}
		g, ok := f.Value.(flag.Getter)
		if !ok {
			return
		}
		var v float64
		isDuration := false
		switch x := g.Get().(type) {
		case int:
			v = float64(x)
		case int64:
			v = float64(x)
		case uint:
			v = float64(x)
		case uint64:
			v = float64(x)
		case float64:
			v = x
		case time.Duration:
			v, isDuration = float64(x), true
		default:
			return
		}
		r, ok := flagRanges[f.Name]
		if !ok {
			r = numberRange{0, math.Inf(1)}
		}
		if v >= r.min && v <= r.max && !math.IsNaN(v) {
			return
		}
		show := func(x float64) string {
			if isDuration {
				return time.Duration(x).String()
			}
			return strconv.FormatFloat(x, 'g', -1, 64)
		}
		switch {
		case math.IsInf(r.max, 1) && r.min == 0:
			bad = fmt.Errorf("%w: --%s: want zero or more, not %s", errUsage, f.Name, f.Value)
		case math.IsInf(r.max, 1):
			bad = fmt.Errorf("%w: --%s: want at least %s, not %s", errUsage, f.Name, show(r.min), f.Value)
		default:
			bad = fmt.Errorf("%w: --%s: want %s to %s, not %s", errUsage, f.Name, show(r.min), show(r.max), f.Value)
		}
	})
	return bad
}

// The flags below are taken by several commands: each is declared once
// here, so that its name, default and help read alike wherever it is.

// dictFlag adds --dict, the dictionaries to code with (openDicts).
func dictFlag(fs *flag.FlagSet) *multiFlag {
	m := new(multiFlag)
	fs.Var(m, "dict", "dictionary file or directory, eventwire, PETRARCH or TABARI format (repeatable; default: the built-in dictionaries)")
	return m
}

// dateFlag adds --date, the article date of documents without one; its
// value is read by parseDateFlag("date", ...).
func dateFlag(fs *flag.FlagSet) *string {
	return fs.String("date", "", "article date YYYY-MM-DD for documents without one (default: today)")
}

// negationFlag adds --negation, the policy for negated verbs, with the
// default def; its value is read by parseNegation.
func negationFlag(fs *flag.FlagSet, def string) *string {
	return fs.String("negation", def, "negated verbs: drop, transform (PETRARCH-2) or keep")
}

// workersFlag adds --workers, the documents handled in parallel (0: all
// cores); verb says how a command handles one ("coded", "analysed").
func workersFlag(fs *flag.FlagSet, verb string) *int {
	return fs.Int("workers", 0, "documents "+verb+" in parallel (default: all cores)")
}

// noGeoFlag adds --no-geo: places are not resolved.
func noGeoFlag(fs *flag.FlagSet) *bool {
	return fs.Bool("no-geo", false, "do not resolve places")
}

// cpuProfileFlag adds --cpuprofile, the file startCPUProfile writes.
func cpuProfileFlag(fs *flag.FlagSet) *string {
	return fs.String("cpuprofile", "", "write a CPU profile to this file")
}

// modelFlags are --tagger-model and --parser-model: model files analysed
// with instead of the embedded ones, to measure a candidate before it is
// embedded (docs/models.md).
type modelFlags struct{ tagger, parser *string }

// addModelFlags adds --tagger-model and --parser-model; verb says what the
// command does with the models ("score", "code with").
func addModelFlags(fs *flag.FlagSet, verb string) modelFlags {
	return modelFlags{
		tagger: fs.String("tagger-model", "", verb+" this tagger model file instead of the embedded one"),
		parser: fs.String("parser-model", "", verb+" this parser model file instead of the embedded one"),
	}
}

// pipeline returns the pipeline of the models the flags name (loadPipeline).
func (m modelFlags) pipeline() (*pipeline.Pipeline, error) {
	return loadPipeline(*m.tagger, *m.parser)
}
