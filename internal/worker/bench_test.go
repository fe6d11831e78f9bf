package worker_test

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/eventwire/eventwire/internal/ingest"
	"github.com/eventwire/eventwire/internal/ingest/load"
	"github.com/eventwire/eventwire/internal/queue"
	"github.com/eventwire/eventwire/internal/queue/natstest"
	"github.com/eventwire/eventwire/internal/store"
)

// BenchmarkWorkerProcesses measures the throughput of 1, 2 and 4 worker
// processes (one analysis goroutine each, the real analyzer with the
// built-in dictionaries) draining 1,000 articles of three ../shared/confli
// sentences from one JetStream server into PostgreSQL
// ($EVENTWIRE_TEST_POSTGRES) or, when that is unset, one SQLite file.
// articles/s counts from the workers' start after loading their models to
// the last commit; wall-s includes starting the processes and loading.
//
//	go test -run '^$' -bench WorkerProcesses -benchtime 1x ./internal/worker
func BenchmarkWorkerProcesses(b *testing.B) {
	const articles = 1000
	feed := confliCorpus(b, articles)
	for _, k := range []int{1, 2, 4} {
		b.Run(fmt.Sprintf("processes=%d", k), func(b *testing.B) {
			var rate, wall, write, cpu float64
			for range b.N {
				r, w, s, c, rss := drainWith(b, feed, articles, k)
				b.ReportMetric(rss, "max-rss-MiB")
				rate += r
				wall += w
				write += s
				cpu += c
			}
			b.ReportMetric(rate/float64(b.N), "articles/s")
			b.ReportMetric(wall/float64(b.N), "wall-s")
			b.ReportMetric(write/float64(b.N), "store-articles/s")
			b.ReportMetric(cpu/float64(b.N), "cpu-ms/article")
			b.ReportMetric(0, "ns/op")
		})
	}
}

// drainWith publishes feed to a fresh server and store and drains it with k
// worker processes; it returns articles/s, the wall time, the store's
// write rate (articles per second of store writes, over all workers) and
// the worker processes' CPU time per article (user and system, model
// loading included), and the largest resident set of a worker process.
func drainWith(b *testing.B, feed string, articles, k int) (rate, wall, write, cpuMS, rssMiB float64) {
	c := natstest.Start(b, 1)
	q := openQueue(b, c.URL(), queue.Config{})
	if ps, err := queue.PublishWalk(context.Background(), q, ingest.Walk, []string{feed}, nil); err != nil || ps.Published != articles {
		b.Fatalf("publish: %s, %v", ps, err)
	}
	db := freshStore(b)
	start := time.Now()
	var procs []*workerProc
	for i := range k {
		procs = append(procs, startWorker(b, processConfig{URL: c.URL(), DB: db, Batch: 64, Workers: 1,
			AckWait: time.Minute, Replicas: 1, Write: store.WriteOptions{NearDistance: -1}, Name: fmt.Sprintf("bench-%d", i+1)}))
	}
	stored := 0
	var longest, storeTime, cpu time.Duration
	for i, p := range procs {
		sum, err := p.wait(b, 10*time.Minute)
		if err != nil {
			b.Fatalf("worker %d: %v", i+1, err)
		}
		stored += sum.New + sum.Duplicate + sum.Already
		longest = max(longest, sum.Elapsed)
		storeTime += sum.StoreTime
		cpu += p.cmd.ProcessState.UserTime() + p.cmd.ProcessState.SystemTime()
		if ru, ok := p.cmd.ProcessState.SysUsage().(*syscall.Rusage); ok {
			rssMiB = max(rssMiB, float64(ru.Maxrss)/1024) // Linux: KiB
		}
	}
	if stored != articles {
		b.Fatalf("%d articles stored, want %d", stored, articles)
	}
	return float64(articles) / longest.Seconds(), time.Since(start).Seconds(), float64(articles) / storeTime.Seconds(),
		float64(cpu.Milliseconds()) / float64(articles), rssMiB
}

