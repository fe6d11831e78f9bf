package gkg

import (
	"bytes"
	"math"
	"strings"
	"testing"
)

// TestSeedArticle checks the figures of the closing note on the seed
// article (its summary is logged with -v). The checks are the figures, not
// a golden file, so that retrained tagger and parser models do not break
// the test unless they lose one of them.
func TestSeedArticle(t *testing.T) {
	doc := readSeed(t)
	an, x := setup(t)
	res := an.NewWorker().Analyze(doc)
	r := x.Extract(nil, Article{DocID: doc.ID, URL: doc.URL, Date: doc.Date, Doc: &res.Parsed, Events: res.Events})

	// Places with their coordinates (within 0.5 degrees).
	places := []struct {
		text     string
		fips     string
		lat, lon float64
	}{
		{"Paris", "FR", 48.85, 2.35},
		{"France", "FR", 46, 2},
		{"Azerbaijan", "AJ", 40.5, 47.5},
		{"Algeria", "AG", 28, 3},
		{"Armenia", "AM", 40, 45},
		{"Jabra, Tunisia", "TS", 33.8, 10.9}, // Djerba
	}
	for _, p := range places {
		found := false
		for _, l := range r.Locations {
			if l.Text == p.text && l.CountryFIPS == p.fips && math.Abs(l.Lat-p.lat) < 0.5 && math.Abs(l.Lon-p.lon) < 0.5 {
				found = true
			}
		}
		if !found {
			t.Errorf("place %s (%s %.2f,%.2f) not found", p.text, p.fips, p.lat, p.lon)
		}
	}
	// Organisations, with the French Senate linked to its full name.
	orgs := map[string]bool{}
	for _, o := range r.Organizations {
		orgs[o.Name] = true
	}
	for _, o := range []string{"APA", "NGO Agency", "Senate of the French Republic", "National Assembly",
		"International Organization of La Francophonie"} {
		if !orgs[o] {
			t.Errorf("organisation %q not found in %v", o, r.Organizations)
		}
	}
	linked := false
	for _, e := range r.Entities {
		if e.Text == "French Senate" && e.Canonical == "Senate of the French Republic" {
			linked = true
		}
	}
	if !linked {
		t.Errorf("French Senate not linked to the Senate of the French Republic")
	}
	// Dates.
	dates := map[string]bool{}
	for _, d := range r.Dates {
		dates[d.String()] = true
	}
	for _, d := range []string{"1830", "1962", "2022-11-15", "1993-12-20"} {
		if !dates[d] {
			t.Errorf("date %s not found in %v", d, r.Dates)
		}
	}
	// The count.
	killed := false
	for _, c := range r.Counts {
		if c.Type == "KILL" && c.Number == 1500000 && c.Object == "people" && c.Geo != nil && c.Geo.CountryFIPS == "AG" {
			killed = true
		}
	}
	if !killed {
		t.Errorf("count KILL 1500000 people in Algeria not found in %+v", r.Counts)
	}
	// The closing quotation and its speaker.
	if n := len(r.Quotations); n == 0 {
		t.Errorf("no quotations")
	} else {
		q := r.Quotations[n-1]
		if !strings.HasPrefix(q.Quote, "we call on the French parliament") || !strings.HasSuffix(q.Quote, "situations.") ||
			q.Verb != "states" || !strings.Contains(q.Speaker, "NGO representatives") {
			t.Errorf("closing quotation: got %+v", q)
		}
	}
	// Themes.
	themes := map[string]bool{}
	for _, th := range r.Themes {
		themes[th.Theme] = true
	}
	for _, th := range []string{"TERROR", "GENOCIDE", "OCCUPATION", "DISCRIMINATION_RACE_RACIST", "DISCRIMINATION_RELIGION_ISLAMOPHOBIC", "KILL"} {
		if !themes[th] {
			t.Errorf("theme %s not found", th)
		}
	}
	if r.Tone.WordCount < 400 || r.Tone.Tone >= 0 {
		t.Errorf("tone: want a negative tone over 400+ words, got %+v", r.Tone)
	}

	if testing.Verbose() {
		var b bytes.Buffer
		WriteSummary(&b, &r)
		t.Log("\n" + b.String())
	}
}
