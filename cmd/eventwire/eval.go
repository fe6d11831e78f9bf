package main

import (
	"flag"
	"fmt"
	"io"
	"os"
)

// evalVerbs holds the verbs of "eventwire eval VERB": each file that adds a
// verb (eval_petr.go, eval_ud.go...) registers it from its init.
var evalVerbs = map[string]func(args []string, stdout, stderr io.Writer) error{}

func init() {
	register(command{name: "eval", summary: "measure accuracy (eval petr FILE.xml, ...)", run: runEval})
}

func runEval(args []string, stdout, stderr io.Writer) error {
	return runVerb("eval", evalVerbs, args, stdout, stderr)
}

// parseOneArg parses args into fs and returns the one argument the command
// takes; another count is a usage error ("want one WHAT"), after fs's usage
// is printed.
func parseOneArg(fs *flag.FlagSet, args []string, what string) (string, error) {
	if err := parseFlags(fs, args); err != nil {
		return "", err
	}
	if fs.NArg() != 1 {
		fs.Usage()
		return "", fmt.Errorf("%w: want one %s", errUsage, what)
	}
	return fs.Arg(0), nil
}

// readTestSet reads the labelled test set file path with read, which is
// given the file and its name for its messages.
func readTestSet[T any](path string, read func(r io.Reader, name string) (T, error)) (T, error) {
	f, err := os.Open(path)
	if err != nil {
		var zero T
		return zero, fmt.Errorf("opening test set: %w", err)
	}
	defer f.Close()
	return read(f, path)
}
