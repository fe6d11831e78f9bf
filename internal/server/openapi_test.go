package server

import (
	"encoding/json"
	"net/http"
	"net/url"
	"slices"
	"sort"
	"strings"
	"testing"
)

// openAPIDoc is the part of the OpenAPI description the tests read.
type openAPIDoc struct {
	OpenAPI    string                                `json:"openapi"`
	Paths      map[string]map[string]json.RawMessage `json:"paths"`
	Components struct {
		Schemas map[string]schema `json:"schemas"`
	} `json:"components"`
}

type schema struct {
	Ref        string            `json:"$ref"`
	Type       any               `json:"type"`
	Required   []string          `json:"required"`
	Properties map[string]schema `json:"properties"`
	AllOf      []schema          `json:"allOf"`
	Items      *schema           `json:"items"`
}

type operation struct {
	Responses map[string]struct {
		Content map[string]struct {
			Schema schema `json:"schema"`
		} `json:"content"`
	} `json:"responses"`
}

func loadOpenAPI(t *testing.T) openAPIDoc {
	var doc openAPIDoc
	if err := json.Unmarshal(openAPI, &doc); err != nil {
		t.Fatalf("openapi.json: %v", err)
	}
	if !strings.HasPrefix(doc.OpenAPI, "3.") {
		t.Fatalf("openapi.json: version %q, want 3.x", doc.OpenAPI)
	}
	return doc
}

// keys returns the property names of s (following $ref and allOf).
func (d openAPIDoc) keys(s schema) []string {
	if s.Ref != "" {
		return d.keys(d.Components.Schemas[strings.TrimPrefix(s.Ref, "#/components/schemas/")])
	}
	var out []string
	for k := range s.Properties {
		out = append(out, k)
	}
	for _, a := range s.AllOf {
		out = append(out, d.keys(a)...)
	}
	sort.Strings(out)
	return out
}

// TestOpenAPIMatchesRoutes checks that every registered route is
// described and every described path is registered.
func TestOpenAPIMatchesRoutes(t *testing.T) {
	doc := loadOpenAPI(t)
	s, err := New(Options{Store: nopStore{}})
	if err != nil {
		t.Fatal(err)
	}
	registered := map[string]bool{}
	for _, r := range s.Routes() {
		registered[r] = true
		method, path, _ := strings.Cut(r, " ")
		if _, ok := doc.Paths[path][strings.ToLower(method)]; !ok {
			t.Errorf("route %s is not described in openapi.json", r)
		}
	}
	for path, ops := range doc.Paths {
		for method := range ops {
			if r := strings.ToUpper(method) + " " + path; !registered[r] {
				t.Errorf("openapi.json describes %s, which is not registered", r)
			}
		}
	}
}

// TestOpenAPIResponseKeys checks that the handlers' responses have the
// documented top-level keys, no more and no fewer.
func TestOpenAPIResponseKeys(t *testing.T) {
	doc := loadOpenAPI(t)
	s := newTestServer(t, Options{})
	// An event and an article to ask for.
	_, body, _ := do(t, s, "GET", "/api/events?sort=-mentions&limit=1", "")
	evID := itoa(int(body["events"].([]any)[0].(map[string]any)["id"].(float64)))
	artID := body["events"].([]any)[0].(map[string]any)["article_id"].(string)
	requests := map[string]struct{ target, body string }{
		"GET /api/health":        {"/api/health", ""},
		"GET /api/events":        {"/api/events?limit=2", ""},
		"GET /api/events/{id}":   {"/api/events/" + evID, ""},
		"GET /api/series":        {"/api/series?interval=month", ""},
		"GET /api/dyads":         {"/api/dyads", ""},
		"GET /api/places":        {"/api/places", ""},
		"GET /api/countries":     {"/api/countries", ""},
		"GET /api/articles":      {"/api/articles", ""},
		"GET /api/articles/{id}": {"/api/articles/" + url.PathEscape(artID), ""},
		"POST /api/code":         {"/api/code", `{"text":"Sudan's army attacked rebels in Khartoum.","date":"2024-03-01"}`},
	}
	for _, r := range s.Routes() {
		method, path, _ := strings.Cut(r, " ")
		raw := doc.Paths[path][strings.ToLower(method)]
		var op operation
		if err := json.Unmarshal(raw, &op); err != nil {
			t.Fatalf("%s: %v", r, err)
		}
		c, ok := op.Responses["200"].Content["application/json"]
		if !ok {
			continue // not JSON: metrics
		}
		want := doc.keys(c.Schema)
		if len(want) == 0 {
			continue // free-form: the OpenAPI description itself
		}
		h, hdr := http.Handler(s), []string(nil)
		req, ok := requests[r]
		if r == "POST /api/ingest" { // on a store of its own, with a token
			_, set := corpusStore(t)
			ws, err := New(Options{Store: tempStore(t), Dict: set, WriteToken: "openapi-test-token"})
			if err != nil {
				t.Fatal(err)
			}
			h, hdr, ok = ws, []string{"Authorization", "Bearer openapi-test-token"}, true
			req.target, req.body = "/api/ingest", `{"text":"Sudan's army attacked rebels in Khartoum.","url":"https://news.example/1"}`
		}
		if !ok {
			t.Errorf("no request for %s", r)
			continue
		}
		code, got, _ := do(t, h, method, req.target, req.body, hdr...)
		if code != 200 {
			t.Errorf("%s: status %d: %v", r, code, got)
			continue
		}
		var keys []string
		for k := range got {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		if !slices.Equal(keys, want) {
			t.Errorf("%s: response keys %v, openapi.json documents %v", r, keys, want)
		}
	}
}
