// Package sqlite implements store.Store on an embedded SQLite database
// (modernc.org/sqlite, a pure-Go translation of SQLite: no cgo, so the
// binary stays a single static file, and it includes FTS5). The database
// runs in WAL mode; each Write is one IMMEDIATE transaction, so a crash
// leaves either the whole batch or none of it.
package sqlite

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"time"

	"github.com/eventwire/eventwire/internal/dedup"
	"github.com/eventwire/eventwire/internal/event"
	"github.com/eventwire/eventwire/internal/store"

	_ "modernc.org/sqlite" // registers the "sqlite" database/sql driver
)

// DB is a store.Store in one SQLite file.
type DB struct {
	db    *sql.DB
	mu    sync.Mutex // serialises writes
	cache aggCache
	// noRollup answers every aggregation from the events table by the
	// plain plan: no rollup, no split of an actor code over the actor
	// indexes (tests compare the two).
	noRollup bool
	// hints, when set, replace the plan hints of listings (tests compare
	// the plans).
	hints *planHints
}

var _ store.Store = (*DB)(nil)

// DefaultPath is the database path used when none is given:
// $EVENTWIRE_DB, else $XDG_DATA_HOME/eventwire/eventwire.db, else
// ~/.local/share/eventwire/eventwire.db, else ./eventwire.db.
func DefaultPath() string {
	if p := os.Getenv("EVENTWIRE_DB"); p != "" {
		return p
	}
	dir := os.Getenv("XDG_DATA_HOME")
	if dir == "" {
		if home, err := os.UserHomeDir(); err == nil && home != "" {
			dir = filepath.Join(home, ".local", "share")
		}
	}
	if dir == "" {
		return "eventwire.db"
	}
	return filepath.Join(dir, "eventwire", "eventwire.db")
}

// Open opens (creating it and its directory if needed) the database at
// path and brings its schema up to date.
func Open(ctx context.Context, path string) (*DB, error) {
	if dir := filepath.Dir(path); dir != "" {
		if err := os.MkdirAll(dir, 0o755); err != nil {
			return nil, fmt.Errorf("creating store directory: %w", err)
		}
	}
	registerFunctions()
	dsn := "file:" + (&url.URL{Path: path}).EscapedPath() +
		"?_pragma=busy_timeout(20000)&_pragma=journal_mode(WAL)&_pragma=synchronous(NORMAL)" +
		"&_pragma=foreign_keys(1)&_txlock=immediate"
	db, err := sql.Open("sqlite", dsn)
	if err != nil {
		return nil, fmt.Errorf("opening store %s: %w", path, err)
	}
	db.SetMaxOpenConns(4)
	if err := db.PingContext(ctx); err != nil {
		db.Close()
		return nil, fmt.Errorf("opening store %s: %w", path, err)
	}
	if err := migrate(ctx, db); err != nil {
		db.Close()
		return nil, fmt.Errorf("opening store %s: %w", path, err)
	}
	// Statistics for the query planner: analyse (with a bounded sample,
	// well under a second on a million events) every table never
	// analysed or grown or shrunk much since; without them the planner
	// misjudges the selectivity of the actor, code and quad indexes.
	if _, err := db.ExecContext(ctx, "PRAGMA optimize=0x10002"); err != nil {
		db.Close()
		return nil, fmt.Errorf("opening store %s: analysing tables: %w", path, err)
	}
	return &DB{db: db}, nil
}

// Close brings the planner's statistics up to date for the tables this
// process used, then closes the database.
func (s *DB) Close() error {
	_, err := s.db.Exec("PRAGMA optimize")
	if cerr := s.db.Close(); cerr != nil {
		return cerr
	}
	if err != nil {
		return fmt.Errorf("closing store: analysing tables: %w", err)
	}
	return nil
}

// tx holds one write transaction's state.
type tx struct {
	ctx     context.Context
	tx      *sql.Tx
	opt     store.WriteOptions
	now     int64
	touched map[int64]bool
	match   dedup.Matcher
	res     store.WriteResult
	stmts   map[string]*sql.Stmt // prepared once per transaction
	// dyadDays are the changes of the dyads' day series, added to
	// dyad_days once at the end (flushDyadDays).
	dyadDays map[dyadKey]map[int64]*dayRecord
}

