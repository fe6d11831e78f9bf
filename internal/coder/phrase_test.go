package coder

import (
	"fmt"
	"strings"
	"testing"

	"github.com/eventwire/eventwire/internal/dict/native"
)

// TestArgumentPhrases checks the spans of Options.PhraseSpans and the
// argument phrases that stand for an unknown actor with Options.AllowMonad.
func TestArgumentPhrases(t *testing.T) {
	set, err := native.Read(strings.NewReader(slotDict), "slots.ewd")
	if err != nil {
		t.Fatal(err)
	}
	set.Build()
	for _, tc := range []struct {
		name string
		opt  Options
		tree string
		want string // "SRC>TGT CODE [source span|target span]" joined by ", "
	}{
		{"force on a thing: the people of its place, whose country the story gives", Options{},
			"Russia//PROPN/2/nsubj attacked/attack/VERB/0/root the//DET/4/det village//NOUN/2/obj",
			"RUS>---CVL 190 [Russia|]"},
		{"unknown target: no event without monads", Options{},
			"Russia//PROPN/2/nsubj accused/accuse/VERB/0/root the//DET/4/det plan//NOUN/2/obj",
			""},
		{"unknown target keeps its phrase", Options{AllowMonad: true},
			"Russia//PROPN/2/nsubj attacked/attack/VERB/0/root the//DET/4/det village//NOUN/2/obj",
			"RUS>--- 190 [Russia|the village]"},
		{"monad without any argument phrase", Options{AllowMonad: true},
			"Russia//PROPN/2/nsubj attacked/attack/VERB/0/root again//ADV/2/advmod",
			"RUS>--- 190 [Russia|]"},
		{"unknown source keeps its phrase", Options{AllowMonad: true},
			"Unidentified//ADJ/2/amod gunmen/gunman/NOUN/3/nsubj attacked/attack/VERB/0/root Ukraine//PROPN/3/obj",
			"--->UKR 190 [Unidentified gunmen|Ukraine]"},
		{"neither side an actor: nothing", Options{AllowMonad: true},
			"The//DET/2/det gunmen/gunman/NOUN/3/nsubj attacked/attack/VERB/0/root the//DET/5/det village//NOUN/3/obj",
			""},
		{"neither side an actor, unknown actors allowed", Options{AllowMonad: true, AllowUnknown: true},
			"The//DET/2/det gunmen/gunman/NOUN/3/nsubj attacked/attack/VERB/0/root the//DET/5/det village//NOUN/3/obj",
			"--->--- 190 [The gunmen|the village]"},
		{"unknown actors allowed, but a subject is needed", Options{AllowMonad: true, AllowUnknown: true},
			"attacked/attack/VERB/0/root the//DET/3/det village//NOUN/1/obj",
			""},
		{"passive: the by-phrase is the unknown source", Options{AllowMonad: true},
			"Ukraine//PROPN/3/nsubj:pass was/be/AUX/3/aux:pass attacked/attack/VERB/0/root by//ADP/6/case the//DET/6/det gunmen/gunman/NOUN/3/obl",
			"--->UKR 190 [the gunmen|Ukraine]"},
		{"actor words by default", Options{},
			"Russia//PROPN/2/nsubj attacked/attack/VERB/0/root the//DET/5/det last//ADJ/5/amod bastion//NOUN/2/obj of//ADP/7/case Ukraine//PROPN/5/nmod on//ADP/9/case Thursday//PROPN/2/obl",
			"RUS>UKR 190 [Russia|bastion of Ukraine]"},
		{"phrase spans: the noun phrase holding the actor", Options{PhraseSpans: true},
			"Russia//PROPN/2/nsubj attacked/attack/VERB/0/root the//DET/5/det last//ADJ/5/amod bastion//NOUN/2/obj of//ADP/7/case Ukraine//PROPN/5/nmod on//ADP/9/case Thursday//PROPN/2/obl",
			"RUS>UKR 190 [Russia|the last bastion of Ukraine]"},
		{"phrase spans leave out times and clauses", Options{PhraseSpans: true},
			"The//DET/2/det senate//NOUN/7/nsubj of//ADP/4/case France//PROPN/2/nmod on//ADP/6/case Tuesday//PROPN/2/nmod:tmod attacked/attack/VERB/0/root Russia//PROPN/7/obj ,//PUNCT/11/punct which//PRON/11/nsubj denied/deny/VERB/8/acl:relcl",
			"FRALEG>RUS 190 [The senate of France|Russia]"},
		{"phrase spans stop at an event noun", Options{PhraseSpans: true},
			"France//PROPN/2/nsubj launched/launch/VERB/0/root an//DET/4/det attack//NOUN/2/obj on//ADP/6/case Ukraine//PROPN/4/nmod",
			"FRA>UKR 190 [France|Ukraine]"},
		{"phrase spans: a source is its own member, a target the list", Options{PhraseSpans: true},
			"France//PROPN/4/nsubj and//CCONJ/3/cc Russia//PROPN/1/conj attacked/attack/VERB/0/root Ukraine//PROPN/4/obj and//CCONJ/7/cc Azerbaijan//PROPN/5/conj",
			"FRA>UKR 190 [France|Ukraine and Azerbaijan], FRA>AZE 190 [France|Ukraine and Azerbaijan], RUS>UKR 190 [Russia|Ukraine and Azerbaijan], RUS>AZE 190 [Russia|Ukraine and Azerbaijan]"},
		{"phrase spans: a pronoun stands for its antecedent in the sentence", Options{PhraseSpans: true},
			"Russia//PROPN/2/nsubj said/say/VERB/0/root it//PRON/4/nsubj attacked/attack/VERB/2/ccomp Ukraine//PROPN/4/obj",
			"RUS>UKR 190 [Russia|Ukraine]"},
		{"default spans: the pronoun itself", Options{},
			"Russia//PROPN/2/nsubj said/say/VERB/0/root it//PRON/4/nsubj attacked/attack/VERB/2/ccomp Ukraine//PROPN/4/obj",
			"RUS>UKR 190 [it|Ukraine]"},
		{"phrase spans: members acting on each other keep their own words", Options{PhraseSpans: true},
			"France//PROPN/4/nsubj and//CCONJ/3/cc Russia//PROPN/1/conj met/meet/VERB/0/root",
			"FRA>RUS 040 [France|Russia], RUS>FRA 040 [Russia|France]"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			c, err := New(set, tc.opt)
			if err != nil {
				t.Fatal(err)
			}
			s := tree(tc.tree)
			evs, tr := c.Explain(Doc{}, &s)
			var got []string
			for _, e := range evs {
				got = append(got, fmt.Sprintf("%s>%s %s [%s|%s]", e.Source, e.Target, e.Code, e.SourceSpan.Text, e.TargetSpan.Text))
			}
			if g := strings.Join(got, ", "); g != tc.want {
				t.Errorf("got  %s\nwant %s\n%s", g, tc.want, tr)
			}
		})
	}
}

