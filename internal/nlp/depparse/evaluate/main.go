// Command evaluate scores the embedded dependency parser on a UD English EWT
// part with gold tokenization:
//
//	go run ./internal/nlp/depparse/evaluate -ud ../shared/ud/en_ewt -part test
//
// It parses twice, with the tags of the shipped tagger (internal/nlp/tag)
// and with the treebank's gold tags, and prints UAS, LAS with full labels and
// LAS with universal labels only (the CoNLL 2018 LAS) over all words,
// punctuation included, and the parsing speed in words per CPU second.
package main

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"time"

	"github.com/eventwire/eventwire/internal/nlp"
	"github.com/eventwire/eventwire/internal/nlp/depparse"
	"github.com/eventwire/eventwire/internal/nlp/tag"
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
	fmt.Printf("parser model decoded in %s\n", time.Since(start).Round(time.Millisecond))
	tm, err := tag.Default()
	if err != nil {
		return err
	}
	predicted := make([]*nlp.Sentence, len(gold))
	tg := tm.NewTagger()
	for i, g := range gold {
		s := *g
		s.Words = slices.Clone(g.Words)
		tg.Tag(&s)
		predicted[i] = &s
	}
	runtime.LockOSThread()
	for _, run := range []struct {
		name  string
		sents []*nlp.Sentence
	}{{"tagger's tags", predicted}, {"gold tags", gold}} {
		p := m.NewParser()
		var sc depparse.Score
		var cp nlp.Sentence
		t0 := threadCPU()
		for i, s := range run.sents {
			cp.Words = append(cp.Words[:0], s.Words...)
			p.Parse(&cp)
			sc.Add(gold[i], &cp)
		}
		cpu := threadCPU() - t0
		fmt.Printf("%s, gold tokenization, %s: %d words  UAS %.2f  LAS %.2f  LAS(universal labels) %.2f  %.0f words/CPU-s\n",
			part, run.name, sc.Words, sc.UAS(), sc.LAS(), sc.ULAS(), float64(sc.Words)/cpu.Seconds())
	}
	return nil
}
