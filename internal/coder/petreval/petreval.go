// Package petreval evaluates the coder on PETRARCH validation records: XML
// files of <Sentence> records, each with a dependency parse in <Parse>
// (CoNLL-U columns), an article date, and the expected events as
// <EventCoding sourcecode= targetcode= eventcode=> elements, or
// <EventCoding noevents="True"/> when nothing should be coded.
//
// The reader is lenient, as some published files are not well-formed XML:
// it scans for <Sentence ...> ... </Sentence> blocks and reads the
// attributes and elements it needs, reporting a record it cannot read with
// its line instead of failing the file.
package petreval

import (
	"fmt"
	"io"
	"sort"
	"strings"

	"github.com/eventwire/eventwire/internal/coder"
	"github.com/eventwire/eventwire/internal/coder/goldeval"
	"github.com/eventwire/eventwire/internal/dict"
	"github.com/eventwire/eventwire/internal/dict/petrarch"
	"github.com/eventwire/eventwire/internal/event"
	"github.com/eventwire/eventwire/internal/nlp"
)

// Triple is one coded or expected event.
type Triple struct {
	Source, Target, Code string
}

func (t Triple) String() string { return t.Source + " " + t.Target + " " + t.Code }

// Record is one validation record.
type Record struct {
	ID       string
	Category string // the id up to its first '_' ("DEMO", "COMPOUND")
	Date     dict.Date
	Line     int // line of <Sentence> in the file
	Text     string
	Sentence *nlp.Sentence
	Gold     []Triple
	NoEvents bool   // <EventCoding noevents="True"/>
	Error    string // <EventCoding error="..."/>: the error condition the record tests; nothing is expected
	// DateProblem says how the record's date attribute was read when it is
	// not YYYYMMDD: as YYMMDD, or not at all (the record is kept with no
	// date: actors take their undated codes).
	DateProblem string
}

// Environment is the <Environment> block: the dictionary files the records
// were made for. An element may name several files, comma-separated, as
// PETRARCH-2 reads them ("Phoenix.Countries.actors.txt,Phoenix.International.actors.txt").
type Environment struct {
	Verbs, Actors, Agents, Discards []string
}

// Files returns every dictionary file of the environment, actors first and
// verbs last (verbs replaces the verb files when not empty).
func (e Environment) Files(verbs string) []string {
	out := append(append(append([]string(nil), e.Actors...), e.Agents...), e.Discards...)
	if verbs != "" {
		return append(out, verbs)
	}
	return append(out, e.Verbs...)
}

// fileList splits an <Environment> element into its file names.
func fileList(s string) []string {
	var out []string
	for _, f := range strings.Split(s, ",") {
		if f = strings.TrimSpace(f); f != "" {
			out = append(out, f)
		}
	}
	return out
}

// File is a parsed validation file.
type File struct {
	Env      Environment
	Records  []Record
	Problems []string // records that could not be read, "name:line: message"
}

// Read reads a validation file.
func Read(r io.Reader, name string) (*File, error) {
	b, err := io.ReadAll(r)
	if err != nil {
		return nil, fmt.Errorf("reading %s: %w", name, err)
	}
	src := string(b)
	f := &File{}
	if env := between(src, "<Environment>", "</Environment>"); env != "" {
		f.Env.Verbs = fileList(between(env, "<Verbfile>", "</Verbfile>"))
		f.Env.Actors = fileList(between(env, "<Actorfile>", "</Actorfile>"))
		f.Env.Agents = fileList(between(env, "<Agentfile>", "</Agentfile>"))
		f.Env.Discards = fileList(between(env, "<Discardfile>", "</Discardfile>"))
	}
	src = stripComments(src)
	pos := 0
	for {
		i := strings.Index(src[pos:], "<Sentence ")
		if i < 0 {
			break
		}
		i += pos
		j := strings.Index(src[i:], "</Sentence>")
		if j < 0 {
			f.Problems = append(f.Problems, fmt.Sprintf("%s:%d: <Sentence> without </Sentence>", name, lineOf(src, i)))
			break
		}
		j += i
		pos = j + len("</Sentence>")
		rec, msg := record(src[i:j])
		rec.Line = lineOf(src, i)
		if msg != "" {
			f.Problems = append(f.Problems, fmt.Sprintf("%s:%d: %s", name, rec.Line, msg))
			continue
		}
		if rec.DateProblem != "" {
			f.Problems = append(f.Problems, fmt.Sprintf("%s:%d: %s", name, rec.Line, rec.DateProblem))
		}
		f.Records = append(f.Records, rec)
	}
	if len(f.Records) == 0 {
		return f, fmt.Errorf("reading %s: no <Sentence> records", name)
	}
	return f, nil
}

