package fetch

import (
	"context"
	"errors"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

// testOptions are fast settings for loopback servers.
func testOptions() Options {
	return Options{Timeout: 2 * time.Second, Backoff: time.Millisecond, HostDelay: -1, DisableJitter: true, MaxBytes: 1 << 10}
}

func reason(err error) string {
	var fe *Error
	if errors.As(err, &fe) {
		return fe.Reason
	}
	if err != nil {
		return "other: " + err.Error()
	}
	return ""
}

func TestGet(t *testing.T) {
	var hits sync.Map // path → *atomic.Int32
	count := func(p string) *atomic.Int32 {
		v, _ := hits.LoadOrStore(p, new(atomic.Int32))
		return v.(*atomic.Int32)
	}
	mux := http.NewServeMux()
	mux.HandleFunc("/robots.txt", func(w http.ResponseWriter, r *http.Request) {
		w.Write([]byte("User-agent: *\nDisallow: /private/\nAllow: /private/ok\n\nUser-agent: otherbot\nDisallow: /\n"))
	})
	mux.HandleFunc("/page", func(w http.ResponseWriter, r *http.Request) {
		if r.Header.Get("User-Agent") != DefaultUserAgent {
			http.Error(w, "no user agent", http.StatusForbidden)
			return
		}
		if r.Header.Get("If-None-Match") == `"v1"` {
			w.WriteHeader(http.StatusNotModified)
			return
		}
		w.Header().Set("Content-Type", "text/html; charset=windows-1252")
		w.Header().Set("ETag", `"v1"`)
		w.Write([]byte("caf\xe9"))
	})
	mux.HandleFunc("/private/", func(w http.ResponseWriter, r *http.Request) { w.Write([]byte("secret")) })
	mux.HandleFunc("/busy", func(w http.ResponseWriter, r *http.Request) {
		if count("/busy").Add(1) < 3 {
			w.Header().Set("Retry-After", "0")
			http.Error(w, "busy", http.StatusServiceUnavailable)
			return
		}
		w.Write([]byte("done"))
	})
	mux.HandleFunc("/throttled", func(w http.ResponseWriter, r *http.Request) {
		if count("/throttled").Add(1) == 1 {
			http.Error(w, "slow down", http.StatusTooManyRequests)
			return
		}
		w.Write([]byte("ok"))
	})
	mux.HandleFunc("/down", func(w http.ResponseWriter, r *http.Request) {
		count("/down").Add(1)
		http.Error(w, "down", http.StatusBadGateway)
	})
	mux.HandleFunc("/later", func(w http.ResponseWriter, r *http.Request) {
		count("/later").Add(1)
		w.Header().Set("Retry-After", "3600")
		http.Error(w, "come back in an hour", http.StatusServiceUnavailable)
	})
	mux.HandleFunc("/missing", func(w http.ResponseWriter, r *http.Request) {
		count("/missing").Add(1)
		http.NotFound(w, r)
	})
	mux.HandleFunc("/big", func(w http.ResponseWriter, r *http.Request) { w.Write(make([]byte, 4<<10)) })
	mux.HandleFunc("/big-chunked", func(w http.ResponseWriter, r *http.Request) {
		for i := 0; i < 8; i++ {
			w.Write(make([]byte, 512))
			w.(http.Flusher).Flush()
		}
	})
	mux.HandleFunc("/slow", func(w http.ResponseWriter, r *http.Request) {
		select {
		case <-time.After(5 * time.Second):
		case <-r.Context().Done():
		}
	})
	mux.HandleFunc("/r1", func(w http.ResponseWriter, r *http.Request) { http.Redirect(w, r, "/r2", http.StatusMovedPermanently) })
	mux.HandleFunc("/r2", func(w http.ResponseWriter, r *http.Request) { http.Redirect(w, r, "/page#top", http.StatusFound) })
	mux.HandleFunc("/to-private", func(w http.ResponseWriter, r *http.Request) { http.Redirect(w, r, "/private/x", http.StatusFound) })
	mux.HandleFunc("/loop", func(w http.ResponseWriter, r *http.Request) { http.Redirect(w, r, "/loop", http.StatusFound) })
	mux.HandleFunc("/to-ftp", func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, "ftp://x.example/", http.StatusFound)
	})
	srv := httptest.NewServer(mux)
	defer srv.Close()

	c := New(testOptions())
	// The slow page is asked for by a client with a short timeout.
	sopt := testOptions()
	sopt.Timeout = 100 * time.Millisecond
	slow := New(sopt)
	ctx := context.Background()
	tests := []struct {
		path, reason, body, finalPath string
		attempts                      int32
	}{
		{path: "/page", body: "caf\xe9", finalPath: "/page"},
		{path: "/private/x", reason: ReasonRobots},
		{path: "/private/ok", body: "secret", finalPath: "/private/ok"},
		{path: "/busy", body: "done", attempts: 3},
		{path: "/throttled", body: "ok", attempts: 2},
		{path: "/down", reason: ReasonStatus, attempts: 4},
		{path: "/later", reason: ReasonStatus, attempts: 1},
		{path: "/missing", reason: ReasonStatus, attempts: 1},
		{path: "/big", reason: ReasonTooLarge},
		{path: "/big-chunked", reason: ReasonTooLarge},
		{path: "/slow", reason: ReasonTimeout},
		{path: "/r1", body: "caf\xe9", finalPath: "/page"},
		{path: "/to-private", reason: ReasonRobots},
		{path: "/loop", reason: ReasonRedirects},
		{path: "/to-ftp", reason: ReasonBadURL},
	}
	for _, tt := range tests {
		cl := c
		if tt.path == "/slow" {
			cl = slow
		}
		resp, err := cl.Get(ctx, srv.URL+tt.path, nil)
		if got := reason(err); got != tt.reason {
			t.Errorf("%s: reason %q (%v), want %q", tt.path, got, err, tt.reason)
			continue
		}
		if tt.attempts != 0 {
			if got := count(tt.path).Load(); got != tt.attempts {
				t.Errorf("%s: %d attempts, want %d", tt.path, got, tt.attempts)
			}
		}
		if err != nil {
			if !strings.Contains(err.Error(), tt.path) {
				t.Errorf("%s: error %q does not name the URL", tt.path, err)
			}
			continue
		}
		if tt.finalPath == "" {
			tt.finalPath = tt.path
		}
		if string(resp.Body) != tt.body || resp.URL != srv.URL+tt.finalPath {
			t.Errorf("%s: got %q from %s, want %q from %s", tt.path, resp.Body, resp.URL, tt.body, srv.URL+tt.finalPath)
		}
	}

	// A conditional request with the validator answers 304.
	resp, err := c.Get(ctx, srv.URL+"/page", &Request{IfNoneMatch: `"v1"`})
	if err != nil || !resp.NotModified() {
		t.Errorf("conditional GET: %v, %v; want 304", resp, err)
	}
	resp, err = c.Get(ctx, srv.URL+"/page", nil)
	if err != nil || resp.ETag != `"v1"` || resp.ContentType != "text/html; charset=windows-1252" {
		t.Errorf("GET /page: %+v, %v", resp, err)
	}

	// Another agent is disallowed everywhere by its own group.
	oopt := testOptions()
	oopt.UserAgent = "OtherBot/2.1"
	if _, err := New(oopt).Get(ctx, srv.URL+"/page", nil); reason(err) != ReasonRobots {
		t.Errorf("OtherBot: %v, want robots.txt disallows", err)
	}
	for _, bad := range []string{"ftp://x.example/", "/relative", "http://", "::"} {
		if _, err := c.Get(ctx, bad, nil); reason(err) != ReasonBadURL {
			t.Errorf("%q: %v, want bad URL", bad, err)
		}
	}
}

