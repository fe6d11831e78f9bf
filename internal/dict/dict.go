// Package dict is eventwire's format-neutral dictionary model: actors (names
// with date-ranged codes), agents (role nouns combined with a country),
// verbs (lemmas with their forms and coding patterns), synsets (named word
// lists), transformations, discards and issues.
//
// Readers in sub-packages (petrarch, tabari, native) turn their file formats
// into a Set; nothing here knows their syntax. Every entry keeps the
// file:line it was read from (its Origin), so that a coded event can cite the
// entry that produced it. A Set is built once (Build) into lower-cased
// indexes for allocation-free lookup, and carries a content hash of its
// source files as its Version.
//
// A built Set is read-only and safe for concurrent use.
package dict

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"slices"
	"strings"
	"time"
)

// Origin is where an entry was read: a file name and a 1-based line.
type Origin struct {
	File string
	Line int
}

// String formats the origin as "file:line".
func (o Origin) String() string { return fmt.Sprintf("%s:%d", o.File, o.Line) }

// NullCode is the code of an entry that is recognised but produces nothing
// (PETRARCH "---", native "-").
const NullCode = "---"

// Word is one word of a dictionary phrase, lower-case.
type Word struct {
	Text string
	// Prefix makes the word match any sentence word starting with Text
	// (TABARI stems). When false the sentence word must equal Text.
	Prefix bool
	// Synset makes Text the name of a synset ("&currency"): any member
	// phrase of that synset matches here.
	Synset bool
}

// Phrase is a sequence of words that must appear consecutively.
type Phrase []Word

// String writes the phrase with spaces, synsets with their '&'.
func (p Phrase) String() string {
	var b strings.Builder
	for i, w := range p {
		if i > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(w.Text)
		if w.Prefix {
			b.WriteByte('*')
		}
	}
	return b.String()
}

// Date is a calendar day as the integer YYYYMMDD; 0 means unbounded.
type Date int

// DateOf is the day of t (in t's location) as a Date; 0 for the zero time.
func DateOf(t time.Time) Date {
	if t.IsZero() {
		return 0
	}
	return Date(t.Year()*10000 + int(t.Month())*100 + t.Day())
}

// DateRange is an inclusive range of days; a zero bound is open. The zero
// DateRange covers every day (a default code).
type DateRange struct {
	From, To Date
}

// Contains reports whether d lies in the range. A zero d (unknown date) is
// contained only by the unbounded range.
func (r DateRange) Contains(d Date) bool {
	if d == 0 {
		return r.From == 0 && r.To == 0
	}
	return (r.From == 0 || d >= r.From) && (r.To == 0 || d <= r.To)
}

// Unbounded reports whether the range is the default (no bounds).
func (r DateRange) Unbounded() bool { return r.From == 0 && r.To == 0 }

// ActorCode is one code of an actor, valid in Range.
type ActorCode struct {
	// Codes holds one CAMEO actor code ("FRAGOV"), several when the actor
	// stands for several actors at once, or NullCode for a known name that
	// codes nothing.
	Codes  []string
	Range  DateRange
	Origin Origin
}

// Actor is a named actor: every phrase in Names refers to it.
type Actor struct {
	Names  []Phrase // the first is the display name
	Codes  []ActorCode
	Origin Origin
}

// CodesAt returns the codes valid on date d: the first ranged code that
// contains d, else the first unbounded code, else nil. d == 0 (unknown)
// selects the unbounded code.
func (a *Actor) CodesAt(d Date) *ActorCode {
	var def *ActorCode
	for i := range a.Codes {
		c := &a.Codes[i]
		if c.Range.Unbounded() {
			if def == nil {
				def = c
			}
			continue
		}
		if d != 0 && c.Range.Contains(d) {
			return c
		}
	}
	return def
}

// AgentPlace says how an agent code combines with a country code.
type AgentPlace uint8

const (
	// AgentAlone: the code is used as is, with no country slot.
	AgentAlone AgentPlace = iota
	// AgentSuffix: the agent code follows the country ("~LEG": FRA → FRALEG).
	AgentSuffix
	// AgentPrefix: the agent code precedes the country ("NGO~": FRA → NGOFRA).
	AgentPrefix
)

// Agent is a role noun (phrase) that turns a country into a composite actor.
type Agent struct {
	Names  []Phrase // singular, plural and other forms
	Code   string   // the agent code without '~' ("GOV", "LEG")
	Place  AgentPlace
	Origin Origin
}

