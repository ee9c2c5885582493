package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"log/slog"
	"net"
	"os/signal"
	"path/filepath"
	"strconv"
	"syscall"
	"time"

	"hoithi/server/api"
	"hoithi/server/auth"
	"hoithi/server/blob"
	"hoithi/server/store"
	"hoithi/server/store/mongo"
	"hoithi/server/store/sqlite"
)

// openStore is the one place that knows which engine is wired.
func openStore(ctx context.Context, c config) (store.Store, string, error) {
	if c.MongoURI != "" {
		s, err := mongo.Open(ctx, c.MongoURI, c.MongoDB, mongo.Options{AllowNonAtomic: c.DevAllowNonAtomic})
		return s, "mongodb", err
	}
	s, err := sqlite.Open(ctx, filepath.Join(c.DataDir, "hoithi.db"))
	return s, "sqlite", err
}

// app opens the store and builds the API with its secrets.
func app(ctx context.Context, c config, log *slog.Logger) (store.Store, *api.Deps, error) {
	jwtSecret, err := c.secret(c.JWTSecret, "jwt_secret", log)
	if err != nil {
		return nil, nil, err
	}
	dataKey, err := c.secret(c.DataKey, "data_key", log)
	if err != nil {
		return nil, nil, err
	}
	tokens, err := auth.NewTokens(jwtSecret, nil)
	if err != nil {
		return nil, nil, err
	}
	keys, err := auth.NewKeys(dataKey)
	if err != nil {
		return nil, nil, err
	}
	st, engine, err := openStore(ctx, c)
	if err != nil {
		return nil, nil, fmt.Errorf("open %s store: %w", engine, err)
	}
	log.Info("store open", "engine", engine)
	if err := checkSecrets(ctx, st, namedSecret{"DATA_KEY", dataKey}, namedSecret{"JWT_SECRET", jwtSecret}); err != nil {
		st.Close()
		return nil, nil, err
	}
	var blobs blob.Store
	if m, ok := st.(*mongo.DB); ok {
		blobs = blob.NewGridFS(m.Database())
	} else if blobs, err = blob.NewFS(filepath.Join(c.DataDir, "blobs")); err != nil {
		st.Close()
		return nil, nil, err
	}
	limits := api.DefaultLimits()
	if c.MaxUploadMB > 0 {
		limits.MaxUploadBytes = c.MaxUploadMB << 20
	}
	return st, &api.Deps{SharedStore: engine == "mongodb", Store: st, Blobs: blobs, Tokens: tokens, Keys: keys, Log: log, TrustedProxies: c.proxies(), MetricsToken: c.MetricsToken, Version: version, Limits: limits,
		Readiness: api.Readiness{DataDir: c.DataDir, MinFreeBytes: uint64(c.MinFreeDiskMB) << 20, ProbeEvery: c.ReadyProbeEvery}}, nil
}

func runServe(args []string) error {
	c := configFromEnv()
	fs := flag.NewFlagSet("serve", flag.ContinueOnError)
	c.bindFlags(fs)
	fs.BoolVar(&c.Demo, "demo", false, "load the demo ward, organizer and contest when they are missing")
	if err := fs.Parse(args); err != nil {
		return err
	}
	ctx, stop := signal.NotifyContext(context.Background(), syscall.SIGINT, syscall.SIGTERM)
	defer stop()
	return serve(ctx, c, nil)
}

// serve runs the server until ctx ends, then finishes the requests in
// flight (an answer save, a submit) before returning. ready, when not nil,
// receives the listening address.
func serve(ctx context.Context, c config, ready chan<- string) error {
	log := c.logger()
	st, deps, err := app(ctx, c, log)
	if err != nil {
		return err
	}
	defer st.Close()
	if c.Demo {
		if err := seedDemo(ctx, st, deps.Keys, log); err != nil {
			return fmt.Errorf("demo seed: %w", err)
		}
	}
	auth.ConfigureHashing(0, c.LoginHashQueue)
	workers, waiting := auth.HashingLimits()
	log.Info("password hashing", "workers", workers, "queue", waiting)
	srv := api.NewServer(*deps)
	// Before the sweeper and the first request: time lost to an outage is
	// given back first (server/api/outages.go), or the sweeper would time
	// the attempts out.
	recoverCtx, cancelRecover := context.WithTimeout(ctx, 10*time.Minute)
	if _, err := srv.RecoverFromOutage(recoverCtx, c.OutageThreshold); err != nil {
		log.Error("giving back the time of an outage", "err", err)
	}
	cancelRecover()
	go srv.RunHeartbeat(ctx, api.HeartbeatEvery(c.OutageThreshold))
	go srv.RunSweeper(ctx, 15*time.Second)
	ln, err := net.Listen("tcp", net.JoinHostPort(c.Host, strconv.Itoa(c.Port)))
	if err != nil {
		return err
	}
	url := fmt.Sprintf("http://localhost:%d", ln.Addr().(*net.TCPAddr).Port)
	log.Info("listening", "url", url, "version", version)
	if c.Demo {
		printDemo(url)
	}
	errc := make(chan error, 2)
	if c.MetricsAddr != "" {
		mln, err := net.Listen("tcp", c.MetricsAddr)
		if err != nil {
			ln.Close()
			return fmt.Errorf("metrics address: %w", err)
		}
		metricsApp := srv.MetricsApp()
		defer metricsApp.Shutdown()
		log.Info("metrics listening", "addr", mln.Addr().String())
		go func() { errc <- metricsApp.Listener(mln) }()
	}
	go func() { errc <- srv.App.Listener(ln) }()
	if ready != nil {
		ready <- ln.Addr().String()
	}
	select {
	case err := <-errc:
		return err
	case <-ctx.Done():
	}
	log.Info("shutting down")
	if err := srv.App.ShutdownWithTimeout(30 * time.Second); err != nil && !errors.Is(err, context.Canceled) {
		return err
	}
	// A job running here is stored as interrupted, and its lease freed for
	// the next click on any instance.
	jobsCtx, cancelJobs := context.WithTimeout(context.Background(), 15*time.Second)
	defer cancelJobs()
	srv.Jobs.Stop(jobsCtx)
	return nil
}
