package gkg

import (
	"bytes"
	"strings"

	"github.com/eventwire/eventwire/internal/cameo"
	"github.com/eventwire/eventwire/internal/dict"
	"github.com/eventwire/eventwire/internal/event"
	"github.com/eventwire/eventwire/internal/geo"
	wordnet "github.com/eventwire/eventwire/internal/lexicon"
	"github.com/eventwire/eventwire/internal/nlp"
)

// spot is a place name found by the gazetteer, with its resolution.
type spot struct {
	sent       int // 0-based sentence
	start, end int // byte offsets in the document
	text       string
	geo        *event.Geo
}

// places spots and resolves the article's place names together (as
// internal/analyze does) and fills r.Locations.
func (x *Extractor) places(sc *Scratch, d *nlp.Document, evs []event.Event, r *Record) {
	sc.spots = sc.spots[:0]
	g := x.opt.Gazetteer
	if g == nil {
		return
	}
	var mentions []geo.Mention
	for k := range d.Sentences {
		s := &d.Sentences[k]
		off := max(s.Start, 0)
		for _, f := range g.Spot(s.Text) {
			sc.spots = append(sc.spots, spot{sent: k, start: off + f.Start, end: off + f.End, text: f.Text})
			mentions = append(mentions, f.Mention)
		}
	}
	defer func() {
		for k := range d.Sentences {
			sc.lowerSentence(&d.Sentences[k])
			x.adjectivePlaces(sc, &d.Sentences[k], r)
			x.stancePlaces(sc, &d.Sentences[k], r)
			x.compassPlaces(sc, &d.Sentences[k], r)
		}
	}()
	if len(mentions) == 0 {
		return
	}
	var hints geo.Hints
	for _, e := range evs {
		for _, code := range [2]string{e.Source, e.Target} {
			if c := actorCountry(code); c != "" {
				hints.Countries = append(hints.Countries, c)
			}
		}
	}
	res := g.ResolveArticle(mentions, hints)
	for j, n := 0, len(sc.spots); j < n; j++ {
		sp := &sc.spots[j]
		sp.geo = res[j].Geo
		if sp.geo != nil && x.languageTown(sp.text, sp.geo) {
			sp.geo = nil // "a USI instructor in English" is no town in Indiana
		}
		// Two countries the spotter read as a place and its country are
		// two items of a list, the class of "the United States, Britain,
		// France, Russia and China" (spotted "United States, Britain" →
		// the United Kingdom and "France, Russia" → Russia) and "Nigeria,
		// Niger, Chad and Cameroon": each is its country.
		if c, q, ok := strings.Cut(sp.text, ", "); ok && sp.geo != nil {
			if ca, cb := x.countryPlace(c), x.countryPlace(q); ca != nil && cb != nil && ca != cb {
				b := spot{sent: sp.sent, start: sp.start + len(c) + 2, end: sp.end, text: q, geo: cb}
				sp.text, sp.end, sp.geo = c, sp.start+len(c), ca
				r.Locations = append(r.Locations, Location{Geo: *ca, Text: c, Offset: sp.start}, Location{Geo: *cb, Text: q, Offset: b.start})
				sc.spots = append(sc.spots, b)
				continue
			}
		}
		if sp.geo != nil {
			r.Locations = append(r.Locations, Location{Geo: *sp.geo, Text: sp.text, Offset: sp.start})
			// "Sydney, Australia" names Australia too
			if c, q, ok := strings.Cut(sp.text, ", "); ok && c != "" {
				if cg := x.countryPlace(q); cg != nil && cg.FullName != sp.geo.FullName {
					r.Locations = append(r.Locations, Location{Geo: *cg, Text: q, Offset: sp.start + len(c) + 2})
				} else if dg := g.Resolve(geo.Mention{Text: q, Sentence: sp.text}, hints).Geo; cg == nil && dg != nil &&
					(dg.Type == 2 || dg.Type == 5) && dg.FullName != sp.geo.FullName {
					// "Livorno, Tuscany" names Tuscany too
					r.Locations = append(r.Locations, Location{Geo: *dg, Text: q, Offset: sp.start + len(c) + 2})
				}
			}
		}
	}
}

// languageTown reports whether a place spotted as one word that is an
// English adjective of a people or language ("English", "Christian",
// "Roman": WordNet adjectives with a nationality's ending) was resolved to
// a town: the word names the language or people, not English, Indiana.
// Nationality adjectives of the gazetteer are placed at their country by
// adjectivePlaces instead.
func (x *Extractor) languageTown(text string, g *event.Geo) bool {
	if x.wn == nil || strings.ContainsAny(text, " -") || g.Type != 3 && g.Type != 4 {
		return false
	}
	low := strings.ToLower(text)
	return demonym(low) && x.wn.Tags([]byte(low))&wordnet.JJ != 0
}

// actorCountry returns the country of a CAMEO actor code, "" when none.
func actorCountry(code string) string {
	if code == "" || code == dict.NullCode {
		return ""
	}
	ac, err := cameo.ParseActorCode(code)
	if err != nil || ac.Country == "" {
		return ""
	}
	if _, ok := cameo.LookupCountry(ac.Country); !ok {
		return ""
	}
	return ac.Country
}

// orgCues are head words that make a name an organisation.
var orgCues = wordSet(`agency ministry organization organisation organizations organisations assembly senate
parliament council committee commission union party army navy embassy consulate bank court institute university
company corporation corp inc ltd llc association federation front movement government police office department
church league fund group forces foundation congress authority service tribunal academy school hospital club
network news times post press bureau secretariat alliance coalition brigade brigades corps guard cabinet chamber
duma knesset majlis administration directorate board centre center society command red crescent cross
airlines airways ngo gazette herald tribune journal telegraph museum gallery galleries planetarium municipality
conference instituto istituto institut observatory holdings plc co college forum trust studios laboratory
laboratories cartel militia battalion regiment syndicate consortium cooperative guild confederation broadcasting radio
television magazine newspaper daily chronicle observer monitor airline railway railways industries enterprises
technologies pharmaceuticals` + " " +
	// newspapers named in their own language: "Chosun Ilbo", "Yomiuri
	// Shimbun", "Rodong Sinmun", "Renmin Ribao", "Frankfurter Allgemeine
	// Zeitung", "Corriere della Sera"; and bulletins ("Bulletin of the
	// Atomic Scientists")
	`ilbo shimbun shinbun sinmun ribao nippo zeitung gazzetta gazeta corriere pravda izvestia dagblad nieuwsblad diario
jornal bulletin` + " " +
	// a party named by its members, in a name of two or more words (a cue
	// alone names no one): "Liberal Democrats", "Sweden Democrats",
	// "Christian Socialists"
	`democrats republicans socialists conservatives liberals greens nationalists unionists communists progressives` + " " +
	// an armed force: "Royal Air Force", "Quds Force" (not the base of
	// one, a feature: "Wright-Patterson Air Force Base")
	`force` + " " +
	// company forms of other languages: "Siemens AG", "Kestrel GmbH",
	// "Norvance S.A."
	`gmbh ag sa s.a nv n.v llp pty oyj spa s.p.a bhd tbk` + " " +
	// Arabic words of armed groups' and parties' names: "Kataib
	// Hezbollah", "Liwa al-Tawhid", "Jaish al-Mahdi" (not "ansar", also a
	// given name)
	`jaish jabhat harakat kataib hizb liwa saraya tanzim jamaat mujahideen` + " " +
	// musical bodies and houses of parliaments: "Cleveland Orchestra",
	// "House of Representatives", "House of Commons"
	`orchestra philharmonic symphony choir ensemble representatives commons lords` + " " +
	// transport and trade in the plural: "Greyhound Bus Lines", "Tulsa
	// Transit", "Chatham Motors", "Vagabond Tours"
	`lines transit motors tours` + " " +
	// caucuses, conservatories, theatres and legions: "Congressional Black
	// Caucus", "Conservatoire de Paris", "National Theatre", "Ninth Legion"
	`caucus conservatoire conservatory theatre theater legion brotherhood sisterhood fraternity sorority`)

// placeOpeners open places' names in other languages (French, Thai,
// Persian, Arabic) and English, never persons': "Grande Terre", "Wat Arun",
// "Meydan Kohne", "Kafr Nabl", "Port Hutt".
var placeOpeners = wordSet(`grande petite petit basse haute anse port mont wat meydan meidan kafr wadi jebel jabal
khirbet bandar tel tell temple mount cape fort lake st ste`)

// legislatures are the cues that name one body alone: the legislature of
// the country of the news ("Congress passed the bill", "the Senate voted",
// "the Knesset").
var legislatures = wordSet(`congress senate parliament knesset duma majlis`)

// bodyRoles are the roles in a body written before "of" and its name,
// which are no part of it: "Member of the European Parliament", "Fellow of
// the Royal Society", "Chair of the National Space Council".
var bodyRoles = wordSet(`member members fellow fellows chair mvp`)

// companyForms are the legal forms that end a company's name.
var companyForms = wordSet(`inc ltd llc plc corp co gmbh ag sa s.a nv n.v llp pty oyj spa s.p.a bhd tbk`)

// onBodies are the cues of deliberative bodies named with "on" and their
// matter ("Council on Foreign Relations", "Commission on Missing
// Persons"), not "Kennedy Space Center on STS-1".
var onBodies = wordSet(`council committee commission conference convention forum board panel`)

// cue reports whether word m of the current sentence is an organisation
// cue, with or without an abbreviation's dot ("Co.", "Corp.", "Inc.").
func (sc *Scratch) cue(m int) bool {
	l := sc.lw(m)
	if len(l) > 1 && l[len(l)-1] == '.' {
		l = l[:len(l)-1]
	}
	return orgCues[string(l)]
}

// titles before a name make it a person's ("President Emmanuel Macron").
var titles = wordSet(`president minister mr mrs ms miss dr sen senator rep gen general col colonel lt
lieutenant capt captain sgt sergeant king queen prince princess pope sheikh sheik chancellor secretary
spokesman spokeswoman spokesperson ambassador judge justice governor mayor imam rabbi bishop archbishop
cardinal father sir lord lady dame professor prof emir sultan ayatollah premier chairman chairwoman envoy
administrator director commissioner superintendent coach`)

// title reports whether word m of the current sentence is a title, with or
// without its abbreviation's dot ("Mr.", "Gen.", "Sen.").
func (sc *Scratch) title(m int) bool {
	l := sc.lw(m)
	if len(l) > 1 && l[len(l)-1] == '.' {
		l = l[:len(l)-1]
	}
	return titles[string(l)]
}

// notSurnames are nouns that end place and building names after a given
// name ("Rose Garden", "Victoria Station"), not a person's.
var notSurnames = wordSet(`garden gardens street road avenue park house hall station square bridge lane court
centre center building tower island lake river bay program programme project prize award awards trophy memorial
festival cup show series lecture fellowship scholarship cave base world place` + " " +
	// roads, features and realms (issue 16's organisation-table step):
	// "Pearl Harbor Memorial Expressway", "Ross Ice Shelf", "Alexander
	// Springs", "Roman Empire"
	`expressway turnpike highway freeway motorway boulevard trail st ave blvd springs falls shelf glacier canyon
empire kingdom dynasty`)

// streetWords end the names of streets, squares and stations, which a cue
// word in them does not make organisations ("Union Square", "Church
// Street").
var streetWords = wordSet(`street road avenue lane square boulevard station plaza`)

// captionLabels are the words that open a picture's caption line before a
// colon ("Image: Nick Moreau."): they end the name before them.
var captionLabels = wordSet(`image photo picture credit source`)

// captionLabel reports whether word m of s is a caption's label before a
// colon.
func (sc *Scratch) captionLabel(s *nlp.Sentence, m int) bool {
	return m+1 < len(s.Words) && s.Words[m+1].Form == ":" && captionLabels[string(sc.lw(m))]
}

// abbreviation reports whether w is written with capitals and dots and no
// lower-case letter ("D.C.", "U.S."): no surname.
func abbreviation(w string) bool {
	return strings.Contains(w, ".") && strings.ToUpper(w) == w
}

