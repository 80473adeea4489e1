#!/usr/bin/env bash
# The server under stress, on the loopback only: `radsok serve` over an index of a copy of
# Corpus/, then (all at once, each bounded in count and time, see Benchmarks/stress.py)
# random and hostile requests to every endpoint, slow and idle clients, a well-behaved client
# whose latency is measured, and index rebuilds while serving. Prints status counts per endpoint,
# statuses outside the documented set, bodies naming a server path, RSS before/peak/after,
# whether the server survived, and the good client's slowest answer.
#
#   Benchmarks/stress.sh [--requests N] [--seconds S] [--slow N] [--idle N] [--swaps N] [--debug]
#
# Serves a release build, as deployed (the first build takes some minutes; --debug serves the
# debug build); RADSOK=path/to/radsok uses that binary. The load takes about 2 minutes.
set -euo pipefail
cd "$(dirname "$0")/.."
if ! command -v swift >/dev/null 2>&1 && [ -x /opt/swift/usr/bin/swift ]; then export PATH=/opt/swift/usr/bin:$PATH; fi

config=release
args=()
while [ $# -gt 0 ]; do
  case "$1" in
    --debug) config=debug ;;
    *) args+=("$1") ;;
  esac
  shift
done

if [ -z "${RADSOK:-}" ]; then
  swift build -c "$config" --product radsok >/dev/null
  RADSOK="$(swift build -c "$config" --show-bin-path)/radsok"
fi

work=$(mktemp -d /tmp/radsok-stress.XXXXXX)
server=""
cleanup() {
  if [ -n "$server" ] && kill -0 "$server" 2>/dev/null; then kill "$server"; wait "$server" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT

cp -R Corpus "$work/corpus"
"$RADSOK" index --corpus "$work/corpus" --index "$work/index" >/dev/null 2>&1
port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
# Many sockets for the idle and slow clients.
ulimit -n "$(ulimit -Hn)" 2>/dev/null || true
"$RADSOK" serve --corpus "$work/corpus" --index "$work/index" --host 127.0.0.1 --port "$port" >"$work/serve.log" 2>&1 &
server=$!
for _ in $(seq 1 100); do
  curl -fsS "http://127.0.0.1:$port/api/health" >/dev/null 2>&1 && break
  sleep 0.1
done

python3 Benchmarks/stress.py --port "$port" --pid "$server" --radsok "$RADSOK" --work "$work" \
  --repo "$(pwd)" ${args[@]+"${args[@]}"}
