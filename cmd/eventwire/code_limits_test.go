package main

import (
	"strings"
	"testing"
)

// code on run-on text (issue 13) says which limits the text met, on
// stderr, and still exits 0: nothing was unreadable.
func TestCodeRunOnLimits(t *testing.T) {
	if testing.Short() {
		t.Skip("loads the language models")
	}
	in := writeFile(t, "runon.txt", strings.Repeat("The army attacked rebels in Khartoum and the police arrested protesters ", 300))
	code, out, errOut := runCLI(t, "code", "--no-geo", in)
	if code != 0 || out == "" {
		t.Fatalf("code: status %d, %d bytes of events; stderr %s", code, len(out), errOut)
	}
	if !strings.Contains(errOut, "limited runon: 299 sentences cut from over-long spans") || !strings.Contains(errOut, "events dropped over 500 per document") {
		t.Errorf("stderr does not report the limits: %s", errOut)
	}
}