// notNames are capitalised words that do not start or make up a name.
var notNames = wordSet(`i january february march april may june july august september october november december
monday tuesday wednesday thursday friday saturday sunday jan feb mar apr jun jul aug sep sept oct nov dec` + " " +
	// the "-ever" pronouns and determiners, a closed class the tagger
	// takes for proper nouns when they open a sentence: "Whichever party
	// wins", "Whatever group"
	`whichever whatever whoever whomever wherever whenever however`)

// notAcronyms are upper-case abbreviations that name no organisation: time
// zones, units, titles and things ("IQ points", "DNA tests", "HIV", "TV").
var notAcronyms = wordSet(`gmt bst utc est edt cst cdt pst pdt cet cest eet eest ist jst aest mw kw gw mwh kwh gwh
km kg mph kph bpd ppm am pm bc ad ce bce html qc kc sc mp mep ceo cfo coo phd
tv dna hiv aids gps iq ai pc sms usb lgbt dvd cd ufo atm gdp vip id sim cctv mri icu`)

// countryPrefix returns the word after a country's name (up to three
// words) that starts words i..j, i when none.
func (x *Extractor) countryPrefix(sc *Scratch, i, j int) int {
	var b []byte
	for m := i; m <= j && m < i+3; m++ {
		if m > i {
			b = append(b, ' ')
		}
		b = append(b, sc.lw(m)...)
		if x.countryGeos[string(b)] != nil {
			return m + 1
		}
	}
	return i
}

// webName reports whether a capitalised word is a site's domain name
// ("Gawker.com", "Secunia.com"): an organisation.
func webName(w string) bool {
	for _, tld := range [...]string{".com", ".org", ".net"} {
		if len(w) > len(tld)+1 && strings.HasSuffix(strings.ToLower(w), tld) {
			return true
		}
	}
	return false
}

// newsName reports whether a capitalised word ends with a lower-case
// "news" after at least three letters: a news site or channel ("Wikinews",
// "Euronews").
func newsName(w string) bool {
	return len(w) >= 7 && strings.HasSuffix(w, "news") && capitalised(w)
}

// romanised reports whether word j of s is a lower-case syllable joined
// by a hyphen to a capitalised one ("Chung-tai"): a romanised given name.
func romanised(s *nlp.Sentence, j int) bool {
	return j >= 2 && syllable(s.Words[j].Form) && isHyphen(s.Words[j-1].Form) && attached(s, j-2) && attached(s, j-1) &&
		capitalised(s.Words[j-2].Form)
}

// cueAhead reports whether the capitalised words from word c of s (up to
// six, with connectors) hold an organisation cue ("the Labour Party").
func (sc *Scratch) cueAhead(s *nlp.Sentence, c int) bool {
	for m := c; m < len(s.Words) && m < c+6; m++ {
		l := string(sc.lw(m))
		if sc.cue(m) && capitalised(s.Words[m].Form) {
			return true
		}
		if !capitalised(s.Words[m].Form) && !connectors[l] && l != "the" {
			return false
		}
	}
	return false
}

// cueIn reports whether words i..j hold an organisation cue.
func (sc *Scratch) cueIn(i, j int) bool {
	for m := i; m <= j; m++ {
		if sc.cue(m) {
			return true
		}
	}
	return false
}

// hyphenSuffixes are lower-case words written after a name with a hyphen
// that are not part of it.
var hyphenSuffixes = wordSet(`led backed run era based style like born owned made linked type funded controlled held allied
aligned friendly leaning affiliated sponsored inspired supported dominated brokered bound related`)

// syllable reports whether w is a lower-case syllable of a romanised name:
// two to five ASCII letters, or six ending in "ng" ("Leung Che-cheung").
func syllable(w string) bool {
	if len(w) < 2 || len(w) > 6 || len(w) == 6 && !strings.HasSuffix(w, "ng") { // "cheung", "chiang"
		return false
	}
	for i := 0; i < len(w); i++ {
		if w[i] < 'a' || w[i] > 'z' {
			return false
		}
	}
	return true
}

// titleBefore reports whether one of the n words before word i is a
// title.
func titleBefore(sc *Scratch, i, n int) bool {
	for m := i - 1; m >= 0 && m >= i-n; m-- {
		if sc.title(m) {
			return true
		}
	}
	return false
}

// roman reports whether a lower-case word is a Roman numeral ("xvii").
func roman(w string) bool {
	for i := 0; i < len(w); i++ {
		if strings.IndexByte("ivxlcdm", w[i]) < 0 {
			return false
		}
	}
	return w != ""
}

// connectors join the words of one name when both sides are capitalised.
var connectors = wordSet(`of de du des la le al el von van der den ter bin bint ibn da di del dos das`)

// hyphenParticles are the lower-case particles written with a hyphen
// before a name: "al-Zawahiri", "el-Sisi", "bin-Laden".
var hyphenParticles = wordSet(`al el ad ar as ash at az ul ud bin ibn abu`)

// linkParticles join two names between hyphens (Urdu, Persian and Arabic
// names: "Lashkar-e-Taiba", "Tehreek-e-Insaf", "Hizb-ul-Mujahideen").
var linkParticles = wordSet(`e i ul ud ut ur us al el o`)

// digitName reports whether w is a name that opens with digits and goes on
// with three or more lower-case letters, the class of "4chan" and "9gag":
// web sites and companies; not an ordinal ("21st"), a unit ("20km", "5mph"),
// a year's decade ("1990s") or a time ("10am").
func digitName(w string) bool {
	d := 0
	for d < len(w) && w[d] >= '0' && w[d] <= '9' {
		d++
	}
	if d == 0 || d > 2 || len(w)-d < 3 {
		return false
	}
	for i := d; i < len(w); i++ {
		if w[i] < 'a' || w[i] > 'z' {
			return false
		}
	}
	return !digitSuffixes[w[d:]]
}

// digitSuffixes are the letters written after a number that make no name.
var digitSuffixes = wordSet(`kms mph kmh kph mins min hrs sec secs th st nd rd ers gbs mbs kgs lbs yrs`)

// linkedName reports whether w is a link particle, a hyphen and a
// capitalised word in one token ("e-Taiba", "ul-Mujahideen").
func linkedName(w string) bool {
	p, rest, ok := strings.Cut(w, "-")
	return ok && linkParticles[p] && capitalised(rest)
}

// ezafe reports whether words i..j of s join two names with "-e-" or
// "-i-", the Persian and Urdu "of" of groups' and parties' names
// ("Jaish-e-Mohammed", "Tehreek-e-Insaf", "Jamaat-e-Islami"); persons'
// names are joined with "-ul-" or "-ud-" ("Zia-ul-Haq").
func ezafe(s *nlp.Sentence, i, j int) bool {
	for m := i + 1; m <= j; m++ {
		f := s.Words[m].Form
		if strings.HasPrefix(f, "e-") || strings.HasPrefix(f, "i-") {
			if linkedName(f) && isHyphen(s.Words[m-1].Form) {
				return true
			}
		}
		if (f == "e" || f == "i") && m < j && isHyphen(s.Words[m-1].Form) && isHyphen(s.Words[m+1].Form) {
			return true
		}
	}
	return false
}

// isHyphen reports whether w is a hyphen (not a dash: "Israel–Hamas").
func isHyphen(w string) bool { return w == "-" || w == "\u2010" || w == "\u2011" }

// attached reports whether words a and a+1 of s are written without space
// between them.
func attached(s *nlp.Sentence, a int) bool {
	w, n := &s.Words[a], &s.Words[a+1]
	if w.End >= 0 && n.Start >= 0 {
		return w.End == n.Start
	}
	return strings.Contains(w.Misc, "SpaceAfter=No")
}

// hyphenAfter returns the index of the word joined to word j of s by a
// hyphen written without spaces ("Amir-Abdollahian", "al-Zawahiri") when
// it is capitalised, else -1.
func hyphenAfter(s *nlp.Sentence, j int) int {
	h := j + 1
	if h+1 >= len(s.Words) || !isHyphen(s.Words[h].Form) || !attached(s, j) || !attached(s, h) || !capitalised(s.Words[h+1].Form) {
		return -1
	}
	return h + 1
}

// joinsName reports whether the capitalised word e, joined by a hyphen to
// word j of the name that started at word i, is part of that name: after a
// particle ("al-Zawahiri"), after a given name with a surname after it
// ("Jean-Yves Le Drian"), within a name of several words ("Hossein
// Amir-Abdollahian") or as the short form of
// such a name met earlier in the article — but not between two places or
// acronyms ("Israel-Hamas", "US-China"), which name two parties.
func (x *Extractor) joinsName(sc *Scratch, d *nlp.Document, s *nlp.Sentence, k, i, j, e int) bool {
	if hyphenParticles[string(sc.lw(j))] {
		return true
	}
	if i == j && x.acronymPair(sc, s, k, j, e) {
		return true
	}
	if isAcronym(s.Words[j].Form) || isAcronym(s.Words[e].Form) || x.spotAt(sc, k, s.Words[j].Start) || x.spotAt(sc, k, s.Words[e].Start) {
		return false
	}
	if i < j || x.givenName(sc, j) && e+1 < len(s.Words) && sc.nameWord(s, e+1) {
		return true // "Hossein Amir-Abdollahian"; "Jean-Yves Le Drian", not "Israel-Hamas war"
	}
	a, b := s.Words[j].Start, wordEnd(d, &s.Words[e])
	return a >= 0 && b <= len(d.Text) && a < b && sc.hyphenNames[d.Text[a:b]]
}

// speechVerbs introduce quotations and make their subject a speaker.
var speechVerbs = wordSet(`say tell state add note declare stress emphasize emphasise announce ask warn insist
claim explain argue write urge reply respond retort agree admit accuse deny confirm report quote
comment remark suggest believe conclude underline affirm proclaim vow pledge promise threaten demand
dub describe characterize characterise term reason acknowledge recall complain observe tweet continue caution
predict shout chant scream whisper joke boast lament concede mention reiterate assert allege testify plead recount
exclaim call label brand hail praise condemn criticise criticize slam dismiss`)

// describingVerbs are speech verbs whose subject is often a text or a
// publication ("journals have characterized homeopathy as ..."): they
// introduce quotations but make no person of their subject.
var describingVerbs = wordSet(`dub describe characterize characterise term reason call label brand hail praise condemn
criticise criticize slam dismiss`)

func wordSet(s string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(s) {
		m[w] = true
	}
	return m
}

// nameWord reports whether word i of s can be part of a name.
func (sc *Scratch) nameWord(s *nlp.Sentence, i int) bool {
	w := &s.Words[i]
	if !capitalised(w.Form) || notNames[string(sc.lw(i))] {
		return false
	}
	switch w.UPOS {
	case "PROPN", "NOUN", "ADJ", "X", "NUM", "SYM":
	default:
		return false
	}
	if i == 0 || startsClause(s, i) && !(s.Words[i-1].Form == "(" && acronymLike(w.Form)) {
		// A capitalised first word is a name only when tagged a proper
		// noun or followed by one.
		if w.UPOS == "PROPN" {
			return true
		}
		// (through capitalised adjectives: "(Italian Episcopal/ADJ
		// Conference)", "Royal Dutch Shell")
		for j := i + 1; j < len(s.Words) && j <= i+4 && capitalised(s.Words[j].Form); j++ {
			if s.Words[j].UPOS == "PROPN" || sc.cue(j) {
				return true
			}
			if s.Words[j].UPOS != "ADJ" {
				break
			}
		}
		return false
	}
	return true
}

// namePart reports whether word i of s, capitalised after a hyphen, can
// continue a name ("Abdollahian" in "Amir-Abdollahian", however tagged).
func (sc *Scratch) namePart(s *nlp.Sentence, i int) bool {
	return capitalised(s.Words[i].Form) && s.Words[i].UPOS != "PUNCT" && !notNames[string(sc.lw(i))]
}

// startsClause reports whether word i follows an opening quote or bracket,
// a colon or a dash.
func startsClause(s *nlp.Sentence, i int) bool {
	if i == 0 {
		return true
	}
	p := s.Words[i-1].Form
	return p == `"` || p == "“" || p == ":" || p == "``" || p == "'" || p == "(" || p == "[" || p == "-" || p == "--" || p == "—"
}

