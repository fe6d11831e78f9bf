// Package tokenize splits raw text into sentences and UD-style words with
// byte offsets into the text.
//
// Tokenization follows the conventions of the UD English Web Treebank (EWT),
// on which it is measured: punctuation is split from words; clitics become
// multiword tokens ("don't" → do n't, "France's" → France 's, "cannot" → can
// not, "gonna" → gon na); hyphenated words are split into word - word except
// after common prefixes (co-, pre-, non-...) and in phone numbers; numbers keep
// their decimal points and thousands separators; abbreviations (U.S., Gen.,
// Jan., Inc.) and initials keep their period; URLs, e-mail addresses, hashtags,
// emoticons, ellipses and runs of ! and ? stay one token. Unicode quotes,
// dashes and spaces (including non-breaking spaces) are handled like their
// ASCII counterparts.
//
// Sentence boundaries are decided at every gap between tokens by a small
// averaged-perceptron classifier trained on EWT (see the train command) with a
// few hard rules: a blank line always ends a sentence, and a sentence never
// ends inside a token.
package tokenize

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/eventwire/eventwire/internal/nlp"
)

// token is one surface token: text[start:end]. When split > start the token
// is a multiword token of two words, text[start:split] and text[split:end].
type token struct {
	start, end, split int
}

// Tokenizer splits text into sentences and words. It keeps scratch buffers
// between calls, so it is not safe for concurrent use; use one per goroutine.
// The zero value is not usable; call New.
type Tokenizer struct {
	toks  []token
	model *model
	feats []uint64
	left  []int
	ends  []bool
	cuts  []byte // per token: the kind of cut limitLong made after it
}

// New returns a Tokenizer using the embedded sentence-boundary model.
func New() *Tokenizer {
	return &Tokenizer{model: defaultModel()}
}

// Tokenize splits text into sentences with a fresh Tokenizer. Use a Tokenizer
// to tokenize many texts.
func Tokenize(text string) []nlp.Sentence {
	return New().Tokenize(text)
}

// spaceAfterNo is the CoNLL-U MISC attribute of a token not followed by space.
const spaceAfterNo = "SpaceAfter=No"

// Tokenize splits text into sentences. Each sentence's Text is
// text[Start:End]; word offsets are byte offsets into text, and the words of a
// multiword token share the token's span. Word forms are substrings of text.
// A token directly followed by the next token of its sentence has
// MISC SpaceAfter=No (on the multiword token for a split token), as in
// CoNLL-U. The result is freshly allocated and owned by the caller; an empty
// or all-space text gives no sentences.
func (t *Tokenizer) Tokenize(text string) []nlp.Sentence {
	t.toks = scanTokens(text, t.toks[:0])
	toks := t.toks
	if len(toks) == 0 {
		return nil
	}
	nwords, nmw := 0, 0
	for i := range toks {
		nwords++
		if toks[i].split > toks[i].start {
			nwords++
			nmw++
		}
	}
	ends := t.boundaries(text, toks)
	t.cuts = limitLong(text, toks, ends, t.cuts)
	nsent := 0
	for _, e := range ends {
		if e {
			nsent++
		}
	}
	// three allocations per call: sentences, words and multiword tokens
	sents := make([]nlp.Sentence, 0, nsent)
	words := make([]nlp.Word, nwords)
	var mws []nlp.MultiWord
	if nmw > 0 {
		mws = make([]nlp.MultiWord, 0, nmw)
	}
	first := 0 // first token of the current sentence
	w := 0
	for i := range toks {
		if !ends[i] {
			continue
		}
		s := nlp.Sentence{Start: toks[first].start, End: toks[i].end}
		s.Text = text[s.Start:s.End]
		if c := t.cuts[i]; c != cutNone {
			s.Comments = []string{cutReason[c]}
		}
		w0, m0 := w, len(mws)
		for k := first; k <= i; k++ {
			tk := toks[k]
			misc := ""
			if k < i && toks[k+1].start == tk.end {
				misc = spaceAfterNo
			}
			if tk.split > tk.start {
				id := w - w0 + 1
				mws = append(mws, nlp.MultiWord{First: id, Last: id + 1,
					Form: text[tk.start:tk.end], Start: tk.start, End: tk.end, Misc: misc})
				words[w] = nlp.Word{ID: id, Form: text[tk.start:tk.split], Start: tk.start, End: tk.end}
				w++
				words[w] = nlp.Word{ID: id + 1, Form: text[tk.split:tk.end], Start: tk.start, End: tk.end}
				w++
				continue
			}
			words[w] = nlp.Word{ID: w - w0 + 1, Form: text[tk.start:tk.end], Start: tk.start, End: tk.end, Misc: misc}
			w++
		}
		s.Words = words[w0:w:w]
		if len(mws) > m0 {
			s.MultiWords = mws[m0:len(mws):len(mws)]
		}
		sents = append(sents, s)
		first = i + 1
	}
	return sents
}

