package coder

import (
	"github.com/eventwire/eventwire/internal/dict"
	"github.com/eventwire/eventwire/internal/nlp"
)

// Scratch holds the per-goroutine buffers of a Coder. It is reused across
// sentences so that coding does not allocate per word. Not safe for
// concurrent use.
type Scratch struct {
	s *nlp.Sentence
	// sent and words hold a repaired copy of the sentence (misparse.go);
	// s then points to sent
	sent  nlp.Sentence
	words []nlp.Word
	low   []string // lower-case forms, slices of lowBuf's string
	lemma []string // lower-case lemmas
	buf   []byte
	// children in CSR form: kids[kidStart[i]:kidStart[i+1]] are the 0-based
	// indices of the dependents of word i, in sentence order
	kidStart []int
	kids     []int
	fill     []int

	actorAt []int32 // word → index in mentions of the actor phrase covering it, -1
	agentAt []int32 // word → index in agentMentions, -1
	actors  []mention
	agents  []mention

	refs     []dict.PhraseRef
	next     []string   // the words a phrase's second word may match (nextWords)
	np       []actorRef // scratch for noun phrase resolution
	srcs     []actorRef
	tgts     []actorRef
	seen     []bool // NP resolution guard
	verbEvt  []int  // word → index of the first event of the verb at that word in out, -1
	consumed []bool // word → a verb coded by the pattern of an earlier verb
	path     []int  // scratch for a path in the tree (misparse.go)
	adjPred  []bool // word → coded as a predicate adjective of the dictionary ("critical(a)"): active voice
	act      string // the code of the verb being emitted, before an intent rewrites it ("" in noun events)
	speaker  []int  // speech verb word → 1 + the word heading its reported clause, 0
	prevAnte []actorRef
	// prevSpeech is the range of prevAnte holding subjects of speech verbs
	prevSpeech [2]int
	curAnte    []actorRef

	// document-level entities (discourse.go), kept by CodeDocument only
	docOn        bool
	hosts        []actorRef // the host of the gathering named hostNoun
	hostNoun     string
	authors      []actorRef // the author of the statement named authorNoun
	authorNoun   string
	agentCountry []actorRef     // the latest actor with a country for each agent
	attackers    []actorRef     // the sources of the latest violent event (roots 18–20)
	accusers     []actorRef     // the sources of the latest accusation or criticism (root 11)
	accused      []string       // the countries that accusation was made against
	deeds        [maxDeeds]deed // the latest acts of the document, a ring (discourse.go)
	deedN        int            // acts recorded; the latest is deeds[(deedN-1)%maxDeeds]
	deedRefs     []actorRef     // scratch for the doers of an act being recorded
	shortNames   []shortName
	titled       []titledName // names of people introduced with a coded title
	pair         []actorRef   // the two parties of the latest sentence with two ("the two leaders")
	pairNext     []actorRef   // the pair of the sentence being coded
	quoteOpen    bool
	speakers     []actorRef // the speaker of the open quotation
	stated       []actorRef // who made a statement in the sentence before, outside quotations
	addressees   []actorRef // "you" in the open quotation
	inQuote      []bool     // word → inside a quotation
	dnp          []actorRef // scratch for discourse entities

	date  dict.Date
	verb  int  // the verb whose pattern is being matched
	venue bool // the act being coded has a venue (roles.go wherePlace)
	// judging is set while the target of a judgement of an act (codes.go
	// judgingCode) is found: it is the act's doer (roles.go targets)
	judging bool
	// skippedAt is the modifier the last phraseAt skipped inside a name,
	// -1 for none (actors.go)
	skippedAt   int
	discardRule string
	rebuilt     string // sentence text rebuilt from the words
	tr          *Trace

	// the verb pattern words the sentence has (prefilter.go): word id →
	// wordStamp when present; wordsMarked is cleared when low or lemma change
	wordMark    []uint32
	wordStamp   uint32
	wordsMarked bool
	// the ids of each word's form and lemma among the pattern words, -1
	wordLow, wordLemma []int32
	// what each word starts in the dictionaries (actors.go startsOf),
	// valid while startsOK
	starts   []dict.Starts
	startsOK bool
}

