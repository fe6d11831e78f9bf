package server

import (
	"context"
	"database/sql"
	"errors"
	"net/url"
	"strings"
	"testing"

	"github.com/eventwire/eventwire/internal/store"

	_ "modernc.org/sqlite" // FTS5, to check the search queries parseParams makes
)

var allSpec = paramSpec{filter: true, defLimit: 50, maxLimit: 1000, cursor: true, sort: true, interval: true, format: true}

func TestParseParams(t *testing.T) {
	cases := []struct {
		query string
		want  Params
	}{
		{"", Params{Limit: 50, Interval: "day", Format: "json"}},
		{"actor=USAGOV&code=19&quad=4&from=2024-01-01&to=2024-01-31&country=fr&place=Paris&theme=armedconflict&limit=10",
			Params{Filter: store.Filter{Actor: "USAGOV", Code: "19", Quad: 4, From: "2024-01-01", To: "2024-01-31", Country: "FR",
				Place: "Paris", Theme: "ARMEDCONFLICT"}, Limit: 10, Interval: "day", Format: "json"}},
		{"q=cease*+fire&sort=-date&interval=month&format=csv",
			Params{Filter: store.Filter{Text: `"cease"* "fire"`}, Limit: 50, Sort: "-date", Interval: "month", Format: "csv"}},
		{`q=NEAR(%22a+b%22)+OR`, Params{Filter: store.Filter{Text: `"NEAR(""a" "b"")" "OR"`}, Limit: 50, Interval: "day", Format: "json"}},
		{"min_confidence=0.5&quad=1", Params{Filter: store.Filter{MinConfidence: 0.5, Quad: 1}, Limit: 50, Interval: "day", Format: "json"}},
		{"min_confidence=1", Params{Filter: store.Filter{MinConfidence: 1}, Limit: 50, Interval: "day", Format: "json"}},
		{"sort=goldstein&cursor=" + encodeCursor(42, "goldstein"), Params{Limit: 50, Sort: "goldstein", Cursor: 42, Interval: "day", Format: "json"}},
	}
	for _, tc := range cases {
		v, err := url.ParseQuery(tc.query)
		if err != nil {
			t.Fatal(err)
		}
		got, err := parseParams(v, allSpec)
		if err != nil {
			t.Errorf("%s: %v", tc.query, err)
			continue
		}
		if got != tc.want {
			t.Errorf("%s:\n got %+v\nwant %+v", tc.query, got, tc.want)
		}
	}
}

// FuzzParseParams checks that any query string either is refused with a
// *ParamError naming a parameter of the query, or yields parameters
// within their documented ranges whose search text SQLite's FTS5 accepts.
func FuzzParseParams(f *testing.F) {
	db, err := sql.Open("sqlite", ":memory:")
	if err != nil {
		f.Fatal(err)
	}
	defer db.Close()
	db.SetMaxOpenConns(1)
	ctx := context.Background()
	if _, err := db.ExecContext(ctx, `CREATE VIRTUAL TABLE t USING fts5(text); INSERT INTO t VALUES ('the army attacked rebels')`); err != nil {
		f.Fatal(err)
	}
	f.Add("actor=USA&quad=4")
	f.Add("min_confidence=0.75&from=2024-01-01")
	f.Fuzz(func(t *testing.T, query string) {
		v, err := url.ParseQuery(query)
		if err != nil {
			return
		}
		p, err := parseParams(v, allSpec)
		if err != nil {
			var pe *ParamError
			if !errors.As(err, &pe) {
				t.Fatalf("%q: error %v is not a ParamError", query, err)
			}
			if _, ok := v[pe.Param]; !ok {
				t.Fatalf("%q: error names %q, not a parameter of the query", query, pe.Param)
			}
			return
		}
		f := p.Filter
		if f.MinConfidence < 0 || f.MinConfidence > 1 || f.MinConfidence != f.MinConfidence {
			t.Fatalf("%q: min confidence %v", query, f.MinConfidence)
		}
		if f.Quad < 0 || f.Quad > 4 || p.Limit < 1 || p.Limit > allSpec.maxLimit || p.Cursor < 0 {
			t.Fatalf("%q: out of range: %+v", query, p)
		}
		if f.Code != "" && (!allDigits(f.Code) || len(f.Code) > 4) {
			t.Fatalf("%q: code %q", query, f.Code)
		}
		if f.Country != "" && (len(f.Country) < 2 || len(f.Country) > 3 || strings.ToUpper(f.Country) != f.Country) {
			t.Fatalf("%q: country %q", query, f.Country)
		}
		if f.Text != "" {
			var n int
			if err := db.QueryRowContext(ctx, `SELECT count(*) FROM t WHERE t MATCH ?`, f.Text).Scan(&n); err != nil {
				t.Fatalf("%q: FTS5 refuses %q: %v", query, f.Text, err)
			}
		}
	})
}

