// Package postgres implements store.Store on PostgreSQL 15 or later
// (github.com/jackc/pgx/v5 with a pgxpool connection pool), for
// deployments where several worker processes write to one store at once.
//
// It has the semantics of the SQLite store (store/sqlite): the same
// deterministic ids, copies by canonical URL and SimHash bands, event
// de-duplication and counts, filters, aggregations and Stats. What differs
// is how concurrent writers are kept correct. Each Write is one READ
// COMMITTED transaction that first takes transaction-scoped advisory locks,
// in ascending order, on every de-duplication key the batch can touch: the
// id of each article, each SimHash band of its text (two near duplicates
// share at least one band), and the (source, target, base code) key of each
// of its events. Two writers storing copies of one article, or reports of
// one event, therefore run one after the other and the second sees the
// first's rows, as if there were one writer; writers with disjoint keys run
// in parallel. Event counts are recomputed at the end of the transaction
// after locking the touched event rows in id order, so copies adding
// mentions to an event another writer is also extending count right.
//
// A Write whose transaction fails for a transient reason — a serialization
// failure, a deadlock, a lost connection, a server shutting down or
// starting — is retried with bounded exponential back-off (a Write is
// idempotent, so retrying is safe even when a commit's outcome is
// unknown); when the attempts are exhausted the error matches ErrRetry
// under errors.Is, and the caller may try the batch again later.
package postgres

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"hash/fnv"
	"io"
	"math/rand/v2"
	"net"
	"net/url"
	"slices"
	"strings"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"
	"github.com/jackc/pgx/v5/pgxpool"

	"github.com/eventwire/eventwire/internal/dedup"
	"github.com/eventwire/eventwire/internal/event"
	"github.com/eventwire/eventwire/internal/store"
)

// ErrRetry marks an error that is transient: the operation failed without
// storing anything partial and can be tried again (errors.Is(err,
// ErrRetry)).
var ErrRetry = errors.New("transient store error")

// Retry is how Write retries a transaction that failed for a transient
// reason.
type Retry struct {
	Attempts int           // at most this many attempts in all (0: 10)
	Initial  time.Duration // the first back-off (0: 25ms), doubled after each failure
	Max      time.Duration // the longest back-off (0: 2s); each is jittered by ±25%
}

// DB is a store.Store in a PostgreSQL database. It is safe for concurrent
// use by many goroutines and processes.
type DB struct {
	pool *pgxpool.Pool
	// Retry configures Write's retries; set it before the first Write.
	Retry Retry
}

var _ store.Store = (*DB)(nil)

// IsDSN reports whether dsn names a PostgreSQL database
// (postgres:// or postgresql://).
func IsDSN(dsn string) bool {
	return strings.HasPrefix(dsn, "postgres://") || strings.HasPrefix(dsn, "postgresql://")
}

// Open connects to the database named by dsn (a postgres:// URL or a
// key=value connection string, see pgxpool.ParseConfig) and brings its
// schema up to date. The database must exist.
func Open(ctx context.Context, dsn string) (*DB, error) {
	cfg, err := pgxpool.ParseConfig(dsn)
	if err != nil {
		return nil, fmt.Errorf("opening store: %w", err)
	}
	where := cfg.ConnConfig.Host + "/" + cfg.ConnConfig.Database
	pool, err := pgxpool.NewWithConfig(ctx, cfg)
	if err != nil {
		return nil, fmt.Errorf("opening store %s: %w", where, err)
	}
	if err := migrate(ctx, pool); err != nil {
		pool.Close()
		return nil, fmt.Errorf("opening store %s: %w", where, err)
	}
	return &DB{pool: pool}, nil
}

// Close closes the connection pool.
func (s *DB) Close() error {
	s.pool.Close()
	return nil
}

