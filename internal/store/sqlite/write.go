package sqlite

import (
	"context"
	"database/sql"
	"fmt"
	"strings"
	"time"

	"github.com/eventwire/eventwire/internal/dedup"
	"github.com/eventwire/eventwire/internal/store"
	"github.com/eventwire/eventwire/internal/store/writeplan"
)

// Write stores b in one transaction (see store.Writer): what to store is
// planned by writeplan from what the store holds for the batch, then the
// planned rows are inserted in plan order (so ids grow as if written row
// by row), the touched events' counts recomputed and the rollups changed.
func (s *DB) Write(ctx context.Context, b *store.Batch, opt store.WriteOptions) (store.WriteResult, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if opt.Now.IsZero() {
		opt.Now = time.Now()
	}
	sqlTx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return store.WriteResult{}, fmt.Errorf("writing batch: %w", err)
	}
	defer sqlTx.Rollback()
	t := &tx{ctx: ctx, tx: sqlTx, opt: opt, now: opt.Now.Unix(), stmts: map[string]*sql.Stmt{}}
	writeplan.FillSimHash(b.Articles)
	known, err := t.known(b.Articles)
	if err != nil {
		return store.WriteResult{}, err
	}
	p, err := writeplan.Build(b.Articles, known, opt, b.Run.ID)
	if err != nil {
		return store.WriteResult{}, err
	}
	if err := t.expandCopies(p); err != nil {
		return store.WriteResult{}, err
	}
	if err := t.assignBits(p); err != nil {
		return store.WriteResult{}, err
	}
	res := p.Result
	before, err := t.states(p, true)
	if err != nil {
		return store.WriteResult{}, err
	}
	if err := t.insert(p); err != nil {
		return store.WriteResult{}, err
	}
	for _, sk := range b.Skips {
		r, err := t.exec(`INSERT OR IGNORE INTO skips(run_id, origin, reason, message) VALUES (?,?,?,?)`,
			b.Run.ID, sk.Origin, sk.Reason, sk.Message)
		if err != nil {
			return store.WriteResult{}, fmt.Errorf("writing skipped input: %w", err)
		}
		if n, _ := r.RowsAffected(); n > 0 {
			res.Skipped++
		}
	}
	after, err := t.states(p, false)
	if err != nil {
		return store.WriteResult{}, err
	}
	if err := t.rollup(writeplan.Rollups(before, after)); err != nil {
		return store.WriteResult{}, err
	}
	if b.Run.ID != "" {
		if _, err := t.exec(`INSERT INTO runs(id, started, updated, args) VALUES (?,?,?,?)
			ON CONFLICT(id) DO NOTHING`, b.Run.ID, b.Run.Started.Unix(), t.now, b.Run.Args); err != nil {
			return store.WriteResult{}, fmt.Errorf("writing run: %w", err)
		}
		if _, err := t.exec(`UPDATE runs SET updated=?, new=new+?, duplicate=duplicate+?, already=already+?,
			events=events+?, mentions=mentions+?, skipped=skipped+? WHERE id=?`,
			t.now, res.New, res.Duplicate, res.Already, res.Events, res.Mentions, res.Skipped, b.Run.ID); err != nil {
			return store.WriteResult{}, fmt.Errorf("writing run: %w", err)
		}
	}
	if err := sqlTx.Commit(); err != nil {
		return store.WriteResult{}, fmt.Errorf("committing batch: %w", err)
	}
	return res, nil
}

