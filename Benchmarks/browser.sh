#!/usr/bin/env bash
# Loads the search page in headless Chromium, runs a query and saves a screenshot, then opens
# the timeline view of a second query and saves a screenshot of that.
# Installs Debian's chromium when it is missing.
# Usage: Benchmarks/browser.sh [QUERY] [OUTPUT.png] [TIMELINE-QUERY] [TIMELINE.png]
# CONFIGURATION=debug uses a debug build (no release build on a busy machine).
set -euo pipefail
cd "$(dirname "$0")/.."
query=${1:-KSF}
output=${2:-Benchmarks/screenshot.png}
timeline_query=${3:-helsedata}
timeline_output=${4:-/tmp/page-timeline.png}
configuration=${CONFIGURATION:-release}
browser=$(command -v chromium || command -v chromium-browser || true)
if [ -z "$browser" ]; then
  echo "installing chromium"
  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium) >/dev/null
  browser=$(command -v chromium)
fi
swift build -c "$configuration" --product radsok >/dev/null
port=18081
".build/$configuration/radsok" serve --port "$port" >/tmp/radsok-browser-server.log 2>&1 &
server=$!
trap 'kill $server 2>/dev/null; wait $server 2>/dev/null' EXIT
for _ in $(seq 1 100); do curl -sf "http://127.0.0.1:$port/api/health" >/dev/null && break; sleep 0.2; done
encoded=$(python3 -c 'import sys, urllib.parse; print(urllib.parse.quote(sys.argv[1]))' "$query")
# The page runs the query given as ?q= on load; the virtual time budget lets it fetch and render.
"$browser" --headless --no-sandbox --disable-gpu --hide-scrollbars --window-size=1100,1400 \
  --virtual-time-budget=5000 --screenshot="$output" "http://127.0.0.1:$port/?q=$encoded" 2>/dev/null
# The rendered page as text, to check that results arrived.
"$browser" --headless --no-sandbox --disable-gpu --virtual-time-budget=5000 --dump-dom "http://127.0.0.1:$port/?q=$encoded" 2>/dev/null \
  | grep -o 'treff ([0-9,]* ms)' | head -1 | sed "s/^/page shows: /"
echo "screenshot: $output"
# The timeline view, as a link to it opens it (?view=timeline): histogram, years, meetings.
encoded=$(python3 -c 'import sys, urllib.parse; print(urllib.parse.quote(sys.argv[1]))' "$timeline_query")
address="http://127.0.0.1:$port/?q=$encoded&view=timeline"
"$browser" --headless --no-sandbox --disable-gpu --hide-scrollbars --window-size=1100,1800 \
  --virtual-time-budget=5000 --screenshot="$timeline_output" "$address" 2>/dev/null
dom=$("$browser" --headless --no-sandbox --disable-gpu --virtual-time-budget=5000 --dump-dom "$address" 2>/dev/null)
echo "timeline shows: $(grep -o '[0-9]* saker i [0-9]* møter, [0-9]* omtaler' <<<"$dom" | head -1)," \
  "$(grep -o 'class="bar cases"' <<<"$dom" | wc -l) year bars, $(grep -o 'class="year"' <<<"$dom" | wc -l) years listed"
echo "screenshot: $timeline_output"
