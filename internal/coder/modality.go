package coder

import "strings"

// unrealized says why the act of verb v is not one that happened, as a
// coder of news reads it, or "" when nothing says so:
//   - no actor did it: a subject of "neither ... nor" or "no" ("Neither
//     Russia nor Ukraine attended the summit", "No country sent troops");
//   - it is a habit, not an event: a present-tense verb with an adverb of
//     frequency or "each/every" time ("Qatar frequently mediates between
//     Israel and Hamas", "millions of pilgrims arrive in Mecca each year");
//   - it is an obligation, something avoided, refused, planned or asked
//     for: the complement of "required/obliged to", "avoided", "refused to",
//     "plans to", "asked/urged to" ("Iran is required to inform the IAEA",
//     "Pakistan avoided attacking India"; the refusal or the request itself
//     is coded on its own verb).
//
// Negation proper ("did not attack") and stopping ("stopped fighting") are
// the negation policy's (negated, ceased).
func (sc *Scratch) unrealized(v int) string {
	for _, k := range sc.children(v) {
		d := sc.s.Words[k].Deprel
		if !strings.HasPrefix(d, "nsubj") {
			continue
		}
		if sc.low[k] == "none" || sc.low[k] == "nobody" || sc.low[k] == "neither" {
			return "no actor did it (" + sc.low[k] + ")"
		}
		for _, j := range sc.children(k) {
			if (sc.low[j] == "neither" || sc.low[j] == "no") && (sc.rel(j) == "cc" || sc.rel(j) == "det" || sc.rel(j) == "advmod") {
				return "no actor did it (" + sc.low[j] + " ...)"
			}
		}
	}
	if sc.s.Words[v].Feat("Tense") == "Pres" && sc.s.Words[v].Feat("VerbForm") == "Fin" {
		for _, k := range sc.children(v) {
			if sc.s.Words[k].Deprel == "advmod" && frequencyAdverbs[sc.low[k]] {
				return "a habit (" + sc.low[k] + ")"
			}
			if sc.everyTime(k) {
				return "a habit (every " + sc.low[k] + ")"
			}
		}
	}
	if h := sc.head(v); h >= 0 && sc.rel(v) == "acl" && sc.presentParticiple(v) && sc.genericPlural(h) && (sc.rel(h) == "nmod" || sc.rel(h) == "obl") {
		// a present participle describing a class of people, not an act
		// ("policies regarding Muslims traveling to the U.S.", "a ban on
		// foreigners entering the country") inside a prepositional phrase;
		// subjects and objects are the people the story follows
		// ("Protesters marching to the palace clashed with police",
		// "police attacked students marching to parliament")
		return "a class of actors (" + sc.low[h] + " " + sc.low[v] + ")"
	}
	if r := sc.period(v); r != "" {
		return r
	}
	// a condition or an open question is not an act that happened:
	// "warned that foreigners could be attacked if the ICC prosecutes the
	// president", "will retaliate unless the troops withdraw", "asked if
	// Iran had attacked the tanker"
	for _, k := range sc.children(v) {
		if sc.rel(k) == "mark" && (sc.low[k] == "if" || sc.low[k] == "unless" || sc.low[k] == "whether") {
			return "a condition (" + sc.low[k] + ")"
		}
	}
	if r := sc.undoneComplement(v); r != "" {
		return r
	}
	// a conjunct shares its first member's complement: "is considering
	// sending arms and to retaliate against Russia" (up a bounded chain of
	// conjuncts: a tree read from untrusted input may loop)
	for k, d := v, 0; d < 8 && sc.rel(k) == "conj"; d++ {
		h := sc.head(k)
		if h < 0 || !sc.verbal(h) {
			break
		}
		if r := sc.undoneComplement(h); r != "" {
			return r
		}
		k = h
	}
	return ""
}

