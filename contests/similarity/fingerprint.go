package similarity

import (
	"math"
	"sync"
	"sync/atomic"
)

// buckets partition the fingerprints by their low bits (the sampling
// threshold lives in the high bits, leaving the low ones uniform), so the
// index is built one bucket at a time, in parallel, with a small buffer each.
const (
	bucketBits = 6
	buckets    = 1 << bucketBits
)

// fingerprints are every work's sampled shingles. A work's list is grouped
// by bucket so a bucket can be gathered from all works without a second,
// corpus-sized copy of the fingerprints.
type fingerprints struct {
	perWork [][]uint64
	starts  []uint32 // bucket b of work d is perWork[d][starts[d*(buckets+1)+b] : ...+1]
	total   int
}

func (f *fingerprints) bucket(work, b int) []uint64 {
	s := f.starts[work*(buckets+1):]
	return f.perWork[work][s[b]:s[b+1]]
}

// fingerprint computes, for every work, the number of its distinct shingles
// and its sampled fingerprints: the distinct shingle hashes at or below
// MaxUint64/Sample. Sampling by value (not by position) is what makes the
// samples comparable: a shingle both works contain is sampled in both or in
// neither, so the sampled intersection is a uniform 1/Sample sample of the
// true one.
func fingerprint(docs []Doc, opt Options, stats *Stats) (sizes []int32, fps *fingerprints) {
	sizes = make([]int32, len(docs))
	fps = &fingerprints{perWork: make([][]uint64, len(docs)), starts: make([]uint32, len(docs)*(buckets+1))}
	limit := math.MaxUint64 / uint64(opt.Sample)
	var distinctTotal, sampledTotal atomic.Int64
	parallel(len(docs), opt.Workers, func() func(i int) {
		sh := newShingler(opt.Shingle)
		var set hashSet
		var keep []uint64
		return func(i int) {
			seq := sh.sequence(docs[i].Text)
			set.reset(len(seq))
			keep = keep[:0]
			distinct := 0
			for _, h := range seq {
				if set.add(h) {
					distinct++
					if h <= limit {
						keep = append(keep, h)
					}
				}
			}
			sizes[i] = int32(distinct)
			distinctTotal.Add(int64(distinct))
			sampledTotal.Add(int64(len(keep)))
			fps.perWork[i] = groupByBucket(keep, fps.starts[i*(buckets+1):(i+1)*(buckets+1)])
		}
	})
	stats.Shingles = int(distinctTotal.Load())
	fps.total = int(sampledTotal.Load())
	stats.Fingerprints = fps.total
	return sizes, fps
}

// groupByBucket returns an exactly sized copy of hs grouped by bucket (a
// counting sort), recording where each bucket starts.
func groupByBucket(hs []uint64, starts []uint32) []uint64 {
	clear(starts)
	for _, h := range hs {
		starts[h%buckets+1]++
	}
	for b := range buckets {
		starts[b+1] += starts[b]
	}
	var next [buckets]uint32
	copy(next[:], starts)
	out := make([]uint64, len(hs))
	for _, h := range hs {
		out[next[h%buckets]] = h
		next[h%buckets]++
	}
	return out
}

// parallel runs job(i) for i in [0, n) on workers goroutines. Items are
// handed out in small chunks from a shared counter so uneven items (the
// first works of the pair scan see the most later works) balance out. Each
// goroutine gets its own job from newJob, where it keeps its buffers.
func parallel(n, workers int, newJob func() func(i int)) {
	const chunk = 8
	var next atomic.Int64
	var wg sync.WaitGroup
	for range max(1, min(workers, (n+chunk-1)/chunk)) {
		wg.Go(func() {
			job := newJob()
			for {
				lo := int(next.Add(chunk)) - chunk
				if lo >= n {
					return
				}
				for i := lo; i < min(lo+chunk, n); i++ {
					job(i)
				}
			}
		})
	}
	wg.Wait()
}
