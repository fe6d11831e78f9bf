package tag

import (
	"errors"
	"fmt"
	"io"
	"math/rand/v2"
	"sort"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/eventwire/eventwire/internal/nlp"
)

// TrainOptions configures Train. The zero value gives the shipped model's
// settings.
type TrainOptions struct {
	Epochs       int    // passes of the first tagger pass over the data (default 8)
	Epochs2      int    // passes of the second tagger pass (default 6)
	FeatsEpochs  int    // passes of the UFeats perceptron (default 8)
	Seed         uint64 // shuffling seed (default 1)
	DictMinCount int    // occurrences for a word to enter the tag dictionary (default 3)
	// NoLexicon trains without WordNet (internal/lexicon): by default the
	// words outside the tag dictionary have their WordNet tags as their
	// ambiguity class and irregular forms get WordNet's lemmas.
	NoLexicon bool
	// NoConstraint saves the model without the WordNet constraint: by
	// default a word outside the tag dictionary (unless capitalised and not
	// first) is given only classes whose XPOS WordNet allows it, or that
	// WordNet does not tell (NNP, CD, IN...).
	NoConstraint bool
	// Dev, when set with Log, is tagged after every epoch and the accuracy
	// logged; it does not influence training.
	Dev []*nlp.Sentence
	Log io.Writer // progress messages; nil for none
}

func (o *TrainOptions) defaults() {
	if o.Epochs <= 0 {
		o.Epochs = 8
	}
	if o.Epochs2 <= 0 {
		o.Epochs2 = 6
	}
	if o.FeatsEpochs <= 0 {
		o.FeatsEpochs = 8
	}
	if o.Seed == 0 {
		o.Seed = 1
	}
	if o.DictMinCount <= 0 {
		o.DictMinCount = 3
	}
}

func (o *TrainOptions) logf(format string, args ...any) {
	if o.Log != nil {
		fmt.Fprintf(o.Log, format+"\n", args...)
	}
}

// trainSent is a training sentence with its tokens hashed once.
type trainSent struct {
	s     *nlp.Sentence
	toks  []tokenInfo
	gold  []int // gold tag classes
	feats []int // gold UFeats values
	fixed []int // classes from the frequent-word table, -1 if none
	right []int // first-pass classes (jackknifed)
	// the sentence reversed, for the first pass
	rtoks         []tokenInfo
	rgold, rfixed []int
}

// trainPass trains a tagger pass on the sentences idx for the given epochs:
// pass 1 right to left with tagFeatures, pass 2 left to right with
// tagFeatures2. Each pass is greedy and learns from its own previous
// predictions. With opt set, progress is logged and the dev set evaluated.
func trainPass(m *Model, data []*trainSent, idx []int, pass, epochs int, rng *rand.Rand, opt *TrainOptions) *perceptron {
	p := newPerceptron()
	scores := make([]int32, len(m.classes))
	order := append([]int(nil), idx...)
	var keys []uint32
	var pred []int
	start := time.Now()
	for ep := 1; ep <= epochs; ep++ {
		rng.Shuffle(len(order), func(a, b int) { order[a], order[b] = order[b], order[a] })
		errs, total := 0, 0
		for _, k := range order {
			ts := data[k]
			toks, gold, fixed := ts.toks, ts.gold, ts.fixed
			if pass == 1 {
				toks, gold, fixed = ts.rtoks, ts.rgold, ts.rfixed
			}
			pred = append(pred[:0], gold...)
			for i := range gold {
				if fixed[i] >= 0 {
					pred[i] = fixed[i]
					continue
				}
				if pass == 1 {
					keys = tagFeatures(keys[:0], toks, pred, i)
				} else {
					keys = tagFeatures2(keys[:0], toks, pred, ts.right, i)
				}
				p.score(keys, scores)
				guess := 0
				for j := 1; j < len(scores); j++ {
					if scores[j] > scores[guess] {
						guess = j
					}
				}
				p.tick()
				if guess != gold[i] {
					p.update(keys, gold[i], guess)
					errs++
				}
				pred[i] = guess
				total++
			}
		}
		if opt == nil {
			continue
		}
		opt.logf("pass %d epoch %d: train accuracy %.2f%% on ambiguous words (%d features, %s)", pass, ep,
			100*float64(total-errs)/float64(max(total, 1)), len(p.entries), time.Since(start).Round(time.Second))
		if opt.Log != nil && len(opt.Dev) > 0 && (ep == epochs || ep%2 == 0) {
			mm := *m
			mm.tagW = buildWeights(p.average())
			mm.featW = buildWeights(nil)
			sc := Evaluate(&mm, opt.Dev)
			opt.logf("  dev UPOS %.2f XPOS %.2f", sc.UPOSAcc(), sc.XPOSAcc())
		}
	}
	return p
}