// entities finds the proper-name spans of each sentence, types them and
// links short forms to earlier full mentions.
func (x *Extractor) entities(sc *Scratch, d *nlp.Document, evs []event.Event, r *Record) {
	clear(sc.hyphenNames)
	clear(sc.things)
	if sc.hyphenNames == nil {
		sc.hyphenNames = map[string]bool{}
	}
	sc.affilSent, sc.affilAt, sc.affilPerson = -1, -1, -1
	for k := range d.Sentences {
		s := &d.Sentences[k]
		sc.lowerSentence(s)
		n := len(s.Words)
		for i := 0; i < n; i++ {
			if digitName(s.Words[i].Form) {
				x.addTyped(sc, d, s, k, i, i, Organization, "digit-name", "", r) // "4chan", "9gag"
				continue
			}
			if !sc.nameWord(s, i) && !(capitalised(s.Words[i].Form) && x.knownOrgEnd(sc, s, i) > i) {
				continue // a verb or noun may open a known name: "Save the Children"
			}
			j := i
			if i >= 2 && hyphenParticles[string(sc.lw(i-2))] && !capitalised(s.Words[i-2].Form) && hyphenAfter(s, i-2) == i &&
				(i == 2 || !sc.nameWord(s, i-3)) {
				i -= 2 // "al-Zawahiri said": the particle is part of the name
			}
			// a known organisation's name with words the finder does not
			// join: "Save the Children", "Doctors Without Borders"
			j = x.knownOrgEnd(sc, s, i)
			j = x.spotThrough(sc, s, k, i, j)
			for j+1 < n {
				// A hyphen without spaces: "Amir-Abdollahian", "Jean-Yves".
				if e := hyphenAfter(s, j); e > 0 && sc.namePart(s, e) && x.joinsName(sc, d, s, k, i, j, e) {
					j = e
					continue
				}
				// A lower-case syllable after a hyphen in a name of two or
				// more words ("Lee Cheuk-yan", "Kim Jong-un"), not a
				// suffix word ("Trump-era", "Hamas-run").
				if j > i && j+2 < n && isHyphen(s.Words[j+1].Form) && attached(s, j) && attached(s, j+1) && syllable(s.Words[j+2].Form) &&
					!hyphenSuffixes[string(sc.lw(j+2))] && !(j+3 < n && attached(s, j+2) && isHyphen(s.Words[j+3].Form)) {
					j += 2
					continue
				}
				// A particle between hyphens joins two names: "Lashkar-e-Taiba",
				// "Hizb-ul-Mujahideen", "Zia-ul-Haq".
				if j+4 < n && isHyphen(s.Words[j+1].Form) && linkParticles[string(sc.lw(j+2))] && !capitalised(s.Words[j+2].Form) &&
					isHyphen(s.Words[j+3].Form) && capitalised(s.Words[j+4].Form) && attached(s, j) && attached(s, j+1) && attached(s, j+2) && attached(s, j+3) {
					j += 4
					continue
				}
				if j+2 < n && isHyphen(s.Words[j+1].Form) && attached(s, j) && attached(s, j+1) && linkedName(s.Words[j+2].Form) {
					j += 2 // the tokenizer's "Lashkar", "-", "e-Taiba"
					continue
				}
				// A particle with a hyphen: "Ayman al-Zawahiri".
				if hyphenParticles[string(sc.lw(j+1))] && !capitalised(s.Words[j+1].Form) {
					if e := hyphenAfter(s, j+1); e > 0 && sc.namePart(s, e) {
						j = e
						continue
					}
				}
				if sc.nameWord(s, j+1) && !sc.captionLabel(s, j+1) { // not "The Fawn Image: Nick Moreau."
					j++
					continue
				}
				// A capitalised function word that ends the name before a
				// punctuation mark is a surname the tagger took for a word:
				// "Wilson Or/CCONJ, was elected", "Lee In/ADP, a lawyer"
				if capitalised(s.Words[j+1].Form) && !notNames[string(sc.lw(j+1))] && (j+2 == n || s.Words[j+2].UPOS == "PUNCT") {
					switch s.Words[j+1].UPOS {
					case "CCONJ", "ADP", "ADV", "DET", "PRON", "SCONJ", "PART":
						if s.Words[j].UPOS == "PROPN" {
							j++
							continue
						}
					}
				}
				// An organisation cue the tagger took for another word:
				// "Kestrel Broadcasting/ADV", "Rexford Holdings/VERB".
				if capitalised(s.Words[j+1].Form) && s.Words[j+1].UPOS != "PUNCT" && sc.cue(j+1) && !notNames[string(sc.lw(j+1))] {
					j++
					continue
				}
				// A capitalised word tagged otherwise (a verb) that ends a
				// dictionary organisation's name: "Human Rights Watch".
				if capitalised(s.Words[j+1].Form) && j+1-i < 6 &&
					orgCode(x.dictActor(func(m int) string { return string(sc.lw(i + m)) }, j-i+2)) {
					j++
					continue
				}
				// "&" between capitalised words: "Social Science &
				// Medicine", "Procter & Gamble"; not between persons'
				// names ("Photos: Jane Smith & Tom Brown").
				if j+2 < n && s.Words[j+1].Form == "&" && sc.nameWord(s, j+2) &&
					!(x.givenName(sc, i) && j > i) && !(x.givenName(sc, j+2) && j+3 < n && sc.nameWord(s, j+3)) {
					j += 2
					continue
				}
				// "and" in a title written with "The" inside a sentence:
				// "of The Globe and Mail".
				if j+2 < n && i >= 2 && s.Words[i-1].Form == "The" && string(sc.lw(j+1)) == "and" && sc.nameWord(s, j+2) &&
					(j+3 >= n || !sc.nameWord(s, j+3)) && !x.givenName(sc, j+2) {
					j += 2
					continue
				}
				// A number between capitalised words: "Movimento 5 Stelle",
				// "Channel 4 News".
				if j+2 < n && digits(s.Words[j+1].Form) && attachedNot(s, j) && sc.nameWord(s, j+2) && !sc.title(j) {
					j += 2
					continue
				}
				if sc.collectivePossessive(s, j) {
					j += 2 // "New People's Party", "Workers' Party"
					continue
				}
				// "of", "of the", "de la" between capitalised words.
				c := j + 1
				for c < n && c-j <= 2 && (connectors[string(sc.lw(c))] || string(sc.lw(c)) == "the") && !capitalised(s.Words[c].Form) {
					c++
				}
				// but not after a person's name: "Fernando Cheung of the
				// Labour Party" is a person and a party, "Leung Yiu-chung
				// of NWSC" a person and (see affiliation) an organisation.
				// (a name holding a cue is an organisation's, named after
				// a person: "Mary & Leigh Block Museum of Art")
				person := j > i && (x.givenName(sc, i) || romanised(s, j) || (sc.title(i) || x.rankBefore(sc, s, i)) && x.givenName(sc, i+1)) && !sc.cueIn(i, j) // ("Congressman Tom Hale of Ohio")
				// (a company's legal form ends its name: "Kestrel GmbH of
				// Munich", "Norvance Inc. of Ohio")
				// (a chamber's noun goes on to its body: "the Nigerian House
				// of Representatives", "the Jordanian Chamber of Deputies")
				chamber := string(sc.lw(j)) == "house" || string(sc.lw(j)) == "chamber"
				// (a name with its complement goes on across no second
				// "of" before a country: "Colorado State University of the
				// US", "the University of Sheffield of the UK")
				again := c > j+1 && c < n && string(sc.lw(j+1)) == "of" && (x.spotAt(sc, k, s.Words[c].Start) || x.countryGeos[string(sc.lw(c))] != nil) &&
					(sc.ofIn(i, j) || x.spotIn(sc, k, s.Words[i].Start, s.Words[j].End) || x.placeWordIn(sc, s, i, j))
				if c > j+1 && c < n && connectors[string(sc.lw(j+1))] && sc.nameWord(s, c) && !again && !(person || j > i && sc.cueAhead(s, c) && !sc.cueIn(i, j) && !chamber) &&
					!companyForms[strings.TrimSuffix(string(sc.lw(j)), ".")] {
					j = c
					continue
				}
				// "for" or "on" after an organisation's cue word:
				// "International Organization for Migration", "Committee
				// for the Protection of Journalists", "Council on Foreign
				// Relations", "Commission on Human Rights".
				if c, l := j+2, string(sc.lw(j+1)); c < n && (l == "for" || l == "on" && onBodies[string(sc.lw(j))] && !isAcronym(s.Words[c].Form)) &&
					sc.cue(j) && capitalised(s.Words[j].Form) {
					if string(sc.lw(c)) == "the" && c+1 < n {
						c++
					}
					if sc.nameWord(s, c) && !x.spotAt(sc, k, s.Words[c].Start) {
						j = c
						continue
					}
				}
				if x.andJoins(sc, s, k, i, j) || x.andBeforeCue(sc, s, k, i, j) {
					j += 2 // "Union of Rationalist Atheists and Agnostics", "Justice and Peace Society"
					continue
				}
				// a thing named after a person has no affiliation: "the Rose
				// Garden of the White House"
				person = person && !notSurnames[string(sc.lw(j))]
				if person && c > j+1 && c < n && string(sc.lw(j+1)) == "of" && sc.nameWord(s, c) {
					sc.affilSent, sc.affilAt, sc.affilPerson = k, c, i
				} else if person && j+3 < n && string(sc.lw(j+1)) == "of" && s.Words[j+2].Form == "The" && sc.nameWord(s, j+3) {
					sc.affilSent, sc.affilAt, sc.affilPerson = k, j+3, i // "Matthew Ingram of The Globe and Mail"
				} else if f := j + 2; person && f < n && string(sc.lw(j+1)) == "for" {
					// a person for whom she speaks: "Lydia Buchtmann for
					// Food Standards Australia New Zealand", "Tom Reyes
					// for the Harbour Trust"
					if string(sc.lw(f)) == "the" && f+1 < n {
						f++
					}
					if sc.nameWord(s, f) && !x.givenName(sc, f) {
						sc.affilSent, sc.affilAt, sc.affilPerson = k, f, i
					}
				}
				break
			}
			// A nationality ending a name before a settlement noun is the
			// noun's, not the name's: "the Nahr el-Bared Palestinian
			// refugee camp", "the Ain Helweh Palestinian camp".
			if j > i+1 && x.adjectives[string(sc.lw(j))] != nil && sc.placeNounAt(s, j+1) {
				j--
			}
			x.addEntity(sc, d, s, k, i, j, evs, r)
			// A person's possessive before a body of two words or more of
			// the state he leads: "Gbagbo's interior ministry said",
			// "Gaddafi's security forces": the body, named without him.
			if m := len(r.Entities); m > 0 && r.Entities[m-1].Type == Person && r.Entities[m-1].End == wordEnd(d, &s.Words[j]) && possessive(s, j+1) {
				if h := sc.bodyHead(s, j+1); h > j+2 {
					x.addTyped(sc, d, s, k, j+2, h, Organization, "leader-body", x.agentCode(sc, s, j+2, h, actorCountry(r.Entities[m-1].Actor)), r)
				}
			}
			if m := len(r.Entities); m > 0 {
				// the hyphenated last part of a name, for its short form later
				if last := lastWord(r.Entities[m-1].Text); strings.Contains(last, "-") {
					sc.hyphenNames[last] = true
				}
			}
			i = j
		}
	}
	knownAs(d, r)
	surnamesInContext(r)
	x.givenNamesInContext(r)
	x.linkShortForms(r)
	samePossessive(r)
	linkAcronyms(d, r)
	shortFormsNoPlaces(r)
}

// spotIn reports whether a resolved place of sentence k lies within
// offsets [start, end).
func (x *Extractor) spotIn(sc *Scratch, k, start, end int) bool {
	for _, sp := range sc.spots {
		if sp.sent == k && sp.geo != nil && sp.start >= start && sp.end <= end {
			return true
		}
	}
	return false
}

// placeWordIn reports whether a proper noun of words i..j that is no cue
// is a place the gazetteer resolves alone ("Colorado" in "Colorado State
// University").
func (x *Extractor) placeWordIn(sc *Scratch, s *nlp.Sentence, i, j int) bool {
	for m := i; m <= j; m++ {
		if s.Words[m].UPOS == "PROPN" && !sc.cue(m) && x.placeIn(sc, s, m, m) != nil {
			return true
		}
	}
	return false
}

