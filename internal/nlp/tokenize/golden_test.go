package tokenize

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/eventwire/eventwire/internal/nlp"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/golden")

// TestGolden tokenizes the sample corpus (examples/corpus, written by the
// project) and compares the CoNLL-U output with testdata/golden; run with
// -update to accept a change.
func TestGolden(t *testing.T) {
	files, err := filepath.Glob("../../../examples/corpus/*.txt")
	if err != nil || len(files) == 0 {
		t.Fatalf("no sample corpus found (%v)", err)
	}
	tk := New()
	for _, f := range files {
		name := strings.TrimSuffix(filepath.Base(f), ".txt")
		t.Run(name, func(t *testing.T) {
			text, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			var buf bytes.Buffer
			for i, s := range tk.Tokenize(string(text)) {
				s.ID = name + "-" + strconv.Itoa(i+1)
				if err := nlp.WriteConllu(&buf, &s); err != nil {
					t.Fatal(err)
				}
			}
			golden := filepath.Join("testdata", "golden", name+".conllu")
			if *update {
				if err := os.MkdirAll(filepath.Dir(golden), 0o755); err != nil {
					t.Fatal(err)
				}
				if err := os.WriteFile(golden, buf.Bytes(), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("reading golden file (run with -update to create it): %v", err)
			}
			if !bytes.Equal(buf.Bytes(), want) {
				t.Errorf("%s differs from %s; run go test -run TestGolden -update and review the diff", name, golden)
			}
		})
	}
}
