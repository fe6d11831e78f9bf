// Package coder codes CAMEO events from sentences parsed into Universal
// Dependencies trees (UD v2 labels, as internal/nlp delivers them) with a
// dictionary set from internal/dict.
//
// For every verb of a sentence found in the verb dictionary, the coder finds
// the source (the subject, the "by" agent of a passive, the controller of an
// xcomp or the subject of a coordinated verb), the targets (object, obliques,
// modifiers of the object, complements), codes noun phrases as actors
// (actor phrases, agents combined with a country: "Arnor police" → ARNCOP,
// "the Senate of France" → FRALEG, compounds through conj, appositions,
// possessives, pronouns resolved in the sentence and from the previous
// one; in a document also the host of "the meeting", the author of "the
// statement", an agent's country and "we"/"you" in quotations, see
// discourse.go), chooses the verb pattern that matches the words around the verb, and
// emits one event per source × target. Negated verbs follow the negation
// policy; events under a speech verb ("X said Y attacked Z") are marked
// reported with X as attribution.
//
// A Coder is built once from a dictionary set and is safe for concurrent
// use; each goroutine codes with its own Scratch, which holds every buffer
// the hot loop needs so that coding does not allocate per word.
package coder

import (
	"fmt"
	"strings"

	"github.com/eventwire/eventwire/internal/dict"
	"github.com/eventwire/eventwire/internal/event"
	"github.com/eventwire/eventwire/internal/nlp"
)

// NegationPolicy says what happens to an event whose verb is negated ("did
// not attack"), unless the matching pattern itself spells out the negation.
type NegationPolicy int

const (
	// NegationDrop codes nothing for a negated verb.
	NegationDrop NegationPolicy = iota
	// NegationTransform codes the opposite action, as PETRARCH-2 does: a
	// negated conflictual code becomes cooperative and the reverse (see
	// NegatedCode); the event is flagged Negated.
	NegationTransform
	// NegationKeep keeps the code and flags the event Negated.
	NegationKeep
)

// Options configure a Coder. The zero value is usable: negation drops the
// event, at most 16 events per verb, a dyad (source and target) required.
type Options struct {
	Negation NegationPolicy
	// MaxCompound caps the events of one verb from compound actors
	// (sources × targets); 0 means 16.
	MaxCompound int
	// AllowMonad codes events that lack an actor on one side: a source and
	// no target, or a target and a source phrase that names no actor. The
	// missing actor is NullCode ("---"), as PETRARCH writes it; its span is
	// the verb's argument phrase when there is one ("the protesters" in
	// "Arnor police beat the protesters"), else empty (-1).
	AllowMonad bool
	// AllowUnknown, with AllowMonad, also codes a verb whose arguments
	// name no actor at all ("The governor's office declined to comment on
	// the bill"): source and target are NullCode with their phrases' spans.
	// A subject phrase is still required.
	AllowUnknown bool
	// Literal codes a cooperative act (roots 04-09) as the act whether the
	// sentence says it was done, will be done or must be done, as PETRARCH
	// does (the PETR validation gold follows it). By default an act stated
	// as an intent ("is willing to withdraw its troops", "will release the
	// hostages") codes CAMEO's express-intent code (0356, 0353; see
	// intentCode), and one a speaker says another must do ("Russia says
	// Israel must end attacks") the speaker's demand of the clause's
	// subject (RUS → ISR 1056; see demandCode).
	Literal bool
	// PhraseSpans makes the source and target spans of an event cover the
	// whole noun phrase of the verb's argument that holds the actor ("the
	// last ISIS group bastion in the country", with its preposition), as
	// annotators mark arguments; by default a span covers the words that
	// name the actor ("ISIS group bastion").
	PhraseSpans bool
	// NullActors codes actors whose dictionary code is the null code "---"
	// (known names without a code) as "---" instead of ignoring them.
	NullActors bool
	// Petrarch1 follows PETRARCH-1 where the two generations differ: an
	// actor code of several codes joined by '/' ("FRO/BIL/SAM") is that
	// many actors, the verb's own adverbs before it ("RECENTLY *",
	// "NOT EVER *") take part in pattern matching, and a passive without a
	// "by" agent is coded as active, and patterns reach into clauses below
	// the verb that have their own subject. By default (PETRARCH-2) such a
	// code is kept whole, those adverbs are not matched, every passive is
	// one, and patterns stay in the verb's own clause.
	Petrarch1 bool
}

