package main

import (
	"fmt"
	"os"
	"runtime/pprof"
	"time"

	"github.com/eventwire/eventwire/internal/ingest"
)

// parseDateFlag reads the YYYY-MM-DD value of flag name; "" is the zero
// time.
func parseDateFlag(name, value string) (time.Time, error) {
	if value == "" {
		return time.Time{}, nil
	}
	t, err := time.Parse(ingest.DateLayout, value)
	if err != nil {
		return time.Time{}, fmt.Errorf("%w: --%s: want YYYY-MM-DD, not %q", errUsage, name, value)
	}
	return t, nil
}

// startCPUProfile starts writing a CPU profile to path (nothing when path
// is empty); the returned function stops it and closes the file.
func startCPUProfile(path string) (stop func(), err error) {
	if path == "" {
		return func() {}, nil
	}
	f, err := os.Create(path)
	if err != nil {
		return nil, fmt.Errorf("creating CPU profile: %w", err)
	}
	if err := pprof.StartCPUProfile(f); err != nil {
		f.Close()
		return nil, fmt.Errorf("starting CPU profile: %w", err)
	}
	return func() { pprof.StopCPUProfile(); f.Close() }, nil
}
