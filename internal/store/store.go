// Package store defines how eventwire keeps articles, their sentences, the
// events coded from them and the mentions of those events: a Store writes a
// Batch in one transaction and answers queries. The SQLite implementation
// is in store/sqlite; a server database can implement the same interface.
package store

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/eventwire/eventwire/internal/dedup"
	"github.com/eventwire/eventwire/internal/event"
	"github.com/eventwire/eventwire/internal/knowledge"
)

// ErrNotFound is returned (wrapped) when an article or event asked for by
// id is not stored.
var ErrNotFound = errors.New("not found")

// Store is an event store. Implementations are safe for concurrent use;
// writes are serialised.
type Store interface {
	Writer
	Querier
	ArticleReader
	Close() error
}

// Writer writes batches. Write stores the whole batch in one transaction:
// after a crash either all of it is stored or none of it. It is idempotent:
// an article whose id (or a copy whose id) is already stored adds nothing.
// Write does not keep b or anything in it after it returns.
type Writer interface {
	Write(ctx context.Context, b *Batch, opt WriteOptions) (WriteResult, error)
}

// Querier reads the store. An empty result is not an error.
type Querier interface {
	// Query returns the events matching q.Filter, in the order of
	// q.Sort, or an aggregation of them when q.Aggregate is set, as a
	// table (see Aggregations for the columns).
	Query(ctx context.Context, q Query) (*Table, error)
	// Events calls fn for each event matching f, in the order of f.Sort
	// (id order when it is empty), at most f.Limit of them, after the
	// event f.After. fn must not keep the StoredEvent after it returns.
	Events(ctx context.Context, f Filter, fn func(*StoredEvent) error) error
	// Mentions calls fn for each mention of an event matching f, in event
	// id then mention order (f.Sort is ignored; f.After is an event id and
	// f.Limit counts mentions). fn must not keep the StoredMention.
	Mentions(ctx context.Context, f Filter, fn func(*StoredMention) error) error
	// Seen reports whether an input document of this id was ingested
	// before, and the id of the article it was stored as (itself, or the
	// article it duplicates) when an article with this id, or a near
	// duplicate of the text's SimHash published within opt.NearDays of
	// published (zero: today), is stored.
	Seen(ctx context.Context, id string, simhash uint64, words int, published time.Time, opt WriteOptions) (seen bool, articleID string, err error)
	Stats(ctx context.Context) (Stats, error)
}

// Article is one input document: the article and what was coded from it.
// When the store already holds the article (same id, or near-duplicate
// text) it is recorded as another copy and its Events are not used.
type Article struct {
	ID           string // deterministic: dedup.ArticleID
	CanonicalURL string
	URL          string
	Title        string
	Source       string // publisher name; the URL's host when empty
	Published    time.Time
	Text         string
	SimHash      uint64
	Words        int
	Origin       string // the input it came from, file or file:line
	Sentences    []Sentence
	Events       []event.Event
	// Knowledge is the article knowledge extracted from the text
	// (entities, places, themes, tone...); nil when none was extracted.
	// The store keeps it with the article (not with copies) and does not
	// keep the pointer.
	Knowledge *knowledge.Record
	// Analyzed is false when the events were not coded (a duplicate known
	// before analysis); such an article is stored only as a copy, and is
	// skipped if it turns out to be new.
	Analyzed bool
}

// Sentence is a sentence's byte range in its article's text.
type Sentence struct{ Start, End int }

// Skip is an input the run could not use.
type Skip struct{ Origin, Reason, Message string }

// Batch is what one transaction writes: articles, skipped inputs, and the
// counts of the ingest run they belong to.
type Batch struct {
	Run      Run
	Articles []Article
	Skips    []Skip
}

// Run identifies an ingest run; its counts are summed over its batches.
type Run struct {
	ID      string // unique per run, e.g. the start time
	Started time.Time
	Args    string
}

