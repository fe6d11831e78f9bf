package server

import (
	"fmt"
	"io"
	"math"
	"sort"
	"strconv"
	"sync"
	"sync/atomic"
	"time"
)

// latencyBuckets are the upper bounds, in seconds, of the request latency
// histogram.
var latencyBuckets = []float64{0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10}

// metrics counts requests by route and status and keeps a latency
// histogram per route. It is safe for concurrent use; observing a request
// takes a read lock and atomic adds once the route's series exist.
type metrics struct {
	mu       sync.RWMutex
	routes   map[string]*routeMetrics
	inFlight atomic.Int64
	coding   atomic.Int64 // coding requests running
	started  time.Time
}

type routeMetrics struct {
	mu       sync.RWMutex
	byStatus map[int]*atomic.Int64
	buckets  []atomic.Int64 // cumulative counts are computed when written
	count    atomic.Int64
	sumNanos atomic.Int64
}

func newMetrics() *metrics {
	return &metrics{routes: map[string]*routeMetrics{}, started: time.Now()}
}

func (m *metrics) route(name string) *routeMetrics {
	m.mu.RLock()
	r := m.routes[name]
	m.mu.RUnlock()
	if r != nil {
		return r
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	if r = m.routes[name]; r == nil {
		r = &routeMetrics{byStatus: map[int]*atomic.Int64{}, buckets: make([]atomic.Int64, len(latencyBuckets))}
		m.routes[name] = r
	}
	return r
}

// observe records one request.
func (m *metrics) observe(route string, status int, d time.Duration) {
	r := m.route(route)
	r.mu.RLock()
	c := r.byStatus[status]
	r.mu.RUnlock()
	if c == nil {
		r.mu.Lock()
		if c = r.byStatus[status]; c == nil {
			c = new(atomic.Int64)
			r.byStatus[status] = c
		}
		r.mu.Unlock()
	}
	c.Add(1)
	s := d.Seconds()
	i := sort.SearchFloat64s(latencyBuckets, s)
	if i < len(r.buckets) {
		r.buckets[i].Add(1)
	}
	r.count.Add(1)
	r.sumNanos.Add(int64(d))
}

// gauge is one extra sample written with the metrics, such as a store
// count.
type gauge struct {
	name, help string
	value      float64
}

// write writes the metrics in the Prometheus text exposition format
// (version 0.0.4).
func (m *metrics) write(w io.Writer, extra []gauge) error {
	m.mu.RLock()
	names := make([]string, 0, len(m.routes))
	for n := range m.routes {
		names = append(names, n)
	}
	m.mu.RUnlock()
	sort.Strings(names)
	bw := &errWriter{w: w}
	bw.printf("# HELP eventwire_http_requests_total HTTP requests by route and status.\n")
	bw.printf("# TYPE eventwire_http_requests_total counter\n")
	for _, n := range names {
		r := m.route(n)
		r.mu.RLock()
		codes := make([]int, 0, len(r.byStatus))
		for c := range r.byStatus {
			codes = append(codes, c)
		}
		sort.Ints(codes)
		for _, c := range codes {
			bw.printf("eventwire_http_requests_total{route=%s,status=\"%d\"} %d\n", quoteLabel(n), c, r.byStatus[c].Load())
		}
		r.mu.RUnlock()
	}
	bw.printf("# HELP eventwire_http_request_duration_seconds HTTP request latency by route.\n")
	bw.printf("# TYPE eventwire_http_request_duration_seconds histogram\n")
	for _, n := range names {
		r := m.route(n)
		q := quoteLabel(n)
		var cum int64
		for i, le := range latencyBuckets {
			cum += r.buckets[i].Load()
			bw.printf("eventwire_http_request_duration_seconds_bucket{route=%s,le=\"%s\"} %d\n", q, formatFloat(le), cum)
		}
		count := r.count.Load()
		bw.printf("eventwire_http_request_duration_seconds_bucket{route=%s,le=\"+Inf\"} %d\n", q, count)
		bw.printf("eventwire_http_request_duration_seconds_sum{route=%s} %s\n", q, formatFloat(float64(r.sumNanos.Load())/1e9))
		bw.printf("eventwire_http_request_duration_seconds_count{route=%s} %d\n", q, count)
	}
	bw.printf("# HELP eventwire_http_requests_in_flight HTTP requests being served.\n")
	bw.printf("# TYPE eventwire_http_requests_in_flight gauge\n")
	bw.printf("eventwire_http_requests_in_flight %d\n", m.inFlight.Load())
	bw.printf("# HELP eventwire_code_requests_running Texts being coded.\n")
	bw.printf("# TYPE eventwire_code_requests_running gauge\n")
	bw.printf("eventwire_code_requests_running %d\n", m.coding.Load())
	bw.printf("# HELP eventwire_uptime_seconds Seconds since the server started.\n")
	bw.printf("# TYPE eventwire_uptime_seconds gauge\n")
	bw.printf("eventwire_uptime_seconds %s\n", formatFloat(time.Since(m.started).Seconds()))
	for _, g := range extra {
		bw.printf("# HELP %s %s\n# TYPE %s gauge\n%s %s\n", g.name, g.help, g.name, g.name, formatFloat(g.value))
	}
	return bw.err
}

// quoteLabel quotes a label value as the text format wants: backslash,
// double quote and newline escaped.
func quoteLabel(s string) string {
	b := make([]byte, 0, len(s)+2)
	b = append(b, '"')
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case '\\':
			b = append(b, `\\`...)
		case '"':
			b = append(b, `\"`...)
		case '\n':
			b = append(b, `\n`...)
		default:
			b = append(b, s[i])
		}
	}
	return string(append(b, '"'))
}

func formatFloat(f float64) string {
	switch {
	case math.IsInf(f, 1):
		return "+Inf"
	case math.IsInf(f, -1):
		return "-Inf"
	case math.IsNaN(f):
		return "NaN"
	}
	return strconv.FormatFloat(f, 'g', -1, 64)
}

type errWriter struct {
	w   io.Writer
	err error
}

func (e *errWriter) printf(format string, args ...any) {
	if e.err == nil {
		_, e.err = fmt.Fprintf(e.w, format, args...)
	}
}
