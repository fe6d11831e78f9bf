package open

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"testing"

	"github.com/jackc/pgx/v5/pgconn"

	"github.com/eventwire/eventwire/internal/store/sqlite"
)

func TestStoreByDSN(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "sub", "ew.db")
	st, err := Store(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	if _, ok := st.(*sqlite.DB); !ok {
		t.Errorf("%s: opened a %T, want *sqlite.DB", path, st)
	}
	st.Close()
	if _, err := os.Stat(path); err != nil {
		t.Errorf("SQLite file not created: %v", err)
	}

	t.Setenv("EVENTWIRE_DB", filepath.Join(t.TempDir(), "default.db"))
	st, err = Store(ctx, "")
	if err != nil {
		t.Fatal(err)
	}
	st.Close()
	if _, err := os.Stat(os.Getenv("EVENTWIRE_DB")); err != nil {
		t.Errorf("empty DSN did not open $EVENTWIRE_DB: %v", err)
	}

	// A postgres URL goes to PostgreSQL: a server that is not there is an
	// error naming it, not an SQLite file called "postgres:".
	_, err = Store(ctx, "postgres://nobody@127.0.0.1:1/none?sslmode=disable&connect_timeout=2")
	var ce *pgconn.ConnectError
	if !errors.As(err, &ce) {
		t.Errorf("unreachable PostgreSQL server: %v, want a PostgreSQL connection error", err)
	}
	if _, err := os.Stat("postgres:"); err == nil {
		t.Error("a postgres URL was opened as an SQLite path")
	}
}
