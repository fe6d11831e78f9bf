package gkg

import (
	"strings"
	"testing"
)

func TestNameMatches(t *testing.T) {
	tests := []struct {
		gold, produced string
		person, want   bool
	}{
		{"Emmanuel Macron", "Emmanuel Macron", true, true},
		{"Emmanuel Macron", "macron", true, true},
		{"Emmanuel Macron", "Macron's", true, true},
		{"Emmanuel Macron", "President Emmanuel Macron", true, true},
		{"Emmanuel Macron", "Emmanuel", true, false},
		{"United Nations", "Nations", false, false},
		{"the United Nations", "United Nations", false, true},
		{"Taliban", "the Taliban’s", false, true},
		{"Kunduz", "Kunduz", false, true},
		{"Kunduz", "Kunduz province", false, false},
		{"", "", true, false},
	}
	for _, tt := range tests {
		if got := nameMatches(normName(tt.gold), normName(tt.produced), tt.person); got != tt.want {
			t.Errorf("nameMatches(%q, %q, person %v) = %v, want %v", tt.gold, tt.produced, tt.person, got, tt.want)
		}
	}
}

func TestScoreNames(t *testing.T) {
	tests := []struct {
		name             string
		gold, produced   []string
		person           bool
		gm, pm, gn, pn   int
		precision, recal float64
	}{
		{"all", []string{"Ashraf Ghani", "John Kerry"}, []string{"Ghani", "John Kerry", "Kerry"}, true, 2, 3, 2, 3, 1, 1},
		{"extra and missed", []string{"NATO", "Taliban"}, []string{"NATO", "BST", "nato"}, false, 1, 1, 2, 2, 0.5, 0.5},
		{"none produced", []string{"Kabul"}, nil, false, 0, 0, 1, 0, 0, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			n := scoreNames(tt.gold, tt.produced, tt.person)
			if n.GoldMatched != tt.gm || n.ProdMatched != tt.pm || n.Gold != tt.gn || n.Produced != tt.pn || n.Precision != tt.precision || n.Recall != tt.recal {
				t.Errorf("got %+v", n)
			}
		})
	}
}

func TestScoreQuotes(t *testing.T) {
	produced := []Quotation{
		{Quote: "We will not accept this attack on our hospital, under any circumstances.", Speaker: "Christopher Stokes"},
		{Quote: "The talks have ended without an agreement today.", Speaker: "the ministry said the talks"},
		{Quote: "Nobody expected the vote to pass so quickly.", Speaker: ""},
		{Quote: "“Our forces will respond,” the", Speaker: "Russian Defence Minister Sergei Shoigu"},
	}
	tests := []struct {
		name              string
		gold              GoldQuote
		found, right, non int
	}{
		{"full name", GoldQuote{"We will not accept this attack", "Christopher Stokes"}, 1, 1, 0},
		{"last word", GoldQuote{"We will not accept this attack", "Stokes"}, 1, 1, 0},
		{"clause speaker", GoldQuote{"The talks have ended without an", "Foreign Ministry"}, 1, 0, 0},
		{"no speaker", GoldQuote{"Nobody expected the vote to pass", "John Smith"}, 1, 0, 1},
		{"title before speaker", GoldQuote{"Our forces will respond", "Sergei Shoigu"}, 1, 1, 0},
		{"not found", GoldQuote{"This was never said by anyone", "Nobody"}, 0, 0, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			q := scoreQuotes([]GoldQuote{tt.gold}, produced)
			if q.Found != tt.found || q.SpeakerRight != tt.right || q.NoSpeaker != tt.non {
				t.Errorf("got %+v", q)
			}
		})
	}
}

func TestScoreCounts(t *testing.T) {
	produced := []Count{{Type: "KILL", Number: 22}, {Type: "KILL", Number: 12}, {Type: "WOUND", Number: 37}, {Type: "ARREST", Number: 5}}
	tests := []struct {
		name            string
		gold            []GoldCount
		found, right, n int
	}{
		{"right", []GoldCount{{"killed", 22}, {"wounded", 37}}, 2, 2, 2},
		{"right before wrong", []GoldCount{{"killed", 24}, {"killed", 12}}, 2, 1, 2},
		{"each produced once", []GoldCount{{"arrested", 5}, {"arrested", 5}}, 1, 1, 2},
		{"missing type", []GoldCount{{"kidnapped", 3}}, 0, 0, 1},
		{"type without a GKG count", []GoldCount{{"rescued", 3}, {"killed", 22}}, 1, 1, 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := scoreCounts(tt.gold, produced)
			if c.Found != tt.found || c.Right != tt.right || c.Gold != tt.n {
				t.Errorf("got %+v", c)
			}
		})
	}
}

func TestReadGold(t *testing.T) {
	tests := []struct {
		name, in, err string
		n             int
	}{
		{"ok", `{"doc":"a","persons":["X Y"],"counts":[{"type":"killed","number":3}]}` + "\n\n# note\n" + `{"doc":"b"}`, "", 2},
		{"unknown field", `{"doc":"a","people":[]}`, "g.jsonl:1: gold knowledge", 0},
		{"no doc", `{"persons":[]}`, "g.jsonl:1: gold knowledge: missing doc", 0},
		{"duplicate", "{\"doc\":\"a\"}\n{\"doc\":\"a\"}", "g.jsonl:2: gold knowledge: doc \"a\" already on line 1", 0},
		{"count type", `{"doc":"a","counts":[{"type":" ","number":3}]}`, `count 1: missing type`, 0},
		{"empty quote", `{"doc":"a","quotations":[{"text":" ","speaker":"X"}]}`, "quotation 1: empty text", 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			g, err := ReadGold(strings.NewReader(tt.in), "g.jsonl")
			if tt.err != "" {
				if err == nil || !strings.Contains(err.Error(), tt.err) {
					t.Fatalf("err = %v, want %q", err, tt.err)
				}
				return
			}
			if err != nil || len(g) != tt.n {
				t.Fatalf("got %d docs, err %v", len(g), err)
			}
		})
	}
}

func TestScorePlaces(t *testing.T) {
	pak := Location{Text: "Pakistani"}
	pak.FullName = "Pakistan"
	pak2 := Location{Text: "Pakistan"}
	pak2.FullName = "Pakistan"
	kdz := Location{Text: "Kunduz"}
	kdz.FullName = "Kunduz, Kunduz, Afghanistan"
	munday := Location{Text: "Monday"}
	munday.FullName = "Munday, Texas, United States"
	tests := []struct {
		name           string
		gold           []string
		produced       []Location
		gm, pm, gn, pn int
	}{
		{"adjective and name are one place", []string{"Pakistan"}, []Location{pak, pak2}, 1, 1, 1, 1},
		{"first part of the full name", []string{"Kunduz"}, []Location{kdz}, 1, 1, 1, 1},
		{"wrong place", []string{"Kunduz"}, []Location{munday, kdz}, 1, 1, 1, 2},
		{"nothing produced", []string{"Sindh"}, nil, 0, 0, 1, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			n := scorePlaces(tt.gold, tt.produced)
			if n.GoldMatched != tt.gm || n.ProdMatched != tt.pm || n.Gold != tt.gn || n.Produced != tt.pn {
				t.Errorf("got %+v", n)
			}
		})
	}
}