// buildFeatsFixed fills the table of (class, lower-case form) pairs seen at
// least twice in training, always with the same UFeats value, for classes
// with several values.
func buildFeatsFixed(m *Model, data []*trainSent) {
	type key struct {
		c   int
		low string
	}
	counts := map[key]map[int]int{}
	for _, ts := range data {
		for i := range ts.s.Words {
			c := ts.gold[i]
			if len(m.cands[c]) < 2 {
				continue
			}
			k := key{c, string(appendLower(nil, ts.s.Words[i].Form))}
			if counts[k] == nil {
				counts[k] = map[int]int{}
			}
			counts[k][ts.feats[i]]++
		}
	}
	m.featsFixed = make([]map[string]uint16, len(m.classes))
	for k, fs := range counts {
		if len(fs) != 1 {
			continue
		}
		for f, n := range fs {
			if n < 2 {
				continue
			}
			if m.featsFixed[k.c] == nil {
				m.featsFixed[k.c] = map[string]uint16{}
			}
			m.featsFixed[k.c][k.low] = uint16(f)
		}
	}
}

// buildFixed fills the frequent-word table: forms seen at least 20 times
// with one class at least 99.5% of the time are tagged without scoring.
func buildFixed(m *Model, data []*trainSent) {
	counts := map[string]map[int]int{}
	for _, ts := range data {
		for i := range ts.s.Words {
			f := ts.s.Words[i].Form
			if counts[f] == nil {
				counts[f] = map[int]int{}
			}
			counts[f][ts.gold[i]]++
		}
	}
	m.fixed = map[string]uint16{}
	for f, cs := range counts {
		total, best, bn := 0, 0, -1
		for c, n := range cs {
			total += n
			if n > bn || n == bn && c < best {
				best, bn = c, n
			}
		}
		if total >= 20 && bn*1000 >= total*995 {
			m.fixed[f] = uint16(best)
		}
	}
}

