package gkg

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/eventwire/eventwire/internal/event"
)

// Columns is the number of columns of a GKG 2.1 row.
const Columns = 27

// Output formats of a Writer.
const (
	FormatGKG  = "gkg"  // GKG 2.1 rows, tab-separated, no header
	FormatJSON = "json" // one Record as JSON per line
)

// Writer writes Records as GKG 2.1 rows or JSON Lines. It is not safe for
// concurrent use.
type Writer struct {
	w      *bufio.Writer
	format string
}

// NewWriter returns a Writer in format FormatGKG or FormatJSON.
func NewWriter(w io.Writer, format string) (*Writer, error) {
	if format != FormatGKG && format != FormatJSON {
		return nil, fmt.Errorf("gkg format %q: want %q or %q", format, FormatGKG, FormatJSON)
	}
	return &Writer{w: bufio.NewWriter(w), format: format}, nil
}

// Write writes one record.
func (w *Writer) Write(r *Record) error {
	if w.format == FormatJSON {
		b, err := json.Marshal(r)
		if err != nil {
			return fmt.Errorf("encoding gkg record: %w", err)
		}
		w.w.Write(b)
		return w.w.WriteByte('\n')
	}
	w.w.WriteString(Row(r))
	return w.w.WriteByte('\n')
}

// Flush writes buffered rows to the underlying writer.
func (w *Writer) Flush() error { return w.w.Flush() }

