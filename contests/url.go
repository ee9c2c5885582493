package contests

import (
	"net/url"
	"strings"
	"unicode"
)

// MaxImageURLLen is far above any real image address; longer is a paste
// accident (a data: URI or a paragraph).
const MaxImageURLLen = 2048

// SafeImageURL reports whether s may be shown to every visitor as an image
// (a contest banner, a question's picture): an https: address of another
// host, or a path on this site ("/uploads/banner.png"). Everything a
// browser could run or send elsewhere is refused: javascript:, data:,
// plain http: (mixed content), a protocol-relative "//host" and its
// backslash spelling "/\host" (browsers read "\" as "/"), addresses with a
// user name or password, and anything with spaces or control characters,
// which browsers strip before reading the scheme ("java\tscript:").
func SafeImageURL(s string) bool {
	if s == "" || len(s) > MaxImageURLLen || strings.ContainsRune(s, '\\') ||
		strings.IndexFunc(s, func(r rune) bool { return unicode.IsSpace(r) || unicode.IsControl(r) }) >= 0 {
		return false
	}
	if strings.HasPrefix(s, "/") {
		return !strings.HasPrefix(s, "//")
	}
	u, err := url.Parse(s)
	if err != nil {
		return false
	}
	return u.Scheme == "https" && u.Host != "" && u.User == nil && u.Opaque == ""
}

// ImageURLRule says what SafeImageURL accepts, for field errors.
var ImageURLRule = T("Chỉ nhận đường dẫn https:// hoặc đường dẫn trên trang này (bắt đầu bằng /)",
	"Only an https:// address or a path on this site (starting with /) is accepted")
