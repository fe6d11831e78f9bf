package geo

import (
	"bytes"
	"compress/gzip"
	"strings"
	"testing"
)

// TestVariant: spelling variants name their city; names the table leaves
// out (weekdays, other languages' names, common words) name none.
func TestVariant(t *testing.T) {
	g := mustDefault(t)
	tests := []struct {
		name, want string // want: the place's full name, "" for none
	}{
		{"Genova", "Genoa, Italy"},
		{"Abbotabad", "Abbottabad"},
		{"Warszawa", ""}, // named in the gazetteer itself since issue 16 (its district's name), so no variant
		{"Monday", ""},   // not Munday, Texas
		{"Zena", ""},     // Genoa in Ligurian: another language's name, not a spelling
		{"Genoa", ""},    // the gazetteer's own name is no variant
		{"Report", ""},
	}
	for _, tt := range tests {
		got, ok := g.Variant(tt.name)
		name := ""
		if ok {
			name = got.FullName
		}
		if tt.want == "" && ok || tt.want != "" && !strings.HasPrefix(name, strings.TrimSuffix(tt.want, ", Italy")) {
			t.Errorf("Variant(%q) = %q, want %q", tt.name, name, tt.want)
		}
	}
}

// TestVariantsTable: the embedded table parses and is small; malformed
// lines are reported with file and line.
func TestVariantsTable(t *testing.T) {
	m, err := loadVariants()
	if err != nil {
		t.Fatal(err)
	}
	if len(m) < 5000 || len(variantsGz) > 100<<10 {
		t.Errorf("%d variants in %d bytes, want ≥ 5,000 in ≤ 100 KiB", len(m), len(variantsGz))
	}
	for _, tt := range []struct{ text, err string }{
		{"# c\ngenova\t3176219\nGenova\t1\n", "t.gz:3: variant"},
		{"genova\tx\n", "t.gz:1: geonameid"},
		{"genova 3176219\n", "t.gz:1: variant"},
	} {
		var b bytes.Buffer
		zw := gzip.NewWriter(&b)
		zw.Write([]byte(tt.text))
		zw.Close()
		if _, err := parseVariants(b.Bytes(), "t.gz"); err == nil || !strings.Contains(err.Error(), tt.err) {
			t.Errorf("parseVariants(%q) error %v, want %q", tt.text, err, tt.err)
		}
	}
}

func BenchmarkParseVariants(b *testing.B) {
	for b.Loop() {
		if _, err := parseVariants(variantsGz, "variants.tsv.gz"); err != nil {
			b.Fatal(err)
		}
	}
}
