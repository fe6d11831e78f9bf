// Who did it and to whom: the source and target actors of a verb.

package coder

import (
	"strings"

	"github.com/eventwire/eventwire/internal/cameo"
	"github.com/eventwire/eventwire/internal/dict"
)

// counterparts gives a target named as the source's counterpart the
// source's role: "the French foreign minister met his Algerian
// counterpart" (FRAGOV → DZAGOV), "Putin spoke with his Turkish
// counterparts" (RUSGOV → TURGOV). Only a bare country is completed.
func counterparts(sc *Scratch) {
	if len(sc.srcs) == 0 || len(sc.srcs[0].code) < 6 {
		return
	}
	role := sc.srcs[0].code[3:6]
	for i := range sc.tgts {
		t := &sc.tgts[i]
		if t.head < 0 || len(t.code) != 3 || t.code == dict.NullCode {
			continue
		}
		if l := sc.lemma[t.head]; l == "counterpart" || l == "counterparts" {
			t.code += role
		}
	}
}

// agentDep reports whether dependent k is the "by" agent of a passive
// ("was attacked by Arnor").
func (sc *Scratch) agentDep(k int) bool {
	d := sc.s.Words[k].Deprel
	return d == "obl:agent" || d == "nmod:agent" || (d == "obl" || d == "nmod") && sc.caseOf(k) == "by"
}

// predicateAdj reports whether word v, an adjective or past participle,
// is predicated of its subject with a copula or a passive auxiliary ("was
// critical of", "is disappointed with"), as a predicate adjective of the
// verb dictionary ("critical(a)") needs.
func (sc *Scratch) predicateAdj(v int) bool {
	w := &sc.s.Words[v]
	if w.UPOS != "ADJ" && w.XPOS != "VBN" {
		return false
	}
	for _, k := range sc.children(v) {
		if d := sc.s.Words[k].Deprel; d == "cop" || d == "aux:pass" {
			return true
		}
	}
	return false
}

// passive reports whether verb v is in the passive voice.
func (sc *Scratch) passive(v int) bool {
	for _, k := range sc.children(v) {
		switch sc.s.Words[k].Deprel {
		case "nsubj:pass", "aux:pass", "csubj:pass":
			return true
		}
	}
	return false
}

