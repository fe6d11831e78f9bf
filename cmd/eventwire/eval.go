package main

import (
	"fmt"
	"io"
	"sort"
)

// evalVerbs holds the verbs of "eventwire eval VERB": each file that adds a
// verb (eval_petr.go, eval_ud.go...) registers it from its init.
var evalVerbs = map[string]func(args []string, stdout, stderr io.Writer) error{}

func init() {
	register(command{name: "eval", summary: "measure accuracy (eval petr FILE.xml, ...)", run: runEval})
}

func runEval(args []string, stdout, stderr io.Writer) error {
	if len(args) == 0 || args[0] == "-h" || args[0] == "--help" || args[0] == "help" {
		evalUsage(stderr)
		if len(args) == 0 {
			return fmt.Errorf("%w: missing verb", errUsage)
		}
		return nil
	}
	f, ok := evalVerbs[args[0]]
	if !ok {
		evalUsage(stderr)
		return fmt.Errorf("%w: unknown verb %q", errUsage, args[0])
	}
	return f(args[1:], stdout, stderr)
}

func evalUsage(w io.Writer) {
	names := make([]string, 0, len(evalVerbs))
	for n := range evalVerbs {
		names = append(names, n)
	}
	sort.Strings(names)
	fmt.Fprintln(w, "usage: eventwire eval VERB [flags] [args]")
	fmt.Fprintln(w, "\nverbs:")
	for _, n := range names {
		fmt.Fprintf(w, "  %s\n", n)
	}
}
