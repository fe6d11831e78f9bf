// Package queue distributes documents to workers through a NATS JetStream
// work-queue stream. Publishers put one message per document, with the
// article id as message id so that JetStream's duplicate window drops a
// re-publish; workers pull deliveries, acknowledge each one only after the
// store committed it, and hand back a failed one with a growing delay. A
// document that fails Config.MaxDeliver times, or cannot be decoded at all,
// is moved to a dead-letter stream with the reason in a header.
//
// Streams and the consumer are created on first use with Config's settings
// and left as they are afterwards, except that a worker's connection
// (Config.Pulls) updates the consumer's delivery settings to its own.
package queue

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/nats-io/nats.go"
	"github.com/nats-io/nats.go/jetstream"
)

// Headers of dead letters.
const (
	HeaderReason    = "Eventwire-Reason"    // why the document was given up
	HeaderDelivered = "Eventwire-Delivered" // how many times it was delivered
	HeaderStreamSeq = "Eventwire-Seq"       // its sequence number in the work stream
)

// Config names the streams and sets delivery. Zero fields take the
// defaults of Defaults.
type Config struct {
	// URL is one or more NATS server URLs, comma-separated
	// (nats://host:4222,nats://host2:4222).
	URL string
	// Name is the client connection name shown by the servers.
	Name string
	// Stream and Subject are the work-queue stream and its subject.
	Stream, Subject string
	// DeadStream and DeadSubject keep the documents given up.
	DeadStream, DeadSubject string
	// Consumer is the durable pull consumer the workers share.
	Consumer string
	// Replicas of each stream when it is created: 1, or 3 on a cluster.
	Replicas int
	// Duplicates is JetStream's duplicate window: a message with the id of
	// one published within it is dropped.
	Duplicates time.Duration
	// MaxDeliver is how many times a document is delivered before it is
	// moved to the dead-letter stream.
	MaxDeliver int
	// AckWait is how long a delivery may stay unacknowledged before the
	// server delivers it again (a worker that died holding it).
	AckWait time.Duration
	// Backoff is the delay before redelivering a document that failed for
	// the n-th time (the last entry repeats).
	Backoff []time.Duration
	// MaxAckPending bounds the deliveries in flight over all workers.
	MaxAckPending int
	// Pulls marks a connection that pulls deliveries (a worker's): Open
	// applies its delivery settings (MaxDeliver, AckWait, MaxAckPending) to
	// an existing consumer. Other connections (publishers, status) use the
	// consumer as it is, creating it with their settings only when it does
	// not exist.
	Pulls bool
}

// Defaults is the configuration used for zero fields.
var Defaults = Config{
	URL:           nats.DefaultURL,
	Name:          "eventwire",
	Stream:        "EVENTWIRE_DOCS",
	Subject:       "eventwire.docs",
	DeadStream:    "EVENTWIRE_DOCS_DEAD",
	DeadSubject:   "eventwire.docs.dead",
	Consumer:      "workers",
	Replicas:      1,
	Duplicates:    24 * time.Hour,
	MaxDeliver:    5,
	AckWait:       2 * time.Minute,
	Backoff:       []time.Duration{time.Second, 5 * time.Second, 30 * time.Second, 2 * time.Minute},
	MaxAckPending: 4096,
}

// withDefaults fills zero fields and validates the result; errors name the
// field.
func (c Config) withDefaults() (Config, error) {
	d := Defaults
	if c.URL == "" {
		c.URL = d.URL
	}
	if c.Name == "" {
		c.Name = d.Name
	}
	if c.Stream == "" {
		c.Stream = d.Stream
	}
	if c.Subject == "" {
		c.Subject = d.Subject
	}
	if c.DeadStream == "" {
		c.DeadStream = d.DeadStream
	}
	if c.DeadSubject == "" {
		c.DeadSubject = d.DeadSubject
	}
	if c.Consumer == "" {
		c.Consumer = d.Consumer
	}
	if c.Replicas == 0 {
		c.Replicas = d.Replicas
	}
	if c.Duplicates == 0 {
		c.Duplicates = d.Duplicates
	}
	if c.MaxDeliver == 0 {
		c.MaxDeliver = d.MaxDeliver
	}
	if c.AckWait == 0 {
		c.AckWait = d.AckWait
	}
	if len(c.Backoff) == 0 {
		c.Backoff = d.Backoff
	}
	if c.MaxAckPending == 0 {
		c.MaxAckPending = d.MaxAckPending
	}
	switch {
	case c.Replicas < 1 || c.Replicas > 5:
		return c, fmt.Errorf("queue config: Replicas: want 1 to 5, not %d", c.Replicas)
	case c.MaxDeliver < 1:
		return c, fmt.Errorf("queue config: MaxDeliver: want at least 1, not %d", c.MaxDeliver)
	case c.AckWait < time.Second:
		return c, fmt.Errorf("queue config: AckWait: want at least 1s, not %s", c.AckWait)
	case c.Subject == c.DeadSubject:
		return c, fmt.Errorf("queue config: DeadSubject: must differ from Subject %q", c.Subject)
	}
	return c, nil
}

