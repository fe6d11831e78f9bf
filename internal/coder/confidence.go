package coder

import (
	"cmp"
	"math"
	"slices"
	"strings"

	"github.com/eventwire/eventwire/internal/dict"
	"github.com/eventwire/eventwire/internal/event"
)

// How a side of an event was found (event.Evidence.Source and Target).
const (
	SideNone     uint8 = iota // no side (an event without a target)
	SideName                  // an actor of the dictionary named in the sentence
	SideAgentOf               // an agent with its country named ("Israeli police")
	SideAgent                 // an agent alone, its country not named ("police")
	SidePronoun               // a pronoun resolved to an antecedent
	SideDocument              // an entity of the document: a titled name, a short name, "the two sides"
	SideImplied               // no words: an implied actor (an agentless passive's state, a bomb's insurgents)
	SidePhrase                // a phrase of no actor of the dictionary (---)
)

// Layers of event.Evidence.Layer.
const (
	LayerDefault uint8 = iota // the verb class's default code
	LayerPhrase               // the verb phrase's own code
	LayerPattern              // a dictionary pattern on the verb's arguments
)

// Kinds of clause of event.Evidence.Clause.
const (
	ClauseMain       uint8 = iota // the root, a clause coordinated with it or set beside it
	ClauseComplement              // a clausal complement (ccomp, xcomp, csubj)
	ClauseAdverbial               // an adverbial clause (advcl)
	ClauseModifier                // a modifier or argument (acl, a relative clause, an oblique)
)

// evidence records what event e rests on (e.Evidence) and returns its
// confidence. m is the verb's match, s and t its sides (hasT false when it
// has no target), rule the dictionary entry that gave the code.
func (c *Coder) evidence(sc *Scratch, e *event.Event, m match, s, t actorRef, hasT bool, rule dict.Origin) float64 {
	ev := &e.Evidence
	switch {
	case m.pattern >= 0:
		ev.Layer = LayerPattern
	case c.set.Verbs[m.verb].Forms[m.form].Code != "":
		ev.Layer = LayerPhrase
	}
	ev.Dict = rule.File
	ev.Source = sc.side(s, true)
	ev.Target = sc.side(t, hasT)
	ev.Repaired = sc.s == &sc.sent // misparse.go works on a copy
	ev.Words = uint16(min(len(sc.s.Words), math.MaxUint16))
	if v := e.VerbSpan.First - 1; v >= 0 && v < len(sc.s.Words) {
		k := v
		if ev.Noun = sc.s.Words[v].UPOS == "NOUN" || sc.s.Words[v].UPOS == "PROPN"; ev.Noun {
			if h := sc.head(v); h >= 0 {
				k = sc.clauseOf(h)
			}
		}
		ev.Clause = sc.clauseKind(k)
	}
	return Score(e)
}

// clauseKind says what clause word k heads, through the clauses it is
// coordinated with.
func (sc *Scratch) clauseKind(k int) uint8 {
	for d := 0; d < 8; d++ {
		switch sc.rel(k) {
		case "root", "parataxis", "":
			return ClauseMain
		case "ccomp", "xcomp", "csubj":
			return ClauseComplement
		case "advcl":
			return ClauseAdverbial
		case "conj":
			h := sc.head(k)
			if h < 0 {
				return ClauseMain
			}
			k = h
			continue
		}
		return ClauseModifier
	}
	return ClauseMain
}

// side says how an event's side r was found.
func (sc *Scratch) side(r actorRef, has bool) uint8 {
	switch {
	case !has || r.code == "":
		return SideNone
	case r.head < 0:
		return SideImplied
	case r.head < len(sc.s.Words) && sc.s.Words[r.head].UPOS == "PRON":
		return SidePronoun
	case r.actor >= 0:
		return SideName
	case r.agent >= 0 && r.mod >= 0:
		return SideAgentOf
	case r.agent >= 0:
		return SideAgent
	case r.code == dict.NullCode:
		return SidePhrase
	}
	return SideDocument
}

// attributionDepth counts the speech verbs above word v whose complement
// holds it ("X said Y claimed Z attacked W": 2 for "attacked"), as far as
// reported looks (8 steps up the tree).
func (c *Coder) attributionDepth(sc *Scratch, v int) uint8 {
	var n uint8
	for k, d := v, 0; k >= 0 && d < 8; d++ {
		h := sc.head(k)
		if h < 0 {
			break
		}
		rel := sc.rel(k)
		if (rel == "ccomp" || rel == "parataxis" || rel == "xcomp" && d > 0) && c.isSpeech(sc, h) {
			n++
		}
		k = h
	}
	return n
}

// Features are the names of the confidence model's inputs, in the order
// of EventFeatures.
var Features = [...]string{
	"pattern",           // the code is a dictionary pattern's
	"phrase",            // the code is a verb phrase's own
	"statement",         // root 01-02: a statement or appeal
	"material_coop",     // quad class 2
	"verbal_conflict",   // quad class 3
	"material_conflict", // quad class 4
	"source_pronoun",
	"source_document",
	"source_agent",   // an agent with no country named
	"source_implied", // no words
	"source_phrase",  // a phrase of no actor (---)
	"target_none",
	"target_pronoun",
	"target_document",
	"target_agent",
	"target_implied",
	"target_phrase",
	"unknown",           // a side of no country (---) after the story's inference
	"inferred",          // sides whose country came from the story (0-2)
	"reported",          // under a speech verb (attribution)
	"nested",            // under two speech verbs or more
	"content",           // a statement recoded by what it says
	"negated",           // a negated verb kept by the negation policy
	"repaired",          // the coder repaired the sentence's parse
	"length",            // words of the sentence / 25 (at most 4)
	"foreign_dict",      // the entry is from a dictionary file outside the built-in set
	"siblings",          // other events of the same verb word (at most 3)
	"domestic",          // both sides of one country
	"source_distance",   // words between the verb and the source (at most 20) / 10
	"target_distance",   // words between the verb and the target (at most 20) / 10
	"noun",              // a noun's event
	"clause_complement", // the verb heads a clausal complement
	"clause_adverbial",  // the verb heads an adverbial clause
	"clause_modifier",   // the verb heads a modifier or an argument
}

