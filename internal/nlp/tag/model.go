package tag

import (
	_ "embed"
	"fmt"
	"sort"
	"sync"

	"github.com/eventwire/eventwire/internal/lexicon"
	"github.com/eventwire/eventwire/internal/nlp"
	"github.com/eventwire/eventwire/internal/nlp/hugepage"
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
	// featsFixed maps, per class, lower-case forms that had one UFeats
	// value in training (at least twice) to it; they skip scoring
	featsFixed []map[string]uint16
	nominal    []bool // per class, whether it can head a subject
	lemCls     []int  // per class, its lemma class (the index of its XPOS)
	lemPropn   []bool // per lemma class, whether lemmas keep the form's case
	amb        map[string]uint32
	nAmb       int
	fixed      map[string]uint16 // frequent words that always have one class
	tagW1      *weights          // first pass, right to left
	tagW       *weights          // second pass, left to right
	featW      *weights
	rules      []lemmaRule
	exact      []map[string]string // per lemma class: form → lemma, where the rules fail
	suffix     map[string]uint16   // suffixKey → rule
	lemmas     map[string]struct{} // lower-case lemmas seen in training
	// keepCase tells, per lemma class and case class (lc*numCases+case),
	// whether lemmas keep the form's case
	keepCase []bool
	// lexMode says how the tagger reads the WordNet lexicon (lexFeature,
	// lexConstrain, lexLemmas); lex is set when lexMode is not 0
	lexMode  uint8
	lex      *lexicon.Lexicon
	lexAllow []lexicon.Tags // per class, its XPOS as a lexicon tag; 0 for tags the lexicon does not tell
	lemPOS   []lexicon.POS  // per lemma class, the WordNet part of speech of its inflected forms; 0 for base forms
	// finite is, per class, whether it is a finite verb or modal (VBD, VBZ,
	// VBP, MD); pastVerb is the class VERB/VBD and participle the class
	// VERB/VBN (-1 when the model has none)
	finite               []bool
	pastVerb, participle int
	// huge is set on the embedded model, whose tables are read in place:
	// a Tagger that has tagged hugepage.After sentences moves to its copy
	// on huge pages
	huge *hugepage.Promotion[Model]
}

// Ways the tagger reads the WordNet lexicon (Model.lexMode bits).
const (
	// lexFeature: a word outside the tag dictionary that WordNet knows
	// gets its set of WordNet tags as its ambiguity class, so every
	// template of the tag dictionary sees it
	lexFeature = 1 << iota
	// lexConstrain: such a word, unless capitalised and not first, is
	// given only classes whose XPOS WordNet allows it (or that WordNet
	// does not tell: NNP, CD, IN...)
	lexConstrain
	// lexLemmas: an irregular inflected verb, plural noun or comparative
	// (WordNet's exception lists) whose rule lemma is unknown, or no WordNet
	// lemma of its part of speech, takes WordNet's lemma
	lexLemmas
	lexAll = lexFeature | lexConstrain | lexLemmas
)

// lexAmbBase is added to a WordNet tag set to make it an ambiguity class
// value distinct from the tag dictionary's (which stay below 2^24 + 1).
const lexAmbBase = 1 << 40

// useLexicon sets the lexicon mode and loads the lexicon it needs.
func (m *Model) useLexicon(mode uint8) error {
	m.lexMode = mode
	if mode == 0 {
		m.lex = nil
		return nil
	}
	lex, err := lexicon.WordNet()
	if err != nil {
		return err
	}
	m.lex = lex
	return nil
}

// SetLexiconConstraint turns the WordNet constraint on unseen words on or
// off (for evaluations; the model file says whether it is on). Call it
// before tagging with m.
func (m *Model) SetLexiconConstraint(on bool) error {
	mode := m.lexMode &^ lexConstrain
	if on {
		mode |= lexConstrain
	}
	return m.useLexicon(mode)
}

