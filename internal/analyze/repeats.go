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
// own ("the Senate ..., the National Assembly": FRALEG twice); two verbs
// of one clause telling one act are one event already (coder
// Coder.oneActTold). Force and
// coercion (roots 14-20) told with other codes of the same root are one act
// too: "gunmen who killed six Russian soldiers" (190) in the lead and "the
// gunmen fired grenade launchers at the soldiers" (193) later; "police
// arrested dozens of protesters" and "detained them" (173). The order of
// the other events is unchanged. An act the text does not date carries the
// document's date, undated, and is one with a dated telling of it.
func mergeRepeats(evs []event.Event, undated string) []event.Event {
	if len(evs) < 2 {
		return evs
	}
	type key struct{ source, target, code string }
	kept := make(map[key][]int, len(evs))
	out := evs[:0]
	for _, e := range evs {
		k := key{e.Source, e.Target, actionKey(e.Code)}
		i := -1
		for _, j := range kept[k] {
			if sameDay(out[j].Date, e.Date, undated) && (out[j].Sentence != e.Sentence || sameSpan(out[j].TargetSpan, e.TargetSpan)) {
				i = j
				break
			}
		}
		if i < 0 {
			kept[k] = append(kept[k], len(out))
			out = append(out, e)
			continue
		}
		first := &out[i]
		if e.Sentence != first.Sentence && !slices.Contains(first.Repeats, e.Sentence) {
			first.Repeats = append(first.Repeats, e.Sentence)
		}
		if e.Confidence > first.Confidence {
			first.Confidence = e.Confidence
		}
		if first.Date == undated && e.Date != undated {
			first.Date = e.Date // the retelling that says when
		}
	}
	return out
}

// sameDay reports whether two events' dates can be one act's: equal, or one
// of them the document's date given to an act the text does not date (a
// later retelling of "the gunmen who killed six soldiers Thursday").
func sameDay(a, b, undated string) bool {
	return a == b || undated != "" && (a == undated || b == undated)
}

func sameSpan(a, b event.Span) bool { return a.First == b.First && a.Last == b.Last }

// actionKey is the part of code that tells one act from another in an
// article: the root for force and coercion (14-20), where wire stories
// retell one act with other verbs, else the whole code.
func actionKey(code string) string {
	if len(code) >= 3 && (code[0] == '1' && code[1] >= '4' || code[0] == '2' && code[1] == '0') {
		return code[:2]
	}
	return code
}
