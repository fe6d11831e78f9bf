package event

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestNewWriter(t *testing.T) {
	golden := map[string]string{"jsonl": "events.jsonl.golden", "gdelt-events": "export.gdelt.golden", "gdelt-mentions": "mentions.gdelt.golden"}
	for _, format := range Formats {
		var b bytes.Buffer
		w, err := NewWriter(format, &b, fixedClock)
		if err != nil {
			t.Fatal(err)
		}
		writeAll(t, w.Write, w.Flush)
		want, err := os.ReadFile(filepath.Join("testdata", golden[format]))
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(b.Bytes(), want) {
			t.Errorf("format %s: output differs from %s", format, golden[format])
		}
	}
	if _, err := NewWriter("csv", &bytes.Buffer{}, fixedClock); err == nil || !strings.Contains(err.Error(), `"csv"`) {
		t.Errorf("unknown format: %v", err)
	}
}
