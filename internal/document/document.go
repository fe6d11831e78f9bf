// Package document holds the small types every stage after reading shares:
// the document to code, the layout of its dates, and an input skipped with
// its reason. It imports nothing of the module, so that the analysis
// (internal/analyze), the work queue (internal/queue) and the stage to the
// store (internal/intake) do not depend on the readers, fetchers and
// extractors of internal/ingest that produce documents.
package document

import (
	"fmt"
	"sort"
	"strings"
	"time"
)

// Document is one news article to be coded.
type Document struct {
	ID     string // stable identifier: the JSONL "id", or the file's base name
	Text   string
	Title  string
	URL    string
	Source string    // publisher or feed name
	Date   time.Time // publication date; zero when unknown
	// Replaced counts the invalid UTF-8 bytes replaced with U+FFFD when
	// the document was read (a text file with a few bad bytes).
	Replaced int
}

// DateLayout is the layout of dates in document headers and JSON Lines.
const DateLayout = "2006-01-02"

// Skip is an input that yields no document, with the reason (one of
// internal/ingest's Reason constants) and the error.
type Skip struct {
	Origin string // file, or file:line for a JSON Lines record
	Reason string
	Err    error
}

func (s Skip) String() string { return fmt.Sprintf("%s: %s: %v", s.Origin, s.Reason, s.Err) }

// WriteSkipped writes ", N skipped" to b, followed by the counts by reason
// in reason order when there are any: " (bad header 1, language 2)". The
// summaries of ingest runs and of publishing to a queue share it.
func WriteSkipped(b *strings.Builder, skipped map[string]int) {
	total := 0
	reasons := make([]string, 0, len(skipped))
	for r, n := range skipped {
		total += n
		reasons = append(reasons, r)
	}
	sort.Strings(reasons)
	fmt.Fprintf(b, ", %d skipped", total)
	if total == 0 {
		return
	}
	b.WriteString(" (")
	for i, r := range reasons {
		if i > 0 {
			b.WriteString(", ")
		}
		fmt.Fprintf(b, "%s %d", r, skipped[r])
	}
	b.WriteString(")")
}
