package timex

import (
	"strings"
	"testing"
	"time"
)

func mustDay(t testing.TB, s string) time.Time {
	t.Helper()
	d, err := time.Parse("2006-01-02", s)
	if err != nil {
		t.Fatal(err)
	}
	return d
}

// TestFind checks expressions, intervals and granularities on sentences split
// by SplitWords (forms only, no tags).
func TestFind(t *testing.T) {
	tests := []struct {
		article, text string
		want          []string // "text|gran|from|to"
	}{
		{"2022-11-20", "The resolution adopted by the French Senate on November 15, 2022 is biased.",
			[]string{"on November 15, 2022|day|2022-11-15|2022-11-15"}},
		{"2022-11-20", "It was signed between Azerbaijan and France on December 20, 1993. and cooperation",
			[]string{"on December 20, 1993|day|1993-12-20|1993-12-20"}},
		{"2022-11-20", "People were killed in Algeria during the period of occupation covering the years 1830-1962.",
			[]string{"the years 1830-1962|range|1830-01-01|1962-12-31"}},
		{"2022-11-20", "By supporting the policy of occupation for nearly 30 years, it makes another mistake.",
			[]string{"for nearly 30 years|duration|1992-11-20|2022-11-20"}},
		// 2022-11-20 is a Sunday.
		{"2022-11-20", "The ministers met on Saturday.", []string{"on Saturday|day|2022-11-19|2022-11-19"}},
		{"2022-11-16", "The ministers will meet on Saturday.", []string{"on Saturday|day|2022-11-19|2022-11-19"}},
		{"2022-11-20", "Talks resumed last Sunday.", []string{"last Sunday|day|2022-11-13|2022-11-13"}},
		{"2022-11-20", "They will vote next Sunday.", []string{"next Sunday|day|2022-11-27|2022-11-27"}},
		{"2022-11-20", "Fighting broke out yesterday and two days ago.",
			[]string{"yesterday|day|2022-11-19|2022-11-19", "two days ago|day|2022-11-18|2022-11-18"}},
		{"2022-11-20", "The vote took place last November.", []string{"last November|month|2021-11-01|2021-11-30"}},
		{"2022-12-05", "The vote took place last November.", []string{"last November|month|2022-11-01|2022-11-30"}},
		{"2022-11-20", "Elections were held in March.", []string{"in March|month|2022-03-01|2022-03-31"}},
		{"2022-11-20", "Elections will be held in March.", []string{"in March|month|2023-03-01|2023-03-31"}},
		{"2022-11-20", "It was founded in 1993.", []string{"in 1993|year|1993-01-01|1993-12-31"}},
		{"2022-11-20", "It ruled from 1830 to 1962.", []string{"from 1830 to 1962|range|1830-01-01|1962-12-31"}},
		{"2022-11-20", "It grew between 1990 and 1995.", []string{"between 1990 and 1995|range|1990-01-01|1995-12-31"}},
		{"2022-11-20", "It grew in the 1990s.", []string{"in the 1990s|decade|1990-01-01|1999-12-31"}},
		{"2022-11-20", "It grew in the 19th century.", []string{"in the 19th century|century|1801-01-01|1900-12-31"}},
		{"2022-11-20", "Prices rose earlier this month.", []string{"earlier this month|range|2022-11-01|2022-11-20"}},
		{"2022-11-20", "Prices rose this week and last week.",
			[]string{"this week|week|2022-11-14|2022-11-20", "last week|week|2022-11-07|2022-11-13"}},
		{"2022-11-20", "The summit opens today and ends tonight.",
			[]string{"today|day|2022-11-20|2022-11-20", "tonight|day|2022-11-20|2022-11-20"}},
		{"2022-11-20", "Data for 2022-11-15 and Nov. 15 agree.",
			[]string{"2022-11-15|day|2022-11-15|2022-11-15", "Nov. 15|day|2022-11-15|2022-11-15"}},
		{"2022-11-20", "It happened on 15 November 2022.", []string{"on 15 November 2022|day|2022-11-15|2022-11-15"}},
		{"2022-11-20", "Troops left in mid-November.", []string{"in mid-November|month|2022-11-11|2022-11-20"}},
		{"2022-11-20", "Troops left in late 2021.", []string{"in late 2021|year|2021-09-01|2021-12-31"}},
		{"2022-11-20", "Rents have doubled over the past two years.",
			[]string{"over the past two years|duration|2020-11-20|2022-11-20"}},
		{"2022-11-20", "It has been closed since 1993.", []string{"since 1993|range|1993-01-01|2022-11-20"}},
		// Not time expressions.
		{"2022-11-20", "They may march on the capital.", nil},
		{"2022-11-20", "More than 1,500 people and 2022 troops were there.", nil},
		{"2022-11-20", "He walked for 30 miles.", nil},
		{"2022-11-20", "May I ask a question?", nil},
	}
	var f Finder
	for _, tt := range tests {
		s := SplitWords(tt.text)
		got := f.Find(s, mustDay(t, tt.article), nil)
		var gs []string
		for _, e := range got {
			gs = append(gs, e.Text+"|"+e.Gran.String()+"|"+day(e.From)+"|"+day(e.To))
		}
		if strings.Join(gs, "; ") != strings.Join(tt.want, "; ") {
			t.Errorf("Find(%q @ %s)\n got  %q\n want %q", tt.text, tt.article, gs, tt.want)
		}
	}
}

