package main

import (
	"encoding/json"
	"fmt"
	"io"

	"github.com/eventwire/eventwire/internal/coder"
	"github.com/eventwire/eventwire/internal/coder/confli"
	"github.com/eventwire/eventwire/internal/dict/builtin"
	"github.com/eventwire/eventwire/internal/nlp/pipeline"
)

func init() {
	evalVerbs["confli"] = runEvalConfli
}

// runEvalConfli implements "eventwire eval confli [--json] DIR": it codes
// the ConfliBERT sentences in DIR (raw text through the embedded pipeline,
// the coder and the built-in dictionaries) and prints coverage, class
// accuracy of the first event per sentence, quad accuracy and source and
// target span F1.
func runEvalConfli(args []string, stdout, stderr io.Writer) error {
	fs := newFlags("eval confli", "DIR", stderr)
	asJSON := fs.Bool("json", false, "print the result as JSON")
	monad := fs.Bool("monad", true, "code events that have a source but no target (the target span is then empty)")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if fs.NArg() != 1 {
		fs.Usage()
		return fmt.Errorf("%w: want one directory", errUsage)
	}
	sents, err := confli.Load(fs.Arg(0))
	if err != nil {
		return err
	}
	set, err := builtin.Set()
	if err != nil {
		return err
	}
	c, err := coder.New(set, coder.Options{AllowMonad: *monad})
	if err != nil {
		return err
	}
	p, err := pipeline.Default()
	if err != nil {
		return err
	}
	res := confli.Evaluate(sents, confli.TextCoder(c, p.NewWorker()))
	if *asJSON {
		enc := json.NewEncoder(stdout)
		enc.SetIndent("", "  ")
		return enc.Encode(res)
	}
	_, err = fmt.Fprintf(stdout, "sentences %d, coded %d (coverage %.1f%%)\nclass accuracy %.1f%%, quad accuracy %.1f%%\nsource F1 %.3f, target F1 %.3f (over %d coded sentences with spans)\n",
		res.Sentences, res.Coded, 100*res.Coverage, 100*res.ClassAccuracy, 100*res.QuadAccuracy, res.SourceF1, res.TargetF1, res.SpanSentences)
	return err
}