// Part keeps the records of one half of the file: "tune" or "check" by
// goldeval.Half of the record id (an FNV hash, the split eval events uses),
// or "all". Records sharing an id fall in the same half.
func (f *File) Part(part string) error {
	switch part {
	case "all":
		return nil
	case "tune", "check":
	default:
		return fmt.Errorf("part: want tune, check or all, not %q", part)
	}
	kept := f.Records[:0]
	for _, r := range f.Records {
		if goldeval.Half(r.ID) == part {
			kept = append(kept, r)
		}
	}
	f.Records = kept
	return nil
}

// stripComments removes <!-- --> comments, keeping newlines so that line
// numbers stay right.
func stripComments(s string) string {
	var b strings.Builder
	for {
		i := strings.Index(s, "<!--")
		if i < 0 {
			b.WriteString(s)
			return b.String()
		}
		b.WriteString(s[:i])
		j := strings.Index(s[i+4:], "-->")
		if j < 0 {
			return b.String()
		}
		b.WriteString(strings.Repeat("\n", strings.Count(s[i:i+4+j+3], "\n")))
		s = s[i+4+j+3:]
	}
}

func lineOf(s string, i int) int { return strings.Count(s[:i], "\n") + 1 }

func between(s, open, close string) string {
	i := strings.Index(s, open)
	if i < 0 {
		return ""
	}
	s = s[i+len(open):]
	j := strings.Index(s, close)
	if j < 0 {
		return ""
	}
	return s[:j]
}

// attr returns the value of attribute name in tag text ("" when absent).
func attr(tag, name string) string {
	for _, q := range []string{`"`, `'`} {
		k := strings.Index(tag, " "+name+"="+q)
		if k < 0 {
			continue
		}
		rest := tag[k+len(name)+3:]
		if e := strings.Index(rest, q); e >= 0 {
			return rest[:e]
		}
	}
	return ""
}

func record(block string) (Record, string) {
	var r Record
	end := strings.IndexByte(block, '>')
	if end < 0 {
		return r, "unclosed <Sentence> tag"
	}
	tag := block[:end]
	r.ID = attr(tag, "id")
	if r.ID == "" {
		return r, "<Sentence> without id"
	}
	r.Category = r.ID
	if i := strings.IndexByte(r.ID, '_'); i > 0 {
		r.Category = r.ID[:i]
	}
	if d := attr(tag, "date"); d != "" {
		// YYYYMMDD; a six-digit date is read as YYMMDD, the form the
		// PETRARCH dictionaries' own date restrictions use
		// (AFP0808020905_1 in PETR2_GSR_validation.xml: "121108" is
		// 2012-11-08), and said. A date that reads neither way leaves the
		// record undated: it still tests its coding.
		s := strings.ReplaceAll(d, "-", "")
		v, ok := petrarch.ParseDate(s)
		switch {
		case !ok:
			r.DateProblem = fmt.Sprintf("record %s: bad date %q (coded with no date)", r.ID, d)
		case len(s) == 6:
			r.Date = v
			r.DateProblem = fmt.Sprintf("record %s: six-digit date %q read as YYMMDD %d", r.ID, d, v)
		default:
			r.Date = v
		}
	}
	rest := block[end+1:]
	for {
		i := strings.Index(rest, "<EventCoding")
		if i < 0 {
			break
		}
		j := strings.IndexByte(rest[i:], '>')
		if j < 0 {
			return r, fmt.Sprintf("record %s: unclosed <EventCoding>", r.ID)
		}
		ec := rest[i : i+j]
		rest = rest[i+j:]
		if strings.EqualFold(attr(ec, "noevents"), "true") {
			r.NoEvents = true
			continue
		}
		if e := attr(ec, "error"); e != "" {
			// an error or discard record ("dateline", "storydiscard",
			// "bad_input_parse"): nothing is to be coded
			r.Error = e
			continue
		}
		t := Triple{Source: attr(ec, "sourcecode"), Target: attr(ec, "targetcode"), Code: attr(ec, "eventcode")}
		if t.Code == "" {
			return r, fmt.Sprintf("record %s: <EventCoding> without eventcode", r.ID)
		}
		r.Gold = append(r.Gold, t)
	}
	r.Text = strings.Join(strings.Fields(between(block, "<Text>", "</Text>")), " ")
	parse := between(block, "<Parse>", "</Parse>")
	if strings.TrimSpace(parse) == "" {
		return r, fmt.Sprintf("record %s: no <Parse>", r.ID)
	}
	s, err := nlp.NewConlluReader(strings.NewReader(strings.TrimSpace(parse)+"\n"), r.ID).Next()
	if err != nil {
		return r, fmt.Sprintf("record %s: parse: %v", r.ID, err)
	}
	s.Text = r.Text
	r.Sentence = s
	return r, ""
}

