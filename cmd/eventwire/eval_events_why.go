package main

// eval events --why: why each gold event the system missed ("missed: not
// coded") was not coded. The sentence that holds the gold quote is coded
// again with the coder's trace (coder.ExplainSentences, in its document
// context: the sentences before it are coded untraced first, so pronouns
// and document entities resolve as they did) and the trace of the quote's
// words is read for the reason.

import (
	"fmt"
	"io"
	"sort"
	"strconv"
	"strings"

	"github.com/eventwire/eventwire/internal/analyze"
	"github.com/eventwire/eventwire/internal/coder"
	"github.com/eventwire/eventwire/internal/coder/goldeval"
	"github.com/eventwire/eventwire/internal/dict"
	"github.com/eventwire/eventwire/internal/event"
	"github.com/eventwire/eventwire/internal/nlp"
)

// The reasons a gold event was not coded, in the order the table lists
// them.
const (
	whyNoVerb      = "no dictionary verb or noun event" // none among the quote's words
	whyNoSource    = "no source actor"
	whyNoTarget    = "no target actor"
	whyNullCode    = "null code"                            // the dictionary gives that sense no code
	whyModality    = "not an act that happened"             // modality: future, hypothetical, wished...
	whySameActor   = "source and target are the same actor" // (or every pair already coded)
	whyOtherRoot   = "coded with another root"              // an event of a quote word with another root
	whyOtherActors = "coded with other actors"              // an event of a quote word with the gold's root
	whyOther       = "other"                                // negated, discarded, coded then dropped...
)

var whyReasons = []string{whyNoVerb, whyNoSource, whyNoTarget, whyNullCode, whyModality, whySameActor,
	whyOtherRoot, whyOtherActors, whyOther}

// whyNot is why one gold event was not coded: the reason, one of
// whyReasons, and the trace step that tells it ("" when none does), as
// --list prints it.
type whyNot struct {
	Reason string
	Detail string
}

// docWhy is one article's score with, for each missed gold event, why it
// was not coded (Reason "" for misses of another pattern than
// goldeval.MissedAll).
type docWhy struct {
	goldeval.DocResult
	Why []whyNot
}

// eventsWhyReport is the JSON form of "eval events --why": the figures and,
// for each half and both, the count of each reason.
type eventsWhyReport struct {
	eventsReport
	Why map[string]map[string]int `json:"why"`
}

// scoreEventsWhy scores the annotated documents as scoreEvents does and
// explains, with c (the analyzer's coder options on the same dictionaries),
// each gold event not coded; with c nil it explains none.
func scoreEventsWhy(an *analyze.Analyzer, c *coder.Coder, a *annotatedDocs[goldeval.Doc], workers int, each func(docWhy)) ([]docWhy, error) {
	var defaults map[string]string
	if c != nil {
		defaults = formCodes(c.Dict())
	}
	return scoreEventsThen(an, a, workers, func(res *analyze.Result, r goldeval.DocResult) docWhy {
		if c == nil {
			return docWhy{DocResult: r}
		}
		return docWhy{DocResult: r, Why: explainMisses(c, defaults, res, r.Missed)}
	}, each)
}

// formCodes maps the origin of each verb and noun form of set
// ("builtin/verbs.ewd:104", as a trace names it) to its default code, the
// form's or else its class's; null codes are left out.
func formCodes(set *dict.Set) map[string]string {
	out := map[string]string{}
	for i := range set.Verbs {
		v := &set.Verbs[i]
		for j := range v.Forms {
			code := v.Forms[j].Code
			if code == "" {
				code = v.Code
			}
			if code != "" && code != dict.NullCode {
				out[v.Forms[j].Origin.String()] = code
			}
		}
	}
	return out
}

// explainMisses returns why each gold event of missed was not coded in the
// analyzed document res: one trace of the sentences that hold their quotes,
// coded in the document's context.
func explainMisses(c *coder.Coder, defaults map[string]string, res *analyze.Result, missed []goldeval.Miss) []whyNot {
	out := make([]whyNot, len(missed))
	words := make([][]bool, len(missed))
	at := make([]int, len(missed))
	var want []int
	for i, m := range missed {
		at[i] = -1
		if m.Pattern != goldeval.MissedAll {
			continue
		}
		start, end, ok := goldeval.QuoteSpan(res.Doc.Text, m.Gold.Quote)
		if ok {
			at[i], words[i] = quoteSentence(&res.Parsed, start, end)
		}
		if at[i] < 0 {
			out[i] = whyNot{whyOther, "the quote is in no sentence analyzed"}
			continue
		}
		want = append(want, at[i])
	}
	if len(want) == 0 {
		return out
	}
	sort.Ints(want)
	doc := coder.Doc{ID: res.Doc.ID, URL: res.Doc.URL, Text: res.Doc.Text, Date: dict.DateOf(res.Date)}
	explained := map[int]*coder.Explained{}
	xs := c.ExplainSentences(doc, &res.Parsed, want)
	for i := range xs {
		explained[xs[i].Index] = &xs[i]
	}
	for i, m := range missed {
		if x := explained[at[i]]; x != nil && at[i] >= 0 {
			out[i] = classifyMiss(m.Gold.Code, words[i], x.Events, x.Trace, defaults)
		}
	}
	return out
}

