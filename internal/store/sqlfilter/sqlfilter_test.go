package sqlfilter

import (
	"fmt"
	"math"
	"strconv"
	"strings"
	"testing"

	"github.com/eventwire/eventwire/internal/store"
)

// testDialect writes ?N placeholders (reused or not) and marks each
// engine-specific condition by name.
type testDialect struct{ reuse bool }

func (d testDialect) Placeholder(n int) string { return "?" + strconv.Itoa(n) }
func (d testDialect) Reuse() bool              { return d.reuse }
func (testDialect) ActorCode(w *Where, lo, hi string, walk bool) string {
	p := w.ArgN(lo, 2)
	return fmt.Sprintf("code(%s,%s,%s,%v)", p[0], p[1], w.Arg(hi), walk)
}
func (testDialect) ActorName(w *Where, pat string) string { return "name(" + w.Arg(pat) + ")" }
func (testDialect) Place(w *Where, place string) string   { return "place(" + w.Arg(place) + ")" }
func (testDialect) Text(w *Where, text string) (string, error) {
	if text == "bad" {
		return "", fmt.Errorf("text query %q: unreadable", text)
	}
	n := w.Next()
	w.Add(text)
	return "text(?" + strconv.Itoa(n) + ")", nil
}

func TestList(t *testing.T) {
	tests := []struct {
		name   string
		f      store.Filter
		bit    int
		h      Hints
		reuse  bool
		where  string
		order  string
		args   string
		errMsg string
	}{
		{name: "none", where: "", order: " ORDER BY e.id", args: "[]"},
		{name: "actor code", f: store.Filter{Actor: "USA"}, h: Hints{WalkActor: true},
			where: " WHERE code(?1,?2,?3,true)", order: " ORDER BY e.id", args: "[USA USA USB]"},
		{name: "actor code reused", f: store.Filter{Actor: "USA"}, reuse: true,
			where: " WHERE code(?1,?1,?2,false)", order: " ORDER BY e.id", args: "[USA USB]"},
		{name: "actor name escaped", f: store.Filter{Actor: `a_b%c\`}, where: " WHERE name(?1)", order: " ORDER BY e.id", args: `[%a\_b\%c\\%]`},
		{name: "code walked", f: store.Filter{Code: "19"}, h: Hints{WalkCode: true},
			where: " WHERE +e.code >= ?1 AND +e.code < ?2", order: " ORDER BY e.id", args: "[19 1:]"},
		{name: "all", f: store.Filter{ID: 3, Actor: "RUS", Code: "190", Quad: 4, From: "2022-02-24", To: "2022-03-01", Country: "up",
			Place: "Kyiv", Theme: "armedconflict", Text: "shelling", Sort: "-mentions", After: 11}, bit: -1, reuse: true,
			where: " WHERE code(?1,?1,?2,false) AND e.code >= ?3 AND e.code < ?4 AND e.quad = ?5 AND e.day >= ?6 AND e.day <= ?7" +
				" AND e.country_fips = ?8 AND place(?9) AND e.id IN (SELECT event_id FROM event_themes WHERE theme = ?10) AND text(?11)" +
				" AND e.id = ?12 AND (e.num_mentions, e.id) < ((SELECT num_mentions FROM events WHERE id = ?13), ?13)",
			order: " ORDER BY e.num_mentions DESC, e.id DESC", args: "[RUS RUT 190 191 4 19047 19052 UP Kyiv ARMEDCONFLICT shelling 3 11]"},
		{name: "theme bit, country, date cursor", f: store.Filter{Theme: "PROTEST", Country: "fra", Sort: "date", After: 5}, bit: 2,
			where: " WHERE e.country = ?1 AND e.themes & ?2 != 0 AND (e.day, e.id) > ((SELECT day FROM events WHERE id = ?3), ?4)",
			order: " ORDER BY e.day, e.id", args: "[FRA 4 5 5]"},
		{name: "id cursor descending", f: store.Filter{Sort: "-", After: 9}, errMsg: `sort "-": want one of`},
		{name: "id cursor", f: store.Filter{After: 9}, where: " WHERE e.id > ?1", order: " ORDER BY e.id", args: "[9]"},
		{name: "bad code", f: store.Filter{Code: "1x"}, errMsg: `code "1x": want digits`},
		{name: "bad quad", f: store.Filter{Quad: 5}, errMsg: "quad class 5: want 1 to 4"},
		{name: "bad from", f: store.Filter{From: "2024-13-01"}, errMsg: `from date "2024-13-01": want YYYY-MM-DD`},
		{name: "bad to", f: store.Filter{To: "soon"}, errMsg: `to date "soon": want YYYY-MM-DD`},
		{name: "bad sort", f: store.Filter{Sort: "title"}, errMsg: `sort "title": want one of`},
		{name: "bad cursor", f: store.Filter{After: -1}, errMsg: "cursor -1: want an event id"},
		{name: "bad text", f: store.Filter{Text: "bad"}, errMsg: `text query "bad": unreadable`},
		{name: "min confidence", f: store.Filter{MinConfidence: 0.5, Quad: 2}, where: " WHERE e.quad = ?1 AND e.event_confidence >= ?2",
			order: " ORDER BY e.id", args: "[2 0.5]"},
		{name: "min confidence one", f: store.Filter{MinConfidence: 1}, where: " WHERE e.event_confidence >= ?1", order: " ORDER BY e.id", args: "[1]"},
		{name: "min confidence negative", f: store.Filter{MinConfidence: -0.1}, errMsg: "min confidence -0.1: want a number above 0 and at most 1"},
		{name: "min confidence above one", f: store.Filter{MinConfidence: 1.5}, errMsg: "min confidence 1.5: want"},
		{name: "min confidence not a number", f: store.Filter{MinConfidence: math.NaN()}, errMsg: "min confidence NaN: want"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			w, order, err := List(testDialect{reuse: tc.reuse}, tc.f, tc.bit, tc.h)
			if tc.errMsg != "" {
				if err == nil || !strings.Contains(err.Error(), tc.errMsg) {
					t.Fatalf("error %v, want %q", err, tc.errMsg)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if w.String() != tc.where || order != tc.order || fmt.Sprint(w.Args()) != tc.args {
				t.Errorf("got\n %q %q %v\nwant\n %q %q %s", w.String(), order, w.Args(), tc.where, tc.order, tc.args)
			}
		})
	}
}

func TestWhereAnd(t *testing.T) {
	w := New(testDialect{})
	if w.And("x = 1") != " WHERE x = 1" || w.String() != "" || !w.Empty() {
		t.Errorf("empty: And %q, String %q", w.And("x = 1"), w.String())
	}
	w, err := Filter(testDialect{}, store.Filter{Quad: 1}, -1, Hints{})
	if err != nil {
		t.Fatal(err)
	}
	if got := w.And("x = 1"); got != " WHERE e.quad = ?1 AND x = 1" || w.String() != " WHERE e.quad = ?1" || w.Empty() {
		t.Errorf("And %q, String %q", got, w.String())
	}
}
