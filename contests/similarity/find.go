package similarity

import (
	"cmp"
	"fmt"
	"runtime"
	"slices"

	"hoithi/contests"
)

// Largest overlap each written category allows (docs/domain.md §3: at most
// 20 % for magazine works, 25 % for newspaper works). A work is flagged when
// its overlap is strictly greater than its threshold.
const (
	MagazineThreshold  = 0.20
	NewspaperThreshold = 0.25
)

// Defaults of Options.
const (
	DefaultShingle   = 5
	DefaultThreshold = MagazineThreshold // the stricter rule when a work names none
	minMaxDocFreq    = 100
)

// Doc is one work to compare.
type Doc struct {
	ID   string
	Text string
	// Threshold is the largest share of this work that may overlap another
	// one (0.20 for a magazine work); 0 means Options.Threshold.
	Threshold float64
}

// Options tunes Find and Passages. The zero value is the documented default.
type Options struct {
	// Shingle is the number of consecutive words compared as a unit (5).
	// Shorter shingles match more common phrasing; longer ones miss copies
	// with light edits.
	Shingle int
	// Threshold applies to works whose Doc.Threshold is 0 (MagazineThreshold).
	Threshold float64
	// Sample keeps one shingle in Sample as a fingerprint for the candidate
	// search; 1 indexes every shingle. Larger is faster and smaller in memory
	// but loses recall on short works (see the package doc). 0 picks the
	// smallest power of two that keeps about 16 million fingerprints at the
	// most: 1 (exact) up to ~16 million words in all, 4 for 20,000 works of
	// 2,000 words.
	Sample int
	// MaxDocFreq: a fingerprint found in more works than this is a common
	// phrase (a slogan, a quoted resolution title), not evidence of copying,
	// and is left out of the candidate search. 0 means max(100, works/50).
	MaxDocFreq int
	// Workers is the number of goroutines (runtime.GOMAXPROCS).
	Workers int
}

// Pair is two works whose verified overlap exceeds the threshold of at
// least one of them.
type Pair struct {
	A, B string // IDs, A before B in the input
	// Shared is the number of distinct shingles found in both works.
	Shared int
	// OverlapA is the share of A's distinct shingles also in B; OverlapB
	// the other way round; Overlap the larger, i.e. the share of the smaller
	// work that is copied.
	OverlapA, OverlapB, Overlap float64
}

// Stats tells how much work Find did, for benchmarks and tuning.
type Stats struct {
	Shingles      int // distinct shingles summed over the works
	Fingerprints  int // sampled shingles indexed
	CommonPhrases int // fingerprints dropped as common phrases (MaxDocFreq)
	Linking       int // index entries of fingerprints shared by 2..MaxDocFreq works
	Candidates    int // pairs verified exactly
}

// Result is what Find returns.
type Result struct {
	Pairs []Pair // by Overlap descending, then A, then B
	Stats Stats
}

// Find returns every pair of works whose overlap exceeds the threshold of
// either work: with S(x) the distinct shingles of x, the pair is reported
// when |S(A)∩S(B)|/|S(A)| > threshold(A) or |S(A)∩S(B)|/|S(B)| > threshold(B).
// Each work is held to its own category's rule; for two works under the same
// rule this is "the copied share of the smaller work exceeds the threshold".
//
// Every reported overlap is exact (no false positive beyond 64-bit hash
// collisions); the candidate search may, with very small probability, miss
// a pair right at the threshold (see the package doc).
//
// Errors: CodeInvalid naming the field (docs[i].id empty or repeated,
// docs[i].threshold or an option out of range).
func Find(docs []Doc, opt Options) (Result, error) {
	if err := validate(docs, opt); err != nil {
		return Result{}, err
	}
	opt = opt.withDefaults(docs)
	thresholds := make([]float64, len(docs))
	for i, d := range docs {
		thresholds[i] = cmp.Or(d.Threshold, opt.Threshold)
	}
	var stats Stats
	sizes, fps := fingerprint(docs, opt, &stats)
	idx := buildIndex(fps, opt, &stats)
	pairs := scanPairs(docs, sizes, thresholds, idx, opt, &stats)
	slices.SortFunc(pairs, func(x, y Pair) int {
		return cmp.Or(cmp.Compare(y.Overlap, x.Overlap), cmp.Compare(x.A, y.A), cmp.Compare(x.B, y.B))
	})
	return Result{Pairs: pairs, Stats: stats}, nil
}

