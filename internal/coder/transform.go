package coder

import (
	"strings"

	"github.com/eventwire/eventwire/internal/dict"
	"github.com/eventwire/eventwire/internal/event"
)

// transform is a dictionary transformation ("~ a (b . ATTACK) SAY = a b
// 112", PETRARCH-2's CAMEO.2.0.txt) with its verb names read as the code
// roots of their verb classes: ATTACK is the class that holds the verb
// "attack" (PHYSICAL_CONFLICT [190], root 19), SAY that of "say" (010,
// root 01), CLAIM that of "claim" (ALLEGE [110], root 11). An event
// matches a name when its code has that root; "Q" matches any code.
type transform struct {
	t            *dict.Transform
	outer, inner string // code roots; "" for Q (any)
}

// transforms reads the set's transformations; one whose verb name has no
// class with a code (ATTEMPT [---]) can match no event and is left out.
func transforms(set *dict.Set) []transform {
	var out []transform
	for i := range set.Transforms {
		t := &set.Transforms[i]
		outer, ok1 := classRoot(set, t.Outer)
		inner, ok2 := classRoot(set, t.Inner)
		if ok1 && ok2 && outer != "" {
			out = append(out, transform{t: t, outer: outer, inner: inner})
		}
	}
	return out
}

// classRoot returns the code root a transformation's verb name stands for:
// "" for Q, the root of a written code ("190"), or the root of the code of
// the verb class holding the name as a one-word verb.
func classRoot(set *dict.Set, name string) (string, bool) {
	if name == "Q" {
		return "", true
	}
	if len(name) >= 2 && name[0] >= '0' && name[0] <= '9' {
		return name[:2], true
	}
	low := strings.ToLower(name)
	for _, r := range set.VerbsFor(low) {
		vb := &set.Verbs[r.Verb]
		f := &vb.Forms[r.Form]
		if f.Phrase != nil || f.Noun || f.Adj || f.Lemma != low {
			continue
		}
		code := f.Code
		if code == "" {
			code = vb.Code
		}
		if code == dict.NullCode || len(code) < 2 {
			continue
		}
		return code[:2], true
	}
	return "", false
}

// nestedEvents rewrites a pair of nested events by the dictionary's
// transformations, as PETRARCH-2 does: an event whose verb's complement
// clause holds another event ("the US claimed that ISIL had attacked Iraq":
// USA → ISI 110 over ISI → IRQ 190) becomes the one event the
// transformation gives (USA → ISI 112, an accusation); "Hamas claimed it
// had attacked the convoy" (Hamas's own attack: 015, claiming
// responsibility); "the minister wants to attack the rebels" (an inner
// event with no subject of its own: 138, a threat). The two events are
// replaced by the result. When the complement's verb codes no event of its
// own for want of a target ("the US said that Iraq had attacked
// themselves"), its class code stands for it with no target. Dictionary
// sets without transformations (the built-in one, the PETR validation
// set) are left as they are.
func (c *Coder) nestedEvents(sc *Scratch, doc Doc, evs []event.Event) []event.Event {
	if len(c.transforms) == 0 {
		return evs
	}
	drop := make([]bool, len(evs))
	var add []event.Event
	for i := range evs {
		o := &evs[i]
		v := o.VerbSpan.First - 1
		if drop[i] || v < 0 {
			continue
		}
		done := false
		for j := range evs {
			in := &evs[j]
			w := in.VerbSpan.First - 1
			if j == i || drop[j] || w < 0 || w == v {
				continue
			}
			cl := sc.complementOf(w, v)
			if cl < 0 {
				continue
			}
			src := in.Source
			if in.SourceSpan.First < 1 || !sc.inSubtree(in.SourceSpan.First-1, cl) {
				src = "" // the clause has no subject of its own ("wants to attack")
			}
			if r, ok := c.applyTransform(sc, o, in, src, in.Target, in.Code, in.TargetSpan); ok {
				drop[i], drop[j], done = true, true, true
				add = append(add, r)
			}
		}
		if done || o.TargetSpan.First < 1 {
			continue
		}
		// the clause said of the target codes nothing itself ("Iraq had
		// attacked themselves"): its verb's class code, with no target
		cl := sc.contentClause(v, o.TargetSpan.First-1)
		if cl < 0 || sc.spoken(evs, cl) {
			continue
		}
		m, ok := c.bestMatch(sc, cl)
		if !ok {
			continue
		}
		code := c.matchCode(m)
		if code == dict.NullCode || sc.negated(cl) {
			continue
		}
		inner := event.Event{VerbSpan: sc.span(doc, cl, cl), SourceSpan: o.TargetSpan, Rule: o.Rule}
		if r, ok := c.applyTransform(sc, o, &inner, o.Target, "", code, event.Span{}); ok {
			drop[i] = true
			add = append(add, r)
		}
	}
	if len(add) == 0 {
		return evs
	}
	out := evs[:0]
	for i := range evs {
		if !drop[i] {
			out = append(out, evs[i])
		}
	}
	for _, r := range add {
		dup := false
		for k := range out {
			if out[k].Source == r.Source && out[k].Target == r.Target && out[k].Code == r.Code {
				dup = true // "claimed that ISIL had attacked Iraq and taken Mosul": one accusation
				break
			}
		}
		if !dup {
			out = append(out, r)
		}
	}
	return out
}

