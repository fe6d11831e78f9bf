package server

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/eventwire/eventwire/internal/shareddata"
)

// The web client's API types (web/src/api.ts) are checked against the
// server's contract (openapi.json): every field the client declares is a
// property of the schema it reads, a field the client takes as always there
// (not optional) is required by the schema, a field the client takes as never
// null is not nullable in the schema, and the types agree. Properties the
// client does not read are not its business.

// tsType is a TypeScript type as api.ts writes them: a name (string,
// number, boolean, unknown, or an interface), a list of one, an object
// literal, or a union.
type tsType struct {
	name   string
	elem   *tsType            // T[]
	fields map[string]tsField // { ... }
	open   bool               // the object literal has an index signature
	union  []*tsType          // A | B
}

type tsField struct {
	typ      *tsType
	optional bool
}

// tsInterface is one exported interface: its own fields, and the one it
// extends ("Partial<X>" makes X's fields optional).
type tsInterface struct {
	fields  map[string]tsField
	open    bool
	extends string
	partial bool
}

// tsParser reads the type expressions of api.ts.
type tsParser struct {
	s   string
	pos int
}

func (p *tsParser) space() {
	for p.pos < len(p.s) {
		switch {
		case strings.HasPrefix(p.s[p.pos:], "//"):
			for p.pos < len(p.s) && p.s[p.pos] != '\n' {
				p.pos++
			}
		case strings.HasPrefix(p.s[p.pos:], "/*"):
			end := strings.Index(p.s[p.pos+2:], "*/")
			if end < 0 {
				p.pos = len(p.s)
				return
			}
			p.pos += end + 4
		case strings.ContainsRune(" \t\r\n", rune(p.s[p.pos])):
			p.pos++
		default:
			return
		}
	}
}

func (p *tsParser) ident() string {
	p.space()
	start := p.pos
	for p.pos < len(p.s) {
		c := p.s[p.pos]
		if c == '_' || c == '$' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' {
			p.pos++
			continue
		}
		break
	}
	return p.s[start:p.pos]
}

func (p *tsParser) eat(tok string) bool {
	p.space()
	if strings.HasPrefix(p.s[p.pos:], tok) {
		p.pos += len(tok)
		return true
	}
	return false
}

func (p *tsParser) errorf(format string, args ...any) error {
	line := 1 + strings.Count(p.s[:min(p.pos, len(p.s))], "\n")
	return fmt.Errorf("api.ts line %d: %s", line, fmt.Sprintf(format, args...))
}

// typ reads A | B | ... where each is a primary type with any [] after it.
func (p *tsParser) typ() (*tsType, error) {
	var alts []*tsType
	for {
		var t *tsType
		if p.eat("{") {
			fields, open, err := p.members()
			if err != nil {
				return nil, err
			}
			t = &tsType{fields: fields, open: open}
		} else {
			name := p.ident()
			if name == "" {
				return nil, p.errorf("want a type")
			}
			t = &tsType{name: name}
		}
		for p.eat("[]") {
			t = &tsType{elem: t}
		}
		alts = append(alts, t)
		if !p.eat("|") {
			break
		}
	}
	if len(alts) == 1 {
		return alts[0], nil
	}
	return &tsType{union: alts}, nil
}

// members reads the fields of an object type up to its closing brace.
func (p *tsParser) members() (map[string]tsField, bool, error) {
	fields := map[string]tsField{}
	open := false
	for !p.eat("}") {
		if p.pos >= len(p.s) {
			return nil, false, p.errorf("unclosed {")
		}
		if p.eat("[") { // index signature [k: string]: unknown
			p.ident()
			if !p.eat(":") || p.ident() != "string" || !p.eat("]") || !p.eat(":") {
				return nil, false, p.errorf("want an index signature [k: string]: T")
			}
			if _, err := p.typ(); err != nil {
				return nil, false, err
			}
			open = true
		} else {
			p.eat("readonly ")
			name := p.ident()
			if name == "" {
				return nil, false, p.errorf("want a field name")
			}
			opt := p.eat("?")
			if !p.eat(":") {
				return nil, false, p.errorf("want : after field %s", name)
			}
			t, err := p.typ()
			if err != nil {
				return nil, false, err
			}
			fields[name] = tsField{typ: t, optional: opt}
		}
		if !p.eat(";") && !p.eat(",") {
			p.space()
			if !strings.HasPrefix(p.s[p.pos:], "}") {
				return nil, false, p.errorf("want ; or } after a member")
			}
		}
	}
	return fields, open, nil
}

