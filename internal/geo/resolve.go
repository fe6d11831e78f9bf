package geo

import (
	"math"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/eventwire/eventwire/internal/event"
	"github.com/eventwire/eventwire/internal/geo/norm"
)

// Mention is a place name as written in an article.
type Mention struct {
	// Text is the name, optionally qualified: "Paris", "Jabra, Tunisia",
	// "Paris, Texas", "Alexandria, Va.".
	Text string
	// Sentence is the sentence the name occurs in; countries, nationality
	// adjectives and divisions named in it are context. It may be empty.
	Sentence string
}

// Hints is what the caller already knows about an article.
type Hints struct {
	// Countries are ISO 3166 alpha-2 or alpha-3 codes, or CAMEO country
	// codes, of the article's resolved actors; unknown codes are ignored.
	Countries []string
}

// Result is the resolution of one mention.
type Result struct {
	// Geo is the resolved place, nil when the mention is not a known place
	// or cannot be resolved with confidence. A non-nil Geo always has real
	// coordinates.
	Geo *event.Geo
	// Method tells how it was found: "name" (a name in the gazetteer),
	// "alias" (an alternate name, exonym or transliteration), "fuzzy" (a
	// spelling variant within the stated or contextual country),
	// "qualifier" (the place itself is unknown and its stated country or
	// state is returned); "" when unresolved.
	Method string
	// Score is the winning candidate's score; Margin its lead over the
	// runner-up (+Inf when it had none).
	Score, Margin float64
}

// Weights of the disambiguation score. A candidate's score is its prior
// (log10 of the population plus a feature bonus for places, fixed values
// for countries and divisions) plus context bonuses.
const (
	priorCountry       = 9.5
	priorUSState       = 7.2
	priorDivision      = 7.0
	bonusExplicit      = 3.0 // the country is named in the article or given as a hint
	bonusTopExplicit   = 1.0 // ... and is the most named country
	bonusSentence      = 1.5 // the country is named in the mention's sentence
	bonusCoCountry     = 1.5 // another mentioned place lies in the country
	bonusCoDivision    = 1.5 // another mentioned place or a named division shares the division
	bonusNear          = 1.5 // another mentioned place lies within nearKm
	contextRounds      = 3   // rounds of mutual disambiguation between the mentions of an article
	nearKm             = 150.0
	bonusPreferred     = 0.5 // an authored alias names the place people usually mean ("New York" is the city)
	priorFeature       = 6.5 // an authored physical feature or region is what its name usually means ("Java", "Lampedusa")
	minPlausiblePrior  = 4.0 // places below this (about 10,000 people) need evidence for their country when the article has some
	fuzzyMinLen        = 5   // names shorter than this are never matched fuzzily
	fuzzyMaxStated     = 2   // edit distance allowed within a stated country ("Jabra, Tunisia")
	fuzzyMaxContext    = 1   // edit distance allowed within the article's named countries
	fuzzyMinLenContext = 6
)

// admKey identifies a division as country index and admin1 code.
type admKey struct {
	country int
	code    string
}

type candidate struct {
	ref
	prior, score float64
	near         float64 // expected number of other mentions nearby
}

// best returns the index of the highest-scoring candidate, -1 if none.
func best(cands []candidate) int {
	b := -1
	for i, c := range cands {
		if b < 0 || c.score > cands[b].score {
			b = i
		}
	}
	return b
}

type mentionState struct {
	head     string  // folded name
	quals    []scope // readings of a stated qualifier ("Georgia": the country or the US state)
	stated   bool    // the qualifier is part of the mention text, not only found in the sentence
	division bool    // the sentence calls it a state, province, region...: "Washington state"
	qualC    int     // country of the chosen qualifier reading, -1 if none
	qualD    int     // division of the chosen qualifier reading, -1 if none
	cands    []candidate
	method   string
	sentence *sentenceContext
}

// scope is a qualifier reading: a country and optionally a division (-1).
type scope struct{ country, div int }

type sentenceContext struct {
	countries []int
	divisions []admKey
}

