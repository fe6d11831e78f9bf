package udeval

import (
	"math"
	"strings"
	"testing"

	"github.com/eventwire/eventwire/internal/nlp"
)

// sent builds a sentence from space-separated tokens; a multiword token is
// written "don't=do+n't". Words get UPOS X, head 0 and deprel dep unless
// annotated with ann ("UPOS/head/deprel" per word, space-separated).
func sent(spec, ann string) nlp.Sentence {
	var s nlp.Sentence
	for _, tok := range strings.Fields(spec) {
		form, parts, mw := tok, []string{tok}, false
		if k := strings.IndexByte(tok, '='); k > 0 {
			form, parts, mw = tok[:k], strings.Split(tok[k+1:], "+"), true
		}
		first := len(s.Words) + 1
		for _, p := range parts {
			s.Words = append(s.Words, nlp.Word{ID: len(s.Words) + 1, Form: p, UPOS: "X", Deprel: "dep"})
		}
		if mw {
			s.MultiWords = append(s.MultiWords, nlp.MultiWord{First: first, Last: len(s.Words), Form: form})
		}
	}
	for k, a := range strings.Fields(ann) {
		f := strings.Split(a, "/")
		w := &s.Words[k]
		w.UPOS, w.Deprel = f[0], f[2]
		w.Head = int(f[1][0] - '0')
	}
	return s
}

func near(a, b float64) bool { return math.Abs(a-b) < 1e-9 }

func TestRaw(t *testing.T) {
	tests := []struct {
		name                 string
		gold, sys            []nlp.Sentence
		tokens, sents, words float64 // F1
		upos, uas, las       float64 // F1
	}{
		{
			name:   "identical",
			gold:   []nlp.Sentence{sent("I don't=do+n't know .", "")},
			sys:    []nlp.Sentence{sent("I don't=do+n't know .", "")},
			tokens: 1, sents: 1, words: 1, upos: 1, uas: 1, las: 1,
		},
		{
			// clitic as separate tokens: tokens 3 of 5 system, 4 gold; the
			// words still align through the multiword token's LCS
			name:   "multiword token not recognized",
			gold:   []nlp.Sentence{sent("I don't=do+n't know .", "")},
			sys:    []nlp.Sentence{sent("I do n't know .", "")},
			tokens: 2 * 3.0 / 9, sents: 1, words: 1, upos: 1, uas: 1, las: 1,
		},
		{
			// same token, different split: the token matches, no word does
			name:   "multiword token split differently",
			gold:   []nlp.Sentence{sent("gonna=gon+na go", "")},
			sys:    []nlp.Sentence{sent("gonna=gonn+a go", "")},
			tokens: 1, sents: 1, words: 2 * 1.0 / 6, upos: 2 * 1.0 / 6, uas: 2 * 1.0 / 6, las: 2 * 1.0 / 6,
		},
		{
			// one system sentence for two gold ones: no sentence is right
			name:   "missed sentence boundary",
			gold:   []nlp.Sentence{sent("Hi there .", ""), sent("Bye .", "")},
			sys:    []nlp.Sentence{sent("Hi there . Bye .", "")},
			tokens: 1, sents: 0, words: 1, upos: 1, uas: 1, las: 1,
		},
		{
			// 'e.g.' kept whole by gold, split by the system: 'e.g.' and the
			// system's 'e.g' and '.' are wrong, the other three tokens right
			name:   "tokenization error",
			gold:   []nlp.Sentence{sent("see e.g. this .", "")},
			sys:    []nlp.Sentence{sent("see e.g . this .", "")},
			tokens: 2 * 3.0 / 9, sents: 1, words: 2 * 3.0 / 9, upos: 2 * 3.0 / 9, uas: 2 * 3.0 / 9, las: 2 * 3.0 / 9,
		},
		{
			// heads: fast attached to She instead of runs; the subtype of a
			// label does not count
			name:   "attachment",
			gold:   []nlp.Sentence{sent("She runs fast", "PRON/2/nsubj VERB/0/root ADV/2/advmod")},
			sys:    []nlp.Sentence{sent("She runs fast", "PRON/2/nsubj:pass NOUN/0/root ADV/1/advmod")},
			tokens: 1, sents: 1, words: 1, upos: 2.0 / 3, uas: 2.0 / 3, las: 2.0 / 3,
		},
		{
			// "it" hangs on the system's NewYork, which aligns to no gold
			// word, so its head is wrong; rocks is right
			name:   "head on an unaligned word",
			gold:   []nlp.Sentence{sent("New York rocks it", "X/2/compound X/3/nsubj X/0/root X/3/obj")},
			sys:    []nlp.Sentence{sent("NewYork rocks it", "X/2/nsubj X/0/root X/1/obj")},
			tokens: 2 * 2.0 / 7, sents: 1, words: 2 * 2.0 / 7, upos: 2 * 2.0 / 7, uas: 2 * 1.0 / 7, las: 2 * 1.0 / 7,
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			r, err := Raw(tc.gold, tc.sys)
			if err != nil {
				t.Fatal(err)
			}
			for _, c := range []struct {
				what      string
				got, want float64
			}{
				{"tokens", r.Tokens.F1(), tc.tokens}, {"sentences", r.Sentences.F1(), tc.sents},
				{"words", r.Words.F1(), tc.words}, {"upos", r.UPOS.F1(), tc.upos},
				{"uas", r.UAS.F1(), tc.uas}, {"las", r.LAS.F1(), tc.las},
			} {
				if !near(c.got, c.want) {
					t.Errorf("%s F1 = %.4f, want %.4f", c.what, c.got, c.want)
				}
			}
		})
	}
}