// CategoryCounts are the counts of one record category.
type CategoryCounts struct {
	Records   int `json:"records"`
	Gold      int `json:"gold"`
	Predicted int `json:"predicted"`
	Matched   int `json:"matched"`
}

// Result is the outcome of an evaluation.
type Result struct {
	Records        int     `json:"records"`
	Gold           int     `json:"gold"`
	Predicted      int     `json:"predicted"`
	Matched        int     `json:"matched"`
	Precision      float64 `json:"precision"`
	Recall         float64 `json:"recall"`
	F1             float64 `json:"f1"`
	NoEventRecords int     `json:"noevent_records"`
	NoEventCorrect int     `json:"noevent_correct"`
	// Error records (<EventCoding error="..."/>: story discards, a dateline,
	// a broken parse) expect nothing either; counted apart.
	ErrorRecords int                        `json:"error_records"`
	ErrorCorrect int                        `json:"error_correct"`
	Categories   map[string]*CategoryCounts `json:"categories"`
	Failures     []Failure                  `json:"failures,omitempty"`
}

// Failure is a record whose coding differs from the gold.
type Failure struct {
	ID        string   `json:"id"`
	Text      string   `json:"text"`
	Missing   []Triple `json:"missing,omitempty"`
	Spurious  []Triple `json:"spurious,omitempty"`
	NoEventOK bool     `json:"-"`
}

// Evaluate codes every record with c (its date choosing actor codes) and
// compares the (source, target, code) triples with the gold, as multisets
// per record. A noevents record counts as correct when nothing is coded.
func Evaluate(c *coder.Coder, f *File) *Result {
	res := &Result{Categories: map[string]*CategoryCounts{}}
	sc := c.NewScratch()
	var evs []event.Event
	for i := range f.Records {
		rec := &f.Records[i]
		sc.Reset()
		evs = c.CodeSentence(sc, coder.Doc{ID: rec.ID, Date: rec.Date}, 1, rec.Sentence, evs[:0])
		pred := make([]Triple, 0, len(evs))
		for _, e := range evs {
			pred = append(pred, Triple{e.Source, e.Target, e.Code})
		}
		cat := res.Categories[rec.Category]
		if cat == nil {
			cat = &CategoryCounts{}
			res.Categories[rec.Category] = cat
		}
		cat.Records++
		res.Records++
		matched, missing, spurious := compare(rec.Gold, pred)
		res.Gold += len(rec.Gold)
		res.Predicted += len(pred)
		res.Matched += matched
		cat.Gold += len(rec.Gold)
		cat.Predicted += len(pred)
		cat.Matched += matched
		ok := len(missing) == 0 && len(spurious) == 0
		if rec.NoEvents {
			res.NoEventRecords++
			if len(pred) == 0 {
				res.NoEventCorrect++
			}
		}
		if rec.Error != "" {
			res.ErrorRecords++
			if len(pred) == 0 {
				res.ErrorCorrect++
			}
		}
		if !ok {
			res.Failures = append(res.Failures, Failure{ID: rec.ID, Text: rec.Text, Missing: missing, Spurious: spurious})
		}
	}
	if res.Predicted > 0 {
		res.Precision = float64(res.Matched) / float64(res.Predicted)
	}
	if res.Gold > 0 {
		res.Recall = float64(res.Matched) / float64(res.Gold)
	}
	if res.Precision+res.Recall > 0 {
		res.F1 = 2 * res.Precision * res.Recall / (res.Precision + res.Recall)
	}
	return res
}

