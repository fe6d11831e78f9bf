package export

import (
	"context"
	"encoding/binary"
	"fmt"
	"io"
	"time"

	"github.com/parquet-go/parquet-go"
	"github.com/parquet-go/parquet-go/compress/zstd"

	"github.com/eventwire/eventwire/internal/event"
	"github.com/eventwire/eventwire/internal/store"
)

// ParquetEvent is one row of the Parquet export: a stored event with its
// mention counts, typed (dates as DATE, times as TIMESTAMP, counts as
// integers, places as optional groups). Column names are those of the
// eventwire JSON Lines schema where one exists.
type ParquetEvent struct {
	EventID      int64         `parquet:"event_id,delta"`
	Date         *int32        `parquet:"date,optional,date"` // days since 1970-01-01; null when unknown
	DocID        string        `parquet:"doc_id"`
	URL          string        `parquet:"url"`
	Sentence     int32         `parquet:"sentence"`
	Text         string        `parquet:"text"`
	Source       string        `parquet:"source,dict"`
	Target       string        `parquet:"target,dict"`
	Code         string        `parquet:"code,dict"`
	Root         string        `parquet:"root,dict"`
	Base         string        `parquet:"base,dict"`
	QuadClass    int32         `parquet:"quad_class"`
	Goldstein    float64       `parquet:"goldstein"`
	Plover       string        `parquet:"plover,dict"`
	Historical   bool          `parquet:"historical"`
	Hypothetical bool          `parquet:"hypothetical"`
	Negated      bool          `parquet:"negated"`
	Reported     bool          `parquet:"reported"`
	SourceText   string        `parquet:"source_text"`
	TargetText   string        `parquet:"target_text"`
	VerbText     string        `parquet:"verb_text"`
	VerbStart    int32         `parquet:"verb_start"`
	VerbEnd      int32         `parquet:"verb_end"`
	Attribution  string        `parquet:"attribution,dict"`
	Issues       []string      `parquet:"issues,list"`
	Rule         string        `parquet:"rule,dict"`
	DictVersion  string        `parquet:"dict_version,dict"`
	NumMentions  int32         `parquet:"num_mentions"`
	NumSources   int32         `parquet:"num_sources"`
	NumArticles  int32         `parquet:"num_articles"`
	IsRootEvent  bool          `parquet:"is_root_event"`
	FirstSeen    time.Time     `parquet:"first_seen,timestamp(millisecond)"`
	ActionGeo    *ParquetPlace `parquet:"action_geo,optional"`
	Actor1Geo    *ParquetPlace `parquet:"actor1_geo,optional"`
	Actor2Geo    *ParquetPlace `parquet:"actor2_geo,optional"`
}

// ParquetPlace is a resolved place (event.Geo).
type ParquetPlace struct {
	Type        int32   `parquet:"type"`
	FullName    string  `parquet:"full_name"`
	CountryISO  string  `parquet:"country_iso"`
	CountryFIPS string  `parquet:"country_fips"`
	ADM1        string  `parquet:"adm1"`
	Lat         float64 `parquet:"lat"`
	Lon         float64 `parquet:"lon"`
	FeatureID   string  `parquet:"feature_id"`
}

// NewParquetEvent converts a stored event into its Parquet row. A date that
// is not YYYY-MM-DD is an error; an empty date is null.
func NewParquetEvent(se *store.StoredEvent) (ParquetEvent, error) {
	e := &se.Event
	r := ParquetEvent{
		EventID: se.ID, DocID: e.DocID, URL: e.URL, Sentence: int32(e.Sentence), Text: e.Text,
		Source: e.Source, Target: e.Target, Code: e.Code, Root: e.Root, Base: e.Base,
		QuadClass: int32(e.QuadClass), Goldstein: e.Goldstein, Plover: e.Plover,
		Historical: e.Historical, Hypothetical: e.Hypothetical, Negated: e.Negated, Reported: e.Reported,
		SourceText: e.SourceSpan.Text, TargetText: e.TargetSpan.Text, VerbText: e.VerbSpan.Text,
		VerbStart: int32(e.VerbSpan.Start), VerbEnd: int32(e.VerbSpan.End),
		Attribution: e.Attribution, Issues: e.Issues, Rule: e.Rule, DictVersion: e.DictVersion,
		NumMentions: int32(se.NumMentions), NumSources: int32(se.NumSources), NumArticles: int32(se.NumArticles),
		IsRootEvent: se.IsRoot, FirstSeen: se.FirstSeen.UTC().Truncate(time.Millisecond),
		ActionGeo: parquetPlace(e.ActionGeo), Actor1Geo: parquetPlace(e.Actor1Geo), Actor2Geo: parquetPlace(e.Actor2Geo),
	}
	if e.Date != "" {
		d, err := time.Parse("2006-01-02", e.Date)
		if err != nil {
			return r, fmt.Errorf("event %d: date %q is not YYYY-MM-DD", se.ID, e.Date)
		}
		days := int32(d.Unix() / 86400)
		r.Date = &days
	}
	return r, nil
}

