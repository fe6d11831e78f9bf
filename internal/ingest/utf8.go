package ingest

import (
	"bytes"
	"unicode/utf8"
)

// RepairUTF8 decodes text that is UTF-8 but for a few invalid bytes (a
// truncated character, a stray windows-1252 quote): each run of invalid
// bytes becomes U+FFFD and n counts the bytes replaced. It reports ok
// false, and returns data unchanged, when the invalid bytes are too many
// for that to be the right reading (more than maxInvalidUTF8 of the
// text): such a file is in another encoding and is skipped as not UTF-8
// rather than filled with replacement characters. Valid text comes back
// as it is with n = 0.
func RepairUTF8(data []byte) (out []byte, n int, ok bool) {
	for i := 0; i < len(data); {
		if data[i] < utf8.RuneSelf {
			i++
			continue
		}
		r, size := utf8.DecodeRune(data[i:])
		if r == utf8.RuneError && size == 1 {
			n++
		}
		i += size
	}
	if n == 0 {
		return data, 0, true
	}
	if n > maxInvalidUTF8(len(data)) {
		return data, n, false
	}
	return bytes.ToValidUTF8(data, []byte("\uFFFD")), n, true
}

// maxInvalidUTF8 is how many invalid bytes a text of size bytes may have
// and still be read as UTF-8: 1% of it, and at least 4 (but no more than
// a tenth of it) so that a short text with one bad byte is kept.
func maxInvalidUTF8(size int) int {
	return max(size/100, min(4, size/10))
}
