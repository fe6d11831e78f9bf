// Package storetest is the conformance suite of store.Store: Run exercises
// every documented semantic of the interface (idempotent writes, copies by
// canonical URL and SimHash, event de-duplication and its counts, filters,
// aggregations, sort orders and cursors, articles and their knowledge,
// Stats, skipped inputs) through the interface alone, so that each
// implementation's tests call it with a fresh store:
//
//	func TestConformance(t *testing.T) {
//		storetest.Run(t, func(t *testing.T) store.Store { return openTemp(t) })
//	}
//
// Full-text conditions use the form the server builds (quoted words, a
// trailing * for a prefix), which every implementation must accept.
package storetest

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"sort"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/eventwire/eventwire/internal/dedup"
	"github.com/eventwire/eventwire/internal/event"
	"github.com/eventwire/eventwire/internal/knowledge"
	"github.com/eventwire/eventwire/internal/store"
)

// Places are the action places the suite's events use, by feature id.
var Places = map[string]event.Geo{
	"611717":  {Type: 4, FullName: "Tbilisi, Tbilisi, Georgia", CountryISO: "GEO", CountryFIPS: "GG", ADM1: "GG51", Lat: 41.69411, Lon: 44.83368, FeatureID: "611717"},
	"2988507": {Type: 4, FullName: "Paris, Ile-de-France, France", CountryISO: "FRA", CountryFIPS: "FR", ADM1: "FRA8", Lat: 48.85341, Lon: 2.3488, FeatureID: "2988507"},
	"379252":  {Type: 4, FullName: "Khartoum, Khartoum, Sudan", CountryISO: "SDN", CountryFIPS: "SU", ADM1: "SU29", Lat: 15.55177, Lon: 32.53241, FeatureID: "379252"},
	"365137":  {Type: 4, FullName: "Omdurman, Khartoum, Sudan", CountryISO: "SDN", CountryFIPS: "SU", ADM1: "SU29", Lat: 15.64453, Lon: 32.47773, FeatureID: "365137"},
}

// cameo gives the suite's event codes their quad class and Goldstein
// scale value.
var cameo = map[string]struct {
	quad      int
	goldstein float64
}{
	"036": {1, 4}, "040": {1, 1}, "112": {3, -2}, "141": {3, -6.5}, "163": {4, -8}, "173": {4, -5}, "195": {4, -10},
}

// Event is a coded event in sentence n between actor codes src and tgt,
// dated date (YYYY-MM-DD), at the place of Places with feature id place
// ("" for none). The source and target spans cover words 1 and 3.
func Event(n int, src, tgt, code, date, place string) event.Event {
	c, ok := cameo[code]
	if !ok {
		c.quad, c.goldstein = 3, -2
	}
	e := event.Event{Sentence: n, Source: src, Target: tgt, Code: code, Base: code[:min(3, len(code))], Root: code[:2],
		QuadClass: c.quad, Goldstein: c.goldstein, Date: date, Rule: "test.ewd:1",
		SourceSpan: event.Span{Start: -1, End: -1, First: 1, Last: 1, Text: strings.ToLower(src) + " officials"},
		TargetSpan: event.Span{Start: -1, End: -1, First: 3, Last: 3, Text: strings.ToLower(tgt)},
		VerbSpan:   event.Span{Start: -1, End: -1, First: 2, Last: 2, Text: "did"}}
	if place != "" {
		g, ok := Places[place]
		if !ok {
			g = event.Geo{Type: 4, FullName: place + " city", FeatureID: place, CountryISO: "X" + place[:min(2, len(place))],
				CountryFIPS: place[:min(2, len(place))]}
		}
		e.ActionGeo = &g
	}
	return e
}

// Article is an analysed article of text at url (the id and SimHash as
// ingest computes them), its sentences ending at each full stop, with
// events evs. Each event's spans are set to its sentence's first, second
// and last words, and its text and document id to its sentence's.
func Article(url, source, text string, evs ...event.Event) store.Article {
	h, n := dedup.SimHash(text)
	var sents []store.Sentence
	start := 0
	for i := 0; i < len(text); i++ {
		if text[i] == '.' {
			sents = append(sents, store.Sentence{Start: start, End: i + 1})
			start = i + 2
		}
	}
	a := store.Article{ID: dedup.ArticleID(url, text), CanonicalURL: dedup.CanonicalURL(url), URL: url, Source: source,
		Text: text, SimHash: h, Words: n, Sentences: sents, Analyzed: true, Origin: "test"}
	for _, e := range evs {
		e.DocID, e.URL = a.ID, url
		if e.Sentence >= 1 && e.Sentence <= len(sents) {
			sn := sents[e.Sentence-1]
			e.Text = text[sn.Start:sn.End]
			words := wordRanges(e.Text, sn.Start)
			if len(words) >= 3 {
				e.SourceSpan.Start, e.SourceSpan.End = words[0][0], words[0][1]
				e.VerbSpan.Start, e.VerbSpan.End = words[1][0], words[1][1]
				e.TargetSpan.Start, e.TargetSpan.End = words[len(words)-1][0], words[len(words)-1][1]
			}
		}
		a.Events = append(a.Events, e)
	}
	return a
}

// wordRanges returns the byte ranges of the space-separated words of s,
// offset by off.
func wordRanges(s string, off int) [][2]int {
	var out [][2]int
	start := -1
	for i := 0; i <= len(s); i++ {
		if i == len(s) || s[i] == ' ' {
			if start >= 0 {
				out = append(out, [2]int{off + start, off + i})
				start = -1
			}
		} else if start < 0 {
			start = i
		}
	}
	return out
}

// The suite's texts.
const (
	TextA = "China accused the United States of interference on Tuesday. A spokesman said China would take firm countermeasures to protect its sovereignty and security against the sanctions. The sanctions freeze the assets of officials."
	TextB = "Thousands of protesters gathered outside the parliament in Tbilisi on Wednesday. Police used water cannon and tear gas to disperse the crowd after some demonstrators threw stones at the building."
	TextC = "Azerbaijan said its foreign minister would meet French officials in Paris next week to discuss the peace process with Armenia."
)

// knowledge is a hand-made article knowledge record with these themes
// and tone.
func knowledgeOf(tone float64, themes ...string) *knowledge.Record {
	r := &knowledge.Record{Date: "20240611000000", SourceCollection: 1, SourceName: "a.example", DocumentID: "https://a.example/1",
		Tone: knowledge.Tone{Tone: tone, Positive: 1.5, Negative: 1.5 - tone, Polarity: 3 - tone, Activity: 12.25, WordCount: 33},
		Entities: []knowledge.Entity{{Text: "China", Type: knowledge.Place, Start: 0, End: 5, Sentence: 1, First: 1, Last: 1, Canonical: "China",
			Actor: "CHN", Why: "place", Geo: &event.Geo{Type: 1, FullName: "China", CountryISO: "CHN", CountryFIPS: "CH", FeatureID: "CH"}}},
		Quotations:    []knowledge.Quotation{{Offset: 10, Length: 20, Verb: "said", Quote: "firm countermeasures", Speaker: "A spokesman"}},
		SentenceTones: []knowledge.SentenceTone{{Sentence: 1, Tone: tone}},
	}
	for i, th := range themes {
		r.Themes = append(r.Themes, knowledge.Theme{Theme: th, Offset: 10 * i, Text: strings.ToLower(th)})
	}
	return r
}

