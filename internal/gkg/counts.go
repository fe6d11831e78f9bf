package gkg

import (
	"strconv"
	"strings"

	"github.com/eventwire/eventwire/internal/event"
	"github.com/eventwire/eventwire/internal/nlp"
)

// Count types by the lemma of the verb (or adjective) that governs the
// counted noun, and by the counted noun itself.
var (
	countVerbs = map[string]string{
		"kill": "KILL", "die": "KILL", "murder": "KILL", "massacre": "KILL", "slaughter": "KILL", "execute": "KILL", "dead": "KILL", "behead": "KILL", "perish": "KILL",
		"arrest": "ARREST", "detain": "ARREST", "jail": "ARREST", "imprison": "ARREST", "apprehend": "ARREST", "round": "ARREST",
		"kidnap": "KIDNAP", "abduct": "KIDNAP", "seize_person": "KIDNAP",
		"wound": "WOUND", "injure": "WOUND", "hurt": "WOUND", "wounded": "WOUND", "injured": "WOUND",
		"protest": "PROTEST", "demonstrate": "PROTEST", "rally": "PROTEST", "march": "PROTEST",
		"affect": "AFFECT", "displace": "AFFECT", "evacuate": "AFFECT", "flee": "AFFECT", "strand": "AFFECT", "homeless": "AFFECT", "evict": "AFFECT",
		"seize": "SEIZE", "confiscate": "SEIZE", "impound": "SEIZE",
	}
	countNouns = map[string]string{
		"protester": "PROTEST", "protestor": "PROTEST", "demonstrator": "PROTEST", "marcher": "PROTEST",
		"hostage": "KIDNAP", "captive": "KIDNAP",
		"refugee": "AFFECT", "evacuee": "AFFECT",
		"death": "KILL", "fatality": "KILL", "dead": "KILL",
	}
	// numberWords are spelled numbers; multipliers scale the number before.
	numberWords = map[string]float64{"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
		"eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
		"sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40,
		"fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90, "dozen": 12}
	multipliers = map[string]float64{"hundred": 100, "thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12,
		"m": 1e6, "bn": 1e9, "mln": 1e6, "dozen": 12} // "two dozen" is 24
	// hedges before a number.
	hedges = wordSet(`more than over about nearly almost around some least up to roughly approximately fewer less under`)
	// currencies give an amount its object when no noun follows.
	currencies = map[string]string{"$": "dollars", "€": "euros", "£": "pounds", "¥": "yen"}
)

// numberRun is a number written in words i..j (0-based) of a sentence.
type numberRun struct {
	i, j  int
	value float64
}

// parseNumber reads a number word: digits with thousands separators and a
// decimal point, or a spelled number.
func parseNumber(low string) (float64, bool) {
	if v, ok := numberWords[low]; ok {
		return v, true
	}
	if low == "" || low[0] < '0' || low[0] > '9' {
		return 0, false
	}
	var b strings.Builder
	for i := 0; i < len(low); i++ {
		c := low[i]
		switch {
		case c >= '0' && c <= '9' || c == '.':
			b.WriteByte(c)
		case c == ',' && i > 0 && i+3 < len(low):
			// thousands separator
		default:
			return 0, false
		}
	}
	v, err := strconv.ParseFloat(b.String(), 64)
	return v, err == nil
}

// numberAt reads the number starting at word i of s, if any.
func (sc *Scratch) numberAt(s *nlp.Sentence, i int) (numberRun, bool) {
	v, ok := parseNumber(string(sc.lw(i)))
	if !ok {
		return numberRun{}, false
	}
	run := numberRun{i: i, j: i, value: v}
	for run.j+1 < len(s.Words) {
		next := run.j + 1
		// A number written with hyphens, the class of "twenty-three" (23),
		// "13-hundred" and "20-thousand" (VOA's style: 1,300 and 20,000)
		// and "two-and-a-half million": the tokenizer splits it at each
		// hyphen written without spaces.
		if h := hyphenJoined(s, run.j); h > 0 {
			if n, ok := numberWords[string(sc.lw(h))]; ok && tensUnit(run.value, n) || multipliers[string(sc.lw(h))] > 0 {
				next = h
			} else if f := halfAfter(sc, s, run.j); f > 0 {
				run.value += 0.5
				run.j = f
				continue
			}
		}
		l := string(sc.lw(next))
		if m, ok := multipliers[l]; ok {
			run.value *= m
			run.j = next
			continue
		}
		if n, ok := numberWords[l]; ok && tensUnit(run.value, n) {
			run.value += n // "twenty five"
			run.j = next
			continue
		}
		break
	}
	return run, true
}

// tensUnit reports whether a unit n may follow the tens v ("twenty five").
func tensUnit(v, n float64) bool {
	return v >= 20 && n < 10 && v == float64(int64(v)) && int64(v)%10 == 0
}

// hyphenJoined returns the word after a hyphen that follows word j with no
// space on either side (-1 if none).
func hyphenJoined(s *nlp.Sentence, j int) int {
	if j+2 >= len(s.Words) || s.Words[j+1].Form != "-" {
		return -1
	}
	if s.Words[j+1].Start != s.Words[j].End || s.Words[j+2].Start != s.Words[j+1].End {
		return -1
	}
	return j + 2
}

// halfAfter returns the last word of "-and-a-half" written after word j
// ("two-and-a-half"), -1 if none.
func halfAfter(sc *Scratch, s *nlp.Sentence, j int) int {
	for _, w := range [...]string{"and", "a", "half"} {
		h := hyphenJoined(s, j)
		if h < 0 || string(sc.lw(h)) != w {
			return -1
		}
		j = h
	}
	return j
}

// inDate reports whether word i (0-based) of sentence k lies in a time
// expression.
func (sc *Scratch) inDate(k, i int) bool {
	if k >= len(sc.exprs) {
		return false
	}
	for _, e := range sc.exprs[k] {
		if e.First <= i+1 && i+1 <= e.Last {
			return true
		}
	}
	return false
}

// counts finds counts and amounts.
func (x *Extractor) counts(sc *Scratch, d *nlp.Document, evs []event.Event, r *Record) {
	for k := range d.Sentences {
		s := &d.Sentences[k]
		sc.lowerSentence(s)
		for i := 0; i < len(s.Words); i++ {
			if s.Words[i].UPOS != "NUM" && numberWords[string(sc.lw(i))] == 0 {
				continue
			}
			run, ok := sc.numberAt(s, i)
			if !ok {
				continue
			}
			i = run.j
			if sc.inDate(k, run.i) || run.value <= 0 || percent(sc, s, run.j) {
				continue
			}
			if string(sc.lw(run.i)) == "one" && run.i == run.j && run.j+1 < len(s.Words) && string(sc.lw(run.j+1)) == "of" {
				continue // "one of the ...": a pronoun
			}
			obj := objectNoun(s, run)
			object := ""
			if obj >= 0 {
				object = x.objectText(sc, s, run, obj)
			} else if run.i > 0 {
				object = currencies[s.Words[run.i-1].Form]
			}
			off := s.Words[run.i].Start
			if object == "" {
				// "at least 12 dead", "killing 12": the number itself is the
				// subject or object of a count word.
				if typ, verb := bareCount(s, run); typ != "" {
					x.addCount(sc, s, k, run, typ, verb, "", off, evs, r)
				}
				continue
			}
			if run.i > 0 {
				if c, ok := currencies[s.Words[run.i-1].Form]; ok && obj >= 0 && object != c {
					object = c + " " + object
				}
			}
			r.Amounts = append(r.Amounts, Amount{Value: run.value, Object: object, Offset: off})
			if obj < 0 {
				continue
			}
			typ, verb := countType(s, obj)
			if typ == "" && s.Words[obj].Head-1 >= run.i && s.Words[obj].Head-1 <= run.j {
				// "thousands of people were arrested": the number is the
				// subject or object.
				typ, verb = countType(s, s.Words[obj].Head-1)
				if t, ok := countNouns[s.Words[obj].Lemma]; typ == "" && ok {
					typ = t
				}
			}
			if typ == "" {
				continue
			}
			x.addCount(sc, s, k, run, typ, verb, object, off, evs, r)
		}
		x.coordinatedCounts(sc, s, k, evs, r)
	}
}

// coordinatedCounts counts the coordinated victims of a KILL, WOUND,
// ARREST or KIDNAP verb written without a number, the class of "The
// attacker and another person were killed" (2) and "an elderly man and a
// younger woman were both shot and killed" (2): the verb's passive
// subject (or the subject of the verb it is coordinated with, or its
// object) and the nouns coordinated with it, when no number is among
// them.
func (x *Extractor) coordinatedCounts(sc *Scratch, s *nlp.Sentence, k int, evs []event.Event, r *Record) {
	for v := range s.Words {
		w := &s.Words[v]
		typ := countVerbs[w.Lemma]
		if w.UPOS != "VERB" || typ != "KILL" && typ != "WOUND" && typ != "ARREST" && typ != "KIDNAP" {
			continue
		}
		hv := v
		if w.Deprel == "conj" && w.Head >= 1 && w.Head <= len(s.Words) {
			hv = w.Head - 1 // "were both shot and killed"
		}
		victim := -1
		for c := range s.Words {
			cw := &s.Words[c]
			if cw.Head == hv+1 && cw.Deprel == "nsubj:pass" || cw.Head == v+1 && cw.Deprel == "obj" ||
				cw.Head == v+1 && cw.Deprel == "nsubj" && (w.Lemma == "die" || w.Lemma == "perish") {
				victim = c
				break
			}
		}
		if victim < 0 || s.Words[victim].UPOS != "NOUN" && s.Words[victim].UPOS != "PROPN" {
			continue
		}
		n, names, place := 1, []string{strings.ToLower(s.Words[victim].Form)}, x.spotAt(sc, k, s.Words[victim].Start)
		for c := range s.Words {
			cw := &s.Words[c]
			if cw.Head == victim+1 && cw.Deprel == "conj" && (cw.UPOS == "NOUN" || cw.UPOS == "PROPN") {
				n++
				names = append(names, strings.ToLower(cw.Form))
				place = place || x.spotAt(sc, k, cw.Start)
			}
		}
		if n < 2 || place { // a place among them is a misparse ("In Zimbabwe, X and Y have been detained")
			continue
		}
		a, b := subtree(s, victim)
		number := false
		for m := a; m <= b; m++ {
			number = number || s.Words[m].UPOS == "NUM" || numberWords[string(sc.lw(m))] > 0
		}
		if number {
			continue
		}
		x.addCount(sc, s, k, numberRun{i: a, j: a, value: float64(n)}, typ, v, strings.Join(names, " and "), s.Words[a].Start, evs, r)
	}
}

// addCount records a count typed by word verb (-1: by its noun) with its
// place and the actors of the event coded on the same verb.
func (x *Extractor) addCount(sc *Scratch, s *nlp.Sentence, k int, run numberRun, typ string, verb int, object string, off int, evs []event.Event, r *Record) {
	c := Count{Type: typ, Number: int64(run.value), Object: object, Offset: off, Sentence: k + 1,
		Approx: hedge(sc, s, run.i)}
	vOff := off
	if verb >= 0 {
		c.Verb = s.Words[verb].Form
		vOff = s.Words[verb].Start
		for ei, e := range evs {
			if e.Sentence == k+1 && e.VerbSpan.First == verb+1 {
				c.Source, c.Target, c.EventIdx = e.Source, e.Target, ei+1
				break
			}
		}
	}
	c.Geo = sc.nearestPlace(s, k, verb, vOff)
	for _, o := range r.Counts {
		if o.Type == c.Type && o.Number == c.Number && o.Object == c.Object {
			return // the same fact told again ("arrested 12 people" in the lead and the body)
		}
	}
	r.Counts = append(r.Counts, c)
}

// bareCount types a number without a counted noun: the number is the
// subject or object of a count verb ("killing 12", "12 died") or carries a
// count adjective ("12 dead").
func bareCount(s *nlp.Sentence, run numberRun) (string, int) {
	for m := run.i; m <= run.j; m++ {
		w := &s.Words[m]
		h := w.Head - 1
		if h < run.i || h > run.j {
			if h >= 0 && h < len(s.Words) {
				switch w.Deprel {
				case "nsubj", "nsubj:pass", "obj":
					if t, ok := countVerbs[s.Words[h].Lemma]; ok {
						return t, h
					}
					// "ten thousand more have been forced from their
					// homes", "30 are believed dead"
					if t, c := predicatedCount(s, h, m); t != "" {
						return t, c
					}
				}
			}
			if m+1 < len(s.Words) && m == run.j {
				next := &s.Words[m+1]
				if next.UPOS == "ADJ" || next.UPOS == "VERB" {
					if t, ok := countVerbs[strings.ToLower(next.Form)]; ok && (t == "KILL" || t == "WOUND") {
						return t, m + 1
					}
				}
			}
		}
	}
	return "", -1
}

// percent reports whether the number ending at word j is a percentage.
func percent(sc *Scratch, s *nlp.Sentence, j int) bool {
	if j+1 >= len(s.Words) {
		return false
	}
	l := string(sc.lw(j + 1))
	return l == "%" || l == "percent" || l == "per" || l == "pct"
}

// hedge returns the hedge written before word i ("more than"), "" if none.
func hedge(sc *Scratch, s *nlp.Sentence, i int) string {
	a := i
	for a > 0 && i-a < 2 && hedges[string(sc.lw(a-1))] {
		a--
	}
	if a == i {
		return ""
	}
	var b strings.Builder
	for m := a; m < i; m++ {
		if m > a {
			b.WriteByte(' ')
		}
		b.Write(sc.lw(m))
	}
	return b.String()
}

// objectNoun returns the noun a number counts (0-based), -1 if none: the
// noun it modifies ("1.5 million people"), or the noun after "of"
// ("thousands of people").
func objectNoun(s *nlp.Sentence, run numberRun) int {
	for m := run.i; m <= run.j; m++ {
		h := s.Words[m].Head - 1
		if h >= 0 && h < len(s.Words) && (h < run.i || h > run.j) {
			if u := s.Words[h].UPOS; (u == "NOUN" || u == "PROPN") && h > run.j {
				return h
			}
		}
	}
	// "thousands of people", "5 of the soldiers": a noun attached to the
	// number with "of".
	for m := run.i; m <= run.j; m++ {
		for c := run.j + 1; c < len(s.Words) && c <= run.j+4; c++ {
			if s.Words[c].Head == m+1 && s.Words[c].UPOS == "NOUN" {
				return c
			}
		}
	}
	return -1
}

// objectText is the counted noun with its modifiers between the number and
// it ("combat soldiers"), lower case.
func (x *Extractor) objectText(sc *Scratch, s *nlp.Sentence, run numberRun, obj int) string {
	var b strings.Builder
	for m := run.j + 1; m <= obj; m++ {
		w := &s.Words[m]
		if m < obj && (w.Head != obj+1 || w.Deprel != "compound" && w.Deprel != "amod") {
			continue
		}
		if b.Len() > 0 {
			b.WriteByte(' ')
		}
		b.Write(sc.lw(m))
	}
	return b.String()
}

// countType returns the count type of the noun at obj and the word that
// typed it (-1 when the noun itself did): the verb it is subject or object
// of ("people were killed"), an adjective or participle on it ("people
// dead", "people killed in..."), else the noun ("protesters").
func countType(s *nlp.Sentence, obj int) (string, int) {
	w := &s.Words[obj]
	if h := w.Head - 1; h >= 0 && h < len(s.Words) {
		switch w.Deprel {
		case "nsubj", "nsubj:pass", "obj", "iobj", "nsubj:outer":
			if t, ok := countVerbs[s.Words[h].Lemma]; ok {
				return t, h
			}
		}
	}
	if h := w.Head - 1; h >= 0 && h < len(s.Words) {
		switch w.Deprel {
		case "nsubj", "nsubj:pass", "obj":
			if t, c := predicatedCount(s, h, obj); t != "" {
				return t, c
			}
		}
	}
	if h := w.Head - 1; strings.HasPrefix(w.Deprel, "nsubj") && h >= 0 && h < len(s.Words) && s.Words[h].UPOS != "VERB" {
		// A subject misattached to a noun before it ("According to the
		// Ministry over 345 pilgrims have been killed", "the ministry said
		// 12 people were arrested" misparsed): the verb right after the
		// noun and its auxiliaries.
		m := obj + 1
		for m < len(s.Words) && (s.Words[m].UPOS == "AUX" || s.Words[m].UPOS == "ADV") {
			m++
		}
		if m > obj+1 && m < len(s.Words) && s.Words[m].UPOS == "VERB" {
			if t, ok := countVerbs[s.Words[m].Lemma]; ok {
				return t, m
			}
		}
	}
	for c := range s.Words {
		cw := &s.Words[c]
		if cw.Head == obj+1 && (cw.Deprel == "amod" || cw.Deprel == "acl" || cw.Deprel == "acl:relcl") {
			if t, ok := countVerbs[cw.Lemma]; ok {
				return t, c
			}
			if t, ok := countVerbs[strings.ToLower(cw.Form)]; ok {
				return t, c
			}
		}
	}
	if t, ok := countNouns[w.Lemma]; ok {
		return t, -1
	}
	// "at least 40 militants and six soldiers were killed": a conjunct
	// counts as the first one does (once: the first is no conjunct).
	if h := w.Head - 1; w.Deprel == "conj" && h >= 0 && h < len(s.Words) && s.Words[h].Deprel != "conj" &&
		(s.Words[h].UPOS == "NOUN" || s.Words[h].UPOS == "PROPN") {
		if t, v := countType(s, h); t != "" && v >= 0 {
			return t, v
		}
	}
	// "A crowd of 5,000 people marched": the people of a crowd do what
	// the crowd does.
	if h := w.Head - 1; w.Deprel == "nmod" && h >= 0 && h < len(s.Words) && crowdNouns[s.Words[h].Lemma] && s.Words[h].Deprel != "nmod" {
		return countType(s, h) // (once: the crowd is no nmod, so no cycle of the tree recurses)
	}
	return "", -1
}

// crowdNouns are gatherings whose count is told by the noun after "of".
var crowdNouns = wordSet(`crowd crowds throng mob gathering procession column convoy group`)

// hedgingVerbs report a count without asserting it: "30 rebels are
// believed dead", "12 people were feared killed", "five were reported
// missing".
var hedgingVerbs = wordSet(`believe fear report presume confirm think know say`)

// homeVerbs with "from" and a home make their object displaced: "ten
// thousand have been forced from their homes", "driven 1.5 million others
// from their homes".
var homeVerbs = wordSet(`force drive chase push flee`)

// harmVerbs with "dead" or "to death" kill: "shot dead", "beaten to death".
var harmVerbs = wordSet(`shoot beat stab hack burn stone crush trample gun club`)

// treatVerbs with "for" an injury wound: "treated for injuries".
var treatVerbs = wordSet(`treat hospitalize hospitalise admit`)

// injuryNouns are what treatVerbs treat people for.
var injuryNouns = wordSet(`injury injuries wound wounds burn burns`)

// predicatedCount returns the count type of the subject or object of verb
// h told by the words h governs, the class of "more than 30 rebels are
// believed dead" (a hedging verb and a count word as its complement) and
// "ten thousand have been forced from their homes" (AFFECT; the home may
// hang on the counted noun obj), with the word that typed it; "" when
// none.
func predicatedCount(s *nlp.Sentence, h, obj int) (string, int) {
	hedging, home := hedgingVerbs[s.Words[h].Lemma], homeVerbs[s.Words[h].Lemma]
	harm, treat := harmVerbs[s.Words[h].Lemma], treatVerbs[s.Words[h].Lemma]
	if !hedging && !home && !harm && !treat {
		return "", -1
	}
	for c := range s.Words {
		cw := &s.Words[c]
		if cw.Head == obj+1 && home && cw.Deprel == "nmod" && (cw.Lemma == "home" || cw.Lemma == "homes") {
			return "AFFECT", h // "drove 4,000 families from their homes", the home parsed on the noun
		}
		if cw.Head != h+1 {
			continue
		}
		if hedging && cw.Deprel == "xcomp" {
			// (a victim's state, not "reported to have fled")
			t, ok := countVerbs[cw.Lemma]
			if !ok {
				t, ok = countVerbs[strings.ToLower(cw.Form)]
			}
			if ok && t != "AFFECT" && t != "PROTEST" {
				return t, c
			}
		}
		if home && strings.HasPrefix(cw.Deprel, "obl") && (cw.Lemma == "home" || cw.Lemma == "homes") {
			return "AFFECT", h
		}
		// "two people were shot dead", "beaten to death"
		if harm && (cw.Deprel == "xcomp" && strings.EqualFold(cw.Form, "dead") || strings.HasPrefix(cw.Deprel, "obl") && cw.Lemma == "death") {
			return "KILL", h
		}
		// "15 others were treated for injuries"
		if treat && strings.HasPrefix(cw.Deprel, "obl") && injuryNouns[cw.Lemma] {
			return "WOUND", h
		}
	}
	return "", -1
}

// nearestPlace returns the resolved place of sentence s (index k) for a
// count told by word verb (-1: none) at offset off: a place in the verb's
// own clause first ("Three soldiers who had been sent from Kandahar were
// killed in Helmand" counts in Helmand), then the nearest to off, cities
// and divisions before countries; nil when the sentence names none.
func (sc *Scratch) nearestPlace(s *nlp.Sentence, k, verb, off int) *event.Geo {
	var best *event.Geo
	bestKey := 0
	for _, sp := range sc.spots {
		if sp.sent != k || sp.geo == nil {
			continue
		}
		key := sp.start - off
		if key < 0 {
			key = -key
		}
		if sp.geo.Type == 1 {
			key += 1 << 30
		}
		if verb >= 0 && !inClause(s, wordAt(s, sp.start), verb) {
			key += 1 << 31
		}
		if best == nil || key < bestKey {
			best, bestKey = sp.geo, key
		}
	}
	return best
}

// clauseHeads are the relations that attach a clause of its own: a place
// under one belongs to that clause, not to the verb above it.
var clauseHeads = wordSet(`advcl ccomp csubj conj parataxis acl acl:relcl xcomp list`)

// inClause reports whether word w (0-based, -1 for none) of s lies in the
// clause of word verb: its heads reach verb before they reach the head of
// another clause.
func inClause(s *nlp.Sentence, w, verb int) bool {
	for steps := 0; w >= 0 && w < len(s.Words) && steps <= len(s.Words); steps++ {
		if w == verb {
			return true
		}
		if clauseHeads[s.Words[w].Deprel] && s.Words[w].UPOS != "NOUN" && s.Words[w].UPOS != "PROPN" {
			return false
		}
		w = s.Words[w].Head - 1
	}
	return false
}

// wordAt returns the index of the word of s starting at byte offset off,
// -1 when none.
func wordAt(s *nlp.Sentence, off int) int {
	for i := range s.Words {
		if s.Words[i].Start == off {
			return i
		}
	}
	return -1
}
