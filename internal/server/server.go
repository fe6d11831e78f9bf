// Package server is eventwire's HTTP API and web interface (eventwire
// serve): event search with cursor pagination, time series, top dyads,
// places and countries, whole articles with the spans and rule of each
// event, coding a text with its explanation, ingesting an article (with a
// token), health, Prometheus metrics and the OpenAPI description. The API
// contract is docs/serve.md; openapi.json describes it and a test keeps
// the two in step with the registered routes.
//
// The server is safe by default: read-only unless Options.WriteToken is
// set; request bodies, request time and concurrent coding are limited; URL
// fetching is off unless Options.AllowFetch, and then never reaches
// loopback, private, link-local or other non-public addresses (checked on
// the resolved address at dial time) unless Options.AllowPrivate.
package server

import (
	"context"
	_ "embed" // openapi.json
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"log"
	"net"
	"net/http"
	"net/netip"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/eventwire/eventwire/internal/analyze"
	"github.com/eventwire/eventwire/internal/coder"
	"github.com/eventwire/eventwire/internal/dict"
	"github.com/eventwire/eventwire/internal/gkg"
	"github.com/eventwire/eventwire/internal/intake"
	"github.com/eventwire/eventwire/internal/store"
)

//go:embed openapi.json
var openAPI []byte

// Options configure a Server. The zero value of each limit means its
// default.
type Options struct {
	// Store is read by every endpoint and written by POST /api/ingest.
	Store store.Store
	// Dict is the dictionary set POST /api/code and /api/ingest code with;
	// nil disables both (503).
	Dict *dict.Set
	// Version is reported by /api/health.
	Version string
	// WriteToken enables POST /api/ingest for requests carrying
	// "Authorization: Bearer WriteToken"; empty: the server is read-only.
	WriteToken string
	// AllowFetch lets POST /api/code fetch a {"url"}; AllowPrivate lets the
	// fetch reach loopback, private and link-local addresses.
	AllowFetch, AllowPrivate bool
	// LoopbackHosts refuses (403) requests whose Host header does not name
	// a loopback address or localhost: a server bound to loopback then
	// cannot be reached through DNS rebinding (a site of the attacker's
	// whose name is made to resolve to 127.0.0.1).
	LoopbackHosts bool
	// UI is the web interface served at / (nil: none).
	UI fs.FS
	// RequestTimeout bounds each request's work (default 10 s; coding and
	// fetching get CodeTimeout).
	RequestTimeout time.Duration
	// CodeTimeout bounds a code or ingest request, fetch included
	// (default 30 s).
	CodeTimeout time.Duration
	// MaxCoding is the number of texts coded at once (default: 2); more
	// requests wait for a free coder until their timeout, then get 503.
	MaxCoding int
	// MaxCSVRows caps format=csv (default 100,000).
	MaxCSVRows int
	// CacheTTL is how long a GET response is reused for the same URL
	// (default 2 s; negative: no cache). Identical requests in flight
	// share one computation either way unless it is negative.
	CacheTTL time.Duration
	// Log receives server errors (nil: the standard logger).
	Log *log.Logger
	// fetchCheck, when set, replaces the fetch address policy (tests).
	fetchCheck func(netip.AddrPort) error
}

// Body limits.
const (
	MaxCodeBody   = 64 << 10
	MaxIngestBody = 1 << 20
)

// Server serves the API. It is safe for concurrent use.
type Server struct {
	opt     Options
	mux     *http.ServeMux
	routes  []route
	metrics *metrics
	coders  chan *codeWorker // free coding workers: the concurrency limit
	loadMu  sync.Mutex
	models  *models // loaded on first use
	fetch   *http.Client
	log     *log.Logger
	cache   *respCache // nil: none

	statsMu   sync.Mutex // guards the cached store counts
	statsVal  store.Stats
	statsAt   time.Time // zero: none (or invalidated by a write)
	statsBusy bool      // a background count is running
}

// route is one registered endpoint.
type route struct {
	Method, Path string
}

// models are the analyzer, coder and knowledge extractor, loaded once.
type models struct {
	an        *analyze.Analyzer
	coder     *coder.Coder
	knowledge *gkg.Extractor
	stage     *intake.Stage // POST /api/ingest: document to stored article
}

