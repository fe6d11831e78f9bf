package main

import (
	"errors"
	"fmt"
	"io"
	"os"
	"strings"
	"time"

	"github.com/eventwire/eventwire/internal/analyze"
	"github.com/eventwire/eventwire/internal/coder"
	"github.com/eventwire/eventwire/internal/dict"
	"github.com/eventwire/eventwire/internal/dict/dictfile"
	"github.com/eventwire/eventwire/internal/event"
	"github.com/eventwire/eventwire/internal/geo"
	"github.com/eventwire/eventwire/internal/gkg"
	"github.com/eventwire/eventwire/internal/ingest"
	"github.com/eventwire/eventwire/internal/nlp"
	"github.com/eventwire/eventwire/internal/workpool"
)

func init() {
	register(command{name: "code", summary: "code CAMEO events from text, JSON Lines or CoNLL-U", run: runCode})
}

// codeFormats maps the --format names to event writer formats.
var codeFormats = map[string]string{
	"jsonl": "jsonl", "gdelt": "gdelt-events", "gdelt-events": "gdelt-events",
	"mentions": "gdelt-mentions", "gdelt-mentions": "gdelt-mentions",
	"gkg": gkg.FormatGKG, "gkg-json": gkg.FormatJSON,
}

func runCode(args []string, stdout, stderr io.Writer) error {
	fs := newFlags("code", "[FILE...|-]", stderr)
	input := fs.String("input", "text", "input: text (one document per file), jsonl (one document per line: id, text, date, url, title) or conllu (parsed sentences, \"# newdoc\" starts a document)")
	dicts := dictFlag(fs)
	date := dateFlag(fs)
	format := fs.String("format", "jsonl", "output: jsonl, gdelt (GDELT 2.0 Events), mentions (GDELT 2.0 Mentions), gkg (GKG 2.1 rows, one per article) or gkg-json")
	negation := negationFlag(fs, "drop")
	window := fs.Duration("historical-window", 30*24*time.Hour, "events ending more than this before the article date are historical")
	workers := workersFlag(fs, "coded")
	noGeo := noGeoFlag(fs)
	cpuprofile := cpuProfileFlag(fs)
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	outFormat, ok := codeFormats[*format]
	if !ok {
		return fmt.Errorf("%w: --format: want jsonl, gdelt, mentions, gkg or gkg-json, not %q", errUsage, *format)
	}
	switch *input {
	case "text", "jsonl", "conllu":
	default:
		return fmt.Errorf("%w: --input: want text, jsonl or conllu, not %q", errUsage, *input)
	}
	docDate, err := parseDateFlag("date", *date)
	if err != nil {
		return err
	}
	neg, err := parseNegation(*negation)
	if err != nil {
		return err
	}
	stopProfile, err := startCPUProfile(*cpuprofile)
	if err != nil {
		return err
	}
	defer stopProfile()
	if *input != "conllu" {
		// The gazetteer, the largest thing to decode, loads while the
		// dictionaries do. It is loaded once per process (geo.Default), so
		// analyze.New below waits for it, and reports its error if any.
		if !*noGeo {
			go geo.Default()
		}
	}
	set, err := openDicts(*dicts, stderr)
	if err != nil {
		return err
	}
	knowledge := outFormat == gkg.FormatGKG || outFormat == gkg.FormatJSON
	if knowledge && *input == "conllu" {
		return fmt.Errorf("%w: --format %s needs raw text: use --input text or jsonl", errUsage, *format)
	}
	var ew event.Writer
	if !knowledge {
		if ew, err = event.NewWriter(outFormat, stdout, time.Now); err != nil {
			return err
		}
	}
	files := fs.Args()
	if len(files) == 0 {
		files = []string{"-"}
	}
	copt := coder.Options{Negation: neg}
	if *input == "conllu" {
		c, err := coder.New(set, copt)
		if err != nil {
			return err
		}
		cr := &conlluDocs{files: files, stderr: stderr}
		defer cr.close()
		if err := codeConllu(c, cr, dict.DateOf(docDate), *workers, ew); err != nil {
			return err
		}
		if err := flushEvents(ew); err != nil {
			return err
		}
		return unreadableError(map[string]int{ingest.ReasonBadLine: cr.skipped})
	}

	an, err := analyze.New(set, analyze.Options{Coder: copt, HistoricalWindow: *window, NoGeo: *noGeo, DefaultDate: docDate})
	if err != nil {
		return err
	}
	docs := make(chan ingest.Document)
	readErr := make(chan error, 1)
	skipped := 0 // documents skipped as unreadable, set before readErr is sent
	go func() {
		defer close(docs)
		readErr <- readDocuments(*input, files, docs, stderr, &skipped)
	}()
	next := func() (ingest.Document, bool) { d, ok := <-docs; return d, ok }
	type coded struct {
		analyze.Result
		record gkg.Record
	}
	var (
		extractor *gkg.Extractor
		gw        *gkg.Writer
	)
	if knowledge {
		if extractor, err = newKnowledge(set, *noGeo); err != nil {
			return err
		}
		if gw, err = gkg.NewWriter(stdout, outFormat); err != nil {
			return err
		}
	}
	newWorker := func() func(ingest.Document) coded {
		w := an.NewWorker()
		var sc *gkg.Scratch
		if extractor != nil {
			sc = extractor.NewScratch()
		}
		return func(doc ingest.Document) coded {
			c := coded{Result: w.Analyze(doc)}
			if extractor != nil {
				c.record = extractor.Extract(sc, knowledgeArticle(doc, c.Date, &c.Result))
			}
			return c
		}
	}
	emit := func(c coded) error {
		for _, l := range c.Limits { // run-on or oversized text (docs/ingest.md, Limits)
			fmt.Fprintf(stderr, "limited %s: %s\n", c.Doc.ID, l)
		}
		if gw != nil {
			if err := gw.Write(&c.record); err != nil {
				return fmt.Errorf("writing knowledge: %w", err)
			}
			return nil
		}
		for i := range c.Events {
			if err := ew.Write(&c.Events[i]); err != nil {
				return fmt.Errorf("writing events: %w", err)
			}
		}
		return nil
	}
	err = workpool.Ordered(*workers, next, newWorker, emit)
	if err != nil {
		for range docs { // let the reader finish
		}
		return err
	}
	if err := <-readErr; err != nil {
		return err
	}
	if gw != nil {
		if err := gw.Flush(); err != nil {
			return fmt.Errorf("writing knowledge: %w", err)
		}
	} else if err := flushEvents(ew); err != nil {
		return err
	}
	return unreadableError(map[string]int{ingest.ReasonBadLine: skipped})
}

