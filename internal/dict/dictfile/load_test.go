package dictfile

import (
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"github.com/eventwire/eventwire/internal/dict"
	"github.com/eventwire/eventwire/internal/shareddata"
)

func writeFiles(t *testing.T, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	for name, content := range files {
		p := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

func TestDetect(t *testing.T) {
	tests := []struct {
		path, head string
		want       Format
	}{
		{"a.ewd", "", Native},
		{"a.txt", "# my actors\n\n@actors\nFrance = FRA\n", Native},
		{"a.txt", "FRANCE [FRA]\n", Petrarch},
		{"a.txt", "# @actors in a comment\nFRANCE [FRA]\n", Petrarch},
		{"TABARI.Demo.actors", "ARNOR [ARN]\n", TabariActors},
		{"x/Validate.agents", "POLICE_ [~COP]\n", TabariAgents},
		{"Demo.VERBS", "MEET [031]\n", TabariVerbs},
		{"noext", "@verbs\naccuse: 112\n", Native},
		{"a.txt", "ARNOR [ARN]\n~~FINISH 16:47\n", TabariActors},
		{"a.txt", "POLICE_ [~COP]\nNGO_ [NGO~]\nX [Y]\n~~FINISH\n", TabariAgents},
		{"a.txt", "<SYNSETS>\n&A\n+B\n</SYNSETS>\nMEET [031]\n", TabariVerbs},
		{"a.txt", "MEET [031]\n- * TALKS [031]\n~~FINISH\n", TabariVerbs},
		{"a.txt", "--- MEET [031] ---\nMEET\n- * TALKS [031]\n", Petrarch},
	}
	for _, tt := range tests {
		if got := Detect(tt.path, []byte(tt.head)); got != tt.want {
			t.Errorf("Detect(%q, %q) = %v, want %v", tt.path, tt.head, got, tt.want)
		}
	}
}

// TestBadLines checks that each bad line, whatever the format, comes out as
// the expected file:line: message.
func TestBadLines(t *testing.T) {
	tests := []struct {
		file, content, want string
	}{
		{"a.ewd", "@actors\nFrance = FRA\nGondor = QQQ\n", `a.ewd:3: actor "Gondor": unknown CAMEO actor code "QQQ": chunk "QQQ" at offset 0: unknown code`},
		{"a.ewd", "France = FRA\n", "a.ewd:1: entry before any @section header"},
		{"a.ewd", "@verbs\naccuse: 112\n    obj=$T = 1129\n", `a.ewd:3: verb "accuse": pattern: unknown CAMEO event code "1129"`},
		{"a.ewd", "@verbs\naccuse: 112\n    obl:of=&crimes = 112\n", "a.ewd:3: verb accuse: synset &crimes is not defined in any file"},
		{"a.ewd", "@agents\nsenate = LEG~~\n", `a.ewd:2: agent "senate": bad agent code "LEG~~" (want ~CODE, CODE~ or CODE)`},
		{"a.actors", "ARNOR [ARN\n", "a.actors:1: code block without closing ']'"},
		{"a.actors", "GOLLUM\n+SMEAGOL\n[HOB < 951301]\n", `a.actors:3: actor "GOLLUM": bad date "951301": no such day`},
		{"a.agents", "POLICE_ [COP]\n", `a.agents:1: agent "POLICE": bad agent code "COP" (want ~CODE or CODE~)`},
		{"a.verbs", "MEET [031]\n- HOLD TALKS [031]\n", "a.verbs:2: verb MEET: pattern has no '*' for the verb"},
		{"a.verbs", "- * TALKS [031]\n", "a.verbs:1: pattern without a verb above it"},
		{"a.txt", "FRANCE [FRA]\nGONDOR [GON <2014]\n", "a.txt:2: bad date in [GON <2014]"},
		{"missing.ewd", "", "missing.ewd: stat: no such file or directory"},
	}
	for _, tt := range tests {
		dir := writeFiles(t, map[string]string{"keep": ""})
		path := filepath.Join(dir, tt.file)
		if tt.file != "missing.ewd" {
			if err := os.WriteFile(path, []byte(tt.content), 0o644); err != nil {
				t.Fatal(err)
			}
		}
		probs := Check(path)
		var got []string
		found := false
		for _, p := range probs {
			s := strings.TrimPrefix(p.String(), dir+string(filepath.Separator))
			got = append(got, s)
			if s == tt.want {
				found = true
			}
		}
		if !found {
			t.Errorf("%s %q:\n got  %q\n want %q", tt.file, tt.content, got, tt.want)
		}
	}
}

func TestWarningsAndErrors(t *testing.T) {
	dir := writeFiles(t, map[string]string{
		"demo.verbs": "MEET [999]\n- * TALKS [031:032]\n",
		"x.txt":      "just some notes\n",
	})
	res := Load(filepath.Join(dir, "demo.verbs"))
	if len(res.Errors()) != 0 || len(res.Problems) != 1 || !res.Problems[0].Warning ||
		!strings.HasSuffix(res.Problems[0].String(), `demo.verbs:1: warning: verb MEET: "999" is not a CAMEO event code`) {
		t.Errorf("problems %v", res.Problems)
	}
	if _, err := Paths(filepath.Join(dir, "demo.verbs")); err != nil {
		t.Errorf("warnings made Paths fail: %v", err)
	}
	// a directory walk picks .txt files; a plain word list is read as
	// PETRARCH discards, which is what PETRARCH does with it too
	res = Load(dir)
	if len(res.Files) != 2 || res.Files[1].Kind != "discards" {
		t.Errorf("files %v", res.Files)
	}
}

func TestMergeLaterOverrides(t *testing.T) {
	dir := writeFiles(t, map[string]string{
		"a/1.ewd":  "@actors\nFrance = FRA\n",
		"a/2.ewd":  "@actors\nFrance = FRAGOV\n@verbs\naccuse: 112\n",
		"b.actors": "FRANCE_ [FRAMIL]\n",
	})
	s, err := Paths(filepath.Join(dir, "a"), filepath.Join(dir, "b.actors"))
	if err != nil {
		t.Fatal(err)
	}
	refs := s.ActorsStarting("france", nil)
	if len(refs) != 3 {
		t.Fatalf("refs %v", refs)
	}
	first := s.Actors[refs[0].Entry]
	if first.Codes[0].Codes[0] != "FRAMIL" || !strings.HasSuffix(first.Origin.File, "b.actors") {
		t.Errorf("later file does not override: %+v", first)
	}
	if len(s.Files) != 3 || s.Version == "" {
		t.Errorf("files %v version %q", s.Files, s.Version)
	}
	res := Load(filepath.Join(dir, "a"))
	want := []string{"1.ewd: eventwire: 1 actor (1 names)", "2.ewd: eventwire: 1 actor (1 names), 1 verb (1 forms, 0 patterns)"}
	for i, f := range res.Files {
		if got := filepath.Base(f.String()); i >= len(want) || got != want[i] {
			t.Errorf("summary %d = %q, want %q", i, got, want[i])
		}
	}
}

// TestSharedTabari: the TABARI demo dictionaries load without errors
// (their fictional codes are warnings).
func TestSharedTabari(t *testing.T) {
	d := shareddata.Dir(t, "tabari")
	res := Load(d)
	if errs := res.Errors(); len(errs) > 0 {
		t.Errorf("errors in the TABARI files:\n%v", Error(errs))
	}
	if len(res.Files) != 3 {
		t.Errorf("files %v", res.Files)
	}
	st := res.Set.Stats()
	if st.Actors != 120 || st.Agents != 86 || st.Verbs != 283 {
		t.Errorf("stats %+v", st)
	}
	// The same files without their extensions are recognised by content.
	tmp := t.TempDir()
	want := map[string]Format{"TABARI.Demo.actors": TabariActors, "Validate.agents": TabariAgents, "TABARI.Demo.verbs": TabariVerbs}
	for name, f := range want {
		content, err := os.ReadFile(filepath.Join(d, name))
		if err != nil {
			t.Fatal(err)
		}
		p := filepath.Join(tmp, strings.ReplaceAll(name, ".", "_")+".txt")
		if err := os.WriteFile(p, content, 0o644); err != nil {
			t.Fatal(err)
		}
		if got := Detect(p, content); got != f {
			t.Errorf("%s as .txt detected as %v, want %v", name, got, f)
		}
	}
}

// TestSharedPetrarch: the validation dictionaries load without errors; the
// Phoenix and CAMEO files load with the problems their readers find, each
// naming a line inside its file.
func TestSharedPetrarch(t *testing.T) {
	d := shareddata.Dir(t, "petrarch/dictionaries")
	validate, _ := filepath.Glob(filepath.Join(d, "PETR.Validate.*"))
	if len(validate) == 0 {
		t.Fatal("no PETR.Validate files")
	}
	res := Load(validate...)
	for _, p := range res.Errors() {
		// The one real flaw of these files: a pattern line that lost its
		// "- " (PETR.Validate.verbs.2.0.txt), reported and still read.
		if !strings.Contains(p.Msg, "pattern line without its leading '-'") {
			t.Errorf("error in the validation dictionaries: %v", p)
		}
	}
	res = Load(d)
	for _, p := range res.Errors() {
		content, err := os.ReadFile(p.File)
		if err != nil {
			t.Errorf("problem names a file that cannot be read: %v", p)
			continue
		}
		if p.Line < 1 || p.Line > strings.Count(string(content), "\n")+1 {
			t.Errorf("problem line outside its file: %v", p)
		}
	}
	st := res.Set.Stats()
	if st.Actors < 10000 || st.Verbs < 1000 || st.Agents < 500 || st.Issues < 100 || st.Discards < 100 {
		t.Errorf("Phoenix set too small: %+v", st)
	}
	for _, f := range res.Files {
		if strings.Contains(f.Path, "prepositions") && f.Stats != (dict.Stats{}) {
			t.Errorf("prepositions list loaded as entries: %v", f)
		}
	}
}

// phoenixSet lists the Phoenix + CAMEO.2.0 dictionary files.
func phoenixSet(b testing.TB) []string {
	d := shareddata.Dir(b, "petrarch/dictionaries")
	files, _ := filepath.Glob(filepath.Join(d, "Phoenix.*.txt"))
	return append(files, filepath.Join(d, "CAMEO.2.0.txt"))
}

// BenchmarkLoadPhoenixCAMEO loads the whole Phoenix + CAMEO.2.0 set through
// Paths (reading, checking, merging and building the indexes). live-MB is
// the heap still in use with the loaded set alive, after a collection.
func BenchmarkLoadPhoenixCAMEO(b *testing.B) {
	files := phoenixSet(b)
	b.ReportAllocs()
	var s *dict.Set
	for b.Loop() {
		s, _ = Paths(files...)
		if len(s.Actors) == 0 {
			b.Fatal("empty set")
		}
	}
	var before, after runtime.MemStats
	s = nil
	runtime.GC()
	runtime.ReadMemStats(&before)
	s, _ = Paths(files...)
	runtime.GC()
	runtime.ReadMemStats(&after)
	b.ReportMetric(float64(after.HeapAlloc-before.HeapAlloc)/1e6, "live-MB")
	runtime.KeepAlive(s)
}