// Queue is a connection to the work queue. It is safe for concurrent use.
type Queue struct {
	cfg  Config
	nc   *nats.Conn
	js   jetstream.JetStream
	work jetstream.Stream
	dead jetstream.Stream
	cons jetstream.Consumer
}

// Open connects to the servers of cfg.URL, creates the streams and the
// consumer when they do not exist, and returns the queue. The connection
// reconnects by itself (to another server of a cluster) until Close.
func Open(ctx context.Context, cfg Config) (*Queue, error) {
	cfg, err := cfg.withDefaults()
	if err != nil {
		return nil, err
	}
	nc, err := nats.Connect(cfg.URL, nats.Name(cfg.Name), nats.MaxReconnects(-1),
		nats.ReconnectWait(250*time.Millisecond), nats.RetryOnFailedConnect(false))
	if err != nil {
		return nil, fmt.Errorf("connecting to %s: %w", cfg.URL, err)
	}
	q := &Queue{cfg: cfg, nc: nc}
	if err := q.setup(ctx); err != nil {
		nc.Close()
		return nil, err
	}
	return q, nil
}

// setup creates or finds the streams and the consumer. A cluster that is
// still electing its meta leader answers with errors for a while, so each
// step is retried until ctx ends.
func (q *Queue) setup(ctx context.Context) error {
	js, err := jetstream.New(q.nc, jetstream.WithPublishAsyncMaxPending(512), jetstream.WithPublishAsyncTimeout(30*time.Second))
	if err != nil {
		return fmt.Errorf("opening JetStream: %w", err)
	}
	q.js = js
	c := q.cfg
	ensure := func(sc jetstream.StreamConfig) (jetstream.Stream, error) {
		return retry(ctx, func(ctx context.Context) (jetstream.Stream, error) {
			s, err := js.Stream(ctx, sc.Name)
			if errors.Is(err, jetstream.ErrStreamNotFound) {
				s, err = js.CreateStream(ctx, sc)
			}
			return s, err
		})
	}
	q.work, err = ensure(jetstream.StreamConfig{
		Name:        c.Stream,
		Description: "eventwire documents to analyse (one message per article)",
		Subjects:    []string{c.Subject},
		Retention:   jetstream.WorkQueuePolicy,
		Storage:     jetstream.FileStorage,
		Replicas:    c.Replicas,
		Duplicates:  c.Duplicates,
		Discard:     jetstream.DiscardOld,
	})
	if err != nil {
		return fmt.Errorf("creating stream %s: %w", c.Stream, err)
	}
	q.dead, err = ensure(jetstream.StreamConfig{
		Name:        c.DeadStream,
		Description: "eventwire documents given up, with the reason",
		Subjects:    []string{c.DeadSubject},
		Retention:   jetstream.LimitsPolicy,
		Storage:     jetstream.FileStorage,
		Replicas:    c.Replicas,
		Duplicates:  c.Duplicates,
	})
	if err != nil {
		return fmt.Errorf("creating stream %s: %w", c.DeadStream, err)
	}
	cc := jetstream.ConsumerConfig{
		Durable:       c.Consumer,
		Description:   "eventwire workers",
		AckPolicy:     jetstream.AckExplicitPolicy,
		AckWait:       c.AckWait,
		MaxDeliver:    c.MaxDeliver,
		MaxAckPending: c.MaxAckPending,
		FilterSubject: c.Subject,
		Replicas:      0, // the stream's
	}
	q.cons, err = retry(ctx, func(ctx context.Context) (jetstream.Consumer, error) {
		if c.Pulls {
			return js.CreateOrUpdateConsumer(ctx, c.Stream, cc)
		}
		cons, err := js.Consumer(ctx, c.Stream, c.Consumer)
		if errors.Is(err, jetstream.ErrConsumerNotFound) {
			cons, err = js.CreateConsumer(ctx, c.Stream, cc)
		}
		return cons, err
	})
	if err != nil {
		return fmt.Errorf("creating consumer %s: %w", c.Consumer, err)
	}
	return nil
}

