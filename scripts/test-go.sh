#!/usr/bin/env bash
# Runs every Go test (the store contract suite on SQLite and on the Mongo
# engine — FerretDB in-process unless MONGODB_URI is set — API scenarios on
# both engines, fuzz seed corpora) and prints a short summary: the package
# lines, the contract counts per engine, and each failure in full.
set -uo pipefail
cd "$(dirname "$0")/.."
log=$(mktemp)
trap 'rm -f "$log"' EXIT
go vet ./... || exit 1
unformatted=$(gofmt -l bench contests server)
if [ -n "$unformatted" ]; then
  echo "gofmt: these files are not formatted (run gofmt -w):"; echo "$unformatted"
  exit 1
fi
go test -count=1 -v -timeout 20m ./... >"$log" 2>&1
status=$?
grep -E '^(ok|FAIL|---)[[:space:]]' "$log" | grep -vE '^--- (PASS|SKIP)' || true
grep -E '^contract' "$log" || true
if [ $status -ne 0 ]; then
  echo "=== failures ==="
  grep -nE -- '--- FAIL|panic:|^FAIL' "$log" | head -50
  grep -B2 -A25 -E -- '--- FAIL' "$log" | head -400
fi
pass=$(grep -cE -- '--- PASS' "$log")
fail=$(grep -cE -- '--- FAIL' "$log")
skip=$(grep -cE -- '--- SKIP' "$log")
echo "go: $pass passed, $fail failed, $skip skipped"
exit $status
