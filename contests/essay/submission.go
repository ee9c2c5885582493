package essay

import (
	"fmt"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"hoithi/contests"
)

// MaxTitleRunes bounds a work's title.
const MaxTitleRunes = 300

// Coauthor is a person sharing a work. Their identity, like the author's,
// lives on the identity sheet, never with the work judges see.
type Coauthor struct {
	FullName string `json:"fullName"`
}

// File describes the uploaded main file as the server measured it: Kind is
// sniffed from the content, MediaSeconds probed from the media (0 unknown).
type File struct {
	Name         string   `json:"name"`
	Kind         FileKind `json:"kind"`
	Bytes        int64    `json:"bytes"`
	MediaSeconds int      `json:"mediaSeconds,omitempty"`
}

// Submission is a work as sent (or edited) by its author.
type Submission struct {
	// WorkID is set when an existing work is edited, so that it does not
	// count against its own author's limits.
	WorkID string `json:"workId,omitempty"`
	Title  string `json:"title"`
	// Text is the plain text of a written work, or the script of a
	// multimedia one (docs/domain.md §3: "mp3/mp4 with a script").
	Text      string     `json:"text"`
	Coauthors []Coauthor `json:"coauthors"`
	File      *File      `json:"file"`
	// Declaration is the author's pledge that the work is their own,
	// unpublished and follows the rules.
	Declaration bool `json:"declaration"`
	// Identifying lists what identifies the authors (full names, pen name,
	// phone, e-mail). None may appear in the title or text: judging is
	// blind and a work that names its author is phạm quy. Co-authors' names
	// are added automatically. Only values of two words or more, or
	// holding a digit or "@", are checked, since a single given name like
	// "An" is an ordinary word.
	Identifying []string `json:"-"`
}

// AuthorWork is a work the author (or co-author) already has in the contest.
type AuthorWork struct {
	WorkID   string      `json:"workId"`
	Category CategoryKey `json:"category"`
	Written  bool        `json:"written"`
}

// CountedWorks are the author's works in the contest that count against
// the per-author limits, as CheckSubmission takes them: every one but those
// withdrawn or refused at screening.
func CountedWorks(works []*Work, cats []Category) []AuthorWork {
	var out []AuthorWork
	for _, w := range works {
		if w.Status == WorkWithdrawn || w.Status == WorkRejected {
			continue
		}
		c, _ := FindCategory(cats, w.Category)
		out = append(out, AuthorWork{WorkID: w.ID, Category: w.Category, Written: c.Written})
	}
	return out
}

// CheckSubmission applies cat's limits to s. existing lists the works where
// the same person is author or co-author; the caller runs the check for
// every co-author too, since limits are per person. Each problem names its
// field: title, text, coauthors[i], coauthors[i].fullName, file, category,
// declaration.
func CheckSubmission(cat Category, s Submission, existing []AuthorWork) error {
	var es contests.Errors
	title := contests.NFC(s.Title)
	switch n := utf8.RuneCountInString(title); {
	case n == 0:
		es.Add("title", contests.T("Thiếu tên tác phẩm", "Title is required"))
	case n > MaxTitleRunes:
		es.Add("title", contests.T("Tên tác phẩm dài quá %d ký tự", "Title is longer than %d characters", MaxTitleRunes))
	}
	checkText(&es, cat, s.Text)
	checkCoauthors(&es, cat, s.Coauthors)
	checkFile(&es, cat, s.File)
	checkAuthorLimits(&es, cat, s.WorkID, existing)
	identifying := s.Identifying
	for _, c := range s.Coauthors {
		identifying = append(identifying, c.FullName)
	}
	if leak, ok := findIdentity(title, identifying); ok {
		es.Add("title", contests.T("Tên tác phẩm không được chứa thông tin tác giả (%q)", "The title must not identify its author (%q)", leak))
	}
	if leak, ok := findIdentity(s.Text, identifying); ok {
		es.Add("text", contests.T("Bài dự thi không được chứa thông tin tác giả (%q): ban giám khảo chấm bài ẩn danh", "The work must not identify its author (%q): judging is blind", leak))
	}
	if !s.Declaration {
		es.Add("declaration", contests.T("Cần cam kết tác phẩm là của mình, chưa công bố và tuân thủ thể lệ", "You must declare the work is your own, unpublished and within the rules"))
	}
	return es.Err()
}

func checkText(es *contests.Errors, cat Category, text string) {
	words := CountWords(text)
	switch {
	case words == 0 && cat.Written:
		es.Add("text", contests.T("Bài viết chưa có nội dung", "The work has no text"))
	case words == 0:
		es.Add("text", contests.T("Cần gửi kèm kịch bản của tác phẩm", "The script of the work is required"))
	case !cat.Written: // a script has no length rule
	case cat.MinWords > 0 && words < cat.MinWords:
		es.Add("text", contests.T("Bài viết có %d chữ, thể loại %s cần ít nhất %d chữ", "The work has %d words; %s needs at least %d", words, cat.Name, cat.MinWords))
	case cat.MaxWords > 0 && words > cat.MaxWords:
		es.Add("text", contests.T("Bài viết có %d chữ, thể loại %s cho phép tối đa %d chữ", "The work has %d words; %s allows at most %d", words, cat.Name, cat.MaxWords))
	}
}