func TestRobotsUnavailable(t *testing.T) {
	status := http.StatusServiceUnavailable
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/robots.txt" {
			http.Error(w, "x", status)
			return
		}
		w.Write([]byte("page"))
	}))
	defer srv.Close()
	if _, err := New(testOptions()).Get(context.Background(), srv.URL+"/a", nil); reason(err) != ReasonRobots ||
		!strings.Contains(err.Error(), "could not be read") {
		t.Errorf("robots.txt 503: %v, want the host disallowed", err)
	}
	status = http.StatusNotFound
	if _, err := New(testOptions()).Get(context.Background(), srv.URL+"/a", nil); err != nil {
		t.Errorf("robots.txt 404: %v, want everything allowed", err)
	}
	// An unreachable host is reported as such, not as a robots.txt rule.
	closed := httptest.NewServer(http.NotFoundHandler())
	closed.Close()
	if _, err := New(testOptions()).Get(context.Background(), closed.URL+"/a", nil); reason(err) != ReasonNetwork {
		t.Errorf("unreachable host: %v, want network error", err)
	}
	opt := testOptions()
	opt.IgnoreRobots = true
	status = http.StatusServiceUnavailable
	if _, err := New(opt).Get(context.Background(), srv.URL+"/a", nil); err != nil {
		t.Errorf("IgnoreRobots: %v", err)
	}
}

