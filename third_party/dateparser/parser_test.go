package dateparser

import (
	"errors"
	"testing"
	"time"
)

func TestParse(t *testing.T) {
	now := time.Date(2024, 6, 15, 12, 0, 0, 0, time.UTC)
	strict := &Configuration{CurrentTime: now, StrictParsing: true, PreferredDateSource: Past}
	loose := &Configuration{CurrentTime: now, PreferredDateSource: Past}
	d := func(y, m, dd, h, mi, s int) time.Time { return time.Date(y, time.Month(m), dd, h, mi, s, 0, time.UTC) }
	tests := []struct {
		in   string
		cfg  *Configuration
		want time.Time // zero: no date
	}{
		{"2 March 2024", strict, d(2024, 3, 2, 0, 0, 0)},
		{"March 2, 2024", strict, d(2024, 3, 2, 0, 0, 0)},
		{"Saturday, March 2nd, 2024 10:15 pm", strict, d(2024, 3, 2, 22, 15, 0)},
		{"Sat. 2 Mar. 2024 at 09:05:07", strict, d(2024, 3, 2, 9, 5, 7)},
		{"the 21st of September 2023", strict, d(2023, 9, 21, 0, 0, 0)},
		{"Sept 30 2023 12:00 am", strict, d(2023, 9, 30, 0, 0, 0)},
		{"2024-03-02", strict, d(2024, 3, 2, 0, 0, 0)},
		{"2024-03-02T10:15:00Z", strict, d(2024, 3, 2, 10, 15, 0)},
		{"2024/03/02 10:15", strict, d(2024, 3, 2, 10, 15, 0)},
		{"03/02/2024", strict, d(2024, 3, 2, 0, 0, 0)},   // month first, as in English
		{"25.12.2023", strict, d(2023, 12, 25, 0, 0, 0)}, // a day over 12 comes first
		{"03/02/24", strict, d(2024, 3, 2, 0, 0, 0)},
		{"10 December", loose, d(2023, 12, 10, 0, 0, 0)}, // Past: last December
		{"10 May", loose, d(2024, 5, 10, 0, 0, 0)},
		{"May 2024", loose, d(2024, 5, 1, 0, 0, 0)},
		{"10 December", strict, time.Time{}}, // no year
		{"May 2024", strict, time.Time{}},    // no day
		{"30 February 2024", strict, time.Time{}},
		{"29 February 2023", strict, time.Time{}},
		{"29 February 2024", strict, d(2024, 2, 29, 0, 0, 0)},
		{"3 days ago", strict, time.Time{}},
		{"Published: 2 March 2024", strict, time.Time{}}, // a word no date has
		{"2 März 2024", strict, time.Time{}},
		{"2 March 2024 25:00", strict, time.Time{}},
		{"2 March 2024 13:00 pm", strict, time.Time{}},
		{"March April 2024", strict, time.Time{}},
		{"1 2 March 2024", strict, time.Time{}},
		{"", strict, time.Time{}},
		{"12345678901 March", strict, time.Time{}},
	}
	p := &Parser{ParserTypes: []ParserType{CustomFormat, AbsoluteTime}}
	for _, tc := range tests {
		got, err := p.Parse(tc.cfg, tc.in)
		if tc.want.IsZero() {
			if err == nil || !errors.Is(err, ErrNoDate) || !got.IsZero() {
				t.Errorf("Parse(%q) = %v, %v; want no date", tc.in, got.Time, err)
			}
			continue
		}
		if err != nil || !got.Time.Equal(tc.want) {
			t.Errorf("Parse(%q) = %v, %v; want %v", tc.in, got.Time, err, tc.want)
		}
	}
}

func TestParseCustomFormat(t *testing.T) {
	p := &Parser{ParserTypes: []ParserType{CustomFormat}}
	got, err := p.Parse(nil, "02|03|2024", "02|01|2006")
	if want := time.Date(2024, 3, 2, 0, 0, 0, 0, time.UTC); err != nil || !got.Time.Equal(want) {
		t.Fatalf("Parse = %v, %v; want %v", got.Time, err, want)
	}
	if _, err := p.Parse(nil, "2 March 2024"); err == nil { // AbsoluteTime not asked for
		t.Fatal("Parse read an absolute date with CustomFormat only")
	}
}

func FuzzParse(f *testing.F) {
	for _, s := range []string{"2 March 2024", "Saturday, March 2nd, 2024 10:15 pm", "03/02/24", "2024-03-02T10:15:00Z", "1:2:3", "31st 12:"} {
		f.Add(s)
	}
	p := &Parser{}
	cfg := &Configuration{CurrentTime: time.Date(2024, 6, 15, 0, 0, 0, 0, time.UTC)}
	f.Fuzz(func(t *testing.T, s string) {
		d, err := p.Parse(cfg, s)
		if (err == nil) == d.IsZero() {
			t.Fatalf("Parse(%q) = %v, %v: a date and an error", s, d.Time, err)
		}
	})
}