func (o Options) withDefaults(docs []Doc) Options {
	o.Shingle = cmp.Or(o.Shingle, DefaultShingle)
	o.Threshold = cmp.Or(o.Threshold, DefaultThreshold)
	if o.Sample == 0 {
		o.Sample = autoSample(docs)
	}
	o.MaxDocFreq = cmp.Or(o.MaxDocFreq, max(minMaxDocFreq, len(docs)/50))
	o.Workers = cmp.Or(o.Workers, runtime.GOMAXPROCS(0))
	return o
}

// fingerprintBudget bounds the fingerprints kept with the default Sample: 8
// bytes each, about 128 MB at the most, held while the index is built.
// Halving it halves that memory but, at 20,000 works, multiplies the exact
// verifications by 40 (short works then need a single shared fingerprint to
// be checked), for half again the CPU time.
const fingerprintBudget = 1 << 24

// bytesPerWord is what a Vietnamese word takes in UTF-8 with its space, on
// average; the estimate only has to be right within a factor of two.
const bytesPerWord = 6

// autoSample picks the default Sample from the corpus size, estimated from
// the bytes of the texts before any is tokenized.
func autoSample(docs []Doc) int {
	words := 0
	for _, d := range docs {
		words += len(d.Text) / bytesPerWord
	}
	sample := 1
	for words/sample > fingerprintBudget {
		sample *= 2
	}
	return sample
}

const maxShingle = 32

func (o Options) errors() contests.Errors {
	var es contests.Errors
	if o.Shingle < 0 || o.Shingle > maxShingle {
		es.Add("shingle", contests.T("Độ dài cụm từ phải từ 1 đến %d từ", "Shingle length must be 1 to %d words", maxShingle))
	}
	if !validThreshold(o.Threshold) {
		es.Add("threshold", thresholdMsg)
	}
	if o.Sample < 0 {
		es.Add("sample", contests.T("Tỷ lệ lấy mẫu không được âm", "Sample must not be negative"))
	}
	if o.MaxDocFreq < 0 {
		es.Add("maxDocFreq", contests.T("Ngưỡng cụm từ phổ biến không được âm", "MaxDocFreq must not be negative"))
	}
	if o.Workers < 0 {
		es.Add("workers", contests.T("Số luồng không được âm", "Workers must not be negative"))
	}
	return es
}

var thresholdMsg = contests.T("Ngưỡng trùng lặp phải lớn hơn hoặc bằng 0 và nhỏ hơn 1 (0,2 nghĩa là 20 phần trăm)",
	"Overlap threshold must be at least 0 and below 1 (0.2 means 20 percent)")

func validThreshold(t float64) bool { return t >= 0 && t < 1 }

func validate(docs []Doc, opt Options) error {
	es := opt.errors()
	seen := make(map[string]int, len(docs))
	for i, d := range docs {
		field := fmt.Sprintf("docs[%d]", i)
		switch first, dup := seen[d.ID]; {
		case d.ID == "":
			es.Add(field+".id", contests.T("Thiếu mã bài dự thi", "Work ID is missing"))
		case dup:
			es.Add(field+".id", contests.T("Mã bài %q bị trùng (đã có ở docs[%d])", "Work ID %q is repeated (see docs[%d])", d.ID, first))
		default:
			seen[d.ID] = i
		}
		if !validThreshold(d.Threshold) {
			es.Add(field+".threshold", thresholdMsg)
		}
	}
	return es.Err()
}
