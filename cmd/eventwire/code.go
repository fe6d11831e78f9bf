package main

import (
	"errors"
	"fmt"
	"io"
	"os"
	"strings"
	"time"

	"github.com/eventwire/eventwire/internal/coder"
	"github.com/eventwire/eventwire/internal/dict"
	"github.com/eventwire/eventwire/internal/event"
	"github.com/eventwire/eventwire/internal/nlp"
)

func init() {
	register(command{name: "code", summary: "code CAMEO events (code --input conllu --dict PATH FILE...)", run: runCode})
}

func runCode(args []string, stdout, stderr io.Writer) error {
	fs := newFlags("code", "[FILE...|-]", stderr)
	input := fs.String("input", "conllu", "input format: conllu (text and jsonl are not available yet)")
	var dicts multiFlag
	fs.Var(&dicts, "dict", "dictionary file or directory (repeatable, required until built-in dictionaries exist)")
	date := fs.String("date", "", "article date YYYY-MM-DD (chooses date-restricted actor codes)")
	format := fs.String("format", "jsonl", "output format: jsonl")
	negation := fs.String("negation", "drop", "negated verbs: drop, transform (PETRARCH-2) or keep")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if *format != "jsonl" {
		return fmt.Errorf("%w: --format: only jsonl is available, not %q", errUsage, *format)
	}
	switch *input {
	case "conllu":
	case "text", "jsonl":
		return fmt.Errorf("%w: --input %s is not available yet (use --input conllu)", errUsage, *input)
	default:
		return fmt.Errorf("%w: --input: unknown format %q (want conllu)", errUsage, *input)
	}
	if len(dicts) == 0 {
		return fmt.Errorf("%w: --dict is required: eventwire has no built-in dictionaries yet", errUsage)
	}
	var d dict.Date
	if *date != "" {
		t, err := time.Parse("2006-01-02", *date)
		if err != nil {
			return fmt.Errorf("%w: --date: want YYYY-MM-DD, not %q", errUsage, *date)
		}
		d = dict.Date(t.Year()*10000 + int(t.Month())*100 + t.Day())
	}
	neg, err := parseNegation(*negation)
	if err != nil {
		return err
	}
	set, err := loadDicts(dicts, stderr)
	if err != nil {
		return err
	}
	c, err := coder.New(set, coder.Options{Negation: neg})
	if err != nil {
		return err
	}
	files := fs.Args()
	if len(files) == 0 {
		files = []string{"-"}
	}
	ew := event.NewJSONLWriter(stdout)
	for _, name := range files {
		var r io.Reader = os.Stdin
		if name != "-" {
			f, err := os.Open(name)
			if err != nil {
				return fmt.Errorf("reading input: %w", err)
			}
			defer f.Close()
			r = f
		}
		// the input formats; text and jsonl join here when the pipeline
		// stages for them are wired
		switch *input {
		case "conllu":
			err = codeConllu(c, r, name, d, ew, stderr)
		}
		if err != nil {
			return err
		}
	}
	if err := ew.Flush(); err != nil {
		return fmt.Errorf("writing events: %w", err)
	}
	return nil
}

// codeConllu codes the documents of a CoNLL-U stream: "# newdoc" comments
// start documents (pronouns resolve across sentences of one document), and
// each document is coded and written as soon as it is complete.
func codeConllu(c *coder.Coder, r io.Reader, name string, date dict.Date, ew *event.JSONLWriter, stderr io.Writer) error {
	cr := nlp.NewConlluReader(r, name)
	sc := c.NewScratch()
	var doc nlp.Document
	ndoc := 0
	var evs []event.Event
	flush := func() error {
		if len(doc.Sentences) == 0 {
			return nil
		}
		evs = c.CodeDocument(sc, coder.Doc{ID: doc.ID, Date: date}, &doc, evs[:0])
		for i := range evs {
			if err := ew.Write(&evs[i]); err != nil {
				return fmt.Errorf("writing events: %w", err)
			}
		}
		doc.Sentences = doc.Sentences[:0]
		return nil
	}
	for {
		s, err := cr.Next()
		if err == io.EOF {
			break
		}
		if err != nil {
			if errors.Is(err, io.ErrUnexpectedEOF) {
				return err
			}
			fmt.Fprintf(stderr, "warning: %v\n", err)
			continue
		}
		if id, ok := newdoc(s); ok || ndoc == 0 {
			if err := flush(); err != nil {
				return err
			}
			ndoc++
			doc.ID = id
			if doc.ID == "" {
				doc.ID = fmt.Sprintf("%s#%d", name, ndoc)
			}
		}
		doc.Sentences = append(doc.Sentences, *s)
	}
	return flush()
}

// newdoc reports whether s starts a document ("# newdoc" or
// "# newdoc id = X") and returns its id.
func newdoc(s *nlp.Sentence) (string, bool) {
	for _, c := range s.Comments {
		if c == "newdoc" {
			return "", true
		}
		if strings.HasPrefix(c, "newdoc id") {
			if i := strings.IndexByte(c, '='); i >= 0 {
				return strings.TrimSpace(c[i+1:]), true
			}
		}
	}
	return "", false
}
