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
	"net/url"
	"strings"
	"time"

	"github.com/eventwire/eventwire/internal/dict"
	"github.com/eventwire/eventwire/internal/event"
	"github.com/eventwire/eventwire/internal/geo"
	"github.com/eventwire/eventwire/internal/knowledge"
	wordnet "github.com/eventwire/eventwire/internal/lexicon"
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
	// Dateline is the place of the report's dateline (analyze.Result's),
	// "" for none; the parsed sentences leave the dateline out, so its
	// place and agency are read from here and the document text.
	Dateline string
}

// The knowledge record and its parts are those of internal/knowledge, the
// base package the store and the exports share without depending on the
// extraction.
type (
	Record       = knowledge.Record
	Name         = knowledge.Name
	Entity       = knowledge.Entity
	Theme        = knowledge.Theme
	Location     = knowledge.Location
	Tone         = knowledge.Tone
	SentenceTone = knowledge.SentenceTone
	DateMention  = knowledge.DateMention
	Count        = knowledge.Count
	Amount       = knowledge.Amount
	Quotation    = knowledge.Quotation
)

// Entity types.
const (
	Person       = knowledge.Person
	Organization = knowledge.Organization
	Place        = knowledge.Place
	OtherName    = knowledge.OtherName
)

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
	names  map[string]bool   // given names, lower case
	orgs   map[string]string // organisation table (orgs.tsv): name → actor code
	// orgSpans maps a first word of the table's names of three or more
	// words to their most words.
	orgSpans map[string]int
	wn       *wordnet.Lexicon
	// adjectives maps nationality adjectives to their country's place.
	adjectives  map[string]*event.Geo
	countryGeos map[string]*event.Geo // lower-cased country names and aliases
	countryISO  map[string]*event.Geo // ISO 3166 alpha-3 codes → the country's place
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
	orgs, err := loadOrgs(orgsData, "orgs.tsv")
	if err != nil {
		return nil, fmt.Errorf("loading organisation table: %w", err)
	}
	wn, err := wordnet.WordNet() // shared with the tagger: decoded once
	if err != nil {
		return nil, fmt.Errorf("loading word classes: %w", err)
	}
	x := &Extractor{opt: opt, lex: lex, themes: th, names: names, orgs: orgs, orgSpans: orgSpans(orgs), wn: wn}
	x.adjectives, x.countryGeos = countryAdjectives(opt.Gazetteer)
	x.countryISO = map[string]*event.Geo{}
	for _, g := range x.countryGeos {
		if g.CountryISO != "" {
			x.countryISO[g.CountryISO] = g
		}
	}
	return x, nil
}

// Scratch holds one goroutine's buffers. It is not safe for concurrent use.
type Scratch struct {
	finder timex.Finder
	exprs  [][]timex.Expr
	low    []byte   // lower-cased forms of the current sentence
	lowAt  [][2]int // per word: its lower-cased form in low
	spots  []spot
	hits   []themeHit
	// hyphenNames holds the hyphenated last parts of the article's names
	// so far ("Amir-Abdollahian"), to keep their short forms whole.
	hyphenNames map[string]bool
	// affilSent and affilAt mark the word (0-based) where a name starts
	// after a person's name and "of" ("Raymond Chan of People Power"): an
	// affiliation.
	affilSent, affilAt int
	// affilPerson is the first word of that person's name.
	affilPerson int
	// things holds the names the article used as names of things
	// ("Internet Explorer" of "Internet Explorer 9"), see thingName.
	things map[string]bool
	// refs holds the dictionary phrases looked up by knownOrgEnd.
	refs []dict.PhraseRef
	// key holds a name's lower-cased words joined by spaces, to look it up
	// in the organisation table.
	key []byte
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
		SourceName: commonName(a.URL, a.Source),
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
	x.dateline(sc, &d, a.Dateline, a.Events, &r)
	x.entities(sc, &d, a.Events, &r)
	x.matchThemes(sc, &d, &r)
	x.tone(sc, &d, a.Events, &r)
	x.dates(sc, &d, &r)
	x.counts(sc, &d, a.Events, &r)
	x.quotations(sc, &d, a.Events, &r)
	x.speakingOrgs(&r)
	x.nameLists(&r)
	return r
}

// commonName returns GDELT's V2SourceCommonName: the host of the article's
// URL without "www." ("bbc.co.uk"), else source.
func commonName(rawURL, source string) string {
	u, err := url.Parse(strings.TrimSpace(rawURL))
	if err != nil || u.Hostname() == "" {
		return source
	}
	return strings.TrimPrefix(strings.ToLower(u.Hostname()), "www.")
}