// NumFeatures is the number of the confidence model's inputs.
const NumFeatures = len(Features)

// EventFeatures returns the confidence model's inputs for e: its Evidence
// and what the event says of itself.
func EventFeatures(e *event.Event) [NumFeatures]float64 {
	var f [NumFeatures]float64
	b := func(i int, ok bool) {
		if ok {
			f[i] = 1
		}
	}
	ev := &e.Evidence
	b(0, ev.Layer == LayerPattern)
	b(1, ev.Layer == LayerPhrase)
	b(2, len(e.Code) >= 2 && e.Code[0] == '0' && (e.Code[1] == '1' || e.Code[1] == '2'))
	b(3, e.QuadClass == 2)
	b(4, e.QuadClass == 3)
	b(5, e.QuadClass == 4)
	b(6, ev.Source == SidePronoun)
	b(7, ev.Source == SideDocument)
	b(8, ev.Source == SideAgent)
	b(9, ev.Source == SideImplied)
	b(10, ev.Source == SidePhrase)
	b(11, ev.Target == SideNone)
	b(12, ev.Target == SidePronoun)
	b(13, ev.Target == SideDocument)
	b(14, ev.Target == SideAgent)
	b(15, ev.Target == SideImplied)
	b(16, ev.Target == SidePhrase)
	b(17, unknownCode(e.Source) || ev.Target != SideNone && unknownCode(e.Target))
	if e.Inferred != "" {
		f[18] = float64(1 + strings.Count(e.Inferred, ","))
	}
	b(19, e.Reported)
	b(20, e.Reported && ev.Depth > 1)
	b(21, strings.Contains(e.Rule, " content:"))
	b(22, e.Negated)
	b(23, ev.Repaired)
	f[24] = min(float64(ev.Words)/25, 4)
	b(25, ev.Dict != "" && !strings.HasPrefix(ev.Dict, "builtin/"))
	f[26] = float64(min(ev.Siblings, 3))
	b(27, len(e.Source) >= 3 && len(e.Target) >= 3 && !unknownCode(e.Source) && e.Source[:3] == e.Target[:3])
	f[28] = distance(e.SourceSpan, e.VerbSpan)
	f[29] = distance(e.TargetSpan, e.VerbSpan)
	b(30, ev.Noun)
	b(31, ev.Clause == ClauseComplement)
	b(32, ev.Clause == ClauseAdverbial)
	b(33, ev.Clause == ClauseModifier)
	return f
}

// distance is the number of words between the phrase a and the verb v
// (at most 20), over 10; 0 when either has no words.
func distance(a, v event.Span) float64 {
	if a.First < 1 || v.First < 1 {
		return 0
	}
	d := 0
	switch {
	case a.Last < v.First:
		d = v.First - a.Last - 1
	case a.First > v.Last:
		d = a.First - v.Last - 1
	}
	return float64(min(d, 20)) / 10
}

// Score returns the confidence of e from its features (EventFeatures) and
// the fitted weights (confweights.go).
func Score(e *event.Event) float64 {
	f := EventFeatures(e)
	return confModel.Prob(f[:])
}

// Term is one input's part in an event's confidence: its value and its
// weight times its value (on the logit scale).
type Term struct {
	Feature      string
	Value        float64
	Contribution float64
}

// ConfidenceTerms returns the inputs that move e's confidence, the largest
// contribution first (of equals, the earlier feature): what a listing
// shows to say why an event is as sure as it is.
func ConfidenceTerms(e *event.Event) []Term {
	f := EventFeatures(e)
	var out []Term
	for i, w := range confModel.Weights {
		if c := w * f[i]; c != 0 {
			out = append(out, Term{Features[i], f[i], c})
		}
	}
	slices.SortStableFunc(out, func(a, b Term) int { return cmp.Compare(math.Abs(b.Contribution), math.Abs(a.Contribution)) })
	return out
}

// Rescore sets e's confidence from its features again, after a later stage
// changed what it rests on (a country inferred, reported speech).
func Rescore(e *event.Event) { e.Confidence = Score(e) }

// rescore counts the siblings of each event of one sentence's evs (the
// other events of its verb word) and rescores it.
func rescore(evs []event.Event) {
	for i := range evs {
		n := 0
		for k := range evs {
			if k != i && evs[k].VerbSpan.First == evs[i].VerbSpan.First {
				n++
			}
		}
		evs[i].Evidence.Siblings = uint8(min(n, 255))
		Rescore(&evs[i])
	}
}

// Model is a logistic model of the probability that an event is right.
type Model struct {
	Intercept float64
	Weights   []float64
}

// Prob returns the model's probability for inputs x, rounded to three
// decimals.
func (m *Model) Prob(x []float64) float64 {
	z := m.Intercept
	for i, w := range m.Weights {
		z += w * x[i]
	}
	return logistic(z)
}

func unknownCode(code string) bool {
	return code == "" || code == dict.NullCode || len(code) >= 3 && code[:3] == dict.NullCode
}

func logistic(x float64) float64 { return round3(1 / (1 + math.Exp(-x))) }

func round3(x float64) float64 { return math.Round(x*1000) / 1000 }
