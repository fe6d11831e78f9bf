// Package feed reads news feeds: RSS 2.0 (and the 0.9x versions it grew
// from), RSS 1.0 (RDF) and Atom 1.0, into one Feed type. It is a small
// streaming reader on encoding/xml that looks at the elements it knows by
// local name and ignores the rest, so extensions and namespaces it does not
// know do no harm. Feeds are untrusted input: Parse bounds what it reads
// and never panics.
package feed

import (
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"mime"
	"strings"
	"time"

	"golang.org/x/net/html/charset"
)

// Feed is a parsed feed.
type Feed struct {
	Format string // "rss", "rdf" or "atom"
	Title  string
	Link   string // the site's address
	Items  []Item
}

// Item is one entry of a feed.
type Item struct {
	Title string
	// Link is the address of the article: RSS <link> (or a permalink
	// <guid>), Atom <link rel="alternate"> (or a link without rel).
	Link string
	// ID is the item's stable identity: RSS <guid>, Atom <id>, RDF
	// rdf:about; Link when the feed gives none.
	ID string
	// Published is the publication date (pubDate, dc:date, published,
	// else updated), zero when absent or unreadable.
	Published time.Time
	// Summary is the short description (RSS <description>, Atom
	// <summary>), as the feed gives it: often HTML.
	Summary string
	// Content is the full content when the feed carries it
	// (content:encoded, Atom <content>), often HTML.
	Content string
}

// Limits of what Parse reads from one feed.
const (
	MaxItems     = 10_000
	maxFieldSize = 1 << 20 // bytes of one element's text
	maxDepth     = 64
)

// ErrNotFeed is returned (wrapped) when the document is XML (or not) but
// not a feed.
var ErrNotFeed = errors.New("not an RSS or Atom feed")

// Parse reads a feed from r; name is used in error messages. The encoding
// is taken from the XML declaration (UTF-8 when there is none). A syntax
// error after some items returns the items read so far with an error
// naming name:line; callers may use both.
func Parse(r io.Reader, name string) (*Feed, error) {
	d := xml.NewDecoder(r)
	d.Strict = false
	d.Entity = xml.HTMLEntity
	d.CharsetReader = charset.NewReaderLabel
	p := parser{d: d}
	f, err := p.parse()
	if err != nil {
		line, _ := d.InputPos()
		return f, fmt.Errorf("%s:%d: %w", name, line, err)
	}
	return f, nil
}

// ParseBytes is Parse of a byte slice.
func ParseBytes(data []byte, name string) (*Feed, error) {
	return Parse(bytes.NewReader(data), name)
}

// ParseHTTP is ParseBytes of a fetched body whose Content-Type is
// contentType: when the body has no XML declaration naming an encoding and
// the Content-Type names a charset other than UTF-8, the body is decoded
// from that charset first (as RFC 7303 gives the header precedence).
func ParseHTTP(data []byte, contentType, name string) (*Feed, error) {
	if _, params, err := mime.ParseMediaType(contentType); err == nil {
		cs := strings.ToLower(strings.TrimSpace(params["charset"]))
		if cs != "" && cs != "utf-8" && cs != "utf8" && !declaresEncoding(data) {
			if r, err := charset.NewReaderLabel(cs, bytes.NewReader(data)); err == nil {
				if dec, err := io.ReadAll(r); err == nil {
					data = dec
				}
			}
		}
	}
	return ParseBytes(data, name)
}

// declaresEncoding reports whether data starts with an XML declaration
// that has an encoding attribute.
func declaresEncoding(data []byte) bool {
	data = bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))
	if !bytes.HasPrefix(data, []byte("<?xml")) {
		return false
	}
	end := bytes.Index(data, []byte("?>"))
	return end > 0 && bytes.Contains(data[:end], []byte("encoding"))
}

// Sniff reports whether data looks like a feed: its first element is rss,
// feed or rdf:RDF. It reads at most the first 4 KiB.
func Sniff(data []byte) bool {
	if len(data) > 4096 {
		data = data[:4096]
	}
	s := data
	for {
		i := bytes.IndexByte(s, '<')
		if i < 0 || i+1 >= len(s) {
			return false
		}
		s = s[i+1:]
		switch s[0] {
		case '?', '!': // declaration, comment, doctype
			continue
		}
		end := bytes.IndexAny(s, " \t\r\n>/")
		if end < 0 {
			end = len(s)
		}
		tag := string(s[:end])
		if j := strings.IndexByte(tag, ':'); j >= 0 && tag != "rdf:RDF" {
			tag = tag[j+1:]
		}
		switch tag {
		case "rss", "feed", "rdf:RDF", "RDF":
			return true
		}
		return false
	}
}

