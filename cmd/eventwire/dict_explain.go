package main

import (
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/eventwire/eventwire/internal/coder"
	"github.com/eventwire/eventwire/internal/dict"
	"github.com/eventwire/eventwire/internal/dict/builtin"
	"github.com/eventwire/eventwire/internal/dict/dictfile"
	"github.com/eventwire/eventwire/internal/event"
	"github.com/eventwire/eventwire/internal/nlp"
	"github.com/eventwire/eventwire/internal/nlp/pipeline"
)

func init() {
	dictVerbs["explain"] = runDictExplain
}

// runDictExplain implements `eventwire dict explain [--dict PATH]...
// [--date D] [--document] "sentence"`: it parses the text with the embedded
// models and codes it with the built-in dictionaries (plus any --dict
// files, loaded after them so that they override), printing tokens, tree,
// the actors and agents found, the patterns tried and why each event was or
// was not produced; with --document each sentence in the context of the
// ones before it, as an article is coded.
func runDictExplain(args []string, stdout, stderr io.Writer) error {
	fs := newFlags("dict explain", `"sentence"`, stderr)
	var dicts multiFlag
	fs.Var(&dicts, "dict", "dictionary file or directory loaded after the built-in ones (repeatable)")
	noBuiltin := fs.Bool("no-builtin", false, "use only the --dict files")
	date := fs.String("date", "", "article date YYYY-MM-DD (selects date-ranged actor codes)")
	monad := fs.Bool("monad", false, "code events with one side unknown, as eval confli does (coder.Options.AllowMonad)")
	phrase := fs.Bool("phrase-spans", false, "spans cover the arguments' whole noun phrases, as eval confli scores them")
	document := fs.Bool("document", false, "the text is one article: code each sentence in the context of the sentences before it (quotations, references, agent countries), as code and ingest do")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if fs.NArg() == 0 {
		fs.Usage()
		return fmt.Errorf("%w: no sentence given", errUsage)
	}
	text := strings.Join(fs.Args(), " ")
	var d dict.Date
	if *date != "" {
		t, err := time.Parse("2006-01-02", *date)
		if err != nil {
			return fmt.Errorf("%w: --date: %v", errUsage, err)
		}
		d = dict.DateOf(t)
	}
	set := &dict.Set{}
	if !*noBuiltin {
		b, err := builtin.Set()
		if err != nil {
			return err
		}
		set.Merge(b)
	}
	if len(dicts) > 0 {
		user, err := dictfile.Paths(dicts...)
		if err != nil {
			return fmt.Errorf("loading dictionaries: %w", err)
		}
		set.Merge(user)
	}
	set.Build()
	c, err := coder.New(set, coder.Options{AllowMonad: *monad, PhraseSpans: *phrase})
	if err != nil {
		return err
	}
	p, err := pipeline.Default()
	if err != nil {
		return err
	}
	w := p.NewWorker()
	sents := w.Process(text)
	doc := coder.Doc{Date: d, Text: text}
	var inDoc []coder.Explained
	if *document {
		want := make([]int, len(sents))
		for i := range want {
			want[i] = i
		}
		// a story-level discard traces each sentence with that one step
		inDoc = c.ExplainSentences(doc, &nlp.Document{Text: text, Sentences: sents}, want)
	}
	for i := range sents {
		var evs []event.Event
		var tr *coder.Trace
		if *document {
			evs, tr = inDoc[i].Events, inDoc[i].Trace
		} else {
			evs, tr = c.Explain(doc, &sents[i])
		}
		if i > 0 {
			fmt.Fprintln(stdout)
		}
		s := sents[i]
		if s.Text == "" && len(s.Words) > 0 && s.Words[0].Start >= 0 {
			s.Text = sentenceText(text, &s)
		}
		if err := coder.WriteExplanation(stdout, &s, evs, tr); err != nil {
			return err
		}
	}
	return nil
}

// sentenceText cuts the sentence out of the document text by its words'
// offsets.
func sentenceText(text string, s *nlp.Sentence) string {
	a, b := s.Words[0].Start, s.Words[len(s.Words)-1].End
	if a < 0 || b > len(text) || a > b {
		return ""
	}
	return text[a:b]
}
