package timex

import (
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/eventwire/eventwire/internal/nlp"
	"github.com/eventwire/eventwire/internal/shareddata"
)

// readConllu reads the sentences of a CoNLL-U file whose sent_id is in ids
// (all of them when ids is nil).
func readConllu(t testing.TB, path string, ids map[string]bool) map[string]*nlp.Sentence {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	out := map[string]*nlp.Sentence{}
	r := nlp.NewConlluReader(f, filepath.Base(path))
	for {
		s, err := r.Next()
		if errors.Is(err, io.EOF) {
			return out
		}
		if err != nil {
			t.Fatal(err)
		}
		if ids == nil || ids[s.ID] {
			out[s.ID] = s
		}
	}
}

// wordID returns the id of the nth (1-based) word with the given form.
func wordID(s *nlp.Sentence, form string, nth int) int {
	for i := range s.Words {
		if s.Words[i].Form == form {
			nth--
			if nth == 0 {
				return s.Words[i].ID
			}
		}
	}
	return 0
}

type eventCase struct {
	id      string // sent_id, or the sentence text's first words for testdata sentences
	article string
	verb    string // the event word's form (first occurrence)
	from    string // expected interval; "" expects the article date (no expression), "?" skips the date
	to      string
	hist    bool
	hyp     bool
}

func checkEvent(t *testing.T, s *nlp.Sentence, c eventCase) {
	t.Helper()
	v := wordID(s, c.verb, 1)
	if v == 0 {
		t.Errorf("%s: no word %q", c.id, c.verb)
		return
	}
	art := mustDay(t, c.article)
	exprs := Find(s, art)
	if got := Hypothetical(s, v); got != c.hyp {
		t.Errorf("%s: Hypothetical(%s) = %v, want %v\n  %s", c.id, c.verb, got, c.hyp, s.Text)
	}
	if c.from == "?" {
		return
	}
	d := EventTime(s, v, exprs, art)
	from, to := c.from, c.to
	if from == "" {
		from, to = c.article, c.article
		if d.Expr != -1 {
			t.Errorf("%s: %s dated by %q, want no expression\n  %s", c.id, c.verb, exprs[d.Expr].Text, s.Text)
		}
	}
	if day(d.From) != from || day(d.To) != to || d.Historical != c.hist {
		t.Errorf("%s: EventTime(%s) = %s..%s historical %v, want %s..%s historical %v\n  %s\n  exprs %+v",
			c.id, c.verb, day(d.From), day(d.To), d.Historical, from, to, c.hist, s.Text, exprs)
	}
}

