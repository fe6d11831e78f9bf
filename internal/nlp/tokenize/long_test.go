package tokenize

import (
	"strings"
	"testing"

	"github.com/eventwire/eventwire/internal/nlp"
)

// checkLimits fails when a sentence of sents breaks the length policy.
func checkLimits(t *testing.T, sents []nlp.Sentence) {
	t.Helper()
	for i, s := range sents {
		ntok := len(s.Words) - len(s.MultiWords)
		if ntok > MaxSentenceTokens {
			t.Fatalf("sentence %d has %d tokens, over %d", i+1, ntok, MaxSentenceTokens)
		}
		if ntok > 1 && len(s.Text) > MaxSentenceBytes {
			t.Fatalf("sentence %d of %d tokens has %d bytes, over %d", i+1, ntok, len(s.Text), MaxSentenceBytes)
		}
	}
}

func TestLongSentences(t *testing.T) {
	clause := "the army attacked rebels in the north of the country"                    // 10 tokens, no opener
	runOn := "The army attacked rebels in Khartoum and the police arrested protesters " // the repro unit
	tests := []struct {
		name   string
		text   string
		first  string // text of the first sentence
		reason string // its recorded reason, "" for none
		n      int    // number of sentences, 0: do not check
	}{
		{"normal text is not cut", "The army attacked rebels in Khartoum. Police arrested protesters.",
			"The army attacked rebels in Khartoum.", "", 2},
		{"run-on text is cut before each opener", strings.Repeat(runOn, 100),
			"The army attacked rebels in Khartoum and the police arrested protesters", cutReason[cutStart], 100},
		{"semicolon preferred to comma", strings.Repeat(clause+", ", 6) + clause + "; " + strings.Repeat(clause+" ", 10) + "end",
			strings.Repeat(clause+", ", 6) + clause + ";", cutReason[cutClause], 0},
		{"comma before a conjunction preferred to a comma", strings.Repeat(clause+", ", 5) + clause + ", and " + strings.Repeat(clause+" ", 10),
			strings.Repeat(clause+", ", 5) + clause + ",", cutReason[cutConjunction], 0},
		{"no boundary: hard cut at the limit", strings.Repeat("word ", 300),
			strings.TrimSpace(strings.Repeat("word ", MaxSentenceTokens)), cutReason[cutHard], 3},
		{"byte limit", strings.Repeat(strings.Repeat("x", 99)+" ", 50),
			strings.TrimSpace(strings.Repeat(strings.Repeat("x", 99)+" ", 20)), cutReason[cutHard], 3},
		{"one huge token stays whole", strings.Repeat("x", 5000), strings.Repeat("x", 5000), "", 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			sents := Tokenize(tt.text)
			checkInvariants(t, tt.text, sents)
			checkLimits(t, sents)
			if len(sents) == 0 {
				t.Fatal("no sentences")
			}
			if sents[0].Text != tt.first {
				t.Errorf("first sentence\n got %q\nwant %q", sents[0].Text, tt.first)
			}
			reason := ""
			if len(sents[0].Comments) > 0 {
				reason = sents[0].Comments[0]
			}
			if reason != tt.reason {
				t.Errorf("reason %q, want %q", reason, tt.reason)
			}
			if tt.n > 0 && len(sents) != tt.n {
				t.Errorf("%d sentences, want %d", len(sents), tt.n)
			}
		})
	}
}

// TestLongLinear: a megabyte of run-on text tokenizes into bounded
// sentences without stalling the test.
func TestLongLinear(t *testing.T) {
	for _, unit := range []string{
		"The army attacked rebels in Khartoum and the police arrested protesters ",
		"and ", ", ", "word ", "a; ",
	} {
		text := strings.Repeat(unit, 1<<20/len(unit))
		sents := Tokenize(text)
		checkInvariants(t, text, sents)
		checkLimits(t, sents)
	}
}
