package timex

// Dates named on the calendar: ISO dates, month and day, day and month,
// years, decades, centuries and seasons.

func (f *Finder) matchISO(j int, _ keyword) (cand, bool) {
	t := f.t(j)
	if t.k != kISO || t.val2 < 1 || t.val2 > 12 || t.v3 < 1 || t.v3 > daysIn(t.val, t.val2) {
		return cand{}, false
	}
	d := ymd(t.val, t.val2, t.v3)
	return cand{first: j, last: j, gran: Day, from: d, to: d}, true
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
