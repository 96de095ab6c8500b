#!/usr/bin/env bash
# Installs what the tests need, where it is missing, and runs every test: formatting and lints,
# unit and property tests, store, HTTP and CLI tests on SQLite and on PostgreSQL, and the browser
# tests in Debian's Chromium with axe-core.
#
# PostgreSQL: SAMSPILL_TEST_POSTGRES_URL if set; else the server on 127.0.0.1:5432 if one answers;
# else Debian's postgresql is installed and started here.
set -euo pipefail
cd "$(dirname "$0")/.."

say() { printf '\n==> %s\n' "$*"; }

as_root() {
  if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi
}

apt_install() {
  say "installing $*"
  as_root apt-get update -qq
  DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq --no-install-recommends "$@" >/dev/null
}

missing=()
command -v chromium >/dev/null || missing+=(chromium)
command -v psql >/dev/null || missing+=(postgresql-client)
command -v node >/dev/null || missing+=(nodejs)
command -v npm >/dev/null || missing+=(npm)
# An independent iCalendar parser reads back the calendars samspill writes.
/usr/bin/python3 -c 'import icalendar' 2>/dev/null || missing+=(python3-icalendar)
if [ ${#missing[@]} -gt 0 ]; then apt_install "${missing[@]}"; fi
node_major=$(node -p 'process.versions.node.split(".")[0]')
if [ "$node_major" -lt 20 ]; then
  echo "the browser tests need Node.js 20 or newer (playwright-core); this machine has $(node --version)" >&2
  exit 1
fi

# A PostgreSQL server for the tests.
pg_answers() { psql "$1" -Atqc 'SELECT 1' >/dev/null 2>&1; }
if [ -z "${SAMSPILL_TEST_POSTGRES_URL:-}" ]; then
  if pg_answers "postgres://postgres@127.0.0.1:5432/postgres"; then
    export SAMSPILL_TEST_POSTGRES_URL="postgres://postgres@127.0.0.1:5432/postgres"
  else
    export SAMSPILL_TEST_POSTGRES_URL="postgres://postgres:samspill-test@127.0.0.1:5432/postgres"
    if ! pg_answers "$SAMSPILL_TEST_POSTGRES_URL"; then
      command -v pg_ctlcluster >/dev/null || apt_install postgresql
      say "starting PostgreSQL"
      version=$(ls /etc/postgresql | sort -V | tail -1)
      as_root pg_ctlcluster "$version" main start || true
      for _ in $(seq 1 30); do
        as_root su postgres -c "psql -Atqc 'SELECT 1'" >/dev/null 2>&1 && break
        sleep 1
      done
      as_root su postgres -c "psql -qc \"ALTER USER postgres PASSWORD 'samspill-test'\""
    fi
  fi
fi
pg_answers "$SAMSPILL_TEST_POSTGRES_URL" || { echo "PostgreSQL at ${SAMSPILL_TEST_POSTGRES_URL%%@*}@… does not answer" >&2; exit 1; }

# Each store and HTTP test makes a database of its own (tests/common/mod.rs): about 90 on
# PostgreSQL and as many SQLite files in a run, near a gigabyte in all.
remove_test_databases() {
  for db in $(psql "$SAMSPILL_TEST_POSTGRES_URL" -Atqc "SELECT datname FROM pg_database WHERE datname LIKE 'samspill\_test\_%'"); do
    psql "$SAMSPILL_TEST_POSTGRES_URL" -qc "DROP DATABASE IF EXISTS $db" >/dev/null
  done
  rm -rf "${TMPDIR:-/tmp}/samspill-tests"
}
say "removing databases left by earlier test runs"
remove_test_databases

say "formatting and lints"
cargo fmt --check
cargo clippy --all-targets --locked -- -D warnings

say "unit, property, store, HTTP and CLI tests (SQLite and PostgreSQL)"
cargo test --locked

say "browser tests (Chromium, axe-core)"
cargo build --locked
bin="$(cd "${CARGO_TARGET_DIR:-target}" && pwd)/debug/samspill"
(cd e2e && npm ci --no-audit --no-fund --silent && SAMSPILL_BIN="$bin" npm test)

# A run that fails keeps its databases, to be looked into; the next run removes them.
remove_test_databases
say "all tests passed"
