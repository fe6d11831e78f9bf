package coder

import (
	"errors"
	"io"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/eventwire/eventwire/internal/dict"
	"github.com/eventwire/eventwire/internal/dict/builtin"
	"github.com/eventwire/eventwire/internal/dict/petrarch"
	"github.com/eventwire/eventwire/internal/event"
	"github.com/eventwire/eventwire/internal/nlp"
	"github.com/eventwire/eventwire/internal/shareddata"
)

// TestPatternPrefilter checks which patterns the prefilter lets through for
// a small PETRARCH verb block and one sentence.
func TestPatternPrefilter(t *testing.T) {
	const verbs = `&CURRENCY
+DOLLAR
+&COINWORDS

&COINWORDS
+GOLD_COINS

--- GIVE [070] ---
GIVE
- * AID [070]
- * (TO +) MONEY [071]
- SECRETLY * &CURRENCY [072]
- * {MILITARY HELP} [073]
- * $ [074]
- * HOSPITAL [075]
`
	set, err := petrarch.ReadVerbs(strings.NewReader(verbs), "v.txt")
	if err != nil {
		t.Fatal(err)
	}
	set.Build()
	c, err := New(set, Options{})
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		sentence string // words, lemma = form
		want     []int  // the patterns that may match
	}{
		{"Arnor gave aid to Gondor", []int{0, 4}},
		{"Arnor gave money to Gondor", []int{1, 4}},
		{"Arnor secretly gave dollars", []int{4}},             // "dollars" is no member, "dollar" is
		{"Arnor secretly gave dollar", []int{2, 4}},           // a member word
		{"Arnor secretly gave gold coins", []int{2, 4}},       // the first word of a nested synset's member
		{"Arnor gave military aid", []int{0, 4}},              // {MILITARY HELP} needs both
		{"Arnor gave military help hospital", []int{3, 4, 5}}, // with no order: matchPattern checks it
	}
	for _, tt := range tests {
		var s nlp.Sentence
		for i, w := range strings.Fields(tt.sentence) {
			s.Words = append(s.Words, nlp.Word{ID: i + 1, Form: w, Lemma: strings.ToLower(w), UPOS: "X"})
		}
		sc := c.NewScratch()
		sc.prepare(&s)
		c.patterns.sentenceWords(sc)
		var got []int
		for pi := range set.Verbs[0].Patterns {
			if c.patterns.mayMatch(sc, 0, pi) {
				got = append(got, pi)
			}
		}
		if !reflect.DeepEqual(got, tt.want) {
			t.Errorf("%q: patterns %v may match, want %v", tt.sentence, got, tt.want)
		}
	}
}

// sharedSets loads the Phoenix (with CAMEO.2.0 verbs) and the built-in
// dictionaries, and reads treebank sentences (documents of eight) and the
// parses of the PETRARCH validation records (one sentence each).
func sharedSets(t *testing.T) (phoenix, built *dict.Set, docs []nlp.Document) {
	ud := shareddata.Dir(t, "ud")
	pd := shareddata.Dir(t, "petrarch", "dictionaries")
	var paths []string
	for _, n := range []string{"CAMEO.2.0.txt", "Phoenix.Countries.actors.txt", "Phoenix.International.actors.txt",
		"Phoenix.MilNonState.actors.txt", "Phoenix.agents.txt", "Phoenix.discards.txt"} {
		paths = append(paths, filepath.Join(pd, n))
	}
	phoenix, err := petrarch.LoadFiles(paths...)
	var bad petrarch.Errors
	if err != nil && !errors.As(err, &bad) {
		t.Fatal(err) // the Phoenix files' bad lines are reported, the rest is used
	}
	phoenix.Build()
	if built, err = builtin.Set(); err != nil {
		t.Fatal(err)
	}
	for _, f := range []string{"en_ewt/en_ewt-ud-dev.conllu", "en_gum_ccby/en_gum-ccby-dev.conllu"} {
		docs = append(docs, readDocs(t, filepath.Join(ud, f), 8)...)
	}
	for _, f := range []string{"PETR2_GSR_validation.xml", "PETR.UnitTest.records.parsing_parsed_udpipe_2.0.xml",
		"PETR.UnitTest.records.parsing_parsed_udpipe_petr1.xml"} {
		docs = append(docs, recordDocs(t, filepath.Join(pd, "..", "text", f))...)
	}
	return phoenix, built, docs
}

