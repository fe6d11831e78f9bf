package dedup

import (
	"crypto/sha256"
	"encoding/hex"
	"math/bits"
	"unicode"
	"unicode/utf8"
)

// Shingle is the number of consecutive words hashed together by SimHash.
const Shingle = 3

// Bands is the number of 8-bit bands a SimHash is split into for lookup.
// Two hashes within MaxBandDistance bits of each other agree on at least one
// band (pigeonhole), so looking up each band finds every near duplicate.
const Bands = 8

// MaxBandDistance is the largest Hamming distance band lookup is exact for.
const MaxBandDistance = Bands - 1

// DefaultDistance is the default Hamming distance up to which two texts are
// near duplicates. On testdata/articles.txt (short texts, where one edited
// word moves a hash by 5 to 8 bits) copies are 0 to 13 bits apart and the
// nearest distinct article 11 bits (see dedup_test.go).
const DefaultDistance = 7

// DefaultNearDays is how many days apart two near duplicates may be
// published by default: copies of a report appear within days, and
// limiting the lookup to them keeps it fast in a large archive.
const DefaultNearDays = 7

// MinWords is the fewest words a text needs for a SimHash to be meaningful;
// shorter texts are only matched exactly.
const MinWords = 12

// SimHash returns the 64-bit SimHash of text over shingles of Shingle
// lower-cased words (letters and digits; everything else separates words)
// and the number of words. It does not allocate.
func SimHash(text string) (hash uint64, words int) {
	var counts [64]int32
	var ring [Shingle]uint64 // hashes of the last words
	n := 0
	addShingle := func() {
		// Combine the word hashes in order.
		h := uint64(14695981039346656037)
		for i := Shingle - 1; i >= 0; i-- {
			h ^= ring[(n-1-i)%Shingle]
			h *= 1099511628211
			h ^= h >> 29
		}
		h = mix64(h)
		for b := 0; b < 64; b++ {
			if h&(1<<b) != 0 {
				counts[b]++
			} else {
				counts[b]--
			}
		}
	}
	var wh uint64
	inWord := false
	for i := 0; i < len(text); {
		r, size := utf8.DecodeRuneInString(text[i:])
		i += size
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			if !inWord {
				wh = 14695981039346656037
				inWord = true
			}
			wh ^= uint64(unicode.ToLower(r))
			wh *= 1099511628211
			continue
		}
		if inWord {
			ring[n%Shingle] = wh
			n++
			inWord = false
			if n >= Shingle {
				addShingle()
			}
		}
	}
	if inWord {
		ring[n%Shingle] = wh
		n++
		if n >= Shingle {
			addShingle()
		}
	}
	if n > 0 && n < Shingle { // a very short text: one shingle of what there is
		words := n
		n = Shingle // ring[words:] are zero
		addShingle()
		n = words
	}
	for b := 0; b < 64; b++ {
		if counts[b] > 0 {
			hash |= 1 << b
		}
	}
	return hash, n
}

func mix64(x uint64) uint64 {
	x ^= x >> 33
	x *= 0xff51afd7ed558ccd
	x ^= x >> 33
	x *= 0xc4ceb9fe1a85ec53
	x ^= x >> 33
	return x
}

// Distance is the Hamming distance of two SimHashes.
func Distance(a, b uint64) int { return bits.OnesCount64(a ^ b) }

// BandKeys returns the lookup keys of h: band i in the top bits, its 8 bits
// of h below. Two hashes share a key when they agree on a band.
func BandKeys(h uint64) [Bands]int64 {
	var k [Bands]int64
	for i := 0; i < Bands; i++ {
		k[i] = int64(i)<<8 | int64(h>>(8*i)&0xff)
	}
	return k
}

// NormalizeText lower-cases text and keeps its words (letters and digits)
// separated by single spaces, so that whitespace, punctuation and case
// differences do not change it.
func NormalizeText(text string) string {
	b := make([]byte, 0, len(text))
	space := false
	for _, r := range text {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			if space && len(b) > 0 {
				b = append(b, ' ')
			}
			space = false
			b = utf8.AppendRune(b, unicode.ToLower(r))
			continue
		}
		space = true
	}
	return string(b)
}

// ArticleID is the deterministic id of an article: a hash of its canonical
// URL, or of its normalised text when it has no URL ("u" or "t" followed by
// 24 hex digits).
func ArticleID(rawURL, text string) string {
	if c := CanonicalURL(rawURL); c != "" {
		s := sha256.Sum256([]byte(c))
		return "u" + hex.EncodeToString(s[:12])
	}
	s := sha256.Sum256([]byte(NormalizeText(text)))
	return "t" + hex.EncodeToString(s[:12])
}
