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
	"github.com/eventwire/eventwire/internal/store/writeplan"
)

// A Write takes a handful of round trips whatever the size of its batch:
//
//  1. one pipeline takes the advisory locks, records the skipped inputs and
//     reads what the batch can de-duplicate against: the copies and
//     articles of its ids, the SimHash band rows near each article, and the
//     events of each of its event keys near their dates. The locks keep
//     other writers from changing any of it until the commit;
//  2. the batch is planned in memory by writeplan, as the SQLite store
//     plans it, the rows it adds being visible to its later articles;
//  3. the original mentions of stored articles that the batch has copies of
//     are read, and ids are drawn from the identity sequences;
//  4. one pipeline inserts all rows (arrays through unnest), then locks the
//     touched events in id order (reading their rollup states), gives
//     places to events that had none, recomputes their counts (returning
//     their new states) and adds the batch to its run's counts;
//  5. one pipeline adds the rollup changes (writeplan.Rollups) to the
//     rollup tables, each in key order, and one more reads and rewrites
//     the touched dyads' series (dyadseries.go);
//  6. commit.

// write runs one attempt of Write in one transaction.
func (s *DB) write(ctx context.Context, b *store.Batch, arts []store.Article, keys []int64, opt store.WriteOptions) (store.WriteResult, error) {
	tx, err := s.pool.Begin(ctx)
	if err != nil {
		return store.WriteResult{}, fmt.Errorf("writing batch: %w", err)
	}
	defer tx.Rollback(ctx)
	w := &writer{tx: tx, bits: map[string]int{}}
	known, err := w.read(ctx, b, arts, keys, opt)
	if err != nil {
		return store.WriteResult{}, err
	}
	p, err := writeplan.Build(arts, known, opt, b.Run.ID)
	if err != nil {
		return store.WriteResult{}, err
	}
	w.p = p
	if err := w.expandCopies(ctx); err != nil {
		return store.WriteResult{}, err
	}
	if err := w.assignBits(ctx); err != nil {
		return store.WriteResult{}, err
	}
	res := p.Result
	res.Skipped = w.skipped
	if err := w.insert(ctx, b, res); err != nil {
		return store.WriteResult{}, err
	}
	if err := tx.Commit(ctx); err != nil {
		return store.WriteResult{}, fmt.Errorf("committing batch: %w", err)
	}
	return res, nil
}

// writer holds one write transaction's state.
type writer struct {
	tx      pgx.Tx
	p       *writeplan.Plan
	skipped int
	bits    map[string]int // the stored theme bits
}

