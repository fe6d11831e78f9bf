package native

import (
	"bufio"
	"io"
	"strings"
)

// writeFile writes f in the eventwire format, one section per kind in the
// order of sections, entries in their order. Reading the output back gives
// the same entries (with new line numbers).
func writeFile(w io.Writer, f *file) error {
	bw := bufio.NewWriter(w)
	started := false
	sep := func(name string) {
		if started {
			bw.WriteByte('\n')
		}
		started = true
		bw.WriteString("@" + name + "\n")
	}
	if len(f.Actors) > 0 {
		sep("actors")
		for _, a := range f.Actors {
			writeActor(bw, &a)
		}
	}
	if len(f.Agents) > 0 {
		sep("agents")
		for _, a := range f.Agents {
			code := a.Code
			switch a.Place {
			case agentSuffix:
				code = "~" + code
			case agentPrefix:
				code += "~"
			}
			writeList(bw, "", a.Names, " = "+code)
		}
	}
	if len(f.Synsets) > 0 {
		sep("synsets")
		for _, s := range f.Synsets {
			writeList(bw, "&"+s.Name+" = ", s.Members, "")
		}
	}
	if len(f.Verbs) > 0 {
		sep("verbs")
		for _, v := range f.Verbs {
			bw.WriteString(v.key())
			bw.WriteString(": ")
			writeCode(bw, v.Code, v.Reverse, v.Neg, v.HasNeg)
			for _, p := range v.Patterns {
				bw.WriteString("    ")
				writeSlots(bw, p.Slots)
				bw.WriteString(" = ")
				writeCode(bw, p.Code, p.Reverse, p.Neg, p.HasNeg)
			}
		}
	}
	if len(f.Discards) > 0 {
		sep("discards")
		for _, d := range f.Discards {
			bw.WriteString(d.Phrase)
			if d.Story {
				bw.WriteString(" = story")
			}
			bw.WriteByte('\n')
		}
	}
	for i, is := range f.Issues {
		if i == 0 || is.Category != f.Issues[i-1].Category {
			if is.Category != "" {
				sep("issues " + is.Category)
			} else {
				sep("issues")
			}
		}
		if is.Exclude {
			for _, p := range is.Phrases {
				bw.WriteString("!" + p + "\n")
			}
			continue
		}
		writeList(bw, "", is.Phrases, " = "+is.Issue)
	}
	return bw.Flush()
}

// writeList writes prefix, the items separated by " | ", and suffix on one
// line; items that do not fit in 100 columns go on "    | ..." continuation
// lines so that diffs stay small.
func writeList(bw *bufio.Writer, prefix string, items []string, suffix string) {
	const width = 100
	n := len(prefix) + len(suffix)
	first := 0
	for first < len(items) && (first == 0 || n+3+len(items[first]) <= width) {
		n += len(items[first]) + 3
		first++
	}
	bw.WriteString(prefix)
	bw.WriteString(strings.Join(items[:first], " | "))
	bw.WriteString(suffix)
	bw.WriteByte('\n')
	rest := items[first:]
	for len(rest) > 0 {
		k, n := 0, 6
		for k < len(rest) && (k == 0 || n+3+len(rest[k]) <= width) {
			n += len(rest[k]) + 3
			k++
		}
		bw.WriteString("    | ")
		bw.WriteString(strings.Join(rest[:k], " | "))
		bw.WriteByte('\n')
		rest = rest[k:]
	}
}

func writeActor(bw *bufio.Writer, a *actorEntry) {
	if len(a.Codes) == 1 {
		var b strings.Builder
		writeActorCode(&b, &a.Codes[0])
		writeList(bw, "", a.Names, " = "+b.String())
		return
	}
	writeList(bw, "", a.Names, "")
	for i := range a.Codes {
		bw.WriteString("    = ")
		writeActorCode(bw, &a.Codes[i])
		bw.WriteByte('\n')
	}
}

func writeActorCode(bw interface{ WriteString(string) (int, error) }, c *actorCode) {
	bw.WriteString(strings.Join(c.Codes, "+"))
	if !c.Range.From.IsZero() || !c.Range.To.IsZero() {
		bw.WriteString(" " + formatRange(c.Range))
	}
}

func writeCode(bw *bufio.Writer, code, reverse, neg string, hasNeg bool) {
	bw.WriteString(code)
	if reverse != "" {
		bw.WriteString(" reverse=" + reverse)
	}
	if hasNeg {
		bw.WriteString(" neg=" + neg)
	}
	bw.WriteByte('\n')
}

func writeSlots(bw *bufio.Writer, slots []slot) {
	for i, s := range slots {
		if i > 0 {
			bw.WriteByte(' ')
		}
		if s.Key != "" {
			bw.WriteString(s.Key)
			continue
		}
		bw.WriteString(s.Rel)
		switch s.Kind {
		case valAny:
			if len(s.Sub) > 0 {
				bw.WriteString("=*")
			}
		case valSource:
			bw.WriteString("=$S")
		case valTarget:
			bw.WriteString("=$T")
		case valSynset:
			bw.WriteString("=&" + s.Words[0])
		default:
			bw.WriteString("=" + strings.Join(s.Words, "|"))
		}
		if len(s.Sub) > 0 {
			bw.WriteByte('(')
			writeSlots(bw, s.Sub)
			bw.WriteByte(')')
		}
	}
}
