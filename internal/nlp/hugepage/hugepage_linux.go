//go:build linux

package hugepage

import (
	"runtime"
	"syscall"
	"unsafe"
)

const (
	madvHugepage = 14      // MADV_HUGEPAGE
	hugeSize     = 2 << 20 // the size of a transparent huge page on amd64 and arm64
)

// Alloc returns n zeroed values of T outside the Go heap, mapped with
// transparent huge pages requested, or on the heap for small tables and
// when mapping fails.
func Alloc[T any, O any](owner *O, n int) []T {
	var zero T
	size := n * int(unsafe.Sizeof(zero))
	if size < hugeSize {
		return make([]T, n)
	}
	// map a huge page more and start at a huge-page boundary, so that the
	// whole table lies on huge pages whatever address the kernel chooses
	size = (size+hugeSize-1)&^(hugeSize-1) + hugeSize
	mem, err := syscall.Mmap(-1, 0, size, syscall.PROT_READ|syscall.PROT_WRITE, syscall.MAP_PRIVATE|syscall.MAP_ANON)
	if err != nil {
		return make([]T, n)
	}
	off := int(-uintptr(unsafe.Pointer(&mem[0])) & (hugeSize - 1))
	_ = syscall.Madvise(mem[off:], madvHugepage) // a refusal only costs speed
	runtime.AddCleanup(owner, func(b []byte) { _ = syscall.Munmap(b) }, mem)
	return unsafe.Slice((*T)(unsafe.Pointer(&mem[off])), n)
}