// TestNounEventSource checks who a noun event's source is when only the
// verb whose object it is names one: the subject of a light verb, not of a
// verb about the act.
func TestNounEventSource(t *testing.T) {
	const d = `@actors
France = FRA
Ukraine = UKR
@verbs
launch: -
condemn: 111
send: -
    obj=experts xcomp=investigate = 090
attack(n): 190
`
	set, err := native.Read(strings.NewReader(d), "nouns.ewd")
	if err != nil {
		t.Fatal(err)
	}
	set.Build()
	c, err := New(set, Options{})
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct{ name, tree, want string }{
		{"light verb: its subject made the attacks",
			"France//PROPN/2/nsubj launched/launch/VERB/0/root attacks/attack/NOUN/2/obj on//ADP/5/case Ukraine//PROPN/3/nmod",
			"FRA>UKR 190"},
		{"a verb about the act: no attack by France; a condemned act of force targets its doer, here unnamed, not its victims",
			"France//PROPN/2/nsubj condemned/condemn/VERB/0/root attacks/attack/NOUN/2/obj on//ADP/5/case Ukraine//PROPN/3/nmod",
			""},
		{"purpose clause taken by another verb's pattern: no attack by France",
			"France//PROPN/2/nsubj sent/send/VERB/0/root experts/expert/NOUN/2/obj to//PART/5/mark investigate//VERB/2/xcomp attacks/attack/NOUN/5/obj on//ADP/8/case Ukraine//PROPN/6/nmod",
			"FRA>UKR 090"},
	} {
		s := tree(tc.tree)
		evs, tr := c.Explain(Doc{}, &s)
		var got []string
		for _, e := range evs {
			got = append(got, fmt.Sprintf("%s>%s %s", e.Source, e.Target, e.Code))
		}
		if g := strings.Join(got, ", "); g != tc.want {
			t.Errorf("%s: got %s, want %s\n%s", tc.name, g, tc.want, tr)
		}
	}
}
