// Command evaluate scores the embedded dependency parser on a UD English EWT
// part with gold tokenization:
//
//	go run ./internal/nlp/depparse/evaluate -ud ../shared/ud/en_ewt -part test
//
// It parses with the treebank's own tags, and prints UAS, LAS with full
// labels and LAS with universal labels (the CoNLL 2018 LAS) over all words,
// punctuation included, and the parsing speed.
package main

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"time"

	"github.com/eventwire/eventwire/internal/nlp/depparse"
)

func main() {
	ud := flag.String("ud", "../shared/ud/en_ewt", "folder holding en_ewt-ud-*.conllu")
	part := flag.String("part", "test", "treebank part: train, dev or test")
	flag.Parse()
	if err := run(*ud, *part); err != nil {
		fmt.Fprintln(os.Stderr, "evaluate:", err)
		os.Exit(1)
	}
}

func run(ud, part string) error {
	gold, err := depparse.ReadTreebank(filepath.Join(ud, "en_ewt-ud-"+part+".conllu"))
	if err != nil {
		return err
	}
	start := time.Now()
	m, err := depparse.Default()
	if err != nil {
		return err
	}
	load := time.Since(start)
	start = time.Now()
	sc := depparse.Evaluate(m, gold)
	el := time.Since(start)
	fmt.Printf("%s, gold tokenization, treebank tags: %d words  UAS %.2f  LAS %.2f  LAS(universal labels) %.2f\n",
		part, sc.Words, sc.UAS(), sc.LAS(), sc.ULAS())
	fmt.Printf("model load %s; parsing %.0f words/s on one core\n", load.Round(time.Millisecond), float64(sc.Words)/el.Seconds())
	return nil
}
