package extract

import (
	"math/bits"
	"unicode"
	"unicode/utf8"
)

// Language is the result of identifying the language of a text.
type Language struct {
	// Code is an ISO 639-1 code ("en", "fr", "zh", ...), or "" when the
	// text holds too little evidence to tell (see Identify).
	Code string
	// Confidence is the share of the evidence that points to Code, in
	// [0, 1]: the winning language's stop-word score over the scores of all
	// languages for Latin-script text, the script's share of letters
	// otherwise.
	Confidence float64
	// Words is the number of stop words found (Latin script) or letters
	// counted (other scripts): the amount of evidence.
	Words int
}

// maxLangBytes bounds the text Identify reads: the first 16 KiB of an
// article say which language it is in.
const maxLangBytes = 16 << 10

// minStopWords is the least number of stop words a Latin-script text must
// hold for Identify to name its language.
const minStopWords = 3

// script classes counted by Identify.
const (
	scLatin = iota
	scCyrillic
	scGreek
	scArabic
	scHebrew
	scHan
	scKana
	scHangul
	scDevanagari
	scBengali
	scTamil
	scThai
	scGeorgian
	scArmenian
	scOther
	numScripts
)

var scriptTables = [numScripts]*unicode.RangeTable{
	scLatin:      unicode.Latin,
	scCyrillic:   unicode.Cyrillic,
	scGreek:      unicode.Greek,
	scArabic:     unicode.Arabic,
	scHebrew:     unicode.Hebrew,
	scHan:        unicode.Han,
	scHangul:     unicode.Hangul,
	scDevanagari: unicode.Devanagari,
	scBengali:    unicode.Bengali,
	scTamil:      unicode.Tamil,
	scThai:       unicode.Thai,
	scGeorgian:   unicode.Georgian,
	scArmenian:   unicode.Armenian,
}

// scriptLang is the language named for a text written mostly in a script
// that Latin stop words cannot tell apart; Cyrillic, Arabic and Han/Kana
// texts are refined by letters proper to one language.
var scriptLang = [numScripts]string{
	scCyrillic:   "ru",
	scGreek:      "el",
	scArabic:     "ar",
	scHebrew:     "he",
	scHan:        "zh",
	scKana:       "ja",
	scHangul:     "ko",
	scDevanagari: "hi",
	scBengali:    "bn",
	scTamil:      "ta",
	scThai:       "th",
	scGeorgian:   "ka",
	scArmenian:   "hy",
}

func scriptOf(r rune) int {
	if r < 0x250 { // ASCII letters and the Latin supplements
		return scLatin
	}
	if unicode.In(r, unicode.Hiragana, unicode.Katakana) {
		return scKana
	}
	for i, t := range scriptTables {
		if t != nil && unicode.Is(t, r) {
			return i
		}
	}
	return scOther
}

