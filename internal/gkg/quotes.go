package gkg

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/eventwire/eventwire/internal/event"
	"github.com/eventwire/eventwire/internal/nlp"
)

// Quotation limits: a quoted span shorter than minQuoteWords words is a
// scare quote or a title ("cradle of democracy") unless a speech verb
// introduces it; one longer than maxQuoteBytes is a pairing error.
const (
	minQuoteWords = 5
	maxQuoteBytes = 4000
)

// documentNouns are speakers that speak for someone else ("the statement
// states...").
var documentNouns = wordSet(`statement report resolution letter declaration communique communiqué appeal message
release document text`)

// quoteSpan is a quoted span [start, end) of the document text.
type quoteSpan struct{ start, end int }

// findQuotes pairs quotation marks in text. Curly marks say their
// direction; a straight double quote opens when it follows a space, a line
// break, an opening bracket or the start of the text, and closes otherwise.
// A closing mark without an open quote is ignored (a stray mark), and an
// opening mark inside an open quote restarts it.
func findQuotes(text string) []quoteSpan {
	var out []quoteSpan
	open := -1
	for i := 0; i < len(text); {
		r, n := utf8.DecodeRuneInString(text[i:])
		opening := false
		switch r {
		case '"':
			opening = i == 0 || strings.IndexByte(" \t\n\r([{", text[i-1]) >= 0
		case '“':
			opening = true
		case '”':
		default:
			i += n
			continue
		}
		if opening {
			open = i + n
		} else if open >= 0 {
			out = append(out, quoteSpan{open, i})
			open = -1
		}
		i += n
	}
	return out
}

