package main

import (
	"bytes"
	"fmt"
	"go/format"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/eventwire/eventwire/internal/analyze"
	"github.com/eventwire/eventwire/internal/coder"
	"github.com/eventwire/eventwire/internal/coder/confli"
	"github.com/eventwire/eventwire/internal/coder/goldeval"
	"github.com/eventwire/eventwire/internal/coder/petreval"
	"github.com/eventwire/eventwire/internal/event"
	"github.com/eventwire/eventwire/internal/nlp/pipeline"
)

func init() {
	evalVerbs["calibrate"] = runEvalCalibrate
}

// The labelled sets confidence is calibrated on.
const (
	setRealNews = "realnews" // eval/gold events on real articles: source, target and root judged
	setConfli   = "confli"   // ConfliBERT sentences: the main event's class and its sides' words judged
	setPetr     = "petr"     // PETRARCH-2 gold records: source, target and code judged
)

// calibrationLambdas are the L2 penalties tried in cross-validation.
var calibrationLambdas = []float64{0.3, 1, 3, 10, 30}

// calibrationReport is the JSON form of "eval calibrate".
type calibrationReport struct {
	Lambda    float64                       `json:"lambda"`
	CVLoss    float64                       `json:"cv_log_loss"` // per fitting event, at Lambda
	Intercept float64                       `json:"intercept"`   // with the real-news offset: what events carry
	Offsets   map[string]float64            `json:"offsets"`
	Weights   map[string]float64            `json:"weights"`
	Fitting   map[string]int                `json:"fitting_events"`
	Held      map[string]heldOutCalibration `json:"held_out"`
}

// heldOutCalibration is one set's held-out half measured with the
// confidences events carried when coded (Before), with the fitted model
// as events carry it (After: the real-news offset) and with the set's own
// offset (AfterOwn, the set's base rate).
type heldOutCalibration struct {
	Before   goldeval.Calibration `json:"before"`
	After    goldeval.Calibration `json:"after"`
	AfterOwn goldeval.Calibration `json:"after_own_offset"`
}

// runEvalCalibrate implements "eventwire eval calibrate": it codes the
// labelled sets, fits the confidence model (coder.EventFeatures, L2
// logistic regression) on their fitting halves only (real news: tune;
// ConfliBERT: even sentences; PETR-2 GSR: tune), reports the held-out
// halves before and after, and with --write rewrites the weights file.
func runEvalCalibrate(args []string, stdout, stderr io.Writer) error {
	fs := newFlags("eval calibrate", "", stderr)
	goldPath := fs.String("gold", "eval/gold/realnews.jsonl", "real-news gold events (docs/annotation.md)")
	docsList := fs.String("docs", "../shared/realnews/gum-news.jsonl,../shared/realnews/wikinews.jsonl,eval/realnews/extra.jsonl", "real-news documents, comma-separated JSON Lines files")
	confliDir := fs.String("confli", "../shared/confli", "ConfliBERT directory")
	petrFile := fs.String("petr", "../shared/petrarch/text/PETR2_GSR_validation.xml", "PETRARCH-2 gold-standard records")
	dictDir := fs.String("dict-dir", "../shared/petrarch/dictionaries", "directory the PETR records' <Environment> files are in")
	write := fs.String("write", "", "write the fitted weights as Go source to this file (internal/coder/confweights.go)")
	asJSON := fs.Bool("json", false, "print the figures as JSON")
	bins := fs.Int("bins", 5, "bins of the reliability tables")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if fs.NArg() != 0 || *bins < 1 {
		fs.Usage()
		return fmt.Errorf("%w: no arguments, and --bins at least 1", errUsage)
	}
	var samples []goldeval.Sample
	rn, err := realNewsSamples(*goldPath, strings.Split(*docsList, ","), stderr)
	if err != nil {
		return err
	}
	samples = append(samples, rn...)
	cs, err := confliSamples(*confliDir)
	if err != nil {
		return err
	}
	samples = append(samples, cs...)
	ps, err := petrSamples(*petrFile, *dictDir, stderr)
	if err != nil {
		return err
	}
	samples = append(samples, ps...)

	var fitting []goldeval.Sample
	for _, s := range samples {
		if s.Fit {
			fitting = append(fitting, s)
		}
	}
	sets := goldeval.SetNames(samples)
	lambda, cvLoss, err := goldeval.ChooseLambda(fitting, sets, calibrationLambdas, 5)
	if err != nil {
		return err
	}
	fit, err := goldeval.FitLogistic(fitting, sets, lambda)
	if err != nil {
		return err
	}
	rep := calibrationReport{Lambda: lambda, CVLoss: cvLoss, Intercept: fit.Intercept + fit.Offsets[setRealNews], Offsets: fit.Offsets,
		Weights: map[string]float64{}, Fitting: map[string]int{}, Held: map[string]heldOutCalibration{}}
	for i, n := range coder.Features {
		rep.Weights[n] = fit.Weights[i]
	}
	for _, set := range sets {
		var before, after, own []float64
		var right []bool
		fitRight, fitN := 0, 0
		for _, s := range samples {
			if s.Set != set {
				continue
			}
			if s.Fit {
				fitN++
				if s.Right {
					fitRight++
				}
				continue
			}
			before = append(before, s.Carried)
			after = append(after, fit.Prob(setRealNews, s.X))
			own = append(own, fit.Prob(set, s.X))
			right = append(right, s.Right)
		}
		rep.Fitting[set] = fitN
		base := 0.0
		if fitN > 0 {
			base = float64(fitRight) / float64(fitN)
		}
		rep.Held[set] = heldOutCalibration{
			Before:   goldeval.Calibrate(before, right, base, *bins),
			After:    goldeval.Calibrate(after, right, base, *bins),
			AfterOwn: goldeval.Calibrate(own, right, base, *bins),
		}
	}
	if *write != "" {
		if err := writeConfWeights(*write, rep, sets, fit); err != nil {
			return err
		}
	}
	if *asJSON {
		return writeJSON(stdout, rep)
	}
	printCalibration(stdout, rep, sets)
	return nil
}

