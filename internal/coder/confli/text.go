package confli

import (
	"strings"

	"github.com/eventwire/eventwire/internal/coder"
	"github.com/eventwire/eventwire/internal/event"
	"github.com/eventwire/eventwire/internal/nlp"
	"github.com/eventwire/eventwire/internal/nlp/pipeline"
)

// Options are the coder options the evaluation uses: events with one
// side unknown are coded (an argument phrase that names no actor is still
// the source or target span, see coder.Options.AllowMonad), and spans cover
// the arguments' whole noun phrases, as ConfliBERT's annotators mark them
// (coder.Options.PhraseSpans).
func Options() coder.Options {
	return coder.Options{AllowMonad: true, AllowUnknown: true, PhraseSpans: true}
}

// TextCoder returns a function that codes raw text as one document: the
// worker tokenizes, tags and parses it, the coder codes it. The function
// reuses one Scratch and is not safe for concurrent use.
func TextCoder(c *coder.Coder, w *pipeline.Worker) func(text string) []event.Event {
	sc := c.NewScratch()
	return func(text string) []event.Event {
		doc := &nlp.Document{Text: text, Sentences: w.Process(text)}
		sc.Reset()
		return c.CodeDocument(sc, coder.Doc{Text: text}, doc, nil)
	}
}

// Reasons explains why text yields no event, for listing: each verb or
// noun event of the dictionary found, with why it coded nothing ("verb
// "attacked": no source actor"), or "no verb of the dictionary".
func Reasons(c *coder.Coder, w *pipeline.Worker, text string) string {
	doc := &nlp.Document{Text: text, Sentences: w.Process(text)}
	_, tr := c.ExplainDocument(coder.Doc{Text: text}, doc)
	var b strings.Builder
	verb := ""
	for _, st := range tr.Steps {
		m := strings.TrimSpace(st.Msg)
		switch st.Kind {
		case coder.StepVerb:
			if i := strings.Index(m, " at word"); i > 0 {
				m = m[:i]
			}
			verb = m
		case coder.StepNoEvent, coder.StepDiscard:
			if b.Len() > 0 {
				b.WriteString("; ")
			}
			if verb != "" {
				b.WriteString(verb)
				b.WriteString(": ")
			}
			b.WriteString(strings.TrimPrefix(m, "no event: "))
		}
	}
	if b.Len() == 0 {
		if verb == "" {
			return "no verb of the dictionary"
		}
		return verb + ": no event"
	}
	return b.String()
}