// quoteSentence returns the sentence of d that holds most words of the
// quote at bytes [start, end) of the text (the first of equals; -1 for
// none) and which of its words do, by 1-based word id.
func quoteSentence(d *nlp.Document, start, end int) (int, []bool) {
	best, most := -1, 0
	var in []bool
	for k := range d.Sentences {
		s := &d.Sentences[k]
		n := 0
		for i := range s.Words {
			if w := &s.Words[i]; w.Start >= 0 && w.Start < end && w.End > start {
				n++
			}
		}
		if n > most {
			best, most = k, n
		}
	}
	if best < 0 {
		return -1, nil
	}
	s := &d.Sentences[best]
	in = make([]bool, len(s.Words)+1)
	for i := range s.Words {
		if w := &s.Words[i]; w.Start >= 0 && w.Start < end && w.End > start {
			in[i+1] = true
		}
	}
	return best, in
}

// traceBlock is what the trace tells of one verb or noun event of the
// dictionary: its header step ("verb "attacked" at word 3: class ...") and
// the steps under it.
type traceBlock struct {
	word     int // 1-based
	head     string
	origin   string   // of the class's form: "builtin/verbs.ewd:104"
	codes    []string // of the patterns matched, intents, demands and events
	noEvent  string   // "no target actor" of "  no event: no target actor"
	events   []string // "ARN → GON 190" of "  event ARN → GON 190 (verbs.txt:3)"
	consumed bool     // "coded with the verb before it"
}

// blocks reads the verb and noun blocks of a trace. A step that is not
// indented and not a verb or noun (actors, pronouns, repairs) ends none: it
// is read as part of the block it falls in, but only "no event", "event",
// pattern, intent and demand steps are.
func blocks(tr *coder.Trace) []traceBlock {
	var out []traceBlock
	for _, st := range tr.Steps {
		if w, ok := blockWord(st.Msg); ok {
			b := traceBlock{word: w, head: st.Msg, consumed: strings.HasSuffix(st.Msg, "coded with the verb before it")}
			if i := strings.LastIndex(st.Msg, " ("); i > 0 && strings.HasSuffix(st.Msg, ")") {
				b.origin = st.Msg[i+2 : len(st.Msg)-1]
			}
			out = append(out, b)
			continue
		}
		if len(out) == 0 {
			continue
		}
		b := &out[len(out)-1]
		m := strings.TrimSpace(st.Msg)
		switch {
		case strings.HasPrefix(m, "no event: "):
			if b.noEvent == "" {
				b.noEvent = m[len("no event: "):]
			}
		case strings.HasPrefix(m, "event "):
			ev := m[len("event "):]
			if i := strings.LastIndex(ev, " ("); i > 0 {
				ev = ev[:i]
			}
			b.events = append(b.events, ev)
			b.codes = append(b.codes, lastField(ev))
		case strings.HasPrefix(m, "pattern ") && strings.Contains(m, " matches ("):
			b.codes = append(b.codes, lastField(m))
		case strings.HasPrefix(m, "intent: "), strings.HasPrefix(m, "demand: "):
			// "intent: 190 becomes 138", "demand: 190 of the clause becomes 1041 by ..."
			if i := strings.Index(m, " becomes "); i > 0 {
				if f := strings.Fields(m[i+len(" becomes "):]); len(f) > 0 {
					b.codes = append(b.codes, f[0])
				}
			}
		}
	}
	return out
}

// blockWord reads the word id of a trace step that opens a verb or noun
// block: `verb "attacked" at word 3: ...`, `noun "attack" at word 5: ...`.
func blockWord(msg string) (int, bool) {
	if !strings.HasPrefix(msg, `verb "`) && !strings.HasPrefix(msg, `noun "`) {
		return 0, false
	}
	const at = `" at word `
	i := strings.Index(msg, at)
	if i < 0 {
		return 0, false
	}
	rest := msg[i+len(at):]
	j := strings.IndexByte(rest, ':')
	if j < 0 {
		return 0, false
	}
	w, err := strconv.Atoi(rest[:j])
	return w, err == nil && w > 0
}

func lastField(s string) string {
	f := strings.Fields(s)
	if len(f) == 0 {
		return ""
	}
	return f[len(f)-1]
}

