package depparse

import (
	"bufio"
	"bytes"
	"compress/gzip"
	_ "embed"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"math"
	"slices"
	"sync"

	"github.com/eventwire/eventwire/internal/nlp"
)

//go:embed model.bin
var embedded []byte

var (
	defaultOnce  sync.Once
	defaultModel *Model
	defaultErr   error
)

// Default returns the model embedded in the binary, decoded on first use.
// The model is shared: call NewParser for each goroutine.
func Default() (*Model, error) {
	defaultOnce.Do(func() {
		defaultModel, defaultErr = Load(bytes.NewReader(embedded))
		if defaultErr != nil {
			defaultErr = fmt.Errorf("loading embedded parser model: %w", defaultErr)
		}
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

	// slots is an open-addressing hash table (linear probing, power-of-two
	// size) from feature hash to its run of weights in ents.
	slots []slot
	mask  uint64
	ents  []weight
	nFeat int
}

type slot struct {
	key   uint64 // 0 when empty
	start uint32
	count uint32
}

type weight struct {
	class uint8
	w     int16
}

// Labels returns the dependency labels the model predicts.
func (m *Model) Labels() []string { return append([]string(nil), m.labels...) }

// Features returns the number of features with non-zero weights.
func (m *Model) Features() int { return m.nFeat }

// Weights returns the number of stored (feature, class) weights.
func (m *Model) Weights() int { return len(m.ents) }

// build fills the hash table from features sorted by key; counts[i] is the
// number of ents that belong to keys[i].
func (m *Model) build(keys []uint64, counts []uint32) {
	size := 1
	for size < 2*len(keys)+2 {
		size *= 2
	}
	m.slots = make([]slot, size)
	m.mask = uint64(size - 1)
	m.nFeat = len(keys)
	start := uint32(0)
	for i, k := range keys {
		j := k & m.mask
		for m.slots[j].key != 0 {
			j = (j + 1) & m.mask
		}
		m.slots[j] = slot{key: k, start: start, count: counts[i]}
		start += counts[i]
	}
}

// keyBits is the width of the feature keys a model stores: the top bits of
// the 64-bit feature hash, plus one so that no key is 0. With two million
// features a 40-bit key makes a false match of an unknown feature a one in
// 500,000 event per lookup, and the sorted keys delta-code in about three
// bytes each.
const keyBits = 40

// modelKey returns the stored key of feature hash f.
func modelKey(f uint64) uint64 { return f>>(64-keyBits) + 1 }

// lookup returns the weights of feature hash f.
func (m *Model) lookup(f uint64) []weight {
	k := modelKey(f)
	j := k & m.mask
	for {
		s := &m.slots[j]
		if s.key == k {
			return m.ents[s.start : s.start+s.count]
		}
		if s.key == 0 {
			return nil
		}
		j = (j + 1) & m.mask
	}
}

// Parser parses sentences with a Model. It owns scratch buffers and is not
// safe for concurrent use; make one per goroutine with Model.NewParser.
type Parser struct {
	m      *Model
	st     state
	a      atoms
	feats  []uint64
	scores []int32
}

// NewParser returns a parser using m.
func (m *Model) NewParser() *Parser {
	return &Parser{
		m:      m,
		feats:  make([]uint64, 0, maxFeatures),
		scores: make([]int32, m.nClasses),
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
	p.a.fill(s)
	st := &p.st
	st.reset(n)
	m := p.m
	L := len(m.labels)
	for !st.terminal() {
		p.feats = extract(st, &p.a, p.feats)
		sc := p.scores
		clear(sc)
		for _, f := range p.feats {
			for _, e := range m.lookup(f) {
				sc[e.class] += int32(e.w)
			}
		}
		op, l := bestMove(st, sc, L, m.rootL)
		st.apply(op, l)
	}
	for i := range s.Words {
		s.Words[i].Head = int(st.head[i+1])
		s.Words[i].Deprel = m.labels[st.label[i+1]]
	}
}

// bestMove returns the highest-scoring allowed transition and label.
func bestMove[T int32 | float32](st *state, sc []T, L int, rootL uint8) (int, uint8) {
	bestOp, bestL := -1, uint8(0)
	var best T
	if st.canDo(opShift) {
		bestOp, best = opShift, sc[0]
	}
	if st.canDo(opLeft) {
		for l := 0; l < L; l++ {
			if uint8(l) == rootL {
				continue
			}
			if v := sc[1+l]; bestOp < 0 || v > best {
				bestOp, bestL, best = opLeft, uint8(l), v
			}
		}
	}
	if st.canDo(opRight) {
		if st.rightToRoot() {
			if v := sc[1+L+int(rootL)]; bestOp < 0 || v > best {
				bestOp, bestL, best = opRight, rootL, v
			}
		} else {
			for l := 0; l < L; l++ {
				if uint8(l) == rootL {
					continue
				}
				if v := sc[1+L+l]; bestOp < 0 || v > best {
					bestOp, bestL, best = opRight, uint8(l), v
				}
			}
		}
	}
	return bestOp, bestL
}

// classOf returns the class number of a labelled transition.
func classOf(op int, l uint8, L int) int {
	switch op {
	case opShift:
		return 0
	case opLeft:
		return 1 + int(l)
	default:
		return 1 + L + int(l)
	}
}

// File format: the magic line, then a gzip stream holding
//
//	uvarint  number of labels L, then each label as uvarint length + bytes
//	float32  weight scale (little endian)
//	uvarint  number of features F
//	F times  uvarint key delta from the previous key (the first from 0),
//	         uvarint count, then count × (class byte, zigzag varint weight)
//
// gzip's CRC-32 guards against corruption.
const magic = "eventwire-depparse-v1\n"

// limits on what Load accepts, so corrupt input cannot ask for huge memory.
const (
	maxLabels  = 127
	maxFeat    = 1 << 26
	maxPayload = 1 << 30
)

// Save writes m in the format Load reads.
func (m *Model) Save(w io.Writer) error {
	keys := make([]uint64, 0, m.nFeat)
	byKey := make(map[uint64]slot, m.nFeat)
	for _, s := range m.slots {
		if s.key != 0 {
			keys = append(keys, s.key)
			byKey[s.key] = s
		}
	}
	slices.Sort(keys)
	bw := bufio.NewWriter(w)
	if _, err := bw.WriteString(magic); err != nil {
		return fmt.Errorf("writing parser model: %w", err)
	}
	zw, err := gzip.NewWriterLevel(bw, gzip.BestCompression)
	if err != nil {
		return fmt.Errorf("writing parser model: %w", err)
	}
	zb := bufio.NewWriter(zw)
	var tmp [binary.MaxVarintLen64]byte
	uv := func(v uint64) { zb.Write(tmp[:binary.PutUvarint(tmp[:], v)]) }
	uv(uint64(len(m.labels)))
	for _, l := range m.labels {
		uv(uint64(len(l)))
		zb.WriteString(l)
	}
	binary.LittleEndian.PutUint32(tmp[:4], math.Float32bits(m.scale))
	zb.Write(tmp[:4])
	uv(uint64(len(keys)))
	prev := uint64(0)
	for _, k := range keys {
		s := byKey[k]
		uv(k - prev)
		prev = k
		uv(uint64(s.count))
		for _, e := range m.ents[s.start : s.start+s.count] {
			zb.WriteByte(e.class)
			zb.Write(tmp[:binary.PutVarint(tmp[:], int64(e.w))])
		}
	}
	if err := zb.Flush(); err != nil {
		return fmt.Errorf("writing parser model: %w", err)
	}
	if err := zw.Close(); err != nil {
		return fmt.Errorf("writing parser model: %w", err)
	}
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("writing parser model: %w", err)
	}
	return nil
}

var errCorrupt = errors.New("corrupt parser model")

// Load reads a model written by Save. Truncated or corrupt input is an error.
func Load(r io.Reader) (*Model, error) {
	br := bufio.NewReader(r)
	head := make([]byte, len(magic))
	if _, err := io.ReadFull(br, head); err != nil || string(head) != magic {
		return nil, fmt.Errorf("reading parser model: not a parser model (bad header)")
	}
	zr, err := gzip.NewReader(br)
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

func (d *decoder) model() (*Model, error) {
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
	if m.rootL == 255 {
		return nil, fmt.Errorf("%w: no root label", errCorrupt)
	}
	m.nClasses = 1 + 2*len(m.labels)
	if len(d.b)-d.off < 4 {
		return nil, errCorrupt
	}
	m.scale = math.Float32frombits(binary.LittleEndian.Uint32(d.b[d.off:]))
	d.off += 4
	if !(m.scale > 0) || math.IsInf(float64(m.scale), 0) {
		return nil, fmt.Errorf("%w: weight scale %v", errCorrupt, m.scale)
	}
	nf, err := d.uvarint()
	if err != nil {
		return nil, err
	}
	// Every feature takes at least two bytes, so F is bounded by the payload.
	if nf > maxFeat || nf > uint64(len(d.b)-d.off)/2 {
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
	}
	if d.off != len(d.b) {
		return nil, fmt.Errorf("%w: %d trailing bytes", errCorrupt, len(d.b)-d.off)
	}
	m.build(keys, counts)
	return m, nil
}