// isSpace reports whether r separates tokens: Unicode white space, including
// non-breaking and zero-width spaces and the byte-order mark.
func isSpace(r rune) bool {
	if r < utf8.RuneSelf {
		return r == ' ' || r == '\t' || r == '\n' || r == '\r' || r == '\f' || r == '\v'
	}
	return unicode.IsSpace(r) || r == '\u200b' || r == '\ufeff' || r == utf8.RuneError
}

func isAlnum(r rune) bool {
	if r < utf8.RuneSelf {
		return r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9'
	}
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r)
}

func isDigit(b byte) bool { return b >= '0' && b <= '9' }

func isLetterByte(b byte) bool { return b >= 'a' && b <= 'z' || b >= 'A' && b <= 'Z' }

// runeAt decodes the rune at text[i:] (RuneError, 1 for a bad byte).
func runeAt(text string, i int) (rune, int) {
	if c := text[i]; c < utf8.RuneSelf {
		return rune(c), 1
	}
	return utf8.DecodeRuneInString(text[i:])
}

// scanTokens appends the tokens of text to toks.
func scanTokens(text string, toks []token) []token {
	i := 0
	for i < len(text) {
		r, sz := runeAt(text, i)
		if isSpace(r) {
			i += sz
			continue
		}
		j := i
		for j < len(text) {
			r, sz := runeAt(text, j)
			if isSpace(r) {
				break
			}
			j += sz
		}
		toks = scanChunk(text, i, j, toks)
		i = j
	}
	return toks
}

