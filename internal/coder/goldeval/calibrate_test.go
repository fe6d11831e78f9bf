package goldeval

import (
	"math"
	"reflect"
	"testing"
)

// synthetic draws n samples of two sets from a known logistic model with a
// fixed linear congruential generator: inputs x0 in {0, 1}, x1 in [0, 2).
func synthetic(n int, b, offB, w0, w1 float64) []Sample {
	state := uint64(42)
	next := func() float64 {
		state = state*6364136223846793005 + 1442695040888963407
		return float64(state>>11) / float64(1<<53)
	}
	out := make([]Sample, n)
	for i := range out {
		set := "a"
		z := b
		if i%3 == 0 {
			set = "b"
			z += offB
		}
		x0 := 0.0
		if next() < 0.4 {
			x0 = 1
		}
		x1 := 2 * next()
		z += w0*x0 + w1*x1
		p := 1 / (1 + math.Exp(-z))
		out[i] = Sample{Set: set, Fit: true, X: []float64{x0, x1}, Right: next() < p}
	}
	return out
}

func TestFitLogisticRecoversWeights(t *testing.T) {
	samples := synthetic(20000, 0.5, 1.0, -1.5, 0.8)
	f, err := FitLogistic(samples, []string{"a", "b"}, 0.01)
	if err != nil {
		t.Fatal(err)
	}
	// the intercept and offsets share one degree of freedom: compare the
	// logits of each set
	for _, c := range []struct {
		name      string
		got, want float64
	}{
		{"set a's intercept", f.Intercept + f.Offsets["a"], 0.5},
		{"set b's intercept", f.Intercept + f.Offsets["b"], 1.5},
		{"w0", f.Weights[0], -1.5},
		{"w1", f.Weights[1], 0.8},
	} {
		if math.Abs(c.got-c.want) > 0.12 {
			t.Errorf("%s = %.3f, want %.3f ± 0.12", c.name, c.got, c.want)
		}
	}
	again, err := FitLogistic(samples, []string{"a", "b"}, 0.01)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(f, again) {
		t.Errorf("two fits of the same samples differ: %+v, %+v", f, again)
	}
	// a strong penalty shrinks the weights toward 0
	strong, err := FitLogistic(samples, []string{"a", "b"}, 1e5)
	if err != nil {
		t.Fatal(err)
	}
	if math.Abs(strong.Weights[0]) > 0.1*math.Abs(f.Weights[0]) {
		t.Errorf("lambda 1e5: w0 %.3f, not shrunk from %.3f", strong.Weights[0], f.Weights[0])
	}
}

func TestFitLogisticErrors(t *testing.T) {
	for _, c := range []struct {
		name    string
		samples []Sample
	}{
		{"no samples", nil},
		{"inputs of two lengths", []Sample{{Set: "a", X: []float64{1}}, {Set: "a", X: []float64{1, 2}}}},
		{"a set not named", []Sample{{Set: "z", X: []float64{1}}}},
	} {
		if _, err := FitLogistic(c.samples, []string{"a"}, 1); err == nil {
			t.Errorf("%s: no error", c.name)
		}
	}
}

func TestChooseLambda(t *testing.T) {
	// plenty of data from a model with large weights: a small penalty
	// predicts held-out folds better than a crushing one
	samples := synthetic(3000, 0, 0, -3, 2)
	l, loss, err := ChooseLambda(samples, []string{"a", "b"}, []float64{0.1, 1e4}, 5)
	if err != nil {
		t.Fatal(err)
	}
	if l != 0.1 || loss <= 0 || loss >= math.Log(2) {
		t.Errorf("chose lambda %g (log loss %.3f), want 0.1 and a loss below log 2", l, loss)
	}
}

func TestCalibrate(t *testing.T) {
	p := []float64{0.9, 0.85, 0.6, 0.55, 0.3, 0.1}
	right := []bool{true, false, true, true, false, false}
	c := Calibrate(p, right, 0.5, 2)
	// Brier: (0.01 + 0.7225 + 0.16 + 0.2025 + 0.09 + 0.01) / 6
	if math.Abs(c.Brier-1.195/6) > 1e-9 || math.Abs(c.BrierConstant-0.25) > 1e-9 {
		t.Errorf("Brier %.4f, constant %.4f; want %.4f, 0.25", c.Brier, c.BrierConstant, 1.195/6)
	}
	if c.N != 6 || c.Right != 3 || c.At50 != 4 || c.At80 != 2 || c.PrecisionAt50 != 0.75 || c.PrecisionAt80 != 0.5 {
		t.Errorf("counts %+v", c)
	}
	want := []Bin{{0, 0.5, 2, 0, 0.2}, {0.5, 1, 4, 3, 0.725}}
	for i, b := range c.Bins {
		if b.Lo != want[i].Lo || b.Hi != want[i].Hi || b.N != want[i].N || b.Right != want[i].Right || math.Abs(b.Mean-want[i].Mean) > 1e-9 {
			t.Errorf("bin %d = %+v, want %+v", i, b, want[i])
		}
	}
	if e := Calibrate(nil, nil, 0.5, 5); e.N != 0 || e.Brier != 0 || len(e.Bins) != 5 {
		t.Errorf("no events: %+v", e)
	}
}
