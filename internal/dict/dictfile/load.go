// Package dictfile reads dictionaries in any of eventwire's formats — its own
// (internal/dict/native), PETRARCH (internal/dict/petrarch) and TABARI
// (internal/dict/tabari) — from files and directories into one dict.Set,
// and collects every problem as "file:line: message" for `eventwire dict
// check`.
//
// Files are read in the order given; a directory contributes its dictionary
// files (.ewd, .txt, .actors, .agents, .verbs) recursively in lexical order.
// A later entry with the same key overrides an earlier one.
package dictfile

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"sort"
	"strings"
	"sync"

	"github.com/eventwire/eventwire/internal/dict"
	"github.com/eventwire/eventwire/internal/dict/native"
	"github.com/eventwire/eventwire/internal/dict/petrarch"
	"github.com/eventwire/eventwire/internal/dict/tabari"
)

// Error lists the problems of a failed load, one per line.
type Error []dict.Problem

func (e Error) Error() string {
	var b strings.Builder
	for i, p := range e {
		if i > 0 {
			b.WriteByte('\n')
		}
		b.WriteString(p.String())
	}
	return b.String()
}

// expand turns the paths into the list of files to read, in order, and
// reports paths that do not exist.
func expand(paths []string) ([]string, []dict.Problem) {
	var files []string
	var probs []dict.Problem
	for _, p := range paths {
		st, err := os.Stat(p)
		if err != nil {
			probs = append(probs, dict.Problem{File: p, Msg: errMsg(err)})
			continue
		}
		if !st.IsDir() {
			files = append(files, p)
			continue
		}
		var found []string
		err = filepath.WalkDir(p, func(path string, d fs.DirEntry, err error) error {
			if err != nil {
				probs = append(probs, dict.Problem{File: path, Msg: errMsg(err)})
				return nil
			}
			if !d.IsDir() && dictExt[strings.ToLower(filepath.Ext(path))] {
				found = append(found, path)
			}
			return nil
		})
		if err != nil {
			probs = append(probs, dict.Problem{File: p, Msg: errMsg(err)})
		}
		sort.Strings(found)
		files = append(files, found...)
	}
	return files, probs
}

// errMsg renders an I/O error without repeating the path.
func errMsg(err error) string {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Op + ": " + pe.Err.Error()
	}
	return err.Error()
}

// FileSummary describes one file that was read.
type FileSummary struct {
	Path   string
	Format Format
	Kind   string // the PETRARCH kind (actors, verbs...), "" for other formats
	Stats  dict.Stats
}

// String is the one-line summary `dict check` prints:
// "path: eventwire: 6 actors (11 names), 4 agents, 8 verbs (9 patterns)".
func (f FileSummary) String() string {
	var parts []string
	add := func(n int, what, extra string) {
		if n == 0 {
			return
		}
		s := fmt.Sprintf("%d %s", n, what)
		if n == 1 {
			s = strings.TrimSuffix(s, "s")
			if strings.HasSuffix(what, "ses") {
				s = strings.TrimSuffix(s, "e")
			}
		}
		parts = append(parts, s+extra)
	}
	st := f.Stats
	add(st.Actors, "actors", fmt.Sprintf(" (%d names)", st.ActorNames))
	add(st.Agents, "agents", "")
	add(st.Synsets, "synsets", "")
	add(st.Verbs, "verbs", fmt.Sprintf(" (%d forms, %d patterns)", st.VerbForms, st.Patterns))
	add(st.Transforms, "transformations", "")
	add(st.Discards, "discards", "")
	add(st.Issues, "issues", "")
	if len(parts) == 0 {
		parts = append(parts, "no entries")
	}
	format := f.Format.String()
	if f.Kind != "" {
		format += " " + f.Kind
	}
	return f.Path + ": " + format + ": " + strings.Join(parts, ", ")
}

// Result is the outcome of Load: the merged and built set, a summary per
// file read, and every problem found, in file order.
type Result struct {
	Set      *dict.Set
	Files    []FileSummary
	Problems []dict.Problem
}

// Errors returns the problems that are not warnings.
func (r *Result) Errors() []dict.Problem {
	var out []dict.Problem
	for _, p := range r.Problems {
		if !p.Warning {
			out = append(out, p)
		}
	}
	return out
}

