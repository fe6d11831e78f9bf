package nlp

import (
	"errors"
	"io"
	"strings"
	"testing"
)

// TestConlluLongLine: a line over the limit makes its sentence an error
// naming file and line, and the sentences after it are still read (a
// bufio.Scanner stopped at the first such line and lost the rest).
func TestConlluLongLine(t *testing.T) {
	word := func(id, form string) string { return id + "\t" + form + "\t_\tX\t_\t_\t0\troot\t_\t_\n" }
	tests := []struct {
		name string
		in   string
		want []string // sentence ids, or "!" + the start of an error
	}{
		{"long word line", "# sent_id = a\n" + word("1", "ok") + "\n# sent_id = b\n" + word("1", strings.Repeat("x", 100)) + "\n# sent_id = c\n" + word("1", "ok"),
			[]string{"a", "!f.conllu:5: line over 64 bytes", "c"}},
		{"long comment, CRLF", "# sent_id = a\r\n# " + strings.Repeat("y", 100) + "\r\n" + word("1", "ok") + "\r\n# sent_id = b\r\n" + word("1", "ok"),
			[]string{"!f.conllu:2: line over 64 bytes", "b"}},
		{"long last line", "# sent_id = a\n" + word("1", "ok") + "\n" + strings.Repeat("z", 200), []string{"a", "!f.conllu:4: line over"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := NewConlluReader(strings.NewReader(tt.in), "f.conllu")
			r.max = 64
			var got []string
			for i := 0; i < 10; i++ {
				s, err := r.Next()
				if errors.Is(err, io.EOF) {
					break
				}
				if err != nil {
					got = append(got, "!"+err.Error())
					continue
				}
				got = append(got, s.ID)
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