// scanChunk appends the tokens of the space-free chunk text[a:b].
func scanChunk(text string, a, b int, toks []token) []token {
	if n := emoticonLen(text[a:b]); n == b-a {
		return append(toks, token{a, b, a})
	}
	hasAt := strings.IndexByte(text[a:b], '@') >= 0
	i := a
	for i < b {
		if n := urlLen(text[i:b]); n > 0 {
			toks = append(toks, token{i, i + n, i})
			i += n
			continue
		}
		// an address starts a run of address characters; trying only there
		// keeps the scan linear
		if hasAt && (i == a || !isEmailByte(text[i-1])) {
			if n := emailLen(text[i:b]); n > 0 {
				toks = append(toks, token{i, i + n, i})
				i += n
				continue
			}
		}
		r, sz := runeAt(text, i)
		switch {
		case isAlnum(r):
			end := wordEnd(text, i, b)
			// plural possessive: parents'
			if end < b && text[end] == '\'' && end-i >= 2 && (text[end-1] == 's' || text[end-1] == 'S') {
				if end+1 == b {
					end++
				} else if r2, _ := runeAt(text, end+1); !isAlnum(r2) {
					end++
				}
			}
			split := cliticSplit(text, i, end)
			// a period that belongs to an abbreviation or initial
			if end < b && text[end] == '.' && split == i && isAbbrev(text, i, end, b) {
				end++
			}
			toks = append(toks, token{i, end, split})
			i = end
			continue
		case r == '!' || r == '?' || r == '.':
			// runs of final punctuation: ... !!! ?! .? ??.
			j := i
			for j < b && (text[j] == '!' || text[j] == '?' || text[j] == '.') {
				j++
			}
			toks = append(toks, token{i, j, i})
		case r == '-' || r == '=':
			// dashes and rules: -- ---- ----==
			j := i
			for j < b && (text[j] == '-' || text[j] == '=') {
				j++
			}
			toks = append(toks, token{i, j, i})
		case r == '#' || r == '@':
			// hashtags and user names: # or @ followed by a word
			j := i + 1
			for j < b {
				r2, sz2 := runeAt(text, j)
				if !isAlnum(r2) && r2 != '_' {
					break
				}
				j += sz2
			}
			if r == '@' && j > i+1 {
				// a bare domain: @paulhastings.com
				for j+1 < b && text[j] == '.' && isLetterByte(text[j+1]) {
					j++
					for j < b && (isLetterByte(text[j]) || isDigit(text[j]) || text[j] == '-') {
						j++
					}
				}
			}
			if j > i+1 && !isDigit(text[i+1]) {
				toks = append(toks, token{i, j, i})
				i = j
				continue
			}
			toks = append(toks, token{i, i + 1, i})
		case r == '\'' && i+1 < b && (i == a || !isAlnum(rune(text[i-1]))) && leadingClitic(text[i+1:b]) > 0:
			// 'em, 'n, '60s, '05
			n := 1 + leadingClitic(text[i+1:b])
			toks = append(toks, token{i, i + n, i})
		case r == '+' && i+1 < b && isDigit(text[i+1]):
			// +44: international dialling prefix
			j := i + 1
			for j < b && isDigit(text[j]) {
				j++
			}
			toks = append(toks, token{i, j, i})
		case r == '’' && i+sz < b && text[i:i+sz] == text[i+sz:min(b, i+2*sz)]:
			toks = append(toks, token{i, i + 2*sz, i})
		case r < utf8.RuneSelf && isRunSymbol(byte(r)):
			toks = append(toks, token{i, runEnd(text, i, b, byte(r)), i})
		case r == '…':
			toks = append(toks, token{i, i + sz, i})
		default:
			if n := emoticonLen(text[i:b]); n > 0 {
				toks = append(toks, token{i, i + n, i})
				i += n
				continue
			}
			toks = append(toks, token{i, i + sz, i})
		}
		i = toks[len(toks)-1].end
	}
	return toks
}

// runEnd returns the end of the run of byte c starting at i.
func runEnd(text string, i, b int, c byte) int {
	for i < b && text[i] == c {
		i++
	}
	return i
}

// wordEnd returns the end of the word starting at the alphanumeric text[a],
// within text[:b]. Connectors between alphanumerics join when the treebank
// keeps them inside a word: decimal and thousands separators, times, dates,
// abbreviations with inner periods, domain and file names, prefixes with a
// hyphen, phone numbers, apostrophes of names (O'Brien), & between capitals.
func wordEnd(text string, a, b int) int {
	i := a
	hyphen := false
	for i < b {
		r, sz := runeAt(text, i)
		if isAlnum(r) || r == '_' {
			if i > a && isDigit(text[i-1]) && isLetterByte(text[i]) && allDigits(text, a, i) {
				if n := unitLen(text[i:b]); n > 0 {
					return i
				}
			}
			i += sz
			continue
		}
		if i+sz >= b {
			break
		}
		next, nsz := runeAt(text, i+sz)
		if !isAlnum(next) {
			break
		}
		prevDigit := isDigit(text[i-1])
		nextDigit := next < utf8.RuneSelf && isDigit(byte(next))
		join := false
		switch r {
		case '.':
			join = true
		case ',':
			// thousands: exactly three digits follow
			// thousands (12,000) and decimal commas (3,40); not 4 digits or more
			if prevDigit && nextDigit {
				n := 0
				for k := i + 1; k < b && isDigit(text[k]); k++ {
					n++
				}
				join = n <= 3
			}
		case ':':
			join = prevDigit && nextDigit
		case '/':
			// b/c, w/o, l/c: single letters on both sides
			if isLetterByte(text[i-1]) && (i-1 == a || !isAlnumByte(text[i-2])) && next < utf8.RuneSelf && isLetterByte(byte(next)) &&
				(i+2 >= b || !isAlnumByte(text[i+2])) {
				join = true
				break
			}
			// dates and 9/11 stay whole; fractions 1/2, 3/4 split
			join = prevDigit && nextDigit && !(i-a == 1 && (i+2 >= b || !isDigit(text[i+2]) && text[i+2] != '/'))
		case '-':
			join = hyphenJoins(text, a, i, b, hyphen)
			hyphen = hyphen || join
		case '&':
			join = isUpperByte(text[i-1]) && next < utf8.RuneSelf && isUpperByte(byte(next))
		case '\'', '’', '`':
			if isCliticAt(text, i, sz, b) {
				// the clitic ends the word: take its letters and stop
				k := i + sz
				for k < b && isLetterByte(text[k]) {
					k++
				}
				return k
			}
			join = isLetterByte(text[i-1]) || text[i-1] >= utf8.RuneSelf
		}
		if !join {
			break
		}
		i += sz + nsz
	}
	return i
}

