package similarity

import "slices"

// index is an inverted index from fingerprint to works, kept only for
// fingerprints shared by 2..MaxDocFreq works (a fingerprint in one work
// cannot make a pair). For the pair scan each work keeps, per fingerprint,
// the place of its own entry in postings: the later works sharing that
// fingerprint follow it, so every pair is counted once, from its first work.
type index struct {
	postings []uint32 // work numbers, grouped by fingerprint, ascending within a group
	refStart []uint32 // refs[refStart[d]:refStart[d+1]] belong to work d
	refs     []postingRef
}

type postingRef struct{ pos, end uint32 } // postings[pos] is the work; the group ends at end

// buildIndex groups equal fingerprints, one bucket at a time. A bucket's
// entries pack 32 bits of the fingerprint (the 32 above the bucket bits:
// 38 bits in all) above the work number into one uint64, so they sort
// as plain integers. Two different fingerprints agreeing on 38 bits only add
// a candidate, which the exact verification then judges; they cannot hide a
// pair.
func buildIndex(fps *fingerprints, opt Options, stats *Stats) *index {
	works := len(fps.perWork)
	// Each bucket yields its own groups; they are concatenated afterwards.
	type bucketGroups struct {
		postings []uint32
		ends     []uint32 // end of each group within postings
		common   int
	}
	groups := make([]bucketGroups, buckets)
	parallel(buckets, opt.Workers, func() func(b int) {
		var part []uint64
		return func(b int) {
			part = part[:0]
			for d := range works {
				for _, h := range fps.bucket(d, b) {
					part = append(part, uint64(uint32(h>>bucketBits))<<32|uint64(d))
				}
			}
			slices.Sort(part)
			g := &groups[b]
			for i := 0; i < len(part); {
				key := part[i] >> 32
				j := i
				start := len(g.postings)
				for ; j < len(part) && part[j]>>32 == key; j++ {
					d := uint32(part[j])
					if len(g.postings) == start || g.postings[len(g.postings)-1] != d {
						g.postings = append(g.postings, d)
					}
				}
				switch df := len(g.postings) - start; {
				case df > opt.MaxDocFreq:
					g.common++
					g.postings = g.postings[:start]
				case df < 2:
					g.postings = g.postings[:start]
				default:
					g.ends = append(g.ends, uint32(len(g.postings)))
				}
				i = j
			}
		}
	})
	fps.perWork = nil // the groups hold what is needed now

	// Concatenate the buckets, then give each work the places of its entries.
	idx := &index{refStart: make([]uint32, works+1)}
	var ends []uint32
	for _, g := range groups {
		base := uint32(len(idx.postings))
		idx.postings = append(idx.postings, g.postings...)
		for _, e := range g.ends {
			ends = append(ends, base+e)
		}
		stats.CommonPhrases += g.common
	}
	stats.Linking = len(idx.postings)
	for _, d := range idx.postings {
		idx.refStart[d+1]++
	}
	for d := range works {
		idx.refStart[d+1] += idx.refStart[d]
	}
	idx.refs = make([]postingRef, len(idx.postings))
	cursor := slices.Clone(idx.refStart[:works])
	start := uint32(0)
	for _, end := range ends {
		for p := start; p < end; p++ {
			d := idx.postings[p]
			idx.refs[cursor[d]] = postingRef{pos: p, end: end}
			cursor[d]++
		}
		start = end
	}
	return idx
}
