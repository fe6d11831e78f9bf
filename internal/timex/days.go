package timex

// Calendar arithmetic on whole UTC days: months, weeks, units, centuries,
// and the early, mid and late part of an interval.

import "time"

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