// undoneComplement says "the complement of X" when verb v is the complement
// of a verb X whose complement is not done (unrealizingHeads), or what X
// accuses someone of; "" otherwise.
func (sc *Scratch) undoneComplement(v int) string {
	h := sc.head(v)
	if h < 0 {
		return ""
	}
	switch sc.s.Words[v].Deprel {
	case "xcomp", "ccomp", "obj", "advcl":
		if l := strings.ToLower(sc.s.Words[h].Lemma); unrealizingHeads[l] || accusationHeads[l] && sc.presentParticiple(v) {
			return "the complement of " + l
		}
	case "acl":
		if deniedNouns[sc.lemma[h]] {
			// the content of a report, claim or allegation that is
			// denied or rejected: "officials denied an earlier report
			// that a military helicopter was shot down", "Baku rejected
			// claims that its troops had shelled villages"
			if g := sc.head(h); g >= 0 && sc.rel(h) == "obj" && denyingHeads[strings.ToLower(sc.s.Words[g].Lemma)] {
				return "the content of a denied " + sc.lemma[h]
			}
		}
		// the complement parsed as a modifier of the verb's object:
		// "accused the army of shelling civilians", "urged Iran to
		// release the sailors" with "release" under "Iran"
		if g := sc.head(h); g >= 0 && (sc.rel(h) == "obj" || sc.rel(h) == "iobj") {
			if l := strings.ToLower(sc.s.Words[g].Lemma); unrealizingHeads[l] || accusationHeads[l] && sc.presentParticiple(v) {
				return "the complement of " + l
			}
		}
	}
	return ""
}

// presentParticiple reports whether verb v is an -ing form.
func (sc *Scratch) presentParticiple(v int) bool {
	w := &sc.s.Words[v]
	return w.XPOS == "VBG" || w.Feat("VerbForm") == "Ger" || w.Feat("VerbForm") == "Part" && w.Feat("Tense") == "Pres"
}

// genericPlural reports whether noun n is a bare plural: no determiner,
// possessor or number ("Muslims", "foreign journalists"), a class rather
// than people the story follows.
func (sc *Scratch) genericPlural(n int) bool {
	if sc.s.Words[n].Feat("Number") != "Plur" {
		return false
	}
	for _, k := range sc.children(n) {
		switch sc.s.Words[k].Deprel {
		case "det", "nmod:poss", "nummod":
			return false
		}
	}
	return true
}

// frequencyAdverbs make a present-tense act a habit.
var frequencyAdverbs = map[string]bool{
	"frequently": true, "often": true, "usually": true, "regularly": true, "routinely": true,
	"traditionally": true, "always": true, "typically": true, "generally": true, "sometimes": true,
	"normally": true, "habitually": true, "customarily": true, "occasionally": true,
	"annually": true, "yearly": true, "daily": true, "weekly": true, "monthly": true,
}

// everyTime reports whether word k is a time noun with "each" or "every"
// ("millions of pilgrims arrive in Mecca each year", "the two leaders meet
// every summer"): with a present-tense verb, a habit.
func (sc *Scratch) everyTime(k int) bool {
	switch sc.lemma[k] {
	case "year", "month", "week", "day", "summer", "winter", "spring", "autumn", "season", "time":
	default:
		return false
	}
	for _, j := range sc.children(k) {
		if sc.rel(j) == "det" && (sc.low[j] == "each" || sc.low[j] == "every") {
			return true
		}
	}
	return false
}

// unrealizingHeads are verbs (and participles) whose complement is an act
// that is owed, avoided, refused, planned or asked for rather than done:
// "Iran is required to inform the IAEA", "plans to open an embassy", "asked
// the council to help the girls" (the request is coded on its own verb, and
// its patterns name the act asked for: "urged Gondor to release").
var unrealizingHeads = map[string]bool{
	"require": true, "oblige": true, "obligate": true, "avoid": true, "refuse": true, "decline": true,
	"want": true, "plan": true, "intend": true, "seek": true, "propose": true, "consider": true, "mull": true, "weigh": true,
	"ask": true, "urge": true, "request": true, "encourage": true, "invite": true,
	// "called on the EU to impose new sanctions on Minsk", "pressed Israel
	// to allow aid into Gaza": the appeal or demand is coded on its verb
	"call": true, "appeal": true, "press": true, "pressure": true, "push": true, "demand": true,
	"implore": true, "beg": true, "exhort": true, "lobby": true,
	// a denial's complement is what the speaker says it did not do: "Iran
	// denied sending weapons to the Houthis", "denied attacking the convoy"
	"deny": true,
	// what is allowed or authorised is not yet done: "the deal does not
	// allow Turkey to send its troops into Iraq", "parliament authorised the
	// government to deploy troops abroad"
	"allow": true, "permit": true, "authorize": true, "authorise": true,
}

