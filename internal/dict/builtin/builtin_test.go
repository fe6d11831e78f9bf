package builtin

import (
	"testing"

	"github.com/eventwire/eventwire/internal/dict"
)

// TestSetLoads requires every embedded file to load with no problem.
func TestSetLoads(t *testing.T) {
	s, err := Set()
	if err != nil {
		t.Fatal(err)
	}
	if len(s.Verbs) == 0 {
		t.Error("no verbs in the built-in set")
	}
	if s.Version == "" {
		t.Error("set not built: no version")
	}
	again, _ := Set()
	if again != s {
		t.Error("Set loaded twice")
	}
}

// TestUndefinedSynset checks that a reference to a missing synset is caught.
func TestUndefinedSynset(t *testing.T) {
	s := &dict.Set{Verbs: []dict.Verb{{Name: "x", Patterns: []dict.Pattern{{
		Slots:  []dict.Slot{{Rel: "obj", Role: dict.ElemWord, Words: []dict.Word{{Text: "&nope", Synset: true}}}},
		Origin: dict.Origin{File: "f.ewd", Line: 3},
	}}}}}
	errs := undefinedSynsets(s)
	if len(errs) != 1 || errs[0].Error() != "f.ewd:3: synset &nope is not defined in any built-in file" {
		t.Errorf("got %v", errs)
	}
}