// applyTransform tries the transformations in dictionary order on outer
// event o over the inner event in (its source, target and code given, src
// "" when the clause has no subject of its own) and returns the first
// result. Variables: a letter binds an actor (the same letter the same
// actor), "_" matches no actor, "." any.
func (c *Coder) applyTransform(sc *Scratch, o, in *event.Event, src, tgt, code string, tgtSpan event.Span) (event.Event, bool) {
	for _, tr := range c.transforms {
		t := tr.t
		if !strings.HasPrefix(o.Code, tr.outer) || tr.inner != "" && !strings.HasPrefix(code, tr.inner) {
			continue
		}
		vars := map[string]string{}
		spans := map[string]event.Span{}
		bind := func(v, actor string, sp event.Span) bool {
			switch v {
			case "_":
				return actor == ""
			case ".":
				return true
			}
			if actor == "" {
				return false
			}
			if a, ok := vars[v]; ok {
				return a == actor
			}
			vars[v], spans[v] = actor, sp
			return true
		}
		if !bind(t.OuterSource, o.Source, o.SourceSpan) || !bind(t.InnerSource, src, in.SourceSpan) || !bind(t.InnerTarget, tgt, tgtSpan) {
			continue
		}
		s, ok1 := vars[t.Source]
		g, ok2 := vars[t.Target]
		if !ok1 || !ok2 || s == g {
			continue
		}
		r := *o
		r.Source, r.Target, r.SourceSpan, r.TargetSpan = s, g, spans[t.Source], spans[t.Target]
		r.Code = t.Code
		if strings.EqualFold(t.Code, "Q") {
			r.Code = code
		}
		r.Rule = t.Origin.String()
		if event.Complete(&r) != nil {
			continue
		}
		if sc.tr != nil {
			sc.trace("  transformation %s: %s → %s %s over %s → %s %s gives %s → %s %s", t.Origin, o.Source, o.Target, o.Code,
				src, tgt, code, r.Source, r.Target, r.Code)
		}
		return r, true
	}
	return event.Event{}, false
}

// complementOf returns the clause below verb v that holds word w: the
// child of v on the path up from w, when it is a clausal complement
// (ccomp, xcomp, parataxis); -1 otherwise.
func (sc *Scratch) complementOf(w, v int) int {
	for k, d := w, 0; k >= 0 && d < 10; d++ {
		h := sc.head(k)
		if h == v {
			switch sc.rel(k) {
			case "ccomp", "xcomp", "parataxis":
				return k
			}
			return -1
		}
		k = h
	}
	return -1
}

// spoken reports whether an event of evs has its verb in clause cl.
func (sc *Scratch) spoken(evs []event.Event, cl int) bool {
	for i := range evs {
		if w := evs[i].VerbSpan.First - 1; w >= 0 && sc.inSubtree(w, cl) {
			return true
		}
	}
	return false
}

