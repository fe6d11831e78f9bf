package depparse

import (
	"sync"

	"github.com/eventwire/eventwire/internal/nlp/hugepage"
)

// promotion makes, once, the copy of a model whose tables lie on huge
// pages (package hugepage), for the parsers of a long run.
type promotion struct {
	once sync.Once
	m    *Model
}

// hugeModel returns m's copy with its tables on huge pages, making it on
// first call. The copy shares its labels with m.
func (h *promotion) hugeModel(m *Model) *Model {
	h.once.Do(func() {
		c := new(Model)
		*c = *m
		c.huge = nil
		c.trans = hugepage.Copy(c, m.trans)
		c.slots = hugepage.Copy(c, m.slots)
		c.spill = hugepage.Copy(c, m.spill)
		h.m = c
	})
	return h.m
}
