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
	"strings"
	"time"
	"unicode/utf8"

	"github.com/eventwire/eventwire/internal/nlp"
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

// dateOf returns the calendar day of t as UTC midnight.
func dateOf(t time.Time) time.Time {
	return time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, time.UTC)
}

func ymd(y, m, d int) time.Time { return time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC) }

func monthEnd(y, m int) time.Time { return ymd(y, m+1, 0) }

func daysIn(y, m int) int { return monthEnd(y, m).Day() }

// weekStart returns the Monday of d's ISO week.
func weekStart(d time.Time) time.Time {
	return d.AddDate(0, 0, -((int(d.Weekday()) + 6) % 7))
}

// part is an "early", "mid" or "late" modifier.
type part uint8

const (
	partNone part = iota
	partEarly
	partMid
	partLate
)

// tok is the class of one word.
type tok struct {
	k             kind
	kw            keyword
	unit          unit
	part          part // from a "mid-"/"early-"/"late-" prefix inside the word
	val, val2, v3 int
	digits        int  // digits of a numeral (first part for ranges); 0 for number words
	cap           bool // the form starts with an upper-case letter
	verb          bool // tagged as a verb or auxiliary
}

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

// classify fills f.toks with the class of every word.
func (f *Finder) classify() {
	words := f.s.Words
	if cap(f.toks) < len(words) {
		f.toks = make([]tok, len(words))
	}
	f.toks = f.toks[:len(words)]
	if cap(f.dirs) < len(words) {
		f.dirs = make([]direction, len(words))
	}
	f.dirs = f.dirs[:len(words)]
	for i := range words {
		w := &words[i]
		f.toks[i] = f.classifyForm(w.Form)
		t := &f.toks[i]
		f.dirs[i] = 255
		if r, _ := utf8.DecodeRuneInString(w.Form); r >= 'A' && r <= 'Z' {
			t.cap = true
		}
		t.verb = w.UPOS == "VERB" || w.UPOS == "AUX"
	}
}

func (f *Finder) lower(s string) []byte {
	b := f.low[:0]
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= 'A' && c <= 'Z' {
			c += 'a' - 'A'
		}
		b = append(b, c)
	}
	f.low = b
	return b
}

// isDash reports whether s is a hyphen, en dash, em dash or double hyphen.
func isDash(s string) bool {
	return s == "-" || s == "–" || s == "—" || s == "--"
}

// cutDash splits s at its first hyphen or dash.
func cutDash(s string) (string, string, bool) {
	for i := 0; i < len(s); i++ {
		if s[i] == '-' {
			return s[:i], s[i+1:], true
		}
		if s[i] == 0xe2 && i+2 < len(s) && s[i+1] == 0x80 && (s[i+2] == 0x93 || s[i+2] == 0x94) {
			return s[:i], s[i+3:], true
		}
	}
	return s, "", false
}

// cutApostrophe removes a leading straight or curly apostrophe.
func cutApostrophe(s string) (string, bool) {
	if r, ok := strings.CutPrefix(s, "'"); ok {
		return r, true
	}
	return strings.CutPrefix(s, "’")
}

// digitsVal returns the value of an all-digit string of 1 to 9 digits.
func digitsVal(s string) (int, bool) {
	if s == "" || len(s) > 9 {
		return 0, false
	}
	v := 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c < '0' || c > '9' {
			return 0, false
		}
		v = v*10 + int(c-'0')
	}
	return v, true
}

func (f *Finder) classifyForm(form string) tok {
	switch form {
	case ",":
		return tok{k: kComma}
	case ".":
		return tok{k: kPeriod}
	}
	if isDash(form) {
		return tok{k: kDash}
	}
	if e, ok := lexicon[string(f.lower(form))]; ok {
		return tok{k: e.k, kw: e.kw, unit: e.unit, val: e.val}
	}
	if v, ok := digitsVal(form); ok {
		return tok{k: kNum, val: v, digits: len(form)}
	}
	// "'73", "’05": a two-digit year, in the century that puts it no later
	// than a year after the article date.
	if short, ok := cutApostrophe(form); ok && len(short) == 2 {
		if v, ok := digitsVal(short); ok {
			y := f.day.Year() - f.day.Year()%100 + v
			if y > f.day.Year()+1 {
				y -= 100
			}
			return tok{k: kNum, val: y, digits: 4}
		}
	}
	if t, ok := classifyNumeric(form); ok {
		return t
	}
	// "mid-November", "early-2022", "late-1990s".
	if a, b, ok := cutDash(form); ok && b != "" {
		var p part
		switch string(f.lower(a)) {
		case "mid":
			p = partMid
		case "early":
			p = partEarly
		case "late":
			p = partLate
		}
		if p != partNone {
			t := f.classifyForm(b)
			switch t.k {
			case kMonth, kDecade, kOrd:
			case kNum:
				if t.digits != 4 {
					return tok{}
				}
			default:
				return tok{}
			}
			if t.part != partNone {
				return tok{}
			}
			t.part = p
			return t
		}
		// "twenty-five"
		ea, oka := lexicon[string(f.lower(a))]
		eb, okb := lexicon[string(f.lower(b))]
		if oka && okb && ea.k == kNum && eb.k == kNum && ea.val >= 20 && ea.val%10 == 0 && eb.val < 10 && eb.val > 0 {
			return tok{k: kNum, val: ea.val + eb.val}
		}
		if oka && okb && ea.k == kNum && eb.k == kOrd && ea.val >= 20 && ea.val%10 == 0 && eb.val < 10 {
			return tok{k: kOrd, val: ea.val + eb.val}
		}
	}
	return tok{}
}

