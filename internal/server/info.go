package server

import (
	"bytes"
	"fmt"
	"net/http"
)

// health serves GET /api/health: the version and the store's counts.
func (s *Server) health(w http.ResponseWriter, r *http.Request) error {
	if _, err := parseParams(r.URL.Query(), paramSpec{}); err != nil {
		return err
	}
	st, err := s.opt.Store.Stats(r.Context())
	if err != nil {
		return fmt.Errorf("reading store counts: %w", err)
	}
	return writeJSON(w, http.StatusOK, map[string]any{"status": "ok", "version": s.opt.Version,
		"events": st.Events, "articles": st.Articles})
}

// serveMetrics serves GET /metrics in the Prometheus text format.
func (s *Server) serveMetrics(w http.ResponseWriter, r *http.Request) error {
	var extra []gauge
	if st, err := s.opt.Store.Stats(r.Context()); err == nil {
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
