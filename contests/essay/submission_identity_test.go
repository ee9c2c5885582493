package essay

import (
	"slices"
	"testing"
)

func TestIdentityIdentifying(t *testing.T) {
	id := Identity{Author: Person{FullName: "Nguyễn Văn An", PenName: "Bút Xanh", Phone: "+84912345678"},
		Coauthors: []Person{{FullName: "Trần Thị Bình", Email: "binh@example.vn"}}}
	want := []string{"Nguyễn Văn An", "Bút Xanh", "+84912345678", "0912345678", "Trần Thị Bình", "binh@example.vn"}
	if got := id.Identifying(); !slices.Equal(got, want) {
		t.Fatalf("got %q, want %q", got, want)
	}
}
