package main

import (
	"context"
	"fmt"
	"io"
	"log"
	"net"
	"os"
	"os/signal"
	"syscall"
	"time"

	"github.com/eventwire/eventwire/internal/server"
	"github.com/eventwire/eventwire/internal/server/ui"
	"github.com/eventwire/eventwire/internal/store"
)

func init() {
	register(command{name: "serve", summary: "serve the HTTP API and web interface over the event store", run: runServe})
}

// minTokenLen is the shortest write token serve accepts.
const minTokenLen = 16

func runServe(args []string, stdout, stderr io.Writer) error {
	fs := newFlags("serve", "", stderr)
	db := dbFlag(fs)
	addr := fs.String("addr", "127.0.0.1:8080", "address to listen on; the default binds loopback only")
	token := fs.String("write-token", "", "enable POST /api/ingest for requests with \"Authorization: Bearer TOKEN\" (at least 16 characters; default $EVENTWIRE_WRITE_TOKEN; none: read-only)")
	allowFetch := fs.Bool("allow-fetch", false, "let POST /api/code fetch a URL (public addresses only)")
	allowPrivate := fs.Bool("allow-private", false, "with --allow-fetch, also fetch loopback, private and link-local addresses")
	dicts := dictFlag(fs)
	maxCoding := fs.Int("max-coding", 2, "texts coded at once; more coding requests wait")
	timeout := fs.Duration("timeout", 10*time.Second, "time limit of a read request")
	codeTimeout := fs.Duration("code-timeout", 30*time.Second, "time limit of a code or ingest request")
	cacheTTL := fs.Duration("cache-ttl", 2*time.Second, "how long a GET response is reused for the same URL (0: no cache)")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return fmt.Errorf("%w: unexpected argument %q", errUsage, fs.Arg(0))
	}
	if *token == "" {
		*token = os.Getenv("EVENTWIRE_WRITE_TOKEN")
	}
	if *token != "" && len(*token) < minTokenLen {
		return fmt.Errorf("%w: --write-token: at least %d characters", errUsage, minTokenLen)
	}
	if *allowPrivate && !*allowFetch {
		return fmt.Errorf("%w: --allow-private needs --allow-fetch", errUsage)
	}
	ttl := *cacheTTL
	if ttl <= 0 {
		ttl = -1 // the server's "no cache"
	}
	if *maxCoding < 1 {
		return fmt.Errorf("%w: --max-coding: at least 1, not %d", errUsage, *maxCoding)
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	var st store.Store
	sq, err := openExistingStore(ctx, *db)
	if err != nil {
		return err
	}
	st = sq
	defer st.Close()
	set, err := openDicts(*dicts, stderr)
	if err != nil {
		return err
	}
	logger := log.New(stderr, "", log.LstdFlags)
	srv, err := server.New(server.Options{
		Store: st, Dict: set, Version: versionString(), WriteToken: *token,
		AllowFetch: *allowFetch, AllowPrivate: *allowPrivate, UI: ui.FS(), LoopbackHosts: server.IsLoopback(*addr),
		RequestTimeout: *timeout, CodeTimeout: *codeTimeout, MaxCoding: *maxCoding, CacheTTL: ttl, Log: logger,
	})
	if err != nil {
		return err
	}
	ln, err := net.Listen("tcp", *addr)
	if err != nil {
		return fmt.Errorf("listening: %w", err)
	}
	if !server.IsLoopback(*addr) {
		fmt.Fprintf(stderr, "warning: listening on %s, reachable from other machines\n", ln.Addr())
	}
	mode := "read-only"
	if *token != "" {
		mode = "ingest enabled with a write token"
	}
	fmt.Fprintf(stdout, "eventwire serving http://%s/ (%s)\n", ln.Addr(), mode)
	go func() {
		if err := srv.LoadModels(); err != nil {
			logger.Printf("serve: %v", err)
		}
	}()
	return srv.Serve(ctx, ln)
}
