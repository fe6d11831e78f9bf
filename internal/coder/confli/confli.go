// Package confli evaluates the coder on the ConfliBERT news sentences
// (../shared/confli): each sentence carries a five-way event class (0
// neutral statements and appeals, CAMEO roots 01-02; 1 verbal cooperation,
// 03-05; 2 material cooperation, 06-09; 3 verbal conflict, 10-14; 4
// material conflict, 15-20) and most also BIO spans of the source (S) and
// target (T) of the event.
//
// The figures are those of `eventwire eval confli`: coverage (sentences
// that yield an event), class accuracy of the first event per sentence
// among those (a bare statement gives way to the event it reports, see
// Main), the same with classes 0 and 1 merged (quad accuracy), and
// token-level F1 of the first event's source and target spans against the
// S and T spans.
package confli

import (
	"bufio"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/eventwire/eventwire/internal/event"
)

// Sentence is one labelled sentence: its text, its class (0-4) and, when
// the span file annotates it, its tokens with their BIO tags.
type Sentence struct {
	Text   string
	Class  int
	Tokens []string
	Tags   []string // "O", "B-S", "I-S", "B-T", "I-T", "B-R", "I-R"
	Line   int      // line in the class file
}

// ReadClass reads the class file: one "sentence<TAB>class" per line.
func ReadClass(r io.Reader, name string) ([]Sentence, error) {
	var out []Sentence
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64*1024), 1<<20)
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimRight(sc.Text(), "\r")
		if strings.TrimSpace(line) == "" {
			continue
		}
		i := strings.LastIndexByte(line, '\t')
		if i < 0 {
			return nil, fmt.Errorf("%s:%d: want sentence<TAB>class", name, n)
		}
		c, err := strconv.Atoi(strings.TrimSpace(line[i+1:]))
		if err != nil || c < 0 || c > 4 {
			return nil, fmt.Errorf("%s:%d: class %q: want 0-4", name, n, line[i+1:])
		}
		out = append(out, Sentence{Text: line[:i], Class: c, Line: n})
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("reading %s: %w", name, err)
	}
	return out, nil
}

// Tagged is one sentence of the span file: tokens and BIO tags.
type Tagged struct {
	Tokens, Tags []string
	Line         int
}

// ReadNER reads the span file: "token tag" per line, sentences separated
// by blank lines.
func ReadNER(r io.Reader, name string) ([]Tagged, error) {
	var out []Tagged
	var cur Tagged
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64*1024), 1<<20)
	flush := func() {
		if len(cur.Tokens) > 0 {
			out = append(out, cur)
		}
		cur = Tagged{}
	}
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimRight(sc.Text(), "\r")
		if strings.TrimSpace(line) == "" {
			flush()
			continue
		}
		i := strings.LastIndexByte(line, ' ')
		if i <= 0 {
			return nil, fmt.Errorf("%s:%d: want token and tag", name, n)
		}
		tag := line[i+1:]
		switch tag {
		case "O", "B-S", "I-S", "B-T", "I-T", "B-R", "I-R":
		default:
			return nil, fmt.Errorf("%s:%d: tag %q: want O or B-/I- with S, T or R", name, n, tag)
		}
		if cur.Line == 0 {
			cur.Line = n
		}
		cur.Tokens = append(cur.Tokens, line[:i])
		cur.Tags = append(cur.Tags, tag)
	}
	flush()
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("reading %s: %w", name, err)
	}
	return out, nil
}

// key normalises a sentence for matching the two files: no white space.
func key(s string) string {
	var b strings.Builder
	for _, r := range s {
		if r != ' ' && r != '\t' && r != '\n' && r != '\u00a0' {
			b.WriteRune(r)
		}
	}
	return b.String()
}

// Load reads cameo_class.train.tsv and cameo_ner.train.txt from dir and
// attaches the spans to their sentences (matched by text).
func Load(dir string) ([]Sentence, error) {
	path := filepath.Join(dir, "cameo_class.train.tsv")
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("reading confli sentences: %w", err)
	}
	sents, err := ReadClass(f, path)
	f.Close()
	if err != nil {
		return nil, err
	}
	path = filepath.Join(dir, "cameo_ner.train.txt")
	f, err = os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("reading confli spans: %w", err)
	}
	tagged, err := ReadNER(f, path)
	f.Close()
	if err != nil {
		return nil, err
	}
	byKey := make(map[string]int, len(sents))
	for i := range sents {
		byKey[key(sents[i].Text)] = i
	}
	for _, t := range tagged {
		if i, ok := byKey[key(strings.Join(t.Tokens, ""))]; ok {
			sents[i].Tokens, sents[i].Tags = t.Tokens, t.Tags
		}
	}
	return sents, nil
}

// Class returns the five-way class of a CAMEO event code, -1 if unknown.
func Class(code string) int {
	if len(code) < 2 {
		return -1
	}
	r, err := strconv.Atoi(code[:2])
	if err != nil {
		return -1
	}
	switch {
	case r >= 1 && r <= 2:
		return 0
	case r >= 3 && r <= 5:
		return 1
	case r >= 6 && r <= 9:
		return 2
	case r >= 10 && r <= 14:
		return 3
	case r >= 15 && r <= 20:
		return 4
	}
	return -1
}

