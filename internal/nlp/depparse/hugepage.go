package depparse

import "github.com/eventwire/eventwire/internal/nlp/hugepage"

// hugeModel returns m's copy with its tables on huge pages, made once
// (m.huge must be set). The copy shares its labels with m.
func (m *Model) hugeModel() *Model {
	return m.huge.Get(func() *Model {
		c := new(Model)
		*c = *m
		c.huge = nil
		c.trans = hugepage.Copy(c, m.trans)
		c.slots = hugepage.Copy(c, m.slots)
		c.spill = hugepage.Copy(c, m.spill)
		return c
	})
}