// classifyNumeric recognises numerals with punctuation or suffixes: ordinals
// ("15th"), decades ("1990s", "'90s", "1990's"), ranges ("1830-1962",
// "1990-95", "15-17") and ISO dates ("2022-11-15", "2022/11/15").
func classifyNumeric(form string) (tok, bool) {
	n := len(form)
	if n < 3 {
		return tok{}, false
	}
	// Ordinals.
	if n <= 4 {
		suf := form[n-2:]
		if suf == "st" || suf == "nd" || suf == "rd" || suf == "th" {
			if v, ok := digitsVal(form[:n-2]); ok {
				return tok{k: kOrd, val: v}, true
			}
		}
	}
	// Decades.
	body := ""
	switch {
	case strings.HasSuffix(form, "'s"):
		body = form[:n-2]
	case strings.HasSuffix(form, "’s"):
		body = form[:n-len("’s")]
	case form[n-1] == 's':
		body = form[:n-1]
	}
	if body != "" {
		if v, ok := digitsVal(body); ok && len(body) == 4 && v%10 == 0 {
			return tok{k: kDecade, val: v, digits: 4}, true
		}
		short := strings.TrimPrefix(strings.TrimPrefix(body, "'"), "’")
		if short != body {
			if v, ok := digitsVal(short); ok && len(short) == 2 && v%10 == 0 {
				// '90s → 1990s; '20s → 2020s.
				y := 1900 + v
				if v < 30 {
					y = 2000 + v
				}
				return tok{k: kDecade, val: y, digits: 2}, true
			}
		}
	}
	// ISO dates with slashes.
	if n == 10 && form[4] == '/' && form[7] == '/' {
		y, ok1 := digitsVal(form[:4])
		m, ok2 := digitsVal(form[5:7])
		d, ok3 := digitsVal(form[8:])
		if ok1 && ok2 && ok3 {
			return tok{k: kISO, val: y, val2: m, v3: d}, true
		}
	}
	a, b, ok := cutDash(form)
	if !ok {
		return tok{}, false
	}
	va, oka := digitsVal(a)
	if !oka {
		return tok{}, false
	}
	if b2, c, ok := cutDash(b); ok && len(a) == 4 && len(b2) == 2 && len(c) == 2 {
		m, ok2 := digitsVal(b2)
		d, ok3 := digitsVal(c)
		if ok2 && ok3 {
			return tok{k: kISO, val: va, val2: m, v3: d}, true
		}
		return tok{}, false
	}
	vb, okb := digitsVal(b)
	if !okb {
		return tok{}, false
	}
	switch {
	case len(a) == 4 && len(b) == 4:
		return tok{k: kNumRange, val: va, val2: vb, digits: 4}, true
	case len(a) == 4 && len(b) == 2:
		// 1990-95 → 1990-1995
		return tok{k: kNumRange, val: va, val2: va - va%100 + vb, digits: 4}, true
	case len(a) <= 2 && len(b) <= 2:
		return tok{k: kNumRange, val: va, val2: vb, digits: len(a)}, true
	}
	return tok{}, false
}

// t returns the class of word i, or an empty class outside the sentence.
func (f *Finder) t(i int) tok {
	if i < 0 || i >= len(f.toks) {
		return tok{}
	}
	return f.toks[i]
}

func (f *Finder) isKw(i int, kw keyword) bool {
	t := f.t(i)
	return t.k == kKeyword && t.kw == kw
}

// is reports whether word i is the lower-case word w (ASCII letters).
func (f *Finder) is(i int, w string) bool {
	return i >= 0 && i < len(f.s.Words) && strings.EqualFold(f.s.Words[i].Form, w)
}

