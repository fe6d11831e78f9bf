package ingest

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/eventwire/eventwire/internal/document"
	"github.com/eventwire/eventwire/internal/feed"
)

// Reasons a file or a document is skipped, as Skip.Reason reports them.
const (
	ReasonUnreadable = "unreadable"     // the file cannot be opened or read
	ReasonBadGzip    = "bad gzip"       // gzip magic bytes but a corrupt stream
	ReasonNotUTF8    = "not UTF-8"      // text that is not valid UTF-8
	ReasonBadHeader  = "bad header"     // a malformed Title/Date/URL/Source block
	ReasonBadLine    = "bad JSON line"  // a JSON Lines record that cannot be read
	ReasonLongLine   = "line too long"  // a JSON Lines line over MaxJSONLine bytes (the lines after it are read)
	ReasonEmpty      = "empty text"     // a document without text
	ReasonTooLarge   = "file too large" // a text file over MaxTextFile bytes

	ReasonLanguage  = "other language"  // a document in a language not accepted (Walker.Languages)
	ReasonNoArticle = "no article text" // a web page without an article (extract.ErrNoText)
	ReasonBadFeed   = "bad feed"        // a feed that cannot be read, or read only in part
	// A page or feed that cannot be fetched is skipped with the reason
	// fetch gives: fetch.ReasonRobots, ReasonStatus, ReasonTooLarge,
	// ReasonTimeout, ReasonNetwork, ReasonRedirects or ReasonBadURL.
)

// Unreadable reports whether a skip for reason means input that could not
// be read as what it claims to be — a file that cannot be opened or read,
// a corrupt gzip stream, text that is not UTF-8, a malformed header, a bad
// or over-long JSON Lines record, a file over MaxTextFile — rather than a
// document left out by choice (another language, no article text, empty
// text) or a fetch that failed. Commands exit non-zero when they skipped
// unreadable input, so that a script notices data it did not get.
func Unreadable(reason string) bool {
	switch reason {
	case ReasonUnreadable, ReasonBadGzip, ReasonNotUTF8, ReasonBadHeader, ReasonBadLine, ReasonLongLine, ReasonTooLarge:
		return true
	}
	return false
}

// MaxTextFile is the largest plain-text document Walk reads (64 MiB).
const MaxTextFile = 64 << 20

// Skip is one input Walk could not use, and why. The run goes on after it.
type Skip = document.Skip

// Walk reads the documents of paths in order and passes each to visit with
// its origin (file, or file:line in JSON Lines). A directory is walked
// recursively in lexical order, skipping names that start with a dot. A file
// is gzip-compressed when it starts with the gzip magic bytes, whatever its
// name; it holds JSON Lines when its name (less any .gz) ends in .jsonl or
// .ndjson or its first non-blank byte is '{', and one plain-text document
// otherwise. Inputs that cannot be used are passed to skipped and the walk
// goes on; Walk returns the first error visit returns, or an error when a
// path given on the command line does not exist.
//
// Walk is Default.Walk: it also reads HTML files, feeds and URLs, and skips
// documents in other languages (see Walker).
func Walk(paths []string, visit func(doc Document, origin string) error, skipped func(Skip)) error {
	return Default.Walk(paths, visit, skipped)
}

// Walk reads the documents of sources in order and passes each to visit,
// as the package function Walk describes for files and directories. A
// source that starts with http:// or https:// is fetched (Walker.Fetcher)
// and read as a feed, a web page or a text document by what it holds. In a
// file or a fetched body, a feed (RSS or Atom root element) yields one
// document per item, each item's page fetched and extracted; an HTML page
// (.html or .htm, or markup that starts like HTML) yields its article. A
// document whose language is not accepted (Walker.Languages) is skipped
// with ReasonLanguage.
func (w *Walker) Walk(paths []string, visit func(doc Document, origin string) error, skipped func(Skip)) error {
	visit, skipped = w.counting(visit, skipped)
	for _, p := range paths {
		if isURL(p) {
			if err := w.fetchSource(p, visit, skipped); err != nil {
				return err
			}
			continue
		}
		info, err := os.Stat(p)
		if err != nil {
			return fmt.Errorf("reading input: %w", err)
		}
		if !info.IsDir() {
			if err := w.readFile(p, visit, skipped); err != nil {
				return err
			}
			continue
		}
		err = filepath.WalkDir(p, func(path string, d fs.DirEntry, err error) error {
			if err != nil {
				skipped(Skip{Origin: path, Reason: ReasonUnreadable, Err: err})
				if d != nil && d.IsDir() {
					return fs.SkipDir
				}
				return nil
			}
			if path != p && strings.HasPrefix(d.Name(), ".") {
				if d.IsDir() {
					return fs.SkipDir
				}
				return nil
			}
			if !d.Type().IsRegular() {
				return nil
			}
			return w.readFile(path, visit, skipped)
		})
		if err != nil {
			return err
		}
	}
	return nil
}

// errVisit marks an error returned by visit, which ends the walk.
type errVisit struct{ err error }

func (e errVisit) Error() string { return e.err.Error() }
func (e errVisit) Unwrap() error { return e.err }

func (w *Walker) readFile(path string, visit func(Document, string) error, skipped func(Skip)) error {
	f, err := os.Open(path)
	if err != nil {
		skipped(Skip{Origin: path, Reason: ReasonUnreadable, Err: err})
		return nil
	}
	defer f.Close()
	err = w.readStream(f, path, "", visit, skipped)
	var ev errVisit
	if errors.As(err, &ev) {
		return ev.err
	}
	if err != nil {
		skipped(Skip{Origin: path, Reason: ReasonUnreadable, Err: err})
	}
	return nil
}

