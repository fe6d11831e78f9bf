package nlp

import (
	"bytes"
	"errors"
	"io"
	"strings"
	"testing"
)

const v1Sentence = `# sent_id = s1
# text = Arnor's police arrested rebels in Gondor.
1-2	Arnor's	_	_	_	_	_	_	_	TokenRange=0:7
1	Arnor	Arnor	PROPN	NNP	Number=Sing	3	nmod:poss	_	_
2	's	's	PART	POS	_	1	case	_	_
3	police	police	NOUN	NN	Number=Sing	4	nsubj	_	TokenRange=8:14
4	arrested	arrest	VERB	VBD	Mood=Ind|Tense=Past|VerbForm=Fin	0	root	_	TokenRange=15:23
5	rebels	rebel	NOUN	NNS	Number=Plur	4	dobj	_	TokenRange=24:30
6	in	in	ADP	IN	_	7	case	_	TokenRange=31:33
7	Gondor	Gondor	PROPN	NNP	Number=Sing	4	nmod	_	SpaceAfter=No|TokenRange=34:40
8	.	.	PUNCT	.	_	4	punct	_	TokenRange=40:41

`

func TestConlluReadV1ToV2(t *testing.T) {
	r := NewConlluReader(strings.NewReader(v1Sentence), "v1.conllu")
	s, err := r.Next()
	if err != nil {
		t.Fatal(err)
	}
	if s.ID != "s1" || s.Text != "Arnor's police arrested rebels in Gondor." {
		t.Errorf("id/text = %q/%q", s.ID, s.Text)
	}
	want := []struct{ form, deprel string }{
		{"Arnor", "nmod:poss"}, {"'s", "case"}, {"police", "nsubj"}, {"arrested", "root"},
		{"rebels", "obj"}, {"in", "case"}, {"Gondor", "obl"}, {".", "punct"},
	}
	for i, w := range want {
		if s.Words[i].Form != w.form || s.Words[i].Deprel != w.deprel {
			t.Errorf("word %d = %s/%s, want %s/%s", i+1, s.Words[i].Form, s.Words[i].Deprel, w.form, w.deprel)
		}
	}
	if len(s.MultiWords) != 1 || s.MultiWords[0].Start != 0 || s.MultiWords[0].End != 7 {
		t.Errorf("multiword = %+v", s.MultiWords)
	}
	if g := s.Words[6]; g.Start != 34 || g.End != 40 || g.Misc != "SpaceAfter=No" {
		t.Errorf("Gondor offsets/misc = %d:%d %q", g.Start, g.End, g.Misc)
	}
	if v := s.Words[3].Feat("Tense"); v != "Past" {
		t.Errorf("Feat(Tense) = %q", v)
	}
	if v := s.Words[3].Feat("Mood"); v != "Ind" {
		t.Errorf("Feat(Mood) = %q", v)
	}
	if v := s.Words[3].Feat("Voice"); v != "" {
		t.Errorf("Feat(Voice) = %q", v)
	}
	if _, err := r.Next(); !errors.Is(err, io.EOF) {
		t.Errorf("second Next = %v, want EOF", err)
	}
}

func TestConlluRoundTrip(t *testing.T) {
	s, err := NewConlluReader(strings.NewReader(v1Sentence), "v1").Next()
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := WriteConllu(&buf, s); err != nil {
		t.Fatal(err)
	}
	s2, err := NewConlluReader(&buf, "out").Next()
	if err != nil {
		t.Fatalf("reading written sentence: %v\n%s", err, buf.String())
	}
	if len(s2.Words) != len(s.Words) || len(s2.MultiWords) != 1 {
		t.Fatalf("round trip changed sentence: %+v", s2)
	}
	for i := range s.Words {
		if s.Words[i] != s2.Words[i] {
			t.Errorf("word %d: %+v != %+v", i+1, s.Words[i], s2.Words[i])
		}
	}
}

func TestConlluErrors(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{"columns", "1\tA\tA\tX\n", "bad.conllu:1: word line does not have 10 tab-separated columns"},
		{"id", "x\tA\tA\tX\t_\t_\t0\troot\t_\t_\n", `bad.conllu:1: bad word id "x"`},
		{"head", "1\tA\tA\tX\t_\t_\tz\troot\t_\t_\n", `bad.conllu:1: bad head "z" for word 1`},
		{"head range", "1\tA\tA\tX\t_\t_\t5\troot\t_\t_\n\n", "bad.conllu:2: word 1 has head 5 outside the sentence"},
		{"order", "2\tA\tA\tX\t_\t_\t0\troot\t_\t_\n\n", "bad.conllu:2: word ids are not 1..1 in order"},
		{"mwt", "1-x\tA\t_\t_\t_\t_\t_\t_\t_\t_\n", `bad.conllu:1: bad multiword token id "1-x"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := NewConlluReader(strings.NewReader(tt.in), "bad.conllu").Next()
			if err == nil || err.Error() != tt.want {
				t.Errorf("error = %v, want %q", err, tt.want)
			}
		})
	}
}

func TestConlluRecoversAfterError(t *testing.T) {
	in := "1\tbroken\n2\tx\n\n" + v1Sentence
	r := NewConlluReader(strings.NewReader(in), "f")
	if _, err := r.Next(); err == nil {
		t.Fatal("want an error for the broken sentence")
	}
	s, err := r.Next()
	if err != nil || s.ID != "s1" {
		t.Fatalf("after error: %v, %+v", err, s)
	}
}

func FuzzConlluReader(f *testing.F) {
	f.Add(v1Sentence)
	f.Add("1\tA\tA\tX\t_\t_\t0\troot\t_\tTokenRange=3:1\n")
	f.Add("# text = x\n1-3\tabc\t_\t_\t_\t_\t_\t_\t_\t_\n1.1\te\t_\t_\t_\t_\t_\t_\t_\t_\n")
	f.Add("1\tA\tA\tX\t_\t_\t0\troot\t_\t" + strings.Repeat("x", 300) + "\n\n1\tB\tB\tX\t_\t_\t0\troot\t_\t_\n")
	f.Fuzz(func(t *testing.T, in string) {
		r := NewConlluReader(strings.NewReader(in), "fuzz")
		r.max = 256 // over-long lines too
		for i := 0; i < 1000; i++ {
			s, err := r.Next()
			if errors.Is(err, io.EOF) {
				return
			}
			if err != nil {
				continue
			}
			for j, w := range s.Words {
				if w.ID != j+1 || w.Head < 0 || w.Head > len(s.Words) {
					t.Fatalf("invalid word accepted: %+v", w)
				}
			}
			var buf bytes.Buffer
			if err := WriteConllu(&buf, s); err != nil {
				t.Fatal(err)
			}
		}
	})
}