// parseInterfaces returns the exported interfaces of src by name.
func parseInterfaces(src string) (map[string]*tsInterface, error) {
	out := map[string]*tsInterface{}
	p := &tsParser{s: src}
	for {
		i := strings.Index(p.s[p.pos:], "export interface ")
		if i < 0 {
			return out, nil
		}
		p.pos += i + len("export interface ")
		name := p.ident()
		it := &tsInterface{}
		if p.eat("extends") {
			base := p.ident()
			if base == "Partial" {
				if !p.eat("<") {
					return nil, p.errorf("want Partial<X>")
				}
				base, it.partial = p.ident(), true
				if !p.eat(">") {
					return nil, p.errorf("want Partial<X>")
				}
			}
			it.extends = base
		}
		if !p.eat("{") {
			return nil, p.errorf("interface %s: want {", name)
		}
		fields, open, err := p.members()
		if err != nil {
			return nil, fmt.Errorf("interface %s: %w", name, err)
		}
		it.fields, it.open = fields, open
		out[name] = it
	}
}

// apiSchema is a JSON Schema as openapi.json writes them.
type apiSchema struct {
	Ref        string               `json:"$ref"`
	Type       any                  `json:"type"` // "string" or ["number", "null"]
	Enum       []any                `json:"enum"`
	Required   []string             `json:"required"`
	Properties map[string]apiSchema `json:"properties"`
	AllOf      []apiSchema          `json:"allOf"`
	OneOf      []apiSchema          `json:"oneOf"`
	Items      *apiSchema           `json:"items"`
}

type apiDoc struct {
	Paths      map[string]map[string]json.RawMessage `json:"paths"`
	Components struct {
		Schemas map[string]apiSchema `json:"schemas"`
	} `json:"components"`
}

// types returns the JSON types s allows, following $ref, and whether
// null is among them.
func (d *apiDoc) types(s apiSchema) (types []string, nullable bool) {
	if s.Ref != "" {
		return d.types(d.Components.Schemas[strings.TrimPrefix(s.Ref, "#/components/schemas/")])
	}
	switch t := s.Type.(type) {
	case string:
		types = append(types, t)
	case []any:
		for _, x := range t {
			if x, ok := x.(string); ok {
				types = append(types, x)
			}
		}
	}
	for _, o := range s.OneOf {
		ts, _ := d.types(o)
		types = append(types, ts...)
	}
	if len(s.AllOf) > 0 || len(s.Properties) > 0 {
		types = append(types, "object")
	}
	i := slices.Index(types, "null")
	if i >= 0 {
		types = slices.Delete(types, i, i+1)
	}
	return types, i >= 0
}

// object returns the properties and required names of an object schema
// (following $ref, allOf and a oneOf with null).
func (d *apiDoc) object(s apiSchema) (map[string]apiSchema, []string) {
	if s.Ref != "" {
		return d.object(d.Components.Schemas[strings.TrimPrefix(s.Ref, "#/components/schemas/")])
	}
	props := map[string]apiSchema{}
	req := slices.Clone(s.Required)
	for k, v := range s.Properties {
		props[k] = v
	}
	for _, sub := range append(slices.Clone(s.AllOf), s.OneOf...) {
		p, r := d.object(sub)
		for k, v := range p {
			props[k] = v
		}
		req = append(req, r...)
	}
	return props, req
}

