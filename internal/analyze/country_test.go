package analyze

import (
	"testing"

	"github.com/eventwire/eventwire/internal/event"
	"github.com/eventwire/eventwire/internal/geo"
)

func TestInferCountries(t *testing.T) {
	place := func(iso string) geo.Result { return geo.Result{Geo: &event.Geo{CountryISO: iso}} }
	ev := func(src, tgt, tgtText string) event.Event {
		return event.Event{Source: src, Target: tgt, Code: "173", TargetSpan: event.Span{Text: tgtText}}
	}
	for _, tc := range []struct {
		name          string
		text          string
		evs           []event.Event
		places        []geo.Result
		wantSrc, want string // first event's source and target after inference
		inferred      string
		dateline      string
	}{
		{"a single-country story names the police's country", "",
			[]event.Event{ev("---COP", "SAUEDU", "students")}, []geo.Result{place("SAU")}, "SAUCOP", "SAUEDU", "source", ""},
		{"both sides inferred", "",
			[]event.Event{ev("---COP", "---CVL", "protesters")}, []geo.Result{place("NGA"), place("NGA")}, "NGACOP", "NGACVL", "source,target", ""},
		{"no country holds more than half: unknown stays unknown", "",
			[]event.Event{ev("---COP", "FRA", "France")}, []geo.Result{place("DEU")}, "---COP", "FRA", "", ""},
		{"a foreign role is not the story's", "",
			[]event.Event{ev("TURGOV", "---GOV", "foreign governments")}, []geo.Result{place("TUR")}, "TURGOV", "---GOV", "", ""},
		{"the modifier before the span counts", "Erdogan thanked foreign governments",
			[]event.Event{{Source: "TURGOV", Target: "---GOV", Code: "051", TargetSpan: event.Span{Start: 24, End: 35, Text: "governments"}}}, []geo.Result{place("TUR")}, "TURGOV", "---GOV", "", ""},
		{"a religious group in one country's story", "",
			[]event.Event{ev("MOSOPP", "---GOV", "government")}, []geo.Result{place("NGA")}, "NGAOPPMOS", "NGAGOV", "source,target", ""},
		{"a religious group without a role in one country's story", "",
			[]event.Event{ev("BUD", "MMRGOV", "government")}, []geo.Result{place("MMR")}, "MMRBUD", "MMRGOV", "source", ""},
		{"a people's armed group in one country's story", "",
			[]event.Event{ev("KURREB", "TURMIL", "soldiers")}, []geo.Result{place("TUR"), place("TUR")}, "TURREBKUR", "TURMIL", "source", ""},
		{"a bare unknown names no role and stays", "",
			[]event.Event{ev("---", "---COP", "police")}, []geo.Result{place("KEN")}, "---", "KENCOP", "target", ""},
		{"the dateline's country leads without a majority", "",
			[]event.Event{ev("VENCOP", "---OPP", "opposition leader"), ev("USA", "VENGOV", "Venezuela")},
			[]geo.Result{place("VEN"), place("COL"), place("PER")}, "VENCOP", "VENOPP", "target", "VEN"},
		{"a dateline's country with less evidence than another's is not the story's", "",
			[]event.Event{ev("---COP", "FRA", "France")}, []geo.Result{place("USA"), place("USA"), place("GBR")}, "---COP", "FRA", "", "GBR"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			inferCountries(tc.text, tc.evs, tc.places, tc.dateline)
			e := tc.evs[0]
			if e.Source != tc.wantSrc || e.Target != tc.want || e.Inferred != tc.inferred {
				t.Errorf("got %s → %s (inferred %q), want %s → %s (%q)", e.Source, e.Target, e.Inferred, tc.wantSrc, tc.want, tc.inferred)
			}
		})
	}
}
