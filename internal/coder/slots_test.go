package coder

import (
	"fmt"
	"strconv"
	"strings"
	"testing"

	"github.com/eventwire/eventwire/internal/dict/native"
	"github.com/eventwire/eventwire/internal/nlp"
)

const slotDict = `@actors
France = FRA
Ukraine = UKR
Russia = RUS
Azerbaijan = AZE
@agents
senate = ~LEG
@synsets
&aid = aid | food | medicine
@verbs
hold: -
    obj=talks(nmod:with=$T) = 046
    obj=talks = 040
urge: 020
    xcomp=release = 0253
    xcomp=release obj=$T = 0253
attack: 190
    obl:with=missiles = 195
accuse: 112
    obl:of=espionage = 1125
provide: -
    obj=&aid = 073
accept: - neg=120
    obj=peacekeepers = 0861 neg=1245
meet: 040 neg=-
pull: -
    prt=back = 087
seize: 171
    pass obl:agent=$S nsubj:pass=$T = 1711
attack(n): 190
genocide(n): 202
resolution(n): -
    amod=$T = 111
say: 010
    nsubj=$S ccomp=full(nsubj=$T obl:of=action(amod=inhuman)) = 111
`

// word is "FORM/LEMMA/UPOS/HEAD/DEPREL" (LEMMA "" = form lower-cased).
func tree(spec string) nlp.Sentence {
	var s nlp.Sentence
	for i, f := range strings.Fields(spec) {
		p := strings.Split(f, "/")
		h, _ := strconv.Atoi(p[3])
		lemma := p[1]
		if lemma == "" {
			lemma = strings.ToLower(p[0])
		}
		s.Words = append(s.Words, nlp.Word{ID: i + 1, Form: p[0], Lemma: lemma, UPOS: p[2], Head: h, Deprel: p[4], Start: -1, End: -1})
	}
	return s
}

