package load

import (
	"github.com/eventwire/eventwire/internal/analyze"
	"github.com/eventwire/eventwire/internal/ingest"
	"github.com/eventwire/eventwire/internal/store"
)

// Article returns the store record of doc before analysis, exactly as Run
// builds it: deterministic id, canonical URL, SimHash and word count. Other
// drivers of the same pipeline (the queue workers of internal/worker) use it
// so that their store equals a Run over the same input.
func Article(doc ingest.Document, origin string) store.Article { return article(doc, origin) }

// Fill adds the analysis r of a document to its article, as Run does:
// sentence ranges and events, whose document id becomes the article id.
func Fill(a *store.Article, r analyze.Result) { fill(a, r) }
