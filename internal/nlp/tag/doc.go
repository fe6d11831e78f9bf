// Package tag is eventwire's part-of-speech tagger and lemmatizer: it fills
// UPOS, XPOS (Penn Treebank), Feats (UD morphological features) and Lemma of
// the words of a tokenized sentence.
//
// Tags come from a greedy left-to-right averaged perceptron (Collins 2002)
// that predicts a combined (UPOS, XPOS) class from the word, its lower-case
// form, prefixes and suffixes, shape and flags, the words two to the left and
// right, the two previous predicted tags, and a tag dictionary of frequent
// words (their ambiguity classes, also for the next two words). A second
// perceptron picks the UFeats value among those seen in training with the
// predicted class (Person and Number of finite verbs, Voice, VerbForm, Mood,
// PronType...), from the word, its neighbours, the nearby tags and the
// nearest nominal to the left. Lemmas come from learned edit scripts
// (lower-case, strip a suffix, append one): the most frequent script among
// the training word types with the same tag class, case class and final
// letters (longest matching suffix, up to five letters, wins), plus a table
// of the training words the scripts get wrong. Proper nouns keep their case.
//
// Features are 32-bit hashes; the model keeps only the (feature, class)
// weights that training left non-zero, as int16, in a gzip-compressed file.
// The shipped model, model.bin, is embedded in the binary and decoded once
// by Default. It is rebuilt, deterministically, from UD English EWT with
//
//	go run ./internal/nlp/tag/train -ud ../shared/ud/en_ewt -out internal/nlp/tag/model.bin
//
// and its accuracy on the EWT test set (gold tokenization) is printed by
//
//	go run ./internal/nlp/tag/train -ud ../shared/ud/en_ewt -eval internal/nlp/tag/model.bin
//
// A Model is safe to share between goroutines; tag with one Tagger each:
//
//	m, err := tag.Default()
//	...
//	t := m.NewTagger()
//	t.Tag(sentence) // words carry Form
package tag
