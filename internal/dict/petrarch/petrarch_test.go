package petrarch

import (
	"errors"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/eventwire/eventwire/internal/dict"
	"github.com/eventwire/eventwire/internal/shareddata"
)

func TestReadActors(t *testing.T) {
	src := `<!-- header
comment -->
ARNOR_  [ARN]
GONDOR [GON]
+MINAS_TIRITH
GOLLUM  # pas
+SMEAGOL
	[HOB < 950601]
	[HOBGOV 19950601 - 19990815]
	[HOBREB > 990816]
THE_SHIRE  [FRO/BIL/SAM]
BOROMIR [---]
`
	s, err := ReadActors(strings.NewReader(src), "a.txt")
	if err != nil {
		t.Fatal(err)
	}
	if len(s.Actors) != 5 {
		t.Fatalf("got %d actors, want 5", len(s.Actors))
	}
	tests := []struct {
		i     int
		names string
		date  dict.Date
		code  string
		line  int
	}{
		{0, "arnor", 0, "ARN", 3},
		{1, "gondor|minas tirith", 0, "GON", 4},
		{2, "gollum|smeagol", 19940101, "HOB", 6},
		{2, "gollum|smeagol", 19970101, "HOBGOV", 6},
		{2, "gollum|smeagol", 20010101, "HOBREB", 6},
		{3, "the shire", 0, "FRO/BIL/SAM", 11},
		{4, "boromir", 0, "---", 12},
	}
	for _, tt := range tests {
		a := s.Actors[tt.i]
		var names []string
		for _, n := range a.Names {
			names = append(names, n.String())
		}
		if got := strings.Join(names, "|"); got != tt.names {
			t.Errorf("actor %d names %q, want %q", tt.i, got, tt.names)
		}
		c := a.CodesAt(tt.date)
		if c == nil || strings.Join(c.Codes, "+") != tt.code {
			t.Errorf("actor %d at %d: %v, want %s", tt.i, tt.date, c, tt.code)
		}
		if a.Origin.Line != tt.line {
			t.Errorf("actor %d line %d, want %d", tt.i, a.Origin.Line, tt.line)
		}
	}
}

// TestLenientDates reads the date restrictions of the Phoenix actor files
// that are not YYMMDD or YYYYMMDD as PETRARCH reads them, with a warning.
func TestLenientDates(t *testing.T) {
	tests := []struct {
		code       string
		date       dict.Date // a date the code covers
		before     dict.Date // a date it does not cover (0: none)
		warn, drop bool
	}{
		{"[GBRGOV >201005011]", 20100601, 20100401, true, false},     // YYYYMMDD from the first eight
		{"[MNEGOV 20121204]", 19900101, 0, true, false},              // no operator: the default code
		{"[ARMUNR 9008223-911221]", 19910101, 19900801, true, false}, // YYMMDD from the first six
		{"[IRQOCC 1920030320-20060520]", 19500101, 20070101, true, false},
		{"[KORGOVBUS 2004017-20061201]", 0, 0, false, true}, // 2020-04-01 to 2006-12-01: ends before it starts
		{"[HOB < 950601]", 19940101, 19960101, false, false},
		{"[X 99x-1]", 0, 0, false, true},
	}
	for _, tt := range tests {
		s, err := ReadActors(strings.NewReader("SOMEONE\n\t"+tt.code+"\n"), "a.txt")
		var probs Errors
		if err != nil && !errors.As(err, &probs) {
			t.Fatalf("%s: %v", tt.code, err)
		}
		if tt.warn != (len(probs) == 1 && probs[0].Warning) {
			t.Errorf("%s: problems %v, want a warning %v", tt.code, probs, tt.warn)
		}
		if tt.drop {
			if len(s.Actors) != 0 && len(s.Actors[0].Codes) != 0 || len(probs) == 0 || probs[0].Warning {
				t.Errorf("%s: actors %v problems %v, want the code dropped with an error", tt.code, s.Actors, probs)
			}
			continue
		}
		if len(s.Actors) != 1 {
			t.Fatalf("%s: %d actors", tt.code, len(s.Actors))
		}
		a := &s.Actors[0]
		if c := a.CodesAt(tt.date); c == nil {
			t.Errorf("%s: no code at %d", tt.code, tt.date)
		}
		if tt.before != 0 {
			if c := a.CodesAt(tt.before); c != nil {
				t.Errorf("%s: a code at %d: %v", tt.code, tt.before, c)
			}
		}
	}
}

