// Turning a matched verb into events.

package coder

import (
	"strings"

	"github.com/eventwire/eventwire/internal/dict"
	"github.com/eventwire/eventwire/internal/event"
)

// dropVerbEvents removes from out, from index first on, the events whose
// verb is word h.
func dropVerbEvents(out []event.Event, first, h int) []event.Event {
	kept := out[:first]
	for _, e := range out[first:] {
		if e.VerbSpan.First != h+1 {
			kept = append(kept, e)
		}
	}
	return kept
}

// meansCode returns the code of the attack noun that is the subject (or
// the "by" agent of a passive, or the noun a relative clause modifies) of
// verb v when it is a kind of force more specific than 190 (airstrike 195,
// shelling 194, bombing 183), "" for none.
func (c *Coder) meansCode(sc *Scratch, v int) string {
	pass := c.passive(sc, v)
	for _, k := range sc.children(v) {
		d := sc.s.Words[k].Deprel
		if d == "nsubj" && !pass && sc.s.Words[v].Deprel == "acl:relcl" && relativePronoun(sc.low[k]) {
			// the noun a relative clause modifies is its subject: "a
			// Hamas suicide bombing that killed 22 people" (183),
			// "shelling which killed three civilians" (194)
			k = sc.head(v)
		} else if !(d == "nsubj" && !pass || pass && (d == "obl:agent" || sc.caseOf(k) == "by")) {
			continue
		}
		if k < 0 || sc.s.Words[k].UPOS != "NOUN" {
			continue
		}
		m, ok := c.nounMatch(sc, k)
		if !ok {
			continue
		}
		if code := c.matchCode(m); code != "190" && violentCode(code) {
			return code
		}
	}
	return ""
}

