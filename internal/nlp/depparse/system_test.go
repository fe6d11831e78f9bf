package depparse

import (
	"fmt"
	"math"
	"slices"
	"testing"
)

// trees are small gold trees as head lists (index 0 unused, one root word).
var trees = []struct {
	name string
	head []int32
}{
	{"one word", []int32{-1, 0}},
	{"chain right", []int32{-1, 0, 1, 2, 3}},
	{"chain left", []int32{-1, 2, 3, 4, 0}},
	{"root in middle", []int32{-1, 3, 3, 0, 3, 4}},
	{"subject verb object", []int32{-1, 2, 0, 4, 2, 2}},
	{"nested", []int32{-1, 2, 5, 4, 5, 0, 5}},
	{"flat under first", []int32{-1, 0, 1, 1, 1, 1}},
	{"flat under last", []int32{-1, 5, 5, 5, 5, 0}},
}

// loss is the number of words whose head in st differs from gold, counting
// only attached words.
func loss(st *state, gold []int32) int {
	c := 0
	for d := 1; d < len(gold); d++ {
		if st.head[d] >= 0 && st.head[d] != gold[d] {
			c++
		}
	}
	return c
}

func clone(st *state) *state {
	c := *st
	c.stack = slices.Clone(st.stack)
	c.head = slices.Clone(st.head)
	c.label = slices.Clone(st.label)
	c.lc1, c.lc2 = slices.Clone(st.lc1), slices.Clone(st.lc2)
	c.rc1, c.rc2 = slices.Clone(st.rc1), slices.Clone(st.rc2)
	c.nl, c.nr = slices.Clone(st.nl), slices.Clone(st.nr)
	c.lset, c.rset = slices.Clone(st.lset), slices.Clone(st.rset)
	return &c
}

// bestLoss is the least final loss reachable from st, by exhaustive search.
func bestLoss(st *state, gold []int32) int {
	if st.terminal() {
		return loss(st, gold)
	}
	best := math.MaxInt
	for op := opShift; op <= opRight; op++ {
		if !st.canDo(op) {
			continue
		}
		c := clone(st)
		c.apply(op, 0)
		best = min(best, bestLoss(c, gold))
	}
	return best
}

// TestOracleCostsAreExact checks, in every reachable configuration of small
// projective trees, that the cost of each transition equals the increase of
// the least reachable loss it causes (the dynamic oracle is exact).
func TestOracleCostsAreExact(t *testing.T) {
	for _, tc := range trees {
		t.Run(tc.name, func(t *testing.T) {
			var st state
			st.reset(len(tc.head) - 1)
			checked := 0
			var walk func(st *state)
			walk = func(st *state) {
				if st.terminal() {
					return
				}
				base := bestLoss(st, tc.head)
				cs, cl, cr := st.costs(tc.head)
				for op, cost := range []int{cs, cl, cr} {
					if !st.canDo(op) {
						if cost != -1 {
							t.Errorf("stack %v b=%d: disallowed op %d has cost %d", st.stack, st.b, op, cost)
						}
						continue
					}
					c := clone(st)
					c.apply(op, 0)
					if want := bestLoss(c, tc.head) - base; cost != want {
						t.Errorf("stack %v b=%d heads %v: op %d cost %d, want %d", st.stack, st.b, st.head, op, cost, want)
					}
					checked++
					walk(c)
				}
			}
			walk(&st)
			if checked == 0 {
				t.Fatal("no transitions checked")
			}
		})
	}
}

// TestZeroCostPathsReachGold follows only zero-cost transitions and checks
// the result is the gold tree with one root word.
func TestZeroCostPathsReachGold(t *testing.T) {
	for _, tc := range trees {
		var st state
		st.reset(len(tc.head) - 1)
		for !st.terminal() {
			cs, cl, cr := st.costs(tc.head)
			switch {
			case cl == 0:
				st.apply(opLeft, 0)
			case cr == 0:
				st.apply(opRight, 0)
			case cs == 0:
				st.apply(opShift, 0)
			default:
				t.Fatalf("%s: no zero-cost transition at stack %v b=%d", tc.name, st.stack, st.b)
			}
		}
		if got := st.head[1:]; !slices.Equal(got, tc.head[1:]) {
			t.Errorf("%s: heads %v, want %v", tc.name, got, tc.head[1:])
		}
	}
}

