package ingest

import (
	"bytes"
	"compress/gzip"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func gz(t testing.TB, s string) []byte {
	var b bytes.Buffer
	zw := gzip.NewWriter(&b)
	zw.Write([]byte(s))
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

func TestWalk(t *testing.T) {
	dir := t.TempDir()
	files := map[string][]byte{
		"b/2.txt":          []byte("Title: Two\nURL: https://example.org/2\n\nSecond text."),
		"b/1.txt":          []byte("First text, no header."),
		"a.jsonl":          []byte("{\"text\":\"line one\",\"url\":\"https://example.org/j1\",\"published\":\"2024-01-02\"}\nnot json\n{\"title\":\"no text\"}\n{\"text\":\"line four\"}\n"),
		"c.gz":             gz(t, "{\"text\":\"zipped json\"}\n"),
		"d.txt.gz":         gz(t, "Date: 2024-02-03\n\nZipped text."),
		"b/3.txt":          []byte("Talks resumed \x93today\x94 in Doha, officials said."), // two stray windows-1252 quotes: kept
		"e.txt":            {0xff, 0xfe, 'x'},
		"f.txt":            []byte("Date: yesterday\n\nBad header."),
		"g.txt":            []byte("Title: Empty\n\n  \n"),
		"h.gz":             append(gz(t, "{\"text\":\"kept before corruption\"}\n")[:20], 0, 1, 2),
		".hidden/x.txt":    []byte("hidden"),
		"z/deeper/last.md": []byte("Last text."),
	}
	for name, data := range files {
		p := filepath.Join(dir, name)
		os.MkdirAll(filepath.Dir(p), 0o755)
		if err := os.WriteFile(p, data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	var got []string
	var skips []string
	err := Walk([]string{dir}, func(doc Document, origin string) error {
		rel, _ := filepath.Rel(dir, strings.SplitN(origin, ":", 2)[0])
		got = append(got, rel+"|"+strings.TrimSpace(doc.Text)+"|"+doc.URL)
		if want := map[string]int{"b/3.txt": 2}[rel]; doc.Replaced != want {
			t.Errorf("%s: %d bytes replaced, want %d", rel, doc.Replaced, want)
		}
		return nil
	}, func(s Skip) {
		rel, _ := filepath.Rel(dir, strings.SplitN(s.Origin, ":", 2)[0])
		skips = append(skips, rel+"|"+s.Reason)
	})
	if err != nil {
		t.Fatal(err)
	}
	want := []string{
		"a.jsonl|line one|https://example.org/j1",
		"a.jsonl|line four|",
		"b/1.txt|First text, no header.|",
		"b/2.txt|Second text.|https://example.org/2",
		"b/3.txt|Talks resumed \uFFFDtoday\uFFFD in Doha, officials said.|",
		"c.gz|zipped json|",
		"d.txt.gz|Zipped text.|",
		"z/deeper/last.md|Last text.|",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("documents:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	wantSkips := []string{"a.jsonl|bad JSON line", "a.jsonl|bad JSON line", "e.txt|not UTF-8", "f.txt|bad header", "g.txt|empty text", "h.gz|bad JSON line", "h.gz|bad gzip"} // the cut line, then the stream
	if strings.Join(skips, "\n") != strings.Join(wantSkips, "\n") {
		t.Errorf("skips:\n%s\nwant:\n%s", strings.Join(skips, "\n"), strings.Join(wantSkips, "\n"))
	}
	stop := errors.New("stop")
	if err := Walk([]string{dir}, func(Document, string) error { return stop }, func(Skip) {}); !errors.Is(err, stop) {
		t.Errorf("visit error: Walk returned %v", err)
	}
	if err := Walk([]string{filepath.Join(dir, "missing")}, func(Document, string) error { return nil }, func(Skip) {}); err == nil {
		t.Error("missing path: no error")
	}
}

// FuzzReadStream feeds arbitrary bytes (plain, JSON Lines, gzip, feed or
// HTML) to the
// stream reader: it must not panic, and every document it hands out has
// text.
func FuzzReadStream(f *testing.F) {
	f.Add([]byte("Title: T\nDate: 2024-01-01\n\nText."), false)
	f.Add([]byte("{\"text\":\"a\"}\n{bad\n"), false)
	f.Add(gz(f, "{\"text\":\"a\"}\n"), false)
	f.Add([]byte("plain"), true)
	f.Add([]byte("<rss><channel><title>T</title><item><link>https://x.example/1</link><description>&lt;p&gt;The talks went on.&lt;/p&gt;</description></item></channel></rss>"), false)
	f.Add([]byte("<!DOCTYPE html><html><body><article><p>The minister said on Tuesday that the talks with the union would go on next week in the capital.</p></article></body></html>"), false)
	f.Fuzz(func(t *testing.T, data []byte, jsonName bool) {
		name := "in.txt"
		if jsonName {
			name = "in.jsonl"
		}
		// Feed items are read from the feed's content: no fetching.
		w := &Walker{FeedContent: true}
		err := w.ReadStream(bytes.NewReader(data), name, func(doc Document, origin string) error {
			if strings.TrimSpace(doc.Text) == "" {
				t.Errorf("document from %s without text", origin)
			}
			return nil
		}, func(Skip) {})
		if err != nil {
			t.Errorf("ReadStream: %v", err)
		}
	})
}