// emit builds the events of verb v with match m.
func (c *Coder) emit(sc *Scratch, doc Doc, index, v int, m match, out []event.Event) []event.Event {
	set := c.set
	vb := &set.Verbs[m.verb]
	form := &vb.Forms[m.form]
	code, rev, rule := vb.Code, vb.Reverse, form.Origin
	if form.Code != "" {
		code, rev, rule = form.Code, form.Reverse, form.Origin
	}
	if m.pattern >= 0 {
		p := &vb.Patterns[m.pattern]
		code, rev, rule = p.Code, p.Reverse, p.Origin
	}
	if !c.opt.Literal && code == "190" {
		// the means named as the subject says how: "an Israeli airstrike
		// killed a Hezbollah commander" (195), "shelling killed three
		// civilians" (194)
		if nc := c.meansCode(sc, v); nc != "" {
			code = nc
		}
	}
	if code == dict.NullCode && rev == "" && !c.negApplies(sc, v, m) { // slots.go: "- neg=120"
		if sc.tr != nil {
			sc.trace("  no event: null code (%s)", rule)
		}
		return out
	}
	neg := (sc.negated(v) || sc.ceased(v)) && !m.negWord
	if why := sc.unrealized(v); why != "" && !c.opt.Literal {
		if sc.tr != nil {
			sc.trace("  no event: %s (not an act that happened)", why)
		}
		return out
	}
	if nc, ok := c.negCode(m); neg && ok { // native neg=CODE (slots.go)
		if nc == dict.NullCode {
			if sc.tr != nil {
				sc.trace("  no event: negated verb, neg=- (%s)", rule)
			}
			return out
		}
		code, rev, neg = nc, "", false
	}
	if neg {
		switch c.opt.Negation {
		case NegationDrop:
			if sc.tr != nil {
				sc.trace("  no event: negated verb (policy drop)")
			}
			return out
		case NegationTransform:
			code, rev = NegatedCode(code), ""
			if code == "" {
				if sc.tr != nil {
					sc.trace("  no event: negated verb has no opposite code")
				}
				return out
			}
		}
	}
	act := code // the act itself, before an intent or demand rewrites it
	sc.act = act
	if ic := intentCode(code); ic != "" && !neg && !c.opt.Literal && c.intent(sc, v) {
		// "is willing to withdraw its troops", "said they will release
		// the hostages": the intent to act, not the act (phrase.go)
		if sc.tr != nil {
			sc.trace("  intent: %s becomes %s", code, ic)
		}
		code, rev = ic, ""
		if h := commitmentHead(sc, v); h >= 0 && sc.verbEvt[h] >= 0 {
			// the promise or threat is this intent, told once: "vowed
			// to retaliate" is a threat of force (138), not a promise
			// (030) and a threat
			out = dropVerbEvents(out, sc.verbEvt[h], h)
			sc.verbEvt[h] = -1
		}
	}
	// sources
	sc.srcs = sc.srcs[:0]
	sc.tgts = sc.tgts[:0]
	demanded := false
	if dc := demandCode(code); dc != "" && !neg && !c.opt.Literal {
		// "Russia says Israel must end attacks on Syria": the speaker
		// demands the act of the clause's subject (phrase.go)
		if h := c.demandedBy(sc, v); h >= 0 {
			if sc.tgts = c.subjects(sc, v, sc.tgts, 0); len(sc.tgts) > 0 {
				if sc.srcs = c.subjects(sc, h, sc.srcs, 0); len(sc.srcs) > 0 {
					if sc.tr != nil {
						sc.trace("  demand: %s of the clause becomes %s by the speaker of %q", code, dc, sc.low[h])
					}
					code, rev, demanded = dc, "", true
					m.both, m.src, m.tgt = false, -1, -1
				} else {
					sc.tgts = sc.tgts[:0]
				}
			}
		}
	}
	if !demanded && m.both && m.src > v {
		// '%' after the verb ("agrees with %"): with a subject of its
		// own, the subject acts on each member of the compound
		if sc.srcs = c.subjects(sc, v, sc.srcs, 0); len(sc.srcs) > 0 {
			m.tgt, m.both = m.src, false
		}
	}
	switch {
	case len(sc.srcs) > 0: // the subject of a '%' after the verb, or a demand's speaker
	case m.src >= 0:
		sc.srcs = c.resolveNP(sc, m.src, sc.srcs, 0)
	default:
		sc.srcs = c.subjects(sc, v, sc.srcs, 0)
	}
	switch {
	case demanded:
	case m.both:
		// '%': a compound actor acting on itself, each member on the others
		sc.tgts = append(sc.tgts, sc.srcs...)
	case m.tgt >= 0:
		sc.tgts = c.resolveNP(sc, m.tgt, sc.tgts, 0)
		if !c.opt.Literal && len(sc.tgts) > 0 && locative(sc.caseOf(m.tgt)) && c.passive(sc, v) {
			// a pattern's place stands for the victims only when the
			// passive subject names none: "two Ukrainian soldiers were
			// killed by Russian shelling in Kherson" (UKRMIL, not UKR);
			// "five people were killed in Kherson" (UKR)
			for _, k := range sc.children(v) {
				if sc.s.Words[k].Deprel == "nsubj:pass" && !attributionCase(sc.caseOf(k)) {
					if n := c.resolveNP(sc, k, sc.np[:0], 0); len(n) > 0 {
						sc.tgts = append(sc.tgts[:0], n...)
					}
					sc.np = sc.np[:0]
				}
			}
		}
	default:
		// a meeting's or consultation's place is its venue (roles.go
		// wherePlace); PETRARCH's reading (Options.Literal) takes it as
		// the target ("arrived in Gondor": GON)
		// and so is the place where joint subjects do together what
		// they do to each other ("Ethiopia and Eritrea signed a peace
		// agreement in Jeddah", "the two sides agreed a truce in Doha")
		sc.venue = !c.opt.Literal && (venueCode(act) || len(sc.srcs) > 1 && mutualCode(act))
		sc.judging = !c.opt.Literal && judgingCode(act)
		sc.tgts = c.targets(sc, v, sc.tgts, 0)
		sc.venue, sc.judging = false, false
	}
	if !demanded && !m.both && m.src < 0 {
		undergoer := m.tgt >= 0 && strings.HasPrefix(sc.s.Words[m.tgt].Deprel, "nsubj") && !c.passive(sc, v)
		c.impliedSource(sc, v, code, undergoer) // content.go
	}
	counterparts(sc)
	if !c.opt.Literal && violentCode(code) {
		// the victims of force named by a demonym are civilians: "Israeli
		// troops killed three Palestinians" (PSECVL)
		sc.demonymPeople(sc.tgts) // content.go
		if sc.peopleObject(v) {
			// "people" killed in a place are its civilians, not its
			// state: "gunmen killed five people in a village in
			// northern Nigeria" (NGACVL)
			for i := range sc.tgts {
				if t := &sc.tgts[i]; len(t.code) == 3 && t.code != dict.NullCode {
					t.code += "CVL"
				}
			}
		}
	}
	if !c.opt.Literal && !m.both && m.tgt < 0 {
		c.destination(sc, v) // content.go
	}
	c.accuserAnswered(sc, v, code) // content.go
	if !c.opt.Literal && (strings.HasPrefix(code, "0253") || strings.HasPrefix(code, "1053")) {
		sc.tgts = c.holders(sc, sc.tgts) // discourse.go
	}
	if !c.opt.Literal && ownForcesOnly(code, sc.srcs, sc.tgts) {
		// force posture and intents aim at others, never at the source's
		// own forces: "vowed to strengthen the country's nuclear forces",
		// "mobilised its army" (content.go); whom they face is named in a
		// phrase of the verb or of the forces ("deployed troops to the
		// border with Ukraine", "put its troops on alert against Taiwan")
		own := sc.tgts[0].code
		sc.tgts = c.facedBy(sc, v, sc.srcs[0].code[:3], sc.tgts[:0])
		if sc.tr != nil {
			sc.trace("  own forces %s are no target; faced: %d", own, len(sc.tgts))
		}
	}
	if strings.HasPrefix(code, "01") && len(sc.srcs) > 0 && !m.both {
		// "Iranian Foreign Minister X said Iran had informed ...": a
		// statement about the speaker's own country is not addressed to it
		// (with AllowMonad its phrase stays the target, unknown)
		sc.tgts = dropOwnCountry(sc.srcs, sc.tgts, c.opt.AllowMonad, code == "016" && !c.opt.Literal)
	}
	if c.opt.AllowMonad && !m.both {
		// a side without an actor keeps its argument phrase (phrase.go)
		known := len(sc.srcs) > 0 || len(sc.tgts) > 0
		if len(sc.srcs) == 0 && (known || c.opt.AllowUnknown) {
			if k := c.sourcePhrase(sc, v); k >= 0 {
				sc.srcs = append(sc.srcs, c.unknownRef(sc, k))
			}
		}
		// (a list of sources without a target acts on each other, below)
		if len(sc.tgts) == 0 && len(sc.srcs) == 1 {
			if k := c.targetPhrase(sc, v, 0); k >= 0 {
				sc.tgts = append(sc.tgts, c.unknownRef(sc, k))
			}
		}
	}
	if form.Noun || m.pattern >= 0 && subjectThing(&vb.Patterns[m.pattern]) {
		// only a device exploding or a bombing noun implies an unnamed
		// bomber, not a verb alone ("balloons blown up with helium")
		c.impliedAttacker(sc, code) // content.go
	}
	c.crowdSource(sc, v, code) // content.go
	if !form.Noun && c.forceBySubjectAct(sc, v, code) {
		return out // slots.go
	}
	if len(sc.srcs) == 0 {
		if sc.tr != nil {
			sc.trace("  no event: no source actor")
		}
		return out
	}
	if !c.opt.Literal && code == "145" && armedSides(sc.srcs) {
		code = "190" // content.go
	}
	if !c.opt.Literal && airBombing(code, sc.srcs) {
		code = "195" // content.go
	}
	if !c.opt.Literal && strings.HasPrefix(code, "14") {
		// a people named by their demonym protest as civilians
		// ("thousands of Georgians rallied in Tbilisi": GEOCVL); a state
		// protests by official complaint
		sc.demonymPeople(sc.srcs) // content.go
		if sc.stateSides(sc.srcs) {
			code = "114"
		}
	}
	mutual := m.both // each member's span is its own, not the list's
	if len(sc.srcs) > 1 && !c.opt.Literal && (sc.eachOther(v) || mutualCode(code) && sc.thingsOnly(sc.tgts)) {
		// what they blame each other "for", "in Goma", is no target; nor
		// is a thing joint subjects agree on or share ("South Korea and
		// Japan agreed to restore military intelligence sharing", "agreed
		// on police cooperation"): they act on each other
		sc.tgts = sc.tgts[:0]
	}
	if len(sc.tgts) == 0 && len(sc.srcs) > 1 && !mediation(act) && (c.opt.Literal || mutualCode(code) || sc.eachOther(v)) {
		// "Gondor and Osgiliath renewed ties": the members act on each
		// other; mediators ("Saudi Arabia and the United States mediated
		// the talks") mediate between others, never between themselves,
		// and joint speakers or protesters act together, not on each
		// other (mutualCode) unless they say so ("Israel and Hamas
		// accused each other", "the army and the rebels each blame the
		// other": eachOther)
		sc.tgts = append(sc.tgts, sc.srcs...)
		mutual = true
	}
	if mutual && !c.opt.Literal && multilateral(sc.srcs) {
		// "Representatives from Germany and the Security Council's five
		// permanent members met in London", "the foreign ministers of the
		// six countries agreed on a statement": a gathering of many parties
		// is no act of each on each (30 pairs for six), and CAMEO codes
		// dyads only
		if sc.tr != nil {
			sc.trace("  no event: a mutual act of %d parties (multilateral)", len(sc.srcs))
		}
		return out
	}
	if len(sc.tgts) == 0 && !c.opt.Literal {
		named := m.pattern >= 0 && objectWords(&vb.Patterns[m.pattern])
		sc.tgts = c.impliedTarget(sc, v, code, named, sc.tgts) // content.go
	}
	if len(sc.tgts) == 0 && !c.opt.AllowMonad {
		if sc.tr != nil {
			sc.trace("  no event: no target actor")
		}
		return out
	}
	if !c.opt.Literal && irregularOnCivilians(code, sc.srcs, sc.tgts) {
		code = "180" // content.go
	}
	n := 0
	first := len(out)
	add := func(s, t actorRef, code string, hasT bool) {
		if n >= c.opt.MaxCompound {
			return
		}
		if hasT && s.code == t.code && !(unknown(s) && unknown(t)) {
			return
		}

		for i := first; i < len(out); i++ {
			// the same triple once, but separate phrases of a list each
			// their own ("the Senate of the French Republic, the National
			// Assembly": FRALEG twice)
			if out[i].Source == s.code && (!hasT || out[i].Target == t.code && sameWords(out[i].TargetSpan, t)) && out[i].Code == code {
				return
			}
		}
		n++
		e := event.Event{
			DocID: doc.ID, URL: doc.URL, Sentence: index, Text: sc.text(),
			Source: s.code, Code: code, Negated: neg,
			SourceSpan: c.argSpan(sc, doc, s, v, false),
			VerbSpan:   sc.span(doc, v, m.last),
			Rule:       rule.String(), DictVersion: set.Version,
		}
		if hasT {
			e.Target, e.TargetSpan = t.code, c.argSpan(sc, doc, t, v, !mutual)
		} else {
			e.Target, e.TargetSpan = dict.NullCode, event.Span{Start: -1, End: -1}
		}
		if doc.Date != 0 {
			e.Date = formatDate(doc.Date)
		}
		// root, quad class, Goldstein, PLOVER; codes outside CAMEO (the
		// validation dictionaries use some) leave them empty
		_ = event.Complete(&e)
		e.Historical = !c.opt.Literal && (sc.answeredAct(v) || sc.describedAct(v))
		e.Confidence = c.evidence(sc, &e, m, s, t, hasT, rule)
		out = append(out, e)
		if sc.tr != nil {
			sc.trace("  event %s → %s %s (%s)", e.Source, e.Target, e.Code, e.Rule)
		}
	}
	for _, s := range sc.srcs {
		if len(sc.tgts) == 0 {
			if code != dict.NullCode {
				add(s, actorRef{}, code, false)
			}
			continue
		}
		for _, t := range sc.tgts {
			if code != dict.NullCode {
				add(s, t, code, true)
			}
			if rev != "" && rev != dict.NullCode {
				add(t, s, rev, true)
			}
		}
	}
	if len(out) > first && sc.docOn && len(sc.pairNext) == 0 {
		// the pair a later "the two leaders", "both countries" refers to
		// (discourse.go): the two targets, else the source and the target
		sc.pairNext = knownPair(sc.pairNext, sc.tgts, sc.tgts)
		if len(sc.pairNext) != 2 {
			sc.pairNext = knownPair(sc.pairNext[:0], sc.srcs, sc.tgts)
		}
		if len(sc.pairNext) != 2 {
			sc.pairNext = sc.pairNext[:0]
		}
	}
	if len(out) > first && sc.docOn && strings.HasPrefix(code, "11") {
		// the accuser a later "the accusation" refers to (discourse.go)
		sc.accusers = sc.accusers[:0]
		for _, s := range sc.srcs {
			if !unknown(s) {
				sc.accusers = append(sc.accusers, s)
			}
		}
		sc.accused = sc.accused[:0]
		for _, t := range sc.tgts {
			if len(t.code) >= 3 {
				sc.accused = append(sc.accused, t.code[:3])
			}
		}
	}
	if len(out) > first && sc.docOn && violentCode(code) && len(sc.attackers) == 0 {
		// the perpetrator a later "the attack" refers to (discourse.go):
		// of the story's first violent act, the news a later "condemned
		// the attack" is about, not of the forces answering it ("Al
		// Shabaab militants stormed a hotel ... Security forces killed
		// the attackers ... The African Union condemned the attack")
		for _, s := range sc.srcs {
			if !unknown(s) {
				sc.attackers = append(sc.attackers, s)
			}
		}
	}
	if len(out) > first {
		sc.verbEvt[v] = first
	} else {
		if sc.tr != nil {
			sc.trace("  no event: source and target are the same actor")
		}
	}
	return out
}

