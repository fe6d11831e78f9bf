// Classes of CAMEO codes the coder treats alike.

package coder

import (
	"strings"

	"github.com/eventwire/eventwire/internal/dict"
)

// objectWords reports whether pattern p names its object by a word class
// ("obj=missile|rocket"): the object is what the act uses or makes, not a
// thing it falls on.
func objectWords(p *dict.Pattern) bool {
	for i := range p.Slots {
		if sl := &p.Slots[i]; sl.Rel == "obj" && len(sl.Words) > 0 {
			return true
		}
	}
	return false
}

// subjectThing reports whether pattern p names its subject by a word
// class ("nsubj=&explosive"): the subject is a thing, not an actor.
func subjectThing(p *dict.Pattern) bool {
	for i := range p.Slots {
		if sl := &p.Slots[i]; sl.Rel == "nsubj" && len(sl.Words) > 0 {
			return true
		}
	}
	return false
}

// frameCase reports whether preposition c opens a time frame of a clause,
// which says when it happened, not to whom ("before" is also a place:
// "disarmed before Colombian officials"): "After talks with Putin, Macron
// said ...", "Following a meeting with Barak, Gates said ...", "during
// his visit to China"; and the framework it was done in ("freed dozens of
// prisoners under a deal with the Vatican", "under pressure from
// Washington").
func frameCase(c string) bool {
	switch c {
	case "after", "following", "during", "since", "ahead", "prior", "amid", "under":
		return true
	}
	return false
}

// mutualCode reports whether an act done by a list of actors with no
// target is done by them to each other: meetings, agreements, ties and
// cooperation, truces and fighting (CAMEO roots 03–06, 087 and 19: "Gondor and
// Osgiliath renewed ties", "Arnor and Rohan clashed"); statements, appeals,
// demands, protests and the like are done together ("Germany and France
// confirmed that the talks would continue", "Greece and Cyprus protested
// the decision": no event between them).
func mutualCode(code string) bool {
	if len(code) < 2 {
		return false
	}
	switch code[:2] {
	case "03", "04", "05", "06", "19":
		return true
	}
	// a truce or de-escalation agreed by two sides is between them: "the
	// army and the rebels agreed to a ceasefire", "both sides declared a truce"
	return strings.HasPrefix(code, "087")
}

// multilateral reports whether the parties of a mutual act are more than
// three different actors: a multilateral gathering or agreement rather than
// a dyad (emit.go).
func multilateral(parties []actorRef) bool {
	if len(parties) <= 3 {
		return false
	}
	distinct := 0
	for i, a := range parties {
		seen := false
		for _, b := range parties[:i] {
			if b.code == a.code {
				seen = true
				break
			}
		}
		if !seen {
			distinct++
		}
	}
	return distinct > 3
}

func locative(prep string) bool {
	switch prep {
	case "in", "at", "near", "inside", "within":
		return true
	}
	return false
}

// countryCode reports whether code is a bare three-letter code.
func countryCode(code string) bool {
	if len(code) != 3 {
		return false
	}
	for i := 0; i < 3; i++ {
		if code[i] < 'A' || code[i] > 'Z' {
			return false
		}
	}
	return code != "IGO" && code != "NGO" && code != "MNC"
}

// venueCode reports whether code is a meeting (consult 040, by telephone
// 041, at a third location 044, negotiations 046: "peace talks in
// Havana"), also when stated as an intent: acts held
// somewhere, whose place is their venue rather than a party (a visit, a
// mediation, an agreement or aid "in Syria" is to or about Syria).
func venueCode(code string) bool {
	switch code {
	case "040", "041", "044", "046":
		return true
	}
	// a protest's place is where it is held, not whom it is against
	// ("protested in Yerevan", "rallied at the parliament in Tbilisi")
	return strings.HasPrefix(code, "14")
}

// mediation reports whether code is CAMEO's mediate (045) or the intent to
// mediate (039).
func mediation(code string) bool { return code == "045" || code == "039" }

// ForceOnThing reports whether an act of code is force that can fall on a
// thing, whose people are then its target: assault, fighting, mass violence
// (roots 18-20) and seizing or destroying property (171x). The coder gives
// such acts on a thing an implied ---CVL target (impliedTarget);
// internal/analyze gives it the country of the act's place.
func ForceOnThing(code string) bool { return violentCode(code) || strings.HasPrefix(code, "171") }

// violentCode reports whether code is of CAMEO's roots 18 (assault), 19
// (fight) or 20 (mass violence).
func violentCode(code string) bool {
	return len(code) >= 2 && (code[0] == '1' && (code[1] == '8' || code[1] == '9') || code[0] == '2' && code[1] == '0')
}

// judgingCode reports whether code judges another's act: disapproval,
// accusation and rejection (roots 11 and 12) and protest (14), whose
// target is who did the act ("condemned the Israeli strike on Gaza": ISR),
// never its victims ("condemned the attack on the Egyptian embassy": no one
// named; "protested against the killing of a young woman": the protesters'
// government by convention).
func judgingCode(code string) bool {
	return strings.HasPrefix(code, "11") || strings.HasPrefix(code, "12") || strings.HasPrefix(code, "14")
}
