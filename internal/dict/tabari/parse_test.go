package tabari

import (
	"errors"
	"io"

	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/eventwire/eventwire/internal/dict"
	"github.com/eventwire/eventwire/internal/shareddata"
)

func TestParseSharedFiles(t *testing.T) {
	d := shareddata.Dir(t, "tabari")
	open := func(name string) *os.File {
		f, err := os.Open(filepath.Join(d, name))
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { f.Close() })
		return f
	}
	actors, err := parseNounFile(open("TABARI.Demo.actors"), "TABARI.Demo.actors", false)
	if err != nil {
		t.Fatalf("actors: %v", err)
	}
	agents, err := parseNounFile(open("Validate.agents"), "Validate.agents", true)
	if err != nil {
		t.Fatalf("agents: %v", err)
	}
	verbs, err := parseVerbsFile(open("TABARI.Demo.verbs"), "TABARI.Demo.verbs")
	if err != nil {
		t.Fatalf("verbs: %v", err)
	}
	patterns := 0
	for _, v := range verbs.Verbs {
		patterns += len(v.Patterns)
	}
	counts := []struct {
		what      string
		got, want int
	}{
		{"actors", len(actors.Entries), 120},
		{"noun/adjective words", len(actors.POS), 13},
		{"agents", len(agents.Entries), 86},
		{"verbs", len(verbs.Verbs), 283},
		{"patterns", patterns, 407},
		{"synsets", len(verbs.Synsets), 5},
		{"time phrases", len(verbs.Times), 12},
	}
	for _, c := range counts {
		if c.got != c.want {
			t.Errorf("%s: got %d, want %d", c.what, c.got, c.want)
		}
	}
	// Spot checks of the meanings kept.
	byName := map[string]nounEntry{}
	for _, e := range actors.Entries {
		byName[phraseString(e.Names[0])] = e
	}
	g := byName["GOLLUM"]
	if len(g.Names) != 4 || len(g.Codes) != 3 || g.Codes[1].Codes[0] != "HOBGOV" ||
		g.Codes[1].From.Format("2006-01-02") != "1995-06-01" || g.Codes[1].To.Format("2006-01-02") != "1999-08-15" ||
		g.Codes[0].To.Format("2006-01-02") != "1995-05-31" || g.Codes[2].From.Format("2006-01-02") != "1999-08-17" {
		t.Errorf("GOLLUM = %+v", g)
	}
	if s := byName["THE_SHIRE"]; len(s.Codes) != 1 || len(s.Codes[0].Codes) != 3 || s.Codes[0].Codes[2] != "SAM" {
		t.Errorf("THE_SHIRE = %+v", s)
	}
	if a := byName["ARGENTIN"]; !a.Names[0][0].Stem {
		t.Errorf("ARGENTIN should match as a stem")
	}
	if a := byName["ESTONIA"]; a.Names == nil || a.Names[0][0].Stem {
		t.Errorf("ESTONIA_ should be exact: %+v", a)
	}
	var hra agentSpec
	for _, e := range agents.Entries {
		if phraseString(e.Names[0]) == "HUMAN_RIGHTS_ACTIVISTS" {
			hra = e.Agents[0]
		}
	}
	if hra.Code != "NGM" || !hra.Prefix {
		t.Errorf("HUMAN_RIGHTS_ACTIVISTS agent = %+v, want NGM prefix", hra)
	}
}