// subjects resolves the source actors of verb v: its subject (or the "by"
// agent of a passive), else the controller of an xcomp, the subject of the
// verb it is coordinated with, or the noun a relative clause modifies.
func (c *Coder) subjects(sc *Scratch, v int, out []actorRef, depth int) []actorRef {
	if depth > 6 {
		return out
	}
	if out, ok := c.conclusionOf(sc, v, out); ok { // discourse.go
		return out
	}
	pass := c.passive(sc, v)
	for _, k := range sc.children(v) {
		d := sc.s.Words[k].Deprel
		if pass {
			if sc.agentDep(k) {
				return c.resolveNP(sc, k, out, 0)
			}
			continue
		}
		if d == "nsubj" || d == "nsubj:pass" {
			w := &sc.s.Words[k]
			if w.UPOS == "PRON" && (sc.low[k] == "who" || sc.low[k] == "which" || sc.low[k] == "that") {
				// (also a relative clause read as an adjective of its noun:
				// "The militants, who were armed with rifles, attacked a
				// checkpoint", "the soldiers, who were drunk, beat ...")
				if h := sc.head(v); h >= 0 && (strings.HasPrefix(sc.s.Words[v].Deprel, "acl") || sc.s.Words[v].Deprel == "amod") {
					return c.resolveNP(sc, h, out, 0)
				}
			}
			if statementNoun(sc.lemma[k]) && !c.opt.Literal {
				// "Cornyn's statement added", "the ministry's statement
				// condemned": whose statement speaks
				for _, p := range sc.children(k) {
					if sc.s.Words[p].Deprel == "nmod:poss" {
						if n := c.resolveNP(sc, p, out, 0); len(n) > len(out) {
							return n
						}
					}
				}
			}
			if n := c.resolveNP(sc, k, out, 0); len(n) > len(out) {
				return c.misparsedSubject(sc, v, n, len(n)-len(out)) // misparse.go
			}
			// "Resumption of ties between Arnor and Gondor may spur ...":
			// the actors inside a subject that names none itself
			return c.firstActorIn(sc, k, out, false)
		}
	}
	if pass && sc.docOn && c.isSpeech(sc, v) {
		// "it was noted at the meeting that ...": the host of the
		// gathering speaks (discourse.go)
		for _, k := range sc.children(v) {
			if sc.rel(k) == "obl" && sc.caseOf(k) == "at" && gatheringNoun(sc.lemma[k]) {
				if n := c.resolveNP(sc, k, out, 0); len(n) > len(out) {
					return n
				}
			}
		}
	}
	if pass && !c.opt.Literal {
		// the act it was done in names who did it: "three peacekeepers
		// were injured in an ambush by Gbagbo forces", "five soldiers
		// were killed in a Taliban attack on their base"
		for _, k := range sc.children(v) {
			if sc.rel(k) != "obl" || !attackNoun(sc.lemma[k]) {
				continue
			}
			if cs := sc.caseOf(k); cs != "in" && cs != "during" {
				continue
			}
			if j := sc.nominalAgent(k); j >= 0 {
				if n := c.resolveNP(sc, j, out, 0); len(n) > len(out) {
					return n
				}
			}
			for _, j := range sc.children(k) {
				// the attack's own modifier, not where it was ("in an
				// attack in Kabul")
				if d := sc.s.Words[j].Deprel; j < k && (d == "amod" || d == "compound" || d == "nmod:poss") {
					if n := c.resolveNP(sc, j, out, 0); len(n) > len(out) {
						return n
					}
				}
			}
		}
	}
	if pass {
		// no "by" agent: an actor in an oblique ("was shot in Osgiliath"),
		// never the source of the report ("according to the Red Cross,
		// twenty people have been killed")
		for _, k := range sc.children(v) {
			// outside PETRARCH's reading only where it came from or the
			// parties between whom it was done can be who did it ("rockets
			// were fired from Gaza", "an agreement was signed between
			// Israel and Hamas"), not to whom or with whom ("will be
			// reported to the Security Council and the African Union",
			// "was signed with the help of IGAD")
			if (sc.rel(k) == "obl" || sc.rel(k) == "nmod") && !attributionCase(sc.caseOf(k)) &&
				(c.opt.Literal || sc.caseOf(k) == "from" || sc.caseOf(k) == "between" || sc.caseOf(k) == "among") {
				if n := c.resolveNP(sc, k, out, 0); len(n) > len(out) && !c.placeOnly(sc, n[len(out):]) {
					return n
				}
				if n := c.firstActorIn(sc, k, out, false); len(n) > len(out) && !c.placeOnly(sc, n[len(out):]) {
					return n
				}
			}
		}
		return out
	}
	if n := c.misparsedSubject(sc, v, out, 0); len(n) > len(out) {
		return n
	}
	h := sc.head(v)
	if h < 0 {
		return out
	}
	switch sc.rel(v) {
	case "xcomp":
		// raising from a passive ("Gollum was seen to break into")
		for _, k := range sc.children(h) {
			if sc.s.Words[k].Deprel == "nsubj:pass" {
				return c.resolveNP(sc, k, out, 0)
			}
		}
		// object control ("urged Gondor to attack") else subject control
		for _, k := range sc.children(h) {
			if d := sc.s.Words[k].Deprel; d == "obj" || d == "iobj" {
				if n := len(c.resolveNP(sc, k, out, 0)); n > len(out) {
					return c.resolveNP(sc, k, out, 0)
				}
			}
		}
		return c.subjects(sc, h, out, depth+1)
	case "conj":
		return c.subjects(sc, h, out, depth+1)
	case "advcl":
		// a purpose clause ("signed an accord to supply Gondor") shares
		// the subject; a temporal one ("after leaving Eriador") is
		// background, not an event of its own
		if sc.infinitive(v) {
			return c.subjects(sc, h, out, depth+1)
		}
		if !c.opt.Literal && sc.means(v) {
			// the means an act was done by: "the military retaliated by
			// sinking three rebel vessels", "Russia responded by expelling
			// 23 British diplomats"
			return c.subjects(sc, h, out, depth+1)
		}
		if !c.opt.Literal && sc.resultParticiple(v, h) && (sc.verbEvt[h] < 0 || !violentCode(sc.act)) {
			// the result is the act's own when the act coded nothing
			// itself (its object was a thing: "attacked a checkpoint,
			// killing five soldiers"); else a violent result is the same
			// action told twice ("fired missiles at Hamas activists,
			// killing a bystander": one event). Any other participle
			// is a second act of the same subject: "visited Kenya,
			// urging the government to hold elections", "marched
			// through Cairo, demanding Mubarak's resignation"
			return c.subjects(sc, h, out, depth+1)
		}
	case "acl":
		// a participle modifying a noun acts for it ("a woman believed
		// linked to Al-Qaeda"); an infinitive ("urged Eriador to respond")
		// is what someone else wants of it, not its own act. In the
		// PETRARCH-2 reading a past participle is passive, its noun what
		// is acted on, never the source: "two Brazilian men sought in the
		// slaying of two American missionaries", "victims killed by the
		// crash"
		if !sc.infinitive(v) && !(c.opt.Literal && !c.opt.Petrarch1 && sc.pastParticiple(v)) {
			if n := c.resolveNP(sc, h, out, 0); len(n) > len(out) || c.opt.Literal || !statementNoun(sc.lemma[h]) {
				return n
			}
			// what a statement or report says is said by whoever issued
			// it: "Gates issued a statement claiming that Hezbollah ...",
			// "Amnesty released a report accusing the army of torture"
			if g := sc.head(h); g >= 0 && sc.rel(h) == "obj" && sc.verbal(g) {
				return c.subjects(sc, g, out, depth+1)
			}
		}
	}
	return out
}

