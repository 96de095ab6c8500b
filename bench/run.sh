#!/usr/bin/env bash
# Load benchmark: release builds of samspill and of the bare baseline (examples/bare.rs: the same
# axum, sqlx and askama with no application logic), driven by wrk on loopback. Per database it
# measures the bare page (20 rows read and rendered) and the bare write (one row committed per
# request), then samspill's pages with the demo organisation, then, with the organisation grown to
# 20,000 people, the pages whose work grows with it, the survey pages and the writes, then the bare
# page again. Before each page the bare page is measured again (before each write the bare write),
# and each page's ratio is to the median of that figure and its neighbours' (`baselines`): a shared
# machine's speed drifts while a run lasts. It prints requests/s, p99 and the ratio. The target
# for every signed-in page of the demo organisation is at least 0.50 × the bare page's requests/s
# and p99 at most 10 ms; a page that misses it is marked. Saving a step of one's own draft has a
# p99 target of 25 ms, answering a survey ≥ 1.00 × the bare write and p99 ≤ 25 ms, a survey's
# results p99 ≤ 50 ms.
#
#   bench/run.sh                 both databases
#   bench/run.sh sqlite          one of them
#   DURATION=30s CONNECTIONS=64 bench/run.sh
#   ONLY='/team' bench/run.sh    only the measurements whose label matches, beside the baselines
#
# PostgreSQL: SAMSPILL_BENCH_POSTGRES_URL (default postgres://postgres@127.0.0.1:5432/postgres);
# databases samspill_bench and samspill_bench_bare are created there and dropped afterwards.
set -euo pipefail
cd "$(dirname "$0")/.."

