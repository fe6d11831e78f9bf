package event

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strings"
)

// JSONLWriter writes events as eventwire JSON Lines: one JSON object per
// line, with the field names of Event (docs/formats.md). It buffers; call
// Flush when done. It is not safe for concurrent use.
type JSONLWriter struct {
	w   *bufio.Writer
	enc *json.Encoder
}

// NewJSONLWriter returns a writer of JSON Lines to w.
func NewJSONLWriter(w io.Writer) *JSONLWriter {
	bw := bufio.NewWriter(w)
	enc := json.NewEncoder(bw)
	enc.SetEscapeHTML(false)
	return &JSONLWriter{w: bw, enc: enc}
}

// Write writes one event as one line.
func (w *JSONLWriter) Write(e *Event) error {
	if err := w.enc.Encode(e); err != nil {
		return fmt.Errorf("writing event: %w", err)
	}
	return nil
}

// Flush writes buffered lines to the underlying writer.
func (w *JSONLWriter) Flush() error {
	if err := w.w.Flush(); err != nil {
		return fmt.Errorf("writing events: %w", err)
	}
	return nil
}

// MaxLineBytes bounds a line the readers accept, so that a corrupt file
// cannot exhaust memory.
const MaxLineBytes = 16 << 20

// JSONLReader reads eventwire JSON Lines. Blank lines are skipped. A line
// that is not one JSON object of the Event schema, has a field Event does not
// know, or has a malformed date is an error naming the input, the line and,
// where known, the field. It is not safe for concurrent use.
type JSONLReader struct {
	r    *bufio.Reader
	name string
	line int
}

// NewJSONLReader returns a reader of JSON Lines from r; name (a file name)
// prefixes error messages.
func NewJSONLReader(r io.Reader, name string) *JSONLReader {
	return &JSONLReader{r: bufio.NewReaderSize(r, 64<<10), name: name}
}

// Next returns the next event, or io.EOF after the last one.
func (r *JSONLReader) Next() (*Event, error) {
	for {
		raw, err := readLine(r.r)
		if err == io.EOF && len(raw) == 0 {
			return nil, io.EOF
		}
		r.line++
		if err != nil && err != io.EOF {
			return nil, fmt.Errorf("%s:%d: %w", r.name, r.line, err)
		}
		trimmed := bytes.TrimSpace(raw)
		if len(trimmed) == 0 {
			continue
		}
		if trimmed[0] != '{' {
			return nil, fmt.Errorf("%s:%d: not a JSON object", r.name, r.line)
		}
		var e Event
		dec := json.NewDecoder(bytes.NewReader(raw))
		dec.DisallowUnknownFields()
		if err := dec.Decode(&e); err != nil {
			return nil, fmt.Errorf("%s:%d: %s", r.name, r.line, describeJSONError(err))
		}
		if dec.More() {
			return nil, fmt.Errorf("%s:%d: data after the event object", r.name, r.line)
		}
		if err := validDate(e.Date); err != nil {
			return nil, fmt.Errorf("%s:%d: field date: %w", r.name, r.line, err)
		}
		return &e, nil
	}
}

// readLine returns the next line without its line end. It returns io.EOF
// with the last, unterminated line, and an error for a line longer than
// MaxLineBytes.
func readLine(r *bufio.Reader) ([]byte, error) {
	var line []byte
	for {
		chunk, err := r.ReadSlice('\n')
		if len(line)+len(chunk) > MaxLineBytes {
			return nil, fmt.Errorf("line longer than %d bytes", MaxLineBytes)
		}
		line = append(line, chunk...)
		switch {
		case err == bufio.ErrBufferFull:
			continue
		case err != nil:
			return line, err
		}
		line = line[:len(line)-1]
		if n := len(line); n > 0 && line[n-1] == '\r' {
			line = line[:n-1]
		}
		return line, nil
	}
}

// describeJSONError turns a decoding error into a message naming the field.
func describeJSONError(err error) string {
	var te *json.UnmarshalTypeError
	var se *json.SyntaxError
	switch {
	case errors.As(err, &te):
		return fmt.Sprintf("field %s: JSON %s where %s is wanted", te.Field, te.Value, te.Type)
	case errors.As(err, &se):
		return fmt.Sprintf("JSON syntax error at byte %d: %v", se.Offset, err)
	case strings.HasPrefix(err.Error(), "json: unknown field "):
		return "unknown field " + strings.TrimPrefix(err.Error(), "json: unknown field ")
	case err == io.EOF || errors.Is(err, io.ErrUnexpectedEOF):
		return "incomplete JSON object"
	}
	return err.Error()
}

// validDate accepts "" or a calendar date YYYY-MM-DD.
func validDate(s string) error {
	if s == "" {
		return nil
	}
	if _, _, _, ok := parseDate(s); !ok {
		return fmt.Errorf("%q is not a date YYYY-MM-DD", s)
	}
	return nil
}

// parseDate parses YYYY-MM-DD, checking the day against the month.
func parseDate(s string) (y, m, d int, ok bool) {
	if len(s) != 10 || s[4] != '-' || s[7] != '-' {
		return 0, 0, 0, false
	}
	y, ok1 := atoi(s[:4])
	m, ok2 := atoi(s[5:7])
	d, ok3 := atoi(s[8:])
	if !ok1 || !ok2 || !ok3 || m < 1 || m > 12 || d < 1 || d > daysIn(y, m) {
		return 0, 0, 0, false
	}
	return y, m, d, true
}

func daysIn(y, m int) int {
	switch m {
	case 2:
		if y%4 == 0 && (y%100 != 0 || y%400 == 0) {
			return 29
		}
		return 28
	case 4, 6, 9, 11:
		return 30
	}
	return 31
}

// atoi parses a non-empty string of ASCII digits.
func atoi(s string) (int, bool) {
	if s == "" || len(s) > 18 {
		return 0, false
	}
	n := 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c < '0' || c > '9' {
			return 0, false
		}
		n = n*10 + int(c-'0')
	}
	return n, true
}
