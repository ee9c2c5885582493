package similarity

// shingler turns a text into the hashes of its shingles (every run of k
// consecutive words). It reuses its buffers between texts, so each worker
// owns one and the hot loop allocates nothing.
type shingler struct {
	k      int
	tokens []token
	hashes []uint64
}

func newShingler(k int) *shingler { return &shingler{k: k} }

// sequence tokenizes text and returns the hash of the shingle starting at
// every word, in text order, duplicates kept. The result aliases the
// shingler's buffer and is valid until the next call. A text shorter than k
// words has no shingle.
func (s *shingler) sequence(text string) []uint64 {
	s.tokens = tokenize(text, s.tokens[:0])
	s.hashes = s.hashes[:0]
	for i := 0; i+s.k <= len(s.tokens); i++ {
		h := uint64(fnvOffset)
		for _, t := range s.tokens[i : i+s.k] {
			h = (h ^ t.key) * fnvPrime
		}
		// FNV's high bits depend weakly on the last word; the finalizer
		// spreads every input bit over the whole word, which both the
		// sampling (top bits) and the partitioning (low bits) rely on.
		// 0 marks an empty slot of hashSet; giving up one value of 2^64
		// costs nothing measurable.
		s.hashes = append(s.hashes, max(mix64(h), 1))
	}
	return s.hashes
}

// mix64 is the MurmurHash3 64-bit finalizer: a bijection with full avalanche.
func mix64(h uint64) uint64 {
	h ^= h >> 33
	h *= 0xff51afd7ed558ccd
	h ^= h >> 33
	h *= 0xc4ceb9fe1a85ec53
	h ^= h >> 33
	return h
}

// hashSet is an open-addressing set of shingle hashes, reused across works
// by one worker. Counting distinct shingles this way is several times faster
// than sorting them. Each entry also carries the round in which it was last
// matched, so a second work can be probed against it without counting one
// of its repeated shingles twice and without clearing anything between
// probes.
type hashSet struct {
	keys    []uint64 // 0 marks an empty slot
	matched []uint32
	round   uint32
	mask    uint64
}

// reset empties the set and sizes it for up to n values at a load of at
// most one half.
func (s *hashSet) reset(n int) {
	size := 16
	for size < 2*n {
		size *= 2
	}
	if cap(s.keys) >= size {
		s.keys, s.matched = s.keys[:size], s.matched[:size]
		clear(s.keys)
		clear(s.matched)
	} else {
		s.keys, s.matched = make([]uint64, size), make([]uint32, size)
	}
	s.mask, s.round = uint64(size-1), 0
}

// add inserts h and reports whether it was new.
func (s *hashSet) add(h uint64) bool {
	for i := h & s.mask; ; i = (i + 1) & s.mask {
		switch s.keys[i] {
		case h:
			return false
		case 0:
			s.keys[i] = h
			return true
		}
	}
}

// nextRound starts counting matches of a new work.
func (s *hashSet) nextRound() {
	s.round++
	if s.round == 0 { // wrapped after 4 billion probes: forget old marks
		clear(s.matched)
		s.round = 1
	}
}

// match reports whether h is in the set and not yet matched this round.
func (s *hashSet) match(h uint64) bool {
	for i := h & s.mask; ; i = (i + 1) & s.mask {
		switch s.keys[i] {
		case h:
			if s.matched[i] == s.round {
				return false
			}
			s.matched[i] = s.round
			return true
		case 0:
			return false
		}
	}
}
