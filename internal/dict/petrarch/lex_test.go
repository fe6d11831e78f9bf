package petrarch

import (
	"bufio"
	"bytes"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/eventwire/eventwire/internal/dict"
	"github.com/eventwire/eventwire/internal/shareddata"
)

// scannerLines is lines as it was written with bufio.Scanner, one
// strings.Builder per line: the reference the faster lines must equal.
func scannerLines(content []byte) []line {
	var out []line
	sc := bufio.NewScanner(bytes.NewReader(content))
	sc.Buffer(make([]byte, 0, 64*1024), 16*1024*1024)
	inComment := false
	n := 0
	for sc.Scan() {
		n++
		s := sc.Text()
		var b strings.Builder
		for s != "" {
			if inComment {
				i := strings.Index(s, "-->")
				if i < 0 {
					s = ""
					break
				}
				s = s[i+3:]
				inComment = false
				continue
			}
			i := strings.Index(s, "<!--")
			if i < 0 {
				b.WriteString(s)
				break
			}
			b.WriteString(s[:i])
			s = s[i+4:]
			inComment = true
		}
		t := b.String()
		hadText := strings.TrimSpace(t) != ""
		t = stripHash(t)
		if hadText && strings.TrimSpace(t) == "" {
			continue
		}
		t = strings.TrimRight(t, " \t\r\ufeff")
		ind := len(t) > 0 && (t[0] == ' ' || t[0] == '\t')
		out = append(out, line{n: n, text: strings.TrimSpace(t), indented: ind})
	}
	return out
}

func TestLines(t *testing.T) {
	tests := []struct {
		name, in string
		want     []line
	}{
		{"empty", "", nil},
		{"no final newline", "A\nB", []line{{1, "A", false}, {2, "B", false}}},
		{"final newline", "A\n", []line{{1, "A", false}}},
		{"crlf and blank", "A\r\n\r\n  B [X]\r\n", []line{{1, "A", false}, {2, "", false}, {3, "B [X]", true}}},
		{"lone cr kept inside", "A\rB\n", []line{{1, "A\rB", false}}},
		{"hash comment", "# note\nA # tail\n", []line{{2, "A", false}}},
		{"xml comment over lines", "A <!-- x\ny\nz --> B\nC\n", []line{{1, "A", false}, {2, "", false}, {3, "B", true}, {4, "C", false}}},
		{"two comments", "<!-- a -->X<!-- b -->Y\n", []line{{1, "XY", false}}},
		{"bom", "\ufeffA\ufeff\n", []line{{1, "\ufeffA", false}}},
	}
	for _, tt := range tests {
		got := lines([]byte(tt.in))
		if len(got) == 0 && len(tt.want) == 0 {
			continue
		}
		if !reflect.DeepEqual(got, tt.want) {
			t.Errorf("%s: lines(%q) = %+v, want %+v", tt.name, tt.in, got, tt.want)
		}
		if ref := scannerLines([]byte(tt.in)); !reflect.DeepEqual(got, ref) {
			t.Errorf("%s: lines(%q) = %+v, the scanner's %+v", tt.name, tt.in, got, ref)
		}
	}
}

// TestLinesSharedFiles splits every PETRARCH dictionary of the shared data
// as the scanner did.
func TestLinesSharedFiles(t *testing.T) {
	dir := shareddata.Dir(t, "petrarch", "dictionaries")
	files, err := filepath.Glob(filepath.Join(dir, "*.txt"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no dictionary files in %s: %v", dir, err)
	}
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		if got, want := lines(b), scannerLines(b); !reflect.DeepEqual(got, want) {
			t.Errorf("%s: %d lines, the scanner's %d, or their text differs", filepath.Base(f), len(got), len(want))
		}
	}
}

func TestPhrase(t *testing.T) {
	tests := []struct {
		in   string
		want dict.Phrase
	}{
		{"", nil},
		{" _ \t", nil},
		{"UNITED_STATES", dict.Phrase{{Text: "united"}, {Text: "states"}}},
		{"  CARAS GALADHON_ ", dict.Phrase{{Text: "caras"}, {Text: "galadhon"}}},
		{"__&CURRENCY__AID", dict.Phrase{{Text: "&currency", Synset: true}, {Text: "aid"}}},
		{"SÃO_TOMÉ", dict.Phrase{{Text: "são"}, {Text: "tomé"}}},
	}
	for _, tt := range tests {
		if got := phrase(tt.in); !reflect.DeepEqual(got, tt.want) {
			t.Errorf("phrase(%q) = %v, want %v", tt.in, got, tt.want)
		}
	}
}
