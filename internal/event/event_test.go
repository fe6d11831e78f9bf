package event

import (
	"bytes"
	"errors"
	"flag"
	"io"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/")

// fixedClock is the DATEADDED clock of the tests.
func fixedClock() time.Time {
	return time.Date(2023, 5, 14, 18, 15, 0, 0, time.FixedZone("CEST", 2*3600))
}

// samples returns events covering the cases of the formats: full evidence
// and geography; no URL, target, date or geography; an actor code outside the
// CAMEO tables, religions and types; ethnic codes and text needing cleaning.
func samples() []Event {
	text1 := "Armenian Prime Minister Nikol Pashinyan met Azerbaijani President Ilham Aliyev in Brussels on Sunday."
	return []Event{
		{
			DocID: "001-border-talks", URL: "https://www.example.org/news/2023/05/14/border-talks", Sentence: 1, Text: text1,
			Source: "ARMGOV", Target: "AZEGOV", Code: "040", Root: "04", Base: "040", QuadClass: 1, Goldstein: 1, Plover: "CONSULT",
			Date:       "2023-05-14",
			SourceSpan: Span{Start: 0, End: 39, First: 1, Last: 5, Text: "Armenian Prime Minister Nikol Pashinyan"},
			TargetSpan: Span{Start: 44, End: 82, First: 7, Last: 11, Text: "Azerbaijani President Ilham Aliyev"},
			VerbSpan:   Span{Start: 40, End: 43, First: 6, Last: 6, Text: "met"},
			Rule:       "CAMEO.2.0.txt:7012", DictVersion: "sha256:0f1e",
			ActionGeo: &Geo{Type: 4, FullName: "Brussels, Bruxelles-Capitale, Belgium", CountryISO: "BEL", CountryFIPS: "BE", ADM1: "BE11", Lat: 50.8333, Lon: 4.3333, FeatureID: "-1955538"},
			Actor1Geo: &Geo{Type: 1, FullName: "Armenia", CountryISO: "ARM", CountryFIPS: "AM", ADM1: "AM", Lat: 40, Lon: 45, FeatureID: "AM"},
		},
		{
			DocID: "006-court", Sentence: 3, Text: "The court said nothing.", Source: "FRAJUD", Code: "011",
			Root: "01", Base: "011", QuadClass: 1, Goldstein: -0.1, Negated: true, Reported: true, Attribution: "FRA",
			SourceSpan: Span{Start: 210, End: 219, First: 1, Last: 2, Text: "The court"},
			TargetSpan: Span{Start: -1, End: -1},
			VerbSpan:   Span{Start: 220, End: 224, First: 3, Last: 3, Text: "said"},
			Rule:       "dict/native/verbs.ewd:12", DictVersion: "sha256:0f1e",
		},
		{
			DocID: "003-sudan-clashes", URL: "https://example.com/sudan?id=3&lang=en", Sentence: 2,
			Text:   "Kashmiri rebels\tattacked\nUN peacekeepers.",
			Source: "KASREB", Target: "IGOUNOPKO", Code: "1823", Root: "18", Base: "182", QuadClass: 4, Goldstein: -10, Plover: "ASSAULT",
			Date: "2024-02-29", Historical: true, Hypothetical: false, Issues: []string{"PEACEKEEPING", "TERRORISM"},
			SourceSpan: Span{Start: 300, End: 315, First: 1, Last: 2, Text: "Kashmiri\trebels"},
			TargetSpan: Span{Start: 325, End: 340, First: 4, Last: 5, Text: "UN peacekeepers"},
			VerbSpan:   Span{Start: 316, End: 324, First: 3, Last: 3, Text: "attacked"},
			Rule:       "CAMEO.2.0.txt:100",
			Actor2Geo:  &Geo{Type: 5, FullName: "Darfur, Sudan", CountryISO: "SDN", CountryFIPS: "SU", ADM1: "SU55", Lat: 13.5, Lon: -24.25, FeatureID: "SU55"},
		},
		{
			DocID: "004-sanctions", URL: "https://example.net/a", Sentence: 5, Source: "IRQGOVSHISUN", Target: "TURkur",
			Code: "0211", Root: "02", Base: "021", QuadClass: 1, Goldstein: 3.4, Hypothetical: true,
			SourceSpan: Span{Start: -1, End: -1}, TargetSpan: Span{Start: 50, End: 60, First: 9, Last: 10, Text: "Turkish Kurds"},
			VerbSpan: Span{Start: 40, End: 48, First: 7, Last: 7, Text: "appealed"}, Date: "2023-12-31",
		},
	}
}

func TestComplete(t *testing.T) {
	tests := []struct {
		code string
		want Event
	}{
		{"040", Event{Code: "040", Root: "04", Base: "040", QuadClass: 1, Goldstein: 1, Plover: "CONSULT"}},
		{"1121", Event{Code: "1121", Root: "11", Base: "112", QuadClass: 3, Goldstein: -2, Plover: "ACCUSE"}},
		{"0211", Event{Code: "0211", Root: "02", Base: "021", QuadClass: 1, Goldstein: 3.4}},
		{"19", Event{Code: "19", Root: "19", Base: "19", QuadClass: 4, Goldstein: -10, Plover: "ASSAULT"}},
		{"163", Event{Code: "163", Root: "16", Base: "163", QuadClass: 4, Goldstein: -8, Plover: "COERCE"}},
	}
	for _, tt := range tests {
		e := Event{Code: tt.code, Plover: "stale", Root: "99"}
		if err := Complete(&e); err != nil || !reflect.DeepEqual(e, tt.want) {
			t.Errorf("Complete(%s) = %+v, %v; want %+v", tt.code, e, err, tt.want)
		}
	}
	for _, code := range []string{"", "999", "1213", "01 "} {
		e := Event{Code: code, Root: "keep"}
		if err := Complete(&e); err == nil || e.Root != "keep" {
			t.Errorf("Complete(%q): err %v, event %+v; want an error and no change", code, err, e)
		}
	}
}

func TestGlobalEventID(t *testing.T) {
	base := samples()[0]
	id := GlobalEventID(&base)
	if id == 0 || id >= 1<<63 {
		t.Fatalf("id %d out of range", id)
	}
	same := base
	same.Text, same.Rule, same.ActionGeo = "other text", "other rule", nil
	if GlobalEventID(&same) != id {
		t.Errorf("id changed with fields outside the identity")
	}
	mutations := map[string]func(e *Event){
		"doc":        func(e *Event) { e.DocID += "x" },
		"sentence":   func(e *Event) { e.Sentence++ },
		"source":     func(e *Event) { e.Source = "ARM" },
		"target":     func(e *Event) { e.Target = "" },
		"code":       func(e *Event) { e.Code = "041" },
		"verb start": func(e *Event) { e.VerbSpan.Start++ },
		"verb end":   func(e *Event) { e.VerbSpan.End++ },
		"verb first": func(e *Event) { e.VerbSpan.First++ },
		"verb last":  func(e *Event) { e.VerbSpan.Last++ },
		"boundary":   func(e *Event) { e.DocID, e.Source = e.DocID+"A", "RMGOV" },
	}
	for name, mutate := range mutations {
		e := base
		mutate(&e)
		if GlobalEventID(&e) == id {
			t.Errorf("%s: id unchanged", name)
		}
	}
}

// golden compares got with testdata/name, or rewrites it with -update.
func golden(t *testing.T, name string, got []byte) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("reading golden file (run go test -update to create it): %v", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s differs from the golden file; got:\n%s", name, got)
	}
}

