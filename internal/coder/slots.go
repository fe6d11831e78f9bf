package coder

import (
	"strings"

	"github.com/eventwire/eventwire/internal/dict"
	"github.com/eventwire/eventwire/internal/event"
)

// This file matches the eventwire format's dependency patterns
// (dict.Pattern.Slots, docs/dictionaries.md): every slot of a pattern must
// match a dependent of the verb (or a keyword condition), the pattern with
// most slots wins, and $S / $T slots name the source and target phrases.
// It also codes noun events (dict.VerbForm.Noun: "the attack on the
// embassy", "the resolution adopted by the Senate") and applies the negated
// codes of native verbs and patterns (Verb.Neg, Pattern.Neg).

// matchSlots matches the dependency pattern p on word v (a verb, or the noun
// of a noun event). The score is one more than the number of slots matched,
// nested slots included, so that a slot pattern outranks the header code
// and a more specific pattern a less specific one.
func (sc *Scratch) matchSlots(c *Coder, p *dict.Pattern, v int, m *match) (int, bool) {
	score := 1
	for i := range p.Slots {
		n, ok := sc.matchSlot(c, &p.Slots[i], v, m, 0)
		if !ok {
			if sc.tr != nil && i > 0 { // the pattern came close: say which slot failed
				sc.trace("  pattern %s: no match: %s", p.Origin, slotString(&p.Slots[i]))
			}
			return 0, false
		}
		score += n
	}
	return score, true
}

// matchSlot matches one slot on the dependents of word h and returns the
// number of slots it satisfied.
func (sc *Scratch) matchSlot(c *Coder, sl *dict.Slot, h int, m *match, depth int) (int, bool) {
	switch sl.Keyword {
	case "pass":
		return 1, sc.passive(h)
	case "neg":
		if sc.negated(h) {
			m.negWord = true
			return 1, true
		}
		return 0, false
	}
	if depth > 4 {
		return 0, false
	}
	for _, k := range sc.children(h) {
		if !sc.relMatches(sl.Rel, h, k) {
			continue
		}
		switch sl.Role {
		case dict.ElemSource, dict.ElemTarget:
			a := c.actorHead(sc, k)
			if a < 0 {
				continue
			}
			if sl.Role == dict.ElemSource {
				m.src = a
			} else {
				m.tgt = a
			}
		default:
			if len(sl.Words) > 0 && !sc.wordsMatch(c, sl.Words, k) {
				// "fired dozens of rockets", "a barrage of missiles": a
				// quantity heads the phrase the pattern names
				if q := sc.quantified(k); q < 0 || !sc.wordsMatch(c, sl.Words, q) {
					continue
				}
			}
		}
		n := 1
		ok := true
		for i := range sl.Sub {
			sn, sok := sc.matchSlot(c, &sl.Sub[i], k, m, depth+1)
			if !sok {
				ok = false
				break
			}
			n += sn
		}
		if !ok {
			continue
		}
		if len(sl.Words) > 0 && (sl.Rel == "xcomp" || sl.Rel == "ccomp") && m.verbWord < 0 {
			m.verbWord = k // "agreed to help": the complement verb is coded here
		}
		return n, true
	}
	if depth == 0 && sl.Rel == "nsubj" && sl.Role != dict.ElemSource && sl.Role != dict.ElemTarget && sc.finiteModifier(h) {
		// a finite verb the parser hung on the noun before it as a
		// modifier: the noun is its subject ("A car bomb exploded in
		// Kirkuk" with "bomb" as the root; "A roadside device went off")
		if n := sc.head(h); len(sl.Words) == 0 || sc.wordsMatch(c, sl.Words, n) {
			total := 1
			for i := range sl.Sub {
				sn, ok := sc.matchSlot(c, &sl.Sub[i], n, m, depth+1)
				if !ok {
					return 0, false
				}
				total += sn
			}
			return total, true
		}
	}
	if depth == 0 && sl.Role == dict.ElemSource && sl.Rel == "nsubj" && len(sl.Sub) == 0 && c.expletiveSpeech(sc, h) {
		// "it was noted at the meeting that ...": the source is the
		// implicit agent, found by subjects (discourse.go)
		m.src = -1
		return 1, true
	}
	if depth == 0 && (strings.HasPrefix(sl.Rel, "obl:") || strings.HasPrefix(sl.Rel, "nmod:") || sl.Rel == "xcomp") && sc.verbal(h) {
		// a prepositional phrase of the verb parsed as a modifier of its
		// object or of another oblique ("accused Paraguay of corruption"
		// with "of corruption" under "Paraguay")
		for _, k := range sc.children(h) {
			if d := sc.rel(k); d == "obj" || d == "obl" || d == "iobj" {
				if n, ok := sc.matchSlot(c, sl, k, m, depth+1); ok {
					return n, true
				}
			}
		}
	}
	return 0, false
}

