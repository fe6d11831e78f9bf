package native

import (
	"bufio"
	"fmt"
	"io"
	"sort"
	"strings"

	"github.com/eventwire/eventwire/internal/cameo"
)

// The parsed form of a file, before it becomes part of a dict.Set. Each entry
// keeps the line it starts on.

type actorCode struct {
	Codes []string // several when the actor stands for several ("FRO+BIL+SAM"); "-" is the null code
	Range dateRange
	Line  int
}

type actorEntry struct {
	Line  int
	Names []string
	Codes []actorCode
}

// agentPlace says where the country code goes when an agent meets a country.
type agentPlace uint8

const (
	agentAlone  agentPlace = iota // CODE: no country slot
	agentSuffix                   // ~CODE: country then agent code
	agentPrefix                   // CODE~: agent code then country
)

type agentEntry struct {
	Line  int
	Names []string
	Code  string
	Place agentPlace
}

type synsetEntry struct {
	Line    int
	Name    string // without '&'
	Members []string
}

// valueKind is what a slot's value asks of the dependent.
type valueKind uint8

const (
	valWords  valueKind = iota // the dependent's lemma is one of Words
	valSource                  // $S: the dependent is the source actor
	valTarget                  // $T: the dependent is the target actor
	valSynset                  // &name: the dependent's lemma is in the synset
	valAny                     // REL alone: a dependent with that relation exists
)

// slot is one condition of a verb pattern.
type slot struct {
	Rel   string // "obj", "obl:against", "nmod:on", "xcomp"...; "" for a keyword
	Key   string // "pass", "neg" for keyword slots
	Kind  valueKind
	Words []string // valWords; valSynset: the synset name
	Sub   []slot   // conditions on the dependent's own dependents
}

type verbPattern struct {
	Line    int
	Slots   []slot
	Code    string // "-" null
	Reverse string // "" none
	Neg     string // code when negated; "" none
	HasNeg  bool
}

type verbEntry struct {
	Line     int
	Lemma    string
	Particle string
	Noun     bool // "(n)": a noun event
	Adj      bool // "(a)": a predicate adjective
	Code     string
	Reverse  string // "reverse=CODE": a second event from target to source
	Neg      string
	HasNeg   bool
	Patterns []verbPattern
}

type discardEntry struct {
	Line   int
	Phrase string
	Story  bool
}

type issueEntry struct {
	Line     int
	Phrases  []string
	Issue    string // "" for an exclusion
	Category string // from "@issues CATEGORY", "" when none
	Exclude  bool
}

type file struct {
	Actors   []actorEntry
	Agents   []agentEntry
	Synsets  []synsetEntry
	Verbs    []verbEntry
	Discards []discardEntry
	Issues   []issueEntry
}

// Section names as written after '@'.
var sections = []string{"actors", "agents", "synsets", "verbs", "discards", "issues"}

// parser reads one file.
type parser struct {
	name     string
	probs    Problems
	f        file
	section  string
	category string // the argument of the current @issues header
	// whether continuation lines may extend the last entry of the section
	open bool
}

func (p *parser) add(line int, format string, args ...any) {
	p.probs = append(p.probs, &Problem{File: p.name, Line: line, Msg: fmt.Sprintf(format, args...)})
}