// WriteOptions configure de-duplication.
type WriteOptions struct {
	// NearDistance is the largest SimHash Hamming distance of two near
	// duplicates (0: dedup.DefaultDistance; negative: exact ids only). At
	// most dedup.MaxBandDistance.
	NearDistance int
	// NearDays is how many days apart two near duplicates may be published
	// (by their dates, or the day they were ingested when they have none);
	// 0 means dedup.DefaultNearDays.
	NearDays int
	// EventWindow is the number of days two reports of one event may be
	// apart (0: dedup.DefaultWindow).
	EventWindow int
	// Now is the ingest time recorded (zero: time.Now).
	Now time.Time
}

// WriteResult counts what a Write did.
type WriteResult struct {
	New       int // articles stored
	Duplicate int // copies of stored articles (same canonical URL or near-duplicate text)
	Already   int // inputs stored before (re-ingested)
	Unknown   int // unanalyzed articles that were not duplicates after all (to analyze again)
	Events    int // new events
	Mentions  int // new mentions
	Skipped   int
	// Outcome per article, in order: "new", "duplicate", "already" or "unknown".
	Outcome []string
}

// Filter selects events. Zero fields do not filter; the conditions of the
// fields that are set must all hold.
type Filter struct {
	ID      int64  // only the event with this id
	Actor   string // actor code prefix (country code prefix) of source or target, or a word of an actor's name
	Code    string // CAMEO event code prefix
	Quad    int    // quad class 1–4
	From    string // first date, YYYY-MM-DD
	To      string // last date, YYYY-MM-DD
	Country string // action place country, ISO alpha-3 or FIPS
	// Place is the action place: its full name ("Paris, Ile-de-France,
	// France"), its name before the first comma ("Paris"), both without
	// regard to case, or its feature id (GeoNames id).
	Place string
	// Theme is a GKG theme (upper case, e.g. "ARMEDCONFLICT"): events
	// reported by an article whose knowledge has that theme.
	Theme string
	Text  string // full-text search over the sentences of the event's mentions (FTS5 syntax)
	// MinConfidence keeps the events whose coded confidence (see
	// StoredEvent.EventConfidence: the highest event.Event.Confidence of
	// the event's reports) is at least this, 0 < MinConfidence <= 1.
	// Events of unknown confidence (coded or stored before events carried
	// one) never match: unknown is not 1.0. It is not the GDELT mention
	// confidence (StoredMention.Confidence).
	MinConfidence float64
	// Sort orders listed events: "" by id; "date", "goldstein" or
	// "mentions" (NumMentions) ascending, with a leading "-" descending;
	// ties are broken by id in the same direction. Aggregations ignore it.
	Sort string
	// After is a cursor: the id of the last event of the previous page.
	// Only events after it in the order of Sort are listed (with Sort
	// "", events with an id greater than After). The event After must be
	// stored unless Sort is "". Events only get higher ids, so a page
	// boundary stays valid while the store grows, but with a Sort other
	// than "" an event stored or updated later may land on a page already
	// read. Aggregations ignore it.
	After int64
	Limit int // at most this many rows (0: no limit)
}

// Sorts are the values Filter.Sort accepts besides "".
var Sorts = []string{"date", "-date", "goldstein", "-goldstein", "mentions", "-mentions"}

// Aggregations Query accepts, and the columns of their tables:
//
//   - "" (a list of events): id, date, source, target, code, quad,
//     goldstein, place, country, mentions, sources, articles, root,
//     source_name, target_name, tone, event_confidence (the coded
//     confidence of StoredEvent.EventConfidence, "" when unknown);
//   - "day", "week" (weeks start on Monday, labelled with the Monday's
//     date) and "month" (YYYY-MM): the label, events, mentions,
//     avg_goldstein and avg_tone, in date order, periods without events
//     left out. avg_tone is the average over the events of the tone of
//     the article that first reported each (events without one left
//     out; "" when none has one);
//   - "goldstein": events, mentions, avg_goldstein,
//     mention_weighted_goldstein;
//   - "dyads": source, target, events, mentions, avg_goldstein, most
//     events first (Limit default 10);
//   - "places": place (feature id), name, country (ISO alpha-3), lat,
//     lon, events, mentions, avg_goldstein, most events first (Limit
//     default 10);
//   - "countries": country (ISO alpha-3 of the action place), events,
//     mentions, avg_goldstein, most events first (all of them unless
//     Limit is set).
//
// Averages are rounded to three decimals.
var Aggregations = []string{"day", "week", "month", "goldstein", "dyads", "places", "countries"}

