package gkg

import (
	"slices"
	"strings"

	"github.com/eventwire/eventwire/internal/cameo"
	"github.com/eventwire/eventwire/internal/event"
	wordnet "github.com/eventwire/eventwire/internal/lexicon"
	"github.com/eventwire/eventwire/internal/nlp"
)

// Organisation mechanisms beyond cue words and the dictionaries: what the
// words around a name say of it.

// orgKinds are lower-case nouns that, written right before a name, say
// what kind of organisation it is: "the company Hitwise UK", "the secularist
// magazine MicroMega", "the critics' site Operation Clambake", "localist group
// Youngspiration".
var orgKinds = wordSet(`company firm group party magazine newspaper paper daily weekly tabloid website site channel
network broadcaster agency organisation organization charity band militia airline bank insurer retailer carmaker
manufacturer startup publisher outlet faction movement coalition alliance union club journal school`)

// notOrgHeads are lower-case nouns that, after an acronym, make it the name
// of a thing rather than of an organisation: "the IMU system", "the GST
// rate".
var notOrgHeads = wordSet(`system tax scheme rate index standard format test virus code regime model levy score site
summit`)

// acronymModifier reports whether the word after word j of s is a
// lower-case noun of notOrgHeads.
func (sc *Scratch) acronymModifier(s *nlp.Sentence, j int) bool {
	return j+1 < len(s.Words) && !capitalised(s.Words[j+1].Form) && notOrgHeads[string(sc.lw(j+1))]
}

// ampersand reports whether words i..j of s hold an "&".
func ampersand(s *nlp.Sentence, i, j int) bool {
	for m := i; m <= j; m++ {
		if s.Words[m].Form == "&" || ampInitials(s.Words[m].Form) {
			return true
		}
	}
	return false
}

// ampInitials reports whether w is capitals joined by "&" in one word, the
// initials of a company or college: "AT&T", "Texas A&M", "P&G"; not the
// abbreviations of things ("Q&A", "R&D", "M&A").
func ampInitials(w string) bool {
	a := strings.IndexByte(w, '&')
	if a < 1 || a == len(w)-1 || len(w) > 7 || ampThings[w] {
		return false
	}
	for i := 0; i < len(w); i++ {
		if c := w[i]; i != a && (c < 'A' || c > 'Z') {
			return false
		}
	}
	return true
}

// ampThings are abbreviations with "&" of things, not organisations.
var ampThings = wordSet(`Q&A R&D M&A B&B P&L R&B`)

// mediaAfter are lower-case nouns that, written right after a name, make it
// a broadcaster or publication: "al-Ikhbariya television", "Rossiya 24
// channel", "Kommersant newspaper".
// Not "website": "the Scientology website" is the site of the Church of
// Scientology.
var mediaAfter = wordSet(`television tv channel newspaper radio magazine broadcaster daily weekly tabloid`)

// forceNouns head the lower-case phrase after a country's adjective that
// names its forces or a body of its state, besides the organisation cues:
// "the Indonesian military", "the Malaysian navy", "the US military".
var forceNouns = wordSet(`military navy army police coastguard regime junta intelligence`)

// collectives are the plural nouns written with a possessive inside an
// organisation's name: "New People's Party", "People's Liberation Army",
// "Workers' Party", "Women's League".
var collectives = wordSet(`people workers women citizens farmers peasants veterans students toilers nations`)

// camelPrefixes start surnames written with an inner capital ("McCain",
// "MacArthur", "DiCaprio", "LeBlanc", "DeSantis", "VanDyke"), which are
// not brand names.
var camelPrefixes = [...]string{"Mc", "Mac", "Di", "De", "Da", "Du", "Le", "La", "Van", "Von", "St", "Fitz"}

// camelName reports whether a single word is written with an inner capital
// after a lower-case letter, as brands and sites are ("YouTube",
// "MicroMega", "PayPal"), and is not a surname with such a prefix.
func camelName(w string) bool {
	if len(w) < 4 || !capitalised(w) {
		return false
	}
	for _, p := range camelPrefixes {
		if strings.HasPrefix(w, p) && len(w) > len(p) && 'A' <= w[len(p)] && w[len(p)] <= 'Z' {
			return false
		}
	}
	for i := 1; i+1 < len(w); i++ {
		if 'a' <= w[i] && w[i] <= 'z' && 'A' <= w[i+1] && w[i+1] <= 'Z' {
			return true
		}
	}
	return false
}

// possessive reports whether word i of s is the possessive clitic ("'s",
// "’s", or "'" after a plural, tagged a particle).
func possessive(s *nlp.Sentence, i int) bool {
	if i < 0 || i >= len(s.Words) {
		return false
	}
	switch s.Words[i].Form {
	case "'s", "’s":
		return i > 0
	case "'", "’":
		return i > 0 && s.Words[i].UPOS == "PART" // not a quotation mark
	}
	return false
}

// collectivePossessive reports whether the name that reached word j of s
// goes on across a collective's possessive ("New People's Party",
// "Workers' Party"): word j is such a plural, the clitic follows, and an
// organisation cue is among the capitalised words after it.
func (sc *Scratch) collectivePossessive(s *nlp.Sentence, j int) bool {
	return collectives[string(sc.lw(j))] && possessive(s, j+1) && j+2 < len(s.Words) &&
		capitalised(s.Words[j+2].Form) && sc.cueAhead(s, j+2)
}

// personAhead reports whether a person's name starts at word m of s: a
// given name before another capitalised word ("Nathan Law"), or a word and
// a romanised given name ("Wong Yeung-tat").
func (x *Extractor) personAhead(sc *Scratch, s *nlp.Sentence, m int) bool {
	if m+1 >= len(s.Words) || !capitalised(s.Words[m].Form) || !capitalised(s.Words[m+1].Form) {
		return false
	}
	return x.givenName(sc, m) || m+3 < len(s.Words) && romanised(s, m+3)
}

