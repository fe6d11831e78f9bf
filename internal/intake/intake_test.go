package intake

import (
	"context"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/eventwire/eventwire/internal/analyze"
	"github.com/eventwire/eventwire/internal/event"
	"github.com/eventwire/eventwire/internal/ingest"
	"github.com/eventwire/eventwire/internal/nlp"
	"github.com/eventwire/eventwire/internal/store"
	"github.com/eventwire/eventwire/internal/store/sqlite"
)

// toyAnalyze stands in for the language pipeline: one sentence per ". ",
// and a sentence with "met" is a CAMEO 040 event between ARM and AZE. A
// text containing "PANIC" makes it panic, as a parser bug would.
func toyAnalyze() Analyze {
	return func(doc ingest.Document) analyze.Result {
		if strings.Contains(doc.Text, "PANIC") {
			panic("index out of range in the toy parser")
		}
		r := analyze.Result{Doc: doc, Date: doc.Date}
		start := 0
		for n := 1; start < len(doc.Text); n++ {
			end := strings.Index(doc.Text[start:], ". ")
			if end < 0 {
				end = len(doc.Text)
			} else {
				end += start + 1
			}
			s := doc.Text[start:end]
			r.Parsed.Sentences = append(r.Parsed.Sentences, nlp.Sentence{Text: s, Start: start, End: end})
			if strings.Contains(s, " met ") {
				r.Events = append(r.Events, event.Event{DocID: "toy", Sentence: n, Text: s, Source: "ARM", Target: "AZE",
					Code: "040", Root: "04", Base: "040", QuadClass: 1, Goldstein: 1, Date: "2024-03-01", Rule: "toy:1"})
			}
			start = end + 1
		}
		return r
	}
}

