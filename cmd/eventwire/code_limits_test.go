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
	// a run-on span, then more distinct events than a document keeps: every
	// pair of 26 countries criticizing each other (650 events that no
	// merging of repeats can fold into fewer than 500)
	var b strings.Builder
	b.WriteString(strings.Repeat("The army attacked rebels in Khartoum and the police arrested protesters ", 300))
	b.WriteString(". ")
	countries := strings.Fields("France Germany Spain Italy Poland Greece Turkey Egypt Kenya Nigeria Brazil Chile Peru " +
		"India China Japan Iran Iraq Syria Jordan Canada Mexico Cuba Norway Sweden Finland")
	for _, a := range countries {
		for _, c := range countries {
			if a != c {
				b.WriteString(a + " criticized " + c + ". ")
			}
		}
	}
	in := writeFile(t, "runon.txt", b.String())
	code, out, errOut := runCLI(t, "code", "--no-geo", in)
	if code != 0 || out == "" {
		t.Fatalf("code: status %d, %d bytes of events; stderr %s", code, len(out), errOut)
	}
	if !strings.Contains(errOut, "limited runon: 299 sentences cut from over-long spans") || !strings.Contains(errOut, "events dropped over 500 per document") {
		t.Errorf("stderr does not report the limits: %s", errOut)
	}
}
