// Package intake is the one stage that turns a document into a stored
// article: the article record (deterministic id, canonical URL, SimHash),
// the look-up that spares the analysis of a document the store already
// holds, the analysis (internal/analyze) with the article's knowledge
// (internal/gkg), the write, and the re-analysis of the articles the store
// found to be no copy after all, written again in a second transaction.
//
// Every driver of the data path uses it: ingest runs (internal/ingest/load),
// the queue workers (internal/worker) and POST /api/ingest
// (internal/server), so that a store filled by any of them equals one filled
// by another from the same documents.
package intake

import (
	"context"
	"fmt"
	"strings"
	"sync"

	"github.com/eventwire/eventwire/internal/analyze"
	"github.com/eventwire/eventwire/internal/dedup"
	"github.com/eventwire/eventwire/internal/document"
	"github.com/eventwire/eventwire/internal/gkg"
	"github.com/eventwire/eventwire/internal/nlp"
	"github.com/eventwire/eventwire/internal/store"
)

// Analyze analyses one document. Stage.NewAnalyze returns one for each
// goroutine; it need not be safe for concurrent use.
type Analyze func(document.Document) analyze.Result

// Outcome is what became of one document in the store.
type Outcome uint8

const (
	// New: the document is stored as a new article with its events and
	// knowledge.
	New Outcome = iota + 1
	// Duplicate: a copy of a stored article (same canonical URL or a
	// near-duplicate text), recorded with the mentions it adds.
	Duplicate
	// Already: the document itself was stored before (a re-run, a
	// redelivery).
	Already
)

// String is the word the store and the API use for o.
func (o Outcome) String() string {
	switch o {
	case New:
		return "new"
	case Duplicate:
		return "duplicate"
	case Already:
		return "already"
	}
	return fmt.Sprintf("outcome(%d)", uint8(o))
}

// outcome reads the store's word for an article written; unknown (not
// analysed and no copy) is not an outcome, as the stage analyses those and
// writes them again.
func outcome(s string) (Outcome, error) {
	switch s {
	case "new":
		return New, nil
	case "duplicate":
		return Duplicate, nil
	case "already":
		return Already, nil
	}
	return 0, fmt.Errorf("store outcome %q: want new, duplicate or already", s)
}

// Stage holds what the path from documents to stored articles needs. Its
// methods are safe for concurrent use; an Analyzer is not.
type Stage struct {
	Store store.Store
	// Options configure de-duplication.
	Options store.WriteOptions
	// Knowledge, when set, extracts each analysed article's knowledge
	// (entities, places, themes, tone...) for the store to keep.
	Knowledge *gkg.Extractor
	// NewAnalyze returns the analysis of one goroutine; it is called once
	// per Analyzer.
	NewAnalyze func() Analyze

	mu    sync.Mutex // guards spare
	spare *Analyzer  // re-analyses the articles Write finds unknown
}

// Article returns the store record of doc before analysis: deterministic
// id, canonical URL, SimHash and word count; origin names the input it came
// from.
func Article(doc document.Document, origin string) store.Article {
	h, words := dedup.SimHash(doc.Text)
	return store.Article{
		ID:           dedup.ArticleID(doc.URL, doc.Text),
		CanonicalURL: dedup.CanonicalURL(doc.URL),
		URL:          doc.URL,
		Title:        doc.Title,
		Source:       doc.Source,
		Published:    doc.Date,
		Text:         doc.Text,
		SimHash:      h,
		Words:        words,
		Origin:       origin,
	}
}

// documentOf is the document of an article, as Write analyses it again.
func documentOf(a *store.Article) document.Document {
	return document.Document{ID: a.ID, Text: a.Text, Title: a.Title, URL: a.URL, Source: a.Source, Date: a.Published}
}

// NeedsAnalysis asks the store whether it holds a's document or a copy of
// it; only a document it does not know needs analysing (a known copy is
// stored without its events).
func (s *Stage) NeedsAnalysis(ctx context.Context, a *store.Article) (bool, error) {
	seen, existing, err := s.Store.Seen(ctx, a.ID, a.SimHash, a.Words, a.Published, s.Options)
	if err != nil {
		return false, err
	}
	return !seen && existing == "", nil
}

// Analyzer analyses documents into their articles with the buffers of one
// goroutine. It is not safe for concurrent use.
type Analyzer struct {
	an Analyze
	x  *gkg.Extractor
	sc *gkg.Scratch
}

// NewAnalyzer returns an analyzer for one goroutine.
func (s *Stage) NewAnalyzer() *Analyzer {
	z := &Analyzer{an: s.NewAnalyze(), x: s.Knowledge}
	if s.Knowledge != nil {
		z.sc = s.Knowledge.NewScratch()
	}
	return z
}