// Combine returns the code of the agent attached to country ("" for none).
func (a *Agent) Combine(country string) string {
	switch {
	case country == "" || a.Place == AgentAlone:
		return a.Code
	case a.Place == AgentPrefix:
		if strings.HasPrefix(country, a.Code) {
			return country
		}
		return a.Code + country
	default:
		if strings.HasSuffix(country, a.Code) {
			return country // "President Bush" [USAGOV] + president [~GOV]
		}
		if len(a.Code) == 3 {
			// a role the code already has among its three-letter parts:
			// "the Taliban government" [AFGGOVTAL] + government [~GOV]
			for i := 3; i+3 <= len(country); i += 3 {
				if country[i:i+3] == a.Code {
					return country
				}
			}
		}
		return country + a.Code
	}
}

// Synset is a named list of phrases usable in verb patterns.
type Synset struct {
	Name    string // lower-case, with its leading '&'
	Members []Phrase
	Origin  Origin
}

// VerbForm is one way a verb of a class is written: a lemma, its inflected
// forms, and for multi-word verbs ("break down", "wire tap") the whole phrase
// with the index of the word that is the syntactic verb.
type VerbForm struct {
	Lemma  string   // lower-case base form ("break")
	Forms  []string // inflected forms, lower-case ("broke", "broken"); may be empty
	Phrase Phrase   // the words of a multi-word verb, nil for one word
	Head   int      // index in Phrase of the verb word
	Code   string   // a code for this form alone, "" to use the class code
	// Reverse is the form's code for a second event from the target to the
	// source, with Code.
	Reverse string
	Noun    bool // a noun event ("attack(n)"): the lemma is a noun
	// Adj marks a predicate adjective ("critical(a)": "X was critical of
	// Y"): the word is an adjective or participle with a copula or a
	// passive auxiliary, read in the active voice (its subject acts).
	Adj    bool
	Origin Origin
}

// ElemKind is what a pattern element matches.
type ElemKind uint8

const (
	ElemWord   ElemKind = iota // a word (Word)
	ElemSource                 // the source actor ($)
	ElemTarget                 // the target actor (+)
	ElemBoth                   // a compound actor that is both source and target (%)
	ElemSkip                   // any noun phrase, skipped (^)
	ElemNP                     // a noun phrase whose words are Sub ({...})
	ElemPP                     // a prepositional phrase whose words are Sub ((...))
)

// Elem is one element of a linear verb pattern.
type Elem struct {
	Kind ElemKind
	Word Word   // ElemWord
	Sub  []Elem // ElemNP, ElemPP
	// Next is true when the following element must come immediately after
	// this one (written with '_' in PETRARCH and TABARI).
	Next bool
}

// Slot is a dependency condition of a pattern: the verb has a dependent by
// Rel ("obj", "obl:against", "xcomp"; "" for keyword slots) whose role or
// lemma is as given.
type Slot struct {
	Rel     string
	Keyword string   // "pass", "neg" for keyword slots
	Role    ElemKind // ElemSource, ElemTarget, or ElemWord
	Words   []Word   // alternatives for ElemWord (a Synset word for &name)
	Sub     []Slot   // conditions on the dependent's own dependents
}

// Pattern is one coding rule of a verb class. A linear pattern (Before,
// After: the words before and after the verb, nearest the verb last in
// Before and first in After) comes from PETRARCH and TABARI; a dependency
// pattern (Slots) from the native format. A pattern with neither is the
// class default.
type Pattern struct {
	Before []Elem
	After  []Elem
	Slots  []Slot
	// Code is the CAMEO event code, NullCode to code nothing.
	Code string
	// Reverse, when set, is the code of a second event from the target to
	// the source (PETRARCH "[032:033]").
	Reverse string
	// Neg is the code when the verb is negated, "" when the negation policy
	// decides.
	Neg    string
	Origin Origin
}

// Verb is a verb class: forms that share patterns and a default code.
type Verb struct {
	Name     string // the class name ("ATTACK"), for explanations
	Code     string // default code; NullCode when only patterns code
	Reverse  string // default reverse code ("" none)
	Neg      string // default code when negated ("" none)
	Forms    []VerbForm
	Patterns []Pattern
	Origin   Origin
}

