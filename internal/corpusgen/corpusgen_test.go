package corpusgen

import (
	"bytes"
	"compress/gzip"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/eventwire/eventwire/internal/dedup"
	"github.com/eventwire/eventwire/internal/ingest"
	"github.com/eventwire/eventwire/internal/shareddata"
)

func TestReadConfli(t *testing.T) {
	tests := []struct {
		name, in string
		n        int
		err      string
	}{
		{"two", "Troops shelled the town.\t4\n\nThe minister said   so.\t0\n", 2, ""},
		{"no tab", "Troops shelled the town.\t4\nno class here\n", 0, "in.tsv:2: want sentence<TAB>class"},
		{"bad class", "Troops shelled the town.\t7\n", 0, "in.tsv:1: class \"7\" is not 0–4"},
		{"empty sentence", " \t1\n", 0, "in.tsv:1: empty sentence"},
		{"too long", strings.Repeat("word ", 1000) + "\t1\n", 0, "in.tsv:1: sentence of"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := ReadConfli(strings.NewReader(tt.in), "in.tsv")
			if tt.err != "" {
				if err == nil || !strings.Contains(err.Error(), tt.err) {
					t.Fatalf("error %v, want %q", err, tt.err)
				}
				return
			}
			if err != nil || len(got) != tt.n {
				t.Fatalf("%d sentences, %v", len(got), err)
			}
			if got[1].Text != "The minister said so." || got[1].Class != 0 || got[1].Origin != "in.tsv:3" {
				t.Errorf("second sentence %+v", got[1])
			}
		})
	}
}

const petrXML = `<?xml version='1.0' encoding='utf-8'?>
<Sentences>
<Sentence date="20080804" id="AFP1_4" sentence="True" source="AFP">
<Text>
The stopover came as the US leader prepared to attend the Beijing Olympics, an
event which will test his vow.
</Text>
<Parse>1	The	the	DET	DT	_	2	det	_	_
</Parse></Sentence>
<Sentence id="TEST_1"><Text>
</Text></Sentence>
<Sentence id="AFP2_1"><Text>Brazil and the United States are seeking to deepen a partnership.</Text></Sentence>
</Sentences>
`

func TestReadPetrarchXML(t *testing.T) {
	got, err := ReadPetrarchXML(strings.NewReader(petrXML), "g.xml")
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 2 {
		t.Fatalf("%d sentences, want 2 (the empty record skipped): %+v", len(got), got)
	}
	if want := "The stopover came as the US leader prepared to attend the Beijing Olympics, an event which will test his vow."; got[0].Text != want || got[0].Origin != "g.xml#AFP1_4" || got[0].Class != -1 {
		t.Errorf("first sentence %+v", got[0])
	}
	for _, bad := range []string{"<Sentences><Sentence id=\"x\"><Text>open", "<Sentences>\n<Sentence id=\"x\"><Text>a</Txt></Sentence>"} {
		if _, err := ReadPetrarchXML(strings.NewReader(bad), "bad.xml"); err == nil || !strings.HasPrefix(err.Error(), "bad.xml:") {
			t.Errorf("%q: error %v, want one naming bad.xml:line", bad, err)
		}
	}
}

func TestTopicOf(t *testing.T) {
	names := countryNames()
	codes := make([]string, 0, len(names))
	for c := range names {
		codes = append(codes, c)
	}
	sort.Strings(codes)
	tests := []struct{ text, want string }{
		{"Syrian troops shelled rebel positions near Aleppo.", "SYR"},
		{"Protesters marched in Washington against the war in Iraq, and Iraqi officials said Iraq would respond.", "IRQ"},
		{"The U.S. imposed sanctions on Iran.", "USA"},
		{"North Korea fired a missile, South Korea said.", "KOR"}, // "Korea" names both; the table's first match wins by count
		{"The weather was fine and the markets rose.", ""},
		{"Omani mediators met in Muscat.", "OMN"},
	}
	for _, tt := range tests {
		got := topicOf(tt.text, names, codes)
		if tt.want == "KOR" {
			if got != "KOR" && got != "PRK" {
				t.Errorf("%q: topic %q, want a Korea", tt.text, got)
			}
			continue
		}
		if got != tt.want {
			t.Errorf("%q: topic %q, want %q", tt.text, got, tt.want)
		}
	}
}

// testSentences are sentences written for these tests, about a few
// countries, some reporting events (class 1–4).
func testSentences() []Sentence {
	var out []Sentence
	subjects := []string{"Syrian", "Iraqi", "Kenyan", "Chilean"}
	verbs := []string{"troops shelled a village", "officials met the envoy", "police arrested protesters", "the ministry denied the report",
		"forces withdrew from the border", "the president praised the agreement", "lawmakers rejected the budget"}
	places := []string{"in the north", "near the capital", "on Monday", "after talks", "late on Friday"}
	for i, s := range subjects {
		for j, v := range verbs {
			for k, p := range places {
				out = append(out, Sentence{Text: fmt.Sprintf("%s %s %s, %d witnesses said.", s, v, p, i*100+j*10+k),
					Class: (i + j + k) % 5, Origin: fmt.Sprintf("t:%d.%d.%d", i, j, k)})
			}
		}
	}
	for i := range 30 {
		out = append(out, Sentence{Text: fmt.Sprintf("Markets moved %d points as traders waited for news from the central bank.", i), Class: 0, Origin: fmt.Sprintf("g:%d", i)})
	}
	return out
}

