package main

import (
	"fmt"
	"io"

	"github.com/eventwire/eventwire/internal/coder"
	"github.com/eventwire/eventwire/internal/coder/confli"
	"github.com/eventwire/eventwire/internal/dict/builtin"
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
	monad := fs.Bool("monad", true, "code events with one side unknown (its span is the argument phrase when there is one)")
	part := fs.String("part", "all", "evaluate all sentences, the even-numbered ones (tuned on) or the odd-numbered ones (held out)")
	list := fs.Bool("list", false, "print one line per sentence (line, gold class, code, gold and coded source and target, text, why nothing was coded) before the figures")
	models := addModelFlags(fs, "code with")
	dir, err := parseOneArg(fs, args, "directory")
	if err != nil {
		return err
	}
	sents, err := confli.Load(dir)
	if err != nil {
		return err
	}
	if sents, err = confli.Part(sents, *part); err != nil {
		return fmt.Errorf("%w: %w", errUsage, err)
	}
	set, err := builtin.Set()
	if err != nil {
		return err
	}
	opt := confli.Options()
	opt.AllowMonad = *monad
	c, err := coder.New(set, opt)
	if err != nil {
		return err
	}
	p, err := models.pipeline()
	if err != nil {
		return err
	}
	var each func(confli.Outcome)
	if *list {
		why := p.NewWorker()
		each = func(o confli.Outcome) {
			reason := ""
			if o.Main < 0 {
				reason = confli.Reasons(c, why, sents[o.Index].Text)
			}
			listConfli(stdout, &sents[o.Index], o, reason)
		}
	}
	res := confli.EvaluateEach(sents, confli.TextCoder(c, p.NewWorker()), each)
	if *asJSON {
		return writeJSON(stdout, res)
	}
	_, err = fmt.Fprintf(stdout, "sentences %d, coded %d (coverage %.1f%%)\nclass accuracy %.1f%%, quad accuracy %.1f%%\nsource F1 %.3f, target F1 %.3f (over %d coded sentences with spans)\n",
		res.Sentences, res.Coded, 100*res.Coverage, 100*res.ClassAccuracy, 100*res.QuadAccuracy, res.SourceF1, res.TargetF1, res.SpanSentences)
	return err
}

// listConfli prints one tab-separated line per sentence: its line in the
// class file, gold class, coded class and code ("-" when nothing was
// coded), the gold source and the coded one, the gold target and the coded
// one ("S-", "T-" when the sentence has no span annotation), the text, and
// for a sentence that yields nothing, why (confli.Reasons).
func listConfli(w io.Writer, s *confli.Sentence, o confli.Outcome, reason string) {
	code, src, tgt := "-", "", ""
	if o.Main >= 0 {
		e := &o.Events[o.Main]
		code = e.Source + " " + e.Code + " " + e.Target
		src, tgt = e.SourceSpan.Text, e.TargetSpan.Text
	}
	gs, gt := "S["+s.Gold("S")+"]", "T["+s.Gold("T")+"]"
	if len(s.Tokens) == 0 {
		gs, gt = "S-", "T-" // no span annotation
	}
	fmt.Fprintf(w, "%d\t%d\t%d\t%s\t%s\t[%s]\t%s\t[%s]\t%s\t%s\n",
		s.Line, s.Class, o.Class, code, gs, src, gt, tgt, s.Text, reason)
}
