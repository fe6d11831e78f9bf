package timex

import (
	"strings"

	"github.com/eventwire/eventwire/internal/nlp"
)

// futureHeads are words whose complement clause lies in the future: "plans
// to meet on Saturday", "is expected to arrive", "is going to".
var futureHeads = map[string]bool{
	"plan": true, "expect": true, "schedule": true, "intend": true, "set": true, "due": true, "hope": true,
	"aim": true, "seek": true, "prepare": true, "promise": true, "pledge": true, "vow": true, "threaten": true,
	"likely": true, "poised": true, "slate": true, "agree": true, "decide": true, "call": true, "urge": true,
	"ask": true, "invite": true,
}

// clauseDirection returns the tense of the clause holding words first..last
// (0-based) of s. With tags and a tree, it reads the predicate the words
// depend on: a modal "will"/"shall"/"would" auxiliary or a complement of a
// verb of planning or appeal is future; a past-tense verb or auxiliary
// (was, had, did, has) is past. Without them it scans the sentence's forms.
// buf is scratch space.
func clauseDirection(s *nlp.Sentence, first, last int, buf *[]byte) direction {
	if len(s.Words) == 0 {
		return dirUnknown
	}
	if parsed(s) && s.Words[0].UPOS != "" {
		if first >= len(s.Words) {
			first = len(s.Words) - 1
		}
		if last >= len(s.Words) || last < first {
			last = first
		}
		p := spanHead(s, first, last)
		for steps := 0; steps <= len(s.Words); steps++ {
			h := head(s, p)
			if h < 0 || (p != spanHead(s, first, last) && isPredicate(s, p) && s.Words[p].UPOS != "") {
				break
			}
			p = h
		}
		return predicateDirection(s, p)
	}
	return scanDirection(s, first, last, buf)
}

// predicateDirection returns the tense of the clause headed by word p.
func predicateDirection(s *nlp.Sentence, p int) direction {
	w := &s.Words[p]
	progressive := false
	past := false
	for i := range s.Words {
		c := &s.Words[i]
		if c.Head != p+1 {
			continue
		}
		r := baseRel(c.Deprel)
		if r != "aux" && r != "cop" {
			continue
		}
		switch strings.ToLower(c.Form) {
		case "will", "shall", "'ll", "wo", "would", "'d":
			return dirFuture
		case "was", "were", "had", "did", "has", "have", "'ve":
			past = true
		case "is", "are", "am", "'s", "'re", "'m":
			if w.XPOS == "VBG" {
				progressive = true
			}
		}
	}
	if past {
		return dirPast
	}
	if baseRel(w.Deprel) == "xcomp" {
		if h := head(s, p); h >= 0 {
			hw := &s.Words[h]
			if strings.EqualFold(hw.Form, "going") || hasLemma(hw, futureHeads) {
				return dirFuture
			}
			return predicateDirection(s, h)
		}
	}
	if w.XPOS == "VBD" || w.Feat("Tense") == "Past" && w.Feat("VerbForm") == "Fin" {
		return dirPast
	}
	if progressive {
		return dirFuture
	}
	return dirUnknown
}

// scanDirection guesses the tense of an untagged sentence from the forms
// nearest to words first..last: a future marker (will, shall, scheduled,
// plans...) or a past one (was, had, said, -ed verbs); the nearest wins, the
// left one on a tie.
func scanDirection(s *nlp.Sentence, first, last int, buf *[]byte) direction {
	d, dist := dirUnknown, len(s.Words)+1
	for i := range s.Words {
		if i >= first && i <= last {
			continue
		}
		form := s.Words[i].Form
		b := (*buf)[:0]
		for k := 0; k < len(form); k++ {
			c := form[k]
			if c >= 'A' && c <= 'Z' {
				c += 'a' - 'A'
			}
			b = append(b, c)
		}
		*buf = b
		m := dirUnknown
		switch {
		case futureForms[string(b)]:
			if string(b) == "going" && (i+1 >= len(s.Words) || !strings.EqualFold(s.Words[i+1].Form, "to")) {
				continue
			}
			m = dirFuture
		case pastForms[string(b)] || len(b) > 4 && b[len(b)-2] == 'e' && b[len(b)-1] == 'd' && i > 0:
			// "will be held", "to be signed" are not past.
			if i > 0 && (strings.EqualFold(s.Words[i-1].Form, "be") || strings.EqualFold(s.Words[i-1].Form, "to")) {
				continue
			}
			m = dirPast
		default:
			continue
		}
		k := first - i
		if i > last {
			k = i - last
		}
		if k < dist {
			d, dist = m, k
		}
	}
	return d
}
