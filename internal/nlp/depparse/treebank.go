package depparse

import (
	"errors"
	"fmt"
	"io"
	"os"

	"github.com/eventwire/eventwire/internal/nlp"
)

// ReadTreebank reads every sentence of the CoNLL-U file path. A malformed
// sentence is an error naming the file and line.
func ReadTreebank(path string) ([]*nlp.Sentence, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("reading treebank: %w", err)
	}
	defer f.Close()
	r := nlp.NewConlluReader(f, path)
	var out []*nlp.Sentence
	for {
		s, err := r.Next()
		if errors.Is(err, io.EOF) {
			return out, nil
		}
		if err != nil {
			return nil, fmt.Errorf("reading treebank: %w", err)
		}
		out = append(out, s)
	}
}
