package tokenize

import (
	_ "embed"
	"encoding/binary"
	"errors"
	"fmt"
	"math"
	"sort"
	"sync"
)

// model is a linear sentence-boundary classifier: a weight per feature hash,
// in an open-addressing table (linear probing, key 0 marks an empty slot; a
// feature whose hash is 0 keeps its weight aside). It is read-only after
// loading and safe for concurrent use.
type model struct {
	keys    []uint64 // a power of two of them, at most half used
	ws      []float32
	shift   uint // 64 - log2(len(keys))
	n       int  // features with a weight
	zero    float32
	hasZero bool
}

// newModel returns a model with room for n weights.
func newModel(n int) *model {
	size, bits := 8, uint(3)
	for size < 2*n {
		size, bits = size*2, bits+1
	}
	return &model{keys: make([]uint64, size), ws: make([]float32, size), shift: 64 - bits}
}

// set gives feature f weight w, replacing its weight if it has one.
func (m *model) set(f uint64, w float32) {
	if f == 0 {
		if !m.hasZero {
			m.n++
		}
		m.zero, m.hasZero = w, true
		return
	}
	mask := uint64(len(m.keys) - 1)
	j := (f * 0x9E3779B97F4A7C15) >> m.shift
	for m.keys[j] != 0 && m.keys[j] != f {
		j = (j + 1) & mask
	}
	if m.keys[j] == 0 {
		m.n++
	}
	m.keys[j], m.ws[j] = f, w
}

// weight returns the weight of feature f, 0 when it has none.
func (m *model) weight(f uint64) float32 {
	if f == 0 {
		return m.zero
	}
	mask := uint64(len(m.keys) - 1)
	j := (f * 0x9E3779B97F4A7C15) >> m.shift
	for {
		k := m.keys[j]
		if k == f {
			return m.ws[j]
		}
		if k == 0 {
			return 0
		}
		j = (j + 1) & mask
	}
}

// score sums the weights of fs, in order.
func (m *model) score(fs []uint64) float32 {
	var s float32
	for _, f := range fs {
		s += m.weight(f)
	}
	return s
}

// modelMagic starts a serialized model; the format is the magic, a
// little-endian uint32 count, then count pairs of uint64 feature hash and
// float32 weight, sorted by hash.
const modelMagic = "ewsbd1\n"

//go:embed sbd.model
var embeddedModel []byte

var (
	defaultOnce sync.Once
	defaultM    *model
	defaultErr  error
)

// defaultModel returns the embedded model, loaded once, or nil when it cannot
// be decoded (then the rule fallback decides boundaries; ModelError says why).
func defaultModel() *model {
	defaultOnce.Do(func() {
		defaultM, defaultErr = decodeModel(embeddedModel)
		if defaultErr != nil {
			defaultErr = fmt.Errorf("decoding embedded sentence model: %w", defaultErr)
		}
	})
	return defaultM
}

// ModelError reports why the embedded sentence-boundary model could not be
// loaded, or nil when it is in use.
func ModelError() error {
	defaultModel()
	return defaultErr
}

func decodeModel(b []byte) (*model, error) {
	if len(b) < len(modelMagic)+4 || string(b[:len(modelMagic)]) != modelMagic {
		return nil, errors.New("missing model header")
	}
	b = b[len(modelMagic):]
	n := int(binary.LittleEndian.Uint32(b))
	b = b[4:]
	if len(b) != n*12 {
		return nil, fmt.Errorf("model holds %d bytes for %d weights", len(b), n)
	}
	m := newModel(n)
	for k := 0; k < n; k++ {
		m.set(binary.LittleEndian.Uint64(b[12*k:]), math.Float32frombits(binary.LittleEndian.Uint32(b[12*k+8:])))
	}
	return m, nil
}

func encodeModel(w map[uint64]float32) []byte {
	keys := make([]uint64, 0, len(w))
	for k := range w {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool { return keys[i] < keys[j] })
	out := make([]byte, 0, len(modelMagic)+4+12*len(keys))
	out = append(out, modelMagic...)
	out = binary.LittleEndian.AppendUint32(out, uint32(len(keys)))
	for _, k := range keys {
		out = binary.LittleEndian.AppendUint64(out, k)
		out = binary.LittleEndian.AppendUint32(out, math.Float32bits(w[k]))
	}
	return out
}
