package goldeval

import (
	"errors"
	"fmt"
	"math"
	"sort"
)

// Sample is one produced event judged right or wrong, for calibrating
// confidence: the confidence model's inputs (coder.EventFeatures), the
// labelled set it comes from and whether it is of that set's fitting half.
type Sample struct {
	Set     string
	Fit     bool
	X       []float64
	Right   bool
	Carried float64 // the confidence the event carried when it was coded
}

// Fit is a logistic model fitted on several labelled sets: one intercept,
// one offset per set (a set's base rate: gold that judges only the event
// class is right more often than gold that judges both actors too) and
// one weight per input shared by all sets.
type Fit struct {
	Intercept float64
	Offsets   map[string]float64
	Weights   []float64
	Lambda    float64 // the L2 penalty it was fitted with
	Samples   int     // fitting samples
}

// Logit returns the model's logit of x for an event of set ("" for no
// set's offset).
func (f *Fit) Logit(set string, x []float64) float64 {
	z := f.Intercept + f.Offsets[set]
	for i, w := range f.Weights {
		z += w * x[i]
	}
	return z
}

// Prob returns the model's probability, rounded to three decimals as
// events carry it.
func (f *Fit) Prob(set string, x []float64) float64 {
	return math.Round(1000/(1+math.Exp(-f.Logit(set, x)))) / 1000
}

// FitLogistic fits P(right) = σ(b + o_set + w·x) on samples by Newton's
// method, minimising the log loss plus lambda/2 times the squared weights
// and offsets (the intercept b is not penalised). The result depends only
// on the samples and their order: no randomness.
func FitLogistic(samples []Sample, sets []string, lambda float64) (*Fit, error) {
	if len(samples) == 0 {
		return nil, errors.New("fitting confidence: no samples")
	}
	nx := len(samples[0].X)
	setIdx := make(map[string]int, len(sets))
	for i, s := range sets {
		setIdx[s] = i
	}
	dim := 1 + len(sets) + nx
	// the design row of a sample: 1, the set's indicator, x
	row := func(s *Sample, r []float64) {
		clear(r)
		r[0] = 1
		if i, ok := setIdx[s.Set]; ok {
			r[1+i] = 1
		}
		copy(r[1+len(sets):], s.X)
	}
	for i := range samples {
		if len(samples[i].X) != nx {
			return nil, fmt.Errorf("fitting confidence: sample %d has %d inputs, want %d", i, len(samples[i].X), nx)
		}
		if _, ok := setIdx[samples[i].Set]; !ok {
			return nil, fmt.Errorf("fitting confidence: sample %d: set %q not in %v", i, samples[i].Set, sets)
		}
	}
	beta := make([]float64, dim)
	r := make([]float64, dim)
	grad := make([]float64, dim)
	hess := make([][]float64, dim)
	for i := range hess {
		hess[i] = make([]float64, dim)
	}
	for iter := 0; iter < 100; iter++ {
		for i := range grad {
			grad[i] = 0
			clear(hess[i])
		}
		for i := 1; i < dim; i++ { // the penalty
			grad[i] = lambda * beta[i]
			hess[i][i] = lambda
		}
		for k := range samples {
			row(&samples[k], r)
			z := 0.0
			for i, v := range r {
				z += v * beta[i]
			}
			p := 1 / (1 + math.Exp(-z))
			y := 0.0
			if samples[k].Right {
				y = 1
			}
			wt := max(p*(1-p), 1e-12)
			for i, vi := range r {
				if vi == 0 {
					continue
				}
				grad[i] += (p - y) * vi
				for j, vj := range r {
					hess[i][j] += wt * vi * vj
				}
			}
		}
		step, err := solve(hess, grad)
		if err != nil {
			return nil, fmt.Errorf("fitting confidence: iteration %d: %w", iter, err)
		}
		biggest := 0.0
		for i := range beta {
			beta[i] -= step[i]
			biggest = max(biggest, math.Abs(step[i]))
		}
		if biggest < 1e-10 {
			break
		}
	}
	f := &Fit{Intercept: beta[0], Offsets: make(map[string]float64, len(sets)), Weights: beta[1+len(sets):], Lambda: lambda, Samples: len(samples)}
	for i, s := range sets {
		f.Offsets[s] = beta[1+i]
	}
	return f, nil
}

