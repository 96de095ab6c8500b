#!/usr/bin/env bash
# Import benchmark: `samspill import` of generated HR files into fresh databases, timed with
# /usr/bin/time. Prints seconds and peak memory (maximum resident set size) for 10,000 and
# 100,000 new people, and for importing the same 100,000 again (nothing to change).
#
#   bench/import.sh                 both databases
#   bench/import.sh sqlite          one of them
#   SAMSPILL_BIN=path bench/import.sh   measure another binary (no build)
#
# PostgreSQL: SAMSPILL_BENCH_POSTGRES_URL (default postgres://postgres@127.0.0.1:5432/postgres);
# a database samspill_bench_import is created there and dropped afterwards.
set -euo pipefail
cd "$(dirname "$0")/.."

PG_SERVER=${SAMSPILL_BENCH_POSTGRES_URL:-postgres://postgres@127.0.0.1:5432/postgres}
PG_DB=samspill_bench_import
if [ $# -gt 0 ]; then BACKENDS=("$@"); else BACKENDS=(sqlite postgres); fi

as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }
if [ ! -x /usr/bin/time ]; then
  as_root apt-get update -qq
  as_root apt-get install -y -qq time >/dev/null
fi
if [ -z "${SAMSPILL_BIN:-}" ]; then
  cargo build --release --locked --quiet
  SAMSPILL_BIN=target/release/samspill
fi
WORK=$(mktemp -d)
cleanup() {
  rm -rf "$WORK"
  psql "$PG_SERVER" -qc "DROP DATABASE IF EXISTS $PG_DB" >/dev/null 2>&1 || true
}
trap cleanup EXIT

# Writes an HR export of `lines` new people: a director, departments of sections of teams of
# twelve, each team led by its first member, section leaders under their department's head,
# department heads under the director; sites are the demo's five, which must exist first.
generate() {
  awk -v lines="$1" 'BEGIN {
    split("Nord Sør Vest Øst Digital Analyse Tilsyn Forvaltning", dept, " ")
    split("Oslo Tromsø Bergen Trondheim Bodø", site, " ")
    split("Emma Lars Ingrid Ola Sofie Jonas Nora Emil Sara Aksel Ida Magnus Kari Øyvind Åse", first, " ")
    split("Hansen Johansen Olsen Larsen Andersen Pedersen Nilsen Kristiansen Jensen Karlsen Berg Haugen Dahl", last, " ")
    split("Rådgiver Seniorrådgiver Førstekonsulent Spesialrådgiver Konsulent", title, " ")
    print "ansattnummer;navn;epost;stilling;enhet;leder;lokasjon;hjemmekontordager"
    for (i = 0; i < lines; i++) {
      number = 100000 + i
      name = first[i % 15 + 1] " " last[int(i / 15) % 13 + 1]
      if (i == 0) {
        printf "%d;%s;p%d@bench.samspill.no;Direktør;Direktoratet;;Oslo;\n", number, name, number
        continue
      }
      team = int((i - 1) / 12); member = (i - 1) % 12
      section = int(team / 6); d = section % 8
      team_leader = 100001 + team * 12
      section_leader = 100001 + section * 6 * 12
      head = 100001 + d * 6 * 12
      if (member != 0) leader = team_leader
      else if (team % 6 != 0) leader = section_leader
      else if (section >= 8) leader = head
      else leader = 100000
      days = (i % 3 == 0) ? "man fre" : ((i % 3 == 1) ? "ons" : "")
      job = (member == 0) ? "Leder" : title[i % 5 + 1]
      printf "%d;%s;p%d@bench.samspill.no;%s;Avdeling %s/Seksjon %d/Team %d;%d;%s;%s\n",
        number, name, number, job, dept[d + 1], section, team, leader, site[team % 5 + 1], days
    }
  }' > "$2"
}

# A fresh, empty database for `backend` with the demo organisation (and so its sites).
fresh() {
  case $1 in
    sqlite) rm -f "$WORK"/bench.db*; URL="sqlite://$WORK/bench.db" ;;
    postgres)
      psql "$PG_SERVER" -qc "DROP DATABASE IF EXISTS $PG_DB" -qc "CREATE DATABASE $PG_DB" >/dev/null 2>&1
      URL="${PG_SERVER%/*}/$PG_DB"
      ;;
    *) echo "unknown backend $1 (sqlite or postgres)" >&2; exit 1 ;;
  esac
  SAMSPILL_DATABASE_URL=$URL RUST_LOG=error "$SAMSPILL_BIN" demo >/dev/null
}

# Imports a file and prints "label  seconds  MB" from /usr/bin/time's report.
measure() {
  local label=$1 file=$2 report="$WORK/time.txt"
  SAMSPILL_DATABASE_URL=$URL RUST_LOG=error /usr/bin/time -v -o "$report" "$SAMSPILL_BIN" import "$file" >"$WORK/out.txt"
  local seconds mb
  seconds=$(awk -F': ' '/Elapsed \(wall clock\)/ { n = split($2, p, ":"); s = 0; for (i = 1; i <= n; i++) s = s * 60 + p[i]; printf "%.2f", s }' "$report")
  mb=$(awk -F': ' '/Maximum resident set size/ { printf "%.0f", $2 / 1024 }' "$report")
  printf '  %-34s %8s s %6s MB   %s\n' "$label" "$seconds" "$mb" "$(tail -1 "$WORK/out.txt")"
}

generate 10000 "$WORK/10k.csv"
generate 100000 "$WORK/100k.csv"
echo "samspill import, $(nproc) cores: seconds (wall clock) and peak memory (max RSS)"
for backend in "${BACKENDS[@]}"; do
  echo "$backend"
  fresh "$backend"
  measure "10,000 new people" "$WORK/10k.csv"
  fresh "$backend"
  measure "100,000 new people" "$WORK/100k.csv"
  measure "100,000 again (no change)" "$WORK/100k.csv"
done
