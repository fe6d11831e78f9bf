package gkg

import (
	"strings"

	"github.com/eventwire/eventwire/internal/event"
	"github.com/eventwire/eventwire/internal/geo"
	wordnet "github.com/eventwire/eventwire/internal/lexicon"
	"github.com/eventwire/eventwire/internal/nlp"
)

// Places the spotter does not report: a country or continent with a compass
// word ("West Africa", "Southern Sudan", "southern Sudan"), a place written
// after "pro-" or "anti-" ("pro-Beijing"), and a city's spelling variant
// ("Genova").

// compass are the words that make a part of a country or continent a
// region of it: "West Africa", "South East Asia", "Southern Sudan",
// "Northern Iraq", "Central Asia", "Eastern Europe".
var compass = wordSet(`north south east west northern southern eastern western central northeast northwest southeast
southwest north-east north-west south-east south-west upper lower`)

// continents are the continents and world regions a compass word may
// qualify, with an approximate centre (authored, to a few degrees).
var continents = map[string][2]float64{
	"africa": {2, 17}, "asia": {34, 100}, "europe": {50, 15}, "america": {15, -85}, "americas": {15, -85},
	"pacific": {0, -160}, "atlantic": {15, -40}, "mediterranean": {35, 18},
}

// regionPlace returns the place of a name that is a compass word (one or
// two: "South East") before a country or continent, its country for a
// country ("Southern Sudan" is in Sudan) and the region itself, without a
// country, for a continent ("West Africa"), or a place the spotter knows
// with a compass word after it, that place ("Kowloon West", "Sydney
// North"); nil when the name is none.
func (x *Extractor) regionPlace(sc *Scratch, s *nlp.Sentence, i, j int) *event.Geo {
	if j > i && compass[string(sc.lw(j))] && x.opt.Gazetteer != nil {
		// a place with a compass word after it: "Kowloon West", "Kowloon
		// East", "Jakarta Pusat" aside, districts named after their city
		rest := strings.Join(formsOf(s, i, j-1), " ")
		g := x.opt.Gazetteer
		if fs := g.Spot(rest); len(fs) == 1 && fs[0].Start == 0 && fs[0].End == len(rest) {
			return g.ResolveArticle([]geo.Mention{{Text: rest, Sentence: s.Text}}, geo.Hints{})[0].Geo
		}
		return nil
	}
	m := i
	for m < j && m < i+2 && compass[string(sc.lw(m))] {
		m++
	}
	if m == i || m > j {
		return nil
	}
	rest := strings.ToLower(strings.Join(formsOf(s, m, j), " "))
	if c := x.countryGeos[rest]; c != nil {
		return c
	}
	if c, ok := continents[rest]; ok && m == j {
		return &event.Geo{Type: 4, FullName: strings.Join(formsOf(s, i, j), " "), Lat: c[0], Lon: c[1]}
	}
	// a compass word before a region or division the gazetteer knows:
	// "the Northern Caucasus", "Northern Rakhine" (a part of it, located
	// at it)
	if x.opt.Gazetteer != nil && len(rest) >= 5 {
		if g := x.placeIn(sc, s, m, j); g != nil && strings.EqualFold(strings.Join(formsOf(s, m, j), " "), rest) && g.Type != 3 && g.Type != 4 {
			return g
		}
	}
	return nil
}

// compassAdjectives written in lower case before a country name a part of
// it: "southern Sudan", "eastern Ukraine", "north-western Syria".
var compassAdjectives = wordSet(`northern southern eastern western central north-eastern north-western south-eastern
south-western northeastern northwestern southeastern southwestern`)

// compassPlaces adds the parts of countries of sentence s named by a
// lower-case compass adjective before the country ("the semi-autonomous
// southern Sudan", "fighting in eastern Ukraine"): a place of the article
// written so, located at its country.
func (x *Extractor) compassPlaces(sc *Scratch, s *nlp.Sentence, r *Record) {
	for i := 0; i+1 < len(s.Words); i++ {
		w := &s.Words[i]
		if w.Start < 0 || capitalised(w.Form) || !compassAdjectives[string(sc.lw(i))] || !capitalised(s.Words[i+1].Form) {
			continue
		}
		for n := min(3, len(s.Words)-i-1); n >= 1; n-- {
			name := strings.Join(formsOf(s, i+1, i+n), " ")
			if c := x.countryGeos[strings.ToLower(name)]; c != nil {
				last := &s.Words[i+n]
				if last.End > w.Start {
					r.Locations = append(r.Locations, Location{Geo: *c, Text: w.Form + " " + name, Offset: w.Start})
				}
				i += n
				break
			}
		}
	}
}

