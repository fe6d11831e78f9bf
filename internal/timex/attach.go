package timex

import (
	"fmt"
	"strings"
	"time"

	"github.com/eventwire/eventwire/internal/nlp"
)

// DefaultWindow is how far before the article date an event may lie and
// still count as current news: 30 days.
const DefaultWindow = 30 * 24 * time.Hour

// Options configures event dating. The zero value uses the defaults.
type Options struct {
	// Window is how far before the article date an event's interval may end
	// without the event being historical; 0 means DefaultWindow.
	Window time.Duration
}

// Validate reports a configuration error, naming the field.
func (o Options) Validate() error {
	if o.Window < 0 {
		return fmt.Errorf("timex options: Window: must not be negative, got %v", o.Window)
	}
	return nil
}

func (o Options) window() time.Duration {
	if o.Window <= 0 {
		return DefaultWindow
	}
	return o.Window
}

// Dating is the time of one event.
type Dating struct {
	// Expr is the index in the expressions passed to EventTime of the one
	// that dates the event, or -1 when none does and the article date is
	// used.
	Expr     int
	Gran     Granularity
	From, To time.Time // inclusive days, UTC midnight
	// Historical is set when To lies before the article date minus the
	// window.
	Historical bool
}

// Date returns the event's day as YYYY-MM-DD for event.Event.Date: the first
// day of its interval, or the article date for a duration that runs up to
// it.
func (d Dating) Date() string {
	if d.Gran == Duration {
		return d.To.Format("2006-01-02")
	}
	return d.From.Format("2006-01-02")
}

// EventTime dates the event whose verb (or event noun) is the word with id
// verbWordID in s, using the expressions exprs found in s (by Find) and the
// default window; see Options.EventTime.
func EventTime(s *nlp.Sentence, verbWordID int, exprs []Expr, articleDate time.Time) Dating {
	return Options{}.EventTime(s, verbWordID, exprs, articleDate)
}

// EventTime dates the event whose verb (or event noun) is the word with id
// verbWordID in s. It chooses the expression that governs the verb: one in
// the verb's own clause, attached to it through obl, obl:tmod, nmod:tmod,
// advmod and the like, possibly through nominal modifiers ("during the period
// covering the years 1830-1962"); failing that, one governing the nearest
// clause above the verb (xcomp, ccomp, advcl, conj, parataxis). Among several,
// the most specific (shortest interval) wins, then the nearest. An
// expression inside an argument of the verb ("violates the 1993 agreement")
// does not date it. Without a dependency tree, the nearest expression in the
// sentence is used. With no expression, the event gets the article date.
//
// It does not modify its arguments and is safe for concurrent use.
func (o Options) EventTime(s *nlp.Sentence, verbWordID int, exprs []Expr, articleDate time.Time) Dating {
	day := dateOf(articleDate)
	best := -1
	v := wordIndex(s, verbWordID)
	if v >= 0 && len(exprs) > 0 {
		if parsed(s) {
			best = governing(s, v, exprs)
		} else {
			best = nearest(exprs, verbWordID, true, func(int) bool { return true })
		}
	}
	if best < 0 {
		return Dating{Expr: -1, Gran: Day, From: day, To: day}
	}
	e := exprs[best]
	limit := day.Add(-o.window())
	return Dating{Expr: best, Gran: e.Gran, From: e.From, To: e.To, Historical: e.To.Before(limit)}
}

// wordIndex returns the 0-based index of the word with id in s, or -1.
func wordIndex(s *nlp.Sentence, id int) int {
	if s == nil {
		return -1
	}
	if id >= 1 && id <= len(s.Words) && s.Words[id-1].ID == id {
		return id - 1
	}
	for i := range s.Words {
		if s.Words[i].ID == id {
			return i
		}
	}
	return -1
}

// head returns the 0-based index of the head of word i, or -1 for the root
// or a head outside the sentence.
func head(s *nlp.Sentence, i int) int {
	h := s.Words[i].Head
	if h <= 0 || h > len(s.Words) {
		return -1
	}
	return h - 1
}

