package postgres

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/eventwire/eventwire/internal/shareddata"
	"github.com/eventwire/eventwire/internal/store"
)

// pgCtl runs pg_ctl on the server's data directory, as the postgres user
// when the test runs as root (as .ci/postgres.sh starts it).
func pgCtl(data string, args ...string) ([]byte, error) {
	cmd := append([]string{"/usr/lib/postgresql/15/bin/pg_ctl", "-D", data}, args...)
	if os.Getuid() == 0 {
		cmd = append([]string{"runuser", "-u", "postgres", "--"}, cmd...)
	}
	f, err := os.CreateTemp("", "pg_ctl")
	if err != nil {
		return nil, err
	}
	defer os.Remove(f.Name())
	defer f.Close()
	c := exec.Command(cmd[0], cmd[1:]...)
	c.Stdout, c.Stderr = f, f
	err = c.Run()
	out, _ := os.ReadFile(f.Name())
	return out, err
}

// TestWriteAcrossServerRestart starts a server of its own with
// .ci/postgres.sh, restarts it while a writer stores batches, and checks
// that every batch is stored exactly once. It runs only when
// $EVENTWIRE_TEST_PG_RESTART is set (it needs PostgreSQL 15's binaries and
// a free port).
func TestWriteAcrossServerRestart(t *testing.T) {
	if os.Getenv("EVENTWIRE_TEST_PG_RESTART") == "" {
		shareddata.Skip(t, "EVENTWIRE_TEST_PG_RESTART is not set: this test starts and restarts a PostgreSQL server of its own")
	}
	root, err := filepath.Abs("../../..")
	if err != nil {
		t.Fatal(err)
	}
	// A port another server holds makes the start fail: try a few.
	var (
		port     int
		outFile  *os.File
		startErr error
	)
	for try := 0; try < 4; try++ {
		port = 56000 + (os.Getpid()+try*137)%1000
		// The server inherits the script's output: give it files, not
		// pipes that would stay open.
		if outFile, err = os.Create(filepath.Join(t.TempDir(), "postgres.sh.out")); err != nil {
			t.Fatal(err)
		}
		defer outFile.Close()
		cmd := exec.Command(filepath.Join(root, ".ci", "postgres.sh"), fmt.Sprint(port))
		cmd.Stdout, cmd.Stderr = outFile, outFile
		if startErr = cmd.Run(); startErr == nil {
			break
		}
	}
	out, err := os.ReadFile(outFile.Name())
	if err != nil {
		t.Fatal(err)
	}
	if startErr != nil {
		shareddata.Skip(t, "starting a PostgreSQL server with .ci/postgres.sh (4 ports tried): %v; its output: %s", startErr, out)
	}
	lines := strings.Fields(string(out))
	if len(lines) == 0 || !IsDSN(lines[len(lines)-1]) {
		t.Fatalf(".ci/postgres.sh printed no URL: %s", out)
	}
	dsn := lines[len(lines)-1]
	ctx := context.Background()
	db, err := Open(ctx, dsn)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	var data string
	if err := db.pool.QueryRow(ctx, `SHOW data_directory`).Scan(&data); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		pgCtl(data, "-m", "immediate", "-w", "stop")
		os.RemoveAll(filepath.Dir(data))
	})
	restarted := make(chan error, 1)
	go func() {
		time.Sleep(time.Second)
		out, err := pgCtl(data, "-m", "fast", "-w", "restart")
		if err != nil {
			err = fmt.Errorf("%v: %s", err, out)
		}
		restarted <- err
	}()
	const batches = 40
	var started time.Time
	for k := range batches {
		b := &store.Batch{Run: store.Run{ID: "restart"}}
		for i := range 64 {
			b.Articles = append(b.Articles, art(fmt.Sprintf("https://r.example/%d/%d", k, i), "", randomText(k*64+i),
				ev(1, fmt.Sprintf("A%02d", i%10), "USA", "040", "2024-01-01", "")))
		}
		if k == 0 {
			started = time.Now()
		}
		if _, err := db.Write(ctx, b, store.WriteOptions{}); err != nil {
			t.Fatalf("batch %d: %v", k, err)
		}
	}
	ended := time.Now()
	if err := <-restarted; err != nil {
		t.Fatalf("restarting the server: %v", err)
	}
	var since time.Time
	if err := db.pool.QueryRow(ctx, `SELECT pg_postmaster_start_time()`).Scan(&since); err != nil {
		t.Fatal(err)
	}
	if !since.After(started) || since.After(ended) {
		t.Skip("the server did not restart while the batches were written")
	}
	s, err := db.Stats(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if s.Articles != batches*64 || s.Copies != batches*64 || s.Events != 10 || s.Mentions != batches*64 {
		t.Errorf("after a restart mid-run: %+v, want %d articles, 10 events", s, batches*64)
	}
}
