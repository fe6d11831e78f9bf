package builtin

import (
	"bufio"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/eventwire/eventwire/internal/coder"
	"github.com/eventwire/eventwire/internal/event"
	"github.com/eventwire/eventwire/internal/nlp"
	"github.com/eventwire/eventwire/internal/nlp/pipeline"
)

var showExamples = flag.Bool("examples", false, "print the events of every example sentence")

// example is one line of testdata/examples.tsv: a CAMEO code, a sentence
// that must code to it, and whether the line is held out (written before
// any tuning against failures, and never tuned on).
type example struct {
	code, text string
	heldOut    bool
	line       int
}

func readExamples(t testing.TB) []example {
	t.Helper()
	path := filepath.Join("testdata", "examples.tsv")
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var out []example
	sc := bufio.NewScanner(f)
	for n := 1; sc.Scan(); n++ {
		line := sc.Text()
		if strings.TrimSpace(line) == "" || strings.HasPrefix(line, "#") {
			continue
		}
		fields := strings.Split(line, "\t")
		if len(fields) < 2 || len(fields) > 3 || fields[0] == "" || fields[1] == "" {
			t.Fatalf("%s:%d: want CODE<TAB>sentence[<TAB>held-out]", path, n)
		}
		e := example{code: fields[0], text: fields[1], line: n}
		if len(fields) == 3 {
			if fields[2] != "held-out" {
				t.Fatalf("%s:%d: third field %q: want held-out", path, n, fields[2])
			}
			e.heldOut = true
		}
		out = append(out, e)
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return out
}

// codeText runs text through the embedded pipeline and the coder.
func codeText(t testing.TB, c *coder.Coder, w *pipeline.Worker, sc *coder.Scratch, text string) []event.Event {
	t.Helper()
	sents := w.Process(text)
	doc := &nlp.Document{Text: text, Sentences: sents}
	sc.Reset()
	return c.CodeDocument(sc, coder.Doc{Text: text, Date: 20221130}, doc, nil)
}

func newCoder(t testing.TB) (*coder.Coder, *pipeline.Worker) {
	t.Helper()
	set, err := Set()
	if err != nil {
		t.Fatal(err)
	}
	c, err := coder.New(set, coder.Options{})
	if err != nil {
		t.Fatal(err)
	}
	p, err := pipeline.Default()
	if err != nil {
		t.Fatal(err)
	}
	return c, p.NewWorker()
}

// TestVerbExamples codes every example sentence with the built-in
// dictionaries and requires an event with the expected code for each tuned
// example, at least minCodes distinct codes covered by them, and held-out
// accuracy above its floor (held-out misses are logged: go test -v).
func TestVerbExamples(t *testing.T) {
	if testing.Short() {
		t.Skip("parses every example sentence")
	}
	c, w := newCoder(t)
	sc := c.NewScratch()
	covered := map[string]bool{}
	var tuned, tunedOK, held, heldOK int
	var heldFail []string
	for _, e := range readExamples(t) {
		evs := codeText(t, c, w, sc, e.text)
		ok := false
		var got []string
		for _, ev := range evs {
			got = append(got, fmt.Sprintf("%s→%s %s", ev.Source, ev.Target, ev.Code))
			if ev.Code == e.code {
				ok = true
			}
		}
		if *showExamples {
			t.Logf("line %d %v %s: %s | %s", e.line, ok, e.code, e.text, strings.Join(got, ", "))
		}
		if e.heldOut {
			held++
			if ok {
				heldOK++
			} else {
				heldFail = append(heldFail, fmt.Sprintf("line %d: want %s: %q got %v", e.line, e.code, e.text, got))
			}
			continue
		}
		tuned++
		if ok {
			tunedOK++
			covered[e.code] = true
		} else {
			t.Errorf("examples.tsv:%d: want %s: %q: got %v", e.line, e.code, e.text, got)
		}
	}
	t.Logf("tuned examples: %d/%d; held-out: %d/%d (%.1f%%); codes covered: %d", tunedOK, tuned, heldOK, held,
		100*float64(heldOK)/float64(max(held, 1)), len(covered))
	sort.Strings(heldFail)
	for _, f := range heldFail {
		t.Logf("held-out miss: %s", f)
	}
	if held > 0 && float64(heldOK)/float64(held) < heldOutFloor {
		t.Errorf("held-out accuracy %d/%d below the floor %.2f", heldOK, held, heldOutFloor)
	}
	if len(covered) < minCodes {
		t.Errorf("%d CAMEO codes covered by passing examples, want at least %d", len(covered), minCodes)
	}
}

// Every tuned example must pass and cover at least minCodes distinct codes;
// the held-out examples (measured 69/80: the first 60 at 53/60, the 20
// added in the session that tuned on the ConfliBERT sentences at 16/20)
// must stay above a floor just below the measured accuracy
// (docs/dictionaries.md).
const (
	minCodes     = 280
	heldOutFloor = 0.84
)