// TestHostDelay checks that requests to one host are spaced by HostDelay,
// or by robots.txt's Crawl-delay when longer. Each request is booked at
// least the delay after the previous one, so the last of n requests starts
// at least (n-1) delays after the first could: a lower bound that holds
// however loaded the machine is.
func TestHostDelay(t *testing.T) {
	for _, tt := range []struct {
		name   string
		robots string
		delay  time.Duration
		want   time.Duration // least time from the start to the last request
	}{
		// robots.txt, then 4 pages: 4 delays
		{"host delay", "", 40 * time.Millisecond, 4 * 40 * time.Millisecond},
		// robots.txt sets 80 ms after one 10 ms wait
		{"crawl-delay", "User-agent: *\nCrawl-delay: 0.08\n", 10 * time.Millisecond, 10*time.Millisecond + 3*80*time.Millisecond},
	} {
		var mu sync.Mutex
		var last time.Time
		srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			mu.Lock()
			last = time.Now()
			mu.Unlock()
			if r.URL.Path == "/robots.txt" {
				w.Write([]byte(tt.robots))
			}
		}))
		opt := testOptions()
		opt.HostDelay = tt.delay
		c := New(opt)
		start := time.Now()
		var wg sync.WaitGroup
		for i := 0; i < 4; i++ {
			wg.Add(1)
			go func() {
				defer wg.Done()
				if _, err := c.Get(context.Background(), srv.URL+"/p", nil); err != nil {
					t.Error(err)
				}
			}()
		}
		wg.Wait()
		srv.Close()
		if got := last.Sub(start); got < tt.want {
			t.Errorf("%s: the last request came %s after the start, want at least %s", tt.name, got, tt.want)
		}
	}
}

func TestGetCancel(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Retry-After", "1")
		http.Error(w, "busy", http.StatusServiceUnavailable)
	}))
	defer srv.Close()
	opt := testOptions()
	opt.IgnoreRobots = true
	ctx, cancel := context.WithCancel(context.Background())
	time.AfterFunc(50*time.Millisecond, cancel)
	if _, err := New(opt).Get(ctx, srv.URL, nil); !errors.Is(err, context.Canceled) {
		t.Errorf("cancelled during a Retry-After wait: %v, want context.Canceled", err)
	}
}