// retry calls f until it succeeds, fails with an error other than a
// cluster's transient ones, or ctx ends. Each attempt has at most 5
// seconds: a request made while the cluster elects a leader may get no
// answer at all.
func retry[T any](ctx context.Context, f func(ctx context.Context) (T, error)) (T, error) {
	wait := 100 * time.Millisecond
	for {
		actx, cancel := context.WithTimeout(ctx, 5*time.Second)
		v, err := f(actx)
		cancel()
		if err == nil || !transient(err) || ctx.Err() != nil {
			return v, err
		}
		select {
		case <-ctx.Done():
			return v, err
		case <-time.After(wait):
		}
		wait = min(2*wait, 2*time.Second)
	}
}

// transient reports whether err is one a cluster gives while it elects
// leaders or a server reconnects.
func transient(err error) bool {
	switch {
	case errors.Is(err, context.DeadlineExceeded), errors.Is(err, nats.ErrTimeout), errors.Is(err, nats.ErrNoResponders),
		errors.Is(err, jetstream.ErrJetStreamNotEnabled), errors.Is(err, nats.ErrConnectionReconnecting),
		errors.Is(err, nats.ErrDisconnected):
		return true
	}
	var apiErr *jetstream.APIError
	if errors.As(err, &apiErr) {
		// 10008: JetStream temporarily unavailable; 10012: insufficient
		// resources (a peer not yet up); 503: no leader yet.
		return apiErr.ErrorCode == 10008 || apiErr.ErrorCode == 10012 || apiErr.Code == 503
	}
	return false
}

// Config returns the configuration in use, defaults filled in.
func (q *Queue) Config() Config { return q.cfg }

// Close drains nothing: it closes the connection. Deliveries not yet
// acknowledged are delivered again after AckWait.
func (q *Queue) Close() { q.nc.Close() }

// Job is the message of one document.
type Job struct {
	ID     string    `json:"id"` // article id (dedup.ArticleID), also the message id
	Origin string    `json:"origin"`
	DocID  string    `json:"doc_id,omitempty"`
	Text   string    `json:"text"`
	Title  string    `json:"title,omitempty"`
	URL    string    `json:"url,omitempty"`
	Source string    `json:"source,omitempty"`
	Date   time.Time `json:"date,omitzero"`
}

// EncodeJob returns the message body of j.
func EncodeJob(j Job) ([]byte, error) {
	b, err := json.Marshal(j)
	if err != nil {
		return nil, fmt.Errorf("encoding job %s: %w", j.ID, err)
	}
	return b, nil
}

// DecodeJob parses a message body. It rejects bodies that are not a JSON
// object of the Job schema, and jobs without id or text, naming the field.
func DecodeJob(data []byte) (Job, error) {
	var j Job
	dec := json.NewDecoder(strings.NewReader(string(data)))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&j); err != nil {
		return Job{}, fmt.Errorf("decoding job: %w", err)
	}
	if dec.More() {
		return Job{}, errors.New("decoding job: data after the JSON object")
	}
	switch {
	case j.ID == "":
		return Job{}, errors.New("decoding job: field \"id\" is missing or empty")
	case strings.TrimSpace(j.Text) == "":
		return Job{}, fmt.Errorf("decoding job %s: field \"text\" is missing or empty", j.ID)
	}
	return j, nil
}

// Published says what happened to a published job.
type Published struct {
	Duplicate bool // the stream already held a message with this id
}

