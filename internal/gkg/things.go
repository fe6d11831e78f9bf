package gkg

import (
	"strings"

	"github.com/eventwire/eventwire/internal/nlp"
)

// Names of things — products, brands, works — that the person rules would
// otherwise read as persons' names: a given name or two unknown proper
// nouns make "Star Wars", "Mozilla Firefox" or "Angel Catbird" look like
// persons. They stay "other" names (AllNames only).

// workNouns are lower-case nouns of made things that, written right before
// a name, say it names such a thing: "the browser Mozilla Firefox", "her
// graphic novel Angel Catbird", "the film Star Wars". (After a name they say
// nothing: "the Andy Warhol exhibition", "a Steven Spielberg film" name
// persons.)
var workNouns = wordSet(`browser software app application program programme game videogame console film movie
documentary cartoon album song single novel book comic comics series sitcom opera musical play painting
sculpture phone smartphone handset tablet laptop computer device gadget car model vehicle aircraft jet plane
rifle missile drug vaccine medicine brand product version title character superhero`)

// thingName reports whether the name spanning words i..j of sentence k,
// not typed by a title, place or cue, names a thing rather than a person:
//   - a number follows it, apart: a product's version or model ("Internet
//     Explorer 9", "Windows 7");
//   - a noun of a made thing comes right before it ("the browser Mozilla
//     Firefox", "the graphic novel Angel Catbird");
//   - it follows an organisation's possessive and opens with a WordNet word
//     that is no given name ("Microsoft's Internet Explorer", "Google's
//     Street View"; not "DAB's Starry Lee", "Microsoft's Bill Gates");
//   - it opens with a company of the organisation table and goes on with
//     no given name ("Google Chrome", "Microsoft Office");
//   - a relative "which" follows it after a comma ("John Lewis, which has 50
//     stores", "Mozilla Firefox, which is free"), or an apposition opening
//     with "its" or "their" ("Mozilla Firefox, its main rival,");
//   - the article named it so before ("Internet Explorer" after "Internet
//     Explorer 9").
func (x *Extractor) thingName(sc *Scratch, d *nlp.Document, s *nlp.Sentence, k, i, j int, r *Record, text string) bool {
	if sc.things[text] {
		return true
	}
	n := len(s.Words)
	thing := false
	switch {
	case relativeAfter(sc, s, j, "which"), relativeAfter(sc, s, j, "its"), relativeAfter(sc, s, j, "their"):
		// persons take "who": "John Lewis, which has 50 stores,",
		// "Mozilla Firefox, which is free,"; and "his" or "her": "Mozilla
		// Firefox, its main rival,"
		thing = true
	case j+1 < n && digits(s.Words[j+1].Form) && !attached(s, j) && !(j+2 < n && isHyphen(s.Words[j+2].Form)):
		// not a score "Smith 6-3"
		thing = true
	case i >= 1 && !capitalised(s.Words[i-1].Form) && workNouns[string(sc.lw(i-1))] && s.Words[i-1].UPOS == "NOUN":
		thing = true
	case i >= 2 && possessive(s, i-1) && orgEndsAt(r, k, s.Words[i-2].Start, wordEnd(d, &s.Words[i-2])) &&
		x.wn != nil && x.wn.Tags(sc.lw(i)) != 0 && !x.givenNameIn(sc, i, j):
		thing = true
	case j > i && x.companyAt(sc, s, k, i, r) && !x.givenNameIn(sc, i+1, j):
		thing = true
	}
	if thing {
		if sc.things == nil {
			sc.things = map[string]bool{}
		}
		sc.things[text] = true
	}
	return thing
}

// givenNameIn reports whether a word of i..j is a given name of the list.
func (x *Extractor) givenNameIn(sc *Scratch, i, j int) bool {
	for m := i; m <= j; m++ {
		if x.givenName(sc, m) {
			return true
		}
	}
	return false
}

// companyAt reports whether word i of sentence k is, alone, a company of
// the organisation table (a multinational's or medium's code: "Google",
// "Microsoft", "Sony").
func (x *Extractor) companyAt(sc *Scratch, s *nlp.Sentence, k, i int, r *Record) bool {
	code, ok := x.lexiconOrg(sc, s, k, i, i, r)
	return ok && (strings.HasPrefix(code, "MNC") || strings.Contains(code, "MED") || strings.Contains(code, "BUS"))
}

// titledPlace reports whether the one-word name after a title is a
// country's name, the class of "Captain America" and "Miss Venezuela": a
// character or a contest's title, no person.
func (x *Extractor) titledPlace(text string) bool {
	return x.countryPlace(text) != nil
}

// relativeAfter reports whether the name ending at word j of s is followed
// by a comma and the relative pronoun rel ("who", "which"), which says
// whether it is a person: "Farouk Ben Mustapha, who kept goal,", "John
// Lewis, which has 50 stores,".
func relativeAfter(sc *Scratch, s *nlp.Sentence, j int, rel string) bool {
	return j+2 < len(s.Words) && s.Words[j+1].Form == "," && string(sc.lw(j+2)) == rel
}
