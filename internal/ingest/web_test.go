package ingest

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/eventwire/eventwire/internal/fetch"
)

// newsSite serves testdata/web on loopback with the failures of real
// sites: a robots.txt that disallows /private/, a page that is gone, one
// over the size cap, one slower than the timeout, a busy feed (503 once,
// with Retry-After) and an index page without an article. extra items are
// added to the feed.
func newsSite(t *testing.T, extra *atomic.Value) *httptest.Server {
	return newsSiteCounting(t, extra, new(atomic.Int32))
}

// newsSiteCounting is newsSite counting the feed's 304 answers.
func newsSiteCounting(t *testing.T, extra *atomic.Value, notModified *atomic.Int32) *httptest.Server {
	t.Helper()
	var busy atomic.Bool
	busy.Store(true)
	var srv *httptest.Server
	srv = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case "/robots.txt":
			fmt.Fprint(w, "User-agent: *\nDisallow: /private/\n")
		case "/feed.xml":
			if busy.Swap(false) {
				w.Header().Set("Retry-After", "0")
				http.Error(w, "busy", http.StatusServiceUnavailable)
				return
			}
			data, err := os.ReadFile(filepath.Join("testdata", "web", "feed.xml"))
			if err != nil {
				t.Error(err)
			}
			s := strings.ReplaceAll(string(data), "{{BASE}}", srv.URL)
			if more, _ := extra.Load().(string); more != "" {
				s = strings.Replace(s, "</channel>", more+"</channel>", 1)
			}
			etag := fmt.Sprintf(`"%d"`, len(s))
			if r.Header.Get("If-None-Match") == etag {
				notModified.Add(1)
				w.WriteHeader(http.StatusNotModified)
				return
			}
			w.Header().Set("ETag", etag)
			w.Header().Set("Content-Type", "application/rss+xml")
			fmt.Fprint(w, s)
		case "/huge.html":
			w.Header().Set("Content-Type", "text/html")
			w.Write([]byte("<html><body><p>" + strings.Repeat("word ", 100_000) + "</p></body></html>"))
		case "/slow.html":
			select {
			case <-time.After(5 * time.Second):
			case <-r.Context().Done():
			}
		case "/index.html":
			fmt.Fprint(w, "<html><head><title>Index</title></head><body><nav><a href=/a>A</a> <a href=/b>B</a></nav></body></html>")
		case "/moved":
			http.Redirect(w, r, "/talks.html", http.StatusMovedPermanently)
		case "/plain.txt":
			fmt.Fprint(w, "Title: Plain wire\nDate: 2024-02-01\n\nThe minister said on Thursday that the border would be opened to trade again next week.")
		default:
			data, err := os.ReadFile(filepath.Join("testdata", "web", filepath.Base(r.URL.Path)))
			if err != nil {
				http.NotFound(w, r)
				return
			}
			if strings.HasSuffix(r.URL.Path, ".html") {
				w.Header().Set("Content-Type", "text/html")
			}
			w.Write(data)
		}
	}))
	return srv
}

func testWalker() *Walker {
	return &Walker{Fetcher: fetch.New(fetch.Options{
		Timeout: time.Second, Backoff: time.Millisecond, HostDelay: -1, MaxBytes: 64 << 10, Retries: 1, DisableJitter: true,
	})}
}

type walkLog struct {
	docs, skips []string
}

func (l *walkLog) walk(t *testing.T, w *Walker, sources ...string) {
	t.Helper()
	l.docs, l.skips = nil, nil
	err := w.Walk(sources, func(d Document, origin string) error {
		date := ""
		if !d.Date.IsZero() {
			date = d.Date.Format(DateLayout)
		}
		first, _, _ := strings.Cut(d.Text, "\n")
		l.docs = append(l.docs, fmt.Sprintf("%s|%s|%s|%s|%.40s", origin, d.Title, date, d.Source, first))
		return nil
	}, func(s Skip) {
		l.skips = append(l.skips, s.Origin+"|"+s.Reason)
	})
	if err != nil {
		t.Fatal(err)
	}
}

