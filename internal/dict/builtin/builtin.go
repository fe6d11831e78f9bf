// Package builtin holds eventwire's own dictionaries — actors, agents, verbs
// and synsets written for modern news language in the eventwire format
// (docs/dictionaries.md) — embedded in the binary.
//
// Set loads them once, through the native reader, into one built dict.Set;
// later calls return the same read-only set, which is safe for concurrent
// use. Users extend or patch it by loading their own files after it (a
// later entry with the same key overrides an earlier one).
package builtin

import (
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"sort"
	"strings"
	"sync"

	"github.com/eventwire/eventwire/internal/dict"
	"github.com/eventwire/eventwire/internal/dict/native"
)

//go:embed *.ewd
var files embed.FS

// Prefix is put before the embedded file names in entry origins
// ("builtin/verbs.ewd:12"), so that an event cites where its rule lives.
const Prefix = "builtin/"

var (
	once   sync.Once
	set    *dict.Set
	setErr error
)

// Set returns the built-in dictionaries, loaded and built on the first call.
// The error lists every problem of every embedded file (a bad line, a synset
// that no file defines); the built-in files are tested to have none.
func Set() (*dict.Set, error) {
	once.Do(func() { set, setErr = loadFS(files) })
	return set, setErr
}

// Names returns the embedded file names in load order (lexical).
func Names() []string {
	names, _ := fs.Glob(files, "*.ewd")
	sort.Strings(names)
	return names
}

// Open returns the content of one embedded file, for `dict explain` and
// users who want to start their own dictionary from it.
func Open(name string) ([]byte, error) {
	b, err := files.ReadFile(strings.TrimPrefix(name, Prefix))
	if err != nil {
		return nil, fmt.Errorf("reading built-in dictionary: %w", err)
	}
	return b, nil
}

func loadFS(fsys fs.FS) (*dict.Set, error) {
	names, err := fs.Glob(fsys, "*.ewd")
	if err != nil {
		return nil, fmt.Errorf("listing built-in dictionaries: %w", err)
	}
	sort.Strings(names)
	all := &dict.Set{}
	var errs []error
	for _, name := range names {
		f, err := fsys.Open(name)
		if err != nil {
			return nil, fmt.Errorf("opening built-in dictionary: %w", err)
		}
		s, err := native.Read(f, Prefix+name)
		f.Close()
		if err != nil {
			errs = append(errs, err)
		}
		if s != nil {
			all.Merge(s)
		}
	}
	errs = append(errs, undefinedSynsets(all)...)
	all.Build()
	if len(errs) > 0 {
		return all, fmt.Errorf("built-in dictionaries: %w", errors.Join(errs...))
	}
	return all, nil
}

// undefinedSynsets reports synsets referred to in verb patterns that no
// embedded file defines.
func undefinedSynsets(s *dict.Set) []error {
	defined := make(map[string]bool, len(s.Synsets))
	for i := range s.Synsets {
		defined[s.Synsets[i].Name] = true
	}
	var errs []error
	check := func(o dict.Origin, w dict.Word) {
		if w.Synset && !defined[w.Text] {
			errs = append(errs, fmt.Errorf("%s: synset %s is not defined in any built-in file", o, w.Text))
		}
	}
	var slots func(o dict.Origin, ss []dict.Slot)
	slots = func(o dict.Origin, ss []dict.Slot) {
		for _, sl := range ss {
			for _, w := range sl.Words {
				check(o, w)
			}
			slots(o, sl.Sub)
		}
	}
	for i := range s.Synsets {
		for _, p := range s.Synsets[i].Members {
			for _, w := range p {
				check(s.Synsets[i].Origin, w)
			}
		}
	}
	for i := range s.Verbs {
		for _, p := range s.Verbs[i].Patterns {
			slots(p.Origin, p.Slots)
		}
	}
	return errs
}
