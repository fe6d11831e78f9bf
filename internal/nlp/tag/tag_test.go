package tag

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/eventwire/eventwire/internal/nlp"
	"github.com/eventwire/eventwire/internal/shareddata"
)

func readEWT(t testing.TB, part string) []*nlp.Sentence {
	name := filepath.Join(shareddata.Dir(t, "ud", "en_ewt"), "en_ewt-ud-"+part+".conllu")
	f, err := os.Open(name)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	sents, err := ReadTreebank(f, name)
	if err != nil {
		t.Fatal(err)
	}
	return sents
}

func embeddedModel(t testing.TB) *Model {
	m, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	return m
}

// TestDevAccuracy is the accuracy floor of the embedded model on the EWT dev
// set with gold tokenization.
func TestDevAccuracy(t *testing.T) {
	dev := readEWT(t, "dev")
	sc := Evaluate(embeddedModel(t), dev)
	t.Logf("dev: %s", sc)
	if sc.Words != 25147 {
		t.Errorf("dev has %d words, want 25,147", sc.Words)
	}
	floors := []struct {
		name       string
		got, floor float64
	}{
		{"UPOS", sc.UPOSAcc(), 95.2},
		{"XPOS", sc.XPOSAcc(), 94.5},
		{"UFeats", sc.UFeatsAcc(), 95.2},
		{"Lemma", sc.LemmaAcc(), 96.9},
	}
	for _, f := range floors {
		if f.got < f.floor {
			t.Errorf("dev %s %.2f below the floor %.2f", f.name, f.got, f.floor)
		}
	}
}

func sentence(forms ...string) *nlp.Sentence {
	s := &nlp.Sentence{}
	for i, f := range forms {
		s.Words = append(s.Words, nlp.Word{ID: i + 1, Form: f, Start: -1, End: -1})
	}
	return s
}

// TestTagExamples checks the embedded model on a few plain sentences.
func TestTagExamples(t *testing.T) {
	m := embeddedModel(t)
	if len(m.classes) == 0 {
		t.Skip("no embedded model")
	}
	tg := m.NewTagger()
	tests := []struct {
		text string
		want string // per word: UPOS/XPOS/lemma
	}{
		{"The protesters were arrested by soldiers .",
			"DET/DT/the NOUN/NNS/protester AUX/VBD/be VERB/VBN/arrest ADP/IN/by NOUN/NNS/soldier PUNCT/./."},
		{"Russia accused Ukraine of shelling the city",
			"PROPN/NNP/Russia VERB/VBD/accuse PROPN/NNP/Ukraine SCONJ/IN/of VERB/VBG/shell DET/DT/the NOUN/NN/city"},
		{"She has n't seen them",
			"PRON/PRP/she AUX/VBZ/have PART/RB/not VERB/VBN/see PRON/PRP/they"},
	}
	for _, tc := range tests {
		s := sentence(strings.Fields(tc.text)...)
		tg.Tag(s)
		var got []string
		for _, w := range s.Words {
			got = append(got, w.UPOS+"/"+w.XPOS+"/"+w.Lemma)
		}
		if g := strings.Join(got, " "); g != tc.want {
			t.Errorf("%q:\n got %s\nwant %s", tc.text, g, tc.want)
		}
	}
	s := sentence("He", "was", "killed")
	tg.Tag(s)
	if f := s.Words[2].Feats; f != "Tense=Past|VerbForm=Part|Voice=Pass" {
		t.Errorf("feats of killed in %q = %q", "He was killed", f)
	}
}

func TestTagAllocations(t *testing.T) {
	m := embeddedModel(t)
	tg := m.NewTagger()
	s := sentence(strings.Fields("The United Nations said on Tuesday that 40 people were killed in clashes near the border .")...)
	tg.Tag(s)
	allocs := testing.AllocsPerRun(50, func() { tg.Tag(s) })
	// at most one string for the lemmas the rules make for the sentence
	if allocs > 1 {
		t.Errorf("Tag made %.0f allocations per sentence, want at most 1", allocs)
	}
}

func TestTagEdgeCases(t *testing.T) {
	tg := embeddedModel(t).NewTagger()
	for _, forms := range [][]string{
		{},
		{""},
		{"\xff\xfe", "Ünïcödé", "ΑΘΗΝΑ", "x"},
		{strings.Repeat("a", 300)},
	} {
		s := sentence(forms...)
		tg.Tag(s)
		for _, w := range s.Words {
			if w.Form != "" && (w.UPOS == "" || w.XPOS == "") {
				t.Errorf("%q: word %q left without tags", forms, w.Form)
			}
		}
	}
}

