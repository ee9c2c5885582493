package essay

import (
	"maps"
	"testing"
)

func TestMapCategories(t *testing.T) {
	ward := WardCategories() // chinh_luan "Bài chính luận"
	province := []Category{{Key: "bai_chinh_luan", Name: "BÀI CHÍNH LUẬN"}, {Key: "video", Name: "Video clip"}}
	national := DefaultCategories()
	tests := []struct {
		name     string
		to       []Category
		explicit map[CategoryKey]CategoryKey
		want     map[CategoryKey]CategoryKey
		field    string
	}{
		{"same key", ward, nil, map[CategoryKey]CategoryKey{CatChinhLuan: CatChinhLuan}, ""},
		{"same name without accents or case", province, nil, map[CategoryKey]CategoryKey{CatChinhLuan: "bai_chinh_luan"}, ""},
		{"no match is refused", national, nil, nil, "categoryMap.chinh_luan"},
		{"explicit choice", national, map[CategoryKey]CategoryKey{CatChinhLuan: CatNewspaperOnline}, map[CategoryKey]CategoryKey{CatChinhLuan: CatNewspaperOnline}, ""},
		{"explicit choice must exist", national, map[CategoryKey]CategoryKey{CatChinhLuan: "podcast"}, nil, "categoryMap.chinh_luan"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, err := MapCategories(ward, tc.to, tc.explicit, []CategoryKey{CatChinhLuan, CatChinhLuan})
			if tc.field != "" {
				wantFields(t, err, tc.field)
				return
			}
			if err != nil || !maps.Equal(got, tc.want) {
				t.Fatalf("got %v %v, want %v", got, err, tc.want)
			}
		})
	}
}

func TestForwardedWorkIDIsStable(t *testing.T) {
	a, b := ForwardedWorkID("w1", "c1"), ForwardedWorkID("w1", "c1")
	if a != b || len(a) != 16 || a == ForwardedWorkID("w1", "c2") || a == ForwardedWorkID("w2", "c1") {
		t.Fatalf("%s %s", a, b)
	}
}
