package similarity

import (
	"fmt"
	"math/rand/v2"
	"runtime"
	"strings"
	"unicode"
	"unicode/utf8"
)

// How Synthetic plants a copy into the target work, in turn.
const (
	copyPassage   = iota // 30% of the source as one passage
	copyWhole            // a short source (a quarter of the length) copied whole
	copyReordered        // three passages of 12% each, in reverse order
	copyEdited           // the whole source with every tenth word changed
	copyKinds
)

// Synthetic makes a deterministic corpus for benchmarks and recall tests: n
// works of about words words each, drawn from a Zipf-distributed vocabulary
// of Vietnamese syllables sprinkled with stock political phrases (so common
// shingles exist, as in real essays), with copiedPairs pairs (at most n/2)
// where the second work copies from the first in one of four ways (a 30%
// passage, a short work copied whole, three reordered passages, a lightly
// edited full copy). Copies get their own punctuation and capitalisation.
// Works alternate between the magazine and newspaper thresholds. It returns
// the works and the planted pairs as [source ID, copy ID]; every planted
// pair exceeds both thresholds. The same arguments give the same corpus.
func Synthetic(n, words, copiedPairs int, seed uint64) ([]Doc, [][2]string) {
	n, words = max(n, 0), max(words, 40)
	copiedPairs = max(0, min(copiedPairs, n/2))
	plan := make([]role, n)
	for i := range plan {
		plan[i].from = -1
	}
	perm := rand.New(rand.NewPCG(seed, 0x9a1)).Perm(n)
	planted := make([][2]string, copiedPairs)
	for p := range copiedPairs {
		src, dst := perm[2*p], perm[2*p+1]
		plan[dst] = role{from: src, kind: p % copyKinds}
		plan[src].short = plan[dst].kind == copyWhole
		planted[p] = [2]string{syntheticID(src), syntheticID(dst)}
	}
	docs := make([]Doc, n)
	parallel(n, runtime.GOMAXPROCS(0), func() func(i int) {
		return func(i int) {
			g := generator{seed: seed, words: words, plan: plan}
			docs[i] = Doc{ID: syntheticID(i), Text: g.text(i), Threshold: MagazineThreshold}
			if i%2 == 1 {
				docs[i].Threshold = NewspaperThreshold
			}
		}
	})
	return docs, planted
}

func syntheticID(i int) string { return fmt.Sprintf("w%06d", i) }

// role is a work's part in the planted copies.
type role struct {
	from  int  // the work it copies from, -1 for none
	kind  int  // how it copies (copyPassage...)
	short bool // a source copied whole: a quarter of the usual length
}

type generator struct {
	seed  uint64
	words int
	plan  []role
}

func (g generator) rng(i int, stream uint64) *rand.Rand {
	return rand.New(rand.NewPCG(g.seed, uint64(i)<<8|stream))
}

// sequence returns the words of work i before punctuation, copies planted.
func (g generator) sequence(i int) []string {
	r := g.rng(i, 1)
	n := g.words
	if g.plan[i].short {
		n /= 4
	}
	words := g.fresh(r, n)
	if src := g.plan[i].from; src >= 0 {
		words = plant(g.plan[i].kind, words, g.sequence(src), r)
	}
	return words
}

// fresh draws n words: Zipf-distributed syllables, and now and then a
// stock phrase.
func (g generator) fresh(r *rand.Rand, n int) []string {
	vocab := vocabulary()
	zipf := rand.NewZipf(r, 1.07, 2, uint64(len(vocab)-1))
	words := make([]string, 0, n+16)
	for len(words) < n {
		if r.IntN(40) == 0 {
			words = append(words, strings.Fields(stockPhrases[r.IntN(len(stockPhrases))])...)
			continue
		}
		words = append(words, vocab[zipf.Uint64()])
	}
	return words[:n]
}

// plant writes the copied words of src into dst.
func plant(kind int, dst, src []string, r *rand.Rand) []string {
	switch kind {
	case copyPassage:
		n := len(dst) * 3 / 10
		from := r.IntN(len(src) - n + 1)
		copy(dst[r.IntN(len(dst)-n+1):], src[from:from+n])
	case copyWhole:
		copy(dst[r.IntN(len(dst)-len(src)+1):], src)
	case copyReordered:
		n := len(src) * 12 / 100
		for c, at := range []float64{0.75, 0.4, 0.05} { // passage c lands at the mirrored place
			from := int(float64(len(src)) * (0.1 + 0.35*float64(c)))
			copy(dst[int(float64(len(dst))*at):], src[from:from+n])
		}
	case copyEdited:
		dst = append(dst[:0], src...)
		vocab := vocabulary()
		for j := 9; j < len(dst); j += 10 {
			dst[j] = vocab[r.IntN(len(vocab))]
		}
	}
	return dst
}

// text renders work i: sentences of 8 to 25 words with a capital letter and
// a full stop, commas here and there, paragraphs of 3 to 7 sentences.
func (g generator) text(i int) string {
	words := g.sequence(i)
	r := g.rng(i, 2)
	var b strings.Builder
	b.Grow(len(words) * 9)
	sentenceLeft, sentencesLeft := 0, 3+r.IntN(5)
	for j, w := range words {
		if sentenceLeft == 0 {
			if j > 0 {
				b.WriteString(". ")
				sentencesLeft--
				if sentencesLeft == 0 {
					b.WriteString("\n\n")
					sentencesLeft = 3 + r.IntN(5)
				}
			}
			sentenceLeft = 8 + r.IntN(18)
			w = capitalize(w)
		} else {
			b.WriteByte(' ')
		}
		b.WriteString(w)
		sentenceLeft--
		if sentenceLeft > 2 && r.IntN(14) == 0 && !strings.HasSuffix(w, ",") {
			b.WriteByte(',')
		}
	}
	b.WriteByte('.')
	return b.String()
}

func capitalize(w string) string {
	r, size := utf8.DecodeRuneInString(w)
	return string(unicode.ToUpper(r)) + w[size:]
}
