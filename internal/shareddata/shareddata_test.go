package shareddata

import (
	"fmt"
	"path/filepath"
	"strings"
	"testing"
)

func TestFind(t *testing.T) {
	p, ok := Find("no-such-folder-in-shared")
	if ok || filepath.Base(p) != "no-such-folder-in-shared" {
		t.Errorf("Find of a missing folder = %q, %v", p, ok)
	}
	if p, ok := Find(); ok && filepath.Base(p) != "shared" {
		t.Errorf("Find() = %q", p)
	}
}

// recorder is a testing.TB that records how Skip ended the test instead of
// ending it.
type recorder struct {
	testing.TB
	skipped, failed string
}

func (r *recorder) Helper()                        {}
func (r *recorder) Skipf(format string, a ...any)  { r.skipped = fmt.Sprintf(format, a...) }
func (r *recorder) Fatalf(format string, a ...any) { r.failed = fmt.Sprintf(format, a...) }

// TestSkip: a missing dependency skips the test, or fails it when
// EVENTWIRE_REQUIRE_ALL asks for everything (CI).
func TestSkip(t *testing.T) {
	tests := []struct {
		env        string
		wantFailed bool
	}{{"", false}, {"0", false}, {"1", true}, {"yes", true}}
	for _, tc := range tests {
		t.Run("EVENTWIRE_REQUIRE_ALL="+tc.env, func(t *testing.T) {
			t.Setenv(RequireAll, tc.env)
			r := &recorder{TB: t}
			Skip(r, "no PostgreSQL at %s", "127.0.0.1:5432")
			msg := r.skipped
			if tc.wantFailed {
				msg = r.failed
			}
			if (r.failed != "") != tc.wantFailed || (r.skipped != "") == tc.wantFailed || !strings.Contains(msg, "no PostgreSQL at 127.0.0.1:5432") {
				t.Errorf("skipped %q, failed %q; want failed %v with the message", r.skipped, r.failed, tc.wantFailed)
			}
			if got := RequiringAll(); got != tc.wantFailed {
				t.Errorf("RequiringAll() = %v, want %v", got, tc.wantFailed)
			}
		})
	}
}
