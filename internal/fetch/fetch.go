// Package fetch is eventwire's polite HTTP client for news pages and feeds.
// It obeys robots.txt (RFC 9309, including Crawl-delay), spaces requests to
// one host by a minimum delay, bounds each attempt by a timeout and each
// body by a size cap, retries transient failures (network errors, 429, 500,
// 502, 503, 504) with exponential back-off and jitter, honouring
// Retry-After, and follows redirects itself so that every hop is checked
// against robots.txt and the rate limit. Bodies are returned as bytes with
// their Content-Type; decoding the charset is the reader's business
// (extract.Decode for HTML, the XML declaration for feeds).
package fetch

import (
	"context"
	"errors"
	"fmt"
	"io"
	"math/rand/v2"
	"net"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"sync"
	"time"
)

// Options configure a Client. Zero fields take the defaults in brackets.
type Options struct {
	UserAgent     string        // sent with every request, and matched against robots.txt groups ["eventwire/1 (+https://github.com/eventwire/eventwire)"]
	Timeout       time.Duration // one attempt, headers and body [30s]
	MaxBytes      int64         // largest body read [10 MiB]
	Retries       int           // further attempts after a transient failure [3]; -1: none
	Backoff       time.Duration // first back-off, doubled each retry, with ±50% jitter [1s]
	MaxWait       time.Duration // longest back-off or Retry-After waited; a longer Retry-After fails the fetch [2m]
	HostDelay     time.Duration // least time between two requests to one host [1s]; -1: none
	MaxHostDelay  time.Duration // cap on a robots.txt Crawl-delay [30s]
	MaxRedirects  int           // [10]
	IgnoreRobots  bool          // do not read robots.txt (for hosts you own)
	RobotsTTL     time.Duration // how long a host's robots.txt is kept [1h]
	Transport     http.RoundTripper
	DisableJitter bool // exact back-off (tests)
}

// DefaultUserAgent is the User-Agent sent when Options.UserAgent is empty.
const DefaultUserAgent = "eventwire/1 (+https://github.com/eventwire/eventwire)"

func (o *Options) defaults() {
	if o.UserAgent == "" {
		o.UserAgent = DefaultUserAgent
	}
	if o.Timeout <= 0 {
		o.Timeout = 30 * time.Second
	}
	if o.MaxBytes <= 0 {
		o.MaxBytes = 10 << 20
	}
	if o.Retries == 0 {
		o.Retries = 3
	} else if o.Retries < 0 {
		o.Retries = 0
	}
	if o.Backoff <= 0 {
		o.Backoff = time.Second
	}
	if o.MaxWait <= 0 {
		o.MaxWait = 2 * time.Minute
	}
	if o.HostDelay == 0 {
		o.HostDelay = time.Second
	} else if o.HostDelay < 0 {
		o.HostDelay = 0
	}
	if o.MaxHostDelay <= 0 {
		o.MaxHostDelay = 30 * time.Second
	}
	if o.MaxRedirects <= 0 {
		o.MaxRedirects = 10
	}
	if o.RobotsTTL <= 0 {
		o.RobotsTTL = time.Hour
	}
	if o.Transport == nil {
		o.Transport = http.DefaultTransport
	}
}

// Reasons a fetch fails, as Error.Reason gives them.
const (
	ReasonRobots    = "robots.txt disallows"
	ReasonStatus    = "HTTP error"
	ReasonTooLarge  = "page too large"
	ReasonTimeout   = "timeout"
	ReasonNetwork   = "network error"
	ReasonRedirects = "too many redirects"
	ReasonBadURL    = "bad URL"
)

// Error is a failed fetch: the URL, a Reason constant and the cause.
type Error struct {
	URL    string
	Reason string
	Status int // the last HTTP status, 0 when none
	Err    error
}

func (e *Error) Error() string {
	if e.Status != 0 {
		return fmt.Sprintf("fetching %s: %s: HTTP %d: %v", e.URL, e.Reason, e.Status, e.Err)
	}
	return fmt.Sprintf("fetching %s: %s: %v", e.URL, e.Reason, e.Err)
}

func (e *Error) Unwrap() error { return e.Err }

// Response is a fetched document.
type Response struct {
	URL         string // the final URL, after redirects
	Status      int
	ContentType string
	Body        []byte
	// ETag and LastModified are the validators to send with a later
	// conditional request (Request.IfNoneMatch, Request.IfModifiedSince).
	ETag         string
	LastModified string
}