func writeAll(t *testing.T, write func(*Event) error, flush func() error) {
	t.Helper()
	evs := samples()
	for i := range evs {
		if err := write(&evs[i]); err != nil {
			t.Fatal(err)
		}
	}
	if err := flush(); err != nil {
		t.Fatal(err)
	}
}

func TestGolden(t *testing.T) {
	var j, ev, mn bytes.Buffer
	jw := NewJSONLWriter(&j)
	writeAll(t, jw.Write, jw.Flush)
	golden(t, "events.jsonl.golden", j.Bytes())
	ew := NewEventsWriter(&ev, fixedClock)
	writeAll(t, ew.Write, ew.Flush)
	golden(t, "export.gdelt.golden", ev.Bytes())
	mw := NewMentionsWriter(&mn, fixedClock)
	writeAll(t, mw.Write, mw.Flush)
	golden(t, "mentions.gdelt.golden", mn.Bytes())

	for i, line := range strings.Split(strings.TrimSuffix(ev.String(), "\n"), "\n") {
		if n := strings.Count(line, "\t") + 1; n != NumEventColumns {
			t.Errorf("events row %d: %d columns", i+1, n)
		}
	}
	for i, line := range strings.Split(strings.TrimSuffix(mn.String(), "\n"), "\n") {
		if n := strings.Count(line, "\t") + 1; n != NumMentionColumns {
			t.Errorf("mentions row %d: %d columns", i+1, n)
		}
	}
}

