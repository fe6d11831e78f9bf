package native

import (
	"bytes"
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/eventwire/eventwire/internal/dict"
)

// Read reads an eventwire dictionary from r into a new Set; name is the file
// name used in origins and problems. When lines are bad it returns the
// entries of the good lines together with an error of type Problems listing
// every bad line; any other error is an I/O error.
func Read(r io.Reader, name string) (*dict.Set, error) {
	content, err := io.ReadAll(r)
	if err != nil {
		return nil, fmt.Errorf("reading %s: %w", name, err)
	}
	f, probs, err := parse(bytes.NewReader(content), name)
	if err != nil {
		return nil, err
	}
	s := toSet(name, f)
	s.AddFile(name, content)
	if len(probs) > 0 {
		return s, probs
	}
	return s, nil
}

// Write writes the entries of s in the eventwire format, one section per
// kind. Entries the format cannot express — linear (PETRARCH/TABARI) verb
// patterns, transformations, names with syntax characters — are left out
// and reported in the returned error, one "file:line: message" per entry;
// everything else is written.
func Write(w io.Writer, s *dict.Set) error {
	f, probs := fromSet(s)
	if err := writeFile(w, f); err != nil {
		return err
	}
	if len(probs) > 0 {
		return probs
	}
	return nil
}

func fromDate(d dict.Date) time.Time {
	if d == 0 {
		return time.Time{}
	}
	return time.Date(int(d)/10000, time.Month(int(d)/100%100), int(d)%100, 0, 0, 0, 0, time.UTC)
}

func nullIn(code string) string {
	if code == "-" {
		return dict.NullCode
	}
	return code
}

func nullOut(code string) string {
	if code == dict.NullCode {
		return "-"
	}
	return code
}

// phrase turns a name as written ("Emmanuel Macron", "Argentin*") into
// lower-case words; a trailing '*' makes a prefix word.
func phrase(s string) dict.Phrase {
	f := strings.Fields(s)
	p := make(dict.Phrase, len(f))
	for i, w := range f {
		if len(w) > 1 && w[0] == '&' {
			p[i] = dict.Word{Text: strings.ToLower(w), Synset: true}
			continue
		}
		if strings.HasSuffix(w, "*") {
			p[i] = dict.Word{Text: strings.ToLower(strings.TrimSuffix(w, "*")), Prefix: true}
		} else {
			p[i] = dict.Word{Text: strings.ToLower(w)}
		}
	}
	return p
}

func phrases(ss []string) []dict.Phrase {
	out := make([]dict.Phrase, len(ss))
	for i, s := range ss {
		out[i] = phrase(s)
	}
	return out
}

func toSet(name string, f *file) *dict.Set {
	s := &dict.Set{}
	at := func(line int) dict.Origin { return dict.Origin{File: name, Line: line} }
	for _, a := range f.Actors {
		da := dict.Actor{Names: phrases(a.Names), Origin: at(a.Line)}
		for _, c := range a.Codes {
			codes := make([]string, len(c.Codes))
			for i, code := range c.Codes {
				codes[i] = nullIn(code)
			}
			da.Codes = append(da.Codes, dict.ActorCode{Codes: codes,
				Range: dict.DateRange{From: dict.DateOf(c.Range.From), To: dict.DateOf(c.Range.To)}, Origin: at(c.Line)})
		}
		s.Actors = append(s.Actors, da)
	}
	for _, a := range f.Agents {
		place := dict.AgentAlone
		switch a.Place {
		case agentSuffix:
			place = dict.AgentSuffix
		case agentPrefix:
			place = dict.AgentPrefix
		}
		s.Agents = append(s.Agents, dict.Agent{Names: phrases(a.Names), Code: a.Code, Place: place, Origin: at(a.Line)})
	}
	for _, sy := range f.Synsets {
		s.Synsets = append(s.Synsets, dict.Synset{Name: "&" + sy.Name, Members: phrases(sy.Members), Origin: at(sy.Line)})
	}
	for _, v := range f.Verbs {
		form := dict.VerbForm{Lemma: v.Lemma, Noun: v.Noun, Adj: v.Adj, Origin: at(v.Line)}
		if v.Particle != "" {
			form.Phrase = dict.Phrase{{Text: v.Lemma}, {Text: v.Particle}}
		}
		dv := dict.Verb{Name: v.key(), Code: nullIn(v.Code), Reverse: v.Reverse, Forms: []dict.VerbForm{form}, Origin: at(v.Line)}
		if v.HasNeg {
			dv.Neg = nullIn(v.Neg)
		}
		for _, p := range v.Patterns {
			dp := dict.Pattern{Slots: toSlots(p.Slots), Code: nullIn(p.Code), Reverse: p.Reverse, Origin: at(p.Line)}
			if p.HasNeg {
				dp.Neg = nullIn(p.Neg)
			}
			dv.Patterns = append(dv.Patterns, dp)
		}
		s.Verbs = append(s.Verbs, dv)
	}
	for _, d := range f.Discards {
		s.Discards = append(s.Discards, dict.Discard{Phrase: phrase(d.Phrase), Story: d.Story, Origin: at(d.Line)})
	}
	for _, is := range f.Issues {
		s.Issues = append(s.Issues, dict.Issue{Phrases: phrases(is.Phrases), Name: is.Issue, Category: is.Category,
			Exclude: is.Exclude, Origin: at(is.Line)})
	}
	return s
}

