package main

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"time"

	"github.com/eventwire/eventwire/internal/corpusgen"
)

func init() {
	register(command{name: "corpusgen", summary: "build a news-like test corpus (gzip JSON Lines) from the shared news sentences, for ingest measurements", run: runCorpusgen})
}

func runCorpusgen(args []string, stdout, stderr io.Writer) error {
	fs := newFlags("corpusgen", "", stderr)
	shared := fs.String("shared", "../shared", "the shared data folder (reads confli/cameo_class.train.tsv and petrarch/text/GigaWord.sample.PETR_parsed.xml)")
	out := fs.String("out", "", "output file, gzip JSON Lines (required; keep it outside the repository)")
	var opt corpusgen.Options
	fs.IntVar(&opt.Articles, "articles", 10000, "documents in all, copies included")
	fs.Float64Var(&opt.Republished, "republished", 0.05, "fraction of verbatim copies re-published by another outlet")
	fs.Float64Var(&opt.Edited, "edited", 0.05, "fraction of lightly edited copies")
	fs.Uint64Var(&opt.Seed, "seed", 1, "random seed")
	start := fs.String("start", "2024-01-01", "first publication day")
	fs.IntVar(&opt.Days, "days", 365, "days the originals are spread over")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if *out == "" {
		return fmt.Errorf("%w: corpusgen: --out is required", errUsage)
	}
	t, err := time.Parse("2006-01-02", *start)
	if err != nil {
		return fmt.Errorf("%w: --start: want YYYY-MM-DD, not %q", errUsage, *start)
	}
	opt.Start = t
	var sents []corpusgen.Sentence
	for _, in := range []struct {
		path string
		read func(io.Reader, string) ([]corpusgen.Sentence, error)
	}{
		{filepath.Join(*shared, "confli", "cameo_class.train.tsv"), corpusgen.ReadConfli},
		{filepath.Join(*shared, "petrarch", "text", "GigaWord.sample.PETR_parsed.xml"), corpusgen.ReadPetrarchXML},
	} {
		f, err := os.Open(in.path)
		if err != nil {
			return fmt.Errorf("reading sentences: %w", err)
		}
		ss, err := in.read(f, in.path)
		f.Close()
		if err != nil {
			return err
		}
		sents = append(sents, ss...)
	}
	f, err := os.Create(*out)
	if err != nil {
		return fmt.Errorf("creating corpus: %w", err)
	}
	sum, err := corpusgen.WriteJSONL(f, sents, opt)
	if cerr := f.Close(); err == nil && cerr != nil {
		err = fmt.Errorf("writing corpus: %w", cerr)
	}
	if err != nil {
		return err
	}
	fmt.Fprintf(stdout, "%s: %s (from %d sentences)\n", *out, sum, len(sents))
	return nil
}
