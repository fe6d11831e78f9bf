package tabari

import (
	"fmt"
	"io"
	"strings"
)

// tokKind is the kind of a token of a TABARI verb pattern.
type tokKind uint8

const (
	tokWord     tokKind = iota // a literal word
	tokVerb                    // '*': the verb itself
	tokSource                  // '$': the source actor
	tokTarget                  // '+': the target actor
	tokCompound                // '%': a compound actor, source and target
	tokSkip                    // '^': skip the next actor
	tokSynset                  // '&NAME'
	tokAlt                     // '{ A | B }': alternatives, in Alts
)

// token is one element of a TABARI verb pattern.
type token struct {
	Kind   tokKind
	Word   word      // tokWord; for tokSynset Word.Text is the name without '&'
	Alts   [][]token // tokAlt
	Joined bool      // joined to the previous token by '_'
}

// verbCode is the code of a verb or pattern: "223", "031:032" (Paired: the
// reverse event, coded target→source), "---" (null: matched, no event), "###"
// (discard the sentence), "+++" (complex: no event), and TABARI's flag
// suffixes '!' and '?' kept in Flag.
type verbCode struct {
	Code   string
	Paired string
	Flag   byte
}

// pattern is one "- ... [code]" line under a verb.
type pattern struct {
	Line    int
	Tokens  []token
	Code    verbCode
	Comment string
}

// verbEntry is a verb block: the verb (its first word; multi-word headers
// such as "BRUSH ASIDE REPORTS" keep the other words in Follow), its code,
// the forms listed in "{ ... }" and its patterns.
type verbEntry struct {
	Line     int
	Words    []word
	Code     verbCode
	Forms    []word
	Patterns []pattern
	Comment  string
}

// synset is a "&NAME" block of "+phrase" members.
type synset struct {
	Line    int
	Name    string
	Members []member
}

type member struct {
	Line   int
	Tokens []token
}

// timeEntry is a <TIME> record: a phrase (or pattern) and a day shift, or
// one of the special codes ("###", "+++", "- - -").
type timeEntry struct {
	Line    int
	Tokens  []token
	Shift   int
	Special string
}

// verbsFile is a parsed .verbs file.
type verbsFile struct {
	Verbs   []verbEntry
	Synsets []synset
	Times   []timeEntry
}