DURATION=${DURATION:-10s}
CONNECTIONS=${CONNECTIONS:-32}
THREADS=${THREADS:-2}
PG_SERVER=${SAMSPILL_BENCH_POSTGRES_URL:-postgres://postgres@127.0.0.1:5432/postgres}
TARGET_RATIO=0.50
TARGET_P99_MS=10
if [ $# -gt 0 ]; then BACKENDS=("$@"); else BACKENDS=(sqlite postgres); fi

as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }
if ! command -v wrk >/dev/null; then
  as_root apt-get update -qq
  as_root apt-get install -y -qq wrk >/dev/null
fi
cargo build --release --locked --quiet --bin samspill --example bare --example survey_fixture
# SAMSPILL_BENCH_BIN measures another build of samspill against the same baseline (to compare two).
BIN=${SAMSPILL_BENCH_BIN:-target/release/samspill}
BARE=target/release/examples/bare
FIXTURE=target/release/examples/survey_fixture
# People in the unit whose survey is answered: each answers once, so enough for the whole run.
SURVEY_PEOPLE=${SURVEY_PEOPLE:-20000}
TARGET_RESULTS_P99_MS=50
TARGET_ANSWER_P99_MS=25
TARGET_STEP_P99_MS=25
WORK=$(mktemp -d)
PORT=18090
BARE_PORT=18091
SERVER_PIDS=()
stop_servers() {
  local pid
  for pid in "${SERVER_PIDS[@]}"; do
    kill "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
  done
  SERVER_PIDS=()
}
cleanup() {
  stop_servers
  rm -rf "$WORK"
}
trap cleanup EXIT

# Starts a server in the background and waits until `url` answers.
start_server() {
  local url=$1
  shift
  "$@" >/dev/null 2>>"$WORK/server.log" &
  SERVER_PIDS+=($!)
  for _ in $(seq 1 100); do curl -sf "$url" >/dev/null && return; sleep 0.1; done
  echo "the server did not start: $*" >&2
  cat "$WORK/server.log" >&2
  exit 1
}

pg_database() { # create|drop NAME
  if [ "$1" = create ]; then
    psql "$PG_SERVER" -qc "DROP DATABASE IF EXISTS $2" -qc "CREATE DATABASE $2" >/dev/null 2>&1
  else
    psql "$PG_SERVER" -qc "DROP DATABASE IF EXISTS $2" >/dev/null
  fi
}

# Signs in through the form like a browser and prints the Cookie header to send.
cookies_for() {
  local email=$1 jar="$WORK/jar-$1"
  local token
  token=$(curl -s -c "$jar" "http://127.0.0.1:$PORT/login" | grep -o 'name="csrf" value="[0-9a-f]*"' | head -1 | sed 's/.*value="//; s/"//')
  curl -s -b "$jar" -c "$jar" -o /dev/null -d "csrf=$token" --data-urlencode "email=$email" -d "password=samspill-demo" "http://127.0.0.1:$PORT/login"
  awk '{ sub(/^#HttpOnly_/, "") } !/^#/ && NF >= 7 { printf "%s%s=%s", sep, $6, $7; sep="; " }' "$jar"
}

# The form a page shows, submitted unchanged, as a form-encoded body: text fields with their
# values, the chosen option of each select, ticked checkboxes, and the CSRF token.
form_body() {
  LC_ALL=C awk '
    BEGIN { for (i = 0; i < 256; i++) ord[sprintf("%c", i)] = i }
    function unescape(s) {
      gsub(/&quot;|&#34;/, "\"", s); gsub(/&#x27;|&#39;/, "\047", s); gsub(/&lt;/, "<", s); gsub(/&gt;/, ">", s); gsub(/&amp;/, "\\&", s)
      return s
    }
    function enc(s,    out, c, i) {
      out = ""
      for (i = 1; i <= length(s); i++) {
        c = substr(s, i, 1)
        if (c ~ /[A-Za-z0-9_.~-]/) out = out c; else out = out sprintf("%%%02X", ord[c])
      }
      return out
    }
    function pair(k, v) { body = body (body == "" ? "" : "&") enc(k) "=" enc(unescape(v)) }
    function attr(tag, name,    m) {
      if (match(tag, " " name "=\"[^\"]*\"")) { m = substr(tag, RSTART + length(name) + 3, RLENGTH - length(name) - 4); return m }
      return ""
    }
    { html = html $0 "\n" }
    END {
      while (match(html, /<(input|select|option)[^>]*>/)) {
        tag = substr(html, RSTART, RLENGTH); html = substr(html, RSTART + RLENGTH)
        if (tag ~ /^<select/) { select = attr(tag, "name"); continue }
        if (tag ~ /^<option/) { if (tag ~ / selected/) pair(select, attr(tag, "value")); continue }
        name = attr(tag, "name"); kind = attr(tag, "type")
        if (name == "") continue
        if (kind == "checkbox") { if (tag ~ / checked/) pair(name, "on"); continue }
        if (kind == "radio") { if (tag ~ / checked/) pair(name, attr(tag, "value")); continue }
        if (kind == "submit" || kind == "file") continue
        pair(name, attr(tag, "value"))
      }
      print body
    }'
}

ms() { # wrk latency (850.00us, 3.10ms, 1.20s) in milliseconds
  awk -v v="$1" 'BEGIN { n = v + 0; if (v ~ /us$/) n /= 1000; else if (v ~ /ms$/) n += 0; else if (v ~ /s$/) n *= 1000; printf "%.2f", n }'
}

# With ONLY set (a regular expression), only the measurements whose label matches it run, beside
# the baselines: ONLY='/team|/conversations' bench/run.sh sqlite
skipped() { # KIND LABEL
  [ -n "${ONLY:-}" ] && [[ $1 != base && $1 != write-base ]] && ! [[ $2 =~ $ONLY ]]
}

# The bare page's (or with `write`, the bare write's) requests/s measured now, beside the
# measurement that follows (`baselines` makes its baseline from it).
near_base() {
  local out
  if [ "${1:-}" = write ]; then
    out=$(BODY= wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" -s bench/post.lua "$BARE_HTTP/write")
  else
    out=$(wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" "$BARE_HTTP/")
  fi
  awk '/Requests\/sec/ { printf "%d", $2 }' <<<"$out"
}

# Runs wrk on one address after checking its status and records the figures; `report` prints them.
#   measure KIND LABEL URL [COOKIE] [BODY]
# KIND: base (the bare page, measured first and last, for the record), write-base (the bare
# write, likewise), open (no sign-in: ratio, no target), page (signed in: ratio
# and target), scale (a page of the grown organisation: ratio, no target), write (a form post that
# must answer 303, compared with the bare write). Writes post BODY with bench/post.lua.
measure() {
  local kind=$1 label=$2 url=$3 cookie=${4:-} body=${5:-}
  local status out
  skipped "$kind" "$label" && return
  local args=(-t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --latency)
  [ -n "$cookie" ] && args+=(-H "Cookie: $cookie")
  if [[ $kind == write* ]]; then
    status=$(curl -s -o /dev/null -w '%{http_code}' -H "Cookie: $cookie" -H 'Content-Type: application/x-www-form-urlencoded' --data-binary "$body" "$url")
    # The bare write answers 200; samspill's answers 303 when saved (a 200 is the form again, refused).
    [ "$status" = "$([ "$kind" = write ] && echo 303 || echo 200)" ] || { echo "POST $url answered $status: not measuring a refused write" >&2; exit 1; }
    args+=(-s bench/post.lua)
  else
    status=$(curl -s -o /dev/null -w '%{http_code}' -H "Cookie: $cookie" "$url")
    [ "$status" = 200 ] || { echo "$url answered $status, not 200: not measuring a redirect" >&2; exit 1; }
  fi
  case $kind in
    base | write-base) NEAR+=("") ;;
    write) NEAR+=("$(near_base write)") ;;
    *) NEAR+=("$(near_base)") ;;
  esac
  # A second of the same load first, not counted: the pool opens its connections and each
  # connection prepares the page's statements before the measured run.
  [[ $kind == write* ]] || wrk "${args[@]/#-d*/-d1s}" "$url" >/dev/null
  out=$(BODY=$body wrk "${args[@]}" "$url")
  KINDS+=("$kind")
  LABELS+=("$label")
  RPS+=("$(awk '/Requests\/sec/ { printf "%d", $2 }' <<<"$out")")
  P99+=("$(ms "$(awk '$1 == "99%" { print $2 }' <<<"$out")")")
  ERRORS+=("$(awk '/Non-2xx/ { print $NF }' <<<"$out")")
}

# The form of a draft's step, as the page shows it: DRAFT_FORM COOKIE PATH
draft_form() {
  curl -s -H "Cookie: $1" "$APP$2" | sed -n '/<form[^>]*action="\/development\/attempts\/[0-9]*"/,/<\/form>/p' | form_body
}

# Sixteen people of the demo each start a draft and save its step, all at once (bench/posts.lua):
# saving a step as it happens, each person on their own draft.
measure_saves() {
  local posts="$WORK/posts" email cookie token path body status out
  skipped write "$1" && return
  : >"$posts"
  for email in $(cut -d';' -f3 src/cli/demo/people.csv | grep -F '@demo.' | grep -v '^hr@' | head -16); do
    cookie=$(cookies_for "$email")
    token=$(curl -s -H "Cookie: $cookie" "$APP/development" | grep -o 'name="csrf" value="[0-9a-f]*"' | head -1 | sed 's/.*value="//; s/"//')
    path=$(curl -s -o /dev/null -w '%{redirect_url}' -H "Cookie: $cookie" -d "csrf=$token&instrument=active-employeeship" "$APP/development/start")
    path=${path#"$APP"}
    [[ $path == /development/attempts/* ]] || { echo "no draft started for $email" >&2; exit 1; }
    printf '%s\t%s\t%s\n' "$cookie" "$path" "$(draft_form "$cookie" "$path")" >>"$posts"
  done
  IFS=$'\t' read -r cookie path body <"$posts"
  status=$(curl -s -o /dev/null -w '%{http_code}' -H "Cookie: $cookie" -H 'Content-Type: application/x-www-form-urlencoded' --data-binary "$body" "$APP$path")
  [ "$status" = 303 ] || { echo "saving a step answered $status: not measuring a refused write" >&2; exit 1; }
  NEAR+=("$(near_base write)")
  out=$(POSTS=$posts wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --latency -s bench/posts.lua "$APP/")
  KINDS+=(step) LABELS+=("$1")
  RPS+=("$(awk '/Requests\/sec/ { printf "%d", $2 }' <<<"$out")")
  P99+=("$(ms "$(awk '$1 == "99%" { print $2 }' <<<"$out")")")
  ERRORS+=("$(awk '/Non-2xx/ { print $NF }' <<<"$out")")
}

# A unit of $SURVEY_PEOPLE people (examples/survey_fixture.rs): a closed pulse with 1,000 answers
# for the results page, and an open one that everyone answers once through the form, with their
# session and CSRF token, 32 at a time (bench/answers.lua). Prints the closed wave's id.
survey_fixture() {
  local ids
  ids=$("$FIXTURE" --database-url "$URL" --people "$SURVEY_PEOPLE" --answers 1000 --out "$WORK/answers.tsv")
  SURVEY_RESULTS=$(sed -n 's/.*results=\([0-9]*\).*/\1/p' <<<"$ids")
  # Statistics for the planner, as autovacuum would gather them after a load this size: without
  # them PostgreSQL joins every person to list the units' waves.
  if [[ $URL == postgres* ]]; then psql "$URL" -qc ANALYZE; fi
}

# Answering the open pulse of the fixture: the last person's answer is sent first, to check that
# it is taken, and left out of the run.
measure_answers() {
  local cookie path body location out
  skipped answer "$1" && return
  IFS=$'\t' read -r cookie path body < <(tail -1 "$WORK/answers.tsv")
  location=$(curl -s -o /dev/null -w '%{redirect_url}' -H "Cookie: $cookie" -H 'Content-Type: application/x-www-form-urlencoded' --data-binary "$body" "$APP$path")
  [[ $location == *done=answered ]] || { echo "the answer was not taken ($location): not measuring" >&2; exit 1; }
  head -n -1 "$WORK/answers.tsv" >"$WORK/answers-run.tsv"
  NEAR+=("$(near_base write)")
  out=$(POSTS="$WORK/answers-run.tsv" THREADS=$THREADS wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --latency -s bench/answers.lua "$APP/")
  KINDS+=(answer) LABELS+=("$1")
  # The script stops once everyone has answered and measures its own pace (bench/answers.lua).
  RPS+=("$(awk '/Answers\/sec/ { printf "%d", $2 }' <<<"$out")")
  P99+=("$(ms "$(awk '$1 == "99%" { print $2 }' <<<"$out")")")
  ERRORS+=("$(awk '/Non-2xx/ { print $NF }' <<<"$out")")
}

# A leader of 50 reports (imported beside the demo), each with a conversation planned: the
# contact overview at the size a large section has. Prints the leader's Cookie header.
big_team() {
  local csv="$WORK/team.csv" cookie id token
  echo "ansattnummer;navn;epost;stilling;enhet;leder;lokasjon;hjemmekontordager" >"$csv"
  echo "9000;Berit Storvik;berit.storvik@demo.samspill.no;Seksjonssjef;Avdeling Nord;1001;Tromsø;" >>"$csv"
  for i in $(seq 1 50); do
    echo "$((9000 + i));Medarbeider $i;medarbeider$i@demo.samspill.no;Rådgiver;Avdeling Nord;9000;Oslo;2" >>"$csv"
  done
  SAMSPILL_DATABASE_URL="$URL" "$BIN" import "$csv" >/dev/null
  SAMSPILL_DATABASE_URL="$URL" SAMSPILL_PASSWORD=samspill-demo "$BIN" admin reset-password --email berit.storvik@demo.samspill.no >/dev/null
  cookie=$(cookies_for berit.storvik@demo.samspill.no)
  for id in $(curl -s -H "Cookie: $cookie" "$APP/team" | grep -o 'href="/conversations/new?with=[0-9]*' | grep -o '[0-9]*$'); do
    token=$(curl -s -H "Cookie: $cookie" "$APP/conversations/new?with=$id" | grep -o 'name="csrf" value="[0-9a-f]*"' | head -1 | sed 's/.*value="//; s/"//')
    curl -s -o /dev/null -H "Cookie: $cookie" -d "csrf=$token&with=$id&template=regular-follow-up&date=$(date -d '+3 days' +%F)&time=10:00&minutes=45&channel=video&place=&cadence=1m" "$APP/conversations"
  done
  [ "$(curl -s -H "Cookie: $cookie" "$APP/team" | grep -c 'href="/conversations/[0-9]')" -ge 50 ] || { echo "the 50 conversations were not planned" >&2; exit 1; }
  echo "$cookie"
}

# The baseline of each measurement: the median of the bare figure measured just before it and
# those measured before its neighbours of the same kind (page or write). The bare page now and
# then runs at half its pace for a few seconds while samspill's pages do not (seen on SQLite): a
# single bare figure would then make one page's ratio twice what it is.
baselines() {
  local i group
  for group in page write; do
    local idx=()
    for i in "${!KINDS[@]}"; do
      [ -n "${NEAR[$i]}" ] || continue
      case ${KINDS[$i]} in write | answer | step) [ $group = write ] && idx+=("$i") ;; *) [ $group = page ] && idx+=("$i") ;; esac
    done
    for i in "${!idx[@]}"; do
      local window=("${NEAR[${idx[$i]}]}")
      [ "$i" -gt 0 ] && window+=("${NEAR[${idx[$((i - 1))]}]}")
      [ "$((i + 1))" -lt "${#idx[@]}" ] && window+=("${NEAR[${idx[$((i + 1))]}]}")
      # Of three, the middle one; of two (at either end), the higher.
      BASE[${idx[$i]}]=$(printf '%s\n' "${window[@]}" | sort -n | awk '{ v[NR] = $1 } END { print (NR == 3 ? v[2] : v[NR]) }')
    done
  done
}

# Prints the recorded figures, each with its ratio to its baseline (`baselines`; the figure in
# brackets).
report() {
  local i base ratio note pages=0 misses=0
  BASE=()
  baselines
  for i in "${!KINDS[@]}"; do
    note=
    base=${BASE[$i]:-}
    case ${KINDS[$i]} in
      base | write-base) ratio="baseline" ;;
      write | answer | step) ratio=$(awk -v a="${RPS[$i]}" -v b="$base" 'BEGIN { printf "%.2f× bare write (%d)", a / b, b }') ;;
      *) ratio=$(awk -v a="${RPS[$i]}" -v b="$base" 'BEGIN { printf "%.2f× bare (%d)", a / b, b }') ;;
    esac
    if [ "${KINDS[$i]}" = answer ] && awk -v a="${RPS[$i]}" -v b="$base" -v p="${P99[$i]}" -v t="$TARGET_ANSWER_P99_MS" 'BEGIN { exit !(a < b || p > t) }'; then
      note="   <- misses the target (≥ 1.00× bare write, p99 ≤ $TARGET_ANSWER_P99_MS ms)"
    fi
    if [ "${KINDS[$i]}" = step ] && awk -v p="${P99[$i]}" -v t="$TARGET_STEP_P99_MS" 'BEGIN { exit !(p > t) }'; then
      note="   <- misses the target (p99 ≤ $TARGET_STEP_P99_MS ms)"
    fi
    if [ "${KINDS[$i]}" = results ] && awk -v p="${P99[$i]}" -v t="$TARGET_RESULTS_P99_MS" 'BEGIN { exit !(p > t) }'; then
      note="   <- misses the target (p99 ≤ $TARGET_RESULTS_P99_MS ms)"
    fi
    if [ "${KINDS[$i]}" = page ]; then
      pages=$((pages + 1))
      if awk -v a="${RPS[$i]}" -v b="$base" -v p="${P99[$i]}" -v r="$TARGET_RATIO" -v t="$TARGET_P99_MS" 'BEGIN { exit !(a / b < r || p > t) }'; then
        misses=$((misses + 1))
        note="   <- misses the target"
      fi
    fi
    printf '  %-34s %8s req/s   p99 %7s ms   %-30s%s%s\n' "${LABELS[$i]}" "${RPS[$i]}" "${P99[$i]}" "$ratio" \
      "${ERRORS[$i]:+   errors: ${ERRORS[$i]}}" "$note" | sed 's/ *$//'
  done
  echo "  $misses of $pages signed-in pages miss the target"
}

