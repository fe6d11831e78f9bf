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
	if code != 1 || !strings.Contains(errOut, "1 input skipped as unreadable") {
		t.Fatalf("ingest: status %d, want 1 (broken.txt is unreadable): %s", code, errOut)
	}
	if want := fmt.Sprintf("%d articles read: %d new, 2 duplicate, 0 already stored, 1 skipped (bad header 1)", read, stored); !strings.Contains(out, want) {
		t.Errorf("ingest summary: %s\nwant %s", out, want)
	}
	if !strings.Contains(errOut, "broken.txt") {
		t.Errorf("skipped file not reported: %s", errOut)
	}
	code, out, _ = runCLI(t, "ingest", "--db", db, "--workers", "1", "../../examples/corpus", dir)
	if code != 1 || !strings.Contains(out, fmt.Sprintf("0 new, 0 duplicate, %d already stored", read)) {
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
	// Every coded event carries its confidence: --min-confidence keeps
	// those at or above it, and the listing shows it.
	code, out, errOut = runCLI(t, "query", "--db", db, "--min-confidence", "0.5", "--format", "json")
	var confident []map[string]any
	if code != 0 || json.Unmarshal([]byte(out), &confident) != nil || len(confident) > events {
		t.Errorf("query --min-confidence 0.5: %d %s %s", code, out, errOut)
	}
	for _, r := range confident {
		if c, ok := r["event_confidence"].(float64); !ok || c < 0.5 {
			t.Errorf("query --min-confidence 0.5 lists %v", r)
		}
	}
	code, out, errOut = runCLI(t, "query", "--db", db, "--min-confidence", "0.001", "--format", "csv")
	if rows := strings.Count(out, "\n") - 1; code != 0 || rows < len(confident) || rows < 1 {
		t.Errorf("query --min-confidence 0.001: %d rows, %d at 0.5 (%s)", rows, len(confident), errOut)
	}
	// ingest keeps each article's knowledge: the truce and ceasefire
	// articles carry the CEASEFIRE theme, the court ruling does not.
	code, out, errOut = runCLI(t, "query", "--db", db, "--theme", "CEASEFIRE", "--format", "csv")
	if rows := strings.Count(out, "\n") - 1; code != 0 || rows < 1 || rows >= events || strings.Contains(out, "006-court") {
		t.Errorf("query --theme CEASEFIRE: %d rows of %d events (%s)\n%s", rows, events, errOut, out)
	}
	code, out, errOut = runCLI(t, "query", "--db", db, "--count-by", "month", "--format", "json")
	var months []map[string]any
	if code != 0 || json.Unmarshal([]byte(out), &months) != nil || len(months) == 0 {
		t.Errorf("count by month: %d %s %s", code, out, errOut)
	}
	if code, _, errOut = runCLI(t, "query", "--db", db, "--count-by", "year"); code != 2 {
		t.Errorf("bad --count-by: %d %s", code, errOut)
	}
	if code, _, errOut = runCLI(t, "query", "--db", db, "--sort", "tone"); code != 2 {
		t.Errorf("bad --sort: %d %s", code, errOut)
	}
	// Series carry the average tone of the events' articles.
	code, out, errOut = runCLI(t, "query", "--db", db, "--count-by", "month", "--format", "csv")
	if code != 0 || !strings.HasPrefix(out, "month,events,mentions,avg_goldstein,avg_tone\n") {
		t.Errorf("count by month: %d %s %s", code, out, errOut)
	}
	// Events at the most frequent action place, found by its name, newest
	// first, in pages of one.
	code, out, errOut = runCLI(t, "query", "--db", db, "--aggregate", "places", "--limit", "1", "--format", "json")
	var places []map[string]any
	if code != 0 || json.Unmarshal([]byte(out), &places) != nil || len(places) != 1 || places[0]["lat"] == "" {
		t.Fatalf("top place: %d %s %s", code, out, errOut)
	}
	name, _, _ := strings.Cut(places[0]["name"].(string), ",")
	n := int(places[0]["events"].(float64))
	code, out, errOut = runCLI(t, "query", "--db", db, "--place", name, "--sort", "-date", "--format", "json")
	var atPlace []map[string]any
	if code != 0 || json.Unmarshal([]byte(out), &atPlace) != nil || len(atPlace) < n {
		t.Fatalf("--place %q: %d events, want at least %d: %s %s", name, len(atPlace), n, out, errOut)
	}
	for i := 1; i < len(atPlace); i++ {
		if atPlace[i]["date"].(string) > atPlace[i-1]["date"].(string) {
			t.Errorf("--sort -date: %v after %v", atPlace[i]["date"], atPlace[i-1]["date"])
		}
	}
	after := fmt.Sprint(int64(atPlace[0]["id"].(float64)))
	code, out, errOut = runCLI(t, "query", "--db", db, "--place", name, "--sort", "-date", "--after", after, "--limit", "1", "--format", "json")
	var page []map[string]any
	if len(atPlace) > 1 && (code != 0 || json.Unmarshal([]byte(out), &page) != nil || len(page) != 1 || page[0]["id"] != atPlace[1]["id"]) {
		t.Errorf("--after %s: %s %s, want event %v", after, out, errOut, atPlace[1]["id"])
	}
	code, out, errOut = runCLI(t, "query", "--db", db, "--aggregate", "countries", "--format", "csv")
	if code != 0 || !strings.HasPrefix(out, "country,events,mentions,avg_goldstein\n") || strings.Count(out, "\n") < 2 {
		t.Errorf("countries: %d %s %s", code, out, errOut)
	}
	if code, out, _ = runCLI(t, "query", "--db", db, "--theme", "protest", "--format", "csv"); code != 0 || !strings.HasPrefix(out, "id,date,") || !strings.Contains(out, ",tone,event_confidence\n") {
		t.Errorf("--theme: %d %s", code, out)
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
