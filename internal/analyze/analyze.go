// Package analyze codes whole documents: it runs the language pipeline
// (internal/nlp/pipeline) on a document's text, codes events on the trees
// (internal/coder), dates each event and flags it historical or hypothetical
// (internal/timex), and places it (internal/geo).
//
// An Analyzer holds the read-only models and is safe for concurrent use; each
// goroutine analyzes with its own Worker (see internal/workpool).
package analyze

import (
	"fmt"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/eventwire/eventwire/internal/cameo"
	"github.com/eventwire/eventwire/internal/coder"
	"github.com/eventwire/eventwire/internal/dict"
	"github.com/eventwire/eventwire/internal/document"
	"github.com/eventwire/eventwire/internal/event"
	"github.com/eventwire/eventwire/internal/geo"
	"github.com/eventwire/eventwire/internal/nlp"
	"github.com/eventwire/eventwire/internal/nlp/pipeline"
	"github.com/eventwire/eventwire/internal/nlp/tokenize"
	"github.com/eventwire/eventwire/internal/timex"
)

// Options configure an Analyzer.
type Options struct {
	// Coder options (negation policy, compound cap...).
	Coder coder.Options
	// HistoricalWindow: an event whose time ends more than this before the
	// article date is flagged historical; 0 means 30 days.
	HistoricalWindow time.Duration
	// NoGeo skips place resolution.
	NoGeo bool
	// DefaultDate is used for documents without a date; zero means the
	// current day.
	DefaultDate time.Time
	// Pipeline tokenizes, tags and parses; nil means the embedded models
	// (pipeline.Default). Model files under evaluation come in here.
	Pipeline *pipeline.Pipeline
}

// Analyzer codes documents with one dictionary set and the embedded models.
type Analyzer struct {
	pipe  *pipeline.Pipeline
	coder *coder.Coder
	gaz   *geo.Gazetteer
	tx    timex.Options
	opt   Options
}

// New loads the embedded language models unless opt.Pipeline is given (and
// the gazetteer unless opt.NoGeo) and returns an Analyzer coding with set.
func New(set *dict.Set, opt Options) (*Analyzer, error) {
	// The gazetteer decodes while the models do (each is loaded once per
	// process and shared read-only), so that a short run starts sooner.
	var (
		gaz    *geo.Gazetteer
		gazErr = make(chan error, 1)
	)
	if !opt.NoGeo {
		go func() {
			var err error
			gaz, err = geo.Default()
			gazErr <- err
		}()
	} else {
		gazErr <- nil
	}
	p, err := opt.Pipeline, error(nil)
	if p == nil {
		p, err = pipeline.Default()
	}
	gerr := <-gazErr
	if err != nil {
		return nil, err
	}
	c, err := coder.New(set, opt.Coder)
	if err != nil {
		return nil, err
	}
	a := &Analyzer{pipe: p, coder: c, opt: opt}
	if opt.HistoricalWindow > 0 {
		a.tx.Window = opt.HistoricalWindow
	}
	if err := a.tx.Validate(); err != nil {
		return nil, fmt.Errorf("analyzer options: %w", err)
	}
	if gerr != nil {
		return nil, fmt.Errorf("loading gazetteer: %w", gerr)
	}
	a.gaz = gaz
	return a, nil
}

// Limits on the work one document makes. With the sentence-length policy of
// the tokenizer (tokenize.MaxSentenceTokens, tokenize.MaxSentenceBytes) they
// keep analysis, the events returned and what is stored linear in the size
// of the text, whatever the text: run-on text without full stops cannot make
// a sentence, or a list of events each carrying it, grow with the document.
// No article of the sample corpus or of the shared real news comes near
// them.
const (
	// MaxSentenceEvents is the most events kept from one sentence (the
	// first ones, in the coder's order).
	MaxSentenceEvents = 32
	// MaxDocumentEvents is the most events kept from one document (the
	// first ones, in sentence order).
	MaxDocumentEvents = 500
	// MaxAnalyzedBytes is the most text of one document that is parsed
	// and coded (2 MiB, some 300,000 words; a news article is a few
	// kilobytes): the text after it, cut at a space, is stored but not
	// analyzed, so that memory per document stays bounded (the parsed
	// words take about 100 bytes a byte of text).
	MaxAnalyzedBytes = 2 << 20
)