// ResolveArticle resolves the place mentions of one article together, so
// that each disambiguates the others; results are in the order of ms. It is
// safe for concurrent use.
func (g *Gazetteer) ResolveArticle(ms []Mention, h Hints) []Result {
	states := make([]mentionState, len(ms))
	heads := map[string]bool{}
	for i, m := range ms {
		st := &states[i]
		st.qualC, st.qualD = -1, -1
		head, qual, stated := strings.Cut(m.Text, ",")
		st.head = norm.Fold(head)
		if _, ok := g.names[st.head]; !ok {
			if rest, ok := strings.CutPrefix(st.head, "the "); ok {
				st.head = rest
			}
		}
		heads[st.head] = true
		if stated {
			// "Houston, Texas, United States": the first qualifier that names a region.
			for _, q := range strings.Split(qual, ",") {
				if st.quals = g.qualify(strings.TrimSpace(q)); len(st.quals) > 0 {
					break
				}
			}
			st.stated = len(st.quals) > 0
		} else {
			st.quals = g.sentenceQualifier(m.Text, m.Sentence)
		}
		st.division = divisionWord(m.Text, m.Sentence)
	}

	// Explicit context: countries and divisions named in the sentences
	// (other than the mentions themselves) and the caller's hints.
	explicit := map[int]int{}
	divNamed := map[admKey]bool{}
	sentences := map[string]*sentenceContext{}
	for i, m := range ms {
		sc, ok := sentences[m.Sentence]
		if !ok {
			sc = g.scan(m.Sentence, heads)
			sentences[m.Sentence] = sc
			for _, c := range sc.countries {
				explicit[c]++
			}
			for _, d := range sc.divisions {
				divNamed[d] = true
			}
		}
		states[i].sentence = sc
	}
	for _, code := range h.Countries {
		if c, ok := g.countryIndex(code); ok {
			explicit[c]++
		}
	}
	top, topN := -1, 0
	for c, n := range explicit {
		if n > topN || n == topN && c < top {
			top, topN = c, n
		}
	}
	for c, n := range explicit {
		if n == topN && c != top {
			top = -1 // no single most named country
		}
	}

	for i := range states {
		g.candidates(&states[i], explicit)
	}
	// Pass 1: context from the text and the hints only. Then, for a few
	// rounds, each mention's candidates vote for their countries and
	// divisions, and lend support to nearby places, weighted by their
	// probability in the previous round, as context for the other mentions.
	none := map[int]float64{}
	noneAdm := map[admKey]float64{}
	for i := range states {
		g.score(&states[i], explicit, top, none, noneAdm, divNamed, nil)
	}
	var coC map[int]float64
	own := make([][]vote, len(states))
	votes := make([]vote, 0, 8)
	for round := 0; round < contextRounds; round++ {
		near := g.nearby(states)
		coC = map[int]float64{}
		coD := map[admKey]float64{}
		for i := range states {
			votes = g.votes(&states[i], votes[:0])
			own[i] = append(own[i][:0], votes...)
			for _, v := range votes {
				if v.adm.code == "" {
					coC[v.adm.country] += v.w
				} else {
					coD[v.adm] += v.w
				}
			}
		}
		for i := range states {
			st := &states[i]
			for k := range st.cands {
				st.cands[k].near = 0
				if near[i] != nil {
					st.cands[k].near = near[i][k]
				}
			}
			g.score(st, explicit, top, coC, coD, divNamed, own[i])
		}
	}
	results := make([]Result, len(states))
	for i := range states {
		st := &states[i]
		b := best(st.cands)
		if b >= 0 && g.implausible(st.cands[b], explicit, coC, own[i]) {
			b = -1
		}
		if b < 0 {
			if !st.stated {
				continue
			}
			if st.qualD >= 0 {
				results[i] = Result{Geo: g.divisionGeo(st.qualD), Method: "qualifier"}
			} else if st.qualC >= 0 {
				results[i] = Result{Geo: g.countryGeo(st.qualC), Method: "qualifier"}
			}
			continue
		}
		c := st.cands[b]
		r := Result{Geo: g.geo(c.ref), Score: c.score, Margin: margin(st.cands, b), Method: st.method}
		if r.Method == "" {
			r.Method = "name"
			if c.alias {
				r.Method = "alias"
			}
		}
		results[i] = r
	}
	return results
}

// Resolve resolves a single mention with no co-mentioned places.
func (g *Gazetteer) Resolve(m Mention, h Hints) Result {
	return g.ResolveArticle([]Mention{m}, h)[0]
}

