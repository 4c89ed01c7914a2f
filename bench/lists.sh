#!/usr/bin/env bash
# Gate lists at scale (issue 16): p95 of "My queue" (/gates/queue, as a Delivery PM) and of the gate
# list (/gates) with SMALL gates in the database, then again after growing it to LARGE gates
# (bench/lists-setup.sql: 3 in 10 open, 6 in 10 approved, 1 in 10 rejected; the measured PM holds 1 in
# 50 prototypes). Target: p95 at 10,000 gates <= 1.3x the p95 at 100 gates, for each page.
#
#   bench/lists.sh                 # starts a fresh app on 127.0.0.1:8088 (-Xmx512m), runs, stops it
#   SMALL=100 LARGE=10000 REQUESTS=60 bench/lists.sh
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/lib.sh

PORT=${PORT:-8088}
DB_PORT=${DB_PORT:-15488}
SMALL=${SMALL:-100}
LARGE=${LARGE:-10000}
REQUESTS=${REQUESTS:-60}
WARMUP=${WARMUP:-15}
BASE=http://127.0.0.1:${PORT}
DATA_DIR=target/bench-db-lists
RUN=l$(date +%s | tail -c 6)
WORK=$(mktemp -d)
APP_PID=""

cleanup() { if [[ -n "${APP_PID}" ]]; then bench_stop "${APP_PID}" "${DATA_DIR}"; fi; rm -rf "${WORK}"; }
trap cleanup EXIT

sql() { psql -X -h 127.0.0.1 -p "${DB_PORT}" -U postgres -d postgres -At "$@"; }

echo "starting a fresh app on ${BASE} (embedded PostgreSQL on ${DB_PORT}, -Xmx${BENCH_HEAP})"
rm -rf "${DATA_DIR}"
bench_start lists "${PORT}" "${DB_PORT}" "${DATA_DIR}" || { APP_PID=${BENCH_PID}; exit 1; }
APP_PID=${BENCH_PID}
echo "ready in ${BENCH_READY_S} s"

grow() { # grows the database to $1 gates
	local have want from
	have=$(sql -c "select count(*) from gate")
	want=$1
	from=$(( $(sql -c "select count(*) from prototype where key like 'LIST${RUN^^}-%'") + 1 ))
	if (( want > have )); then
		sql -q -v run="${RUN}" -v from="${from}" -v to="$(( from + want - have - 1 ))" -f bench/lists-setup.sql
	fi
	sql -q -c "vacuum analyze gate" -c "vacuum analyze gate_signature" -c "vacuum analyze gate_item"
	echo "gates: $(sql -c "select count(*) from gate") ($(sql -c "select count(*) from gate where status = 'OPEN'") open)"
}

login() { # $1 = username: a browser session in cookie jar ${WORK}/$1
	local jar="${WORK}/$1" csrf
	csrf=$(curl -fs -c "${jar}" "${BASE}/login" | grep -o 'name="_csrf" value="[^"]*"' | sed 's/.*value="//;s/"$//')
	curl -fs -b "${jar}" -c "${jar}" -o /dev/null -d "username=$1&password=dualgate-demo&_csrf=${csrf}" "${BASE}/login"
	curl -fs -b "${jar}" -o /dev/null "${BASE}/gates/queue"
}

p95() { # prints the p95 (ms, nearest rank) of $REQUESTS GETs of $2 with session $1, after $WARMUP
	local out="${WORK}/times" i
	: >"${out}"
	for i in $(seq 1 "${WARMUP}"); do curl -fs -o /dev/null -b "${WORK}/$1" "${BASE}$2"; done
	for i in $(seq 1 "${REQUESTS}"); do
		curl -fs -o /dev/null -b "${WORK}/$1" -w '%{time_total}\n' "${BASE}$2" >>"${out}"
	done
	sort -g "${out}" | awk '{ v[NR] = $1 * 1000 } END { i = int(0.95 * NR + 0.999999); printf "%.1f", v[i] }'
}

grow "${SMALL}"
PM="list${RUN}-d1"
login "${PM}"
ROWS_SMALL=$(curl -fs -b "${WORK}/${PM}" "${BASE}/gates/queue" | grep -c '<tr>' || true)
QUEUE_SMALL=$(p95 "${PM}" /gates/queue)
LIST_SMALL=$(p95 "${PM}" /gates)
echo "at ${SMALL} gates: My queue p95 ${QUEUE_SMALL} ms (${ROWS_SMALL} table rows), gate list p95 ${LIST_SMALL} ms"

grow "${LARGE}"
ROWS_LARGE=$(curl -fs -b "${WORK}/${PM}" "${BASE}/gates/queue" | grep -c '<tr>' || true)
QUEUE_LARGE=$(p95 "${PM}" /gates/queue)
LIST_LARGE=$(p95 "${PM}" /gates)
echo "at ${LARGE} gates: My queue p95 ${QUEUE_LARGE} ms (${ROWS_LARGE} table rows), gate list p95 ${LIST_LARGE} ms"

awk -v a="${QUEUE_LARGE}" -v b="${QUEUE_SMALL}" -v c="${LIST_LARGE}" -v d="${LIST_SMALL}" -v s="${SMALL}" -v l="${LARGE}" 'BEGIN {
	printf "My queue p95 at %d gates vs %d: %.2fx; gate list p95: %.2fx (target <= 1.3x each)\n", l, s, a / b, c / d }'
bench_result queue_small_p95_ms "${QUEUE_SMALL}"
bench_result queue_large_p95_ms "${QUEUE_LARGE}"
bench_result list_small_p95_ms "${LIST_SMALL}"
bench_result list_large_p95_ms "${LIST_LARGE}"