// Train trains a model on gold sentences (Form, UPOS, XPOS, Feats, Lemma).
// It is deterministic: the same sentences and options give the same model,
// byte for byte once saved.
func Train(sents []*nlp.Sentence, opt TrainOptions) (*Model, error) {
	opt.defaults()
	if len(sents) == 0 {
		return nil, errors.New("training tagger: no sentences")
	}
	m := &Model{}
	// classes and UFeats values, in sorted order
	classIdx := map[class]int{}
	featsIdx := map[string]int{"": 0}
	for _, s := range sents {
		for i := range s.Words {
			w := &s.Words[i]
			classIdx[class{w.UPOS, w.XPOS}] = 0
			featsIdx[w.Feats] = 0
		}
	}
	for c := range classIdx {
		m.classes = append(m.classes, c)
	}
	sort.Slice(m.classes, func(a, b int) bool {
		x, y := m.classes[a], m.classes[b]
		if x.upos != y.upos {
			return x.upos < y.upos
		}
		return x.xpos < y.xpos
	})
	if len(m.classes) > maxClasses {
		return nil, fmt.Errorf("training tagger: %d tag classes (at most %d)", len(m.classes), maxClasses)
	}
	for i, c := range m.classes {
		classIdx[c] = i
	}
	for f := range featsIdx {
		m.feats = append(m.feats, f)
	}
	sort.Strings(m.feats) // "" sorts first
	if len(m.feats) > maxFeats {
		return nil, fmt.Errorf("training tagger: %d UFeats values (at most %d)", len(m.feats), maxFeats)
	}
	for i, f := range m.feats {
		featsIdx[f] = i
	}
	m.derive()
	if !opt.NoLexicon {
		if err := m.useLexicon(lexFeature | lexLemmas); err != nil {
			return nil, fmt.Errorf("training tagger: %w", err)
		}
	}

	// UFeats candidates per class
	seen := make([]map[int]bool, len(m.classes))
	for i := range seen {
		seen[i] = map[int]bool{}
	}
	data := make([]*trainSent, len(sents))
	for k, s := range sents {
		ts := &trainSent{s: s, gold: make([]int, len(s.Words)), feats: make([]int, len(s.Words))}
		for i := range s.Words {
			w := &s.Words[i]
			ts.gold[i] = classIdx[class{w.UPOS, w.XPOS}]
			ts.feats[i] = featsIdx[w.Feats]
			seen[ts.gold[i]][ts.feats[i]] = true
		}
		data[k] = ts
	}
	m.cands = make([][]uint16, len(m.classes))
	for c, set := range seen {
		for f := range set {
			m.cands[c] = append(m.cands[c], uint16(f))
		}
		sort.Slice(m.cands[c], func(a, b int) bool { return m.cands[c][a] < m.cands[c][b] })
	}

	buildFeatsFixed(m, data)
	buildDictionary(m, data, opt.DictMinCount)
	buildFixed(m, data)
	t := &Tagger{m: m}
	for _, ts := range data {
		t.prepare(ts.s)
		ts.toks = append([]tokenInfo(nil), t.toks...)
		ts.fixed = append([]int(nil), t.fixedCls...)
		n := len(ts.toks)
		ts.rtoks = make([]tokenInfo, n)
		ts.rgold = make([]int, n)
		ts.rfixed = make([]int, n)
		for i := range ts.toks {
			ts.rtoks[n-1-i], ts.rgold[n-1-i], ts.rfixed[n-1-i] = ts.toks[i], ts.gold[i], ts.fixed[i]
		}
	}

	rng := rand.New(rand.NewPCG(opt.Seed, opt.Seed^0x5eed))
	all := make([]int, len(data))
	for i := range all {
		all[i] = i
	}

	// First pass (right to left), jackknifed: the second pass learns from
	// first-pass tags as good as on unseen text, not from tags of sentences
	// the first pass was trained on.
	start := time.Now()
	const folds = 4
	for f := 0; f < folds; f++ {
		var in, out []int
		for _, k := range all {
			if k%folds == f {
				out = append(out, k)
			} else {
				in = append(in, k)
			}
		}
		p := trainPass(m, data, in, 1, opt.Epochs, rng, nil)
		mm := *m
		mm.tagW1 = buildWeights(p.average())
		tg := mm.NewTagger()
		for _, k := range out {
			tg.prepare(data[k].s)
			tg.firstPass()
			data[k].right = append([]int(nil), tg.right...)
		}
		opt.logf("first pass, fold %d of %d (%s)", f+1, folds, time.Since(start).Round(time.Second))
	}
	m.tagW1 = buildWeights(trainPass(m, data, all, 1, opt.Epochs, rng, nil).average())
	opt.logf("first pass: %d features (%s)", m.tagW1.nkeys, time.Since(start).Round(time.Second))
	m.tagW = buildWeights(trainPass(m, data, all, 2, opt.Epochs2, rng, &opt).average())
	opt.logf("second pass: %d features (%s)", m.tagW.nkeys, time.Since(start).Round(time.Second))

	order := append([]int(nil), all...)
	var keys []uint32
	// UFeats: choose among the values seen with the gold class
	fp := newPerceptron()
	fscores := make([]int32, len(m.feats))
	for ep := 1; ep <= opt.FeatsEpochs; ep++ {
		rng.Shuffle(len(order), func(a, b int) { order[a], order[b] = order[b], order[a] })
		errs, total := 0, 0
		for _, k := range order {
			ts := data[k]
			for i, c := range ts.gold {
				cands := m.cands[c]
				if len(cands) < 2 {
					continue
				}
				keys = featsFeatures(keys[:0], ts.toks, ts.gold, m.nominal, i)
				fp.score(keys, fscores)
				guess := int(cands[0])
				for _, f := range cands[1:] {
					if fscores[f] > fscores[guess] {
						guess = int(f)
					}
				}
				fp.tick()
				if guess != ts.feats[i] {
					fp.update(keys, ts.feats[i], guess)
					errs++
				}
				total++
			}
		}
		opt.logf("feats epoch %d: train accuracy %.2f%% on ambiguous words (%d features)", ep,
			100*float64(total-errs)/float64(max(total, 1)), len(fp.entries))
	}
	m.featW = buildWeights(fp.average())

	trainLemmas(m, data)
	opt.logf("lemmas: %d rules, %d suffix rules, %d exceptions", len(m.rules), len(m.suffix), countExceptions(m))
	if !opt.NoConstraint {
		if err := m.SetLexiconConstraint(true); err != nil {
			return nil, fmt.Errorf("training tagger: %w", err)
		}
	}
	if opt.Log != nil && len(opt.Dev) > 0 {
		sc := Evaluate(m, opt.Dev)
		opt.logf("dev: %s", sc)
	}
	return m, nil
}

