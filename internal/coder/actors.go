package coder

import (
	"strings"

	"github.com/eventwire/eventwire/internal/cameo"
	"github.com/eventwire/eventwire/internal/dict"
	"github.com/eventwire/eventwire/internal/nlp"
)

// wordMatches reports whether dictionary word w matches sentence word i.
func (sc *Scratch) wordMatches(w dict.Word, i int) bool {
	if w.Prefix {
		return strings.HasPrefix(sc.low[i], w.Text)
	}
	return sc.low[i] == w.Text
}

// phraseAt returns the number of sentence words the phrase covers when it
// matches at word i, else 0. Possessive "'s" words inside a phrase are
// skipped ("Gondor 's army").
func (sc *Scratch) phraseAt(p dict.Phrase, i int) int {
	k := i
	skipped := false
	sc.skippedAt = -1
	for j := 0; j < len(p); j++ {
		if j > 0 {
			for k < len(sc.low) && (sc.low[k] == "'s" || sc.low[k] == "'") {
				k++
			}
		}
		if k >= len(sc.low) {
			return 0
		}
		if !sc.wordMatches(p[j], k) {
			// a token that joins words with '_' ("Dol_Amroth")
			n := joinedAt(p[j:], sc.low[k])
			if n == 0 && j > 0 && !skipped && k+1 < len(sc.low) && sc.wordMatches(p[j], k+1) && sc.insideModifier(k) {
				// one modifier inside a name: "Ithilen state-run television"
				skipped = true
				sc.skippedAt = k
				k++
				n = 1
			}
			if n == 0 {
				return 0
			}
			j += n - 1
		}
		k++
	}
	return k - i
}

// nameFrom reports whether an actor name of the dictionaries starts at
// word k and ends right before word end.
func (c *Coder) nameFrom(sc *Scratch, k, end int) bool {
	for _, r := range c.startsOf(sc, k).Actors(sc.nextWords(k), nil) {
		if sc.phraseAt(c.set.Actors[r.Entry].Names[r.Name], k) == end-k {
			return true
		}
	}
	return false
}

// nextWords returns the words that phraseAt can match with the second word
// of a phrase starting at word i: the word after i past any possessive
// "'s", and the one after it (a modifier inside a name is skipped); nil
// when any may match (a token joining words with '_'). The dictionary
// then offers only the phrases that can match (dict.Set.ActorsStartingWith).
func (sc *Scratch) nextWords(i int) []string {
	k := i + 1
	for k < len(sc.low) && (sc.low[k] == "'s" || sc.low[k] == "'") {
		k++
	}
	sc.next = sc.next[:0]
	for j := k; j < len(sc.low) && j <= k+1; j++ {
		if strings.IndexByte(sc.low[j], '_') >= 0 {
			return nil
		}
		sc.next = append(sc.next, sc.low[j])
	}
	return sc.next
}

// startsOf returns what word i starts in the dictionaries (its actor,
// agent and discard phrases), looked up for every word once per sentence:
// prepare and capitalUS clear sc.startsOK.
func (c *Coder) startsOf(sc *Scratch, i int) dict.Starts {
	if !sc.startsOK {
		sc.startsOK = true
		if cap(sc.starts) < len(sc.low) {
			sc.starts = make([]dict.Starts, len(sc.low), len(sc.low)+len(sc.low)/2)
		}
		sc.starts = sc.starts[:len(sc.low)]
		for k := range sc.low {
			sc.starts[k] = c.set.Starting(sc.low[k])
		}
	}
	return sc.starts[i]
}

// joinedAt returns how many words of p, joined by '_', make up token t
// (at least two), or 0.
func joinedAt(p dict.Phrase, t string) int {
	if strings.IndexByte(t, '_') < 0 {
		return 0
	}
	for n, w := range p {
		if w.Prefix || w.Synset || !strings.HasPrefix(t, w.Text) {
			return 0
		}
		t = t[len(w.Text):]
		if t == "" {
			if n == 0 {
				return 0
			}
			return n + 1
		}
		if t[0] != '_' {
			return 0
		}
		t = t[1:]
	}
	return 0
}

// findMentions marks the actor and agent phrases of the sentence, longest
// match first, left to right.
func (c *Coder) findMentions(sc *Scratch) {
	set := c.set
	n := len(sc.low)
	for i := 0; i < n; {
		sc.refs = c.startsOf(sc, i).Actors(sc.nextWords(i), sc.refs[:0])
		best, bestLen := -1, 0
		skipped := -1
		for _, r := range sc.refs {
			if l := sc.phraseAt(set.Actors[r.Entry].Names[r.Name], i); l > bestLen {
				best, bestLen, skipped = r.Entry, l, sc.skippedAt
			}
		}
		if skipped > i && c.nameFrom(sc, skipped, i+bestLen) {
			// the modifier skipped inside the name starts a name of its
			// own that ends where this one does: "the Pakistani Taliban"
			// is the Pakistani Taliban, not "the Taliban" (while "the
			// Afghan Taliban" is the Taliban)
			best = -1
		}
		if best < 0 && sc.docOn && sc.nameLike(i) {
			// "Lai Ching-te won ... The United States congratulated Lai"
			best, bestLen = sc.shortName(sc.low[i]), 1
		}
		if best < 0 {
			i++
			continue
		}
		if sc.docOn && bestLen > 1 && person(&set.Actors[best]) {
			sc.addShortNames(best, i, i+bestLen-1)
		}
		m := int32(len(sc.actors))
		sc.actors = append(sc.actors, mention{first: i, end: i + bestLen, entry: best})
		for k := i; k < i+bestLen; k++ {
			sc.actorAt[k] = m
		}
		if sc.tr != nil {
			sc.trace("actor %q at words %d-%d: %s (%s)", set.Actors[best].Names[0].String(), i+1, i+bestLen,
				c.actorCode(sc, best), set.Actors[best].Origin)
		}
		i += bestLen
	}
	for i := 0; i < n; {
		sc.refs = c.startsOf(sc, i).Agents(sc.nextWords(i), sc.refs[:0])
		best, bestLen := -1, 0
		for _, r := range sc.refs {
			if l := sc.phraseAt(set.Agents[r.Entry].Names[r.Name], i); l > bestLen {
				best, bestLen = r.Entry, l
			}
		}
		if best < 0 {
			i++
			continue
		}
		// a role phrase that ends with a shorter actor name is the role:
		// "the United States National Security Council" is the country's
		// council (USAGOV), not the UN's "Security Council"; an actor
		// inside the phrase ("radical Armenian communities") stays
		for k := i; k < i+bestLen; k++ {
			if a := sc.actorAt[k]; a >= 0 && sc.actors[a].first > i && sc.actors[a].end == i+bestLen {
				for j := sc.actors[a].first; j < sc.actors[a].end; j++ {
					sc.actorAt[j] = -1
				}
				if sc.tr != nil {
					sc.trace("actor at words %d-%d is inside the longer role phrase at words %d-%d", sc.actors[a].first+1, sc.actors[a].end, i+1, i+bestLen)
				}
			}
		}
		m := int32(len(sc.agents))
		sc.agents = append(sc.agents, mention{first: i, end: i + bestLen, entry: best})
		for k := i; k < i+bestLen; k++ {
			sc.agentAt[k] = m
		}
		if sc.tr != nil {
			sc.trace("agent %q at words %d-%d: %s (%s)", set.Agents[best].Names[0].String(), i+1, i+bestLen,
				set.Agents[best].Code, set.Agents[best].Origin)
		}
		i += bestLen
	}
}

