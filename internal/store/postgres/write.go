package postgres

import (
	"cmp"
	"context"
	"encoding/json"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"

	"github.com/eventwire/eventwire/internal/dedup"
	"github.com/eventwire/eventwire/internal/event"
	"github.com/eventwire/eventwire/internal/store"
)

// A Write takes a handful of round trips whatever the size of its batch:
//
//  1. one pipeline takes the advisory locks, records the skipped inputs and
//     reads what the batch can de-duplicate against: the copies and
//     articles of its ids, the SimHash band rows near each article, and the
//     events of each of its event keys near their dates. The locks keep
//     other writers from changing any of it until the commit;
//  2. the batch is planned in memory exactly as the SQLite store writes it
//     row by row, the rows it adds being visible to its later articles;
//  3. the original mentions of stored articles that the batch has copies of
//     are read, and ids are drawn from the identity sequences;
//  4. one pipeline inserts all rows (arrays through unnest), then locks the
//     touched events in id order, gives places to events that had none,
//     recomputes their counts and adds the batch to its run's counts;
//  5. commit.

// evKey is the key events are de-duplicated by.
type evKey struct{ source, target, base string }

// newID marks an id the batch allocates: newID+i is its i-th new event,
// sentence or mention, greater than every stored id of the same key.
const newID = int64(1) << 62

// band is one SimHash band row.
type band struct {
	key, day int64
	article  string
	simhash  uint64
}

// origMention is an original (not copied) mention of an article.
type origMention struct {
	id, event, sentence int64 // sentence 0: none
	article             string
	conf                int
}

// plannedMention is one mention row to insert; ids at or above newID are
// allocated by the batch.
type plannedMention struct {
	event, sentence, of int64 // sentence, of 0: none
	article, copy       string
	source              string
	conf                int
	data                *string
}

// plannedEvent is one event row to insert.
type plannedEvent struct {
	m                                     dedup.Mention
	e                                     *event.Event
	place, placeName, country, fips, code string
	tone                                  *float64
	firstMention                          int64
	conf                                  *float64 // the highest event confidence of its mentions; nil: unknown
}

// copyOp is a copy whose mentions copy the original mentions of a stored
// article, expanded once those are read; it sits at position at of the
// planned mentions.
type copyOp struct {
	at             int
	copy, target   string
	source         string
	storedOriginal bool
}

type plan struct {
	opt   store.WriteOptions
	now   time.Time
	runID string
	res   store.WriteResult

	// What the store holds for the batch, read under the locks, plus what
	// the batch adds.
	copyOf   map[string]string // copy id → article id
	articles map[string]bool
	near     [][]band // per article: stored band rows of its keys within its days
	newBands map[int64][]band
	clusters map[evKey][]dedup.Cluster
	// originals are the original mentions of each article the batch
	// stores, by article id.
	originals map[string][]origMention

	// Rows to insert.
	arts    []*store.Article
	sources []string
	copies  [][8]any
	bands   []band
	themes  [][3]any
	// articleThemes are the themes of each new article's knowledge.
	articleThemes map[string][]string
	// bits are the bits of events.themes given to themes.
	bits      map[string]int
	sentences []struct {
		article    string
		n          int
		start, end int
		text       string
	}
	events    []plannedEvent
	mentions  []plannedMention
	copyOps   []copyOp
	newPlaces map[string]*event.Geo
	// placeUpdates give stored events that had no place one.
	placeUpdates map[int64]*event.Geo
	// confUpdates raise the event confidence of stored events to the
	// highest of the batch's mentions of each.
	confUpdates map[int64]float64
	touched     map[int64]bool
}

// eventWindow is the window of the event lookup (dedup.Matcher.Days).
func (p *plan) eventWindow() int {
	return dedup.Matcher{Window: p.opt.EventWindow}.Days()
}

func (s *DB) write(ctx context.Context, b *store.Batch, arts []store.Article, keys []int64, opt store.WriteOptions) (store.WriteResult, error) {
	tx, err := s.pool.Begin(ctx)
	if err != nil {
		return store.WriteResult{}, fmt.Errorf("writing batch: %w", err)
	}
	defer tx.Rollback(ctx)
	p := &plan{opt: opt, now: opt.Now.UTC().Truncate(time.Microsecond), runID: b.Run.ID,
		copyOf: map[string]string{}, articles: map[string]bool{}, near: make([][]band, len(arts)),
		newBands: map[int64][]band{}, clusters: map[evKey][]dedup.Cluster{}, originals: map[string][]origMention{},
		articleThemes: map[string][]string{}, bits: map[string]int{}, newPlaces: map[string]*event.Geo{}, placeUpdates: map[int64]*event.Geo{}, confUpdates: map[int64]float64{}, touched: map[int64]bool{}}
	if err := p.read(ctx, tx, b, arts, keys); err != nil {
		return store.WriteResult{}, err
	}
	for i := range arts {
		outcome, err := p.article(&arts[i], i)
		if err != nil {
			return store.WriteResult{}, fmt.Errorf("writing article %s (%s): %w", arts[i].ID, arts[i].Origin, err)
		}
		p.res.Outcome = append(p.res.Outcome, outcome)
	}
	if err := p.expandCopies(ctx, tx); err != nil {
		return store.WriteResult{}, err
	}
	if err := p.assignBits(ctx, tx); err != nil {
		return store.WriteResult{}, err
	}
	if err := p.insert(ctx, tx, b); err != nil {
		return store.WriteResult{}, err
	}
	if err := tx.Commit(ctx); err != nil {
		return store.WriteResult{}, fmt.Errorf("committing batch: %w", err)
	}
	return p.res, nil
}