func flushEvents(ew event.Writer) error {
	if err := ew.Flush(); err != nil {
		return fmt.Errorf("writing events: %w", err)
	}
	return nil
}

// withInput opens name ("-" is standard input) and passes it to fn.
func withInput(name string, fn func(io.Reader) error) error {
	if name == "-" {
		return fn(os.Stdin)
	}
	f, err := os.Open(name)
	if err != nil {
		return fmt.Errorf("reading input: %w", err)
	}
	defer f.Close()
	return fn(f)
}

// readDocuments streams the documents of files to docs. A malformed document
// (a bad or over-long JSON line, a bad text header) is reported on stderr,
// counted in *skipped and skipped; a file that cannot be read ends the run.
func readDocuments(input string, files []string, docs chan<- ingest.Document, stderr io.Writer, skipped *int) error {
	for _, name := range files {
		err := withInput(name, func(r io.Reader) error {
			switch input {
			case "jsonl":
				jr := ingest.NewJSONLReader(r, name)
				for {
					doc, err := jr.Next()
					if errors.Is(err, io.EOF) {
						return nil
					}
					if errors.Is(err, ingest.ErrBadLine) {
						fmt.Fprintf(stderr, "skipped: %v\n", err)
						*skipped++
						continue
					}
					if err != nil {
						return err
					}
					docs <- doc
				}
			default: // text: the whole input is one document
				data, err := io.ReadAll(r)
				if err != nil {
					return fmt.Errorf("reading %s: %w", name, err)
				}
				doc, err := ingest.ParseText(data, name)
				if err != nil {
					fmt.Fprintf(stderr, "skipped: %v\n", err)
					*skipped++
					return nil
				}
				docs <- doc
				return nil
			}
		})
		if err != nil {
			return err
		}
	}
	return nil
}

