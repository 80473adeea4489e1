#!/usr/bin/env bash
# Load test of `radsok serve` with wrk on loopback: a mix of queries at 1, 16 and 128 connections,
# each for DURATION seconds (default 15). Installs Debian's wrk when it is missing.
# Usage: Benchmarks/load.sh [--corpus DIR] [--duration SECONDS]
set -euo pipefail
cd "$(dirname "$0")/.."
corpus=Corpus
duration=15
while [ $# -gt 0 ]; do
  case "$1" in
    --corpus) corpus=$2; shift 2 ;;
    --duration) duration=$2; shift 2 ;;
    *) echo "unknown argument $1" >&2; exit 2 ;;
  esac
done
if ! command -v wrk >/dev/null 2>&1; then
  echo "installing wrk"
  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk) >/dev/null
fi
swift build -c release --product radsok >/dev/null
index=$(mktemp -d)
port=18080
.build/release/radsok index --corpus "$corpus" --index "$index" >/dev/null
.build/release/radsok serve --port "$port" --corpus "$corpus" --index "$index" >/tmp/radsok-load-server.log 2>&1 &
server=$!
trap 'kill $server 2>/dev/null; wait $server 2>/dev/null; rm -rf "$index"' EXIT
for _ in $(seq 1 50); do curl -sf "http://127.0.0.1:$port/api/health" >/dev/null && break; sleep 0.2; done

# A mix of the users' queries: topics, acronyms, case numbers, ASCII spellings, phrases, prefixes.
script=$(mktemp)
cat >"$script" <<'LUA'
local queries = {
  "helsedata", "KSF", "8%2F1%2F25", "horingssvar", "b%C3%A6rekraft%20p%C3%A5%20legekontoret",
  "%22m%C3%B8te%20med%20Helsedataservice%22", "kliniske%20studier", "helsedat*", "type%3Avedtak%20%C3%A5r%3A2025",
  "Arendalsuka", "persontilpasset%20medisin", "LUP%20OR%20NORTRE", "innovasjonsanskaffelser", "helsedta~",
}
local i = 0
request = function()
  i = i + 1
  return wrk.format("GET", "/api/search?limit=10&q=" .. queries[(i % #queries) + 1])
end
done = function(summary, latency, requests)
  io.write(string.format("RESULT requests/s=%.0f p50_ms=%.2f p99_ms=%.2f errors=%d non2xx=%d requests=%d\n",
    summary.requests / (summary.duration / 1e6), latency:percentile(50) / 1000, latency:percentile(99) / 1000,
    summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout,
    summary.errors.status, summary.requests))
end
LUA
echo "corpus $corpus, $(nproc) cores, ${duration}s per run, $(date -u +%FT%TZ)"
for connections in 1 16 128; do
  threads=$(( connections < 2 ? 1 : 2 ))
  line=$(wrk -t"$threads" -c"$connections" -d"${duration}s" --latency -s "$script" "http://127.0.0.1:$port" | grep RESULT)
  echo "connections=$connections ${line#RESULT }"
done
rm -f "$script"
