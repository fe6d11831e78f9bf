package petrarch

import (
	"io"
	"strings"

	"github.com/eventwire/eventwire/internal/dict"
)

// ReadActors reads a PETRARCH actor dictionary. An entry is a name line
// (words joined by '_' or spaces), optional '+' synonym lines, and codes in
// [...] on the name line or on the following (indented) lines. A code may be
// date-restricted: [CODE <DATE] before, [CODE >DATE] from, [CODE D1-D2]
// between (dates YYMMDD or YYYYMMDD).
func ReadActors(r io.Reader, name string) (*dict.Set, error) {
	content, err := readAll(r, name)
	if err != nil {
		return nil, err
	}
	return readActors(name, content, lines(content))
}

// readActors reads the lines ls of the file content.
func readActors(name string, content []byte, ls []line) (*dict.Set, error) {
	s := &dict.Set{}
	s.AddFile(name, content)
	var errs Errors
	// the entry being read; one variable for all (open says whether there
	// is one), not an allocation per actor
	var cur dict.Actor
	open := false
	flush := func() {
		if !open {
			return
		}
		if len(cur.Codes) == 0 {
			errs = append(errs, &Error{File: name, Line: cur.Origin.Line, Msg: "actor " + cur.Names[0].String() + " has no code"})
		} else {
			s.Actors = append(s.Actors, cur)
		}
		cur, open = dict.Actor{}, false
	}
	for _, l := range ls {
		t := l.text
		if t == "" {
			continue
		}
		switch {
		case t[0] == '+':
			if !open {
				errs = append(errs, &Error{File: name, Line: l.n, Msg: "synonym line before any actor"})
				continue
			}
			head, groups, rest, ok := brackets(t[1:])
			p := phrase(head)
			if !ok || strings.TrimSpace(rest) != "" {
				errs = append(errs, &Error{File: name, Line: l.n, Msg: "malformed code block in " + clip(t)})
				continue
			}
			if len(p) > 0 {
				cur.Names = append(cur.Names, p)
			}
			if !addCodes(&cur, groups, name, l.n, &errs) {
				continue
			}
		case t[0] == '[':
			if !open {
				errs = append(errs, &Error{File: name, Line: l.n, Msg: "code line before any actor"})
				continue
			}
			_, groups, rest, ok := brackets(t)
			if !ok || strings.TrimSpace(rest) != "" {
				errs = append(errs, &Error{File: name, Line: l.n, Msg: "malformed code block in " + clip(t)})
				continue
			}
			addCodes(&cur, groups, name, l.n, &errs)
		default:
			head, groups, rest, ok := brackets(t)
			if !ok {
				errs = append(errs, &Error{File: name, Line: l.n, Msg: "malformed code block in " + clip(t)})
				continue
			}
			if strings.TrimSpace(rest) != "" {
				// reported, but the entry is kept: its codes are readable
				errs = append(errs, &Error{File: name, Line: l.n, Msg: "text after the codes: " + clip(rest)})
			}
			p := phrase(head)
			if len(p) == 0 {
				errs = append(errs, &Error{File: name, Line: l.n, Msg: "actor line without a name"})
				continue
			}
			// A name line directly after codes ends the previous entry; a
			// name line right after a name line without codes is a synonym
			// (PETRARCH allows codes to follow several names).
			if open && len(cur.Codes) == 0 && !l.indented {
				cur.Names = append(cur.Names, p)
			} else {
				flush()
				cur, open = dict.Actor{Names: []dict.Phrase{p}, Origin: dict.Origin{File: name, Line: l.n}}, true
			}
			addCodes(&cur, groups, name, l.n, &errs)
		}
	}
	flush()
	return s, errs.Err()
}

// addCodes parses the [...] groups of an actor line. A code whose date
// PETRARCH reads leniently is kept and reported as a warning.
func addCodes(a *dict.Actor, groups []string, file string, n int, errs *Errors) bool {
	for _, g := range groups {
		c, msg, warn := actorCode(g)
		if msg != "" {
			*errs = append(*errs, &Error{File: file, Line: n, Msg: msg, Warning: warn})
			if !warn {
				return false
			}
		}
		c.Origin = dict.Origin{File: file, Line: n}
		a.Codes = append(a.Codes, c)
	}
	return true
}

