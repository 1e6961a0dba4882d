#!/usr/bin/env bash
# Load test of `barlake serve` on loopback with wrk (Debian's wrk package), bounded in time:
# cached quotes, a 5-year daily bars page and a 5-year backtest, requests/s and latency percentiles.
# Usage: scripts/serving-load.sh [LAKE_FOLDER]   (DURATION=20s; CONNECTIONS for all, else 4 for quotes, 8 for the others)
# The first run fills LAKE_FOLDER with 1,260 sessions (five years) of a 500-symbol synthetic market.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
lake="${1:-/tmp/barlake-load/lake}"
duration="${DURATION:-20s}"
port="${PORT:-18181}"
# The clock is pinned so the lake's five years end at a known session and every run asks the same thing.
export BARLAKE_NOW="2025-12-31T22:00:00Z"
export BARLAKE_LAKE="$lake" BARLAKE_SYNTHETIC_SYMBOLS=500
# The per-key limits would be the bottleneck: this measures the server, not the limiter.
export BARLAKE_RATE_LIMIT=1000000 BARLAKE_RATE_BURST=1000000 BARLAKE_DAILY_QUOTA=1000000000
unset POLYGON_API_KEY BARLAKE_API_KEYS

command -v wrk >/dev/null || { echo "serving-load: wrk is missing (apt-get install wrk)" >&2; exit 2; }
if [ ! -d "$lake/silver/daily" ]; then
  "$here/barlake" run --history 1260 >/dev/null
fi

"$here/barlake" serve --port "$port" > "$lake/../serve.log" 2>&1 &
server=$!
trap 'kill $server 2>/dev/null || true' EXIT
for _ in $(seq 1 60); do
  curl -sf "http://127.0.0.1:$port/health" >/dev/null && break
  sleep 1
done

base="http://127.0.0.1:$port"
symbol="$(curl -sf "$base/v1/signals?limit=1" | sed -E 's/.*"symbol":"([^"]+)".*/\1/')"
bars="$base/v1/bars?symbol=$symbol&from=2021-01-04&to=2025-12-31&limit=5000"
echo "Lake: $lake; symbol $symbol; $(curl -sf "$bars" | grep -o '"date"' | wc -l) daily bars in the page"

body="$(mktemp)"
printf '{"symbol":"%s","strategy":"golden-cross","from":"2021-01-04","to":"2025-12-31"}' "$symbol" > "$body"
lua="$(mktemp --suffix=.lua)"
cat > "$lua" <<LUA
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
local f = io.open("$body", "r")
wrk.body = f:read("*a")
f:close()
LUA

run() {
  local name="$1" connections="$2"; shift 2
  # A short warm-up lets the JIT compile the path before the measured run.
  wrk -t2 -c"$connections" -d5s "$@" >/dev/null
  echo "== $name ($connections connections, 2 threads)"
  wrk -t2 -c"$connections" -d"$duration" --latency "$@" | grep -E "Requests/sec|Latency  |^ +(50|75|90|99)%|requests in|Non-2xx"
}

run "quote (cached)" "${CONNECTIONS:-4}" "$base/v1/quote?symbol=$symbol"
run "bars, 5 years daily" "${CONNECTIONS:-8}" "$bars"
run "backtest, 5 years daily (golden-cross)" "${CONNECTIONS:-8}" -s "$lua" "$base/v1/backtest"
rm -f "$body" "$lua"
