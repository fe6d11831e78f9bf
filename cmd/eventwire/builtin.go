package main

import (
	"fmt"

	"github.com/eventwire/eventwire/internal/dict"
	"github.com/eventwire/eventwire/internal/dict/builtin"
)

// builtinName is the --dict value that stands for the built-in dictionaries,
// so that users can load their own files on top of them:
// --dict builtin --dict mine.ewd.
const builtinName = "builtin"

// builtinDicts returns the dictionaries embedded in the binary.
func builtinDicts() (*dict.Set, error) {
	set, err := builtin.Set()
	if err != nil {
		return nil, fmt.Errorf("loading built-in dictionaries: %w", err)
	}
	return set, nil
}
