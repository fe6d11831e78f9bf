package gkg

import (
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/eventwire/eventwire/internal/analyze"
	"github.com/eventwire/eventwire/internal/dict/builtin"
	"github.com/eventwire/eventwire/internal/geo"
	"github.com/eventwire/eventwire/internal/ingest"
	"github.com/eventwire/eventwire/internal/shareddata"
)

var (
	setupOnce sync.Once
	testAn    *analyze.Analyzer
	testX     *Extractor
	setupErr  error
)

// setup loads the analyzer (embedded models, built-in dictionaries,
// gazetteer) and an Extractor once for all tests.
func setup(t testing.TB) (*analyze.Analyzer, *Extractor) {
	t.Helper()
	setupOnce.Do(func() {
		set, err := builtin.Set()
		if err != nil {
			setupErr = err
			return
		}
		if testAn, err = analyze.New(set, analyze.Options{}); err != nil {
			setupErr = err
			return
		}
		gaz, err := geo.Default()
		if err != nil {
			setupErr = err
			return
		}
		testX, setupErr = New(Options{Gazetteer: gaz, Dict: set})
	})
	if setupErr != nil {
		t.Fatal(setupErr)
	}
	return testAn, testX
}

var testDate = time.Date(2022, 11, 16, 0, 0, 0, 0, time.UTC)

// extractText analyzes text as one article dated testDate and extracts its
// record.
func extractText(t testing.TB, text string) Record {
	t.Helper()
	an, x := setup(t)
	doc := ingest.Document{ID: "test", Text: text, Date: testDate}
	res := an.NewWorker().Analyze(doc)
	return x.Extract(nil, Article{DocID: doc.ID, Date: doc.Date, Doc: &res.Parsed, Events: res.Events})
}

// readSeed returns the seed article from the shared data.
func readSeed(t testing.TB) ingest.Document {
	t.Helper()
	dir := filepath.Join(shareddata.Dir(t), "seed")
	ents, err := os.ReadDir(dir)
	if err != nil {
		shareddata.Skip(t, "seed article: %v", err)
	}
	for _, e := range ents {
		if strings.HasSuffix(e.Name(), ".txt") {
			data, err := os.ReadFile(filepath.Join(dir, e.Name()))
			if err != nil {
				t.Fatal(err)
			}
			doc, err := ingest.ParseText(data, e.Name())
			if err != nil {
				t.Fatal(err)
			}
			doc.Date = testDate
			doc.URL = "https://example.org/seed"
			return doc
		}
	}
	shareddata.Skip(t, "no seed article in %s", dir)
	return ingest.Document{}
}

func itoa(n int64) string { return strconv.FormatInt(n, 10) }