func (t *tx) stmt(q string) (*sql.Stmt, error) {
	if st, ok := t.stmts[q]; ok {
		return st, nil
	}
	st, err := t.tx.PrepareContext(t.ctx, q)
	if err != nil {
		return nil, err
	}
	t.stmts[q] = st
	return st, nil
}

func (t *tx) exec(q string, args ...any) (sql.Result, error) {
	st, err := t.stmt(q)
	if err != nil {
		return nil, err
	}
	return st.ExecContext(t.ctx, args...)
}

// QueryContext runs a query with a statement prepared once per transaction.
func (t *tx) QueryContext(ctx context.Context, q string, args ...any) (*sql.Rows, error) {
	st, err := t.stmt(q)
	if err != nil {
		return nil, err
	}
	return st.QueryContext(ctx, args...)
}

// QueryRowContext runs a one-row query with a statement prepared once per
// transaction.
func (t *tx) QueryRowContext(ctx context.Context, q string, args ...any) *sql.Row {
	st, err := t.stmt(q)
	if err != nil {
		return t.tx.QueryRowContext(ctx, q, args...) // reports the same error
	}
	return st.QueryRowContext(ctx, args...)
}

// Write stores b in one transaction (see store.Writer).
func (s *DB) Write(ctx context.Context, b *store.Batch, opt store.WriteOptions) (store.WriteResult, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	now := opt.Now
	if now.IsZero() {
		now = time.Now()
	}
	sqlTx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return store.WriteResult{}, fmt.Errorf("writing batch: %w", err)
	}
	defer sqlTx.Rollback()
	t := &tx{ctx: ctx, tx: sqlTx, opt: opt, now: now.Unix(), touched: map[int64]bool{},
		match: dedup.Matcher{Window: opt.EventWindow}, stmts: map[string]*sql.Stmt{}, dyadDays: map[dyadKey]map[int64]*dayRecord{}}
	for i := range b.Articles {
		outcome, err := t.article(&b.Articles[i], b.Run.ID)
		if err != nil {
			return store.WriteResult{}, fmt.Errorf("writing article %s (%s): %w", b.Articles[i].ID, b.Articles[i].Origin, err)
		}
		t.res.Outcome = append(t.res.Outcome, outcome)
	}
	for _, sk := range b.Skips {
		r, err := t.exec(`INSERT OR IGNORE INTO skips(run_id, origin, reason, message) VALUES (?,?,?,?)`,
			b.Run.ID, sk.Origin, sk.Reason, sk.Message)
		if err != nil {
			return store.WriteResult{}, fmt.Errorf("writing skipped input: %w", err)
		}
		if n, _ := r.RowsAffected(); n > 0 {
			t.res.Skipped++
		}
	}
	if err := t.updateCounts(); err != nil {
		return store.WriteResult{}, err
	}
	if err := t.flushDyadDays(); err != nil {
		return store.WriteResult{}, err
	}
	if b.Run.ID != "" {
		if _, err := t.exec(`INSERT INTO runs(id, started, updated, args) VALUES (?,?,?,?)
			ON CONFLICT(id) DO NOTHING`, b.Run.ID, b.Run.Started.Unix(), t.now, b.Run.Args); err != nil {
			return store.WriteResult{}, fmt.Errorf("writing run: %w", err)
		}
		if _, err := t.exec(`UPDATE runs SET updated=?, new=new+?, duplicate=duplicate+?, already=already+?,
			events=events+?, mentions=mentions+?, skipped=skipped+? WHERE id=?`,
			t.now, t.res.New, t.res.Duplicate, t.res.Already, t.res.Events, t.res.Mentions, t.res.Skipped, b.Run.ID); err != nil {
			return store.WriteResult{}, fmt.Errorf("writing run: %w", err)
		}
	}
	if err := sqlTx.Commit(); err != nil {
		return store.WriteResult{}, fmt.Errorf("committing batch: %w", err)
	}
	return t.res, nil
}