// purposeClauses settles, in the PETRARCH reading (Options.Literal), the
// events of a verb and of an infinitive below it that has no subject of its
// own, once the transformations have had their turn, as PETRARCH-2 nests
// the infinitive's event inside the verb's:
//
//   - a complement (xcomp) is what the verb commits to, and its event is
//     the one coded: "Qatar has pledged to expel the leaders" is the
//     expulsion (174), not also the pledge (030); "Obama has agreed to lift
//     the sanctions on Iran" the lifting (085), not also an agreement;
//   - a purpose clause (advcl) adds nothing to its coded verb and codes no
//     event of its own with the borrowed subject: "X met Y in Zurich to
//     discuss the crisis" is X → Y 040, not also X → Y 040 for "discuss";
//     "Interpol will send a team to help identify the victims" is the
//     sending, not also 070 to the victims.
//
// By default, and for a clause whose head verb codes nothing, the events
// stay.
func (c *Coder) purposeClauses(sc *Scratch, evs []event.Event) []event.Event {
	if !c.opt.Literal {
		return evs
	}
	coded := func(h int) bool {
		for i := range evs {
			if evs[i].VerbSpan.First-1 == h {
				return true
			}
		}
		return false
	}
	innerCoded := func(v int) bool {
		for i := range evs {
			w := evs[i].VerbSpan.First - 1
			if w >= 0 && w != v && sc.head(w) == v && sc.rel(w) == "xcomp" && !sc.hasSubject(w) {
				return true
			}
		}
		return false
	}
	// emptyComplement reports, in the PETRARCH-2 reading, whether verb v's
	// target t is only the subject of an infinitive complement of v that
	// codes nothing: PETRARCH-2 takes the complement, an event nested in
	// v's, as v's object, and with no event in it there is none ("the
	// tanks might want Obama to head back", "Arnor wants Gondor to wait"),
	// unlike "is asking Obama to help Iran" (a pattern of "ask" spells
	// out "help") or "wants Putin to attack Switzerland" (a
	// transformation). PETRARCH-1 coded the verb toward its object.
	emptyComplement := func(v, t int) bool {
		if c.opt.Petrarch1 || t < 0 || sc.head(t) != v || sc.rel(t) != "obj" {
			return false
		}
		for _, x := range sc.children(v) {
			if x <= t || sc.rel(x) != "xcomp" || sc.hasSubject(x) || sc.consumed[x] || sc.s.Words[x].UPOS != "VERB" {
				continue
			}
			for i := range evs {
				if w := evs[i].VerbSpan.First - 1; w >= 0 && sc.inSubtree(w, x) {
					return false
				}
			}
			return true
		}
		return false
	}
	out := evs[:0]
	for _, e := range evs {
		w := e.VerbSpan.First - 1
		if w >= 0 && emptyComplement(w, e.TargetSpan.First-1) {
			if sc.tr != nil {
				sc.trace("  dropped %s → %s %s: the target only does what its complement says, which codes nothing", e.Source, e.Target, e.Code)
			}
			continue
		}
		if w >= 0 && innerCoded(w) {
			if sc.tr != nil {
				sc.trace("  dropped %s → %s %s: its complement's event is coded", e.Source, e.Target, e.Code)
			}
			continue
		}
		if w >= 0 && sc.rel(w) == "advcl" && sc.infinitive(w) && !sc.hasSubject(w) && coded(sc.head(w)) {
			if sc.tr != nil {
				sc.trace("  dropped %s → %s %s: a purpose clause nested in the event of %q", e.Source, e.Target, e.Code, sc.low[sc.head(w)])
			}
			continue
		}
		out = append(out, e)
	}
	return out
}

// hasSubject reports whether verb w has a subject of its own.
func (sc *Scratch) hasSubject(w int) bool {
	for _, j := range sc.children(w) {
		if strings.HasPrefix(sc.rel(j), "nsubj") || strings.HasPrefix(sc.rel(j), "csubj") {
			return true
		}
	}
	return false
}
