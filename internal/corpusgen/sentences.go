// Package corpusgen builds a synthetic but news-like corpus for measuring
// ingest at scale: articles assembled from real news sentences (the
// ConfliBERT sentences and the PETRARCH GigaWord sample in ../shared),
// grouped by the country they mention, with titles, dates, outlets and URLs,
// plus a known fraction of re-published copies and lightly edited
// duplicates. Every generated document says what it is (original, copy or
// edited copy, and of which original), so that de-duplication can be
// checked against the corpus as well as timed on it.
//
// The corpus is a measuring instrument, not data to ship: it is written
// outside the repository (it is made of GPL-3.0 and newswire sentences that
// may be used for testing only) and rebuilt by `eventwire corpusgen`.
// Generation is deterministic for a given seed and input.
package corpusgen

import (
	"bufio"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
)

// Sentence is one source sentence.
type Sentence struct {
	Text   string
	Class  int    // ConfliBERT event class 0–4; -1 when unlabelled (GigaWord)
	Origin string // file:line or file#id
}

// maxSentence bounds the length of one source sentence (bytes).
const maxSentence = 4096

// ReadConfli reads the ConfliBERT classification file: one sentence, a tab
// and its class (0–4) per line. Blank lines are skipped; a line without a
// tab, with a class outside 0–4 or with an over-long sentence is an error
// naming name:line.
func ReadConfli(r io.Reader, name string) ([]Sentence, error) {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64<<10), 1<<20)
	var out []Sentence
	line := 0
	for sc.Scan() {
		line++
		s := sc.Text()
		if strings.TrimSpace(s) == "" {
			continue
		}
		text, class, ok := strings.Cut(s, "\t")
		if !ok {
			return nil, fmt.Errorf("%s:%d: want sentence<TAB>class", name, line)
		}
		c, err := strconv.Atoi(strings.TrimSpace(class))
		if err != nil || c < 0 || c > 4 {
			return nil, fmt.Errorf("%s:%d: class %q is not 0–4", name, line, class)
		}
		text = normalizeSpace(text)
		if text == "" {
			return nil, fmt.Errorf("%s:%d: empty sentence", name, line)
		}
		if len(text) > maxSentence {
			return nil, fmt.Errorf("%s:%d: sentence of %d bytes (at most %d)", name, line, len(text), maxSentence)
		}
		out = append(out, Sentence{Text: text, Class: c, Origin: fmt.Sprintf("%s:%d", name, line)})
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("reading %s: %w", name, err)
	}
	return out, nil
}

// ReadPetrarchXML reads the <Sentence id=...><Text>...</Text></Sentence>
// records of a PETRARCH validation or GigaWord file, taking each record's
// text (whitespace normalised). Parses and codings are ignored, and so are
// records with empty text (the GigaWord sample has some). A record with an
// over-long text is an error naming the record; malformed XML is an error
// naming the line.
func ReadPetrarchXML(r io.Reader, name string) ([]Sentence, error) {
	dec := xml.NewDecoder(r)
	var out []Sentence
	for {
		tok, err := dec.Token()
		if errors.Is(err, io.EOF) {
			return out, nil
		}
		if err != nil {
			line, _ := dec.InputPos()
			return nil, fmt.Errorf("%s:%d: %w", name, line, err)
		}
		se, ok := tok.(xml.StartElement)
		if !ok || se.Name.Local != "Sentence" {
			continue
		}
		line, _ := dec.InputPos()
		var rec struct {
			ID   string `xml:"id,attr"`
			Text string `xml:"Text"`
		}
		if err := dec.DecodeElement(&rec, &se); err != nil {
			return nil, fmt.Errorf("%s:%d: sentence: %w", name, line, err)
		}
		text := normalizeSpace(rec.Text)
		if text == "" {
			continue // the GigaWord sample has empty test records
		}
		if len(text) > maxSentence {
			return nil, fmt.Errorf("%s:%d: sentence %q of %d bytes (at most %d)", name, line, rec.ID, len(text), maxSentence)
		}
		out = append(out, Sentence{Text: text, Class: -1, Origin: fmt.Sprintf("%s#%s", name, rec.ID)})
	}
}

// normalizeSpace collapses runs of white space into one space and trims.
func normalizeSpace(s string) string { return strings.Join(strings.Fields(s), " ") }
