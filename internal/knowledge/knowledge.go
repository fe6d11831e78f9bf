// Package knowledge holds the record of one article's knowledge (GDELT GKG
// 2.1 content with eventwire's typed entities: names, places, themes, tone,
// counts, amounts, quotations, dates) that internal/gkg extracts, the store
// keeps and the exports write. It depends on the event record only (for
// places), so that the storage contract does not pull in the extraction's
// lexicons, gazetteer, time expressions or language pipeline.
package knowledge

import (
	"fmt"

	"github.com/eventwire/eventwire/internal/event"
)

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
	EventTones       []float64      `json:"event_tones,omitempty"` // the article's events[i]'s sentence tone
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
	EventIdx int        `json:"event,omitempty"`  // 1-based index into the article's events, 0 when none
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

// String formats the date at its resolution: 2022-11-15, 2022-11, 1830,
// --11-15.
func (d DateMention) String() string {
	switch d.Resolution {
	case 1:
		return fmt.Sprintf("%04d", d.Year)
	case 2:
		return fmt.Sprintf("%04d-%02d", d.Year, d.Month)
	case 3:
		return fmt.Sprintf("%04d-%02d-%02d", d.Year, d.Month, d.Day)
	case 4:
		return fmt.Sprintf("--%02d-%02d", d.Month, d.Day)
	}
	return "?"
}
