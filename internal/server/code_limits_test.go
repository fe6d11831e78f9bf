package server

import (
	"strings"
	"testing"
)

// TestCodeRunOn is issue 13's hostile request: 63 KB of run-on text without
// a full stop answered 118 MB (every event repeating the whole text). The
// answer must stay within a megabyte and say which limits the text met.
func TestCodeRunOn(t *testing.T) {
	s := newTestServer(t, Options{})
	text := strings.Repeat("The army attacked rebels in Khartoum and the police arrested protesters ", 875)
	code, body, rec := do(t, s, "POST", "/api/code", `{"text":`+quote(text)+`,"date":"2024-05-10"}`)
	if code != 200 {
		t.Fatalf("%d %v", code, body)
	}
	if n := rec.Body.Len(); n > 1<<20 {
		t.Errorf("response of %d bytes for %d bytes of text, want at most 1 MiB", n, len(text))
	}
	if n := len(body["sentences"].([]any)); n != MaxExplainedSentences {
		t.Errorf("%d sentences explained, want %d", n, MaxExplainedSentences)
	}
	evs := body["events"].([]any)
	if len(evs) == 0 {
		t.Fatal("no events")
	}
	for _, e := range evs {
		if s := e.(map[string]any)["sentence"].(string); len(s) > 200 {
			t.Fatalf("an event carries a sentence of %d bytes", len(s))
		}
	}
	limits, _ := body["limits"].([]any)
	if len(limits) != 3 {
		t.Errorf("limits %v, want the sentence cuts, the event cap and the explained sentences", limits)
	}
}
