// Package timex finds date and time expressions in tagged, parsed sentences
// and resolves them against the article date ("on Saturday", "last November",
// "November 15, 2022", "the years 1830-1962", "for nearly 30 years"), attaches
// them to event verbs, and flags events as historical (their time lies before
// the article's window) or hypothetical (planned, conditional, modal).
//
// The finder works on words (nlp.Word forms, with tags and the dependency tree
// when present), not on regular expressions over the text, and allocates
// nothing per word: a Finder keeps its scratch buffers between sentences.
//
// Every interval is a closed range of whole days in UTC, [From, To].
package timex

import (
	"github.com/eventwire/eventwire/internal/nlp"
	"strings"
	"time"
)

// Granularity is the unit a resolved expression names.
type Granularity uint8

// Granularities, from the finest.
const (
	Day      Granularity = iota + 1 // "November 15, 2022", "yesterday", "on Saturday"
	Week                            // "last week", "this week"
	Month                           // "last November", "in March"
	Season                          // "last summer"
	Year                            // "in 1993", "last year"
	Decade                          // "in the 1990s"
	Century                         // "in the 19th century", "the 1800s"
	Range                           // "1830-1962", "from 1830 to 1962", "since 1993", "earlier this month"
	Duration                        // "for nearly 30 years", "over the past two weeks": ends (or starts) at the article date
)

var granNames = [...]string{"", "day", "week", "month", "season", "year", "decade", "century", "range", "duration"}

// String returns the lower-case name of g ("day", "range"...).
func (g Granularity) String() string {
	if int(g) < len(granNames) {
		return granNames[g]
	}
	return "unknown"
}

// ParseGranularity returns the granularity named s, as written by String.
func ParseGranularity(s string) (Granularity, bool) {
	for i, n := range granNames {
		if i > 0 && n == s {
			return Granularity(i), true
		}
	}
	return 0, false
}

// Expr is one resolved time expression of a sentence.
type Expr struct {
	First, Last int    // 1-based ids of the first and last word of the expression
	Start, End  int    // byte offsets of the expression, as in nlp.Word; -1 when unknown
	Text        string // the expression as written (words joined by spaces when offsets are unknown)
	Gran        Granularity
	From, To    time.Time // the interval of days it denotes, inclusive, UTC midnight
	// Approx is set when the expression hedges its extent ("nearly 30
	// years", "about two weeks ago").
	Approx bool
}

// Finder finds and resolves time expressions. Its zero value is ready to use.
// A Finder keeps scratch buffers between calls and is not safe for concurrent
// use; give each worker its own.
type Finder struct {
	toks []tok
	low  []byte
	s    *nlp.Sentence
	day  time.Time // the article date, UTC midnight
	dirs []direction
}

// Find returns the time expressions of s resolved against the article date,
// in sentence order, appended to dst. Expressions do not overlap. Words need
// only their forms; tags and the dependency tree, when present, improve the
// choice between past and future readings ("on Saturday") and reject verb
// readings of month names ("may", "march").
func (f *Finder) Find(s *nlp.Sentence, article time.Time, dst []Expr) []Expr {
	f.s = s
	f.day = dateOf(article)
	f.classify()
	n := len(f.toks)
	for i := 0; i < n; {
		c, ok := f.matchAt(i)
		if !ok {
			i++
			continue
		}
		dst = append(dst, f.expr(c))
		i = c.last + 1
	}
	f.s = nil
	return dst
}

// Find returns the time expressions of s resolved against the article date,
// using a new Finder; see Finder.Find.
func Find(s *nlp.Sentence, article time.Time) []Expr {
	var f Finder
	return f.Find(s, article, nil)
}

// part is an "early", "mid" or "late" modifier.
type part uint8

const (
	partNone part = iota
	partEarly
	partMid
	partLate
)

// cand is a matched expression under construction: word indices are 0-based.
type cand struct {
	first, last int
	gran        Granularity
	from, to    time.Time
	approx      bool
}

// direction is the tense of the clause an expression is in.
type direction uint8

const (
	dirUnknown direction = iota
	dirPast
	dirFuture
)