// targets resolves the target actors of verb v: the object (or the
// passive subject) or the first actor inside it ("welcomed a resumption of
// ties with Osgiliath"), the indirect object, obliques, the targets of an
// open complement, then the first actor of a clausal complement.
func (c *Coder) targets(sc *Scratch, v int, out []actorRef, depth int) []actorRef {
	if depth > 4 {
		return out
	}
	before := len(out)
	pass := c.passive(sc, v)
	kids := sc.children(v)
	phrase := func(k int) bool {
		j := sc.nominalAgent(k)
		if j < 0 && !pass && sc.s.Words[k].UPOS == "NOUN" {
			// the same phrase hung on the active verb, where "by"
			// names no agent: "criticised the detention of journalists
			// by/obl Turkish police"
			for _, o := range kids {
				if o > k && sc.rel(o) == "obl" && sc.caseOf(o) == "by" && (sc.actorAt[o] >= 0 || sc.agentAt[o] >= 0) {
					j = o
					break
				}
			}
		}
		if j >= 0 && !c.opt.Literal {
			// whose act the object is, as a possessor would say it
			if out = c.resolveNP(sc, j, out, 0); len(out) > before {
				return true
			}
		}
		out = c.resolveNP(sc, k, out, 0)
		if len(out) > before && !c.opt.Literal && missionNoun(sc.lemma[k]) && len(sc.srcs) > 0 && ownActor(sc.srcs[0].code, out[before].code) {
			// the source's own mission abroad is about its host: "Russia
			// closed its consulate in the Polish city of Poznan" (POL),
			// "Canada shut its embassy in Tehran" (IRN)
			// the place's phrase on the mission or, misattached, on the verb
			for _, w := range [2]int{k, v} {
				for _, j := range sc.children(w) {
					if j <= k || sc.rel(j) != "nmod" && sc.rel(j) != "obl" || !locative(sc.caseOf(j)) {
						continue
					}
					n := c.resolveNP(sc, j, sc.np[:0], 0)
					if len(n) == 0 {
						n = c.firstActorIn(sc, j, n, false)
					}
					if len(n) > 0 {
						out = append(out[:before], n...)
						sc.np = n[:0]
						return true
					}
					sc.np = n[:0]
				}
			}
		}
		if len(out) == before && sc.judging && sc.s.Words[k].UPOS == "NOUN" {
			if m, ok := c.nounMatch(sc, k); ok && violentCode(c.matchCode(m)) {
				// a judged act of force targets its doer, named on the
				// noun itself or as its "by" agent (above), not its
				// victims: "condemned the attack on the Egyptian embassy"
				// names no one to condemn
				return false
			}
		}
		if len(out) == before {
			out = c.firstActorIn(sc, k, out, true)
			if len(out) > before && !c.opt.Literal && sc.peopleNoun(k) && sc.inParticiple(out[before].head, k) {
				// what is said of "people" names no side of the act:
				// "arrested 12 people accused of spying for Israel" is not
				// against Israel (their country comes by convention,
				// impliedTarget); where they were stays ("detained
				// hundreds of people at memorials in Moscow")
				out = out[:before]
			}
			if len(out) > before && sc.wherePlace(out[before].head, out[before:]) {
				// a venue inside the object: "signed a peace agreement
				// in Jeddah", "held talks in Doha"
				out = out[:before]
			}
		}
		return len(out) > before
	}
	// an oblique of a meeting verb that names a place says where it
	// happens ("met in Washington"), not with whom; a place inside the
	// object is kept
	oblique := func(k int) bool {
		out = c.resolveNP(sc, k, out, 0)
		if len(out) > before && sc.wherePlace(k, out[before:]) {
			out = out[:before]
		}
		if len(out) == before && sc.judging && sc.s.Words[k].UPOS == "NOUN" {
			if m, ok := c.nounMatch(sc, k); ok && violentCode(c.matchCode(m)) {
				// a judged act of force in an oblique targets its doer,
				// not its victims: "protested against the killing of a
				// young woman in custody" names no one protested against
				return false
			}
		}
		if len(out) == before {
			out = c.firstTargetIn(sc, k, out)
		}
		return len(out) > before
	}
	expletive := pass && c.expletiveSpeech(sc, v) // "it was said that ..." (discourse.go)
	// reporters a statement is told to are how it reached the press, not
	// whom it is about: "... told reporters in Caracas" (the content
	// clause's subject below is)
	speech := !c.opt.Literal && c.isSpeech(sc, v)
	press := func() bool {
		if !speech || len(out) == before {
			return false
		}
		for _, r := range out[before:] {
			if !cameo.HasRole(r.code, "MED") {
				return false
			}
		}
		out = out[:before]
		return true
	}
	for _, k := range kids {
		if d := sc.s.Words[k].Deprel; d == "obj" || (pass && d == "nsubj:pass" && !expletive) {
			if d == "obj" && sc.titleOfSubject(v, k) {
				continue
			}
			if phrase(k) && !press() {
				return out
			}
		}
	}
	for _, k := range kids {
		if sc.s.Words[k].Deprel == "iobj" && phrase(k) && !press() {
			return out
		}
	}
	for _, k := range kids {
		if r := sc.rel(k); r == "obl" || r == "nmod" {
			if pass && sc.caseOf(k) == "by" || sc.s.Words[k].Deprel == "obl:tmod" || sc.s.Words[k].Deprel == "nmod:tmod" {
				continue
			}
			if attributionCase(sc.caseOf(k)) || frameCase(sc.caseOf(k)) {
				// attribution is where a report comes from, not whom it is
				// about: "According to the information given to APA, it
				// was noted that ...", "according to state media"
				continue
			}
			if sc.caseOf(k) == "" && sc.titleOfSubject(v, k) {
				continue // "Kenyan opposition leader Raila Odinga rejected ..."
			}
			if sc.caseOf(k) == "with" && helpNoun(sc.lemma[k]) {
				// who helped is no party: "signed with the help of
				// mediators from IGAD", "with the support of France"
				continue
			}
			if sc.caseOf(k) == "at" && gatheringNoun(sc.lemma[k]) {
				// where it was said or done, not to whom: "it was noted at
				// the meeting that ...", "spoke at the summit"
				continue
			}
			if speech && locative(sc.caseOf(k)) {
				// where a statement was made: "told reporters in Caracas",
				// "said in Geneva"
				n := c.resolveNP(sc, k, sc.np[:0], 0)
				place := len(n) > 0 && c.placeOnly(sc, n)
				sc.np = n[:0]
				if place {
					continue
				}
			}
			if oblique(k) {
				return out
			}
		}
	}
	// the target of the act asked for is not who is asked: "called on all
	// sides to protect civilians", "urged the parties to spare Afghan
	// civilians" name no one the appeal is made to (appeals and demands,
	// when the verb names whom it asks)
	if (strings.HasPrefix(sc.act, "02") || strings.HasPrefix(sc.act, "10")) && !c.opt.Literal && sc.asksSomeone(v) {
		return out
	}
	for _, k := range kids {
		if sc.s.Words[k].Deprel == "xcomp" || sc.s.Words[k].Deprel == "advcl" && sc.infinitive(k) {
			if out = c.targets(sc, k, out, depth+1); len(out) > before {
				return out
			}
		}
	}
	// a clausal complement: its first actor ("believes Dagolath can cope",
	// "said an embargo against Mordor would not work")
	for _, k := range kids {
		if sc.s.Words[k].Deprel == "ccomp" || sc.thatClause(k) {
			if out = c.firstActorIn(sc, k, out, false); len(out) > before {
				return out
			}
			// its subject naming an earlier act: "said these measures
			// were a violation of international law" (discourse.go)
			for _, j := range sc.children(k) {
				if strings.HasPrefix(sc.s.Words[j].Deprel, "nsubj") && !c.opt.Literal {
					if out = c.discourseNP(sc, j, out); len(out) > before {
						return out
					}
				}
			}
		}
	}
	// a misparsed name: an actor phrase attached as a clause of the verb
	// ("contribute a million dollars to Gondor" with Gondor as a verb)
	for _, k := range kids {
		if k > v && sc.actorAt[k] >= 0 && sc.rel(k) == "advcl" {
			if out = c.resolveNP(sc, k, out, 0); len(out) > before {
				return out
			}
		}
	}
	return out
}