// read takes the locks, records the skipped inputs, and reads what the
// batch can de-duplicate against, in one pipeline.
func (p *plan) read(ctx context.Context, tx pgx.Tx, b *store.Batch, arts []store.Article, keys []int64) error {
	var q pgx.Batch
	q.Queue(`SELECT count(pg_advisory_xact_lock(k)) FROM unnest($1::bigint[]) AS k`, keys)
	if len(b.Skips) > 0 {
		origins, reasons, messages := make([]string, len(b.Skips)), make([]string, len(b.Skips)), make([]string, len(b.Skips))
		for i, sk := range b.Skips {
			origins[i], reasons[i], messages[i] = sk.Origin, sk.Reason, sk.Message
		}
		q.Queue(`INSERT INTO skips(run_id, origin, reason, message)
			SELECT $1, o, r, m FROM unnest($2::text[], $3::text[], $4::text[]) AS s(o, r, m) ORDER BY o ON CONFLICT DO NOTHING`,
			b.Run.ID, origins, reasons, messages).Exec(func(ct pgconn.CommandTag) error {
			p.res.Skipped = int(ct.RowsAffected())
			return nil
		})
	}
	q.Queue(`SELECT theme, bit FROM theme_bits`).Query(p.readBits)
	ids := make([]string, len(arts))
	for i := range arts {
		ids[i] = arts[i].ID
	}
	q.Queue(`SELECT id, article_id FROM copies WHERE id = ANY($1)`, ids).Query(func(rows pgx.Rows) error {
		for rows.Next() {
			var id, aid string
			if err := rows.Scan(&id, &aid); err != nil {
				return fmt.Errorf("looking up copies: %w", err)
			}
			p.copyOf[id] = aid
		}
		return rows.Err()
	})
	q.Queue(`SELECT id FROM articles WHERE id = ANY($1)`, ids).Query(func(rows pgx.Rows) error {
		for rows.Next() {
			var id string
			if err := rows.Scan(&id); err != nil {
				return fmt.Errorf("looking up articles: %w", err)
			}
			p.articles[id] = true
		}
		return rows.Err()
	})
	if p.opt.NearDistance >= 0 {
		for i := range arts {
			a := &arts[i]
			if a.Words < dedup.MinWords {
				continue
			}
			bk := dedup.BandKeys(a.SimHash)
			lo, hi := p.nearDays(a)
			q.Queue(`SELECT key, day, article_id, simhash FROM simhash_bands WHERE key = ANY($1) AND day BETWEEN $2 AND $3`,
				bk[:], lo, hi).Query(func(rows pgx.Rows) error {
				for rows.Next() {
					var bd band
					var h int64
					var day int32
					if err := rows.Scan(&bd.key, &day, &bd.article, &h); err != nil {
						return fmt.Errorf("looking up near duplicates: %w", err)
					}
					bd.day, bd.simhash = int64(day), uint64(h)
					p.near[i] = append(p.near[i], bd)
				}
				return rows.Err()
			})
		}
	}
	// The stored events of each key within the window of the batch's
	// dates of that key: one query per key and run of overlapping
	// windows.
	if w := p.eventWindow(); w >= 0 {
		days := map[evKey][]int{}
		var order []evKey
		for i := range arts {
			for j := range arts[i].Events {
				m, ok := dedup.MentionOf(&arts[i].Events[j])
				if !ok {
					continue // reported when the article is planned
				}
				k := evKey{m.Source, m.Target, m.Base}
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
				q.Queue(`SELECT id, day, place FROM events WHERE source=$1 AND target=$2 AND base=$3 AND day BETWEEN $4 AND $5`,
					k.source, k.target, k.base, lo, hi).Query(func(rows pgx.Rows) error {
					for rows.Next() {
						var c dedup.Cluster
						var day int32
						if err := rows.Scan(&c.ID, &day, &c.Place); err != nil {
							return fmt.Errorf("looking up events: %w", err)
						}
						c.Day = int(day)
						p.clusters[k] = append(p.clusters[k], c)
					}
					return rows.Err()
				})
			}
		}
	}
	if err := tx.SendBatch(ctx, &q).Close(); err != nil {
		return fmt.Errorf("reading what the batch de-duplicates against: %w", err)
	}
	return nil
}

