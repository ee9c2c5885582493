package api

import (
	"html"
	"io/fs"
	"path"
	"strings"

	"github.com/gofiber/fiber/v2"
	"github.com/gofiber/fiber/v2/middleware/filesystem"

	"hoithi/contests"
	"hoithi/frontend"
)

const notBuiltPage = `<!doctype html><html lang="vi"><meta charset="utf-8"><title>Hội Thi</title>
<body style="font-family:sans-serif;max-width:40em;margin:3em auto;padding:0 1em">
<h1>Giao diện chưa được build</h1><p>Máy chủ đang chạy nhưng giao diện web chưa được đóng gói vào bản build này.
Chạy <code>make run</code> (hoặc <code>npm ci &amp;&amp; npm run build</code> rồi build lại máy chủ).</p>
<p lang="en"><i>The frontend is not built into this binary. Run <code>make run</code>, or <code>npm ci && npm run build</code> and rebuild the server.</i></p>
<p>API: <a href="/api/v1/contests">/api/v1/contests</a> · <a href="/healthz">/healthz</a></p></body></html>`

// frontendRoutes serves the embedded single-page app: hashed assets cached
// for a year, every other path answered with index.html (the SPA routes), and
// share links (/c/{slug}) with Open Graph tags so Zalo and Facebook previews
// show the contest — their crawlers do not run JavaScript.
func (s *Server) frontendRoutes(app *fiber.App) {
	if !frontend.Built() {
		app.Get("/*", func(c *fiber.Ctx) error {
			c.Type("html", "utf-8")
			return c.Status(fiber.StatusOK).SendString(notBuiltPage)
		})
		return
	}
	files := frontend.App()
	index, _ := fs.ReadFile(files, "index.html")
	app.Use("/assets", func(c *fiber.Ctx) error {
		c.Set(fiber.HeaderCacheControl, "public, max-age=31536000, immutable")
		return c.Next()
	}, filesystem.New(filesystem.Config{Root: fsHTTP(files), PathPrefix: "assets"}))
	app.Get("/c/:slug", func(c *fiber.Ctx) error { return s.sendIndex(c, index, c.Params("slug")) })
	app.Get("/*", func(c *fiber.Ctx) error {
		p := strings.TrimPrefix(path.Clean("/"+c.Params("*")), "/")
		if p != "" && p != "index.html" {
			if st, err := fs.Stat(files, p); err == nil && !st.IsDir() {
				return filesystem.SendFile(c, fsHTTP(files), p)
			}
		}
		return s.sendIndex(c, index, "")
	})
}

func (s *Server) sendIndex(c *fiber.Ctx, index []byte, slug string) error {
	c.Set(fiber.HeaderCacheControl, "no-cache")
	c.Type("html", "utf-8")
	page := string(index)
	if slug != "" {
		if ct, err := s.Store.ContestBySlug(c.UserContext(), slug); err == nil && ct.Status != contests.ContestDraft {
			page = strings.Replace(page, "</head>", openGraph(c.BaseURL()+"/c/"+ct.Slug, ct)+"</head>", 1)
		}
	}
	return c.SendString(page)
}

func openGraph(url string, ct *contests.Contest) string {
	desc := ct.Description
	if r := []rune(desc); len(r) > 200 {
		desc = string(r[:200]) + "…"
	}
	var b strings.Builder
	meta := func(prop, content string) {
		if content != "" {
			b.WriteString(`<meta property="` + prop + `" content="` + html.EscapeString(content) + `">`)
		}
	}
	meta("og:type", "website")
	meta("og:title", ct.Title)
	meta("og:description", desc)
	meta("og:url", url)
	meta("og:image", ct.BannerURL)
	b.WriteString(`<meta name="description" content="` + html.EscapeString(desc) + `">`)
	return b.String()
}