// asksSomeone reports whether verb v names whom it asks: an object, or an
// "on", "upon" or "to" phrase ("urged the parties", "called on all sides",
// "appealed to the international community").
func (sc *Scratch) asksSomeone(v int) bool {
	for _, k := range sc.children(v) {
		switch sc.rel(k) {
		case "obj", "iobj":
			return true
		case "obl":
			switch sc.caseOf(k) {
			case "on", "upon", "to":
				return true
			}
		}
	}
	return false
}

// firstActorIn appends the actors of the first coded noun phrase in the
// subtree of word r, in sentence order; with skipFrames, none in a time
// frame hung on the phrase (inFrame: an object's, where "after clashes
// between rival gangs" names no one acted on; a subject's may be a clause
// whose conjunction was read as a preposition, "since the army bombed").
func (c *Coder) firstActorIn(sc *Scratch, r int, out []actorRef, skipFrames bool) []actorRef {
	for i := range sc.s.Words {
		if sc.actorAt[i] < 0 && sc.agentAt[i] < 0 || !sc.inSubtree(i, r) || sc.inClauseBelow(i, r) {
			continue
		}
		if !c.opt.Literal && sc.underRelational(i, r) {
			continue // "diplomats from two of Burma's neighbors" are not Burma's
		}
		if skipFrames && !c.opt.Literal && sc.inFrame(i, r) {
			continue
		}
		h := sc.ownerHead(i)
		if !c.opt.Literal && sc.borderPlace(h) {
			continue
		}
		if n := c.resolveNP(sc, h, out, 0); len(n) > len(out) {
			return n
		}
	}
	return out
}