// parse reads the whole file. It returns the parsed entries of the good lines
// and all problems.
func parse(r io.Reader, name string) (*file, Problems, error) {
	p := &parser{name: name}
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 64*1024), 4*1024*1024)
	n := 0
	for sc.Scan() {
		n++
		raw := strings.TrimRight(sc.Text(), "\r")
		line := strings.TrimRight(stripComment(raw), " \t")
		if strings.TrimSpace(line) == "" {
			continue
		}
		if line[0] == ' ' || line[0] == '\t' {
			p.continuation(n, strings.TrimSpace(line))
			continue
		}
		if line[0] == '@' {
			name, arg, _ := strings.Cut(strings.TrimSpace(line[1:]), " ")
			arg = strings.TrimSpace(arg)
			ok := false
			for _, s := range sections {
				if name == s {
					ok = true
				}
			}
			if !ok {
				p.add(n, "unknown section %q (want one of @%s)", clip(line), strings.Join(sections, ", @"))
				p.section = ""
				p.open = false
				continue
			}
			p.section, p.category, p.open = name, "", false
			if arg != "" {
				if name != "issues" || !issueName(arg) {
					p.add(n, "unexpected %q after @%s (only @issues takes an UPPER_CASE category)", clip(arg), name)
					p.section = ""
					continue
				}
				p.category = arg
			}
			continue
		}
		p.open = false
		p.entry(n, line)
	}
	if err := sc.Err(); err != nil {
		return &p.f, p.probs, fmt.Errorf("reading %s: %w", name, err)
	}
	p.finalCheck()
	sort.SliceStable(p.probs, func(i, j int) bool { return p.probs[i].Line < p.probs[j].Line })
	return &p.f, p.probs, nil
}

// finalCheck reports what can only be seen once an entry is complete.
// An actor without codes is reported and left out. A name, verb or synset
// given twice in one file is an error (across files a later file overrides
// an earlier one on purpose; within a file it is a slip).
func (p *parser) finalCheck() {
	kept := p.f.Actors[:0]
	for _, a := range p.f.Actors {
		if len(a.Codes) == 0 {
			p.add(a.Line, "actor %q has no code", a.Names[0])
			continue
		}
		kept = append(kept, a)
	}
	p.f.Actors = kept
	// A later entry that repeats a name is reported and left out.
	seen := map[string]int{}
	fresh := func(kind string, keys []string, line int) bool {
		for _, key := range keys {
			if first, ok := seen[kind+"\x00"+strings.ToLower(key)]; ok {
				p.add(line, "%s %q already given at line %d", kind, key, first)
				return false
			}
		}
		for _, key := range keys {
			seen[kind+"\x00"+strings.ToLower(key)] = line
		}
		return true
	}
	actors := p.f.Actors[:0]
	for _, a := range p.f.Actors {
		if fresh("actor name", a.Names, a.Line) {
			actors = append(actors, a)
		}
	}
	p.f.Actors = actors
	agents := p.f.Agents[:0]
	for _, a := range p.f.Agents {
		if fresh("agent name", a.Names, a.Line) {
			agents = append(agents, a)
		}
	}
	p.f.Agents = agents
	synsets := p.f.Synsets[:0]
	for _, sy := range p.f.Synsets {
		if fresh("synset", []string{"&" + sy.Name}, sy.Line) {
			synsets = append(synsets, sy)
		}
	}
	p.f.Synsets = synsets
	verbs := p.f.Verbs[:0]
	for _, v := range p.f.Verbs {
		if fresh("verb", []string{v.key()}, v.Line) {
			verbs = append(verbs, v)
		}
	}
	p.f.Verbs = verbs
}

func (p *parser) entry(n int, line string) {
	switch p.section {
	case "":
		p.add(n, "entry before any @section header")
	case "actors":
		p.actor(n, line)
	case "agents":
		p.agent(n, line)
	case "synsets":
		p.synset(n, line)
	case "verbs":
		p.verb(n, line)
	case "discards":
		p.discard(n, line)
	case "issues":
		p.issue(n, line)
	}
}

