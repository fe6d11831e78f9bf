// Command train builds the tagger model of package tag from UD English EWT,
// or evaluates a model on its dev and test sets:
//
//	go run ./internal/nlp/tag/train -ud ../shared/ud/en_ewt -out internal/nlp/tag/model.bin
//	go run ./internal/nlp/tag/train -ud ../shared/ud/en_ewt -eval internal/nlp/tag/model.bin
//	go run ./internal/nlp/tag/train -eval internal/nlp/tag/model.bin -eval-sets A.conllu,B.conllu
//	go run ./internal/nlp/tag/train -past-tense PARSED.conllu   # WordNet-only verbs tagged as nouns
//
// -exclude-text A.jsonl,B.jsonl leaves out every training document that
// shares a sentence with an article of those files (nlp.ExcludeDocuments).
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
	"sort"
	"strings"
	"time"

	"github.com/eventwire/eventwire/internal/lexicon"
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
	lex := flag.Bool("lexicon", true, "give words outside the tag dictionary their WordNet tags as a feature (internal/lexicon)")
	constrain := flag.Bool("lex-constrain", true, "limit the classes of words outside the tag dictionary to those WordNet allows (training: saved in the model; with -eval, when given, set or cleared on the model evaluated)")
	evalSets := flag.String("eval-sets", "", "with -eval: CoNLL-U files to score, comma-separated (default the EWT dev and test sets in -ud)")
	exclude := flag.String("exclude-text", "", "leave out every training document that shares a sentence with an article of these JSON Lines files (comma-separated; held-out evaluation text)")
	pastTense := flag.String("past-tense", "", "count, in these parsed CoNLL-U files (comma-separated), the past-tense forms WordNet knows only as verbs and how they were tagged")
	flag.Parse()
	if *cpuprofile != "" {
		f, err := os.Create(*cpuprofile)
		if err != nil {
			fatal(err)
		}
		pprof.StartCPUProfile(f)
		defer pprof.StopCPUProfile()
	}
	if *pastTense != "" {
		if err := countPastTense(strings.Split(*pastTense, ",")); err != nil {
			fatal(err)
		}
		return
	}
	if *eval != "" {
		setConstraint := false
		flag.Visit(func(f *flag.Flag) { setConstraint = setConstraint || f.Name == "lex-constrain" })
		if err := evaluate(*ud, *eval, *evalSets, setConstraint, *constrain); err != nil {
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
		part, dropped, err := nlp.ExcludeArticleText(part, *exclude)
		if err != nil {
			fatal(err)
		}
		for _, d := range dropped {
			fmt.Fprintf(os.Stderr, "left out %s: %d sentences, %d of them in article %s\n", d.Doc, d.Sentences, d.Shared, d.Article)
		}
		fmt.Fprintf(os.Stderr, "training set %s: %d sentences (%d documents left out)\n", name, len(part), len(dropped))
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
	opt := tag.TrainOptions{Epochs: *epochs, Epochs2: *epochs2, FeatsEpochs: *featsEpochs, DictMinCount: *dictMin,
		NoLexicon: !*lex, NoConstraint: !*constrain, Log: os.Stderr}
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

// evaluate scores a model file on the EWT dev and test sets, or on sets;
// with setConstraint, the WordNet constraint is set to constrain first.
func evaluate(dir, model, sets string, setConstraint, constrain bool) error {
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
	if setConstraint {
		if err := m.SetLexiconConstraint(constrain); err != nil {
			return err
		}
	}
	files := []string{filepath.Join(dir, "en_ewt-ud-dev.conllu"), filepath.Join(dir, "en_ewt-ud-test.conllu")}
	if sets != "" {
		files = strings.Split(sets, ",")
	}
	for _, name := range files {
		sents, err := readFile(name)
		if err != nil {
			return err
		}
		sc := tag.Evaluate(m, sents)
		fmt.Printf("%s: %s\n  words right: UPOS %d, XPOS %d, UFeats %d, AllTags %d, Lemma %d of %d\n  %s\n",
			filepath.Base(name), sc, sc.UPOS, sc.XPOS, sc.UFeats, sc.AllTags, sc.Lemma, sc.Words, tag.EvaluateUnseen(m, sents))
	}
	return nil
}

// countPastTense counts, in parsed CoNLL-U files, the words whose
// lower-case form WordNet knows only as a past tense or participle of a
// verb (an irregular form of verb.exc, or an -ed form of a verb lemma that
// is no noun, adjective or adverb), and how the tagger tagged them.
func countPastTense(files []string) error {
	lex, err := lexicon.WordNet()
	if err != nil {
		return err
	}
	total, asNoun, lowTotal, lowNoun := 0, 0, 0, 0
	byForm := map[string]int{}
	for _, name := range files {
		sents, err := readFile(name)
		if err != nil {
			return err
		}
		for _, s := range sents {
			for i := range s.Words {
				w := &s.Words[i]
				low := strings.ToLower(w.Form)
				tags := lex.Tags([]byte(low))
				if tags&(lexicon.VBD|lexicon.VBN) == 0 || tags&^(lexicon.VBD|lexicon.VBN) != 0 {
					continue
				}
				if _, irregular := lex.Irregular([]byte(low), lexicon.Verb); !irregular && !strings.HasSuffix(low, "ed") {
					continue
				}
				lower := i == 0 || w.Form == low // not a capitalised word inside the sentence
				total++
				if lower {
					lowTotal++
				}
				switch w.UPOS {
				case "NOUN", "ADJ", "PROPN":
					asNoun++
					byForm[low+"/"+w.UPOS]++
					if lower {
						lowNoun++
					}
				}
			}
		}
	}
	fmt.Printf("past-tense forms WordNet knows only as verbs: %d, tagged NOUN/ADJ/PROPN %d (%.1f%%)\n", total, asNoun, 100*float64(asNoun)/float64(max(total, 1)))
	fmt.Printf("  lower case or sentence-initial: %d, tagged NOUN/ADJ/PROPN %d (%.1f%%)\n", lowTotal, lowNoun, 100*float64(lowNoun)/float64(max(lowTotal, 1)))
	forms := make([]string, 0, len(byForm))
	for f := range byForm {
		forms = append(forms, f)
	}
	sort.Slice(forms, func(a, b int) bool {
		if byForm[forms[a]] != byForm[forms[b]] {
			return byForm[forms[a]] > byForm[forms[b]]
		}
		return forms[a] < forms[b]
	})
	for _, f := range forms {
		fmt.Printf("  %s %d\n", f, byForm[f])
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
