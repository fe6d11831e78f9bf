// Package nlp holds the language pipeline's data types — documents, sentences
// and words with their tags, lemmas, features and dependency heads — and the
// CoNLL-U reader and writer. The stages that fill these types live in its
// sub-packages: tokenize (sentences and words with offsets), tag (UPOS, XPOS,
// features, lemmas) and depparse (dependency trees).
//
// Dependency labels are always UD v2 inside eventwire: the CoNLL-U reader
// converts UD v1 labels (dobj, nsubjpass, nmod on a verb, name, neg...) on input
// so that later stages see one label set.
package nlp

import "strings"

// Word is one syntactic word of a sentence (a CoNLL-U word line).
type Word struct {
	ID     int    // 1-based index in the sentence
	Form   string // surface form
	Lemma  string
	UPOS   string // universal part of speech (NOUN, VERB, PROPN...)
	XPOS   string // Penn Treebank tag (NN, VBD...)
	Feats  string // morphological features, "Number=Sing|Tense=Past", "" when none
	Head   int    // index of the head word, 0 for the root
	Deprel string // UD v2 dependency label, e.g. "nsubj:pass"
	// Start and End are byte offsets of the word in Document.Text (or, for a
	// sentence read without a document, in Sentence.Text). Both are -1 when the
	// word has no known position. Words of one multiword token share its span.
	Start, End int
	Misc       string // CoNLL-U MISC column without the offsets eventwire writes
}

// MultiWord is a CoNLL-U multiword token ("don't" → do n't) covering words
// First..Last.
type MultiWord struct {
	First, Last int
	Form        string
	Start, End  int // byte offsets as in Word
	Misc        string
}

// Sentence is one sentence: its text and its words.
type Sentence struct {
	ID         string // sent_id, "" when unknown
	Text       string // the sentence text
	Start, End int    // byte offsets of the sentence in Document.Text, -1 if unknown
	Words      []Word
	MultiWords []MultiWord
	Comments   []string // other CoNLL-U comment lines, without "# "
}

// Document is a text and its sentences.
type Document struct {
	ID        string
	Text      string
	Sentences []Sentence
}

// Feat returns the value of the morphological feature name in w.Feats, or "".
// It does not allocate.
func (w *Word) Feat(name string) string {
	f := w.Feats
	for f != "" {
		var item string
		if i := strings.IndexByte(f, '|'); i >= 0 {
			item, f = f[:i], f[i+1:]
		} else {
			item, f = f, ""
		}
		if len(item) > len(name) && item[len(name)] == '=' && item[:len(name)] == name {
			return item[len(name)+1:]
		}
	}
	return ""
}

// Children returns the indices (0-based into s.Words) of the dependents of the
// word with ID head, in sentence order, appending to buf.
func (s *Sentence) Children(head int, buf []int) []int {
	for i := range s.Words {
		if s.Words[i].Head == head {
			buf = append(buf, i)
		}
	}
	return buf
}
