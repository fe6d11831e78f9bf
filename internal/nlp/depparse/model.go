package depparse

import (
	"bytes"
	_ "embed"
	"encoding/binary"
	"errors"
	"fmt"
	"hash/crc32"
	"io"
	"math"
	"sync"
	"unsafe"

	"github.com/eventwire/eventwire/internal/nlp"
	"github.com/eventwire/eventwire/internal/nlp/hugepage"
	kgzip "github.com/klauspost/compress/gzip"
)

//go:embed model.bin
var embedded string

var (
	defaultOnce  sync.Once
	defaultModel *Model
	defaultErr   error
)

// Default returns the model embedded in the binary, decoded on first use.
// The model is shared: call NewParser for each goroutine.
func Default() (*Model, error) {
	defaultOnce.Do(func() {
		defaultModel, defaultErr = load(unsafe.Slice(unsafe.StringData(embedded), len(embedded)), false)
		if defaultErr != nil {
			defaultErr = fmt.Errorf("loading embedded parser model: %w", defaultErr)
			return
		}
		defaultModel.huge = new(hugepage.Promotion[Model])
	})
	return defaultModel, defaultErr
}

// Model is a trained parser: labels and the averaged-perceptron weights of
// the labelled transitions. It is read-only after Load and safe for
// concurrent use by any number of Parsers.
type Model struct {
	labels   []string
	rootL    uint8 // index of "root" in labels
	nClasses int
	scale    float32 // weight = int16 value × scale

	// Two open-addressing hash tables (linear probing) map feature keys to
	// weights. Parsing speed is bound by the memory traffic of lookups, so
	// they are small: trans holds the weights of the three transitions in
	// 8-byte slots; slots holds label weights, up to four in a 16-byte slot,
	// more in spill.
	trans []tslot
	slots []slot
	spill []weight
	// ents holds all weights, feature after feature in key order, from
	// training or a version 1 file until build makes the tables.
	ents     []weight
	nFeat    int
	nWeights int
	// huge is set on the embedded model, whose tables are read in place:
	// a Parser that has parsed hugepage.After sentences moves to its copy
	// on huge pages
	huge *hugepage.Promotion[Model]
}

// tslot is one feature's transition weights and 16 bits of its key (fp, 0
// when the slot is empty).
type tslot struct {
	fp uint16
	w  [nOps]int16
}

// slot is one feature's label weights: 32 bits of its key (fp, 0 when the slot is empty)
// and up to four (class, weight) pairs; unused pairs have class noClass. A
// feature with more weights has cls[0] == spill and its start in spill in
// w[0], w[1] (low, high 16 bits) and its count in w[2].
type slot struct {
	fp  uint32
	cls [4]uint8
	w   [4]int16
}

const (
	noClass = 255 // an unused pair; Parser.scores has room for it
	spill   = 254 // the weights are in Model.spill
)

type weight struct {
	class uint8
	w     int16
}

// Labels returns the dependency labels the model predicts.
func (m *Model) Labels() []string { return append([]string(nil), m.labels...) }

// Features returns the number of features with non-zero weights.
func (m *Model) Features() int { return m.nFeat }

// MemSize returns the approximate memory the model holds, in bytes,
// including tables mapped outside the Go heap.
func (m *Model) MemSize() int {
	return len(m.trans)*int(unsafe.Sizeof(tslot{})) + len(m.slots)*int(unsafe.Sizeof(slot{})) +
		len(m.spill)*int(unsafe.Sizeof(weight{}))
}

// Weights returns the number of stored (feature, class) weights.
func (m *Model) Weights() int { return m.nWeights }