// realNewsSamples codes the annotated real-news documents as "eval events"
// does and labels each scored event: matched (right) or wrong. The tuning
// half (goldeval.Half) is the fitting half.
func realNewsSamples(goldPath string, files []string, stderr io.Writer) ([]goldeval.Sample, error) {
	gold, err := goldeval.Load(goldPath)
	if err != nil {
		return nil, err
	}
	a, err := readAnnotated(files, gold, func(g *goldeval.Doc) string { return g.ID }, "all", stderr)
	if err != nil {
		return nil, err
	}
	an, _, err := newAnalysis(nil, analyze.Options{}, stderr)
	if err != nil {
		return nil, err
	}
	results, err := scoreEvents(an, a, 0, nil)
	if err != nil {
		return nil, err
	}
	var out []goldeval.Sample
	for _, r := range results {
		for _, m := range r.Matches {
			out = append(out, sampleOf(setRealNews, r.Half == "tune", &m.Produced, true))
		}
		for _, x := range r.Wrong {
			out = append(out, sampleOf(setRealNews, r.Half == "tune", &x.Produced, false))
		}
	}
	return out, nil
}

// confliSamples codes the ConfliBERT sentences as "eval confli" does and
// labels each sentence's main event: right when its event class is the
// gold class and its sides' words are in the gold source and target spans
// (spanAgrees). Even sentences (0-based) are the fitting half.
func confliSamples(dir string) ([]goldeval.Sample, error) {
	sents, err := confli.Load(dir)
	if err != nil {
		return nil, err
	}
	set, err := builtinDicts()
	if err != nil {
		return nil, err
	}
	c, err := coder.New(set, confli.Options())
	if err != nil {
		return nil, err
	}
	p, err := pipeline.Default()
	if err != nil {
		return nil, err
	}
	var out []goldeval.Sample
	confli.EvaluateEach(sents, confli.TextCoder(c, p.NewWorker()), func(o confli.Outcome) {
		if o.Main < 0 {
			return
		}
		e := &o.Events[o.Main]
		s := &sents[o.Index]
		right := o.Class == s.Class && spanAgrees(s, "S", e.SourceSpan.Text) && spanAgrees(s, "T", e.TargetSpan.Text)
		out = append(out, sampleOf(setConfli, o.Index%2 == 0, e, right))
	})
	return out, nil
}

