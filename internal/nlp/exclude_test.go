package nlp

import (
	"errors"
	"io"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

func readTestTreebank(t *testing.T, path string) []*Sentence {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	r := NewConlluReader(f, path)
	var out []*Sentence
	for {
		s, err := r.Next()
		if errors.Is(err, io.EOF) {
			return out
		}
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, s)
	}
}

func TestExcludeArticleText(t *testing.T) {
	dir := filepath.Join("testdata", "exclude")
	a, b := filepath.Join(dir, "a.jsonl"), filepath.Join(dir, "b.jsonl")
	cases := []struct {
		name    string
		files   string
		kept    []string
		dropped []ExcludedDoc
	}{
		{"no files", "", []string{"loose-1", "kept-1", "kept-2", "held-1", "held-2", "short-1", "partial-1", "second-1"}, nil},
		{"one file", a, []string{"loose-1", "kept-1", "kept-2", "short-1", "partial-1", "second-1"},
			// held-1 matches through case, quotes and dashes; held-2 is
			// too short to count but goes with its document; "Related
			// news" is too short; kept-1 and partial-1 stop inside
			// a word of the article ("budgets", "budget").
			[]ExcludedDoc{{Doc: "news_held_out", Sentences: 2, Shared: 1, Article: "art-1"}}},
		{"two files", a + "," + b, []string{"loose-1", "kept-1", "kept-2", "short-1", "partial-1"},
			[]ExcludedDoc{
				{Doc: "news_held_out", Sentences: 2, Shared: 1, Article: "art-1"},
				{Doc: "news_second_file_match", Sentences: 1, Shared: 1, Article: "art-3"},
			}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			sents := readTestTreebank(t, filepath.Join(dir, "train.conllu"))
			kept, dropped, err := ExcludeArticleText(sents, c.files)
			if err != nil {
				t.Fatal(err)
			}
			var ids []string
			for _, s := range kept {
				ids = append(ids, s.ID)
			}
			if !reflect.DeepEqual(ids, c.kept) {
				t.Errorf("kept %v, want %v", ids, c.kept)
			}
			if !reflect.DeepEqual(dropped, c.dropped) {
				t.Errorf("dropped %+v, want %+v", dropped, c.dropped)
			}
		})
	}
}

func TestExcludeDocumentsWithoutText(t *testing.T) {
	// A sentence without "# text" is matched on its word forms; a loose
	// sentence (before any "# newdoc") is dropped alone.
	words := func(forms ...string) []Word {
		w := make([]Word, len(forms))
		for i, f := range forms {
			w[i] = Word{ID: i + 1, Form: f}
		}
		return w
	}
	sents := []*Sentence{
		{ID: "s1", Words: words("Police", "arrested", "three", "men", "on", "Sunday", ".")},
		{ID: "s2", Words: words("Police", "arrested", "four", "men", "on", "Sunday", ".")},
	}
	kept, dropped := ExcludeDocuments(sents, []Article{{ID: "x", Text: "Police arrested three men on Sunday, a spokesman said."}})
	if len(kept) != 1 || kept[0].ID != "s2" {
		t.Errorf("kept %v, want s2 only", kept)
	}
	want := []ExcludedDoc{{Doc: "s1", Sentences: 1, Shared: 1, Article: "x"}}
	if !reflect.DeepEqual(dropped, want) {
		t.Errorf("dropped %+v, want %+v", dropped, want)
	}
}

func TestReadArticlesErrors(t *testing.T) {
	dir := t.TempDir()
	cases := []struct{ name, body, want string }{
		{"bad json", "{\"id\": \"a\", \"text\": \"x\"}\n{oops\n", "b.jsonl:2"},
		{"no text", "\n{\"id\": \"a\"}\n", "b.jsonl:2: no text"},
	}
	for _, c := range cases {
		p := filepath.Join(dir, "b.jsonl")
		if err := os.WriteFile(p, []byte(c.body), 0o644); err != nil {
			t.Fatal(err)
		}
		if _, err := ReadArticles(p); err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: error %v, want one naming %q", c.name, err, c.want)
		}
	}
	if _, err := ReadArticles(filepath.Join(dir, "missing.jsonl")); err == nil {
		t.Error("a missing file read without error")
	}
}

func TestNormalizeText(t *testing.T) {
	cases := []struct{ in, want string }{
		{"He said: “No.”", "he said no"},
		{"  REBELS \"seized\" the town -- officials said. ", "rebels seized the town officials said"},
		{"Rebels “seized” the town — officials said.", "rebels seized the town officials said"},
		{"U.S.-led 3rd", "u s led 3rd"},
		{"...", ""},
		{"Straße Ünïcode", "straße ünïcode"},
	}
	for _, c := range cases {
		if got := NormalizeText(c.in); got != c.want {
			t.Errorf("NormalizeText(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

// FuzzNormalizeText checks that normalised text is a fixed point, has no
// space at either end nor two in a row, and is found in the normalised text
// of any text that contains the original between spaces.
func FuzzNormalizeText(f *testing.F) {
	for _, s := range []string{"He said: “No.”", "a  b", "", "İstanbul", "x\u00a0y", "\xff\xfe"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		n := NormalizeText(s)
		if NormalizeText(n) != n {
			t.Fatalf("NormalizeText(%q) = %q is not a fixed point", s, n)
		}
		if strings.HasPrefix(n, " ") || strings.HasSuffix(n, " ") || strings.Contains(n, "  ") {
			t.Fatalf("NormalizeText(%q) = %q has stray spaces", s, n)
		}
		if n == "" {
			return
		}
		outer := NormalizeText("before, " + s + " after")
		if !strings.Contains(" "+outer+" ", " "+n+" ") {
			t.Fatalf("%q not found in %q", n, outer)
		}
	})
}