func TestReadAgents(t *testing.T) {
	src := `!PERSON! = MAN, MEN
POLICE {} [ ~COP]
CONGRESS!PERSON! [~LEG]
HUMAN_RIGHTS_BODY  [NGO~]
GOLDEN_GOOSE {GOLDEN_GEESE} [~GGS]
PRESIDENT [~GOV]
`
	s, err := ReadAgents(strings.NewReader(src), "g.txt")
	if err != nil {
		t.Fatal(err)
	}
	want := []struct {
		names string
		code  string
		place dict.AgentPlace
	}{
		{"police", "COP", dict.AgentSuffix},
		{"congressman|congressmen", "LEG", dict.AgentSuffix},
		{"human rights body|human rights bodies", "NGO", dict.AgentPrefix},
		{"golden goose|golden geese", "GGS", dict.AgentSuffix},
		{"president|presidents", "GOV", dict.AgentSuffix},
	}
	if len(s.Agents) != len(want) {
		t.Fatalf("got %d agents, want %d", len(s.Agents), len(want))
	}
	for i, w := range want {
		a := s.Agents[i]
		var names []string
		for _, n := range a.Names {
			names = append(names, n.String())
		}
		if got := strings.Join(names, "|"); got != w.names || a.Code != w.code || a.Place != w.place {
			t.Errorf("agent %d = %q %s %d, want %q %s %d", i, got, a.Code, a.Place, w.names, w.code, w.place)
		}
	}
}

func TestReadVerbs(t *testing.T) {
	src := `&TIETYPES
+MILITARY
+ECONOMIC

--- BREAK [1717] ---
BREAK { BROKE BROKEN  }
+BREAK_DOWN {+BREAKS_DOWN +BROKE_DOWN }
WIRE_+TAP
- + KNOWN_ * IN_ $  [076]
- NOT_* [1]
- * &TIETYPES TIES [902:903]
- * (TO {PEACE PLAN}) [037]
--- AGREE [:050] ---
AGREE
~ a (a b ATTACK) SAY = a b 015
`
	s, err := ReadVerbs(strings.NewReader(src), "v.txt")
	if err != nil {
		t.Fatal(err)
	}
	if len(s.Synsets) != 1 || s.Synsets[0].Name != "&tietypes" || len(s.Synsets[0].Members) != 2 {
		t.Fatalf("synsets = %+v", s.Synsets)
	}
	if len(s.Verbs) != 2 {
		t.Fatalf("got %d verbs", len(s.Verbs))
	}
	v := s.Verbs[0]
	if v.Code != "1717" || len(v.Forms) != 3 || len(v.Patterns) != 4 {
		t.Fatalf("verb = %+v", v)
	}
	if f := v.Forms[0]; f.Lemma != "break" || strings.Join(f.Forms, ",") != "broke,broken" {
		t.Errorf("form 0 = %+v", f)
	}
	if f := v.Forms[1]; f.Lemma != "break" || f.Head != 0 || f.Phrase.String() != "break down" {
		t.Errorf("form 1 = %+v", f)
	}
	if f := v.Forms[2]; f.Lemma != "tap" || f.Head != 1 || len(f.Forms) != 3 {
		t.Errorf("form 2 = %+v", f)
	}
	p := v.Patterns[0]
	if len(p.Before) != 2 || p.Before[0].Kind != dict.ElemTarget || p.Before[1].Next || p.Before[1].Word.Text != "known" ||
		len(p.After) != 2 || p.After[0].Word.Text != "in" || p.After[0].Next || p.After[1].Kind != dict.ElemSource {
		t.Errorf("pattern 0 = %+v", p)
	}
	if p := v.Patterns[1]; len(p.Before) != 1 || !p.Before[0].Next {
		t.Errorf("pattern 1 = %+v", p)
	}
	if p := v.Patterns[2]; p.Code != "902" || p.Reverse != "903" || !p.After[0].Word.Synset {
		t.Errorf("pattern 1 = %+v", p)
	}
	if p := v.Patterns[3]; len(p.After) != 1 || p.After[0].Kind != dict.ElemPP || p.After[0].Sub[1].Kind != dict.ElemNP {
		t.Errorf("pattern 2 = %+v", p)
	}
	if v := s.Verbs[1]; v.Code != dict.NullCode || v.Reverse != "050" {
		t.Errorf("verb 1 = %+v", v)
	}
	if len(s.Transforms) != 1 || s.Transforms[0].Inner != "ATTACK" || s.Transforms[0].Code != "015" {
		t.Errorf("transforms = %+v", s.Transforms)
	}
}