// divisionWords follow a division's name in news: "Washington state".
var divisionWords = []string{"state", "State", "province", "Province", "region", "Region", "oblast", "Oblast",
	"governorate", "Governorate", "prefecture", "Prefecture", "district", "District", "county", "County"}

// divisionWord reports whether the mention is followed in its sentence by a
// word that makes it a division.
func divisionWord(text, sentence string) bool {
	i := strings.Index(sentence, text)
	if i < 0 {
		return false
	}
	rest, ok := strings.CutPrefix(sentence[i+len(text):], " ")
	if !ok {
		return false
	}
	for _, w := range divisionWords {
		if r, ok := strings.CutPrefix(rest, w); ok {
			if r == "" {
				return true
			}
			c, _ := utf8.DecodeRuneInString(r)
			return !unicode.IsLetter(c)
		}
	}
	return false
}

// qualify returns the readings of a qualifier: countries, divisions, or a
// US postal code ("TX").
func (g *Gazetteer) qualify(q string) []scope {
	if len(q) == 2 && q[0] >= 'A' && q[0] <= 'Z' && q[1] >= 'A' && q[1] <= 'Z' {
		if d, ok := g.usPostal[q]; ok {
			return []scope{{g.Divisions[d].Country, d}}
		}
	}
	key := strings.TrimPrefix(norm.Fold(q), "the ")
	if strings.HasSuffix(q, ".") {
		if _, ok := g.names[key+"."]; ok {
			key += "." // an abbreviation: "Va.", "D.C."
		}
	}
	var out []scope
	for _, r := range g.names[key] {
		switch r.kind {
		case kindCountry:
			out = append(out, scope{int(r.idx), -1})
		case kindDivision:
			out = append(out, scope{g.Divisions[r.idx].Country, int(r.idx)})
		}
	}
	return out
}

// sentenceQualifier finds the "City, Qualifier" pattern around a mention in
// its sentence ("in Rome, Georgia, ..."): the one to three words after the
// comma that follows the first occurrence of the mention.
func (g *Gazetteer) sentenceQualifier(text, sentence string) []scope {
	i := strings.Index(sentence, text)
	if i < 0 {
		return nil
	}
	rest := sentence[i+len(text):]
	if !strings.HasPrefix(rest, ", ") {
		return nil
	}
	rest = rest[2:]
	// Candidate qualifiers end at punctuation other than a dot inside an abbreviation.
	end := strings.IndexAny(rest, ",;:()\"")
	if end >= 0 {
		rest = rest[:end]
	}
	words := strings.Fields(rest)
	for n := min(3, len(words)); n >= 1; n-- {
		q := strings.Join(words[:n], " ")
		if r, _ := utf8.DecodeRuneInString(q); !unicode.IsUpper(r) {
			return nil
		}
		q = strings.TrimSuffix(q, "'s")
		if sc := g.qualify(q); len(sc) > 0 {
			return sc
		}
		if strings.HasSuffix(q, ".") {
			if sc := g.qualify(strings.TrimSuffix(q, ".")); len(sc) > 0 {
				return sc
			}
		}
	}
	return nil
}

// candidates fills st.cands with what st.head may denote within the
// qualifier, falling back to fuzzy matching. Of several qualifier
// readings, the one with the best-supported candidate is chosen.
func (g *Gazetteer) candidates(st *mentionState, explicit map[int]int) {
	bestPrior := math.Inf(-1)
	var chosen *scope
	for i := range st.quals {
		q := &st.quals[i]
		st.qualC, st.qualD = q.country, q.div
		for _, r := range g.names[st.head] {
			if g.within(st, r) {
				if p := g.prior(r); p > bestPrior {
					bestPrior, chosen = p, q
				}
			}
		}
	}
	st.qualC, st.qualD = -1, -1
	if chosen != nil {
		st.qualC, st.qualD = chosen.country, chosen.div
	} else if st.stated {
		// No reading has the name: keep the first for fuzzy matching and fallback.
		st.qualC, st.qualD = st.quals[0].country, st.quals[0].div
	}
	for _, r := range g.names[st.head] {
		if g.within(st, r) {
			st.cands = append(st.cands, candidate{ref: r, prior: g.prior(r)})
		}
	}
	if st.division {
		// "Washington state", "Punjab province", "Swat district": keep only
		// divisions, first- or second-order, if any.
		divs := st.cands[:0:0]
		for _, c := range st.cands {
			if c.kind == kindDivision || c.kind == kindPlace && g.Places[c.idx].Feature == "ADM2" {
				divs = append(divs, c)
			}
		}
		if len(divs) > 0 {
			st.cands = divs
		}
	}
	if len(st.cands) > 0 {
		return
	}
	switch {
	case st.qualC >= 0:
		for _, q := range st.quals {
			if len(st.cands) == 0 {
				st.qualC, st.qualD = q.country, q.div
				g.fuzzy(st, q.country, fuzzyMaxStated, fuzzyMinLen)
			}
		}
		if len(st.cands) == 0 {
			st.qualC, st.qualD = st.quals[0].country, st.quals[0].div
		}
	default:
		for c := range explicit {
			g.fuzzy(st, c, fuzzyMaxContext, fuzzyMinLenContext)
		}
		if len(st.cands) > 1 {
			st.cands = st.cands[:0] // ambiguous across countries
		}
	}
	if len(st.cands) > 0 {
		st.method = "fuzzy"
	}
}

