// Package api is the HTTP interface: Fiber handlers (one file per endpoint
// group), request/response models separate from the domain, and the one error
// handler. Handlers are thin: they bind, call contests rules and store ports,
// and shape the answer.
package api

import (
	"io/fs"
	"log/slog"
	"os"
	"time"

	"github.com/gofiber/fiber/v2"
	"github.com/gofiber/fiber/v2/middleware/recover"

	"hoithi/server/auth"
	"hoithi/server/blob"
	"hoithi/server/docfile"
	"hoithi/server/jobs"
	"hoithi/server/play"
	"hoithi/server/stats"
	"hoithi/server/store"
)

// Deps is what the API needs from the rest of the server.
type Deps struct {
	Store store.Store
	// Blobs keeps uploaded files (essay works).
	Blobs  blob.Store
	Tokens *auth.Tokens
	Keys   *auth.Keys
	Log    *slog.Logger
	Now    func() time.Time
	Limits Limits
	// LoginCounters counts failed logins (nil: in the store when
	// SharedCounters is set, else in this process).
	LoginCounters auth.LoginCounters
	// SharedStore says several instances may share the store (MongoDB):
	// cached rounds are checked against the stored version on every play
	// request, and rate limits are counted in the store. False on the
	// embedded engine, which one process owns.
	SharedStore bool
	// SharedCounters, when set, holds the rate-limit and failed-login
	// counts for every instance (the store itself when SharedStore); nil
	// keeps them in this process, the only one on the embedded engine
	// (shared_counters.go).
	SharedCounters store.Counters
	// MetricsToken, when set, lets /metrics on the public port answer a
	// caller presenting it as a bearer token; when empty, /metrics is only
	// on the separate metrics address (or nowhere).
	MetricsToken string
	// TrustedProxies lists proxy addresses whose X-Forwarded-For is believed.
	TrustedProxies []string
	Version        string
	// Frontend is the built app to serve; nil serves the one embedded in
	// the binary (tests pass their own files).
	Frontend fs.FS
	// Readiness sets the disk and write checks of /readyz.
	Readiness Readiness
	// PDFSandbox strips uploaded PDFs in child processes; nil runs this
	// binary (os.Executable), whose main (or TestMain) must call
	// docfile.RunChild first.
	PDFSandbox *docfile.PDFSandbox
}

// Limits bound abuse of the public endpoints. Per-IP limits are generous
// because Vietnamese mobile carriers put many phones behind one address.
type Limits struct {
	LoginPerIP int // requests per minute
	// LoginFreeFailures is how many wrong passwords one client may try on
	// one account before each further try must wait (2 s, doubling, up to
	// 15 minutes); LoginClientFreeFailures the same over all accounts from
	// one address (1 s doubling up to 5 minutes). Neither ever stops the
	// owner logging in from a client of their own: login_throttle.go.
	LoginFreeFailures       int
	LoginClientFreeFailures int
	RegisterPerIP           int // per minute
	// RegisterDuplicatesPerIP is how many times an hour one address may be
	// told that a phone or CCCD already has an account: a person needs to
	// hear it once or twice, a list being checked needs it thousands of
	// times.
	RegisterDuplicatesPerIP int
	// MaxUploadBytes caps one uploaded essay file, whatever a category
	// allows (env MAX_UPLOAD_MB). Uploads stream to a temporary file and
	// the blob store, so this costs disk, not memory; every other request
	// body is capped at 64 KB (bodylimit.go).
	MaxUploadBytes int
}

// DefaultLimits are the production limits.
func DefaultLimits() Limits {
	return Limits{LoginPerIP: 120, LoginFreeFailures: 5, LoginClientFreeFailures: 50, RegisterPerIP: 60, RegisterDuplicatesPerIP: 10, MaxUploadBytes: 110 << 20}
}

// Server holds the handlers' shared state.
type Server struct {
	Deps
	metrics *metrics
	loginIP *limiter
	loginThrottle
	registerIP *limiter
	// registerDuplicates counts "already has an account" answers per address.
	registerDuplicates *limiter
	unitNames          *unitNameCache
	sessions           *auth.SessionVersions
	quiz               store.Quiz
	essay              store.Essay
	// identities is the author-identity port, kept out of essay: the judge
	// handlers get neither this nor the whole Store (see judging).
	identities store.Identities
	rounds     roundCache
	ready      readiness
	// uploads are the routes that may receive large bodies (bodylimit.go).
	uploads []uploadRule
	// Play is the quiz's play machinery: round cache, participation
	// writes, the deadline sweeper.
	Play *play.Service
	// Stats keeps the organizers' statistics snapshots.
	Stats *stats.Service
	// Jobs runs long work (a round's results) in the background; its
	// state lives in the store, so any instance reports it.
	Jobs *jobs.Runner
	// pdfs strips uploaded PDFs' properties in a child process.
	pdfs *docfile.PDFSandbox
	// App is the HTTP application.
	App *fiber.App
}

