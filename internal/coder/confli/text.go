package confli

import (
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
	return coder.Options{AllowMonad: true, PhraseSpans: true}
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
