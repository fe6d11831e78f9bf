package server

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log"
	"net/http"
	"net/http/httptest"
	"net/netip"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/eventwire/eventwire/internal/store"
)

// nopStore satisfies store.Store for tests that never read the store.
type nopStore struct{ store.Store }

func TestCode(t *testing.T) {
	s := newTestServer(t, Options{})
	text := "Sudan's army attacked rebels in Khartoum on Monday. The United Nations urged both sides to stop fighting."
	code, body, _ := do(t, s, "POST", "/api/code", `{"text":`+quote(text)+`,"date":"2024-03-06"}`)
	if code != 200 {
		t.Fatalf("%d %v", code, body)
	}
	sents := body["sentences"].([]any)
	if len(sents) != 2 {
		t.Fatalf("%d sentences, want 2", len(sents))
	}
	roots := 0
	for _, tk := range sents[0].(map[string]any)["tokens"].([]any) {
		m := tk.(map[string]any)
		a, b := int(m["start"].(float64)), int(m["end"].(float64))
		if !strings.Contains(text[a:b], m["form"].(string)) { // words of "Sudan's" share its span
			t.Errorf("token %v at %d:%d is %q in the text", m["form"], a, b, text[a:b])
		}
		if m["head"] == 0.0 {
			roots++
		}
	}
	if roots != 1 {
		t.Errorf("first sentence has %d roots", roots)
	}
	evs := body["events"].([]any)
	if len(evs) == 0 {
		t.Fatalf("no events coded from %q", text)
	}
	attack := false
	for _, e := range evs {
		m := e.(map[string]any)
		if strings.HasPrefix(m["code"].(string), "19") && strings.HasPrefix(m["source"].(string), "SDN") {
			attack = true
			verb := m["spans"].(map[string]any)["verb"].(map[string]any)
			if v := text[int(verb["start"].(float64)):int(verb["end"].(float64))]; v != "attacked" {
				t.Errorf("verb span %q", v)
			}
			if m["rule"] == "" || m["sentence_index"] != 1.0 {
				t.Errorf("attack without rule or in sentence %v", m["sentence_index"])
			}
		}
	}
	if !attack {
		t.Errorf("no SDN 19x event in %v", evs)
	}
	if ex := body["explain"].(string); !strings.Contains(ex, "attacked") || !strings.Contains(ex, "urged") {
		t.Errorf("explanation lacks the verbs:\n%s", ex)
	}
}

func quote(s string) string {
	var b strings.Builder
	b.WriteByte('"')
	for _, r := range s {
		switch r {
		case '"', '\\':
			b.WriteByte('\\')
			b.WriteRune(r)
		default:
			b.WriteRune(r)
		}
	}
	b.WriteByte('"')
	return b.String()
}

func TestCodeBadRequests(t *testing.T) {
	s := newTestServer(t, Options{})
	big := `{"text":"` + strings.Repeat("a ", MaxCodeBody/2) + `"}`
	cases := []struct {
		name, body string
		status     int
		param      string
	}{
		{"empty body", "", 400, "body"},
		{"not JSON", "text=hello", 400, "body"},
		{"empty text", `{"text":"  "}`, 400, "text"},
		{"unknown field", `{"text":"x","lang":"en"}`, 400, "lang"},
		{"wrong type", `{"text":5}`, 400, "text"},
		{"bad date", `{"text":"Sudan's army attacked rebels.","date":"06/03/2024"}`, 400, "date"},
		{"two values", `{"text":"a"}{"text":"b"}`, 400, "body"},
		{"text and url", `{"text":"a","url":"http://example.com/"}`, 400, "url"},
		{"fetch disabled", `{"url":"http://example.com/"}`, 403, "url"},
		{"too large", big, 413, "body"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			code, body, _ := do(t, s, "POST", "/api/code", tc.body)
			if code != tc.status || body["param"] != tc.param {
				t.Errorf("%d %v, want %d naming %q", code, body, tc.status, tc.param)
			}
		})
	}
	// Bodies not declared JSON are refused: the types a page of another
	// site can post without a CORS preflight, or none.
	for _, ct := range []string{"text/plain;charset=UTF-8", "application/x-www-form-urlencoded", "multipart/form-data", ""} {
		r := httptest.NewRequest("POST", "/api/code", strings.NewReader(`{"text":"Sudan's army attacked rebels."}`))
		if ct != "" {
			r.Header.Set("Content-Type", ct)
		}
		w := httptest.NewRecorder()
		s.ServeHTTP(w, r)
		if w.Code != http.StatusUnsupportedMediaType {
			t.Errorf("Content-Type %q: %d, want 415", ct, w.Code)
		}
	}
}