// Coder codes sentences with one dictionary set. It is safe for concurrent
// use; each goroutine needs its own Scratch.
type Coder struct {
	set *dict.Set
	opt Options
	// speech marks verb classes of public statements (code root 01): their
	// complement clauses are reported speech.
	speech []bool
	// patternWords holds the one-word members of the synsets (lower-case):
	// things and acts the verb patterns name ("ceasefire", "forces",
	// "condolences"), which an argument's span does not climb into
	// (phrase.go)
	patternWords map[string]bool
	// accuse holds the words that make a statement about an actor an
	// accusation (content.go); nil when the dictionaries have none
	accuse map[string]bool
	// disparage holds the words that make it a criticism (content.go)
	disparage map[string]bool
	// transforms are the dictionary's transformations of nested events
	// (transform.go)
	transforms []transform
	// patterns holds the words each linear verb pattern needs
	// (prefilter.go)
	patterns *patternIndex
	// storyDiscards is whether the dictionaries have a story-level
	// discard phrase (without one a document needs no pass to find one)
	storyDiscards bool
}

// New returns a coder for a built dictionary set.
func New(set *dict.Set, opt Options) (*Coder, error) {
	if set == nil {
		return nil, fmt.Errorf("creating coder: nil dictionary set")
	}
	if set.Version == "" {
		set.Build()
	}
	if opt.MaxCompound <= 0 {
		opt.MaxCompound = 16
	}
	if opt.Negation < NegationDrop || opt.Negation > NegationKeep {
		return nil, fmt.Errorf("creating coder: options: unknown negation policy %d", opt.Negation)
	}
	c := &Coder{set: set, opt: opt, speech: make([]bool, len(set.Verbs))}
	for i := range set.Verbs {
		v := &set.Verbs[i]
		c.speech[i] = strings.HasPrefix(v.Code, "01") || v.Name == "SAY"
	}
	c.patternWords = map[string]bool{}
	for i := range set.Synsets {
		for _, p := range set.Synsets[i].Members {
			if len(p) == 1 && !p[0].Synset {
				c.patternWords[strings.ToLower(p[0].Text)] = true
			}
		}
	}
	c.accuse = c.synsetWords(accusationSynset)
	c.disparage = c.synsetWords(disparagingSynset)
	c.transforms = transforms(set)
	c.patterns = newPatternIndex(set)
	for i := range set.Discards {
		c.storyDiscards = c.storyDiscards || set.Discards[i].Story
	}
	return c, nil
}

// Dict returns the coder's dictionary set.
func (c *Coder) Dict() *dict.Set { return c.set }

// Doc describes the document a sentence belongs to.
type Doc struct {
	ID   string
	URL  string
	Date dict.Date // article date (YYYYMMDD) choosing date-restricted actor codes; 0 unknown
	// Text is the document text the word offsets point into ("" when the
	// offsets are relative to the sentence text).
	Text string
}

// CodeDocument codes the sentences of d in order (pronouns resolve from the
// previous sentence) and appends the events to out. A story-level discard
// phrase anywhere in the document yields no events.
func (c *Coder) CodeDocument(sc *Scratch, doc Doc, d *nlp.Document, out []event.Event) []event.Event {
	sc.resetDoc()
	for i := range d.Sentences {
		if c.storyDiscard(sc, &d.Sentences[i]) {
			if sc.tr != nil {
				sc.trace("story discarded: %s", sc.discardRule)
			}
			return out
		}
	}
	if doc.Text == "" {
		doc.Text = d.Text
	}
	sc.docOn = true // discourse.go
	for i := range d.Sentences {
		out = c.codeSentence(sc, doc, i+1, &d.Sentences[i], out)
	}
	sc.docOn = false
	return out
}

// CodeSentence codes one sentence (index is its 1-based position in the
// document) and appends its events to out. Pronouns resolve from the
// previous sentence coded with the same Scratch in the same document; call
// sc.Reset between documents.
func (c *Coder) CodeSentence(sc *Scratch, doc Doc, index int, s *nlp.Sentence, out []event.Event) []event.Event {
	if c.storyDiscard(sc, s) {
		if sc.tr != nil {
			sc.trace("story discarded: %s", sc.discardRule)
		}
		return out
	}
	return c.codeSentence(sc, doc, index, s, out)
}

