package geo

import (
	"math"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/eventwire/eventwire/internal/geo/norm"
)

// Populations a city needs to be reported by Spot by name alone: any
// GeoNames place (1,000+) after a locative preposition ("in Heredia", "near
// Dover"), MinSpotPopulation elsewhere in a sentence, MinSpotPopulationStart
// as the sentence's first word, where capitalisation says less.
const (
	MinSpotPopulation      = 50000
	MinSpotPopulationStart = 500000
)

// locatives are words after which a capitalised name is most likely a place.
var locatives = map[string]bool{"in": true, "at": true, "near": true, "from": true, "to": true, "outside": true,
	"into": true, "towards": true, "toward": true, "around": true, "across": true, "through": true, "via": true,
	"inside": true, "between": true, "of": true, "reach": true, "reached": true, "entered": true, "hit": true,
	"struck": true, "visited": true, "fled": true}

// openers are sentence-initial function words: a capitalised name after
// them does not continue a run of capitalised words ("The Punjab government").
var openers = map[string]bool{"the": true, "a": true, "an": true, "in": true, "on": true, "at": true, "for": true,
	"from": true, "to": true, "by": true, "with": true, "after": true, "before": true, "when": true, "while": true,
	"as": true, "but": true, "and": true, "since": true, "during": true, "under": true, "over": true, "near": true,
	"across": true, "both": true, "several": true, "this": true, "that": true, "these": true, "those": true,
	"his": true, "her": true, "their": true, "its": true, "our": true, "some": true, "many": true, "most": true, "all": true}

// connectors are lower-case words inside place names: "Viña del Mar",
// "Deir al-Balah", "Stratford-upon-Avon", "Bosnia and Herzegovina".
var connectors = map[string]bool{"of": true, "and": true, "de": true, "del": true, "la": true, "las": true,
	"los": true, "el": true, "al": true, "an": true, "ad": true, "ar": true, "as": true, "ash": true, "az": true,
	"ez": true, "es": true, "da": true, "do": true, "dos": true, "das": true, "di": true, "du": true, "des": true,
	"le": true, "les": true, "upon": true, "on": true, "am": true, "im": true, "sur": true, "en": true, "y": true}

// notCities are capitalised words that are also the names of towns but in
// news text almost always mean something else: months, weekdays, titles,
// institutions.
var notCities = map[string]bool{"january": true, "february": true, "march": true, "april": true, "may": true,
	"june": true, "july": true, "august": true, "september": true, "october": true, "november": true,
	"december": true, "monday": true, "tuesday": true, "wednesday": true, "thursday": true, "friday": true,
	"saturday": true, "sunday": true, "arab": true, "police": true, "mass": true, "congress": true,
	"parliament": true, "senate": true, "president": true, "prime": true, "minister": true, "general": true,
	"university": true, "union": true, "unity": true, "victory": true, "liberty": true, "hope": true,
	"christmas": true, "easter": true, "ramadan": true, "god": true, "allah": true, "islam": true}

var wordsPool = sync.Pool{New: func() any { return new(words) }}

// Found is a place name found in a text by Spot.
type Found struct {
	Mention
	Start, End int // byte offsets of Mention.Text in the text passed to Spot
}

// token is a word of a sentence with its byte span and the span of its
// folded form (possessive excluded) in words.keys.
type token struct {
	start, end int  // the name part, possessive and final dot excluded
	ks, ke     int  // the folded key in words.keys
	upper      bool // starts with an upper-case letter
	dot        bool // was followed by a dot ("Va.")
	comma      bool // is followed by ", "
	poss       bool // was written with a possessive "'s"
}

// words is a tokenised sentence. The folded keys of its tokens are laid out
// in one buffer, each followed by a space, so that the key of the n-gram of
// tokens i..j is the contiguous keys[toks[i].ks:toks[j].ke]; looking it up
// in a map allocates nothing.
type words struct {
	toks    []token
	keys    []byte
	scratch []byte
}

// key returns the folded key of tokens i..j (inclusive).
func (w *words) key(i, j int) []byte { return w.keys[w.toks[i].ks:w.toks[j].ke] }

// lookup returns the names-index key for tokens i..j: with a final dot when
// the last token was written with one and the dotted form is an
// abbreviation in the index ("Va.", "Mass."), else without.
func (w *words) lookup(g *Gazetteer, i, j int) []byte {
	k := w.key(i, j)
	if w.toks[j].dot {
		w.scratch = append(append(w.scratch[:0], k...), '.')
		if _, ok := g.names[string(w.scratch)]; ok {
			return w.scratch
		}
	}
	return k
}

