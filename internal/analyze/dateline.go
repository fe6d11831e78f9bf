package analyze

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// maxDateline bounds the bytes a dateline may take at the head of a
// paragraph ("WASHINGTON, Nov. 3 (Reuters) —" and longer place names).
const maxDateline = 90

// findDateline locates a wire dateline at the start of one of the first two
// paragraphs of text: a place in capitals or title case, optionally with a
// region or country, a date and the agency in brackets, ended by a dash
// ("NEPAL —", "Taipei, Taiwan —", "KABUL, Afghanistan (AP) --",
// "WASHINGTON, Nov. 3 (Reuters) -"). It returns the byte range of the
// dateline with its dash, and the place (the words before the first comma
// or bracket); start < 0 when there is none. A dateline is where the
// report was filed, not an actor of its first sentence.
func findDateline(text string) (start, end int, place string) {
	pos := 0
	for para := 0; para < 2 && pos < len(text); para++ {
		for pos < len(text) && (text[pos] == '\n' || text[pos] == ' ' || text[pos] == '\r' || text[pos] == '\t') {
			pos++
		}
		if e, p := datelineAt(text[pos:]); e > 0 {
			return pos, pos + e, p
		}
		next := strings.Index(text[pos:], "\n\n")
		if next < 0 {
			break
		}
		pos += next
	}
	return -1, -1, ""
}

// datelineAt reports the length of a dateline at the start of s (with its
// dash and the spaces after it) and its place (with region or country,
// without the date's words only when it names none: "Kabul, Afghanistan"),
// 0 when s does not start with one.
func datelineAt(s string) (int, string) {
	limit := min(len(s), maxDateline)
	dash, dashLen := -1, 0
	for _, d := range []string{" — ", " – ", " -- ", " - ", "—", "–"} {
		if i := strings.Index(s[:limit], d); i > 0 && (dash < 0 || i < dash) {
			dash, dashLen = i, len(d)
		}
	}
	if dash < 0 || strings.ContainsAny(s[:dash], "\n!?\"") || sentenceEnd(s[:dash]) {
		return 0, ""
	}
	head := s[:dash]
	placeEnd := len(head)
	if i := strings.IndexAny(head, ",("); i >= 0 {
		placeEnd = i
	}
	place := strings.TrimSpace(head[:placeEnd])
	words := strings.Fields(place)
	if len(words) == 0 || len(words) > 4 {
		return 0, ""
	}
	for _, w := range words {
		r, _ := utf8.DecodeRuneInString(w)
		if !unicode.IsUpper(r) {
			return 0, ""
		}
	}
	// the rest: capitalised words, numbers, commas and one bracketed agency
	for _, w := range strings.Fields(strings.NewReplacer(",", " ", "(", " ", ")", " ").Replace(head[placeEnd:])) {
		r, _ := utf8.DecodeRuneInString(w)
		if !unicode.IsUpper(r) && !unicode.IsDigit(r) {
			return 0, ""
		}
	}
	// the place as a gazetteer reads it: the head before the agency, with
	// words in capitals written as names ("KABUL, Afghanistan" → "Kabul,
	// Afghanistan")
	where := head
	if i := strings.IndexByte(where, '('); i >= 0 {
		where = where[:i]
	}
	place = titleCaps(strings.TrimRight(strings.TrimSpace(where), ","))
	n := dash + dashLen
	for n < len(s) && s[n] == ' ' {
		n++
	}
	if n >= len(s) {
		return 0, ""
	}
	return n, place
}

// sentenceEnd reports whether head holds the end of a sentence: a full
// stop followed by a capitalised word, unless the dot ends an abbreviated
// month or an initial ("Nov. 3", "D.C. (AP)", "Sept. Fifth" is rare).
func sentenceEnd(head string) bool {
	for i := strings.Index(head, ". "); i >= 0; {
		w := i
		for w > 0 && head[w-1] != ' ' {
			w--
		}
		word := head[w:i]
		if i+2 < len(head) && head[i+2] >= 'A' && head[i+2] <= 'Z' && len(word) > 1 && !monthAbbrev[word] {
			return true
		}
		next := strings.Index(head[i+2:], ". ")
		if next < 0 {
			break
		}
		i += 2 + next
	}
	return false
}

// monthAbbrev holds the abbreviations of months a dateline may use.
var monthAbbrev = map[string]bool{"Jan": true, "Feb": true, "Mar": true, "Apr": true, "Jun": true, "Jul": true,
	"Aug": true, "Sep": true, "Sept": true, "Oct": true, "Nov": true, "Dec": true}

// titleCaps writes the words of s that are all capitals (of more than two
// letters: "DC" and "US" stay) with only their first letter capital.
func titleCaps(s string) string {
	words := strings.Fields(s)
	for i, w := range words {
		if len(w) > 2 && strings.ToUpper(w) == w && strings.ToLower(w) != w {
			r, n := utf8.DecodeRuneInString(w)
			words[i] = string(r) + strings.ToLower(w[n:])
		}
	}
	return strings.Join(words, " ")
}

// blankDateline returns text with the bytes of [start, end) replaced by
// spaces (offsets into the text stay those of the original), or text
// itself when there is no dateline.
func blankDateline(text string, start, end int) string {
	if start < 0 {
		return text
	}
	return text[:start] + strings.Repeat(" ", end-start) + text[end:]
}
