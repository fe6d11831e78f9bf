package postgres

import (
	"fmt"
	"strings"
)

// textQuery translates a full-text query in the FTS5 syntax the SQLite
// store accepts into a PostgreSQL tsquery expression over bind parameters,
// so that `--text` means the same on both stores:
//
//	word            a word (case-insensitive, not stemmed)
//	word*           a word prefix
//	"two words"     a phrase
//	a b, a AND b    both
//	a OR b          either
//	a NOT b         a without b
//	( ... )         grouping
//
// NOT binds tightest, then AND (explicit or implied), then OR, as in FTS5.
// The operators are upper case; in lower case they are words. FTS5's
// NEAR(...), column filters (col:) and initial-token (^) queries are
// rejected with an error. Each term's text goes to PostgreSQL as a
// parameter (first is the number of the first one), never into the SQL.
func textQuery(q string, first int) (sql string, args []any, err error) {
	p := &ftsParser{first: first}
	if err := p.lex(q); err != nil {
		return "", nil, err
	}
	if len(p.toks) == 0 {
		return "", nil, fmt.Errorf("text query %q: no terms", q)
	}
	s, err := p.or()
	if err != nil {
		return "", nil, fmt.Errorf("text query %q: %w", q, err)
	}
	if p.pos < len(p.toks) {
		return "", nil, fmt.Errorf("text query %q: unexpected %s", q, p.toks[p.pos])
	}
	return s, p.args, nil
}

type ftsKind int

const (
	ftsWord ftsKind = iota
	ftsPrefix
	ftsPhrase
	ftsAnd
	ftsOr
	ftsNot
	ftsOpen
	ftsClose
)

type ftsToken struct {
	kind ftsKind
	text string
}

func (t ftsToken) String() string {
	switch t.kind {
	case ftsOpen:
		return `"("`
	case ftsClose:
		return `")"`
	case ftsPhrase:
		return `"` + t.text + `"`
	}
	return strings.TrimSpace(t.text)
}

type ftsParser struct {
	toks  []ftsToken
	pos   int
	args  []any
	first int
	depth int
}

// maxDepth bounds the nesting of parentheses.
const maxDepth = 32

func (p *ftsParser) lex(q string) error {
	for i := 0; i < len(q); {
		c := q[i]
		switch {
		case c == ' ' || c == '\t' || c == '\n' || c == '\r':
			i++
		case c == '(':
			p.toks = append(p.toks, ftsToken{kind: ftsOpen})
			i++
		case c == ')':
			p.toks = append(p.toks, ftsToken{kind: ftsClose})
			i++
		case c == '"':
			// A phrase; "" inside it is a quote, as in FTS5.
			var sb strings.Builder
			j := i + 1
			for {
				if j >= len(q) {
					return fmt.Errorf("text query %q: unterminated phrase", q)
				}
				if q[j] == '"' {
					if j+1 < len(q) && q[j+1] == '"' {
						sb.WriteByte('"')
						j += 2
						continue
					}
					break
				}
				sb.WriteByte(q[j])
				j++
			}
			i = j + 1
			kind := ftsPhrase
			if i < len(q) && q[i] == '*' {
				kind = ftsPrefix
				i++
			}
			p.toks = append(p.toks, ftsToken{kind: kind, text: sb.String()})
		default:
			j := i
			for j < len(q) && !strings.ContainsRune(" \t\n\r()\"", rune(q[j])) {
				j++
			}
			w := q[i:j]
			i = j
			switch {
			case w == "AND":
				p.toks = append(p.toks, ftsToken{kind: ftsAnd, text: w})
			case w == "OR":
				p.toks = append(p.toks, ftsToken{kind: ftsOr, text: w})
			case w == "NOT":
				p.toks = append(p.toks, ftsToken{kind: ftsNot, text: w})
			case w == "NEAR" || strings.HasPrefix(w, "NEAR/"):
				return fmt.Errorf("text query %q: NEAR is not supported by the PostgreSQL store", q)
			case strings.HasPrefix(w, "^") || strings.HasPrefix(w, "+"):
				return fmt.Errorf("text query %q: %q is not supported by the PostgreSQL store", q, w[:1])
			case strings.IndexByte(w, ':') >= 0:
				return fmt.Errorf("text query %q: column filters (%s) are not supported; quote the term", q, w)
			case strings.HasSuffix(w, "*"):
				t := strings.TrimRight(w, "*")
				if t == "" {
					return fmt.Errorf("text query %q: a lone *", q)
				}
				p.toks = append(p.toks, ftsToken{kind: ftsPrefix, text: t})
			default:
				p.toks = append(p.toks, ftsToken{kind: ftsWord, text: w})
			}
		}
	}
	return nil
}