// Spot finds place names in a sentence: runs of capitalised words (up to
// four) that name a country, a first-level division or a city of at least
// MinSpotPopulation people, and any capitalised word followed by
// ", Country" or ", State" ("Jabra, Tunisia"). Nationality adjectives are
// not places. Capitalised words that continue a name ("George Washington")
// and a city name opening the sentence are skipped. Offsets are relative
// to sentence; add the sentence's offset in the document.
func (g *Gazetteer) Spot(sentence string) []Found {
	w := wordsPool.Get().(*words)
	defer wordsPool.Put(w)
	w.tokenize(sentence)
	toks := w.toks
	var out []Found
	lastEnd := -2 // index of the last token of the last place found
	for i := 0; i < len(toks); i++ {
		t := toks[i]
		if !t.upper {
			continue
		}
		if i > 0 && toks[i-1].upper && !toks[i-1].comma && !toks[i-1].poss && !endsClause(sentence, toks[i-1].end, t.start) &&
			!(i == 1 && openers[string(w.key(0, 0))]) {
			continue // inside a run of capitalised words that did not start with a place
		}
		minPop := int64(MinSpotPopulation)
		switch {
		case i == 0 || sentenceEnds(sentence, toks[i-1], t):
			minPop = MinSpotPopulationStart
		case locatives[string(w.key(i-1, i-1))]:
			minPop = 0
		case i >= 2 && lastEnd == i-2 && (string(w.key(i-1, i-1)) == "and" || string(w.key(i-1, i-1)) == "or"):
			minPop = 0 // "in Heredia and Alajuela"
		case i >= 1 && lastEnd == i-1 && toks[i-1].comma:
			minPop = 0 // "in Gori, Rustavi and ..."
		}
		afterThe := i > 0 && string(w.key(i-1, i-1)) == "the"
		// a district by its name alone: after a preposition of place, or
		// "of" after a designator ("the district of Swat")
		districtOK := i > 0 && districtLocatives[string(w.key(i-1, i-1))] ||
			i > 1 && string(w.key(i-1, i-1)) == "of" && designators[string(w.key(i-2, i-2))]
		if acronym(sentence[t.start:t.end]) || notCities[string(w.key(i, i))] {
			minPop = math.MaxInt64 // "APA", "March": only countries and divisions ("US", "UAE")
		}
		matched := 0
		for n := min(4, len(toks)-i); n >= 1; n-- {
			if last := w.key(i+n-1, i+n-1); !toks[i+n-1].upper && !(n > 1 && connectors[firstWord(last)] && len(firstWord(last)) < len(last)) {
				continue // a name ends with a capitalised word, or "al-Balah"
			}
			joined := true
			for j := i + 1; j < i+n-1; j++ {
				if !toks[j].upper && !connectors[firstWord(w.key(j, j))] {
					joined = false
					break
				}
			}
			if !joined {
				continue
			}
			key := w.lookup(g, i, i+n-1)
			if _, adj := g.adjectives[string(key)]; adj {
				matched = -n
				break
			}
			var next []byte
			if i+n < len(toks) {
				next = w.key(i+n, i+n)
			}
			if g.spottable(g.names[string(key)], minPop, afterThe, districtOK, next) {
				matched = n
				break
			}
		}
		if matched < 0 {
			i += -matched - 1
			continue
		}
		if matched > 0 {
			// A name followed by another capitalised word is part of a longer
			// name: "Chad Smith", "Paris Saint-Germain", "Georgia Tech".
			if k := i + matched; k < len(toks) && toks[k].upper && !toks[k-1].poss && !toks[k-1].comma &&
				!endsClause(sentence, toks[k-1].end, toks[k].start) && !designators[string(w.key(k, k))] {
				i = k
				for i+1 < len(toks) && toks[i+1].upper {
					i++
				}
				continue
			}
		}
		end := max(i+matched-1, i)
		// "Place, Qualifier": an unknown or known name followed by a region;
		// not a weekday, month or other word of notCities that is no place
		// here ("On Monday, U.S. officials", "In March, Iraq").
		if toks[end].comma && end+1 < len(toks) && (matched > 0 || i > 0 && !notCities[string(w.key(i, i))]) {
			q := end + 1
			found := false
			for n := min(3, len(toks)-q); n >= 1 && toks[q].upper; n-- {
				qs := sentence[toks[q].start:toks[q+n-1].end]
				if toks[q+n-1].dot && !strings.HasSuffix(qs, ".") {
					if _, ok := g.names[string(w.key(q, q+n-1))+"."]; ok {
						qs += "." // "Va." keeps its dot when it is an abbreviation
					}
				}
				if len(g.qualify(qs)) > 0 {
					e := toks[q].start + len(qs)
					out = append(out, Found{Mention{Text: sentence[t.start:e], Sentence: sentence}, t.start, e})
					i, lastEnd, found = q+n-1, q+n-1, true
					break
				}
			}
			if found {
				continue
			}
		}
		if matched > 0 {
			out = append(out, Found{Mention{Text: sentence[t.start:toks[end].end], Sentence: sentence}, t.start, toks[end].end})
			i, lastEnd = end, end
		}
	}
	return out
}

