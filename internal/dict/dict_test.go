package dict

import (
	"math/rand/v2"
	"slices"
	"testing"
	"time"
)

func TestCodesAt(t *testing.T) {
	a := Actor{Codes: []ActorCode{
		{Codes: []string{"HOB"}, Range: DateRange{To: 19950601}},
		{Codes: []string{"HOBGOV"}, Range: DateRange{From: 19950601, To: 19990815}},
		{Codes: []string{"HOBREB"}, Range: DateRange{From: 19990816}},
		{Codes: []string{"HOBDEF"}},
	}}
	tests := []struct {
		date Date
		want string
	}{
		{19900101, "HOB"},
		{19970101, "HOBGOV"},
		{20050101, "HOBREB"},
		{0, "HOBDEF"},
	}
	for _, tt := range tests {
		got := a.CodesAt(tt.date)
		if got == nil || got.Codes[0] != tt.want {
			t.Errorf("CodesAt(%d) = %v, want %s", tt.date, got, tt.want)
		}
	}
}

func TestAgentCombine(t *testing.T) {
	tests := []struct {
		place   AgentPlace
		country string
		want    string
	}{
		{AgentSuffix, "FRA", "FRALEG"},
		{AgentPrefix, "FRA", "LEGFRA"},
		{AgentSuffix, "", "LEG"},
		{AgentSuffix, "USALEG", "USALEG"},          // the role it ends with
		{AgentSuffix, "FRALEGREB", "FRALEGREB"},    // the role among its parts
		{AgentSuffix, "FRAXLEGXX", "FRAXLEGXXLEG"}, // not at a part boundary
	}
	for _, tt := range tests {
		a := Agent{Code: "LEG", Place: tt.place}
		if got := a.Combine(tt.country); got != tt.want {
			t.Errorf("Combine(%q) = %q, want %q", tt.country, got, tt.want)
		}
	}
}

func TestIndexLongestFirstAndOverride(t *testing.T) {
	var s Set
	s.Actors = []Actor{
		{Names: []Phrase{{{Text: "gondor"}}}, Codes: []ActorCode{{Codes: []string{"GON"}}}},
		{Names: []Phrase{{{Text: "gondor"}, {Text: "army"}}}, Codes: []ActorCode{{Codes: []string{"GONMIL"}}}},
		{Names: []Phrase{{{Text: "argentin", Prefix: true}}}, Codes: []ActorCode{{Codes: []string{"ARG"}}}},
		{Names: []Phrase{{{Text: "gondor"}}}, Codes: []ActorCode{{Codes: []string{"GON2"}}}},
	}
	s.Verbs = []Verb{{Name: "A", Forms: []VerbForm{{Lemma: "attack", Forms: []string{"attacked"}}}}}
	s.AddFile("x", []byte("x"))
	s.Build()
	refs := s.ActorsStarting("gondor", nil)
	if len(refs) != 3 || refs[0].Entry != 1 || refs[1].Entry != 3 {
		t.Fatalf("ActorsStarting(gondor) = %v", refs)
	}
	if refs := s.ActorsStarting("argentina", nil); len(refs) != 1 || refs[0].Entry != 2 {
		t.Fatalf("prefix lookup = %v", refs)
	}
	s.Discards = []Discard{{Phrase: Phrase{{Text: "gondor"}, {Text: "football"}}}}
	s.Build()
	if d := s.Starting("gondor").Discards(); len(d) != 1 || d[0].Entry != 0 {
		t.Fatalf("Starting(gondor).Discards() = %v", d)
	}
	if a := s.Starting("gondor").Actors(nil, nil); !slices.Equal(a, refs) {
		t.Fatalf("Starting(gondor).Actors = %v, ActorsStarting %v", a, refs)
	}
	if d := s.Starting("mordor").Discards(); d != nil || len(s.Starting("mordor").Actors(nil, nil)) != 0 {
		t.Fatal("mordor starts something")
	}
	if refs := s.VerbsFor("attacked"); len(refs) != 1 {
		t.Fatalf("VerbsFor(attacked) = %v", refs)
	}
	if s.Version == "" {
		t.Fatal("no version")
	}
}

func TestDateOf(t *testing.T) {
	tests := []struct {
		t    time.Time
		want Date
	}{
		{time.Time{}, 0},
		{time.Date(2022, 11, 15, 23, 59, 0, 0, time.UTC), 20221115},
		{time.Date(1830, 1, 2, 0, 0, 0, 0, time.UTC), 18300102},
		{time.Date(2024, 2, 29, 1, 0, 0, 0, time.FixedZone("EST", -5*3600)), 20240229},
	}
	for _, tc := range tests {
		if got := DateOf(tc.t); got != tc.want {
			t.Errorf("DateOf(%v) = %d, want %d", tc.t, got, tc.want)
		}
	}
}

// TestActorsStartingWith checks the second-word index against its
// definition: of ActorsStarting's phrases, in its order, those of one word,
// those with a stem or synset second word, and those whose second word is
// one of next (all of them for a nil next or more than four next words). Random phrases over a small vocabulary make long lists (the
// index) and short ones (plain scans).
func TestActorsStartingWith(t *testing.T) {
	vocab := []string{"the", "united", "states", "army", "of", "gondor", "arnor", "national", "guard", "police"}
	rng := rand.New(rand.NewPCG(1, 2))
	word := func() Word {
		w := Word{Text: vocab[rng.IntN(len(vocab))]}
		switch rng.IntN(20) {
		case 0:
			w.Prefix = true
		case 1:
			w.Synset = true
		}
		return w
	}
	var s Set
	for i := 0; i < 600; i++ {
		var p Phrase
		for n := 1 + rng.IntN(4); n > 0; n-- {
			p = append(p, word())
		}
		p[0].Prefix, p[0].Synset = false, false
		if i < 40 {
			p[0].Text = "lone" // a list shorter than indexed when i%20 == 0 only
			if i%20 != 0 {
				p[0].Text = "the"
			}
		}
		s.Actors = append(s.Actors, Actor{Names: []Phrase{p}})
		s.Agents = append(s.Agents, Agent{Names: []Phrase{p}})
	}
	s.Build()
	if n := len(s.ActorsStarting("the", nil)); n < nextIndexMin {
		t.Fatalf("only %d phrases start with the: the index is not exercised", n)
	}
	nexts := [][]string{nil, {}, {"army"}, {"united", "states"}, {"of", "of"}, {"x", "guard"}, {"gondor", "arnor", "army", "of", "the", "police"}}
	for _, first := range append(vocab, "lone", "nothing") {
		for _, next := range nexts {
			for _, kind := range []string{"actors", "agents"} {
				all, got := s.ActorsStarting(first, nil), s.ActorsStartingWith(first, next, nil)
				phrase := func(r PhraseRef) Phrase { return s.Actors[r.Entry].Names[r.Name] }
				if kind == "agents" {
					all, got = s.AgentsStarting(first, nil), s.AgentsStartingWith(first, next, nil)
					phrase = func(r PhraseRef) Phrase { return s.Agents[r.Entry].Names[r.Name] }
				}
				var want []PhraseRef
				for _, r := range all {
					p := phrase(r)
					ok := next == nil || len(p) < 2 || p[1].Prefix || p[1].Synset
					for _, w := range next {
						ok = ok || p[1].Text == w
					}
					if ok {
						want = append(want, r)
					}
				}
				if next == nil || len(next) > 4 {
					want = all // no restriction
				}
				if !slices.Equal(got, want) {
					t.Errorf("%s starting with %q before %q: got %v, want %v", kind, first, next, got, want)
				}
			}
		}
	}
}
