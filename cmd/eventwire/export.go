package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/eventwire/eventwire/internal/export"
	"github.com/eventwire/eventwire/internal/store"
)

func init() {
	register(command{name: "export", summary: "write the store's events (GDELT Events or Mentions, JSON Lines, PLOVER, Parquet) or article knowledge (GKG)", run: runExport})
}

func runExport(args []string, stdout, stderr io.Writer) error {
	fs := newFlags("export", "", stderr)
	db := dbFlag(fs)
	format := fs.String("format", "jsonl", "gdelt-events (one row per event, with mention counts), gdelt-mentions (one row per mention), "+
		"gkg (one GKG 2.1 row per article with knowledge; --from/--to select by publication date), plover (one PLOVER JSON record per event), "+
		"jsonl (one record per event: its first mention) or parquet (the events as a Parquet file)")
	out := fs.String("out", "", "output file (default: standard output); written in full or not at all")
	rowGroup := fs.Int("row-group", export.DefaultRowGroup, "events per Parquet row group")
	var f store.Filter
	setFilter := filterFlags(fs, &f)
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	setFilter()
	if !slices.Contains(export.Formats, *format) {
		return fmt.Errorf("%w: --format: want %s, not %q", errUsage, strings.Join(export.Formats, ", "), *format)
	}
	if *rowGroup <= 0 {
		return fmt.Errorf("%w: --row-group: want a positive number, not %d", errUsage, *rowGroup)
	}
	ctx := context.Background()
	st, err := openExistingStore(ctx, *db)
	if err != nil {
		return err
	}
	defer st.Close()
	opt := export.Options{Format: *format, Filter: f, RowGroup: *rowGroup}
	var sum export.Summary
	if *out == "" {
		sum, err = export.Write(ctx, st, stdout, opt)
	} else {
		sum, err = exportToFile(ctx, st, *out, opt)
	}
	if errors.Is(err, export.ErrNoKnowledge) {
		return fmt.Errorf("export --format gkg: %w", err)
	}
	if err != nil {
		return err
	}
	if sum.Dropped > 0 {
		fmt.Fprintf(stderr, "%d events of the CAMEO 01 and 02 families not exported: PLOVER has no category for them\n", sum.Dropped)
	}
	if *out != "" {
		fmt.Fprintf(stderr, "%s: %d records\n", *out, sum.Records)
	}
	return nil
}

// exportToFile writes the export to a temporary file beside path and
// renames it into place when complete.
func exportToFile(ctx context.Context, st store.Querier, path string, opt export.Options) (export.Summary, error) {
	tmp, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".*")
	if err != nil {
		return export.Summary{}, fmt.Errorf("creating export file: %w", err)
	}
	defer os.Remove(tmp.Name()) // fails harmlessly after the rename
	sum, err := export.Write(ctx, st, tmp, opt)
	if err == nil {
		err = tmp.Chmod(0o644) // CreateTemp makes the file private
	}
	if cerr := tmp.Close(); err == nil && cerr != nil {
		err = fmt.Errorf("writing export file: %w", cerr)
	}
	if err != nil {
		return sum, err
	}
	if err := os.Rename(tmp.Name(), path); err != nil {
		return sum, fmt.Errorf("writing export file: %w", err)
	}
	return sum, nil
}