// acronym reports whether a word is written in capitals only ("APA", "U.S.").
func acronym(w string) bool {
	letters := 0
	for _, r := range w {
		if unicode.IsLower(r) {
			return false
		}
		if unicode.IsLetter(r) {
			letters++
		}
	}
	return letters >= 2
}

// firstWord returns the first word of a folded key.
func firstWord(k []byte) string {
	for i, c := range k {
		if c == ' ' {
			return string(k[:i])
		}
	}
	return string(k)
}

// sentenceEnds reports whether a sentence ends between two tokens (text
// passed to Spot may be a paragraph): a full stop, question or exclamation
// mark after a word that is no acronym ("U.S.").
func sentenceEnds(s string, prev, t token) bool {
	return strings.ContainsAny(s[prev.end:t.start], ".!?") && !acronym(s[prev.start:prev.end])
}

// endsClause reports whether punctuation separates two tokens.
func endsClause(s string, from, to int) bool {
	return strings.ContainsAny(s[from:to], ",;:()\"")
}

// districtLocatives are the prepositions of place after which a district's
// name alone is reported (not "of", "to" or the verbs of locatives).
var districtLocatives = map[string]bool{"in": true, "near": true, "at": true, "from": true, "outside": true,
	"across": true, "into": true, "through": true, "inside": true, "toward": true, "towards": true, "around": true}

// designators are the words that follow a division's name and make it one
// ("Swat district", "Helmand Province"); written with a capital they do
// not make the name part of a longer one.
var designators = map[string]bool{"district": true, "county": true, "province": true, "governorate": true,
	"prefecture": true, "oblast": true, "region": true, "municipality": true}

// spottable reports whether refs make a name worth reporting by itself:
// a country, a division, a city of at least minPop people not written
// after "the" ("the Alhambra", "the Dnipro river"), a physical feature or
// region (not a word of notCities or an acronym: minPop is then the
// maximum), or a second-order division after a preposition of place
// (districtOK: "in Swat", "the district of Swat"), before a designator
// (next, the folded word after the name: "Swat district") or named with
// its own ("Mobile County"): a district's name alone is too often a word
// or a person's name ("a tribute to Cher", "devotees of Krishna").
func (g *Gazetteer) spottable(refs []ref, minPop int64, afterThe, districtOK bool, next []byte) bool {
	for _, r := range refs {
		switch r.kind {
		case kindCountry, kindDivision:
			return true
		case kindPlace:
			p := &g.Places[r.idx]
			switch {
			case p.IsFeature():
				if minPop != math.MaxInt64 {
					return true
				}
			case p.Feature == "ADM2":
				if districtOK || designators[string(next)] ||
					minPop != math.MaxInt64 && !r.alias && designators[strings.ToLower(lastWord(p.Name))] {
					return true
				}
			default:
				if !afterThe && p.Population >= minPop {
					return true
				}
			}
		}
	}
	return false
}

// lastWord returns the last space-separated word of s.
func lastWord(s string) string {
	return s[strings.LastIndexByte(s, ' ')+1:]
}

// tokenize splits a sentence into words: runs of letters, digits, hyphens,
// apostrophes and inner dots. It reuses w's buffers.
func (w *words) tokenize(s string) {
	w.toks, w.keys = w.toks[:0], w.keys[:0]
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		if !(unicode.IsLetter(r) || unicode.IsDigit(r)) {
			i += n
			continue
		}
		start := i
		j := i
		for j < len(s) {
			r, n := utf8.DecodeRuneInString(s[j:])
			if unicode.IsLetter(r) || unicode.IsDigit(r) || r == '-' || r == '\'' || r == '’' {
				j += n
				continue
			}
			// An inner dot ("U.S", "D.C") belongs to the word.
			if r == '.' && j+1 < len(s) {
				if r2, _ := utf8.DecodeRuneInString(s[j+1:]); unicode.IsLetter(r2) {
					j += n
					continue
				}
			}
			break
		}
		word := s[start:j]
		// A possessive is the name: "Portugal's", "Georgia’s".
		poss := false
		if t, ok := strings.CutSuffix(word, "'s"); ok {
			word, poss = t, true
		} else if t, ok := strings.CutSuffix(word, "’s"); ok {
			word, poss = t, true
		}
		word = strings.TrimRight(word, "-'’")
		end := start + len(word)
		dot := j < len(s) && s[j] == '.'
		comma := strings.HasPrefix(s[j:], ", ") || strings.HasPrefix(s[j:], "., ")
		if dot && strings.Contains(word, ".") {
			end++ // "U.S." keeps its final dot
			word = s[start:end]
		}
		ks := len(w.keys)
		w.keys = norm.AppendFold(w.keys, word)
		if len(w.keys) > ks {
			w.toks = append(w.toks, token{start: start, end: end, ks: ks, ke: len(w.keys), upper: unicode.IsUpper(r), dot: dot, comma: comma, poss: poss})
			w.keys = append(w.keys, ' ')
		}
		i = j
	}
}
