package export

import (
	"bytes"
	"testing"

	"github.com/parquet-go/parquet-go"
)

// FuzzReadParquet checks that ReadParquet turns any input into rows or an
// error, never a panic or a hang. The seeds are files of the parquet
// format's schema.
func FuzzReadParquet(f *testing.F) {
	day := int32(19783)
	rows := []ParquetEvent{
		{EventID: 1, Date: &day, DocID: "u1", Source: "CHN", Target: "USA", Code: "112", Root: "11", Base: "112", QuadClass: 3,
			Goldstein: -2, Plover: "ACCUSE", Issues: []string{"SANCTIONS"}, NumMentions: 2, ActionGeo: &ParquetPlace{Type: 4, FullName: "Beijing", FeatureID: "1816670"}},
		{EventID: 2, DocID: "u2", Code: "190", Root: "19", Base: "190", QuadClass: 4, Goldstein: -10},
	}
	for _, rowGroup := range []int{1, 2} {
		var buf bytes.Buffer
		w := parquet.NewGenericWriter[ParquetEvent](&buf, parquet.MaxRowsPerRowGroup(int64(rowGroup)))
		if _, err := w.Write(rows); err != nil {
			f.Fatal(err)
		}
		if err := w.Close(); err != nil {
			f.Fatal(err)
		}
		f.Add(buf.Bytes())
	}
	f.Add([]byte("PAR1PAR1"))
	f.Fuzz(func(t *testing.T, data []byte) {
		n := 0
		err := ReadParquet(bytes.NewReader(data), int64(len(data)), func(*ParquetEvent) error { n++; return nil })
		if err == nil && n == 0 && len(data) > 0 && !bytes.HasPrefix(data, []byte("PAR1")) {
			t.Fatalf("%d bytes without the Parquet magic were read as an empty file", len(data))
		}
	})
}
