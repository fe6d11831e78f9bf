// Package open opens the event store a DSN names: a PostgreSQL database
// for a postgres:// or postgresql:// URL, otherwise an SQLite file at that
// path. It sits apart from package store so that store does not import
// its implementations.
package open

import (
	"context"

	"github.com/eventwire/eventwire/internal/store"
	"github.com/eventwire/eventwire/internal/store/postgres"
	"github.com/eventwire/eventwire/internal/store/sqlite"
)

// Store opens the store dsn names, creating an SQLite file (and its
// directory) when needed and bringing the schema up to date. An empty dsn
// is sqlite.DefaultPath(): $EVENTWIRE_DB (which may be a postgres:// URL
// too), else the SQLite file under the XDG data directory.
func Store(ctx context.Context, dsn string) (store.Store, error) {
	if dsn == "" {
		dsn = sqlite.DefaultPath()
	}
	if postgres.IsDSN(dsn) {
		return postgres.Open(ctx, dsn)
	}
	return sqlite.Open(ctx, dsn)
}