func isUpperByte(c byte) bool { return c >= 'A' && c <= 'Z' }

// hyphenJoins decides whether the hyphen at text[h] inside the word starting at
// a stays in the word; hyphen tells whether the word already holds one.
func hyphenJoins(text string, a, h, b int, hyphen bool) bool {
	// phone numbers and number codes: 713-853-3989, 646-8420, 1-800-...
	if isDigit(text[h-1]) && h+1 < b && isDigit(text[h+1]) {
		left := 0
		for k := h - 1; k >= a && isDigit(text[k]); k-- {
			left++
		}
		right := 0
		for k := h + 1; k < b && isDigit(text[k]); k++ {
			right++
		}
		after := h + 1 + right
		if left == 3 && right == 4 || left == 1 && right == 4 || right == 3 && left == 1 || left == 3 && right == 3 && after < b && text[after] == '-' {
			return true
		}
		// a second hyphen group (dates 11-20-2000): keep when the left part
		// already holds a hyphen
		return hyphen
	}
	// hyphen after a known prefix at the start of the word
	if h-a > 5 {
		return false
	}
	var buf [5]byte
	n := 0
	for k := a; k < h; k++ {
		c := text[k]
		if !isLetterByte(c) {
			return false
		}
		buf[n] = c | 0x20
		n++
	}
	switch string(buf[:n]) {
	case "e", "co", "pre", "post", "non", "re", "semi", "pro", "mid", "multi", "anti", "ex", "inter", "intra",
		"sub", "un", "over", "counter", "cyber", "mini", "micro", "macro", "bi", "tri", "neo", "pseudo", "quasi":
		return true
	}
	return false
}

// isCliticAt reports whether the apostrophe at text[i] (of size sz) starts an
// English clitic that ends the word: 's 're 've 'll 'd 'm, or n't when
// text[i-1] is n.
func isCliticAt(text string, i, sz, b int) bool {
	j := i + sz
	k := j
	for k < b && isLetterByte(text[k]) {
		k++
	}
	if k < b {
		if r, _ := runeAt(text, k); isAlnum(r) {
			return false
		}
	}
	switch lower2(text[j:k]) {
	case "s", "re", "ve", "ll", "d", "m":
		return true
	case "t":
		return text[i-1] == 'n' || text[i-1] == 'N'
	}
	return false
}

// lower2 returns s when it is at most two ASCII letters long, lower-cased
// without allocating for the few clitic spellings; otherwise "".
func lower2(s string) string {
	switch len(s) {
	case 1:
		switch s[0] | 0x20 {
		case 's':
			return "s"
		case 'd':
			return "d"
		case 'm':
			return "m"
		case 't':
			return "t"
		}
	case 2:
		c0, c1 := s[0]|0x20, s[1]|0x20
		switch {
		case c0 == 'r' && c1 == 'e':
			return "re"
		case c0 == 'v' && c1 == 'e':
			return "ve"
		case c0 == 'l' && c1 == 'l':
			return "ll"
		}
	}
	return ""
}

