package tag

import (
	"bufio"
	"compress/gzip"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"sort"
	"strings"

	kgzip "github.com/klauspost/compress/gzip"
)

// The model file is the magic line followed by a gzip stream of unsigned
// varints and length-prefixed strings: classes, UFeats values and their
// candidates per class, the forms with a fixed UFeats value per class, the
// tag dictionary, the frequent-word table, the three perceptrons (two
// tagger passes and UFeats; feature keys delta-coded, int16 weights
// zig-zag coded), the lemma rules, the suffix rules, the known lemmas, the
// case flags and the lemma exceptions, then an end marker.

const magic = "eventwire-tag 5\n"

// Limits that keep a corrupt file from asking for huge allocations.
const (
	maxString  = 1 << 16
	maxClasses = 1 << 12
	maxFeats   = 1 << 14
	maxItems   = 1 << 24
)

const endMarker = 0x7a67

// Save writes m to w in the model file format. The output depends only on
// the model, so equal models give equal bytes.
func (m *Model) Save(w io.Writer) error {
	if _, err := io.WriteString(w, magic); err != nil {
		return fmt.Errorf("writing tag model: %w", err)
	}
	zw, err := gzip.NewWriterLevel(w, gzip.BestCompression)
	if err != nil {
		return fmt.Errorf("writing tag model: %w", err)
	}
	e := &encoder{w: bufio.NewWriter(zw)}
	e.uvarint(uint64(len(m.classes)))
	for _, c := range m.classes {
		e.str(c.upos)
		e.str(c.xpos)
	}
	e.uvarint(uint64(len(m.feats)))
	for _, f := range m.feats {
		e.str(f)
	}
	for _, cs := range m.cands {
		e.uvarint(uint64(len(cs)))
		for _, c := range cs {
			e.uvarint(uint64(c))
		}
	}
	for _, ff := range m.featsFixed {
		forms := make([]string, 0, len(ff))
		for f := range ff {
			forms = append(forms, f)
		}
		sort.Strings(forms)
		e.uvarint(uint64(len(forms)))
		for _, f := range forms {
			e.str(f)
			e.uvarint(uint64(ff[f]))
		}
	}
	words := make([]string, 0, len(m.amb))
	for w := range m.amb {
		words = append(words, w)
	}
	sort.Strings(words)
	e.uvarint(uint64(m.nAmb))
	e.uvarint(uint64(len(words)))
	for _, w := range words {
		e.str(w)
		e.uvarint(uint64(m.amb[w]))
	}
	forms := make([]string, 0, len(m.fixed))
	for f := range m.fixed {
		forms = append(forms, f)
	}
	sort.Strings(forms)
	e.uvarint(uint64(len(forms)))
	for _, f := range forms {
		e.str(f)
		e.uvarint(uint64(m.fixed[f]))
	}
	e.weights(m.tagW1)
	e.weights(m.tagW)
	e.weights(m.featW)
	e.uvarint(uint64(len(m.rules)))
	for _, r := range m.rules {
		l := uint64(0)
		if r.lower {
			l = 1
		}
		e.uvarint(uint64(r.strip)<<1 | l)
		e.str(r.add)
	}
	keys := make([]string, 0, len(m.suffix))
	for k := range m.suffix {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	e.uvarint(uint64(len(keys)))
	for _, k := range keys {
		e.str(k)
		e.uvarint(uint64(m.suffix[k]))
	}
	lemmas := make([]string, 0, len(m.lemmas))
	for l := range m.lemmas {
		lemmas = append(lemmas, l)
	}
	sort.Strings(lemmas)
	e.uvarint(uint64(len(lemmas)))
	for _, l := range lemmas {
		e.str(l)
	}
	e.uvarint(uint64(len(m.keepCase)))
	for _, k := range m.keepCase {
		if k {
			e.uvarint(1)
		} else {
			e.uvarint(0)
		}
	}
	for _, ex := range m.exact {
		forms := make([]string, 0, len(ex))
		for f := range ex {
			forms = append(forms, f)
		}
		sort.Strings(forms)
		e.uvarint(uint64(len(forms)))
		for _, f := range forms {
			e.str(f)
			e.str(ex[f])
		}
	}
	e.uvarint(endMarker)
	if e.err == nil {
		e.err = e.w.Flush()
	}
	if e.err == nil {
		e.err = zw.Close()
	}
	if e.err != nil {
		return fmt.Errorf("writing tag model: %w", e.err)
	}
	return nil
}

type encoder struct {
	w   *bufio.Writer
	buf [binary.MaxVarintLen64]byte
	err error
}

func (e *encoder) uvarint(v uint64) {
	if e.err != nil {
		return
	}
	n := binary.PutUvarint(e.buf[:], v)
	_, e.err = e.w.Write(e.buf[:n])
}

func (e *encoder) str(s string) {
	e.uvarint(uint64(len(s)))
	if e.err == nil {
		_, e.err = e.w.WriteString(s)
	}
}

func (e *encoder) weights(ws *weights) {
	fs := ws.features()
	e.uvarint(uint64(len(fs)))
	last := uint32(0)
	for _, f := range fs {
		e.uvarint(uint64(f.key - last))
		last = f.key
		e.uvarint(uint64(len(f.cls)))
		for i, c := range f.cls {
			e.uvarint(uint64(c))
			w := int64(f.w[i])
			e.uvarint(uint64((w << 1) ^ (w >> 63)))
		}
	}
}

// Load reads a model written by Save. A truncated or corrupt file is an
// error, never a panic.
func Load(r io.Reader) (*Model, error) {
	m, err := load(r)
	if err != nil {
		return nil, fmt.Errorf("reading tag model: %w", err)
	}
	return m, nil
}

func loadString(s string) (*Model, error) {
	m, err := load(strings.NewReader(s))
	if err != nil {
		return nil, fmt.Errorf("reading tag model: %w", err)
	}
	return m, nil
}

var errMagic = errors.New("not an eventwire tag model (bad magic)")

func load(r io.Reader) (*Model, error) {
	head := make([]byte, len(magic))
	if _, err := io.ReadFull(r, head); err != nil {
		if errors.Is(err, io.EOF) || errors.Is(err, io.ErrUnexpectedEOF) {
			return nil, errMagic
		}
		return nil, err
	}
	if string(head) != magic {
		return nil, errMagic
	}
	zr, err := kgzip.NewReader(r) // klauspost/compress inflates twice as fast
	if err != nil {
		return nil, fmt.Errorf("decompressing: %w", err)
	}
	return decodeBody(bufio.NewReader(zr))
}

// decodeBody decodes the decompressed model body.
func decodeBody(r *bufio.Reader) (*Model, error) {
	d := &decoder{r: r}
	m := &Model{}
	nc := d.count(maxClasses, "classes")
	for i := 0; i < nc && d.err == nil; i++ {
		m.classes = append(m.classes, class{upos: d.str("UPOS length"), xpos: d.str("XPOS length")})
	}
	nf := d.count(maxFeats, "UFeats values")
	for i := 0; i < nf && d.err == nil; i++ {
		m.feats = append(m.feats, d.str("UFeats length"))
	}
	if d.err == nil && nf == 0 {
		d.fail("no UFeats values")
	}
	m.cands = make([][]uint16, len(m.classes))
	for i := range m.classes {
		n := d.count(uint64(nf), "UFeats candidates")
		for j := 0; j < n && d.err == nil; j++ {
			m.cands[i] = append(m.cands[i], uint16(d.index(nf, "UFeats candidate")))
		}
	}
	m.featsFixed = make([]map[string]uint16, len(m.classes))
	for c := range m.classes {
		n := d.count(maxItems, "fixed UFeats")
		if n > 0 {
			m.featsFixed[c] = make(map[string]uint16, min(n, 1<<12))
		}
		for i := 0; i < n && d.err == nil; i++ {
			f := d.str("fixed UFeats form length")
			m.featsFixed[c][f] = uint16(d.index(nf, "fixed UFeats value"))
		}
	}
	m.nAmb = d.count(maxItems, "ambiguity classes")
	nw := d.count(maxItems, "dictionary words")
	m.amb = make(map[string]uint32, min(nw, 1<<16))
	for i := 0; i < nw && d.err == nil; i++ {
		w := d.str("dictionary word length")
		m.amb[w] = uint32(d.index(m.nAmb, "ambiguity class"))
	}
	nfix := d.count(maxItems, "frequent words")
	m.fixed = make(map[string]uint16, min(nfix, 1<<12))
	for i := 0; i < nfix && d.err == nil; i++ {
		f := d.str("frequent word length")
		m.fixed[f] = uint16(d.index(len(m.classes), "frequent word class"))
	}
	m.tagW1 = d.weights(len(m.classes), "first-pass tagger weights")
	m.tagW = d.weights(len(m.classes), "tagger weights")
	m.featW = d.weights(nf, "UFeats weights")
	nr := d.count(maxItems, "lemma rules")
	for i := 0; i < nr && d.err == nil; i++ {
		v := d.uvarint()
		strip := v >> 1
		if strip > maxString {
			d.fail("lemma rule strips too much")
		}
		m.rules = append(m.rules, lemmaRule{lower: v&1 == 1, strip: int(strip), add: d.str("lemma rule length")})
	}
	ns := d.count(maxItems, "suffix rules")
	m.suffix = make(map[string]uint16, min(ns, 1<<16))
	for i := 0; i < ns && d.err == nil; i++ {
		k := d.str("suffix key length")
		m.suffix[k] = uint16(d.index(min(nr, 1<<16), "suffix rule"))
	}
	nl := d.count(maxItems, "known lemmas")
	m.lemmas = make(map[string]struct{}, min(nl, 1<<16))
	for i := 0; i < nl && d.err == nil; i++ {
		m.lemmas[d.str("known lemma length")] = struct{}{}
	}
	m.derive()
	if nk := d.count(maxItems, "case flags"); d.err == nil && nk != len(m.lemPropn)*numCases {
		d.fail(fmt.Sprintf("%d case flags, want %d", nk, len(m.lemPropn)*numCases))
	}
	m.keepCase = make([]bool, len(m.lemPropn)*numCases)
	for i := range m.keepCase {
		m.keepCase[i] = d.uvarint() == 1
	}
	m.exact = make([]map[string]string, len(m.lemPropn))
	for c := range m.exact {
		n := d.count(maxItems, "lemma exceptions")
		if n > 0 {
			m.exact[c] = make(map[string]string, min(n, 1<<12))
		}
		for i := 0; i < n && d.err == nil; i++ {
			f := d.str("form length")
			m.exact[c][f] = d.str("lemma length")
		}
	}
	if v := d.uvarint(); d.err == nil && v != endMarker {
		d.fail("missing end marker")
	}
	if d.err == nil {
		// the gzip checksum is verified at the end of the stream
		if _, err := d.r.ReadByte(); err != io.EOF {
			if err == nil {
				d.fail("data after the end marker")
			} else {
				d.err = err
			}
		}
	}
	if d.err != nil {
		if errors.Is(d.err, io.EOF) {
			return nil, io.ErrUnexpectedEOF
		}
		return nil, d.err
	}
	return m, nil
}

type decoder struct {
	r   *bufio.Reader
	buf []byte
	err error
}

func (d *decoder) fail(msg string) {
	if d.err == nil {
		d.err = errors.New(msg)
	}
}

func (d *decoder) uvarint() uint64 {
	if d.err != nil {
		return 0
	}
	v, err := binary.ReadUvarint(d.r)
	if err != nil {
		d.err = err
		return 0
	}
	return v
}

// count reads a count no larger than limit.
func (d *decoder) count(limit uint64, what string) int {
	v := d.uvarint()
	if v > limit {
		d.fail(fmt.Sprintf("%d %s (at most %d)", v, what, limit))
		return 0
	}
	return int(v)
}

// index reads an index below n.
func (d *decoder) index(n int, what string) int {
	v := d.uvarint()
	if d.err == nil && v >= uint64(n) {
		d.fail(fmt.Sprintf("%s %d out of range (%d)", what, v, n))
		return 0
	}
	return int(v)
}

func (d *decoder) str(what string) string {
	n := d.count(maxString, what)
	if d.err != nil || n == 0 {
		return ""
	}
	if cap(d.buf) < n {
		d.buf = make([]byte, n)
	}
	b := d.buf[:n]
	if _, err := io.ReadFull(d.r, b); err != nil {
		d.err = err
		return ""
	}
	return string(b)
}

func (d *decoder) weights(nclasses int, what string) *weights {
	n := d.count(maxItems, what)
	// decode into flat arrays, then cut them into features
	keys := make([]uint32, 0, min(n, 1<<20))
	ends := make([]int, 0, min(n, 1<<20))
	var cls []uint16
	var ws []int16
	last := uint64(0)
	whatEntries, whatClass := what+" entries", what+" class"
	for i := 0; i < n && d.err == nil; i++ {
		delta := d.uvarint()
		key := last + delta
		if d.err == nil && (delta == 0 && i > 0 || key == 0 || key < last || key > 1<<32-1) {
			d.fail(what + ": feature keys not increasing")
		}
		last = key
		ne := d.count(uint64(nclasses), whatEntries)
		for j := 0; j < ne && d.err == nil; j++ {
			cls = append(cls, uint16(d.index(nclasses, whatClass)))
			v := d.uvarint()
			w := int64(v>>1) ^ -int64(v&1)
			if w < -32768 || w > 32767 {
				d.fail(what + ": weight out of range")
			}
			ws = append(ws, int16(w))
		}
		keys = append(keys, uint32(key))
		ends = append(ends, len(cls))
	}
	if d.err != nil {
		return nil
	}
	fs := make([]feature, len(keys))
	start := 0
	for i, k := range keys {
		fs[i] = feature{key: k, cls: cls[start:ends[i]], w: ws[start:ends[i]]}
		start = ends[i]
	}
	return buildWeights(fs)
}