func TestParseBadLines(t *testing.T) {
	tests := []struct {
		kind, in, want string
	}{
		{"actors", "ARNOR [ARN\n", "t:1: code block without closing ']'"},
		{"actors", "ARNOR ARN]\n", "t:1: ']' without '['"},
		{"actors", "ARNOR [ARN] X\n", `t:1: unexpected text "X" after code block`},
		{"actors", "ARNOR []\n", `t:1: actor "ARNOR": empty code block`},
		{"actors", "ALBRIGHZ  [991201-010114]\n", `t:1: actor "ALBRIGHZ": bad actor code "991201-010114"`},
		{"actors", "ALBRIGHT [USAGOV 991301-010114]\n", `t:1: actor "ALBRIGHT": bad date "991301": no such day`},
		{"actors", "ALBRIGHT [USAGOV 010114-991201]\n", `t:1: actor "ALBRIGHT": date range 010114-991201 ends before it starts`},
		{"actors", "ALBRIGHT [USAGOV <0114]\n", `t:1: actor "ALBRIGHT": bad date "0114" (want YYMMDD or YYYYMMDD)`},
		{"actors", "+SMEAGOL\n", `t:1: synonym "+SMEAGOL" without an entry above it`},
		{"actors", "GOLLUM\n\n+SMEAGOL\n", `t:1: actor "GOLLUM" has no code`},
		{"actors", "<NOUN>\nBEES\n</ADJECTIVE>\n", "t:3: </ADJECTIVE> without its opening tag"},
		{"actors", "A__B [X]\n", `t:1: actor: empty word in "A__B"`},
		{"agents", "POLICE_ [COP]\n", `t:1: agent "POLICE": bad agent code "COP" (want ~CODE or CODE~)`},
		{"verbs", "- * TALKS [031]\n", "t:1: pattern without a verb above it"},
		{"verbs", "MEET [031]\n- HOLD TALKS [031]\n", "t:2: verb MEET: pattern has no '*' for the verb"},
		{"verbs", "MEET [031]\n- * TALKS\n", "t:2: pattern needs exactly one [code] block"},
		{"verbs", "MEET [03-1]\n", `t:1: verb MEET: bad event code "03-1"`},
		{"verbs", "MEET [031]\n- * { TALKS | }  [031]\n", "t:2: verb MEET: pattern: empty alternative in { }"},
		{"verbs", "MEET [031]\n- * { TALKS  [031]\n", "t:2: verb MEET: pattern: '{' without '}'"},
		{"verbs", "MEET [031]\n- * &  [031]\n", `t:2: verb MEET: pattern: bad synset reference "&"`},
		{"verbs", "<SYNSETS>\n+DOLLAR\n</SYNSETS>\n", `t:2: synset member "+DOLLAR" without a &NAME line above it`},
		{"verbs", "<SYNSETS>\n&CURRENCY\n</SYNSETS>\n", "t:2: synset &CURRENCY has no members"},
		{"verbs", "<TIME>\nTOMORROW [+x]\n</TIME>\n", `t:2: time phrase: bad time shift "+x"`},
		{"verbs", "<TIME>\nTOMORROW [+1]\n", "t:2: <TIME> is not closed"},
		{"verbs", "MEET [031]\n- * TALKS [031]\n{ MET }\n", "t:3: verb forms { ... } must follow the verb line"},
	}
	for _, tt := range tests {
		var err error
		switch tt.kind {
		case "actors":
			_, err = parseNounFile(strings.NewReader(tt.in), "t", false)
		case "agents":
			_, err = parseNounFile(strings.NewReader(tt.in), "t", true)
		case "verbs":
			_, err = parseVerbsFile(strings.NewReader(tt.in), "t")
		}
		if err == nil {
			t.Errorf("%s %q: no error, want %q", tt.kind, tt.in, tt.want)
			continue
		}
		found := false
		for _, line := range strings.Split(err.Error(), "\n") {
			if line == tt.want {
				found = true
			}
		}
		if !found {
			t.Errorf("%s %q:\n got  %q\n want %q", tt.kind, tt.in, err.Error(), tt.want)
		}
	}
}

func TestParseTokens(t *testing.T) {
	toks, err := parseTokens("SUGGESTED_+ * DEMAND_{ GENEVA_ | INTERNATIONAL }_CONVENTIONS")
	if err != nil {
		t.Fatal(err)
	}
	kinds := []tokKind{tokWord, tokTarget, tokVerb, tokWord, tokAlt, tokWord}
	if len(toks) != len(kinds) {
		t.Fatalf("got %d tokens %+v", len(toks), toks)
	}
	for i, k := range kinds {
		if toks[i].Kind != k {
			t.Errorf("token %d kind %d, want %d", i, toks[i].Kind, k)
		}
	}
	if !toks[1].Joined || toks[2].Joined || toks[0].Word.Stem || !toks[5].Word.Stem {
		t.Errorf("joins/stems wrong: %+v", toks)
	}
	if len(toks[4].Alts) != 2 || toks[4].Alts[0][0].Word.Text != "GENEVA" || toks[4].Alts[0][0].Word.Stem {
		t.Errorf("alternatives wrong: %+v", toks[4])
	}
}

