package gkg

import (
	"reflect"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/eventwire/eventwire/internal/dict"
	"github.com/eventwire/eventwire/internal/ingest"
	"github.com/eventwire/eventwire/internal/nlp"
)

func TestEntities(t *testing.T) {
	tests := []struct {
		text string
		want []string // "type:text" or "type:text=>canonical"
	}{
		{"President Emmanuel Macron met the Ministry of Foreign Affairs in Paris on Monday.",
			[]string{"person:Emmanuel Macron", "organization:Ministry of Foreign Affairs", "location:Paris"}},
		{"The Senate of the French Republic adopted a resolution. The French Senate said it was final.",
			[]string{"organization:Senate of the French Republic", "organization:French Senate=>Senate of the French Republic"}},
		{"John Smith arrived in Berlin. Smith said the talks had failed.",
			[]string{"person:John Smith", "location:Berlin", "person:Smith=>John Smith"}},
		{"Syrian President Bashar Assad met US Deputy Secretary of Energy Jeffrey Kupfer in Damascus.",
			[]string{"person:Bashar Assad", "person:Jeffrey Kupfer", "location:Damascus"}},
		{"Activists of Free Tibet marched.", []string{"other:Free Tibet"}},
		{"Officials of the UN visited the Armenian community in Marseille.",
			[]string{"organization:UN", "location:Marseille"}},
	}
	for _, tc := range tests {
		r := extractText(t, tc.text)
		var got []string
		for _, e := range r.Entities {
			s := e.Type + ":" + e.Text
			if e.Canonical != e.Text {
				s += "=>" + e.Canonical
			}
			got = append(got, s)
		}
		for _, w := range tc.want {
			if !slices.Contains(got, w) {
				t.Errorf("%q: want %s, got %v", tc.text, w, got)
			}
		}
		for _, g := range got {
			if strings.HasSuffix(g, ":Armenian") || strings.HasSuffix(g, ":Monday") {
				t.Errorf("%q: %s is not a name", tc.text, g)
			}
		}
	}
}

func TestCounts(t *testing.T) {
	tests := []struct {
		text string
		want string // "TYPE number object place", "" for no count
	}{
		{"More than 1.5 million people were killed in Algeria.", "KILL 1500000 people Algeria"},
		{"Police arrested 25 protesters in Cairo on Friday.", "ARREST 25 protesters Cairo"},
		{"Gunmen kidnapped three aid workers near Kandahar.", "KIDNAP 3 aid workers Kandahār"},
		{"At least 12 soldiers were wounded in the attack.", "WOUND 12 soldiers "},
		{"Thousands of people were displaced by the floods.", ""}, // no number
		{"The army seized 40 tons of weapons.", "SEIZE 40 tons "},
		{"It is one of the bitter truths of the war.", ""},
		{"The bombing in Baghdad left at least 12 dead.", "KILL 12  Baghdad"},
		{"The ministry spent 300 million dollars on roads.", ""},
	}
	for _, tc := range tests {
		r := extractText(t, tc.text)
		var got []string
		for _, c := range r.Counts {
			place := ""
			if c.Geo != nil {
				place = strings.Split(c.Geo.FullName, ",")[0]
			}
			got = append(got, c.Type+" "+itoa(c.Number)+" "+c.Object+" "+place)
		}
		if tc.want == "" {
			if len(got) > 0 {
				t.Errorf("%q: want no count, got %v", tc.text, got)
			}
			continue
		}
		if !slices.Contains(got, tc.want) {
			t.Errorf("%q: want %q, got %q", tc.text, tc.want, got)
		}
	}
}

func TestAmounts(t *testing.T) {
	tests := []struct {
		text string
		want string
	}{
		{"The ministry spent 300 million dollars on roads.", "300000000 dollars"},
		{"The bank lent $2.5 billion to the government.", "2500000000 dollars"},
		{"Some 20,000 combat soldiers crossed the border.", "20000 combat soldiers"},
		{"Prices rose 5 percent in March.", ""},
	}
	for _, tc := range tests {
		r := extractText(t, tc.text)
		var got []string
		for _, a := range r.Amounts {
			got = append(got, ftoa(a.Value)+" "+a.Object)
		}
		if tc.want == "" {
			if len(got) > 0 {
				t.Errorf("%q: want no amount, got %v", tc.text, got)
			}
			continue
		}
		if !slices.Contains(got, tc.want) {
			t.Errorf("%q: want %q, got %q", tc.text, tc.want, got)
		}
	}
}

