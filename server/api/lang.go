package api

import (
	"strings"

	"github.com/gofiber/fiber/v2"
)

// language picks "vi" or "en" from Accept-Language: Vietnamese unless the
// client prefers English over it.
func language(c *fiber.Ctx) string {
	for _, part := range strings.Split(c.Get(fiber.HeaderAcceptLanguage), ",") {
		tag := strings.ToLower(strings.TrimSpace(strings.SplitN(part, ";", 2)[0]))
		switch {
		case strings.HasPrefix(tag, "vi"):
			return "vi"
		case strings.HasPrefix(tag, "en"):
			return "en"
		}
	}
	return "vi"
}
