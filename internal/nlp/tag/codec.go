package tag

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"encoding/binary"
	"errors"
	"fmt"
	"hash/crc32"
	"io"
	"sort"
	"unsafe"

	kgzip "github.com/klauspost/compress/gzip"
)

// The model file (version 7) is load-ready: the perceptrons' lookup tables
// are stored as they are used in memory, so that the embedded model is used
// in place, without decoding or allocating a weight.
//
//	magic    "eventwire-tag 7\n"
//	uint32   length G of the gzip stream that follows (little endian)
//	G bytes  gzip stream of unsigned varints and length-prefixed strings:
//	         classes, UFeats values and their candidates per class, the forms
//	         with a fixed UFeats value per class, the tag dictionary, the
//	         frequent-word table, the lemma rules, the suffix rules, the known
//	         lemmas, the case flags, the lemma exceptions and the lexicon mode
//	         (how the tagger reads WordNet, internal/lexicon), then an end marker
//	         zero bytes up to a multiple of 8 from the start of the file
//	three tables (first tagger pass, second pass, UFeats), each:
//	         uint32 slots (0 or a power of two), entries, keys, 0
//	         slots × 8 bytes (key, val as in type slot), entries × 4 bytes
//	         (class uint16, weight int16), zero bytes up to a multiple of 8
//	uint32   CRC-32 (IEEE) of the tables; uint32 end marker
//
// All integers of the tables are little endian. Version 6 files (no
// lexicon mode) and version 5 files (the version 6 body with the
// perceptrons inside the gzip stream, feature keys delta-coded and weights
// zig-zag varints) still load.

const (
	magic  = "eventwire-tag 7\n"
	magic6 = "eventwire-tag 6\n"
	magic5 = "eventwire-tag 5\n"
)

// Limits that keep a corrupt file from asking for huge allocations.
const (
	maxString  = 1 << 16
	maxClasses = 1 << 12
	maxFeats   = 1 << 14
	maxItems   = 1 << 24
	maxSlots   = 1 << 26
	maxFile    = 1 << 30
)

const endMarker = 0x7a67

