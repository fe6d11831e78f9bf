package store

import (
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"strconv"
	"text/tabwriter"
)

// TableFormats are the formats WriteTable accepts.
var TableFormats = []string{"table", "csv", "json"}

// WriteTable writes t as an aligned text table, CSV with a header row, or
// a JSON array of objects keyed by column name.
func WriteTable(w io.Writer, t *Table, format string) error {
	cell := func(v any) string {
		switch x := v.(type) {
		case float64:
			return strconv.FormatFloat(x, 'f', -1, 64)
		case int64:
			return strconv.FormatInt(x, 10)
		case string:
			return x
		}
		return fmt.Sprint(v)
	}
	switch format {
	case "table":
		tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
		for i, c := range t.Columns {
			if i > 0 {
				fmt.Fprint(tw, "\t")
			}
			fmt.Fprint(tw, c)
		}
		fmt.Fprintln(tw)
		for _, r := range t.Rows {
			for i, v := range r {
				if i > 0 {
					fmt.Fprint(tw, "\t")
				}
				fmt.Fprint(tw, cell(v))
			}
			fmt.Fprintln(tw)
		}
		if err := tw.Flush(); err != nil {
			return fmt.Errorf("writing table: %w", err)
		}
		return nil
	case "csv":
		cw := csv.NewWriter(w)
		if err := cw.Write(t.Columns); err != nil {
			return fmt.Errorf("writing CSV: %w", err)
		}
		rec := make([]string, len(t.Columns))
		for _, r := range t.Rows {
			for i, v := range r {
				rec[i] = cell(v)
			}
			if err := cw.Write(rec); err != nil {
				return fmt.Errorf("writing CSV: %w", err)
			}
		}
		cw.Flush()
		if err := cw.Error(); err != nil {
			return fmt.Errorf("writing CSV: %w", err)
		}
		return nil
	case "json":
		out := make([]map[string]any, len(t.Rows))
		for j, r := range t.Rows {
			m := make(map[string]any, len(r))
			for i, v := range r {
				m[t.Columns[i]] = v
			}
			out[j] = m
		}
		enc := json.NewEncoder(w)
		enc.SetIndent("", "  ")
		if err := enc.Encode(out); err != nil {
			return fmt.Errorf("writing JSON: %w", err)
		}
		return nil
	}
	return fmt.Errorf("table format %q: want table, csv or json", format)
}