// actorCode is the code of actor a on the sentence's date ("" none; codes of
// a multi-actor entry are joined by '+').
func (c *Coder) actorCode(sc *Scratch, a int) string {
	ac := c.set.Actors[a].CodesAt(sc.date)
	if ac == nil || len(ac.Codes) == 0 {
		return ""
	}
	if len(ac.Codes) == 1 {
		return ac.Codes[0]
	}
	return strings.Join(ac.Codes, "/")
}

// nominal reports whether word i can head a noun phrase.
func nominal(w *nlp.Word) bool {
	switch w.UPOS {
	case "NOUN", "PROPN", "PRON", "NUM", "X", "ADJ", "SYM":
		return true
	}
	return false
}

// modifierRel reports whether label d attaches a word inside the noun
// phrase of its head (so an actor there names the phrase's country).
func modifierRel(d string) bool {
	switch d {
	case "compound", "amod", "nmod:poss", "flat", "flat:name", "compound:prt", "det", "nmod:npmod", "nummod", "nmod:desc":
		return true
	}
	return false
}

// resolveNP appends the actors that the noun phrase headed by word h names:
// its own code, its coordinated members (conj), else an apposition, else
// the antecedent of a pronoun.
func (c *Coder) resolveNP(sc *Scratch, h int, out []actorRef, depth int) []actorRef {
	if h < 0 || depth > 8 || len(out) >= 32 {
		return out
	}
	if q := sc.quantified(h); q >= 0 && sc.actorAt[h] < 0 && sc.agentAt[h] < 0 {
		h = q // "hundreds of demonstrators", "thousands of Armenians"
	}
	w := &sc.s.Words[h]
	before := len(out)
	if w.UPOS == "PRON" && !c.misparsedName(sc, h) || w.UPOS == "DET" && w.Feat("Poss") == "Yes" {
		if n, ok := c.quotedPronoun(sc, h, out); ok { // discourse.go
			out = n
		} else if r, ok := c.pronoun(sc, h); ok {
			out = append(out, r)
		}
	} else if n := c.discourseNP(sc, h, out); len(n) > len(out) {
		out = n // discourse.go: "the meeting", "the statement"
	} else if r, ok := c.possessedCountry(sc, h); ok {
		out = append(out, r)
	} else if r, ok := sc.titledRef(h); ok {
		out = append(out, r) // "Gates said", after "US Defense Secretary Robert Gates"
	} else if r, ok := c.nounCode(sc, h); ok {
		sc.addTitled(h, r)
		out = c.appendSplit(out, r)
		if r.mod >= 0 {
			// "the ambassadors of Arnor, Osgiliath and Gondor", "Eriadori
			// and Calenardhon leaders": each coordinated country
			for _, k := range sc.children(r.mod) {
				if sc.s.Words[k].Deprel != "conj" {
					continue
				}
				if a := c.actorInside(sc, k, 0); a >= 0 {
					if code := c.actorCode(sc, sc.actors[a].entry); code != "" && code != dict.NullCode {
						r2 := r
						r2.actor, r2.mod = sc.actors[a].entry, -1
						r2.code = code
						if r.agent >= 0 {
							r2.code = c.set.Agents[r.agent].Combine(code)
						}
						out = append(out, r2)
					}
				} else if m := sc.agentAt[k]; m >= 0 && r.agent >= 0 && r.actor >= 0 {
					// "the Senate of the French Republic, the National
					// Assembly": a role noun parsed as a member of the
					// country's list is one more role of that country
					if code := c.actorCode(sc, r.actor); code != "" && code != dict.NullCode {
						r2 := r
						r2.agent, r2.mod, r2.head = sc.agents[m].entry, -1, k
						r2.first, r2.last = min(k, sc.agents[m].first), max(k, sc.agents[m].end-1)
						r2.code = c.set.Agents[r2.agent].Combine(code)
						out = append(out, r2)
					}
				}
			}
			// "lawmakers in Fornost and Gondor" parsed with Gondor as a
			// member of the head: a bare name right after the modifier
			// shares the role noun (misparse.go)
			out = c.modifierMembers(sc, h, r, out)
		}
	}
	hasConj := false
	// the countries of the first member, shared by members that are role
	// nouns alone: "Danish media and government", "lawmakers and officials
	// in Arnor and Gondor"
	headEnd := len(out)
	for _, k := range sc.children(h) {
		if sc.s.Words[k].Deprel == "conj" && (nominal(&sc.s.Words[k]) || sc.actorAt[k] >= 0) && !c.modifierMember(sc, h, k) &&
			!(!c.opt.Literal && sc.apposAsConj(h, k)) {
			n := len(out)
			out = c.resolveNP(sc, k, out, depth+1)
			hasConj = true
			if n+1 != len(out) || out[n].actor >= 0 || out[n].agent < 0 {
				continue
			}
			member := out[n]
			out = out[:n]
			for i := before; i < headEnd && i < n; i++ {
				if out[i].actor < 0 {
					continue
				}
				if code := c.actorCode(sc, out[i].actor); code != "" && code != dict.NullCode {
					r := member
					r.actor, r.code = out[i].actor, c.set.Agents[member.agent].Combine(code)
					out = append(out, r)
				}
			}
			if len(out) == n {
				out = append(out, member) // no country to share: the agent alone
			}
		}
	}
	if len(out) > before {
		// "Mordor, the awful Arnor, and Gondor", "Mordor, the Shire, Arnor
		// and Bree": in a list, an "apposition" is one more member
		for _, k := range sc.children(h) {
			if sc.s.Words[k].Deprel == "appos" && (hasConj || sc.hasConj(k)) {
				out = c.resolveNP(sc, k, out, depth+1)
			}
		}
	}
	if len(out) == before {
		for _, k := range sc.children(h) {
			if sc.s.Words[k].Deprel == "appos" || !c.opt.Literal && sc.apposAsConj(h, k) {
				out = c.resolveNP(sc, k, out, depth+1)
				if len(out) > before {
					// "Jeff Rathke, the State Department spokesperson,
					// said": the name stands for the title's actor later
					sc.addAppositionTitle(h, out[before])
					break
				}
			}
		}
	} else if len(out) == before+1 && out[before].actor < 0 && out[before].agent >= 0 && !hasConj {
		// "the group's leader Yevgeny Prigozhin": a role noun without a
		// country is named by the actor in apposition to it
		for _, k := range sc.children(h) {
			if sc.s.Words[k].Deprel == "appos" && sc.actorAt[k] >= 0 {
				if r, ok := c.nounCode(sc, k); ok && r.actor >= 0 {
					r.first, r.last = min(r.first, out[before].first), max(r.last, out[before].last)
					out[before] = r
					break
				}
			}
		}
	}
	return out
}

