package ingest

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"net/url"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"

	"github.com/eventwire/eventwire/internal/extract"
	"github.com/eventwire/eventwire/internal/feed"
	"github.com/eventwire/eventwire/internal/fetch"
)

// Walker resolves sources — files, directories, feeds and web pages — into
// documents. Its zero value fetches with fetch's default politeness and
// accepts English documents only. A Walker remembers the feed items it has
// handed out, so that walking a feed again (--watch) yields only new ones.
// Set its fields before the first Walk; Walk is not safe for concurrent
// use.
type Walker struct {
	// Context cancels fetches and the waits between them (nil:
	// context.Background). It is a field rather than an argument because
	// the walk is started by code that knows only Walk's signature
	// (internal/ingest/load).
	Context context.Context
	// Fetcher fetches pages and feeds (nil: fetch.New with the defaults,
	// made on first use).
	Fetcher *fetch.Client
	// Extract configures HTML extraction.
	Extract extract.Options
	// Languages are the ISO 639-1 codes of the documents kept (nil:
	// English only). A text whose language Identify cannot tell (too
	// short) is kept.
	Languages []string
	// AnyLanguage keeps documents whatever their language.
	AnyLanguage bool
	// FeedContent codes a feed item's own content (content:encoded, Atom
	// content, else its description) instead of fetching its page; items
	// without a link are always read this way.
	FeedContent bool
	// Concurrency is the number of a feed's item pages fetched at a time
	// (0: DefaultConcurrency). Requests to one host still wait for each
	// other by the fetcher's host delay; different hosts overlap.
	Concurrency int
	// Discovered, when set, is called with the number of documents a
	// fetched source announces (a page: 1, a feed: its new items), for
	// progress totals; local files are not announced (see Count).
	Discovered func(n int)

	handled    atomic.Int64 // documents and skips passed on
	mu         sync.Mutex
	seen       map[string]bool          // feed items handed out, by id or link
	feeds      []string                 // sources that were feeds, in order
	isFeed     map[string]bool          // the same, as a set
	validators map[string]fetch.Request // conditional GET validators of feed URLs
	pending    map[string]pendingItems  // per feed, the items to try again
	countOnly  bool                     // Count: no fetching, no extraction
}

// fetched is an item's page fetched ahead; done is false when it was not.
type fetched struct {
	resp *fetch.Response
	err  error
	done bool
}

// DefaultConcurrency is the number of feed item pages fetched at a time
// when Walker.Concurrency is 0.
const DefaultConcurrency = 4

// pendingItems are the items of a feed whose pages failed for a reason that
// may pass.
type pendingItems struct {
	feed  *feed.Feed
	items []feed.Item
}

// Default is the Walker of the package functions Walk and ReadStream. A
// command may configure it before starting an ingest.
var Default = &Walker{}

func (w *Walker) ctx() context.Context {
	if w.Context != nil {
		return w.Context
	}
	return context.Background()
}

func (w *Walker) fetcher() *fetch.Client {
	w.mu.Lock()
	defer w.mu.Unlock()
	if w.Fetcher == nil {
		w.Fetcher = fetch.New(fetch.Options{})
	}
	return w.Fetcher
}

// Handled returns the number of documents and skips w has passed on so far.
func (w *Walker) Handled() int { return int(w.handled.Load()) }

// Feeds returns the sources walked so far that turned out to be feeds (URLs
// or files), in the order first seen: what --watch polls again.
func (w *Walker) Feeds() []string {
	w.mu.Lock()
	defer w.mu.Unlock()
	return append([]string(nil), w.feeds...)
}

// Count returns the number of documents the local files and directories
// among sources hold, without fetching or extracting anything (a feed file
// counts its items, an HTML file one); URLs count 0.
func (w *Walker) Count(sources []string) int {
	c := &Walker{countOnly: true, AnyLanguage: true}
	n := 0
	var local []string
	for _, s := range sources {
		if !isURL(s) {
			local = append(local, s)
		}
	}
	c.Walk(local, func(Document, string) error { n++; return nil }, func(Skip) {})
	return n
}

