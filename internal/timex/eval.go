package timex

import (
	"bufio"
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/eventwire/eventwire/internal/nlp"
)

// Case is one labelled expression of a date test set: a sentence, the
// article date it is resolved against, and the expected interval of one of
// its expressions — or, when None is set, the expectation that the sentence
// has no time expression at all.
//
// The file format is tab-separated, one case a line, '#' starting a comment
// line:
//
//	split  article  sentence  expression  from  to  granularity  historical
//
// split names the part of the set ("dev" tuned on, "test" held out);
// article, from and to are YYYY-MM-DD; expression is a substring of the
// sentence; historical is 0 or 1 (the interval ends more than the default
// window before the article date). A case with no expression has "-" in the
// last five columns.
type Case struct {
	Line       int // line in the file, for messages
	Split      string
	Article    time.Time
	Sentence   string
	Expr       string // "" when None
	From, To   time.Time
	Gran       Granularity
	Historical bool
	None       bool
}

// ReadCases reads a date test set; name is used in error messages, which
// name the file, line and field of a malformed line.
func ReadCases(r io.Reader, name string) ([]Case, error) {
	var cases []Case
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64*1024), 1024*1024)
	line := 0
	for sc.Scan() {
		line++
		text := strings.TrimRight(sc.Text(), "\r")
		if strings.TrimSpace(text) == "" || strings.HasPrefix(text, "#") {
			continue
		}
		c, err := parseCase(text)
		if err != nil {
			return nil, fmt.Errorf("%s:%d: %w", name, line, err)
		}
		c.Line = line
		cases = append(cases, c)
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("reading %s: %w", name, err)
	}
	return cases, nil
}

func parseCase(text string) (Case, error) {
	var c Case
	f := strings.Split(text, "\t")
	if len(f) != 8 {
		return c, fmt.Errorf("want 8 tab-separated fields, got %d", len(f))
	}
	c.Split = f[0]
	if c.Split == "" {
		return c, fmt.Errorf("split: empty")
	}
	var err error
	if c.Article, err = time.Parse("2006-01-02", f[1]); err != nil {
		return c, fmt.Errorf("article: %w", err)
	}
	c.Sentence = f[2]
	if c.Sentence == "" {
		return c, fmt.Errorf("sentence: empty")
	}
	if f[3] == "-" {
		for i, v := range f[4:] {
			if v != "-" {
				return c, fmt.Errorf("field %d: want \"-\" in a case with no expression, got %q", i+5, v)
			}
		}
		c.None = true
		return c, nil
	}
	c.Expr = f[3]
	if !strings.Contains(c.Sentence, c.Expr) {
		return c, fmt.Errorf("expression: %q is not in the sentence", c.Expr)
	}
	if c.From, err = time.Parse("2006-01-02", f[4]); err != nil {
		return c, fmt.Errorf("from: %w", err)
	}
	if c.To, err = time.Parse("2006-01-02", f[5]); err != nil {
		return c, fmt.Errorf("to: %w", err)
	}
	if c.To.Before(c.From) {
		return c, fmt.Errorf("to: %s is before from %s", f[5], f[4])
	}
	var ok bool
	if c.Gran, ok = ParseGranularity(f[6]); !ok {
		return c, fmt.Errorf("granularity: unknown %q", f[6])
	}
	switch f[7] {
	case "0":
	case "1":
		c.Historical = true
	default:
		return c, fmt.Errorf("historical: want 0 or 1, got %q", f[7])
	}
	return c, nil
}

// Outcome is the result of one case.
type Outcome struct {
	Case    Case
	Got     *Expr  // the found expression that overlaps the expected one most, nil if none
	Correct bool   // interval, granularity and historical flag all match (or nothing found for a None case)
	Exact   bool   // Correct and the found text equals the expected text
	Problem string // why a case failed, "" when Correct
}

// Score counts outcomes of one split.
type Score struct {
	Split   string  `json:"split"`
	Cases   int     `json:"cases"`
	Correct int     `json:"correct"`
	Exact   int     `json:"exact_span"`
	Acc     float64 `json:"accuracy"`
}

// Evaluate runs the finder on every case. words turns a sentence's text into
// words (the language pipeline, or SplitWords); the finder then resolves
// against the case's article date. It returns the outcomes in case order and
// a score per split plus one for "all".
func Evaluate(cases []Case, words func(text string) *nlp.Sentence) ([]Outcome, []Score) {
	var f Finder
	var exprs []Expr
	out := make([]Outcome, 0, len(cases))
	idx := map[string]int{}
	scores := []Score{{Split: "all"}}
	for _, c := range cases {
		s := words(c.Sentence)
		exprs = f.Find(s, c.Article, exprs[:0])
		o := judge(c, s, exprs)
		out = append(out, o)
		i, ok := idx[c.Split]
		if !ok {
			i = len(scores)
			idx[c.Split] = i
			scores = append(scores, Score{Split: c.Split})
		}
		for _, k := range [2]int{0, i} {
			scores[k].Cases++
			if o.Correct {
				scores[k].Correct++
			}
			if o.Exact {
				scores[k].Exact++
			}
		}
	}
	for i := range scores {
		if scores[i].Cases > 0 {
			scores[i].Acc = float64(scores[i].Correct) / float64(scores[i].Cases)
		}
	}
	return out, scores
}

