// Package norm folds place names to a matching key: lower case, Latin
// diacritics removed, apostrophes and dots dropped, other punctuation and
// runs of spaces turned into one space. "Mek'ele" and "Mekele",
// "Montréal" and "MONTREAL", "Washington, D.C." and "Washington DC" share a
// key. The generator and the gazetteer use the same function, so keys
// computed at generation and at lookup agree.
package norm

import (
	"unicode"
	"unicode/utf8"
)

// Fold returns the matching key of s.
func Fold(s string) string {
	// Fast path: already a key (lower-case ASCII letters, digits, single spaces).
	ok := true
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == ' ' && i > 0 && i < len(s)-1 && s[i-1] != ' ') {
			ok = false
			break
		}
	}
	if ok {
		return s
	}
	return string(AppendFold(nil, s))
}

// AppendFold appends the matching key of s to dst and returns the extended
// buffer; with a reused dst it does not allocate.
func AppendFold(dst []byte, s string) []byte {
	start := len(dst)
	space := false // a separator is pending
	for i := 0; i < len(s); {
		r, n := rune(s[i]), 1
		if r >= utf8.RuneSelf {
			r, n = utf8.DecodeRuneInString(s[i:])
		}
		i += n
		switch {
		case r >= 'a' && r <= 'z' || r >= '0' && r <= '9':
			if space && len(dst) > start {
				dst = append(dst, ' ')
			}
			space = false
			dst = append(dst, byte(r))
			continue
		case r >= 'A' && r <= 'Z':
			if space && len(dst) > start {
				dst = append(dst, ' ')
			}
			space = false
			dst = append(dst, byte(r+'a'-'A'))
			continue
		case r == '\'' || r == '.' || r == '’' || r == '‘' || r == 'ʼ' || r == 'ʻ' || r == '`' || r == 'ʿ' || r == 'ʾ' || r == '´':
			continue // dropped without a separator
		case r < utf8.RuneSelf || unicode.IsSpace(r) || unicode.IsPunct(r) || unicode.IsSymbol(r):
			space = true
			continue
		}
		lr := unicode.ToLower(r)
		if f, ok := fold[lr]; ok {
			if space && len(dst) > start {
				dst = append(dst, ' ')
			}
			space = false
			dst = append(dst, f...)
			continue
		}
		if unicode.IsLetter(lr) || unicode.IsDigit(lr) {
			if space && len(dst) > start {
				dst = append(dst, ' ')
			}
			space = false
			dst = utf8.AppendRune(dst, lr)
			continue
		}
		if unicode.Is(unicode.Mn, lr) {
			continue // combining mark of a decomposed letter
		}
		space = true
	}
	return dst
}

// fold maps lower-case Latin letters with diacritics to ASCII.
var fold = map[rune]string{}

func init() {
	for _, g := range []struct{ from, to string }{
		{"àáâãäåāăąǎȁȃạảấầẩẫậắằẳẵặ", "a"}, {"æǣ", "ae"}, {"çćĉċč", "c"}, {"ďđḍḏ", "d"}, {"ð", "d"},
		{"èéêëēĕėęěȅȇẹẻẽếềểễệ", "e"}, {"ĝğġģǧ", "g"}, {"ĥħḥḩḫẖ", "h"},
		{"ìíîïĩīĭįıǐȉȋịỉ", "i"}, {"ĵ", "j"}, {"ķḳ", "k"}, {"ĺļľŀłḷ", "l"}, {"ṃ", "m"},
		{"ñńņňŉṇṅ", "n"}, {"òóôõöøōŏőǒȍȏọỏốồổỗộớờởỡợơ", "o"}, {"œ", "oe"}, {"ŕŗřṛṟ", "r"},
		{"śŝşšșṣ", "s"}, {"ß", "ss"}, {"ţťŧțṭṯ", "t"}, {"þ", "th"},
		{"ùúûüũūŭůűųǔȕȗụủứừửữựư", "u"}, {"ŵẃẁẅ", "w"}, {"ýÿŷỳỵỷỹ", "y"}, {"źżžẓ", "z"},
	} {
		for _, r := range g.from {
			fold[r] = g.to
		}
	}
}
