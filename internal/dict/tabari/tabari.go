package tabari

import (
	"bytes"
	"fmt"
	"io"
	"strings"

	"github.com/eventwire/eventwire/internal/dict"
)

// maxExpansions caps the patterns one TABARI pattern with { A | B }
// alternatives may expand into.
const maxExpansions = 256

// ReadActors reads a TABARI .actors file into a new Set; name is used in
// origins and problems. <NOUN> and <ADJECTIVE> word lists are checked but not
// kept: eventwire's tagger decides parts of speech. On bad lines it returns
// the entries of the good lines and an error of type Problems.
func ReadActors(r io.Reader, name string) (*dict.Set, error) {
	return readNouns(r, name, false)
}

// ReadAgents reads a TABARI .agents file ([~CODE] and [CODE~] entries).
func ReadAgents(r io.Reader, name string) (*dict.Set, error) {
	return readNouns(r, name, true)
}

func readNouns(r io.Reader, name string, agents bool) (*dict.Set, error) {
	content, err := io.ReadAll(r)
	if err != nil {
		return nil, fmt.Errorf("reading %s: %w", name, err)
	}
	f, perr := parseNounFile(bytes.NewReader(content), name, agents)
	probs, err := problemsOf(perr)
	if err != nil {
		return nil, err
	}
	e := &errs{file: name, list: probs}
	s := &dict.Set{}
	for _, ent := range f.Entries {
		o := dict.Origin{File: name, Line: ent.Line}
		names := make([]dict.Phrase, len(ent.Names))
		for i, n := range ent.Names {
			names[i] = phrase(n)
		}
		if agents {
			if len(ent.Agents) > 1 {
				e.add(ent.Line, "agent %q has %d codes; an agent has one", phraseString(ent.Names[0]), len(ent.Agents))
				continue
			}
			a := ent.Agents[0]
			place := dict.AgentSuffix
			if a.Prefix {
				place = dict.AgentPrefix
			}
			s.Agents = append(s.Agents, dict.Agent{Names: names, Code: a.Code, Place: place, Origin: o})
			continue
		}
		a := dict.Actor{Names: names, Origin: o}
		for _, c := range ent.Codes {
			codes := make([]string, len(c.Codes))
			for i, code := range c.Codes {
				codes[i] = code
				if code == "---" {
					codes[i] = dict.NullCode
				}
			}
			a.Codes = append(a.Codes, dict.ActorCode{Codes: codes,
				Range: dict.DateRange{From: dict.DateOf(c.From), To: dict.DateOf(c.To)}, Origin: o})
		}
		s.Actors = append(s.Actors, a)
	}
	s.AddFile(name, content)
	return s, e.err()
}

// ReadVerbs reads a TABARI .verbs file: <SYNSETS>, verb blocks and their
// patterns. A pattern with { A | B } alternatives becomes one pattern per
// combination. <TIME> phrases are checked but not kept (internal/timex
// resolves dates). Paired codes [031:032] become Code and Reverse.
func ReadVerbs(r io.Reader, name string) (*dict.Set, error) {
	content, err := io.ReadAll(r)
	if err != nil {
		return nil, fmt.Errorf("reading %s: %w", name, err)
	}
	f, perr := parseVerbsFile(bytes.NewReader(content), name)
	probs, err := problemsOf(perr)
	if err != nil {
		return nil, err
	}
	e := &errs{file: name, list: probs}
	s := &dict.Set{}
	for _, sy := range f.Synsets {
		ds := dict.Synset{Name: "&" + strings.ToLower(sy.Name), Origin: dict.Origin{File: name, Line: sy.Line}}
		for _, m := range sy.Members {
			p, ok := memberPhrase(m.Tokens)
			if !ok {
				e.warn(m.Line, "synset &%s: member with actor or verb markers skipped (a synset member is a plain phrase)", sy.Name)
				continue
			}
			ds.Members = append(ds.Members, p...)
		}
		s.Synsets = append(s.Synsets, ds)
	}
	for _, v := range f.Verbs {
		o := dict.Origin{File: name, Line: v.Line}
		dv := dict.Verb{Name: phraseString(v.Words), Code: code(v.Code.Code), Reverse: v.Code.Paired, Origin: o}
		form := dict.VerbForm{Lemma: strings.ToLower(v.Words[0].Text), Origin: o}
		if len(v.Words) > 1 || v.Words[0].Stem {
			// a multi-word verb, or a stem ("CONTRIBUT"): keep the words so
			// that the prefix match and the following words are not lost
			form.Phrase = phrase(v.Words)
		}
		for _, w := range v.Forms {
			form.Forms = append(form.Forms, strings.ToLower(w.Text))
		}
		dv.Forms = []dict.VerbForm{form}
		for _, p := range v.Patterns {
			po := dict.Origin{File: name, Line: p.Line}
			variants := expand(p.Tokens)
			if len(variants) > maxExpansions {
				e.add(p.Line, "verb %s: pattern expands into %d alternatives (at most %d)", dv.Name, len(variants), maxExpansions)
				continue
			}
			for _, toks := range variants {
				dp := dict.Pattern{Code: code(p.Code.Code), Reverse: p.Code.Paired, Origin: po}
				dp.Before, dp.After = elems(toks)
				dv.Patterns = append(dv.Patterns, dp)
			}
		}
		s.Verbs = append(s.Verbs, dv)
	}
	s.AddFile(name, content)
	return s, e.err()
}

