// Package shareddata locates the project's shared data folder (../shared from
// the module root: treebanks, CAMEO tables, PETRARCH and TABARI files) for
// tests, benchmarks and evaluations. Nothing in it ships in the binary's hot
// paths; tests that need the data skip with a clear message when it is absent,
// and fail instead when $EVENTWIRE_REQUIRE_ALL is set (CI), as do the tests
// that need a PostgreSQL server or Chromium (Skip).
package shareddata

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"testing"
)

// ModuleRoot returns the folder holding go.mod, walking up from the working
// directory (a test's package directory).
func ModuleRoot() (string, error) {
	dir, err := os.Getwd()
	if err != nil {
		return "", fmt.Errorf("finding module root: %w", err)
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return dir, nil
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "", errors.New("finding module root: no go.mod above the working directory")
		}
		dir = parent
	}
}

// Root is ModuleRoot for a test or benchmark, which it fails when there is
// no module root.
func Root(t testing.TB) string {
	t.Helper()
	dir, err := ModuleRoot()
	if err != nil {
		t.Fatal(err)
	}
	return dir
}

// Find returns the path of ../shared/sub... relative to the module root that
// contains the working directory, and whether it exists.
func Find(sub ...string) (string, bool) {
	dir, err := ModuleRoot()
	if err != nil {
		return "", false
	}
	p := filepath.Join(append([]string{dir, "..", "shared"}, sub...)...)
	if _, err := os.Stat(p); err != nil {
		return p, false
	}
	return p, true
}

// Dir returns the path of ../shared/sub..., or skips the test or benchmark
// with a message naming the missing path.
func Dir(t testing.TB, sub ...string) string {
	t.Helper()
	p, ok := Find(sub...)
	if !ok {
		Skip(t, "shared data %s is absent (it lives in ../shared next to the repository)", p)
	}
	return p
}

// RequireAll names the environment variable that turns the skips of Skip
// into failures. .ci/run sets it: in CI the shared data, the PostgreSQL
// server and Chromium are all there, so a test that would skip for want of
// one of them shows that CI lost it, and must not pass unnoticed.
const RequireAll = "EVENTWIRE_REQUIRE_ALL"

// Skip skips a test or benchmark that cannot run because something outside
// the module is missing (shared data, a PostgreSQL server, Chromium, the
// web sources), with the message format and args; when $EVENTWIRE_REQUIRE_ALL
// is set to anything but "" or "0" it fails the test with that message
// instead. Skips for other reasons (-short, -race) are not its business.
func Skip(t testing.TB, format string, args ...any) {
	t.Helper()
	if RequiringAll() {
		t.Fatalf("%s (a skip, made a failure by %s=%s)", fmt.Sprintf(format, args...), RequireAll, os.Getenv(RequireAll))
		return
	}
	t.Skipf(format+"; skipping", args...)
}

// RequiringAll reports whether $EVENTWIRE_REQUIRE_ALL is set to anything but
// "" or "0": nothing outside the module may be missing. A test that falls
// back to a lesser setup instead of skipping (SQLite when no PostgreSQL
// server is named) asks it to fail rather than pass on the fallback.
func RequiringAll() bool {
	v := os.Getenv(RequireAll)
	return v != "" && v != "0"
}