// within reports whether r satisfies st's qualifiers.
func (g *Gazetteer) within(st *mentionState, r ref) bool {
	if st.qualC < 0 {
		return true
	}
	c, adm := g.location(r)
	if c != st.qualC {
		return false
	}
	if st.qualD >= 0 {
		return r.kind == kindPlace && adm == g.Divisions[st.qualD].Code
	}
	return r.kind != kindCountry
}

// fuzzy adds the single place of country c whose name is nearest to
// st.head within maxDist edits, if exactly one place is nearest.
func (g *Gazetteer) fuzzy(st *mentionState, c, maxDist, minLen int) {
	if utf8.RuneCountInString(st.head) < minLen {
		return
	}
	bestD := maxDist + 1
	var found []ref
	for _, key := range g.countryKeys(c) {
		if abs(len(key)-len(st.head)) > maxDist {
			continue
		}
		d := osaDistance(st.head, key, maxDist)
		if d > bestD {
			continue
		}
		if d < bestD {
			bestD, found = d, found[:0]
		}
		for _, r := range g.names[key] {
			if r.kind == kindPlace && g.Places[r.idx].Country == c && g.within(st, r) && !hasRef(found, r) {
				found = append(found, r)
			}
		}
	}
	if bestD <= maxDist && len(found) == 1 {
		st.cands = append(st.cands, candidate{ref: found[0], prior: g.prior(found[0])})
	}
}

func hasRef(rs []ref, r ref) bool {
	for _, x := range rs {
		if x.kind == r.kind && x.idx == r.idx {
			return true
		}
	}
	return false
}

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}

// prior is a candidate's score before context.
func (g *Gazetteer) prior(r ref) float64 {
	switch r.kind {
	case kindCountry:
		return priorCountry
	case kindDivision:
		if g.Countries[g.Divisions[r.idx].Country].ISO2 == "US" {
			return priorUSState
		}
		return priorDivision
	}
	p := &g.Places[r.idx]
	if p.IsFeature() {
		return priorFeature
	}
	s := math.Log10(float64(p.Population) + 1)
	if p.Feature == "ADM2" {
		s -= 0.5 // a district's people are counted in its places: the town of the name is likelier
	}
	if r.preferred {
		s += bonusPreferred
	}
	switch p.Feature {
	case "PPLC", "PPLG":
		s += 2.5
	case "PPLA":
		s += 0.7
	case "PPLA2":
		s += 0.3
	case "PPLX":
		s -= 2
	case "PPLH", "PPLQ", "PPLW":
		s -= 3
	}
	return s
}

// location returns the country index and admin1 code of r.
func (g *Gazetteer) location(r ref) (int, string) {
	switch r.kind {
	case kindCountry:
		return int(r.idx), ""
	case kindDivision:
		d := &g.Divisions[r.idx]
		return d.Country, d.Code
	}
	p := &g.Places[r.idx]
	return p.Country, p.Admin1
}