// parseVerbsFile reads a TABARI .verbs file.
func parseVerbsFile(r io.Reader, name string) (*verbsFile, error) {
	e := &errs{file: name}
	f := &verbsFile{}
	lr := newLineReader(r)
	section := ""
	var cur *verbEntry
	var syn *synset
	flush := func() {
		if cur != nil {
			f.Verbs = append(f.Verbs, *cur)
			cur = nil
		}
		if syn != nil {
			if len(syn.Members) == 0 {
				e.add(syn.Line, "synset &%s has no members", syn.Name)
			} else {
				f.Synsets = append(f.Synsets, *syn)
			}
			syn = nil
		}
	}
	for {
		raw, ok := lr.next()
		if !ok {
			break
		}
		n := lr.line
		content, comment := stripComment(raw)
		t := strings.TrimSpace(content)
		if strings.HasPrefix(strings.TrimSpace(raw), "~~FINISH") {
			break
		}
		if t == "" || t[0] == '#' {
			continue
		}
		if t[0] == '<' {
			flush()
			tag := strings.ToUpper(t)
			switch tag {
			case "<SYNSETS>", "<TIME>":
				if section != "" {
					e.add(n, "%s inside <%s>", t, section)
				}
				section = tag[1 : len(tag)-1]
			case "</SYNSETS>", "</TIME>":
				if section != tag[2:len(tag)-1] {
					e.add(n, "%s without its opening tag", t)
				}
				section = ""
			default:
				e.add(n, "unknown section tag %s", clip(t))
			}
			continue
		}
		switch section {
		case "SYNSETS":
			switch t[0] {
			case '&':
				flush()
				name := strings.TrimSpace(t[1:])
				if !synsetName(name) {
					e.add(n, "bad synset name %q", clip(t))
					continue
				}
				syn = &synset{Line: n, Name: name}
			case '+':
				if syn == nil {
					e.add(n, "synset member %q without a &NAME line above it", clip(t))
					continue
				}
				toks, err := parseTokens(t[1:])
				if err != nil {
					e.add(n, "synset &%s: %v", syn.Name, err)
					continue
				}
				syn.Members = append(syn.Members, member{Line: n, Tokens: toks})
			default:
				e.add(n, "unexpected line %q in <SYNSETS> (want &NAME or +member)", clip(t))
			}
		case "TIME":
			body := t
			if body[0] == '-' {
				body = body[1:]
			}
			head, blocks, err := splitCodeBlocks(body)
			if err != nil {
				e.add(n, "%v", err)
				continue
			}
			if len(blocks) != 1 {
				e.add(n, "time phrase needs exactly one [shift] block")
				continue
			}
			toks, err := parseTokens(head)
			if err != nil {
				e.add(n, "time phrase: %v", err)
				continue
			}
			te := timeEntry{Line: n, Tokens: toks}
			if err := parseShift(blocks[0], &te); err != nil {
				e.add(n, "time phrase: %v", err)
				continue
			}
			f.Times = append(f.Times, te)
		default:
			switch t[0] {
			case '-':
				if cur == nil {
					e.add(n, "pattern without a verb above it")
					continue
				}
				head, blocks, err := splitCodeBlocks(t[1:])
				if err != nil {
					e.add(n, "%v", err)
					continue
				}
				if len(blocks) != 1 {
					e.add(n, "pattern needs exactly one [code] block")
					continue
				}
				toks, err := parseTokens(head)
				if err != nil {
					e.add(n, "verb %s: pattern: %v", phraseString(cur.Words), err)
					continue
				}
				if !hasVerb(toks) {
					e.add(n, "verb %s: pattern has no '*' for the verb", phraseString(cur.Words))
					continue
				}
				c, err := parseVerbCode(blocks[0])
				if err != nil {
					e.add(n, "verb %s: %v", phraseString(cur.Words), err)
					continue
				}
				cur.Patterns = append(cur.Patterns, pattern{Line: n, Tokens: toks, Code: c, Comment: comment})
			case '{':
				if cur == nil || len(cur.Patterns) > 0 || len(cur.Forms) > 0 {
					e.add(n, "verb forms { ... } must follow the verb line")
					continue
				}
				if !strings.HasSuffix(t, "}") || strings.Count(t, "{") != 1 || strings.Count(t, "}") != 1 {
					e.add(n, "verb forms: want { FORM FORM ... }")
					continue
				}
				w, err := parsePhrase(t[1 : len(t)-1])
				if err != nil {
					e.add(n, "verb forms: %v", err)
					continue
				}
				cur.Forms = w
			default:
				flush()
				head, blocks, err := splitCodeBlocks(t)
				if err != nil {
					e.add(n, "%v", err)
					continue
				}
				if len(blocks) != 1 {
					e.add(n, "verb line needs exactly one [code] block")
					continue
				}
				w, err := parsePhrase(head)
				if err != nil {
					e.add(n, "verb: %v", err)
					continue
				}
				c, err := parseVerbCode(blocks[0])
				if err != nil {
					e.add(n, "verb %s: %v", phraseString(w), err)
					continue
				}
				cur = &verbEntry{Line: n, Words: w, Code: c, Comment: comment}
			}
		}
	}
	flush()
	if section != "" {
		e.add(lr.line, "<%s> is not closed", section)
	}
	if err := lr.sc.Err(); err != nil {
		return f, fmt.Errorf("reading %s: %w", name, err)
	}
	return f, e.err()
}

func synsetName(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !(c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '_' || c == '-') {
			return false
		}
	}
	return true
}

func hasVerb(toks []token) bool {
	for _, t := range toks {
		if t.Kind == tokVerb {
			return true
		}
		if t.Kind == tokAlt {
			for _, a := range t.Alts {
				if hasVerb(a) {
					return true
				}
			}
		}
	}
	return false
}

// parseVerbCode parses "223", "031:032", "031!", "025?", "---", "###", "+++".
func parseVerbCode(block string) (verbCode, error) {
	s := strings.TrimSpace(block)
	var c verbCode
	if s == "" {
		return c, fmt.Errorf("empty code block")
	}
	if s == "---" || s == "###" || s == "+++" {
		c.Code = s
		return c, nil
	}
	if last := s[len(s)-1]; last == '!' || last == '?' {
		c.Flag = last
		s = s[:len(s)-1]
	}
	a, b, paired := strings.Cut(s, ":")
	if !alnum(a, 1, 8) {
		return c, fmt.Errorf("bad event code %q", clip(block))
	}
	c.Code = a
	if paired {
		if !alnum(b, 1, 8) {
			return c, fmt.Errorf("bad paired event code %q", clip(block))
		}
		c.Paired = b
	}
	return c, nil
}

