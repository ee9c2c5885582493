package api

import (
	"context"
	"encoding/json"
	"io"
	"mime/multipart"
	"os"
	"strings"

	"github.com/gofiber/fiber/v2"

	"hoithi/contests"
	"hoithi/contests/essay"
	"hoithi/server/docfile"
)

// A work is sent as a multipart form streamed from the connection (see
// uploadForm): first the "work" JSON, then at most one "file". The file is
// copied to a temporary file on disk within the category's limit, checked
// there (kind from its bytes, a Word archive as a whole, a video's length),
// stripped of what it says about who made it (a PDF rewritten in a
// sandboxed child process, docfile/sandbox.go; an MP4's tag boxes blanked
// in place; an MP3's ID3 tags left out), then streamed into the blob store. At no point is
// more than a buffer of it in this process's memory.

// workUpload is a work form once its "work" part is read; file is the
// "file" part, still unread, or nil when none was sent.
type workUpload struct {
	req  workRequest
	form *uploadForm
	file *multipart.Part
}

// readWorkFormIn is readWorkForm for a contest with the given categories:
// it also returns the category the work is entered in, refused when the
// contest has none of that key.
func (s *Server) readWorkFormIn(c *fiber.Ctx, categories []essay.Category) (*workUpload, essay.Category, error) {
	up, err := s.readWorkForm(c)
	if err != nil {
		return nil, essay.Category{}, err
	}
	cat, ok := essay.FindCategory(categories, essay.CategoryKey(up.req.Category))
	if !ok {
		return nil, essay.Category{}, contests.Invalid(contests.Field("category", contests.T("Thể loại không có trong cuộc thi", "Unknown category")))
	}
	return up, cat, nil
}

// readWorkForm reads the "work" part and positions on the "file" part.
func (s *Server) readWorkForm(c *fiber.Ctx) (*workUpload, error) {
	missing := contests.T("Thiếu thông tin tác phẩm", "The work's details are missing")
	up, err := s.form(c, int64(s.Limits.MaxUploadBytes)+formOverhead)
	if err != nil {
		return nil, contests.Invalid(contests.Field("work", missing))
	}
	raw, err := up.value("work", maxJSONBody, missing)
	if err != nil {
		return nil, err
	}
	w := &workUpload{form: up}
	dec := json.NewDecoder(strings.NewReader(raw))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&w.req); err != nil {
		return nil, jsonError(err)
	}
	p, err := up.next()
	if err != nil {
		return nil, err
	}
	if p != nil && (p.FormName() != "file" || p.FileName() == "") {
		return nil, errOneFile()
	}
	w.file = p
	return w, nil
}

func errOneFile() error {
	return contests.Invalid(contests.Field("file", contests.T("Cần đúng một tệp tác phẩm", "Send exactly one file")))
}

// receiveFile stores the form's file for cat: see the comment at the top.
// Nothing is kept on error. After it, the form must hold nothing more.
func (s *Server) receiveFile(ctx context.Context, w *workUpload, cat essay.Category) (essay.StoredFile, string, docfile.Meta, error) {
	var none essay.StoredFile
	limit := min(cat.MaxFileBytes, int64(s.Limits.MaxUploadBytes))
	tmp, err := os.CreateTemp("", "hoithi-upload-*")
	if err != nil {
		return none, "", docfile.Meta{}, contests.Internal(err)
	}
	defer func() { tmp.Close(); os.Remove(tmp.Name()) }()
	size, err := io.Copy(tmp, io.LimitReader(w.file, limit+1))
	if err != nil {
		return none, "", docfile.Meta{}, formError(err)
	}
	if size > limit {
		return none, "", docfile.Meta{}, contests.E(contests.CodeTooLarge, contests.T("Tệp vượt quá dung lượng cho phép của thể loại (%s)", "The file is larger than the category allows (%s)", humanSize(limit)),
			contests.Field("file", contests.T("Tệp lớn hơn %s", "The file is larger than %s", humanSize(limit))))
	}
	if more, err := w.form.next(); err != nil || more != nil {
		return none, "", docfile.Meta{}, errOneFile()
	}
	head := make([]byte, docfile.SniffBytes)
	n, _ := tmp.ReadAt(head, 0)
	kind, err := docfile.Sniff(head[:n], w.file.FileName())
	if err != nil {
		return none, "", docfile.Meta{}, err
	}
	var text string
	var meta docfile.Meta
	seconds := 0
	switch {
	case kind == essay.FileMP4 && cat.MaxMediaSeconds > 0:
		if seconds, err = docfile.MP4Seconds(tmp, size); err != nil {
			return none, "", docfile.Meta{}, err
		}
	case kind == essay.FileDOCX:
		// The whole archive is checked, not only the parts read for the
		// text: every part is inflated again for each judge's copy.
		if err := docfile.CheckArchive(tmp, size, docfile.DefaultLimits()); err != nil {
			return none, "", docfile.Meta{}, err
		}
		if text, meta, err = docfile.DocxText(tmp, size, docfile.DefaultLimits()); err != nil {
			return none, "", docfile.Meta{}, err
		}
	}
	// The stored copy, which judges and the next level get, leaves out
	// what the file says about who made it; what it said goes to
	// screening as a warning (NamesIn).
	var body io.Reader = io.NewSectionReader(tmp, 0, size)
	switch kind {
	case essay.FilePDF:
		clean, err := newTempFile()
		if err != nil {
			return none, "", docfile.Meta{}, err
		}
		defer clean.Close()
		if _, err := tmp.Seek(0, io.SeekStart); err != nil {
			return none, "", docfile.Meta{}, contests.Internal(err)
		}
		if meta, err = s.pdfs.StripPDFMetadata(ctx, tmp, clean.File); err != nil {
			return none, "", docfile.Meta{}, err
		}
		if _, err := clean.Seek(0, io.SeekStart); err != nil {
			return none, "", docfile.Meta{}, contests.Internal(err)
		}
		body = clean
	case essay.FileMP4:
		if meta, err = docfile.NeutralizeMP4Metadata(tmp, size); err != nil {
			return none, "", docfile.Meta{}, err
		}
	case essay.FileMP3:
		start, end, tags, err := docfile.MP3Audio(tmp, size)
		if err != nil {
			return none, "", docfile.Meta{}, err
		}
		meta, body = tags, io.NewSectionReader(tmp, start, end-start)
	}
	id, stored, sum, err := s.Blobs.Put(ctx, body, limit)
	if err != nil {
		return none, "", docfile.Meta{}, err
	}
	return essay.StoredFile{BlobID: id, SHA256: sum, File: essay.File{Name: safeName(w.file.FileName()), Kind: kind, Bytes: stored, MediaSeconds: seconds}}, text, meta, nil
}
