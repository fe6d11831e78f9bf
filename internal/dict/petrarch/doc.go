// Package petrarch reads the dictionaries of the PETRARCH event coders
// (PETRARCH 1 and 2, the Phoenix set and CAMEO.2.0) into the format-neutral
// model of internal/dict:
//
//   - actors: NAME [CODE] lines, '+' synonym lines, and date-restricted code
//     lines [CODE <YYMMDD], [CODE >YYMMDD], [CODE YYMMDD-YYMMDD];
//   - agents: NAME {PLURALS} [~CODE] / [CODE~] lines with !SUBST! = A, B sets;
//   - verbs: &SYNSET blocks, "--- NAME [CODE] ---" verb blocks with verb
//     lines (irregular forms in {}, multi-word verbs marked with '+'), and
//     "- PATTERN [CODE]" lines in both the PETRARCH-1 linear syntax (words
//     joined by '_', * $ + % ^ markers) and the PETRARCH-2 syntax ({} noun
//     phrases, () prepositional phrases); "~ ..." transformations. As in
//     PETRARCH-2, a pattern written again in the same block (same words)
//     replaces the earlier one's code in place;
//   - discards: phrases, '+' for story-level;
//   - issues: <ISSUE CATEGORY=...> blocks of phrase [ISSUE] lines, '~' exclusions.
//
// Read detects the kind of a file by its content. A bad line is reported as
// an *Error naming file:line, never a panic; the good lines are still read.
package petrarch
