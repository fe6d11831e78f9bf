package petrarch

import (
	"io"
	"strings"

	"github.com/eventwire/eventwire/internal/dict"
)

// ReadVerbs reads a PETRARCH verb dictionary, in the PETRARCH-1 syntax
// (PETR.Validate.verbs.txt) or the PETRARCH-2 syntax (CAMEO.2.0.txt), which
// share their structure:
//
//	&SYNSET            a synset; its members follow as +WORD lines
//	--- NAME [CODE] ---  starts a verb block (CODE may be "SRC:TGT" or ---)
//	VERB {FORMS} [CODE]  a verb of the block, irregular forms in {}, '+'
//	                   marking the verb word of a multi-word verb
//	- PATTERN [CODE]   a pattern: words around '*' (the verb), '$' source,
//	                   '+' target, '%' both, '^' skipped phrase, &SYNSET,
//	                   '_' joining consecutive words, {..} noun phrases,
//	                   (..) prepositional phrases
//	~ a (b c INNER) OUTER = x y CODE   a transformation
func ReadVerbs(r io.Reader, name string) (*dict.Set, error) {
	content, err := readAll(r, name)
	if err != nil {
		return nil, err
	}
	return readVerbs(name, content, lines(content))
}

// readVerbs reads the lines ls of the file content.
func readVerbs(name string, content []byte, ls []line) (*dict.Set, error) {
	s := &dict.Set{}
	s.AddFile(name, content)
	var errs Errors
	const (
		modeNone = iota
		modeSynset
		modeVerb
	)
	mode := modeNone
	var syn *dict.Synset
	var verb *dict.Verb
	// seen maps a pattern's words (the text before its [CODE], spaces
	// collapsed) to its index in the current block: PETRARCH-2 stores a
	// block's patterns in a tree of their words, so a pattern written again
	// replaces the code of the earlier one ("* &TREATY [031:031]" then
	// "* &TREATY [057:057]" in CAMEO.2.0.txt's APPROVE block: ratifying a
	// treaty is 057; "* SANCTION [0351]" then "* SANCTION [085]" under LIFT:
	// lifting sanctions is 085)
	seen := map[string]int{}
	addPattern := func(p dict.Pattern, t string) {
		key := strings.Join(strings.Fields(strings.ToUpper(t[:strings.LastIndexByte(t, '[')])), " ")
		if i, ok := seen[key]; ok {
			verb.Patterns[i] = p
			return
		}
		seen[key] = len(verb.Patterns)
		verb.Patterns = append(verb.Patterns, p)
	}
	flushSyn := func() {
		if syn != nil {
			s.Synsets = append(s.Synsets, *syn)
			syn = nil
		}
	}
	flushVerb := func() {
		if verb != nil {
			if len(verb.Forms) == 0 {
				// a block whose verb line is missing: its name is the verb
				p := phrase(verb.Name)
				if len(p) == 0 {
					errs = append(errs, &Error{File: name, Line: verb.Origin.Line, Msg: "verb block without a verb: " + clip(verb.Name)})
					verb = nil
					return
				}
				verb.Forms = append(verb.Forms, verbForm(p, 0, verb.Origin))
			}
			s.Verbs = append(s.Verbs, *verb)
			verb = nil
		}
	}
	bad := func(n int, msg string) { errs = append(errs, &Error{File: name, Line: n, Msg: msg}) }
	for _, l := range ls {
		t := l.text
		if t == "" {
			if mode == modeSynset {
				flushSyn()
				mode = modeNone
			}
			continue
		}
		switch {
		case strings.HasPrefix(t, "---"):
			flushSyn()
			flushVerb()
			body := strings.TrimSpace(strings.Trim(t, "-"))
			head, groups, _, ok := brackets(body)
			if strings.TrimSpace(head) == "" || strings.ContainsAny(head, "#{}()") {
				bad(l.n, "verb block header needs a name: "+clip(t))
				mode = modeNone
				continue
			}
			if !ok || len(groups) == 0 {
				// the block is still read (its patterns carry codes)
				bad(l.n, "verb block header without a [CODE]: "+clip(t))
				groups = []string{dict.NullCode}
			}
			code, rev, msg := eventCode(groups[0])
			if msg != "" {
				bad(l.n, msg)
				mode = modeNone
				continue
			}
			verb = &dict.Verb{Name: strings.ToUpper(strings.TrimSpace(head)), Code: code, Reverse: rev,
				Origin: dict.Origin{File: name, Line: l.n}}
			clear(seen)
			mode = modeVerb
		case t[0] == '&':
			flushSyn()
			f := strings.Fields(t)
			if len(f) != 1 || len(f[0]) < 2 {
				bad(l.n, "synset line needs one &NAME: "+clip(t))
				mode = modeNone
				continue
			}
			syn = &dict.Synset{Name: strings.ToLower(strings.TrimRight(f[0], "_")), Origin: dict.Origin{File: name, Line: l.n}}
			mode = modeSynset
		case t[0] == '+' && mode == modeSynset:
			p := phrase(t[1:])
			if len(p) == 0 {
				bad(l.n, "empty synset member")
				continue
			}
			syn.Members = append(syn.Members, p)
		case t[0] == '~':
			flushSyn()
			tr, msg := transform(t[1:])
			if msg != "" {
				bad(l.n, msg)
				continue
			}
			tr.Origin = dict.Origin{File: name, Line: l.n}
			s.Transforms = append(s.Transforms, tr)
		case t[0] == '-':
			if mode != modeVerb || verb == nil {
				bad(l.n, "pattern outside a verb block")
				continue
			}
			p, msg := pattern(t[1:])
			if msg != "" {
				bad(l.n, msg)
				continue
			}
			p.Origin = dict.Origin{File: name, Line: l.n}
			addPattern(p, t[1:])
		case t[0] == '*' && mode == modeVerb && verb != nil:
			// a pattern that lost its "- " (PETRARCH reads it as one):
			// reported, and read as a pattern
			bad(l.n, "pattern line without its leading '-': "+clip(t))
			p, msg := pattern(t)
			if msg != "" {
				bad(l.n, msg)
				continue
			}
			p.Origin = dict.Origin{File: name, Line: l.n}
			addPattern(p, t)
		default:
			if mode != modeVerb || verb == nil {
				bad(l.n, "verb line outside a verb block: "+clip(t))
				continue
			}
			f, msg := verbLine(t, dict.Origin{File: name, Line: l.n})
			if msg != "" {
				bad(l.n, msg)
				continue
			}
			verb.Forms = append(verb.Forms, f)
		}
	}
	flushSyn()
	flushVerb()
	return s, errs.Err()
}

