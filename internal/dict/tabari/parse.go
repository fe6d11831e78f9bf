package tabari

import (
	"bufio"
	"fmt"
	"io"
	"strings"
)

// word is one word of a TABARI phrase. TABARI matches a word as a stem (any
// word that starts with it) unless it ends in '_' (or '='), which makes it
// exact. Joined reports that the word was joined to the previous one by '_'
// (the two must be adjacent in text); a space allows words in between in
// verb patterns.
type word struct {
	Text   string // upper-case as written, without '_' / '=' / '~'
	Stem   bool
	Joined bool
	Tilde  bool // written with '~' (TABARI's "word ends here, part of a compound")
}

// nounEntry is an actor or agent: names (the first from the entry line, the
// others from '+' lines) and codes.
type nounEntry struct {
	Line    int
	Names   [][]word
	Codes   []codeSpec  // actors
	Agents  []agentSpec // agents
	Comment string
}

// agentSpec is an agent code: "~GOV" (Suffix: country code then GOV) or
// "NGO~" (Prefix: NGO then the country code).
type agentSpec struct {
	Code   string
	Prefix bool
}

// posWord is a word of the <NOUN> or <ADJECTIVE> lists of an actors file:
// words TABARI forces to that part of speech.
type posWord struct {
	Line int
	POS  string // "NOUN" or "ADJECTIVE"
	Word []word
}

// nounFile is a parsed .actors or .agents file.
type nounFile struct {
	Entries []nounEntry
	POS     []posWord
}

// lineReader yields the lines of a file with their numbers, without the
// line terminator.
type lineReader struct {
	sc   *bufio.Scanner
	line int
}

func newLineReader(r io.Reader) *lineReader {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 64*1024), 4*1024*1024)
	return &lineReader{sc: sc}
}

func (l *lineReader) next() (string, bool) {
	if !l.sc.Scan() {
		return "", false
	}
	l.line++
	return strings.TrimRight(l.sc.Text(), "\r"), true
}

// parseNounFile reads a TABARI .actors (agents=false) or .agents file.
func parseNounFile(r io.Reader, name string, agents bool) (*nounFile, error) {
	e := &errs{file: name}
	f := &nounFile{}
	lr := newLineReader(r)
	var cur *nounEntry
	finish := func() {
		if cur == nil {
			return
		}
		if len(cur.Codes) == 0 && len(cur.Agents) == 0 {
			e.add(cur.Line, "%s %q has no code", kind(agents), phraseString(cur.Names[0]))
		} else {
			f.Entries = append(f.Entries, *cur)
		}
		cur = nil
	}
	pos := ""
	for {
		raw, ok := lr.next()
		if !ok {
			break
		}
		n := lr.line
		content, comment := stripComment(raw)
		t := strings.TrimSpace(content)
		switch {
		case strings.HasPrefix(t, "~~FINISH") || strings.HasPrefix(strings.TrimSpace(raw), "~~FINISH"):
			finish()
			return f, finishErr(lr, e)
		case t == "":
			continue
		case t[0] == '#':
			continue // a commented-out entry
		case t[0] == '<':
			finish()
			tag := strings.ToUpper(t)
			switch tag {
			case "<NOUN>", "<ADJECTIVE>":
				pos = tag[1 : len(tag)-1]
			case "</NOUN>", "</ADJECTIVE>":
				if pos == "" || pos != tag[2:len(tag)-1] {
					e.add(n, "%s without its opening tag", t)
				}
				pos = ""
			default:
				e.add(n, "unknown section tag %s", clip(t))
			}
			continue
		}
		if pos != "" {
			w, err := parsePhrase(t)
			if err != nil {
				e.add(n, "%s word: %v", strings.ToLower(pos), err)
				continue
			}
			f.POS = append(f.POS, posWord{Line: n, POS: pos, Word: w})
			continue
		}
		switch {
		case t[0] == '+':
			if cur == nil {
				e.add(n, "synonym %q without an entry above it", clip(t))
				continue
			}
			head, blocks, err := splitCodeBlocks(t[1:])
			if err != nil {
				e.add(n, "%v", err)
				continue
			}
			w, err := parsePhrase(head)
			if err != nil {
				e.add(n, "synonym: %v", err)
				continue
			}
			cur.Names = append(cur.Names, w)
			addCodes(e, n, cur, blocks, agents)
		case t[0] == '[':
			if cur == nil {
				e.add(n, "code block without an entry above it")
				continue
			}
			_, blocks, err := splitCodeBlocks(t)
			if err != nil {
				e.add(n, "%v", err)
				continue
			}
			addCodes(e, n, cur, blocks, agents)
		default:
			finish()
			head, blocks, err := splitCodeBlocks(t)
			if err != nil {
				e.add(n, "%v", err)
				continue
			}
			w, err := parsePhrase(head)
			if err != nil {
				e.add(n, "%s: %v", kind(agents), err)
				continue
			}
			cur = &nounEntry{Line: n, Names: [][]word{w}, Comment: comment}
			addCodes(e, n, cur, blocks, agents)
		}
	}
	finish()
	if err := lr.sc.Err(); err != nil {
		return f, fmt.Errorf("reading %s: %w", name, err)
	}
	return f, e.err()
}

