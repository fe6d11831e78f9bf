package coder

import (
	"fmt"
	"io"
	"strings"

	"github.com/eventwire/eventwire/internal/event"
	"github.com/eventwire/eventwire/internal/nlp"
)

// WriteExplanation writes what `eventwire dict explain` shows for one coded
// sentence: its tokens (form, lemma, part of speech, head, relation), its
// dependency tree, the coder's trace (actors and agents found, verb and
// noun patterns tried, why each event was or was not produced) and the
// events.
func WriteExplanation(w io.Writer, s *nlp.Sentence, evs []event.Event, tr *Trace) error {
	var b strings.Builder
	fmt.Fprintf(&b, "sentence: %s\n\ntokens:\n", s.Text)
	for i := range s.Words {
		x := &s.Words[i]
		fmt.Fprintf(&b, "  %2d %-16s %-14s %-5s %2d %s\n", x.ID, x.Form, x.Lemma, x.UPOS, x.Head, x.Deprel)
	}
	b.WriteString("\ntree:\n")
	kids := make([][]int, len(s.Words)+1)
	for i := range s.Words {
		h := s.Words[i].Head
		if h < 0 || h > len(s.Words) {
			h = 0
		}
		kids[h] = append(kids[h], i+1)
	}
	seen := make([]bool, len(s.Words)+1)
	var walk func(id, depth int)
	walk = func(id, depth int) {
		for _, k := range kids[id] {
			if seen[k] {
				continue
			}
			seen[k] = true
			x := &s.Words[k-1]
			fmt.Fprintf(&b, "  %s%s (%s)\n", strings.Repeat("  ", depth), x.Form, x.Deprel)
			walk(k, depth+1)
		}
	}
	walk(0, 0)
	b.WriteString("\ntrace:\n")
	if tr != nil {
		for _, st := range tr.Steps {
			fmt.Fprintf(&b, "  %-8s %s\n", st.Kind, st.Msg)
		}
	}
	b.WriteString("\nevents:\n")
	if len(evs) == 0 {
		b.WriteString("  none\n")
	}
	for _, e := range evs {
		fmt.Fprintf(&b, "  %s → %s %s", e.Source, e.Target, e.Code)
		if e.Negated {
			b.WriteString(" negated")
		}
		if e.Reported {
			fmt.Fprintf(&b, " reported by %s", e.Attribution)
		}
		fmt.Fprintf(&b, "  [%s | %s | %s] %s\n", e.SourceSpan.Text, e.VerbSpan.Text, e.TargetSpan.Text, e.Rule)
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// Explained is one sentence of a document coded with a trace
// (ExplainSentences).
type Explained struct {
	Index  int           // 0-based index of the sentence in the document
	Events []event.Event // the sentence's events, as CodeDocument codes them
	Trace  *Trace
}

// ExplainSentences codes document d as CodeDocument does, up to the last of
// the sentences want names (0-based indices in ascending order), and
// returns the events and trace of each of those sentences: pronouns,
// document entities and the pair "the two sides" refers to resolve from the
// sentences before, as when the whole document is coded, but only the
// sentences asked for are traced. Indices out of range are left out. A
// story-level discard gives each sentence asked for no events and a trace
// of that one step.
func (c *Coder) ExplainSentences(doc Doc, d *nlp.Document, want []int) []Explained {
	if len(want) == 0 {
		return nil
	}
	sc := c.NewScratch()
	sc.resetDoc()
	var out []Explained
	for i := range d.Sentences {
		if c.storyDiscard(sc, &d.Sentences[i]) {
			for _, k := range want {
				if k >= 0 && k < len(d.Sentences) {
					sc.tr = &Trace{}
					sc.trace("story discarded: %s", sc.discardRule)
					out = append(out, Explained{Index: k, Trace: sc.tr})
				}
			}
			sc.tr = nil
			return out
		}
	}
	if doc.Text == "" {
		doc.Text = d.Text
	}
	sc.docOn = true // discourse.go
	var evs []event.Event
	next := 0
	for i := range d.Sentences {
		for next < len(want) && want[next] < i {
			next++
		}
		if next == len(want) {
			break
		}
		traced := want[next] == i
		sc.tr = nil
		if traced {
			sc.tr = &Trace{}
		}
		start := len(evs)
		evs = c.codeSentence(sc, doc, i+1, &d.Sentences[i], evs)
		if traced {
			out = append(out, Explained{Index: i, Events: evs[start:len(evs):len(evs)], Trace: sc.tr})
		}
	}
	sc.docOn = false
	sc.tr = nil
	return out
}
