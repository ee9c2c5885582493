package api

import (
	"bytes"
	"compress/gzip"
	"context"
	"io"
	"net/http/httptest"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/andybalholm/brotli"
	"github.com/gofiber/fiber/v2"

	"hoithi/server/store/sqlite"
)

func brotliBytes(t *testing.T, raw string) []byte {
	var b bytes.Buffer
	w := brotli.NewWriterLevel(&b, brotli.BestCompression)
	w.Write([]byte(raw))
	w.Close()
	return b.Bytes()
}

func gzipBytes(t *testing.T, raw string) []byte {
	var b bytes.Buffer
	w, _ := gzip.NewWriterLevel(&b, gzip.BestCompression)
	w.Write([]byte(raw))
	w.Close()
	return b.Bytes()
}

// builtApp is a built frontend as postbuild.mjs leaves it: an entry chunk
// with its .br and .gz copies, an attempt chunk, the service worker and the
// preload list.
func builtApp(t *testing.T) (*fiber.App, string) {
	js := strings.Repeat("console.log('Hội Thi');", 200)
	files := fstest.MapFS{
		"index.html":                   {Data: []byte(`<!doctype html><html><head><title>Hội Thi</title></head><body></body></html>`)},
		"assets/index-1a2b3c.js":       {Data: []byte(js)},
		"assets/index-1a2b3c.js.br":    {Data: brotliBytes(t, js)},
		"assets/index-1a2b3c.js.gz":    {Data: gzipBytes(t, js)},
		"assets/AttemptPage-9f8e7d.js": {Data: []byte("export default 1")},
		"sw.js":                        {Data: []byte("self.addEventListener('fetch', () => {});")},
		"preload.json":                 {Data: []byte(`{"attempt":["assets/AttemptPage-9f8e7d.js","assets/AttemptPage-5c4d.css"]}`)},
	}
	st, err := sqlite.Open(context.Background(), t.TempDir()+"/api.db")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	return New(Deps{Store: st, Frontend: files}), js
}

func get(t *testing.T, app *fiber.App, path string, headers ...string) (int, map[string]string, []byte) {
	t.Helper()
	req := httptest.NewRequest("GET", path, nil)
	for i := 0; i+1 < len(headers); i += 2 {
		req.Header.Set(headers[i], headers[i+1])
	}
	res, err := app.Test(req, -1)
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(res.Body)
	h := map[string]string{}
	for k := range res.Header {
		h[k] = res.Header.Get(k)
	}
	return res.StatusCode, h, body
}

func TestAssetsServedInTheCodingThePhoneAccepts(t *testing.T) {
	app, js := builtApp(t)
	decode := map[string]func([]byte) string{
		"br": func(b []byte) string { out, _ := io.ReadAll(brotli.NewReader(bytes.NewReader(b))); return string(out) },
		"gzip": func(b []byte) string {
			r, err := gzip.NewReader(bytes.NewReader(b))
			if err != nil {
				return ""
			}
			out, _ := io.ReadAll(r)
			return string(out)
		},
		"": func(b []byte) string { return string(b) },
	}
	etags := map[string]bool{}
	for _, tc := range []struct{ accept, coding string }{
		{"gzip, deflate, br, zstd", "br"}, // Chrome on Android
		{"br", "br"},
		{"gzip, deflate", "gzip"},
		{"br;q=0, gzip", "gzip"},
		{"gzip;q=1, br;q=0.5", "gzip"},
		{"*", "br"},
		{"", ""},
		{"identity", ""},
	} {
		status, h, body := get(t, app, "/assets/index-1a2b3c.js", "Accept-Encoding", tc.accept)
		if status != 200 {
			t.Fatalf("%q: status %d", tc.accept, status)
		}
		if h["Content-Encoding"] != tc.coding {
			t.Errorf("%q: Content-Encoding %q, want %q", tc.accept, h["Content-Encoding"], tc.coding)
		}
		if got := decode[tc.coding](body); got != js {
			t.Errorf("%q: body decodes to %d bytes, want the %d of the file", tc.accept, len(got), len(js))
		}
		if tc.coding != "" && len(body) >= len(js)/4 {
			t.Errorf("%q: %d bytes sent for a %d-byte file", tc.accept, len(body), len(js))
		}
		if h["Vary"] != "Accept-Encoding" {
			t.Errorf("%q: Vary %q", tc.accept, h["Vary"])
		}
		if h["Cache-Control"] != "public, max-age=31536000, immutable" {
			t.Errorf("%q: Cache-Control %q", tc.accept, h["Cache-Control"])
		}
		if !strings.HasPrefix(h["Content-Type"], "text/javascript") {
			t.Errorf("%q: Content-Type %q", tc.accept, h["Content-Type"])
		}
		etags[tc.coding+" "+h["Etag"]] = true
		// The tag of this coding revalidates; the tag of another does not.
		if status, _, _ := get(t, app, "/assets/index-1a2b3c.js", "Accept-Encoding", tc.accept, "If-None-Match", h["Etag"]); status != 304 {
			t.Errorf("%q: If-None-Match with its ETag answered %d, want 304", tc.accept, status)
		}
	}
	tags := map[string]bool{}
	for k := range etags {
		tags[strings.SplitN(k, " ", 2)[1]] = true
	}
	if len(tags) != 3 {
		t.Errorf("want one ETag per coding (3), got %v", etags)
	}
}

