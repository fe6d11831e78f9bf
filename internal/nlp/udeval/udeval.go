// Package udeval scores predicted Universal Dependencies annotations against
// gold ones, in the two settings of the CoNLL 2018 shared task:
//
//   - Gold tokenization (Gold): the system annotated the gold words, so
//     words are compared one to one: UPOS, XPOS, UFeats, Lemma, UAS and LAS
//     accuracy.
//   - Raw text (Raw): the system tokenized and split the text itself. Tokens,
//     sentences and words are aligned on the characters of the text without
//     white space, multiword tokens by the longest common subsequence of
//     their words' forms, as the official evaluation script does; the result
//     is F1 for tokens, sentences and words and for UPOS, XPOS, UFeats,
//     Lemma, UAS and LAS over aligned words.
//
// As in the shared task, LAS compares only the universal part of a
// dependency label (obl, not obl:tmod), and a gold lemma "_" matches anything.
//
// Result.Relations breaks LAS down by the universal relation of the
// relations listed in Relations (the ones the event coder reads): for each,
// the gold words with that relation, the system words with it, and the
// aligned words where both have it and the same head, so Precision, Recall
// and F1 of the relation follow.
package udeval

import (
	"fmt"
	"io"
	"os"
	"strings"
	"unicode"

	"github.com/eventwire/eventwire/internal/nlp"
)

// Score counts for one metric: items in gold, in the system output, and
// correct ones (for word-level attributes, aligned words with the attribute
// right).
type Score struct {
	Gold, System, Correct int
	// Aligned is the number of aligned words the attribute was compared on
	// (0 for span metrics).
	Aligned int
}

// Precision is Correct/System (0 when System is 0).
func (s Score) Precision() float64 { return ratio(s.Correct, s.System) }

// Recall is Correct/Gold (0 when Gold is 0).
func (s Score) Recall() float64 { return ratio(s.Correct, s.Gold) }

// F1 is the harmonic mean of precision and recall (0 when there is nothing).
func (s Score) F1() float64 { return ratio(2*s.Correct, s.Gold+s.System) }

// Accuracy is Correct/Aligned, the accuracy over aligned words (0 when none).
func (s Score) Accuracy() float64 { return ratio(s.Correct, s.Aligned) }

func ratio(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return float64(a) / float64(b)
}

// Result holds the scores of one evaluation. In the gold-tokenization setting
// Tokens and Sentences count gold ones and Words' Gold, System and Correct
// are all the number of words.
type Result struct {
	Tokens, Sentences, Words            Score
	UPOS, XPOS, UFeats, Lemma, UAS, LAS Score
	// Relations holds the labelled attachment score of each relation of
	// the package variable Relations, in that order.
	Relations []RelationScore
}

// RelationScore is the labelled attachment score of one universal relation:
// Gold counts the gold words with the relation, System the system words with
// it, Correct the aligned words where both have it and the same head.
type RelationScore struct {
	Relation string
	Score
}

// Relations are the universal relations whose LAS Result breaks out: those
// the event coder reads to find sources, targets and embedded events.
var Relations = []string{"nsubj", "obj", "obl", "iobj", "ccomp", "xcomp", "conj", "appos", "nmod", "compound"}

// relationIndex returns the index of the universal relation of deprel in
// Relations, or -1.
func relationIndex(deprel string) int {
	u := universal(deprel)
	for k, r := range Relations {
		if r == u {
			return k
		}
	}
	return -1
}

// newRelations returns one zero score per relation of Relations.
func newRelations() []RelationScore {
	rs := make([]RelationScore, len(Relations))
	for k, r := range Relations {
		rs[k].Relation = r
	}
	return rs
}

// countRelation adds one aligned word pair to the per-relation scores: the
// gold label g, the system label s and whether the heads agree. Gold and
// System counts are added by countGold and countSystem.
func countRelation(rs []RelationScore, g, s string, sameHead bool) {
	if gk := relationIndex(g); gk >= 0 {
		rs[gk].Aligned++
		if gk == relationIndex(s) && sameHead {
			rs[gk].Correct++
		}
	}
}

// countGold counts a gold word with label deprel.
func countGold(rs []RelationScore, deprel string) {
	if k := relationIndex(deprel); k >= 0 {
		rs[k].Gold++
	}
}

// countSystem counts a system word with label deprel.
func countSystem(rs []RelationScore, deprel string) {
	if k := relationIndex(deprel); k >= 0 {
		rs[k].System++
	}
}

// universal returns the universal part of a dependency label.
func universal(deprel string) string {
	if k := strings.IndexByte(deprel, ':'); k >= 0 {
		return deprel[:k]
	}
	return deprel
}

func lemmaMatch(gold, sys string) bool { return gold == "" || gold == "_" || gold == sys }

