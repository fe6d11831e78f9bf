package analyze

import (
	"strings"

	"github.com/eventwire/eventwire/internal/cameo"
	"github.com/eventwire/eventwire/internal/coder"
	"github.com/eventwire/eventwire/internal/event"
	"github.com/eventwire/eventwire/internal/geo"
)

// storyShare is the share of a document's country evidence that one country
// must exceed to be the country of the story.
const storyShare = 0.5

// inferCountries gives an actor named only by its role ("police", "the
// authorities", "gunmen": ---COP, ---GOV, ---INS) the country of the story
// when the story has one: the country that holds more than half of the
// document's country evidence (the countries of the events' named actors and
// of the places the document and its headline name). Such
// actors are the story's own in news: "Dozens of female students were
// injured in Saudi Arabia after police stormed a demonstration" (SAUCOP), "a
// curfew has been imposed by the authorities" in a story from Jos (NGAGOV).
// The event says which side was inferred (event.Inferred).
//
// A wire dateline's country (dateline, "" for none: "CARACAS, Venezuela
// —") is where the report was filed and the story's country whenever no
// other country holds more of the evidence, even without a majority (a
// Venezuelan story that also names the United States, Colombia and Peru).
func inferCountries(text string, evs []event.Event, places []geo.Result, dateline string) {
	need := false
	for i := range evs {
		if roleOnly(evs[i].Source) || roleOnly(evs[i].Target) {
			need = true
			break
		}
	}
	if !need {
		return
	}
	counts := map[string]int{}
	total := 0
	for _, r := range places {
		if r.Geo != nil && len(r.Geo.CountryISO) == 3 {
			counts[r.Geo.CountryISO]++
			total++
		}
	}
	for i := range evs {
		for _, code := range [2]string{evs[i].Source, evs[i].Target} {
			if c := actorCountry(code); c != "" {
				counts[c]++
				total++
			}
		}
	}
	story, best := "", 0
	for c, n := range counts {
		if n > best || n == best && c < story {
			story, best = c, n
		}
	}
	if best == 0 || float64(best) <= storyShare*float64(total) {
		if dateline == "" || counts[dateline] < best {
			return
		}
		story = dateline
	}
	for i := range evs {
		e := &evs[i]
		var sides []string
		if roleOnly(e.Source) && !foreign(phraseOf(text, e.SourceSpan)) {
			e.Source = withCountry(story, e.Source)
			sides = append(sides, "source")
		}
		if roleOnly(e.Target) && !foreign(phraseOf(text, e.TargetSpan)) {
			e.Target = withCountry(story, e.Target)
			sides = append(sides, "target")
		}
		if len(sides) > 0 {
			e.Inferred = strings.Join(sides, ",")
			coder.Rescore(e) // an inferred country, no longer an unknown one
		}
	}
}

// dropSelfDyads drops, in place, the events whose side given the story's
// country (inferCountries) made them an actor acting on itself, which CAMEO
// does not code (the coder drops those it sees): "Thousands of Iranians
// rallied ... to protest against the killing of a young woman" (IRNCVL and
// ---CVL), "the interior minister warned that the authorities would deal
// firmly with rioters" (IRNGOV and ---GOV).
func dropSelfDyads(evs []event.Event) []event.Event {
	out := evs[:0]
	for _, e := range evs {
		if e.Inferred != "" && e.Source == e.Target {
			continue
		}
		out = append(out, e)
	}
	return out
}

// roleOnly reports whether an actor code is a role without a country
// ("---COP"), or a religious or ethnic group acting in one country's story
// ("Muslim opposition supporters": MOSOPP, in a story from Jos NGAOPPMOS;
// "Buddhist monks" BUD in a story from Rangoon MMRBUD): a bare "---" names
// no role and stays unknown.
func roleOnly(code string) bool {
	return len(code) > 3 && strings.HasPrefix(code, "---") || religious(code) || ethnic(code)
}

// ethnic reports whether a code starts with an ethnic group's code that is
// no country's, alone or followed by a role, as the dictionaries code a people's
// armed groups ("Kurdish rebels" KURREB): in one country's story they are
// that country's (a PKK story from Turkey: TURREBKUR; in Syria SYRREBKUR),
// as CAMEO writes a national group's ethnicity after its role.
func ethnic(code string) bool {
	if len(code) != 3 && len(code) < 6 {
		return false
	}
	if _, isCountry := cameo.LookupCountry(code[:3]); isCountry {
		return false
	}
	_, ok := cameo.LookupActor(cameo.KindEthnic, code[:3])
	return ok
}

// religious reports whether a code is a religion's code, alone or followed
// by a role, as the dictionaries code a group by its faith ("Muslims" MOS,
// "Buddhist monks" BUD, "Christian leaders" CHRELI).
func religious(code string) bool {
	if len(code) != 3 && len(code) < 6 {
		return false
	}
	_, ok := cameo.LookupActor(cameo.KindReligion, code[:3])
	return ok
}

// withCountry gives a role-only code the story's country: "---COP" →
// "NGACOP", "MOSOPP" → "NGAOPPMOS", "KURREB" → "TURREBKUR" (the faith or
// people after the role, as CAMEO writes a national group's), "BUD" →
// "MMRBUD".
func withCountry(story, code string) string {
	if len(code) == 3 {
		return story + code
	}
	if religious(code) || ethnic(code) {
		return story + code[3:] + code[:3]
	}
	return story + code[3:]
}

// foreign reports whether a role phrase says it is not of the story's
// country: "thanked foreign governments", "international observers",
// "neighbouring countries' leaders".
func foreign(phrase string) bool {
	for _, w := range strings.Fields(strings.ToLower(phrase)) {
		switch strings.Trim(w, ".,;:'\"") {
		case "foreign", "international", "overseas", "neighbouring", "neighboring", "western", "world", "other", "regional", "global":
			return true
		}
	}
	return false
}

// phraseOf returns a span's text with the two words before it in the
// document (where a modifier the span leaves out stands: "foreign
// governments" for the span "governments").
func phraseOf(text string, sp event.Span) string {
	if sp.Start < 0 || sp.Start > len(text) {
		return sp.Text
	}
	from := sp.Start
	for words := 0; from > 0 && words < 3; {
		from--
		if text[from] == ' ' || text[from] == '\n' {
			words++
		}
	}
	return text[from:sp.Start] + sp.Text
}
