#!/usr/bin/env bash
# The full form of the robustness tests that `swift test` runs reduced: many SIGKILLed builds,
# thousands of random queries answered twice, the cross-process determinism check, then
# (with --fuzz N) each libFuzzer target for N seconds.
#
#   Benchmarks/robustness.sh [--kills 50] [--queries 5000] [--fuzz 180]
set -euo pipefail
cd "$(dirname "$0")/.."
kills=50 queries=5000 fuzz=0
while [ $# -gt 0 ]; do
  case "$1" in
    --kills) kills=$2; shift 2 ;;
    --queries) queries=$2; shift 2 ;;
    --fuzz) fuzz=$2; shift 2 ;;
    *) echo "usage: $0 [--kills N] [--queries N] [--fuzz SECONDS]" >&2; exit 2 ;;
  esac
done
swift build --build-tests >/dev/null
start=$(date +%s)
RADSOK_KILLS=$kills RADSOK_QUERY_CHECKS=$queries swift test --skip-build \
  --filter 'KilledBuildTests|HostileQueryTests|DeterminismTests|DurableIndexTests|FuzzRegressionTests' 2>&1 \
  | grep -E "^(✔|✘) (Test|Suite)|slowest|flipped|Issue|failed|passed after" | grep -v "^✔ Test .* case" || true
echo "kills: $kills, random queries: $queries (each answered twice), in $(( $(date +%s) - start )) s"
if [ "$fuzz" -gt 0 ]; then Benchmarks/fuzz.sh "$fuzz"; fi