// Gold scores sys against gold when sys annotates exactly the gold words: the
// sentences and their words must correspond one to one and have the same
// forms, else Gold returns an error naming the first sentence that differs.
func Gold(gold, sys []nlp.Sentence) (Result, error) {
	r := Result{Relations: newRelations()}
	if len(gold) != len(sys) {
		return r, fmt.Errorf("system has %d sentences, gold %d", len(sys), len(gold))
	}
	for i := range gold {
		g, s := &gold[i], &sys[i]
		if len(g.Words) != len(s.Words) {
			return r, fmt.Errorf("sentence %d (%s): system has %d words, gold %d", i+1, g.ID, len(s.Words), len(g.Words))
		}
		r.Sentences.Gold++
		r.Sentences.System++
		r.Sentences.Correct++
		r.Tokens.Gold += tokenCount(g)
		r.Tokens.System += tokenCount(g)
		r.Tokens.Correct += tokenCount(g)
		for k := range g.Words {
			gw, sw := &g.Words[k], &s.Words[k]
			if gw.Form != sw.Form {
				return r, fmt.Errorf("sentence %d (%s) word %d: system form %q, gold %q", i+1, g.ID, k+1, sw.Form, gw.Form)
			}
			r.Words.Gold++
			r.Words.System++
			r.Words.Correct++
			for _, sc := range []*Score{&r.UPOS, &r.XPOS, &r.UFeats, &r.Lemma, &r.UAS, &r.LAS} {
				sc.Gold++
				sc.System++
				sc.Aligned++
			}
			count(&r.UPOS, gw.UPOS == sw.UPOS)
			count(&r.XPOS, gw.XPOS == sw.XPOS)
			count(&r.UFeats, gw.Feats == sw.Feats)
			count(&r.Lemma, lemmaMatch(gw.Lemma, sw.Lemma))
			count(&r.UAS, gw.Head == sw.Head)
			count(&r.LAS, gw.Head == sw.Head && universal(gw.Deprel) == universal(sw.Deprel))
			countRelation(r.Relations, gw.Deprel, sw.Deprel, gw.Head == sw.Head)
			countGold(r.Relations, gw.Deprel)
			countSystem(r.Relations, sw.Deprel)
		}
	}
	return r, nil
}

func count(s *Score, ok bool) {
	if ok {
		s.Correct++
	}
}

func tokenCount(s *nlp.Sentence) int {
	n := len(s.Words)
	for _, m := range s.MultiWords {
		n -= m.Last - m.First
	}
	return n
}

// span is a half-open range of character (rune) indices into the text
// without white space.
type span struct{ start, end int }

// uword is one word of a representation.
type uword struct {
	span
	multi  bool      // part of a multiword token
	w      *nlp.Word // the word's annotation
	parent int       // index of the head word in the representation, -1 for the root
	form   string    // lower-cased form
}

// repr is a treebank seen as the CoNLL 2018 evaluation sees it.
type repr struct {
	chars     []rune
	tokens    []span
	sentences []span
	words     []uword
}

func isZs(r rune) bool { return unicode.Is(unicode.Zs, r) }

// load builds the representation of sents: the characters of all token forms
// without spaces, and token, word and sentence spans over them.
func load(sents []nlp.Sentence) repr {
	var rp repr
	for si := range sents {
		s := &sents[si]
		sentStart := len(rp.chars)
		base := len(rp.words)
		addForm := func(form string) span {
			st := len(rp.chars)
			for _, r := range form {
				if !isZs(r) {
					rp.chars = append(rp.chars, r)
				}
			}
			return span{st, len(rp.chars)}
		}
		mw := 0
		for k := 0; k < len(s.Words); k++ {
			w := &s.Words[k]
			for mw < len(s.MultiWords) && s.MultiWords[mw].Last < w.ID {
				mw++
			}
			if mw < len(s.MultiWords) && s.MultiWords[mw].First == w.ID {
				m := s.MultiWords[mw]
				sp := addForm(m.Form)
				rp.tokens = append(rp.tokens, sp)
				for ; k < len(s.Words) && s.Words[k].ID <= m.Last; k++ {
					rp.words = append(rp.words, uword{span: sp, multi: true, w: &s.Words[k]})
				}
				k--
				mw++
				continue
			}
			sp := addForm(w.Form)
			rp.tokens = append(rp.tokens, sp)
			rp.words = append(rp.words, uword{span: sp, w: w})
		}
		for k := base; k < len(rp.words); k++ {
			uw := &rp.words[k]
			uw.form = strings.ToLower(uw.w.Form)
			uw.parent = -1
			if h := uw.w.Head; h > 0 && base+h-1 < len(rp.words) {
				uw.parent = base + h - 1
			}
		}
		rp.sentences = append(rp.sentences, span{sentStart, len(rp.chars)})
	}
	return rp
}

