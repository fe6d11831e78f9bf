package gkg

import (
	"strings"
	"testing"
	"time"

	"github.com/eventwire/eventwire/internal/dict/builtin"
	"github.com/eventwire/eventwire/internal/geo"
	"github.com/eventwire/eventwire/internal/nlp"
	"github.com/eventwire/eventwire/internal/timex"
)

var fuzzTags = [...]string{"PROPN", "NOUN", "VERB", "NUM", "ADJ", "DET", "ADP", "PRON", "PUNCT", "AUX"}
var fuzzRels = [...]string{"nsubj", "obj", "nummod", "compound", "amod", "acl", "case", "nmod", "root", "nsubj:pass"}

// FuzzExtract runs the extractor on arbitrary text split into one sentence
// per line, with tags, lemmas and (possibly cyclic) heads taken from tree:
// it must not panic, its offsets must lie in the text, and its row must
// parse.
func FuzzExtract(f *testing.F) {
	f.Add(`More than 1.5 million people were killed in Algeria.`, []byte{3, 3, 3, 1, 9, 2, 6, 0})
	f.Add("The statement states that \"we call on the French parliament.\nWe invite you.\"", []byte{5, 1, 2, 9, 8})
	f.Add(`President John Smith of the Ministry of Foreign Affairs said: "no".`, []byte{0, 0, 0, 6, 5, 0, 6})
	f.Add("\"\"“”\"x 12,000 $5 bn Paris", []byte{})
	f.Add("Minister Hossein Amir-Abdollahian met Ayman al-Zawahiri, Faisal bin Farhan and Ursula von der Leyen.\nAmir-Abdollahian -Al- al- -X", []byte{0, 0, 0, 8, 0, 2, 0, 8, 0})
	gaz, err := geo.Default()
	if err != nil {
		f.Fatal(err)
	}
	set, err := builtin.Set()
	if err != nil {
		f.Fatal(err)
	}
	x, err := New(Options{Gazetteer: gaz, Dict: set})
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, text string, tree []byte) {
		if len(text) > 2000 {
			return
		}
		d := nlp.Document{Text: text}
		off := 0
		for _, line := range strings.SplitAfter(text, "\n") {
			s := timex.SplitWords(line)
			for i := range s.Words {
				w := &s.Words[i]
				w.Start += off
				w.End += off
				w.Lemma = strings.ToLower(w.Form)
				if len(tree) > 0 {
					b := tree[i%len(tree)]
					w.UPOS = fuzzTags[int(b)%len(fuzzTags)]
					w.Deprel = fuzzRels[int(b>>4)%len(fuzzRels)]
					w.Head = int(b) % (len(s.Words) + 1)
				}
			}
			s.Start, s.End = off, off+len(line)
			off += len(line)
			if len(s.Words) > 0 {
				d.Sentences = append(d.Sentences, *s)
			}
		}
		r := x.Extract(nil, Article{DocID: "fuzz", Date: time.Date(2022, 11, 16, 0, 0, 0, 0, time.UTC), Doc: &d})
		in := func(what string, a, b int) {
			if a < 0 || b < a || b > len(text) {
				t.Fatalf("%s [%d,%d) outside the text of %d bytes", what, a, b, len(text))
			}
		}
		for _, e := range r.Entities {
			in("entity "+e.Text, e.Start, e.End)
		}
		for _, th := range r.Themes {
			in("theme "+th.Theme, th.Offset, th.Offset)
		}
		for _, q := range r.Quotations {
			in("quotation", q.Offset, q.Offset+q.Length)
		}
		for _, c := range r.Counts {
			in("count", c.Offset, c.Offset)
		}
		if _, err := ParseRow(Row(&r)); err != nil {
			t.Fatalf("row does not parse: %v", err)
		}
	})
}