// eventCode parses "050", "032:033", "---".
func eventCode(g string) (code, rev, msg string) {
	g = strings.ToUpper(strings.TrimSpace(g))
	if g == "" {
		return "", "", "empty event code []"
	}
	if i := strings.IndexByte(g, ':'); i >= 0 {
		code, rev = strings.TrimSpace(g[:i]), strings.TrimSpace(g[i+1:])
	} else {
		code = g
	}
	if code == "" && rev != "" {
		code = dict.NullCode // "[:173]": only the reverse event
	}
	if !eventCodeChars(code) || (rev != "" && !eventCodeChars(rev)) {
		return "", "", "bad event code [" + clip(g) + "]"
	}
	if strings.Trim(code, "-") == "" {
		code = dict.NullCode
	}
	return code, rev, ""
}

// verbLine parses "BREAK { BROKE BROKEN }", "DOWNPLAY [014]",
// "+BREAK_DOWN {+BREAKS_DOWN}", "WIRE_+TAP {WIRE_+TAPPED}".
func verbLine(t string, o dict.Origin) (dict.VerbForm, string) {
	head, groups, rest, ok := brackets(t)
	if !ok || strings.TrimSpace(rest) != "" || len(groups) > 1 {
		return dict.VerbForm{}, "malformed verb line " + clip(t)
	}
	var forms []string
	explicit := false
	if i := strings.IndexByte(head, '{'); i >= 0 {
		j := strings.IndexByte(head, '}')
		if j < i {
			return dict.VerbForm{}, "unclosed { in " + clip(t)
		}
		forms = strings.Fields(head[i+1 : j])
		head = head[:i] + head[j+1:]
		explicit = true
	}
	p, h := verbPhrase(head)
	if len(p) == 0 {
		return dict.VerbForm{}, "verb line without a verb"
	}
	f := verbForm(p, h, o)
	if len(groups) == 1 {
		code, rev, msg := eventCode(groups[0])
		if msg != "" {
			return f, msg
		}
		f.Code, f.Reverse = code, rev
	}
	if explicit {
		f.Forms = f.Forms[:0]
		for _, fm := range forms {
			fp, fh := verbPhrase(fm)
			if len(fp) > 0 {
				f.Forms = append(f.Forms, fp[fh].Text)
			}
		}
	}
	return f, ""
}