func toSlots(in []slot) []dict.Slot {
	if len(in) == 0 {
		return nil
	}
	out := make([]dict.Slot, len(in))
	for i, sl := range in {
		ds := dict.Slot{Rel: sl.Rel, Keyword: sl.Key, Role: dict.ElemWord, Sub: toSlots(sl.Sub)}
		switch sl.Kind {
		case valSource:
			ds.Role = dict.ElemSource
		case valTarget:
			ds.Role = dict.ElemTarget
		case valSynset:
			ds.Words = []dict.Word{{Text: "&" + sl.Words[0], Synset: true}}
		case valWords:
			ds.Words = make([]dict.Word, len(sl.Words))
			for j, w := range sl.Words {
				ds.Words[j] = dict.Word{Text: w}
			}
		}
		out[i] = ds
	}
	return out
}

// fromSet converts a Set back to the parsed form, reporting what the format
// cannot express.
func fromSet(s *dict.Set) (*file, Problems) {
	f := &file{}
	var probs Problems
	bad := func(o dict.Origin, format string, args ...any) {
		probs = append(probs, &Problem{File: o.File, Line: o.Line, Msg: fmt.Sprintf(format, args...)})
	}
	var namesSyn func(o dict.Origin, ps []dict.Phrase, synsets bool) ([]string, bool)
	names := func(o dict.Origin, ps []dict.Phrase) ([]string, bool) { return namesSyn(o, ps, false) }
	namesSyn = func(o dict.Origin, ps []dict.Phrase, synsets bool) ([]string, bool) {
		out := make([]string, 0, len(ps))
		for _, p := range ps {
			n, err := phraseOut(p, synsets)
			if err != nil {
				bad(o, "%v", err)
				return nil, false
			}
			out = append(out, n)
		}
		return out, len(out) > 0
	}
	for _, a := range s.Actors {
		ns, ok := names(a.Origin, a.Names)
		if !ok {
			continue
		}
		e := actorEntry{Names: ns}
		for _, c := range a.Codes {
			codes := make([]string, len(c.Codes))
			for i, code := range c.Codes {
				codes[i] = nullOut(code)
			}
			e.Codes = append(e.Codes, actorCode{Codes: codes, Range: dateRange{From: fromDate(c.Range.From), To: fromDate(c.Range.To)}})
		}
		f.Actors = append(f.Actors, e)
	}
	for _, a := range s.Agents {
		ns, ok := names(a.Origin, a.Names)
		if !ok {
			continue
		}
		place := agentAlone
		switch a.Place {
		case dict.AgentSuffix:
			place = agentSuffix
		case dict.AgentPrefix:
			place = agentPrefix
		}
		f.Agents = append(f.Agents, agentEntry{Names: ns, Code: a.Code, Place: place})
	}
	for _, sy := range s.Synsets {
		ms, ok := namesSyn(sy.Origin, sy.Members, true)
		if !ok {
			continue
		}
		f.Synsets = append(f.Synsets, synsetEntry{Name: strings.TrimPrefix(sy.Name, "&"), Members: ms})
	}
	for _, v := range s.Verbs {
		var pats []verbPattern
		ok := true
		for _, p := range v.Patterns {
			if len(p.Before) > 0 || len(p.After) > 0 {
				bad(p.Origin, "verb %s: linear (PETRARCH/TABARI) patterns cannot be written in the eventwire format", v.Name)
				ok = false
				break
			}
			pats = append(pats, verbPattern{Slots: fromSlots(p.Slots), Code: nullOut(p.Code), Reverse: p.Reverse,
				Neg: nullOut(p.Neg), HasNeg: p.Neg != ""})
		}
		if !ok {
			continue
		}
		// One header per form; the patterns are shared.
		for _, form := range v.Forms {
			e := verbEntry{Lemma: form.Lemma, Noun: form.Noun, Adj: form.Adj, Code: nullOut(v.Code), Reverse: v.Reverse,
				Neg: nullOut(v.Neg), HasNeg: v.Neg != "", Patterns: pats}
			if form.Code != "" {
				e.Code = nullOut(form.Code)
			}
			switch {
			case len(form.Phrase) == 2 && form.Head == 0 && !form.Phrase[1].Prefix && !form.Phrase[1].Synset:
				e.Particle = form.Phrase[1].Text
			case len(form.Phrase) > 0:
				bad(form.Origin, "verb %s: multi-word form %q cannot be written in the eventwire format", v.Name, form.Phrase.String())
				continue
			}
			if !isWord(e.Lemma) || (e.Particle != "" && !isWord(e.Particle)) {
				bad(form.Origin, "verb %s: lemma %q cannot be written in the eventwire format", v.Name, form.Lemma)
				continue
			}
			f.Verbs = append(f.Verbs, e)
		}
	}
	for _, t := range s.Transforms {
		bad(t.Origin, "transformations cannot be written in the eventwire format")
	}
	for _, d := range s.Discards {
		n, err := phraseOut(d.Phrase, false)
		if err != nil {
			bad(d.Origin, "%v", err)
			continue
		}
		f.Discards = append(f.Discards, discardEntry{Phrase: n, Story: d.Story})
	}
	for _, is := range s.Issues {
		ps, ok := names(is.Origin, is.Phrases)
		if !ok {
			continue
		}
		if is.Exclude {
			for _, p := range ps {
				f.Issues = append(f.Issues, issueEntry{Phrases: []string{p}, Exclude: true, Category: is.Category})
			}
			continue
		}
		if !issueName(is.Name) || (is.Category != "" && !issueName(is.Category)) {
			bad(is.Origin, "issue %q (category %q) cannot be written in the eventwire format", is.Name, is.Category)
			continue
		}
		f.Issues = append(f.Issues, issueEntry{Phrases: ps, Issue: is.Name, Category: is.Category})
	}
	return f, probs
}

