package gkg

import (
	"fmt"
	"io"
	"strings"
)

// WriteSummary writes a readable summary of r: entities, places, dates,
// themes, tone, counts, amounts and quotations.
func WriteSummary(w io.Writer, r *Record) error {
	var b strings.Builder
	fmt.Fprintf(&b, "document %s (%s)\n", r.DocumentID, r.Date)
	if r.Title != "" {
		fmt.Fprintf(&b, "title    %s\n", r.Title)
	}
	b.WriteString("entities\n")
	for _, e := range r.Entities {
		fmt.Fprintf(&b, "  %-12s %s", e.Type, e.Text)
		if e.Canonical != e.Text {
			fmt.Fprintf(&b, " → %s", e.Canonical)
		}
		if e.Actor != "" {
			fmt.Fprintf(&b, " [%s]", e.Actor)
		}
		fmt.Fprintf(&b, "  @%d (%s)\n", e.Start, e.Why)
	}
	b.WriteString("places\n")
	for _, l := range r.Locations {
		fmt.Fprintf(&b, "  %s → %s (%s, type %d) %.4f,%.4f  @%d\n", l.Text, l.FullName, l.CountryFIPS, l.Type, l.Lat, l.Lon, l.Offset)
	}
	b.WriteString("dates\n")
	for _, d := range r.Dates {
		fmt.Fprintf(&b, "  %s → %s  @%d\n", d.Text, d.String(), d.Offset)
	}
	b.WriteString("themes\n")
	for _, t := range r.Themes {
		fmt.Fprintf(&b, "  %s (%s)  @%d\n", t.Theme, t.Text, t.Offset)
	}
	t := r.Tone
	fmt.Fprintf(&b, "tone\n  tone %.2f, positive %.2f%%, negative %.2f%%, polarity %.2f%%, activity %.2f%%, self/group %.2f%%, %d words\n",
		t.Tone, t.Positive, t.Negative, t.Polarity, t.Activity, t.SelfGroup, t.WordCount)
	b.WriteString("counts\n")
	for _, c := range r.Counts {
		fmt.Fprintf(&b, "  %s %d %s", c.Type, c.Number, c.Object)
		if c.Approx != "" {
			fmt.Fprintf(&b, " (%s)", c.Approx)
		}
		if c.Geo != nil {
			fmt.Fprintf(&b, " in %s", c.Geo.FullName)
		}
		if c.Source != "" || c.Target != "" {
			fmt.Fprintf(&b, " by %s against %s", orNone(c.Source), orNone(c.Target))
		}
		fmt.Fprintf(&b, "  @%d\n", c.Offset)
	}
	b.WriteString("amounts\n")
	for _, a := range r.Amounts {
		fmt.Fprintf(&b, "  %s %s  @%d\n", ftoa(a.Value), a.Object, a.Offset)
	}
	b.WriteString("quotations\n")
	for _, q := range r.Quotations {
		fmt.Fprintf(&b, "  %q\n    speaker %s", q.Quote, orNone(q.Speaker))
		if q.Actor != "" {
			fmt.Fprintf(&b, " [%s]", q.Actor)
		}
		fmt.Fprintf(&b, ", verb %s  @%d\n", orNone(q.Verb), q.Offset)
	}
	_, err := io.WriteString(w, b.String())
	return err
}

func orNone(s string) string {
	if s == "" {
		return "-"
	}
	return s
}
