package queue_test

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/eventwire/eventwire/internal/ingest"
	"github.com/eventwire/eventwire/internal/queue"
	"github.com/eventwire/eventwire/internal/queue/natstest"
)

func TestDecodeJob(t *testing.T) {
	tests := []struct {
		name, data, want string // want: the error's text, or "" for success
	}{
		{"ok", `{"id":"a1","origin":"f.txt","text":"Talks began.","date":"2024-05-01T00:00:00Z"}`, ""},
		{"no id", `{"origin":"f.txt","text":"Talks began."}`, `field "id"`},
		{"blank text", `{"id":"a1","text":"  "}`, `field "text"`},
		{"unknown field", `{"id":"a1","text":"x","extra":1}`, `unknown field "extra"`},
		{"not an object", `[1,2]`, "cannot unmarshal"},
		{"trailing data", `{"id":"a1","text":"x"} {}`, "data after"},
		{"bad date", `{"id":"a1","text":"x","date":"yesterday"}`, "decoding job"},
		{"empty", ``, "EOF"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			j, err := queue.DecodeJob([]byte(tt.data))
			if tt.want == "" {
				if err != nil {
					t.Fatalf("DecodeJob: %v", err)
				}
				if j.ID != "a1" || j.Text != "Talks began." || j.Date.Format("2006-01-02") != "2024-05-01" {
					t.Errorf("DecodeJob = %+v", j)
				}
				return
			}
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("DecodeJob error = %v, want one containing %q", err, tt.want)
			}
		})
	}
}

