package corpusgen

import (
	"errors"
	"fmt"
	"math"
	"math/rand/v2"
	"sort"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/eventwire/eventwire/internal/cameo"
)

// Options configure Generate. Zero fields take the defaults, except the
// fractions of copies, where zero means none.
type Options struct {
	Articles     int     // documents in all, copies included (default 10,000)
	Republished  float64 // fraction that are verbatim copies under another outlet's URL (`eventwire corpusgen`: 0.05)
	Edited       float64 // fraction that are lightly edited copies (`eventwire corpusgen`: 0.05)
	Seed         uint64  // random seed (0 is a valid seed)
	Start        time.Time
	Days         int // originals are published on Start + [0, Days) (default 2024-01-01, 365 days)
	MinSentences int // sentences per original (default 5 to 25)
	MaxSentences int
}

func (o *Options) defaults() error {
	if o.Articles == 0 {
		o.Articles = 10000
	}
	if o.Start.IsZero() {
		o.Start = time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC)
	}
	if o.Days == 0 {
		o.Days = 365
	}
	if o.MinSentences == 0 {
		o.MinSentences = 5
	}
	if o.MaxSentences == 0 {
		o.MaxSentences = 25
	}
	switch {
	case o.Articles < 0:
		return fmt.Errorf("articles: %d is negative", o.Articles)
	case o.Republished < 0 || o.Edited < 0 || o.Republished+o.Edited >= 1:
		return fmt.Errorf("republished %g and edited %g: want fractions that sum to less than 1", o.Republished, o.Edited)
	case o.Days < 0:
		return fmt.Errorf("days: %d is negative", o.Days)
	case o.MinSentences < 1 || o.MaxSentences < o.MinSentences:
		return fmt.Errorf("sentences: want 1 <= min (%d) <= max (%d)", o.MinSentences, o.MaxSentences)
	}
	return nil
}

// Kinds of generated documents.
const (
	KindOriginal    = "original"
	KindRepublished = "republished" // the original's text, verbatim, under another outlet's URL
	KindEdited      = "edited"      // the original's text lightly edited, under another outlet's URL
)

// Article is one generated document: the JSON Lines fields eventwire
// ingest reads (id, title, url, source, published, text) and labels that
// ingest ignores (kind, copy_of, edits, topic, sentences).
type Article struct {
	ID        string   `json:"id"`
	Title     string   `json:"title"`
	URL       string   `json:"url"`
	Source    string   `json:"source"`
	Published string   `json:"published"`
	Text      string   `json:"text"`
	Kind      string   `json:"kind"`
	CopyOf    string   `json:"copy_of,omitempty"` // id of the original of a copy
	Edits     []string `json:"edits,omitempty"`   // what an edited copy changed
	Topic     string   `json:"topic"`             // CAMEO country code the article is about, "" for none
	Sentences int      `json:"sentences"`
}

// Summary counts what Generate made.
type Summary struct {
	Articles    int
	Originals   int
	Republished int
	Edited      int
	Sentences   int   // sentences in all documents
	TextBytes   int64 // bytes of text in all documents
	Topics      int   // countries with enough sentences to be an article's topic
}

func (s Summary) String() string {
	return fmt.Sprintf("%d articles: %d originals, %d re-published copies, %d edited copies; %d sentences, %.1f MiB of text, %d topics",
		s.Articles, s.Originals, s.Republished, s.Edited, s.Sentences, float64(s.TextBytes)/(1<<20), s.Topics)
}

