package hugepage

import (
	"runtime"
	"slices"
	"testing"
	"unsafe"
)

func TestCopy(t *testing.T) {
	type owner struct{ x int }
	for _, n := range []int{0, 1, 1000, 3 << 20 / 8, 5<<20/8 + 3} {
		src := make([]uint64, n)
		for i := range src {
			src[i] = uint64(i)*0x9e3779b97f4a7c15 + 1
		}
		o := &owner{}
		dst := Copy(o, src)
		if !slices.Equal(dst, src) {
			t.Fatalf("%d values: copy differs", n)
		}
		if n > 0 && &dst[0] == &src[0] {
			t.Fatalf("%d values: not a copy", n)
		}
		if big := n*8 >= hugeSize; big && runtime.GOOS == "linux" && uintptr(unsafe.Pointer(&dst[0]))%hugeSize != 0 {
			t.Errorf("%d values: copy at %p, not on a huge-page boundary", n, &dst[0])
		}
		runtime.KeepAlive(o)
	}
}