func judge(c Case, s *nlp.Sentence, exprs []Expr) Outcome {
	o := Outcome{Case: c}
	if c.None {
		if len(exprs) == 0 {
			o.Correct, o.Exact = true, true
			return o
		}
		e := exprs[0]
		o.Got = &e
		o.Problem = fmt.Sprintf("found %q, want none", e.Text)
		return o
	}
	start := strings.Index(c.Sentence, c.Expr)
	end := start + len(c.Expr)
	base := s.Start
	if base < 0 {
		base = 0
	}
	best, bestOver := -1, 0
	for i := range exprs {
		es, ee := exprs[i].Start-base, exprs[i].End-base
		over := min(ee, end) - max(es, start)
		if over > bestOver {
			best, bestOver = i, over
		}
	}
	if best < 0 {
		o.Problem = "not found"
		return o
	}
	e := exprs[best]
	o.Got = &e
	hist := e.To.Before(dateOf(c.Article).Add(-DefaultWindow))
	switch {
	case !e.From.Equal(c.From) || !e.To.Equal(c.To):
		o.Problem = fmt.Sprintf("got %s..%s, want %s..%s", day(e.From), day(e.To), day(c.From), day(c.To))
	case e.Gran != c.Gran:
		o.Problem = fmt.Sprintf("got granularity %s, want %s", e.Gran, c.Gran)
	case hist != c.Historical:
		o.Problem = fmt.Sprintf("got historical %v, want %v", hist, c.Historical)
	default:
		o.Correct = true
		o.Exact = e.Text == c.Expr
	}
	return o
}

func day(t time.Time) string { return t.Format("2006-01-02") }

// SplitWords splits a sentence's text into words at white space and
// punctuation, with byte offsets into text: the stand-in for the language
// pipeline's tokenizer where none is available (the words carry forms only,
// no tags or tree). It keeps the period of abbreviations ("Nov.", "U.S.",
// "a.m."), hyphenated and slashed words ("1830-1962", "mid-November") and
// splits off the possessive "'s" except after digits ("1990's").
func SplitWords(text string) *nlp.Sentence {
	s := &nlp.Sentence{Text: text, Start: -1, End: -1}
	i := 0
	for i < len(text) {
		for i < len(text) && isSpace(text[i]) {
			i++
		}
		j := i
		for j < len(text) && !isSpace(text[j]) {
			j++
		}
		if j > i {
			splitChunk(s, text, i, j)
		}
		i = j
	}
	return s
}

func isSpace(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\r' }

// leading and trailing punctuation split off a chunk.
const (
	leadPunct  = "\"'([{"
	trailPunct = "\"'),;:!?]}."
)

var curly = []string{"“", "”", "‘", "’", "…"}

func addWord(s *nlp.Sentence, text string, a, b int) {
	s.Words = append(s.Words, nlp.Word{ID: len(s.Words) + 1, Form: text[a:b], Start: a, End: b})
}

func splitChunk(s *nlp.Sentence, text string, a, b int) {
	b0 := b
	// Leading punctuation, except the apostrophe of "'90s".
	for a < b {
		if strings.IndexByte(leadPunct, text[a]) >= 0 && !(text[a] == '\'' && a+1 < b && text[a+1] >= '0' && text[a+1] <= '9') {
			addWord(s, text, a, a+1)
			a++
			continue
		}
		if c := curlyAt(text, a, b); c > 0 && !(c == 3 && text[a:a+3] == "’" && a+3 < b && text[a+3] >= '0' && text[a+3] <= '9') {
			addWord(s, text, a, a+c)
			a += c
			continue
		}
		break
	}
	// Trailing punctuation.
	for b > a {
		c := text[b-1]
		if strings.IndexByte(trailPunct, c) >= 0 {
			if c == '.' && keepPeriod(text[a:b]) {
				break
			}
			b--
			continue
		}
		if n := curlyBefore(text, a, b); n > 0 {
			b -= n
			continue
		}
		break
	}
	tailEnd := b
	// Possessive 's (not after a digit: "1990's").
	if b-a > 2 && text[b-2:b] == "'s" || b-a > 4 && text[b-4:b] == "’s" {
		n := 2
		if text[b-1-1] != '\'' {
			n = 4
		}
		if p := text[b-n-1]; !(p >= '0' && p <= '9') {
			if a < b-n {
				addWord(s, text, a, b-n)
			}
			addWord(s, text, b-n, b)
			a = b
		}
	}
	if a < b {
		addWord(s, text, a, b)
	}
	// The trailing punctuation, one word per mark.
	for p := tailEnd; p < b0; {
		n := 1
		if c := curlyAt(text, p, b0); c > 0 {
			n = c
		}
		addWord(s, text, p, p+n)
		p += n
	}
}

func curlyAt(text string, a, b int) int {
	for _, c := range curly {
		if strings.HasPrefix(text[a:b], c) {
			return len(c)
		}
	}
	return 0
}

func curlyBefore(text string, a, b int) int {
	for _, c := range curly {
		if strings.HasSuffix(text[a:b], c) {
			return len(c)
		}
	}
	return 0
}

// keepPeriod reports whether the final period of w belongs to it: month and
// weekday abbreviations, initials, "a.m.", "U.S.", titles.
func keepPeriod(w string) bool {
	body := w[:len(w)-1]
	if body == "" {
		return false
	}
	if strings.IndexByte(body, '.') >= 0 {
		return true // U.S., a.m.
	}
	if len(body) == 1 && body[0] >= 'A' && body[0] <= 'Z' {
		return true // initials
	}
	if e, ok := lexicon[strings.ToLower(w)]; ok && (e.k == kMonth || e.k == kWeekday) {
		return true
	}
	switch strings.ToLower(body) {
	case "mr", "mrs", "ms", "dr", "st", "jr", "sr", "gen", "col", "lt", "sgt", "gov", "sen", "rep", "prof", "no", "vs", "inc", "co", "corp", "ltd", "c", "ca":
		return true
	}
	return false
}
