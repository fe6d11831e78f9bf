package tag

import (
	_ "embed"
	"fmt"
	"sync"

	"github.com/eventwire/eventwire/internal/nlp"
)

// class is one tagger class: a (UPOS, XPOS) pair seen in training.
type class struct {
	upos, xpos string
}

// Model is a trained tagger and lemmatizer. It is read-only after loading
// and safe for concurrent use; tag with a Tagger from NewTagger.
type Model struct {
	classes []class
	feats   []string   // UFeats values; feats[0] is ""
	cands   [][]uint16 // per class, the UFeats values seen with it
	nominal []bool     // per class, whether it can head a subject
	propn   []bool     // per class, whether lemmas keep the form's case
	amb     map[string]uint32
	nAmb    int
	tagW    *weights
	featW   *weights
	rules   []lemmaRule
	exact   []map[string]string // per class: form → lemma, where the rules fail
	suffix  map[string]uint16   // suffixKey → rule
}

// derive fills the fields computed from the classes.
func (m *Model) derive() {
	m.nominal = make([]bool, len(m.classes))
	m.propn = make([]bool, len(m.classes))
	for i, c := range m.classes {
		switch c.upos {
		case "PRON", "NOUN", "PROPN":
			m.nominal[i] = true
		}
		m.propn[i] = c.upos == "PROPN"
	}
}

// MemSize returns the approximate size of the model in memory, in bytes.
func (m *Model) MemSize() int {
	n := m.tagW.memSize() + m.featW.memSize()
	for w := range m.amb {
		n += len(w) + 16 + 4
	}
	for _, ex := range m.exact {
		for f, l := range ex {
			n += len(f) + len(l) + 32
		}
	}
	for k := range m.suffix {
		n += len(k) + 16 + 2
	}
	for _, c := range m.cands {
		n += 2*len(c) + 24
	}
	return n
}

//go:embed model.bin
var embedded string

var (
	defaultOnce  sync.Once
	defaultModel *Model
	defaultErr   error
)

// Default returns the model embedded in the binary, trained on UD English
// EWT. It is decoded once; later calls return the same model.
func Default() (*Model, error) {
	defaultOnce.Do(func() {
		defaultModel, defaultErr = loadString(embedded)
		if defaultErr != nil {
			defaultErr = fmt.Errorf("loading embedded tagger model: %w", defaultErr)
		}
	})
	return defaultModel, defaultErr
}

// Tagger tags sentences with a Model. It holds scratch space, so it is not
// safe for concurrent use: use one Tagger per goroutine.
type Tagger struct {
	m       *Model
	toks    []tokenInfo
	low     []byte
	lowEnd  []int
	cls     []int
	keys    []uint32
	scores  []int32
	fscores []int32
	keyBuf  []byte
	lemBuf  []byte
	lemEnd  []int // per word, end of its new lemma in lemBuf, -1 when none
}

// NewTagger returns a Tagger using m.
func (m *Model) NewTagger() *Tagger {
	return &Tagger{
		m:       m,
		scores:  make([]int32, len(m.classes)),
		fscores: make([]int32, len(m.feats)),
		keys:    make([]uint32, 0, 64),
	}
}

// Tag fills UPOS, XPOS, Feats and Lemma of every word of s from its Form,
// replacing what they held. Words with an empty form get tags too.
func (t *Tagger) Tag(s *nlp.Sentence) {
	m := t.m
	n := len(s.Words)
	if n == 0 || len(m.classes) == 0 {
		return
	}
	t.prepare(s)
	// tags, left to right
	for i := 0; i < n; i++ {
		t.keys = tagFeatures(t.keys[:0], t.toks, t.cls, i)
		sc := t.scores
		for j := range sc {
			sc[j] = 0
		}
		for _, k := range t.keys {
			m.tagW.add(k, sc)
		}
		best := 0
		for j := 1; j < len(sc); j++ {
			if sc[j] > sc[best] {
				best = j
			}
		}
		t.cls[i] = best
	}
	// features and lemmas
	t.lemBuf = t.lemBuf[:0]
	for i := 0; i < n; i++ {
		w := &s.Words[i]
		c := t.cls[i]
		w.UPOS, w.XPOS = m.classes[c].upos, m.classes[c].xpos
		w.Feats = m.feats[t.featsOf(i)]
		t.lemEnd[i] = -1
		if l, ok := t.knownLemma(w.Form, i); ok {
			w.Lemma = l
			continue
		}
		var ok bool
		if t.lemBuf, ok = t.ruleLemma(t.lemBuf, w.Form, i); ok {
			t.lemEnd[i] = len(t.lemBuf)
		} else {
			w.Lemma = w.Form
		}
	}
	if len(t.lemBuf) > 0 {
		all := string(t.lemBuf) // one allocation for the sentence's new lemmas
		start := 0
		for i := 0; i < n; i++ {
			if e := t.lemEnd[i]; e >= 0 {
				s.Words[i].Lemma = all[start:e]
				start = e
			}
		}
	}
}

