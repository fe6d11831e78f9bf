package tag

import (
	"fmt"
	"io"

	"github.com/eventwire/eventwire/internal/nlp"
)

// Scores counts the words a model tags like the gold standard.
type Scores struct {
	Words                              int
	UPOS, XPOS, UFeats, AllTags, Lemma int
}

func pct(n, d int) float64 {
	if d == 0 {
		return 0
	}
	return 100 * float64(n) / float64(d)
}

// UPOSAcc and the other methods return accuracies in percent.
func (s Scores) UPOSAcc() float64    { return pct(s.UPOS, s.Words) }
func (s Scores) XPOSAcc() float64    { return pct(s.XPOS, s.Words) }
func (s Scores) UFeatsAcc() float64  { return pct(s.UFeats, s.Words) }
func (s Scores) AllTagsAcc() float64 { return pct(s.AllTags, s.Words) }
func (s Scores) LemmaAcc() float64   { return pct(s.Lemma, s.Words) }

func (s Scores) String() string {
	return fmt.Sprintf("%d words: UPOS %.2f, XPOS %.2f, UFeats %.2f, AllTags %.2f, Lemma %.2f",
		s.Words, s.UPOSAcc(), s.XPOSAcc(), s.UFeatsAcc(), s.AllTagsAcc(), s.LemmaAcc())
}

// Evaluate tags copies of the gold sentences with m (gold tokenization) and
// compares UPOS, XPOS, UFeats and lemmas word by word, as the CoNLL 2018
// shared task does for gold tokens (UFeats and lemmas exactly, lemma case
// included). The gold sentences are not modified.
func Evaluate(m *Model, gold []*nlp.Sentence) Scores {
	t := m.NewTagger()
	var sc Scores
	var s nlp.Sentence
	for _, g := range gold {
		s.Words = append(s.Words[:0], g.Words...)
		t.Tag(&s)
		for i := range g.Words {
			gw, w := &g.Words[i], &s.Words[i]
			sc.Words++
			u, x, f := gw.UPOS == w.UPOS, gw.XPOS == w.XPOS, gw.Feats == w.Feats
			if u {
				sc.UPOS++
			}
			if x {
				sc.XPOS++
			}
			if f {
				sc.UFeats++
			}
			if u && x && f {
				sc.AllTags++
			}
			if gw.Lemma == w.Lemma {
				sc.Lemma++
			}
		}
	}
	return sc
}

// ReadTreebank reads all sentences of a CoNLL-U file.
func ReadTreebank(r io.Reader, name string) ([]*nlp.Sentence, error) {
	cr := nlp.NewConlluReader(r, name)
	var out []*nlp.Sentence
	for {
		s, err := cr.Next()
		if err == io.EOF {
			return out, nil
		}
		if err != nil {
			return nil, fmt.Errorf("reading treebank: %w", err)
		}
		out = append(out, s)
	}
}

// Unseen counts the tagging of words outside a model's tag dictionary (the
// words seen fewer than three times in training, whose tags come from
// suffixes, context and the lexicon), with the confusions between verbs and
// nouns or adjectives.
type Unseen struct {
	Words, UPOS int
	VerbAsNoun  int // gold VERB tagged NOUN or PROPN
	VerbAsAdj   int // gold VERB tagged ADJ
	NounAsVerb  int // gold NOUN tagged VERB
	AdjAsVerb   int // gold ADJ tagged VERB
	GoldVerbs   int // gold VERB words
}

func (u Unseen) String() string {
	return fmt.Sprintf("%d words outside the tag dictionary: UPOS %.2f; of %d verbs %d tagged NOUN/PROPN, %d ADJ; %d nouns and %d adjectives tagged VERB",
		u.Words, pct(u.UPOS, u.Words), u.GoldVerbs, u.VerbAsNoun, u.VerbAsAdj, u.NounAsVerb, u.AdjAsVerb)
}

// EvaluateUnseen tags copies of the gold sentences with m and scores the
// UPOS of the words outside its tag dictionary.
func EvaluateUnseen(m *Model, gold []*nlp.Sentence) Unseen {
	t := m.NewTagger()
	var u Unseen
	var s nlp.Sentence
	var low []byte
	for _, g := range gold {
		s.Words = append(s.Words[:0], g.Words...)
		t.Tag(&s)
		for i := range g.Words {
			gw, w := &g.Words[i], &s.Words[i]
			low = appendLower(low[:0], gw.Form)
			if hasTypographic(low) {
				low = appendASCIIPunct(nil, low)
			}
			if _, ok := m.amb[string(low)]; ok {
				continue
			}
			u.Words++
			if gw.UPOS == w.UPOS {
				u.UPOS++
			}
			switch {
			case gw.UPOS == "VERB":
				u.GoldVerbs++
				switch w.UPOS {
				case "NOUN", "PROPN":
					u.VerbAsNoun++
				case "ADJ":
					u.VerbAsAdj++
				}
			case gw.UPOS == "NOUN" && w.UPOS == "VERB":
				u.NounAsVerb++
			case gw.UPOS == "ADJ" && w.UPOS == "VERB":
				u.AdjAsVerb++
			}
		}
	}
	return u
}