// cliticSplit returns where the word text[a:e] splits into a host and a
// clitic, or a when it does not split.
func cliticSplit(text string, a, e int) int {
	w := text[a:e]
	// plural possessive: parents'
	if len(w) >= 3 && (w[len(w)-1] == '\'') && (w[len(w)-2] == 's' || w[len(w)-2] == 'S') {
		return e - 1
	}
	// apostrophe clitics: find the last apostrophe
	for k := len(w) - 1; k > 0; k-- {
		c := w[k]
		if c == '\'' || c == '`' {
			return apostropheSplit(text, a, a+k, e, 1)
		}
		if c == 0x99 && k >= 2 && w[k-2] == 0xe2 && w[k-1] == 0x80 { // ’
			return apostropheSplit(text, a, a+k-2, e, 3)
		}
		if !isLetterByte(c) || len(w)-k > 3 {
			break
		}
	}
	return bareSplit(w, a)
}

func apostropheSplit(text string, a, q, e, sz int) int {
	if q == a {
		return a
	}
	if !isCliticAt(text, q, sz, e) {
		return a
	}
	if q+sz < e && (text[q+sz] == 't' || text[q+sz] == 'T') {
		// n't: the split is before the n
		if q-1 == a {
			return a
		}
		return q - 1
	}
	return q
}

// bareSplit handles clitics written without an apostrophe, as EWT splits
// them: cannot, gonna, wanna, gotta, dont, cant, wont, im, ive...
func bareSplit(w string, a int) int {
	if len(w) < 2 || len(w) > 7 {
		return a
	}
	var buf [7]byte
	for k := 0; k < len(w); k++ {
		c := w[k]
		if !isLetterByte(c) {
			return a
		}
		buf[k] = c | 0x20
	}
	l := string(buf[:len(w)])
	switch l {
	case "cannot":
		return a + 3
	case "gonna", "wanna", "gotta":
		return a + 3
	case "alot":
		return a + 1
	case "dont", "didnt", "doesnt", "isnt", "wasnt", "werent", "arent", "couldnt", "wouldnt", "shouldnt",
		"havent", "hasnt", "hadnt", "cant", "wont", "aint":
		return a + len(w) - 2
	case "im":
		return a + 1
	case "ive":
		return a + 1
	case "youre", "theyre":
		return a + len(w) - 2
	case "thats", "whats", "theres", "heres":
		return a + len(w) - 1
	}
	return a
}

// abbreviations whose period belongs to the word (compared case-sensitively).
var abbrevs = map[string]bool{
	"Mr": true, "Mrs": true, "Ms": true, "Dr": true, "Prof": true, "Gen": true, "Col": true, "Lt": true, "Sgt": true,
	"Capt": true, "Maj": true, "Adm": true, "Cmdr": true, "Gov": true, "Sen": true, "Sens": true, "Rep": true, "Reps": true,
	"Rev": true, "Hon": true, "Pres": true, "Supt": true, "Atty": true, "St": true, "Jr": true, "Sr": true, "Inc": true,
	"Corp": true, "Co": true, "Ltd": true, "Bros": true, "Assn": true, "Dept": true, "Univ": true, "vs": true, "etc": true,
	"Jan": true, "Feb": true, "Mar": true, "Apr": true, "Jun": true, "Jul": true, "Aug": true, "Sep": true, "Sept": true,
	"Oct": true, "Nov": true, "Dec": true, "Mon": true, "Tue": true, "Tues": true, "Wed": true, "Thu": true, "Thur": true,
	"Thurs": true, "Fri": true, "Sat": true, "approx": true, "dept": true, "est": true, "fig": true, "al": true,
	"cf": true, "Mt": true, "Ft": true, "Ave": true, "Blvd": true, "Rd": true, "Hwy": true, "pp": true, "vol": true,
	"Vol": true, "ext": true, "Ext": true, "Attn": true, "attn": true, "yrs": true, "mins": true, "hrs": true,
	"lbs": true, "oz": true, "Calif": true, "Mass": true, "Conn": true, "Penn": true, "Ariz": true, "Tenn": true,
	"Fla": true, "Ill": true, "Mich": true, "Minn": true, "Wash": true, "Wis": true, "Okla": true, "Nev": true, "Va": true,
	"La": true, "Ky": true, "Md": true, "Ga": true, "Ala": true, "Colo": true, "Ore": true, "Ph": true, "esp": true,
	"eg": true, "ie": true, "arrv": true, "Arrv": true, "Sun": true, "Messrs": true, "Mme": true, "No": true, "Nos": true,
}