// mention is a dictionary phrase found in the sentence: words [first, end).
type mention struct {
	first, end int
	entry      int // index in Set.Actors or Set.Agents
}

// shortName is one word of a person's full name named earlier in the
// document, which alone refers to the person (actors.go addShortNames).
type shortName struct {
	word  string
	entry int
}

// titledName is one word of the name of a person the document introduced
// with a title the dictionaries code ("US Defense Secretary Robert Gates":
// gates → USAGOV), which alone refers to the person later ("Gates said").
type titledName struct {
	word string
	code string
}

// actorRef is a coded actor in the sentence.
type actorRef struct {
	code        string
	first, last int // 0-based words of the phrase
	head        int
	actor       int // Set.Actors index or -1
	agent       int // Set.Agents index or -1
	mod         int // the modifier word that carried the country, -1
	// ante is 1 + the head of a pronoun's antecedent phrase in the same
	// sentence, 0 for none (the phrase span of Options.PhraseSpans)
	ante int
}

// NewScratch returns the buffers for one goroutine.
func (c *Coder) NewScratch() *Scratch { return &Scratch{} }

// Reset forgets the previous sentence (call it between documents).
func (sc *Scratch) Reset() { sc.resetDoc() }

func (sc *Scratch) resetDoc() {
	sc.prevAnte = sc.prevAnte[:0]
	sc.prevSpeech = [2]int{}
	sc.curAnte = sc.curAnte[:0]
	sc.hosts, sc.hostNoun = sc.hosts[:0], ""
	sc.authors, sc.authorNoun = sc.authors[:0], ""
	sc.agentCountry = sc.agentCountry[:0]
	sc.attackers = sc.attackers[:0]
	sc.accusers = sc.accusers[:0]
	sc.accused = sc.accused[:0]
	sc.deedN = 0
	sc.shortNames = sc.shortNames[:0]
	sc.titled = sc.titled[:0]
	sc.pair, sc.pairNext = sc.pair[:0], sc.pairNext[:0]
	sc.quoteOpen = false
	sc.speakers = sc.speakers[:0]
	sc.stated = sc.stated[:0]
	sc.addressees = sc.addressees[:0]
}

// prepare fills the per-sentence buffers: lower-case forms and lemmas (one
// string allocation per sentence), dependents, and clears the mention maps.
func (sc *Scratch) prepare(s *nlp.Sentence) {
	sc.s = s
	sc.rebuilt = ""
	sc.wordsMarked, sc.startsOK = false, false
	n := len(s.Words)
	sc.buf = sc.buf[:0]
	for i := range s.Words {
		sc.buf = appendLower(sc.buf, s.Words[i].Form)
		sc.buf = appendLower(sc.buf, s.Words[i].Lemma)
	}
	all := string(sc.buf) // the one allocation: every slice below shares it
	sc.low = grow(sc.low, n)
	sc.lemma = grow(sc.lemma, n)
	off := 0
	for i := range s.Words {
		l := lowerLen(s.Words[i].Form)
		sc.low[i] = all[off : off+l]
		off += l
		l = lowerLen(s.Words[i].Lemma)
		sc.lemma[i] = all[off : off+l]
		off += l
		if sc.lemma[i] == "_" || sc.lemma[i] == "" {
			sc.lemma[i] = sc.low[i]
		}
		if c := currencyLemma(sc.lemma[i]); c != "" {
			sc.lemma[i] = c // "gave $2 million": "$" heads the amount
		}
	}
	sc.index()
	sc.actorAt = growInt32(sc.actorAt, n)
	sc.agentAt = growInt32(sc.agentAt, n)
	for i := 0; i < n; i++ {
		sc.actorAt[i], sc.agentAt[i] = -1, -1
	}
	sc.actors = sc.actors[:0]
	sc.agents = sc.agents[:0]
	sc.seen = growBool(sc.seen, n)
	sc.consumed = growBool(sc.consumed, n)
	sc.adjPred = growBool(sc.adjPred, n)
	sc.speaker = growInt(sc.speaker, n)
	for i := range sc.speaker {
		sc.speaker[i] = 0
	}
	sc.verbEvt = growInt(sc.verbEvt, n)
	for i := 0; i < n; i++ {
		sc.verbEvt[i] = -1
	}
}

