package api

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"io/fs"
	"mime"
	"path"
	"strings"

	"github.com/gofiber/fiber/v2"
)

// appFile is one file of the built app with the compressed copies the build
// made beside it (name.br, name.gz; frontend/scripts/postbuild.mjs).
type appFile struct {
	raw, br, gz []byte
	contentType string
	// etag names the content; each coding gets its own tag, since a cache
	// must not answer a gzip request with the Brotli bytes.
	etag string
	// immutable: the name carries a hash of the content (Vite's assets/).
	immutable bool
}

// appFiles reads every file of the built app except index.html (sent by
// sendIndex, with Open Graph tags) and the compressed copies, keyed by path.
// The embedded app is a few hundred KB: it is read once, at start-up.
func appFiles(files fs.FS) (map[string]*appFile, error) {
	out := map[string]*appFile{}
	err := fs.WalkDir(files, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || p == "index.html" || p == preloadFile ||
			strings.HasSuffix(p, ".br") || strings.HasSuffix(p, ".gz") {
			return err
		}
		raw, err := fs.ReadFile(files, p)
		if err != nil {
			return err
		}
		sum := sha256.Sum256(raw)
		f := &appFile{raw: raw, etag: hex.EncodeToString(sum[:8]), immutable: strings.HasPrefix(p, "assets/"),
			contentType: mime.TypeByExtension(path.Ext(p))}
		if f.contentType == "" {
			f.contentType = fiber.MIMEOctetStream
		}
		f.br, _ = fs.ReadFile(files, p+".br")
		f.gz, _ = fs.ReadFile(files, p+".gz")
		out[p] = f
		return nil
	})
	return out, err
}

// send answers with the best copy the client accepts. Hashed assets are
// cached for a year; other files (the service worker) are revalidated on
// every use, so a new version of the app is seen at once.
func (f *appFile) send(c *fiber.Ctx) error {
	body, etag := f.raw, f.etag
	if f.br != nil || f.gz != nil {
		c.Vary(fiber.HeaderAcceptEncoding)
		switch pickEncoding(c.Get(fiber.HeaderAcceptEncoding), f.br != nil, f.gz != nil) {
		case encBrotli:
			body, etag = f.br, etag+"-br"
			c.Set(fiber.HeaderContentEncoding, encBrotli)
		case encGzip:
			body, etag = f.gz, etag+"-gz"
			c.Set(fiber.HeaderContentEncoding, encGzip)
		}
	}
	etag = `"` + etag + `"`
	if f.immutable {
		c.Set(fiber.HeaderCacheControl, "public, max-age=31536000, immutable")
	} else {
		c.Set(fiber.HeaderCacheControl, "no-cache")
	}
	c.Set(fiber.HeaderETag, etag)
	c.Set(fiber.HeaderContentType, f.contentType)
	if match := c.Get(fiber.HeaderIfNoneMatch); match != "" && strings.Contains(match, etag) {
		return c.SendStatus(fiber.StatusNotModified)
	}
	return c.Send(body)
}

// assetNotFound answers a missing asset (an old chunk after a deploy, or the
// bare /assets folder): a 404 that no cache keeps, so the file can appear
// later without being hidden by a cached error.
func assetNotFound(c *fiber.Ctx) error {
	c.Set(fiber.HeaderCacheControl, "no-store")
	return c.Status(fiber.StatusNotFound).SendString("Not Found")
}

// preloadFile lists, per page, the chunks the page needs beyond the entry,
// written by the build (frontend/scripts/postbuild.mjs): the server names
// them in the HTML so the phone fetches them with the entry, not after it.
const preloadFile = "preload.json"

// preloadLinks reads preloadFile into ready-made <link> tags per page name
// ("attempt"); a build without the file preloads nothing.
func preloadLinks(files fs.FS) map[string]string {
	out := map[string]string{}
	data, err := fs.ReadFile(files, preloadFile)
	if err != nil {
		return out
	}
	var pages map[string][]string
	if json.Unmarshal(data, &pages) != nil {
		return out
	}
	for page, chunks := range pages {
		var b strings.Builder
		for _, ch := range chunks {
			if !strings.HasPrefix(ch, "assets/") || strings.ContainsAny(ch, `"<>`) {
				continue
			}
			// crossorigin as Vite's own tags, or the browser fetches twice.
			if strings.HasSuffix(ch, ".css") {
				b.WriteString(`<link rel="preload" as="style" crossorigin href="/` + ch + `">`)
			} else {
				b.WriteString(`<link rel="modulepreload" crossorigin href="/` + ch + `">`)
			}
		}
		out[page] = b.String()
	}
	return out
}
