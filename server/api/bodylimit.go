package api

import (
	"bytes"
	"io"
	"strings"

	"github.com/gofiber/fiber/v2"

	"hoithi/contests"
)

// Request bodies are streamed (fiber.Config.StreamRequestBody): fasthttp
// reads only the headers and the first 8 KB before a handler runs, so a
// 100 MB body sent to any route costs nothing until someone reads it.
// limitBodies, the first middleware, decides how much may be read:
//
//   - every route but the upload routes: at most maxJSONBody, refused with
//     413 from the Content-Length before a byte of the body is read, and a
//     chunked body is read only up to that limit;
//   - the upload routes (those given an upload limit in routes.go): up to
//     their own limit, checked from the Content-Length first, and read by
//     the handler itself, after authentication and authorization, as a
//     stream (uploadForm) that stops at the limit.
//
// Compressed request bodies are refused: fasthttp would inflate them
// without a bound.

// uploadRule is one route that may receive a large body.
type uploadRule struct {
	method string
	segs   []string // the route's path split on "/", ":name" matching any one segment
	max    int64
}

// uploadRuleFor returns the upload rule matching the request, or nil.
func (s *Server) uploadRuleFor(method, path string) *uploadRule {
	segs := strings.Split(strings.TrimSuffix(path, "/"), "/")
	for i := range s.uploads {
		u := &s.uploads[i]
		if u.method != method || len(u.segs) != len(segs) {
			continue
		}
		ok := true
		for j, want := range u.segs {
			if !strings.HasPrefix(want, ":") && want != segs[j] || segs[j] == "" && want != "" {
				ok = false
				break
			}
		}
		if ok {
			return u
		}
	}
	return nil
}

// formOverhead is what a multipart form adds around its file: the "work"
// JSON part, boundaries and part headers.
const formOverhead = maxJSONBody + 16<<10

// limitBodies enforces the body limits described above.
func (s *Server) limitBodies(c *fiber.Ctx) error {
	req := c.Request()
	length := req.Header.ContentLength() // -1: chunked; -2: none
	if length == 0 || length == -2 {
		return c.Next()
	}
	if enc := strings.ToLower(strings.TrimSpace(c.Get(fiber.HeaderContentEncoding))); enc != "" && enc != "identity" {
		refuseUnread(c)
		return contests.E(contests.CodeInvalid, contests.T("Không nhận nội dung nén (Content-Encoding)", "Compressed request bodies are not accepted (Content-Encoding)"))
	}
	max := int64(maxJSONBody)
	rule := s.uploadRuleFor(c.Method(), c.Path())
	if rule != nil {
		max = rule.max
	}
	if int64(length) > max {
		refuseUnread(c)
		return bodyTooLarge(max)
	}
	if rule != nil {
		// The handler streams the body after its checks and may stop early
		// (a refusal, a limit): what is left unread must not be taken for
		// the next request on this connection.
		c.Context().SetConnectionClose()
		return c.Next()
	}
	if stream := c.Context().RequestBodyStream(); stream != nil {
		var buf bytes.Buffer
		n, err := io.Copy(&buf, io.LimitReader(stream, max+1))
		if n > max {
			refuseUnread(c)
			return bodyTooLarge(max)
		}
		if err != nil {
			refuseUnread(c)
			return interruptedBody(err)
		}
		req.SetBody(buf.Bytes())
	}
	return c.Next()
}

// refuseUnread closes the connection after the answer: the body the client
// is still sending is never read.
func refuseUnread(c *fiber.Ctx) { c.Context().SetConnectionClose() }

func bodyTooLarge(max int64) error {
	return contests.E(contests.CodeTooLarge, contests.T("Dữ liệu gửi lên quá lớn (tối đa %s)", "Request body too large (at most %s)", humanSize(max)))
}

func interruptedBody(cause error) error {
	e := contests.E(contests.CodeInvalid, contests.T("Dữ liệu gửi lên bị gián đoạn", "The request body was interrupted"))
	e.Err = cause
	return e
}

// humanSize says a byte count as people read it (KB, MB).
func humanSize(n int64) string {
	switch {
	case n >= 1<<20:
		return itoa(int((n+(1<<20)-1)>>20)) + " MB"
	case n >= 1<<10:
		return itoa(int((n+(1<<10)-1)>>10)) + " KB"
	}
	return itoa(int(n)) + " byte"
}