// PublishAsync publishes j without waiting for the server's
// acknowledgement; done is called with the outcome from the connection's
// goroutine (it must not block). Wait for all outcomes with Flush. At most
// 512 publishes are unacknowledged; PublishAsync blocks past that (30s at
// most), and a publish unacknowledged after 30s fails.
func (q *Queue) PublishAsync(j Job, done func(Published, error)) error {
	data, err := EncodeJob(j)
	if err != nil {
		return err
	}
	m := &nats.Msg{Subject: q.cfg.Subject, Data: data, Header: nats.Header{}}
	f, err := q.js.PublishMsgAsync(m, jetstream.WithMsgID(j.ID), jetstream.WithExpectStream(q.cfg.Stream), jetstream.WithStallWait(30*time.Second))
	if err != nil {
		return fmt.Errorf("publishing %s: %w", j.ID, err)
	}
	go func() {
		select {
		case ack := <-f.Ok():
			done(Published{Duplicate: ack.Duplicate}, nil)
		case err := <-f.Err():
			done(Published{}, fmt.Errorf("publishing %s: %w", j.ID, err))
		}
	}()
	return nil
}

// Publish publishes j and waits for the server's acknowledgement.
func (q *Queue) Publish(ctx context.Context, j Job) (Published, error) {
	data, err := EncodeJob(j)
	if err != nil {
		return Published{}, err
	}
	ack, err := q.js.Publish(ctx, q.cfg.Subject, data, jetstream.WithMsgID(j.ID), jetstream.WithExpectStream(q.cfg.Stream))
	if err != nil {
		return Published{}, fmt.Errorf("publishing %s: %w", j.ID, err)
	}
	return Published{Duplicate: ack.Duplicate}, nil
}

// PublishRaw publishes data as it is with message id id; tests use it to
// put malformed messages on the queue.
func (q *Queue) PublishRaw(ctx context.Context, id string, data []byte) error {
	_, err := q.js.Publish(ctx, q.cfg.Subject, data, jetstream.WithMsgID(id))
	if err != nil {
		return fmt.Errorf("publishing %s: %w", id, err)
	}
	return nil
}

// Flush waits until every PublishAsync was acknowledged or ctx ends.
func (q *Queue) Flush(ctx context.Context) error {
	select {
	case <-q.js.PublishAsyncComplete():
		return nil
	case <-ctx.Done():
		return fmt.Errorf("waiting for publish acknowledgements: %w", ctx.Err())
	}
}

// Delivery is one delivered document. Exactly one of Ack, Release, Retry,
// Dead should be called on it; InProgress may be called before to hold it.
type Delivery struct {
	q         *Queue
	msg       jetstream.Msg
	Data      []byte
	Delivered int       // 1 on the first delivery
	Stored    time.Time // when the stream stored the message (its publish time)
	Seq       uint64    // stream sequence
}

// ErrClosed is the error of Fetch on a closed queue.
var ErrClosed = errors.New("queue connection closed")

// Fetch waits up to wait for at most n deliveries and returns those it got
// (none is not an error). On a closed queue its error wraps ErrClosed;
// other errors may pass (a cluster without a leader for a while).
func (q *Queue) Fetch(ctx context.Context, n int, wait time.Duration) ([]*Delivery, error) {
	if q.nc.IsClosed() {
		return nil, fmt.Errorf("fetching from %s: %w", q.cfg.Consumer, ErrClosed)
	}
	batch, err := q.cons.Fetch(n, jetstream.FetchMaxWait(wait))
	if err != nil {
		if transient(err) {
			return nil, nil
		}
		return nil, fmt.Errorf("fetching from %s: %w", q.cfg.Consumer, err)
	}
	var out []*Delivery
	for m := range batch.Messages() {
		d := &Delivery{q: q, msg: m, Data: m.Data(), Delivered: 1}
		if md, err := m.Metadata(); err == nil {
			d.Delivered = int(md.NumDelivered)
			d.Stored = md.Timestamp
			d.Seq = md.Sequence.Stream
		}
		out = append(out, d)
	}
	if err := batch.Error(); err != nil && !transient(err) && !errors.Is(err, nats.ErrTimeout) && len(out) == 0 {
		return nil, fmt.Errorf("fetching from %s: %w", q.cfg.Consumer, err)
	}
	return out, nil
}

// Ack acknowledges the delivery: the document is done and leaves the
// work queue. A lost acknowledgement means one more delivery later.
func (d *Delivery) Ack() error {
	if err := d.msg.Ack(); err != nil {
		return fmt.Errorf("acknowledging message %d: %w", d.Seq, err)
	}
	return nil
}

// InProgress tells the server the delivery is still being worked on,
// which restarts its AckWait.
func (d *Delivery) InProgress() error {
	if err := d.msg.InProgress(); err != nil {
		return fmt.Errorf("extending message %d: %w", d.Seq, err)
	}
	return nil
}