// buildDictionary fills the tag dictionary: each word (lower case) seen at
// least minCount times maps to its ambiguity class, the set of tag classes
// it has at least 5% of the time. Rarer words are left out so that training
// sees unknown words the way tagging new text does.
func buildDictionary(m *Model, data []*trainSent, minCount int) {
	counts := map[string]map[int]int{}
	for _, ts := range data {
		for i := range ts.s.Words {
			low := strings.ToLower(ts.s.Words[i].Form)
			if counts[low] == nil {
				counts[low] = map[int]int{}
			}
			counts[low][ts.gold[i]]++
		}
	}
	words := make([]string, 0, len(counts))
	for w := range counts {
		words = append(words, w)
	}
	sort.Strings(words)
	sigs := map[string]uint32{}
	m.amb = map[string]uint32{}
	for _, w := range words {
		total := 0
		for _, n := range counts[w] {
			total += n
		}
		if total < minCount {
			continue
		}
		var set []int
		for c, n := range counts[w] {
			if n*20 >= total {
				set = append(set, c)
			}
		}
		sort.Ints(set)
		var b strings.Builder
		for _, c := range set {
			fmt.Fprintf(&b, "%d,", c)
		}
		id, ok := sigs[b.String()]
		if !ok {
			id = uint32(len(sigs))
			sigs[b.String()] = id
		}
		m.amb[w] = id
	}
	m.nAmb = len(sigs)
}

// lemmaType is a (lemma class, form) pair of the training data.
type lemmaType struct {
	class int
	form  string
}