// nearby returns, for each candidate place of each mention, the expected
// number of other mentions of other names in the same sentence whose
// current reading lies within nearKm: places named together tend to be
// near each other ("Alexandria, outside Washington").
func (g *Gazetteer) nearby(states []mentionState) [][]float64 {
	type point struct {
		lat, lon, p float64
		m           int
	}
	var pts []point
	for i := range states {
		st := &states[i]
		probs := probabilities(st.cands)
		for k, c := range st.cands {
			if c.kind == kindPlace && probs[k] >= 0.1 {
				p := &g.Places[c.idx]
				pts = append(pts, point{p.Lat, p.Lon, probs[k], i})
			}
		}
	}
	// The readings of each sentence, so that a mention looks only at its
	// own sentence's (linear in the article, however many sentences).
	bySentence := map[*sentenceContext][]point{}
	for _, q := range pts {
		sc := states[q.m].sentence
		bySentence[sc] = append(bySentence[sc], q)
	}
	// A mention's sums depend only on its sentence, its name and its
	// candidates' places: mentions alike (the same name in the same
	// sentence, as repeated text has thousands of) share them.
	type alike struct {
		sentence *sentenceContext
		head     string
	}
	done := map[alike]int{}
	out := make([][]float64, len(states))
	for i := range states {
		st := &states[i]
		key := alike{st.sentence, st.head}
		if j, ok := done[key]; ok && sameRefs(states[j].cands, st.cands) {
			out[i] = out[j]
			continue
		}
		done[key] = i
		var mine []point // other mentions' readings in the same sentence
		for _, q := range bySentence[st.sentence] {
			if q.m != i && states[q.m].head != st.head {
				mine = append(mine, q)
			}
		}
		if len(mine) == 0 {
			continue
		}
		out[i] = make([]float64, len(st.cands))
		for k, c := range st.cands {
			if c.kind != kindPlace {
				continue
			}
			p := &g.Places[c.idx]
			for _, q := range mine {
				if math.Abs(p.Lat-q.lat) <= nearKm/111 && distanceKm(p.Lat, p.Lon, q.lat, q.lon) <= nearKm {
					out[i][k] += q.p
				}
			}
		}
	}
	return out
}

// probabilities is the softmax of the candidates' scores, base 10 since
// priors are log10 populations.
// sameRefs reports whether a and b are candidates for the same entries,
// in the same order.
func sameRefs(a, b []candidate) bool {
	if len(a) != len(b) {
		return false
	}
	for k := range a {
		if a[k].ref != b[k].ref {
			return false
		}
	}
	return true
}

func probabilities(cands []candidate) []float64 {
	ps := make([]float64, len(cands))
	maxS := math.Inf(-1)
	for _, c := range cands {
		maxS = math.Max(maxS, c.score)
	}
	sum := 0.0
	for i, c := range cands {
		ps[i] = math.Pow(10, c.score-maxS)
		sum += ps[i]
	}
	for i := range ps {
		ps[i] /= sum
	}
	return ps
}

// distanceKm is the great-circle distance between two points.
func distanceKm(lat1, lon1, lat2, lon2 float64) float64 {
	const r = 6371.0
	φ1, φ2 := lat1*math.Pi/180, lat2*math.Pi/180
	dφ, dλ := φ2-φ1, (lon2-lon1)*math.Pi/180
	a := math.Sin(dφ/2)*math.Sin(dφ/2) + math.Cos(φ1)*math.Cos(φ2)*math.Sin(dλ/2)*math.Sin(dλ/2)
	return 2 * r * math.Asin(math.Min(1, math.Sqrt(a)))
}

// vote is one mention's support for a country (adm.code == "") or a
// division, in [0, 1].
type vote struct {
	adm admKey
	w   float64
}

// votes appends st's votes: each candidate's pass-1 probability (a softmax
// of the scores, base 10 since priors are log10 populations) summed per
// country and per division.
func (g *Gazetteer) votes(st *mentionState, out []vote) []vote {
	if len(st.cands) == 0 {
		return out
	}
	maxS := math.Inf(-1)
	for _, c := range st.cands {
		maxS = math.Max(maxS, c.score)
	}
	sum := 0.0
	for _, c := range st.cands {
		sum += math.Pow(10, c.score-maxS)
	}
	add := func(k admKey, w float64) {
		for i := range out {
			if out[i].adm == k {
				out[i].w += w
				return
			}
		}
		out = append(out, vote{k, w})
	}
	for _, c := range st.cands {
		w := math.Pow(10, c.score-maxS) / sum
		country, adm := g.location(c.ref)
		add(admKey{country, ""}, w)
		if adm != "" {
			add(admKey{country, adm}, w)
		}
	}
	return out
}