func (w *Walker) counting(visit func(Document, string) error, skipped func(Skip)) (func(Document, string) error, func(Skip)) {
	return func(d Document, o string) error {
			w.handled.Add(1)
			return visit(d, o)
		}, func(s Skip) {
			w.handled.Add(1)
			skipped(s)
		}
}

func isURL(s string) bool {
	return strings.HasPrefix(s, "http://") || strings.HasPrefix(s, "https://")
}

// isHTML reports whether a file or body is an HTML page: by its name's
// extension, its Content-Type, or markup that starts like HTML.
func isHTML(name, contentType string, data []byte) bool {
	switch strings.ToLower(filepath.Ext(name)) {
	case ".html", ".htm", ".xhtml", ".shtml":
		return true
	}
	ct := strings.ToLower(contentType)
	if strings.HasPrefix(ct, "text/html") || strings.HasPrefix(ct, "application/xhtml") {
		return true
	}
	head := data[:min(len(data), 1024)]
	head = bytes.TrimLeft(head, " \t\r\n\xef\xbb\xbf")
	for _, p := range []string{"<!doctype html", "<html", "<head", "<body", "<!--"} {
		if len(head) >= len(p) && strings.EqualFold(string(head[:len(p)]), p) {
			return p != "<!--" || bytes.Contains(bytes.ToLower(head), []byte("<html"))
		}
	}
	return false
}

// accept reports whether doc's language is accepted, and skips it with
// ReasonLanguage when it is not.
func (w *Walker) accept(doc Document, origin string, skipped func(Skip)) bool {
	if w.AnyLanguage || w.countOnly {
		return true
	}
	lang := extract.Identify(doc.Text)
	if lang.Code == "" {
		return true
	}
	langs := w.Languages
	if len(langs) == 0 {
		langs = []string{"en"}
	}
	for _, l := range langs {
		if strings.EqualFold(l, lang.Code) {
			return true
		}
	}
	skipped(Skip{Origin: origin, Reason: ReasonLanguage, Err: fmt.Errorf("the text is in %s (confidence %.2f, %d words of evidence), not %s",
		lang.Code, lang.Confidence, lang.Words, strings.Join(langs, " or "))})
	return false
}

// fetchSource fetches a URL given as a source and reads what it holds. It
// returns visit's error or ctx's.
func (w *Walker) fetchSource(u string, visit func(Document, string) error, skipped func(Skip)) error {
	err := w.fetchSource1(u, visit, skipped)
	var ev errVisit
	if errors.As(err, &ev) {
		return ev.err
	}
	return err
}

func (w *Walker) fetchSource1(u string, visit func(Document, string) error, skipped func(Skip)) error {
	if w.countOnly {
		return nil
	}
	w.mu.Lock()
	req, known := w.validators[u]
	w.mu.Unlock()
	var cond *fetch.Request
	if known {
		cond = &req
	}
	resp, err := w.fetcher().Get(w.ctx(), u, cond)
	if err != nil {
		return fetchSkip(u, err, skipped)
	}
	if resp.NotModified() {
		// A feed polled again that has not changed: only the items
		// whose pages failed for a passing reason are tried again.
		w.mu.Lock()
		p := w.pending[u]
		w.mu.Unlock()
		if p.feed == nil {
			return nil
		}
		return w.feedItems(p.feed, u, p.items, visit, skipped)
	}
	if feed.Sniff(resp.Body) {
		w.mu.Lock()
		if w.validators == nil {
			w.validators = map[string]fetch.Request{}
		}
		w.validators[u] = fetch.Request{IfNoneMatch: resp.ETag, IfModifiedSince: resp.LastModified}
		w.mu.Unlock()
		return w.readFeed(resp.Body, u, resp.ContentType, visit, skipped)
	}
	if w.Discovered != nil {
		w.Discovered(1)
	}
	if isHTML(resp.URL, resp.ContentType, resp.Body) {
		return w.readPage(resp.Body, resp.URL, resp.ContentType, u, visit, skipped)
	}
	err = w.readStream(bytes.NewReader(resp.Body), resp.URL, resp.ContentType, visit, skipped)
	var ev errVisit
	if errors.As(err, &ev) {
		return err
	}
	if err != nil {
		skipped(Skip{Origin: u, Reason: ReasonUnreadable, Err: err})
	}
	return nil
}

