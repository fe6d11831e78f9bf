package goldeval

import (
	"sort"
	"strings"

	"github.com/eventwire/eventwire/internal/cameo"
	"github.com/eventwire/eventwire/internal/event"
)

// Error patterns of produced events that match no gold event.
const (
	Repeat       = "repeat"        // the action of a gold event already matched, coded again
	Outlet       = "outlet"        // a news outlet or journalist as an actor (attribution read as an event)
	WrongRoot    = "wrong root"    // the actors of a gold event with another root
	Reversed     = "reversed"      // a gold event's actors the other way round
	UnknownActor = "unknown actor" // an actor without a country, where gold has none like it
	WrongActors  = "wrong actors"  // the root of a gold event with one actor wrong
	Statement    = "statement"     // a plain statement (root 01) the gold does not have
	Spurious     = "spurious"      // nothing in the gold like it
)

// Error patterns of gold events that no produced event matches.
const (
	MissedRoot   = "missed: other root"   // a produced event has its actors but another root
	MissedActors = "missed: other actors" // a produced event has its root but other actors
	MissedAll    = "missed: not coded"
)

// Match is a produced event matched to a gold event.
type Match struct {
	Gold      Event
	Produced  event.Event
	ExactCode bool
	DateRight bool
}

// Wrong is a produced event matching no gold event, with its error pattern.
type Wrong struct {
	Produced event.Event
	Pattern  string
}

// Miss is a required gold event that no produced event matched.
type Miss struct {
	Gold    Event
	Pattern string
}

// DocResult is the scoring of one article.
type DocResult struct {
	ID       string
	Half     string
	Matches  []Match // of required gold events
	Optional []Match // produced events matching optional gold events (neither right nor wrong)
	// Reverse holds the second direction of a reciprocal act whose first
	// is matched ("A and B signed a deal": A→B and B→A are one gold event,
	// docs/annotation.md), neither right nor wrong.
	Reverse  []Match
	Wrong    []Wrong
	Missed   []Miss
	Produced int // scored: all produced events but the background ones
	// Background counts the produced events flagged historical (an
	// earlier action recalled as background, event.Event.Historical) that
	// match no gold event: not the article's news, neither right nor wrong
	// (docs/annotation.md: background is not coded).
	Background int
}

// pair is a candidate match between a produced and a gold event.
type pair struct {
	p, g     int
	required bool
	exact    bool
}

// Score matches the events produced for one article against its gold, one
// produced event per gold event: required gold events first, exact codes
// before codes of the same root, earlier produced events first. date is the
// article date (YYYY-MM-DD), the expected date of gold events without one.
func Score(gold Doc, produced []event.Event, date string) DocResult {
	r := DocResult{ID: gold.ID, Half: Half(gold.ID), Produced: len(produced)}
	gs := make([][2]Actor, len(gold.Events))
	for j, g := range gold.Events {
		gs[j] = [2]Actor{ParseActor(g.Source), ParseActor(g.Target)}
	}
	ps := make([][2]Actor, len(produced))
	for i, p := range produced {
		ps[i] = [2]Actor{ParseActor(p.Source), ParseActor(p.Target)}
	}
	var pairs []pair
	for i, p := range produced {
		for j, g := range gold.Events {
			if root(p.Code) == root(g.Code) && actorsMatch(gs[j], ps[i], g.Code) {
				pairs = append(pairs, pair{p: i, g: j, required: !g.Optional, exact: p.Code == g.Code})
			}
		}
	}
	sort.SliceStable(pairs, func(a, b int) bool {
		x, y := pairs[a], pairs[b]
		if x.required != y.required {
			return x.required
		}
		if x.exact != y.exact {
			return x.exact
		}
		if x.p != y.p {
			return x.p < y.p
		}
		return x.g < y.g
	})
	pUsed := make([]bool, len(produced))
	gUsed := make([]bool, len(gold.Events))
	for _, c := range pairs {
		if pUsed[c.p] || gUsed[c.g] {
			continue
		}
		pUsed[c.p], gUsed[c.g] = true, true
		g := gold.Events[c.g]
		m := Match{Gold: g, Produced: produced[c.p], ExactCode: c.exact, DateRight: dateAgrees(g.Date, date, produced[c.p].Date)}
		if g.Optional {
			r.Optional = append(r.Optional, m)
		} else {
			r.Matches = append(r.Matches, m)
		}
	}
	for i := range produced {
		if pUsed[i] {
			continue
		}
		if m, ok := reverseHalf(r.Matches, r.Optional, produced[i], ps[i]); ok {
			pUsed[i] = true
			r.Reverse = append(r.Reverse, m)
		}
	}
	for i, p := range produced {
		switch {
		case pUsed[i]:
		case p.Historical:
			r.Background++
			r.Produced--
		default:
			r.Wrong = append(r.Wrong, Wrong{Produced: p, Pattern: wrongPattern(gold, gs, p, ps[i])})
		}
	}
	for j, g := range gold.Events {
		if !gUsed[j] && !g.Optional {
			r.Missed = append(r.Missed, Miss{Gold: g, Pattern: missPattern(g, gs[j], produced, ps, pUsed)})
		}
	}
	return r
}

