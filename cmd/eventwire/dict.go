package main

import (
	"fmt"
	"io"
	"sort"
)

// dictVerbs holds the verbs of "eventwire dict VERB": each file that adds a
// verb (dict_check.go, dict_explain.go...) registers it from its init.
var dictVerbs = map[string]func(args []string, stdout, stderr io.Writer) error{}

func init() {
	register(command{name: "dict", summary: "check dictionaries (dict check FILE|DIR...)", run: runDict})
}

func runDict(args []string, stdout, stderr io.Writer) error {
	if len(args) == 0 || args[0] == "-h" || args[0] == "--help" || args[0] == "help" {
		dictUsage(stderr)
		if len(args) == 0 {
			return fmt.Errorf("%w: missing verb", errUsage)
		}
		return nil
	}
	f, ok := dictVerbs[args[0]]
	if !ok {
		dictUsage(stderr)
		return fmt.Errorf("%w: unknown verb %q", errUsage, args[0])
	}
	return f(args[1:], stdout, stderr)
}

func dictUsage(w io.Writer) {
	names := make([]string, 0, len(dictVerbs))
	for n := range dictVerbs {
		names = append(names, n)
	}
	sort.Strings(names)
	fmt.Fprintln(w, "usage: eventwire dict VERB [flags] [args]")
	fmt.Fprintln(w, "\nverbs:")
	for _, n := range names {
		fmt.Fprintf(w, "  %s\n", n)
	}
}
