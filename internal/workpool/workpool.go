// Package workpool runs a per-item function on all cores and hands the results
// back in input order, streaming: a bounded number of items are in flight, so
// a corpus is never held in memory.
package workpool

import (
	"runtime"
	"sync"
)

// Ordered reads items from next until it returns false, processes them with n
// workers (runtime.NumCPU() when n <= 0) and calls emit with each result in
// the order the items were read. newWorker is called once per worker goroutine
// and returns that worker's process function, so per-worker scratch state
// needs no locking.
//
// next is called from a single goroutine (not necessarily the caller's), emit
// only from the calling goroutine. If emit returns an error, Ordered stops
// reading, waits for the items in flight and returns that error. At most 4*n
// items are in flight at any time.
func Ordered[In, Out any](n int, next func() (In, bool), newWorker func() func(In) Out, emit func(Out) error) error {
	if n <= 0 {
		n = runtime.NumCPU()
	}
	type job struct {
		seq int
		in  In
	}
	type result struct {
		seq int
		out Out
	}
	window := 4 * n
	slots := make(chan struct{}, window) // one token per item in flight
	stop := make(chan struct{})
	jobs := make(chan job, n)
	results := make(chan result, window)

	go func() { // feeder
		defer close(jobs)
		for seq := 0; ; seq++ {
			select {
			case <-stop: // stop wins over a free slot: select picks at random among ready cases
				return
			default:
			}
			select {
			case slots <- struct{}{}:
			case <-stop:
				return
			}
			in, ok := next()
			if !ok {
				<-slots
				return
			}
			jobs <- job{seq, in}
		}
	}()
	var wg sync.WaitGroup
	for i := 0; i < n; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			process := newWorker()
			for j := range jobs {
				results <- result{j.seq, process(j.in)}
			}
		}()
	}
	go func() { wg.Wait(); close(results) }()

	pending := make(map[int]Out, window)
	emitted := 0
	var err error
	for r := range results {
		pending[r.seq] = r.out
		for {
			out, ok := pending[emitted]
			if !ok {
				break
			}
			delete(pending, emitted)
			emitted++
			<-slots
			if err == nil {
				if err = emit(out); err != nil {
					close(stop)
				}
			}
		}
	}
	return err
}
