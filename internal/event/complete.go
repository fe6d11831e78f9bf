package event

import (
	"fmt"
	"hash/fnv"
	"strconv"

	"github.com/eventwire/eventwire/internal/cameo"
)

// Complete fills the fields derived from e.Code through the CAMEO table:
// Root, Base, QuadClass, Goldstein and Plover (the PLOVER category, empty for
// the 01 and 02 families, which PLOVER does not map). It returns an error and
// leaves e unchanged when Code is not a CAMEO event code.
func Complete(e *Event) error {
	c, ok := cameo.Lookup(e.Code)
	if !ok {
		return fmt.Errorf("completing event: unknown CAMEO event code %q", e.Code)
	}
	e.Root = c.Root
	e.Base = c.Base
	e.QuadClass = int(c.QuadClass)
	e.Goldstein = c.Goldstein
	e.Plover = c.Plover.Category
	return nil
}

// GlobalEventID returns a deterministic 63-bit identifier for the event: the
// FNV-1a hash of its document id, sentence, source, target, code and verb
// span (offsets and word ids), with the top bit cleared so that it fits a
// signed 64-bit integer as GDELT's GLOBALEVENTID does. The same event coded
// twice from the same text gets the same id; it is never 0.
func GlobalEventID(e *Event) uint64 {
	h := fnv.New64a()
	var buf [20]byte
	field := func(s string) {
		h.Write([]byte(s))
		h.Write([]byte{0})
	}
	num := func(n int) {
		h.Write(strconv.AppendInt(buf[:0], int64(n), 10))
		h.Write([]byte{0})
	}
	field(e.DocID)
	num(e.Sentence)
	field(e.Source)
	field(e.Target)
	field(e.Code)
	num(e.VerbSpan.Start)
	num(e.VerbSpan.End)
	num(e.VerbSpan.First)
	num(e.VerbSpan.Last)
	id := h.Sum64() &^ (1 << 63)
	if id == 0 {
		id = 1
	}
	return id
}
