package tag

import (
	"strings"
	"unicode/utf8"
)

// lemmaRule is an edit script from a form to its lemma: optionally lower-case
// the form, strip bytes from its end, append a string ("studies" → strip 3,
// add "y"; "The" → lower-case).
type lemmaRule struct {
	lower bool
	strip int
	add   string
}

// ruleFor returns the shortest edit script turning form into lemma,
// preferring the form's own case on a tie.
func ruleFor(form, lemma string) lemmaRule {
	raw := lemmaRule{strip: len(form) - commonPrefix(form, lemma)}
	raw.add = lemma[len(form)-raw.strip:]
	low := strings.ToLower(form)
	if low == form {
		return raw
	}
	lr := lemmaRule{lower: true, strip: len(low) - commonPrefix(low, lemma)}
	lr.add = lemma[len(low)-lr.strip:]
	if lr.strip < raw.strip {
		return lr
	}
	return raw
}

func commonPrefix(a, b string) int {
	n := 0
	for n < len(a) && n < len(b) && a[n] == b[n] {
		n++
	}
	return n
}

// apply appends the lemma of form under r to buf. ok is false when the rule
// does not fit the form (it strips more than the form has, or cuts a
// character in two).
func (r lemmaRule) apply(buf []byte, form string) (out []byte, ok bool) {
	n := len(buf)
	if r.lower {
		buf = appendLower(buf, form)
	} else {
		buf = append(buf, form...)
	}
	keep := len(buf) - n - r.strip
	if keep < 0 || (keep < len(buf)-n && !utf8.RuneStart(buf[n+keep])) {
		return buf[:n], false
	}
	buf = append(buf[:n+keep], r.add...)
	if len(buf) == n {
		return buf, false
	}
	return buf, true
}

// applyLow appends the lemma of the lower-case form low under r (which does
// not lower-case) to buf; ok is false when the rule does not fit.
func (r lemmaRule) applyLow(buf, low []byte) (out []byte, ok bool) {
	keep := len(low) - r.strip
	if keep < 0 || keep < len(low) && !utf8.RuneStart(low[keep]) || keep == 0 && r.add == "" {
		return buf, false
	}
	buf = append(buf, low[:keep]...)
	return append(buf, r.add...), true
}

// restoreCase gives lem, the lemma of the lower-case form low, the case of
// form where it shares letters with it ("Studies" → "Study"); for an
// upper-case form, the rest is upper-cased too ("STUDIES" → "STUDY"). Forms
// whose lower-case form has another length are left alone.
func restoreCase(lem []byte, form string, low []byte, cs uint8) {
	if len(low) != len(form) {
		return
	}
	cp := 0
	for cp < len(lem) && cp < len(low) && lem[cp] == low[cp] {
		cp++
	}
	copy(lem[:cp], form[:cp])
	if cs == caseUpper {
		for j := cp; j < len(lem); j++ {
			if 'a' <= lem[j] && lem[j] <= 'z' {
				lem[j] -= 'a' - 'A'
			}
		}
	}
}

// identity reports whether r leaves every form as it is.
func (r lemmaRule) identity() bool { return !r.lower && r.strip == 0 && r.add == "" }

// maxSuffix is the longest suffix, in runes, the lemma rules look at.
const maxSuffix = 5

// suffixKey appends the lookup key of the suffix rules to buf: lemma class,
// case class (always caseLower since rules work on lower-case forms; kept
// in the key format) and the last k runes of the lower-case form low.
func suffixKey(buf []byte, class int, cs uint8, low []byte, k int) ([]byte, bool) {
	end := len(low)
	for j := 0; j < k; j++ {
		if end == 0 {
			return buf, false
		}
		_, n := utf8.DecodeLastRune(low[:end])
		end -= n
	}
	buf = append(buf, byte(class), byte(class>>8), cs)
	return append(buf, low[end:]...), true
}
