package petrarch

import (
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/eventwire/eventwire/internal/dict"
)

// Error is one problem in a dictionary file and Errors the list of problems
// of a file, an error itself: the dictionary problem of every format
// (internal/dict).
type (
	Error  = dict.Problem
	Errors = dict.Problems
)

// line is one logical line: its number and text without comments, trimmed
// on the right. Indented keeps whether it started with white space.
type line struct {
	n        int
	text     string
	indented bool
}

// lines splits content into lines, dropping '#' comments and <!-- -->
// comments (which may span lines). Empty lines are kept (as "") because
// blank lines end synsets and blocks in some formats.
func lines(content []byte) []line {
	// one string for the file: a line without a <!-- --> comment is a slice
	// of it, not a copy
	text := string(content)
	out := make([]line, 0, strings.Count(text, "\n")+1)
	inComment := false
	n := 0
	for text != "" {
		n++
		// a line ends at '\n' or at the end, without one trailing '\r'
		// (as bufio.ScanLines splits)
		s := text
		if i := strings.IndexByte(text, '\n'); i >= 0 {
			s, text = text[:i], text[i+1:]
		} else {
			text = ""
		}
		s = strings.TrimSuffix(s, "\r")
		t := s
		if inComment || strings.Contains(s, "<!--") {
			var b strings.Builder
			for s != "" {
				if inComment {
					i := strings.Index(s, "-->")
					if i < 0 {
						s = ""
						break
					}
					s = s[i+3:]
					inComment = false
					continue
				}
				i := strings.Index(s, "<!--")
				if i < 0 {
					b.WriteString(s)
					break
				}
				b.WriteString(s[:i])
				s = s[i+4:]
				inComment = true
			}
			t = b.String()
		}
		hadText := strings.TrimSpace(t) != ""
		t = stripHash(t)
		if hadText && strings.TrimSpace(t) == "" {
			continue // a comment line does not end a block as a blank line does
		}
		t = strings.TrimRight(t, " \t\r\ufeff")
		ind := len(t) > 0 && (t[0] == ' ' || t[0] == '\t')
		out = append(out, line{n: n, text: strings.TrimSpace(t), indented: ind})
	}
	return out
}

// readAll reads r fully.
func readAll(r io.Reader, name string) ([]byte, error) {
	b, err := io.ReadAll(r)
	if err != nil {
		return nil, fmt.Errorf("reading %s: %w", name, err)
	}
	return b, nil
}

// phrase turns "UNITED_STATES", "CARAS GALADHON" or "ARNOR_" into a phrase
// of lower-case words. Words are matched whole; a trailing '_' (PETRARCH's
// "no stemming" mark) is dropped.
func phrase(s string) dict.Phrase {
	s = strings.ToLower(strings.TrimSpace(s))
	// the words are counted first, so the phrase is allocated once
	n := 0
	for i := 0; i < len(s); {
		for i < len(s) && phraseSep(s[i]) {
			i++
		}
		if i < len(s) {
			n++
		}
		for i < len(s) && !phraseSep(s[i]) {
			i++
		}
	}
	if n == 0 {
		return nil
	}
	p := make(dict.Phrase, 0, n)
	for i := 0; i < len(s); {
		for i < len(s) && phraseSep(s[i]) {
			i++
		}
		j := i
		for j < len(s) && !phraseSep(s[j]) {
			j++
		}
		if w := s[i:j]; w != "" {
			p = append(p, dict.Word{Text: w, Synset: w[0] == '&'})
		}
		i = j
	}
	return p
}

// phraseSep reports whether c separates the words of a phrase ('_', space
// or tab; all ASCII, so a byte of a multi-byte letter never is one).
func phraseSep(c byte) bool { return c == '_' || c == ' ' || c == '\t' }

// ParseDate reads a date as the PETRARCH dictionaries write it: YYMMDD
// (years 00-30 are 20xx, else 19xx) or YYYYMMDD.
func ParseDate(s string) (dict.Date, bool) { return parseDate(s) }

// parseDate reads YYMMDD (years 00-30 are 20xx, else 19xx) or YYYYMMDD.
func parseDate(s string) (dict.Date, bool) {
	if len(s) != 6 && len(s) != 8 {
		return 0, false
	}
	v, err := strconv.Atoi(s)
	if err != nil || v < 0 {
		return 0, false
	}
	if len(s) == 6 {
		yy := v / 10000
		if yy <= 30 {
			v += 20000000
		} else {
			v += 19000000
		}
	}
	md := v % 10000
	if m, d := md/100, md%100; m < 1 || m > 12 || d < 1 || d > 31 {
		return 0, false
	}
	return dict.Date(v), true
}

// brackets splits "A [X] [Y 9501-9601] rest" into the text before the first
// '[' and the contents of each [...] group. ok is false for an unclosed '['.
func brackets(s string) (head string, groups []string, rest string, ok bool) {
	i := strings.IndexByte(s, '[')
	if i < 0 {
		return s, nil, "", true
	}
	head = s[:i]
	s = s[i:]
	for {
		s = strings.TrimLeft(s, " \t")
		if s == "" || s[0] != '[' {
			return head, groups, s, true
		}
		j := strings.IndexByte(s, ']')
		if j < 0 {
			return head, groups, s, false
		}
		groups = append(groups, strings.TrimSpace(s[1:j]))
		s = s[j+1:]
	}
}

// stripHash drops a '#' comment; a '#' inside [...] is part of a code.
func stripHash(t string) string {
	depth := 0
	for i := 0; i < len(t); i++ {
		switch t[i] {
		case '[':
			depth++
		case ']':
			if depth > 0 {
				depth--
			}
		case '#':
			if depth == 0 {
				return t[:i]
			}
		}
	}
	return t
}
