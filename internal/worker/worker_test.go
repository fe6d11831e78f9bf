package worker_test

import (
	"context"
	"errors"
	"fmt"
	"io"
	"maps"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/eventwire/eventwire/internal/analyze"
	"github.com/eventwire/eventwire/internal/event"
	"github.com/eventwire/eventwire/internal/ingest"
	"github.com/eventwire/eventwire/internal/ingest/load"
	"github.com/eventwire/eventwire/internal/nlp"
	"github.com/eventwire/eventwire/internal/queue"
	"github.com/eventwire/eventwire/internal/queue/natstest"
	"github.com/eventwire/eventwire/internal/store"
	"github.com/eventwire/eventwire/internal/store/sqlite"
	"github.com/eventwire/eventwire/internal/worker"
)

var countries = map[string]string{"Armenia": "ARM", "Azerbaijan": "AZE", "Georgia": "GEO", "Sudan": "SDN", "China": "CHN", "Russia": "RUS"}

// toyAnalyze stands in for the language pipeline, which these tests do
// not exercise: sentences end at ". ", and a sentence naming two countries
// and the verb "met" is a CAMEO 040 (consult) event between them. A text
// containing "PANIC" makes it panic, as a parser bug would.
func toyAnalyze() load.Analyze {
	return func(doc ingest.Document) analyze.Result {
		if strings.Contains(doc.Text, "PANIC") {
			panic("index out of range in the toy parser")
		}
		var r analyze.Result
		r.Doc = doc
		start := 0
		for n := 1; start < len(doc.Text); n++ {
			end := strings.Index(doc.Text[start:], ". ")
			if end < 0 {
				end = len(doc.Text)
			} else {
				end += start + 1
			}
			s := doc.Text[start:end]
			r.Parsed.Sentences = append(r.Parsed.Sentences, nlp.Sentence{Text: s, Start: start, End: end})
			var found []string
			for _, w := range strings.Fields(s) {
				if c, ok := countries[strings.Trim(w, ".,")]; ok {
					found = append(found, c)
				}
			}
			if len(found) >= 2 && strings.Contains(s, " met ") {
				date := doc.Date
				if date.IsZero() {
					date = time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC)
				}
				r.Events = append(r.Events, event.Event{Sentence: n, Text: s, Source: found[0], Target: found[1],
					Code: "040", Root: "04", Base: "040", QuadClass: 1, Goldstein: 1, Date: date.Format("2006-01-02"),
					SourceSpan: event.Span{First: 1, Last: 1, Start: start, End: start + 1}, Rule: "toy:1"})
			}
			start = end + 1
		}
		return r
	}
}

var words = strings.Fields(`army talks border treaty minister president police court sanctions protest capital
	city north south river bridge election vote parliament leader envoy aid food water fuel market bank trade deal
	ceasefire troops rebels village region province harbour airport summit visit statement report officials week`)

