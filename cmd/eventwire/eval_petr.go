package main

import (
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"github.com/eventwire/eventwire/internal/coder"
	"github.com/eventwire/eventwire/internal/coder/petreval"
)

func init() {
	evalVerbs["petr"] = runEvalPetr
}

func runEvalPetr(args []string, stdout, stderr io.Writer) error {
	fs := newFlags("eval petr", "FILE.xml", stderr)
	var dicts multiFlag
	fs.Var(&dicts, "dict", "dictionary file or directory (repeatable); default: the files named by the XML's <Environment>")
	dictDir := fs.String("dict-dir", "../shared/petrarch/dictionaries", "directory the <Environment> file names are resolved in")
	verbs := fs.String("verbs", "", "with the <Environment> dictionaries, use this verb file (in --dict-dir) instead of the one named there")
	asJSON := fs.Bool("json", false, "print one JSON object instead of a table")
	negation := negationFlag(fs, "transform")
	monad := fs.Bool("monad", false, "code events without a target (target ---)")
	style := fs.String("style", "petrarch2", "where the coder generations differ, follow petrarch1 or petrarch2 (see coder.Options.Petrarch1)")
	explain := fs.String("explain", "", "print how the record with this id is coded, and nothing else")
	part := fs.String("part", "all", "records to code: tune or check (a hash of the record id, as eval events splits) or all")
	path, err := parseOneArg(fs, args, "validation XML file")
	if err != nil {
		return err
	}
	if *style != "petrarch1" && *style != "petrarch2" {
		return fmt.Errorf("%w: --style: want petrarch1 or petrarch2, not %q", errUsage, *style)
	}
	neg, err := parseNegation(*negation)
	if err != nil {
		return err
	}
	fh, err := os.Open(path)
	if err != nil {
		return fmt.Errorf("reading records: %w", err)
	}
	defer fh.Close()
	f, err := petreval.Read(fh, filepath.Base(path))
	if err != nil {
		return err
	}
	if err := f.Part(*part); err != nil {
		return fmt.Errorf("%w: --%w", errUsage, err)
	}
	for _, p := range f.Problems {
		fmt.Fprintf(stderr, "warning: %s\n", p)
	}
	if len(dicts) == 0 {
		for _, n := range f.Env.Files(*verbs) {
			dicts = append(dicts, filepath.Join(*dictDir, n))
		}
		if len(dicts) == 0 {
			return fmt.Errorf("%w: the file has no <Environment> dictionaries: give --dict", errUsage)
		}
	}
	set, err := openDicts(dicts, stderr)
	if err != nil {
		return err
	}
	c, err := coder.New(set, coder.Options{Negation: neg, AllowMonad: *monad, NullActors: true, Petrarch1: *style == "petrarch1", Literal: true})
	if err != nil {
		return err
	}
	if *explain != "" {
		for i := range f.Records {
			if r := &f.Records[i]; r.ID == *explain {
				evs, tr := c.Explain(coder.Doc{ID: r.ID, Date: r.Date}, r.Sentence)
				fmt.Fprintf(stdout, "%s: %s\ngold: %v\n%s\n", r.ID, r.Text, r.Gold, tr)
				for _, e := range evs {
					fmt.Fprintf(stdout, "event: %s %s %s (%s) reported=%v negated=%v\n", e.Source, e.Target, e.Code, e.Rule, e.Reported, e.Negated)
				}
				return nil
			}
		}
		return fmt.Errorf("no record %q", *explain)
	}
	res := petreval.Evaluate(c, f)
	if *asJSON {
		enc := json.NewEncoder(stdout)
		return enc.Encode(res)
	}
	return res.WriteTable(stdout)
}

func parseNegation(s string) (coder.NegationPolicy, error) {
	switch s {
	case "drop":
		return coder.NegationDrop, nil
	case "transform":
		return coder.NegationTransform, nil
	case "keep":
		return coder.NegationKeep, nil
	}
	return 0, fmt.Errorf("%w: --negation: want drop, transform or keep, not %q", errUsage, s)
}