func dateString(t time.Time) any {
	if t.IsZero() {
		return nil
	}
	return t.UTC().Format(time.RFC3339)
}

func nullString(s string) any {
	if s == "" {
		return nil
	}
	return s
}

// sourceName is the publisher a copy is counted under.
func sourceName(a *store.Article) string {
	if a.Source != "" {
		return a.Source
	}
	if u, err := url.Parse(a.URL); err == nil && u.Hostname() != "" {
		return strings.TrimPrefix(strings.ToLower(u.Hostname()), "www.")
	}
	return ""
}

// existing returns the id of the stored article a is a copy of: the same
// id, or the nearest stored SimHash within the near distance. seen is set
// when the copy itself is stored.
func existing(ctx context.Context, q interface {
	QueryRowContext(context.Context, string, ...any) *sql.Row
	QueryContext(context.Context, string, ...any) (*sql.Rows, error)
}, id string, simhash uint64, words int, published time.Time, opt store.WriteOptions) (seen bool, articleID string, err error) {
	err = q.QueryRowContext(ctx, `SELECT article_id FROM copies WHERE id=?`, id).Scan(&articleID)
	if err == nil {
		return true, articleID, nil
	}
	if !errors.Is(err, sql.ErrNoRows) {
		return false, "", fmt.Errorf("looking up copy: %w", err)
	}
	err = q.QueryRowContext(ctx, `SELECT id FROM articles WHERE id=?`, id).Scan(&articleID)
	if err == nil {
		return false, articleID, nil
	}
	if !errors.Is(err, sql.ErrNoRows) {
		return false, "", fmt.Errorf("looking up article: %w", err)
	}
	if opt.NearDistance < 0 || words < dedup.MinWords {
		return false, "", nil
	}
	k := dedup.BandKeys(simhash)
	day := store.PubDay(published, opt.Now)
	w := opt.NearDaysOrDefault()
	var sb strings.Builder
	args := make([]any, 0, 3*len(k))
	for i, key := range k {
		if i > 0 {
			sb.WriteString(" UNION ")
		}
		sb.WriteString("SELECT article_id, simhash FROM simhash_bands WHERE key = ? AND day BETWEEN ? AND ?")
		args = append(args, key, day-int64(w), day+int64(w))
	}
	sb.WriteString(" ORDER BY article_id")
	rows, err := q.QueryContext(ctx, sb.String(), args...)
	if err != nil {
		return false, "", fmt.Errorf("looking up near duplicates: %w", err)
	}
	defer rows.Close()
	best, err := store.NearestCopy(rows, simhash, opt)
	return false, best, err
}

// Seen reports whether the input was stored before and which stored
// article it is (see store.Querier).
func (s *DB) Seen(ctx context.Context, id string, simhash uint64, words int, published time.Time, opt store.WriteOptions) (bool, string, error) {
	return existing(ctx, s.db, id, simhash, words, published, opt)
}

func (t *tx) article(a *store.Article, runID string) (string, error) {
	if a.SimHash == 0 && a.Words == 0 {
		a.SimHash, a.Words = dedup.SimHash(a.Text)
	}
	seen, target, err := existing(t.ctx, t, a.ID, a.SimHash, a.Words, a.Published, t.opt)
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
		if _, err := t.exec(`INSERT INTO copies(id, article_id, url, source, published, origin, run_id, seen) VALUES (?,?,?,?,?,?,?,?)`,
			a.ID, target, nullString(a.URL), nullString(src), dateString(a.Published), a.Origin, runID, t.now); err != nil {
			return "", fmt.Errorf("recording copy: %w", err)
		}
		return "duplicate", t.duplicate(a, target, src)
	}
	return "new", t.newArticle(a, src, runID)
}

