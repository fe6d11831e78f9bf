package gkg

import (
	"time"

	"github.com/eventwire/eventwire/internal/nlp"
	"github.com/eventwire/eventwire/internal/timex"
)

// dates reports the explicit dates of the text (expressions written with
// digits or a month name; "yesterday" is not one) in GDELT's resolutions: a
// day with its year is 3, without a written year 4, a month 2, a year 1; a
// range gives its two ends.
func (x *Extractor) dates(sc *Scratch, d *nlp.Document, r *Record) {
	for k := range d.Sentences {
		if k >= len(sc.exprs) {
			break
		}
		for _, e := range sc.exprs[k] {
			if !explicitDate(e.Text) {
				continue
			}
			add := func(res int, t time.Time) {
				m := DateMention{Resolution: res, Year: t.Year(), Offset: e.Start, Text: e.Text}
				if res >= 2 {
					m.Month = int(t.Month())
				}
				if res >= 3 {
					m.Day = t.Day()
				}
				// res 4 (no year written): the year is the one the
				// time expressions resolved from the article's date
				// ("March 3" in a story of 10 March 2024 is 2024's).
				r.Dates = append(r.Dates, m)
			}
			switch e.Gran {
			case timex.Day:
				if hasYear(e.Text) {
					add(3, e.From)
				} else {
					add(4, e.From)
				}
			case timex.Month:
				if hasYear(e.Text) {
					add(2, e.From)
				}
			case timex.Year:
				add(1, e.From)
			case timex.Range:
				for _, t := range [2]time.Time{e.From, e.To} {
					switch {
					case t.YearDay() == 1 || t.Month() == 12 && t.Day() == 31:
						add(1, t)
					default:
						add(3, t)
					}
				}
			}
		}
	}
}

// explicitDate reports whether a time expression has a digit (a year or a
// day number).
func explicitDate(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= '0' && s[i] <= '9' {
			return true
		}
	}
	return false
}

// hasYear reports whether s has a run of four digits.
func hasYear(s string) bool {
	n := 0
	for i := 0; i < len(s); i++ {
		if s[i] >= '0' && s[i] <= '9' {
			n++
			if n == 4 {
				return true
			}
		} else {
			n = 0
		}
	}
	return false
}