type parser struct {
	d     *xml.Decoder
	depth int
}

func (p *parser) parse() (*Feed, error) {
	f := &Feed{}
	for {
		tok, err := p.d.Token()
		if err == io.EOF {
			return f, fmt.Errorf("%w: no root element", ErrNotFeed)
		}
		if err != nil {
			return f, err
		}
		se, ok := tok.(xml.StartElement)
		if !ok {
			continue
		}
		switch se.Name.Local {
		case "rss":
			f.Format = "rss"
		case "RDF":
			f.Format = "rdf"
		case "feed":
			f.Format = "atom"
		default:
			return f, fmt.Errorf("%w: root element is <%s>", ErrNotFeed, se.Name.Local)
		}
		return f, p.container(f, f.Format == "atom")
	}
}

// container reads the children of the root (or of an RSS <channel>): the
// channel's title and link, and items or entries.
func (p *parser) container(f *Feed, atom bool) error {
	for {
		tok, err := p.d.Token()
		if err == io.EOF {
			return nil // an unclosed root: keep what was read
		}
		if err != nil {
			return err
		}
		switch t := tok.(type) {
		case xml.EndElement:
			return nil
		case xml.StartElement:
			switch t.Name.Local {
			case "channel":
				if err := p.container(f, false); err != nil {
					return err
				}
			case "item", "entry":
				if len(f.Items) >= MaxItems {
					if err := p.d.Skip(); err != nil {
						return err
					}
					continue
				}
				it, err := p.item(t, atom || t.Name.Local == "entry")
				if err != nil {
					return err
				}
				f.Items = append(f.Items, it)
			case "title":
				s, err := p.text()
				if err != nil {
					return err
				}
				if f.Title == "" {
					f.Title = s
				}
			case "link":
				href, rel, err := p.atomLink(t)
				if err != nil {
					return err
				}
				if href != "" && (rel == "" || rel == "alternate") && f.Link == "" {
					f.Link = href
				}
			default:
				if err := p.d.Skip(); err != nil {
					return err
				}
			}
		}
	}
}

// item reads one RSS item or Atom entry.
func (p *parser) item(start xml.StartElement, atom bool) (Item, error) {
	var it Item
	var updated time.Time
	for _, a := range start.Attr {
		if a.Name.Local == "about" {
			it.ID = strings.TrimSpace(a.Value)
		}
	}
	for {
		tok, err := p.d.Token()
		if err == io.EOF {
			return it, io.ErrUnexpectedEOF
		}
		if err != nil {
			return it, err
		}
		switch t := tok.(type) {
		case xml.EndElement:
			if it.ID == "" {
				it.ID = it.Link
			}
			if it.Published.IsZero() {
				it.Published = updated
			}
			return it, nil
		case xml.StartElement:
			name := t.Name.Local
			if name == "link" {
				href, rel, err := p.atomLink(t)
				if err != nil {
					return it, err
				}
				if href != "" && (rel == "" || rel == "alternate") && it.Link == "" {
					it.Link = href
				}
				continue
			}
			switch name {
			case "title", "guid", "id", "pubDate", "date", "published", "issued", "updated", "modified",
				"description", "summary", "encoded", "content":
			default:
				if err := p.d.Skip(); err != nil {
					return it, err
				}
				continue
			}
			permalink := true
			for _, a := range t.Attr {
				if a.Name.Local == "isPermaLink" && strings.EqualFold(strings.TrimSpace(a.Value), "false") {
					permalink = false
				}
			}
			s, err := p.text()
			if err != nil {
				return it, err
			}
			if s == "" {
				continue
			}
			switch name {
			case "title":
				it.Title = s
			case "guid", "id":
				if it.ID == "" || name == "guid" {
					it.ID = s
				}
				if name == "guid" && permalink && it.Link == "" && isHTTP(s) {
					it.Link = s
				}
			case "pubDate", "date", "published", "issued":
				if d, ok := ParseDate(s); ok {
					it.Published = d
				}
			case "updated", "modified":
				if d, ok := ParseDate(s); ok {
					updated = d
				}
			case "description", "summary":
				it.Summary = s
			case "encoded", "content":
				it.Content = s
			}
		}
	}
}