// nearDays is the range of publication days of a's near duplicates.
func (p *plan) nearDays(a *store.Article) (int64, int64) {
	day := store.PubDay(a.Published, p.opt.Now)
	w := p.opt.NearDays
	if w <= 0 {
		w = dedup.DefaultNearDays
	}
	return day - int64(w), day + int64(w)
}

// existing is store/sqlite's existing over the rows read and planned: the
// id of the stored article a is a copy of, and whether the copy itself is
// stored.
func (p *plan) existing(a *store.Article, i int) (seen bool, articleID string) {
	if aid, ok := p.copyOf[a.ID]; ok {
		return true, aid
	}
	if p.articles[a.ID] {
		return false, a.ID
	}
	if p.opt.NearDistance < 0 || a.Words < dedup.MinWords {
		return false, ""
	}
	bk := dedup.BandKeys(a.SimHash)
	lo, hi := p.nearDays(a)
	type cand struct {
		article string
		simhash uint64
	}
	var cands []cand
	for _, bd := range p.near[i] {
		cands = append(cands, cand{bd.article, bd.simhash})
	}
	for _, k := range bk {
		for _, bd := range p.newBands[k] {
			if bd.day >= lo && bd.day <= hi {
				cands = append(cands, cand{bd.article, bd.simhash})
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

func (p *plan) article(a *store.Article, i int) (string, error) {
	seen, target := p.existing(a, i)
	if seen {
		p.res.Already++
		return "already", nil
	}
	src := sourceName(a)
	if target == "" && !a.Analyzed {
		p.res.Unknown++
		return "unknown", nil
	}
	if target != "" {
		p.copies = append(p.copies, [8]any{a.ID, target, nullString(a.URL), nullString(src), timeOrNull(a.Published), a.Origin, p.runID, p.now})
		p.copyOf[a.ID] = target
		p.res.Duplicate++
		if orig, ok := p.originals[target]; ok {
			// An article of this batch: its mentions are planned.
			for _, o := range orig {
				p.copyMention(o, a.ID, src)
			}
		} else {
			p.copyOps = append(p.copyOps, copyOp{at: len(p.mentions), copy: a.ID, target: target, source: src, storedOriginal: true})
		}
		return "duplicate", nil
	}
	return "new", p.newArticle(a, src)
}

// copyMention plans the mention a copy adds for the original mention o.
func (p *plan) copyMention(o origMention, copyID, src string) {
	p.mentions = append(p.mentions, plannedMention{event: o.event, sentence: o.sentence, of: o.id, article: o.article,
		copy: copyID, source: src, conf: o.conf})
	p.touched[o.event] = true
	p.res.Mentions++
}

func (p *plan) newArticle(a *store.Article, src string) error {
	for i, sn := range a.Sentences {
		if sn.Start < 0 || sn.End > len(a.Text) || sn.Start > sn.End {
			return fmt.Errorf("sentence %d: range %d:%d outside the text", i+1, sn.Start, sn.End)
		}
	}
	p.arts = append(p.arts, a)
	p.sources = append(p.sources, src)
	p.articles[a.ID] = true
	p.copies = append(p.copies, [8]any{a.ID, a.ID, nullString(a.URL), nullString(src), timeOrNull(a.Published), a.Origin, p.runID, p.now})
	p.copyOf[a.ID] = a.ID
	p.res.New++
	if k := a.Knowledge; k != nil && len(k.Themes) > 0 {
		n := make(map[string]int32, len(k.Themes))
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
			p.themes = append(p.themes, [3]any{th, a.ID, n[th]})
		}
		p.articleThemes[a.ID] = order
	}
	if a.Words >= dedup.MinWords {
		day := store.PubDay(a.Published, p.now)
		for _, k := range dedup.BandKeys(a.SimHash) {
			bd := band{key: k, day: day, article: a.ID, simhash: a.SimHash}
			p.bands = append(p.bands, bd)
			p.newBands[k] = append(p.newBands[k], bd)
		}
	}
	first := newID + int64(len(p.sentences))
	for i, sn := range a.Sentences {
		p.sentences = append(p.sentences, struct {
			article    string
			n          int
			start, end int
			text       string
		}{a.ID, i + 1, sn.Start, sn.End, indexText(a.Text[sn.Start:sn.End])})
	}
	p.originals[a.ID] = []origMention{} // planned: copies later in the batch copy from memory
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
func (p *plan) mention(a *store.Article, e *event.Event, sent int64, src string) error {
	m, ok := dedup.MentionOf(e)
	if !ok {
		return fmt.Errorf("event in sentence %d: date %q is not YYYY-MM-DD", e.Sentence, e.Date)
	}
	k := evKey{m.Source, m.Target, m.Base}
	var cands []dedup.Cluster
	if w := p.eventWindow(); w >= 0 {
		for _, c := range p.clusters[k] {
			if c.Day >= m.Day-w && c.Day <= m.Day+w {
				cands = append(cands, c)
			}
		}
	}
	data, err := json.Marshal(e)
	if err != nil {
		return fmt.Errorf("encoding event: %w", err)
	}
	ds := string(data)
	mid := newID + int64(len(p.mentions))
	c, found := dedup.Matcher{Window: p.opt.EventWindow}.Match(m, cands)
	var eventID int64
	conf, confOK := store.EventConfidence(e)
	if found {
		eventID = c.ID
		if confOK {
			// The event's confidence is the highest of its reports'.
			if eventID >= newID {
				if pe := &p.events[eventID-newID]; pe.conf == nil || *pe.conf < conf {
					pe.conf = &conf
				}
			} else if old, ok := p.confUpdates[eventID]; !ok || old < conf {
				p.confUpdates[eventID] = conf
			}
		}
		if c.Place == "" && m.Place != "" {
			g := e.ActionGeo
			if eventID >= newID {
				pe := &p.events[eventID-newID]
				pe.place, pe.placeName, pe.country, pe.fips = g.FeatureID, g.FullName, g.CountryISO, g.CountryFIPS
			} else {
				p.placeUpdates[eventID] = g
			}
			for j := range p.clusters[k] {
				if p.clusters[k][j].ID == eventID {
					p.clusters[k][j].Place = m.Place
				}
			}
			p.place(g)
		}
	} else {
		pe := plannedEvent{m: m, e: e, code: e.Code, firstMention: mid}
		if confOK {
			pe.conf = &conf
		}
		if g := e.ActionGeo; g != nil {
			pe.place, pe.placeName, pe.country, pe.fips = g.FeatureID, g.FullName, g.CountryISO, g.CountryFIPS
			p.place(g)
		}
		if a.Knowledge != nil {
			t := a.Knowledge.Tone.Tone
			pe.tone = &t
		}
		eventID = newID + int64(len(p.events))
		p.events = append(p.events, pe)
		p.clusters[k] = append(p.clusters[k], dedup.Cluster{ID: eventID, Day: m.Day, Place: m.Place})
		p.res.Events++
	}
	p.mentions = append(p.mentions, plannedMention{event: eventID, sentence: sent, article: a.ID, copy: a.ID, source: src,
		conf: dedup.Confidence(e), data: &ds})
	p.originals[a.ID] = append(p.originals[a.ID], origMention{id: mid, event: eventID, sentence: sent, article: a.ID, conf: dedup.Confidence(e)})
	p.touched[eventID] = true
	p.res.Mentions++
	return nil
}

// place notes an action place to record (the first record of a feature
// id wins).
func (p *plan) place(g *event.Geo) {
	if g == nil || g.FeatureID == "" {
		return
	}
	if _, ok := p.newPlaces[g.FeatureID]; !ok {
		p.newPlaces[g.FeatureID] = g
	}
}

// expandCopies reads the original mentions of the stored articles the
// batch has copies of and plans the copies' mentions, at their places in
// the order of the batch.
func (p *plan) expandCopies(ctx context.Context, tx pgx.Tx) error {
	if len(p.copyOps) == 0 {
		return nil
	}
	var targets []string
	for _, op := range p.copyOps {
		targets = append(targets, op.target)
	}
	rows, err := tx.Query(ctx, `SELECT id, event_id, article_id, coalesce(sentence_id, 0), confidence FROM mentions
		WHERE article_id = ANY($1) AND of_mention IS NULL ORDER BY id`, targets)
	if err != nil {
		return fmt.Errorf("reading mentions: %w", err)
	}
	stored := map[string][]origMention{}
	for rows.Next() {
		var o origMention
		var conf int32
		if err := rows.Scan(&o.id, &o.event, &o.article, &o.sentence, &conf); err != nil {
			rows.Close()
			return fmt.Errorf("reading mentions: %w", err)
		}
		o.conf = int(conf)
		stored[o.article] = append(stored[o.article], o)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return fmt.Errorf("reading mentions: %w", err)
	}
	// Rebuild the mention list with each copy's mentions at its place;
	// planned ids (newID+i) follow positions, so renumber them.
	planned := p.mentions
	p.mentions = make([]plannedMention, 0, len(planned))
	renum := make([]int64, len(planned)) // old position → new id
	next := 0
	for _, op := range p.copyOps {
		for ; next < op.at; next++ {
			renum[next] = newID + int64(len(p.mentions))
			p.mentions = append(p.mentions, planned[next])
		}
		for _, o := range stored[op.target] {
			p.copyMention(o, op.copy, op.source)
		}
	}
	for ; next < len(planned); next++ {
		renum[next] = newID + int64(len(p.mentions))
		p.mentions = append(p.mentions, planned[next])
	}
	for i := range p.mentions {
		if of := p.mentions[i].of; of >= newID {
			p.mentions[i].of = renum[of-newID]
		}
	}
	for i := range p.events {
		p.events[i].firstMention = renum[p.events[i].firstMention-newID]
	}
	return nil
}

func (p *plan) readBits(rows pgx.Rows) error {
	for rows.Next() {
		var th string
		var bit int32
		if err := rows.Scan(&th, &bit); err != nil {
			return fmt.Errorf("reading theme bits: %w", err)
		}
		p.bits[th] = int(bit)
	}
	return rows.Err()
}

// assignBits gives the batch's new themes the next free bits of
// events.themes, while there are some, in the order they appear. Writers
// take turns under an advisory lock; the lock is taken only while bits
// are free and the batch has themes without one.
func (p *plan) assignBits(ctx context.Context, tx pgx.Tx) error {
	if len(p.bits) >= maxThemeBits {
		return nil
	}
	var themes []string
	seen := map[string]bool{}
	for _, a := range p.arts {
		for _, th := range p.articleThemes[a.ID] {
			if _, ok := p.bits[th]; !ok && !seen[th] {
				seen[th] = true
				themes = append(themes, th)
			}
		}
	}
	if len(themes) == 0 {
		return nil
	}
	var q pgx.Batch
	q.Queue(`SELECT pg_advisory_xact_lock($1)`, int64(themeBitsLock))
	q.Queue(`SELECT theme, bit FROM theme_bits`).Query(p.readBits)
	if err := tx.SendBatch(ctx, &q).Close(); err != nil {
		return fmt.Errorf("reading theme bits: %w", err)
	}
	next := 0
	for _, b := range p.bits {
		next = max(next, b+1)
	}
	var newThemes []string
	var newBits []int32
	for _, th := range themes {
		if _, ok := p.bits[th]; ok || next >= maxThemeBits {
			continue
		}
		p.bits[th] = next
		newThemes, newBits = append(newThemes, th), append(newBits, int32(next))
		next++
	}
	if len(newThemes) == 0 {
		return nil
	}
	if _, err := tx.Exec(ctx, `INSERT INTO theme_bits(theme, bit) SELECT * FROM unnest($1::text[], $2::int[])`, newThemes, newBits); err != nil {
		return fmt.Errorf("writing theme bits: %w", err)
	}
	return nil
}

// ids draws n values from the identity sequence of table's id column.
func ids(q *pgx.Batch, table string, n int, out *[]int64) {
	if n == 0 {
		return
	}
	q.Queue(`SELECT nextval(pg_get_serial_sequence($1, 'id')) FROM generate_series(1, $2)`, table, n).Query(func(rows pgx.Rows) error {
		for rows.Next() {
			var id int64
			if err := rows.Scan(&id); err != nil {
				return err
			}
			*out = append(*out, id)
		}
		if err := rows.Err(); err != nil {
			return err
		}
		slices.Sort(*out)
		return nil
	})
}

// insert allocates the ids of the planned rows and inserts them, then
// updates the touched events and the run.
func (p *plan) insert(ctx context.Context, tx pgx.Tx, b *store.Batch) error {
	var eventIDs, sentenceIDs, mentionIDs []int64
	var q pgx.Batch
	ids(&q, "events", len(p.events), &eventIDs)
	ids(&q, "sentences", len(p.sentences), &sentenceIDs)
	ids(&q, "mentions", len(p.mentions), &mentionIDs)
	if q.Len() > 0 {
		if err := tx.SendBatch(ctx, &q).Close(); err != nil {
			return fmt.Errorf("allocating ids: %w", err)
		}
	}
	real := func(id int64, pool []int64) int64 {
		if id >= newID {
			return pool[id-newID]
		}
		return id
	}
	q = pgx.Batch{}
	if n := len(p.arts); n > 0 {
		ids, canon, urls, titles, srcs := make([]string, n), make([]*string, n), make([]*string, n), make([]*string, n), make([]*string, n)
		pub, ingested := make([]*time.Time, n), make([]time.Time, n)
		texts := make([][]byte, n)
		hashes, words := make([]int64, n), make([]int32, n)
		tones, knowledge := make([]*float64, n), make([]*string, n)
		for i, a := range p.arts {
			ids[i], canon[i], urls[i], titles[i], srcs[i] = a.ID, strPtr(a.CanonicalURL), strPtr(a.URL), strPtr(a.Title), strPtr(p.sources[i])
			if !a.Published.IsZero() {
				t := a.Published.UTC()
				pub[i] = &t
			}
			ingested[i], texts[i], hashes[i], words[i] = p.now, []byte(a.Text), int64(a.SimHash), int32(a.Words)
			if k := a.Knowledge; k != nil {
				data, err := json.Marshal(k)
				if err != nil {
					return fmt.Errorf("encoding knowledge of article %s: %w", a.ID, err)
				}
				t, ks := k.Tone.Tone, string(data)
				tones[i], knowledge[i] = &t, &ks
			}
		}
		q.Queue(`INSERT INTO articles(id, canonical_url, url, title, source, published, text, simhash, words, ingested, tone, knowledge)
			SELECT id, c, u, t, s, p, x, h, w, i, tone, k::json FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[],
				$6::timestamptz[], $7::bytea[], $8::bigint[], $9::int[], $10::timestamptz[], $11::float8[], $12::text[])
				AS a(id, c, u, t, s, p, x, h, w, i, tone, k)`,
			ids, canon, urls, titles, srcs, pub, texts, hashes, words, ingested, tones, knowledge)
	}
	if n := len(p.copies); n > 0 {
		cols := make([][]any, 8)
		for j := range cols {
			cols[j] = make([]any, n)
		}
		for i, c := range p.copies {
			for j := range c {
				cols[j][i] = c[j]
			}
		}
		ids, aids, urls, srcs, origins, runs := make([]string, n), make([]string, n), make([]*string, n), make([]*string, n), make([]string, n), make([]string, n)
		pub, seen := make([]*time.Time, n), make([]time.Time, n)
		for i, c := range p.copies {
			ids[i], aids[i], origins[i], runs[i], seen[i] = c[0].(string), c[1].(string), c[5].(string), c[6].(string), c[7].(time.Time)
			urls[i], srcs[i] = anyStr(c[2]), anyStr(c[3])
			if t, ok := c[4].(time.Time); ok {
				pub[i] = &t
			}
		}
		q.Queue(`INSERT INTO copies(id, article_id, url, source, published, origin, run_id, seen)
			SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::timestamptz[], $6::text[], $7::text[], $8::timestamptz[])`,
			ids, aids, urls, srcs, pub, origins, runs, seen)
	}
	if n := len(p.bands); n > 0 {
		keys, days, aids, hashes := make([]int64, n), make([]int32, n), make([]string, n), make([]int64, n)
		for i, bd := range p.bands {
			keys[i], days[i], aids[i], hashes[i] = bd.key, int32(bd.day), bd.article, int64(bd.simhash)
		}
		q.Queue(`INSERT INTO simhash_bands(key, day, article_id, simhash)
			SELECT * FROM unnest($1::bigint[], $2::int[], $3::text[], $4::bigint[]) ON CONFLICT DO NOTHING`, keys, days, aids, hashes)
	}
	if n := len(p.themes); n > 0 {
		themes, aids, counts := make([]string, n), make([]string, n), make([]int32, n)
		for i, th := range p.themes {
			themes[i], aids[i], counts[i] = th[0].(string), th[1].(string), th[2].(int32)
		}
		q.Queue(`INSERT INTO article_themes(theme, article_id, n) SELECT * FROM unnest($1::text[], $2::text[], $3::int[])`, themes, aids, counts)
	}
	if n := len(p.sentences); n > 0 {
		aids, ns, starts, ends, texts := make([]string, n), make([]int32, n), make([]int32, n), make([]int32, n), make([]string, n)
		for i, sn := range p.sentences {
			aids[i], ns[i], starts[i], ends[i], texts[i] = sn.article, int32(sn.n), int32(sn.start), int32(sn.end), sn.text
		}
		q.Queue(`INSERT INTO sentences(id, article_id, n, start_byte, end_byte, tsv) OVERRIDING SYSTEM VALUE
			SELECT id, a, n, s, e, to_tsvector('simple', t) FROM unnest($1::bigint[], $2::text[], $3::int[], $4::int[], $5::int[], $6::text[])
			AS x(id, a, n, s, e, t)`, sentenceIDs, aids, ns, starts, ends, texts)
	}
	if len(p.newPlaces) > 0 {
		n := len(p.newPlaces)
		ids, names, shorts, countries := make([]string, 0, n), make([]string, 0, n), make([]string, 0, n), make([]string, 0, n)
		lats, lons := make([]float64, 0, n), make([]float64, 0, n)
		for id := range p.newPlaces {
			ids = append(ids, id)
		}
		// In feature id order, so that two writers adding the same new
		// places never wait for each other in a cycle.
		slices.Sort(ids)
		for _, id := range ids {
			g := p.newPlaces[id]
			short, _, _ := strings.Cut(g.FullName, ",")
			names, shorts, countries = append(names, g.FullName), append(shorts, strings.TrimSpace(short)), append(countries, g.CountryISO)
			lats, lons = append(lats, g.Lat), append(lons, g.Lon)
		}
		q.Queue(`INSERT INTO places(id, name, short, country, lat, lon)
			SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::float8[], $6::float8[]) AS p(id, name, short, country, lat, lon)
			ORDER BY id ON CONFLICT DO NOTHING`, ids, names, shorts, countries, lats, lons)
	}
	// The bits of the themes of the articles of the new original mentions,
	// by event.
	masks := map[int64]int64{}
	for _, pm := range p.mentions {
		if pm.of != 0 {
			continue
		}
		var mask int64
		for _, th := range p.articleThemes[pm.article] {
			if b, ok := p.bits[th]; ok {
				mask |= 1 << b
			}
		}
		if mask != 0 {
			masks[pm.event] |= mask
		}
	}
	if n := len(p.events); n > 0 {
		srcs, tgts, bases, codes := make([]string, n), make([]string, n), make([]string, n), make([]string, n)
		quads, days := make([]int32, n), make([]int32, n)
		gold := make([]float64, n)
		places, names, countries, fips, snames, tnames := make([]string, n), make([]string, n), make([]string, n), make([]string, n), make([]string, n), make([]string, n)
		seen := make([]time.Time, n)
		roots := make([]bool, n)
		tones := make([]*float64, n)
		firsts, themeBits := make([]int64, n), make([]int64, n)
		confs := make([]*float64, n)
		for i, pe := range p.events {
			confs[i] = pe.conf
			themeBits[i] = masks[newID+int64(i)]
			srcs[i], tgts[i], bases[i], codes[i] = pe.m.Source, pe.m.Target, pe.m.Base, pe.code
			quads[i], gold[i], days[i] = int32(pe.e.QuadClass), pe.e.Goldstein, int32(pe.m.Day)
			places[i], names[i], countries[i], fips[i] = pe.place, pe.placeName, pe.country, pe.fips
			snames[i], tnames[i], seen[i], roots[i], tones[i] = pe.e.SourceSpan.Text, pe.e.TargetSpan.Text, p.now, dedup.IsLead(pe.e.Sentence), pe.tone
			firsts[i] = real(pe.firstMention, mentionIDs)
		}
		q.Queue(`INSERT INTO events(id, source, target, base, code, quad, goldstein, day, place, place_name, country, country_fips,
			source_name, target_name, first_seen, is_root, tone, first_mention, themes, event_confidence) OVERRIDING SYSTEM VALUE
			SELECT * FROM unnest($1::bigint[], $2::text[], $3::text[], $4::text[], $5::text[], $6::int[], $7::float8[], $8::int[], $9::text[],
				$10::text[], $11::text[], $12::text[], $13::text[], $14::text[], $15::timestamptz[], $16::bool[], $17::float8[], $18::bigint[],
				$19::bigint[], $20::float8[])`,
			eventIDs, srcs, tgts, bases, codes, quads, gold, days, places, names, countries, fips, snames, tnames, seen, roots, tones, firsts,
			themeBits, confs)
	}
	// The themes of the articles the new original mentions come from go
	// to their events (copies add none: their article's themes are
	// there), in order, so that two writers never wait for each other in
	// a cycle.
	type eventTheme struct {
		theme string
		event int64
	}
	var ets []eventTheme
	for _, pm := range p.mentions {
		if pm.of != 0 {
			continue
		}
		for _, th := range p.articleThemes[pm.article] {
			ets = append(ets, eventTheme{th, real(pm.event, eventIDs)})
		}
	}
	if len(ets) > 0 {
		slices.SortFunc(ets, func(a, b eventTheme) int {
			if c := strings.Compare(a.theme, b.theme); c != 0 {
				return c
			}
			return cmp.Compare(a.event, b.event)
		})
		ets = slices.Compact(ets)
		themes, events := make([]string, len(ets)), make([]int64, len(ets))
		for i, et := range ets {
			themes[i], events[i] = et.theme, et.event
		}
		q.Queue(`INSERT INTO event_themes(theme, event_id) SELECT * FROM unnest($1::text[], $2::bigint[]) ON CONFLICT DO NOTHING`,
			themes, events)
	}
	if n := len(p.mentions); n > 0 {
		evs, sents, ofs := make([]int64, n), make([]*int64, n), make([]*int64, n)
		aids, cids, srcs := make([]string, n), make([]string, n), make([]*string, n)
		confs := make([]int32, n)
		seen := make([]time.Time, n)
		data := make([]*string, n)
		for i, pm := range p.mentions {
			evs[i] = real(pm.event, eventIDs)
			if pm.sentence != 0 {
				s := real(pm.sentence, sentenceIDs)
				sents[i] = &s
			}
			if pm.of != 0 {
				o := real(pm.of, mentionIDs)
				ofs[i] = &o
			}
			aids[i], cids[i], srcs[i], confs[i], seen[i], data[i] = pm.article, pm.copy, strPtr(pm.source), int32(pm.conf), p.now, pm.data
		}
		q.Queue(`INSERT INTO mentions(id, event_id, article_id, copy_id, sentence_id, source_name, confidence, seen, of_mention, data)
			OVERRIDING SYSTEM VALUE
			SELECT id, e, a, c, s, src, conf, seen, o, d::json FROM unnest($1::bigint[], $2::bigint[], $3::text[], $4::text[], $5::bigint[],
				$6::text[], $7::int[], $8::timestamptz[], $9::bigint[], $10::text[]) AS m(id, e, a, c, s, src, conf, seen, o, d)`,
			mentionIDs, evs, aids, cids, sents, srcs, confs, seen, ofs, data)
	}
	if len(p.touched) > 0 {
		touched := make([]int64, 0, len(p.touched))
		for id := range p.touched {
			touched = append(touched, real(id, eventIDs))
		}
		slices.Sort(touched)
		// Lock the touched events in id order (two writers never wait for
		// each other in a cycle), then, in statements that start once the
		// locks are held and so see every mention other writers committed,
		// give places to events that had none and recompute the counts.
		q.Queue(`SELECT 1 FROM events WHERE id = ANY($1) ORDER BY id FOR NO KEY UPDATE`, touched)
		if n := len(p.placeUpdates); n > 0 {
			ids, places, names, countries, fips := make([]int64, 0, n), make([]string, 0, n), make([]string, 0, n), make([]string, 0, n), make([]string, 0, n)
			for id, g := range p.placeUpdates {
				ids, places, names, countries, fips = append(ids, id), append(places, g.FeatureID), append(names, g.FullName),
					append(countries, g.CountryISO), append(fips, g.CountryFIPS)
			}
			q.Queue(`UPDATE events e SET place=u.place, place_name=u.name, country=u.country, country_fips=u.fips
				FROM unnest($1::bigint[], $2::text[], $3::text[], $4::text[], $5::text[]) AS u(id, place, name, country, fips)
				WHERE e.id = u.id AND e.place = ''`, ids, places, names, countries, fips)
		}
		if n := len(p.confUpdates); n > 0 {
			ids, confs := make([]int64, 0, n), make([]float64, 0, n)
			for id, c := range p.confUpdates {
				ids, confs = append(ids, id), append(confs, c)
			}
			// greatest ignores NULL: an unknown confidence takes the new one.
			q.Queue(`UPDATE events e SET event_confidence = greatest(e.event_confidence, u.c)
				FROM unnest($1::bigint[], $2::float8[]) AS u(id, c) WHERE e.id = u.id`, ids, confs)
		}
		var storedIDs, storedMasks []int64
		for id, mask := range masks {
			if id < newID {
				storedIDs, storedMasks = append(storedIDs, id), append(storedMasks, mask)
			}
		}
		if len(storedIDs) > 0 {
			q.Queue(`UPDATE events e SET themes = e.themes | u.mask FROM unnest($1::bigint[], $2::bigint[]) AS u(id, mask)
				WHERE e.id = u.id AND e.themes & u.mask != u.mask`, storedIDs, storedMasks)
		}
		q.Queue(`UPDATE events e SET num_mentions=c.n, num_sources=c.s, num_articles=c.a
			FROM (SELECT event_id, count(*) AS n, count(DISTINCT source_name) AS s, count(DISTINCT copy_id) AS a
				FROM mentions WHERE event_id = ANY($1) GROUP BY event_id) c
			WHERE e.id = c.event_id`, touched)
	}
	if b.Run.ID != "" {
		q.Queue(`INSERT INTO runs(id, started, updated, args) VALUES ($1,$2,$3,$4) ON CONFLICT (id) DO NOTHING`,
			b.Run.ID, b.Run.Started.UTC(), p.now, b.Run.Args)
		q.Queue(`UPDATE runs SET updated=greatest(updated, $1), new=new+$2, duplicate=duplicate+$3, already=already+$4,
			events=events+$5, mentions=mentions+$6, skipped=skipped+$7 WHERE id=$8`,
			p.now, p.res.New, p.res.Duplicate, p.res.Already, p.res.Events, p.res.Mentions, p.res.Skipped, b.Run.ID)
	}
	if q.Len() == 0 {
		return nil
	}
	if err := tx.SendBatch(ctx, &q).Close(); err != nil {
		return fmt.Errorf("writing batch: %w", err)
	}
	return nil
}

func strPtr(s string) *string {
	if s == "" {
		return nil
	}
	return &s
}

func anyStr(v any) *string {
	if s, ok := v.(string); ok {
		return &s
	}
	return nil
}

// indexText is a sentence's text as PostgreSQL accepts it: valid UTF-8
// without NUL bytes (a byte range may cut a character; the stored article
// text keeps every byte).
func indexText(s string) string {
	s = strings.ToValidUTF8(s, " ")
	if strings.IndexByte(s, 0) >= 0 {
		s = strings.ReplaceAll(s, "\x00", " ")
	}
	return s
}
