package main

// The setup of the evaluations against a reader's gold on real articles,
// written once for "eval events", "eval gkg" and the real-news set of
// "eval calibrate": the flags, the documents paired with their gold and
// split into halves (goldeval.Half), the analysis of the annotated
// documents in order, and the figures per half.

import (
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"time"

	"github.com/eventwire/eventwire/internal/analyze"
	"github.com/eventwire/eventwire/internal/coder/goldeval"
	"github.com/eventwire/eventwire/internal/dict"
	"github.com/eventwire/eventwire/internal/gkg"
	"github.com/eventwire/eventwire/internal/ingest"
	"github.com/eventwire/eventwire/internal/workpool"
)

// goldFlags are the flags of an evaluation against gold (eval events, eval
// gkg). The usage texts that depend on what is scored are goldUsage's.
type goldFlags struct {
	gold    *string
	dicts   *multiFlag
	part    *string
	asJSON  *bool
	list    *bool
	workers *int
}

// goldUsage holds the usage texts of the goldFlags whose meaning depends on
// the command: what the gold holds, which documents --part selects, what
// --list prints, and how --workers handles a document ("coded",
// "analyzed").
type goldUsage struct {
	gold, part, list, workersVerb string
}

// addGoldFlags adds the goldFlags to fs: --gold, --dict, --part (default
// all), --json, --list and --workers.
func addGoldFlags(fs *flag.FlagSet, u goldUsage) *goldFlags {
	return &goldFlags{
		gold:    fs.String("gold", "", u.gold),
		dicts:   dictFlag(fs),
		part:    fs.String("part", "all", u.part),
		asJSON:  fs.Bool("json", false, "print the figures as JSON"),
		list:    fs.Bool("list", false, u.list),
		workers: workersFlag(fs, u.workersVerb),
	}
}

// parse parses args into fs (parseFlags: a negative --workers is refused
// there) and returns a usage error for flags that name no gold, a command
// line without documents files (after printing fs's usage), or a --part
// other than tune, check or all.
func (f *goldFlags) parse(fs *flag.FlagSet, args []string) error {
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if *f.gold == "" || fs.NArg() == 0 {
		fs.Usage()
		return fmt.Errorf("%w: want --gold GOLD and at least one documents file", errUsage)
	}
	switch *f.part {
	case "tune", "check", "all":
		return nil
	}
	return fmt.Errorf("%w: --part: want tune, check or all, not %q", errUsage, *f.part)
}

// goldReport is the JSON form of an evaluation against gold: the figures S
// of each half and of both, and each document's score D when the command
// lists them (eval gkg --json --list; never set by eval events).
type goldReport[S, D any] struct {
	Gold    string       `json:"gold"`
	Part    string       `json:"part"`
	Results map[string]S `json:"results"` // "tune", "check", "all"
	Docs    []D          `json:"docs,omitempty"`
	Skipped []string     `json:"unannotated,omitempty"`
}

// annotatedDocs are the documents of an evaluation paired with their gold,
// G being one annotated article's gold (goldeval.Doc, gkg.GoldDoc).
type annotatedDocs[G any] struct {
	all     []ingest.Document // every document of the files, in their order
	gold    map[string]*G     // each annotated document's gold, by document id
	todo    []ingest.Document // the annotated documents of the part asked, in order
	skipped []string          // the ids of the documents without gold, in order
}

// readAnnotated reads every document of the JSON Lines files
// (collectDocuments: an unreadable one is an error), indexes gold by the
// document id id gives, and selects the annotated documents of part
// ("tune", "check" or "all", by goldeval.Half) to score.
func readAnnotated[G any](files []string, gold []G, id func(*G) string, part string, stderr io.Writer) (*annotatedDocs[G], error) {
	docs, err := collectDocuments(files, stderr)
	if err != nil {
		return nil, err
	}
	a := &annotatedDocs[G]{all: docs, gold: make(map[string]*G, len(gold))}
	for i := range gold {
		a.gold[id(&gold[i])] = &gold[i]
	}
	a.todo, a.skipped = selectAnnotated(docs, func(id string) bool { return a.gold[id] != nil }, part)
	return a, nil
}

// selectAnnotated returns the documents to score (annotated, and of the
// half asked: "tune", "check" or "all", by goldeval.Half) and the ids of
// those not annotated, in the documents' order.
func selectAnnotated(docs []ingest.Document, annotated func(id string) bool, part string) (todo []ingest.Document, skipped []string) {
	for _, d := range docs {
		switch {
		case !annotated(d.ID):
			skipped = append(skipped, d.ID)
		case part == "all" || goldeval.Half(d.ID) == part:
			todo = append(todo, d)
		}
	}
	return todo, skipped
}

