package geo

import (
	"bufio"
	"fmt"
	"io"
	"sort"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Case is one labelled place mention of a geocoding test set.
type Case struct {
	Article string // cases of one article are resolved together
	Split   string // e.g. "tune" (seen while tuning) or "test" (held out): lower-case letters and digits
	Mention Mention
	// Want is the expected place: a GeoNames id, "country:ISO2",
	// "adm1:ISO2.admin1" (GeoNames admin1 code), the key of a second-order
	// division or feature ("PS.WE.7828733", "SEA.red-sea"), or "none" when no place
	// should be returned.
	Want string
	Note string // readable description of Want
	Line int    // line in the file
}

// ReadCases reads a test set: '#' comments and lines of six tab-separated
// fields (article, split, mention, want, note, sentence). Errors name
// name:line and the field.
func ReadCases(r io.Reader, name string) ([]Case, error) {
	var cases []Case
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 64*1024), 1<<20)
	for line := 1; sc.Scan(); line++ {
		s := sc.Text()
		if strings.TrimSpace(s) == "" || s[0] == '#' {
			continue
		}
		f := strings.Split(s, "\t")
		if len(f) != 6 {
			return nil, fmt.Errorf("%s:%d: %d fields, want 6", name, line, len(f))
		}
		c := Case{Article: f[0], Split: f[1], Mention: Mention{Text: f[2], Sentence: f[5]}, Want: f[3], Note: f[4], Line: line}
		switch {
		case c.Article == "":
			return nil, fmt.Errorf("%s:%d: article: empty", name, line)
		case !isSplitName(c.Split):
			return nil, fmt.Errorf("%s:%d: split: %q, want lower-case letters and digits", name, line, c.Split)
		case strings.TrimSpace(c.Mention.Text) == "":
			return nil, fmt.Errorf("%s:%d: mention: empty", name, line)
		}
		if err := checkWant(c.Want); err != nil {
			return nil, fmt.Errorf("%s:%d: want: %w", name, line, err)
		}
		cases = append(cases, c)
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("reading %s: %w", name, err)
	}
	return cases, nil
}

func isSplitName(s string) bool {
	for i := 0; i < len(s); i++ {
		if !(s[i] >= 'a' && s[i] <= 'z' || s[i] >= '0' && s[i] <= '9') {
			return false
		}
	}
	return s != ""
}

func checkWant(w string) error {
	switch {
	case w == "none":
		return nil
	case strings.HasPrefix(w, "country:"):
		if len(w) != len("country:")+2 {
			return fmt.Errorf("%q: want country:ISO2", w)
		}
		return nil
	case strings.HasPrefix(w, "adm1:"):
		if cc, code, ok := strings.Cut(w[len("adm1:"):], "."); !ok || len(cc) != 2 || code == "" {
			return fmt.Errorf("%q: want adm1:ISO2.code", w)
		}
		return nil
	case strings.Contains(w, "."):
		// the key of a second-order division ("PS.WE.7828733") or a
		// physical feature or region ("SEA.red-sea")
		if k, rest, _ := strings.Cut(w, "."); k == "" || rest == "" || strings.ContainsAny(w, " \t") {
			return fmt.Errorf("%q: want a division or feature key", w)
		}
		return nil
	}
	if id, err := strconv.ParseInt(w, 10, 64); err != nil || id <= 0 {
		return fmt.Errorf("%q: not a GeoNames id", w)
	}
	return nil
}

// Outcome is the resolution of one test case.
type Outcome struct {
	Case
	Got     string // in the notation of Case.Want
	GotName string // the resolved place's full name, "" when none
	Method  string
	OK      bool
}

// Accuracy counts correct cases.
type Accuracy struct {
	Correct, Total int
}

// Ratio is Correct/Total, 0 for an empty set.
func (a Accuracy) Ratio() float64 {
	if a.Total == 0 {
		return 0
	}
	return float64(a.Correct) / float64(a.Total)
}

// Evaluation is the result of geocoding a test set.
type Evaluation struct {
	All      Accuracy
	BySplit  map[string]Accuracy
	Outcomes []Outcome // in file order
}

// Evaluate resolves the cases article by article and compares each result
// with its expected place.
func (g *Gazetteer) Evaluate(cases []Case) Evaluation {
	ev := Evaluation{BySplit: map[string]Accuracy{}}
	order := []string{}
	byArticle := map[string][]int{}
	for i, c := range cases {
		if _, ok := byArticle[c.Article]; !ok {
			order = append(order, c.Article)
		}
		byArticle[c.Article] = append(byArticle[c.Article], i)
	}
	outcomes := make([]Outcome, len(cases))
	for _, a := range order {
		idx := byArticle[a]
		ms := make([]Mention, len(idx))
		for j, i := range idx {
			ms[j] = cases[i].Mention
		}
		for j, r := range g.ResolveArticle(ms, Hints{}) {
			c := cases[idx[j]]
			o := Outcome{Case: c, Got: g.notation(r), Method: r.Method}
			if r.Geo != nil {
				o.GotName = r.Geo.FullName
			}
			o.OK = o.Got == c.Want
			outcomes[idx[j]] = o
		}
	}
	for _, o := range outcomes {
		acc := ev.BySplit[o.Split]
		acc.Total++
		ev.All.Total++
		if o.OK {
			acc.Correct++
			ev.All.Correct++
		}
		ev.BySplit[o.Split] = acc
	}
	ev.Outcomes = outcomes
	return ev
}