func TestLemmaRules(t *testing.T) {
	tests := []struct {
		form, lemma string
		want        lemmaRule
	}{
		{"dogs", "dog", lemmaRule{strip: 1}},
		{"studies", "study", lemmaRule{strip: 3, add: "y"}},
		{"The", "the", lemmaRule{lower: true}},
		{"Obama", "Obama", lemmaRule{}},
		{"Dogs", "dog", lemmaRule{lower: true, strip: 1}},
		{"was", "be", lemmaRule{strip: 3, add: "be"}},
		{"n't", "not", lemmaRule{strip: 2, add: "ot"}},
		{"Städte", "stadt", lemmaRule{lower: true, strip: 5, add: "adt"}},
	}
	for _, tc := range tests {
		r := ruleFor(tc.form, tc.lemma)
		if r != tc.want {
			t.Errorf("ruleFor(%q, %q) = %+v, want %+v", tc.form, tc.lemma, r, tc.want)
		}
		got, ok := r.apply(nil, tc.form)
		if !ok && tc.lemma != tc.form || ok && string(got) != tc.lemma {
			t.Errorf("%+v.apply(%q) = %q, %v; want %q", r, tc.form, got, ok, tc.lemma)
		}
	}
	// rules that do not fit a form
	for _, tc := range []struct {
		r    lemmaRule
		form string
	}{
		{lemmaRule{strip: 5}, "cat"},
		{lemmaRule{strip: 1}, "é"}, // would cut the character
		{lemmaRule{strip: 3}, "cat"},
	} {
		if got, ok := tc.r.apply(nil, tc.form); ok {
			t.Errorf("%+v.apply(%q) = %q, want no lemma", tc.r, tc.form, got)
		}
	}
}

func TestLemmaOfLowerForm(t *testing.T) {
	tests := []struct {
		r         lemmaRule
		low, want string
		ok        bool
	}{
		{lemmaRule{strip: 3, add: "y"}, "studies", "study", true},
		{lemmaRule{strip: 3, add: "be"}, "was", "be", true},
		{lemmaRule{}, "cat", "cat", true},
		{lemmaRule{strip: 4}, "cat", "", false},
		{lemmaRule{strip: 3}, "cat", "", false},  // nothing left
		{lemmaRule{strip: 1}, "café", "", false}, // would cut é in two
	}
	for _, tc := range tests {
		got, ok := tc.r.applyLow(nil, []byte(tc.low))
		if ok != tc.ok || string(got) != tc.want {
			t.Errorf("%+v.applyLow(%q) = %q, %v; want %q, %v", tc.r, tc.low, got, ok, tc.want, tc.ok)
		}
	}
	cases := []struct {
		form, lem, want string
	}{
		{"Studies", "study", "Study"},
		{"STUDIES", "study", "STUDY"},
		{"Was", "be", "be"},
		{"McDonalds", "mcdonald", "McDonald"},
		{"ÉTÉS", "été", "ÉTÉ"},
		{"İS", "i", "i"}, // lower-casing changed the length: left alone
	}
	for _, tc := range cases {
		lem := []byte(tc.lem)
		restoreCase(lem, tc.form, appendLower(nil, tc.form), caseOf(tc.form))
		if string(lem) != tc.want {
			t.Errorf("restoreCase(%q, %q) = %q, want %q", tc.lem, tc.form, lem, tc.want)
		}
	}
}

// TestLemmaCase checks the learned case rules of the embedded model: common
// nouns at the start of a sentence are lower-cased, proper nouns keep case.
func TestLemmaCase(t *testing.T) {
	m := embeddedModel(t)
	tg := m.NewTagger()
	s := sentence("Protesters", "met", "Obama", "in", "Chicago", "and", "NATO", "officials", "welcomed", "them")
	tg.Tag(s)
	want := []string{"protester", "meet", "Obama", "in", "Chicago", "and", "NATO", "official", "welcome", "they"}
	for i, w := range s.Words {
		if w.Lemma != want[i] {
			t.Errorf("lemma of %q (%s) = %q, want %q", w.Form, w.XPOS, w.Lemma, want[i])
		}
	}
}

func TestSuffixKey(t *testing.T) {
	tests := []struct {
		low  string
		k    int
		want string
		ok   bool
	}{
		{"walked", 2, "\x07\x00\x00ed", true},
		{"walked", 0, "\x07\x00\x00", true},
		{"walked", 6, "\x07\x00\x00walked", true},
		{"walked", 7, "", false},
		{"café", 1, "\x07\x00\x00é", true},
	}
	for _, tc := range tests {
		got, ok := suffixKey(nil, 7, caseLower, []byte(tc.low), tc.k)
		if ok != tc.ok || ok && string(got) != tc.want {
			t.Errorf("suffixKey(%q, %d) = %q, %v; want %q, %v", tc.low, tc.k, got, ok, tc.want, tc.ok)
		}
	}
}

