// Package dateparser reads absolute English dates. It stands in for
// github.com/markusmobius/go-dateparser in eventwire's build (see README.md):
// it keeps the API go-htmldate compiles against and does nothing at package
// init.
package dateparser

import (
	"errors"
	"fmt"
	"strings"
	"time"
)

// ParserType names a kind of date reading, as in go-dateparser. Only
// CustomFormat and AbsoluteTime are implemented; the others are accepted and
// read nothing.
type ParserType uint8

const (
	// Timestamp is a Unix timestamp (not read).
	Timestamp ParserType = iota
	// NegativeTimestamp is a negative Unix timestamp (not read).
	NegativeTimestamp
	// RelativeTime is "3 days ago" (not read).
	RelativeTime
	// CustomFormat reads the string with the formats given to Parse
	// (Go time layouts).
	CustomFormat
	// AbsoluteTime reads a written date: "2 March 2024",
	// "Saturday, March 2nd, 2024 10:15 pm", "2024-03-02", "03/02/2024".
	AbsoluteTime
	// NoSpacesTime is "20240302" (not read).
	NoSpacesTime
)

// PreferredDateSource says how a date without a year is completed when
// parsing is not strict.
type PreferredDateSource uint8

const (
	// CurrentPeriod completes with the current year.
	CurrentPeriod PreferredDateSource = iota
	// Past completes with the latest year that puts the date not after now.
	Past
	// Future completes with the earliest year that puts the date not before now.
	Future
)

// Configuration configures Parse. The zero value reads dates in UTC,
// completing a missing year with the current one.
type Configuration struct {
	// CurrentTime is "now" for completing dates; zero means time.Now().
	CurrentTime time.Time
	// Location is the time zone of the dates read; nil means UTC.
	Location *time.Location
	// PreferredDateSource completes a date without a year.
	PreferredDateSource PreferredDateSource
	// StrictParsing requires a day, a month and a year.
	StrictParsing bool
}

// Parser reads dates with its ParserTypes, tried in order; all of the
// implemented ones when empty.
type Parser struct {
	ParserTypes []ParserType
}

// Date is a date read by Parse.
type Date struct {
	Time time.Time
}

// IsZero reports whether no date was read.
func (d Date) IsZero() bool { return d.Time.IsZero() }

// ErrNoDate is returned (wrapped) when the string holds no date Parse reads.
var ErrNoDate = errors.New("no date")

// Parse reads the date written in str. formats are Go time layouts tried by
// CustomFormat. cfg may be nil.
func (p *Parser) Parse(cfg *Configuration, str string, formats ...string) (Date, error) {
	if cfg == nil {
		cfg = &Configuration{}
	}
	loc := cfg.Location
	if loc == nil {
		loc = time.UTC
	}
	s := strings.TrimSpace(str)
	types := p.ParserTypes
	if len(types) == 0 {
		types = []ParserType{CustomFormat, AbsoluteTime}
	}
	for _, t := range types {
		switch t {
		case CustomFormat:
			for _, f := range formats {
				// the zero instant (1 January of year 1, "0001-1-1") is
				// no date: a Date that IsZero means none was read
				if tm, err := time.ParseInLocation(f, s, loc); err == nil && !tm.IsZero() {
					return Date{Time: tm}, nil
				}
			}
		case AbsoluteTime:
			if tm, ok := absolute(s, cfg, loc); ok && !tm.IsZero() {
				return Date{Time: tm}, nil
			}
		}
	}
	return Date{}, fmt.Errorf("date %q: %w", str, ErrNoDate)
}

// isoLayouts are the machine forms read before the written ones.
var isoLayouts = [...]string{time.RFC3339, "2006-01-02T15:04:05", "2006-01-02T15:04", "2006-01-02 15:04:05", "2006-01-02 15:04"}

