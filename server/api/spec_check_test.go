package api

import (
	"bytes"
	"context"
	"flag"
	"fmt"
	"io"
	"net/http"
	"os"
	"sort"
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
	if status/100 == 2 && jsonSchemaOf(op, status) == nil {
		t.Errorf("docs/openapi.yaml documents %s %s (%d) without a JSON schema, but the server answered JSON: %.300s",
			req.Method, route.Path, status, body)
		return
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

// jsonSchemaOf is the schema of the JSON body the spec promises for status,
// or nil when it promises none.
func jsonSchemaOf(op *openapi3.Operation, status int) *openapi3.SchemaRef {
	r := op.Responses.Status(status)
	if r == nil || r.Value == nil {
		return nil
	}
	if mt := r.Value.Content.Get("application/json"); mt != nil {
		return mt.Schema
	}
	return nil
}

// TestEverySuccessHasASchema fails when a success answer of
// docs/openapi.yaml has no body type: every 2xx but 204 must name its media
// types, and a JSON one its schema, since the frontend's types are generated
// from it (a response without one becomes `never` there, and a route
// documented only in words drifts unseen).
func TestEverySuccessHasASchema(t *testing.T) {
	doc, err := openapi3.NewLoader().LoadFromFile("../../docs/openapi.yaml")
	if err != nil {
		t.Fatal(err)
	}
	var missing []string
	checked := 0
	for path, item := range doc.Paths.Map() {
		for method, op := range item.Operations() {
			for code, r := range op.Responses.Map() {
				if !strings.HasPrefix(code, "2") || code == "204" {
					continue
				}
				key := fmt.Sprintf("%s %s %s", method, path, code)
				hasSchema := r.Value != nil && len(r.Value.Content) > 0
				if r.Value != nil {
					if mt := r.Value.Content.Get("application/json"); mt != nil && mt.Schema == nil {
						hasSchema = false
					}
				}
				if !hasSchema {
					missing = append(missing, key)
				}
				checked++
			}
		}
	}
	sort.Strings(missing)
	if len(missing) > 0 {
		t.Errorf("success answers without a schema in docs/openapi.yaml (give each its content and JSON schema):\n  %s",
			strings.Join(missing, "\n  "))
	}
	if checked < 90 {
		t.Fatalf("only %d success answers found: the walk is broken", checked)
	}
}

// checkSpecCoverage runs after the whole package (TestMain): every JSON
// success answer docs/openapi.yaml documents must have been validated by some
// test, so a route whose schema no test checks is named here. It returns the
// exit code: 1 when one is missing. It is skipped when -run picks tests.
func checkSpecCoverage() int {
	if f := flag.Lookup("test.run"); f != nil && f.Value.String() != "" {
		return 0
	}
	doc, err := openapi3.NewLoader().LoadFromFile("../../docs/openapi.yaml")
	if err != nil {
		fmt.Fprintln(os.Stderr, "docs/openapi.yaml:", err)
		return 1
	}
	var unseen []string
	for path, item := range doc.Paths.Map() {
		for method, op := range item.Operations() {
			for code, r := range op.Responses.Map() {
				key := fmt.Sprintf("%s %s %s", method, path, code)
				if !strings.HasPrefix(code, "2") || r.Value == nil || r.Value.Content.Get("application/json") == nil {
					continue
				}
				if _, ok := specSeen.Load(key); !ok {
					unseen = append(unseen, key)
				}
			}
		}
	}
	if len(unseen) == 0 {
		return 0
	}
	sort.Strings(unseen)
	fmt.Fprintf(os.Stderr, "FAIL: no test validated an answer of these documented JSON successes against docs/openapi.yaml "+
		"(add a request to a test that reaches each one):\n  %s\n", strings.Join(unseen, "\n  "))
	return 1
}

// checkRequestSpec validates the JSON body of a request the server
// accepted (2xx) against the body docs/openapi.yaml documents for its
// route: what the server takes must be what the spec, and the frontend's
// types generated from it, say it takes. Refused bodies are not checked:
// tests send bad input on purpose.
func checkRequestSpec(t testing.TB, method, path string, body []byte, status int) {
	t.Helper()
	if status/100 != 2 || len(body) == 0 || body[0] != '{' || string(body) == "{}" ||
		method == http.MethodGet || method == http.MethodDelete {
		return // nothing sent, or nothing a route takes
	}
	router, err := loadSpec()
	if err != nil {
		t.Fatalf("docs/openapi.yaml: %v", err)
	}
	req, err := http.NewRequest(method, path, bytes.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	req.Header.Set("Content-Type", "application/json")
	route, params, err := router.FindRoute(req)
	if err != nil {
		return
	}
	if route.Operation.RequestBody == nil {
		t.Errorf("docs/openapi.yaml documents no request body for %s %s, but the server accepted one: %.300s", method, route.Path, body)
		return
	}
	in := &openapi3filter.RequestValidationInput{
		Request: req, PathParams: params, Route: route,
		Options: &openapi3filter.Options{AuthenticationFunc: openapi3filter.NoopAuthenticationFunc, ExcludeRequestQueryParams: true},
	}
	if err := openapi3filter.ValidateRequestBody(context.Background(), in, route.Operation.RequestBody.Value); err != nil {
		msg := err.Error()
		if i := strings.Index(msg, "\nSchema:"); i > 0 {
			msg = msg[:i]
		}
		t.Errorf("docs/openapi.yaml disagrees with the body the server accepted for %s %s: %s\nbody: %.600s", method, route.Path, msg, body)
	}
}
