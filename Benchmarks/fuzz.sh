#!/usr/bin/env bash
# Fuzzes the query path (parser, planner, searcher, snippets) and the analysis chain with
# libFuzzer, each for a few minutes, outside CI. Crashes and hangs are kept as files under
# Tests/FuzzRegressions/<target>/ ; `swift test` replays that folder (FuzzRegressionTests).
#
#   Benchmarks/fuzz.sh [seconds per target, default 180]
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-180}
scratch=.build-fuzz
# lld, not gold: gold fails on the fuzzer runtime's objects. -DFUZZING swaps the replaying main
# for libFuzzer's driver (Sources/radsok-fuzz/Entry.swift).
toolset=$(mktemp)
printf '{"schemaVersion": "1.0", "linker": {"path": "%s"}}\n' "$(dirname "$(command -v swift)")/ld.lld" > "$toolset"
swift build --scratch-path "$scratch" --product radsok-fuzz -c debug --toolset "$toolset" \
  -Xswiftc -sanitize=fuzzer,address -Xswiftc -DFUZZING 2>&1 | grep -E "error" || true
rm -f "$toolset"
binary="$scratch/debug/radsok-fuzz"
for target in query tokenizer; do
  work=$(mktemp -d)
  mkdir -p "$work/corpus" "Tests/FuzzRegressions/$target"
  # Seeds: the queries of the development set and lines of the corpus.
  python3 - "$work/corpus" "$target" <<'PY'
import json, sys, pathlib, hashlib
out, target = pathlib.Path(sys.argv[1]), sys.argv[2]
seeds = [q["query"] for q in json.load(open("Tests/EvaluationTests/Fixtures/qrels-dev.json"))["queries"]]
if target == "tokenizer":
    for f in sorted(pathlib.Path("Corpus").glob("*.txt")):
        seeds += f.read_text(errors="replace").splitlines()[:200:7]
seeds += ['"tar saken', "helse* -KSF OR (a b)", "type:vedtak år:2025", "råd~2", "mgte p& radet"]
for s in seeds:
    (out / hashlib.sha1(s.encode()).hexdigest()).write_text(s)
PY
  echo "== $target: ${seconds}s"
  log="$work/fuzz.log"
  ASAN_OPTIONS=detect_leaks=0 RADSOK_FUZZ_TARGET=$target "$binary" "$work/corpus" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=4096 \
    -detect_leaks=0 -max_len=4096 -artifact_prefix="Tests/FuzzRegressions/$target/" -print_final_stats=1 \
    >"$log" 2>&1 </dev/null || true
  grep -E "^#[0-9]+ +(DONE|INITED)|stat::number_of_executed_units|stat::peak_rss_mb|ERROR|SUMMARY|Test unit written" "$log" || true
  rm -rf "$work"
done
echo "artifacts (crashes, timeouts) kept:"
find Tests/FuzzRegressions -type f | sed 's/^/  /' || true
