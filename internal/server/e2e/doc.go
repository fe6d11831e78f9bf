// Package e2e holds the browser tests of eventwire's web interface: they
// start the real server (internal/server with the embedded interface of
// internal/server/ui) over a store built from examples/corpus, drive
// Debian's headless Chromium through chromedp, and check each page against
// the API's own answers. The package has no code outside its tests.
//
// Run them with
//
//	go test ./internal/server/e2e
//
// They skip when /usr/bin/chromium (or $EVENTWIRE_CHROMIUM) is absent and
// under -short. Screenshots of every page go to $EVENTWIRE_SCREENSHOTS
// (default: a temporary directory); docs/img holds a committed set.
package e2e