func (p *parser) continuation(n int, line string) {
	if !p.open {
		p.add(n, "indented line does not continue an entry")
		return
	}
	switch p.section {
	case "actors":
		e := &p.f.Actors[len(p.f.Actors)-1]
		switch line[0] {
		case '|':
			names, err := splitNames(line[1:])
			if err != nil {
				p.add(n, "actor %q: %v", e.Names[0], err)
				return
			}
			e.Names = append(e.Names, names...)
		case '=':
			codes, err := parseActorCodes(line[1:], n)
			if err != nil {
				p.add(n, "actor %q: %v", e.Names[0], err)
				return
			}
			e.Codes = append(e.Codes, codes...)
		default:
			p.add(n, "actor %q: continuation line must start with '|' (names) or '=' (codes)", e.Names[0])
		}
	case "agents", "synsets", "issues":
		if line[0] != '|' {
			p.add(n, "continuation line must start with '|'")
			return
		}
		names, err := splitNamesSyn(line[1:], p.section == "synsets")
		if err != nil {
			p.add(n, "%v", err)
			return
		}
		switch p.section {
		case "agents":
			e := &p.f.Agents[len(p.f.Agents)-1]
			e.Names = append(e.Names, names...)
		case "synsets":
			e := &p.f.Synsets[len(p.f.Synsets)-1]
			e.Members = append(e.Members, names...)
		case "issues":
			e := &p.f.Issues[len(p.f.Issues)-1]
			e.Phrases = append(e.Phrases, names...)
		}
	case "verbs":
		v := &p.f.Verbs[len(p.f.Verbs)-1]
		pat, err := parsePattern(line, n)
		if err != nil {
			p.add(n, "verb %q: %v", v.key(), err)
			return
		}
		v.Patterns = append(v.Patterns, pat)
	default:
		p.add(n, "indented line does not continue an entry")
	}
}

func (v *verbEntry) key() string {
	k := v.Lemma
	if v.Noun {
		k += "(n)"
	}
	if v.Adj {
		k += "(a)"
	}
	if v.Particle != "" {
		k += " " + v.Particle
	}
	return k
}

// actor: NAMES [= CODES]
func (p *parser) actor(n int, line string) {
	lhs, rhs, hasCodes := strings.Cut(line, "=")
	names, err := splitNames(lhs)
	if err != nil {
		p.add(n, "actor: %v", err)
		return
	}
	e := actorEntry{Line: n, Names: names}
	if hasCodes {
		codes, err := parseActorCodes(rhs, n)
		if err != nil {
			p.add(n, "actor %q: %v", names[0], err)
			return
		}
		e.Codes = codes
	}
	p.f.Actors = append(p.f.Actors, e)
	p.open = true
}

// parseActorCodes reads "FRAGOV 2017-05-14.., FRAELI ..2017-05-13".
func parseActorCodes(s string, n int) ([]actorCode, error) {
	var out []actorCode
	for _, item := range strings.Split(s, ",") {
		f := strings.Fields(item)
		if len(f) == 0 {
			return nil, fmt.Errorf("missing code")
		}
		if len(f) > 2 {
			return nil, fmt.Errorf("code %q: unexpected %q (separate codes with ',')", f[0], clip(strings.Join(f[2:], " ")))
		}
		c := actorCode{Line: n, Codes: strings.Split(f[0], "+")}
		for _, code := range c.Codes {
			if code == "-" && len(c.Codes) == 1 {
				continue
			}
			if !actorCodeSyntax(code) {
				return nil, fmt.Errorf("bad actor code %q (want upper-case 3-letter chunks such as FRAGOV, or -)", clip(code))
			}
			if _, err := cameo.ParseActorCode(code); err != nil {
				return nil, fmt.Errorf("unknown CAMEO %v", err)
			}
		}
		if len(f) == 2 {
			r, err := parseRange(f[1])
			if err != nil {
				return nil, fmt.Errorf("code %s: %v", f[0], err)
			}
			c.Range = r
		}
		out = append(out, c)
	}
	return out, nil
}

// agent: NAMES = ~CODE | CODE~ | CODE
func (p *parser) agent(n int, line string) {
	lhs, rhs, ok := strings.Cut(line, "=")
	if !ok {
		p.add(n, "agent: missing '= CODE'")
		return
	}
	names, err := splitNames(lhs)
	if err != nil {
		p.add(n, "agent: %v", err)
		return
	}
	e := agentEntry{Line: n, Names: names}
	c := strings.TrimSpace(rhs)
	switch {
	case strings.HasPrefix(c, "~"):
		e.Place, c = agentSuffix, c[1:]
	case strings.HasSuffix(c, "~"):
		e.Place, c = agentPrefix, c[:len(c)-1]
	}
	if !actorCodeSyntax(c) {
		p.add(n, "agent %q: bad agent code %q (want ~CODE, CODE~ or CODE)", names[0], clip(strings.TrimSpace(rhs)))
		return
	}
	if _, err := cameo.ParseActorCode(c); err != nil {
		p.add(n, "agent %q: unknown CAMEO %v", names[0], err)
		return
	}
	e.Code = c
	p.f.Agents = append(p.f.Agents, e)
	p.open = true
}

