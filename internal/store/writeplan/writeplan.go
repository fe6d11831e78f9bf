// Package writeplan decides what a store.Writer stores for a batch: which
// article is new, a copy of a stored one or already stored, which events
// and mentions to insert, which stored events a batch's reports merge into
// (and what they learn: a place, a higher confidence, themes), which theme
// gets which bit, and how the rollups change. Both stores (store/sqlite,
// store/postgres) write through it, so their de-duplication is one piece
// of code; each keeps its own SQL.
//
// A write goes in four steps, the engine doing the reading and writing:
//
//  1. Needs(arts, opt) says what the batch can be de-duplicated against;
//     the engine reads it from the store (under its locks) into a Known.
//  2. Build(arts, known, opt, runID) plans the batch in memory exactly as
//     if its articles were written one by one, each seeing the rows the
//     ones before it add.
//  3. The engine reads the original mentions of the stored articles the
//     batch has copies of (Plan.CopyTargets) and hands them to
//     Plan.ExpandCopies; it reads the theme bits and lets Plan.AssignBits
//     give the batch's new themes theirs, storing the new ones.
//  4. The engine inserts the planned rows: ids at or above New are the
//     batch's own (New+i is the i-th planned event, sentence or mention),
//     and must be given in plan order so that ids grow as if written row
//     by row. It then applies the updates of stored events, recomputes
//     the counts of the touched events (Plan.Touched) from their mentions,
//     and adds Rollups(before, after) of the touched events' states to its
//     rollup tables, all in the write's one transaction: a failed write
//     leaves neither rows nor rollups changed.
package writeplan

import (
	"encoding/json"
	"fmt"
	"net/url"
	"slices"
	"strings"
	"time"

	"github.com/eventwire/eventwire/internal/dedup"
	"github.com/eventwire/eventwire/internal/event"
	"github.com/eventwire/eventwire/internal/store"
)

// New marks an id the batch allocates: New+i is its i-th planned event,
// sentence or mention, greater than every stored id of the same kind.
const New = int64(1) << 62

// MaxThemeBits is the number of themes that get a bit of events.themes.
const MaxThemeBits = 63

// Key is the key events are de-duplicated by.
type Key struct{ Source, Target, Base string }

// Band is one SimHash band row.
type Band struct {
	Key, Day int64
	Article  string
	SimHash  uint64
}

// Original is an original (not copied) mention of an article.
type Original struct {
	ID, Event, Sentence int64 // Sentence 0: none
	Article             string
	Conf                int
}

// Mention is one mention row to insert.
type Mention struct {
	Event, Sentence, Of int64 // Sentence, Of 0: none
	Article, Copy       string
	Source              string
	Conf                int
	Data                []byte // the coded event's JSON; nil for a copy's mention
}

// Event is one event row to insert.
type Event struct {
	M                                     dedup.Mention
	E                                     *event.Event
	Place, PlaceName, Country, FIPS, Code string
	Tone                                  *float64
	FirstMention                          int64
	Conf                                  *float64 // the highest event confidence of its mentions; nil: unknown
	IsRoot                                bool
}

// Copy is one row of the copies table: a document stored as Article (its
// own id for a new article).
type Copy struct {
	ID, Article, URL, Source string
	Published                time.Time
	Origin                   string
}

// Sentence is one sentence row to insert; Text is its bytes of the
// article's text.
type Sentence struct {
	Article    string
	N          int
	Start, End int
	Text       string
}

// Theme is a theme of a new article's knowledge and its number of mentions.
type Theme struct {
	Theme, Article string
	N              int
}

// BandQuery asks for the stored band rows of Keys published Lo..Hi (days),
// the near-duplicate candidates of the batch's article Article.
type BandQuery struct {
	Article int
	Keys    [8]int64
	Lo, Hi  int64
}

// EventQuery asks for the stored events of Key on days Lo..Hi.
type EventQuery struct {
	Key    Key
	Lo, Hi int
}

// Request is what a batch can be de-duplicated against.
type Request struct {
	IDs    []string // the batch's article ids: their copies and articles
	Bands  []BandQuery
	Events []EventQuery
}

// Known is what the store holds of a Request.
type Known struct {
	CopyOf   map[string]string // copy id → article id
	Articles map[string]bool
	Near     [][]Band // per article of the batch: the rows of its BandQuery
	Clusters map[Key][]dedup.Cluster
}

// NewKnown returns an empty Known for a batch of n articles.
func NewKnown(n int) *Known {
	return &Known{CopyOf: map[string]string{}, Articles: map[string]bool{}, Near: make([][]Band, n), Clusters: map[Key][]dedup.Cluster{}}
}

