package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"os/signal"
	"syscall"
)

// interruptContext returns a context that the first SIGINT or SIGTERM
// cancels: a long command (ingest, worker) stops taking documents, commits
// what it has done, prints its summary and exits non-zero. A second signal
// ends the process at once (status 128+signal, as a shell reports a process
// killed by it); what was committed stays, the transaction under way is
// rolled back by the store. stop releases the signals.
func interruptContext(stderr io.Writer) (ctx context.Context, stop func()) {
	ctx, cancel := context.WithCancelCause(context.Background())
	ch := make(chan os.Signal, 2)
	signal.Notify(ch, os.Interrupt, syscall.SIGTERM)
	done := make(chan struct{})
	go func() {
		select {
		case s := <-ch:
			fmt.Fprintf(stderr, "\n%s: finishing the documents under way and committing them (again to stop at once)\n", s)
			cancel(fmt.Errorf("%w: %s", errInterrupted, s))
		case <-done:
			return
		}
		select {
		case s := <-ch:
			fmt.Fprintf(stderr, "%s: stopping at once\n", s)
			os.Exit(128 + signalNumber(s))
		case <-done:
		}
	}()
	return ctx, func() {
		signal.Stop(ch)
		close(done)
		cancel(nil)
	}
}

// errInterrupted is the cause of a context cancelled by a signal.
var errInterrupted = fmt.Errorf("interrupted")

func signalNumber(s os.Signal) int {
	if n, ok := s.(syscall.Signal); ok {
		return int(n)
	}
	return 1
}

// interrupted returns the error a command ends with when ctx was cancelled
// by a signal: non-nil, so that the exit status is not 0 although what was
// done is committed.
func interrupted(ctx context.Context) error {
	if ctx.Err() == nil {
		return nil
	}
	return fmt.Errorf("%w; what was done is committed, run the same command again to go on", context.Cause(ctx))
}
