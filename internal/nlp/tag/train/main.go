// Command train builds the tagger model of package tag from UD English EWT,
// or evaluates a model on its dev and test sets:
//
//	go run ./internal/nlp/tag/train -ud ../shared/ud/en_ewt -out internal/nlp/tag/model.bin
//	go run ./internal/nlp/tag/train -ud ../shared/ud/en_ewt -eval internal/nlp/tag/model.bin
//
// Training is deterministic: the same treebank and flags give the same bytes.
package main

import (
	"bytes"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"runtime/pprof"
	"strings"
	"time"

	"github.com/eventwire/eventwire/internal/nlp"
	"github.com/eventwire/eventwire/internal/nlp/tag"
)

func main() {
	ud := flag.String("ud", "../shared/ud/en_ewt", "directory of the UD English EWT CoNLL-U files")
	out := flag.String("out", "", "write the trained model to this file")
	eval := flag.String("eval", "", "evaluate this model file on dev and test instead of training")
	epochs := flag.Int("epochs", 0, "first-pass tagger epochs (0: default)")
	epochs2 := flag.Int("epochs2", 0, "second-pass tagger epochs (0: default)")
	featsEpochs := flag.Int("feats-epochs", 0, "UFeats epochs (0: default)")
	dictMin := flag.Int("dict-min", 0, "minimum count for the tag dictionary (0: default)")
	verbose := flag.Bool("v", false, "log dev accuracy during training")
	cpuprofile := flag.String("cpuprofile", "", "write a CPU profile to this file")
	trainFiles := flag.String("train", "", "training CoNLL-U files, comma-separated (default en_ewt-ud-train.conllu in -ud)")
	caseLower := flag.Float64("case-lower", 0, "share of training sentences also learnt lower-cased")
	caseUpper := flag.Float64("case-upper", 0, "share of training sentences also learnt in capitals")
	properAdj := flag.Bool("proper-participle-adj", false, "learn participles tagged NNP/NNPS as ADJ (EWT's \"United\" of United States), not VERB (GUM's)")
	flag.Parse()
	if *cpuprofile != "" {
		f, err := os.Create(*cpuprofile)
		if err != nil {
			fatal(err)
		}
		pprof.StartCPUProfile(f)
		defer pprof.StopCPUProfile()
	}
	if *eval != "" {
		if err := evaluate(*ud, *eval); err != nil {
			fatal(err)
		}
		return
	}
	if *out == "" {
		fmt.Fprintln(os.Stderr, "train: -out or -eval is required")
		os.Exit(2)
	}
	var train []*nlp.Sentence
	if *trainFiles == "" {
		*trainFiles = filepath.Join(*ud, "en_ewt-ud-train.conllu")
	}
	for _, name := range strings.Split(*trainFiles, ",") {
		part, err := readFile(name)
		if err != nil {
			fatal(err)
		}
		fmt.Fprintf(os.Stderr, "training set %s: %d sentences\n", name, len(part))
		train = append(train, part...)
	}
	if *properAdj {
		fmt.Fprintf(os.Stderr, "proper-name participles relabelled ADJ: %d words\n", properParticiplesAdj(train))
	}
	if *caseLower > 0 || *caseUpper > 0 {
		n := len(train)
		train = nlp.AugmentCase(train, *caseLower, *caseUpper)
		fmt.Fprintf(os.Stderr, "case copies: %d sentences lower-cased or in capitals\n", len(train)-n)
	}
	var err error
	opt := tag.TrainOptions{Epochs: *epochs, Epochs2: *epochs2, FeatsEpochs: *featsEpochs, DictMinCount: *dictMin, Log: os.Stderr}
	if *verbose {
		if opt.Dev, err = read(*ud, "dev"); err != nil {
			fatal(err)
		}
	}
	start := time.Now()
	m, err := tag.Train(train, opt)
	if err != nil {
		fatal(err)
	}
	var buf bytes.Buffer
	if err := m.Save(&buf); err != nil {
		fatal(err)
	}
	if err := os.WriteFile(*out, buf.Bytes(), 0o644); err != nil {
		fatal(err)
	}
	fmt.Fprintf(os.Stderr, "wrote %s: %d bytes, %.1f MB in memory, trained in %s\n", *out, buf.Len(),
		float64(m.MemSize())/1e6, time.Since(start).Round(time.Second))
}

func read(dir, part string) ([]*nlp.Sentence, error) {
	return readFile(filepath.Join(dir, "en_ewt-ud-"+part+".conllu"))
}

func readFile(name string) ([]*nlp.Sentence, error) {
	f, err := os.Open(name)
	if err != nil {
		return nil, fmt.Errorf("reading treebank: %w", err)
	}
	defer f.Close()
	return tag.ReadTreebank(f, name)
}

func evaluate(dir, model string) error {
	f, err := os.Open(model)
	if err != nil {
		return fmt.Errorf("reading model: %w", err)
	}
	defer f.Close()
	start := time.Now()
	m, err := tag.Load(f)
	if err != nil {
		return err
	}
	fmt.Printf("model %s loaded in %s, %.1f MB in memory\n", model, time.Since(start).Round(time.Millisecond), float64(m.MemSize())/1e6)
	for _, part := range []string{"dev", "test"} {
		sents, err := read(dir, part)
		if err != nil {
			return err
		}
		sc := tag.Evaluate(m, sents)
		fmt.Printf("%s: %s\n  words right: UPOS %d, XPOS %d, UFeats %d, AllTags %d, Lemma %d of %d\n",
			part, sc, sc.UPOS, sc.XPOS, sc.UFeats, sc.AllTags, sc.Lemma, sc.Words)
	}
	return nil
}

func fatal(err error) {
	fmt.Fprintln(os.Stderr, "train:", err)
	os.Exit(1)
}

// properParticiplesAdj gives participles inside proper names (XPOS NNP or
// NNPS, UPOS VERB, VerbForm=Part, as GUM annotates "United" in "United
// States") the annotation EWT gives them: UPOS ADJ, the form as lemma,
// Degree=Pos. Mixing both conventions made the tagger call "United" a VERB,
// which hides "United Nations" from the name finders. It returns how many
// words it changed.
func properParticiplesAdj(sents []*nlp.Sentence) int {
	n := 0
	for _, s := range sents {
		for i := range s.Words {
			w := &s.Words[i]
			if (w.XPOS != "NNP" && w.XPOS != "NNPS") || w.UPOS != "VERB" || !strings.Contains(w.Feats, "VerbForm=Part") {
				continue
			}
			w.UPOS, w.Lemma, w.Feats = "ADJ", w.Form, "Degree=Pos"
			n++
		}
	}
	return n
}
