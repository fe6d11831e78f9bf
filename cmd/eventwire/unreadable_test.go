package main

import (
	"path/filepath"
	"strings"
	"testing"
)

// A bad record does not lose the rest of its file, and a run that skipped
// unreadable input says so and exits 1 (issue 13: the rest of the file was
// lost and the status was 0); input left out by choice does not change the
// status.
func TestIngestUnreadableExitStatus(t *testing.T) {
	if testing.Short() {
		t.Skip("loads the language models")
	}
	tests := []struct {
		name    string
		file    string
		content string
		status  int
		summary string
	}{
		{"bad line in the middle", "docs.jsonl",
			`{"id":"d1","text":"Police arrested 66 protesters in Tbilisi.","date":"2023-03-08"}` + "\n" +
				`{"id":"d2","text":` + "\n" +
				`{"id":"d3","text":"Armenia accused Azerbaijan of blocking the corridor.","date":"2023-05-14"}` + "\n",
			1, "2 articles read: 2 new, 0 duplicate, 0 already stored, 1 skipped (bad JSON line 1)"},
		{"another language is left out, not unreadable", "docs.jsonl",
			`{"id":"d1","text":"Police arrested 66 protesters in Tbilisi.","date":"2023-03-08"}` + "\n" +
				`{"id":"d2","text":"Die Polizei hat am Mittwoch in der Hauptstadt zahlreiche Demonstranten festgenommen, die gegen das neue Gesetz protestiert hatten und sich nicht auflösen wollten."}` + "\n",
			0, "1 articles read: 1 new, 0 duplicate, 0 already stored, 1 skipped (other language 1)"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			in := writeFile(t, tt.file, tt.content)
			db := filepath.Join(t.TempDir(), "ew.db")
			code, out, errOut := runCLI(t, "ingest", "--db", db, "--workers", "1", in)
			if code != tt.status || !strings.Contains(out, tt.summary) {
				t.Fatalf("ingest: status %d (want %d), stdout %q (want %q)\nstderr %s", code, tt.status, out, tt.summary, errOut)
			}
			if tt.status != 0 && !strings.Contains(errOut, "skipped as unreadable") {
				t.Errorf("stderr does not say why the status is %d: %s", code, errOut)
			}
		})
	}
}

// code --input conllu: a malformed sentence is skipped, the sentences after
// it are coded, and the status is 1.
func TestCodeConlluUnreadable(t *testing.T) {
	in := "# newdoc id = d1\n# text = broken\n1\tbroken\t_\tX\n\n" +
		"# newdoc id = d2\n# text = Russia attacked Ukraine.\n" +
		"1\tRussia\tRussia\tPROPN\tNNP\t_\t2\tnsubj\t_\t_\n" +
		"2\tattacked\tattack\tVERB\tVBD\t_\t0\troot\t_\t_\n" +
		"3\tUkraine\tUkraine\tPROPN\tNNP\t_\t2\tobj\t_\t_\n" +
		"4\t.\t.\tPUNCT\t.\t_\t2\tpunct\t_\t_\n\n"
	code, out, errOut := runCLI(t, "code", "--input", "conllu", writeFile(t, "in.conllu", in))
	if code != 1 || !strings.Contains(errOut, "in.conllu:3") || !strings.Contains(errOut, "1 input skipped as unreadable") {
		t.Fatalf("status %d (want 1), stderr %q", code, errOut)
	}
	if !strings.Contains(out, `"doc_id":"d2"`) {
		t.Errorf("the sentence after the bad one was not coded: %s", out)
	}
}
