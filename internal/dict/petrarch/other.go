package petrarch

import (
	"fmt"
	"io"
	"strings"

	"github.com/eventwire/eventwire/internal/dict"
)

// ReadDiscards reads a discard list: one phrase a line, a leading '+' for a
// story-level discard (the whole story is skipped), else sentence-level.
func ReadDiscards(r io.Reader, name string) (*dict.Set, error) {
	content, err := readAll(r, name)
	if err != nil {
		return nil, err
	}
	return readDiscards(name, content, lines(content))
}

// readDiscards reads the lines ls of the file content.
func readDiscards(name string, content []byte, ls []line) (*dict.Set, error) {
	s := &dict.Set{}
	s.AddFile(name, content)
	var errs Errors
	for _, l := range ls {
		t := l.text
		if t == "" {
			continue
		}
		d := dict.Discard{Origin: dict.Origin{File: name, Line: l.n}}
		if t[0] == '+' {
			d.Story = true
			t = t[1:]
		}
		if strings.ContainsAny(t, "[]{}") {
			errs = append(errs, &Error{File: name, Line: l.n, Msg: "discard line holds a code or group: " + clip(t)})
			continue
		}
		d.Phrase = phrase(t)
		if len(d.Phrase) == 0 {
			errs = append(errs, &Error{File: name, Line: l.n, Msg: "empty discard phrase"})
			continue
		}
		s.Discards = append(s.Discards, d)
	}
	return s, errs.Err()
}

// ReadIssues reads a PETRARCH issue file: <ISSUE CATEGORY="X" ...> blocks of
// "phrase [ISSUE]" lines, where words may carry a part-of-speech prefix
// ("n:school") and be joined by '+' ("early+childhood"), and "~phrase"
// exclusions; </ISSUE> ends a block.
func ReadIssues(r io.Reader, name string) (*dict.Set, error) {
	content, err := readAll(r, name)
	if err != nil {
		return nil, err
	}
	return readIssues(name, content, lines(content))
}

// readIssues reads the lines ls of the file content.
func readIssues(name string, content []byte, ls []line) (*dict.Set, error) {
	s := &dict.Set{}
	s.AddFile(name, content)
	var errs Errors
	category := ""
	for _, l := range ls {
		t := l.text
		if t == "" {
			continue
		}
		switch {
		case strings.HasPrefix(t, "<ISSUE"):
			const key = `CATEGORY="`
			i := strings.Index(t, key)
			if i < 0 {
				errs = append(errs, &Error{File: name, Line: l.n, Msg: "<ISSUE> without CATEGORY"})
				continue
			}
			j := strings.IndexByte(t[i+len(key):], '"')
			if j < 0 {
				errs = append(errs, &Error{File: name, Line: l.n, Msg: "unclosed CATEGORY value"})
				continue
			}
			category = t[i+len(key) : i+len(key)+j]
			continue
		case strings.HasPrefix(t, "</ISSUE"):
			category = ""
			continue
		case t[0] == '<':
			errs = append(errs, &Error{File: name, Line: l.n, Msg: "unknown tag " + clip(t)})
			continue
		}
		is := dict.Issue{Category: category, Origin: dict.Origin{File: name, Line: l.n}}
		if t[0] == '~' {
			is.Exclude = true
			t = t[1:]
		} else {
			head, groups, rest, ok := brackets(t)
			switch {
			case ok && len(groups) == 0 && category != "":
				is.Name = category // a bare phrase in a block stands for its category
			case !ok || len(groups) != 1 || strings.TrimSpace(rest) != "" || groups[0] == "":
				errs = append(errs, &Error{File: name, Line: l.n, Msg: "issue line needs one [ISSUE]: " + clip(t)})
				continue
			default:
				is.Name = strings.ToUpper(groups[0])
			}
			t = head
		}
		var p dict.Phrase
		for _, w := range strings.FieldsFunc(strings.ToLower(t), func(r rune) bool { return r == ' ' || r == '+' || r == '_' || r == '\t' }) {
			if i := strings.IndexByte(w, ':'); i >= 0 && i < 4 {
				w = w[i+1:]
			}
			if w != "" {
				p = append(p, dict.Word{Text: w})
			}
		}
		if len(p) == 0 {
			errs = append(errs, &Error{File: name, Line: l.n, Msg: "empty issue phrase"})
			continue
		}
		is.Phrases = []dict.Phrase{p}
		s.Issues = append(s.Issues, is)
	}
	return s, errs.Err()
}

// Kind is the kind of a PETRARCH dictionary file.
type Kind int

const (
	KindUnknown Kind = iota
	KindActors
	KindAgents
	KindVerbs
	KindDiscards
	KindIssues
)

func (k Kind) String() string {
	return [...]string{"unknown", "actors", "agents", "verbs", "discards", "issues"}[k]
}

// Detect tells the kind of a PETRARCH file from its content: verb block
// headers ("--- X [C] ---") make a verb file, <ISSUE> tags an issue file,
// !SUBST! sets or [~CODE] / [CODE~] codes an agent file, [CODE] blocks an
// actor file, and plain phrases a discard file.
func Detect(content []byte) Kind { return detect(lines(content)) }

// detect is Detect on the lines of a file.
func detect(ls []line) Kind {
	var agentCodes, codes, plain int
	for _, l := range ls {
		t := l.text
		switch {
		case t == "":
			continue
		case strings.HasPrefix(t, "---") && strings.HasSuffix(t, "---") && strings.Contains(t, "["):
			return KindVerbs
		case strings.HasPrefix(t, "<ISSUE"):
			return KindIssues
		case t[0] == '!' && strings.Contains(t, "="):
			agentCodes++
		case strings.Contains(t, "[~") || strings.Contains(t, "~]") || strings.Contains(t, "[ ~"):
			agentCodes++
		case strings.Contains(t, "["):
			codes++
		default:
			plain++
		}
	}
	switch {
	case agentCodes > 0 && agentCodes >= codes:
		return KindAgents
	case codes > 0:
		return KindActors
	case plain > 0:
		return KindDiscards
	}
	return KindUnknown
}

// Read reads a PETRARCH dictionary file of any kind, detected by Detect.
func Read(r io.Reader, name string) (*dict.Set, Kind, error) {
	content, err := readAll(r, name)
	if err != nil {
		return nil, KindUnknown, err
	}
	ls := lines(content) // split once, for detect and the reader
	k := detect(ls)
	var s *dict.Set
	switch k {
	case KindActors:
		s, err = readActors(name, content, ls)
	case KindAgents:
		s, err = readAgents(name, content, ls)
	case KindVerbs:
		s, err = readVerbs(name, content, ls)
	case KindDiscards:
		s, err = readDiscards(name, content, ls)
	case KindIssues:
		s, err = readIssues(name, content, ls)
	default:
		return nil, k, fmt.Errorf("%s: not a PETRARCH dictionary (no entries recognised)", name)
	}
	return s, k, err
}
