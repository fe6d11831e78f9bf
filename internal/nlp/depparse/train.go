package depparse

import (
	"cmp"
	"errors"
	"fmt"
	"io"
	"math"
	"math/rand/v2"
	"slices"
	"time"

	"github.com/eventwire/eventwire/internal/nlp"
)

// TrainOptions configure Train. The zero value of a field means its default.
type TrainOptions struct {
	Epochs int    // passes over the training set (default 15)
	Seed   uint64 // seed of the shuffles, tag noise and exploration (default 1)
	// TagNoise is the probability that a training word's UPOS and XPOS are
	// replaced, in each epoch, by another pair seen with the same form in
	// the training set, so that the parser learns to live with tagger
	// errors (default 0: use the tags as given; negative also means 0).
	TagNoise float64
	// Explore is the probability, from epoch ExploreFrom on, of following
	// the model's own wrong prediction instead of the oracle (Goldberg and
	// Nivre 2012). Default 0.9; ExploreFrom defaults to 1 (the second
	// epoch). A negative Explore disables exploration.
	Explore     float64
	ExploreFrom int
	// MinWeight drops averaged weights whose magnitude is below it, to keep
	// the model compact (default 0: keep all non-zero weights).
	MinWeight float64
	// Log, when set, receives one progress line per epoch; Dev, when set,
	// is parsed after each epoch and its scores are logged.
	Log io.Writer
	Dev []*nlp.Sentence
}

func (o *TrainOptions) defaults() {
	if o.Epochs <= 0 {
		o.Epochs = 15
	}
	if o.Seed == 0 {
		o.Seed = 1
	}
	if o.Explore == 0 {
		o.Explore = 0.9
	}
	if o.ExploreFrom <= 0 {
		o.ExploreFrom = 1
	}
}

// example is one training sentence with its projectivised gold tree.
type example struct {
	s      nlp.Sentence // a private copy whose tags may carry noise
	gold   []int32      // gold[d] = head of word d (index 0 unused)
	goldL  []uint8      // label index of word d
	pos    [][2]string  // the original UPOS and XPOS
	lifted int          // arcs lifted to projectivise
}