// quotations finds the quoted spans with their introducing verb and
// speaker.
func (x *Extractor) quotations(sc *Scratch, d *nlp.Document, evs []event.Event, r *Record) {
	prevEnd, prevSpeaker, prevActor := -1, "", "" // the last attributed quotation
	for _, q := range findQuotes(d.Text) {
		if q.end-q.start > maxQuoteBytes || q.end <= q.start {
			continue
		}
		quote := strings.TrimSpace(d.Text[q.start:q.end])
		if quote == "" {
			continue
		}
		// The introducing verb: a speech verb outside the quote in the
		// sentence where it opens, else where it closes.
		k, v := -1, -1
		for _, at := range [2]int{q.start, q.end} {
			sk := sentenceAt(d, at)
			if sk < 0 {
				continue
			}
			if vi := speechVerb(&d.Sentences[sk], q); vi >= 0 {
				k, v = sk, vi
				break
			}
		}
		// A labelling verb before a short quote quotes a label, not words
		// said: `France calls itself the "cradle of democracy"`, `has
		// called the plan "reckless"`.
		if v >= 0 && labellingVerbs[d.Sentences[k].Words[v].Lemma] && len(strings.Fields(quote)) < minQuoteWords {
			k, v = -1, -1
		}
		// "..., according to X": X speaks.
		acc, aa, ab := -1, 0, 0
		if v < 0 {
			for _, at := range [2]int{q.start, q.end} {
				if sk := sentenceAt(d, at); sk >= 0 {
					if a, b, ok := accordingTo(&d.Sentences[sk], q); ok {
						acc, aa, ab = sk, a, b
						break
					}
				}
			}
		}
		// A quote opening its sentence after one whose speech verb has
		// no quote of its own ("Heald noted the findings show ... .
		// "An air-quality cleanup ...""), in the same paragraph or
		// after a colon: that verb introduces it.
		if v < 0 && acc < 0 {
			if pk, pv := introducedBefore(d, q); pv >= 0 {
				k, v = pk, pv
			}
		}
		da, db, dash := 0, 0, false
		if v < 0 && acc < 0 {
			da, db, dash = dashSpeaker(d.Text, q)
		}
		if v < 0 && acc < 0 && !dash && len(strings.Fields(quote)) < minQuoteWords {
			continue
		}
		qt := Quotation{Offset: q.start, Length: q.end - q.start, Quote: quote}
		if dash {
			// `"..." - Matthew Ingram`: the name after the dash speaks.
			qt.Speaker = entityIn(r.Entities, da, db, d.Text[da:db], -1)
			qt.Actor = speakerActor(evs, r.Entities, da, db)
		}
		if acc >= 0 {
			s := &d.Sentences[acc]
			qt.Verb = "according to"
			qt.Speaker = spanText(d, s, aa, ab)
			start, end := s.Words[aa].Start, s.Words[ab].End
			qt.Speaker = entityIn(r.Entities, start, end, qt.Speaker, -1)
			if e := documentSource(s, headOf(s, aa, ab), r.Entities); e != nil {
				// "according to a statement released by the MDC"
				qt.Speaker, start, end = e.Canonical, e.Start, e.End
			}
			qt.Actor = speakerActor(evs, r.Entities, start, end)
		}
		if v >= 0 {
			s := &d.Sentences[k]
			qt.Verb = s.Words[v].Form
			a, b, ok := trimPunct(s)(speakerSpan(s, participleHead(s, v, q), q))
			if oa, ob, qok := quotedAsSaying(s, v, q); qok {
				// "The report quoted Defence Minister Ali Ahmed as saying"
				a, b, ok = oa, ob, true
			}
			if ok {
				qt.Speaker = spanText(d, s, a, b)
				start, end := s.Words[a].Start, s.Words[b].End
				ss := s // the sentence of the speaker's words a..b
				if documentNouns[strings.ToLower(s.Words[headOf(s, a, b)].Lemma)] {
					if j, ba, bb, ok := onBehalf(d, k, s.Words[headOf(s, a, b)].Lemma); ok {
						ss, a, b = &d.Sentences[j], ba, bb
						qt.Speaker, start, end = spanText(d, ss, a, b), ss.Words[a].Start, ss.Words[b].End
					}
				}
				if p := strings.ToLower(qt.Speaker); p == "he" || p == "she" || p == "they" || p == "it" {
					// The person (organisation for "it" and "they")
					// the pronoun stands for (antecedent).
					want := Person
					if p == "it" || p == "they" {
						want = Organization
					}
					qt.Speaker = ""
					if e := antecedent(d, r.Entities, want, start, quote); e != nil {
						qt.Speaker, start, end = e.Canonical, e.Start, e.End
						ss = nil
					}
				} else if ss != nil {
					// The person or organisation named in the subject
					// ("Hamas spokesman Abu Obeida" → "Abu Obeida");
					// else the subject when it is a noun phrase, not a
					// clause.
					h := &ss.Words[headOf(ss, a, b)]
					if na, nb, ok := innerApposition(ss, a, b); ok {
						// "Jane Doe's lawyer, Peter Hall, told": the role's
						// holder, not its possessor
						a, b = na, nb
						start, end = ss.Words[a].Start, ss.Words[b].End
						qt.Speaker, h = spanText(d, ss, a, b), &ss.Words[b]
					} else if ss == s && b < v {
						if na, nb, ok := roleApposition(ss, a, b, v); ok {
							// "the mayor of Tuzla, Amir Kovac, told"
							a, b = na, nb
							start, end = ss.Words[a].Start, ss.Words[b].End
							qt.Speaker, h = spanText(d, ss, a, b), &ss.Words[b]
						}
					}
					n := entityIn(r.Entities, start, end, "", h.End)
					e := (*Entity)(nil)
					if n == "" {
						e = definiteOrg(ss, a, b, r.Entities)
					}
					if n == "" && e == nil {
						e = definitePerson(d, ss, a, b, r.Entities)
					}
					if n == "" && e == nil {
						e = documentSource(ss, headOf(ss, a, b), r.Entities)
					}
					if n == "" && e == nil {
						e = genericOrg(d, ss, a, b, r.Entities)
					}
					switch {
					case n != "":
						qt.Speaker = n
					case e != nil:
						// "the ministry" after "the Ministry of Health"
						qt.Speaker, start, end, ss = e.Canonical, e.Start, e.End, nil
						if e.Type == OtherName {
							// "the company said" after "Toyota said": an
							// organisation wherever named
							for i := range r.Entities {
								if o := &r.Entities[i]; o.Type == OtherName && o.Canonical == qt.Speaker {
									o.Type, o.Why = Organization, "described"
								}
							}
						}
					case clause(ss, a, b):
						// a subject with an apposition ("Khaled Ali,
						// editor at large at the Daily Gazette"): the
						// words before its first comma; the name after
						// it when they are a role ("The director of the
						// city hospital, Amina Yusuf,")
						qt.Speaker = ""
						// "a woman named Fatima", "a man called Abu
						// Omar": the name is who speaks
						for c := a + 1; c < b; c++ {
							if l := strings.ToLower(ss.Words[c].Form); (l == "named" || l == "called") && !capitalised(ss.Words[c-1].Form) {
								if na, nb, ok := properRun(ss, c+1, b); ok || c+1 == b && ss.Words[b].UPOS == "PROPN" {
									if !ok {
										na, nb = b, b
									}
									qt.Speaker = spanText(d, ss, na, nb)
									start, end = ss.Words[na].Start, ss.Words[nb].End
								}
								break
							}
						}
						for c := a + 1; c < b && qt.Speaker == ""; c++ {
							if ss.Words[c].Form == "," {
								if na, nb, ok := properRun(ss, c+1, b); ok {
									qt.Speaker = spanText(d, ss, na, nb)
									start, end = ss.Words[na].Start, ss.Words[nb].End
								} else if !clause(ss, a, c-1) {
									qt.Speaker = spanText(d, ss, a, c-1)
									end = ss.Words[c-1].End
								}
								break
							}
						}
					}
				}
				qt.Actor = speakerActor(evs, r.Entities, start, end)
				if qt.Actor == "" && ss != nil && !strings.EqualFold(qt.Speaker, "he") {
					sc.lowerSentence(ss)
					qt.Actor = x.agentCode(sc, ss, a, b, "")
				}
			}
		}
		if strings.ContainsAny(qt.Speaker, "\"“”") {
			qt.Speaker, qt.Actor = "", "" // a title or another quote, not a speaker
		}
		// A quotation with no speaker of its own that follows an
		// attributed one within two sentences continues it.
		if qt.Speaker == "" && prevSpeaker != "" && prevEnd >= 0 {
			if a, b := sentenceAt(d, prevEnd), sentenceAt(d, q.start); a >= 0 && b >= a && b-a <= 2 {
				qt.Speaker, qt.Actor = prevSpeaker, prevActor
			}
		}
		if qt.Speaker != "" {
			prevEnd, prevSpeaker, prevActor = q.end, qt.Speaker, qt.Actor
		}
		r.Quotations = append(r.Quotations, qt)
	}
}

// dashSpeaker returns the offsets of the name that attributes quote q after
// a dash at the end of its line (`"So far, so good." - Jane Doe`, `"We
// stay." — the mayor of Kherson`): at most six words starting with a
// capital or "the", with nothing after them on the line; else an author
// cited with a title after it (citedAuthor).
func dashSpeaker(text string, q quoteSpan) (int, int, bool) {
	i := q.end
	for i < len(text) {
		r, n := utf8.DecodeRuneInString(text[i:])
		if r != '"' && r != '”' && r != '.' && r != ',' {
			break
		}
		i += n
	}
	for i < len(text) && (text[i] == ' ' || text[i] == '\t') {
		i++
	}
	dash := 0
	for _, m := range [...]string{"--", "—", "–", "-"} {
		if strings.HasPrefix(text[i:], m) {
			dash = len(m)
			break
		}
	}
	if dash == 0 {
		return citedAuthor(text, i)
	}
	start := i + dash
	for start < len(text) && (text[start] == ' ' || text[start] == '\t') {
		start++
	}
	end := len(text)
	if nl := strings.IndexByte(text[start:], '\n'); nl >= 0 {
		end = start + nl
	}
	name := strings.TrimRight(text[start:end], " \t\r.")
	end = start + len(name)
	r, _ := utf8.DecodeRuneInString(name)
	if name == "" || len(strings.Fields(name)) > 6 || strings.ContainsAny(name, "\"“”") ||
		!(unicode.IsUpper(r) || strings.HasPrefix(name, "the ")) {
		return 0, 0, false
	}
	return start, end, true
}

