package main

import (
	"context"
	"path/filepath"
	"strings"
	"testing"

	"github.com/eventwire/eventwire/internal/store/open"
)

// TestServeFlags checks that serve refuses unsafe or inconsistent flags
// before opening anything.
func TestServeFlags(t *testing.T) {
	db := filepath.Join(t.TempDir(), "ew.db")
	st, err := open.Store(context.Background(), db) // serve refuses a missing store
	if err != nil {
		t.Fatal(err)
	}
	st.Close()
	cases := []struct {
		args []string
		want string
	}{
		{[]string{"--write-token", "short"}, "--write-token: at least 16 characters"},
		{[]string{"--allow-private"}, "--allow-private needs --allow-fetch"},
		{[]string{"--max-coding", "0"}, "--max-coding: want at least 1"},
		{[]string{"extra"}, `unexpected argument "extra"`},
		{[]string{"--addr", "nonsense"}, "listening"},
	}
	for _, tc := range cases {
		code, _, errOut := runCLI(t, append([]string{"serve", "--db", db}, tc.args...)...)
		if code == 0 || !strings.Contains(errOut, tc.want) {
			t.Errorf("serve %v: exit %d, stderr %q, want %q", tc.args, code, errOut, tc.want)
		}
	}
}
