package main

import (
	"fmt"
	"io"

	"github.com/eventwire/eventwire/internal/nlp"
	"github.com/eventwire/eventwire/internal/nlp/depparse"
	"github.com/eventwire/eventwire/internal/nlp/tag"
	"github.com/eventwire/eventwire/internal/timex"
)

func init() {
	evalVerbs["dates"] = runEvalDates
}

// runEvalDates implements "eventwire eval dates [--json] [-v] [--parse] FILE":
// date resolution accuracy on a labelled test set
// (internal/timex/testdata/dates.tsv). Sentences are split into words by
// timex.SplitWords until the language pipeline is wired in; with --parse the
// embedded tagger and parser then fill tags and trees.
func runEvalDates(args []string, stdout, stderr io.Writer) error {
	fs := newFlags("eval dates", "FILE", stderr)
	asJSON := fs.Bool("json", false, "print the result as JSON")
	verbose := fs.Bool("v", false, "list the cases resolved wrongly")
	parse := fs.Bool("parse", false, "tag and parse the words with the embedded models")
	path, err := parseOneArg(fs, args, "test set file")
	if err != nil {
		return err
	}
	cases, err := readTestSet(path, timex.ReadCases)
	if err != nil {
		return err
	}
	words := timex.SplitWords
	if *parse {
		tm, err := tag.Default()
		if err != nil {
			return fmt.Errorf("loading tagger: %w", err)
		}
		pm, err := depparse.Default()
		if err != nil {
			return fmt.Errorf("loading parser: %w", err)
		}
		tg, p := tm.NewTagger(), pm.NewParser()
		words = func(text string) *nlp.Sentence {
			s := timex.SplitWords(text)
			tg.Tag(s)
			p.Parse(s)
			return s
		}
	}
	outcomes, scores := timex.Evaluate(cases, words)
	type failure struct {
		Line     int    `json:"line"`
		Split    string `json:"split"`
		Sentence string `json:"sentence"`
		Expr     string `json:"expression"`
		Problem  string `json:"problem"`
	}
	var failures []failure
	for _, o := range outcomes {
		if !o.Correct {
			failures = append(failures, failure{o.Case.Line, o.Case.Split, o.Case.Sentence, o.Case.Expr, o.Problem})
		}
	}
	if *asJSON {
		out := struct {
			Scores   []timex.Score `json:"scores"`
			Failures []failure     `json:"failures,omitempty"`
		}{Scores: scores}
		if *verbose {
			out.Failures = failures
		}
		return writeJSON(stdout, out)
	}
	if *verbose {
		for _, x := range failures {
			fmt.Fprintf(stdout, "%s:%d [%s] %q in %q: %s\n", path, x.Line, x.Split, x.Expr, x.Sentence, x.Problem)
		}
	}
	for _, s := range scores {
		if _, err := fmt.Fprintf(stdout, "%-5s %4d/%-4d %6.2f%%  exact span %d\n", s.Split, s.Correct, s.Cases, 100*s.Acc, s.Exact); err != nil {
			return err
		}
	}
	return nil
}