// citedAuthor returns the offsets of an author cited with a title right
// after a quote, from offset i on its line (`"..." Anonymous blogger, "Anon
// declares war"`): one to four words starting with a capital, a comma,
// then a quotation mark.
func citedAuthor(text string, i int) (int, int, bool) {
	end := len(text)
	if nl := strings.IndexByte(text[i:], '\n'); nl >= 0 {
		end = i + nl
	}
	line := text[i:end]
	c := strings.Index(line, ", ")
	if c <= 0 || !strings.HasPrefix(line[c+2:], "\"") && !strings.HasPrefix(line[c+2:], "“") {
		return 0, 0, false
	}
	name := line[:c]
	r, _ := utf8.DecodeRuneInString(name)
	if n := len(strings.Fields(name)); n == 0 || n > 4 || !unicode.IsUpper(r) || strings.ContainsAny(name, ".!?\"“”") {
		return 0, 0, false
	}
	return i, i + c, true
}

// antecedent returns the entity of type want that a pronoun at offset at
// stands for: within the pronoun's paragraph, the last one named before it
// that is not an object ("Thomas' sister pleaded with him to send Gloria
// to a doctor, but he replied" is Thomas), else the last one named in the
// paragraph; with none in the paragraph, the last one named before it in
// the article; never a person the quote names (spokenOf). Nil when there
// is none.
func antecedent(d *nlp.Document, ents []Entity, want string, at int, quote string) *Entity {
	para := 0
	if i := strings.LastIndex(d.Text[:min(at, len(d.Text))], "\n\n"); i >= 0 {
		para = i + 2
	}
	var last, subj *Entity
	for i := range ents {
		e := &ents[i]
		if e.Type != want || e.End > at || e.Start < para || spokenOf(quote, e) {
			continue
		}
		last = e
		if !objectAt(d, e.Start) {
			subj = e
		}
	}
	if subj != nil {
		return subj
	}
	if last != nil {
		return last
	}
	// The paragraph of the last one named before it, where its subject is
	// preferred too: "In an interview, the mission's chief, David
	// Wimhurst, expressed concern about ... the election of Rene Preval.
	// ¶ "...," he said." is Wimhurst's.
	last = nil
	for i := len(ents) - 1; i >= 0; i-- {
		e := &ents[i]
		if e.Type != want || e.End > at || spokenOf(quote, e) {
			continue
		}
		if last == nil {
			last = e
			if i := strings.LastIndex(d.Text[:min(e.Start, len(d.Text))], "\n\n"); i >= 0 {
				para = i + 2
			} else {
				para = 0
			}
		}
		if e.Start < para {
			break
		}
		if !objectAt(d, e.Start) {
			return e
		}
	}
	return last
}

// spokenOf reports whether the quote names the person e by the last word
// of the name, the class of `For Kevin Allton, Warhol was a legend. He
// said, "Andy Warhol was the center of the Zeitgeist."`: a person the quote
// speaks of is not the "he" who speaks it.
func spokenOf(quote string, e *Entity) bool {
	if e.Type != Person || quote == "" {
		return false
	}
	last := lastWord(e.Canonical)
	for i := 0; len(last) >= 3; {
		j := strings.Index(quote[i:], last)
		if j < 0 {
			return false
		}
		a, b := i+j, i+j+len(last)
		if (a == 0 || !isLetter(quote[a-1])) && (b == len(quote) || !isLetter(quote[b])) {
			return true
		}
		i = b
	}
	return false
}