// Result is one analyzed document.
type Result struct {
	Doc      document.Document
	Date     time.Time // the article date used: the document's, else Options.DefaultDate, else today
	Parsed   nlp.Document
	Events   []event.Event
	Elapsed  time.Duration
	Sentence int // number of sentences
	// Limits tells, one line each, where the document met a limit: long
	// spans the tokenizer cut into sentences, events dropped over
	// MaxSentenceEvents or MaxDocumentEvents. Empty for ordinary text.
	Limits []string
	// Dateline is the place of the report's dateline ("Kabul, Afghanistan"
	// of "KABUL, Afghanistan (AP) --"), "" for none.
	Dateline string
}

// Worker analyzes documents with its own scratch buffers. It is not safe for
// concurrent use.
type Worker struct {
	a      *Analyzer
	pw     *pipeline.Worker
	sc     *coder.Scratch
	finder timex.Finder
	exprs  [][]timex.Expr // per sentence
}

// NewWorker returns a worker for one goroutine.
func (a *Analyzer) NewWorker() *Worker {
	return &Worker{a: a, pw: a.pipe.NewWorker(), sc: a.coder.NewScratch()}
}

// Analyze parses and codes one document.
func (w *Worker) Analyze(doc document.Document) Result {
	start := time.Now()
	date := doc.Date
	if date.IsZero() {
		date = w.a.opt.DefaultDate
		if date.IsZero() {
			date = time.Now().UTC().Truncate(24 * time.Hour)
		}
	}
	analyzed, cut := analyzedText(doc.Text)
	// a wire dateline ("KABUL, Afghanistan (AP) --") is where the report
	// was filed, not words of its first sentence: it is parsed as spaces,
	// so that every offset stays the document's, and its place is
	// evidence of the story's country
	dlStart, dlEnd, dateline := findDateline(analyzed)
	parsed := nlp.Document{ID: doc.ID, Text: doc.Text, Sentences: w.pw.Process(blankDateline(analyzed, dlStart, dlEnd))}
	cdoc := coder.Doc{ID: doc.ID, URL: doc.URL, Text: doc.Text,
		Date: dict.DateOf(date)}
	evs := w.a.coder.CodeDocument(w.sc, cdoc, &parsed, nil)
	evs, limits := limitEvents(&parsed, evs)
	if cut {
		limits = append(limits, fmt.Sprintf("text after byte %d of %d not analyzed (at most %d bytes a document)",
			len(analyzed), len(doc.Text), MaxAnalyzedBytes))
	}
	w.dateEvents(&parsed, evs, date)
	if w.a.gaz != nil {
		w.placeEvents(&parsed, doc.Title, dateline, evs)
		evs = dropSelfDyads(evs)
	}
	evs = mergeRepeats(evs, date.Format(document.DateLayout))
	return Result{Doc: doc, Date: date, Parsed: parsed, Events: evs, Elapsed: time.Since(start), Sentence: len(parsed.Sentences),
		Limits: limits, Dateline: dateline}
}

// analyzedText returns the part of text that is analyzed: all of it, or
// the first MaxAnalyzedBytes cut after the last white space in them (else
// at a UTF-8 character boundary), and whether it was cut.
func analyzedText(text string) (string, bool) {
	if len(text) <= MaxAnalyzedBytes {
		return text, false
	}
	cut := MaxAnalyzedBytes
	if i := strings.LastIndexAny(text[:cut], " \t\n"); i > 0 {
		cut = i
	} else {
		for cut > 0 && !utf8.RuneStart(text[cut]) {
			cut--
		}
	}
	return text[:cut], true
}