func TestWalkWeb(t *testing.T) {
	var extra atomic.Value
	var notModified atomic.Int32
	srv := newsSiteCounting(t, &extra, &notModified)
	defer srv.Close()
	b := srv.URL
	w := testWalker()
	var announced atomic.Int64
	w.Discovered = func(n int) { announced.Add(int64(n)) }
	var log walkLog
	log.walk(t, w, b+"/feed.xml", b+"/moved", b+"/plain.txt", b+"/private/x.html", b+"/missing.html")
	wantDocs := []string{
		b + "/talks.html|Border talks resume in Geneva|2024-03-05|Test Ledger|The foreign ministers of Arnor and Gondo",
		b + "/cafe.html|Café owners protest “unfair” tax|2023-11-20|Test Ledger|Hundreds of café owners marched through ",
		b + "/feed.xml#9|Wire copy without a page||Test Ledger|Police detained twelve protesters outsid",
		b + "/moved|Border talks resume in Geneva|2024-03-05|" + strings.TrimPrefix(b, "http://") + "|The foreign ministers of Arnor and Gondo",
		b + "/plain.txt|Plain wire|2024-02-01||The minister said on Thursday that the b",
	}
	wantSkips := []string{
		b + "/greve.html|" + ReasonLanguage,
		b + "/private/report.html|" + fetch.ReasonRobots,
		b + "/gone.html|" + fetch.ReasonStatus,
		b + "/huge.html|" + fetch.ReasonTooLarge,
		b + "/slow.html|" + fetch.ReasonTimeout,
		b + "/index.html|" + ReasonNoArticle,
		b + "/private/x.html|" + fetch.ReasonRobots,
		b + "/missing.html|" + fetch.ReasonStatus,
	}
	if strings.Join(log.docs, "\n") != strings.Join(wantDocs, "\n") {
		t.Errorf("documents:\n%s\nwant:\n%s", strings.Join(log.docs, "\n"), strings.Join(wantDocs, "\n"))
	}
	if strings.Join(log.skips, "\n") != strings.Join(wantSkips, "\n") {
		t.Errorf("skips:\n%s\nwant:\n%s", strings.Join(log.skips, "\n"), strings.Join(wantSkips, "\n"))
	}
	if got := announced.Load(); got != 9+2 {
		t.Errorf("announced %d documents, want 11 (9 feed items, 2 pages fetched)", got)
	}
	if got := w.Feeds(); len(got) != 1 || got[0] != b+"/feed.xml" {
		t.Errorf("Feeds() = %v", got)
	}
	if w.Handled() != len(wantDocs)+len(wantSkips) {
		t.Errorf("Handled() = %d, want %d", w.Handled(), len(wantDocs)+len(wantSkips))
	}

	// Polling the feed again yields only what is new, and tries again the
	// item that timed out.
	extra.Store("<item><title>Moved</title><link>/moved</link><guid>moved</guid></item>") // a relative link
	log.walk(t, w, w.Feeds()...)
	wantDocs = []string{b + "/moved|Border talks resume in Geneva|2024-03-05|Test Ledger|The foreign ministers of Arnor and Gondo"}
	wantSkips = []string{b + "/slow.html|" + fetch.ReasonTimeout}
	if strings.Join(log.docs, "\n") != strings.Join(wantDocs, "\n") || strings.Join(log.skips, "\n") != strings.Join(wantSkips, "\n") {
		t.Errorf("second poll: documents %q, skips %q; want %q, %q", log.docs, log.skips, wantDocs, wantSkips)
	}
	// An unchanged feed answers 304 to the conditional request: only the
	// page that timed out is tried again.
	log.walk(t, w, w.Feeds()...)
	if len(log.docs) != 0 || strings.Join(log.skips, "\n") != strings.Join(wantSkips, "\n") || notModified.Load() != 1 {
		t.Errorf("third poll: documents %q, skips %q, %d answers 304; want none, %q, 1", log.docs, log.skips, notModified.Load(), wantSkips)
	}

	// Other languages are kept when asked for.
	w2 := testWalker()
	w2.Languages = []string{"en", "fr"}
	log.walk(t, w2, b+"/greve.html")
	if len(log.docs) != 1 || len(log.skips) != 0 {
		t.Errorf("Languages en, fr: documents %q, skips %q", log.docs, log.skips)
	}
	// Feed content instead of pages.
	w3 := testWalker()
	w3.FeedContent = true
	log.walk(t, w3, b+"/feed.xml")
	if len(log.docs) != 1 || !strings.Contains(log.docs[0], "Police detained") || len(log.skips) != 9 {
		t.Errorf("FeedContent: documents %q, skips %q; want the wire copy, 9 items without content", log.docs, log.skips)
	}
}