// parseShift parses a <TIME> block: "+7", "-30", "###", "+++", "- - -".
func parseShift(block string, te *timeEntry) error {
	s := strings.Join(strings.Fields(block), "")
	switch s {
	case "###", "+++", "---":
		te.Special = s
		return nil
	}
	if len(s) < 2 || (s[0] != '+' && s[0] != '-') {
		return fmt.Errorf("bad time shift %q", clip(block))
	}
	v := 0
	for i := 1; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' || v > 100000 {
			return fmt.Errorf("bad time shift %q", clip(block))
		}
		v = v*10 + int(s[i]-'0')
	}
	if s[0] == '-' {
		v = -v
	}
	te.Shift = v
	return nil
}

// parseTokens tokenises a TABARI pattern: words joined by '_' or separated
// by spaces, the markers * $ + % ^, &SYNSET references and { A | B }
// alternatives (which may not nest).
func parseTokens(s string) ([]token, error) {
	var out []token
	// Pad the structural characters so that "DEMAND_{ GENEVA_ | X }_CONVENTIONS"
	// splits cleanly; remember '_' joins around them.
	i := 0
	joinNext := false
	var alts [][]token
	var alt []token
	inAlt, altJoined := false, false
	emit := func(t token) {
		if inAlt {
			alt = append(alt, t)
		} else {
			out = append(out, t)
		}
	}
	for i < len(s) {
		c := s[i]
		switch {
		case c == ' ' || c == '\t':
			joinNext = false
			i++
			continue
		case c == '_':
			joinNext = true
			i++
			continue
		case c == '{':
			if inAlt {
				return nil, fmt.Errorf("nested '{'")
			}
			inAlt, alts, alt = true, nil, nil
			altJoined, joinNext = joinNext, false
			i++
			continue
		case c == '|':
			if !inAlt {
				return nil, fmt.Errorf("'|' outside { }")
			}
			if len(alt) == 0 {
				return nil, fmt.Errorf("empty alternative in { }")
			}
			alts, alt = append(alts, alt), nil
			joinNext = false
			i++
			continue
		case c == '}':
			if !inAlt {
				return nil, fmt.Errorf("'}' without '{'")
			}
			if len(alt) == 0 {
				return nil, fmt.Errorf("empty alternative in { }")
			}
			alts = append(alts, alt)
			inAlt = false
			out = append(out, token{Kind: tokAlt, Alts: alts, Joined: altJoined})
			alts, alt = nil, nil
			i++
			continue
		}
		// a word or marker runs to the next space, '_', '{', '|', '}'
		j := i
		for j < len(s) && !strings.ContainsRune(" \t_{|}", rune(s[j])) {
			j++
		}
		w := s[i:j]
		t := token{Joined: joinNext}
		switch w {
		case "*":
			t.Kind = tokVerb
		case "$":
			t.Kind = tokSource
		case "+":
			t.Kind = tokTarget
		case "%":
			t.Kind = tokCompound
		case "^":
			t.Kind = tokSkip
		default:
			if w[0] == '&' {
				if !synsetName(w[1:]) {
					return nil, fmt.Errorf("bad synset reference %q", clip(w))
				}
				t.Kind = tokSynset
				t.Word = word{Text: w[1:]}
				break
			}
			if strings.ContainsAny(w, "*$%^&[]") {
				return nil, fmt.Errorf("bad word %q", clip(w))
			}
			t.Kind = tokWord
			t.Word = word{Text: w, Stem: true, Joined: joinNext}
			if strings.HasSuffix(t.Word.Text, "~") {
				t.Word.Text = strings.TrimRight(t.Word.Text, "~")
				t.Word.Tilde = true
			}
			if t.Word.Text == "" {
				return nil, fmt.Errorf("bad word %q", clip(w))
			}
			if j < len(s) && s[j] == '_' {
				t.Word.Stem = false
			}
		}
		emit(t)
		joinNext = false
		i = j
	}
	if inAlt {
		return nil, fmt.Errorf("'{' without '}'")
	}
	return out, nil
}