func generate(t *testing.T, opt Options) ([]Article, Summary) {
	t.Helper()
	var arts []Article
	sum, err := Generate(testSentences(), opt, func(a *Article) error { arts = append(arts, *a); return nil })
	if err != nil {
		t.Fatal(err)
	}
	return arts, sum
}

func TestGenerate(t *testing.T) {
	arts, sum := generate(t, Options{Articles: 400, Republished: 0.1, Edited: 0.05, Seed: 3})
	if sum.Articles != 400 || sum.Republished != 40 || sum.Edited != 20 || sum.Originals != 340 || sum.Topics != 4 {
		t.Fatalf("summary %+v", sum)
	}
	byID := map[string]*Article{}
	urls := map[string]bool{}
	sentences, bytes := 0, int64(0)
	for i := range arts {
		a := &arts[i]
		byID[a.ID] = a
		if urls[a.URL] {
			t.Errorf("%s: URL %s used twice", a.ID, a.URL)
		}
		urls[a.URL] = true
		sentences += a.Sentences
		bytes += int64(len(a.Text))
		if a.Title == "" || a.Source == "" || a.Published == "" || !strings.HasPrefix(a.URL, "https://") {
			t.Errorf("%s: incomplete %+v", a.ID, a)
		}
		switch a.Kind {
		case KindOriginal:
			if a.Sentences < 5 || a.Sentences > 25 {
				t.Errorf("%s: %d sentences", a.ID, a.Sentences)
			}
			if n := strings.Count(a.Text, "witnesses said.") + strings.Count(a.Text, "central bank."); n != a.Sentences {
				t.Errorf("%s: %d sentences in the text, %d counted", a.ID, n, a.Sentences)
			}
			if a.Topic == "" {
				t.Errorf("%s: no topic", a.ID)
			}
		case KindRepublished, KindEdited:
			o := byID[a.CopyOf]
			if o == nil || o.Kind != KindOriginal {
				t.Fatalf("%s: copy of %q, which is not an earlier original", a.ID, a.CopyOf)
			}
			if a.Source == o.Source || a.Published < o.Published {
				t.Errorf("%s: copy from %s on %s of %s from %s on %s", a.ID, a.Source, a.Published, o.ID, o.Source, o.Published)
			}
			if a.Kind == KindRepublished && (a.Text != o.Text || len(a.Edits) != 0) {
				t.Errorf("%s: re-published text differs", a.ID)
			}
			if a.Kind == KindEdited {
				if a.Text == o.Text || !strings.HasPrefix(a.Text, "("+a.Source+") - ") || len(a.Edits) < 2 {
					t.Errorf("%s: edited copy %q with edits %v", a.ID, a.Text, a.Edits)
				}
				h1, _ := dedup.SimHash(o.Text)
				h2, _ := dedup.SimHash(a.Text)
				if d := dedup.Distance(h1, h2); d > 20 {
					t.Errorf("%s: edited copy %d bits from its original: not a light edit (%v)", a.ID, d, a.Edits)
				}
			}
		default:
			t.Errorf("%s: kind %q", a.ID, a.Kind)
		}
	}
	if sentences != sum.Sentences || bytes != sum.TextBytes {
		t.Errorf("summary counts %d sentences, %d bytes; the articles %d, %d", sum.Sentences, sum.TextBytes, sentences, bytes)
	}
	if arts[0].Published != "2024-01-01" || arts[len(arts)-1].Published < "2024-12-01" {
		t.Errorf("dates from %s to %s, want the year 2024", arts[0].Published, arts[len(arts)-1].Published)
	}

	// Deterministic for a seed, different for another.
	again, _ := generate(t, Options{Articles: 400, Republished: 0.1, Edited: 0.05, Seed: 3})
	other, _ := generate(t, Options{Articles: 400, Republished: 0.1, Edited: 0.05, Seed: 4})
	if fmt.Sprint(again) != fmt.Sprint(arts) {
		t.Error("the same seed gave another corpus")
	}
	if fmt.Sprint(other) == fmt.Sprint(arts) {
		t.Error("another seed gave the same corpus")
	}
}

func TestNoCopies(t *testing.T) {
	_, sum := generate(t, Options{Articles: 30})
	if sum.Originals != 30 || sum.Republished+sum.Edited != 0 {
		t.Errorf("zero fractions gave %+v", sum)
	}
}

func TestOptionsErrors(t *testing.T) {
	for _, opt := range []Options{{Articles: -1}, {Republished: 0.6, Edited: 0.5}, {MinSentences: 9, MaxSentences: 3}, {Days: -2}} {
		if _, err := Generate(testSentences(), opt, func(*Article) error { return nil }); err == nil {
			t.Errorf("%+v accepted", opt)
		}
	}
	if _, err := Generate(nil, Options{}, func(*Article) error { return nil }); err == nil {
		t.Error("no sentences accepted")
	}
}