// New builds the Fiber app with every route.
func New(d Deps) *fiber.App { return NewServer(d).App }

// NewServer builds the server: its Fiber app and its background jobs.
func NewServer(d Deps) *Server {
	if d.Now == nil {
		d.Now = time.Now
	}
	if d.Log == nil {
		d.Log = slog.New(slog.DiscardHandler)
	}
	if d.Limits == (Limits{}) {
		d.Limits = DefaultLimits()
	}
	if d.SharedStore && d.SharedCounters == nil {
		d.SharedCounters = d.Store
	}
	if d.LoginCounters == nil && d.SharedCounters != nil {
		d.LoginCounters = storeLoginCounters{counters: d.SharedCounters, quiet: loginQuiet}
	}
	if d.Limits.MaxUploadBytes <= 0 {
		d.Limits.MaxUploadBytes = DefaultLimits().MaxUploadBytes
	}
	s := &Server{
		Deps:               d,
		metrics:            newMetrics(),
		loginIP:            newLimiter(d.Limits.LoginPerIP, time.Minute, d.Now).sharedIn(d.SharedCounters, "login-ip", d.Log),
		loginThrottle:      newLoginThrottle(d.LoginCounters, d.Limits, sharedFailedLogins(d)),
		registerIP:         newLimiter(d.Limits.RegisterPerIP, time.Minute, d.Now).sharedIn(d.SharedCounters, "register-ip", d.Log),
		registerDuplicates: newLimiter(d.Limits.RegisterDuplicatesPerIP, time.Hour, d.Now).sharedIn(d.SharedCounters, "register-dup-ip", d.Log),
		unitNames:          newUnitNameCache(d.Store, 5*time.Minute, d.Now),
		sessions:           auth.NewSessionVersions(d.Store.SessionVersion, d.Now),
	}
	cfg := fiber.Config{
		AppName:      "hoithi",
		ErrorHandler: errorHandler(d.Log),
		// Bodies are streamed and limited per route by limitBodies; what
		// fasthttp reads before a handler runs is the first 8 KB. Forms are
		// not pre-parsed: an upload is read only after its route's checks.
		StreamRequestBody:            true,
		DisablePreParseMultipartForm: true,
		BodyLimit:                    maxJSONBody,
		ReadTimeout:                  60 * time.Second,
		WriteTimeout:                 120 * time.Second,
		IdleTimeout:                  120 * time.Second,
		DisableStartupMessage:        true,
		// Without it, strings from c.Params, c.IP, c.Query alias fasthttp's
		// reused request buffer; the round cache and the rate limiters keep
		// them as map keys, which later requests would silently rewrite.
		Immutable: true,
	}
	if len(d.TrustedProxies) > 0 {
		cfg.ProxyHeader = fiber.HeaderXForwardedFor
		cfg.EnableTrustedProxyCheck = true
		cfg.TrustedProxies = d.TrustedProxies
	}
	s.quiz = d.Store
	s.essay = d.Store
	s.identities = d.Store
	var leases store.Leases
	if d.SharedStore {
		leases = d.Store
	}
	s.Play = play.New(d.Store, play.Options{Now: d.Now, Log: d.Log, CheckRoundVersions: d.SharedStore, Leases: leases,
		OnWrite: func(outcome string) { s.metrics.participationWrites.WithLabelValues(outcome).Inc() }})
	s.rounds = roundCache{s.Play.Rounds}
	var sharedStats stats.SharedStore
	if d.SharedStore {
		sharedStats = d.Store
	}
	s.Stats = stats.New(d.Store, stats.Options{Now: d.Now, Log: d.Log, Shared: sharedStats})
	s.Jobs = jobs.New(d.Store, d.Log)
	s.pdfs = d.PDFSandbox
	if s.pdfs == nil {
		exe, _ := os.Executable()
		// Two at a time: each child may take up to 1 GiB (sandbox.go).
		s.pdfs = docfile.NewPDFSandbox(exe, 2)
	}
	app := fiber.New(cfg)
	app.Use(s.withSecurityHeaders, withRequestID, withAccessLog(d.Log, s.metrics), recover.New(), s.limitBodies, authenticate(d.Tokens, s.sessions))
	s.routes(app)
	s.App = app
	return s
}

// routes registers every endpoint: the API's from its table (routes.go).
// docs/openapi.yaml must list each one (openapi_test.go checks it).
func (s *Server) routes(app *fiber.App) {
	app.Get("/healthz", s.healthz)
	app.Get("/readyz", s.readyz)
	app.Get("/metrics", s.publicMetrics)

	v1 := app.Group("/api/v1", compressJSON(compressMinBytes))
	s.mount(v1, "/api/v1", s.apiRoutes())
	v1.All("/*", func(*fiber.Ctx) error { return fiber.ErrNotFound })

	s.frontendRoutes(app)
}