// isAbbrev reports whether the word text[a:e], followed by a period at
// text[e], is an abbreviation or initial that keeps the period.
func isAbbrev(text string, a, e, b int) bool {
	w := text[a:e]
	// a sentence-final period is written once: at the end of a paragraph the
	// treebank splits it from the abbreviation
	k := e + 1
	for k < len(text) && (text[k] == ' ' || text[k] == '\t') {
		k++
	}
	if k == len(text) || text[k] == '\n' || text[k] == '\r' {
		return false
	}
	if len(w) == 1 && isLetterByte(w[0]) {
		return w[0] != 'I' // initial: J. or a list letter a.; I. is the pronoun
	}
	hasDot := false
	for k := 0; k < len(w); k++ {
		if w[k] == '.' {
			hasDot = true
			break
		}
	}
	if hasDot {
		// U.S, e.g, a.m, Ph.D: letters and periods only, no part longer than 2
		run := 0
		for k := 0; k < len(w); k++ {
			switch c := w[k]; {
			case c == '.':
				run = 0
			case isLetterByte(c):
				run++
				if run > 3 {
					return false
				}
			default:
				return false
			}
		}
		return true
	}
	if !abbrevs[w] {
		return false
	}
	switch w {
	case "No", "Nos":
		// No. only before a number
		return isDigit(text[k])
	case "etc", "Sun", "Sat", "Wed", "Mass", "Ill", "Wash", "Ore":
		// words that often end a sentence: not before a capital
		return !isUpperByte(text[k])
	}
	return true
}

// urlLen returns the length of a URL at the start of s, or 0.
func urlLen(s string) int {
	if !(hasPrefixFold(s, "http://") || hasPrefixFold(s, "https://") || hasPrefixFold(s, "ftp://") ||
		hasPrefixFold(s, "www.") || hasPrefixFold(s, "mailto:")) {
		return 0
	}
	n := len(s)
	open := 0
	for k := 0; k < n; k++ {
		if s[k] == '(' {
			open++
		}
	}
	for n > 0 {
		switch s[n-1] {
		case '.', ',', ';', ':', '!', '?', '\'', '"', ']', '>':
			n--
			continue
		case ')':
			if open == 0 {
				n--
				continue
			}
		}
		break
	}
	if n < 5 {
		return 0
	}
	return n
}

// emailLen returns the length of an e-mail address at the start of s, or 0.
func emailLen(s string) int {
	at := -1
	for k := 0; k < len(s); k++ {
		c := s[k]
		if c == '@' {
			at = k
			break
		}
		if !isEmailByte(c) {
			return 0
		}
	}
	if at < 1 || !(isLetterByte(s[0]) || isDigit(s[0])) {
		return 0
	}
	// the domain: EWT keeps Rice@ENRON whole as well, so no dot is required
	k := at + 1
	for k < len(s) {
		c := s[k]
		if c == '.' && k+1 < len(s) && (isLetterByte(s[k+1]) || isDigit(s[k+1])) {
			k++
			continue
		}
		if !(isLetterByte(c) || isDigit(c) || c == '-' || c == '_') {
			break
		}
		k++
	}
	if k == at+1 {
		return 0
	}
	return k
}

func hasPrefixFold(s, p string) bool {
	if len(s) < len(p) {
		return false
	}
	for k := 0; k < len(p); k++ {
		if s[k]|0x20 != p[k] && s[k] != p[k] {
			return false
		}
	}
	return true
}

