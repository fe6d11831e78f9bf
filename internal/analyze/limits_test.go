package analyze

import (
	"fmt"
	"runtime"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/eventwire/eventwire/internal/event"
	"github.com/eventwire/eventwire/internal/ingest"
	"github.com/eventwire/eventwire/internal/nlp"
	"github.com/eventwire/eventwire/internal/nlp/tokenize"
)

func TestLimitEvents(t *testing.T) {
	// events gives n events for each of the sentences listed.
	events := func(perSentence ...int) []event.Event {
		var evs []event.Event
		for s, n := range perSentence {
			for k := 0; k < n; k++ {
				evs = append(evs, event.Event{Sentence: s + 1, Code: fmt.Sprint(k)})
			}
		}
		return evs
	}
	many := make([]int, MaxDocumentEvents/10+5)
	for i := range many {
		many[i] = 10
	}
	tests := []struct {
		name   string
		in     []event.Event
		split  int // sentences recorded as cut by the tokenizer
		kept   int
		limits []string
	}{
		{"ordinary", events(2, 0, 3), 0, 5, nil},
		{"sentence cap", events(1, MaxSentenceEvents+7, MaxSentenceEvents+1), 0, 1 + 2*MaxSentenceEvents,
			[]string{fmt.Sprintf("8 events dropped over %d per sentence (in 2 sentences)", MaxSentenceEvents)}},
		{"document cap", events(many...), 0, MaxDocumentEvents,
			[]string{fmt.Sprintf("50 events dropped over %d per document", MaxDocumentEvents)}},
		{"tokenizer cuts reported", events(1), 3, 1,
			[]string{fmt.Sprintf("3 sentences cut from over-long spans (at most %d tokens and %d bytes each)", tokenize.MaxSentenceTokens, tokenize.MaxSentenceBytes)}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := &nlp.Document{Sentences: make([]nlp.Sentence, 2000)}
			for i := 0; i < tt.split; i++ {
				d.Sentences[i].Comments = []string{"split = long sentence: test"}
			}
			kept, limits := limitEvents(d, tt.in)
			if len(kept) != tt.kept {
				t.Errorf("kept %d events, want %d", len(kept), tt.kept)
			}
			if fmt.Sprint(limits) != fmt.Sprint(tt.limits) {
				t.Errorf("limits %q, want %q", limits, tt.limits)
			}
			run, last := 0, 0
			for _, e := range kept {
				if e.Sentence != last {
					run, last = 0, e.Sentence
				}
				if e.Code != fmt.Sprint(run) {
					t.Fatalf("sentence %d: event %s kept out of order (want %d)", e.Sentence, e.Code, run)
				}
				run++
			}
		})
	}
}

func TestAnalyzedText(t *testing.T) {
	big := strings.Repeat("word ", MaxAnalyzedBytes/5+10)
	noSpace := strings.Repeat("é", MaxAnalyzedBytes) // 2 bytes a character
	tests := []struct {
		name string
		text string
		want int // length of the analyzed text
		cut  bool
	}{
		{"short text whole", "Police arrested protesters.", len("Police arrested protesters."), false},
		{"exactly the limit", big[:MaxAnalyzedBytes], MaxAnalyzedBytes, false},
		{"cut at the last space", big, MaxAnalyzedBytes - 3, true}, // "…word wo": before the space
		{"no space: cut at a character boundary", noSpace + "x", MaxAnalyzedBytes, true},
		{"no space, odd limit", "x" + noSpace, MaxAnalyzedBytes - 1, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, cut := analyzedText(tt.text)
			if len(got) != tt.want || cut != tt.cut || !strings.HasPrefix(tt.text, got) || !utf8.ValidString(got) {
				t.Errorf("analyzed %d bytes (cut %v), want %d (cut %v)", len(got), cut, tt.want, tt.cut)
			}
		})
	}
}

// TestRunOnText is the adversarial case of issue 13: text without
// sentence-final punctuation must be analyzed in time linear in its size,
// with bounded sentences and events, and said to have met the limits.
func TestRunOnText(t *testing.T) {
	if testing.Short() {
		t.Skip("loads the models")
	}
	w := builtinWorker(t)
	unit := "The army attacked rebels in Khartoum and the police arrested protesters "
	// Work is measured as memory allocated per input byte, which the
	// machine's load does not change (a wall-clock ratio does): a stage
	// quadratic in the text allocates quadratically too.
	var perByte [2]float64
	for k, n := range []int{150, 600} {
		text := strings.Repeat(unit, n)
		var r Result
		var before, after runtime.MemStats
		runtime.ReadMemStats(&before)
		r = w.Analyze(ingest.Document{ID: "run-on", Text: text, Date: time.Date(2024, 5, 10, 0, 0, 0, 0, time.UTC)})
		runtime.ReadMemStats(&after)
		perByte[k] = float64(after.TotalAlloc-before.TotalAlloc) / float64(len(text))
		if len(r.Events) == 0 || len(r.Events) > MaxDocumentEvents {
			t.Errorf("%d bytes: %d events, want 1 to %d", len(text), len(r.Events), MaxDocumentEvents)
		}
		for _, e := range r.Events {
			if len(e.Text) > tokenize.MaxSentenceBytes {
				t.Fatalf("%d bytes: an event carries a sentence of %d bytes", len(text), len(e.Text))
			}
		}
		if len(r.Limits) == 0 {
			t.Errorf("%d bytes: no limit reported", len(text))
		}
		t.Logf("%d bytes: %d sentences, %d events, %v; limits %q", len(text), r.Sentence, len(r.Events), r.Elapsed, r.Limits)
	}
	// Four times the text may not cost much more per byte (a quadratic
	// stage would make it about four times).
	t.Logf("allocated per byte: %.0f, then %.0f", perByte[0], perByte[1])
	if perByte[1] > 2.5*perByte[0] {
		t.Errorf("memory allocated per byte grew from %.0f to %.0f bytes for 4x the text: not linear", perByte[0], perByte[1])
	}
}
