package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/eventwire/eventwire/internal/event"
)

// writeFile writes content to a file in a temporary directory.
func writeFile(t *testing.T, name, content string) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

// readEvents parses JSON Lines events.
func readEvents(t *testing.T, out string) []event.Event {
	t.Helper()
	var evs []event.Event
	r := event.NewJSONLReader(strings.NewReader(out), "stdout")
	for {
		e, err := r.Next()
		if err != nil {
			break
		}
		evs = append(evs, *e)
	}
	return evs
}

func TestCodeTextAndJSONL(t *testing.T) {
	text := "Title: Talks\nDate: 2023-05-14\n\nOn Saturday, Armenia accused Azerbaijan of blocking the corridor.\n"
	txt := writeFile(t, "talks.txt", text)
	code, out, errOut := runCLI(t, "code", txt)
	if code != 0 {
		t.Fatalf("code: status %d, stderr %q", code, errOut)
	}
	evs := readEvents(t, out)
	if len(evs) == 0 {
		t.Fatalf("no events from %q; stdout %q", text, out)
	}
	e := evs[0]
	if e.DocID != "talks" || e.Source != "ARM" || e.Target != "AZE" || e.Code[:2] != "11" || e.Sentence != 1 {
		t.Errorf("event = %s %s %s %s sentence %d", e.DocID, e.Source, e.Code, e.Target, e.Sentence)
	}
	if e.Date != "2023-05-13" {
		t.Errorf("date = %s, want 2023-05-13 (the Saturday before the article date)", e.Date)
	}
	if e.Rule == "" || e.DictVersion == "" || e.VerbSpan.Text != "accused" {
		t.Errorf("event does not explain itself: rule %q version %q verb %+v", e.Rule, e.DictVersion, e.VerbSpan)
	}

	// The same document as JSON Lines, with a bad line that is skipped.
	jl := writeFile(t, "docs.jsonl", `{"id":"d1","text":"On Saturday, Armenia accused Azerbaijan of blocking the corridor.","date":"2023-05-14"}
not json
{"id":"d2","text":"Police arrested 66 protesters in Tbilisi.","date":"2023-03-08"}
`)
	code, out, errOut = runCLI(t, "code", "--input", "jsonl", jl)
	if code != 1 || !strings.Contains(errOut, "docs.jsonl:2") || !strings.Contains(errOut, "1 input skipped as unreadable") {
		t.Fatalf("code --input jsonl: status %d (want 1: a line was unreadable), stderr %q", code, errOut)
	}
	evs = readEvents(t, out)
	if len(evs) == 0 || evs[0].DocID != "d1" || evs[0].Source != "ARM" {
		t.Fatalf("jsonl events: %+v", evs)
	}
	for i := 1; i < len(evs); i++ {
		if evs[i].DocID < evs[i-1].DocID {
			t.Errorf("events out of input order: %s after %s", evs[i].DocID, evs[i-1].DocID)
		}
	}

	// GDELT Events rows read back with the GDELT reader.
	code, out, errOut = runCLI(t, "code", "--format", "gdelt", txt)
	if code != 0 {
		t.Fatalf("code --format gdelt: status %d, stderr %q", code, errOut)
	}
	row, err := event.NewEventsReader(strings.NewReader(out), "gdelt").Next()
	if err != nil {
		t.Fatalf("reading GDELT rows: %v\n%s", err, out)
	}
	if row.Actor1.Code != "ARM" || row.Day != "20230513" {
		t.Errorf("GDELT row: actor1 %+v, day %s", row.Actor1, row.Day)
	}
}

func TestCodeErrors(t *testing.T) {
	tests := []struct {
		args   []string
		status int
		stderr string
	}{
		{[]string{"code", "--format", "xml"}, 2, "--format"},
		{[]string{"code", "--input", "pdf"}, 2, "--input"},
		{[]string{"code", "--date", "30/11/2022"}, 2, "--date"},
		{[]string{"code", "--negation", "maybe"}, 2, "--negation"},
		{[]string{"code", "no/such/file.txt"}, 1, "no/such/file.txt"},
		{[]string{"code", "--dict", "no/such/dict.ewd", "-"}, 2, "no/such/dict.ewd"},
		// one missing file among good ones is not skipped quietly
		{[]string{"code", "--dict", "builtin", "--dict", "no/such/dict.ewd", "-"}, 2, "no/such/dict.ewd"},
	}
	for _, tt := range tests {
		code, _, errOut := runCLI(t, tt.args...)
		if code != tt.status || !strings.Contains(errOut, tt.stderr) {
			t.Errorf("eventwire %v: status %d, stderr %q; want %d and %q", tt.args, code, errOut, tt.status, tt.stderr)
		}
	}
}

func TestCodeConllu(t *testing.T) {
	in := `# newdoc id = c1
# text = Arnor attacked Gondor.
1	Arnor	Arnor	PROPN	NNP	_	2	nsubj	_	_
2	attacked	attack	VERB	VBD	Tense=Past|VerbForm=Fin	0	root	_	_
3	Gondor	Gondor	PROPN	NNP	_	2	dobj	_	_
4	.	.	PUNCT	.	_	2	punct	_	_

`
	dictFile := writeFile(t, "fantasy.ewd", "@actors\nArnor = ARN\nGondor = GON\n@verbs\nattack: 190\n")
	var stdout bytes.Buffer
	code := run([]string{"code", "--input", "conllu", "--dict", dictFile, writeFile(t, "in.conllu", in)}, &stdout, os.Stderr)
	if code != 0 {
		t.Fatalf("status %d", code)
	}
	var e event.Event
	if err := json.Unmarshal(bytes.TrimSpace(stdout.Bytes()), &e); err != nil {
		t.Fatalf("%v: %q", err, stdout.String())
	}
	if e.DocID != "c1" || e.Source != "ARN" || e.Target != "GON" || e.Code != "190" || !strings.HasSuffix(e.Rule, "fantasy.ewd:5") {
		t.Errorf("event %+v", e)
	}
}

func TestCodeGKG(t *testing.T) {
	txt := writeFile(t, "a.txt", "Date: 2023-03-08\n\nPolice arrested 66 protesters in Tbilisi on Wednesday.\n")
	code, out, errOut := runCLI(t, "code", "--format", "gkg", txt)
	if code != 0 {
		t.Fatalf("status %d, stderr %q", code, errOut)
	}
	lines := strings.Split(strings.TrimRight(out, "\n"), "\n")
	if len(lines) != 1 || len(strings.Split(lines[0], "\t")) != 27 {
		t.Fatalf("want one 27-column GKG row, got %q", out)
	}
	if !strings.Contains(lines[0], "ARREST#66#") || !strings.Contains(lines[0], "Tbilisi") {
		t.Errorf("row lacks the arrest count or the place: %q", lines[0])
	}
	if code, _, errOut := runCLI(t, "code", "--input", "conllu", "--format", "gkg", txt); code != 2 || !strings.Contains(errOut, "needs raw text") {
		t.Errorf("gkg from CoNLL-U: status %d, stderr %q", code, errOut)
	}
}
