package main

import (
	"errors"
	"fmt"
	"io"

	"github.com/eventwire/eventwire/internal/dict"
	"github.com/eventwire/eventwire/internal/dict/dictfile"
)

func init() {
	dictVerbs["check"] = runDictCheck
}

// runDictCheck implements "eventwire dict check FILE|DIR...": it reads every
// dictionary (eventwire, PETRARCH or TABARI), prints each problem as
// file:line: message and fails if there is any; otherwise it prints one
// summary line per file.
func runDictCheck(args []string, stdout, stderr io.Writer) error {
	fs := newFlags("dict check", "FILE|DIR...", stderr)
	strict := fs.Bool("strict", false, "treat warnings (codes unknown to CAMEO in PETRARCH/TABARI files) as errors")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if fs.NArg() == 0 {
		fs.Usage()
		return fmt.Errorf("%w: no dictionary files given", errUsage)
	}
	res := dictfile.Load(fs.Args()...)
	var errs []dict.Problem
	warns := 0
	for _, p := range res.Problems {
		if p.Warning && !*strict {
			warns++
		} else {
			errs = append(errs, p)
		}
		if _, err := fmt.Fprintln(stdout, p.String()); err != nil {
			return err
		}
	}
	if len(errs) > 0 {
		return errors.New(plural(len(errs), "problem") + " in " + plural(countFiles(errs), "file"))
	}
	for _, f := range res.Files {
		if _, err := fmt.Fprintln(stdout, f.String()); err != nil {
			return err
		}
	}
	if warns > 0 {
		fmt.Fprintf(stderr, "eventwire dict check: %s (use --strict to fail on them)\n", plural(warns, "warning"))
	}
	return nil
}

func countFiles(ps []dict.Problem) int {
	seen := map[string]bool{}
	for _, p := range ps {
		seen[p.File] = true
	}
	return len(seen)
}

func plural(n int, what string) string {
	if n == 1 {
		return "1 " + what
	}
	return fmt.Sprintf("%d %ss", n, what)
}
