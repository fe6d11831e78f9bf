package native

import (
	"errors"
	"strings"

	"bytes"
	"flag"
	"github.com/eventwire/eventwire/internal/dict"
	"os"
	"path/filepath"
	"reflect"
	"testing"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

// clearLines zeroes the line numbers so that entries read from different
// texts compare equal.
func clearLines(f *file) {
	for i := range f.Actors {
		f.Actors[i].Line = 0
		for j := range f.Actors[i].Codes {
			f.Actors[i].Codes[j].Line = 0
		}
	}
	for i := range f.Agents {
		f.Agents[i].Line = 0
	}
	for i := range f.Synsets {
		f.Synsets[i].Line = 0
	}
	for i := range f.Verbs {
		f.Verbs[i].Line = 0
		for j := range f.Verbs[i].Patterns {
			f.Verbs[i].Patterns[j].Line = 0
		}
	}
	for i := range f.Discards {
		f.Discards[i].Line = 0
	}
	for i := range f.Issues {
		f.Issues[i].Line = 0
	}
}

func TestWriteGoldenAndRoundTrip(t *testing.T) {
	in, err := os.ReadFile(filepath.Join("testdata", "sample.ewd"))
	if err != nil {
		t.Fatal(err)
	}
	f, probs, err := parse(bytes.NewReader(in), "sample.ewd")
	if err != nil || len(probs) > 0 {
		t.Fatalf("sample: %v %v", err, probs)
	}
	var out bytes.Buffer
	if err := writeFile(&out, f); err != nil {
		t.Fatal(err)
	}
	golden := filepath.Join("testdata", "sample.golden")
	if *update {
		if err := os.WriteFile(golden, out.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatalf("%v (run with -update to create it)", err)
	}
	if !bytes.Equal(out.Bytes(), want) {
		t.Errorf("written file differs from %s:\n%s", golden, out.Bytes())
	}
	g, probs, err := parse(bytes.NewReader(out.Bytes()), "written")
	if err != nil || len(probs) > 0 {
		t.Fatalf("reading written file: %v %v", err, probs)
	}
	clearLines(f)
	clearLines(g)
	if !reflect.DeepEqual(f, g) {
		t.Errorf("round trip changed the entries:\n got %+v\nwant %+v", g, f)
	}
}

// TestSetRoundTrip reads the sample into a Set, writes the Set, reads it back
// and compares the entries (origins aside).
func TestSetRoundTrip(t *testing.T) {
	in, err := os.ReadFile(filepath.Join("testdata", "sample.ewd"))
	if err != nil {
		t.Fatal(err)
	}
	s1, err := Read(bytes.NewReader(in), "sample.ewd")
	if err != nil {
		t.Fatal(err)
	}
	var out bytes.Buffer
	if err := Write(&out, s1); err != nil {
		t.Fatal(err)
	}
	s2, err := Read(bytes.NewReader(out.Bytes()), "written.ewd")
	if err != nil {
		t.Fatalf("%v\n%s", err, out.Bytes())
	}
	st := s1.Stats()
	if st.Actors != 6 || st.Agents != 4 || st.Synsets != 3 || st.Verbs != 10 || st.Patterns != 10 || st.Discards != 2 || st.Issues != 3 {
		t.Errorf("stats %+v", st)
	}
	s1.Files, s2.Files = nil, nil
	zeroOrigins(s1)
	zeroOrigins(s2)
	if !reflect.DeepEqual(s1, s2) {
		t.Errorf("round trip changed the set:\n got %+v\nwant %+v", s2, s1)
	}
}

func zeroOrigins(s *dict.Set) {
	var z dict.Origin
	for i := range s.Actors {
		s.Actors[i].Origin = z
		for j := range s.Actors[i].Codes {
			s.Actors[i].Codes[j].Origin = z
		}
	}
	for i := range s.Agents {
		s.Agents[i].Origin = z
	}
	for i := range s.Synsets {
		s.Synsets[i].Origin = z
	}
	for i := range s.Verbs {
		s.Verbs[i].Origin = z
		for j := range s.Verbs[i].Forms {
			s.Verbs[i].Forms[j].Origin = z
		}
		for j := range s.Verbs[i].Patterns {
			s.Verbs[i].Patterns[j].Origin = z
		}
	}
	for i := range s.Discards {
		s.Discards[i].Origin = z
	}
	for i := range s.Issues {
		s.Issues[i].Origin = z
	}
}

// TestReadModel checks how the format's constructions land in the model.
func TestReadModel(t *testing.T) {
	in, err := os.ReadFile(filepath.Join("testdata", "sample.ewd"))
	if err != nil {
		t.Fatal(err)
	}
	s, err := Read(bytes.NewReader(in), "sample.ewd")
	if err != nil {
		t.Fatal(err)
	}
	s.Build()
	obama := s.Actors[2]
	if obama.Origin.String() != "sample.ewd:5" || len(obama.Names) != 3 || obama.Names[2].String() != "obama" {
		t.Errorf("obama = %+v", obama)
	}
	if c := obama.CodesAt(20120101); c == nil || c.Codes[0] != "USAGOV" || c.Origin.Line != 8 {
		t.Errorf("obama in 2012 = %+v", c)
	}
	if c := obama.CodesAt(20200101); c == nil || c.Codes[0] != "USAELI" || c.Range.From != 20170121 {
		t.Errorf("obama in 2020 = %+v", c)
	}
	if a := s.Actors[4]; a.Codes[0].Codes[0] != dict.NullCode {
		t.Errorf("Boromir = %+v", a)
	}
	if a := s.Actors[5]; !a.Names[0][0].Prefix || a.Names[0][0].Text != "argentin" {
		t.Errorf("Argentin* = %+v", a)
	}
	if a := s.Agents[1]; a.Place != dict.AgentPrefix || a.Combine("FRA") != "NGMFRA" {
		t.Errorf("rights activist = %+v", a)
	}
	if a := s.Agents[0]; a.Combine("FRA") != "FRALEG" {
		t.Errorf("senate = %+v", a)
	}
	refs := s.VerbsFor("call")
	if len(refs) != 1 {
		t.Fatalf("VerbsFor(call) = %v", refs)
	}
	call := s.Verbs[refs[0].Verb]
	if call.Code != "094" || len(call.Forms[0].Phrase) != 2 || call.Forms[0].Phrase[1].Text != "on" {
		t.Errorf("call on = %+v", call)
	}
	hold := s.Verbs[s.VerbsFor("hold")[0].Verb]
	p := hold.Patterns[1]
	if hold.Code != dict.NullCode || len(p.Slots) != 1 || p.Slots[0].Rel != "obj" || p.Slots[0].Words[0].Text != "meeting" ||
		len(p.Slots[0].Sub) != 1 || p.Slots[0].Sub[0].Rel != "nmod:with" || p.Slots[0].Sub[0].Role != dict.ElemTarget {
		t.Errorf("hold pattern = %+v", p)
	}
	if hold.Patterns[2].Code != dict.NullCode {
		t.Errorf("hold election = %+v", hold.Patterns[2])
	}
	acc := s.Verbs[s.VerbsFor("accuse")[0].Verb]
	if w := acc.Patterns[0].Slots[0].Words[0]; !w.Synset || w.Text != "&crime" || s.Synset("&crime") == nil {
		t.Errorf("accuse synset slot = %+v", w)
	}
	var meet, attackN, critical, visit *dict.Verb
	for i := range s.Verbs {
		switch s.Verbs[i].Name {
		case "meet":
			meet = &s.Verbs[i]
		case "attack(n)":
			attackN = &s.Verbs[i]
		case "critical(a)":
			critical = &s.Verbs[i]
		case "visit":
			visit = &s.Verbs[i]
		}
	}
	if meet == nil || meet.Neg != "125" || meet.Patterns[0].Slots[0].Keyword != "neg" {
		t.Errorf("meet = %+v", meet)
	}
	if attackN == nil || !attackN.Forms[0].Noun {
		t.Errorf("attack(n) = %+v", attackN)
	}
	if critical == nil || !critical.Forms[0].Adj || critical.Forms[0].Noun {
		t.Errorf("critical(a) = %+v", critical)
	}
	if visit == nil || visit.Reverse != "043" {
		t.Errorf("visit = %+v", visit)
	}
	if d := s.Discards[1]; !d.Story || d.Phrase.String() != "world golf championships" {
		t.Errorf("discard = %+v", d)
	}
	if is := s.Issues[1]; !is.Exclude || is.Phrases[0].String() != "a head start" {
		t.Errorf("issue exclusion = %+v", is)
	}
	if is := s.Issues[2]; is.Category != "EDUCATION" || is.Name != "TEACHERS" || len(is.Phrases) != 2 {
		t.Errorf("issue with category = %+v", is)
	}
	if sy := s.Synset("&charge"); sy == nil || !sy.Members[0][0].Synset || sy.Members[0][0].Text != "&crime" {
		t.Errorf("synset member referring to a synset = %+v", sy)
	}
	if s.Version == "" || len(s.Files) != 1 {
		t.Errorf("version %q files %v", s.Version, s.Files)
	}
}

func TestReadReportsProblems(t *testing.T) {
	in := "@actors\nFrance = FRA\nGondor = GONDOR\n@verbs\naccuse: 112\n    obj=$T = 1129\n"
	s, err := Read(strings.NewReader(in), "bad.ewd")
	var probs Problems
	if !errors.As(err, &probs) || len(probs) != 2 {
		t.Fatalf("err = %v", err)
	}
	if probs[0].Line != 3 || probs[1].Line != 6 {
		t.Errorf("problems %v", probs)
	}
	if len(s.Actors) != 1 || len(s.Verbs) != 1 {
		t.Errorf("good entries not kept: %+v", s)
	}
}
