package gkg

import (
	"fmt"
	"strings"

	"github.com/eventwire/eventwire/internal/nlp"
)

// themeRules index the theme patterns by their first word.
type themeRules struct {
	byFirst  map[string][]themeRule // exact first words
	prefixed []themeRule            // rules whose first word is a prefix ("turkophob*")
}

type themeRule struct {
	theme string
	words []string // a trailing '*' marks a prefix
	line  int
}

// parseThemes reads THEME<TAB>pattern lines.
func parseThemes(data []byte, name string) (*themeRules, error) {
	t := &themeRules{byFirst: map[string][]themeRule{}}
	err := eachLine(data, func(line int, s string) error {
		th, pat, ok := strings.Cut(s, "\t")
		if !ok || th == "" || strings.TrimSpace(pat) == "" {
			return fmt.Errorf("%s:%d: want THEME<TAB>pattern", name, line)
		}
		for _, c := range th {
			if !(c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_') {
				return fmt.Errorf("%s:%d: theme %q: want upper-case letters, digits and '_'", name, line, th)
			}
		}
		r := themeRule{theme: th, words: strings.Fields(pat), line: line}
		for _, w := range r.words {
			if w != strings.ToLower(w) || w == "*" {
				return fmt.Errorf("%s:%d: pattern word %q: want lower case", name, line, w)
			}
		}
		add := func(r themeRule) {
			if f := r.words[0]; strings.HasSuffix(f, "*") {
				t.prefixed = append(t.prefixed, r)
			} else {
				t.byFirst[f] = append(t.byFirst[f], r)
			}
		}
		add(r)
		if hw := hyphenated(r.words); hw != nil {
			add(themeRule{theme: th, words: hw, line: line})
		}
		return nil
	})
	return t, err
}

// wordMatches reports whether pattern word p matches word i of s.
func (sc *Scratch) wordMatches(p string, s *nlp.Sentence, i int) bool {
	low := sc.lw(i)
	lemma := s.Words[i].Lemma
	if stem, ok := strings.CutSuffix(p, "*"); ok {
		return strings.HasPrefix(string(low), stem) || strings.HasPrefix(lemma, stem)
	}
	if string(low) == p || lemma == p {
		return true
	}
	// plural nouns the lemmatiser left alone ("talks"), and hyphenated
	// forms written as one word ("cease-fire" for "ceasefire")
	if s.Words[i].UPOS == "NOUN" && singular(string(low)) == p {
		return true
	}
	return strings.IndexByte(string(low), '-') > 0 && strings.ReplaceAll(string(low), "-", "") == strings.ReplaceAll(p, "-", "")
}

// singular strips a plural ending from a lower-case noun: "talks" →
// "talk", "ceasefires" → "ceasefire", "crises" stays.
func singular(w string) string {
	switch {
	case len(w) > 4 && strings.HasSuffix(w, "ies"):
		return w[:len(w)-3] + "y"
	case len(w) > 3 && strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ss") && !strings.HasSuffix(w, "is") && !strings.HasSuffix(w, "us"):
		return w[:len(w)-1]
	}
	return w
}

// hyphenated returns the words of a pattern with each hyphenated word
// split into its parts and hyphens ("cease-fire" → "cease", "-", "fire"),
// as the tokenizer writes them; nil when none is hyphenated.
func hyphenated(words []string) []string {
	var out []string
	split := false
	for _, w := range words {
		parts := strings.Split(w, "-")
		if len(parts) < 2 || strings.HasSuffix(w, "*") {
			out = append(out, w)
			continue
		}
		split = true
		for k, p := range parts {
			if k > 0 {
				out = append(out, "-")
			}
			out = append(out, p)
		}
	}
	if !split {
		return nil
	}
	return out
}

// matchThemes finds theme mentions: at each word, the longest rule of each
// theme that matches there.
func (x *Extractor) matchThemes(sc *Scratch, d *nlp.Document, r *Record) {
	for k := range d.Sentences {
		s := &d.Sentences[k]
		sc.lowerSentence(s)
		for i := range s.Words {
			sc.hits = sc.hits[:0]
			if i > 0 && notNames[string(sc.lw(i))] && capitalised(s.Words[i].Form) {
				continue // a month or day name ("March"), not the verb or noun
			}
			try := func(rule *themeRule) {
				if i+len(rule.words) > len(s.Words) {
					return
				}
				for j, p := range rule.words {
					if !sc.wordMatches(p, s, i+j) {
						return
					}
				}
				if sc.otherSense(rule.theme, s, i) {
					return // "killed hope", jets "struck", "a resolution to the stalemate"
				}
				for h := range sc.hits {
					if sc.hits[h].theme == rule.theme {
						sc.hits[h].n = max(sc.hits[h].n, len(rule.words))
						return
					}
				}
				sc.hits = append(sc.hits, themeHit{rule.theme, len(rule.words)})
			}
			low := sc.lw(i)
			rules := x.themes.byFirst[string(low)]
			for j := range rules {
				try(&rules[j])
			}
			if l := s.Words[i].Lemma; l != string(low) {
				rules = x.themes.byFirst[l]
				for j := range rules {
					try(&rules[j])
				}
			}
			for j := range x.themes.prefixed {
				try(&x.themes.prefixed[j])
			}
			for _, h := range sc.hits {
				r.Themes = append(r.Themes, Theme{Theme: h.theme, Offset: wordOffset(s, i), Text: spanText(d, s, i, i+h.n-1)})
			}
		}
	}
}

type themeHit struct {
	theme string
	n     int
}
