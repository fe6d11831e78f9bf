package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestDictExplain(t *testing.T) {
	code, out, errOut := runCLI(t, "dict", "explain", "--date", "2022-11-30", "Russia attacked Ukraine.")
	if code != 0 {
		t.Fatalf("dict explain = %d, stderr %q", code, errOut)
	}
	for _, want := range []string{"tokens:", "tree:", "attacked (root)", "verb \"attacked\"", "RUS → UKR 190"} {
		if !strings.Contains(out, want) {
			t.Errorf("dict explain output lacks %q:\n%s", want, out)
		}
	}
	// a user file loaded after the built-in ones overrides a verb
	dir := t.TempDir()
	path := filepath.Join(dir, "my.ewd")
	if err := os.WriteFile(path, []byte("@verbs\nattack: 111\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	code, out, errOut = runCLI(t, "dict", "explain", "--dict", path, "Russia attacked Ukraine.")
	if code != 0 || !strings.Contains(out, "RUS → UKR 111") || !strings.Contains(out, "my.ewd:2") {
		t.Errorf("dict explain --dict = %d, stdout %q, stderr %q", code, out, errOut)
	}
	// --document resolves a pronoun from the sentence before; alone, the
	// second sentence has no source
	two := "Turkey said on Monday it would respond. It condemned Sweden."
	for _, tc := range []struct {
		args []string
		want bool
	}{
		{[]string{"dict", "explain", "--document", two}, true},
		{[]string{"dict", "explain", two}, false},
	} {
		code, out, errOut = runCLI(t, tc.args...)
		if got := strings.Contains(out, "TUR → SWE 111"); code != 0 || got != tc.want {
			t.Errorf("%v = %d, TUR → SWE 111 in output %v, want %v; stderr %q", tc.args, code, got, tc.want, errOut)
		}
	}
	checkCLIErrors(t, []cliCase{
		{[]string{"dict", "explain"}, 2, "no sentence given"},
		{[]string{"dict", "explain", "--date", "30/11/2022", "x"}, 2, "--date"},
		{[]string{"dict", "explain", "--dict", "no/such.ewd", "x"}, 1, "loading dictionaries"},
	})
}

func TestEvalConfliUsage(t *testing.T) {
	checkCLIErrors(t, []cliCase{
		{[]string{"eval", "confli"}, 2, "want one directory"},
		{[]string{"eval", "confli", "no/such/dir"}, 1, "reading confli sentences"},
	})
}
