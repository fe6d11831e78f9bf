package analyze

import (
	"bytes"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/eventwire/eventwire/internal/coder"
	"github.com/eventwire/eventwire/internal/dict/builtin"
	"github.com/eventwire/eventwire/internal/ingest"
)

var update = flag.Bool("update", false, "rewrite testdata/sample-events.golden")

// TestSampleCorpusGolden codes the sample corpus (examples/corpus, what
// users see first) with the built-in dictionaries, as `eventwire code`
// does, and compares source, code, target, date, place and the historical
// flag of every event with testdata/sample-events.golden, one event a
// line. Each line was read and accepted by a human coder; `go test
// ./internal/analyze -run=SampleCorpus -update` rewrites the file after a
// named improvement, to be read again line by line.
func TestSampleCorpusGolden(t *testing.T) {
	files, err := filepath.Glob(filepath.Join("..", "..", "examples", "corpus", "*.txt"))
	if err != nil {
		t.Fatal(err)
	}
	if len(files) == 0 {
		t.Fatal("no sample articles in examples/corpus")
	}
	set, err := builtin.Set()
	if err != nil {
		t.Fatal(err)
	}
	a, err := New(set, Options{Coder: coder.Options{Negation: coder.NegationDrop}})
	if err != nil {
		t.Fatal(err)
	}
	w := a.NewWorker()
	var got bytes.Buffer
	for _, name := range files {
		data, err := os.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		doc, err := ingest.ParseText(data, filepath.Base(name))
		if err != nil {
			t.Fatalf("reading %s: %v", name, err)
		}
		for _, e := range w.Analyze(doc).Events {
			place := "-"
			if e.ActionGeo != nil {
				place = e.ActionGeo.FullName
			}
			hist := ""
			if e.Historical {
				hist = "\thistorical"
			}
			fmt.Fprintf(&got, "%s:%d\t%s %s %s\t%s\t%s%s\n", e.DocID, e.Sentence, e.Source, e.Code, e.Target, e.Date, place, hist)
		}
	}
	golden := filepath.Join("testdata", "sample-events.golden")
	if *update {
		if err := os.WriteFile(golden, got.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatalf("%v (run with -update to create it)", err)
	}
	if !bytes.Equal(got.Bytes(), want) {
		// lines lost and lines gained, each in order
		count := map[string]int{}
		for _, l := range strings.Split(string(want), "\n") {
			count[l]++
		}
		for _, l := range strings.Split(got.String(), "\n") {
			if count[l] > 0 {
				count[l]--
				continue
			}
			t.Errorf("new event: %s", l)
		}
		for _, l := range strings.Split(string(want), "\n") {
			if count[l] > 0 {
				count[l]--
				t.Errorf("%s: event no longer coded: %s", golden, l)
			}
		}
		t.Log("after reading every line, go test ./internal/analyze -run=SampleCorpus -update")
	}
}
