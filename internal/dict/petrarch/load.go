package petrarch

import (
	"fmt"
	"os"
	"path/filepath"
	"sort"

	"github.com/eventwire/eventwire/internal/dict"
)

// LoadFiles reads PETRARCH dictionary files and directories (their *.txt
// files, in lexical order) into one built Set, in the order given; problems
// in the files are returned as an error after every file was read. Commands
// use internal/dict/dictfile, which reads every format; this PETRARCH-only
// loader serves the tests of packages that dictfile itself depends on.
func LoadFiles(paths ...string) (*dict.Set, error) {
	set := &dict.Set{}
	var all Errors
	for _, p := range paths {
		files := []string{p}
		if st, err := os.Stat(p); err != nil {
			return nil, fmt.Errorf("loading dictionaries: %w", err)
		} else if st.IsDir() {
			m, err := filepath.Glob(filepath.Join(p, "*.txt"))
			if err != nil {
				return nil, fmt.Errorf("loading dictionaries: %w", err)
			}
			sort.Strings(m)
			files = m
		}
		for _, f := range files {
			fh, err := os.Open(f)
			if err != nil {
				return nil, fmt.Errorf("loading dictionaries: %w", err)
			}
			s, k, err := Read(fh, filepath.Base(f))
			fh.Close()
			if k == KindUnknown && err != nil {
				if len(files) > 1 {
					continue // a directory may hold other text files
				}
				return nil, err
			}
			if es, ok := err.(Errors); ok {
				all = append(all, es...)
			} else if err != nil {
				return nil, err
			}
			set.Merge(s)
		}
	}
	set.Build()
	return set, all.Err()
}