// finiteModifier reports whether verb v, attached as a clausal modifier
// of a noun, may be a main verb misparsed: a past or present form (a past
// participle too: the tagger reads "exploded" after a noun as one) with no
// subject, auxiliary, object or "by" agent of its own ("the bomb planted
// by militants" and "the man arrested in Paris" stay modifiers for the
// patterns that name a subject thing, the only ones that use this).
func (sc *Scratch) finiteModifier(v int) bool {
	if sc.rel(v) != "acl" || sc.s.Words[v].UPOS != "VERB" {
		return false
	}
	switch sc.s.Words[v].XPOS {
	case "VBD", "VBZ", "VBP", "VBN":
	default:
		return false
	}
	for _, k := range sc.children(v) {
		d := sc.s.Words[k].Deprel
		if strings.HasPrefix(d, "nsubj") || strings.HasPrefix(d, "aux") || d == "obj" || d == "obl:agent" || sc.caseOf(k) == "by" {
			return false
		}
	}
	return true
}

// pluralOf reports whether word k is the regular plural of w ("troops"
// for "troop") when the lemmatizer kept the plural.
func (sc *Scratch) pluralOf(w string, k int) bool {
	l := sc.low[k]
	return len(l) == len(w)+1 && l[len(w)] == 's' && strings.HasPrefix(l, w) ||
		len(l) == len(w)+2 && strings.HasSuffix(l, "es") && strings.HasPrefix(l, w)
}

// relMatches reports whether dependent k of word h is attached by rel, as a
// pattern writes it: "obj", "nsubj:pass", "compound:prt" exactly; "obl" or
// "nmod" alone any oblique or nominal modifier; "obl:PREP" and "nmod:PREP"
// one introduced by PREP (obliques and nominal modifiers are not told
// apart: parsers confuse them); "obl:agent" the "by" phrase of a
// passive.
func (sc *Scratch) relMatches(rel string, h, k int) bool {
	d := sc.s.Words[k].Deprel
	if d == rel {
		return true
	}
	base, sub, hasSub := strings.Cut(rel, ":")
	dbase := sc.rel(k)
	switch base {
	case "obl", "nmod":
		if dbase != "obl" && dbase != "nmod" {
			return false
		}
		if d == "obl:tmod" || d == "nmod:tmod" || d == "nmod:poss" || d == "obl:npmod" || d == "nmod:npmod" {
			return hasSub && d[len(dbase)+1:] == sub
		}
		if !hasSub {
			return true
		}
		if sub == "agent" {
			return sc.caseOf(k) == "by"
		}
		return sc.caseIs(k, sub)
	case "nsubj":
		return !hasSub && d == "nsubj"
	case "compound":
		// a particle is often tagged an adverb ("pulled back"); the noun
		// right before the head of a compound is often read as an
		// adjective or a possessor ("hunger/amod strike", "hunger/nmod:poss
		// strike", "border/amod crossing")
		if hasSub {
			return sub == "prt" && (d == "compound:prt" || d == "advmod")
		}
		return k == h-1 && (d == "amod" || d == "nmod:poss") && sc.caseOf(k) == ""
	case "obj":
		// "allowed inspectors" parsed as an indirect object; the object of
		// a passive verb is its subject ("a curfew has been imposed by the
		// army", "food aid was suspended")
		return d == "obj" || d == "iobj" || d == "nsubj:pass" && sc.passive(h)
	case "xcomp":
		// "urged Venezuela to resign": parsers attach the infinitive as
		// an adverbial clause as often as an open complement
		return dbase == "xcomp" || (dbase == "advcl" || dbase == "acl") && sc.infinitive(k)
	case "ccomp":
		return dbase == "ccomp" || dbase == "xcomp" || dbase == "advcl" && sc.infinitive(k)
	}
	return !hasSub && dbase == base && base != "nsubj"
}

// caseIs reports whether word k is introduced by preposition p, including
// multi-word prepositions written with '_' ("on_behalf_of") or as the
// last word of one ("because of" → "of").
func (sc *Scratch) caseIs(k int, p string) bool { return sc.childIs(k, "case", p) }