// build fills the hash tables from features sorted by key; counts[i] is
// the number of ents that belong to keys[i]. The tables are then all the
// model holds.
func (m *Model) build(keys []uint64, counts []uint32) {
	m.nFeat, m.nWeights = len(keys), len(m.ents)
	defer func() { m.ents = nil }()
	nTrans, nLab, nSpill := 0, 0, 0
	start := uint32(0)
	for _, c := range counts {
		t, l := 0, 0
		for _, e := range m.ents[start : start+c] {
			if e.class < nOps {
				t++
			} else {
				l++
			}
		}
		if t > 0 {
			nTrans++
		}
		if l > 0 {
			nLab++
		}
		if l > 4 {
			nSpill += l
		}
		start += c
	}
	m.trans = hugepage.Alloc[tslot](m, nTrans+nTrans/2+8) // load factor at most 2/3
	m.slots = hugepage.Alloc[slot](m, nLab+nLab/2+8)
	m.spill = hugepage.Alloc[weight](m, nSpill)
	start, spilled := uint32(0), uint32(0)
	var lab [256]weight
	for i, k := range keys {
		var tw [nOps]int16
		nt, nl := 0, 0
		for _, e := range m.ents[start : start+counts[i]] {
			if e.class < nOps {
				tw[e.class] = e.w
				nt++
			} else {
				lab[nl] = e
				nl++
			}
		}
		start += counts[i]
		if nt > 0 {
			j, fp := home(k, len(m.trans))
			for m.trans[j].fp != 0 {
				if j++; j == len(m.trans) {
					j = 0
				}
			}
			m.trans[j] = tslot{fp: uint16(fp>>16) | 1, w: tw}
		}
		if nl == 0 {
			continue
		}
		j, fp := home(k, len(m.slots))
		for m.slots[j].fp != 0 {
			if j++; j == len(m.slots) {
				j = 0
			}
		}
		sl := slot{fp: fp, cls: [4]uint8{noClass, noClass, noClass, noClass}}
		if nl <= 4 {
			for x, e := range lab[:nl] {
				sl.cls[x], sl.w[x] = e.class, e.w
			}
		} else {
			sl.cls[0] = spill
			sl.w[0], sl.w[1], sl.w[2] = int16(uint16(spilled)), int16(uint16(spilled>>16)), int16(nl)
			copy(m.spill[spilled:], lab[:nl])
			spilled += uint32(nl)
		}
		m.slots[j] = sl
	}
}

// keyBits is the width of the feature keys a model stores: the top bits of
// the 64-bit feature hash, plus one so that no key is 0. The sorted keys
// delta-code in about three bytes each. In memory a key picks its home slot
// by a multiplicative hash and is told apart from its neighbours by a
// fingerprint of its high bits: 32 bits in the label table, 16 in the
// transition table (an absent feature then matches a stored one about once
// in 30,000 lookups, adding a few stray weights to one transition score).
const keyBits = 40

// maxEnts bounds the weights of a model: starts are packed in 32 bits.
const maxEnts = 1 << 31

// modelKey returns the stored key of feature hash f.
func modelKey(f uint64) uint64 { return f>>(64-keyBits) + 1 }

// home returns the home slot of model key k in a table of n slots and a
// 32-bit fingerprint of k (never 0).
func home(k uint64, n int) (int, uint32) {
	h := (k * 0x9e3779b97f4a7c15) >> 32
	return int(h * uint64(n) >> 32), uint32(k>>(keyBits-32)) | 1
}

// findTrans returns the transition slot of feature hash f, or -1.
func (m *Model) findTrans(f uint64) int32 {
	j, fp32 := home(modelKey(f), len(m.trans))
	fp := uint16(fp32>>16) | 1
	for {
		s := &m.trans[j]
		if s.fp == fp {
			return int32(j)
		}
		if s.fp == 0 {
			return -1
		}
		if j++; j == len(m.trans) {
			j = 0
		}
	}
}

// findLabel returns the label slot of feature hash f, or -1.
func (m *Model) findLabel(f uint64) int32 {
	j, fp := home(modelKey(f), len(m.slots))
	for {
		s := &m.slots[j]
		if s.fp == fp {
			return int32(j)
		}
		if s.fp == 0 {
			return -1
		}
		if j++; j == len(m.slots) {
			j = 0
		}
	}
}

// Parser parses sentences with a Model. It owns scratch buffers and is not
// safe for concurrent use; make one per goroutine with Model.NewParser.
type Parser struct {
	m      *Model
	st     state
	a      atoms
	feats  []uint64
	found  []int32  // home slots of feats
	seen   []uint32 // fingerprints in those slots
	scores *[256]int32
	parsed int // sentences parsed while m.huge is set
}

// NewParser returns a parser using m.
func (m *Model) NewParser() *Parser {
	return &Parser{
		m:      m,
		feats:  make([]uint64, 0, maxFeatures),
		found:  make([]int32, maxFeatures),
		seen:   make([]uint32, maxFeatures),
		scores: new([256]int32),
	}
}