// limitEvents keeps at most MaxSentenceEvents events of each sentence and
// MaxDocumentEvents of the document, in order, and says what the limits of
// the tokenizer and its own took.
func limitEvents(d *nlp.Document, evs []event.Event) ([]event.Event, []string) {
	var limits []string
	split := 0
	for i := range d.Sentences {
		for _, c := range d.Sentences[i].Comments {
			if strings.HasPrefix(c, "split = ") {
				split++
			}
		}
	}
	if split > 0 {
		limits = append(limits, fmt.Sprintf("%d sentences cut from over-long spans (at most %d tokens and %d bytes each)",
			split, tokenize.MaxSentenceTokens, tokenize.MaxSentenceBytes))
	}
	kept := evs[:0]
	sentDropped, sents, docDropped := 0, 0, 0
	run, last := 0, -1 // events kept of sentence last
	for i := range evs {
		if evs[i].Sentence != last {
			run, last = 0, evs[i].Sentence
		}
		run++
		switch {
		case run > MaxSentenceEvents:
			sentDropped++
			if run == MaxSentenceEvents+1 {
				sents++
			}
		case len(kept) >= MaxDocumentEvents:
			docDropped++
		default:
			kept = append(kept, evs[i])
		}
	}
	if sentDropped > 0 {
		limits = append(limits, fmt.Sprintf("%d events dropped over %d per sentence (in %d sentences)", sentDropped, MaxSentenceEvents, sents))
	}
	if docDropped > 0 {
		limits = append(limits, fmt.Sprintf("%d events dropped over %d per document", docDropped, MaxDocumentEvents))
	}
	clear(evs[len(kept):])
	return kept, limits
}

// dateEvents gives each event its own date from the time expression that
// governs its verb, and the historical and hypothetical flags.
func (w *Worker) dateEvents(d *nlp.Document, evs []event.Event, date time.Time) {
	if len(evs) == 0 {
		return
	}
	for len(w.exprs) < len(d.Sentences) {
		w.exprs = append(w.exprs, nil)
	}
	found := make([]bool, len(d.Sentences))
	for i := range evs {
		e := &evs[i]
		k := e.Sentence - 1
		if k < 0 || k >= len(d.Sentences) {
			continue
		}
		s := &d.Sentences[k]
		if !found[k] {
			w.exprs[k] = w.finder.Find(s, date, w.exprs[k][:0])
			found[k] = true
		}
		verb := e.VerbSpan.First
		if verb < 1 || verb > len(s.Words) {
			e.Date = date.Format(document.DateLayout)
			continue
		}
		dt := w.a.tx.EventTime(s, verb, w.exprs[k], date)
		if dt.Expr < 0 && s.Words[verb-1].UPOS == "NOUN" {
			// A noun event is dated by the participle or relative clause
			// that tells of it: "the resolution adopted on November 15".
			for c := range s.Words {
				if s.Words[c].Head == verb && strings.HasPrefix(s.Words[c].Deprel, "acl") {
					if d := w.a.tx.EventTime(s, c+1, w.exprs[k], date); d.Expr >= 0 {
						dt = d
						break
					}
				}
			}
		}
		// the coder marks acts told as what another answers ("in
		// retaliation for a Hamas suicide bombing") as earlier
		e.Date, e.Historical = dt.Date(), dt.Historical || e.Historical
		e.Hypothetical = timex.Hypothetical(s, verb)
		if dt.Expr < 0 {
			if p := pastViolence(evs[:i], e); p >= 0 {
				// "the acts of genocide committed by France in Algeria",
				// after the killings "between 1830 and 1962": the same
				// violence, named again without a time of its own, keeps
				// the period the document gave it
				e.Date, e.Historical = evs[p].Date, true
			}
		}
	}
}

// pastViolence returns the index in earlier of a historical event of
// violence (CAMEO roots 18–20) between the same countries as e, itself an
// act of violence, the latest such; -1 for none.
func pastViolence(earlier []event.Event, e *event.Event) int {
	if !violent(e.Code) || len(e.Source) < 3 || len(e.Target) < 3 || e.Source[:3] == "---" || e.Target[:3] == "---" {
		return -1
	}
	for j := len(earlier) - 1; j >= 0; j-- {
		p := &earlier[j]
		if p.Historical && violent(p.Code) && p.Sentence < e.Sentence && len(p.Source) >= 3 && len(p.Target) >= 3 &&
			p.Source[:3] == e.Source[:3] && p.Target[:3] == e.Target[:3] {
			return j
		}
	}
	return -1
}

