package worker_test

import (
	"context"
	"fmt"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/eventwire/eventwire/internal/ingest"
	"github.com/eventwire/eventwire/internal/queue"
	"github.com/eventwire/eventwire/internal/queue/natstest"
	"github.com/eventwire/eventwire/internal/shareddata"
	"github.com/eventwire/eventwire/internal/store"
	"github.com/eventwire/eventwire/internal/store/postgres"
	"github.com/eventwire/eventwire/internal/store/postgres/pgtest"
	"github.com/eventwire/eventwire/internal/store/sqlite"
	"github.com/eventwire/eventwire/internal/worker"
)

// openStore opens the store named by db: a postgres:// DSN or a SQLite
// path (as eventwire worker --db does).
func openStore(ctx context.Context, db string) (store.Store, error) {
	if postgres.IsDSN(db) {
		return postgres.Open(ctx, db)
	}
	return sqlite.Open(ctx, db)
}

// freshStore returns the --db of a new, empty store: a database of its own
// on $EVENTWIRE_TEST_POSTGRES when that is set (dropped when the test
// ends), else a SQLite file in a temporary directory; under
// $EVENTWIRE_REQUIRE_ALL (CI) the SQLite fallback is a failure, since it
// would leave the PostgreSQL path of the worker untested.
func freshStore(t testing.TB) string {
	t.Helper()
	server := os.Getenv("EVENTWIRE_TEST_POSTGRES")
	if server == "" {
		if shareddata.RequiringAll() {
			t.Fatalf("EVENTWIRE_TEST_POSTGRES is not set: no PostgreSQL server for the worker tests (.ci/postgres.sh starts one), and %s forbids the SQLite fallback", shareddata.RequireAll)
		}
		return filepath.Join(t.TempDir(), "events.db")
	}
	return pgtest.FreshDatabase(t, server)
}

// pgServer is a throw-away PostgreSQL server of the test's own, which the
// test may stop and start.
type pgServer struct {
	t    testing.TB
	bin  string
	dir  string
	port int
	as   []string // command prefix running as the postgres user
	URL  string
}

// startPostgres starts a PostgreSQL 15 server on a free loopback port with
// a data directory under /tmp (as .ci/postgres.sh does, but with durable
// commits), and stops it when
// the test ends. It skips the test when the server binaries are missing or
// the server does not start.
func startPostgres(t testing.TB) *pgServer {
	t.Helper()
	bin := "/usr/lib/postgresql/15/bin"
	if _, err := os.Stat(filepath.Join(bin, "postgres")); err != nil {
		shareddata.Skip(t, "no PostgreSQL 15 server binaries in %s (.ci/run installs postgresql-15)", bin)
	}
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	port := l.Addr().(*net.TCPAddr).Port
	l.Close()
	dir, err := os.MkdirTemp("", "eventwire-pg.")
	if err != nil {
		t.Fatal(err)
	}
	s := &pgServer{t: t, bin: bin, dir: dir, port: port}
	if os.Getuid() == 0 {
		if out, err := exec.Command("chown", "postgres", dir).CombinedOutput(); err != nil {
			os.RemoveAll(dir)
			shareddata.Skip(t, "cannot give %s to the postgres user: %v: %s", dir, err, out)
		}
		s.as = []string{"runuser", "-u", "postgres", "--"}
	}
	t.Cleanup(func() {
		s.run("pg_ctl", "-D", filepath.Join(dir, "data"), "-m", "immediate", "stop")
		os.RemoveAll(dir)
	})
	if out, err := s.run("initdb", "-D", filepath.Join(dir, "data"), "-A", "trust", "-U", "eventwire", "-E", "UTF8"); err != nil {
		shareddata.Skip(t, "initdb failed: %v: %s", err, out)
	}
	if err := s.Start(); err != nil {
		shareddata.Skip(t, "starting PostgreSQL: %v", err)
	}
	if out, err := s.run("createdb", "-h", "127.0.0.1", "-p", fmt.Sprint(port), "-U", "eventwire", "eventwire"); err != nil {
		shareddata.Skip(t, "createdb failed: %v: %s", err, out)
	}
	s.URL = fmt.Sprintf("postgres://eventwire@127.0.0.1:%d/eventwire?sslmode=disable", port)
	return s
}

