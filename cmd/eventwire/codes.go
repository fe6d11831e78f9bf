package main

import (
	"bufio"
	"fmt"
	"io"
	"strconv"

	"github.com/eventwire/eventwire/internal/cameo"
)

func init() {
	register(command{name: "codes", summary: "list CAMEO event codes (or actor codes) with a prefix", run: runCodes})
}

// runCodes lists CAMEO event codes, one per line: code, name, Goldstein,
// QuadClass, PLOVER category, tab-separated. With --actors it lists actor
// codes instead: code, kind, name, ISO alpha-3, ISO alpha-2, FIPS 10-4 (the
// last three for countries only), prefix matched ignoring case.
func runCodes(args []string, stdout, stderr io.Writer) error {
	fs := newFlags("codes", "[PREFIX]", stderr)
	actors := fs.Bool("actors", false, "list actor codes (countries, regions, types, groups, religions, ethnic groups)")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if fs.NArg() > 1 {
		return fmt.Errorf("%w: at most one PREFIX, got %d arguments", errUsage, fs.NArg())
	}
	prefix := fs.Arg(0)
	w := bufio.NewWriter(stdout)
	n := 0
	if *actors {
		for a := range cameo.ActorsWithPrefix(prefix) {
			var c cameo.Country
			if a.Kind == cameo.KindCountry || a.Kind == cameo.KindRegion {
				c, _ = cameo.LookupCountry(a.Code)
			}
			fmt.Fprintf(w, "%s\t%s\t%s\t%s\t%s\t%s\n", a.Code, a.Kind, a.Name, c.ISO3, c.ISO2, c.FIPS)
			n++
		}
	} else {
		for e := range cameo.EventCodesWithPrefix(prefix) {
			fmt.Fprintf(w, "%s\t%s\t%s\t%d\t%s\n", e.Code, e.Name, strconv.FormatFloat(e.Goldstein, 'f', 1, 64), e.QuadClass, e.Plover.Category)
			n++
		}
	}
	if err := w.Flush(); err != nil {
		return fmt.Errorf("writing codes: %w", err)
	}
	if n == 0 {
		return fmt.Errorf("no codes start with %q", prefix)
	}
	return nil
}