func TestMissingAssetsAre404AndNeverCached(t *testing.T) {
	app, _ := builtApp(t)
	for _, p := range []string{"/assets", "/assets/", "/assets/index-old.js", "/assets/../index.html"} {
		status, h, _ := get(t, app, p, "Accept-Encoding", "br")
		if status != 404 {
			t.Errorf("%s: status %d, want 404", p, status)
		}
		if strings.Contains(h["Cache-Control"], "immutable") || strings.Contains(h["Cache-Control"], "max-age") {
			t.Errorf("%s: an error cached with %q", p, h["Cache-Control"])
		}
	}
}

func TestServiceWorkerRevalidatedAndRoundLinkPreloadsItsChunk(t *testing.T) {
	app, _ := builtApp(t)
	status, h, body := get(t, app, "/sw.js")
	if status != 200 || h["Cache-Control"] != "no-cache" || !strings.Contains(string(body), "fetch") {
		t.Errorf("/sw.js: %d %q %q", status, h["Cache-Control"], body)
	}
	if _, _, b := get(t, app, "/preload.json"); bytes.Contains(b, []byte("AttemptPage")) {
		t.Error("the build's preload list is served as a file")
	}
	preload := `<link rel="modulepreload" crossorigin href="/assets/AttemptPage-9f8e7d.js">` +
		`<link rel="preload" as="style" crossorigin href="/assets/AttemptPage-5c4d.css">`
	_, h, body = get(t, app, "/c/demo/r/round-1")
	if !strings.Contains(string(body), preload+"</head>") || h["Cache-Control"] != "no-cache" {
		t.Errorf("round link: %q\n%s", h["Cache-Control"], body)
	}
	if _, _, body := get(t, app, "/"); !strings.Contains(string(body), landingPreload+"</head>") {
		t.Errorf("the landing does not ask for the contest list early:\n%s", body)
	}
	if _, _, body := get(t, app, "/me"); strings.Contains(string(body), "/api/v1/contests") {
		t.Errorf("/me asks for the landing's contest list:\n%s", body)
	}
	for _, p := range []string{"/", "/c/demo", "/me"} {
		if _, _, body := get(t, app, p); strings.Contains(string(body), "modulepreload") || !strings.Contains(string(body), "<title>") {
			t.Errorf("%s preloads the attempt page or is not the app:\n%s", p, body)
		}
	}
}

func TestPickEncoding(t *testing.T) {
	for _, tc := range []struct {
		accept string
		br, gz bool
		want   string
	}{
		{"gzip, deflate, br", true, true, "br"},
		{"gzip, deflate, br", false, true, "gzip"},
		{"gzip, deflate, br", true, false, "br"},
		{"gzip", true, false, ""},
		{"BR;Q=0.8, GZIP;q=0.9", true, true, "gzip"},
		{"br;q=0", true, true, ""},
		{"*;q=0", true, true, ""},
		{"*, gzip;q=0", true, true, "br"},
		{"deflate", true, true, ""},
		{" br ; q=1.0 ,gzip", true, true, "br"},
		{"br;q=abc", true, true, "br"},
		{",,;", true, true, ""},
	} {
		if got := pickEncoding(tc.accept, tc.br, tc.gz); got != tc.want {
			t.Errorf("pickEncoding(%q, br=%v, gz=%v) = %q, want %q", tc.accept, tc.br, tc.gz, got, tc.want)
		}
	}
}

func TestJSONCompressedOnlyWhenLargeEnough(t *testing.T) {
	app := fiber.New()
	app.Use(compressJSON(compressMinBytes))
	big := strings.Repeat(`{"id":"q1","text":"Câu hỏi"},`, 100)
	app.Get("/big", func(c *fiber.Ctx) error { return c.JSON(fiber.Map{"items": big}) })
	app.Get("/small", func(c *fiber.Ctx) error { return c.JSON(fiber.Map{"saved": true, "seq": 3}) })
	app.Get("/text", func(c *fiber.Ctx) error { return c.SendString(big) })

	status, h, body := get(t, app, "/big", "Accept-Encoding", "gzip, deflate, br")
	plain, _ := io.ReadAll(brotli.NewReader(bytes.NewReader(body)))
	if status != 200 || h["Content-Encoding"] != "br" || h["Vary"] != "Accept-Encoding" || !strings.Contains(string(plain), "Câu hỏi") {
		t.Errorf("big JSON: %d %v, %d bytes decoding to %d", status, h, len(body), len(plain))
	}
	if _, h, _ := get(t, app, "/big", "Accept-Encoding", "gzip"); h["Content-Encoding"] != "gzip" {
		t.Errorf("big JSON for gzip: %v", h)
	}
	if _, h, body := get(t, app, "/big"); h["Content-Encoding"] != "" || !strings.Contains(string(body), "Câu hỏi") {
		t.Errorf("big JSON without Accept-Encoding: %v", h)
	}
	if _, h, body := get(t, app, "/small", "Accept-Encoding", "br"); h["Content-Encoding"] != "" || string(body) != `{"saved":true,"seq":3}` {
		t.Errorf("small JSON compressed: %v %q", h, body)
	}
	if _, h, _ := get(t, app, "/text", "Accept-Encoding", "br"); h["Content-Encoding"] != "" {
		t.Errorf("non-JSON compressed by the JSON middleware: %v", h)
	}
}
