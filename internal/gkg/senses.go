package gkg

import "github.com/eventwire/eventwire/internal/nlp"

// Sense guards: a theme word used in another sense matches no theme.

// figurativeObjects are the objects that make "kill" figurative: "the
// veto killed hope of a deal", "the senators killed the bill", "the row
// killed the talks", "a leak killed the plan".
var figurativeObjects = wordSet(`hope hopes chance chances deal bill plan plans idea proposal proposals talks momentum
mood dream dreams project story joke buzz process agreement bid measure reform legislation amendment
prospect prospects initiative motion offer negotiation negotiations time engine appetite demand growth rally`)

// strikeAttacks are the modifiers that make "strike" an attack, not a
// walk-out: "air strike", "drone strikes", "a missile strike", "military
// strikes", "a retaliatory strike".
var strikeAttacks = wordSet(`air drone missile military rocket retaliatory preemptive pre-emptive precision nuclear
artillery israeli us u.s. american russian coalition surgical naval aerial`)

// problemNouns are what a resolution resolves when it is no text voted on:
// "a resolution to the stalemate", "the resolution of the conflict".
var problemNouns = wordSet(`stalemate conflict crisis dispute disputes standoff stand-off impasse deadlock issue
issues problem problems situation war tension tensions case matter row fighting violence question`)

// resolvingAdjectives make a resolution a settlement: "a peaceful
// resolution", "a diplomatic resolution", "a swift resolution".
var resolvingAdjectives = wordSet(`peaceful diplomatic political swift quick speedy negotiated fair lasting
amicable satisfactory final`)

// otherSense reports whether word i of s, matched by a rule of theme, is
// used in another sense there.
func (sc *Scratch) otherSense(theme string, s *nlp.Sentence, i int) bool {
	w := &s.Words[i]
	switch {
	case theme == "KILL" && w.Lemma == "kill":
		// "killed hope", "killed the bill": the object is no living thing
		for m := range s.Words {
			if s.Words[m].Head == i+1 && s.Words[m].Deprel == "obj" {
				return figurativeObjects[string(sc.lw(m))] || figurativeObjects[s.Words[m].Lemma]
			}
		}
		// "hope was killed": the passive subject
		for m := range s.Words {
			if s.Words[m].Head == i+1 && s.Words[m].Deprel == "nsubj:pass" {
				return figurativeObjects[string(sc.lw(m))] || figurativeObjects[s.Words[m].Lemma]
			}
		}
	case theme == "PROTEST" && w.Lemma == "strike":
		// jets "struck" targets: the verb is an attack; an "air strike" too
		if w.UPOS == "VERB" {
			return true
		}
		for m := range s.Words {
			if s.Words[m].Head == i+1 && (s.Words[m].Deprel == "compound" || s.Words[m].Deprel == "amod") &&
				strikeAttacks[string(sc.lw(m))] {
				return true
			}
		}
		if i > 0 && strikeAttacks[string(sc.lw(i-1))] {
			return true
		}
	case theme == "LEGISLATION" && (w.Lemma == "resolution" || string(sc.lw(i)) == "resolution"):
		for m := range s.Words {
			d := &s.Words[m]
			if d.Head != i+1 {
				continue
			}
			if d.Deprel == "amod" && resolvingAdjectives[string(sc.lw(m))] {
				return true
			}
			if (d.Deprel == "nmod" || d.Deprel == "obl") && (problemNouns[string(sc.lw(m))] || problemNouns[d.Lemma]) {
				return true
			}
		}
		// a misparse: "resolution to the stalemate" with the noun attached
		// elsewhere
		for m := i + 1; m < len(s.Words) && m <= i+3; m++ {
			l := string(sc.lw(m))
			if problemNouns[l] && (string(sc.lw(i+1)) == "to" || string(sc.lw(i+1)) == "of") {
				return true
			}
		}
	}
	return false
}