// prepare lower-cases the forms and hashes the token strings.
func (t *Tagger) prepare(s *nlp.Sentence) {
	n := len(s.Words)
	if cap(t.toks) < n {
		t.toks = make([]tokenInfo, n+n/2)
		t.cls = make([]int, n+n/2)
		t.lowEnd = make([]int, n+n/2)
		t.lemEnd = make([]int, n+n/2)
	}
	t.toks, t.cls, t.lowEnd, t.lemEnd = t.toks[:n], t.cls[:n], t.lowEnd[:n], t.lemEnd[:n]
	t.low = t.low[:0]
	for i := range s.Words {
		t.low = appendLower(t.low, s.Words[i].Form)
		t.lowEnd[i] = len(t.low)
	}
	start := 0
	for i := range s.Words {
		low := t.low[start:t.lowEnd[i]]
		start = t.lowEnd[i]
		var amb uint64
		if a, ok := t.m.amb[string(low)]; ok {
			amb = uint64(a) + 1
		}
		fillToken(&t.toks[i], s.Words[i].Form, low, amb, i == 0)
	}
}

// lowerOf returns the lower-case form of word i (valid until the next Tag).
func (t *Tagger) lowerOf(i int) []byte {
	start := 0
	if i > 0 {
		start = t.lowEnd[i-1]
	}
	return t.low[start:t.lowEnd[i]]
}

// featsOf returns the UFeats value index of word i.
func (t *Tagger) featsOf(i int) int {
	m := t.m
	cands := m.cands[t.cls[i]]
	switch len(cands) {
	case 0:
		return 0
	case 1:
		return int(cands[0])
	}
	t.keys = featsFeatures(t.keys[:0], t.toks, t.cls, m.nominal, i)
	sc := t.fscores
	for _, c := range cands {
		sc[c] = 0
	}
	for _, k := range t.keys {
		m.featW.add(k, sc)
	}
	best := cands[0]
	for _, c := range cands[1:] {
		if sc[c] > sc[best] {
			best = c
		}
	}
	return int(best)
}

// knownLemma looks the word up in the exception table, by its form and, for
// classes whose lemmas are lower case, by its lower-case form.
func (t *Tagger) knownLemma(form string, i int) (string, bool) {
	m := t.m
	c := t.cls[i]
	if c >= len(m.exact) || m.exact[c] == nil {
		return "", false
	}
	ex := m.exact[c]
	if ex == nil {
		return "", false
	}
	if l, ok := ex[form]; ok {
		return l, true
	}
	if !m.propn[c] && t.toks[i].caseClass != caseLower {
		if l, ok := ex[string(t.lowerOf(i))]; ok {
			return l, true
		}
	}
	return "", false
}

// ruleLemma appends the lemma of word i given by the longest matching suffix
// rule to buf; ok is false when no rule applies (the lemma is the form).
func (t *Tagger) ruleLemma(buf []byte, form string, i int) ([]byte, bool) {
	m := t.m
	low := t.lowerOf(i)
	cs := t.toks[i].caseClass
	for k := maxSuffix; k >= 0; k-- {
		var ok bool
		t.keyBuf, ok = suffixKey(t.keyBuf[:0], t.cls[i], cs, low, k)
		if !ok {
			continue
		}
		r, found := m.suffix[string(t.keyBuf)]
		if !found {
			continue
		}
		rule := m.rules[r]
		if rule.identity() {
			return buf, false
		}
		if out, ok := rule.apply(buf, form); ok {
			return out, true
		}
	}
	return buf, false
}

// lemmaOf returns the lemma the model gives form under class c, for training
// and tests (it allocates).
func (m *Model) lemmaOf(form string, c int, useExact bool) string {
	t := &Tagger{m: m}
	s := &nlp.Sentence{Words: []nlp.Word{{Form: form}}}
	t.prepare(s)
	t.cls[0] = c
	if useExact {
		if l, ok := t.knownLemma(form, 0); ok {
			return l
		}
	}
	if b, ok := t.ruleLemma(nil, form, 0); ok {
		return string(b)
	}
	return form
}
