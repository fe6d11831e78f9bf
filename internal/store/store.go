// Package store defines how eventwire keeps articles, their sentences, the
// events coded from them and the mentions of those events: a Store writes a
// Batch in one transaction and answers queries. The SQLite implementation
// is in store/sqlite; a server database can implement the same interface.
package store

import (
	"context"
	"time"

	"github.com/eventwire/eventwire/internal/event"
)

// Store is an event store. Implementations are safe for concurrent use;
// writes are serialised.
type Store interface {
	Writer
	Querier
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
	// Query returns the events matching q.Filter, or an aggregation of
	// them when q.Aggregate is set, as a table.
	Query(ctx context.Context, q Query) (*Table, error)
	// Events calls fn for each event matching f, in id order. fn must not
	// keep the StoredEvent after it returns.
	Events(ctx context.Context, f Filter, fn func(*StoredEvent) error) error
	// Mentions calls fn for each mention of an event matching f, in event
	// then mention order. fn must not keep the StoredMention.
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

// Filter selects events. Zero fields do not filter.
type Filter struct {
	Actor   string // actor code prefix (country code prefix) of source or target, or a word of an actor's name
	Code    string // CAMEO event code prefix
	Quad    int    // quad class 1–4
	From    string // first date, YYYY-MM-DD
	To      string // last date, YYYY-MM-DD
	Country string // action place country, ISO alpha-3 or FIPS
	Text    string // full-text search over the sentences of the event's mentions (FTS5 syntax)
	Limit   int    // at most this many rows (0: no limit)
}

// Aggregations Query accepts.
var Aggregations = []string{"day", "week", "month", "goldstein", "dyads", "places"}

// Query is a filter and an optional aggregation ("" lists events).
type Query struct {
	Filter
	Aggregate string
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
}

// StoredMention is one report of an event: a coded sentence of an article,
// or of a copy of it.
type StoredMention struct {
	EventID    int64
	Event      event.Event // as coded from the mention's sentence; URL is the copy's
	SourceName string
	Confidence int
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
