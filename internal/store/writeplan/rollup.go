package writeplan

import (
	"cmp"
	"slices"
	"strings"

	"github.com/eventwire/eventwire/internal/store"
)

// EventState is what the rollups count of one event: where it counts (its
// day, action country and place, dyad) and how much (its counted
// mentions, Goldstein value and tone). An event with no counted mention
// is in no rollup row.
type EventState struct {
	Day, Quad                      int64
	Country, Place, Source, Target string
	Mentions                       int64
	Goldstein                      float64
	Tone                           float64
	HasTone                        bool
}

// Sums is a change of one rollup row: events, mentions, Goldstein sum,
// Goldstein weighted by mentions, events with a tone and tone sum.
type Sums struct {
	Events, Mentions, ToneN int64
	Goldstein, GM, Tone     float64
}

func (s *Sums) add(o Sums) {
	s.Events += o.Events
	s.Mentions += o.Mentions
	s.ToneN += o.ToneN
	s.Goldstein += o.Goldstein
	s.GM += o.GM
	s.Tone += o.Tone
}

func (s Sums) zero() bool { return s == Sums{} }

// DayCountry keys event_rollup: a day and an action country.
type DayCountry struct {
	Day     int64
	Country string
}

// DayQuadCountry keys a rollup by day, quad class and action country.
type DayQuadCountry struct {
	Day, Quad int64
	Country   string
}

// MonthPlace keys place_months: a month (store.MonthOfDay) and a place.
type MonthPlace struct {
	Month int64
	Place string
}

// Dyad is a source and target actor code.
type Dyad struct{ Source, Target string }

// DyadDay keys a dyad's day (or month) rollup.
type DyadDay struct {
	Dyad
	Day int64
}

// Rollup is a row key of a rollup table and its change.
type Rollup[K any] struct {
	Key K
	Sums
}

// Changes are the changes of the rollup tables a write makes, each sorted
// by key (so that concurrent writers update shared rows in one order) and
// without rows that do not change.
type Changes struct {
	Days        []Rollup[DayCountry]     // by day and action country, over all events
	QuadDays    []Rollup[DayQuadCountry] // by day, quad class and action country
	PlaceMonths []Rollup[MonthPlace]     // by month and place, events with a place
	Places      []Rollup[string]         // by place over all dates, events with a place
	Dyads       []Rollup[Dyad]           // by dyad over all dates
	DyadDays    []Rollup[DyadDay]        // by dyad and day
	DyadMonths  []Rollup[DyadDay]        // by dyad and month (Day holds the month)
}

// contribution is what st adds to its rollup rows; none without a
// counted mention.
func contribution(st EventState) Sums {
	if st.Mentions == 0 {
		return Sums{}
	}
	s := Sums{Events: 1, Mentions: st.Mentions, Goldstein: st.Goldstein, GM: st.Goldstein * float64(st.Mentions)}
	if st.HasTone {
		s.ToneN, s.Tone = 1, st.Tone
	}
	return s
}

func sameKey(a, b EventState) bool {
	return a.Day == b.Day && a.Quad == b.Quad && a.Country == b.Country && a.Place == b.Place && a.Source == b.Source && a.Target == b.Target
}

// Rollups returns the changes of the rollups from the states before a
// write of the events it touched (absent for a new event) to their states
// after it. An event that stays at its rows changes them by its new
// mentions only; one that moves (it learned its place) leaves its old rows
// and joins its new ones.
func Rollups(before, after map[int64]EventState) Changes {
	days := map[DayCountry]*Sums{}
	quadDays := map[DayQuadCountry]*Sums{}
	placeMonths := map[MonthPlace]*Sums{}
	places := map[string]*Sums{}
	dyads := map[Dyad]*Sums{}
	dyadDays := map[DyadDay]*Sums{}
	dyadMonths := map[DyadDay]*Sums{}
	put := func(st EventState, s Sums) {
		if s.zero() {
			return
		}
		addTo(days, DayCountry{st.Day, st.Country}, s)
		addTo(quadDays, DayQuadCountry{st.Day, st.Quad, st.Country}, s)
		dy := Dyad{st.Source, st.Target}
		addTo(dyads, dy, s)
		addTo(dyadDays, DyadDay{dy, st.Day}, s)
		addTo(dyadMonths, DyadDay{dy, store.MonthOfDay(st.Day)}, s)
		if st.Place != "" {
			addTo(places, st.Place, s)
			addTo(placeMonths, MonthPlace{store.MonthOfDay(st.Day), st.Place}, s)
		}
	}
	ids := make([]int64, 0, len(after))
	for id := range after {
		ids = append(ids, id)
	}
	slices.Sort(ids)
	for _, id := range ids {
		a := after[id]
		b, had := before[id]
		if had && b.Mentions > 0 && sameKey(a, b) {
			// More mentions at the same rows.
			d := a.Mentions - b.Mentions
			put(a, Sums{Mentions: d, GM: a.Goldstein * float64(d)})
			continue
		}
		if had {
			c := contribution(b)
			put(b, Sums{Events: -c.Events, Mentions: -c.Mentions, ToneN: -c.ToneN, Goldstein: -c.Goldstein, GM: -c.GM, Tone: -c.Tone})
		}
		put(a, contribution(a))
	}
	return Changes{
		Days: sorted(days, func(a, b DayCountry) int {
			return cmp.Or(cmp.Compare(a.Day, b.Day), strings.Compare(a.Country, b.Country))
		}),
		QuadDays: sorted(quadDays, func(a, b DayQuadCountry) int {
			return cmp.Or(cmp.Compare(a.Day, b.Day), cmp.Compare(a.Quad, b.Quad), strings.Compare(a.Country, b.Country))
		}),
		PlaceMonths: sorted(placeMonths, func(a, b MonthPlace) int {
			return cmp.Or(cmp.Compare(a.Month, b.Month), strings.Compare(a.Place, b.Place))
		}),
		Places:     sorted(places, strings.Compare),
		Dyads:      sorted(dyads, compareDyad),
		DyadDays:   sorted(dyadDays, compareDyadDay),
		DyadMonths: sorted(dyadMonths, compareDyadDay),
	}
}

func compareDyad(a, b Dyad) int {
	return cmp.Or(strings.Compare(a.Source, b.Source), strings.Compare(a.Target, b.Target))
}

func compareDyadDay(a, b DyadDay) int {
	return cmp.Or(compareDyad(a.Dyad, b.Dyad), cmp.Compare(a.Day, b.Day))
}

func addTo[K comparable](m map[K]*Sums, k K, s Sums) {
	r := m[k]
	if r == nil {
		r = &Sums{}
		m[k] = r
	}
	r.add(s)
}

func sorted[K comparable](m map[K]*Sums, c func(a, b K) int) []Rollup[K] {
	out := make([]Rollup[K], 0, len(m))
	for k, s := range m {
		if !s.zero() {
			out = append(out, Rollup[K]{k, *s})
		}
	}
	slices.SortFunc(out, func(a, b Rollup[K]) int { return c(a.Key, b.Key) })
	return out
}
