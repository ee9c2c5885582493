package docfile

import (
	"bytes"
	"slices"
	"testing"

	"golang.org/x/text/unicode/norm"
)

func TestNamesIn(t *testing.T) {
	author := []string{"Nguyễn Văn An", "An", "0912345678", "an.nguyen@example.vn"}
	cases := []struct {
		name  string
		text  string
		meta  Meta
		names []string
		want  []string
	}{
		{
			name:  "full name in the document's creator, typed without accents",
			meta:  Meta{Creator: "nguyen van an"},
			names: author,
			want: []string{
				`Tên tác giả "Nguyễn Văn An" xuất hiện trong thuộc tính tài liệu (Creator)`,
			},
		},
		{
			name:  "full name in the text, upper case and decomposed (NFD)",
			text:  norm.NFD.String("Bài viết của NGUYỄN VĂN AN,\ncán bộ phường."),
			names: author,
			want:  []string{`Tên tác giả "Nguyễn Văn An" xuất hiện trong nội dung bài`},
		},
		{
			name:  "a name broken over two lines still matches",
			text:  "Người viết: Nguyễn Văn\nAn",
			names: author,
			want:  []string{`Tên tác giả "Nguyễn Văn An" xuất hiện trong nội dung bài`},
		},
		{
			name:  "a longer name is another person (word boundary)",
			text:  "Ông Nguyễn Văn Anh kể lại",
			meta:  Meta{Creator: "Nguyễn Văn Anh"},
			names: author,
		},
		{
			name:  "a one-word name is an ordinary word in text, a name in a property",
			text:  "An toàn giao thông là trách nhiệm của mọi người.",
			meta:  Meta{LastModifiedBy: "An", Creator: "Trần An"},
			names: author,
			// In a property, a one-word name must be the whole value: "An"
			// in "Trần An" is someone else's given name as likely as ours.
			want: []string{`Tên tác giả "An" xuất hiện trong thuộc tính tài liệu (LastModifiedBy)`},
		},
		{
			name:  "phone and e-mail in the footer, not inside a longer number",
			text:  "Mã số 840912345678 không phải số điện thoại.",
			meta:  Meta{HeaderFooter: "Liên hệ: 0912345678 – an.nguyen@example.vn."},
			names: author,
			want: []string{
				`Thông tin liên hệ của tác giả "0912345678" xuất hiện trong đầu trang, chân trang, chú thích hoặc nhận xét`,
				`Thông tin liên hệ của tác giả "an.nguyen@example.vn" xuất hiện trong đầu trang, chân trang, chú thích hoặc nhận xét`,
			},
		},
		{
			name:  "unit in Company, pen name in a tracked change, name in the title",
			meta:  Meta{Company: "UBND phường Bến Nghé", ReviewAuthors: []string{"Trần Bình", "Hoài Thương"}, Title: "Bài của Hoài Thương"},
			names: []string{"Phường Bến Nghé", "Hoài Thương"},
			want: []string{
				`Tên tác giả "Phường Bến Nghé" xuất hiện trong thuộc tính tài liệu (Company)`,
				`Tên tác giả "Hoài Thương" xuất hiện trong thuộc tính tài liệu (Title)`,
				`Tên tác giả "Hoài Thương" xuất hiện trong tên người sửa hoặc nhận xét trong tài liệu`,
			},
		},
		{
			name:  "two spellings of one name make one warning",
			meta:  Meta{Creator: "Nguyễn Văn An"},
			names: []string{"Nguyễn Văn An", norm.NFD.String("nguyễn văn an"), "  ", ""},
			want:  []string{`Tên tác giả "Nguyễn Văn An" xuất hiện trong thuộc tính tài liệu (Creator)`},
		},
		{
			name:  "nothing found",
			text:  "Bài viết về chuyển đổi số ở cơ sở.",
			meta:  Meta{Creator: "Người dùng", Company: "Microsoft"},
			names: author,
		},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got := NamesIn(c.text, c.meta, c.names)
			if !slices.Equal(got, c.want) {
				t.Errorf("NamesIn:\n%q\nwant:\n%q", got, c.want)
			}
		})
	}
}

// TestNamesInExtractedDocument runs the screening check end to end on a
// document whose header, properties and tracked changes name the author.
func TestNamesInExtractedDocument(t *testing.T) {
	data := realisticDocx(t)
	text, meta, err := DocxText(bytes.NewReader(data), int64(len(data)), DefaultLimits())
	if err != nil {
		t.Fatal(err)
	}
	got := NamesIn(text, meta, []string{"Nguyễn Văn An"})
	want := []string{
		`Tên tác giả "Nguyễn Văn An" xuất hiện trong đầu trang, chân trang, chú thích hoặc nhận xét`,
		`Tên tác giả "Nguyễn Văn An" xuất hiện trong thuộc tính tài liệu (Creator)`,
		`Tên tác giả "Nguyễn Văn An" xuất hiện trong thuộc tính tài liệu (LastModifiedBy)`,
		`Tên tác giả "Nguyễn Văn An" xuất hiện trong tên người sửa hoặc nhận xét trong tài liệu`,
	}
	if !slices.Equal(got, want) {
		t.Errorf("NamesIn:\n%q\nwant:\n%q", got, want)
	}
}