// Train learns a model from sentences with gold heads and labels. Sentences
// whose heads do not form a tree with one root word are skipped and counted
// in the log. Training is deterministic for given sentences and options.
func Train(sents []*nlp.Sentence, opt TrainOptions) (*Model, error) {
	opt.defaults()
	labels, err := collectLabels(sents)
	if err != nil {
		return nil, err
	}
	labelIdx := make(map[string]uint8, len(labels))
	rootL := uint8(255)
	for i, l := range labels {
		labelIdx[l] = uint8(i)
		if l == "root" {
			rootL = uint8(i)
		}
	}
	if rootL == 255 || len(labels) < 2 {
		return nil, errors.New("training parser: no word has the label root, or no word another label")
	}
	var exs []*example
	skipped, lifted := 0, 0
	for _, s := range sents {
		ex, ok := newExample(s, labelIdx)
		if !ok {
			skipped++
			continue
		}
		lifted += ex.lifted
		exs = append(exs, ex)
	}
	if len(exs) == 0 {
		return nil, errors.New("training parser: no usable sentences")
	}
	if opt.Log != nil {
		fmt.Fprintf(opt.Log, "parser: %d sentences (%d skipped: not a single-rooted tree), %d labels, %d arcs lifted to projectivise\n",
			len(exs), skipped, len(labels), lifted)
	}
	var alts map[string][][2]string
	if opt.TagNoise > 0 {
		alts = tagAlternatives(exs)
	}

	L := len(labels)
	tw := &trainWeights{idx: make(map[uint64]int32), nClasses: nOps + L}
	rng := rand.New(rand.NewPCG(opt.Seed, 0x5eed))
	order := make([]int, len(exs))
	for i := range order {
		order[i] = i
	}
	var (
		st     state
		a      atoms
		feats  = make([]uint64, 0, maxFeatures)
		lfeats = make([]uint64, 0, maxFeatures)
		scores = new([256]float32)
		m      *Model
	)
	for epoch := 0; epoch < opt.Epochs; epoch++ {
		start := time.Now()
		rng.Shuffle(len(order), func(i, j int) { order[i], order[j] = order[j], order[i] })
		steps, errs, arcs, labelErrs := 0, 0, 0, 0
		explore := epoch >= opt.ExploreFrom && opt.Explore > 0
		for _, oi := range order {
			ex := exs[oi]
			if alts != nil {
				addNoise(ex, alts, opt.TagNoise, rng)
			}
			a.fill(&ex.s)
			st.reset(len(ex.s.Words))
			for !st.terminal() {
				// The transition: update towards the best-scoring one of
				// least cost when the prediction costs more.
				feats = extract(&st, &a, feats)
				tw.score(feats, scores[:])
				op := bestOp(&st, scores)
				cs, cl, cr := st.costs(ex.gold)
				costs := [nOps]int{cs, cl, cr}
				gOp := -1
				for o := range costs {
					if costs[o] >= 0 && (gOp < 0 || costs[o] < costs[gOp] || (costs[o] == costs[gOp] && scores[o] > scores[gOp])) {
						gOp = o
					}
				}
				if op < 0 || gOp < 0 {
					return nil, fmt.Errorf("training parser: sentence %q: no allowed transition", ex.s.ID)
				}
				steps++
				if costs[op] > costs[gOp] {
					errs++
					tw.update(feats, gOp, op)
					if !explore || rng.Float64() >= opt.Explore {
						op = gOp
					}
				}
				tw.tick()
				// The label of the arc it makes, learnt on correct arcs.
				var l uint8
				switch {
				case op == opShift:
				case op == opRight && st.rightToRoot():
					l = rootL
				default:
					h, d := arcOf(&st, op)
					lfeats = extractLabel(&st, &a, h, d, lfeats)
					tw.score(lfeats, scores[:])
					l = bestLabel(scores[labelClass0:labelClass0+L], rootL)
					if ex.gold[d] == h {
						arcs++
						if gl := ex.goldL[d]; l != gl {
							labelErrs++
							tw.update(lfeats, labelClass0+int(gl), labelClass0+int(l))
							if !explore || rng.Float64() >= opt.Explore {
								l = gl
							}
						}
						tw.tick()
					}
				}
				st.apply(op, l)
			}
		}
		if opt.Log != nil || epoch == opt.Epochs-1 {
			if m, err = tw.model(labels, rootL, opt.MinWeight); err != nil {
				return nil, err
			}
		}
		if opt.Log != nil {
			fmt.Fprintf(opt.Log, "epoch %2d: %d transitions %.2f%% corrected, %d arcs %.2f%% relabelled, %d features, %d weights, %.1fs",
				epoch+1, steps, 100*float64(errs)/float64(steps), arcs, 100*float64(labelErrs)/float64(max(arcs, 1)),
				m.Features(), m.Weights(), time.Since(start).Seconds())
			if opt.Dev != nil {
				sc := Evaluate(m, opt.Dev)
				fmt.Fprintf(opt.Log, "; dev UAS %.2f LAS %.2f", sc.UAS(), sc.LAS())
			}
			fmt.Fprintln(opt.Log)
		}
	}
	return m, nil
}

// collectLabels returns the sorted set of labels of sents.
func collectLabels(sents []*nlp.Sentence) ([]string, error) {
	seen := map[string]bool{}
	for _, s := range sents {
		for i := range s.Words {
			if s.Words[i].Deprel != "" {
				seen[s.Words[i].Deprel] = true
			}
		}
	}
	labels := make([]string, 0, len(seen))
	for l := range seen {
		labels = append(labels, l)
	}
	slices.Sort(labels)
	if len(labels) > maxLabels {
		return nil, fmt.Errorf("training parser: %d labels, at most %d supported", len(labels), maxLabels)
	}
	return labels, nil
}