// underRelational reports whether word i is or hangs below r through a
// noun of relation to it ("Burma's neighbors", "Russia's allies", "Iran's
// rivals"): those are others, not the country named.
func (sc *Scratch) underRelational(i, r int) bool {
	for d, k := 0, i; k >= 0 && d < len(sc.low); d, k = d+1, sc.head(k) {
		switch sc.lemma[k] {
		case "neighbor", "neighbors", "neighbour", "neighbours", "ally", "allies", "rival", "rivals", "enemy", "enemies",
			"foe", "foes", "adversary", "adversaries", "partner", "partners", "critic", "critics":
			return true
		}
		if k == r {
			break
		}
	}
	return false
}

// inFrame reports whether word i lies in a time frame phrase below r (a
// phrase that frameCase opens, hung on the phrase by the parser): "arrested
// 12 people after clashes between rival gangs", "detained dozens of people
// amid protests by opposition supporters" name no one arrested.
func (sc *Scratch) inFrame(i, r int) bool {
	for d := 0; i >= 0 && i != r && d < len(sc.low); d++ {
		if frameCase(sc.caseOf(i)) {
			return true
		}
		i = sc.head(i)
	}
	return false
}

// borderPlace reports whether the phrase headed by h names, in a phrase of
// place (in, at, near), a border by the country on one side of it, which
// places what happens there on either side: "shelled areas near the Iraqi
// border", "killed 13 soldiers near the border with Iraq" do not target
// Iraq. A border as a destination faces that country ("deployed troops to
// the border with Ukraine").
func (sc *Scratch) borderPlace(h int) bool {
	border := func(k int) bool {
		switch sc.lemma[k] {
		case "border", "frontier", "boundary", "borderline":
			return locative(sc.caseOf(k)) && sc.agentAt[k] < 0
		}
		return false
	}
	if border(h) && sc.actorAt[h] < 0 {
		return true
	}
	g := sc.head(h)
	return g >= 0 && border(g) && (sc.caseOf(h) == "with" || sc.caseOf(h) == "of")
}