// read takes the locks, records the skipped inputs, and reads the theme
// bits and what the batch can de-duplicate against (writeplan.Needs), in
// one pipeline.
func (w *writer) read(ctx context.Context, b *store.Batch, arts []store.Article, keys []int64, opt store.WriteOptions) (*writeplan.Known, error) {
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
			w.skipped = int(ct.RowsAffected())
			return nil
		})
	}
	q.Queue(`SELECT theme, bit FROM theme_bits`).Query(w.readBits)
	req := writeplan.Needs(arts, opt)
	k := writeplan.NewKnown(len(arts))
	q.Queue(`SELECT id, article_id FROM copies WHERE id = ANY($1)`, req.IDs).Query(func(rows pgx.Rows) error {
		for rows.Next() {
			var id, aid string
			if err := rows.Scan(&id, &aid); err != nil {
				return fmt.Errorf("looking up copies: %w", err)
			}
			k.CopyOf[id] = aid
		}
		return rows.Err()
	})
	q.Queue(`SELECT id FROM articles WHERE id = ANY($1)`, req.IDs).Query(func(rows pgx.Rows) error {
		for rows.Next() {
			var id string
			if err := rows.Scan(&id); err != nil {
				return fmt.Errorf("looking up articles: %w", err)
			}
			k.Articles[id] = true
		}
		return rows.Err()
	})
	for _, bq := range req.Bands {
		q.Queue(`SELECT key, day, article_id, simhash FROM simhash_bands WHERE key = ANY($1) AND day BETWEEN $2 AND $3`,
			bq.Keys[:], bq.Lo, bq.Hi).Query(func(rows pgx.Rows) error {
			for rows.Next() {
				var bd writeplan.Band
				var h int64
				var day int32
				if err := rows.Scan(&bd.Key, &day, &bd.Article, &h); err != nil {
					return fmt.Errorf("looking up near duplicates: %w", err)
				}
				bd.Day, bd.SimHash = int64(day), uint64(h)
				k.Near[bq.Article] = append(k.Near[bq.Article], bd)
			}
			return rows.Err()
		})
	}
	for _, eq := range req.Events {
		q.Queue(`SELECT id, day, place FROM events WHERE source=$1 AND target=$2 AND base=$3 AND day BETWEEN $4 AND $5`,
			eq.Key.Source, eq.Key.Target, eq.Key.Base, eq.Lo, eq.Hi).Query(func(rows pgx.Rows) error {
			for rows.Next() {
				var c dedup.Cluster
				var day int32
				if err := rows.Scan(&c.ID, &day, &c.Place); err != nil {
					return fmt.Errorf("looking up events: %w", err)
				}
				c.Day = int(day)
				k.Clusters[eq.Key] = append(k.Clusters[eq.Key], c)
			}
			return rows.Err()
		})
	}
	if err := w.tx.SendBatch(ctx, &q).Close(); err != nil {
		return nil, fmt.Errorf("reading what the batch de-duplicates against: %w", err)
	}
	return k, nil
}

// expandCopies reads the original mentions of the stored articles the
// batch has copies of, for the plan to copy.
func (w *writer) expandCopies(ctx context.Context) error {
	targets := w.p.CopyTargets()
	if len(targets) == 0 {
		return nil
	}
	rows, err := w.tx.Query(ctx, `SELECT id, event_id, article_id, coalesce(sentence_id, 0), confidence FROM mentions
		WHERE article_id = ANY($1) AND of_mention IS NULL ORDER BY id`, targets)
	if err != nil {
		return fmt.Errorf("reading mentions: %w", err)
	}
	stored := map[string][]writeplan.Original{}
	for rows.Next() {
		var o writeplan.Original
		var conf int32
		if err := rows.Scan(&o.ID, &o.Event, &o.Article, &o.Sentence, &conf); err != nil {
			rows.Close()
			return fmt.Errorf("reading mentions: %w", err)
		}
		o.Conf = int(conf)
		stored[o.Article] = append(stored[o.Article], o)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return fmt.Errorf("reading mentions: %w", err)
	}
	w.p.ExpandCopies(stored)
	return nil
}

func (w *writer) readBits(rows pgx.Rows) error {
	for rows.Next() {
		var th string
		var bit int32
		if err := rows.Scan(&th, &bit); err != nil {
			return fmt.Errorf("reading theme bits: %w", err)
		}
		w.bits[th] = int(bit)
	}
	return rows.Err()
}