func TestEventRowColumns(t *testing.T) {
	evs := samples()
	r, err := NewEventRow(&evs[2], fixedClock())
	if err != nil {
		t.Fatal(err)
	}
	want := EventRow{
		GlobalEventID: GlobalEventID(&evs[2]),
		Day:           "20240229", MonthYear: "202402", Year: "2024", FractionDate: "2024.1616",
		Actor1:    ActorColumns{Code: "KASREB", Name: "KASHMIRI\tREBELS", EthnicCode: "kas", Type1Code: "REB"},
		Actor2:    ActorColumns{Code: "IGOUNOPKO", Name: "UN PEACEKEEPERS", KnownGroupCode: "UNO", Type1Code: "IGO", Type2Code: "PKO"},
		EventCode: "1823", EventBaseCode: "182", EventRootCode: "18", QuadClass: 4, GoldsteinScale: -10,
		NumMentions: 1, NumSources: 1, NumArticles: 1,
		Actor2Geo: &GeoColumns{Type: 5, FullName: "Darfur, Sudan", CountryCode: "SU", ADM1Code: "SU55", Lat: 13.5, Long: -24.25, FeatureID: "SU55"},
		DateAdded: "20230514161500", SourceURL: "https://example.com/sudan?id=3&lang=en",
	}
	if !reflect.DeepEqual(r, want) {
		t.Errorf("NewEventRow =\n%+v\nwant\n%+v", r, want)
	}
	r, err = NewEventRow(&evs[3], fixedClock())
	if err != nil {
		t.Fatal(err)
	}
	a1 := ActorColumns{Code: "IRQGOVSHISUN", CountryCode: "IRQ", Religion1Code: "SHI", Religion2Code: "SUN", Type1Code: "GOV"}
	a2 := ActorColumns{Code: "TURkur", Name: "TURKISH KURDS", CountryCode: "TUR", EthnicCode: "kur"}
	if r.Actor1 != a1 || r.Actor2 != a2 || r.IsRootEvent || r.FractionDate != "2023.9890" {
		t.Errorf("NewEventRow actors %+v %+v, root %v, fraction %s", r.Actor1, r.Actor2, r.IsRootEvent, r.FractionDate)
	}

	// A code outside the CAMEO tables fills only code and name.
	odd := evs[0]
	odd.Source = "QQQREB"
	if r, err := NewEventRow(&odd, fixedClock()); err != nil || r.Actor1 != (ActorColumns{Code: "QQQREB", Name: "ARMENIAN PRIME MINISTER NIKOL PASHINYAN"}) {
		t.Errorf("unsplittable actor code: %+v, %v", r.Actor1, err)
	}

	bad := evs[0]
	bad.Code = "999"
	if _, err := NewEventRow(&bad, fixedClock()); err == nil || !strings.Contains(err.Error(), `"999"`) {
		t.Errorf("unknown code: %v", err)
	}
	bad = evs[0]
	bad.Date = "2023-02-30"
	if _, err := NewEventRow(&bad, fixedClock()); err == nil || !strings.Contains(err.Error(), "2023-02-30") {
		t.Errorf("bad date: %v", err)
	}
}

