package similarity

import (
	"cmp"
	"slices"
	"unicode/utf8"
)

// Span is a stretch of an original text. Byte offsets serve Go; the UTF-16
// ones are the unit of JavaScript string indexes (String.prototype.slice),
// so the UI highlights without converting (a Vietnamese letter is one unit,
// an emoji two).
type Span struct {
	Start, End           int // bytes, End exclusive
	UTF16Start, UTF16End int // UTF-16 code units, End exclusive
}

// Passage is a stretch of A and the stretch of B it matches, to show side by
// side. Both begin and end with a shingle the two works share; inside, gaps
// of up to one shingle length (a word changed, inserted or dropped by the
// copier) are bridged so a lightly edited copy reads as one passage.
type Passage struct {
	A, B           Span
	WordsA, WordsB int
}

// maxSeeds bounds how many places in B one shingle of A is tried at, so a
// text repeating itself cannot make the search quadratic.
const maxSeeds = 16

// Passages returns the overlapping passages of texts a and b in the order
// they appear in a, using the same words and shingles as Find. Each place of
// a is matched once, to its longest run of shared shingles in b; a passage of
// a copied twice into b shows once.
//
// Errors: CodeInvalid when opt.Shingle is out of range.
func Passages(a, b string, opt Options) ([]Passage, error) {
	if err := opt.errors().Err(); err != nil {
		return nil, err
	}
	k := cmp.Or(opt.Shingle, DefaultShingle)
	shA, shB := newShingler(k), newShingler(k)
	seqA, seqB := shA.sequence(a), shB.sequence(b)
	if len(seqA) == 0 || len(seqB) == 0 {
		return nil, nil
	}
	where := make(map[uint64][]int32, len(seqB))
	for j, h := range seqB {
		if len(where[h]) < maxSeeds {
			where[h] = append(where[h], int32(j))
		}
	}

	runs := tile(seqA, seqB, where, k)
	return render(a, b, shA.tokens, shB.tokens, mergeRuns(runs, k)), nil
}

// tile lays runs of equal shingles along a greedily: at each uncovered
// shingle the longest diagonal run, preferring one that continues the
// previous run across a small edit. When the previous run's diagonal
// resumes within k shingles, the places before it are left to the edit gap:
// otherwise a stock phrase that the edit touched, found again elsewhere in
// b, would pull a lightly edited copy apart.
func tile(seqA, seqB []uint64, where map[uint64][]int32, k int) []run {
	extend := func(i, j int) run {
		n := 1
		for i+n < len(seqA) && j+n < len(seqB) && seqA[i+n] == seqB[j+n] {
			n++
		}
		return run{a: i, b: j, n: n}
	}
	// resumes reports whether the previous run's diagonal picks up at i.
	resumes := func(prev run, i int) bool {
		for _, j := range where[seqA[i]] {
			if continues(prev, run{a: i, b: int(j), n: 1}, k) {
				return true
			}
		}
		return false
	}
	var runs []run
	for i := 0; i < len(seqA); {
		var best, continuing run
		for _, j := range where[seqA[i]] {
			r := extend(i, int(j))
			if r.n > best.n {
				best = r
			}
			if len(runs) > 0 && continues(runs[len(runs)-1], r, k) && r.n > continuing.n {
				continuing = r
			}
		}
		if best.n == 0 {
			i++
			continue
		}
		if continuing.n > 0 {
			best = continuing
		} else if len(runs) > 0 {
			skipped := false
			for ahead := i + 1; ahead <= i+k && ahead < len(seqA); ahead++ {
				if resumes(runs[len(runs)-1], ahead) {
					i, skipped = ahead, true
					break
				}
			}
			if skipped {
				continue
			}
		}
		runs = append(runs, best)
		i += best.n
	}
	return runs
}

// run is n consecutive shared shingles starting at shingle a of A and b of B.
// In words it covers A[a, a+n+k-1) and B[b, b+n+k-1).
type run struct{ a, b, n int }

// continues reports whether r starts within k shingles after prev ends, on
// nearly the same diagonal: what a word changed, added or dropped leaves.
func continues(prev, r run, k int) bool {
	gap := r.a - (prev.a + prev.n)
	drift := r.b - prev.b - (r.a - prev.a)
	return gap <= k && drift >= -k && drift <= k
}

// wordRange is a passage in word numbers, end exclusive.
type wordRange struct{ a0, a1, b0, b1 int }

// mergeRuns turns runs (ascending in A) into word ranges, joining a run to
// the previous passage when both texts continue within k words of it: the
// signature of a changed, inserted or dropped word, or of the overlapping
// tail that greedy tiling leaves between two runs.
func mergeRuns(runs []run, k int) []wordRange {
	var out []wordRange
	for _, r := range runs {
		w := wordRange{r.a, r.a + r.n + k - 1, r.b, r.b + r.n + k - 1}
		if len(out) > 0 {
			last := &out[len(out)-1]
			gapA, gapB := w.a0-last.a1, w.b0-last.b1
			if gapA >= -(k-1) && gapA <= k && gapB >= -(k-1) && gapB <= k {
				last.a1 = max(last.a1, w.a1)
				last.b1 = max(last.b1, w.b1)
				continue
			}
		}
		out = append(out, w)
	}
	return out
}

// render turns word ranges into byte and UTF-16 spans of the original texts.
func render(a, b string, tokA, tokB []token, ranges []wordRange) []Passage {
	if len(ranges) == 0 {
		return nil
	}
	out := make([]Passage, len(ranges))
	var offA, offB []int
	for i, w := range ranges {
		out[i] = Passage{
			A:      Span{Start: tokA[w.a0].start, End: tokA[w.a1-1].end},
			B:      Span{Start: tokB[w.b0].start, End: tokB[w.b1-1].end},
			WordsA: w.a1 - w.a0,
			WordsB: w.b1 - w.b0,
		}
		offA = append(offA, out[i].A.Start, out[i].A.End)
		offB = append(offB, out[i].B.Start, out[i].B.End)
	}
	unitsA, unitsB := utf16Offsets(a, offA), utf16Offsets(b, offB)
	for i := range out {
		out[i].A.UTF16Start, out[i].A.UTF16End = unitsA[2*i], unitsA[2*i+1]
		out[i].B.UTF16Start, out[i].B.UTF16End = unitsB[2*i], unitsB[2*i+1]
	}
	return out
}

// utf16Offsets converts byte offsets (each at a rune start or at len(text))
// into UTF-16 code unit offsets in one walk over text. An invalid byte counts
// as one unit: JSON encoding turns it into one U+FFFD.
func utf16Offsets(text string, byteOffs []int) []int {
	sorted := slices.Clone(byteOffs)
	slices.Sort(sorted)
	sorted = slices.Compact(sorted)
	units := make([]int, len(sorted))
	pos, n, u := 0, 0, 0
	for _, off := range sorted {
		for pos < off && pos < len(text) {
			r, size := utf8.DecodeRuneInString(text[pos:])
			u++
			if r > 0xFFFF { // a surrogate pair
				u++
			}
			pos += size
		}
		units[n] = u
		n++
	}
	out := make([]int, len(byteOffs))
	for i, off := range byteOffs {
		j, _ := slices.BinarySearch(sorted, off)
		out[i] = units[j]
	}
	return out
}
