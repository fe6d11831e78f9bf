package server

import (
	"bytes"
	"context"
	"fmt"
	"net/http"
	"time"

	"github.com/eventwire/eventwire/internal/store"
)

// statsTTL is how long store counts are reused by health and metrics:
// counting a large store takes a while (0.6 s at a million events), and
// probes come often.
const statsTTL = 5 * time.Second

// stats returns the store's counts. The first call, and the first after a
// write through this server, counts; later calls return the last counts at
// once and, when they are older than statsTTL, count again in the
// background, so a health probe never waits for a count.
func (s *Server) stats(ctx context.Context) (store.Stats, error) {
	s.statsMu.Lock()
	if !s.statsAt.IsZero() {
		st := s.statsVal
		if time.Since(s.statsAt) >= statsTTL && !s.statsBusy {
			s.statsBusy = true
			go func() {
				ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
				defer cancel()
				st, err := s.opt.Store.Stats(ctx)
				s.statsMu.Lock()
				defer s.statsMu.Unlock()
				s.statsBusy = false
				if err != nil {
					s.log.Printf("serve: counting the store: %v", err)
					return
				}
				if !s.statsAt.IsZero() { // not invalidated meanwhile
					s.statsVal, s.statsAt = st, time.Now()
				}
			}()
		}
		s.statsMu.Unlock()
		return st, nil
	}
	s.statsMu.Unlock()
	st, err := s.opt.Store.Stats(ctx)
	if err != nil {
		return st, err
	}
	s.statsMu.Lock()
	s.statsVal, s.statsAt = st, time.Now()
	s.statsMu.Unlock()
	return st, nil
}

// health serves GET /api/health: the version and the store's counts.
func (s *Server) health(w http.ResponseWriter, r *http.Request) error {
	if _, err := parseParams(r.URL.Query(), paramSpec{}); err != nil {
		return err
	}
	st, err := s.stats(r.Context())
	if err != nil {
		return fmt.Errorf("reading store counts: %w", err)
	}
	return writeJSON(w, http.StatusOK, map[string]any{"status": "ok", "version": s.opt.Version,
		"events": st.Events, "articles": st.Articles})
}

// serveMetrics serves GET /metrics in the Prometheus text format.
func (s *Server) serveMetrics(w http.ResponseWriter, r *http.Request) error {
	var extra []gauge
	if st, err := s.stats(r.Context()); err == nil {
		extra = append(extra,
			gauge{"eventwire_store_events", "Events in the store.", float64(st.Events)},
			gauge{"eventwire_store_mentions", "Mentions in the store.", float64(st.Mentions)},
			gauge{"eventwire_store_articles", "Articles in the store.", float64(st.Articles)},
			gauge{"eventwire_store_copies", "Article copies in the store.", float64(st.Copies)},
		)
	} else {
		s.log.Printf("serve: metrics: reading store counts: %v", err)
	}
	var b bytes.Buffer
	if err := s.metrics.write(&b, extra); err != nil {
		return fmt.Errorf("writing metrics: %w", err)
	}
	w.Header().Set("Content-Type", "text/plain; version=0.0.4; charset=utf-8")
	_, err := w.Write(b.Bytes())
	return err
}

// openapi serves GET /api/openapi.json, the committed OpenAPI description.
func (s *Server) openapi(w http.ResponseWriter, r *http.Request) error {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	_, err := w.Write(openAPI)
	return err
}