// ofIn reports whether a lower-case "of" lies in words i..j.
func (sc *Scratch) ofIn(i, j int) bool {
	for m := i + 1; m < j; m++ {
		if string(sc.lw(m)) == "of" {
			return true
		}
	}
	return false
}

// spotThrough returns the last word of a place the gazetteer resolved
// that starts at word i of sentence k and goes on across hyphens written
// without spaces, the class of "Port-au-Prince" and "Stratford-upon-Avon"
// (the finder would stop at the lower-case word); j when none.
func (x *Extractor) spotThrough(sc *Scratch, s *nlp.Sentence, k, i, j int) int {
	for p := range sc.spots {
		sp := &sc.spots[p]
		if sp.sent != k || sp.geo == nil || sp.start != s.Words[i].Start {
			continue
		}
		for j+1 < len(s.Words) && s.Words[j+1].End <= sp.end && s.Words[j+1].Start >= 0 && attached(s, j) &&
			(isHyphen(s.Words[j].Form) || isHyphen(s.Words[j+1].Form)) {
			j++
		}
		return j
	}
	return j
}

// knownAs types a name written after ", known as" (", also known as",
// with or without "the") as the organisation named right before the comma,
// the class of "The Afghan parliament, known as the Wolesi Jirga" and "the
// Revolutionary Armed Forces of Colombia, known as FARC": another name of
// it, linked to it.
func knownAs(d *nlp.Document, r *Record) {
	for n := 1; n < len(r.Entities); n++ {
		e := &r.Entities[n]
		if e.Type != OtherName && e.Type != Person || e.Sentence < 1 || e.Sentence > len(d.Sentences) {
			continue // (a foreign name of two words reads as a person's)
		}
		s := &d.Sentences[e.Sentence-1]
		f := e.First - 1 // 0-based first word
		if f >= 1 && s.Words[f-1].Form == "the" {
			f--
		}
		if f < 3 || !strings.EqualFold(s.Words[f-1].Form, "as") || !strings.EqualFold(s.Words[f-2].Form, "known") {
			continue
		}
		c := f - 3
		if c >= 1 && strings.EqualFold(s.Words[c].Form, "also") {
			c--
		}
		if s.Words[c].Form != "," || c < 1 {
			continue
		}
		o := &r.Entities[n-1]
		if o.Type == Organization && o.Sentence == e.Sentence && o.Last == s.Words[c-1].ID {
			e.Type, e.Why = Organization, "alias"
			if e.Actor == "" {
				e.Actor = o.Actor
			}
		}
	}
}

// shortFormsNoPlaces drops the locations spotted on a one-word name that
// the article uses as the short form of a longer name of a thing or a
// person, the class of "Atlantis" after "Space Shuttle Atlantis" (no
// Atlantis, Florida) and "Enterprise" after "Space Shuttle Enterprise":
// the word was linked to that name, typed no place.
func shortFormsNoPlaces(r *Record) {
	if len(r.Locations) == 0 {
		return
	}
	var short map[int]bool // offsets of short forms of names of things and persons
	for i := range r.Entities {
		e := &r.Entities[i]
		if e.Why == "link" && (e.Type == OtherName || e.Type == Person) && !strings.Contains(e.Text, " ") && strings.Contains(e.Canonical, " ") {
			if short == nil {
				short = map[int]bool{}
			}
			short[e.Start] = true
		}
	}
	if short == nil {
		return
	}
	keep := r.Locations[:0]
	for _, l := range r.Locations {
		if !short[l.Offset] || strings.Contains(l.Text, " ") {
			keep = append(keep, l)
		}
	}
	r.Locations = keep
}

// surnamesInContext types as persons the names of two or more words typed
// "other" whose last word is the surname of a person the article names
// elsewhere ("Hamdullah Mohib" with "Ambassador Mohib" later), and the
// one-word names equal to such a surname, linked to the full name.
func surnamesInContext(r *Record) {
	full := map[string]string{} // lower-cased surname → a person's full name
	for i := range r.Entities {
		e := &r.Entities[i]
		if e.Type == Person && strings.Contains(e.Canonical, " ") {
			full[strings.ToLower(lastWord(e.Canonical))] = e.Canonical
		}
	}
	titled := map[string]bool{} // surnames seen alone as persons (by a title)
	for i := range r.Entities {
		if e := &r.Entities[i]; e.Type == Person && !strings.Contains(e.Canonical, " ") {
			titled[strings.ToLower(e.Canonical)] = true
		}
	}
	for i := range r.Entities {
		e := &r.Entities[i]
		if e.Type != OtherName || !strings.Contains(e.Text, " ") {
			continue
		}
		if l := strings.ToLower(lastWord(e.Text)); titled[l] || full[l] != "" {
			e.Type, e.Why = Person, "context"
			if full[l] == "" {
				full[l] = e.Canonical
			}
		}
	}
	for i := range r.Entities {
		e := &r.Entities[i]
		if (e.Type == OtherName || e.Type == Person) && !strings.Contains(e.Canonical, " ") {
			if f := full[strings.ToLower(e.Canonical)]; f != "" {
				e.Canonical, e.Type, e.Why = f, Person, "context"
			}
		}
	}
}

// possessives drops a collective's possessive inside a name.
var possessives = strings.NewReplacer("'s ", " ", "’s ", " ", "s' ", "s ", "s’ ", "s ")

// samePossessive gives the organisations written with and without a
// collective's possessive ("New People Party's Michael Tien", "New People's
// Party") one name: the one with the possessive.
func samePossessive(r *Record) {
	var full map[string]string // the name without "'s" → the name with it
	for i := range r.Entities {
		if e := &r.Entities[i]; e.Type == Organization && strings.ContainsAny(e.Canonical, "'’") {
			if k := strings.ToLower(possessives.Replace(e.Canonical)); k != strings.ToLower(e.Canonical) {
				if full == nil {
					full = map[string]string{}
				}
				full[k] = e.Canonical
			}
		}
	}
	if len(full) == 0 {
		return
	}
	for i := range r.Entities {
		if e := &r.Entities[i]; e.Type == Organization {
			if f := full[strings.ToLower(e.Canonical)]; f != "" {
				e.Canonical = f
			}
		}
	}
}

// givenNamesInContext links a one-word name that is the given name of
// exactly one person the article names in full to that person ("Thomas"
// after "Thomas Sam"), and types as a person a one-word given name of the
// list (not a tone word) named at least twice that nothing else typed
// ("Gloria", the child of the story).
func (x *Extractor) givenNamesInContext(r *Record) {
	full := map[string]string{} // lower-cased given name → the person's full name, "" when two persons share it
	for i := range r.Entities {
		e := &r.Entities[i]
		if e.Type != Person || !strings.Contains(e.Canonical, " ") {
			continue
		}
		g := strings.ToLower(e.Canonical[:strings.IndexByte(e.Canonical, ' ')])
		if f, ok := full[g]; ok && f != e.Canonical {
			full[g] = ""
		} else {
			full[g] = e.Canonical
		}
	}
	count := map[string]int{}
	for i := range r.Entities {
		if e := &r.Entities[i]; e.Type == OtherName && !strings.Contains(e.Canonical, " ") {
			count[strings.ToLower(e.Canonical)]++
		}
	}
	for i := range r.Entities {
		e := &r.Entities[i]
		if (e.Type != OtherName && e.Type != Person) || strings.Contains(e.Canonical, " ") {
			continue
		}
		low := strings.ToLower(e.Canonical)
		if f := full[low]; f != "" {
			e.Canonical, e.Type, e.Why = f, Person, "given name"
			continue
		}
		if _, word := x.lex.words[low]; e.Type == OtherName && count[low] >= 2 && x.names[low] && !word && !compass[low] { // not "West", "North"
			e.Type, e.Why = Person, "given name"
		}
	}
}

// speakingOrgs types as organisations the one-word names typed "other"
// that speak a quotation, the class of `Microsoft says on its site "..."`
// and `"...," Oxfam said`: a name that is no given name, nationality, or
// surname of a person the article names (those are linked to the person
// before), and that the dictionaries give no actor that is not an
// organisation's, nor an English word of WordNet. News introduce persons
// by their full names; a one-word speaker is mostly a company, group or
// agency.
func (x *Extractor) speakingOrgs(r *Record) {
	if len(r.Quotations) == 0 {
		return
	}
	speakers := map[string]bool{}
	for _, q := range r.Quotations {
		if q.Speaker != "" && !strings.Contains(q.Speaker, " ") {
			speakers[q.Speaker] = true
		}
	}
	for i := range r.Entities {
		e := &r.Entities[i]
		if e.Type != OtherName || !speakers[e.Canonical] || e.Actor != "" && !orgCode(e.Actor) {
			continue
		}
		low := strings.ToLower(e.Canonical)
		if x.names[low] || x.adjectives[low] != nil || demonym(low) && strings.HasSuffix(low, "s") ||
			x.wn != nil && x.wn.Tags([]byte(low)) != 0 { // "Water said" for Waters: a word is no name of its own
			continue
		}
		e.Type, e.Why = Organization, "speaker"
	}
}

// nameLists types as persons the names of two or more words typed
// "other" that speak a quotation (as organisations those that open with a
// country and no given name: "the US Geological Survey said"), and fills
// the record's name lists.
func (x *Extractor) nameLists(r *Record) {
	speakers := map[string]bool{}
	for _, q := range r.Quotations {
		speakers[q.Speaker] = true
	}
	for i := range r.Entities {
		e := &r.Entities[i]
		if e.Type == OtherName && strings.Contains(e.Text, " ") && speakers[e.Canonical] {
			e.Type, e.Why = Person, "speaker"
			ws := strings.Fields(strings.ToLower(e.Text))
			if x.pluralLast(ws[len(ws)-1]) {
				e.Type, e.Why = Organization, "speaker" // "said Norvance Solutions"
			} else if l := ws[0]; x.adjectives[l] != nil || x.countryGeos[l] != nil {
				e.Type, e.Why = Organization, "speaker"
				for _, w := range ws[1:] {
					if _, word := x.lex.words[w]; x.names[w] && !compass[w] && !word {
						e.Type, e.Why = Person, "speaker"
					}
				}
			}
		}
	}
	for i := range r.Entities {
		e := &r.Entities[i]
		nm := Name{Name: e.Canonical, Offset: e.Start}
		switch e.Type {
		case Person:
			r.Persons = append(r.Persons, nm)
		case Organization:
			r.Organizations = append(r.Organizations, nm)
		}
		r.AllNames = append(r.AllNames, Name{Name: e.Text, Offset: e.Start})
	}
}

