#!/usr/bin/env bash
# Alignment dashboard benchmark (issue 5, item 6). Starts the app on an embedded PostgreSQL in a
# throw-away data directory, loads N prototypes x 12 metrics x daily observations through the
# observation table (triggers keep the weekly rollups), first to ~1 million, then to ~10 million
# rows, and at each size measures over loopback:
#   - GET /alignment (the whole page, session cookie) and GET /api/v1/alignment (bearer token):
#     p50/p95 of $REQUESTS requests after $WARMUP warm-up requests;
#   - the bare SQL computing one pair's weekly-paired correlation from the raw observations in psql
#     (whole history, and restricted to the dashboard's 52-week window).
#   - COLD page requests, each right after a one-row `nps` upsert (issue 16: the figures reading NPS
#     are computed again, the others come from the cache): p50/p95 against the raw 52-week query.
# Usage: bench/dashboard.sh   (env: PROTOTYPES=230 REQUESTS=30 WARMUP=5 COLD=20 PORT=8084 DB_PORT=54384
#                              STEPS="1m 10m": the sizes measured; bench/all.sh measures 10m only)
# Target (issue 16): at 10 M observations, page p95 right after a write <= 0.2x the raw 52-week query.
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/lib.sh

PROTOTYPES=${PROTOTYPES:-230}
REQUESTS=${REQUESTS:-30}
WARMUP=${WARMUP:-5}
COLD=${COLD:-20}
STEPS=${STEPS:-1m 10m}
PORT=${PORT:-8084}
DB_PORT=${DB_PORT:-54384}
METRICS=12
BASE="http://127.0.0.1:${PORT}"
DATA_DIR=target/bench-db-dashboard
WORK=$(mktemp -d /tmp/dualgate-bench-work-XXXXXX)
PSQL=(/usr/bin/psql -X -q -v ON_ERROR_STOP=1 "postgresql://postgres@127.0.0.1:${DB_PORT}/postgres")
APP_PID=

cleanup() {
	if [[ -n "${APP_PID}" ]]; then bench_stop "${APP_PID}" "${DATA_DIR}"; fi
	rm -rf "${DATA_DIR}" "${WORK}"
}
trap cleanup EXIT

echo "Starting the app on port ${PORT} (-Xmx${BENCH_HEAP}), PostgreSQL on ${DB_PORT}, data in ${DATA_DIR}"
rm -rf "${DATA_DIR}"
bench_start dashboard "${PORT}" "${DB_PORT}" "${DATA_DIR}" || { APP_PID=${BENCH_PID}; exit 1; }
APP_PID=${BENCH_PID}

# Sign in once in the browser way (CSRF token + session cookie) and get an API token.
JAR_FILE="${WORK}/cookies"
CSRF=$(curl -fs -c "${JAR_FILE}" "${BASE}/login" | grep -o 'name="_csrf" value="[^"]*"' | sed 's/.*value="//;s/"$//')
curl -fs -b "${JAR_FILE}" -c "${JAR_FILE}" -o /dev/null -d "username=executive&password=dualgate-demo&_csrf=${CSRF}" "${BASE}/login"
TOKEN=$(curl -fs -u executive:dualgate-demo -H 'Content-Type: application/json' -d '{"name":"bench"}' \
	"${BASE}/api/v1/tokens" | sed 's/.*"token":"\([^"]*\)".*/\1/')

percentiles() { # prints "p50 p95" in ms of the numbers (seconds) in file $1, nearest rank
	sort -g "$1" | awk '{ v[NR] = $1 * 1000 } END {
		i50 = int(0.5 * NR + 0.999999); i95 = int(0.95 * NR + 0.999999);
		printf "%.1f %.1f", v[i50], v[i95] }'
}

measure_http() { # $1 = label, rest = curl args; prints p50/p95
	local label=$1; shift
	local out="${WORK}/${label}.times"
	: >"${out}"
	for _ in $(seq 1 "${WARMUP}"); do curl -fs -o /dev/null "$@"; done
	for _ in $(seq 1 "${REQUESTS}"); do
		curl -fs -o /dev/null -w '%{time_total}\n' "$@" >>"${out}"
	done
	read -r p50 p95 < <(percentiles "${out}")
	echo "${label} ${p50} ${p95}"
}

measure_cold() { # $1 = label, rest = curl args: each request right after a one-row observation upsert,
	# so the dashboard's cache is invalid and every figure is computed again; prints p50/p95
	local label=$1; shift
	local out="${WORK}/${label}.times"
	: >"${out}"
	for i in $(seq 1 "${COLD}"); do
		"${PSQL[@]}" -c "insert into observation (prototype_id, metric_key, observed_on, value, source)
			select min(id), 'nps', current_date, ${i}, 'API' from prototype
			on conflict (prototype_id, metric_key, observed_on) do update set value = excluded.value"
		curl -fs -o /dev/null -w '%{time_total}\n' "$@" >>"${out}"
	done
	read -r p50 p95 < <(percentiles "${out}")
	echo "${label} ${p50} ${p95}"
}