func TestMentionRowColumns(t *testing.T) {
	evs := samples()
	tests := []struct {
		i    int
		want MentionRow
	}{
		{0, MentionRow{MentionType: 1, MentionSourceName: "example.org", MentionIdentifier: evs[0].URL, SentenceID: 1,
			Actor1CharOffset: 0, Actor2CharOffset: 44, ActionCharOffset: 40, InRawText: true}},
		{1, MentionRow{MentionType: 2, MentionSourceName: "006-court", MentionIdentifier: "006-court", SentenceID: 3,
			Actor1CharOffset: 210, Actor2CharOffset: -1, ActionCharOffset: 220, InRawText: true}},
		{3, MentionRow{MentionType: 1, MentionSourceName: "example.net", MentionIdentifier: "https://example.net/a", SentenceID: 5,
			Actor1CharOffset: -1, Actor2CharOffset: 50, ActionCharOffset: 40, InRawText: false}},
	}
	for _, tt := range tests {
		tt.want.GlobalEventID = GlobalEventID(&evs[tt.i])
		tt.want.EventTimeDate, tt.want.MentionTimeDate = "20230514161500", "20230514161500"
		if got := NewMentionRow(&evs[tt.i], fixedClock()); !reflect.DeepEqual(got, tt.want) {
			t.Errorf("NewMentionRow(sample %d) = %+v, want %+v", tt.i, got, tt.want)
		}
	}
}

func TestJSONLRoundTrip(t *testing.T) {
	var buf bytes.Buffer
	w := NewJSONLWriter(&buf)
	writeAll(t, w.Write, w.Flush)
	buf.WriteString("\n\r\n") // blank lines are skipped
	r := NewJSONLReader(&buf, "events.jsonl")
	var got []Event
	for {
		e, err := r.Next()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatal(err)
		}
		got = append(got, *e)
	}
	if want := samples(); !reflect.DeepEqual(got, want) {
		t.Errorf("round trip:\n got %+v\nwant %+v", got, want)
	}
}

