package fetch

import (
	"bytes"
	"net/url"
	"strconv"
	"strings"
	"time"
)

// Robots is a parsed robots.txt (RFC 9309).
type Robots struct {
	groups []robotsGroup
	// unavailable, when set, says why every path is disallowed (the file
	// could not be read).
	unavailable string
	failure     string // the Reason of the failed read
}

type robotsGroup struct {
	agents []string // lower-case product tokens, "*" for any
	rules  []robotsRule
	delay  time.Duration
}

type robotsRule struct {
	allow   bool
	pattern string
}

// allowAll is the robots.txt of a host that has none.
var allowAll = &Robots{}

// maxRobotsBytes is how much of a robots.txt is parsed (RFC 9309 asks for
// at least 500 KiB).
const maxRobotsBytes = 512 << 10

// ParseRobots parses a robots.txt. Unknown fields and malformed lines are
// ignored, as RFC 9309 asks; only the first 512 KiB are read.
func ParseRobots(data []byte) *Robots {
	if len(data) > maxRobotsBytes {
		data = data[:maxRobotsBytes]
	}
	r := &Robots{}
	var cur *robotsGroup
	inAgents := false // the previous meaningful line was a user-agent line
	for len(data) > 0 {
		var line []byte
		if i := bytes.IndexAny(data, "\r\n"); i >= 0 {
			line, data = data[:i], data[i+1:]
		} else {
			line, data = data, nil
		}
		if i := bytes.IndexByte(line, '#'); i >= 0 {
			line = line[:i]
		}
		key, val, ok := bytes.Cut(line, []byte(":"))
		if !ok {
			continue
		}
		k := strings.ToLower(string(bytes.TrimSpace(key)))
		v := string(bytes.TrimSpace(val))
		switch k {
		case "user-agent":
			if !inAgents || cur == nil {
				r.groups = append(r.groups, robotsGroup{})
				cur = &r.groups[len(r.groups)-1]
			}
			agent := strings.ToLower(v)
			if i := strings.IndexAny(agent, " /"); i >= 0 {
				agent = agent[:i]
			}
			cur.agents = append(cur.agents, agent)
			inAgents = true
		case "allow", "disallow":
			inAgents = false
			if cur == nil {
				continue
			}
			if v == "" {
				continue // an empty disallow allows everything
			}
			cur.rules = append(cur.rules, robotsRule{allow: k == "allow", pattern: v})
		case "crawl-delay":
			inAgents = false
			if cur == nil {
				continue
			}
			if f, err := strconv.ParseFloat(v, 64); err == nil && f > 0 && f < 86400 {
				cur.delay = time.Duration(f * float64(time.Second))
			}
		default:
			// sitemap and unknown fields do not end a group of agents
		}
	}
	return r
}

// group returns the rules for userAgent: the groups naming its product
// token (the part before the first '/'), else the "*" groups; several
// matching groups are merged.
func (r *Robots) group(userAgent string) (rules []robotsRule, delay time.Duration) {
	token := strings.ToLower(userAgent)
	if i := strings.IndexAny(token, " /"); i >= 0 {
		token = token[:i]
	}
	found := false
	for _, g := range r.groups {
		for _, a := range g.agents {
			if a != "*" && a != "" && a == token {
				rules = append(rules, g.rules...)
				delay = max(delay, g.delay)
				found = true
			}
		}
	}
	if found {
		return rules, delay
	}
	for _, g := range r.groups {
		for _, a := range g.agents {
			if a == "*" {
				rules = append(rules, g.rules...)
				delay = max(delay, g.delay)
			}
		}
	}
	return rules, delay
}

// Allowed reports whether userAgent may fetch u: the longest matching rule
// decides, allow winning a tie; no matching rule allows. /robots.txt is
// always allowed.
func (r *Robots) Allowed(userAgent string, u *url.URL) bool {
	if r.unavailable != "" {
		return false
	}
	path := u.EscapedPath()
	if path == "" {
		path = "/"
	}
	if path == "/robots.txt" {
		return true
	}
	if u.RawQuery != "" {
		path += "?" + u.RawQuery
	}
	rules, _ := r.group(userAgent)
	best, allow := -1, true
	for _, rule := range rules {
		if n := len(rule.pattern); n >= best && match(rule.pattern, path) {
			if n > best || rule.allow {
				allow = rule.allow
			}
			best = n
		}
	}
	return allow
}

// CrawlDelay returns the Crawl-delay of userAgent's group, 0 when none.
func (r *Robots) CrawlDelay(userAgent string) time.Duration {
	_, d := r.group(userAgent)
	return d
}

// match reports whether path matches a robots.txt pattern: a prefix
// match where '*' stands for any run of characters and a final '$' anchors
// the end. It runs in O(len(pattern)·len(path)) at worst.
func match(pattern, path string) bool {
	anchored := strings.HasSuffix(pattern, "$")
	if anchored {
		pattern = pattern[:len(pattern)-1]
	}
	// Greedy matching with backtracking to the last '*'.
	p, s := 0, 0
	star, mark := -1, 0
	for s < len(path) {
		switch {
		case p < len(pattern) && pattern[p] == '*':
			star, mark = p, s
			p++
		case p < len(pattern) && pattern[p] == path[s]:
			p++
			s++
		case p == len(pattern) && !anchored:
			return true
		case star >= 0:
			p = star + 1
			mark++
			s = mark
		default:
			return false
		}
	}
	for p < len(pattern) && pattern[p] == '*' {
		p++
	}
	return p == len(pattern)
}