// actorCode parses "ARN", "HOB < 950601", "HOBGOV 19950601 - 19990815",
// "HOBREB > 990816", "AFGELI 320101-331108". A date that is not YYMMDD or
// YYYYMMDD is read as PETRARCH reads it (PETRreader's date reading), with
// msg set and warn true: a date of seven characters or fewer is YYMMDD
// from its first six, a longer one YYYYMMDD from its first eight
// ("[GBRGOV >201005011]" is after 2010-05-01); a date with no '<', '>' or
// range makes the code the default one ("[MNEGOV 20121204]"). An error
// (msg set, warn false) drops the code: a bad code, an unreadable date, a
// range that ends before it starts.
func actorCode(g string) (c dict.ActorCode, msg string, warn bool) {
	if validCode(g) {
		// the usual block, a code alone ("USAGOV"): validCode admits no
		// space and no lower-case letter, so the fields below would be g
		// alone, upper-case, with no date
		return dict.ActorCode{Codes: splitCodes(g)}, "", false
	}
	f := strings.Fields(g)
	if len(f) == 0 {
		return dict.ActorCode{}, "empty code []", false
	}
	code := strings.ToUpper(f[0])
	if !validCode(code) {
		return dict.ActorCode{}, "bad actor code " + clip(f[0]), false
	}
	c = dict.ActorCode{Codes: splitCodes(code)}
	rest := strings.Join(f[1:], "")
	if rest == "" {
		return c, "", false
	}
	date := func(s string) (dict.Date, bool) {
		if d, ok := parseDate(s); ok {
			return d, true
		}
		d, ok := lenientDate(s)
		if ok {
			warn = true
		}
		return d, ok
	}
	switch {
	case rest[0] == '<':
		d, ok := date(rest[1:])
		if !ok {
			return c, "bad date in [" + clip(g) + "]", false
		}
		c.Range.To = d - 1 // YYYYMMDD integers: d-1 is "before d" even when it is not a calendar day
	case rest[0] == '>':
		d, ok := date(rest[1:])
		if !ok {
			return c, "bad date in [" + clip(g) + "]", false
		}
		c.Range.From = d
	default:
		i := strings.IndexByte(rest, '-')
		if i < 0 {
			if _, ok := date(rest); ok {
				return c, "date without '<', '>' or a range in [" + clip(g) + "]: read as the default code, as PETRARCH does", true
			}
			return c, "bad date range in [" + clip(g) + "]", false
		}
		d1, ok1 := date(rest[:i])
		d2, ok2 := date(rest[i+1:])
		if !ok1 || !ok2 {
			return c, "bad date range in [" + clip(g) + "]", false
		}
		if d2 < d1 {
			return c, "date range in [" + clip(g) + "] ends before it starts", false
		}
		c.Range = dict.DateRange{From: d1, To: d2}
	}
	if warn {
		return c, "date in [" + clip(g) + "] read as PETRARCH reads it (YYMMDD from the first six digits of a short date, YYYYMMDD from the first eight of a long one)", true
	}
	return c, "", false
}

// lenientDate reads a date string as PETRARCH does: up to seven characters
// are YYMMDD from the first six, more are YYYYMMDD from the first eight,
// the rest ignored (it must still start with digits).
func lenientDate(s string) (dict.Date, bool) {
	switch {
	case len(s) == 7:
		return parseDate(s[:6])
	case len(s) > 8:
		return parseDate(s[:8])
	}
	return 0, false
}

// splitCodes returns the codes of a code block. PETRARCH keeps a code as
// written, "FRO/BIL/SAM" and "+++" included, and so do we: it is one code.
func splitCodes(code string) []string { return []string{code} }

// validCode accepts CAMEO-like codes: letters, digits, '-', '+', '~', '.'.
func validCode(c string) bool {
	if c == "" {
		return false
	}
	for i := 0; i < len(c); i++ {
		b := c[i]
		if !(b >= 'A' && b <= 'Z' || b >= '0' && b <= '9' || b == '-' || b == '+' || b == '~' || b == '.' || b == '_' || b == ':' || b == '/') {
			return false
		}
	}
	return true
}

func clip(s string) string {
	if len(s) > 60 {
		return s[:60] + "..."
	}
	return s
}
