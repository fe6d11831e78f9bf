package main

import (
	"fmt"
	"io"

	"github.com/eventwire/eventwire/internal/geo"
)

func init() {
	evalVerbs["geo"] = runEvalGeo
}

// runEvalGeo implements "eventwire eval geo [--json] [-v] [--spot] FILE": the
// geocoding accuracy on a labelled test set (internal/geo/testdata/geocode.tsv),
// of the resolver alone or, with --spot, of spotting and resolving.
func runEvalGeo(args []string, stdout, stderr io.Writer) error {
	fs := newFlags("eval geo", "FILE", stderr)
	asJSON := fs.Bool("json", false, "print the result as JSON")
	verbose := fs.Bool("v", false, "list the mentions resolved wrongly")
	spot := fs.Bool("spot", false, "find the places with the spotter instead of taking the labelled mentions")
	path, err := parseOneArg(fs, args, "test set file")
	if err != nil {
		return err
	}
	cases, err := readTestSet(path, geo.ReadCases)
	if err != nil {
		return err
	}
	g, err := geo.Default()
	if err != nil {
		return fmt.Errorf("loading gazetteer: %w", err)
	}
	ev := g.Evaluate(cases)
	if *spot {
		ev = g.EvaluateSpotted(cases)
	}
	if *asJSON {
		type split struct {
			Correct  int     `json:"correct"`
			Total    int     `json:"total"`
			Accuracy float64 `json:"accuracy"`
		}
		type failure struct {
			Line    int    `json:"line"`
			Split   string `json:"split"`
			Mention string `json:"mention"`
			Want    string `json:"want"`
			Got     string `json:"got"`
			GotName string `json:"got_name,omitempty"`
		}
		out := struct {
			Split    map[string]split `json:"splits"`
			All      split            `json:"all"`
			Failures []failure        `json:"failures,omitempty"`
		}{Split: map[string]split{}}
		for name, a := range ev.BySplit {
			out.Split[name] = split{a.Correct, a.Total, a.Ratio()}
		}
		out.All = split{ev.All.Correct, ev.All.Total, ev.All.Ratio()}
		if *verbose {
			for _, o := range ev.Outcomes {
				if !o.OK {
					out.Failures = append(out.Failures, failure{o.Line, o.Split, o.Mention.Text, o.Want, o.Got, o.GotName})
				}
			}
		}
		return writeJSON(stdout, out)
	}
	if *verbose {
		for _, o := range ev.Outcomes {
			if !o.OK {
				fmt.Fprintf(stdout, "%s:%d [%s] %q: got %s %q (%s), want %s (%s)\n", path, o.Line, o.Split, o.Mention.Text,
					o.Got, o.GotName, o.Method, o.Want, o.Note)
			}
		}
	}
	for _, s := range ev.Splits() {
		a := ev.BySplit[s]
		fmt.Fprintf(stdout, "%-6s %4d/%-4d %6.2f%%\n", s, a.Correct, a.Total, 100*a.Ratio())
	}
	_, err = fmt.Fprintf(stdout, "%-6s %4d/%-4d %6.2f%%\n", "all", ev.All.Correct, ev.All.Total, 100*ev.All.Ratio())
	return err
}
