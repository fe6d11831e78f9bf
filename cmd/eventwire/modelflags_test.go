package main

import (
	"path/filepath"
	"testing"

	"github.com/eventwire/eventwire/internal/shareddata"
)

// TestModelFlags checks that the coding evaluations read the model files
// --tagger-model and --parser-model name (a missing file is an error naming
// the model), as eval ud does.
func TestModelFlags(t *testing.T) {
	news := shareddata.Dir(t, "realnews")
	confliDir := shareddata.Dir(t, "confli")
	events := []string{"eval", "events", "--gold", filepath.Join("..", "..", "eval", "gold", "realnews.jsonl"),
		filepath.Join(news, "gum-news.jsonl"), filepath.Join(news, "wikinews.jsonl"), filepath.Join("..", "..", "eval", "realnews", "extra.jsonl")}
	var cases []cliCase
	for _, m := range []struct{ flag, msg string }{
		{"--parser-model", "loading parser model: open no/such/parse.bin"},
		{"--tagger-model", "loading tagger model: open no/such/parse.bin"},
	} {
		cases = append(cases,
			cliCase{append([]string{"eval", "events", m.flag, "no/such/parse.bin"}, events[2:]...), 1, m.msg},
			cliCase{[]string{"eval", "confli", "--part", "even", m.flag, "no/such/parse.bin", confliDir}, 1, m.msg})
	}
	checkCLIErrors(t, cases)
}