// Outlets are the fictional publishers of the corpus; their domains are
// under the reserved .example top-level domain.
var Outlets = []struct{ Name, Domain string }{
	{"Meridian Wire", "meridianwire.example"}, {"Harbor Times", "harbortimes.example"},
	{"The Daily Ledger", "dailyledger.example"}, {"Northern Courier", "northerncourier.example"},
	{"Capital Report", "capitalreport.example"}, {"Global Dispatch", "globaldispatch.example"},
	{"Evening Standard Post", "eveningpost.example"}, {"Frontier News", "frontiernews.example"},
	{"Continental Herald", "continentalherald.example"}, {"The Observer Review", "observerreview.example"},
	{"World Desk", "worlddesk.example"}, {"Civic Gazette", "civicgazette.example"},
	{"Riverside Tribune", "riversidetribune.example"}, {"Atlas Press", "atlaspress.example"},
	{"The Bulletin", "bulletin.example"}, {"Summit Journal", "summitjournal.example"},
	{"Coastal Chronicle", "coastalchronicle.example"}, {"Metro Wire Service", "metrowire.example"},
	{"The Sentinel", "sentinel.example"}, {"Pacific Monitor", "pacificmonitor.example"},
	{"Union Examiner", "unionexaminer.example"}, {"Lantern News Agency", "lanternnews.example"},
	{"Crossroads Times", "crossroadstimes.example"}, {"The Record", "record.example"},
}

// substitutions are the word edits of an edited copy (the first occurrence
// of the left word, as a whole word, becomes the right one).
var substitutions = [][2]string{
	{"said", "stated"}, {"says", "states"}, {"told", "informed"}, {"around", "about"},
	{"more than", "over"}, {"people", "persons"}, {"killed", "left dead"}, {"also", "further"},
	{"however", "but"}, {"officials", "authorities"}, {"announced", "declared"}, {"after", "following"},
}

// aliases map demonyms and short names the country table lacks to CAMEO
// country codes (a word that starts with a country name, such as "Syrian"
// or "Iraqi", needs none).
var aliases = map[string]string{
	"us": "USA", "u.s.": "USA", "american": "USA", "americans": "USA", "washington": "USA",
	"britain": "GBR", "british": "GBR", "uk": "GBR", "london": "GBR",
	"palestinian": "PSE", "palestinians": "PSE", "gaza": "PSE", "afghan": "AFG", "kabul": "AFG",
	"ukrainian": "UKR", "kiev": "UKR", "kyiv": "UKR", "turkish": "TUR", "ankara": "TUR",
	"french": "FRA", "paris": "FRA", "german": "DEU", "berlin": "DEU", "chinese": "CHN", "beijing": "CHN",
	"saudi": "SAU", "riyadh": "SAU", "moscow": "RUS", "kremlin": "RUS", "tehran": "IRN", "baghdad": "IRQ",
	"damascus": "SYR", "jerusalem": "ISR", "cairo": "EGY", "egyptian": "EGY", "tripoli": "LBY",
	"nigerian": "NGA", "somali": "SOM", "mogadishu": "SOM", "sudanese": "SDN", "khartoum": "SDN",
	"filipino": "PHL", "philippine": "PHL", "manila": "PHL", "kashmir": "IND", "indian": "IND", "delhi": "IND",
	"lebanese": "LBN", "beirut": "LBN", "yemeni": "YEM", "sanaa": "YEM", "greek": "GRC", "athens": "GRC",
	"dutch": "NLD", "spanish": "ESP", "madrid": "ESP", "japanese": "JPN", "tokyo": "JPN",
	"pyongyang": "PRK", "seoul": "KOR", "korean": "KOR", "thai": "THA", "bangkok": "THA",
}

// countryNames returns the lower-cased word sequences naming each country:
// its table name up to a comma or parenthesis ("Korea, Republic of" →
// "korea").
func countryNames() map[string][][]string {
	m := map[string][][]string{}
	for c := range cameo.Countries() {
		if c.Region {
			continue
		}
		name := c.Name
		if i := strings.IndexAny(name, ",("); i >= 0 {
			name = name[:i]
		}
		ws := words(strings.ToLower(name))
		if len(ws) > 0 {
			m[c.Code] = append(m[c.Code], ws)
		}
	}
	return m
}

// words splits s into words of letters, digits, dots and apostrophes.
func words(s string) []string {
	return strings.FieldsFunc(s, func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != '.' && r != '\''
	})
}