// Transform rewrites a pair of nested events ("A said B attacked C") into
// one. Outer and Inner are verb class names or event codes; the variables
// are single letters as written in PETRARCH-2 ("a", "b", "_" any, "." none).
type Transform struct {
	OuterSource string // variable of the outer event's source
	InnerSource string // variable of the inner event's source
	InnerTarget string // variable of the inner event's target
	Inner       string // inner verb class or code ("ATTACK", "Q" any)
	Outer       string // outer verb class or code ("SAY")
	Source      string // result source variable
	Target      string // result target variable
	Code        string // result code; the inner variable ("Q") keeps the inner code
	Origin      Origin
}

// Discard is a phrase that rules out a sentence, or the whole story.
type Discard struct {
	Phrase Phrase
	Story  bool
	Origin Origin
}

// Issue maps phrases to an issue name; Exclude marks phrases that never count.
type Issue struct {
	Phrases  []Phrase
	Name     string // "" for an exclusion
	Category string // grouping, when the format has one
	Exclude  bool
	Origin   Origin
}

// File is one source file of a set: its name and content hash.
type File struct {
	Name string
	Hash [32]byte
}

// Set is a dictionary set: the entries of one or more files, merged in the
// order they were added. Call Build after the last Add and before lookups.
type Set struct {
	Actors     []Actor
	Agents     []Agent
	Synsets    []Synset
	Verbs      []Verb
	Transforms []Transform
	Discards   []Discard
	Issues     []Issue
	Files      []File

	// Version is a content hash of the files, set by Build.
	Version string

	idx *index
}

// AddFile records a source file and its content for the version hash.
func (s *Set) AddFile(name string, content []byte) {
	s.Files = append(s.Files, File{Name: name, Hash: sha256.Sum256(content)})
}

// Merge appends the entries and files of o to s; a later entry with the same
// key overrides an earlier one when the indexes are built.
func (s *Set) Merge(o *Set) {
	s.Actors = append(s.Actors, o.Actors...)
	s.Agents = append(s.Agents, o.Agents...)
	s.Synsets = append(s.Synsets, o.Synsets...)
	s.Verbs = append(s.Verbs, o.Verbs...)
	s.Transforms = append(s.Transforms, o.Transforms...)
	s.Discards = append(s.Discards, o.Discards...)
	s.Issues = append(s.Issues, o.Issues...)
	s.Files = append(s.Files, o.Files...)
	s.idx = nil
}

// Build computes the version and the lookup indexes. It must be called after
// the last change and before any lookup; a built Set is read-only.
func (s *Set) Build() {
	h := sha256.New()
	for _, f := range s.Files {
		h.Write(f.Hash[:])
	}
	s.Version = hex.EncodeToString(h.Sum(nil))[:16]
	s.idx = buildIndex(s)
}

// PhraseRef locates a phrase of an entry: Entry indexes the entry slice
// (Actors, Agents, Discards, Issues), Name the phrase in it.
type PhraseRef struct {
	Entry int
	Name  int
}

// VerbRef locates a verb form: Verb indexes Set.Verbs, Form the form.
type VerbRef struct {
	Verb int
	Form int
}

type index struct {
	// starts maps each word that starts an actor, agent or discard phrase
	// (lower-case, exact) to its lists in entries: longest phrase first;
	// actor and agent phrases whose first word is a stem are in the prefix
	// lists
	starts                   map[string]int32
	entries                  []startEntry
	actorPrefix, agentPrefix []prefixRef
	issues                   map[string][]PhraseRef
	verbs                    map[string][]VerbRef // lemma or form → forms
	synsets                  map[string]int       // name → index
}

type prefixRef struct {
	stem string
	ref  PhraseRef
}