// isYear reports whether word i is a plausible year numeral.
func (f *Finder) isYear(i int) bool {
	t := f.t(i)
	return t.k == kNum && t.digits == 4 && t.val >= 1000 && t.val <= 2199 && t.part == partNone
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

func (f *Finder) matchISO(j int, _ keyword) (cand, bool) {
	t := f.t(j)
	if t.k != kISO || t.val2 < 1 || t.val2 > 12 || t.v3 < 1 || t.v3 > daysIn(t.val, t.val2) {
		return cand{}, false
	}
	d := ymd(t.val, t.val2, t.v3)
	return cand{first: j, last: j, gran: Day, from: d, to: d}, true
}

// matchDeictic matches today, tonight, yesterday, tomorrow (with a part of
// the day) and "the day before yesterday".
func (f *Finder) matchDeictic(j int, _ keyword) (cand, bool) {
	t := f.t(j)
	if f.isKw(j, kwThe) && f.isKw(j+1, kwDay) && f.t(j+1).unit == uDay {
		if f.isKw(j+2, kwBefore) && f.isKw(j+3, kwYesterday) {
			d := f.day.AddDate(0, 0, -2)
			return cand{first: j, last: j + 3, gran: Day, from: d, to: d}, true
		}
		if f.isKw(j+2, kwAfter) && f.isKw(j+3, kwTomorrow) {
			d := f.day.AddDate(0, 0, 2)
			return cand{first: j, last: j + 3, gran: Day, from: d, to: d}, true
		}
	}
	if f.isKw(j, kwThe) && f.isKw(j+1, kwWeekend) {
		c := f.weekend(0, j, false)
		c.first, c.last = j, j+1
		return c, true
	}
	if t.k != kKeyword {
		return cand{}, false
	}
	off := 0
	switch t.kw {
	case kwToday, kwTonight:
	case kwYesterday:
		off = -1
	case kwTomorrow:
		off = 1
	default:
		return cand{}, false
	}
	last := j
	if t.kw != kwTonight && f.isKw(j+1, kwPartOfDay) {
		last++
	}
	d := f.day.AddDate(0, 0, off)
	return cand{first: j, last: last, gran: Day, from: d, to: d}, true
}

// number matches a count at j: digits, number words ("thirty", "twenty
// five"), "a"/"an"; approximators before it ("nearly", "more than", "at
// least", "over") set approx.
func (f *Finder) number(j int) (val, next int, approx, ok bool) {
	for {
		t := f.t(j)
		if t.k != kKeyword {
			break
		}
		switch {
		case t.kw == kwApprox || t.kw == kwOver:
			approx = true
			j++
			if f.isKw(j, kwTo) && f.isKw(j-1, kwApprox) { // "close to"
				j++
			}
			continue
		case t.kw == kwMore && f.isKw(j+1, kwThan):
			approx = true
			j += 2
			continue
		case t.kw == kwAt && f.isKw(j+1, kwLeast):
			approx = true
			j += 2
			continue
		}
		break
	}
	t := f.t(j)
	switch {
	case t.k == kNum && t.part == partNone && (t.digits == 0 || t.digits <= 3):
		v := t.val
		n := f.t(j + 1)
		if t.digits == 0 && t.val >= 20 && t.val%10 == 0 && n.k == kNum && n.digits == 0 && n.val > 0 && n.val < 10 {
			return v + n.val, j + 2, approx, true
		}
		return v, j + 1, approx, true
	case t.k == kKeyword && t.kw == kwA:
		return 1, j + 1, approx, true
	}
	return 0, j, approx, false
}

// shift moves d by n units.
func shift(d time.Time, u unit, n int) time.Time {
	switch u {
	case uHour:
		return d.AddDate(0, 0, n/24)
	case uDay:
		return d.AddDate(0, 0, n)
	case uWeek:
		return d.AddDate(0, 0, 7*n)
	case uMonth:
		return d.AddDate(0, n, 0)
	case uYear:
		return d.AddDate(n, 0, 0)
	case uDecade:
		return d.AddDate(10*n, 0, 0)
	case uCentury:
		return d.AddDate(100*n, 0, 0)
	}
	return d
}

// calendarUnit returns the calendar week, month, year, decade or century
// containing d.
func calendarUnit(d time.Time, u unit) cand {
	y, m := d.Year(), int(d.Month())
	switch u {
	case uHour, uDay:
		return cand{gran: Day, from: d, to: d}
	case uWeek:
		s := weekStart(d)
		return cand{gran: Week, from: s, to: s.AddDate(0, 0, 6)}
	case uMonth:
		return cand{gran: Month, from: ymd(y, m, 1), to: monthEnd(y, m)}
	case uYear:
		return cand{gran: Year, from: ymd(y, 1, 1), to: ymd(y, 12, 31)}
	case uDecade:
		y0 := y - y%10
		return cand{gran: Decade, from: ymd(y0, 1, 1), to: ymd(y0+9, 12, 31)}
	case uCentury:
		c := (y-1)/100 + 1
		return centuryCand(c)
	}
	return cand{}
}

// centuryCand returns the nth century: the 19th is 1801-1900.
func centuryCand(n int) cand {
	return cand{gran: Century, from: ymd((n-1)*100+1, 1, 1), to: ymd(n*100, 12, 31)}
}

// matchAgo matches "two days ago", "a year ago", "nearly 30 years ago".
func (f *Finder) matchAgo(j int, _ keyword) (cand, bool) {
	n, k, approx, ok := f.number(j)
	if !ok || n <= 0 || n > 5000 {
		return cand{}, false
	}
	u := f.t(k)
	if u.k != kKeyword || u.unit == uNone || !f.isKw(k+1, kwAgo) {
		return cand{}, false
	}
	var c cand
	if u.unit == uDecade || u.unit == uCentury {
		// "a decade ago" is about a year, not a calendar decade.
		c = calendarUnit(shift(f.day, u.unit, -n), uYear)
		approx = true
	} else {
		c = calendarUnit(shift(f.day, u.unit, -n), u.unit)
	}
	c.first, c.last, c.approx = j, k+1, approx
	return c, true
}

// matchDuration matches a span of time measured from the article date: "for
// nearly 30 years" (needs a preposition), "the past two weeks", "the last
// 30 days", "the coming months" is not resolvable and is left out.
func (f *Finder) matchDuration(j int, prep keyword) (cand, bool) {
	k := j
	the := f.isKw(k, kwThe)
	if the {
		k++
	}
	dir := 0
	if t := f.t(k); t.k == kKeyword {
		switch t.kw {
		case kwPast, kwLast, kwPrevious:
			dir = -1
		case kwNext, kwComing:
			dir = 1
		}
	}
	if dir != 0 {
		k++
		// "the past week", "the last year": one unit, but only with "the"
		// ("last week" is the calendar week before).
		// "The next day", "the previous day" count from the story's last
		// date, not the article's: left out.
		if u := f.t(k); the && u.k == kKeyword && u.unit != uNone && u.unit != uCentury && u.unit != uDay && !isPluralUnit(f.s.Words[k].Form) {
			return f.durationCand(j, k, 1, u.unit, dir, false), true
		}
		n, k2, approx, ok := f.number(k)
		if !ok || n <= 0 || n > 5000 {
			return cand{}, false
		}
		u := f.t(k2)
		if u.k != kKeyword || u.unit == uNone || f.isKw(k2+1, kwAgo) {
			return cand{}, false
		}
		return f.durationCand(j, k2, n, u.unit, dir, approx), true
	}
	if the {
		return cand{}, false
	}
	switch prep {
	case kwFor, kwOver, kwWithin, kwThroughout, kwDuring, kwIn:
	default:
		return cand{}, false
	}
	n, k2, approx, ok := f.number(j)
	if !ok || n <= 0 || n > 5000 {
		return cand{}, false
	}
	u := f.t(k2)
	if u.k != kKeyword || u.unit == uNone || f.isKw(k2+1, kwAgo) {
		return cand{}, false
	}
	future := f.direction(j, k2) == dirFuture
	if prep == kwIn {
		// "will meet in two weeks" is a time after the article date;
		// "the worst in 30 years", "in more than a decade" a span before it.
		// After "first", "record", "only" or a superlative it is a span
		// before the article date whatever the tense: "will exchange
		// ambassadors for the first time in 23 years" is not 23 years on.
		if f.spanCue(j, false) {
			return f.durationCand(j, k2, n, u.unit, -1, approx), true
		}
		if future {
			if f.is(j, "a") && (f.is(k2+1, "or") || f.is(k2+1, "and")) {
				return cand{}, false // "in a day or two"
			}
			c := calendarUnit(shift(f.day, u.unit, n), u.unit)
			if u.unit == uDecade || u.unit == uCentury {
				c = calendarUnit(shift(f.day, u.unit, n), uYear)
			}
			c.first, c.last, c.approx = j, k2, approx
			return c, true
		}
		// A past "in N units" is usually how long something took ("tamed
		// them in 4 days"); it spans up to the article date only after a
		// superlative or a negation ("the worst in 30 years", "first ...",
		// "has not rained in ten years").
		if !f.spanCue(j, true) {
			return cand{}, false
		}
		return f.durationCand(j, k2, n, u.unit, -1, approx), true
	}
	dir = -1
	if future {
		dir = 1
	}
	return f.durationCand(j, k2, n, u.unit, dir, approx), true
}

func (f *Finder) durationCand(first, last, n int, u unit, dir int, approx bool) cand {
	if u == uHour { // "the past 24 hours": whole days
		n, u = (n+23)/24, uDay
	}
	c := cand{first: first, last: last, gran: Duration, approx: approx}
	if dir < 0 {
		c.from, c.to = shift(f.day, u, -n), f.day
	} else {
		c.from, c.to = f.day, shift(f.day, u, n)
	}
	return c
}

// spanCue reports whether one of the eight words before j is a
// superlative, "first", "record", "only" or (with negation) a negation,
// which make a following "in 30 years" a span reaching the article date.
func (f *Finder) spanCue(j int, negation bool) bool {
	for i := j - 1; i >= 0 && i >= j-8; i-- {
		w := f.s.Words[i].Form
		switch strings.ToLower(w) {
		case "first", "worst", "best", "most", "least", "record", "only":
			return true
		case "not", "n't", "never", "no":
			if negation {
				return true
			}
		}
		if xp := f.s.Words[i].XPOS; xp == "JJS" || xp == "RBS" {
			return true
		}
		if len(w) > 5 && strings.HasSuffix(w, "est") && (negation || !notSuperlative(w)) {
			return true
		}
	}
	return false
}

// notSuperlative reports whether w, ending in "est", is a common word that
// is not a superlative ("will protest in two weeks" is a future time).
func notSuperlative(w string) bool {
	switch strings.ToLower(w) {
	case "protest", "protests", "arrest", "arrests", "request", "requests", "interest", "harvest", "invest",
		"contest", "suggest", "digest", "forest", "conquest", "manifest", "modest", "honest", "earnest", "northwest",
		"southwest", "midwest", "bequest", "inquest", "behest", "unrest":
		return true
	}
	return false
}

// partOf narrows an interval to its early, middle or late third.
func partOf(c cand, p part) cand {
	if p == partNone {
		return c
	}
	switch c.gran {
	case Month:
		y, m := c.from.Year(), int(c.from.Month())
		switch p {
		case partEarly:
			c.to = ymd(y, m, 10)
		case partMid:
			c.from, c.to = ymd(y, m, 11), ymd(y, m, 20)
		case partLate:
			c.from = ymd(y, m, 21)
		}
	case Year:
		y := c.from.Year()
		switch p {
		case partEarly:
			c.to = ymd(y, 4, 30)
		case partMid:
			c.from, c.to = ymd(y, 5, 1), ymd(y, 8, 31)
		case partLate:
			c.from = ymd(y, 9, 1)
		}
	case Decade:
		y := c.from.Year()
		switch p {
		case partEarly:
			c.to = ymd(y+3, 12, 31)
		case partMid:
			c.from, c.to = ymd(y+4, 1, 1), ymd(y+6, 12, 31)
		case partLate:
			c.from = ymd(y+7, 1, 1)
		}
	case Century:
		y := c.from.Year()
		switch p {
		case partEarly:
			c.to = ymd(y+32, 12, 31)
		case partMid:
			c.from, c.to = ymd(y+33, 1, 1), ymd(y+65, 12, 31)
		case partLate:
			c.from = ymd(y+66, 1, 1)
		}
	}
	return c
}

// matchPart matches "early/mid/late X", "the end/beginning/middle of X",
// "earlier/later this X" where X is a month, year, decade, century or a
// relative unit ("late last year").
func (f *Finder) matchPart(j int, _ keyword) (cand, bool) {
	k := j
	p := partNone
	if f.isKw(k, kwThe) && f.t(k+1).k == kKeyword && (f.t(k+1).kw == kwEarly || f.t(k+1).kw == kwMid || f.t(k+1).kw == kwLate) {
		k++ // "the early 1990s"
	}
	t := f.t(k)
	switch {
	case t.k == kKeyword && (t.kw == kwEarly || t.kw == kwMid || t.kw == kwLate):
		p = partEarly
		if t.kw == kwMid {
			p = partMid
		} else if t.kw == kwLate {
			p = partLate
		}
		k++
		if f.t(k).k == kDash { // "mid - November"
			k++
		}
	case t.k == kKeyword && t.kw == kwThe && f.t(k+1).k == kKeyword && f.isKw(k+2, kwOf):
		switch f.t(k + 1).kw {
		case kwEnd:
			p = partLate
		case kwBeginning:
			p = partEarly
		case kwMiddle:
			p = partMid
		default:
			return cand{}, false
		}
		k += 3
		// "the end of the year" → this year.
		if u := f.t(k + 1); f.isKw(k, kwThe) && u.k == kKeyword && u.unit >= uWeek && u.unit <= uYear && !isPluralUnit(f.s.Words[k+1].Form) {
			c := calendarUnit(f.day, u.unit)
			c.first, c.last = j, k+1
			return partOf(c, p), true
		}
	case t.k == kKeyword && (t.kw == kwEarlier || t.kw == kwLater):
		// "earlier this month", "later this year".
		if !f.isKw(k+1, kwThis) {
			return cand{}, false
		}
		u := f.t(k + 2)
		if u.k != kKeyword || u.unit < uWeek || u.unit > uYear {
			return cand{}, false
		}
		c := calendarUnit(f.day, u.unit)
		c.first, c.last, c.gran = j, k+2, Range
		if t.kw == kwEarlier {
			c.to = f.day
		} else {
			c.from = f.day
		}
		return c, true
	default:
		return cand{}, false
	}
	var c cand
	var ok bool
	for _, try := range []func(*Finder, int, keyword) (cand, bool){(*Finder).matchRelative, (*Finder).matchMonthDate, (*Finder).matchYear, (*Finder).matchDecade, (*Finder).matchCentury} {
		if c, ok = try(f, k, kwIn); ok {
			break
		}
	}
	if !ok || c.gran == Day || c.gran == Week || c.gran == Range || c.gran == Duration {
		return cand{}, false
	}
	c.first = j
	return partOf(c, p), true
}

func isPluralUnit(form string) bool {
	return strings.HasSuffix(form, "s") || strings.HasSuffix(form, "S")
}

// matchRelative matches "last/this/next/past/coming X" where X is a unit
// (week, month, year, decade, century, weekend), a part of the day ("last
// night"), a weekday, a month or a season.
func (f *Finder) matchRelative(j int, _ keyword) (cand, bool) {
	t := f.t(j)
	if t.k != kKeyword {
		return cand{}, false
	}
	rel := 0
	switch t.kw {
	case kwLast, kwPast, kwPrevious:
		rel = -1
	case kwThis:
		rel = 0
	case kwNext, kwComing:
		rel = 1
	default:
		return cand{}, false
	}
	x := f.t(j + 1)
	var c cand
	switch {
	case x.k == kKeyword && x.kw == kwPartOfDay:
		if rel > 0 {
			return cand{}, false
		}
		d := f.day
		if rel < 0 {
			d = d.AddDate(0, 0, -1)
		}
		c = cand{gran: Day, from: d, to: d}
	case x.k == kKeyword && x.kw == kwWeekend:
		c = f.weekend(rel, j, true)
	case x.k == kKeyword && x.unit >= uWeek && !isPluralUnit(f.s.Words[j+1].Form):
		c = calendarUnit(shift(f.day, x.unit, rel), x.unit)
	case x.k == kWeekday && x.part == partNone:
		d := f.weekday(x.val, rel, j)
		c = cand{gran: Day, from: d, to: d}
	case x.k == kMonth && x.part == partNone && x.cap && !x.verb:
		y := f.monthYear(x.val, rel, j)
		c = cand{gran: Month, from: ymd(y, x.val, 1), to: monthEnd(y, x.val)}
	case x.k == kKeyword && x.kw == kwSeason:
		c = f.season(x.val, rel, j)
	default:
		return cand{}, false
	}
	if t.kw == kwPast && c.gran != Week && c.gran != Month && c.gran != Year {
		return cand{}, false
	}
	c.first, c.last = j, j+1
	if c.gran == Day && f.isKw(j+2, kwPartOfDay) {
		c.last++
	}
	return c, true
}

// weekend returns a Saturday-Sunday weekend: rel -1 the latest one that
// ended before the article date, 1 the next one starting after it, 0 the
// current one on a weekend and otherwise the next or last one by tense,
// the next when the tense is unknown and future is set ("this weekend"),
// the last otherwise ("over the weekend").
func (f *Finder) weekend(rel, at int, future bool) cand {
	if rel == 0 {
		switch wd := f.day.Weekday(); {
		case wd == time.Saturday || wd == time.Sunday:
		default:
			switch f.direction(at, at+1) {
			case dirFuture:
				rel = 1
			case dirPast:
				rel = -1
			default:
				rel = -1
				if future {
					rel = 1
				}
			}
		}
	}
	var sat time.Time
	switch rel {
	case -1:
		sun := f.day.AddDate(0, 0, -1)
		for sun.Weekday() != time.Sunday {
			sun = sun.AddDate(0, 0, -1)
		}
		sat = sun.AddDate(0, 0, -1)
	case 1:
		sat = f.day.AddDate(0, 0, 1)
		for sat.Weekday() != time.Saturday {
			sat = sat.AddDate(0, 0, 1)
		}
	default:
		sat = f.day
		if sat.Weekday() == time.Sunday {
			sat = sat.AddDate(0, 0, -1)
		}
	}
	return cand{gran: Week, from: sat, to: sat.AddDate(0, 0, 1)}
}

// weekday resolves a weekday: rel -1 "last Saturday" (strictly before the
// article date), 1 "next Saturday" (strictly after), 0 a bare or "this"
// weekday, on or before the article date in a past or unmarked clause and on
// or after it in a future one.
func (f *Finder) weekday(wd, rel, at int) time.Time {
	d := f.day
	step := -1
	strict := rel != 0
	if rel > 0 || (rel == 0 && f.direction(at, at+1) == dirFuture) {
		step = 1
	}
	if strict {
		d = d.AddDate(0, 0, step)
	}
	for int(d.Weekday()) != wd {
		d = d.AddDate(0, 0, step)
	}
	return d
}

// monthYear chooses the year of a month named without one: rel -1 "last
// November" (the latest November before the article's month), 1 "next
// March", 0 "this March" (the article's year); a bare month (rel 2) is the
// latest on or before the article's month in a past clause, the next on or
// after it in a future clause, and the nearest otherwise.
func (f *Finder) monthYear(m, rel, at int) int {
	y, am := f.day.Year(), int(f.day.Month())
	switch rel {
	case -1:
		if m >= am {
			return y - 1
		}
		return y
	case 1:
		if m <= am {
			return y + 1
		}
		return y
	case 0:
		return y
	}
	switch f.direction(at, at) {
	case dirPast:
		if m > am {
			return y - 1
		}
		return y
	case dirFuture:
		if m < am {
			return y + 1
		}
		return y
	}
	// Nearest; a tie goes to the past.
	back := (am - m + 12) % 12
	fwd := (m - am + 12) % 12
	if back <= fwd {
		if m > am {
			return y - 1
		}
		return y
	}
	if m < am {
		return y + 1
	}
	return y
}

// season resolves "last/this/next summer" (rel -1, 0, 1) or a bare season
// (rel 2): the latest or next whole season by tense.
func (f *Finder) season(start, rel, at int) cand {
	y := f.day.Year()
	mk := func(y int) cand {
		from := ymd(y, start, 1)
		return cand{gran: Season, from: from, to: from.AddDate(0, 3, -1)}
	}
	// The season containing or starting nearest to the article date.
	cur := mk(y)
	if start == 12 && f.day.Month() <= 2 {
		cur = mk(y - 1)
	}
	switch rel {
	case -1:
		if !cur.to.Before(f.day) {
			return mk(cur.from.Year() - 1)
		}
		return cur
	case 1:
		if !cur.from.After(f.day) {
			return mk(cur.from.Year() + 1)
		}
		return cur
	}
	return cur
}

// matchWeekday matches a weekday with an optional part of the day and an
// optional explicit date after it ("Saturday, November 12").
func (f *Finder) matchWeekday(j int, _ keyword) (cand, bool) {
	t := f.t(j)
	if t.k != kWeekday || t.part != partNone || !t.cap {
		return cand{}, false
	}
	// "a Friday prayer", "the Saturday before Easter", "every Monday" are
	// not the weekday next to the article date.
	if p := f.t(j - 1); p.k == kKeyword && (p.kw == kwA || p.kw == kwThe) || f.is(j-1, "every") || f.is(j-1, "each") || f.is(j-1, "any") {
		return cand{}, false
	}
	k := j + 1
	if f.t(k).k == kComma {
		k++
	}
	if c, ok := f.matchMonthDate(k, kwOn); ok && c.gran == Day {
		c.first = j
		return c, true
	}
	if c, ok := f.matchDayMonth(k, kwOn); ok && c.gran == Day {
		c.first = j
		return c, true
	}
	d := f.weekday(t.val, 0, j)
	c := cand{first: j, last: j, gran: Day, from: d, to: d}
	if f.isKw(j+1, kwPartOfDay) {
		c.last++
	}
	return c, true
}

// monthContext reports whether the words before j make a bare month name a
// date: a preposition or modifier such as "in", "since", "last", "early".
func (f *Finder) monthContext(j int, prep keyword) bool {
	if prep != kwNone {
		return true
	}
	t := f.t(j - 1)
	if t.k != kKeyword {
		return false
	}
	switch t.kw {
	case kwIn, kwOn, kwSince, kwDuring, kwFrom, kwTo, kwBetween, kwBy, kwBefore, kwAfter, kwOf, kwThroughout,
		kwEarly, kwMid, kwLate, kwAnd:
		return true
	}
	return false
}

// dayNum returns the day-of-month value of word i ("15", "15th").
func (f *Finder) dayNum(i int) (int, bool) {
	t := f.t(i)
	if (t.k == kNum && t.digits > 0 && t.digits <= 2) || t.k == kOrd {
		if t.part == partNone && t.val >= 1 && t.val <= 31 {
			return t.val, true
		}
	}
	return 0, false
}

// matchMonthDate matches "November 15, 2022", "Nov. 15", "November 15-17",
// "November 2022", "November of 2022" and, in context, a bare month.
func (f *Finder) matchMonthDate(j int, prep keyword) (cand, bool) {
	t := f.t(j)
	if t.k != kMonth || t.verb {
		return cand{}, false
	}
	m := t.val
	k := j + 1
	if f.t(k).k == kPeriod { // "Nov ." tokenized apart
		k++
	}
	if d, ok := f.dayNum(k); ok && t.part == partNone {
		last := k
		d2 := d
		// "November 15-17", "November 15 to 17"
		if f.t(k+1).k == kDash || f.isKw(k+1, kwTo) {
			if e, ok := f.dayNum(k + 2); ok && e > d {
				d2, last = e, k+2
			}
		}
		y := 0
		n := last + 1
		if f.t(n).k == kComma {
			n++
		}
		if f.isYear(n) {
			y, last = f.t(n).val, n
		}
		if y == 0 {
			y = f.monthDayYear(m, d, j)
		}
		if d2 > daysIn(y, m) {
			return cand{}, false
		}
		c := cand{first: j, last: last, gran: Day, from: ymd(y, m, d), to: ymd(y, m, d2)}
		if d2 != d {
			c.gran = Range
		}
		return c, true
	}
	if nr := f.t(k); nr.k == kNumRange && nr.digits <= 2 && nr.val >= 1 && nr.val < nr.val2 && t.part == partNone {
		last := k
		y := 0
		n := k + 1
		if f.t(n).k == kComma {
			n++
		}
		if f.isYear(n) {
			y, last = f.t(n).val, n
		} else {
			y = f.monthDayYear(m, nr.val, j)
		}
		if nr.val2 > daysIn(y, m) {
			return cand{}, false
		}
		return cand{first: j, last: last, gran: Range, from: ymd(y, m, nr.val), to: ymd(y, m, nr.val2)}, true
	}
	n := k
	if f.t(n).k == kComma || f.isKw(n, kwOf) {
		n++
	}
	if f.isYear(n) {
		y := f.t(n).val
		c := cand{first: j, last: n, gran: Month, from: ymd(y, m, 1), to: monthEnd(y, m)}
		return partOf(c, t.part), true
	}
	// A bare month: capitalized, not a verb, and after a preposition or
	// modifier; "May" needs its context even more, so abbreviations and
	// hyphenated forms are not accepted bare.
	if !t.cap && t.part == partNone {
		return cand{}, false
	}
	if t.part == partNone && !f.monthContext(j, prep) {
		return cand{}, false
	}
	form := f.s.Words[j].Form
	if t.part == partNone && len(form) <= 4 && m != 5 && m != 6 && m != 7 {
		return cand{}, false // "Mar", "Jan." alone
	}
	y := f.monthYear(m, 2, j)
	c := cand{first: j, last: j, gran: Month, from: ymd(y, m, 1), to: monthEnd(y, m)}
	return partOf(c, t.part), true
}

// monthDayYear chooses the year of a month and day given without one: the
// latest on or before the article date in a past clause, the next on or
// after it in a future clause, the nearest otherwise.
func (f *Finder) monthDayYear(m, d, at int) int {
	y := f.day.Year()
	dir := f.direction(at, at)
	best, bestDist := y, -1
	for _, cy := range [3]int{y - 1, y, y + 1} {
		if d > daysIn(cy, m) {
			continue
		}
		c := ymd(cy, m, d)
		diff := int(c.Sub(f.day).Hours() / 24)
		if dir == dirPast && diff > 0 || dir == dirFuture && diff < 0 {
			continue
		}
		if diff < 0 {
			diff = -diff
		}
		if bestDist < 0 || diff < bestDist {
			best, bestDist = cy, diff
		}
	}
	return best
}

// matchDayMonth matches "15 November 2022", "15th November", "the 15th of
// November, 2022".
func (f *Finder) matchDayMonth(j int, _ keyword) (cand, bool) {
	k := j
	if f.isKw(k, kwThe) {
		k++
	}
	d, ok := f.dayNum(k)
	if !ok {
		return cand{}, false
	}
	d2 := d
	n := k + 1
	if f.t(n).k == kDash || f.isKw(n, kwTo) {
		if e, ok := f.dayNum(n + 1); ok && e > d {
			d2, n = e, n+2
		}
	}
	if f.isKw(n, kwOf) {
		n++
	}
	mt := f.t(n)
	if mt.k != kMonth || mt.part != partNone || mt.verb || !mt.cap {
		return cand{}, false
	}
	m := mt.val
	last := n
	y := 0
	p := n + 1
	if f.t(p).k == kComma {
		p++
	}
	if f.isYear(p) {
		y, last = f.t(p).val, p
	} else {
		y = f.monthDayYear(m, d, j)
	}
	if d2 > daysIn(y, m) {
		return cand{}, false
	}
	c := cand{first: j, last: last, gran: Day, from: ymd(y, m, d), to: ymd(y, m, d2)}
	if d2 != d {
		c.gran = Range
	}
	return c, true
}

// yearContext reports whether the words before j make a four-digit number a
// year.
func (f *Finder) yearContext(j int, prep keyword) bool {
	if prep != kwNone && prep != kwOver && prep != kwWithin && prep != kwFor {
		return true
	}
	t := f.t(j - 1)
	if t.k == kKeyword {
		switch t.kw {
		case kwIn, kwSince, kwBy, kwDuring, kwFrom, kwBetween, kwBefore, kwAfter, kwThroughout, kwTo,
			kwEarly, kwMid, kwLate, kwYear, kwSeason, kwApprox:
			return true
		case kwOf:
			// "the war of 1812", not "a high of 1051".
			return f.t(j).val >= 1500
		case kwThe:
			return true
		case kwAnd:
			return f.isYear(j-2) || f.t(j-2).k == kNumRange
		}
	}
	if t.k == kDash {
		return f.isYear(j - 2)
	}
	return false
}

// matchYear matches "1993", "the year 1993", "the years 1830-1962", "1830 -
// 1962", "1990-95", "between 1990 and 1995", in a year context.
func (f *Finder) matchYear(j int, prep keyword) (cand, bool) {
	k := j
	yearWord := false
	if f.isKw(k, kwThe) && f.isKw(k+1, kwYear) {
		k += 2
		yearWord = true
	}
	t := f.t(k)
	if t.k == kNumRange && t.digits == 4 {
		if t.val < 1000 || t.val > 2199 || t.val2 < t.val || t.val2 > 2199 || t.part != partNone {
			return cand{}, false
		}
		// A bare "1830-1962" reads as years wherever it stands, unless a
		// unit follows ("1830-1962 km").
		if u := f.t(k + 1); u.k == kKeyword && u.unit != uNone {
			return cand{}, false
		}
		return cand{first: j, last: k, gran: Range, from: ymd(t.val, 1, 1), to: ymd(t.val2, 12, 31)}, true
	}
	if t.k != kNum || t.digits != 4 || t.val < 1000 || t.val > 2199 {
		return cand{}, false
	}
	// A bare "1946 - 1954" reads as years without context.
	bareRange := f.t(k+1).k == kDash && f.isYear(k+2) && f.t(k+2).val > t.val
	if t.part == partNone && !yearWord && !bareRange && !f.yearContext(k, prep) {
		return cand{}, false
	}
	if !yearWord && f.isKw(k-1, kwThe) && t.part == partNone {
		// "the 2022 elections" — but not "the 1500 troops".
		if t.val < 1900 || f.isKw(k+1, kwYear) {
			return cand{}, false
		}
	}
	// A following unit makes it a count: "1993 days", "in 2000 years".
	if u := f.t(k + 1); u.k == kKeyword && u.unit != uNone {
		return cand{}, false
	}
	c := cand{first: j, last: k, gran: Year, from: ymd(t.val, 1, 1), to: ymd(t.val, 12, 31)}
	if t.part != partNone {
		return partOf(c, t.part), true
	}
	// "1830 - 1962", "1830 to 1962", "1990 and 1995" after "between".
	sep := f.t(k + 1)
	if sep.k == kDash || (sep.k == kKeyword && (sep.kw == kwTo || sep.kw == kwAnd && prep == kwBetween)) {
		if e := f.t(k + 2); f.isYear(k+2) && e.val >= t.val {
			c.last, c.gran, c.to = k+2, Range, ymd(e.val, 12, 31)
		} else if e.k == kNum && e.digits == 2 && sep.k == kDash {
			y2 := t.val - t.val%100 + e.val
			if y2 > t.val {
				c.last, c.gran, c.to = k+2, Range, ymd(y2, 12, 31)
			}
		}
	}
	return c, true
}

// matchDecade matches "the 1990s", "the '90s", "the early 1990s", "the
// 1800s" (a century).
func (f *Finder) matchDecade(j int, _ keyword) (cand, bool) {
	k := j
	if f.isKw(k, kwThe) {
		k++
	}
	t := f.t(k)
	if t.k != kDecade {
		return cand{}, false
	}
	var c cand
	if t.val%100 == 0 && t.digits == 4 {
		c = cand{gran: Century, from: ymd(t.val, 1, 1), to: ymd(t.val+99, 12, 31)}
	} else {
		c = cand{gran: Decade, from: ymd(t.val, 1, 1), to: ymd(t.val+9, 12, 31)}
	}
	c.first, c.last = j, k
	return partOf(c, t.part), true
}

// matchCentury matches "the 19th century", "the nineteenth century", "the
// mid-20th century".
func (f *Finder) matchCentury(j int, _ keyword) (cand, bool) {
	k := j
	if f.isKw(k, kwThe) {
		k++
	}
	t := f.t(k)
	if t.k != kOrd || t.val < 1 || t.val > 30 || !f.isKw(k+1, kwCentury) || isPluralUnit(f.s.Words[k+1].Form) {
		return cand{}, false
	}
	c := centuryCand(t.val)
	c.first, c.last = j, k+1
	return partOf(c, t.part), true
}

// matchSeason matches "the summer of 2022", "spring 2023", "the winter".
func (f *Finder) matchSeason(j int, prep keyword) (cand, bool) {
	k := j
	if f.isKw(k, kwThe) {
		k++
	}
	t := f.t(k)
	if t.k != kKeyword || t.kw != kwSeason {
		return cand{}, false
	}
	n := k + 1
	if f.isKw(n, kwOf) {
		n++
	}
	if !f.isYear(n) {
		// "in the spring": the latest (past) or next (future) one.
		if k == j || prep == kwNone {
			return cand{}, false
		}
		c := f.season(t.val, 0, j)
		switch f.direction(j, k) {
		case dirFuture:
			if c.to.Before(f.day) {
				c = f.season(t.val, 1, j)
			}
		default:
			if c.from.After(f.day) {
				c = f.season(t.val, -1, j)
			}
		}
		c.first, c.last = j, k
		return c, true
	}
	from := ymd(f.t(n).val, t.val, 1)
	return cand{first: j, last: n, gran: Season, from: from, to: from.AddDate(0, 3, -1)}, true
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
