//go:build !linux

package depparse

import "time"

// threadCPU is not available here; BenchmarkParse then reports wall time only.
func threadCPU() time.Duration { return 0 }