// Day returns the row's date as YYYY-MM-DD, "" when it has none.
func (r *ParquetEvent) Day() string {
	if r.Date == nil {
		return ""
	}
	return time.Unix(int64(*r.Date)*86400, 0).UTC().Format("2006-01-02")
}

func parquetPlace(g *event.Geo) *ParquetPlace {
	if g == nil {
		return nil
	}
	return &ParquetPlace{Type: int32(g.Type), FullName: g.FullName, CountryISO: g.CountryISO, CountryFIPS: g.CountryFIPS,
		ADM1: g.ADM1, Lat: g.Lat, Lon: g.Lon, FeatureID: g.FeatureID}
}

// parquetBatch is the number of rows handed to the Parquet writer at once.
const parquetBatch = 1024

// writeParquet writes the events as one Parquet file, zstd-compressed, a
// row group every opt.RowGroup events: the writer holds at most one row
// group in memory.
func writeParquet(ctx context.Context, q store.Querier, w io.Writer, opt Options) (Summary, error) {
	var sum Summary
	pw := parquet.NewGenericWriter[ParquetEvent](w,
		parquet.Compression(&zstd.Codec{}),
		parquet.CreatedBy("eventwire", "", ""),
		parquet.KeyValueMetadata("eventwire.schema", "events/1"),
	)
	batch := make([]ParquetEvent, 0, parquetBatch)
	inGroup := 0
	flush := func() error {
		if len(batch) == 0 {
			return nil
		}
		if _, err := pw.Write(batch); err != nil {
			return fmt.Errorf("writing parquet rows: %w", err)
		}
		clear(batch) // drop references to the rows' strings
		batch = batch[:0]
		return nil
	}
	err := q.Events(ctx, opt.Filter, func(se *store.StoredEvent) error {
		row, err := NewParquetEvent(se)
		if err != nil {
			return err
		}
		batch = append(batch, row)
		sum.Records++
		inGroup++
		if len(batch) == parquetBatch || inGroup == opt.RowGroup {
			if err := flush(); err != nil {
				return err
			}
		}
		if inGroup == opt.RowGroup {
			inGroup = 0
			if err := pw.Flush(); err != nil {
				return fmt.Errorf("writing parquet row group: %w", err)
			}
		}
		return nil
	})
	if err == nil {
		err = flush()
	}
	if err != nil {
		return sum, fmt.Errorf("exporting events: %w", err)
	}
	if err := pw.Close(); err != nil {
		return sum, fmt.Errorf("writing parquet file: %w", err)
	}
	return sum, nil
}

// ReadParquet reads a Parquet file written by the parquet format and calls
// fn for each row, in order. fn must not keep the row. A corrupt file is an
// error: the Parquet library panics on some corruptions, and ReadParquet
// turns those panics into errors (a panic in fn is not recovered).
func ReadParquet(r io.ReaderAt, size int64, fn func(*ParquetEvent) error) (err error) {
	inFn := false
	defer func() {
		if p := recover(); p != nil {
			if inFn {
				panic(p)
			}
			err = fmt.Errorf("reading parquet file: corrupt file (%v)", p)
		}
	}()
	if err := checkFooter(r, size); err != nil {
		return err
	}
	f, err := parquet.OpenFile(r, size)
	if err != nil {
		return fmt.Errorf("reading parquet file: %w", err)
	}
	pr := parquet.NewGenericReader[ParquetEvent](f)
	defer pr.Close()
	rows := make([]ParquetEvent, 256)
	for read := int64(0); ; {
		n, err := pr.Read(rows)
		read += int64(n)
		if n == 0 && err == nil {
			// A corrupt file can make the reader return nothing forever.
			return fmt.Errorf("reading parquet rows: no row after %d of %d", read, f.NumRows())
		}
		for i := range rows[:n] {
			inFn = true
			err := fn(&rows[i])
			inFn = false
			if err != nil {
				return err
			}
		}
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return fmt.Errorf("reading parquet rows: %w", err)
		}
	}
}

// checkFooter checks the Parquet framing the library trusts: the magic
// "PAR1" at both ends and a footer length that fits in the file. (The
// library allocates the footer's length before reading it, so a corrupt
// length would cost gigabytes.)
func checkFooter(r io.ReaderAt, size int64) error {
	const magic = "PAR1"
	if size < 12 {
		return fmt.Errorf("reading parquet file: %d bytes is too short for a parquet file", size)
	}
	var head [4]byte
	var tail [8]byte
	if _, err := r.ReadAt(head[:], 0); err != nil {
		return fmt.Errorf("reading parquet file: %w", err)
	}
	if _, err := r.ReadAt(tail[:], size-8); err != nil {
		return fmt.Errorf("reading parquet file: %w", err)
	}
	if string(head[:]) != magic || string(tail[4:]) != magic {
		return fmt.Errorf("reading parquet file: no PAR1 magic at both ends")
	}
	if n := int64(binary.LittleEndian.Uint32(tail[:4])); n > size-12 {
		return fmt.Errorf("reading parquet file: footer of %d bytes in a file of %d", n, size)
	}
	return nil
}