// parsed reports whether s carries a dependency tree.
func parsed(s *nlp.Sentence) bool {
	for i := range s.Words {
		if s.Words[i].Head != 0 || s.Words[i].Deprel != "" {
			return true
		}
	}
	return false
}

// spanHead returns the word of e whose head lies outside it (the first such),
// as a 0-based index.
func spanHead(s *nlp.Sentence, first, last int) int {
	for i := first; i <= last && i < len(s.Words); i++ {
		h := head(s, i)
		if h < first || h > last {
			return i
		}
	}
	return first
}

// baseRel returns the universal part of a dependency label ("obl" for
// "obl:tmod").
func baseRel(d string) string {
	if i := strings.IndexByte(d, ':'); i >= 0 {
		return d[:i]
	}
	return d
}

// temporalRel reports whether label d attaches a time adjunct to a
// predicate.
func temporalRel(d string) bool {
	switch d {
	case "obl", "obl:tmod", "obl:unmarked", "obl:npmod", "nmod:tmod", "nmod:unmarked", "nmod:npmod", "advmod", "advcl:tmod":
		return true
	}
	return false
}

// modifierRel reports whether label d attaches a modifier inside a phrase,
// through which a time expression still describes the phrase's head.
func modifierRel(d string) bool {
	switch baseRel(d) {
	case "nmod", "compound", "appos", "nummod", "amod", "conj", "flat", "dep", "list", "acl", "det", "case", "fixed", "cc":
		return d != "acl:relcl"
	}
	return false
}

// isPredicate reports whether word i heads a clause.
func isPredicate(s *nlp.Sentence, i int) bool {
	w := &s.Words[i]
	if w.UPOS == "VERB" || w.Deprel == "root" || w.Head == 0 {
		return true
	}
	if w.UPOS == "" {
		return true
	}
	for j := range s.Words {
		if s.Words[j].Head == i+1 && s.Words[j].Deprel == "cop" {
			return true
		}
	}
	return false
}

// spanningVerbs have a time as their object: "the period covering the years
// 1830-1962" is the period 1830-1962.
var spanningVerbs = map[string]bool{"cover": true, "span": true, "last": true, "stretch": true, "encompass": true, "include": true, "run": true}

// governs reports whether expression e describes word w: walking up the tree
// from e's head, w is met before the walk stops at the predicate e is a time
// adjunct of, or at an argument boundary.
func governs(s *nlp.Sentence, e *Expr, w int) bool {
	first, last := wordIndex(s, e.First), wordIndex(s, e.Last)
	if first < 0 || last < first {
		return false
	}
	if w >= first && w <= last {
		return true
	}
	cur := spanHead(s, first, last)
	// A phrase marked "during", "since", "until" or "throughout" is a time
	// adjunct wherever a parser attached it: it dates the first predicate
	// above it ("killed ... during the period covering the years 1830-1962"
	// with the period attached to a noun).
	timePP := false
	for steps := 0; steps <= len(s.Words); steps++ {
		if cur == w {
			return true
		}
		d := s.Words[cur].Deprel
		h := head(s, cur)
		if h < 0 {
			return false
		}
		if !timePP && hasTemporalCase(s, cur) {
			timePP = true
		}
		switch {
		case timePP && isPredicate(s, h) && s.Words[h].UPOS != "":
			return h == w
		case timePP && baseRel(d) != "acl" && baseRel(d) != "ccomp" && baseRel(d) != "advcl":
			// climb through the noun phrase to its predicate
		case temporalRel(d):
			if h == w {
				return true
			}
			if isPredicate(s, h) {
				return false
			}
		case modifierRel(d):
		case (d == "obj" || d == "nsubj") && spanningVerbs[lemmaOf(&s.Words[h])] && baseRel(s.Words[h].Deprel) == "acl":
		default:
			return false
		}
		cur = h
	}
	return false
}

