package main

import (
	"encoding/json"
	"fmt"
	"io"
	"math"
	"os"

	"github.com/eventwire/eventwire/internal/nlp"
	"github.com/eventwire/eventwire/internal/nlp/depparse"
	"github.com/eventwire/eventwire/internal/nlp/pipeline"
	"github.com/eventwire/eventwire/internal/nlp/tag"
	"github.com/eventwire/eventwire/internal/nlp/tokenize"
	"github.com/eventwire/eventwire/internal/nlp/udeval"
)

func init() {
	evalVerbs["ud"] = runEvalUD
}

// runEvalUD implements "eventwire eval ud [--raw] [--tokenize-only] [--json]
// GOLD.conllu": the pipeline's accuracy on a UD treebank, from the gold words
// or (--raw) from the raw text of each sentence.
func runEvalUD(args []string, stdout, stderr io.Writer) error {
	fs := newFlags("eval ud", "GOLD.conllu", stderr)
	raw := fs.Bool("raw", false, "start from the raw text (# text), score tokens, sentences and words as CoNLL 2018 does")
	tokOnly := fs.Bool("tokenize-only", false, "start from the raw text and score tokenization and sentence splitting only")
	asJSON := fs.Bool("json", false, "print the result as one JSON object")
	models := addModelFlags(fs, "score")
	path, err := parseOneArg(fs, args, "CoNLL-U file")
	if err != nil {
		return err
	}
	gold, err := udeval.ReadFile(path)
	if err != nil {
		return err
	}
	var res udeval.Result
	if *tokOnly {
		text, _ := udeval.RawText(gold)
		if res, err = udeval.Raw(gold, tokenize.New().Tokenize(text)); err != nil {
			return fmt.Errorf("scoring %s: %w", path, err)
		}
		return printUDResult(stdout, res, true, true, *asJSON)
	}
	p, err := models.pipeline()
	if err != nil {
		return err
	}
	w := p.NewWorker()
	if *raw {
		text, _ := udeval.RawText(gold)
		if res, err = udeval.Raw(gold, w.Process(text)); err != nil {
			return fmt.Errorf("scoring %s: %w", path, err)
		}
	} else {
		sys := make([]nlp.Sentence, len(gold))
		for i := range gold {
			sys[i] = bareWords(&gold[i])
			w.Annotate(&sys[i])
		}
		if res, err = udeval.Gold(gold, sys); err != nil {
			return fmt.Errorf("scoring %s: %w", path, err)
		}
	}
	return printUDResult(stdout, res, *raw, false, *asJSON)
}

// loadPipeline returns the embedded pipeline, or one with the tagger and
// parser models read from the given files where they are not empty.
func loadPipeline(taggerFile, parserFile string) (*pipeline.Pipeline, error) {
	if taggerFile == "" && parserFile == "" {
		p, err := pipeline.Default()
		if err != nil {
			return nil, fmt.Errorf("loading pipeline: %w", err)
		}
		return p, nil
	}
	var tm *tag.Model
	var pm *depparse.Model
	var err error
	if taggerFile == "" {
		tm, err = tag.Default()
	} else {
		tm, err = loadModelFile(taggerFile, tag.Load)
	}
	if err != nil {
		return nil, fmt.Errorf("loading tagger model: %w", err)
	}
	if parserFile == "" {
		pm, err = depparse.Default()
	} else {
		pm, err = loadModelFile(parserFile, depparse.Load)
	}
	if err != nil {
		return nil, fmt.Errorf("loading parser model: %w", err)
	}
	return pipeline.New(tm, pm)
}

// loadModelFile opens path and decodes it with load.
func loadModelFile[M any](path string, load func(io.Reader) (*M, error)) (*M, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	m, err := load(f)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return m, nil
}

// bareWords copies the words of s without their annotations.
func bareWords(s *nlp.Sentence) nlp.Sentence {
	out := nlp.Sentence{ID: s.ID, Text: s.Text, Start: s.Start, End: s.End, MultiWords: s.MultiWords}
	out.Words = make([]nlp.Word, len(s.Words))
	for k, wd := range s.Words {
		out.Words[k] = nlp.Word{ID: wd.ID, Form: wd.Form, Start: wd.Start, End: wd.End}
	}
	return out
}

func pct(x float64) float64 { return math.Round(10000*x) / 100 }

func printUDResult(w io.Writer, r udeval.Result, raw, tokOnly, asJSON bool) error {
	if asJSON {
		out := map[string]any{
			"sentences": r.Sentences.Gold,
			"words":     r.Words.Gold,
		}
		if !tokOnly {
			out["upos"] = pct(r.UPOS.F1())
			out["xpos"] = pct(r.XPOS.F1())
			out["ufeats"] = pct(r.UFeats.F1())
			out["lemma"] = pct(r.Lemma.F1())
			out["uas"] = pct(r.UAS.F1())
			out["las"] = pct(r.LAS.F1())
			for _, rs := range r.Relations {
				out["las_"+rs.Relation] = pct(rs.F1()) // F1 of the relation's labelled attachments
			}
		}
		if raw {
			out["tokens_f1"] = pct(r.Tokens.F1())
			out["sentences_f1"] = pct(r.Sentences.F1())
			out["words_f1"] = pct(r.Words.F1())
		}
		enc := json.NewEncoder(w)
		return enc.Encode(out)
	}
	type row struct {
		name string
		s    udeval.Score
	}
	var rows []row
	if raw {
		rows = append(rows, row{"Tokens", r.Tokens}, row{"Sentences", r.Sentences}, row{"Words", r.Words})
	}
	if !tokOnly {
		rows = append(rows, row{"UPOS", r.UPOS}, row{"XPOS", r.XPOS}, row{"UFeats", r.UFeats}, row{"Lemma", r.Lemma},
			row{"UAS", r.UAS}, row{"LAS", r.LAS})
	}
	if raw {
		fmt.Fprintf(w, "%-10s %9s %9s %9s %9s\n", "metric", "precision", "recall", "F1", "aligned")
		for _, rw := range rows {
			al := ""
			if rw.s.Aligned > 0 {
				al = fmt.Sprintf("%.2f", 100*rw.s.Accuracy())
			}
			fmt.Fprintf(w, "%-10s %9.2f %9.2f %9.2f %9s\n", rw.name, 100*rw.s.Precision(), 100*rw.s.Recall(), 100*rw.s.F1(), al)
		}
	} else {
		fmt.Fprintf(w, "%-10s %9s\n", "metric", "accuracy")
		for _, rw := range rows {
			fmt.Fprintf(w, "%-10s %9.2f\n", rw.name, 100*rw.s.Accuracy())
		}
	}
	if !tokOnly && len(r.Relations) > 0 {
		// LAS per relation: of the gold words with the relation, the share
		// attached to the right head with it (recall); of the system's,
		// the share right (precision).
		fmt.Fprintf(w, "%-10s %9s %9s %9s %9s\n", "LAS of", "gold", "precision", "recall", "F1")
		for _, rs := range r.Relations {
			fmt.Fprintf(w, "%-10s %9d %9.2f %9.2f %9.2f\n", rs.Relation, rs.Gold, 100*rs.Precision(), 100*rs.Recall(), 100*rs.F1())
		}
	}
	_, err := fmt.Fprintf(w, "%d sentences, %d words\n", r.Sentences.Gold, r.Words.Gold)
	return err
}