// verbPhrase splits a verb written with '_' and spaces; the word marked '+'
// is the verb (the first word when none is marked).
func verbPhrase(s string) (dict.Phrase, int) {
	s = strings.ToLower(strings.TrimSpace(s))
	head := 0
	var p dict.Phrase
	for _, w := range strings.FieldsFunc(s, func(r rune) bool { return r == '_' || r == ' ' || r == '\t' }) {
		marked := strings.HasPrefix(w, "+")
		w = strings.TrimLeft(w, "+")
		if w == "" {
			continue
		}
		if marked {
			head = len(p)
		}
		p = append(p, dict.Word{Text: w})
	}
	return p, head
}

// verbForm makes the form of a (possibly multi-word) verb with generated
// regular inflections.
func verbForm(p dict.Phrase, head int, o dict.Origin) dict.VerbForm {
	lemma := p[head].Text
	f := dict.VerbForm{Lemma: lemma, Head: head, Origin: o, Forms: inflect(lemma)}
	if len(p) > 1 {
		f.Phrase = p
	}
	return f
}

// inflect generates the regular -s, -ed and -ing forms of a verb.
func inflect(v string) []string {
	n := len(v)
	if n < 2 {
		return nil
	}
	last := v[n-1]
	vowel := func(b byte) bool { return strings.IndexByte("aeiou", b) >= 0 }
	var s, ed, ing string
	switch {
	case last == 'e':
		s, ed, ing = v+"s", v+"d", v[:n-1]+"ing"
	case last == 'y' && !vowel(v[n-2]):
		s, ed, ing = v[:n-1]+"ies", v[:n-1]+"ied", v+"ing"
	case last == 's' || last == 'x' || last == 'z' || strings.HasSuffix(v, "ch") || strings.HasSuffix(v, "sh"):
		s, ed, ing = v+"es", v+"ed", v+"ing"
	default:
		s, ed, ing = v+"s", v+"ed", v+"ing"
	}
	return []string{s, ed, ing}
}

// pattern parses the text of a "- ..." line.
func pattern(t string) (dict.Pattern, string) {
	var p dict.Pattern
	i := strings.LastIndexByte(t, '[')
	j := strings.LastIndexByte(t, ']')
	if i < 0 || j < i || strings.TrimSpace(t[j+1:]) != "" {
		return p, "pattern needs a [CODE] at its end: " + clip(t)
	}
	code, rev, msg := eventCode(t[i+1 : j])
	if msg != "" {
		return p, msg
	}
	p.Code, p.Reverse = code, rev
	elems, verbAt, msg := patternElems(t[:i])
	if msg != "" {
		return p, msg + " in pattern " + clip(t)
	}
	if verbAt < 0 {
		return p, "pattern without '*' (the verb): " + clip(t)
	}
	p.Before, p.After = elems[:verbAt:verbAt], elems[verbAt:]
	return p, ""
}