func FuzzDecodeJob(f *testing.F) {
	f.Add([]byte(`{"id":"a1","origin":"f.txt","text":"Talks began.","date":"2024-05-01T00:00:00Z"}`))
	f.Add([]byte(`{"id":"","text":""}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		j, err := queue.DecodeJob(data)
		if err != nil {
			return
		}
		if j.ID == "" || strings.TrimSpace(j.Text) == "" {
			t.Fatalf("DecodeJob accepted a job without id or text: %+v", j)
		}
		b, err := queue.EncodeJob(j)
		if err != nil {
			t.Fatalf("EncodeJob of a decoded job: %v", err)
		}
		j2, err := queue.DecodeJob(b)
		if err != nil {
			t.Fatalf("DecodeJob of an encoded job: %v", err)
		}
		if j2.ID != j.ID || j2.Text != j.Text || j2.Origin != j.Origin || !j2.Date.Equal(j.Date) {
			t.Fatalf("round trip changed the job: %+v, then %+v", j, j2)
		}
	})
}

// open starts a server and opens the queue on it with short delays.
func open(t *testing.T, cfg queue.Config) (*queue.Queue, *natstest.Cluster) {
	t.Helper()
	c := natstest.Start(t, 1)
	cfg.URL = c.URL()
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	defer cancel()
	q, err := queue.Open(ctx, cfg)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(q.Close)
	return q, c
}

func writeFeed(t *testing.T, lines ...string) string {
	p := filepath.Join(t.TempDir(), "feed.jsonl")
	if err := os.WriteFile(p, []byte(strings.Join(lines, "\n")+"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

func TestPublishPathsDuplicateWindow(t *testing.T) {
	q, _ := open(t, queue.Config{})
	ctx := context.Background()
	feed := writeFeed(t,
		`{"id":"1","text":"Armenia and Azerbaijan met in Geneva.","date":"2024-03-01"}`,
		`{"id":"2","text":"Sudan accused Russia.","url":"https://news.example/2"}`,
		`{"id":"3","text":"Armenia and Azerbaijan met in Geneva.","date":"2024-03-01"}`, // same text, no URL: same article
		`{"id":"4","text":`, // malformed
	)
	sum, err := queue.PublishWalk(ctx, q, ingest.Walk, []string{feed}, nil)
	if err != nil {
		t.Fatal(err)
	}
	if sum.Read != 3 || sum.Published != 2 || sum.Duplicate != 1 || sum.Skipped[ingest.ReasonBadLine] != 1 {
		t.Errorf("first publish: %s", sum)
	}
	sum, err = queue.PublishWalk(ctx, q, ingest.Walk, []string{feed}, nil)
	if err != nil {
		t.Fatal(err)
	}
	if sum.Published != 0 || sum.Duplicate != 3 {
		t.Errorf("re-publish: %s, want every document dropped by the duplicate window", sum)
	}
	st, err := q.Status(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if st.Published != 2 || st.Waiting != 2 || st.Done != 0 {
		t.Errorf("status after publishing: %s", st)
	}
}

func TestRetryBackoffAndDeadLetter(t *testing.T) {
	q, _ := open(t, queue.Config{MaxDeliver: 3, Backoff: []time.Duration{50 * time.Millisecond}})
	ctx := context.Background()
	if _, err := q.Publish(ctx, queue.Job{ID: "x1", Text: "A document that keeps failing."}); err != nil {
		t.Fatal(err)
	}
	var dead bool
	var deliveries []int
	for i := 0; i < 10 && !dead; i++ {
		ds, err := q.Fetch(ctx, 1, 2*time.Second)
		if err != nil {
			t.Fatal(err)
		}
		if len(ds) == 0 {
			continue
		}
		deliveries = append(deliveries, ds[0].Delivered)
		if dead, err = ds[0].Retry(ctx, errors.New("analysing: the parser gave up")); err != nil {
			t.Fatal(err)
		}
	}
	if !dead || len(deliveries) != 3 || deliveries[2] != 3 {
		t.Fatalf("deliveries %v, dead %v; want 3 deliveries, the last one given up", deliveries, dead)
	}
	var letters []queue.DeadLetter
	if err := q.DeadLetters(ctx, func(d queue.DeadLetter) error { letters = append(letters, d); return nil }); err != nil {
		t.Fatal(err)
	}
	if len(letters) != 1 || letters[0].Delivered != 3 || letters[0].Reason != "analysing: the parser gave up" {
		t.Fatalf("dead letters %+v", letters)
	}
	if j, err := queue.DecodeJob(letters[0].Data); err != nil || j.ID != "x1" {
		t.Errorf("dead letter holds %q (%v), want job x1", letters[0].Data, err)
	}
	// the given-up message leaves the work stream once the server has
	// processed its acknowledgement, which it does asynchronously
	var st queue.Status
	for deadline := time.Now().Add(10 * time.Second); time.Now().Before(deadline); time.Sleep(20 * time.Millisecond) {
		var err error
		if st, err = q.Status(ctx); err != nil {
			t.Fatal(err)
		}
		if st.Done == 1 {
			break
		}
	}
	if st.Waiting != 0 || st.InFlight != 0 || st.Done != 1 || st.Dead != 1 {
		t.Errorf("status: %s", st)
	}
}

// A delivery whose holder never answers is delivered MaxDeliver times and
// then moved to the dead letters by the watcher.
func TestWatchDeadlines(t *testing.T) {
	q, _ := open(t, queue.Config{MaxDeliver: 2, AckWait: time.Second})
	ctx := context.Background()
	if err := q.WatchDeadlines(func(err error) { t.Error(err) }); err != nil {
		t.Fatal(err)
	}
	if _, err := q.Publish(ctx, queue.Job{ID: "s1", Text: "A document whose worker stalls."}); err != nil {
		t.Fatal(err)
	}
	got := 0
	deadline := time.Now().Add(15 * time.Second)
	for time.Now().Before(deadline) {
		ds, err := q.Fetch(ctx, 1, 500*time.Millisecond)
		if err != nil {
			t.Fatal(err)
		}
		got += len(ds) // held, never acknowledged
		st, err := q.Status(ctx)
		if err != nil {
			t.Fatal(err)
		}
		if st.Dead == 1 && st.Done == 1 { // moved, then removed from the work stream
			if got != 2 {
				t.Errorf("delivered %d times, status %s; want 2 deliveries", got, st)
			}
			var reason string
			q.DeadLetters(ctx, func(d queue.DeadLetter) error { reason = d.Reason; return nil })
			if !strings.Contains(reason, "not acknowledged after 2 deliveries") {
				t.Errorf("dead letter reason %q", reason)
			}
			return
		}
	}
	t.Fatalf("no dead letter after 15s (%d deliveries)", got)
}

func TestConfigValidation(t *testing.T) {
	for _, tt := range []struct {
		cfg   queue.Config
		field string
	}{
		{queue.Config{Replicas: 7}, "Replicas"},
		{queue.Config{MaxDeliver: -1}, "MaxDeliver"},
		{queue.Config{AckWait: time.Millisecond}, "AckWait"},
		{queue.Config{Subject: "a", DeadSubject: "a"}, "DeadSubject"},
	} {
		_, err := queue.Open(context.Background(), tt.cfg)
		if err == nil || !strings.Contains(err.Error(), tt.field) {
			t.Errorf("Open(%+v) error = %v, want one naming %s", tt.cfg, err, tt.field)
		}
	}
}

// Only a worker's connection changes the consumer's delivery settings; a
// publisher or a status reader with other settings leaves them alone.
func TestConsumerSettings(t *testing.T) {
	_, c := open(t, queue.Config{MaxDeliver: 3, AckWait: 10 * time.Second, Pulls: true})
	ctx := context.Background()
	for _, tt := range []struct {
		cfg        queue.Config
		ackWait    time.Duration
		maxDeliver int
	}{
		{queue.Config{AckWait: 20 * time.Second, MaxDeliver: 7}, 10 * time.Second, 3},
		{queue.Config{AckWait: 30 * time.Second, MaxDeliver: 4, Pulls: true}, 30 * time.Second, 4},
	} {
		tt.cfg.URL = c.URL()
		q, err := queue.Open(ctx, tt.cfg)
		if err != nil {
			t.Fatal(err)
		}
		st, err := q.Status(ctx)
		q.Close()
		if err != nil {
			t.Fatal(err)
		}
		if st.AckWait != tt.ackWait || st.MaxDeliver != tt.maxDeliver {
			t.Errorf("after Open(pulls %v) the consumer has ack wait %s, max deliver %d; want %s, %d", tt.cfg.Pulls, st.AckWait, st.MaxDeliver, tt.ackWait, tt.maxDeliver)
		}
	}
}