// synset: &name = A | B
func (p *parser) synset(n int, line string) {
	lhs, rhs, ok := strings.Cut(line, "=")
	name := strings.TrimSpace(lhs)
	if !ok {
		p.add(n, "synset: missing '= WORD | WORD ...'")
		return
	}
	if !strings.HasPrefix(name, "&") || !isIdent(name[1:]) {
		p.add(n, "synset: bad name %q (want &lower_case)", clip(name))
		return
	}
	members, err := splitNamesSyn(rhs, true)
	if err != nil {
		p.add(n, "synset %s: %v", name, err)
		return
	}
	p.f.Synsets = append(p.f.Synsets, synsetEntry{Line: n, Name: name[1:], Members: members})
	p.open = true
}

// verb header: LEMMA[(n)|(a)] [PARTICLE]: CODE [reverse=CODE] [neg=CODE]
func (p *parser) verb(n int, line string) {
	lhs, rhs, ok := strings.Cut(line, ":")
	if !ok {
		p.add(n, "verb: missing ': CODE' after the lemma")
		return
	}
	f := strings.Fields(lhs)
	if len(f) == 0 || len(f) > 2 {
		p.add(n, "verb: want LEMMA or LEMMA PARTICLE before ':', got %q", clip(strings.TrimSpace(lhs)))
		return
	}
	v := verbEntry{Line: n}
	lemma := f[0]
	if strings.HasSuffix(lemma, "(n)") {
		v.Noun, lemma = true, strings.TrimSuffix(lemma, "(n)")
	} else if strings.HasSuffix(lemma, "(a)") {
		v.Adj, lemma = true, strings.TrimSuffix(lemma, "(a)")
	}
	if !isWord(lemma) {
		p.add(n, "verb: bad lemma %q (want a lower-case word)", clip(f[0]))
		return
	}
	v.Lemma = lemma
	if len(f) == 2 {
		if !isWord(f[1]) {
			p.add(n, "verb %q: bad particle %q", lemma, clip(f[1]))
			return
		}
		v.Particle = f[1]
	}
	c, err := parseCodes(rhs)
	if err != nil {
		p.add(n, "verb %q: %v", v.key(), err)
		return
	}
	v.Code, v.Reverse, v.Neg, v.HasNeg = c.code, c.reverse, c.neg, c.hasNeg
	p.f.Verbs = append(p.f.Verbs, v)
	p.open = true
}

// codes is the right-hand side of a verb header or pattern.
type codes struct {
	code, reverse, neg string
	hasNeg             bool
}

// parseCodes reads "112", "042 reverse=043", "036 neg=125", "- neg=-".
func parseCodes(s string) (codes, error) {
	var c codes
	f := strings.Fields(s)
	if len(f) == 0 {
		return c, fmt.Errorf("missing event code")
	}
	var err error
	if c.code, err = eventCode(f[0]); err != nil {
		return c, err
	}
	seen := map[string]bool{}
	for _, opt := range f[1:] {
		key, val, ok := strings.Cut(opt, "=")
		if !ok || (key != "neg" && key != "reverse") {
			return c, fmt.Errorf("unexpected %q after the code (want neg=CODE or reverse=CODE)", clip(opt))
		}
		if seen[key] {
			return c, fmt.Errorf("%s= given twice", key)
		}
		seen[key] = true
		code, err := eventCode(val)
		if err != nil {
			return c, fmt.Errorf("%s: %v", key, err)
		}
		if key == "neg" {
			c.neg, c.hasNeg = code, true
		} else {
			if code == "-" {
				return c, fmt.Errorf("reverse: want an event code, not -")
			}
			c.reverse = code
		}
	}
	return c, nil
}