// Query is a filter and an optional aggregation ("" lists events).
type Query struct {
	Filter
	Aggregate string
}

// ArticleReader reads whole articles.
type ArticleReader interface {
	// Article returns the stored article with this id, or the article a
	// copy with this id was stored as, with its sentences, the events
	// coded from it, its copies and its knowledge. It returns an error
	// wrapping ErrNotFound when neither is stored.
	Article(ctx context.Context, id string) (*ArticleView, error)
	// Articles lists stored articles, most recently published first
	// (articles without a date by the time they were ingested; then by
	// id), at most f.Limit (0: all). When f sets an event condition
	// (anything but Theme, Limit, Sort and After) only articles that
	// reported an event matching f are listed; Theme lists articles
	// whose knowledge has that theme. f.Sort and f.After are ignored.
	Articles(ctx context.Context, f Filter) ([]ArticleSummary, error)
}

// ArticleView is a stored article with what was coded from it.
type ArticleView struct {
	ID        string
	Title     string
	URL       string
	Source    string
	Published time.Time // zero when unknown
	Ingested  time.Time
	Text      string
	Sentences []Sentence // byte ranges into Text; sentence n is Sentences[n-1]
	// Events are the events coded from the article's sentences, in
	// sentence then coding order, each with the stored event's id and
	// counts; Event is as coded from this article (spans are byte offsets
	// into Text, Sentence indexes Sentences).
	Events []ArticleEvent
	// Copies are the input documents stored as this article, the
	// article itself first, then in the order they were stored.
	Copies    []Copy
	Knowledge *knowledge.Record // nil when none was stored
}

// ArticleEvent is one event coded from an article.
type ArticleEvent struct {
	StoredEvent
	Confidence int // GDELT mention confidence of this article's mention (dedup.Confidence), not the event's
}

// Copy is one input document stored as an article.
type Copy struct {
	ID        string
	URL       string
	Source    string
	Published time.Time // zero when unknown
	Origin    string    // file or file:line
	Seen      time.Time
}

// ArticleSummary is one line of an article listing.
type ArticleSummary struct {
	ID        string
	Title     string
	URL       string
	Source    string
	Published time.Time // zero when unknown
	Events    int       // distinct events coded from it
}

// Table is a query result. Values are string, int64 or float64.
type Table struct {
	Columns []string
	Rows    [][]any
}

// StoredEvent is an event with its mention counts. Event holds the fields
// of its first mention.
type StoredEvent struct {
	ID          int64
	Event       event.Event
	NumMentions int
	NumSources  int
	NumArticles int
	IsRoot      bool
	FirstSeen   time.Time
	// EventConfidence is how likely the coded event is right (0–1): the
	// highest event.Event.Confidence of its original mentions, so a
	// report coded with more evidence raises it; 0 when unknown (none of
	// its reports carried a confidence). Filter.MinConfidence tests it.
	// It is not the GDELT mention confidence (StoredMention.Confidence).
	EventConfidence float64
}

// StoredMention is one report of an event: a coded sentence of an article,
// or of a copy of it.
type StoredMention struct {
	EventID    int64
	Event      event.Event // as coded from the mention's sentence; URL is the copy's
	SourceName string
	Confidence int // GDELT mention confidence (dedup.Confidence, 10–100), not the event's
	Seen       time.Time
	Copy       bool // the mention comes from a duplicate copy of the article
}

// Stats counts what the store holds.
type Stats struct {
	Articles  int64            `json:"articles"`
	Copies    int64            `json:"copies"`
	Sentences int64            `json:"sentences"`
	Events    int64            `json:"events"`
	Mentions  int64            `json:"mentions"`
	Sources   int64            `json:"sources"`
	Runs      int64            `json:"runs"`
	Skipped   map[string]int64 `json:"skipped"` // by reason, over all runs
	First     string           `json:"first_date,omitempty"`
	Last      string           `json:"last_date,omitempty"`
}