// kindBefore reports whether the name starting at word i of s follows a
// lower-case noun of an organisation's kind ("the magazine MicroMega").
//
// The noun may be plural ("the religious schools Santo Spirito"), and a
// quotation mark ("the website "Insurgency Wiki"") or "including" ("journals
// including Social Science & Medicine") may stand between; a name after
// "and" following a name that a plural kind noun introduces is one too
// ("schools Santo Spirito and Immacolata").
func (sc *Scratch) kindBefore(s *nlp.Sentence, i int) bool {
	m := i - 1
	if m >= 0 && (s.Words[m].Form == `"` || s.Words[m].Form == "“") {
		m--
	}
	if m >= 1 && (string(sc.lw(m)) == "including" || string(sc.lw(m)) == "like") {
		m--
	}
	if m < 0 {
		return false
	}
	if string(sc.lw(m)) == "and" && m >= 2 {
		p := m - 1
		for p > 0 && capitalised(s.Words[p-1].Form) && capitalised(s.Words[p].Form) {
			p--
		}
		return capitalised(s.Words[p].Form) && p < m && sc.pluralKind(s, p-1)
	}
	return sc.kindNoun(s, m)
}

// kindNoun reports whether word m of s is a lower-case noun of orgKinds,
// singular or plural.
func (sc *Scratch) kindNoun(s *nlp.Sentence, m int) bool {
	w := &s.Words[m]
	return w.UPOS == "NOUN" && !capitalised(w.Form) && (orgKinds[string(sc.lw(m))] || orgKinds[strings.ToLower(w.Lemma)])
}

// pluralKindBefore reports whether the name starting at word i of s
// follows a plural noun of orgKinds (kindBefore's first case).
func (sc *Scratch) pluralKindBefore(s *nlp.Sentence, i int) bool {
	m := i - 1
	if m >= 0 && (s.Words[m].Form == `"` || s.Words[m].Form == "“") {
		m--
	}
	if m >= 1 && (string(sc.lw(m)) == "including" || string(sc.lw(m)) == "like") {
		m--
	}
	return sc.pluralKind(s, m)
}

// pluralKind reports whether word m of s is a plural noun of orgKinds.
func (sc *Scratch) pluralKind(s *nlp.Sentence, m int) bool {
	return m >= 0 && sc.kindNoun(s, m) && !orgKinds[string(sc.lw(m))]
}

// mediaNoun reports whether the name ending at word j of s is followed by
// a lower-case media noun ("al-Ikhbariya television").
func (sc *Scratch) mediaNoun(s *nlp.Sentence, j int) bool {
	if j+1 >= len(s.Words) || capitalised(s.Words[j+1].Form) {
		return false
	}
	if mediaAfter[string(sc.lw(j+1))] {
		return true
	}
	// "the Yonhap news agency", "the official Xinhua news agency", "the
	// Dawn news website"
	return string(sc.lw(j+1)) == "news" && j+2 < len(s.Words) && newsAfter[string(sc.lw(j+2))]
}

// newsAfter are the nouns after a lower-case "news" that make the name
// before them a news organisation.
var newsAfter = wordSet(`agency agencies service website site outlet network channel organisation organization`)

// governedBy returns the word index of the lower-case "government",
// "administration" or "cabinet" right after the name ending at word j of s,
// which names the government led by that person ("the Monti government",
// "the Obama administration"), -1 when none.
func (sc *Scratch) governedBy(s *nlp.Sentence, j int) int {
	if j+1 >= len(s.Words) || capitalised(s.Words[j+1].Form) {
		return -1
	}
	switch string(sc.lw(j + 1)) {
	case "government", "administration", "cabinet", "regime", "junta":
		return j + 1
	}
	return -1
}

// adjectiveBody returns the last word of the lower-case noun phrase after
// the country adjective at word i of s that names a body of that country
// ("Indonesian military", "Sudanese election commission", "US military",
// "Afghan interior ministry"): up to three lower-case nouns or adjectives
// ending in a singular organisation cue or force noun, the phrase ending
// there. -1 when none.
func (x *Extractor) adjectiveBody(sc *Scratch, s *nlp.Sentence, i int) int {
	if x.adjectives[string(sc.lw(i))] == nil {
		return -1
	}
	h := sc.bodyHead(s, i)
	if i >= 1 && indefinites[string(sc.lw(i-1))] && !(h > 0 && h+1 < len(s.Words) && bodyPeople[string(sc.lw(h+1))]) {
		return -1 // one of a kind, no body: "another Palestinian group", "an Afghan militia"; "a Nigerian army spokesman" is the army's
	}
	return h
}

// compassBody is adjectiveBody for a nationality of two words opening at
// word i, a compass word and an adjective ("South Korean intelligence",
// "North Korean state media"): the word index of the head, -1 when none.
func (x *Extractor) compassBody(sc *Scratch, s *nlp.Sentence, i int) (int, *event.Geo) {
	if i+1 >= len(s.Words) || !compass[string(sc.lw(i))] || i >= 1 && indefinites[string(sc.lw(i-1))] {
		return -1, nil
	}
	g := x.adjectives[string(sc.lw(i))+" "+string(sc.lw(i+1))]
	if g == nil {
		return -1, nil
	}
	return sc.bodyHead(s, i+1), g
}

// bodyHead returns the word index of the organisation cue or force noun
// that ends the lower-case phrase of at most three words after word i, -1
// when none or when a noun follows it.
func (sc *Scratch) bodyHead(s *nlp.Sentence, i int) int {
	for m := i + 1; m < len(s.Words) && m <= i+3; m++ {
		w := &s.Words[m]
		if capitalised(w.Form) || w.UPOS != "NOUN" && w.UPOS != "ADJ" && w.UPOS != "PROPN" { // ("ministry/PROPN")
			return -1
		}
		l := string(sc.lw(m))
		if forceNouns[l] || orgCues[l] && (!strings.HasSuffix(l, "s") || l == "forces") || l == "media" && string(sc.lw(m-1)) == "state" {
			if m+1 < len(s.Words) && s.Words[m+1].UPOS == "NOUN" && !capitalised(s.Words[m+1].Form) && !bodyPeople[string(sc.lw(m+1))] {
				return -1 // "the Afghan army base" names the base
			}
			return m
		}
	}
	return -1
}

