package main

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/eventwire/eventwire/internal/store/open"
)

// TestNumberFlags: every numeric and duration flag out of its range is a
// usage error (status 2) naming the flag, before anything is opened.
func TestNumberFlags(t *testing.T) {
	db := filepath.Join(t.TempDir(), "ew.db")
	cases := []struct {
		args []string
		want string
	}{
		{[]string{"query", "--db", db, "--limit", "-5"}, "--limit: want zero or more, not -5"},
		{[]string{"query", "--db", db, "--after", "-1"}, "--after: want zero or more"},
		{[]string{"query", "--db", db, "--quad", "5"}, "--quad: want 0 to 4, not 5"},
		{[]string{"query", "--db", db, "--min-confidence", "1.2"}, "--min-confidence: want 0 to 1, not 1.2"},
		{[]string{"export", "--db", db, "--format", "jsonl", "--min-confidence", "-0.5"}, "--min-confidence: want 0 to 1, not -0.5"},
		{[]string{"ingest", "--db", db, "--workers", "-3", "x"}, "--workers: want zero or more, not -3"},
		{[]string{"ingest", "--db", db, "--batch", "0", "x"}, "--batch: want at least 1, not 0"},
		{[]string{"ingest", "--db", db, "--near-distance", "-2", "x"}, "--near-distance: want -1 to 7, not -2"},
		{[]string{"ingest", "--db", db, "--near-days", "-1", "x"}, "--near-days: want zero or more"},
		{[]string{"ingest", "--db", db, "--event-window", "-1", "x"}, "--event-window: want zero or more"},
		{[]string{"ingest", "--db", db, "--timeout", "0s", "x"}, "--timeout: want at least 1ms, not 0s"},
		{[]string{"ingest", "--db", db, "--host-delay", "-1s", "x"}, "--host-delay: want zero or more"},
		{[]string{"ingest", "--db", db, "--retries", "-1", "x"}, "--retries: want zero or more"},
		{[]string{"ingest", "--db", db, "--max-page-bytes", "0", "x"}, "--max-page-bytes: want at least 1"},
		{[]string{"serve", "--db", db, "--timeout", "-1s"}, "--timeout: want at least 1ms, not -1s"},
		{[]string{"serve", "--db", db, "--code-timeout", "0s"}, "--code-timeout: want at least 1ms"},
		{[]string{"serve", "--db", db, "--cache-ttl", "-2s"}, "--cache-ttl: want zero or more"},
		{[]string{"export", "--db", db, "--row-group", "0"}, "--row-group: want at least 1"},
		{[]string{"code", "--workers", "-1", "x.txt"}, "--workers: want zero or more"},
		{[]string{"code", "--historical-window", "-1h", "x.txt"}, "--historical-window: want zero or more"},
		{[]string{"worker", "--queue", "nats://127.0.0.1:1", "--batch", "-4"}, "--batch: want at least 1, not -4"},
		{[]string{"worker", "--queue", "nats://127.0.0.1:1", "--ack-wait", "10ms"}, "--ack-wait: want at least 1s"},
		{[]string{"worker", "--queue", "nats://127.0.0.1:1", "--status", "-1s"}, "--status: want zero or more"},
		{[]string{"corpusgen", "--out", "x", "--republished", "1.5"}, "--republished: want 0 to 1, not 1.5"},
		{[]string{"corpusgen", "--out", "x", "--articles", "0"}, "--articles: want at least 1"},
	}
	for _, tc := range cases {
		code, _, errOut := runCLI(t, tc.args...)
		if code != 2 || !strings.Contains(errOut, tc.want) {
			t.Errorf("%v: exit %d, stderr %q, want 2 and %q", tc.args, code, errOut, tc.want)
		}
	}
	if _, err := os.Stat(db); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("a refused command created %s", db)
	}
}

// TestReadOnlyCommandsNeedAStore: stats, query, export and serve refuse a
// --db with no store behind it instead of creating an empty one.
func TestReadOnlyCommandsNeedAStore(t *testing.T) {
	typo := filepath.Join(t.TempDir(), "typo.db")
	for _, args := range [][]string{
		{"stats", "--db", typo},
		{"stats", "--db", typo, "--json"},
		{"query", "--db", typo, "--code", "19"},
		{"export", "--db", typo, "--format", "jsonl"},
		{"serve", "--db", typo, "--addr", "127.0.0.1:0"},
	} {
		code, out, errOut := runCLI(t, args...)
		want := "no store at " + typo + "; ingest creates one"
		if code != 1 || !strings.Contains(errOut, want) || out != "" {
			t.Errorf("%v: exit %d, stdout %q, stderr %q, want 1 and %q", args, code, out, errOut, want)
		}
		if _, err := os.Stat(typo); !errors.Is(err, os.ErrNotExist) {
			t.Fatalf("%v created %s", args, typo)
		}
	}
	// An existing (empty) store is read.
	st, err := open.Store(context.Background(), typo)
	if err != nil {
		t.Fatal(err)
	}
	st.Close()
	if code, out, errOut := runCLI(t, "stats", "--db", typo); code != 0 || !strings.Contains(out, "articles   0") {
		t.Errorf("stats of an empty store: exit %d, %q %q", code, out, errOut)
	}
}

// TestQueryTextSyntax: a full-text query FTS5 cannot read is a usage error
// in the query's terms, not "SQL logic error: unterminated string (1)".
func TestQueryTextSyntax(t *testing.T) {
	db := filepath.Join(t.TempDir(), "ew.db")
	st, err := open.Store(context.Background(), db)
	if err != nil {
		t.Fatal(err)
	}
	st.Close()
	for _, tc := range []struct{ text, want string }{
		{`"army`, `--text: text query "\"army": a phrase opened with " is not closed`},
		{`army OR`, "ends too early"},
		{`(army`, `a "(" is not closed`},
	} {
		code, _, errOut := runCLI(t, "query", "--db", db, "--text", tc.text)
		if code != 2 || !strings.Contains(errOut, tc.want) || strings.Contains(errOut, "SQL") {
			t.Errorf("query --text %q: exit %d, stderr %q, want 2 and %q", tc.text, code, errOut, tc.want)
		}
	}
	if code, _, errOut := runCLI(t, "query", "--db", db, "--text", "army"); code != 0 {
		t.Errorf("query --text army: exit %d %s", code, errOut)
	}
}
