// Package event defines the event record that flows from the coder to the
// outputs, the store and the server, and its interchange formats: eventwire
// JSON Lines, GDELT 2.0 Events (61 columns) and Mentions (16 columns), with
// readers for each so that a round trip can be tested. Complete fills the
// fields derived from the CAMEO code; NewEventRow and NewMentionRow document
// which GDELT columns eventwire fills and how (see also docs/formats.md).
//
// An Event explains itself: it carries the document and sentence it came from,
// the spans of its source, target and verb, and the dictionary entry that
// produced it.
package event

// Event is one coded event: who (Source) did what (Code) to whom (Target),
// when and where, and the evidence for it. The JSON field names are the
// eventwire JSON Lines schema documented in docs/formats.md.
type Event struct {
	DocID    string `json:"doc_id"`
	URL      string `json:"url,omitempty"`
	Sentence int    `json:"sentence"` // 1-based index of the sentence in the document
	Text     string `json:"text"`     // the sentence text

	Source string `json:"source"` // CAMEO actor code, "" when unknown
	Target string `json:"target"` // CAMEO actor code, "" when none
	Code   string `json:"code"`   // CAMEO event code, e.g. "112"
	// Derived from Code through the CAMEO table.
	Root      string  `json:"root"`       // two-digit root code
	Base      string  `json:"base"`       // three-digit base code
	QuadClass int     `json:"quad_class"` // 1 verbal coop, 2 material coop, 3 verbal conflict, 4 material conflict
	Goldstein float64 `json:"goldstein"`
	Plover    string  `json:"plover"` // PLOVER event category, e.g. "ACCUSE"

	Date string `json:"date"` // YYYY-MM-DD: the event's own date when resolved, else the document date
	// Historical is set when the event's time lies clearly before the article's
	// window, or the event is the act another answers ("in retaliation for a
	// bombing"); Hypothetical for planned, conditional and modal actions.
	Historical   bool `json:"historical"`
	Hypothetical bool `json:"hypothetical"`
	Negated      bool `json:"negated"`  // the verb was negated (and the rule's negation policy kept the event)
	Reported     bool `json:"reported"` // the event is reported speech of Attribution

	SourceSpan Span `json:"source_span"`
	TargetSpan Span `json:"target_span"`
	VerbSpan   Span `json:"verb_span"`
	// Attribution is the actor code of the reporting speaker for reported
	// events ("X said Y attacked Z" → X), "" otherwise.
	Attribution string `json:"attribution,omitempty"`
	// Inferred names the actors whose country the text did not give but the
	// story did ("police" in a story set in Kano → NGACOP): "source",
	// "target" or "source,target"; "" when every country was named.
	Inferred string `json:"inferred,omitempty"`
	// Confidence (0–1) is how likely the event is right, from the evidence
	// it rests on (Evidence, and the event's root, actors, Reported,
	// Inferred): a logistic model fitted by "eventwire eval calibrate" on
	// the fitting halves of labelled sets (internal/coder/confidence.go,
	// docs/coder.md).
	Confidence float64 `json:"confidence,omitempty"`
	// Evidence is what the coder knew of the event when it scored
	// Confidence; only in memory, for rescoring after later stages and for
	// calibration (eventwire eval calibrate).
	Evidence Evidence `json:"-"`
	// Repeats are the other sentences (1-based) of the document that code
	// the same action again: the same source, target, code and date is one
	// real-world event, kept once at its first sentence.
	Repeats []int    `json:"repeats,omitempty"`
	Issues  []string `json:"issues,omitempty"`

	Rule        string `json:"rule"`         // dictionary entry that fired, "file:line"
	DictVersion string `json:"dict_version"` // content hash of the dictionary set

	ActionGeo *Geo `json:"action_geo,omitempty"`
	Actor1Geo *Geo `json:"actor1_geo,omitempty"`
	Actor2Geo *Geo `json:"actor2_geo,omitempty"`
}

// Evidence is what a coded event rests on, besides what the event says of
// itself (its code, actors, Reported, Inferred): the facts the coder's
// confidence model reads (internal/coder/confidence.go).
type Evidence struct {
	// Layer is where the code came from: 0 the verb's default code, 1 a
	// verb phrase's own code, 2 a dictionary pattern on the verb's
	// arguments.
	Layer uint8
	// Dict is the dictionary file of the entry that fired ("" for none).
	Dict string
	// Source and Target say how each side was found (the Side* values of
	// internal/coder).
	Source, Target uint8
	Repaired       bool   // the coder repaired the parse of the sentence
	Depth          uint8  // attribution depth: speech verbs above the event's verb
	Words          uint16 // words of the sentence
	Siblings       uint8  // other events coded from the same verb word
	Noun           bool   // the event is a noun's ("the attack", "protests against")
	// Clause is the kind of clause the event's verb (a noun's governing
	// predicate) heads: 0 a main clause, 1 a complement, 2 an adverbial
	// clause, 3 a modifier or argument (the Clause* values of
	// internal/coder).
	Clause uint8
}

// Span locates a phrase: Start and End are byte offsets into the document
// text (-1 when unknown), First and Last the 1-based ids of its first and last
// words in the sentence (0 when there is no phrase).
type Span struct {
	Start int    `json:"start"`
	End   int    `json:"end"`
	First int    `json:"first"`
	Last  int    `json:"last"`
	Text  string `json:"text,omitempty"`
}

// Geo is a resolved place, with the fields of GDELT's *Geo_ columns.
type Geo struct {
	// Type follows GDELT: 1 country, 2 US state, 3 US city, 4 world city,
	// 5 world state (first-level division).
	Type        int     `json:"type"`
	FullName    string  `json:"full_name"`
	CountryISO  string  `json:"country_iso"`  // ISO 3166 alpha-3
	CountryFIPS string  `json:"country_fips"` // FIPS 10-4 two-letter code, as GDELT uses
	ADM1        string  `json:"adm1"`         // FIPS country code + division code, as GDELT uses
	Lat         float64 `json:"lat"`
	Lon         float64 `json:"lon"`
	FeatureID   string  `json:"feature_id"` // GeoNames id, or the country code for countries
}