func TestReadShared(t *testing.T) {
	d := shareddata.Dir(t, "tabari")
	read := func(name string, fn func(r io.Reader, name string) (*dict.Set, error)) *dict.Set {
		f, err := os.Open(filepath.Join(d, name))
		if err != nil {
			t.Fatal(err)
		}
		defer f.Close()
		s, err := fn(f, name)
		var probs Problems
		if err != nil && (!errors.As(err, &probs) || hasErrors(probs)) {
			t.Fatalf("%s: %v", name, err)
		}
		for _, p := range probs {
			t.Logf("%v", p)
		}
		return s
	}
	actors := read("TABARI.Demo.actors", ReadActors)
	agents := read("Validate.agents", ReadAgents)
	verbs := read("TABARI.Demo.verbs", ReadVerbs)
	s := &dict.Set{}
	s.Merge(actors)
	s.Merge(agents)
	s.Merge(verbs)
	s.Build()
	st := s.Stats()
	if st.Actors != 120 || st.Agents != 86 || st.Verbs != 283 || st.Synsets != 5 {
		t.Errorf("stats %+v", st)
	}
	// 407 pattern lines; those with { | } alternatives expand.
	if st.Patterns <= 407 {
		t.Errorf("patterns %d, want more than the 407 lines (alternatives expand)", st.Patterns)
	}
	refs := s.ActorsStarting("argentina", nil)
	if len(refs) != 1 || s.Actors[refs[0].Entry].Codes[0].Codes[0] != "ARG" {
		t.Errorf("ARGENTIN stem does not match argentina: %v", refs)
	}
	if refs := s.ActorsStarting("estonian", nil); len(refs) != 0 {
		t.Errorf("ESTONIA_ is exact but matched estonian: %v", refs)
	}
	g := s.Actors[s.ActorsStarting("gollum", nil)[0].Entry]
	if c := g.CodesAt(19970101); c == nil || c.Codes[0] != "HOBGOV" || len(g.Names) != 4 {
		t.Errorf("GOLLUM in 1997 = %+v", c)
	}
	ag := s.Agents[s.AgentsStarting("police", nil)[0].Entry]
	if ag.Combine("ARN") != "ARNCOP" {
		t.Errorf("police agent = %+v", ag)
	}
	var arrive, should *dict.Verb
	for i := range s.Verbs {
		switch s.Verbs[i].Name {
		case "ARRIVE":
			arrive = &s.Verbs[i]
		case "SHOULD":
			should = &s.Verbs[i]
		}
	}
	if arrive == nil || arrive.Code != "032" || arrive.Reverse != "033" || arrive.Origin.Line == 0 {
		t.Errorf("ARRIVE = %+v", arrive)
	}
	if should == nil {
		t.Fatal("SHOULD missing")
	}
	// "- SUGGESTED + * DEMAND_{ GENEVA_ | INTERNATIONAL_ }_CONVENTIONS [161]"
	var found int
	for _, p := range should.Patterns {
		if p.Code == "161" {
			found++
			if len(p.Before) != 2 || p.Before[0].Word.Text != "suggested" || p.Before[0].Next || !p.Before[0].Word.Prefix || p.Before[1].Kind != dict.ElemTarget ||
				len(p.After) != 3 || p.After[0].Word.Text != "demand" || !p.After[0].Next || p.After[1].Word.Prefix {
				t.Errorf("SHOULD 161 pattern = %+v", p)
			}
		}
	}
	if found != 2 {
		t.Errorf("SHOULD 161 expanded into %d patterns, want 2", found)
	}
}

func hasErrors(ps Problems) bool {
	for _, p := range ps {
		if !p.Warning {
			return true
		}
	}
	return false
}
