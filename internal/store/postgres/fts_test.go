package postgres

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/eventwire/eventwire/internal/store"
)

func TestTextQueryTranslation(t *testing.T) {
	tests := []struct {
		q, sql, args string
	}{
		{"ceasefire", "phraseto_tsquery('simple', $1)", "[ceasefire]"},
		{"tear gas", "(phraseto_tsquery('simple', $1) && phraseto_tsquery('simple', $2))", "[tear gas]"},
		{"tear AND gas", "(phraseto_tsquery('simple', $1) && phraseto_tsquery('simple', $2))", "[tear gas]"},
		{`"tear gas"`, "phraseto_tsquery('simple', $1)", "[tear gas]"},
		{`"say ""no"""`, "phraseto_tsquery('simple', $1)", `[say "no"]`},
		{"sanction*", "to_tsquery('simple', $1)", "['sanction':*]"},
		{`"sanction"*`, "to_tsquery('simple', $1)", "['sanction':*]"},
		{`"o'brien" "it\s"*`, `(phraseto_tsquery('simple', $1) && to_tsquery('simple', $2))`, `[o'brien 'it\\s':*]`},
		{`"united nat"*`, "to_tsquery('simple', $1)", "['united' <-> 'nat':*]"},
		{"a OR b c", "(phraseto_tsquery('simple', $1) || (phraseto_tsquery('simple', $2) && phraseto_tsquery('simple', $3)))", "[a b c]"},
		{"a NOT b OR c", "((phraseto_tsquery('simple', $1) && !!phraseto_tsquery('simple', $2)) || phraseto_tsquery('simple', $3))", "[a b c]"},
		{"(a OR b) c", "((phraseto_tsquery('simple', $1) || phraseto_tsquery('simple', $2)) && phraseto_tsquery('simple', $3))", "[a b c]"},
		{"war or peace", "((phraseto_tsquery('simple', $1) && phraseto_tsquery('simple', $2)) && phraseto_tsquery('simple', $3))", "[war or peace]"},
		{"x'; DROP TABLE events; --", "((((phraseto_tsquery('simple', $1) && phraseto_tsquery('simple', $2)) && phraseto_tsquery('simple', $3)) && phraseto_tsquery('simple', $4)) && phraseto_tsquery('simple', $5))",
			"[x'; DROP TABLE events; --]"},
	}
	for _, tt := range tests {
		sql, args, err := textQuery(tt.q, 1)
		if err != nil {
			t.Errorf("%q: %v", tt.q, err)
			continue
		}
		if sql != tt.sql || fmt.Sprint(args) != tt.args {
			t.Errorf("%q:\n got %s %v\nwant %s %s", tt.q, sql, args, tt.sql, tt.args)
		}
	}
	for _, bad := range []string{"", "  ", "a OR", "NOT a", "(a", "a)", `"open`, "NEAR(a b)", "title:war", "^war", "*", "a AND AND b",
		strings.Repeat("(", 40) + "a" + strings.Repeat(")", 40)} {
		if sql, args, err := textQuery(bad, 1); err == nil {
			t.Errorf("%q: no error (%s %v)", bad, sql, args)
		}
	}
	// Numbering continues after the filter's other parameters.
	if sql, _, _ := textQuery("a b", 4); sql != "(phraseto_tsquery('simple', $4) && phraseto_tsquery('simple', $5))" {
		t.Errorf("first parameter 4: %s", sql)
	}
}

// TestTextQueryOnServer checks each form against stored sentences.
func TestTextQueryOnServer(t *testing.T) {
	db := openTemp(t)
	ctx := context.Background()
	texts := []string{
		"Police used tear gas on the protesters in the capital.",
		"The government imposed sanctions on the neighbours.",
		"Gas prices rose as the sanctioned exporter cut supply.",
		"The United Nations called for peace or war would follow.",
	}
	var arts []store.Article
	for i, text := range texts {
		arts = append(arts, art(fmt.Sprintf("https://fts.example/%d", i), "", text, ev(1, fmt.Sprintf("A%d", i), "B", "040", "2024-01-01", "")))
	}
	if _, err := db.Write(ctx, &store.Batch{Articles: arts}, store.WriteOptions{}); err != nil {
		t.Fatal(err)
	}
	tests := []struct{ q, want string }{
		{"gas", "A0 A2"},
		{"GAS", "A0 A2"},
		{`"tear gas"`, "A0"},
		{`"gas tear"`, ""},
		{"tear gas", "A0"},
		{"sanction*", "A1 A2"},
		{"sanction", ""}, // not stemmed, as FTS5's default tokenizer
		{`"united nat"*`, "A3"},
		{"gas NOT tear", "A2"},
		{"police OR peace", "A0 A3"},
		{"(police OR peace) war", "A3"},
		{"peace or war", "A3"}, // lower-case "or" is a word
		{"x'; DROP TABLE events; --", ""},
	}
	for _, tt := range tests {
		tab, err := db.Query(ctx, store.Query{Filter: store.Filter{Text: tt.q}})
		if err != nil {
			t.Errorf("%q: %v", tt.q, err)
			continue
		}
		var got []string
		for _, r := range tab.Rows {
			got = append(got, r[2].(string))
		}
		if g := strings.Join(got, " "); g != tt.want {
			t.Errorf("%q: %q, want %q", tt.q, g, tt.want)
		}
	}
}

// FuzzTextQuery checks that any query either is rejected or translates to
// an expression whose parameters are all bound and whose parentheses
// balance; the text never reaches the SQL.
func FuzzTextQuery(f *testing.F) {
	for _, s := range []string{"ceasefire", `"tear gas"`, "sanction*", `"united nat"*`, "a OR b NOT (c d)", `"say ""no"""`, "NEAR(a b)", "((a)"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, q string) {
		sql, args, err := textQuery(q, 3)
		if err != nil {
			return
		}
		if len(args) == 0 {
			t.Fatalf("%q: no terms in %s", q, sql)
		}
		depth := 0
		for i := 0; i < len(sql); i++ {
			switch sql[i] {
			case '(':
				depth++
			case ')':
				if depth--; depth < 0 {
					t.Fatalf("%q: unbalanced %s", q, sql)
				}
			}
		}
		if depth != 0 {
			t.Fatalf("%q: unbalanced %s", q, sql)
		}
		for i := range args {
			if !strings.Contains(sql, fmt.Sprintf("$%d)", 3+i)) {
				t.Fatalf("%q: parameter %d unused in %s", q, 3+i, sql)
			}
		}
		if strings.Contains(sql, fmt.Sprintf("$%d)", 3+len(args))) {
			t.Fatalf("%q: unbound parameter in %s", q, sql)
		}
		rest := sql
		for _, kw := range []string{"phraseto_tsquery('simple', $", "to_tsquery('simple', $", "&&", "||", "!!", "(", ")", " "} {
			rest = strings.ReplaceAll(rest, kw, "")
		}
		if strings.Trim(rest, "0123456789") != "" {
			t.Fatalf("%q: unexpected SQL %s", q, sql)
		}
	})
}