// NotModified reports whether the server answered 304 to a conditional
// request: the document did not change, and Body is empty.
func (r *Response) NotModified() bool { return r.Status == http.StatusNotModified }

// Client fetches documents politely. It is safe for concurrent use; its
// per-host state (robots.txt, next allowed request time) is shared.
type Client struct {
	opt  Options
	http *http.Client

	mu    sync.Mutex
	hosts map[string]*host
}

// host is the state kept per scheme://host:port.
type host struct {
	mu      sync.Mutex // held while waiting for the host's turn
	rmu     sync.Mutex // held while reading robots.txt, so that it is read once
	next    time.Time  // earliest time of the next request
	robots  *Robots
	fetched time.Time
	delay   time.Duration // HostDelay, or the robots.txt Crawl-delay when longer
}

// New returns a client with opt's settings.
func New(opt Options) *Client {
	opt.defaults()
	return &Client{
		opt: opt,
		http: &http.Client{
			Transport: opt.Transport,
			CheckRedirect: func(*http.Request, []*http.Request) error {
				return http.ErrUseLastResponse // redirects are followed by Get
			},
		},
		hosts: map[string]*host{},
	}
}

// Request is an optional conditional GET.
type Request struct {
	IfNoneMatch     string
	IfModifiedSince string
}

// Get fetches rawURL. It returns an *Error for a URL that cannot be
// fetched (robots.txt, HTTP status other than 2xx and 304, size cap,
// timeout, network, redirects); ctx's cancellation stops waits and
// requests and is returned as ctx.Err().
func (c *Client) Get(ctx context.Context, rawURL string, req *Request) (*Response, error) {
	u, err := url.Parse(rawURL)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		if err == nil {
			err = errors.New("want an absolute http or https URL")
		}
		return nil, &Error{URL: rawURL, Reason: ReasonBadURL, Err: err}
	}
	u.Fragment = ""
	for hop := 0; ; hop++ {
		if hop > c.opt.MaxRedirects {
			return nil, &Error{URL: rawURL, Reason: ReasonRedirects, Err: fmt.Errorf("more than %d redirects", c.opt.MaxRedirects)}
		}
		if !c.opt.IgnoreRobots {
			r, err := c.robots(ctx, u)
			if err != nil {
				return nil, err
			}
			if !r.Allowed(c.opt.UserAgent, u) {
				why := fmt.Errorf("%s is disallowed for %s", u.EscapedPath(), c.opt.UserAgent)
				reason := ReasonRobots
				if r.unavailable != "" {
					why = fmt.Errorf("%s: the host is treated as disallowed", r.unavailable)
					if r.failure == ReasonTimeout || r.failure == ReasonNetwork {
						// The host cannot be reached at all: say so.
						reason = r.failure
					}
				}
				if hop > 0 {
					why = fmt.Errorf("redirected from %s: %w", rawURL, why)
				}
				return nil, &Error{URL: u.String(), Reason: reason, Err: why}
			}
		}
		resp, loc, err := c.retry(ctx, u, req)
		if err != nil {
			return nil, err
		}
		if loc == nil {
			return resp, nil
		}
		u = loc
	}
}

// retry makes the request to u with retries; it returns the response, or
// the Location of a redirect.
func (c *Client) retry(ctx context.Context, u *url.URL, req *Request) (*Response, *url.URL, error) {
	backoff := c.opt.Backoff
	var last *attemptError
	for attempt := 0; attempt <= c.opt.Retries; attempt++ {
		if attempt > 0 {
			wait := backoff
			if !c.opt.DisableJitter {
				wait = time.Duration(float64(wait) * (0.5 + rand.Float64()))
			}
			if last.retryAfter > 0 {
				wait = last.retryAfter
			}
			if wait > c.opt.MaxWait {
				if last.retryAfter > 0 {
					last.Err = fmt.Errorf("%w; Retry-After %s is longer than the %s allowed", last.Err, last.retryAfter, c.opt.MaxWait)
					return nil, nil, &last.Error
				}
				wait = c.opt.MaxWait
			}
			if err := sleep(ctx, wait); err != nil {
				return nil, nil, err
			}
			backoff *= 2
		}
		resp, loc, ferr, err := c.once(ctx, u, req)
		if err != nil {
			return nil, nil, err // ctx
		}
		if ferr == nil {
			return resp, loc, nil
		}
		if !ferr.transient {
			return nil, nil, &ferr.Error
		}
		last = ferr
	}
	return nil, nil, &last.Error
}