// reverseHalf returns the match of a reciprocal gold event whose produced
// event is p's actors the other way round, with the same root: p is the
// second direction of the same act.
func reverseHalf(required, optional []Match, p event.Event, pa [2]Actor) (Match, bool) {
	for _, ms := range [2][]Match{required, optional} {
		for _, m := range ms {
			if !reciprocal(m.Gold.Code) || root(m.Gold.Code) != root(p.Code) {
				continue
			}
			q := [2]Actor{ParseActor(m.Produced.Source), ParseActor(m.Produced.Target)}
			if q[0] == pa[1] && q[1] == pa[0] {
				return Match{Gold: m.Gold, Produced: p, ExactCode: p.Code == m.Gold.Code, DateRight: m.DateRight}, true
			}
		}
	}
	return Match{}, false
}

// actorsMatch reports whether produced actors p stand for gold actors g in
// the gold's direction, or either way for a reciprocal code.
func actorsMatch(g, p [2]Actor, code string) bool {
	if matches(g[0], p[0]) && matches(g[1], p[1]) {
		return true
	}
	return reciprocal(code) && matches(g[0], p[1]) && matches(g[1], p[0])
}

// dateAgrees reports whether a produced event date agrees with the gold date
// (as precise as the gold gives it), or with the article date when the gold
// gives none.
func dateAgrees(gold, article, produced string) bool {
	want := gold
	if want == "" {
		want = article
	}
	return want != "" && strings.HasPrefix(produced, want)
}

// wrongPattern names why a produced event matches no gold event.
func wrongPattern(gold Doc, gs [][2]Actor, p event.Event, pa [2]Actor) string {
	for j, g := range gold.Events {
		if root(g.Code) == root(p.Code) && actorsMatch(gs[j], pa, g.Code) {
			return Repeat
		}
	}
	if cameo.HasRole(p.Source, "MED") || cameo.HasRole(p.Target, "MED") {
		return Outlet
	}
	for j, g := range gold.Events {
		if root(g.Code) == root(p.Code) && matches(gs[j][0], pa[1]) && matches(gs[j][1], pa[0]) {
			return Reversed
		}
	}
	for j, g := range gold.Events {
		if root(g.Code) != root(p.Code) && actorsMatch(gs[j], pa, "040") {
			return WrongRoot
		}
	}
	if pa[0].Unknown() || pa[1].Unknown() {
		return UnknownActor
	}
	for j, g := range gold.Events {
		if root(g.Code) == root(p.Code) && (matches(gs[j][0], pa[0]) || matches(gs[j][1], pa[1])) {
			return WrongActors
		}
	}
	if root(p.Code) == "01" {
		return Statement
	}
	return Spurious
}

// missPattern names why a required gold event was not matched.
func missPattern(g Event, ga [2]Actor, produced []event.Event, ps [][2]Actor, used []bool) string {
	pattern := MissedAll
	for i, p := range produced {
		if used[i] {
			continue
		}
		if actorsMatch(ga, ps[i], "040") { // the actors, either way round
			if root(p.Code) == root(g.Code) {
				return MissedActors // the other way round
			}
			return MissedRoot
		}
		if root(p.Code) == root(g.Code) && (matches(ga[0], ps[i][0]) || matches(ga[1], ps[i][1]) || matches(ga[0], ps[i][1]) || matches(ga[1], ps[i][0])) {
			pattern = MissedActors
		}
	}
	return pattern
}