func TestReadDiscardsIssues(t *testing.T) {
	s, err := ReadDiscards(strings.NewReader("MONTHS LATER\n+World Golf Championships   # x\n"), "d.txt")
	if err != nil || len(s.Discards) != 2 || !s.Discards[1].Story || s.Discards[1].Phrase.String() != "world golf championships" {
		t.Fatalf("discards = %+v, %v", s, err)
	}
	s, err = ReadIssues(strings.NewReader(`<ISSUE CATEGORY="EDU" TYPE="ALL">
n:preschool [EARLY]
early+childhood education [EARLY]
~a head start
</ISSUE>
`), "i.txt")
	if err != nil || len(s.Issues) != 3 || s.Issues[1].Phrases[0].String() != "early childhood education" || !s.Issues[2].Exclude {
		t.Fatalf("issues = %+v, %v", s, err)
	}
}

func TestBadLinesNameFileLine(t *testing.T) {
	tests := []struct {
		read func(string) error
		src  string
		want string
	}{
		{func(s string) error { _, err := ReadActors(strings.NewReader(s), "a.txt"); return err }, "X [ARN\n", "a.txt:1:"},
		{func(s string) error { _, err := ReadActors(strings.NewReader(s), "a.txt"); return err }, "X [A 99x-1]\n", "a.txt:1:"},
		{func(s string) error { _, err := ReadAgents(strings.NewReader(s), "g.txt"); return err }, "\nPOLICE\n", "g.txt:2:"},
		{func(s string) error { _, err := ReadVerbs(strings.NewReader(s), "v.txt"); return err }, "--- A [1] ---\n- * (X [2]\n", "v.txt:2:"},
		{func(s string) error { _, err := ReadVerbs(strings.NewReader(s), "v.txt"); return err }, "- * X [2]\n", "v.txt:1:"},
		{func(s string) error { _, err := ReadIssues(strings.NewReader(s), "i.txt"); return err }, "x\n", "i.txt:1:"},
	}
	for _, tt := range tests {
		err := tt.read(tt.src)
		var es Errors
		if !errors.As(err, &es) || !strings.HasPrefix(err.Error(), tt.want) {
			t.Errorf("%q: error %v, want prefix %s", tt.src, err, tt.want)
		}
	}
}

func TestPatternWithoutDash(t *testing.T) {
	s, err := ReadVerbs(strings.NewReader("--- BEGIN [---] ---\nBEGIN\n* (TO QUESTION) [110]\n"), "v.txt")
	if err == nil || !strings.HasPrefix(err.Error(), "v.txt:3:") {
		t.Errorf("error %v, want one at v.txt:3", err)
	}
	if len(s.Verbs) != 1 || len(s.Verbs[0].Patterns) != 1 || s.Verbs[0].Patterns[0].Code != "110" {
		t.Errorf("verbs %+v: the pattern should still be read", s.Verbs)
	}
}