// known reads what arts can be de-duplicated against (writeplan.Needs).
func (t *tx) known(arts []store.Article) (*writeplan.Known, error) {
	req := writeplan.Needs(arts, t.opt)
	k := writeplan.NewKnown(len(arts))
	for _, id := range req.IDs {
		var aid string
		err := t.QueryRowContext(t.ctx, `SELECT article_id FROM copies WHERE id=?`, id).Scan(&aid)
		switch {
		case err == nil:
			k.CopyOf[id] = aid
		case err != sql.ErrNoRows:
			return nil, fmt.Errorf("looking up copy: %w", err)
		}
		err = t.QueryRowContext(t.ctx, `SELECT id FROM articles WHERE id=?`, id).Scan(&aid)
		switch {
		case err == nil:
			k.Articles[id] = true
		case err != sql.ErrNoRows:
			return nil, fmt.Errorf("looking up article: %w", err)
		}
	}
	for _, bq := range req.Bands {
		var sb strings.Builder
		args := make([]any, 0, 3*len(bq.Keys))
		for i, key := range bq.Keys {
			if i > 0 {
				sb.WriteString(" UNION ALL ")
			}
			sb.WriteString("SELECT key, day, article_id, simhash FROM simhash_bands WHERE key = ? AND day BETWEEN ? AND ?")
			args = append(args, key, bq.Lo, bq.Hi)
		}
		rows, err := t.QueryContext(t.ctx, sb.String(), args...)
		if err != nil {
			return nil, fmt.Errorf("looking up near duplicates: %w", err)
		}
		for rows.Next() {
			var bd writeplan.Band
			var h int64
			if err := rows.Scan(&bd.Key, &bd.Day, &bd.Article, &h); err != nil {
				rows.Close()
				return nil, fmt.Errorf("looking up near duplicates: %w", err)
			}
			bd.SimHash = uint64(h)
			k.Near[bq.Article] = append(k.Near[bq.Article], bd)
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return nil, fmt.Errorf("looking up near duplicates: %w", err)
		}
	}
	for _, eq := range req.Events {
		rows, err := t.QueryContext(t.ctx, `SELECT id, day, place FROM events WHERE source=? AND target=? AND base=? AND day BETWEEN ? AND ?`,
			eq.Key.Source, eq.Key.Target, eq.Key.Base, eq.Lo, eq.Hi)
		if err != nil {
			return nil, fmt.Errorf("looking up events: %w", err)
		}
		for rows.Next() {
			var c dedup.Cluster
			if err := rows.Scan(&c.ID, &c.Day, &c.Place); err != nil {
				rows.Close()
				return nil, fmt.Errorf("looking up events: %w", err)
			}
			k.Clusters[eq.Key] = append(k.Clusters[eq.Key], c)
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return nil, fmt.Errorf("looking up events: %w", err)
		}
	}
	return k, nil
}

// expandCopies reads the original mentions of the stored articles the
// batch has copies of, for the plan to copy.
func (t *tx) expandCopies(p *writeplan.Plan) error {
	targets := p.CopyTargets()
	if len(targets) == 0 {
		return nil
	}
	stored := map[string][]writeplan.Original{}
	for _, target := range targets {
		rows, err := t.QueryContext(t.ctx, `SELECT id, event_id, coalesce(sentence_id, 0), confidence FROM mentions
			WHERE article_id=? AND of_mention IS NULL ORDER BY id`, target)
		if err != nil {
			return fmt.Errorf("reading mentions: %w", err)
		}
		for rows.Next() {
			o := writeplan.Original{Article: target}
			if err := rows.Scan(&o.ID, &o.Event, &o.Sentence, &o.Conf); err != nil {
				rows.Close()
				return fmt.Errorf("reading mentions: %w", err)
			}
			stored[target] = append(stored[target], o)
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return fmt.Errorf("reading mentions: %w", err)
		}
	}
	p.ExpandCopies(stored)
	return nil
}

// assignBits reads the theme bits and stores those the plan gives the
// batch's new themes.
func (t *tx) assignBits(p *writeplan.Plan) error {
	if len(p.ArticleThemes) == 0 {
		return nil
	}
	rows, err := t.QueryContext(t.ctx, `SELECT theme, bit FROM theme_bits`)
	if err != nil {
		return fmt.Errorf("reading theme bits: %w", err)
	}
	bits := map[string]int{}
	for rows.Next() {
		var th string
		var bit int
		if err := rows.Scan(&th, &bit); err != nil {
			rows.Close()
			return fmt.Errorf("reading theme bits: %w", err)
		}
		bits[th] = bit
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return fmt.Errorf("reading theme bits: %w", err)
	}
	themes, newBits := p.AssignBits(bits)
	for i, th := range themes {
		if _, err := t.exec(`INSERT INTO theme_bits(theme, bit) VALUES (?,?)`, th, newBits[i]); err != nil {
			return fmt.Errorf("writing theme bits: %w", err)
		}
	}
	return nil
}

