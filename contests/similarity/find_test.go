package similarity

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"

	"golang.org/x/text/unicode/norm"

	"hoithi/contests/contesttest"
)

// plantedCorpus returns works with four known copies among unrelated ones,
// the word lists they were made from, and the expected pairs.
func plantedCorpus() (docs []Doc, words map[string][]string, want [][2]string) {
	r := rand.New(rand.NewPCG(1, 2))
	words = map[string][]string{}
	add := func(id string, w []string) {
		words[id] = w
		docs = append(docs, Doc{ID: id, Text: prose(w)})
	}
	base := randomWords(r, 600)
	add("base", base)
	add("copy30", splice(randomWords(r, 600), 250, base[100:280])) // 30% of a work
	short := randomWords(r, 150)
	add("short", short)
	add("host", splice(randomWords(r, 800), 400, short)) // a short work copied whole
	essay := randomWords(r, 600)
	add("essay", essay)
	add("reordered", concat(essay[400:], essay[200:400], essay[:200])) // paragraphs reordered
	for i := range 20 {
		add(fmt.Sprintf("unrelated%02d", i), randomWords(r, 300+20*i))
	}
	orig := randomWords(r, 400)
	add("nfc", orig)
	docs = append(docs, Doc{ID: "nfd", Text: norm.NFD.String(prose(orig))})
	words["nfd"] = orig
	return docs, words, [][2]string{{"base", "copy30"}, {"short", "host"}, {"essay", "reordered"}, {"nfc", "nfd"}}
}

func TestFindFlagsCopiesAndNothingElse(t *testing.T) {
	docs, words, want := plantedCorpus()
	for _, sample := range []int{0, 1, 2, 4} {
		t.Run(fmt.Sprintf("sample=%d", sample), func(t *testing.T) {
			res, err := Find(docs, Options{Sample: sample})
			if err != nil {
				t.Fatal(err)
			}
			var got [][2]string
			for _, p := range res.Pairs {
				got = append(got, [2]string{p.A, p.B})
				shared, sa, sb := referenceShared(words[p.A], words[p.B], DefaultShingle)
				if p.Shared != shared || p.OverlapA != float64(shared)/float64(sa) || p.OverlapB != float64(shared)/float64(sb) {
					t.Errorf("%s–%s: shared %d, overlaps %.4f/%.4f; reference %d of %d/%d", p.A, p.B, p.Shared, p.OverlapA, p.OverlapB, shared, sa, sb)
				}
				if p.Overlap != max(p.OverlapA, p.OverlapB) {
					t.Errorf("%s–%s: Overlap %.4f is not the larger share", p.A, p.B, p.Overlap)
				}
			}
			slices.SortFunc(got, func(x, y [2]string) int { return strings.Compare(x[0], y[0]) })
			sorted := slices.Clone(want)
			slices.SortFunc(sorted, func(x, y [2]string) int { return strings.Compare(x[0], y[0]) })
			if !slices.Equal(got, sorted) {
				t.Fatalf("pairs = %v, want %v", got, sorted)
			}
			if !slices.IsSortedFunc(res.Pairs, func(x, y Pair) int { return -cmpFloat(x.Overlap, y.Overlap) }) {
				t.Errorf("pairs not by overlap descending: %+v", res.Pairs)
			}
		})
	}
}

func cmpFloat(a, b float64) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}

func TestFindOverlapValues(t *testing.T) {
	docs, _, _ := plantedCorpus()
	res, err := Find(docs, Options{})
	if err != nil {
		t.Fatal(err)
	}
	byPair := map[string]Pair{}
	for _, p := range res.Pairs {
		byPair[p.A+"/"+p.B] = p
	}
	tests := []struct {
		pair     string
		min, max float64
	}{
		{"nfc/nfd", 1, 1},               // the same text in another Unicode form
		{"short/host", 1, 1},            // every shingle of the short work is in the host
		{"essay/reordered", 0.97, 0.99}, // only the shingles across the two cuts are lost
		{"base/copy30", 0.29, 0.30},     // 176 of 596 shingles
	}
	for _, tt := range tests {
		p, ok := byPair[tt.pair]
		if !ok || p.Overlap < tt.min || p.Overlap > tt.max {
			t.Errorf("%s: overlap %.4f (found %v), want %.2f..%.2f", tt.pair, p.Overlap, ok, tt.min, tt.max)
		}
	}
}