// deniedNouns are what is said to have happened, whose content a denial
// (denyingHeads) says did not.
var deniedNouns = map[string]bool{
	"report": true, "claim": true, "allegation": true, "accusation": true, "suggestion": true,
	"rumor": true, "rumour": true, "speculation": true, "assertion": true,
}

// denyingHeads are verbs that deny what their object says happened.
var denyingHeads = map[string]bool{
	"deny": true, "reject": true, "dismiss": true, "refute": true, "rebut": true, "rebuff": true,
}

// accusationHeads are verbs whose -ing complement is what someone is
// accused of, the accusation's content, not an act the text reports:
// "accused the army of shelling civilians", "blamed Iran for backing the
// protesters" (a clause of their own is: "accused Azerbaijan ..., while
// Baku rejected the accusation").
var accusationHeads = map[string]bool{
	"accuse": true, "blame": true, "charge": true, "suspect": true, "allege": true,
}

func isNegWord(w string) bool {
	switch w {
	case "not", "n't", "never", "no", "neither", "nor":
		return true
	}
	return false
}

// negated reports whether verb v is negated ("not", "never", "n't").
func (sc *Scratch) negated(v int) bool {
	for _, k := range sc.children(v) {
		d := sc.s.Words[k].Deprel
		if (d == "advmod" || d == "neg" || d == "aux") && isNegWord(sc.low[k]) {
			return true
		}
	}
	return false
}

// ceaseHeads are verbs whose complement is an action that stops or is kept
// from happening: "stop fighting", "ceased attacking", "urged both sides to
// halt fighting".
var ceaseHeads = map[string]bool{"stop": true, "cease": true, "halt": true, "quit": true, "end": true, "refrain": true}

// ceased reports whether verb v is the complement of a verb of stopping
// ("stop fighting", "cease attacking"): its action is ending, not done,
// and it is treated as negated.
func (sc *Scratch) ceased(v int) bool {
	h := sc.head(v)
	if h < 0 || !ceaseHeads[strings.ToLower(sc.s.Words[h].Lemma)] {
		return false
	}
	switch sc.s.Words[v].Deprel {
	case "xcomp", "ccomp":
		return true
	case "obj", "advcl":
		// a gerund object ("stopped fighting") or "refrain from attacking"
		return sc.s.Words[v].XPOS == "VBG" || sc.s.Words[v].Feat("VerbForm") == "Ger"
	}
	return false
}

// period says "a period of ..." when verb v tells what a span of time held
// or did, background rather than an event of the story: the act that is
// the of-complement of a duration ("six years of fighting involving rebels
// and the government", "decades of conflict") or an act whose subject is
// one ("six years of fighting have killed more than 200,000 people").
func (sc *Scratch) period(v int) string {
	if h := sc.head(v); h >= 0 && durationNoun(sc.lemma[h]) && (sc.rel(v) == "acl" || sc.rel(v) == "nmod") {
		return "a period of " + sc.low[v] + " (" + sc.low[h] + ")"
	}
	for _, k := range sc.children(v) {
		// (also a subject misread as a bare oblique before the verb)
		subj := strings.HasPrefix(sc.s.Words[k].Deprel, "nsubj") || k < v && sc.rel(k) == "obl" && sc.caseOf(k) == ""
		if subj && durationNoun(sc.lemma[k]) {
			for _, j := range sc.children(k) {
				if r := sc.rel(j); (r == "acl" || r == "nmod") && sc.ofPhrase(j) {
					return "what a period did (" + sc.low[k] + " of " + sc.low[j] + ")"
				}
			}
		}
	}
	return ""
}

// durationNoun reports whether a noun names a span of time.
func durationNoun(l string) bool {
	switch l {
	case "year", "month", "week", "decade", "century", "day":
		return true
	}
	return false
}

// ofPhrase reports whether word j is introduced by "of", as a preposition
// or, before a gerund, a marker ("years of/mark fighting").
func (sc *Scratch) ofPhrase(j int) bool {
	for _, k := range sc.children(j) {
		if d := sc.s.Words[k].Deprel; (d == "case" || d == "mark") && sc.low[k] == "of" {
			return true
		}
	}
	return false
}
