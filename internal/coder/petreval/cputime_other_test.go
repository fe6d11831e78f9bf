//go:build !linux

package petreval

import "time"

var epoch = time.Now()

// threadCPU falls back to wall-clock time where a thread's CPU time is not
// available.
func threadCPU() time.Duration { return time.Since(epoch) }
