package main

import (
	"fmt"
	"io"
	"time"

	"github.com/eventwire/eventwire/internal/analyze"
	"github.com/eventwire/eventwire/internal/gkg"
	"github.com/eventwire/eventwire/internal/ingest"
)

func init() {
	register(command{name: "gkg", summary: "article knowledge (entities, places, dates, themes, tone, counts, quotations) of one text", run: runGKG})
}

// runGKG implements "eventwire gkg [flags] FILE": it analyzes one text
// document (pipeline, coder, dates, places) and prints the knowledge
// extracted by internal/gkg as a readable summary, a GKG 2.1 row or JSON.
func runGKG(args []string, stdout, stderr io.Writer) error {
	fs := newFlags("gkg", "FILE|-", stderr)
	format := fs.String("format", "text", "output: text (readable summary), gkg (GKG 2.1 row) or json")
	date := dateFlag(fs)
	url := fs.String("url", "", "document URL when the document has none")
	dicts := dictFlag(fs)
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if *format != "text" && *format != gkg.FormatGKG && *format != gkg.FormatJSON {
		return fmt.Errorf("%w: --format: want text, gkg or json, not %q", errUsage, *format)
	}
	if fs.NArg() != 1 {
		return fmt.Errorf("%w: want one FILE", errUsage)
	}
	docDate, err := parseDateFlag("date", *date)
	if err != nil {
		return err
	}
	name := fs.Arg(0)
	text, err := readInput(name)
	if err != nil {
		return err
	}
	doc, err := ingest.ParseText([]byte(text), name)
	if err != nil {
		return err
	}
	if doc.URL == "" {
		doc.URL = *url
	}
	if doc.Date.IsZero() {
		doc.Date = docDate
		if doc.Date.IsZero() {
			doc.Date = time.Now().UTC().Truncate(24 * time.Hour)
		}
	}
	an, set, err := newAnalysis(*dicts, analyze.Options{}, stderr)
	if err != nil {
		return err
	}
	x, err := newKnowledge(set, false)
	if err != nil {
		return err
	}
	res := an.NewWorker().Analyze(doc)
	rec := x.Extract(nil, knowledgeArticle(doc, doc.Date, &res))
	if *format == "text" {
		return gkg.WriteSummary(stdout, &rec)
	}
	w, err := gkg.NewWriter(stdout, *format)
	if err != nil {
		return err
	}
	if err := w.Write(&rec); err != nil {
		return err
	}
	return w.Flush()
}
