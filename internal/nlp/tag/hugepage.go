package tag

import (
	"sync"

	"github.com/eventwire/eventwire/internal/nlp/hugepage"
)

// promotion makes, once, the copy of a model whose weight tables lie on
// huge pages (package hugepage), for the taggers of a long run.
type promotion struct {
	once sync.Once
	m    *Model
}

// hugeModel returns m's copy with its weight tables on huge pages, making
// it on first call. The copy shares everything else with m.
func (h *promotion) hugeModel(m *Model) *Model {
	h.once.Do(func() {
		c := new(Model)
		*c = *m
		c.huge = nil
		c.tagW1, c.tagW, c.featW = m.tagW1.hugeCopy(c), m.tagW.hugeCopy(c), m.featW.hugeCopy(c)
		h.m = c
	})
	return h.m
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
