// Command gen builds internal/lexicon/wordnet.gz, the compact WordNet 3.0
// table of package lexicon, from a WordNet 3.0 database (Debian package
// wordnet-base):
//
//	go run ./internal/lexicon/gen                       # reads /usr/share/wordnet
//	go run ./internal/lexicon/gen -wordnet DIR -out FILE
//
// The table keeps the single-word lemmas of index.{noun,verb,adj,adv} with
// the parts of speech each has, and the exception lists {noun,verb,adj,adv}.exc
// (irregular forms and their lemmas). The output is deterministic: the same
// database gives the same bytes.
package main

import (
	"flag"
	"fmt"
	"os"

	"github.com/eventwire/eventwire/internal/lexicon"
)

func main() {
	dir := flag.String("wordnet", "/usr/share/wordnet", "directory of the WordNet 3.0 database files")
	out := flag.String("out", "internal/lexicon/wordnet.gz", "write the table to this file")
	flag.Parse()
	b, stats, err := lexicon.BuildTable(os.DirFS(*dir))
	if err != nil {
		fmt.Fprintln(os.Stderr, "gen:", err)
		os.Exit(1)
	}
	if err := os.WriteFile(*out, b, 0o644); err != nil {
		fmt.Fprintln(os.Stderr, "gen:", err)
		os.Exit(1)
	}
	fmt.Fprintf(os.Stderr, "wrote %s: %d bytes, %s\n", *out, len(b), stats)
}
