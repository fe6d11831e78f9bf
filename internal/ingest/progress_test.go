package ingest

import (
	"bytes"
	"io"
	"strings"
	"testing"
	"time"
)

func TestProgressLine(t *testing.T) {
	tests := []struct {
		done, total int
		elapsed     time.Duration
		note, want  string
	}{
		{0, 0, 0, "", "0 documents, 0.0/s"},
		{30, 0, 10 * time.Second, "3 new", "30 documents, 3.0/s | 3 new"},
		{0, 100, time.Second, "", "[>                       ]   0% 0/100 documents, 0.0/s"},
		{50, 100, 10 * time.Second, "", "[============>           ]  50% 50/100 documents, 5.0/s, ETA 10s"},
		{100, 100, 20 * time.Second, "x", "[========================] 100% 100/100 documents, 5.0/s | x"},
		{120, 100, 20 * time.Second, "", "[========================] 100% 120/120 documents, 6.0/s"},
		{1, 3, time.Hour, "", "[========>               ]  33% 1/3 documents, 0.0/s, ETA 2h0m0s"},
	}
	for _, tt := range tests {
		if got := ProgressLine(tt.done, tt.total, tt.elapsed, tt.note); got != tt.want {
			t.Errorf("ProgressLine(%d, %d, %s, %q) =\n%q, want\n%q", tt.done, tt.total, tt.elapsed, tt.note, got, tt.want)
		}
	}
}

func TestProgressDraws(t *testing.T) {
	var out bytes.Buffer
	n := 0
	p := NewProgress(&out, 2, func() int { return n })
	p.AddTotal(2)
	n = 3
	p.SetNote("3 new")
	p.draw(time.Now())
	io.WriteString(p.Above(&out), "skipped x\n")
	p.Stop()
	s := out.String()
	if !strings.Contains(s, "\r\x1b[Kskipped x\n\r[") {
		t.Errorf("log line not written on a cleared line above the bar: %q", s)
	}
	if !strings.HasPrefix(s, "\r[") || !strings.Contains(s, "3/4 documents") || !strings.Contains(s, "| 3 new") || !strings.HasSuffix(s, "\n") {
		t.Errorf("drawn %q", s)
	}
}
