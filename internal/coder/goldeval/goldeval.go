// Package goldeval scores coded events against gold events written for whole
// articles (docs/annotation.md): precision and recall of (source, target,
// root) per article, with actors compared by country and role family, one
// produced event per gold event, and the produced and missed events sorted
// into the error patterns an analyst looks for (repeats, news outlets as
// actors, unknown countries, wrong root, wrong actors, plain statements).
//
// It knows nothing of how events are produced: the caller codes the
// documents and hands the events of each one to Score.
package goldeval

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"hash/fnv"
	"io"
	"os"
	"strings"

	"github.com/eventwire/eventwire/internal/cameo"
)

// Event is one gold event of an article.
type Event struct {
	Source   string `json:"source"`
	Target   string `json:"target"`
	Code     string `json:"code"`
	Quote    string `json:"quote"`
	Date     string `json:"date,omitempty"`
	Optional bool   `json:"optional,omitempty"`
	Note     string `json:"note,omitempty"`
}

// Doc is the gold of one article: its events, possibly none.
type Doc struct {
	ID        string  `json:"doc"`
	Annotator string  `json:"annotator,omitempty"`
	Events    []Event `json:"events"`
	Line      int     `json:"-"` // line of the gold file
	File      string  `json:"-"`
}

// maxLine bounds one gold line (an article's events).
const maxLine = 4 << 20

// Load reads a gold file: one JSON object per line (blank lines and lines
// starting with # are skipped). Errors name the file, line and field.
func Load(path string) ([]Doc, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("opening gold: %w", err)
	}
	defer f.Close()
	return Read(f, path)
}

// Read reads gold records from r; name is used in error messages.
func Read(r io.Reader, name string) ([]Doc, error) {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64<<10), maxLine)
	var docs []Doc
	seen := map[string]int{}
	for n := 1; sc.Scan(); n++ {
		line := bytes.TrimSpace(sc.Bytes())
		if len(line) == 0 || line[0] == '#' {
			continue
		}
		var d Doc
		dec := json.NewDecoder(bytes.NewReader(line))
		dec.DisallowUnknownFields()
		if err := dec.Decode(&d); err != nil {
			return nil, fmt.Errorf("%s:%d: gold record: %w", name, n, err)
		}
		d.Line, d.File = n, name
		if d.ID == "" {
			return nil, fmt.Errorf("%s:%d: doc: missing", name, n)
		}
		if p, ok := seen[d.ID]; ok {
			return nil, fmt.Errorf("%s:%d: doc: %q already annotated on line %d", name, n, d.ID, p)
		}
		seen[d.ID] = n
		for i := range d.Events {
			if err := d.Events[i].check(); err != nil {
				return nil, fmt.Errorf("%s:%d: events[%d].%w", name, n, i, err)
			}
		}
		docs = append(docs, d)
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("%s: reading gold: %w", name, err)
	}
	return docs, nil
}

// check validates one gold event's fields.
func (e *Event) check() error {
	if _, ok := cameo.Lookup(e.Code); !ok {
		return fmt.Errorf("code: %q is not a CAMEO event code", e.Code)
	}
	for _, a := range []struct{ field, code string }{{"source", e.Source}, {"target", e.Target}} {
		if a.code == "" {
			return fmt.Errorf("%s: missing (write --- for an unknown actor)", a.field)
		}
		if len(a.code) < 3 || len(a.code)%3 != 0 {
			return fmt.Errorf("%s: %q is not a CAMEO actor code (groups of three letters)", a.field, a.code)
		}
	}
	if strings.TrimSpace(e.Quote) == "" {
		return errors.New("quote: missing")
	}
	return nil
}

// CheckQuotes reports the first gold quote that does not occur in its
// document's text; text maps document ids to texts.
func CheckQuotes(docs []Doc, text map[string]string) error {
	for _, d := range docs {
		t, ok := text[d.ID]
		if !ok {
			return fmt.Errorf("%s:%d: doc: %q is not in the documents", d.File, d.Line, d.ID)
		}
		for i, e := range d.Events {
			if _, _, ok := QuoteSpan(t, e.Quote); !ok {
				return fmt.Errorf("%s:%d: events[%d].quote: %q is not in the text of %s", d.File, d.Line, i, e.Quote, d.ID)
			}
		}
	}
	return nil
}