// fetchSkip reports a failed fetch as a skip with fetch's reason; it
// returns ctx's error, which ends the walk.
func fetchSkip(origin string, err error, skipped func(Skip)) error {
	var fe *fetch.Error
	if errors.As(err, &fe) {
		// The skip names the origin and the reason; its message is the
		// cause, and the URL only when a redirect led elsewhere.
		msg := fe.Err
		if fe.Status != 0 {
			msg = fmt.Errorf("HTTP %d: %w", fe.Status, fe.Err)
		}
		if fe.URL != origin {
			msg = fmt.Errorf("%s: %w", fe.URL, msg)
		}
		skipped(Skip{Origin: origin, Reason: fe.Reason, Err: msg})
		return nil
	}
	return fmt.Errorf("fetching %s: %w", origin, err)
}

// readPage extracts the article of an HTML page; url is where it was
// fetched from ("" for a file named name), origin what the skip and the
// document are reported as.
func (w *Walker) readPage(data []byte, name, contentType, origin string, visit func(Document, string) error, skipped func(Skip)) error {
	return w.page(data, name, contentType, origin, Document{}, visit, skipped)
}

// page is readPage with defaults from a feed item (title, date, source,
// link) for what the page does not give.
func (w *Walker) page(data []byte, name, contentType, origin string, item Document, visit func(Document, string) error, skipped func(Skip)) error {
	doc := Document{ID: origin, URL: item.URL, Title: item.Title, Source: item.Source, Date: item.Date}
	if !isURL(name) {
		doc.ID = strings.TrimSuffix(filepath.Base(name), filepath.Ext(name))
	}
	if w.countOnly {
		doc.Text = "counted"
		return wrapVisit(visit(doc, origin))
	}
	opt := w.Extract
	if isURL(name) {
		opt.URL = name
	}
	p, err := extract.HTML(data, contentType, opt)
	if err != nil {
		skipped(Skip{Origin: origin, Reason: ReasonNoArticle, Err: err})
		return nil
	}
	doc.Text = p.Text
	if p.Title != "" {
		doc.Title = p.Title
	}
	if !p.Date.IsZero() {
		doc.Date = p.Date
	}
	if p.URL != "" {
		doc.URL = p.URL
	}
	if doc.Source == "" {
		doc.Source = p.Site
	}
	if !w.accept(doc, origin, skipped) {
		return nil
	}
	return wrapVisit(visit(doc, origin))
}

func wrapVisit(err error) error {
	if err != nil {
		return errVisit{err}
	}
	return nil
}

// readFeed reads a feed (a file or a body fetched from the URL name, with
// its Content-Type) and hands out its items not seen before, fetching each
// item's page unless FeedContent is set or the item has no link. Relative
// item links are resolved against the feed's URL, or the site link of a
// feed file.
func (w *Walker) readFeed(data []byte, name, contentType string, visit func(Document, string) error, skipped func(Skip)) error {
	f, err := feed.ParseHTTP(data, contentType, name)
	if err != nil {
		skipped(Skip{Origin: name, Reason: ReasonBadFeed, Err: err})
		if len(f.Items) == 0 {
			return nil
		}
	}
	base := f.Link
	if isURL(name) {
		base = name
	}
	if bu, err := url.Parse(base); err == nil && bu.IsAbs() {
		for i := range f.Items {
			if l := f.Items[i].Link; l != "" && !isURL(l) {
				if lu, err := bu.Parse(l); err == nil {
					f.Items[i].Link = lu.String()
				}
			}
		}
	}
	w.mu.Lock()
	if w.isFeed == nil {
		w.isFeed = map[string]bool{}
		w.seen = map[string]bool{}
	}
	if !w.isFeed[name] {
		w.isFeed[name] = true
		w.feeds = append(w.feeds, name)
	}
	var fresh []feed.Item
	for _, it := range f.Items {
		key := it.ID
		if key == "" {
			key = it.Link
		}
		if key == "" {
			key = name + "\x00" + it.Title + "\x00" + it.Summary
		}
		if w.countOnly || !w.seen[key] {
			fresh = append(fresh, it)
		}
	}
	w.mu.Unlock()
	if w.Discovered != nil && isURL(name) && !w.countOnly {
		w.Discovered(len(fresh))
	}
	return w.feedItems(f, name, fresh, visit, skipped)
}

