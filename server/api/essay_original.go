package api

import (
	"strconv"

	"github.com/gofiber/fiber/v2"

	"hoithi/contests"
	"hoithi/contests/essay"
)

// workFile is the file :n (from 0) of w → CodeNotFound when w has none.
func workFile(c *fiber.Ctx, w *essay.Work) (int, essay.StoredFile, error) {
	n, err := strconv.Atoi(c.Params("n"))
	if err != nil || n < 0 || n >= len(w.Files) {
		return 0, essay.StoredFile{}, contests.NotFound("tệp", "file")
	}
	return n, w.Files[n], nil
}

// workOriginal serves the secretariat the file a work was submitted with,
// unchanged (its properties may name the author: screening is where that
// is looked at, and the secretariat sees identities anyway). Every
// download is logged.
func (s *Server) workOriginal(c *fiber.Ctx) error {
	w, ct, _, err := s.staffWork(c, c.Params("id"))
	if err != nil {
		return err
	}
	n, f, err := workFile(c, w)
	if err != nil {
		return err
	}
	rc, size, err := s.Blobs.Open(c.UserContext(), f.BlobID)
	if err != nil {
		return err
	}
	if err := s.record(c.UserContext(), ct.ID, claimsOf(c).UserID(), "work.original.downloaded", "work:"+w.ID, map[string]any{"file": n}); err != nil {
		rc.Close()
		return err
	}
	c.Set(fiber.HeaderContentType, fileMIME[f.Kind])
	c.Set(fiber.HeaderCacheControl, "no-store")
	c.Set(fiber.HeaderContentDisposition, `attachment; filename="`+w.Receipt+"."+string(f.Kind)+`"`)
	return c.SendStream(rc, int(size))
}