// assignBits gives the batch's new themes the next free bits of
// events.themes, while there are some, in the order they appear. Writers
// take turns under an advisory lock; the lock is taken only while bits
// are free and the batch has themes without one.
func (w *writer) assignBits(ctx context.Context) error {
	if len(w.p.NewThemes(w.bits)) > 0 {
		var q pgx.Batch
		q.Queue(`SELECT pg_advisory_xact_lock($1)`, int64(themeBitsLock))
		q.Queue(`SELECT theme, bit FROM theme_bits`).Query(w.readBits)
		if err := w.tx.SendBatch(ctx, &q).Close(); err != nil {
			return fmt.Errorf("reading theme bits: %w", err)
		}
	}
	themes, bits := w.p.AssignBits(w.bits)
	if len(themes) == 0 {
		return nil
	}
	newBits := make([]int32, len(bits))
	for i, b := range bits {
		newBits[i] = int32(b)
	}
	if _, err := w.tx.Exec(ctx, `INSERT INTO theme_bits(theme, bit) SELECT * FROM unnest($1::text[], $2::int[])`, themes, newBits); err != nil {
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
func (w *writer) insert(ctx context.Context, b *store.Batch, res store.WriteResult) error {
	p, now := w.p, w.p.Now()
	var eventIDs, sentenceIDs, mentionIDs []int64
	var q pgx.Batch
	ids(&q, "events", len(p.Events), &eventIDs)
	ids(&q, "sentences", len(p.Sentences), &sentenceIDs)
	ids(&q, "mentions", len(p.Mentions), &mentionIDs)
	if q.Len() > 0 {
		if err := w.tx.SendBatch(ctx, &q).Close(); err != nil {
			return fmt.Errorf("allocating ids: %w", err)
		}
	}
	real := func(id int64, pool []int64) int64 {
		if id >= writeplan.New {
			return pool[id-writeplan.New]
		}
		return id
	}
	q = pgx.Batch{}
	if n := len(p.Articles); n > 0 {
		ids, canon, urls, titles, srcs := make([]string, n), make([]*string, n), make([]*string, n), make([]*string, n), make([]*string, n)
		pub, ingested := make([]*time.Time, n), make([]time.Time, n)
		texts := make([][]byte, n)
		hashes, words := make([]int64, n), make([]int32, n)
		tones, knowledge := make([]*float64, n), make([]*string, n)
		for i, a := range p.Articles {
			ids[i], canon[i], urls[i], titles[i], srcs[i] = a.ID, strPtr(a.CanonicalURL), strPtr(a.URL), strPtr(a.Title), strPtr(p.Sources[i])
			pub[i] = timePtr(a.Published)
			ingested[i], texts[i], hashes[i], words[i] = now, []byte(a.Text), int64(a.SimHash), int32(a.Words)
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
	if n := len(p.Copies); n > 0 {
		ids, aids, urls, srcs, origins, runs := make([]string, n), make([]string, n), make([]*string, n), make([]*string, n), make([]string, n), make([]string, n)
		pub, seen := make([]*time.Time, n), make([]time.Time, n)
		for i, c := range p.Copies {
			ids[i], aids[i], origins[i], runs[i], seen[i] = c.ID, c.Article, c.Origin, p.RunID(), now
			urls[i], srcs[i], pub[i] = strPtr(c.URL), strPtr(c.Source), timePtr(c.Published)
		}
		q.Queue(`INSERT INTO copies(id, article_id, url, source, published, origin, run_id, seen)
			SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::timestamptz[], $6::text[], $7::text[], $8::timestamptz[])`,
			ids, aids, urls, srcs, pub, origins, runs, seen)
	}
	if n := len(p.Bands); n > 0 {
		keys, days, aids, hashes := make([]int64, n), make([]int32, n), make([]string, n), make([]int64, n)
		for i, bd := range p.Bands {
			keys[i], days[i], aids[i], hashes[i] = bd.Key, int32(bd.Day), bd.Article, int64(bd.SimHash)
		}
		q.Queue(`INSERT INTO simhash_bands(key, day, article_id, simhash)
			SELECT * FROM unnest($1::bigint[], $2::int[], $3::text[], $4::bigint[]) ON CONFLICT DO NOTHING`, keys, days, aids, hashes)
	}
	if n := len(p.Themes); n > 0 {
		themes, aids, counts := make([]string, n), make([]string, n), make([]int32, n)
		for i, th := range p.Themes {
			themes[i], aids[i], counts[i] = th.Theme, th.Article, int32(th.N)
		}
		q.Queue(`INSERT INTO article_themes(theme, article_id, n) SELECT * FROM unnest($1::text[], $2::text[], $3::int[])`, themes, aids, counts)
	}
	if n := len(p.Sentences); n > 0 {
		aids, ns, starts, ends, texts := make([]string, n), make([]int32, n), make([]int32, n), make([]int32, n), make([]string, n)
		for i, sn := range p.Sentences {
			aids[i], ns[i], starts[i], ends[i], texts[i] = sn.Article, int32(sn.N), int32(sn.Start), int32(sn.End), indexText(sn.Text)
		}
		q.Queue(`INSERT INTO sentences(id, article_id, n, start_byte, end_byte, tsv) OVERRIDING SYSTEM VALUE
			SELECT id, a, n, s, e, to_tsvector('simple', t) FROM unnest($1::bigint[], $2::text[], $3::int[], $4::int[], $5::int[], $6::text[])
			AS x(id, a, n, s, e, t)`, sentenceIDs, aids, ns, starts, ends, texts)
	}
	if n := len(p.Places); n > 0 {
		// In feature id order, so that two writers adding the same new
		// places never wait for each other in a cycle.
		places := slices.SortedFunc(slices.Values(p.Places), func(a, b *event.Geo) int { return strings.Compare(a.FeatureID, b.FeatureID) })
		ids, names, shorts, countries := make([]string, 0, n), make([]string, 0, n), make([]string, 0, n), make([]string, 0, n)
		lats, lons := make([]float64, 0, n), make([]float64, 0, n)
		for _, g := range places {
			short, _, _ := strings.Cut(g.FullName, ",")
			ids, names, shorts, countries = append(ids, g.FeatureID), append(names, g.FullName), append(shorts, strings.TrimSpace(short)), append(countries, g.CountryISO)
			lats, lons = append(lats, g.Lat), append(lons, g.Lon)
		}
		q.Queue(`INSERT INTO places(id, name, short, country, lat, lon)
			SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::float8[], $6::float8[]) AS p(id, name, short, country, lat, lon)
			ORDER BY id ON CONFLICT DO NOTHING`, ids, names, shorts, countries, lats, lons)
	}
	masks, eventThemes := p.EventThemes()
	if n := len(p.Events); n > 0 {
		srcs, tgts, bases, codes := make([]string, n), make([]string, n), make([]string, n), make([]string, n)
		quads, days := make([]int32, n), make([]int32, n)
		gold := make([]float64, n)
		places, names, countries, fips, snames, tnames := make([]string, n), make([]string, n), make([]string, n), make([]string, n), make([]string, n), make([]string, n)
		seen := make([]time.Time, n)
		roots := make([]bool, n)
		tones := make([]*float64, n)
		firsts, themeBits := make([]int64, n), make([]int64, n)
		confs := make([]*float64, n)
		for i, pe := range p.Events {
			confs[i] = pe.Conf
			themeBits[i] = masks[writeplan.New+int64(i)]
			srcs[i], tgts[i], bases[i], codes[i] = pe.M.Source, pe.M.Target, pe.M.Base, pe.Code
			quads[i], gold[i], days[i] = int32(pe.E.QuadClass), pe.E.Goldstein, int32(pe.M.Day)
			places[i], names[i], countries[i], fips[i] = pe.Place, pe.PlaceName, pe.Country, pe.FIPS
			snames[i], tnames[i], seen[i], roots[i], tones[i] = pe.E.SourceSpan.Text, pe.E.TargetSpan.Text, now, pe.IsRoot, pe.Tone
			firsts[i] = real(pe.FirstMention, mentionIDs)
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
	for id, themes := range eventThemes {
		for _, th := range themes {
			ets = append(ets, eventTheme{th, real(id, eventIDs)})
		}
	}
	if len(ets) > 0 {
		slices.SortFunc(ets, func(a, b eventTheme) int {
			if c := strings.Compare(a.theme, b.theme); c != 0 {
				return c
			}
			return cmp.Compare(a.event, b.event)
		})
		themes, events := make([]string, len(ets)), make([]int64, len(ets))
		for i, et := range ets {
			themes[i], events[i] = et.theme, et.event
		}
		q.Queue(`INSERT INTO event_themes(theme, event_id) SELECT * FROM unnest($1::text[], $2::bigint[]) ON CONFLICT DO NOTHING`,
			themes, events)
	}
	if n := len(p.Mentions); n > 0 {
		evs, sents, ofs := make([]int64, n), make([]*int64, n), make([]*int64, n)
		aids, cids, srcs := make([]string, n), make([]string, n), make([]*string, n)
		confs := make([]int32, n)
		seen := make([]time.Time, n)
		data := make([]*string, n)
		for i, pm := range p.Mentions {
			evs[i] = real(pm.Event, eventIDs)
			if pm.Sentence != 0 {
				s := real(pm.Sentence, sentenceIDs)
				sents[i] = &s
			}
			if pm.Of != 0 {
				o := real(pm.Of, mentionIDs)
				ofs[i] = &o
			}
			if pm.Data != nil {
				d := string(pm.Data)
				data[i] = &d
			}
			aids[i], cids[i], srcs[i], confs[i], seen[i] = pm.Article, pm.Copy, strPtr(pm.Source), int32(pm.Conf), now
		}
		q.Queue(`INSERT INTO mentions(id, event_id, article_id, copy_id, sentence_id, source_name, confidence, seen, of_mention, data)
			OVERRIDING SYSTEM VALUE
			SELECT id, e, a, c, s, src, conf, seen, o, d::json FROM unnest($1::bigint[], $2::bigint[], $3::text[], $4::text[], $5::bigint[],
				$6::text[], $7::int[], $8::timestamptz[], $9::bigint[], $10::text[]) AS m(id, e, a, c, s, src, conf, seen, o, d)`,
			mentionIDs, evs, aids, cids, sents, srcs, confs, seen, ofs, data)
	}
	before, after := map[int64]writeplan.EventState{}, map[int64]writeplan.EventState{}
	if touchedPlanned := p.Touched(); len(touchedPlanned) > 0 {
		touched := make([]int64, len(touchedPlanned))
		for i, id := range touchedPlanned {
			touched[i] = real(id, eventIDs)
		}
		slices.Sort(touched)
		// Lock the touched events in id order (two writers never wait for
		// each other in a cycle), then, in statements that start once the
		// locks are held and so see every mention other writers committed,
		// give places to events that had none and recompute the counts.
		// The locking read gives the events' states before the batch for
		// the rollups (a new event has no counted mention: in no rollup
		// row yet), the recount their states after it.
		q.Queue(`SELECT id, day, quad, country, place, source, target, num_mentions, goldstein, tone FROM events
			WHERE id = ANY($1) ORDER BY id FOR NO KEY UPDATE`, touched).Query(readStates(before))
		if n := len(p.PlaceUpdates); n > 0 {
			ids, places, names, countries, fips := make([]int64, 0, n), make([]string, 0, n), make([]string, 0, n), make([]string, 0, n), make([]string, 0, n)
			for id, g := range p.PlaceUpdates {
				ids, places, names, countries, fips = append(ids, id), append(places, g.FeatureID), append(names, g.FullName),
					append(countries, g.CountryISO), append(fips, g.CountryFIPS)
			}
			q.Queue(`UPDATE events e SET place=u.place, place_name=u.name, country=u.country, country_fips=u.fips
				FROM unnest($1::bigint[], $2::text[], $3::text[], $4::text[], $5::text[]) AS u(id, place, name, country, fips)
				WHERE e.id = u.id AND e.place = ''`, ids, places, names, countries, fips)
		}
		if n := len(p.ConfUpdates); n > 0 {
			ids, confs := make([]int64, 0, n), make([]float64, 0, n)
			for id, c := range p.ConfUpdates {
				ids, confs = append(ids, id), append(confs, c)
			}
			// greatest ignores NULL: an unknown confidence takes the new one.
			q.Queue(`UPDATE events e SET event_confidence = greatest(e.event_confidence, u.c)
				FROM unnest($1::bigint[], $2::float8[]) AS u(id, c) WHERE e.id = u.id`, ids, confs)
		}
		var storedIDs, storedMasks []int64
		for id, mask := range masks {
			if id < writeplan.New {
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
			WHERE e.id = c.event_id
			RETURNING e.id, e.day, e.quad, e.country, e.place, e.source, e.target, e.num_mentions, e.goldstein, e.tone`, touched).Query(readStates(after))
	}
	if b.Run.ID != "" {
		q.Queue(`INSERT INTO runs(id, started, updated, args) VALUES ($1,$2,$3,$4) ON CONFLICT (id) DO NOTHING`,
			b.Run.ID, b.Run.Started.UTC(), now, b.Run.Args)
		q.Queue(`UPDATE runs SET updated=greatest(updated, $1), new=new+$2, duplicate=duplicate+$3, already=already+$4,
			events=events+$5, mentions=mentions+$6, skipped=skipped+$7 WHERE id=$8`,
			now, res.New, res.Duplicate, res.Already, res.Events, res.Mentions, res.Skipped, b.Run.ID)
	}
	if q.Len() == 0 {
		return nil
	}
	if err := w.tx.SendBatch(ctx, &q).Close(); err != nil {
		return fmt.Errorf("writing batch: %w", err)
	}
	return w.rollup(ctx, writeplan.Rollups(before, after))
}

// readStates reads rows of event states (id, day, quad, country, place,
// source, target, num_mentions, goldstein, tone) into m.
func readStates(m map[int64]writeplan.EventState) func(pgx.Rows) error {
	return func(rows pgx.Rows) error {
		for rows.Next() {
			var id int64
			var day, quad, n int32
			var st writeplan.EventState
			var tone *float64
			if err := rows.Scan(&id, &day, &quad, &st.Country, &st.Place, &st.Source, &st.Target, &n, &st.Goldstein, &tone); err != nil {
				return fmt.Errorf("reading event counts: %w", err)
			}
			st.Day, st.Quad, st.Mentions = int64(day), int64(quad), int64(n)
			if tone != nil {
				st.Tone, st.HasTone = *tone, true
			}
			m[id] = st
		}
		return rows.Err()
	}
}

// rollup adds the changes ch to the rollup tables in one pipeline, each
// table's rows in key order (so that concurrent writers, which wait for
// each other on shared rows, never wait in a cycle).
func (w *writer) rollup(ctx context.Context, ch writeplan.Changes) error {
	var q pgx.Batch
	if n := len(ch.Days); n > 0 {
		days, countries := make([]int32, n), make([]string, n)
		ev, me, tn := make([]int64, n), make([]int64, n), make([]int64, n)
		g, gm, tone := make([]float64, n), make([]float64, n), make([]float64, n)
		for i, r := range ch.Days {
			days[i], countries[i] = int32(r.Key.Day), r.Key.Country
			ev[i], me[i], tn[i], g[i], gm[i], tone[i] = r.Events, r.Mentions, r.ToneN, r.Goldstein, r.GM, r.Tone
		}
		q.Queue(`INSERT INTO event_rollup AS r(day, country, events, mentions, goldstein, gm, tone_n, tone)
			SELECT * FROM unnest($1::int[], $2::text[], $3::bigint[], $4::bigint[], $5::float8[], $6::float8[], $7::bigint[], $8::float8[])
			ON CONFLICT (day, country) DO UPDATE SET events = r.events + excluded.events, mentions = r.mentions + excluded.mentions,
			goldstein = r.goldstein + excluded.goldstein, gm = r.gm + excluded.gm, tone_n = r.tone_n + excluded.tone_n, tone = r.tone + excluded.tone`,
			days, countries, ev, me, g, gm, tn, tone)
	}
	sums := func(rs []writeplan.Sums) ([]int64, []int64, []float64) {
		ev, me, g := make([]int64, len(rs)), make([]int64, len(rs)), make([]float64, len(rs))
		for i, r := range rs {
			ev[i], me[i], g[i] = r.Events, r.Mentions, r.Goldstein
		}
		return ev, me, g
	}
	const add = `events = r.events + excluded.events, mentions = r.mentions + excluded.mentions, goldstein = r.goldstein + excluded.goldstein`
	if n := len(ch.QuadDays); n > 0 {
		days, quads, countries, rs := make([]int32, n), make([]int32, n), make([]string, n), make([]writeplan.Sums, n)
		for i, r := range ch.QuadDays {
			days[i], quads[i], countries[i], rs[i] = int32(r.Key.Day), int32(r.Key.Quad), r.Key.Country, r.Sums
		}
		ev, me, g := sums(rs)
		q.Queue(`INSERT INTO quad_rollup AS r(day, quad, country, events, mentions, goldstein)
			SELECT * FROM unnest($1::int[], $2::int[], $3::text[], $4::bigint[], $5::bigint[], $6::float8[])
			ON CONFLICT (day, quad, country) DO UPDATE SET `+add, days, quads, countries, ev, me, g)
	}
	if n := len(ch.PlaceMonths); n > 0 {
		months, places, rs := make([]int32, n), make([]string, n), make([]writeplan.Sums, n)
		for i, r := range ch.PlaceMonths {
			months[i], places[i], rs[i] = int32(r.Key.Month), r.Key.Place, r.Sums
		}
		ev, me, g := sums(rs)
		q.Queue(`INSERT INTO place_months AS r(month, place, events, mentions, goldstein)
			SELECT * FROM unnest($1::int[], $2::text[], $3::bigint[], $4::bigint[], $5::float8[])
			ON CONFLICT (month, place) DO UPDATE SET `+add, months, places, ev, me, g)
	}
	if n := len(ch.Places); n > 0 {
		places, rs := make([]string, n), make([]writeplan.Sums, n)
		for i, r := range ch.Places {
			places[i], rs[i] = r.Key, r.Sums
		}
		ev, me, g := sums(rs)
		q.Queue(`INSERT INTO place_totals AS r(place, events, mentions, goldstein)
			SELECT * FROM unnest($1::text[], $2::bigint[], $3::bigint[], $4::float8[])
			ON CONFLICT (place) DO UPDATE SET `+add, places, ev, me, g)
	}
	if n := len(ch.Dyads); n > 0 {
		srcs, tgts, rs := make([]string, n), make([]string, n), make([]writeplan.Sums, n)
		for i, r := range ch.Dyads {
			srcs[i], tgts[i], rs[i] = r.Key.Source, r.Key.Target, r.Sums
		}
		ev, me, g := sums(rs)
		q.Queue(`INSERT INTO dyad_totals AS r(source, target, events, mentions, goldstein)
			SELECT * FROM unnest($1::text[], $2::text[], $3::bigint[], $4::bigint[], $5::float8[])
			ON CONFLICT (source, target) DO UPDATE SET `+add, srcs, tgts, ev, me, g)
	}
	if q.Len() == 0 {
		return w.addDyadSeries(ctx, ch.DyadMonths)
	}
	if err := w.tx.SendBatch(ctx, &q).Close(); err != nil {
		return fmt.Errorf("updating rollups: %w", err)
	}
	return w.addDyadSeries(ctx, ch.DyadMonths)
}

func timePtr(t time.Time) *time.Time {
	if t.IsZero() {
		return nil
	}
	t = t.UTC()
	return &t
}

func strPtr(s string) *string {
	if s == "" {
		return nil
	}
	return &s
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
