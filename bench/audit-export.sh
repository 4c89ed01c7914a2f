#!/usr/bin/env bash
# Audit trail benchmark (issue 15, items 4 and 5). Starts the app jar on an embedded PostgreSQL in a
# throw-away data directory with the demo data, appends EVENTS (default 1,000,000) hash-chained audit
# events (bench/audit-events.sql, hashed as the application hashes them), then measures over loopback:
#   - GET /api/v1/audit/export (the whole trail as JSON Lines): time, size, and the JVM's heap while
#     it streams (jstat every 0.5 s: heap used and old generation), against the heap before;
#   - java -jar <jar> verify-audit on that file: time and peak memory (RSS), exit status;
#   - GET /admin/audit (the page, admin session): p50/p95 of REQUESTS requests for the first page, each
#     filter, a filter combination and a deep page;
#   - GET /api/v1/audit/verify (the server recomputing the whole chain): one request.
# Usage: bench/audit-export.sh   (env: EVENTS=1000000 REQUESTS=20 WARMUP=3 HEAP=512m PORT=8086 DB_PORT=54386)
set -euo pipefail
cd "$(dirname "$0")/.."

EVENTS=${EVENTS:-1000000}
REQUESTS=${REQUESTS:-20}
WARMUP=${WARMUP:-3}
HEAP=${HEAP:-512m}
PORT=${PORT:-8086}
DB_PORT=${DB_PORT:-54386}
BASE="http://127.0.0.1:${PORT}"
DATA_DIR=$(mktemp -d /tmp/dualgate-audit-bench-XXXXXX)
WORK=$(mktemp -d /tmp/dualgate-audit-bench-work-XXXXXX)
PSQL=(/usr/bin/psql -X -q -v ON_ERROR_STOP=1 "postgresql://postgres@127.0.0.1:${DB_PORT}/postgres")
APP_PID=
SAMPLER_PID=

cleanup() {
	if [[ -n "${SAMPLER_PID}" ]]; then kill "${SAMPLER_PID}" 2>/dev/null || true; fi
	if [[ -n "${APP_PID}" ]]; then kill "${APP_PID}" 2>/dev/null || true; wait "${APP_PID}" 2>/dev/null || true; fi
	rm -rf "${DATA_DIR}" "${WORK}"
}
trap cleanup EXIT

JAR=$(ls target/dualgate-*.jar 2>/dev/null | grep -v original | head -1 || true)
if [[ -z "${JAR}" || -n "${REBUILD:-}" ]]; then
	./mvnw -B -q -DskipTests package
	JAR=$(ls target/dualgate-*.jar | grep -v original | head -1)
fi

echo "Starting ${JAR} with -Xmx${HEAP} on port ${PORT}, PostgreSQL on ${DB_PORT}"
java "-Xmx${HEAP}" -jar "${JAR}" --server.port="${PORT}" --dualgate.embedded-db.port="${DB_PORT}" \
	--dualgate.embedded-db.data-dir="${DATA_DIR}" --dualgate.demo=true >"${WORK}/app.log" 2>&1 &
APP_PID=$!
for _ in $(seq 1 180); do
	if curl -fs "${BASE}/actuator/health" >/dev/null 2>&1; then break; fi
	sleep 1
done
curl -fs "${BASE}/actuator/health" >/dev/null || { echo "app did not start"; tail -50 "${WORK}/app.log"; exit 1; }

start=$(date +%s.%N)
"${PSQL[@]}" -v events="${EVENTS}" -f bench/audit-events.sql >/dev/null
"${PSQL[@]}" -c 'vacuum analyze audit_event'
end=$(date +%s.%N)
ROWS=$("${PSQL[@]}" -At -c 'select count(*) from audit_event')
echo "== ${ROWS} audit events (appended ${EVENTS} in $(echo "${end} - ${start}" | bc) s)"

CSRF=$(curl -fs -c "${WORK}/cookies" "${BASE}/login" | grep -o 'name="_csrf" value="[^"]*"' | sed 's/.*value="//;s/"$//')
curl -fs -b "${WORK}/cookies" -c "${WORK}/cookies" -o /dev/null -d "username=admin&password=dualgate-demo&_csrf=${CSRF}" "${BASE}/login"
TOKEN=$(curl -fs -u admin:dualgate-demo -H 'Content-Type: application/json' -d '{"name":"bench"}' \
	"${BASE}/api/v1/tokens" | sed 's/.*"token":"\([^"]*\)".*/\1/')