func TestGDELTRoundTrip(t *testing.T) {
	evs := samples()
	var ev, mn bytes.Buffer
	ew, mw := NewEventsWriter(&ev, fixedClock), NewMentionsWriter(&mn, fixedClock)
	var rows []EventRow
	var mrows []MentionRow
	for i := range evs {
		r, err := NewEventRow(&evs[i], fixedClock())
		if err != nil {
			t.Fatal(err)
		}
		// Text with tabs is written with spaces.
		r.Actor1.Name = strings.ReplaceAll(r.Actor1.Name, "\t", " ")
		tone := -3.25
		if i == 1 {
			r.AvgTone = &tone
			r.Actor1Geo = &GeoColumns{Type: 3, FullName: "Paris, France", CountryCode: "FR", ADM1Code: "FRA8", ADM2Code: "12345", Lat: 48.8667, Long: 2.3333, FeatureID: "-1456928"}
		}
		rows = append(rows, r)
		m := NewMentionRow(&evs[i], fixedClock())
		if i == 2 {
			conf, n := 80, 2451
			m.Confidence, m.MentionDocLen, m.MentionDocTone = &conf, &n, &tone
			m.MentionDocTranslationInfo = "srclc:fra; eng:Moses"
		}
		mrows = append(mrows, m)
		if err := ew.WriteRow(&rows[i]); err != nil {
			t.Fatal(err)
		}
		if err := mw.WriteRow(&mrows[i]); err != nil {
			t.Fatal(err)
		}
	}
	if err := ew.Flush(); err != nil {
		t.Fatal(err)
	}
	if err := mw.Flush(); err != nil {
		t.Fatal(err)
	}
	er := NewEventsReader(&ev, "export.CSV")
	for i := range rows {
		got, err := er.Next()
		if err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(got, rows[i]) {
			t.Errorf("events row %d:\n got %+v\nwant %+v", i+1, got, rows[i])
		}
		// The row carries these fields of the event.
		back := got.Event()
		want := evs[i]
		if back.URL != want.URL && !(want.URL == "" && back.URL == want.DocID) || back.Date != want.Date ||
			back.Source != want.Source || back.Target != want.Target || back.Code != want.Code ||
			back.Root != want.Root || back.Base != want.Base || back.QuadClass != want.QuadClass ||
			back.Goldstein != want.Goldstein || back.Plover != want.Plover ||
			!reflect.DeepEqual(back.ActionGeo, want.ActionGeo) || !reflect.DeepEqual(back.Actor2Geo, want.Actor2Geo) {
			t.Errorf("events row %d: Event() = %+v, from %+v", i+1, back, want)
		}
	}
	if _, err := er.Next(); err != io.EOF {
		t.Errorf("after the last row: %v, want io.EOF", err)
	}
	mr := NewMentionsReader(&mn, "mentions.CSV")
	for i := range mrows {
		got, err := mr.Next()
		if err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(got, mrows[i]) {
			t.Errorf("mentions row %d:\n got %+v\nwant %+v", i+1, got, mrows[i])
		}
	}
	if _, err := mr.Next(); err != io.EOF {
		t.Errorf("after the last row: %v, want io.EOF", err)
	}
}

func TestJSONLReaderErrors(t *testing.T) {
	tests := []struct{ input, want string }{
		{`{"doc_id":"a"}` + "\n" + `{"doc_id":`, "in.jsonl:2: incomplete JSON object"},
		{`{"doc_id":"a","sentence":"one"}`, "in.jsonl:1: field sentence: JSON string where int is wanted"},
		{`{"doc_id":"a","source_span":{"start":"x"}}`, "in.jsonl:1: field source_span.start: JSON string"},
		{`{"doc_id":"a","colour":"red"}`, `in.jsonl:1: unknown field "colour"`},
		{`{"doc_id":"a"} {"doc_id":"b"}`, "in.jsonl:1: data after the event object"},
		{"\n\n" + `{"date":"2023-13-01"}`, `in.jsonl:3: field date: "2023-13-01" is not a date YYYY-MM-DD`},
		{`{"date":"2023-02-29"}`, `in.jsonl:1: field date: "2023-02-29" is not a date`},
		{`[1,2]`, "in.jsonl:1: not a JSON object"},
		{"null", "in.jsonl:1: not a JSON object"},
		{`{"doc_id":"a",}`, "in.jsonl:1: JSON syntax error at byte 15"},
	}
	for _, tt := range tests {
		r := NewJSONLReader(strings.NewReader(tt.input), "in.jsonl")
		var err error
		for err == nil {
			_, err = r.Next()
		}
		if err == io.EOF || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("reading %q: error %v, want %q", tt.input, err, tt.want)
		}
	}
	r := NewJSONLReader(strings.NewReader(`{"date":"2024-02-29"}`), "in.jsonl")
	if e, err := r.Next(); err != nil || e.Date != "2024-02-29" {
		t.Errorf("leap day: %v, %v", e, err)
	}
}

// gdeltLine returns a valid events line from the golden output with column
// col (0-based) replaced, or a valid mentions line when mentions is set.
func gdeltLine(t *testing.T, mentions bool, col int, value string) string {
	t.Helper()
	evs := samples()
	var b bytes.Buffer
	if mentions {
		w := NewMentionsWriter(&b, fixedClock)
		if err := w.Write(&evs[0]); err != nil {
			t.Fatal(err)
		}
		w.Flush()
	} else {
		w := NewEventsWriter(&b, fixedClock)
		if err := w.Write(&evs[0]); err != nil {
			t.Fatal(err)
		}
		w.Flush()
	}
	f := strings.Split(strings.TrimSuffix(b.String(), "\n"), "\t")
	if col >= 0 {
		f[col] = value
	}
	return strings.Join(f, "\t") + "\n"
}