// newExample copies s and projectivises its tree; ok is false when s is
// not a tree with one root word or has unlabelled words.
func newExample(s *nlp.Sentence, labelIdx map[string]uint8) (*example, bool) {
	n := len(s.Words)
	if n == 0 {
		return nil, false
	}
	ex := &example{
		s:     nlp.Sentence{ID: s.ID, Words: slices.Clone(s.Words)},
		gold:  make([]int32, n+1),
		goldL: make([]uint8, n+1),
		pos:   make([][2]string, n+1),
	}
	roots := 0
	for i := range s.Words {
		w := &s.Words[i]
		li, ok := labelIdx[w.Deprel]
		if !ok || w.Head < 0 || w.Head > n || w.Head == i+1 {
			return nil, false
		}
		if (w.Head == 0) != (w.Deprel == "root") {
			return nil, false
		}
		if w.Head == 0 {
			roots++
		}
		ex.gold[i+1] = int32(w.Head)
		ex.goldL[i+1] = li
		ex.pos[i+1] = [2]string{w.UPOS, w.XPOS}
	}
	if roots != 1 || !acyclic(ex.gold) {
		return nil, false
	}
	ex.lifted = projectivise(ex.gold)
	return ex, true
}

// acyclic reports whether every word reaches the root by following heads.
func acyclic(head []int32) bool {
	n := len(head) - 1
	for d := 1; d <= n; d++ {
		h, steps := head[d], 0
		for h != 0 {
			h = head[h]
			if steps++; steps > n {
				return false
			}
		}
	}
	return true
}

// dominates reports whether h is an ancestor of (or equal to) d.
func dominates(head []int32, h, d int32) bool {
	for d != 0 && d != h {
		d = head[d]
	}
	return d == h
}

// nonProjective reports whether the arc into d has a word between its ends
// that its head does not dominate.
func nonProjective(head []int32, d int32) bool {
	h := head[d]
	lo, hi := min(h, d), max(h, d)
	for k := lo + 1; k < hi; k++ {
		if !dominates(head, h, k) {
			return true
		}
	}
	return false
}

// projectivise lifts non-projective arcs (shortest first) to the head's head
// until the tree is projective, keeping labels; it returns how many lifts it
// made. head must be a tree.
func projectivise(head []int32) int {
	lifts := 0
	for {
		best, bestLen := int32(-1), int32(math.MaxInt32)
		for d := int32(1); d < int32(len(head)); d++ {
			if nonProjective(head, d) {
				if l := max(head[d], d) - min(head[d], d); l < bestLen {
					best, bestLen = d, l
				}
			}
		}
		if best < 0 {
			return lifts
		}
		head[best] = head[head[best]]
		lifts++
	}
}

// tagAlternatives maps each form (lower-cased) to the distinct (UPOS, XPOS)
// pairs it has in the training set, most frequent first, ties in order.
func tagAlternatives(exs []*example) map[string][][2]string {
	counts := map[string]map[[2]string]int{}
	for _, ex := range exs {
		for i := range ex.s.Words {
			f := lowerASCII(ex.s.Words[i].Form)
			if counts[f] == nil {
				counts[f] = map[[2]string]int{}
			}
			counts[f][ex.pos[i+1]]++
		}
	}
	alts := map[string][][2]string{}
	for f, c := range counts {
		if len(c) < 2 {
			continue
		}
		pairs := make([][2]string, 0, len(c))
		for p := range c {
			pairs = append(pairs, p)
		}
		slices.SortFunc(pairs, func(x, y [2]string) int {
			if c[x] != c[y] {
				return c[y] - c[x]
			}
			if x[0] != y[0] {
				if x[0] < y[0] {
					return -1
				}
				return 1
			}
			if x[1] < y[1] {
				return -1
			}
			if x[1] > y[1] {
				return 1
			}
			return 0
		})
		alts[f] = pairs
	}
	return alts
}

func lowerASCII(s string) string {
	b := []byte(s)
	for i, c := range b {
		if c >= 'A' && c <= 'Z' {
			b[i] = c + 'a' - 'A'
		}
	}
	return string(b)
}

// addNoise restores ex's gold tags and then, with probability rate per
// ambiguous word, swaps in another pair seen with the same form.
func addNoise(ex *example, alts map[string][][2]string, rate float64, rng *rand.Rand) {
	for i := range ex.s.Words {
		w := &ex.s.Words[i]
		w.UPOS, w.XPOS = ex.pos[i+1][0], ex.pos[i+1][1]
		if rng.Float64() >= rate {
			continue
		}
		pairs := alts[lowerASCII(w.Form)]
		if len(pairs) < 2 {
			continue
		}
		p := pairs[rng.IntN(len(pairs))]
		if p == ex.pos[i+1] {
			p = pairs[(slices.Index(pairs, p)+1)%len(pairs)]
		}
		w.UPOS, w.XPOS = p[0], p[1]
	}
}

