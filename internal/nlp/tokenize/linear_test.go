package tokenize

import (
	"strings"
	"testing"
)

// TestLinear guards against quadratic scans on long chunks without spaces:
// each input is 200,000 bytes and must tokenize without stalling the test.
func TestLinear(t *testing.T) {
	for _, unit := range []string{"a-", "713-853-1-", "a.b@", "x'y", "www.a", "1,0", "...?", "ab"} {
		text := strings.Repeat(unit, 200000/len(unit))
		sents := Tokenize(text)
		checkInvariants(t, text, sents)
	}
}
