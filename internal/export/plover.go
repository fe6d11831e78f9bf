package export

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"strconv"

	"github.com/eventwire/eventwire/internal/cameo"
	"github.com/eventwire/eventwire/internal/event"
	"github.com/eventwire/eventwire/internal/store"
)

// PloverRecord is the PLOVER JSON record of one stored event. Field names
// follow the PLOVER specification's JSON data fields (id, date, event
// category, mode, context, quad_code, actor objects, text) with the names
// the POLECAT data set uses where the two differ (event_type, actor,
// event_geolocation, story_id); fields PLOVER lacks (the CAMEO coding, the
// mention counts, the rule) are named extensions, as the specification
// allows. docs/formats.md documents each field and the CAMEO mapping.
type PloverRecord struct {
	ID        string   `json:"id"`
	Date      string   `json:"date"`
	EventType string   `json:"event_type"`
	Mode      string   `json:"mode,omitempty"`
	Context   []string `json:"context,omitempty"`
	// QuadCode is PLOVER's quad category of EventType, which differs from
	// CAMEO's QuadClass for PROTEST, SANCTION and the 09 family.
	QuadCode  int           `json:"quad_code"`
	Actor     []PloverActor `json:"actor"`
	Recipient []PloverActor `json:"recipient,omitempty"`
	// EventText is the phrase of the verb that expressed the event; Text
	// the whole sentence.
	EventText        string          `json:"event_text,omitempty"`
	Text             string          `json:"text"`
	TextInfo         PloverTextInfo  `json:"text_info"`
	EventGeolocation *PloverLocation `json:"event_geolocation,omitempty"`
	StoryID          string          `json:"story_id"`
	URL              string          `json:"url,omitempty"`
	Historical       bool            `json:"historical,omitempty"`
	Hypothetical     bool            `json:"hypothetical,omitempty"`
	Negated          bool            `json:"negated,omitempty"`
	Reported         bool            `json:"reported,omitempty"`
	Attribution      string          `json:"attribution,omitempty"`
	NumMentions      int             `json:"num_mentions"`
	NumSources       int             `json:"num_sources"`
	NumArticles      int             `json:"num_articles"`
	IsRootEvent      bool            `json:"is_root_event"`
	FirstSeen        string          `json:"first_seen"` // RFC 3339, UTC
	CAMEO            PloverCAMEO     `json:"cameo"`
	Coder            string          `json:"coder"`
	Codebook         string          `json:"codebook"`
	Version          string          `json:"version,omitempty"` // the dictionary set's content hash
}

// PloverActor is PLOVER's actor object: the three-letter country (or
// region) code, the sector codes, the text the actor was found in, and the
// full CAMEO actor code it came from.
type PloverActor struct {
	Code      string          `json:"code,omitempty"`
	Sector    string          `json:"sector,omitempty"`
	ActorText string          `json:"actor_text,omitempty"`
	Religion  string          `json:"religion,omitempty"`
	Ethnicity string          `json:"ethnicity,omitempty"`
	ActorLoc  *PloverLocation `json:"actor_loc,omitempty"`
	CAMEO     string          `json:"cameo,omitempty"`
}

// PloverTextInfo locates the event in its story: the 1-based sentence
// number and the byte offsets of the verb phrase in the story text.
type PloverTextInfo struct {
	Sequence int `json:"sequence"`
	Start    int `json:"start"`
	End      int `json:"end"`
}

// PloverLocation is PLOVER's location object (GeoNames field names, with
// cc3 for the ISO alpha-3 country code).
type PloverLocation struct {
	GeonameID   string  `json:"geonameid,omitempty"`
	Name        string  `json:"name"`
	Latitude    float64 `json:"latitude"`
	Longitude   float64 `json:"longitude"`
	FeatureCode string  `json:"feature_code"`
	CountryCode string  `json:"country_code,omitempty"` // ISO 3166 alpha-2
	CC3         string  `json:"cc3,omitempty"`
	Admin1Code  string  `json:"admin1_code,omitempty"` // FIPS country + division, as GDELT
}

// PloverCAMEO keeps the CAMEO coding the record was converted from.
type PloverCAMEO struct {
	Code      string  `json:"code"`
	Root      string  `json:"root"`
	QuadClass int     `json:"quad_class"`
	Goldstein float64 `json:"goldstein"`
	Source    string  `json:"source"`
	Target    string  `json:"target,omitempty"`
	Rule      string  `json:"rule"`
}

// PloverCodebook names the CAMEO→PLOVER table internal/cameo is generated
// from.
const PloverCodebook = "CAMEO2PLOVER-2021 (PLOVER manual draft 0.8)"

// ploverQuad is PLOVER's quad category per event category (PLOVER manual,
// "Quad categories in PLOVER"; REQUEST is the 2021 name of DEMAND).
var ploverQuad = map[string]int{
	"AGREE": 1, "CONSULT": 1, "SUPPORT": 1, "CONCEDE": 1,
	"COOPERATE": 2, "AID": 2, "RETREAT": 2, "INVESTIGATE": 2,
	"REQUEST": 3, "DEMAND": 3, "ACCUSE": 3, "REJECT": 3, "THREATEN": 3, "SANCTION": 3,
	"PROTEST": 4, "MOBILIZE": 4, "COERCE": 4, "ASSAULT": 4, "FIGHT": 4, "CRIME": 4,
}

