package depparse

import (
	"strings"

	"github.com/eventwire/eventwire/internal/nlp"
)

// Score counts attachment agreement with gold trees over all words,
// punctuation included (as in the CoNLL 2018 shared task).
type Score struct {
	Words     int
	Heads     int // words with the gold head
	Labelled  int // words with the gold head and the gold label
	Universal int // words with the gold head and the gold label's universal part (before ':')
}

// UAS is the unlabelled attachment score in percent.
func (s Score) UAS() float64 { return pct(s.Heads, s.Words) }

// LAS is the labelled attachment score in percent, with full labels
// (subtypes such as nsubj:pass must match).
func (s Score) LAS() float64 { return pct(s.Labelled, s.Words) }

// ULAS is the labelled attachment score comparing only the universal part of
// labels, the LAS of the CoNLL 2018 evaluation script.
func (s Score) ULAS() float64 { return pct(s.Universal, s.Words) }

func pct(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return 100 * float64(a) / float64(b)
}

// Add accumulates the agreement of the parsed sentence got with gold; both
// must have the same words.
func (s *Score) Add(gold, got *nlp.Sentence) {
	for i := range gold.Words {
		g, p := &gold.Words[i], &got.Words[i]
		s.Words++
		if g.Head != p.Head {
			continue
		}
		s.Heads++
		if g.Deprel == p.Deprel {
			s.Labelled++
		}
		if universal(g.Deprel) == universal(p.Deprel) {
			s.Universal++
		}
	}
}

func universal(l string) string {
	if i := strings.IndexByte(l, ':'); i >= 0 {
		return l[:i]
	}
	return l
}

// Evaluate parses a copy of each gold sentence with the tags it carries and
// scores the result.
func Evaluate(m *Model, gold []*nlp.Sentence) Score {
	p := m.NewParser()
	var sc Score
	var cp nlp.Sentence
	for _, g := range gold {
		cp.Words = append(cp.Words[:0], g.Words...)
		p.Parse(&cp)
		sc.Add(g, &cp)
	}
	return sc
}
