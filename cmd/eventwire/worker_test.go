package main

import (
	"context"
	"path/filepath"
	"strings"
	"testing"

	"github.com/eventwire/eventwire/internal/queue"
	"github.com/eventwire/eventwire/internal/queue/natstest"
)

// ingest --queue then eventwire worker --drain store the sample corpus as
// ingest does; the queue command shows it done.
func TestPublishAndWorker(t *testing.T) {
	c := natstest.Start(t, 1)
	code, out, errOut := runCLI(t, "ingest", "--queue", c.URL(), "../../examples/corpus")
	if code != 0 || !strings.Contains(out, "20 articles read: 20 queued, 0 already queued, 0 skipped") {
		t.Errorf("ingest --queue: exit %d %q\n%s", code, out, errOut)
	}
	code, out, errOut = runCLI(t, "ingest", "--queue", c.URL(), "../../examples/corpus")
	if code != 0 || !strings.Contains(out, "0 queued, 20 already queued") {
		t.Errorf("ingest --queue again: exit %d %q\n%s", code, out, errOut)
	}
	if code, _, _ := runCLI(t, "ingest", "--queue", c.URL(), "--watch", "1m", "../../examples/corpus"); code != 2 {
		t.Errorf("ingest --queue --watch: exit %d, want 2 (usage)", code)
	}

	q, err := queue.Open(context.Background(), queue.Config{URL: c.URL()})
	if err != nil {
		t.Fatal(err)
	}
	defer q.Close()
	if err := q.PublishRaw(context.Background(), "junk-1", []byte("not a job")); err != nil {
		t.Fatal(err)
	}

	db := filepath.Join(t.TempDir(), "events.db")
	code, stdout, stderr := runCLI(t, "worker", "--queue", c.URL(), "--db", db, "--drain", "--workers", "1", "--batch", "8", "--status", "0")
	if code != 0 || !strings.Contains(stdout, "21 received: 19 new, 1 duplicate, 0 already stored, 0 retried, 1 dead") {
		t.Fatalf("worker: exit %d\n%s\n%s", code, stdout, stderr)
	}
	code, stdout, stderr = runCLI(t, "queue", "--queue", c.URL())
	if code != 0 || !strings.Contains(stdout, "done         21") || !strings.Contains(stdout, "dead         1") {
		t.Errorf("queue: exit %d\n%s\n%s", code, stdout, stderr)
	}
	code, stdout, stderr = runCLI(t, "queue", "--queue", c.URL(), "--dead")
	if code != 0 || !strings.HasPrefix(stdout, "21\t1\t?\tdecoding job: invalid character") {
		t.Errorf("queue --dead: exit %d\n%s\n%s", code, stdout, stderr)
	}
	code, stdout, _ = runCLI(t, "stats", "--db", db, "--queue", c.URL())
	if code != 0 || !strings.Contains(stdout, "articles   19 (20 copies)") ||
		!strings.Contains(stdout, "queue      0 waiting, 0 in flight (0 redelivered), 21 done, 1 dead") {
		t.Errorf("stats after the worker:\n%s", stdout)
	}
	code, js, _ := runCLI(t, "stats", "--db", db, "--queue", c.URL(), "--json")
	if code != 0 || !strings.Contains(js, `"articles": 19`) || !strings.Contains(js, `"dead": 1`) {
		t.Errorf("stats --json after the worker:\n%s", js)
	}
	// The same corpus ingested directly stores the same events.
	direct := filepath.Join(t.TempDir(), "direct.db")
	if code, _, stderr := runCLI(t, "ingest", "--db", direct, "--workers", "1", "../../examples/corpus"); code != 0 {
		t.Fatalf("ingest: %s", stderr)
	}
	_, want, _ := runCLI(t, "stats", "--db", direct)
	line := func(s, key string) string {
		for _, l := range strings.Split(s, "\n") {
			if strings.HasPrefix(l, key) {
				return l
			}
		}
		return ""
	}
	for _, key := range []string{"articles", "sentences", "events", "mentions"} {
		if line(stdout, key) != line(want, key) {
			t.Errorf("worker store %q, ingest store %q", line(stdout, key), line(want, key))
		}
	}
	// The queue path and the direct path go through the same stage
	// (internal/intake): their exports are the same bytes, the article
	// knowledge included.
	for _, format := range []string{"jsonl", "gkg"} {
		code, viaQueue, errQ := runCLI(t, "export", "--db", db, "--format", format)
		code2, direct, errD := runCLI(t, "export", "--db", direct, "--format", format)
		if code != 0 || code2 != 0 {
			t.Fatalf("export --format %s: exit %d (worker store) %q, %d (ingest store) %q", format, code, errQ, code2, errD)
		}
		if strings.Count(direct, "\n") < 19 {
			t.Fatalf("export --format %s of the ingest store: %d lines, want at least one per article", format, strings.Count(direct, "\n"))
		}
		if viaQueue != direct {
			t.Errorf("export --format %s: the worker store's %d bytes differ from the ingest store's %d at byte %d",
				format, len(viaQueue), len(direct), firstByteDiff(viaQueue, direct))
		}
	}

	for _, args := range [][]string{{"worker"}, {"worker", "--queue", c.URL(), "extra"}, {"queue"}} {
		if code, _, _ := runCLI(t, args...); code != 2 {
			t.Errorf("%v: exit %d, want 2 (usage)", args, code)
		}
	}
}

// firstByteDiff returns the offset of the first byte where a and b differ.
func firstByteDiff(a, b string) int {
	for i := range min(len(a), len(b)) {
		if a[i] != b[i] {
			return i
		}
	}
	return min(len(a), len(b))
}