// capitalUS reads "US" written in capitals as the country, not the
// pronoun: "sanctions on US defense companies", "US forces struck
// militias" (the dictionaries list "U.S." and "the US"; PETRARCH's reading,
// Options.Literal, keeps the word as written).
func (sc *Scratch) capitalUS() {
	for i := range sc.s.Words {
		if sc.s.Words[i].Form == "US" && sc.s.Words[i].UPOS != "PRON" {
			sc.low[i], sc.lemma[i] = "u.s.", "u.s."
			sc.wordsMarked, sc.startsOK = false, false
		}
	}
}

// index fills the dependents of every word from the heads of sc.s.
func (sc *Scratch) index() {
	s := sc.s
	n := len(s.Words)
	sc.kidStart = growInt(sc.kidStart, n+1)
	sc.fill = growInt(sc.fill, n)
	for i := range sc.kidStart {
		sc.kidStart[i] = 0
	}
	for i := range s.Words {
		h := s.Words[i].Head
		if h >= 1 && h <= n {
			sc.kidStart[h]++ // counts shifted by one
		}
	}
	for i := 1; i <= n; i++ {
		sc.kidStart[i] += sc.kidStart[i-1]
	}
	sc.kids = growInt(sc.kids, sc.kidStart[n])
	copy(sc.fill, sc.kidStart[:n])
	for i := range s.Words {
		h := s.Words[i].Head
		if h >= 1 && h <= n {
			sc.kids[sc.fill[h-1]] = i
			sc.fill[h-1]++
		}
	}
}

// children returns the dependents of word i (0-based).
func (sc *Scratch) children(i int) []int { return sc.kids[sc.kidStart[i]:sc.kidStart[i+1]] }

// head returns the 0-based head of word i, -1 for the root or a bad head.
func (sc *Scratch) head(i int) int {
	h := sc.s.Words[i].Head
	if h < 1 || h > len(sc.s.Words) {
		return -1
	}
	return h - 1
}

// rel returns the dependency label of word i without its subtype.
func (sc *Scratch) rel(i int) string {
	d := sc.s.Words[i].Deprel
	for k := 0; k < len(d); k++ {
		if d[k] == ':' {
			return d[:k]
		}
	}
	return d
}

// caseOf returns the lower-case preposition ("case" dependent) of word i, "".
func (sc *Scratch) caseOf(i int) string {
	for _, k := range sc.children(i) {
		if sc.s.Words[k].Deprel == "case" {
			return sc.low[k]
		}
	}
	return ""
}

func appendLower(b []byte, s string) []byte {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= 'A' && c <= 'Z' {
			c += 'a' - 'A'
		}
		b = append(b, c)
	}
	return b
}

// lowerLen is the length appendLower gives s (ASCII folding keeps lengths).
func lowerLen(s string) int { return len(s) }

func grow(s []string, n int) []string {
	if cap(s) < n {
		return make([]string, n)
	}
	return s[:n]
}

func growInt(s []int, n int) []int {
	if cap(s) < n {
		return make([]int, n, n+n/2)
	}
	return s[:n]
}

func growInt32(s []int32, n int) []int32 {
	if cap(s) < n {
		return make([]int32, n, n+n/2)
	}
	return s[:n]
}

func growBool(s []bool, n int) []bool {
	if cap(s) < n {
		return make([]bool, n, n+n/2)
	}
	s = s[:n]
	for i := range s {
		s[i] = false
	}
	return s
}

// currencyLemma returns the word for a currency symbol that heads an
// amount ("$2 million", "€20 million", "US$5 billion"), so that patterns
// name money by words: "dollar", "euro", "pound", "yen"; "" for others.
func currencyLemma(l string) string {
	switch l {
	case "$", "us$", "a$", "c$":
		return "dollar"
	case "€":
		return "euro"
	case "£":
		return "pound"
	case "¥":
		return "yen"
	}
	return ""
}
