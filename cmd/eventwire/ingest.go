package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"strings"
	"time"

	"github.com/eventwire/eventwire/internal/extract"
	"github.com/eventwire/eventwire/internal/fetch"
	"github.com/eventwire/eventwire/internal/ingest"
	"github.com/eventwire/eventwire/internal/ingest/load"
	"github.com/eventwire/eventwire/internal/store"
	"github.com/eventwire/eventwire/internal/store/open"
)

func init() {
	register(command{name: "ingest", summary: "code articles (text, JSON Lines, gzip, HTML, directories, RSS/Atom feeds, web pages) into the event store", run: runIngest})
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
	sf := addStageFlags(fs)
	quiet := fs.Bool("quiet", false, "do not list skipped inputs")
	// Scale-out (docs/scale.md): publish the documents to a work queue for
	// eventwire worker instead of coding them here.
	qf := addQueueFlags(fs, true)
	cpuprofile := cpuProfileFlag(fs)
	// Web sources (docs/ingest.md): politeness, extraction, languages, watching.
	watch := fs.Duration("watch", 0, "after the first pass, poll the feeds among the sources again at this interval (e.g. 15m) until interrupted")
	userAgent := fs.String("user-agent", fetch.DefaultUserAgent, "User-Agent sent, and matched against robots.txt")
	timeout := fs.Duration("timeout", 30*time.Second, "time allowed for one request, body included")
	maxPage := fs.Int64("max-page-bytes", 10<<20, "largest page or feed fetched, in bytes")
	retries := fs.Int("retries", 3, "retries of a request that failed for a reason that may pass (timeouts, 429, 5xx); 0: none")
	hostDelay := fs.Duration("host-delay", time.Second, "least time between two requests to one host (robots.txt Crawl-delay may raise it, up to 30s)")
	ignoreRobots := fs.Bool("ignore-robots", false, "do not read robots.txt (only for sites you run)")
	langs := fs.String("lang", "en", "comma-separated ISO 639-1 codes of the languages kept; documents in others are skipped")
	anyLang := fs.Bool("any-language", false, "keep documents in any language")
	feedContent := fs.Bool("feed-content", false, "code feed items from the content the feed carries instead of fetching their pages")
	noFallback := fs.Bool("no-fallback", false, "no Readability / DOM Distiller fallback when extracting pages")
	fetchers := fs.Int("fetchers", ingest.DefaultConcurrency, "feed item pages fetched at a time (requests to one host still keep --host-delay apart)")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if fs.NArg() == 0 {
		return fmt.Errorf("%w: ingest: no SOURCE given", errUsage)
	}
	if *watch < 0 || (*watch > 0 && *watch < time.Second) {
		return fmt.Errorf("%w: --watch: want an interval of a second or more, not %s", errUsage, *watch)
	}
	if *timeout <= 0 || *maxPage <= 0 || *retries < 0 || *hostDelay < 0 || *fetchers < 1 {
		return fmt.Errorf("%w: --timeout, --max-page-bytes and --fetchers must be positive, --retries and --host-delay not negative", errUsage)
	}
	languages := strings.Split(*langs, ",")
	for i, l := range languages {
		languages[i] = strings.ToLower(strings.TrimSpace(l))
		if len(languages[i]) != 2 {
			return fmt.Errorf("%w: --lang: want comma-separated two-letter ISO 639-1 codes, not %q", errUsage, *langs)
		}
	}
	docDate, err := sf.check()
	if err != nil {
		return err
	}
	stopProfile, err := startCPUProfile(*cpuprofile)
	if err != nil {
		return err
	}
	defer stopProfile()
	ctx, stop := interruptContext(stderr)
	defer stop()
	fopt := fetch.Options{UserAgent: *userAgent, Timeout: *timeout, MaxBytes: *maxPage, Retries: *retries,
		HostDelay: *hostDelay, IgnoreRobots: *ignoreRobots}
	if *retries == 0 {
		fopt.Retries = -1
	}
	if *hostDelay == 0 {
		fopt.HostDelay = -1
	}
	walker := &ingest.Walker{
		Context:     ctx,
		Fetcher:     fetch.New(fopt),
		Extract:     extract.Options{NoFallback: *noFallback},
		Languages:   languages,
		AnyLanguage: *anyLang,
		FeedContent: *feedContent,
		Concurrency: *fetchers,
	}
	if *qf.url != "" {
		if *watch > 0 {
			return fmt.Errorf("%w: --watch cannot be combined with --queue", errUsage)
		}
		logW := stderr
		if *quiet {
			logW = io.Discard
		}
		return publishSources(ctx, *qf.url, qf.config(*qf.url, "eventwire ingest"), walker.Walk, fs.Args(), stdout, logW)
	}
	st, newAnalyzer, know, err := sf.open(ctx, *db, docDate, stderr)
	if err != nil {
		return err
	}
	defer st.Close()
	sources := fs.Args()
	for round := 1; ; round++ {
		now := time.Now().UTC()
		opt := load.Options{
			Workers:   *sf.workers,
			BatchSize: *sf.batch,
			Write:     sf.writeOptions(),
			Run:       store.Run{ID: now.Format("20060102T150405.000000000Z"), Started: now, Args: strings.Join(args, " ")},
			Knowledge: know,
			Walk:      walker.Walk,
		}
		if !*quiet {
			opt.Log = stderr
		}
		var bar *ingest.Progress
		if isTerminal(stderr) {
			// The local inputs are counted first for the ETA (without
			// analysis, which is cheap beside it); fetched feeds and
			// pages add to the total as they are found.
			base := walker.Handled()
			bar = ingest.NewProgress(stderr, walker.Count(sources), func() int { return walker.Handled() - base })
			walker.Discovered = bar.AddTotal
			opt.Progress = func(s load.Summary) {
				bar.SetNote(fmt.Sprintf("%d new, %d duplicate, %d already, %d skipped, %d events", s.New, s.Duplicate, s.Already, skippedTotal(s), s.Events))
			}
			if opt.Log != nil {
				opt.Log = bar.Above(opt.Log)
			}
			bar.Start(250 * time.Millisecond)
		}
		sum, err := load.Run(ctx, st, newAnalyzer, sources, opt)
		if bar != nil {
			bar.Stop()
		}
		if *watch > 0 {
			fmt.Fprintf(stdout, "%s: ", now.Format(time.RFC3339))
		}
		fmt.Fprintln(stdout, sum)
		if ctx.Err() != nil {
			return interrupted(ctx)
		}
		if *watch == 0 {
			if err == nil {
				err = unreadableError(sum.Skipped)
			}
			return err
		}
		if err != nil {
			return err
		}
		sources = walker.Feeds()
		if len(sources) == 0 {
			return fmt.Errorf("--watch: no feed among the sources to poll again")
		}
		select {
		case <-ctx.Done():
			// Interrupted between two rounds of --watch: nothing was cut
			// short, the rounds done are stored.
			return nil
		case <-time.After(*watch):
		}
	}
}

func skippedTotal(s load.Summary) int {
	n := 0
	for _, c := range s.Skipped {
		n += c
	}
	return n
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