// Parse fills Head and Deprel of every word of s from its Form, Lemma, UPOS
// and XPOS. The result is always a tree with exactly one word attached to
// the root. An empty sentence is left alone.
func (p *Parser) Parse(s *nlp.Sentence) {
	n := len(s.Words)
	if n == 0 {
		return
	}
	if p.m.huge != nil {
		if p.parsed++; p.parsed >= hugepage.After {
			p.m = p.m.hugeModel()
		}
	}
	p.a.fill(s)
	st := &p.st
	st.reset(n)
	m := p.m
	for !st.terminal() {
		op := st.only()
		if op < 0 {
			p.feats = extract(st, &p.a, p.feats)
			m.scoreTrans(p.feats, p.found, p.seen, p.scores)
			op = bestOp(st, p.scores)
		}
		var l uint8
		if op != opShift {
			l = p.label(st, op)
		}
		st.apply(op, l)
	}
	for i := range s.Words {
		s.Words[i].Head = int(st.head[i+1])
		s.Words[i].Deprel = m.labels[st.label[i+1]]
	}
	reroot(s)
}

// scoreTrans sets sc[0:nOps] to the transition scores of feats. found and
// seen are scratch space of at least len(feats).
//
// The table is megabytes, so nearly every lookup misses the cache. A first
// loop, without branches, reads every feature's home slot, so that the
// processor has all those reads in flight at once; a second loop then
// resolves each feature from its home slot onwards (as findTrans does) and
// adds its weights.
func (m *Model) scoreTrans(feats []uint64, found []int32, seen []uint32, sc *[256]int32) {
	found, seen = found[:len(feats)], seen[:len(feats)]
	n := len(m.trans)
	for i, f := range feats {
		j, _ := home(modelKey(f), n)
		found[i] = int32(j)
		seen[i] = uint32(m.trans[j].fp)
	}
	var s0, s1, s2 int32
	for i, f := range feats {
		_, fp32 := home(modelKey(f), n)
		fp := uint16(fp32>>16) | 1
		j, got := int(found[i]), uint16(seen[i])
		for got != fp && got != 0 {
			if j++; j == n {
				j = 0
			}
			got = m.trans[j].fp
		}
		if got == fp {
			w := &m.trans[j].w
			s0 += int32(w[0])
			s1 += int32(w[1])
			s2 += int32(w[2])
		}
	}
	sc[0], sc[1], sc[2] = s0, s1, s2
}

// scoreLabels sets sc to the label scores of feats, reading the table as
// scoreTrans does; found and seen are scratch space of at least len(feats).
func (m *Model) scoreLabels(feats []uint64, found []int32, seen []uint32, sc *[256]int32) {
	found, seen = found[:len(feats)], seen[:len(feats)]
	n := len(m.slots)
	for i, f := range feats {
		j, _ := home(modelKey(f), n)
		found[i] = int32(j)
		seen[i] = m.slots[j].fp
	}
	clear(sc[:])
	for i, f := range feats {
		_, fp := home(modelKey(f), n)
		j, got := int(found[i]), seen[i]
		for got != fp && got != 0 {
			if j++; j == n {
				j = 0
			}
			got = m.slots[j].fp
		}
		if got != fp {
			continue
		}
		s := &m.slots[j]
		if s.cls[0] == spill {
			start := uint32(uint16(s.w[0])) | uint32(uint16(s.w[1]))<<16
			for _, e := range m.spill[start : start+uint32(s.w[2])] {
				sc[e.class] += int32(e.w)
			}
			continue
		}
		sc[s.cls[0]] += int32(s.w[0])
		sc[s.cls[1]] += int32(s.w[1])
		sc[s.cls[2]] += int32(s.w[2])
		sc[s.cls[3]] += int32(s.w[3])
	}
}

// label chooses the label of the arc that transition op is about to make.
func (p *Parser) label(st *state, op int) uint8 {
	m := p.m
	if op == opRight && st.rightToRoot() {
		return m.rootL
	}
	h, d := arcOf(st, op)
	p.feats = extractLabel(st, &p.a, h, d, p.feats)
	m.scoreLabels(p.feats, p.found, p.seen, p.scores)
	return bestLabel(p.scores[labelClass0:labelClass0+len(m.labels)], m.rootL)
}

