// Command train rebuilds the dependency parser model from UD English EWT:
//
//	go run ./internal/nlp/depparse/train -ud ../shared/ud/en_ewt -out internal/nlp/depparse/model.bin
//
// It trains on en_ewt-ud-train.conllu, logs dev scores after every epoch and
// writes the model. Training is deterministic: the same data and flags give
// the same file.
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
	if err := run(); err != nil {
		fmt.Fprintln(os.Stderr, "train:", err)
		os.Exit(1)
	}
}

func run() error {
	ud := flag.String("ud", "../shared/ud/en_ewt", "folder holding en_ewt-ud-{train,dev}.conllu")
	out := flag.String("out", "internal/nlp/depparse/model.bin", "model file to write")
	var opt depparse.TrainOptions
	flag.IntVar(&opt.Epochs, "epochs", 10, "training epochs")
	flag.Uint64Var(&opt.Seed, "seed", 1, "random seed")
	flag.Float64Var(&opt.TagNoise, "tag-noise", 0.04, "probability of replacing a word's tags by another pair seen with its form")
	flag.Float64Var(&opt.MinWeight, "min-weight", 0.5, "drop averaged weights smaller in magnitude")
	dev := flag.Bool("dev", true, "log dev scores after each epoch")
	flag.Parse()

	start := time.Now()
	train, err := depparse.ReadTreebank(filepath.Join(*ud, "en_ewt-ud-train.conllu"))
	if err != nil {
		return err
	}
	opt.Log = os.Stderr
	if *dev {
		if opt.Dev, err = depparse.ReadTreebank(filepath.Join(*ud, "en_ewt-ud-dev.conllu")); err != nil {
			return err
		}
	}
	m, err := depparse.Train(train, opt)
	if err != nil {
		return err
	}
	f, err := os.Create(*out)
	if err != nil {
		return fmt.Errorf("writing model: %w", err)
	}
	if err := m.Save(f); err != nil {
		f.Close()
		return err
	}
	if err := f.Close(); err != nil {
		return fmt.Errorf("writing model: %w", err)
	}
	st, err := os.Stat(*out)
	if err != nil {
		return fmt.Errorf("writing model: %w", err)
	}
	fmt.Fprintf(os.Stderr, "wrote %s: %d bytes, %d features, %d weights, in %s\n",
		*out, st.Size(), m.Features(), m.Weights(), time.Since(start).Round(time.Second))
	return nil
}
