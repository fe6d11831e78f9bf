package postgres

import (
	"testing"

	"github.com/eventwire/eventwire/internal/store"
	"github.com/eventwire/eventwire/internal/store/storetest"
)

// TestConformance runs the store conformance suite on a PostgreSQL store
// in a fresh database per test.
func TestConformance(t *testing.T) {
	testServer(t)
	storetest.Run(t, func(t *testing.T) store.Store { return openTemp(t) })
}