heap_used_mb() { # heap used now (young + old), MB
	jstat -gc "${APP_PID}" | awk 'NR == 2 { printf "%.0f", ($3 + $4 + $6 + $8) / 1024 }'
}

# --- export: time, size, heap while streaming
jcmd "${APP_PID}" GC.run >/dev/null
BEFORE=$(heap_used_mb)
( while true; do jstat -gc "${APP_PID}" | awk 'NR == 2 { printf "%.0f %.0f\n", ($3 + $4 + $6 + $8) / 1024, $8 / 1024 }'; sleep 0.5; done ) >"${WORK}/heap.samples" 2>/dev/null &
SAMPLER_PID=$!
EXPORT_S=$(curl -fs -H "Authorization: Bearer ${TOKEN}" -o "${WORK}/export.jsonl" -w '%{time_total}' "${BASE}/api/v1/audit/export")
kill "${SAMPLER_PID}"; SAMPLER_PID=
jcmd "${APP_PID}" GC.run >/dev/null
AFTER=$(heap_used_mb)
LINES=$(wc -l <"${WORK}/export.jsonl")
SIZE_MB=$(du -m "${WORK}/export.jsonl" | cut -f1)
read -r MAX_USED MAX_OLD < <(sort -n "${WORK}/heap.samples" | tail -1 | awk '{ print $1, $2 }')
MAX_OLD=$(sort -k2 -n "${WORK}/heap.samples" | tail -1 | awk '{ print $2 }')
echo "export: ${LINES} lines (${SIZE_MB} MB) in ${EXPORT_S} s"
echo "   heap used after a full GC: before ${BEFORE} MB, after ${AFTER} MB; while streaming (${HEAP} max, $(wc -l <"${WORK}/heap.samples") samples): at most ${MAX_USED} MB used, old generation at most ${MAX_OLD} MB"

# --- offline verification
/usr/bin/time -f '%e %M' -o "${WORK}/verify.time" java -jar "${JAR}" verify-audit "${WORK}/export.jsonl" >"${WORK}/verify.out" 2>&1 && STATUS=0 || STATUS=$?
read -r VERIFY_S VERIFY_KB <"${WORK}/verify.time"
echo "verify-audit: exit ${STATUS} in ${VERIFY_S} s, peak RSS $(( VERIFY_KB / 1024 )) MB: $(cut -c1-100 "${WORK}/verify.out")"

# --- the audit page
percentiles() { # "p50 p95" in ms of the seconds in file $1, nearest rank
	sort -g "$1" | awk '{ v[NR] = $1 * 1000 } END { printf "%.1f %.1f", v[int(0.5 * NR + 0.999999)], v[int(0.95 * NR + 0.999999)] }'
}
page() { # $1 label, $2 query string
	local out="${WORK}/page.times"
	: >"${out}"
	for _ in $(seq 1 "${WARMUP}"); do curl -fs -o /dev/null -b "${WORK}/cookies" "${BASE}/admin/audit$2"; done
	for _ in $(seq 1 "${REQUESTS}"); do curl -fs -o /dev/null -w '%{time_total}\n' -b "${WORK}/cookies" "${BASE}/admin/audit$2" >>"${out}"; done
	printf '   %-44s p50/p95 ms: %s\n' "$1" "$(percentiles "${out}")"
}
echo "audit page (${REQUESTS} requests each after ${WARMUP} warm-up):"
page "first page, no filter" ""
page "person" "?person=bench7"
page "event type" "?action=GATE_SIGNED"
page "subject (type and id)" "?entityType=gate&entityId=B-500"
page "one day" "?from=2024-06-01&to=2024-06-01"
page "person + event type + 3 months" "?person=bench7&action=GATE_SIGNED&from=2024-03-01&to=2024-05-31"
page "page 10,000 (rows 499,951-500,000)" "?page=9999"

VERIFY_API=$(curl -fs -H "Authorization: Bearer ${TOKEN}" -o "${WORK}/verify.json" -w '%{time_total}' "${BASE}/api/v1/audit/verify")
echo "GET /api/v1/audit/verify: ${VERIFY_API} s: $(cut -c1-120 "${WORK}/verify.json")"
