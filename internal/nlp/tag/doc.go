// Package tag is eventwire's part-of-speech tagger and lemmatizer: it fills
// UPOS, XPOS (Penn Treebank), Feats (UD morphological features) and Lemma of
// the words of a tokenized sentence.
//
// Tags come from two greedy averaged perceptrons (Collins 2002) that predict
// a combined (UPOS, XPOS) class. Their features are the word, its lower-case
// form, prefixes and suffixes, shape and flags (alone and with the
// capitalisation), the words two to the left and right, the two previous
// predicted tags, and a tag dictionary of words seen at least three times
// (their ambiguity classes, also for the neighbours). The first pass tags
// right to left; the second tags left to right with the first pass's tags of
// the word and the two words to its right as further features. The first
// pass is jackknifed in training (four folds), so the second learns from
// first-pass tags as good as on new text. Forms seen at least 20 times with
// one class 99.5% of the time skip scoring.
//
// Words outside the tag dictionary (rare and unseen words) are looked up in
// WordNet 3.0 (package lexicon): the set of Penn tags WordNet allows the
// lower-case form ("withdrew": VBD VBN; "accusing": VBG JJ) stands in for
// their ambiguity class in every dictionary template, and at tagging time
// it limits the classes scored to those whose XPOS it holds or that WordNet
// does not tell (NNP, CD, IN, FW...). Capitalised words other than the
// first of the sentence are not limited, so names stay free. The model
// file says whether a model reads WordNet; models without it tag as
// before.
//
// One constraint holds over the whole sentence: a sentence tagged without
// a finite verb (VBD, VBZ, VBP, MD) gets its first participle after a
// nominal as the past tense, when the form can be both ("-ed" forms,
// "fought", "held") and the words around do not make it a participle (an
// auxiliary or a hyphen before it, "by" after it). News sentences with a
// long subject are otherwise read as one noun phrase with a reduced
// relative ("Soldiers loyal to the government attacked rebel positions");
// on the UD test sets it moves LAS by +0.04 (EWT) and +0.07 (GUM).
//
// A third perceptron picks the UFeats value among those seen in training
// with the predicted class (Person and Number of finite verbs, Voice,
// VerbForm, Mood, PronType...), from the word, its neighbours, the nearby
// tags and the nearest nominal to the left; (class, word) pairs that had one
// value in training, at least twice, take it without scoring.
//
// Lemmas are learned per XPOS. The lower-case form gets the edit script
// (strip a suffix, append one) most frequent among the training word types
// with the same XPOS and final letters (the longest suffix seen, up to five
// letters, whose script gives a lemma seen in training wins, else the
// longest; scripts that reach before the suffix or add more than they strip
// are not generalised); the lemma then keeps the form's case where
// training says so for the XPOS and case class (proper nouns: "Obama";
// sentence-initial nouns: "Protesters" → "protester"). The training types
// these rules get wrong are kept in an exception table. An inflected verb,
// plural noun or comparative that WordNet lists as irregular takes
// WordNet's lemma when the rules give a lemma not seen in training or not
// a WordNet lemma of its part of speech ("withdrew" → "withdraw", "fled" →
// "flee" rather than "fl").
//
// Features are 32-bit hashes; the model keeps only the (feature, class)
// weights that training left non-zero, as int16, in open-addressing tables
// stored in the file as they are laid out in memory (16.2 MB; the word
// lists and lemma rules, a few hundred kilobytes, are gzip-compressed).
// Tagging allocates nothing per word: at most one string per sentence holds
// the lemmas the rules build.
//
// The shipped model, model.bin, is embedded in the binary; Default decodes
// its word lists once and scores with its tables in place, so that start-up
// neither decodes nor copies a weight and only the table pages a run
// touches are read into memory. It is rebuilt, deterministically (same bytes), from UD English
// EWT and the embedded WordNet table in about two minutes of CPU time with
//
//	go run ./internal/nlp/tag/train -ud ../shared/ud/en_ewt -out internal/nlp/tag/model.bin
//
// (-lexicon=false trains without WordNet, -lex-constrain=false saves
// without its constraint), and its accuracy on the EWT dev and test sets
// (gold tokenization), also on the words outside the tag dictionary, is
// printed by
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
