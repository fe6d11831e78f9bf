package store

import (
	"math"
	"time"
)

// Series folds per-day sums of events, read in day order, into the rows of
// a "day", "week" (starting on Monday) or "month" aggregation: period,
// events, mentions, avg_goldstein, avg_tone ("" when no event has a tone).
// Both store engines read the daily sums in SQL and fold them with it.
type Series struct {
	t        *Table
	period   string
	label    string
	n, m, nt int64
	g, tone  float64
}

// NewSeries starts the rows of the aggregation period.
func NewSeries(period string) *Series {
	return &Series{period: period, t: &Table{Columns: []string{period, "events", "mentions", "avg_goldstein", "avg_tone"}}}
}

// Add adds one day's sums: day as days since 1970-01-01, its events,
// mentions and Goldstein sum, the number of its events with a tone and
// their tone sum.
func (s *Series) Add(day, events, mentions int64, goldstein float64, toned int64, tone float64) {
	d := time.Unix(day*86400, 0).UTC()
	var l string
	switch s.period {
	case "day":
		l = d.Format("2006-01-02")
	case "week":
		l = d.AddDate(0, 0, -int((d.Weekday()+6)%7)).Format("2006-01-02")
	default:
		l = d.Format("2006-01")
	}
	if l != s.label {
		s.emit()
		s.label, s.n, s.m, s.g, s.nt, s.tone = l, 0, 0, 0, 0, 0
	}
	s.n, s.m, s.g, s.nt, s.tone = s.n+events, s.m+mentions, s.g+goldstein, s.nt+toned, s.tone+tone
}

func (s *Series) emit() {
	if s.n == 0 {
		return
	}
	var avgTone any = ""
	if s.nt > 0 {
		avgTone = math.Round(s.tone/float64(s.nt)*1000) / 1000
	}
	s.t.Rows = append(s.t.Rows, []any{s.label, s.n, s.m, math.Round(s.g/float64(s.n)*1000) / 1000, avgTone})
}

// Table ends the series and returns its rows, at most limit of them when
// limit > 0.
func (s *Series) Table(limit int) *Table {
	s.emit()
	s.n = 0
	if limit > 0 && len(s.t.Rows) > limit {
		s.t.Rows = s.t.Rows[:limit]
	}
	return s.t
}