// clean removes the separators of the GKG format from a field value: tabs
// and newlines become spaces, and the characters in seps are dropped.
func clean(s, seps string) string {
	if !strings.ContainsAny(s, "\t\n\r"+seps) {
		return s
	}
	var b strings.Builder
	for _, r := range s {
		switch {
		case r == '\t' || r == '\n' || r == '\r':
			b.WriteByte(' ')
		case strings.ContainsRune(seps, r):
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

func ftoa(f float64) string { return strconv.FormatFloat(f, 'f', -1, 64) }

// geoFields writes Type#FullName#CountryCode#ADM1Code[#ADM2]#Lat#Long#FeatureID.
func geoFields(b *strings.Builder, g *event.Geo, adm2 bool) {
	if g == nil {
		b.WriteString("0######")
		if adm2 {
			b.WriteByte('#')
		}
		return
	}
	b.WriteString(strconv.Itoa(g.Type))
	b.WriteByte('#')
	b.WriteString(clean(g.FullName, "#;"))
	b.WriteByte('#')
	b.WriteString(g.CountryFIPS)
	b.WriteByte('#')
	b.WriteString(g.ADM1)
	b.WriteByte('#')
	if adm2 {
		b.WriteByte('#') // ADM2 is not known
	}
	b.WriteString(ftoa(g.Lat))
	b.WriteByte('#')
	b.WriteString(ftoa(g.Lon))
	b.WriteByte('#')
	b.WriteString(clean(g.FeatureID, "#;"))
}

// Row formats r as one GKG 2.1 row of 27 tab-separated columns (without
// the newline). docs/gkg.md lists what each column holds.
func Row(r *Record) string {
	cols := make([]string, Columns)
	cols[0] = clean(r.ID, "")
	cols[1] = r.Date
	cols[2] = strconv.Itoa(r.SourceCollection)
	cols[3] = clean(r.SourceName, "")
	cols[4] = clean(r.DocumentID, "")
	var v1, v2 strings.Builder
	for i, c := range r.Counts {
		for _, b := range []*strings.Builder{&v1, &v2} {
			if i > 0 {
				b.WriteByte(';')
			}
			b.WriteString(clean(c.Type, "#;"))
			b.WriteByte('#')
			b.WriteString(strconv.FormatInt(c.Number, 10))
			b.WriteByte('#')
			b.WriteString(clean(c.Object, "#;"))
			b.WriteByte('#')
			geoFields(b, c.Geo, false)
		}
		v2.WriteByte('#')
		v2.WriteString(strconv.Itoa(c.Offset))
	}
	cols[5], cols[6] = v1.String(), v2.String()
	v1.Reset()
	v2.Reset()
	seen := map[string]bool{}
	for i, t := range r.Themes {
		if !seen[t.Theme] {
			if len(seen) > 0 {
				v1.WriteByte(';')
			}
			seen[t.Theme] = true
			v1.WriteString(clean(t.Theme, ";"))
		}
		if i > 0 {
			v2.WriteByte(';')
		}
		v2.WriteString(clean(t.Theme, ";"))
		v2.WriteByte(',')
		v2.WriteString(strconv.Itoa(t.Offset))
	}
	cols[7], cols[8] = v1.String(), v2.String()
	v1.Reset()
	v2.Reset()
	clear(seen)
	for i, l := range r.Locations {
		if key := l.FeatureID + "|" + strconv.Itoa(l.Type); !seen[key] {
			if len(seen) > 0 {
				v1.WriteByte(';')
			}
			seen[key] = true
			geoFields(&v1, &l.Geo, false)
		}
		if i > 0 {
			v2.WriteByte(';')
		}
		geoFields(&v2, &l.Geo, true)
		v2.WriteByte('#')
		v2.WriteString(strconv.Itoa(l.Offset))
	}
	cols[9], cols[10] = v1.String(), v2.String()
	cols[11], cols[12] = names(r.Persons)
	cols[13], cols[14] = names(r.Organizations)
	t := r.Tone
	cols[15] = ftoa(t.Tone) + "," + ftoa(t.Positive) + "," + ftoa(t.Negative) + "," + ftoa(t.Polarity) + "," +
		ftoa(t.Activity) + "," + ftoa(t.SelfGroup) + "," + strconv.Itoa(t.WordCount)
	v1.Reset()
	for i, d := range r.Dates {
		if i > 0 {
			v1.WriteByte(';')
		}
		fmt.Fprintf(&v1, "%d#%d#%d#%d#%d", d.Resolution, d.Month, d.Day, d.Year, d.Offset)
	}
	cols[16] = v1.String()
	cols[17] = "wc:" + strconv.Itoa(t.WordCount)
	v1.Reset()
	for i, q := range r.Quotations {
		if i > 0 {
			v1.WriteByte('#')
		}
		fmt.Fprintf(&v1, "%d|%d|%s|%s", q.Offset, q.Length, clean(q.Verb, "#|"), clean(q.Quote, "#"))
	}
	cols[22] = v1.String()
	_, cols[23] = names(r.AllNames)
	v1.Reset()
	for i, a := range r.Amounts {
		if i > 0 {
			v1.WriteByte(';')
		}
		v1.WriteString(ftoa(a.Value))
		v1.WriteByte(',')
		v1.WriteString(clean(a.Object, ";"))
		v1.WriteByte(',')
		v1.WriteString(strconv.Itoa(a.Offset))
	}
	cols[24] = v1.String()
	if r.Title != "" {
		cols[26] = "<PAGE_TITLE>" + xmlEscape(clean(r.Title, "")) + "</PAGE_TITLE>"
	}
	return strings.Join(cols, "\t")
}

// names formats the V1 (unique names) and V2 (name,offset) columns.
func names(ns []Name) (string, string) {
	var v1, v2 strings.Builder
	seen := map[string]bool{}
	for i, n := range ns {
		name := clean(n.Name, ";")
		if !seen[name] {
			if len(seen) > 0 {
				v1.WriteByte(';')
			}
			seen[name] = true
			v1.WriteString(name)
		}
		if i > 0 {
			v2.WriteByte(';')
		}
		v2.WriteString(name)
		v2.WriteByte(',')
		v2.WriteString(strconv.Itoa(n.Offset))
	}
	return v1.String(), v2.String()
}

var xmlEscaper = strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;")

func xmlEscape(s string) string { return xmlEscaper.Replace(s) }

var xmlUnescaper = strings.NewReplacer("&amp;", "&", "&lt;", "<", "&gt;", ">")
