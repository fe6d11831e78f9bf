package timex_test

import (
	"fmt"
	"time"

	"github.com/eventwire/eventwire/internal/timex"
)

// Per sentence, find the expressions once; per event, date it and check
// whether it is hypothetical. Here the sentence has no tree (SplitWords), so
// the nearest expression dates the event; with a parsed sentence the
// expression governing the verb does.
func Example() {
	article := time.Date(2022, 11, 20, 0, 0, 0, 0, time.UTC)
	s := timex.SplitWords("About 1.5 million people were killed in Algeria during the period of occupation covering the years 1830-1962.")
	var f timex.Finder
	exprs := f.Find(s, article, nil)
	for _, e := range exprs {
		fmt.Printf("%q %s %s..%s\n", e.Text, e.Gran, e.From.Format("2006-01-02"), e.To.Format("2006-01-02"))
	}
	killed := 6 // word id of "killed"
	d := timex.EventTime(s, killed, exprs, article)
	fmt.Println(d.Date(), d.Historical, timex.Hypothetical(s, killed))
	// Output:
	// "the years 1830-1962" range 1830-01-01..1962-12-31
	// 1830-01-01 true false
}