// NearDistanceOrDefault is the effective SimHash distance of near duplicates under
// opt: NearDistance, dedup.DefaultDistance for 0, at most
// dedup.MaxBandDistance.
func (opt WriteOptions) NearDistanceOrDefault() int {
	d := opt.NearDistance
	if d == 0 {
		d = dedup.DefaultDistance
	}
	return min(d, dedup.MaxBandDistance)
}

// Rows is what both engines' query results offer.
type Rows interface {
	Next() bool
	Scan(dest ...any) error
	Err() error
}

// NearestCopy reads candidate (article id, SimHash) rows and returns the
// id of the one nearest simhash within opt's near distance, "" for none.
func NearestCopy(rows Rows, simhash uint64, opt WriteOptions) (string, error) {
	best, bestD := "", opt.NearDistanceOrDefault()+1
	for rows.Next() {
		var aid string
		var h int64
		if err := rows.Scan(&aid, &h); err != nil {
			return "", fmt.Errorf("looking up near duplicates: %w", err)
		}
		if d := dedup.Distance(uint64(h), simhash); d < bestD {
			best, bestD = aid, d
		}
	}
	if err := rows.Err(); err != nil {
		return "", fmt.Errorf("looking up near duplicates: %w", err)
	}
	return best, nil
}

// NearDaysOrDefault is how many days apart near duplicates may be
// published under opt: NearDays, dedup.DefaultNearDays when not positive.
func (opt WriteOptions) NearDaysOrDefault() int {
	if opt.NearDays <= 0 {
		return dedup.DefaultNearDays
	}
	return opt.NearDays
}

// PubDay is the day (since 1970) an article is filed under for
// near-duplicate lookup: its publication date, else now's day (time.Now
// when now is zero).
func PubDay(published, now time.Time) int64 {
	if published.IsZero() {
		if now.IsZero() {
			now = time.Now()
		}
		published = now
	}
	return published.UTC().Unix() / 86400
}

// IsActorCode reports whether s looks like a CAMEO actor code (prefix):
// upper case letters and digits, at most 24 of them.
func IsActorCode(s string) bool {
	if s == "" || len(s) > 24 {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !(c >= 'A' && c <= 'Z' || c >= '0' && c <= '9') {
			return false
		}
	}
	return true
}

// EventConfidence is the stored form of a coded event's confidence: ok is
// false when it is unknown (0, the value of events coded before events
// carried one, or not a number); values are clamped to [0, 1].
func EventConfidence(e *event.Event) (c float64, ok bool) {
	c = e.Confidence
	if !(c > 0) { // also NaN
		return 0, false
	}
	return min(c, 1), true
}

// CheckMinConfidence validates Filter.MinConfidence: 0 (no condition) or
// more than 0 and at most 1.
func CheckMinConfidence(x float64) error {
	if x == 0 {
		return nil
	}
	if !(x > 0 && x <= 1) {
		return fmt.Errorf("min confidence %v: want a number above 0 and at most 1", x)
	}
	return nil
}

// MonthOfDay is the month (year×12 + month − 1) of a day since 1970, the
// key of the stores' month rollups.
func MonthOfDay(day int64) int64 {
	t := time.Unix(day*86400, 0).UTC()
	return int64(t.Year())*12 + int64(t.Month()) - 1
}

// MonthStart is the first day (since 1970) of month m (see MonthOfDay).
func MonthStart(m int64) int64 {
	return time.Date(int(m/12), time.Month(m%12+1), 1, 0, 0, 0, 0, time.UTC).Unix() / 86400
}

// PrefixEnd is the smallest string greater than every string starting
// with p (p non-empty, ASCII upper case or digits): p matches the range
// [p, PrefixEnd(p)).
func PrefixEnd(p string) string { return p[:len(p)-1] + string(p[len(p)-1]+1) }
