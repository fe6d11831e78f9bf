package dedup

import (
	"net/url"
	"sort"
	"strings"
)

// trackingParams are query parameters that identify a campaign or a click,
// not a page. Parameters starting with "utm_" are dropped as well.
var trackingParams = map[string]bool{
	"fbclid": true, "gclid": true, "dclid": true, "gclsrc": true, "msclkid": true,
	"yclid": true, "mc_cid": true, "mc_eid": true, "igshid": true, "twclid": true,
	"_ga": true, "_gl": true, "ocid": true, "cmpid": true, "smid": true,
	"ref": true, "ref_src": true, "ref_url": true, "amp": true, "outputtype": true,
}

// CanonicalURL returns the URL under which copies of one page are
// recognised: scheme and host lower-cased, "www.", "m.", "mobile." and
// "amp." host prefixes removed, default ports, fragments, tracking
// parameters (utm_*, fbclid, gclid, ...) and AMP markers ("/amp" path
// segment, "?amp", ".amp.html" suffix) removed, remaining parameters sorted,
// trailing slashes removed. http and https are the same page. It returns ""
// for an empty or unparseable URL, one without a host, or one whose
// canonical form does not read back as itself (malformed hosts), so that a
// canonical URL is always a stable key.
func CanonicalURL(raw string) string {
	c := canonicalURL(raw)
	if c == "" || canonicalURL(c) != c {
		return ""
	}
	return c
}

func canonicalURL(raw string) string {
	raw = strings.TrimSpace(raw)
	if raw == "" {
		return ""
	}
	u, err := url.Parse(raw)
	if err != nil || u.Host == "" {
		return ""
	}
	host := strings.ToLower(u.Hostname())
	host = strings.TrimSuffix(host, ".")
	if host == "" {
		return ""
	}
	for {
		trimmed := false
		for _, p := range [...]string{"www.", "m.", "mobile.", "amp."} {
			if strings.HasPrefix(host, p) && strings.Count(host, ".") > 1 {
				host = host[len(p):]
				trimmed = true
			}
		}
		if !trimmed {
			break
		}
	}
	if strings.Contains(host, ":") { // IPv6 literal
		host = "[" + strings.ReplaceAll(host, "%", "%25") + "]"
	}
	if port := u.Port(); port != "" && port != "80" && port != "443" {
		host += ":" + port
	}
	path := u.EscapedPath()
	// AMP paths: /amp, /amp/ as a segment, and article.amp.html.
	segs := strings.Split(path, "/")
	out := segs[:0]
	for _, s := range segs {
		if strings.EqualFold(s, "amp") {
			continue
		}
		out = append(out, s)
	}
	path = strings.Join(out, "/")
	if strings.HasSuffix(strings.ToLower(path), ".amp.html") {
		path = path[:len(path)-len(".amp.html")] + ".html"
	}
	path = strings.TrimRight(path, "/")
	q := u.Query()
	keys := make([]string, 0, len(q))
	for k := range q {
		lk := strings.ToLower(k)
		if strings.HasPrefix(lk, "utm_") || trackingParams[lk] {
			continue
		}
		keys = append(keys, k)
	}
	sort.Strings(keys)
	var b strings.Builder
	b.WriteString("https://")
	b.WriteString(host)
	b.WriteString(path)
	for i, k := range keys {
		vs := q[k]
		sort.Strings(vs)
		for j, v := range vs {
			if i == 0 && j == 0 {
				b.WriteByte('?')
			} else {
				b.WriteByte('&')
			}
			b.WriteString(url.QueryEscape(k))
			if v != "" {
				b.WriteByte('=')
				b.WriteString(url.QueryEscape(v))
			}
		}
	}
	return b.String()
}