// patternElems tokenises a pattern body. It returns the elements without
// the verb and the index where the verb ('*') stands (-1 when absent).
func patternElems(t string) ([]dict.Elem, int, string) {
	var out []dict.Elem
	verbAt := -1
	// split into items at spaces outside groups; '_' joins inside items
	i := 0
	for i < len(t) {
		c := t[i]
		switch {
		case c == ' ' || c == '\t':
			i++
		case c == '{' || c == '(':
			closeCh := byte('}')
			kind := dict.ElemNP
			if c == '(' {
				closeCh, kind = ')', dict.ElemPP
			}
			end := matching(t, i, c, closeCh)
			if end < 0 {
				return nil, -1, "unclosed " + string(c)
			}
			sub, v, msg := patternElems(t[i+1 : end])
			if msg != "" {
				return nil, -1, msg
			}
			if v >= 0 {
				return nil, -1, "'*' inside a group"
			}
			out = append(out, dict.Elem{Kind: kind, Sub: sub})
			i = end + 1
			if i < len(t) && t[i] == '_' {
				out[len(out)-1].Next = true
				i++
			}
		case c == '}' || c == ')':
			return nil, -1, "unbalanced " + string(c)
		default:
			k := i
			for k < len(t) && t[k] != ' ' && t[k] != '\t' && t[k] != '{' && t[k] != '(' && t[k] != '}' && t[k] != ')' {
				k++
			}
			item := t[i:k]
			i = k
			parts := strings.Split(item, "_")
			for pi, w := range parts {
				joined := pi < len(parts)-1 && parts[pi+1] != ""
				if w == "" {
					continue
				}
				if w == "*" {
					if verbAt >= 0 {
						return nil, -1, "two '*' verbs"
					}
					verbAt = len(out)
					continue
				}
				e := dict.Elem{Next: joined}
				switch w {
				case "$":
					e.Kind = dict.ElemSource
				case "+":
					e.Kind = dict.ElemTarget
				case "%":
					e.Kind = dict.ElemBoth
				case "^":
					e.Kind = dict.ElemSkip
				default:
					lw := strings.ToLower(w)
					e.Word = dict.Word{Text: lw, Synset: lw[0] == '&'}
					if e.Word.Synset && len(lw) < 2 {
						return nil, -1, "empty synset name"
					}
				}
				out = append(out, e)
			}
		}
	}
	return out, verbAt, ""
}

// matching returns the index of the bracket closing the one at i.
func matching(t string, i int, open, close byte) int {
	d := 0
	for k := i; k < len(t); k++ {
		switch t[k] {
		case open:
			d++
		case close:
			d--
			if d == 0 {
				return k
			}
		}
	}
	return -1
}

// transform parses " a (a b ATTACK) SAY = a b 015".
func transform(t string) (dict.Transform, string) {
	var tr dict.Transform
	eq := strings.IndexByte(t, '=')
	lp := strings.IndexByte(t, '(')
	rp := strings.IndexByte(t, ')')
	if eq < 0 || lp < 0 || rp < lp || rp > eq {
		return tr, "malformed transformation " + clip(t)
	}
	pre := strings.Fields(t[:lp])
	in := strings.Fields(t[lp+1 : rp])
	post := strings.Fields(t[rp+1 : eq])
	res := strings.Fields(t[eq+1:])
	if len(pre) != 1 || len(in) != 3 || len(post) != 1 || len(res) != 3 {
		return tr, "transformation needs 'x (y z INNER) OUTER = s t CODE': " + clip(t)
	}
	tr.OuterSource, tr.InnerSource, tr.InnerTarget, tr.Inner = pre[0], in[0], in[1], strings.ToUpper(in[2])
	tr.Outer = strings.ToUpper(post[0])
	tr.Source, tr.Target, tr.Code = res[0], res[1], strings.ToUpper(res[2])
	return tr, ""
}

// eventCodeChars accepts the characters of event codes, including the test
// codes of the validation dictionaries ("###", "025?", "174K").
func eventCodeChars(c string) bool {
	if c == "" {
		return false
	}
	for i := 0; i < len(c); i++ {
		if b := c[i]; b <= ' ' || b == '[' || b == ']' || b >= 0x7f {
			return false
		}
	}
	return true
}
