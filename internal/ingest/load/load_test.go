package load

import (
	"context"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/eventwire/eventwire/internal/analyze"
	"github.com/eventwire/eventwire/internal/event"
	"github.com/eventwire/eventwire/internal/ingest"
	"github.com/eventwire/eventwire/internal/nlp"
	"github.com/eventwire/eventwire/internal/store"
	"github.com/eventwire/eventwire/internal/store/sqlite"
)

// countries is the toy actor dictionary of testAnalyze.
var countries = map[string]string{"Armenia": "ARM", "Azerbaijan": "AZE", "Georgia": "GEO", "Sudan": "SDN", "China": "CHN", "Russia": "RUS"}

// testAnalyze stands in for the language pipeline, which these tests do
// not exercise: sentences end at ". ", and a sentence naming two countries
// and the verb "met" is a CAMEO 040 (consult) event between them. delay
// slows it down so a run can be killed midway.
func testAnalyze(delay time.Duration) func() Analyze {
	return func() Analyze {
		return func(doc ingest.Document) analyze.Result {
			time.Sleep(delay)
			var r analyze.Result
			r.Doc = doc
			start := 0
			for n := 1; start < len(doc.Text); n++ {
				end := strings.Index(doc.Text[start:], ". ")
				if end < 0 {
					end = len(doc.Text)
				} else {
					end += start + 1
				}
				s := doc.Text[start:end]
				r.Parsed.Sentences = append(r.Parsed.Sentences, nlp.Sentence{Text: s, Start: start, End: end})
				var found []string
				for _, w := range strings.Fields(s) {
					if c, ok := countries[strings.Trim(w, ".,")]; ok {
						found = append(found, c)
					}
				}
				if len(found) >= 2 && strings.Contains(s, " met ") {
					date := doc.Date
					if date.IsZero() {
						date = time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC)
					}
					r.Events = append(r.Events, event.Event{Sentence: n, Text: s, Source: found[0], Target: found[1],
						Code: "040", Root: "04", Base: "040", QuadClass: 1, Goldstein: 1, Date: date.Format("2006-01-02"),
						SourceSpan: event.Span{First: 1, Last: 1, Start: start, End: start + 1}, Rule: "test:1"})
				}
				start = end + 1
			}
			return r
		}
	}
}

var words = strings.Fields(`army talks border treaty minister president police court sanctions protest capital
	city north south river bridge election vote parliament leader envoy aid food water fuel market bank trade deal
	ceasefire troops rebels village region province harbour airport summit visit statement report officials week`)

