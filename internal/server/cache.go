package server

import (
	"bytes"
	"net/http"
	"sync"
	"time"
)

// respCache keeps recent successful GET responses for a short time and
// lets concurrent identical requests share one computation (single
// flight): when many people open the same view, the store answers once per
// TTL. A response is at most TTL older than the store, except that writes
// through this server clear the cache. It is safe for concurrent use.
type respCache struct {
	ttl     time.Duration
	mu      sync.Mutex
	entries map[string]*cacheEntry
}

// cacheEntry is one response, being computed until done is closed.
type cacheEntry struct {
	done   chan struct{}
	ok     bool // the response is cached (status 200, small enough)
	at     time.Time
	header http.Header
	body   []byte
}

// Bounds of the cache.
const (
	maxCacheEntries = 1024
	maxCachedBody   = 1 << 20
)

func newRespCache(ttl time.Duration) *respCache {
	return &respCache{ttl: ttl, entries: map[string]*cacheEntry{}}
}

// clear forgets every response (after a write).
func (c *respCache) clear() {
	c.mu.Lock()
	c.entries = map[string]*cacheEntry{}
	c.mu.Unlock()
}

// serve answers r from the cache, from a computation in flight for the
// same URL, or by calling compute and keeping its response.
func (c *respCache) serve(w http.ResponseWriter, r *http.Request, compute func(w http.ResponseWriter, r *http.Request)) {
	key := r.URL.Path + "?" + r.URL.RawQuery
	now := time.Now()
	c.mu.Lock()
	e := c.entries[key]
	if e != nil {
		select {
		case <-e.done:
			if !e.ok || now.Sub(e.at) > c.ttl {
				e = nil // stale or failed: compute anew
			}
		default: // in flight
		}
	}
	if e != nil {
		c.mu.Unlock()
		select {
		case <-e.done:
			if e.ok {
				e.write(w)
				return
			}
		case <-r.Context().Done():
			writeError(w, http.StatusServiceUnavailable, "", "request took longer than its time limit")
			return
		}
		compute(w, r) // the shared computation failed: compute for this request
		return
	}
	e = &cacheEntry{done: make(chan struct{})}
	if len(c.entries) >= maxCacheEntries {
		c.evict(now)
	}
	full := len(c.entries) >= maxCacheEntries
	if !full {
		c.entries[key] = e
	}
	c.mu.Unlock()

	bw := &bufferWriter{header: http.Header{}}
	defer func() {
		if !full {
			if bw.status == http.StatusOK && bw.body.Len() <= maxCachedBody {
				e.ok, e.header, e.body = true, bw.header, bw.body.Bytes()
			}
			e.at = time.Now()
			close(e.done)
			if !e.ok {
				c.mu.Lock()
				if c.entries[key] == e {
					delete(c.entries, key)
				}
				c.mu.Unlock()
			}
		}
	}()
	compute(bw, r)
	bw.replay(w)
}

// evict drops the stale entries; c.mu is held.
func (c *respCache) evict(now time.Time) {
	for k, e := range c.entries {
		select {
		case <-e.done:
			if now.Sub(e.at) > c.ttl {
				delete(c.entries, k)
			}
		default:
		}
	}
}

func (e *cacheEntry) write(w http.ResponseWriter) {
	h := w.Header()
	for k, v := range e.header {
		h[k] = v
	}
	w.WriteHeader(http.StatusOK)
	w.Write(e.body)
}

// bufferWriter is an http.ResponseWriter that keeps the response.
type bufferWriter struct {
	header http.Header
	status int
	body   bytes.Buffer
}

func (b *bufferWriter) Header() http.Header { return b.header }

func (b *bufferWriter) WriteHeader(code int) {
	if b.status == 0 {
		b.status = code
	}
}

func (b *bufferWriter) Write(p []byte) (int, error) {
	if b.status == 0 {
		b.status = http.StatusOK
	}
	return b.body.Write(p)
}

// replay writes the kept response to w.
func (b *bufferWriter) replay(w http.ResponseWriter) {
	h := w.Header()
	for k, v := range b.header {
		h[k] = v
	}
	if b.status == 0 {
		b.status = http.StatusOK
	}
	w.WriteHeader(b.status)
	w.Write(b.body.Bytes())
}
