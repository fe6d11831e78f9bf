// Package open opens the event store a DSN names: a PostgreSQL database
// for a postgres:// or postgresql:// URL, otherwise an SQLite file at that
// path. It sits apart from package store so that store does not import
// its implementations.
package open

import (
	"context"
	"errors"
	"fmt"
	"os"

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

// ErrNoStore is the error of Existing when the SQLite file does not exist.
var ErrNoStore = errors.New("no store")

// Existing opens the store dsn names as Store does, but refuses an SQLite
// path with no file (a typo would otherwise create an empty store and the
// read-only commands would report zeros): the error wraps ErrNoStore and
// says that ingest creates one. A PostgreSQL database must exist already
// (the server says so when it does not).
func Existing(ctx context.Context, dsn string) (store.Store, error) {
	if dsn == "" {
		dsn = sqlite.DefaultPath()
	}
	if !postgres.IsDSN(dsn) {
		if _, err := os.Stat(dsn); errors.Is(err, os.ErrNotExist) {
			return nil, fmt.Errorf("%w at %s; ingest creates one", ErrNoStore, dsn)
		}
	}
	return Store(ctx, dsn)
}