// collectDocuments reads every document of the JSON Lines files.
func collectDocuments(files []string, stderr io.Writer) ([]ingest.Document, error) {
	ch := make(chan ingest.Document)
	errc := make(chan error, 1)
	skipped := 0
	go func() {
		defer close(ch)
		errc <- readDocuments("jsonl", files, ch, stderr, &skipped)
	}()
	var docs []ingest.Document
	for d := range ch {
		docs = append(docs, d)
	}
	if err := <-errc; err != nil {
		return nil, err
	}
	if skipped > 0 {
		return nil, fmt.Errorf("reading documents: %d skipped as unreadable (see above): the scores would not be of the whole set", skipped)
	}
	return docs, nil
}

// newAnalysis loads the dictionaries paths names (openDicts: the built-in
// ones when there are none) and an analyzer with opt on them. The set is
// returned for what else is built on it (newKnowledge).
func newAnalysis(paths []string, opt analyze.Options, stderr io.Writer) (*analyze.Analyzer, *dict.Set, error) {
	set, err := openDicts(paths, stderr)
	if err != nil {
		return nil, nil, err
	}
	an, err := analyze.New(set, opt)
	if err != nil {
		return nil, nil, err
	}
	return an, set, nil
}

// knowledgeArticle is what the knowledge extractor reads of doc analysed
// into res, dated date (the caller's choice: the document's own date, or
// the one the analysis gave it).
func knowledgeArticle(doc ingest.Document, date time.Time, res *analyze.Result) gkg.Article {
	return gkg.Article{DocID: doc.ID, URL: doc.URL, Source: doc.Source, Title: doc.Title,
		Date: date, Doc: &res.Parsed, Events: res.Events, Dateline: res.Dateline}
}

// scoreInOrder scores every document of docs on workers goroutines (all
// cores when 0), each with its own scorer from newScorer, and returns the
// scores in the documents' order. each, when not nil, is given every score
// in that order as soon as the scores before it are.
func scoreInOrder[R any](docs []ingest.Document, workers int, newScorer func() func(ingest.Document) R, each func(R)) ([]R, error) {
	var out []R
	emit := func(r R) error {
		out = append(out, r)
		if each != nil {
			each(r)
		}
		return nil
	}
	if err := workpool.Ordered(workers, sliceSource(docs), newScorer, emit); err != nil {
		return nil, err
	}
	return out, nil
}

// scoreEvents codes the annotated documents of a to score with an and
// scores each one's events against its gold (goldeval.Score), as "eval
// events" reports them; see scoreInOrder for workers and each.
func scoreEvents(an *analyze.Analyzer, a *annotatedDocs[goldeval.Doc], workers int, each func(goldeval.DocResult)) ([]goldeval.DocResult, error) {
	return scoreEventsThen(an, a, workers, func(_ *analyze.Result, r goldeval.DocResult) goldeval.DocResult { return r }, each)
}

// scoreEventsThen codes the annotated documents of a with an, scores each
// one's events against its gold (goldeval.Score) and hands the analysis and
// the score to then, whose results it returns in the documents' order; see
// scoreInOrder for workers and each.
func scoreEventsThen[R any](an *analyze.Analyzer, a *annotatedDocs[goldeval.Doc], workers int,
	then func(*analyze.Result, goldeval.DocResult) R, each func(R)) ([]R, error) {
	newScorer := func() func(ingest.Document) R {
		w := an.NewWorker()
		return func(doc ingest.Document) R {
			res := w.Analyze(doc)
			return then(&res, goldeval.Score(*a.gold[doc.ID], res.Events, res.Date.Format(ingest.DateLayout)))
		}
	}
	return scoreInOrder(a.todo, workers, newScorer, each)
}

// sliceSource hands out the items one by one, as workpool.Ordered reads
// its input.
func sliceSource[T any](items []T) func() (T, bool) {
	i := 0
	return func() (T, bool) {
		if i == len(items) {
			var zero T
			return zero, false
		}
		i++
		return items[i-1], true
	}
}

// perHalf sums the results of each half that has any ("tune", "check") and
// of all of them ("all").
func perHalf[T, R any](items []T, half func(T) string, sum func([]T) R) map[string]R {
	out := map[string]R{}
	for _, h := range []string{"tune", "check"} {
		var sub []T
		for _, it := range items {
			if half(it) == h {
				sub = append(sub, it)
			}
		}
		if len(sub) > 0 {
			out[h] = sum(sub)
		}
	}
	out["all"] = sum(items)
	return out
}

// writeJSON writes v to w as JSON indented by two spaces, the form of the
// eval commands' --json.
func writeJSON(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(v)
}