func buildIndex(s *Set) *index {
	ix := &index{
		starts:  make(map[string]int32, len(s.Actors)),
		issues:  map[string][]PhraseRef{},
		verbs:   make(map[string][]VerbRef, 2*len(s.Verbs)),
		synsets: make(map[string]int, len(s.Synsets)),
	}
	// two passes: the first numbers the first words, so that entries is
	// allocated once at its size, the second fills the lists
	var slots []int32 // the entry of each phrase, in the order below
	slot := func(w string) int32 {
		k, ok := ix.starts[w]
		if !ok {
			k = int32(len(ix.starts))
			ix.starts[w] = k
		}
		return k
	}
	each := func(fn func(kind int, w string, ref PhraseRef)) {
		for i := range s.Actors {
			for j, p := range s.Actors[i].Names {
				if len(p) > 0 && !p[0].Prefix {
					fn(0, p[0].Text, PhraseRef{i, j})
				}
			}
		}
		for i := range s.Agents {
			for j, p := range s.Agents[i].Names {
				if len(p) > 0 && !p[0].Prefix {
					fn(1, p[0].Text, PhraseRef{i, j})
				}
			}
		}
		for i := range s.Discards {
			if p := s.Discards[i].Phrase; len(p) > 0 {
				fn(2, p[0].Text, PhraseRef{i, 0}) // a stem is looked up as written
			}
		}
	}
	each(func(_ int, w string, _ PhraseRef) { slots = append(slots, slot(w)) })
	ix.entries = make([]startEntry, len(ix.starts))
	n := 0
	each(func(kind int, _ string, ref PhraseRef) {
		e := &ix.entries[slots[n]]
		n++
		switch kind {
		case 0:
			e.actors = append(e.actors, ref)
		case 1:
			e.agents = append(e.agents, ref)
		default:
			e.discards = append(e.discards, ref)
		}
	})
	for i := range s.Actors {
		for j, p := range s.Actors[i].Names {
			if len(p) > 0 && p[0].Prefix {
				ix.actorPrefix = append(ix.actorPrefix, prefixRef{p[0].Text, PhraseRef{i, j}})
			}
		}
	}
	for i := range s.Agents {
		for j, p := range s.Agents[i].Names {
			if len(p) > 0 && p[0].Prefix {
				ix.agentPrefix = append(ix.agentPrefix, prefixRef{p[0].Text, PhraseRef{i, j}})
			}
		}
	}
	for i := range s.Issues {
		for j, p := range s.Issues[i].Phrases {
			addPhrase(ix.issues, nil, p, PhraseRef{i, j})
		}
	}
	for i := range s.Synsets {
		ix.synsets[s.Synsets[i].Name] = i // later definitions override
	}
	for i := range s.Verbs {
		for j := range s.Verbs[i].Forms {
			f := &s.Verbs[i].Forms[j]
			ix.verbs[f.Lemma] = append(ix.verbs[f.Lemma], VerbRef{i, j})
			for _, w := range f.Forms {
				if w != f.Lemma {
					ix.verbs[w] = append(ix.verbs[w], VerbRef{i, j})
				}
			}
		}
	}
	// Longest phrases first, later entries first among equals (later
	// definitions override earlier ones).
	order := func(refs []PhraseRef, length func(PhraseRef) int) {
		if len(refs) < 2 {
			return
		}
		slices.SortStableFunc(refs, func(a, b PhraseRef) int {
			if la, lb := length(a), length(b); la != lb {
				return lb - la
			}
			return b.Entry - a.Entry
		})
	}
	actorPhrase := func(r PhraseRef) Phrase { return s.Actors[r.Entry].Names[r.Name] }
	agentPhrase := func(r PhraseRef) Phrase { return s.Agents[r.Entry].Names[r.Name] }
	for k := range ix.entries {
		e := &ix.entries[k]
		order(e.actors, func(r PhraseRef) int { return len(actorPhrase(r)) })
		order(e.agents, func(r PhraseRef) int { return len(agentPhrase(r)) })
		order(e.discards, func(r PhraseRef) int { return len(s.Discards[r.Entry].Phrase) })
		e.actorNext = newNextIndex(e.actors, actorPhrase)
		e.agentNext = newNextIndex(e.agents, agentPhrase)
		if e.actorNext == nil {
			e.actorSecond = secondWords(e.actors, actorPhrase)
		}
		if e.agentNext == nil {
			e.agentSecond = secondWords(e.agents, agentPhrase)
		}
	}
	for _, refs := range ix.issues {
		order(refs, func(r PhraseRef) int { return len(s.Issues[r.Entry].Phrases[r.Name]) })
	}
	for _, refs := range ix.verbs {
		// later verb blocks override earlier ones for the same word
		if len(refs) > 1 {
			slices.SortStableFunc(refs, func(a, b VerbRef) int { return b.Verb - a.Verb })
		}
	}
	return ix
}

