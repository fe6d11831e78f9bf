package gkg

import (
	"bytes"
	"encoding/json"
	"errors"
	"flag"
	"io"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/eventwire/eventwire/internal/event"
)

// rowFields keeps the fields of r that a GKG row carries.
func rowFields(r Record) Record {
	out := Record{ID: r.ID, Date: r.Date, SourceCollection: r.SourceCollection, SourceName: r.SourceName,
		DocumentID: r.DocumentID, Tone: r.Tone, Title: r.Title}
	for _, c := range r.Counts {
		out.Counts = append(out.Counts, Count{Type: c.Type, Number: c.Number, Object: c.Object, Geo: c.Geo, Offset: c.Offset})
	}
	for _, t := range r.Themes {
		out.Themes = append(out.Themes, Theme{Theme: t.Theme, Offset: t.Offset})
	}
	for _, l := range r.Locations {
		g := l.Geo
		g.CountryISO = ""
		out.Locations = append(out.Locations, Location{Geo: g, Offset: l.Offset})
	}
	out.Persons, out.Organizations, out.AllNames = r.Persons, r.Organizations, r.AllNames
	for _, d := range r.Dates {
		d.Text = ""
		out.Dates = append(out.Dates, d)
	}
	for _, q := range r.Quotations {
		out.Quotations = append(out.Quotations, Quotation{Offset: q.Offset, Length: q.Length, Verb: q.Verb, Quote: q.Quote})
	}
	out.Amounts = r.Amounts
	return out
}

func sampleRecord() Record {
	g := &event.Geo{Type: 4, FullName: "Paris, France", CountryFIPS: "FR", ADM1: "FRA8", Lat: 48.85341, Lon: 2.3488, FeatureID: "2988507"}
	return Record{
		ID: "20221116000000-a", Date: "20221116000000", SourceCollection: 1, SourceName: "example.org",
		DocumentID:    "https://example.org/a",
		Counts:        []Count{{Type: "KILL", Number: 47, Object: "people", Geo: g, Offset: 12}, {Type: "ARREST", Number: 3, Object: "men", Offset: 40}},
		Themes:        []Theme{{Theme: "TERROR", Offset: 5}, {Theme: "KILL", Offset: 20}, {Theme: "TERROR", Offset: 90}},
		Locations:     []Location{{Geo: *g, Offset: 30}},
		Persons:       []Name{{Name: "John Smith", Offset: 1}, {Name: "John Smith", Offset: 50}},
		Organizations: []Name{{Name: "Senate of the French Republic", Offset: 60}},
		Tone:          Tone{Tone: -2.5, Positive: 1, Negative: 3.5, Polarity: 4.5, Activity: 10, SelfGroup: 1.25, WordCount: 400},
		Dates:         []DateMention{{Resolution: 3, Month: 11, Day: 15, Year: 2022, Offset: 70}, {Resolution: 1, Year: 1830, Offset: 80}},
		Quotations:    []Quotation{{Offset: 100, Length: 20, Verb: "said", Quote: "we will not give up"}},
		AllNames:      []Name{{Name: "John Smith", Offset: 1}, {Name: "Paris", Offset: 30}},
		Amounts:       []Amount{{Value: 1.5e6, Object: "people", Offset: 12}},
		Title:         "Talks & <failures>",
	}
}

func TestRowRoundTrip(t *testing.T) {
	r := sampleRecord()
	row := Row(&r)
	if n := strings.Count(row, "\t") + 1; n != Columns {
		t.Fatalf("row has %d columns, want %d", n, Columns)
	}
	cols := strings.Split(row, "\t")
	if cols[7] != "TERROR;KILL" {
		t.Errorf("V1 themes: got %q", cols[7])
	}
	if cols[11] != "John Smith" {
		t.Errorf("V1 persons: got %q", cols[11])
	}
	if cols[15] != "-2.5,1,3.5,4.5,10,1.25,400" {
		t.Errorf("tone: got %q", cols[15])
	}
	if cols[5] != "KILL#47#people#4#Paris, France#FR#FRA8#48.85341#2.3488#2988507;ARREST#3#men#0######" {
		t.Errorf("V1 counts: got %q", cols[5])
	}
	got, err := ParseRow(row)
	if err != nil {
		t.Fatal(err)
	}
	if want := rowFields(r); !reflect.DeepEqual(got, want) {
		t.Errorf("round trip:\ngot  %+v\nwant %+v", got, want)
	}
}