// EvaluateSpotted measures the whole chain on the test set: the places of
// each article are found by Spot in its sentences (not taken from the
// cases) and resolved together; a case counts as correct when the span
// Spot found for its mention resolves to the expected place, and as wrong
// when Spot missed it. Cases whose mention Spot folded into another as its
// qualifier ("Ontario" in "London, Ontario") are not scored. Cases that
// expect no place, or whose mention is not in their sentence, are skipped.
func (g *Gazetteer) EvaluateSpotted(cases []Case) Evaluation {
	ev := Evaluation{BySplit: map[string]Accuracy{}}
	var order []string
	byArticle := map[string][]int{}
	for i, c := range cases {
		if _, ok := byArticle[c.Article]; !ok {
			order = append(order, c.Article)
		}
		byArticle[c.Article] = append(byArticle[c.Article], i)
	}
	for _, a := range order {
		var ms []Mention
		seen := map[string]bool{}
		for _, i := range byArticle[a] {
			s := cases[i].Mention.Sentence
			if !seen[s] {
				seen[s] = true
				for _, f := range g.Spot(s) {
					ms = append(ms, f.Mention)
				}
			}
		}
		results := g.ResolveArticle(ms, Hints{})
		for _, i := range byArticle[a] {
			c := cases[i]
			if c.Want == "none" || !hasWords(c.Mention.Sentence, c.Mention.Text) {
				continue
			}
			o := Outcome{Case: c, Got: "none"}
			qualifier := false
			// The span of the mention: the same text, else one sharing words
			// with it ("Gaza City" for "Gaza").
			match := -1
			for pass := 0; pass < 2 && match < 0; pass++ {
				for j, m := range ms {
					if m.Sentence != c.Mention.Sentence {
						continue
					}
					head, qual, _ := strings.Cut(m.Text, ", ")
					if head == c.Mention.Text || m.Text == c.Mention.Text ||
						pass == 1 && (hasWords(head, c.Mention.Text) || hasWords(c.Mention.Text, head)) {
						match = j
						break
					}
					if qual == c.Mention.Text {
						qualifier = true
					}
				}
			}
			if match >= 0 {
				qualifier = false
				o.Got, o.Method = g.notation(results[match]), results[match].Method
				if results[match].Geo != nil {
					o.GotName = results[match].Geo.FullName
				}
			}
			if qualifier {
				continue
			}
			o.OK = o.Got == c.Want
			ev.Outcomes = append(ev.Outcomes, o)
			acc := ev.BySplit[c.Split]
			acc.Total++
			ev.All.Total++
			if o.OK {
				acc.Correct++
				ev.All.Correct++
			}
			ev.BySplit[c.Split] = acc
		}
	}
	return ev
}

// hasWords reports whether w occurs in s as whole words ("Gaza" in "Gaza
// City", not "Mali" in "Malian").
func hasWords(s, w string) bool {
	if w == "" {
		return false
	}
	for i := 0; ; {
		j := strings.Index(s[i:], w)
		if j < 0 {
			return false
		}
		j += i
		before, _ := utf8.DecodeLastRuneInString(s[:j])
		after, _ := utf8.DecodeRuneInString(s[j+len(w):])
		if !unicode.IsLetter(before) && !unicode.IsLetter(after) {
			return true
		}
		i = j + 1
	}
}

// notation writes a result in the notation of Case.Want.
func (g *Gazetteer) notation(r Result) string {
	if r.Geo == nil {
		return "none"
	}
	switch r.Geo.Type {
	case 1:
		for _, c := range g.Countries {
			if c.ISO3 == r.Geo.CountryISO {
				return "country:" + c.ISO2
			}
		}
	case 2, 5:
		for _, d := range g.Divisions {
			if d.ADM1 == r.Geo.ADM1 && d.Name+", "+g.Countries[d.Country].Name == r.Geo.FullName {
				return "adm1:" + g.Countries[d.Country].ISO2 + "." + d.Code
			}
		}
	}
	return r.Geo.FeatureID
}

// Splits returns the split names of an evaluation in sorted order.
func (ev Evaluation) Splits() []string {
	var s []string
	for k := range ev.BySplit {
		s = append(s, k)
	}
	sort.Strings(s)
	return s
}