// leaderNouns head a phrase naming a group's leader or voice, who is the
// group's: "the cartel leader", "a rebel commander", "the union chief".
var leaderNouns = map[string]bool{
	"leader": true, "leaders": true, "chief": true, "chiefs": true, "commander": true, "commanders": true,
	"head": true, "boss": true, "spokesman": true, "spokeswoman": true, "spokesperson": true,
}

// groupOfLeader returns the compound modifier of leader noun h that names
// a group of a non-state role (criminals, rebels, insurgents, opposition,
// labour, ...), whose code the leader takes ("Mexican authorities
// extradited the cartel leader": CRM, not GOV; "a rebel commander was
// killed": REB), -1 for none. Not with Options.Literal.
func (c *Coder) groupOfLeader(sc *Scratch, h int) int {
	if c.opt.Literal || !leaderNouns[sc.low[h]] {
		return -1
	}
	for _, k := range sc.children(h) {
		m := sc.agentAt[k]
		if m < 0 || k > h || sc.s.Words[k].Deprel != "compound" && sc.s.Words[k].Deprel != "amod" || m == sc.agentAt[h] {
			continue
		}
		switch c.set.Agents[sc.agents[m].entry].Code {
		case "GOV", "LEG", "JUD", "MIL", "COP", "SPY", "ELI":
			return -1
		}
		return k
	}
	return -1
}