// bodyPeople are nouns of a body's people, after which the body still acts:
// "Iraqi army reinforcements", "the Nigerian army spokesman", "Afghan police
// officers" (not "the Afghan army base").
var bodyPeople = wordSet(`reinforcements troops units unit soldiers officers officer commander commanders spokesman
spokeswoman spokesperson chief officials official personnel forces`)

// indefinites before a country's adjective make its phrase one of a kind
// rather than a body of the state.
var indefinites = wordSet(`a an another one any each every no some`)

// acronymOf reports whether every letter or digit of the acronym a is the
// first character of a word of name ("CEI" of "Italian Episcopal
// Conference", "M5S" of "Movimento 5 Stelle", "UAAR" of "Union of
// Rationalist Atheists and Agnostics").
func acronymOf(a, name string) bool {
	ws := strings.Fields(name)
	if len(ws) < 2 || len(a) > len(ws) {
		return false
	}
	for i := 0; i < len(a); i++ {
		ok := false
		for _, w := range ws {
			if w[0] == a[i] || 'a' <= w[0] && w[0] <= 'z' && w[0]-'a'+'A' == a[i] {
				ok = true
				break
			}
		}
		if !ok {
			return false
		}
	}
	return true
}

// linkAcronyms links an acronym written in brackets right after a name, or
// a name in brackets right after an acronym, to that name ("Movimento 5
// Stelle (M5S)", "CEI (Italian Episcopal Conference)") when its letters
// are the name's initials: both are one organisation, listed by its full
// name, and later mentions of the acronym are linked to it too.
func linkAcronyms(d *nlp.Document, r *Record) {
	full := map[string]int{} // acronym → entity of its full name
	for i := 0; i+1 < len(r.Entities); i++ {
		a, b := &r.Entities[i], &r.Entities[i+1]
		if a.Sentence != b.Sentence || a.End < 0 || a.End > b.Start || b.End < 0 || b.End >= len(d.Text) || d.Text[b.End] != ')' ||
			strings.TrimSpace(d.Text[a.End:b.Start]) != "(" {
			continue
		}
		short, long, li := a, b, i+1
		if !acronymLike(a.Text) {
			short, long, li = b, a, i
		}
		if !acronymLike(short.Text) || acronymLike(long.Text) || long.Type == Person || long.Type == Place ||
			!acronymOf(strings.ReplaceAll(short.Text, ".", ""), long.Canonical) {
			continue
		}
		if long.Type == OtherName {
			long.Type, long.Why = Organization, "acronym-of"
		}
		full[short.Text] = li
	}
	// An acronym whose letters are, in order, the initials of the
	// capitalised words of an organisation named before it is its short
	// form ("NPP" after "New People Party", "ICRC" after "International
	// Committee of the Red Cross").
	initials := map[string]int{}
	var b []byte
	for i := range r.Entities {
		e := &r.Entities[i]
		if e.Type != Organization || isAcronym(e.Text) || e.Why == "adjective-body" {
			continue // (not "NZ" for "the New Zealand government": the country's)
		}
		b = b[:0]
		for _, w := range strings.Fields(e.Canonical) {
			if capitalised(w) {
				b = append(b, w[0])
			}
		}
		if len(b) >= 2 {
			if _, ok := initials[string(b)]; !ok {
				initials[string(b)] = i
			}
		}
	}
	// An acronym whose letters are the initials of a place or another
	// name met before it is that name's short form, not an organisation:
	// "NZ" after "New Zealand", "IE" after "Internet Explorer".
	others := map[string]int{}
	for i := range r.Entities {
		e := &r.Entities[i]
		if (e.Type != Place && e.Type != OtherName) || !strings.Contains(e.Canonical, " ") {
			continue
		}
		b = b[:0]
		for _, w := range strings.Fields(e.Canonical) {
			if capitalised(w) {
				b = append(b, w[0])
			}
		}
		if _, ok := others[string(b)]; len(b) >= 2 && !ok {
			others[string(b)] = i
		}
	}
	for i := range r.Entities {
		e := &r.Entities[i]
		li, ok := others[e.Text]
		if !ok || li > i || e.Why != "acronym" || e.Type != Organization {
			continue
		}
		if fi, ok := initials[e.Text]; ok && fi < li {
			continue // an organisation with those initials came first
		}
		l := &r.Entities[li]
		e.Type, e.Why, e.Canonical, e.Geo = l.Type, "initials", l.Canonical, l.Geo
	}
	for i := range r.Entities {
		e := &r.Entities[i]
		// (an acronym typed nothing else too, "MDC" and "CDL" read as
		// Roman numerals)
		if li, ok := initials[e.Text]; ok && li < i && (e.Type == Organization || e.Type == OtherName) && e.Canonical == e.Text {
			if _, ok := full[e.Text]; !ok {
				full[e.Text] = li
			}
		}
	}
	if len(full) == 0 {
		return
	}
	for i := range r.Entities {
		e := &r.Entities[i]
		if li, ok := full[e.Canonical]; ok && e.Type != Person && e.Type != Place {
			l := &r.Entities[li]
			e.Canonical, e.Type, e.Why = l.Canonical, Organization, "acronym-of"
			if e.Actor == "" {
				e.Actor = l.Actor
			}
		}
	}
}

// orgEndsAt reports whether the last entity of r is an organisation of
// sentence k (0-based) spanning [start, end) or ending at end.
func orgEndsAt(r *Record, k, start, end int) bool {
	if len(r.Entities) == 0 {
		return false
	}
	e := &r.Entities[len(r.Entities)-1]
	return e.Sentence == k+1 && e.Type == Organization && e.End == end && e.Start <= start
}