// derive fills the fields computed from the classes. Lemmas are learned
// per XPOS rather than per class: words with the same Penn tag inflect alike
// whatever their UPOS (AUX or VERB, ADP or SCONJ).
func (m *Model) derive() {
	m.nominal = make([]bool, len(m.classes))
	xposIdx := map[string]int{}
	var xpos []string
	for i, c := range m.classes {
		switch c.upos {
		case "PRON", "NOUN", "PROPN":
			m.nominal[i] = true
		}
		if _, ok := xposIdx[c.xpos]; !ok {
			xposIdx[c.xpos] = 0
			xpos = append(xpos, c.xpos)
		}
	}
	sort.Strings(xpos)
	for i, x := range xpos {
		xposIdx[x] = i
	}
	m.lemCls = make([]int, len(m.classes))
	m.lemPropn = make([]bool, len(xpos))
	m.lemPOS = make([]lexicon.POS, len(xpos))
	for i, x := range xpos {
		switch x {
		case "VBD", "VBG", "VBN", "VBZ":
			m.lemPOS[i] = lexicon.Verb
		case "NNS":
			m.lemPOS[i] = lexicon.Noun
		case "JJR", "JJS":
			m.lemPOS[i] = lexicon.Adj
		case "RBR", "RBS":
			m.lemPOS[i] = lexicon.Adv
		}
	}
	m.lexAllow = make([]lexicon.Tags, len(m.classes))
	for i, c := range m.classes {
		m.lexAllow[i] = lexicon.TagOf(c.xpos)
	}
	m.finite = make([]bool, len(m.classes))
	m.pastVerb, m.participle = -1, -1
	for i, c := range m.classes {
		switch c.xpos {
		case "VBD", "VBZ", "VBP", "MD":
			m.finite[i] = true
		}
		switch {
		case c.upos == "VERB" && c.xpos == "VBD":
			m.pastVerb = i
		case c.upos == "VERB" && c.xpos == "VBN":
			m.participle = i
		}
	}
	for i, c := range m.classes {
		m.lemCls[i] = xposIdx[c.xpos]
		if c.upos == "PROPN" {
			m.lemPropn[m.lemCls[i]] = true
		}
	}
}

// MemSize returns the approximate size of the model in memory, in bytes.
func (m *Model) MemSize() int {
	n := m.tagW.memSize() + m.tagW1.memSize() + m.featW.memSize()
	for w := range m.fixed {
		n += len(w) + 16 + 2
	}
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
	for l := range m.lemmas {
		n += len(l) + 16
	}
	for _, ff := range m.featsFixed {
		for f := range ff {
			n += len(f) + 16 + 2
		}
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
			return
		}
		defaultModel.huge = new(hugepage.Promotion[Model])
	})
	return defaultModel, defaultErr
}

