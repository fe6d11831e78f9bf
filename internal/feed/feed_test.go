package feed

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

var update = flag.Bool("update", false, "rewrite the golden files of testdata")

func render(f *Feed, err error) string {
	var b strings.Builder
	if f != nil {
		fmt.Fprintf(&b, "format: %s\ntitle: %s\nlink: %s\n", f.Format, f.Title, f.Link)
		for i, it := range f.Items {
			date := ""
			if !it.Published.IsZero() {
				date = it.Published.Format(time.RFC3339)
			}
			fmt.Fprintf(&b, "item %d\n  title: %s\n  link: %s\n  id: %s\n  published: %s\n  summary: %s\n  content: %s\n",
				i+1, it.Title, it.Link, it.ID, date, it.Summary, it.Content)
		}
	}
	if err != nil {
		fmt.Fprintf(&b, "error: %v\n", err)
	}
	return b.String()
}

// TestParseGolden parses each testdata/*.xml and compares with its .golden
// file (go test -update rewrites them).
func TestParseGolden(t *testing.T) {
	files, _ := filepath.Glob(filepath.Join("testdata", "*.xml"))
	if len(files) == 0 {
		t.Fatal("no feeds in testdata")
	}
	for _, path := range files {
		t.Run(filepath.Base(path), func(t *testing.T) {
			data, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			got := render(ParseBytes(data, filepath.Base(path)))
			golden := strings.TrimSuffix(path, ".xml") + ".golden"
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
				t.Errorf("%s:\n--- got\n%s--- want\n%s", path, got, want)
			}
		})
	}
}

func TestParseErrors(t *testing.T) {
	tests := []struct {
		name, in  string
		wantItems int
		notFeed   bool
		wantLine  string
	}{
		{"empty", "", 0, true, "empty:1:"},
		{"html", "<!DOCTYPE html><html><body>x</body></html>", 0, true, ""},
		{"text", "just words", 0, true, ""},
		{"truncated item", "<rss><channel><item><title>a</title></item>\n<item><title>b", 1, false, "truncated item:2:"},
		{"unclosed root", "<feed><entry><id>x</id></entry>", 1, false, ""},
		{"deep nesting", "<rss><channel><item><description>" + strings.Repeat("<b>", 100) + "x", 0, false, ""},
	}
	for _, tt := range tests {
		f, err := ParseBytes([]byte(tt.in), tt.name)
		if tt.notFeed != errors.Is(err, ErrNotFeed) {
			t.Errorf("%s: error %v, want ErrNotFeed %v", tt.name, err, tt.notFeed)
		}
		if tt.wantLine != "" && (err == nil || !strings.HasPrefix(err.Error(), tt.wantLine)) {
			t.Errorf("%s: error %v, want it to start with %q", tt.name, err, tt.wantLine)
		}
		if f == nil || len(f.Items) != tt.wantItems {
			t.Errorf("%s: got %v, want %d items", tt.name, f, tt.wantItems)
		}
	}
}

func TestParseHTTP(t *testing.T) {
	latin1 := "<rss><channel><item><title>Gr\xe8ve g\xe9n\xe9rale</title></item></channel></rss>"
	tests := []struct {
		name, body, contentType, want string
	}{
		{"header charset", latin1, "application/rss+xml; charset=ISO-8859-1", "Grève générale"},
		{"declaration wins", `<?xml version="1.0" encoding="utf-8"?>` + "<rss><channel><item><title>Gr\xc3\xa8ve</title></item></channel></rss>",
			"application/rss+xml; charset=ISO-8859-1", "Grève"},
		{"utf-8 header", "<rss><channel><item><title>Gr\xc3\xa8ve</title></item></channel></rss>", "text/xml; charset=utf-8", "Grève"},
		{"no header", "<rss><channel><item><title>Gr\xc3\xa8ve</title></item></channel></rss>", "", "Grève"},
		{"unknown charset", "<rss><channel><item><title>x</title></item></channel></rss>", "text/xml; charset=x-nonesuch", "x"},
	}
	for _, tt := range tests {
		f, err := ParseHTTP([]byte(tt.body), tt.contentType, tt.name)
		if err != nil || len(f.Items) != 1 || f.Items[0].Title != tt.want {
			t.Errorf("%s: %+v, %v; want title %q", tt.name, f, err, tt.want)
		}
	}
}

