package worker_test

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/eventwire/eventwire/internal/analyze"
	"github.com/eventwire/eventwire/internal/dict/builtin"
	"github.com/eventwire/eventwire/internal/ingest"
	"github.com/eventwire/eventwire/internal/ingest/load"
	"github.com/eventwire/eventwire/internal/queue"
	"github.com/eventwire/eventwire/internal/queue/natstest"
	"github.com/eventwire/eventwire/internal/shareddata"
	"github.com/eventwire/eventwire/internal/store"
	"github.com/eventwire/eventwire/internal/worker"
)

// processEnv carries a worker process's settings from the test to the
// re-executed test binary.
const processEnv = "EVENTWIRE_TEST_WORKER_PROCESS"

// processConfig is what a worker process is told.
type processConfig struct {
	URL      string
	DB       string
	Batch    int
	Workers  int
	AckWait  time.Duration
	Replicas int
	Write    store.WriteOptions
	Name     string
	// Stop, when set, makes the process run until it stored this many
	// articles instead of until the queue is empty.
	Stop int
}

func TestMain(m *testing.M) {
	if cfg := os.Getenv(processEnv); cfg != "" {
		os.Exit(workerProcess(cfg))
	}
	os.Exit(m.Run())
}

// workerProcess is the main of a worker process: the same wiring as
// eventwire worker --drain, with the real analyzer and built-in
// dictionaries. It prints its summary as JSON on stdout.
func workerProcess(cfgJSON string) int {
	var c processConfig
	if err := json.Unmarshal([]byte(cfgJSON), &c); err != nil {
		fmt.Fprintf(os.Stderr, "worker process: %v\n", err)
		return 2
	}
	ctx := context.Background()
	q, err := queue.Open(ctx, queue.Config{URL: c.URL, Name: c.Name, AckWait: c.AckWait, Replicas: c.Replicas, Pulls: true})
	if err != nil {
		fmt.Fprintf(os.Stderr, "worker process: %v\n", err)
		return 1
	}
	defer q.Close()
	if err := q.WatchDeadlines(func(err error) { fmt.Fprintf(os.Stderr, "dead letters: %v\n", err) }); err != nil {
		fmt.Fprintf(os.Stderr, "worker process: %v\n", err)
		return 1
	}
	st, err := openStore(ctx, c.DB)
	if err != nil {
		fmt.Fprintf(os.Stderr, "worker process: %v\n", err)
		return 1
	}
	defer st.Close()
	an, err := realAnalyzer()
	if err != nil {
		fmt.Fprintf(os.Stderr, "worker process: %v\n", err)
		return 1
	}
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	opt := worker.Options{Workers: c.Workers, BatchSize: c.Batch, Write: c.Write, Run: store.Run{ID: c.Name}, Drain: c.Stop == 0,
		Wait: 250 * time.Millisecond, Log: os.Stderr}
	if c.Stop > 0 {
		opt.Progress = func(s worker.Summary) {
			if s.New+s.Duplicate+s.Already >= c.Stop {
				cancel()
			}
		}
	}
	sum, err := worker.Run(ctx, q, st, func() load.Analyze { return an.NewWorker().Analyze }, opt)
	json.NewEncoder(os.Stdout).Encode(sum)
	if err != nil && !(c.Stop > 0 && errors.Is(err, context.Canceled)) {
		fmt.Fprintf(os.Stderr, "worker process: %v\n", err)
		return 1
	}
	return 0
}

func realAnalyzer() (*analyze.Analyzer, error) {
	set, err := builtin.Set()
	if err != nil {
		return nil, err
	}
	return analyze.New(set, analyze.Options{})
}

