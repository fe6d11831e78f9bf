package gkg

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/eventwire/eventwire/internal/cameo"
	"github.com/eventwire/eventwire/internal/event"
	"github.com/eventwire/eventwire/internal/geo"
	"github.com/eventwire/eventwire/internal/nlp"
)

// countryAdjectives maps the lower-cased nationality adjectives of the
// gazetteer's countries ("pakistani", "u.s.") to the country's place.
// names maps their lower-cased names and aliases to the same places.
func countryAdjectives(g *geo.Gazetteer) (m, names map[string]*event.Geo) {
	if g == nil {
		return nil, nil
	}
	m, names = map[string]*event.Geo{}, map[string]*event.Geo{}
	for i := range g.Countries {
		c := &g.Countries[i]
		id := c.FIPS
		if id == "" {
			id = c.ISO2
		}
		cg := &event.Geo{Type: 1, FullName: c.Name, CountryISO: c.ISO3, CountryFIPS: c.FIPS, ADM1: c.FIPS,
			Lat: c.Lat, Lon: c.Lon, FeatureID: id}
		names[strings.ToLower(c.Name)] = cg
		for _, a := range c.Aliases {
			names[strings.ToLower(a)] = cg
		}
		// short aliases written before a noun as adjectives ("U.S.
		// President", "UK officials")
		for _, a := range c.Aliases {
			if len(a) <= 5 && (strings.Contains(a, ".") || isAcronym(a)) {
				if a = strings.ToLower(a); m[a] == nil {
					m[a] = cg
				}
			}
		}
		for _, a := range c.Adjectives {
			if a = strings.ToLower(a); a != "" && m[a] == nil {
				m[a] = cg
			}
		}
	}
	return m, names
}

// adjectivePlaces adds the countries named only by their nationality
// adjective in sentence k ("Pakistani troops", "the Iranian government")
// as places of the article, with the adjective as text. A capitalised
// adjective that starts a longer name ("Pakistani Taliban" stays a group's
// name for the entities) still names its country as a place.
func (x *Extractor) adjectivePlaces(sc *Scratch, s *nlp.Sentence, r *Record) {
	if len(x.adjectives) == 0 {
		return
	}
	for i := range s.Words {
		w := &s.Words[i]
		if !capitalised(w.Form) || w.Start < 0 {
			continue
		}
		g := x.adjectives[string(sc.lw(i))]
		if l := sc.lw(i); g == nil && len(l) > 3 && l[len(l)-1] == 's' {
			g = x.adjectives[string(l[:len(l)-1])] // "Bangladeshis", "Afghans"
		}
		if g == nil || sc.spotStarting(w.Start) {
			continue
		}
		switch w.UPOS {
		case "ADJ", "PROPN", "NOUN":
		default:
			continue
		}
		r.Locations = append(r.Locations, Location{Geo: *g, Text: w.Form, Offset: w.Start})
	}
}

// datelineParts finds the dateline of the document text (the place given
// by analyze, at the start of one of the first two paragraphs) and returns
// its offset and the news agency named in brackets after it ("(Reuters)"),
// with the agency's offset; -1 offsets when absent.
func datelineParts(text, place string) (at int, agency string, agencyAt int) {
	at, agencyAt = -1, -1
	first, _, _ := strings.Cut(place, ",")
	first = strings.TrimSpace(first)
	if first == "" {
		return
	}
	pos := 0
	for para := 0; para < 2 && pos < len(text); para++ {
		for pos < len(text) && strings.IndexByte(" \t\r\n", text[pos]) >= 0 {
			pos++
		}
		if len(text)-pos >= len(first) && strings.EqualFold(text[pos:pos+len(first)], first) {
			at = pos
			break
		}
		next := strings.Index(text[pos:], "\n\n")
		if next < 0 {
			return
		}
		pos += next
	}
	if at < 0 {
		return
	}
	head := text[at:min(len(text), at+maxDatelineBytes)]
	if nl := strings.IndexByte(head, '\n'); nl >= 0 {
		head = head[:nl]
	}
	o := strings.IndexByte(head, '(')
	if o < 0 {
		return
	}
	c := strings.IndexByte(head[o:], ')')
	if c < 0 {
		return
	}
	name := strings.TrimSpace(head[o+1 : o+c])
	ws := strings.Fields(name)
	if len(ws) == 0 || len(ws) > 4 {
		return
	}
	for _, w := range ws {
		if r, _ := utf8.DecodeRuneInString(w); !unicode.IsUpper(r) {
			return
		}
	}
	return at, name, at + o + 1 + strings.Index(head[o+1:], name)
}

// maxDatelineBytes bounds the dateline with its agency.
const maxDatelineBytes = 120

// orgCode reports whether a dictionary actor code names an organisation
// (cameo.ActorCode.Organisation).
func orgCode(code string) bool {
	ac, err := cameo.ParseActorCode(code)
	return err == nil && ac.Organisation()
}

// spotStarting reports whether a resolved place starts at offset off.
func (sc *Scratch) spotStarting(off int) bool {
	for _, sp := range sc.spots {
		if sp.start == off && sp.geo != nil {
			return true
		}
	}
	return false
}

// dateline adds the dateline's place (left out of the parsed sentences) to
// the article's places and its agency ("(Reuters)") to its organisations,
// as entities of sentence 0.
func (x *Extractor) dateline(sc *Scratch, d *nlp.Document, place string, evs []event.Event, r *Record) {
	if place == "" {
		return
	}
	at, agency, agencyAt := datelineParts(d.Text, place)
	if at < 0 {
		return
	}
	if g := x.opt.Gazetteer; g != nil {
		if res := g.Resolve(geo.Mention{Text: place}, geo.Hints{}); res.Geo != nil {
			r.Locations = append(r.Locations, Location{Geo: *res.Geo, Text: place, Offset: at})
		}
	}
	if agency != "" {
		e := Entity{Text: agency, Canonical: agency, Type: Organization, Why: "dateline", Start: agencyAt, End: agencyAt + len(agency)}
		if x.opt.Dict != nil {
			e.Actor = x.dictActorText(agency)
		}
		r.Entities = append(r.Entities, e)
	}
}

// countryPlace returns the place of the country named name (its name or
// an alias, any case), nil when name names none.
func (x *Extractor) countryPlace(name string) *event.Geo {
	return x.countryGeos[strings.ToLower(strings.TrimSpace(name))]
}