func newStage(t *testing.T) *Stage {
	t.Helper()
	st, err := sqlite.Open(context.Background(), filepath.Join(t.TempDir(), "ew.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	return &Stage{Store: st, Options: store.WriteOptions{Now: time.Date(2024, 3, 2, 0, 0, 0, 0, time.UTC)}, NewAnalyze: toyAnalyze}
}

const text = "Armenia met Azerbaijan in Brussels on Friday. The talks on the border went on for hours and ended late. " +
	"Officials of both sides said more meetings would follow in the coming weeks in the capital."

func doc(url, text string) ingest.Document {
	return ingest.Document{URL: url, Text: text, Source: "Example News", Date: time.Date(2024, 3, 1, 0, 0, 0, 0, time.UTC)}
}

// TestStage drives documents through the stage in turn on one store, as
// its drivers do: look-up, analysis when needed, write.
func TestStage(t *testing.T) {
	s := newStage(t)
	ctx := context.Background()
	tests := []struct {
		name        string
		doc         ingest.Document
		skipLookup  bool // write unanalysed whatever the look-up says
		need        bool // NeedsAnalysis
		want        Outcome
		reanalysed  int
		mentions    int // new mentions
		errContains string
	}{
		{name: "new", doc: doc("https://a.example/1", text), need: true, want: New, mentions: 1},
		{name: "again", doc: doc("https://a.example/1", text), want: Already},
		{name: "copy under another URL", doc: doc("https://b.example/1", text), want: Duplicate, mentions: 1},
		// Taken for a copy but stored unanalysed with none to be a copy
		// of: the stage analyses it and writes it again.
		{name: "unknown", doc: doc("https://c.example/2", strings.Replace(text, "Brussels", "Geneva", 1)+" Another sentence here. Yet one more."),
			skipLookup: true, need: true, want: New, reanalysed: 1, mentions: 1},
		{name: "unknown that panics", doc: doc("https://d.example/3", "PANIC in the parser. Rivers, bridges and markets of the north are the subject of this other report."), skipLookup: true, need: true,
			errContains: "analysing: panic: index out of range"},
	}
	z := s.NewAnalyzer()
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			a := Article(tc.doc, "test")
			need, err := s.NeedsAnalysis(ctx, &a)
			if err != nil {
				t.Fatal(err)
			}
			if need != tc.need {
				t.Errorf("NeedsAnalysis: %v, want %v", need, tc.need)
			}
			if need && !tc.skipLookup {
				if err := z.Analyze(&a, tc.doc); err != nil {
					t.Fatal(err)
				}
			}
			res, err := s.Write(ctx, &store.Batch{Run: store.Run{ID: "t"}, Articles: []store.Article{a}})
			if tc.errContains != "" {
				if err == nil || !strings.Contains(err.Error(), tc.errContains) {
					t.Fatalf("Write: %v, want an error with %q", err, tc.errContains)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if len(res.Outcomes) != 1 || res.Outcomes[0] != tc.want || res.Reanalysed != tc.reanalysed || res.Unknown != 0 || res.Mentions != tc.mentions {
				t.Errorf("Write: outcomes %v, reanalysed %d, unknown %d, mentions %d; want [%s], %d, 0, %d",
					res.Outcomes, res.Reanalysed, res.Unknown, res.Mentions, tc.want, tc.reanalysed, tc.mentions)
			}
			if tc.want == New {
				v, err := s.Store.Article(ctx, a.ID)
				if err != nil {
					t.Fatal(err)
				}
				if len(v.Events) != 1 || v.Events[0].Event.DocID != a.ID {
					t.Errorf("stored article: %d events, want 1 with the article id as document id", len(v.Events))
				}
			}
		})
	}
}

// TestAnalyzePanic: a panic of the analysis is the document's error.
func TestAnalyzePanic(t *testing.T) {
	s := newStage(t)
	a := Article(doc("https://a.example/p", "PANIC now."), "test")
	err := s.NewAnalyzer().Analyze(&a, doc("https://a.example/p", "PANIC now."))
	if err == nil || !strings.Contains(err.Error(), "analysing: panic: index out of range") || a.Analyzed {
		t.Errorf("Analyze: %v, analysed %v; want the panic as error, not analysed", err, a.Analyzed)
	}
}

func TestOutcomeString(t *testing.T) {
	for _, tc := range []struct {
		o    Outcome
		want string
	}{{New, "new"}, {Duplicate, "duplicate"}, {Already, "already"}, {0, "outcome(0)"}} {
		if got := tc.o.String(); got != tc.want {
			t.Errorf("%d: %q, want %q", tc.o, got, tc.want)
		}
		if tc.o != 0 {
			if o, err := outcome(tc.want); err != nil || o != tc.o {
				t.Errorf("outcome(%q) = %v, %v", tc.want, o, err)
			}
		}
	}
	if _, err := outcome("unknown"); err == nil {
		t.Error(`outcome("unknown"): no error`)
	}
}

// TestSentenceRanges: offsets from the parser, else found in the text.
func TestSentenceRanges(t *testing.T) {
	text := "One two. Three four. Five."
	tests := []struct {
		name string
		ss   []nlp.Sentence
		want []store.Sentence
	}{
		{"offsets", []nlp.Sentence{{Start: 0, End: 8}, {Start: 9, End: 20}}, []store.Sentence{{Start: 0, End: 8}, {Start: 9, End: 20}}},
		{"found", []nlp.Sentence{{Text: "One two.", Start: -1}, {Text: "Five.", Start: -1}}, []store.Sentence{{Start: 0, End: 8}, {Start: 21, End: 26}}},
		{"missing", []nlp.Sentence{{Text: "One two.", Start: -1}, {Text: "Six.", Start: -1}}, []store.Sentence{{Start: 0, End: 8}, {Start: 8, End: 8}}},
	}
	for _, tc := range tests {
		got := sentenceRanges(text, tc.ss)
		if len(got) != len(tc.want) {
			t.Fatalf("%s: %v, want %v", tc.name, got, tc.want)
		}
		for i := range got {
			if got[i] != tc.want[i] {
				t.Errorf("%s: %v, want %v", tc.name, got, tc.want)
				break
			}
		}
	}
}