// violent reports whether code is of CAMEO's roots 18 (assault), 19
// (fight) or 20 (mass violence).
func violent(code string) bool {
	return len(code) >= 2 && (code[0] == '1' && (code[1] == '8' || code[1] == '9') || code[0] == '2' && code[1] == '0')
}

// placeEvents resolves the document's place names together and gives each
// event as ActionGeo the place named nearest its verb within the verb's
// phrase that is not an actor of the sentence's events (cities and divisions
// before countries), else the target's or the source's country; Actor1Geo
// and Actor2Geo are the actors' countries.
func (w *Worker) placeEvents(d *nlp.Document, title, dateline string, evs []event.Event) {
	g := w.a.gaz
	type spot struct {
		sent       int // 0-based sentence
		start, end int // byte offsets in the document
	}
	var spots []spot
	var mentions []geo.Mention
	dl := 0 // the dateline's mentions are mentions[dl:]
	if len(evs) > 0 {
		for k := range d.Sentences {
			s := &d.Sentences[k]
			for _, f := range g.Spot(s.Text) {
				off := max(s.Start, 0)
				spots = append(spots, spot{k, off + f.Start, off + f.End})
				mentions = append(mentions, f.Mention)
			}
		}
		// The headline's and the dateline's places are evidence of the
		// story's country (inferCountries), after the sentences' so that
		// spots index the sentences' alone.
		for _, f := range g.Spot(title) {
			mentions = append(mentions, f.Mention)
		}
		dl = len(mentions)
		if dateline != "" {
			for _, f := range g.Spot(dateline) {
				mentions = append(mentions, f.Mention)
			}
		}
	}
	var hints geo.Hints
	for i := range evs {
		for _, code := range [2]string{evs[i].Source, evs[i].Target} {
			if c := actorCountry(code); c != "" {
				hints.Countries = append(hints.Countries, c)
			}
		}
	}
	var res []geo.Result
	if len(mentions) > 0 {
		res = g.ResolveArticle(mentions, hints)
	}
	dlCountry := ""
	for i := dl; i < len(res); i++ {
		if r := res[i]; r.Geo != nil && len(r.Geo.CountryISO) == 3 {
			dlCountry = r.Geo.CountryISO
			break
		}
	}
	inferCountries(d.Text, evs, res, dlCountry)
	// The spots and the events of each sentence, so that an event looks
	// only at those of its own sentence (linear in the document).
	firstSpot := make([]int, len(d.Sentences)+1)
	for _, sp := range spots {
		firstSpot[sp.sent+1]++
	}
	for k := 1; k < len(firstSpot); k++ {
		firstSpot[k] += firstSpot[k-1]
	}
	sentEvents := eventsBySentence(evs, len(d.Sentences))
	for i := range evs {
		e := &evs[i]
		if c := actorCountry(e.Source); c != "" {
			e.Actor1Geo, _ = g.CountryGeo(c)
		}
		if c := actorCountry(e.Target); c != "" {
			e.Actor2Geo, _ = g.CountryGeo(c)
		}
		// The place nearest the verb, inside the verb's phrase, that is not
		// one of the event's actors; a city or division before a country.
		best, bestKey := -1, 0
		k := e.Sentence - 1
		if k < 0 || k >= len(d.Sentences) {
			k = -1
		}
		for j := firstSpotOf(firstSpot, k); k >= 0 && j < firstSpot[k+1]; j++ {
			sp := spots[j]
			if res[j].Geo == nil || e.VerbSpan.Start < 0 ||
				isActor(evs, sentEvents[k], sp.start, sp.end) || !underVerb(&d.Sentences[sp.sent], sp.start, e.VerbSpan.First) {
				continue
			}
			key := abs(sp.start - e.VerbSpan.Start)
			if res[j].Geo.Type == 1 {
				key += len(d.Text) + 1 // countries only when no smaller place is named
			}
			if best < 0 || key < bestKey {
				best, bestKey = j, key
			}
		}
		switch {
		case best >= 0:
			e.ActionGeo = res[best].Geo
		case e.Actor2Geo != nil:
			e.ActionGeo = e.Actor2Geo
		default:
			e.ActionGeo = e.Actor1Geo
		}
		if best >= 0 {
			placeTarget(g, e)
		}
	}
}