// firstTargetIn is firstActorIn for the target in an oblique: the venue of
// a meeting (wherePlace) and the agent of a participle (participleAgent)
// are passed over.
func (c *Coder) firstTargetIn(sc *Scratch, r int, out []actorRef) []actorRef {
	for i := range sc.s.Words {
		if sc.actorAt[i] < 0 && sc.agentAt[i] < 0 || !sc.inSubtree(i, r) || sc.inClauseBelow(i, r) {
			continue
		}
		h := sc.ownerHead(i)
		if sc.participleAgent(h) || !c.opt.Literal && sc.borderPlace(h) {
			continue
		}
		if n := c.resolveNP(sc, h, out, 0); len(n) > len(out) {
			if !sc.wherePlace(h, n[len(out):]) {
				return n
			}
		}
	}
	return out
}

// participleAgent reports whether the noun phrase headed by word h is the
// "by" agent of a participle modifying a noun ("under a truce agreement
// mediated by Qatar"): the participle's actor, not a target of the verb
// above it.
func (sc *Scratch) participleAgent(h int) bool {
	if d := sc.s.Words[h].Deprel; d != "obl:agent" && d != "nmod:agent" && sc.caseOf(h) != "by" {
		return false
	}
	p := sc.head(h)
	return p >= 0 && sc.s.Words[p].Deprel == "acl" && sc.s.Words[p].UPOS == "VERB"
}

// placeOnly reports whether refs name only where something happened, not
// who did it: each a bare country code (a country or one of its cities)
// in a locative phrase. Outside PETRARCH's reading (Options.Literal: "was
// shot in Osgiliath" → OSG) such a place is no source of an agentless
// passive: "the cease-fire agreement was signed at talks in Addis Ababa",
// "a journalist was shot dead in Mogadishu".
func (c *Coder) placeOnly(sc *Scratch, refs []actorRef) bool {
	if c.opt.Literal || len(refs) == 0 {
		return false
	}
	for _, r := range refs {
		if r.actor < 0 || r.agent >= 0 || !countryCode(r.code) {
			return false
		}
		if !locative(sc.caseOf(r.head)) && (r.mod < 0 || !locative(sc.caseOf(r.mod))) && !locative(sc.caseOf(sc.npHead(r.head))) {
			return false
		}
	}
	return true
}

// wherePlace reports whether the noun phrase headed by word h, coded as
// refs, names the venue of a meeting rather than a party to it (sc.venue:
// the act is a consultation, venueCode): it is introduced by a locative preposition
// (in, at, near, inside, within) and every actor it names is a bare
// country code (a country or one of its cities), without a role ("will
// meet in Washington", "met in Johannesburg", but not "met the Senate" or
// "met officials in the Kremlin's guard").
func (sc *Scratch) wherePlace(h int, refs []actorRef) bool {
	if !sc.venue {
		return false
	}
	for _, r := range refs {
		// the phrase's preposition, or the name's own when the parser
		// compounded it with a time ("in/case Washington/compound next
		// month/obl")
		if !locative(sc.caseOf(h)) && !locative(sc.caseOf(r.head)) && (r.mod < 0 || !locative(sc.caseOf(r.mod))) ||
			r.actor < 0 || r.agent >= 0 || !countryCode(r.code) {
			return false
		}
	}
	return len(refs) > 0
}

