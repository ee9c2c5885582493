package essay

import (
	"strings"
	"testing"
)

func words(n int) string { return strings.TrimSpace(strings.Repeat("chữ ", n)) }

func TestCheckSubmission(t *testing.T) {
	docx := &File{Name: "bai.docx", Kind: FileDOCX, Bytes: 200_000}
	mp4 := func(seconds int) *File {
		return &File{Name: "clip.mp4", Kind: FileMP4, Bytes: 50 << 20, MediaSeconds: seconds}
	}
	valid := func(text string, f *File) Submission {
		return Submission{Title: "Giữ vững trận địa tư tưởng", Text: text, File: f, Declaration: true,
			Identifying: []string{"Nguyễn Văn An", "0912345678", "an@example.vn", "An"}}
	}
	tests := []struct {
		name     string
		category CategoryKey
		sub      func() Submission
		existing []AuthorWork
		fields   []string
	}{
		{"magazine at the lower bound", CatMagazine, func() Submission { return valid(words(4000), docx) }, nil, nil},
		{"magazine at the upper bound", CatMagazine, func() Submission { return valid(words(6000), docx) }, nil, nil},
		{"magazine too short", CatMagazine, func() Submission { return valid(words(3999), docx) }, nil, []string{"text"}},
		{"magazine too long", CatMagazine, func() Submission { return valid(words(6001), docx) }, nil, []string{"text"}},
		{"print newspaper limit", CatNewspaperPrint, func() Submission { return valid(words(4001), docx) }, nil, []string{"text"}},
		{"online newspaper limit", CatNewspaperOnline, func() Submission { return valid(words(2001), docx) }, nil, []string{"text"}},
		{"online newspaper fits", CatNewspaperOnline, func() Submission { return valid(words(2000)+" — !", docx) }, nil, nil},
		{"empty title and text", CatNewspaperOnline, func() Submission { s := valid(" . ", docx); s.Title = " "; return s }, nil, []string{"title", "text"}},
		{"title too long", CatNewspaperOnline, func() Submission { s := valid(words(10), docx); s.Title = strings.Repeat("ư", 301); return s }, nil, []string{"title"}},
		{"no declaration", CatNewspaperOnline, func() Submission { s := valid(words(10), docx); s.Declaration = false; return s }, nil, []string{"declaration"}},
		{"two co-authors allowed", CatNewspaperOnline, func() Submission {
			s := valid(words(10), docx)
			s.Coauthors = []Coauthor{{"Trần Thị Bình"}, {"Lê Văn Cường"}}
			return s
		}, nil, nil},
		{"third co-author on a written work", CatNewspaperOnline, func() Submission {
			s := valid(words(10), docx)
			s.Coauthors = []Coauthor{{"Trần Thị Bình"}, {"Lê Văn Cường"}, {"Phạm Dung"}}
			return s
		}, nil, []string{"coauthors[2]"}},
		{"blank and repeated co-authors", CatVideo, func() Submission {
			s := valid(words(10), mp4(120))
			s.Coauthors = []Coauthor{{"Trần Thị Bình"}, {" "}, {"tran thi binh"}}
			return s
		}, nil, []string{"coauthors[1].fullName", "coauthors[2].fullName"}},
		{"no file", CatMagazine, func() Submission { return valid(words(4000), nil) }, nil, []string{"file"}},
		{"media file in a written category", CatMagazine, func() Submission { return valid(words(4000), mp4(60)) }, nil, []string{"file"}},
		{"file too large", CatMagazine, func() Submission {
			return valid(words(4000), &File{Name: "bai.pdf", Kind: FilePDF, Bytes: 21 << 20})
		}, nil, []string{"file"}},
		{"video of 5 minutes", CatVideo, func() Submission { return valid(words(50), mp4(300)) }, nil, nil},
		{"video over 5 minutes", CatVideo, func() Submission { return valid(words(50), mp4(301)) }, nil, []string{"file"}},
		{"video of unknown length", CatVideo, func() Submission { return valid(words(50), mp4(0)) }, nil, []string{"file"}},
		{"multimedia without a script", CatRadio, func() Submission { return valid("", mp4(60)) }, nil, []string{"text"}},
		{"author named in the text", CatNewspaperOnline, func() Submission {
			return valid(words(10)+" Tác giả: NGUYEN VAN AN, phường Ba Đình", docx)
		}, nil, []string{"text"}},
		{"phone in the title", CatNewspaperOnline, func() Submission {
			s := valid(words(10), docx)
			s.Title = "Liên hệ 0912345678"
			return s
		}, nil, []string{"title"}},
		{"co-author named in the text", CatNewspaperOnline, func() Submission {
			s := valid(words(10)+" cùng Lê Văn Cường", docx)
			s.Coauthors = []Coauthor{{"Lê Văn Cường"}}
			return s
		}, nil, []string{"text"}},
		{"a single given name and names inside longer words are fine", CatNewspaperOnline, func() Submission {
			return valid(words(10)+" An ninh quốc phòng; Nguyễn Văn Anh", docx)
		}, nil, nil},
		{"second work in the same written category", CatMagazine, func() Submission { return valid(words(4000), docx) },
			[]AuthorWork{{WorkID: "w1", Category: CatMagazine, Written: true}}, []string{"category"}},
		{"third written work", CatNewspaperPrint, func() Submission { return valid(words(100), docx) },
			[]AuthorWork{{WorkID: "w1", Category: CatMagazine, Written: true}, {WorkID: "w2", Category: CatNewspaperOnline, Written: true}}, []string{"category"}},
		{"second written work plus multimedia is fine", CatNewspaperPrint, func() Submission { return valid(words(100), docx) },
			[]AuthorWork{{WorkID: "w1", Category: CatMagazine, Written: true}, {WorkID: "w2", Category: CatVideo}, {WorkID: "w3", Category: CatRadio}}, nil},
		{"fourth multimedia work", CatTV, func() Submission { return valid(words(100), mp4(60)) },
			[]AuthorWork{{WorkID: "w1", Category: CatVideo}, {WorkID: "w2", Category: CatRadio}, {WorkID: "w3", Category: CatVideo}}, []string{"category"}},
		{"editing a work does not count it twice", CatMagazine, func() Submission {
			s := valid(words(4000), docx)
			s.WorkID = "w1"
			return s
		}, []AuthorWork{{WorkID: "w1", Category: CatMagazine, Written: true}}, nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			wantFields(t, CheckSubmission(mustCategory(t, tc.category), tc.sub(), tc.existing), tc.fields...)
		})
	}
}

func TestCountedWorks(t *testing.T) {
	cats := DefaultCategories()
	works := []*Work{
		{ID: "w1", Category: CatMagazine, Status: WorkSubmitted},
		{ID: "w2", Category: CatVideo, Status: WorkAccepted},
		{ID: "w3", Category: CatMagazine, Status: WorkWithdrawn},
		{ID: "w4", Category: CatRadio, Status: WorkRejected},
		{ID: "w5", Category: "gone", Status: WorkSubmitted}, // a category removed since: counted, not written
	}
	got := CountedWorks(works, cats)
	want := []AuthorWork{{"w1", CatMagazine, true}, {"w2", CatVideo, false}, {"w5", "gone", false}}
	if len(got) != len(want) {
		t.Fatalf("counted %+v, want %+v", got, want)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("counted[%d] = %+v, want %+v", i, got[i], want[i])
		}
	}
	if CountedWorks(nil, cats) != nil {
		t.Error("no works counts nothing")
	}
}
