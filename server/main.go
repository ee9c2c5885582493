// Command server is Hội Thi in one binary: the web server and the
// operator's subcommands.
//
//	server [serve] [flags]     run the web server (default)
//	server admin create ...    create a system administrator
//	server seed                load the demo ward, organizer and contest
//	server version             print the version
package main

import (
	"fmt"
	"os"

	"hoithi/server/docfile"
)

// version is set at build time with -ldflags "-X main.version=...".
var version = "dev"

func main() {
	docfile.RunChild() // started as a PDF child by the server itself: strip and exit
	args := os.Args[1:]
	cmd := "serve"
	if len(args) > 0 && args[0] != "" && args[0][0] != '-' {
		cmd, args = args[0], args[1:]
	}
	var err error
	switch cmd {
	case "serve":
		err = runServe(args)
	case "admin":
		err = runAdmin(args)
	case "seed":
		err = runSeed(args)
	case "audit":
		err = runAudit(args)
	case "results":
		err = runResults(args)
	case "bench":
		err = runBench(args)
	case "version":
		fmt.Println(version)
	case "help", "-h", "--help":
		usage()
	default:
		fmt.Fprintf(os.Stderr, "unknown command %q\n\n", cmd)
		usage()
		os.Exit(2)
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "error:", err)
		os.Exit(1)
	}
}

func usage() {
	fmt.Fprint(os.Stderr, `Hội Thi — online contest platform

usage:
  server [serve] [--port 3000] [--data-dir ./data] [--mongodb-uri URI] [--demo]
  server admin create --phone P --password PW --name NAME
  server seed [--data-dir ./data] [--mongodb-uri URI]
  server bench quiz|similarity [flags]   performance benchmarks (one JSON line)
  server audit verify                    recompute every audit chain, report the first broken link
  server results verify ROUND_ID         recompute a round's ranking and prizes from storage; non-zero exit on a mismatch
  server version

Environment: PORT, DATA_DIR, MONGODB_URI, MONGODB_DB, JWT_SECRET, DATA_KEY,
LOG_LEVEL, TRUSTED_PROXIES. Flags override the environment.
`)
}
