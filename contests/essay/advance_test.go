package essay

import (
	"slices"
	"testing"
)

func ids(rs []Result) []string {
	out := make([]string, len(rs))
	for i, r := range rs {
		out[i] = r.WorkID
	}
	return out
}

// roundResults: magazine m1..m6 with a tie at 8.5, video v1..v3.
func roundResults() []Result {
	return []Result{
		{"m4", CatMagazine, 8.5}, {"v2", CatVideo, 7}, {"m1", CatMagazine, 9.25},
		{"m3", CatMagazine, 8.5}, {"m6", CatMagazine, 6}, {"v1", CatVideo, 9},
		{"m2", CatMagazine, 8.75}, {"m5", CatMagazine, (8.25 + 8.75) / 2}, {"v3", CatVideo, 7},
	}
}

func TestAdvance(t *testing.T) {
	tests := []struct {
		name string
		rule AdvanceRule
		want []string
	}{
		{"top 2 per category", AdvanceRule{Mode: AdvanceTopN, TopN: 2}, []string{"m1", "m2", "v1", "v2", "v3"}},
		{"top 3: the tie at the boundary all advance", AdvanceRule{Mode: AdvanceTopN, TopN: 3}, []string{"m1", "m2", "m3", "m4", "m5", "v1", "v2", "v3"}},
		{"top 5: no tie at the boundary", AdvanceRule{Mode: AdvanceTopN, TopN: 5}, []string{"m1", "m2", "m3", "m4", "m5", "v1", "v2", "v3"}},
		{"top N larger than the category", AdvanceRule{Mode: AdvanceTopN, TopN: 10}, []string{"m1", "m2", "m3", "m4", "m5", "m6", "v1", "v2", "v3"}},
		{"min score, inclusive", AdvanceRule{Mode: AdvanceMinScore, MinScore: 8.5}, []string{"m1", "m2", "m3", "m4", "m5", "v1"}},
		{"both: top 2 and at least 7.5", AdvanceRule{Mode: AdvanceBoth, TopN: 2, MinScore: 7.5}, []string{"m1", "m2", "v1"}},
		{"both: the min score cuts a tie", AdvanceRule{Mode: AdvanceBoth, TopN: 3, MinScore: 8.6}, []string{"m1", "m2", "v1"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, err := Advance(roundResults(), tc.rule)
			if err != nil {
				t.Fatal(err)
			}
			if !slices.Equal(ids(got), tc.want) {
				t.Fatalf("Advance = %v, want %v", ids(got), tc.want)
			}
		})
	}
}

func TestAdvanceRejects(t *testing.T) {
	tests := []struct {
		name    string
		results []Result
		rule    AdvanceRule
		fields  []string
	}{
		{"unknown mode", nil, AdvanceRule{Mode: "best"}, []string{"mode"}},
		{"top N missing", nil, AdvanceRule{Mode: AdvanceBoth, MinScore: -1}, []string{"topN", "minScore"}},
		{"repeated work", []Result{{"a", CatTV, 1}, {"a", CatTV, 2}}, AdvanceRule{Mode: AdvanceTopN, TopN: 1}, []string{"results"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, err := Advance(tc.results, tc.rule)
			wantFields(t, err, tc.fields...)
		})
	}
}

func TestSelectForForwarding(t *testing.T) {
	results := []Result{
		{"a", CatMagazine, 92}, {"b", CatVideo, 88}, {"c", CatMagazine, 75}, {"d", CatNewspaperOnline, 75},
		{"e", CatVideo, 75}, {"f", CatMagazine, 70}, {"g", CatMagazine, 69.75}, {"h", CatTV, 40},
	}
	tests := []struct {
		name     string
		rule     ForwardRule
		selected []string
		tied     []string
	}{
		{"HVCTQG-like: cap above the eligible count", ForwardRule{TopN: 200, MinScore: 70}, []string{"a", "b", "c", "d", "e", "f"}, nil},
		{"threshold only", ForwardRule{MinScore: 75}, []string{"a", "b", "c", "d", "e"}, nil},
		{"cap only", ForwardRule{TopN: 2}, []string{"a", "b"}, nil},
		{"cap falls inside a tie: the tie is left to the organizer", ForwardRule{TopN: 3, MinScore: 70}, []string{"a", "b"}, []string{"c", "d", "e"}},
		{"cap at the end of a tie", ForwardRule{TopN: 5, MinScore: 70}, []string{"a", "b", "c", "d", "e"}, nil},
		{"no limits", ForwardRule{}, []string{"a", "b", "c", "d", "e", "f", "g", "h"}, nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, err := SelectForForwarding(results, tc.rule)
			if err != nil {
				t.Fatal(err)
			}
			if !slices.Equal(ids(got.Selected), tc.selected) || !slices.Equal(ids(got.TiedAtCap), tc.tied) {
				t.Fatalf("selected %v tied %v, want %v and %v", ids(got.Selected), ids(got.TiedAtCap), tc.selected, tc.tied)
			}
		})
	}
	_, err := SelectForForwarding(results, ForwardRule{TopN: -1})
	wantFields(t, err, "topN")
}