func TestSlotPatterns(t *testing.T) {
	set, err := native.Read(strings.NewReader(slotDict), "slots.ewd")
	if err != nil {
		t.Fatal(err)
	}
	set.Build()
	c, err := New(set, Options{})
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name, tree string
		want       string // "SRC>TGT CODE" events joined by ", "
	}{
		{"most slots wins, nested $T",
			"France//PROPN/2/nsubj held/hold/VERB/0/root talks/talk/NOUN/2/obj with//ADP/5/case Ukraine//PROPN/3/nmod",
			"FRA>UKR 046"},
		{"xcomp slot, object control",
			"France//PROPN/2/nsubj urged/urge/VERB/0/root Ukraine//PROPN/2/obj to//PART/5/mark release/release/VERB/2/xcomp prisoners/prisoner/NOUN/5/obj",
			"FRA>UKR 0253"},
		{"infinitive parsed as advcl matches xcomp",
			"France//PROPN/2/nsubj urged/urge/VERB/0/root Ukraine//PROPN/2/obj to//PART/5/mark release/release/VERB/2/advcl prisoners/prisoner/NOUN/5/obj",
			"FRA>UKR 0253"},
		{"header code when no pattern matches",
			"France//PROPN/2/nsubj attacked/attack/VERB/0/root Ukraine//PROPN/2/obj",
			"FRA>UKR 190"},
		{"obl:with word",
			"France//PROPN/2/nsubj attacked/attack/VERB/0/root Ukraine//PROPN/2/obj with//ADP/5/case missiles/missile/NOUN/2/obl",
			"FRA>UKR 195"},
		{"obl slot under the object (PP attachment)",
			"France//PROPN/2/nsubj accused/accuse/VERB/0/root Ukraine//PROPN/2/obj of//ADP/5/case espionage//NOUN/3/nmod",
			"FRA>UKR 1125"},
		{"synset word",
			"France//PROPN/2/nsubj provided/provide/VERB/0/root food//NOUN/2/obj to//ADP/5/case Ukraine//PROPN/2/obl",
			"FRA>UKR 073"},
		{"null header, no pattern: nothing",
			"France//PROPN/2/nsubj provided/provide/VERB/0/root weapons/weapon/NOUN/2/obj to//ADP/5/case Ukraine//PROPN/2/obl",
			""},
		{"pattern neg code",
			"France//PROPN/4/nsubj will//AUX/4/aux not//PART/4/advmod accept//VERB/0/root peacekeepers/peacekeeper/NOUN/4/obj from//ADP/7/case Ukraine//PROPN/4/obl",
			"FRA>UKR 1245"},
		{"header neg code on a null verb",
			"France//PROPN/4/nsubj will//AUX/4/aux not//PART/4/advmod accept//VERB/0/root refugees/refugee/NOUN/4/obj from//ADP/7/case Ukraine//PROPN/4/obl",
			"FRA>UKR 120"},
		{"neg=- drops",
			"France//PROPN/4/nsubj did/do/AUX/4/aux not//PART/4/advmod meet//VERB/0/root Ukraine//PROPN/4/obj",
			""},
		{"particle tagged as adverb",
			"France//PROPN/2/nsubj pulled/pull/VERB/0/root back//ADV/2/advmod from//ADP/5/case Ukraine//PROPN/2/obl",
			"FRA>UKR 087"},
		{"mislemmatized form through its stem",
			"France//PROPN/2/nsubj attacked/attacked/VERB/0/root Ukraine//PROPN/2/obj",
			"FRA>UKR 190"},
		{"noun event: possessor and on-phrase",
			"Russia//PROPN/3/nmod:poss 's//PART/1/case attack/attack/NOUN/0/root on//ADP/5/case Ukraine//PROPN/3/nmod",
			"RUS>UKR 190"},
		{"noun event: participle by-phrase and anti-X target",
			"The//DET/3/det anti-Azerbaijan//ADJ/3/amod resolution//NOUN/0/root adopted/adopt/VERB/3/acl by//ADP/7/case the//DET/7/det Senate//PROPN/4/obl:agent of//ADP/9/case France//PROPN/7/nmod",
			"FRALEG>AZE 111"},
		{"noun event: the participle of the noun it complements",
			"acts/act/NOUN/0/root of//ADP/3/case genocide//NOUN/1/nmod committed/commit/VERB/1/acl by//ADP/6/case France//PROPN/4/obl:agent in//ADP/8/case Ukraine//PROPN/4/obl",
			"FRA>UKR 202"},
		{"pass keyword and role slots",
			"Ukraine//PROPN/3/nsubj:pass was/be/AUX/3/aux:pass seized/seize/VERB/0/root by//ADP/5/case Russia//PROPN/3/obl:agent",
			"RUS>UKR 1711"},
		{"active voice: the pass pattern does not match",
			"Russia//PROPN/2/nsubj seized/seize/VERB/0/root Ukraine//PROPN/2/obj",
			"RUS>UKR 171"},
		{"adjective made the head of its noun's of-phrase (repair): the noun takes it and its coordinated adjectives",
			"France//PROPN/2/nsubj said/say/VERB/0/root the//DET/4/det history//NOUN/8/nsubj of//ADP/6/case Ukraine//PROPN/4/nmod is/be/AUX/8/cop full//ADJ/2/ccomp of//ADP/11/case such//ADJ/11/amod cruel//ADJ/8/obl and//CCONJ/13/cc inhuman//ADJ/11/conj actions/action/NOUN/8/obl",
			"FRA>UKR 111"},
		{"no repair when the noun has its own preposition",
			"France//PROPN/2/nsubj said/say/VERB/0/root the//DET/4/det history//NOUN/8/nsubj of//ADP/6/case Ukraine//PROPN/4/nmod is/be/AUX/8/cop full//ADJ/2/ccomp of//ADP/11/case such//ADJ/11/amod cruel//ADJ/8/obl and//CCONJ/13/cc inhuman//ADJ/11/conj of//ADP/15/case actions/action/NOUN/8/obl",
			""}, // no 111; the plain statement about Ukraine is no event either (content.go)
		{"noun event without a source: nothing",
			"The//DET/2/det attack/attack/NOUN/0/root on//ADP/4/case Ukraine//PROPN/2/nmod",
			""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			s := tree(tc.tree)
			evs, tr := c.Explain(Doc{}, &s)
			var got []string
			for _, e := range evs {
				got = append(got, fmt.Sprintf("%s>%s %s", e.Source, e.Target, e.Code))
			}
			if g := strings.Join(got, ", "); g != tc.want {
				t.Errorf("got %q, want %q\n%s", g, tc.want, traceText(tr))
			}
		})
	}
}

func traceText(tr *Trace) string {
	var b strings.Builder
	for _, st := range tr.Steps {
		b.WriteString(st.Msg)
		b.WriteByte('\n')
	}
	return b.String()
}