// temporalCases are prepositions that make their phrase a time adjunct.
var temporalCases = map[string]bool{"during": true, "since": true, "until": true, "till": true, "throughout": true}

// hasTemporalCase reports whether word i has a case dependent such as
// "during".
func hasTemporalCase(s *nlp.Sentence, i int) bool {
	for j := range s.Words {
		if s.Words[j].Head == i+1 && s.Words[j].Deprel == "case" && temporalCases[strings.ToLower(s.Words[j].Form)] {
			return true
		}
	}
	return false
}

// clausalRel reports whether label d links a clause to the clause above it,
// whose time an undated event inherits.
func clausalRel(d string) bool {
	switch baseRel(d) {
	case "xcomp", "ccomp", "advcl", "conj", "parataxis", "csubj":
		return true
	}
	return false
}

// governing returns the index in exprs of the expression dating word v, or -1.
func governing(s *nlp.Sentence, v int, exprs []Expr) int {
	node := v
	for steps := 0; steps <= len(s.Words) && node >= 0; steps++ {
		n := node
		if best := nearest(exprs, v+1, false, func(i int) bool { return governs(s, &exprs[i], n) }); best >= 0 {
			return best
		}
		if !clausalRel(s.Words[node].Deprel) {
			break
		}
		node = head(s, node)
	}
	return fronted(s, exprs)
}

// fronted returns the index in exprs of an expression that opens the
// sentence and is closed by a comma, or lies in an opening prepositional
// phrase so closed, -1 for none: it sets the time of the
// whole sentence, wherever a parser attached it ("One year ago this month,
// Chechen separatist rebels shot down a helicopter" with "month" made the
// root; "In August 2002, rebels shot down ...").
func fronted(s *nlp.Sentence, exprs []Expr) int {
	for i := range exprs {
		first, last := wordIndex(s, exprs[i].First), wordIndex(s, exprs[i].Last)
		if first < 0 || last < first || last+1 >= len(s.Words) || s.Words[last+1].Form != "," {
			continue
		}
		// only a preposition before it: "In August 2002, ..."
		if first == 0 || first == 1 && s.Words[0].UPOS == "ADP" {
			return i
		}
	}
	// or inside an opening phrase of a preposition closed by a comma,
	// without a verb of its own: the role or circumstance it names held
	// then ("As a student leader in the 1980s, he led protests", "As
	// foreign minister in 2003, he negotiated the deal")
	comma := -1
	for j := range s.Words {
		if s.Words[j].Form == "," {
			comma = j
			break
		}
		if s.Words[j].UPOS == "VERB" || s.Words[j].UPOS == "AUX" {
			return -1
		}
	}
	if comma < 2 || s.Words[0].UPOS != "ADP" && s.Words[0].UPOS != "SCONJ" {
		return -1
	}
	for i := range exprs {
		if last := wordIndex(s, exprs[i].Last); last >= 0 && last < comma {
			return i
		}
	}
	return -1
}

// nearest returns, among the expressions accepted by ok, the most specific
// (shortest interval), then the nearest to word id — or, with byDistance,
// the nearest, then the most specific; -1 if none.
func nearest(exprs []Expr, id int, byDistance bool, ok func(int) bool) int {
	best, bestLen, bestDist := -1, time.Duration(0), 0
	for i := range exprs {
		if !ok(i) {
			continue
		}
		e := &exprs[i]
		l := e.To.Sub(e.From)
		dist := 0
		if id < e.First {
			dist = e.First - id
		} else if id > e.Last {
			dist = id - e.Last
		}
		better := l < bestLen || l == bestLen && dist < bestDist
		if byDistance {
			better = dist < bestDist || dist == bestDist && l < bestLen
		}
		if best < 0 || better {
			best, bestLen, bestDist = i, l, dist
		}
	}
	return best
}