// TestWalkLocalWeb reads HTML and feed files from a directory; the feed
// points at pages on a loopback server.
func TestWalkLocalWeb(t *testing.T) {
	var extra atomic.Value
	srv := newsSite(t, &extra)
	defer srv.Close()
	dir := t.TempDir()
	copyFile := func(name, to string, replace bool) {
		data, err := os.ReadFile(filepath.Join("testdata", "web", name))
		if err != nil {
			t.Fatal(err)
		}
		if replace {
			data = []byte(strings.ReplaceAll(string(data), "{{BASE}}", srv.URL))
		}
		if err := os.WriteFile(filepath.Join(dir, to), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	copyFile("talks.html", "a-talks.html", false)
	copyFile("cafe.html", "b-cafe.page", false) // sniffed, not named
	copyFile("greve.html", "c-greve.htm", false)
	copyFile("feed.xml", "d-feed.rss", true)
	os.WriteFile(filepath.Join(dir, "e-broken.xml"), []byte("<rss><channel><item><title>x</title><link>"+srv.URL+"/talks.html</link></item>\n<item><title>cut"), 0o644)
	os.WriteFile(filepath.Join(dir, "f-empty.html"), []byte("<html><body><nav>Home</nav></body></html>"), 0o644)
	os.WriteFile(filepath.Join(dir, "g-german.txt"), []byte("Die Regierung hat am Dienstag angekündigt, dass die Verhandlungen mit der Opposition in der nächsten Woche fortgesetzt werden."), 0o644)

	w := testWalker()
	if n := w.Count([]string{dir, srv.URL + "/feed.xml"}); n != 1+1+1+9+1+1+1 {
		t.Errorf("Count = %d, want 15 (3 pages, 9 + 1 feed items, an empty page, a text)", n)
	}
	var log walkLog
	log.walk(t, w, dir)
	rel := func(ss []string) []string {
		out := make([]string, len(ss))
		for i, s := range ss {
			s = strings.ReplaceAll(s, dir+string(filepath.Separator), "")
			s = strings.ReplaceAll(s, srv.URL, "")
			out[i] = strings.ReplaceAll(s, strings.TrimPrefix(srv.URL, "http://"), "127.0.0.1")
		}
		sort.Strings(out)
		return out
	}
	wantDocs := []string{
		"/cafe.html|Café owners protest “unfair” tax|2023-11-20|Test Ledger|Hundreds of café owners marched through ",
		"/feed.xml#9|Wire copy without a page||Test Ledger|Police detained twelve protesters outsid",
		"/talks.html|Border talks resume in Geneva|2024-03-05|127.0.0.1|The foreign ministers of Arnor and Gondo",
		"/talks.html|Border talks resume in Geneva|2024-03-05|Test Ledger|The foreign ministers of Arnor and Gondo",
		"a-talks.html|Border talks resume in Geneva|2024-03-05||The foreign ministers of Arnor and Gondo",
		"b-cafe.page|Café owners protest “unfair” tax|||Hundreds of café owners marched through ",
	}
	gotDocs := rel(log.docs)
	// The feed file's wire copy is named after the file.
	for i, d := range gotDocs {
		gotDocs[i] = strings.Replace(d, "d-feed.rss#9", "/feed.xml#9", 1)
	}
	sort.Strings(gotDocs)
	if strings.Join(gotDocs, "\n") != strings.Join(wantDocs, "\n") {
		t.Errorf("documents:\n%s\nwant:\n%s", strings.Join(gotDocs, "\n"), strings.Join(wantDocs, "\n"))
	}
	wantSkips := []string{
		"/gone.html|" + fetch.ReasonStatus, "/greve.html|" + ReasonLanguage, "/huge.html|" + fetch.ReasonTooLarge,
		"/index.html|" + ReasonNoArticle, "/private/report.html|" + fetch.ReasonRobots, "/slow.html|" + fetch.ReasonTimeout,
		"c-greve.htm|" + ReasonLanguage, "e-broken.xml|" + ReasonBadFeed, "f-empty.html|" + ReasonNoArticle, "g-german.txt|" + ReasonLanguage,
	}
	if got := rel(log.skips); strings.Join(got, "\n") != strings.Join(wantSkips, "\n") {
		t.Errorf("skips:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(wantSkips, "\n"))
	}
}

func TestWalkCancel(t *testing.T) {
	var extra atomic.Value
	srv := newsSite(t, &extra)
	defer srv.Close()
	w := testWalker()
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	w.Context = ctx
	err := w.Walk([]string{srv.URL + "/talks.html"}, func(Document, string) error { return nil }, func(Skip) {})
	if err == nil || !strings.Contains(err.Error(), "context canceled") {
		t.Errorf("cancelled walk: %v, want context canceled", err)
	}
}

// TestWalkFeedConcurrent checks that item pages on different hosts are
// fetched at the same time: host A's page answers only once host B's has
// been asked for (or after 3 s, marking the fetches sequential); with
// Concurrency 1 they are not.
func TestWalkFeedConcurrent(t *testing.T) {
	page, err := os.ReadFile(filepath.Join("testdata", "web", "talks.html"))
	if err != nil {
		t.Fatal(err)
	}
	for _, concurrency := range []int{0, 1} {
		bAsked := make(chan struct{})
		var overlapped atomic.Bool
		serve := func(wait bool) *httptest.Server {
			return httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
				if r.URL.Path == "/robots.txt" {
					http.NotFound(w, r)
					return
				}
				if wait {
					select {
					case <-bAsked:
						overlapped.Store(true)
					case <-time.After(3 * time.Second):
					}
				} else {
					close(bAsked)
				}
				w.Header().Set("Content-Type", "text/html")
				w.Write(page)
			}))
		}
		a, b := serve(true), serve(false)
		feedFile := filepath.Join(t.TempDir(), "two-hosts.rss")
		os.WriteFile(feedFile, []byte(fmt.Sprintf(`<rss><channel><title>Two</title>
<item><link>%s/a.html</link></item><item><link>%s/b.html</link></item></channel></rss>`, a.URL, b.URL)), 0o644)
		w := &Walker{Fetcher: fetch.New(fetch.Options{Timeout: 10 * time.Second, HostDelay: -1}), Concurrency: concurrency}
		var log walkLog
		log.walk(t, w, feedFile)
		a.Close()
		b.Close()
		if len(log.docs) != 2 || !strings.HasPrefix(log.docs[0], a.URL) {
			t.Errorf("concurrency %d: documents %q, skips %q; want a's page, then b's", concurrency, log.docs, log.skips)
		}
		if want := concurrency != 1; overlapped.Load() != want {
			t.Errorf("concurrency %d: pages on two hosts fetched at the same time: %v, want %v", concurrency, overlapped.Load(), want)
		}
	}
}