measure_sql() { # $1 = label, $2 = window clause; median and max of 5 runs (after 1 warm-up) in ms
	local label=$1 clause=$2
	local out="${WORK}/${label}.times"
	: >"${out}"
	for i in $(seq 0 5); do
		local t
		t=$("${PSQL[@]}" -v window_clause="${clause}" -c '\timing on' -f bench/raw-pair.sql 2>&1 | grep '^Time:' | awk '{print $2}')
		if [[ $i -gt 0 ]]; then echo "${t}" >>"${out}"; fi
	done
	sort -g "${out}" | awk -v label="${label}" '{ v[NR] = $1 } END { printf "%s %.1f %.1f\n", label, v[int((NR + 1) / 2)], v[NR] }'
}

load() { # $1 = days_to, $2 = days_from: adds the days [today - days_to, today - days_from)
	local start end
	start=$(date +%s.%N)
	"${PSQL[@]}" -v prototypes="${PROTOTYPES}" -v days_to="$1" -v days_from="$2" -v batches=10 -f bench/generate.sql >&2
	end=$(date +%s.%N)
	"${PSQL[@]}" -c 'vacuum analyze observation' -c 'vacuum analyze observation_weekly' >&2
	echo "$(echo "${end} - ${start}" | bc)"
}

RESULTS="${WORK}/results"
: >"${RESULTS}"
DAYS_1M=$(( (1000000 + PROTOTYPES * METRICS - 1) / (PROTOTYPES * METRICS) ))
DAYS_10M=$(( (10000000 + PROTOTYPES * METRICS - 1) / (PROTOTYPES * METRICS) ))
WINDOW_CLAUSE="and observed_on >= current_date - 371"
DONE_DAYS=0
for STEP in ${STEPS}; do
	if [[ "${STEP}" == 1m ]]; then TARGET_DAYS=${DAYS_1M}; else TARGET_DAYS=${DAYS_10M}; fi
	# history grows backwards in time: the latest year (the dashboard's default window) stays the same
	LOAD_S=$(load "${TARGET_DAYS}" "${DONE_DAYS}")
	DONE_DAYS=${TARGET_DAYS}
	ROWS=$("${PSQL[@]}" -At -c 'select count(*) from observation')
	WEEKLY=$("${PSQL[@]}" -At -c 'select count(*) from observation_weekly')
	echo "== ${ROWS} observations (${WEEKLY} weekly rollup rows); load of this step: ${LOAD_S} s"
	PAGE=$(measure_http page -b "${JAR_FILE}" "${BASE}/alignment")
	API=$(measure_http api -H "Authorization: Bearer ${TOKEN}" "${BASE}/api/v1/alignment")
	COLD_PAGE=$(measure_cold cold -b "${JAR_FILE}" "${BASE}/alignment")
	RAW_ALL=$(measure_sql raw_all "")
	RAW_WINDOW=$(measure_sql raw_window "${WINDOW_CLAUSE}")
	echo "   page p50/p95 ms: ${PAGE#page }"
	echo "   api  p50/p95 ms: ${API#api }"
	echo "   page right after a new observation (cache invalid, all figures recomputed) p50/p95 ms: ${COLD_PAGE#cold }"
	echo "   bare raw SQL, one pair, whole history, median/max ms: ${RAW_ALL#raw_all }"
	echo "   bare raw SQL, one pair, last 52 weeks,  median/max ms: ${RAW_WINDOW#raw_window }"
	echo "${ROWS} ${LOAD_S} ${PAGE#page } ${API#api } ${RAW_ALL#raw_all } ${RAW_WINDOW#raw_window } ${COLD_PAGE#cold }" >>"${RESULTS}"
done

echo
echo "observations | load s | page p50 | page p95 | api p50 | api p95 | raw(all) median | raw(all) max | raw(52w) median | raw(52w) max | cold page p50 | cold page p95 | page p95 / raw(all) median | cold page p95 / raw(all) median"
awk '{ printf "%s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %.3f | %.3f\n", $1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $4 / $7, $12 / $7 }' "${RESULTS}"
read -r _ _ _ _ _ _ _ _ RAW52 _ _ COLD95 < <(tail -1 "${RESULTS}")
awk -v c="${COLD95}" -v r="${RAW52}" 'BEGIN {
	printf "page p95 right after a write %.1f ms vs raw 52-week pair query %.1f ms: %.3fx (target <= 0.2x)\n", c, r, c / r }'
bench_result dashboard_cold_p95_ms "${COLD95}"
bench_result dashboard_raw52_ms "${RAW52}"
