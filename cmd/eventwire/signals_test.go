package main

import (
	"bytes"
	"context"
	"database/sql"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/eventwire/eventwire/internal/queue/natstest"
	"github.com/eventwire/eventwire/internal/store/open"
)

// TestHelperCLI is the eventwire process the signal tests start and
// signal; it does nothing unless started by them.
func TestHelperCLI(t *testing.T) {
	args := os.Getenv("EVENTWIRE_HELPER_ARGS")
	if args == "" {
		t.Skip("helper process of TestIngestSignals")
	}
	os.Exit(run(strings.Split(args, "\x1f"), os.Stdout, os.Stderr))
}

// signalCorpus writes n distinct one-paragraph reports to a new directory.
func signalCorpus(t *testing.T, n int) string {
	dir := t.TempDir()
	actors := []string{"Sudan", "Chad", "Egypt", "Kenya", "Ethiopia", "Uganda", "Libya", "Niger"}
	for i := 0; i < n; i++ {
		a, b := actors[i%len(actors)], actors[(i/len(actors)+i+1)%len(actors)]
		text := fmt.Sprintf("Title: Report %d\nDate: 2024-03-%02d\n\n%s accused %s of shelling border village number %d on Monday. Officials said talks would resume.\n", i, 1+i%28, a, b, i)
		if err := os.WriteFile(filepath.Join(dir, fmt.Sprintf("r%04d.txt", i)), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// storedArticles counts the articles of the SQLite store at path, read
// only (0 while the store does not exist yet).
func storedArticles(path string) int {
	if _, err := os.Stat(path); err != nil {
		return 0
	}
	db, err := sql.Open("sqlite", "file:"+path+"?mode=ro")
	if err != nil {
		return 0
	}
	defer db.Close()
	var n int
	db.QueryRow("SELECT count(*) FROM articles").Scan(&n)
	return n
}

// startIngest starts eventwire ingest in a helper process and waits until
// it has committed articles.
func startIngest(t *testing.T, db, corpus string) (*exec.Cmd, *bytes.Buffer, *bytes.Buffer) {
	t.Helper()
	return startWriting(t, db, "ingest", "--db", db, "--workers", "1", "--batch", "4", "--no-geo", corpus)
}

// startWriting starts eventwire with args in a helper process and waits
// until the store db holds an article; it returns the process and its
// standard output and error.
func startWriting(t *testing.T, db string, args ...string) (*exec.Cmd, *bytes.Buffer, *bytes.Buffer) {
	t.Helper()
	cmd := exec.Command(os.Args[0], "-test.run=^TestHelperCLI$")
	cmd.Env = append(os.Environ(), "EVENTWIRE_HELPER_ARGS="+strings.Join(args, "\x1f"))
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	deadline := time.Now().Add(2 * time.Minute)
	for storedArticles(db) == 0 {
		if time.Now().After(deadline) {
			cmd.Process.Kill()
			cmd.Wait()
			t.Fatalf("no article committed after 2 minutes: %s", stderr.String())
		}
		time.Sleep(20 * time.Millisecond)
	}
	return cmd, &stdout, &stderr
}

// TestIngestSignals: the first SIGTERM stops ingest taking documents; it
// commits those under way, prints its summary and exits 1 within seconds,
// and a re-run completes the store to what one uninterrupted run makes. Two
// signals end it at once with status 128+15.
func TestIngestSignals(t *testing.T) {
	if testing.Short() {
		t.Skip("starts processes that load the language models")
	}
	const n = 200
	corpus := signalCorpus(t, n)
	ctx := context.Background()
	stats := func(path string) string {
		st, err := open.Existing(ctx, path)
		if err != nil {
			t.Fatal(err)
		}
		defer st.Close()
		s, err := st.Stats(ctx)
		if err != nil {
			t.Fatal(err)
		}
		return fmt.Sprintf("%d articles, %d copies, %d sentences, %d events, %d mentions", s.Articles, s.Copies, s.Sentences, s.Events, s.Mentions)
	}

	db := filepath.Join(t.TempDir(), "ew.db")
	cmd, stdout, stderr := startIngest(t, db, corpus)
	sent := time.Now()
	cmd.Process.Signal(syscall.SIGTERM)
	err := cmd.Wait()
	took := time.Since(sent)
	code := cmd.ProcessState.ExitCode()
	t.Logf("SIGTERM: exit %d after %s; %s", code, took.Round(time.Millisecond), strings.TrimSpace(stdout.String()))
	if code != 1 || !strings.Contains(stdout.String(), "articles read: ") || !strings.Contains(stderr.String(), "interrupted: terminated") {
		t.Fatalf("after SIGTERM: %v, exit %d; stdout %q; stderr %q; want 1, the summary and the interruption said", err, code, stdout, stderr)
	}
	if took > 5*time.Second {
		t.Errorf("ingest took %s to stop after SIGTERM", took)
	}
	var read, stored int
	fmt.Sscanf(stdout.String(), "%d articles read: %d new", &read, &stored)
	if got := storedArticles(db); got != stored || got == 0 || got >= n {
		t.Errorf("after SIGTERM the store holds %d articles, the summary says %d new of %d read (corpus %d): want them equal, not 0 and not all", got, stored, read, n)
	}
	if code, out, errOut := runCLI(t, "ingest", "--db", db, "--workers", "1", "--no-geo", corpus); code != 0 {
		t.Fatalf("re-run: exit %d %s %s", code, out, errOut)
	}
	ref := filepath.Join(t.TempDir(), "ref.db")
	if code, out, errOut := runCLI(t, "ingest", "--db", ref, "--workers", "1", "--no-geo", corpus); code != 0 {
		t.Fatalf("reference run: exit %d %s %s", code, out, errOut)
	}
	if got, want := stats(db), stats(ref); got != want {
		t.Errorf("interrupted and re-run: %s; one run: %s", got, want)
	}

	// Two signals: the second ends the process at once, with the status
	// a shell gives a process the signal killed. (Two pending SIGTERMs
	// would merge into one: the test sends two different signals.)
	db2 := filepath.Join(t.TempDir(), "ew2.db")
	cmd, _, stderr = startIngest(t, db2, corpus)
	cmd.Process.Signal(syscall.SIGTERM)
	cmd.Process.Signal(syscall.SIGINT)
	cmd.Wait()
	if code := cmd.ProcessState.ExitCode(); (code != 128+int(syscall.SIGTERM) && code != 128+int(syscall.SIGINT)) || !strings.Contains(stderr.String(), "stopping at once") {
		t.Errorf("SIGTERM and SIGINT: exit %d, stderr %q; want %d or %d", code, stderr, 128+int(syscall.SIGTERM), 128+int(syscall.SIGINT))
	}
	if s := stats(db2); !strings.Contains(s, "articles") {
		t.Errorf("store after two signals: %s", s)
	}
}

// TestWorkerSignal: SIGTERM makes worker commit what it was analysing,
// print its summary and exit 1; a worker started after it stores the rest,
// every document once.
func TestWorkerSignal(t *testing.T) {
	if testing.Short() {
		t.Skip("starts processes that load the language models")
	}
	const n = 120
	corpus := signalCorpus(t, n)
	c := natstest.Start(t, 1)
	if code, out, errOut := runCLI(t, "ingest", "--queue", c.URL(), corpus); code != 0 {
		t.Fatalf("ingest --queue: exit %d %s %s", code, out, errOut)
	}
	db := filepath.Join(t.TempDir(), "ew.db")
	cmd, stdout, stderr := startWriting(t, db, "worker", "--queue", c.URL(), "--db", db, "--workers", "1", "--batch", "4", "--no-geo", "--status", "0")
	sent := time.Now()
	cmd.Process.Signal(syscall.SIGTERM)
	cmd.Wait()
	took := time.Since(sent)
	code := cmd.ProcessState.ExitCode()
	t.Logf("SIGTERM: exit %d after %s; %s", code, took.Round(time.Millisecond), strings.TrimSpace(stdout.String()))
	if code != 1 || !strings.Contains(stdout.String(), "received: ") || !strings.Contains(stderr.String(), "interrupted: terminated") {
		t.Fatalf("worker after SIGTERM: exit %d; stdout %q; stderr %q; want 1, the summary and the interruption said", code, stdout.String(), stderr.String())
	}
	if took > 10*time.Second {
		t.Errorf("worker took %s to stop after SIGTERM", took)
	}
	first := storedArticles(db)
	if first == 0 || first >= n {
		t.Errorf("the stopped worker stored %d articles of %d", first, n)
	}
	code, out, errOut := runCLI(t, "worker", "--queue", c.URL(), "--db", db, "--workers", "1", "--no-geo", "--drain", "--status", "0")
	if code != 0 || !strings.Contains(out, " 0 dead") {
		t.Fatalf("draining worker: exit %d %s %s", code, out, errOut)
	}
	if code, out, _ := runCLI(t, "stats", "--db", db); code != 0 || !strings.Contains(out, fmt.Sprintf("(%d copies)", n)) {
		t.Errorf("after the stop and a draining worker: %s; want the %d documents stored once", out, n)
	}
}
