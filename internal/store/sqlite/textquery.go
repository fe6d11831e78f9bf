package sqlite

import (
	"strings"

	"github.com/eventwire/eventwire/internal/store"
)

// textQueryError restates an error of SQLite's FTS5 about the full-text
// query q as a *store.TextQueryError in the user's terms ("SQL logic
// error: unterminated string (1)" becomes "a phrase opened with \" is not
// closed"); other errors pass unchanged.
func textQueryError(q string, err error) error {
	if err == nil || q == "" {
		return err
	}
	// The driver's error reaches here as text (SQLITE_ERROR is "SQL logic
	// error"); FTS5 says what it could not read after it.
	msg := err.Error()
	if !strings.Contains(msg, "SQL logic error") {
		return err
	}
	bad := func(m string) error { return &store.TextQueryError{Query: q, Msg: m} }
	const near = `fts5: syntax error near "`
	switch {
	case strings.Contains(msg, "unterminated string"):
		return bad(`a phrase opened with " is not closed (inside a phrase, write "" for a quote)`)
	case strings.Contains(msg, near+`"`):
		if unclosedParen(q) {
			return bad(`a "(" is not closed`)
		}
		return bad("the query ends too early: AND, OR and NOT need a term after them")
	case strings.Contains(msg, near):
		tok := msg[strings.Index(msg, near)+len(near):]
		if i := strings.IndexByte(tok, '"'); i >= 0 {
			tok = tok[:i]
		}
		switch tok {
		case "AND", "OR", "NOT":
			return bad(tok + " needs a term on each side")
		case ")":
			return bad(`a ")" closes no "("`)
		}
		return bad(`unexpected "` + tok + `": write words, "phrases", prefix*, AND, OR, NOT and parentheses, and put other characters inside a "phrase"`)
	case strings.Contains(msg, "no such column: "):
		col := msg[strings.Index(msg, "no such column: ")+len("no such column: "):]
		if i := strings.IndexByte(col, ' '); i >= 0 {
			col = col[:i]
		}
		return bad(`"` + col + `" reads as a column filter (word:) or an excluded column (-word); put the term inside a "phrase"`)
	case strings.Contains(msg, "unknown special query"):
		return bad(`a lone * or a term starting with * is not a search term; write prefix* or put it inside a "phrase"`)
	case strings.Contains(msg, "stack overflow"), strings.Contains(msg, "too large"), strings.Contains(msg, "too deep"):
		return bad("parentheses nested too deeply")
	}
	return err
}

// unclosedParen reports whether q opens more parentheses outside phrases
// than it closes.
func unclosedParen(q string) bool {
	depth, inPhrase := 0, false
	for i := 0; i < len(q); i++ {
		switch c := q[i]; {
		case c == '"':
			inPhrase = !inPhrase
		case inPhrase:
		case c == '(':
			depth++
		case c == ')':
			depth--
		}
	}
	return depth > 0
}