func TestCaseOf(t *testing.T) {
	tests := []struct {
		s    string
		want uint8
	}{
		{"dog", caseLower}, {"Dog", caseTitle}, {"DOG", caseUpper}, {"iPhone", caseMixed},
		{"A", caseTitle}, {"42", caseLower}, {"U.S.", caseUpper}, {"McDonald", caseTitle}, {"ÉTÉ", caseUpper},
	}
	for _, tc := range tests {
		if got := caseOf(tc.s); got != tc.want {
			t.Errorf("caseOf(%q) = %d, want %d", tc.s, got, tc.want)
		}
	}
}

// TestFeatures checks the feature extraction: the same word in the same
// context gives the same keys, and keys tell words, positions and tags apart.
func TestFeatures(t *testing.T) {
	prep := func(forms ...string) []tokenInfo {
		tg := (&Model{}).NewTagger()
		tg.prepare(sentence(forms...))
		return append([]tokenInfo(nil), tg.toks...)
	}
	a := prep("the", "old", "man")
	b := prep("The", "old", "man")
	cls := []int{3, 4, 5}
	fa := tagFeatures(nil, a, cls, 1)
	fb := tagFeatures(nil, b, cls, 1)
	if len(fa) != tLenCaps {
		t.Errorf("%d tagger features, want one per template (%d)", len(fa), tLenCaps)
	}
	// "The" and "the" differ only in the previous word's shape and flags
	diff := 0
	for i := range fa {
		if fa[i] != fb[i] {
			diff++
		}
	}
	if diff != 1 {
		t.Errorf("lower-casing the previous word changed %d features, want 1 (previous shape)", diff)
	}
	// another previous tag changes the tag features only
	fc := tagFeatures(nil, a, []int{9, 4, 5}, 1)
	diff = 0
	for i := range fa {
		if fa[i] != fc[i] {
			diff++
		}
	}
	if diff != 5 {
		t.Errorf("changing the previous tag changed %d features, want 5", diff)
	}
	seen := map[uint32]int{}
	for i, k := range fa {
		if k == 0 {
			t.Errorf("feature %d has key 0", i)
		}
		if j, dup := seen[k]; dup {
			t.Errorf("features %d and %d share key %x", j, i, k)
		}
		seen[k] = i
	}
	// flags
	toks := prep("Hello", "U.S.", "well-known", "42", "http://x.org/a", ",")
	for i, want := range []uint64{
		flagInitUpper | flagUpper | flagFirst,
		flagInitUpper | flagUpper | flagAllUpper,
		flagHyphen,
		flagDigit | flagAllDigit,
		flagURL | flagLong,
		flagPunct,
	} {
		if got := toks[i].flags - 1; got != want {
			t.Errorf("flags of word %d = %b, want %b", i, got, want)
		}
	}
	if toks[0].shape == toks[1].shape || prep("Dog")[0].shape != prep("Cat")[0].shape {
		t.Error("shapes do not tell Hello from U.S. or equate Dog and Cat")
	}
}

// TestTrainDeterministic trains twice on a slice of EWT and compares the
// saved bytes; it also checks that Save, Load and Save again round-trip.
func TestTrainDeterministic(t *testing.T) {
	train := readEWT(t, "train")[:400]
	var out [2][]byte
	for i := range out {
		m, err := Train(train, TrainOptions{Epochs: 2, FeatsEpochs: 2})
		if err != nil {
			t.Fatal(err)
		}
		var buf bytes.Buffer
		if err := m.Save(&buf); err != nil {
			t.Fatal(err)
		}
		out[i] = buf.Bytes()
	}
	if !bytes.Equal(out[0], out[1]) {
		t.Fatal("two trainings on the same data gave different models")
	}
	m, err := Load(bytes.NewReader(out[0]))
	if err != nil {
		t.Fatal(err)
	}
	var again bytes.Buffer
	if err := m.Save(&again); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(out[0], again.Bytes()) {
		t.Error("Save(Load(model)) differs from the model")
	}
	// the small model learned something
	sc := Evaluate(m, train[:100])
	if sc.UPOSAcc() < 80 || sc.LemmaAcc() < 90 {
		t.Errorf("small model on its own training data: %s", sc)
	}
}