// childIs reports whether word k has a dependent of relation rel whose
// form or lemma is w ("mark" "by", "aux" "have").
func (sc *Scratch) childIs(k int, rel, w string) bool {
	for _, j := range sc.children(k) {
		if sc.s.Words[j].Deprel == rel && (sc.low[j] == w || sc.lemma[j] == w) {
			return true
		}
	}
	return false
}

// thingsOnly reports whether refs are all agents named only by a
// modifier of a thing ("military intelligence", "police cooperation"),
// their country named nowhere in the phrase (at most taken from the
// document).
func (sc *Scratch) thingsOnly(refs []actorRef) bool {
	for _, r := range refs {
		if r.agent < 0 || r.head < 0 || r.head >= len(sc.s.Words) || r.first < 0 || r.last >= len(sc.s.Words) {
			return false
		}
		if h := r.head; sc.agentAt[h] >= 0 || sc.s.Words[h].UPOS != "NOUN" {
			return false // the head noun is the agent itself: "the military", "troops"
		}
		for i := r.first; i <= r.last; i++ {
			if sc.actorAt[i] >= 0 {
				return false // a country named: "Japanese military aid"
			}
		}
	}
	return len(refs) > 0
}

// eachOther reports whether verb v's object or oblique is a reciprocal
// pronoun, so that its joint subjects act on each other whatever the act:
// "each other", "one another" ("Israel and Hamas accused each other of
// violating the truce", "India and Pakistan blamed one another"), or "the
// other" with "each" by the subject or the verb ("the army and the rebels
// each blame the other").
func (sc *Scratch) eachOther(v int) bool {
	for _, k := range sc.children(v) {
		switch sc.rel(k) {
		case "obj", "obl", "iobj":
		default:
			continue
		}
		if sc.s.Words[k].Feat("PronType") == "Rcp" || sc.low[k] == "each" && sc.childIs(k, "fixed", "other") ||
			sc.low[k] == "one" && sc.childIs(k, "fixed", "another") {
			return true
		}
		if sc.lemma[k] == "other" && sc.childIs(k, "det", "the") {
			for _, j := range sc.children(v) {
				if sc.low[j] == "each" || strings.HasPrefix(sc.rel(j), "nsubj") && sc.childIs(j, "det", "each") {
					return true
				}
			}
		}
	}
	return false
}

// verbal reports whether word h is a verb (its obliques may be parsed as
// nominal modifiers and the reverse).
func (sc *Scratch) verbal(h int) bool {
	u := sc.s.Words[h].UPOS
	return u == "VERB" || u == "AUX"
}

// wordsMatch reports whether word k's lemma or form is one of ws (synsets
// included: a member phrase must end at k).
func (sc *Scratch) wordsMatch(c *Coder, ws []dict.Word, k int) bool {
	for _, w := range ws {
		if w.Synset {
			if sc.inSynset(c, w.Text, k, 0) {
				return true
			}
			continue
		}
		if w.Prefix && strings.HasPrefix(sc.lemma[k], w.Text) || sc.wordIs(w.Text, k) || sc.pluralOf(w.Text, k) {
			return true
		}
	}
	// a container of what the pattern names is that thing: "a military aid
	// package", "an arms shipment", "a new tranche of loans" read as
	// their compound ("aid") or of-phrase ("loans")
	if containerNoun(sc.lemma[k]) {
		for _, j := range sc.children(k) {
			if d := sc.s.Words[j].Deprel; (d == "compound" && j == k-1 || (d == "nmod" || d == "nmod:of") && sc.caseOf(j) == "of") && sc.wordsMatch(c, ws, j) {
				return true
			}
		}
	}
	return false
}

// containerNoun reports whether a noun names a quantity or delivery of
// something else, which patterns read as its contents.
func containerNoun(l string) bool {
	switch l {
	case "package", "shipment", "consignment", "tranche", "batch", "delivery", "convoy", "installment", "instalment":
		return true
	}
	return false
}

// inSynset reports whether a member of synset name ends at word k.
func (sc *Scratch) inSynset(c *Coder, name string, k, depth int) bool {
	syn := c.set.Synset(name)
	if syn == nil || depth > 4 {
		return false
	}
	for _, p := range syn.Members {
		if len(p) == 1 {
			if p[0].Synset {
				if sc.inSynset(c, p[0].Text, k, depth+1) {
					return true
				}
				continue
			}
			if sc.wordIs(p[0].Text, k) || sc.pluralOf(p[0].Text, k) {
				return true
			}
			continue
		}
		for start := k - len(p) + 1; start >= 0 && start >= k-len(p)-2; start-- {
			if n := sc.synPhraseAt(c, p, start, depth+1); n > 0 && start+n-1 == k {
				return true
			}
		}
	}
	return false
}