func addPhrase(m map[string][]PhraseRef, prefix *[]prefixRef, p Phrase, ref PhraseRef) {
	if len(p) == 0 {
		return
	}
	if p[0].Prefix && prefix != nil {
		*prefix = append(*prefix, prefixRef{p[0].Text, ref})
		return
	}
	m[p[0].Text] = append(m[p[0].Text], ref)
}

func (s *Set) mustIndex() *index {
	if s.idx == nil {
		panic("dict: Set used before Build") // programming error
	}
	return s.idx
}

// ActorsStarting returns the actor phrases whose first word is w (lower-case),
// longest first, then the prefix (stem) phrases whose stem w starts with,
// appending to buf. It does not allocate when buf has room.
func (s *Set) ActorsStarting(w string, buf []PhraseRef) []PhraseRef {
	return s.Starting(w).Actors(nil, buf)
}

// AgentsStarting is ActorsStarting for agents.
func (s *Set) AgentsStarting(w string, buf []PhraseRef) []PhraseRef {
	return s.Starting(w).Agents(nil, buf)
}

// DiscardsStarting returns the discard phrases whose first word is w.
func (s *Set) DiscardsStarting(w string) []PhraseRef { return s.Starting(w).Discards() }

// ActorsStartingWith is ActorsStarting(w, buf) without phrases that cannot
// match when the word after w is one of next: it keeps those of one word,
// those whose second word is one of next (exact text) and those whose second
// word is a stem or a synset, in ActorsStarting's order (all of them when
// next is nil or holds more than four words). It does not allocate when buf
// has room; a long list is indexed by second word, so its cost depends on
// how many phrases can match, not on how many start with w, and a short one
// is filtered on its second words without reading the phrases.
func (s *Set) ActorsStartingWith(w string, next []string, buf []PhraseRef) []PhraseRef {
	return s.Starting(w).Actors(next, buf)
}

// AgentsStartingWith is ActorsStartingWith for agents.
func (s *Set) AgentsStartingWith(w string, next []string, buf []PhraseRef) []PhraseRef {
	return s.Starting(w).Agents(next, buf)
}

// Starts is what a word starts: its actor, agent and discard phrases, found
// with one lookup (Set.Starting) for the several a coder makes per word. The
// zero Starts starts nothing.
type Starts struct {
	w  string
	e  *startEntry
	ix *index
}

// startEntry is the phrase lists of one first word.
type startEntry struct {
	actors, agents, discards []PhraseRef
	actorNext, agentNext     *nextIndex
	// actorSecond and agentSecond hold the second word of each phrase of
	// a short list (no nextIndex), "" when any word may follow (a phrase
	// of one word, a stem or a synset second): the list is filtered
	// without reading the phrases
	actorSecond, agentSecond []string
}

// Starting returns what word w (lower-case) starts.
func (s *Set) Starting(w string) Starts {
	ix := s.mustIndex()
	st := Starts{w: w, ix: ix}
	if k, ok := ix.starts[w]; ok {
		st.e = &ix.entries[k]
	}
	return st
}

// Actors is Set.ActorsStartingWith(w, next, buf) for the word of st.
func (st Starts) Actors(next []string, buf []PhraseRef) []PhraseRef {
	if st.ix == nil {
		return buf
	}
	if st.e != nil {
		buf = st.e.actorNext.appendRefs(buf, st.e.actors, st.e.actorSecond, next)
	}
	for _, p := range st.ix.actorPrefix {
		if strings.HasPrefix(st.w, p.stem) {
			buf = append(buf, p.ref)
		}
	}
	return buf
}

// Agents is Set.AgentsStartingWith(w, next, buf) for the word of st.
func (st Starts) Agents(next []string, buf []PhraseRef) []PhraseRef {
	if st.ix == nil {
		return buf
	}
	if st.e != nil {
		buf = st.e.agentNext.appendRefs(buf, st.e.agents, st.e.agentSecond, next)
	}
	for _, p := range st.ix.agentPrefix {
		if strings.HasPrefix(st.w, p.stem) {
			buf = append(buf, p.ref)
		}
	}
	return buf
}

// Discards is Set.DiscardsStarting(w) for the word of st.
func (st Starts) Discards() []PhraseRef {
	if st.e == nil {
		return nil
	}
	return st.e.discards
}

// nextIndexMin is the length from which a first word's phrase list is
// indexed by second word: shorter lists are cheaper to scan.
const nextIndexMin = 16

