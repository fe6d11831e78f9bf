package main

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/eventwire/eventwire/internal/dedup"
	"github.com/eventwire/eventwire/internal/event"
	"github.com/eventwire/eventwire/internal/export"
	"github.com/eventwire/eventwire/internal/store"
	"github.com/eventwire/eventwire/internal/store/sqlite"
)

// exportStore writes a store of two articles with one event each, on
// 2024-03-01 (CAMEO 112, PLOVER ACCUSE) and 2024-04-10 (CAMEO 020, which
// PLOVER drops).
func exportStore(t *testing.T) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "ew.db")
	db, err := sqlite.Open(context.Background(), path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	var arts []store.Article
	for _, a := range []struct{ url, text, code, date string }{
		{"https://a.example/1", "China accused the United States of interference on Friday in a statement from Beijing.", "112", "2024-03-01"},
		{"https://b.example/2", "The United Nations appealed to China to show restraint over the island on Wednesday.", "020", "2024-04-10"},
	} {
		h, n := dedup.SimHash(a.text)
		id := dedup.ArticleID(a.url, a.text)
		e := event.Event{DocID: id, URL: a.url, Sentence: 1, Text: a.text, Source: "CHN", Target: "USA", Code: a.code, Date: a.date,
			SourceSpan: event.Span{Start: 0, End: 5, First: 1, Last: 1, Text: "China"}, VerbSpan: event.Span{Start: 6, End: 14, First: 2, Last: 2}}
		if err := event.Complete(&e); err != nil {
			t.Fatal(err)
		}
		p, _ := time.Parse("2006-01-02", a.date)
		arts = append(arts, store.Article{ID: id, CanonicalURL: dedup.CanonicalURL(a.url), URL: a.url, Published: p, Text: a.text,
			SimHash: h, Words: n, Sentences: []store.Sentence{{Start: 0, End: len(a.text)}}, Events: []event.Event{e}, Analyzed: true})
	}
	if _, err := db.Write(context.Background(), &store.Batch{Run: store.Run{ID: "t"}, Articles: arts}, store.WriteOptions{}); err != nil {
		t.Fatal(err)
	}
	return path
}

func TestExportCommand(t *testing.T) {
	db := exportStore(t)
	tests := []struct {
		args  []string
		code  int
		lines int    // lines on stdout
		in    string // in stdout
		err   string // in stderr
	}{
		{[]string{"--format", "jsonl"}, 0, 2, `"code":"112"`, ""},
		{[]string{"--format", "jsonl", "--from", "2024-04-01", "--to", "2024-04-30"}, 0, 1, `"code":"020"`, ""},
		{[]string{"--format", "gdelt-events", "--to", "2024-03-31"}, 0, 1, "\t112\t", ""},
		{[]string{"--format", "gdelt-mentions"}, 0, 2, "a.example", ""},
		{[]string{"--format", "plover"}, 0, 1, `"event_type":"ACCUSE"`, "1 events of the CAMEO 01 and 02 families not exported"},
		{[]string{"--format", "csv"}, 2, 0, "", "--format: want gdelt-events, gdelt-mentions, gkg, plover, jsonl, parquet"},
		{[]string{"--format", "parquet", "--row-group", "0"}, 2, 0, "", "--row-group"},
	}
	for _, tt := range tests {
		t.Run(strings.Join(tt.args, " "), func(t *testing.T) {
			code, out, errOut := runCLI(t, append([]string{"export", "--db", db}, tt.args...)...)
			if code != tt.code || strings.Count(out, "\n") != tt.lines || !strings.Contains(out, tt.in) || !strings.Contains(errOut, tt.err) {
				t.Errorf("exit %d, stdout %q, stderr %q; want exit %d, %d lines with %q, stderr with %q", code, out, errOut, tt.code, tt.lines, tt.in, tt.err)
			}
		})
	}
	if code, out, _ := runCLI(t, "export", "--db", db, "--format", "plover"); code == 0 {
		var rec map[string]any
		if err := json.Unmarshal([]byte(out), &rec); err != nil || rec["date"] != "2024-03-01" {
			t.Errorf("plover record %v: %s", err, out)
		}
	}
}

func TestExportParquetFile(t *testing.T) {
	db := exportStore(t)
	out := filepath.Join(t.TempDir(), "events.parquet")
	code, stdout, errOut := runCLI(t, "export", "--db", db, "--format", "parquet", "--from", "2024-03-01", "--to", "2024-03-31", "--out", out)
	if code != 0 || stdout != "" || !strings.Contains(errOut, "1 records") {
		t.Fatalf("exit %d, stdout %q, stderr %q", code, stdout, errOut)
	}
	f, err := os.Open(out)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	fi, _ := f.Stat()
	var codes []string
	if err := export.ReadParquet(f, fi.Size(), func(r *export.ParquetEvent) error {
		codes = append(codes, r.Code+" "+r.Day())
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	if strings.Join(codes, ",") != "112 2024-03-01" {
		t.Errorf("rows %v", codes)
	}
	// A failed export leaves no file behind.
	bad := filepath.Join(t.TempDir(), "bad.parquet")
	if code, _, _ := runCLI(t, "export", "--db", db, "--format", "gkg", "--from", "someday", "--out", bad); code == 0 {
		t.Error("a bad date was accepted")
	}
	if _, err := os.Stat(bad); !os.IsNotExist(err) {
		t.Errorf("failed export left %s: %v", bad, err)
	}
}