// andJoins reports whether the organisation's name spanning words i..j of
// sentence k goes on across "and": a name with a cue and "of" before it
// ("Union of Rationalist Atheists and Agnostics", "Department of Health
// and Human Services"), and after it a capitalised word that is no given
// name, place or dictionary actor ("the Ministry of Defence and Hamas").
func (x *Extractor) andJoins(sc *Scratch, s *nlp.Sentence, k, i, j int) bool {
	n := len(s.Words)
	if j+2 >= n || string(sc.lw(j+1)) != "and" || !sc.cueIn(i, j) || !sc.nameWord(s, j+2) || x.givenName(sc, j+2) ||
		x.spotAt(sc, k, s.Words[j+2].Start) || x.dictActor(func(int) string { return string(sc.lw(j + 2)) }, 1) != "" {
		return false
	}
	for m := i + 1; m < j; m++ {
		if l := string(sc.lw(m)); l == "of" || l == "for" && sc.cue(m-1) { // "Organization for Security and Co-operation"
			return true
		}
	}
	return false
}

// andBeforeCue reports whether the name spanning words i..j of sentence k
// goes on across "and" into a run of capitalised words holding an
// organisation cue, the class of "Human Rights and Peace Society" and
// "Farmers and Fishermen Union": one to two words with no cue before
// "and", none of them a given name, place or dictionary actor, and no
// given name, place or dictionary actor after it ("Jordan and the Arab
// League", "Fatah and Hamas" stay apart).
func (x *Extractor) andBeforeCue(sc *Scratch, s *nlp.Sentence, k, i, j int) bool {
	n := len(s.Words)
	if j-i > 1 || j+2 >= n || string(sc.lw(j+1)) != "and" || sc.cueIn(i, j) || !sc.nameWord(s, j+2) {
		return false
	}
	for _, m := range [...]int{i, j, j + 2} {
		if x.givenName(sc, m) || x.spotAt(sc, k, s.Words[m].Start) || x.dictActor(func(int) string { return string(sc.lw(m)) }, 1) != "" {
			return false
		}
	}
	for m := j + 2; m < n && m <= j+4 && sc.nameWord(s, m); m++ {
		if sc.cue(m) {
			return true
		}
	}
	return false
}

// acronymPair reports whether the acronym at word j of sentence k and the
// capitals at word e, joined to it by a hyphen, are one organisation's
// name, the class of "ZANU-PF" and "SPLM-N": neither is a place or a
// dictionary actor alone, as in "US-UK talks" and "EU-NATO summit", which
// name two parties.
func (x *Extractor) acronymPair(sc *Scratch, s *nlp.Sentence, k, j, e int) bool {
	if !isAcronym(s.Words[j].Form) || !capitals(s.Words[e].Form) {
		return false
	}
	for _, m := range [...]int{j, e} {
		if x.spotAt(sc, k, s.Words[m].Start) || x.dictActor(func(int) string { return string(sc.lw(m)) }, 1) != "" ||
			x.adjectives[string(sc.lw(m))] != nil {
			return false
		}
	}
	return true
}

// capitals reports whether w is one to six upper-case ASCII letters ("PF",
// "N").
func capitals(w string) bool {
	return w != "" && (len(w) == 1 && w[0] >= 'A' && w[0] <= 'Z' || isAcronym(w))
}

// descriptor reports whether a capitalised word before a given name
// describes the person rather than starting the name: a follower or party
// word ("Scientologist", "Nonpartisan", "Republican", "Socialist").
func descriptor(low string) bool {
	for _, suf := range [...]string{"ist", "ian", "an", "at", "ic"} {
		if strings.HasSuffix(low, suf) && len(low) > len(suf)+3 {
			return true
		}
	}
	return false
}

// roleNouns are the common nouns of a person's role that, in apposition
// to a name, make it a person's: "Salva Kiir, a former rebel leader",
// "The secretary general of CEI, Nunzio Galantino".
var roleNouns = wordSet(`leader official spokesman spokeswoman spokesperson chief head member founder activist candidate
lawmaker legislator councillor councilor politician veteran editor journalist reporter blogger writer author analyst
expert professor student doctor lawyer prosecutor judge officer commander general secretary minister president
director manager chairman chairwoman ambassador envoy governor mayor senator deputy undersecretary citizen resident
father mother son daughter wife husband brother sister priest bishop cleric scholar researcher scientist singer actor`)

// staffNouns are lower-case nouns of an organisation's people: a name
// right before one ("Microsoft spokesman", "Taliban fighters", "Labour
// officials") or after one and "for" or "of" ("a spokeswoman for Oxfam",
// "members of Ellinais") is the organisation's.
var staffNouns = wordSet(`spokesman spokeswoman spokesperson official officials executive executives chairman chairwoman
representative representatives employee employees staff fighters militants supporters commanders lawmakers member
members founder founders rebels guerrillas insurgents`)

// staffOrg reports whether the name spanning words i..j of s names the
// organisation of the staff noun next to it, the class of "a Rexford
// spokesman said" and "a spokeswoman for Caritas": the noun right after
// the name (then no name of two or more words starting with a given name,
// which is a person's: "John Smith spokesman"), or before it with "for".
// The name is no surname of a person named before in the article
// ("Mutambara officials" after "Arthur Mutambara").
func (x *Extractor) staffOrg(sc *Scratch, s *nlp.Sentence, i, j int, r *Record) bool {
	n := len(s.Words)
	after := j+1 < n && !capitalised(s.Words[j+1].Form) && staffNouns[string(sc.lw(j+1))] || x.orgPossession(sc, s, j)
	// "for" after any staff noun; "of" after one that is no founder
	// ("the founder of the Islamic Republic" founded a state)
	staffBefore := func(p, n int) bool {
		l := string(sc.lw(n))
		return !capitalised(s.Words[n].Form) && staffNouns[l] && (string(sc.lw(p)) == "for" || string(sc.lw(p)) == "of" && !strings.HasPrefix(l, "founder"))
	}
	before := i >= 2 && staffBefore(i-1, i-2) || i >= 3 && string(sc.lw(i-1)) == "the" && staffBefore(i-2, i-3)
	if !after && !before || x.givenName(sc, i) {
		return false
	}
	last := strings.ToLower(s.Words[j].Form)
	for p := range r.Entities {
		if e := &r.Entities[p]; e.Type == Person && strings.ToLower(lastWord(e.Canonical)) == last {
			return false
		}
	}
	return true
}