// spansScore counts the spans of sys that match a gold span exactly.
func spansScore(gold, sys []span) Score {
	sc := Score{Gold: len(gold), System: len(sys)}
	gi, si := 0, 0
	for gi < len(gold) && si < len(sys) {
		switch {
		case sys[si].start < gold[gi].start:
			si++
		case gold[gi].start < sys[si].start:
			gi++
		default:
			if gold[gi].end == sys[si].end {
				sc.Correct++
			}
			gi++
			si++
		}
	}
	return sc
}

// Raw scores sys, the output of a system that started from the raw text,
// against gold. Both must spell the same text once white space is removed,
// else Raw returns an error naming the first difference.
func Raw(gold, sys []nlp.Sentence) (Result, error) {
	r := Result{Relations: newRelations()}
	g, s := load(gold), load(sys)
	if err := sameChars(g.chars, s.chars); err != nil {
		return r, err
	}
	r.Tokens = spansScore(g.tokens, s.tokens)
	r.Sentences = spansScore(g.sentences, s.sentences)
	pairs := align(g.words, s.words)
	r.Words = Score{Gold: len(g.words), System: len(s.words), Correct: len(pairs)}
	// sysToGold maps aligned system words to their gold words.
	sysToGold := make([]int, len(s.words))
	for k := range sysToGold {
		sysToGold[k] = -2 // not aligned
	}
	for _, p := range pairs {
		sysToGold[p[1]] = p[0]
	}
	mapParent := func(sp int) int {
		if sp < 0 {
			return -1
		}
		return sysToGold[sp]
	}
	for _, sc := range []*Score{&r.UPOS, &r.XPOS, &r.UFeats, &r.Lemma, &r.UAS, &r.LAS} {
		sc.Gold, sc.System, sc.Aligned = len(g.words), len(s.words), len(pairs)
	}
	for _, p := range pairs {
		gw, sw := &g.words[p[0]], &s.words[p[1]]
		count(&r.UPOS, gw.w.UPOS == sw.w.UPOS)
		count(&r.XPOS, gw.w.XPOS == sw.w.XPOS)
		count(&r.UFeats, gw.w.Feats == sw.w.Feats)
		count(&r.Lemma, lemmaMatch(gw.w.Lemma, sw.w.Lemma))
		head := gw.parent == mapParent(sw.parent)
		count(&r.UAS, head)
		count(&r.LAS, head && universal(gw.w.Deprel) == universal(sw.w.Deprel))
		countRelation(r.Relations, gw.w.Deprel, sw.w.Deprel, head)
	}
	// Unaligned words still count as gold or system words of their
	// relation, as they do for LAS.
	for k := range g.words {
		countGold(r.Relations, g.words[k].w.Deprel)
	}
	for k := range s.words {
		countSystem(r.Relations, s.words[k].w.Deprel)
	}
	return r, nil
}

func sameChars(g, s []rune) error {
	n := min(len(g), len(s))
	for k := 0; k < n; k++ {
		if g[k] != s[k] {
			lo := max(0, k-20)
			return fmt.Errorf("text mismatch at character %d: gold %q, system %q", k,
				string(g[lo:min(len(g), k+20)]), string(s[lo:min(len(s), k+20)]))
		}
	}
	if len(g) != len(s) {
		return fmt.Errorf("text mismatch: gold has %d characters, system %d", len(g), len(s))
	}
	return nil
}

// align pairs gold and system words as the CoNLL 2018 evaluation does:
// words outside multiword tokens by equal spans, and within a stretch of
// overlapping multiword tokens by the longest common subsequence of the
// lower-cased forms. It returns (gold index, system index) pairs.
func align(gold, sys []uword) [][2]int {
	var pairs [][2]int
	var lcs []int
	gi, si := 0, 0
	for gi < len(gold) && si < len(sys) {
		if gold[gi].multi || sys[si].multi {
			var gs, ss int
			gs, ss, gi, si = multiwordSpan(gold, sys, gi, si)
			if si > ss && gi > gs {
				ng, ns := gi-gs, si-ss
				lcs = computeLCS(gold[gs:gi], sys[ss:si], lcs)
				at := func(g, s int) int {
					if g >= ng || s >= ns {
						return 0
					}
					return lcs[g*ns+s]
				}
				g, s := 0, 0
				for g < ng && s < ns {
					switch {
					case gold[gs+g].form == sys[ss+s].form:
						pairs = append(pairs, [2]int{gs + g, ss + s})
						g++
						s++
					case at(g, s) == at(g+1, s):
						g++
					default:
						s++
					}
				}
			}
			continue
		}
		switch {
		case gold[gi].span == sys[si].span:
			pairs = append(pairs, [2]int{gi, si})
			gi++
			si++
		case gold[gi].start <= sys[si].start:
			gi++
		default:
			si++
		}
	}
	return pairs
}

