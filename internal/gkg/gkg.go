// Package gkg extracts article-level knowledge in the manner of the GDELT
// Global Knowledge Graph 2.1: named entities (persons, organisations,
// locations, all proper names) with short forms linked to their full
// mention, themes matched by lemma rules, the seven V2Tone figures and each
// sentence's tone, counts (KILL, ARREST, KIDNAP, WOUND, PROTEST, AFFECT,
// SEIZE) and amounts with their object and place, quotations with their
// speaker and introducing verb, and dates. A Record is written as one
// 27-column GKG 2.1 row or as JSON (see Writer) and read back by ParseRow.
//
// An Extractor holds the read-only lexicons, theme rules and name lists; it is
// built once and is safe for concurrent use. Each goroutine extracts with its
// own Scratch. The input is a parsed document (internal/nlp, byte offsets into
// the document text), the article's metadata and its coded events, which give
// counts and quotations their actors. See docs/gkg.md.
package gkg

import (
	"fmt"
	"time"

	"github.com/eventwire/eventwire/internal/dict"
	"github.com/eventwire/eventwire/internal/event"
	"github.com/eventwire/eventwire/internal/geo"
	"github.com/eventwire/eventwire/internal/nlp"
	"github.com/eventwire/eventwire/internal/timex"
)

// Article is the input of Extract: one parsed document, its metadata and the
// events coded from it.
type Article struct {
	DocID  string
	URL    string
	Source string // publisher name or domain
	Title  string
	Date   time.Time // publication date; zero when unknown
	Doc    *nlp.Document
	Events []event.Event
}

// Record is the knowledge extracted from one article: the content of one GKG
// 2.1 row, with eventwire's richer typed entities. Offsets are byte offsets
// into the document text.
type Record struct {
	ID               string         `json:"id"`   // GKGRECORDID, YYYYMMDDHHMMSS-N
	Date             string         `json:"date"` // YYYYMMDDHHMMSS
	SourceCollection int            `json:"source_collection"`
	SourceName       string         `json:"source_name"`
	DocumentID       string         `json:"document_id"` // URL, else the document id
	Counts           []Count        `json:"counts"`
	Themes           []Theme        `json:"themes"`
	Locations        []Location     `json:"locations"`
	Persons          []Name         `json:"persons"`
	Organizations    []Name         `json:"organizations"`
	Tone             Tone           `json:"tone"`
	Dates            []DateMention  `json:"dates"`
	Quotations       []Quotation    `json:"quotations"`
	AllNames         []Name         `json:"all_names"`
	Amounts          []Amount       `json:"amounts"`
	Title            string         `json:"title,omitempty"`
	Entities         []Entity       `json:"entities"`
	SentenceTones    []SentenceTone `json:"sentence_tones,omitempty"`
	EventTones       []float64      `json:"event_tones,omitempty"` // Article.Events[i]'s sentence tone
}

// Name is one mention of a name.
type Name struct {
	Name   string `json:"name"`
	Offset int    `json:"offset"`
}

// Entity types.
const (
	Person       = "person"
	Organization = "organization"
	Place        = "location"
	OtherName    = "other"
)

// Entity is one named-entity mention.
type Entity struct {
	Text     string `json:"text"`
	Type     string `json:"type"` // Person, Organization, Place or OtherName
	Start    int    `json:"start"`
	End      int    `json:"end"`
	Sentence int    `json:"sentence"` // 1-based
	First    int    `json:"first"`    // 1-based ids of its first and last word in the sentence
	Last     int    `json:"last"`
	// Canonical is the full mention this one is a short form of ("the
	// Senate" → "Senate of the French Republic"), else Text.
	Canonical string `json:"canonical"`
	// Actor is the CAMEO code of an event actor or dictionary actor with
	// this name, "" when none.
	Actor string `json:"actor,omitempty"`
	// Why tells the evidence for Type: "place", "cue:ministry",
	// "first-name", "title", "acronym", "speaker", "link".
	Why string     `json:"why,omitempty"`
	Geo *event.Geo `json:"geo,omitempty"`
}

// Theme is one theme mention.
type Theme struct {
	Theme  string `json:"theme"`
	Offset int    `json:"offset"`
	Text   string `json:"text"` // the words that matched
}

// Location is one resolved place mention.
type Location struct {
	event.Geo
	Text   string `json:"text"`
	Offset int    `json:"offset"`
}

// Tone holds GDELT's seven V2Tone figures. Percentages are of WordCount.
type Tone struct {
	Tone      float64 `json:"tone"`     // Positive − Negative
	Positive  float64 `json:"positive"` // % words with positive valence
	Negative  float64 `json:"negative"` // % words with negative valence
	Polarity  float64 `json:"polarity"` // % words with any valence
	Activity  float64 `json:"activity"` // % words that are verbs
	SelfGroup float64 `json:"self_group"`
	WordCount int     `json:"word_count"`
}

// SentenceTone is the tone of one sentence.
type SentenceTone struct {
	Sentence int     `json:"sentence"` // 1-based
	Tone     float64 `json:"tone"`
}