// orgPossessions are lower-case nouns that only an organisation owns, after
// its name and "'s": "Rexford's headquarters", "Norvance's shareholders".
var orgPossessions = wordSet(`headquarters shares shareholders subsidiary subsidiaries employees staff members membership
website branches affiliates ranks`)

// orgPossession reports whether the name ending at word j of s is followed
// by "'s", at most one adjective and a noun of orgPossessions, the class of
// "Rexford's headquarters" and "Norvance's new subsidiary".
func (x *Extractor) orgPossession(sc *Scratch, s *nlp.Sentence, j int) bool {
	if !possessive(s, j+1) {
		return false
	}
	for m := j + 2; m < len(s.Words) && m <= j+3; m++ {
		if capitalised(s.Words[m].Form) {
			return false
		}
		if orgPossessions[string(sc.lw(m))] {
			return true
		}
		if s.Words[m].UPOS != "ADJ" {
			return false
		}
	}
	return false
}

// kindsAfter are lower-case nouns of an organisation's kind that make the
// name right before them an organisation: "the Ellinais group", "the
// Misseriya militia", "the ruling Zanu party".
var kindsAfter = wordSet(`group party movement militia organisation organization company firm faction coalition
alliance network`)

// kindAfter reports whether the name spanning words i..j of sentence k is
// followed by a noun of kindsAfter, the class of "the Ellinais group" and
// "the Misseriya militia": not a place or a nationality ("the Gaza group",
// "the Kurdish party" name where or who), nor a person's name.
func (x *Extractor) kindAfter(sc *Scratch, s *nlp.Sentence, k, i, j int) bool {
	if j+1 >= len(s.Words) || capitalised(s.Words[j+1].Form) || !kindsAfter[string(sc.lw(j+1))] ||
		j+2 < len(s.Words) && s.Words[j+2].UPOS == "NOUN" { // "the Kabul group leader"
		return false
	}
	if i == j && (s.Words[i].UPOS != "PROPN" || descriptor(string(sc.lw(i)))) {
		return false // "Whichever party", "the Localist group": a word, not a name
	}
	return !x.givenName(sc, i) && !x.spotAt(sc, k, s.Words[i].Start) && x.adjectives[string(sc.lw(j))] == nil
}

// businessVerbs are verbs whose subject is a company: "Norvance acquired a
// rival", "Brevanta hired 200 workers".
var businessVerbs = wordSet(`acquire buy sell hire employ manufacture produce launch release invest sue merge own operate
recall ship report publish broadcast air print`)

// businessSubject reports whether the one-word name at word i of s is the
// subject of a business verb and no given name, nationality, English word
// of WordNet or surname of a person named before, the class of "Norvance
// acquired a rival" and "Microsoft has launched an aggressive campaign";
// the verbs of media are business verbs too ("Varden reported on Sunday",
// "Kestrel published the letter").
func (x *Extractor) businessSubject(sc *Scratch, s *nlp.Sentence, i int, r *Record) bool {
	w := &s.Words[i]
	if w.Deprel != "nsubj" || w.Head < 1 || w.Head > len(s.Words) || !businessVerbs[s.Words[w.Head-1].Lemma] ||
		strings.ContainsAny(w.Form, "0123456789") || // "IE6", a product
		x.givenName(sc, i) || x.adjectives[string(sc.lw(i))] != nil || x.wn != nil && x.wn.Tags(sc.lw(i)) != 0 {
		return false
	}
	for p := range r.Entities {
		if e := &r.Entities[p]; e.Type == Person && strings.EqualFold(lastWord(e.Canonical), w.Form) {
			return false
		}
	}
	return true
}

// apposedRole reports whether the name spanning words i..j of s is in
// apposition to a role noun, or has one in apposition to it.
func (x *Extractor) apposedRole(sc *Scratch, s *nlp.Sentence, i, j int) bool {
	role := func(m int) bool {
		w := &s.Words[m]
		return !capitalised(w.Form) && (roleNouns[strings.ToLower(w.Lemma)] || titles[strings.ToLower(w.Lemma)]) ||
			capitalised(w.Form) && m == 0 && roleNouns[strings.ToLower(w.Lemma)]
	}
	// a lower-case role noun right before the name, the class of "Hamas
	// leader Ismail Abu Shanab" and "rebel commander Tawfiq Nasrallah"
	if i >= 1 && !capitalised(s.Words[i-1].Form) && role(i-1) {
		return true
	}
	// by the surface, where the parser made no apposition: "founder,
	// Wilson Or," and "Salva Kiir, a former rebel leader,"
	if i >= 2 && s.Words[i-1].Form == "," {
		// "founder, Wilson Or"; "The secretary general of CEI (Italian
		// Episcopal Conference), Nunzio Galantino": back over a bracket
		// and the role's complement
		depth := 0
		for m := i - 2; m >= 0 && m >= i-14; m-- {
			f := s.Words[m].Form
			switch {
			case f == ")":
				depth++
			case f == "(":
				depth--
			case depth > 0:
			case role(m):
				return true
			case capitalised(f) || f == "of" || f == "the":
			default:
				m = -1
			}
		}
	}
	if j+2 < len(s.Words) && s.Words[j+1].Form == "," {
		for m := j + 2; m < len(s.Words) && m <= j+6; m++ {
			if s.Words[m].UPOS == "PUNCT" || s.Words[m].UPOS == "VERB" || s.Words[m].UPOS == "AUX" {
				break
			}
			if role(m) && (m+1 == len(s.Words) || s.Words[m+1].UPOS == "PUNCT") {
				return true
			}
		}
	}
	for m := i; m <= j; m++ {
		w := &s.Words[m]
		h := w.Head - 1
		if h < i || h > j { // the name's head word
			if w.Deprel == "appos" && h >= 0 && h < len(s.Words) && role(h) {
				return true
			}
			for c := range s.Words {
				if s.Words[c].Head == m+1 && s.Words[c].Deprel == "appos" && (c < i || c > j) && role(c) {
					return true
				}
			}
			return false
		}
	}
	return false
}

