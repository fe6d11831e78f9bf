package ingest

import (
	"bufio"
	"errors"
	"io"
	"strings"
	"testing"
	"time"
)

func TestParseText(t *testing.T) {
	tests := []struct {
		name, in string
		want     Document
		err      string
	}{
		{name: "plain", in: "Arnor attacked Gondor.\n",
			want: Document{ID: "a", Text: "Arnor attacked Gondor.\n"}},
		{name: "header", in: "Title: War\nDate: 2022-11-30\nURL: http://x/y\nSource: APA\n\nBody text.",
			want: Document{ID: "a", Title: "War", URL: "http://x/y", Source: "APA",
				Date: time.Date(2022, 11, 30, 0, 0, 0, 0, time.UTC), Text: "Body text."}},
		{name: "colon in first line is not a header", in: "Note: Arnor attacked.\n",
			want: Document{ID: "a", Text: "Note: Arnor attacked.\n"}},
		{name: "bad date", in: "Date: yesterday\n\nx", err: "a.txt:1: Date: date \"yesterday\" is neither YYYY-MM-DD nor RFC 3339"},
		{name: "bad header", in: "Title: x\nAuthor: y\n\nz", err: "a.txt:2: header line is not"},
		{name: "invalid utf8", in: "\xff\xfe", err: "a.txt: text is not valid UTF-8"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := ParseText([]byte(tt.in), "dir/a.txt")
			if tt.err != "" {
				if err == nil || !strings.Contains(err.Error(), tt.err) {
					t.Fatalf("error = %v, want %q", err, tt.err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if got != tt.want {
				t.Errorf("got %+v\nwant %+v", got, tt.want)
			}
		})
	}
}

func TestJSONLReader(t *testing.T) {
	in := `{"id":"d1","text":"Arnor attacked Gondor.","date":"2022-11-30","url":"http://u"}

{"text":"No id here.","published":"2022-11-29T10:00:00Z"}
{"id":"bad","text":""}
not json
{"id":"d4","text":"x","date":"30/11/2022"}
{"id":"d5","text":"last"}
`
	r := NewJSONLReader(strings.NewReader(in), "docs.jsonl")
	type res struct {
		id  string
		err string
	}
	want := []res{
		{id: "d1"}, {id: "docs.jsonl:3"},
		{err: `docs.jsonl:4: bad line: field "text" is missing or empty`},
		{err: "docs.jsonl:5: bad line: invalid character"},
		{err: `docs.jsonl:6: bad line: field "date": date "30/11/2022"`},
		{id: "d5"},
	}
	for i, w := range want {
		doc, err := r.Next()
		if w.err != "" {
			if err == nil || !errors.Is(err, ErrBadLine) || !strings.Contains(err.Error(), w.err) {
				t.Fatalf("item %d: error = %v, want %q", i, err, w.err)
			}
			continue
		}
		if err != nil || doc.ID != w.id {
			t.Fatalf("item %d: %+v, %v; want id %s", i, doc, err, w.id)
		}
	}
	if _, err := r.Next(); !errors.Is(err, io.EOF) {
		t.Fatalf("end: %v", err)
	}
}

// TestJSONLLongLines: a line over the limit is skipped with its file:line
// and the lines after it are still read (issue 13: one 64 MiB line ended
// the file).
func TestJSONLLongLines(t *testing.T) {
	long := `{"id":"long","text":"` + strings.Repeat("x", 100) + `"}`
	exact := `{"id":"exact","text":"` + strings.Repeat("y", 64-len(`{"id":"exact","text":""}`)) + `"}`
	tests := []struct {
		name string
		in   string
		want []string // ids, or "!" + the start of an error
	}{
		{"long line in the middle", `{"id":"a","text":"x"}` + "\n" + long + "\n" + `{"id":"b","text":"x"}` + "\n",
			[]string{"a", "!f.jsonl:2: bad line: line too long: over 64 bytes", "b"}},
		{"long last line without a line break", `{"id":"a","text":"x"}` + "\n" + long,
			[]string{"a", "!f.jsonl:2: bad line: line too long"}},
		{"long first line, CRLF after", long + "\r\n" + `{"id":"b","text":"x"}` + "\r\n",
			[]string{"!f.jsonl:1: bad line: line too long", "b"}},
		{"a line of exactly the limit is read", exact + "\n" + exact, []string{"exact", "exact"}},
		{"several long lines", long + "\n" + long + "\n\n" + long + "\n" + `{"id":"c","text":"x"}`,
			[]string{"!f.jsonl:1:", "!f.jsonl:2:", "!f.jsonl:4:", "c"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := NewJSONLReader(strings.NewReader(tt.in), "f.jsonl")
			r.max = 64
			r.br = bufio.NewReaderSize(strings.NewReader(tt.in), 16) // lines span several buffers
			var got []string
			for {
				doc, err := r.Next()
				if errors.Is(err, io.EOF) {
					break
				}
				if err != nil {
					if !errors.Is(err, ErrBadLine) || !errors.Is(err, ErrLineTooLong) {
						t.Fatalf("error %v is not a too-long bad line", err)
					}
					got = append(got, "!"+err.Error())
					continue
				}
				got = append(got, doc.ID)
			}
			if len(got) != len(tt.want) {
				t.Fatalf("got %q, want %q", got, tt.want)
			}
			for i := range got {
				if !strings.HasPrefix(got[i], tt.want[i]) {
					t.Errorf("item %d: %q, want %q", i, got[i], tt.want[i])
				}
			}
		})
	}
}

func FuzzJSONLReader(f *testing.F) {
	f.Add(`{"id":"d1","text":"Arnor attacked Gondor.","date":"2022-11-30"}` + "\n")
	f.Add("{\"text\":\"a\"}\n\n{")
	f.Add(`{"text":"` + strings.Repeat("long ", 20) + `"}` + "\n" + `{"text":"after"}`)
	f.Fuzz(func(t *testing.T, in string) {
		r := NewJSONLReader(strings.NewReader(in), "f")
		r.max = 64 // over-long lines too
		// every non-blank line gives a document or a bad line: none is lost
		lines := 0
		for _, l := range strings.Split(in, "\n") {
			if len(l) > r.max || strings.TrimSpace(l) != "" {
				lines++
			}
		}
		for i := 0; ; i++ {
			if i > lines {
				t.Fatalf("more results than the %d non-blank lines", lines)
			}
			doc, err := r.Next()
			if errors.Is(err, io.EOF) {
				if i != lines {
					t.Fatalf("%d results for %d non-blank lines", i, lines)
				}
				return
			}
			if err != nil {
				if !errors.Is(err, ErrBadLine) {
					t.Fatalf("unexpected error kind: %v", err)
				}
				continue
			}
			if strings.TrimSpace(doc.Text) == "" || doc.ID == "" {
				t.Fatalf("accepted document without text or id: %+v", doc)
			}
		}
	})
}

func FuzzParseText(f *testing.F) {
	f.Add([]byte("Title: x\nDate: 2022-11-30\n\nBody."))
	f.Add([]byte("Plain body"))
	f.Fuzz(func(t *testing.T, in []byte) {
		doc, err := ParseText(in, "f.txt")
		if err != nil {
			return
		}
		if len(doc.Text) > len(in) || !strings.HasSuffix(string(in), doc.Text) {
			t.Fatalf("text %q is not a suffix of the input", doc.Text)
		}
	})
}
