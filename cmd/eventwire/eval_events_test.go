package main

import (
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"

	"github.com/eventwire/eventwire/internal/coder/goldeval"
	"github.com/eventwire/eventwire/internal/shareddata"
)

// TestEvalEventsRealNews scores the built-in coder on the real-news gold
// (eval/gold/realnews.jsonl, docs/annotation.md) and holds the figures of
// each half above floors just below those measured, so that a change that
// loses events on real news fails; the tuning half's floor is the higher
// one (rules are changed looking at it, docs/coder.md).
func TestEvalEventsRealNews(t *testing.T) {
	if testing.Short() {
		t.Skip("codes 84 articles")
	}
	news := shareddata.Dir(t, "realnews")
	code, out, errOut := runCLI(t, "eval", "events", "--json", "--gold", filepath.Join("..", "..", "eval", "gold", "realnews.jsonl"),
		filepath.Join(news, "gum-news.jsonl"), filepath.Join(news, "wikinews.jsonl"), filepath.Join("..", "..", "eval", "realnews", "extra.jsonl"))
	if code != 0 {
		t.Fatalf("eval events = %d, stderr %q", code, errOut)
	}
	var rep struct {
		Results map[string]goldeval.Result `json:"results"`
	}
	if err := json.Unmarshal([]byte(out), &rep); err != nil {
		t.Fatalf("eval events --json: %v: %q", err, out)
	}
	for _, f := range []struct {
		part         string
		docs         int
		minP, minR   float64
		maxUnknown   float64
		maxStatement float64
	}{
		// measured on the 97 articles (13 added in the eighth session,
		// gold written before the system's output was seen): tune P 0.526
		// R 0.411, --- 0.05, root01 0.03; check P 0.276 R 0.243, --- 0,
		// root01 0.08 (docs/coder.md)
		{"tune", 50, 0.48, 0.37, 0.15, 0.15},
		{"check", 47, 0.25, 0.22, 0.15, 0.15},
	} {
		r, ok := rep.Results[f.part]
		if !ok || r.Docs != f.docs {
			t.Errorf("%s: %d documents, want %d", f.part, r.Docs, f.docs)
			continue
		}
		t.Logf("%s: P %.3f R %.3f --- %.3f root01 %.3f", f.part, r.Precision, r.Recall, r.UnknownShare, r.Statements)
		if r.Precision < f.minP || r.Recall < f.minR || r.UnknownShare > f.maxUnknown || r.Statements > f.maxStatement {
			t.Errorf("%s: P %.3f R %.3f, unknown actors %.3f, statements %.3f; floors P %.2f R %.2f, ceilings %.2f %.2f",
				f.part, r.Precision, r.Recall, r.UnknownShare, r.Statements, f.minP, f.minR, f.maxUnknown, f.maxStatement)
		}
	}
}

func TestEvalEventsUsage(t *testing.T) {
	checkCLIErrors(t, []cliCase{
		{[]string{"eval", "events"}, 2, "want --gold GOLD"},
		{[]string{"eval", "events", "--gold", "g.jsonl", "--part", "half", "d.jsonl"}, 2, "--part: want tune, check or all"},
		{[]string{"eval", "events", "--gold", "no/such/gold.jsonl", "d.jsonl"}, 1, "opening gold"},
	})
}

// TestEvalCalibrate fits the confidence model as "eval calibrate" does and
// holds the ConfliBERT held-out half (odd sentences, 570 events) above
// floors just below the figures measured (docs/coder.md): the confidence
// events carry beats one constant confidence there and picks out right
// events, and on the real-news check half (107 events) the shipped weights
// beat one constant too. PETR-2 held out is too small for a floor (35 events); its
// figures are logged.
func TestEvalCalibrate(t *testing.T) {
	if testing.Short() {
		t.Skip("codes 84 articles, 1,348 sentences and 78 records")
	}
	news := shareddata.Dir(t, "realnews")
	confliDir := shareddata.Dir(t, "confli")
	petr := shareddata.Dir(t, "petrarch")
	code, out, errOut := runCLI(t, "eval", "calibrate", "--json",
		"--gold", filepath.Join("..", "..", "eval", "gold", "realnews.jsonl"),
		"--docs", strings.Join([]string{filepath.Join(news, "gum-news.jsonl"), filepath.Join(news, "wikinews.jsonl"),
			filepath.Join("..", "..", "eval", "realnews", "extra.jsonl")}, ","),
		"--confli", confliDir, "--petr", filepath.Join(petr, "text", "PETR2_GSR_validation.xml"),
		"--dict-dir", filepath.Join(petr, "dictionaries"))
	if code != 0 {
		t.Fatalf("eval calibrate = %d, stderr %q", code, errOut)
	}
	var rep calibrationReport
	if err := json.Unmarshal([]byte(out), &rep); err != nil {
		t.Fatalf("eval calibrate --json: %v: %q", err, out)
	}
	for _, set := range []string{setRealNews, setConfli, setPetr} {
		h := rep.Held[set]
		t.Logf("%s held out: %d events, Brier %.3f (constant %.3f, own base %.3f), P@0.5 %.3f (%d), P@0.8 %.3f (%d)", set, h.After.N,
			h.After.Brier, h.After.BrierConstant, h.AfterOwn.Brier, h.After.PrecisionAt50, h.After.At50, h.After.PrecisionAt80, h.After.At80)
		if rep.Fitting[set] == 0 || h.After.N == 0 {
			t.Errorf("%s: %d fitting and %d held-out events", set, rep.Fitting[set], h.After.N)
		}
	}
	c := rep.Held[setConfli]
	// measured: own base Brier 0.172 (constant 0.187); P@0.5 0.854 of 316
	// with the real-news base events carry (ConfliBERT's own base 0.755),
	// own base P@0.8 0.858 of 240. With 59 articles the real-news base is
	// lower than ConfliBERT's, so ConfliBERT's Brier is judged on its own
	// base.
	if c.AfterOwn.Brier >= c.AfterOwn.BrierConstant || c.After.PrecisionAt50 < 0.80 ||
		c.AfterOwn.PrecisionAt80 < 0.82 || c.AfterOwn.At80 < 100 {
		t.Errorf("confli held out: own base Brier %.3f (constant %.3f), P@0.5 %.3f, own base P@0.8 %.3f of %d",
			c.AfterOwn.Brier, c.AfterOwn.BrierConstant, c.After.PrecisionAt50, c.AfterOwn.PrecisionAt80, c.AfterOwn.At80)
	}
	// The confidences events carry (the shipped weights, confweights.go)
	// beat one constant confidence on the real-news check half. Measured
	// on the 84 articles (107 held-out events): Brier 0.241 against 0.247;
	// a refit on the larger set scores 0.257 there, so the shipped
	// weights were kept (docs/coder.md).
	if r := rep.Held[setRealNews]; r.Before.Brier >= r.Before.BrierConstant {
		t.Errorf("real news held out, shipped weights: Brier %.3f, constant %.3f", r.Before.Brier, r.Before.BrierConstant)
	}
}
