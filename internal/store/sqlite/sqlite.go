// Package sqlite implements store.Store on an embedded SQLite database
// (modernc.org/sqlite, a pure-Go translation of SQLite: no cgo, so the
// binary stays a single static file, and it includes FTS5). The database
// runs in WAL mode; each Write is one IMMEDIATE transaction, so a crash
// leaves either the whole batch or none of it.
package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"time"

	"github.com/eventwire/eventwire/internal/dedup"
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
	ctx   context.Context
	tx    *sql.Tx
	opt   store.WriteOptions
	now   int64
	stmts map[string]*sql.Stmt // prepared once per transaction
	// eventIDs are the ids given to the planned events.
	eventIDs []int64
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
