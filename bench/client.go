package bench

import (
	"time"

	"github.com/valyala/fasthttp"
)

// requestTimeout bounds every request of the load generator.
const requestTimeout = 30 * time.Second

// client is a keep-alive HTTP client to one loopback address. fasthttp
// reuses request and response buffers, so the generator spends its CPU
// share on the requests rather than on allocation.
type client struct {
	hc   *fasthttp.HostClient
	base string
}

func newClient(addr string, conns int) *client {
	return &client{base: "http://" + addr, hc: &fasthttp.HostClient{
		Addr:                     addr,
		MaxConns:                 conns,
		MaxConnWaitTimeout:       requestTimeout,
		ReadTimeout:              requestTimeout,
		WriteTimeout:             requestTimeout,
		MaxIdleConnDuration:      time.Minute,
		NoDefaultUserAgentHeader: true,
	}}
}

func (c *client) close() { c.hc.CloseIdleConnections() }

// result is one request's outcome. body is a copy, valid after the call.
type result struct {
	status  int // 0 when the request failed before a response
	body    []byte
	latency time.Duration
	err     error
	// retryAfter is the Retry-After header of a 503 or 429, "" otherwise.
	retryAfter string
}

// do sends one request; token "" sends none, body nil sends none.
func (c *client) do(method, path, token string, body []byte) result {
	return c.doWith(method, path, token, body, nil)
}

// doWith is do with extra request headers (name, value, name, value…).
func (c *client) doWith(method, path, token string, body []byte, headers []string) result {
	req, resp := fasthttp.AcquireRequest(), fasthttp.AcquireResponse()
	defer fasthttp.ReleaseRequest(req)
	defer fasthttp.ReleaseResponse(resp)
	req.Header.SetMethod(method)
	req.SetRequestURI(c.base + path)
	if token != "" {
		req.Header.Set("Authorization", "Bearer "+token)
	}
	for i := 0; i+1 < len(headers); i += 2 {
		req.Header.Set(headers[i], headers[i+1])
	}
	if body != nil {
		req.Header.SetContentType("application/json")
		req.SetBodyRaw(body)
	}
	start := time.Now()
	err := c.hc.DoTimeout(req, resp, requestTimeout)
	r := result{latency: time.Since(start), err: err}
	if err == nil {
		r.status = resp.StatusCode()
		r.body = append([]byte(nil), resp.Body()...)
		r.retryAfter = string(resp.Header.Peek("Retry-After"))
	}
	return r
}

func (r result) ok() bool { return r.err == nil && r.status >= 200 && r.status < 300 }
