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
	s := &dict.Set{}
	s.AddFile(name, content)
	var errs Errors
	var cur *dict.Actor
	flush := func() {
		if cur == nil {
			return
		}
		if len(cur.Codes) == 0 {
			errs = append(errs, &Error{File: name, Line: cur.Origin.Line, Msg: "actor " + cur.Names[0].String() + " has no code"})
		} else {
			s.Actors = append(s.Actors, *cur)
		}
		cur = nil
	}
	for _, l := range lines(content) {
		t := l.text
		if t == "" {
			continue
		}
		switch {
		case t[0] == '+':
			if cur == nil {
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
			if !addCodes(cur, groups, name, l.n, &errs) {
				continue
			}
		case t[0] == '[':
			if cur == nil {
				errs = append(errs, &Error{File: name, Line: l.n, Msg: "code line before any actor"})
				continue
			}
			_, groups, rest, ok := brackets(t)
			if !ok || strings.TrimSpace(rest) != "" {
				errs = append(errs, &Error{File: name, Line: l.n, Msg: "malformed code block in " + clip(t)})
				continue
			}
			addCodes(cur, groups, name, l.n, &errs)
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
			if cur != nil && len(cur.Codes) == 0 && !l.indented {
				cur.Names = append(cur.Names, p)
			} else {
				flush()
				cur = &dict.Actor{Names: []dict.Phrase{p}, Origin: dict.Origin{File: name, Line: l.n}}
			}
			addCodes(cur, groups, name, l.n, &errs)
		}
	}
	flush()
	return s, errs.Err()
}

// addCodes parses the [...] groups of an actor line.
func addCodes(a *dict.Actor, groups []string, file string, n int, errs *Errors) bool {
	for _, g := range groups {
		c, msg := actorCode(g)
		if msg != "" {
			*errs = append(*errs, &Error{File: file, Line: n, Msg: msg})
			return false
		}
		c.Origin = dict.Origin{File: file, Line: n}
		a.Codes = append(a.Codes, c)
	}
	return true
}

// actorCode parses "ARN", "HOB < 950601", "HOBGOV 19950601 - 19990815",
// "HOBREB > 990816", "AFGELI 320101-331108".
func actorCode(g string) (dict.ActorCode, string) {
	f := strings.Fields(g)
	if len(f) == 0 {
		return dict.ActorCode{}, "empty code []"
	}
	code := strings.ToUpper(f[0])
	if !validCode(code) {
		return dict.ActorCode{}, "bad actor code " + clip(f[0])
	}
	c := dict.ActorCode{Codes: splitCodes(code)}
	rest := strings.Join(f[1:], "")
	if rest == "" {
		return c, ""
	}
	switch {
	case rest[0] == '<':
		d, ok := parseDate(rest[1:])
		if !ok {
			return c, "bad date in [" + clip(g) + "]"
		}
		c.Range.To = d - 1 // YYYYMMDD integers: d-1 is "before d" even when it is not a calendar day
	case rest[0] == '>':
		d, ok := parseDate(rest[1:])
		if !ok {
			return c, "bad date in [" + clip(g) + "]"
		}
		c.Range.From = d
	default:
		i := strings.IndexByte(rest, '-')
		if i < 0 {
			return c, "bad date range in [" + clip(g) + "]"
		}
		d1, ok1 := parseDate(rest[:i])
		d2, ok2 := parseDate(rest[i+1:])
		if !ok1 || !ok2 {
			return c, "bad date range in [" + clip(g) + "]"
		}
		c.Range = dict.DateRange{From: d1, To: d2}
	}
	return c, ""
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