// Write stores b in one transaction (see store.Writer), retrying it when
// it fails for a transient reason.
func (s *DB) Write(ctx context.Context, b *store.Batch, opt store.WriteOptions) (store.WriteResult, error) {
	if opt.Now.IsZero() {
		opt.Now = time.Now()
	}
	// Work on copies of the articles: filling in a SimHash must not change
	// the caller's batch.
	arts := slices.Clone(b.Articles)
	for i := range arts {
		if arts[i].SimHash == 0 && arts[i].Words == 0 {
			arts[i].SimHash, arts[i].Words = dedup.SimHash(arts[i].Text)
		}
	}
	keys := lockKeys(arts, opt)
	r := s.Retry
	if r.Attempts <= 0 {
		r.Attempts = 10
	}
	if r.Initial <= 0 {
		r.Initial = 25 * time.Millisecond
	}
	if r.Max <= 0 {
		r.Max = 2 * time.Second
	}
	backoff := r.Initial
	for attempt := 1; ; attempt++ {
		res, err := s.write(ctx, b, arts, keys, opt)
		if err == nil {
			return res, nil
		}
		if !transient(err) {
			return store.WriteResult{}, err
		}
		if attempt >= r.Attempts {
			return store.WriteResult{}, fmt.Errorf("writing batch: %d attempts failed: %w: %w", attempt, ErrRetry, err)
		}
		d := time.Duration(float64(backoff) * (0.75 + 0.5*rand.Float64()))
		select {
		case <-ctx.Done():
			return store.WriteResult{}, fmt.Errorf("writing batch: %w (after %v)", ctx.Err(), err)
		case <-time.After(d):
		}
		backoff = min(2*backoff, r.Max)
	}
}

// transient reports whether err is worth retrying the transaction for: a
// serialization failure, a deadlock, a connection that was lost or could
// not be made, or a server that is shutting down, starting up or out of
// connections.
func transient(err error) bool {
	if errors.Is(err, context.Canceled) || errors.Is(err, context.DeadlineExceeded) {
		return false
	}
	var pe *pgconn.PgError
	if errors.As(err, &pe) {
		switch {
		case pe.Code == "40001", pe.Code == "40P01": // serialization_failure, deadlock_detected
			return true
		case strings.HasPrefix(pe.Code, "08"): // connection exceptions
			return true
		case pe.Code == "57P01", pe.Code == "57P02", pe.Code == "57P03": // admin/crash shutdown, cannot connect now
			return true
		case pe.Code == "53300": // too_many_connections
			return true
		}
		return false
	}
	var ce *pgconn.ConnectError
	var ne net.Error
	return errors.As(err, &ce) || errors.As(err, &ne) || pgconn.SafeToRetry(err) ||
		errors.Is(err, io.EOF) || errors.Is(err, io.ErrUnexpectedEOF) || errors.Is(err, net.ErrClosed)
}

