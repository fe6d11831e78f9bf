package dedup

import (
	"bufio"
	"os"
	"strings"
	"testing"

	"github.com/eventwire/eventwire/internal/event"
)

func TestCanonicalURL(t *testing.T) {
	tests := []struct{ in, want string }{
		{"", ""},
		{"not a url", ""},
		{"/relative/path", ""},
		{"https://example.org/news/a", "https://example.org/news/a"},
		{"HTTP://Example.ORG/news/a/", "https://example.org/news/a"},
		{"https://www.example.org/news/a#comments", "https://example.org/news/a"},
		{"https://m.example.org/news/a", "https://example.org/news/a"},
		{"https://mobile.example.org/news/a", "https://example.org/news/a"},
		{"https://amp.example.org/news/a", "https://example.org/news/a"},
		{"https://example.org/amp/news/a", "https://example.org/news/a"},
		{"https://example.org/news/a/amp/", "https://example.org/news/a"},
		{"https://example.org/news/a.amp.html", "https://example.org/news/a.html"},
		{"https://example.org/news/a?amp", "https://example.org/news/a"},
		{"https://example.org/news/a?amp=1&utm_source=tw", "https://example.org/news/a"},
		{"https://example.org/news/a?utm_source=x&utm_medium=y&utm_campaign=z", "https://example.org/news/a"},
		{"https://example.org/news/a?fbclid=abc&gclid=def&id=7", "https://example.org/news/a?id=7"},
		{"https://example.org/story?b=2&a=1", "https://example.org/story?a=1&b=2"},
		{"https://example.org:443/x", "https://example.org/x"},
		{"https://example.org:8080/x", "https://example.org:8080/x"},
		{"https://m.co/x", "https://m.co/x"},                     // "m." is the domain itself
		{"https://www.m.example.org/x", "https://example.org/x"}, // prefixes stack
		{"https://example.org/Case/Path", "https://example.org/Case/Path"},
	}
	for _, tt := range tests {
		if got := CanonicalURL(tt.in); got != tt.want {
			t.Errorf("CanonicalURL(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestArticleID(t *testing.T) {
	a := ArticleID("https://www.example.org/a?utm_source=x", "text one")
	b := ArticleID("http://example.org/a/", "different text")
	if a != b || a[0] != 'u' {
		t.Errorf("same canonical URL: ids %q and %q", a, b)
	}
	c := ArticleID("", "Hello,  World!\n")
	d := ArticleID("", "hello world")
	if c != d || c[0] != 't' {
		t.Errorf("same normalised text: ids %q and %q", c, d)
	}
	if c == ArticleID("", "hello there world") {
		t.Error("different texts share an id")
	}
}

func TestSimHash(t *testing.T) {
	base := "The army said on Monday that its forces had repelled an attack on the northern town, killing twelve fighters and losing two soldiers in the clash."
	tests := []struct {
		name    string
		a, b    string
		maxDist int // inclusive
		minDist int
	}{
		{"identical", base, base, 0, 0},
		{"case, punctuation and whitespace", base, strings.ToUpper(strings.ReplaceAll(base, " ", "\n  ")), 0, 0},
		{"unrelated", base, "Central bank governors agreed to keep interest rates unchanged while inflation remains above the target set for next year by the finance ministry.", 64, 12},
	}
	for _, tt := range tests {
		ha, _ := SimHash(tt.a)
		hb, _ := SimHash(tt.b)
		if d := Distance(ha, hb); d > tt.maxDist || d < tt.minDist {
			t.Errorf("%s: distance %d, want %d..%d", tt.name, d, tt.minDist, tt.maxDist)
		}
	}
	if _, n := SimHash(base); n != 26 {
		t.Errorf("words = %d, want 26", n)
	}
	if h, n := SimHash(""); h != 0 || n != 0 {
		t.Errorf("empty text: %x, %d", h, n)
	}
	if h, n := SimHash("two words"); h == 0 || n != 2 {
		t.Errorf("short text: %x, %d", h, n)
	}
}

func TestBandKeysPigeonhole(t *testing.T) {
	h := uint64(0x0123456789abcdef)
	for _, flips := range [][]int{{0}, {0, 17}, {1, 20, 40}, {63, 47, 31}, {0, 8, 16, 24, 32, 40, 48}} {
		g := h
		for _, b := range flips {
			g ^= 1 << b
		}
		ka, kb := BandKeys(h), BandKeys(g)
		shared := false
		for i := range ka {
			shared = shared || ka[i] == kb[i]
		}
		if !shared {
			t.Errorf("%d bits apart but no band shared", len(flips))
		}
	}
}

func TestMatcher(t *testing.T) {
	cands := []Cluster{{ID: 1, Day: 100, Place: "A"}, {ID: 2, Day: 100, Place: "B"}, {ID: 3, Day: 101, Place: ""}}
	tests := []struct {
		name   string
		m      Mention
		window int
		want   int64 // 0: no match
	}{
		{"same place", Mention{Day: 100, Place: "B"}, 0, 2},
		{"other city", Mention{Day: 100, Place: "C"}, 0, 3},
		{"unknown place takes the nearest date", Mention{Day: 101}, 0, 3},
		{"outside the window", Mention{Day: 110, Place: "A"}, 0, 0},
		{"window of 10 days", Mention{Day: 110, Place: "A"}, 10, 1},
		{"same day only", Mention{Day: 102, Place: "A"}, -1, 0},
	}
	for _, tt := range tests {
		c, ok := Matcher{Window: tt.window}.Match(tt.m, cands)
		if got := map[bool]int64{true: c.ID, false: 0}[ok]; got != tt.want {
			t.Errorf("%s: matched %d, want %d", tt.name, got, tt.want)
		}
	}
}

func TestConfidence(t *testing.T) {
	full := event.Event{Sentence: 1, Source: "USA", Target: "CHN", SourceSpan: event.Span{First: 1}, TargetSpan: event.Span{First: 4}}
	if c := Confidence(&full); c != 100 {
		t.Errorf("lead sentence, actors in text: %d, want 100", c)
	}
	weak := full
	weak.Sentence, weak.Reported, weak.Hypothetical, weak.Negated, weak.TargetSpan = 9, true, true, true, event.Span{}
	if c := Confidence(&weak); c != 10 {
		t.Errorf("everything uncertain: %d, want 10", c)
	}
}

// pairScore counts pairwise precision and recall of predicted groups
// against gold groups.
func pairScore(gold, pred []string) (tp, fp, fn int) {
	for i := range gold {
		for j := i + 1; j < len(gold); j++ {
			g, p := gold[i] == gold[j], pred[i] == pred[j]
			switch {
			case g && p:
				tp++
			case p:
				fp++
			case g:
				fn++
			}
		}
	}
	return
}

type labelled struct{ id, group, kind, text string }

func readArticles(t *testing.T) []labelled {
	f, err := os.Open("testdata/articles.txt")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var out []labelled
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := sc.Text()
		if rest, ok := strings.CutPrefix(line, "## "); ok {
			fs := strings.Fields(rest)
			if len(fs) != 3 {
				t.Fatalf("articles.txt: bad record header %q", line)
			}
			out = append(out, labelled{id: fs[0], group: fs[1], kind: fs[2]})
			continue
		}
		if strings.HasPrefix(line, "#") || len(out) == 0 {
			continue
		}
		out[len(out)-1].text += line + "\n"
	}
	return out
}

// TestArticleDedupLabelled measures near-duplicate detection as the store
// does it (exact ids, then the nearest SimHash within DefaultDistance that
// shares a band) on the labelled copies in testdata/articles.txt.
func TestArticleDedupLabelled(t *testing.T) {
	arts := readArticles(t)
	if len(arts) < 20 {
		t.Fatalf("read %d labelled articles, want at least 20", len(arts))
	}
	type stored struct {
		id   string
		hash uint64
	}
	var kept []stored
	bands := map[int64][]int{}
	gold := make([]string, len(arts))
	pred := make([]string, len(arts))
	for i, a := range arts {
		gold[i] = a.group
		h, words := SimHash(a.text)
		pred[i] = a.id
		best, bestD := -1, DefaultDistance+1
		if words >= MinWords {
			for _, k := range BandKeys(h) {
				for _, j := range bands[k] {
					if d := Distance(h, kept[j].hash); d < bestD {
						best, bestD = j, d
					}
				}
			}
		}
		if best >= 0 {
			pred[i] = kept[best].id
			t.Logf("%s -> %s (distance %d)", a.id, kept[best].id, bestD)
			continue
		}
		kept = append(kept, stored{a.id, h})
		for _, k := range BandKeys(h) {
			bands[k] = append(bands[k], len(kept)-1)
		}
	}
	tp, fp, fn := pairScore(gold, pred)
	p := float64(tp) / float64(max(tp+fp, 1))
	r := float64(tp) / float64(max(tp+fn, 1))
	t.Logf("article near-duplicates: %d articles, precision %.3f recall %.3f (tp %d fp %d fn %d)", len(arts), p, r, tp, fp, fn)
	// Distances of every labelled pair, to tune DefaultDistance.
	for i := range arts {
		for j := i + 1; j < len(arts); j++ {
			hi, _ := SimHash(arts[i].text)
			hj, _ := SimHash(arts[j].text)
			if d := Distance(hi, hj); d <= 12 || arts[i].group == arts[j].group {
				t.Logf("  %s %s same=%v distance %d", arts[i].id, arts[j].id, arts[i].group == arts[j].group, d)
			}
		}
	}
	if p < 1 {
		t.Errorf("precision %.3f: distinct articles merged", p)
	}
	if r < 0.75 {
		t.Errorf("recall %.3f below the floor 0.75", r)
	}
}

// TestEventDedupLabelled measures event de-duplication on the labelled
// mentions in testdata/mentions.tsv.
func TestEventDedupLabelled(t *testing.T) {
	f, err := os.Open("testdata/mentions.tsv")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var ms []Mention
	var gold []string
	sc := bufio.NewScanner(f)
	line := 0
	for sc.Scan() {
		line++
		if strings.HasPrefix(sc.Text(), "#") || strings.TrimSpace(sc.Text()) == "" {
			continue
		}
		fs := strings.Split(sc.Text(), "\t")
		if len(fs) != 7 {
			t.Fatalf("mentions.tsv:%d: %d fields, want 7", line, len(fs))
		}
		d, ok := Day(fs[3])
		if !ok {
			t.Fatalf("mentions.tsv:%d: bad date %q", line, fs[3])
		}
		m := Mention{Source: fs[0], Target: fs[1], Base: fs[2], Day: d, Place: fs[4]}
		if m.Place == "-" {
			m.Place = ""
		}
		ms = append(ms, m)
		gold = append(gold, fs[5])
	}
	ids := Matcher{}.ClusterAll(ms)
	pred := make([]string, len(ids))
	for i, id := range ids {
		pred[i] = string(rune('A' + id))
	}
	tp, fp, fn := pairScore(gold, pred)
	p := float64(tp) / float64(max(tp+fp, 1))
	r := float64(tp) / float64(max(tp+fn, 1))
	t.Logf("event de-duplication: %d mentions, precision %.3f recall %.3f (tp %d fp %d fn %d)", len(ms), p, r, tp, fp, fn)
	if p < 0.95 || r < 0.9 {
		t.Errorf("precision %.3f recall %.3f below the floors 0.95 / 0.9", p, r)
	}
}

func TestSimHashDoesNotAllocate(t *testing.T) {
	text := strings.Repeat("Police used water cannon and tear gas to disperse the crowd. ", 20)
	if n := testing.AllocsPerRun(10, func() { SimHash(text) }); n != 0 {
		t.Errorf("SimHash allocates %.0f times", n)
	}
}

func BenchmarkSimHash(b *testing.B) {
	text := strings.Repeat("Police used water cannon and tear gas to disperse the crowd. ", 50)
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	for b.Loop() {
		SimHash(text)
	}
}

func BenchmarkCanonicalURL(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		CanonicalURL("https://www.example.org/news/2024/05/a-story/amp/?utm_source=feed&utm_medium=rss&id=7#comments")
	}
}
