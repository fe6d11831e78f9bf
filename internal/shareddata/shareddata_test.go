package shareddata

import (
	"path/filepath"
	"testing"
)

func TestFind(t *testing.T) {
	p, ok := Find("no-such-folder-in-shared")
	if ok || filepath.Base(p) != "no-such-folder-in-shared" {
		t.Errorf("Find of a missing folder = %q, %v", p, ok)
	}
	if p, ok := Find(); ok && filepath.Base(p) != "shared" {
		t.Errorf("Find() = %q", p)
	}
}