func TestThemes(t *testing.T) {
	tests := []struct {
		text string
		want []string
	}{
		{"Protesters denounced the occupation and the genocide.", []string{"PROTEST", "OCCUPATION", "GENOCIDE"}},
		{"The EU imposed sanctions after the election.", []string{"SANCTIONS", "ELECTION"}},
		{"Leaders condemned the Islamophobic and Russophobic attacks.", []string{"DISCRIMINATION_RELIGION_ISLAMOPHOBIC", "DISCRIMINATION_ETHNIC"}},
		{"The weather was pleasant.", nil},
	}
	for _, tc := range tests {
		r := extractText(t, tc.text)
		var got []string
		for _, th := range r.Themes {
			got = append(got, th.Theme)
			if th.Offset < 0 || !strings.EqualFold(tc.text[th.Offset:th.Offset+len(th.Text)], th.Text) {
				t.Errorf("%q: theme %s at %d does not point at %q", tc.text, th.Theme, th.Offset, th.Text)
			}
		}
		for _, w := range tc.want {
			if !slices.Contains(got, w) {
				t.Errorf("%q: want theme %s, got %v", tc.text, w, got)
			}
		}
		if tc.want == nil && len(got) > 0 {
			t.Errorf("%q: want no theme, got %v", tc.text, got)
		}
	}
}

func TestQuotations(t *testing.T) {
	tests := []struct {
		text                 string
		quote, verb, speaker string // quote "" for none
	}{
		{`The minister said: "We will never accept this decision of the court."`,
			"We will never accept this decision of the court.", "said", "The minister"},
		{`"The talks have failed and we are leaving," the envoy told reporters.`,
			"The talks have failed and we are leaving,", "told", "the envoy"},
		{`Emmanuel Macron arrived in Berlin. "We must stand together against this war," he said.`,
			"We must stand together against this war,", "said", "Emmanuel Macron"},
		{`France calls itself the "cradle of democracy" in Europe.`, "", "", ""},
	}
	for _, tc := range tests {
		r := extractText(t, tc.text)
		if tc.quote == "" {
			if len(r.Quotations) > 0 {
				t.Errorf("%q: want no quotation, got %+v", tc.text, r.Quotations)
			}
			continue
		}
		if len(r.Quotations) != 1 {
			t.Errorf("%q: want one quotation, got %+v", tc.text, r.Quotations)
			continue
		}
		q := r.Quotations[0]
		if q.Quote != tc.quote || q.Verb != tc.verb || q.Speaker != tc.speaker {
			t.Errorf("%q: got quote %q verb %q speaker %q", tc.text, q.Quote, q.Verb, q.Speaker)
		}
		if tc.text[q.Offset:q.Offset+q.Length] != tc.quote {
			t.Errorf("%q: offset %d length %d give %q", tc.text, q.Offset, q.Length, tc.text[q.Offset:q.Offset+q.Length])
		}
	}
}

func TestFindQuotes(t *testing.T) {
	tests := []struct {
		text string
		want []string
	}{
		{`a "b c" d`, []string{"b c"}},
		{`a “b” and “c d”`, []string{"b", "c d"}},
		{`the "Friendship" signed. and cooperation" contradicts`, []string{"Friendship"}},
		{`that "we call on you.` + "\n\n" + `We invite you."`, []string{"we call on you.\n\nWe invite you."}},
		{`"x`, nil},
		{`x"`, nil},
	}
	for _, tc := range tests {
		var got []string
		for _, q := range findQuotes(tc.text) {
			got = append(got, tc.text[q.start:q.end])
		}
		if !slices.Equal(got, tc.want) {
			t.Errorf("%q: got %q, want %q", tc.text, got, tc.want)
		}
	}
}

func TestParseNumber(t *testing.T) {
	tests := []struct {
		in   string
		want float64
		ok   bool
	}{
		{"1.5", 1.5, true}, {"1,500,000", 1500000, true}, {"twelve", 12, true}, {"12a", 0, false},
		{"people", 0, false}, {"", 0, false},
	}
	for _, tc := range tests {
		got, ok := parseNumber(tc.in)
		if got != tc.want || ok != tc.ok {
			t.Errorf("parseNumber(%q) = %v, %v; want %v, %v", tc.in, got, ok, tc.want, tc.ok)
		}
	}
}

// words builds a sentence of forms with the given tags (no tree).
func words(forms, upos string) nlp.Sentence {
	var s nlp.Sentence
	tags := strings.Fields(upos)
	off := 0
	for i, f := range strings.Fields(forms) {
		s.Words = append(s.Words, nlp.Word{ID: i + 1, Form: f, Lemma: strings.ToLower(f), UPOS: tags[i], Start: off, End: off + len(f)})
		off += len(f) + 1
	}
	return s
}