// digits reports whether w is one to four ASCII digits.
func digits(w string) bool {
	if w == "" || len(w) > 4 {
		return false
	}
	for i := 0; i < len(w); i++ {
		if w[i] < '0' || w[i] > '9' {
			return false
		}
	}
	return true
}

// attachedNot reports whether words a and a+1 of s are written apart (a
// space between them), as the words of a name are.
func attachedNot(s *nlp.Sentence, a int) bool {
	return a+1 < len(s.Words) && !attached(s, a)
}

// acronymLike reports whether w is an acronym (isAcronym) or capitals with
// digits, two letters at least and a letter first ("M5S", "G20").
func acronymLike(w string) bool {
	if isAcronym(w) {
		return true
	}
	if len(w) < 2 || len(w) > 6 || w[0] < 'A' || w[0] > 'Z' {
		return false
	}
	letters := 0
	for i := 0; i < len(w); i++ {
		switch c := w[i]; {
		case c >= 'A' && c <= 'Z':
			letters++
		case c >= '0' && c <= '9':
		default:
			return false
		}
	}
	return letters >= 2
}

// lexiconBrand reports whether word i, a word WordNet knows, names the
// company, agency or medium of the table's code: WordNet lists some
// brands and agencies ("Google", "Disney", "Interpol"), but a plural
// ("Tigers", "Avengers") or a word of an armed group's name ("Youth",
// "Zero", "Lightning" are groups of the non-state actors' list) is the
// English word.
func (x *Extractor) lexiconBrand(sc *Scratch, i int, code string) bool {
	if t := x.wn.Tags(sc.lw(i)); t&wordnet.NNS != 0 && t&wordnet.NN == 0 {
		return false
	}
	ac, err := cameo.ParseActorCode(code)
	if err != nil {
		return false
	}
	switch ac.Country {
	case "IGO", "NGO", "MNC":
		return true
	}
	return slices.Contains(ac.Types, "MED")
}

// lexiconOrg returns the actor code of the organisation table (orgs.tsv,
// derived from the PETRARCH/Phoenix dictionaries of companies, media, IGOs,
// NGOs and armed groups) when the name spanning words i..j of sentence k is
// one of its names, the class of "Lockheed Martin" and "Exxon" (companies
// with no cue word) or "World Wide Fund for Nature" and "Reuters". A place
// the spotter resolved at the name's start is a place; a one-word name must
// be no English word of WordNet ("Target", "Youth") unless it is a
// brand's (lexiconBrand: "Google", "Disney"), no given name,
// nationality or surname of a person named before ("Nasrallah" after
// "Hassan Nasrallah").
func (x *Extractor) lexiconOrg(sc *Scratch, s *nlp.Sentence, k, i, j int, r *Record) (string, bool) {
	if len(x.orgs) == 0 || j-i > 8 {
		return "", false
	}
	sc.nameKey(s, i, j)
	code, ok := x.orgs[string(sc.key)]
	if !ok || x.spotAt(sc, k, s.Words[i].Start) {
		return "", false
	}
	if i == j {
		if x.givenName(sc, i) || x.adjectives[string(sc.lw(i))] != nil || x.wn != nil && x.wn.Tags(sc.lw(i)) != 0 && !x.lexiconBrand(sc, i, code) {
			return "", false
		}
		for p := range r.Entities {
			if e := &r.Entities[p]; e.Type == Person && strings.EqualFold(lastWord(e.Canonical), s.Words[i].Form) {
				return "", false
			}
		}
	}
	return code, true
}

// knownOrgEnd returns the last word of the longest organisation name of the
// dictionaries or of the organisation table that starts at word i of
// sentence k and holds a word the name finder does not join (a lower-case
// or function word), the class of "Save the Children" and "Doctors Without
// Borders"; i when there is none. The name ends on a capitalised word.
func (x *Extractor) knownOrgEnd(sc *Scratch, s *nlp.Sentence, i int) int {
	n, end := len(s.Words), i
	if max := x.orgSpans[string(sc.lw(i))]; max > 0 {
		for l := min(max, n-i); l >= 3; l-- {
			if !capitalised(s.Words[i+l-1].Form) {
				continue
			}
			sc.nameKey(s, i, i+l-1)
			if _, ok := x.orgs[string(sc.key)]; ok {
				end = i + l - 1
				break
			}
		}
	}
	if x.opt.Dict == nil {
		return end
	}
	sc.refs = x.opt.Dict.ActorsStarting(string(sc.lw(i)), sc.refs[:0])
	for _, ref := range sc.refs {
		a := &x.opt.Dict.Actors[ref.Entry]
		p := a.Names[ref.Name]
		if len(p) < 3 || i+len(p)-1 <= end || i+len(p) > n || !capitalised(s.Words[i+len(p)-1].Form) || !sc.phraseAt(p, i) {
			continue
		}
		if c := a.CodesAt(0); c != nil && len(c.Codes) > 0 && orgCode(c.Codes[0]) {
			end = i + len(p) - 1
		}
	}
	return end
}

// orgSpans maps the first word of each name of three or more words of the
// organisation table to the most words of such a name.
func orgSpans(orgs map[string]string) map[string]int {
	m := map[string]int{}
	for name := range orgs {
		ws := strings.Fields(name)
		if len(ws) >= 3 && len(ws) > m[ws[0]] {
			m[ws[0]] = len(ws)
		}
	}
	return m
}

