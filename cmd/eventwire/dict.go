package main

import "io"

// dictVerbs holds the verbs of "eventwire dict VERB": each file that adds a
// verb (dict_check.go, dict_explain.go...) registers it from its init.
var dictVerbs = map[string]func(args []string, stdout, stderr io.Writer) error{}

func init() {
	register(command{name: "dict", summary: "check dictionaries (dict check FILE|DIR...)", run: runDict})
}

func runDict(args []string, stdout, stderr io.Writer) error {
	return runVerb("dict", dictVerbs, args, stdout, stderr)
}
