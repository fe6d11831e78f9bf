package main

import (
	"encoding/json"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/eventwire/eventwire/internal/analyze"
	"github.com/eventwire/eventwire/internal/coder/goldeval"
	"github.com/eventwire/eventwire/internal/geo"
	"github.com/eventwire/eventwire/internal/gkg"
	"github.com/eventwire/eventwire/internal/ingest"
	"github.com/eventwire/eventwire/internal/workpool"
)

func init() {
	evalVerbs["gkg"] = runEvalGKG
}

// gkgReport is the JSON form of "eval gkg": the figures of each half and of
// both, and with --list each document's score.
type gkgReport struct {
	Gold    string               `json:"gold"`
	Part    string               `json:"part"`
	Results map[string]gkg.Score `json:"results"` // "tune", "check", "all"
	Docs    []gkg.Score          `json:"docs,omitempty"`
	Skipped []string             `json:"unannotated,omitempty"`
}

// runEvalGKG implements "eventwire eval gkg --gold GOLD DOCS.jsonl...": it
// analyzes the annotated documents as "eventwire gkg" does and scores their
// knowledge (persons, organisations, places, quotation speakers, counts)
// against a reader's gold (docs/gkg.md), per half (goldeval.Half).
func runEvalGKG(args []string, stdout, stderr io.Writer) error {
	fs := newFlags("eval gkg", "DOCS.jsonl...", stderr)
	goldPath := fs.String("gold", "", "gold knowledge, one JSON object per annotated article (docs/gkg.md)")
	var dicts multiFlag
	fs.Var(&dicts, "dict", "dictionary file or directory (repeatable; default: the built-in dictionaries)")
	part := fs.String("part", "all", "documents to score: tune, check or all")
	asJSON := fs.Bool("json", false, "print the figures as JSON")
	list := fs.Bool("list", false, "print each document's missed and extra names, wrong speakers and counts")
	workers := fs.Int("workers", 0, "documents analyzed in parallel (default: all cores)")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if *goldPath == "" || fs.NArg() == 0 {
		fs.Usage()
		return fmt.Errorf("%w: want --gold GOLD and at least one documents file", errUsage)
	}
	switch *part {
	case "tune", "check", "all":
	default:
		return fmt.Errorf("%w: --part: want tune, check or all, not %q", errUsage, *part)
	}
	if *workers < 0 {
		return fmt.Errorf("%w: --workers: want 0 (all cores) or more, not %d", errUsage, *workers)
	}
	f, err := os.Open(*goldPath)
	if err != nil {
		return fmt.Errorf("opening gold: %w", err)
	}
	gold, err := gkg.ReadGold(f, *goldPath)
	f.Close()
	if err != nil {
		return err
	}
	docs, err := collectDocuments(fs.Args(), stderr)
	if err != nil {
		return err
	}
	byID := make(map[string]*gkg.GoldDoc, len(gold))
	for i := range gold {
		byID[gold[i].Doc] = &gold[i]
	}
	todo, skipped := selectAnnotated(docs, func(id string) bool { return byID[id] != nil }, *part)
	found := make(map[string]bool, len(docs))
	for _, d := range docs {
		found[d.ID] = true
	}
	for _, g := range gold {
		if !found[g.Doc] {
			return fmt.Errorf("gold %s: doc %q is in none of the documents files", *goldPath, g.Doc)
		}
	}
	set, err := openDicts(dicts, stderr)
	if err != nil {
		return err
	}
	an, err := analyze.New(set, analyze.Options{})
	if err != nil {
		return err
	}
	gaz, err := geo.Default()
	if err != nil {
		return fmt.Errorf("loading gazetteer: %w", err)
	}
	x, err := gkg.New(gkg.Options{Gazetteer: gaz, Dict: set})
	if err != nil {
		return err
	}
	newWorker := func() func(ingest.Document) gkg.Score {
		w := an.NewWorker()
		sc := x.NewScratch()
		return func(doc ingest.Document) gkg.Score {
			res := w.Analyze(doc)
			rec := x.Extract(sc, gkg.Article{DocID: doc.ID, URL: doc.URL, Source: doc.Source, Title: doc.Title,
				Date: doc.Date, Doc: &res.Parsed, Events: res.Events, Dateline: res.Dateline})
			s := gkg.ScoreRecord(*byID[doc.ID], &rec)
			s.Half = goldeval.Half(doc.ID)
			return s
		}
	}
	var scores []gkg.Score
	emit := func(s gkg.Score) error {
		scores = append(scores, s)
		if *list && !*asJSON {
			listGKGScore(stdout, s)
		}
		return nil
	}
	if err := workpool.Ordered(*workers, sliceSource(todo), newWorker, emit); err != nil {
		return err
	}
	rep := gkgReport{Gold: *goldPath, Part: *part, Skipped: skipped,
		Results: perHalf(scores, func(s gkg.Score) string { return s.Half }, gkg.SumScores)}
	if *asJSON {
		if *list {
			rep.Docs = scores
		}
		enc := json.NewEncoder(stdout)
		enc.SetIndent("", "  ")
		return enc.Encode(rep)
	}
	printGKGReport(stdout, rep)
	return nil
}

// printGKGReport prints one line of figures per half.
func printGKGReport(w io.Writer, rep gkgReport) {
	fmt.Fprintf(w, "%-6s %4s  %-11s  %-11s  %-11s  %-15s  %s\n", "part", "docs", "persons P/R", "orgs P/R", "places P/R", "speaker right", "counts found/right")
	for _, h := range []string{"tune", "check", "all"} {
		r, ok := rep.Results[h]
		if !ok {
			continue
		}
		fmt.Fprintf(w, "%-6s %4d  %.2f / %.2f  %.2f / %.2f  %.2f / %.2f  %3d/%-3d (%.2f)  %d/%d, %d/%d\n", h, r.Docs,
			r.Persons.Precision, r.Persons.Recall, r.Organizations.Precision, r.Organizations.Recall,
			r.Locations.Precision, r.Locations.Recall,
			r.Quotations.SpeakerRight, r.Quotations.Found, r.Quotations.Accuracy,
			r.Counts.Found, r.Counts.Gold, r.Counts.Right, r.Counts.Found)
	}
	if len(rep.Skipped) > 0 {
		fmt.Fprintf(w, "not annotated (not scored): %d documents\n", len(rep.Skipped))
	}
	fmt.Fprintln(w, "speaker right: of the gold quotations found; counts: gold facts found (a count of the type), right (its number too)")
}

// listGKGScore prints a document's misses and extras.
func listGKGScore(w io.Writer, s gkg.Score) {
	fmt.Fprintf(w, "== %s (%s)\n", s.Doc, s.Half)
	for _, c := range []struct {
		name string
		n    gkg.NameScore
	}{{"persons", s.Persons}, {"organizations", s.Organizations}, {"locations", s.Locations}} {
		if len(c.n.Missed) > 0 {
			fmt.Fprintf(w, "  %s missed: %s\n", c.name, strings.Join(c.n.Missed, "; "))
		}
		if len(c.n.Extra) > 0 {
			fmt.Fprintf(w, "  %s extra: %s\n", c.name, strings.Join(c.n.Extra, "; "))
		}
	}
	for _, q := range s.Quotations.Wrong {
		fmt.Fprintf(w, "  speaker: %s\n", q)
	}
	if n := s.Quotations.Gold - s.Quotations.Found; n > 0 {
		fmt.Fprintf(w, "  quotations not found: %d\n", n)
	}
	for _, c := range s.Counts.Missed {
		fmt.Fprintf(w, "  count: %s\n", c)
	}
}