// atomLink reads a <link>: its href and rel attributes (Atom), or its text
// (RSS), and consumes the element.
func (p *parser) atomLink(start xml.StartElement) (href, rel string, err error) {
	for _, a := range start.Attr {
		switch a.Name.Local {
		case "href":
			href = strings.TrimSpace(a.Value)
		case "rel":
			rel = strings.TrimSpace(a.Value)
		}
	}
	s, err := p.text()
	if err != nil {
		return "", "", err
	}
	if href == "" {
		href = s
	}
	return href, rel, nil
}

// text returns the character data of the current element, nested markup
// included as text (Atom type="xhtml"), trimmed, and consumes the element.
func (p *parser) text() (string, error) {
	var b strings.Builder
	depth := 1
	for depth > 0 {
		tok, err := p.d.Token()
		if err == io.EOF {
			return strings.TrimSpace(b.String()), nil
		}
		if err != nil {
			return "", err
		}
		switch t := tok.(type) {
		case xml.CharData:
			if b.Len()+len(t) <= maxFieldSize {
				b.Write(t)
			}
		case xml.StartElement:
			depth++
			if depth > maxDepth {
				return "", fmt.Errorf("elements nested deeper than %d", maxDepth)
			}
			if b.Len() < maxFieldSize {
				b.WriteString("<" + t.Name.Local + ">")
			}
		case xml.EndElement:
			depth--
			if depth > 0 && b.Len() < maxFieldSize {
				b.WriteString("</" + t.Name.Local + ">")
			}
		}
	}
	return strings.TrimSpace(b.String()), nil
}

func isHTTP(s string) bool {
	return strings.HasPrefix(s, "http://") || strings.HasPrefix(s, "https://")
}

// dateLayouts are the date forms found in feeds: RFC 822/1123 with and
// without the weekday and seconds, numeric and named zones (RSS), RFC 3339
// (Atom, dc:date) and plain dates.
var dateLayouts = []string{
	time.RFC1123Z,
	time.RFC1123,
	"Mon, 2 Jan 2006 15:04:05 -0700",
	"Mon, 2 Jan 2006 15:04:05 MST",
	"Mon, 2 Jan 2006 15:04 -0700",
	"Mon, 2 Jan 2006 15:04 MST",
	"2 Jan 2006 15:04:05 -0700",
	"2 Jan 2006 15:04:05 MST",
	"Mon, 2 Jan 06 15:04:05 -0700",
	"Mon, 2 Jan 06 15:04:05 MST",
	"Mon, 2 January 2006 15:04:05 -0700",
	"Mon, 2 January 2006 15:04:05 MST",
	time.RFC3339Nano,
	time.RFC3339,
	"2006-01-02T15:04:05",
	"2006-01-02T15:04Z07:00",
	"2006-01-02 15:04:05",
	"2006-01-02",
}

// ParseDate reads a feed date in any of the common forms, returning it in
// UTC. Named zones other than UTC/GMT and the US zones of RFC 822 are read
// as UTC.
func ParseDate(s string) (time.Time, bool) {
	s = strings.Join(strings.Fields(s), " ")
	if s == "" {
		return time.Time{}, false
	}
	for _, l := range dateLayouts {
		if t, err := time.Parse(l, s); err == nil {
			return fixZone(t, s), true
		}
	}
	return time.Time{}, false
}

// rfc822Zones are the named zones RFC 822 defines, in hours from UTC.
var rfc822Zones = map[string]int{"EST": -5, "EDT": -4, "CST": -6, "CDT": -5, "MST": -7, "MDT": -6, "PST": -8, "PDT": -7}

// fixZone applies an RFC 822 named zone, which time.Parse leaves at offset
// zero when the local zone does not know it.
func fixZone(t time.Time, s string) time.Time {
	name, off := t.Zone()
	if h, ok := rfc822Zones[name]; ok && off == 0 && strings.HasSuffix(s, name) {
		t = time.Date(t.Year(), t.Month(), t.Day(), t.Hour(), t.Minute(), t.Second(), t.Nanosecond(), time.FixedZone(name, h*3600))
	}
	return t.UTC()
}
