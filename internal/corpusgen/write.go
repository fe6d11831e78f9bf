package corpusgen

import (
	"bufio"
	"compress/gzip"
	"encoding/json"
	"fmt"
	"io"
)

// WriteJSONL generates the corpus and writes it to w as gzip-compressed
// JSON Lines, one Article per line, the format `eventwire ingest` reads.
func WriteJSONL(w io.Writer, sents []Sentence, opt Options) (Summary, error) {
	zw := gzip.NewWriter(w)
	bw := bufio.NewWriterSize(zw, 64<<10)
	enc := json.NewEncoder(bw)
	enc.SetEscapeHTML(false)
	sum, err := Generate(sents, opt, func(a *Article) error { return enc.Encode(a) })
	if err != nil {
		return sum, fmt.Errorf("writing corpus: %w", err)
	}
	if err := bw.Flush(); err != nil {
		return sum, fmt.Errorf("writing corpus: %w", err)
	}
	if err := zw.Close(); err != nil {
		return sum, fmt.Errorf("writing corpus: %w", err)
	}
	return sum, nil
}