// ReadStream reads the documents of one input stream named name (gzip,
// JSON Lines, feed, HTML or plain text, detected as Walk does) and passes
// them to visit; unusable documents go to skipped. It returns an error
// wrapping what visit returned, or a read error after which the rest of the
// stream is lost. It is Default.ReadStream.
func ReadStream(r io.Reader, name string, visit func(Document, string) error, skipped func(Skip)) error {
	return Default.ReadStream(r, name, visit, skipped)
}

// ReadStream is the package function ReadStream with w's settings.
func (w *Walker) ReadStream(r io.Reader, name string, visit func(Document, string) error, skipped func(Skip)) error {
	return w.readStream(r, name, "", visit, skipped)
}

// readStream reads one stream; contentType is the HTTP Content-Type of a
// fetched body ("" for files).
func (w *Walker) readStream(r io.Reader, name, contentType string, visit func(Document, string) error, skipped func(Skip)) error {
	br := bufio.NewReaderSize(r, 64<<10)
	base := name
	if magic, _ := br.Peek(2); len(magic) == 2 && magic[0] == 0x1f && magic[1] == 0x8b {
		zr, err := gzip.NewReader(br)
		if err != nil {
			skipped(Skip{Origin: name, Reason: ReasonBadGzip, Err: err})
			return nil
		}
		defer zr.Close()
		zr.Multistream(true)
		br = bufio.NewReaderSize(&gzipErrReader{zr}, 64<<10)
		base = strings.TrimSuffix(strings.TrimSuffix(name, ".gz"), ".gzip")
	}
	ext := strings.ToLower(filepath.Ext(base))
	isJSONL := ext == ".jsonl" || ext == ".ndjson"
	if !isJSONL {
		for i := 1; ; i++ {
			b, err := br.Peek(i)
			if len(b) < i || err != nil {
				break
			}
			c := b[i-1]
			if c == ' ' || c == '\t' || c == '\r' || c == '\n' {
				if i > 4096 {
					break
				}
				continue
			}
			isJSONL = c == '{'
			break
		}
	}
	if isJSONL {
		jr := NewJSONLReader(br, name)
		for {
			doc, err := jr.Next()
			if errors.Is(err, io.EOF) {
				return nil
			}
			if errors.Is(err, ErrBadLine) {
				reason := ReasonBadLine
				if errors.Is(err, ErrLineTooLong) {
					reason = ReasonLongLine
				}
				skipped(Skip{Origin: fmt.Sprintf("%s:%d", name, jr.line), Reason: reason, Err: err})
				continue
			}
			if err != nil {
				return wrapGzip(name, err, skipped)
			}
			origin := fmt.Sprintf("%s:%d", name, jr.line)
			if !w.accept(doc, origin, skipped) {
				continue
			}
			if err := visit(doc, origin); err != nil {
				return errVisit{err}
			}
		}
	}
	data, err := io.ReadAll(io.LimitReader(br, MaxTextFile+1))
	if err != nil {
		return wrapGzip(name, err, skipped)
	}
	if len(data) > MaxTextFile {
		skipped(Skip{Origin: name, Reason: ReasonTooLarge, Err: fmt.Errorf("more than %d bytes", MaxTextFile)})
		return nil
	}
	switch {
	case feed.Sniff(data):
		return w.readFeed(data, name, contentType, visit, skipped)
	case isHTML(base, contentType, data):
		return w.readPage(data, name, contentType, name, visit, skipped)
	}
	// A few invalid bytes are replaced (and counted in the document);
	// more mean another encoding, and the file is skipped.
	data, replaced, ok := RepairUTF8(data)
	if !ok {
		skipped(Skip{Origin: name, Reason: ReasonNotUTF8, Err: fmt.Errorf("text is not valid UTF-8 (%d invalid bytes in %d)", replaced, len(data))})
		return nil
	}
	doc, err := ParseText(data, name)
	if err != nil {
		skipped(Skip{Origin: name, Reason: ReasonBadHeader, Err: err})
		return nil
	}
	doc.Replaced = replaced
	if len(bytes.TrimSpace([]byte(doc.Text))) == 0 {
		skipped(Skip{Origin: name, Reason: ReasonEmpty, Err: errors.New("no text after the header")})
		return nil
	}
	if isURL(name) && doc.URL == "" {
		doc.URL = name
	}
	if !w.accept(doc, name, skipped) {
		return nil
	}
	if err := visit(doc, name); err != nil {
		return errVisit{err}
	}
	return nil
}

// gzipErrReader marks errors of a gzip stream so they are reported as
// ReasonBadGzip.
type gzipErrReader struct{ r io.Reader }

type gzipError struct{ err error }

func (e gzipError) Error() string { return e.err.Error() }
func (e gzipError) Unwrap() error { return e.err }

func (g *gzipErrReader) Read(p []byte) (int, error) {
	n, err := g.r.Read(p)
	if err != nil && err != io.EOF {
		err = gzipError{err}
	}
	return n, err
}

// wrapGzip reports a corrupt gzip stream as a skip (documents read before
// the corruption are kept) and passes other read errors on.
func wrapGzip(name string, err error, skipped func(Skip)) error {
	var ge gzipError
	if errors.As(err, &ge) {
		skipped(Skip{Origin: name, Reason: ReasonBadGzip, Err: ge.err})
		return nil
	}
	return err
}