// writeCorpus writes n articles to dir: every third one a line of
// feed.jsonl, the others text files with a header block, of which those
// numbered 1 modulo 10 are re-published under another URL; and a malformed
// JSON line and a file that is not UTF-8.
func writeCorpus(t testing.TB, dir string, n int) {
	r := rand.New(rand.NewPCG(7, 9))
	names := []string{"Armenia", "Azerbaijan", "Georgia", "Sudan", "China", "Russia"}
	text := func(i int) string {
		var b strings.Builder
		for s := 0; s < 4; s++ {
			a, c := names[r.IntN(len(names))], names[r.IntN(len(names))]
			fmt.Fprintf(&b, "On day %d %s met %s about the", i, a, c)
			for k := 0; k < 10; k++ {
				b.WriteString(" " + words[r.IntN(len(words))])
			}
			b.WriteString(". ")
		}
		return b.String()
	}
	var jsonl strings.Builder
	for i := 0; i < n; i++ {
		tx := text(i)
		date := fmt.Sprintf("2024-%02d-%02d", 1+i%12, 1+i%28)
		if i%3 == 0 {
			fmt.Fprintf(&jsonl, "{\"text\":%q,\"url\":\"https://news.example/%d?utm_source=x\",\"published\":%q}\n", tx, i, date)
			continue
		}
		doc := fmt.Sprintf("Title: Article %d\nDate: %s\nURL: https://www%d.example/a/%d\n\n%s", i, date, i%4, i, tx)
		if err := os.WriteFile(filepath.Join(dir, fmt.Sprintf("a%04d.txt", i)), []byte(doc), 0o644); err != nil {
			t.Fatal(err)
		}
		if i%10 == 1 { // re-published under another URL
			doc = strings.Replace(doc, "https://www", "https://copy.mirror", 1)
			if err := os.WriteFile(filepath.Join(dir, fmt.Sprintf("copy%04d.txt", i)), []byte(doc), 0o644); err != nil {
				t.Fatal(err)
			}
		}
	}
	jsonl.WriteString("{broken\n")
	if err := os.WriteFile(filepath.Join(dir, "feed.jsonl"), []byte(jsonl.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	os.WriteFile(filepath.Join(dir, "bad.txt"), []byte{0xff, 0xfe}, 0o644)
}

func ingestDir(t testing.TB, db store.Store, dir string, delay time.Duration) Summary {
	sum, err := Run(context.Background(), db, testAnalyze(delay), []string{dir}, Options{Workers: 2, BatchSize: 8, Run: store.Run{ID: fmt.Sprint(time.Now().UnixNano())}})
	if err != nil {
		t.Fatal(err)
	}
	return sum
}

// consistent checks invariants of a store: counts agree between tables,
// every input copy is stored once and SQLite finds no corruption.
func consistent(t *testing.T, path string) store.Stats {
	t.Helper()
	db, err := sqlite.Open(context.Background(), path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	st, err := db.Stats(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	var sumMentions int64
	db.Events(context.Background(), store.Filter{}, func(e *store.StoredEvent) error { sumMentions += int64(e.NumMentions); return nil })
	if sumMentions != st.Mentions {
		t.Errorf("events count %d mentions, the store holds %d", sumMentions, st.Mentions)
	}
	return st
}

func TestReingestAddsNothing(t *testing.T) {
	dir := t.TempDir()
	writeCorpus(t, dir, 60)
	path := filepath.Join(t.TempDir(), "ew.db")
	db, err := sqlite.Open(context.Background(), path)
	if err != nil {
		t.Fatal(err)
	}
	first := ingestDir(t, db, dir, 0)
	second := ingestDir(t, db, dir, 0)
	db.Close()
	t.Logf("first run: %s", first)
	t.Logf("second run: %s", second)
	if first.New != 60 || first.Duplicate != 4 || first.Skipped[ingest.ReasonBadLine] != 1 || first.Skipped[ingest.ReasonNotUTF8] != 1 || first.Events == 0 {
		t.Errorf("first run: %s", first)
	}
	if second.New != 0 || second.Duplicate != 0 || second.Events != 0 || second.Mentions != 0 || second.Already != first.Read {
		t.Errorf("second run: %s", second)
	}
	st := consistent(t, path)
	if st.Articles != 60 || st.Copies != 64 || st.Events != int64(first.Events) || st.Mentions != int64(first.Mentions) {
		t.Errorf("stats %+v", st)
	}
}

// TestHelperIngest is the process TestKillAndRerun kills; it does nothing
// unless started by it.
func TestHelperIngest(t *testing.T) {
	dir, path := os.Getenv("EVENTWIRE_HELPER_DIR"), os.Getenv("EVENTWIRE_HELPER_DB")
	if dir == "" || path == "" {
		t.Skip("helper process of TestKillAndRerun")
	}
	db, err := sqlite.Open(context.Background(), path)
	if err != nil {
		t.Fatal(err)
	}
	ingestDir(t, db, dir, 20*time.Millisecond)
	db.Close()
}

func TestKillAndRerun(t *testing.T) {
	if testing.Short() {
		t.Skip("starts a process")
	}
	dir := t.TempDir()
	writeCorpus(t, dir, 240)
	ref := filepath.Join(t.TempDir(), "ref.db")
	db, err := sqlite.Open(context.Background(), ref)
	if err != nil {
		t.Fatal(err)
	}
	ingestDir(t, db, dir, 0)
	db.Close()
	want := consistent(t, ref)

	path := filepath.Join(t.TempDir(), "ew.db")
	for kill := 0; kill < 3; kill++ {
		cmd := exec.Command(os.Args[0], "-test.run=^TestHelperIngest$")
		cmd.Env = append(os.Environ(), "EVENTWIRE_HELPER_DIR="+dir, "EVENTWIRE_HELPER_DB="+path)
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		time.Sleep(300 * time.Millisecond)
		if err := cmd.Process.Signal(syscall.SIGKILL); err != nil {
			t.Fatal(err)
		}
		cmd.Wait()
		got := consistent(t, path)
		t.Logf("after kill %d: %d articles, %d events, %d mentions", kill+1, got.Articles, got.Events, got.Mentions)
		if got.Articles >= want.Articles {
			t.Fatalf("run %d finished before it was killed: nothing tested", kill+1)
		}
	}
	db, err = sqlite.Open(context.Background(), path)
	if err != nil {
		t.Fatal(err)
	}
	sum := ingestDir(t, db, dir, 0)
	db.Close()
	t.Logf("re-run: %s", sum)
	got := consistent(t, path)
	got.Runs, want.Runs = 0, 0
	got.Skipped, want.Skipped = nil, nil
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("after kills and a re-run:\n%+v\nwithout kills:\n%+v", got, want)
	}
}
