package api

import (
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"strconv"
	"strings"

	"github.com/gofiber/fiber/v2"

	"hoithi/contests"
)

// maxJSONBody bounds every JSON request; file uploads have their own limits.
const maxJSONBody = 64 << 10

// bindJSON decodes the body strictly into dst: one JSON object, no unknown
// fields, right types. Errors name the offending field.
func bindJSON(c *fiber.Ctx, dst any) error {
	body := c.Body()
	if len(body) > maxJSONBody {
		return errTooLarge
	}
	if ct := c.Get(fiber.HeaderContentType); ct != "" && !strings.HasPrefix(ct, fiber.MIMEApplicationJSON) {
		return contests.E(contests.CodeInvalid, contests.T("Nội dung phải là JSON (Content-Type: application/json)", "Body must be JSON (Content-Type: application/json)"))
	}
	dec := json.NewDecoder(bytes.NewReader(body))
	dec.DisallowUnknownFields()
	if err := dec.Decode(dst); err != nil {
		return jsonError(err)
	}
	if _, err := dec.Token(); !errors.Is(err, io.EOF) {
		return contests.E(contests.CodeInvalid, contests.T("Chỉ được gửi một đối tượng JSON", "Body must hold exactly one JSON object"))
	}
	return nil
}

func jsonError(err error) error {
	var typeErr *json.UnmarshalTypeError
	var syntaxErr *json.SyntaxError
	switch {
	case errors.Is(err, io.EOF):
		return contests.E(contests.CodeInvalid, contests.T("Thiếu nội dung yêu cầu", "Request body is empty"))
	case errors.As(err, &typeErr):
		field := typeErr.Field
		if field == "" {
			field = "body"
		}
		kind := typeErr.Type.Kind().String()
		return contests.Invalid(contests.Field(field, contests.Msg{VI: "Sai kiểu dữ liệu: cần " + typeName(kind), EN: "Wrong type: expected " + kind}))
	case errors.As(err, &syntaxErr), errors.Is(err, io.ErrUnexpectedEOF):
		return contests.E(contests.CodeInvalid, contests.T("JSON không hợp lệ", "Malformed JSON"))
	case strings.HasPrefix(err.Error(), "json: unknown field "):
		name := strings.Trim(strings.TrimPrefix(err.Error(), "json: unknown field "), `"`)
		return contests.Invalid(contests.Field(name, contests.T("Trường không được hỗ trợ", "Unknown field")))
	}
	return contests.E(contests.CodeInvalid, contests.T("JSON không hợp lệ", "Malformed JSON"))
}

func typeName(kind string) string {
	switch kind {
	case "string":
		return "chuỗi ký tự"
	case "int", "int64", "float64", "uint", "int32":
		return "số"
	case "bool":
		return "đúng/sai"
	case "slice":
		return "danh sách"
	case "struct", "map":
		return "đối tượng"
	}
	return kind
}

// queryInt reads an integer query parameter within [min, max], def when absent.
func queryInt(c *fiber.Ctx, name string, def, min, max int) (int, error) {
	s := c.Query(name)
	if s == "" {
		return def, nil
	}
	n, err := strconv.Atoi(s)
	if err != nil || n < min || n > max {
		return 0, contests.Invalid(contests.Field(name, contests.T("Phải là số nguyên từ %d đến %d", "Must be an integer from %d to %d", min, max)))
	}
	return n, nil
}

// itoa writes an index into a field name ("panels[2].judgeIds").
func itoa(i int) string { return strconv.Itoa(i) }