// FillSimHash gives each article with neither a SimHash nor a word count
// those of its text.
func FillSimHash(arts []store.Article) {
	for i := range arts {
		if arts[i].SimHash == 0 && arts[i].Words == 0 {
			arts[i].SimHash, arts[i].Words = dedup.SimHash(arts[i].Text)
		}
	}
}

// eventWindow is the window of the event lookup (dedup.Matcher.Days).
func eventWindow(opt store.WriteOptions) int { return dedup.Matcher{Window: opt.EventWindow}.Days() }

// nearDays is the range of publication days of a's near duplicates.
func nearDays(a *store.Article, opt store.WriteOptions) (int64, int64) {
	day := store.PubDay(a.Published, opt.Now)
	w := int64(opt.NearDaysOrDefault())
	return day - w, day + w
}

// Needs returns what arts can be de-duplicated against: the copies and
// articles of their ids, the band rows near each article, and the events
// of each event key within the window of the batch's dates of that key
// (one query per key and run of overlapping windows).
func Needs(arts []store.Article, opt store.WriteOptions) Request {
	var r Request
	for i := range arts {
		r.IDs = append(r.IDs, arts[i].ID)
	}
	if opt.NearDistance >= 0 {
		for i := range arts {
			a := &arts[i]
			if a.Words < dedup.MinWords {
				continue
			}
			lo, hi := nearDays(a, opt)
			r.Bands = append(r.Bands, BandQuery{Article: i, Keys: dedup.BandKeys(a.SimHash), Lo: lo, Hi: hi})
		}
	}
	w := eventWindow(opt)
	if w < 0 {
		return r
	}
	days := map[Key][]int{}
	var order []Key
	for i := range arts {
		for j := range arts[i].Events {
			m, ok := dedup.MentionOf(&arts[i].Events[j])
			if !ok {
				continue // reported when the article is planned
			}
			k := Key{m.Source, m.Target, m.Base}
			if _, ok := days[k]; !ok {
				order = append(order, k)
			}
			days[k] = append(days[k], m.Day)
		}
	}
	for _, k := range order {
		ds := days[k]
		slices.Sort(ds)
		for i := 0; i < len(ds); {
			lo, hi := ds[i]-w, ds[i]+w
			for i++; i < len(ds) && ds[i]-w <= hi+1; i++ {
				hi = ds[i] + w
			}
			r.Events = append(r.Events, EventQuery{Key: k, Lo: lo, Hi: hi})
		}
	}
	return r
}

// copyOp is a copy whose mentions copy the original mentions of a stored
// article, expanded once those are read; it sits at position at of the
// planned mentions.
type copyOp struct {
	at           int
	copy, target string
	source       string
}

// Plan is what a write of a batch stores.
type Plan struct {
	opt   store.WriteOptions
	now   time.Time
	runID string
	known *Known
	// Result counts the outcomes (Skipped is the engine's).
	Result store.WriteResult

	newBands  map[int64][]Band
	originals map[string][]Original // the original mentions of each article the batch stores
	copyOps   []copyOp
	placeSeen map[string]bool

	// Articles are the new articles, Sources their publishers.
	Articles []*store.Article
	Sources  []string
	// Copies are the rows of the copies table, new articles' included.
	Copies []Copy
	Bands  []Band
	Themes []Theme
	// ArticleThemes are the distinct themes of each new article's
	// knowledge, in order of first mention.
	ArticleThemes map[string][]string
	// Bits are the bits of events.themes given to themes (AssignBits).
	Bits      map[string]int
	Sentences []Sentence
	Events    []Event
	Mentions  []Mention
	// Places are the action places the batch names, in the order first
	// named (the first record of a feature id wins).
	Places []*event.Geo
	// PlaceUpdates give stored events that had no place one.
	PlaceUpdates map[int64]*event.Geo
	// ConfUpdates raise the event confidence of stored events to the
	// highest of the batch's mentions of each.
	ConfUpdates map[int64]float64
	touched     map[int64]bool
}

