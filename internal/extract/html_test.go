package extract

import (
	"errors"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

var update = flag.Bool("update", false, "rewrite the golden files of testdata/pages")

// render is the golden form of an extraction.
func render(p Page, err error) string {
	if err != nil {
		return "error: " + err.Error() + "\n"
	}
	date := ""
	if !p.Date.IsZero() {
		date = p.Date.Format(time.RFC3339)
	}
	return fmt.Sprintf("title: %s\ndate: %s\nurl: %s\nsite: %s\ncharset: %s\nlanguage: %s\n\n%s\n",
		p.Title, date, p.URL, p.Site, p.Charset, Identify(p.Text).Code, p.Text)
}

// TestHTMLGolden extracts each page of testdata/pages and compares with
// its .golden file (go test -update rewrites them).
func TestHTMLGolden(t *testing.T) {
	contentTypes := map[string]string{
		"latin1.html": "text/html; charset=iso-8859-1",
	}
	pages, _ := filepath.Glob(filepath.Join("testdata", "pages", "*.html"))
	if len(pages) == 0 {
		t.Fatal("no pages in testdata/pages")
	}
	for _, path := range pages {
		name := filepath.Base(path)
		t.Run(name, func(t *testing.T) {
			data, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			got := render(HTML(data, contentTypes[name], Options{URL: "https://news.example/" + name}))
			golden := strings.TrimSuffix(path, ".html") + ".golden"
			if *update {
				if err := os.WriteFile(golden, []byte(got), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("%v (run go test -update to create it)", err)
			}
			if got != string(want) {
				t.Errorf("extraction of %s differs from %s:\n--- got\n%s--- want\n%s", name, golden, got, want)
			}
		})
	}
}

func TestHTMLCases(t *testing.T) {
	article, err := os.ReadFile(filepath.Join("testdata", "pages", "article.html"))
	if err != nil {
		t.Fatal(err)
	}
	p, err := HTML(article, "", Options{URL: "https://ledger.example/x"})
	if err != nil {
		t.Fatal(err)
	}
	for _, bad := range []string{"Most read", "Sign in", "All rights reserved", "Local team wins"} {
		if strings.Contains(p.Text, bad) {
			t.Errorf("text keeps boilerplate %q", bad)
		}
	}
	if strings.HasPrefix(p.Text, p.Title) {
		t.Errorf("text starts with the title %q", p.Title)
	}
	if !strings.Contains(p.Text, "Observers within weeks\n\nThe first observers") {
		t.Errorf("sub-heading is not a paragraph of its own:\n%s", p.Text)
	}

	tests := []struct {
		name, page, contentType string
		wantErr                 error
		wantText                string
	}{
		{"empty", "", "", ErrNoText, ""},
		{"binary", "\x00\x01\x02\xff\xfe", "", ErrNoText, ""},
		{"navigation only", "<html><body><nav><a href=/>Home</a></nav></body></html>", "", ErrNoText, ""},
		{"header charset beats guess", "<html><body><article><p>" + strings.Repeat("The minister\xe9s caf\xe9 talks went on. ", 12) +
			"</p></article></body></html>", "text/html; charset=ISO-8859-1", nil, "caf\u00e9"},
	}
	for _, tt := range tests {
		p, err := HTML([]byte(tt.page), tt.contentType, Options{})
		if tt.wantErr != nil {
			if !errors.Is(err, tt.wantErr) {
				t.Errorf("%s: error %v, want %v", tt.name, err, tt.wantErr)
			}
			continue
		}
		if err != nil {
			t.Errorf("%s: %v", tt.name, err)
			continue
		}
		if !strings.Contains(p.Text, tt.wantText) {
			t.Errorf("%s: text %q lacks %q", tt.name, p.Text, tt.wantText)
		}
	}
}

func TestDecode(t *testing.T) {
	tests := []struct {
		in, contentType, want, charset string
	}{
		{"caf\xc3\xa9", "", "caf\u00e9", "utf-8"},
		{"\xef\xbb\xbfcaf\xc3\xa9", "", "caf\u00e9", "utf-8"},
		{"caf\xe9 \x93ok\x94", "", "caf\u00e9 \u201cok\u201d", "windows-1252"},
		{"caf\xe9", "text/html; charset=iso-8859-1", "caf\u00e9", "windows-1252"},
		{`<meta charset="windows-1251">` + "\xcc\xe8\xf0", "", `<meta charset="windows-1251">` + "\u041c\u0438\u0440", "windows-1251"},
		// UTF-8 with one bad byte stays UTF-8 (the byte replaced), not a
		// windows-1252 reading of every character.
		{"<p>Caf\xc3\xa9 in Z\xc3\xbcrich \xff reopened.</p>", "", "<p>Caf\u00e9 in Z\u00fcrich \uFFFD reopened.</p>", "utf-8"},
		{"\xef\xbb\xbf<p>Caf\xc3\xa9 \x93</p>", "", "<p>Caf\u00e9 \uFFFD</p>", "utf-8"},
		// As many bad bytes as characters: windows-1252.
		{"caf\xe9 caf\xc3\xa9 x", "", "caf\u00e9 caf\u00c3\u00a9 x", "windows-1252"},
	}
	for _, tt := range tests {
		got, cs := Decode([]byte(tt.in), tt.contentType)
		if string(got) != tt.want || cs != tt.charset {
			t.Errorf("Decode(%q, %q) = %q, %q; want %q, %q", tt.in, tt.contentType, got, cs, tt.want, tt.charset)
		}
	}
}

// BenchmarkHTML measures extraction of the test pages, with and without
// the Readability / DOM Distiller fallback; pages/s is reported.
func BenchmarkHTML(b *testing.B) {
	pages, _ := filepath.Glob(filepath.Join("testdata", "pages", "*.html"))
	var data [][]byte
	for _, p := range pages {
		d, err := os.ReadFile(p)
		if err != nil {
			b.Fatal(err)
		}
		data = append(data, d)
	}
	for _, fallback := range []bool{true, false} {
		b.Run(fmt.Sprintf("fallback=%v", fallback), func(b *testing.B) {
			b.ReportAllocs()
			n := 0
			for b.Loop() {
				HTML(data[n%len(data)], "", Options{NoFallback: !fallback})
				n++
			}
			b.ReportMetric(float64(n)/b.Elapsed().Seconds(), "pages/s")
		})
	}
}

func FuzzHTML(f *testing.F) {
	for _, s := range []string{"", "<html><body><p>The talks.</p></body></html>", "<p>a<p>b<table><tr><td>c",
		"<meta charset=\"koi8-r\"><p>\xcd\xc9\xd2", "<!-- <p> --><script>x</script>", "<svg><p><math><mi><p>"} {
		f.Add([]byte(s), "")
	}
	f.Add([]byte("<p>caf\xe9</p>"), "text/html; charset=iso-8859-1")
	f.Fuzz(func(t *testing.T, data []byte, contentType string) {
		p, err := HTML(data, contentType, Options{})
		if err == nil && strings.TrimSpace(p.Text) == "" {
			t.Fatalf("no error but empty text")
		}
	})
}
