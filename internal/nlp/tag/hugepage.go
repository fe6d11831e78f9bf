package tag

import "github.com/eventwire/eventwire/internal/nlp/hugepage"

// hugeModel returns m's copy with its weight tables on huge pages, made
// once (m.huge must be set). The copy shares everything else with m.
func (m *Model) hugeModel() *Model {
	return m.huge.Get(func() *Model {
		c := new(Model)
		*c = *m
		c.huge = nil
		c.tagW1, c.tagW, c.featW = m.tagW1.hugeCopy(c), m.tagW.hugeCopy(c), m.featW.hugeCopy(c)
		return c
	})
}

// hugeCopy returns a copy of ws whose tables lie on huge pages released
// with owner.
func (ws *weights) hugeCopy(owner *Model) *weights {
	if ws == nil {
		return nil
	}
	c := *ws
	c.slots = hugepage.Copy(owner, ws.slots)
	c.entries = hugepage.Copy(owner, ws.entries)
	return &c
}