// element returns the item schema of an array schema (following $ref and a
// oneOf with null).
func (d *apiDoc) element(s apiSchema) (apiSchema, bool) {
	if s.Ref != "" {
		return d.element(d.Components.Schemas[strings.TrimPrefix(s.Ref, "#/components/schemas/")])
	}
	if s.Items != nil {
		return *s.Items, true
	}
	for _, o := range s.OneOf {
		if e, ok := d.element(o); ok {
			return e, true
		}
	}
	return apiSchema{}, false
}

// checker compares the client's types with the schemas.
type checker struct {
	doc   *apiDoc
	ifs   map[string]*tsInterface
	errs  []string
	depth int
}

func (c *checker) errorf(format string, args ...any) {
	c.errs = append(c.errs, fmt.Sprintf(format, args...))
}

// fieldsOf returns the fields of interface name, those it extends included.
func (c *checker) fieldsOf(name string) (map[string]tsField, bool) {
	it := c.ifs[name]
	if it == nil {
		return nil, false
	}
	out := map[string]tsField{}
	if it.extends != "" {
		base, open := c.fieldsOf(it.extends)
		for k, f := range base {
			if it.partial {
				f.optional = true
			}
			out[k] = f
		}
		it.open = it.open || open
	}
	for k, f := range it.fields {
		out[k] = f
	}
	return out, it.open
}

// object checks the fields of a client object type against an object
// schema; where names the place.
func (c *checker) object(where string, fields map[string]tsField, s apiSchema) {
	props, req := c.doc.object(s)
	if len(props) == 0 {
		return // a free-form object ("type": "object" alone): nothing to hold the client to
	}
	for _, name := range slices.Sorted(func(yield func(string) bool) {
		for k := range fields {
			if !yield(k) {
				return
			}
		}
	}) {
		f := fields[name]
		ps, ok := props[name]
		if !ok {
			c.errorf("%s.%s: the client reads a field the server does not describe", where, name)
			continue
		}
		if !f.optional && !slices.Contains(req, name) {
			c.errorf("%s.%s: the client takes it as always there, the server may leave it out (make it optional in api.ts or required in openapi.json)", where, name)
		}
		c.value(where+"."+name, f.typ, ps)
	}
}

// value checks one client type against a schema.
func (c *checker) value(where string, t *tsType, s apiSchema) {
	c.depth++
	defer func() { c.depth-- }()
	if c.depth > 20 {
		c.errorf("%s: types nested too deep", where)
		return
	}
	types, nullable := c.doc.types(s)
	// Split the client's null off a union.
	tsNull := false
	if t.union != nil {
		var rest []*tsType
		for _, a := range t.union {
			if a.name == "null" {
				tsNull = true
				continue
			}
			rest = append(rest, a)
		}
		if len(rest) == 1 {
			t = rest[0]
		} else {
			t = &tsType{union: rest}
		}
	}
	if nullable && !tsNull && t.name != "unknown" {
		c.errorf("%s: the server may send null, the client's type does not allow it", where)
	}
	if t.name == "unknown" || len(types) == 0 {
		return
	}
	want := func(jsonType string) bool { return slices.Contains(types, jsonType) }
	switch {
	case t.name == "string":
		if !want("string") {
			c.errorf("%s: the client reads a string, the server sends %v", where, types)
		}
	case t.name == "number":
		if !want("number") && !want("integer") {
			c.errorf("%s: the client reads a number, the server sends %v", where, types)
		}
	case t.name == "boolean":
		if !want("boolean") {
			c.errorf("%s: the client reads a boolean, the server sends %v", where, types)
		}
	case t.elem != nil:
		e, ok := c.doc.element(s)
		if !want("array") || !ok {
			c.errorf("%s: the client reads a list, the server sends %v", where, types)
			return
		}
		c.value(where+"[]", t.elem, e)
	case t.fields != nil:
		if !want("object") {
			c.errorf("%s: the client reads an object, the server sends %v", where, types)
			return
		}
		c.object(where, t.fields, s)
	case t.union != nil:
		c.errorf("%s: unions other than T | null are not checked; write one type", where)
	default:
		fields, _ := c.fieldsOf(t.name)
		if c.ifs[t.name] == nil {
			c.errorf("%s: type %s is not an interface of api.ts", where, t.name)
			return
		}
		if !want("object") {
			c.errorf("%s: the client reads an object (%s), the server sends %v", where, t.name, types)
			return
		}
		c.object(where+" ("+t.name+")", fields, s)
	}
}