// trainEntry is one (feature, class) weight with its running sum for
// averaging.
type trainEntry struct {
	class uint8
	w     float32
	ts    int32   // instance count when total was last brought up to date
	total float64 // sum of w over instances up to ts
}

// trainWeights are the perceptron weights during training: per feature a
// short list of the classes it has weights for.
type trainWeights struct {
	idx      map[uint64]int32
	rows     [][]trainEntry
	nClasses int
	c        int32 // instances seen
}

func (t *trainWeights) tick() { t.c++ }

func (t *trainWeights) score(feats []uint64, sc []float32) {
	clear(sc)
	for _, f := range feats {
		if r, ok := t.idx[f]; ok {
			for _, e := range t.rows[r] {
				sc[e.class] += e.w
			}
		}
	}
}

func (t *trainWeights) update(feats []uint64, good, bad int) {
	for _, f := range feats {
		r, ok := t.idx[f]
		if !ok {
			r = int32(len(t.rows))
			t.idx[f] = r
			t.rows = append(t.rows, make([]trainEntry, 0, 2))
		}
		t.rows[r] = t.add(t.rows[r], uint8(good), 1)
		t.rows[r] = t.add(t.rows[r], uint8(bad), -1)
	}
}

func (t *trainWeights) add(row []trainEntry, class uint8, delta float32) []trainEntry {
	for i := range row {
		e := &row[i]
		if e.class == class {
			e.total += float64(t.c-e.ts) * float64(e.w)
			e.ts = t.c
			e.w += delta
			return row
		}
	}
	return append(row, trainEntry{class: class, w: delta, ts: t.c})
}

// model returns the averaged weights as a compact model, dropping weights
// below minWeight in magnitude and quantising the rest to int16.
func (t *trainWeights) model(labels []string, rootL uint8, minWeight float64) (*Model, error) {
	// Features whose model keys coincide (a handful among millions) are
	// merged by adding their weights.
	keys := make([]uint64, 0, len(t.idx))
	for k := range t.idx {
		keys = append(keys, k)
	}
	slices.SortFunc(keys, func(x, y uint64) int {
		if c := cmp.Compare(modelKey(x), modelKey(y)); c != 0 {
			return c
		}
		return cmp.Compare(x, y)
	})
	c := float64(max(t.c, 1))
	avg := func(e *trainEntry) float64 {
		return (e.total + float64(t.c-e.ts)*float64(e.w)) / c
	}
	maxAbs := 0.0
	for _, r := range t.rows {
		for i := range r {
			maxAbs = max(maxAbs, math.Abs(avg(&r[i])))
		}
	}
	if maxAbs == 0 {
		maxAbs = 1
	}
	scale := maxAbs / 32767
	m := &Model{labels: slices.Clone(labels), rootL: rootL, nClasses: nOps + len(labels), scale: float32(scale)}
	var kept []uint64
	var counts []uint32
	sum := make([]float64, m.nClasses)
	for i := 0; i < len(keys); {
		mk := modelKey(keys[i])
		clear(sum)
		for ; i < len(keys) && modelKey(keys[i]) == mk; i++ {
			r := t.rows[t.idx[keys[i]]]
			for j := range r {
				sum[r[j].class] += avg(&r[j])
			}
		}
		n := 0
		for cl, v := range sum {
			if math.Abs(v) < minWeight {
				continue
			}
			q := math.Round(v / scale)
			if q == 0 {
				continue
			}
			q = max(min(q, math.MaxInt16), math.MinInt16)
			m.ents = append(m.ents, weight{class: uint8(cl), w: int16(q)})
			n++
		}
		if n > 0 {
			kept = append(kept, mk)
			counts = append(counts, uint32(n))
		}
	}
	if len(m.ents) > maxEnts {
		return nil, fmt.Errorf("training parser: %d weights, at most %d fit the model (raise the minimum weight)", len(m.ents), maxEnts)
	}
	m.build(kept, counts)
	return m, nil
}