// duplicate records the mentions a copy of a stored article adds.
func (t *tx) duplicate(a *store.Article, target, src string) error {
	t.res.Duplicate++
	rows, err := t.QueryContext(t.ctx, `SELECT id, event_id, sentence_id, confidence FROM mentions
		WHERE article_id=? AND of_mention IS NULL ORDER BY id`, target)
	if err != nil {
		return fmt.Errorf("reading mentions: %w", err)
	}
	type m struct {
		id, event int64
		sentence  sql.NullInt64
		conf      int
	}
	var ms []m
	for rows.Next() {
		var x m
		if err := rows.Scan(&x.id, &x.event, &x.sentence, &x.conf); err != nil {
			rows.Close()
			return fmt.Errorf("reading mentions: %w", err)
		}
		ms = append(ms, x)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return fmt.Errorf("reading mentions: %w", err)
	}
	for _, x := range ms {
		if _, err := t.exec(`INSERT INTO mentions(event_id, article_id, copy_id, sentence_id, source_name, confidence, seen, of_mention)
			VALUES (?,?,?,?,?,?,?,?)`, x.event, target, a.ID, x.sentence, nullString(src), x.conf, t.now, x.id); err != nil {
			return fmt.Errorf("writing mention: %w", err)
		}
		t.touched[x.event] = true
		t.res.Mentions++
	}
	return nil
}

func (t *tx) newArticle(a *store.Article, src, runID string) error {
	var tone, knowledge any
	if k := a.Knowledge; k != nil {
		data, err := encodeKnowledge(k)
		if err != nil {
			return err
		}
		tone, knowledge = k.Tone.Tone, data
	}
	if _, err := t.exec(`INSERT INTO articles(id, canonical_url, url, title, source, published, text, simhash, words, ingested, tone, knowledge)
		VALUES (?,?,?,?,?,?,?,?,?,?,?,?)`, a.ID, nullString(a.CanonicalURL), nullString(a.URL), nullString(a.Title),
		nullString(src), dateString(a.Published), a.Text, int64(a.SimHash), a.Words, t.now, tone, knowledge); err != nil {
		return fmt.Errorf("writing article: %w", err)
	}
	var th articleThemes
	if k := a.Knowledge; k != nil && len(k.Themes) > 0 {
		n := make(map[string]int, len(k.Themes))
		for _, x := range k.Themes {
			if x.Theme != "" {
				n[x.Theme]++
			}
		}
		for _, x := range k.Themes {
			c := n[x.Theme]
			if c == 0 {
				continue
			}
			delete(n, x.Theme)
			if _, err := t.exec(`INSERT INTO article_themes(theme, article_id, n) VALUES (?,?,?)`, x.Theme, a.ID, c); err != nil {
				return fmt.Errorf("writing article themes: %w", err)
			}
			bit, ok, err := t.themeBit(x.Theme)
			if err != nil {
				return err
			}
			if ok {
				th.bits |= 1 << bit
			} else {
				th.other = append(th.other, x.Theme)
			}
		}
	}
	if _, err := t.exec(`INSERT INTO copies(id, article_id, url, source, published, origin, run_id, seen) VALUES (?,?,?,?,?,?,?,?)`,
		a.ID, a.ID, nullString(a.URL), nullString(src), dateString(a.Published), a.Origin, runID, t.now); err != nil {
		return fmt.Errorf("recording copy: %w", err)
	}
	t.res.New++
	if a.Words >= dedup.MinWords {
		for _, k := range dedup.BandKeys(a.SimHash) {
			if _, err := t.exec(`INSERT OR IGNORE INTO simhash_bands(key, day, article_id, simhash) VALUES (?,?,?,?)`,
				k, store.PubDay(a.Published, time.Unix(t.now, 0)), a.ID, int64(a.SimHash)); err != nil {
				return fmt.Errorf("writing SimHash bands: %w", err)
			}
		}
	}
	sentIDs := make([]int64, len(a.Sentences))
	for i, sn := range a.Sentences {
		if sn.Start < 0 || sn.End > len(a.Text) || sn.Start > sn.End {
			return fmt.Errorf("sentence %d: range %d:%d outside the text", i+1, sn.Start, sn.End)
		}
		r, err := t.exec(`INSERT INTO sentences(article_id, n, start, end) VALUES (?,?,?,?)`, a.ID, i+1, sn.Start, sn.End)
		if err != nil {
			return fmt.Errorf("writing sentence: %w", err)
		}
		id, err := r.LastInsertId()
		if err != nil {
			return fmt.Errorf("writing sentence: %w", err)
		}
		sentIDs[i] = id
		if _, err := t.exec(`INSERT INTO sentences_fts(rowid, text) VALUES (?,?)`, id, a.Text[sn.Start:sn.End]); err != nil {
			return fmt.Errorf("indexing sentence: %w", err)
		}
	}
	for i := range a.Events {
		e := &a.Events[i]
		var sentID any
		if e.Sentence >= 1 && e.Sentence <= len(sentIDs) {
			sentID = sentIDs[e.Sentence-1]
		}
		if err := t.mention(a, e, sentID, src, &th); err != nil {
			return err
		}
	}
	return nil
}

