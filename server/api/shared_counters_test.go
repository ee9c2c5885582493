package api

import (
	"bytes"
	"encoding/json"
	"net/http/httptest"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/gofiber/fiber/v2"

	"hoithi/server/auth"
	"hoithi/server/blob"
)

// Two instances on one store with shared counters enforce one limit
// together: the requests of one address spread over both are counted once.
func TestInstancesShareRateLimitsAndLoginFailures(t *testing.T) {
	for _, eng := range engines {
		t.Run(eng.name, func(t *testing.T) {
			st := eng.open(t)
			now := time.Date(2026, 11, 23, 9, 0, 0, 0, time.UTC)
			instance := func(limits Limits) *fiber.App {
				keys, _ := auth.NewKeys([]byte(strings.Repeat("d", 32)))
				tokens, _ := auth.NewTokens([]byte(strings.Repeat("j", 32)), func() time.Time { return now })
				blobs, err := blob.NewFS(t.TempDir())
				if err != nil {
					t.Fatal(err)
				}
				return New(Deps{Store: st, Blobs: blobs, Tokens: tokens, Keys: keys, Now: func() time.Time { return now },
					Limits: limits, SharedCounters: st})
			}
			login := func(app *fiber.App, phone string) int {
				body, _ := json.Marshal(map[string]any{"login": phone, "password": "sai-mat-khau-roi"})
				req := httptest.NewRequest("POST", "/api/v1/auth/login", bytes.NewReader(body))
				req.Header.Set("Content-Type", "application/json")
				resp, err := app.Test(req, 30_000)
				if err != nil {
					t.Fatal(err)
				}
				resp.Body.Close()
				return resp.StatusCode
			}

			perIP := DefaultLimits()
			perIP.LoginPerIP = 4
			a, b := instance(perIP), instance(perIP)
			var got []int
			for i := range 6 {
				got = append(got, login([]*fiber.App{a, b}[i%2], "0912000001"))
			}
			if want := []int{401, 401, 401, 401, 429, 429}; !slices.Equal(got, want) {
				t.Fatalf("logins of one address alternating over two instances: %v, want %v (4 a minute in all)", got, want)
			}

			// Failed logins on one account from one client, spread over the
			// instances, are counted together too.
			now = now.Add(time.Hour)
			failures := DefaultLimits()
			failures.LoginFreeFailures = 2
			a, b = instance(failures), instance(failures)
			got = []int{login(a, "0912000002"), login(b, "0912000002"), login(a, "0912000002")}
			if want := []int{401, 401, 429}; !slices.Equal(got, want) {
				t.Fatalf("failed logins over two instances: %v, want %v (2 free failures in all)", got, want)
			}
		})
	}
}
