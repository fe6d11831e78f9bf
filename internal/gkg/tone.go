package gkg

import (
	"math"

	"github.com/eventwire/eventwire/internal/event"
	"github.com/eventwire/eventwire/internal/nlp"
)

// toneCounts accumulates the word counts behind a Tone.
type toneCounts struct {
	words, pos, neg, verbs, pronouns int
}

func (c *toneCounts) add(o toneCounts) {
	c.words += o.words
	c.pos += o.pos
	c.neg += o.neg
	c.verbs += o.verbs
	c.pronouns += o.pronouns
}

func (c toneCounts) tone() Tone {
	if c.words == 0 {
		return Tone{}
	}
	pct := func(n int) float64 { return round(100 * float64(n) / float64(c.words)) }
	t := Tone{Positive: pct(c.pos), Negative: pct(c.neg), Polarity: pct(c.pos + c.neg),
		Activity: pct(c.verbs), SelfGroup: pct(c.pronouns), WordCount: c.words}
	t.Tone = round(t.Positive - t.Negative)
	return t
}

// round keeps four decimals, so that rows are stable and compact.
func round(f float64) float64 { return math.Round(f*1e4) / 1e4 }

// negators flip the valence of the next valued word up to three words
// after them.
var negators = map[string]bool{"not": true, "n't": true, "no": true, "never": true, "without": true, "nor": true, "neither": true}

// personal pronouns counted for the self/group reference density.
var personalPronouns = map[string]bool{"i": true, "me": true, "my": true, "mine": true, "myself": true,
	"we": true, "us": true, "our": true, "ours": true, "ourselves": true,
	"you": true, "your": true, "yours": true, "yourself": true, "yourselves": true,
	"he": true, "him": true, "his": true, "himself": true, "she": true, "her": true, "hers": true, "herself": true,
	"they": true, "them": true, "their": true, "theirs": true, "themselves": true}

// sentenceTone counts the words of s: a word is positive or negative when
// the lexicon gives its lower-cased form (or lemma, or the two-word phrase
// it starts) a valence, flipped after a negator within three words.
func (x *Extractor) sentenceTone(sc *Scratch, s *nlp.Sentence) toneCounts {
	sc.lowerSentence(s)
	var c toneCounts
	lastNeg := -10
	for i := 0; i < len(s.Words); i++ {
		w := &s.Words[i]
		if !hasLetterOrDigit(w.Form) {
			continue
		}
		c.words++
		low := sc.lw(i)
		if negators[string(low)] {
			lastNeg = i
			continue
		}
		if w.UPOS == "VERB" {
			c.verbs++
		}
		if w.UPOS == "PRON" && personalPronouns[string(low)] {
			c.pronouns++
		}
		v, ok := int8(0), false
		if x.lex.firsts[string(low)] && i+1 < len(s.Words) {
			// The phrase key is built in the scratch buffer after the
			// sentence's forms; lookups with string(bytes) do not allocate.
			n := len(sc.low)
			sc.low = append(append(append(sc.low, low...), ' '), sc.lw(i+1)...)
			v, ok = x.lex.phrases[string(sc.low[n:])]
			sc.low = sc.low[:n]
			if ok {
				c.words++
				i++
			}
		}
		if !ok {
			v, ok = x.lex.words[string(low)]
		}
		if !ok && w.Lemma != "" && w.Lemma != string(low) {
			v, ok = x.lex.words[w.Lemma]
		}
		if !ok {
			continue
		}
		if i-lastNeg <= 3 {
			v = -v
			lastNeg = -10 // a negator flips one word
		}
		if v > 0 {
			c.pos++
		} else {
			c.neg++
		}
	}
	return c
}

// tone fills the article tone, each sentence's tone and each event's
// sentence tone.
func (x *Extractor) tone(sc *Scratch, d *nlp.Document, evs []event.Event, r *Record) {
	var all toneCounts
	r.SentenceTones = make([]SentenceTone, len(d.Sentences))
	for k := range d.Sentences {
		c := x.sentenceTone(sc, &d.Sentences[k])
		all.add(c)
		r.SentenceTones[k] = SentenceTone{Sentence: k + 1, Tone: c.tone().Tone}
	}
	r.Tone = all.tone()
	if len(evs) > 0 {
		r.EventTones = make([]float64, len(evs))
		for i, e := range evs {
			if e.Sentence >= 1 && e.Sentence <= len(r.SentenceTones) {
				r.EventTones[i] = r.SentenceTones[e.Sentence-1].Tone
			}
		}
	}
}