// Explain codes one sentence with a trace of every step: actors and agents
// found, verbs and patterns tried, and why each event was or was not
// produced.
func (c *Coder) Explain(doc Doc, s *nlp.Sentence) ([]event.Event, *Trace) {
	sc := c.NewScratch()
	sc.tr = &Trace{}
	ev := c.CodeSentence(sc, doc, 1, s, nil)
	return ev, sc.tr
}

// ExplainDocument codes a document, as CodeDocument does, with a trace of
// every step of every sentence.
func (c *Coder) ExplainDocument(doc Doc, d *nlp.Document) ([]event.Event, *Trace) {
	sc := c.NewScratch()
	sc.tr = &Trace{}
	ev := c.CodeDocument(sc, doc, d, nil)
	return ev, sc.tr
}

// Trace is the explanation of how a sentence was coded, step by step.
type Trace struct {
	Steps []Step
}

// StepKind classifies a step of a trace.
type StepKind string

// The kinds of steps, in the order they happen for a sentence.
const (
	StepDiscard StepKind = "discard" // a discard phrase ruled the sentence or story out
	StepActor   StepKind = "actor"   // an actor phrase was found
	StepAgent   StepKind = "agent"   // an agent phrase was found
	StepPronoun StepKind = "pronoun" // a pronoun was resolved
	StepVerb    StepKind = "verb"    // a verb (or noun event) of the dictionary was found
	StepPattern StepKind = "pattern" // a verb pattern was tried
	StepEvent   StepKind = "event"   // an event was produced
	StepNoEvent StepKind = "noevent" // a verb produced no event, and why
)

// Step is one step: its kind and a readable message that names the words
// (1-based ids) and dictionary entries (file:line) involved.
type Step struct {
	Kind StepKind
	Msg  string
}

// String writes one step per line.
func (t *Trace) String() string {
	var b strings.Builder
	for i, s := range t.Steps {
		if i > 0 {
			b.WriteByte('\n')
		}
		b.WriteString(s.Msg)
	}
	return b.String()
}

// trace records a step when explaining; callers check sc.tr != nil first so
// that the arguments are not boxed in the hot loop.
func (sc *Scratch) trace(format string, args ...any) {
	if sc.tr != nil {
		msg := fmt.Sprintf(format, args...)
		sc.tr.Steps = append(sc.tr.Steps, Step{Kind: stepKind(msg), Msg: msg})
	}
}

// stepKind classifies a trace message by its leading words.
func stepKind(msg string) StepKind {
	m := strings.TrimLeft(msg, " ")
	for _, p := range []struct {
		prefix string
		kind   StepKind
	}{
		{"actor ", StepActor}, {"agent ", StepAgent}, {"pronoun ", StepPronoun}, {"verb ", StepVerb},
		{"noun ", StepVerb}, {"pattern ", StepPattern}, {"event ", StepEvent}, {"no event", StepNoEvent},
		{"dropped ", StepNoEvent}, {"sentence discarded", StepDiscard}, {"story discarded", StepDiscard},
	} {
		if strings.HasPrefix(m, p.prefix) {
			return p.kind
		}
	}
	return StepNoEvent
}

// NegatedCode is the NegationTransform mapping: the code of the action
// opposite to a negated one. Verbal and material conflict (roots 11-20)
// become cooperation of the same kind (verbal: 050 diplomatic cooperation;
// material: 057 formal agreement); cooperation and statements (roots 01-09)
// become their rejection (12 root: 12 + the nearest reject code); anything
// else is dropped ("").
func NegatedCode(code string) string {
	if len(code) < 2 {
		return ""
	}
	switch code[:2] {
	case "11", "12", "13", "14":
		return "050"
	case "15", "16", "17", "18", "19", "20":
		return "057"
	case "03":
		return "120"
	case "04", "05":
		return "125"
	case "06", "07":
		return "123"
	case "08":
		return "128"
	case "01", "02":
		return "120"
	}
	return ""
}
