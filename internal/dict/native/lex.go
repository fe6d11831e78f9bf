package native

import (
	"fmt"
	"strings"
	"time"

	"github.com/eventwire/eventwire/internal/dict"
)

// Problem is one bad line of an eventwire dictionary file; Problems, the
// error the reader returns, lists them (the dictionary problem of every
// format, internal/dict).
type (
	Problem  = dict.Problem
	Problems = dict.Problems
)

// stripComment removes a '#' comment: a '#' at the start of the line or
// after a space or tab.
func stripComment(s string) string {
	for i := 0; i < len(s); i++ {
		if s[i] == '#' && (i == 0 || s[i-1] == ' ' || s[i-1] == '\t') {
			return s[:i]
		}
	}
	return s
}

// normPhrase collapses runs of white space in a name or phrase and checks
// that it holds no syntax characters.
func normPhrase(s string) (string, error) { return normPhraseSyn(s, false) }

// normPhraseSyn is normPhrase that, when synsets is set, also accepts whole
// words "&name" (synset members may refer to other synsets).
func normPhraseSyn(s string, synsets bool) (string, error) {
	f := strings.Fields(s)
	if len(f) == 0 {
		return "", fmt.Errorf("empty name")
	}
	out := strings.Join(f, " ")
	for _, w := range f {
		if synsets && len(w) > 1 && w[0] == '&' && isIdent(w[1:]) {
			continue
		}
		if i := strings.IndexAny(w, "|=@&$[]{}()!~,:#"); i >= 0 {
			return "", fmt.Errorf("name %q: unexpected %q", clip(out), w[i])
		}
	}
	for _, w := range f {
		if j := strings.IndexByte(w, '*'); j >= 0 && j != len(w)-1 || w == "*" {
			return "", fmt.Errorf("name %q: '*' may only end a word", clip(out))
		}
	}
	return out, nil
}

// splitNames splits "A | B | C" into normalised names.
func splitNames(s string) ([]string, error) { return splitNamesSyn(s, false) }

// splitNamesSyn is splitNames allowing "&name" words when synsets is set.
func splitNamesSyn(s string, synsets bool) ([]string, error) {
	parts := strings.Split(s, "|")
	out := make([]string, 0, len(parts))
	for _, p := range parts {
		n, err := normPhraseSyn(p, synsets)
		if err != nil {
			return nil, err
		}
		out = append(out, n)
	}
	return out, nil
}

// dateRange is an inclusive range of days; a zero bound is open.
type dateRange struct {
	From, To time.Time
}

// parseRange reads "2017-05-14..", "..2009-01-19", "2009-01-20..2017-01-20".
func parseRange(s string) (dateRange, error) {
	var r dateRange
	a, b, ok := strings.Cut(s, "..")
	if !ok {
		return r, fmt.Errorf("date range %q: want FROM.., ..TO or FROM..TO", clip(s))
	}
	if a == "" && b == "" {
		return r, fmt.Errorf("date range %q: no dates", s)
	}
	var err error
	if a != "" {
		if r.From, err = parseDate(a); err != nil {
			return r, err
		}
	}
	if b != "" {
		if r.To, err = parseDate(b); err != nil {
			return r, err
		}
	}
	if a != "" && b != "" && r.To.Before(r.From) {
		return r, fmt.Errorf("date range %q ends before it starts", s)
	}
	return r, nil
}

func parseDate(s string) (time.Time, error) {
	t, err := time.Parse("2006-01-02", s)
	if err != nil || t.Year() < 1000 {
		return t, fmt.Errorf("bad date %q (want YYYY-MM-DD)", clip(s))
	}
	return t, nil
}

func formatRange(r dateRange) string {
	var b strings.Builder
	if !r.From.IsZero() {
		b.WriteString(r.From.Format("2006-01-02"))
	}
	b.WriteString("..")
	if !r.To.IsZero() {
		b.WriteString(r.To.Format("2006-01-02"))
	}
	return b.String()
}

// actorCodeSyntax reports whether s looks like a CAMEO actor code: upper-case
// letters and digits in 3-character chunks.
func actorCodeSyntax(s string) bool {
	if len(s) == 0 || len(s)%3 != 0 || len(s) > 30 {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !(c >= 'A' && c <= 'Z' || c >= '0' && c <= '9') {
			return false
		}
	}
	return true
}

// eventCodeSyntax reports whether s looks like a CAMEO event code: 2 to 4
// digits with a root from 01 to 20.
func eventCodeSyntax(s string) bool {
	if len(s) < 2 || len(s) > 4 {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	root := int(s[0]-'0')*10 + int(s[1]-'0')
	return root >= 1 && root <= 20
}

func clip(s string) string {
	if len(s) > 40 {
		return s[:40] + "..."
	}
	return s
}

// isIdent reports whether s is a lower-case identifier (synset names,
// relation parts): letters, digits, '_' and '-'.
func isIdent(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '_' || c == '-') {
			return false
		}
	}
	return true
}
