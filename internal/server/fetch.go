package server

import (
	"context"
	"errors"
	"fmt"
	"io"
	"mime"
	"net"
	"net/http"
	"net/netip"
	"net/url"
	"syscall"
	"time"
	"unicode/utf8"

	"github.com/eventwire/eventwire/internal/extract"
)

// MaxFetchBody is the largest page POST /api/code fetches.
const MaxFetchBody = 1 << 20

// nonPublic are the address ranges a fetch may not reach unless
// AllowPrivate: besides loopback, private, link-local, unspecified and
// multicast addresses (netip's predicates), shared address space, the
// "this network" block, IETF protocol assignments, documentation and
// benchmarking ranges, reserved space, and NAT64 and 6to4 prefixes that
// could embed any IPv4 address.
var nonPublic = []netip.Prefix{
	netip.MustParsePrefix("0.0.0.0/8"),
	netip.MustParsePrefix("100.64.0.0/10"),
	netip.MustParsePrefix("192.0.0.0/24"),
	netip.MustParsePrefix("192.0.2.0/24"),
	netip.MustParsePrefix("198.18.0.0/15"),
	netip.MustParsePrefix("198.51.100.0/24"),
	netip.MustParsePrefix("203.0.113.0/24"),
	netip.MustParsePrefix("240.0.0.0/4"),
	netip.MustParsePrefix("64:ff9b::/96"),
	netip.MustParsePrefix("64:ff9b:1::/48"),
	netip.MustParsePrefix("2001:db8::/32"),
	netip.MustParsePrefix("2002::/16"),
	netip.MustParsePrefix("100::/64"),
}

// errBlocked marks a fetch refused by the address policy.
var errBlocked = errors.New("address not allowed")

// checkPublic returns an error wrapping errBlocked unless ip is a public
// unicast address.
func checkPublic(ip netip.Addr) error {
	ip = ip.Unmap()
	if !ip.IsValid() || ip.IsLoopback() || ip.IsPrivate() || ip.IsLinkLocalUnicast() || ip.IsLinkLocalMulticast() ||
		ip.IsInterfaceLocalMulticast() || ip.IsMulticast() || ip.IsUnspecified() || !ip.IsGlobalUnicast() {
		return fmt.Errorf("%w: %s is not a public address", errBlocked, ip)
	}
	for _, p := range nonPublic {
		if p.Contains(ip) {
			return fmt.Errorf("%w: %s is in the reserved range %s", errBlocked, ip, p)
		}
	}
	return nil
}

// newFetchClient returns the client of POST /api/code's url: no proxy
// (a proxy would dial for us), at most 5 redirects to http or https, and,
// unless allowPrivate, a dialer that checks each resolved address just
// before connecting, so neither DNS rebinding nor a redirect reaches a
// non-public address. check replaces the policy in tests.
func newFetchClient(allowPrivate bool, check func(netip.AddrPort) error) *http.Client {
	if check == nil && !allowPrivate {
		check = func(ap netip.AddrPort) error { return checkPublic(ap.Addr()) }
	}
	d := &net.Dialer{Timeout: 10 * time.Second}
	if check != nil {
		d.Control = func(network, address string, _ syscall.RawConn) error {
			ap, err := netip.ParseAddrPort(address)
			if err != nil {
				return fmt.Errorf("%w: dialing %q", errBlocked, address)
			}
			return check(ap)
		}
	}
	tr := &http.Transport{
		Proxy:                  nil,
		DialContext:            d.DialContext,
		TLSHandshakeTimeout:    10 * time.Second,
		ResponseHeaderTimeout:  15 * time.Second,
		MaxResponseHeaderBytes: 64 << 10,
		MaxIdleConns:           4,
		IdleConnTimeout:        30 * time.Second,
	}
	return &http.Client{
		Transport: tr,
		CheckRedirect: func(req *http.Request, via []*http.Request) error {
			if len(via) >= 5 {
				return errors.New("more than 5 redirects")
			}
			if req.URL.Scheme != "http" && req.URL.Scheme != "https" {
				return fmt.Errorf("redirect to a %s URL", req.URL.Scheme)
			}
			return nil
		},
	}
}