// Release hands back a delivery the worker did not get to (it is
// stopping): it is delivered again at once, to another worker. It still
// counts as a delivery.
func (d *Delivery) Release() error {
	if err := d.msg.Nak(); err != nil {
		return fmt.Errorf("releasing message %d: %w", d.Seq, err)
	}
	return nil
}

// Retry hands back a delivery that failed with reason: it is delivered
// again after the back-off delay of its attempt, or, on its last allowed
// delivery, moved to the dead-letter stream. dead reports the latter.
func (d *Delivery) Retry(ctx context.Context, reason error) (dead bool, err error) {
	if d.Delivered >= d.q.cfg.MaxDeliver {
		return true, d.Dead(ctx, reason)
	}
	b := d.q.cfg.Backoff
	delay := b[min(d.Delivered-1, len(b)-1)]
	if err := d.msg.NakWithDelay(delay); err != nil {
		return false, fmt.Errorf("handing back message %d: %w", d.Seq, err)
	}
	return false, nil
}

// Dead moves the delivery to the dead-letter stream with reason and
// removes it from the work queue.
func (d *Delivery) Dead(ctx context.Context, reason error) error {
	if err := d.q.deadLetter(ctx, d.Data, d.msg.Headers().Get(jetstream.MsgIDHeader), d.Seq, d.Delivered, reason.Error()); err != nil {
		return err
	}
	if err := d.msg.TermWithReason(truncate(reason.Error(), 200)); err != nil {
		return fmt.Errorf("ending message %d: %w", d.Seq, err)
	}
	return nil
}

func truncate(s string, n int) string {
	if len(s) <= n {
		return s
	}
	return s[:n]
}

// deadLetter publishes data to the dead-letter subject.
func (q *Queue) deadLetter(ctx context.Context, data []byte, id string, seq uint64, delivered int, reason string) error {
	m := &nats.Msg{Subject: q.cfg.DeadSubject, Data: data, Header: nats.Header{}}
	m.Header.Set(HeaderReason, truncate(strings.ReplaceAll(reason, "\n", " "), 4096))
	m.Header.Set(HeaderDelivered, strconv.Itoa(delivered))
	m.Header.Set(HeaderStreamSeq, strconv.FormatUint(seq, 10))
	opts := []jetstream.PublishOpt{jetstream.WithExpectStream(q.cfg.DeadStream)}
	if id != "" {
		opts = append(opts, jetstream.WithMsgID(id))
	}
	_, err := retry(ctx, func(ctx context.Context) (*jetstream.PubAck, error) { return q.js.PublishMsg(ctx, m, opts...) })
	if err != nil {
		return fmt.Errorf("publishing dead letter of message %d: %w", seq, err)
	}
	return nil
}

// maxDeliveriesAdvisory is the part of JetStream's advisory we read.
type maxDeliveriesAdvisory struct {
	StreamSeq  uint64 `json:"stream_seq"`
	Deliveries int    `json:"deliveries"`
}

// WatchDeadlines moves to the dead-letter stream the documents the server
// stopped delivering because MaxDeliver deliveries went unacknowledged
// (each time a worker died or stalled holding it), which no worker could
// hand back itself. Workers call it once; the subscription is a queue
// group, so each advisory is handled by one of them. It returns when the
// subscription is made; the handling runs until Close.
func (q *Queue) WatchDeadlines(log func(error)) error {
	subj := fmt.Sprintf("$JS.EVENT.ADVISORY.CONSUMER.MAX_DELIVERIES.%s.%s", q.cfg.Stream, q.cfg.Consumer)
	_, err := q.nc.QueueSubscribe(subj, "eventwire-deadlines", func(m *nats.Msg) {
		var a maxDeliveriesAdvisory
		if err := json.Unmarshal(m.Data, &a); err != nil || a.StreamSeq == 0 {
			log(fmt.Errorf("reading max-deliveries advisory: %q", truncate(string(m.Data), 200)))
			return
		}
		ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
		defer cancel()
		raw, err := q.work.GetMsg(ctx, a.StreamSeq)
		if errors.Is(err, jetstream.ErrMsgNotFound) {
			return // acknowledged late after all, or handled already
		}
		if err != nil {
			log(fmt.Errorf("reading message %d: %w", a.StreamSeq, err))
			return
		}
		reason := fmt.Sprintf("not acknowledged after %d deliveries (each worker holding it died or exceeded the ack wait of %s)", a.Deliveries, q.cfg.AckWait)
		if err := q.deadLetter(ctx, raw.Data, raw.Header.Get(jetstream.MsgIDHeader), a.StreamSeq, a.Deliveries, reason); err != nil {
			log(err)
			return
		}
		if err := q.work.DeleteMsg(ctx, a.StreamSeq); err != nil && !errors.Is(err, jetstream.ErrMsgNotFound) {
			log(fmt.Errorf("removing message %d: %w", a.StreamSeq, err))
		}
	})
	if err != nil {
		return fmt.Errorf("subscribing to max-deliveries advisories: %w", err)
	}
	return nil
}