func beyondEnd(words []uword, i, end int) bool {
	if i >= len(words) {
		return true
	}
	if words[i].multi {
		return words[i].start >= end
	}
	return words[i].end > end
}

func extendEnd(w *uword, end int) int {
	if w.multi && w.end > end {
		return w.end
	}
	return end
}

// multiwordSpan finds the minimal stretch of gold and system words around a
// multiword token at gold[gi] or sys[si]; it returns its starts and the
// indices just past it.
func multiwordSpan(gold, sys []uword, gi, si int) (gs, ss, ge, se int) {
	var end int
	if gold[gi].multi {
		end = gold[gi].end
		if !sys[si].multi && sys[si].start < gold[gi].start {
			si++
		}
	} else {
		end = sys[si].end
		if !gold[gi].multi && gold[gi].start < sys[si].start {
			gi++
		}
	}
	gs, ss = gi, si
	for !beyondEnd(gold, gi, end) || !beyondEnd(sys, si, end) {
		if gi < len(gold) && (si >= len(sys) || gold[gi].start <= sys[si].start) {
			end = extendEnd(&gold[gi], end)
			gi++
		} else {
			end = extendEnd(&sys[si], end)
			si++
		}
	}
	return gs, ss, gi, si
}

// computeLCS fills buf (row-major, len(g)×len(s)) with the lengths of the
// longest common subsequences of the suffixes g[i:] and s[j:].
func computeLCS(g, s []uword, buf []int) []int {
	ng, ns := len(g), len(s)
	if cap(buf) < ng*ns {
		buf = make([]int, ng*ns)
	}
	buf = buf[:ng*ns]
	at := func(i, j int) int {
		if i >= ng || j >= ns {
			return 0
		}
		return buf[i*ns+j]
	}
	for i := ng - 1; i >= 0; i-- {
		for j := ns - 1; j >= 0; j-- {
			v := 0
			if g[i].form == s[j].form {
				v = 1 + at(i+1, j+1)
			}
			v = max(v, at(i+1, j), at(i, j+1))
			buf[i*ns+j] = v
		}
	}
	return buf
}

// RawText rebuilds the raw text of gold sentences as the shared task did:
// sentences of a paragraph joined by a space, paragraphs and documents
// (comments "newpar" and "newdoc") separated by a blank line. A sentence
// without a "# text" comment is spelled from its tokens and SpaceAfter=No.
// It also returns the byte offset just after each sentence.
func RawText(gold []nlp.Sentence) (string, []int) {
	var b strings.Builder
	ends := make([]int, 0, len(gold))
	for i := range gold {
		s := &gold[i]
		if i > 0 {
			if startsParagraph(s) {
				b.WriteString("\n\n")
			} else {
				b.WriteByte(' ')
			}
		}
		if s.Text != "" {
			b.WriteString(s.Text)
		} else {
			b.WriteString(spell(s))
		}
		ends = append(ends, b.Len())
	}
	return b.String(), ends
}

func startsParagraph(s *nlp.Sentence) bool {
	for _, c := range s.Comments {
		if strings.HasPrefix(c, "newpar") || strings.HasPrefix(c, "newdoc") {
			return true
		}
	}
	return false
}

// spell writes a sentence from its tokens, with a space after each token
// unless its MISC says SpaceAfter=No.
func spell(s *nlp.Sentence) string {
	var b strings.Builder
	mw := 0
	for k := 0; k < len(s.Words); k++ {
		w := &s.Words[k]
		form, misc := w.Form, w.Misc
		for mw < len(s.MultiWords) && s.MultiWords[mw].Last < w.ID {
			mw++
		}
		if mw < len(s.MultiWords) && s.MultiWords[mw].First == w.ID {
			m := s.MultiWords[mw]
			form, misc = m.Form, m.Misc
			for k+1 < len(s.Words) && s.Words[k+1].ID <= m.Last {
				k++
			}
		}
		b.WriteString(form)
		if k+1 < len(s.Words) && !strings.Contains(misc, "SpaceAfter=No") {
			b.WriteByte(' ')
		}
	}
	return b.String()
}

// ReadFile reads all sentences of a CoNLL-U file.
func ReadFile(path string) ([]nlp.Sentence, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("opening treebank: %w", err)
	}
	defer f.Close()
	return Read(f, path)
}

// Read reads all sentences of CoNLL-U text; name is used in error messages.
func Read(r io.Reader, name string) ([]nlp.Sentence, error) {
	rd := nlp.NewConlluReader(r, name)
	var out []nlp.Sentence
	for {
		s, err := rd.Next()
		if err == io.EOF {
			return out, nil
		}
		if err != nil {
			return nil, err
		}
		out = append(out, *s)
	}
}
