package tokenize

import "math"

// TrainingText is a text with its gold sentence ends, as byte offsets just
// after each sentence's last character.
type TrainingText struct {
	Text string
	Ends []int
}

// TrainModel trains the sentence-boundary classifier, an averaged perceptron
// over the gaps between the tokens this package produces, on texts for the
// given number of epochs, and returns the serialized model (the format
// read by the Tokenizer; the repository ships it as sbd.model). Training is
// deterministic: texts are visited in order. Weights smaller than minWeight
// in magnitude are dropped.
func TrainModel(texts []TrainingText, epochs int, minWeight float64) []byte {
	type acc struct {
		w, total float64
		stamp    int
	}
	weights := map[uint64]*acc{}
	step := 0
	var toks []token
	var fs []uint64
	var left []int
	for ep := 0; ep < epochs; ep++ {
		for _, tt := range texts {
			toks = scanTokens(tt.Text, toks[:0])
			left = paragraphLeft(tt.Text, toks, left[:0])
			gold := map[int]bool{}
			for _, e := range tt.Ends {
				gold[e] = true
			}
			n := 0
			quote := false
			for i := 0; i+1 < len(toks); i++ {
				n++
				if isQuote(tt.Text[toks[i].start:toks[i].end]) {
					quote = !quote
				}
				if gapKind(tt.Text[toks[i].end:toks[i+1].start]) == 3 {
					n, quote = 0, false
					continue
				}
				step++
				fs = features(tt.Text, toks, i, n, left[i], quote, fs[:0])
				var s float64
				for _, f := range fs {
					if a := weights[f]; a != nil {
						s += a.w
					}
				}
				y := gold[toks[i].end]
				if (s > 0) != y {
					d := -1.0
					if y {
						d = 1
					}
					for _, f := range fs {
						a := weights[f]
						if a == nil {
							a = &acc{stamp: step}
							weights[f] = a
						}
						a.total += float64(step-a.stamp) * a.w
						a.stamp = step
						a.w += d
					}
				}
				if y {
					n, quote = 0, false
				}
			}
		}
	}
	out := make(map[uint64]float32, len(weights))
	for f, a := range weights {
		a.total += float64(step-a.stamp) * a.w
		avg := a.total / float64(step)
		if math.Abs(avg) >= minWeight {
			out[f] = float32(avg)
		}
	}
	return encodeModel(out)
}