// lemmaOf returns the lemma of w, or its lower-cased form when it has none.
func lemmaOf(w *nlp.Word) string {
	if w.Lemma != "" && w.Lemma != "_" {
		return w.Lemma
	}
	return strings.ToLower(w.Form)
}

// hasLemma reports whether w's lemma is in set; without a lemma it tries the
// form and the form stripped of -s, -ed, -d and -ing.
func hasLemma(w *nlp.Word, set map[string]bool) bool {
	if w.Lemma != "" && w.Lemma != "_" {
		return set[strings.ToLower(w.Lemma)]
	}
	f := strings.ToLower(w.Form)
	if set[f] {
		return true
	}
	for _, suf := range [...]string{"s", "ed", "d", "ing"} {
		if b, ok := strings.CutSuffix(f, suf); ok && (set[b] || set[b+"e"]) {
			return true
		}
	}
	if b, ok := strings.CutSuffix(f, "ned"); ok && set[b] { // planned
		return true
	}
	if b, ok := strings.CutSuffix(f, "ning"); ok && set[b] { // planning
		return true
	}
	return false
}

// modals are the auxiliaries that make an action modal or future.
var modals = map[string]bool{
	"will": true, "would": true, "could": true, "may": true, "might": true, "should": true, "must": true,
	"can": true, "shall": true, "'ll": true, "'d": true, "wo": true, "ca": true, "ought": true,
}

// intentionHeads are the verbs and adjectives whose complement (xcomp) is
// planned, intended, attempted, expected, appealed for or threatened, not
// done: "plans to", "is expected to", "threatened to", "we call on X to show".
var intentionHeads = map[string]bool{
	"plan": true, "intend": true, "aim": true, "seek": true, "try": true, "attempt": true, "want": true,
	"hope": true, "wish": true, "expect": true, "schedule": true, "prepare": true, "promise": true,
	"pledge": true, "vow": true, "threaten": true, "propose": true, "agree": true, "decide": true,
	"offer": true, "call": true, "urge": true, "ask": true, "invite": true, "demand": true, "appeal": true,
	"request": true, "encourage": true, "press": true, "order": true, "need": true, "plot": true,
	"likely": true, "unlikely": true, "due": true, "set": true, "poised": true, "ready": true,
	"slate": true, "expected": true, "scheduled": true, "going": true, "willing": true, "eager": true,
	"determined": true, "intent": true, "mean": true, "desire": true, "strive": true, "endeavor": true,
	"recommend": true, "suggest": true, "insist": true,
}

// intentionNouns head infinitive clauses (acl) that are intended, not
// done: "plans to leave", "a bid to oust", "an attempt to seize".
var intentionNouns = map[string]bool{
	"plan": true, "intention": true, "attempt": true, "bid": true, "effort": true, "threat": true,
	"call": true, "appeal": true, "promise": true, "pledge": true, "proposal": true, "offer": true,
	"demand": true, "request": true, "order": true, "decision": true, "plot": true, "move": true,
	"campaign": true, "drive": true, "push": true, "readiness": true, "willingness": true, "vow": true,
}

// appealHeads take a finite or subjunctive complement clause (ccomp) that
// is wanted, not done: "demanded that France apologize".
var appealHeads = map[string]bool{
	"demand": true, "urge": true, "ask": true, "insist": true, "propose": true, "suggest": true,
	"recommend": true, "request": true, "call": true, "hope": true, "want": true, "wish": true,
}

// conditionalMarks introduce conditional clauses.
var conditionalMarks = map[string]bool{"if": true, "unless": true, "whether": true, "lest": true}

