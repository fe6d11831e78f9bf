package depparse

// The transition system is arc-hybrid (Kuhlmann, Gómez-Rodríguez and Satta
// 2011) with the artificial root at the bottom of the stack:
//
//	SHIFT     move the front of the buffer b0 onto the stack
//	LEFT(l)   make s0 a dependent of b0 with label l and pop it
//	RIGHT(l)  make s0 a dependent of s1 with label l and pop it
//
// RIGHT with s1 = root is allowed only once the buffer is empty, and then only
// with the label "root"; no other transition may use that label. Every
// terminal configuration is therefore a tree with exactly one root word.
//
// The model scores the three transitions (classes 0, 1, 2) and, when LEFT
// or RIGHT is chosen, the label of the arc it makes (classes 3+l).

const (
	opShift = iota
	opLeft
	opRight
)

// state is a parser configuration over words 1..n (0 is the root). Its slices
// are reused between sentences.
type state struct {
	n     int32
	stack []int32
	b     int32 // front of the buffer; the buffer is empty when b > n

	head  []int32 // -1 until attached
	label []uint8
	// leftmost and second leftmost, rightmost and second rightmost children,
	// -1 when absent; left and right valency; bit sets of child labels.
	lc1, lc2, rc1, rc2 []int32
	nl, nr             []uint8
	lset, rset         []uint64
}

func growInt32(s []int32, n int) []int32 {
	if cap(s) < n {
		return make([]int32, n, n+n/2)
	}
	return s[:n]
}

func growUint8(s []uint8, n int) []uint8 {
	if cap(s) < n {
		return make([]uint8, n, n+n/2)
	}
	return s[:n]
}

func growUint64(s []uint64, n int) []uint64 {
	if cap(s) < n {
		return make([]uint64, n, n+n/2)
	}
	return s[:n]
}

// reset prepares the initial configuration for a sentence of n words.
func (st *state) reset(n int) {
	st.n = int32(n)
	st.stack = append(st.stack[:0], 0)
	st.b = 1
	m := n + 1
	st.head = growInt32(st.head, m)
	st.label = growUint8(st.label, m)
	st.lc1 = growInt32(st.lc1, m)
	st.lc2 = growInt32(st.lc2, m)
	st.rc1 = growInt32(st.rc1, m)
	st.rc2 = growInt32(st.rc2, m)
	st.nl = growUint8(st.nl, m)
	st.nr = growUint8(st.nr, m)
	st.lset = growUint64(st.lset, m)
	st.rset = growUint64(st.rset, m)
	for i := 0; i < m; i++ {
		st.head[i] = -1
		st.label[i] = 0
		st.lc1[i], st.lc2[i], st.rc1[i], st.rc2[i] = -1, -1, -1, -1
		st.nl[i], st.nr[i] = 0, 0
		st.lset[i], st.rset[i] = 0, 0
	}
}

func (st *state) terminal() bool { return st.b > st.n && len(st.stack) == 1 }

// s returns the i-th item from the top of the stack, or -1.
func (st *state) s(i int) int32 {
	if i >= len(st.stack) {
		return -1
	}
	return st.stack[len(st.stack)-1-i]
}

// buf returns the i-th item of the buffer, or -1.
func (st *state) buf(i int32) int32 {
	if st.b+i > st.n {
		return -1
	}
	return st.b + i
}

// canDo reports whether the unlabelled transition op is allowed.
func (st *state) canDo(op int) bool {
	switch op {
	case opShift:
		return st.b <= st.n
	case opLeft:
		return len(st.stack) >= 2 && st.b <= st.n
	default: // opRight
		if len(st.stack) < 2 {
			return false
		}
		return len(st.stack) > 2 || st.b > st.n
	}
}

// only returns the transition when it is the only one allowed (SHIFT when
// the stack holds the root alone, RIGHT when the buffer is empty), else -1:
// bestOp would choose it whatever the scores, so Parse does not score them.
func (st *state) only() int {
	switch {
	case len(st.stack) == 1 && st.b <= st.n:
		return opShift
	case len(st.stack) >= 2 && st.b > st.n:
		return opRight
	}
	return -1
}

// rightToRoot reports whether RIGHT would attach s0 to the root.
func (st *state) rightToRoot() bool { return len(st.stack) == 2 }

// attach records the arc h → d with label l.
func (st *state) attach(h, d int32, l uint8) {
	st.head[d] = h
	st.label[d] = l
	bit := uint64(1) << (l & 63)
	if d < h {
		// LEFT attaches ever further-left dependents of h.
		st.lc2[h] = st.lc1[h]
		st.lc1[h] = d
		if st.nl[h] < 255 {
			st.nl[h]++
		}
		st.lset[h] |= bit
	} else {
		// RIGHT attaches ever further-right dependents of h.
		st.rc2[h] = st.rc1[h]
		st.rc1[h] = d
		if st.nr[h] < 255 {
			st.nr[h]++
		}
		st.rset[h] |= bit
	}
}

// apply performs transition op with label l; it must be allowed.
func (st *state) apply(op int, l uint8) {
	switch op {
	case opShift:
		st.stack = append(st.stack, st.b)
		st.b++
	case opLeft:
		s0 := st.stack[len(st.stack)-1]
		st.stack = st.stack[:len(st.stack)-1]
		st.attach(st.b, s0, l)
	default:
		s0 := st.stack[len(st.stack)-1]
		s1 := st.stack[len(st.stack)-2]
		st.stack = st.stack[:len(st.stack)-1]
		st.attach(s1, s0, l)
	}
}

// costs computes the dynamic-oracle cost (Goldberg and Nivre 2013) of the
// three unlabelled transitions against a projective gold tree: the number of
// gold arcs that become unreachable. gold[d] is the gold head of word d
// (gold[0] is unused). A disallowed transition gets cost -1.
func (st *state) costs(gold []int32) (shift, left, right int) {
	shift, left, right = -1, -1, -1
	s0, s1 := st.s(0), st.s(1)
	b0 := st.buf(0)
	if st.canDo(opShift) {
		// b0 loses a head deeper in the stack than s0 and every dependent
		// still on the stack.
		c := 0
		for _, k := range st.stack {
			if k != s0 && gold[b0] == k {
				c++
			}
			if k != 0 && gold[k] == b0 {
				c++
			}
		}
		shift = c
	}
	if len(st.stack) >= 2 {
		// Dependents of s0 still in the buffer are lost by either reduction.
		deps := 0
		for k := st.b; k <= st.n; k++ {
			if gold[k] == s0 {
				deps++
			}
		}
		h := gold[s0]
		if st.canDo(opLeft) {
			c := deps
			if h != b0 && (h == s1 || h > b0) {
				c++
			}
			left = c
		}
		if st.canDo(opRight) {
			c := deps
			if h >= st.b {
				c++
			}
			right = c
		}
	}
	return shift, left, right
}
