package main

import (
	"fmt"
	"io"
	"sort"
	"strings"

	"github.com/eventwire/eventwire/internal/analyze"
	"github.com/eventwire/eventwire/internal/coder"
	"github.com/eventwire/eventwire/internal/coder/goldeval"
	"github.com/eventwire/eventwire/internal/event"
)

func init() {
	evalVerbs["events"] = runEvalEvents
}

// eventsReport is the JSON form of "eval events": the figures of each half
// and of both.
type eventsReport = goldReport[goldeval.Result, goldeval.DocResult]

// runEvalEvents implements "eventwire eval events --gold GOLD DOCS.jsonl...":
// it codes the annotated documents as "eventwire code" does (built-in
// dictionaries unless --dict) and scores the events against the gold
// (internal/coder/goldeval, docs/annotation.md), for the tuning half, the
// check half and both.
func runEvalEvents(args []string, stdout, stderr io.Writer) error {
	fs := newFlags("eval events", "DOCS.jsonl...", stderr)
	gf := addGoldFlags(fs, goldUsage{
		gold:        "gold events, one JSON object per annotated article (docs/annotation.md)",
		part:        "documents to code and list: tune, check or all",
		list:        "print each document's matched, wrong and missed events before the figures",
		workersVerb: "coded",
	})
	whyFlag := fs.Bool("why", false, "for each gold event missed as \"not coded\", code the sentence of its quote again with a trace, in its document context, "+
		"and count why: no dictionary verb or noun event among the quote's words, no source actor, no target actor, null code, not an act that happened, "+
		"source and target the same actor, coded with another root or with other actors, other (a table after the figures, \"why\" in --json, the reason on each missed line of --list)")
	negation := negationFlag(fs, "drop")
	models := addModelFlags(fs, "code with")
	if err := gf.parse(fs, args); err != nil {
		return err
	}
	neg, err := parseNegation(*negation)
	if err != nil {
		return err
	}
	gold, err := goldeval.Load(*gf.gold)
	if err != nil {
		return err
	}
	a, err := readAnnotated(fs.Args(), gold, func(g *goldeval.Doc) string { return g.ID }, *gf.part, stderr)
	if err != nil {
		return err
	}
	text := make(map[string]string, len(a.all))
	for _, d := range a.all {
		text[d.ID] = d.Text
	}
	if err := goldeval.CheckQuotes(gold, text); err != nil {
		return err
	}
	p, err := models.pipeline()
	if err != nil {
		return err
	}
	copt := coder.Options{Negation: neg}
	an, set, err := newAnalysis(*gf.dicts, analyze.Options{Coder: copt, Pipeline: p}, stderr)
	if err != nil {
		return err
	}
	var c *coder.Coder // the analyzer's coder again, to trace the quotes not coded (--why)
	if *whyFlag {
		if c, err = coder.New(set, copt); err != nil {
			return err
		}
	}
	var each func(docWhy)
	if *gf.list {
		each = func(r docWhy) { listDocResult(stdout, r.DocResult, r.Why) }
	}
	docs, err := scoreEventsWhy(an, c, a, *gf.workers, each)
	if err != nil {
		return err
	}
	results := make([]goldeval.DocResult, len(docs))
	for i := range docs {
		results[i] = docs[i].DocResult
	}
	var why map[string]map[string]int
	if c != nil {
		why = perHalf(docs, func(r docWhy) string { return r.Half }, whyCounts)
	}
	rep := eventsReport{Gold: *gf.gold, Part: *gf.part, Skipped: a.skipped,
		Results: perHalf(results, func(r goldeval.DocResult) string { return r.Half }, goldeval.Sum)}
	switch {
	case *gf.asJSON && why != nil:
		return writeJSON(stdout, eventsWhyReport{eventsReport: rep, Why: why})
	case *gf.asJSON:
		return writeJSON(stdout, rep)
	}
	printEventsReport(stdout, rep)
	if why != nil {
		printWhy(stdout, why)
	}
	return nil
}

