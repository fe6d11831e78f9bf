package server

import (
	"encoding/base64"
	"fmt"
	"net/url"
	"strconv"
	"strings"
	"time"

	"github.com/eventwire/eventwire/internal/store"
)

// ParamError is a bad request parameter (query parameter or body field):
// the response names it.
type ParamError struct {
	Param string // the parameter or body field, e.g. "quad"
	Msg   string // what is wrong, in lower case
}

func (e *ParamError) Error() string { return e.Param + ": " + e.Msg }

func paramErr(param, format string, args ...any) *ParamError {
	return &ParamError{Param: param, Msg: fmt.Sprintf(format, args...)}
}

// filterParams are the query parameters every event endpoint accepts.
var filterParams = []string{"actor", "code", "quad", "from", "to", "country", "place", "theme", "q", "min_confidence"}

// Limits of the filter parameters' lengths.
const (
	maxActorLen = 64
	maxTextLen  = 256
	maxTerms    = 16
)

// Params holds the parsed query parameters of one request.
type Params struct {
	Filter   store.Filter
	Limit    int
	Cursor   int64  // events after this id; 0 from the start
	Sort     string // "", "date", "-date", "goldstein", ...
	Interval string // day, week or month
	Format   string // json or csv
}

// paramSpec says which parameters an endpoint accepts besides the filter
// parameters, and the default and maximum of its limit (0: no limit
// parameter).
type paramSpec struct {
	filter       bool
	defLimit     int
	maxLimit     int
	cursor, sort bool
	interval     bool
	format       bool
}

// ParseParams validates the query parameters v against spec. An unknown,
// repeated or malformed parameter is a *ParamError.
func parseParams(v url.Values, spec paramSpec) (Params, error) {
	p := Params{Interval: "day", Format: "json"}
	for name, vals := range v {
		if !spec.accepts(name) {
			return p, paramErr(name, "unknown parameter")
		}
		if len(vals) > 1 {
			return p, paramErr(name, "given %d times", len(vals))
		}
	}
	get := func(name string) string { return v.Get(name) }
	var err error
	if spec.filter {
		if p.Filter, err = parseFilter(get); err != nil {
			return p, err
		}
	}
	if spec.maxLimit > 0 {
		p.Limit = spec.defLimit
		if s := get("limit"); s != "" {
			n, err := strconv.Atoi(s)
			if err != nil || n < 1 || n > spec.maxLimit {
				return p, paramErr("limit", "want an integer from 1 to %d, not %q", spec.maxLimit, clip(s))
			}
			p.Limit = n
		}
	}
	if spec.sort {
		if s := get("sort"); s != "" {
			ok := false
			for _, o := range store.Sorts {
				ok = ok || s == o
			}
			if !ok {
				return p, paramErr("sort", "want one of %s, not %q", strings.Join(store.Sorts, ", "), clip(s))
			}
			p.Sort = s
		}
	}
	if spec.cursor {
		if s := get("cursor"); s != "" {
			c, err := decodeCursor(s, p.Sort)
			if err != nil {
				return p, err
			}
			p.Cursor = c
		}
	}
	if spec.interval {
		if s := get("interval"); s != "" {
			if s != "day" && s != "week" && s != "month" {
				return p, paramErr("interval", "want day, week or month, not %q", clip(s))
			}
			p.Interval = s
		}
	}
	if spec.format {
		if s := get("format"); s != "" {
			if s != "json" && s != "csv" {
				return p, paramErr("format", "want json or csv, not %q", clip(s))
			}
			p.Format = s
		}
	}
	return p, nil
}

func (s paramSpec) accepts(name string) bool {
	switch name {
	case "limit":
		return s.maxLimit > 0
	case "cursor":
		return s.cursor
	case "sort":
		return s.sort
	case "interval":
		return s.interval
	case "format":
		return s.format
	}
	if s.filter {
		for _, f := range filterParams {
			if f == name {
				return true
			}
		}
	}
	return false
}

// parseFilter reads and validates the filter parameters.
func parseFilter(get func(string) string) (store.Filter, error) {
	var f store.Filter
	if s := get("actor"); s != "" {
		if len(s) > maxActorLen || !printable(s) {
			return f, paramErr("actor", "want an actor code prefix or a word of an actor's name (at most %d printable characters)", maxActorLen)
		}
		f.Actor = strings.TrimSpace(s)
	}
	if s := get("code"); s != "" {
		if len(s) > 4 || !allDigits(s) {
			return f, paramErr("code", "want a CAMEO event code prefix of 1 to 4 digits, not %q", clip(s))
		}
		f.Code = s
	}
	if s := get("quad"); s != "" {
		if len(s) != 1 || s[0] < '1' || s[0] > '4' {
			return f, paramErr("quad", "want a quad class from 1 to 4, not %q", clip(s))
		}
		f.Quad = int(s[0] - '0')
	}
	var from, to time.Time
	for _, d := range []struct {
		name string
		dst  *string
		t    *time.Time
	}{{"from", &f.From, &from}, {"to", &f.To, &to}} {
		s := get(d.name)
		if s == "" {
			continue
		}
		t, err := time.Parse("2006-01-02", s)
		if err != nil || t.Year() < 1000 {
			return f, paramErr(d.name, "want a date YYYY-MM-DD, not %q", clip(s))
		}
		*d.dst, *d.t = s, t
	}
	if f.From != "" && f.To != "" && to.Before(from) {
		return f, paramErr("to", "%s is before from %s", f.To, f.From)
	}
	if s := get("country"); s != "" {
		if (len(s) != 2 && len(s) != 3) || !allLetters(s) {
			return f, paramErr("country", "want an ISO alpha-3 or FIPS country code, not %q", clip(s))
		}
		f.Country = strings.ToUpper(s)
	}
	if s := get("place"); s != "" {
		if len(s) > maxTextLen || !printable(s) {
			return f, paramErr("place", "want a place name of at most %d printable characters", maxTextLen)
		}
		f.Place = strings.TrimSpace(s)
	}
	if s := get("theme"); s != "" {
		if len(s) > maxTextLen || !isTheme(s) {
			return f, paramErr("theme", "want a GKG theme such as ARMEDCONFLICT (letters, digits and _), not %q", clip(s))
		}
		f.Theme = strings.ToUpper(s)
	}
	if s := get("min_confidence"); s != "" {
		x, err := strconv.ParseFloat(s, 64)
		if err != nil || !(x > 0 && x <= 1) {
			return f, paramErr("min_confidence", "want the coded event confidence, a number above 0 and at most 1, not %q", clip(s))
		}
		f.MinConfidence = x
	}
	if s := get("q"); s != "" {
		if len(s) > maxTextLen || !printable(s) {
			return f, paramErr("q", "want search words (at most %d printable characters)", maxTextLen)
		}
		m, err := ftsQuery(s)
		if err != nil {
			return f, err
		}
		f.Text = m
	}
	return f, nil
}