// attemptError is a failed attempt and whether another may succeed.
type attemptError struct {
	Error
	transient  bool
	retryAfter time.Duration
}

// once makes one request after waiting for the host's turn.
func (c *Client) once(ctx context.Context, u *url.URL, req *Request) (*Response, *url.URL, *attemptError, error) {
	if err := c.wait(ctx, u); err != nil {
		return nil, nil, nil, err
	}
	actx, cancel := context.WithTimeout(ctx, c.opt.Timeout)
	defer cancel()
	hreq, err := http.NewRequestWithContext(actx, http.MethodGet, u.String(), nil)
	if err != nil {
		return nil, nil, &attemptError{Error: Error{URL: u.String(), Reason: ReasonBadURL, Err: err}}, nil
	}
	hreq.Header.Set("User-Agent", c.opt.UserAgent)
	hreq.Header.Set("Accept", "text/html,application/xhtml+xml,application/rss+xml,application/atom+xml,application/xml;q=0.9,text/plain;q=0.8,*/*;q=0.5")
	if req != nil {
		if req.IfNoneMatch != "" {
			hreq.Header.Set("If-None-Match", req.IfNoneMatch)
		}
		if req.IfModifiedSince != "" {
			hreq.Header.Set("If-Modified-Since", req.IfModifiedSince)
		}
	}
	resp, err := c.http.Do(hreq)
	if err != nil {
		if ctx.Err() != nil {
			return nil, nil, nil, ctx.Err()
		}
		return nil, nil, netError(u, err), nil
	}
	defer resp.Body.Close()
	switch {
	case resp.StatusCode >= 300 && resp.StatusCode < 400 && resp.StatusCode != http.StatusNotModified:
		io.Copy(io.Discard, io.LimitReader(resp.Body, 64<<10))
		loc, err := resp.Location()
		if err != nil {
			return nil, nil, &attemptError{Error: Error{URL: u.String(), Reason: ReasonStatus, Status: resp.StatusCode, Err: fmt.Errorf("redirect without a usable Location: %w", err)}}, nil
		}
		if loc.Scheme != "http" && loc.Scheme != "https" {
			return nil, nil, &attemptError{Error: Error{URL: u.String(), Reason: ReasonBadURL, Status: resp.StatusCode, Err: fmt.Errorf("redirect to %s", loc)}}, nil
		}
		loc.Fragment = ""
		return nil, loc, nil, nil
	case resp.StatusCode == http.StatusTooManyRequests, resp.StatusCode == http.StatusInternalServerError,
		resp.StatusCode == http.StatusBadGateway, resp.StatusCode == http.StatusServiceUnavailable,
		resp.StatusCode == http.StatusGatewayTimeout:
		io.Copy(io.Discard, io.LimitReader(resp.Body, 64<<10))
		return nil, nil, &attemptError{
			Error:      Error{URL: u.String(), Reason: ReasonStatus, Status: resp.StatusCode, Err: errors.New(http.StatusText(resp.StatusCode))},
			transient:  true,
			retryAfter: retryAfter(resp.Header.Get("Retry-After"), time.Now()),
		}, nil
	case resp.StatusCode != http.StatusNotModified && (resp.StatusCode < 200 || resp.StatusCode > 299):
		io.Copy(io.Discard, io.LimitReader(resp.Body, 64<<10))
		return nil, nil, &attemptError{Error: Error{URL: u.String(), Reason: ReasonStatus, Status: resp.StatusCode, Err: errors.New(http.StatusText(resp.StatusCode))}}, nil
	}
	out := &Response{
		URL:          u.String(),
		Status:       resp.StatusCode,
		ContentType:  resp.Header.Get("Content-Type"),
		ETag:         resp.Header.Get("ETag"),
		LastModified: resp.Header.Get("Last-Modified"),
	}
	if resp.ContentLength > c.opt.MaxBytes {
		return nil, nil, &attemptError{Error: Error{URL: u.String(), Reason: ReasonTooLarge, Err: fmt.Errorf("Content-Length %d is over the %d-byte cap", resp.ContentLength, c.opt.MaxBytes)}}, nil
	}
	body, err := io.ReadAll(io.LimitReader(resp.Body, c.opt.MaxBytes+1))
	if err != nil {
		if ctx.Err() != nil {
			return nil, nil, nil, ctx.Err()
		}
		return nil, nil, netError(u, err), nil
	}
	if int64(len(body)) > c.opt.MaxBytes {
		return nil, nil, &attemptError{Error: Error{URL: u.String(), Reason: ReasonTooLarge, Err: fmt.Errorf("body over the %d-byte cap", c.opt.MaxBytes)}}, nil
	}
	out.Body = body
	return out, nil, nil, nil
}