// addEntity types the name spanning words i..j (0-based) of sentence k.
func (x *Extractor) addEntity(sc *Scratch, d *nlp.Document, s *nlp.Sentence, k, i, j int, evs []event.Event, r *Record) {
	// Members of a body are persons, not the body: "Members of Parliament
	// are elected", "a Member of the European Parliament", "a Fellow of the
	// Royal Society"; the name is the body's, after "of".
	if j >= i+2 && bodyRoles[string(sc.lw(i))] && string(sc.lw(i+1)) == "of" {
		i += 2
		if string(sc.lw(i)) == "the" && i < j {
			i++
		}
	}
	// A place spotted whole across hyphens is the place, its words no
	// titles: "Port-au-Prince".
	if j > i && isHyphen(s.Words[i+1].Form) {
		for p := range sc.spots {
			if sp := &sc.spots[p]; sp.sent == k && sp.geo != nil && sp.start == s.Words[i].Start && sp.end == wordEnd(d, &s.Words[j]) {
				e := Entity{Start: sp.start, End: sp.end, Sentence: k + 1, First: s.Words[i].ID, Last: s.Words[j].ID, Type: Place, Why: "place", Geo: sp.geo}
				e.Text = spanText(d, s, i, j)
				e.Canonical = e.Text
				r.Entities = append(r.Entities, e)
				return
			}
		}
	}
	// A seat of government that acts is the institution it houses: "The
	// White House said", "the Kremlin denied"; "outside the White House"
	// stays a building.
	if code := x.actingSeat(sc, s, i, j); code != "" {
		x.addTyped(sc, d, s, k, i, j, Organization, "seat", code, r)
		return
	}
	// A name the dictionaries know as an organisation keeps its rank
	// words ("General Electric", "General Motors") and is one.
	known := x.dictActor(func(m int) string { return string(sc.lw(i + m)) }, j-i+1)
	// (a member the dictionaries list under his group's code is a person:
	// "Joseph Kony" [UGAREB], "Hassan Nasrallah": a given name first, no
	// cue, and a last word that is no English word, unlike "Ansar Dine")
	member := j > i && x.givenName(sc, i) && !sc.cueIn(i, j) && x.wn != nil && x.wn.Tags(sc.lw(j)) == 0
	if orgCode(known) && !member {
		x.addTyped(sc, d, s, k, i, j, Organization, "dict", known, r)
		return
	}
	if code, ok := x.lexiconOrg(sc, s, k, i, j, r); ok {
		x.addTyped(sc, d, s, k, i, j, Organization, "lexicon", code, r)
		return
	}
	// A rank word before one plural or adjectival common word names a
	// company, the class of "General Motors" and "General Electric", not
	// a person named "Motors".
	if j == i+1 && string(sc.lw(i)) == "general" && x.companyWord(sc, j) {
		x.addTyped(sc, d, s, k, i, j, Organization, "rank-company", "", r)
		return
	}
	// Leading titles make a person and are not part of the name.
	title := false
	// (a rank before a cue is part of an organisation's name: "General
	// Assembly", "General Council")
	// (a title opening a name that ends in a cue is part of the
	// organisation's name, named after a ruler: "King Khaled University",
	// "Queen Elizabeth Hospital")
	for i < j && (sc.title(i) || x.rankBefore(sc, s, i)) && string(sc.lw(i+1)) != "and" && !sc.cue(i+1) && // not "Justice and Peace Society"
		!(sc.cue(j) && capitalised(s.Words[i+1].Form)) {
		i, title = i+1, true
	}
	if i > 0 && (sc.title(i-1) || x.rankBefore(sc, s, i-1)) {
		title = true
	}
	// A title before its complement outside the name ("Minister of
	// Education Stefania Giannini" with a sentence-initial "Minister"):
	// the person is the name after the complement's first word.
	if !title && i >= 2 && (string(sc.lw(i-1)) == "of" || string(sc.lw(i-1)) == "for") && sc.title(i-2) {
		if x.staffOrg(sc, s, i, j, r) {
			x.addTyped(sc, d, s, k, i, j, Organization, "staff", "", r) // "a spokeswoman for Caritas"
			return
		}
		if i == j {
			return // "Minister of Education"
		}
		p := -1
		for m := i + 1; m <= j; m++ {
			if x.givenName(sc, m) {
				p = m
				break
			}
		}
		if p < 0 || x.surnameGiven(sc, s, i, p, j) {
			if j-i < 2 {
				return // "Secretary of Homeland Security"
			}
			p = sc.lastParts(s, i, j)
		}
		i, title = p, true
	}
	// A descriptor before a given name ("Scientologist Tom Cruise",
	// "Nonpartisan Paul Tse"): the person starts at the given name.
	if !title && j >= i+2 && !x.givenName(sc, i) && x.givenName(sc, i+1) && descriptor(string(sc.lw(i))) {
		i++
	}
	// A title's complement ("Governor of Washington Chris Gregoire",
	// "Secretary of State"): the person is the name after it, from its
	// first given name, else its last two parts; a title phrase with no
	// name after it is none.
	if title && i < j && connectors[string(sc.lw(i))] && !capitalised(s.Words[i].Form) {
		p := -1
		for m := i + 2; m <= j; m++ { // after the complement's first word
			if x.givenName(sc, m) {
				p = m
				break
			}
		}
		if p < 0 || x.surnameGiven(sc, s, i+1, p, j) {
			if j-i < 3 {
				return // "of State"
			}
			// A complement that names an organisation ("Chairman of the
			// Australian Centre for Control of Iodine Deficiency
			// Disorders", "Head of the Regional Council for Water
			// Management") or modifies a noun after it ("Director of the
			// National Iodine Nutrition study") holds no person's name.
			if sc.cueIn(i, j) {
				c := i + 1
				for c < j && (string(sc.lw(c)) == "the" || connectors[string(sc.lw(c))]) {
					c++
				}
				x.addTyped(sc, d, s, k, c, j, Organization, "title-complement", "", r)
				return
			}
			if j+1 < len(s.Words) && s.Words[j+1].UPOS == "NOUN" && !capitalised(s.Words[j+1].Form) {
				return
			}
			p = sc.lastParts(s, i, j)
		}
		i = p
	}
	// A country before a person's name ("Ambassador to the United
	// States Hamdullah Mohib"): the person starts after it, at a given
	// name or after a title's phrase.
	if m := x.countryPrefix(sc, i, j); m > i && m < j && (x.givenName(sc, m) || titleBefore(sc, i, 4)) && !sc.cue(j) { // not "Kenya Red Cross"
		i, title = m, true
	}
	// A title inside the span ("Syrian President Bashar Assad", "Deputy
	// Secretary of Energy Jeffrey Kupfer"): the person is the name after
	// the last title, from its first given name, else its last two words.
	for t := j; t > i; t-- {
		if !sc.title(t) {
			continue
		}
		if t == j {
			return // ends with a title: "the Syrian President"
		}
		p := -1
		for m := t + 1; m <= j; m++ {
			if x.givenName(sc, m) {
				p = m
				break
			}
		}
		if p < 0 || x.surnameGiven(sc, s, t, p, j) {
			p = sc.lastParts(s, t, j)
		}
		if p > t+1 && x.nameLead(sc, s, t+1, p) {
			p = t + 1 // "Foreign Minister Syed Hamid Albar"
		}
		i, title = p, true
		break
	}
	if sc.title(j) {
		return // a title alone
	}
	single := i == j
	w := &s.Words[i]
	low := string(sc.lw(j))
	acronym := isAcronym(s.Words[j].Form)
	// A compass word before a nationality ("South Korean intelligence",
	// "North Korean state media") is part of the adjective.
	if !title && j == i+1 {
		if h, g := x.compassBody(sc, s, i); h > j {
			x.addTyped(sc, d, s, k, i, h, Organization, "adjective-body", x.agentCode(sc, s, j, h, actorCountry(g.CountryISO)), r)
			return
		}
	}
	// A nationality or a country of two words before a body of its state
	// ("Sri Lankan police", "the New Zealand government"), and a country's
	// possessive before one ("Pakistan's army", "Iraq's interior
	// ministry"): that body.
	if !title && j <= i+2 {
		name := strings.ToLower(spanText(d, s, i, j))
		g := x.adjectives[name]
		if g == nil && j > i {
			g = x.countryGeos[name]
		}
		h := -1
		if c := x.countryGeos[name]; c != nil && possessive(s, j+1) {
			g, h = c, sc.bodyHead(s, j+1)
		} else if g != nil && j > i && !(i >= 1 && indefinites[string(sc.lw(i-1))]) {
			h = sc.bodyHead(s, j)
		}
		if h > j {
			x.addTyped(sc, d, s, k, i, h, Organization, "adjective-body", x.agentCode(sc, s, j, h, actorCountry(g.CountryISO)), r)
			return
		}
	}
	if single && !title {
		// A country's adjective before a body of its state: "the
		// Indonesian military", "the Sudanese election commission".
		if h := x.adjectiveBody(sc, s, i); h > i {
			x.addTyped(sc, d, s, k, i, h, Organization, "adjective-body", x.agentCode(sc, s, i, h, actorCountry(x.adjectives[low].CountryISO)), r)
			return
		}
		// A leader's name before "government" or "administration", which
		// the tagger often reads as an adjective: "the Monti government".
		if g := sc.governedBy(s, j); g > 0 && !acronym && x.adjectives[low] == nil && !x.spotAt(sc, k, w.Start) {
			x.addTyped(sc, d, s, k, i, g, Organization, "government", "", r)
			if c := x.dictCountryPlace(sc, d, s, i, j); c != nil {
				// "the Colombo government" names Colombo, in Sri Lanka
				r.Locations = append(r.Locations, Location{Geo: *c, Text: w.Form, Offset: w.Start})
			}
			return
		}
	}
	if single && !acronym && !title && !x.kindPlace(sc, s, i, j) && !(sc.mediaNoun(s, j) && x.adjectives[low] == nil) {
		// Nationality and other adjectives ("French", "Islamophobic").
		if w.UPOS == "ADJ" || w.Deprel == "amod" || strings.HasSuffix(low, "phobic") || strings.HasSuffix(low, "ism") ||
			w.Deprel == "compound" && (w.UPOS != "PROPN" || demonym(low) && !x.spotAt(sc, k, w.Start)) {
			return
		}
	}
	e := Entity{Start: s.Words[i].Start, End: wordEnd(d, &s.Words[j]), Sentence: k + 1, First: s.Words[i].ID, Last: s.Words[j].ID}
	e.Text = spanText(d, s, i, j)
	e.Canonical = e.Text
	cue := ""
	for m := i; m <= j; m++ {
		if l := strings.TrimSuffix(string(sc.lw(m)), "."); sc.cue(m) && !connectors[l] {
			cue = l
		} else if m == j && m > i && l == "international" {
			// "International" ending a name: "PEN International",
			// "Survival International" (not "International Women's Day")
			cue = l
		}
	}
	var place *spot
	for p := range sc.spots {
		sp := &sc.spots[p]
		if sp.sent == k && sp.geo != nil && sp.start <= e.Start && e.End <= sp.end+1 {
			place = sp
			break
		}
	}
	exact := place != nil && place.start == e.Start && place.end >= e.End-1
	var region *event.Geo
	if !exact && !single && (compass[string(sc.lw(i))] || compass[string(sc.lw(j))]) {
		region = x.regionPlace(sc, s, i, j)
	}
	switch {
	case x.sportsTeam(sc, s, i, j):
		// "Manchester United beat Arsenal 2-1", "Barcelona coach Xavi
		// Hernandez": a club, even one named by its city
		e.Type, e.Why = Organization, "team"
		if exact {
			dropLocation(r, e.Start)
		}
	case exact:
		e.Type, e.Why, e.Geo = Place, "place", place.geo
	case region != nil:
		// "West Africa" is a region, not a person named West
		e.Type, e.Why, e.Geo = Place, "region", region
		r.Locations = append(r.Locations, Location{Geo: *region, Text: e.Text, Offset: e.Start})
	case single && webName(s.Words[i].Form):
		e.Type, e.Why = Organization, "domain"
	case single && newsName(s.Words[i].Form):
		e.Type, e.Why = Organization, "media" // "Wikinews", "Euronews"
	case cue != "" && single && !acronym && newsCues[cue] && i >= 1 && string(sc.lw(i-1)) == "the":
		e.Type, e.Why = Organization, "media" // "The Telegraph", "the Herald"
	case cue != "" && single && !acronym && legislatures[cue]:
		e.Type, e.Why = Organization, "legislature" // "Congress passed the bill", "the Senate voted"
	case cue != "" && single && !acronym:
		e.Type = OtherName // a cue word alone ("Government", "Movement") names no one organisation
	case cue != "" && !single && streetWords[low] && !sc.cue(j):
		// a street, square or station named after one: "Union Square",
		// "Church Street", "NTU Hospital Station"
		e.Type, e.Why = Place, "feature"
		if g := x.featurePlace(sc, d, s, k, i, j); g != nil {
			e.Geo = g
			r.Locations = append(r.Locations, Location{Geo: *g, Text: e.Text, Offset: e.Start})
		}
	case cue != "" && j == i+1 && len(s.Words[j].Form) == 1 && capitalised(s.Words[j].Form):
		e.Type = OtherName // a cue and a letter: "Group F" of a tournament, "Unit B"
	case cue != "" && !(cue == "force" && sc.isFeature(s, i, j)):
		e.Type, e.Why = Organization, "cue:"+cue
	case j == i+2 && isHyphen(s.Words[i+1].Form) && isAcronym(s.Words[i].Form) && capitals(s.Words[j].Form):
		e.Type, e.Why = Organization, "acronym" // "ZANU-PF", joined by acronymPair
	case !single && !title && x.dictHead(sc, i, j):
		e.Type, e.Why = Organization, "dict-head" // "Fatah al-Islam", "Taliban Shura"
	case !single && ezafe(s, i, j):
		e.Type, e.Why = Organization, "ezafe" // "Jaish-e-Mohammed", "Tehreek-e-Insaf"
	case (!single || ampInitials(s.Words[i].Form)) && ampersand(s, i, j):
		e.Type, e.Why = Organization, "ampersand" // "Social Science & Medicine": no person is "A & B"
	case !exact && x.placeAt(sc, s, i, j, &e) != nil:
		// "Borno State", "the London-based group" (located by placeAt)
		r.Locations = append(r.Locations, Location{Geo: *e.Geo, Text: e.Text, Offset: e.Start})
	case !exact && sc.isFeature(s, i, j):
		// "Jamarat Bridge", "Mecca's Grand Mosque", "Strait of Hormuz"
		e.Type, e.Why = Place, "feature"
		if g := x.featurePlace(sc, d, s, k, i, j); g != nil {
			e.Geo = g
			r.Locations = append(r.Locations, Location{Geo: *g, Text: e.Text, Offset: e.Start})
		}
	case place == nil && !title && x.kindPlace(sc, s, i, j):
		// "the town of Kafr Tayba", "the Qarawat refugee camp": located
		// as a feature is
		e.Type, e.Why = Place, "kind"
		g := x.kindPlaceIn(sc, d, s, k, i, r)
		if g == nil {
			g = x.featurePlace(sc, d, s, k, i, j)
		}
		if g != nil {
			e.Geo = g
			r.Locations = append(r.Locations, Location{Geo: *g, Text: e.Text, Offset: e.Start})
		}
	case place != nil:
		e.Type, e.Why, e.Geo = Place, "place", place.geo
	case title && x.titledPlace(e.Text):
		// "Captain America", "Miss Venezuela"; "the President of the
		// United States" names no person "United States"
		e.Type, e.Why = OtherName, "thing"
	case title:
		e.Type, e.Why = Person, "title"
	case x.dictPerson(sc, i, j):
		e.Type, e.Why = Person, "dict-person" // "Barack Obama", "Putin"
	case sc.kindBefore(s, i) && !(sc.pluralKindBefore(s, i) && (x.givenName(sc, i) || j+1 < len(s.Words) && string(sc.lw(j+1)) == "of")) ||
		sc.mediaNoun(s, j) && !x.openingWord(sc, s, i, j) || x.kindAfter(sc, s, k, i, j) || sc.apposedKind(s, i, j):
		// not after a plural that names roles: "publishers Jann Wenner of
		// Rolling Stone"
		e.Type, e.Why = Organization, "kind"
	case !single && !title && x.teamName(sc, d, s, i, j):
		e.Type, e.Why = Organization, "team" // "Houston Astros", "Boston Red Sox"
	case !single && !title && placeOpeners[string(sc.lw(i))]:
		e.Type = OtherName // a place's name: "Grande Terre", "Wat Arun", "Port Hutt"
	case !single && x.thingName(sc, d, s, k, i, j, r, e.Text):
		e.Type, e.Why = OtherName, "thing" // "Internet Explorer 9", "the browser Mozilla Firefox"
	case !single && j == i+1 && string(sc.lw(i)) == "air" && capitalised(s.Words[j].Form):
		e.Type, e.Why = Organization, "airline" // "Air Canada", "Air Chathams"
	case !single && x.givenName(sc, i) && !notSurnames[low] && !strings.HasSuffix(low, "ism") && !abbreviation(s.Words[j].Form) && (s.Words[j].UPOS == "PROPN" || romanised(s, j) ||
		s.Words[i].UPOS == "PROPN" && s.Words[j].UPOS == "NOUN"):
		// "Tom Cruise" with the surname tagged a noun, not "Rose Garden"
		// nor "Roman Catholicism"
		e.Type, e.Why = Person, "first-name"
	case !single && romanised(s, j) && cue == "":
		e.Type, e.Why = Person, "romanised"
	case !title && orgCode(x.dictActor(func(m int) string { return string(sc.lw(i + m)) }, j-i+1)):
		e.Type, e.Why = Organization, "dict"
	case acronym && single && !notAcronyms[low] && !roman(low) && !sc.acronymModifier(s, j) && !designation(s, j) &&
		x.countryGeos[low] == nil: // a country's short form is no organisation: "US-led", "the UAE"
		e.Type, e.Why = Organization, "acronym"
	case single && camelName(s.Words[i].Form):
		e.Type, e.Why = Organization, "camel"
	case x.employerBefore(sc, s, k, i, j, r):
		e.Type, e.Why = Organization, "employer" // "Morningstar analyst Tom Brady"
	case single && x.platformName(sc, s, k, i, r):
		e.Type, e.Why = Organization, "platform" // "a Facebook post", "wrote on Twitter"
	case x.staffOrg(sc, s, i, j, r) && !x.openingWord(sc, s, i, j): // not "Library staff union president Mark Evans"
		e.Type, e.Why = Organization, "staff" // "a Rexford spokesman", "a spokeswoman for Caritas"
	case sc.affilSent == k && sc.affilAt == i && !(j+1 < len(s.Words) && s.Words[j+1].UPOS == "NOUN" && !capitalised(s.Words[j+1].Form)) &&
		!(j+2 < len(s.Words) && s.Words[j+1].Form == "," && capitalised(s.Words[j+2].Form)):
		// "Raymond Chan of People Power", not "Shiu Ka-chun of the
		// Social Welfare constituency" nor "Edward Yiu of the
		// Architectural, Surveying, Planning and Landscape constituency"
		e.Type, e.Why = Organization, "affiliation"
	case !single && sc.affilSent == k && sc.affilPerson == i && !notSurnames[low]: // not "the Rose Garden of the White House"
		e.Type, e.Why = Person, "affiliation" // "Gary Fan of the Neo Democrats"
	case !single && x.apposedRole(sc, s, i, j):
		e.Type, e.Why = Person, "apposition" // "Salva Kiir, a former rebel leader"
	case possessive(s, j+1) && x.personAhead(sc, s, j+2):
		e.Type, e.Why = Organization, "possessive" // "Demosisto's Nathan Law"
	case !single && i >= 2 && possessive(s, i-1) && orgEndsAt(r, k, s.Words[i-2].Start, wordEnd(d, &s.Words[i-2])):
		e.Type, e.Why = Person, "affiliation" // "DAB's Starry Lee"
	case x.seatsSubject(sc, s, i, j):
		e.Type, e.Why = Organization, "seats" // "Sinn Fein won four seats"
	case single && x.accordingTo(sc, s, k, i, r):
		e.Type, e.Why = Organization, "source" // "according to Hitwise"
	case single && x.businessSubject(sc, s, i, r):
		e.Type, e.Why = Organization, "business" // "Norvance acquired ...", "Brevanta hired ..."
	case !single && relativeAfter(sc, s, j, "who"):
		e.Type, e.Why = Person, "who" // "Farouk Ben Mustapha, who kept goal,"
	case !single && subjectOfSpeech(s, i, j) && (x.countryOpens(sc, i, j) || x.pluralLast(string(sc.lw(j)))):
		e.Type, e.Why = Organization, "speaker" // "The US Geological Survey said", "Kestrel Dynamics said"
	case !single && subjectOfSpeech(s, i, j):
		e.Type, e.Why = Person, "speaker"
	case !single && x.foreignName(sc, s, k, i, j):
		e.Type, e.Why = Person, "foreign-name" // "Romelu Lukaku", "Shadi Jaradat"
	default:
		e.Type = OtherName
		if g := x.variantPlace(e.Text); g != nil {
			e.Type, e.Why, e.Geo = Place, "variant", g // "Genova"
			r.Locations = append(r.Locations, Location{Geo: *g, Text: e.Text, Offset: e.Start})
		} else if g := x.dictCountryPlace(sc, d, s, i, j); g != nil {
			e.Type, e.Why, e.Geo = Place, "dict-country", g // "Democratic Republic of Congo", "Colombo"
			r.Locations = append(r.Locations, Location{Geo: *g, Text: e.Text, Offset: e.Start})
		} else if single && x.inPlace(sc, s, k, i, r) {
			e.Type, e.Why = Place, "in" // "the compound in Muqdidiya": located as a feature is
			if g := x.featurePlace(sc, d, s, k, i, j); g != nil {
				e.Geo = g
				r.Locations = append(r.Locations, Location{Geo: *g, Text: e.Text, Offset: e.Start})
			}
		}
	}
	if e.Type != Place && e.Type != Organization {
		// "the Monti government", "the Obama administration"
		if g := sc.governedBy(s, j); g > 0 {
			j = g
			e.End, e.Last, e.Type, e.Why = wordEnd(d, &s.Words[j]), s.Words[j].ID, Organization, "government"
			e.Text = spanText(d, s, i, j)
			e.Canonical = e.Text
		}
	}
	e.Actor = x.actorFor(sc, s, i, j, evs, e.Start, e.End)
	if e.Actor == "" && e.Type == Organization {
		// A role noun of the dictionaries with the country named in the
		// name: "Senate of the French Republic" → FRA + ~LEG.
		country := ""
		for p := range sc.spots {
			sp := &sc.spots[p]
			if sp.sent == k && sp.geo != nil && sp.start >= e.Start && sp.end <= e.End && sp.geo.CountryISO != "" {
				country = sp.geo.CountryISO
				break
			}
		}
		e.Actor = x.agentCode(sc, s, i, j, country)
	}
	r.Entities = append(r.Entities, e)
}