func TestEventsReaderErrors(t *testing.T) {
	tests := []struct {
		col         int
		value, want string
	}{
		{0, "x", `export.CSV:2: column 1 (GLOBALEVENTID): "x" is not an id`},
		{0, "9223372036854775808", "column 1 (GLOBALEVENTID)"},
		{1, "2023051", `column 2 (SQLDATE): "2023051" is not 8 digits`},
		{4, "abc", "column 5 (FractionDate)"},
		{25, "2", "column 26 (IsRootEvent): \"2\" is not 0 or 1"},
		{26, "1a", "column 27 (EventCode)"},
		{29, "5", "column 30 (QuadClass): \"5\" is not an integer in [1, 4]"},
		{30, "-11", "column 31 (GoldsteinScale)"},
		{30, "NaN", "column 31 (GoldsteinScale)"},
		{34, "tone", "column 35 (AvgTone)"},
		{35, "", "column 36 (Actor1Geo_Type)"},
		{40, "91", "column 41 (Actor1Geo_Lat)"},
		{57, "east", "column 58 (ActionGeo_Long)"},
		{59, "2023", "column 60 (DATEADDED)"},
	}
	good := gdeltLine(t, false, -1, "")
	for _, tt := range tests {
		input := good + gdeltLine(t, false, tt.col, tt.value)
		r := NewEventsReader(strings.NewReader(input), "export.CSV")
		if _, err := r.Next(); err != nil {
			t.Fatalf("first row: %v", err)
		}
		_, err := r.Next()
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("column %d = %q: error %v, want %q", tt.col+1, tt.value, err, tt.want)
		}
	}
	for _, tt := range []struct{ input, want string }{
		{"1\t2\t3\n", "export.CSV:1: 3 columns, want 61"},
		{strings.TrimSuffix(good, "\n") + "\textra\n", "export.CSV:1: 62 columns, want 61"},
		{strings.Replace(good, "\t", "\r\t", 1), "export.CSV:1: carriage return inside the line"},
	} {
		_, err := NewEventsReader(strings.NewReader(tt.input), "export.CSV").Next()
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("reading %q: error %v, want %q", tt.input, err, tt.want)
		}
	}
}

func TestMentionsReaderErrors(t *testing.T) {
	tests := []struct {
		col         int
		value, want string
	}{
		{0, "-1", `mentions.CSV:1: column 1 (GLOBALEVENTID): "-1" is not an id`},
		{1, "", "column 2 (EventTimeDate)"},
		{3, "7", "column 4 (MentionType): \"7\" is not an integer in [1, 6]"},
		{7, "-2", "column 8 (Actor1CharOffset)"},
		{10, "yes", "column 11 (InRawText)"},
		{11, "101", "column 12 (Confidence)"},
		{13, "x", "column 14 (MentionDocTone)"},
	}
	for _, tt := range tests {
		_, err := NewMentionsReader(strings.NewReader(gdeltLine(t, true, tt.col, tt.value)), "mentions.CSV").Next()
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("column %d = %q: error %v, want %q", tt.col+1, tt.value, err, tt.want)
		}
	}
	_, err := NewMentionsReader(strings.NewReader("1\t2\n"), "mentions.CSV").Next()
	if err == nil || !strings.Contains(err.Error(), "mentions.CSV:1: 2 columns, want 16") {
		t.Errorf("short row: %v", err)
	}
}