// TestConcurrentTaggers tags with one shared Model and a Tagger per
// goroutine; run with -race.
func TestConcurrentTaggers(t *testing.T) {
	m := embeddedModel(t)
	texts := []string{
		"The protesters were arrested by soldiers .",
		"Russia accused Ukraine of shelling the city",
		"She has n't seen them",
	}
	want := make([]string, len(texts))
	for i, text := range texts {
		s := sentence(strings.Fields(text)...)
		m.NewTagger().Tag(s)
		for _, w := range s.Words {
			want[i] += w.XPOS + "/" + w.Lemma + "/" + w.Feats + " "
		}
	}
	errs := make(chan string, 4)
	for g := 0; g < 4; g++ {
		go func() {
			tg := m.NewTagger()
			for n := 0; n < 50; n++ {
				i := (g + n) % len(texts)
				s := sentence(strings.Fields(texts[i])...)
				tg.Tag(s)
				got := ""
				for _, w := range s.Words {
					got += w.XPOS + "/" + w.Lemma + "/" + w.Feats + " "
				}
				if got != want[i] {
					errs <- fmt.Sprintf("goroutine %d: %q tagged %q, want %q", g, texts[i], got, want[i])
					return
				}
			}
			errs <- ""
		}()
	}
	for g := 0; g < 4; g++ {
		if e := <-errs; e != "" {
			t.Error(e)
		}
	}
}

// TestLowRulePrefersKnownLemmas checks that a shorter suffix's rule wins
// when only it gives a lemma seen in training.
func TestLowRulePrefersKnownLemmas(t *testing.T) {
	key := func(suf string) string {
		k, _ := suffixKey(nil, 0, caseLower, []byte(suf), len([]rune(suf)))
		return string(k)
	}
	m := &Model{
		rules:  []lemmaRule{{strip: 3}, {strip: 4}},
		suffix: map[string]uint16{key("ttest"): 0, key("est"): 1},
	}
	tests := []struct {
		lemmas []string
		want   string
	}{
		{[]string{"hot"}, "hot"},
		{[]string{"hott"}, "hott"},
		{[]string{"cold"}, "hott"}, // none known: the longest suffix's rule
		{nil, "hott"},
	}
	for _, tc := range tests {
		m.lemmas = map[string]struct{}{}
		for _, l := range tc.lemmas {
			m.lemmas[l] = struct{}{}
		}
		tg := &Tagger{m: m}
		b, _ := tg.lowRule(nil, []byte("hottest"), 0)
		if got := string(b); got != tc.want {
			t.Errorf("known lemmas %q: lemma of hottest = %q, want %q", tc.lemmas, got, tc.want)
		}
	}
}

// TestTypographicPunct checks that curly quotes and dashes get the word
// features of the treebank's ASCII spellings.
func TestTypographicPunct(t *testing.T) {
	prep := func(form string) tokenInfo {
		tg := (&Model{}).NewTagger()
		tg.prepare(sentence(form))
		return tg.toks[0]
	}
	for _, tc := range []struct{ typo, ascii string }{
		{"“", `"`}, {"”", `"`}, {"‘", "'"}, {"’s", "'s"}, {"don’t", "don't"}, {"—", "--"}, {"–", "--"},
	} {
		a, b := prep(tc.typo), prep(tc.ascii)
		if a.lower != b.lower || a.suf != b.suf || a.pre != b.pre {
			t.Errorf("%q and %q have different word features", tc.typo, tc.ascii)
		}
	}
	if prep("“").lower == prep("'").lower {
		t.Error("“ and ' share features")
	}
}

// TestFiniteVerb checks that a sentence tagged without a finite verb gets
// its first past-or-participle form after a nominal as the past tense, and
// that forms the words around make participles stay participles.
func TestFiniteVerb(t *testing.T) {
	m := embeddedModel(t)
	if len(m.classes) == 0 {
		t.Skip("no embedded model")
	}
	tg := m.NewTagger()
	for _, tc := range []struct {
		text string
		word int    // 0-based
		want string // its XPOS
	}{
		// a long subject read as a noun phrase with a reduced relative
		{"Soldiers loyal to the government attacked rebel positions near Aden .", 5, "VBD"},
		{"Thousands of Georgians rallied outside parliament in Tbilisi .", 3, "VBD"},
		// before "by", after a hyphen or an auxiliary: participles
		{"Israeli soldiers , backed by tanks , surrounded a house .", 3, "VBN"},
		{"A radio - controlled bomb exploded in the city .", 3, "VBN"},
		// a participle-only form stays one in a headline
		{"Three soldiers taken hostage in Mali", 2, "VBN"},
		// a finite verb already there: nothing changes
		{"The minister said troops backed by tanks were deployed .", 2, "VBD"},
		{"The minister said troops backed by tanks were deployed .", 4, "VBN"},
	} {
		s := sentence(strings.Fields(tc.text)...)
		tg.Tag(s)
		if got := s.Words[tc.word].XPOS; got != tc.want {
			t.Errorf("%q: %q tagged %s, want %s", tc.text, s.Words[tc.word].Form, got, tc.want)
		}
	}
}