// Classes: the three transitions, then one per label.
const (
	labelClass0 = 3
	nOps        = 3
)

// arcOf returns the head and dependent of the arc LEFT or RIGHT makes.
func arcOf(st *state, op int) (h, d int32) {
	if op == opLeft {
		return st.buf(0), st.s(0)
	}
	return st.s(1), st.s(0)
}

// bestOp returns the highest-scoring allowed transition.
func bestOp[T int32 | float32](st *state, sc *[256]T) int {
	best := -1
	for op := opShift; op <= opRight; op++ {
		if st.canDo(op) && (best < 0 || sc[op] > sc[best]) {
			best = op
		}
	}
	return best
}

// bestLabel returns the highest-scoring label other than root.
func bestLabel[T int32 | float32](sc []T, rootL uint8) uint8 {
	best := -1
	for l, v := range sc {
		if uint8(l) != rootL && (best < 0 || v > sc[best]) {
			best = l
		}
	}
	return uint8(best)
}

// File format (version 2) is load-ready: the hash tables are stored as
// they are used in memory, so that the embedded model is used in place,
// without decoding or allocating a weight.
//
//	magic    "eventwire-depparse-v2\n"
//	uint32   length H of the header (little endian)
//	H bytes  uvarint number of labels L, then each label as uvarint length +
//	         bytes; float32 weight scale; uvarint number of features;
//	         uvarint number of weights
//	         zero bytes up to a multiple of 8 from the start of the file
//	uint32   transition slots T, label slots S, spilled weights P, 0
//	T × 8    transition slots (fp uint16, three int16 weights)
//	S × 16   label slots (fp uint32, four class bytes, four int16 weights)
//	P × 4    spilled weights (class byte, zero byte, int16 weight)
//	         zero bytes up to a multiple of 8
//	uint32   CRC-32 (IEEE) of everything before it; uint32 end marker
//
// All integers are little endian. Version 1 files (a gzip stream of the
// labels, the scale and the features, keys delta-coded, weights varints)
// still load; the tables are then built from the features.
const (
	magic  = "eventwire-depparse-v2\n"
	magic1 = "eventwire-depparse-v1\n"
)

// limits on what Load accepts, so corrupt input cannot ask for huge memory.
const (
	maxLabels  = 250 // classes 0..252; 253..255 are markers
	maxFeat    = 1 << 23
	maxPayload = 1 << 28
	maxSlots   = 1 << 26
	maxHeader  = 1 << 16
)

const endMarker = 0x70617273

// Save writes m in the format Load reads.
func (m *Model) Save(w io.Writer) error {
	var tmp [binary.MaxVarintLen64]byte
	var head []byte
	head = binary.AppendUvarint(head, uint64(len(m.labels)))
	for _, l := range m.labels {
		head = binary.AppendUvarint(head, uint64(len(l)))
		head = append(head, l...)
	}
	binary.LittleEndian.PutUint32(tmp[:4], math.Float32bits(m.scale))
	head = append(head, tmp[:4]...)
	head = binary.AppendUvarint(head, uint64(m.nFeat))
	head = binary.AppendUvarint(head, uint64(m.nWeights))
	le := binary.LittleEndian
	out := make([]byte, 0, len(magic)+4+len(head)+8+16+8*len(m.trans)+16*len(m.slots)+4*len(m.spill)+16)
	out = append(out, magic...)
	out = le.AppendUint32(out, uint32(len(head)))
	out = pad8(append(out, head...))
	out = le.AppendUint32(out, uint32(len(m.trans)))
	out = le.AppendUint32(out, uint32(len(m.slots)))
	out = le.AppendUint32(out, uint32(len(m.spill)))
	out = le.AppendUint32(out, 0)
	for _, t := range m.trans {
		out = le.AppendUint16(out, t.fp)
		for _, v := range t.w {
			out = le.AppendUint16(out, uint16(v))
		}
	}
	for _, sl := range m.slots {
		out = le.AppendUint32(out, sl.fp)
		out = append(out, sl.cls[:]...)
		for _, v := range sl.w {
			out = le.AppendUint16(out, uint16(v))
		}
	}
	for _, e := range m.spill {
		out = append(out, e.class, 0)
		out = le.AppendUint16(out, uint16(e.w))
	}
	out = pad8(out)
	out = le.AppendUint32(out, crc32.ChecksumIEEE(out))
	out = le.AppendUint32(out, endMarker)
	if _, err := w.Write(out); err != nil {
		return fmt.Errorf("writing parser model: %w", err)
	}
	return nil
}

