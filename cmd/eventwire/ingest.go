package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"os/signal"
	"runtime/pprof"
	"strings"
	"syscall"
	"time"

	"github.com/eventwire/eventwire/internal/analyze"
	"github.com/eventwire/eventwire/internal/coder"
	"github.com/eventwire/eventwire/internal/dedup"
	"github.com/eventwire/eventwire/internal/ingest"
	"github.com/eventwire/eventwire/internal/ingest/load"
	"github.com/eventwire/eventwire/internal/store"
	"github.com/eventwire/eventwire/internal/store/open"
)

func init() {
	register(command{name: "ingest", summary: "code articles (text, JSON Lines, gzip, directories) into the event store", run: runIngest})
}

// dbFlag adds the --db flag shared by the store commands.
func dbFlag(fs interface {
	String(name, value, usage string) *string
}) *string {
	return fs.String("db", "", "event store: a postgres:// URL, or an SQLite file path (default: $EVENTWIRE_DB, else $XDG_DATA_HOME/eventwire/eventwire.db, else ~/.local/share/eventwire/eventwire.db)")
}

// openStore opens the store --db names: PostgreSQL for a postgres:// or
// postgresql:// URL, otherwise SQLite (see internal/store/open).
func openStore(ctx context.Context, dsn string) (store.Store, error) {
	return open.Store(ctx, dsn)
}

func runIngest(args []string, stdout, stderr io.Writer) error {
	fs := newFlags("ingest", "SOURCE...", stderr)
	db := dbFlag(fs)
	var dicts multiFlag
	fs.Var(&dicts, "dict", "dictionary file or directory (repeatable; default: the built-in dictionaries)")
	date := fs.String("date", "", "article date YYYY-MM-DD for documents without one (default: today)")
	workers := fs.Int("workers", 0, "documents analysed in parallel (default: all cores)")
	batch := fs.Int("batch", 64, "articles per transaction")
	near := fs.Int("near-distance", 0, "SimHash Hamming distance of near-duplicate texts, at most 7 (0: default 7; -1: exact duplicates only)")
	nearDays := fs.Int("near-days", 0, "days apart two near-duplicate texts may be published (0: default 7)")
	window := fs.Int("event-window", 0, "days two reports of one event may be apart (0: default 3)")
	noGeo := fs.Bool("no-geo", false, "do not resolve places")
	quiet := fs.Bool("quiet", false, "do not list skipped inputs")
	cpuprofile := fs.String("cpuprofile", "", "write a CPU profile to this file")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if fs.NArg() == 0 {
		return fmt.Errorf("%w: ingest: no SOURCE given", errUsage)
	}
	if *near > dedup.MaxBandDistance {
		return fmt.Errorf("%w: --near-distance: at most %d, not %d", errUsage, dedup.MaxBandDistance, *near)
	}
	var docDate time.Time
	if *date != "" {
		t, err := time.Parse(ingest.DateLayout, *date)
		if err != nil {
			return fmt.Errorf("%w: --date: want YYYY-MM-DD, not %q", errUsage, *date)
		}
		docDate = t
	}
	if *cpuprofile != "" {
		f, err := os.Create(*cpuprofile)
		if err != nil {
			return fmt.Errorf("creating CPU profile: %w", err)
		}
		defer f.Close()
		if err := pprof.StartCPUProfile(f); err != nil {
			return fmt.Errorf("starting CPU profile: %w", err)
		}
		defer pprof.StopCPUProfile()
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	st, err := openStore(ctx, *db)
	if err != nil {
		return err
	}
	defer st.Close()
	set, err := openDicts(dicts, stderr)
	if err != nil {
		return err
	}
	an, err := analyze.New(set, analyze.Options{Coder: coder.Options{}, NoGeo: *noGeo, DefaultDate: docDate})
	if err != nil {
		return err
	}
	now := time.Now().UTC()
	opt := load.Options{
		Workers:   *workers,
		BatchSize: *batch,
		Write:     store.WriteOptions{NearDistance: *near, NearDays: *nearDays, EventWindow: *window},
		Run:       store.Run{ID: now.Format("20060102T150405.000000000Z"), Started: now, Args: strings.Join(args, " ")},
	}
	if !*quiet {
		opt.Log = stderr
	}
	if isTerminal(stderr) {
		// A first pass counts the documents for the ETA; it reads the
		// inputs without analysing them, which is cheap beside analysis.
		total := 0
		ingest.Walk(fs.Args(), func(ingest.Document, string) error { total++; return nil }, func(ingest.Skip) {})
		opt.Progress = func(s load.Summary) {
			rate := float64(s.Read) / max(s.Elapsed.Seconds(), 1e-9)
			eta := time.Duration(float64(max(total-s.Read, 0))/max(rate, 1e-9)) * time.Second
			fmt.Fprintf(stderr, "\r%d/%d articles, %d new, %d events, %.1f articles/s, ETA %s ", s.Read, total, s.New, s.Events,
				rate, eta.Round(time.Second))
		}
	}
	sum, err := load.Run(ctx, st, func() load.Analyze { return an.NewWorker().Analyze }, fs.Args(), opt)
	if opt.Progress != nil {
		fmt.Fprintln(stderr)
	}
	fmt.Fprintln(stdout, sum)
	return err
}

// isTerminal reports whether w is a character device (a terminal).
func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	if !ok {
		return false
	}
	fi, err := f.Stat()
	return err == nil && fi.Mode()&os.ModeCharDevice != 0
}