// TestAnyPathIsSingleRootedTree applies every sequence of allowed
// transitions for five words and checks each result is a tree with one root.
func TestAnyPathIsSingleRootedTree(t *testing.T) {
	n := 5
	count := 0
	var walk func(st *state)
	walk = func(st *state) {
		if st.terminal() {
			count++
			roots := 0
			for d := 1; d <= n; d++ {
				if st.head[d] < 0 {
					t.Fatalf("word %d unattached: %v", d, st.head)
				}
				if st.head[d] == 0 {
					roots++
				}
			}
			if roots != 1 || !acyclic(st.head) {
				t.Fatalf("not a single-rooted tree: %v", st.head)
			}
			return
		}
		allowed, last := 0, -1
		for op := opShift; op <= opRight; op++ {
			if st.canDo(op) {
				allowed, last = allowed+1, op
				c := clone(st)
				c.apply(op, 0)
				walk(c)
			}
		}
		// only names the transition when it is the one allowed (Parse
		// then does not score), else -1
		want := -1
		if allowed == 1 {
			want = last
		}
		if st.only() != want {
			t.Fatalf("stack %v, buffer from %d: only() = %d, want %d", st.stack, st.b, st.only(), want)
		}
	}
	var st state
	st.reset(n)
	walk(&st)
	if count < 14 { // at least the Catalan number of projective shapes
		t.Errorf("only %d terminal configurations", count)
	}
}

func TestChildrenBookkeeping(t *testing.T) {
	// 1 2 3 4 5 with 3 heading 1, 2, 4, 5: the leftmost child of 3 is 1,
	// the second leftmost 2, the rightmost 5, the second rightmost 4.
	var st state
	st.reset(5)
	for _, op := range []int{opShift, opShift, opLeft, opLeft, opShift, opShift, opRight, opShift, opRight, opRight} {
		if !st.canDo(op) {
			t.Fatalf("op %d not allowed at stack %v b=%d", op, st.stack, st.b)
		}
		st.apply(op, 1)
	}
	if !st.terminal() {
		t.Fatalf("not terminal: stack %v b=%d", st.stack, st.b)
	}
	got := fmt.Sprint(st.head[1:], st.lc1[3], st.lc2[3], st.rc1[3], st.rc2[3], st.nl[3], st.nr[3])
	if want := "[3 3 0 3 3] 1 2 5 4 2 2"; got != want {
		t.Errorf("got %s, want %s", got, want)
	}
}

func TestProjectivise(t *testing.T) {
	tests := []struct {
		head  []int32
		want  []int32
		lifts int
	}{
		{[]int32{-1, 2, 0, 2}, []int32{-1, 2, 0, 2}, 0},
		// 1→5 crosses the arcs into 2: lifted to 2.
		{[]int32{-1, 2, 0, 4, 2, 1}, []int32{-1, 2, 0, 4, 2, 2}, 1},
		{[]int32{-1, 3, 0, 2, 1}, []int32{-1, 2, 0, 2, 2}, 2},
	}
	for _, tc := range tests {
		h := slices.Clone(tc.head)
		lifts := projectivise(h)
		if !slices.Equal(h, tc.want) || lifts != tc.lifts {
			t.Errorf("projectivise(%v) = %v, %d lifts; want %v, %d", tc.head, h, lifts, tc.want, tc.lifts)
		}
		for d := int32(1); d < int32(len(h)); d++ {
			if nonProjective(h, d) {
				t.Errorf("projectivise(%v): arc into %d still non-projective", tc.head, d)
			}
		}
	}
}

// TestFeatureCounts checks that extraction stays within the scratch space
// parsers allocate once (maxFeatures), so parsing never allocates.
func TestFeatureCounts(t *testing.T) {
	s := tinyTreebank(t)[4]
	var a atoms
	a.fill(s)
	var st state
	st.reset(len(s.Words))
	st.apply(opShift, 0)
	st.apply(opShift, 0)
	out := make([]uint64, 0, maxFeatures)
	if n := len(extract(&st, &a, out)); n > maxFeatures || n < 100 {
		t.Errorf("extract gives %d features, want 100..%d", n, maxFeatures)
	}
	if n := len(extractLabel(&st, &a, 2, 1, out)); n > maxFeatures || n < 30 {
		t.Errorf("extractLabel gives %d features, want 30..%d", n, maxFeatures)
	}
}