// topicOf returns the CAMEO code of the country the sentence mentions most
// (the first mentioned on a tie), "" when it names none.
func topicOf(text string, names map[string][][]string, codes []string) string {
	ws := words(strings.ToLower(text))
	for i, w := range ws {
		ws[i] = strings.TrimRight(strings.TrimSuffix(w, "'s"), ".")
		if w == "u.s." {
			ws[i] = w
		}
	}
	count := map[string]int{}
	first := map[string]int{}
	hit := func(code string, at int) {
		if _, ok := first[code]; !ok {
			first[code] = at
		}
		count[code]++
	}
	for i, w := range ws {
		if code, ok := aliases[w]; ok {
			hit(code, i)
			continue
		}
		for _, code := range codes {
			for _, name := range names[code] {
				if matchName(ws[i:], name) {
					hit(code, i)
				}
			}
		}
	}
	best := ""
	for code, n := range count {
		if best == "" || n > count[best] || n == count[best] && first[code] < first[best] {
			best = code
		}
	}
	return best
}

// matchName reports whether ws starts with name, the last word of ws
// allowed to extend the name's last word by up to three letters (a demonym:
// "syrian", "iraqi", "israelis").
func matchName(ws, name []string) bool {
	if len(ws) < len(name) {
		return false
	}
	for j, n := range name {
		w := ws[j]
		if j < len(name)-1 {
			if w != n {
				return false
			}
			continue
		}
		if !strings.HasPrefix(w, n) || len(w)-len(n) > 3 || len(n) < 4 && w != n {
			return false
		}
	}
	return true
}

// pools groups the sentences by topic.
type pools struct {
	codes   []string              // topics in order, for deterministic draws
	byTopic map[string][]Sentence // topic → its sentences
	general []Sentence            // sentences that name no country (or too rare a one)
	weights []float64             // cumulative topic weights
}

// minTopic is the fewest sentences a country needs to be a topic.
const minTopic = 4

func groupSentences(sents []Sentence) *pools {
	names := countryNames()
	codes := make([]string, 0, len(names))
	for c := range names {
		codes = append(codes, c)
	}
	sort.Strings(codes)
	p := &pools{byTopic: map[string][]Sentence{}}
	for _, s := range sents {
		t := topicOf(s.Text, names, codes)
		if t == "" {
			p.general = append(p.general, s)
			continue
		}
		p.byTopic[t] = append(p.byTopic[t], s)
	}
	for t, ss := range p.byTopic {
		if len(ss) < minTopic {
			p.general = append(p.general, ss...)
			delete(p.byTopic, t)
		}
	}
	sort.Slice(p.general, func(i, j int) bool { return p.general[i].Origin < p.general[j].Origin })
	for t := range p.byTopic {
		p.codes = append(p.codes, t)
	}
	sort.Strings(p.codes)
	total := 0.0
	for _, t := range p.codes {
		total += float64(len(p.byTopic[t]))
		p.weights = append(p.weights, total)
	}
	return p
}

// Generate builds opt.Articles documents from sents and hands each to emit
// in publication order of the originals (a copy follows its original
// closely). emit must not keep the Article.
func Generate(sents []Sentence, opt Options, emit func(*Article) error) (Summary, error) {
	if err := opt.defaults(); err != nil {
		return Summary{}, err
	}
	p := groupSentences(sents)
	if len(p.codes) == 0 && len(p.general) == 0 {
		return Summary{}, errors.New("no sentences to build articles from")
	}
	rng := rand.New(rand.NewPCG(opt.Seed, 0x636f72707573)) // "corpus"
	nRep := int(math.Round(float64(opt.Articles) * opt.Republished))
	nEd := int(math.Round(float64(opt.Articles) * opt.Edited))
	kinds := make([]byte, opt.Articles)
	for i := range kinds {
		switch {
		case i < nRep:
			kinds[i] = 'r'
		case i < nRep+nEd:
			kinds[i] = 'e'
		default:
			kinds[i] = 'o'
		}
	}
	rng.Shuffle(len(kinds), func(i, j int) { kinds[i], kinds[j] = kinds[j], kinds[i] })
	// A copy needs an earlier original: move the first original to the front.
	if len(kinds) > 0 && kinds[0] != 'o' {
		for i, k := range kinds {
			if k == 'o' {
				kinds[0], kinds[i] = kinds[i], kinds[0]
				break
			}
		}
	}
	sum := Summary{Topics: len(p.codes)}
	const recent = 64 // copies are made of one of the last originals
	var ring []*Article
	var ringOutlet []int
	nOrig := 0
	for i, k := range kinds {
		var a *Article
		if k == 'o' || len(ring) == 0 {
			day := 0
			if opt.Days > 0 {
				// Originals come in date order, spread evenly over the days.
				day = nOrig * opt.Days / max(opt.Articles-nRep-nEd, 1)
			}
			outlet := rng.IntN(len(Outlets))
			a = p.original(rng, opt, i, day, outlet)
			nOrig++
			if len(ring) == recent {
				copy(ring, ring[1:])
				copy(ringOutlet, ringOutlet[1:])
				ring, ringOutlet = ring[:recent-1], ringOutlet[:recent-1]
			}
			ring = append(ring, a)
			ringOutlet = append(ringOutlet, outlet)
			sum.Originals++
		} else {
			j := rng.IntN(len(ring))
			a = copyOf(rng, ring[j], ringOutlet[j], i, k == 'e')
			if k == 'e' {
				sum.Edited++
			} else {
				sum.Republished++
			}
		}
		sum.Articles++
		sum.Sentences += a.Sentences
		sum.TextBytes += int64(len(a.Text))
		if err := emit(a); err != nil {
			return sum, err
		}
	}
	return sum, nil
}