// addTyped adds the name spanning words i..j of sentence k with its type.
func (x *Extractor) addTyped(sc *Scratch, d *nlp.Document, s *nlp.Sentence, k, i, j int, typ, why, actor string, r *Record) {
	e := Entity{Start: s.Words[i].Start, End: wordEnd(d, &s.Words[j]), Sentence: k + 1, First: s.Words[i].ID, Last: s.Words[j].ID,
		Type: typ, Why: why, Actor: actor}
	e.Text = spanText(d, s, i, j)
	e.Canonical = e.Text
	r.Entities = append(r.Entities, e)
}

// placeAt types as a place the name spanning words i..j of s that names a
// division of a place ("Borno State") or a place before "-based", setting
// e's type, evidence and location; it returns the location, nil if none.
func (x *Extractor) placeAt(sc *Scratch, s *nlp.Sentence, i, j int, e *Entity) *event.Geo {
	why := "division"
	g := x.divisionPlace(sc, s, i, j)
	if g == nil {
		why, g = "based", x.basedPlace(sc, s, i, j)
	}
	if g != nil {
		e.Type, e.Why, e.Geo = Place, why, g
	}
	return g
}

// seats are the buildings and streets that stand for a government or an
// armed force when they act ("the White House said", "the Kremlin
// denied", "the Pentagon announced"), with the actor code of what they
// stand for.
var seats = map[string]string{
	"white house": "USAGOV", "pentagon": "USAMIL", "kremlin": "RUSGOV", "downing street": "GBRGOV", "whitehall": "GBRGOV",
	"elysee": "FRAGOV", "élysée": "FRAGOV", "elysee palace": "FRAGOV", "élysée palace": "FRAGOV", "quai d'orsay": "FRAGOV",
	"blue house": "KORGOV", "zhongnanhai": "CHNGOV", "foggy bottom": "USAGOV", "capitol hill": "USALEG",
}