func TestRetryAfter(t *testing.T) {
	now := time.Date(2024, 3, 5, 12, 0, 0, 0, time.UTC)
	for _, tt := range []struct {
		in   string
		want time.Duration
	}{
		{"", 0}, {"0", 0}, {"120", 2 * time.Minute}, {"-5", 0}, {"soon", 0},
		{"Tue, 05 Mar 2024 12:00:30 GMT", 30 * time.Second}, {"Tue, 05 Mar 2024 11:00:00 GMT", 0},
	} {
		if got := retryAfter(tt.in, now); got != tt.want {
			t.Errorf("retryAfter(%q) = %s, want %s", tt.in, got, tt.want)
		}
	}
}

func TestRobots(t *testing.T) {
	robots := ParseRobots([]byte(`# example
User-agent: eventwire
User-agent: somebot
Disallow: /drafts/
Allow: /drafts/public$
Disallow: /*.pdf$
Disallow: /search?
Crawl-delay: 2

User-agent: *
Disallow: /
Sitemap: https://x.example/sitemap.xml
`))
	for _, tt := range []struct {
		agent, path string
		want        bool
	}{
		{"eventwire/1 (+https://github.com/eventwire/eventwire)", "/news/1", true},
		{"eventwire/1", "/drafts/x", false},
		{"eventwire/1", "/drafts/public", true},
		{"eventwire/1", "/drafts/public/x", false},
		{"eventwire/1", "/files/report.pdf", false},
		{"eventwire/1", "/files/report.pdf?x=1", true},
		{"eventwire/1", "/search?q=x", false},
		{"eventwire/1", "/search", true},
		{"EventWire", "/drafts/x", false},
		{"otherbot", "/news/1", false},
		{"otherbot", "/robots.txt", true},
	} {
		u, _ := url.Parse("https://x.example" + tt.path)
		if got := robots.Allowed(tt.agent, u); got != tt.want {
			t.Errorf("Allowed(%q, %q) = %v, want %v", tt.agent, tt.path, got, tt.want)
		}
	}
	if d := robots.CrawlDelay("eventwire/1"); d != 2*time.Second {
		t.Errorf("CrawlDelay = %s, want 2s", d)
	}
	if d := robots.CrawlDelay("otherbot"); d != 0 {
		t.Errorf("CrawlDelay(otherbot) = %s, want 0", d)
	}
	empty := ParseRobots(nil)
	u, _ := url.Parse("https://x.example/anything")
	if !empty.Allowed("eventwire", u) {
		t.Error("an empty robots.txt disallows")
	}
}

func TestMatch(t *testing.T) {
	for _, tt := range []struct {
		pattern, path string
		want          bool
	}{
		{"/", "/a", true}, {"/a", "/", false}, {"/a*c", "/abbbc", true}, {"/a*c$", "/abcd", false},
		{"/a*c$", "/abcc", true}, {"*", "/x", true}, {"/*/x", "/a/b/x", true}, {"/$", "/", true}, {"/$", "/a", false},
		{"/**a", "/ba", true}, {"/a*b*c", "/aXbYc", true}, {"/a*b*c$", "/aXbYcZ", false},
	} {
		if got := match(tt.pattern, tt.path); got != tt.want {
			t.Errorf("match(%q, %q) = %v, want %v", tt.pattern, tt.path, got, tt.want)
		}
	}
}

func FuzzRobots(f *testing.F) {
	f.Add([]byte("User-agent: *\nDisallow: /a*b$\nAllow: /a\nCrawl-delay: 1.5\n"), "/a/b")
	f.Add([]byte("user-agent eventwire\n\r\nDISALLOW:/\n"), "/")
	f.Add([]byte(""), "")
	f.Fuzz(func(t *testing.T, data []byte, path string) {
		r := ParseRobots(data)
		u := &url.URL{Scheme: "https", Host: "x.example", Path: path}
		r.Allowed(DefaultUserAgent, u)
		if d := r.CrawlDelay(DefaultUserAgent); d < 0 {
			t.Fatalf("negative crawl delay %s", d)
		}
	})
}
