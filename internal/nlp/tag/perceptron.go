package tag

import (
	"math"
	"sort"
)

// weights is a trained, quantised perceptron: for each feature key the
// classes it votes for and its int16 weights. Keys live in an open-addressing
// table of 8-byte slots; a feature with one vote keeps it in its slot, others
// point to a run of entries headed by their count. It is read-only after
// construction and safe for concurrent use.
type weights struct {
	mask    uint32
	slots   []slot
	entries []entry
	nkeys   int
}

// slot is one cell of the feature table: key 0 marks an empty cell. When
// the top bit of val is set, the feature's single vote is inline (class in
// bits 16-30, weight in bits 0-15); otherwise val indexes its entries, the
// first of which holds the count in cls.
type slot struct {
	key uint32
	val uint32
}

const inlineVote = 1 << 31

// entry is one (class, weight) vote of a feature.
type entry struct {
	cls uint16
	w   int16
}

// score accumulates the weights of all keys into scores. It first reads
// the home slot of every key, in a loop without branches so that the
// processor has all those memory reads in flight at once (a table is
// megabytes: nearly every read misses the cache), then resolves each key
// from its home slot onwards, keeping the entry runs it finds in hits, and
// then adds the runs. It returns hits for reuse.
func (ws *weights) score(keys []uint32, scores []int32, hits []uint32) []uint32 {
	hits = hits[:0]
	if ws.mask == 0 {
		return hits
	}
	var home [64]slot
	for len(keys) > 0 {
		ks := keys[:min(len(keys), len(home))]
		keys = keys[len(ks):]
		for i, key := range ks {
			home[i] = ws.slots[(key*0x9E3779B1)&ws.mask]
		}
		for i, key := range ks {
			sl := home[i]
			j := (key * 0x9E3779B1) & ws.mask
			for sl.key != key && sl.key != 0 {
				j = (j + 1) & ws.mask
				sl = ws.slots[j]
			}
			if sl.key != key {
				continue
			}
			if sl.val&inlineVote != 0 {
				scores[(sl.val>>16)&0x7fff] += int32(int16(sl.val))
			} else {
				hits = append(hits, sl.val)
			}
		}
	}
	// The entry runs are read the same way: first every run's head (its
	// count), without branches, then the runs.
	var count [64]uint16
	for rest := hits; len(rest) > 0; {
		hs := rest[:min(len(rest), len(count))]
		rest = rest[len(hs):]
		for i, h := range hs {
			count[i] = ws.entries[h].cls
		}
		for i, h := range hs {
			for _, e := range ws.entries[h+1 : h+1+uint32(count[i])] {
				scores[e.cls] += int32(e.w)
			}
		}
	}
	return hits
}

// feature is one feature's entries, the unit weights are built from.
type feature struct {
	key uint32
	cls []uint16
	w   []int16
}

// buildWeights makes the lookup table of features, which must be sorted by
// key without duplicates.
func buildWeights(fs []feature) *weights {
	ws := &weights{nkeys: len(fs)}
	if len(fs) == 0 {
		return ws
	}
	size := uint32(1)
	for int(size) < 2*len(fs) {
		size <<= 1
	}
	ws.mask = size - 1
	ws.slots = make([]slot, size)
	total := 0
	for _, f := range fs {
		if len(f.cls) > 1 {
			total += 1 + len(f.cls)
		}
	}
	ws.entries = make([]entry, 0, total)
	for _, f := range fs {
		j := (f.key * 0x9E3779B1) & ws.mask
		for ws.slots[j].key != 0 {
			j = (j + 1) & ws.mask
		}
		if len(f.cls) == 1 && f.cls[0] < 1<<15 {
			ws.slots[j] = slot{key: f.key, val: inlineVote | uint32(f.cls[0])<<16 | uint32(uint16(f.w[0]))}
			continue
		}
		ws.slots[j] = slot{key: f.key, val: uint32(len(ws.entries))}
		ws.entries = append(ws.entries, entry{cls: uint16(len(f.cls))})
		for i, c := range f.cls {
			ws.entries = append(ws.entries, entry{cls: c, w: f.w[i]})
		}
	}
	return ws
}

