package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"os/signal"
	"syscall"

	"github.com/eventwire/eventwire/internal/queue"
)

func init() {
	register(command{name: "queue", summary: "show the NATS JetStream work queue (waiting, in flight, done, dead) or its dead letters", run: runQueue})
}

func runQueue(args []string, stdout, stderr io.Writer) error {
	fs := newFlags("queue", "", stderr)
	qf := addQueueFlags(fs, true)
	asJSON := fs.Bool("json", false, "print JSON")
	dead := fs.Bool("dead", false, "list the dead letters (work stream sequence, deliveries, reason, document id)")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if *qf.url == "" {
		return fmt.Errorf("%w: queue: --queue is required", errUsage)
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	q, err := queue.Open(ctx, qf.config(*qf.url, "eventwire queue"))
	if err != nil {
		return err
	}
	defer q.Close()
	if *dead {
		return q.DeadLetters(ctx, func(d queue.DeadLetter) error {
			id := "?"
			if j, err := queue.DecodeJob(d.Data); err == nil {
				id = j.ID
			}
			_, err := fmt.Fprintf(stdout, "%d\t%d\t%s\t%s\n", d.WorkSeq, d.Delivered, id, d.Reason)
			return err
		})
	}
	s, err := q.Status(ctx)
	if err != nil {
		return err
	}
	if *asJSON {
		b, err := json.MarshalIndent(s, "", "  ")
		if err != nil {
			return fmt.Errorf("encoding queue status: %w", err)
		}
		_, err = fmt.Fprintf(stdout, "%s\n", b)
		return err
	}
	fmt.Fprintf(stdout, "published    %d\n", s.Published)
	fmt.Fprintf(stdout, "waiting      %d\n", s.Waiting)
	fmt.Fprintf(stdout, "in flight    %d (%d redelivered)\n", s.InFlight, s.Redelivered)
	fmt.Fprintf(stdout, "done         %d\n", s.Done)
	fmt.Fprintf(stdout, "dead         %d\n", s.Dead)
	fmt.Fprintf(stdout, "idle pulls   %d\n", s.IdlePulls)
	fmt.Fprintf(stdout, "settings     max deliver %d, ack wait %s\n", s.MaxDeliver, s.AckWait)
	return nil
}