// Result holds the figures of one evaluation.
type Result struct {
	Sentences     int     `json:"sentences"`
	Coded         int     `json:"coded"`
	Coverage      float64 `json:"coverage"`
	ClassAccuracy float64 `json:"class_accuracy"`
	QuadAccuracy  float64 `json:"quad_accuracy"`
	SourceF1      float64 `json:"source_f1"`
	TargetF1      float64 `json:"target_f1"`
	SpanSentences int     `json:"span_sentences"` // coded sentences with S/T spans
}

// prf accumulates token counts for F1.
type prf struct{ tp, fp, fn int }

func (p prf) f1() float64 {
	if 2*p.tp+p.fp+p.fn == 0 {
		return 0
	}
	return 2 * float64(p.tp) / float64(2*p.tp+p.fp+p.fn)
}

// Evaluate codes every sentence with code (raw text in, events out) and
// computes the figures. Span F1 counts tokens over the coded sentences
// that have spans: a token is predicted when the first event's source
// (target) span covers it.
func Evaluate(sents []Sentence, code func(text string) []event.Event) Result {
	return EvaluateEach(sents, code, nil)
}

// Outcome is what one sentence gave: its index in the evaluated slice, the
// events coded and the one that stands for the sentence (Main, -1 when
// none), and that event's class (-1 when none).
type Outcome struct {
	Index  int
	Events []event.Event
	Main   int
	Class  int
}

// EvaluateEach is Evaluate with a report of every sentence's outcome to
// each (when not nil), for listing what a sentence yields and why.
func EvaluateEach(sents []Sentence, code func(text string) []event.Event, each func(Outcome)) Result {
	var res Result
	var right, quad int
	var src, tgt prf
	for i := range sents {
		s := &sents[i]
		res.Sentences++
		evs := code(s.Text)
		out := Outcome{Index: i, Events: evs, Main: -1, Class: -1}
		if len(evs) == 0 {
			if each != nil {
				each(out)
			}
			continue
		}
		res.Coded++
		out.Main = Main(evs)
		e := evs[out.Main]
		c := Class(e.Code)
		out.Class = c
		if each != nil {
			each(out)
		}
		if c == s.Class {
			right++
		}
		if c == s.Class || c <= 1 && s.Class <= 1 && c >= 0 {
			quad++
		}
		if len(s.Tokens) == 0 {
			continue
		}
		res.SpanSentences++
		offs := tokenOffsets(s.Text, s.Tokens)
		src.add(offs, s.Tags, "S", e.SourceSpan)
		tgt.add(offs, s.Tags, "T", e.TargetSpan)
	}
	if res.Sentences > 0 {
		res.Coverage = float64(res.Coded) / float64(res.Sentences)
	}
	if res.Coded > 0 {
		res.ClassAccuracy = float64(right) / float64(res.Coded)
		res.QuadAccuracy = float64(quad) / float64(res.Coded)
	}
	res.SourceF1, res.TargetF1 = src.f1(), tgt.f1()
	return res
}

// Part selects the sentences of one half of the data: "even" the sentences
// at even 0-based positions (the half that patterns and rules are tuned
// on), "odd" the others (held out: read only to measure), "all" or ""
// every sentence.
func Part(sents []Sentence, part string) ([]Sentence, error) {
	switch part {
	case "", "all":
		return sents, nil
	case "even", "odd":
	default:
		return nil, fmt.Errorf("part %q: want all, even or odd", part)
	}
	r := 0
	if part == "odd" {
		r = 1
	}
	out := make([]Sentence, 0, len(sents)/2+1)
	for i := range sents {
		if i%2 == r {
			out = append(out, sents[i])
		}
	}
	return out, nil
}

// Gold returns the text of the sentence's gold spans with the given role
// ("S" or "T"), several spans joined by " | ".
func (s *Sentence) Gold(role string) string {
	var b strings.Builder
	in := false
	for i, t := range s.Tags {
		if len(t) == 3 && t[2:] == role {
			switch {
			case b.Len() > 0 && (t[0] == 'B' || !in):
				b.WriteString(" | ")
			case in:
				b.WriteByte(' ')
			}
			b.WriteString(s.Tokens[i])
			in = true
			continue
		}
		in = false
	}
	return b.String()
}

// Main returns the index of the event that stands for the sentence: the
// first one, unless it is a bare statement (010) and a later event says
// what was stated or done ("X said Y attacked Z", "X announced sanctions
// against Y"). Specific statements (claims of responsibility, denials,
// condolences) stand for themselves.
func Main(evs []event.Event) int {
	if len(evs) == 0 || evs[0].Code != "010" {
		return 0
	}
	for i := 1; i < len(evs); i++ {
		if evs[i].Code != "010" {
			return i
		}
	}
	return 0
}

func (p *prf) add(offs [][2]int, tags []string, role string, sp event.Span) {
	for i, o := range offs {
		gold := len(tags[i]) == 3 && tags[i][2:] == role
		pred := o[0] >= 0 && sp.Start >= 0 && o[0] >= sp.Start && o[1] <= sp.End
		switch {
		case gold && pred:
			p.tp++
		case pred:
			p.fp++
		case gold:
			p.fn++
		}
	}
}

// tokenOffsets finds each token in text, left to right; a token that
// cannot be found gets {-1, -1}.
func tokenOffsets(text string, toks []string) [][2]int {
	out := make([][2]int, len(toks))
	pos := 0
	for i, t := range toks {
		j := strings.Index(text[pos:], t)
		if j < 0 || j > 40 {
			out[i] = [2]int{-1, -1}
			continue
		}
		out[i] = [2]int{pos + j, pos + j + len(t)}
		pos += j + len(t)
	}
	return out
}