func TestRawTextMismatch(t *testing.T) {
	_, err := Raw([]nlp.Sentence{sent("a b c", "")}, []nlp.Sentence{sent("a b d", "")})
	if err == nil || !strings.Contains(err.Error(), "text mismatch") {
		t.Fatalf("Raw with different texts: err = %v, want a text mismatch", err)
	}
	_, err = Raw([]nlp.Sentence{sent("a b c", "")}, []nlp.Sentence{sent("a b", "")})
	if err == nil {
		t.Fatal("Raw with a shorter system text: no error")
	}
}

func TestGold(t *testing.T) {
	gold := []nlp.Sentence{sent("She runs fast", "PRON/2/nsubj VERB/0/root ADV/2/advmod")}
	sys := []nlp.Sentence{sent("She runs fast", "PRON/2/nsubj:pass NOUN/0/root ADV/1/advmod")}
	gold[0].Words[0].Lemma, sys[0].Words[0].Lemma = "she", "she"
	gold[0].Words[1].Lemma, sys[0].Words[1].Lemma = "run", "runs"
	gold[0].Words[2].Feats = "Degree=Pos"
	r, err := Gold(gold, sys)
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		what      string
		got, want float64
	}{
		{"upos", r.UPOS.Accuracy(), 2.0 / 3}, {"xpos", r.XPOS.Accuracy(), 1},
		{"ufeats", r.UFeats.Accuracy(), 2.0 / 3}, {"lemma", r.Lemma.Accuracy(), 2.0 / 3},
		{"uas", r.UAS.Accuracy(), 2.0 / 3}, {"las", r.LAS.Accuracy(), 2.0 / 3},
	} {
		if !near(c.got, c.want) {
			t.Errorf("%s = %.4f, want %.4f", c.what, c.got, c.want)
		}
	}
	if _, err := Gold(gold, []nlp.Sentence{sent("She runs", "")}); err == nil {
		t.Error("Gold with a different word count: no error")
	}
	if _, err := Gold(gold, []nlp.Sentence{sent("She walks fast", "")}); err == nil {
		t.Error("Gold with a different form: no error")
	}
}

func TestRawText(t *testing.T) {
	a := sent("Hello world=world .", "")
	a.Text = "Hello world."
	a.Comments = []string{"newdoc id = d1"}
	b := sent("Yes", "")
	b.Text = "Yes"
	c := sent("don't=do+n't go !", "")
	c.Comments = []string{"newpar"}
	c.Words[2].Misc = "SpaceAfter=No"
	text, ends := RawText([]nlp.Sentence{a, b, c})
	if want := "Hello world. Yes\n\ndon't go!"; text != want {
		t.Errorf("RawText = %q, want %q", text, want)
	}
	if want := []int{12, 16, 27}; len(ends) != 3 || ends[0] != want[0] || ends[1] != want[1] || ends[2] != want[2] {
		t.Errorf("ends = %v, want %v", ends, want)
	}
}

func TestRelations(t *testing.T) {
	// gold: Kim(nsubj→2) gave(root) Lee(iobj→2) books(obj→2) on(case→6) Monday(obl:tmod→2)
	gold := []nlp.Sentence{sent("Kim gave Lee books on Monday",
		"PROPN/2/nsubj VERB/0/root PROPN/2/iobj NOUN/2/obj ADP/6/case PROPN/2/obl:tmod")}
	// system: Lee taken for the object (obj), books attached to Lee
	// (compound), Monday right with another subtype (obl).
	sys := []nlp.Sentence{sent("Kim gave Lee books on Monday",
		"PROPN/2/nsubj VERB/0/root PROPN/2/obj NOUN/3/compound ADP/6/case PROPN/2/obl")}
	type counts struct{ gold, system, correct int }
	want := map[string]counts{
		"nsubj": {1, 1, 1}, "obj": {1, 1, 0}, "iobj": {1, 0, 0}, "obl": {1, 1, 1}, "compound": {0, 1, 0},
		"ccomp": {}, "xcomp": {}, "conj": {}, "appos": {}, "nmod": {},
	}
	check := func(setting string, r Result) {
		t.Helper()
		if len(r.Relations) != len(Relations) {
			t.Fatalf("%s: %d relation scores, want %d", setting, len(r.Relations), len(Relations))
		}
		for k, rs := range r.Relations {
			if rs.Relation != Relations[k] {
				t.Errorf("%s: relation %d is %q, want %q", setting, k, rs.Relation, Relations[k])
			}
			w := want[rs.Relation]
			if got := (counts{rs.Gold, rs.System, rs.Correct}); got != w {
				t.Errorf("%s %s: gold/system/correct = %v, want %v", setting, rs.Relation, got, w)
			}
		}
	}
	r, err := Gold(gold, sys)
	if err != nil {
		t.Fatal(err)
	}
	check("gold tokens", r)
	if r, err = Raw(gold, sys); err != nil {
		t.Fatal(err)
	}
	check("raw", r)
	if r.Relations[0].F1() != 1 || r.Relations[1].F1() != 0 {
		t.Errorf("F1 nsubj %.2f obj %.2f, want 1 and 0", r.Relations[0].F1(), r.Relations[1].F1())
	}
}