// lockKeys returns, sorted and without repeats, the advisory lock keys of
// everything writing arts can de-duplicate against: article ids, SimHash
// bands and event keys.
func lockKeys(arts []store.Article, opt store.WriteOptions) []int64 {
	seen := map[int64]bool{}
	add := func(kind byte, parts ...string) {
		h := fnv.New64a()
		h.Write([]byte{kind})
		for _, p := range parts {
			h.Write([]byte(p))
			h.Write([]byte{0})
		}
		seen[int64(h.Sum64())] = true
	}
	var buf [8]byte
	for i := range arts {
		a := &arts[i]
		add('a', a.ID)
		if opt.NearDistance >= 0 && a.Words >= dedup.MinWords {
			for _, k := range dedup.BandKeys(a.SimHash) {
				for j := range buf {
					buf[j] = byte(k >> (8 * j))
				}
				add('b', string(buf[:]))
			}
		}
		for j := range a.Events {
			if m, ok := dedup.MentionOf(&a.Events[j]); ok {
				add('e', m.Source, m.Target, m.Base)
			}
		}
	}
	keys := make([]int64, 0, len(seen))
	for k := range seen {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}

// tx holds one write transaction's state.
type tx struct {
	ctx     context.Context
	tx      pgx.Tx
	opt     store.WriteOptions
	now     time.Time
	touched map[int64]bool
	places  map[int64]*event.Geo // places to give events that had none, applied at the end
	// newPlaces are the action places named, by feature id, recorded at the end
	newPlaces map[string]*event.Geo
	match     dedup.Matcher
	res       store.WriteResult
}

func (s *DB) write(ctx context.Context, b *store.Batch, arts []store.Article, keys []int64, opt store.WriteOptions) (store.WriteResult, error) {
	pgTx, err := s.pool.Begin(ctx)
	if err != nil {
		return store.WriteResult{}, fmt.Errorf("writing batch: %w", err)
	}
	defer pgTx.Rollback(ctx)
	if _, err := pgTx.Exec(ctx, `SELECT count(pg_advisory_xact_lock(k)) FROM unnest($1::bigint[]) AS k`, keys); err != nil {
		return store.WriteResult{}, fmt.Errorf("locking de-duplication keys: %w", err)
	}
	t := &tx{ctx: ctx, tx: pgTx, opt: opt, now: opt.Now.UTC().Truncate(time.Microsecond), touched: map[int64]bool{},
		places: map[int64]*event.Geo{}, newPlaces: map[string]*event.Geo{}, match: dedup.Matcher{Window: opt.EventWindow}}
	for i := range arts {
		outcome, err := t.article(&arts[i], b.Run.ID)
		if err != nil {
			return store.WriteResult{}, fmt.Errorf("writing article %s (%s): %w", arts[i].ID, arts[i].Origin, err)
		}
		t.res.Outcome = append(t.res.Outcome, outcome)
	}
	for _, sk := range b.Skips {
		tag, err := pgTx.Exec(ctx, `INSERT INTO skips(run_id, origin, reason, message) VALUES ($1,$2,$3,$4)
			ON CONFLICT DO NOTHING`, b.Run.ID, sk.Origin, sk.Reason, sk.Message)
		if err != nil {
			return store.WriteResult{}, fmt.Errorf("writing skipped input: %w", err)
		}
		t.res.Skipped += int(tag.RowsAffected())
	}
	if err := t.writePlaces(); err != nil {
		return store.WriteResult{}, err
	}
	if err := t.updateEvents(); err != nil {
		return store.WriteResult{}, err
	}
	if b.Run.ID != "" {
		if _, err := pgTx.Exec(ctx, `INSERT INTO runs(id, started, updated, args) VALUES ($1,$2,$3,$4)
			ON CONFLICT (id) DO NOTHING`, b.Run.ID, b.Run.Started.UTC(), t.now, b.Run.Args); err != nil {
			return store.WriteResult{}, fmt.Errorf("writing run: %w", err)
		}
		if _, err := pgTx.Exec(ctx, `UPDATE runs SET updated=greatest(updated, $1), new=new+$2, duplicate=duplicate+$3,
			already=already+$4, events=events+$5, mentions=mentions+$6, skipped=skipped+$7 WHERE id=$8`,
			t.now, t.res.New, t.res.Duplicate, t.res.Already, t.res.Events, t.res.Mentions, t.res.Skipped, b.Run.ID); err != nil {
			return store.WriteResult{}, fmt.Errorf("writing run: %w", err)
		}
	}
	if err := pgTx.Commit(ctx); err != nil {
		return store.WriteResult{}, fmt.Errorf("committing batch: %w", err)
	}
	return t.res, nil
}

func timeOrNull(t time.Time) any {
	if t.IsZero() {
		return nil
	}
	return t.UTC()
}

func nullString(s string) any {
	if s == "" {
		return nil
	}
	return s
}

// sourceName is the publisher a copy is counted under (as store/sqlite).
func sourceName(a *store.Article) string {
	if a.Source != "" {
		return a.Source
	}
	if u, err := url.Parse(a.URL); err == nil && u.Hostname() != "" {
		return strings.TrimPrefix(strings.ToLower(u.Hostname()), "www.")
	}
	return ""
}

// querier is what existing needs: a pool or a transaction.
type querier interface {
	QueryRow(ctx context.Context, sql string, args ...any) pgx.Row
	Query(ctx context.Context, sql string, args ...any) (pgx.Rows, error)
}

// existing returns the id of the stored article a is a copy of: the same
// id, or the nearest stored SimHash within the near distance (ties: the
// smallest article id). seen is set when the copy itself is stored.
func existing(ctx context.Context, q querier, id string, simhash uint64, words int, published time.Time, opt store.WriteOptions) (seen bool, articleID string, err error) {
	err = q.QueryRow(ctx, `SELECT article_id FROM copies WHERE id=$1`, id).Scan(&articleID)
	if err == nil {
		return true, articleID, nil
	}
	if !errors.Is(err, pgx.ErrNoRows) {
		return false, "", fmt.Errorf("looking up copy: %w", err)
	}
	err = q.QueryRow(ctx, `SELECT id FROM articles WHERE id=$1`, id).Scan(&articleID)
	if err == nil {
		return false, articleID, nil
	}
	if !errors.Is(err, pgx.ErrNoRows) {
		return false, "", fmt.Errorf("looking up article: %w", err)
	}
	if opt.NearDistance < 0 || words < dedup.MinWords {
		return false, "", nil
	}
	bk := dedup.BandKeys(simhash)
	day := pubDay(published, opt.Now)
	w := opt.NearDays
	if w <= 0 {
		w = dedup.DefaultNearDays
	}
	rows, err := q.Query(ctx, `SELECT DISTINCT article_id, simhash FROM simhash_bands
		WHERE key = ANY($1) AND day BETWEEN $2 AND $3 ORDER BY article_id`, bk[:], day-int64(w), day+int64(w))
	if err != nil {
		return false, "", fmt.Errorf("looking up near duplicates: %w", err)
	}
	defer rows.Close()
	best, bestD := "", nearDistance(opt)+1
	for rows.Next() {
		var aid string
		var h int64
		if err := rows.Scan(&aid, &h); err != nil {
			return false, "", fmt.Errorf("looking up near duplicates: %w", err)
		}
		if d := dedup.Distance(uint64(h), simhash); d < bestD {
			best, bestD = aid, d
		}
	}
	if err := rows.Err(); err != nil {
		return false, "", fmt.Errorf("looking up near duplicates: %w", err)
	}
	return false, best, nil
}

func nearDistance(opt store.WriteOptions) int {
	d := opt.NearDistance
	if d == 0 {
		d = dedup.DefaultDistance
	}
	return min(d, dedup.MaxBandDistance)
}

// Seen reports whether the input was stored before and which stored
// article it is (see store.Querier).
func (s *DB) Seen(ctx context.Context, id string, simhash uint64, words int, published time.Time, opt store.WriteOptions) (bool, string, error) {
	return existing(ctx, s.pool, id, simhash, words, published, opt)
}

// pubDay is the day (since 1970) an article is filed under for
// near-duplicate lookup: its publication date, else now's day.
func pubDay(published, now time.Time) int64 {
	if published.IsZero() {
		if now.IsZero() {
			now = time.Now()
		}
		published = now
	}
	return published.UTC().Unix() / 86400
}

func (t *tx) article(a *store.Article, runID string) (string, error) {
	seen, target, err := existing(t.ctx, t.tx, a.ID, a.SimHash, a.Words, a.Published, t.opt)
	if err != nil {
		return "", err
	}
	if seen {
		t.res.Already++
		return "already", nil
	}
	src := sourceName(a)
	if target == "" && !a.Analyzed {
		t.res.Unknown++
		return "unknown", nil
	}
	if target != "" {
		if _, err := t.tx.Exec(t.ctx, `INSERT INTO copies(id, article_id, url, source, published, origin, run_id, seen)
			VALUES ($1,$2,$3,$4,$5,$6,$7,$8)`,
			a.ID, target, nullString(a.URL), nullString(src), timeOrNull(a.Published), a.Origin, runID, t.now); err != nil {
			return "", fmt.Errorf("recording copy: %w", err)
		}
		return "duplicate", t.duplicate(a, target, src)
	}
	return "new", t.newArticle(a, src, runID)
}

// duplicate records the mentions a copy of a stored article adds: one per
// original mention of the article, in one statement.
func (t *tx) duplicate(a *store.Article, target, src string) error {
	t.res.Duplicate++
	rows, err := t.tx.Query(t.ctx, `INSERT INTO mentions(event_id, article_id, copy_id, sentence_id, source_name, confidence, seen, of_mention)
		SELECT event_id, article_id, $2, sentence_id, $3, confidence, $4, id FROM mentions
		WHERE article_id=$1 AND of_mention IS NULL ORDER BY id
		RETURNING event_id`, target, a.ID, nullString(src), t.now)
	if err != nil {
		return fmt.Errorf("writing mentions: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			return fmt.Errorf("writing mentions: %w", err)
		}
		t.touched[id] = true
		t.res.Mentions++
	}
	if err := rows.Err(); err != nil {
		return fmt.Errorf("writing mentions: %w", err)
	}
	return nil
}

func (t *tx) newArticle(a *store.Article, src, runID string) error {
	var tone, knowledge any
	if k := a.Knowledge; k != nil {
		data, err := json.Marshal(k)
		if err != nil {
			return fmt.Errorf("encoding article knowledge: %w", err)
		}
		tone, knowledge = k.Tone.Tone, string(data)
	}
	if _, err := t.tx.Exec(t.ctx, `INSERT INTO articles(id, canonical_url, url, title, source, published, text, simhash, words, ingested, tone, knowledge)
		VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12)`, a.ID, nullString(a.CanonicalURL), nullString(a.URL), nullString(a.Title),
		nullString(src), timeOrNull(a.Published), []byte(a.Text), int64(a.SimHash), a.Words, t.now, tone, knowledge); err != nil {
		return fmt.Errorf("writing article: %w", err)
	}
	if k := a.Knowledge; k != nil && len(k.Themes) > 0 {
		n := make(map[string]int32, len(k.Themes))
		for _, th := range k.Themes {
			if th.Theme != "" {
				n[th.Theme]++
			}
		}
		themes := make([]string, 0, len(n))
		counts := make([]int32, 0, len(n))
		for th, c := range n {
			themes, counts = append(themes, th), append(counts, c)
		}
		if _, err := t.tx.Exec(t.ctx, `INSERT INTO article_themes(theme, article_id, n)
			SELECT th, $1, n FROM unnest($2::text[], $3::int[]) AS x(th, n)`, a.ID, themes, counts); err != nil {
			return fmt.Errorf("writing article themes: %w", err)
		}
	}
	if _, err := t.tx.Exec(t.ctx, `INSERT INTO copies(id, article_id, url, source, published, origin, run_id, seen)
		VALUES ($1,$2,$3,$4,$5,$6,$7,$8)`,
		a.ID, a.ID, nullString(a.URL), nullString(src), timeOrNull(a.Published), a.Origin, runID, t.now); err != nil {
		return fmt.Errorf("recording copy: %w", err)
	}
	t.res.New++
	if a.Words >= dedup.MinWords {
		bk := dedup.BandKeys(a.SimHash)
		if _, err := t.tx.Exec(t.ctx, `INSERT INTO simhash_bands(key, day, article_id, simhash)
			SELECT k, $2, $3, $4 FROM unnest($1::bigint[]) AS k ON CONFLICT DO NOTHING`,
			bk[:], pubDay(a.Published, t.now), a.ID, int64(a.SimHash)); err != nil {
			return fmt.Errorf("writing SimHash bands: %w", err)
		}
	}
	sentIDs := make([]int64, len(a.Sentences))
	if len(a.Sentences) > 0 {
		starts := make([]int32, len(a.Sentences))
		ends := make([]int32, len(a.Sentences))
		texts := make([]string, len(a.Sentences))
		for i, sn := range a.Sentences {
			if sn.Start < 0 || sn.End > len(a.Text) || sn.Start > sn.End {
				return fmt.Errorf("sentence %d: range %d:%d outside the text", i+1, sn.Start, sn.End)
			}
			starts[i], ends[i] = int32(sn.Start), int32(sn.End)
			texts[i] = indexText(a.Text[sn.Start:sn.End])
		}
		rows, err := t.tx.Query(t.ctx, `INSERT INTO sentences(article_id, n, start_byte, end_byte, tsv)
			SELECT $1, s.n, s.start_byte, s.end_byte, to_tsvector('simple', s.text)
			FROM unnest($2::int[], $3::int[], $4::text[]) WITH ORDINALITY AS s(start_byte, end_byte, text, n)
			RETURNING n, id`, a.ID, starts, ends, texts)
		if err != nil {
			return fmt.Errorf("writing sentences: %w", err)
		}
		for rows.Next() {
			var n, id int64
			if err := rows.Scan(&n, &id); err != nil {
				rows.Close()
				return fmt.Errorf("writing sentences: %w", err)
			}
			if n >= 1 && int(n) <= len(sentIDs) {
				sentIDs[n-1] = id
			}
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return fmt.Errorf("writing sentences: %w", err)
		}
	}
	for i := range a.Events {
		e := &a.Events[i]
		var sentID any
		if e.Sentence >= 1 && e.Sentence <= len(sentIDs) {
			sentID = sentIDs[e.Sentence-1]
		}
		if err := t.mention(a, e, sentID, src); err != nil {
			return err
		}
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

// mention merges e into the event it reports, or creates one, and records
// the mention. The advisory lock on e's key, taken at the start of the
// transaction, keeps other writers from changing the candidates meanwhile.
func (t *tx) mention(a *store.Article, e *event.Event, sentID any, src string) error {
	m, ok := dedup.MentionOf(e)
	if !ok {
		return fmt.Errorf("event in sentence %d: date %q is not YYYY-MM-DD", e.Sentence, e.Date)
	}
	w := t.match.Window
	if w == 0 {
		w = dedup.DefaultWindow
	}
	rows, err := t.tx.Query(t.ctx, `SELECT id, day, place FROM events WHERE source=$1 AND target=$2 AND base=$3 AND day BETWEEN $4 AND $5`,
		m.Source, m.Target, m.Base, m.Day-w, m.Day+w)
	if err != nil {
		return fmt.Errorf("looking up events: %w", err)
	}
	var cands []dedup.Cluster
	for rows.Next() {
		var c dedup.Cluster
		var day int32
		if err := rows.Scan(&c.ID, &day, &c.Place); err != nil {
			rows.Close()
			return fmt.Errorf("looking up events: %w", err)
		}
		c.Day = int(day)
		if g, ok := t.places[c.ID]; ok && c.Place == "" {
			c.Place = g.FeatureID
		}
		cands = append(cands, c)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return fmt.Errorf("looking up events: %w", err)
	}
	data, err := json.Marshal(e)
	if err != nil {
		return fmt.Errorf("encoding event: %w", err)
	}
	conf := dedup.Confidence(e)
	c, found := t.match.Match(m, cands)
	var eventID int64
	if found {
		eventID = c.ID
		if c.Place == "" && m.Place != "" {
			t.places[eventID] = e.ActionGeo
			t.place(e.ActionGeo)
		}
	} else {
		var place, placeName, country, fips string
		if g := e.ActionGeo; g != nil {
			place, placeName, country, fips = g.FeatureID, g.FullName, g.CountryISO, g.CountryFIPS
			t.place(g)
		}
		var tone any
		if a.Knowledge != nil {
			tone = a.Knowledge.Tone.Tone
		}
		if err := t.tx.QueryRow(t.ctx, `INSERT INTO events(source, target, base, code, quad, goldstein, day, place, place_name, country,
			country_fips, source_name, target_name, first_seen, is_root, tone) VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13,$14,$15,$16)
			RETURNING id`,
			m.Source, m.Target, m.Base, e.Code, e.QuadClass, e.Goldstein, m.Day, place, placeName, country, fips,
			e.SourceSpan.Text, e.TargetSpan.Text, t.now, dedup.IsLead(e.Sentence), tone).Scan(&eventID); err != nil {
			return fmt.Errorf("writing event: %w", err)
		}
		t.res.Events++
	}
	var mid int64
	if err := t.tx.QueryRow(t.ctx, `INSERT INTO mentions(event_id, article_id, copy_id, sentence_id, source_name, confidence, seen, data)
		VALUES ($1,$2,$3,$4,$5,$6,$7,$8) RETURNING id`, eventID, a.ID, a.ID, sentID, nullString(src), conf, t.now, string(data)).Scan(&mid); err != nil {
		return fmt.Errorf("writing mention: %w", err)
	}
	if !found {
		if _, err := t.tx.Exec(t.ctx, `UPDATE events SET first_mention=$1 WHERE id=$2`, mid, eventID); err != nil {
			return fmt.Errorf("writing event: %w", err)
		}
	}
	t.touched[eventID] = true
	t.res.Mentions++
	return nil
}

// place notes an action place to record (the first record of a feature
// id wins); writePlaces records them.
func (t *tx) place(g *event.Geo) {
	if g == nil || g.FeatureID == "" {
		return
	}
	if _, ok := t.newPlaces[g.FeatureID]; !ok {
		t.newPlaces[g.FeatureID] = g
	}
}

// writePlaces records the places the batch named that are not stored yet,
// in feature id order, so that two writers adding the same new places
// never wait for each other in a cycle.
func (t *tx) writePlaces() error {
	if len(t.newPlaces) == 0 {
		return nil
	}
	n := len(t.newPlaces)
	ids, names, shorts, countries := make([]string, 0, n), make([]string, 0, n), make([]string, 0, n), make([]string, 0, n)
	lats, lons := make([]float64, 0, n), make([]float64, 0, n)
	for id := range t.newPlaces {
		ids = append(ids, id)
	}
	slices.Sort(ids)
	for _, id := range ids {
		g := t.newPlaces[id]
		short, _, _ := strings.Cut(g.FullName, ",")
		names, shorts, countries = append(names, g.FullName), append(shorts, strings.TrimSpace(short)), append(countries, g.CountryISO)
		lats, lons = append(lats, g.Lat), append(lons, g.Lon)
	}
	if _, err := t.tx.Exec(t.ctx, `INSERT INTO places(id, name, short, country, lat, lon)
		SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::float8[], $6::float8[]) AS p(id, name, short, country, lat, lon)
		ORDER BY id ON CONFLICT DO NOTHING`, ids, names, shorts, countries, lats, lons); err != nil {
		return fmt.Errorf("writing places: %w", err)
	}
	return nil
}

// updateEvents locks the events the transaction touched, in id order (so
// that two writers never wait for each other in a cycle), gives a place to
// those that had none, and recomputes their mention, source and article
// counts. The counts are computed by a statement that starts after the
// locks are held, so they include every mention committed by other
// writers.
func (t *tx) updateEvents() error {
	if len(t.touched) == 0 {
		return nil
	}
	ids := make([]int64, 0, len(t.touched))
	for id := range t.touched {
		ids = append(ids, id)
	}
	slices.Sort(ids)
	if _, err := t.tx.Exec(t.ctx, `SELECT 1 FROM events WHERE id = ANY($1) ORDER BY id FOR NO KEY UPDATE`, ids); err != nil {
		return fmt.Errorf("locking events: %w", err)
	}
	for _, id := range ids {
		g, ok := t.places[id]
		if !ok {
			continue
		}
		if _, err := t.tx.Exec(t.ctx, `UPDATE events SET place=$1, place_name=$2, country=$3, country_fips=$4 WHERE id=$5 AND place=''`,
			g.FeatureID, g.FullName, g.CountryISO, g.CountryFIPS, id); err != nil {
			return fmt.Errorf("updating event place: %w", err)
		}
	}
	if _, err := t.tx.Exec(t.ctx, `UPDATE events e SET num_mentions=c.n, num_sources=c.s, num_articles=c.a
		FROM (SELECT event_id, count(*) AS n, count(DISTINCT source_name) AS s, count(DISTINCT copy_id) AS a
			FROM mentions WHERE event_id = ANY($1) GROUP BY event_id) c
		WHERE e.id = c.event_id`, ids); err != nil {
		return fmt.Errorf("updating event counts: %w", err)
	}
	return nil
}