// actorHead returns the word to resolve as the actor of the phrase headed
// by k: k itself when it names an actor, else the head of the first actor
// phrase inside it ("the Embassy of Azerbaijan in Paris"), else -1.
func (c *Coder) actorHead(sc *Scratch, k int) int {
	if n := c.resolveNP(sc, k, sc.np[:0], 0); len(n) > 0 {
		sc.np = n[:0]
		return k
	}
	for i := range sc.s.Words {
		if sc.actorAt[i] < 0 && sc.agentAt[i] < 0 || !sc.inSubtree(i, k) || sc.inClauseBelow(i, k) {
			continue
		}
		h := sc.npHead(i)
		if n := c.resolveNP(sc, h, sc.np[:0], 0); len(n) > 0 {
			sc.np = n[:0]
			return h
		}
	}
	return -1
}

// negCode returns the code a native verb or pattern gives its negated verb
// (Pattern.Neg, else Verb.Neg) and whether it has one.
func (c *Coder) negCode(m match) (string, bool) {
	vb := &c.set.Verbs[m.verb]
	if m.pattern >= 0 {
		if p := &vb.Patterns[m.pattern]; p.Neg != "" {
			return p.Neg, true
		}
	}
	if vb.Neg != "" {
		return vb.Neg, true
	}
	return "", false
}

// nounPreps are the prepositions whose phrase is the target of a noun event
// ("attacks on the embassy", "sanctions against Russia"), in order of
// preference.
var nounPreps = [...]string{"on", "against", "with", "to", "toward", "towards", "at", "into", "in", "over", "for"}

// codeNouns codes the noun events of the sentence: nouns whose lemma is a
// noun form in the verb dictionary. Source and target come from the
// matching pattern's $S/$T slots, else from the noun's phrase: the source
// from a possessor ("Russia's invasion"), a "by" phrase, a country
// adjective or compound ("French attacks", "the Senate resolution"), the
// "by" phrase of a participle ("the resolution adopted by the Senate"), or
// the subject of the verb whose object the noun is when that verb coded
// nothing ("Russia carried out attacks on..."); the target from an "on",
// "against", "with", ... phrase, else an "of" phrase. A noun event needs
// both (a source alone with Options.AllowMonad).
func (c *Coder) codeNouns(sc *Scratch, doc Doc, index int, out []event.Event) []event.Event {
	c.antiMentions(sc)
	sc.act = ""
	for n := range sc.s.Words {
		if sc.s.Words[n].UPOS != "NOUN" || sc.consumed[n] {
			continue
		}
		m, ok := c.nounMatch(sc, n)
		if !ok {
			continue
		}
		if h := sc.head(n); h >= 0 && sc.verbEvt[h] >= 0 && !c.opt.Literal &&
			(sc.s.Words[n].Deprel == "obl:agent" || sc.caseOf(n) == "by" && c.passive(sc, h)) {
			// the means of an act coded on its verb is that act again:
			// "soldiers were killed by Russian shelling", "the bridge was
			// destroyed by an airstrike"
			sc.trace("  no event: the agent of %q, coded there", sc.low[h])
			continue
		}
		if r := sc.period(n); r != "" && !c.opt.Literal {
			sc.trace("  no event: %s (not an act that happened)", r) // modality.go
			continue
		}
		if h := sc.head(n); h >= 0 && !c.opt.Literal && sc.verbal(h) && sc.verbEvt[h] < 0 && sc.s.Words[n].Deprel == "obj" {
			// the act a verb that did not happen would have done: "called
			// on the EU to impose new sanctions on Minsk", "Iran denied
			// carrying out the attack"
			if r := sc.unrealized(h); r != "" {
				sc.trace("  no event: the object of %q, %s (not an act that happened)", sc.low[h], r) // modality.go
				continue
			}
		}
		if m.src < 0 {
			m.src = c.nounSource(sc, n)
		}
		if m.src < 0 {
			m.src = c.frameHolder(sc, n, m)
		}
		// a bombing with no bomber named, unless the verb it is an argument
		// of coded it ("Hamas carried out a suicide bombing")
		h := sc.head(n)
		bombing := m.src < 0 && !c.opt.Literal && strings.HasPrefix(c.matchCode(m), "18") && (h < 0 || sc.verbEvt[h] < 0)
		if m.src < 0 && !bombing {
			sc.trace("  no event: noun event without a source")
			continue
		}
		if m.tgt < 0 {
			code := c.matchCode(m)
			m.tgt = c.nounTarget(sc, n, m.src, strings.HasPrefix(code, "04") || strings.HasPrefix(code, "14"))
		}
		if bombing && sc.genericPlural(n) {
			// bare plural bombings by no one named are a kind of violence
			// a place has seen, not one attack: "the country has seen
			// violence from suicide bombings", "car bombings are common"
			sc.trace("  no event: bombings in general, no bomber named")
			continue
		}
		if bombing && m.tgt < 0 {
			// an unnamed bomber's attack needs its target named ("a
			// suicide bombing on a shrine"); content.go impliedAttacker
			sc.trace("  no event: bombing without a bomber or a target")
			continue
		}
		if m.tgt < 0 && !c.opt.AllowMonad && !c.jointSource(sc, m) {
			sc.trace("  no event: noun event without a target")
			continue
		}
		m.last = n
		if m.verbWord >= 0 {
			sc.consumed[m.verbWord] = true
		}
		out = c.emit(sc, doc, index, n, m, out)
	}
	return out
}

