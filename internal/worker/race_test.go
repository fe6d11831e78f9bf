//go:build race

package worker_test

// raceEnabled is true in a test binary built with -race, whose re-executed
// worker processes analyse several times slower.
const raceEnabled = true
