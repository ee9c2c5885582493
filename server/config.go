package main

import (
	"crypto/rand"
	"encoding/hex"
	"errors"
	"flag"
	"fmt"
	"hoithi/server/api"
	"log/slog"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"
)

// config is read from the environment; flags given on the command line
// override it.
type config struct {
	// Host is the address to listen on; "" for every interface.
	Host           string
	Port           int
	DataDir        string
	MongoURI       string
	MongoDB        string
	JWTSecret      string
	DataKey        string
	LogLevel       string
	Demo           bool
	TrustedProxies string
	// MinFreeDiskMB: /readyz fails when the data directory's disk has less.
	MinFreeDiskMB int
	// ReadyProbeEvery spaces /readyz's write probes and disk checks.
	ReadyProbeEvery time.Duration
	// MaxUploadMB caps one uploaded essay file (MB), whatever a category
	// allows; uploads stream to disk, so it bounds disk, not memory.
	MaxUploadMB int
	// DevAllowNonAtomic serves on a MongoDB-wire server without
	// single-document atomicity (FerretDB): development and tests only.
	DevAllowNonAtomic bool
	// MetricsAddr is a separate listen address serving /metrics without a
	// token (e.g. 127.0.0.1:9100 or an internal interface); MetricsToken
	// lets /metrics on the public port answer that bearer token. Neither
	// set: /metrics is not served at all.
	MetricsAddr  string
	MetricsToken string
	// LoginHashQueue bounds the logins waiting for a password-hashing core
	// (0: auth.DefaultHashQueuePerWorker per core); beyond it, 503.
	LoginHashQueue int
	// OutageThreshold is the shortest gap in the deployment's heartbeat
	// counted as an outage, whose time is given back (server/api/outages.go).
	OutageThreshold time.Duration
}

func configFromEnv() config {
	port, err := strconv.Atoi(os.Getenv("PORT"))
	if err != nil || port <= 0 {
		port = 3000
	}
	return config{
		Host:            os.Getenv("HOST"),
		Port:            port,
		DataDir:         envOr("DATA_DIR", "./data"),
		MongoURI:        os.Getenv("MONGODB_URI"),
		MongoDB:         envOr("MONGODB_DB", "hoithi"),
		JWTSecret:       os.Getenv("JWT_SECRET"),
		DataKey:         os.Getenv("DATA_KEY"),
		LogLevel:        envOr("LOG_LEVEL", "info"),
		TrustedProxies:  os.Getenv("TRUSTED_PROXIES"),
		MinFreeDiskMB:   envInt("MIN_FREE_DISK_MB", 256),
		ReadyProbeEvery: envDuration("READY_PROBE_INTERVAL", 5*time.Second),
		MaxUploadMB:     envInt("MAX_UPLOAD_MB", 110),

		DevAllowNonAtomic: os.Getenv("DEV_ALLOW_NON_ATOMIC") == "1",
		MetricsAddr:       os.Getenv("METRICS_ADDR"),
		MetricsToken:      os.Getenv("METRICS_TOKEN"),
		LoginHashQueue:    envInt("LOGIN_HASH_QUEUE", 0),
		OutageThreshold:   envDuration("OUTAGE_THRESHOLD", api.DefaultOutageThreshold),
	}
}

