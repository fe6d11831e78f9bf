package server

import (
	"bytes"
	"context"
	"crypto/subtle"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"mime"
	"net/http"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/eventwire/eventwire/internal/analyze"
	"github.com/eventwire/eventwire/internal/coder"
	"github.com/eventwire/eventwire/internal/dict"
	"github.com/eventwire/eventwire/internal/event"
	"github.com/eventwire/eventwire/internal/geo"
	"github.com/eventwire/eventwire/internal/gkg"
	"github.com/eventwire/eventwire/internal/ingest"
	"github.com/eventwire/eventwire/internal/intake"
	"github.com/eventwire/eventwire/internal/nlp"
	"github.com/eventwire/eventwire/internal/store"
)

// codeWorker analyzes one text at a time.
type codeWorker struct {
	an *analyze.Worker
	sc *gkg.Scratch
	in *intake.Analyzer // an and sc as the ingest stage's analysis
}

// LoadModels loads the language models and the coder (the first coding
// request does it otherwise). It is safe to call more than once.
func (s *Server) LoadModels() error {
	_, err := s.loadModels()
	return err
}

func (s *Server) loadModels() (*models, error) {
	if s.opt.Dict == nil {
		return nil, errStatus(http.StatusServiceUnavailable, "coding is disabled: the server has no dictionaries")
	}
	s.loadMu.Lock()
	defer s.loadMu.Unlock()
	if s.models != nil {
		return s.models, nil
	}
	an, err := analyze.New(s.opt.Dict, analyze.Options{})
	if err != nil {
		return nil, fmt.Errorf("loading models: %w", err)
	}
	c, err := coder.New(s.opt.Dict, coder.Options{})
	if err != nil {
		return nil, fmt.Errorf("loading coder: %w", err)
	}
	g, err := geo.Default()
	if err != nil {
		return nil, fmt.Errorf("loading gazetteer: %w", err)
	}
	x, err := gkg.New(gkg.Options{Gazetteer: g, Dict: s.opt.Dict})
	if err != nil {
		return nil, fmt.Errorf("loading knowledge extractor: %w", err)
	}
	s.models = &models{an: an, coder: c, knowledge: x,
		stage: &intake.Stage{Store: s.opt.Store, Knowledge: x, NewAnalyze: func() intake.Analyze { return an.NewWorker().Analyze }}}
	return s.models, nil
}

// withWorker runs fn with a free coding worker, waiting for one until
// ctx is done (then 503: the server is busy).
func (s *Server) withWorker(ctx context.Context, fn func(*models, *codeWorker) error) error {
	m, err := s.loadModels()
	if err != nil {
		return err
	}
	var w *codeWorker
	select {
	case w = <-s.coders:
	case <-ctx.Done():
		return errStatus(http.StatusServiceUnavailable, "all %d coders are busy: try again later", s.opt.MaxCoding)
	}
	defer func() { s.coders <- w }()
	if w == nil {
		w = &codeWorker{an: m.an.NewWorker(), sc: m.knowledge.NewScratch()}
		w.in = m.stage.AnalyzerWith(w.an.Analyze, w.sc)
	}
	s.metrics.coding.Add(1)
	defer s.metrics.coding.Add(-1)
	return fn(m, w)
}

// decodeBody decodes a JSON request body of at most limit bytes into v,
// rejecting unknown fields; errors name the field. The body must be
// declared application/json: a browser sends that type across origins
// only after a CORS preflight, which this server does not grant, so
// another site's page cannot make a visitor's browser post to it.
func decodeBody(w http.ResponseWriter, r *http.Request, limit int64, v any) error {
	if mt, _, err := mime.ParseMediaType(r.Header.Get("Content-Type")); err != nil || mt != "application/json" {
		return &httpError{status: http.StatusUnsupportedMediaType, param: "Content-Type",
			msg: fmt.Sprintf("want application/json, not %q", clip(r.Header.Get("Content-Type")))}
	}
	body := http.MaxBytesReader(w, r.Body, limit)
	dec := json.NewDecoder(body)
	dec.DisallowUnknownFields()
	if err := dec.Decode(v); err != nil {
		var mb *http.MaxBytesError
		var te *json.UnmarshalTypeError
		switch {
		case errors.As(err, &mb):
			return err
		case errors.As(err, &te):
			if te.Field == "" {
				return paramErr("body", "want a JSON object, not a %s", te.Value)
			}
			return paramErr(te.Field, "want a JSON %s, not a %s", te.Type, te.Value)
		case errors.Is(err, io.EOF):
			return paramErr("body", "empty: want a JSON object")
		case strings.HasPrefix(err.Error(), "json: unknown field "):
			f := strings.Trim(strings.TrimPrefix(err.Error(), "json: unknown field "), `"`)
			if f == "" || len(f) > 64 {
				return paramErr("body", "unknown field %q", clip(f))
			}
			return paramErr(f, "unknown field")
		}
		return paramErr("body", "not a JSON object: %v", err)
	}
	if dec.More() {
		return paramErr("body", "more than one JSON value")
	}
	return nil
}

