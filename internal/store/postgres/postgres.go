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
	"errors"
	"fmt"
	"hash/fnv"
	"io"
	"math/rand/v2"
	"net"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"
	"github.com/jackc/pgx/v5/pgxpool"

	"github.com/eventwire/eventwire/internal/dedup"
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
	bits  sync.Map // theme → its bit of events.themes, once read
	// noRollup answers every aggregation from the events table by the
	// plain plan: no rollup, no split of an actor code over the actor
	// indexes (tests compare the two).
	noRollup bool
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
	if _, ok := cfg.ConnConfig.RuntimeParams["plan_cache_mode"]; !ok {
		// Plan each query for its own arguments: a generic plan of a
		// cached statement cannot tell a rare actor, country or date
		// range from a common one, and chose sorts of a whole country's
		// events for pages of 50 (3 ms with its own plan, 40–100 ms with
		// the generic one). Planning costs well under a millisecond.
		cfg.ConnConfig.RuntimeParams["plan_cache_mode"] = "force_custom_plan"
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
	day := store.PubDay(published, opt.Now)
	w := opt.NearDaysOrDefault()
	rows, err := q.Query(ctx, `SELECT DISTINCT article_id, simhash FROM simhash_bands
		WHERE key = ANY($1) AND day BETWEEN $2 AND $3 ORDER BY article_id`, bk[:], day-int64(w), day+int64(w))
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
	return existing(ctx, s.pool, id, simhash, words, published, opt)
}
