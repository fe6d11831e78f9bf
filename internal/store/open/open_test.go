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

// The read-only commands open with Existing: a path with no file is an
// error that names it, and no file is left behind; an existing store opens.
func TestExisting(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	for _, tc := range []struct {
		name   string
		dsn    string
		create bool
		want   error
	}{
		{"missing file", filepath.Join(dir, "typo.db"), false, ErrNoStore},
		{"missing directory", filepath.Join(dir, "nowhere", "ew.db"), false, ErrNoStore},
		{"existing store", filepath.Join(dir, "ew.db"), true, nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if tc.create {
				st, err := Store(ctx, tc.dsn)
				if err != nil {
					t.Fatal(err)
				}
				st.Close()
			}
			st, err := Existing(ctx, tc.dsn)
			if !errors.Is(err, tc.want) {
				t.Fatalf("Existing(%s): %v, want %v", tc.dsn, err, tc.want)
			}
			if err != nil {
				if want := "no store at " + tc.dsn + "; ingest creates one"; err.Error() != want {
					t.Errorf("error %q, want %q", err, want)
				}
				if _, serr := os.Stat(tc.dsn); !errors.Is(serr, os.ErrNotExist) {
					t.Errorf("%s was created (%v)", tc.dsn, serr)
				}
				return
			}
			st.Close()
		})
	}
	t.Setenv("EVENTWIRE_DB", filepath.Join(dir, "unset-default.db"))
	if _, err := Existing(ctx, ""); !errors.Is(err, ErrNoStore) {
		t.Errorf("missing default store: %v, want ErrNoStore", err)
	}
}