// bindFlags registers the overrides on fs.
func (c *config) bindFlags(fs *flag.FlagSet) {
	fs.IntVar(&c.Port, "port", c.Port, "HTTP port (env PORT)")
	fs.StringVar(&c.Host, "host", c.Host, "address to listen on, empty for every interface (env HOST)")
	fs.StringVar(&c.DataDir, "data-dir", c.DataDir, "data directory: SQLite file, uploads, generated secrets (env DATA_DIR)")
	fs.StringVar(&c.MongoURI, "mongodb-uri", c.MongoURI, "use MongoDB instead of the embedded engine (env MONGODB_URI)")
	fs.StringVar(&c.MongoDB, "mongodb-db", c.MongoDB, "MongoDB database name (env MONGODB_DB)")
	fs.StringVar(&c.LogLevel, "log-level", c.LogLevel, "debug, info, warn or error (env LOG_LEVEL)")
	fs.IntVar(&c.MaxUploadMB, "max-upload-mb", c.MaxUploadMB, "largest essay file accepted (MB), whatever a category allows; other request bodies are capped at 64 KB (env MAX_UPLOAD_MB)")
	fs.IntVar(&c.MinFreeDiskMB, "min-free-disk-mb", c.MinFreeDiskMB, "/readyz fails below this much free disk under the data directory, 0 to skip (env MIN_FREE_DISK_MB)")
	fs.BoolVar(&c.DevAllowNonAtomic, "dev-allow-non-atomic", c.DevAllowNonAtomic, "development only: serve on a MongoDB-wire server that loses concurrent writes, such as FerretDB (env DEV_ALLOW_NON_ATOMIC=1)")
	fs.StringVar(&c.MetricsAddr, "metrics-addr", c.MetricsAddr, "separate listen address for /metrics, e.g. 127.0.0.1:9100 (env METRICS_ADDR)")
	fs.StringVar(&c.MetricsToken, "metrics-token", c.MetricsToken, "bearer token that /metrics on the public port answers (env METRICS_TOKEN)")
	fs.IntVar(&c.LoginHashQueue, "login-hash-queue", c.LoginHashQueue, "logins that may wait for a password-hashing core before the rest get 503 + Retry-After; 0 = 64 per core (env LOGIN_HASH_QUEUE)")
	fs.DurationVar(&c.OutageThreshold, "outage-threshold", c.OutageThreshold, "a gap in the heartbeat longer than this is an outage whose time is given back to attempts in progress (env OUTAGE_THRESHOLD)")
	fs.StringVar(&c.TrustedProxies, "trusted-proxies", c.TrustedProxies, "comma-separated proxy IPs whose X-Forwarded-For is trusted (env TRUSTED_PROXIES)")
}

func envOr(key, def string) string {
	if v := os.Getenv(key); v != "" {
		return v
	}
	return def
}

// envInt reads a non-negative integer, def when unset or malformed.
func envInt(key string, def int) int {
	if n, err := strconv.Atoi(os.Getenv(key)); err == nil && n >= 0 {
		return n
	}
	return def
}

// envDuration reads a Go duration ("5s"), def when unset or malformed.
func envDuration(key string, def time.Duration) time.Duration {
	if d, err := time.ParseDuration(os.Getenv(key)); err == nil && d > 0 {
		return d
	}
	return def
}

func (c config) logger() *slog.Logger {
	var level slog.Level
	if err := level.UnmarshalText([]byte(c.LogLevel)); err != nil {
		level = slog.LevelInfo
	}
	return slog.New(slog.NewJSONHandler(os.Stderr, &slog.HandlerOptions{Level: level}))
}

func (c config) proxies() []string {
	var out []string
	for _, p := range strings.Split(c.TrustedProxies, ",") {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	return out
}

// secret returns the configured value or the one kept in the data directory,
// generating it there on first start. Several instances sharing one MongoDB
// must be given the same value through the environment instead.
func (c config) secret(value, file string, log *slog.Logger) ([]byte, error) {
	if value != "" {
		if len(value) < 32 {
			return nil, fmt.Errorf("%s must be at least 32 characters", strings.ToUpper(file))
		}
		return []byte(value), nil
	}
	path := filepath.Join(c.DataDir, file)
	if b, err := os.ReadFile(path); err == nil {
		return []byte(strings.TrimSpace(string(b))), nil
	} else if !errors.Is(err, os.ErrNotExist) {
		return nil, err
	}
	if err := os.MkdirAll(c.DataDir, 0o700); err != nil {
		return nil, err
	}
	b := make([]byte, 32)
	if _, err := rand.Read(b); err != nil {
		return nil, err
	}
	s := hex.EncodeToString(b)
	if err := os.WriteFile(path, []byte(s+"\n"), 0o600); err != nil {
		return nil, err
	}
	if c.MongoURI != "" {
		log.Warn("generated a secret in the data directory; instances sharing MongoDB must share it through the environment", "file", path)
	}
	return []byte(s), nil
}
