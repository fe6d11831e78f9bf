package timex

// Word classes: the finder's view of each word of a sentence (numbers,
// months, weekdays, keywords, dashes), computed once per sentence.

import (
	"strings"
	"unicode/utf8"
)

// tok is the class of one word.
type tok struct {
	k             kind
	kw            keyword
	unit          unit
	part          part // from a "mid-"/"early-"/"late-" prefix inside the word
	val, val2, v3 int
	digits        int  // digits of a numeral (first part for ranges); 0 for number words
	cap           bool // the form starts with an upper-case letter
	verb          bool // tagged as a verb or auxiliary
}

// classify fills f.toks with the class of every word.
func (f *Finder) classify() {
	words := f.s.Words
	if cap(f.toks) < len(words) {
		f.toks = make([]tok, len(words))
	}
	f.toks = f.toks[:len(words)]
	if cap(f.dirs) < len(words) {
		f.dirs = make([]direction, len(words))
	}
	f.dirs = f.dirs[:len(words)]
	for i := range words {
		w := &words[i]
		f.toks[i] = f.classifyForm(w.Form)
		t := &f.toks[i]
		f.dirs[i] = 255
		if r, _ := utf8.DecodeRuneInString(w.Form); r >= 'A' && r <= 'Z' {
			t.cap = true
		}
		t.verb = w.UPOS == "VERB" || w.UPOS == "AUX"
	}
}

func (f *Finder) lower(s string) []byte {
	b := f.low[:0]
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= 'A' && c <= 'Z' {
			c += 'a' - 'A'
		}
		b = append(b, c)
	}
	f.low = b
	return b
}

// isDash reports whether s is a hyphen, en dash, em dash or double hyphen.
func isDash(s string) bool {
	return s == "-" || s == "–" || s == "—" || s == "--"
}

// cutDash splits s at its first hyphen or dash.
func cutDash(s string) (string, string, bool) {
	for i := 0; i < len(s); i++ {
		if s[i] == '-' {
			return s[:i], s[i+1:], true
		}
		if s[i] == 0xe2 && i+2 < len(s) && s[i+1] == 0x80 && (s[i+2] == 0x93 || s[i+2] == 0x94) {
			return s[:i], s[i+3:], true
		}
	}
	return s, "", false
}

// cutApostrophe removes a leading straight or curly apostrophe.
func cutApostrophe(s string) (string, bool) {
	if r, ok := strings.CutPrefix(s, "'"); ok {
		return r, true
	}
	return strings.CutPrefix(s, "’")
}

// digitsVal returns the value of an all-digit string of 1 to 9 digits.
func digitsVal(s string) (int, bool) {
	if s == "" || len(s) > 9 {
		return 0, false
	}
	v := 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c < '0' || c > '9' {
			return 0, false
		}
		v = v*10 + int(c-'0')
	}
	return v, true
}

func (f *Finder) classifyForm(form string) tok {
	switch form {
	case ",":
		return tok{k: kComma}
	case ".":
		return tok{k: kPeriod}
	}
	if isDash(form) {
		return tok{k: kDash}
	}
	if e, ok := lexicon[string(f.lower(form))]; ok {
		return tok{k: e.k, kw: e.kw, unit: e.unit, val: e.val}
	}
	if v, ok := digitsVal(form); ok {
		return tok{k: kNum, val: v, digits: len(form)}
	}
	// "'73", "’05": a two-digit year, in the century that puts it no later
	// than a year after the article date.
	if short, ok := cutApostrophe(form); ok && len(short) == 2 {
		if v, ok := digitsVal(short); ok {
			y := f.day.Year() - f.day.Year()%100 + v
			if y > f.day.Year()+1 {
				y -= 100
			}
			return tok{k: kNum, val: y, digits: 4}
		}
	}
	if t, ok := classifyNumeric(form); ok {
		return t
	}
	// "mid-November", "early-2022", "late-1990s".
	if a, b, ok := cutDash(form); ok && b != "" {
		var p part
		switch string(f.lower(a)) {
		case "mid":
			p = partMid
		case "early":
			p = partEarly
		case "late":
			p = partLate
		}
		if p != partNone {
			t := f.classifyForm(b)
			switch t.k {
			case kMonth, kDecade, kOrd:
			case kNum:
				if t.digits != 4 {
					return tok{}
				}
			default:
				return tok{}
			}
			if t.part != partNone {
				return tok{}
			}
			t.part = p
			return t
		}
		// "twenty-five"
		ea, oka := lexicon[string(f.lower(a))]
		eb, okb := lexicon[string(f.lower(b))]
		if oka && okb && ea.k == kNum && eb.k == kNum && ea.val >= 20 && ea.val%10 == 0 && eb.val < 10 && eb.val > 0 {
			return tok{k: kNum, val: ea.val + eb.val}
		}
		if oka && okb && ea.k == kNum && eb.k == kOrd && ea.val >= 20 && ea.val%10 == 0 && eb.val < 10 {
			return tok{k: kOrd, val: ea.val + eb.val}
		}
	}
	return tok{}
}