// openDicts loads dictionary files and directories in any supported format,
// or the built-in dictionaries when paths is empty; the path "builtin" stands
// for the built-in set, so later files can extend it. Errors in a file are
// reported and the file's good entries used; warnings are counted.
func openDicts(paths []string, stderr io.Writer) (*dict.Set, error) {
	if len(paths) == 0 || (len(paths) == 1 && paths[0] == builtinName) {
		return builtinDicts()
	}
	set := &dict.Set{}
	var (
		files []string
		parts []*dict.Set // the sets merged into set, each built
	)
	loadFiles := func() {
		if len(files) == 0 {
			return
		}
		res := dictfile.Load(files...)
		reportDictProblems(res.Problems, stderr)
		if res.Set != nil {
			set.Merge(res.Set)
			parts = append(parts, res.Set)
		}
		files = files[:0]
	}
	for _, p := range paths {
		if p != builtinName {
			// A named file or directory that is not there is a mistake in
			// the command, not a problem of one dictionary line.
			if _, err := os.Stat(p); err != nil {
				return nil, fmt.Errorf("%w: dictionary %s: %w", errUsage, p, err)
			}
			files = append(files, p)
			continue
		}
		loadFiles()
		b, err := builtinDicts()
		if err != nil {
			return nil, err
		}
		set.Merge(b)
		parts = append(parts, b)
	}
	loadFiles()
	if len(set.Files) == 0 {
		return nil, fmt.Errorf("loading dictionaries %s: no dictionary file read", strings.Join(paths, ", "))
	}
	if len(parts) == 1 && len(parts[0].Files) == len(set.Files) {
		return parts[0], nil // one load, already built: not indexed again
	}
	set.Build()
	return set, nil
}

// reportDictProblems prints the first errors of a dictionary load and a count
// of errors and warnings.
func reportDictProblems(problems []dict.Problem, stderr io.Writer) {
	errs, warnings := 0, 0
	for _, p := range problems {
		if p.Warning {
			warnings++
			continue
		}
		if errs < 20 {
			fmt.Fprintf(stderr, "dictionary error: %s\n", p)
		}
		errs++
	}
	if errs > 20 || warnings > 0 {
		fmt.Fprintf(stderr, "dictionaries: %d errors, %d warnings (details: eventwire dict check)\n", errs, warnings)
	}
}

// codeConllu codes the documents of CoNLL-U files on workers goroutines
// (all cores when 0), each document as soon as it is complete, and writes
// their events in input order.
func codeConllu(c *coder.Coder, docs *conlluDocs, date dict.Date, workers int, ew event.Writer) error {
	newWorker := func() func(*nlp.Document) []event.Event {
		sc := c.NewScratch()
		return func(doc *nlp.Document) []event.Event {
			return c.CodeDocument(sc, coder.Doc{ID: doc.ID, Date: date}, doc, nil)
		}
	}
	emit := func(evs []event.Event) error {
		for i := range evs {
			if err := ew.Write(&evs[i]); err != nil {
				return fmt.Errorf("writing events: %w", err)
			}
		}
		return nil
	}
	if err := workpool.Ordered(workers, docs.next, newWorker, emit); err != nil {
		return err
	}
	return docs.err
}

// conlluDocs reads the documents of CoNLL-U files (or standard input, "-")
// one after the other: "# newdoc" comments start documents (pronouns
// resolve across sentences of one document), and a file's first sentence
// starts one. A malformed sentence is reported on stderr, counted in
// skipped and skipped; a file that cannot be opened ends the reading, with
// its error in err. Not safe for concurrent use.
type conlluDocs struct {
	files   []string
	stderr  io.Writer
	skipped int
	err     error

	name    string
	f       *os.File // the open file, nil for standard input
	r       *nlp.ConlluReader
	ndoc    int           // documents started in the file
	pending *nlp.Sentence // the first sentence of the next document
}

// next returns the next complete document; false at the end or on err.
func (d *conlluDocs) next() (*nlp.Document, bool) {
	var doc *nlp.Document
	for {
		if d.r == nil {
			if doc != nil {
				return doc, true // the file's last document
			}
			if d.err != nil || len(d.files) == 0 {
				return nil, false
			}
			d.name, d.files = d.files[0], d.files[1:]
			var in io.Reader = os.Stdin
			if d.name != "-" {
				f, err := os.Open(d.name)
				if err != nil {
					d.err = fmt.Errorf("reading input: %w", err)
					return nil, false
				}
				d.f, in = f, f
			}
			d.r, d.ndoc = nlp.NewConlluReader(in, d.name), 0
		}
		s := d.pending
		d.pending = nil
		if s == nil {
			var err error
			s, err = d.r.Next()
			if err == io.EOF {
				d.close()
				continue
			}
			if err != nil {
				fmt.Fprintf(d.stderr, "skipped: %v\n", err)
				d.skipped++
				continue
			}
		}
		if id, ok := newdoc(s); ok || d.ndoc == 0 {
			if doc != nil {
				d.pending = s
				return doc, true
			}
			d.ndoc++
			doc = &nlp.Document{ID: id}
			if doc.ID == "" {
				doc.ID = fmt.Sprintf("%s#%d", d.name, d.ndoc)
			}
		}
		doc.Sentences = append(doc.Sentences, *s)
	}
}

// close closes the open file, if any, and ends its reading.
func (d *conlluDocs) close() {
	if d.f != nil {
		d.f.Close()
		d.f = nil
	}
	d.r = nil
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
