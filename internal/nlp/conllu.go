package nlp

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
)

// ConlluReader reads sentences from CoNLL-U text one at a time. It accepts UD
// v1 and v2 files and converts v1 dependency labels to v2 (see ToV2). It is
// not safe for concurrent use.
type ConlluReader struct {
	br   *bufio.Reader
	name string // file name used in error messages
	line int
	done bool
	max  int    // longest line kept (MaxConlluLine)
	buf  []byte // the current line
	err  error  // a read error met after the current line, returned next
	// words is the buffer a sentence's words are read into
	words []Word
}

// MaxConlluLine is the longest CoNLL-U line a ConlluReader reads (16 MiB):
// a sentence with a longer line is an error, and reading goes on with the
// next sentence.
const MaxConlluLine = 16 << 20

// NewConlluReader returns a reader of r; name is used in error messages
// ("name:line: ...").
func NewConlluReader(r io.Reader, name string) *ConlluReader {
	return &ConlluReader{br: bufio.NewReaderSize(r, 64*1024), name: name, max: MaxConlluLine}
}

// readLine reads the next line into r.buf without its line break, keeping
// at most r.max bytes: a longer line is read to its end and dropped
// (tooLong). It returns io.EOF only when no byte is left; the bytes read
// before a read error are a last line, and the error comes next.
func (r *ConlluReader) readLine() (tooLong bool, err error) {
	if r.err != nil {
		return false, r.err
	}
	r.buf = r.buf[:0]
	n := 0
	for {
		chunk, err := r.br.ReadSlice('\n')
		n += len(chunk)
		if !tooLong {
			if len(r.buf)+len(chunk) > r.max+1 {
				tooLong, r.buf = true, r.buf[:0]
			} else {
				r.buf = append(r.buf, chunk...)
			}
		}
		switch {
		case errors.Is(err, bufio.ErrBufferFull):
			continue
		case errors.Is(err, io.EOF):
			if n == 0 {
				return false, io.EOF
			}
		case err != nil:
			if n == 0 {
				return false, err
			}
			r.err = err
		}
		if b := len(r.buf); b > 0 && r.buf[b-1] == '\n' {
			r.buf = r.buf[:b-1]
		}
		return tooLong || len(r.buf) > r.max, nil
	}
}

// Next returns the next sentence, or io.EOF after the last one. A malformed
// line is an error naming the file and line; the reader then skips to the
// next sentence, so a caller may log the error and call Next again.
func (r *ConlluReader) Next() (*Sentence, error) {
	if r.done {
		return nil, io.EOF
	}
	s := &Sentence{Start: -1, End: -1, Words: r.words[:0]}
	var firstErr error
	started := false
	for {
		tooLong, err := r.readLine()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			r.done = true
			return nil, fmt.Errorf("reading %s after line %d: %w", r.name, r.line, err)
		}
		r.line++
		if tooLong {
			started = true
			if firstErr == nil {
				firstErr = fmt.Errorf("%s:%d: line over %d bytes", r.name, r.line, r.max)
			}
			continue
		}
		line := strings.TrimRight(string(r.buf), "\r")
		if strings.TrimSpace(line) == "" {
			if started {
				return r.finish(s, firstErr)
			}
			continue
		}
		started = true
		if firstErr != nil {
			continue
		}
		if line[0] == '#' {
			parseComment(s, strings.TrimSpace(line[1:]))
			continue
		}
		if err := parseWordLine(s, line); err != nil {
			firstErr = fmt.Errorf("%s:%d: %w", r.name, r.line, err)
		}
	}
	r.done = true
	if !started {
		return nil, io.EOF
	}
	return r.finish(s, firstErr)
}

func (r *ConlluReader) finish(s *Sentence, err error) (*Sentence, error) {
	// the words were read into the reader's buffer, kept for the next
	// sentence; the sentence gets its own copy of exactly its length
	r.words = s.Words[:0]
	s.Words = append([]Word(nil), s.Words...)
	if err != nil {
		return nil, err
	}
	if len(s.Words) == 0 {
		return nil, fmt.Errorf("%s:%d: sentence has no words", r.name, r.line)
	}
	for i := range s.Words {
		if s.Words[i].ID != i+1 {
			return nil, fmt.Errorf("%s:%d: word ids are not 1..%d in order", r.name, r.line, len(s.Words))
		}
		if h := s.Words[i].Head; h < 0 || h > len(s.Words) {
			return nil, fmt.Errorf("%s:%d: word %d has head %d outside the sentence", r.name, r.line, i+1, h)
		}
	}
	ToV2(s)
	return s, nil
}