// Load reads the files and directories in paths, in order, into one built
// Set and collects every problem. It never stops at the first bad file: the
// good entries of every file are in the set.
func Load(paths ...string) *Result {
	res := &Result{Set: &dict.Set{}}
	files, probs := expand(paths)
	res.Problems = append(res.Problems, probs...)
	native := map[string]bool{}
	for _, r := range readFiles(files) {
		s, sum, probs := r.set, r.sum, r.probs
		res.Problems = append(res.Problems, probs...)
		if s == nil {
			continue
		}
		res.Files = append(res.Files, sum)
		if sum.Format == Native {
			native[sum.Path] = true
		}
		res.Set.Merge(s)
	}
	res.Problems = append(res.Problems, checkSet(res.Set, native)...)
	sortProblems(res.Problems, files)
	res.Set.Build()
	return res
}

// fileRead is what readFile returned for one file.
type fileRead struct {
	set   *dict.Set
	sum   FileSummary
	probs []dict.Problem
}

// readFiles reads the files, up to GOMAXPROCS at a time (the readers share
// no state), and returns what each gave, in the order of files.
func readFiles(files []string) []fileRead {
	out := make([]fileRead, len(files))
	var wg sync.WaitGroup
	slots := make(chan struct{}, runtime.GOMAXPROCS(0))
	for i, path := range files {
		wg.Add(1)
		slots <- struct{}{}
		go func() {
			defer func() { <-slots; wg.Done() }()
			r := &out[i]
			r.set, r.sum, r.probs = readFile(path)
			if r.set != nil {
				r.sum.Stats = r.set.Stats()
			}
		}()
	}
	wg.Wait()
	return out
}

// Paths loads files and directories into one built Set. The error, of type
// Error, lists every problem that is not a warning; the set then holds the
// entries of the good lines.
func Paths(paths ...string) (*dict.Set, error) {
	res := Load(paths...)
	if errs := res.Errors(); len(errs) > 0 {
		return res.Set, Error(errs)
	}
	return res.Set, nil
}

// Check loads paths and returns all problems, warnings included; nil means
// every file is clean.
func Check(paths ...string) []dict.Problem {
	return Load(paths...).Problems
}

// sortProblems orders problems by the position of their file in the load
// order, then by line, keeping the reader's order for equal lines.
func sortProblems(ps []dict.Problem, files []string) {
	pos := make(map[string]int, len(files))
	for i, f := range files {
		pos[f] = i + 1
	}
	sort.SliceStable(ps, func(i, j int) bool {
		pi, pj := pos[ps[i].File], pos[ps[j].File]
		if pi != pj {
			return pi < pj
		}
		return ps[i].Line < ps[j].Line
	})
}

// readFile reads one file in its detected format.
func readFile(path string) (*dict.Set, FileSummary, []dict.Problem) {
	sum := FileSummary{Path: path}
	content, err := os.ReadFile(path)
	if err != nil {
		return nil, sum, []dict.Problem{{File: path, Msg: errMsg(err)}}
	}
	sum.Format = Detect(path, content)
	var s *dict.Set
	r := bytes.NewReader(content)
	switch sum.Format {
	case Native:
		s, err = native.Read(r, path)
	case TabariActors:
		s, err = tabari.ReadActors(r, path)
	case TabariAgents:
		s, err = tabari.ReadAgents(r, path)
	case TabariVerbs:
		s, err = tabari.ReadVerbs(r, path)
	default:
		if isPrepositionList(path) {
			// PETRARCH's preposition list is a plain word list that
			// petrarch.Detect would take for discards; eventwire reads
			// prepositions from the UD parse (case, obl:PREP), so it is
			// recognised and left out.
			sum.Kind = "prepositions (not used: UD parses mark prepositions)"
			return &dict.Set{}, sum, nil
		}
		var k petrarch.Kind
		s, k, err = petrarch.Read(r, path)
		if k == petrarch.KindUnknown {
			return nil, sum, []dict.Problem{{File: path, Msg: "not a dictionary file: no eventwire @section, TABARI extension or PETRARCH entries found"}}
		}
		sum.Kind = k.String()
	}
	probs, other := problems(err)
	if other != nil {
		return nil, sum, []dict.Problem{{File: path, Msg: other.Error()}}
	}
	return s, sum, probs
}

// isPrepositionList reports whether path is a PETRARCH preposition list
// (Phoenix.prepositions.txt).
func isPrepositionList(path string) bool {
	return strings.Contains(strings.ToLower(filepath.Base(path)), "preposition")
}

// problems turns a reader's error into Problems; other is an error that is
// not about lines (I/O).
func problems(err error) (probs []dict.Problem, other error) {
	if err == nil {
		return nil, nil
	}
	var ps dict.Problems
	if !errors.As(err, &ps) {
		return nil, err
	}
	for _, p := range ps {
		probs = append(probs, *p)
	}
	return probs, nil
}