func TestLongLine(t *testing.T) {
	input := strings.Repeat("x", MaxLineBytes+1)
	_, err := NewJSONLReader(strings.NewReader(input), "big.jsonl").Next()
	if err == nil || !strings.Contains(err.Error(), "big.jsonl:1: line longer than") {
		t.Errorf("long line: %v", err)
	}
	var ae error = err
	if errors.Is(ae, io.EOF) {
		t.Errorf("long line reported as EOF")
	}
}

func FuzzJSONLReader(f *testing.F) {
	for _, s := range []string{`{"doc_id":"a","sentence":1,"code":"112"}`, `{"date":"2024-02-29","action_geo":{"lat":1.5}}`, "{}\n[]", ""} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, input string) {
		r := NewJSONLReader(strings.NewReader(input), "fuzz")
		for {
			e, err := r.Next()
			if err != nil {
				return
			}
			var b bytes.Buffer
			w := NewJSONLWriter(&b)
			if err := w.Write(e); err != nil {
				t.Fatalf("writing a read event: %v", err)
			}
			w.Flush()
			e2, err := NewJSONLReader(&b, "again").Next()
			if err != nil {
				t.Fatalf("re-reading %q: %v", b.String(), err)
			}
			if !reflect.DeepEqual(e, e2) {
				t.Fatalf("round trip changed the event:\n%+v\n%+v", e, e2)
			}
		}
	})
}

func FuzzEventsReader(f *testing.F) {
	f.Add("")
	f.Fuzz(func(t *testing.T, input string) {
		r := NewEventsReader(strings.NewReader(input), "fuzz")
		for {
			row, err := r.Next()
			if err != nil {
				return
			}
			var b bytes.Buffer
			w := NewEventsWriter(&b, fixedClock)
			if err := w.WriteRow(&row); err != nil {
				t.Fatal(err)
			}
			w.Flush()
			row2, err := NewEventsReader(&b, "again").Next()
			if err != nil {
				t.Fatalf("re-reading %q: %v", b.String(), err)
			}
			if !reflect.DeepEqual(row, row2) {
				t.Fatalf("round trip changed the row:\n%+v\n%+v", row, row2)
			}
			row.Event()
		}
	})
}

func FuzzMentionsReader(f *testing.F) {
	f.Add("")
	f.Fuzz(func(t *testing.T, input string) {
		r := NewMentionsReader(strings.NewReader(input), "fuzz")
		for {
			row, err := r.Next()
			if err != nil {
				return
			}
			var b bytes.Buffer
			w := NewMentionsWriter(&b, fixedClock)
			if err := w.WriteRow(&row); err != nil {
				t.Fatal(err)
			}
			w.Flush()
			row2, err := NewMentionsReader(&b, "again").Next()
			if err != nil {
				t.Fatalf("re-reading %q: %v", b.String(), err)
			}
			if !reflect.DeepEqual(row, row2) {
				t.Fatalf("round trip changed the row:\n%+v\n%+v", row, row2)
			}
		}
	})
}

func BenchmarkEventsWriter(b *testing.B) {
	evs := samples()
	w := NewEventsWriter(io.Discard, fixedClock)
	b.ReportAllocs()
	for i := 0; b.Loop(); i++ {
		if err := w.Write(&evs[i%len(evs)]); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkJSONLWriter(b *testing.B) {
	evs := samples()
	w := NewJSONLWriter(io.Discard)
	b.ReportAllocs()
	for i := 0; b.Loop(); i++ {
		if err := w.Write(&evs[i%len(evs)]); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkEventsReader(b *testing.B) {
	var buf bytes.Buffer
	w := NewEventsWriter(&buf, fixedClock)
	evs := samples()
	for i := 0; i < 1000; i++ {
		if err := w.Write(&evs[i%len(evs)]); err != nil {
			b.Fatal(err)
		}
	}
	w.Flush()
	data := buf.Bytes()
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		r := NewEventsReader(bytes.NewReader(data), "bench")
		for {
			if _, err := r.Next(); err != nil {
				if err != io.EOF {
					b.Fatal(err)
				}
				break
			}
		}
	}
}
