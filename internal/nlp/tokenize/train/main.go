// Command train trains the sentence-boundary model of package tokenize from
// a UD treebank and writes it where the package embeds it:
//
//	go run ./internal/nlp/tokenize/train -ud ../shared/ud/en_ewt
//
// The training text is the train file's sentences rebuilt as raw text (see
// udeval.RawText): a paragraph's sentences joined by spaces, paragraphs
// separated by blank lines. Training is deterministic.
package main

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"

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
func documents(sents []nlp.Sentence) []tokenize.TrainingText {
	var texts []tokenize.TrainingText
	start := 0
	flush := func(end int) {
		if end > start {
			text, ends := udeval.RawText(sents[start:end])
			texts = append(texts, tokenize.TrainingText{Text: text, Ends: ends})
		}
		start = end
	}
	for i := range sents {
		for _, c := range sents[i].Comments {
			if len(c) >= 6 && c[:6] == "newdoc" {
				flush(i)
			}
		}
	}
	flush(len(sents))
	return texts
}