func TestWriterFormats(t *testing.T) {
	r := sampleRecord()
	var b bytes.Buffer
	w, err := NewWriter(&b, FormatJSON)
	if err != nil {
		t.Fatal(err)
	}
	if err := w.Write(&r); err != nil {
		t.Fatal(err)
	}
	w.Flush()
	var back Record
	if err := json.Unmarshal(b.Bytes(), &back); err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(back, r) {
		t.Errorf("JSON round trip:\ngot  %+v\nwant %+v", back, r)
	}
	b.Reset()
	w, _ = NewWriter(&b, FormatGKG)
	w.Write(&r)
	w.Write(&r)
	w.Flush()
	rd := NewReader(&b, "rows")
	for i := 0; i < 2; i++ {
		if _, err := rd.Next(); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := rd.Next(); !errors.Is(err, io.EOF) {
		t.Errorf("want io.EOF, got %v", err)
	}
	if _, err := NewWriter(&b, "csv"); err == nil {
		t.Error("want an error for format csv")
	}
}

func TestParseRowErrors(t *testing.T) {
	good := strings.Split(Row(&Record{}), "\t")
	tests := []struct {
		col  int
		val  string
		want string
	}{
		{2, "x", "column 3 (SourceCollectionIdentifier)"},
		{6, "KILL#x#people#0#######1", "column 7 (V2Counts)"},
		{10, "1#France#FR#FR##46#2#FR", "column 11 (V2Locations)"},
		{12, "John Smith", "column 13 (V2Persons)"},
		{15, "1,2,3", "column 16 (V2Tone)"},
		{15, "NaN,0,0,0,0,0,1", "column 16 (V2Tone)"},
		{16, "1#2#3", "column 17 (Dates)"},
		{22, "12|x|said|hi", "column 23 (Quotations)"},
		{24, "12 people", "column 25 (Amounts)"},
	}
	for _, tc := range tests {
		cols := append([]string(nil), good...)
		cols[tc.col] = tc.val
		_, err := ParseRow(strings.Join(cols, "\t"))
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%q in column %d: got %v, want %q", tc.val, tc.col+1, err, tc.want)
		}
	}
	if _, err := ParseRow("a\tb"); err == nil {
		t.Error("want an error for 2 columns")
	}
	rd := NewReader(strings.NewReader("\n"+Row(&Record{})+"\nbad\n"), "f.gkg")
	if _, err := rd.Next(); err != nil {
		t.Fatal(err)
	}
	if _, err := rd.Next(); err == nil || !strings.HasPrefix(err.Error(), "f.gkg:3:") {
		t.Errorf("want an error at f.gkg:3, got %v", err)
	}
}

// FuzzParseRow checks that any row ParseRow accepts is written back by Row
// into a row that parses to the same record.
func FuzzParseRow(f *testing.F) {
	r := sampleRecord()
	f.Add(Row(&r))
	f.Add(Row(&Record{}))
	f.Fuzz(func(t *testing.T, line string) {
		r1, err := ParseRow(line)
		if err != nil {
			return
		}
		row := Row(&r1)
		r2, err := ParseRow(row)
		if err != nil {
			t.Fatalf("rewritten row does not parse: %v\n%q", err, row)
		}
		if !reflect.DeepEqual(rowFields(r1), rowFields(r2)) {
			t.Fatalf("round trip changed the record:\n%+v\n%+v", r1, r2)
		}
	})
}

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

// TestGolden compares the GKG row, the JSON line and the summary of a fixed
// record with testdata/record.golden.
func TestGolden(t *testing.T) {
	r := sampleRecord()
	r.Entities = []Entity{{Text: "French Senate", Type: Organization, Start: 70, End: 83, Sentence: 2,
		Canonical: "Senate of the French Republic", Why: "link"}}
	r.Quotations[0].Speaker, r.Quotations[0].Actor = "the minister", "FRAGOV"
	var b bytes.Buffer
	b.WriteString("# row\n")
	b.WriteString(strings.ReplaceAll(Row(&r), "\t", "\n\t"))
	b.WriteString("\n# json\n")
	w, _ := NewWriter(&b, FormatJSON)
	w.Write(&r)
	w.Flush()
	b.WriteString("# summary\n")
	WriteSummary(&b, &r)
	golden := filepath.Join("testdata", "record.golden")
	if *update {
		if err := os.WriteFile(golden, b.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatalf("%v (run go test -run TestGolden -update)", err)
	}
	if !bytes.Equal(b.Bytes(), want) {
		t.Errorf("output differs from %s (check, then rerun with -update):\n%s", golden, b.String())
	}
}