// ftsQuery turns the words of q into an FTS5 query that matches sentences
// holding all of them: each word is quoted, so FTS5 operators and syntax
// in q are plain text; a word ending in * matches as a prefix.
func ftsQuery(q string) (string, error) {
	var b strings.Builder
	n := 0
	for _, w := range strings.Fields(q) {
		prefix := false
		for strings.HasSuffix(w, "*") {
			w, prefix = w[:len(w)-1], true
		}
		w = strings.Trim(w, `"`)
		if w == "" {
			continue
		}
		if n++; n > maxTerms {
			return "", paramErr("q", "at most %d words", maxTerms)
		}
		if b.Len() > 0 {
			b.WriteByte(' ')
		}
		b.WriteByte('"')
		b.WriteString(strings.ReplaceAll(w, `"`, `""`))
		b.WriteByte('"')
		if prefix {
			b.WriteByte('*')
		}
	}
	if n == 0 {
		return "", paramErr("q", "no word to search for")
	}
	return b.String(), nil
}

// A cursor is the id of the last event of a page with the sort order it
// belongs to, base64url-encoded so that clients treat it as opaque.
func encodeCursor(id int64, sort string) string {
	return base64.RawURLEncoding.EncodeToString([]byte(sort + ":" + strconv.FormatInt(id, 10)))
}

func decodeCursor(s, sort string) (int64, error) {
	b, err := base64.RawURLEncoding.DecodeString(s)
	if err != nil || len(s) > 64 {
		return 0, paramErr("cursor", "not a cursor returned by this server")
	}
	o, idText, ok := strings.Cut(string(b), ":")
	id, err := strconv.ParseInt(idText, 10, 64)
	if !ok || err != nil || id < 1 {
		return 0, paramErr("cursor", "not a cursor returned by this server")
	}
	if o != sort {
		return 0, paramErr("cursor", "belongs to sort %q, not %q", o, sort)
	}
	return id, nil
}

func clip(s string) string {
	if len(s) > 40 {
		return s[:40] + "…"
	}
	return s
}

func printable(s string) bool {
	for _, r := range s {
		if r < ' ' || r == 0x7f || r == 0xfffd {
			return false
		}
	}
	return true
}

func allDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return s != ""
}

func allLetters(s string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i] | 0x20
		if c < 'a' || c > 'z' {
			return false
		}
	}
	return s != ""
}

func isTheme(s string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !(c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '_') {
			return false
		}
	}
	return s != ""
}

// checkRawQuery checks the query string of a request before its parameters
// are read: url.URL.Query drops a pair it cannot decode (a malformed
// percent escape, a ';' separator) without a word, which would drop a
// filter and answer with everything. Such a pair is a *ParamError naming
// its parameter instead.
func checkRawQuery(raw string) error {
	for raw != "" {
		var pair string
		pair, raw, _ = strings.Cut(raw, "&")
		if pair == "" {
			continue
		}
		key, value, _ := strings.Cut(pair, "=")
		key, _, _ = strings.Cut(key, ";")
		name, kerr := url.QueryUnescape(key)
		if kerr != nil {
			name = key
		}
		if name == "" {
			name = "query"
		}
		if len(name) > maxTextLen {
			name = name[:maxTextLen]
		}
		if strings.Contains(pair, ";") {
			return paramErr(name, "';' in the query string: separate parameters with '&' (or write %%3B for a ';' in a value)")
		}
		if kerr != nil {
			return paramErr(name, "malformed percent escape in the parameter name")
		}
		if _, err := url.QueryUnescape(value); err != nil {
			return paramErr(name, "malformed percent escape in the value (%%XX with two hexadecimal digits, %%25 for '%%')")
		}
	}
	return nil
}

// bearerToken returns the token of an Authorization header of the Bearer
// scheme. The scheme's name is case-insensitive (RFC 9110 section 11.1):
// "bearer TOKEN" and "BEARER TOKEN" are the same header as "Bearer TOKEN".
func bearerToken(auth string) (string, bool) {
	scheme, tok, ok := strings.Cut(auth, " ")
	if !ok || !strings.EqualFold(scheme, "Bearer") {
		return "", false
	}
	tok = strings.TrimLeft(tok, " ")
	return tok, tok != ""
}
