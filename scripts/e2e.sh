#!/usr/bin/env bash
# End-to-end browser tests: builds the frontend and the server, starts the
# server with the demo data on a free port in a throw-away data directory,
# runs `node --test frontend/e2e/` against it with Debian's Chromium, and
# always stops the server. Exits with the tests' status.
#
#   scripts/e2e.sh                      # everything
#   SKIP_FRONTEND_BUILD=1 scripts/e2e.sh  # reuse frontend/dist/app
#   E2E_KEEP_DATA=1 scripts/e2e.sh        # keep the data dir and server log
#   E2E_FILES=frontend/e2e/prize-review.test.mjs scripts/e2e.sh  # some files only
set -euo pipefail

cd "$(dirname "$0")/.."
root=$(pwd)

chromium=${CHROMIUM_PATH:-/usr/bin/chromium}
if [[ ! -x $chromium ]]; then
  echo "e2e: $chromium not found; install Debian's browser: apt-get install -y chromium" >&2
  exit 1
fi
if [[ ! -d node_modules/playwright-core ]]; then
  echo "e2e: node_modules missing; run npm ci first" >&2
  exit 1
fi

# The server embeds frontend/dist/app at compile time: build the app first.
if [[ -z ${SKIP_FRONTEND_BUILD:-} ]]; then
  npm run --silent build
fi
go build -o bin/server ./server

port=$(node -e "const s=require('net').createServer();s.listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})")
data_dir=$(mktemp -d "${TMPDIR:-/tmp}/hoithi-e2e-data.XXXXXX")
log="$data_dir/server.log"
server_pid=

cleanup() {
  local status=$?
  if [[ -n $server_pid ]] && kill -0 "$server_pid" 2>/dev/null; then
    kill "$server_pid" 2>/dev/null || true
    # Give the graceful shutdown a few seconds, then insist.
    for _ in $(seq 1 50); do kill -0 "$server_pid" 2>/dev/null || break; sleep 0.1; done
    kill -9 "$server_pid" 2>/dev/null || true
  fi
  if [[ $status -ne 0 && -f $log ]]; then
    echo "---- server log (last 40 lines) ----" >&2
    tail -n 40 "$log" >&2 || true
  fi
  if [[ -n ${E2E_KEEP_DATA:-} ]]; then
    echo "e2e: data and log kept in $data_dir" >&2
  else
    rm -rf "$data_dir"
  fi
  exit "$status"
}
trap cleanup EXIT INT TERM

bin/server serve --port "$port" --data-dir "$data_dir" --demo >"$log" 2>&1 &
server_pid=$!

base_url="http://127.0.0.1:$port"
ready=
for _ in $(seq 1 60); do # 60 × 0.5 s = 30 s
  if ! kill -0 "$server_pid" 2>/dev/null; then
    echo "e2e: the server exited before it was ready" >&2
    exit 1
  fi
  if node -e 'fetch(process.argv[1]).then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))' "$base_url/readyz"; then
    ready=1
    break
  fi
  sleep 0.5
done
if [[ -z $ready ]]; then
  echo "e2e: the server was not ready within 30 s at $base_url/readyz" >&2
  exit 1
fi

echo "e2e: server ready at $base_url"
set +e
BASE_URL=$base_url CHROMIUM_PATH=$chromium TEST_RESULTS_DIR="$root/test-results" \
  node --test --test-concurrency=1 ${E2E_FILES:-frontend/e2e/}
status=$?
set -e
exit "$status"