// means reports whether clause v is a gerund introduced by "by" (the
// means of its head's act).
func (sc *Scratch) means(v int) bool {
	return sc.s.Words[v].XPOS == "VBG" && sc.childIs(v, "mark", "by")
}

// resultParticiple reports whether advcl v of verb h is a participle that
// tells what the act of h did, after it and with no conjunction of its own
// ("attacked a checkpoint, killing five soldiers", "shelled the town,
// wounding dozens"): it has the subject of h. A participle with "after",
// "while", "before" is a time, not a result.
func (sc *Scratch) resultParticiple(v, h int) bool {
	if v < h || sc.s.Words[v].XPOS != "VBG" && sc.s.Words[v].Feat("VerbForm") != "Ger" {
		return false
	}
	for _, k := range sc.children(v) {
		if d := sc.s.Words[k].Deprel; d == "mark" || strings.HasPrefix(d, "nsubj") {
			return false
		}
	}
	return true
}

// attributionCase reports whether a preposition introduces the source of
// a report ("according to", "citing"): provenance, never an actor of the
// event.
func attributionCase(c string) bool {
	return c == "according" || c == "according to" || c == "citing"
}

// titleOfSubject reports whether object k of verb v is the title of v's
// subject misparsed: a noun phrase before the verb that ends right before
// the subject's name ("Venezuelan opposition leader Juan Guaido met ...",
// "Prime Minister Nawaz Sharif visited ..." with the title as the object).
func (sc *Scratch) titleOfSubject(v, k int) bool {
	if k > v {
		return false
	}
	for i := k + 1; i < len(sc.s.Words); i++ {
		if sc.inSubtree(i, k) {
			return false // k's phrase goes on after k
		}
		if i >= v {
			break
		}
	}
	for _, j := range sc.children(v) {
		if strings.HasPrefix(sc.s.Words[j].Deprel, "nsubj") && j > k && j < v {
			for i := k + 1; i < j; i++ {
				if !sc.inSubtree(i, j) {
					return false
				}
			}
			return true
		}
	}
	return false
}

// byAgent returns the first and last words of the "by" agent phrase of
// passive verb v in the PETRARCH-2 reading (Options.Literal without
// Petrarch1), -1, -1 for none.
func (sc *Scratch) byAgent(c *Coder, v int) (int, int) {
	if !c.opt.Literal || c.opt.Petrarch1 || !c.passive(sc, v) {
		return -1, -1
	}
	for _, k := range sc.children(v) {
		if sc.agentDep(k) {
			first, last := k, k
			for i := range sc.low {
				if sc.inSubtree(i, k) {
					first, last = min(first, i), max(last, i)
				}
			}
			return first, last
		}
	}
	return -1, -1
}

// passive reports whether verb v is coded as a passive: its subject is the
// target and a "by" phrase the source. PETRARCH-1 (Options.Petrarch1) left
// passives without a "by" agent to its dictionary patterns, so in that
// style such a verb is coded as active.
func (c *Coder) passive(sc *Scratch, v int) bool {
	if !sc.passive(v) || sc.adjPred[v] {
		return false // a predicate adjective's subject acts: "was disappointed with"
	}
	if !c.opt.Petrarch1 {
		return true
	}
	for _, k := range sc.children(v) {
		if sc.agentDep(k) {
			return true
		}
	}
	return false
}