// problemsOf separates line problems (returned) from I/O errors.
func problemsOf(err error) (Problems, error) {
	if err == nil {
		return nil, nil
	}
	if ps, ok := err.(Problems); ok {
		return ps, nil
	}
	return nil, err
}

func code(c string) string {
	if c == "---" {
		return dict.NullCode
	}
	return strings.ToUpper(c)
}

// phrase converts TABARI words: lower case, stems become prefix words.
func phrase(ws []word) dict.Phrase {
	p := make(dict.Phrase, len(ws))
	for i, w := range ws {
		p[i] = dict.Word{Text: strings.ToLower(w.Text), Prefix: w.Stem}
	}
	return p
}

// memberPhrase converts a synset member (words, &synsets, { | }
// alternatives) into its phrases; ok is false when it holds markers.
func memberPhrase(toks []token) ([]dict.Phrase, bool) {
	var out []dict.Phrase
	for _, variant := range expand(toks) {
		var p dict.Phrase
		for _, t := range variant {
			switch t.Kind {
			case tokWord:
				p = append(p, dict.Word{Text: strings.ToLower(t.Word.Text), Prefix: t.Word.Stem})
			case tokSynset:
				p = append(p, dict.Word{Text: "&" + strings.ToLower(t.Word.Text), Synset: true})
			default:
				return nil, false
			}
		}
		out = append(out, p)
	}
	return out, true
}

// expand returns the token sequences of a pattern with its { A | B }
// alternatives spelled out; it stops growing past maxExpansions.
func expand(toks []token) [][]token {
	out := [][]token{nil}
	for _, t := range toks {
		if t.Kind != tokAlt {
			for i := range out {
				out[i] = append(out[i], t)
			}
			continue
		}
		var next [][]token
		for _, prefix := range out {
			for _, alt := range t.Alts {
				seq := make([]token, 0, len(prefix)+len(alt))
				seq = append(seq, prefix...)
				for j, a := range alt {
					if j == 0 {
						a.Joined = t.Joined
					}
					seq = append(seq, a)
				}
				next = append(next, seq)
			}
			if len(next) > maxExpansions {
				return next
			}
		}
		out = next
	}
	return out
}

// elems splits an expanded pattern at the verb into the model's Before and
// After elements; Next marks an element joined by '_' to the one after it.
func elems(toks []token) (before, after []dict.Elem) {
	var all []dict.Elem
	verbAt := -1
	for i, t := range toks {
		if t.Kind == tokVerb {
			verbAt = len(all)
			if t.Joined && len(all) > 0 {
				all[len(all)-1].Next = true
			}
			continue
		}
		e := dict.Elem{}
		switch t.Kind {
		case tokWord:
			e.Word = dict.Word{Text: strings.ToLower(t.Word.Text), Prefix: t.Word.Stem}
		case tokSynset:
			e.Word = dict.Word{Text: "&" + strings.ToLower(t.Word.Text), Synset: true}
		case tokSource:
			e.Kind = dict.ElemSource
		case tokTarget:
			e.Kind = dict.ElemTarget
		case tokCompound:
			e.Kind = dict.ElemBoth
		case tokSkip:
			e.Kind = dict.ElemSkip
		}
		if i+1 < len(toks) && toks[i+1].Joined && toks[i+1].Kind != tokVerb {
			e.Next = true
		}
		all = append(all, e)
	}
	if verbAt < 0 {
		return all, nil
	}
	return all[:verbAt:verbAt], all[verbAt:]
}