for backend in "${BACKENDS[@]}"; do
  case $backend in
    sqlite)
      URL="sqlite://$WORK/bench.db"
      BARE_URL="sqlite://$WORK/bare.db"
      ;;
    postgres)
      pg_database create samspill_bench
      pg_database create samspill_bench_bare
      URL="${PG_SERVER%/*}/samspill_bench"
      BARE_URL="${PG_SERVER%/*}/samspill_bench_bare"
      ;;
    *) echo "unknown backend $backend (sqlite or postgres)" >&2; exit 1 ;;
  esac
  echo "$backend — $CONNECTIONS connections, $THREADS threads, $DURATION per measurement ($(nproc) cores);" \
    "target for signed-in pages: ≥ ${TARGET_RATIO}× bare, p99 ≤ ${TARGET_P99_MS} ms"
  KINDS=() LABELS=() RPS=() P99=() ERRORS=() NEAR=()
  BARE_HTTP="http://127.0.0.1:$BARE_PORT"
  APP="http://127.0.0.1:$PORT"
  # Both run at once, so the bare page can be measured beside each of samspill's: the figures of
  # a shared machine drift while a run lasts.
  start_server "$BARE_HTTP/" "$BARE" --database-url "$BARE_URL" --bind "127.0.0.1:$BARE_PORT"
  start_server "$APP/healthz" env SAMSPILL_DATABASE_URL="$URL" RUST_LOG=warn "$BIN" serve --demo --bind "127.0.0.1:$PORT"
  leader=$(cookies_for lars@demo.samspill.no)
  hr=$(cookies_for hr@demo.samspill.no)
  employee=$(cookies_for emma@demo.samspill.no)
  # Someone from HR's list, for the edit page and the write.
  person=$(curl -s -H "Cookie: $hr" "$APP/org/people" | grep -o 'href="/org/people/[0-9][0-9]*"' | head -1 | grep -o '[0-9][0-9]*')
  # The demo's Utvikling: the leader's latest result (with history), the report who shared a
  # result with him, and the employee's draft.
  first_id() {
    local id
    id=$(grep -o "$1" | head -1 | grep -o '[0-9][0-9]*$') || true
    [ -n "$id" ] || { echo "no link matching $1 on the page: the demo data has changed" >&2; exit 1; }
    echo "$id"
  }
  result=$(curl -s -H "Cookie: $leader" "$APP/development" | first_id 'href="/development/results/[0-9][0-9]*' )
  report=$(curl -s -H "Cookie: $leader" "$APP/" | first_id 'href="/team/[0-9][0-9]*')
  shared=$(curl -s -H "Cookie: $leader" "$APP/team/$report" | first_id "href=\"/team/$report/results/[0-9][0-9]*")
  draft=$(curl -s -H "Cookie: $employee" "$APP/development" | first_id 'href="/development/attempts/[0-9][0-9]*')
  conversation=$(curl -s -H "Cookie: $leader" "$APP/conversations" | first_id 'href="/conversations/[0-9][0-9]*')
  # The newest closed pulse: the second wave in the leader's list (the first is open).
  survey=$(curl -s -H "Cookie: $leader" "$APP/surveys" | grep -o 'href="/surveys/[0-9]*/results' | sed -n 2p | grep -o '[0-9][0-9]*') || true
  [ -n "$survey" ] || { echo "no closed survey in the demo" >&2; exit 1; }
  big=$(big_team)

  measure base "bare: GET / (20 rows)" "$BARE_HTTP/"
  measure write-base "bare: POST /write (1 row)" "$BARE_HTTP/write"
  measure open "GET /login" "$APP/login"
  measure page "GET / (leader, Min side)" "$APP/" "$leader"
  measure page "GET /me (leader)" "$APP/me" "$leader"
  measure page "GET /settings (leader)" "$APP/settings" "$leader"
  measure page "GET /org (HR)" "$APP/org" "$hr"
  measure page "GET /org/people (HR)" "$APP/org/people" "$hr"
  measure page "GET /org/people/$person (HR, edit)" "$APP/org/people/$person" "$hr"
  measure page "GET /org/units (HR)" "$APP/org/units" "$hr"
  measure page "GET /org/locations (HR)" "$APP/org/locations" "$hr"
  measure page "GET /org/import (HR)" "$APP/org/import" "$hr"
  measure page "GET /org/settings (HR)" "$APP/org/settings" "$hr"
  measure page "GET /org/mail (HR, outbox)" "$APP/org/mail" "$hr"
  measure page "GET /development (leader)" "$APP/development" "$leader"
  measure page "GET /development/results/$result (history)" "$APP/development/results/$result" "$leader"
  measure page "GET /team/$report (leader)" "$APP/team/$report" "$leader"
  measure page "GET /team/$report/results/$shared (shared)" "$APP/team/$report/results/$shared" "$leader"
  measure page "GET /development/attempts/$draft (step)" "$APP/development/attempts/$draft" "$employee"
  measure page "GET /conversations (leader, 7 reports)" "$APP/conversations" "$leader"
  measure page "GET /team (leader, contact overview)" "$APP/team" "$leader"
  measure page "GET /team (leader of 50 reports)" "$APP/team" "$big"
  measure page "GET /conversations/$conversation" "$APP/conversations/$conversation" "$leader"
  measure page "GET /surveys (leader)" "$APP/surveys" "$leader"
  measure page "GET /surveys/$survey/results (closed pulse)" "$APP/surveys/$survey/results" "$leader"
  # The organisation grows to 20,000 people in 1,012 units (examples/survey_fixture.rs), with a
  # survey's invitations waiting in the outbox: the pages whose work grows with it, measured again.
  # Their ratio is printed for reference; the page target is for the demo organisation above.
  survey_fixture
  measure scale "GET / (leader), 20,000 people" "$APP/" "$leader"
  measure scale "GET /org (HR), 20,000 people" "$APP/org" "$hr"
  measure scale "GET /org/people (HR), 20,000 people" "$APP/org/people" "$hr"
  measure scale "GET /org/people/$person (HR, edit), 1,012 units" "$APP/org/people/$person" "$hr"
  measure scale "GET /org/units (HR), 1,012 units" "$APP/org/units" "$hr"
  measure scale "GET /org/mail (HR), invitations waiting" "$APP/org/mail" "$hr"
  measure results "GET /surveys/$SURVEY_RESULTS/results (unit, 1,000 answers)" "$APP/surveys/$SURVEY_RESULTS/results" "$hr"
  body=$(curl -s -H "Cookie: $hr" "$APP/org/people/$person" | sed -n '/<form[^>]*method="post"[^>]*action="\/org\/people\/[0-9]*"/,/<\/form>/p' | form_body)
  measure write "POST /org/people/$person (HR saves)" "$APP/org/people/$person" "$hr" "$body"
  body=$(draft_form "$employee" "/development/attempts/$draft")
  measure write "POST /development/attempts/$draft (one draft)" "$APP/development/attempts/$draft" "$employee" "$body"
  measure_saves "POST /development/attempts/… (16 people)"
  measure_answers "POST /surveys/… (answers, one each)"
  measure base "bare: GET / (20 rows), again" "$BARE_HTTP/"
  stop_servers
  report
  if [ "$backend" = postgres ]; then
    pg_database drop samspill_bench
    pg_database drop samspill_bench_bare
  fi
done