// TestFindSpans checks that word ids and byte offsets delimit the text.
func TestFindSpans(t *testing.T) {
	text := "On Saturday, November 12, the ministers said talks would resume next week."
	s := SplitWords(text)
	got := Find(s, mustDay(t, "2022-11-20"))
	if len(got) != 2 {
		t.Fatalf("got %d expressions, want 2: %+v", len(got), got)
	}
	for _, e := range got {
		if e.Start < 0 || e.End > len(text) || text[e.Start:e.End] != e.Text {
			t.Errorf("%q: offsets %d:%d do not delimit it", e.Text, e.Start, e.End)
		}
		if s.Words[e.First-1].Start != e.Start || s.Words[e.Last-1].End != e.End {
			t.Errorf("%q: words %d..%d do not match offsets", e.Text, e.First, e.Last)
		}
	}
	if got[0].Text != "On Saturday, November 12" || !got[0].From.Equal(mustDay(t, "2022-11-12")) {
		t.Errorf("first = %q %s", got[0].Text, day(got[0].From))
	}
	if got[1].Text != "next week" || !got[1].From.Equal(mustDay(t, "2022-11-21")) {
		t.Errorf("second = %q %s", got[1].Text, day(got[1].From))
	}
}

func TestSplitWords(t *testing.T) {
	tests := []struct{ in, want string }{
		{"On Nov. 15, 2022.", "On|Nov.|15|,|2022|."},
		{"the years 1830-1962.", "the|years|1830-1962|."},
		{`He said "today" (again).`, `He|said|"|today|"|(|again|)|.`},
		{"the U.S.'s view in the 1990's and '90s", "the|U.S.|'s|view|in|the|1990's|and|'90s"},
		{"France’s “cradle”", "France|’s|“|cradle|”"},
	}
	for _, tt := range tests {
		s := SplitWords(tt.in)
		var forms []string
		for i, w := range s.Words {
			if tt.in[w.Start:w.End] != w.Form || w.ID != i+1 {
				t.Errorf("%q: word %d %q has offsets %d:%d", tt.in, w.ID, w.Form, w.Start, w.End)
			}
			forms = append(forms, w.Form)
		}
		if got := strings.Join(forms, "|"); got != tt.want {
			t.Errorf("SplitWords(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// FuzzFind checks that the finder never panics and that every expression
// lies inside the sentence with a well-formed interval.
func FuzzFind(f *testing.F) {
	for _, s := range []string{
		"On Saturday, November 12, 2022 talks resumed.",
		"the years 1830-1962 and 1990-95 and mid-1990s",
		"for nearly 30 years since 1993 between 1990 and 1995",
		"the day before yesterday, 2022-11-15, the 19th century, last weekend",
		"Nov. 31, February 30 2023, 0000-00-00, 9999-99-99",
	} {
		f.Add(s, int64(1668902400))
	}
	f.Fuzz(func(t *testing.T, text string, unix int64) {
		article := time.Unix(unix%(400*365*86400), 0).UTC().AddDate(1800, 0, 0)
		s := SplitWords(text)
		var fd Finder
		for _, e := range fd.Find(s, article, nil) {
			if e.First < 1 || e.Last < e.First || e.Last > len(s.Words) {
				t.Fatalf("%q: words %d..%d outside 1..%d", text, e.First, e.Last, len(s.Words))
			}
			if e.Start < 0 || e.End > len(text) || e.Start > e.End || text[e.Start:e.End] != e.Text {
				t.Fatalf("%q: offsets %d:%d, text %q", text, e.Start, e.End, e.Text)
			}
			if e.To.Before(e.From) {
				t.Fatalf("%q: %q has interval %s..%s", text, e.Text, day(e.From), day(e.To))
			}
		}
	})
}