// pad8 appends zero bytes to b up to a multiple of 8.
func pad8(b []byte) []byte {
	for len(b)%8 != 0 {
		b = append(b, 0)
	}
	return b
}

var errCorrupt = errors.New("corrupt parser model")

// Load reads a model written by Save (or a version 1 model). Truncated or
// corrupt input is an error.
func Load(r io.Reader) (*Model, error) {
	var buf bytes.Buffer
	if _, err := buf.ReadFrom(io.LimitReader(r, maxPayload+1)); err != nil {
		return nil, fmt.Errorf("reading parser model: %w", err)
	}
	if buf.Len() > maxPayload {
		return nil, fmt.Errorf("reading parser model: more than %d bytes", maxPayload)
	}
	return load(aligned(buf.Bytes()), true)
}

// aligned returns b, or a copy of b that starts at a multiple of 8 bytes.
func aligned(b []byte) []byte {
	if len(b) == 0 || uintptr(unsafe.Pointer(&b[0]))%8 == 0 {
		return b
	}
	w := make([]uint64, (len(b)+7)/8)
	c := unsafe.Slice((*byte)(unsafe.Pointer(&w[0])), len(b))
	copy(c, b)
	return c
}

// load decodes a model file. The tables are used in place when data is
// aligned and the machine little endian, else decoded; check verifies the
// checksum and the tables (a model that passes is safe to parse with,
// whatever its weights). The embedded model is loaded without the check
// (TestEmbeddedModel makes it), so that start-up neither reads nor keeps
// in memory the tables' pages until a parse needs them.
func load(data []byte, check bool) (*Model, error) {
	switch {
	case bytes.HasPrefix(data, []byte(magic1)):
		return loadV1(data[len(magic1):])
	case !bytes.HasPrefix(data, []byte(magic)):
		return nil, fmt.Errorf("reading parser model: not a parser model (bad header)")
	}
	m, err := loadV2(data, check)
	if err != nil {
		return nil, fmt.Errorf("reading parser model: %w", err)
	}
	return m, nil
}

// littleEndian tells whether the machine stores integers as the file does.
var littleEndian = func() bool {
	x := uint16(1)
	return *(*byte)(unsafe.Pointer(&x)) == 1
}()