// isLetter reports whether the byte c is an ASCII letter.
func isLetter(c byte) bool { return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' }

// objectAt reports whether the word starting at offset at is an object or
// an oblique of its verb (or the noun of a prepositional phrase).
func objectAt(d *nlp.Document, at int) bool {
	k := sentenceAt(d, at)
	if k < 0 {
		return false
	}
	s := &d.Sentences[k]
	for i := range s.Words {
		if s.Words[i].Start == at {
			// the name's head word: "Anna" is a compound of "Berg" in
			// "about Anna Berg"
			for n := 0; n < 3 && (s.Words[i].Deprel == "compound" || strings.HasPrefix(s.Words[i].Deprel, "flat")); n++ {
				h := s.Words[i].Head - 1
				if h < 0 || h >= len(s.Words) || s.Words[h].UPOS != "PROPN" {
					break
				}
				i = h
			}
			switch s.Words[i].Deprel {
			case "obj", "iobj", "obl", "obl:tmod", "obl:npmod", "nmod":
				return true
			}
			return false
		}
	}
	return false
}

// entityIn returns the canonical name of the first person, else
// organisation, named within [start, end), else def. When headEnd is not
// -1, an organisation must end there (be the phrase's head: "the
// ministry", not "the NGO representatives").
func entityIn(ents []Entity, start, end int, def string, headEnd int) string {
	for _, want := range [2]string{Person, Organization} {
		for i := range ents {
			if e := &ents[i]; e.Type == want && e.Start >= start && e.End <= end && (want == Person || headEnd < 0 || e.Start < headEnd && e.End >= headEnd) {
				if e.Why == "acronym-of" {
					return e.Text
				}
				return e.Canonical
			}
		}
	}
	return def
}

// sameKind lists, for a noun a definite description may use, the words an
// organisation's name may have for it: "the city" is the "Municipality of
// Livorno" or the "City Council".
var sameKind = map[string][]string{"city": {"city", "municipality", "council"}, "town": {"town", "municipality", "council"},
	"council": {"council"}, "municipality": {"municipality"}, "ministry": {"ministry"}, "department": {"department"},
	"agency": {"agency"}, "commission": {"commission"}, "committee": {"committee"}, "court": {"court", "tribunal"},
	"party": {"party"}, "group": {"group", "front", "movement", "brigade", "brigades"}, "movement": {"movement"},
	"company": {"company", "corporation", "inc", "ltd"}, "firm": {"company", "corporation", "inc", "ltd"},
	"union": {"union"}, "army": {"army", "forces"}, "military": {"army", "forces"}, "police": {"police"},
	"church": {"church"}, "bank": {"bank"}, "organisation": {"organisation", "organization"},
	"organization": {"organisation", "organization"}, "government": {"government", "administration", "cabinet"},
	"embassy": {"embassy"}, "office": {"office"}, "board": {"board"}, "university": {"university"}}

// definiteOrg returns the organisation a definite description of words
// a..b of s stands for ("The city reasoned" after "the Municipality of
// Livorno", "the ministry said" after "the Ministry of Health"): "the" and
// at most one adjective before a noun of sameKind, and the last
// organisation named before it with one of that noun's words in its name;
// nil when there is none.
func definiteOrg(s *nlp.Sentence, a, b int, ents []Entity) *Entity {
	if b-a < 1 || b-a > 2 || !strings.EqualFold(s.Words[a].Form, "the") || capitalised(s.Words[b].Form) {
		return nil
	}
	kinds := sameKind[strings.ToLower(s.Words[b].Lemma)]
	if kinds == nil {
		return nil
	}
	at := s.Words[a].Start
	for i := len(ents) - 1; i >= 0; i-- {
		e := &ents[i]
		if e.Type != Organization || e.End > at {
			continue
		}
		for _, w := range strings.Fields(strings.ToLower(e.Canonical)) {
			if slicesContains(kinds, w) {
				return e
			}
		}
	}
	return nil
}

// innerApposition returns the name set off by a comma after the head of
// the speaker a..b when the head is a lower-case role noun, the class of
// "Jane Doe's lawyer, Peter Hall, told the court" and "the group's
// founder, Rosa Vidal, said": the role's holder speaks, not its possessor.
func innerApposition(s *nlp.Sentence, a, b int) (int, int, bool) {
	hi := headOf(s, a, b)
	h := &s.Words[hi]
	if capitalised(h.Form) || !roleNouns[strings.ToLower(h.Lemma)] && !titles[strings.ToLower(h.Lemma)] {
		return 0, 0, false
	}
	for c := hi + 1; c < b; c++ {
		if s.Words[c].Form == "," {
			return properRun(s, c+1, b)
		}
	}
	return 0, 0, false
}

// documentSource returns the person or organisation a document at word h
// of s comes from, the class of "said a statement from the Interior
// Ministry" and "according to a statement released by the MDC": the first
// such entity starting within three words after "from", "by" or "of",
// which comes within six words after the document noun.
func documentSource(s *nlp.Sentence, h int, ents []Entity) *Entity {
	if h < 0 || h >= len(s.Words) || !documentNouns[strings.ToLower(s.Words[h].Lemma)] {
		return nil
	}
	for m := h + 1; m < len(s.Words) && m <= h+6; m++ {
		switch strings.ToLower(s.Words[m].Form) {
		case "from", "by", "of":
		default:
			continue
		}
		lo, hi := s.Words[m].End, -1
		if m+3 < len(s.Words) {
			hi = s.Words[m+3].End
		} else {
			hi = s.Words[len(s.Words)-1].End
		}
		for i := range ents {
			if e := &ents[i]; (e.Type == Person || e.Type == Organization) && e.Start >= lo && e.Start <= hi {
				return e
			}
		}
		return nil
	}
	return nil
}

// genericNouns are the nouns of a definite description that stands for the
// organisation named last before it whatever its name ("Hamas fighters
// attacked ... the group said"; "Toyota said ... the company said").
var genericNouns = wordSet(`group organisation organization company firm movement militia`)

// genericOrg returns the organisation a definite description with a
// generic noun stands for, the class of "the group said" after "Hamas" and
// "the company said" after "Toyota said": "the" and at most one adjective
// before such a noun, resolved to the last organisation named in the
// three sentences before it, else to the last one-word name typed nothing
// else that is a subject in the sentences before (a company no rule
// knows).
func genericOrg(d *nlp.Document, s *nlp.Sentence, a, b int, ents []Entity) *Entity {
	if b-a < 1 || b-a > 2 || !strings.EqualFold(s.Words[a].Form, "the") || capitalised(s.Words[b].Form) ||
		!genericNouns[strings.ToLower(s.Words[b].Lemma)] {
		return nil
	}
	at := s.Words[a].Start
	k := sentenceAt(d, at) + 1 // 1-based, as Entity.Sentence
	var other *Entity
	for i := len(ents) - 1; i >= 0; i-- {
		e := &ents[i]
		if e.End > at {
			continue
		}
		if e.Sentence < k-3 {
			break
		}
		if e.Type == Organization {
			return e
		}
		if other == nil && e.Type == OtherName && !strings.Contains(e.Canonical, " ") && e.Sentence >= 1 && e.Sentence < k {
			if es := &d.Sentences[e.Sentence-1]; e.First >= 1 && e.First <= len(es.Words) && strings.HasPrefix(es.Words[e.First-1].Deprel, "nsubj") {
				other = e
			}
		}
	}
	return other
}

// definitePerson returns the person a definite description of a title
// stands for, the class of "The president told the crowd" after
// "President Robert Mugabe" and "the minister said" after "Interior
// Minister Leila Haddad": "the" and at most one adjective before a title
// noun, resolved to the last person named before it with that title right
// before the name.
func definitePerson(d *nlp.Document, s *nlp.Sentence, a, b int, ents []Entity) *Entity {
	if b-a < 1 || b-a > 2 || !strings.EqualFold(s.Words[a].Form, "the") || capitalised(s.Words[b].Form) && b > a+1 {
		return nil
	}
	title := strings.ToLower(s.Words[b].Form)
	if !titles[title] {
		return nil
	}
	at := s.Words[a].Start
	for i := len(ents) - 1; i >= 0; i-- {
		e := &ents[i]
		if e.Type != Person || e.End > at || e.Sentence < 1 || e.Sentence > len(d.Sentences) {
			continue
		}
		es := &d.Sentences[e.Sentence-1]
		for m := e.First - 2; m >= 0 && m >= e.First-3 && m < len(es.Words); m-- {
			if f := strings.ToLower(strings.TrimSuffix(es.Words[m].Form, ".")); f == title {
				return e
			}
		}
	}
	return nil
}

// properRun returns the proper nouns from word i up to a comma or word b
// (inclusive), when they are two to four and nothing else: a name in
// apposition.
func properRun(s *nlp.Sentence, i, b int) (int, int, bool) {
	j := i
	for j <= b && j < len(s.Words) && s.Words[j].UPOS == "PROPN" {
		j++
	}
	if n := j - i; n < 2 || n > 4 || j <= b && s.Words[j].Form != "," {
		return 0, 0, false
	}
	return i, j - 1, true
}

// roleApposition returns the name set off by commas after the speaker
// a..b of verb v when the speaker is a lower-case noun phrase, with its
// complement or not, the class of `"...," the mayor of Tuzla, Amir Kovac, told
// reporters` and `the head of the union, Pieter Claes, said`, which the
// parser leaves without a subject: two to four proper nouns between the
// commas, before the verb.
func roleApposition(s *nlp.Sentence, a, b, v int) (int, int, bool) {
	// (any lower-case noun: "the driver, Hassan Omar, told police", "the
	// company, Norvance Solutions, said")
	h := &s.Words[headOf(s, a, b)]
	if capitalised(h.Form) || h.UPOS != "NOUN" && !roleNouns[strings.ToLower(h.Lemma)] && !titles[strings.ToLower(h.Lemma)] {
		return 0, 0, false
	}
	c := b + 1
	if c < v && strings.EqualFold(s.Words[c].Form, "of") { // the role's complement
		c++
		for c < v && (s.Words[c].Form == "the" || capitalised(s.Words[c].Form) && s.Words[c].UPOS != "PUNCT") {
			c++
		}
	}
	if c >= v || s.Words[c].Form != "," {
		return 0, 0, false
	}
	na, nb, ok := properRun(s, c+1, v-1)
	if !ok || nb+1 >= v || s.Words[nb+1].Form != "," {
		return 0, 0, false
	}
	return na, nb, true
}

// clause reports whether words a..b of s are a clause rather than a noun
// phrase: they hold a verb or auxiliary, or run over eight words.
func clause(s *nlp.Sentence, a, b int) bool {
	if b-a >= 8 {
		return true
	}
	for m := a; m <= b; m++ {
		if u := s.Words[m].UPOS; u == "VERB" || u == "AUX" {
			return true
		}
	}
	return false
}

// accordingTo finds "according to X" outside quote q in s and returns X's
// words: the proper or common nouns after "to", with their determiners and
// adjectives.
func accordingTo(s *nlp.Sentence, q quoteSpan) (int, int, bool) {
	for i := 0; i+2 < len(s.Words); i++ {
		w0, w1 := strings.ToLower(s.Words[i].Form), strings.ToLower(s.Words[i+1].Form)
		if inQuote(&s.Words[i], q) || !(w0 == "according" && w1 == "to" || w0 == "words" && w1 == "of") {
			continue // "according to X", "in the words of X"
		}
		if w0 == "words" && i+2 < len(s.Words) && strings.EqualFold(s.Words[i+2].Form, "the") {
			// "in the words of the Crown prosecutor, Mark Tedeschi": the
			// name in the apposition is found by the caller's entities
			if _, d, ok := nounPhrase(s, i+3, 1); ok && !clause(s, i+2, d) {
				e := d
				if d+2 < len(s.Words) && s.Words[d+1].Form == "," {
					if _, pd, ok := nounPhrase(s, d+2, 1); ok {
						e = pd
					}
				}
				return i + 2, e, true
			}
		}
		a, b, ok := nounPhrase(s, i+2, 1)
		if ok && !clause(s, a, b) {
			return a, b, true
		}
	}
	return 0, 0, false
}

// sentenceAt returns the index of the sentence containing offset at, -1.
func sentenceAt(d *nlp.Document, at int) int {
	for k := range d.Sentences {
		s := &d.Sentences[k]
		if s.Start <= at && at <= s.End {
			return k
		}
	}
	return -1
}

// speechVerb returns the speech verb of s outside the quote that
// introduces it, -1 if none: a word of the quote depends on the verb (within
// three steps), or the verb stands within three words of the quote.
func speechVerb(s *nlp.Sentence, q quoteSpan) int {
	if i := speechVerbNear(s, q); i >= 0 {
		return i
	}
	// A speech verb after the quote with only its subject between
	// (`"...," Khaled Al-Maeena, editor at large at the Saudi Gazette,
	// said`): no other verb between the quote's last word and it.
	last := -1
	for m := range s.Words {
		if inQuote(&s.Words[m], q) {
			last = m
		}
	}
	if last < 0 {
		return -1
	}
	for i := last + 1; i < len(s.Words) && i <= last+maxSpeakerWords; i++ {
		w := &s.Words[i]
		if w.UPOS == "VERB" && speechVerbs[w.Lemma] {
			return i
		}
		if w.UPOS == "VERB" || w.UPOS == "AUX" || w.Form == "." || w.Form == ";" {
			return -1
		}
	}
	return -1
}

// maxSpeakerWords bounds the words between a quote and its speech verb
// after it.
const maxSpeakerWords = 16

// introducedBefore returns the sentence before the one quote q opens and
// its speech verb (its root verb when the sentence ends with a colon) when
// q opens its sentence and that sentence is in the same paragraph or ends
// with a colon; -1, -1 otherwise.
func introducedBefore(d *nlp.Document, q quoteSpan) (int, int) {
	k := sentenceAt(d, q.start)
	if k < 1 {
		return -1, -1
	}
	if lead := d.Text[max(0, min(d.Sentences[k].Start, q.start)):q.start]; strings.Trim(lead, " \t\r\n\"“") != "" {
		return -1, -1 // the quote is inside its sentence
	}
	p := &d.Sentences[k-1]
	if p.End < 0 || p.End > q.start {
		return -1, -1
	}
	between := d.Text[p.End:q.start]
	colon := strings.HasSuffix(strings.TrimRight(d.Text[max(0, p.Start):p.End], " \t\r\n"), ":")
	if !colon && strings.Contains(between, "\n\n") && !wholeParagraph(d.Text, q) {
		return -1, -1
	}
	for i := range p.Words {
		w := &p.Words[i]
		if w.UPOS == "VERB" && (speechVerbs[w.Lemma] || colon && w.Head == 0 || issuesDocument(p, i)) {
			return k - 1, i
		}
	}
	return -1, -1
}

// wholeParagraph reports whether quote q fills its paragraph to its end,
// the class of a paragraph that is only a quotation after one reporting
// what someone said ("Rebel spokesman Lawrence Kingston said the group
// wants talks. ¶ "We are still waiting. ..."): news writing gives it the
// speaker of the paragraph before.
func wholeParagraph(text string, q quoteSpan) bool {
	rest := text[min(q.end, len(text)):]
	if i := strings.Index(rest, "\n\n"); i >= 0 {
		rest = rest[:i]
	}
	return strings.Trim(rest, " \t\r\n\"”'’") == ""
}

// issuesDocument reports whether verb v of s has a document for its object,
// the class of "Senator John Cornyn issued a statement regarding the
// decision." and "The ministry released a report on Monday.": the quote
// opening the next sentence is the document's words, its speaker the
// verb's subject.
func issuesDocument(s *nlp.Sentence, v int) bool {
	for c := range s.Words {
		if w := &s.Words[c]; w.Head == v+1 && w.Deprel == "obj" && documentNouns[strings.ToLower(w.Lemma)] {
			return true
		}
	}
	return false
}

// labellingVerbs are the describing verbs that quote words said only with
// a quote of minQuoteWords or more ("called the decision "a disgrace and
// an insult to every family here""); a shorter quote after them is a label.
var labellingVerbs = wordSet(`call label brand hail praise condemn criticise criticize slam dismiss`)

// namingParticiple reports whether the describing verb at word i of s
// names a thing rather than quoting anyone, the class of `the so-called
// "Working Boundary"` and `a group called "Anonymous"`: a participle
// modifying a noun, or written after a hyphen.
func namingParticiple(s *nlp.Sentence, i int) bool {
	w := &s.Words[i]
	if !describingVerbs[w.Lemma] {
		return false
	}
	return w.Deprel == "amod" || w.Deprel == "acl" || i >= 1 && isHyphen(s.Words[i-1].Form) && attached(s, i-1)
}

// speechVerbNear returns the speech verb of s near quote q (see
// speechVerb), -1 if none.
func speechVerbNear(s *nlp.Sentence, q quoteSpan) int {
	best, bestD := -1, 0
	for i := range s.Words {
		w := &s.Words[i]
		if inQuote(w, q) || w.UPOS != "VERB" || !speechVerbs[w.Lemma] || namingParticiple(s, i) {
			continue
		}
		// (the parser may hang the verb on a word of the quote: "Marie
		// Harf, said the United States "strongly condemns ..."" read
		// with "condemns" as the root)
		ok := w.Head >= 1 && w.Head <= len(s.Words) && inQuote(&s.Words[w.Head-1], q)
		d := len(s.Words)
		for m := range s.Words {
			if !inQuote(&s.Words[m], q) {
				continue
			}
			near := m - i
			if near >= -4 && near <= 4 {
				ok = true
			}
			h := m
			for step := 0; step < 3 && h >= 0 && h < len(s.Words); step++ {
				h = s.Words[h].Head - 1
				if h == i {
					ok = true
				}
			}
			d = min(d, abs(near))
		}
		// a verb with its own subject outside the quote first: "could be
		// considered "persona non grata" and asked to leave" has none
		if strings.Contains(w.Feats, "Voice=Pass") || !hasSubject(s, i, q) {
			d += len(s.Words)
		}
		// the verb nearest the quote: "Asked whether he would resign, the
		// prime minister replied: "..."" is introduced by "replied"
		if ok && (best < 0 || d < bestD) {
			best, bestD = i, d
		}
	}
	return best
}

// participleHead returns, for a speech verb v that is a participle
// hanging on another verb without a subject of its own, the class of
// "condemned the attack, saying "..."" and "Supporters gathered outside
// the offices, chanting "..."", that verb, whose subject speaks; else v.
func participleHead(s *nlp.Sentence, v int, q quoteSpan) int {
	w := &s.Words[v]
	if !strings.Contains(w.Feats, "VerbForm=Part") || w.Deprel != "advcl" && w.Deprel != "xcomp" && w.Deprel != "conj" ||
		w.Head < 1 || w.Head > len(s.Words) || s.Words[w.Head-1].UPOS != "VERB" || inQuote(&s.Words[w.Head-1], q) {
		return v
	}
	for m := range s.Words {
		if c := &s.Words[m]; c.Head == v+1 && strings.HasPrefix(c.Deprel, "nsubj") {
			return v
		}
	}
	return w.Head - 1
}

// hasSubject reports whether verb v of s has a subject outside quote q, or
// a name set off by commas right before it that the parse left without one
// ("its chief observer, Marietje Schaake, noted").
func hasSubject(s *nlp.Sentence, v int, q quoteSpan) bool {
	v = participleHead(s, v, q)
	for m := range s.Words {
		if w := &s.Words[m]; w.Head == v+1 && strings.HasPrefix(w.Deprel, "nsubj") && !inQuote(w, q) {
			return true
		}
	}
	return v >= 3 && s.Words[v-1].Form == "," && s.Words[v-2].UPOS == "PROPN" && !inQuote(&s.Words[v-2], q)
}

func inQuote(w *nlp.Word, q quoteSpan) bool { return w.Start >= q.start && w.End <= q.end }

// subject returns the word span (0-based, inclusive) of the subject of
// verb v outside quote q (a word of the quote misparsed as the verb's
// subject speaks for no one): the nsubj dependent with its subtree (and a
// second one right after it, an apposition the parser took for a subject).
func subject(s *nlp.Sentence, v int, q quoteSpan) (int, int, bool) {
	a, b, found := 0, 0, false
	for i := range s.Words {
		w := &s.Words[i]
		if w.Head == v+1 && (w.Deprel == "nsubj" || w.Deprel == "nsubj:pass") && !inQuote(w, q) {
			if relatives[strings.ToLower(w.Form)] {
				break // "that", "which": the noun phrase before the verb
			}
			// Two subjects are one misparsed ("The secretary general of
			// CEI, Nunzio Galantino, has called"): their span together.
			sa, sb := subtree(s, i)
			if !found {
				a, b, found = sa, sb, true
			} else if sa > b && sa-b <= 2 {
				b = sb
			}
		}
	}
	if found {
		return a, b, true
	}
	// No subject in the tree: a name set off by commas right before the
	// verb, the class of "The company's chief executive, Mark Olsen,
	// said" and "Its founder, Rosa Vidal, told"; else (misparses such as
	// "..., the envoy told reporters" with "told" as a modifier) the noun
	// phrase just before the verb, else just after it ("..., said the
	// envoy").
	if v >= 2 && s.Words[v-1].Form == "," {
		m := v - 2
		for m >= 0 && s.Words[m].UPOS == "PROPN" {
			m--
		}
		if n := v - 2 - m; n >= 2 && n <= 4 && m >= 1 && s.Words[m].Form == "," && !inQuote(&s.Words[m+1], q) {
			return m + 1, v - 2, true
		}
	}
	// A prepositional phrase set off by commas before the verb ("Rebel
	// leader Joseph Kony, in a rare interview, said"; "The minister, at a
	// news conference, told"): the noun phrase before it.
	if v >= 3 && s.Words[v-1].Form == "," {
		m := v - 2
		for m >= 1 && s.Words[m].Form != "," && v-m <= 10 {
			m--
		}
		if m >= 1 && s.Words[m].Form == "," && s.Words[m+1].UPOS == "ADP" {
			if a, b, ok := nounPhrase(s, m-1, -1); ok && !inQuote(&s.Words[a], q) {
				return a, b, true
			}
		}
	}
	if a, b, ok := nounPhrase(s, v-1, -1); ok {
		return a, b, true
	}
	// (not the subject of the clause the verb reports: "said his fighters
	// "will never surrender"")
	if a, b, ok := nounPhrase(s, v+1, 1); ok && !reportedSubject(s, v, a, b) {
		return a, b, true
	}
	return 0, 0, false
}

// reportedSubject reports whether a word of a..b is the subject of a
// clausal complement of verb v: what is said, not who says it.
func reportedSubject(s *nlp.Sentence, v, a, b int) bool {
	for m := a; m <= b; m++ {
		w := &s.Words[m]
		if h := w.Head - 1; strings.HasPrefix(w.Deprel, "nsubj") && h >= 0 && h < len(s.Words) &&
			s.Words[h].Head == v+1 && (s.Words[h].Deprel == "ccomp" || s.Words[h].Deprel == "xcomp") {
			return true
		}
	}
	return false
}

// speakerSpan returns the words of the speaker of speech verb v for quote
// q: the verb's subject, else, when the verb follows the quote, the noun
// phrase right after the quote's closing marks (`"...," Khaled Ali,
// editor at large at the Daily Gazette, said` misparsed without a
// subject, or with a word of the quote as its subject).
func speakerSpan(s *nlp.Sentence, v int, q quoteSpan) (int, int, bool) {
	hasSubj := false
	for i := range s.Words {
		if w := &s.Words[i]; w.Head == v+1 && (w.Deprel == "nsubj" || w.Deprel == "nsubj:pass") && !relatives[strings.ToLower(w.Form)] && !inQuote(w, q) {
			hasSubj = true
		}
	}
	if !hasSubj {
		last := -1
		for m := range s.Words {
			if inQuote(&s.Words[m], q) {
				last = m
			}
		}
		f := last + 1
		for last >= 0 && f < v && s.Words[f].UPOS == "PUNCT" {
			f++
		}
		if last >= 0 && f < v {
			if a, b, ok := nounPhrase(s, f, 1); ok && b < v {
				return a, b, true
			}
		}
	}
	return subject(s, v, q)
}

// quotedAsSaying returns the object of verb v, the class of "The report
// quoted Defence Minister Ali Ahmed as saying that "..."" and "state media
// cited the minister as saying": the person quoted speaks, not the
// report.
func quotedAsSaying(s *nlp.Sentence, v int, q quoteSpan) (int, int, bool) {
	if w := &s.Words[v]; w.Lemma == "say" && v > 0 && strings.EqualFold(s.Words[v-1].Form, "as") && w.Head >= 1 && w.Head <= len(s.Words) {
		v = w.Head - 1 // the quote hangs on "saying"
	}
	if l := s.Words[v].Lemma; l != "quote" && l != "cite" {
		return 0, 0, false
	}
	obj, saying := -1, false
	for i := range s.Words {
		w := &s.Words[i]
		if w.Head != v+1 || inQuote(w, q) {
			continue
		}
		if w.Deprel == "obj" && obj < 0 {
			obj = i
		}
		if w.Lemma == "say" && i > 0 && strings.EqualFold(s.Words[i-1].Form, "as") {
			saying = true
		}
	}
	if obj < 0 || !saying {
		return 0, 0, false
	}
	a, b := subtree(s, obj)
	if b >= v && a <= v || inQuote(&s.Words[a], q) {
		return 0, 0, false
	}
	return trimPunct(s)(a, b, true)
}

// trimPunct returns a function dropping the punctuation (a closing quote
// mark, a comma) at both ends of a word span of s.
func trimPunct(s *nlp.Sentence) func(a, b int, ok bool) (int, int, bool) {
	return func(a, b int, ok bool) (int, int, bool) {
		for ok && a < b && s.Words[a].UPOS == "PUNCT" {
			a++
		}
		for ok && b > a && s.Words[b].UPOS == "PUNCT" {
			b--
		}
		return a, b, ok && s.Words[a].UPOS != "PUNCT"
	}
}

// relatives are pronouns that speak for no one: a relative or demonstrative
// subject is not a speaker.
var relatives = wordSet(`that which who whom what this these those there`)

// nounPhrase returns the run of determiners, adjectives, numbers, nouns and
// pronouns from word i stepping by dir, when it holds a noun or pronoun;
// words are 0-based.
func nounPhrase(s *nlp.Sentence, i, dir int) (int, int, bool) {
	a, b, noun := -1, -1, false
	for m := i; m >= 0 && m < len(s.Words); m += dir {
		u := s.Words[m].UPOS
		if isHyphen(s.Words[m].Form) && m > 0 && m+1 < len(s.Words) && attached(s, m-1) && attached(s, m) {
			continue // "Al-Maeena"
		}
		if u != "NOUN" && u != "PROPN" && u != "PRON" && u != "DET" && u != "ADJ" && u != "NUM" || relatives[strings.ToLower(s.Words[m].Form)] {
			break
		}
		noun = noun || u == "NOUN" || u == "PROPN" || u == "PRON"
		if a < 0 || m < a {
			a = m
		}
		if m > b {
			b = m
		}
	}
	return a, b, noun
}

// subtree returns the first and last word (0-based) of word i's subtree.
func subtree(s *nlp.Sentence, i int) (int, int) {
	a, b := i, i
	for m := range s.Words {
		if (m < a || m > b) && inSubtree(s, m, i) {
			a, b = min(a, m), max(b, m)
		}
	}
	return a, b
}

// inSubtree reports whether word m descends from word root (both 0-based).
func inSubtree(s *nlp.Sentence, m, root int) bool {
	for steps := 0; steps <= len(s.Words) && m >= 0 && m < len(s.Words); steps++ {
		if m == root {
			return true
		}
		m = s.Words[m].Head - 1
	}
	return false
}

// headOf returns the word of a..b whose head lies outside the span.
func headOf(s *nlp.Sentence, a, b int) int {
	for m := a; m <= b; m++ {
		h := s.Words[m].Head - 1
		if h < a || h > b {
			return m
		}
	}
	return b
}

// onBehalf looks back from sentence k for the noun lemma with "on behalf
// of X" and returns X's sentence and first and last word.
func onBehalf(d *nlp.Document, k int, lemma string) (int, int, int, bool) {
	for j := k; j >= 0 && j >= k-3; j-- {
		s := &d.Sentences[j]
		has := false
		for i := range s.Words {
			if s.Words[i].Lemma == lemma {
				has = true
			}
		}
		if !has {
			continue
		}
		for i := 0; i+2 < len(s.Words); i++ {
			l := strings.ToLower(s.Words[i].Form)
			if l == "behalf" && strings.EqualFold(s.Words[i+1].Form, "of") {
				// The noun phrase after "of": the dependent of "behalf"
				// attached through "of", with its subtree.
				for m := i + 2; m < len(s.Words); m++ {
					if s.Words[m].Head == i+1 && s.Words[m].UPOS != "ADP" {
						a, b := subtree(s, m)
						for a < b && (s.Words[a].Deprel == "case" || s.Words[a].UPOS == "ADP") {
							a++
						}
						return j, a, b, true
					}
				}
			}
		}
	}
	return 0, 0, 0, false
}

// speakerActor returns the code of an event actor or named entity inside
// the speaker span.
func speakerActor(evs []event.Event, ents []Entity, start, end int) string {
	for _, e := range evs {
		if e.SourceSpan.Start >= start && e.SourceSpan.End <= end && e.SourceSpan.End > e.SourceSpan.Start && e.Source != "" {
			return e.Source
		}
	}
	for _, e := range ents {
		if e.Start >= start && e.End <= end && e.Actor != "" {
			return e.Actor
		}
	}
	return ""
}
