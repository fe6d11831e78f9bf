package gkg

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"strings"
)

// GoldDoc is a reader's knowledge of one article, written from its text
// alone: the persons, organisations and places it names, the first words of
// its quotations with their speakers, and its counts. One JSON object per
// line of a gold file (docs/gkg.md).
type GoldDoc struct {
	Doc           string      `json:"doc"`
	Persons       []string    `json:"persons"`
	Organizations []string    `json:"organizations"`
	Locations     []string    `json:"locations"`
	Quotations    []GoldQuote `json:"quotations"`
	Counts        []GoldCount `json:"counts"`
}

// GoldQuote is a quotation: its first six or more words, verbatim, and its
// speaker (a person's name or an organisation).
type GoldQuote struct {
	Text    string `json:"text"`
	Speaker string `json:"speaker"`
}

// GoldCount is a count fact: killed, wounded, arrested, kidnapped,
// displaced, affected, protesters, seized.
type GoldCount struct {
	Type   string `json:"type"`
	Number int64  `json:"number"`
}

// goldCountTypes maps the gold's count words to the GKG count types; gold
// facts of other types ("rescued") are not scored.
var goldCountTypes = map[string]string{
	"killed": "KILL", "dead": "KILL", "kill": "KILL",
	"wounded": "WOUND", "injured": "WOUND", "wound": "WOUND",
	"arrested": "ARREST", "detained": "ARREST", "arrest": "ARREST",
	"kidnapped": "KIDNAP", "abducted": "KIDNAP", "hostages": "KIDNAP", "kidnap": "KIDNAP",
	"displaced": "AFFECT", "affected": "AFFECT", "evacuated": "AFFECT", "refugees": "AFFECT", "affect": "AFFECT",
	"protesters": "PROTEST", "protest": "PROTEST", "demonstrators": "PROTEST",
	"seized": "SEIZE", "seize": "SEIZE",
}

// ReadGold reads a gold knowledge file (JSON Lines; blank lines and lines
// starting with '#' are skipped). name is used in errors.
func ReadGold(r io.Reader, name string) ([]GoldDoc, error) {
	var out []GoldDoc
	seen := map[string]int{}
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 64*1024), 16<<20)
	line := 0
	for sc.Scan() {
		line++
		b := bytes.TrimSpace(sc.Bytes())
		if len(b) == 0 || b[0] == '#' {
			continue
		}
		var g GoldDoc
		dec := json.NewDecoder(bytes.NewReader(b))
		dec.DisallowUnknownFields()
		if err := dec.Decode(&g); err != nil {
			return nil, fmt.Errorf("%s:%d: gold knowledge: %w", name, line, err)
		}
		if g.Doc == "" {
			return nil, fmt.Errorf("%s:%d: gold knowledge: missing doc", name, line)
		}
		if l, ok := seen[g.Doc]; ok {
			return nil, fmt.Errorf("%s:%d: gold knowledge: doc %q already on line %d", name, line, g.Doc, l)
		}
		seen[g.Doc] = line
		for i, q := range g.Quotations {
			if len(strings.Fields(q.Text)) == 0 {
				return nil, fmt.Errorf("%s:%d: gold knowledge: quotation %d: empty text", name, line, i+1)
			}
		}
		for i, c := range g.Counts {
			if strings.TrimSpace(c.Type) == "" {
				return nil, fmt.Errorf("%s:%d: gold knowledge: count %d: missing type", name, line, i+1)
			}
		}
		out = append(out, g)
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("reading %s: %w", name, err)
	}
	return out, nil
}

// NameScore is the matching of one category of names: the distinct names
// produced and of the gold, how many of each matched, and the unmatched
// ones for listing.
type NameScore struct {
	Gold        int      `json:"gold"`
	Produced    int      `json:"produced"`
	GoldMatched int      `json:"gold_matched"`
	ProdMatched int      `json:"produced_matched"`
	Missed      []string `json:"missed,omitempty"`
	Extra       []string `json:"extra,omitempty"`
	Precision   float64  `json:"precision"`
	Recall      float64  `json:"recall"`
}

func (n *NameScore) add(o NameScore) {
	n.Gold += o.Gold
	n.Produced += o.Produced
	n.GoldMatched += o.GoldMatched
	n.ProdMatched += o.ProdMatched
}

func (n *NameScore) finish() {
	n.Precision = ratio(n.ProdMatched, n.Produced)
	n.Recall = ratio(n.GoldMatched, n.Gold)
}

// QuoteScore counts the gold quotations, those found among the produced
// ones, those whose speaker is right and those found without a speaker.
type QuoteScore struct {
	Gold         int      `json:"gold"`
	Found        int      `json:"found"`
	SpeakerRight int      `json:"speaker_right"`
	NoSpeaker    int      `json:"no_speaker"`
	Accuracy     float64  `json:"speaker_right_of_found"`
	Wrong        []string `json:"wrong,omitempty"`
}