// features returns the table's features sorted by key.
func (ws *weights) features() []feature {
	fs := make([]feature, 0, ws.nkeys)
	for _, sl := range ws.slots {
		if sl.key == 0 {
			continue
		}
		f := feature{key: sl.key}
		if sl.val&inlineVote != 0 {
			f.cls = []uint16{uint16((sl.val >> 16) & 0x7fff)}
			f.w = []int16{int16(sl.val)}
		} else {
			n := uint32(ws.entries[sl.val].cls)
			for _, e := range ws.entries[sl.val+1 : sl.val+1+n] {
				f.cls = append(f.cls, e.cls)
				f.w = append(f.w, e.w)
			}
		}
		fs = append(fs, f)
	}
	sort.Slice(fs, func(a, b int) bool { return fs[a].key < fs[b].key })
	return fs
}

// memSize is the table's size in memory, in bytes.
func (ws *weights) memSize() int {
	if ws == nil {
		return 0
	}
	return len(ws.slots)*8 + len(ws.entries)*4
}

// trainEntry is one (feature, class) weight during training, with the
// running sum needed for averaging (Collins 2002, lazily updated).
type trainEntry struct {
	cls   uint16
	w     int32
	total int64 // sum of w over the steps before ts
	ts    int64 // step of the last change of w
}

// perceptron is an averaged perceptron under training. Weights are integers
// (updates are ±1), so training is exact and deterministic.
type perceptron struct {
	index   map[uint32]int32
	entries [][]trainEntry
	step    int64
}

func newPerceptron() *perceptron {
	return &perceptron{index: make(map[uint32]int32)}
}

// score fills scores (all classes) for the feature keys.
func (p *perceptron) score(keys []uint32, scores []int32) {
	for i := range scores {
		scores[i] = 0
	}
	for _, k := range keys {
		fi, ok := p.index[k]
		if !ok {
			continue
		}
		for _, e := range p.entries[fi] {
			scores[e.cls] += e.w
		}
	}
}

// update moves the weights of keys towards gold and away from guess.
func (p *perceptron) update(keys []uint32, gold, guess int) {
	for _, k := range keys {
		fi, ok := p.index[k]
		if !ok {
			fi = int32(len(p.entries))
			p.index[k] = fi
			p.entries = append(p.entries, nil)
		}
		p.bump(fi, uint16(gold), 1)
		p.bump(fi, uint16(guess), -1)
	}
}

func (p *perceptron) bump(fi int32, c uint16, d int32) {
	es := p.entries[fi]
	for i := range es {
		if es[i].cls == c {
			e := &es[i]
			e.total += int64(e.w) * (p.step - e.ts)
			e.ts = p.step
			e.w += d
			return
		}
	}
	p.entries[fi] = append(es, trainEntry{cls: c, w: d, ts: p.step})
}

// tick advances the averaging clock by one training instance.
func (p *perceptron) tick() { p.step++ }

// average returns the averaged weights quantised to int16 and scaled so that
// the largest magnitude is 32767; weights that round to zero are dropped, as
// are features left with no entry.
func (p *perceptron) average() []feature { return averageAll(p) }

// averageAll is average for the mean of several perceptrons.
func averageAll(ps ...*perceptron) []feature {
	type cw struct {
		cls uint16
		w   float64
	}
	sum := map[uint32][]cw{}
	for _, p := range ps {
		for k, fi := range p.index {
			for _, e := range p.entries[fi] {
				a := float64(e.total+int64(e.w)*(p.step-e.ts)) / float64(max(p.step, 1)) / float64(len(ps))
				ws := sum[k]
				found := false
				for i := range ws {
					if ws[i].cls == e.cls {
						ws[i].w += a
						found = true
						break
					}
				}
				if !found {
					sum[k] = append(ws, cw{e.cls, a})
				}
			}
		}
	}
	keys := make([]uint32, 0, len(sum))
	maxAbs := 0.0
	for k, ws := range sum {
		keys = append(keys, k)
		for _, x := range ws {
			maxAbs = max(maxAbs, math.Abs(x.w))
		}
	}
	sort.Slice(keys, func(a, b int) bool { return keys[a] < keys[b] })
	scale := 1.0
	if maxAbs > 0 {
		scale = 32767 / maxAbs
	}
	var fs []feature
	for _, k := range keys {
		ws := sum[k]
		sort.Slice(ws, func(a, b int) bool { return ws[a].cls < ws[b].cls })
		f := feature{key: k}
		for _, x := range ws {
			q := math.Round(x.w * scale)
			if q == 0 {
				continue
			}
			f.cls = append(f.cls, x.cls)
			f.w = append(f.w, int16(q))
		}
		if len(f.cls) > 0 {
			fs = append(fs, f)
		}
	}
	return fs
}
