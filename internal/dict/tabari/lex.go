package tabari

import (
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/eventwire/eventwire/internal/dict"
)

// Problem is a problem on one line of a dictionary file. A Warning marks
// an entry that was read but not completely (a TABARI feature the model
// cannot hold); the other problems are bad lines whose entries were skipped.
// Problems collects the problems of one file; it is the error the readers
// return. Both are the dictionary problem of every format (internal/dict).
type (
	Problem  = dict.Problem
	Problems = dict.Problems
)

// errs accumulates line errors while a file is read.
type errs struct {
	file string
	list Problems
}

func (e *errs) add(line int, format string, args ...any) {
	e.list = append(e.list, &Problem{File: e.file, Line: line, Msg: fmt.Sprintf(format, args...)})
}

func (e *errs) warn(line int, format string, args ...any) {
	e.list = append(e.list, &Problem{File: e.file, Line: line, Msg: fmt.Sprintf(format, args...), Warning: true})
}

func (e *errs) err() error {
	if len(e.list) == 0 {
		return nil
	}
	return e.list
}

// stripComment removes a TABARI comment: everything from the first ';'.
func stripComment(s string) (content, comment string) {
	if i := strings.IndexByte(s, ';'); i >= 0 {
		return s[:i], strings.TrimSpace(s[i+1:])
	}
	return s, ""
}

// codeSpec is one `[...]` block: its codes (several for "[ELR/GAL]", an
// actor standing for several) and optional date limits. From and To are
// inclusive; a zero time means "open".
type codeSpec struct {
	Codes    []string
	From, To time.Time
}

// splitCodeBlocks splits "PHRASE [A] [B <990101]" into the text before the
// first '[' and the contents of each bracketed block. Text after a block that
// is not another block is an error.
func splitCodeBlocks(s string) (head string, blocks []string, err error) {
	i := strings.IndexByte(s, '[')
	if i < 0 {
		if strings.IndexByte(s, ']') >= 0 {
			return "", nil, errors.New("']' without '['")
		}
		return s, nil, nil
	}
	head = s[:i]
	rest := s[i:]
	for {
		rest = strings.TrimSpace(rest)
		if rest == "" {
			return head, blocks, nil
		}
		if rest[0] != '[' {
			return "", nil, fmt.Errorf("unexpected text %q after code block", clip(rest))
		}
		j := strings.IndexByte(rest, ']')
		if j < 0 {
			return "", nil, errors.New("code block without closing ']'")
		}
		inner := rest[1:j]
		if strings.IndexByte(inner, '[') >= 0 {
			return "", nil, errors.New("nested '[' in code block")
		}
		blocks = append(blocks, inner)
		rest = rest[j+1:]
	}
}

// parseActorCode parses the inside of an actor code block: "USAGOV",
// "USAGOV 991201-010114", "HOB < 950601", "HOBREB > 990816", "---".
func parseActorCode(block string) (codeSpec, error) {
	f := strings.Fields(block)
	if len(f) == 0 {
		return codeSpec{}, errors.New("empty code block")
	}
	c := codeSpec{Codes: strings.Split(f[0], "/")}
	for _, code := range c.Codes {
		if !validActorCode(code) {
			return c, fmt.Errorf("bad actor code %q", clip(f[0]))
		}
	}
	rest := strings.Join(f[1:], "")
	if rest == "" {
		return c, nil
	}
	var err error
	switch {
	case rest[0] == '<':
		c.To, err = parseDate(rest[1:])
		if err == nil {
			c.To = c.To.AddDate(0, 0, -1) // "<D": strictly before D
		}
	case rest[0] == '>':
		c.From, err = parseDate(rest[1:])
		if err == nil {
			c.From = c.From.AddDate(0, 0, 1) // ">D": strictly after D
		}
	default:
		a, b, ok := strings.Cut(rest, "-")
		if !ok {
			return c, fmt.Errorf("bad date restriction %q in code block", clip(rest))
		}
		if c.From, err = parseDate(a); err != nil {
			return c, err
		}
		if c.To, err = parseDate(b); err != nil {
			return c, err
		}
		if c.To.Before(c.From) {
			return c, fmt.Errorf("date range %s-%s ends before it starts", a, b)
		}
	}
	return c, err
}

// validActorCode reports whether s is a TABARI actor code: letters and
// digits (CAMEO codes, but also the project codes of the validation files),
// "---" (null), "###" and "+++".
func validActorCode(s string) bool {
	if s == "---" || s == "###" || s == "+++" {
		return true
	}
	return alnum(s, 1, 30)
}

func alnum(s string, minLen, maxLen int) bool {
	if len(s) < minLen || len(s) > maxLen {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !(c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9') {
			return false
		}
	}
	return true
}

// parseDate reads a TABARI date: YYMMDD (years 00-29 are 20xx, 30-99 19xx,
// as in TABARI's two-digit convention) or YYYYMMDD.
func parseDate(s string) (time.Time, error) {
	s = strings.TrimSpace(s)
	var y, m, d int
	switch len(s) {
	case 6, 8:
		for i := 0; i < len(s); i++ {
			if s[i] < '0' || s[i] > '9' {
				return time.Time{}, fmt.Errorf("bad date %q (want YYMMDD or YYYYMMDD)", clip(s))
			}
		}
		n := len(s) - 4
		y, _ = strconv.Atoi(s[:n])
		m, _ = strconv.Atoi(s[n : n+2])
		d, _ = strconv.Atoi(s[n+2:])
		if n == 2 {
			if y < 30 {
				y += 2000
			} else {
				y += 1900
			}
		}
	default:
		return time.Time{}, fmt.Errorf("bad date %q (want YYMMDD or YYYYMMDD)", clip(s))
	}
	t := time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC)
	if t.Year() != y || int(t.Month()) != m || t.Day() != d {
		return time.Time{}, fmt.Errorf("bad date %q: no such day", s)
	}
	return t, nil
}

// clip shortens s for an error message.
func clip(s string) string {
	if len(s) > 40 {
		return s[:40] + "..."
	}
	return s
}