// apposedKind reports whether the name spanning words i..j of s is set off
// by commas with a noun phrase headed by a noun of an organisation's kind,
// the class of "Norvance, a Swedish engineering firm, said" and "Secunia, a
// Danish security company." (after the name) and "a Danish security firm,
// Secunia," (before it). The phrase opens with an article and has at most
// four words before its head, which ends it; "Jane Roe, a company
// director," is headed by a role, no kind.
func (sc *Scratch) apposedKind(s *nlp.Sentence, i, j int) bool {
	n := len(s.Words)
	if j+3 < n && s.Words[j+1].Form == "," && articles[string(sc.lw(j+2))] {
		for p := j + 3; p < n && p <= j+7; p++ {
			if s.Words[p].UPOS == "PUNCT" || s.Words[p].UPOS == "VERB" || s.Words[p].UPOS == "AUX" {
				break
			}
			if orgKinds[string(sc.lw(p))] && !capitalised(s.Words[p].Form) && (p+1 == n || s.Words[p+1].UPOS == "PUNCT") {
				return true
			}
		}
	}
	if i >= 3 && s.Words[i-1].Form == "," && orgKinds[string(sc.lw(i-2))] && !capitalised(s.Words[i-2].Form) &&
		(j+1 == n || s.Words[j+1].UPOS == "PUNCT") {
		for p := i - 3; p >= 0 && p >= i-7; p-- {
			if articles[string(sc.lw(p))] {
				return true
			}
			if s.Words[p].UPOS == "PUNCT" || s.Words[p].UPOS == "VERB" || s.Words[p].UPOS == "AUX" {
				break
			}
		}
	}
	return false
}

// articles open the noun phrase of apposedKind.
var articles = wordSet(`a an the`)

// newsCues are the organisation cues that name a newspaper alone after
// "the": "The Telegraph and the Daily Mail", "according to the Herald".
var newsCues = wordSet(`telegraph times herald tribune chronicle observer gazette post journal monitor`)

// countryOpens reports whether the name spanning words i..j opens with a
// country's name, short alias or nationality adjective and goes on with no
// given name: a body of that country's ("US Geological Survey", "British
// Antarctic Survey"), no person, when it speaks.
func (x *Extractor) countryOpens(sc *Scratch, i, j int) bool {
	l := string(sc.lw(i))
	if x.adjectives[l] == nil && x.countryGeos[l] == nil {
		return false
	}
	return !x.givenNameIn(sc, i+1, j)
}

// employeeNouns are lower-case nouns of a person's work for an employer:
// written between a name and a person's name, they make the first name
// the employer's ("Morningstar analyst Tom Brady").
var employeeNouns = wordSet(`analyst analysts correspondent reporter editor engineer economist researcher scientist
strategist executive ceo chief director manager chairman chairwoman spokesman spokeswoman spokesperson official
employee worker pilot anchor presenter producer columnist photographer`)

// employerBefore reports whether the name spanning words i..j of sentence
// k is followed by a noun of employeeNouns (after at most one other
// lower-case word: "chief executive") and a person's name, the class of
// "Morningstar analyst Tom Brady" and "Norvance chief executive Tom
// Brady": the employer. Not a place, nationality, given name, English
// word of WordNet, name the dictionaries give a code that is no
// organisation's, nor surname of a person named before ("Obama adviser",
// "Trump lawyer" name a person's staff).
func (x *Extractor) employerBefore(sc *Scratch, s *nlp.Sentence, k, i, j int, r *Record) bool {
	n := len(s.Words)
	p := j + 1
	if p+1 < n && !capitalised(s.Words[p].Form) && !capitalised(s.Words[p+1].Form) && employeeNouns[string(sc.lw(p+1))] &&
		(employeeNouns[string(sc.lw(p))] || s.Words[p].UPOS == "ADJ" || s.Words[p].UPOS == "NOUN") {
		p++ // "chief executive", "senior analyst"
	}
	if p+1 >= n || capitalised(s.Words[p].Form) || !employeeNouns[string(sc.lw(p))] || !sc.nameWord(s, p+1) || !x.givenName(sc, p+1) {
		return false
	}
	if x.givenName(sc, i) || x.spotAt(sc, k, s.Words[i].Start) || x.adjectives[string(sc.lw(i))] != nil ||
		i == j && x.wn != nil && x.wn.Tags(sc.lw(i)) != 0 {
		return false
	}
	if c := x.dictActor(func(m int) string { return string(sc.lw(i + m)) }, j-i+1); c != "" && !orgCode(c) {
		return false
	}
	last := strings.ToLower(s.Words[j].Form)
	for q := range r.Entities {
		if e := &r.Entities[q]; e.Type == Person && strings.ToLower(lastWord(e.Canonical)) == last {
			return false
		}
	}
	return true
}

// accordingTo reports whether the one-word name at word i of sentence k
// follows "according to" and is no given name, nationality, place, English
// word of WordNet or surname of a person named before, the class of
// "according to Hitwise" and "according to Nielsen": a source that news
// name by one word is an organisation (persons are named in full first).
func (x *Extractor) accordingTo(sc *Scratch, s *nlp.Sentence, k, i int, r *Record) bool {
	if i < 2 || string(sc.lw(i-1)) != "to" || string(sc.lw(i-2)) != "according" || isAcronym(s.Words[i].Form) {
		return false
	}
	w := &s.Words[i]
	if x.givenName(sc, i) || x.adjectives[string(sc.lw(i))] != nil || x.spotAt(sc, k, w.Start) ||
		x.wn != nil && x.wn.Tags(sc.lw(i)) != 0 || strings.ContainsAny(w.Form, "0123456789") {
		return false
	}
	for p := range r.Entities {
		if e := &r.Entities[p]; e.Type == Person && strings.EqualFold(lastWord(e.Canonical), w.Form) {
			return false
		}
	}
	return true
}

// nameKey fills sc.key with the lower-cased words i..j of s as the
// organisation table writes them: separated by a space, except words the
// text writes together ("Lashkar", "-", "e-Taiba" is "lashkar-e-taiba").
func (sc *Scratch) nameKey(s *nlp.Sentence, i, j int) {
	sc.key = sc.key[:0]
	for m := i; m <= j; m++ {
		if m > i && !attached(s, m-1) {
			sc.key = append(sc.key, ' ')
		}
		sc.key = append(sc.key, sc.lw(m)...)
	}
}

// seatVerbs are the verbs of a party's seats: "won four seats", "lost ten
// seats", "kept its seats".
var seatVerbs = wordSet(`win lose gain take hold keep secure capture retain`)