// TestCodeBusy checks that coding requests beyond MaxCoding wait and, past
// their time limit, get 503.
func TestCodeBusy(t *testing.T) {
	s := newTestServer(t, Options{MaxCoding: 1, CodeTimeout: 200 * time.Millisecond})
	w := <-s.coders // hold the only coder
	code, body, _ := do(t, s, "POST", "/api/code", `{"text":"Sudan's army attacked rebels."}`)
	s.coders <- w
	if code != http.StatusServiceUnavailable || !strings.Contains(body["error"].(string), "busy") {
		t.Errorf("%d %v, want 503 busy", code, body)
	}
	if _, _, w := do(t, s, "GET", "/api/health", ""); w.Header().Get("Retry-After") != "" {
		t.Errorf("Retry-After on a 200")
	}
	if code, body, _ := do(t, s, "POST", "/api/code", `{"text":"Sudan's army attacked rebels."}`); code != 200 {
		t.Errorf("after release: %d %v", code, body)
	}
}

func TestCodeConcurrent(t *testing.T) {
	s := newTestServer(t, Options{MaxCoding: 2})
	var wg sync.WaitGroup
	errs := make(chan error, 8)
	for i := range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			text := fmt.Sprintf("Sudan's army attacked rebels in Khartoum %d times.", i+2)
			code, body, _ := do(t, s, "POST", "/api/code", `{"text":"`+text+`"}`)
			if code != 200 || len(body["events"].([]any)) == 0 {
				errs <- fmt.Errorf("request %d: %d %v", i, code, body)
			}
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
}

func TestCodeDisabledWithoutDictionaries(t *testing.T) {
	s, err := New(Options{Store: nopStore{}})
	if err != nil {
		t.Fatal(err)
	}
	code, body, _ := do(t, s, "POST", "/api/code", `{"text":"Sudan's army attacked rebels."}`)
	if code != http.StatusServiceUnavailable {
		t.Errorf("%d %v", code, body)
	}
}

func TestCheckPublic(t *testing.T) {
	for _, tc := range []struct {
		ip     string
		public bool
	}{
		{"8.8.8.8", true}, {"2606:4700:4700::1111", true}, {"151.101.1.69", true},
		{"127.0.0.1", false}, {"127.1.2.3", false}, {"::1", false}, {"10.1.2.3", false}, {"172.16.0.1", false},
		{"192.168.1.1", false}, {"169.254.169.254", false}, {"fe80::1", false}, {"fc00::1", false},
		{"0.0.0.0", false}, {"::", false}, {"224.0.0.1", false}, {"ff02::1", false}, {"100.64.0.1", false},
		{"::ffff:127.0.0.1", false}, {"::ffff:10.0.0.1", false}, {"64:ff9b::a00:1", false}, {"2002:7f00:1::", false},
		{"255.255.255.255", false}, {"198.18.0.1", false},
	} {
		err := checkPublic(netip.MustParseAddr(tc.ip))
		if (err == nil) != tc.public {
			t.Errorf("%s: %v, want public %v", tc.ip, err, tc.public)
		}
		if err != nil && !errors.Is(err, errBlocked) {
			t.Errorf("%s: error does not wrap errBlocked", tc.ip)
		}
	}
}

