package bench

import (
	"math"
	"math/rand/v2"
	"slices"
	"testing"
	"time"
)

func TestHistogramQuantilesWithinBucketError(t *testing.T) {
	cases := []struct {
		name string
		gen  func(r *rand.Rand) time.Duration
	}{
		{"sub-64µs exact range", func(r *rand.Rand) time.Duration { return time.Duration(r.IntN(64)) * time.Microsecond }},
		{"uniform 1–10 ms", func(r *rand.Rand) time.Duration {
			return time.Millisecond + time.Duration(r.Int64N(int64(9*time.Millisecond)))
		}},
		{"long tail 100 µs – 2 s", func(r *rand.Rand) time.Duration {
			return time.Duration(100e3 * math.Exp(r.Float64()*math.Log(2e4)))
		}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			r := rand.New(rand.NewPCG(1, 2))
			h := &Histogram{}
			var exact []float64
			for range 20_000 {
				d := tc.gen(r)
				h.Record(d)
				exact = append(exact, float64(d/time.Microsecond)/1000)
			}
			slices.Sort(exact)
			for _, q := range []float64{.5, .95, .99, 1} {
				want := exact[int(math.Ceil(q*float64(len(exact))))-1]
				got := h.QuantileMs(q)
				// 1.6% bucket width, plus 1 µs of truncation.
				if math.Abs(got-want) > want*0.017+0.001 {
					t.Errorf("q%.2f = %.4f ms, exact %.4f ms", q, got, want)
				}
			}
			if h.Count() != 20_000 {
				t.Errorf("count %d", h.Count())
			}
		})
	}
}

func TestHistogramMergeEqualsOneRecorder(t *testing.T) {
	a, b, all := &Histogram{}, &Histogram{}, &Histogram{}
	for i := range 1000 {
		d := time.Duration(i*i) * time.Microsecond
		all.Record(d)
		if i%3 == 0 {
			a.Record(d)
		} else {
			b.Record(d)
		}
	}
	a.Merge(b)
	if *a != *all {
		t.Fatalf("merged histogram differs: p50 %.3f vs %.3f, max %d vs %d", a.QuantileMs(.5), all.QuantileMs(.5), a.max, all.max)
	}
}

func TestHistogramEmptyAndHuge(t *testing.T) {
	h := &Histogram{}
	if got := h.QuantileMs(.99); got != 0 {
		t.Fatalf("empty p99 = %v", got)
	}
	h.Record(100 * time.Hour) // beyond the last bucket: clamped, max exact
	h.Record(time.Millisecond)
	if got := h.QuantileMs(1); got != float64(100*time.Hour/time.Microsecond)/1000 {
		t.Fatalf("max = %v", got)
	}
	if got := h.QuantileMs(.5); math.Abs(got-1) > 0.02 {
		t.Fatalf("p50 = %v, want ≈1 ms", got)
	}
}