// compare matches gold and predicted triples as multisets.
func compare(gold, pred []Triple) (matched int, missing, spurious []Triple) {
	used := make([]bool, len(pred))
	for _, g := range gold {
		found := false
		for j, p := range pred {
			if !used[j] && p == g {
				used[j], found = true, true
				matched++
				break
			}
		}
		if !found {
			missing = append(missing, g)
		}
	}
	for j, p := range pred {
		if !used[j] {
			spurious = append(spurious, p)
		}
	}
	return matched, missing, spurious
}

// Error classes of Breakdown.
const (
	ErrNoEvent   = "no event"  // a gold event in a record where nothing was coded
	ErrCode      = "code"      // right source and target, another event code
	ErrRoot      = "subcode"   // right actors and root, another code below it
	ErrDirection = "direction" // right code, source and target swapped
	ErrSource    = "source"    // right code and target, another source
	ErrTarget    = "target"    // right code and source, another target
	ErrOther     = "missed"    // a gold event with no near produced one
	ErrExtra     = "extra"     // a produced event near no missed gold one
)

// Breakdown sorts the failures' missing and spurious events into error
// classes: each missing gold event is paired with the first spurious event
// of its record that differs from it in one respect (code, subcode,
// direction, source or target), which then counts once; the spurious
// events left over are extra.
func (r *Result) Breakdown() map[string]int {
	out := map[string]int{}
	for _, f := range r.Failures {
		used := make([]bool, len(f.Spurious))
		for _, g := range f.Missing {
			class := ErrOther
			if len(f.Missing) > 0 && len(f.Spurious) == 0 {
				class = ErrNoEvent
			}
			for j, p := range f.Spurious {
				if used[j] {
					continue
				}
				c := nearClass(g, p)
				if c == "" {
					continue
				}
				used[j], class = true, c
				break
			}
			out[class]++
		}
		for j := range f.Spurious {
			if !used[j] {
				out[ErrExtra]++
			}
		}
	}
	return out
}

// nearClass names how p differs from g when it differs in one respect, or
// returns "".
func nearClass(g, p Triple) string {
	switch {
	case g.Source == p.Source && g.Target == p.Target:
		if len(g.Code) >= 2 && len(p.Code) >= 2 && g.Code[:2] == p.Code[:2] {
			return ErrRoot
		}
		return ErrCode
	case g.Code != p.Code:
		return ""
	case g.Source == p.Target && g.Target == p.Source:
		return ErrDirection
	case g.Target == p.Target:
		return ErrSource
	case g.Source == p.Source:
		return ErrTarget
	}
	return ""
}

// WriteTable writes a readable report: the totals, per-category counts and
// the failing records with their missing and spurious triples.
func (r *Result) WriteTable(w io.Writer) error {
	var b strings.Builder
	fmt.Fprintf(&b, "records %d  gold %d  predicted %d  matched %d\n", r.Records, r.Gold, r.Predicted, r.Matched)
	fmt.Fprintf(&b, "precision %.3f  recall %.3f  f1 %.3f  noevent %d/%d  error records %d/%d\n\n", r.Precision, r.Recall, r.F1,
		r.NoEventCorrect, r.NoEventRecords, r.ErrorCorrect, r.ErrorRecords)
	cats := make([]string, 0, len(r.Categories))
	for k := range r.Categories {
		cats = append(cats, k)
	}
	sort.Strings(cats)
	fmt.Fprintf(&b, "%-12s %7s %5s %9s %7s\n", "category", "records", "gold", "predicted", "matched")
	for _, k := range cats {
		c := r.Categories[k]
		fmt.Fprintf(&b, "%-12s %7d %5d %9d %7d\n", k, c.Records, c.Gold, c.Predicted, c.Matched)
	}
	if len(r.Failures) > 0 {
		bd := r.Breakdown()
		fmt.Fprintf(&b, "\nerrors:")
		for _, k := range []string{ErrNoEvent, ErrOther, ErrCode, ErrRoot, ErrDirection, ErrSource, ErrTarget, ErrExtra} {
			fmt.Fprintf(&b, " %s %d,", k, bd[k])
		}
		b.WriteByte('\n')
		fmt.Fprintf(&b, "\nfailing records (%d):\n", len(r.Failures))
		for _, f := range r.Failures {
			fmt.Fprintf(&b, "%s", f.ID)
			for _, t := range f.Missing {
				fmt.Fprintf(&b, "  -[%s]", t)
			}
			for _, t := range f.Spurious {
				fmt.Fprintf(&b, "  +[%s]", t)
			}
			b.WriteByte('\n')
		}
	}
	_, err := io.WriteString(w, b.String())
	return err
}