// formsOf returns the forms of words i..j of s.
func formsOf(s *nlp.Sentence, i, j int) []string {
	out := make([]string, 0, j-i+1)
	for m := i; m <= j; m++ {
		out = append(out, s.Words[m].Form)
	}
	return out
}

// stancePrefixes written with a hyphen before a place name make it an
// adjective of stance, the place still named: "pro-Beijing camp",
// "anti-Moscow protests".
var stancePrefixes = [...]string{"pro-", "anti-"}

// stancePlaces adds the places of sentence s written after "pro-" or
// "anti-" in one word ("pro-Beijing", which the spotter and the tokenizer
// keep whole). Only countries, divisions and cities the spotter would
// report opening a sentence (500,000 people) count: "anti-Semitism" and
// "pro-Western" name none.
func (x *Extractor) stancePlaces(sc *Scratch, s *nlp.Sentence, r *Record) {
	g := x.opt.Gazetteer
	for i := range s.Words {
		w := &s.Words[i]
		if w.Start < 0 {
			continue
		}
		l := sc.lw(i)
		n := 0
		for _, p := range stancePrefixes {
			if len(l) > len(p)+1 && string(l[:len(p)]) == p && len(w.Form) == len(l) {
				n = len(p)
			}
		}
		if n == 0 || !capitalised(w.Form[n:]) {
			continue
		}
		name := w.Form[n:]
		fs := g.Spot(name)
		if len(fs) != 1 || fs[0].Start != 0 || fs[0].End != len(name) {
			continue
		}
		res := g.ResolveArticle([]geo.Mention{{Text: name, Sentence: s.Text}}, geo.Hints{})
		if len(res) == 1 && res[0].Geo != nil {
			r.Locations = append(r.Locations, Location{Geo: *res[0].Geo, Text: name, Offset: w.Start + n})
		}
	}
}

// variantPlace returns the city a name of two letters or more names as a
// spelling variant ("Genova"), nil when none or without a gazetteer.
func (x *Extractor) variantPlace(name string) *event.Geo {
	if x.opt.Gazetteer == nil {
		return nil
	}
	if g, ok := x.opt.Gazetteer.Variant(name); ok {
		return g
	}
	return nil
}

// featureLast are the words that end the name of a physical feature or a
// landmark: "Red Sea", "Jamarat Bridge", "Mecca's Grand Mosque", "Hong Kong
// Island", "Tiananmen Square", "Al-Ghaza Hotel", "Zaatari Camp".
var featureLast = wordSet(`sea strait straits gulf bay river lake mountains mountain range island islands peninsula
desert valley plain plains canal bridge mosque square airport stadium hotel palace temple shrine dam coast channel
camp oasis delta cave caves base pagoda monastery cathedral basilica fort fortress castle citadel tomb mausoleum`)

// featureFirst are the words that start such a name before "of" or a name:
// "Strait of Hormuz", "Gulf of Aden", "Plains of Arafat", "Mount Sinai",
// "Lake Chad", "Masjid al-Haram".
var featureFirst = wordSet(`mount lake gulf strait straits sea bay plains plain isle island islands masjid`)

// isFeature reports whether words i..j of s name a physical feature or a
// landmark by their first or last word.
func (sc *Scratch) isFeature(s *nlp.Sentence, i, j int) bool {
	if j == i {
		return false
	}
	return featureLast[string(sc.lw(j))] || featureFirst[string(sc.lw(i))] && capitalised(s.Words[i+1].Form) ||
		featureFirst[string(sc.lw(i))] && string(sc.lw(i+1)) == "of"
}

