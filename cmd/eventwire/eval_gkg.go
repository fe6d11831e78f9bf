package main

import (
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/eventwire/eventwire/internal/analyze"
	"github.com/eventwire/eventwire/internal/coder/goldeval"
	"github.com/eventwire/eventwire/internal/gkg"
	"github.com/eventwire/eventwire/internal/ingest"
)

func init() {
	evalVerbs["gkg"] = runEvalGKG
}

// gkgReport is the JSON form of "eval gkg": the figures of each half and of
// both, and with --list each document's score.
type gkgReport = goldReport[gkg.Score, gkg.Score]

// runEvalGKG implements "eventwire eval gkg --gold GOLD DOCS.jsonl...": it
// analyzes the annotated documents as "eventwire gkg" does and scores their
// knowledge (persons, organisations, places, quotation speakers, counts)
// against a reader's gold (docs/gkg.md), per half (goldeval.Half).
func runEvalGKG(args []string, stdout, stderr io.Writer) error {
	fs := newFlags("eval gkg", "DOCS.jsonl...", stderr)
	gf := addGoldFlags(fs, goldUsage{
		gold:        "gold knowledge, one JSON object per annotated article (docs/gkg.md)",
		part:        "documents to score: tune, check or all",
		list:        "print each document's missed and extra names, wrong speakers and counts",
		workersVerb: "analyzed",
	})
	if err := gf.parse(fs, args); err != nil {
		return err
	}
	f, err := os.Open(*gf.gold)
	if err != nil {
		return fmt.Errorf("opening gold: %w", err)
	}
	gold, err := gkg.ReadGold(f, *gf.gold)
	f.Close()
	if err != nil {
		return err
	}
	a, err := readAnnotated(fs.Args(), gold, func(g *gkg.GoldDoc) string { return g.Doc }, *gf.part, stderr)
	if err != nil {
		return err
	}
	found := make(map[string]bool, len(a.all))
	for _, d := range a.all {
		found[d.ID] = true
	}
	for _, g := range gold {
		if !found[g.Doc] {
			return fmt.Errorf("gold %s: doc %q is in none of the documents files", *gf.gold, g.Doc)
		}
	}
	an, set, err := newAnalysis(*gf.dicts, analyze.Options{}, stderr)
	if err != nil {
		return err
	}
	x, err := newKnowledge(set, false)
	if err != nil {
		return err
	}
	newScorer := func() func(ingest.Document) gkg.Score {
		w := an.NewWorker()
		sc := x.NewScratch()
		return func(doc ingest.Document) gkg.Score {
			res := w.Analyze(doc)
			rec := x.Extract(sc, knowledgeArticle(doc, doc.Date, &res))
			s := gkg.ScoreRecord(*a.gold[doc.ID], &rec)
			s.Half = goldeval.Half(doc.ID)
			return s
		}
	}
	var each func(gkg.Score)
	if *gf.list && !*gf.asJSON {
		each = func(s gkg.Score) { listGKGScore(stdout, s) }
	}
	scores, err := scoreInOrder(a.todo, *gf.workers, newScorer, each)
	if err != nil {
		return err
	}
	rep := gkgReport{Gold: *gf.gold, Part: *gf.part, Skipped: a.skipped,
		Results: perHalf(scores, func(s gkg.Score) string { return s.Half }, gkg.SumScores)}
	if *gf.asJSON {
		if *gf.list {
			rep.Docs = scores
		}
		return writeJSON(stdout, rep)
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
