// Package extract finds the article in a web page — its title, text and
// publication date — and identifies the language of a text.
//
// HTML extraction wraps go-trafilatura (github.com/markusmobius/go-trafilatura),
// which falls back to its Readability and DOM Distiller ports when its own
// heuristics find no article. The page's bytes are decoded to UTF-8 first
// (BOM, Content-Type charset, <meta charset> or http-equiv, else a guess as
// browsers make it), so windows-1252 and ISO-8859-1 pages come out right.
// The text keeps the page's paragraphs, one per block separated by a blank
// line, so sentence splitting does not run headings into sentences.
//
// Language identification (Identify) is our own small classifier: script
// detection plus short stop-word lists per common news language.
package extract

import (
	"bytes"
	"errors"
	"fmt"
	"net/url"
	"strings"
	"time"
	"unicode/utf8"

	trafilatura "github.com/markusmobius/go-trafilatura"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
	"golang.org/x/net/html/charset"
)

// Page is what extraction finds in a web page.
type Page struct {
	Title string
	// Text is the article's text, UTF-8, its paragraphs separated by blank
	// lines, without the title when the page repeats it as a heading.
	Text string
	// Date is the publication date (UTC), zero when the page gives none.
	Date time.Time
	// URL is the page's canonical URL when it declares one, else the URL it
	// was fetched from (Options.URL).
	URL string
	// Site is the publisher's name when the page declares it.
	Site string
	// Charset is the encoding the bytes were decoded from ("utf-8",
	// "windows-1252", ...).
	Charset string
}

// Options configure HTML extraction. The zero value is the default.
type Options struct {
	// URL is the address the page was fetched from, used to resolve
	// relative links and as Page.URL when the page declares none.
	URL string
	// NoFallback turns off the Readability / DOM Distiller fallback, which
	// costs time on pages where trafilatura's own heuristics fail.
	NoFallback bool
}

// ErrNoText is returned (wrapped) when a page holds no article text.
var ErrNoText = errors.New("no article text")

// MinWords is the least number of words the text of an article has; a page
// with fewer (an index, a navigation page, a stub) holds no article.
const MinWords = 15

// pruneSelector names the boilerplate removed before extraction, by the
// class and id names news sites and blog engines commonly give it (reader
// comments, cookie notices, share buttons, newsletter boxes); exact names
// only, so that an article whose class merely contains one ("commentary")
// is kept.
const pruneSelector = ".comment, .comments, #comments, #comment, .comment-list, .commentlist, #respond, " +
	".cookie, .cookies, .cookie-banner, .cookie-notice, #cookie-banner, #cookie-notice, " +
	".share, .sharing, .share-buttons, .social-share, .newsletter, .newsletter-signup"

// maxTreeSize bounds the number of elements of a page extraction looks at;
// larger pages are refused rather than parsed at length.
const maxTreeSize = 200_000