// nounCode codes the single noun phrase headed by h: an actor phrase
// covering h or modifying it, combined with an agent covering h.
func (c *Coder) nounCode(sc *Scratch, h int) (actorRef, bool) {
	set := c.set
	nonState := false // the role is a non-state word before the title (nonStateBefore)
	r := actorRef{head: h, first: h, last: h, actor: -1, agent: -1, mod: -1}
	if m := sc.actorAt[h]; m >= 0 {
		r.actor = sc.actors[m].entry
		r.first, r.last = sc.actors[m].first, sc.actors[m].end-1
	}
	if m := sc.agentAt[h]; m >= 0 && r.actor < 0 {
		r.agent = sc.agents[m].entry
		r.first, r.last = sc.agents[m].first, sc.agents[m].end-1
		if g := c.groupOfLeader(sc, h); g >= 0 {
			r.agent = sc.agents[sc.agentAt[g]].entry
			r.first = min(r.first, sc.agents[sc.agentAt[g]].first)
		}
	} else if r.actor < 0 && !c.opt.Literal {
		// a thing a role noun names as its own is that role's: "attacked a
		// police checkpoint" (COP), "an army convoy" (MIL), "opposition
		// supporters" (OPP)
		// (also before another compound: "a navy patrol boat", "an army
		// supply convoy")
		if k := sc.compoundAgent(h, 0); k >= 0 {
			m := sc.agentAt[k]
			r.agent = sc.agents[m].entry
			r.first = min(r.first, sc.agents[m].first)
		}
	}
	if r.actor < 0 {
		// a country in the phrase: "Arnor police", "French senate",
		// "Gondor's army", and with an agent "the Senate of France"
		kids := sc.children(h)
		if c.opt.Literal {
			// in the PETRARCH reading an actor that modifies the head
			// itself comes before one inside another modifier, which
			// tells a relation rather than who it is: "the Al
			// Qaeda-linked Somali militant group" is Somali (SOMUAF),
			// "the Iran-backed Iraqi militia" Iraqi
			kids = sc.directActorsFirst(kids)
		}
		for _, k := range kids {
			d := sc.s.Words[k].Deprel
			// a possessor names the phrase only for an agent: "Gondor's
			// army" is Gondor's, "Eriador's death toll" is no actor
			ok := modifierRel(d)
			if !ok && (d == "nmod" || strings.HasPrefix(d, "nmod:")) {
				switch sc.caseOf(k) {
				case "of":
					// "the ministry of Gondor", "the goats of Gondor"
					ok = true
				case "from", "in", "for":
					// "officials in Arnor", but not "the crowds in Arnor"
					ok = r.agent >= 0
				}
			}
			if !ok || !c.opt.Literal && sc.backerParticiple(k) {
				continue
			}
			if a := c.actorInside(sc, k, 0); a >= 0 {
				r.actor, r.mod = sc.actors[a].entry, k
				if sc.actors[a].first < r.first {
					r.first = sc.actors[a].first
				}
				if sc.actors[a].end-1 > r.last {
					r.last = sc.actors[a].end - 1
				}
				break
			}
		}
	}
	if r.actor < 0 && r.agent >= 0 && !c.opt.Literal {
		// armed men loyal to a leader or a state are that side's: "troops
		// loyal to President Laurent Gbagbo" (CIVMIL), "forces loyal to
		// the Syrian government" (SYRMIL)
		if a, k := c.loyalTo(sc, h); a >= 0 {
			r.actor, r.mod = sc.actors[a].entry, k
			r.last = max(r.last, sc.actors[a].end-1)
		}
	}
	if r.actor < 0 {
		if a := c.nameAsCase(sc, h); a >= 0 { // misparse.go
			r.actor = sc.actors[a].entry
			r.first = min(r.first, sc.actors[a].first)
			r.last = max(r.last, sc.actors[a].end-1)
		}
	}
	if r.actor < 0 && r.agent >= 0 && c.opt.Literal && !c.opt.Petrarch1 {
		// PETRARCH-2's constituency parse keeps a "from"/"of" phrase right
		// after a role noun in its noun phrase; a dependency parse often
		// hangs it on the verb: "received ministers from the Georgian
		// government" (GEOGOV), "met officials of the Syrian government"
		if a, k := c.nextOfPhrase(sc, h); a >= 0 {
			r.actor, r.mod = sc.actors[a].entry, k
			r.last = max(r.last, sc.actors[a].end-1)
		}
	}
	if r.agent < 0 && r.actor >= 0 {
		// "Arnor police": actor on a modifier, agent on the head; or
		// "Dagolath's Prime Minister Telemar": agent on a modifier
		if m := sc.agentAt[h]; m >= 0 {
			r.agent = sc.agents[m].entry
		} else if k := sc.titleAgent(h, 0); k >= 0 {
			r.agent = sc.agents[sc.agentAt[k]].entry
			if j := c.nonStateBefore(sc, k); j >= 0 {
				r.agent, nonState = sc.agents[sc.agentAt[j]].entry, true
			}
		} else if k := sc.modifierAgent(h, 0); k >= 0 && c.opt.Literal {
			// PETRARCH-2 takes the agents of the whole noun phrase: "an
			// Islamic State target southwest of Baghdad" (IRQMUS), "a
			// strict Islamic state in northeastern Nigeria" (NGAMUS)
			r.agent = sc.agents[sc.agentAt[k]].entry
		}
	}
	if sc.actorAt[h] >= 0 {
		// a named person with a possessor country: "Ithilen's minister
		// Calimehtar" is Ithilen's government and "Arnor's Elrond" is
		// Arnor's, whoever the name alone would code (the first actor of
		// the phrase names it)
		for _, k := range sc.children(h) {
			if k < h && sc.s.Words[k].Deprel == "nmod:poss" {
				if a := c.actorInside(sc, k, 0); a >= 0 && sc.actors[a].entry != r.actor {
					r.actor, r.mod = sc.actors[a].entry, k
					r.first = min(r.first, sc.actors[a].first)
					break
				}
			}
		}
	}
	if r.actor < 0 && r.agent < 0 && sc.docOn {
		// "the NGO representatives": a role noun modifying a head that is
		// none, coded only when the document gives the agent a country
		// (discourse.go)
		for _, k := range sc.children(h) {
			if d := sc.s.Words[k].Deprel; (d == "compound" || d == "amod") && sc.agentAt[k] >= 0 {
				if _, ok := sc.agentCountryOf(sc.agents[sc.agentAt[k]].entry); ok {
					r.agent = sc.agents[sc.agentAt[k]].entry
				}
				break
			}
		}
	}
	if r.actor < 0 && r.agent < 0 && !c.opt.Literal && sc.s.Words[h].UPOS == "PROPN" {
		// a name the dictionaries do not know is the role its title
		// gives: "police arrested former president Jeanine Anez"
		// (---ELI, the country then inferred from the story),
		// "prosecutors indicted Nissan chairman Carlos Ghosn" (---BUS)
		if k := sc.titleAgent(h, 0); k >= 0 {
			r.agent = sc.agents[sc.agentAt[k]].entry
		}
	}
	if r.agent >= 0 {
		for _, m := range sc.agents {
			if m.entry == r.agent && m.first <= h+1 && m.end >= r.first-1 {
				r.first, r.last = min(r.first, m.first), max(r.last, m.end-1)
			}
		}
	}
	if r.actor < 0 && r.agent >= 0 && !c.opt.Literal {
		// a role noun whose possessor is a pronoun is the antecedent
		// country's: "the military said its troops shot ..." (ISRMIL),
		// "Kenya said its police arrested ..." (KENCOP)
		for _, k := range sc.children(h) {
			if k < h && sc.s.Words[k].Deprel == "nmod:poss" && sc.s.Words[k].UPOS == "PRON" {
				if a, ok := c.pronoun(sc, k); ok && len(a.code) >= 3 {
					base := a.code[:3]
					if _, isCountry := cameo.LookupCountry(base); !isCountry && len(a.code) >= 6 && (base == "IGO" || base == "NGO") {
						// an organisation's: "the United Nations said its
						// peacekeepers came under fire" (IGOUNOPKO), "the
						// African Union said its troops ..." (IGOAFROAUMIL)
						base = a.code
					} else if !isCountry {
						continue
					}
					r.code = set.Agents[r.agent].Combine(base)
					r.first = min(r.first, k)
					return r, true
				}
			}
		}
	}
	switch {
	case r.actor >= 0 && r.agent >= 0 && !c.opt.Literal && sc.leaderPhrase(h) && set.Agents[r.agent].Code == "GOV" &&
		nonStateGroup(c.actorCode(sc, r.actor)):
		// a named armed or political group's leader is the group, not a
		// government: "Hamas leader Ismail Abu Shanab" (PSEHMS, not
		// PSEHMSGOV), "Hezbollah chief Hassan Nasrallah" (LBNHEZ); its
		// commanders stay its military (LBNHEZMIL)
		r.code = c.actorCode(sc, r.actor)
	case r.actor >= 0 && r.agent >= 0:
		country := c.actorCode(sc, r.actor)
		if country == "" || country == dict.NullCode {
			return r, false
		}
		if nonState {
			r.code = set.Agents[r.agent].Combine(country) // the role alone, not the title's
			break
		}
		if len(country) == 6 && (country[3:] == "GOV" || country[3:] == "ELI") && sc.actorAt[h] < 0 &&
			securityAgent(set.Agents[r.agent].Code) {
			// a state leader's forces are the state's: "an ambush by
			// Gbagbo forces" (CIVMIL, not CIVGOVMIL), "Assad's troops"
			// (SYRMIL)
			if _, ok := cameo.LookupCountry(country[:3]); ok {
				country = country[:3]
			}
		}
		r.code = c.combineAgents(sc, h, r.mod, r.agent, country)
	case r.actor >= 0:
		r.code = c.actorCode(sc, r.actor)
	case r.agent >= 0:
		// an agent without a country: in a document, the country of the
		// latest actor with the same agent ("the NGO representatives"
		// after "NGOs of Gondor", discourse.go); else unknown
		if a, ok := sc.agentCountryOf(r.agent); ok {
			r.actor, r.code = a.actor, a.code
			break
		}
		r.code = set.Agents[r.agent].Combine(dict.NullCode)
	}
	if r.code == "" || r.code == dict.NullCode && r.agent < 0 && !c.opt.NullActors {
		return r, false
	}
	return r, true
}

// leaderPhrase reports whether the phrase headed by h is a leader noun
// ("the Hamas leader") or a name with one as its title ("Hamas leader
// Ismail Abu Shanab").
func (sc *Scratch) leaderPhrase(h int) bool {
	if leaderNouns[sc.low[h]] {
		return true
	}
	k := sc.titleAgent(h, 0)
	return k >= 0 && leaderNouns[sc.low[k]]
}

// nonStateGroup reports whether an actor code names a group of its own
// under a country, not a state organ: "PSEHMS", "LBNHEZ", "AFGTAL" (a
// country and a group code), not "USA" or "USAGOV".
func nonStateGroup(code string) bool {
	if len(code) < 6 {
		return false
	}
	if code[:3] == "IMG" {
		return true // a transnational armed group: "an Islamic State leader" (IMGMOSRAD)
	}
	if _, ok := cameo.LookupCountry(code[:3]); !ok {
		return false
	}
	switch code[3:6] {
	case "GOV", "LEG", "JUD", "MIL", "COP", "SPY", "ELI", "CVL", "BUS", "MED", "EDU", "HLH", "LAB", "AGR", "REF", "CRM":
		return false
	}
	return true
}