// QuoteSpan returns the byte offsets in its document's text of a gold
// event's quote: its first occurrence, where CheckQuotes finds it; ok is
// false when the text lacks it.
func QuoteSpan(text, quote string) (start, end int, ok bool) {
	i := strings.Index(text, quote)
	if i < 0 {
		return -1, -1, false
	}
	return i, i + len(quote), true
}

// Half names the half of a labelled set a document belongs to: "tune" (rules
// may be changed looking at it) or "check" (held out), by the FNV-1a hash of
// its id, so the split never depends on the file's order.
func Half(id string) string {
	h := fnv.New32a()
	h.Write([]byte(id))
	if h.Sum32()%2 == 0 {
		return "tune"
	}
	return "check"
}

// Actor is an actor code read for matching: its country (three letters, six
// for IGO/NGO/MNC codes; "" when unknown) and role family.
type Actor struct {
	Country string
	Family  string
}

// Role families: roles that play the same part in an event. A gold actor
// with no role matches any role of its country; a produced one with no role
// matches the government and security families (a state acting is its
// government or its forces).
var families = map[string]string{
	"GOV": "gov", "LEG": "gov", "JUD": "gov", "ELI": "gov", "PTY": "gov",
	"MIL": "sec", "COP": "sec", "SPY": "sec", "PKO": "sec",
	"REB": "arm", "INS": "arm", "SEP": "arm", "UAF": "arm", "RAD": "arm",
	"OPP": "opp",
}

// ParseActor reads a code as Actor. Unknown roles (CVL, BUS, MED...) belong to
// the society family.
func ParseActor(code string) Actor {
	code = strings.ToUpper(strings.TrimSpace(code))
	if code == "" || strings.HasPrefix(code, "---") {
		return Actor{Family: family(strings.TrimPrefix(code, "---"))}
	}
	n := 3
	if (strings.HasPrefix(code, "IGO") || strings.HasPrefix(code, "NGO") || strings.HasPrefix(code, "MNC")) && len(code) >= 6 {
		if _, isRole := families[code[3:6]]; !isRole && !isSocietyRole(code[3:6]) {
			n = 6
		}
	}
	if len(code) < n {
		n = len(code)
	}
	return Actor{Country: code[:n], Family: family(code[n:])}
}

// isSocietyRole reports whether r is a CAMEO role code of the society family
// (so "NGOHLH" reads as NGO + health, not as an organisation named HLH).
func isSocietyRole(r string) bool {
	switch r {
	case "CVL", "BUS", "MED", "NGM", "LAB", "EDU", "HLH", "REF", "CRM", "AGR", "SET", "MOS", "CHR", "JEW", "BUD", "HIN", "MNC", "IGO", "NGO", "MOD":
		return true
	}
	return false
}

// family returns the role family of the first role in rest ("" for none).
func family(rest string) string {
	for len(rest) >= 3 {
		if f, ok := families[rest[:3]]; ok {
			return f
		}
		if isSocietyRole(rest[:3]) {
			return "soc"
		}
		rest = rest[3:]
	}
	return ""
}

// Unknown reports whether the actor has no country.
func (a Actor) Unknown() bool { return a.Country == "" }

// matches reports whether a produced actor p stands for the gold actor g.
func matches(g, p Actor) bool {
	if g.Unknown() || p.Unknown() {
		return g.Unknown() && p.Unknown()
	}
	if g.Country != p.Country {
		return false
	}
	switch {
	case g.Family == "" || g.Family == p.Family:
		return true
	case p.Family == "":
		// the state: its government, or its forces for what they do
		// ("Israel assassinated Hamas leader X": ISR for ISRMIL)
		return g.Family == "gov" || g.Family == "sec"
	}
	return false
}

// reciprocal codes: both parties do the same thing to each other, so the
// direction a coder writes first carries no meaning (also the intent to
// meet, 036: "the two sides will meet again").
func reciprocal(code string) bool {
	switch code {
	case "036", "040", "041", "044", "046", "057", "060", "061", "062", "063", "064":
		return true
	}
	return false
}

// root returns the two-digit root of a CAMEO code.
func root(code string) string {
	if len(code) < 2 {
		return code
	}
	return code[:2]
}