func checkCoauthors(es *contests.Errors, cat Category, coauthors []Coauthor) {
	if len(coauthors) > cat.MaxCoauthors {
		es.Add(fmt.Sprintf("coauthors[%d]", cat.MaxCoauthors), contests.T("Thể loại %s cho phép tối đa %d đồng tác giả", "%s allows at most %d co-authors", cat.Name, cat.MaxCoauthors))
	}
	seen := map[string]bool{}
	for i, c := range coauthors {
		name := contests.Fold(c.FullName)
		field := fmt.Sprintf("coauthors[%d].fullName", i)
		switch {
		case name == "":
			es.Add(field, contests.T("Thiếu họ tên đồng tác giả", "Co-author's full name is required"))
		case seen[name]:
			es.Add(field, contests.T("Đồng tác giả bị khai trùng", "Co-author is listed twice"))
		}
		seen[name] = true
	}
}

func checkFile(es *contests.Errors, cat Category, f *File) {
	if f == nil || f.Bytes <= 0 {
		es.Add("file", contests.T("Chưa tải tệp tác phẩm lên", "The work's file is missing"))
		return
	}
	if !slices.Contains(cat.AllowedFileKinds, f.Kind) {
		es.Add("file", contests.T("Thể loại %s chỉ nhận tệp %s", "%s accepts only %s files", cat.Name, kindList(cat.AllowedFileKinds)))
		return
	}
	if f.Bytes > cat.MaxFileBytes {
		es.Add("file", contests.T("Tệp nặng %d MB, tối đa %d MB", "The file is %d MB; the limit is %d MB", ceilMB(f.Bytes), ceilMB(cat.MaxFileBytes)))
	}
	isMedia := f.Kind == FileMP3 || f.Kind == FileMP4
	switch {
	case !isMedia || cat.MaxMediaSeconds == 0: // no duration rule applies
	case f.MediaSeconds <= 0:
		es.Add("file", contests.T("Không đọc được thời lượng của tệp, hãy xuất lại tệp", "Could not read the file's duration; please export it again"))
	case f.MediaSeconds > cat.MaxMediaSeconds:
		es.Add("file", contests.T("Tác phẩm dài %s, thể loại %s cho phép tối đa %s", "The work lasts %s; %s allows at most %s", clock(f.MediaSeconds), cat.Name, clock(cat.MaxMediaSeconds)))
	}
}

func checkAuthorLimits(es *contests.Errors, cat Category, editing string, existing []AuthorWork) {
	inCategory, ofKind := 0, 0
	for _, w := range existing {
		if editing != "" && w.WorkID == editing {
			continue
		}
		if w.Category == cat.Key {
			inCategory++
		}
		if w.Written == cat.Written {
			ofKind++
		}
	}
	kind := contests.T("đa phương tiện", "multimedia")
	if cat.Written {
		kind = contests.T("báo chí viết", "written")
	}
	switch {
	case inCategory >= cat.MaxWorksPerAuthor:
		es.Add("category", contests.T("Mỗi tác giả chỉ được gửi %d tác phẩm thể loại %s", "Each author may send %d work(s) in %s", cat.MaxWorksPerAuthor, cat.Name))
	case ofKind >= cat.MaxWorksOfKindPerAuthor:
		es.Add("category", contests.Msg{
			VI: fmt.Sprintf("Mỗi tác giả chỉ được gửi %d tác phẩm %s", cat.MaxWorksOfKindPerAuthor, kind.VI),
			EN: fmt.Sprintf("Each author may send %d %s works", cat.MaxWorksOfKindPerAuthor, kind.EN),
		})
	}
}

// findIdentity returns the first identifying value found in text as whole
// words, comparing without case or diacritics.
func findIdentity(text string, values []string) (string, bool) {
	folded := contests.Fold(text)
	for _, v := range values {
		needle := contests.Fold(v)
		if !worthChecking(needle) {
			continue
		}
		for from := 0; ; {
			i := strings.Index(folded[from:], needle)
			if i < 0 {
				break
			}
			start, end := from+i, from+i+len(needle)
			if !wordRuneBefore(folded, start) && !wordRuneAfter(folded, end) {
				return contests.NFC(v), true
			}
			from = start + 1
		}
	}
	return "", false
}

func worthChecking(folded string) bool {
	return strings.Contains(folded, " ") || strings.ContainsAny(folded, "@0123456789")
}

func isWordRune(r rune) bool { return unicode.IsLetter(r) || unicode.IsNumber(r) }

func wordRuneBefore(s string, i int) bool {
	r, n := utf8.DecodeLastRuneInString(s[:i])
	return n > 0 && isWordRune(r)
}

func wordRuneAfter(s string, i int) bool {
	r, n := utf8.DecodeRuneInString(s[i:])
	return n > 0 && isWordRune(r)
}

func kindList(kinds []FileKind) string {
	parts := make([]string, len(kinds))
	for i, k := range kinds {
		parts[i] = string(k)
	}
	return strings.Join(parts, ", ")
}

func ceilMB(bytes int64) int64 { return (bytes + mib - 1) / mib }

func clock(seconds int) string { return fmt.Sprintf("%d:%02d", seconds/60, seconds%60) }