// compoundAgent returns the word ending a role noun that is a compound
// before h, or before a compound before h, or -1.
func (sc *Scratch) compoundAgent(h, depth int) int {
	for _, k := range sc.children(h) {
		if k >= h || sc.s.Words[k].Deprel != "compound" {
			continue
		}
		if m := sc.agentAt[k]; m >= 0 && sc.agents[m].end-1 == k {
			return k
		}
		if depth == 0 {
			if j := sc.compoundAgent(k, 1); j >= 0 {
				return j
			}
		}
	}
	return -1
}

// loyalTo returns the actor mention a role noun h is said to be loyal to
// ("loyal to X" modifying h) and the phrase holding it, or -1.
func (c *Coder) loyalTo(sc *Scratch, h int) (int, int) {
	for _, l := range sc.children(h) {
		if sc.lemma[l] != "loyal" || l < h {
			continue
		}
		for _, k := range sc.children(l) {
			if (sc.rel(k) == "obl" || sc.rel(k) == "nmod") && sc.caseOf(k) == "to" {
				if a := c.actorInside(sc, k, 0); a >= 0 {
					return a, k
				}
			}
		}
	}
	return -1, -1
}

// actorInside returns the actor mention covering word k or one of its
// phrase modifiers (depth-limited), or -1.
func (c *Coder) actorInside(sc *Scratch, k, depth int) int {
	if m := sc.actorAt[k]; m >= 0 {
		return int(m)
	}
	if depth > 2 {
		return -1
	}
	for _, j := range sc.children(k) {
		if modifierRel(sc.s.Words[j].Deprel) || sc.s.Words[j].Deprel == "conj" {
			if !c.opt.Literal && sc.underRelational(j, k) {
				continue
			}
			if m := c.actorInside(sc, j, depth+1); m >= 0 {
				return m
			}
		}
	}
	return -1
}

// backerParticiple reports whether modifier k is a hyphenated participle
// of backing, or the word before its hyphen ("Russian-backed separatists",
// "Iranian-funded militias", "US-armed rebels"): the country named before
// it backs the group and is not its own (a "Saudi-led coalition" is led,
// so Saudi).
func (sc *Scratch) backerParticiple(k int) bool {
	if k+2 < len(sc.low) && sc.low[k+1] == "-" && sc.backerParticiple(k+2) {
		return true // the backer, a sibling modifier: "Russian/amod -/punct backed/amod separatists"
	}
	if k < 1 || sc.low[k-1] != "-" {
		return false
	}
	switch sc.low[k] {
	case "backed", "funded", "sponsored", "supported", "armed", "trained", "financed", "allied", "aligned", "linked", "inspired":
		return true
	}
	return false
}

// possessedCountry resolves "country" or "nation" with a possessive
// pronoun to the country of the pronoun's referent: "Saakashvili says
// Russia is fighting a war against his country" (GEO), "the Somali
// president said foreign fighters had entered his country" (SOM).
func (c *Coder) possessedCountry(sc *Scratch, h int) (actorRef, bool) {
	switch sc.lemma[h] {
	case "country", "nation", "homeland", "motherland":
	default:
		return actorRef{}, false
	}
	if c.opt.Literal || sc.actorAt[h] >= 0 || sc.agentAt[h] >= 0 {
		return actorRef{}, false
	}
	for _, k := range sc.children(h) {
		if k > h || sc.s.Words[k].Deprel != "nmod:poss" {
			continue
		}
		a, ok := c.pronoun(sc, k)
		if !ok || len(a.code) < 3 || !countryCode(a.code[:3]) {
			return actorRef{}, false
		}
		a.code = a.code[:3]
		a.head, a.first, a.last, a.actor, a.agent, a.mod = h, k, h, -1, -1, -1
		if sc.tr != nil {
			sc.trace("pronoun %q %q at word %d → %s (the referent's country)", sc.low[k], sc.low[h], h+1, a.code)
		}
		return a, true
	}
	return actorRef{}, false
}

// pronoun resolves a personal or possessive pronoun: the nearest actor
// phrase before it in the sentence that heads a noun phrase, else the
// first subject actor of the previous sentence.
func (c *Coder) pronoun(sc *Scratch, h int) (actorRef, bool) {
	switch sc.low[h] {
	case "he", "she", "it", "they", "him", "her", "them", "his", "its", "their", "hers", "theirs", "we", "our", "us":
	default:
		return actorRef{}, false
	}
	// a person's pronoun is no country named alone ("Saakashvili says
	// Russia is fighting a war against his country": his is Saakashvili's,
	// "Putin said Ukraine had attacked him")
	person := false
	switch sc.low[h] {
	case "he", "she", "him", "her", "his", "hers":
		person = true
	}
	// the nearest subject before the pronoun, else the nearest phrase
	for pass := 0; pass < 2; pass++ {
		for i := len(sc.curAnte) - 1; i >= 0; i-- {
			a := sc.curAnte[i]
			if a.last >= h || pass == 0 && !strings.HasPrefix(sc.s.Words[a.head].Deprel, "nsubj") {
				continue
			}
			if person && len(a.code) == 3 && a.agent < 0 && !c.opt.Literal {
				continue
			}
			if sc.coSubject(a.head, h) {
				continue
			}
			a.ante = a.head + 1
			a.head, a.first, a.last = h, h, h
			if sc.tr != nil {
				sc.trace("pronoun %q at word %d → %s", sc.low[h], h+1, a.code)
			}
			return a, true
		}
	}
	// the previous sentence's subject, else its other phrases; an object
	// pronoun not the actor its own clause's subject names ("The ICC
	// issued a warrant for Putin. The court accused him": him = Putin)
	//
	// The subject of an act is who acted in the sentence before, not who
	// told of it ("Police say insurgents stormed the compound. They set
	// fire to the police headquarters": the insurgents; "Officials said
	// rebels attacked the town. They burned the market"); the subject of a
	// speech verb the speaker ("Police say ... . They said ...").
	subj := c.clauseSubjectCode(sc, h)
	speech := c.subjectOfSpeech(sc, h)
	for pass := 0; pass < 2; pass++ {
		for i, a := range sc.prevAnte {
			if inSpeech := i >= sc.prevSpeech[0] && i < sc.prevSpeech[1]; speech && inSpeech != (pass == 0) || !speech && pass == 1 {
				continue
			}
			if subj != "" && a.code == subj {
				continue
			}
			a.head, a.first, a.last, a.ante = h, h, h, 0
			if sc.tr != nil {
				sc.trace("pronoun %q at word %d → %s (previous sentence)", sc.low[h], h+1, a.code)
			}
			return a, true
		}
	}
	return actorRef{}, false
}

