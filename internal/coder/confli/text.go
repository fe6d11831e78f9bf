package confli

import (
	"github.com/eventwire/eventwire/internal/coder"
	"github.com/eventwire/eventwire/internal/event"
	"github.com/eventwire/eventwire/internal/nlp"
	"github.com/eventwire/eventwire/internal/nlp/pipeline"
)

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