// phraseOut writes a phrase as a name and checks that it reads back;
// synsets allows "&name" words (synset members).
func phraseOut(p dict.Phrase, synsets bool) (string, error) {
	var b strings.Builder
	for i, w := range p {
		if w.Synset && !synsets {
			return "", fmt.Errorf("phrase %q: synset references in names cannot be written in the eventwire format", p.String())
		}
		if i > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(w.Text)
		if w.Prefix {
			b.WriteByte('*')
		}
	}
	n, err := normPhraseSyn(b.String(), synsets)
	if err != nil || n != b.String() {
		return "", fmt.Errorf("phrase %q cannot be written in the eventwire format", b.String())
	}
	return n, nil
}

func fromSlots(in []dict.Slot) []slot {
	if len(in) == 0 {
		return nil
	}
	out := make([]slot, len(in))
	for i, ds := range in {
		sl := slot{Rel: ds.Rel, Key: ds.Keyword, Sub: fromSlots(ds.Sub)}
		switch {
		case ds.Keyword != "":
		case ds.Role == dict.ElemSource:
			sl.Kind = valSource
		case ds.Role == dict.ElemTarget:
			sl.Kind = valTarget
		case len(ds.Words) == 1 && ds.Words[0].Synset:
			sl.Kind = valSynset
			sl.Words = []string{strings.TrimPrefix(ds.Words[0].Text, "&")}
		case len(ds.Words) == 0:
			sl.Kind = valAny
		default:
			sl.Kind = valWords
			for _, w := range ds.Words {
				sl.Words = append(sl.Words, w.Text)
			}
		}
		out[i] = sl
	}
	return out
}
