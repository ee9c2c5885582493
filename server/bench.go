package main

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"os"
	"os/signal"
	"runtime/pprof"
	"syscall"

	"hoithi/bench"
)

// runBench runs a performance benchmark and prints its result as one JSON
// line on stdout (progress goes to stderr):
//
//	server bench quiz [--users 400] [--concurrency 200] [--duration 10s]
//	                  [--open 10000] [--standings 500000] [--max-requests N]
//	                  [--in-process] [--cpuprofile FILE]
//	server bench similarity [--works 20000] [--words 2000]
//	server bench abuse [--parallel 20] [--body-mb 100] [--works 3] [--work-mb 100] [--server BIN]
//	server bench login [--logins 2000] [--queue N]
//	server bench results [--people 500000] [--cpuprofile FILE] [--memprofile FILE]
func runBench(args []string) error {
	if len(args) == 0 {
		return errors.New("bench: say which: quiz, similarity, export, results, abuse or login")
	}
	ctx, stop := signal.NotifyContext(context.Background(), syscall.SIGINT, syscall.SIGTERM)
	defer stop()
	logf := func(format string, a ...any) { fmt.Fprintf(os.Stderr, "bench: "+format+"\n", a...) }
	var report any
	var err error
	switch args[0] {
	case "quiz":
		report, err = benchQuiz(ctx, args[1:], logf)
	case "similarity":
		report, err = benchSimilarity(ctx, args[1:], logf)
	case "abuse":
		report, err = benchAbuse(ctx, args[1:], logf)
	case "login":
		report, err = benchLogin(ctx, args[1:], logf)
	case "results":
		cfg := bench.ResultsConfig{People: 500_000, Logf: logf}
		fs := flag.NewFlagSet("bench results", flag.ContinueOnError)
		fs.IntVar(&cfg.People, "people", cfg.People, "people with a submitted attempt in the round")
		fs.StringVar(&cfg.CPUProfile, "cpuprofile", "", "write a CPU profile of the compute request to the file")
		fs.StringVar(&cfg.MemProfile, "memprofile", "", "write a heap profile of the compute request at its largest to the file")
		if err = fs.Parse(args[1:]); err == nil {
			report, err = bench.Results(ctx, cfg)
		}
	case "export":
		cfg := bench.ExportConfig{Rows: 500_000, Logf: logf}
		fs := flag.NewFlagSet("bench export", flag.ContinueOnError)
		fs.IntVar(&cfg.Rows, "rows", cfg.Rows, "people with a standing in the exported round")
		fs.StringVar(&cfg.Out, "out", "", "keep the downloaded workbook at this path")
		fs.StringVar(&cfg.CPUProfile, "cpuprofile", "", "write a CPU profile of the export request to the file")
		if err = fs.Parse(args[1:]); err == nil {
			report, err = bench.Export(ctx, cfg)
		}
	default:
		return fmt.Errorf("bench: unknown benchmark %q (quiz, similarity, export, results, abuse or login)", args[0])
	}
	if err != nil {
		return err
	}
	return json.NewEncoder(os.Stdout).Encode(report)
}