// Save writes m to w in the model file format. The output depends only on
// the model, so equal models give equal bytes.
func (m *Model) Save(w io.Writer) error {
	var body bytes.Buffer
	zw, err := gzip.NewWriterLevel(&body, gzip.BestCompression)
	if err != nil {
		return fmt.Errorf("writing tag model: %w", err)
	}
	e := &encoder{w: bufio.NewWriter(zw)}
	m.encodeBody(e, 7)
	if e.err == nil {
		e.err = e.w.Flush()
	}
	if e.err == nil {
		e.err = zw.Close()
	}
	if e.err == nil && body.Len() > maxFile {
		e.err = errors.New("model body too large")
	}
	if e.err != nil {
		return fmt.Errorf("writing tag model: %w", e.err)
	}
	out := make([]byte, 0, len(magic)+4+body.Len()+8+m.tagW1.fileSize()+m.tagW.fileSize()+m.featW.fileSize()+8)
	out = append(out, magic...)
	out = binary.LittleEndian.AppendUint32(out, uint32(body.Len()))
	out = append(out, body.Bytes()...)
	out = pad8(out)
	start := len(out)
	for _, ws := range []*weights{m.tagW1, m.tagW, m.featW} {
		out = ws.appendTable(out)
	}
	out = binary.LittleEndian.AppendUint32(out, crc32.ChecksumIEEE(out[start:]))
	out = binary.LittleEndian.AppendUint32(out, endMarker)
	if _, err := w.Write(out); err != nil {
		return fmt.Errorf("writing tag model: %w", err)
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

// fileSize is the size of the table in the model file.
func (ws *weights) fileSize() int {
	n := 16 + 8*len(ws.slots) + 4*len(ws.entries)
	return (n + 7) &^ 7
}

// appendTable appends the table in the file format to b.
func (ws *weights) appendTable(b []byte) []byte {
	le := binary.LittleEndian
	b = le.AppendUint32(b, uint32(len(ws.slots)))
	b = le.AppendUint32(b, uint32(len(ws.entries)))
	b = le.AppendUint32(b, uint32(ws.nkeys))
	b = le.AppendUint32(b, 0)
	for _, sl := range ws.slots {
		b = le.AppendUint32(b, sl.key)
		b = le.AppendUint32(b, sl.val)
	}
	for _, e := range ws.entries {
		b = le.AppendUint16(b, e.cls)
		b = le.AppendUint16(b, uint16(e.w))
	}
	return pad8(b)
}

// encodeBody writes the varint body of the file version (5 with the
// perceptrons, for tests of the version 5 reader; 6 without the lexicon
// mode).
func (m *Model) encodeBody(e *encoder, version int) {
	withWeights := version == 5
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
	if withWeights {
		e.weights(m.tagW1)
		e.weights(m.tagW)
		e.weights(m.featW)
	}
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
	if version >= 7 {
		e.uvarint(uint64(m.lexMode))
	}
	e.uvarint(endMarker)
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

// Load reads a model written by Save (or a version 5 model). A truncated
// or corrupt file is an error, never a panic.
func Load(r io.Reader) (*Model, error) {
	data, err := readAligned(r)
	if err != nil {
		return nil, fmt.Errorf("reading tag model: %w", err)
	}
	m, err := load(data, true)
	if err != nil {
		return nil, fmt.Errorf("reading tag model: %w", err)
	}
	return m, nil
}

// loadString uses the embedded model s in place: its tables are not
// copied, and not checked (TestEmbeddedModel checks them), so that start-up
// costs neither the time nor the memory of reading them.
func loadString(s string) (*Model, error) {
	m, err := load(unsafe.Slice(unsafe.StringData(s), len(s)), false)
	if err != nil {
		return nil, fmt.Errorf("reading tag model: %w", err)
	}
	return m, nil
}

// readAligned reads all of r into memory aligned for the tables.
func readAligned(r io.Reader) ([]byte, error) {
	var buf bytes.Buffer
	if _, err := buf.ReadFrom(io.LimitReader(r, maxFile+1)); err != nil {
		return nil, err
	}
	if buf.Len() > maxFile {
		return nil, errors.New("file too large")
	}
	return aligned(buf.Bytes()), nil
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

var errMagic = errors.New("not an eventwire tag model (bad magic)")

// load decodes a model file. The tables are used in place when data is
// aligned and the machine little endian, else decoded; check verifies the
// checksum and every table entry (a table that passes is safe to score
// with, whatever its weights).
func load(data []byte, check bool) (*Model, error) {
	if len(data) < len(magic) {
		return nil, errMagic
	}
	switch string(data[:len(magic)]) {
	case magic5:
		zr, err := kgzip.NewReader(bytes.NewReader(data[len(magic5):])) // klauspost/compress inflates twice as fast
		if err != nil {
			return nil, fmt.Errorf("decompressing: %w", err)
		}
		return decodeBody(bufio.NewReader(zr), 5)
	case magic, magic6:
	default:
		return nil, errMagic
	}
	if len(data) < len(magic)+4 {
		return nil, fmt.Errorf("body length: %w", io.ErrUnexpectedEOF)
	}
	g := int(binary.LittleEndian.Uint32(data[len(magic):]))
	off := len(magic) + 4
	if g > len(data)-off {
		return nil, fmt.Errorf("body of %d bytes: %w", g, io.ErrUnexpectedEOF)
	}
	zr, err := kgzip.NewReader(bytes.NewReader(data[off : off+g]))
	if err != nil {
		return nil, fmt.Errorf("decompressing: %w", err)
	}
	version := 7
	if string(data[:len(magic6)]) == magic6 {
		version = 6
	}
	m, err := decodeBody(bufio.NewReader(zr), version)
	if err != nil {
		return nil, err
	}
	off += g
	for ; off%8 != 0; off++ {
		if off >= len(data) {
			return nil, fmt.Errorf("tables: %w", io.ErrUnexpectedEOF)
		}
		if data[off] != 0 {
			return nil, fmt.Errorf("byte %d: padding is not zero", off)
		}
	}
	start := off
	tables := []struct {
		ws       **weights
		nclasses int
		what     string
	}{
		{&m.tagW1, len(m.classes), "first-pass tagger weights"},
		{&m.tagW, len(m.classes), "tagger weights"},
		{&m.featW, len(m.feats), "UFeats weights"},
	}
	for _, t := range tables {
		ws, n, err := tableAt(data[off:], t.nclasses, check)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", t.what, err)
		}
		*t.ws = ws
		off += n
	}
	if len(data)-off < 8 {
		return nil, fmt.Errorf("checksum: %w", io.ErrUnexpectedEOF)
	}
	if check && crc32.ChecksumIEEE(data[start:off]) != binary.LittleEndian.Uint32(data[off:]) {
		return nil, errors.New("tables: checksum mismatch")
	}
	if binary.LittleEndian.Uint32(data[off+4:]) != endMarker {
		return nil, errors.New("missing end marker")
	}
	if len(data) != off+8 {
		return nil, errors.New("data after the end marker")
	}
	return m, nil
}

// littleEndian tells whether the machine stores integers as the file does.
var littleEndian = func() bool {
	x := uint16(1)
	return *(*byte)(unsafe.Pointer(&x)) == 1
}()

// tableAt reads the table at the start of b and returns it and its size in
// the file.
func tableAt(b []byte, nclasses int, check bool) (*weights, int, error) {
	if len(b) < 16 {
		return nil, 0, io.ErrUnexpectedEOF
	}
	le := binary.LittleEndian
	ns, ne, nk := uint64(le.Uint32(b)), uint64(le.Uint32(b[4:])), uint64(le.Uint32(b[8:]))
	if ns > maxSlots || ns&(ns-1) != 0 || ne > maxSlots || nk >= max(ns, 1) || le.Uint32(b[12:]) != 0 {
		return nil, 0, fmt.Errorf("%d slots, %d entries, %d keys: bad sizes", ns, ne, nk)
	}
	size := int((16 + 8*ns + 4*ne + 7) &^ 7)
	if len(b) < size {
		return nil, 0, io.ErrUnexpectedEOF
	}
	ws := &weights{nkeys: int(nk)}
	if ns > 0 {
		ws.mask = uint32(ns - 1)
	}
	sb, eb := b[16:16+8*ns], b[16+8*ns:16+8*ns+4*ne]
	if littleEndian && uintptr(unsafe.Pointer(&b[0]))%4 == 0 {
		if ns > 0 {
			ws.slots = unsafe.Slice((*slot)(unsafe.Pointer(&sb[0])), ns)
		}
		if ne > 0 {
			ws.entries = unsafe.Slice((*entry)(unsafe.Pointer(&eb[0])), ne)
		}
	} else {
		ws.slots = make([]slot, ns)
		for i := range ws.slots {
			ws.slots[i] = slot{key: le.Uint32(sb[8*i:]), val: le.Uint32(sb[8*i+4:])}
		}
		ws.entries = make([]entry, ne)
		for i := range ws.entries {
			ws.entries[i] = entry{cls: le.Uint16(eb[4*i:]), w: int16(le.Uint16(eb[4*i+2:]))}
		}
	}
	if check {
		if err := ws.check(nclasses); err != nil {
			return nil, 0, err
		}
	}
	return ws, size, nil
}

// check verifies that scoring with ws stays inside its tables and inside
// scores of nclasses: every probe ends at an empty slot, every vote names a
// class below nclasses and every run of entries lies inside the entries.
func (ws *weights) check(nclasses int) error {
	keys := 0
	for i, sl := range ws.slots {
		if sl.key == 0 {
			if sl.val != 0 {
				return fmt.Errorf("empty slot %d holds a value", i)
			}
			continue
		}
		keys++
		if sl.val&inlineVote != 0 {
			if c := int((sl.val >> 16) & 0x7fff); c >= nclasses {
				return fmt.Errorf("slot %d: class %d out of range (%d)", i, c, nclasses)
			}
			continue
		}
		h := uint64(sl.val)
		if h >= uint64(len(ws.entries)) {
			return fmt.Errorf("slot %d: entries at %d out of range (%d)", i, h, len(ws.entries))
		}
		n := uint64(ws.entries[h].cls)
		if n == 0 || h+1+n > uint64(len(ws.entries)) {
			return fmt.Errorf("slot %d: %d entries at %d out of range (%d)", i, n, h, len(ws.entries))
		}
		for _, e := range ws.entries[h+1 : h+1+n] {
			if int(e.cls) >= nclasses {
				return fmt.Errorf("slot %d: class %d out of range (%d)", i, e.cls, nclasses)
			}
		}
	}
	if keys != ws.nkeys {
		return fmt.Errorf("%d keys in the slots, %d in the header", keys, ws.nkeys)
	}
	if len(ws.slots) > 0 && keys == len(ws.slots) {
		return errors.New("no empty slot")
	}
	return nil
}

// decodeBody decodes the decompressed model body of the file version (5:
// with the perceptrons; 7: with the lexicon mode).
func decodeBody(r *bufio.Reader, version int) (*Model, error) {
	withWeights := version == 5
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
	if withWeights {
		m.tagW1 = d.weights(len(m.classes), "first-pass tagger weights")
		m.tagW = d.weights(len(m.classes), "tagger weights")
		m.featW = d.weights(nf, "UFeats weights")
	}
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
	var lexMode uint64
	if version >= 7 {
		if lexMode = d.uvarint(); d.err == nil && lexMode&^lexAll != 0 {
			d.fail(fmt.Sprintf("lexicon mode %d", lexMode))
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
	if err := m.useLexicon(uint8(lexMode)); err != nil {
		return nil, err
	}
	return m, nil
}

type decoder struct {
	r   *bufio.Reader
	buf []byte // the current block of strings
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
	// The model's tens of thousands of strings share blocks of memory
	// rather than taking an allocation each; a block is never written again.
	if cap(d.buf)-len(d.buf) < n {
		d.buf = make([]byte, 0, max(32<<10, n))
	}
	start := len(d.buf)
	d.buf = d.buf[:start+n]
	b := d.buf[start:]
	if _, err := io.ReadFull(d.r, b); err != nil {
		d.err = err
		return ""
	}
	return unsafe.String(&b[0], n)
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
