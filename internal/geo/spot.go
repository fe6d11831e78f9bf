package geo

import (
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/eventwire/eventwire/internal/geo/norm"
)

// MinSpotPopulation is the smallest population of a city that Spot reports
// by name alone; smaller places are found only as "Place, Country".
const MinSpotPopulation = 50000

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
			joined := true
			for j := i + 1; j < i+n; j++ {
				if k := w.key(j, j); !toks[j].upper && string(k) != "of" && string(k) != "and" {
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
			if g.spottable(g.names[string(key)], i == 0) {
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
		if t, ok := strings.CutSuffix(word, "'s"); ok {
			word = t
		} else if t, ok := strings.CutSuffix(word, "’s"); ok {
			word = t
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
			w.toks = append(w.toks, token{start: start, end: end, ks: ks, ke: len(w.keys), upper: unicode.IsUpper(r), dot: dot, comma: comma})
			w.keys = append(w.keys, ' ')
		}
		i = j
	}
}