// score scores st's candidates and returns the index of the best, -1 if
// none. own are st's own votes, which do not count as its own context.
func (g *Gazetteer) score(st *mentionState, explicit map[int]int, top int, coC map[int]float64, coD map[admKey]float64,
	divNamed map[admKey]bool, own []vote) int {
	best := -1
	for i := range st.cands {
		c := &st.cands[i]
		country, adm := g.location(c.ref)
		s := c.prior + bonusNear*math.Min(1, c.near)
		if explicit[country] > 0 {
			s += bonusExplicit
			if country == top {
				s += bonusTopExplicit
			}
		}
		for _, sc := range st.sentence.countries {
			if sc == country {
				s += bonusSentence
			}
		}
		s += bonusCoCountry * math.Min(1, coC[country]-ownVote(own, admKey{country, ""}))
		if adm != "" {
			k := admKey{country, adm}
			w := coD[k] - ownVote(own, k)
			if divNamed[k] {
				w = 1
			}
			s += bonusCoDivision * math.Min(1, w)
		}
		c.score = s
		if best < 0 || s > st.cands[best].score {
			best = i
		}
	}
	return best
}

func ownVote(own []vote, k admKey) float64 {
	for _, v := range own {
		if v.adm == k {
			return v.w
		}
	}
	return 0
}

// implausible reports whether a winning candidate is a small place in a
// country for which the article has no evidence while it has evidence for
// others: more likely a place missing from the gazetteer than a village
// abroad ("Jenin" in a West Bank story is not the Polish village).
func (g *Gazetteer) implausible(c candidate, explicit map[int]int, coC map[int]float64, own []vote) bool {
	if c.kind != kindPlace || c.prior >= minPlausiblePrior {
		return false
	}
	country, _ := g.location(c.ref)
	if explicit[country] > 0 || coC[country]-ownVote(own, admKey{country, ""}) > 0.5 {
		return false
	}
	return len(explicit) > 0
}

// margin is the lead of cands[b] over the best other candidate.
func margin(cands []candidate, b int) float64 {
	m := math.Inf(1)
	for i, c := range cands {
		if i != b && cands[b].score-c.score < m {
			m = cands[b].score - c.score
		}
	}
	return m
}

// scan finds the countries (names, aliases, adjectives) and divisions named
// in a sentence by capitalised words. Mentions of the article that are
// ambiguous ("Georgia") are left to the resolver, not taken as context.
func (g *Gazetteer) scan(sentence string, heads map[string]bool) *sentenceContext {
	sc := &sentenceContext{}
	w := wordsPool.Get().(*words)
	defer wordsPool.Put(w)
	w.tokenize(sentence)
	addC := func(c int) {
		for _, x := range sc.countries {
			if x == c {
				return
			}
		}
		sc.countries = append(sc.countries, c)
	}
	for i := 0; i < len(w.toks); i++ {
		if !w.toks[i].upper {
			continue
		}
		for n := min(4, len(w.toks)-i); n >= 1; n-- {
			key := w.lookup(g, i, i+n-1)
			if c, ok := g.adjectives[string(key)]; ok {
				addC(c)
				i += n - 1
				break
			}
			refs, known := g.names[string(key)]
			country, div, ok := g.unambiguousRegion(refs)
			if heads[string(key)] && !ok {
				i += n - 1 // a mention to resolve, not context ("Georgia")
				break
			}
			if !known || !ok {
				continue
			}
			addC(country)
			if div >= 0 {
				d := &g.Divisions[div]
				sc.divisions = append(sc.divisions, admKey{d.Country, d.Code})
			}
			i += n - 1
			break
		}
	}
	return sc
}

// unambiguousRegion reports the country (and division, or -1) that refs
// name when they name a country or division and no other country, division
// or sizeable city.
func (g *Gazetteer) unambiguousRegion(refs []ref) (country, div int, ok bool) {
	country, div = -1, -1
	region := false
	for _, r := range refs {
		var c int
		switch r.kind {
		case kindCountry:
			c = int(r.idx)
			region = true
		case kindDivision:
			c = g.Divisions[r.idx].Country
			if div >= 0 && div != int(r.idx) {
				return -1, -1, false
			}
			div = int(r.idx)
			region = true
		default:
			p := &g.Places[r.idx]
			if p.Population < 100000 {
				continue
			}
			c = p.Country
			if div >= 0 && g.Divisions[div].Code != p.Admin1 {
				return -1, -1, false
			}
		}
		if country >= 0 && country != c {
			return -1, -1, false
		}
		country = c
	}
	return country, div, region
}

