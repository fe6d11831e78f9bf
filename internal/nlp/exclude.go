package nlp

import (
	"bufio"
	"encoding/json"
	"fmt"
	"os"
	"strings"
	"unicode"
)

// MinSharedWords is the shortest sentence, in normalised words, that
// ExcludeDocuments takes as evidence that a treebank document holds an
// article: shorter ones ("Related news", a date line) recur across texts.
const MinSharedWords = 6

// ExcludedDoc is a treebank document left out of a training set because it
// shares sentences with a held-out article.
type ExcludedDoc struct {
	Doc       string // the document's "# newdoc id", or the sentence id of a sentence outside any document
	Sentences int    // its sentences, all dropped
	Shared    int    // how many of them occur in an article
	Article   string // the id of the first article one of them occurs in
}

// Article is the id and text of one held-out article.
type Article struct {
	ID   string `json:"id"`
	Text string `json:"text"`
}

// ReadArticles reads the id and text of every article of a JSON Lines file
// of articles (one object a line with "id" and "text", as
// `eventwire code --input jsonl` reads them). Blank lines are skipped.
func ReadArticles(path string) ([]Article, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("reading articles: %w", err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 0, 1<<16), 1<<26)
	var out []Article
	for line := 1; sc.Scan(); line++ {
		if strings.TrimSpace(sc.Text()) == "" {
			continue
		}
		var a Article
		if err := json.Unmarshal(sc.Bytes(), &a); err != nil {
			return nil, fmt.Errorf("article of %s:%d: %w", path, line, err)
		}
		if a.Text == "" {
			return nil, fmt.Errorf("article of %s:%d: no text", path, line)
		}
		out = append(out, a)
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("reading articles of %s: %w", path, err)
	}
	return out, nil
}

// NormalizeText lower-cases s and reduces it to its letters and digits, each
// run of anything else becoming one space, with none at either end:
// "He said: “No.”" and "he said no" normalise alike, so that a treebank
// sentence can be found in an article whatever its quotes, dashes and
// spacing.
func NormalizeText(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	space := false
	for _, r := range s {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			if space && b.Len() > 0 {
				b.WriteByte(' ')
			}
			space = false
			b.WriteRune(unicode.ToLower(r))
			continue
		}
		space = true
	}
	return b.String()
}

// ExcludeDocuments returns the sentences of sents outside every document
// that shares a sentence with one of the articles, and the documents it
// dropped, in treebank order. A document runs from a "# newdoc id" comment
// to the next one; a sentence before any such comment is a document of its
// own. A sentence is shared when its normalised text (NormalizeText of its
// "# text", or of its word forms when it has none), of at least
// MinSharedWords words, occurs word-aligned in an article's normalised
// text. The sentences themselves are not copied.
func ExcludeDocuments(sents []*Sentence, articles []Article) ([]*Sentence, []ExcludedDoc) {
	texts := make([]string, len(articles))
	for i, a := range articles {
		texts[i] = " " + NormalizeText(a.Text) + " "
	}
	// shared returns the id of an article holding s, or "".
	shared := func(s *Sentence) string {
		t := s.Text
		if t == "" {
			forms := make([]string, len(s.Words))
			for i := range s.Words {
				forms[i] = s.Words[i].Form
			}
			t = strings.Join(forms, " ")
		}
		n := NormalizeText(t)
		if strings.Count(n, " ")+1 < MinSharedWords {
			return ""
		}
		n = " " + n + " "
		for i, text := range texts {
			if strings.Contains(text, n) {
				return articles[i].ID
			}
		}
		return ""
	}
	var kept []*Sentence
	var dropped []ExcludedDoc
	for lo := 0; lo < len(sents); {
		hi := lo + 1
		doc, inDoc := newDoc(sents[lo])
		if inDoc {
			for hi < len(sents) {
				if _, ok := newDoc(sents[hi]); ok {
					break
				}
				hi++
			}
		} else {
			doc = sents[lo].ID
		}
		ex := ExcludedDoc{Doc: doc, Sentences: hi - lo}
		for _, s := range sents[lo:hi] {
			if id := shared(s); id != "" {
				if ex.Shared == 0 {
					ex.Article = id
				}
				ex.Shared++
			}
		}
		if ex.Shared > 0 {
			dropped = append(dropped, ex)
		} else {
			kept = append(kept, sents[lo:hi]...)
		}
		lo = hi
	}
	return kept, dropped
}

// newDoc returns the id of the document s opens ("# newdoc id = X"; "" for a
// bare "# newdoc") and whether it opens one.
func newDoc(s *Sentence) (string, bool) {
	for _, c := range s.Comments {
		if c == "newdoc" {
			return "", true
		}
		if rest, ok := strings.CutPrefix(c, "newdoc id"); ok {
			if v, ok := strings.CutPrefix(strings.TrimSpace(rest), "="); ok {
				return strings.TrimSpace(v), true
			}
		}
	}
	return "", false
}

// ExcludeArticleText reads the articles of the JSON Lines files (paths,
// comma-separated; "" reads none) and applies ExcludeDocuments to sents. It
// is the -exclude-text option of the tagger and parser trainers.
func ExcludeArticleText(sents []*Sentence, paths string) ([]*Sentence, []ExcludedDoc, error) {
	if paths == "" {
		return sents, nil, nil
	}
	var articles []Article
	for _, p := range strings.Split(paths, ",") {
		a, err := ReadArticles(p)
		if err != nil {
			return nil, nil, err
		}
		articles = append(articles, a...)
	}
	kept, dropped := ExcludeDocuments(sents, articles)
	return kept, dropped, nil
}
