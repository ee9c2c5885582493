package similarity

import (
	"math"
	"sync"
)

// recallSigmas is how far below its expected value the sampled shared count
// of a pair sitting exactly at the threshold may fall before the pair is no
// longer verified. The sampled count is close to binomial, so 4 standard
// deviations lose such a pair about 3 times in 100,000, and pairs above the
// threshold (every real copy) even less often; the price is a few more exact
// verifications of pairs below it.
const recallSigmas = 4

// commonSlack is the share of a pair's shared shingles that may be common
// phrases (left out of the index by MaxDocFreq) without costing recall. It
// matters when sampling is light: with Sample 1 the count has no noise to
// absorb the loss.
const commonSlack = 0.1

// minSampledShared is the smallest sampled shared count worth verifying for
// a pair that is flagged from needShared true shared shingles on.
func minSampledShared(needShared float64, sample int) float64 {
	expected := needShared / float64(sample)
	sd := math.Sqrt(expected * (1 - 1/float64(sample)))
	return max(1, min(expected-recallSigmas*sd, (1-commonSlack)*expected))
}

// scanPairs counts, for each work a, the fingerprints it shares with every
// later work b (a dense counter array per goroutine: no map, no pair list
// held in memory), then verifies the promising pairs exactly on their full
// shingle sets, recomputed from the texts: a's into a hash set once, then
// b's shingles probed against it. Recomputing costs a little CPU per
// candidate but spares holding every work's shingle set (8 bytes per word
// of the whole corpus) for the few works that turn out to need it.
func scanPairs(docs []Doc, sizes []int32, thresholds []float64, idx *index, opt Options, stats *Stats) []Pair {
	var mu sync.Mutex
	var pairs []Pair
	parallel(len(docs), opt.Workers, func() func(a int) {
		counts := make([]uint32, len(docs))
		var touched, candidates []uint32
		shA, shB := newShingler(opt.Shingle), newShingler(opt.Shingle)
		var setA hashSet
		return func(a int) {
			touched = touched[:0]
			for _, r := range idx.refs[idx.refStart[a]:idx.refStart[a+1]] {
				for _, b := range idx.postings[r.pos+1 : r.end] {
					if counts[b] == 0 {
						touched = append(touched, b)
					}
					counts[b]++
				}
			}
			candidates = candidates[:0]
			for _, b := range touched {
				need := min(thresholds[a]*float64(sizes[a]), thresholds[b]*float64(sizes[b]))
				if float64(counts[b]) >= minSampledShared(need, opt.Sample) {
					candidates = append(candidates, b)
				}
				counts[b] = 0
			}
			if len(candidates) == 0 {
				return
			}
			seqA := shA.sequence(docs[a].Text)
			setA.reset(len(seqA))
			for _, h := range seqA {
				setA.add(h)
			}
			var found []Pair
			for _, b := range candidates {
				setA.nextRound()
				shared := 0
				for _, h := range shB.sequence(docs[b].Text) {
					if setA.match(h) {
						shared++
					}
				}
				if p, ok := judge(docs, sizes, thresholds, a, int(b), shared); ok {
					found = append(found, p)
				}
			}
			mu.Lock()
			stats.Candidates += len(candidates)
			pairs = append(pairs, found...)
			mu.Unlock()
		}
	})
	return pairs
}

// judge applies the flagging rule of Find to an exactly counted pair.
func judge(docs []Doc, sizes []int32, thresholds []float64, a, b, shared int) (Pair, bool) {
	if shared == 0 {
		return Pair{}, false
	}
	oa := float64(shared) / float64(sizes[a])
	ob := float64(shared) / float64(sizes[b])
	if oa <= thresholds[a] && ob <= thresholds[b] {
		return Pair{}, false
	}
	return Pair{A: docs[a].ID, B: docs[b].ID, Shared: shared, OverlapA: oa, OverlapB: ob, Overlap: max(oa, ob)}, true
}
