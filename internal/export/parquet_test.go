package export

import (
	"bytes"
	"context"
	"reflect"
	"testing"
	"time"

	"github.com/parquet-go/parquet-go"

	"github.com/eventwire/eventwire/internal/store"
)

// TestParquetRoundTrip writes the fixture's events as Parquet in row
// groups of two and reads them back with the same library: every row
// equals the stored event's, the date range applies, and the schema is the
// golden one.
func TestParquetRoundTrip(t *testing.T) {
	db := fixture(t)
	tests := []struct {
		name   string
		filter store.Filter
		rows   int
		groups int
	}{
		{"all", store.Filter{}, 4, 2},
		{"march", store.Filter{From: "2024-03-02", To: "2024-03-31"}, 1, 1},
		{"none", store.Filter{From: "2030-01-01"}, 0, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var want []ParquetEvent
			err := db.Events(context.Background(), tt.filter, func(se *store.StoredEvent) error {
				r, err := NewParquetEvent(se)
				want = append(want, r)
				return err
			})
			if err != nil {
				t.Fatal(err)
			}
			var buf bytes.Buffer
			sum, err := Write(context.Background(), db, &buf, Options{Format: Parquet, Filter: tt.filter, RowGroup: 2})
			if err != nil {
				t.Fatal(err)
			}
			if sum.Records != tt.rows || len(want) != tt.rows {
				t.Fatalf("%d records written, %d stored; want %d", sum.Records, len(want), tt.rows)
			}
			f, err := parquet.OpenFile(bytes.NewReader(buf.Bytes()), int64(buf.Len()))
			if err != nil {
				t.Fatal(err)
			}
			if n := len(f.RowGroups()); n != tt.groups {
				t.Errorf("%d row groups, want %d", n, tt.groups)
			}
			if f.NumRows() != int64(tt.rows) {
				t.Errorf("%d rows in the file, want %d", f.NumRows(), tt.rows)
			}
			var got []ParquetEvent
			err = ReadParquet(bytes.NewReader(buf.Bytes()), int64(buf.Len()), func(r *ParquetEvent) error {
				got = append(got, *r)
				return nil
			})
			if err != nil {
				t.Fatal(err)
			}
			if len(got) != len(want) {
				t.Fatalf("read %d rows, want %d", len(got), len(want))
			}
			for i := range want {
				normalize(&got[i])
				normalize(&want[i])
				if !reflect.DeepEqual(got[i], want[i]) {
					t.Errorf("row %d:\n got %+v\nwant %+v", i, got[i], want[i])
				}
			}
			if tt.name == "all" {
				golden(t, "events.parquet-schema", []byte(f.Schema().String()+"\n"))
				if got[0].ActionGeo == nil || got[0].ActionGeo.FeatureID != "1816670" || got[1].ActionGeo != nil {
					t.Errorf("optional places: %+v, %+v", got[0].ActionGeo, got[1].ActionGeo)
				}
				if got[0].Day() != "2024-03-01" || got[0].NumMentions != 2 {
					t.Errorf("first row: %+v", got[0])
				}
			}
		})
	}
}

// normalize makes equal rows compare equal: an empty list and nil, and
// the time in UTC.
func normalize(r *ParquetEvent) {
	if len(r.Issues) == 0 {
		r.Issues = nil
	}
	r.FirstSeen = r.FirstSeen.UTC()
}

func TestParquetBadDate(t *testing.T) {
	se := &store.StoredEvent{ID: 7, FirstSeen: time.Unix(0, 0)}
	se.Event.Date = "2024-13-40"
	if _, err := NewParquetEvent(se); err == nil {
		t.Error("a bad date was accepted")
	}
}

// TestReadParquetCorrupt: files that are not Parquet, or whose footer
// length does not fit, are errors found before the library allocates the
// footer.
func TestReadParquetCorrupt(t *testing.T) {
	for _, data := range []string{"", "PAR1PAR1", "PAR1\xff\xff\xff\x7fPAR1", "PAR1xxxxxxxx\x04\x00\x00\x00PARX", "not parquet at all"} {
		err := ReadParquet(bytes.NewReader([]byte(data)), int64(len(data)), func(*ParquetEvent) error { return nil })
		if err == nil {
			t.Errorf("%q was read", data)
		}
	}
}
