// Package native reads and writes eventwire's own dictionary format: a
// line-oriented text format with @actors, @agents, @synsets, @verbs,
// @discards and @issues sections, '#' comments and one entry per line (or an
// indented block), documented in docs/dictionaries.md.
//
// Verb entries are lemmas with dependency-frame patterns (obj=$T,
// obl:against=$T, obj=meeting, pass, neg...) so that they match UD trees
// directly. Every entry keeps the file:line it starts on, and every bad line
// is reported as "file:line: message"; the reader never panics on bad input.
package native
