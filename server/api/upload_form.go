package api

import (
	"bytes"
	"errors"
	"io"
	"mime"
	"mime/multipart"

	"github.com/gofiber/fiber/v2"

	"hoithi/contests"
)

// uploadForm reads a multipart body as a stream, part after part, as an
// upload route's handler asks for them: nothing is buffered but the small
// fields, and the body as a whole stops at the route's limit. Parts come in
// the order the client sent them (the frontend sends "work" before "file").
type uploadForm struct {
	mr   *multipart.Reader
	part *multipart.Part
}

// form opens the request body as a multipart stream of at most max bytes.
// Call it only after the caller is authenticated and authorized.
func (s *Server) form(c *fiber.Ctx, max int64) (*uploadForm, error) {
	_, params, err := mime.ParseMediaType(c.Get(fiber.HeaderContentType))
	if err != nil || params["boundary"] == "" {
		return nil, contests.E(contests.CodeInvalid, contests.T("Nội dung phải là biểu mẫu multipart/form-data", "Body must be multipart/form-data"))
	}
	body := c.Context().RequestBodyStream()
	if body == nil { // not streamed (an in-memory request)
		body = bytes.NewReader(c.Body())
	}
	return &uploadForm{mr: multipart.NewReader(&cappedBody{r: body, left: max, max: max}, params["boundary"])}, nil
}

// next returns the next part, or nil at the end of the form.
func (f *uploadForm) next() (*multipart.Part, error) {
	if f.part != nil {
		f.part.Close()
	}
	p, err := f.mr.NextPart()
	if errors.Is(err, io.EOF) {
		f.part = nil
		return nil, nil
	}
	if err != nil {
		return nil, formError(err)
	}
	f.part = p
	return p, nil
}

// value reads the next part, which must be the field name, up to max bytes.
func (f *uploadForm) value(name string, max int64, missing contests.Msg) (string, error) {
	p, err := f.next()
	if err != nil {
		return "", err
	}
	if p == nil || p.FormName() != name || p.FileName() != "" {
		return "", contests.Invalid(contests.Field(name, missing))
	}
	b, err := io.ReadAll(io.LimitReader(p, max+1))
	if err != nil {
		return "", formError(err)
	}
	if int64(len(b)) > max {
		return "", contests.E(contests.CodeTooLarge, contests.T("Trường %s quá dài", "The field %s is too long", name),
			contests.Field(name, contests.T("Quá dài", "Too long")))
	}
	return string(b), nil
}

// formError keeps our own errors (the body cap) and explains the rest.
func formError(err error) error {
	var ce *contests.Error
	if errors.As(err, &ce) {
		return ce
	}
	e := contests.E(contests.CodeInvalid, contests.T("Biểu mẫu gửi lên bị hỏng hoặc gián đoạn", "The form is malformed or was interrupted"))
	e.Err = err
	return e
}

// cappedBody fails with a too-large error once more than max bytes have
// come, asking the connection for at most one byte past the limit.
type cappedBody struct {
	r         io.Reader
	left, max int64
}

func (b *cappedBody) Read(p []byte) (int, error) {
	if b.left < 0 {
		return 0, bodyTooLarge(b.max)
	}
	if int64(len(p)) > b.left+1 {
		p = p[:b.left+1]
	}
	n, err := b.r.Read(p)
	b.left -= int64(n)
	if b.left < 0 {
		return 0, bodyTooLarge(b.max)
	}
	return n, err
}
