// Package tabari reads the dictionaries of TABARI, the Textual Analysis By
// Augmented Replacement Instructions event coder: .actors (phrases with
// '+' synonyms and date-restricted [CODE] blocks), .agents ([~CODE] and
// [CODE~] role nouns) and .verbs (verb blocks with "- pattern [code]" lines
// using * $ + % ^ markers, { A | B } alternatives, &synsets, <SYNSETS> and
// <TIME> sections), so that users can keep the dictionaries they have.
//
// TABARI matches words as stems unless they end in '_'; patterns are linear
// word sequences around the verb ('*'). The readers keep these meanings in the
// format-neutral model of internal/dict. A bad line is reported as
// "file:line: message", never a panic.
package tabari