// original builds an original article: a lead sentence that reports an
// event (ConfliBERT class 1–4) when the topic has one, then sentences of
// the same topic (at most half of them), then sentences that name no
// country, in paragraphs of one to three sentences.
func (p *pools) original(rng *rand.Rand, opt Options, i, day, outlet int) *Article {
	n := opt.MinSentences + rng.IntN(opt.MaxSentences-opt.MinSentences+1)
	topic := ""
	var pool []Sentence
	if len(p.codes) > 0 {
		x := rng.Float64() * p.weights[len(p.weights)-1]
		t := sort.SearchFloat64s(p.weights, x)
		topic = p.codes[min(t, len(p.codes)-1)]
		pool = p.byTopic[topic]
	}
	chosen := make([]Sentence, 0, n)
	used := map[string]bool{}
	// The lead: an event sentence of the topic, when there is one.
	perm := rng.Perm(len(pool))
	for _, j := range perm {
		if pool[j].Class >= 1 {
			chosen = append(chosen, pool[j])
			used[pool[j].Origin] = true
			break
		}
	}
	// At most half the topic's sentences, so that two articles on a small
	// topic do not become the same sentences in another order.
	limit := min(n, (len(pool)+1)/2)
	for _, j := range perm {
		if len(chosen) >= limit {
			break
		}
		if !used[pool[j].Origin] {
			chosen = append(chosen, pool[j])
			used[pool[j].Origin] = true
		}
	}
	for len(chosen) < n && len(p.general) > 0 {
		s := p.general[rng.IntN(len(p.general))]
		if used[s.Origin] && len(chosen) < len(p.general) {
			continue // drawn already; there are others left
		}
		chosen = append(chosen, s)
		used[s.Origin] = true
	}
	texts := make([]string, len(chosen))
	for j, s := range chosen {
		texts[j] = s.Text
	}
	date := opt.Start.AddDate(0, 0, day)
	o := Outlets[outlet]
	title := headline(texts[0])
	id := fmt.Sprintf("cg%06d", i)
	return &Article{
		ID:        id,
		Title:     title,
		URL:       fmt.Sprintf("https://www.%s/%s/%s-%s", o.Domain, date.Format("2006/01/02"), slug(title), id),
		Source:    o.Name,
		Published: date.Format("2006-01-02"),
		Text:      paragraphs(rng, texts),
		Kind:      KindOriginal,
		Topic:     topic,
		Sentences: len(texts),
	}
}