// classifyMiss names why a gold event with code goldCode was not coded from
// the trace of the sentence that holds its quote: quote marks the quote's
// words (by 1-based id) and evs are the sentence's events. The verb and noun
// blocks of the quote's words are read, those with a code of the gold's
// root first when there are any (a pattern matched, an event, or the
// default code of the class's form, which defaults gives by the form's
// origin): the coder's own reason for producing nothing ("no event: ..."),
// else an event of theirs the sentence keeps (another root, or the gold's
// root with other actors), else "other".
func classifyMiss(goldCode string, quote []bool, evs []event.Event, tr *coder.Trace, defaults map[string]string) whyNot {
	inQuote := func(w int) bool { return w > 0 && w < len(quote) && quote[w] }
	var bs []traceBlock
	all := blocks(tr)
	for i, b := range all {
		if !inQuote(b.word) {
			continue
		}
		if b.consumed {
			// a later word of a verb phrase: the phrase is coded at
			// the verb before it
			for j := i - 1; j >= 0; j-- {
				if !all[j].consumed && strings.HasPrefix(all[j].head, "verb ") {
					if !inQuote(all[j].word) {
						bs = append(bs, all[j])
					}
					break
				}
			}
			continue
		}
		bs = append(bs, b)
	}
	if len(bs) == 0 {
		for _, st := range tr.Steps {
			if st.Kind == coder.StepDiscard {
				return whyNot{whyOther, st.Msg}
			}
		}
		return whyNot{whyNoVerb, ""}
	}
	root := goldCode[:min(2, len(goldCode))]
	var same []traceBlock
	for _, b := range bs {
		if c := defaults[b.origin]; c != "" {
			b.codes = append(b.codes, c)
		}
		for _, c := range b.codes {
			if strings.HasPrefix(c, root) {
				same = append(same, b)
				break
			}
		}
	}
	if len(same) > 0 {
		bs = same
	}
	for _, b := range bs {
		if b.noEvent != "" {
			return whyNot{noEventReason(b.noEvent), blockName(b.head) + ": " + b.noEvent}
		}
	}
	for _, b := range bs {
		for i := range evs {
			e := &evs[i]
			if e.VerbSpan.First != b.word {
				continue
			}
			d := fmt.Sprintf("%s: coded %s %s %s", blockName(b.head), orDash(e.Source), e.Code, orDash(e.Target))
			if !strings.HasPrefix(e.Code, root) {
				return whyNot{whyOtherRoot, d}
			}
			return whyNot{whyOtherActors, d}
		}
	}
	for _, b := range bs {
		for _, ev := range b.events {
			for _, st := range tr.Steps {
				if m := strings.TrimSpace(st.Msg); strings.HasPrefix(m, "dropped "+ev+":") {
					return whyNot{whyOther, blockName(b.head) + ": " + m}
				}
			}
			return whyNot{whyOther, blockName(b.head) + ": coded " + ev + ", then changed or dropped"}
		}
	}
	return whyNot{whyOther, blockName(bs[0].head) + ": no event and no reason traced"}
}

// blockName shortens a block's header to `verb "attacked" at word 3`.
func blockName(head string) string {
	if i := strings.Index(head, ": "); i > 0 {
		return head[:i]
	}
	return head
}

// noEventReason sorts the coder's reason for producing no event ("no
// event: REASON" in the trace, internal/coder emit.go and slots.go) into
// the reasons counted.
func noEventReason(msg string) string {
	switch {
	case msg == "no source actor", msg == "noun event without a source",
		msg == "bombings in general, no bomber named", msg == "bombing without a bomber or a target":
		return whyNoSource
	case msg == "no target actor", msg == "noun event without a target":
		return whyNoTarget
	case strings.HasPrefix(msg, "null code"):
		return whyNullCode
	case strings.HasSuffix(msg, "(not an act that happened)"):
		return whyModality
	case msg == "source and target are the same actor":
		return whySameActor
	}
	return whyOther // negated verbs, the agent of a verb coded there
}

// whyCounts counts the reasons of the documents' gold events not coded.
func whyCounts(docs []docWhy) map[string]int {
	n := map[string]int{}
	for _, d := range docs {
		for _, w := range d.Why {
			if w.Reason != "" {
				n[w.Reason]++
			}
		}
	}
	return n
}

// printWhy prints the count of each reason, one column per half scored
// and one for both when both are.
func printWhy(w io.Writer, why map[string]map[string]int) {
	var parts []string
	for _, h := range []string{"tune", "check"} {
		if _, ok := why[h]; ok {
			parts = append(parts, h)
		}
	}
	if len(parts) != 1 {
		parts = append(parts, "all")
	}
	fmt.Fprintf(w, "\nwhy not coded (missed: not coded; the quote's sentence traced in its document):\n%-38s", "reason")
	for _, p := range parts {
		fmt.Fprintf(w, " %6s", p)
	}
	fmt.Fprintln(w)
	total := make([]int, len(parts))
	for _, r := range whyReasons {
		fmt.Fprintf(w, "%-38s", r)
		for i, p := range parts {
			fmt.Fprintf(w, " %6d", why[p][r])
			total[i] += why[p][r]
		}
		fmt.Fprintln(w)
	}
	fmt.Fprintf(w, "%-38s", "total")
	for _, t := range total {
		fmt.Fprintf(w, " %6d", t)
	}
	fmt.Fprintln(w)
}