// DeadLetter is one document given up.
type DeadLetter struct {
	Seq       uint64 // in the dead-letter stream
	WorkSeq   uint64 // in the work stream
	Delivered int
	Reason    string
	Data      []byte
}

// DeadLetters calls fn for each dead letter, oldest first.
func (q *Queue) DeadLetters(ctx context.Context, fn func(DeadLetter) error) error {
	info, err := q.dead.Info(ctx)
	if err != nil {
		return fmt.Errorf("reading stream %s: %w", q.cfg.DeadStream, err)
	}
	for seq := info.State.FirstSeq; seq > 0 && seq <= info.State.LastSeq; seq++ {
		m, err := q.dead.GetMsg(ctx, seq)
		if errors.Is(err, jetstream.ErrMsgNotFound) {
			continue
		}
		if err != nil {
			return fmt.Errorf("reading dead letter %d: %w", seq, err)
		}
		dl := DeadLetter{Seq: seq, Reason: m.Header.Get(HeaderReason), Data: m.Data}
		dl.Delivered, _ = strconv.Atoi(m.Header.Get(HeaderDelivered))
		dl.WorkSeq, _ = strconv.ParseUint(m.Header.Get(HeaderStreamSeq), 10, 64)
		if err := fn(dl); err != nil {
			return err
		}
	}
	return nil
}

// Status is the state of the work queue.
type Status struct {
	Published   uint64 `json:"published"`   // messages ever stored in the work stream
	Waiting     uint64 `json:"waiting"`     // not yet delivered (or handed back and due again)
	InFlight    int    `json:"in_flight"`   // delivered, not yet acknowledged
	Redelivered int    `json:"redelivered"` // of those in flight, delivered more than once
	Done        uint64 `json:"done"`        // acknowledged or given up (left the work stream)
	Dead        uint64 `json:"dead"`        // in the dead-letter stream
	// IdlePulls counts the pull requests waiting at the server (idle
	// workers); its JSON key stays "workers" for the scripts that read it.
	IdlePulls int `json:"workers"`
	// The consumer's delivery settings.
	MaxDeliver int           `json:"max_deliver"`
	AckWait    time.Duration `json:"ack_wait_ns"`
}

// Status reads the streams' and the consumer's state.
func (q *Queue) Status(ctx context.Context) (Status, error) {
	wi, err := q.work.Info(ctx)
	if err != nil {
		return Status{}, fmt.Errorf("reading stream %s: %w", q.cfg.Stream, err)
	}
	ci, err := q.cons.Info(ctx)
	if err != nil {
		return Status{}, fmt.Errorf("reading consumer %s: %w", q.cfg.Consumer, err)
	}
	di, err := q.dead.Info(ctx)
	if err != nil {
		return Status{}, fmt.Errorf("reading stream %s: %w", q.cfg.DeadStream, err)
	}
	s := Status{
		Published:   wi.State.LastSeq,
		Waiting:     ci.NumPending,
		InFlight:    ci.NumAckPending,
		Redelivered: ci.NumRedelivered,
		Dead:        di.State.Msgs,
		IdlePulls:   ci.NumWaiting,
		MaxDeliver:  ci.Config.MaxDeliver,
		AckWait:     ci.Config.AckWait,
	}
	if wi.State.LastSeq >= wi.State.Msgs {
		s.Done = wi.State.LastSeq - wi.State.Msgs
	}
	return s, nil
}

// String is the one-line status.
func (s Status) String() string {
	return fmt.Sprintf("queue: %d published, %d waiting, %d in flight (%d redelivered), %d done, %d dead",
		s.Published, s.Waiting, s.InFlight, s.Redelivered, s.Done, s.Dead)
}