// writeFeed writes n articles as JSON Lines: each of four sentences of
// random words, the second naming two countries that met; every fifth one
// re-published under another URL (a copy), plus the lines extra.
func writeFeed(t testing.TB, n int, extra ...string) string {
	r := rand.New(rand.NewPCG(3, uint64(n)))
	names := slices.Sorted(maps.Keys(countries))
	var b strings.Builder
	for i := range n {
		var text strings.Builder
		for s := range 4 {
			if s == 1 {
				fmt.Fprintf(&text, "%s met %s about the %s. ", names[r.IntN(len(names))], names[r.IntN(len(names))], words[r.IntN(len(words))])
				continue
			}
			for range 6 + r.IntN(8) {
				text.WriteString(words[r.IntN(len(words))] + " ")
			}
			fmt.Fprintf(&text, "number %d sentence %d. ", i, s)
		}
		day := fmt.Sprintf("2024-03-%02d", 1+i%9)
		line := fmt.Sprintf(`{"id":"a%d","url":"https://news.example/%d","source":"Example News","date":"%s","text":%q}`, i, i, day, strings.TrimSpace(text.String()))
		b.WriteString(line + "\n")
		if i%5 == 0 {
			b.WriteString(strings.Replace(line, "news.example", "mirror.example", 1) + "\n")
		}
	}
	for _, l := range extra {
		b.WriteString(l + "\n")
	}
	p := filepath.Join(t.TempDir(), "feed.jsonl")
	if err := os.WriteFile(p, []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

func openSQLite(t testing.TB) *sqlite.DB {
	st, err := sqlite.Open(context.Background(), filepath.Join(t.TempDir(), "events.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	return st
}

func openQueue(t testing.TB, url string, cfg queue.Config) *queue.Queue {
	t.Helper()
	cfg.URL = url
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	q, err := queue.Open(ctx, cfg)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(q.Close)
	return q
}

// snapshot is what two stores holding the same input must agree on.
type snapshot struct {
	Articles  []string       // stored article ids, sorted
	Copies    int64          // copies of stored articles
	Sentences int64          // stored sentences
	Mentions  map[string]int // article|sentence|source|target|code → mentions
	Events    map[string]int // event key source|target|base → its mentions, summed
}

func snapshotOf(t testing.TB, st store.Store) snapshot {
	t.Helper()
	ctx := context.Background()
	var s snapshot
	as, err := st.Articles(ctx, store.Filter{})
	if err != nil {
		t.Fatal(err)
	}
	for _, a := range as {
		s.Articles = append(s.Articles, a.ID)
	}
	slices.Sort(s.Articles)
	stats, err := st.Stats(ctx)
	if err != nil {
		t.Fatal(err)
	}
	s.Copies, s.Sentences = stats.Copies, stats.Sentences
	s.Mentions = map[string]int{}
	err = st.Mentions(ctx, store.Filter{}, func(m *store.StoredMention) error {
		e := &m.Event
		s.Mentions[fmt.Sprintf("%s|%d|%s|%s|%s|copy=%v", e.DocID, e.Sentence, e.Source, e.Target, e.Code, m.Copy)]++
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	s.Events = map[string]int{}
	err = st.Events(ctx, store.Filter{}, func(e *store.StoredEvent) error {
		s.Events[e.Event.Source+"|"+e.Event.Target+"|"+e.Event.Base] += e.NumMentions
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// sameStore fails the test when got and want differ, naming the first
// differences.
func sameStore(t testing.TB, got, want snapshot) {
	t.Helper()
	if len(want.Articles) == 0 || len(want.Mentions) == 0 {
		t.Fatalf("the reference store is empty: %d articles, %d mentions", len(want.Articles), len(want.Mentions))
	}
	if !slices.Equal(got.Articles, want.Articles) {
		t.Errorf("articles: %d stored, want %d (first difference: %s)", len(got.Articles), len(want.Articles), firstDiff(got.Articles, want.Articles))
	}
	if got.Copies != want.Copies || got.Sentences != want.Sentences {
		t.Errorf("copies %d, sentences %d; want %d, %d", got.Copies, got.Sentences, want.Copies, want.Sentences)
	}
	diffCounts(t, "mention", got.Mentions, want.Mentions)
	diffCounts(t, "event key", got.Events, want.Events)
}

func firstDiff(a, b []string) string {
	for i := range min(len(a), len(b)) {
		if a[i] != b[i] {
			return fmt.Sprintf("%q against %q at %d", a[i], b[i], i)
		}
	}
	return fmt.Sprintf("lengths %d and %d", len(a), len(b))
}

func diffCounts(t testing.TB, what string, got, want map[string]int) {
	t.Helper()
	n := 0
	for _, k := range slices.Sorted(maps.Keys(want)) {
		if got[k] != want[k] && n < 5 {
			t.Errorf("%s %s: %d, want %d", what, k, got[k], want[k])
			n++
		}
	}
	for _, k := range slices.Sorted(maps.Keys(got)) {
		if _, ok := want[k]; !ok && n < 5 {
			t.Errorf("%s %s: %d, want none", what, k, got[k])
			n++
		}
	}
}

// writeOpt is the store options of the tests: the copies of writeFeed are
// near duplicates (same text, another URL) and stored as copies.
var writeOpt = store.WriteOptions{Now: time.Date(2024, 3, 10, 12, 0, 0, 0, time.UTC)}

// reference ingests paths with one load.Run.
func reference(t testing.TB, st store.Store, newAnalyzer func() load.Analyze, paths []string, opt store.WriteOptions) snapshot {
	t.Helper()
	if _, err := load.Run(context.Background(), st, newAnalyzer, paths, load.Options{Workers: 2, Write: opt, Run: store.Run{ID: "reference"}}); err != nil {
		t.Fatal(err)
	}
	return snapshotOf(t, st)
}

func TestWorkerMatchesLoad(t *testing.T) {
	feed := writeFeed(t, 60)
	c := natstest.Start(t, 1)
	q := openQueue(t, c.URL(), queue.Config{})
	ctx := context.Background()
	if _, err := queue.PublishWalk(ctx, q, ingest.Walk, []string{feed}, nil); err != nil {
		t.Fatal(err)
	}
	st := openSQLite(t)
	sum, err := worker.Run(ctx, q, st, toyAnalyze, worker.Options{Workers: 2, BatchSize: 8, Wait: 200 * time.Millisecond, Drain: true, Write: writeOpt, Run: store.Run{ID: "w1"}})
	if err != nil {
		t.Fatal(err)
	}
	if sum.Received != 72 || sum.New != 60 || sum.Duplicate != 12 || sum.Dead != 0 || sum.Retried != 0 || sum.Batches < 9 {
		t.Errorf("summary: %s", sum)
	}
	if sum.LatencyP50 <= 0 || sum.LatencyP95 < sum.LatencyP50 {
		t.Errorf("latency p50 %s p95 %s", sum.LatencyP50, sum.LatencyP95)
	}
	sameStore(t, snapshotOf(t, st), reference(t, openSQLite(t), toyAnalyze, []string{feed}, writeOpt))
	qs, err := q.Status(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if qs.Published != 72 || qs.Done != 72 || qs.Waiting != 0 || qs.InFlight != 0 || qs.Dead != 0 {
		t.Errorf("queue status: %s", qs)
	}

	// Publishing and working the same input again adds nothing: the
	// duplicate window drops the messages.
	if ps, err := queue.PublishWalk(ctx, q, ingest.Walk, []string{feed}, nil); err != nil || ps.Published != 0 {
		t.Fatalf("re-publish: %s, %v", ps, err)
	}
}

// faultyStore fails writes of articles whose text contains "REJECT", and
// fails everything while down is set.
type faultyStore struct {
	store.Store
	down   atomic.Bool
	writes atomic.Int64
	// afterWrite, when set, runs after each successful write.
	afterWrite func()
}

var errDown = errors.New("connection refused")

func (s *faultyStore) Write(ctx context.Context, b *store.Batch, opt store.WriteOptions) (store.WriteResult, error) {
	if s.down.Load() {
		return store.WriteResult{}, fmt.Errorf("writing batch: %w", errDown)
	}
	for _, a := range b.Articles {
		if strings.Contains(a.Text, "REJECT") {
			return store.WriteResult{}, fmt.Errorf("writing article %s: invalid byte sequence", a.ID)
		}
	}
	res, err := s.Store.Write(ctx, b, opt)
	if err == nil {
		s.writes.Add(1)
		if s.afterWrite != nil {
			s.afterWrite()
		}
	}
	return res, err
}

func (s *faultyStore) Seen(ctx context.Context, id string, simhash uint64, words int, published time.Time, opt store.WriteOptions) (bool, string, error) {
	if s.down.Load() {
		return false, "", fmt.Errorf("looking up article: %w", errDown)
	}
	return s.Store.Seen(ctx, id, simhash, words, published, opt)
}

// Documents that keep failing end in the dead-letter stream with their
// reason, after MaxDeliver deliveries (a panicking analysis, an article the
// store rejects) or at once (a message that is not a job); the others are
// stored as if the bad ones were not there.
func TestDeadLetters(t *testing.T) {
	feed := writeFeed(t, 30,
		`{"id":"p1","url":"https://news.example/p1","text":"Armenia met Georgia. The parser hits a PANIC here."}`,
		`{"id":"r1","url":"https://news.example/r1","text":"Sudan met China. The store will REJECT this article."}`)
	good := writeFeed(t, 30)
	c := natstest.Start(t, 1)
	q := openQueue(t, c.URL(), queue.Config{MaxDeliver: 3, Backoff: []time.Duration{20 * time.Millisecond, 50 * time.Millisecond}})
	ctx := context.Background()
	if _, err := queue.PublishWalk(ctx, q, ingest.Walk, []string{feed}, nil); err != nil {
		t.Fatal(err)
	}
	if err := q.PublishRaw(ctx, "garbage", []byte("<html>not a job</html>")); err != nil {
		t.Fatal(err)
	}
	st := &faultyStore{Store: openSQLite(t)}
	var log strings.Builder
	sum, err := worker.Run(ctx, q, st, toyAnalyze, worker.Options{Workers: 2, BatchSize: 8, Wait: 100 * time.Millisecond, Drain: true,
		Write: writeOpt, Log: &log})
	if err != nil {
		t.Fatal(err)
	}
	if sum.Dead != 3 || sum.Retried != 4 || sum.New != 30 || sum.Duplicate != 6 {
		t.Errorf("summary: %s, want 3 dead, 4 retried (2 documents × 2), 30 new, 6 duplicate\n%s", sum, log.String())
	}
	reasons := map[string]string{}
	delivered := map[string]int{}
	err = q.DeadLetters(ctx, func(d queue.DeadLetter) error {
		id := "garbage"
		if j, err := queue.DecodeJob(d.Data); err == nil {
			id = j.DocID
		}
		reasons[id], delivered[id] = d.Reason, d.Delivered
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	for id, want := range map[string]string{"p1": "analysing: panic: index out of range", "r1": "storing: writing article", "garbage": "decoding job"} {
		if !strings.Contains(reasons[id], want) {
			t.Errorf("dead letter %s: reason %q, want one containing %q", id, reasons[id], want)
		}
	}
	if delivered["p1"] != 3 || delivered["r1"] != 3 || delivered["garbage"] != 1 {
		t.Errorf("deliveries of the dead letters: %v, want p1 3, r1 3, garbage 1", delivered)
	}
	sameStore(t, snapshotOf(t, st.Store), reference(t, openSQLite(t), toyAnalyze, []string{good}, writeOpt))
}

// A store that fails as a whole is waited for: nothing is handed back or
// given up, and everything is stored once it answers again.
func TestStoreOutage(t *testing.T) {
	feed := writeFeed(t, 40)
	c := natstest.Start(t, 1)
	q := openQueue(t, c.URL(), queue.Config{MaxDeliver: 2, AckWait: 2 * time.Second})
	ctx := context.Background()
	if _, err := queue.PublishWalk(ctx, q, ingest.Walk, []string{feed}, nil); err != nil {
		t.Fatal(err)
	}
	st := &faultyStore{Store: openSQLite(t)}
	var once sync.Once
	st.afterWrite = func() {
		once.Do(func() {
			st.down.Store(true)
			// Down for longer than the ack wait: the worker must keep its
			// deliveries from being redelivered.
			time.AfterFunc(3*time.Second, func() { st.down.Store(false) })
		})
	}
	sum, err := worker.Run(ctx, q, st, toyAnalyze, worker.Options{Workers: 2, BatchSize: 8, Wait: 100 * time.Millisecond, Drain: true, Write: writeOpt, Log: io.Discard})
	if err != nil {
		t.Fatal(err)
	}
	if sum.StoreRetries == 0 || sum.Dead != 0 || sum.Retried != 0 || sum.New != 40 || sum.Duplicate != 8 || sum.Received != 48 {
		t.Errorf("summary: %s, want store retries, nothing dead, handed back or received twice, 40 new, 8 duplicate", sum)
	}
	sameStore(t, snapshotOf(t, st.Store), reference(t, openSQLite(t), toyAnalyze, []string{feed}, writeOpt))
}

// A worker that dies between its commit and its acknowledgements leaves
// its deliveries to be redelivered; storing them again adds nothing.
func TestCrashBetweenCommitAndAck(t *testing.T) {
	feed := writeFeed(t, 40)
	c := natstest.Start(t, 1)
	cfg := queue.Config{AckWait: time.Second}
	ctx := context.Background()
	pub := openQueue(t, c.URL(), cfg)
	if _, err := queue.PublishWalk(ctx, pub, ingest.Walk, []string{feed}, nil); err != nil {
		t.Fatal(err)
	}
	// Redelivered documents come back after later ones, so which of two
	// near duplicates is stored as the article may change: exact
	// duplicates only.
	opt := writeOpt
	opt.NearDistance = -1
	st := &faultyStore{Store: openSQLite(t)}
	q1, err := queue.Open(ctx, queue.Config{URL: c.URL(), AckWait: time.Second})
	if err != nil {
		t.Fatal(err)
	}
	st.afterWrite = q1.Close // the connection is gone before the first acknowledgement
	sum1, err := worker.Run(ctx, q1, st, toyAnalyze, worker.Options{Workers: 1, BatchSize: 16, Wait: 100 * time.Millisecond, Drain: true, Write: opt, Log: io.Discard})
	if err == nil {
		t.Fatalf("the first worker went on after losing its connection: %s", sum1)
	}
	// It may commit the batch it had fetched ahead before it notices.
	stored1 := sum1.New + sum1.Duplicate
	if stored1 == 0 || stored1%16 != 0 {
		t.Fatalf("first worker: %s, want whole batches of 16 stored", sum1)
	}
	st.afterWrite = nil
	q2 := openQueue(t, c.URL(), cfg)
	sum2, err := worker.Run(ctx, q2, st, toyAnalyze, worker.Options{Workers: 1, BatchSize: 16, Wait: 100 * time.Millisecond, Drain: true, Write: opt, Log: io.Discard})
	if err != nil {
		t.Fatal(err)
	}
	if sum2.Already != stored1 || stored1+sum2.New+sum2.Duplicate != 48 {
		t.Errorf("second worker: %s, want the first worker's %d redelivered as already stored and 48 documents in all", sum2, stored1)
	}
	sameStore(t, snapshotOf(t, st.Store), reference(t, openSQLite(t), toyAnalyze, []string{feed}, opt))
}

// A worker stopped by its context (SIGTERM) hands back what it pulled but
// did not store; another worker stores it, nothing is lost or given up.
func TestGracefulStop(t *testing.T) {
	feed := writeFeed(t, 50)
	c := natstest.Start(t, 1)
	q := openQueue(t, c.URL(), queue.Config{MaxDeliver: 2})
	ctx := context.Background()
	if _, err := queue.PublishWalk(ctx, q, ingest.Walk, []string{feed}, nil); err != nil {
		t.Fatal(err)
	}
	// Released documents come back after those pulled later, so which of
	// two near duplicates is stored as the article may change: exact
	// duplicates only.
	opt := writeOpt
	opt.NearDistance = -1
	st := openSQLite(t)
	stop, cancel := context.WithCancel(ctx)
	sum1, err := worker.Run(stop, q, st, toyAnalyze, worker.Options{Workers: 2, BatchSize: 8, Wait: 100 * time.Millisecond, Write: opt,
		Progress: func(worker.Summary) { cancel() }})
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("stopped worker: %v, want context.Canceled", err)
	}
	// The batch that asked to stop is committed, and so are the
	// documents under analysis then; nothing else is pulled.
	if sum1.Batches < 1 || sum1.New+sum1.Duplicate < 8 || sum1.New+sum1.Duplicate >= 60 {
		t.Fatalf("stopped worker: %s, want the first batch and the documents under way committed, not all 60", sum1)
	}
	sum2, err := worker.Run(ctx, q, st, toyAnalyze, worker.Options{Workers: 2, BatchSize: 8, Wait: 100 * time.Millisecond, Drain: true, Write: opt})
	if err != nil {
		t.Fatal(err)
	}
	if sum2.Dead != 0 || sum1.New+sum1.Duplicate+sum2.New+sum2.Duplicate != 60 || sum2.Already != 0 {
		t.Errorf("after the stop: %s; before: %s; want the 60 documents stored once, none given up", sum2, sum1)
	}
	sameStore(t, snapshotOf(t, st), reference(t, openSQLite(t), toyAnalyze, []string{feed}, opt))
}