// trainLemmas learns the lemma rules: for each (class, case, suffix) the
// most frequent edit script among the training word types ending so, and an
// exception table of the types the rules get wrong.
func trainLemmas(m *Model, data []*trainSent) {
	lemmas := map[lemmaType]map[string]int{}
	for _, ts := range data {
		for i := range ts.s.Words {
			w := &ts.s.Words[i]
			if w.Lemma == "" {
				continue
			}
			k := lemmaType{m.lemCls[ts.gold[i]], w.Form}
			if lemmas[k] == nil {
				lemmas[k] = map[string]int{}
			}
			lemmas[k][w.Lemma]++
		}
	}
	types := make([]lemmaType, 0, len(lemmas))
	for k := range lemmas {
		types = append(types, k)
	}
	sort.Slice(types, func(a, b int) bool {
		if types[a].class != types[b].class {
			return types[a].class < types[b].class
		}
		return types[a].form < types[b].form
	})
	best := make([]string, len(types))
	for i, k := range types {
		bl, bn := "", 0
		for l, n := range lemmas[k] {
			if n > bn || n == bn && l < bl {
				bl, bn = l, n
			}
		}
		best[i] = bl
	}

	// count rules per suffix key over types
	ruleIdx := map[lemmaRule]int{}
	m.rules = nil
	counts := map[string]map[int]int{}
	var keyBuf, low []byte
	lowLemma := make([]string, len(types))
	for i, k := range types {
		low = appendLower(low[:0], k.form)
		lowLemma[i] = string(appendLower(nil, best[i]))
		r := ruleFor(string(low), lowLemma[i])
		id, ok := ruleIdx[r]
		if !ok {
			id = len(m.rules)
			ruleIdx[r] = id
			m.rules = append(m.rules, r)
		}
		for n := 0; n <= maxSuffix; n++ {
			var ok bool
			keyBuf, ok = suffixKey(keyBuf[:0], k.class, caseLower, low, n)
			if !ok {
				break
			}
			if r.strip > len(keyBuf)-3 || len(r.add) > r.strip+2 {
				// the script edits letters before the suffix, or adds
				// more than it removes: it says nothing about other words
				// ending so
				continue
			}
			key := string(keyBuf)
			if counts[key] == nil {
				counts[key] = map[int]int{}
			}
			counts[key][id]++
		}
	}
	keys := make([]string, 0, len(counts))
	for k := range counts {
		keys = append(keys, k)
	}
	// shorter keys (shorter suffixes) first, so parents are decided first
	sort.Slice(keys, func(a, b int) bool {
		if len(keys[a]) != len(keys[b]) {
			return len(keys[a]) < len(keys[b])
		}
		return keys[a] < keys[b]
	})
	effective := map[string]int{} // rule the lookup yields for a key
	m.suffix = map[string]uint16{}
	for _, key := range keys {
		br, bn := 0, -1
		for r, n := range counts[key] {
			if n > bn || n == bn && r < br {
				br, bn = r, n
			}
		}
		effective[key] = br
		// the rule the lookup would give without this key: that of the
		// nearest shorter suffix with a key
		parent := -1
		for anc := key; len(anc) > 3; {
			suf := anc[3:]
			_, sz := utf8.DecodeRuneInString(suf)
			anc = anc[:3] + suf[sz:]
			if r, ok := effective[anc]; ok {
				parent = r
				break
			}
		}
		if br == parent || parent == -1 && m.rules[br].identity() {
			continue
		}
		m.suffix[key] = uint16(br)
	}

	m.lemmas = map[string]struct{}{}
	for _, l := range lowLemma {
		m.lemmas[l] = struct{}{}
	}

	// case: per lemma class and case class, whether lemmas keep the
	// form's case more often than they are lower case
	votes := make([]int, len(m.lemPropn)*numCases)
	tg := &Tagger{m: m}
	for i, k := range types {
		cs := caseOf(k.form)
		if cs == caseLower {
			continue
		}
		tg.prepare(&nlp.Sentence{Words: []nlp.Word{{Form: k.form}}})
		lem, _ := tg.lowRule(nil, tg.lowerOf(0), k.class)
		lowered := string(lem)
		restoreCase(lem, k.form, tg.lowerOf(0), cs)
		switch best[i] {
		case lowered:
			if string(lem) != lowered {
				votes[k.class*numCases+int(cs)]--
			}
		case string(lem):
			votes[k.class*numCases+int(cs)]++
		}
	}
	m.keepCase = make([]bool, len(votes))
	for i, v := range votes {
		m.keepCase[i] = v > 0
	}

	// exceptions: the types the rules get wrong, checked again with the
	// exception table in place (a lower-case entry can shadow a rule)
	m.exact = make([]map[string]string, len(m.lemPropn))
	for pass := 0; pass < 2; pass++ {
		for i, k := range types {
			if m.lemmaOf(k.form, k.class, pass == 1) == best[i] {
				continue
			}
			if m.exact[k.class] == nil {
				m.exact[k.class] = map[string]string{}
			}
			m.exact[k.class][k.form] = best[i]
		}
	}
}

func countExceptions(m *Model) int {
	n := 0
	for _, ex := range m.exact {
		n += len(ex)
	}
	return n
}
