package dict

import (
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
