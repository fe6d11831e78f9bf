//go:build !linux

package depparse

// allocTable returns n zeroed values of T.
func allocTable[T slot | tslot | weight](m *Model, n int) []T { return make([]T, n) }
