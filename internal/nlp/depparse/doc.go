// Package depparse is eventwire's dependency parser: it fills Head and Deprel
// (UD v2 labels) of the words of a tagged sentence.
//
// It is a greedy transition-based parser (arc-hybrid system with the root at
// the bottom of the stack, see system.go) scored by an averaged perceptron
// over Zhang and Nivre (2011) style feature templates (features.go), trained
// with the dynamic oracle of Goldberg and Nivre (2012, 2013) and exploration
// of the parser's own errors. Labelled transitions are predicted jointly.
// Features are 64-bit hashes; the model stores only (feature, class) weights
// that training made non-zero, quantised to int16, in a gzip-compressed file.
// Non-projective training trees (a few percent of EWT) are projectivised by
// lifting each offending arc to its head's head; the parser therefore outputs
// projective trees.
//
// The shipped model, model.bin, is embedded and decoded once by Default. It
// is rebuilt, deterministically, from the UD English EWT treebank with
//
//	go run ./internal/nlp/depparse/train -ud ../shared/ud/en_ewt -out internal/nlp/depparse/model.bin
//
// Use one Parser per goroutine:
//
//	m, err := depparse.Default()
//	...
//	p := m.NewParser()
//	p.Parse(sentence) // sentence words carry Form, Lemma, UPOS, XPOS
package depparse