// nounMatch finds the noun-event class of word n and its best slot pattern.
func (c *Coder) nounMatch(sc *Scratch, n int) (match, bool) {
	set := c.set
	best := match{verb: -1, pattern: -1, src: -1, tgt: -1, score: -1, verbWord: -1, last: n}
	find := func(key string) {
		for _, r := range set.VerbsFor(key) {
			if set.Verbs[r.Verb].Forms[r.Form].Noun {
				best.verb, best.form = r.Verb, r.Form
				return
			}
		}
	}
	find(sc.lemma[n])
	if best.verb < 0 && sc.low[n] != sc.lemma[n] {
		find(sc.low[n])
	}
	if best.verb < 0 {
		return best, false
	}
	vb := &set.Verbs[best.verb]
	sc.trace("noun %q at word %d: noun event %s (%s)", sc.low[n], n+1, vb.Name, vb.Forms[best.form].Origin)
	for pi := range vb.Patterns {
		p := &vb.Patterns[pi]
		if len(p.Slots) == 0 {
			continue
		}
		m := match{src: -1, tgt: -1, verbWord: -1}
		score, ok := sc.matchSlots(c, p, n, &m)
		if !ok {
			continue
		}
		sc.trace("  pattern %s matches (score %d): %s", p.Origin, score, p.Code)
		if score > best.score {
			best.score, best.pattern = score, pi
			best.src, best.tgt, best.negWord, best.verbWord = m.src, m.tgt, m.negWord, m.verbWord
		}
	}
	return best, true
}

// nounSource finds the source phrase of noun event n, -1 for none.
func (c *Coder) nounSource(sc *Scratch, n int) int {
	kids := sc.children(n)
	for _, k := range kids {
		if sc.s.Words[k].Deprel == "nmod:poss" {
			if a := c.actorHead(sc, k); a >= 0 {
				return a
			}
		}
	}
	for _, k := range kids {
		if r := sc.rel(k); (r == "nmod" || r == "obl") && sc.caseOf(k) == "by" {
			if a := c.actorHead(sc, k); a >= 0 {
				return a
			}
		}
	}
	for _, k := range kids {
		if d := sc.s.Words[k].Deprel; (d == "amod" || d == "compound") && sc.actorAt[k] >= 0 && !strings.HasPrefix(sc.low[k], "anti-") {
			return k
		}
	}
	// "the resolution adopted by the Senate", "acts of genocide committed
	// by France"
	for _, k := range sc.participles(n) {
		for _, j := range sc.children(k) {
			if r := sc.rel(j); (r == "obl" || r == "nmod") && sc.caseOf(j) == "by" {
				if a := c.actorHead(sc, j); a >= 0 {
					return a
				}
			}
		}
	}
	if a := c.claimant(sc, n); a >= 0 {
		return a
	}
	// "fighting between the army and the rebels": the sides, who act on
	// each other (a mutual code, emit.go); also in the clause the noun is
	// the subject of ("fighting erupted in the south between Islamist
	// fighters and government forces")
	between := func(h int) int {
		for _, k := range sc.children(h) {
			if r := sc.rel(k); (r == "nmod" || r == "obl") && sc.caseOf(k) == "between" {
				if a := c.actorHead(sc, k); a >= 0 {
					return a
				}
			}
		}
		return -1
	}
	if c.mutualNoun(sc, n) {
		if a := between(n); a >= 0 {
			return a
		}
		if h := sc.head(n); h >= 0 && sc.verbal(h) && sc.s.Words[n].Deprel == "nsubj" && sc.verbEvt[h] < 0 {
			if a := between(h); a >= 0 {
				return a
			}
		}
	}
	// "Russia carried out attacks on Kyiv": the subject of a light verb
	// (one the dictionary gives no code of its own, or none at all) that
	// coded nothing itself; not of a verb about the act ("condemned the
	// attacks", "sent experts to investigate the attacks")
	if h := sc.head(n); h >= 0 && sc.verbal(h) && sc.verbEvt[h] < 0 && c.lightVerb(sc, h) {
		if d := sc.s.Words[n].Deprel; d == "obj" || d == "nsubj:pass" {
			if srcs := c.subjects(sc, h, sc.np[:0], 0); len(srcs) > 0 {
				sc.np = srcs[:0]
				return srcs[0].head
			}
		}
	}
	return -1
}