func loadV2(data []byte, check bool) (*Model, error) {
	le := binary.LittleEndian
	off := len(magic)
	if len(data) < off+4 {
		return nil, fmt.Errorf("header length: %w", io.ErrUnexpectedEOF)
	}
	h := int(le.Uint32(data[off:]))
	off += 4
	if h > maxHeader || h > len(data)-off {
		return nil, fmt.Errorf("%w: header of %d bytes", errCorrupt, h)
	}
	d := decoder{b: data[off : off+h]}
	m, err := d.head()
	if err != nil {
		return nil, fmt.Errorf("header byte %d: %w", d.off, err)
	}
	nf, err := d.uvarint()
	if err != nil || nf > maxFeat {
		return nil, fmt.Errorf("%w: number of features", errCorrupt)
	}
	nw, err := d.uvarint()
	if err != nil || nw > maxEnts {
		return nil, fmt.Errorf("%w: number of weights", errCorrupt)
	}
	if d.off != len(d.b) {
		return nil, fmt.Errorf("%w: %d trailing header bytes", errCorrupt, len(d.b)-d.off)
	}
	m.nFeat, m.nWeights = int(nf), int(nw)
	off += h
	for ; off%8 != 0; off++ {
		if off >= len(data) || data[off] != 0 {
			return nil, fmt.Errorf("%w: padding at byte %d", errCorrupt, off)
		}
	}
	if len(data)-off < 16 {
		return nil, fmt.Errorf("table sizes: %w", io.ErrUnexpectedEOF)
	}
	nt, ns, np := uint64(le.Uint32(data[off:])), uint64(le.Uint32(data[off+4:])), uint64(le.Uint32(data[off+8:]))
	if nt == 0 || ns == 0 || nt > maxSlots || ns > maxSlots || np > maxSlots || le.Uint32(data[off+12:]) != 0 {
		return nil, fmt.Errorf("%w: table sizes %d, %d, %d", errCorrupt, nt, ns, np)
	}
	off += 16
	size := (8*nt + 16*ns + 4*np + 7) &^ 7
	if uint64(len(data)-off) < size+8 {
		return nil, fmt.Errorf("tables: %w", io.ErrUnexpectedEOF)
	}
	tb := data[off : off+int(size)]
	end := off + int(size)
	if check && crc32.ChecksumIEEE(data[:end]) != le.Uint32(data[end:]) {
		return nil, fmt.Errorf("%w: checksum mismatch", errCorrupt)
	}
	if le.Uint32(data[end+4:]) != endMarker {
		return nil, fmt.Errorf("%w: no end marker", errCorrupt)
	}
	if len(data) != end+8 {
		return nil, fmt.Errorf("%w: %d trailing bytes", errCorrupt, len(data)-end-8)
	}
	tt, st, pt := tb[:8*nt], tb[8*nt:8*nt+16*ns], tb[8*nt+16*ns:8*nt+16*ns+4*np]
	if littleEndian && uintptr(unsafe.Pointer(&tb[0]))%8 == 0 {
		m.trans = unsafe.Slice((*tslot)(unsafe.Pointer(&tt[0])), nt)
		m.slots = unsafe.Slice((*slot)(unsafe.Pointer(&st[0])), ns)
		if np > 0 {
			m.spill = unsafe.Slice((*weight)(unsafe.Pointer(&pt[0])), np)
		}
	} else {
		m.trans = make([]tslot, nt)
		for i := range m.trans {
			b := tt[8*i:]
			m.trans[i] = tslot{fp: le.Uint16(b), w: [nOps]int16{int16(le.Uint16(b[2:])), int16(le.Uint16(b[4:])), int16(le.Uint16(b[6:]))}}
		}
		m.slots = make([]slot, ns)
		for i := range m.slots {
			b := st[16*i:]
			sl := slot{fp: le.Uint32(b)}
			copy(sl.cls[:], b[4:8])
			for j := range sl.w {
				sl.w[j] = int16(le.Uint16(b[8+2*j:]))
			}
			m.slots[i] = sl
		}
		m.spill = make([]weight, np)
		for i := range m.spill {
			m.spill[i] = weight{class: pt[4*i], w: int16(le.Uint16(pt[4*i+2:]))}
		}
	}
	if check {
		if err := m.checkTables(); err != nil {
			return nil, err
		}
	}
	return m, nil
}

// checkTables verifies that lookups end (each table has an empty slot) and
// that spilled weights lie inside the spill table. Classes need no check:
// scores have room for all 256.
func (m *Model) checkTables() error {
	empty := false
	for _, t := range m.trans {
		if t.fp == 0 {
			empty = true
			break
		}
	}
	if !empty {
		return fmt.Errorf("%w: transition table full", errCorrupt)
	}
	empty = false
	for i, s := range m.slots {
		if s.fp == 0 {
			empty = true
			continue
		}
		if s.cls[0] == spill {
			start := uint64(uint16(s.w[0])) | uint64(uint16(s.w[1]))<<16
			if start+uint64(uint16(s.w[2])) > uint64(len(m.spill)) {
				return fmt.Errorf("%w: label slot %d: spilled weights %d+%d out of range (%d)", errCorrupt, i, start, uint16(s.w[2]), len(m.spill))
			}
		}
	}
	if !empty {
		return fmt.Errorf("%w: label table full", errCorrupt)
	}
	return nil
}

// loadV1 reads the gzip stream of a version 1 file.
func loadV1(rest []byte) (*Model, error) {
	zr, err := kgzip.NewReader(bytes.NewReader(rest)) // klauspost/compress inflates twice as fast
	if err != nil {
		return nil, fmt.Errorf("reading parser model: %w", err)
	}
	data, err := io.ReadAll(io.LimitReader(zr, maxPayload))
	if err != nil {
		return nil, fmt.Errorf("reading parser model: %w", err)
	}
	d := decoder{b: data}
	m, err := d.model()
	if err != nil {
		return nil, fmt.Errorf("reading parser model at byte %d of payload: %w", d.off, err)
	}
	return m, nil
}

