package native

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestDocExamples reads every example in docs/dictionaries.md that is an
// eventwire file (a fenced block starting with an @section line), so that
// the documentation cannot drift from the reader.
func TestDocExamples(t *testing.T) {
	doc, err := os.ReadFile(filepath.Join("..", "..", "..", "docs", "dictionaries.md"))
	if err != nil {
		t.Fatalf("reading the dictionary docs, part of the repository: %v", err)
	}
	blocks := 0
	lines := strings.Split(string(doc), "\n")
	for i := 0; i < len(lines); i++ {
		if !strings.HasPrefix(lines[i], "```") {
			continue
		}
		start := i + 1
		j := start
		for j < len(lines) && !strings.HasPrefix(lines[j], "```") {
			j++
		}
		body := strings.Join(lines[start:j], "\n")
		i = j
		if !strings.HasPrefix(body, "@") {
			continue
		}
		blocks++
		if _, err := Read(bytes.NewReader([]byte(body)), "dictionaries.md"); err != nil {
			t.Errorf("example at docs/dictionaries.md:%d does not read:\n%v", start, err)
		}
	}
	if blocks < 6 {
		t.Errorf("found %d eventwire examples in the docs, want one per section", blocks)
	}
}