// TestCodeFetch checks URL fetching: refused to loopback by default (by
// the dial-time check, whatever the host name), allowed with
// AllowPrivate, and a redirect cannot reach a blocked address.
func TestCodeFetch(t *testing.T) {
	text := "Sudan's army attacked rebels in Khartoum."
	pages := http.NewServeMux()
	pages.HandleFunc("/article.txt", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/plain; charset=utf-8")
		fmt.Fprint(w, text)
	})
	pages.HandleFunc("/page.html", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		fmt.Fprint(w, `<!doctype html><html><head><title>Clashes in Khartoum</title></head><body><nav><a href="/">Home</a></nav>
<article><p>`+text+` Residents said the fighting lasted for several hours and spread to
two districts in the south of the capital, where shops stayed closed.</p></article></body></html>`)
	})
	pages.HandleFunc("/empty.html", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html")
		fmt.Fprint(w, "<html><body><p>Hello.</p></body></html>")
	})
	pages.HandleFunc("/latin1.txt", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/plain; charset=iso-8859-1")
		w.Write([]byte("Sudan's army attacked rebels near Omdurman caf\xe9s."))
	})
	pages.HandleFunc("/image.png", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "image/png")
		w.Write([]byte("\x89PNG"))
	})
	pages.HandleFunc("/big.txt", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/plain")
		w.Write([]byte(strings.Repeat("word ", MaxFetchBody/4)))
	})
	pages.HandleFunc("/gone", func(w http.ResponseWriter, r *http.Request) { http.NotFound(w, r) })
	target := httptest.NewServer(pages)
	defer target.Close()
	redirector := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, target.URL+"/article.txt", http.StatusFound)
	}))
	defer redirector.Close()
	targetPort := netip.MustParseAddrPort(strings.TrimPrefix(target.URL, "http://")).Port()

	body := func(u string) string { return `{"url":"` + u + `"}` }
	// Default policy: loopback is refused, also when named "localhost".
	s := newTestServer(t, Options{AllowFetch: true})
	for _, u := range []string{target.URL + "/article.txt", strings.Replace(target.URL, "127.0.0.1", "localhost", 1) + "/article.txt"} {
		code, resp, _ := do(t, s, "POST", "/api/code", body(u))
		if code != http.StatusForbidden || resp["param"] != "url" || !strings.Contains(resp["error"].(string), "not a public address") {
			t.Errorf("%s: %d %v, want 403", u, code, resp)
		}
	}
	// A policy that trusts the redirector's port but not the target's: the
	// redirect must be refused at dial time.
	s = newTestServer(t, Options{AllowFetch: true, fetchCheck: func(ap netip.AddrPort) error {
		if ap.Port() == targetPort {
			return fmt.Errorf("%w: test policy", errBlocked)
		}
		return nil
	}})
	if code, resp, _ := do(t, s, "POST", "/api/code", body(redirector.URL+"/r")); code != http.StatusForbidden {
		t.Errorf("redirect to a blocked address: %d %v, want 403", code, resp)
	}
	// AllowPrivate: loopback pages are fetched and coded.
	s = newTestServer(t, Options{AllowFetch: true, AllowPrivate: true})
	cases := []struct {
		url    string
		status int
	}{
		{target.URL + "/article.txt", 200},
		{redirector.URL + "/r", 200},
		{target.URL + "/page.html", 200},
		{target.URL + "/latin1.txt", 200},
		{target.URL + "/empty.html", http.StatusUnprocessableEntity},
		{target.URL + "/image.png", http.StatusUnsupportedMediaType},
		{target.URL + "/big.txt", http.StatusRequestEntityTooLarge},
		{target.URL + "/gone", http.StatusBadGateway},
		{"ftp://example.com/a.txt", 400},
		{"http://user:pw@example.com/", 400},
		{"/relative", 400},
	}
	for _, tc := range cases {
		code, resp, _ := do(t, s, "POST", "/api/code", body(tc.url))
		if code != tc.status {
			t.Errorf("%s: %d %v, want %d", tc.url, code, resp, tc.status)
			continue
		}
		if code == 200 && len(resp["events"].([]any)) == 0 {
			t.Errorf("%s: no events", tc.url)
		}
		if code != 200 && resp["param"] != "url" {
			t.Errorf("%s: error does not name url: %v", tc.url, resp)
		}
	}
}