type decoder struct {
	b   []byte
	off int
}

func (d *decoder) uvarint() (uint64, error) {
	v, n := binary.Uvarint(d.b[d.off:])
	if n <= 0 {
		return 0, errCorrupt
	}
	d.off += n
	return v, nil
}

// head reads the labels and the weight scale.
func (d *decoder) head() (*Model, error) {
	nl, err := d.uvarint()
	if err != nil {
		return nil, err
	}
	if nl == 0 || nl > maxLabels {
		return nil, fmt.Errorf("%w: %d labels", errCorrupt, nl)
	}
	m := &Model{labels: make([]string, nl), rootL: 255}
	for i := range m.labels {
		n, err := d.uvarint()
		if err != nil {
			return nil, err
		}
		if n == 0 || n > 64 || uint64(len(d.b)-d.off) < n {
			return nil, fmt.Errorf("%w: label %d", errCorrupt, i)
		}
		m.labels[i] = string(d.b[d.off : d.off+int(n)])
		d.off += int(n)
		if m.labels[i] == "root" {
			m.rootL = uint8(i)
		}
	}
	if m.rootL == 255 || len(m.labels) < 2 {
		return nil, fmt.Errorf("%w: no root label or no other label", errCorrupt)
	}
	m.nClasses = nOps + len(m.labels)
	if len(d.b)-d.off < 4 {
		return nil, errCorrupt
	}
	m.scale = math.Float32frombits(binary.LittleEndian.Uint32(d.b[d.off:]))
	d.off += 4
	if !(m.scale > 0) || math.IsInf(float64(m.scale), 0) {
		return nil, fmt.Errorf("%w: weight scale %v", errCorrupt, m.scale)
	}
	return m, nil
}

// model reads the version 1 payload: the head, then the features.
func (d *decoder) model() (*Model, error) {
	m, err := d.head()
	if err != nil {
		return nil, err
	}
	nf, err := d.uvarint()
	if err != nil {
		return nil, err
	}
	// Every feature takes at least four bytes (key delta, count, class,
	// weight), so F is bounded by the payload.
	if nf > maxFeat || nf > uint64(len(d.b)-d.off)/4 {
		return nil, fmt.Errorf("%w: %d features", errCorrupt, nf)
	}
	keys := make([]uint64, nf)
	counts := make([]uint32, nf)
	m.ents = make([]weight, 0, nf*4)
	prev := uint64(0)
	for i := range keys {
		delta, err := d.uvarint()
		if err != nil {
			return nil, err
		}
		k := prev + delta
		if (i > 0 && delta == 0) || k < prev || k == 0 || k > 1<<keyBits {
			return nil, fmt.Errorf("%w: feature keys out of order", errCorrupt)
		}
		keys[i], prev = k, k
		c, err := d.uvarint()
		if err != nil {
			return nil, err
		}
		if c == 0 || c > uint64(m.nClasses) {
			return nil, fmt.Errorf("%w: feature %d has %d weights", errCorrupt, i, c)
		}
		counts[i] = uint32(c)
		for j := uint64(0); j < c; j++ {
			if d.off >= len(d.b) {
				return nil, errCorrupt
			}
			cl := d.b[d.off]
			d.off++
			if int(cl) >= m.nClasses {
				return nil, fmt.Errorf("%w: class %d", errCorrupt, cl)
			}
			v, n := binary.Varint(d.b[d.off:])
			if n <= 0 || v < math.MinInt16 || v > math.MaxInt16 {
				return nil, fmt.Errorf("%w: weight", errCorrupt)
			}
			d.off += n
			m.ents = append(m.ents, weight{class: cl, w: int16(v)})
		}
		if len(m.ents) > maxEnts {
			return nil, fmt.Errorf("%w: more than %d weights", errCorrupt, maxEnts)
		}
	}
	if d.off != len(d.b) {
		return nil, fmt.Errorf("%w: %d trailing bytes", errCorrupt, len(d.b)-d.off)
	}
	m.build(keys, counts)
	return m, nil
}