// nextIndex indexes one first word's phrases (refs, in lookup order) by
// their second word: the positions in refs of the phrases with that second
// word, and of those any second word may match (one word, a stem or a
// synset as second word), each list ascending.
type nextIndex struct {
	second map[string][]int32
	any    []int32
}

// newNextIndex indexes refs by second word when they are nextIndexMin or
// more (nil otherwise: the list is scanned).
func newNextIndex(refs []PhraseRef, phrase func(PhraseRef) Phrase) *nextIndex {
	if len(refs) < nextIndexMin {
		return nil
	}
	nx := &nextIndex{second: map[string][]int32{}}
	for i, r := range refs {
		p := phrase(r)
		if len(p) < 2 || p[1].Prefix || p[1].Synset {
			nx.any = append(nx.any, int32(i))
			continue
		}
		nx.second[p[1].Text] = append(nx.second[p[1].Text], int32(i))
	}
	return nx
}

// secondWords returns the second word of each phrase of refs, "" for a
// phrase any word may follow.
func secondWords(refs []PhraseRef, phrase func(PhraseRef) Phrase) []string {
	if len(refs) == 0 {
		return nil
	}
	out := make([]string, len(refs))
	for i, r := range refs {
		if p := phrase(r); len(p) >= 2 && !p[1].Prefix && !p[1].Synset {
			out[i] = p[1].Text
		}
	}
	return out
}

// appendRefs appends to buf the refs that can match before one of next, in
// the order of refs: with the index nx for a long list, else by their
// second words (second); a nil next, or one of more than four words,
// appends them all.
func (nx *nextIndex) appendRefs(buf, refs []PhraseRef, second, next []string) []PhraseRef {
	if next == nil || len(next) > 4 {
		return append(buf, refs...)
	}
	if nx == nil {
		for i, r := range refs {
			if w := second[i]; w == "" || slices.Contains(next, w) {
				buf = append(buf, r)
			}
		}
		return buf
	}
	// merge the ascending position lists of any and of each next word
	var lists [5][]int32
	n := 0
	lists[n] = nx.any
	n++
	for _, w := range next {
		if n == len(lists) {
			return append(buf, refs...) // more next words than kept: no restriction
		}
		if l := nx.second[w]; len(l) > 0 {
			dup := false
			for _, o := range lists[1:n] {
				if len(o) > 0 && &o[0] == &l[0] {
					dup = true // the same word twice
				}
			}
			if !dup {
				lists[n] = l
				n++
			}
		}
	}
	for {
		best := -1
		for i := 0; i < n; i++ {
			if len(lists[i]) > 0 && (best < 0 || lists[i][0] < lists[best][0]) {
				best = i
			}
		}
		if best < 0 {
			return buf
		}
		buf = append(buf, refs[lists[best][0]])
		lists[best] = lists[best][1:]
	}
}

// IssuesStarting returns the issue phrases whose first word is w.
func (s *Set) IssuesStarting(w string) []PhraseRef { return s.mustIndex().issues[w] }

// VerbsFor returns the verb forms whose lemma or inflected form is w
// (lower-case), later blocks first.
func (s *Set) VerbsFor(w string) []VerbRef { return s.mustIndex().verbs[w] }

// Synset returns the synset named name (lower-case, with '&'), or nil.
func (s *Set) Synset(name string) *Synset {
	i, ok := s.mustIndex().synsets[name]
	if !ok {
		return nil
	}
	return &s.Synsets[i]
}

// Stats counts the entries of a set, for summaries.
type Stats struct {
	Actors, ActorNames, Agents, Synsets, Verbs, VerbForms, Patterns, Transforms, Discards, Issues int
}

// Stats returns the entry counts of s.
func (s *Set) Stats() Stats {
	st := Stats{Actors: len(s.Actors), Agents: len(s.Agents), Synsets: len(s.Synsets), Verbs: len(s.Verbs),
		Transforms: len(s.Transforms), Discards: len(s.Discards), Issues: len(s.Issues)}
	for i := range s.Actors {
		st.ActorNames += len(s.Actors[i].Names)
	}
	for i := range s.Verbs {
		st.VerbForms += len(s.Verbs[i].Forms)
		st.Patterns += len(s.Verbs[i].Patterns)
	}
	return st
}