func benchQuiz(ctx context.Context, args []string, logf func(string, ...any)) (any, error) {
	cfg := bench.DefaultQuizConfig()
	fs := flag.NewFlagSet("bench quiz", flag.ContinueOnError)
	fs.IntVar(&cfg.Users, "users", cfg.Users, "people playing complete attempts")
	fs.IntVar(&cfg.Concurrency, "concurrency", cfg.Concurrency, "load-generator goroutines")
	fs.DurationVar(&cfg.Duration, "duration", cfg.Duration, "length of the main phase")
	fs.IntVar(&cfg.Open, "open", cfg.Open, "attempts started and left open afterwards")
	fs.IntVar(&cfg.Standings, "standings", cfg.Standings, "rows of the published leaderboard")
	fs.Int64Var(&cfg.MaxRequests, "max-requests", cfg.MaxRequests, "end the main phase after this many requests (with a long --duration: the same work for every build compared)")
	inProcess := fs.Bool("in-process", false, "serve from this process instead of a child (CPU then includes the generator)")
	cpuProfile := fs.String("cpuprofile", "", "write a CPU profile of this process to the file (use with --in-process)")
	if err := fs.Parse(args); err != nil {
		return nil, err
	}
	cfg.Logf = logf
	if *inProcess {
		cfg.Launch = bench.InProcess()
	} else {
		exe, err := os.Executable()
		if err != nil {
			return nil, err
		}
		cfg.Launch = bench.ChildProcess(exe)
	}
	if *cpuProfile != "" {
		f, err := os.Create(*cpuProfile)
		if err != nil {
			return nil, err
		}
		defer f.Close()
		if err := pprof.StartCPUProfile(f); err != nil {
			return nil, err
		}
		defer pprof.StopCPUProfile()
	}
	return bench.Quiz(ctx, cfg)
}

func benchSimilarity(ctx context.Context, args []string, logf func(string, ...any)) (any, error) {
	cfg := bench.SimilarityConfig{Works: 20_000, Words: 2_000, Logf: logf}
	fs := flag.NewFlagSet("bench similarity", flag.ContinueOnError)
	fs.IntVar(&cfg.Works, "works", cfg.Works, "works in the synthetic corpus")
	fs.IntVar(&cfg.Words, "words", cfg.Words, "words per work")
	if err := fs.Parse(args); err != nil {
		return nil, err
	}
	return bench.Similarity(ctx, cfg)
}

// benchAbuse floods a child server with large anonymous bodies, then
// downloads a dossier of large works, and reports the server's peak RSS in
// each phase (issue #11 items 1–2).
func benchAbuse(ctx context.Context, args []string, logf func(string, ...any)) (any, error) {
	cfg := bench.DefaultAbuseConfig()
	fs := flag.NewFlagSet("bench abuse", flag.ContinueOnError)
	fs.IntVar(&cfg.Parallel, "parallel", cfg.Parallel, "anonymous large bodies sent at once")
	fs.Int64Var(&cfg.BodyMB, "body-mb", cfg.BodyMB, "size each body claims and tries to send (MB)")
	fs.IntVar(&cfg.Works, "works", cfg.Works, "works in the forwarding dossier")
	fs.Int64Var(&cfg.WorkMB, "work-mb", cfg.WorkMB, "size of each work's file (MB)")
	exe := fs.String("server", "", "binary to serve from (default: this one), e.g. an older build to compare")
	if err := fs.Parse(args); err != nil {
		return nil, err
	}
	if *exe == "" {
		self, err := os.Executable()
		if err != nil {
			return nil, err
		}
		*exe = self
	}
	cfg.Launch, cfg.Logf = bench.ChildProcess(*exe), logf
	return bench.Abuse(ctx, cfg)
}

// benchLogin runs a login storm against a child server that trusts
// 127.0.0.1 as its proxy, so each simulated phone has its own address.
func benchLogin(ctx context.Context, args []string, logf func(string, ...any)) (any, error) {
	cfg := bench.LoginConfig{Logins: 2000, Logf: logf}
	fs := flag.NewFlagSet("bench login", flag.ContinueOnError)
	fs.IntVar(&cfg.Logins, "logins", cfg.Logins, "people pressing log in at the same instant")
	queue := fs.Int("queue", 0, "the server's --login-hash-queue (0: its default)")
	if err := fs.Parse(args); err != nil {
		return nil, err
	}
	exe, err := os.Executable()
	if err != nil {
		return nil, err
	}
	cfg.Launch = bench.ChildProcess(exe, "--trusted-proxies", "127.0.0.1", "--login-hash-queue", fmt.Sprint(*queue))
	return bench.Login(ctx, cfg)
}