// clauseSubjectCode returns the code of the subject of the clause of which
// object pronoun h is the object or indirect object (of its verb, or of the
// verb that verb is coordinated with), "" for none.
func (c *Coder) clauseSubjectCode(sc *Scratch, h int) string {
	switch sc.low[h] {
	case "him", "her", "them", "us":
	default:
		return ""
	}
	if d := sc.s.Words[h].Deprel; d != "obj" && d != "iobj" {
		return ""
	}
	for v, d := sc.head(h), 0; v >= 0 && d < 2; v, d = sc.head(v), d+1 {
		for _, k := range sc.children(v) {
			if strings.HasPrefix(sc.s.Words[k].Deprel, "nsubj") && sc.s.Words[k].UPOS != "PRON" {
				if r, ok := c.nounCode(sc, k); ok {
					return r.code
				}
				return ""
			}
		}
		if sc.rel(v) != "conj" {
			break
		}
	}
	return ""
}

// antecedents collects the coded noun phrases of the sentence in order, for
// pronouns later in it and in the next sentence (subjects first).
func (c *Coder) antecedents(sc *Scratch) {
	sc.curAnte = sc.curAnte[:0]
	for i := range sc.s.Words {
		if sc.actorAt[i] < 0 && sc.agentAt[i] < 0 {
			continue
		}
		// the head of the phrase this word belongs to
		h := i
		for d := 0; d < 8; d++ { // bounded: malformed trees may have cycles
			hh := sc.head(h)
			if hh < 0 || !modifierRel(sc.s.Words[h].Deprel) {
				break
			}
			h = hh
		}
		if h != i && (sc.actorAt[h] >= 0 || sc.agentAt[h] >= 0) && h < i {
			continue
		}
		if r, ok := c.nounCode(sc, h); ok {
			dup := false
			for _, a := range sc.curAnte {
				if a.head == r.head {
					dup = true
				}
			}
			if !dup {
				sc.curAnte = append(sc.curAnte, r)
			}
		}
	}
}

// endSentence keeps this sentence's antecedents for the next one: subject
// actors first, those of acts before those of speech verbs (the speakers,
// sc.prevSpeech), then the other phrases.
func (c *Coder) endSentence(sc *Scratch) {
	sc.prevAnte = sc.prevAnte[:0]
	for pass := 0; pass < 3; pass++ {
		if pass == 1 {
			sc.prevSpeech[0] = len(sc.prevAnte)
		}
		for _, a := range sc.curAnte {
			subj := strings.HasPrefix(sc.s.Words[a.head].Deprel, "nsubj")
			speaker := subj && c.subjectOfSpeech(sc, a.head)
			if pass == 0 && subj && !speaker || pass == 1 && speaker || pass == 2 && !subj {
				sc.prevAnte = append(sc.prevAnte, a)
			}
		}
		if pass == 1 {
			sc.prevSpeech[1] = len(sc.prevAnte)
		}
	}
}

// subjectOfSpeech reports whether word k is the subject of a speech verb.
func (c *Coder) subjectOfSpeech(sc *Scratch, k int) bool {
	h := sc.head(k)
	return h >= 0 && strings.HasPrefix(sc.s.Words[k].Deprel, "nsubj") && c.isSpeech(sc, h)
}

// sentenceDiscard reports whether a discard phrase occurs in the sentence;
// story selects story-level (true) or sentence-level (false) phrases.
func (c *Coder) discarded(sc *Scratch, story bool) bool {
	for i := range sc.low {
		for _, r := range c.startsOf(sc, i).Discards() {
			d := &c.set.Discards[r.Entry]
			if n := sc.phraseAt(d.Phrase, i); d.Story == story && n > 0 && !(c.opt.Literal && !c.opt.Petrarch1 && sc.gluedPunct(i+n)) {
				sc.discardRule = d.Origin.String()
				return true
			}
		}
	}
	return false
}

// gluedPunct reports whether word k is punctuation written against the word
// before it (a comma, a full stop, a closing quote). PETRARCH-2 matches
// discard phrases against the text split at spaces, where such a mark is
// part of the word: "killed three years ago, a senior officer said" holds
// no "YEARS AGO" for it, nor "it happened weeks ago." "WEEKS AGO"; in the
// PETRARCH-2 reading (Options.Literal without Petrarch1, whose coder found
// phrases anywhere in the text) a discard phrase so followed does not
// match.
func (sc *Scratch) gluedPunct(k int) bool {
	if k <= 0 || k >= len(sc.low) || sc.s.Words[k].UPOS != "PUNCT" {
		return false
	}
	switch sc.low[k] {
	case ",", ".", ";", ":", "!", "?", ")", "'", "\"", "''", "'s":
		return true
	}
	return false
}

func (c *Coder) storyDiscard(sc *Scratch, s *nlp.Sentence) bool {
	if len(s.Words) == 0 || !c.storyDiscards {
		return false // nothing to find: no sentence read (the built-in set has none)
	}
	sc.prepare(s)
	return c.discarded(sc, true)
}

// appendSplit appends r; with Options.Petrarch1 a code written "FRO/BIL/SAM"
// becomes one actor per code, as PETRARCH-1 codes it.
func (c *Coder) appendSplit(out []actorRef, r actorRef) []actorRef {
	if !c.opt.Petrarch1 || strings.IndexByte(r.code, '/') < 0 {
		return append(out, r)
	}
	code := r.code
	for code != "" {
		part := code
		if i := strings.IndexByte(code, '/'); i >= 0 {
			part, code = code[:i], code[i+1:]
		} else {
			code = ""
		}
		if part != "" {
			r.code = part
			out = append(out, r)
		}
	}
	return out
}

// hasConj reports whether word k has coordinated dependents.
func (sc *Scratch) hasConj(k int) bool {
	for _, j := range sc.children(k) {
		if sc.s.Words[j].Deprel == "conj" {
			return true
		}
	}
	return false
}

