// Package dedup recognises the same thing reported twice: the same article
// under different URLs (CanonicalURL), the same article re-published or
// lightly edited (SimHash over word shingles, looked up by bands), and the
// same real event coded from several reports (Matcher: same actors, same
// CAMEO base code, dates within a window and compatible places).
//
// Everything here is pure computation on values; the store keeps the state.
package dedup
