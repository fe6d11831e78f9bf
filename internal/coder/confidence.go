package coder

import (
	"math"

	"github.com/eventwire/eventwire/internal/dict"
	"github.com/eventwire/eventwire/internal/event"
)

// Evidence weights of an event's confidence: a logistic score of what the
// event rests on. They were set on the tuning half of the real-news gold
// (eval/gold, `eventwire eval events --part tune`), where events coded by a
// dictionary pattern, with both actors named in their own sentence, were
// right far more often than events coded by a verb's default code, through
// a pronoun, with a side unknown or a country taken from the story.
const (
	confBase     = 0.0  // logit of a verb's default code with two named actors
	confPattern  = 0.8  // a dictionary pattern matched the verb's arguments
	confPronoun  = -0.6 // a side is a pronoun or a document entity
	confUnknown  = -1.2 // a side has no country ("---")
	confVerbal   = -0.4 // a statement or appeal (roots 01–02)
	confReported = -0.3 // reported by a speaker (attribution)
	confInferred = -0.5 // a side's country was taken from the story (per side)
	confContent  = 0.4  // a statement recoded by what it says
)

// evidence returns the confidence of an event as it is emitted.
func (sc *Scratch) evidence(pattern bool, s, t actorRef, hasT bool, code string) float64 {
	x := confBase
	if pattern {
		x += confPattern
	}
	for _, r := range [2]actorRef{s, t} {
		if r.code == "" {
			continue
		}
		if r.head >= 0 && r.head < len(sc.s.Words) && sc.s.Words[r.head].UPOS == "PRON" || r.actor < 0 && r.agent < 0 {
			x += confPronoun
		}
	}
	if unknownCode(s.code) || !hasT || unknownCode(t.code) {
		x += confUnknown
	}
	if len(code) >= 2 && code[0] == '0' && (code[1] == '1' || code[1] == '2') {
		x += confVerbal
	}
	return logistic(x)
}

// Adjust moves an event's confidence by delta on the logistic scale (the
// later stages' evidence: attribution, content, an inferred country).
func Adjust(e *event.Event, delta float64) {
	p := min(max(e.Confidence, 0.01), 0.99)
	e.Confidence = round3(logistic(math.Log(p/(1-p)) + delta))
}

// UnknownDelta is the confidence change of an event with a side of unknown
// country; analyze lifts it when the story gives the country.
const UnknownDelta = confUnknown

// InferredDelta is the confidence change for each side whose country was
// taken from the story (analyze).
const InferredDelta = confInferred

func unknownCode(code string) bool {
	return code == "" || code == dict.NullCode || len(code) >= 3 && code[:3] == dict.NullCode
}

func logistic(x float64) float64 { return round3(1 / (1 + math.Exp(-x))) }

func round3(x float64) float64 { return math.Round(x*1000) / 1000 }