// finishErr returns the collected errors after a ~~FINISH line (the rest of
// the file is ignored, as in TABARI).
func finishErr(lr *lineReader, e *errs) error {
	if err := lr.sc.Err(); err != nil {
		return fmt.Errorf("reading %s: %w", e.file, err)
	}
	return e.err()
}

func kind(agents bool) string {
	if agents {
		return "agent"
	}
	return "actor"
}

// addCodes parses code blocks into cur.
func addCodes(e *errs, n int, cur *nounEntry, blocks []string, agents bool) {
	for _, b := range blocks {
		if agents {
			a, err := parseAgentCode(b)
			if err != nil {
				e.add(n, "agent %q: %v", phraseString(cur.Names[0]), err)
				continue
			}
			cur.Agents = append(cur.Agents, a)
			continue
		}
		c, err := parseActorCode(b)
		if err != nil {
			e.add(n, "actor %q: %v", phraseString(cur.Names[0]), err)
			continue
		}
		cur.Codes = append(cur.Codes, c)
	}
}

// parseAgentCode parses "~GOV", " ~GOVFRM", "NGO~".
func parseAgentCode(block string) (agentSpec, error) {
	s := strings.TrimSpace(block)
	switch {
	case strings.HasPrefix(s, "~") && alnum(s[1:], 1, 30):
		return agentSpec{Code: s[1:]}, nil
	case strings.HasSuffix(s, "~") && alnum(s[:len(s)-1], 1, 30):
		return agentSpec{Code: s[:len(s)-1], Prefix: true}, nil
	case s == "":
		return agentSpec{}, fmt.Errorf("empty code block")
	}
	return agentSpec{}, fmt.Errorf("bad agent code %q (want ~CODE or CODE~)", clip(s))
}

// parsePhrase splits "AL_GORE", "PRINCE DOL_AMROTH", "FORCES_" into words.
func parsePhrase(s string) ([]word, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return nil, fmt.Errorf("empty phrase")
	}
	var out []word
	for _, field := range strings.Fields(s) {
		parts := strings.Split(field, "_")
		for i, p := range parts {
			last := i == len(parts)-1
			if p == "" {
				if last && i > 0 {
					out[len(out)-1].Stem = false // trailing '_': exact word
					continue
				}
				return nil, fmt.Errorf("empty word in %q", clip(field))
			}
			w := word{Text: p, Stem: true, Joined: i > 0}
			if strings.HasSuffix(w.Text, "=") {
				w.Text = strings.TrimRight(w.Text, "=")
				w.Stem = false
			}
			if strings.HasSuffix(w.Text, "~") {
				w.Text = strings.TrimRight(w.Text, "~")
				w.Tilde = true
			}
			if !last {
				w.Stem = false // a word followed by '_' is complete
			}
			if w.Text == "" {
				return nil, fmt.Errorf("empty word in %q", clip(field))
			}
			if strings.ContainsAny(w.Text, "[]{}|") {
				return nil, fmt.Errorf("bad character in word %q", clip(w.Text))
			}
			out = append(out, w)
		}
	}
	return out, nil
}

// phraseString renders words back in TABARI spelling (for messages).
func phraseString(ws []word) string {
	var b strings.Builder
	for i, w := range ws {
		if i > 0 {
			if w.Joined {
				b.WriteByte('_')
			} else {
				b.WriteByte(' ')
			}
		}
		b.WriteString(w.Text)
	}
	return b.String()
}
