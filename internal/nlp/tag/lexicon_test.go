package tag

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/eventwire/eventwire/internal/lexicon"
	"github.com/eventwire/eventwire/internal/nlp"
	"github.com/eventwire/eventwire/internal/shareddata"
)

// TestLexiconModelRoundTrip trains tiny models with and without the
// WordNet feature and constraint: the mode is saved, loaded, and changes
// what the tagger sees.
func TestLexiconModelRoundTrip(t *testing.T) {
	for _, c := range []struct {
		name               string
		lexicon, constrain bool
		mode               uint8
	}{
		{"none", false, false, 0},
		{"feature", true, false, lexFeature | lexLemmas},
		{"feature and constraint", true, true, lexAll},
		{"constraint", false, true, lexConstrain},
	} {
		m, err := Train(tinyTreebank(), TrainOptions{Epochs: 1, Epochs2: 1, FeatsEpochs: 1, NoLexicon: !c.lexicon, NoConstraint: !c.constrain})
		if err != nil {
			t.Fatal(err)
		}
		var buf bytes.Buffer
		if err := m.Save(&buf); err != nil {
			t.Fatal(err)
		}
		m2, err := Load(bytes.NewReader(buf.Bytes()))
		if err != nil {
			t.Fatalf("%s: %v", c.name, err)
		}
		if m2.lexMode != c.mode || (m2.lex != nil) != (c.mode != 0) {
			t.Errorf("%s: loaded lexicon mode %d (lexicon %v), want %d", c.name, m2.lexMode, m2.lex != nil, c.mode)
		}
		// "withdrew" is outside the tiny model's tag dictionary
		tg := m2.NewTagger()
		tg.prepare(sentence("They", "withdrew", "Withdrew"))
		wantAmb := uint64(0)
		if c.mode&lexFeature != 0 {
			wantAmb = lexAmbBase + uint64(lexicon.VBD|lexicon.VBN)
		}
		if tg.toks[1].amb != wantAmb {
			t.Errorf("%s: ambiguity class of withdrew %#x, want %#x", c.name, tg.toks[1].amb, wantAmb)
		}
		wantWN := lexicon.Tags(0)
		if c.mode&lexConstrain != 0 {
			wantWN = lexicon.VBD | lexicon.VBN
		}
		if tg.wn[1] != wantWN || tg.wn[2] != 0 {
			t.Errorf("%s: constraint of withdrew %q, of capitalised Withdrew %q; want %q and none", c.name, tg.wn[1], tg.wn[2], wantWN)
		}
	}
}

func TestLoadBadLexiconMode(t *testing.T) {
	m, err := Train(tinyTreebank(), TrainOptions{Epochs: 1, Epochs2: 1, FeatsEpochs: 1})
	if err != nil {
		t.Fatal(err)
	}
	m.lexMode = 8
	var buf bytes.Buffer
	if err := m.Save(&buf); err != nil {
		t.Fatal(err)
	}
	if _, err := Load(&buf); err == nil || !strings.Contains(err.Error(), "lexicon mode 8") {
		t.Errorf("lexicon mode 8: error %v", err)
	}
}

// TestLexiconConstraint checks best: a constrained word takes the best
// class whose XPOS WordNet allows or does not tell.
func TestLexiconConstraint(t *testing.T) {
	m := &Model{classes: []class{{"NOUN", "NN"}, {"PROPN", "NNP"}, {"VERB", "VBD"}, {"VERB", "VBN"}}}
	m.derive()
	tg := m.NewTagger()
	for _, c := range []struct {
		scores  []int32
		allowed lexicon.Tags
		want    int
	}{
		{[]int32{9, 1, 5, 2}, 0, 0},
		{[]int32{9, 1, 5, 2}, lexicon.VBD | lexicon.VBN, 2},
		{[]int32{9, 7, 5, 2}, lexicon.VBD | lexicon.VBN, 1}, // NNP stays free
		{[]int32{9, 1, 5, 6}, lexicon.VBN, 3},
		{[]int32{9, 1, 5, 6}, lexicon.NN, 0},
		{[]int32{9, 1, 5, 6}, lexicon.JJ, 1}, // no class has JJ: the free ones
	} {
		got := tg.argmax(c.scores, c.allowed)
		if got != c.want {
			t.Errorf("scores %v, allowed %q: class %d, want %d", c.scores, c.allowed, got, c.want)
		}
	}
}

// TestIrregularLemmas checks that verbs the rules give no known lemma take
// WordNet's irregular lemma.
func TestIrregularLemmas(t *testing.T) {
	m := embeddedModel(t)
	if m.lexMode&lexLemmas == 0 {
		t.Skip("the embedded model does not read WordNet lemmas")
	}
	tg := m.NewTagger()
	for _, c := range []struct{ text, word, upos, lemma string }{
		{"The opposition candidate withdrew , accusing the government of rigging the vote .", "withdrew", "VERB", "withdraw"},
		{"Thousands fled the city after the attack .", "fled", "VERB", "flee"},
		{"The rebels had withdrawn from the town .", "withdrawn", "VERB", "withdraw"},
	} {
		s := sentence(strings.Fields(c.text)...)
		tg.Tag(s)
		var w *nlp.Word
		for i := range s.Words {
			if s.Words[i].Form == c.word {
				w = &s.Words[i]
			}
		}
		if w.UPOS != c.upos || w.Lemma != c.lemma {
			t.Errorf("%q: %s tagged %s with lemma %q, want %s %q", c.text, c.word, w.UPOS, w.Lemma, c.upos, c.lemma)
		}
	}
}

// TestUnseenAccuracy is the floor of the embedded model on the dev words
// outside its tag dictionary, where WordNet helps (without it: UPOS 84.94
// and 87.04, 30 and 32 verbs tagged NOUN, PROPN or ADJ).
func TestUnseenAccuracy(t *testing.T) {
	m := embeddedModel(t)
	for _, c := range []struct {
		dir, file  string
		floor      float64
		verbErrors int
	}{
		{"en_ewt", "en_ewt-ud-dev.conllu", 86.0, 30},
		{"en_gum_ccby", "en_gum-ccby-dev.conllu", 91.5, 20},
	} {
		name := filepath.Join(shareddata.Dir(t, "ud", c.dir), c.file)
		f, err := os.Open(name)
		if err != nil {
			t.Fatal(err)
		}
		sents, err := ReadTreebank(f, name)
		f.Close()
		if err != nil {
			t.Fatal(err)
		}
		u := EvaluateUnseen(m, sents)
		t.Logf("%s: %s", c.file, u)
		if u.Words < 1000 {
			t.Fatalf("%s: only %d words outside the tag dictionary", c.file, u.Words)
		}
		if acc := pct(u.UPOS, u.Words); acc < c.floor {
			t.Errorf("%s: UPOS of the words outside the tag dictionary %.2f, below the floor %.1f", c.file, acc, c.floor)
		}
		if n := u.VerbAsNoun + u.VerbAsAdj; n > c.verbErrors {
			t.Errorf("%s: %d verbs outside the tag dictionary tagged NOUN, PROPN or ADJ, want at most %d", c.file, n, c.verbErrors)
		}
	}
}