// featurePlace locates the feature named by words i..j of sentence k: at
// the place named inside it ("Hong Kong Island", "Kabul Airport"), else at
// the place whose possessive comes right before it ("Mecca's Grand
// Mosque"), else at the place of its sentence nearest to it, else at the
// article's most named city; nil when the article names no place. The
// location keeps the place's fields: eventwire has no feature gazetteer.
func (x *Extractor) featurePlace(sc *Scratch, d *nlp.Document, s *nlp.Sentence, k, i, j int) *event.Geo {
	g := x.opt.Gazetteer
	if g == nil {
		return nil
	}
	for a := i; a <= j; a++ {
		for b := j; b >= a; b-- {
			if featureLast[string(sc.lw(b))] || featureFirst[string(sc.lw(a))] || !capitalised(s.Words[a].Form) {
				continue
			}
			name := strings.Join(formsOf(s, a, b), " ")
			if fs := g.Spot(name); len(fs) == 1 && fs[0].Start == 0 && fs[0].End == len(name) {
				if geo := g.ResolveArticle([]geo.Mention{{Text: name, Sentence: s.Text}}, geo.Hints{})[0].Geo; geo != nil {
					return geo
				}
			}
		}
	}
	if i >= 2 && possessive(s, i-1) {
		for _, sp := range sc.spots {
			if sp.sent == k && sp.geo != nil && sp.end == wordEnd(d, &s.Words[i-2]) {
				return sp.geo
			}
		}
	}
	start := s.Words[i].Start
	var best *event.Geo
	bestD := 0
	counts := map[string]int{}
	var top *event.Geo
	for p := range sc.spots {
		sp := &sc.spots[p]
		if sp.geo == nil {
			continue
		}
		if sp.sent == k {
			d := abs(sp.start - start)
			if best == nil || d < bestD {
				best, bestD = sp.geo, d
			}
		}
		if sp.geo.Type != 1 {
			counts[sp.geo.FullName]++
			if top == nil || counts[sp.geo.FullName] > counts[top.FullName] {
				top = sp.geo
			}
		}
	}
	if best != nil {
		return best
	}
	return top
}

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}

// placeNouns are lower-case nouns of a settlement or an administrative
// area: a name after one and "of" is a place ("the town of Kafr Tayba",
// "the Harare suburb of Tsangano"), and so is a name before one ("the
// Mirzan district", "the Qarawat refugee camp").
var placeNouns = wordSet(`city town village suburb district neighbourhood neighborhood province region township county
governorate hamlet municipality capital republic community enclave island isle port`)

// placeNounsPlural are their plurals, before "of" and a list of names:
// "the cities of Homs, Qusair and Rastan".
var placeNounsPlural = wordSet(`cities towns villages suburbs districts neighbourhoods neighborhoods provinces regions
townships counties governorates hamlets municipalities islands ports`)

// placeNounsAfter are the nouns that make the name before them a place
// ("the Zafarwal sector", "Kachin state", "the Tsorona area"); "camp"
// only after "refugee" ("the Clinton camp" is his campaign).
var placeNounsAfter = wordSet(`district province village suburb neighbourhood neighborhood township county governorate
area sector state resident residents region town city valley municipality`)

// placeNounAt reports whether word a of s is a lower-case noun of
// placeNounsAfter or "refugee camp".
func (sc *Scratch) placeNounAt(s *nlp.Sentence, a int) bool {
	if a >= len(s.Words) || capitalised(s.Words[a].Form) {
		return false
	}
	l := string(sc.lw(a))
	return placeNounsAfter[l] || l == "camp" || a+1 < len(s.Words) && l == "refugee" && (string(sc.lw(a+1)) == "camp" || string(sc.lw(a+1)) == "camps")
}

// kindPlace reports whether the name spanning words i..j of s is named a
// place by a lower-case noun of a settlement or an area: after it and
// "of" ("the town of Kafr Tayba", "the cities of Homs, Qusair and
// Rastan"), or right after the name ("the Mirzan district", "the Qarawat
// refugee camp").
func (x *Extractor) kindPlace(sc *Scratch, s *nlp.Sentence, i, j int) bool {
	n := len(s.Words)
	if a := j + 1; a < n && !capitalised(s.Words[a].Form) && (i < j || !x.commonAdjective(sc, i)) {
		if placeNounsAfter[string(sc.lw(a))] ||
			a+1 < n && string(sc.lw(a)) == "refugee" && (string(sc.lw(a+1)) == "camp" || string(sc.lw(a+1)) == "camps") {
			return true
		}
	}
	if x.apposedPlace(sc, s, i, j) {
		return true
	}
	// a nationality before the noun: "the Nahr el-Bared Palestinian
	// refugee camp"
	if a := j + 1; a+1 < n && capitalised(s.Words[a].Form) && x.adjectives[string(sc.lw(a))] != nil && sc.placeNounAt(s, a+1) {
		return true
	}
	// back over a list of names ("Homs, Qusair and") to "of"
	m := i - 1
	for m >= 1 && m >= i-16 {
		f := s.Words[m].Form
		if f != "," && f != "and" && !capitalised(f) {
			break
		}
		m--
	}
	if m < 1 || string(sc.lw(m)) != "of" || capitalised(s.Words[m-1].Form) {
		return false
	}
	if m == i-1 {
		// "the town of X", "the Damascus districts of X and Y"
		return placeNouns[string(sc.lw(m-1))] || placeNounsPlural[string(sc.lw(m-1))]
	}
	return placeNounsPlural[string(sc.lw(m-1))]
}

