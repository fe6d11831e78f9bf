package load

import (
	"bufio"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/eventwire/eventwire/internal/analyze"
	"github.com/eventwire/eventwire/internal/dict/builtin"
	"github.com/eventwire/eventwire/internal/geo"
	"github.com/eventwire/eventwire/internal/gkg"
	"github.com/eventwire/eventwire/internal/ingest"
	"github.com/eventwire/eventwire/internal/shareddata"
	"github.com/eventwire/eventwire/internal/store"
	"github.com/eventwire/eventwire/internal/store/sqlite"
)

// benchCorpus writes the ingest benchmark's articles to dir: the sample
// articles of examples/corpus, and articles of five consecutive sentences
// of ../shared/confli (each with a header block). It skips when the shared
// data is absent.
func benchCorpus(b *testing.B, dir string) int {
	root := shareddata.Root(b)
	f, err := os.Open(filepath.Join(shareddata.Dir(b, "confli"), "cameo_class.train.tsv"))
	if err != nil {
		b.Fatalf("reading the shared ConfliBERT sentences: %v", err)
	}
	defer f.Close()
	n := 0
	samples, _ := filepath.Glob(filepath.Join(root, "examples", "corpus", "*.txt"))
	for _, p := range samples {
		data, err := os.ReadFile(p)
		if err != nil {
			b.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, filepath.Base(p)), data, 0o644); err != nil {
			b.Fatal(err)
		}
		n++
	}
	sc := bufio.NewScanner(f)
	var sents []string
	flush := func() {
		if len(sents) == 0 {
			return
		}
		doc := fmt.Sprintf("Title: ConfliBERT sentences %d\nDate: 2024-%02d-%02d\nURL: https://confli.example/%d\nSource: outlet%d\n\n%s\n",
			n, 1+n%12, 1+n%28, n, n%7, strings.Join(sents, " "))
		if err := os.WriteFile(filepath.Join(dir, fmt.Sprintf("confli%04d.txt", n)), []byte(doc), 0o644); err != nil {
			b.Fatal(err)
		}
		n++
		sents = sents[:0]
	}
	for sc.Scan() {
		text, _, _ := strings.Cut(sc.Text(), "\t")
		if strings.TrimSpace(text) == "" {
			continue
		}
		sents = append(sents, text)
		if len(sents) == 5 {
			flush()
		}
	}
	flush()
	return n
}

// BenchmarkIngest ingests a few hundred articles with the real analyzer
// (built-in dictionaries, places resolved) into a fresh store per
// iteration, without ("events") and with ("knowledge") the article
// knowledge extracted and stored. Run with -cpu 1,2 for one and two
// workers; it reports articles/s and the store's size per 1,000 articles.
func BenchmarkIngest(b *testing.B) {
	dir := b.TempDir()
	n := benchCorpus(b, dir)
	set, err := builtin.Set()
	if err != nil {
		b.Fatal(err)
	}
	an, err := analyze.New(set, analyze.Options{})
	if err != nil {
		b.Fatal(err)
	}
	gaz, err := geo.Default()
	if err != nil {
		b.Fatal(err)
	}
	x, err := gkg.New(gkg.Options{Gazetteer: gaz, Dict: set})
	if err != nil {
		b.Fatal(err)
	}
	// Warm up: models are decoded on first use, once per process.
	r := an.NewWorker().Analyze(ingest.Document{ID: "warm-up", Text: "The army shelled the town on Monday."})
	x.Extract(nil, gkg.Article{Doc: &r.Parsed, Events: r.Events})
	for _, k := range []struct {
		name string
		x    *gkg.Extractor
	}{{"events", nil}, {"knowledge", x}} {
		b.Run(k.name, func(b *testing.B) {
			var size int64
			var events int
			cpu0 := cpuTime()
			for i := 0; b.Loop(); i++ {
				path := filepath.Join(b.TempDir(), fmt.Sprintf("ew%d.db", i))
				db, err := sqlite.Open(context.Background(), path)
				if err != nil {
					b.Fatal(err)
				}
				sum, err := Run(context.Background(), db, func() Analyze { return an.NewWorker().Analyze }, []string{dir},
					Options{Workers: runtime.GOMAXPROCS(0), Run: store.Run{ID: "bench"}, Knowledge: k.x})
				if err != nil {
					b.Fatal(err)
				}
				if sum.New+sum.Duplicate != n {
					b.Fatalf("stored %d of %d articles: %s", sum.New+sum.Duplicate, n, sum)
				}
				events = sum.Events
				db.Close()
				size = 0
				for _, suffix := range []string{"", "-wal"} {
					if fi, err := os.Stat(path + suffix); err == nil {
						size += fi.Size()
					}
				}
			}
			// CPU time is the steadier figure on a shared machine.
			b.ReportMetric(float64(cpuTime()-cpu0)/float64(time.Millisecond)/float64(n*b.N), "cpu-ms/article")
			b.ReportMetric(float64(n)*float64(b.N)/b.Elapsed().Seconds(), "articles/s")
			b.ReportMetric(float64(size)/float64(n)*1000/(1<<20), "MiB/1000articles")
			b.ReportMetric(float64(events), "events")
			b.ReportMetric(float64(n), "articles")
		})
	}
}

// cpuTime is the user and system CPU time of the process so far.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
