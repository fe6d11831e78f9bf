// Package ingest turns input files into documents: plain text (one document
// per file, with an optional header block of Title:, Date:, URL: and Source:
// lines followed by a blank line) and JSON Lines (one document per line).
// Readers stream: they hand out one document at a time.
package ingest

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"path/filepath"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/eventwire/eventwire/internal/document"
)

// Document is one news article to be coded: the readers produce the
// document.Document of the base package internal/document, which the
// stages after them share without depending on the readers.
type Document = document.Document

// DateLayout is the layout of dates in document headers and JSON Lines.
const DateLayout = document.DateLayout

// parseDate accepts YYYY-MM-DD and RFC 3339 timestamps.
func parseDate(v string) (time.Time, error) {
	v = strings.TrimSpace(v)
	if t, err := time.Parse(DateLayout, v); err == nil {
		return t, nil
	}
	t, err := time.Parse(time.RFC3339, v)
	if err != nil {
		return time.Time{}, fmt.Errorf("date %q is neither YYYY-MM-DD nor RFC 3339", v)
	}
	return t.UTC(), nil
}

// ParseText reads a plain-text document. A header block is recognised only
// when the first line is a known "Key: value" header; it ends at the first
// blank line. name is used as the document id and in error messages.
func ParseText(data []byte, name string) (Document, error) {
	if !utf8.Valid(data) {
		return Document{}, fmt.Errorf("%s: text is not valid UTF-8", name)
	}
	doc := Document{ID: strings.TrimSuffix(filepath.Base(name), filepath.Ext(name))}
	text := string(bytes.TrimPrefix(data, []byte("\xef\xbb\xbf")))
	if key, _, ok := headerLine(firstLine(text)); ok && key != "" {
		lineNo := 0
		for text != "" {
			line := firstLine(text)
			text = text[min(len(line)+1, len(text)):]
			lineNo++
			if strings.TrimSpace(line) == "" {
				break
			}
			key, val, ok := headerLine(line)
			if !ok {
				return Document{}, fmt.Errorf("%s:%d: header line is not \"Key: value\" with Title, Date, URL or Source", name, lineNo)
			}
			switch key {
			case "title":
				doc.Title = val
			case "url":
				doc.URL = val
			case "source":
				doc.Source = val
			case "date":
				d, err := parseDate(val)
				if err != nil {
					return Document{}, fmt.Errorf("%s:%d: Date: %w", name, lineNo, err)
				}
				doc.Date = d
			}
		}
	}
	doc.Text = text
	return doc, nil
}

func firstLine(s string) string {
	if i := strings.IndexByte(s, '\n'); i >= 0 {
		return strings.TrimRight(s[:i], "\r")
	}
	return strings.TrimRight(s, "\r")
}

// headerLine splits "Key: value" for the known header keys, lower-cased.
func headerLine(line string) (key, val string, ok bool) {
	i := strings.IndexByte(line, ':')
	if i <= 0 {
		return "", "", false
	}
	key = strings.ToLower(strings.TrimSpace(line[:i]))
	switch key {
	case "title", "date", "url", "source":
		return key, strings.TrimSpace(line[i+1:]), true
	}
	return "", "", false
}

// jsonDoc is the JSON Lines document schema. "published" is accepted as a
// synonym of "date".
type jsonDoc struct {
	ID        string `json:"id"`
	Text      string `json:"text"`
	Title     string `json:"title"`
	URL       string `json:"url"`
	Source    string `json:"source"`
	Date      string `json:"date"`
	Published string `json:"published"`
}

// JSONLReader reads one document per line from JSON Lines. Blank lines are
// skipped. It is not safe for concurrent use.
type JSONLReader struct {
	br   *bufio.Reader
	name string
	line int
	max  int    // longest line read; longer ones are skipped
	buf  []byte // the current line
	err  error  // a read error met after the current line, returned next
}

