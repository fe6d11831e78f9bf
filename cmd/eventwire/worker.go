package main

import (
	"fmt"
	"io"
	"os"
	"strings"
	"time"

	"github.com/eventwire/eventwire/internal/queue"
	"github.com/eventwire/eventwire/internal/store"
	"github.com/eventwire/eventwire/internal/worker"
)

func init() {
	register(command{name: "worker", summary: "code documents from a NATS JetStream work queue into the event store", run: runWorker})
}

// queueFlags adds the flags naming the work queue, shared by worker,
// queue and ingest --queue.
type queueFlags struct {
	url, stream, subject *string
	replicas             *int
}

func addQueueFlags(fs interface {
	String(name, value, usage string) *string
	Int(name string, value int, usage string) *int
}, urlFlag bool) queueFlags {
	var f queueFlags
	if urlFlag {
		f.url = fs.String("queue", "", "NATS server URLs, comma-separated (nats://host:4222,...)")
	}
	f.stream = fs.String("stream", queue.Defaults.Stream, "work-queue stream (its dead letters go to the stream of --stream with _DEAD)")
	f.subject = fs.String("subject", queue.Defaults.Subject, "subject of the work-queue stream")
	f.replicas = fs.Int("replicas", 1, "replicas of the streams when this command creates them (3 on a cluster)")
	return f
}

func (f queueFlags) config(url, name string) queue.Config {
	return queue.Config{URL: url, Name: name, Stream: *f.stream, Subject: *f.subject,
		DeadStream: *f.stream + "_DEAD", DeadSubject: *f.subject + ".dead", Replicas: *f.replicas}
}

func runWorker(args []string, stdout, stderr io.Writer) error {
	fs := newFlags("worker", "", stderr)
	qf := addQueueFlags(fs, true)
	db := dbFlag(fs)
	sf := addStageFlags(fs)
	maxDeliver := fs.Int("max-deliver", queue.Defaults.MaxDeliver, "deliveries of a failing document before it goes to the dead-letter stream")
	ackWait := fs.Duration("ack-wait", queue.Defaults.AckWait, "time a delivery may stay unacknowledged before it is delivered again")
	wait := fs.Duration("wait", time.Second, "how long a pull waits for a full batch before the worker commits what it has")
	drain := fs.Bool("drain", false, "exit when the queue has nothing waiting or in flight")
	status := fs.Duration("status", 10*time.Second, "print a status line to stderr this often (0: never)")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if *qf.url == "" {
		return fmt.Errorf("%w: worker: --queue is required", errUsage)
	}
	if fs.NArg() > 0 {
		return fmt.Errorf("%w: worker: unexpected argument %q", errUsage, fs.Arg(0))
	}
	docDate, err := sf.check()
	if err != nil {
		return err
	}
	ctx, stop := interruptContext(stderr)
	defer stop()
	host, _ := os.Hostname()
	cfg := qf.config(*qf.url, fmt.Sprintf("eventwire worker %s/%d", host, os.Getpid()))
	cfg.MaxDeliver, cfg.AckWait, cfg.Pulls = *maxDeliver, *ackWait, true
	q, err := queue.Open(ctx, cfg)
	if err != nil {
		return err
	}
	defer q.Close()
	if err := q.WatchDeadlines(func(err error) { fmt.Fprintf(stderr, "dead letters: %v\n", err) }); err != nil {
		return err
	}
	st, newAnalyzer, know, err := sf.open(ctx, *db, docDate, stderr)
	if err != nil {
		return err
	}
	defer st.Close()
	now := time.Now().UTC()
	opt := worker.Options{
		Workers:   *sf.workers,
		BatchSize: *sf.batch,
		Write:     sf.writeOptions(),
		// The knowledge (entities, places, themes, tone) ingest keeps:
		// without it a store filled through the queue had none.
		Knowledge: know,
		Run: store.Run{ID: fmt.Sprintf("worker-%s-%d-%s", host, os.Getpid(), now.Format("20060102T150405.000000000Z")),
			Started: now, Args: "worker " + strings.Join(args, " ")},
		Drain: *drain,
		Wait:  *wait,
		Log:   stderr,
	}
	if *status > 0 {
		last := time.Now()
		opt.Progress = func(s worker.Summary) {
			if time.Since(last) < *status {
				return
			}
			last = time.Now()
			qs, err := q.Status(ctx)
			if err != nil {
				fmt.Fprintf(stderr, "worker: %s; %v\n", s, err)
				return
			}
			fmt.Fprintf(stderr, "worker: %s; %s\n", s, qs)
		}
	}
	sum, err := worker.Run(ctx, q, st, newAnalyzer, opt)
	fmt.Fprintln(stdout, sum)
	if ctx.Err() != nil {
		// Stopped by a signal: what was committed is acknowledged, the
		// rest handed back.
		return interrupted(ctx)
	}
	return err
}