// New returns a server over opt.Store.
func New(opt Options) (*Server, error) {
	if opt.Store == nil {
		return nil, errors.New("server options: Store is nil")
	}
	if opt.RequestTimeout <= 0 {
		opt.RequestTimeout = 10 * time.Second
	}
	if opt.CodeTimeout <= 0 {
		opt.CodeTimeout = 30 * time.Second
	}
	if opt.MaxCoding <= 0 {
		opt.MaxCoding = 2
	}
	if opt.MaxCSVRows <= 0 {
		opt.MaxCSVRows = 100_000
	}
	if opt.CacheTTL == 0 {
		opt.CacheTTL = 2 * time.Second
	}
	if opt.Version == "" {
		opt.Version = "devel"
	}
	s := &Server{opt: opt, mux: http.NewServeMux(), metrics: newMetrics(), log: opt.Log}
	if s.log == nil {
		s.log = log.Default()
	}
	if opt.CacheTTL > 0 {
		s.cache = newRespCache(opt.CacheTTL)
	}
	s.coders = make(chan *codeWorker, opt.MaxCoding)
	for range opt.MaxCoding {
		s.coders <- nil // a nil worker is created on first use
	}
	if opt.AllowFetch {
		s.fetch = newFetchClient(opt.AllowPrivate, opt.fetchCheck)
	}
	s.handle("GET /api/health", s.health)
	s.handle("GET /metrics", s.serveMetrics)
	s.handle("GET /api/openapi.json", s.openapi)
	s.handle("GET /api/events", s.events)
	s.handle("GET /api/events/{id}", s.event)
	s.handle("GET /api/series", s.series)
	s.handle("GET /api/dyads", s.dyads)
	s.handle("GET /api/places", s.places)
	s.handle("GET /api/countries", s.countries)
	s.handle("GET /api/articles", s.articles)
	s.handle("GET /api/articles/{id}", s.article)
	s.handle("POST /api/code", s.code)
	s.handle("POST /api/ingest", s.ingest)
	if opt.UI != nil {
		files := http.FileServerFS(opt.UI)
		s.mux.HandleFunc("GET /", func(w http.ResponseWriter, r *http.Request) {
			if r.URL.Path != "/" && strings.HasSuffix(r.URL.Path, "/") { // no directory listings
				http.NotFound(w, r)
				return
			}
			files.ServeHTTP(w, r)
		})
	}
	s.mux.HandleFunc("GET /api/", func(w http.ResponseWriter, r *http.Request) {
		writeError(w, http.StatusNotFound, "", "no endpoint "+r.Method+" "+r.URL.Path)
	})
	return s, nil
}

// apiHandler serves one endpoint; an error it returns becomes the JSON
// error response (a *ParamError a 400 naming the parameter).
type apiHandler func(w http.ResponseWriter, r *http.Request) error

func (s *Server) handle(pattern string, h apiHandler) {
	var rt route
	fmt.Sscanf(pattern, "%s %s", &rt.Method, &rt.Path)
	s.routes = append(s.routes, rt)
	run := func(w http.ResponseWriter, r *http.Request) {
		if err := h(w, r); err != nil {
			s.fail(w, r, err)
		}
	}
	cacheable := rt.Method == http.MethodGet && rt.Path != "/metrics" && rt.Path != "/api/openapi.json"
	s.mux.HandleFunc(pattern, func(w http.ResponseWriter, r *http.Request) {
		if err := checkRawQuery(r.URL.RawQuery); err != nil {
			s.fail(w, r, err)
			return
		}
		if cacheable && s.cache != nil && r.URL.Query().Get("format") != "csv" {
			s.cache.serve(w, r, run)
			return
		}
		run(w, r)
	})
}

// Routes returns the registered API endpoints as "METHOD /path".
func (s *Server) Routes() []string {
	out := make([]string, len(s.routes))
	for i, r := range s.routes {
		out[i] = r.Method + " " + r.Path
	}
	return out
}

// httpError is an error with its status.
type httpError struct {
	status int
	param  string
	msg    string
}

func (e *httpError) Error() string { return e.msg }

func errStatus(status int, format string, args ...any) error {
	return &httpError{status: status, msg: fmt.Sprintf(format, args...)}
}

// fail writes err as a JSON error response.
func (s *Server) fail(w http.ResponseWriter, r *http.Request, err error) {
	var pe *ParamError
	var he *httpError
	var mb *http.MaxBytesError
	switch {
	case errors.As(err, &pe):
		writeError(w, http.StatusBadRequest, pe.Param, pe.Error())
	case errors.As(err, &he):
		writeError(w, he.status, he.param, he.msg)
	case errors.As(err, &mb):
		writeError(w, http.StatusRequestEntityTooLarge, "body", fmt.Sprintf("request body larger than %d bytes", mb.Limit))
	case errors.Is(err, store.ErrNotFound):
		writeError(w, http.StatusNotFound, "id", err.Error())
	case errors.Is(err, context.DeadlineExceeded):
		writeError(w, http.StatusServiceUnavailable, "", "request took longer than its time limit")
	case errors.Is(err, context.Canceled):
		writeError(w, 499, "", "request canceled") // the client is gone
	default:
		s.log.Printf("serve: %s %s: %v", r.Method, r.URL.Path, err)
		writeError(w, http.StatusInternalServerError, "", "internal error: "+err.Error())
	}
}

func writeError(w http.ResponseWriter, status int, param, msg string) {
	if status == http.StatusServiceUnavailable {
		w.Header().Set("Retry-After", "1")
	}
	body := struct {
		Error string `json:"error"`
		Param string `json:"param,omitempty"`
	}{msg, param}
	writeJSON(w, status, body)
}