var (
	day0   = time.Date(2024, 7, 1, 9, 30, 0, 0, time.UTC)
	writeO = store.WriteOptions{Now: day0}
)

// corpus is the suite's main batch: two articles with knowledge and one
// without, five events (two at Tbilisi, one at Paris), and a copy of the
// first article.
func corpus() (a1, a2, a3, copyA1 store.Article) {
	a1 = Article("https://a.example/1", "", TextA, Event(1, "CHN", "USA", "112", "2024-06-11", ""), Event(2, "CHNGOV", "USA", "163", "2024-06-12", ""))
	a1.Title, a1.Published = "China accuses the US", time.Date(2024, 6, 11, 8, 0, 0, 0, time.UTC)
	a1.Knowledge = knowledgeOf(-2.5, "SANCTIONS", "SOVEREIGNTY", "SANCTIONS")
	a2 = Article("https://b.example/2", "Wire", TextB, Event(1, "CVL", "GEOLEG", "141", "2024-03-08", "611717"), Event(2, "COP", "CVL", "173", "2024-03-08", "611717"))
	a2.Title, a2.Published = "Protest in Tbilisi", time.Date(2024, 3, 8, 0, 0, 0, 0, time.UTC)
	a2.Knowledge = knowledgeOf(-4, "PROTEST", "TEAR_GAS")
	a3 = Article("https://c.example/3", "", TextC, Event(1, "AZE", "FRA", "036", "2024-06-11", "2988507"))
	a3.Title = "Minister to meet in Paris"
	// Re-published text elsewhere, lightly edited: a copy of a1.
	copyA1 = Article("https://d.example/x", "", strings.Replace(TextA, "would take", "will take", 1))
	copyA1.Published = a1.Published.Add(24 * time.Hour)
	return
}

// env is one subtest's store.
type env struct {
	t  *testing.T
	st store.Store
}

func (e env) write(arts ...store.Article) store.WriteResult {
	e.t.Helper()
	return e.writeBatch(&store.Batch{Run: store.Run{ID: "r1", Started: day0}, Articles: arts})
}

func (e env) writeBatch(b *store.Batch) store.WriteResult {
	e.t.Helper()
	res, err := e.st.Write(context.Background(), b, writeO)
	if err != nil {
		e.t.Fatal(err)
	}
	return res
}

func (e env) stats() store.Stats {
	e.t.Helper()
	s, err := e.st.Stats(context.Background())
	if err != nil {
		e.t.Fatal(err)
	}
	return s
}

func (e env) events(f store.Filter) []store.StoredEvent {
	e.t.Helper()
	var out []store.StoredEvent
	if err := e.st.Events(context.Background(), f, func(se *store.StoredEvent) error { out = append(out, *se); return nil }); err != nil {
		e.t.Fatalf("events %+v: %v", f, err)
	}
	return out
}

func (e env) mentions(f store.Filter) []store.StoredMention {
	e.t.Helper()
	var out []store.StoredMention
	if err := e.st.Mentions(context.Background(), f, func(m *store.StoredMention) error { out = append(out, *m); return nil }); err != nil {
		e.t.Fatalf("mentions %+v: %v", f, err)
	}
	return out
}

// loadCorpus writes the corpus and its copy.
func (e env) loadCorpus() {
	e.t.Helper()
	a1, a2, a3, cp := corpus()
	if res := e.write(a1, a2, a3); res.New != 3 || res.Events != 5 || res.Mentions != 5 {
		e.t.Fatalf("corpus: %+v", res)
	}
	if res := e.write(cp); res.Duplicate != 1 || res.Mentions != 2 {
		e.t.Fatalf("copy: %+v", res)
	}
}

func codes(evs []store.StoredEvent) string {
	var out []string
	for _, e := range evs {
		out = append(out, e.Event.Code)
	}
	return strings.Join(out, " ")
}

// Run runs the conformance suite; open returns a new empty store for each
// subtest (and closes it when the test ends).
func Run(t *testing.T, open func(t *testing.T) store.Store) {
	tests := []struct {
		name string
		fn   func(env)
	}{
		{"WriteIsIdempotent", testIdempotent},
		{"CopiesAreMentions", testCopies},
		{"EventsMergeAcrossArticles", testMerge},
		{"SameDayWindow", testSameDayWindow},
		{"Filters", testFilters},
		{"EventConfidence", testEventConfidence},
		{"Aggregations", testAggregations},
		{"SortAndCursor", testSortAndCursor},
		{"Article", testArticle},
		{"Articles", testArticles},
		{"StatsAndSkips", testStatsAndSkips},
		{"BadArticleRollsBackBatch", testRollback},
		{"NearDuplicatesWithinDays", testNearDays},
		{"Seen", testSeen},
		{"ConcurrentWriters", testConcurrent},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) { tt.fn(env{t: t, st: open(t)}) })
	}
}

func testIdempotent(e env) {
	a1, a2, a3, _ := corpus()
	res := e.write(a1, a2, a3)
	if res.New != 3 || res.Events != 5 || res.Mentions != 5 || !slices.Equal(res.Outcome, []string{"new", "new", "new"}) {
		e.t.Fatalf("first write: %+v", res)
	}
	before := e.stats()
	view1, err := e.st.Article(context.Background(), a1.ID)
	if err != nil {
		e.t.Fatal(err)
	}
	res = e.write(a1, a2, a3)
	if res.New != 0 || res.Already != 3 || res.Events != 0 || res.Mentions != 0 || !slices.Equal(res.Outcome, []string{"already", "already", "already"}) {
		e.t.Errorf("second write: %+v", res)
	}
	after := e.stats()
	if fmt.Sprint(before) != fmt.Sprint(after) {
		e.t.Errorf("re-ingest changed the store: %+v -> %+v", before, after)
	}
	if before.Articles != 3 || before.Copies != 3 || before.Events != 5 || before.Mentions != 5 || before.Sentences != 6 || before.Runs != 1 {
		e.t.Errorf("stats %+v", before)
	}
	view2, err := e.st.Article(context.Background(), a1.ID)
	if err != nil {
		e.t.Fatal(err)
	}
	j1, _ := json.Marshal(view1)
	j2, _ := json.Marshal(view2)
	if string(j1) != string(j2) {
		e.t.Errorf("re-ingest changed the article:\n%s\n%s", j1, j2)
	}
	if n := len(e.events(store.Filter{Theme: "SANCTIONS"})); n != 2 {
		e.t.Errorf("theme after re-ingest: %d events", n)
	}
}

