//go:build !linux

package main

import "time"

var epoch = time.Now()

// threadCPU falls back to wall-clock time.
func threadCPU() time.Duration { return time.Since(epoch) }