func (s *pgServer) run(name string, args ...string) ([]byte, error) {
	cmd := append(append([]string{}, s.as...), append([]string{filepath.Join(s.bin, name)}, args...)...)
	return exec.Command(cmd[0], cmd[1:]...).CombinedOutput()
}

// Start starts the server and waits until it accepts connections.
func (s *pgServer) Start() error {
	out, err := s.run("pg_ctl", "-D", filepath.Join(s.dir, "data"), "-l", filepath.Join(s.dir, "log"), "-w", "-t", "30",
		// synchronous_commit stays on: a worker acknowledges its deliveries
		// after the commit returns, so a commit must survive the server's
		// crash (with it off, Crash loses the last batches). fsync=off
		// is safe here because only the server process crashes, not the
		// machine.
		"-o", fmt.Sprintf("-p %d -k %s -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=on -c max_connections=100", s.port, s.dir),
		"start")
	if err != nil {
		return fmt.Errorf("pg_ctl start: %v: %s", err, out)
	}
	return nil
}

// Crash stops the server at once, as a power cut would (pg_ctl -m
// immediate): connections drop and uncommitted transactions are lost.
func (s *pgServer) Crash() error {
	out, err := s.run("pg_ctl", "-D", filepath.Join(s.dir, "data"), "-m", "immediate", "-w", "stop")
	if err != nil {
		return fmt.Errorf("pg_ctl stop: %v: %s", err, out)
	}
	return nil
}

// waitFor polls cond every 50ms until it holds or d passes.
func waitFor(d time.Duration, cond func() bool) bool {
	end := time.Now().Add(d)
	for time.Now().Before(end) {
		if cond() {
			return true
		}
		time.Sleep(50 * time.Millisecond)
	}
	return cond()
}

// PostgreSQL crashing and coming back mid-run (issue 8, item 3): the
// worker waits for it, holding its deliveries, and resumes; nothing is
// handed back, given up or lost, and the store equals a single load run.
// The test runs its own throw-away server, since it stops it.
func TestPostgresRestart(t *testing.T) {
	if testing.Short() {
		t.Skip("starts a PostgreSQL server; -short skips it")
	}
	pg := startPostgres(t)
	feed := writeFeed(t, 200)
	c := natstest.Start(t, 1)
	q := openQueue(t, c.URL(), queue.Config{AckWait: 3 * time.Second})
	ctx := context.Background()
	if _, err := queue.PublishWalk(ctx, q, ingest.Walk, []string{feed}, nil); err != nil {
		t.Fatal(err)
	}
	db, err := postgres.Open(ctx, pgtest.FreshDatabase(t, pg.URL))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	db.Retry = postgres.Retry{Attempts: 3, Max: 200 * time.Millisecond}
	st := &faultyStore{Store: db}
	restarted := make(chan error, 1)
	st.afterWrite = func() {
		if st.writes.Load() != 3 {
			return
		}
		if err := pg.Crash(); err != nil {
			restarted <- err
			return
		}
		time.AfterFunc(4*time.Second, func() { restarted <- pg.Start() })
	}
	var log strings.Builder
	sum, err := worker.Run(ctx, q, st, toyAnalyze, worker.Options{Workers: 2, BatchSize: 8, Wait: 100 * time.Millisecond, Drain: true, Write: writeOpt, Log: &log})
	if err != nil {
		t.Fatal(err)
	}
	if err := <-restarted; err != nil {
		t.Fatal(err)
	}
	if sum.StoreRetries == 0 || sum.Dead != 0 || sum.Retried != 0 || sum.New+sum.Duplicate+sum.Already != 240 {
		t.Errorf("summary: %s; want store retries, nothing handed back or dead, 240 documents stored\n%s", sum, log.String())
	}
	ref, err := postgres.Open(ctx, pgtest.FreshDatabase(t, pg.URL))
	if err != nil {
		t.Fatal(err)
	}
	defer ref.Close()
	sameStore(t, snapshotOf(t, db), reference(t, ref, toyAnalyze, []string{feed}, writeOpt))
}