// HTML extracts the article of the page data, whose HTTP Content-Type is
// contentType ("" when unknown, e.g. for a file). It returns an error
// wrapping ErrNoText when the page holds no article (fewer than MinWords
// words of main content). It never panics on
// malformed HTML; it is safe for concurrent use.
func HTML(data []byte, contentType string, opt Options) (Page, error) {
	utf8Data, cs := Decode(data, contentType)
	doc, err := html.Parse(bytes.NewReader(utf8Data))
	if err != nil {
		return Page{}, fmt.Errorf("parsing HTML: %w", err)
	}
	topt := trafilatura.Options{
		EnableFallback:  !opt.NoFallback,
		ExcludeComments: true,
		HtmlDateMode:    trafilatura.Fast,
		MaxTreeSize:     maxTreeSize,
		PruneSelector:   pruneSelector,
	}
	if opt.URL != "" {
		if u, err := url.Parse(opt.URL); err == nil && u.IsAbs() {
			topt.OriginalURL = u
		}
	}
	heads := headings(doc)
	res, err := extractSafely(doc, topt)
	if err != nil {
		return Page{Charset: cs}, fmt.Errorf("%w: %v", ErrNoText, err)
	}
	p := Page{
		Title:   strings.TrimSpace(collapse(res.Metadata.Title)),
		Date:    res.Metadata.Date.UTC(),
		URL:     opt.URL,
		Site:    strings.TrimSpace(res.Metadata.Sitename),
		Charset: cs,
	}
	if res.Metadata.Date.IsZero() {
		p.Date = time.Time{}
	}
	if u := res.Metadata.URL; u != "" {
		if pu, err := url.Parse(u); err == nil && pu.IsAbs() && (pu.Scheme == "http" || pu.Scheme == "https") {
			p.URL = u
		}
	}
	p.Text = splitHeadings(blockText(res.ContentNode, p.Title), heads, p.Title)
	if n := len(strings.Fields(p.Text)); n < MinWords {
		return p, fmt.Errorf("%w: the page's main content has %d words, fewer than %d", ErrNoText, n, MinWords)
	}
	return p, nil
}

// extractSafely runs the library, turning a panic in it (a bug there,
// triggered by a hostile page) into an error so that one page cannot stop
// a run.
func extractSafely(doc *html.Node, opt trafilatura.Options) (res *trafilatura.ExtractResult, err error) {
	defer func() {
		if r := recover(); r != nil {
			res, err = nil, fmt.Errorf("extraction failed: %v", r)
		}
	}()
	res, err = trafilatura.ExtractDocument(doc, opt)
	if err == nil && (res == nil || res.ContentNode == nil) {
		err = errors.New("nothing extracted")
	}
	return res, err
}

// Decode returns data as UTF-8 and the name of the encoding it was decoded
// from, found as the HTML5 encoding sniffing algorithm finds it: a byte
// order mark, the charset of contentType, a <meta> declaration in the first
// 1024 bytes, else a guess: UTF-8 when the bytes are valid UTF-8, or
// UTF-8 with a few invalid bytes (each run replaced with U+FFFD) when its
// valid multi-byte characters outnumber them, windows-1252 (which decodes
// ISO-8859-1 too) otherwise.
func Decode(data []byte, contentType string) ([]byte, string) {
	enc, name, certain := charset.DetermineEncoding(data, contentType)
	if !certain && name != "utf-8" {
		if utf8.Valid(data) {
			name = "utf-8"
		} else if mostlyUTF8(data) {
			return bytes.ToValidUTF8(bytes.TrimPrefix(data, []byte("\xef\xbb\xbf")), []byte("\uFFFD")), "utf-8"
		}
	}
	if name == "utf-8" {
		data = bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))
		if !utf8.Valid(data) { // declared or sniffed UTF-8 with bad bytes
			data = bytes.ToValidUTF8(data, []byte("\uFFFD"))
		}
		return data, name
	}
	out, err := enc.NewDecoder().Bytes(data)
	if err != nil {
		return data, "utf-8"
	}
	return out, name
}

// mostlyUTF8 reports whether data reads as UTF-8 with a few bad bytes:
// its valid multi-byte characters outnumber its invalid bytes, which are
// at most 1% of it (at least 4 but no more than a tenth). A windows-1252
// page has invalid bytes and next to no valid multi-byte characters.
func mostlyUTF8(data []byte) bool {
	multi, invalid := 0, 0
	for i := 0; i < len(data); {
		if data[i] < utf8.RuneSelf {
			i++
			continue
		}
		r, size := utf8.DecodeRune(data[i:])
		if r == utf8.RuneError && size == 1 {
			invalid++
		} else {
			multi++
		}
		i += size
	}
	return multi > invalid && invalid <= max(len(data)/100, min(4, len(data)/10))
}

