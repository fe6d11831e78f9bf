package main

import (
	"bytes"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"testing"
	"time"
)

// TestIngestWeb ingests a feed served on loopback: one English page is
// stored; a French page, a page robots.txt disallows and a missing page
// are skipped with their reasons; a second run finds the page already
// stored.
func TestIngestWeb(t *testing.T) {
	if testing.Short() {
		t.Skip("loads the language models")
	}
	pages := filepath.Join("..", "..", "internal", "ingest", "testdata", "web")
	var srv *httptest.Server
	srv = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case "/robots.txt":
			fmt.Fprint(w, "User-agent: *\nDisallow: /private/\n")
		case "/feed.xml":
			fmt.Fprintf(w, `<?xml version="1.0"?><rss version="2.0"><channel><title>Test Ledger</title>
<item><title>a</title><link>%[1]s/talks.html</link></item>
<item><title>b</title><link>%[1]s/greve.html</link></item>
<item><title>c</title><link>%[1]s/private/talks.html</link></item>
<item><title>d</title><link>%[1]s/gone.html</link></item>
</channel></rss>`, srv.URL)
		default:
			servePage(w, r, pages)
		}
	}))
	defer srv.Close()
	db := filepath.Join(t.TempDir(), "ew.db")
	args := []string{"ingest", "--db", db, "--workers", "1", "--host-delay", "0", "--retries", "0", srv.URL + "/feed.xml"}
	code, out, errOut := runCLI(t, args...)
	if code != 0 {
		t.Fatalf("ingest: %d %s", code, errOut)
	}
	want := "1 articles read: 1 new, 0 duplicate, 0 already stored, 3 skipped (HTTP error 1, other language 1, robots.txt disallows 1)"
	if !strings.Contains(out, want) {
		t.Errorf("ingest summary: %s\nwant %s", out, want)
	}
	for _, s := range []string{"greve.html: other language: the text is in fr", "private/talks.html: robots.txt disallows", "gone.html: HTTP error"} {
		if !strings.Contains(errOut, s) {
			t.Errorf("stderr lacks %q:\n%s", s, errOut)
		}
	}
	code, out, _ = runCLI(t, args...)
	if code != 0 || !strings.Contains(out, "1 articles read: 0 new, 0 duplicate, 1 already stored") {
		t.Errorf("re-ingest: %d %s", code, out)
	}
	code, out, _ = runCLI(t, "ingest", "--db", db, "--lang", "en,fr", "--host-delay", "0", srv.URL+"/greve.html")
	if code != 0 || !strings.Contains(out, "1 articles read: 1 new") {
		t.Errorf("--lang en,fr: %d %s", code, out)
	}
	for _, bad := range [][]string{{"--watch", "10ms"}, {"--lang", "english"}, {"--lang", ""}, {"--fetchers", "0"}, {"--timeout", "0s"}} {
		code, _, errOut = runCLI(t, append(append([]string{"ingest", "--db", db}, bad...), srv.URL+"/feed.xml")...)
		if code != 2 || !strings.Contains(errOut, bad[0]) {
			t.Errorf("%v: exit %d, %s; want a usage error naming the flag", bad, code, errOut)
		}
	}
}

// syncBuffer is a bytes.Buffer safe for one writer and one reader.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

// TestIngestWatch polls a feed that gains an item after the first round:
// the second round stores only the new item; SIGINT ends the watch cleanly.
func TestIngestWatch(t *testing.T) {
	if testing.Short() {
		t.Skip("loads the language models")
	}
	pages := filepath.Join("..", "..", "internal", "ingest", "testdata", "web")
	var polls atomic.Int32
	var srv *httptest.Server
	srv = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case "/robots.txt":
			http.NotFound(w, r)
		case "/feed.xml":
			items := fmt.Sprintf(`<item><title>a</title><link>%s/talks.html</link></item>`, srv.URL)
			if polls.Add(1) > 1 {
				items += fmt.Sprintf(`<item><title>b</title><link>%s/cafe.html</link></item>`, srv.URL)
			}
			fmt.Fprintf(w, `<rss version="2.0"><channel><title>Test Ledger</title>%s</channel></rss>`, items)
		default:
			servePage(w, r, pages)
		}
	}))
	defer srv.Close()
	db := filepath.Join(t.TempDir(), "ew.db")
	var out, errOut syncBuffer
	done := make(chan int, 1)
	go func() {
		done <- run([]string{"ingest", "--db", db, "--workers", "1", "--host-delay", "0", "--watch", "1s", srv.URL + "/feed.xml"}, &out, &errOut)
	}()
	deadline := time.Now().Add(2 * time.Minute)
	for strings.Count(out.String(), "articles read") < 2 {
		select {
		case code := <-done:
			t.Fatalf("ingest --watch ended by itself: %d\n%s\n%s", code, out.String(), errOut.String())
		case <-time.After(50 * time.Millisecond):
		}
		if time.Now().After(deadline) {
			t.Fatalf("no second round after 2 minutes:\n%s\n%s", out.String(), errOut.String())
		}
	}
	syscall.Kill(os.Getpid(), syscall.SIGINT)
	if code := <-done; code != 0 {
		t.Errorf("ingest --watch interrupted: exit %d\n%s", code, errOut.String())
	}
	lines := strings.Split(strings.TrimSpace(out.String()), "\n")
	if len(lines) < 2 || !strings.Contains(lines[0], "1 articles read: 1 new") || !strings.Contains(lines[1], "1 articles read: 1 new") {
		t.Errorf("rounds:\n%s\nwant one new article in each of the first two", out.String())
	}
}

// servePage answers r with the HTML page of the directory pages named by
// the last element of its path, or 404 when there is none.
func servePage(w http.ResponseWriter, r *http.Request, pages string) {
	data, err := os.ReadFile(filepath.Join(pages, filepath.Base(r.URL.Path)))
	if err != nil {
		http.NotFound(w, r)
		return
	}
	w.Header().Set("Content-Type", "text/html")
	w.Write(data)
}
