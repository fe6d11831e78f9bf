package main

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/eventwire/eventwire/internal/nlp/pipeline"
	"github.com/eventwire/eventwire/internal/nlp/udeval"
	"github.com/eventwire/eventwire/internal/shareddata"
)

const udSmall = "testdata/ud_small.conllu"

func TestEvalUDTokenizeOnly(t *testing.T) {
	code, out, errOut := runCLI(t, "eval", "ud", "--tokenize-only", "--json", udSmall)
	var res map[string]float64
	if code != 0 || json.Unmarshal([]byte(out), &res) != nil {
		t.Fatalf("eval ud --tokenize-only --json = %d, stdout %q, stderr %q", code, out, errOut)
	}
	want := map[string]float64{"sentences": 3, "words": 13, "tokens_f1": 100, "sentences_f1": 100, "words_f1": 100}
	if len(res) != len(want) {
		t.Errorf("keys %v, want %v", res, want)
	}
	for k, v := range want {
		if res[k] != v {
			t.Errorf("%s = %v, want %v", k, res[k], v)
		}
	}
	checkCLIErrors(t, []cliCase{
		{[]string{"eval", "ud"}, 2, "want one CoNLL-U file"},
		{[]string{"eval", "ud", "no/such/file.conllu"}, 1, "opening treebank"},
	})
}

// needPipeline skips a test when the embedded tagger or parser model does not
// load (they are trained separately); the skip message names the error, and
// under $EVENTWIRE_REQUIRE_ALL (CI) it is a failure.
func needPipeline(t *testing.T) {
	t.Helper()
	if _, err := pipeline.Default(); err != nil {
		shareddata.Skip(t, "the embedded tagger and parser models do not load (scripts/train-models.sh trains them): %v", err)
	}
}

func TestEvalUDKeys(t *testing.T) {
	needPipeline(t)
	var rel []string
	for _, r := range udeval.Relations {
		rel = append(rel, "las_"+r)
	}
	for _, tc := range []struct {
		args []string
		keys []string
	}{
		{[]string{"eval", "ud", "--json", udSmall}, append([]string{"upos", "xpos", "ufeats", "lemma", "uas", "las", "sentences", "words"}, rel...)},
		{[]string{"eval", "ud", "--raw", "--json", udSmall}, append([]string{"upos", "xpos", "ufeats", "lemma", "uas", "las",
			"sentences", "words", "tokens_f1", "sentences_f1", "words_f1"}, rel...)},
	} {
		code, out, errOut := runCLI(t, tc.args...)
		var res map[string]float64
		if code != 0 || json.Unmarshal([]byte(out), &res) != nil {
			t.Fatalf("eventwire %v = %d, stdout %q, stderr %q", tc.args, code, out, errOut)
		}
		if len(res) != len(tc.keys) {
			t.Errorf("eventwire %v: keys %v, want %v", tc.args, res, tc.keys)
		}
		for _, k := range tc.keys {
			if v, ok := res[k]; !ok || v < 0 || v > 100 && k != "words" && k != "sentences" {
				t.Errorf("eventwire %v: %s = %v (present %v)", tc.args, k, v, ok)
			}
		}
		if res["words"] != 13 || res["sentences"] != 3 {
			t.Errorf("eventwire %v: %v words, %v sentences; want 13, 3", tc.args, res["words"], res["sentences"])
		}
	}
}

func TestParse(t *testing.T) {
	needPipeline(t)
	code, out, errOut := runCLI(t, "parse", "testdata/parse_input.txt")
	if code != 0 {
		t.Fatalf("parse = %d, stderr %q", code, errOut)
	}
	for _, want := range []string{
		"# sent_id = parse_input-1\n# text = The talks didn't resume.\n",
		"3-4\tdidn't\t", "TokenRange=10:16", "# sent_id = parse_input-2\n# text = Officials met in Geneva on Monday.\n",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("parse output lacks %q:\n%s", want, out)
		}
	}
	code, out, errOut = runCLI(t, "parse", "--format", "json", "testdata/parse_input.txt")
	lines := strings.Split(strings.TrimSpace(out), "\n")
	var first jsonSent
	if code != 0 || len(lines) != 2 || json.Unmarshal([]byte(lines[0]), &first) != nil {
		t.Fatalf("parse --format json = %d, %d lines, stderr %q", code, len(lines), errOut)
	}
	if first.Start != 0 || first.End != 24 || len(first.Words) != 6 || len(first.MultiWords) != 1 || first.Words[2].Form != "did" {
		t.Errorf("first sentence %+v", first)
	}
	if code, _, errOut := runCLI(t, "parse", "--format", "xml"); code != 2 || !strings.Contains(errOut, "conllu or json") {
		t.Errorf("parse --format xml = %d, %q", code, errOut)
	}
}
