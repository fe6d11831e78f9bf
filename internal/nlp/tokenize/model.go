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

// model is a linear sentence-boundary classifier: a weight per feature hash.
// It is read-only after loading and safe for concurrent use.
type model struct {
	w map[uint64]float32
}

func (m *model) score(fs []uint64) float32 {
	var s float32
	for _, f := range fs {
		s += m.w[f]
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
	m := &model{w: make(map[uint64]float32, n)}
	for k := 0; k < n; k++ {
		m.w[binary.LittleEndian.Uint64(b[12*k:])] = math.Float32frombits(binary.LittleEndian.Uint32(b[12*k+8:]))
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
