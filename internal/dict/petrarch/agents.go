package petrarch

import (
	"io"
	"strings"

	"github.com/eventwire/eventwire/internal/dict"
)

// ReadAgents reads a PETRARCH agent dictionary: substitution sets
// "!NAME! = A, B, C", and agent lines "NOUN {PLURAL ...} [~CODE]" where the
// code is ~CODE (follows the country), CODE~ (precedes it) or CODE (alone).
// Without {...} a regular plural is generated; "{}" means no plural. A
// !NAME! inside a noun is replaced by each member of its set.
func ReadAgents(r io.Reader, name string) (*dict.Set, error) {
	content, err := readAll(r, name)
	if err != nil {
		return nil, err
	}
	return readAgents(name, content, lines(content))
}

// readAgents reads the lines ls of the file content.
func readAgents(name string, content []byte, ls []line) (*dict.Set, error) {
	s := &dict.Set{}
	s.AddFile(name, content)
	var errs Errors
	subst := map[string][]string{}
	for _, l := range ls {
		t := l.text
		if t == "" {
			continue
		}
		if t[0] == '!' && strings.IndexByte(t, '=') > 0 && strings.IndexByte(t, '[') < 0 {
			i := strings.IndexByte(t[1:], '!')
			eq := strings.IndexByte(t, '=')
			if i < 0 || eq < 0 || eq < i+2 {
				errs = append(errs, &Error{File: name, Line: l.n, Msg: "malformed substitution set " + clip(t)})
				continue
			}
			key := strings.ToUpper(t[:i+2])
			var members []string
			for _, m := range strings.Split(t[eq+1:], ",") {
				if m = strings.TrimSpace(m); m != "" {
					members = append(members, m)
				}
			}
			if len(members) == 0 {
				errs = append(errs, &Error{File: name, Line: l.n, Msg: "empty substitution set " + key})
				continue
			}
			subst[key] = members
			continue
		}
		head, groups, rest, ok := brackets(t)
		if !ok || len(groups) != 1 || strings.TrimSpace(rest) != "" {
			errs = append(errs, &Error{File: name, Line: l.n, Msg: "agent line needs one [CODE]: " + clip(t)})
			continue
		}
		code := strings.ReplaceAll(groups[0], " ", "")
		a := dict.Agent{Origin: dict.Origin{File: name, Line: l.n}}
		switch {
		case strings.HasPrefix(code, "~"):
			a.Place, a.Code = dict.AgentSuffix, code[1:]
		case strings.HasSuffix(code, "~"):
			a.Place, a.Code = dict.AgentPrefix, code[:len(code)-1]
		default:
			a.Place, a.Code = dict.AgentAlone, code
		}
		a.Code = strings.ToUpper(a.Code)
		if a.Code == "" || !validCode(a.Code) {
			errs = append(errs, &Error{File: name, Line: l.n, Msg: "bad agent code [" + clip(groups[0]) + "]"})
			continue
		}
		noun := head
		var plurals []string
		explicit := false
		if i := strings.IndexByte(head, '{'); i >= 0 {
			j := strings.IndexByte(head, '}')
			if j < i {
				errs = append(errs, &Error{File: name, Line: l.n, Msg: "unclosed { in " + clip(t)})
				continue
			}
			noun = head[:i]
			plurals = strings.Fields(head[i+1 : j])
			explicit = true
		}
		noun = strings.TrimSpace(noun)
		if noun == "" {
			errs = append(errs, &Error{File: name, Line: l.n, Msg: "agent line without a noun"})
			continue
		}
		forms := []string{noun}
		forms = append(forms, plurals...)
		if !explicit && !strings.ContainsRune(noun, '!') { // substitution sets list their own plurals
			forms = append(forms, plural(noun))
		}
		bad := false
		for _, f := range forms {
			exp, msg := substitute(f, subst)
			if msg != "" {
				errs = append(errs, &Error{File: name, Line: l.n, Msg: msg})
				bad = true
				break
			}
			for _, e := range exp {
				if p := phrase(e); len(p) > 0 {
					a.Names = append(a.Names, p)
				}
			}
		}
		if !bad && len(a.Names) > 0 {
			s.Agents = append(s.Agents, a)
		}
	}
	return s, errs.Err()
}

// substitute expands the !NAME! markers of f with each member of its set.
func substitute(f string, subst map[string][]string) ([]string, string) {
	i := strings.IndexByte(f, '!')
	if i < 0 {
		return []string{f}, ""
	}
	j := strings.IndexByte(f[i+1:], '!')
	if j < 0 {
		return nil, "unclosed ! in " + clip(f)
	}
	key := strings.ToUpper(f[i : i+j+2])
	members, ok := subst[key]
	if !ok {
		return nil, "unknown substitution set " + key
	}
	var out []string
	for _, m := range members {
		rest, msg := substitute(f[i+j+2:], subst)
		if msg != "" {
			return nil, msg
		}
		for _, r := range rest {
			out = append(out, f[:i]+m+r)
		}
	}
	return out, ""
}

// plural makes the regular English plural of the last word of a noun
// phrase written with '_' or spaces.
func plural(noun string) string {
	n := strings.TrimRight(noun, "_")
	u := strings.ToUpper(n)
	switch {
	case strings.HasSuffix(u, "Y") && len(u) > 1 && !strings.ContainsRune("AEIOU", rune(u[len(u)-2])):
		return n[:len(n)-1] + "IES"
	case strings.HasSuffix(u, "S"), strings.HasSuffix(u, "X"), strings.HasSuffix(u, "CH"), strings.HasSuffix(u, "SH"):
		return n + "ES"
	case strings.HasSuffix(u, "MAN"):
		return n[:len(n)-3] + "MEN"
	default:
		return n + "S"
	}
}