// spanAgrees reports whether a coded side's words (text) share a content
// word with the sentence's gold span of role ("S" or "T"): the side is the
// gold's actor. A sentence without span annotation, a role the gold does
// not mark, or a side of no words (an implied actor) agrees.
func spanAgrees(s *confli.Sentence, role, text string) bool {
	if len(s.Tokens) == 0 || text == "" {
		return true
	}
	gold := map[string]bool{}
	for i, t := range s.Tags {
		if len(t) == 3 && t[2:] == role {
			gold[strings.ToLower(s.Tokens[i])] = true
		}
	}
	if len(gold) == 0 {
		return true
	}
	for _, w := range strings.Fields(strings.ToLower(text)) {
		w = strings.Trim(w, ".,;:'\"()")
		switch w {
		case "", "the", "a", "an", "of", "and", "'s":
			continue
		}
		if gold[w] {
			return true
		}
	}
	return false
}

// petrSamples codes the PETRARCH-2 gold records as "eval petr" does (the
// dictionaries of their <Environment>) and labels each produced event:
// right when an unused gold triple of its record equals it. The tuning
// half of the record ids is the fitting half.
func petrSamples(path, dictDir string, stderr io.Writer) ([]goldeval.Sample, error) {
	fh, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("reading records: %w", err)
	}
	defer fh.Close()
	f, err := petreval.Read(fh, filepath.Base(path))
	if err != nil {
		return nil, err
	}
	var dicts []string
	for _, n := range f.Env.Files("") {
		dicts = append(dicts, filepath.Join(dictDir, n))
	}
	if len(dicts) == 0 {
		return nil, fmt.Errorf("%s: no <Environment> dictionaries", path)
	}
	set, err := openDicts(dicts, stderr)
	if err != nil {
		return nil, err
	}
	c, err := coder.New(set, coder.Options{Negation: coder.NegationTransform, NullActors: true, Literal: true})
	if err != nil {
		return nil, err
	}
	sc := c.NewScratch()
	var out []goldeval.Sample
	var evs []event.Event
	for i := range f.Records {
		rec := &f.Records[i]
		sc.Reset()
		evs = c.CodeSentence(sc, coder.Doc{ID: rec.ID, Date: rec.Date}, 1, rec.Sentence, evs[:0])
		used := make([]bool, len(rec.Gold))
		for k := range evs {
			e := &evs[k]
			right := false
			for g, t := range rec.Gold {
				if !used[g] && t == (petreval.Triple{Source: e.Source, Target: e.Target, Code: e.Code}) {
					used[g], right = true, true
					break
				}
			}
			out = append(out, sampleOf(setPetr, goldeval.Half(rec.ID) == "tune", e, right))
		}
	}
	return out, nil
}

func sampleOf(set string, fit bool, e *event.Event, right bool) goldeval.Sample {
	x := coder.EventFeatures(e)
	return goldeval.Sample{Set: set, Fit: fit, X: x[:], Right: right, Carried: e.Confidence}
}

