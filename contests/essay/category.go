package essay

import (
	"fmt"
	"regexp"
	"slices"

	"hoithi/contests"
)

// CategoryKey names a category (thể loại) of an essay contest.
type CategoryKey string

// The categories of the national contest (docs/domain.md §3).
const (
	CatMagazine        CategoryKey = "magazine"
	CatNewspaperPrint  CategoryKey = "newspaper_print"
	CatNewspaperOnline CategoryKey = "newspaper_online"
	CatRadio           CategoryKey = "radio"
	CatTV              CategoryKey = "tv"
	CatVideo           CategoryKey = "video"
)

// FileKind is the sniffed type of an uploaded file.
type FileKind string

const (
	FileDOCX FileKind = "docx"
	FilePDF  FileKind = "pdf"
	FileMP3  FileKind = "mp3"
	FileMP4  FileKind = "mp4"
)

// FileKinds lists every file kind the platform accepts.
var FileKinds = []FileKind{FileDOCX, FilePDF, FileMP3, FileMP4}

const mib = 1 << 20

// Category holds the limits of one category. Zero MinWords, MaxWords or
// MaxMediaSeconds mean "no limit".
type Category struct {
	Key     CategoryKey `json:"key"`
	Name    string      `json:"name"`
	Written bool        `json:"written"` // false: radio, TV, video (multimedia)
	// MinWords and MaxWords bound the text of a written work (CountWords).
	MinWords int `json:"minWords,omitempty"`
	MaxWords int `json:"maxWords,omitempty"`
	// MaxCoauthors counts people besides the author.
	MaxCoauthors int `json:"maxCoauthors"`
	// MaxWorksPerAuthor caps one person's works in this category;
	// MaxWorksOfKindPerAuthor caps them across every category of the same
	// kind (written or multimedia). The 2023 rules need both: at most 2
	// written works, one per written category.
	MaxWorksPerAuthor       int        `json:"maxWorksPerAuthor"`
	MaxWorksOfKindPerAuthor int        `json:"maxWorksOfKindPerAuthor"`
	AllowedFileKinds        []FileKind `json:"allowedFileKinds"`
	MaxFileBytes            int64      `json:"maxFileBytes"`
	MaxMediaSeconds         int        `json:"maxMediaSeconds,omitempty"`
	// MaxOverlapPercent is the plagiarism ceiling checked by
	// contests/similarity (20 % magazine, 25 % newspaper); 0 = not checked.
	MaxOverlapPercent int `json:"maxOverlapPercent,omitempty"`
}

// DefaultCategories returns the categories of the 2023 national rules
// (docs/domain.md §3). File sizes are not in the rules: they are our defaults,
// large enough for a broadcast-quality clip. Radio and TV programmes have no
// length limit in the rules; only video clips do (5 minutes).
func DefaultCategories() []Category {
	written := func(key CategoryKey, name string, minW, maxW, overlap int) Category {
		return Category{
			Key: key, Name: name, Written: true, MinWords: minW, MaxWords: maxW,
			MaxCoauthors: 2, MaxWorksPerAuthor: 1, MaxWorksOfKindPerAuthor: 2,
			AllowedFileKinds: []FileKind{FileDOCX, FilePDF}, MaxFileBytes: 20 * mib,
			MaxOverlapPercent: overlap,
		}
	}
	media := func(key CategoryKey, name string, maxBytes int64, maxSeconds int) Category {
		return Category{
			Key: key, Name: name, MaxCoauthors: 3, MaxWorksPerAuthor: 3, MaxWorksOfKindPerAuthor: 3,
			AllowedFileKinds: []FileKind{FileMP3, FileMP4}, MaxFileBytes: maxBytes, MaxMediaSeconds: maxSeconds,
		}
	}
	return []Category{
		written(CatMagazine, "Tạp chí", 4000, 6000, 20),
		written(CatNewspaperPrint, "Báo in", 0, 4000, 25),
		written(CatNewspaperOnline, "Báo điện tử", 0, 2000, 25),
		media(CatRadio, "Phát thanh", 200*mib, 0),
		media(CatTV, "Truyền hình", 1024*mib, 0),
		media(CatVideo, "Video clip", 500*mib, 5*60),
	}
}

// CatChinhLuan is the ward preset's one category.
const CatChinhLuan CategoryKey = "chinh_luan"