// Fragment returns the text of an HTML fragment (a feed item's content or
// description), paragraphs separated by blank lines; text without markup
// comes back with its white space collapsed.
func Fragment(s string) string {
	nodes, err := html.ParseFragment(strings.NewReader(s), &html.Node{Type: html.ElementNode, Data: "body", DataAtom: atom.Body})
	if err != nil {
		return strings.TrimSpace(collapse(s))
	}
	root := &html.Node{Type: html.ElementNode, Data: "div"}
	for _, n := range nodes {
		root.AppendChild(n)
	}
	return blockText(root, "")
}

// blockElements start a paragraph of their own in the text.
var blockElements = map[string]bool{
	"p": true, "div": true, "section": true, "article": true, "main": true, "header": true, "footer": true,
	"h1": true, "h2": true, "h3": true, "h4": true, "h5": true, "h6": true, "head": true,
	"ul": true, "ol": true, "li": true, "dl": true, "dt": true, "dd": true, "list": true, "item": true,
	"blockquote": true, "quote": true, "pre": true, "code": true, "table": true, "tr": true, "row": true,
	"figure": true, "figcaption": true, "hr": true, "address": true, "body": true,
}

// blockText renders the extracted content as text: one paragraph per block
// element, blocks separated by a blank line, white space collapsed; a first
// block equal to the title is left out.
func blockText(n *html.Node, title string) string {
	var paras []string
	var cur strings.Builder
	end := func() {
		if s := strings.TrimSpace(collapse(cur.String())); s != "" {
			paras = append(paras, s)
		}
		cur.Reset()
	}
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		switch n.Type {
		case html.TextNode:
			cur.WriteString(n.Data)
			return
		case html.ElementNode:
			switch n.Data {
			case "script", "style", "noscript", "template":
				return
			case "br", "lb":
				cur.WriteByte('\n')
				return
			}
			if blockElements[n.Data] {
				end()
				for c := n.FirstChild; c != nil; c = c.NextSibling {
					walk(c)
				}
				end()
				return
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	if n != nil {
		walk(n)
	}
	end()
	if len(paras) > 0 && strings.EqualFold(paras[0], strings.TrimSpace(title)) {
		paras = paras[1:]
	}
	return strings.Join(paras, "\n\n")
}

// collapse replaces each run of white space in s by one space, keeping
// line breaks inside a block as single spaces too.
func collapse(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	space := false
	for _, r := range s {
		switch r {
		case ' ', '\t', '\n', '\r', '\f', '\u00a0', '\u2009', '\u200b':
			space = true
			continue
		}
		if space && b.Len() > 0 {
			b.WriteByte(' ')
		}
		space = false
		b.WriteRune(r)
	}
	return b.String()
}

// headings returns the texts of the page's h1–h6 elements, white space
// collapsed. It is called before extraction, which rewrites the tree.
func headings(doc *html.Node) []string {
	var out []string
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode && len(n.Data) == 2 && n.Data[0] == 'h' && n.Data[1] >= '1' && n.Data[1] <= '6' {
			if s := strings.TrimSpace(collapse(blockText(n, ""))); len(s) >= 3 {
				out = append(out, s)
			}
			return
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(doc)
	return out
}

// splitHeadings parts a heading from the paragraph the extraction library
// glued it to ("Clashes in KhartoumSudan's army attacked..."): a paragraph
// that starts with a heading's text and goes on is split after it, and the
// heading is dropped when it is the title.
func splitHeadings(text string, heads []string, title string) string {
	if len(heads) == 0 {
		return text
	}
	paras := strings.Split(text, "\n\n")
	out := paras[:0:0]
	for _, p := range paras {
		for _, h := range heads {
			if len(p) > len(h) && strings.HasPrefix(p, h) {
				if !strings.EqualFold(h, strings.TrimSpace(title)) {
					out = append(out, h)
				}
				p = strings.TrimSpace(p[len(h):])
				break
			}
		}
		out = append(out, p)
	}
	return strings.Join(out, "\n\n")
}
