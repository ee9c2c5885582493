#!/usr/bin/env bash
# Runs every fuzz target of the module for a short time each (default 20s):
#   scripts/fuzz.sh [duration]
# `go test -fuzz` takes one target of one package at a time, so this lists the
# Fuzz functions per package and runs them one by one. New crashers land in the
# package's testdata/fuzz/<Target>/ and then run as seeds in `make test`.
set -euo pipefail
cd "$(dirname "$0")/.."
duration=${1:-20s}
status=0
while IFS= read -r pkg; do
  dir=$(go list -f '{{.Dir}}' "$pkg")
  for target in $(grep -hoE '^func (Fuzz[A-Za-z0-9_]+)\(' "$dir"/*_test.go 2>/dev/null | sed -E 's/^func (Fuzz[A-Za-z0-9_]+)\(/\1/' | sort -u); do
    echo "fuzz: $pkg $target ($duration)"
    if ! go test -run '^$' -fuzz "^${target}\$" -fuzztime "$duration" "$pkg"; then
      status=1
    fi
  done
done < <(go list ./...)
exit $status