// MaxExplainedSentences is the most sentences whose words and coder
// explanation POST /api/code returns (the events of all are returned, up to
// analyze.MaxDocumentEvents): the response stays within about a megabyte
// whatever the text.
const MaxExplainedSentences = 100

// codeRequest is the body of POST /api/code.
type codeRequest struct {
	Text string `json:"text"`
	URL  string `json:"url"`
	Date string `json:"date"`
}

// Token is one word of a coded sentence.
type Token struct {
	ID     int    `json:"id"`
	Form   string `json:"form"`
	Lemma  string `json:"lemma"`
	UPOS   string `json:"upos"`
	Head   int    `json:"head"`
	Deprel string `json:"deprel"`
	Start  int    `json:"start"`
	End    int    `json:"end"`
}

// codedSentence is one sentence of a coded text.
type codedSentence struct {
	Text   string  `json:"text"`
	Tokens []Token `json:"tokens"`
}

// ByteSpan is a byte range of a text.
type ByteSpan struct {
	Start int `json:"start"`
	End   int `json:"end"`
}

// Spans locate an event's participants and verb (nil when absent).
type Spans struct {
	Source *ByteSpan `json:"source"`
	Target *ByteSpan `json:"target"`
	Verb   *ByteSpan `json:"verb"`
}

// SpannedEvent is an event with the evidence the article and code views
// show: its sentence, spans and rule.
type SpannedEvent struct {
	Event
	SentenceIndex int    `json:"sentence_index"`
	Spans         Spans  `json:"spans"`
	Rule          string `json:"rule"`
	Negated       bool   `json:"negated"`
	Reported      bool   `json:"reported"`
}

func byteSpan(sp event.Span, textLen int) *ByteSpan {
	if sp.First == 0 || sp.Start < 0 || sp.End < sp.Start || sp.End > textLen {
		return nil
	}
	return &ByteSpan{sp.Start, sp.End}
}

func newSpannedEvent(id int64, e *event.Event, textLen int) SpannedEvent {
	return SpannedEvent{Event: newEvent(id, e), SentenceIndex: e.Sentence,
		Spans: Spans{Source: byteSpan(e.SourceSpan, textLen), Target: byteSpan(e.TargetSpan, textLen), Verb: byteSpan(e.VerbSpan, textLen)},
		Rule:  e.Rule, Negated: e.Negated, Reported: e.Reported}
}

// code serves POST /api/code: it codes a text (or, with AllowFetch, the
// page at a URL) without storing anything, and returns the events, the
// parsed sentences and the coder's explanation.
func (s *Server) code(w http.ResponseWriter, r *http.Request) error {
	if _, err := parseParams(r.URL.Query(), paramSpec{}); err != nil {
		return err
	}
	var req codeRequest
	if err := decodeBody(w, r, MaxCodeBody, &req); err != nil {
		return err
	}
	date, err := parseDate("date", req.Date)
	if err != nil {
		return err
	}
	text := req.Text
	switch {
	case req.Text != "" && req.URL != "":
		return paramErr("url", "give text or url, not both")
	case req.URL != "":
		page, err := s.fetchText(r.Context(), req.URL)
		if err != nil {
			return err
		}
		text = page.text
		if date.IsZero() {
			date = page.date
		}
	case strings.TrimSpace(req.Text) == "":
		return paramErr("text", "missing or empty: give the text to code")
	}
	if !utf8.ValidString(text) {
		return paramErr("text", "not valid UTF-8")
	}
	var resp struct {
		Events    []SpannedEvent  `json:"events"`
		Sentences []codedSentence `json:"sentences"`
		Explain   string          `json:"explain"`
		Limits    []string        `json:"limits"`
	}
	err = s.withWorker(r.Context(), func(m *models, cw *codeWorker) error {
		res := cw.an.Analyze(ingest.Document{ID: "request", Text: text, Date: date})
		resp.Events = make([]SpannedEvent, 0, len(res.Events))
		for i := range res.Events {
			res.Events[i].DocID = ""
			resp.Events = append(resp.Events, newSpannedEvent(0, &res.Events[i], len(text)))
		}
		resp.Limits = append([]string{}, res.Limits...) // [] for ordinary text
		explained := res.Parsed.Sentences
		if len(explained) > MaxExplainedSentences {
			explained = explained[:MaxExplainedSentences]
			resp.Limits = append(resp.Limits, fmt.Sprintf("tokens and explanation of the first %d of %d sentences",
				MaxExplainedSentences, len(res.Parsed.Sentences)))
		}
		resp.Sentences = make([]codedSentence, 0, len(explained))
		var explain bytes.Buffer
		doc := coder.Doc{Date: dict.DateOf(res.Date), Text: text}
		for i := range explained {
			sent := &explained[i]
			cs := codedSentence{Text: sent.Text, Tokens: make([]Token, len(sent.Words))}
			for k, wd := range sent.Words {
				cs.Tokens[k] = Token{ID: wd.ID, Form: wd.Form, Lemma: wd.Lemma, UPOS: wd.UPOS, Head: wd.Head, Deprel: wd.Deprel,
					Start: wd.Start, End: wd.End}
			}
			resp.Sentences = append(resp.Sentences, cs)
			if err := r.Context().Err(); err != nil {
				return err
			}
			evs, tr := m.coder.Explain(doc, sent)
			if i > 0 {
				explain.WriteByte('\n')
			}
			es := *sent
			if es.Text == "" {
				es.Text = sentenceText(text, sent)
			}
			if err := coder.WriteExplanation(&explain, &es, evs, tr); err != nil {
				return fmt.Errorf("explaining: %w", err)
			}
		}
		resp.Explain = explain.String()
		return nil
	})
	if err != nil {
		return err
	}
	return writeJSON(w, http.StatusOK, resp)
}

