// Package pipeline runs the language pipeline on raw text or on given words:
// tokenization and sentence splitting (internal/nlp/tokenize), tagging,
// lemmas and features (internal/nlp/tag), then dependency parsing
// (internal/nlp/depparse), all with the models embedded in the binary.
package pipeline

import (
	"fmt"
	"sync"

	"github.com/eventwire/eventwire/internal/nlp"
	"github.com/eventwire/eventwire/internal/nlp/depparse"
	"github.com/eventwire/eventwire/internal/nlp/tag"
	"github.com/eventwire/eventwire/internal/nlp/tokenize"
)

// Pipeline holds the loaded models. It is read-only and safe for concurrent
// use; each goroutine takes its own Worker.
type Pipeline struct {
	tagger *tag.Model
	parser *depparse.Model
}

var (
	defaultOnce sync.Once
	defaultP    *Pipeline
	defaultErr  error
)

// Default returns the pipeline with the embedded models, loaded once per
// process.
func Default() (*Pipeline, error) {
	defaultOnce.Do(func() {
		if err := tokenize.ModelError(); err != nil {
			defaultErr = fmt.Errorf("loading tokenizer model: %w", err)
			return
		}
		// The two models decode at the same time (a quarter of a second
		// together on one core), so that a short run starts sooner.
		pmc := make(chan error, 1)
		var pm *depparse.Model
		go func() {
			var err error
			pm, err = depparse.Default()
			pmc <- err
		}()
		tm, err := tag.Default()
		perr := <-pmc
		if err != nil {
			defaultErr = fmt.Errorf("loading tagger model: %w", err)
			return
		}
		if err := perr; err != nil {
			defaultErr = fmt.Errorf("loading parser model: %w", err)
			return
		}
		defaultP = &Pipeline{tagger: tm, parser: pm}
	})
	return defaultP, defaultErr
}

// New returns a pipeline with the given tagger and parser models (to score
// a retrained model before it is embedded) and the embedded tokenizer.
func New(tagger *tag.Model, parser *depparse.Model) (*Pipeline, error) {
	if err := tokenize.ModelError(); err != nil {
		return nil, fmt.Errorf("loading tokenizer model: %w", err)
	}
	return &Pipeline{tagger: tagger, parser: parser}, nil
}

// Worker annotates sentences with the pipeline's models and its own scratch
// buffers. It is not safe for concurrent use.
type Worker struct {
	tok    *tokenize.Tokenizer
	tagger *tag.Tagger
	parser *depparse.Parser
}

// NewWorker returns a worker for one goroutine.
func (p *Pipeline) NewWorker() *Worker {
	return &Worker{tok: tokenize.New(), tagger: p.tagger.NewTagger(), parser: p.parser.NewParser()}
}

// Annotate tags and parses the words of s in place: it fills UPOS, XPOS,
// Feats, Lemma, Head and Deprel from the words' forms.
func (w *Worker) Annotate(s *nlp.Sentence) {
	if len(s.Words) == 0 {
		return
	}
	w.tagger.Tag(s)
	w.parser.Parse(s)
}

// Process tokenizes text into sentences and annotates each.
func (w *Worker) Process(text string) []nlp.Sentence {
	sents := w.tok.Tokenize(text)
	for i := range sents {
		w.Annotate(&sents[i])
	}
	return sents
}

// Tokenize splits text into sentences and words without annotating them.
func (w *Worker) Tokenize(text string) []nlp.Sentence {
	return w.tok.Tokenize(text)
}
