package timex

// Counts and spans of time measured from the article date ("for nearly 30
// years", "the past two weeks").

import "strings"

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