// placeTarget gives force on a thing, whose target the coder left to the
// place (---CVL with no words: "Ukrainian drones attacked a power plant in
// Kursk"), the country of the place named under its verb when the story
// did not give one.
func placeTarget(g *geo.Gazetteer, e *event.Event) {
	if e.ActionGeo == nil || len(e.ActionGeo.CountryISO) != 3 || !roleOnly(e.Target) || e.TargetSpan.First > 0 || !coder.ForceOnThing(e.Code) {
		return
	}
	e.Target = withCountry(e.ActionGeo.CountryISO, e.Target)
	e.Actor2Geo, _ = g.CountryGeo(e.ActionGeo.CountryISO)
	if e.Inferred == "" {
		e.Inferred = "target"
	} else if e.Inferred == "source" {
		e.Inferred = "source,target"
	}
	coder.Rescore(e)
}

// actorCountry returns the country part of a composite CAMEO actor code, ""
// when it has none (IGOs, regions and unparsable codes give "").
func actorCountry(code string) string {
	if code == "" || code == dict.NullCode {
		return ""
	}
	ac, err := cameo.ParseActorCode(code)
	if err != nil || ac.Country == "" {
		return ""
	}
	if _, ok := cameo.LookupCountry(ac.Country); !ok {
		return ""
	}
	return ac.Country
}

// underVerb reports whether the word at byte offset off lies in the subtree
// of the word with id verb (the place is said of the event, not of another
// clause of the sentence).
func underVerb(s *nlp.Sentence, off, verb int) bool {
	w := -1
	for i := range s.Words {
		if s.Words[i].Start <= off && off < s.Words[i].End {
			w = i + 1
			break
		}
	}
	if w < 0 || verb < 1 || verb > len(s.Words) {
		return false
	}
	for steps := 0; w > 0 && steps <= len(s.Words); steps++ {
		if w == verb {
			return true
		}
		w = s.Words[w-1].Head
	}
	return false
}

// firstSpotOf returns firstSpot[k], 0 for k < 0.
func firstSpotOf(firstSpot []int, k int) int {
	if k < 0 {
		return 0
	}
	return firstSpot[k]
}

// eventsBySentence returns for each of n sentences the indices into evs of
// its events, in order.
func eventsBySentence(evs []event.Event, n int) [][]int {
	idx := make([]int, len(evs))
	first := make([]int, n+1)
	for i := range evs {
		if k := evs[i].Sentence - 1; k >= 0 && k < n {
			first[k+1]++
		}
	}
	for k := 1; k <= n; k++ {
		first[k] += first[k-1]
	}
	next := append([]int(nil), first[:n]...)
	for i := range evs {
		if k := evs[i].Sentence - 1; k >= 0 && k < n {
			idx[next[k]] = i
			next[k]++
		}
	}
	by := make([][]int, n)
	for k := range by {
		by[k] = idx[first[k]:first[k+1]:first[k+1]]
	}
	return by
}

// isActor reports whether the byte range [start, end) overlaps the source or
// target of any of the events of one sentence (indices into evs): a place
// that is an actor ("Saudi Arabia and the United States offered") is not
// where the event happened.
func isActor(evs []event.Event, sentence []int, start, end int) bool {
	for _, i := range sentence {
		if overlaps(start, end, evs[i].SourceSpan) || overlaps(start, end, evs[i].TargetSpan) {
			return true
		}
	}
	return false
}

// overlaps reports whether the byte range [start, end) overlaps span.
func overlaps(start, end int, span event.Span) bool {
	return span.Start >= 0 && span.End > span.Start && start < span.End && span.Start < end
}

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}