func TestCheckRawQuery(t *testing.T) {
	cases := []struct {
		raw, param string // param "": accepted
	}{
		{"", ""},
		{"actor=RUS&code=19", ""},
		{"actor=RUS&&code=19&", ""},
		{"q=cease%20fire%3B+truce", ""},
		{"q=100%25", ""},
		{"flag", ""},
		{"actor=%zzRUS", "actor"},
		{"actor=RUS%2", "actor"},
		{"actor=RUS%", "actor"},
		{"actor=RUS;code=19", "actor"},
		{"code=19&actor=RUS;", "actor"},
		{";", "query"},
		{"=%zz", "query"},
		{"%zz=1", "%zz"},
		{"th%65me=%G0", "theme"},
	}
	for _, tc := range cases {
		err := checkRawQuery(tc.raw)
		var pe *ParamError
		switch {
		case tc.param == "" && err != nil:
			t.Errorf("%q: %v, want accepted", tc.raw, err)
		case tc.param != "" && !errors.As(err, &pe):
			t.Errorf("%q: %v, want a *ParamError naming %q", tc.raw, err, tc.param)
		case tc.param != "" && pe.Param != tc.param:
			t.Errorf("%q: names %q, want %q (%v)", tc.raw, pe.Param, tc.param, err)
		}
	}
}

// FuzzCheckRawQuery: a query string is either refused with a *ParamError
// that names a parameter, or parsed by url.ParseQuery without any pair
// dropped (which would silently drop a filter).
func FuzzCheckRawQuery(f *testing.F) {
	for _, s := range []string{"actor=%zzRUS", "actor=RUS;code=19", "q=a%20b&limit=3", "a=%", "%=%", "x=1&y=%41"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, raw string) {
		err := checkRawQuery(raw)
		if err == nil {
			if _, perr := url.ParseQuery(raw); perr != nil {
				t.Fatalf("%q accepted, but url.ParseQuery drops a pair: %v", raw, perr)
			}
			return
		}
		var pe *ParamError
		if !errors.As(err, &pe) || pe.Param == "" || len(pe.Param) > maxTextLen {
			t.Fatalf("%q: %v, want a *ParamError naming a parameter", raw, err)
		}
	})
}

func TestBearerToken(t *testing.T) {
	cases := []struct {
		auth, tok string
		ok        bool
	}{
		{"Bearer abc", "abc", true},
		{"bearer abc", "abc", true},
		{"BEARER abc", "abc", true},
		{"bEaReR   abc", "abc", true},
		{"Bearer", "", false},
		{"Bearer ", "", false},
		{"Basic abc", "", false},
		{"Bearerabc", "", false},
		{"abc", "", false},
		{"", "", false},
	}
	for _, tc := range cases {
		tok, ok := bearerToken(tc.auth)
		if tok != tc.tok || ok != tc.ok {
			t.Errorf("bearerToken(%q) = %q, %v; want %q, %v", tc.auth, tok, ok, tc.tok, tc.ok)
		}
	}
}
