package api

import (
	"html"
	"io/fs"
	"path"
	"strings"

	"github.com/gofiber/fiber/v2"

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
// for a year, in the compressed copy the phone accepts, every other path
// answered with index.html (the SPA routes), and share links (/c/{slug})
// with Open Graph tags so Zalo and Facebook previews show the contest —
// their crawlers do not run JavaScript.
func (s *Server) frontendRoutes(app *fiber.App) {
	files := s.Frontend
	if files == nil && frontend.Built() {
		files = frontend.App()
	}
	if files == nil {
		app.Get("/*", func(c *fiber.Ctx) error {
			c.Type("html", "utf-8")
			return c.Status(fiber.StatusOK).SendString(notBuiltPage)
		})
		return
	}
	index, _ := fs.ReadFile(files, "index.html")
	table, err := appFiles(files)
	if err != nil {
		panic("frontend: " + err.Error()) // the embedded files are part of the binary
	}
	preload := preloadLinks(files)
	app.Get("/assets", assetNotFound)
	app.Get("/assets/*", func(c *fiber.Ctx) error {
		if f := table["assets/"+c.Params("*")]; f != nil {
			return f.send(c)
		}
		return assetNotFound(c)
	})
	app.Get("/c/:slug", func(c *fiber.Ctx) error { return s.sendIndex(c, index, c.Params("slug"), "") })
	// A shared round link: the attempt page's chunks come with the entry.
	app.Get("/c/:slug/r/:round", func(c *fiber.Ctx) error {
		return s.sendIndex(c, index, c.Params("slug"), preload["attempt"])
	})
	app.Get("/*", func(c *fiber.Ctx) error {
		p := strings.TrimPrefix(path.Clean("/"+c.Params("*")), "/")
		if f := table[p]; f != nil {
			return f.send(c)
		}
		if p == "" {
			// The landing lists the contests: the phone asks for them with
			// the main script instead of after running it (one round trip
			// of 3G less before the page is usable).
			return s.sendIndex(c, index, "", landingPreload)
		}
		return s.sendIndex(c, index, "", "")
	})
}

const landingPreload = `<link rel="preload" href="/api/v1/contests" as="fetch" crossorigin="anonymous">`

// sendIndex answers a page of the app: index.html, with the contest's Open
// Graph tags for a share link and the page's preloaded chunks.
func (s *Server) sendIndex(c *fiber.Ctx, index []byte, slug, head string) error {
	c.Set(fiber.HeaderCacheControl, "no-cache")
	c.Type("html", "utf-8")
	if slug != "" {
		if ct, err := s.Store.ContestBySlug(c.UserContext(), slug); err == nil && ct.Status != contests.ContestDraft {
			head += openGraph(c.BaseURL()+"/c/"+ct.Slug, ct)
		}
	}
	page := string(index)
	if head != "" {
		page = strings.Replace(page, "</head>", head+"</head>", 1)
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
