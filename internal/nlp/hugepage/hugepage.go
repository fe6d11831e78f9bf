// Package hugepage copies read-only model tables into memory mapped with
// huge pages, for long runs.
//
// The tagger's and parser's tables are read in place from the binary's
// read-only data, on 4 KiB pages: a short run touches only the pages it
// needs, but their random lookups over about 24 MB miss the TLB nearly
// every time. A long run (ingest, a worker, a large file) copies them, once
// it has tagged and parsed enough sentences to make the copy and the extra
// memory worth it, into an anonymous mapping with transparent huge pages
// requested.
package hugepage

import "sync"

// After is the number of sentences a tagger or parser handles with the
// tables in place before it asks for the huge-page copy (about half a CPU
// second of tagging and parsing).
const After = 1000

// Copy returns a copy of src, which must hold no pointers, in memory mapped
// with huge pages where the system allows it (else on the Go heap). The
// mapping is released when owner becomes unreachable; owner must be the
// only way to reach the copy.
func Copy[T any, O any](owner *O, src []T) []T {
	if len(src) == 0 {
		return src
	}
	dst := Alloc[T](owner, len(src))
	copy(dst, src)
	return dst
}

// Promotion makes, once, the copy of a model M whose tables lie on huge
// pages, for the taggers or parsers of a long run. The zero value is ready.
type Promotion[M any] struct {
	once sync.Once
	m    *M
}

// Get returns the copy, made by calling makeCopy on the first call.
func (p *Promotion[M]) Get(makeCopy func() *M) *M {
	p.once.Do(func() { p.m = makeCopy() })
	return p.m
}
