package dedup

import (
	"time"

	"github.com/eventwire/eventwire/internal/event"
)

// DefaultWindow is the default number of days two reports of one event may
// be apart.
const DefaultWindow = 3

// Mention is what event de-duplication compares of one coded event.
type Mention struct {
	Source, Target string // CAMEO actor codes
	Base           string // three-digit CAMEO base code
	Day            int    // event date as days since 1970-01-01
	Place          string // ActionGeo feature id, "" when unknown
}

// Cluster is an event that mentions have been merged into, as the matcher
// sees it: its id, date and place (the first known place of its mentions).
type Cluster struct {
	ID    int64
	Day   int
	Place string
}

// Matcher decides which existing event a new mention reports. The zero
// value uses DefaultWindow.
type Matcher struct {
	// Window is the largest number of days between the dates of two
	// mentions of one event; 0 means DefaultWindow, negative means the same
	// day only.
	Window int
}

// Days is the effective window: Window, DefaultWindow for 0, and 0 (the
// same day only) for a negative Window. Stores look up candidate events
// within Days of a mention's date.
func (m Matcher) Days() int {
	switch {
	case m.Window == 0:
		return DefaultWindow
	case m.Window < 0:
		return 0
	}
	return m.Window
}

// Compatible reports whether two places can be the same place: the same
// feature, or one of them unknown.
func Compatible(a, b string) bool { return a == "" || b == "" || a == b }

// Match returns the cluster among cands that x reports, and false when
// there is none. cands must share x's source, target and base code (the
// store looks them up by that key); Match checks the date window and the
// places. Of several matching clusters it prefers a known same place, then
// the nearest date, then the lowest id.
func (m Matcher) Match(x Mention, cands []Cluster) (Cluster, bool) {
	w := m.Days()
	best, found := Cluster{}, false
	bestScore := 0
	for _, c := range cands {
		d := abs(c.Day - x.Day)
		if d > w || !Compatible(x.Place, c.Place) {
			continue
		}
		score := (w + 1 - d) * 2
		if x.Place != "" && x.Place == c.Place {
			score += 2 * (w + 2)
		}
		if !found || score > bestScore || (score == bestScore && c.ID < best.ID) {
			best, found, bestScore = c, true, score
		}
	}
	return best, found
}

// ClusterAll assigns each mention, in order, to an event as the store does
// when ingesting them one by one, and returns the event index (0-based, in
// order of first mention) of each mention.
func (m Matcher) ClusterAll(ms []Mention) []int {
	type key struct{ s, t, b string }
	byKey := map[key][]Cluster{}
	out := make([]int, len(ms))
	n := 0
	for i, x := range ms {
		k := key{x.Source, x.Target, x.Base}
		cands := byKey[k]
		if c, ok := m.Match(x, cands); ok {
			out[i] = int(c.ID)
			if c.Place == "" && x.Place != "" {
				for j := range cands {
					if cands[j].ID == c.ID {
						cands[j].Place = x.Place
					}
				}
			}
			continue
		}
		byKey[k] = append(cands, Cluster{ID: int64(n), Day: x.Day, Place: x.Place})
		out[i] = n
		n++
	}
	return out
}

// MentionOf returns the de-duplication view of a coded event. ok is false
// when its date cannot be read.
func MentionOf(e *event.Event) (Mention, bool) {
	d, ok := Day(e.Date)
	if !ok {
		return Mention{}, false
	}
	m := Mention{Source: e.Source, Target: e.Target, Base: e.Base, Day: d}
	if m.Base == "" && len(e.Code) >= 3 {
		m.Base = e.Code[:3]
	} else if m.Base == "" {
		m.Base = e.Code
	}
	if e.ActionGeo != nil {
		m.Place = e.ActionGeo.FeatureID
	}
	return m, true
}

// Day converts a YYYY-MM-DD date to days since 1970-01-01.
func Day(date string) (int, bool) {
	t, err := time.Parse("2006-01-02", date)
	if err != nil {
		return 0, false
	}
	return int(t.Unix() / 86400), true
}

// IsLead reports whether sentence (1-based) is in an article's lead
// paragraph, the first two sentences, where GDELT's IsRootEvent looks.
func IsLead(sentence int) bool { return sentence >= 1 && sentence <= 2 }

// Confidence is the confidence, in percent, of one mention of an event:
// 100, less 30 when an actor was not found in the sentence itself (supplied
// from context), less 20 when the event is reported speech, less 20 when it
// is hypothetical, less 10 when it is negated, less 10 after the lead
// paragraph; never below 10.
func Confidence(e *event.Event) int {
	c := 100
	if e.SourceSpan.First == 0 || (e.Target != "" && e.TargetSpan.First == 0) {
		c -= 30
	}
	if e.Reported {
		c -= 20
	}
	if e.Hypothetical {
		c -= 20
	}
	if e.Negated {
		c -= 10
	}
	if !IsLead(e.Sentence) {
		c -= 10
	}
	return max(c, 10)
}

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}