func TestIngest(t *testing.T) {
	ctx := context.Background()
	_, set := corpusStore(t)
	st := tempStore(t)
	token := "test-token-0123456789"
	s, err := New(Options{Store: st, Dict: set, WriteToken: token})
	if err != nil {
		t.Fatal(err)
	}
	art := `{"text":"Sudan's army attacked rebels in Khartoum on Monday, witnesses said. The fighting spread to two districts in the south of the capital overnight.","title":"Clashes","url":"https://news.example/sudan/1","published":"2024-03-04","source":"Example News"}`
	auth := []string{"Authorization", "Bearer " + token}
	if _, h, _ := do(t, s, "GET", "/api/health", ""); h["articles"] != 0.0 {
		t.Fatalf("empty store: %v", h)
	}
	cases := []struct {
		name    string
		body    string
		header  []string
		status  int
		outcome string
	}{
		{"no token", art, nil, 401, ""},
		{"wrong token", art, []string{"Authorization", "Bearer nope"}, 401, ""},
		{"new", art, auth, 200, "new"},
		{"again", art, auth, 200, "already"},
		{"same canonical URL", strings.Replace(art, "sudan/1", "sudan/1?utm_source=x", 1), auth, 200, "already"},
		{"copy", strings.Replace(art, "news.example/sudan/1", "mirror.example/world/sudan-clashes", 1), auth, 200, "duplicate"},
		// The scheme's name is case-insensitive; a missing token or another scheme is refused.
		{"lower-case scheme", strings.Replace(art, "news.example/sudan/1", "mirror2.example/s", 1), []string{"Authorization", "bearer " + token}, 200, "duplicate"},
		{"upper-case scheme", strings.Replace(art, "news.example/sudan/1", "mirror3.example/s", 1), []string{"Authorization", "BEARER  " + token}, 200, "duplicate"},
		{"scheme without token", art, []string{"Authorization", "Bearer "}, 401, ""},
		{"basic scheme", art, []string{"Authorization", "Basic " + token}, 401, ""},
		{"token without scheme", art, []string{"Authorization", token}, 401, ""},
		{"bad date", strings.Replace(art, "2024-03-04", "March 4", 1), auth, 400, ""},
		{"no text", `{"title":"x"}`, auth, 400, ""},
		{"too large", `{"text":"` + strings.Repeat("a ", MaxIngestBody/2+1) + `"}`, auth, 413, ""},
	}
	for _, tc := range cases {
		code, body, _ := do(t, s, "POST", "/api/ingest", tc.body, tc.header...)
		if code != tc.status || (tc.outcome != "" && body["outcome"] != tc.outcome) {
			t.Errorf("%s: %d %v, want %d %s", tc.name, code, body, tc.status, tc.outcome)
		}
		if tc.name == "new" {
			if body["events"].(float64) < 1 || body["id"] == "" {
				t.Errorf("new article: %v", body)
			}
			code, art, _ := do(t, s, "GET", "/api/articles/"+body["id"].(string), "")
			if code != 200 || art["knowledge"] == nil || len(art["events"].([]any)) < 1 {
				t.Errorf("ingested article: %d %v", code, art)
			}
		}
	}
	stats, err := st.Stats(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if stats.Articles != 1 || stats.Copies != 4 || stats.Events < 1 { // the article and its three copies
		t.Errorf("store after ingest: %+v", stats)
	}
	// The counts health caches are refreshed by a write.
	if _, h, _ := do(t, s, "GET", "/api/health", ""); h["articles"] != 1.0 || h["events"] != float64(stats.Events) {
		t.Errorf("health after ingest: %v", h)
	}
	// A read-only server refuses ingest whatever the header.
	ro, _ := New(Options{Store: st, Dict: set})
	if code, body, _ := do(t, ro, "POST", "/api/ingest", art, auth...); code != http.StatusForbidden {
		t.Errorf("read-only server: %d %v", code, body)
	}
}

// FuzzCodeBody checks that any request body to POST /api/code is answered
// with a JSON error of a client status (400, 403, 413) or, once it passes
// validation, 503 from a server without dictionaries — never a 500 or a
// panic.
func FuzzCodeBody(f *testing.F) {
	s, err := New(Options{Store: nopStore{}, Log: log.New(io.Discard, "", 0)})
	if err != nil {
		f.Fatal(err)
	}
	f.Add([]byte(`{"text":"Sudan's army attacked rebels."}`))
	f.Fuzz(func(t *testing.T, body []byte) {
		r := httptest.NewRequest("POST", "/api/code", bytes.NewReader(body))
		r.Header.Set("Content-Type", "application/json")
		w := httptest.NewRecorder()
		s.ServeHTTP(w, r)
		switch w.Code {
		case 400, 403, 413, 503:
		default:
			t.Fatalf("body %q: status %d: %s", body, w.Code, w.Body)
		}
		var e struct{ Error, Param string }
		if err := json.Unmarshal(w.Body.Bytes(), &e); err != nil || e.Error == "" {
			t.Fatalf("body %q: error response %q", body, w.Body)
		}
		if w.Code == 400 && e.Param == "" {
			t.Fatalf("body %q: 400 naming no field: %s", body, e.Error)
		}
	})
}