// Build plans writing arts (with their SimHash filled in: FillSimHash)
// against what the store holds of Needs(arts, opt). opt.Now must be set;
// stored times are opt.Now truncated to the microsecond.
func Build(arts []store.Article, known *Known, opt store.WriteOptions, runID string) (*Plan, error) {
	p := &Plan{opt: opt, now: opt.Now.UTC().Truncate(time.Microsecond), runID: runID, known: known,
		newBands: map[int64][]Band{}, originals: map[string][]Original{}, placeSeen: map[string]bool{},
		ArticleThemes: map[string][]string{}, Bits: map[string]int{}, PlaceUpdates: map[int64]*event.Geo{},
		ConfUpdates: map[int64]float64{}, touched: map[int64]bool{}}
	for i := range arts {
		outcome, err := p.article(&arts[i], i)
		if err != nil {
			return nil, fmt.Errorf("writing article %s (%s): %w", arts[i].ID, arts[i].Origin, err)
		}
		p.Result.Outcome = append(p.Result.Outcome, outcome)
	}
	return p, nil
}

// RunID is the ingest run the batch belongs to.
func (p *Plan) RunID() string { return p.runID }

// Now is the time the batch is stored at.
func (p *Plan) Now() time.Time { return p.now }

// SourceName is the publisher a copy is counted under: its source, else
// the host of its URL without "www.".
func SourceName(a *store.Article) string {
	if a.Source != "" {
		return a.Source
	}
	if u, err := url.Parse(a.URL); err == nil && u.Hostname() != "" {
		return strings.TrimPrefix(strings.ToLower(u.Hostname()), "www.")
	}
	return ""
}

// existing returns the id of the stored or planned article a is a copy
// of: the same id, or the nearest SimHash within the near distance
// (ties: the least article id). seen is set when the copy itself is
// stored.
func (p *Plan) existing(a *store.Article, i int) (seen bool, articleID string) {
	if aid, ok := p.known.CopyOf[a.ID]; ok {
		return true, aid
	}
	if p.known.Articles[a.ID] {
		return false, a.ID
	}
	if p.opt.NearDistance < 0 || a.Words < dedup.MinWords {
		return false, ""
	}
	lo, hi := nearDays(a, p.opt)
	type cand struct {
		article string
		simhash uint64
	}
	var cands []cand
	for _, bd := range p.known.Near[i] {
		cands = append(cands, cand{bd.Article, bd.SimHash})
	}
	for _, k := range dedup.BandKeys(a.SimHash) {
		for _, bd := range p.newBands[k] {
			if bd.Day >= lo && bd.Day <= hi {
				cands = append(cands, cand{bd.Article, bd.SimHash})
			}
		}
	}
	slices.SortFunc(cands, func(x, y cand) int { return strings.Compare(x.article, y.article) })
	best, bestD := "", p.opt.NearDistanceOrDefault()+1
	for _, c := range cands {
		if d := dedup.Distance(c.simhash, a.SimHash); d < bestD {
			best, bestD = c.article, d
		}
	}
	return false, best
}

func (p *Plan) article(a *store.Article, i int) (string, error) {
	seen, target := p.existing(a, i)
	if seen {
		p.Result.Already++
		return "already", nil
	}
	src := SourceName(a)
	if target == "" && !a.Analyzed {
		p.Result.Unknown++
		return "unknown", nil
	}
	if target != "" {
		p.Copies = append(p.Copies, Copy{ID: a.ID, Article: target, URL: a.URL, Source: src, Published: a.Published, Origin: a.Origin})
		p.known.CopyOf[a.ID] = target
		p.Result.Duplicate++
		if orig, ok := p.originals[target]; ok {
			// An article of this batch: its mentions are planned.
			for _, o := range orig {
				p.copyMention(o, a.ID, src)
			}
		} else {
			p.copyOps = append(p.copyOps, copyOp{at: len(p.Mentions), copy: a.ID, target: target, source: src})
		}
		return "duplicate", nil
	}
	return "new", p.newArticle(a, src)
}

// copyMention plans the mention a copy adds for the original mention o.
func (p *Plan) copyMention(o Original, copyID, src string) {
	p.Mentions = append(p.Mentions, Mention{Event: o.Event, Sentence: o.Sentence, Of: o.ID, Article: o.Article,
		Copy: copyID, Source: src, Conf: o.Conf})
	p.touched[o.Event] = true
	p.Result.Mentions++
}

