package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestDictCheck(t *testing.T) {
	dir := t.TempDir()
	good := filepath.Join(dir, "good.ewd")
	bad := filepath.Join(dir, "bad.ewd")
	warn := filepath.Join(dir, "warn.verbs")
	files := map[string]string{
		good: "@actors\nFrance | French = FRA\n@verbs\naccuse: 112\n    obj=$T = 112\n",
		bad:  "@actors\nFrance = FRA\nGondor = QQQ\n@verbs\naccuse 112\n",
		warn: "MEET [999]\n",
	}
	for p, c := range files {
		if err := os.WriteFile(p, []byte(c), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	tests := []struct {
		args     []string
		code     int
		stdout   []string // lines, in order
		inStderr string
	}{
		{[]string{"dict", "check", good}, 0, []string{good + ": eventwire: 1 actor (2 names), 1 verb (1 forms, 1 patterns)"}, ""},
		{[]string{"dict", "check", good, bad, warn}, 1, []string{
			bad + `:3: actor "Gondor": unknown CAMEO actor code "QQQ": chunk "QQQ" at offset 0: unknown code`,
			bad + ":5: verb: missing ': CODE' after the lemma",
			warn + `:1: warning: verb MEET: "999" is not a CAMEO event code`,
		}, "eventwire dict: 2 problems in 1 file"},
		{[]string{"dict", "check", warn}, 0, []string{
			warn + `:1: warning: verb MEET: "999" is not a CAMEO event code`,
			warn + ": TABARI verbs: 1 verb (1 forms, 0 patterns)",
		}, "1 warning (use --strict to fail on them)"},
		{[]string{"dict", "check", "--strict", warn}, 1, []string{
			warn + `:1: warning: verb MEET: "999" is not a CAMEO event code`,
		}, "1 problem in 1 file"},
		{[]string{"dict", "check", filepath.Join(dir, "none.ewd")}, 1, []string{
			filepath.Join(dir, "none.ewd") + ": stat: no such file or directory",
		}, "1 problem in 1 file"},
		{[]string{"dict", "check"}, 2, nil, "no dictionary files given"},
		{[]string{"dict"}, 2, nil, "missing verb"},
		{[]string{"dict", "frobnicate"}, 2, nil, `unknown verb "frobnicate"`},
	}
	for _, tt := range tests {
		code, out, errOut := runCLI(t, tt.args...)
		var lines []string
		if out != "" {
			lines = strings.Split(strings.TrimSuffix(out, "\n"), "\n")
		}
		if code != tt.code || strings.Join(lines, "\n") != strings.Join(tt.stdout, "\n") || !strings.Contains(errOut, tt.inStderr) {
			t.Errorf("eventwire %v = %d\nstdout %q\nstderr %q\nwant %d, %q, %q", tt.args, code, lines, errOut, tt.code, tt.stdout, tt.inStderr)
		}
	}
}