// feedItems hands out the items of feed f read from name, and keeps those
// whose pages failed for a passing reason as the feed's pending items.
func (w *Walker) feedItems(f *feed.Feed, name string, items []feed.Item, visit func(Document, string) error, skipped func(Skip)) error {
	var again []feed.Item
	defer func() {
		if w.countOnly {
			return
		}
		w.mu.Lock()
		if w.pending == nil {
			w.pending = map[string]pendingItems{}
		}
		w.pending[name] = pendingItems{f, again}
		w.mu.Unlock()
	}()
	// Item pages are fetched ahead, Concurrency at a time, and handed
	// out in feed order; fetch.Client keeps each host's delay, so this
	// overlaps requests to different hosts only.
	window := w.Concurrency
	if window <= 0 {
		window = DefaultConcurrency
	}
	ahead := make([]chan fetched, len(items))
	start := func(i int) {
		ch := make(chan fetched, 1)
		ahead[i] = ch
		it := items[i]
		if w.countOnly || w.FeedContent || !isURL(it.Link) {
			ch <- fetched{}
			return
		}
		go func() {
			resp, err := w.fetcher().Get(w.ctx(), it.Link, nil)
			ch <- fetched{resp: resp, err: err, done: true}
		}()
	}
	for i := 0; i < min(window, len(items)); i++ {
		start(i)
	}
	for i, it := range items {
		got := <-ahead[i]
		if i+window < len(items) {
			start(i + window)
		}
		origin := fmt.Sprintf("%s#%d", name, i+1)
		if it.Link != "" {
			origin = it.Link
		}
		done, err := w.item(f, it, got, origin, visit, skipped)
		if err != nil {
			return err
		}
		if !done {
			again = append(again, it)
		}
		if done && !w.countOnly {
			key := it.ID
			if key == "" {
				key = it.Link
			}
			if key == "" {
				key = name + "\x00" + it.Title + "\x00" + it.Summary
			}
			w.mu.Lock()
			w.seen[key] = true
			w.mu.Unlock()
		}
	}
	return nil
}

// item hands out one feed item. done is false when the item's page could
// not be fetched for a reason that may pass (timeout, network, server
// error), so that the next poll tries again.
func (w *Walker) item(f *feed.Feed, it feed.Item, page fetched, origin string, visit func(Document, string) error, skipped func(Skip)) (done bool, err error) {
	base := Document{ID: origin, Title: it.Title, URL: it.Link, Source: f.Title, Date: it.Published}
	if w.countOnly {
		base.Text = "counted"
		return true, wrapVisit(visit(base, origin))
	}
	if it.Link != "" && !w.FeedContent {
		if !isURL(it.Link) {
			skipped(Skip{Origin: origin, Reason: fetch.ReasonBadURL, Err: fmt.Errorf("item link %q is not an http or https URL", it.Link)})
			return true, nil
		}
		resp, err := page.resp, page.err
		if !page.done {
			resp, err = w.fetcher().Get(w.ctx(), it.Link, nil)
		}
		if err != nil {
			if err := fetchSkip(origin, err, skipped); err != nil {
				return false, err
			}
			var fe *fetch.Error
			errors.As(err, &fe)
			transient := fe.Reason == fetch.ReasonTimeout || fe.Reason == fetch.ReasonNetwork ||
				(fe.Reason == fetch.ReasonStatus && fe.Status >= 500)
			return !transient, nil
		}
		return true, w.page(resp.Body, resp.URL, resp.ContentType, origin, base, visit, skipped)
	}
	content := it.Content
	if content == "" {
		content = it.Summary
	}
	base.Text = extract.Fragment(content)
	if strings.TrimSpace(base.Text) == "" {
		skipped(Skip{Origin: origin, Reason: ReasonEmpty, Err: errors.New("the feed item has neither a link nor content")})
		return true, nil
	}
	if !w.accept(base, origin, skipped) {
		return true, nil
	}
	return true, wrapVisit(visit(base, origin))
}
