// Package lexicon tells which open-class Penn Treebank tags an English word
// form can have, and the lemmas of irregular forms, from WordNet 3.0
// (Princeton University; licence in NOTICE).
//
// The embedded table (wordnet.gz, built by `go run ./internal/lexicon/gen`
// from Debian's wordnet-base) holds the single-word lemmas of WordNet's four
// parts of speech and its exception lists of irregular forms ("withdrew" →
// "withdraw", "criteria" → "criterion", "worse" → "bad"). It is decoded on the
// first call of WordNet, never at package initialisation.
//
// Tags analyses a lower-case form as WordNet's morphy does: the form itself as
// a lemma (NN; VB and VBP; JJ; RB), its entries in the exception lists, and
// the detachment rules of regular inflection, each kept only when it yields a
// lemma of that part of speech:
//
//	nouns       -s -ses→s -xes→x -zes→z -ches→ch -shes→sh -men→man -ies→y   NNS
//	verbs       -s -ies→y -es→e -es                                         VBZ
//	            -ed→e -ed                                                   VBD, VBN
//	            -ing→e -ing                                                 VBG
//	adjectives  -er -er→e                                                   JJR
//	            -est -est→e                                                 JJS
//
// An exception entry whose lemma is the form itself ("hunger hunger" in
// adj.exc) says the form is no inflection of that part of speech and blocks
// its detachment rules ("hunger" is not "hung" + "-er"). Irregular verb
// forms are VBG when they end in "ing", else VBD and VBN (the lists do not
// tell the past from the participle); irregular adjectives and adverbs are
// superlative when they end in "st", else comparative; irregular nouns are
// plurals. Forms ending in "ss" lose no "s" ("boss" is not the plural of the
// genus "bos"), and no rule leaves a base of fewer than two letters.
//
// A Lexicon is read-only and safe for concurrent use. Tags and Irregular
// allocate nothing.
package lexicon

import (
	"bytes"
	"compress/gzip"
	_ "embed"
	"fmt"
	"io"
	"strings"
	"sync"
)

// POS is a set of WordNet parts of speech.
type POS uint8

// WordNet's parts of speech.
const (
	Noun POS = 1 << iota
	Verb
	Adj
	Adv
)

// Tags is a set of open-class Penn Treebank tags.
type Tags uint16

// The tags Tags can tell.
const (
	NN Tags = 1 << iota
	NNS
	VB
	VBP
	VBZ
	VBD
	VBN
	VBG
	JJ
	JJR
	JJS
	RB
	RBR
	RBS
	numTags = iota
)

var tagNames = [numTags]string{"NN", "NNS", "VB", "VBP", "VBZ", "VBD", "VBN", "VBG", "JJ", "JJR", "JJS", "RB", "RBR", "RBS"}

// String lists the tags of s, space-separated, in the order of the constants.
func (s Tags) String() string {
	var b strings.Builder
	for i, n := range tagNames {
		if s&(1<<i) != 0 {
			if b.Len() > 0 {
				b.WriteByte(' ')
			}
			b.WriteString(n)
		}
	}
	return b.String()
}

// TagOf returns the tag named by a Penn Treebank tag, 0 for the tags the
// lexicon does not tell (NNP, IN, CD...).
func TagOf(xpos string) Tags {
	for i, n := range tagNames {
		if n == xpos {
			return 1 << i
		}
	}
	return 0
}

// Verbal reports whether s holds a verb tag.
func (s Tags) Verbal() bool { return s&(VB|VBP|VBZ|VBD|VBN|VBG) != 0 }

// Nominal reports whether s holds a noun tag.
func (s Tags) Nominal() bool { return s&(NN|NNS) != 0 }

// Exception is one entry of WordNet's exception lists: an irregular form
// has this lemma in this part of speech.
type Exception struct {
	POS   POS
	Lemma string
}

// Lexicon is a decoded WordNet table.
type Lexicon struct {
	lemmas map[string]POS
	exc    map[string][]Exception
}

// Len returns the number of single-word lemmas and of irregular forms.
func (l *Lexicon) Len() (lemmas, forms int) { return len(l.lemmas), len(l.exc) }

// LemmaPOS returns the parts of speech of which the lower-case word is a
// WordNet lemma (0 when it is none).
func (l *Lexicon) LemmaPOS(low []byte) POS { return l.lemmas[string(low)] }

// Exceptions returns the exception-list entries of the lower-case form (the
// slice is the lexicon's: do not modify it).
func (l *Lexicon) Exceptions(low []byte) []Exception { return l.exc[string(low)] }