// copyOf re-publishes orig under another outlet, zero to two days later;
// an edited copy gets a dateline, one or two word substitutions and, in
// three cases of ten (articles of eight sentences or more), loses its last
// sentence.
func copyOf(rng *rand.Rand, orig *Article, origOutlet, i int, edited bool) *Article {
	outlet := rng.IntN(len(Outlets) - 1)
	if outlet >= origOutlet {
		outlet++
	}
	o := Outlets[outlet]
	date, _ := time.Parse("2006-01-02", orig.Published)
	date = date.AddDate(0, 0, rng.IntN(3))
	id := fmt.Sprintf("cg%06d", i)
	a := &Article{
		ID:        id,
		Title:     orig.Title,
		URL:       fmt.Sprintf("https://%s/news/%s/%s", o.Domain, date.Format("20060102"), id),
		Source:    o.Name,
		Published: date.Format("2006-01-02"),
		Text:      orig.Text,
		Kind:      KindRepublished,
		CopyOf:    orig.ID,
		Topic:     orig.Topic,
		Sentences: orig.Sentences,
	}
	if !edited {
		return a
	}
	a.Kind = KindEdited
	a.Title = orig.Title + " | " + o.Name
	text := "(" + o.Name + ") - " + orig.Text
	a.Edits = append(a.Edits, "dateline")
	want := 1 + 1 + rng.IntN(2) // the dateline and one or two substitutions
	for _, j := range rng.Perm(len(substitutions)) {
		if len(a.Edits) == want {
			break
		}
		if t, ok := replaceWord(text, substitutions[j][0], substitutions[j][1]); ok {
			text = t
			a.Edits = append(a.Edits, "substitute "+substitutions[j][0]+" → "+substitutions[j][1])
		}
	}
	if orig.Sentences >= 8 && rng.IntN(10) < 3 {
		if t, ok := dropLastSentence(text); ok {
			text = t
			a.Sentences--
			a.Edits = append(a.Edits, "drop last sentence")
		}
	}
	a.Text = text
	return a
}

// replaceWord replaces the first whole-word occurrence of old in s.
func replaceWord(s, old, new string) (string, bool) {
	for from := 0; ; {
		i := strings.Index(s[from:], old)
		if i < 0 {
			return s, false
		}
		i += from
		j := i + len(old)
		if (i == 0 || !isWordByte(s[i-1])) && (j == len(s) || !isWordByte(s[j])) {
			return s[:i] + new + s[j:], true
		}
		from = j
	}
}

func isWordByte(b byte) bool {
	return b >= 'a' && b <= 'z' || b >= 'A' && b <= 'Z' || b >= '0' && b <= '9' || b >= utf8.RuneSelf
}

// dropLastSentence removes the text's last sentence (its last paragraph
// when that holds one sentence, else the paragraph's last sentence).
func dropLastSentence(text string) (string, bool) {
	i := strings.LastIndex(text, "\n\n")
	j := strings.LastIndex(text, ". ")
	switch {
	case i < 0 && j < 0:
		return text, false
	case i > j:
		return text[:i], true
	}
	return text[:j+1], true
}

// paragraphs joins sentences into paragraphs of one to three sentences.
func paragraphs(rng *rand.Rand, sents []string) string {
	var b strings.Builder
	for i := 0; i < len(sents); {
		n := min(1+rng.IntN(3), len(sents)-i)
		if i > 0 {
			b.WriteString("\n\n")
		}
		b.WriteString(strings.Join(sents[i:i+n], " "))
		i += n
	}
	return b.String()
}

// headline makes a title of the lead sentence: its first clause, at most
// twelve words, without final punctuation.
func headline(lead string) string {
	clause := lead
	if i := strings.IndexAny(clause, ",;:"); i > 20 {
		clause = clause[:i]
	}
	ws := strings.Fields(clause)
	if len(ws) > 12 {
		ws = ws[:12]
	}
	t := strings.TrimRight(strings.Join(ws, " "), ".,;:!?\"'’”")
	r, n := utf8.DecodeRuneInString(t)
	return string(unicode.ToUpper(r)) + t[n:]
}

// slug lower-cases the first words of a title for a URL path.
func slug(title string) string {
	ws := words(strings.ToLower(title))
	if len(ws) > 8 {
		ws = ws[:8]
	}
	var b strings.Builder
	for _, w := range ws {
		for _, r := range w {
			if r < utf8.RuneSelf && (unicode.IsLetter(r) || unicode.IsDigit(r)) {
				b.WriteRune(r)
			}
		}
		b.WriteByte('-')
	}
	return strings.Trim(b.String(), "-")
}