// printEventsReport prints one line of figures per half and the error
// patterns of all scored documents.
func printEventsReport(w io.Writer, rep eventsReport) {
	fmt.Fprintf(w, "%-6s %5s %5s %8s %7s %5s %6s %6s %6s %6s %6s %6s %6s %13s %13s %6s\n",
		"part", "docs", "gold", "produced", "matched", "wrong", "P", "R", "F1", "code", "date", "---", "root01", "P@conf>=0.5", "P@conf>=0.8", "Brier")
	for _, h := range []string{"tune", "check", "all"} {
		r, ok := rep.Results[h]
		if !ok {
			continue
		}
		fmt.Fprintf(w, "%-6s %5d %5d %8d %7d %5d %6.3f %6.3f %6.3f %6.3f %6.3f %6.3f %6.3f %7.3f (%3d) %7.3f (%3d) %6.3f\n",
			h, r.Docs, r.Gold, r.Produced, r.Matched, r.Wrong, r.Precision, r.Recall, r.F1, r.ExactCode, r.DateRight, r.UnknownShare, r.Statements,
			r.PrecisionAt50, r.ScoredAt50, r.PrecisionAt80, r.ScoredAt80, r.Brier)
	}
	all := rep.Results["all"]
	names := make([]string, 0, len(all.Patterns))
	for n := range all.Patterns {
		names = append(names, n)
	}
	sort.Slice(names, func(i, j int) bool {
		if all.Patterns[names[i]] != all.Patterns[names[j]] {
			return all.Patterns[names[i]] > all.Patterns[names[j]]
		}
		return names[i] < names[j]
	})
	parts := make([]string, len(names))
	for i, n := range names {
		parts[i] = fmt.Sprintf("%s %d", n, all.Patterns[n])
	}
	fmt.Fprintf(w, "errors: %s\n", strings.Join(parts, ", "))
	if all.ReverseMatch > 0 {
		fmt.Fprintf(w, "reciprocal (not scored): %d second directions of matched reciprocal acts\n", all.ReverseMatch)
	}
	if all.Background > 0 {
		fmt.Fprintf(w, "background (not scored): %d historical events matching no gold event\n", all.Background)
	}
	if len(rep.Skipped) > 0 {
		fmt.Fprintf(w, "not annotated (not scored): %d documents\n", len(rep.Skipped))
	}
	fmt.Fprintln(w, "code: matches with the gold's exact code; date: matches with its date; ---: produced events with an actor of unknown country; root01: produced plain statements; Brier: of the confidences of matched (1) and wrong (0) events")
}

// listDocResult prints a document's matches, wrong and missed events, one
// per line; whyMissed, when not nil, holds why each missed event was not coded
// (eval events --why), printed at the end of its line.
func listDocResult(w io.Writer, r goldeval.DocResult, whyMissed []whyNot) {
	fmt.Fprintf(w, "== %s (%s): %d matched, %d wrong, %d missed\n", r.ID, r.Half, len(r.Matches), len(r.Wrong), len(r.Missed))
	for _, m := range r.Matches {
		fmt.Fprintf(w, "  ok     %s %s %s (gold %s) conf %.2f%s\t%d: %s\n", m.Produced.Source, m.Produced.Code, m.Produced.Target, m.Gold.Code, m.Produced.Confidence, why(&m.Produced), m.Produced.Sentence, clip(m.Produced.Text))
	}
	for _, m := range r.Optional {
		fmt.Fprintf(w, "  opt    %s %s %s (gold %s)\t%d: %s\n", m.Produced.Source, m.Produced.Code, m.Produced.Target, m.Gold.Code, m.Produced.Sentence, clip(m.Produced.Text))
	}
	for _, m := range r.Reverse {
		fmt.Fprintf(w, "  rev    %s %s %s (gold %s, the other direction)\t%d: %s\n", m.Produced.Source, m.Produced.Code, m.Produced.Target, m.Gold.Code, m.Produced.Sentence, clip(m.Produced.Text))
	}
	for _, x := range r.Wrong {
		e := x.Produced
		fmt.Fprintf(w, "  wrong  %s %s %s [%s] %s conf %.2f%s\t%d: %s\n", orDash(e.Source), e.Code, orDash(e.Target), x.Pattern, e.Rule, e.Confidence, why(&e), e.Sentence, clip(e.Text))
	}
	for i, m := range r.Missed {
		g := m.Gold
		fmt.Fprintf(w, "  missed %s %s %s [%s]\t%q", g.Source, g.Code, g.Target, m.Pattern, g.Quote)
		if i < len(whyMissed) && whyMissed[i].Reason != "" {
			fmt.Fprintf(w, "\twhy: %s", whyMissed[i].Reason)
			if whyMissed[i].Detail != "" {
				fmt.Fprintf(w, " (%s)", whyMissed[i].Detail)
			}
		}
		fmt.Fprintln(w)
	}
}

// why names the three inputs that move an event's confidence most
// (coder.ConfidenceTerms): " (material_conflict -0.76, unknown -0.37)".
func why(e *event.Event) string {
	terms := coder.ConfidenceTerms(e)
	if len(terms) == 0 {
		return ""
	}
	parts := make([]string, 0, 3)
	for _, t := range terms[:min(3, len(terms))] {
		parts = append(parts, fmt.Sprintf("%s %+.2f", t.Feature, t.Contribution))
	}
	return " (" + strings.Join(parts, ", ") + ")"
}

func orDash(s string) string {
	if s == "" {
		return "---"
	}
	return s
}

// clip shortens a sentence for a listing line.
func clip(s string) string {
	const n = 160
	if len(s) <= n {
		return s
	}
	cut := n
	for cut > 0 && s[cut]&0xC0 == 0x80 {
		cut--
	}
	return s[:cut] + "…"
}
