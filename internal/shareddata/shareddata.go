// Package shareddata locates the project's shared data folder (../shared from
// the module root: treebanks, CAMEO tables, PETRARCH and TABARI files) for
// tests, benchmarks and evaluations. Nothing in it ships in the binary's hot
// paths; tests that need the data skip with a clear message when it is absent.
package shareddata

import (
	"os"
	"path/filepath"
	"testing"
)

// Find returns the path of ../shared/sub... relative to the module root that
// contains the working directory, and whether it exists.
func Find(sub ...string) (string, bool) {
	dir, err := os.Getwd()
	if err != nil {
		return "", false
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			break
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "", false
		}
		dir = parent
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
		t.Skipf("shared data %s is absent; skipping (it lives in ../shared next to the repository)", p)
	}
	return p
}
