package geo

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/eventwire/eventwire/internal/geo/norm"
)

// MinSpotPopulation is the smallest population of a city that Spot reports
// by name alone; smaller places are found only as "Place, Country".
const MinSpotPopulation = 50000

// Found is a place name found in a text by Spot.
type Found struct {
	Mention
	Start, End int // byte offsets of Mention.Text in the text passed to Spot
}

// token is a word of a sentence with its byte span; key is its folded form
// without a possessive.
type token struct {
	start, end int // the name part, possessive and final dot excluded
	key        string
	upper      bool // starts with an upper-case letter
	dot        bool // was followed by a dot ("Va.")
	comma      bool // is followed by ", "
}

// Spot finds place names in a sentence: runs of capitalised words (up to
// four) that name a country, a first-level division or a city of at least
// MinSpotPopulation people, and any capitalised word followed by
// ", Country" or ", State" ("Jabra, Tunisia"). Nationality adjectives are
// not places. Capitalised words that continue a name ("George Washington")
// and a city name opening the sentence are skipped. Offsets are relative
// to sentence; add the sentence's offset in the document.
func (g *Gazetteer) Spot(sentence string) []Found {
	toks := tokenize(sentence)
	var out []Found
	var buf []byte
	for i := 0; i < len(toks); i++ {
		t := toks[i]
		if !t.upper {
			continue
		}
		if i > 0 && toks[i-1].upper && !toks[i-1].comma && !endsClause(sentence, toks[i-1].end, t.start) {
			continue // inside a run of capitalised words that did not start with a place
		}
		matched := 0
		for n := min(4, len(toks)-i); n >= 1; n-- {
			buf = buf[:0]
			for j := i; j < i+n; j++ {
				if j > i {
					if !toks[j].upper && toks[j].key != "of" && toks[j].key != "and" {
						buf = buf[:0]
						break
					}
					buf = append(buf, ' ')
				}
				buf = append(buf, toks[j].key...)
			}
			if len(buf) == 0 {
				continue
			}
			key := string(buf)
			if toks[i+n-1].dot {
				if _, ok := g.names[key+"."]; ok {
					key += "."
				}
			}
			if _, adj := g.adjectives[key]; adj {
				matched = -n
				break
			}
			if g.spottable(g.names[key], i == 0) {
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
			if k := i + matched; k < len(toks) && toks[k].upper && !endsClause(sentence, toks[k-1].end, toks[k].start) {
				i = k
				for i+1 < len(toks) && toks[i+1].upper {
					i++
				}
				continue
			}
		}
		end := i + matched - 1
		// "Place, Qualifier": an unknown or known name followed by a region.
		if toks[max(end, i)].comma && max(end, i)+1 < len(toks) {
			q := max(end, i) + 1
			for n := min(3, len(toks)-q); n >= 1; n-- {
				if !toks[q].upper {
					break
				}
				qs := sentence[toks[q].start:toks[q+n-1].end]
				if toks[q+n-1].dot && !strings.HasSuffix(qs, ".") {
					qs += "." // "Va." keeps its dot; "D.C." has it already
				}
				if len(g.qualify(qs)) > 0 && (matched > 0 || i > 0) {
					e := toks[q].start + len(qs)
					out = append(out, Found{Mention{Text: sentence[t.start:e], Sentence: sentence}, t.start, e})
					i = q + n - 1
					matched = -1
					break
				}
			}
			if matched == -1 {
				continue
			}
		}
		if matched > 0 {
			out = append(out, Found{Mention{Text: sentence[t.start:toks[end].end], Sentence: sentence}, t.start, toks[end].end})
			i = end
		}
	}
	return out
}

// endsClause reports whether punctuation separates two tokens.
func endsClause(s string, from, to int) bool {
	return strings.ContainsAny(s[from:to], ",;:()\"")
}

// spottable reports whether refs make a name worth reporting by itself.
func (g *Gazetteer) spottable(refs []ref, sentenceStart bool) bool {
	for _, r := range refs {
		switch r.kind {
		case kindCountry, kindDivision:
			return true
		case kindPlace:
			if !sentenceStart && g.Places[r.idx].Population >= MinSpotPopulation {
				return true
			}
		}
	}
	return false
}

// tokenize splits a sentence into words: runs of letters, digits, hyphens,
// apostrophes and inner dots.
func tokenize(s string) []token {
	var toks []token
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
		end := j
		w := s[start:end]
		if t, ok := strings.CutSuffix(w, "'s"); ok {
			w, end = t, start+len(t)
		} else if t, ok := strings.CutSuffix(w, "’s"); ok {
			w, end = t, start+len(t)
		}
		w = strings.TrimRight(w, "-'’")
		end = start + len(w)
		dot := j < len(s) && s[j] == '.'
		comma := strings.HasPrefix(s[j:], ", ") || strings.HasPrefix(s[j:], "., ")
		if dot && strings.Contains(w, ".") {
			end++ // "U.S." keeps its final dot
			w = s[start:end]
		}
		if k := norm.Fold(w); k != "" {
			toks = append(toks, token{start: start, end: end, key: k, upper: unicode.IsUpper(r), dot: dot, comma: comma})
		}
		i = j
	}
	return toks
}