// articleThemes are the themes of an article's knowledge: the bits of
// those that have one, and the others.
type articleThemes struct {
	bits  int64
	other []string
}

// maxThemeBits is the number of themes that get a bit of events.themes.
const maxThemeBits = 63

// themeBit returns the bit of events.themes of theme, giving it the next
// free one when it has none; ok is false when all are taken.
func (t *tx) themeBit(theme string) (bit int, ok bool, err error) {
	err = t.QueryRowContext(t.ctx, `SELECT bit FROM theme_bits WHERE theme = ?`, theme).Scan(&bit)
	if err == nil {
		return bit, true, nil
	}
	if !errors.Is(err, sql.ErrNoRows) {
		return 0, false, fmt.Errorf("reading theme bits: %w", err)
	}
	if err := t.QueryRowContext(t.ctx, `SELECT count(*) FROM theme_bits`).Scan(&bit); err != nil {
		return 0, false, fmt.Errorf("reading theme bits: %w", err)
	}
	if bit >= maxThemeBits {
		return 0, false, nil
	}
	if _, err := t.exec(`INSERT INTO theme_bits(theme, bit) VALUES (?,?)`, theme, bit); err != nil {
		return 0, false, fmt.Errorf("writing theme bits: %w", err)
	}
	return bit, true, nil
}

