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