// MaxJSONLine is the longest JSON Lines record a JSONLReader reads (64 MiB,
// as MaxTextFile); a longer line is skipped with ErrLineTooLong and reading
// goes on with the next line.
const MaxJSONLine = 64 << 20

// NewJSONLReader returns a reader of r; name is used for error messages and
// for ids of documents without one ("name:line").
func NewJSONLReader(r io.Reader, name string) *JSONLReader {
	return &JSONLReader{br: bufio.NewReaderSize(r, 64*1024), name: name, max: MaxJSONLine}
}

// ErrBadLine wraps the error for one malformed line; the reader can go on
// with the next line after it.
var ErrBadLine = errors.New("bad line")

// ErrLineTooLong wraps the error for a line over MaxJSONLine bytes; it is
// an ErrBadLine: the reader skips the line and can go on after it.
var ErrLineTooLong = fmt.Errorf("%w: line too long", ErrBadLine)

// readLine reads the next line into r.buf, keeping at most r.max bytes: a
// longer line is read to its end and dropped (tooLong). It returns io.EOF
// only when no byte is left; the bytes read before a read error are a last
// line, and the error comes on the next call.
func (r *JSONLReader) readLine() (tooLong bool, err error) {
	if r.err != nil {
		return false, r.err
	}
	r.buf = r.buf[:0]
	n := 0 // bytes of the line so far
	for {
		chunk, err := r.br.ReadSlice('\n')
		n += len(chunk)
		if !tooLong {
			if len(r.buf)+len(chunk) > r.max+1 { // +1: the line break
				tooLong, r.buf = true, r.buf[:0]
			} else {
				r.buf = append(r.buf, chunk...)
			}
		}
		switch {
		case errors.Is(err, bufio.ErrBufferFull):
			continue
		case errors.Is(err, io.EOF):
			if n == 0 {
				return false, io.EOF
			}
		case err != nil:
			if n == 0 {
				return false, err
			}
			r.err = err
		}
		return tooLong || len(bytes.TrimSuffix(r.buf, []byte{'\n'})) > r.max, nil
	}
}

// Next returns the next document, io.EOF at the end, an error wrapping
// ErrBadLine (naming file, line and field) for a malformed line after which
// Next may be called again, or another error for a read failure. A line
// longer than MaxJSONLine is such a bad line (ErrLineTooLong): the lines
// after it are still read.
func (r *JSONLReader) Next() (Document, error) {
	for {
		tooLong, err := r.readLine()
		if errors.Is(err, io.EOF) {
			return Document{}, io.EOF
		}
		if err != nil {
			return Document{}, fmt.Errorf("reading %s after line %d: %w", r.name, r.line, err)
		}
		r.line++
		if tooLong {
			return Document{}, fmt.Errorf("%s:%d: %w: over %d bytes, skipped", r.name, r.line, ErrLineTooLong, r.max)
		}
		b := bytes.TrimSpace(r.buf)
		if len(b) == 0 {
			continue
		}
		var jd jsonDoc
		if err := json.Unmarshal(b, &jd); err != nil {
			return Document{}, fmt.Errorf("%s:%d: %w: %v", r.name, r.line, ErrBadLine, err)
		}
		if strings.TrimSpace(jd.Text) == "" {
			return Document{}, fmt.Errorf("%s:%d: %w: field \"text\" is missing or empty", r.name, r.line, ErrBadLine)
		}
		doc := Document{ID: jd.ID, Text: jd.Text, Title: jd.Title, URL: jd.URL, Source: jd.Source}
		if doc.ID == "" {
			doc.ID = fmt.Sprintf("%s:%d", filepath.Base(r.name), r.line)
		}
		date := jd.Date
		if date == "" {
			date = jd.Published
		}
		if date != "" {
			d, err := parseDate(date)
			if err != nil {
				return Document{}, fmt.Errorf("%s:%d: %w: field \"date\": %v", r.name, r.line, ErrBadLine, err)
			}
			doc.Date = d
		}
		return doc, nil
	}
}
