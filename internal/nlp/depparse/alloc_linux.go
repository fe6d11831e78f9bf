//go:build linux

package depparse

import (
	"runtime"
	"syscall"
	"unsafe"
)

// allocTable returns n zeroed values of T, which must hold no pointers. On
// Linux a large table is
// mapped outside the Go heap with transparent huge pages requested: lookups
// are random accesses over tens of megabytes, and with 4 KiB pages nearly
// every one also misses the TLB (and costs a nested page walk in a virtual
// machine). The mapping is released when the model is garbage collected.
func allocTable[T slot | tslot | weight](m *Model, n int) []T {
	var zero T
	size := n * int(unsafe.Sizeof(zero))
	if size < 4<<20 {
		return make([]T, n)
	}
	const huge = 2 << 20
	size = (size + huge - 1) &^ (huge - 1)
	mem, err := syscall.Mmap(-1, 0, size, syscall.PROT_READ|syscall.PROT_WRITE, syscall.MAP_PRIVATE|syscall.MAP_ANON)
	if err != nil {
		return make([]T, n)
	}
	_ = syscall.Madvise(mem, 14) // MADV_HUGEPAGE; a refusal only costs speed
	runtime.AddCleanup(m, func(b []byte) { syscall.Munmap(b) }, mem)
	return unsafe.Slice((*T)(unsafe.Pointer(&mem[0])), n)
}