// Tagger tags sentences with a Model. It holds scratch space, so it is not
// safe for concurrent use: use one Tagger per goroutine.
type Tagger struct {
	m        *Model
	toks     []tokenInfo
	rtoks    []tokenInfo // toks reversed, for the first pass
	rcls     []int       // first-pass classes, in reverse order
	right    []int       // first-pass classes
	fixedCls []int       // class from the frequent-word table, -1 if none
	low      []byte
	norm     []byte // low of one word with typographic quotes and dashes in ASCII
	lowEnd   []int
	cls      []int
	keys     []uint32
	scores   []int32
	fscores  []int32
	keyBuf   []byte
	lemBuf   []byte
	lemEnd   []int    // per word, end of its new lemma in lemBuf, -1 when none
	hits     []uint32 // scratch of weights.score
	// wn holds, per word outside the tag dictionary, the tags WordNet
	// allows it when the lexicon constrains it, else 0
	wn []lexicon.Tags
	// tagged counts the sentences tagged while m.huge is set
	tagged int
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
	if m.huge != nil {
		if t.tagged++; t.tagged >= hugepage.After {
			t.m = m.hugeModel()
			m = t.m
		}
	}
	t.prepare(s)
	t.firstPass()
	t.secondPass()
	t.finiteVerb()
	// features and lemmas
	t.lemBuf = t.lemBuf[:0]
	for i := 0; i < n; i++ {
		w := &s.Words[i]
		c := t.cls[i]
		w.UPOS, w.XPOS = m.classes[c].upos, m.classes[c].xpos
		w.Feats = m.feats[t.featsOf(i)]
		t.lemEnd[i] = -1
		lc := m.lemCls[c]
		if l, ok := t.knownLemma(w.Form, i, lc); ok {
			w.Lemma = l
			continue
		}
		var ok, known bool
		n0 := len(t.lemBuf)
		t.lemBuf, ok, known = t.ruleLemma(t.lemBuf, w.Form, i, lc)
		if m.lexMode&lexLemmas != 0 && m.lemPOS[lc] != 0 {
			// an irregular form whose rule lemma is unknown, or no WordNet
			// lemma of its part of speech ("fled" → "fl", an abbreviation
			// seen in training)
			ruleLem := t.lemBuf[n0:]
			if !ok {
				ruleLem = t.lowerOf(i)
			}
			if l, found := m.lex.Irregular(t.lowerOf(i), m.lemPOS[lc]); found && (!known || m.lex.LemmaPOS(ruleLem)&m.lemPOS[lc] == 0) {
				t.lemBuf = t.lemBuf[:n0]
				w.Lemma = l
				continue
			}
		}
		if ok {
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

// best returns the highest-scoring class for keys under ws, among those
// allowed (argmax).
func (t *Tagger) best(ws *weights, allowed lexicon.Tags) int {
	sc := t.scores
	for j := range sc {
		sc[j] = 0
	}
	t.hits = ws.score(t.keys, sc, t.hits)
	return t.argmax(sc, allowed)
}

// argmax returns the class of the highest score (the first on a tie);
// with allowed not 0, among the classes whose XPOS is in allowed or that
// the lexicon does not tell (all classes when none is).
func (t *Tagger) argmax(sc []int32, allowed lexicon.Tags) int {
	best := 0
	if allowed != 0 {
		best = -1
		for j, a := range t.m.lexAllow {
			if (a == 0 || a&allowed != 0) && (best < 0 || sc[j] > sc[best]) {
				best = j
			}
		}
		if best >= 0 {
			return best
		}
		best = 0
	}
	for j := 1; j < len(sc); j++ {
		if sc[j] > sc[best] {
			best = j
		}
	}
	return best
}

// firstPass tags the sentence right to left into t.right.
func (t *Tagger) firstPass() {
	n := len(t.toks)
	for i := 0; i < n; i++ {
		t.rtoks[n-1-i] = t.toks[i]
	}
	for j := 0; j < n; j++ {
		if c := t.fixedCls[n-1-j]; c >= 0 {
			t.rcls[j] = c
			continue
		}
		t.keys = tagFeatures(t.keys[:0], t.rtoks, t.rcls, j)
		t.rcls[j] = t.best(t.m.tagW1, t.wn[n-1-j])
	}
	for i := 0; i < n; i++ {
		t.right[i] = t.rcls[n-1-i]
	}
}

// secondPass tags the sentence left to right into t.cls, with the first
// pass's classes as features.
func (t *Tagger) secondPass() {
	for i := range t.toks {
		if c := t.fixedCls[i]; c >= 0 {
			t.cls[i] = c
			continue
		}
		t.keys = tagFeatures2(t.keys[:0], t.toks, t.cls, t.right, i)
		t.cls[i] = t.best(t.m.tagW, t.wn[i])
	}
}

// finiteVerb gives a sentence tagged without a finite verb the one it
// lacks: its first participle after a nominal that can be its subject
// becomes the past tense. News sentences whose subject is a long noun
// phrase are read as one noun phrase with a reduced relative ("Soldiers
// loyal to the government attacked rebel positions", "Israeli helicopter
// gunships fired missiles at Hamas activists, killing ..."); a clause needs
// a finite verb. Only forms that are both past tense and participle
// qualify (regular "-ed" forms and irregular ones like "fought", "held"),
// where the words around do not make it a participle (participleOnly).
func (t *Tagger) finiteVerb() {
	m := t.m
	if m.pastVerb < 0 || m.participle < 0 {
		return
	}
	nominal, best := false, -1
	for i, c := range t.cls {
		if m.finite[c] {
			return
		}
		if best < 0 && c == m.participle && nominal && pastForm(t.lowerOf(i)) && !t.participleOnly(i) {
			best = i
		}
		nominal = nominal || m.nominal[c]
	}
	if best >= 0 {
		t.cls[best] = m.pastVerb
	}
}

// pastForm reports whether lower-case verb form low can be both the past
// tense and the participle: "-ed" forms and irregular forms that are not
// participles only ("taken", "shown", "done", "begun", "torn").
func pastForm(low []byte) bool {
	n := len(low)
	if n < 3 {
		return false
	}
	switch string(low[n-2:]) {
	case "ed":
		return true
	case "en", "wn", "rn", "ne", "un", "me":
		return false
	}
	return true
}

// participleOnly reports whether the words around word i make it a
// participle: after an auxiliary ("having been attacked") or a hyphen
// ("radio-controlled", "U.S.-backed"), or before "by" ("Israeli soldiers,
// backed by tanks, surrounded a house").
func (t *Tagger) participleOnly(i int) bool {
	if i > 0 {
		if prev := t.lowerOf(i - 1); auxForm(prev) || string(prev) == "-" {
			return true
		}
	}
	return i+1 < len(t.cls) && string(t.lowerOf(i+1)) == "by"
}

// auxForm reports whether lower-case form low is an auxiliary that takes a
// participle ("been attacked", "having fought").
func auxForm(low []byte) bool {
	switch string(low) {
	case "be", "been", "being", "have", "having", "has", "had", "is", "are", "was", "were", "get", "got", "getting", "to":
		return true
	}
	return false
}

// prepare lower-cases the forms and hashes the token strings.
func (t *Tagger) prepare(s *nlp.Sentence) {
	n := len(s.Words)
	if cap(t.toks) < n {
		c := n + n/2
		t.toks, t.rtoks = make([]tokenInfo, c), make([]tokenInfo, c)
		t.cls, t.rcls, t.right, t.fixedCls = make([]int, c), make([]int, c), make([]int, c), make([]int, c)
		t.lowEnd, t.lemEnd = make([]int, c), make([]int, c)
		t.wn = make([]lexicon.Tags, c)
	}
	t.toks, t.rtoks, t.lowEnd, t.lemEnd, t.wn = t.toks[:n], t.rtoks[:n], t.lowEnd[:n], t.lemEnd[:n], t.wn[:n]
	t.cls, t.rcls, t.right, t.fixedCls = t.cls[:n], t.rcls[:n], t.right[:n], t.fixedCls[:n]
	t.low = t.low[:0]
	for i := range s.Words {
		t.low = appendLower(t.low, s.Words[i].Form)
		t.lowEnd[i] = len(t.low)
	}
	start := 0
	for i := range s.Words {
		low := t.low[start:t.lowEnd[i]]
		start = t.lowEnd[i]
		if hasTypographic(low) {
			t.norm = appendASCIIPunct(t.norm[:0], low)
			low = t.norm
		}
		var amb uint64
		t.wn[i] = 0
		if a, ok := t.m.amb[string(low)]; ok {
			amb = uint64(a) + 1
		} else if t.m.lexMode&(lexFeature|lexConstrain) != 0 {
			wn := t.m.lex.Tags(low)
			if wn != 0 && t.m.lexMode&lexFeature != 0 {
				amb = lexAmbBase + uint64(wn)
			}
			if t.m.lexMode&lexConstrain != 0 && (i == 0 || caseOf(s.Words[i].Form) == caseLower) {
				t.wn[i] = wn
			}
		}
		fillToken(&t.toks[i], s.Words[i].Form, low, amb, i == 0)
		t.fixedCls[i] = -1
		if c, ok := t.m.fixed[s.Words[i].Form]; ok {
			t.fixedCls[i] = int(c)
		}
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
	if f, ok := m.featsFixed[t.cls[i]][string(t.lowerOf(i))]; ok {
		return int(f)
	}
	t.keys = featsFeatures(t.keys[:0], t.toks, t.cls, m.nominal, i)
	sc := t.fscores
	for _, c := range cands {
		sc[c] = 0
	}
	t.hits = m.featW.score(t.keys, sc, t.hits)
	best := cands[0]
	for _, c := range cands[1:] {
		if sc[c] > sc[best] {
			best = c
		}
	}
	return int(best)
}

// knownLemma looks word i up in the exception table of lemma class lc, by
// its form and, for classes whose lemmas are lower case, by its lower-case
// form.
func (t *Tagger) knownLemma(form string, i, lc int) (string, bool) {
	m := t.m
	if lc >= len(m.exact) || m.exact[lc] == nil {
		return "", false
	}
	ex := m.exact[lc]
	if l, ok := ex[form]; ok {
		return l, true
	}
	if !m.lemPropn[lc] && t.toks[i].caseClass != caseLower {
		if l, ok := ex[string(t.lowerOf(i))]; ok {
			return l, true
		}
	}
	return "", false
}

// ruleLemma appends the lemma of word i in lemma class lc to buf: the
// lemma of its lower-case form by the longest matching suffix rule, in the
// case of the form when the class and case class keep case in training. ok
// is false when the lemma is the form itself (nothing is appended); known
// tells whether the rules gave a lemma seen in training.
func (t *Tagger) ruleLemma(buf []byte, form string, i, lc int) (out []byte, ok, known bool) {
	m := t.m
	low := t.lowerOf(i)
	n := len(buf)
	buf, known = t.lowRule(buf, low, lc)
	if cs := t.toks[i].caseClass; cs != caseLower && lc*numCases+int(cs) < len(m.keepCase) && m.keepCase[lc*numCases+int(cs)] {
		restoreCase(buf[n:], form, low, cs)
	}
	if len(buf) == n || string(buf[n:]) == form {
		return buf[:n], false, known
	}
	return buf, true, known
}

// lowRule appends the lemma of the lower-case form low in lemma class lc to
// buf: by the rule of the longest matching suffix whose result is a lemma
// seen in training, else by the rule of the longest matching suffix
// ("hottest": the "ttest" rule gives "hott", unknown, the "est" rule "hot",
// known), else low itself. known tells whether the lemma was seen in
// training.
func (t *Tagger) lowRule(buf, low []byte, lc int) (out []byte, known bool) {
	m := t.m
	n := len(buf)
	first := -1
	for k := maxSuffix; k >= 0; k-- {
		var ok bool
		t.keyBuf, ok = suffixKey(t.keyBuf[:0], lc, caseLower, low, k)
		if !ok {
			continue
		}
		r, found := m.suffix[string(t.keyBuf)]
		if !found {
			continue
		}
		out, ok := m.rules[r].applyLow(buf, low)
		if !ok {
			continue
		}
		if _, known := m.lemmas[string(out[n:])]; known || len(m.lemmas) == 0 {
			return out, known
		}
		if first < 0 {
			first = int(r)
		}
		buf = out[:n]
	}
	if first >= 0 {
		out, _ := m.rules[first].applyLow(buf, low)
		return out, false
	}
	out = append(buf, low...)
	_, known = m.lemmas[string(out[n:])]
	return out, known
}

// lemmaOf returns the lemma the model gives form in lemma class lc, for
// training and tests (it allocates).
func (m *Model) lemmaOf(form string, lc int, useExact bool) string {
	t := &Tagger{m: m}
	s := &nlp.Sentence{Words: []nlp.Word{{Form: form}}}
	t.prepare(s)
	if useExact {
		if l, ok := t.knownLemma(form, 0, lc); ok {
			return l
		}
	}
	if b, ok, _ := t.ruleLemma(nil, form, 0, lc); ok {
		return string(b)
	}
	return form
}