func writeJSON(w http.ResponseWriter, status int, v any) error {
	data, err := json.Marshal(v)
	if err != nil {
		return fmt.Errorf("encoding response: %w", err)
	}
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.Header().Set("Content-Length", strconv.Itoa(len(data)+1))
	w.WriteHeader(status)
	w.Write(append(data, '\n'))
	return nil
}

// securityHeaders are set on every response: no content from other
// origins, no framing, no MIME sniffing, no referrer leaks.
var securityHeaders = map[string]string{
	"Content-Security-Policy": "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; " +
		"font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'",
	"X-Content-Type-Options":       "nosniff",
	"X-Frame-Options":              "DENY",
	"Referrer-Policy":              "no-referrer",
	"Cross-Origin-Opener-Policy":   "same-origin",
	"Cross-Origin-Resource-Policy": "same-origin",
}

// statusWriter records the status a handler wrote.
type statusWriter struct {
	http.ResponseWriter
	status int
}

func (w *statusWriter) WriteHeader(code int) {
	if w.status == 0 {
		w.status = code
	}
	w.ResponseWriter.WriteHeader(code)
}

func (w *statusWriter) Write(b []byte) (int, error) {
	if w.status == 0 {
		w.status = http.StatusOK
	}
	return w.ResponseWriter.Write(b)
}

func (w *statusWriter) Unwrap() http.ResponseWriter { return w.ResponseWriter }

// ServeHTTP serves a request with the security headers, a time limit,
// panic recovery and metrics.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	start := time.Now()
	s.metrics.inFlight.Add(1)
	defer s.metrics.inFlight.Add(-1)
	h := w.Header()
	for k, v := range securityHeaders {
		h.Set(k, v)
	}
	sw := &statusWriter{ResponseWriter: w}
	if s.opt.LoopbackHosts && !loopbackHost(r.Host) {
		writeError(sw, http.StatusForbidden, "Host", "this server answers only requests to a loopback address or localhost, not "+clip(r.Host))
		s.metrics.observe("other", http.StatusForbidden, time.Since(start))
		return
	}
	timeout := s.opt.RequestTimeout
	if r.Method == http.MethodPost {
		timeout = s.opt.CodeTimeout
	}
	ctx, cancel := context.WithTimeout(r.Context(), timeout)
	defer cancel()
	r = r.WithContext(ctx)
	defer func() {
		if p := recover(); p != nil {
			if p == http.ErrAbortHandler {
				panic(p)
			}
			s.log.Printf("serve: %s %s: panic: %v", r.Method, r.URL.Path, p)
			if sw.status == 0 {
				writeError(sw, http.StatusInternalServerError, "", "internal error")
			}
		}
		route := r.Pattern
		if route == "" || route == "GET /" {
			route = "other"
			if r.Pattern == "GET /" {
				route = "GET /ui"
			}
		}
		status := sw.status
		if status == 0 {
			status = http.StatusOK
		}
		s.metrics.observe(route, status, time.Since(start))
	}()
	s.mux.ServeHTTP(sw, r)
}

// HTTPServer returns an http.Server serving s on addr with read, write and
// idle timeouts and a header size limit.
func (s *Server) HTTPServer(addr string) *http.Server {
	return &http.Server{
		Addr:              addr,
		Handler:           s,
		ReadHeaderTimeout: 5 * time.Second,
		ReadTimeout:       30 * time.Second,
		WriteTimeout:      s.opt.CodeTimeout + 30*time.Second,
		IdleTimeout:       120 * time.Second,
		MaxHeaderBytes:    64 << 10,
		ErrorLog:          s.log,
	}
}

// Serve serves on ln until ctx is done, then shuts down gracefully
// (waiting up to 10 s for requests in flight).
func (s *Server) Serve(ctx context.Context, ln net.Listener) error {
	hs := s.HTTPServer(ln.Addr().String())
	errc := make(chan error, 1)
	go func() { errc <- hs.Serve(ln) }()
	select {
	case err := <-errc:
		return fmt.Errorf("serving: %w", err)
	case <-ctx.Done():
	}
	sctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	if err := hs.Shutdown(sctx); err != nil {
		return fmt.Errorf("shutting down: %w", err)
	}
	return nil
}

// loopbackHost reports whether a Host header names localhost or a
// loopback IP, with or without a port.
func loopbackHost(host string) bool {
	if h, _, err := net.SplitHostPort(host); err == nil {
		host = h
	}
	host = strings.TrimSuffix(strings.TrimPrefix(host, "["), "]")
	if strings.EqualFold(host, "localhost") {
		return true
	}
	ip, err := netip.ParseAddr(host)
	return err == nil && ip.Unmap().IsLoopback()
}

// IsLoopback reports whether addr (host:port) binds only loopback
// interfaces: a loopback IP or "localhost". An empty host binds all
// interfaces.
func IsLoopback(addr string) bool {
	host, _, err := net.SplitHostPort(addr)
	if err != nil {
		return false
	}
	if host == "localhost" {
		return true
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}