// combineAgents combines the country code with the agent of the head of the
// phrase and the other role nouns among the head's modifiers: suffix agents
// in word order ("Danish Islamist media" → DNK+MUS+MED), then prefix agents
// ("MSF Arnor diplomat" → NGO+ARN+GOV).
func (c *Coder) combineAgents(sc *Scratch, h, mod, agent int, country string) string {
	var mods, at [4]int
	n := 0
	var walk func(w, limit, depth int)
	walk = func(w, limit, depth int) {
		for _, k := range sc.children(w) {
			switch sc.s.Words[k].Deprel {
			case "compound", "amod", "flat":
			default:
				continue
			}
			if m := sc.agentAt[k]; m >= 0 && k < limit && n < len(mods) && sc.agents[m].entry != agent {
				mods[n], at[n] = sc.agents[m].entry, k
				n++
			} else if c.opt.Literal && depth < 3 && k < limit {
				// PETRARCH-2 gathers the agents of the whole noun phrase:
				// "an Islamic State target" (MUS on a modifier of a
				// modifier), "leaders of Egypt's Muslim Brotherhood"
				walk(k, limit, depth+1)
			}
		}
	}
	for pass, w := range [2]int{mod, h} { // the country word's modifiers, then the head's
		if w < 0 {
			continue
		}
		limit := min(h, w)
		if pass == 0 && c.opt.Literal && sc.actorAt[w] < 0 {
			// the modifiers of the noun that carries the country, also
			// after the head, in the PETRARCH reading: "the leaders of
			// Egypt's Muslim Brotherhood" is EGYOPPMUS; those of the
			// country's own name describe the country ("dissidents from
			// military-ruled Myanmar": MMROPP)
			limit = w
		}
		walk(w, limit, 0)
	}
	if n == 0 {
		return c.set.Agents[agent].Combine(country)
	}
	// the agents in the order they are combined: the modifiers, then the
	// head's agent; in the PETRARCH reading in the order of the words
	// ("exiled leaders of Egypt's Muslim Brotherhood": OPP, then MUS)
	order := make([]int, 0, n+1)
	pos := make([]int, 0, n+1)
	for i := 0; i < n; i++ {
		order, pos = append(order, mods[i]), append(pos, at[i])
	}
	order, pos = append(order, agent), append(pos, h)
	if c.opt.Literal {
		for i := 1; i < len(order); i++ {
			for j := i; j > 0 && pos[j] < pos[j-1]; j-- {
				order[j], order[j-1] = order[j-1], order[j]
				pos[j], pos[j-1] = pos[j-1], pos[j]
			}
		}
	}
	code := country
	for pass := 0; pass < 2; pass++ { // suffixes, then prefixes
		for _, a := range order {
			if prefix := c.set.Agents[a].Place == dict.AgentPrefix; prefix == (pass == 1) {
				code = c.set.Agents[a].Combine(code)
			}
		}
	}
	return code
}

// nextOfPhrase returns the actor mention inside the "from" or "of" phrase
// that follows noun h directly but hangs on h's verb (a misattachment), and
// that phrase's head; -1, -1 for none.
func (c *Coder) nextOfPhrase(sc *Scratch, h int) (int, int) {
	v := sc.head(h)
	if v < 0 || sc.rel(h) != "obj" && !strings.HasPrefix(sc.rel(h), "nsubj") {
		return -1, -1
	}
	for _, k := range sc.children(v) {
		if k <= h || sc.rel(k) != "obl" && sc.rel(k) != "nmod" {
			continue
		}
		if cs := sc.caseOf(k); cs != "from" && cs != "of" {
			continue
		}
		// the preposition comes right after the noun
		if p := h + 1; p >= len(sc.low) || !sc.preposition(p) || sc.head(p) != k {
			continue
		}
		if a := c.actorInside(sc, k, 0); a >= 0 {
			return a, k
		}
	}
	return -1, -1
}

// directActorsFirst orders the words ks with those that are actors
// themselves first, keeping their order otherwise; it returns a new slice.
func (sc *Scratch) directActorsFirst(ks []int) []int {
	out := make([]int, 0, len(ks))
	for _, k := range ks {
		if sc.actorAt[k] >= 0 {
			out = append(out, k)
		}
	}
	for _, k := range ks {
		if sc.actorAt[k] < 0 {
			out = append(out, k)
		}
	}
	return out
}

// modifierAgent returns the first word before h, among its compound and
// adjective modifiers and theirs, that holds an agent; -1 for none.
func (sc *Scratch) modifierAgent(h, depth int) int {
	for _, k := range sc.children(h) {
		switch sc.s.Words[k].Deprel {
		case "compound", "amod", "flat":
		default:
			continue
		}
		if k > h {
			continue
		}
		if sc.agentAt[k] >= 0 {
			return k
		}
		if depth < 3 {
			if j := sc.modifierAgent(k, depth+1); j >= 0 {
				return j
			}
		}
	}
	return -1
}

// insideModifier reports whether word k is a compound or adjective modifier
// of a later word of its noun phrase.
func (sc *Scratch) insideModifier(k int) bool {
	switch sc.s.Words[k].Deprel {
	case "compound", "amod":
		return sc.head(k) > k
	}
	return false
}

// coSubject reports whether word a is the subject of the clause whose
// object is the pronoun h ("Trump called Erdogan and urged him": "him" is
// not Trump): an object pronoun does not refer to its own clause's subject,
// which would be "himself"; a verb coordinated with a's verb shares a.
func (sc *Scratch) coSubject(a, h int) bool {
	switch sc.low[h] {
	case "him", "her", "them", "us":
	default:
		return false
	}
	if d := sc.s.Words[h].Deprel; d != "obj" && d != "iobj" || !strings.HasPrefix(sc.s.Words[a].Deprel, "nsubj") {
		return false
	}
	v, s := sc.head(h), sc.head(a)
	return v >= 0 && (v == s || sc.rel(v) == "conj" && sc.head(v) == s)
}

// nonStateBefore returns the word right before title word k that names a
// non-state armed or opposition role (rebel, militant, separatist,
// opposition), -1 for none: such a title is that role's, however the
// parser attached the word ("rebel commander Riek Machar" with "rebel"
// made a conjunct of the name before: REB, not MIL; "opposition leader").
func (c *Coder) nonStateBefore(sc *Scratch, k int) int {
	j := k - 1
	if j < 0 || c.opt.Literal || sc.agentAt[j] < 0 {
		return -1
	}
	switch c.set.Agents[sc.agents[sc.agentAt[j]].entry].Code {
	case "REB", "SEP", "INS", "UAF", "OPP", "RAD":
		return j
	}
	return -1
}

// titleAgent returns the first word with an agent among the name
// modifiers of word h (compound, amod, flat, nmod:desc), also a title
// hanging from the first name ("President/nmod:desc Mohamed/compound
// Bazoum"); -1 for none.
func (sc *Scratch) titleAgent(h, depth int) int {
	for _, k := range sc.children(h) {
		if d := sc.s.Words[k].Deprel; (d == "compound" || d == "amod" || d == "flat" || d == "nmod:desc") && sc.agentAt[k] >= 0 {
			return k
		}
	}
	if depth > 0 {
		return -1
	}
	for _, k := range sc.children(h) {
		if d := sc.s.Words[k].Deprel; (d == "compound" || d == "flat") && k < h && sc.s.Words[k].UPOS == "PROPN" {
			if a := sc.titleAgent(k, depth+1); a >= 0 {
				return a
			}
		}
	}
	return -1
}

// person reports whether actor a has dated roles, as the dictionaries give
// people ("Mohamed Bazoum = NERGOV 2021-04-02..2023-07-26, NER").
func person(a *dict.Actor) bool {
	for i := range a.Codes {
		if !a.Codes[i].Range.Unbounded() {
			return true
		}
	}
	return false
}