// CountScore counts the gold count facts, those found (a produced count of
// the same type) and those right (the same number too).
type CountScore struct {
	Gold      int      `json:"gold"`
	Unscored  int      `json:"unscored"` // gold facts of a type GKG has no count for ("rescued")
	Found     int      `json:"found"`
	Right     int      `json:"right"`
	FoundRate float64  `json:"found_rate"`
	RightRate float64  `json:"right_of_found"`
	Missed    []string `json:"missed,omitempty"`
}

// Score is the knowledge score of one document or a sum of them.
type Score struct {
	Doc           string     `json:"doc,omitempty"`
	Half          string     `json:"half,omitempty"`
	Docs          int        `json:"docs"`
	Persons       NameScore  `json:"persons"`
	Organizations NameScore  `json:"organizations"`
	Locations     NameScore  `json:"locations"`
	Quotations    QuoteScore `json:"quotations"`
	Counts        CountScore `json:"counts"`
}

// ScoreRecord scores the knowledge extracted from one article against its
// gold. Names are matched case-insensitively after trimming leading titles,
// "the" and possessives; a gold person also matches a produced name equal
// to its last word ("Macron" for "Emmanuel Macron"). Each produced and gold
// name counts once however often it is mentioned.
func ScoreRecord(g GoldDoc, r *Record) Score {
	s := Score{Doc: g.Doc, Docs: 1}
	var persons, orgs []string
	for _, n := range r.Persons {
		persons = append(persons, n.Name)
	}
	for _, n := range r.Organizations {
		orgs = append(orgs, n.Name)
	}
	s.Persons = scoreNames(g.Persons, persons, true)
	s.Organizations = scoreNames(g.Organizations, orgs, false)
	s.Locations = scorePlaces(g.Locations, r.Locations)
	s.Quotations = scoreQuotes(g.Quotations, r.Quotations)
	s.Counts = scoreCounts(g.Counts, r.Counts)
	return s
}

// SumScores adds document scores and computes the rates.
func SumScores(ss []Score) Score {
	var t Score
	for _, s := range ss {
		t.Docs += s.Docs
		t.Persons.add(s.Persons)
		t.Organizations.add(s.Organizations)
		t.Locations.add(s.Locations)
		t.Quotations.Gold += s.Quotations.Gold
		t.Quotations.Found += s.Quotations.Found
		t.Quotations.SpeakerRight += s.Quotations.SpeakerRight
		t.Quotations.NoSpeaker += s.Quotations.NoSpeaker
		t.Counts.Gold += s.Counts.Gold
		t.Counts.Found += s.Counts.Found
		t.Counts.Right += s.Counts.Right
		t.Counts.Unscored += s.Counts.Unscored
	}
	t.Persons.finish()
	t.Organizations.finish()
	t.Locations.finish()
	t.Quotations.Accuracy = ratio(t.Quotations.SpeakerRight, t.Quotations.Found)
	t.Counts.FoundRate = ratio(t.Counts.Found, t.Counts.Gold)
	t.Counts.RightRate = ratio(t.Counts.Right, t.Counts.Found)
	return t
}

func ratio(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return float64(a) / float64(b)
}

// normName lower-cases a name, folds typographic apostrophes, drops a
// possessive, a leading "the" and leading titles, and collapses spaces.
func normName(s string) string {
	s = strings.ToLower(strings.ReplaceAll(s, "’", "'"))
	s = strings.TrimSuffix(strings.TrimSuffix(strings.TrimSpace(s), "'s"), "'")
	ws := strings.Fields(s)
	for len(ws) > 1 && (ws[0] == "the" || titles[strings.TrimSuffix(ws[0], ".")]) {
		ws = ws[1:]
	}
	return strings.Join(ws, " ")
}

// nameMatches reports whether produced name p (normalised) matches gold
// name g (normalised): equal, or for persons p is g's last word.
func nameMatches(g, p string, person bool) bool {
	if g == "" || p == "" {
		return false
	}
	return g == p || person && p == lastWord(g)
}

// scoreNames matches the distinct gold and produced names of a category.
func scoreNames(gold, produced []string, person bool) NameScore {
	gs, ps := distinct(gold), distinct(produced)
	n := NameScore{Gold: len(gs), Produced: len(ps)}
	gm := make([]bool, len(gs))
	for _, p := range ps {
		ok := false
		for i, g := range gs {
			if nameMatches(g, p, person) {
				ok, gm[i] = true, true
			}
		}
		if ok {
			n.ProdMatched++
		} else {
			n.Extra = append(n.Extra, p)
		}
	}
	for i, g := range gs {
		if gm[i] {
			n.GoldMatched++
		} else {
			n.Missed = append(n.Missed, g)
		}
	}
	n.finish()
	return n
}

// distinct returns the distinct normalised non-empty names, in order.
func distinct(names []string) []string {
	seen := map[string]bool{}
	var out []string
	for _, s := range names {
		n := normName(s)
		if n == "" || seen[n] {
			continue
		}
		seen[n] = true
		out = append(out, n)
	}
	return out
}

// normQuote lower-cases a quotation, folds typographic quotes and
// apostrophes and collapses spaces.
func normQuote(s string) string {
	s = strings.NewReplacer("’", "'", "‘", "'", "“", "", "”", "", `"`, "").Replace(strings.ToLower(s))
	return strings.Join(strings.Fields(s), " ")
}

