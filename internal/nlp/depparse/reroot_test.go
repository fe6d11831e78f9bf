package depparse

import (
	"strconv"
	"strings"
	"testing"

	"github.com/eventwire/eventwire/internal/nlp"
)

// tree builds a sentence from "form/UPOS/XPOS/head/deprel" fields.
func tree(t *testing.T, spec string) *nlp.Sentence {
	t.Helper()
	s := &nlp.Sentence{}
	for i, f := range strings.Fields(spec) {
		p := strings.Split(f, "/")
		if len(p) != 5 {
			t.Fatalf("bad word %q", f)
		}
		h, err := strconv.Atoi(p[3])
		if err != nil {
			t.Fatalf("bad head in %q", f)
		}
		s.Words = append(s.Words, nlp.Word{ID: i + 1, Form: p[0], Lemma: strings.ToLower(p[0]), UPOS: p[1], XPOS: p[2], Head: h, Deprel: p[4]})
	}
	return s
}

func TestReroot(t *testing.T) {
	for _, tc := range []struct {
		name, spec string
		want       string // heads and labels after reroot, "head:deprel" per word
	}{
		{"a country adjective opening the subject",
			"Syrian/ADJ/JJ/0/root Minister/PROPN/NNP/3/compound Otari/PROPN/NNP/4/nsubj denied/VERB/VBD/1/advcl it/PRON/PRP/4/obj ./PUNCT/./1/punct",
			"2:amod 3:compound 4:nsubj 0:root 4:obj 4:punct"},
		{"a subject read as the root of a relative clause",
			"The/DET/DT/2/det Organisation/PROPN/NNP/0/root recommends/VERB/VBZ/2/acl:relcl salt/NOUN/NN/3/obj ./PUNCT/./2/punct",
			"2:det 3:nsubj 0:root 3:obj 3:punct"},
		{"a fronted phrase of a preposition",
			"In/ADP/IN/2/case July/PROPN/NNP/0/root Japanese/PROPN/NNPS/4/nsubj occupied/VERB/VBD/2/parataxis camps/NOUN/NNS/4/obj",
			"2:case 4:obl 4:nsubj 0:root 4:obj"},
		{"a clause the noun phrase holds stays",
			"The/DET/DT/2/det time/NOUN/NN/0/root I/PRON/PRP/4/nsubj booked/VERB/VBD/2/acl:relcl",
			"2:det 0:root 4:nsubj 2:acl:relcl"},
		{"a comment after a comma stays",
			"Great/ADJ/JJ/2/amod store/NOUN/NN/0/root ,/PUNCT/,/5/punct highly/ADV/RB/5/advmod recommended/VERB/VBD/2/acl",
			"2:amod 0:root 5:punct 5:advmod 2:acl"},
		{"a copula makes the noun the root",
			"He/PRON/PRP/3/nsubj is/AUX/VBZ/3/cop president/NOUN/NN/0/root",
			"3:nsubj 3:cop 0:root"},
		{"a relative pronoun introduces a relative clause",
			"Homeopathy/NOUN/NN/0/root which/PRON/WDT/3/nsubj treats/VERB/VBZ/1/acl:relcl patients/NOUN/NNS/3/obj",
			"0:root 3:nsubj 1:acl:relcl 3:obj"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			s := tree(t, tc.spec)
			reroot(s)
			var got []string
			for _, w := range s.Words {
				got = append(got, strconv.Itoa(w.Head)+":"+w.Deprel)
			}
			if g := strings.Join(got, " "); g != tc.want {
				t.Errorf("got  %s\nwant %s", g, tc.want)
			}
		})
	}
}
