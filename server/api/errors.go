package api

import (
	"errors"
	"log/slog"
	"strconv"
	"time"

	"github.com/gofiber/fiber/v2"

	"hoithi/contests"
	"hoithi/server/auth"
)

// statusOf maps each error code to one HTTP status.
var statusOf = map[contests.Code]int{
	contests.CodeInvalid:      fiber.StatusBadRequest,
	contests.CodeUnauthorized: fiber.StatusUnauthorized,
	contests.CodeForbidden:    fiber.StatusForbidden,
	contests.CodeNotFound:     fiber.StatusNotFound,
	contests.CodeConflict:     fiber.StatusConflict,
	contests.CodeTooLate:      fiber.StatusConflict,
	contests.CodeRateLimited:  fiber.StatusTooManyRequests,
	contests.CodeTooLarge:     fiber.StatusRequestEntityTooLarge,
	contests.CodeBusy:         fiber.StatusServiceUnavailable,
	contests.CodeInternal:     fiber.StatusInternalServerError,
}

type errorBody struct {
	Error errorDetail `json:"error"`
}

type errorDetail struct {
	Code    contests.Code `json:"code"`
	Message string        `json:"message"`
	Fields  []fieldDetail `json:"fields,omitempty"`
}

type fieldDetail struct {
	Field   string `json:"field"`
	Message string `json:"message"`
}

// errorHandler is the one place an error becomes a response. Domain errors
// keep their code and message; Fiber's own errors (404 route, 413 body) are
// translated; anything else is logged and answered as internal.
func errorHandler(log *slog.Logger) fiber.ErrorHandler {
	return func(c *fiber.Ctx, err error) error {
		e := toDomainError(err)
		status := statusOf[e.Code]
		if status == 0 {
			status = fiber.StatusInternalServerError
		}
		if e.Code == contests.CodeInternal {
			log.Error("request failed", "request_id", requestID(c), "method", c.Method(), "path", c.Path(), "err", err)
		}
		if e.Code == contests.CodeBusy {
			c.Set(fiber.HeaderRetryAfter, retryAfterSeconds(err))
		}
		// Every 429 says when to come back; rateLimited sets the exact wait,
		// a limit that did not is a minute away at most.
		if e.Code == contests.CodeRateLimited && len(c.Response().Header.Peek(fiber.HeaderRetryAfter)) == 0 {
			c.Set(fiber.HeaderRetryAfter, "60")
		}
		lang := language(c)
		body := errorBody{Error: errorDetail{Code: e.Code, Message: e.Msg.In(lang)}}
		for _, f := range e.Fields {
			body.Error.Fields = append(body.Error.Fields, fieldDetail{Field: f.Field, Message: f.Msg.In(lang)})
		}
		return c.Status(status).JSON(body)
	}
}

// retryAfterSeconds is the Retry-After of a busy answer: the hashing
// queue's estimate when it refused, else one second.
func retryAfterSeconds(err error) string {
	var busy *auth.BusyError
	if errors.As(err, &busy) {
		return strconv.Itoa(max(1, int(busy.RetryAfter/time.Second)))
	}
	return "1"
}

func toDomainError(err error) *contests.Error {
	var de *contests.Error
	if errors.As(err, &de) {
		return de
	}
	var fe *fiber.Error
	if errors.As(err, &fe) {
		switch fe.Code {
		case fiber.StatusNotFound:
			return contests.E(contests.CodeNotFound, contests.T("Không tìm thấy đường dẫn", "Route not found"))
		case fiber.StatusRequestEntityTooLarge:
			return errTooLarge
		case fiber.StatusMethodNotAllowed:
			return contests.E(contests.CodeNotFound, contests.T("Phương thức không được hỗ trợ", "Method not allowed"))
		case fiber.StatusBadRequest, fiber.StatusUnprocessableEntity:
			return contests.E(contests.CodeInvalid, contests.T("Yêu cầu không hợp lệ", "Bad request"))
		case fiber.StatusTooManyRequests:
			return errRateLimited
		}
	}
	return contests.Internal(err)
}

var (
	errTooLarge     = contests.E(contests.CodeTooLarge, contests.T("Dữ liệu gửi lên quá lớn", "Request body too large"))
	errRateLimited  = contests.E(contests.CodeRateLimited, contests.T("Bạn thao tác quá nhanh, vui lòng thử lại sau ít phút", "Too many requests, please try again in a few minutes"))
	errUnauthorized = contests.E(contests.CodeUnauthorized, contests.T("Vui lòng đăng nhập", "Please log in"))
	errForbidden    = contests.E(contests.CodeForbidden, contests.T("Bạn không có quyền thực hiện thao tác này", "You are not allowed to do this"))
)
