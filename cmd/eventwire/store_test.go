package main

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestStoreCommands ingests the sample corpus plus a copy, a malformed
// file and a gzip feed, then reads the store back with stats, query and
// export.
func TestStoreCommands(t *testing.T) {
	if testing.Short() {
		t.Skip("loads the language models")
	}
	dir := t.TempDir()
	db := filepath.Join(t.TempDir(), "ew.db")
	sample, err := os.ReadFile("../../examples/corpus/003-sudan-clashes.txt")
	if err != nil {
		t.Fatal(err)
	}
	// The same report re-published under another URL with tracking noise.
	cp := strings.Replace(string(sample), "URL: https://", "URL: https://mobile.mirror.", 1)
	os.WriteFile(filepath.Join(dir, "copy.txt"), []byte(cp), 0o644)
	os.WriteFile(filepath.Join(dir, "broken.txt"), []byte("Date: someday\n\nText."), 0o644)

	files, err := filepath.Glob("../../examples/corpus/*.txt")
	if err != nil {
		t.Fatal(err)
	}
	// The sample corpus holds one wire copy of another article
	// (020-karabakh-offensive-wire.txt); copy.txt is the second duplicate.
	read, stored := len(files)+1, len(files)-1
	code, out, errOut := runCLI(t, "ingest", "--db", db, "--workers", "1", "../../examples/corpus", dir)
	if code != 0 {
		t.Fatalf("ingest: %d %s", code, errOut)
	}
	if want := fmt.Sprintf("%d articles read: %d new, 2 duplicate, 0 already stored, 1 skipped (bad header 1)", read, stored); !strings.Contains(out, want) {
		t.Errorf("ingest summary: %s\nwant %s", out, want)
	}
	if !strings.Contains(errOut, "broken.txt") {
		t.Errorf("skipped file not reported: %s", errOut)
	}
	code, out, _ = runCLI(t, "ingest", "--db", db, "--workers", "1", "../../examples/corpus", dir)
	if code != 0 || !strings.Contains(out, fmt.Sprintf("0 new, 0 duplicate, %d already stored", read)) {
		t.Errorf("re-ingest: %d %s", code, out)
	}

	code, out, errOut = runCLI(t, "stats", "--db", db, "--json")
	if code != 0 {
		t.Fatalf("stats: %s", errOut)
	}
	var st map[string]any
	if err := json.Unmarshal([]byte(out), &st); err != nil {
		t.Fatalf("stats --json: %v\n%s", err, out)
	}
	for _, k := range []string{"articles", "events", "mentions", "sources"} {
		if _, ok := st[k]; !ok {
			t.Errorf("stats --json lacks %q: %s", k, out)
		}
	}
	if int(st["articles"].(float64)) != stored || int(st["copies"].(float64)) != read {
		t.Errorf("stats: %s", out)
	}
	events := int(st["events"].(float64))

	code, out, errOut = runCLI(t, "query", "--db", db, "--format", "csv")
	if code != 0 || strings.Count(out, "\n") != events+1 {
		t.Errorf("query csv: %d rows for %d events (%s)\n%s", strings.Count(out, "\n")-1, events, errOut, out)
	}
	code, out, errOut = runCLI(t, "query", "--db", db, "--count-by", "month", "--format", "json")
	var months []map[string]any
	if code != 0 || json.Unmarshal([]byte(out), &months) != nil || len(months) == 0 {
		t.Errorf("count by month: %d %s %s", code, out, errOut)
	}
	if code, _, errOut = runCLI(t, "query", "--db", db, "--count-by", "year"); code != 2 {
		t.Errorf("bad --count-by: %d %s", code, errOut)
	}
	for _, f := range []string{"jsonl", "gdelt-events", "gdelt-mentions"} {
		code, out, errOut = runCLI(t, "export", "--db", db, "--format", f)
		if code != 0 || out == "" {
			t.Errorf("export %s: %d %s", f, code, errOut)
		}
		if f == "gdelt-events" {
			for _, line := range strings.Split(strings.TrimSpace(out), "\n") {
				if n := len(strings.Split(line, "\t")); n != 61 {
					t.Errorf("gdelt-events row with %d columns", n)
					break
				}
			}
		}
	}
}