// insert writes the planned rows and updates the stored events the batch
// reports.
func (t *tx) insert(p *writeplan.Plan) error {
	for i, a := range p.Articles {
		var tone, knowledge any
		if k := a.Knowledge; k != nil {
			data, err := encodeKnowledge(k)
			if err != nil {
				return fmt.Errorf("writing article %s (%s): %w", a.ID, a.Origin, err)
			}
			tone, knowledge = k.Tone.Tone, data
		}
		if _, err := t.exec(`INSERT INTO articles(id, canonical_url, url, title, source, published, text, simhash, words, ingested, tone, knowledge)
			VALUES (?,?,?,?,?,?,?,?,?,?,?,?)`, a.ID, nullString(a.CanonicalURL), nullString(a.URL), nullString(a.Title),
			nullString(p.Sources[i]), dateString(a.Published), a.Text, int64(a.SimHash), a.Words, t.now, tone, knowledge); err != nil {
			return fmt.Errorf("writing article %s (%s): %w", a.ID, a.Origin, err)
		}
	}
	for _, th := range p.Themes {
		if _, err := t.exec(`INSERT INTO article_themes(theme, article_id, n) VALUES (?,?,?)`, th.Theme, th.Article, th.N); err != nil {
			return fmt.Errorf("writing article themes: %w", err)
		}
	}
	for _, c := range p.Copies {
		if _, err := t.exec(`INSERT INTO copies(id, article_id, url, source, published, origin, run_id, seen) VALUES (?,?,?,?,?,?,?,?)`,
			c.ID, c.Article, nullString(c.URL), nullString(c.Source), dateString(c.Published), c.Origin, p.RunID(), t.now); err != nil {
			return fmt.Errorf("recording copy: %w", err)
		}
	}
	for _, bd := range p.Bands {
		if _, err := t.exec(`INSERT OR IGNORE INTO simhash_bands(key, day, article_id, simhash) VALUES (?,?,?,?)`,
			bd.Key, bd.Day, bd.Article, int64(bd.SimHash)); err != nil {
			return fmt.Errorf("writing SimHash bands: %w", err)
		}
	}
	sentIDs := make([]int64, len(p.Sentences))
	for i, sn := range p.Sentences {
		r, err := t.exec(`INSERT INTO sentences(article_id, n, start, end) VALUES (?,?,?,?)`, sn.Article, sn.N, sn.Start, sn.End)
		if err != nil {
			return fmt.Errorf("writing sentence: %w", err)
		}
		if sentIDs[i], err = r.LastInsertId(); err != nil {
			return fmt.Errorf("writing sentence: %w", err)
		}
		if _, err := t.exec(`INSERT INTO sentences_fts(rowid, text) VALUES (?,?)`, sentIDs[i], sn.Text); err != nil {
			return fmt.Errorf("indexing sentence: %w", err)
		}
	}
	for _, g := range p.Places {
		short, _, _ := strings.Cut(g.FullName, ",")
		if _, err := t.exec(`INSERT OR IGNORE INTO places(id, name, short, country, lat, lon) VALUES (?,?,?,?,?,?)`,
			g.FeatureID, g.FullName, strings.TrimSpace(short), g.CountryISO, g.Lat, g.Lon); err != nil {
			return fmt.Errorf("writing place: %w", err)
		}
	}
	masks, themes := p.EventThemes()
	eventIDs := make([]int64, len(p.Events))
	for i, pe := range p.Events {
		var tone, conf any
		if pe.Tone != nil {
			tone = *pe.Tone
		}
		if pe.Conf != nil {
			conf = *pe.Conf
		}
		e := pe.E
		r, err := t.exec(`INSERT INTO events(source, target, base, code, quad, goldstein, day, place, place_name, country, country_fips,
			source_name, target_name, first_seen, is_root, tone, themes, event_confidence) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)`,
			pe.M.Source, pe.M.Target, pe.M.Base, pe.Code, e.QuadClass, e.Goldstein, pe.M.Day, pe.Place, pe.PlaceName, pe.Country, pe.FIPS,
			e.SourceSpan.Text, e.TargetSpan.Text, t.now, pe.IsRoot, tone, masks[writeplan.New+int64(i)], conf)
		if err != nil {
			return fmt.Errorf("writing event: %w", err)
		}
		if eventIDs[i], err = r.LastInsertId(); err != nil {
			return fmt.Errorf("writing event: %w", err)
		}
	}
	real := func(id int64, pool []int64) int64 {
		if id >= writeplan.New {
			return pool[id-writeplan.New]
		}
		return id
	}
	mentionIDs := make([]int64, len(p.Mentions))
	for i, pm := range p.Mentions {
		var sent, of, data any
		if pm.Sentence != 0 {
			sent = real(pm.Sentence, sentIDs)
		}
		if pm.Of != 0 {
			of = real(pm.Of, mentionIDs)
		}
		if pm.Data != nil {
			data = pm.Data
		}
		r, err := t.exec(`INSERT INTO mentions(event_id, article_id, copy_id, sentence_id, source_name, confidence, seen, of_mention, data)
			VALUES (?,?,?,?,?,?,?,?,?)`, real(pm.Event, eventIDs), pm.Article, pm.Copy, sent, nullString(pm.Source), pm.Conf, t.now, of, data)
		if err != nil {
			return fmt.Errorf("writing mention: %w", err)
		}
		if mentionIDs[i], err = r.LastInsertId(); err != nil {
			return fmt.Errorf("writing mention: %w", err)
		}
	}
	for i, pe := range p.Events {
		if _, err := t.exec(`UPDATE events SET first_mention=? WHERE id=?`, real(pe.FirstMention, mentionIDs), eventIDs[i]); err != nil {
			return fmt.Errorf("writing event: %w", err)
		}
	}
	// Themes beyond the bits are listed by event.
	for _, id := range p.Touched() {
		for _, th := range themes[id] {
			if _, ok := p.Bits[th]; ok {
				continue
			}
			if _, err := t.exec(`INSERT OR IGNORE INTO event_themes(theme, event_id) VALUES (?,?)`, th, real(id, eventIDs)); err != nil {
				return fmt.Errorf("writing event themes: %w", err)
			}
		}
	}
	for id, g := range p.PlaceUpdates {
		if _, err := t.exec(`UPDATE events SET place=?, place_name=?, country=?, country_fips=? WHERE id=? AND place = ''`,
			g.FeatureID, g.FullName, g.CountryISO, g.CountryFIPS, id); err != nil {
			return fmt.Errorf("updating event place: %w", err)
		}
	}
	for id, c := range p.ConfUpdates {
		// The event's confidence is the highest of its reports'.
		if _, err := t.exec(`UPDATE events SET event_confidence = ?1 WHERE id = ?2 AND (event_confidence IS NULL OR event_confidence < ?1)`,
			c, id); err != nil {
			return fmt.Errorf("updating event confidence: %w", err)
		}
	}
	for id, mask := range masks {
		if id >= writeplan.New {
			continue
		}
		if _, err := t.exec(`UPDATE events SET themes = themes | ?1 WHERE id = ?2 AND themes & ?1 != ?1`, mask, id); err != nil {
			return fmt.Errorf("updating event themes: %w", err)
		}
	}
	// The touched events' counts, from their mentions.
	for _, id := range p.Touched() {
		if _, err := t.exec(`UPDATE events SET
			num_mentions=(SELECT count(*) FROM mentions WHERE event_id=?1),
			num_sources=(SELECT count(DISTINCT source_name) FROM mentions WHERE event_id=?1),
			num_articles=(SELECT count(DISTINCT copy_id) FROM mentions WHERE event_id=?1)
			WHERE id=?1`, real(id, eventIDs)); err != nil {
			return fmt.Errorf("updating event counts: %w", err)
		}
	}
	t.eventIDs = eventIDs
	return nil
}