// solve returns x with a·x = b by Gaussian elimination with partial
// pivoting; a and b are left unchanged.
func solve(a [][]float64, b []float64) ([]float64, error) {
	n := len(b)
	m := make([][]float64, n)
	for i := range m {
		m[i] = append(append(make([]float64, 0, n+1), a[i]...), b[i])
	}
	for c := 0; c < n; c++ {
		p := c
		for i := c + 1; i < n; i++ {
			if math.Abs(m[i][c]) > math.Abs(m[p][c]) {
				p = i
			}
		}
		if math.Abs(m[p][c]) < 1e-12 {
			return nil, fmt.Errorf("singular system at column %d", c)
		}
		m[c], m[p] = m[p], m[c]
		for i := c + 1; i < n; i++ {
			k := m[i][c] / m[c][c]
			for j := c; j <= n; j++ {
				m[i][j] -= k * m[c][j]
			}
		}
	}
	x := make([]float64, n)
	for i := n - 1; i >= 0; i-- {
		s := m[i][n]
		for j := i + 1; j < n; j++ {
			s -= m[i][j] * x[j]
		}
		x[i] = s / m[i][i]
	}
	return x, nil
}

// ChooseLambda returns the penalty of lambdas with the least log loss in
// k-fold cross-validation on samples (fold i holds the samples at
// positions i, i+k, ...), the first of equals, and that loss per sample.
func ChooseLambda(samples []Sample, sets []string, lambdas []float64, k int) (float64, float64, error) {
	best, bestLoss := 0.0, math.Inf(1)
	for _, l := range lambdas {
		loss := 0.0
		for fold := 0; fold < k; fold++ {
			var train, test []Sample
			for i := range samples {
				if i%k == fold {
					test = append(test, samples[i])
				} else {
					train = append(train, samples[i])
				}
			}
			f, err := FitLogistic(train, sets, l)
			if err != nil {
				return 0, 0, err
			}
			for i := range test {
				p := 1 / (1 + math.Exp(-f.Logit(test[i].Set, test[i].X)))
				p = min(max(p, 1e-9), 1-1e-9)
				if test[i].Right {
					loss -= math.Log(p)
				} else {
					loss -= math.Log(1 - p)
				}
			}
		}
		if loss < bestLoss {
			best, bestLoss = l, loss
		}
	}
	return best, bestLoss / float64(max(len(samples), 1)), nil
}

// Bin is one row of a reliability table: the events whose confidence is
// in [Lo, Hi), how many of them were right, and their mean confidence.
type Bin struct {
	Lo    float64 `json:"lo"`
	Hi    float64 `json:"hi"`
	N     int     `json:"n"`
	Right int     `json:"right"`
	Mean  float64 `json:"mean_confidence"`
}

// Calibration is how well confidences p of events judged right or wrong
// say which are right.
type Calibration struct {
	N     int     `json:"n"`
	Right int     `json:"right"`
	Brier float64 `json:"brier"`
	// BrierConstant is the Brier score of one constant confidence for
	// every event (Base, e.g. the fitting half's share of right events).
	Base          float64 `json:"base"`
	BrierConstant float64 `json:"brier_constant"`
	PrecisionAt50 float64 `json:"precision_at_0.5"`
	At50          int     `json:"at_0.5"`
	PrecisionAt80 float64 `json:"precision_at_0.8"`
	At80          int     `json:"at_0.8"`
	Bins          []Bin   `json:"bins"`
}

// Calibrate measures confidences p (p[i] of an event right when right[i])
// in bins of width 1/bins, with base as the constant to compare with.
func Calibrate(p []float64, right []bool, base float64, bins int) Calibration {
	c := Calibration{N: len(p), Base: base}
	c.Bins = make([]Bin, bins)
	for i := range c.Bins {
		c.Bins[i].Lo, c.Bins[i].Hi = float64(i)/float64(bins), float64(i+1)/float64(bins)
	}
	var r50, r80 int
	for i, x := range p {
		y := 0.0
		if right[i] {
			y = 1
			c.Right++
		}
		c.Brier += (x - y) * (x - y)
		c.BrierConstant += (base - y) * (base - y)
		b := min(int(x*float64(bins)), bins-1)
		c.Bins[b].N++
		c.Bins[b].Mean += x
		if right[i] {
			c.Bins[b].Right++
		}
		if x >= 0.5 {
			c.At50++
			if right[i] {
				r50++
			}
		}
		if x >= 0.8 {
			c.At80++
			if right[i] {
				r80++
			}
		}
	}
	if c.N > 0 {
		c.Brier /= float64(c.N)
		c.BrierConstant /= float64(c.N)
	}
	for i := range c.Bins {
		if c.Bins[i].N > 0 {
			c.Bins[i].Mean /= float64(c.Bins[i].N)
		}
	}
	c.PrecisionAt50, c.PrecisionAt80 = ratio(r50, c.At50), ratio(r80, c.At80)
	return c
}

// SetNames returns the sets of samples, sorted.
func SetNames(samples []Sample) []string {
	seen := map[string]bool{}
	var out []string
	for _, s := range samples {
		if !seen[s.Set] {
			seen[s.Set] = true
			out = append(out, s.Set)
		}
	}
	sort.Strings(out)
	return out
}