func parseComment(s *Sentence, c string) {
	switch {
	case strings.HasPrefix(c, "sent_id"):
		if v, ok := commentValue(c, "sent_id"); ok {
			s.ID = v
			return
		}
	case strings.HasPrefix(c, "text"):
		if v, ok := commentValue(c, "text"); ok {
			s.Text = v
			return
		}
	}
	s.Comments = append(s.Comments, c)
}

// commentValue returns v for a comment "key = v".
func commentValue(c, key string) (string, bool) {
	rest := strings.TrimSpace(c[len(key):])
	if !strings.HasPrefix(rest, "=") {
		return "", false
	}
	return strings.TrimSpace(rest[1:]), true
}

var errColumns = errors.New("word line does not have 10 tab-separated columns")

// parseWordLine parses one word or multiword-token line into s. Empty nodes
// (ids like 8.1, enhanced dependencies) are skipped.
func parseWordLine(s *Sentence, line string) error {
	var col [10]string
	rest := line
	for i := 0; i < 9; i++ {
		j := strings.IndexByte(rest, '\t')
		if j < 0 {
			return errColumns
		}
		col[i], rest = rest[:j], rest[j+1:]
	}
	if strings.IndexByte(rest, '\t') >= 0 {
		return errColumns
	}
	col[9] = rest
	id := col[0]
	if strings.IndexByte(id, '.') >= 0 {
		return nil // empty node
	}
	if k := strings.IndexByte(id, '-'); k >= 0 {
		first, err1 := strconv.Atoi(id[:k])
		last, err2 := strconv.Atoi(id[k+1:])
		if err1 != nil || err2 != nil || first < 1 || last < first {
			return fmt.Errorf("bad multiword token id %q", id)
		}
		mw := MultiWord{First: first, Last: last, Form: col[1], Start: -1, End: -1}
		mw.Misc, mw.Start, mw.End = splitRange(col[9])
		s.MultiWords = append(s.MultiWords, mw)
		return nil
	}
	n, err := strconv.Atoi(id)
	if err != nil || n < 1 {
		return fmt.Errorf("bad word id %q", id)
	}
	head := 0
	if col[6] != "_" {
		head, err = strconv.Atoi(col[6])
		if err != nil || head < 0 {
			return fmt.Errorf("bad head %q for word %d", col[6], n)
		}
	}
	if col[1] == "" {
		return fmt.Errorf("word %d has an empty form", n)
	}
	w := Word{
		ID: n, Form: col[1], Lemma: under(col[2]), UPOS: under(col[3]), XPOS: under(col[4]),
		Feats: under(col[5]), Head: head, Deprel: under(col[7]),
	}
	w.Misc, w.Start, w.End = splitRange(col[9])
	s.Words = append(s.Words, w)
	return nil
}

// under maps the CoNLL-U empty value "_" to "".
func under(v string) string {
	if v == "_" {
		return ""
	}
	return v
}

// rangeKey is the MISC attribute eventwire uses for byte offsets.
const rangeKey = "TokenRange="

// splitRange removes a TokenRange=start:end attribute from a MISC value and
// returns the remaining MISC and the offsets (-1, -1 when absent or invalid).
func splitRange(misc string) (string, int, int) {
	misc = under(misc)
	if misc == "" {
		return "", -1, -1
	}
	start, end := -1, -1
	// the items are walked in place; the kept ones are usually one run of
	// misc (the range comes first or last), a substring, not a new string
	removed, split := false, false
	keptFrom, keptTo := -1, -1
	for i := 0; i <= len(misc); {
		j := strings.IndexByte(misc[i:], '|')
		if j < 0 {
			j = len(misc)
		} else {
			j += i
		}
		if a, b, ok := tokenRange(misc[i:j]); ok {
			start, end = a, b
			removed = true
		} else {
			if keptFrom < 0 {
				keptFrom = i
			} else if keptTo < i-1 {
				split = true // an item was removed between kept ones
			}
			keptTo = j
		}
		i = j + 1
	}
	switch {
	case !removed:
		return misc, start, end
	case keptFrom < 0:
		return "", start, end
	case !split:
		return misc[keptFrom:keptTo], start, end
	}
	var b strings.Builder
	n := 0
	for _, item := range strings.Split(misc, "|") {
		if _, _, ok := tokenRange(item); !ok {
			if n > 0 {
				b.WriteByte('|')
			}
			b.WriteString(item)
			n++
		}
	}
	return b.String(), start, end
}

