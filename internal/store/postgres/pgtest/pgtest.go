// Package pgtest gives tests throw-away databases on a PostgreSQL server
// (the one $EVENTWIRE_TEST_POSTGRES names, as .ci/postgres.sh starts it),
// so that several test processes can share one server.
package pgtest

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"net/url"
	"testing"

	"github.com/jackc/pgx/v5"
)

// FreshDatabase creates a database with a random name on server and
// returns its URL; the database is dropped when the test ends.
func FreshDatabase(t testing.TB, server string) string {
	t.Helper()
	u, err := url.Parse(server)
	if err != nil {
		t.Fatalf("PostgreSQL server URL: %v", err)
	}
	var b [6]byte
	rand.Read(b[:])
	name := "eventwire_test_" + hex.EncodeToString(b[:])
	ctx := context.Background()
	admin, err := pgx.Connect(ctx, server)
	if err != nil {
		t.Fatalf("connecting to the test server: %v", err)
	}
	defer admin.Close(ctx)
	if _, err := admin.Exec(ctx, "CREATE DATABASE "+name); err != nil {
		t.Fatalf("creating database: %v", err)
	}
	t.Cleanup(func() {
		admin, err := pgx.Connect(ctx, server)
		if err != nil {
			t.Errorf("connecting to the test server: %v", err)
			return
		}
		defer admin.Close(ctx)
		if _, err := admin.Exec(ctx, "DROP DATABASE IF EXISTS "+name+" WITH (FORCE)"); err != nil {
			t.Errorf("dropping database: %v", err)
		}
	})
	u.Path = "/" + name
	return u.String()
}