// Irregular returns the lemma of the lower-case form in part of speech pos
// when the exception lists name one (the first listed). It allocates
// nothing.
func (l *Lexicon) Irregular(low []byte, pos POS) (string, bool) {
	for _, e := range l.exc[string(low)] {
		if e.POS == pos && e.Lemma != string(low) {
			return e.Lemma, true
		}
	}
	return "", false
}

// detach is one of morphy's detachment rules.
type detach struct {
	suffix, ending string
	pos            POS
	tags           Tags
}

var rules = [...]detach{
	{"s", "", Noun, NNS},
	{"ses", "s", Noun, NNS},
	{"xes", "x", Noun, NNS},
	{"zes", "z", Noun, NNS},
	{"ches", "ch", Noun, NNS},
	{"shes", "sh", Noun, NNS},
	{"men", "man", Noun, NNS},
	{"ies", "y", Noun, NNS},
	{"s", "", Verb, VBZ},
	{"ies", "y", Verb, VBZ},
	{"es", "e", Verb, VBZ},
	{"es", "", Verb, VBZ},
	{"ed", "e", Verb, VBD | VBN},
	{"ed", "", Verb, VBD | VBN},
	{"ing", "e", Verb, VBG},
	{"ing", "", Verb, VBG},
	{"er", "", Adj, JJR},
	{"est", "", Adj, JJS},
	{"er", "e", Adj, JJR},
	{"est", "e", Adj, JJS},
}

// maxForm is the longest form, in bytes, that Tags analyses with the
// detachment rules (longer ones are looked up as they are only).
const maxForm = 48

// Tags returns the Penn tags WordNet allows the lower-case form low; 0 when
// WordNet does not know it. It allocates nothing.
func (l *Lexicon) Tags(low []byte) Tags {
	var t Tags
	p := l.lemmas[string(low)]
	if p&Noun != 0 {
		t |= NN
	}
	if p&Verb != 0 {
		t |= VB | VBP
	}
	if p&Adj != 0 {
		t |= JJ
	}
	if p&Adv != 0 {
		t |= RB
	}
	var blocked POS
	for _, e := range l.exc[string(low)] {
		if e.Lemma == string(low) {
			// "hunger hunger" in adj.exc: the form is no inflection of
			// that part of speech
			blocked |= e.POS
			continue
		}
		t |= irregularTags(low, e)
	}
	if len(low) > maxForm {
		return t
	}
	var buf [maxForm + 4]byte
	ss := hasSuffix(low, "ss")
	for i := range rules {
		r := &rules[i]
		if t&r.tags == r.tags || len(low) < len(r.suffix)+2 || !hasSuffix(low, r.suffix) {
			continue
		}
		if r.suffix == "s" && ss || r.pos&blocked != 0 {
			continue
		}
		b := append(buf[:0], low[:len(low)-len(r.suffix)]...)
		b = append(b, r.ending...)
		if l.lemmas[string(b)]&r.pos != 0 {
			t |= r.tags
		}
	}
	return t
}

func hasSuffix(b []byte, s string) bool {
	return len(b) >= len(s) && string(b[len(b)-len(s):]) == s
}

// irregularTags returns the tags of the exception-list entry e (a lemma
// other than the form) of form low.
func irregularTags(low []byte, e Exception) Tags {
	switch e.POS {
	case Noun:
		return NNS
	case Verb:
		if hasSuffix(low, "ing") {
			return VBG
		}
		return VBD | VBN
	case Adj:
		if hasSuffix(low, "st") {
			return JJS
		}
		return JJR
	case Adv:
		if hasSuffix(low, "st") {
			return RBS
		}
		return RBR
	}
	return 0
}

//go:generate go run ./gen -out wordnet.gz

//go:embed wordnet.gz
var embedded []byte

var (
	once    sync.Once
	wordnet *Lexicon
	loadErr error
)

// WordNet returns the embedded WordNet 3.0 lexicon, decoded on the first
// call; later calls return the same one.
func WordNet() (*Lexicon, error) {
	once.Do(func() {
		wordnet, loadErr = Decode(bytes.NewReader(embedded))
		if loadErr != nil {
			loadErr = fmt.Errorf("loading embedded wordnet table: %w", loadErr)
		}
	})
	return wordnet, loadErr
}

// Decode reads a gzip-compressed table written by BuildTable.
func Decode(r io.Reader) (*Lexicon, error) {
	zr, err := gzip.NewReader(r)
	if err != nil {
		return nil, fmt.Errorf("decompressing wordnet table: %w", err)
	}
	b, err := io.ReadAll(io.LimitReader(zr, maxTable+1))
	if err != nil {
		return nil, fmt.Errorf("decompressing wordnet table: %w", err)
	}
	if len(b) > maxTable {
		return nil, fmt.Errorf("wordnet table larger than %d bytes", maxTable)
	}
	return parseTable(string(b))
}