// TestEventsEWT dates events and flags hypothetical actions on gold UD trees
// of English Web Treebank sentences; the article date is the one in the
// document's id.
func TestEventsEWT(t *testing.T) {
	dir := shareddata.Dir(t, filepath.Join("ud", "en_ewt"))
	const (
		juan   = "weblog-juancole.com_juancole_"
		dak    = "weblog-blogspot.com_dakbangla_"
		rig    = "weblog-blogspot.com_rigorousintuition_"
		alain  = "weblog-blogspot.com_alaindewitt_20040929103700_ENG_20040929_103700-"
		ideas  = "newsgroup-groups.google.com_IdeaStockExchange_c6ea783ac3f043ba_ENG_20041120_243700-"
		india  = "newsgroup-groups.google.com_IndiaNewsWindow_1405662573fa84ed_ENG_20050831_110400-"
		fooled = "newsgroup-groups.google.com_FOOLED_7554c5ce34a5a49e_ENG_20051012_144800-"
	)
	cases := []eventCase{
		{juan + "20051126063000_ENG_20051126_063000-0013", "2005-11-26", "kidnapped", "2005-11-23", "2005-11-23", false, false},
		{dak + "20041119231111_ENG_20041119_231111-0024", "2004-11-19", "accepted", "1987-01-01", "1987-12-31", true, false},
		{dak + "20041119231111_ENG_20041119_231111-0028", "2004-11-19", "pull", "1989-01-01", "1989-12-31", true, false},
		{alain + "0040", "2004-09-29", "earned", "1969-01-01", "1970-12-31", true, false},
		{alain + "0057", "2004-09-29", "started", "1973-01-01", "1973-12-31", true, false},
		{alain + "0057", "2004-09-29", "leave", "?", "", false, true},
		{rig + "20050518101500_ENG_20050518_101500-0049", "2005-05-18", "threw", "2005-05-09", "2005-05-15", false, false},
		{rig + "20050518101500_ENG_20050518_101500-0002", "2005-05-18", "published", "2005-05-17", "2005-05-17", false, false},
		{rig + "20050518101500_ENG_20050518_101500-0064", "2005-05-18", "featured", "2005-05-17", "2005-05-17", false, false},
		{rig + "20060511134300_ENG_20060511_134300-0008", "2006-05-11", "feared", "2006-05-10", "2006-05-10", false, false},
		{rig + "20060511134300_ENG_20060511_134300-0008", "2006-05-11", "smuggled", "?", "", false, true},
		{rig + "20060511134300_ENG_20060511_134300-0013", "2006-05-11", "blasted", "2003-01-01", "2003-12-31", true, false},
		{rig + "20060511134300_ENG_20060511_134300-0013", "2006-05-11", "discovered", "", "", false, false},
		{rig + "20060511134300_ENG_20060511_134300-0236", "2006-05-11", "died", "2004-01-01", "2004-12-31", true, false},
		{dak + "20050311135387_ENG_20050311_135387-0144", "2005-03-11", "travel", "1998-01-01", "1998-12-31", true, false},
		{dak + "20050311135387_ENG_20050311_135387-0144", "2005-03-11", "attend", "1998-01-01", "1998-12-31", true, false},
		{dak + "20050311135387_ENG_20050311_135387-0061", "2005-03-11", "threatened", "", "", false, false},
		{dak + "20050311135387_ENG_20050311_135387-0061", "2005-03-11", "use", "?", "", false, true},
		{dak + "20050311135387_ENG_20050311_135387-0061", "2005-03-11", "released", "?", "", false, true},
		{juan + "20040708181175_ENG_20040708_181175-0033", "2004-07-08", "play", "2002-01-01", "2002-12-31", true, false},
		{juan + "20040708181175_ENG_20040708_181175-0019", "2004-07-08", "bring", "?", "", false, true},
		{ideas + "0012", "2004-11-20", "threatened", "2004-09-01", "2004-09-30", true, false},
		{ideas + "0012", "2004-11-20", "veto", "2004-09-01", "2004-09-30", true, true},
		{india + "0042", "2005-08-31", "urged", "?", "", false, false},
		{india + "0042", "2005-08-31", "spend", "?", "", false, true},
		{india + "0042", "2005-08-31", "assured", "?", "", false, false},
		{india + "0042", "2005-08-31", "overcome", "?", "", false, true},
		{fooled + "0020", "2005-10-12", "intends", "", "", false, false},
		{fooled + "0020", "2005-10-12", "develop", "?", "", false, true},
		{"email-enronsent05_02-0085", "2001-01-01", "called", "?", "", false, false},
		{"email-enronsent05_02-0085", "2001-01-01", "do", "?", "", false, true},
		{dak + "20041016151002_ENG_20041016_151002-0058", "2004-10-16", "stand", "?", "", false, true},
		{dak + "20041016151002_ENG_20041016_151002-0058", "2004-10-16", "urged", "?", "", false, false},
		{dak + "20041016151002_ENG_20041016_151002-0058", "2004-10-16", "refused", "?", "", false, false},
	}
	ids := map[string]bool{}
	for _, c := range cases {
		ids[c.id] = true
	}
	sents := map[string]*nlp.Sentence{}
	for _, f := range []string{"en_ewt-ud-train.conllu", "en_ewt-ud-dev.conllu", "en_ewt-ud-test.conllu"} {
		for id, s := range readConllu(t, filepath.Join(dir, f), ids) {
			sents[id] = s
		}
	}
	for _, c := range cases {
		s := sents[c.id]
		if s == nil {
			t.Errorf("sentence %s not in en_ewt", c.id)
			continue
		}
		checkEvent(t, s, c)
	}
}