func eventCode(s string) (string, error) {
	if s == "-" {
		return s, nil
	}
	if !eventCodeSyntax(s) {
		return "", fmt.Errorf("bad event code %q (want a CAMEO code such as 112, or -)", clip(s))
	}
	if _, ok := cameo.Lookup(s); !ok {
		return "", fmt.Errorf("unknown CAMEO event code %q", s)
	}
	return s, nil
}

// isWord reports whether s is a lower-case lemma or particle.
func isWord(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-' || c == '\'' || c == '.' || c >= 0x80) {
			return false
		}
	}
	return true
}

// parsePattern reads "SLOT SLOT ... = CODE [neg=CODE]".
func parsePattern(line string, n int) (verbPattern, error) {
	// Slots contain '=' too: the separator is the last '=' with a space or
	// the line start before it.
	sep := -1
	for j := 0; j < len(line); j++ {
		if line[j] == '=' && (j == 0 || line[j-1] == ' ' || line[j-1] == '\t') {
			sep = j
		}
	}
	if sep < 0 {
		return verbPattern{}, fmt.Errorf("pattern: missing ' = CODE'")
	}
	slots, err := parseSlots(line[:sep], 0)
	if err != nil {
		return verbPattern{}, fmt.Errorf("pattern: %v", err)
	}
	if len(slots) == 0 {
		return verbPattern{}, fmt.Errorf("pattern: no slots before '='")
	}
	sources, targets := 0, 0
	var walk func([]slot)
	walk = func(ss []slot) {
		for _, sl := range ss {
			if sl.Key == "" && sl.Kind == valSource {
				sources++
			}
			if sl.Key == "" && sl.Kind == valTarget {
				targets++
			}
			walk(sl.Sub)
		}
	}
	walk(slots)
	switch {
	case sources > 1:
		return verbPattern{}, fmt.Errorf("pattern: more than one $S slot")
	case targets > 1:
		return verbPattern{}, fmt.Errorf("pattern: more than one $T slot")
	}
	keys := map[string]bool{}
	for _, sl := range slots {
		if sl.Key != "" && keys[sl.Key] {
			return verbPattern{}, fmt.Errorf("pattern: %q given twice", sl.Key)
		}
		keys[sl.Key] = sl.Key != ""
	}
	c, err := parseCodes(line[sep+1:])
	if err != nil {
		return verbPattern{}, fmt.Errorf("pattern: %v", err)
	}
	return verbPattern{Line: n, Slots: slots, Code: c.code, Reverse: c.reverse, Neg: c.neg, HasNeg: c.hasNeg}, nil
}

// parseSlots reads space-separated slots; a value may carry "( ... )" with
// the dependent's own slots.
func parseSlots(s string, depth int) ([]slot, error) {
	if depth > 3 {
		return nil, fmt.Errorf("slots nested too deep")
	}
	var out []slot
	i := 0
	for i < len(s) {
		if s[i] == ' ' || s[i] == '\t' {
			i++
			continue
		}
		// read to the next space at parenthesis depth 0
		j, d := i, 0
		for j < len(s) && (d > 0 || (s[j] != ' ' && s[j] != '\t')) {
			switch s[j] {
			case '(':
				d++
			case ')':
				d--
				if d < 0 {
					return nil, fmt.Errorf("unbalanced ')'")
				}
			}
			j++
		}
		if d != 0 {
			return nil, fmt.Errorf("unbalanced '('")
		}
		sl, err := parseSlot(s[i:j], depth)
		if err != nil {
			return nil, err
		}
		out = append(out, sl)
		i = j
	}
	return out, nil
}

// knownRel lists the relations a slot may name (UD v2, before any ':').
var knownRel = map[string]bool{
	"nsubj": true, "obj": true, "iobj": true, "obl": true, "nmod": true, "xcomp": true, "ccomp": true,
	"advcl": true, "advmod": true, "compound": true, "prt": true, "amod": true, "acl": true, "csubj": true,
}

