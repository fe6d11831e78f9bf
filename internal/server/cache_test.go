package server

import (
	"context"
	"net/http"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/eventwire/eventwire/internal/store"
)

// slowStore counts Events calls and makes each take delay.
type slowStore struct {
	store.Store
	calls atomic.Int64
	delay time.Duration
}

func (s *slowStore) Events(ctx context.Context, f store.Filter, fn func(*store.StoredEvent) error) error {
	s.calls.Add(1)
	time.Sleep(s.delay)
	return s.Store.Events(ctx, f, fn)
}

func TestResponseCache(t *testing.T) {
	st := &slowStore{Store: handStore(t), delay: 50 * time.Millisecond}
	s, err := New(Options{Store: st, CacheTTL: 300 * time.Millisecond})
	if err != nil {
		t.Fatal(err)
	}
	get := func(target string) (int, string) {
		code, _, w := do(t, s, "GET", target, "")
		return code, w.Body.String()
	}
	// Concurrent identical requests share one computation.
	var wg sync.WaitGroup
	bodies := make([]string, 20)
	for i := range bodies {
		wg.Add(1)
		go func() {
			defer wg.Done()
			_, bodies[i] = get("/api/events?limit=2")
		}()
	}
	wg.Wait()
	if n := st.calls.Load(); n != 1 {
		t.Errorf("20 concurrent identical requests made %d store calls, want 1", n)
	}
	for _, b := range bodies[1:] {
		if b != bodies[0] {
			t.Fatalf("shared responses differ:\n%s\n%s", b, bodies[0])
		}
	}
	// Within the TTL the response is reused; another URL is not; after
	// the TTL it is computed again.
	get("/api/events?limit=2")
	if n := st.calls.Load(); n != 1 {
		t.Errorf("repeated request within the TTL: %d store calls", n)
	}
	get("/api/events?limit=3")
	if n := st.calls.Load(); n != 2 {
		t.Errorf("another URL: %d store calls, want 2", n)
	}
	time.Sleep(350 * time.Millisecond)
	get("/api/events?limit=2")
	if n := st.calls.Load(); n != 3 {
		t.Errorf("after the TTL: %d store calls, want 3", n)
	}
	// Errors are not kept; CSV is not cached.
	for range 2 {
		if code, _ := get("/api/events?limit=0"); code != http.StatusBadRequest {
			t.Errorf("bad limit: %d", code)
		}
		get("/api/events?format=csv")
	}
	if n := st.calls.Load(); n != 5 {
		t.Errorf("two CSV exports: %d store calls, want 5", n)
	}
	// A negative TTL disables the cache.
	s, _ = New(Options{Store: st, CacheTTL: -1})
	get("/api/events?limit=2")
	get("/api/events?limit=2")
	if n := st.calls.Load(); n != 7 {
		t.Errorf("without cache: %d store calls, want 7", n)
	}
}