func (p *Plan) newArticle(a *store.Article, src string) error {
	for i, sn := range a.Sentences {
		if sn.Start < 0 || sn.End > len(a.Text) || sn.Start > sn.End {
			return fmt.Errorf("sentence %d: range %d:%d outside the text", i+1, sn.Start, sn.End)
		}
	}
	p.Articles = append(p.Articles, a)
	p.Sources = append(p.Sources, src)
	p.known.Articles[a.ID] = true
	p.Copies = append(p.Copies, Copy{ID: a.ID, Article: a.ID, URL: a.URL, Source: src, Published: a.Published, Origin: a.Origin})
	p.known.CopyOf[a.ID] = a.ID
	p.Result.New++
	if k := a.Knowledge; k != nil && len(k.Themes) > 0 {
		n := make(map[string]int, len(k.Themes))
		var order []string
		for _, th := range k.Themes {
			if th.Theme == "" {
				continue
			}
			if n[th.Theme] == 0 {
				order = append(order, th.Theme)
			}
			n[th.Theme]++
		}
		for _, th := range order {
			p.Themes = append(p.Themes, Theme{Theme: th, Article: a.ID, N: n[th]})
		}
		p.ArticleThemes[a.ID] = order
	}
	if a.Words >= dedup.MinWords {
		day := store.PubDay(a.Published, p.now)
		for _, k := range dedup.BandKeys(a.SimHash) {
			bd := Band{Key: k, Day: day, Article: a.ID, SimHash: a.SimHash}
			p.Bands = append(p.Bands, bd)
			p.newBands[k] = append(p.newBands[k], bd)
		}
	}
	first := New + int64(len(p.Sentences))
	for i, sn := range a.Sentences {
		p.Sentences = append(p.Sentences, Sentence{Article: a.ID, N: i + 1, Start: sn.Start, End: sn.End, Text: a.Text[sn.Start:sn.End]})
	}
	p.originals[a.ID] = []Original{} // planned: copies later in the batch copy from memory
	for i := range a.Events {
		e := &a.Events[i]
		var sent int64
		if e.Sentence >= 1 && e.Sentence <= len(a.Sentences) {
			sent = first + int64(e.Sentence-1)
		}
		if err := p.mention(a, e, sent, src); err != nil {
			return err
		}
	}
	return nil
}

// mention merges e into the event it reports, or plans a new one, and
// plans the mention.
func (p *Plan) mention(a *store.Article, e *event.Event, sent int64, src string) error {
	m, ok := dedup.MentionOf(e)
	if !ok {
		return fmt.Errorf("event in sentence %d: date %q is not YYYY-MM-DD", e.Sentence, e.Date)
	}
	k := Key{m.Source, m.Target, m.Base}
	var cands []dedup.Cluster
	if w := eventWindow(p.opt); w >= 0 {
		for _, c := range p.known.Clusters[k] {
			if c.Day >= m.Day-w && c.Day <= m.Day+w {
				cands = append(cands, c)
			}
		}
	}
	data, err := json.Marshal(e)
	if err != nil {
		return fmt.Errorf("encoding event: %w", err)
	}
	mid := New + int64(len(p.Mentions))
	c, found := dedup.Matcher{Window: p.opt.EventWindow}.Match(m, cands)
	var eventID int64
	conf, confOK := store.EventConfidence(e)
	if found {
		eventID = c.ID
		if confOK {
			// The event's confidence is the highest of its reports'.
			if eventID >= New {
				if pe := &p.Events[eventID-New]; pe.Conf == nil || *pe.Conf < conf {
					pe.Conf = &conf
				}
			} else if old, ok := p.ConfUpdates[eventID]; !ok || old < conf {
				p.ConfUpdates[eventID] = conf
			}
		}
		if c.Place == "" && m.Place != "" {
			g := e.ActionGeo
			if eventID >= New {
				pe := &p.Events[eventID-New]
				pe.Place, pe.PlaceName, pe.Country, pe.FIPS = g.FeatureID, g.FullName, g.CountryISO, g.CountryFIPS
			} else {
				p.PlaceUpdates[eventID] = g
			}
			for j := range p.known.Clusters[k] {
				if p.known.Clusters[k][j].ID == eventID {
					p.known.Clusters[k][j].Place = m.Place
				}
			}
			p.place(g)
		}
	} else {
		pe := Event{M: m, E: e, Code: e.Code, FirstMention: mid, IsRoot: dedup.IsLead(e.Sentence)}
		if confOK {
			pe.Conf = &conf
		}
		if g := e.ActionGeo; g != nil {
			pe.Place, pe.PlaceName, pe.Country, pe.FIPS = g.FeatureID, g.FullName, g.CountryISO, g.CountryFIPS
			p.place(g)
		}
		if a.Knowledge != nil {
			t := a.Knowledge.Tone.Tone
			pe.Tone = &t
		}
		eventID = New + int64(len(p.Events))
		p.Events = append(p.Events, pe)
		p.known.Clusters[k] = append(p.known.Clusters[k], dedup.Cluster{ID: eventID, Day: m.Day, Place: m.Place})
		p.Result.Events++
	}
	p.Mentions = append(p.Mentions, Mention{Event: eventID, Sentence: sent, Article: a.ID, Copy: a.ID, Source: src,
		Conf: dedup.Confidence(e), Data: data})
	p.originals[a.ID] = append(p.originals[a.ID], Original{ID: mid, Event: eventID, Sentence: sent, Article: a.ID, Conf: dedup.Confidence(e)})
	p.touched[eventID] = true
	p.Result.Mentions++
	return nil
}

