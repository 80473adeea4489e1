#!/usr/bin/env bash
# Generates the 100 MB and 1 GB corpora (once) and runs the benchmark on both.
set -euo pipefail
cd "$(dirname "$0")/.."
swift build -c release --product radsok-bench >/dev/null
bench=.build/release/radsok-bench
for size in 100MB 1GB; do
  dir=/tmp/radsok-$(echo "$size" | tr 'A-Z' 'a-z')
  [ -d "$dir" ] || "$bench" generate --size "$size" --out "$dir"
  "$bench" run --corpus "$dir" --work "/tmp/radsok-bench-work-$size"
done
