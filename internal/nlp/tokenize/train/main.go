// Command train trains the sentence-boundary model of package tokenize from
// a UD treebank and writes it where the package embeds it:
//
//	go run ./internal/nlp/tokenize/train -ud ../shared/ud/en_ewt
//
// The training text is the train file's sentences rebuilt as raw text (see
// udeval.RawText): a paragraph's sentences joined by spaces, paragraphs
// separated by a blank line or, every other time, by a single line break.
// Training is deterministic.
package main

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/eventwire/eventwire/internal/nlp"
	"github.com/eventwire/eventwire/internal/nlp/tokenize"
	"github.com/eventwire/eventwire/internal/nlp/udeval"
)

func main() {
	ud := flag.String("ud", "../shared/ud/en_ewt", "directory of the UD English EWT treebank")
	out := flag.String("o", "internal/nlp/tokenize/sbd.model", "model file to write")
	epochs := flag.Int("epochs", 6, "training epochs")
	minW := flag.Float64("min-weight", 0.002, "drop averaged weights smaller than this")
	flag.Parse()
	if err := run(*ud, *out, *epochs, *minW); err != nil {
		fmt.Fprintln(os.Stderr, "train:", err)
		os.Exit(1)
	}
}

func run(ud, out string, epochs int, minW float64) error {
	matches, err := filepath.Glob(filepath.Join(ud, "*-ud-train.conllu"))
	if err != nil || len(matches) != 1 {
		return fmt.Errorf("finding one *-ud-train.conllu in %s (found %d)", ud, len(matches))
	}
	sents, err := udeval.ReadFile(matches[0])
	if err != nil {
		return fmt.Errorf("reading treebank: %w", err)
	}
	texts := documents(sents)
	model := tokenize.TrainModel(texts, epochs, minW)
	if err := os.WriteFile(out, model, 0o644); err != nil {
		return fmt.Errorf("writing model: %w", err)
	}
	fmt.Fprintf(os.Stderr, "train: %d sentences in %d documents, model %d bytes → %s\n", len(sents), len(texts), len(model), out)
	return nil
}

// documents splits the treebank at newdoc comments into training texts.
// Paragraphs are separated alternately by a blank line and by a single line
// break, so that the model also learns what a line break between
// paragraphs looks like (feeds often put one paragraph per line).
func documents(sents []nlp.Sentence) []tokenize.TrainingText {
	var texts []tokenize.TrainingText
	var b strings.Builder
	var ends []int
	par := 0
	flush := func() {
		if b.Len() > 0 {
			texts = append(texts, tokenize.TrainingText{Text: b.String(), Ends: ends})
		}
		b.Reset()
		ends = nil
	}
	for i := range sents {
		s := &sents[i]
		newDoc, newPar := false, false
		for _, c := range s.Comments {
			newDoc = newDoc || strings.HasPrefix(c, "newdoc")
			newPar = newPar || strings.HasPrefix(c, "newpar")
		}
		if newDoc {
			flush()
		}
		if b.Len() > 0 {
			switch {
			case newPar && par%2 == 0:
				b.WriteString("\n\n")
				par++
			case newPar:
				b.WriteString("\n")
				par++
			default:
				b.WriteByte(' ')
			}
		}
		text, _ := udeval.RawText(sents[i : i+1])
		b.WriteString(text)
		ends = append(ends, b.Len())
	}
	flush()
	return texts
}