// sentenceText cuts a sentence out of the text by its words' offsets.
func sentenceText(text string, s *nlp.Sentence) string {
	if len(s.Words) == 0 {
		return ""
	}
	a, b := s.Words[0].Start, s.Words[len(s.Words)-1].End
	if a < 0 || b > len(text) || a > b {
		return ""
	}
	return text[a:b]
}

// parseDate parses an optional YYYY-MM-DD field (zero time when empty).
func parseDate(field, v string) (time.Time, error) {
	if v == "" {
		return time.Time{}, nil
	}
	t, err := time.Parse("2006-01-02", v)
	if err != nil || t.Year() < 1000 {
		return time.Time{}, paramErr(field, "want a date YYYY-MM-DD, not %q", clip(v))
	}
	return t, nil
}

// ingestRequest is the body of POST /api/ingest.
type ingestRequest struct {
	Text      string `json:"text"`
	Title     string `json:"title"`
	URL       string `json:"url"`
	Published string `json:"published"`
	Source    string `json:"source"`
}

// ingest serves POST /api/ingest: with the write token, it codes an
// article and stores it (or records it as a copy of a stored one).
func (s *Server) ingest(w http.ResponseWriter, r *http.Request) error {
	if s.opt.WriteToken == "" {
		return &httpError{status: http.StatusForbidden, msg: "the server is read-only: start it with --write-token to enable ingest"}
	}
	auth := r.Header.Get("Authorization")
	tok, ok := bearerToken(auth)
	if !ok || subtle.ConstantTimeCompare([]byte(tok), []byte(s.opt.WriteToken)) != 1 {
		w.Header().Set("WWW-Authenticate", `Bearer realm="eventwire"`)
		return &httpError{status: http.StatusUnauthorized, param: "Authorization", msg: "want the header Authorization: Bearer TOKEN with the server's write token"}
	}
	if _, err := parseParams(r.URL.Query(), paramSpec{}); err != nil {
		return err
	}
	var req ingestRequest
	if err := decodeBody(w, r, MaxIngestBody, &req); err != nil {
		return err
	}
	if strings.TrimSpace(req.Text) == "" {
		return paramErr("text", "missing or empty: give the article text")
	}
	if !utf8.ValidString(req.Text) {
		return paramErr("text", "not valid UTF-8")
	}
	var published time.Time
	if req.Published != "" {
		t, err := time.Parse("2006-01-02", req.Published)
		if err != nil {
			if t, err = time.Parse(time.RFC3339, req.Published); err != nil {
				return paramErr("published", "want YYYY-MM-DD or an RFC 3339 time, not %q", clip(req.Published))
			}
		}
		published = t.UTC()
	}
	if len(req.Title) > 4096 || len(req.URL) > 4096 || len(req.Source) > 4096 {
		return paramErr("title", "title, url and source are at most 4096 bytes each")
	}
	doc := ingest.Document{Text: req.Text, Title: req.Title, URL: req.URL, Source: req.Source, Date: published}
	a := intake.Article(doc, "api")
	doc.ID = a.ID
	m, err := s.loadModels()
	if err != nil {
		return err
	}
	// The same stage as eventwire ingest and worker: a document the store
	// knows (or a copy of one) is stored without analysis.
	need, err := m.stage.NeedsAnalysis(r.Context(), &a)
	if err != nil {
		return fmt.Errorf("looking up the article: %w", err)
	}
	if need {
		err = s.withWorker(r.Context(), func(m *models, cw *codeWorker) error {
			return cw.in.Analyze(&a, doc)
		})
		if err != nil {
			return err
		}
	}
	now := time.Now().UTC()
	b := &store.Batch{Run: store.Run{ID: "api-" + now.Format("20060102T150405.000000000Z"), Started: now, Args: "POST /api/ingest"},
		Articles: []store.Article{a}}
	res, err := m.stage.Write(r.Context(), b)
	s.statsMu.Lock()
	s.statsAt = time.Time{} // counts changed
	s.statsMu.Unlock()
	if s.cache != nil {
		s.cache.clear()
	}
	if err != nil {
		return fmt.Errorf("storing the article: %w", err)
	}
	if len(res.Outcomes) != 1 {
		return fmt.Errorf("storing the article: %d outcomes for one article", len(res.Outcomes))
	}
	return writeJSON(w, http.StatusOK, map[string]any{"outcome": res.Outcomes[0].String(), "id": a.ID, "events": res.Events})
}
