package analyze

import (
	"slices"

	"github.com/eventwire/eventwire/internal/event"
)

// mergeRepeats keeps one event for each action a document codes more than
// once: events with the same source, target, code and date are one
// real-world event told again ("Israeli gunships fired missiles at Hamas
// activists ..." in the lead and "the strike by Israeli helicopters ..."
// later; a protest in the headline and in the body). The first is kept,
// with the later sentences in Repeats and the highest confidence of them
// all. Within one sentence, the members of a list stay events of their
// own ("the Senate ..., the National Assembly": FRALEG twice). The order of
// the other events is unchanged.
func mergeRepeats(evs []event.Event) []event.Event {
	if len(evs) < 2 {
		return evs
	}
	type key struct{ source, target, code, date string }
	first := make(map[key]int, len(evs))
	out := evs[:0]
	for _, e := range evs {
		k := key{e.Source, e.Target, e.Code, e.Date}
		if i, ok := first[k]; ok && (out[i].Sentence != e.Sentence || sameSpan(out[i].TargetSpan, e.TargetSpan)) {
			kept := &out[i]
			if e.Sentence != kept.Sentence && !slices.Contains(kept.Repeats, e.Sentence) {
				kept.Repeats = append(kept.Repeats, e.Sentence)
			}
			if e.Confidence > kept.Confidence {
				kept.Confidence = e.Confidence
			}
			continue
		}
		if _, ok := first[k]; !ok {
			first[k] = len(out)
		}
		out = append(out, e)
	}
	return out
}

func sameSpan(a, b event.Span) bool { return a.First == b.First && a.Last == b.Last }