// reported marks the events of verbs inside the complement clause of a
// speech verb as reported speech of the speech verb's subject, and drops
// the speech verb's own event toward an actor of that clause ("X said Y
// attacked Z" codes Y → Z, reported by X, not X → Y). It returns evs
// without the dropped events.
func (c *Coder) reported(sc *Scratch, evs []event.Event) []event.Event {
	for i := range evs {
		v := evs[i].VerbSpan.First - 1
		for k, d := v, 0; k >= 0 && d < 8; d++ {
			h := sc.head(k)
			if h < 0 {
				break
			}
			rel := sc.rel(k)
			if rel == "ccomp" || rel == "parataxis" || rel == "xcomp" && d > 0 {
				if c.isSpeech(sc, h) {
					evs[i].Reported = true
					evs[i].Evidence.Depth = c.attributionDepth(sc, v)
					sc.srcs = c.subjects(sc, h, sc.srcs[:0], 0)
					if len(sc.srcs) > 0 {
						evs[i].Attribution = sc.srcs[0].code
					}
					if strings.HasPrefix(evs[i].Code, "10") && evs[i].Source == evs[i].Attribution {
						// the speaker's own demand ("X says Y must ..."), not
						// an event it reports
						evs[i].Reported, evs[i].Attribution = false, ""
					}
					sc.speaker[h] = k + 1 // the clause (1-based) whose events are reported
					break
				}
			}
			k = h
		}
	}
	out := evs[:0]
	for _, e := range evs {
		v := e.VerbSpan.First - 1
		if cl := sc.speaker[v]; cl > 0 && e.TargetSpan.First > 0 && sc.inSubtree(e.TargetSpan.First-1, cl-1) {
			if sc.tr != nil {
				sc.trace("  dropped %s → %s %s: the clause said is coded itself", e.Source, e.Target, e.Code)
			}
			continue
		}
		out = append(out, e)
	}
	return out
}

