package api

import (
	"math"
	"testing"
)

// The limit is lowered by each computation's budget over what was held
// when the first started, never raised above the limit set before, and
// put back when the last ends (released twice: once).
func TestMemoryLimiter(t *testing.T) {
	const mb = 1 << 20
	cases := []struct {
		name          string
		before        int64
		people        []int
		want          []int64 // the limit after each hold
		wantAfterLast int64
	}{
		{"no limit set: base plus the budget", math.MaxInt64, []int{500_000}, []int64{40*mb + resultsBudget(500_000)}, math.MaxInt64},
		{"two at once: both budgets", math.MaxInt64, []int{1000, 500_000},
			[]int64{40*mb + resultsBudget(1000), 40*mb + resultsBudget(1000) + resultsBudget(500_000)}, math.MaxInt64},
		{"a lower operator limit stays", 100 * mb, []int{500_000}, []int64{100 * mb}, 100 * mb},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			limit := c.before
			m := &memoryLimiter{held: func() int64 { return 40 * mb }, set: func(v int64) int64 {
				old := limit
				if v >= 0 {
					limit = v
				}
				return old
			}}
			var releases []func()
			for i, p := range c.people {
				releases = append(releases, m.hold(p))
				if limit != c.want[i] {
					t.Fatalf("after hold %d: limit %d MB, want %d MB", i, limit/mb, c.want[i]/mb)
				}
			}
			for i := len(releases) - 1; i > 0; i-- {
				releases[i]()
				releases[i]()
				if limit != c.want[i-1] {
					t.Fatalf("after release %d: limit %d MB, want %d MB", i, limit/mb, c.want[i-1]/mb)
				}
			}
			releases[0]()
			if limit != c.wantAfterLast || m.running != 0 || m.budget != 0 {
				t.Fatalf("after the last: limit %d, running %d, budget %d", limit, m.running, m.budget)
			}
		})
	}
}