func TestPatternWrittenAgain(t *testing.T) {
	cases := []struct {
		name, src string
		want      []string // codes of the block's patterns, in order
	}{
		{"treaty", "--- ALLOW [---] ---\nRATIFY\n- * &TREATY [031:031]\n- * (WITH +) [040]\n- *  &treaty   [057:057]\n", []string{"057", "040"}},
		{"sanctions", "--- LIFT [---] ---\nLIFT\n- * SANCTION [0351]\n- * SANCTIONS [085]\n- * SANCTION [085]\n", []string{"085", "085"}},
		{"other blocks keep theirs", "--- A [---] ---\nAX\n- * SANCTION [0351]\n--- B [---] ---\nBX\n- * SANCTION [085]\n", []string{"0351"}},
	}
	for _, c := range cases {
		s, err := ReadVerbs(strings.NewReader(c.src), "v.txt")
		if err != nil {
			t.Fatalf("%s: %v", c.name, err)
		}
		var got []string
		for _, p := range s.Verbs[0].Patterns {
			got = append(got, p.Code)
		}
		if strings.Join(got, " ") != strings.Join(c.want, " ") {
			t.Errorf("%s: codes %q, want %q (a pattern written again replaces the earlier code, as in PETRARCH-2)", c.name, got, c.want)
		}
	}
}

func TestDetect(t *testing.T) {
	tests := []struct {
		src  string
		want Kind
	}{
		{"--- A [1] ---\nA\n", KindVerbs},
		{"ARNOR [ARN]\n", KindActors},
		{"POLICE [~COP]\n", KindAgents},
		{"MONTHS LATER\n", KindDiscards},
		{"<ISSUE CATEGORY=\"X\">\n", KindIssues},
	}
	for _, tt := range tests {
		if got := Detect([]byte(tt.src)); got != tt.want {
			t.Errorf("Detect(%q) = %v, want %v", tt.src, got, tt.want)
		}
	}
}

func TestValidationDictionariesClean(t *testing.T) {
	dir := shareddata.Dir(t, "petrarch", "dictionaries")
	for _, f := range []string{"PETR.Validate.actors.txt", "PETR.Validate.agents.txt", "PETR.Validate.discards.txt"} {
		s, err := LoadFiles(filepath.Join(dir, f))
		if err != nil {
			t.Errorf("%s: %v", f, err)
			continue
		}
		if st := s.Stats(); st.Actors+st.Agents+st.Discards == 0 {
			t.Errorf("%s: nothing read", f)
		}
	}
}

func TestLoadPhoenixSet(t *testing.T) {
	dir := shareddata.Dir(t, "petrarch", "dictionaries")
	runtime.GC()
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	start := time.Now()
	s, err := LoadFiles(dir)
	took := time.Since(start)
	runtime.GC()
	runtime.ReadMemStats(&after)
	t.Logf("loaded %s in %v; live heap %.1f MB (figures only, no threshold)", dir, took,
		float64(after.HeapAlloc-before.HeapAlloc)/1e6)
	var es Errors
	if err != nil && !errors.As(err, &es) {
		t.Fatal(err)
	}
	st := s.Stats()
	if st.Actors < 25000 || st.Agents < 1000 || st.Verbs < 1000 || st.Patterns < 10000 || st.Issues < 3000 {
		t.Errorf("stats %+v: too few entries", st)
	}
	if len(s.VerbsFor("attack")) == 0 || len(s.ActorsStarting("france", nil)) == 0 {
		t.Error("index lookups fail")
	}
}

func BenchmarkLoadPhoenixCAMEO(b *testing.B) {
	dir := shareddata.Dir(b, "petrarch", "dictionaries")
	files := []string{"CAMEO.2.0.txt", "Phoenix.Countries.actors.txt", "Phoenix.International.actors.txt",
		"Phoenix.MilNonState.actors.txt", "Phoenix.agents.txt", "Phoenix.discards.txt", "Phoenix.IssueCoding.txt"}
	for i := range files {
		files[i] = filepath.Join(dir, files[i])
	}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := LoadFiles(files...); err != nil {
			var es Errors
			if !errors.As(err, &es) {
				b.Fatal(err)
			}
		}
	}
}