// TestFindAgreesWithBruteForce compares every pair of a corpus of works
// sharing random amounts of one source against the obvious quadratic check.
func TestFindAgreesWithBruteForce(t *testing.T) {
	r := rand.New(rand.NewPCG(11, 13))
	source := randomWords(r, 2000)
	var docs []Doc
	var words [][]string
	for i := range 40 {
		w := randomWords(r, 200+r.IntN(600))
		n := r.IntN(len(w) * 6 / 10)
		from := r.IntN(len(source) - n)
		w = splice(w, r.IntN(len(w)-n+1), source[from:from+n])
		words = append(words, w)
		docs = append(docs, Doc{ID: fmt.Sprintf("d%02d", i), Text: prose(w), Threshold: []float64{0.05, 0.2}[i%2]})
	}
	want := map[string]int{}
	for i := range docs {
		for j := i + 1; j < len(docs); j++ {
			shared, si, sj := referenceShared(words[i], words[j], DefaultShingle)
			if float64(shared)/float64(si) > docs[i].Threshold || float64(shared)/float64(sj) > docs[j].Threshold {
				want[docs[i].ID+"/"+docs[j].ID] = shared
			}
		}
	}
	if len(want) < 10 {
		t.Fatalf("test data: only %d pairs above threshold", len(want))
	}
	res, err := Find(docs, Options{Sample: 1})
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]int{}
	for _, p := range res.Pairs {
		got[p.A+"/"+p.B] = p.Shared
	}
	for k, v := range want {
		if got[k] != v {
			t.Errorf("%s: shared %d, want %d", k, got[k], v)
		}
	}
	for k := range got {
		if _, ok := want[k]; !ok {
			t.Errorf("%s reported but below both thresholds", k)
		}
	}
}

func TestFindTreatsPhrasesInManyWorksAsCommon(t *testing.T) {
	r := rand.New(rand.NewPCG(5, 5))
	slogan := randomWords(r, 100)
	var docs []Doc
	for i := range 12 {
		docs = append(docs, Doc{ID: fmt.Sprint(i), Text: prose(splice(randomWords(r, 250), 50, slogan))})
	}
	tests := []struct {
		maxDocFreq int
		pairs      int
	}{{0, 66}, {12, 66}, {11, 0}}
	for _, tt := range tests {
		res, err := Find(docs, Options{Sample: 1, MaxDocFreq: tt.maxDocFreq})
		if err != nil {
			t.Fatal(err)
		}
		if len(res.Pairs) != tt.pairs {
			t.Errorf("MaxDocFreq %d: %d pairs, want %d", tt.maxDocFreq, len(res.Pairs), tt.pairs)
		}
	}
}

func TestFindIgnoresWorksShorterThanAShingle(t *testing.T) {
	docs := []Doc{{ID: "a", Text: "Độc lập tự do"}, {ID: "b", Text: "độc lập, tự do!"}, {ID: "c", Text: ""}}
	res, err := Find(docs, Options{})
	if err != nil || len(res.Pairs) != 0 {
		t.Fatalf("pairs = %+v, err = %v; want none", res.Pairs, err)
	}
	res, _ = Find(docs, Options{Shingle: 2})
	if len(res.Pairs) != 1 || res.Pairs[0].Overlap != 1 {
		t.Errorf("shingle 2: pairs = %+v, want a–b at 1", res.Pairs)
	}
}

func TestFindRejectsInvalidInput(t *testing.T) {
	ok := []Doc{{ID: "a", Text: "x"}, {ID: "b", Text: "y"}}
	tests := []struct {
		name   string
		docs   []Doc
		opt    Options
		fields []string
	}{
		{"empty id", []Doc{{ID: "", Text: "x"}}, Options{}, []string{"docs[0].id"}},
		{"repeated id", []Doc{{ID: "a"}, {ID: "b"}, {ID: "a"}}, Options{}, []string{"docs[2].id"}},
		{"threshold of 1", []Doc{{ID: "a", Threshold: 1}}, Options{}, []string{"docs[0].threshold"}},
		{"negative threshold", []Doc{{ID: "a", Threshold: -0.1}}, Options{}, []string{"docs[0].threshold"}},
		{"options", ok, Options{Shingle: -1, Threshold: 20, Sample: -2, MaxDocFreq: -1, Workers: -1},
			[]string{"shingle", "threshold", "sample", "maxDocFreq", "workers"}},
		{"shingle too long", ok, Options{Shingle: 33}, []string{"shingle"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Find(tt.docs, tt.opt)
			if err == nil {
				t.Fatal("accepted, want invalid")
			}
			if fields := contesttest.InvalidFields(t, err); !slices.Equal(fields, tt.fields) {
				t.Errorf("fields = %v, want %v", fields, tt.fields)
			}
		})
	}
}