// response returns the schema of the 200 JSON response of route ("GET
// /api/events").
func (d *apiDoc) response(route string) (apiSchema, error) {
	method, path, _ := strings.Cut(route, " ")
	raw, ok := d.Paths[path][strings.ToLower(method)]
	if !ok {
		return apiSchema{}, fmt.Errorf("%s is not in openapi.json", route)
	}
	var op struct {
		Responses map[string]struct {
			Content map[string]struct {
				Schema apiSchema `json:"schema"`
			} `json:"content"`
		} `json:"responses"`
	}
	if err := json.Unmarshal(raw, &op); err != nil {
		return apiSchema{}, fmt.Errorf("%s: %w", route, err)
	}
	c, ok := op.Responses["200"].Content["application/json"]
	if !ok {
		return apiSchema{}, fmt.Errorf("%s: no 200 application/json response", route)
	}
	return c.Schema, nil
}

// clientTypes maps each interface of api.ts to what it reads: a component
// schema, or a route's response (with a property path into it, "[]" for
// the items of a list). An interface of api.ts missing here fails the test,
// so a new one must say what it reads.
var clientTypes = map[string]string{
	"Place":          "Place",
	"Event":          "Event",
	"ByteSpan":       "ByteSpan",
	"Spans":          "Spans",
	"SpannedEvent":   "SpannedEvent",
	"Token":          "Token",
	"EventPage":      "GET /api/events",
	"Series":         "GET /api/series",
	"SeriesPoint":    "GET /api/series points[]",
	"CountryCount":   "GET /api/countries countries[]",
	"PlaceCount":     "GET /api/places places[]",
	"Dyad":           "GET /api/dyads dyads[]",
	"ArticleSummary": "GET /api/articles articles[]",
	"ArticleView":    "GET /api/articles/{id}",
	"CodeResult":     "POST /api/code",
	"Health":         "GET /api/health",
	// The knowledge of an article is a free-form object in openapi.json
	// (a gkg.Record, described in docs/gkg.md): checked as such through
	// ArticleView.knowledge, its own fields are not held to a schema.
	"Knowledge": "",
	"Entity":    "",
}

// schemaAt resolves a clientTypes target.
func (d *apiDoc) schemaAt(target string) (apiSchema, error) {
	if s, ok := d.Components.Schemas[target]; ok {
		return s, nil
	}
	method, rest, _ := strings.Cut(target, " ")
	path, sub, _ := strings.Cut(rest, " ")
	s, err := d.response(method + " " + path)
	if err != nil {
		return apiSchema{}, err
	}
	if sub == "" {
		return s, nil
	}
	name, list := strings.CutSuffix(sub, "[]")
	props, _ := d.object(s)
	p, ok := props[name]
	if !ok {
		return apiSchema{}, fmt.Errorf("%s: no property %s", target, name)
	}
	if list {
		e, ok := d.element(p)
		if !ok {
			return apiSchema{}, fmt.Errorf("%s: %s is not a list", target, name)
		}
		p = e
	}
	return p, nil
}

