package workpool

import (
	"errors"
	"runtime"
	"sync/atomic"
	"testing"
)

func TestOrderedKeepsInputOrder(t *testing.T) {
	for _, n := range []int{1, 2, 7} {
		const total = 1000
		i := 0
		next := func() (int, bool) {
			if i == total {
				return 0, false
			}
			i++
			return i, true
		}
		var got []int
		err := Ordered(n, next, func() func(int) int {
			return func(v int) int {
				if v%7 == 0 {
					runtime.Gosched() // let later items overtake
				}
				return v * v
			}
		}, func(v int) error { got = append(got, v); return nil })
		if err != nil {
			t.Fatal(err)
		}
		if len(got) != total {
			t.Fatalf("n=%d: %d results, want %d", n, len(got), total)
		}
		for k, v := range got {
			if v != (k+1)*(k+1) {
				t.Fatalf("n=%d: result %d = %d, want %d", n, k, v, (k+1)*(k+1))
			}
		}
	}
}

func TestOrderedStopsOnEmitError(t *testing.T) {
	var read atomic.Int64
	next := func() (int, bool) { return int(read.Add(1)), true } // endless input
	boom := errors.New("boom")
	emitted := 0
	err := Ordered(3, next, func() func(int) int { return func(v int) int { return v } },
		func(int) error {
			emitted++
			if emitted == 10 {
				return boom
			}
			return nil
		})
	if !errors.Is(err, boom) {
		t.Fatalf("err = %v, want boom", err)
	}
	if emitted != 10 {
		t.Errorf("emitted %d results after the error, want 10", emitted)
	}
	if r := read.Load(); r > 10+4*3+1 {
		t.Errorf("read %d items, more than the in-flight bound allows", r)
	}
}

func TestOrderedEmptyInput(t *testing.T) {
	calls := 0
	err := Ordered(2, func() (int, bool) { return 0, false },
		func() func(int) int { return func(v int) int { return v } },
		func(int) error { calls++; return nil })
	if err != nil || calls != 0 {
		t.Fatalf("err %v, calls %d", err, calls)
	}
}