// seatsSubject reports whether the name spanning words i..j of s is the
// subject of a verb of seatVerbs whose object is "seats", the class of
// "Sinn Fein won four seats" and "Kadima lost ten seats": a party, unless
// the name opens with a given name (a candidate's seat is one).
func (x *Extractor) seatsSubject(sc *Scratch, s *nlp.Sentence, i, j int) bool {
	if x.givenName(sc, i) {
		return false
	}
	for m := i; m <= j; m++ {
		w := &s.Words[m]
		if w.Deprel != "nsubj" || w.Head < 1 || w.Head > len(s.Words) || w.Head-1 >= i && w.Head-1 <= j {
			continue
		}
		v := w.Head - 1
		if !seatVerbs[s.Words[v].Lemma] {
			return false
		}
		for o := range s.Words {
			if ow := &s.Words[o]; ow.Head == v+1 && ow.Deprel == "obj" && strings.ToLower(ow.Lemma) == "seat" {
				return true
			}
		}
		return false
	}
	return false
}

// pluralLast reports whether low, the last word of a speaking name, is a
// plural of an English noun that WordNet does not list as a lemma of its
// own and no given name: a company's ("Kestrel Dynamics said", "said
// Norvance Solutions"), not a person's, whose surname may be a noun
// ("Baker") or a plural WordNet lists ("Jones", "Woods").
func (x *Extractor) pluralLast(low string) bool {
	if x.wn == nil || x.names[low] {
		return false
	}
	t := x.wn.Tags([]byte(low))
	return t&wordnet.NNS != 0 && t&wordnet.NN == 0
}

// teamName reports whether the name spanning words i..j of s opens with a
// place the gazetteer spots and ends, after it, with a plural, the
// class of "Houston Astros", "Pittsburgh Pirates" and "Boston Red Sox":
// sports teams. The plural is no nationality ("Kansas Kansans") and no
// English noun WordNet lists as a lemma of its own ("Los Angeles Times"
// has its cue; "Paris Woods" is no team).
func (x *Extractor) teamName(sc *Scratch, d *nlp.Document, s *nlp.Sentence, i, j int) bool {
	if j == i || !capitalised(s.Words[j].Form) || !strings.HasSuffix(s.Words[j].Form, "s") {
		return false
	}
	low := string(sc.lw(j))
	if x.opt.Gazetteer == nil {
		return false
	}
	one := strings.TrimSuffix(low, "s")
	if x.adjectives[one] != nil || demonym(one) || x.names[low] || x.wn == nil || notSurnames[one] || featureLast[one] {
		return false // "Rio Grande Rivers" are rivers
	}
	if t := x.wn.Tags(sc.lw(j)); t != 0 && (t&wordnet.NNS == 0 || t&wordnet.NN != 0) {
		return false
	}
	// the words before the plural, or all but the last two ("Boston Red
	// Sox"), name a place the gazetteer knows whole
	for _, e := range [2]int{j - 1, j - 2} {
		if e < i {
			break
		}
		name := spanText(d, s, i, e)
		if fs := x.opt.Gazetteer.Spot(name); len(fs) == 1 && fs[0].Start == 0 && fs[0].End == len(name) {
			return true
		}
	}
	return false
}

// platformNouns are lower-case nouns of the things of a web platform or a
// company ("a Facebook post", "Twitter users", "Ubisoft shares"): a
// one-word name right before one is the platform or company.
var platformNouns = wordSet(`post posts page account accounts feed user users app platform shares stock stockholders
subscribers followers`)

// holidays are named days a verb of posting may take "on" before: "said
// on Christmas" names no platform.
var holidays = wordSet(`christmas easter thanksgiving ramadan eid hanukkah diwali passover halloween nowruz`)

// postingVerbs put words on a platform: "announced her resignation on
// Twitter", "wrote on Facebook".
var postingVerbs = wordSet(`post write tweet publish share upload announce say comment reveal`)

// platformName reports whether the one-word name at word i of sentence k
// is a web platform or a company by the words around it, the class of "a
// Facebook post", "thousands of Twitter users", "Ubisoft shares fell" (a
// platform noun right after it) and "announced her resignation on
// Twitter", "wrote on Facebook that" (after "on" governed by a verb of
// posting): a proper noun that is no given name, place, nationality,
// time expression or surname of a person named before ("the Paris page",
// "said on Christmas").
func (x *Extractor) platformName(sc *Scratch, s *nlp.Sentence, k, i int, r *Record) bool {
	n := len(s.Words)
	w := &s.Words[i]
	after := i+1 < n && !capitalised(s.Words[i+1].Form) && platformNouns[string(sc.lw(i+1))] && s.Words[i+1].UPOS == "NOUN" &&
		!(i+2 < n && s.Words[i+2].UPOS == "NOUN" && !capitalised(s.Words[i+2].Form))
	on := i >= 1 && string(sc.lw(i-1)) == "on" && postedBy(s, i) && !holidays[string(sc.lw(i))] &&
		(i+1 >= n || s.Words[i+1].UPOS == "PUNCT" || s.Words[i+1].UPOS == "SCONJ" || s.Words[i+1].UPOS == "ADV" || s.Words[i+1].UPOS == "ADP")
	if !after && !on || w.UPOS != "PROPN" || sc.inDate(k, i) || x.givenName(sc, i) || x.spotAt(sc, k, w.Start) ||
		x.adjectives[string(sc.lw(i))] != nil || x.countryGeos[string(sc.lw(i))] != nil || x.placeIn(sc, s, i, i) != nil {
		return false
	}
	for p := range r.Entities {
		if e := &r.Entities[p]; e.Type == Person && strings.EqualFold(lastWord(e.Canonical), w.Form) {
			return false
		}
	}
	return true
}

// postedBy reports whether word i of s hangs on a verb of posting, or on
// that verb's object ("announced her resignation on Twitter").
func postedBy(s *nlp.Sentence, i int) bool {
	h := s.Words[i].Head - 1
	if h < 0 || h >= len(s.Words) {
		return false
	}
	if postingVerbs[s.Words[h].Lemma] && s.Words[h].UPOS == "VERB" {
		return true
	}
	o := &s.Words[h]
	return o.Deprel == "obj" && o.Head >= 1 && o.Head <= len(s.Words) && postingVerbs[s.Words[o.Head-1].Lemma]
}