// geo builds the event.Geo of a reference.
func (g *Gazetteer) geo(r ref) *event.Geo {
	switch r.kind {
	case kindCountry:
		return g.countryGeo(int(r.idx))
	case kindDivision:
		return g.divisionGeo(int(r.idx))
	}
	p := &g.Places[r.idx]
	if p.Country < 0 {
		// a sea, strait, range or region of several countries: no country
		return &event.Geo{Type: 4, FullName: p.Name, Lat: p.Lat, Lon: p.Lon, FeatureID: p.Key}
	}
	c := &g.Countries[p.Country]
	geo := &event.Geo{Type: 4, CountryISO: c.ISO3, CountryFIPS: c.FIPS, Lat: p.Lat, Lon: p.Lon,
		FeatureID: p.Key}
	if p.ID != 0 {
		geo.FeatureID = strconv.FormatInt(p.ID, 10)
	}
	if c.ISO2 == "US" {
		geo.Type = 3
	}
	if c.ISO2 == "PS" && p.Admin1 == "GZ" {
		geo.CountryFIPS = "GZ" // FIPS 10-4 and GDELT separate the Gaza Strip from the West Bank (WE)
	}
	if d, ok := g.divIdx[c.ISO2+"."+p.Admin1]; ok {
		geo.ADM1 = g.Divisions[d].ADM1
		geo.FullName = p.Name + ", " + g.Divisions[d].Name + ", " + c.Name
	} else {
		geo.ADM1 = adm1Code(*c, p.Admin1)
		geo.FullName = p.Name + ", " + c.Name
	}
	return geo
}

func (g *Gazetteer) countryGeo(i int) *event.Geo {
	c := &g.Countries[i]
	id := c.FIPS
	if id == "" {
		id = c.ISO2
	}
	return &event.Geo{Type: 1, FullName: c.Name, CountryISO: c.ISO3, CountryFIPS: c.FIPS, ADM1: c.FIPS,
		Lat: c.Lat, Lon: c.Lon, FeatureID: id}
}

func (g *Gazetteer) divisionGeo(i int) *event.Geo {
	d := &g.Divisions[i]
	c := &g.Countries[d.Country]
	t := 5
	if c.ISO2 == "US" {
		t = 2
	}
	return &event.Geo{Type: t, FullName: d.Name + ", " + c.Name, CountryISO: c.ISO3, CountryFIPS: c.FIPS,
		ADM1: d.ADM1, Lat: d.Lat, Lon: d.Lon, FeatureID: d.ADM1}
}

// osaDistance is the optimal string alignment distance (Levenshtein with
// adjacent transpositions) between a and b in bytes, or max+1 when it
// exceeds max. Names longer than 63 bytes are never close.
func osaDistance(a, b string, max int) int {
	if len(a) > 63 || len(b) > 63 {
		return max + 1
	}
	var rows [3][64]int
	prev2, prev, cur := &rows[0], &rows[1], &rows[2]
	for j := 0; j <= len(b); j++ {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		rowMin := cur[0]
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			v := prev[j-1] + cost
			if d := prev[j] + 1; d < v {
				v = d
			}
			if d := cur[j-1] + 1; d < v {
				v = d
			}
			if i > 1 && j > 1 && a[i-1] == b[j-2] && a[i-2] == b[j-1] {
				if d := prev2[j-2] + 1; d < v {
					v = d
				}
			}
			cur[j] = v
			if v < rowMin {
				rowMin = v
			}
		}
		if rowMin > max {
			return max + 1
		}
		prev2, prev, cur = prev, cur, prev2
	}
	if prev[len(b)] > max {
		return max + 1
	}
	return prev[len(b)]
}

// CountryGeo returns the country-level location (GDELT type 1) of an ISO
// 3166 alpha-2 or alpha-3 code or a CAMEO country code, e.g. for Actor1Geo
// from an actor's country; false for an unknown code or a CAMEO region.
func (g *Gazetteer) CountryGeo(code string) (*event.Geo, bool) {
	i, ok := g.countryIndex(code)
	if !ok {
		return nil, false
	}
	return g.countryGeo(i), true
}