// isSpeech reports whether word h is a verb of public statement.
func (c *Coder) isSpeech(sc *Scratch, h int) bool {
	try := func(key string) bool {
		for _, r := range c.set.VerbsFor(key) {
			if c.speech[r.Verb] {
				return true
			}
		}
		return false
	}
	return try(sc.lemma[h]) || try(sc.low[h])
}

// span locates words first..last (0-based).
func (sc *Scratch) span(doc Doc, first, last int) event.Span {
	if first < 0 || last < first || last >= len(sc.s.Words) {
		return event.Span{Start: -1, End: -1}
	}
	a, b := &sc.s.Words[first], &sc.s.Words[last]
	sp := event.Span{Start: a.Start, End: b.End, First: a.ID, Last: b.ID}
	switch {
	case a.Start >= 0 && b.End <= len(doc.Text) && a.Start <= b.End && doc.Text != "":
		sp.Text = doc.Text[a.Start:b.End]
	case a.Start >= 0 && b.End <= len(sc.s.Text) && a.Start <= b.End:
		sp.Text = sc.s.Text[a.Start:b.End]
	default:
		if first == last {
			sp.Text = a.Form
		} else {
			var bld strings.Builder
			for i := first; i <= last; i++ {
				if i > first {
					bld.WriteByte(' ')
				}
				bld.WriteString(sc.s.Words[i].Form)
			}
			sp.Text = bld.String()
		}
	}
	return sp
}

func formatDate(d dict.Date) string {
	v := int(d)
	b := []byte("0000-00-00")
	y, mo, da := v/10000, v/100%100, v%100
	for i := 3; i >= 0; i-- {
		b[i] = byte('0' + y%10)
		y /= 10
	}
	b[5], b[6] = byte('0'+mo/10), byte('0'+mo%10)
	b[8], b[9] = byte('0'+da/10), byte('0'+da%10)
	return string(b)
}