// mutualNoun reports whether noun event n has a mutual code (codes.go
// mutualCode): fighting, talks, ties between two sides.
func (c *Coder) mutualNoun(sc *Scratch, n int) bool {
	m, ok := c.nounMatch(sc, n)
	return ok && mutualCode(c.matchCode(m))
}

// forceBySubjectAct reports whether verb v, of force (roots 18–20, 171),
// has for subject a noun event of force that names its own target, which
// codes the act: "Russian drone strikes on Odesa damaged the port", "an
// Israeli air strike on Gaza killed five people" are the strikes, coded
// once on the noun (not the PETRARCH reading, Options.Literal).
func (c *Coder) forceBySubjectAct(sc *Scratch, v int, code string) bool {
	if c.opt.Literal || !ForceOnThing(code) || c.passive(sc, v) {
		return false
	}
	for _, k := range sc.children(v) {
		if sc.s.Words[k].Deprel != "nsubj" || sc.s.Words[k].UPOS != "NOUN" {
			continue
		}
		m, ok := c.nounMatch(sc, k)
		if !ok || !violentCode(c.matchCode(m)) || c.nounTarget(sc, k, -1, false) < 0 {
			return false
		}
		if sc.tr != nil {
			sc.trace("  no event: the act of its subject %q, coded there", sc.low[k])
		}
		return true
	}
	return false
}

// claimant returns the head of the actor who claims the act that noun n
// names, -1 for none: the one who claims an attack is taken to have done
// it ("Al-Shabaab claimed responsibility for the bombing in Mogadishu",
// "the attack on the mosque was claimed by the Islamic State group",
// "the Pakistani Taliban claimed the attack").
func (c *Coder) claimant(sc *Scratch, n int) int {
	if c.opt.Literal {
		return -1
	}
	h := sc.head(n)
	if h >= 0 && sc.lemma[h] == "responsibility" && sc.caseOf(n) == "for" {
		n, h = h, sc.head(h) // "claimed responsibility for the bombing"
	}
	if h < 0 || !sc.verbal(h) {
		return -1
	}
	switch sc.lemma[h] {
	case "claim":
	case "take", "accept", "admit":
		if sc.lemma[n] != "responsibility" {
			return -1
		}
	default:
		return -1
	}
	if d := sc.s.Words[n].Deprel; d != "obj" && d != "nsubj:pass" || sc.negated(h) {
		return -1
	}
	if srcs := c.subjects(sc, h, sc.np[:0], 0); len(srcs) > 0 {
		sc.np = srcs[:0]
		return srcs[0].head
	}
	return -1
}

// frameHolder finds the source of a consultation noun in the time frame of
// a clause: the clause's subject held it ("Following a meeting with Barak,
// Gates said ...", "After talks with the Taliban, the envoy flew to Doha").
// Other acts in a time frame need not be the subject's ("after an attack
// on the embassy, the United States said ..."). -1 for none.
func (c *Coder) frameHolder(sc *Scratch, n int, m match) int {
	code := c.matchCode(m)
	h := sc.head(n)
	if !strings.HasPrefix(code, "04") || h < 0 || !sc.verbal(h) || sc.rel(n) != "obl" || !frameCase(sc.caseOf(n)) {
		return -1
	}
	if srcs := c.subjects(sc, h, sc.np[:0], 0); len(srcs) > 0 {
		sc.np = srcs[:0]
		return srcs[0].head
	}
	return -1
}

// matchCode is the code a match gives before negation and intent: its
// pattern's, else its form's, else its verb's.
func (c *Coder) matchCode(m match) string {
	vb := &c.set.Verbs[m.verb]
	if m.pattern >= 0 {
		return vb.Patterns[m.pattern].Code
	}
	if f := &vb.Forms[m.form]; f.Code != "" {
		return f.Code
	}
	return vb.Code
}

