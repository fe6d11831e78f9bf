package load

import (
	"bufio"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"
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
	"github.com/eventwire/eventwire/internal/export"
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

// ingestNow is the ingest time of the kill test's runs, so that the
// stores' exports can be compared byte for byte.
var ingestNow = time.Date(2024, 12, 31, 0, 0, 0, 0, time.UTC)

// TestHelperIngest is the process TestKillAndRerun kills; it does nothing
// unless started by it. It prints "committed N" after each batch it
// commits (N: articles it stored so far).
func TestHelperIngest(t *testing.T) {
	dir, path := os.Getenv("EVENTWIRE_HELPER_DIR"), os.Getenv("EVENTWIRE_HELPER_DB")
	if dir == "" || path == "" {
		t.Skip("helper process of TestKillAndRerun")
	}
	db, err := sqlite.Open(context.Background(), path)
	if err != nil {
		t.Fatal(err)
	}
	_, err = Run(context.Background(), db, testAnalyze(5*time.Millisecond), []string{dir}, Options{Workers: 2, BatchSize: 8,
		Run: store.Run{ID: fmt.Sprint(time.Now().UnixNano())}, Write: store.WriteOptions{Now: ingestNow},
		Progress: func(s Summary) { fmt.Printf("committed %d\n", s.New+s.Duplicate) }})
	if err != nil {
		t.Fatal(err)
	}
	db.Close()
}

// exportHash is the SHA-256 of the JSON Lines export of the store at path.
func exportHash(t *testing.T, path string) string {
	t.Helper()
	db, err := sqlite.Open(context.Background(), path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	h := sha256.New()
	if _, err := export.Write(context.Background(), db, h, export.Options{Format: export.JSONL}); err != nil {
		t.Fatal(err)
	}
	return hex.EncodeToString(h.Sum(nil))
}

// TestKillAndRerun kills an ingest with SIGKILL three times while it is
// writing (after it reported a commit, at a random moment within the next
// batches), checks each time that the store is consistent and holds the
// articles committed before the kill, then runs the ingest to the end: the
// counts and the export equal those of a run never killed.
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
	if _, err := Run(context.Background(), db, testAnalyze(0), []string{dir}, Options{Workers: 2, BatchSize: 8,
		Run: store.Run{ID: "ref"}, Write: store.WriteOptions{Now: ingestNow}}); err != nil {
		t.Fatal(err)
	}
	db.Close()
	want := consistent(t, ref)

	path := filepath.Join(t.TempDir(), "ew.db")
	r := rand.New(rand.NewPCG(uint64(time.Now().UnixNano()), 1))
	before := int64(0)
	for kill := 1; kill <= 3; kill++ {
		cmd := exec.Command(os.Args[0], "-test.run=^TestHelperIngest$", "-test.v")
		cmd.Env = append(os.Environ(), "EVENTWIRE_HELPER_DIR="+dir, "EVENTWIRE_HELPER_DB="+path)
		out, err := cmd.StdoutPipe()
		if err != nil {
			t.Fatal(err)
		}
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		// Wait for this run's first commit of new articles, then kill it
		// at a random moment of the batches that follow.
		committed := -1
		sc := bufio.NewScanner(out)
		for sc.Scan() {
			if n, err := fmt.Sscanf(sc.Text(), "committed %d", &committed); n == 1 && err == nil && committed > 0 {
				break
			}
		}
		if committed <= 0 {
			cmd.Wait()
			t.Fatalf("kill %d: the run ended before it committed anything new", kill)
		}
		time.Sleep(time.Duration(r.IntN(60)) * time.Millisecond)
		if err := cmd.Process.Signal(syscall.SIGKILL); err != nil {
			t.Fatal(err)
		}
		go io.Copy(io.Discard, out)
		cmd.Wait()
		got := consistent(t, path)
		t.Logf("kill %d: the run had committed %d articles and copies, the store holds %d articles (%d copies), %d events, %d mentions", kill, committed, got.Articles, got.Copies, got.Events, got.Mentions)
		if got.Copies < before+int64(committed) {
			t.Errorf("kill %d: %d copies stored, want at least the %d before it and the %d it committed", kill, got.Copies, before, committed)
		}
		if got.Articles == 0 || got.Articles >= want.Articles {
			t.Fatalf("kill %d: %d articles stored of %d: the kill did not land mid-run", kill, got.Articles, want.Articles)
		}
		before = got.Copies
	}
	db, err = sqlite.Open(context.Background(), path)
	if err != nil {
		t.Fatal(err)
	}
	sum, err := Run(context.Background(), db, testAnalyze(0), []string{dir}, Options{Workers: 2, BatchSize: 8,
		Run: store.Run{ID: "rerun"}, Write: store.WriteOptions{Now: ingestNow}})
	db.Close()
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("re-run: %s", sum)
	if sum.Already != int(before) {
		t.Errorf("re-run: %d documents already stored, the store held %d after the kills", sum.Already, before)
	}
	got := consistent(t, path)
	got.Runs, want.Runs = 0, 0
	got.Skipped, want.Skipped = nil, nil
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("after kills and a re-run:\n%+v\nwithout kills:\n%+v", got, want)
	}
	if h, w := exportHash(t, path), exportHash(t, ref); h != w {
		t.Errorf("export after kills and a re-run %s, without kills %s", h, w)
	}
}

// TestInvalidUTF8Counted: a text file with a few invalid bytes is stored
// with them replaced, counted in the summary and named in the log, not
// skipped.
func TestInvalidUTF8Counted(t *testing.T) {
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "a.txt"), []byte("On day 1 Sudan met China about the \x93border\x94 treaty. "), 0o644)
	os.WriteFile(filepath.Join(dir, "b.txt"), []byte("On day 2 Armenia met Georgia about the border. "), 0o644)
	os.WriteFile(filepath.Join(dir, "c.txt"), []byte{0xff, 0xfe, 0xfd}, 0o644)
	db, err := sqlite.Open(context.Background(), filepath.Join(t.TempDir(), "ew.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	var log strings.Builder
	sum, err := Run(context.Background(), db, testAnalyze(0), []string{dir}, Options{Workers: 1, Log: &log})
	if err != nil {
		t.Fatal(err)
	}
	if sum.New != 2 || sum.Replaced != 1 || sum.Skipped[ingest.ReasonNotUTF8] != 1 || !strings.Contains(sum.String(), ", 1 with invalid UTF-8 replaced") {
		t.Errorf("summary %s (%d replaced), want 2 new, 1 with invalid UTF-8 replaced, 1 skipped as not UTF-8", sum, sum.Replaced)
	}
	if !strings.Contains(log.String(), "a.txt: 2 invalid UTF-8 bytes replaced with U+FFFD") {
		t.Errorf("log %q does not name a.txt", log.String())
	}
	n := 0
	db.Events(context.Background(), store.Filter{}, func(e *store.StoredEvent) error {
		if strings.Contains(e.Event.Text, "\uFFFDborder\uFFFD") {
			n++
		}
		return nil
	})
	if n != 1 {
		t.Errorf("%d events with the replaced sentence, want 1", n)
	}
}