func testCopies(e env) {
	a1, _, _, edited := corpus()
	e.write(a1)
	// The same page under a tracking URL is the same article.
	same := a1
	same.URL = "https://www.a.example/1/?utm_source=feed"
	same.ID = dedup.ArticleID(same.URL, same.Text)
	if res := e.write(same); res.Already != 1 || res.New != 0 || len(res.Outcome) != 1 || res.Outcome[0] != "already" {
		e.t.Errorf("tracking URL: %+v", res)
	}
	// Re-published text elsewhere, lightly edited: a copy, a mention of
	// each of the article's events, and its own events ignored.
	edited.Events = []event.Event{Event(1, "RUS", "USA", "112", "2024-06-11", "")}
	edited.Knowledge = knowledgeOf(5, "ELECTION")
	res := e.write(edited)
	if res.Duplicate != 1 || res.Mentions != 2 || res.Events != 0 || res.Outcome[0] != "duplicate" {
		e.t.Errorf("edited copy: %+v", res)
	}
	if res := e.write(edited); res.Already != 1 || res.Mentions != 0 {
		e.t.Errorf("copy again: %+v", res)
	}
	got := e.events(store.Filter{})
	if len(got) != 2 {
		e.t.Fatalf("events %+v", got)
	}
	for _, ev := range got {
		if ev.NumMentions != 2 || ev.NumArticles != 2 || ev.NumSources != 2 || !ev.IsRoot {
			e.t.Errorf("event %s: %+v", ev.Event.Code, ev)
		}
	}
	if n := len(e.events(store.Filter{Theme: "ELECTION"})); n != 0 {
		e.t.Errorf("a copy's knowledge was stored: %d events", n)
	}
	ms := e.mentions(store.Filter{Code: "112"})
	if len(ms) != 2 || ms[0].Copy || !ms[1].Copy || ms[1].Event.URL != "https://d.example/x" || ms[1].Event.DocID != edited.ID ||
		ms[0].Event.Code != "112" || ms[1].Event.Code != "112" || ms[0].SourceName != "a.example" || ms[1].SourceName != "d.example" {
		e.t.Errorf("mentions %+v", ms)
	}
	if s := e.stats(); s.Articles != 1 || s.Copies != 2 || s.Sources != 2 || s.Mentions != 4 {
		e.t.Errorf("stats %+v", s)
	}
	// An unanalysed document that is no copy is not stored.
	fresh := Article("https://e.example/new", "", TextC)
	fresh.Analyzed = false
	if res := e.write(fresh); res.Unknown != 1 || res.Outcome[0] != "unknown" || res.New != 0 {
		e.t.Errorf("unanalysed new article: %+v", res)
	}
	// An unanalysed copy is stored as a copy.
	cp := Article("https://f.example/copy", "", TextA)
	cp.Published, cp.Analyzed = a1.Published, false
	if res := e.write(cp); res.Duplicate != 1 || res.Mentions != 2 {
		e.t.Errorf("unanalysed copy: %+v", res)
	}
}

func geoID(g *event.Geo) string {
	if g == nil {
		return "-"
	}
	return g.FeatureID
}