// Identify names the language of text. It counts the letters of each
// script; a text written mostly in a script other than Latin is named
// after that script (Cyrillic as ru, or uk or bg by letters proper to them;
// Arabic as ar, or fa or ur by theirs; Han as zh, ja when kana are mixed
// in; Hangul ko; Greek el; Hebrew he; Devanagari hi; Thai th; ...). A
// Latin-script text is named by the short lists of frequent function words
// in stopwords.go: every word found adds to the languages whose list holds
// it, shared words split their weight, and the highest score wins. Code is
// "" when fewer than 3 stop words (or 20 letters of another script) are
// found. Identify reads at most the first 16 KiB of text and does not
// allocate.
func Identify(text string) Language {
	if len(text) > maxLangBytes {
		text = text[:maxLangBytes]
	}
	var scripts [numScripts]int
	var marks markCounts
	var scores [numLangs]float64
	stopWords := 0
	letterEvidence := 0.0
	var buf [32]byte
	n := 0 // bytes of the current word in buf; -1 when it is too long
	flush := func() {
		if n > 0 {
			if m := stopMask[string(buf[:n])]; m != 0 {
				stopWords++
				w := 1 / float64(bits.OnesCount32(m))
				for m != 0 {
					i := bits.TrailingZeros32(m)
					scores[i] += w
					m &^= 1 << i
				}
			}
		}
		n = 0
	}
	for i := 0; i < len(text); {
		r, size := utf8.DecodeRuneInString(text[i:])
		i += size
		if !unicode.IsLetter(r) {
			if r == '\'' || r == '’' {
				// "l'armée", "dell'anno": the article before the
				// apostrophe is a word of its own.
				flush()
				continue
			}
			flush()
			continue
		}
		sc := scriptOf(r)
		scripts[sc]++
		marks.add(r)
		if sc == scLatin && r >= 0x80 {
			if m := markMask[unicode.ToLower(r)] | markMask[r]; m != 0 {
				letterEvidence += markWeight
				w := markWeight / float64(bits.OnesCount32(m))
				for m != 0 {
					i := bits.TrailingZeros32(m)
					scores[i] += w
					m &^= 1 << i
				}
			}
		}
		if sc != scLatin {
			flush()
			n = -1
			continue
		}
		if n < 0 {
			continue
		}
		r = unicode.ToLower(r)
		if n+utf8.RuneLen(r) > len(buf) {
			n = -1
			continue
		}
		n += utf8.EncodeRune(buf[n:], r)
	}
	flush()

	letters := 0
	best := scLatin
	for sc, c := range scripts {
		letters += c
		if c > scripts[best] {
			best = sc
		}
	}
	if letters == 0 {
		return Language{}
	}
	if best != scLatin && best != scOther {
		// Han characters carry a word each; Japanese mixes them with kana.
		if best == scHan && scripts[scKana] > 0 {
			best = scKana
		}
		share := float64(scripts[best]) / float64(letters)
		if best == scKana {
			share = float64(scripts[scKana]+scripts[scHan]) / float64(letters)
		}
		if scripts[best] < 20 && best != scHan && best != scKana {
			return Language{Confidence: share, Words: scripts[best]}
		}
		if scripts[best]+scripts[scKana] < 8 {
			return Language{Confidence: share, Words: scripts[best]}
		}
		return Language{Code: marks.refine(best, scripts[best]), Confidence: share, Words: scripts[best]}
	}
	if float64(stopWords)+letterEvidence < minStopWords {
		return Language{Words: stopWords}
	}
	top, total := 0, 0.0
	for i, s := range scores {
		total += s
		if s > scores[top] {
			top = i
		}
	}
	return Language{Code: langCodes[top], Confidence: scores[top] / total, Words: stopWords}
}

// markCounts counts letters proper to one language of a shared script.
type markCounts struct {
	uk, bg, cyrRu int // і ї є ґ; ъ; ы э
	fa, ur        int // پ چ ژ گ ک ی; ٹ ڈ ڑ ں ے
}

func (m *markCounts) add(r rune) {
	switch r {
	case 'і', 'ї', 'є', 'ґ', 'І', 'Ї', 'Є', 'Ґ':
		m.uk++
	case 'ъ', 'Ъ':
		m.bg++
	case 'ы', 'э', 'Ы', 'Э':
		m.cyrRu++
	case 'پ', 'چ', 'ژ', 'گ', 'ک', 'ی':
		m.fa++
	case 'ٹ', 'ڈ', 'ڑ', 'ں', 'ے':
		m.ur++
	}
}

// refine names the language of a text in script sc with count letters of
// it.
func (m *markCounts) refine(sc, count int) string {
	switch sc {
	case scCyrillic:
		switch {
		case m.uk*100 > count:
			return "uk"
		case m.bg*100 > count && m.cyrRu == 0:
			return "bg"
		}
	case scArabic:
		switch {
		case m.ur*200 > count:
			return "ur"
		case m.fa*100 > count:
			return "fa"
		}
	}
	return scriptLang[sc]
}