func parseSlot(s string, depth int) (slot, error) {
	switch s {
	case "pass", "neg":
		if depth > 0 {
			return slot{}, fmt.Errorf("slot %q only applies to the verb", s)
		}
		return slot{Key: s}, nil
	}
	rel, val, hasVal := strings.Cut(s, "=")
	base, sub, _ := strings.Cut(rel, ":")
	if !knownRel[base] || (strings.Contains(rel, ":") && !isIdent(sub)) {
		return slot{}, fmt.Errorf("slot %q: unknown relation %q", clip(s), clip(rel))
	}
	if rel == "prt" {
		rel = "compound:prt"
	}
	sl := slot{Rel: rel}
	if !hasVal {
		sl.Kind = valAny
		return sl, nil
	}
	if val == "" {
		return slot{}, fmt.Errorf("slot %q: missing value", clip(rel))
	}
	if k := strings.IndexByte(val, '('); k >= 0 {
		if !strings.HasSuffix(val, ")") {
			return slot{}, fmt.Errorf("slot %q: text after ')'", clip(rel))
		}
		subs, err := parseSlots(val[k+1:len(val)-1], depth+1)
		if err != nil {
			return slot{}, fmt.Errorf("slot %q: %v", clip(rel), err)
		}
		if len(subs) == 0 {
			return slot{}, fmt.Errorf("slot %q: empty '()'", clip(rel))
		}
		sl.Sub = subs
		val = val[:k]
		if val == "" {
			return slot{}, fmt.Errorf("slot %q: missing value before '('", clip(rel))
		}
	}
	switch {
	case val == "*":
		// any word, for the slots in parentheses: "obj=*(amod=&disparaging)"
		if len(sl.Sub) == 0 {
			return slot{}, fmt.Errorf("slot %q: '*' without '(...)' (write the relation alone)", clip(rel))
		}
		sl.Kind = valAny
	case val == "$S":
		sl.Kind = valSource
	case val == "$T":
		sl.Kind = valTarget
	case val[0] == '&':
		if !isIdent(val[1:]) {
			return slot{}, fmt.Errorf("slot %q: bad synset %q", clip(rel), clip(val))
		}
		sl.Kind = valSynset
		sl.Words = []string{val[1:]}
	default:
		for _, w := range strings.Split(val, "|") {
			if !isWord(w) {
				return slot{}, fmt.Errorf("slot %q: bad word %q (want lower-case lemmas, $S, $T or &synset)", clip(rel), clip(w))
			}
			sl.Words = append(sl.Words, w)
		}
	}
	return sl, nil
}

// discard: PHRASE [= story|sentence]
func (p *parser) discard(n int, line string) {
	lhs, rhs, ok := strings.Cut(line, "=")
	ph, err := normPhrase(lhs)
	if err != nil {
		p.add(n, "discard: %v", err)
		return
	}
	d := discardEntry{Line: n, Phrase: ph}
	if ok {
		switch strings.TrimSpace(rhs) {
		case "story":
			d.Story = true
		case "sentence":
		default:
			p.add(n, "discard %q: want '= story' or '= sentence', got %q", ph, clip(strings.TrimSpace(rhs)))
			return
		}
	}
	p.f.Discards = append(p.f.Discards, d)
}

// issue: PHRASES = ISSUE, or !PHRASE
func (p *parser) issue(n int, line string) {
	if line[0] == '!' {
		ph, err := normPhrase(line[1:])
		if err != nil {
			p.add(n, "issue exclusion: %v", err)
			return
		}
		p.f.Issues = append(p.f.Issues, issueEntry{Line: n, Phrases: []string{ph}, Exclude: true, Category: p.category})
		return
	}
	lhs, rhs, ok := strings.Cut(line, "=")
	if !ok {
		p.add(n, "issue: missing '= ISSUE'")
		return
	}
	phrases, err := splitNames(lhs)
	if err != nil {
		p.add(n, "issue: %v", err)
		return
	}
	is := strings.TrimSpace(rhs)
	if !issueName(is) {
		p.add(n, "issue: bad issue name %q (want UPPER_CASE)", clip(is))
		return
	}
	p.f.Issues = append(p.f.Issues, issueEntry{Line: n, Phrases: phrases, Issue: is, Category: p.category})
	p.open = true
}

func issueName(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !(c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_') {
			return false
		}
	}
	return true
}
