package depparse

import "github.com/eventwire/eventwire/internal/nlp"

// reroot repairs one kind of tree the transition system builds: a noun or
// adjective made the root of a clause whose finite verb hangs below it as a
// modifier or a second clause. "Syrian Prime Minister al-Otari denied
// arming Hezbollah" comes out with "Syrian" as the root and "denied" as its
// advcl; "The World Health Organisation (WHO) recommends that ..." with
// "recommends" as a relative clause of "Organisation". A clause's root is its
// verb: when the root is a noun, proper noun, adjective or number with no
// subject, copula or auxiliary of its own, its first finite verb dependent
// to its right that no subordinator or relative pronoun introduces becomes
// the root, and the old root its subject. When the verb has a subject of
// its own, the old root is its oblique if it has a preposition (a fronted
// phrase: "In July 1942 the Japanese occupied the camps"), or a modifier of
// the word after it if it is a capitalised adjective opening the subject;
// below any other root such a verb is a clause the noun phrase holds ("The
// one time I booked through an agent") and stays, and so does a verb after
// a comma without a subject, a reduced comment ("Great repair store, highly
// recommended"). The other dependents of the old root
// after the verb, and its punctuation, move to the verb. Words are indexed
// from 0; heads are 1-based as in nlp.Word.
func reroot(s *nlp.Sentence) {
	ws := s.Words
	r := -1
	for i := range ws {
		if ws[i].Head == 0 {
			r = i
			break
		}
	}
	if r < 0 {
		return
	}
	switch ws[r].UPOS {
	case "NOUN", "PROPN", "ADJ", "NUM":
	default:
		return
	}
	v := -1
	hasCase := false
	for i := range ws {
		if ws[i].Head != r+1 {
			continue
		}
		switch baseLabel(ws[i].Deprel) {
		case "cop", "nsubj", "csubj", "expl", "aux":
			return
		case "case":
			hasCase = true
		case "advcl", "parataxis", "acl", "dep", "ccomp", "appos":
			if v < 0 && i > r && ws[i].UPOS == "VERB" && finiteClause(ws, i) {
				v = i
			}
		}
	}
	if v < 0 {
		return
	}
	subj := -1
	pass := false
	for i := range ws {
		if ws[i].Head != v+1 {
			continue
		}
		switch ws[i].Deprel {
		case "nsubj", "nsubj:pass":
			subj = i
		case "aux:pass":
			pass = true
		}
	}
	rel := ""
	switch {
	case subj >= 0 && hasCase:
		// a fronted phrase of a preposition: "In an apparently unrelated
		// incident, eleven Iraqis were killed", "In July 1942 the
		// Japanese occupied the camps"
		rel = "obl"
	case subj >= 0 && ws[r].UPOS == "ADJ" && capitalised(ws[r].Form) && r+1 < subj && capitalised(ws[r+1].Form):
		// a country adjective opening the subject: "Syrian Prime
		// Minister al-Otari denied ..."
		rel = "amod"
	case subj >= 0:
		// a clause the noun phrase holds ("The one time I booked
		// through an agent", "Glad I called")
		return
	case hasCase || !plainBetween(ws, r, v):
		// "Great repair store, highly recommended", "sorry for not
		// sending it (totally forgot to open my outlook)"
		return
	case pass:
		rel = "nsubj:pass"
	default:
		rel = "nsubj"
	}
	ws[v].Head, ws[v].Deprel = 0, "root"
	if rel == "amod" {
		ws[r].Head, ws[r].Deprel = r+2, rel
	} else {
		ws[r].Head, ws[r].Deprel = v+1, rel
	}
	for i := range ws {
		if ws[i].Head == r+1 && (i > v || ws[i].Deprel == "punct" && i > r) {
			ws[i].Head = v + 1
		}
	}
}

// plainBetween reports whether no comma and no unclosed parenthesis stand
// between words r and v.
func plainBetween(ws []nlp.Word, r, v int) bool {
	open := 0
	for i := r + 1; i < v; i++ {
		switch ws[i].Form {
		case ",", ";", ":":
			return false
		case "(":
			open++
		case ")":
			open--
		}
	}
	return open <= 0
}

// finiteClause reports whether verb v (0-based) heads a finite clause of
// its own that no subordinator or relative pronoun introduces.
func finiteClause(ws []nlp.Word, v int) bool {
	finite := false
	switch ws[v].XPOS {
	case "VBD", "VBZ", "VBP":
		finite = true
	}
	for i := range ws {
		if ws[i].Head != v+1 {
			continue
		}
		switch ws[i].Deprel {
		case "mark":
			return false
		case "aux", "aux:pass":
			switch ws[i].XPOS {
			case "MD", "VBD", "VBZ", "VBP":
				finite = true
			}
		case "nsubj", "nsubj:pass":
			switch ws[i].Lemma {
			case "which", "who", "that", "whom", "what":
				return false
			}
		}
	}
	return finite
}

// capitalised reports whether a word form starts with an upper-case ASCII
// letter.
func capitalised(f string) bool { return f != "" && f[0] >= 'A' && f[0] <= 'Z' }

// baseLabel returns a dependency label without its subtype.
func baseLabel(d string) string {
	for i := 0; i < len(d); i++ {
		if d[i] == ':' {
			return d[:i]
		}
	}
	return d
}