// actingSeat returns the code of the government a seat named by words i..j
// of s stands for when the seat acts: the subject of a verb, or
// coordinated with one ("The White House, NATO and the European Union
// called"), or the agent of a passive ("denied by the Kremlin"); "" when
// the name is no seat or the building is only a place ("protesters outside
// the White House").
func (x *Extractor) actingSeat(sc *Scratch, s *nlp.Sentence, i, j int) string {
	if j-i > 2 {
		return ""
	}
	var b strings.Builder
	for m := i; m <= j; m++ {
		if m > i {
			b.WriteByte(' ')
		}
		b.Write(sc.lw(m))
	}
	code := seats[b.String()]
	if code == "" {
		return ""
	}
	h := headOf(s, i, j)
	for hops := 0; hops < 3; hops++ {
		w := &s.Words[h]
		switch w.Deprel {
		case "nsubj", "nsubj:pass", "obl:agent":
			if w.Deprel != "nsubj:pass" {
				return code
			}
			return ""
		case "conj", "appos":
			if w.Head < 1 || w.Head > len(s.Words) {
				return ""
			}
			h = w.Head - 1
			continue
		}
		if w.Deprel == "obl" && (h >= 1 && string(sc.lw(h-1)) == "by" || h >= 2 && string(sc.lw(h-1)) == "the" && string(sc.lw(h-2)) == "by") {
			return code // "denied by the Kremlin", parsed as an oblique
		}
		return ""
	}
	return ""
}

// dictCountryPlace returns the country a name the gazetteer did not spot
// stands for when the actor dictionaries give it a country's code alone,
// the class of "Democratic Republic of Congo" (COD; the gazetteer knows
// "the Congo"), a capital named for its country ("Colombo", LKA) and "U.S."
// closing a sentence: a place in that country, located at the country. Not
// a people ("Palestinians", "New Zealander": a nationality's ending or a
// plural) nor a name with a number word ("One China").
func (x *Extractor) dictCountryPlace(sc *Scratch, d *nlp.Document, s *nlp.Sentence, i, j int) *event.Geo {
	// (a place the gazetteer resolved elsewhere in the article is linked
	// to it later: "Caracas" is Caracas, not Venezuela)
	text := spanText(d, s, i, j)
	for p := range sc.spots {
		if sp := &sc.spots[p]; sp.geo != nil && strings.EqualFold(sp.text, text) {
			return nil
		}
	}
	code := x.dictActor(func(m int) string { return string(sc.lw(i + m)) }, j-i+1)
	g := x.countryISO[code]
	if g == nil && i == j {
		g = x.countryGeos[string(sc.lw(i))] // an alias the spotter missed: "U.S." closing a sentence
	}
	if g == nil {
		return nil
	}
	last := strings.TrimSuffix(string(sc.lw(j)), ".")
	one := strings.TrimSuffix(last, "s") // a people in the plural: "Palestinians"
	if x.adjectives[last] != nil || demonym(last) || one != last && (x.adjectives[one] != nil || demonym(one)) ||
		strings.HasSuffix(last, "er") { // "New Zealander"
		return nil
	}
	for m := i; m <= j; m++ {
		if numberWords[string(sc.lw(m))] > 0 {
			return nil
		}
	}
	return g
}

// openingWord reports whether the one-word name i..j opens its sentence
// and is an English word of WordNet, the class of "State news agency SANA
// said" and "Local news websites reported": capitalised as the first word,
// no name.
func (x *Extractor) openingWord(sc *Scratch, s *nlp.Sentence, i, j int) bool {
	return i == j && startsClause(s, i) && x.wn != nil && x.wn.Tags(sc.lw(i)) != 0
}

// matchVerbs are what one team does to another in a match: "beat",
// "defeated", "drew with".
var matchVerbs = wordSet(`beat defeat draw lose edge thrash rout overcome outplay eliminate`)

// matchForms are the inflected forms of matchVerbs.
var matchForms = wordSet(`beat beats beaten defeated defeats drew draws lost loses edged edges thrashed routed overcame
eliminated`)

// playerNouns are a club's people: a name right before one and a person's
// name is the club ("Barcelona coach Xavi Hernandez", "Arsenal striker
// Bukayo Saka").
var playerNouns = wordSet(`striker midfielder goalkeeper goalie winger coach footballer playmaker`) // (not "manager",
// "captain", "forward", "defender": "campaign manager", "a rights defender")

// sportsTeam reports whether the name spanning words i..j of s is a sports
// team by the words around it: the subject or object of a match verb in a
// sentence with a score ("Manchester United beat Arsenal 2-1"), or a name
// right before a lower-case player noun and a person's name ("Barcelona
// coach Xavi Hernandez"). Not a nationality or a person's name.
func (x *Extractor) sportsTeam(sc *Scratch, s *nlp.Sentence, i, j int) bool {
	if x.adjectives[string(sc.lw(j))] != nil || i == j && x.commonAdjective(sc, i) || j > i && x.givenName(sc, i) {
		return false // "English defender Kyle Walker"
	}
	n := len(s.Words)
	if a := j + 1; a+1 < n && !capitalised(s.Words[a].Form) && playerNouns[string(sc.lw(a))] && capitalised(s.Words[a+1].Form) &&
		(x.givenName(sc, a+1) || s.Words[a+1].UPOS == "PROPN") && i > 0 {
		return true
	}
	// by the surface: the tagger often misreads "beat" (ADP, NOUN)
	match := func(m int) bool {
		if m < 0 || m >= n || capitalised(s.Words[m].Form) {
			return false
		}
		l := string(sc.lw(m))
		return matchVerbs[s.Words[m].Lemma] || matchForms[l]
	}
	if !match(j+1) && !match(i-1) {
		return false
	}
	for m := 0; m+2 < n; m++ { // a score: "2-1", "3 - 0"; not a range of years, "2009-2013"
		if digits(s.Words[m].Form) && isHyphen(s.Words[m+1].Form) && digits(s.Words[m+2].Form) &&
			len(s.Words[m].Form) <= 2 && len(s.Words[m+2].Form) <= 2 {
			return true
		}
	}
	return false
}

// dropLocation removes the location recorded at offset off (a spotted
// name that names something else there).
func dropLocation(r *Record, off int) {
	keep := r.Locations[:0]
	for _, l := range r.Locations {
		if l.Offset != off {
			keep = append(keep, l)
		}
	}
	r.Locations = keep
}

// nameLead reports whether words a..p-1, between a title and the given
// name a person's name was found to start at, are given names outside the
// English list, the class of "Foreign Minister Syed Hamid Albar" and
// "Deputy Prime Minister Tengku Razaleigh Hamzah": proper nouns that are
// no English word of WordNet, title, place, nationality or dictionary
// actor ("US Deputy Secretary of Energy Jeffrey Kupfer" starts at
// Jeffrey).
func (x *Extractor) nameLead(sc *Scratch, s *nlp.Sentence, a, p int) bool {
	if x.wn == nil || p-a > 2 {
		return false
	}
	for m := a; m < p; m++ {
		w := &s.Words[m]
		l := string(sc.lw(m))
		if w.UPOS != "PROPN" || !capitalised(w.Form) || x.wn.Tags(sc.lw(m)) != 0 || sc.title(m) || sc.cue(m) ||
			x.adjectives[l] != nil || x.countryGeos[l] != nil || x.dictActor(func(int) string { return l }, 1) != "" ||
			strings.HasSuffix(l, ".") || isAcronym(w.Form) {
			return false
		}
	}
	return true
}

// ranks are military ranks that are also English words ("Major", "Private"):
// titles only before a person's given name ("Major Anibal Molero", not
// "Major League").
var ranks = wordSet(`major private corporal admiral marshal brigadier commander commodore` + " " +
	// and local elected offices, written capitalised before the name
	// ("Councillor Ana Ruiz"; not "district councillor Wilson Or")
	`councillor councilor councilman councilwoman alderman congressman congresswoman assemblyman assemblywoman`)

// rankBefore reports whether word i of s is a rank before a given name or
// a proper noun that is no English word.
func (x *Extractor) rankBefore(sc *Scratch, s *nlp.Sentence, i int) bool {
	if !ranks[string(sc.lw(i))] || i+1 >= len(s.Words) || !capitalised(s.Words[i].Form) || !capitalised(s.Words[i+1].Form) {
		return false
	}
	return x.givenName(sc, i+1) || s.Words[i+1].UPOS == "PROPN" && x.wn != nil && x.wn.Tags(sc.lw(i+1)) == 0
}

// lastParts returns the first word of the last two parts of the name that
// ends at word j, after the title at word t: a part is a word and the words
// joined to it by hyphens ("Amir-Abdollahian"); lower-case particles
// between parts ("Faisal bin Farhan", "Ursula von der Leyen") go with the
// name.
func (sc *Scratch) lastParts(s *nlp.Sentence, t, j int) int {
	p, parts := j, 0
	for {
		for p-2 > t && isHyphen(s.Words[p-1].Form) && attached(s, p-2) && attached(s, p-1) {
			p -= 2
		}
		parts++
		if parts == 2 || p-1 <= t {
			return p
		}
		q := p - 1
		for q > t+1 && connectors[string(sc.lw(q))] && !capitalised(s.Words[q].Form) {
			q--
		}
		if q <= t || connectors[string(sc.lw(q))] {
			return p
		}
		p = q
	}
}

// givenName reports whether word i is a given name of the list that is not
// also a word of the tone lexicon ("Free", "Hope").
func (x *Extractor) givenName(sc *Scratch, i int) bool {
	low := sc.lw(i)
	if !x.names[string(low)] || compass[string(low)] {
		return false // compass words name no one: "North Koreans", "West Africa"
	}
	_, word := x.lex.words[string(low)]
	return !word
}

// dictHead reports whether the name spanning words i..j starts with the
// name of a dictionary organisation and goes on with no given name, title
// or role noun, the class of "Fatah al-Islam" and "Taliban Shura": an
// offshoot or body of that organisation, not a person ("Hamas Chief Khaled
// Meshaal").
func (x *Extractor) dictHead(sc *Scratch, i, j int) bool {
	if notOrgHeads[string(sc.lw(j))] {
		return false // "UNESCO World Heritage Site", "NATO summit"
	}
	// the longest dictionary organisation opening the name, of up to three
	// words: "Taliban Shura", "United Nations Assistance Mission"
	n := 0
	for w := min(3, j-i); w >= 1 && n == 0; w-- {
		if orgCode(x.dictActor(func(m int) string { return string(sc.lw(i + m)) }, w)) {
			n = w
		}
	}
	if n == 0 {
		return false
	}
	for m := i + n; m <= j; m++ {
		if l := string(sc.lw(m)); x.givenName(sc, m) || sc.title(m) || roleNouns[l] {
			return false
		}
	}
	return true
}

// surnameGiven reports whether the given name at word p, found after the
// title at word t, is the surname ending the name at word j, the class of
// "Secretary of State Condoleezza Rice" and "Deputy Secretary of Energy
// Kwabena Wallace": the word before it, after the title, is a proper noun that is
// no English word of WordNet ("Condoleezza", not "State").
func (x *Extractor) surnameGiven(sc *Scratch, s *nlp.Sentence, t, p, j int) bool {
	if p != j || p-1 <= t || x.wn == nil {
		return false
	}
	w := &s.Words[p-1]
	return w.UPOS == "PROPN" && capitalised(w.Form) && x.wn.Tags(sc.lw(p-1)) == 0 && !connectors[string(sc.lw(p-1))]
}

// foreignName reports whether the name spanning words i..j of sentence k
// is a person's written with given names outside the English list, the
// class of "Romelu Lukaku", "Shadi Jaradat" and "Maatia Toafa": two or
// three proper nouns (a hyphen or particle joined to one), none of them
// an English word of WordNet, a place the spotter knows or a dictionary
// actor. Names of things are made of words ("Volgograd Arena", "Chiang
// Kai Shek Memorial"); places unknown to the gazetteer with such names
// ("Kafr Tayba") are typed by their kind noun before this.
func (x *Extractor) foreignName(sc *Scratch, s *nlp.Sentence, k, i, j int) bool {
	if x.wn == nil || i >= 1 && string(sc.lw(i-1)) == "the" {
		return false // "the Sinn Fein leadership", "the Nokia Lumia": persons go without an article
	}
	parts := 0
	for m := i; m <= j; m++ {
		w := &s.Words[m]
		if isHyphen(w.Form) || hyphenParticles[string(sc.lw(m))] && !capitalised(w.Form) {
			continue
		}
		if w.UPOS != "PROPN" || !capitalised(w.Form) || isAcronym(w.Form) || strings.ContainsAny(w.Form, ".0123456789") ||
			x.wn.Tags(sc.lw(m)) != 0 || x.spotAt(sc, k, w.Start) || x.adjectives[string(sc.lw(m))] != nil ||
			x.dictActor(func(int) string { return string(sc.lw(m)) }, 1) != "" {
			return false
		}
		if m == i || !isHyphen(s.Words[m-1].Form) {
			parts++
		}
	}
	return parts >= 2 && parts <= 3
}

