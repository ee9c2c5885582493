package api

import (
	"strconv"
	"strings"

	"github.com/gofiber/fiber/v2"
	"github.com/valyala/fasthttp"
)

// Content codings the server produces: Brotli (smaller) before gzip.
const (
	encBrotli   = "br"
	encGzip     = "gzip"
	encIdentity = ""
)

// pickEncoding chooses the content coding for a response from the request's
// Accept-Encoding, among the ones available: Brotli when the client takes it
// at least as willingly as gzip, else gzip, else none. "q=0" refuses a
// coding; "*" stands for any coding not named.
func pickEncoding(acceptEncoding string, haveBrotli, haveGzip bool) string {
	q := map[string]float64{}
	for _, part := range strings.Split(acceptEncoding, ",") {
		name, params, _ := strings.Cut(strings.TrimSpace(part), ";")
		name = strings.ToLower(strings.TrimSpace(name))
		if name == "" {
			continue
		}
		weight := 1.0
		for _, p := range strings.Split(params, ";") {
			k, v, ok := strings.Cut(strings.TrimSpace(p), "=")
			if ok && strings.EqualFold(strings.TrimSpace(k), "q") {
				if f, err := strconv.ParseFloat(strings.TrimSpace(v), 64); err == nil {
					weight = f
				}
			}
		}
		q[name] = weight
	}
	quality := func(coding string) float64 {
		if w, ok := q[coding]; ok {
			return w
		}
		return q["*"]
	}
	br, gz := quality(encBrotli), quality(encGzip)
	switch {
	case haveBrotli && br > 0 && (br >= gz || !haveGzip):
		return encBrotli
	case haveGzip && gz > 0:
		return encGzip
	}
	return encIdentity
}

// JSON answers at least this long are compressed. Below it the bytes saved
// do not pay for the CPU: the hot-path answers (an answer saved, a
// prediction, a submit) are a few dozen bytes and go out as they are, while
// a paper, a rounds list or a standings page shrinks several times.
const compressMinBytes = 1024

// Levels chosen for speed: Brotli 4 and gzip 5 take a few tens of
// microseconds on a paper of 10 KB and keep most of the gain of the slowest
// levels; the static assets are compressed at the best levels once, at
// build time (frontend/scripts/postbuild.mjs).
const (
	jsonBrotliLevel = fasthttp.CompressBrotliDefaultCompression
	jsonGzipLevel   = 5
)

// compressJSON compresses JSON responses of at least minBytes for clients
// that accept it. Streamed bodies (exports) and error answers are left alone.
func compressJSON(minBytes int) fiber.Handler {
	return func(c *fiber.Ctx) error {
		if err := c.Next(); err != nil {
			return err
		}
		res := c.Response()
		if res.IsBodyStream() || len(res.Body()) < minBytes || len(res.Header.ContentEncoding()) > 0 ||
			!strings.HasPrefix(string(res.Header.ContentType()), fiber.MIMEApplicationJSON) {
			return nil
		}
		c.Vary(fiber.HeaderAcceptEncoding)
		var body []byte
		enc := pickEncoding(c.Get(fiber.HeaderAcceptEncoding), true, true)
		switch enc {
		case encBrotli:
			body = fasthttp.AppendBrotliBytesLevel(nil, res.Body(), jsonBrotliLevel)
		case encGzip:
			body = fasthttp.AppendGzipBytesLevel(nil, res.Body(), jsonGzipLevel)
		default:
			return nil
		}
		res.Header.Set(fiber.HeaderContentEncoding, enc)
		res.SetBodyRaw(body)
		return nil
	}
}
