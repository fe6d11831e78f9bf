package lexicon

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"fmt"
	"io/fs"
	"sort"
	"strings"
)

// The table, before gzip, is text:
//
//	eventwire-wordnet 1
//	LEMMA TAB POS          one line per lemma, sorted; POS letters of n v a r
//	%exceptions
//	FORM TAB POS TAB LEMMA one line per (form, part of speech, lemma), sorted
//
// Lemmas and forms are WordNet's (lower case, no spaces or underscores).

const (
	tableHeader = "eventwire-wordnet 1"
	excHeader   = "%exceptions"
	maxTable    = 16 << 20
)

var posLetters = [...]struct {
	pos    POS
	letter byte
	name   string // WordNet's file name part
}{{Noun, 'n', "noun"}, {Verb, 'v', "verb"}, {Adj, 'a', "adj"}, {Adv, 'r', "adv"}}

// BuildTable reads WordNet's index.{noun,verb,adj,adv} and
// {noun,verb,adj,adv}.exc from fsys and returns the gzip-compressed table
// (deterministic bytes) and a one-line summary.
func BuildTable(fsys fs.FS) ([]byte, string, error) {
	lemmas := map[string]POS{}
	type exc struct {
		form  string
		pos   byte
		lemma string
	}
	var excs []exc
	for _, p := range posLetters {
		name := "index." + p.name
		b, err := fs.ReadFile(fsys, name)
		if err != nil {
			return nil, "", fmt.Errorf("reading wordnet index: %w", err)
		}
		for n, line := range strings.Split(string(b), "\n") {
			if line == "" || line[0] == ' ' { // licence header
				continue
			}
			f := strings.Fields(line)
			if len(f) < 2 || f[1] != string(p.letter) {
				return nil, "", fmt.Errorf("%s line %d: want a lemma and part of speech %q", name, n+1, p.letter)
			}
			if !singleWord(f[0]) {
				continue
			}
			lemmas[f[0]] |= p.pos
		}
		name = p.name + ".exc"
		if b, err = fs.ReadFile(fsys, name); err != nil {
			return nil, "", fmt.Errorf("reading wordnet exceptions: %w", err)
		}
		for n, line := range strings.Split(string(b), "\n") {
			if line == "" {
				continue
			}
			f := strings.Fields(line)
			if len(f) < 2 {
				return nil, "", fmt.Errorf("%s line %d: want a form and its lemmas", name, n+1)
			}
			if !singleWord(f[0]) {
				continue
			}
			for _, l := range f[1:] {
				if singleWord(l) {
					excs = append(excs, exc{f[0], p.letter, l})
				}
			}
		}
	}
	words := make([]string, 0, len(lemmas))
	for w := range lemmas {
		words = append(words, w)
	}
	sort.Strings(words)
	// exceptions keep the lists' order of lemmas for one form and part of
	// speech (the first is the usual one)
	sort.SliceStable(excs, func(a, b int) bool {
		if excs[a].form != excs[b].form {
			return excs[a].form < excs[b].form
		}
		return excs[a].pos < excs[b].pos
	})
	var text bytes.Buffer
	text.WriteString(tableHeader + "\n")
	for _, w := range words {
		text.WriteString(w)
		text.WriteByte('\t')
		for _, p := range posLetters {
			if lemmas[w]&p.pos != 0 {
				text.WriteByte(p.letter)
			}
		}
		text.WriteByte('\n')
	}
	text.WriteString(excHeader + "\n")
	for _, e := range excs {
		fmt.Fprintf(&text, "%s\t%c\t%s\n", e.form, e.pos, e.lemma)
	}
	var out bytes.Buffer
	zw, err := gzip.NewWriterLevel(&out, gzip.BestCompression)
	if err != nil {
		return nil, "", fmt.Errorf("compressing wordnet table: %w", err)
	}
	zw.Write(text.Bytes())
	if err := zw.Close(); err != nil {
		return nil, "", fmt.Errorf("compressing wordnet table: %w", err)
	}
	return out.Bytes(), fmt.Sprintf("%d single-word lemmas, %d exceptions (%d bytes of text)", len(words), len(excs), text.Len()), nil
}

// singleWord reports whether a WordNet lemma is one word: no collocation
// (underscore) and no space.
func singleWord(s string) bool {
	return s != "" && !strings.ContainsAny(s, "_ \t")
}

// parseTable decodes the uncompressed table text.
func parseTable(s string) (*Lexicon, error) {
	l := &Lexicon{lemmas: map[string]POS{}, exc: map[string][]Exception{}}
	sc := bufio.NewScanner(strings.NewReader(s))
	sc.Buffer(nil, 1<<16)
	n := 0
	inExc := false
	for sc.Scan() {
		line := sc.Text()
		n++
		if n == 1 {
			if line != tableHeader {
				return nil, fmt.Errorf("wordnet table line 1: header %q, want %q", line, tableHeader)
			}
			continue
		}
		if line == excHeader && !inExc {
			inExc = true
			continue
		}
		if !inExc {
			word, letters, ok := strings.Cut(line, "\t")
			if !ok || !singleWord(word) || letters == "" {
				return nil, fmt.Errorf("wordnet table line %d: want a lemma, a tab and parts of speech", n)
			}
			var p POS
			for i := 0; i < len(letters); i++ {
				q := posOfLetter(letters[i])
				if q == 0 {
					return nil, fmt.Errorf("wordnet table line %d: part of speech %q", n, letters[i])
				}
				p |= q
			}
			l.lemmas[word] = p
			continue
		}
		form, rest, ok1 := strings.Cut(line, "\t")
		letter, lemma, ok2 := strings.Cut(rest, "\t")
		if !ok1 || !ok2 || !singleWord(form) || !singleWord(lemma) || len(letter) != 1 || posOfLetter(letter[0]) == 0 {
			return nil, fmt.Errorf("wordnet table line %d: want a form, a part of speech and a lemma, tab-separated", n)
		}
		l.exc[form] = append(l.exc[form], Exception{POS: posOfLetter(letter[0]), Lemma: lemma})
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("wordnet table line %d: %w", n+1, err)
	}
	if n == 0 {
		return nil, fmt.Errorf("wordnet table: empty")
	}
	if !inExc {
		return nil, fmt.Errorf("wordnet table: no %s line", excHeader)
	}
	return l, nil
}

func posOfLetter(c byte) POS {
	for _, p := range posLetters {
		if p.letter == c {
			return p.pos
		}
	}
	return 0
}
