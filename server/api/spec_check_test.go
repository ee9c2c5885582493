package api

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"net/http"
	"strings"
	"sync"
	"testing"

	"github.com/getkin/kin-openapi/openapi3"
	"github.com/getkin/kin-openapi/openapi3filter"
	"github.com/getkin/kin-openapi/routers"
	"github.com/getkin/kin-openapi/routers/legacy"
)

// Every JSON answer an API test receives through env.send is validated
// against docs/openapi.yaml: the status's schema when the spec has one for
// that route. So the spec, from which the frontend's types are generated
// (frontend/src/lib/api/schema.d.ts), cannot drift from what the server
// really sends without a test failing here.

var (
	specOnce   sync.Once
	specRouter routers.Router
	specErr    error
	// specSeen records "METHOD /path status" of each validated answer, for
	// TestResponsesMatchSpec's coverage check.
	specSeen sync.Map
)

func loadSpec() (routers.Router, error) {
	specOnce.Do(func() {
		loader := openapi3.NewLoader()
		doc, err := loader.LoadFromFile("../../docs/openapi.yaml")
		if err != nil {
			specErr = err
			return
		}
		if err := doc.Validate(context.Background()); err != nil {
			specErr = err
			return
		}
		doc.Servers = nil // match paths as they are, whatever the host
		specRouter, specErr = legacy.NewRouter(doc)
	})
	return specRouter, specErr
}

// checkSpec validates one answer; it reports a test error naming the route
// and what the spec disagrees with.
func checkSpec(t testing.TB, req *http.Request, status int, header http.Header, body []byte) {
	t.Helper()
	if !strings.HasPrefix(header.Get("Content-Type"), "application/json") {
		return // files, text, HTML: their schemas say only "binary"
	}
	router, err := loadSpec()
	if err != nil {
		t.Fatalf("docs/openapi.yaml: %v", err)
	}
	route, params, err := router.FindRoute(req)
	if err != nil {
		return // not an API route (TestEveryRouteIsDocumented covers the paths)
	}
	op := route.Operation
	if op.Responses.Status(status) == nil && op.Responses.Default() == nil {
		return // an undocumented status (a 429 from a shared limiter, …)
	}
	in := &openapi3filter.ResponseValidationInput{
		RequestValidationInput: &openapi3filter.RequestValidationInput{
			Request: req, PathParams: params, Route: route,
			Options: &openapi3filter.Options{AuthenticationFunc: openapi3filter.NoopAuthenticationFunc},
		},
		Status: status,
		Header: header,
		Body:   io.NopCloser(bytes.NewReader(body)),
		Options: &openapi3filter.Options{
			IncludeResponseStatus: false,
			MultiError:            true,
		},
	}
	key := fmt.Sprintf("%s %s %d", req.Method, route.Path, status)
	if err := openapi3filter.ValidateResponse(context.Background(), in); err != nil {
		msg := err.Error()
		if i := strings.Index(msg, "\nSchema:"); i > 0 {
			msg = msg[:i] // the path and the reason are enough; the schema dump is pages long
		}
		t.Errorf("docs/openapi.yaml disagrees with the answer to %s %s (%d): %s\nbody: %.600s",
			req.Method, route.Path, status, msg, body)
		return
	}
	specSeen.Store(key, true)
}