// NewPloverRecord converts a stored event. ok is false when PLOVER has no
// category for the event's CAMEO code (the 01 and 02 families); an unknown
// CAMEO code is an error.
func NewPloverRecord(se *store.StoredEvent) (rec PloverRecord, ok bool, err error) {
	e := &se.Event
	c, found := cameo.Lookup(e.Code)
	if !found {
		return rec, false, fmt.Errorf("event %d: unknown CAMEO event code %q", se.ID, e.Code)
	}
	if c.Plover.Category == "" {
		return rec, false, nil
	}
	quad, found := ploverQuad[c.Plover.Category]
	if !found {
		return rec, false, fmt.Errorf("event %d: PLOVER category %q of CAMEO %s has no quad category", se.ID, c.Plover.Category, c.Code)
	}
	rec = PloverRecord{
		ID:               strconv.FormatInt(se.ID, 10),
		Date:             e.Date,
		EventType:        c.Plover.Category,
		Mode:             c.Plover.Mode,
		Context:          c.Plover.Contexts(),
		QuadCode:         quad,
		Actor:            ploverActors(e.Source, e.SourceSpan.Text, e.Actor1Geo),
		Recipient:        ploverActors(e.Target, e.TargetSpan.Text, e.Actor2Geo),
		EventText:        e.VerbSpan.Text,
		Text:             e.Text,
		TextInfo:         PloverTextInfo{Sequence: e.Sentence, Start: e.VerbSpan.Start, End: e.VerbSpan.End},
		EventGeolocation: ploverLocation(e.ActionGeo),
		StoryID:          e.DocID,
		URL:              e.URL,
		Historical:       e.Historical,
		Hypothetical:     e.Hypothetical,
		Negated:          e.Negated,
		Reported:         e.Reported,
		Attribution:      e.Attribution,
		NumMentions:      se.NumMentions,
		NumSources:       se.NumSources,
		NumArticles:      se.NumArticles,
		IsRootEvent:      se.IsRoot,
		FirstSeen:        se.FirstSeen.UTC().Format("2006-01-02T15:04:05Z"),
		CAMEO: PloverCAMEO{Code: c.Code, Root: c.Root, QuadClass: int(c.QuadClass), Goldstein: c.Goldstein,
			Source: e.Source, Target: e.Target, Rule: e.Rule},
		Coder:    "eventwire",
		Codebook: PloverCodebook,
		Version:  e.DictVersion,
	}
	if rec.Actor == nil {
		rec.Actor = []PloverActor{} // required by PLOVER: an empty list when the source is unknown
	}
	return rec, true, nil
}

// ploverActors returns the actor list for a CAMEO actor code (nil when
// there is neither code nor text).
func ploverActors(code, text string, g *event.Geo) []PloverActor {
	if code == "" && text == "" {
		return nil
	}
	a := PloverActor{ActorText: text, CAMEO: code, ActorLoc: ploverLocation(g)}
	if code != "" {
		if ac, err := cameo.ParseActorCode(code); err == nil {
			a.Code = ac.Country
			if a.Code == "" {
				a.Code = ac.KnownGroup
			}
			for i, t := range ac.Types {
				if i == 2 {
					break // PLOVER sectors are 3 or 6 characters
				}
				a.Sector += t
			}
			if len(ac.Religions) > 0 {
				a.Religion = ac.Religions[0]
			}
			a.Ethnicity = ac.Ethnic
		}
	}
	return []PloverActor{a}
}

// featureCodes are the GeoNames feature codes of GDELT's geo types.
var featureCodes = [...]string{1: "PCLI", 2: "ADM1", 3: "PPL", 4: "PPL", 5: "ADM1"}

func ploverLocation(g *event.Geo) *PloverLocation {
	if g == nil {
		return nil
	}
	loc := &PloverLocation{Name: g.FullName, Latitude: g.Lat, Longitude: g.Lon, CC3: g.CountryISO, Admin1Code: g.ADM1}
	if g.Type > 0 && g.Type < len(featureCodes) {
		loc.FeatureCode = featureCodes[g.Type]
	}
	if g.Type == 3 || g.Type == 4 {
		loc.GeonameID = g.FeatureID // cities carry their GeoNames id; the others a code
	}
	if c, ok := cameo.CountryByISO3(g.CountryISO); ok {
		loc.CountryCode = c.ISO2
	}
	return loc
}

func writePLOVER(ctx context.Context, q store.Querier, w io.Writer, opt Options) (Summary, error) {
	var sum Summary
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	err := q.Events(ctx, opt.Filter, func(se *store.StoredEvent) error {
		rec, ok, err := NewPloverRecord(se)
		if err != nil {
			return err
		}
		if !ok {
			sum.Dropped++
			return nil
		}
		sum.Records++
		if err := enc.Encode(&rec); err != nil {
			return fmt.Errorf("writing PLOVER record: %w", err)
		}
		return nil
	})
	if err != nil {
		return sum, fmt.Errorf("exporting events: %w", err)
	}
	return sum, nil
}