// printCalibration prints the fitted weights and, for each set's held-out
// half, the figures before and after and the reliability table after.
func printCalibration(w io.Writer, rep calibrationReport, sets []string) {
	fmt.Fprintf(w, "fitted on the fitting halves (events: %s), L2 lambda %g (5-fold cross-validation, log loss %.4f an event), intercept %.3f\n",
		countsLine(rep.Fitting, sets), rep.Lambda, rep.CVLoss, rep.Intercept)
	var ws []string
	for _, n := range coder.Features {
		ws = append(ws, fmt.Sprintf("%s %+.2f", n, rep.Weights[n]))
	}
	fmt.Fprintf(w, "weights: %s\n", strings.Join(ws, ", "))
	var offs []string
	for _, s := range sets {
		offs = append(offs, fmt.Sprintf("%s %+.2f", s, rep.Offsets[s]))
	}
	fmt.Fprintf(w, "set offsets (not carried; real news is what events carry): %s\n\n", strings.Join(offs, ", "))
	fmt.Fprintf(w, "%-9s %-16s %5s %5s %6s %6s %7s %14s %14s\n", "held-out", "confidence", "events", "right", "Brier", "const", "(base)", "P@conf>=0.5", "P@conf>=0.8")
	for _, s := range sets {
		h := rep.Held[s]
		for _, row := range []struct {
			name string
			c    goldeval.Calibration
		}{{"before", h.Before}, {"after", h.After}, {"after, own base", h.AfterOwn}} {
			fmt.Fprintf(w, "%-9s %-16s %5d %5d %6.3f %6.3f (%.3f) %7.3f (%4d) %7.3f (%4d)\n", s, row.name, row.c.N, row.c.Right,
				row.c.Brier, row.c.BrierConstant, row.c.Base, row.c.PrecisionAt50, row.c.At50, row.c.PrecisionAt80, row.c.At80)
		}
	}
	fmt.Fprintln(w, "\nreliability after (held-out; events: right/n, mean confidence)")
	for _, s := range sets {
		var cells []string
		for _, b := range rep.Held[s].After.Bins {
			cell := fmt.Sprintf("[%.1f,%.1f) %d/%d", b.Lo, b.Hi, b.Right, b.N)
			if b.N > 0 {
				cell += fmt.Sprintf(" %.2f", b.Mean)
			}
			cells = append(cells, cell)
		}
		fmt.Fprintf(w, "%-9s %s\n", s, strings.Join(cells, " | "))
	}
	fmt.Fprintln(w, "const: Brier of the fitting half's share of right events (base) for every event; own base: the set's offset")
}

func countsLine(m map[string]int, sets []string) string {
	var parts []string
	for _, s := range sets {
		parts = append(parts, fmt.Sprintf("%s %d", s, m[s]))
	}
	return strings.Join(parts, ", ")
}

// writeConfWeights writes the fitted model as the Go source of
// internal/coder/confweights.go.
func writeConfWeights(path string, rep calibrationReport, sets []string, fit *goldeval.Fit) error {
	var b bytes.Buffer
	b.WriteString("// Code generated by \"eventwire eval calibrate --write internal/coder/confweights.go\"; DO NOT EDIT.\n\npackage coder\n\n")
	b.WriteString("// confFeatures are the inputs confModel was fitted on (Features when it\n// was written).\nvar confFeatures = []string{")
	for i, n := range coder.Features {
		if i > 0 {
			b.WriteString(", ")
		}
		fmt.Fprintf(&b, "%q", n)
	}
	b.WriteString("}\n\n")
	var offs []string
	for _, s := range sets {
		offs = append(offs, fmt.Sprintf("%s %+.3f", s, fit.Offsets[s]))
	}
	fmt.Fprintf(&b, "// confModel is the logistic model of an event being right, fitted by\n// eval calibrate on the fitting halves\n// (events: %s), L2 lambda %g.\n// Its intercept is the fit's %.3f plus the real-news offset (offsets:\n// %s).\n",
		countsLine(rep.Fitting, sets), rep.Lambda, fit.Intercept, strings.Join(offs, ", "))
	fmt.Fprintf(&b, "var confModel = Model{Intercept: %s, Weights: []float64{", fmtWeight(rep.Intercept))
	for i, x := range fit.Weights {
		if i > 0 {
			b.WriteString(", ")
		}
		b.WriteString(fmtWeight(x))
	}
	b.WriteString("}}\n")
	src, err := format.Source(b.Bytes())
	if err != nil {
		return fmt.Errorf("formatting the weights file: %w", err)
	}
	if err := os.WriteFile(path, src, 0o644); err != nil {
		return fmt.Errorf("writing the weights file: %w", err)
	}
	return nil
}

// fmtWeight writes a weight with four decimals (what the model is known
// to), "0" for zero.
func fmtWeight(x float64) string {
	s := fmt.Sprintf("%.4f", x)
	if s == "-0.0000" || s == "0.0000" {
		return "0"
	}
	return s
}
