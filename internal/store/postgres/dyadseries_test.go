package postgres

import (
	"fmt"
	"testing"

	"github.com/eventwire/eventwire/internal/store/writeplan"
)

// TestSeriesAdd checks the cumulative month series: a first month, a later
// one (the months between repeat the sums), an earlier one (zeros before),
// and a change of an inner month, which moves every sum after it.
func TestSeriesAdd(t *testing.T) {
	var s series
	steps := []struct {
		month int64
		d     writeplan.Sums
		want  string
	}{
		{100, writeplan.Sums{Events: 2, Mentions: 3, Goldstein: -4}, "100 [2] [3] [-4]"},
		{103, writeplan.Sums{Events: 1, Mentions: 1, Goldstein: 1.5}, "100 [2 2 2 3] [3 3 3 4] [-4 -4 -4 -2.5]"},
		{98, writeplan.Sums{Events: 1, Mentions: 2, Goldstein: 2}, "98 [1 1 3 3 3 4] [2 2 5 5 5 6] [2 2 -2 -2 -2 -0.5]"},
		{101, writeplan.Sums{Events: -1, Mentions: 1, Goldstein: 0.5}, "98 [1 1 3 2 2 3] [2 2 5 6 6 7] [2 2 -2 -1.5 -1.5 0]"},
	}
	for _, st := range steps {
		s.add(st.month, st.d)
		if got := fmt.Sprint(s.first, " ", s.events, " ", s.mentions, " ", s.goldstein); got != st.want {
			t.Errorf("after adding %+v to month %d: %s, want %s", st.d, st.month, got, st.want)
		}
	}
	if got := arrayLiteral(s.goldstein); got != "{2,2,-2,-1.5,-1.5,0}" {
		t.Errorf("array literal %s", got)
	}
}