// jointSource reports whether the source phrase of noun event m names
// several actors and the event is one they do to each other ("the
// government and the rebels resumed peace talks": mutualCode), so that it
// needs no target of its own.
func (c *Coder) jointSource(sc *Scratch, m match) bool {
	if m.src < 0 || !mutualCode(c.matchCode(m)) {
		return false
	}
	n := c.resolveNP(sc, m.src, sc.np[:0], 0)
	sc.np = n[:0]
	return len(n) > 1
}

// nounTarget finds the target phrase of noun event n (not src), -1 for none.
// With venue, a place "in" or "at" which the event is held is no target
// ("peace talks in Havana", "protests in Yerevan").
func (c *Coder) nounTarget(sc *Scratch, n, src int, venue bool) int {
	kids := sc.children(n)
	try := func(h int, p string) int {
		if venue && locative(p) {
			return -1
		}
		for _, k := range sc.children(h) {
			if r := sc.rel(k); (r == "nmod" || r == "obl") && sc.caseIs(k, p) {
				if a := c.actorHead(sc, k); a >= 0 && a != src {
					return a
				}
			}
		}
		return -1
	}
	for _, p := range nounPreps {
		if a := try(n, p); a >= 0 {
			return a
		}
	}
	for _, k := range kids {
		if sc.actorAt[k] >= 0 && strings.HasPrefix(sc.low[k], "anti-") && k != src {
			return k
		}
	}
	// the participle's own oblique: "the resolution adopted against Baku"
	for _, k := range sc.participles(n) {
		for _, p := range nounPreps {
			if a := try(k, p); a >= 0 {
				return a
			}
		}
		for _, j := range sc.children(k) {
			if sc.s.Words[j].Deprel == "obj" {
				if a := c.actorHead(sc, j); a >= 0 && a != src {
					return a
				}
			}
		}
	}
	if a := try(n, "of"); a >= 0 {
		return a
	}
	// the object of a light verb whose phrase the parser hung on the verb:
	// "held talks with his Omani counterpart", "launched an attack on the
	// city's airport" (not a place: "held talks in Cairo"); whom an act is
	// against before whom it is lodged with ("filed a complaint with the
	// Security Council against Israel")
	if h := sc.head(n); h >= 0 && sc.verbal(h) && sc.s.Words[n].Deprel == "obj" && sc.verbEvt[h] < 0 && c.lightVerb(sc, h) {
		for _, p := range [...]string{"against", "with", "on", "to", "toward", "towards", "at", "into"} {
			if a := try(h, p); a >= 0 {
				return a
			}
		}
	}
	return -1
}

// slotString writes a slot as the format spells it, for traces.
func slotString(sl *dict.Slot) string {
	var b strings.Builder
	writeSlot(&b, sl)
	return b.String()
}

func writeSlot(b *strings.Builder, sl *dict.Slot) {
	if sl.Keyword != "" {
		b.WriteString(sl.Keyword)
		return
	}
	b.WriteString(sl.Rel)
	switch sl.Role {
	case dict.ElemSource:
		b.WriteString("=$S")
	case dict.ElemTarget:
		b.WriteString("=$T")
	default:
		for i, w := range sl.Words {
			if i == 0 {
				b.WriteByte('=')
			} else {
				b.WriteByte('|')
			}
			b.WriteString(w.Text)
		}
	}
	if len(sl.Sub) > 0 {
		b.WriteByte('(')
		for i := range sl.Sub {
			if i > 0 {
				b.WriteByte(' ')
			}
			writeSlot(b, &sl.Sub[i])
		}
		b.WriteByte(')')
	}
}

// lemmaOnly reports whether lemma is a verb of an eventwire-format
// dictionary: such entries list no inflected forms (the tagger's lemma
// finds them), so an irregular form ("said", "laid") is coded through its
// lemma however it is spelled.
func (c *Coder) lemmaOnly(lemma string) bool {
	for _, r := range c.set.VerbsFor(lemma) {
		f := &c.set.Verbs[r.Verb].Forms[r.Form]
		if len(f.Forms) == 0 && strings.HasSuffix(f.Origin.File, ".ewd") {
			return true
		}
	}
	return false
}