// TestActorCandidates checks that the phrases the second-word index leaves
// out (dict.Set.ActorsStartingWith with nextWords) are phrases phraseAt
// does not match, at every word of the shared sentences.
func TestActorCandidates(t *testing.T) {
	phoenix, built, docs := sharedSets(t)
	for _, set := range []*dict.Set{phoenix, built} {
		c, err := New(set, Options{})
		if err != nil {
			t.Fatal(err)
		}
		sc := c.NewScratch()
		matched, fewer := 0, 0
		for i := range docs {
			for j := range docs[i].Sentences {
				sc.prepare(&docs[i].Sentences[j])
				for k := range sc.low {
					for _, agents := range []bool{false, true} {
						all, got := set.ActorsStarting(sc.low[k], nil), set.ActorsStartingWith(sc.low[k], sc.nextWords(k), nil)
						phrase := func(r dict.PhraseRef) dict.Phrase { return set.Actors[r.Entry].Names[r.Name] }
						if agents {
							all, got = set.AgentsStarting(sc.low[k], nil), set.AgentsStartingWith(sc.low[k], sc.nextWords(k), nil)
							phrase = func(r dict.PhraseRef) dict.Phrase { return set.Agents[r.Entry].Names[r.Name] }
						}
						if len(got) < len(all) {
							fewer++
						}
						for _, r := range all {
							if sc.phraseAt(phrase(r), k) == 0 {
								continue
							}
							matched++
							if !slices.Contains(got, r) {
								t.Fatalf("%s: %q at word %d matches %v, which the index leaves out", docs[i].ID, sc.text(), k+1, phrase(r))
							}
						}
					}
				}
			}
		}
		t.Logf("%d phrases matched, %d lookups narrowed", matched, fewer)
		if matched == 0 || set == phoenix && fewer == 0 {
			t.Errorf("nothing matched or narrowed: the test says nothing")
		}
	}
}

// TestPatternPrefilterSameEvents codes treebank sentences with the Phoenix
// and the built-in dictionaries, with and without the pattern prefilter
// (patterns and synset positions): the events must be the same.
func TestPatternPrefilterSameEvents(t *testing.T) {
	phoenix, built, docs := sharedSets(t)
	for _, tt := range []struct {
		name string
		set  *dict.Set
		opt  Options
	}{
		{"phoenix", phoenix, Options{Negation: NegationTransform, NullActors: true, Literal: true}},
		{"builtin", built, Options{}},
	} {
		c, err := New(tt.set, tt.opt)
		if err != nil {
			t.Fatal(err)
		}
		all := *c
		px := *c.patterns
		px.off = true // every pattern and synset position tried
		all.patterns = &px
		sc, scAll := c.NewScratch(), all.NewScratch()
		var got, want []event.Event
		n := 0
		for i := range docs {
			d := Doc{ID: docs[i].ID, Date: 20080801}
			got = c.CodeDocument(sc, d, &docs[i], got[:0])
			want = all.CodeDocument(scAll, d, &docs[i], want[:0])
			if !reflect.DeepEqual(got, want) {
				t.Fatalf("%s: document %s: with the prefilter\n%+v\nwithout\n%+v", tt.name, d.ID, got, want)
			}
			n += len(got)
		}
		t.Logf("%s: %d documents, %d events, the same", tt.name, len(docs), n)
		if n == 0 {
			t.Errorf("%s: no events coded: the comparison says nothing", tt.name)
		}
	}
}

// recordDocs reads the <Parse> of each record of a PETRARCH validation
// file as a document of one sentence.
func recordDocs(t *testing.T, path string) []nlp.Document {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var docs []nlp.Document
	for rest := string(b); ; {
		i := strings.Index(rest, "<Parse>")
		if i < 0 {
			break
		}
		rest = rest[i+len("<Parse>"):]
		j := strings.Index(rest, "</Parse>")
		if j < 0 {
			break
		}
		r := nlp.NewConlluReader(strings.NewReader(strings.TrimSpace(rest[:j])+"\n"), filepath.Base(path))
		if s, err := r.Next(); err == nil {
			docs = append(docs, nlp.Document{ID: filepath.Base(path), Sentences: []nlp.Sentence{*s}})
		}
		rest = rest[j:]
	}
	if len(docs) < 70 {
		t.Fatalf("%s: %d parses read", path, len(docs))
	}
	return docs
}

// readDocs reads a CoNLL-U file into documents of size sentences each.
func readDocs(t *testing.T, path string, size int) []nlp.Document {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	r := nlp.NewConlluReader(f, filepath.Base(path))
	var docs []nlp.Document
	for {
		s, err := r.Next()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatal(err)
		}
		if len(docs) == 0 || len(docs[len(docs)-1].Sentences) == size {
			docs = append(docs, nlp.Document{ID: filepath.Base(path) + "#" + string(rune('0'+len(docs)%10))})
		}
		d := &docs[len(docs)-1]
		d.Sentences = append(d.Sentences, *s)
	}
	return docs
}