// addShortNames remembers, for the rest of the document, the first and the
// last word of the full name of person entry e at words first..last (when
// tagged as names): a later mention may use either alone ("Lai" for "Lai
// Ching-te", "Bazoum" for "Mohamed Bazoum").
func (sc *Scratch) addShortNames(e, first, last int) {
	for _, k := range [2]int{first, last} {
		if sc.s.Words[k].UPOS != "PROPN" || sc.shortName(sc.low[k]) >= 0 {
			continue
		}
		sc.shortNames = append(sc.shortNames, shortName{word: sc.low[k], entry: e})
	}
}

// shortName returns the person entry a single word names in this document,
// -1 for none.
func (sc *Scratch) shortName(w string) int {
	for i := len(sc.shortNames) - 1; i >= 0; i-- {
		if sc.shortNames[i].word == w {
			return sc.shortNames[i].entry
		}
	}
	return -1
}

// addTitled remembers, for the rest of the document, the name words of a
// person phrase headed by h that the dictionaries know only by its title
// (the code came from a role noun with a country: "US Defense Secretary
// Robert Gates" → USAGOV, "Israeli defense minister Ehud Barak" → ISRGOV):
// the first and the last word of the name (the last run of capitalised
// words in the phrase that are neither actor nor role words), so that a
// later "Gates" or "Barak" alone is the same actor. Names of dictionary
// actors have their own short names (addShortNames).
func (sc *Scratch) addTitled(h int, r actorRef) {
	if !sc.docOn || r.agent < 0 || strings.HasPrefix(r.code, dict.NullCode) || sc.actorAt[h] >= 0 {
		return
	}
	first, last := -1, -1
	end := r.last
	for end+1 < len(sc.s.Words) && sc.s.Words[end+1].UPOS == "PROPN" && sc.inSubtree(end+1, h) {
		end++ // the name after the title: "Israeli defense minister Ehud Barak"
	}
	for k := r.first; k <= end && k >= 0; k++ {
		name := sc.s.Words[k].UPOS == "PROPN" && sc.actorAt[k] < 0 && sc.agentAt[k] < 0
		switch {
		case name && last == k-1:
			last = k
		case name:
			first, last = k, k
		}
	}
	if first < 0 {
		// the name in apposition to the title: "Venezuela's foreign
		// minister, Jorge Arreaza, rejected ...", "the army's spokesman,
		// Brigadier Yahya Saree"
		for _, k := range sc.children(h) {
			if sc.s.Words[k].Deprel != "appos" || sc.s.Words[k].UPOS != "PROPN" || sc.actorAt[k] >= 0 || sc.agentAt[k] >= 0 {
				continue
			}
			first, last = k, k
			for _, j := range sc.children(k) {
				if d := sc.s.Words[j].Deprel; (d == "flat" || d == "compound") && sc.s.Words[j].UPOS == "PROPN" && sc.actorAt[j] < 0 && sc.agentAt[j] < 0 {
					first, last = min(first, j), max(last, j)
				}
			}
			break
		}
	}
	if first < 0 || last-first > 3 {
		return
	}
	sc.rememberTitled(first, last, r.code, "introduced with a title")
}

// rememberTitled records the first and last words of a person's name,
// first..last, as standing for code for the rest of the document (titledRef),
// unless they already stand for someone.
func (sc *Scratch) rememberTitled(first, last int, code, why string) {
	for _, k := range [2]int{first, last} {
		if _, ok := sc.titledRef(k); ok || sc.shortName(sc.low[k]) >= 0 {
			continue
		}
		sc.titled = append(sc.titled, titledName{word: sc.low[k], code: code})
		if sc.tr != nil {
			sc.trace("name %q at word %d: %s for the rest of the document (%s)", sc.low[k], k+1, code, why)
		}
	}
}

// apposAsConj reports whether word k, a conjunct of the name h, is its
// apposition misparsed: no conjunction, a determiner of its own, set off
// by a comma right after the name ("Jeff Rathke, the State Department
// spokesperson, said").
func (sc *Scratch) apposAsConj(h, k int) bool {
	ws := sc.s.Words
	if ws[k].Deprel != "conj" || ws[h].UPOS != "PROPN" || k < h || sc.hasCC(k) || !sc.hasDet(k) {
		return false
	}
	for i := h + 1; i < k; i++ {
		if ws[i].Form == "," {
			return true
		}
	}
	return false
}

// addAppositionTitle records, like addTitled, a person's name h whose
// apposition names their title ("Jeff Rathke, the State Department
// spokesperson,": Rathke is USAGOV for the rest of the document), when the
// name is no actor itself and the title has a role and a country.
func (sc *Scratch) addAppositionTitle(h int, r actorRef) {
	if !sc.docOn || r.agent < 0 || len(r.code) < 6 || strings.HasPrefix(r.code, dict.NullCode) ||
		sc.actorAt[h] >= 0 || sc.s.Words[h].UPOS != "PROPN" {
		return
	}
	first, last := h, h
	for _, k := range sc.children(h) {
		if d := sc.s.Words[k].Deprel; (d == "flat" || d == "flat:name" || d == "compound") && sc.s.Words[k].UPOS == "PROPN" && sc.actorAt[k] < 0 {
			first, last = min(first, k), max(last, k)
		}
	}
	sc.rememberTitled(first, last, r.code, "its apposition's title")
}

// titledRef returns the actor a lone name word h stands for when the
// document introduced the person with a coded title (addTitled); the tagger
// may take a name at the start of a sentence for a noun ("Gates/NOUN said").
func (sc *Scratch) titledRef(h int) (actorRef, bool) {
	if !sc.docOn || len(sc.titled) == 0 || sc.actorAt[h] >= 0 || sc.agentAt[h] >= 0 {
		return actorRef{}, false
	}
	if !sc.nameLike(h) {
		return actorRef{}, false
	}
	for i := len(sc.titled) - 1; i >= 0; i-- {
		if sc.titled[i].word == sc.low[h] {
			if sc.tr != nil {
				sc.trace("pronoun %q at word %d → %s (a person introduced with a title, document entity)", sc.low[h], h+1, sc.titled[i].code)
			}
			return actorRef{code: sc.titled[i].code, first: h, last: h, head: h, actor: -1, agent: -1, mod: -1}, true
		}
	}
	return actorRef{}, false
}

// nameLike reports whether word i may be a person's name: a proper noun, or
// a capitalised noun (the tagger takes a surname that opens a sentence for
// a noun: "Gates/NOUN said"); only names the document introduced are looked
// up with it.
func (sc *Scratch) nameLike(i int) bool {
	w := &sc.s.Words[i]
	return w.UPOS == "PROPN" || w.UPOS == "NOUN" && w.Form != "" && w.Form[0] >= 'A' && w.Form[0] <= 'Z'
}
