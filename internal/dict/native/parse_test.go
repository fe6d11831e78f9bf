package native

import (
	"strings"
	"testing"
)

// TestBadLines checks that each bad line is reported as file:line: message.
func TestBadLines(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{"no section", "France = FRA\n", "t.ewd:1: entry before any @section header"},
		{"unknown section", "@actor\n", `t.ewd:1: unknown section "@actor" (want one of @actors, @agents, @synsets, @verbs, @discards, @issues)`},
		{"bad actor code", "@actors\nFrance = FRAN\n", `t.ewd:2: actor "France": bad actor code "FRAN" (want upper-case 3-letter chunks such as FRAGOV, or -)`},
		{"lower-case code", "@actors\nFrance = fra\n", `t.ewd:2: actor "France": bad actor code "fra" (want upper-case 3-letter chunks such as FRAGOV, or -)`},
		{"empty name", "@actors\n | Macron = FRAGOV\n", "t.ewd:2: indented line does not continue an entry"},
		{"empty alias", "@actors\nMacron | = FRAGOV\n", "t.ewd:2: actor: empty name"},
		{"bad date", "@actors\nMacron = FRAGOV 2017-13-01..\n", `t.ewd:2: actor "Macron": code FRAGOV: bad date "2017-13-01" (want YYYY-MM-DD)`},
		{"reversed range", "@actors\nMacron = FRAGOV 2017-05-14..2017-01-01\n", `t.ewd:2: actor "Macron": code FRAGOV: date range "2017-05-14..2017-01-01" ends before it starts`},
		{"range without dots", "@actors\nMacron = FRAGOV 2017-05-14\n", `t.ewd:2: actor "Macron": code FRAGOV: date range "2017-05-14": want FROM.., ..TO or FROM..TO`},
		{"two codes without comma", "@actors\nMacron = FRAGOV FRAELI 2017-05-14..\n", `t.ewd:2: actor "Macron": code "FRAGOV": unexpected "2017-05-14.." (separate codes with ',')`},
		{"continuation without sign", "@actors\nObama\n    USAGOV\n", `t.ewd:3: actor "Obama": continuation line must start with '|' (names) or '=' (codes)`},
		{"actor without code", "@actors\nObama\n", `t.ewd:2: actor "Obama" has no code`},
		{"star inside word", "@actors\nArg*entina = ARG\n", `t.ewd:2: actor: name "Arg*entina": '*' may only end a word`},
		{"agent without code", "@agents\nsenate\n", "t.ewd:2: agent: missing '= CODE'"},
		{"agent bad code", "@agents\nsenate = ~LEGS\n", `t.ewd:2: agent "senate": bad agent code "~LEGS" (want ~CODE, CODE~ or CODE)`},
		{"synset name", "@synsets\ncurrency = dollar\n", `t.ewd:2: synset: bad name "currency" (want &lower_case)`},
		{"verb no code", "@verbs\naccuse\n", "t.ewd:2: verb: missing ': CODE' after the lemma"},
		{"verb bad code", "@verbs\naccuse: 11a\n", `t.ewd:2: verb "accuse": bad event code "11a" (want a CAMEO code such as 112, or -)`},
		{"verb root 21", "@verbs\naccuse: 211\n", `t.ewd:2: verb "accuse": bad event code "211" (want a CAMEO code such as 112, or -)`},
		{"verb upper lemma", "@verbs\nAccuse: 112\n", `t.ewd:2: verb: bad lemma "Accuse" (want a lower-case word)`},
		{"verb bad neg", "@verbs\naccuse: 112 negate=111\n", `t.ewd:2: verb "accuse": unexpected "negate=111" after the code (want neg=CODE or reverse=CODE)`},
		{"pattern no code", "@verbs\naccuse: 112\n    obj=$T\n", `t.ewd:3: verb "accuse": pattern: missing ' = CODE'`},
		{"pattern bad relation", "@verbs\naccuse: 112\n    object=$T = 112\n", `t.ewd:3: verb "accuse": pattern: slot "object=$T": unknown relation "object"`},
		{"pattern empty value", "@verbs\naccuse: 112\n    obj= = 112\n", `t.ewd:3: verb "accuse": pattern: slot "obj": missing value`},
		{"pattern any word without slots", "@verbs\ncall: -\n    obj=* = 111\n", `t.ewd:3: verb "call": pattern: slot "obj": '*' without '(...)' (write the relation alone)`},
		{"pattern paren", "@verbs\nhold: -\n    obj=meeting(nmod:with=$T = 043\n", `t.ewd:3: verb "hold": pattern: unbalanced '('`},
		{"pattern bad word", "@verbs\nhold: -\n    obj=Meeting = 043\n", `t.ewd:3: verb "hold": pattern: slot "obj": bad word "Meeting" (want lower-case lemmas, $S, $T or &synset)`},
		{"unknown event code", "@verbs\naccuse: 1129\n", `t.ewd:2: verb "accuse": unknown CAMEO event code "1129"`},
		{"unknown neg code", "@verbs\nmeet: 036 neg=0999\n", `t.ewd:2: verb "meet": neg: unknown CAMEO event code "0999"`},
		{"reverse null", "@verbs\nvisit: 042 reverse=-\n", `t.ewd:2: verb "visit": reverse: want an event code, not -`},
		{"twice neg", "@verbs\nmeet: 036 neg=125 neg=125\n", `t.ewd:2: verb "meet": neg= given twice`},
		{"unknown actor code", "@actors\nMacron = FRAGUV\n", `t.ewd:2: actor "Macron": unknown CAMEO actor code "FRAGUV": chunk "GUV" at offset 3: unknown code`},
		{"unknown agent code", "@agents\nsenate = ~LGS\n", `t.ewd:2: agent "senate": unknown CAMEO actor code "LGS": chunk "LGS" at offset 0: unknown code`},
		{"pattern before verb", "@verbs\n    obj=$T = 112\n", "t.ewd:2: indented line does not continue an entry"},
		{"discard kind", "@discards\nmonths later = paragraph\n", `t.ewd:2: discard "months later": want '= story' or '= sentence', got "paragraph"`},
		{"issue name", "@issues\npreschool = early childhood\n", `t.ewd:2: issue: bad issue name "early childhood" (want UPPER_CASE)`},
		{"duplicate actor name", "@actors\nFrance = FRA\nParis | france = FRA\n", `t.ewd:3: actor name "france" already given at line 2`},
		{"duplicate verb", "@verbs\naccuse: 112\nmeet: 036\naccuse: 111\n", `t.ewd:4: verb "accuse" already given at line 2`},
		{"duplicate synset", "@synsets\n&x = a\n&x = b\n", `t.ewd:3: synset "&x" already given at line 2`},
		{"two sources", "@verbs\nmeet: 036\n    nsubj=$S obl:with=$S = 036\n", `t.ewd:3: verb "meet": pattern: more than one $S slot`},
		{"two targets nested", "@verbs\nhold: -\n    obj=meeting(nmod:with=$T) obl:with=$T = 043\n", `t.ewd:3: verb "hold": pattern: more than one $T slot`},
		{"keyword twice", "@verbs\nmeet: 036\n    neg neg = 125\n", `t.ewd:3: verb "meet": pattern: "neg" given twice`},
		{"category on actors", "@actors EUROPE\n", `t.ewd:1: unexpected "EUROPE" after @actors (only @issues takes an UPPER_CASE category)`},
		{"synset ref in name", "@actors\n&x = FRA\n", `t.ewd:2: actor: name "&x": unexpected '&'`},
		{"issue missing", "@issues\npreschool\n", "t.ewd:2: issue: missing '= ISSUE'"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, probs, err := parse(strings.NewReader(tt.in), "t.ewd")
			if err != nil {
				t.Fatal(err)
			}
			if len(probs) == 0 {
				t.Fatalf("no problem reported, want %q", tt.want)
			}
			var got []string
			for _, p := range probs {
				if p.Error() == tt.want {
					return
				}
				got = append(got, p.Error())
			}
			t.Errorf("got  %q\nwant %q", got, tt.want)
		})
	}
}