func TestSentenceTone(t *testing.T) {
	x, err := New(Options{})
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		forms, upos   string
		pos, neg, prn int
		words, verbs  int
	}{
		{"We love this good plan .", "PRON VERB DET ADJ NOUN PUNCT", 2, 0, 1, 5, 1},
		{"They did not help the victims", "PRON AUX PART VERB DET NOUN", 0, 2, 1, 6, 1}, // "not help" flips; victim is negative
		{"The attack killed civilians", "DET NOUN VERB NOUN", 0, 2, 0, 4, 1},
		{"A table", "DET NOUN", 0, 0, 0, 2, 0},
		{"They were fed up", "PRON AUX VERB ADP", 0, 1, 1, 4, 1},                   // the phrase "fed up" is one negative of two words
		{"The authorities prevent it", "DET NOUN VERB PRON", 0, 0, 0, 4, 1},        // VADER means 0.3 and 0.1: neutral
		{"Never a good deal , never", "ADV DET ADJ NOUN PUNCT ADV", 0, 1, 0, 5, 0}, // the negator flips "good"
	}
	sc := x.NewScratch()
	for _, tc := range tests {
		s := words(tc.forms, tc.upos)
		c := x.sentenceTone(sc, &s)
		if c.pos != tc.pos || c.neg != tc.neg || c.pronouns != tc.prn || c.words != tc.words || c.verbs != tc.verbs {
			t.Errorf("%q: got %+v", tc.forms, c)
		}
	}
	tone := toneCounts{words: 200, pos: 6, neg: 10, verbs: 20, pronouns: 4}.tone()
	want := Tone{Tone: -2, Positive: 3, Negative: 5, Polarity: 8, Activity: 10, SelfGroup: 2, WordCount: 200}
	if tone != want {
		t.Errorf("tone figures: got %+v, want %+v", tone, want)
	}
}

func TestLinkShortForms(t *testing.T) {
	tests := []struct {
		full, short string
		typ         string
		linked      bool
	}{
		{"Senate of the French Republic", "Senate", Organization, true},
		{"Senate of the French Republic", "French Senate", Organization, true},
		{"Senate of the French Republic", "Italian Senate", Organization, false},
		{"John Smith", "Smith", Person, true},
		{"John Smith", "Jones", Person, false},
	}
	for _, tc := range tests {
		r := Record{Entities: []Entity{
			{Text: tc.full, Canonical: tc.full, Type: tc.typ},
			{Text: tc.short, Canonical: tc.short, Type: OtherName},
		}}
		(&Extractor{}).linkShortForms(&r)
		got := r.Entities[1].Canonical == tc.full
		if got != tc.linked {
			t.Errorf("%q after %q: linked %v, want %v", tc.short, tc.full, got, tc.linked)
		}
	}
}

// TestConcurrentExtract extracts one article from several goroutines, each
// with its own Scratch, and expects identical records (run with -race).
func TestConcurrentExtract(t *testing.T) {
	an, x := setup(t)
	text := "More than 200 people were killed in Algeria. President John Smith said: \"We will never accept this decision of the court.\" Smith met the Ministry of Defence in Paris."
	res := an.NewWorker().Analyze(ingest.Document{ID: "c", Text: text, Date: testDate})
	a := Article{DocID: "c", Date: testDate, Doc: &res.Parsed, Events: res.Events}
	want := x.Extract(nil, a)
	got := make([]Record, 4)
	var wg sync.WaitGroup
	for i := range got {
		wg.Add(1)
		go func() {
			defer wg.Done()
			sc := x.NewScratch()
			for range 3 {
				got[i] = x.Extract(sc, a)
			}
		}()
	}
	wg.Wait()
	for i := range got {
		if !reflect.DeepEqual(got[i], want) {
			t.Errorf("goroutine %d: record differs", i)
		}
	}
}

// TestAgentCodes gives organisations and speakers the code of a dictionary
// role noun, combined with the country named in the organisation's name.
func TestAgentCodes(t *testing.T) {
	an, x0 := setup(t)
	set := &dict.Set{Agents: []dict.Agent{
		{Names: []dict.Phrase{{{Text: "senate"}}}, Code: "LEG", Place: dict.AgentSuffix},
		{Names: []dict.Phrase{{{Text: "ngo"}}}, Code: "NGO", Place: dict.AgentAlone},
	}}
	set.Build()
	x, err := New(Options{Gazetteer: x0.opt.Gazetteer, Dict: set})
	if err != nil {
		t.Fatal(err)
	}
	text := "The Senate of the French Republic adopted a resolution. A statement was accepted on behalf of the NGO representatives. The statement states that \"we call on the French parliament to act now.\""
	res := an.NewWorker().Analyze(ingest.Document{ID: "a", Text: text, Date: testDate})
	r := x.Extract(nil, Article{DocID: "a", Date: testDate, Doc: &res.Parsed})
	found := false
	for _, e := range r.Entities {
		if e.Text == "Senate of the French Republic" {
			found = true
			if e.Actor != "FRALEG" {
				t.Errorf("%s: actor %q, want FRALEG", e.Text, e.Actor)
			}
		}
	}
	if !found {
		t.Errorf("no Senate of the French Republic in %+v", r.Entities)
	}
	if len(r.Quotations) != 1 || r.Quotations[0].Speaker != "the NGO representatives" || r.Quotations[0].Actor != "NGO" {
		t.Errorf("quotations: got %+v", r.Quotations)
	}
}