// classifyNumeric recognises numerals with punctuation or suffixes: ordinals
// ("15th"), decades ("1990s", "'90s", "1990's"), ranges ("1830-1962",
// "1990-95", "15-17") and ISO dates ("2022-11-15", "2022/11/15").
func classifyNumeric(form string) (tok, bool) {
	n := len(form)
	if n < 3 {
		return tok{}, false
	}
	// Ordinals.
	if n <= 4 {
		suf := form[n-2:]
		if suf == "st" || suf == "nd" || suf == "rd" || suf == "th" {
			if v, ok := digitsVal(form[:n-2]); ok {
				return tok{k: kOrd, val: v}, true
			}
		}
	}
	// Decades.
	body := ""
	switch {
	case strings.HasSuffix(form, "'s"):
		body = form[:n-2]
	case strings.HasSuffix(form, "’s"):
		body = form[:n-len("’s")]
	case form[n-1] == 's':
		body = form[:n-1]
	}
	if body != "" {
		if v, ok := digitsVal(body); ok && len(body) == 4 && v%10 == 0 {
			return tok{k: kDecade, val: v, digits: 4}, true
		}
		short := strings.TrimPrefix(strings.TrimPrefix(body, "'"), "’")
		if short != body {
			if v, ok := digitsVal(short); ok && len(short) == 2 && v%10 == 0 {
				// '90s → 1990s; '20s → 2020s.
				y := 1900 + v
				if v < 30 {
					y = 2000 + v
				}
				return tok{k: kDecade, val: y, digits: 2}, true
			}
		}
	}
	// ISO dates with slashes.
	if n == 10 && form[4] == '/' && form[7] == '/' {
		y, ok1 := digitsVal(form[:4])
		m, ok2 := digitsVal(form[5:7])
		d, ok3 := digitsVal(form[8:])
		if ok1 && ok2 && ok3 {
			return tok{k: kISO, val: y, val2: m, v3: d}, true
		}
	}
	a, b, ok := cutDash(form)
	if !ok {
		return tok{}, false
	}
	va, oka := digitsVal(a)
	if !oka {
		return tok{}, false
	}
	if b2, c, ok := cutDash(b); ok && len(a) == 4 && len(b2) == 2 && len(c) == 2 {
		m, ok2 := digitsVal(b2)
		d, ok3 := digitsVal(c)
		if ok2 && ok3 {
			return tok{k: kISO, val: va, val2: m, v3: d}, true
		}
		return tok{}, false
	}
	vb, okb := digitsVal(b)
	if !okb {
		return tok{}, false
	}
	switch {
	case len(a) == 4 && len(b) == 4:
		return tok{k: kNumRange, val: va, val2: vb, digits: 4}, true
	case len(a) == 4 && len(b) == 2:
		// 1990-95 → 1990-1995
		return tok{k: kNumRange, val: va, val2: va - va%100 + vb, digits: 4}, true
	case len(a) <= 2 && len(b) <= 2:
		return tok{k: kNumRange, val: va, val2: vb, digits: len(a)}, true
	}
	return tok{}, false
}

// t returns the class of word i, or an empty class outside the sentence.
func (f *Finder) t(i int) tok {
	if i < 0 || i >= len(f.toks) {
		return tok{}
	}
	return f.toks[i]
}

func (f *Finder) isKw(i int, kw keyword) bool {
	t := f.t(i)
	return t.k == kKeyword && t.kw == kw
}

// is reports whether word i is the lower-case word w (ASCII letters).
func (f *Finder) is(i int, w string) bool {
	return i >= 0 && i < len(f.s.Words) && strings.EqualFold(f.s.Words[i].Form, w)
}

// isYear reports whether word i is a plausible year numeral.
func (f *Finder) isYear(i int) bool {
	t := f.t(i)
	return t.k == kNum && t.digits == 4 && t.val >= 1000 && t.val <= 2199 && t.part == partNone
}
