package extract

import (
	"bufio"
	"fmt"
	"html"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/eventwire/eventwire/internal/shareddata"
)

// newsPage is a generated page and what extraction should find in it.
type newsPage struct {
	html        []byte
	title       string
	article     []string // sentences of the article
	boilerplate []string // texts that must not be extracted
}

// newsPages builds n news pages from real news sentences (../shared
// ConfliBERT): an article of 4–10 paragraphs of one to three sentences
// inside one of three layouts (semantic HTML5, a div soup with class names,
// a table layout of the early web), wrapped in the boilerplate of news sites:
// navigation, a "most read" list of other headlines, share buttons, related
// links, reader comments, a cookie notice and a footer.
func newsPages(t testing.TB, n int) []newsPage {
	t.Helper()
	f, err := os.Open(filepath.Join(shareddata.Dir(t, "confli"), "cameo_class.train.tsv"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var sents []string
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		if s, _, ok := strings.Cut(sc.Text(), "\t"); ok && len(strings.Fields(s)) >= 8 {
			sents = append(sents, s)
		}
	}
	rng := rand.New(rand.NewPCG(6, 2024))
	// Sentences are drawn without replacement, so that no article
	// sentence is also a headline or a comment elsewhere on its page.
	rng.Shuffle(len(sents), func(i, j int) { sents[i], sents[j] = sents[j], sents[i] })
	next := 0
	pick := func() string {
		s := sents[next%len(sents)]
		next++
		return s
	}
	esc := html.EscapeString
	pages := make([]newsPage, n)
	for i := range pages {
		p := &pages[i]
		title := strings.TrimSuffix(pick(), ".")
		if len(title) > 90 {
			title = title[:strings.LastIndexByte(title[:90], ' ')]
		}
		p.title = title
		var body strings.Builder
		nPara := 4 + rng.IntN(7)
		for j := 0; j < nPara; j++ {
			var para []string
			for k := 0; k <= rng.IntN(3); k++ {
				s := pick()
				para = append(para, s)
				p.article = append(p.article, s)
			}
			fmt.Fprintf(&body, "<p>%s</p>\n", esc(strings.Join(para, " ")))
		}
		var most, related strings.Builder
		for j := 0; j < 5; j++ {
			h := pick()
			p.boilerplate = append(p.boilerplate, h)
			fmt.Fprintf(&most, `<li><a href="/story/%d">%s</a></li>`, rng.IntN(1e6), esc(h))
		}
		for j := 0; j < 3; j++ {
			h := pick()
			p.boilerplate = append(p.boilerplate, h)
			fmt.Fprintf(&related, `<li><a href="/related/%d">%s</a></li>`, rng.IntN(1e6), esc(h))
		}
		comment := pick()
		p.boilerplate = append(p.boilerplate, comment, "Subscribe to our newsletter", "We use cookies to improve", "All rights reserved")
		nav := `<ul class="menu"><li><a href="/">Home</a></li><li><a href="/world">World</a></li><li><a href="/politics">Politics</a></li>` +
			`<li><a href="/business">Business</a></li><li><a href="/sport">Sport</a></li><li><a href="/login">Sign in</a></li></ul>`
		share := `<div class="share"><a href="#">Share on Facebook</a> <a href="#">Share on X</a> <a href="#">Email</a></div>`
		cookie := `<div class="cookie-banner">We use cookies to improve your experience. <button>Accept</button></div>`
		footer := `<p>Subscribe to our newsletter for the day's top stories.</p><p>© 2024 The Test Chronicle. All rights reserved.</p>` +
			`<a href="/privacy">Privacy</a> <a href="/terms">Terms</a>`
		comments := fmt.Sprintf(`<h3>Comments</h3><div class="comment"><span class="author">reader%d</span><p>%s</p></div>`, rng.IntN(999), esc(comment))
		date := fmt.Sprintf("2024-%02d-%02d", 1+rng.IntN(12), 1+rng.IntN(28))
		var page string
		switch i % 3 {
		case 0:
			page = fmt.Sprintf(`<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>%[1]s - The Test Chronicle</title>
<meta property="article:published_time" content="%[2]sT08:00:00Z"></head><body>
<div class="cookie">%[3]s</div><header><nav>%[4]s</nav></header>
<main><article><h1>%[1]s</h1><p class="byline">By Staff Reporter</p><time datetime="%[2]s">%[2]s</time>%[5]s
<div class="body">%[6]s</div>%[5]s</article>
<aside><h2>Most read</h2><ol>%[7]s</ol></aside><section class="related"><h2>Related</h2><ul>%[8]s</ul></section>
<section id="comments">%[9]s</section></main><footer>%[10]s</footer></body></html>`,
				esc(title), date, cookie, nav, share, body.String(), most.String(), related.String(), comments, footer)
		case 1:
			page = fmt.Sprintf(`<html><head><meta http-equiv="Content-Type" content="text/html; charset=utf-8"><title>%[1]s | Chronicle</title>
<meta name="pubdate" content="%[2]s"></head><body><div id="wrapper">%[3]s<div id="top">%[4]s</div>
<div id="content"><div class="col-main"><div class="story-header"><h1 class="headline">%[1]s</h1><div class="meta">%[2]s</div></div>
%[5]s<div class="story-body">%[6]s</div><div class="tags">Tags: <a href="/t/a">World</a>, <a href="/t/b">Politics</a></div></div>
<div class="col-side"><div class="widget"><h4>Most read</h4><ul>%[7]s</ul></div><div class="widget"><h4>Related</h4><ul>%[8]s</ul></div></div>
</div><div id="comments">%[9]s</div><div id="footer">%[10]s</div></div></body></html>`,
				esc(title), date, cookie, nav, share, body.String(), most.String(), related.String(), comments, footer)
		default:
			page = fmt.Sprintf(`<html><head><title>%[1]s</title></head><body bgcolor="#ffffff">
<table width="100%%"><tr><td colspan="2">%[3]s%[4]s</td></tr><tr><td width="200" valign="top"><b>Most read</b><ul>%[7]s</ul></td>
<td valign="top"><font size="5"><b>%[1]s</b></font><br><i>%[2]s</i><br>%[6]s<hr><b>Related</b><ul>%[8]s</ul>%[9]s</td></tr>
<tr><td colspan="2">%[10]s</td></tr></table></body></html>`,
				esc(title), date, cookie, nav, share, body.String(), most.String(), related.String(), comments, footer)
		}
		p.html = []byte(page)
	}
	return pages
}

// TestHTMLNewsPages is the extraction floor on generated news pages: the
// share of article sentences found in the text (recall), the share of
// pages with no boilerplate in the text, and titles.
func TestHTMLNewsPages(t *testing.T) {
	pages := newsPages(t, 90)
	var found, total, clean, titles int
	layoutRecall := [3][2]int{}
	layoutClean := [3]int{}
	for i, p := range pages {
		got, err := HTML(p.html, "", Options{URL: fmt.Sprintf("https://chronicle.example/%d", i)})
		if err != nil {
			t.Errorf("page %d: %v", i, err)
			continue
		}
		for _, s := range p.article {
			total++
			layoutRecall[i%3][1]++
			if strings.Contains(got.Text, s) {
				found++
				layoutRecall[i%3][0]++
			}
		}
		leak := ""
		for _, b := range p.boilerplate {
			if strings.Contains(got.Text, b) {
				leak = b
				break
			}
		}
		if leak == "" {
			clean++
			layoutClean[i%3]++
		} else if testing.Verbose() {
			t.Logf("page %d (layout %d) keeps %q", i, i%3, leak)
		}
		if got.Title == p.title {
			titles++
		}
	}
	recall := float64(found) / float64(total)
	cleanShare := float64(clean) / float64(len(pages))
	t.Logf("%d generated pages: sentence recall %.3f (layouts html5, divs, table: %d/%d, %d/%d, %d/%d), "+
		"pages without boilerplate %.3f (%d, %d, %d of %d each), titles %.3f",
		len(pages), recall, layoutRecall[0][0], layoutRecall[0][1], layoutRecall[1][0], layoutRecall[1][1],
		layoutRecall[2][0], layoutRecall[2][1], cleanShare, layoutClean[0], layoutClean[1], layoutClean[2], len(pages)/3,
		float64(titles)/float64(len(pages)))
	if recall < 0.95 {
		t.Errorf("sentence recall %.3f, want at least 0.95", recall)
	}
	// The table layout's footer row and comments are not marked as such
	// and stay in its text (a known weakness, docs/ingest.md); the
	// layouts of today's sites must come out clean.
	for l, name := range []string{"html5", "divs"} {
		if layoutClean[l]*20 < len(pages)/3*19 {
			t.Errorf("layout %s: %d of %d pages without boilerplate, want at least 95%%", name, layoutClean[l], len(pages)/3)
		}
	}
}

// BenchmarkHTMLNews extracts generated news pages (about 6–15 KB each);
// pages/s is reported.
func BenchmarkHTMLNews(b *testing.B) {
	pages := newsPages(b, 60)
	size := 0
	for _, p := range pages {
		size += len(p.html)
	}
	for _, fallback := range []bool{true, false} {
		b.Run(fmt.Sprintf("fallback=%v", fallback), func(b *testing.B) {
			b.ReportAllocs()
			b.SetBytes(int64(size / len(pages)))
			n := 0
			for b.Loop() {
				HTML(pages[n%len(pages)].html, "", Options{NoFallback: !fallback})
				n++
			}
			b.ReportMetric(float64(n)/b.Elapsed().Seconds(), "pages/s")
		})
	}
}