// commonAdjective reports whether word i is an English adjective of
// WordNet or a nationality's ("Islamic state", "the Jewish state", "the
// Federal district"): no place's name.
func (x *Extractor) commonAdjective(sc *Scratch, i int) bool {
	return x.adjectives[string(sc.lw(i))] != nil || x.wn != nil && x.wn.Tags(sc.lw(i))&wordnet.JJ != 0
}

// kindPlaceIn locates a place named after a settlement noun and "of" at the
// place or country named before that noun in its phrase, the class of "the
// Somali town of Jowhar" (Somalia, not the nearest place of the sentence)
// and "the Harare suburb of Budiriro" (Harare): a resolved place or a
// located place name ending right before the noun, else a nationality
// adjective there. Nil when the
// phrase names none.
func (x *Extractor) kindPlaceIn(sc *Scratch, d *nlp.Document, s *nlp.Sentence, k, i int, r *Record) *event.Geo {
	m := i - 1
	for m >= 1 && (s.Words[m].Form == "," || s.Words[m].Form == "and" || capitalised(s.Words[m].Form)) {
		m--
	}
	if m < 2 || string(sc.lw(m)) != "of" {
		return nil
	}
	p := m - 2 // the word before the noun
	if capitalised(s.Words[m-1].Form) {
		return nil
	}
	end := wordEnd(d, &s.Words[p])
	for q := range sc.spots {
		if sp := &sc.spots[q]; sp.sent == k && sp.geo != nil && sp.end == end {
			return sp.geo
		}
	}
	for q := len(r.Entities) - 1; q >= 0 && r.Entities[q].Sentence == k+1; q-- {
		if e := &r.Entities[q]; e.Type == Place && e.Geo != nil && e.End == end {
			return e.Geo // a place typed before by its own kind noun
		}
	}
	if g := x.adjectives[string(sc.lw(p))]; g != nil {
		return g
	}
	return nil
}

// apposedPlace reports whether the name spanning words i..j of s is in
// apposition to a noun phrase headed by a settlement noun, the class of
// "Muhajaria, a village in southern Darfur", "Dinsoor, a town near the
// border" (after the name) and "another refugee camp, Balata," (before
// it): an article or a determiner and at most two words before the noun.
func (x *Extractor) apposedPlace(sc *Scratch, s *nlp.Sentence, i, j int) bool {
	n := len(s.Words)
	if a := j + 2; a < n && s.Words[j+1].Form == "," && determiners[string(sc.lw(a))] {
		for m := a + 1; m < n && m <= a+3; m++ {
			l := string(sc.lw(m))
			if capitalised(s.Words[m].Form) || s.Words[m].UPOS == "PUNCT" {
				break
			}
			if placeNouns[l] || l == "camp" && string(sc.lw(m-1)) == "refugee" {
				return m+1 >= n || !nounOf(s, m+1) // not "a village elder"
			}
		}
	}
	if i >= 3 && s.Words[i-1].Form == "," && (j+1 >= n || s.Words[j+1].UPOS == "PUNCT") {
		l := string(sc.lw(i - 2))
		if placeNouns[l] && l != "capital" || l == "camp" && string(sc.lw(i-3)) == "refugee" {
			for m := i - 3; m >= 0 && m >= i-5; m-- {
				if determiners[string(sc.lw(m))] {
					return true
				}
				if capitalised(s.Words[m].Form) || s.Words[m].UPOS == "PUNCT" {
					break
				}
			}
		}
	}
	return false
}

// determiners open the noun phrase of an apposition.
var determiners = wordSet(`a an the another its their`)

// nounOf reports whether word m of s is a noun (a compound's head follows).
func nounOf(s *nlp.Sentence, m int) bool {
	return s.Words[m].UPOS == "NOUN" && !capitalised(s.Words[m].Form)
}