// fetchText fetches a page for coding: a text page as it is (decoded to
// UTF-8), an HTML page's article as internal/extract finds it.
func (s *Server) fetchText(ctx context.Context, raw string) (fetched, error) {
	if s.fetch == nil {
		return fetched{}, &httpError{status: http.StatusForbidden, param: "url", msg: "fetching URLs is disabled: start the server with --allow-fetch, or send the text"}
	}
	u, err := url.Parse(raw)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" || len(raw) > 2048 {
		return fetched{}, paramErr("url", "want an absolute http or https URL, not %q", clip(raw))
	}
	if u.User != nil {
		return fetched{}, paramErr("url", "URLs with user information are not fetched")
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, u.String(), nil)
	if err != nil {
		return fetched{}, paramErr("url", "%v", err)
	}
	req.Header.Set("User-Agent", "eventwire (+https://github.com/eventwire/eventwire)")
	req.Header.Set("Accept", "text/html, text/plain;q=0.9")
	resp, err := s.fetch.Do(req)
	if err != nil {
		if errors.Is(err, errBlocked) {
			return fetched{}, &httpError{status: http.StatusForbidden, param: "url", msg: "fetching " + clip(raw) + ": " + unwrapAll(err).Error() +
				" (the server fetches only public addresses unless started with --allow-private)"}
		}
		if ctx.Err() != nil {
			return fetched{}, ctx.Err()
		}
		return fetched{}, &httpError{status: http.StatusBadGateway, param: "url", msg: "fetching " + clip(raw) + ": " + err.Error()}
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return fetched{}, &httpError{status: http.StatusBadGateway, param: "url", msg: fmt.Sprintf("fetching %s: status %s", clip(raw), resp.Status)}
	}
	ct := resp.Header.Get("Content-Type")
	mt, _, err := mime.ParseMediaType(ct)
	if err != nil || (mt != "text/plain" && mt != "text/html" && mt != "application/xhtml+xml") {
		return fetched{}, &httpError{status: http.StatusUnsupportedMediaType, param: "url",
			msg: fmt.Sprintf("fetching %s: content type %q: only text and HTML pages are coded", clip(raw), ct)}
	}
	data, err := io.ReadAll(io.LimitReader(resp.Body, MaxFetchBody+1))
	if err != nil {
		return fetched{}, &httpError{status: http.StatusBadGateway, param: "url", msg: "fetching " + clip(raw) + ": " + err.Error()}
	}
	if len(data) > MaxFetchBody {
		return fetched{}, &httpError{status: http.StatusRequestEntityTooLarge, param: "url", msg: fmt.Sprintf("fetching %s: page larger than %d bytes", clip(raw), MaxFetchBody)}
	}
	if mt == "text/plain" {
		text, _ := extract.Decode(data, ct)
		if !utf8.Valid(text) {
			return fetched{}, &httpError{status: http.StatusUnprocessableEntity, param: "url", msg: "fetching " + clip(raw) + ": text is not in a known encoding"}
		}
		return fetched{text: string(text)}, nil
	}
	page, err := extract.HTML(data, ct, extract.Options{URL: resp.Request.URL.String()})
	if err != nil {
		return fetched{}, &httpError{status: http.StatusUnprocessableEntity, param: "url", msg: "fetching " + clip(raw) + ": " + err.Error()}
	}
	return fetched{text: page.Text, title: page.Title, date: page.Date}, nil
}

// fetched is the article of a fetched page.
type fetched struct {
	text, title string
	date        time.Time // zero when the page gives none
}

// unwrapAll returns the innermost error that mentions errBlocked.
func unwrapAll(err error) error {
	for {
		u := errors.Unwrap(err)
		if u == nil || !errors.Is(u, errBlocked) || u == errBlocked {
			return err
		}
		err = u
	}
}