// place notes an action place to record.
func (p *Plan) place(g *event.Geo) {
	if g == nil || g.FeatureID == "" || p.placeSeen[g.FeatureID] {
		return
	}
	p.placeSeen[g.FeatureID] = true
	p.Places = append(p.Places, g)
}

// CopyTargets are the stored articles the batch has copies of, whose
// original mentions ExpandCopies needs.
func (p *Plan) CopyTargets() []string {
	var out []string
	for _, op := range p.copyOps {
		if !slices.Contains(out, op.target) {
			out = append(out, op.target)
		}
	}
	return out
}

// ExpandCopies plans the mentions of the copies of stored articles, at
// their places in the order of the batch, from the original mentions of
// each target (stored, by article id, in id order).
func (p *Plan) ExpandCopies(stored map[string][]Original) {
	if len(p.copyOps) == 0 {
		return
	}
	// Rebuild the mention list with each copy's mentions at its place;
	// planned ids (New+i) follow positions, so renumber them.
	planned := p.Mentions
	p.Mentions = make([]Mention, 0, len(planned))
	renum := make([]int64, len(planned)) // old position → new id
	next := 0
	for _, op := range p.copyOps {
		for ; next < op.at; next++ {
			renum[next] = New + int64(len(p.Mentions))
			p.Mentions = append(p.Mentions, planned[next])
		}
		for _, o := range stored[op.target] {
			p.copyMention(o, op.copy, op.source)
		}
	}
	for ; next < len(planned); next++ {
		renum[next] = New + int64(len(p.Mentions))
		p.Mentions = append(p.Mentions, planned[next])
	}
	for i := range p.Mentions {
		if of := p.Mentions[i].Of; of >= New {
			p.Mentions[i].Of = renum[of-New]
		}
	}
	for i := range p.Events {
		p.Events[i].FirstMention = renum[p.Events[i].FirstMention-New]
	}
	p.copyOps = nil
}

// NewThemes are the themes of the batch's new articles, in the order they
// appear, that bits (the stored theme bits) gives no bit: none when every
// bit is taken.
func (p *Plan) NewThemes(bits map[string]int) []string {
	if len(bits) >= MaxThemeBits {
		return nil
	}
	var themes []string
	seen := map[string]bool{}
	for _, a := range p.Articles {
		for _, th := range p.ArticleThemes[a.ID] {
			if _, ok := bits[th]; !ok && !seen[th] {
				seen[th] = true
				themes = append(themes, th)
			}
		}
	}
	return themes
}

// AssignBits takes the stored theme bits and gives the batch's new themes
// the next free bits while there are some, in the order they appear; it
// returns the new themes and their bits, for the engine to store.
func (p *Plan) AssignBits(bits map[string]int) (themes []string, newBits []int) {
	next := 0
	for th, b := range bits {
		p.Bits[th] = b
		next = max(next, b+1)
	}
	for _, th := range p.NewThemes(bits) {
		if _, ok := p.Bits[th]; ok || next >= MaxThemeBits {
			continue
		}
		p.Bits[th] = next
		themes, newBits = append(themes, th), append(newBits, next)
		next++
	}
	return themes, newBits
}

// EventThemes are, for each event the batch's original mentions report
// (a planned id or a stored one), the bit set of the themes with a bit of
// the articles of those mentions (after AssignBits), and those themes in
// order.
func (p *Plan) EventThemes() (masks map[int64]int64, themes map[int64][]string) {
	masks, themes = map[int64]int64{}, map[int64][]string{}
	for _, pm := range p.Mentions {
		if pm.Of != 0 {
			continue
		}
		for _, th := range p.ArticleThemes[pm.Article] {
			if b, ok := p.Bits[th]; ok {
				masks[pm.Event] |= 1 << b
			}
			if !slices.Contains(themes[pm.Event], th) {
				themes[pm.Event] = append(themes[pm.Event], th)
			}
		}
	}
	return masks, themes
}

// Touched are the events (planned or stored ids) the batch adds mentions
// to, in ascending order: their counts are to be recomputed.
func (p *Plan) Touched() []int64 {
	out := make([]int64, 0, len(p.touched))
	for id := range p.touched {
		out = append(out, id)
	}
	slices.Sort(out)
	return out
}
