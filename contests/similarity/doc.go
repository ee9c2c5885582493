// Package similarity finds essay-contest works that copy from one another
// and shows the copied passages side by side. It is pure Go and does no I/O.
//
// # What is measured
//
// Texts are read as words (see tokenize: case, Unicode form, Vietnamese tone
// placement, invisible characters and look-alike letters are folded;
// diacritics are kept). A shingle is a run of Options.Shingle (5) words; a
// work's shingle set S is the distinct shingles it contains. The overlap of
// work A with work B is |S(A)∩S(B)| / |S(A)|: the share of A found in B.
// Each work is held to its own category's rule (docs/domain.md §3: at most 20% for
// magazine works, 25% for newspaper works), so a pair is flagged when A's
// overlap exceeds A's threshold or B's exceeds B's. For two works under one
// rule that is "the copied share of the smaller work exceeds the threshold",
// which is what "20% of the work is copied" means when a short work is
// copied into a long one; a symmetric measure (Jaccard) would dilute it.
//
// # How: sampled fingerprints, an inverted index, exact verification
//
//  1. Every work is shingled once (in parallel); its distinct shingle count
//     is kept, and its fingerprints: the shingle hashes below 2^64/Sample.
//     Sampling by value means a shared shingle is sampled in both works or
//     in neither, so the shared fingerprints are a uniform 1/Sample sample
//     of the shared shingles (Broder's "mod m" sketch).
//  2. Equal fingerprints are grouped into an inverted index (per hash
//     bucket, in parallel). Fingerprints in one work cannot link a pair and
//     are dropped; so are those in more than MaxDocFreq works: slogans and
//     quoted resolution titles that every essay repeats, which would
//     otherwise make every pair of works a candidate.
//  3. For each work, a dense counter array adds up the fingerprints it
//     shares with each later work. A pair is verified when its count reaches
//     what a pair exactly at the threshold would show, less 4 standard
//     deviations (binomial), less 10% for common phrases, and at least 1.
//  4. Verification is exact: both works are shingled again from their texts
//     and their full sets intersected (hash set, 64-bit hashes). No pair is
//     reported on an estimate.
//
// Why not MinHash with LSH banding: MinHash estimates Jaccard similarity,
// not containment. A newspaper work of 1,500 words with 20% copied into a
// magazine work of 6,000 has Jaccard 300/7,200 ≈ 0.04; banding that finds
// pairs at 0.04 with high recall needs bands of one or two rows, which turn
// every pair sharing a common phrase into a candidate, and fixed-size
// signatures say nothing reliable about a short work inside a long one.
// Value-sampled fingerprints estimate containment directly and without bias,
// and the inverted index only ever enumerates pairs that share text. Why not
// winnowing: it guarantees to catch any copied run of w+k-1 words, but its
// fingerprints depend on position, so their shared count is not an unbiased
// estimate of the overlap, which the candidate rule needs.
//
// # Recall
//
// A pair is missed only when its sampled shared count falls more than 4
// standard deviations below expectation: for a pair exactly at the
// threshold, about 3 in 100,000; for a real copy, which sits well above it,
// far less. With the default Sample (1 up to about 16 million words in all,
// so exact; 4 for 20,000 works of 2,000 words) a work of 300 words at the
// threshold expects 15 shared fingerprints and needs 2. With Sample 8, 150
// pairs at 21% in works of 400 to 3,000 words are all found (tested).
// Two blind spots are by design: text shared by more than MaxDocFreq works
// (default max(100, works/50)) is treated as a common phrase, so an article
// copied by hundreds of entrants links them only through the rest of their
// texts; and works shorter than one shingle have no shingles at all.
//
// # Cost (BenchmarkFindContestScale)
//
// 20,000 works of 2,000 words (240 MB of text) on 2 cores: 1.8 s (3.4
// CPU-seconds; 6 to 16 s while other jobs loaded the machine), every one of
// 1,000 planted copies found and no other pair, after 1,000 exact
// verifications. Memory beyond the texts is the fingerprints (8 bytes per
// word / Sample, 75 MB here) while the index is built, then the index of
// shared fingerprints (a few MB) and one counter array and hash set per
// core; shingle sets are never held for the whole corpus. Process RSS went
// from 336 MB (the texts) to a peak of 489 MB during the check.
//
// # Passages
//
// Passages(a, b) lays the shared shingles of two works out as passages:
// greedy tiling along a (the longest run of equal shingles in b from each
// uncovered place), runs joined across gaps of up to one shingle (a word
// changed, added or dropped), each passage given as byte and UTF-16 offsets
// into the original texts for highlighting.
package similarity
