package timex

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/eventwire/eventwire/internal/shareddata"
)

// TestSeedArticle runs the finder on the seed news report in ../shared/seed
// (split by SplitWords, no tree: events are dated by the nearest
// expression). The report carries no date; it reports a resolution of 15
// November 2022 as news, so it is resolved as of 20 November 2022.
func TestSeedArticle(t *testing.T) {
	dir := shareddata.Dir(t, "seed")
	files, err := filepath.Glob(filepath.Join(dir, "*.txt"))
	if err != nil || len(files) == 0 {
		shareddata.Skip(t, "no seed article in %s", dir)
	}
	data, err := os.ReadFile(files[0])
	if err != nil {
		t.Fatal(err)
	}
	art := mustDay(t, "2022-11-20")
	want := []struct {
		expr, event, from, to string
		hist                  bool
	}{
		{"the years 1830-1962", "killed", "1830-01-01", "1962-12-31", true},
		{"for nearly 30 years", "supporting", "1992-11-20", "2022-11-20", false},
		{"on November 15, 2022", "adopted", "2022-11-15", "2022-11-15", false},
		{"on December 20, 1993", "signed", "1993-12-20", "1993-12-20", true},
		{"today", "continues", "2022-11-20", "2022-11-20", false},
	}
	found := map[string]bool{}
	var all []string
	for _, para := range strings.Split(string(data), "\n") {
		if strings.TrimSpace(para) == "" {
			continue
		}
		s := SplitWords(para)
		exprs := Find(s, art)
		for _, e := range exprs {
			all = append(all, e.Text)
		}
		for _, w := range want {
			if !strings.Contains(para, w.expr) {
				continue
			}
			found[w.expr] = true
			v := wordID(s, w.event, 1)
			if v == 0 {
				t.Errorf("no word %q in %q", w.event, para)
				continue
			}
			d := EventTime(s, v, exprs, art)
			if d.Expr < 0 || exprs[d.Expr].Text != w.expr || day(d.From) != w.from || day(d.To) != w.to || d.Historical != w.hist {
				t.Errorf("%s: got %+v (exprs %+v), want %q %s..%s historical %v", w.event, d, exprs, w.expr, w.from, w.to, w.hist)
			}
		}
	}
	for _, w := range want {
		if !found[w.expr] {
			t.Errorf("seed article has no %q", w.expr)
		}
	}
	if len(all) != len(want) {
		t.Errorf("found %d expressions %q, want %d", len(all), all, len(want))
	}
}