// confliCorpus writes n articles of three sentences of ../shared/confli
// (each combination of sentences once, dated over three weeks) as JSON
// Lines, and returns its path. It skips when the shared data is absent.
func confliCorpus(t testing.TB, n int) string {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(shareddata.Dir(t, "confli"), "cameo_class.train.tsv"))
	if err != nil {
		t.Fatalf("reading the shared ConfliBERT sentences: %v", err)
	}
	var sents []string
	sc := bufio.NewScanner(bytes.NewReader(data))
	for sc.Scan() {
		s, _, _ := strings.Cut(sc.Text(), "\t")
		if s = strings.TrimSpace(s); s != "" {
			sents = append(sents, s)
		}
	}
	m := len(sents)
	if m < 100 {
		t.Fatalf("only %d ConfliBERT sentences", m)
	}
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	seen := map[string]bool{}
	for k := 0; len(seen) < n; k++ {
		if k > 10*n {
			t.Fatalf("only %d distinct articles from %d sentences", len(seen), m)
		}
		pass, i := k/m, k%m
		text := sents[i] + " " + sents[(i+1+37*pass)%m] + " " + sents[(7*i+5+11*pass)%m]
		if seen[text] {
			continue
		}
		seen[text] = true
		enc.Encode(map[string]string{"id": fmt.Sprintf("c%d", k), "source": "ConfliBERT", "text": text,
			"date": time.Date(2024, 3, 1+k%21, 0, 0, 0, 0, time.UTC).Format("2006-01-02")})
	}
	p := filepath.Join(t.TempDir(), "confli.jsonl")
	if err := os.WriteFile(p, b.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

// workerProc is a running worker process.
type workerProc struct {
	cmd    *exec.Cmd
	stdout bytes.Buffer
	stderr bytes.Buffer
	done   chan error
}

func startWorker(t testing.TB, c processConfig) *workerProc {
	t.Helper()
	cfg, _ := json.Marshal(c)
	p := &workerProc{cmd: exec.Command(os.Args[0], "-test.run=^$"), done: make(chan error, 1)}
	p.cmd.Env = append(os.Environ(), processEnv+"="+string(cfg))
	p.cmd.Stdout, p.cmd.Stderr = &p.stdout, &p.stderr
	if err := p.cmd.Start(); err != nil {
		t.Fatalf("starting worker process: %v", err)
	}
	go func() { p.done <- p.cmd.Wait() }()
	t.Cleanup(func() {
		if p.cmd.ProcessState == nil {
			p.cmd.Process.Kill()
			<-p.done
		}
	})
	return p
}

// wait waits for the process to exit and returns its summary.
func (p *workerProc) wait(t testing.TB, d time.Duration) (worker.Summary, error) {
	t.Helper()
	var err error
	select {
	case err = <-p.done:
	case <-time.After(d):
		p.cmd.Process.Kill()
		<-p.done
		return worker.Summary{}, fmt.Errorf("still running after %s; stderr:\n%s", d, p.stderr.String())
	}
	var sum worker.Summary
	if jerr := json.Unmarshal(p.stdout.Bytes(), &sum); jerr != nil && err == nil {
		err = fmt.Errorf("reading summary %q: %w", p.stdout.String(), jerr)
	}
	if err != nil {
		return sum, fmt.Errorf("%w; stderr:\n%s", err, p.stderr.String())
	}
	return sum, nil
}

// The whole system under faults (issue 8, item 4): three worker processes
// against a three-node JetStream cluster (R3 streams) code a few thousand
// articles; one worker is killed (SIGKILL) mid-run and one NATS server is
// stopped mid-run; the store must equal a single-process load.Run over the
// same input: same articles, same mentions, same event keys with the same
// mention counts. The store is PostgreSQL when EVENTWIRE_TEST_POSTGRES is
// set, else one SQLite file the processes share.
func TestClusterWithFaults(t *testing.T) {
	if testing.Short() {
		t.Skip("the cluster test takes about a minute; -short skips it")
	}
	if raceEnabled {
		t.Skip("the cluster test's worker processes are too slow under -race; the unit tests cover the worker's concurrency")
	}
	const articles = 2000
	feed := confliCorpus(t, articles)
	cluster := natstest.Start(t, 3)
	ctx := context.Background()
	cfg := queue.Config{URL: cluster.URL(), Replicas: 3, AckWait: 3 * time.Second, Name: "test publisher"}
	q := openQueue(t, cluster.URL(), cfg)
	start := time.Now()
	ps, err := queue.PublishWalk(ctx, q, ingest.Walk, []string{feed}, nil)
	if err != nil {
		t.Fatal(err)
	}
	if ps.Published != articles {
		t.Fatalf("publish: %s", ps)
	}
	t.Logf("published %d articles to an R3 stream in %.1fs", ps.Published, time.Since(start).Seconds())

	// Near-duplicate detection depends on the order articles arrive in,
	// which parallel workers do not keep: both runs store exact
	// duplicates only.
	wopt := store.WriteOptions{NearDistance: -1, Now: time.Date(2024, 3, 25, 12, 0, 0, 0, time.UTC)}
	db := freshStore(t)
	st, err := openStore(ctx, db)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	start = time.Now()
	var procs []*workerProc
	for i := range 3 {
		procs = append(procs, startWorker(t, processConfig{URL: cluster.URL(), DB: db, Batch: 32, Workers: 1,
			AckWait: 3 * time.Second, Replicas: 3, Write: wopt, Name: fmt.Sprintf("worker-%d", i+1)}))
	}
	// Kill worker 1 once a fifth of the articles are stored, stop NATS
	// server 2 at two fifths.
	killed, stopped := false, false
	progress := func() uint64 {
		s, err := q.Status(ctx)
		if err != nil {
			return 0
		}
		return s.Done
	}
	if !waitFor(90*time.Second, func() bool {
		done := progress()
		if !killed && done >= articles/5 {
			procs[0].cmd.Process.Signal(syscall.SIGKILL)
			killed = true
			t.Logf("%.1fs: worker 1 killed at %d articles done", time.Since(start).Seconds(), done)
		}
		if !stopped && done >= 2*articles/5 {
			cluster.Stop(1)
			stopped = true
			t.Logf("%.1fs: NATS server 2 stopped at %d articles done", time.Since(start).Seconds(), done)
		}
		return killed && stopped
	}) {
		t.Fatalf("the run did not get to two fifths of the articles in 90s (killed %v, stopped %v)", killed, stopped)
	}
	if err := <-procs[0].done; err == nil {
		t.Fatalf("worker 1 exited cleanly although it was killed")
	}
	var wg sync.WaitGroup
	sums := make([]worker.Summary, 3)
	errs := make([]error, 3)
	for i := 1; i < 3; i++ {
		wg.Go(func() { sums[i], errs[i] = procs[i].wait(t, 120*time.Second) })
	}
	wg.Wait()
	elapsed := time.Since(start)
	for i := 1; i < 3; i++ {
		if errs[i] != nil {
			t.Fatalf("worker %d: %v", i+1, errs[i])
		}
		t.Logf("worker %d: %s", i+1, sums[i])
	}
	qs, err := q.Status(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if qs.Done != articles || qs.Dead != 0 || qs.Waiting != 0 || qs.InFlight != 0 {
		t.Errorf("queue at the end: %s", qs)
	}
	stats, err := st.Stats(ctx)
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("%d articles coded by three workers (one killed, one NATS server stopped) in %.1fs: %d events, %d mentions",
		stats.Articles, elapsed.Seconds(), stats.Events, stats.Mentions)
	got := snapshotOf(t, st)

	an, err := realAnalyzer()
	if err != nil {
		t.Fatal(err)
	}
	ref, err := openStore(ctx, freshStore(t))
	if err != nil {
		t.Fatal(err)
	}
	defer ref.Close()
	want := reference(t, ref, func() load.Analyze { return an.NewWorker().Analyze }, []string{feed}, wopt)
	if len(want.Articles) != articles {
		t.Fatalf("reference run stored %d articles, want %d", len(want.Articles), articles)
	}
	sameStore(t, got, want)
}