// mention merges e into the event it reports, or creates one, and records
// the mention and the themes th of its article.
func (t *tx) mention(a *store.Article, e *event.Event, sentID any, src string, th *articleThemes) error {
	m, ok := dedup.MentionOf(e)
	if !ok {
		return fmt.Errorf("event in sentence %d: date %q is not YYYY-MM-DD", e.Sentence, e.Date)
	}
	w := t.match.Days()
	rows, err := t.QueryContext(t.ctx, `SELECT id, day, place FROM events WHERE source=? AND target=? AND base=? AND day BETWEEN ? AND ?`,
		m.Source, m.Target, m.Base, m.Day-w, m.Day+w)
	if err != nil {
		return fmt.Errorf("looking up events: %w", err)
	}
	var cands []dedup.Cluster
	for rows.Next() {
		var c dedup.Cluster
		if err := rows.Scan(&c.ID, &c.Day, &c.Place); err != nil {
			rows.Close()
			return fmt.Errorf("looking up events: %w", err)
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
			g := e.ActionGeo
			// The event leaves its country's rollup row; updateCounts
			// adds it to the new one (num_mentions 0: not in the rollup).
			if err := t.unroll(eventID); err != nil {
				return err
			}
			if _, err := t.exec(`UPDATE events SET place=?, place_name=?, country=?, country_fips=?, num_mentions=0 WHERE id=?`,
				g.FeatureID, g.FullName, g.CountryISO, g.CountryFIPS, eventID); err != nil {
				return fmt.Errorf("updating event place: %w", err)
			}
			if err := t.place(g); err != nil {
				return err
			}
		}
		if c, ok := store.EventConfidence(e); ok {
			// The event's confidence is the highest of its reports'.
			if _, err := t.exec(`UPDATE events SET event_confidence = ?1 WHERE id = ?2 AND (event_confidence IS NULL OR event_confidence < ?1)`,
				c, eventID); err != nil {
				return fmt.Errorf("updating event confidence: %w", err)
			}
		}
		if th.bits != 0 {
			if _, err := t.exec(`UPDATE events SET themes = themes | ?1 WHERE id = ?2 AND themes & ?1 != ?1`, th.bits, eventID); err != nil {
				return fmt.Errorf("updating event themes: %w", err)
			}
		}
	} else {
		var place, placeName, country, fips string
		if g := e.ActionGeo; g != nil {
			place, placeName, country, fips = g.FeatureID, g.FullName, g.CountryISO, g.CountryFIPS
			if err := t.place(g); err != nil {
				return err
			}
		}
		var tone any
		if a.Knowledge != nil {
			tone = a.Knowledge.Tone.Tone
		}
		var conf any
		if c, ok := store.EventConfidence(e); ok {
			conf = c
		}
		r, err := t.exec(`INSERT INTO events(source, target, base, code, quad, goldstein, day, place, place_name, country, country_fips,
			source_name, target_name, first_seen, is_root, tone, themes, event_confidence) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)`,
			m.Source, m.Target, m.Base, e.Code, e.QuadClass, e.Goldstein, m.Day, place, placeName, country, fips,
			e.SourceSpan.Text, e.TargetSpan.Text, t.now, dedup.IsLead(e.Sentence), tone, th.bits, conf)
		if err != nil {
			return fmt.Errorf("writing event: %w", err)
		}
		if eventID, err = r.LastInsertId(); err != nil {
			return fmt.Errorf("writing event: %w", err)
		}
		t.res.Events++
	}
	r, err := t.exec(`INSERT INTO mentions(event_id, article_id, copy_id, sentence_id, source_name, confidence, seen, data)
		VALUES (?,?,?,?,?,?,?,?)`, eventID, a.ID, a.ID, sentID, nullString(src), conf, t.now, data)
	if err != nil {
		return fmt.Errorf("writing mention: %w", err)
	}
	if !found {
		mid, err := r.LastInsertId()
		if err != nil {
			return fmt.Errorf("writing mention: %w", err)
		}
		if _, err := t.exec(`UPDATE events SET first_mention=? WHERE id=?`, mid, eventID); err != nil {
			return fmt.Errorf("writing event: %w", err)
		}
	}
	for _, x := range th.other {
		if _, err := t.exec(`INSERT OR IGNORE INTO event_themes(theme, event_id) VALUES (?,?)`, x, eventID); err != nil {
			return fmt.Errorf("writing event themes: %w", err)
		}
	}
	t.touched[eventID] = true
	t.res.Mentions++
	return nil
}

// place records an action place (the first record of a feature id wins).
func (t *tx) place(g *event.Geo) error {
	if g == nil || g.FeatureID == "" {
		return nil
	}
	short, _, _ := strings.Cut(g.FullName, ",")
	if _, err := t.exec(`INSERT OR IGNORE INTO places(id, name, short, country, lat, lon) VALUES (?,?,?,?,?,?)`,
		g.FeatureID, g.FullName, strings.TrimSpace(short), g.CountryISO, g.Lat, g.Lon); err != nil {
		return fmt.Errorf("writing place: %w", err)
	}
	return nil
}

// updateCounts recomputes the mention, source and article counts of the
// events the transaction touched, and adds the change to the rollups.
func (t *tx) updateCounts() error {
	for id := range t.touched {
		k, old, g, tone, err := t.rollupKey(id)
		if err != nil {
			return err
		}
		var n int64
		if err := t.QueryRowContext(t.ctx, `UPDATE events SET
			num_mentions=(SELECT count(*) FROM mentions WHERE event_id=?1),
			num_sources=(SELECT count(DISTINCT source_name) FROM mentions WHERE event_id=?1),
			num_articles=(SELECT count(DISTINCT copy_id) FROM mentions WHERE event_id=?1)
			WHERE id=?1 RETURNING num_mentions`, id).Scan(&n); err != nil {
			return fmt.Errorf("updating event counts: %w", err)
		}
		// An event with no counted mention is not in the rollups yet.
		var r rollupRow
		if old == 0 {
			r.events, r.goldstein = 1, g
			if tone.Valid {
				r.toneN, r.tone = 1, tone.Float64
			}
		}
		r.mentions, r.gm = n-old, g*float64(n-old)
		if err := t.rollup(k, r); err != nil {
			return err
		}
	}
	return nil
}

