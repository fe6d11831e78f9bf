package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/eventwire/eventwire/internal/gkg"
)

func TestGKGCommand(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(dir, "a.txt")
	text := "More than 200 people were killed in Algeria. The minister said: \"We will never accept this decision of the court.\"\n"
	if err := os.WriteFile(file, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		args     []string
		code     int
		inStdout string
		inStderr string
	}{
		{[]string{"gkg"}, 2, "", "want one FILE"},
		{[]string{"gkg", "--format", "csv", file}, 2, "", "want text, gkg or json"},
		{[]string{"gkg", "--date", "16/11/2022", file}, 2, "", "want YYYY-MM-DD"},
		{[]string{"gkg", "--date", "2022-11-16", file}, 0, "KILL 200 people", ""},
		{[]string{"gkg", "--date", "2022-11-16", "--format", "json", file}, 0, `"type":"KILL"`, ""},
	}
	for _, tt := range tests {
		code, out, errOut := runCLI(t, tt.args...)
		if code != tt.code || !strings.Contains(out, tt.inStdout) || !strings.Contains(errOut, tt.inStderr) {
			t.Errorf("eventwire %v = %d, stdout %q, stderr %q; want %d, %q, %q",
				tt.args, code, out, errOut, tt.code, tt.inStdout, tt.inStderr)
		}
	}
	code, out, errOut := runCLI(t, "gkg", "--date", "2022-11-16", "--url", "https://example.org/a", "--format", "gkg", file)
	if code != 0 {
		t.Fatalf("gkg --format gkg: %d %s", code, errOut)
	}
	r, err := gkg.ParseRow(strings.TrimSuffix(out, "\n"))
	if err != nil {
		t.Fatal(err)
	}
	if r.DocumentID != "https://example.org/a" || len(r.Counts) != 1 || len(r.Quotations) != 1 {
		t.Errorf("row: got %+v", r)
	}
}