// Result sums the scoring of several articles.
type Result struct {
	Docs          int     `json:"docs"`
	Gold          int     `json:"gold"`       // required gold events
	Produced      int     `json:"produced"`   // produced events scored (background ones aside)
	Background    int     `json:"background"` // historical events matching no gold event, not scored
	Matched       int     `json:"matched"`    // produced events matching required gold events
	OptionalMatch int     `json:"optional_matched"`
	ReverseMatch  int     `json:"reverse_matched"` // second directions of matched reciprocal acts, not scored
	Wrong         int     `json:"wrong"`
	Precision     float64 `json:"precision"` // matched / (matched + wrong)
	Recall        float64 `json:"recall"`    // matched / gold
	F1            float64 `json:"f1"`
	ExactCode     float64 `json:"exact_code"` // share of matches with the gold's exact code
	DateRight     float64 `json:"date_right"` // share of matches with the gold's date
	UnknownShare  float64 `json:"unknown_actor_share"`
	Statements    float64 `json:"statement_share"` // share of produced events of root 01
	// precision of the events with confidence at least 0.5 and 0.8, and
	// how many such events were scored
	PrecisionAt50 float64        `json:"precision_at_0.5"`
	ScoredAt50    int            `json:"scored_at_0.5"`
	PrecisionAt80 float64        `json:"precision_at_0.8"`
	ScoredAt80    int            `json:"scored_at_0.8"`
	Patterns      map[string]int `json:"patterns"`

	// Brier is the mean squared difference between the confidence of
	// each matched (1) and wrong (0) event and its outcome: 0 is perfect,
	// 0.25 what a confidence of 0.5 for every event scores
	Brier float64 `json:"brier"`
}

// Sum adds up document results.
func Sum(docs []DocResult) Result {
	r := Result{Patterns: map[string]int{}}
	exact, dated, unknown, stmt := 0, 0, 0, 0
	var right, scored [2]int // confidence ≥ 0.5, ≥ 0.8
	for _, d := range docs {
		r.Docs++
		r.Produced += d.Produced
		r.Background += d.Background
		r.Matched += len(d.Matches)
		r.OptionalMatch += len(d.Optional)
		r.Wrong += len(d.Wrong)
		r.Gold += len(d.Matches) + len(d.Missed)
		for _, m := range d.Matches {
			r.Brier += (1 - m.Produced.Confidence) * (1 - m.Produced.Confidence)
			for i, th := range [2]float64{0.5, 0.8} {
				if m.Produced.Confidence >= th {
					right[i]++
					scored[i]++
				}
			}
			if m.ExactCode {
				exact++
			}
			if m.DateRight {
				dated++
			}
		}
		all := make([]event.Event, 0, d.Produced)
		for _, m := range d.Matches {
			all = append(all, m.Produced)
		}
		for _, m := range d.Optional {
			all = append(all, m.Produced)
		}
		for _, m := range d.Reverse {
			all = append(all, m.Produced)
		}
		r.ReverseMatch += len(d.Reverse)
		for _, w := range d.Wrong {
			all = append(all, w.Produced)
			r.Patterns[w.Pattern]++
			r.Brier += w.Produced.Confidence * w.Produced.Confidence
			for i, th := range [2]float64{0.5, 0.8} {
				if w.Produced.Confidence >= th {
					scored[i]++
				}
			}
		}
		for _, m := range d.Missed {
			r.Patterns[m.Pattern]++
		}
		for _, e := range all {
			if ParseActor(e.Source).Unknown() || ParseActor(e.Target).Unknown() {
				unknown++
			}
			if root(e.Code) == "01" {
				stmt++
			}
		}
	}
	r.Precision = ratio(r.Matched, r.Matched+r.Wrong)
	r.Recall = ratio(r.Matched, r.Gold)
	if r.Precision+r.Recall > 0 {
		r.F1 = 2 * r.Precision * r.Recall / (r.Precision + r.Recall)
	}
	r.ExactCode = ratio(exact, r.Matched)
	r.DateRight = ratio(dated, r.Matched)
	r.UnknownShare = ratio(unknown, r.Produced)
	r.Statements = ratio(stmt, r.Produced)
	if n := r.Matched + r.Wrong; n > 0 {
		r.Brier /= float64(n)
	}
	r.PrecisionAt50, r.ScoredAt50 = ratio(right[0], scored[0]), scored[0]
	r.PrecisionAt80, r.ScoredAt80 = ratio(right[1], scored[1]), scored[1]
	return r
}

func ratio(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return float64(a) / float64(b)
}