// antiMentions marks "anti-X" modifiers whose X is a one-word actor name
// ("the anti-Azerbaijan resolution", "anti-American protests") as mentions
// of that actor, so that a noun event can take it as its target (written
// amod=$T in a pattern, or found by the default frame).
func (c *Coder) antiMentions(sc *Scratch) {
	for k := range sc.s.Words {
		w := sc.low[k]
		if len(w) <= 5 || !strings.HasPrefix(w, "anti-") || sc.actorAt[k] >= 0 || sc.rel(k) != "amod" {
			continue
		}
		name := w[5:]
		sc.refs = c.set.ActorsStarting(name, sc.refs[:0])
		for _, r := range sc.refs {
			p := c.set.Actors[r.Entry].Names[r.Name]
			if len(p) != 1 || !(p[0].Text == name || p[0].Prefix && strings.HasPrefix(name, p[0].Text)) {
				continue
			}
			sc.actorAt[k] = int32(len(sc.actors))
			sc.actors = append(sc.actors, mention{first: k, end: k + 1, entry: r.Entry})
			if sc.tr != nil {
				sc.trace("actor %q in %q at word %d: %s", p.String(), sc.low[k], k+1, c.actorCode(sc, r.Entry))
			}
			break
		}
	}
}

// stemLookup tries the regular stems of form ("aided" → "aid", "shelled"
// → "shell", "raises" → "raise") that are verbs of an eventwire-format
// dictionary, for words the lemmatizer got wrong ("aided" → "aide").
func (c *Coder) stemLookup(form string, try func(string)) {
	for _, suf := range [...]string{"ed", "d", "ing", "es", "s"} {
		if len(form) > len(suf)+2 && strings.HasSuffix(form, suf) {
			if stem := form[:len(form)-len(suf)]; c.lemmaOnly(stem) {
				try(stem)
				return
			}
		}
	}
}

// negApplies reports whether verb v is negated and its native entry gives
// a code for that ("accept: - neg=120": "will not accept refugees" codes
// 120 although the plain verb codes nothing).
func (c *Coder) negApplies(sc *Scratch, v int, m match) bool {
	if m.negWord || !sc.negated(v) {
		return false
	}
	_, ok := c.negCode(m)
	return ok
}

// participles returns the participle clauses (acl) that describe noun
// event n: its own, and when n is the of-complement of another noun ("acts
// of genocide committed by...", "the policy of occupation carried out
// by..."), that noun's. The result reuses a scratch buffer.
func (sc *Scratch) participles(n int) []int {
	out := sc.fill[:0]
	add := func(h int) {
		for _, k := range sc.children(h) {
			if sc.rel(k) == "acl" && sc.s.Words[k].Deprel != "acl:relcl" {
				out = append(out, k)
			}
		}
	}
	add(n)
	if h := sc.head(n); h >= 0 && sc.rel(n) == "nmod" && sc.caseIs(n, "of") && sc.s.Words[h].UPOS == "NOUN" {
		add(h)
	}
	return out
}

// lightVerb reports whether verb h only carries the act its object names:
// no other verb's pattern took it ("sent a team to investigate": consumed)
// and the dictionary has no class for it or only classes coded "-"
// ("carry out", "launch", "stage").
func (c *Coder) lightVerb(sc *Scratch, h int) bool {
	if sc.consumed[h] || ceaseHeads[sc.lemma[h]] {
		// a verb of stopping ends the act its object names: "the United
		// States stopped food aid", "halted the attacks on Kyiv"
		return false
	}
	for _, key := range [2]string{sc.lemma[h], sc.low[h]} {
		for _, r := range c.set.VerbsFor(key) {
			vb := &c.set.Verbs[r.Verb]
			code := vb.Code
			if f := &vb.Forms[r.Form]; f.Code != "" {
				code = f.Code
			}
			if code != dict.NullCode {
				return false
			}
		}
	}
	return true
}

// quantityNouns head a phrase whose thing is in their of-phrase: "dozens of
// rockets", "a barrage of missiles", "hundreds of protesters".
var quantityNouns = map[string]bool{
	"dozen": true, "dozens": true, "hundred": true, "hundreds": true, "thousand": true, "thousands": true,
	"score": true, "scores": true, "number": true, "barrage": true, "salvo": true, "volley": true, "wave": true,
	"series": true, "couple": true, "pair": true, "handful": true, "group": true, "batch": true, "string": true,
	"million": true, "millions": true, "tens": true, "lot": true, "lots": true,
}

// quantified returns the of-phrase head of word k when k is a quantity
// noun ("dozens of rockets" → rockets), else -1.
func (sc *Scratch) quantified(k int) int {
	if !quantityNouns[sc.lemma[k]] && !quantityNouns[sc.low[k]] {
		return -1
	}
	for _, j := range sc.children(k) {
		if sc.rel(j) == "nmod" && sc.caseOf(j) == "of" {
			return j
		}
	}
	return -1
}
