// Command eventwire reads news and codes who did what to whom, when and where
// (CAMEO events), with the sentence and rule behind each event.
//
// The command stays thin: each subcommand lives in its own file, parses its
// flags, and wires packages from internal/ together. A file registers its
// subcommand with register in an init function.
package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"sort"
	"strings"
)

// command is one eventwire subcommand.
type command struct {
	name    string
	summary string
	// run executes the subcommand with the arguments after its name. It writes
	// results to stdout and diagnostics to stderr, and returns an error for a
	// failure that should end the program with a non-zero status.
	run func(args []string, stdout, stderr io.Writer) error
}

var commands = map[string]command{}

// register adds a subcommand; it panics on a duplicate name, which is a
// programming error caught by any test run.
func register(c command) {
	if _, dup := commands[c.name]; dup {
		panic("eventwire: duplicate command " + c.name)
	}
	commands[c.name] = c
}

// errUsage marks an error caused by wrong arguments; main prints usage hints
// for it and exits with status 2.
var errUsage = errors.New("usage")

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

// run dispatches to a subcommand and returns the process exit status.
func run(args []string, stdout, stderr io.Writer) int {
	if len(args) == 0 || args[0] == "-h" || args[0] == "--help" || args[0] == "help" {
		usage(stderr)
		if len(args) == 0 {
			return 2
		}
		return 0
	}
	c, ok := commands[args[0]]
	if !ok {
		fmt.Fprintf(stderr, "eventwire: unknown command %q\n", args[0])
		usage(stderr)
		return 2
	}
	err := c.run(args[1:], stdout, stderr)
	switch {
	case err == nil:
		return 0
	case errors.Is(err, flag.ErrHelp):
		return 0
	case errors.Is(err, errUsage):
		fmt.Fprintf(stderr, "eventwire %s: %v\n", c.name, err)
		return 2
	default:
		fmt.Fprintf(stderr, "eventwire %s: %v\n", c.name, err)
		return 1
	}
}

func usage(w io.Writer) {
	fmt.Fprintln(w, "usage: eventwire COMMAND [flags] [args]")
	fmt.Fprintln(w, "\ncommands:")
	names := make([]string, 0, len(commands))
	for n := range commands {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		fmt.Fprintf(w, "  %-10s %s\n", n, commands[n].summary)
	}
	fmt.Fprintln(w, "\nRun 'eventwire COMMAND -h' for the flags of a command.")
}

// newFlags returns a flag set for a subcommand that reports errors instead of
// exiting, and prints its usage to stderr.
func newFlags(name, argsHelp string, stderr io.Writer) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() {
		fmt.Fprintf(stderr, "usage: eventwire %s [flags] %s\n", name, argsHelp)
		fs.PrintDefaults()
	}
	return fs
}

// parseFlags parses args and turns a flag error into errUsage.
func parseFlags(fs *flag.FlagSet, args []string) error {
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return err
		}
		return fmt.Errorf("%w: %v", errUsage, err)
	}
	return checkNumberFlags(fs)
}

// runVerb runs the verb args[0] of the command group ("eval", "dict"),
// one of verbs, with the arguments after it. No verb, -h, --help or help
// print the group's verbs (no verb is a usage error), as does an unknown
// verb, which is a usage error too.
func runVerb(group string, verbs map[string]func(args []string, stdout, stderr io.Writer) error, args []string, stdout, stderr io.Writer) error {
	if len(args) == 0 || args[0] == "-h" || args[0] == "--help" || args[0] == "help" {
		verbUsage(stderr, group, verbs)
		if len(args) == 0 {
			return fmt.Errorf("%w: missing verb", errUsage)
		}
		return nil
	}
	f, ok := verbs[args[0]]
	if !ok {
		verbUsage(stderr, group, verbs)
		return fmt.Errorf("%w: unknown verb %q", errUsage, args[0])
	}
	return f(args[1:], stdout, stderr)
}

// verbUsage prints the usage of the command group and its verbs in order.
func verbUsage(w io.Writer, group string, verbs map[string]func(args []string, stdout, stderr io.Writer) error) {
	names := make([]string, 0, len(verbs))
	for n := range verbs {
		names = append(names, n)
	}
	sort.Strings(names)
	fmt.Fprintf(w, "usage: eventwire %s VERB [flags] [args]\n", group)
	fmt.Fprintln(w, "\nverbs:")
	for _, n := range names {
		fmt.Fprintf(w, "  %s\n", n)
	}
}

// multiFlag is a repeatable string flag.
type multiFlag []string

func (m *multiFlag) String() string     { return strings.Join(*m, ",") }
func (m *multiFlag) Set(v string) error { *m = append(*m, v); return nil }
