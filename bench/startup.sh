#!/usr/bin/env bash
# Measures the time from `./mvnw spring-boot:run` to "ready" (the app answers /actuator/health)
# on a first run (empty data directory: initdb, migrations, demo data) and on later runs.
# Usage: bench/startup.sh [later-runs]   (port 18080, data in a temp directory; loopback only)
set -euo pipefail
cd "$(dirname "$0")/.."
runs="${1:-3}"
port=18080
data="$(mktemp -d)/db"
./mvnw -B -q compile >/dev/null

measure() {
  local start end pid
  start=$(date +%s.%N)
  ./mvnw -B -q spring-boot:run \
    -Dspring-boot.run.arguments="--server.port=$port --dualgate.embedded-db.data-dir=$data" >/tmp/dualgate-startup.log 2>&1 &
  pid=$!
  for _ in $(seq 1 600); do
    if curl -sf "http://127.0.0.1:$port/actuator/health" >/dev/null 2>&1; then break; fi
    sleep 0.1
  done
  end=$(date +%s.%N)
  kill "$pid" 2>/dev/null; wait "$pid" 2>/dev/null || true
  pkill -f "server.port=$port" 2>/dev/null || true
  sleep 1
  awk -v a="$start" -v b="$end" 'BEGIN { printf "%.1f", b - a }'
}

first=$(measure)
printf 'first run (new data directory): %s s\n' "$first"
for i in $(seq 1 "$runs"); do
  printf 'later run %d: %s s\n' "$i" "$(measure)"
done
rm -rf "$(dirname "$data")"