func TestWebClientTypesMatchOpenAPI(t *testing.T) {
	path := filepath.Join("..", "..", "web", "src", "api.ts")
	src, err := os.ReadFile(path)
	if err != nil {
		shareddata.Skip(t, "web sources not found at %s: %v", path, err)
	}
	ifs, err := parseInterfaces(string(src))
	if err != nil {
		t.Fatal(err)
	}
	if len(ifs) < 10 {
		t.Fatalf("%d interfaces read from %s, want the API's types", len(ifs), path)
	}
	var doc apiDoc
	if err := json.Unmarshal(openAPI, &doc); err != nil {
		t.Fatalf("openapi.json: %v", err)
	}
	c := &checker{doc: &doc, ifs: ifs}
	for _, name := range slices.Sorted(func(yield func(string) bool) {
		for k := range ifs {
			if !yield(k) {
				return
			}
		}
	}) {
		target, ok := clientTypes[name]
		if !ok {
			t.Errorf("api.ts interface %s: add it to clientTypes with the schema or response it reads", name)
			continue
		}
		if target == "" {
			continue
		}
		s, err := doc.schemaAt(target)
		if err != nil {
			t.Errorf("api.ts interface %s: %v", name, err)
			continue
		}
		fields, _ := c.fieldsOf(name)
		c.object(name, fields, s)
	}
	seen := map[string]bool{}
	for _, e := range c.errs {
		if gap := knownGap(e); gap != "" {
			seen[gap] = true
			continue
		}
		t.Error(e)
	}
	for _, gap := range slices.Sorted(func(yield func(string) bool) {
		for k := range knownGaps {
			if !yield(k) {
				return
			}
		}
	}) {
		if !seen[gap] {
			t.Errorf("%s: no longer a gap between api.ts and openapi.json; remove it from knownGaps", gap)
		}
	}
}

// knownGaps are the differences this test found when it was written, left
// for the web client's next change (they need a rebuild of
// internal/server/ui/dist): the server sends null for a place without
// coordinates and for the average Goldstein and tone of an empty interval,
// which api.ts does not allow for. Each names the field; the test fails
// when one is fixed and still listed.
var knownGaps = map[string]string{
	"PlaceCount.lat":                          "map.ts places a point at (null, null)",
	"PlaceCount.lon":                          "map.ts places a point at (null, null)",
	"SeriesPoint.goldstein":                   "timeline.ts rounds null",
	"SeriesPoint.tone":                        "timeline.ts tests typeof tone === 'number': null is handled",
	"Series.points[] (SeriesPoint).goldstein": "as SeriesPoint.goldstein",
	"Series.points[] (SeriesPoint).tone":      "as SeriesPoint.tone",
}

// knownGap returns the knownGaps key of a null finding e, or "".
func knownGap(e string) string {
	field, msg, _ := strings.Cut(e, ": ")
	if _, ok := knownGaps[field]; ok && strings.HasPrefix(msg, "the server may send null") {
		return field
	}
	return ""
}

// TestWebTypesChecker: the checker finds what it is for, on types made
// for the purpose.
func TestWebTypesChecker(t *testing.T) {
	spec := `{"components": {"schemas": {"P": {"type": "object", "required": ["a", "n"], "properties": {
		"a": {"type": "string"}, "n": {"type": ["number", "null"]}, "o": {"type": "integer"},
		"l": {"type": "array", "items": {"type": "string"}}}}}}}`
	tests := []struct {
		ts, want string
	}{
		{"export interface P { a: string; n: number | null; o?: number; l?: string[] }", ""},
		{"export interface P { a: string; n: number | null; o: number }", "P.o: the client takes it as always there"},
		{"export interface P { a: string; n: number }", "P.n: the server may send null"},
		{"export interface P { a: number; n: unknown }", "P.a: the client reads a number"},
		{"export interface P { a: string; n: null | number; x?: string }", "P.x: the client reads a field the server does not describe"},
		{"export interface P { a: string; n: number | null; l?: number[] }", "P.l[]: the client reads a number"},
	}
	for _, tc := range tests {
		ifs, err := parseInterfaces(tc.ts)
		if err != nil {
			t.Fatalf("%s: %v", tc.ts, err)
		}
		var doc apiDoc
		if err := json.Unmarshal([]byte(spec), &doc); err != nil {
			t.Fatal(err)
		}
		c := &checker{doc: &doc, ifs: ifs}
		fields, _ := c.fieldsOf("P")
		c.object("P", fields, doc.Components.Schemas["P"])
		got := strings.Join(c.errs, "\n")
		if tc.want == "" && got != "" || tc.want != "" && !strings.Contains(got, tc.want) {
			t.Errorf("%s:\n got %q\nwant %q", tc.ts, got, tc.want)
		}
	}
}