// BenchmarkLoadRun is the baseline of BenchmarkWorkerProcesses: the same
// articles ingested by one load.Run (one analysis goroutine) in the test
// process, without a queue.
func BenchmarkLoadRun(b *testing.B) {
	const articles = 1000
	feed := confliCorpus(b, articles)
	an, err := realAnalyzer()
	if err != nil {
		b.Fatal(err)
	}
	var rate float64
	for range b.N {
		st, err := openStore(context.Background(), freshStore(b))
		if err != nil {
			b.Fatal(err)
		}
		sum, err := load.Run(context.Background(), st, func() load.Analyze { return an.NewWorker().Analyze }, []string{feed},
			load.Options{Workers: 1, Write: store.WriteOptions{NearDistance: -1}})
		st.Close()
		if err != nil || sum.New != articles {
			b.Fatalf("load: %s, %v", sum, err)
		}
		rate += float64(articles) / sum.Elapsed.Seconds()
	}
	b.ReportMetric(rate/float64(b.N), "articles/s")
	b.ReportMetric(0, "ns/op")
}

// BenchmarkLatency measures the time from publication to the commit of
// an article (p50, p95) for one worker process (two analysis goroutines)
// while articles arrive at a steady 20 per second, well below its
// throughput: 400 articles over 20 seconds.
//
//	go test -run '^$' -bench Latency -benchtime 1x ./internal/worker
func BenchmarkLatency(b *testing.B) {
	const articles, perSecond = 400, 20
	feed := confliCorpus(b, articles)
	data, err := os.ReadFile(feed)
	if err != nil {
		b.Fatal(err)
	}
	lines := strings.SplitAfter(strings.TrimSpace(string(data)), "\n")
	for range b.N {
		c := natstest.Start(b, 1)
		q := openQueue(b, c.URL(), queue.Config{})
		p := startWorker(b, processConfig{URL: c.URL(), DB: freshStore(b), Batch: 64, Workers: 2,
			AckWait: time.Minute, Replicas: 1, Write: store.WriteOptions{NearDistance: -1}, Name: "latency", Stop: articles})
		time.Sleep(3 * time.Second) // the worker loads its models before the first article arrives
		dir := b.TempDir()
		tick := time.NewTicker(time.Second / perSecond)
		for i, l := range lines {
			<-tick.C
			f := filepath.Join(dir, fmt.Sprintf("%d.jsonl", i))
			if err := os.WriteFile(f, []byte(l), 0o644); err != nil {
				b.Fatal(err)
			}
			if _, err := queue.PublishWalk(context.Background(), q, ingest.Walk, []string{f}, nil); err != nil {
				b.Fatal(err)
			}
		}
		tick.Stop()
		sum, err := p.wait(b, 5*time.Minute)
		if err != nil {
			b.Fatal(err)
		}
		b.ReportMetric(sum.LatencyP50.Seconds()*1000, "p50-ms")
		b.ReportMetric(sum.LatencyP95.Seconds()*1000, "p95-ms")
		b.ReportMetric(0, "ns/op")
	}
}

// BenchmarkWorkerStartup measures what a worker process costs before its
// first article: connecting, loading the models and dictionaries, finding
// the queue empty (cpu-s, wall-s).
//
//	go test -run '^$' -bench WorkerStartup -benchtime 1x ./internal/worker
func BenchmarkWorkerStartup(b *testing.B) {
	c := natstest.Start(b, 1)
	db := freshStore(b)
	var cpu, wall float64
	for range b.N {
		start := time.Now()
		p := startWorker(b, processConfig{URL: c.URL(), DB: db, Batch: 64, Workers: 1, AckWait: time.Minute, Replicas: 1, Name: "startup"})
		if _, err := p.wait(b, 5*time.Minute); err != nil {
			b.Fatal(err)
		}
		wall += time.Since(start).Seconds()
		cpu += (p.cmd.ProcessState.UserTime() + p.cmd.ProcessState.SystemTime()).Seconds()
	}
	b.ReportMetric(cpu/float64(b.N), "cpu-s")
	b.ReportMetric(wall/float64(b.N), "wall-s")
	b.ReportMetric(0, "ns/op")
}