// scoreQuotes finds each gold quotation among the produced ones (a produced
// quotation holding the gold's first words, or one that they start with)
// and checks its speaker: equal names, the gold speaker's last word, or a
// produced speaker ending with the gold one ("Russian Foreign Minister
// Sergei Lavrov" for "Sergei Lavrov").
func scoreQuotes(gold []GoldQuote, produced []Quotation) QuoteScore {
	q := QuoteScore{Gold: len(gold)}
	for _, g := range gold {
		gt := normQuote(g.Text)
		found := -1
		for i := range produced {
			pt := normQuote(produced[i].Quote)
			if pt == "" {
				continue
			}
			if strings.Contains(pt, gt) || strings.HasPrefix(gt, pt) {
				found = i
				break
			}
		}
		if found < 0 {
			continue
		}
		q.Found++
		p := produced[found].Speaker
		if p == "" {
			q.NoSpeaker++
			q.Wrong = append(q.Wrong, fmt.Sprintf("%q: none for %q", g.Text, g.Speaker))
			continue
		}
		if speakerMatches(g.Speaker, p) {
			q.SpeakerRight++
		} else {
			q.Wrong = append(q.Wrong, fmt.Sprintf("%q: %q for %q", g.Text, p, g.Speaker))
		}
	}
	return q
}

// speakerMatches reports whether produced speaker p names gold speaker g.
func speakerMatches(g, p string) bool {
	ng, np := normName(g), normName(p)
	if ng == "" || np == "" {
		return false
	}
	return ng == np || np == lastWord(ng) || strings.HasSuffix(np, " "+ng)
}

// scoreCounts pairs gold count facts with produced counts of the same type:
// first those with the same number (right), then any other of the type
// (found, wrong number). A produced count pairs with one gold fact.
func scoreCounts(gold []GoldCount, produced []Count) CountScore {
	var scored []GoldCount
	for _, g := range gold {
		if goldCountTypes[strings.ToLower(g.Type)] != "" {
			scored = append(scored, g)
		}
	}
	c := CountScore{Gold: len(scored), Unscored: len(gold) - len(scored)}
	gold = scored
	used := make([]bool, len(produced))
	done := make([]bool, len(gold))
	for i, g := range gold {
		t := goldCountTypes[strings.ToLower(g.Type)]
		for j, p := range produced {
			if !used[j] && p.Type == t && p.Number == g.Number {
				used[j], done[i] = true, true
				c.Found++
				c.Right++
				break
			}
		}
	}
	for i, g := range gold {
		if done[i] {
			continue
		}
		t := goldCountTypes[strings.ToLower(g.Type)]
		for j, p := range produced {
			if !used[j] && p.Type == t {
				used[j], done[i] = true, true
				c.Found++
				c.Missed = append(c.Missed, fmt.Sprintf("%s %d (found %d)", g.Type, g.Number, p.Number))
				break
			}
		}
		if !done[i] {
			c.Missed = append(c.Missed, fmt.Sprintf("%s %d (not found)", g.Type, g.Number))
		}
	}
	c.FoundRate = ratio(c.Found, c.Gold)
	c.RightRate = ratio(c.Right, c.Found)
	return c
}

// scorePlaces matches the gold places with the distinct places produced:
// a place is its resolved full name (else its text) and matches a gold
// name equal to any of its mentions' texts, its full name or the full
// name's first part ("Pakistani" and "Pakistan" are one place, Pakistan;
// "Kunduz, Kunduz, Afghanistan" matches "Kunduz").
func scorePlaces(gold []string, produced []Location) NameScore {
	type place struct {
		key   string
		forms []string
	}
	var ps []place
	at := map[string]int{}
	for _, l := range produced {
		key := normName(l.FullName)
		if key == "" {
			key = normName(l.Text)
		}
		if key == "" {
			continue
		}
		i, ok := at[key]
		if !ok {
			i = len(ps)
			at[key] = i
			first, _, _ := strings.Cut(l.FullName, ",")
			ps = append(ps, place{key: key, forms: []string{key, normName(first)}})
		}
		if t := normName(l.Text); t != "" && !slicesContains(ps[i].forms, t) {
			ps[i].forms = append(ps[i].forms, t)
		}
	}
	gs := distinct(gold)
	n := NameScore{Gold: len(gs), Produced: len(ps)}
	gm := make([]bool, len(gs))
	for _, p := range ps {
		ok := false
		for i, g := range gs {
			if slicesContains(p.forms, g) {
				ok, gm[i] = true, true
			}
		}
		if ok {
			n.ProdMatched++
		} else {
			n.Extra = append(n.Extra, p.key)
		}
	}
	for i, g := range gs {
		if gm[i] {
			n.GoldMatched++
		} else {
			n.Missed = append(n.Missed, g)
		}
	}
	n.finish()
	return n
}

func slicesContains(ss []string, s string) bool {
	for _, x := range ss {
		if x == s {
			return true
		}
	}
	return false
}