// rollupKey is where an event counts in the rollups.
type rollupKey struct {
	day                            int64
	country, place, source, target string
}

// rollupKey reads an event's rollup key, its counted mentions, Goldstein
// value and tone.
func (t *tx) rollupKey(id int64) (k rollupKey, n int64, g float64, tone sql.NullFloat64, err error) {
	err = t.QueryRowContext(t.ctx, `SELECT day, country, place, source, target, num_mentions, goldstein, tone FROM events WHERE id=?`, id).Scan(
		&k.day, &k.country, &k.place, &k.source, &k.target, &n, &g, &tone)
	if err != nil {
		err = fmt.Errorf("reading event counts: %w", err)
	}
	return
}

// rollupRow is a change of the rollups.
type rollupRow struct {
	events, mentions, toneN int64
	goldstein, gm, tone     float64
}

// rollup adds r to the rollup rows of k: its day and country, its place
// (when it has one) and its dyad, over all dates, in its month (places)
// and on its day (dyads, written at the end of the transaction).
func (t *tx) rollup(k rollupKey, r rollupRow) error {
	if _, err := t.exec(`INSERT INTO event_rollup(day, country, events, mentions, goldstein, gm, tone_n, tone) VALUES (?,?,?,?,?,?,?,?)
		ON CONFLICT(day, country) DO UPDATE SET events = events + excluded.events, mentions = mentions + excluded.mentions,
		goldstein = goldstein + excluded.goldstein, gm = gm + excluded.gm, tone_n = tone_n + excluded.tone_n, tone = tone + excluded.tone`,
		k.day, k.country, r.events, r.mentions, r.goldstein, r.gm, r.toneN, r.tone); err != nil {
		return fmt.Errorf("updating event rollup: %w", err)
	}
	month := store.MonthOfDay(k.day)
	if k.place != "" {
		if _, err := t.exec(`INSERT INTO place_months(month, place, events, mentions, goldstein) VALUES (?,?,?,?,?)
			ON CONFLICT(month, place) DO UPDATE SET events = events + excluded.events, mentions = mentions + excluded.mentions,
			goldstein = goldstein + excluded.goldstein`, month, k.place, r.events, r.mentions, r.goldstein); err != nil {
			return fmt.Errorf("updating place months: %w", err)
		}
	}
	dk := dyadKey{k.source, k.target}
	ch := t.dyadDays[dk]
	if ch == nil {
		ch = map[int64]*dayRecord{}
		t.dyadDays[dk] = ch
	}
	d := ch[k.day]
	if d == nil {
		d = &dayRecord{day: k.day}
		ch[k.day] = d
	}
	d.events, d.mentions, d.goldstein = d.events+r.events, d.mentions+r.mentions, d.goldstein+r.goldstein
	if k.place != "" {
		if _, err := t.exec(`INSERT INTO place_totals(place, events, mentions, goldstein) VALUES (?,?,?,?)
			ON CONFLICT(place) DO UPDATE SET events = events + excluded.events, mentions = mentions + excluded.mentions,
			goldstein = goldstein + excluded.goldstein`, k.place, r.events, r.mentions, r.goldstein); err != nil {
			return fmt.Errorf("updating place totals: %w", err)
		}
	}
	if _, err := t.exec(`INSERT INTO dyad_totals(source, target, events, mentions, goldstein) VALUES (?,?,?,?,?)
		ON CONFLICT(source, target) DO UPDATE SET events = events + excluded.events, mentions = mentions + excluded.mentions,
		goldstein = goldstein + excluded.goldstein`, k.source, k.target, r.events, r.mentions, r.goldstein); err != nil {
		return fmt.Errorf("updating dyad totals: %w", err)
	}
	return nil
}

// unroll takes an event out of the rollups.
func (t *tx) unroll(id int64) error {
	k, n, g, tone, err := t.rollupKey(id)
	if err != nil {
		return err
	}
	if n == 0 {
		return nil
	}
	r := rollupRow{events: -1, mentions: -n, goldstein: -g, gm: -g * float64(n)}
	if tone.Valid {
		r.toneN, r.tone = -1, -tone.Float64
	}
	return t.rollup(k, r)
}
