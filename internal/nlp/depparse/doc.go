// Package depparse is eventwire's dependency parser: it fills Head and Deprel
// (UD v2 labels) of the words of a tagged sentence.
//
// It is a greedy transition-based parser: the arc-hybrid system with the
// root at the bottom of the stack (system.go), whose transitions are scored
// by an averaged perceptron over Zhang and Nivre (2011) style feature
// templates (features.go), trained with the dynamic oracle of Goldberg and
// Nivre (2012, 2013) while exploring the parser's own errors. The label of
// each arc is chosen, when the arc is made, by a second perceptron over
// features of the head, the dependent (which in arc-hybrid already has all
// its dependents) and their context. Predicting three transitions instead of
// a hundred labelled ones makes every transition feature a 3-weight row,
// which is what makes the parser fast; on EWT dev (gold tags) it costs about
// 0.9 UAS against jointly labelled transitions (88.5 against 87.6 on dev
// with gold tags and an earlier feature set), at 1.8 times the speed.
//
// Features are 64-bit hashes; the model keeps only the (feature, class)
// weights that training made non-zero and above a small magnitude, quantised
// to int16, in two open-addressing tables (transitions, labels) stored in
// the file as they are laid out in memory (7.4 MB). Non-projective training
// trees (392 arcs in EWT train) are projectivised by lifting each offending
// arc to its head's head, shortest arc first, keeping its label; the parser
// therefore outputs projective trees. One repair follows the transitions: a
// noun or adjective root without subject, copula or auxiliary whose finite
// verb hangs below it (a country adjective opening a subject, "Syrian Prime
// Minister al-Otari denied ..."; a fronted phrase of a preposition, "In July
// 1942 the Japanese occupied ...") gives the root to the verb (reroot.go;
// LAS +0.04 on EWT and GUM test, nothing changed on 99.9% of dev sentences).
//
// The shipped model, model.bin, is embedded; Default uses its tables in
// place, without decoding or copying them. It is rebuilt, deterministically,
// from the UD English EWT treebank with
//
//	go run ./internal/nlp/depparse/train -ud ../shared/ud/en_ewt -out internal/nlp/depparse/model.bin
//
// which trains on the treebank's tags, 4% of them swapped each epoch for
// another tag pair seen with the same word so that the parser learns to
// live with tagger errors. Training on five-fold jackknifed tagger output
// instead (-tags jackknife, 11 minutes) did not do better: EWT dev with the
// tagger's tags, UAS 84.56 and LAS 81.16 against 84.88 and 81.46. The model
// is scored on a treebank part with
//
//	go run ./internal/nlp/depparse/evaluate -ud ../shared/ud/en_ewt -part test
//
// Use one Parser per goroutine:
//
//	m, err := depparse.Default()
//	...
//	p := m.NewParser()
//	p.Parse(sentence) // sentence words carry Form, Lemma, UPOS, XPOS
package depparse