func TestParseMaxItems(t *testing.T) {
	var b strings.Builder
	b.WriteString("<rss><channel>")
	for i := 0; i < MaxItems+5; i++ {
		fmt.Fprintf(&b, "<item><link>https://x.example/%d</link></item>", i)
	}
	b.WriteString("</channel></rss>")
	f, err := ParseBytes([]byte(b.String()), "big")
	if err != nil || len(f.Items) != MaxItems {
		t.Fatalf("got %d items, %v; want %d", len(f.Items), err, MaxItems)
	}
}

func TestParseDate(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Tue, 05 Mar 2024 09:30:00 +0000", "2024-03-05T09:30:00Z"},
		{"Tue, 5 Mar 2024 09:30:00 GMT", "2024-03-05T09:30:00Z"},
		{"Mon, 20 Nov 2023 18:05:00 EST", "2023-11-20T23:05:00Z"},
		{"Wed, 6 Mar 2024 10:00 +0100", "2024-03-06T09:00:00Z"},
		{"  2024-04-02T08:15:00+02:00 ", "2024-04-02T06:15:00Z"},
		{"2024-04-02T08:15:00.123Z", "2024-04-02T08:15:00.123Z"},
		{"2024-04-02", "2024-04-02T00:00:00Z"},
		{"05 Mar 2024 09:30:00 +0000", "2024-03-05T09:30:00Z"},
		{"yesterday", ""},
		{"", ""},
	}
	for _, tt := range tests {
		got, ok := ParseDate(tt.in)
		s := ""
		if ok {
			s = got.Format(time.RFC3339Nano)
		}
		if s != tt.want {
			t.Errorf("ParseDate(%q) = %q, want %q", tt.in, s, tt.want)
		}
	}
}

func TestSniff(t *testing.T) {
	tests := []struct {
		in   string
		want bool
	}{
		{`<?xml version="1.0"?><rss version="2.0">`, true},
		{"\n<!-- generator --><feed xmlns=\"http://www.w3.org/2005/Atom\">", true},
		{`<?xml version="1.0"?><rdf:RDF xmlns:rdf="x">`, true},
		{`<!DOCTYPE html><html>`, false},
		{`<?xml version="1.0"?><html>`, false},
		{`{"text":"x"}`, false},
		{"<", false},
	}
	for _, tt := range tests {
		if got := Sniff([]byte(tt.in)); got != tt.want {
			t.Errorf("Sniff(%q) = %v, want %v", tt.in, got, tt.want)
		}
	}
}

func BenchmarkParse(b *testing.B) {
	data, err := os.ReadFile(filepath.Join("testdata", "rss2.xml"))
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := ParseBytes(data, "rss2.xml"); err != nil {
			b.Fatal(err)
		}
	}
}

func FuzzParse(f *testing.F) {
	files, _ := filepath.Glob(filepath.Join("testdata", "*.xml"))
	for _, p := range files {
		data, err := os.ReadFile(p)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		feed, err := ParseBytes(data, "fuzz")
		if feed == nil {
			t.Fatalf("nil feed (error %v)", err)
		}
		if len(feed.Items) > MaxItems {
			t.Fatalf("%d items, more than %d", len(feed.Items), MaxItems)
		}
		Sniff(data)
		if f, _ := ParseHTTP(data, "application/rss+xml; charset=windows-1252", "fuzz"); f == nil {
			t.Fatal("nil feed from ParseHTTP")
		}
	})
}