func TestOptions(t *testing.T) {
	if err := (Options{Window: -time.Hour}).Validate(); err == nil || !strings.Contains(err.Error(), "Window") {
		t.Errorf("negative window: error %v, want one naming Window", err)
	}
	s := SplitWords("The talks collapsed in late February.")
	art := mustDay(t, "2023-03-08")
	exprs := Find(s, art)
	v := wordID(s, "collapsed", 1)
	if d := EventTime(s, v, exprs, art); d.Historical {
		t.Errorf("default window: late February is historical on 2023-03-08")
	}
	if d := (Options{Window: 7 * 24 * time.Hour}).EventTime(s, v, exprs, art); !d.Historical {
		t.Errorf("7-day window: late February is not historical on 2023-03-08")
	}
	if d := EventTime(s, 999, exprs, art); d.Expr != -1 || !d.From.Equal(art) {
		t.Errorf("unknown verb id: got %+v, want the article date", d)
	}
}

// TestEventsHandTrees dates events and flags hypothetical actions on the
// hand-made trees of testdata/events.conllu, whose comments hold the
// expectations.
func TestEventsHandTrees(t *testing.T) {
	sents := readConllu(t, filepath.Join("testdata", "events.conllu"), nil)
	if len(sents) < 10 {
		t.Fatalf("events.conllu: %d sentences", len(sents))
	}
	n := 0
	for id, s := range sents {
		var art string
		var events []string
		for _, c := range s.Comments {
			if v, ok := strings.CutPrefix(c, "article = "); ok {
				art = v
			}
			if v, ok := strings.CutPrefix(c, "event = "); ok {
				events = append(events, v)
			}
		}
		for _, e := range events {
			f := strings.Fields(e)
			if len(f) != 5 {
				t.Fatalf("%s: bad event comment %q", id, e)
			}
			c := eventCase{id: id, article: art, verb: f[0], from: f[1], to: f[2], hist: f[3] == "1", hyp: f[4] == "1"}
			if c.from == "-" {
				c.from, c.to = "", ""
			}
			checkEvent(t, s, c)
			n++
		}
	}
	if n < 20 {
		t.Errorf("events.conllu: %d events checked, want at least 20", n)
	}
}

// FuzzEventTime checks that dating and the hypothetical check never panic
// or loop on any tree the CoNLL-U reader accepts, including cycles and
// heads outside the sentence.
func FuzzEventTime(f *testing.F) {
	data, err := os.ReadFile(filepath.Join("testdata", "events.conllu"))
	if err != nil {
		f.Fatal(err)
	}
	for _, block := range strings.Split(string(data), "\n\n")[:4] {
		f.Add(block + "\n")
	}
	f.Add("1\tOn\ton\tADP\tIN\t_\t2\tcase\t_\t_\n2\tMonday\tMonday\tPROPN\tNNP\t_\t3\tobl\t_\t_\n3\tleft\tleave\tVERB\tVBD\t_\t2\tconj\t_\t_\n")
	art := time.Date(2022, 11, 20, 0, 0, 0, 0, time.UTC)
	f.Fuzz(func(t *testing.T, in string) {
		r := nlp.NewConlluReader(strings.NewReader(in), "fuzz")
		var fd Finder
		for range 20 {
			s, err := r.Next()
			if errors.Is(err, io.EOF) {
				return
			}
			if err != nil || s == nil {
				continue
			}
			exprs := fd.Find(s, art, nil)
			for i := range s.Words {
				d := EventTime(s, s.Words[i].ID, exprs, art)
				if d.Expr >= len(exprs) || d.To.Before(d.From) {
					t.Fatalf("EventTime = %+v with %d expressions", d, len(exprs))
				}
				Hypothetical(s, s.Words[i].ID)
			}
		}
	})
}
