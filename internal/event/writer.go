package event

import (
	"fmt"
	"io"
	"strings"
	"time"
)

// Writer writes events in one interchange format. Write may buffer: call
// Flush after the last event. The caller keeps ownership of e and may reuse
// it once Write returns. A Writer is not safe for concurrent use.
type Writer interface {
	Write(e *Event) error
	Flush() error
}

// Formats lists the format names NewWriter accepts: eventwire JSON Lines,
// GDELT 2.0 Events rows and GDELT 2.0 Mentions rows.
var Formats = []string{"jsonl", "gdelt-events", "gdelt-mentions"}

// NewWriter returns a Writer of the named format to w. clock gives the GDELT
// DATEADDED time (pass time.Now, or a fixed time for reproducible output);
// JSON Lines does not use it.
func NewWriter(format string, w io.Writer, clock func() time.Time) (Writer, error) {
	switch format {
	case "jsonl":
		return NewJSONLWriter(w), nil
	case "gdelt-events":
		return NewEventsWriter(w, clock), nil
	case "gdelt-mentions":
		return NewMentionsWriter(w, clock), nil
	}
	return nil, fmt.Errorf("output format %q: want one of %s", format, strings.Join(Formats, ", "))
}