func (f *Finder) expr(c cand) Expr {
	s := f.s
	e := Expr{First: s.Words[c.first].ID, Last: s.Words[c.last].ID, Gran: c.gran, From: c.from, To: c.to, Approx: c.approx,
		Start: s.Words[c.first].Start, End: s.Words[c.last].End}
	if e.First <= 0 {
		e.First, e.Last = c.first+1, c.last+1
	}
	if e.Start < 0 || e.End < e.Start {
		e.Start, e.End = -1, -1
	}
	base := s.Start
	if base < 0 {
		base = 0
	}
	if e.Start >= base && e.End-base <= len(s.Text) {
		e.Text = s.Text[e.Start-base : e.End-base]
		return e
	}
	var b strings.Builder
	for i := c.first; i <= c.last; i++ {
		if i > c.first {
			b.WriteByte(' ')
		}
		b.WriteString(s.Words[i].Form)
	}
	e.Text = b.String()
	return e
}

// matchAt matches the longest expression starting at word i, with its
// preposition.
func (f *Finder) matchAt(i int) (cand, bool) {
	t := f.t(i)
	prep := kwNone
	j := i
	if t.k == kKeyword {
		switch t.kw {
		case kwIn, kwOn, kwAt, kwSince, kwFor, kwDuring, kwOver, kwThroughout, kwWithin, kwFrom, kwBetween:
			prep = t.kw
			j = i + 1
		}
	}
	c, ok := f.core(j, prep)
	if !ok {
		return cand{}, false
	}
	c = f.extendRange(c, prep)
	if prep != kwNone && (c.gran == Duration || prep != kwFor && prep != kwOver && prep != kwWithin) {
		c.first = i
	}
	if prep == kwSince && c.gran != Duration {
		c.to = f.day
		if c.from.After(c.to) {
			return cand{}, false
		}
		c.gran = Range
	}
	if !validCand(c) {
		return cand{}, false
	}
	return c, true
}

func validCand(c cand) bool {
	return !c.to.Before(c.from) && c.from.Year() >= 1 && c.to.Year() <= 9999
}

// extendRange joins c with a following expression through "to", "until",
// "and" (after "between") or a dash: "from November 2021 to March 2022".
func (f *Finder) extendRange(c cand, prep keyword) cand {
	if c.gran == Duration || c.gran == Range {
		return c
	}
	j := c.last + 1
	t := f.t(j)
	switch {
	case t.k == kDash:
	case t.k == kKeyword && t.kw == kwTo:
	case t.k == kKeyword && t.kw == kwAnd && prep == kwBetween:
	default:
		return c
	}
	c2, ok := f.core(j+1, kwNone)
	if !ok || c2.gran == Duration || c2.gran == Range || c2.to.Before(c.from) {
		return c
	}
	return cand{first: c.first, last: c2.last, gran: Range, from: c.from, to: c2.to, approx: c.approx || c2.approx}
}

// core matches an expression without its preposition at word j.
func (f *Finder) core(j int, prep keyword) (cand, bool) {
	if j >= len(f.toks) {
		return cand{}, false
	}
	for _, try := range coreMatchers {
		if c, ok := try(f, j, prep); ok {
			return c, true
		}
	}
	return cand{}, false
}

var coreMatchers []func(*Finder, int, keyword) (cand, bool)

func init() {
	coreMatchers = []func(*Finder, int, keyword) (cand, bool){
		(*Finder).matchISO,
		(*Finder).matchDeictic,
		(*Finder).matchAgo,
		(*Finder).matchDuration,
		(*Finder).matchPart,
		(*Finder).matchRelative,
		(*Finder).matchWeekday,
		(*Finder).matchMonthDate,
		(*Finder).matchDayMonth,
		(*Finder).matchYear,
		(*Finder).matchDecade,
		(*Finder).matchCentury,
		(*Finder).matchSeason,
	}
}

// direction returns the tense of the clause holding words first..last: from
// the dependency tree and tags when present, else from the word forms of the
// sentence (future markers such as "will" and "scheduled", past forms such
// as "was" and "-ed" verbs).
func (f *Finder) direction(first, last int) direction {
	if first < len(f.dirs) && f.dirs[first] != 255 {
		return f.dirs[first]
	}
	d := clauseDirection(f.s, first, last, &f.low)
	if first < len(f.dirs) {
		f.dirs[first] = d
	}
	return d
}
