package ingest

import (
	"fmt"
	"io"
	"strings"
	"sync"
	"sync/atomic"
	"time"
)

// Progress draws a one-line progress bar with rate and ETA, redrawn in
// place ("\r") on a terminal. The count of documents done comes from a
// function (Walker.Handled), so the bar moves with the walk even while the
// store writes in batches; the total grows as feeds announce their items
// (AddTotal). A command creates one only when its output is a terminal.
// Its methods are safe for concurrent use.
type Progress struct {
	out   io.Writer
	start time.Time
	done  func() int
	total atomic.Int64

	mu      sync.Mutex
	note    string
	drawMu  sync.Mutex // one write to out at a time
	stop    chan struct{}
	stopped chan struct{}
}

// NewProgress returns a progress bar on out for total documents (0 when
// unknown), whose count done reports.
func NewProgress(out io.Writer, total int, done func() int) *Progress {
	p := &Progress{out: out, start: time.Now(), done: done}
	p.total.Store(int64(total))
	return p
}

// AddTotal adds n documents to the total (a feed's items discovered).
func (p *Progress) AddTotal(n int) { p.total.Add(int64(n)) }

// SetNote sets the text shown after the bar (counts of what was stored).
func (p *Progress) SetNote(s string) {
	p.mu.Lock()
	p.note = s
	p.mu.Unlock()
}

// Start redraws the bar every interval until Stop.
func (p *Progress) Start(interval time.Duration) {
	p.stop = make(chan struct{})
	p.stopped = make(chan struct{})
	go func() {
		defer close(p.stopped)
		t := time.NewTicker(interval)
		defer t.Stop()
		for {
			select {
			case <-p.stop:
				return
			case now := <-t.C:
				p.draw(now)
			}
		}
	}()
}

// Stop draws the bar a last time and ends its line.
func (p *Progress) Stop() {
	if p.stop != nil {
		close(p.stop)
		<-p.stopped
		p.stop = nil
	}
	p.draw(time.Now())
	p.drawMu.Lock()
	fmt.Fprintln(p.out)
	p.drawMu.Unlock()
}

func (p *Progress) draw(now time.Time) {
	p.mu.Lock()
	note := p.note
	p.mu.Unlock()
	p.drawMu.Lock()
	defer p.drawMu.Unlock()
	// Clear to the end of the line after the text (ANSI EL), so a
	// shorter line leaves nothing of the previous one.
	fmt.Fprintf(p.out, "\r%s\x1b[K", ProgressLine(p.done(), int(p.total.Load()), now.Sub(p.start), note))
}

// Above returns a writer for log lines (skipped inputs) that clears the
// bar's line before each write, so lines do not run into the bar; the next
// redraw puts the bar back under them.
func (p *Progress) Above(w io.Writer) io.Writer { return aboveWriter{p, w} }

type aboveWriter struct {
	p *Progress
	w io.Writer
}

func (a aboveWriter) Write(b []byte) (int, error) {
	a.p.drawMu.Lock()
	defer a.p.drawMu.Unlock()
	io.WriteString(a.w, "\r\x1b[K")
	return a.w.Write(b)
}

// barWidth is the number of cells of the bar.
const barWidth = 24

// ProgressLine renders one state: a bar and percentage when the total is
// known, the count, the rate per second, the ETA, and the note.
func ProgressLine(done, total int, elapsed time.Duration, note string) string {
	var b strings.Builder
	if total > 0 && done > total {
		total = done
	}
	rate := 0.0
	if elapsed > 0 {
		rate = float64(done) / elapsed.Seconds()
	}
	if total > 0 {
		filled := done * barWidth / total
		b.WriteByte('[')
		b.WriteString(strings.Repeat("=", filled))
		if filled < barWidth {
			b.WriteByte('>')
			b.WriteString(strings.Repeat(" ", barWidth-filled-1))
		}
		fmt.Fprintf(&b, "] %3d%% %d/%d documents", done*100/total, done, total)
	} else {
		fmt.Fprintf(&b, "%d documents", done)
	}
	fmt.Fprintf(&b, ", %.1f/s", rate)
	if total > 0 && done < total && rate > 0 {
		eta := time.Duration(float64(total-done) / rate * float64(time.Second))
		fmt.Fprintf(&b, ", ETA %s", eta.Round(time.Second))
	}
	if note != "" {
		b.WriteString(" | ")
		b.WriteString(note)
	}
	return b.String()
}
