package api

import (
	"crypto/subtle"
	"strconv"
	"strings"
	"time"

	"github.com/gofiber/fiber/v2"
	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/collectors"
	"github.com/prometheus/common/expfmt"
)

// metrics are kept in a registry per app so tests can run many apps.
type metrics struct {
	reg      *prometheus.Registry
	requests *prometheus.CounterVec
	duration *prometheus.HistogramVec
	// participationWrites counts quiz record writes by outcome: "ok", or
	// "conflict" when another request changed the record first (retried).
	participationWrites *prometheus.CounterVec
}

func newMetrics() *metrics {
	m := &metrics{
		reg: prometheus.NewRegistry(),
		requests: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "hoithi_http_requests_total", Help: "HTTP requests by route and status.",
		}, []string{"method", "route", "status"}),
		duration: prometheus.NewHistogramVec(prometheus.HistogramOpts{
			Name: "hoithi_http_request_duration_seconds", Help: "HTTP request latency by route.",
			Buckets: []float64{.001, .0025, .005, .01, .025, .05, .1, .25, .5, 1, 2.5},
		}, []string{"method", "route"}),
	}
	m.participationWrites = prometheus.NewCounterVec(prometheus.CounterOpts{
		Name: "hoithi_quiz_record_writes_total", Help: "Quiz participation record writes by outcome.",
	}, []string{"outcome"})
	m.reg.MustRegister(m.requests, m.duration, m.participationWrites, collectors.NewGoCollector(), collectors.NewProcessCollector(collectors.ProcessCollectorOpts{}))
	return m
}

func (m *metrics) observe(method, route string, status int, d time.Duration) {
	m.requests.WithLabelValues(method, route, strconv.Itoa(status)).Inc()
	m.duration.WithLabelValues(method, route).Observe(d.Seconds())
}

// handler serves the Prometheus text format.
func (m *metrics) handler(c *fiber.Ctx) error {
	families, err := m.reg.Gather()
	if err != nil {
		return err
	}
	format := expfmt.NewFormat(expfmt.TypeTextPlain)
	c.Set(fiber.HeaderContentType, string(format))
	enc := expfmt.NewEncoder(c.Response().BodyWriter(), format)
	for _, f := range families {
		if err := enc.Encode(f); err != nil {
			return err
		}
	}
	return nil
}

// publicMetrics answers /metrics on the public port: only to a caller
// presenting the configured token (Authorization: Bearer …), and not at
// all when none is configured, so the port the internet reaches never
// shows the process's figures. A private listen address (serve.go's
// --metrics-addr) serves them without a token through metricsApp.
func (s *Server) publicMetrics(c *fiber.Ctx) error {
	if s.MetricsToken == "" {
		return fiber.ErrNotFound
	}
	given, ok := strings.CutPrefix(c.Get(fiber.HeaderAuthorization), "Bearer ")
	if !ok || subtle.ConstantTimeCompare([]byte(strings.TrimSpace(given)), []byte(s.MetricsToken)) != 1 {
		return errUnauthorized
	}
	return s.metrics.handler(c)
}

// MetricsApp is an app serving only /metrics, without a token: for a
// listen address that only the monitoring system can reach.
func (s *Server) MetricsApp() *fiber.App {
	app := fiber.New(fiber.Config{DisableStartupMessage: true, ReadTimeout: 10 * time.Second, WriteTimeout: 10 * time.Second})
	app.Get("/metrics", s.metrics.handler)
	return app
}
