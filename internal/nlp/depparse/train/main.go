// Command train rebuilds the dependency parser model from UD English EWT:
//
//	go run ./internal/nlp/depparse/train -ud ../shared/ud/en_ewt -out internal/nlp/depparse/model.bin
//
// -train takes other CoNLL-U files (GUM's); -exclude-text A.jsonl,B.jsonl
// leaves out every document of them that shares a sentence with an article
// of those files (nlp.ExcludeDocuments), so that held-out evaluation text is
// never training text.
//
// By default the parser learns from the treebank's tags with -tag-noise
// (a share of words get another tag pair seen with the same form, afresh
// each epoch). With -tags jackknife it learns from predicted tags instead:
// the training set is split into -folds parts and each part is tagged by a
// tagger (internal/nlp/tag) trained on the other parts. Dev scores are
// logged after every epoch on the -dev-sets together (tagged by the shipped
// tagger, or by -dev-tagger), and each set's scores once the model is
// written. Training is deterministic: the same data and flags give the same
// file.
package main

import (
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/eventwire/eventwire/internal/nlp"
	"github.com/eventwire/eventwire/internal/nlp/depparse"
	"github.com/eventwire/eventwire/internal/nlp/tag"
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
	tags := flag.String("tags", "gold", "training tags: gold (with -tag-noise) or jackknife (predicted, -folds parts)")
	folds := flag.Int("folds", 5, "jackknifing parts")
	var opt depparse.TrainOptions
	flag.IntVar(&opt.Epochs, "epochs", 10, "training epochs")
	flag.Uint64Var(&opt.Seed, "seed", 1, "random seed")
	flag.Float64Var(&opt.TagNoise, "tag-noise", -1, "probability of replacing a word's tags by another pair seen with its form (default 0.04 with gold tags, 0 with jackknifed ones)")
	flag.Float64Var(&opt.MinWeight, "min-weight", 1.5, "drop averaged weights smaller in magnitude")
	flag.Float64Var(&opt.Explore, "explore", 0, "probability of following the model's wrong transition from -explore-from on (0: default 0.9; negative: never)")
	flag.IntVar(&opt.ExploreFrom, "explore-from", 0, "first epoch (counted from 0) that explores (0: default 1)")
	dev := flag.Bool("dev", true, "log dev scores (predicted tags) after each epoch")
	devSets := flag.String("dev-sets", "", "dev CoNLL-U files, comma-separated (default en_ewt-ud-dev.conllu in -ud)")
	devTagger := flag.String("dev-tagger", "", "tag the dev sets with this tagger model file (default: the embedded one)")
	trainFile := flag.String("train", "", "training CoNLL-U files, comma-separated (default en_ewt-ud-train.conllu in -ud)")
	saveTagged := flag.String("save-tagged", "", "also write the training set with its jackknifed tags to this CoNLL-U file")
	exclude := flag.String("exclude-text", "", "leave out every training document that shares a sentence with an article of these JSON Lines files (comma-separated; held-out evaluation text)")
	flag.Parse()

	start := time.Now()
	if *trainFile == "" {
		*trainFile = filepath.Join(*ud, "en_ewt-ud-train.conllu")
	}
	var train []*nlp.Sentence
	for _, path := range strings.Split(*trainFile, ",") {
		part, err := depparse.ReadTreebank(path)
		if err != nil {
			return err
		}
		part, dropped, err := nlp.ExcludeArticleText(part, *exclude)
		if err != nil {
			return err
		}
		for _, d := range dropped {
			fmt.Fprintf(os.Stderr, "left out %s: %d sentences, %d of them in article %s\n", d.Doc, d.Sentences, d.Shared, d.Article)
		}
		fmt.Fprintf(os.Stderr, "training set %s: %d sentences (%d documents left out)\n", path, len(part), len(dropped))
		train = append(train, part...)
	}
	var err error
	switch *tags {
	case "gold":
		if opt.TagNoise < 0 {
			opt.TagNoise = 0.04
		}
	case "jackknife":
		if opt.TagNoise < 0 {
			opt.TagNoise = 0
		}
		if err := jackknife(train, *folds, os.Stderr); err != nil {
			return err
		}
		if *saveTagged != "" {
			if err := writeConllu(*saveTagged, train); err != nil {
				return err
			}
		}
	default:
		return fmt.Errorf("-tags %q: want jackknife or gold", *tags)
	}
	opt.Log = os.Stderr
	if *devSets == "" {
		*devSets = filepath.Join(*ud, "en_ewt-ud-dev.conllu")
	}
	var devs [][]*nlp.Sentence
	if *dev {
		tg, err := devTaggerModel(*devTagger)
		if err != nil {
			return err
		}
		for _, path := range strings.Split(*devSets, ",") {
			part, err := depparse.ReadTreebank(path)
			if err != nil {
				return err
			}
			retag(tg, part)
			devs = append(devs, part)
			opt.Dev = append(opt.Dev, part...)
		}
	}
	m, err := depparse.Train(train, opt)
	if err != nil {
		return err
	}
	for i, path := range strings.Split(*devSets, ",")[:len(devs)] {
		sc := depparse.Evaluate(m, devs[i])
		fmt.Fprintf(os.Stderr, "dev %s: UAS %.2f LAS %.2f\n", filepath.Base(path), sc.UAS(), sc.LAS())
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

// jackknife replaces the tags, features and lemmas of sents by those of
// taggers each trained on the other folds (contiguous blocks, in order).
func jackknife(sents []*nlp.Sentence, folds int, log io.Writer) error {
	if folds < 2 {
		return fmt.Errorf("-folds %d: want at least 2", folds)
	}
	n := len(sents)
	tagged := make([][]nlp.Word, n)
	for k := 0; k < folds; k++ {
		lo, hi := k*n/folds, (k+1)*n/folds
		rest := slices.Concat(sents[:lo], sents[hi:])
		t0 := time.Now()
		m, err := tag.Train(rest, tag.TrainOptions{})
		if err != nil {
			return fmt.Errorf("jackknifing fold %d: %w", k+1, err)
		}
		tg := m.NewTagger()
		for i := lo; i < hi; i++ {
			s := *sents[i]
			s.Words = slices.Clone(sents[i].Words)
			tg.Tag(&s)
			tagged[i] = s.Words
		}
		fmt.Fprintf(log, "jackknife fold %d/%d: tagger trained on %d sentences, tagged %d, %.0fs\n",
			k+1, folds, len(rest), hi-lo, time.Since(t0).Seconds())
	}
	for i, s := range sents {
		s.Words = tagged[i] // heads and labels are untouched by tagging
	}
	return nil
}

// devTaggerModel loads the tagger model file path, or the embedded model
// when path is empty.
func devTaggerModel(path string) (*tag.Model, error) {
	if path == "" {
		return tag.Default()
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("dev tagger: %w", err)
	}
	defer f.Close()
	m, err := tag.Load(f)
	if err != nil {
		return nil, fmt.Errorf("dev tagger %s: %w", path, err)
	}
	return m, nil
}

// retag replaces the tags of sents by those of m.
func retag(m *tag.Model, sents []*nlp.Sentence) {
	tg := m.NewTagger()
	for _, s := range sents {
		tg.Tag(s)
	}
}

func writeConllu(path string, sents []*nlp.Sentence) error {
	f, err := os.Create(path)
	if err != nil {
		return fmt.Errorf("writing tagged training set: %w", err)
	}
	for _, s := range sents {
		if err := nlp.WriteConllu(f, s); err != nil {
			f.Close()
			return fmt.Errorf("writing tagged training set: %w", err)
		}
	}
	if err := f.Close(); err != nil {
		return fmt.Errorf("writing tagged training set: %w", err)
	}
	return nil
}