// netError classifies a transport error as a timeout or a network error;
// both are transient.
func netError(u *url.URL, err error) *attemptError {
	reason := ReasonNetwork
	var ne net.Error
	if errors.Is(err, context.DeadlineExceeded) || (errors.As(err, &ne) && ne.Timeout()) {
		reason = ReasonTimeout
	}
	return &attemptError{Error: Error{URL: u.String(), Reason: reason, Err: err}, transient: true}
}

// retryAfter reads a Retry-After header: delay seconds or an HTTP date.
func retryAfter(v string, now time.Time) time.Duration {
	v = strings.TrimSpace(v)
	if v == "" {
		return 0
	}
	if s, err := strconv.Atoi(v); err == nil {
		if s < 0 {
			return 0
		}
		return time.Duration(min(s, 1<<20)) * time.Second
	}
	if t, err := http.ParseTime(v); err == nil {
		if d := t.Sub(now); d > 0 {
			return d
		}
	}
	return 0
}

// hostOf returns the state of u's host, created on first use.
func (c *Client) hostOf(u *url.URL) *host {
	key := u.Scheme + "://" + strings.ToLower(u.Host)
	c.mu.Lock()
	defer c.mu.Unlock()
	h := c.hosts[key]
	if h == nil {
		h = &host{delay: c.opt.HostDelay}
		c.hosts[key] = h
	}
	return h
}

// wait blocks until u's host may be asked again, and books the next turn.
func (c *Client) wait(ctx context.Context, u *url.URL) error {
	h := c.hostOf(u)
	h.mu.Lock()
	defer h.mu.Unlock()
	if d := time.Until(h.next); d > 0 {
		if err := sleep(ctx, d); err != nil {
			return err
		}
	}
	h.next = time.Now().Add(h.delay)
	return nil
}

// robots returns the robots.txt of u's host, reading it first when it is
// not known or has expired.
func (c *Client) robots(ctx context.Context, u *url.URL) (*Robots, error) {
	h := c.hostOf(u)
	h.rmu.Lock()
	defer h.rmu.Unlock()
	h.mu.Lock()
	r, fetched := h.robots, h.fetched
	h.mu.Unlock()
	if r == nil || time.Since(fetched) > c.opt.RobotsTTL {
		var err error
		r, err = c.readRobots(ctx, u)
		if err != nil {
			return nil, err
		}
		h.mu.Lock()
		h.robots, h.fetched = r, time.Now()
		if d := r.CrawlDelay(c.opt.UserAgent); d > h.delay {
			h.delay = min(d, c.opt.MaxHostDelay)
		}
		h.mu.Unlock()
	}
	return r, nil
}

// readRobots fetches u's host's robots.txt, with the retries of any
// request. As RFC 9309 says: a 4xx answer (no file) allows everything; a
// server error or an unreachable host, after the retries, disallows
// everything until the next try after RobotsTTL.
func (c *Client) readRobots(ctx context.Context, u *url.URL) (*Robots, error) {
	ru := &url.URL{Scheme: u.Scheme, Host: u.Host, Path: "/robots.txt"}
	for hop := 0; hop <= 5; hop++ {
		resp, loc, err := c.retry(ctx, ru, nil)
		var ferr *Error
		switch {
		case errors.As(err, &ferr):
		case err != nil:
			return nil, err // ctx
		case loc != nil:
			ru = loc
			continue
		default:
			return ParseRobots(resp.Body), nil
		}
		switch {
		case ferr.Reason == ReasonStatus && ferr.Status >= 400 && ferr.Status < 500 && ferr.Status != http.StatusTooManyRequests:
			return allowAll, nil
		case ferr.Reason == ReasonTooLarge:
			return allowAll, nil
		default:
			return &Robots{unavailable: fmt.Sprintf("robots.txt could not be read (%s)", ferr.Error()), failure: ferr.Reason}, nil
		}
	}
	return allowAll, nil // a redirect loop: treated as no robots.txt, as RFC 9309 allows after 5 hops
}

// sleep waits d or until ctx is done.
func sleep(ctx context.Context, d time.Duration) error {
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-t.C:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}
