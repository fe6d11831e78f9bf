package sqlite

import (
	"bytes"
	"encoding/json"
	"fmt"

	"github.com/klauspost/compress/zstd"

	"github.com/eventwire/eventwire/internal/knowledge"
)

// An article's knowledge is stored as zstd-compressed JSON: its lists
// repeat names and places at every mention, so it compresses about tenfold,
// and it is read only one article at a time. Stores written before this
// keep plain JSON, which decodeKnowledge still reads.
var (
	zstdMagic = []byte{0x28, 0xb5, 0x2f, 0xfd}
	// EncodeAll and DecodeAll are safe for concurrent use.
	zEncoder = must(zstd.NewWriter(nil, zstd.WithEncoderLevel(zstd.SpeedDefault), zstd.WithEncoderConcurrency(1)))
	zDecoder = must(zstd.NewReader(nil, zstd.WithDecoderConcurrency(0), zstd.WithDecoderMaxMemory(64<<20)))
)

// must panics on an error of a constructor called with constant options:
// a programming error.
func must[T any](v T, err error) T {
	if err != nil {
		panic(err)
	}
	return v
}

// encodeKnowledge returns the stored form of k.
func encodeKnowledge(k *knowledge.Record) ([]byte, error) {
	data, err := json.Marshal(k)
	if err != nil {
		return nil, fmt.Errorf("encoding article knowledge: %w", err)
	}
	return zEncoder.EncodeAll(data, make([]byte, 0, len(data)/4)), nil
}

// decodeKnowledge reads a stored knowledge value into k.
func decodeKnowledge(data []byte, k *knowledge.Record) error {
	if bytes.HasPrefix(data, zstdMagic) {
		plain, err := zDecoder.DecodeAll(data, nil)
		if err != nil {
			return fmt.Errorf("decompressing article knowledge: %w", err)
		}
		data = plain
	}
	if err := json.Unmarshal(data, k); err != nil {
		return fmt.Errorf("decoding article knowledge: %w", err)
	}
	return nil
}