// DateMention is a date named in the text, in GDELT's enhanced dates form:
// Resolution 1 year, 2 month and year, 3 full date, 4 month and day
// without year. Unknown parts are 0.
type DateMention struct {
	Resolution int    `json:"resolution"`
	Month      int    `json:"month"`
	Day        int    `json:"day"`
	Year       int    `json:"year"`
	Offset     int    `json:"offset"`
	Text       string `json:"text,omitempty"`
}

// Count is a number of people or things affected by an action: KILL,
// ARREST, KIDNAP, WOUND, PROTEST, AFFECT or SEIZE.
type Count struct {
	Type     string     `json:"type"`
	Number   int64      `json:"number"`
	Object   string     `json:"object"`
	Geo      *event.Geo `json:"geo,omitempty"`
	Offset   int        `json:"offset"`
	Sentence int        `json:"sentence"`         // 1-based
	Verb     string     `json:"verb,omitempty"`   // the word that typed the count
	Source   string     `json:"source,omitempty"` // actor code of the event on the same verb
	Target   string     `json:"target,omitempty"` // its target
	EventIdx int        `json:"event,omitempty"`  // 1-based index into Article.Events, 0 when none
	Approx   string     `json:"approx,omitempty"` // "more than", "about"... as written
}

// Amount is a number with its object ("20000,combat soldiers").
type Amount struct {
	Value  float64 `json:"value"`
	Object string  `json:"object"`
	Offset int     `json:"offset"`
}

// Quotation is a quoted span with its speaker.
type Quotation struct {
	Offset int    `json:"offset"` // of the first quoted character
	Length int    `json:"length"` // in bytes
	Verb   string `json:"verb"`   // the introducing verb as written, "" when none
	Quote  string `json:"quote"`
	// Speaker is the subject of the introducing verb (or whom it speaks
	// for: "a statement ... on behalf of the NGO representatives"); Actor
	// its CAMEO code when an event or entity gives one.
	Speaker string `json:"speaker,omitempty"`
	Actor   string `json:"actor,omitempty"`
}

// Options configure an Extractor.
type Options struct {
	// Gazetteer resolves place names; nil skips places (locations, count
	// places).
	Gazetteer *geo.Gazetteer
	// Dict, when set, gives entities the code of the dictionary actor with
	// their name, and organisations and quotation speakers the code of a
	// role noun (agent) they contain. It must be built (dict.Set.Build), as
	// the loaders return it.
	Dict *dict.Set
}

// Extractor extracts Records. It is safe for concurrent use.
type Extractor struct {
	opt    Options
	lex    *lexicon
	themes *themeRules
	names  map[string]bool // given names, lower case
}

// New builds an Extractor from the embedded lexicon, theme rules and name
// list.
func New(opt Options) (*Extractor, error) {
	lex, err := loadLexicon(vaderData, "vader.tsv")
	if err != nil {
		return nil, fmt.Errorf("loading tone lexicon: %w", err)
	}
	th, err := parseThemes(themesData, "themes.txt")
	if err != nil {
		return nil, fmt.Errorf("loading theme rules: %w", err)
	}
	names, err := loadNames(namesData, "firstnames.txt")
	if err != nil {
		return nil, fmt.Errorf("loading given names: %w", err)
	}
	return &Extractor{opt: opt, lex: lex, themes: th, names: names}, nil
}

// Scratch holds one goroutine's buffers. It is not safe for concurrent use.
type Scratch struct {
	finder timex.Finder
	exprs  [][]timex.Expr
	low    []byte   // lower-cased forms of the current sentence
	lowAt  [][2]int // per word: its lower-cased form in low
	spots  []spot
	hits   []themeHit
}

// NewScratch returns scratch buffers for one goroutine.
func (x *Extractor) NewScratch() *Scratch { return &Scratch{} }

// Extract extracts the knowledge of one article. A nil Scratch is allowed
// (a fresh one is used). It never fails: an article without sentences gives
// a Record with only its metadata and a zero tone.
func (x *Extractor) Extract(sc *Scratch, a Article) Record {
	if sc == nil {
		sc = x.NewScratch()
	}
	var d nlp.Document
	if a.Doc != nil {
		d = *a.Doc
	}
	date := a.Date
	if date.IsZero() {
		date = time.Date(1970, 1, 1, 0, 0, 0, 0, time.UTC)
	}
	r := Record{
		Date:       date.UTC().Format("20060102150405"),
		SourceName: a.Source,
		DocumentID: a.URL,
		Title:      a.Title,
	}
	r.SourceCollection = 1 // WEB
	if r.DocumentID == "" {
		r.DocumentID = a.DocID
		r.SourceCollection = 2 // CITATIONONLY
	}
	r.ID = r.Date + "-" + a.DocID
	sc.exprs = sc.exprs[:0]
	for k := range d.Sentences {
		sc.exprs = append(sc.exprs, sc.finder.Find(&d.Sentences[k], date, nil))
	}
	x.places(sc, &d, a.Events, &r)
	x.entities(sc, &d, a.Events, &r)
	x.matchThemes(sc, &d, &r)
	x.tone(sc, &d, a.Events, &r)
	x.dates(sc, &d, &r)
	x.counts(sc, &d, a.Events, &r)
	x.quotations(sc, &d, a.Events, &r)
	return r
}
