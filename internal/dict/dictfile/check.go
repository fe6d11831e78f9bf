package dictfile

import (
	"fmt"

	"github.com/eventwire/eventwire/internal/cameo"
	"github.com/eventwire/eventwire/internal/dict"
)

// checkSet finds the problems that need the whole set: synsets referred to
// but defined in no file (an error in an eventwire file, a warning in
// others, whose readers keep the reference), and, for PETRARCH and TABARI
// files, codes that CAMEO does not define (warnings: those dictionaries carry
// project and test codes; the eventwire reader rejects them itself).
func checkSet(s *dict.Set, native map[string]bool) []dict.Problem {
	var probs []dict.Problem
	add := func(o dict.Origin, warn bool, format string, args ...any) {
		probs = append(probs, dict.Problem{File: o.File, Line: o.Line, Msg: fmt.Sprintf(format, args...), Warning: warn})
	}
	defined := make(map[string]bool, len(s.Synsets))
	for i := range s.Synsets {
		defined[s.Synsets[i].Name] = true
	}
	checkWord := func(o dict.Origin, what string, w dict.Word) {
		if w.Synset && !defined[w.Text] {
			add(o, !native[o.File], "%s: synset %s is not defined in any file", what, w.Text)
		}
	}
	var checkElems func(o dict.Origin, what string, es []dict.Elem)
	checkElems = func(o dict.Origin, what string, es []dict.Elem) {
		for _, e := range es {
			checkWord(o, what, e.Word)
			checkElems(o, what, e.Sub)
		}
	}
	var checkSlots func(o dict.Origin, what string, ss []dict.Slot)
	checkSlots = func(o dict.Origin, what string, ss []dict.Slot) {
		for _, sl := range ss {
			for _, w := range sl.Words {
				checkWord(o, what, w)
			}
			checkSlots(o, what, sl.Sub)
		}
	}
	for i := range s.Synsets {
		sy := &s.Synsets[i]
		for _, m := range sy.Members {
			for _, w := range m {
				checkWord(sy.Origin, "synset "+sy.Name, w)
			}
		}
	}
	eventCode := func(o dict.Origin, what, code string) {
		if native[o.File] || code == "" || code == dict.NullCode || code == "###" || code == "+++" {
			return
		}
		if _, ok := cameo.Lookup(code); !ok {
			add(o, true, "%s: %q is not a CAMEO event code", what, code)
		}
	}
	for i := range s.Verbs {
		v := &s.Verbs[i]
		what := "verb " + v.Name
		eventCode(v.Origin, what, v.Code)
		eventCode(v.Origin, what, v.Reverse)
		eventCode(v.Origin, what, v.Neg)
		for _, f := range v.Forms {
			eventCode(f.Origin, what, f.Code)
			for _, w := range f.Phrase {
				checkWord(f.Origin, what, w)
			}
		}
		for j := range v.Patterns {
			p := &v.Patterns[j]
			eventCode(p.Origin, what, p.Code)
			eventCode(p.Origin, what, p.Reverse)
			eventCode(p.Origin, what, p.Neg)
			checkElems(p.Origin, what, p.Before)
			checkElems(p.Origin, what, p.After)
			checkSlots(p.Origin, what, p.Slots)
		}
	}
	// each distinct code is parsed once (a dictionary repeats "USAGOV"
	// thousands of times), and an entry's name written only for a problem
	parsed := map[string]error{}
	actorCode := func(o dict.Origin, what string, name dict.Phrase, code string) {
		if native[o.File] || code == "" || code == dict.NullCode || code == "###" || code == "+++" {
			return
		}
		err, ok := parsed[code]
		if !ok {
			_, err = cameo.ParseActorCode(code)
			parsed[code] = err
		}
		if err != nil {
			add(o, true, "%s %s: not a CAMEO %v", what, name, err)
		}
	}
	for i := range s.Actors {
		a := &s.Actors[i]
		for _, c := range a.Codes {
			for _, code := range c.Codes {
				actorCode(c.Origin, "actor", a.Names[0], code)
			}
		}
	}
	for i := range s.Agents {
		a := &s.Agents[i]
		actorCode(a.Origin, "agent", a.Names[0], a.Code)
	}
	return probs
}