// tokenRange reads a valid TokenRange=start:end item.
func tokenRange(item string) (int, int, bool) {
	if !strings.HasPrefix(item, rangeKey) {
		return 0, 0, false
	}
	v := item[len(rangeKey):]
	k := strings.IndexByte(v, ':')
	if k <= 0 {
		return 0, 0, false
	}
	a, err1 := strconv.Atoi(v[:k])
	b, err2 := strconv.Atoi(v[k+1:])
	if err1 != nil || err2 != nil || a < 0 || b < a {
		return 0, 0, false
	}
	return a, b, true
}

// ToV2 converts UD v1 dependency labels in s to their UD v2 equivalents; v2
// labels are left alone. Nominal modifiers of predicates (nmod on a verb,
// adjective, adverb or auxiliary) become obl.
func ToV2(s *Sentence) {
	for i := range s.Words {
		w := &s.Words[i]
		base, sub := w.Deprel, ""
		if k := strings.IndexByte(base, ':'); k >= 0 {
			base, sub = base[:k], base[k:]
		}
		switch base {
		case "dobj":
			w.Deprel = "obj" + sub
		case "nsubjpass":
			w.Deprel = "nsubj:pass"
		case "csubjpass":
			w.Deprel = "csubj:pass"
		case "auxpass":
			w.Deprel = "aux:pass"
		case "name":
			w.Deprel = "flat"
		case "mwe":
			w.Deprel = "fixed"
		case "neg":
			w.Deprel = "advmod"
		case "nmod":
			if sub != ":poss" && w.Head > 0 && w.Head <= len(s.Words) {
				switch s.Words[w.Head-1].UPOS {
				case "VERB", "ADJ", "ADV", "AUX":
					w.Deprel = "obl" + sub
				}
			}
		}
	}
}

// WriteConllu writes s in CoNLL-U with # sent_id and # text comments and, when
// a word's offsets are known, TokenRange=start:end (byte offsets) in MISC.
func WriteConllu(w io.Writer, s *Sentence) error {
	bw := bufio.NewWriter(w)
	if s.ID != "" {
		fmt.Fprintf(bw, "# sent_id = %s\n", s.ID)
	}
	if s.Text != "" {
		fmt.Fprintf(bw, "# text = %s\n", strings.ReplaceAll(s.Text, "\n", " "))
	}
	for _, c := range s.Comments {
		fmt.Fprintf(bw, "# %s\n", c)
	}
	mw := 0
	for i := range s.Words {
		wd := &s.Words[i]
		for mw < len(s.MultiWords) && s.MultiWords[mw].First == wd.ID {
			m := &s.MultiWords[mw]
			fmt.Fprintf(bw, "%d-%d\t%s\t_\t_\t_\t_\t_\t_\t_\t%s\n", m.First, m.Last, m.Form, joinRange(m.Misc, m.Start, m.End))
			mw++
		}
		inMW := false
		for _, m := range s.MultiWords {
			if wd.ID >= m.First && wd.ID <= m.Last {
				inMW = true
			}
		}
		misc := wd.Misc
		if !inMW {
			misc = joinRange(wd.Misc, wd.Start, wd.End)
		} else if misc == "" {
			misc = "_"
		}
		fmt.Fprintf(bw, "%d\t%s\t%s\t%s\t%s\t%s\t%d\t%s\t_\t%s\n", wd.ID, wd.Form, dash(wd.Lemma), dash(wd.UPOS), dash(wd.XPOS),
			dash(wd.Feats), wd.Head, dash(wd.Deprel), misc)
	}
	bw.WriteByte('\n')
	return bw.Flush()
}

func dash(v string) string {
	if v == "" {
		return "_"
	}
	return v
}

func joinRange(misc string, start, end int) string {
	if start < 0 || end < start {
		return dash(misc)
	}
	r := rangeKey + strconv.Itoa(start) + ":" + strconv.Itoa(end)
	if misc == "" {
		return r
	}
	return misc + "|" + r
}
