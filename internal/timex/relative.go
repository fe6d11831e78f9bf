package timex

// Expressions resolved relative to the article date: today, two days ago,
// last November, on Saturday, this weekend, early next year.

import (
	"strings"
	"time"
)

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
	// "one year ago this month", "a year ago this week", "a year ago
	// today": the smaller unit, that far back
	if u.unit != uDecade && u.unit != uCentury {
		if f.isKw(k+2, kwToday) {
			d := shift(f.day, u.unit, -n)
			c.last, c.gran, c.from, c.to = k+2, Day, d, d
		} else if v := f.t(k + 3); f.isKw(k+2, kwThis) && v.k == kKeyword && v.unit >= uWeek && v.unit < u.unit {
			back := calendarUnit(shift(f.day, u.unit, -n), v.unit)
			back.first, back.last, back.approx = j, k+3, approx
			c = back
		}
	}
	return c, true
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