func TestWriteJSONL(t *testing.T) {
	var buf bytes.Buffer
	sum, err := WriteJSONL(&buf, testSentences(), Options{Articles: 50, Seed: 1, Edited: 0.1})
	if err != nil {
		t.Fatal(err)
	}
	zr, err := gzip.NewReader(&buf)
	if err != nil {
		t.Fatal(err)
	}
	dec := json.NewDecoder(zr)
	n := 0
	for dec.More() {
		var m map[string]any
		if err := dec.Decode(&m); err != nil {
			t.Fatal(err)
		}
		for _, k := range []string{"id", "title", "url", "source", "published", "text", "kind"} {
			if _, ok := m[k]; !ok {
				t.Errorf("line %d lacks %q", n+1, k)
			}
		}
		n++
	}
	if n != sum.Articles || n != 50 {
		t.Errorf("%d lines, summary %d", n, sum.Articles)
	}
}

// TestSharedCorpus builds a corpus from the real shared sentences and
// checks the properties the throughput measurement relies on: the
// sentences fall into many country topics, light edits mostly stay near
// their original while distinct originals stay far apart.
func TestSharedCorpus(t *testing.T) {
	dir := shareddata.Dir(t)
	var sents []Sentence
	for _, in := range []struct {
		path string
		read func(r *os.File, name string) ([]Sentence, error)
	}{
		{filepath.Join(dir, "confli", "cameo_class.train.tsv"), func(r *os.File, n string) ([]Sentence, error) { return ReadConfli(r, n) }},
		{filepath.Join(dir, "petrarch", "text", "GigaWord.sample.PETR_parsed.xml"), func(r *os.File, n string) ([]Sentence, error) { return ReadPetrarchXML(r, n) }},
	} {
		f, err := os.Open(in.path)
		if err != nil {
			t.Fatal(err)
		}
		ss, err := in.read(f, in.path)
		f.Close()
		if err != nil {
			t.Fatal(err)
		}
		sents = append(sents, ss...)
	}
	if len(sents) < 1400 {
		t.Fatalf("%d shared sentences, want the 1,348 ConfliBERT and 70-odd GigaWord ones", len(sents))
	}
	var arts []Article
	sum, err := Generate(sents, Options{Articles: 2000, Republished: 0.05, Edited: 0.05, Seed: 1}, func(a *Article) error { arts = append(arts, *a); return nil })
	if err != nil {
		t.Fatal(err)
	}
	hashes := map[string]uint64{}
	near, editedNear := 0, 0
	var origs []string
	for _, a := range arts {
		h, _ := dedup.SimHash(a.Text)
		hashes[a.ID] = h
		switch a.Kind {
		case KindOriginal:
			origs = append(origs, a.ID)
		case KindEdited:
			if dedup.Distance(h, hashes[a.CopyOf]) <= dedup.DefaultDistance {
				editedNear++
			}
		}
	}
	// Originals published within a week of each other that SimHash would
	// take for copies: each original against the 200 before it.
	for i, id := range origs {
		for _, prev := range origs[max(0, i-200):i] {
			if dedup.Distance(hashes[id], hashes[prev]) <= dedup.DefaultDistance {
				near++
			}
		}
	}
	t.Logf("%s; %d of %d edited copies within %d bits of their original; %d pairs of near originals",
		sum, editedNear, sum.Edited, dedup.DefaultDistance, near)
	if sum.Topics < 40 {
		t.Errorf("%d country topics, want the 50-odd countries the shared sentences name often", sum.Topics)
	}
	if editedNear < sum.Edited/2 {
		t.Errorf("only %d of %d edited copies are near their original: the edits are not light", editedNear, sum.Edited)
	}
	if near > sum.Originals/1000 {
		t.Errorf("%d pairs of distinct originals are SimHash near duplicates", near)
	}
}

// TestIngestReadsCorpus: every generated line is a document for the
// ingest JSON Lines reader, with its title, URL, source and date.
func TestIngestReadsCorpus(t *testing.T) {
	var buf bytes.Buffer
	if _, err := WriteJSONL(&buf, testSentences(), Options{Articles: 60, Republished: 0.1, Edited: 0.1, Seed: 2}); err != nil {
		t.Fatal(err)
	}
	zr, err := gzip.NewReader(&buf)
	if err != nil {
		t.Fatal(err)
	}
	r := ingest.NewJSONLReader(zr, "corpus.jsonl")
	n := 0
	for {
		doc, err := r.Next()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatal(err)
		}
		n++
		if doc.ID != fmt.Sprintf("cg%06d", n-1) || doc.Title == "" || doc.URL == "" || doc.Source == "" || doc.Date.Year() != 2024 || doc.Text == "" {
			t.Errorf("document %d: %+v", n, doc)
		}
	}
	if n != 60 {
		t.Errorf("%d documents, want 60", n)
	}
}
