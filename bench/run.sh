#!/usr/bin/env bash
# Load benchmark: a release build with the demo organisation, driven by wrk on loopback.
# Prints requests/s and p99 latency for the sign-in page, a leader's start page (Min side) and
# HR's people list, on SQLite and then PostgreSQL.
#
#   bench/run.sh                 both databases
#   bench/run.sh sqlite          one of them
#   DURATION=30s CONNECTIONS=64 bench/run.sh
#
# PostgreSQL: SAMSPILL_BENCH_POSTGRES_URL (default postgres://postgres@127.0.0.1:5432/postgres);
# a database samspill_bench is created there and dropped afterwards.
set -euo pipefail
cd "$(dirname "$0")/.."

DURATION=${DURATION:-10s}
CONNECTIONS=${CONNECTIONS:-32}
THREADS=${THREADS:-2}
PG_SERVER=${SAMSPILL_BENCH_POSTGRES_URL:-postgres://postgres@127.0.0.1:5432/postgres}
if [ $# -gt 0 ]; then BACKENDS=("$@"); else BACKENDS=(sqlite postgres); fi

as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }
if ! command -v wrk >/dev/null; then
  as_root apt-get update -qq
  as_root apt-get install -y -qq wrk >/dev/null
fi
cargo build --release --locked --quiet
BIN=target/release/samspill
WORK=$(mktemp -d)
PORT=18090
SERVER_PID=
cleanup() {
  [ -n "$SERVER_PID" ] && kill "$SERVER_PID" 2>/dev/null && wait "$SERVER_PID" 2>/dev/null || true
  rm -rf "$WORK"
}
trap cleanup EXIT

# Signs in through the form like a browser and prints the Cookie header to send.
cookies_for() {
  local email=$1 jar="$WORK/jar-$1"
  local token
  token=$(curl -s -c "$jar" "http://127.0.0.1:$PORT/login" | grep -o 'name="csrf" value="[0-9a-f]*"' | head -1 | sed 's/.*value="//; s/"//')
  curl -s -b "$jar" -c "$jar" -o /dev/null -d "csrf=$token" --data-urlencode "email=$email" -d "password=samspill-demo" "http://127.0.0.1:$PORT/login"
  awk '{ sub(/^#HttpOnly_/, "") } !/^#/ && NF >= 7 { printf "%s%s=%s", sep, $6, $7; sep="; " }' "$jar"
}

# Runs wrk and prints "requests/s  p99" for one page.
measure() {
  local label=$1 path=$2 cookie=${3:-}
  local out status
  status=$(curl -s -o /dev/null -w '%{http_code}' -H "Cookie: $cookie" "http://127.0.0.1:$PORT$path")
  [ "$status" = 200 ] || { echo "$path answered $status, not 200: not measuring a redirect" >&2; exit 1; }
  if [ -n "$cookie" ]; then
    out=$(wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --latency -H "Cookie: $cookie" "http://127.0.0.1:$PORT$path")
  else
    out=$(wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --latency "http://127.0.0.1:$PORT$path")
  fi
  local rps p99 errors
  rps=$(awk '/Requests\/sec/ { printf "%d", $2 }' <<<"$out")
  p99=$(awk '$1 == "99%" { print $2 }' <<<"$out")
  errors=$(awk '/Non-2xx/ { print $NF }' <<<"$out")
  printf '  %-28s %10s req/s   p99 %8s%s\n' "$label" "$rps" "$p99" "${errors:+   non-2xx: $errors}"
}

for backend in "${BACKENDS[@]}"; do
  case $backend in
    sqlite) URL="sqlite://$WORK/bench.db" ;;
    postgres)
      psql "$PG_SERVER" -qc "DROP DATABASE IF EXISTS samspill_bench" -qc "CREATE DATABASE samspill_bench" >/dev/null 2>&1
      URL="${PG_SERVER%/*}/samspill_bench"
      ;;
    *) echo "unknown backend $backend (sqlite or postgres)" >&2; exit 1 ;;
  esac
  SAMSPILL_DATABASE_URL=$URL RUST_LOG=warn "$BIN" serve --demo --bind "127.0.0.1:$PORT" >/dev/null &
  SERVER_PID=$!
  for _ in $(seq 1 100); do curl -sf "http://127.0.0.1:$PORT/healthz" >/dev/null && break; sleep 0.1; done
  leader=$(cookies_for lars@demo.samspill.no)
  hr=$(cookies_for hr@demo.samspill.no)
  echo "$backend — $CONNECTIONS connections, $THREADS threads, $DURATION per page ($(nproc) cores)"
  measure "GET /login" /login
  measure "GET / (leader, Min side)" / "$leader"
  measure "GET /org/people (HR)" /org/people "$hr"
  kill "$SERVER_PID"; wait "$SERVER_PID" 2>/dev/null || true; SERVER_PID=
  [ "$backend" = postgres ] && psql "$PG_SERVER" -qc "DROP DATABASE IF EXISTS samspill_bench" >/dev/null
done