// BenchmarkWalkFeed walks a feed of 50 items on loopback (no host delay),
// fetching and extracting each page: the walk's own cost per document,
// without analysis or storage.
func BenchmarkWalkFeed(b *testing.B) {
	page, err := os.ReadFile(filepath.Join("testdata", "web", "talks.html"))
	if err != nil {
		b.Fatal(err)
	}
	var srv *httptest.Server
	srv = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch {
		case r.URL.Path == "/robots.txt":
			http.NotFound(w, r)
		case r.URL.Path == "/feed.xml":
			var items strings.Builder
			for i := 0; i < 50; i++ {
				fmt.Fprintf(&items, "<item><link>%s/p/%d</link></item>", srv.URL, i)
			}
			fmt.Fprintf(w, "<rss><channel><title>Bench</title>%s</channel></rss>", items.String())
		default:
			w.Header().Set("Content-Type", "text/html")
			w.Write(page)
		}
	}))
	defer srv.Close()
	b.ReportAllocs()
	docs := 0
	for b.Loop() {
		w := &Walker{Fetcher: fetch.New(fetch.Options{HostDelay: -1})}
		err := w.Walk([]string{srv.URL + "/feed.xml"}, func(Document, string) error { docs++; return nil }, func(s Skip) { b.Fatal(s) })
		if err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(docs)/b.Elapsed().Seconds(), "docs/s")
}