// WardCategories is the default of a new essay contest: what a ward or
// commune runs ("chính luận bảo vệ nền tảng tư tưởng của Đảng"): one
// written category, an article of 1,500–3,000 words in Word or PDF, up to
// two co-authors, two works per author, the newspaper plagiarism ceiling.
func WardCategories() []Category {
	return []Category{{
		Key: CatChinhLuan, Name: "Bài chính luận", Written: true, MinWords: 1500, MaxWords: 3000,
		MaxCoauthors: 2, MaxWorksPerAuthor: 2, MaxWorksOfKindPerAuthor: 2,
		AllowedFileKinds: []FileKind{FileDOCX, FilePDF}, MaxFileBytes: 20 * mib, MaxOverlapPercent: 25,
	}}
}

// FindCategory returns the category with key, or false.
func FindCategory(cats []Category, key CategoryKey) (Category, bool) {
	for _, c := range cats {
		if c.Key == key {
			return c, true
		}
	}
	return Category{}, false
}

var categoryKeyPattern = regexp.MustCompile(`^[a-z][a-z0-9_]{0,39}$`)

// ValidateCategories checks the categories an organizer configured for a
// contest, naming fields as "categories[i].maxWords".
func ValidateCategories(cats []Category) error {
	var es contests.Errors
	if len(cats) == 0 {
		es.Add("categories", contests.T("Cần ít nhất một thể loại", "At least one category is required"))
	}
	seen := map[CategoryKey]bool{}
	for i, c := range cats {
		f := func(name string) string { return fmt.Sprintf("categories[%d].%s", i, name) }
		switch {
		case !categoryKeyPattern.MatchString(string(c.Key)):
			es.Add(f("key"), contests.T("Mã thể loại chỉ gồm chữ thường không dấu, số và dấu _", "A category key is lower-case letters, digits and _"))
		case seen[c.Key]:
			es.Add(f("key"), contests.T("Mã thể loại %q bị trùng", "Category key %q is repeated", c.Key))
		}
		seen[c.Key] = true
		if contests.NFC(c.Name) == "" {
			es.Add(f("name"), contests.T("Thiếu tên thể loại", "Category name is required"))
		}
		if c.MinWords < 0 || c.MaxWords < 0 || (c.MaxWords > 0 && c.MinWords > c.MaxWords) {
			es.Add(f("maxWords"), contests.T("Số chữ tối thiểu phải không lớn hơn số chữ tối đa", "Minimum words must not exceed maximum words"))
		}
		if c.MaxCoauthors < 0 {
			es.Add(f("maxCoauthors"), contests.T("Số đồng tác giả tối đa không được âm", "Maximum co-authors must not be negative"))
		}
		if c.MaxWorksPerAuthor < 1 || c.MaxWorksOfKindPerAuthor < c.MaxWorksPerAuthor {
			es.Add(f("maxWorksPerAuthor"), contests.T("Mỗi tác giả phải được gửi ít nhất 1 bài, và giới hạn theo loại hình không nhỏ hơn giới hạn theo thể loại", "Each author may send at least 1 work, and the per-kind cap must not be below the per-category cap"))
		}
		if len(c.AllowedFileKinds) == 0 || slices.ContainsFunc(c.AllowedFileKinds, func(k FileKind) bool { return !slices.Contains(FileKinds, k) }) {
			es.Add(f("allowedFileKinds"), contests.T("Định dạng tệp chỉ được là docx, pdf, mp3, mp4", "File kinds must be among docx, pdf, mp3, mp4"))
		}
		if c.MaxFileBytes <= 0 {
			es.Add(f("maxFileBytes"), contests.T("Dung lượng tệp tối đa phải lớn hơn 0", "Maximum file size must be positive"))
		}
		if c.MaxMediaSeconds < 0 {
			es.Add(f("maxMediaSeconds"), contests.T("Thời lượng tối đa không được âm", "Maximum duration must not be negative"))
		}
		if c.MaxOverlapPercent < 0 || c.MaxOverlapPercent > 100 {
			es.Add(f("maxOverlapPercent"), contests.T("Tỷ lệ trùng lặp tối đa phải từ 0 đến 100", "Maximum overlap must be 0 to 100 percent"))
		}
	}
	return es.Err()
}