// Hypothetical reports whether the action of the verb with id verbWordID in
// s is planned, conditional, modal or appealed for rather than done: it has
// a modal auxiliary (will, would, could, may, might, should, must, can),
// heads an "if"/"unless" clause, is the complement of a verb of intention,
// expectation, attempt, threat or appeal ("plans to meet", "is expected to
// sign", "is going to", "threatened to strike", "we call on X to show" — the
// intending, threatening or calling itself is not hypothetical), is an "is
// to" construction ("the minister is to visit"), or is an imperative. A
// conjunct with no auxiliary or subject of its own shares its first
// conjunct's mood ("will meet and sign"). It needs the dependency tree; on a
// sentence without one it reports false.
func Hypothetical(s *nlp.Sentence, verbWordID int) bool {
	v := wordIndex(s, verbWordID)
	if v < 0 || !parsed(s) {
		return false
	}
	for depth := 0; depth < 8 && v >= 0; depth++ {
		hyp, conj := hypotheticalClause(s, v)
		if hyp {
			return true
		}
		if !conj {
			return false
		}
		v = head(s, v)
	}
	return false
}

// hypotheticalClause reports whether word v is hypothetical by its own
// dependents and attachment, and whether it is a bare conjunct that shares
// its first conjunct's mood.
func hypotheticalClause(s *nlp.Sentence, v int) (hyp, conj bool) {
	w := &s.Words[v]
	hasAux, hasSubj, hasTo, beAux := false, false, false, false
	for i := range s.Words {
		c := &s.Words[i]
		if c.Head != v+1 {
			continue
		}
		switch baseRel(c.Deprel) {
		case "aux":
			hasAux = true
			l := strings.ToLower(c.Form)
			if modals[l] || modals[strings.ToLower(c.Lemma)] && c.Lemma != "be" && c.Lemma != "have" && c.Lemma != "do" {
				return true, false
			}
			if l == "is" || l == "are" || l == "am" || l == "was" || l == "were" {
				beAux = true
			}
		case "mark":
			l := strings.ToLower(c.Form)
			if conditionalMarks[l] {
				return true, false
			}
			if l == "to" {
				hasTo = true
			}
		case "nsubj", "csubj", "expl":
			hasSubj = true
		}
	}
	// "The minister is to visit Paris."
	if hasTo && beAux && baseRel(w.Deprel) != "xcomp" {
		return true, false
	}
	d := baseRel(w.Deprel)
	if h := head(s, v); h >= 0 {
		hw := &s.Words[h]
		switch d {
		case "xcomp":
			if hasLemma(hw, intentionHeads) {
				return true, false
			}
			// "is going to attack"
			if strings.EqualFold(hw.Form, "going") || strings.EqualFold(hw.Form, "gonna") {
				return true, false
			}
		case "ccomp":
			if hasLemma(hw, appealHeads) && !strings.EqualFold(hw.Form, "said") {
				// Only a complement without tense is wanted rather than
				// reported: "demanded that France apologize", not "asked
				// whether France had apologized".
				if w.XPOS == "VB" || w.Feat("Mood") == "Sub" {
					return true, false
				}
			}
		case "acl":
			// "made plans to leave", "a bid to oust", "calls for X to resign".
			if hasTo && (hasLemma(hw, intentionNouns) || hasLemma(hw, intentionHeads)) {
				return true, false
			}
		case "advcl":
			// "... troops to withdraw" attached as advcl under an appeal.
			if hasTo && hasLemma(hw, intentionHeads) {
				return true, false
			}
		}
	}
	// Imperative: "Stop the attacks!"
	if w.Feat("Mood") == "Imp" {
		return true, false
	}
	if d == "root" && w.XPOS == "VB" && !hasSubj && !hasAux && !hasTo && v == firstContentWord(s) {
		return true, false
	}
	return false, d == "conj" && !hasAux && !hasSubj
}

// firstContentWord returns the index of the first word that is not
// punctuation or a discourse marker.
func firstContentWord(s *nlp.Sentence) int {
	for i := range s.Words {
		switch s.Words[i].UPOS {
		case "PUNCT", "INTJ", "CCONJ":
			continue
		}
		if s.Words[i].Deprel == "discourse" || s.Words[i].Deprel == "vocative" || s.Words[i].Deprel == "advmod" {
			continue
		}
		return i
	}
	return -1
}