// divisionWords end the name of an administrative division: "Borno State",
// "Sindh Province", "North Caucasian Federal District of Russia".
var divisionWords = wordSet(`state province region district county governorate prefecture oblast krai territory`)

// divisionPlace returns the place of a division named by words i..j of s,
// the class of "Borno State" and "Sindh Province" (a division word after
// a place the gazetteer knows) and "North Caucasian Federal District of
// Russia" (before "of" and a place): located at that place; nil when the
// name is none. A division word after an adjective that is no place is no
// division of a place: "the Islamic State of Iraq" is a group.
func (x *Extractor) divisionPlace(sc *Scratch, s *nlp.Sentence, i, j int) *event.Geo {
	if x.opt.Gazetteer == nil || j == i {
		return nil
	}
	d := -1
	for m := i + 1; m <= j; m++ {
		if divisionWords[string(sc.lw(m))] && capitalised(s.Words[m].Form) && (m == j || string(sc.lw(m+1)) == "of") {
			d = m
			break
		}
	}
	if d < 0 || string(sc.lw(d)) == "state" && x.commonAdjective(sc, d-1) {
		return nil
	}
	if d < j {
		return x.placeIn(sc, s, d+2, j)
	}
	return x.placeIn(sc, s, i, d-1)
}

// placeIn returns the resolved place that words a..b of s name whole, or
// the longest of its runs of words that does; nil when none.
func (x *Extractor) placeIn(sc *Scratch, s *nlp.Sentence, a, b int) *event.Geo {
	g := x.opt.Gazetteer
	if g == nil {
		return nil
	}
	for p := a; p <= b; p++ {
		for q := b; q >= p; q-- {
			if !capitalised(s.Words[p].Form) || !capitalised(s.Words[q].Form) {
				continue
			}
			name := strings.Join(formsOf(s, p, q), " ")
			if fs := g.Spot(name); len(fs) == 1 && fs[0].Start == 0 && fs[0].End == len(name) {
				if geo := g.ResolveArticle([]geo.Mention{{Text: name, Sentence: s.Text}}, geo.Hints{})[0].Geo; geo != nil {
					return geo
				}
			}
		}
	}
	return nil
}

// basedPlace returns the place a name written before "-based" names, the
// class of "the London-based group" and "a Nairobi-based diplomat" (the
// name is the place, not an adjective of it); nil when none.
func (x *Extractor) basedPlace(sc *Scratch, s *nlp.Sentence, i, j int) *event.Geo {
	if x.opt.Gazetteer == nil || j+2 >= len(s.Words) || !isHyphen(s.Words[j+1].Form) || !attached(s, j) || !attached(s, j+1) ||
		string(sc.lw(j+2)) != "based" {
		return nil
	}
	g := x.opt.Gazetteer
	name := strings.Join(formsOf(s, i, j), " ")
	if fs := g.Spot(name); len(fs) == 1 && fs[0].Start == 0 && fs[0].End == len(name) {
		return g.ResolveArticle([]geo.Mention{{Text: name, Sentence: s.Text}}, geo.Hints{})[0].Geo
	}
	return nil
}

// inPlace reports whether the one-word name at word i of sentence k, typed
// nothing else, is a place by the preposition before it, the class of "the
// compound in Muqdidiya" and "killed in Baqubiyat": "in" or "near" before a
// proper noun that is no English word of WordNet, given name, acronym,
// time expression or surname of a person named before ("in Mutambara" after
// "Arthur Mutambara").
func (x *Extractor) inPlace(sc *Scratch, s *nlp.Sentence, k, i int, r *Record) bool {
	if i < 1 || x.wn == nil {
		return false
	}
	if p := string(sc.lw(i - 1)); p != "in" && p != "near" {
		return false
	}
	w := &s.Words[i]
	if w.UPOS != "PROPN" || x.wn.Tags(sc.lw(i)) != 0 || x.givenName(sc, i) || isAcronym(w.Form) || sc.inDate(k, i) ||
		strings.ContainsAny(w.Form, "0123456789.") || possessive(s, i+1) || x.adjectives[string(sc.lw(i))] != nil {
		return false
	}
	for p := range r.Entities {
		if e := &r.Entities[p]; e.Type == Person && strings.EqualFold(lastWord(e.Canonical), w.Form) {
			return false
		}
	}
	return true
}