// designation reports whether word j of s is followed by a hyphen and
// digits written without spaces, the class of "STS-135" and "F-16": a
// model or mission, not an organisation.
func designation(s *nlp.Sentence, j int) bool {
	return j+2 < len(s.Words) && isHyphen(s.Words[j+1].Form) && attached(s, j) && attached(s, j+1) && digits(s.Words[j+2].Form)
}

// companyWord reports whether word j, after a rank word, is a common
// word rather than a surname: a plural of a WordNet noun that is no lemma
// itself ("Motors", "Foods"; not "Williams", a lemma of its own) or an
// adjective with a derivational ending ("Electric", "Medical"; not
// "Brown", "Young"), and no given name.
func (x *Extractor) companyWord(sc *Scratch, j int) bool {
	low := sc.lw(j)
	if x.givenName(sc, j) || x.wn == nil {
		return false
	}
	t := x.wn.Tags(low)
	if t&wordnet.NNS != 0 && t&wordnet.NN == 0 {
		return true
	}
	return t&wordnet.JJ != 0 && (bytes.HasSuffix(low, []byte("ic")) || bytes.HasSuffix(low, []byte("al")))
}

// demonym reports whether a lower-case word has a nationality ending
// ("azerbaijani", "armenian", "chinese", "turkish").
func demonym(low string) bool {
	for _, suf := range [...]string{"i", "an", "ese", "ish", "ic"} {
		if strings.HasSuffix(low, suf) {
			return true
		}
	}
	return false
}

// spotAt reports whether a resolved place of sentence k starts at offset off.
func (x *Extractor) spotAt(sc *Scratch, k, off int) bool {
	for _, sp := range sc.spots {
		if sp.sent == k && sp.start == off && sp.geo != nil {
			return true
		}
	}
	return false
}

// isAcronym reports whether w is 2–6 upper-case letters ("APA", "NGO").
func isAcronym(w string) bool {
	if len(w) < 2 || len(w) > 6 {
		return false
	}
	for i := 0; i < len(w); i++ {
		if w[i] < 'A' || w[i] > 'Z' {
			return false
		}
	}
	return true
}

// subjectOfSpeech reports whether words i..j hold the subject of a speech
// verb.
func subjectOfSpeech(s *nlp.Sentence, i, j int) bool {
	for m := i; m <= j; m++ {
		w := &s.Words[m]
		if v := s.Words[max(w.Head-1, 0)].Lemma; w.Deprel == "nsubj" && w.Head >= 1 && w.Head <= len(s.Words) && speechVerbs[v] && !describingVerbs[v] {
			return true
		}
	}
	return false
}

// actorFor returns the code of an event actor whose span covers the name,
// else of a dictionary actor whose phrase is the name.
func (x *Extractor) actorFor(sc *Scratch, s *nlp.Sentence, i, j int, evs []event.Event, start, end int) string {
	for _, ev := range evs {
		if covers(ev.SourceSpan, start, end) && ev.Source != "" && ev.Source != dict.NullCode {
			return ev.Source
		}
		if covers(ev.TargetSpan, start, end) && ev.Target != "" && ev.Target != dict.NullCode {
			return ev.Target
		}
	}
	return x.dictActor(func(m int) string { return string(sc.lw(i + m)) }, j-i+1)
}

// dictActor returns the code of the dictionary actor whose phrase is the n
// words low(0)..low(n-1) (lower case), "" when none.
func (x *Extractor) dictActor(low func(m int) string, n int) string {
	if a := x.dictEntry(low, n); a != nil {
		if c := a.CodesAt(0); c != nil && len(c.Codes) > 0 && c.Codes[0] != dict.NullCode {
			return c.Codes[0]
		}
	}
	return ""
}

// dictEntry returns the dictionary actor with a name of exactly the n
// lower-cased words low(0..n-1) that has a code, nil when none.
func (x *Extractor) dictEntry(low func(m int) string, n int) *dict.Actor {
	if x.opt.Dict == nil || n == 0 {
		return nil
	}
	refs := x.opt.Dict.ActorsStarting(low(0), nil)
	for _, ref := range refs {
		a := &x.opt.Dict.Actors[ref.Entry]
		p := a.Names[ref.Name]
		if len(p) != n {
			continue
		}
		ok := true
		for m, pw := range p {
			l := low(m)
			if pw.Synset || !(l == pw.Text || pw.Prefix && strings.HasPrefix(l, pw.Text)) {
				ok = false
				break
			}
		}
		if ok {
			if c := a.CodesAt(0); c != nil && len(c.Codes) > 0 && c.Codes[0] != dict.NullCode {
				return a
			}
		}
	}
	return nil
}

// dictPerson reports whether the name spanning words i..j is a person the
// dictionaries know: an actor with a code for a term in office (a dated
// code) and no organisation's code, the class of "Barack Obama" and
// "Putin" (the dictionaries hold office holders, whose terms are dated).
func (x *Extractor) dictPerson(sc *Scratch, i, j int) bool {
	a := x.dictEntry(func(m int) string { return string(sc.lw(i + m)) }, j-i+1)
	if a == nil {
		return false
	}
	dated := false
	for _, c := range a.Codes {
		for _, code := range c.Codes {
			if orgCode(code) {
				return false
			}
		}
		dated = dated || !c.Range.Unbounded()
	}
	return dated
}

// dictActorText returns the code of the dictionary actor named by text
// (words separated by spaces), "" when none.
func (x *Extractor) dictActorText(text string) string {
	ws := strings.Fields(strings.ToLower(text))
	return x.dictActor(func(m int) string { return ws[m] }, len(ws))
}

// agentCode returns the code of the first dictionary agent (role noun)
// named in words i..j (0-based) of s, combined with country (a CAMEO or ISO
// alpha-3 code, "" for none); "" when no agent matches. sc must hold s's
// lower-cased words.
func (x *Extractor) agentCode(sc *Scratch, s *nlp.Sentence, i, j int, country string) string {
	if x.opt.Dict == nil {
		return ""
	}
	for m := i; m <= j; m++ {
		for _, ref := range x.opt.Dict.AgentsStarting(string(sc.lw(m)), nil) {
			a := &x.opt.Dict.Agents[ref.Entry]
			p := a.Names[ref.Name]
			if m+len(p)-1 > j || !sc.phraseAt(p, m) || a.Code == "" || a.Code == dict.NullCode {
				continue
			}
			return a.Combine(country)
		}
	}
	return ""
}

// phraseAt reports whether dictionary phrase p matches the lower-cased words
// from m on (synset words never match here).
func (sc *Scratch) phraseAt(p dict.Phrase, m int) bool {
	if m+len(p) > len(sc.lowAt) {
		return false
	}
	for k, pw := range p {
		l := string(sc.lw(m + k))
		if pw.Synset || !(l == pw.Text || pw.Prefix && strings.HasPrefix(l, pw.Text)) {
			return false
		}
	}
	return true
}

// covers reports whether span contains [start, end).
func covers(sp event.Span, start, end int) bool {
	return sp.Start >= 0 && sp.End > sp.Start && sp.Start <= start && end <= sp.End
}

// linkShortForms gives a name the canonical form of an earlier, longer name
// of the same head it abbreviates: "the Senate" or "the French Senate" after
// "the Senate of the French Republic" (same head word, every other word
// found in the full name), "Macron" after "Emmanuel Macron".
func (x *Extractor) linkShortForms(r *Record) {
	type parts struct {
		head string
		mods []string
	}
	ps := make([]parts, len(r.Entities)) // of each entity's canonical name
	// The earlier entities a name can link to, indexed so that linking is
	// linear in the article (a scan of all earlier names made an article
	// of many names quadratic): places by text, other names by head, and
	// persons by the last word of their canonical name.
	places := map[string]int{}
	byHead := map[string][]int{}
	byLast := map[string][]int{}
	for i := range r.Entities {
		e := &r.Entities[i]
		head, mods := nameHead(e.Text)
		ps[i] = parts{head, mods}
		// The latest earlier entity that e repeats or shortens, as a
		// backward scan would find it: a place name again, where the
		// spotter did not report it; a person's surname alone; or a name
		// with the same head and some of its words.
		best, place := -1, false
		if j, ok := places[e.Text]; ok && e.Type == OtherName {
			best, place = j, true
		}
		longer := func(j int) bool {
			f := &r.Entities[j]
			return len(f.Canonical) > len(e.Text) && f.Type != Place
		}
		key := strings.ToLower(head)
		if len(mods) == 0 {
			list := byLast[key]
			for n, k := 0, len(list)-1; k >= 0 && n < maxLinkCandidates && list[k] > best; n, k = n+1, k-1 {
				if j := list[k]; longer(j) && (strings.EqualFold(head, lastWord(r.Entities[j].Canonical)) ||
					strings.EqualFold(head, bareSurname(lastWord(r.Entities[j].Canonical)))) {
					best, place = j, false
					break
				}
			}
		}
		list := byHead[key]
		for n, k := 0, len(list)-1; k >= 0 && n < maxLinkCandidates && list[k] > best; n, k = n+1, k-1 {
			j := list[k]
			f := &r.Entities[j]
			if !longer(j) || f.Type == Person && len(mods) == 0 || !strings.EqualFold(head, ps[j].head) {
				continue
			}
			linked := true
			for _, m := range mods {
				if !containsWordPrefix(ps[j].mods, m) {
					linked = false
					break
				}
			}
			if linked {
				best, place = j, false
				break
			}
		}
		switch {
		case best >= 0 && place:
			e.Type, e.Why, e.Geo = Place, "link", r.Entities[best].Geo
		case best >= 0:
			f := &r.Entities[best]
			e.Canonical, e.Type, e.Why = f.Canonical, f.Type, "link"
			if e.Actor == "" {
				e.Actor = f.Actor
			}
			ps[i] = ps[best]
		}
		if e.Type == Place {
			places[e.Text] = i
			continue
		}
		k := strings.ToLower(ps[i].head)
		byHead[k] = append(byHead[k], i)
		if e.Type == Person {
			l := strings.ToLower(lastWord(e.Canonical))
			byLast[l] = append(byLast[l], i)
			if b := bareSurname(l); b != l {
				byLast[b] = append(byLast[b], i) // "Bashir" after "Omar al-Bashir"
			}
		}
	}
}

// bareSurname returns a surname without the particle written before it
// with a hyphen ("al-Bashir" → "Bashir", "el-Sisi" → "Sisi"), the form
// later mentions use ("Mr. Bashir").
func bareSurname(w string) string {
	if p, rest, ok := strings.Cut(w, "-"); ok && rest != "" && hyphenParticles[strings.ToLower(p)] {
		return rest
	}
	return w
}

// maxLinkCandidates is the most earlier names of one head (or surname) a
// name is compared with, the latest first, so that an article repeating a
// name thousands of times stays linear.
const maxLinkCandidates = 64

// nameHead splits a name into its head word (the last word before "of",
// else the last word) and its other words, without connectors.
func nameHead(name string) (string, []string) {
	words := strings.Fields(name)
	h := len(words) - 1
	for i, w := range words {
		if i > 0 && strings.EqualFold(w, "of") {
			h = i - 1
			break
		}
	}
	var mods []string
	for i, w := range words {
		if i != h && !connectors[strings.ToLower(w)] && !strings.EqualFold(w, "the") {
			mods = append(mods, w)
		}
	}
	if h < 0 {
		return "", mods
	}
	return words[h], mods
}

func lastWord(s string) string {
	if i := strings.LastIndexByte(s, ' '); i >= 0 {
		return s[i+1:]
	}
	return s
}

// containsWordPrefix reports whether a word of ws shares its first four
// letters (or all of the shorter) with w, case-insensitively: "French"
// matches "French", "Azerbaijani" matches "Azerbaijan".
func containsWordPrefix(ws []string, w string) bool {
	for _, v := range ws {
		n := min(4, len(v), len(w))
		if n > 0 && strings.EqualFold(v[:n], w[:n]) && (len(w) < 4) == (len(v) < 4) {
			return true
		}
	}
	return false
}