// states reads what the rollups count of the touched events: before the
// write, the stored ones (ids as planned); after it, all of them.
func (t *tx) states(p *writeplan.Plan, before bool) (map[int64]writeplan.EventState, error) {
	out := map[int64]writeplan.EventState{}
	for _, id := range p.Touched() {
		real := id
		if id >= writeplan.New {
			if before {
				continue
			}
			real = t.eventIDs[id-writeplan.New]
		}
		var st writeplan.EventState
		var tone sql.NullFloat64
		if err := t.QueryRowContext(t.ctx, `SELECT day, country, place, source, target, num_mentions, goldstein, tone FROM events WHERE id=?`,
			real).Scan(&st.Day, &st.Country, &st.Place, &st.Source, &st.Target, &st.Mentions, &st.Goldstein, &tone); err != nil {
			return nil, fmt.Errorf("reading event counts: %w", err)
		}
		st.Tone, st.HasTone = tone.Float64, tone.Valid
		out[id] = st
	}
	return out, nil
}

// rollup adds the changes ch to the rollup tables: event_rollup (day and
// country), place_months, place_totals, dyad_totals and the dyads' day
// series.
func (t *tx) rollup(ch writeplan.Changes) error {
	for _, r := range ch.Days {
		if _, err := t.exec(`INSERT INTO event_rollup(day, country, events, mentions, goldstein, gm, tone_n, tone) VALUES (?,?,?,?,?,?,?,?)
			ON CONFLICT(day, country) DO UPDATE SET events = events + excluded.events, mentions = mentions + excluded.mentions,
			goldstein = goldstein + excluded.goldstein, gm = gm + excluded.gm, tone_n = tone_n + excluded.tone_n, tone = tone + excluded.tone`,
			r.Key.Day, r.Key.Country, r.Events, r.Mentions, r.Goldstein, r.GM, r.ToneN, r.Tone); err != nil {
			return fmt.Errorf("updating event rollup: %w", err)
		}
	}
	for _, r := range ch.PlaceMonths {
		if _, err := t.exec(`INSERT INTO place_months(month, place, events, mentions, goldstein) VALUES (?,?,?,?,?)
			ON CONFLICT(month, place) DO UPDATE SET events = events + excluded.events, mentions = mentions + excluded.mentions,
			goldstein = goldstein + excluded.goldstein`, r.Key.Month, r.Key.Place, r.Events, r.Mentions, r.Goldstein); err != nil {
			return fmt.Errorf("updating place months: %w", err)
		}
	}
	for _, r := range ch.Places {
		if _, err := t.exec(`INSERT INTO place_totals(place, events, mentions, goldstein) VALUES (?,?,?,?)
			ON CONFLICT(place) DO UPDATE SET events = events + excluded.events, mentions = mentions + excluded.mentions,
			goldstein = goldstein + excluded.goldstein`, r.Key, r.Events, r.Mentions, r.Goldstein); err != nil {
			return fmt.Errorf("updating place totals: %w", err)
		}
	}
	for _, r := range ch.Dyads {
		if _, err := t.exec(`INSERT INTO dyad_totals(source, target, events, mentions, goldstein) VALUES (?,?,?,?,?)
			ON CONFLICT(source, target) DO UPDATE SET events = events + excluded.events, mentions = mentions + excluded.mentions,
			goldstein = goldstein + excluded.goldstein`, r.Key.Source, r.Key.Target, r.Events, r.Mentions, r.Goldstein); err != nil {
			return fmt.Errorf("updating dyad totals: %w", err)
		}
	}
	return t.flushDyadDays(ch.DyadDays)
}

// maxThemeBits is the number of themes that get a bit of events.themes.
const maxThemeBits = writeplan.MaxThemeBits
