package bench

import (
	"math/bits"
	"time"
)

// Histogram records latencies in fixed log-linear buckets, HDR style: exact
// below 64 µs, then 64 buckets per power of two (≤1.6% error), up to about
// 19 hours. Recording is an array increment, so each load-generator
// goroutine keeps its own and they are merged at the end without locks.
type Histogram struct {
	counts [histBuckets]uint64
	n      uint64
	max    uint64 // µs
}

const (
	histSubBits = 6
	histSub     = 1 << histSubBits
	histBuckets = histSub * 32
)

func histBucket(us uint64) int {
	if us < histSub {
		return int(us)
	}
	shift := bits.Len64(us) - 1 - histSubBits
	i := histSub + shift*histSub + int(us>>shift) - histSub
	return min(i, histBuckets-1)
}

// histValue is the middle of bucket i, in µs.
func histValue(i int) float64 {
	if i < histSub {
		return float64(i)
	}
	shift := (i - histSub) / histSub
	low := uint64(histSub+(i-histSub)%histSub) << shift
	return float64(low) + float64(uint64(1)<<shift)/2
}

// Record adds one latency.
func (h *Histogram) Record(d time.Duration) {
	us := uint64(max(d, 0) / time.Microsecond)
	h.counts[histBucket(us)]++
	h.n++
	h.max = max(h.max, us)
}

// Merge adds every latency of o.
func (h *Histogram) Merge(o *Histogram) {
	for i, c := range o.counts {
		h.counts[i] += c
	}
	h.n += o.n
	h.max = max(h.max, o.max)
}

// Count returns how many latencies were recorded.
func (h *Histogram) Count() uint64 { return h.n }

// QuantileMs returns the q-quantile (0 < q ≤ 1) in milliseconds, 0 when
// empty. The top quantile is the exact maximum rather than a bucket middle.
func (h *Histogram) QuantileMs(q float64) float64 {
	if h.n == 0 {
		return 0
	}
	rank := uint64(q*float64(h.n) + 0.999999)
	rank = min(max(rank, 1), h.n)
	if rank == h.n {
		return float64(h.max) / 1000
	}
	var seen uint64
	for i, c := range h.counts {
		seen += c
		if seen >= rank {
			return min(histValue(i), float64(h.max)) / 1000
		}
	}
	return float64(h.max) / 1000
}