// emoticonLen returns the length of an emoticon at the start of s, or 0.
func emoticonLen(s string) int {
	if len(s) < 2 {
		return 0
	}
	c := s[0]
	if c != ':' && c != ';' && c != '=' && c != '8' && c != 'X' && c != 'x' {
		if c == '<' && len(s) >= 2 && s[1] == '3' {
			return 2
		}
		return 0
	}
	k := 1
	if s[k] == '-' || s[k] == '\'' || s[k] == 'o' {
		k++
	}
	if k >= len(s) {
		return 0
	}
	switch s[k] {
	case ')', '(', 'D', 'P', 'p', '/', '|', ']', '[', 'O', 'o', '*', '$', '@', '3':
		if c == '8' || c == 'X' || c == 'x' {
			// 8) and x) are more often list items than faces
			if s[k] != 'D' && s[k] != 'P' && s[k] != 'p' {
				return 0
			}
			if k+1 < len(s) && isAlnum(rune(s[k+1])) {
				return 0
			}
		}
		if (s[k] == 'D' || s[k] == 'P' || s[k] == 'p' || s[k] == 'O' || s[k] == 'o' || s[k] == '3') && k+1 < len(s) && isAlnum(rune(s[k+1])) {
			return 0 // :Distance
		}
		k++
		for k < len(s) && (s[k] == ')' || s[k] == '(') && s[k] == s[k-1] {
			k++
		}
		return k
	}
	return 0
}

// allDigits reports whether text[a:e] holds only digits, ':' and '.'.
func allDigits(text string, a, e int) bool {
	for k := a; k < e; k++ {
		if !isDigit(text[k]) && text[k] != ':' && text[k] != '.' {
			return false
		}
	}
	return true
}

// unitLen returns the length of a unit or time suffix written against a
// number (5pm, 10k, 35mm), which the treebank splits off, or 0.
func unitLen(s string) int {
	n := 0
	for n < len(s) && isLetterByte(s[n]) {
		n++
	}
	if n < len(s) {
		if r, _ := runeAt(s, n); isAlnum(r) {
			return 0
		}
	}
	var buf [4]byte
	if n > len(buf) {
		return 0
	}
	for k := 0; k < n; k++ {
		buf[k] = s[k] | 0x20
	}
	switch string(buf[:n]) {
	case "am", "pm", "k", "m", "mm", "cm", "km", "ft", "kg", "lb", "lbs", "mb", "gb", "kb", "mph", "hr", "hrs", "yr", "yrs",
		"min", "mins", "sec", "secs":
		return n
	}
	return 0
}

// isRunSymbol reports whether a run of the symbol c is one token (====, ***,
// >>, ”, “).
func isRunSymbol(c byte) bool {
	switch c {
	case '=', '_', '*', '<', '>', '+', '~', '^', ')', '\'', '`', '#', '$', '&', '|', ',', ':', ';':
		return true
	}
	return false
}

// leadingClitic returns the length of a word after a leading apostrophe that
// the treebank keeps with it ('em, 'n, '60s, '05), or 0.
func leadingClitic(s string) int {
	n := 0
	for n < len(s) && (isLetterByte(s[n]) || isDigit(s[n])) {
		n++
	}
	if n < len(s) {
		if r, _ := runeAt(s, n); isAlnum(r) {
			return 0
		}
	}
	w := s[:n]
	switch {
	case w == "em" || w == "n" || w == "cause" || w == "til":
		return n
	case n == 2 && isDigit(w[0]) && isDigit(w[1]):
		return n
	case n == 3 && isDigit(w[0]) && isDigit(w[1]) && w[2] == 's':
		return n
	}
	return 0
}

func isEmailByte(c byte) bool {
	return isLetterByte(c) || isDigit(c) || c == '.' || c == '_' || c == '-' || c == '+' || c == '%'
}

func isAlnumByte(c byte) bool { return isLetterByte(c) || isDigit(c) || c >= utf8.RuneSelf }