// inOwnClause reports whether word k lies in a clause below verb v that
// has a subject of its own ("said he has deep satisfaction"), or in a
// participle or relative clause below it: the verb's patterns do not reach
// into it.
func (sc *Scratch) inOwnClause(k, v int) bool {
	for d := 0; k >= 0 && k != v && d < len(sc.low); d++ {
		switch sc.rel(k) {
		case "advcl", "acl", "acl:relcl", "conj":
			// a participle or relative clause is no phrase of the verb
			// either, subject or not: "bombarded a part of Aleppo,
			// killing at least eight people" has no "* AT"; "people,
			// state media reported" no "* REPORT"; nor is a verb
			// coordinated with it ("give a speech ... and meet with
			// dissidents from military-ruled Myanmar" has no "*
			// &MILITARY"); an infinitive is the verb's complement ("vowed
			// to wage war on X")
			if sc.s.Words[k].UPOS == "VERB" && !sc.infinitive(k) {
				return true
			}
		}
		switch sc.rel(k) {
		case "ccomp", "advcl", "parataxis", "acl":
			for _, j := range sc.children(k) {
				if r := sc.rel(j); r == "nsubj" || r == "csubj" {
					return true
				}
			}
		}
		k = sc.head(k)
	}
	return false
}

// dropOwnCountry removes from tgts, in place, the bare countries of which
// every source in srcs is a part (IRN for IRNGOV); with keep it codes them
// unknown instead, keeping their phrase. With anyRole it removes every
// actor of the sources' country: a denial is answered to an accuser, not
// addressed to the speaker's own forces ("the Kremlin denied that Russian
// troops had entered Ukraine", "Baku denied its army shelled villages").
func dropOwnCountry(srcs, tgts []actorRef, keep, anyRole bool) []actorRef {
	out := tgts[:0]
	for _, t := range tgts {
		own := countryCode(t.code) || anyRole && len(t.code) > 3
		for _, s := range srcs {
			if len(s.code) < 3 || len(s.code) == 3 && !anyRole || len(t.code) < 3 || s.code[:3] != t.code[:3] {
				own = false
			}
		}
		if own && keep {
			t.code = dict.NullCode
		}
		if !own || keep {
			out = append(out, t)
		}
	}
	return out
}

// knownPair appends to out the actors of a and then b with a known code,
// each code once; more than two make no pair (the caller checks).
func knownPair(out, a, b []actorRef) []actorRef {
	for _, list := range [2][]actorRef{a, b} {
		for _, r := range list {
			if unknown(r) {
				continue
			}
			dup := false
			for _, o := range out {
				dup = dup || o.code == r.code
			}
			if !dup {
				out = append(out, r)
			}
		}
	}
	return out
}

// nominalAgent returns the "by" phrase of noun k naming who did the act k
// names, -1 for none: the target of a reaction to an act is its doer, not
// the act's victims ("China condemned the arrest of its citizens by
// Philippine authorities" → PHLGOV, "welcomed the release of the hostages
// by Hamas" → Hamas), as with a possessor ("condemned Russia's
// annexation of Crimea", ownerHead).
func (sc *Scratch) nominalAgent(k int) int {
	if sc.s.Words[k].UPOS != "NOUN" {
		return -1
	}
	for _, j := range sc.children(k) {
		if sc.rel(j) == "nmod" && sc.caseOf(j) == "by" && (sc.actorAt[j] >= 0 || sc.agentAt[j] >= 0) {
			return j
		}
	}
	return -1
}

// helpNoun reports whether a noun names help given to an act, whose giver a
// "with" phrase ("with the help of", "with the support of") adds as a
// helper, not a party.
func helpNoun(l string) bool {
	switch l {
	case "help", "assistance", "support", "backing", "mediation", "aid", "participation":
		return true
	}
	return false
}

// inParticiple reports whether word i lies in a participle clause (acl
// headed by a verb) below word r: "people accused/acl of spying for Israel".
func (sc *Scratch) inParticiple(i, r int) bool {
	for d := 0; i >= 0 && i != r && d < len(sc.low); d++ {
		if sc.s.Words[i].Deprel == "acl" && sc.s.Words[i].UPOS == "VERB" {
			return true
		}
		i = sc.head(i)
	}
	return false
}

// missionNoun reports whether a noun names a country's diplomatic mission
// or envoy abroad.
func missionNoun(l string) bool {
	switch l {
	case "embassy", "embassies", "consulate", "consulates", "mission", "missions", "legation":
		return true
	}
	return false
}

// ownActor reports whether actor code t is of the country of source code s
// (t its bare country or one of its roles).
func ownActor(s, t string) bool {
	return len(s) >= 3 && len(t) >= 3 && s[:3] == t[:3] && s[:3] != dict.NullCode
}