func (p *ftsParser) peek() (ftsToken, bool) {
	if p.pos >= len(p.toks) {
		return ftsToken{}, false
	}
	return p.toks[p.pos], true
}

// or := and (OR and)*
func (p *ftsParser) or() (string, error) {
	s, err := p.and()
	if err != nil {
		return "", err
	}
	for {
		t, ok := p.peek()
		if !ok || t.kind != ftsOr {
			return s, nil
		}
		p.pos++
		r, err := p.and()
		if err != nil {
			return "", err
		}
		s = "(" + s + " || " + r + ")"
	}
}

// and := not ((AND)? not)*
func (p *ftsParser) and() (string, error) {
	s, err := p.not()
	if err != nil {
		return "", err
	}
	for {
		t, ok := p.peek()
		if !ok || t.kind == ftsOr || t.kind == ftsClose {
			return s, nil
		}
		if t.kind == ftsAnd {
			p.pos++
		}
		r, err := p.not()
		if err != nil {
			return "", err
		}
		s = "(" + s + " && " + r + ")"
	}
}

// not := primary (NOT primary)*
func (p *ftsParser) not() (string, error) {
	s, err := p.primary()
	if err != nil {
		return "", err
	}
	for {
		t, ok := p.peek()
		if !ok || t.kind != ftsNot {
			return s, nil
		}
		p.pos++
		r, err := p.primary()
		if err != nil {
			return "", err
		}
		s = "(" + s + " && !!" + r + ")"
	}
}

// primary := word | prefix | phrase | "(" or ")"
func (p *ftsParser) primary() (string, error) {
	t, ok := p.peek()
	if !ok {
		return "", fmt.Errorf("missing term at the end")
	}
	p.pos++
	switch t.kind {
	case ftsWord, ftsPhrase:
		p.args = append(p.args, t.text)
		return fmt.Sprintf("phraseto_tsquery('simple', $%d)", p.first+len(p.args)-1), nil
	case ftsPrefix:
		// Every word of the term must match, the last one as a prefix:
		// each is quoted as a tsquery lexeme.
		words := strings.Fields(t.text)
		if len(words) == 0 {
			return "", fmt.Errorf("empty prefix term")
		}
		var sb strings.Builder
		for i, w := range words {
			if i > 0 {
				sb.WriteString(" <-> ")
			}
			sb.WriteByte('\'')
			sb.WriteString(strings.NewReplacer(`'`, `''`, `\`, `\\`).Replace(strings.ToLower(w)))
			sb.WriteByte('\'')
		}
		sb.WriteString(":*")
		p.args = append(p.args, sb.String())
		return fmt.Sprintf("to_tsquery('simple', $%d)", p.first+len(p.args)-1), nil
	case ftsOpen:
		if p.depth++; p.depth > maxDepth {
			return "", fmt.Errorf("parentheses nested deeper than %d", maxDepth)
		}
		s, err := p.or()
		if err != nil {
			return "", err
		}
		if c, ok := p.peek(); !ok || c.kind != ftsClose {
			return "", fmt.Errorf("missing )")
		}
		p.pos++
		p.depth--
		return s, nil
	}
	return "", fmt.Errorf("unexpected %s", t)
}