func testMerge(e env) {
	e.write(
		Article("https://a.example/1", "", "Report one about an air strike in the capital.", Event(1, "SDNMIL", "SDNREB", "195", "2024-04-22", "379252")),
		Article("https://b.example/1", "", "Report two, a different text. It is on the same strike. Really.", Event(3, "SDNMIL", "SDNREB", "195", "2024-04-23", "")),
		Article("https://c.example/1", "", "Report three: a strike the same day in another city.", Event(1, "SDNMIL", "SDNREB", "195", "2024-04-22", "365137")),
		Article("https://d.example/1", "", "Report four: a strike two weeks later.", Event(1, "SDNMIL", "SDNREB", "195", "2024-05-06", "379252")),
		Article("https://e.example/1", "", "Report five: the rebels struck the army.", Event(1, "SDNREB", "SDNMIL", "195", "2024-04-22", "379252")),
	)
	var got []string
	for _, ev := range e.events(store.Filter{}) {
		got = append(got, fmt.Sprintf("%s %s>%s %s m%d a%d s%d root=%v", ev.Event.Date, ev.Event.Source, ev.Event.Target,
			geoID(ev.Event.ActionGeo), ev.NumMentions, ev.NumArticles, ev.NumSources, ev.IsRoot))
	}
	want := []string{
		"2024-04-22 SDNMIL>SDNREB 379252 m2 a2 s2 root=true",
		"2024-04-22 SDNMIL>SDNREB 365137 m1 a1 s1 root=true",
		"2024-05-06 SDNMIL>SDNREB 379252 m1 a1 s1 root=true",
		"2024-04-22 SDNREB>SDNMIL 379252 m1 a1 s1 root=true",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		e.t.Errorf("events\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	// The second report's mention keeps its own sentence and confidence
	// (outside the lead paragraph).
	ms := e.mentions(store.Filter{Place: "Khartoum", From: "2024-04-22", To: "2024-04-23", Actor: "SDNMIL"})
	if len(ms) != 3 {
		e.t.Fatalf("mentions %+v", ms)
	}
	if ms[1].Event.Sentence != 3 || ms[1].Event.Date != "2024-04-23" || ms[1].Confidence >= ms[0].Confidence {
		e.t.Errorf("second mention %+v (first %+v)", ms[1], ms[0])
	}
}

// testSameDayWindow: a negative event window merges reports of the same
// day only (dedup.Matcher.Days).
func testSameDayWindow(e env) {
	b := &store.Batch{Run: store.Run{ID: "r1", Started: day0}, Articles: []store.Article{
		Article("https://a.example/1", "", "Report one about an air strike in the capital.", Event(1, "SDNMIL", "SDNREB", "195", "2024-04-22", "379252")),
		Article("https://b.example/1", "", "Report two, a different text. It is on the same strike. Really.", Event(1, "SDNMIL", "SDNREB", "195", "2024-04-22", "379252")),
		Article("https://c.example/1", "", "Report three: a strike the next day in the same city.", Event(1, "SDNMIL", "SDNREB", "195", "2024-04-23", "379252")),
	}}
	opt := writeO
	opt.EventWindow = -1
	if _, err := e.st.Write(context.Background(), b, opt); err != nil {
		e.t.Fatal(err)
	}
	var got []string
	for _, ev := range e.events(store.Filter{}) {
		got = append(got, fmt.Sprintf("%s m%d", ev.Event.Date, ev.NumMentions))
	}
	if want := "2024-04-22 m2, 2024-04-23 m1"; strings.Join(got, ", ") != want {
		e.t.Errorf("events %q, want %q", strings.Join(got, ", "), want)
	}
}

func testFilters(e env) {
	e.loadCorpus()
	all := e.events(store.Filter{})
	if codes(all) != "112 163 141 173 036" {
		t := e.t
		t.Fatalf("events in id order: %s", codes(all))
	}
	id := map[string]int64{}
	for _, ev := range all {
		id[ev.Event.Code] = ev.ID
	}
	tests := []struct {
		f    store.Filter
		want string
	}{
		{store.Filter{}, "112 163 141 173 036"},
		{store.Filter{ID: id["141"]}, "141"},
		{store.Filter{ID: id["141"] + id["036"] + 100}, ""},
		{store.Filter{Actor: "CHN"}, "112 163"},
		{store.Filter{Actor: "USA"}, "112 163"},
		{store.Filter{Actor: "CHNGOV"}, "163"},
		{store.Filter{Actor: "GEO"}, "141"},
		{store.Filter{Actor: "cvl"}, "141 173"}, // a word of an actor's name
		{store.Filter{Actor: "officials"}, "112 163 141 173 036"},
		{store.Filter{Code: "1"}, "112 163 141 173"},
		{store.Filter{Code: "16"}, "163"},
		{store.Filter{Code: "036"}, "036"},
		{store.Filter{Quad: 4}, "163 173"},
		{store.Filter{Quad: 3, From: "2024-06-11"}, "112"},
		{store.Filter{From: "2024-06-12"}, "163"},
		{store.Filter{To: "2024-03-08"}, "141 173"},
		{store.Filter{From: "2024-06-11", To: "2024-06-11"}, "112 036"},
		{store.Filter{Country: "GEO"}, "141 173"},
		{store.Filter{Country: "gg"}, "141 173"}, // FIPS
		{store.Filter{Country: "FRA"}, "036"},
		{store.Filter{Country: "USA"}, ""},
		{store.Filter{Place: "Tbilisi"}, "141 173"},
		{store.Filter{Place: "tbilisi, TBILISI, georgia"}, "141 173"},
		{store.Filter{Place: "611717"}, "141 173"},
		{store.Filter{Place: "Paris"}, "036"},
		{store.Filter{Place: "Lyon"}, ""},
		{store.Filter{Place: "Tbil"}, ""},
		{store.Filter{Theme: "SANCTIONS"}, "112 163"},
		{store.Filter{Theme: "sovereignty"}, "112 163"},
		{store.Filter{Theme: "PROTEST"}, "141 173"},
		{store.Filter{Theme: "PROTEST", Code: "17"}, "173"},
		{store.Filter{Theme: "ELECTION"}, ""},
		{store.Filter{Text: `"countermeasures"`}, "163"},
		{store.Filter{Text: `"tear" "gas"`}, "173"},
		{store.Filter{Text: `"sanction"*`}, "163"},
		{store.Filter{Text: `"paris"`}, "036"},
		{store.Filter{Text: `"tear" "paris"`}, ""},
		{store.Filter{Limit: 2}, "112 163"},
		{store.Filter{Actor: "CHN", Limit: 1}, "112"},
	}
	for _, tt := range tests {
		if got := codes(e.events(tt.f)); got != tt.want {
			e.t.Errorf("Events %+v: %q, want %q", tt.f, got, tt.want)
		}
		tab, err := e.st.Query(context.Background(), store.Query{Filter: tt.f})
		if err != nil {
			e.t.Errorf("Query %+v: %v", tt.f, err)
			continue
		}
		ci := slices.Index(tab.Columns, "code")
		var got []string
		for _, r := range tab.Rows {
			got = append(got, r[ci].(string))
		}
		if strings.Join(got, " ") != tt.want {
			e.t.Errorf("Query %+v: %q, want %q", tt.f, strings.Join(got, " "), tt.want)
		}
		// Mentions of the same events, two for each event of the copied
		// article.
		var want []string
		for _, c := range strings.Fields(tt.want) {
			want = append(want, c)
			if (c == "112" || c == "163") && tt.f.Limit == 0 {
				want = append(want, c)
			}
		}
		var gotM []string
		for _, m := range e.mentions(tt.f) {
			gotM = append(gotM, m.Event.Code)
		}
		if tt.f.Limit == 0 && strings.Join(gotM, " ") != strings.Join(want, " ") {
			e.t.Errorf("Mentions %+v: %q, want %q", tt.f, strings.Join(gotM, " "), strings.Join(want, " "))
		}
	}
	// The event listing's columns.
	tab, err := e.st.Query(context.Background(), store.Query{Filter: store.Filter{ID: id["141"]}})
	if err != nil {
		e.t.Fatal(err)
	}
	wantCols := "id date source target code quad goldstein place country mentions sources articles root source_name target_name tone event_confidence"
	if strings.Join(tab.Columns, " ") != wantCols {
		e.t.Errorf("columns %v, want %s", tab.Columns, wantCols)
	}
	if got, want := fmt.Sprint(tab.Rows), fmt.Sprintf("[[%d 2024-03-08 CVL GEOLEG 141 3 -6.5 Tbilisi, Tbilisi, Georgia GEO 1 1 1 1 cvl officials geoleg -4 ]]", id["141"]); got != want {
		e.t.Errorf("row %s, want %s", got, want)
	}
	tab, err = e.st.Query(context.Background(), store.Query{Filter: store.Filter{ID: id["036"]}})
	if err != nil {
		e.t.Fatal(err)
	}
	if got, want := fmt.Sprint(tab.Rows), fmt.Sprintf("[[%d 2024-06-11 AZE FRA 036 1 4 Paris, Ile-de-France, France FRA 1 1 1 1 aze officials fra  ]]", id["036"]); got != want {
		e.t.Errorf("row without tone (nor confidence) %s, want %s", got, want)
	}
	for _, bad := range []store.Query{{Aggregate: "year"}, {Filter: store.Filter{Code: "1x"}}, {Filter: store.Filter{From: "June"}},
		{Filter: store.Filter{To: "2024-13-45"}}, {Filter: store.Filter{Quad: 5}}, {Filter: store.Filter{Sort: "tone"}}, {Filter: store.Filter{After: -1}}} {
		if _, err := e.st.Query(context.Background(), bad); err == nil {
			e.t.Errorf("Query %+v: no error", bad)
		}
		if bad.Aggregate == "" {
			if err := e.st.Events(context.Background(), bad.Filter, func(*store.StoredEvent) error { return nil }); err == nil {
				e.t.Errorf("Events %+v: no error", bad.Filter)
			}
		}
	}
	// An error of fn stops the iteration and is returned.
	stop := errors.New("stop")
	n := 0
	if err := e.st.Events(context.Background(), store.Filter{}, func(*store.StoredEvent) error { n++; return stop }); !errors.Is(err, stop) || n != 1 {
		e.t.Errorf("Events stopped by fn: %v after %d", err, n)
	}
	if err := e.st.Mentions(context.Background(), store.Filter{}, func(*store.StoredMention) error { return stop }); !errors.Is(err, stop) {
		e.t.Errorf("Mentions stopped by fn: %v", err)
	}
}

// withConfidence is e with the coded confidence c.
func withConfidence(e event.Event, c float64) event.Event {
	e.Confidence = c
	return e
}

// testEventConfidence: an event's confidence is the highest coded
// confidence of its reports, unknown (0) when none carried one; the
// MinConfidence filter never matches an unknown one, and holds for
// listings, mentions, aggregations and articles alike.
func testEventConfidence(e env) {
	strike := func(c float64) event.Event {
		return withConfidence(Event(1, "SDNMIL", "SDNREB", "195", "2024-04-22", "379252"), c)
	}
	a1 := Article("https://a.example/1", "", "Report one about an air strike in the capital.", strike(0.4))
	a2 := Article("https://b.example/1", "", "Report two, a different text on the same strike.", strike(0.9))
	// Coded before events carried a confidence: unknown.
	a3 := Article("https://c.example/3", "", TextC, Event(1, "AZE", "FRA", "036", "2024-06-11", "2988507"))
	a4 := Article("https://d.example/4", "", TextA, withConfidence(Event(1, "CHN", "USA", "112", "2024-06-11", ""), 0.6),
		withConfidence(Event(2, "CHNGOV", "USA", "163", "2024-06-12", ""), 1.7)) // out of range: clamped to 1
	e.write(a1, a2, a3)
	e.write(a4)
	// A later, less confident report and a copy change nothing.
	e.write(Article("https://e.example/5", "", "Report five: the army struck the rebels in the capital.", strike(0.2)))
	cp := Article("https://f.example/x", "", strings.Replace(TextA, "would take", "will take", 1))
	if res := e.write(cp); res.Duplicate != 1 {
		e.t.Fatalf("copy: %+v", res)
	}
	conf := func(f store.Filter) string {
		e.t.Helper()
		var out []string
		for _, ev := range e.events(f) {
			out = append(out, fmt.Sprintf("%s:%g/m%d", ev.Event.Code, ev.EventConfidence, ev.NumMentions))
		}
		return strings.Join(out, " ")
	}
	tests := []struct {
		f    store.Filter
		want string
	}{
		{store.Filter{}, "195:0.9/m3 036:0/m1 112:0.6/m2 163:1/m2"},
		{store.Filter{MinConfidence: 0.01}, "195:0.9/m3 112:0.6/m2 163:1/m2"},
		{store.Filter{MinConfidence: 0.6}, "195:0.9/m3 112:0.6/m2 163:1/m2"},
		{store.Filter{MinConfidence: 0.61}, "195:0.9/m3 163:1/m2"},
		{store.Filter{MinConfidence: 1}, "163:1/m2"},
		{store.Filter{MinConfidence: 0.5, Actor: "SDN"}, "195:0.9/m3"},
		{store.Filter{MinConfidence: 0.5, Sort: "-date", Limit: 2}, "163:1/m2 112:0.6/m2"},
	}
	for _, tt := range tests {
		if got := conf(tt.f); got != tt.want {
			e.t.Errorf("events %+v: %s, want %s", tt.f, got, tt.want)
		}
	}
	// The article view carries the event's confidence with each event.
	v, err := e.st.Article(context.Background(), a1.ID)
	if err != nil {
		e.t.Fatal(err)
	}
	if len(v.Events) != 1 || v.Events[0].EventConfidence != 0.9 || v.Events[0].Event.Confidence != 0.4 {
		e.t.Errorf("article events %+v", v.Events)
	}
	if ms := e.mentions(store.Filter{MinConfidence: 0.8}); len(ms) != 5 || ms[0].Event.Code != "195" || ms[4].Event.Code != "163" || !ms[4].Copy {
		e.t.Errorf("mentions of confident events: %+v", ms)
	}
	aggs := []struct {
		q    store.Query
		want string
	}{
		{store.Query{Aggregate: "day", Filter: store.Filter{MinConfidence: 0.5}},
			"day,events,mentions,avg_goldstein,avg_tone [2024-04-22 1 3 -10 ] [2024-06-11 1 2 -2 ] [2024-06-12 1 2 -8 ]"},
		{store.Query{Aggregate: "month", Filter: store.Filter{MinConfidence: 0.95}}, "month,events,mentions,avg_goldstein,avg_tone [2024-06 1 2 -8 ]"},
		{store.Query{Aggregate: "goldstein", Filter: store.Filter{MinConfidence: 0.7}}, "events,mentions,avg_goldstein,mention_weighted_goldstein [2 5 -9 -9.2]"},
		{store.Query{Aggregate: "countries", Filter: store.Filter{MinConfidence: 0.5}}, "country,events,mentions,avg_goldstein [SDN 1 3 -10]"},
		{store.Query{Aggregate: "countries"}, "country,events,mentions,avg_goldstein [FRA 1 1 4] [SDN 1 3 -10]"},
		{store.Query{Aggregate: "dyads", Filter: store.Filter{MinConfidence: 0.7}}, "source,target,events,mentions,avg_goldstein [CHNGOV USA 1 2 -8] [SDNMIL SDNREB 1 3 -10]"},
		{store.Query{Aggregate: "places", Filter: store.Filter{MinConfidence: 0.01}}, "place,name,country,lat,lon,events,mentions,avg_goldstein [379252 Khartoum, Khartoum, Sudan SDN 15.55177 32.53241 1 3 -10]"},
		{store.Query{Filter: store.Filter{MinConfidence: 0.99}}, "id,date,source,target,code,quad,goldstein,place,country,mentions,sources,articles,root,source_name,target_name,tone,event_confidence"},
	}
	for _, tt := range aggs {
		got := rows(e.t, e.st, tt.q)
		// The listing's ids differ between engines: compare its header and count.
		if tt.q.Aggregate == "" {
			if !strings.HasPrefix(got, tt.want+" [") || strings.Count(got, "[") != 1 || !strings.HasSuffix(got, " 1]") {
				e.t.Errorf("list %+v: %s, want one row of %s", tt.q.Filter, got, tt.want)
			}
			continue
		}
		if got != tt.want {
			e.t.Errorf("%s %+v:\n%s\nwant\n%s", tt.q.Aggregate, tt.q.Filter, got, tt.want)
		}
	}
	as, err := e.st.Articles(context.Background(), store.Filter{MinConfidence: 0.8, Code: "19"})
	if err != nil {
		e.t.Fatal(err)
	}
	if len(as) != 3 {
		e.t.Errorf("articles reporting a confident strike: %+v", as)
	}
	for _, x := range []float64{-0.5, 1.01} {
		err := e.st.Events(context.Background(), store.Filter{MinConfidence: x}, func(*store.StoredEvent) error { return nil })
		if err == nil || !strings.Contains(err.Error(), "min confidence") {
			e.t.Errorf("min confidence %v: error %v", x, err)
		}
		if _, err := e.st.Query(context.Background(), store.Query{Aggregate: "day", Filter: store.Filter{MinConfidence: x}}); err == nil {
			e.t.Errorf("day series with min confidence %v: no error", x)
		}
	}
}

func rows(t *testing.T, st store.Store, q store.Query) string {
	t.Helper()
	tab, err := st.Query(context.Background(), q)
	if err != nil {
		t.Fatalf("%+v: %v", q, err)
	}
	var out []string
	for _, r := range tab.Rows {
		out = append(out, fmt.Sprint(r))
	}
	return strings.Join(tab.Columns, ",") + " " + strings.Join(out, " ")
}

func testAggregations(e env) {
	e.loadCorpus()
	tests := []struct {
		q    store.Query
		want string
	}{
		// Events: 112 (06-11, -2, tone -2.5, 2 mentions), 163 (06-12, -8,
		// -2.5, 2), 141 and 173 (03-08, -6.5 and -5, tone -4, Tbilisi),
		// 036 (06-11, 4, no tone, Paris).
		{store.Query{Aggregate: "day"}, "day,events,mentions,avg_goldstein,avg_tone [2024-03-08 2 2 -5.75 -4] [2024-06-11 2 3 1 -2.5] [2024-06-12 1 2 -8 -2.5]"},
		{store.Query{Aggregate: "week"}, "week,events,mentions,avg_goldstein,avg_tone [2024-03-04 2 2 -5.75 -4] [2024-06-10 3 5 -2 -2.5]"},
		{store.Query{Aggregate: "month"}, "month,events,mentions,avg_goldstein,avg_tone [2024-03 2 2 -5.75 -4] [2024-06 3 5 -2 -2.5]"},
		{store.Query{Aggregate: "month", Filter: store.Filter{Limit: 1}}, "month,events,mentions,avg_goldstein,avg_tone [2024-03 2 2 -5.75 -4]"},
		{store.Query{Aggregate: "day", Filter: store.Filter{Actor: "AZE"}}, "day,events,mentions,avg_goldstein,avg_tone [2024-06-11 1 1 4 ]"},
		{store.Query{Aggregate: "day", Filter: store.Filter{Theme: "SANCTIONS"}}, "day,events,mentions,avg_goldstein,avg_tone [2024-06-11 1 2 -2 -2.5] [2024-06-12 1 2 -8 -2.5]"},
		{store.Query{Aggregate: "day", Filter: store.Filter{Actor: "NOBODY"}}, "day,events,mentions,avg_goldstein,avg_tone "},
		{store.Query{Aggregate: "goldstein"}, "events,mentions,avg_goldstein,mention_weighted_goldstein [5 7 -3.5 -3.929]"},
		{store.Query{Aggregate: "goldstein", Filter: store.Filter{Actor: "NOBODY"}}, "events,mentions,avg_goldstein,mention_weighted_goldstein [0 0 0 0]"},
		{store.Query{Aggregate: "dyads"}, "source,target,events,mentions,avg_goldstein [AZE FRA 1 1 4] [CHN USA 1 2 -2] [CHNGOV USA 1 2 -8] [COP CVL 1 1 -5] [CVL GEOLEG 1 1 -6.5]"},
		{store.Query{Aggregate: "dyads", Filter: store.Filter{Limit: 2, Quad: 4}}, "source,target,events,mentions,avg_goldstein [CHNGOV USA 1 2 -8] [COP CVL 1 1 -5]"},
		{store.Query{Aggregate: "places"}, "place,name,country,lat,lon,events,mentions,avg_goldstein [611717 Tbilisi, Tbilisi, Georgia GEO 41.69411 44.83368 2 2 -5.75] [2988507 Paris, Ile-de-France, France FRA 48.85341 2.3488 1 1 4]"},
		{store.Query{Aggregate: "places", Filter: store.Filter{Limit: 1}}, "place,name,country,lat,lon,events,mentions,avg_goldstein [611717 Tbilisi, Tbilisi, Georgia GEO 41.69411 44.83368 2 2 -5.75]"},
		{store.Query{Aggregate: "places", Filter: store.Filter{Place: "paris"}}, "place,name,country,lat,lon,events,mentions,avg_goldstein [2988507 Paris, Ile-de-France, France FRA 48.85341 2.3488 1 1 4]"},
		{store.Query{Aggregate: "countries"}, "country,events,mentions,avg_goldstein [GEO 2 2 -5.75] [FRA 1 1 4]"},
		{store.Query{Aggregate: "countries", Filter: store.Filter{From: "2024-06-01"}}, "country,events,mentions,avg_goldstein [FRA 1 1 4]"},
		{store.Query{Aggregate: "countries", Filter: store.Filter{Theme: "SANCTIONS"}}, "country,events,mentions,avg_goldstein "},
	}
	for _, tt := range tests {
		if got := rows(e.t, e.st, tt.q); got != tt.want {
			e.t.Errorf("%s %+v:\n%s\nwant\n%s", tt.q.Aggregate, tt.q.Filter, got, tt.want)
		}
	}
	// Aggregations ignore the sort order and the cursor.
	if got, want := rows(e.t, e.st, store.Query{Aggregate: "countries", Filter: store.Filter{Sort: "-date", After: 1}}),
		rows(e.t, e.st, store.Query{Aggregate: "countries"}); got != want {
		e.t.Errorf("countries with sort and cursor: %s, want %s", got, want)
	}
}

func testSortAndCursor(e env) {
	e.loadCorpus()
	all := e.events(store.Filter{})
	for _, s := range append([]string{""}, store.Sorts...) {
		want := slices.Clone(all)
		key, desc := strings.CutPrefix(s, "-")
		sort.SliceStable(want, func(i, j int) bool {
			a, b := want[i], want[j]
			var c int
			switch key {
			case "date":
				c = strings.Compare(a.Event.Date, b.Event.Date)
			case "goldstein":
				c = cmpFloat(a.Event.Goldstein, b.Event.Goldstein)
			case "mentions":
				c = a.NumMentions - b.NumMentions
			}
			if c == 0 {
				c = int(a.ID - b.ID)
			}
			if desc {
				return c > 0
			}
			return c < 0
		})
		if got := codes(e.events(store.Filter{Sort: s})); got != codes(want) {
			e.t.Errorf("sort %q: %s, want %s", s, got, codes(want))
		}
		tab, err := e.st.Query(context.Background(), store.Query{Filter: store.Filter{Sort: s}})
		if err != nil {
			e.t.Fatal(err)
		}
		var got []string
		for _, r := range tab.Rows {
			got = append(got, r[4].(string))
		}
		if strings.Join(got, " ") != codes(want) {
			e.t.Errorf("Query sort %q: %s, want %s", s, strings.Join(got, " "), codes(want))
		}
		// Pages of two, each starting after the last event of the one
		// before, give the same order.
		for _, size := range []int{1, 2} {
			var paged []store.StoredEvent
			var after int64
			for page := 0; page < 10; page++ {
				p := e.events(store.Filter{Sort: s, After: after, Limit: size})
				if len(p) == 0 {
					break
				}
				paged = append(paged, p...)
				after = p[len(p)-1].ID
			}
			if codes(paged) != codes(want) {
				e.t.Errorf("sort %q in pages of %d: %s, want %s", s, size, codes(paged), codes(want))
			}
		}
		// The cursor combines with the filters.
		if len(want) > 1 {
			f := store.Filter{Sort: s, After: want[0].ID, Quad: 4}
			var wantQ []string
			for _, ev := range want[1:] {
				if ev.Event.QuadClass == 4 {
					wantQ = append(wantQ, ev.Event.Code)
				}
			}
			if got := codes(e.events(f)); got != strings.Join(wantQ, " ") {
				e.t.Errorf("sort %q after %d quad 4: %s, want %s", s, want[0].ID, got, strings.Join(wantQ, " "))
			}
		}
	}
	// In id order the cursor need not be a stored event.
	last := all[len(all)-1].ID
	if got := e.events(store.Filter{After: last + 1000}); len(got) != 0 {
		e.t.Errorf("after the last id: %s", codes(got))
	}
	if got := codes(e.events(store.Filter{After: all[2].ID})); got != "173 036" {
		e.t.Errorf("after the third: %s", got)
	}
	// Mentions: the cursor is an event id.
	var ms []string
	for _, m := range e.mentions(store.Filter{After: all[0].ID, Sort: "-date"}) {
		ms = append(ms, m.Event.Code)
	}
	if strings.Join(ms, " ") != "163 163 141 173 036" {
		e.t.Errorf("mentions after the first event: %v", ms)
	}
}

func cmpFloat(a, b float64) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}

func testArticle(e env) {
	e.loadCorpus()
	a1, a2, a3, cp := corpus()
	ctx := context.Background()
	for _, id := range []string{a1.ID, cp.ID} {
		v, err := e.st.Article(ctx, id)
		if err != nil {
			e.t.Fatalf("article %s: %v", id, err)
		}
		if v.ID != a1.ID || v.Title != a1.Title || v.URL != a1.URL || v.Source != "a.example" || !v.Published.Equal(a1.Published) ||
			v.Text != a1.Text || !v.Ingested.Equal(day0) {
			e.t.Errorf("article %s: %+v", id, v)
		}
		if !slices.Equal(v.Sentences, a1.Sentences) {
			e.t.Errorf("sentences %v, want %v", v.Sentences, a1.Sentences)
		}
		if len(v.Events) != 2 {
			e.t.Fatalf("events %+v", v.Events)
		}
		for i, ev := range v.Events {
			want := a1.Events[i]
			gotJ, _ := json.Marshal(ev.Event)
			wantJ, _ := json.Marshal(want)
			if string(gotJ) != string(wantJ) {
				e.t.Errorf("event %d:\n%s\nwant\n%s", i+1, gotJ, wantJ)
			}
			if ev.ID == 0 || ev.NumMentions != 2 || ev.NumArticles != 2 || ev.Confidence != dedup.Confidence(&want) {
				e.t.Errorf("event %d: %+v", i+1, ev)
			}
			sn := v.Sentences[ev.Event.Sentence-1]
			if sp := ev.Event.SourceSpan; sp.Start < sn.Start || sp.End > sn.End || v.Text[sp.Start:sp.End] == "" {
				e.t.Errorf("event %d: source span %+v outside sentence %+v", i+1, sp, sn)
			}
		}
		if got := e.events(store.Filter{ID: v.Events[1].ID}); len(got) != 1 || got[0].Event.Code != "163" {
			e.t.Errorf("event %d by id: %+v", v.Events[1].ID, got)
		}
		if len(v.Copies) != 2 || v.Copies[0].ID != a1.ID || v.Copies[0].URL != a1.URL || v.Copies[0].Origin != "test" ||
			!v.Copies[0].Published.Equal(a1.Published) || v.Copies[1].ID != cp.ID || v.Copies[1].URL != cp.URL ||
			v.Copies[1].Source != "d.example" || !v.Copies[1].Seen.Equal(day0) {
			e.t.Errorf("copies %+v", v.Copies)
		}
		gotK, _ := json.Marshal(v.Knowledge)
		wantK, _ := json.Marshal(a1.Knowledge)
		if string(gotK) != string(wantK) {
			e.t.Errorf("knowledge:\n%s\nwant\n%s", gotK, wantK)
		}
	}
	v, err := e.st.Article(ctx, a3.ID)
	if err != nil {
		e.t.Fatal(err)
	}
	if v.Knowledge != nil || !v.Published.IsZero() || len(v.Events) != 1 || v.Events[0].Event.ActionGeo == nil ||
		v.Events[0].Event.ActionGeo.Lat != Places["2988507"].Lat || len(v.Copies) != 1 {
		e.t.Errorf("article without knowledge or date: %+v", v)
	}
	v, err = e.st.Article(ctx, a2.ID)
	if err != nil {
		e.t.Fatal(err)
	}
	if v.Source != "Wire" || len(v.Events) != 2 || v.Events[0].Event.Code != "141" || v.Events[1].Event.Code != "173" || v.Knowledge == nil || v.Knowledge.Tone.Tone != -4 {
		e.t.Errorf("article 2: %+v", v)
	}
	for _, id := range []string{"", "nope", dedup.ArticleID("https://a.example/unknown", "")} {
		if v, err := e.st.Article(ctx, id); !errors.Is(err, store.ErrNotFound) || v != nil {
			e.t.Errorf("article %q: %v %v, want ErrNotFound", id, v, err)
		}
	}
}

func testArticles(e env) {
	e.loadCorpus()
	a1, a2, a3, _ := corpus()
	// An article without events.
	a4 := Article("https://g.example/4", "", "Nothing happened in the quiet town today, the mayor said in a statement.")
	a4.Published = time.Date(2024, 5, 1, 0, 0, 0, 0, time.UTC)
	a4.Knowledge = knowledgeOf(1, "PROTEST")
	e.write(a4)
	list := func(f store.Filter) string {
		e.t.Helper()
		as, err := e.st.Articles(context.Background(), f)
		if err != nil {
			e.t.Fatalf("articles %+v: %v", f, err)
		}
		var out []string
		for _, a := range as {
			name := map[string]string{a1.ID: "a1", a2.ID: "a2", a3.ID: "a3", a4.ID: "a4"}[a.ID]
			out = append(out, fmt.Sprintf("%s:%d", name, a.Events))
		}
		return strings.Join(out, " ")
	}
	tests := []struct {
		f    store.Filter
		want string
	}{
		// a3 has no date: it is filed under the day it was ingested.
		{store.Filter{}, "a3:1 a1:2 a4:0 a2:2"},
		{store.Filter{Limit: 2}, "a3:1 a1:2"},
		{store.Filter{Actor: "GEOLEG"}, "a2:2"},
		{store.Filter{Code: "1"}, "a1:2 a2:2"},
		{store.Filter{Place: "Paris"}, "a3:1"},
		{store.Filter{Theme: "PROTEST"}, "a4:0 a2:2"},
		{store.Filter{Theme: "PROTEST", Quad: 4}, "a2:2"},
		{store.Filter{Text: `"countermeasures"`}, "a1:2"},
		{store.Filter{From: "2024-06-12"}, "a1:2"},
		{store.Filter{Actor: "NOBODY"}, ""},
	}
	for _, tt := range tests {
		if got := list(tt.f); got != tt.want {
			e.t.Errorf("articles %+v: %s, want %s", tt.f, got, tt.want)
		}
	}
	as, err := e.st.Articles(context.Background(), store.Filter{Limit: 2})
	if err != nil {
		e.t.Fatal(err)
	}
	if as[1].ID != a1.ID || as[1].Title != a1.Title || as[1].URL != a1.URL || as[1].Source != "a.example" || !as[1].Published.Equal(a1.Published) ||
		!as[0].Published.IsZero() {
		e.t.Errorf("articles %+v", as)
	}
}

func testStatsAndSkips(e env) {
	if s := e.stats(); s.Articles != 0 || s.Events != 0 || s.First != "" || len(s.Skipped) != 0 {
		e.t.Errorf("empty store: %+v", s)
	}
	e.loadCorpus()
	res := e.writeBatch(&store.Batch{Run: store.Run{ID: "r2", Started: day0}, Skips: []store.Skip{
		{Origin: "feed.jsonl:3", Reason: "bad JSON line", Message: "unexpected end"},
		{Origin: "x.txt", Reason: "not UTF-8", Message: "byte 3"},
		{Origin: "y.txt", Reason: "not UTF-8", Message: "byte 9"},
	}})
	if res.Skipped != 3 {
		e.t.Errorf("skips: %+v", res)
	}
	// The same skip of the same run is counted once.
	if res := e.writeBatch(&store.Batch{Run: store.Run{ID: "r2", Started: day0}, Skips: []store.Skip{{Origin: "x.txt", Reason: "not UTF-8"}}}); res.Skipped != 0 {
		e.t.Errorf("skip again: %+v", res)
	}
	s := e.stats()
	want := store.Stats{Articles: 3, Copies: 4, Sentences: 6, Events: 5, Mentions: 7, Sources: 4, Runs: 2,
		Skipped: map[string]int64{"bad JSON line": 1, "not UTF-8": 2}, First: "2024-03-08", Last: "2024-06-12"}
	if fmt.Sprint(s) != fmt.Sprint(want) {
		e.t.Errorf("stats %+v\nwant %+v", s, want)
	}
}

func testRollback(e env) {
	a1, a2, _, _ := corpus()
	bad := a2
	bad.Events = []event.Event{Event(1, "CVL", "GEOLEG", "141", "not a date", "")}
	if _, err := e.st.Write(context.Background(), &store.Batch{Run: store.Run{ID: "r"}, Articles: []store.Article{a1, bad}}, writeO); err == nil {
		e.t.Fatal("bad date: no error")
	}
	if s := e.stats(); s.Articles != 0 || s.Events != 0 || s.Runs != 0 {
		e.t.Errorf("failed batch left %+v", s)
	}
	if _, err := e.st.Article(context.Background(), a1.ID); !errors.Is(err, store.ErrNotFound) {
		e.t.Errorf("failed batch left article: %v", err)
	}
	if res := e.write(a1); res.New != 1 {
		e.t.Errorf("after a failed batch: %+v", res)
	}
}

func testNearDays(e env) {
	day := time.Date(2024, 6, 11, 0, 0, 0, 0, time.UTC)
	orig := Article("https://a.example/1", "", TextA)
	orig.Published = day
	e.write(orig)
	tests := []struct {
		url     string
		days    int
		outcome string
	}{
		{"https://b.example/1", 7, "duplicate"},
		{"https://c.example/1", -6, "duplicate"},
		{"https://d.example/1", 8, "new"}, // more than 7 days apart: not looked up
	}
	for _, tt := range tests {
		a := Article(tt.url, "", strings.Replace(TextA, "would take", "will take", 1))
		a.Published = day.AddDate(0, 0, tt.days)
		res := e.write(a)
		if len(res.Outcome) != 1 || res.Outcome[0] != tt.outcome {
			e.t.Errorf("copy %d days later: %v, want %s", tt.days, res.Outcome, tt.outcome)
		}
	}
	// Exact ids only.
	a := Article("https://e.example/1", "", strings.Replace(TextA, "would take", "shall take", 1))
	a.Published = day
	res, err := e.st.Write(context.Background(), &store.Batch{Articles: []store.Article{a}}, store.WriteOptions{NearDistance: -1, Now: day0})
	if err != nil || res.New != 1 {
		e.t.Errorf("exact ids only: %+v %v", res, err)
	}
}

func testSeen(e env) {
	a1, _, a3, cp := corpus()
	e.write(a1, a3)
	ctx := context.Background()
	tests := []struct {
		name string
		a    store.Article
		seen bool
		as   string
	}{
		{"stored article", a1, true, a1.ID},
		{"undated article", a3, true, a3.ID},
		{"near-duplicate copy", cp, false, a1.ID},
		{"new text", Article("https://z.example/1", "", "Completely different words about a harvest festival held in the northern valley villages this autumn."), false, ""},
	}
	for _, tt := range tests {
		seen, id, err := e.st.Seen(ctx, tt.a.ID, tt.a.SimHash, tt.a.Words, tt.a.Published, writeO)
		if err != nil || seen != tt.seen || id != tt.as {
			e.t.Errorf("%s: seen %v as %q (%v), want %v %q", tt.name, seen, id, err, tt.seen, tt.as)
		}
	}
	e.write(cp)
	if seen, id, err := e.st.Seen(ctx, cp.ID, cp.SimHash, cp.Words, cp.Published, writeO); err != nil || !seen || id != a1.ID {
		e.t.Errorf("stored copy: seen %v as %q (%v)", seen, id, err)
	}
}

// testConcurrent runs writers and readers at once (run with -race).
func testConcurrent(e env) {
	var wg sync.WaitGroup
	for w := 0; w < 4; w++ {
		wg.Add(1)
		go func(w int) {
			defer wg.Done()
			for i := 0; i < 10; i++ {
				text := fmt.Sprintf("Writer %d article %d reports that officials met in the capital on day %d to discuss a treaty and trade.", w, i, i*7+w)
				a := Article(fmt.Sprintf("https://w%d.example/%d", w, i), "", text, Event(1, fmt.Sprintf("A%02d", w), "USA", "040", "2024-01-01", ""))
				a.Knowledge = knowledgeOf(float64(w), "TRADE")
				if _, err := e.st.Write(context.Background(), &store.Batch{Run: store.Run{ID: "c"}, Articles: []store.Article{a}}, store.WriteOptions{NearDistance: -1}); err != nil {
					e.t.Error(err)
				}
				if _, err := e.st.Stats(context.Background()); err != nil {
					e.t.Error(err)
				}
			}
		}(w)
	}
	wg.Wait()
	if s := e.stats(); s.Articles != 40 || s.Events != 4 || s.Mentions != 40 || s.Runs != 1 {
		e.t.Errorf("stats %+v", s)
	}
	if got := rows(e.t, e.st, store.Query{Aggregate: "day", Filter: store.Filter{Theme: "TRADE"}}); got != "day,events,mentions,avg_goldstein,avg_tone [2024-01-01 4 40 1 1.5]" {
		e.t.Errorf("series: %s", got)
	}
}
