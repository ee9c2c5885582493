package api

import (
	"github.com/gofiber/fiber/v2"
)

// contentSecurityPolicy is what the app's pages may load. The built app has
// no inline script (index.html loads its entry as a file; the share pages
// add only <meta> tags), so scripts come from this origin only. Inline
// style ATTRIBUTES are allowed (Svelte's style="--depth: …" custom
// properties), style elements only from files. Images may come from https
// anywhere: contest banners and question images are https links or paths
// here (contests/url.go). The service worker is a file of this origin.
// Nothing may frame the app.
const contentSecurityPolicy = "default-src 'self'; script-src 'self'; style-src 'self'; style-src-attr 'unsafe-inline'; " +
	"img-src 'self' data: blob: https:; media-src 'self' blob:; font-src 'self'; connect-src 'self'; " +
	"worker-src 'self'; manifest-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"

// hstsMaxAge is one year: the usual value once HTTPS is known to work.
const hstsMaxAge = "max-age=31536000"

// withSecurityHeaders sets the headers every answer carries, whether or not
// a proxy adds them too, and after the handler (and the error handler) ran,
// marks any answer that did not choose its own caching as not to be stored:
// API answers carry personal data (profiles, exports, identity sheets), and
// a shared phone or a proxy must not keep them. Answers meant to be cached
// (the app's hashed assets) set Cache-Control themselves.
func (s *Server) withSecurityHeaders(c *fiber.Ctx) error {
	h := &c.Response().Header
	h.Set(fiber.HeaderContentSecurityPolicy, contentSecurityPolicy)
	h.Set(fiber.HeaderXContentTypeOptions, "nosniff")
	h.Set(fiber.HeaderXFrameOptions, "DENY") // frame-ancestors for old browsers
	h.Set(fiber.HeaderReferrerPolicy, "same-origin")
	h.Set(fiber.HeaderPermissionsPolicy, "camera=(), microphone=(), geolocation=(), payment=()")
	if s.overTLS(c) {
		h.Set(fiber.HeaderStrictTransportSecurity, hstsMaxAge)
	}
	err := c.Next()
	if len(h.Peek(fiber.HeaderCacheControl)) == 0 {
		h.Set(fiber.HeaderCacheControl, "no-store")
	}
	return err
}

// overTLS reports whether the browser reached us over HTTPS: directly, or
// through a trusted proxy that says so in X-Forwarded-Proto. The header of
// anyone else is ignored (it would let a client switch HSTS on for others
// behind a cache, or off).
func (s *Server) overTLS(c *fiber.Ctx) bool {
	if c.Context().IsTLS() {
		return true
	}
	return len(s.TrustedProxies) > 0 && c.IsProxyTrusted() && c.Get(fiber.HeaderXForwardedProto) == "https"
}