// AnalyzerWith returns an analyzer for one goroutine that analyses with
// an, the goroutine's own analysis, and extracts knowledge with its scratch
// buffers sc (nil: new ones), for a caller that also uses them apart from
// the stage (the server's coding workers).
func (s *Stage) AnalyzerWith(an Analyze, sc *gkg.Scratch) *Analyzer {
	z := &Analyzer{an: an, x: s.Knowledge, sc: sc}
	if s.Knowledge != nil && sc == nil {
		z.sc = s.Knowledge.NewScratch()
	}
	return z
}

// Analyze analyses doc into its article a: sentence ranges, events (whose
// document id becomes the article id) and, when the stage has an
// extractor, knowledge. A panic of the analysis becomes the error.
func (z *Analyzer) Analyze(a *store.Article, doc document.Document) (err error) {
	defer func() {
		if p := recover(); p != nil {
			err = fmt.Errorf("analysing: panic: %v", p)
		}
	}()
	r := z.an(doc)
	a.Analyzed = true
	a.Sentences = sentenceRanges(a.Text, r.Parsed.Sentences)
	a.Events = r.Events
	for i := range a.Events {
		a.Events[i].DocID = a.ID
	}
	if z.x != nil {
		date := a.Published
		if date.IsZero() {
			date = r.Date
		}
		rec := z.x.Extract(z.sc, gkg.Article{DocID: a.ID, URL: a.URL, Source: a.Source, Title: a.Title, Date: date,
			Doc: &r.Parsed, Events: a.Events, Dateline: r.Dateline})
		a.Knowledge = &rec
	}
	return nil
}

// Result counts what Write did, with the outcome of each article.
type Result struct {
	store.WriteResult
	// Outcomes has one outcome per article written, in order.
	Outcomes []Outcome
	// Reanalysed counts the articles taken for copies before analysis
	// that were not, analysed and written again.
	Reanalysed int
}

// Write stores b in one transaction. The articles the store finds to be no
// copy although they were not analysed (the copy they were taken for was
// not stored, or is too far apart) are then analysed and written in a
// second transaction; their outcome is that of the second write. The
// counts of Result.WriteResult are those of both writes, with no unknown
// left. An error of the analysis fails the write (the first transaction
// stays committed: writing the batch again adds nothing).
func (s *Stage) Write(ctx context.Context, b *store.Batch) (Result, error) {
	res, err := s.Store.Write(ctx, b, s.Options)
	if err != nil {
		return Result{WriteResult: res}, err
	}
	out := Result{WriteResult: res, Outcomes: make([]Outcome, len(res.Outcome))}
	var again []store.Article
	var at []int // index in b.Articles of each of again
	for i, o := range res.Outcome {
		if o == "unknown" {
			again = append(again, b.Articles[i])
			at = append(at, i)
			continue
		}
		if out.Outcomes[i], err = outcome(o); err != nil {
			return out, fmt.Errorf("writing article %s: %w", b.Articles[i].ID, err)
		}
	}
	if len(again) == 0 {
		return out, nil
	}
	if err := s.reanalyse(again); err != nil {
		return out, err
	}
	res2, err := s.Store.Write(ctx, &store.Batch{Run: b.Run, Articles: again}, s.Options)
	if err != nil {
		return out, err
	}
	for j, o := range res2.Outcome {
		if out.Outcomes[at[j]], err = outcome(o); err != nil {
			return out, fmt.Errorf("writing article %s again: %w", again[j].ID, err)
		}
	}
	out.Unknown = 0
	out.New += res2.New
	out.Duplicate += res2.Duplicate
	out.Already += res2.Already
	out.Events += res2.Events
	out.Mentions += res2.Mentions
	out.Reanalysed = len(again)
	return out, nil
}

// reanalyse analyses as in their first pass the articles as, with the
// stage's spare analyzer (made when first needed).
func (s *Stage) reanalyse(as []store.Article) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.spare == nil {
		s.spare = s.NewAnalyzer()
	}
	for i := range as {
		if err := s.spare.Analyze(&as[i], documentOf(&as[i])); err != nil {
			return fmt.Errorf("article %s: %w", as[i].ID, err)
		}
	}
	return nil
}

// sentenceRanges returns the byte range of each sentence, finding the
// sentence text after the previous one when the parser left no offsets.
func sentenceRanges(text string, ss []nlp.Sentence) []store.Sentence {
	out := make([]store.Sentence, len(ss))
	pos := 0
	for i, s := range ss {
		if s.Start >= 0 && s.End >= s.Start && s.End <= len(text) {
			out[i] = store.Sentence{Start: s.Start, End: s.End}
			pos = s.End
			continue
		}
		if j := strings.Index(text[pos:], s.Text); s.Text != "" && j >= 0 {
			out[i] = store.Sentence{Start: pos + j, End: pos + j + len(s.Text)}
			pos += j + len(s.Text)
			continue
		}
		out[i] = store.Sentence{Start: pos, End: pos}
	}
	return out
}