// absolute reads a written date and an optional time of day.
func absolute(s string, cfg *Configuration, loc *time.Location) (time.Time, bool) {
	for _, l := range isoLayouts {
		if tm, err := time.ParseInLocation(l, s, loc); err == nil {
			return tm, true
		}
	}
	toks := tokenize(strings.ToLower(s))
	var (
		year, month, day  int
		hour, min, sec    int
		haveTime, pm, am  bool
		bare              []int // numbers not yet placed
		bad               bool
		yearSet, daySet   bool
		monthSet, timeSet bool
	)
	// A numeric date: three numbers joined by the same separator.
	if len(toks) >= 3 && toks[0].num && toks[1].num && toks[2].num &&
		toks[0].sep != 0 && toks[0].sep == toks[1].sep && strings.ContainsRune("-/.", toks[0].sep) {
		a, b, c := toks[0].val, toks[1].val, toks[2].val
		switch {
		case toks[0].digits == 4:
			year, month, day = a, b, c
		case toks[2].digits == 4 || toks[2].digits == 2:
			year = c
			if toks[2].digits == 2 {
				year += 2000
				if year > time.Now().Year()+1 {
					year -= 100
				}
			}
			if a > 12 {
				day, month = a, b
			} else {
				month, day = a, b
			}
		default:
			return time.Time{}, false
		}
		yearSet, monthSet, daySet = true, true, true
		toks = toks[3:]
	}
	for i := 0; i < len(toks); i++ {
		t := toks[i]
		switch {
		case t.time:
			if timeSet {
				return time.Time{}, false
			}
			hour, min, sec, haveTime, timeSet = t.h, t.m, t.s, true, true
		case t.num && t.ordinal:
			if daySet {
				return time.Time{}, false
			}
			day, daySet = t.val, true
		case t.num && t.digits == 4:
			if yearSet {
				return time.Time{}, false
			}
			year, yearSet = t.val, true
		case t.num && t.digits <= 2:
			bare = append(bare, t.val)
		case t.num:
			return time.Time{}, false
		default:
			if m, ok := monthNames[strings.TrimSuffix(t.word, ".")]; ok {
				if monthSet {
					return time.Time{}, false
				}
				month, monthSet = m, true
				continue
			}
			if _, ok := weekdayNames[t.word]; ok {
				continue
			}
			switch t.word {
			case "pm", "p.m.", "p.m":
				pm = true
			case "am", "a.m.", "a.m":
				am = true
			case "on", "at", "of", "the", "utc", "gmt", "z":
			default:
				bad = true
			}
		}
	}
	if bad {
		return time.Time{}, false
	}
	for _, n := range bare {
		if !daySet {
			day, daySet = n, true
			continue
		}
		return time.Time{}, false
	}
	if !monthSet || (cfg.StrictParsing && (!daySet || !yearSet)) {
		return time.Time{}, false
	}
	if !daySet {
		day = 1
	}
	if haveTime {
		if pm || am {
			if hour < 1 || hour > 12 {
				return time.Time{}, false
			}
			hour %= 12
			if pm {
				hour += 12
			}
		}
		if hour > 23 || min > 59 || sec > 59 {
			return time.Time{}, false
		}
	} else if pm || am {
		return time.Time{}, false
	}
	now := cfg.CurrentTime
	if now.IsZero() {
		now = time.Now()
	}
	if !yearSet {
		year = now.Year()
	}
	if month < 1 || month > 12 || day < 1 || day > daysIn(year, month) {
		return time.Time{}, false
	}
	tm := time.Date(year, time.Month(month), day, hour, min, sec, 0, loc)
	if !yearSet {
		switch {
		case cfg.PreferredDateSource == Past && tm.After(now):
			tm = tm.AddDate(-1, 0, 0)
		case cfg.PreferredDateSource == Future && tm.Before(now):
			tm = tm.AddDate(1, 0, 0)
		}
		if tm.Day() != day { // 29 February moved to a common year
			return time.Time{}, false
		}
	}
	return tm, true
}

func daysIn(year, month int) int {
	return time.Date(year, time.Month(month)+1, 0, 0, 0, 0, 0, time.UTC).Day()
}

// token is a word, a number or a time of day of a date string.
type token struct {
	word    string
	num     bool
	val     int
	digits  int
	ordinal bool // 2nd, 21st
	sep     rune // the separator right after a number, 0 for none or a space
	time    bool
	h, m, s int
}

// tokenize splits a lower-case string into tokens; commas and spaces only
// separate them.
func tokenize(s string) []token {
	var toks []token
	r := []rune(s)
	for i := 0; i < len(r); {
		c := r[i]
		switch {
		case c >= '0' && c <= '9':
			j := i
			for j < len(r) && r[j] >= '0' && r[j] <= '9' {
				j++
			}
			if j-i > 9 {
				return []token{{word: s}}
			}
			t := token{num: true, val: atoi(r[i:j]), digits: j - i}
			if j < len(r) && r[j] == ':' {
				if tt, n, ok := clock(r[i:]); ok {
					toks = append(toks, tt)
					i += n
					continue
				}
			}
			if j+1 < len(r) {
				switch string(r[j : j+2]) {
				case "st", "nd", "rd", "th":
					if j+2 == len(r) || !isLetter(r[j+2]) {
						t.ordinal = true
						j += 2
					}
				}
			}
			if j < len(r) && (r[j] == '-' || r[j] == '/' || r[j] == '.') {
				t.sep = r[j]
				j++
			}
			toks = append(toks, t)
			i = j
		case isLetter(c):
			j := i
			for j < len(r) && (isLetter(r[j]) || r[j] == '.') {
				j++
			}
			toks = append(toks, token{word: string(r[i:j])})
			i = j
		case c == ' ' || c == ',' || c == '\t' || c == '\n' || c == '\u00a0' || c == '-' || c == '/':
			i++
		default:
			return []token{{word: s}} // a character no date has
		}
	}
	return toks
}

// clock reads "10:15" or "10:15:30" at the start of r.
func clock(r []rune) (token, int, bool) {
	var parts []int
	i := 0
	for len(parts) < 3 {
		j := i
		for j < len(r) && r[j] >= '0' && r[j] <= '9' {
			j++
		}
		if j == i || j-i > 2 {
			return token{}, 0, false
		}
		parts = append(parts, atoi(r[i:j]))
		i = j
		if i < len(r) && r[i] == ':' && len(parts) < 3 {
			i++
			continue
		}
		break
	}
	if len(parts) < 2 {
		return token{}, 0, false
	}
	t := token{time: true, h: parts[0], m: parts[1]}
	if len(parts) == 3 {
		t.s = parts[2]
	}
	return t, i, true
}

func atoi(r []rune) int {
	n := 0
	for _, c := range r {
		n = n*10 + int(c-'0')
	}
	return n
}

func isLetter(c rune) bool { return c >= 'a' && c <= 'z' }

var monthNames = map[string]int{
	"january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3,
	"april": 4, "apr": 4, "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7,
	"august": 8, "aug": 8, "september": 9, "sep": 9, "sept": 9, "october": 10,
	"oct": 10, "november": 11, "nov": 11, "december": 12, "dec": 12,
}

var weekdayNames = map[string]struct{}{
	"monday": {}, "mon": {}, "mon.": {}, "tuesday": {}, "tue": {}, "tue.": {}, "tues": {},
	"wednesday": {}, "wed": {}, "wed.": {}, "thursday": {}, "thu": {}, "thu.": {}, "thurs": {},
	"friday": {}, "fri": {}, "fri.": {}, "saturday": {}, "sat": {}, "sat.": {},
	"sunday": {}, "sun": {}, "sun.": {},
}
